"""The two calls most users need: :func:`can_travel` and :func:`assess`.

Both resolve forgiving inputs (names in any case, accents, word order or script; ISO codes or country names;
dates as ``date``, ``datetime`` or ISO 8601 strings), gather the facts of the person and the host, and let the rule
set decide. Answers are the same on every day between two dated events of the pair, so the rules' decision is kept
per interval: a repeated query costs a dictionary lookup, and the law is still decided only by the rules.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import Any

from .assessment import Assessment, FactUsed, Reason
from .countries import Country, resolve_country
from .dataset import TABLES, Dataset, shipped
from .dates import NEVER, day_number, to_date
from .facts import Fact, PairFacts, host_facts, pair_facts, person_facts
from .models import Confidence, Finding, Person, Source, Visit
from .persons import resolve_person
from .rules import RULES_BY_ID, Firing, run
from .verdicts import Verdict

PersonLike = str | Person
CountryLike = str | Country
DateLike = datetime.date | datetime.datetime | str | None


class Decision:
    """What the rules decided for a pair on an interval of days: the verdict, the rules that fired, and (built
    when first read, as most callers only need the verdict) the reasons and their warnings."""

    __slots__ = ("_answers", "_day", "_explained", "_firings", "_pair", "rules", "verdict")

    def __init__(self, verdict: Verdict, firings: list[Firing], pair: PairFacts, day: int, answers: _Answers) -> None:
        self.verdict = verdict
        self.rules = tuple(firing.rule for firing in firings)
        self._firings, self._pair, self._day, self._answers = firings, pair, day, answers
        self._explained: tuple[tuple[Reason, ...], tuple[str, ...]] | None = None

    def _explanation(self) -> tuple[tuple[Reason, ...], tuple[str, ...]]:
        if self._explained is None:  # two threads may both build it: the results are equal, either one is kept
            answers = self._answers
            reasons = _reasons(self._pair, self._firings, answers.origin_of, self._day, answers.reasons)
            self._explained = (tuple(reasons), _warnings(reasons))
        return self._explained

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """A :class:`~icc_rules.assessment.Reason` for every rule that fired, in the order they fired."""
        return self._explanation()[0]

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the answer rests on that is not confirmed, or not shipped data."""
        return self._explanation()[1]

    @property
    def confirmed(self) -> bool:
        """True when every fact the verdict rests on is confirmed and shipped: nothing probable, reported,
        disputed or loaded by the user (facts only used for context, such as an office held, aside)."""
        return all(used.confidence == "confirmed" and used.origin == "shipped"
                   for reason in self.reasons if not RULES_BY_ID[reason.rule].context for used in reason.facts)


class _Display:
    """Formats a fact's fields for reason texts: day numbers as ISO dates."""

    def __init__(self, fact: Mapping[str, Any]) -> None:
        self._fact = fact

    def __getattr__(self, name: str) -> str:
        value = self._fact.get(name, "")
        if value == NEVER:
            return "never"
        if isinstance(value, int) and 10000101 <= value <= 99991231:
            return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"
        return str(value)


def _reasons(pair: PairFacts, firings: list[Firing], origin_of: Mapping[int, str], day: int,
             made: dict[tuple[Any, ...], Reason] | None = None) -> list[Reason]:
    """The reasons for the rules that fired; ``made`` shares equal reasons between decisions (they repeat across
    the intervals of a pair, and each cached decision would otherwise hold its own copies)."""
    made = {} if made is None else made
    base = pair.by_id()
    derived_by = {f.derived: f for f in firings if f.derived}

    def provenance(firing: Firing) -> list[Fact]:
        used: list[Fact] = []
        for fact in firing.facts.values():
            fact_id = str(fact.get("id", ""))
            if fact_id in base:
                used.append(base[fact_id])
            elif fact_id in derived_by:
                used.extend(provenance(derived_by[fact_id]))
        return used

    reasons = []
    for firing in firings:
        rule = RULES_BY_ID[firing.rule]
        context = {alias: _Display(fact) for alias, fact in firing.facts.items()}
        text = rule.text.format(host=pair.host_name, person=pair.person.name, **context)
        used = list(dict.fromkeys(provenance(firing)))  # facts are hashable by identity; keep first occurrence
        records = [(e.label, e.record) for fact in used for e in fact.evidence_on(day)]
        # Deduplicated by value (as the models compare), keeping the first of each, but keyed on plain strings:
        # hashing pydantic models is slow and this runs for every decision.
        sources: dict[tuple[str, str], Source] = {}
        for _, record in records:
            for source in record.sources:
                sources.setdefault((source.url, source.title), source)
        fact_keys = tuple(dict.fromkeys(
            (label, record.confidence, record.note, origin_of.get(id(record), "shipped")) for label, record in records
        ))
        key = (rule.id, text, fact_keys, tuple(sources))
        reason = made.get(key)
        if reason is None:
            reason = made[key] = Reason(rule=rule.id, kind=rule.kind, text=text, legal_basis=rule.legal_basis,
                                        facts=tuple(_fact_used(*k) for k in fact_keys),
                                        sources=tuple(sources.values()))
        reasons.append(reason)
    return reasons


