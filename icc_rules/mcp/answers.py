"""What each MCP tool answers, without the MCP SDK: the library's answer, a readable text for the model, and the
notice every answer carries.

A :class:`Reply` has two faces. ``structured`` is for programs: the library's answer exactly as the command line's
``--json`` and the web API give it (``model_dump(mode="json")``), under ``answer``, beside the notice, what the data
cannot know, and the dataset's version and as-of date. ``text`` is for the model: the library's own readable account
(``explain()``, ``table()``, ``text()``) followed by the same notice. Nothing is decided here: every verdict comes from
the library, and a bad argument raises the library's error, which the server turns into a tool error.

>>> from icc_rules import shipped_data
>>> reply = Replies(shipped_data()).assess("Putin", "Mongolia", "2024-09-03")
>>> reply.structured["answer"]["verdict"], reply.structured["answer"]["can_travel"]
('duty_to_arrest', False)
>>> print(reply.text)  # doctest: +ELLIPSIS
Vladimir Putin in Mongolia on 2024-09-03: must arrest: cannot travel there without a legal duty to arrest
...
Legal research, not legal advice: ...
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from icc_rules import (
    AmbiguousPersonError,
    Assessment,
    Dataset,
    ICCRulesError,
    InputError,
    Leg,
    LookupFailed,
    Source,
    assess,
    check_itinerary,
    hosts,
    next_change,
    resolve_country,
    timeline,
    wanted_in,
    world,
)

from ..i18n import N_, language, ngettext, resolve_language, using
from ..i18n import gettext as _
from ..i18n.messages import error_message
from ..i18n.words import day_in_words, french_country
from ..lookup.persons import resolve_person
from ..render.export import to_table

__all__ = ["NOT_ADVICE", "LegIn", "Replies", "Reply", "ToolFailure", "cannot_know", "tool_error"]

#: The first thing every answer says about itself (in English; :func:`not_advice` in the current language).
NOT_ADVICE = N_("Legal research, not legal advice: this applies the rules of the Rome Statute, as icc-rules encodes "
                "them, to the facts its dataset records. A court, a government or a lawyer may read the facts or "
                "the law differently; cite the sources, not this tool.")

#: How many sources of each fact a reply lists among its best sources (as ``explain()`` shows them).
BEST_SOURCES = 2


def cannot_know(as_of: datetime.date) -> tuple[str, ...]:
    """What no answer from the dataset can know, whatever it says, in the current language.

    >>> print(cannot_know(datetime.date(2026, 6, 1))[1])  # doctest: +ELLIPSIS
    anything that happened after 2026-06-01, the day the dataset's facts were last checked: ...
    """
    return (
        _("warrants still under seal: the Court can issue a warrant in secret (Rome Statute art. 58); the data knows "
          "a warrant only once it is made public, so 'no warrant' means no public warrant"),
        _("anything that happened after {as_of}, the day the dataset's facts were last checked: a new warrant, an "
          "arrest, a withdrawal or a new State Party since then is not known").format(
            as_of=day_in_words(as_of, language())),
    )


class LegIn(BaseModel):
    """One leg of a trip, as a tool argument: a country, a day or a range of days, and how the person is there."""

    model_config = ConfigDict(extra="forbid")

    country: str = Field(description="an ISO 3166-1 code or a country name, e.g. 'ARM' or 'Armenia'")
    date: str | None = Field(default=None, description="the day, ISO 8601 (e.g. '2024-09-03') or 'today'; give "
                             "either date, or start and end")
    start: str | None = Field(default=None, description="the first day of a stay (with end)")
    end: str | None = Field(default=None, description="the last day of a stay, included (with start)")
    kind: Literal["visit", "transit", "overflight"] = Field(
        default="visit", description="visit (a stay), transit (a stop-over: the same verdict as a visit) or "
        "overflight (flagged when a landing would be a risk, never at risk by itself)")

    def as_leg(self) -> Leg:
        """The library's :class:`~icc_rules.Leg`; a leg without a day is refused, never given today's date.

        >>> LegIn(country="ARM", start="2024-01-25", end="2024-02-05").as_leg().date
        ('2024-01-25', '2024-02-05')
        >>> LegIn(country="ARM").as_leg()
        Traceback (most recent call last):
        ...
        icc_rules.errors.InputError: the leg in 'ARM' has no date: give date (an ISO 8601 day, or 'today' for \
today), or start and end
        """
        if self.date is not None and self.start is None and self.end is None:
            return Leg(self.country, self.date, self.kind)
        if self.date is None and self.start is not None and self.end is not None:
            return Leg(self.country, (self.start, self.end), self.kind)
        if self.date is None and self.start is None and self.end is None:
            raise InputError(f"the leg in {self.country[:80]!r} has no date: give date (an ISO 8601 day, or 'today' "
                             "for today), or start and end")
        raise InputError(f"the leg in {self.country[:80]!r} gives {self._given()}: give either date, or both start "
                         "and end")

    def _given(self) -> str:
        return " and ".join(name for name in ("date", "start", "end") if getattr(self, name) is not None)


@dataclass(frozen=True)
class Reply:
    """A tool's answer: the text the model reads and the structured content programs read."""

    text: str
    structured: Mapping[str, Any]


