"""A review queue for a maintainer: each item of the Court's feed, matched against what the data already records.

For each feed item (:mod:`icc_rules.data.feed`) :func:`review` finds the persons it names (names and aliases, read
as :func:`~icc_rules.lookup.persons.persons_named_in` reads them), the states it names, and the Court document
numbers it cites, and tells what kind of event it looks like (the keyword table ``data/watch.toml``). The item is
``recorded`` when something in the data is that item:

* a source already cites its address, or a Court document it cites by number (not a bare situation or case number,
  which every record of the situation shares);
* or a recorded fact of its kind (a warrant issued or made public, an arrest, a finding, a treaty action, a trial
  step) for a person or state it names is dated in the :data:`WINDOW` days before it (or the day after).

Otherwise it is ``new``: a maintainer reads it and records what it says. The persons, states and numbers it names
are listed either way, to show where it belongs. Nothing here edits the data, and no answer depends on it.

>>> from icc_rules.data import shipped
>>> from icc_rules.data.feed import FeedItem
>>> import datetime
>>> item = FeedItem(title="ICC judges issue arrest warrants against Vladimir Putin and Maria Lvova-Belova",
...                 link="https://www.icc-cpi.int/news/example", guid="", published=datetime.date(2023, 3, 17),
...                 description="Pre-Trial Chamber II issued warrants in the Situation in Ukraine (ICC-01/22).")
>>> queue = review([item], "a feed", shipped())
>>> found = queue.items[0]
>>> found.status, found.kind, found.persons, found.states
('recorded', 'warrant', ('putin', 'lvova-belova'), ('UKR',))
>>> found.matches[0].record, found.matches[0].by
('person putin: warrant putin-2023', 'warrant issued 2023-03-17')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from ..data.dataset import TABLES, Dataset
from ..data.feed import FeedItem
from ..data.files import read_toml
from ..data.loading import DATA_DIR
from ..data.models import Source, Warrant
from ..lookup.countries import countries_named_in
from ..lookup.names import fold
from ..lookup.persons import persons_named_in

__all__ = ["KINDS", "WINDOW", "Kind", "Match", "ReviewQueue", "Reviewed", "review"]

#: How many days before a feed item a recorded fact of its kind may be dated and still be the item's event (a press
#: release follows a decision by a day or a few; a deposit is announced within days).
WINDOW = 14

#: A Court document number (``ICC-01/22-143``, ``ICC-02/05-01/09-195-Red``, ``ICC-CPI-20120403-PR783``) or a UN
#: depositary notification (``C.N.180.2026.TREATIES-XVIII.10``).
_NUMBER = re.compile(r"\bICC-[A-Z0-9]+(?:[/-][A-Za-z0-9]+)*|\bC\.N\.\d+\.\d{4}(?:\.TREATIES-[A-Z0-9.-]+)?")

#: A bare situation or case number: shared by every record of the situation or case, so it matches no one record.
_SITUATION_OR_CASE = re.compile(r"^ICC-\d\d/\d\d(?:-\d\d/\d\d)?$")

#: Versions of one filing: the public redacted version, a translation, a corrigendum, an annex.
_VERSION = re.compile(r"(?:-(?:RED\d*|CONF|CORR\d*|TENG|TFRA|ANX\d*|EXP|PUB))+$")


@dataclass(frozen=True)
class Kind:
    """A kind of event, from ``data/watch.toml``: its name, how it reads, the kinds of fact that can be it, and the
    words that show it."""

    name: str
    label: str
    facts: tuple[str, ...]
    words: tuple[str, ...]


@cache
def _kinds() -> tuple[Kind, ...]:
    table = read_toml(DATA_DIR / "watch.toml")
    return tuple(Kind(name=row["name"], label=row["label"], facts=tuple(row["facts"]),
                      words=tuple(fold(word) for word in row["words"])) for row in table["kind"])


#: The kinds of event, in the order they are tried (read once from ``data/watch.toml``).
KINDS: tuple[Kind, ...] = _kinds()


class Match(BaseModel):
    """A record an item matches, and how: ``record`` names it (``person putin: warrant putin-2023``, ``finding x``),
    ``by`` says what matched (``source address``, ``document ICC-01/22-143``, ``warrant issued 2023-03-17``)."""

    model_config = ConfigDict(frozen=True)

    record: str
    by: str


class Reviewed(BaseModel):
    """One feed item in the review queue.

    Attributes:
        title, link, published: the item's title, address and publication day.
        kind: the kind of event it looks like (``finding``, ``warrant``, ``arrest``, ``treaty``, ``trial``,
            ``other``).
        status: ``recorded`` (``matches`` says which records) or ``new`` (nothing in the data is this item).
        matches: the records that are this item.
        persons, states: the ids of the persons and the alpha-3 codes of the states it names.
        documents: the Court document numbers and depositary notifications it cites.
    """

    model_config = ConfigDict(frozen=True)

    title: str
    link: str
    published: datetime.date | None
    kind: str
    status: Literal["new", "recorded"]
    matches: tuple[Match, ...]
    persons: tuple[str, ...]
    states: tuple[str, ...]
    documents: tuple[str, ...]


class ReviewQueue(BaseModel):
    """The items of a feed, each ``new`` or ``recorded``, newest first; ``feed`` names the feed and ``dataset`` the
    data's version."""

    model_config = ConfigDict(frozen=True)

    feed: str
    dataset: str
    items: tuple[Reviewed, ...]

    @property
    def new(self) -> tuple[Reviewed, ...]:
        """The items nothing in the data records: what a maintainer must read."""
        return tuple(item for item in self.items if item.status == "new")

    def table(self) -> str:
        """The queue as text: a headline, then one block per item."""
        recorded = len(self.items) - len(self.new)
        head = f"{len(self.items)} item(s) in {self.feed}: {len(self.new)} new, {recorded} recorded"
        lines = [f"{head} (dataset {self.dataset})"]
        for item in self.items:
            lines += ["", f"{item.status.upper():<8} {item.published or 'undated'}  {item.kind:<8} {item.title}"]
            if item.link:
                lines.append(f"         {item.link}")
            named = [*(f"person {p}" for p in item.persons), *(f"state {s}" for s in item.states),
                     *(f"number {d}" for d in item.documents)]
            if named:
                lines.append(f"         names: {', '.join(named)}")
            lines += [f"         matches {match.record} (by {match.by})" for match in item.matches]
        return "\n".join(lines)


