"""Reading the data files: TOML records validated by the models, checked as a whole, merged with user files.

The shipped data lives in this package's folder (format: ``docs/data-format.md``). Loading validates every record
with :mod:`icc_rules.data.models`, then checks the dataset as a whole (:mod:`icc_rules.data.validate`). Any problem
raises :class:`~icc_rules.errors.DataError` naming the file, the record and the field; nothing half-loaded is ever
returned. The checks that need the law (dates the Rome Statute fixes) run on top of these in
:func:`icc_rules.api.datasets.load_data`.

>>> data = load()
>>> data.state("ARM").in_force
datetime.date(2024, 2, 1)
>>> load("/nonexistent")
Traceback (most recent call last):
...
icc_rules.errors.DataError: /nonexistent/dataset.toml: cannot read the data file (No such file or directory)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import DataError, InputError
from .dataset import TABLES, Dataset
from .files import describe, read_toml
from .models import DatasetInfo, Declaration, Finding, Person, Referral, Situation, State, Territory, Visit
from .validate import check

__all__ = ["DATA_DIR", "NOT_RECORDS", "load", "read_files", "shipped"]

#: Where the shipped data files live.
DATA_DIR = Path(__file__).parent

#: Files in the data directory that hold reference data rather than records (read by their own modules).
NOT_RECORDS = frozenset({"dataset.toml", "countries.toml", "iso3166.toml", "published_counts.toml", "sources.toml"})

R = TypeVar("R", bound=BaseModel)


def _records(path: Path, content: Mapping[str, Any]) -> Iterator[tuple[str, BaseModel]]:
    for table, rows in content.items():
        if table not in TABLES:
            raise DataError(f"{path.name}: unknown table [[{table}]]; expected one of {', '.join(TABLES)}")
        model, key, _ = TABLES[table]
        if not isinstance(rows, list):
            raise DataError(f"{path.name}: [[{table}]] must be an array of tables")
        for index, row in enumerate(rows):
            label = f"{table}[{index}]" + (f" ({key}={row.get(key)!r})" if isinstance(row, dict) else "")
            try:
                yield table, model.model_validate(row)
            except ValidationError as error:
                raise DataError(f"{path.name}: {label}: {describe(error)}") from None


def read_files(paths: Iterable[Path]) -> list[tuple[Path, str, BaseModel]]:
    """Validate every record in these TOML files, in order; raises DataError on the first bad record."""
    return [(path, table, record) for path in paths for table, record in _records(path, read_toml(path))]


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
        info = DatasetInfo.model_validate(read_toml(info_path))
    except ValidationError as error:
        raise DataError(f"{info_path.name}: {describe(error)}") from None
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
    """The package's own dataset, loaded and checked once per process (the records only: see
    :func:`icc_rules.shipped_data` for the dataset checked against the law too)."""
    return load()