@dataclass(frozen=True)
class ToolFailure:
    """A library error as a tool error: its class, its message, and the close matches or candidates it offers.

    >>> from icc_rules import UnknownPersonError
    >>> error = tool_error(UnknownPersonError("Puttin", ["Vladimir Putin (putin)"]))
    >>> error.structured["suggestions"], error.text.splitlines()[-1]
    (['Vladimir Putin (putin)'], 'Close matches: Vladimir Putin (putin)')
    """

    text: str
    structured: Mapping[str, Any] = field(default_factory=dict)


def tool_error(error: ICCRulesError, lang: str = "en") -> ToolFailure:
    """The tool error for a library error (a bad argument, or data or an engine that failed), its message in
    ``lang`` (the class, the suggestions and the candidates stay as they are: they are for the model to pass back).

    >>> from icc_rules import UnknownCountryError
    >>> tool_error(UnknownCountryError("Mongolai", ["Mongolia"]), "fr").structured["message"][:24]
    "pays inconnu 'Mongolai' "
    """
    suggestions = list(error.suggestions) if isinstance(error, LookupFailed) else []
    candidates = list(error.candidates) if isinstance(error, AmbiguousPersonError) else []
    message = error_message(str(error), lang)
    with using(lang):
        lines = [f"{type(error).__name__}: {message}"]
        if candidates:
            lines.append(_("Candidates (pass one of these ids): {ids}").format(ids=", ".join(candidates)))
        elif suggestions:
            lines.append(_("Close matches: {names}").format(names=", ".join(suggestions)))
    return ToolFailure("\n".join(lines), {"error": type(error).__name__, "message": message,
                                        "suggestions": suggestions, "candidates": candidates})