def review(items: Sequence[FeedItem], feed: str, data: Dataset) -> ReviewQueue:
    """Each item of a feed, matched against ``data`` (see the module's text), newest first."""
    index: _Index = data.attached("views.watch", lambda: _Index.of(data))
    reviewed = [_review(item, data, index) for item in items]
    reviewed.sort(key=lambda r: r.published or datetime.date.min, reverse=True)
    return ReviewQueue(feed=feed, dataset=data.info.version, items=tuple(reviewed))


def kind_of(title: str, description: str) -> Kind | None:
    """The kind of event a title (first) or a description looks like, or ``None`` (other).

    >>> kind_of("Mongolia failed to comply with its obligation to arrest and surrender Mr Putin", "").name
    'finding'
    >>> kind_of("Statement of the President", "") is None
    True
    """
    for text in (title, description):
        folded = f" {fold(text)} "
        for kind in KINDS:
            if any(f" {word} " in folded for word in kind.words):
                return kind
    return None


def _review(item: FeedItem, data: Dataset, index: _Index) -> Reviewed:
    text = f"{item.title}\n{item.description}"
    persons = persons_named_in(data, text)
    states = countries_named_in(text)
    documents = tuple(dict.fromkeys(_NUMBER.findall(f"{text}\n{item.link}")))
    kind = kind_of(item.title, item.description)
    matches: dict[str, str] = {}
    for address in (item.link, item.guid):
        for record in index.by_url.get(_url_key(address), ()) if address else ():
            matches.setdefault(record, "source address")
    for number in documents:
        if not _SITUATION_OR_CASE.match(number):
            for record in index.by_document.get(_document_key(number), ()):
                matches.setdefault(record, f"document {number}")
    if kind is not None and item.published is not None:
        earliest = item.published - datetime.timedelta(days=WINDOW)
        for fact in kind.facts:
            for record, what, day in _FACTS[fact](data, persons, states):
                if earliest <= day <= item.published + datetime.timedelta(days=1):
                    matches.setdefault(record, f"{what} {day}")
    return Reviewed(title=item.title, link=item.link, published=item.published,
                    kind=kind.name if kind is not None else "other", status="recorded" if matches else "new",
                    matches=tuple(Match(record=record, by=by) for record, by in matches.items()),
                    persons=tuple(persons), states=tuple(states), documents=documents)


# --- What the data records --------------------------------------------------------------------------------------


