"""The data model: immutable pydantic records for states, situations, persons, warrants and precedents.

Every record carries its provenance: ``sources`` (addresses a reader can open), and where the sources are thin or
disagree a ``confidence`` below ``confirmed`` with a ``note`` saying why. The file format is documented in
``docs/data-format.md``; these models are its schema.

>>> source = Source(url="https://www.icc-cpi.int/situations/ukraine", title="ICC: Situation in Ukraine")
>>> event = WarrantEvent(kind="arrested", date=datetime.date(2025, 3, 11), where="PHL", sources=[source])
>>> event.kind, event.confidence
('arrested', 'confirmed')
>>> WarrantEvent(kind="arrested", date=datetime.date(2025, 3, 11), sources=[source], confidence="reported")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for WarrantEvent
  Value error, a note is required when confidence is 'reported' (say what is uncertain and which source was followed) ...
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .hosts import HOSTS, HOSTS_FILE, SourceKind

_SPACE = re.compile(r"\s")

RecordId = Annotated[str, Field(pattern=r"^[A-Za-z0-9]\S*$")]
"""A record's id: a letter or a digit first, then no spaces (an error about a record names it by its id)."""

Confidence = Literal["confirmed", "probable", "reported", "disputed"]
"""How well a fact is supported: ``confirmed`` (a primary source or two independent ones), ``probable`` (one good
secondary source), ``reported`` (press reports only), ``disputed`` (sources disagree)."""

ChangeKind = Literal[
    "withdrawal_notified", "withdrawal_revoked", "withdrawal_effective", "accession_withdrawn", "withdrawal_announced"
]
InstrumentKind = Literal["ratification", "accession", "acceptance", "approval", "succession"]
Trigger = Literal["state_referral", "proprio_motu", "security_council", "article_12_3"]
WarrantKind = Literal["warrant", "summons", "requested"]
EventKind = Literal[
    "arrested", "surrendered", "transferred", "interim_release", "released", "acquitted", "convicted",
    "sentence_completed", "withdrawn", "vacated", "proceedings_terminated", "charges_confirmed",
    "application_rejected", "issued_additional", "sentenced",
]
VisitOutcome = Literal["not_arrested", "arrested", "visit_cancelled", "left_early"]
#: What each visit outcome means, in plain words for human text (the codes are for programs and JSON).
VISIT_OUTCOME_WORDS: Mapping[str, str] = MappingProxyType({
    "not_arrested": "came and was not arrested",
    "arrested": "arrested there",
    "visit_cancelled": "visit cancelled",
    "left_early": "left early",
})
assert set(VISIT_OUTCOME_WORDS) == set(get_args(VisitOutcome)), "every visit outcome has its words"
DeclarationStatus = Literal["lodged", "rejected"]

