// The page: asks the /v1 API and shows its answers. It decides nothing: every verdict, reason, order and word of
// the legend comes from the server (the library's answers, and its Verdict enum in the boot data).
"use strict";
(function () {
  const boot = JSON.parse(document.getElementById("boot").textContent);
  const verdicts = boot.verdicts; // strongest first, as list(Verdict) gives them
  const byValue = Object.fromEntries(verdicts.map((v) => [v.value, v]));
  const countries = Object.fromEntries(boot.countries.map((c) => [c.code, c]));
  const $ = (id) => document.getElementById(id);
  // The page's words in its language: the server puts the translations of the strings below in the boot data
  // (English has none); "{name}" in a string is filled from values.
  const words = boot.words || {};
  function _(text, values) {
    const said = words[text] || text;
    return values ? said.replace(/\{(\w+)\}/g, (found, name) => (name in values ? String(values[name]) : found)) : said;
  }
  const SVG = "http://www.w3.org/2000/svg";
  let current = { person: "", date: "", country: "", view: null };

  // --- small helpers -------------------------------------------------------------------------------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }
  // The data's codes a reader sees: a source's kind, a fact's confidence.
  const CODE_WORDS = { primary: _("primary"), secondary: _("secondary"), reference: _("reference"),
    probable: _("probable"), reported: _("reported"), disputed: _("disputed"), unconfirmed: _("unconfirmed") };
  function word(code) { return CODE_WORDS[code] || code; }
  function label(value) { return byValue[value] ? byValue[value].label : value.replace(/_/g, " "); }
  function query(params) {
    return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  }
  async function ask(path, params, options) {
    const asked = boot.lang === "en" ? params : Object.assign({}, params || {}, { lang: boot.lang });
    const url = asked ? `${path}?${query(asked)}` : path;
    let response, body;
    try {
      response = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
      body = await response.json();
    } catch (error) {
      throw Object.assign(new Error("unreachable"), { offline: !response, problem: {} });
    }
    if (!response.ok) throw Object.assign(new Error(body.detail || response.statusText), { problem: body });
    return body;
  }

  // The texture of each verdict on the map and in the legend, so that colour is never the only cue.
  const TEXTURES = {
    in_custody: (p) => { p.append(circle(3, 3, 1.3), circle(7, 7, 1.3)); },
    duty_to_arrest: (p) => { p.append(line(0, 10, 10, 0), line(-2, 2, 2, -2), line(8, 12, 12, 8)); },
    residual_duty: (p) => { p.append(line(0, 10, 10, 0), line(0, 0, 10, 10)); },
  };
  function circle(cx, cy, r) {
    const c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", cx); c.setAttribute("cy", cy); c.setAttribute("r", r); c.setAttribute("fill", "#fff");
    return c;
  }
  function line(x1, y1, x2, y2) {
    const l = document.createElementNS(SVG, "line");
    Object.entries({ x1, y1, x2, y2, stroke: "#fff", "stroke-width": 1.6, "stroke-opacity": 0.75 })
      .forEach(([k, v]) => l.setAttribute(k, v));
    return l;
  }
  function patterns(svg, prefix) {
    const defs = document.createElementNS(SVG, "defs");
    for (const verdict of verdicts) {
      const pattern = document.createElementNS(SVG, "pattern");
      pattern.setAttribute("id", `${prefix}-${verdict.value}`);
      pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", 10); pattern.setAttribute("height", 10);
      const rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("width", 10); rect.setAttribute("height", 10); rect.setAttribute("fill", verdict.colour);
      pattern.append(rect);
      if (TEXTURES[verdict.value]) TEXTURES[verdict.value](pattern);
      defs.append(pattern);
    }
    svg.prepend(defs);
  }
  function swatch(value) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 12"); svg.setAttribute("aria-hidden", "true");
    patterns(svg, `sw-${value}-${Math.random().toString(36).slice(2)}`);
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("width", 20); rect.setAttribute("height", 12);
    rect.setAttribute("fill", `url(#${svg.querySelector("pattern[id$='" + value + "']").id})`);
    svg.append(rect);
    return el("span", { class: "swatch" }, svg);
  }
  function badge(value) {
    return el("span", { class: "badge" }, swatch(value), el("span", { text: label(value) }));
  }
  // What went wrong, in a page reader's words: the API's problem says which error it was (its `error` member);
  // the detail beside it is written for programs and shell users, so the page says it its own way.
  function readerMessage(error, what) {
    const kind = (error.problem || {}).error;
    const quoted = what ? _("“{what}”", { what }) : _("That");
    if (kind === "UnknownPersonError") return _("{quoted} is not a person in this dataset. Start typing a name and pick one of the suggestions.", { quoted });
    if (kind === "AmbiguousPersonError") return _("{quoted} could be more than one person. Choose one:", { quoted });
    if (kind === "UnknownCountryError") return _("{quoted} is not a country this page knows. Start typing a country's name and pick one of the suggestions.", { quoted });
    if (kind === "InvalidDateError") return _("That is not a day this page can read. Pick a day in the date field.");
    if (kind === "InputError") return _("Something is missing: each leg of a trip needs a country, and a day if you give one must be a real day.");
    if (error.offline) return _("The server could not be reached. Check your connection and try again.");
    return _("The server could not answer this question just now. Try again in a moment.");
  }
  function showProblem(box, error, what, onSuggestion) {
    box.replaceChildren(el("p", { text: readerMessage(error, what) }));
    const problem = error.problem || {};
    const options = problem.suggestions || [];
    if (options.length && onSuggestion) {
      const row = el("p", { text: problem.error === "AmbiguousPersonError" ? "" : _("Did you mean: ") });
      for (const option of options) {
        const id = (option.match(/\(([^()]+)\)$/) || [null, option])[1];
        const person = boot.persons.find((p) => p.id === id);
        row.append(el("button", { type: "button", class: "secondary", text: person ? person.name : option,
          onclick: () => onSuggestion(id) }));
      }
      box.append(row);
    }
    box.hidden = false;
  }
  function sourceLink(source) {
    const about = [source.kind ? word(source.kind) : null, source.document].filter(Boolean).join(", ");
    return el("span", { class: "source" },
      el("a", { href: source.url, rel: "noopener noreferrer", target: "_blank", text: source.title, hreflang: "en", lang: "en" }),
      about ? el("span", { class: "hint", text: ` (${about})` }) : null);
  }
  // The sources of one fact, strongest first as the API lists them: the best two, and the rest on demand.
  const BEST = 2;
  function sourceList(sources) {
    const item = (source) => el("li", {}, sourceLink(source));
    const list = el("ul", { class: "sources" }, ...sources.slice(0, BEST).map(item));
    if (sources.length <= BEST) return list;
    const rest = sources.length - BEST;
    return el("div", {}, list, el("details", { class: "all-sources" },
      el("summary", { text: _("All sources ({rest} more)", { rest }) }), el("ul", { class: "sources" }, ...sources.slice(BEST).map(item))));
  }
  const RANK = { primary: 0, secondary: 1, reference: 2 };
  function bestSource(record) {
    if (record.source) return record.source;
    const sources = [...(record.sources || [])].sort((a, b) => (RANK[a.kind] ?? 3) - (RANK[b.kind] ?? 3));
    return sources[0] || null;
  }
  function inWords(iso) {
    return new Date(`${iso}T00:00:00Z`).toLocaleDateString(boot.lang === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }
  // A day inside a sentence: ISO in English, in words in French ("le 3 septembre 2024"), as the answers write it.
  function inText(iso) { return boot.lang === "en" ? iso : inWords(iso); }
  function when(iso) { return el("time", { datetime: iso, class: "date", text: iso }); }
  function span(start, end) {
    return !end || end === start ? el("span", { class: "date" }, when(start))
      : el("span", { class: "date" }, when(start), _(" to "), when(end));
  }
  // A country's name in the page's language (the boot data's), whatever the API's record says.
  function nameOf(record) { return countries[record.country] ? countries[record.country].name : record.name; }
  function personName(id) { const p = boot.persons.find((x) => x.id === id); return p ? p.name : id; }

  // --- boot: dataset, suggestions, legend, map --------------------------------------------------------------------
  for (const person of boot.persons) {
    for (const name of [person.name, ...person.aliases]) $("person-names").append(el("option", { value: name }));
  }
  for (const c of boot.countries) $("country-names").append(el("option", { value: c.name }));
  const mapSvg = $("map").querySelector("svg");
  const regions = {};
  if (mapSvg) {
    patterns(mapSvg, "map");
    mapSvg.setAttribute("aria-hidden", "false");
    for (const g of mapSvg.querySelectorAll("g.country")) {
      const country = boot.alpha2[g.dataset.a2];
      if (!country) continue;
      regions[country] = g;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", countries[country].name);
      g.addEventListener("click", () => openCountry(country, true));
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openCountry(country, true); }
      });
      g.addEventListener("focus", () => hover(country));
      g.addEventListener("mouseenter", () => hover(country));
    }
  }
  function hover(code) {
    const record = current.view && current.view.byCode[code];
    $("map-label").textContent = record
      ? _("{country}: {verdict}{unsure}. Press Enter for the answer.", { country: nameOf(record), verdict: label(record.verdict),
        unsure: record.confirmed ? "" : _(" (not confirmed)") })
      : countries[code].name;
  }

  // --- the question ---------------------------------------------------------------------------------------------
  // Each question gets a number: an answer that arrives after a newer question was asked is dropped, so the page
  // never shows one question's map above another's answer.
  let asked = 0;
  function clearAnswer() {
    $("answer").hidden = true;
    for (const id of ["answer-title", "answer-verdict", "answer-how-sure", "answer-warnings", "answer-reasons",
      "answer-precedents", "answer-how-sure-list", "next-change", "copy-status", "timeline-caption"]) $(id).replaceChildren();
    $("timeline-table").tBodies[0].replaceChildren();
    $("timeline-bar").replaceChildren();
    $("wanted").hidden = true;
    $("wanted-list").replaceChildren();
  }
  async function showWorld(person, date, country, scroll) {
    const number = ++asked;
    $("ask-error").hidden = true;
    const before = { person: current.person, country: current.country };
    clearAnswer();
    $("loading").textContent = _("Looking up the answer…");
    let view;
    try {
      view = await ask("/v1/world", { person, date });
    } catch (error) {
      if (number !== asked) return;
      $("loading").textContent = "";
      $("world").hidden = true; $("lists").hidden = true; $("visits").hidden = true;
      current = { person: "", date: "", country: "", view: null };
      showProblem($("ask-error"), error, person, (id) => { $("person").value = personName(id); showWorld(id, date, country, scroll); });
      return;
    }
    if (number !== asked) return;
    $("loading").textContent = "";
    // The same person on another day keeps the chosen country, answered anew; a new person starts with none.
    const keep = country || (view.person === before.person ? before.country : "");
    view.byCode = Object.fromEntries(view.countries.map((r) => [r.country, r]));
    current = { person: view.person, date: view.date, country: "", view };
    $("world").hidden = false;
    $("world-title").textContent = _("{person} on {date}: the verdict in {count} countries and territories",
      { person: view.person_name, date: inText(view.date), count: view.countries.length });
    const params = query({ person: view.person, date: view.date });
    $("world-json").href = `/v1/world?${params}`;
    $("world-svg").href = `/v1/world.svg?${params}`;
    $("world-csv").href = `/v1/world?${params}&format=csv`;
    $("world-warnings").replaceChildren(...view.warnings.map((w) => el("li", { text: w })));  // in the page's language
    $("world-warnings-box").hidden = !view.warnings.length;
    $("world-warnings-summary").textContent = view.warnings.length === 1 ? _("1 warning about this map (open to read)")
      : _("{count} warnings about this map (open to read)", { count: view.warnings.length });
    const counts = Object.fromEntries(verdicts.map((v) => [v.value, 0]));
    for (const g of Object.values(regions)) { g.classList.remove("selected"); }
    for (const record of view.countries) {
      counts[record.verdict] += 1;
      const g = regions[record.country];
      if (g) {
        g.style.fill = `url(#map-${record.verdict})`;
        g.setAttribute("aria-label", _("{country}: {verdict}", { country: nameOf(record), verdict: label(record.verdict) }));
        g.dataset.verdict = record.verdict;
      }
    }
    $("legend-list").replaceChildren(...verdicts.map((v) => el("li", {},
      swatch(v.value),
      el("span", { class: "label", text: `${v.label} (${counts[v.value]})` }),
      el("span", { class: "description", text: `${v.description}. ${v.can_travel ? _("Can travel.") : _("Cannot travel.")}` }))));
    $("lists").hidden = false;
    $("by-verdict").replaceChildren(...verdicts.filter((v) => counts[v.value]).map((v) => {
      const names = view.countries.filter((r) => r.verdict === v.value)
        .sort((a, b) => nameOf(a).localeCompare(nameOf(b), boot.lang));
      return el("details", { "data-verdict": v.value },
        el("summary", {}, badge(v.value), el("span", { class: "hint", text: _(" {count} countries and territories", { count: counts[v.value] }) })),
        el("ul", {}, ...names.map((r) => el("li", {}, el("button", {
          type: "button", "data-country": r.country, "aria-pressed": "false",
          text: r.confirmed ? nameOf(r) : nameOf(r) + _(" (not confirmed)"), onclick: () => openCountry(r.country, true),
        })))));
    }));
    $("trip-person").textContent = view.person_name;
    remember();
    showVisits(view.person, number);
    if (keep && view.byCode[keep]) await openCountry(keep, scroll);
  }

  // --- one country: the explained answer, its timeline, the next change, who is wanted there ------------------------
  async function openCountry(code, scroll) {
    if (!current.person) return;
    const number = asked;
    current.country = code;
    for (const g of Object.values(regions)) g.classList.remove("selected");
    if (regions[code]) regions[code].classList.add("selected");
    for (const b of document.querySelectorAll("#by-verdict button")) b.setAttribute("aria-pressed", String(b.dataset.country === code));
    const date = current.view.date;
    const params = { person: current.person, country: code, date };
    let answer, periods, change, wanted;
    try {
      [answer, periods, change, wanted] = await Promise.all([
        ask("/v1/assess", params),
        ask("/v1/timeline", { person: current.person, country: code }),
        ask("/v1/next-change", params),
        ask("/v1/wanted-in", { country: code, date }),
      ]);
    } catch (error) {
      if (number === asked && current.country === code) showProblem($("ask-error"), error, countries[code] ? countries[code].name : code);
      return;
    }
    if (number !== asked || current.country !== code) return; // a newer question or country was chosen meanwhile
    showAnswer(answer, params);
    showTimeline(periods, answer);
    $("next-change").textContent = change
      ? _("Next change after {date}: on {day}, from {before} to {after} ({event}).", { date: inText(answer.date), day: inText(change.date),
        before: label(change.before), after: label(change.after), event: change.event })
      : _("No recorded fact changes this verdict after {date}.", { date: inText(answer.date) });
    showWanted(answer, wanted);
    remember();
    if (scroll) {
      // The title and the verdict line under it, just below the sticky header: the section itself can be taller
      // than the window, so focusing it would show its middle.
      $("answer-title").focus({ preventScroll: true });
      $("answer-title").scrollIntoView({ block: "start" });
    }
  }

  function showAnswer(answer, params) {
    const verdict = byValue[answer.verdict];
    $("answer").hidden = false;
    $("answer-title").textContent = _("{person} in {country} on {date}", { person: answer.person_name,
      country: answer.country_name, date: inText(answer.date) });
    const sentence = verdict.sentence.replaceAll("{person}", answer.person_name)
      .replaceAll("{country}", answer.country_name).replaceAll("{date}", inWords(answer.date));
    $("answer-verdict").replaceChildren(badge(answer.verdict), " ", el("strong", { text: sentence }));
    const doubts = answer.warnings.length;
    const quiet = answer.how_sure.length;
    $("answer-how-sure").replaceChildren(el("strong", { text: _("How sure: ") }), doubts
      ? (doubts === 1 ? _("one recorded doubt could change this answer (below).")
        : _("{count} recorded doubts could change this answer (below).", { count: doubts }))
      : quiet
        ? (quiet === 1 ? _("no recorded doubt can change this answer; one fact it rests on is less than confirmed, without changing it (listed below).")
          : _("no recorded doubt can change this answer; {count} facts it rests on are less than confirmed, without changing it (listed below).", { count: quiet }))
        : _("every fact this answer rests on is confirmed by its sources."));
    $("answer-warnings").replaceChildren(...answer.warnings.map((w) => el("li", { text: w })));
    $("answer-how-sure-box").hidden = !answer.how_sure.length;
    $("answer-how-sure-list").replaceChildren(...answer.how_sure.map((w) => el("li", { text: w })));
    $("answer-json").href = `/v1/assess?${query(params)}`;
    $("timeline-json").href = `/v1/timeline?${query({ person: params.person, country: params.country })}`;
    const shown = new Set(); // each fact once, under the first rule that used it (as explain() does)
    $("answer-reasons").replaceChildren(...answer.reasons.map((reason) => {
      const facts = reason.facts.filter((fact) => !shown.has(fact.description) && shown.add(fact.description));
      return el("li", {},
        reason.text, " ", el("span", { class: "rule", title: _("the rule's id"), text: reason.rule }),
        el("span", { class: "basis", text: _("Legal basis: {basis}", { basis: reason.legal_basis }) }),
        facts.length ? el("ul", { class: "facts" }, ...facts.map((fact) => el("li", {},
          el("span", { class: "fact" }, fact.description),
          fact.confidence !== "confirmed" ? el("span", { class: "unconfirmed", text: ` (${word(fact.confidence)})` }) : null,
          fact.note ? el("span", { lang: "en" }, ` — ${fact.note}`) : null,
          fact.origin !== "shipped" ? _(" [from {origin}]", { origin: fact.origin }) : null,
          fact.sources.length ? sourceList(fact.sources) : null))) : null);
    }));
    $("answer-precedents-block").hidden = !answer.precedents.length;
    $("answer-precedents").replaceChildren(...answer.precedents.map(precedentItem));
  }
  function precedentItem(p) {
    const best = bestSource(p);
    const finding = p.date !== undefined && p.start === undefined;
    const what = finding ? _("finding of non-compliance ({by}): ", { by: [p.chamber, p.decision ? _("document {number}", { number: p.decision }) : null].filter(Boolean).join(", ") })
      : _("visit, {outcome}: ", { outcome: boot.outcomes[p.outcome] || p.outcome });
    return el("li", {}, finding ? span(p.date) : span(p.start, p.end), ` — ${what}`, el("span", { lang: "en" }, p.summary),
      best ? el("span", { class: "best-source" }, _(" Source: "), sourceLink(best)) : null);
  }

  function showTimeline(periods, answer) {
    const total = periods.reduce((sum, p) => sum + days(p), 0) || 1;
    $("timeline-bar").replaceChildren(...periods.map((p) => {
      const part = el("span", { title: _("{start} to {end}: {verdict}", { start: p.start, end: p.end, verdict: label(p.verdict) }) });
      part.style.flex = `${days(p) / total}`;
      part.style.background = byValue[p.verdict].colour;
      return part;
    }));
    $("timeline-caption").textContent = periods.length
      ? _("{person} in {country}, {start} to {end}", { person: answer.person_name, country: answer.country_name,
        start: periods[0].start, end: periods[periods.length - 1].end })
      : "";
    $("timeline-table").tBodies[0].replaceChildren(...periods.map((p) => el("tr", {},
      el("td", { "data-label": _("From") }, when(p.start)), el("td", { "data-label": _("To") }, when(p.end)),
      el("td", { "data-label": _("Verdict") }, badge(p.verdict)),
      el("td", { "data-label": _("Can travel"), text: p.can_travel ? _("yes") : _("no") }),
      el("td", { "data-label": _("Opened by"), text: p.opened_by || "" }))));
  }
  function days(period) { return (Date.parse(period.end) - Date.parse(period.start)) / 864e5 + 1; }

  // --- where the person has been, and who is wanted in the chosen country -------------------------------------------
  async function showVisits(person, number) {
    let report;
    try {
      report = await ask("/v1/hosts", { person });
    } catch (error) {
      return; // the map and the answer above already say what went wrong with this person
    }
    if (number !== asked) return;
    // Since the warrant: the visits on whose first day the rules found a warrant in force.
    const since = report.visits.filter((v) => v.verdict !== "no_warrant");
    const before = report.visits.length - since.length;
    $("visits").hidden = false;
    $("visits-title").textContent = _("Where {person} has been since the warrant", { person: report.person_name });
    const earlier = !before ? "" : before === 1
      ? _(" 1 earlier visit, before any warrant was in force, is left out.")
      : _(" {count} earlier visits, before any warrant was in force, are left out.", { count: before });
    $("visits-intro").textContent = since.length
      ? (since.length === 1 ? _("1 recorded visit, with the host's duty on its first day and what happened.")
        : _("{count} recorded visits, newest first, with the host's duty on the first day and what happened.",
          { count: since.length })) + earlier
      : _("No visit abroad is recorded for {person} while a warrant was in force.", { person: report.person_name });
    $("visits-table").tBodies[0].replaceChildren(...since.map((v) => {
      const best = bestSource(v);
      return el("tr", {},
        el("td", { "data-label": _("When") }, span(v.start, v.end)),
        el("td", { "data-label": _("Where"), text: countries[v.host] ? countries[v.host].name : v.host_name }),
        el("td", { "data-label": _("Duty") }, badge(v.verdict)),
        el("td", { "data-label": _("What happened"), class: v.arrest_duty_ignored ? "at-risk" : "",
          text: `${boot.outcomes[v.outcome] || v.outcome}${v.arrest_duty_ignored ? _(" (a duty to arrest was ignored)") : ""}` }),
        el("td", { "data-label": _("Source") }, best ? sourceLink(best) : _("none recorded")));
    }));
    $("findings-block").hidden = !report.findings.length;
    $("findings").replaceChildren(...report.findings.map((f) => {
      const best = bestSource(f);
      return el("li", {}, span(f.date), ` — ${countries[f.state] ? countries[f.state].name : f.state}, ${f.chamber}, `,
        f.decision ? el("span", { class: "document", text: _("document {number}", { number: f.decision }) })
          : _("the Court's document number is not recorded"),
        ": ", el("span", { lang: "en" }, f.summary), best ? el("span", { class: "best-source" }, _(" Source: "), sourceLink(best)) : null);
    }));
  }
  function showWanted(answer, wanted) {
    $("wanted").hidden = false;
    $("wanted-title").textContent = _("Who is wanted in {country} on {date}", { country: answer.country_name, date: inText(answer.date) });
    $("wanted-intro").textContent = wanted.length
      ? (wanted.length === 1 ? _("1 person whom {country} would have to arrest if they came that day:", { country: answer.country_name })
        : _("{count} people whom {country} would have to arrest if they came that day:", { count: wanted.length, country: answer.country_name }))
      : _("No one in the dataset would have to be arrested by {country} that day.", { country: answer.country_name });
    $("wanted-list").replaceChildren(...wanted.map((w) => el("li", {},
      el("button", { type: "button", class: "link", text: w.person_name,
        onclick: () => { $("person").value = w.person_name; showWorld(w.person, answer.date, answer.country, true); } }),
      ` — ${label(w.verdict)}${w.confirmed ? "" : _(" (not confirmed)")}`)));
  }

  // --- the trip checker ---------------------------------------------------------------------------------------------
  const KINDS = ["visit", "transit", "overflight"];
  const KIND_WORDS = { visit: _("visit"), transit: _("transit"), overflight: _("overflight") };
  function addLeg(values) {
    const v = values || {};
    const number = $("legs").children.length + 1;
    const kind = el("select", { name: "kind", "aria-label": _("Leg {number}: kind", { number }) },
      ...KINDS.map((k) => el("option", { value: k, text: KIND_WORDS[k] })));
    kind.value = v.kind || "visit";
    const item = el("li", {},
      el("label", {}, _("Country"), el("input", { name: "country", list: "country-names", required: "", value: v.country || "" })),
      el("label", {}, _("From"), el("input", { name: "start", type: "date", value: v.start || "" })),
      el("label", {}, _("To (optional)"), el("input", { name: "end", type: "date", value: v.end || "" })),
      el("label", {}, _("Kind"), kind),
      el("button", { type: "button", class: "secondary", text: _("Remove"), "aria-label": _("Remove leg {number}", { number }),
        onclick: () => { item.remove(); } }));
    $("legs").append(item);
  }
  $("add-leg").addEventListener("click", () => addLeg());
  $("trip-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("trip-error").hidden = true;
    const person = current.person || $("person").value.trim();
    const legs = [...$("legs").children].map((li) => {
      const get = (name) => li.querySelector(`[name=${name}]`).value.trim();
      const leg = { country: get("country"), kind: get("kind") };
      if (get("end")) { leg.start = get("start") || get("end"); leg.end = get("end"); }
      else if (get("start")) leg.date = get("start");
      return leg;
    });
    let report;
    try {
      report = await ask("/v1/itinerary", null, {
        method: "POST", body: JSON.stringify({ person, legs }),
        headers: { "Content-Type": "application/json", Accept: "application/json" },
      });
    } catch (error) {
      showProblem($("trip-error"), error, "");
      return;
    }
    $("trip-result").hidden = false;
    const first = report.first_at_risk;
    $("trip-summary").replaceChildren(el("strong", {
      class: report.can_travel ? "" : "at-risk",
      text: report.can_travel ? _("{person} can make this trip: no leg at risk.", { person: report.person_name })
        : _("{person}: AT RISK, first at leg {number} ({country}).", { person: report.person_name, number: first,
          country: nameOf({ country: report.legs[first - 1].country, name: report.legs[first - 1].country_name }) }),
    }), report.flagged_overflights.length
      ? _(" Overflight leg(s) {legs}: a forced landing would be a risk.", { legs: report.flagged_overflights.join(", ") }) : "");
    $("trip-table").tBodies[0].replaceChildren(...report.legs.map((leg) => el("tr", {},
      el("td", { "data-label": _("Leg"), text: String(leg.number) }), el("td", { "data-label": _("Kind"), text: KIND_WORDS[leg.kind] || leg.kind }),
      el("td", { "data-label": _("Country"), text: nameOf({ country: leg.country, name: leg.country_name }) }),
      el("td", { "data-label": _("When") }, span(leg.start, leg.end)),
      el("td", { "data-label": _("Verdict") }, badge(leg.verdict)),
      el("td", { "data-label": _("Status"), class: leg.at_risk ? "at-risk" : "" }, leg.at_risk
        ? el("span", {}, _("AT RISK from "), when(leg.verdict_from))
        : leg.flagged ? _("flagged: at risk if forced to land") : _("can travel")))));
    $("trip-notes").replaceChildren(...report.legs.flatMap((leg) => [
      ...(leg.note ? [el("li", { text: _("{number}. {country}: {note}", { number: leg.number, country: leg.country_name,
        note: leg.note }) })] : []),  // the API wrote the note and the warnings in the page's language
      ...leg.warnings.map((w) => el("li", { text: `${leg.number}. ${w}` }))]));
    $("trip-json").textContent = JSON.stringify(report, null, 2);
  });

  // The sticky header's height, for the CSS that keeps a section's start below it (it wraps on a narrow screen).
  const header = document.querySelector("header.top");
  const measure = () => document.documentElement.style.setProperty("--header", `${header.offsetHeight}px`);
  new ResizeObserver(measure).observe(header);
  measure();

  // --- the question, and the address that keeps it -----------------------------------------------------------------
  function address() {
    return query({ person: current.person, date: current.date, country: current.country });
  }
  function remember() {
    history.replaceState(null, "", `#${address()}`);
    // The language switch keeps the question: each language's link carries the same address.
    for (const link of document.querySelectorAll("#languages a[hreflang]")) {
      link.href = `?lang=${link.getAttribute("hreflang")}#${address()}`;
    }
  }
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showWorld($("person").value.trim(), $("date").value, "", false);
  });
  $("copy-link").addEventListener("click", async () => {
    remember();
    const link = location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch (error) {
      copied = false; // no clipboard here (an insecure address, a refusal): show the link to copy by hand
    }
    $("copy-status").replaceChildren(copied ? _("Link copied: ") : _("Copy this link: "),
      el("a", { id: "copied-link", href: link, text: link }));
  });
  const trip = $("trip").querySelector("p");
  trip.append(_(" Person: "), el("strong", { id: "trip-person", text: _("the person asked about above") }), ".");
  addLeg();
  // The address holds the question (a copied link); without one, the page opens on its seed question.
  function fromAddress() {
    const start = new URLSearchParams(location.hash.slice(1));
    const question = start.get("person") ? { person: start.get("person"), date: start.get("date") || "",
      country: start.get("country") || "" } : boot.seed;
    if (question.person === current.person && question.date === current.date && question.country === current.country) return;
    $("person").value = personName(question.person);
    $("date").value = question.date;
    showWorld(question.person, question.date, question.country, false);
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