def _url_key(url: str) -> str:
    """An address as compared: no scheme, no ``www.``, no trailing slash or fragment, no case."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip().casefold()
    host = (parts.hostname or "").removeprefix("www.")
    key = f"{host}{parts.path.rstrip('/')}"
    return (f"{key}?{parts.query}" if parts.query else key).casefold()


def _document_key(number: str) -> str:
    """A document number as compared: upper case, without the version suffixes of one filing."""
    return _VERSION.sub("", number.upper())


@dataclass(frozen=True)
class _Index:
    """The recorded sources of a dataset by address and by document number, each with the records citing them."""

    by_url: Mapping[str, tuple[str, ...]]
    by_document: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, data: Dataset) -> _Index:
        by_url: dict[str, dict[str, None]] = {}
        by_document: dict[str, dict[str, None]] = {}
        for record, value in _cited(data):
            if isinstance(value, Source):
                by_url.setdefault(_url_key(value.url), {})[record] = None
                numbers = _NUMBER.findall(f"{value.document or ''}\n{value.title}\n{value.url}")
            else:
                numbers = _NUMBER.findall(value)
            for number in numbers:
                if not _SITUATION_OR_CASE.match(number):
                    by_document.setdefault(_document_key(number), {})[record] = None
        return cls({k: tuple(v) for k, v in by_url.items()}, {k: tuple(v) for k, v in by_document.items()})


def _cited(data: Dataset) -> Iterator[tuple[str, Source | str]]:
    """Every source in the data, and every document number a record carries in its own fields (a finding's
    ``decision``, a treaty change's ``depositary_notification``), with the record that cites it."""
    for table, (_, key, _) in TABLES.items():
        for record in data.records(table):
            yield from _walk(record, f"{table} {getattr(record, key)}")


def _walk(value: Any, label: str) -> Iterator[tuple[str, Source | str]]:
    if isinstance(value, Source):
        yield label, value
    elif isinstance(value, BaseModel):
        if isinstance(value, Warrant):
            label = f"{label}: warrant {value.id}"
        for name in type(value).model_fields:
            found = getattr(value, name)
            if name in ("decision", "depositary_notification") and isinstance(found, str):
                yield label, found
            else:
                yield from _walk(found, label)
    elif isinstance(value, tuple):
        for inner in value:
            yield from _walk(inner, label)


_Facts = Iterator[tuple[str, str, datetime.date]]

_ARRESTS = frozenset({"arrested", "surrendered", "transferred"})


def _warrant_facts(data: Dataset, persons: Mapping[str, str], _: Mapping[str, str]) -> _Facts:
    for person_id in persons:
        for warrant in _person(data, person_id):
            yield f"person {person_id}: warrant {warrant.id}", f"{warrant.kind} issued", warrant.issued
            if warrant.made_public is not None:
                yield f"person {person_id}: warrant {warrant.id}", "made public", warrant.made_public


def _event_facts(arrests: bool) -> Callable[[Dataset, Mapping[str, str], Mapping[str, str]], _Facts]:
    def facts(data: Dataset, persons: Mapping[str, str], _: Mapping[str, str]) -> _Facts:
        for person_id in persons:
            for warrant in _person(data, person_id):
                for event in warrant.events:
                    if (event.kind in _ARRESTS) == arrests:
                        yield (f"person {person_id}: warrant {warrant.id}", event.kind.replace("_", " "),
                               event.date)
    return facts


def _finding_facts(data: Dataset, persons: Mapping[str, str], states: Mapping[str, str]) -> _Facts:
    for finding in data.findings:
        if finding.state in states or (finding.person is not None and finding.person in persons):
            yield f"finding {finding.id}", "finding", finding.date


def _treaty_facts(data: Dataset, _: Mapping[str, str], states: Mapping[str, str]) -> _Facts:
    for code in states:
        state = data.state(code)
        if state is not None:
            for name in ("signed", "deposited"):
                if (day := getattr(state, name)) is not None:
                    yield f"state {code}", name, day
            for change in state.changes:
                yield f"state {code}: {change.kind}", change.kind.replace("_", " "), change.date
        for declaration in data.declarations:
            if declaration.state == code:
                yield f"declaration {declaration.id}", "article 12(3) declaration lodged", declaration.lodged


def _person(data: Dataset, person_id: str) -> tuple[Warrant, ...]:
    return data.person(person_id).warrants


#: For each kind of fact in ``data/watch.toml``: the recorded facts of that kind about the persons and states an
#: item names, as ``(record, what happened, day)``.
_FACTS: Mapping[str, Callable[[Dataset, Mapping[str, str], Mapping[str, str]], _Facts]] = {
    "warrant": _warrant_facts, "arrest": _event_facts(arrests=True), "trial": _event_facts(arrests=False),
    "finding": _finding_facts, "treaty": _treaty_facts,
}