class Record(BaseModel):
    """Base of every data record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Source(Record):
    """A page a reader can open to check a fact.

    >>> Source(url="https://www.icc-cpi.int/news", title="ICC news").url
    'https://www.icc-cpi.int/news'
    >>> Source(url="icc-cpi.int/news", title="no scheme")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Source
    url
      Value error, 'icc-cpi.int/news' is not an http(s) address with a host ...
    >>> Source(url="https://dl1.en-us.nina.az/Omar_al-Bashir.html", title="a mirror")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Source
    url
      Value error, 'https://dl1.en-us.nina.az/Omar_al-Bashir.html' is on a refused host ...
    """

    url: str
    title: str = Field(min_length=1)
    kind: SourceKind | None = None
    document: str | None = None

    @property
    def cited(self) -> str:
        """The source as a reader sees it: its title, its kind and the Court's document number if any, its address.

        >>> Source(url="https://www.icc-cpi.int/x", title="Decision", kind="primary", document="ICC-01/22-90").cited
        'Decision [primary, ICC-01/22-90] <https://www.icc-cpi.int/x>'
        """
        about = ", ".join(part for part in (self.kind, self.document) if part)
        return f"{self.title}{f' [{about}]' if about else ''} <{self.url}>"

    @field_validator("url")
    @classmethod
    def _well_formed(cls, url: str) -> str:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
            well_formed = parts.scheme in ("http", "https") and "." in (parts.hostname or "").strip(".")
        except ValueError:  # an unclosed IPv6 bracket, a port that is not a number
            well_formed = False
        if not well_formed or _SPACE.search(url):
            raise ValueError(f"{url[:200]!r} is not an http(s) address with a host")
        refused = HOSTS.refusal(url)
        if refused is not None:
            raise ValueError(f"{url!r} is on a refused host ({refused}); the refused hosts are listed in "
                             f"icc_rules/data/{HOSTS_FILE.name}")
        return url


class Alternative(Record):
    """Another value the sources allow for one of a record's days: other days they give (``values``), or a range
    the day is known to fall in (``between``, both ends included). An answer that rests on the record is tested
    over these instead of over the record's absence (:mod:`icc_rules.law.doubts`).

    >>> Alternative(field="deposited", between=(datetime.date(1999, 1, 1), datetime.date(2002, 4, 11))).field
    'deposited'
    >>> Alternative(field="date")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Alternative
      Value error, give the other days (values) or the range the day falls in (between), one of the two ...
    """

    field: str = Field(pattern=r"^[a-z_]+$")
    values: tuple[datetime.date, ...] = ()
    between: tuple[datetime.date, datetime.date] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Alternative:
        if bool(self.values) == (self.between is not None):
            raise ValueError("give the other days (values) or the range the day falls in (between), one of the two")
        if self.between is not None and self.between[0] > self.between[1]:
            raise ValueError(f"the range {self.between[0]} to {self.between[1]} ends before it starts")
        return self


class Sourced(Record):
    """A fact with its provenance. A record that is not confirmed may say which of its days the sources leave open
    (``alternatives``); without them, the doubt is whether the record holds at all.

    Two texts may go with it. ``note`` is the reader's note, shown in answers: at most two sentences saying what the
    sources say, where they disagree and which source is followed. ``curation`` is the maintainers' record: how the
    fact was found, what was searched and what would settle it; ``icc-rules data curation`` prints it, answers never do
    (it is left out of every serialisation).

    >>> source = Source(url="https://www.icc-cpi.int/news", title="ICC news")
    >>> fact = Sourced(sources=[source], confidence="probable", note="One report gives the day.",
    ...                curation="Searched the Court's records; its press release would settle it.")
    >>> fact.note, fact.curation
    ('One report gives the day.', "Searched the Court's records; its press release would settle it.")
    >>> "curation" in fact.model_dump()
    False
    """

    sources: tuple[Source, ...] = Field(min_length=1)
    confidence: Confidence = "confirmed"
    note: str | None = None
    # Never serialised: answers embed records (a warrant, a visit) as JSON, and the curation record is not for them.
    curation: str | None = Field(default=None, exclude=True)
    alternatives: tuple[Alternative, ...] = Field(default=(), alias="alternative")

    @model_validator(mode="after")
    def _note_when_unsure(self) -> Sourced:
        if self.confidence != "confirmed" and not (self.note and self.note.strip()):
            raise ValueError(
                f"a note is required when confidence is {self.confidence!r} "
                "(say what is uncertain and which source was followed)"
            )
        return self


class Checked(Sourced):
    """A top-level record: it also says when someone last checked it against its sources."""

    verified_on: datetime.date


class TreatyChange(Sourced):
    """Something that happened to a state's membership after its instrument was deposited (art. 127)."""

    kind: ChangeKind
    date: datetime.date
    takes_effect: datetime.date | None = None
    depositary_notification: str | None = None

    @model_validator(mode="after")
    def _effect_of_notification(self) -> TreatyChange:
        if (self.kind == "withdrawal_notified") != (self.takes_effect is not None):
            raise ValueError("takes_effect is required for withdrawal_notified, and only for it")
        return self


