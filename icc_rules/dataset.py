"""Loading, validating and indexing the data files.

The shipped data lives in ``icc_rules/data/`` (format: ``docs/data-format.md``). Loading validates every record
with the models in :mod:`icc_rules.models`, then checks the dataset as a whole (unique ids, references that resolve,
article 126 dates, no fact dated after ``as_of``). Any problem raises :class:`~icc_rules.errors.DataError` naming
the file, the record and the field; nothing half-loaded is ever used.

>>> data = shipped()
>>> data.state("ARM").in_force
datetime.date(2024, 2, 1)
>>> data.info.as_of >= datetime.date(2026, 1, 1)
True
"""

from __future__ import annotations

import datetime
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, InputError
from .models import (
    Checked,
    DatasetInfo,
    Declaration,
    Finding,
    Person,
    Referral,
    Situation,
    State,
    Territory,
    Visit,
    Warrant,
)
from .statute import entry_into_force

#: Where the shipped data files live.
DATA_DIR = Path(__file__).parent / "data"

#: Files in the data directory that hold reference data rather than records (read by their own modules).
NOT_RECORDS = frozenset({"dataset.toml", "countries.toml", "published_counts.toml", "sources.toml"})

#: The day the Statute was adopted: no treaty fact can be older.
STATUTE_ADOPTED = datetime.date(1998, 7, 17)

#: Which model each top-level TOML table holds, and which field identifies a record of it.
TABLES: Mapping[str, tuple[type[BaseModel], str]] = MappingProxyType({
    "state": (State, "code"),
    "situation": (Situation, "id"),
    "declaration": (Declaration, "id"),
    "referral": (Referral, "id"),
    "person": (Person, "id"),
    "territory": (Territory, "code"),
    "visit": (Visit, "id"),
    "finding": (Finding, "id"),
})

