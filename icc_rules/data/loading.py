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
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import DataError, InputError, short_repr
from .dataset import TABLES, Dataset
from .files import Limits, describe, read_toml
from .models import DatasetInfo, Declaration, Finding, Person, Referral, Situation, State, Territory, Visit
from .validate import check

__all__ = ["DATA_DIR", "FILES_NAMED", "NOT_RECORDS", "files_named", "load", "read_files", "shipped", "without_user_data"]

#: Where the shipped data files live.
DATA_DIR = Path(__file__).parent

#: Files in the data directory that hold reference data rather than records (read by their own modules).
NOT_RECORDS = frozenset({"dataset.toml", "countries.toml", "iso3166.toml", "published_counts.toml", "sources.toml",
                         "watch.toml"})

R = TypeVar("R", bound=BaseModel)


def _records(path: Path, content: Mapping[str, Any]) -> Iterator[tuple[str, BaseModel]]:
    seen: set[tuple[str, object]] = set()
    for table, rows in content.items():
        if table not in TABLES:
            raise DataError(f"{path}: unknown table [[{short_repr(table, 60)[1:-1]}]]; expected one of "
                            f"{', '.join(TABLES)}")
        model, key, _ = TABLES[table]
        if not isinstance(rows, list):
            raise DataError(f"{path}: [[{table}]] must be an array of tables")
        for index, row in enumerate(rows):
            label = f"{table}[{index}]" + (f" ({key}={short_repr(row.get(key), 60)})" if isinstance(row, dict) else "")
            try:
                record = model.model_validate(row)
            except ValidationError as error:
                raise DataError(f"{path}: {label}: {describe(error)}") from None
            record_id = getattr(record, key)
            if (table, record_id) in seen:
                raise DataError(f"{path}: {label}: {table} {short_repr(record_id, 60)} is defined twice in this file "
                                "(ids must be unique)")
            seen.add((table, record_id))
            yield table, record


def read_files(paths: Iterable[Path], limits: Limits | None = None) -> list[tuple[Path, str, BaseModel]]:
    """Validate every record in these TOML files, in order; raises DataError on the first bad record."""
    limits = limits or Limits.from_environment()
    return [(path, table, record) for path in paths for table, record in _records(path, read_toml(path, limits))]


def _overlay_files(path: Path) -> list[Path]:
    """A user's data file, or every ``*.toml`` file in a folder of them (in name order)."""
    try:
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                raise DataError(f"{path}: a folder with no *.toml data file in it")
            return found
    except OSError as error:  # a name too long, a loop of links ...
        raise DataError(f"{short_repr(str(path), 200)}: cannot read the data file ({error.strerror or error})"
                        ) from None
    return [path]


def concerns(table: str, record: BaseModel) -> Iterator[str]:
    """Whose answers a record can change: ``host:CODE`` for a country, ``person:ID`` for a person."""
    match table:
        case "state" | "territory":
            yield f"host:{record.code}"  # type: ignore[attr-defined]
        case "declaration":
            yield f"host:{record.state}"  # type: ignore[attr-defined]
        case "referral":
            yield from (f"host:{code}" for code in record.binds)  # type: ignore[attr-defined]
        case "person":
            yield f"person:{record.id}"  # type: ignore[attr-defined]
        case "situation":
            yield f"situation:{record.id}"  # type: ignore[attr-defined]
        case "visit":
            yield f"person:{record.person}"  # type: ignore[attr-defined]
            yield f"host:{record.host}"  # type: ignore[attr-defined]
        case "finding":
            yield f"host:{record.state}"  # type: ignore[attr-defined]


def _path(value: object, what: str) -> Path:
    """``value`` as a path, or an :class:`~icc_rules.errors.InputError` naming it."""
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        raise InputError(f"{what} {short_repr(value)}: expected a path (a string or pathlib.Path)")
    return Path(value)