class State(Checked):
    """A state that is or was a party to the Rome Statute, or that deposited an instrument.

    >>> state = State(code="ARM", name="Armenia", deposited=datetime.date(2023, 11, 14), instrument="ratification",
    ...               in_force=datetime.date(2024, 2, 1), verified_on=datetime.date(2026, 11, 28),
    ...               sources=[Source(url="https://asp.icc-cpi.int/states-parties", title="ASP: States Parties")])
    >>> state.in_force
    datetime.date(2024, 2, 1)
    """

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    signed: datetime.date | None = None
    deposited: datetime.date | None = None
    instrument: InstrumentKind | None = None
    in_force: datetime.date | None = None
    changes: tuple[TreatyChange, ...] = Field(default=(), alias="change")


class Situation(Checked):
    """A situation under investigation; warrants belong to one."""

    id: RecordId
    name: str
    states: tuple[str, ...] = ()
    trigger: Trigger
    referred_on: datetime.date | None = None
    preliminary_examination_opened: datetime.date | None = None
    investigation_opened: datetime.date | None = None


class Declaration(Checked):
    """An article 12(3) declaration by which a non-party accepts the Court's jurisdiction."""

    id: RecordId
    state: str
    situation: str | None = None
    lodged: datetime.date
    status: DeclarationStatus = "lodged"
    covers_from: datetime.date | None = None
    covers_until: datetime.date | None = None


class Referral(Checked):
    """A Security Council referral under article 13(b) and the states its resolution obliges to cooperate."""

    id: RecordId
    resolution: str
    situation: str
    adopted: datetime.date
    binds: tuple[str, ...]


class Office(Sourced):
    """An office that can raise a claim of official immunity (arts. 27, 98(1)).

    An office still held (no ``end``) says up to which day its sources confirm it (``confirmed_until``): an answer
    for a later day says the office was held as of that day, not on the day asked.

    >>> source = Source(url="https://www.kremlin.ru/events/president/news", title="Kremlin", kind="primary")
    >>> office = Office(title="President", state="RUS", start=datetime.date(2012, 5, 7),
    ...                 confirmed_until=datetime.date(2025, 8, 15), sources=[source])
    >>> office.confirmed_until
    datetime.date(2025, 8, 15)
    >>> Office(title="President", state="RUS", start=datetime.date(2012, 5, 7), end=datetime.date(2020, 1, 1),
    ...        confirmed_until=datetime.date(2019, 1, 1), sources=[source])
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Office
      Value error, confirmed_until is for an office still held; this one ended on 2020-01-01 ...
    """

    title: str
    state: str
    start: datetime.date
    end: datetime.date | None = None
    confirmed_until: datetime.date | None = None

    @model_validator(mode="after")
    def _confirmed_while_held(self) -> Office:
        if self.end is not None and self.confirmed_until is not None:
            raise ValueError(f"confirmed_until is for an office still held; this one ended on {self.end} "
                             "(drop confirmed_until)")
        return self


class WarrantEvent(Sourced):
    """A dated step in a warrant's life: arrest, surrender, withdrawal, ..."""

    kind: EventKind
    date: datetime.date
    where: str | None = None


class Warrant(Sourced):
    """A warrant of arrest (art. 58), a summons to appear, or an application not (yet) granted.

    >>> from icc_rules import shipped_data
    >>> warrant = shipped_data().person("duterte").warrants[0]
    >>> warrant.issued, warrant.made_public
    (datetime.date(2025, 3, 7), datetime.date(2025, 3, 11))
    """

    id: RecordId
    situation: str
    case: str | None = None
    kind: WarrantKind
    issued: datetime.date
    made_public: datetime.date | None = None
    verified_on: datetime.date | None = None
    events: tuple[WarrantEvent, ...] = Field(default=(), alias="event")