@lru_cache(maxsize=4096)
def _fact_used(description: str, confidence: Confidence, note: str | None, origin: str) -> FactUsed:
    """One shared :class:`FactUsed` per distinct value (they are immutable), built once."""
    return FactUsed(description=description, confidence=confidence, note=note, origin=origin)


def _warnings(reasons: list[Reason]) -> tuple[str, ...]:
    warnings: dict[str, None] = {}
    for reason in reasons:
        for used in reason.facts:
            if used.confidence != "confirmed":
                warnings[f"rests on a {used.confidence} fact: {used.description}. {used.note or ''}".strip()] = None
            if used.origin != "shipped":
                warnings[f"rests on user data from {used.origin}: {used.description}"] = None
    return tuple(warnings)


class _Decisions(dict[tuple[str, str, int], Decision]):
    """The decisions made, one per pair and interval. Clearing them (so that the rules decide again) also forgets
    the answers remembered per query and the engine's results, which they were made from."""

    def __init__(self, forget: Callable[[], None]) -> None:
        super().__init__()
        self._forget = forget

    def clear(self) -> None:
        super().clear()
        self._forget()


#: How many answers are remembered per query (as asked: strings and dates) before the memory starts afresh.
QUERY_MEMORY = 65_536


def _query_key(kind: str, person: object, country: object, date: object) -> tuple[Any, ...] | None:
    """The key under which an answer to this exact query can be remembered, or ``None`` when it must not be:
    "today" changes, and only plain strings and dates are cheap and safe to hash."""
    if type(person) is str and type(country) is str and (type(date) is str or type(date) is datetime.date):
        return (kind, person, country, date)
    return None


class _Answers:
    """The facts and the decisions already made for one dataset."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.by_query: dict[tuple[Any, ...], Any] = {}
        self.runs: dict[tuple[str, int], tuple[list[Firing], Verdict]] = {}
        self.decisions = _Decisions(self.forget)
        self.assessments: dict[tuple[str, str, int], tuple[Decision, Assessment]] = {}
        self.reasons: dict[tuple[Any, ...], Reason] = {}
        self.origin_of = _record_origins(data)

    def forget(self) -> None:
        """Forget what was derived from the decisions (they are being cleared, to be made again by the rules)."""
        self.by_query.clear()
        self.runs.clear()

    @cache  # noqa: B019 - one _Answers per dataset, kept for the dataset's life
    def facts(self, person_id: str, host: str) -> PairFacts:
        return pair_facts(self.data, person_id, host, (self.person_facts(person_id), self.host_facts(host)))

    @cache  # noqa: B019 - as above
    def person_facts(self, person_id: str) -> tuple[Fact, ...]:
        return person_facts(self.data, person_id)

    @cache  # noqa: B019 - as above
    def host_facts(self, host: str) -> tuple[Fact, ...]:
        return host_facts(self.data, host)

    @cache  # noqa: B019 - as above
    def precedents(self, person_id: str, host: str) -> tuple[Visit | Finding, ...]:
        """The person's visits to the host, and every non-compliance finding against the host."""
        return (*(v for v in self.data.visits if v.person == person_id and v.host == host),
                *(f for f in self.data.findings if f.state == host))

    def decide(self, person_id: str, host: str, day: int) -> Decision:
        pair = self.facts(person_id, host)
        key = (person_id, host, pair.interval(day))
        decision = self.decisions.get(key)
        if decision is None:
            firings, verdict = self.run(person_id, host, day)
            decision = self.decisions[key] = Decision(verdict, firings, pair, day, self)
        return decision

    def run(self, person_id: str, host: str, day: int) -> tuple[list[Firing], Verdict]:
        """The rules engine's firings and verdict on the pair's facts and a query on ``day``. The engine is a
        function of the facts it is given, so its result is kept under their exact content: pairs whose facts are
        equal (a person in two states that joined the Statute on the same day, say) are decided once."""
        key = (self.content(person_id, host), day)
        found = self.runs.get(key)
        if found is None:
            facts = [*(f.fact for f in self.facts(person_id, host).facts), {"id": "query", "t": "query", "date": day}]
            found = self.runs[key] = run(facts)
        return found

    @cache  # noqa: B019 - as above
    def content(self, person_id: str, host: str) -> str:
        """The exact content of the pair's facts, as the engine receives it (the key of its results)."""
        return json.dumps([f.fact for f in self.facts(person_id, host).facts], sort_keys=True, separators=(",", ":"))

    def remember(self, key: tuple[Any, ...], answer: Verdict | Assessment) -> None:
        """Keep the answer to a query as it was asked, so that asking it again costs one lookup (bounded)."""
        if len(self.by_query) >= QUERY_MEMORY:
            self.by_query.clear()
        self.by_query[key] = answer

    def assessment(self, who: Person, where: Country, day: datetime.date) -> Assessment:
        """The full answer: validated once per interval (while its decision stands), then copied with the date."""
        number = day_number(day)
        key = (who.id, where.code, self.facts(who.id, where.code).interval(number))
        decision = self.decide(who.id, where.code, number)
        made = self.assessments.get(key)
        if made is None or made[0] is not decision:  # a decision made again (the cache was cleared) is rebuilt
            made = (decision, Assessment(
                person=who.id, person_name=who.name, country=where.code, country_name=where.name, date=day,
                verdict=decision.verdict, reasons=decision.reasons, warrants=who.warrants,
                precedents=self.precedents(who.id, where.code), warnings=decision.warnings,
                data_version=self.data.info.version, data_as_of=self.data.info.as_of,
            ))
            self.assessments[key] = made
        update: dict[str, Any] = {"date": day}
        as_of = self.data.info.as_of
        if day > as_of:
            late = (f"{day} is after the dataset's as_of date {as_of}: anything that happened since (a new warrant, "
                    "an arrest, an accession or withdrawal) is not known to this answer")
            update["warnings"] = (late, *decision.warnings)
        return made[1].model_copy(update=update)