#: The Dataset attribute that holds each table's records.
_PLURAL: Mapping[str, str] = MappingProxyType({
    "state": "states", "situation": "situations", "declaration": "declarations", "referral": "referrals",
    "person": "persons", "territory": "territories", "visit": "visits", "finding": "findings",
})

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: caches key on it
class Dataset:
    """An immutable, validated set of records with lookups by id.

    >>> data = shipped()
    >>> data.person("kony").name, data.situation("UGA").investigation_opened
    ('Joseph Kony', datetime.date(2004, 7, 29))

    ``origins`` maps ``(table, id)`` to the file a record came from, so answers can say whether a fact is shipped
    data or a user's overlay.
    """

    info: DatasetInfo
    states: tuple[State, ...] = ()
    situations: tuple[Situation, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    referrals: tuple[Referral, ...] = ()
    persons: tuple[Person, ...] = ()
    territories: tuple[Territory, ...] = ()
    visits: tuple[Visit, ...] = ()
    findings: tuple[Finding, ...] = ()
    origins: Mapping[tuple[str, str], str] = field(default_factory=dict, compare=False)
    conflicts: tuple[str, ...] = ()

    @cached_property
    def _states_by_code(self) -> Mapping[str, State]:
        return {s.code: s for s in self.states}

    @cached_property
    def _persons_by_id(self) -> Mapping[str, Person]:
        return {p.id: p for p in self.persons}

    @cached_property
    def _situations_by_id(self) -> Mapping[str, Situation]:
        return {s.id: s for s in self.situations}

    def state(self, code: str) -> State | None:
        """The treaty record of a state (alpha-3 code), or ``None`` if it never deposited an instrument."""
        return self._states_by_code.get(code)

    @cached_property
    def _territories_by_code(self) -> Mapping[str, Territory]:
        return {t.code: t for t in self.territories}

    def territory(self, code: str) -> Territory | None:
        """The record of a territory (alpha-3 code) another state is responsible for, if there is one."""
        return self._territories_by_code.get(code)

    def person(self, person_id: str) -> Person:
        """The person with this id (``KeyError`` if none; ``icc_rules.persons.resolve_person`` finds one by name)."""
        return self._persons_by_id[person_id]

    def situation(self, situation_id: str) -> Situation:
        """The situation with this id."""
        return self._situations_by_id[situation_id]

    def origin(self, table: str, record_id: str) -> str:
        """The file a record was loaded from (``"shipped"`` for the package's own data)."""
        return self.origins.get((table, record_id), "shipped")

    def warrants(self) -> Iterator[tuple[Person, Warrant]]:
        """Every warrant, summons and application with its person."""
        for person in self.persons:
            for warrant in person.warrants:
                yield person, warrant

    @cached_property
    def host_codes(self) -> frozenset[str]:
        """The countries the data says something about as hosts: a treaty record, a territory record, an article
        12(3) declaration or a binding referral. Every other country answers as a non-party.

        >>> {"ZAF", "SDN", "GUF"} <= shipped().host_codes, "CHN" in shipped().host_codes
        (True, False)
        """
        codes = {s.code for s in self.states} | {t.code for t in self.territories}
        codes |= {d.state for d in self.declarations} | {code for r in self.referrals for code in r.binds}
        return frozenset(codes)

    def records(self, table: str) -> tuple[Checked, ...]:
        """The records of one table (``"state"``, ``"territory"``, ``"person"``...), with the field that keys them.

        >>> shipped().records("territory")[0].code
        'ABW'
        """
        return tuple(getattr(self, _PLURAL[table]))

    def verification_dates(self) -> Iterator[tuple[str, str, datetime.date]]:
        """``(table, id, verified_on)`` for every top-level record, for finding records due a fresh check."""
        for table, (_, key) in TABLES.items():
            for record in self.records(table):
                yield table, getattr(record, key), record.verified_on

    def parties_on(self, day: datetime.date) -> tuple[State, ...]:
        """The states for which the Statute is in force on ``day`` (art. 126 to art. 127(1)).

        >>> len(shipped().parties_on(datetime.date(2025, 1, 1)))
        125
        """
        return tuple(
            s for s in self.states
            if s.in_force is not None and s.in_force <= day and not (s.membership_ends and s.membership_ends <= day)
        )


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise DataError(f"{path}: cannot read the data file ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{path}: not valid TOML ({error})") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not valid TOML (not UTF-8 text: {error.reason} at byte {error.start})") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise DataError(f"{str(path)!r}: cannot read the data file ({error})") from None


def _describe(error: ValidationError) -> str:
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem["loc"]) or "record"
        parts.append(f"field {where}: {problem['msg']}")
    return "; ".join(parts)


def _records(path: Path, content: Mapping[str, Any]) -> Iterator[tuple[str, BaseModel]]:
    for table, rows in content.items():
        if table not in TABLES:
            raise DataError(f"{path.name}: unknown table [[{table}]]; expected one of {', '.join(TABLES)}")
        model, key = TABLES[table]
        if not isinstance(rows, list):
            raise DataError(f"{path.name}: [[{table}]] must be an array of tables")
        for index, row in enumerate(rows):
            label = f"{table}[{index}]" + (f" ({key}={row.get(key)!r})" if isinstance(row, dict) else "")
            try:
                yield table, model.model_validate(row)
            except ValidationError as error:
                raise DataError(f"{path.name}: {label}: {_describe(error)}") from None


def read_files(paths: Iterable[Path]) -> list[tuple[Path, str, BaseModel]]:
    """Validate every record in these TOML files, in order; raises DataError on the first bad record."""
    return [(path, table, record) for path in paths for table, record in _records(path, _load_toml(path))]


def _path(value: object, what: str) -> Path:
    """``value`` as a path, or an :class:`~icc_rules.errors.InputError` naming it."""
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        raise InputError(f"{what} {value!r}: expected a path (a string or pathlib.Path)")
    return Path(value)