class Custody(Sourced):
    """A period in detention, by the Court or by a state (``held_by``: ``"ICC"`` or a state code)."""

    start: datetime.date
    end: datetime.date | None = None
    held_by: str


class Death(Sourced):
    """A person's death as the rules read it (:attr:`Person.death`): the day, and only the sources that report it.

    >>> source = Source(url="https://www.icc-cpi.int/news", title="ICC news")
    >>> Death(died=datetime.date(2024, 7, 31), sources=[source]).died
    datetime.date(2024, 7, 31)
    """

    died: datetime.date


class Person(Checked):
    """A person for whom an ICC warrant was issued or requested.

    ``sources`` say who the person is (names, birth, nationality, career); a death (``died``) must give its own
    sources, ``died_sources``: the pages that report the death. A rule that reads the death cites those alone
    (:attr:`death`), never a biography.

    >>> from icc_rules.data import shipped
    >>> putin = shipped().person("putin")
    >>> putin.name, putin.warrants[0].issued, putin.death
    ('Vladimir Putin', datetime.date(2023, 3, 17), None)
    >>> shipped().person("haniyeh").death.sources[0].title
    'Business Standard, 31 Jul 2024: killed in Tehran'
    >>> Person(id="x", name="X", died=datetime.date(2020, 1, 1), verified_on=datetime.date(2026, 11, 28),
    ...        sources=[Source(url="https://www.icc-cpi.int/news", title="ICC news")])
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Person
      Value error, died is given without died_sources: give the pages that report the death ...
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    nationality: tuple[str, ...] = ()
    born: datetime.date | None = None
    died: datetime.date | None = None
    died_sources: tuple[Source, ...] = ()
    offices: tuple[Office, ...] = Field(default=(), alias="office")
    warrants: tuple[Warrant, ...] = Field(default=(), alias="warrant")
    custody: tuple[Custody, ...] = ()

    @model_validator(mode="after")
    def _death_sourced(self) -> Person:
        if self.died is not None and not self.died_sources:
            raise ValueError("died is given without died_sources: give the pages that report the death (a "
                             "biography or profile among the person's sources does not say it)")
        if self.died is None and self.died_sources:
            raise ValueError("died_sources are given without died: give the day of the death, or drop them")
        return self

    @cached_property
    def death(self) -> Death | None:
        """The death as the rules read it: its day and ``died_sources``, with the person's confidence and note
        (which say how sure the death is) and any alternative day for it. None for a person not known to have died.
        """
        if self.died is None:
            return None
        return Death(died=self.died, sources=self.died_sources, confidence=self.confidence, note=self.note,
                     curation=self.curation,
                     alternatives=tuple(a for a in self.alternatives if a.field == "died"))

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the person is known by: name, full name and aliases."""
        return (self.name, *((self.full_name,) if self.full_name else ()), *self.aliases)

    def __str__(self) -> str:
        return self.name


class Territory(Checked):
    """A territory whose international relations a state conducts, and whether the Statute applies there.

    A treaty binds a state in respect of its entire territory unless a different intention appears (Vienna
    Convention on the Law of Treaties art. 29): states have excluded some territories when ratifying (``applies =
    false``) or extended the Statute to them later (``applies_from``).

    >>> from icc_rules import shipped_data
    >>> guiana = shipped_data().territory("GUF")
    >>> guiana.state, guiana.applies
    ('FRA', True)
    """

    code: str = Field(pattern=r"^[A-Z]{3}$")
    state: str = Field(pattern=r"^[A-Z]{3}$")
    applies: bool
    applies_from: datetime.date | None = Field(default=None, alias="from")


class Visit(Checked):
    """A documented visit by a wanted person to a state, and what the host did."""

    id: RecordId
    person: str
    host: str
    start: datetime.date
    end: datetime.date | None = None
    host_bound: bool
    outcome: VisitOutcome
    summary: str