class Replies:
    """The answers of the tools, from one dataset. Each method takes the tool's arguments as the model sends them
    (``lang``: the language of the texts for a reader, ``"en"`` or ``"fr"``) and raises the library's errors for bad
    input, an unknown language among them."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    def _reply(self, text: str, answer: Any, **extra: Any) -> Reply:
        """The reply, in the current language: the text with the dataset's line and the notice, the structured
        answer with the frame every answer carries."""
        info = self.data.info
        data_line = _("Data: icc-rules dataset {version}, facts checked to {as_of}.").format(
            version=info.version, as_of=day_in_words(info.as_of, language()))
        if not text.endswith(data_line):  # explain() ends with it already
            text += f"\n\n{data_line}"
        unknown = cannot_know(info.as_of)
        notice = "\n".join([_(NOT_ADVICE), _("What the data cannot know:"), *(f"  - {item}" for item in unknown)])
        frame = {"notice": _(NOT_ADVICE), "cannot_know": list(unknown), "data_version": info.version,
                 "data_as_of": info.as_of.isoformat()}
        return Reply(f"{text}\n\n{notice}", {"answer": answer, **extra, **frame})

    def assess(self, person: str, country: str, date: str, lang: str = "en") -> Reply:
        """The explained verdict for a person in a country on a date."""
        with using(resolve_language(lang)):
            answer = assess(person, country, date, data=self.data).in_language()
            return self._reply(answer.explain(), answer.model_dump(mode="json"), best_sources=_best_sources(answer))

    def world(self, person: str, date: str, lang: str = "en") -> Reply:
        """The person's verdict in every country on a date."""
        with using(resolve_language(lang)):
            view = world(person, date, data=self.data)
            return self._reply(view.table(), view.in_language().model_dump(mode="json"))

    def timeline(self, person: str, country: str, start: str | None, end: str | None, lang: str = "en") -> Reply:
        """The periods in which the person's verdict in the country stays the same."""
        with using(resolve_language(lang)):
            periods = [period.in_language() for period in timeline(person, country, start, end, data=self.data)]
            first, last = periods[0], periods[-1]
            rows = [(p.start, p.end, p.days, p.verdict.value, _("yes") if p.can_travel else _("NO"), p.opened_by or "")
                    for p in periods]
            count = ngettext("{count} period", "{count} periods", len(periods)).format(count=len(periods))
            headings = (_("from"), _("to"), _("days"), _("verdict"), _("can travel"), _("opened by"))
            text = _("{person} in {country}, {start} to {end}: {count}").format(
                person=first.person_name,
                country=first.country_name if language() == "en" else french_country(first.country),
                start=first.start, end=last.end, count=count) + "\n" + to_table(rows, headings)
            return self._reply(text, [period.model_dump(mode="json") for period in periods])

    def next_change(self, person: str, country: str, date: str, lang: str = "en") -> Reply:
        """The next day after ``date`` on which the verdict changes, or ``None`` when no recorded fact changes it."""
        with using(resolve_language(lang)):
            change = next_change(person, country, date, data=self.data)
            if change is not None:
                change = change.in_language()
                text = _("{person} {in_country}: on {day} the verdict changes from {before} to {after} ({event}); "
                         "rules: {rules}").format(
                    person=change.person_name, in_country=_country(change.country, change.country_name, "in"),
                    day=change.date, before=change.before.value, after=change.after.value, event=change.event,
                    rules=", ".join(change.rules))
                return self._reply(text, change.model_dump(mode="json"))
            now = assess(person, country, date, data=self.data)
            text = _("{person} {in_country}: the verdict on {day} is {verdict}, and no recorded fact dated after {day} "
                     "changes it. A change no fact announces yet (a warrant not yet issued or made public, a "
                     "withdrawal not yet notified) cannot be foreseen.").format(
                person=now.person_name, in_country=_country(now.country, now.country_name, "in"), day=now.date,
                verdict=now.verdict.value)
            return self._reply(text, None)

    def check_itinerary(self, person: str, legs: Sequence[LegIn], lang: str = "en") -> Reply:
        """The verdict on every leg of a trip and whether the whole trip is safe."""
        with using(resolve_language(lang)):
            report = check_itinerary(person, [leg.as_leg() for leg in legs], data=self.data)
            return self._reply(report.text(), report.in_language().model_dump(mode="json"))

    def wanted_in(self, country: str, date: str, lang: str = "en") -> Reply:
        """Everyone the country would owe the Court's arrest on a date."""
        with using(resolve_language(lang)):
            answers = wanted_in(country, date, data=self.data).in_language()
            where = resolve_country(country)
            name = _country(where.code, where.name, "in")
            if not answers:
                text = _("No one in the dataset would face a duty of arrest {in_country} on that day.").format(
                    in_country=name)
            else:
                rows = [(a.person_name, a.person, a.verdict.value,
                         ", ".join(r.rule for r in a.reasons if r.kind == "derivation")) for a in answers]
                headings = (_("name"), _("id"), _("verdict"), _("grounds"))
                text = _("{count} person(s) would face a duty of arrest {in_country} on {day} (persons in custody are "
                         "not listed):").format(count=len(answers), in_country=name, day=answers[0].date) \
                    + "\n" + to_table(rows, headings)
            return self._reply(text, [answer.model_dump(mode="json") for answer in answers])

    def hosts(self, person: str, lang: str = "en") -> Reply:
        """The person's recorded visits, what each host did, and the findings of non-compliance."""
        with using(resolve_language(lang)):
            report = hosts(person, data=self.data)
            return self._reply(report.table(), report.in_language().model_dump(mode="json"))

    def find_person(self, name: str) -> Reply:
        """The person a name, alias or id names, with their warrants."""
        person = resolve_person(self.data, name)
        lines = [f"{person.name} (id: {person.id}; pass this id to the other tools)"]
        if person.full_name:
            lines.append(f"  full name: {person.full_name}")
        if person.aliases:
            lines.append(f"  also known as: {', '.join(person.aliases)}")
        for warrant in person.warrants:
            public = f", made public {warrant.made_public}" if warrant.made_public else ""
            lines.append(f"  {warrant.kind} {warrant.id}: situation {warrant.situation}, issued {warrant.issued}{public}")
        return self._reply("\n".join(lines), person.model_dump(mode="json"))


def _country(code: str, name: str, form: str) -> str:
    """A country as a text of the current language names it: in English ``name`` (after "in" for ``form="in"``), in
    French with the form a template asks for (``en``: "en Mongolie")."""
    if language() == "en":
        return f"in {name}" if form == "in" else name
    try:
        return format(french_country(code), "en" if form == "in" else "")
    except KeyError:
        return name


def _best_sources(answer: Assessment) -> list[dict[str, Any]]:
    """The strongest sources of the facts the answer rests on, each once: the first ``BEST_SOURCES`` of each fact,
    in the order the rules used the facts (as ``explain()`` lists them)."""
    found: dict[tuple[str, str], Source] = {}
    for reason in answer.reasons:
        for used in reason.facts:
            for source in used.sources[:BEST_SOURCES]:
                found.setdefault((source.url, source.title), source)
    return [source.model_dump(mode="json") for source in found.values()]