def load(directory: str | os.PathLike[str] = DATA_DIR,
         overlays: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = ()) -> Dataset:
    """Load and check a data directory (and optional overlay files on top of it).

    Records in overlays with a new id are added; a record whose id already exists supersedes the earlier one in
    the returned dataset and is listed in ``Dataset.conflicts``. The files on disk are never modified. Paths may be
    strings or ``pathlib.Path`` objects; ``overlays`` may be one file or a list of them.

    >>> load("/nonexistent")
    Traceback (most recent call last):
    ...
    icc_rules.errors.DataError: /nonexistent/dataset.toml: cannot read the data file (No such file or directory)
    >>> load(DATA_DIR / "states.toml")
    Traceback (most recent call last):
    ...
    icc_rules.errors.DataError: .../states.toml: expected a data directory (holding dataset.toml), got a file; to load your own file over the shipped data, pass it as overlays=[...]
    """
    directory = _path(directory, "the data directory")
    if directory.is_file():
        raise DataError(f"{directory}: expected a data directory (holding dataset.toml), got a file; to load your "
                        "own file over the shipped data, pass it as overlays=[...]")
    if isinstance(overlays, (str, os.PathLike)):
        overlays = [overlays]
    elif not isinstance(overlays, Iterable):
        raise InputError(f"overlays {overlays!r}: expected a path to a TOML file or a list of them")
    overlay_paths = [_path(overlay, "an overlay") for overlay in overlays]
    info_path = directory / "dataset.toml"
    try:
        info = DatasetInfo.model_validate(_load_toml(info_path))
    except ValidationError as error:
        raise DataError(f"{info_path.name}: {_describe(error)}") from None
    base = sorted(p for p in directory.glob("**/*.toml") if p.name not in NOT_RECORDS)
    tables: dict[str, dict[str, BaseModel]] = {name: {} for name in TABLES}
    origins: dict[tuple[str, str], str] = {}
    conflicts: list[str] = []
    for path, table, record in read_files(base):
        record_id = getattr(record, TABLES[table][1])
        if record_id in tables[table]:
            raise DataError(f"{path.name}: {table} {record_id!r} is defined twice (ids must be unique)")
        tables[table][record_id] = record
    for path, table, record in read_files(overlay_paths):
        record_id = getattr(record, TABLES[table][1])
        if record_id in tables[table]:
            conflicts.append(f"{path.name}: {table} {record_id!r} supersedes the record from "
                             f"{origins.get((table, record_id), 'the shipped data')}")
        tables[table][record_id] = record
        origins[(table, record_id)] = str(path)
    dataset = Dataset(
        info=info,
        states=_typed(tables["state"].values(), State),
        situations=_typed(tables["situation"].values(), Situation),
        declarations=_typed(tables["declaration"].values(), Declaration),
        referrals=_typed(tables["referral"].values(), Referral),
        persons=_typed(tables["person"].values(), Person),
        territories=_typed(tables["territory"].values(), Territory),
        visits=_typed(tables["visit"].values(), Visit),
        findings=_typed(tables["finding"].values(), Finding),
        origins=MappingProxyType(origins),
        conflicts=tuple(conflicts),
    )
    problems = list(check(dataset))
    if problems:
        raise DataError(f"{directory}: {len(problems)} problem(s) in the data:\n  " + "\n  ".join(problems))
    return dataset


def _typed(records: Iterable[BaseModel], model: type[R]) -> tuple[R, ...]:
    return tuple(r for r in records if isinstance(r, model))


@cache
def shipped() -> Dataset:
    """The package's own dataset, loaded and checked once per process."""
    return load()