def _record_origins(data: Dataset) -> dict[int, str]:
    """Maps every record (and its nested records) that came from a user's file to that file."""
    origins: dict[int, str] = {}
    if not data.origins:
        return origins
    for (table, record_id), origin in data.origins.items():
        key = TABLES[table][1]
        for record in data.records(table):
            if getattr(record, key) == record_id:
                for nested in _walk(record):
                    origins[id(nested)] = origin
    return origins


def _walk(record: Any) -> list[Any]:
    found = [record]
    for value in vars(record).values():
        if isinstance(value, tuple):
            for item in value:
                if hasattr(item, "sources"):
                    found.extend(_walk(item))
    return found


@cache
def _answers(data: Dataset) -> _Answers:
    return _Answers(data)


def _resolve(data: Dataset, person: PersonLike, country: CountryLike, date: DateLike) -> tuple[
        Person, Country, datetime.date]:
    day = datetime.date.today() if date is None else to_date(date)
    return resolve_person(data, person), resolve_country(country), day


def assess(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
           ) -> Assessment:
    """Whether ``person`` faces a legal duty of arrest in ``country`` on ``date``, and why.

    Args:
        person: a name or alias as people write it (``"Vladimir Putin"``, ``"putin"``, ``"Путин"``), a dataset id
            or a :class:`~icc_rules.models.Person`.
        country: an ISO 3166-1 alpha-2 or alpha-3 code, a name (``"Kyrgyz Republic"``, ``"Türkiye"``,
            ``"Kosovo"``) or a :class:`~icc_rules.countries.Country`.
        date: a ``datetime.date``, a ``datetime.datetime`` or an ISO 8601 string; ``None`` means today.
        data: the dataset to use (default: the shipped one; see :func:`icc_rules.load_data` for your own files).

    Returns:
        An :class:`~icc_rules.assessment.Assessment` with the verdict, the reasons, warrants, precedents and warnings.

    Raises:
        UnknownPersonError: No person in the dataset matches ``person`` (its ``suggestions`` hold close matches).
        AmbiguousPersonError: ``person`` matches several persons (its ``candidates`` lists their ids).
        UnknownCountryError: No country matches ``country``.
        InvalidDateError: ``date`` is not a date, a datetime or an ISO 8601 string of a real day.

    >>> assess("Netanyahu", "Hungary", "2025-04-03").verdict
    <Verdict.DUTY_TO_ARREST: 'duty_to_arrest'>
    >>> assess("al-Bashir", "SD", "2010-01-01").rules
    ('warrant.in_force', 'duty.security_council', 'note.official_capacity', 'verdict.duty_to_arrest')
    """
    data = data or shipped()
    answers = _answers(data)
    key = _query_key("assess", person, country, date)
    found: Assessment | None = answers.by_query.get(key) if key else None
    if found is None:
        who, where, day = _resolve(data, person, country, date)
        found = answers.assessment(who, where, day)
        if key:
            answers.remember(key, found)
    return found


def can_travel(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
               ) -> bool:
    """True when ``person`` can enter ``country`` on ``date`` without a legal duty of arrest there.

    That is, exactly when the verdict of :func:`assess` is ``no_warrant`` or ``no_duty``. Arguments and errors are
    those of :func:`assess`.

    >>> can_travel("Vladimir Putin", "China", "2023-10-17")
    True
    >>> can_travel("Vladimir Putin", "South Africa", "2023-08-22")
    False
    """
    return verdict_of(person, country, date, data=data).can_travel


def verdict_of(person: PersonLike, country: CountryLike, date: DateLike = None, *, data: Dataset | None = None
               ) -> Verdict:
    """Just the verdict of :func:`assess`, without building the full answer (the fast path for bulk use).

    >>> verdict_of("Duterte", "Netherlands", "2025-06-01")
    <Verdict.IN_CUSTODY: 'in_custody'>
    """
    data = data or shipped()
    answers = _answers(data)
    key = _query_key("verdict", person, country, date)
    found: Verdict | None = answers.by_query.get(key) if key else None
    if found is None:
        who, where, day = _resolve(data, person, country, date)
        found = answers.decide(who.id, where.code, day_number(day)).verdict
        if key:
            answers.remember(key, found)
    return found


__all__ = ["Decision", "assess", "can_travel", "verdict_of"]