def load(directory: str | os.PathLike[str] = DATA_DIR,
         overlays: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (), *, limits: Limits | None = None
         ) -> Dataset:
    """Load and check a data directory (and optional overlay files on top of it).

    Records in overlays with a new id are added; a record whose id already exists supersedes the earlier one in
    the returned dataset and is listed in ``Dataset.conflicts``; the same id twice in one file is an error. The
    files on disk are never modified. Paths may be strings or ``pathlib.Path`` objects; ``overlays`` may be one file,
    a folder of ``*.toml`` files, or a list of them. ``limits`` bounds what a file may hold
    (:class:`~icc_rules.data.files.Limits`; default: the limits the environment sets).

    ``Dataset.user_data`` records, for every country, person and situation whose answers a user's file can change
    (by adding, replacing or removing what the shipped data says of it), which files did.

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
        raise InputError(f"overlays {short_repr(overlays)}: expected a path to a TOML file or a list of them")
    overlay_paths = [file for overlay in overlays for file in _overlay_files(_path(overlay, "an overlay"))]
    limits = limits or Limits.from_environment()
    info_path = directory / "dataset.toml"
    try:
        info = DatasetInfo.model_validate(read_toml(info_path, limits))
    except ValidationError as error:
        raise DataError(f"{info_path.name}: {describe(error)}") from None
    base = sorted(p for p in directory.glob("**/*.toml") if p.name not in NOT_RECORDS)
    tables: dict[str, dict[str, BaseModel]] = {name: {} for name in TABLES}
    origins: dict[tuple[str, str], str] = {}
    conflicts: list[str] = []
    user_data: dict[str, dict[str, None]] = {}
    for table, record_id, record in _base_records(tuple(base), _stamp(base), limits):
        tables[table][record_id] = record
    for path, table, record in read_files(overlay_paths, limits):
        record_id = getattr(record, TABLES[table][1])
        replaced = tables[table].get(record_id)
        if replaced is not None:
            conflicts.append(f"{path.name}: {table} {short_repr(record_id, 60)} supersedes the record from "
                             f"{origins.get((table, record_id), 'the shipped data')}")
            for key in concerns(table, replaced):  # what the replaced record said no longer holds
                user_data.setdefault(key, {})[str(path)] = None
        for key in concerns(table, record):
            user_data.setdefault(key, {})[str(path)] = None
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
        user_data=MappingProxyType({key: tuple(files) for key, files in user_data.items()}),
        directory=str(directory),
    )
    refuse(dataset, check(dataset), directory)
    return dataset


#: A record named in a problem's text: its table and id (``territory GUF``, ``person putin``).
_RECORD_NAMED = re.compile(rf"\b({'|'.join(TABLES)}) ([A-Za-z0-9][\w.-]*?)(?=[:,;) ]|$)")


def refuse(data: Dataset, problems: Iterable[str], directory: object) -> None:
    """Raise :class:`~icc_rules.errors.DataError` for ``problems`` (whole-dataset checks' lines, each starting with
    the record as ``table id:``), naming for each the file its record came from: the user's file that holds it or
    another record the line names (``state GUF``), else the shipped data. Nothing to raise if there are none."""
    found = list(problems)
    if not found:
        return
    lines = []
    for problem in found[:20]:
        # The record the line starts with, or another it names (``state GUF``), that came from a user's file.
        named = _RECORD_NAMED.findall(problem[:1000])
        origin = next((data.origins[key] for key in named if key in data.origins), None)
        lines.append(f"{origin}: {problem}" if origin else problem)
    files = sorted({line.split(": ", 1)[0] for line, problem in zip(lines, found) if line != problem})
    where = ", ".join(files) if files else str(directory)
    more = [f"... and {len(found) - 20} more"] if len(found) > 20 else []
    raise DataError(f"{where}: {len(found)} problem(s) in the data:\n  " + "\n  ".join([*lines, *more]))


def _stamp(paths: Sequence[Path]) -> tuple[tuple[int, int], ...]:
    """What tells whether files changed: each one's modification time and size."""
    stamps = []
    for path in paths:
        try:
            found = path.stat()
        except OSError as error:
            raise DataError(f"{path}: cannot read the data file ({error.strerror or error})") from None
        stamps.append((found.st_mtime_ns, found.st_size))
    return tuple(stamps)


@lru_cache(maxsize=4)
def _base_records(paths: tuple[Path, ...], stamp: tuple[tuple[int, int], ...], limits: Limits
                  ) -> tuple[tuple[str, str, BaseModel], ...]:
    """The records of a data directory's files, validated, with no id twice: kept while the files are unchanged
    (records are immutable), so that loading a user's file over the shipped data reads only the user's file."""
    seen: dict[tuple[str, str], Path] = {}
    found = []
    for path, table, record in read_files(paths, limits):
        record_id = getattr(record, TABLES[table][1])
        if (table, record_id) in seen:
            raise DataError(f"{path.name}: {table} {record_id!r} is defined twice (ids must be unique)")
        seen[(table, record_id)] = path
        found.append((table, record_id, record))
    return tuple(found)


def _typed(records: Iterable[BaseModel], model: type[R]) -> tuple[R, ...]:
    return tuple(r for r in records if isinstance(r, model))


@cache
def shipped() -> Dataset:
    """The package's own dataset, loaded and checked once per process (the records only: see
    :func:`icc_rules.shipped_data` for the dataset checked against the law too)."""
    return load()


def without_user_data(data: Dataset) -> Dataset | None:
    """The dataset ``data``'s user files were loaded over: its data directory alone (the shipped data is loaded once
    per process), so that an answer can say what it would be without them. ``None`` when no user's file was loaded,
    or when the directory alone cannot be loaded (a user's file may mend it): then no comparison can be made.

    >>> without_user_data(shipped()) is None
    True
    """
    if not data.origins or data.directory is None:
        return None
    directory = data.directory

    def base() -> Dataset | None:
        if Path(directory).resolve() == DATA_DIR.resolve():
            return shipped()
        try:
            return load(directory)
        except DataError:
            return None

    found: Dataset | None = data.attached("data.without_user_data", lambda: [base()])[0]
    return found


#: How many of a user's files a warning names before it counts the rest.
FILES_NAMED = 3


def files_named(files: Sequence[str]) -> str:
    """The user's files an answer rests on, in one short phrase however many there are (a folder of 3,000 files is
    one line, not 3,000).

    >>> files_named(["a.toml"])
    'a.toml'
    >>> files_named([f"/what-if/{n}.toml" for n in range(3000)])
    '3,000 files in /what-if'
    >>> files_named(["/a/1.toml", "/b/2.toml", "/c/3.toml", "/d/4.toml"])
    '/a/1.toml, /b/2.toml and 2 more files'
    """
    if len(files) <= FILES_NAMED:
        return ", ".join(files[:-1]) + (" and " if len(files) > 1 else "") + files[-1] if files else "no file"
    folders = {str(Path(file).parent) for file in files}
    if len(folders) == 1:
        return f"{len(files):,} files in {folders.pop()}"
    return f"{files[0]}, {files[1]} and {len(files) - 2:,} more files"