class Finding(Checked):
    """A finding of non-compliance under article 87(7), and its referral to the Assembly of States Parties or the
    Security Council (``referred_to``).

    The finding's own decision usually makes the referral. Where a later decision made it (Italy: found on 17 October
    2025, referred in January 2026), ``referred_on`` is that decision's day and ``referral_source`` the source that
    reports it, with the referral decision's own number as its ``document`` when known. Neither can be given without
    a referral, and a referral cannot come before the finding.

    >>> source = Source(url="https://www.icc-cpi.int/news", title="ICC news")
    >>> finding = Finding(id="x", state="ITA", date=datetime.date(2025, 10, 17), chamber="Pre-Trial Chamber I",
    ...                   referred_to=["ASP"], referred_on=datetime.date(2026, 1, 26), summary="...",
    ...                   sources=[source], verified_on=datetime.date(2026, 11, 28))
    >>> finding.referred_on
    datetime.date(2026, 1, 26)
    >>> Finding(id="x", state="ITA", date=datetime.date(2025, 10, 17), chamber="Pre-Trial Chamber I",
    ...         referred_to=["ASP"], referred_on=datetime.date(2025, 10, 16), summary="...", sources=[source],
    ...         verified_on=datetime.date(2026, 11, 28))
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Finding
      Value error, referred_on 2025-10-16 is before the finding of 2025-10-17: a referral follows its finding ...
    """

    id: RecordId
    state: str
    person: str | None = None
    date: datetime.date
    chamber: str
    decision: str | None = None
    referred_to: tuple[Literal["ASP", "UNSC"], ...] = ()
    referred_on: datetime.date | None = None
    referral_source: Source | None = None
    summary: str

    @model_validator(mode="after")
    def _referral_follows_finding(self) -> Finding:
        if (self.referred_on is not None or self.referral_source is not None) and not self.referred_to:
            raise ValueError("referred_on and referral_source describe a referral: give referred_to (ASP, UNSC), or "
                             "drop them")
        if self.referred_on is not None and self.referred_on < self.date:
            raise ValueError(f"referred_on {self.referred_on} is before the finding of {self.date}: a referral "
                             "follows its finding")
        return self


class DatasetInfo(Record):
    """The dataset's version, the day it was released, and the day up to which its sources were searched.

    ``as_of`` is the last day up to which every kind of event was searched for and its sources found: answers about
    later days warn that the data knows nothing of them. ``released`` is the day the dataset was published (a later
    day, or the same). :attr:`in_words` says both.

    >>> info = DatasetInfo(version="2026.11.30", as_of="2026-06-30", released="2026-11-30")
    >>> info.in_words
    'dataset 2026.11.30, released 30 November 2026; sources searched up to 30 June 2026'
    >>> DatasetInfo(version="x", as_of="2026-06-30", released="2026-06-01")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for DatasetInfo
      Value error, released 2026-06-01 is before as_of 2026-06-30: a dataset cannot know sources newer than its release [...]
    ...
    """

    version: str
    as_of: datetime.date
    released: datetime.date | None = None
    note: str | None = None
    curation: str | None = Field(default=None, exclude=True)

    @model_validator(mode="after")
    def _released_after_as_of(self) -> DatasetInfo:
        if self.released is not None and self.released < self.as_of:
            raise ValueError(f"released {self.released} is before as_of {self.as_of}: a dataset cannot know sources "
                             "newer than its release")
        return self

    @property
    def in_words(self) -> str:
        """The version and both dates in plain words, for ``--version``, page headers and reports."""
        released = f"released {plain_date(self.released)}" if self.released else "release date not recorded"
        return f"dataset {self.version}, {released}; sources searched up to {plain_date(self.as_of)}"


def plain_date(day: datetime.date) -> str:
    """A date as a reader writes it: ``30 November 2026`` (English month names, whatever the locale).

    >>> plain_date(datetime.date(2026, 6, 2))
    '2 June 2026'
    """
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
