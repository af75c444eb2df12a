"""The audit of the data's sources: how many of each tier every table cites, and what falls short of the rules
a careful reader holds the data to (``docs/data.md``, "Sources"):

* every source says its ``kind`` (primary, secondary, reference) and points to a host the table of source hosts
  (``sources.toml``) knows with that tier (a refused host never loads at all: :mod:`icc_rules.data.hosts`);
* a record that is ``confirmed`` has a primary source, or two secondary sources from different outlets; a record
  with less says ``probable`` or ``reported`` and, in its note, what would settle it.

``icc-rules data sources`` prints this audit; a test holds the shipped data to it.

>>> report = audit_sources(shipped_records())
>>> report.problems
()
>>> report.by_table["state"]["primary"] > 100
True
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from pydantic import BaseModel

from .countries import country_files
from .dataset import TABLES, Dataset
from .hosts import HOSTS, HostTable, host_of
from .loading import shipped
from .models import Person, Source
from .published import COUNTS_FILE, published_counts

__all__ = ["TIERS", "SourceAudit", "audit_sources", "dataset_records", "reference_records", "shipped_records"]

#: The tiers in the order an audit reports them; ``none`` counts sources that do not say their kind.
TIERS = ("primary", "secondary", "reference", "none")


@dataclass(frozen=True)
class SourceAudit:
    """Sources counted by table and tier, and every problem found.

    Attributes:
        by_table: For each table (``state``, ``person``, ..., and the reference files), the count of sources of each
            tier in :data:`TIERS`.
        problems: One line per problem, naming the record (and the file of a record from a user's file).
        unknown_hosts: Hosts the table of source hosts does not know, with how many sources point to them.
    """

    by_table: Mapping[str, Mapping[str, int]]
    problems: tuple[str, ...]
    unknown_hosts: Mapping[str, int]

    @property
    def totals(self) -> Mapping[str, int]:
        """The count of sources of each tier over all tables.

        >>> audit_sources([]).totals
        mappingproxy({'primary': 0, 'secondary': 0, 'reference': 0, 'none': 0})
        """
        return MappingProxyType({tier: sum(row[tier] for row in self.by_table.values()) for tier in TIERS})


def dataset_records(data: Dataset) -> Iterator[tuple[str, str, BaseModel]]:
    """``(table, where, record)`` for every top-level record of a dataset; ``where`` names a record from a user's
    file by its file."""
    for table, (_, key, _) in TABLES.items():
        for record in data.records(table):
            record_id = str(getattr(record, key))
            origin = data.origin(table, record_id)
            yield table, f"{table} {record_id}" + ("" if origin == "shipped" else f" ({origin})"), record


def shipped_records() -> Iterator[tuple[str, str, BaseModel]]:
    """The shipped dataset's records and those of the reference files (countries, published counts)."""
    yield from dataset_records(shipped())
    yield from reference_records()


def reference_records() -> Iterator[tuple[str, str, BaseModel]]:
    """The records of the reference files shipped beside the dataset: the countries and the published counts."""
    for name, content in country_files():
        yield name, name, content
    for count in published_counts():
        yield COUNTS_FILE.name, f"{COUNTS_FILE.name}: count {count.id}", count


def audit_sources(records: Iterable[tuple[str, str, BaseModel]], hosts: HostTable = HOSTS) -> SourceAudit:
    """Audit the sources of these records (from :func:`dataset_records` or :func:`shipped_records`)."""
    counts: dict[str, collections.Counter[str]] = {}
    problems: list[str] = []
    unknown: collections.Counter[str] = collections.Counter()
    for table, where, record in records:
        tally = counts.setdefault(table, collections.Counter())
        for place, sourced in _sourced(record, where):
            problems.extend(_check(place, sourced, tally, unknown, hosts))
    return SourceAudit(
        by_table=MappingProxyType({table: MappingProxyType({tier: tally[tier] for tier in TIERS})
                                   for table, tally in counts.items()}),
        problems=tuple(problems),
        unknown_hosts=MappingProxyType(dict(unknown.most_common())),
    )


def _check(where: str, record: BaseModel, tally: collections.Counter[str], unknown: collections.Counter[str],
           hosts: HostTable) -> Iterator[str]:
    # A record's sources, and any source it gives for a part of it (a finding's referral_source).
    sources: tuple[Source, ...] = (*getattr(record, "sources", ()), *(
        value for name in type(record).model_fields if isinstance(value := getattr(record, name), Source)))
    outlets: dict[str, set[str]] = collections.defaultdict(set)
    for source in sources:
        tally[source.kind or "none"] += 1
        entry = hosts.entry(source.url)
        if source.kind is None:
            yield f"{where}: source {source.url} does not say its kind (primary, secondary or reference)"
        if entry is None:
            unknown[host_of(source.url)] += 1
            yield f"{where}: {host_of(source.url)} is not in {hosts.path.name} ({source.url})"
            continue
        if source.kind is not None and source.kind != entry.tier:
            yield f"{where}: {source.url} is given as {source.kind}, but {hosts.path.name} has its host as {entry.tier}"
        outlets[entry.tier].add(entry.outlet)
    confidence = getattr(record, "confidence", "confirmed")
    if sources and confidence == "confirmed" and not (outlets.get("primary") or len(outlets.get("secondary", ())) >= 2):
        found = "; ".join(f"{tier}: {', '.join(sorted(names))}" for tier, names in sorted(outlets.items()))
        yield (f"{where}: confirmed, but without a primary source or two secondary ones from different outlets "
               f"({found or 'no source on a known host'}); add one, or say probable or reported and what would "
               "settle it")


def _sourced(node: object, where: str) -> Iterator[tuple[str, BaseModel]]:
    """Every model under ``node`` that carries sources, with a label saying where it is."""
    if isinstance(node, BaseModel) and not isinstance(node, Source):
        if "sources" in type(node).model_fields:
            yield where, node
        if isinstance(node, Person) and node.death is not None:  # the death's own sources (died_sources)
            yield f"{where}: death", node.death
        for name in type(node).model_fields:
            if name != "sources":
                yield from _sourced(getattr(node, name), f"{where}: {name}")
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            label = next((str(getattr(item, key)) for key in ("id", "code", "kind", "title")
                          if isinstance(getattr(item, key, None), str)), str(index))
            yield from _sourced(item, f"{where}[{label}]")
