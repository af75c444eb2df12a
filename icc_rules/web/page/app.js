// The page: asks the /v1 API and shows its answers. It decides nothing: every verdict, reason, order and word of
// the legend comes from the server (the library's answers, and its Verdict enum in the boot data).
"use strict";
(function () {
  const boot = JSON.parse(document.getElementById("boot").textContent);
  const verdicts = boot.verdicts; // strongest first, as list(Verdict) gives them
  const byValue = Object.fromEntries(verdicts.map((v) => [v.value, v]));
  const countries = Object.fromEntries(boot.countries.map((c) => [c.code, c]));
  const $ = (id) => document.getElementById(id);
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
  function label(value) { return value.replace(/_/g, " "); }
  function query(params) {
    return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  }
  async function ask(path, params, options) {
    const url = params ? `${path}?${query(params)}` : path;
    const response = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {}));
    const body = await response.json();
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
  function showProblem(box, error, onSuggestion) {
    box.replaceChildren(el("p", { text: error.message }));
    const problem = error.problem || {};
    const options = problem.suggestions || [];
    if (options.length && onSuggestion) {
      const row = el("p", { text: "Did you mean: " });
      for (const option of options) {
        const id = (option.match(/\(([^()]+)\)$/) || [null, option])[1];
        row.append(el("button", { type: "button", class: "secondary", text: option, onclick: () => onSuggestion(id) }));
      }
      box.append(row);
    }
    box.hidden = false;
  }

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
      g.addEventListener("click", () => openCountry(country));
      g.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openCountry(country); }
      });
      g.addEventListener("focus", () => hover(country));
      g.addEventListener("mouseenter", () => hover(country));
    }
  }
  function hover(code) {
    const record = current.view && current.view.byCode[code];
    $("map-label").textContent = record
      ? `${record.name}: ${label(record.verdict)}${record.confirmed ? "" : " (not confirmed)"}. Press Enter for the answer.`
      : countries[code].name;
  }

  // --- the world view ----------------------------------------------------------------------------------------------
  async function showWorld(person, date, country) {
    $("ask-error").hidden = true;
    let view;
    try {
      view = await ask("/v1/world", { person, date });
    } catch (error) {
      showProblem($("ask-error"), error, (id) => { $("person").value = id; showWorld(id, date, country); });
      return;
    }
    view.byCode = Object.fromEntries(view.countries.map((r) => [r.country, r]));
    current = { person: view.person, date: date || "", country: "", view };
    $("world").hidden = false;
    $("world-title").textContent = `${view.person_name} on ${view.date}: the verdict in ${view.countries.length} countries and territories`;
    const params = query({ person: view.person, date: view.date });
    $("world-json").href = `/v1/world?${params}`;
    $("world-svg").href = `/v1/world.svg?${params}`;
    $("world-csv").href = `/v1/world?${params}&format=csv`;
    $("world-warnings").replaceChildren(...view.warnings.map((w) => el("li", { text: w })));
    $("world-warnings-box").hidden = !view.warnings.length;
    $("world-warnings-summary").textContent = `${view.warnings.length} warning${view.warnings.length === 1 ? "" : "s"} about this map (open to read)`;
    const counts = Object.fromEntries(verdicts.map((v) => [v.value, 0]));
    for (const record of view.countries) {
      counts[record.verdict] += 1;
      const g = regions[record.country];
      if (g) {
        g.style.fill = `url(#map-${record.verdict})`;
        g.setAttribute("aria-label", `${record.name}: ${label(record.verdict)}`);
        g.dataset.verdict = record.verdict;
      }
    }
    $("legend-list").replaceChildren(...verdicts.map((v) => el("li", {},
      swatch(v.value),
      el("span", { class: "label", text: `${label(v.value)} (${counts[v.value]})` }),
      el("span", { class: "description", text: `${v.description}. ${v.can_travel ? "Can travel." : "Cannot travel."}` }))));
    $("lists").hidden = false;
    $("by-verdict").replaceChildren(...verdicts.filter((v) => counts[v.value]).map((v) => {
      const names = view.countries.filter((r) => r.verdict === v.value)
        .sort((a, b) => a.name.localeCompare(b.name));
      return el("details", { "data-verdict": v.value },
        el("summary", {}, badge(v.value), el("span", { class: "hint", text: ` ${counts[v.value]} countries and territories` })),
        el("ul", {}, ...names.map((r) => el("li", {}, el("button", {
          type: "button", "data-country": r.country, "aria-pressed": "false",
          text: r.confirmed ? r.name : `${r.name} (not confirmed)`, onclick: () => openCountry(r.country),
        })))));
    }));
    $("trip-person").textContent = view.person_name;
    remember();
    if (country && view.byCode[country]) openCountry(country);
  }

  // --- one country: the explained answer, its timeline, the next change --------------------------------------------
  async function openCountry(code) {
    if (!current.person) return;
    current.country = code;
    for (const g of Object.values(regions)) g.classList.remove("selected");
    if (regions[code]) regions[code].classList.add("selected");
    for (const b of document.querySelectorAll("#by-verdict button")) b.setAttribute("aria-pressed", String(b.dataset.country === code));
    const date = current.view.date;
    const params = { person: current.person, country: code, date };
    let answer, periods, change;
    try {
      [answer, periods, change] = await Promise.all([
        ask("/v1/assess", params),
        ask("/v1/timeline", { person: current.person, country: code }),
        ask("/v1/next-change", params),
      ]);
    } catch (error) {
      showProblem($("ask-error"), error);
      return;
    }
    const section = $("answer");
    section.hidden = false;
    $("answer-title").textContent = `${answer.person_name} in ${answer.country_name} on ${answer.date}`;
    $("answer-verdict").replaceChildren(badge(answer.verdict),
      ` — ${byValue[answer.verdict].description}. `,
      el("strong", { text: answer.can_travel ? "Can travel." : "Cannot travel." }));
    $("answer-json").href = `/v1/assess?${query(params)}`;
    $("timeline-json").href = `/v1/timeline?${query({ person: current.person, country: code })}`;
    $("answer-warnings").replaceChildren(...answer.warnings.map((w) => el("li", { text: w })));
    const shown = new Set(); // each fact and source once, under the first rule that used it (as explain() does)
    const once = (key) => !shown.has(key) && shown.add(key);
    $("answer-reasons").replaceChildren(...answer.reasons.map((reason) => {
      const facts = reason.facts.filter((fact) => once(`fact:${fact.description}`));
      const sources = reason.sources.filter((source) => once(`source:${source.url}`));
      return el("li", {},
        el("span", { class: "rule", text: reason.rule }), " ", reason.text,
        el("span", { class: "basis", text: `Legal basis: ${reason.legal_basis}` }),
        facts.length || sources.length ? el("ul", {},
          ...facts.map((fact) => el("li", {}, `Fact: ${fact.description}`,
            fact.confidence !== "confirmed" ? el("span", { class: "unconfirmed", text: ` (${fact.confidence})` }) : null,
            fact.note ? ` — ${fact.note}` : null,
            fact.origin !== "shipped" ? ` [from ${fact.origin}]` : null)),
          ...sources.map((source) => el("li", {}, "Source: ",
            el("a", { href: source.url, rel: "noopener noreferrer", target: "_blank", text: source.title })))) : null);
    }));
    $("answer-precedents-block").hidden = !answer.precedents.length;
    $("answer-precedents").replaceChildren(...answer.precedents.map((p) =>
      el("li", { text: `${p.start || p.date}: ${p.summary}` })));
    showTimeline(periods, answer);
    $("next-change").textContent = change
      ? `Next change after ${answer.date}: on ${change.date}, from ${label(change.before)} to ${label(change.after)} (${change.event}).`
      : `No recorded fact changes this verdict after ${answer.date}.`;
    remember();
    section.focus({ preventScroll: false });
  }

  function showTimeline(periods, answer) {
    const total = periods.reduce((sum, p) => sum + days(p), 0) || 1;
    $("timeline-bar").replaceChildren(...periods.map((p) => {
      const part = el("span", { title: `${p.start} to ${p.end}: ${label(p.verdict)}` });
      part.style.flex = `${days(p) / total}`;
      part.style.background = byValue[p.verdict].colour;
      return part;
    }));
    $("timeline-caption").textContent = periods.length
      ? `${answer.person_name} in ${answer.country_name}, ${periods[0].start} to ${periods[periods.length - 1].end}`
      : "";
    $("timeline-table").tBodies[0].replaceChildren(...periods.map((p) => el("tr", {},
      el("td", { text: p.start }), el("td", { text: p.end }), el("td", {}, badge(p.verdict)),
      el("td", { text: p.can_travel ? "yes" : "NO" }), el("td", { text: p.opened_by || "" }))));
  }
  function days(period) { return (Date.parse(period.end) - Date.parse(period.start)) / 864e5 + 1; }

  // --- the trip checker ---------------------------------------------------------------------------------------------
  const KINDS = ["visit", "transit", "overflight"];
  function addLeg(values) {
    const v = values || {};
    const number = $("legs").children.length + 1;
    const kind = el("select", { name: "kind", "aria-label": `Leg ${number}: kind` },
      ...KINDS.map((k) => el("option", { value: k, text: k })));
    kind.value = v.kind || "visit";
    const item = el("li", {},
      el("label", {}, "Country", el("input", { name: "country", list: "country-names", required: "", value: v.country || "" })),
      el("label", {}, "From", el("input", { name: "start", type: "date", value: v.start || "" })),
      el("label", {}, "To (optional)", el("input", { name: "end", type: "date", value: v.end || "" })),
      el("label", {}, "Kind", kind),
      el("button", { type: "button", class: "secondary", text: "Remove", "aria-label": `Remove leg ${number}`,
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
      showProblem($("trip-error"), error);
      return;
    }
    $("trip-result").hidden = false;
    const first = report.first_at_risk;
    $("trip-summary").replaceChildren(el("strong", {
      class: report.can_travel ? "" : "at-risk",
      text: report.can_travel ? `${report.person_name} can make this trip: no leg at risk.`
        : `${report.person_name}: AT RISK, first at leg ${first} (${report.legs[first - 1].country_name}).`,
    }), report.flagged_overflights.length
      ? ` Overflight leg(s) ${report.flagged_overflights.join(", ")}: a forced landing would be a risk.` : "");
    $("trip-table").tBodies[0].replaceChildren(...report.legs.map((leg) => el("tr", {},
      el("td", { text: String(leg.number) }), el("td", { text: leg.kind }), el("td", { text: leg.country_name }),
      el("td", { text: leg.start === leg.end ? leg.start : `${leg.start} to ${leg.end}` }),
      el("td", {}, badge(leg.verdict)),
      el("td", { class: leg.at_risk ? "at-risk" : "", text: leg.at_risk ? `AT RISK from ${leg.verdict_from}`
        : leg.flagged ? "flagged: at risk if forced to land" : "can travel" }))));
    $("trip-notes").replaceChildren(...report.legs.flatMap((leg) => [
      ...(leg.note ? [el("li", { text: `${leg.number}. ${leg.country_name}: ${leg.note}` })] : []),
      ...leg.warnings.map((w) => el("li", { text: `${leg.number}. ${w}` }))]));
    $("trip-json").textContent = JSON.stringify(report, null, 2);
  });

  // --- the question, and the address that keeps it -----------------------------------------------------------------
  function remember() {
    const state = query({ person: current.person, date: current.date, country: current.country });
    history.replaceState(null, "", `#${state}`);
  }
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showWorld($("person").value.trim(), $("date").value, "");
  });
  const trip = $("trip").querySelector("p");
  trip.append(" Person: ", el("strong", { id: "trip-person", text: "the person asked about above" }), ".");
  addLeg();
  const start = new URLSearchParams(location.hash.slice(1));
  if (start.get("person")) {
    $("person").value = start.get("person");
    $("date").value = start.get("date") || "";
    showWorld(start.get("person"), start.get("date") || "", start.get("country") || "");
  }
})();