def check(data: Dataset) -> Iterator[str]:
    """Every whole-dataset problem: duplicate or dangling ids, article 126 mismatches, facts dated after ``as_of``."""
    from .countries import country_by_code
    from .errors import UnknownCountryError

    def known_country(code: str, where: str) -> Iterator[str]:
        try:
            country_by_code(code)
        except UnknownCountryError:
            yield f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code"

    as_of = data.info.as_of

    def dated(day: datetime.date | None, where: str, earliest: datetime.date = STATUTE_ADOPTED) -> Iterator[str]:
        if day is not None and day > as_of:
            yield f"{where}: {day} is after the dataset's as_of date {as_of}"
        if day is not None and day < earliest:
            yield f"{where}: {day} is before {earliest}"

    for state in data.states:
        where = f"state {state.code}"
        yield from known_country(state.code, where)
        for name in ("signed", "deposited", "in_force"):
            yield from dated(getattr(state, name), f"{where}: {name}")
        if state.in_force and state.deposited:
            expected = entry_into_force(state.deposited)
            if expected != state.in_force and not state.note:
                yield (f"{where}: in_force {state.in_force} differs from the article 126 date {expected} for a "
                       f"deposit on {state.deposited}, and no note explains why")
        if state.in_force and not state.deposited:
            yield f"{where}: in_force without a deposit date"
        for change in state.changes:
            yield from dated(change.date, f"{where}: change {change.kind}")
    for territory in data.territories:
        where = f"territory {territory.code}"
        yield from known_country(territory.code, where)
        yield from known_country(territory.state, where)
        if data.state(territory.code) is not None:
            yield f"{where}: it has its own treaty record in states.toml; a territory takes its state's"
    situation_ids = {s.id for s in data.situations}
    for situation in data.situations:
        for code in situation.states:
            yield from known_country(code, f"situation {situation.id}")
    for declaration in data.declarations:
        where = f"declaration {declaration.id}"
        yield from known_country(declaration.state, where)
        yield from dated(declaration.lodged, f"{where}: lodged")
        if declaration.situation not in situation_ids:
            yield f"{where}: unknown situation {declaration.situation!r}"
    for referral in data.referrals:
        where = f"referral {referral.id}"
        for code in referral.binds:
            yield from known_country(code, where)
        if referral.situation not in situation_ids:
            yield f"{where}: unknown situation {referral.situation!r}"
    warrant_ids: set[str] = set()
    for person, warrant in data.warrants():
        where = f"person {person.id}: warrant {warrant.id}"
        if warrant.id in warrant_ids:
            yield f"{where}: warrant id used twice"
        warrant_ids.add(warrant.id)
        if warrant.situation not in situation_ids:
            yield f"{where}: unknown situation {warrant.situation!r}"
        yield from dated(warrant.issued, f"{where}: issued", datetime.date(2002, 7, 1))
        yield from dated(warrant.made_public, f"{where}: made_public", warrant.issued)
        for event in warrant.events:
            yield from dated(event.date, f"{where}: event {event.kind}", warrant.issued)
    for person in data.persons:
        yield from dated(person.died, f"person {person.id}: died", datetime.date(1900, 1, 1))
        for warrant in person.warrants:
            for event in warrant.events:
                held = any(c.start <= event.date and (c.end is None or c.end > event.date) for c in person.custody)
                if event.kind in ("arrested", "surrendered", "transferred") and not held:
                    yield (f"person {person.id}: warrant {warrant.id}: {event.kind} on {event.date}, but no custody "
                           "period covers that day (custody `end` is the first day out of that custody)")
        for period in person.custody:
            yield from dated(period.start, f"person {person.id}: custody start", datetime.date(1990, 1, 1))
            if period.held_by != "ICC":
                yield from known_country(period.held_by, f"person {person.id}: custody")
    person_ids = {p.id for p in data.persons}
    precedents: list[tuple[str, str, str | None, str]] = [
        *(("visit", v.id, v.person, v.host) for v in data.visits),
        *(("finding", f.id, f.person, f.state) for f in data.findings),
    ]
    for kind, record_id, who, where in precedents:
        if who is not None and who not in person_ids:
            yield f"{kind} {record_id}: unknown person {who!r}"
        yield from known_country(where, f"{kind} {record_id}")
