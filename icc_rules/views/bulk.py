"""Bulk answers: many (person, country, date) queries at once, exported as records, CSV, JSON, NDJSON or pandas.

Each row is answered by :func:`~icc_rules.api.assess`; answers are kept per pair and interval of days, so a large
batch over a few pairs costs little more than its first query of each pair.

:func:`assess_many` answers rows held in memory; :func:`read_csv` and :func:`answer_rows` stream a CSV file of any
size, a row at a time, in constant memory (what ``icc-rules bulk`` does). A CSV file never makes the day up: a file
without a date column is refused unless a day is given for it, and so is a row whose date cell is empty.

>>> result = assess_many([("Putin", "MN", "2024-09-03"), {"person": "Netanyahu", "country": "HU", "date": "2025-04-03"}])
>>> [(r["person"], r["country"], r["verdict"]) for r in result.records()]
[('putin', 'MNG', 'duty_to_arrest'), ('netanyahu', 'HUN', 'duty_to_arrest')]
>>> print(result.to_csv().splitlines()[1])
putin,Vladimir Putin,MNG,Mongolia,2024-09-03,duty_to_arrest,False,status.party; warrant.in_force; duty.state_party; note.official_capacity; verdict.duty_to_arrest,,2026.11.30,2026-11-28,
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from ..api import Assessment, DateLike, Verdict, assess
from ..api.queries import dataset, day_of, forget
from ..data.dataset import Dataset
from ..errors import ICCRulesError, InputError, short_repr
from ..render.export import to_csv, to_json, to_ndjson
from ..render.extras import require

__all__ = ["COLUMNS", "INPUT_PREFIX", "BulkError", "BulkResult", "CsvQueries", "CsvRow", "Row", "answer_rows",
           "assess_many", "read_csv"]

Row = Sequence[Any] | Mapping[str, Any]
"""One query: ``(person, country)``, ``(person, country, date)`` or a mapping with the keys ``person``,
``country`` and optionally ``date`` (other keys are ignored)."""

#: The columns of :meth:`BulkResult.records`, in order.
COLUMNS = ("person", "person_name", "country", "country_name", "date", "verdict", "can_travel", "rules",
           "warnings", "data_version", "data_as_of", "error")


class BulkError(BaseModel):
    """A row that could not be answered: its position (from 0), what it held and why it failed.

    >>> assess_many([("Nobody Atall", "MN", "2024-09-03")], on_error="record").errors[0].index
    0
    """

    model_config = ConfigDict(frozen=True)

    index: int
    row: str
    message: str


class BulkResult(BaseModel):
    """The answers to a batch, in the order of the rows, and the rows that failed (with ``on_error="record"``).

    ``answers`` has one entry per row: the :class:`~icc_rules.api.answers.Assessment`, or ``None`` for a row in
    ``errors``.

    >>> result = assess_many([("Putin", "KG", "2023-10-12")])
    >>> result.answers[0].verdict.value, result.errors
    ('no_duty', ())
    """

    model_config = ConfigDict(frozen=True)

    answers: tuple[Assessment | None, ...]
    errors: tuple[BulkError, ...] = ()

    def records(self) -> list[dict[str, Any]]:
        """One flat, JSON-ready dict per row, with the :data:`COLUMNS` as keys (``rules`` and ``warnings`` as lists).

        A failed row has its ``error`` set and the fields it could not fill left ``None``.
        """
        failed = {error.index: error for error in self.errors}
        rows = []
        for index, answer in enumerate(self.answers):
            if answer is None:
                rows.append({**dict.fromkeys(COLUMNS), "error": failed[index].message})
                continue
            rows.append(_record(answer))
        return rows

    def to_csv(self) -> str:
        """The records as CSV, one row per query (lists joined with ``"; "``)."""
        return to_csv(self.records(), COLUMNS)

    def to_json(self, *, full: bool = False) -> str:
        """The records as a JSON array; ``full=True`` gives each whole answer (reasons, sources, precedents)."""
        return to_json(self._full() if full else self.records())

    def to_ndjson(self, *, full: bool = False) -> str:
        """The records as newline-delimited JSON, one object per line; ``full=True`` as for :meth:`to_json`."""
        return to_ndjson(self._full() if full else self.records())

    def to_dataframe(self) -> Any:
        """The records as a pandas ``DataFrame`` (needs the ``pandas`` extra).

        ``date`` and ``data_as_of`` are ``datetime64`` columns and ``verdict`` a categorical ordered from the
        strongest verdict to the weakest.
        """
        pandas = require("pandas", "BulkResult.to_dataframe()", "pandas")

        frame = pandas.DataFrame.from_records(self.records(), columns=list(COLUMNS))
        for column in ("date", "data_as_of"):
            frame[column] = pandas.to_datetime(frame[column])
        frame["verdict"] = pandas.Categorical(frame["verdict"], categories=[v.value for v in Verdict], ordered=True)
        return frame

    def _full(self) -> list[dict[str, Any]]:
        failed = {error.index: error for error in self.errors}
        return [answer.model_dump(mode="json") if answer is not None else {"error": failed[index].message}
                for index, answer in enumerate(self.answers)]


def _query(row: Row) -> tuple[Any, Any, Any]:
    """The (person, country, date) of a row, or an InputError saying what is wrong with it."""
    if isinstance(row, Mapping):
        if "person" not in row or "country" not in row:
            raise InputError("a row needs the keys 'person' and 'country' (and optionally 'date'), "
                             f"not {sorted(map(str, row))}")
        query = (row["person"], row["country"], row.get("date") or None)
    elif isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (2, 3):
        raise InputError(f"a row must be (person, country), (person, country, date) or a mapping, not {row!r:.200}")
    else:
        query = (row[0], row[1], (row[2] if len(row) == 3 else None) or None)
    for field, value in zip(("person", "country"), query[:2], strict=False):
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InputError(f"a row needs a {field}, and this one has none: {row!r:.200}")
    return query


def assess_many(rows: Iterable[Row], *, data: Dataset | None = None, on_error: Literal["raise", "record"] = "raise",
                progress: Callable[[int], None] | None = None) -> BulkResult:
    """The answer to each (person, country, date) query of ``rows``.

    Args:
        rows: tuples ``(person, country[, date])`` or mappings with ``person``, ``country`` and ``date`` keys (a
            missing or empty date means today); person, country and date accept what :func:`~icc_rules.assess`
            accepts.
        data: the dataset (default: the shipped one).
        on_error: ``"raise"`` stops at the first bad row with its error; ``"record"`` keeps going and lists the
            bad rows in ``BulkResult.errors`` (their records carry the message in ``error``).
        progress: called with the number of rows done after each row (for a progress display).

    Returns:
        A :class:`BulkResult`.

    Raises:
        ICCRulesError: With ``on_error="raise"``, the first bad row's error: those of :func:`~icc_rules.assess`, or
            an ``InputError`` for a row that is not a query.

    >>> result = assess_many([("Putin", "Mongolai", "2024-09-03"), ("Putin", "KG", "2023-10-12")], on_error="record")
    >>> [r["verdict"] for r in result.records()], result.errors[0].message[:26]
    ([None, 'no_duty'], "unknown country 'Mongolai'")
    """
    data = dataset(data)
    if progress is not None and not callable(progress):
        raise InputError(f"progress={short_repr(progress)}: expected a function called with the number of rows done")
    if not isinstance(rows, Iterable) or isinstance(rows, (str, bytes, Mapping)):
        raise InputError(f"rows {rows!r:.200}: expected an iterable of rows (tuples or mappings), e.g. a list")
    answers: list[Assessment | None] = []
    errors: list[BulkError] = []
    for index, row in enumerate(rows):
        try:
            person, country, date = _query(row)
            answers.append(assess(person, country, date, data=data))
        except ICCRulesError as error:
            if on_error == "raise":
                raise
            answers.append(None)
            errors.append(BulkError(index=index, row=repr(row)[:200], message=str(error)))
        if progress is not None:
            progress(index + 1)
    return BulkResult(answers=tuple(answers), errors=tuple(errors))


#: The columns every query file must name (matched without regard to case, spaces or a byte order mark), and the
#: one it may name (without it, a day must be given for the whole file).
REQUIRED, OPTIONAL = ("person", "country"), "date"
#: The separators a query file may use, tried in this order on its header row.
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
#: In streamed records, each input column comes back under its own name with this prefix, beside the answer.
INPUT_PREFIX = "input_"
#: How much of a row an error message echoes.
ECHOED = 120


def _key(name: str) -> str:
    """A header name as it is matched: no byte order mark, no spaces, no case."""
    return "".join(name.replace("\ufeff", "").split()).casefold()


class CsvRow(NamedTuple):
    """One row of a query file: its number as a spreadsheet shows it (the header is row 1; a row that spans several
    lines is numbered by its first), every column's value under the header's own name, and the query's values (an
    empty date cell is ``None``)."""

    number: int
    values: dict[str, str]
    person: str
    country: str
    date: str | None


class CsvQueries:
    r"""A query file being read: its header's columns, the separator found, then its rows one at a time.

    Iterating yields a :class:`CsvRow` per row, or raises :class:`~icc_rules.errors.InputError` naming the row for a
    row that cannot be read (a field over 128 KiB, bytes that are not UTF-8): iterating again goes on after it.

    >>> import io
    >>> queries = read_csv(io.StringIO("\ufeffPerson; Country ;DATE\nputin;MN;2024-09-03\n"))
    >>> queries.columns, queries.separator
    (['Person', ' Country ', 'DATE'], ';')
    >>> row = next(queries)
    >>> row.number, row.person, row.country, row.date, row.values["DATE"]
    (2, 'putin', 'MN', '2024-09-03', '2024-09-03')
    """

    def __init__(self, lines: Iterable[str], name: str, date: DateLike) -> None:
        self.name = name
        lines = _bounded(lines, name) if hasattr(lines, "readline") else iter(lines)
        try:
            header = next(lines, "")
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: expected CSV text in UTF-8, but the byte at offset {error.start} is "
                             "not UTF-8") from None
        except OSError as error:
            raise InputError(f"cannot read {name}: {error.strerror or error}") from None
        if not header.strip():
            raise InputError(f"{name}: empty; expected a header row naming the columns person, country and date")
        self.separator, self.columns = _header(name, header.lstrip("\ufeff"))
        keys = [_key(column) for column in self.columns]
        if OPTIONAL not in keys and date is None:
            raise InputError(
                f"{name}: no date column (the header names {', '.join(map(repr, self.columns[:12]))}): name the day "
                "of each row in a column headed date, or give the day for every row (icc-rules bulk --date DAY, "
                "e.g. --date 2024-09-03 or --date today)")
        self.date = None if date is None else day_of(date).isoformat()
        self._where = {key: keys.index(key) for key in (*REQUIRED, OPTIONAL) if key in keys}
        self._reader = csv.reader(lines, delimiter=self.separator)
        self._line = 1

    def __iter__(self) -> Iterator[CsvRow]:
        return self

    def __next__(self) -> CsvRow:
        number = self._line + 1
        try:
            cells = next(self._reader)
        except csv.Error as error:
            self._line = 1 + self._reader.line_num
            raise InputError(f"{self.name}, row {number}: {error}") from None
        except UnicodeDecodeError:
            self._line = 2 + self._reader.line_num
            raise InputError(f"{self.name}, row {number}: expected CSV text in UTF-8, but a byte in or after this "
                             "row is not UTF-8") from None
        except OSError as error:  # the file went away while it was read (a disk error, a closed terminal)
            raise InputError(f"cannot read {self.name} after row {number - 1}: {error.strerror or error}") from None
        self._line = 1 + self._reader.line_num  # the header was read before the reader
        if not any(cell.strip() for cell in cells):
            return next(self)  # a blank line
        values = dict(zip(self.columns, cells, strict=False))
        if len(cells) > len(self.columns):
            values[f"column {len(self.columns) + 1}+"] = self.separator.join(cells[len(self.columns):])
        where = self._where
        date = cells[where[OPTIONAL]].strip() if OPTIONAL in where and where[OPTIONAL] < len(cells) else ""
        return CsvRow(number=number, values=values,
                      person=cells[where["person"]] if where["person"] < len(cells) else "",
                      country=cells[where["country"]] if where["country"] < len(cells) else "",
                      date=date or None)

    @property
    def names(self) -> dict[str, str]:
        """The header's own names of the columns ``person``, ``country`` and (if there is one) ``date``."""
        return {key: self.columns[index] for key, index in self._where.items()}

    def echo(self, values: Iterable[str]) -> str:
        """A row's values as the file has them, cut to :data:`ECHOED` characters."""
        return short_repr(self.separator.join(values), ECHOED)


#: The longest line a query file may have (a row spanning lines may be longer, each of its fields up to 128 KiB).
LONGEST_LINE = 1 << 20


def _bounded(stream: Any, name: str) -> Iterator[str]:
    """The lines of an open file, each read up to :data:`LONGEST_LINE` characters: a file with no end of line (such
    as /dev/zero) is refused, not read into memory."""
    while True:
        line: str = stream.readline(LONGEST_LINE + 1)
        if not line:
            return
        if len(line) > LONGEST_LINE:
            raise InputError(f"{name}: a line longer than {LONGEST_LINE // 1024} KiB: expected CSV text, one query a "
                             "row")
        yield line


def _header(name: str, line: str) -> tuple[str, list[str]]:
    """The separator and the columns of a header row: the first separator that splits it into columns naming
    person and country."""
    text = line.rstrip("\r\n")
    for separator in SEPARATORS:
        columns = next(csv.reader([text], delimiter=separator), [])
        keys = [_key(column) for column in columns]
        if all(key in keys for key in REQUIRED):
            twice = sorted({key for key in keys if key and keys.count(key) > 1} & {*REQUIRED, OPTIONAL})
            if twice:
                raise InputError(f"{name}: the header names the column {twice[0]} twice: {short_repr(text, ECHOED)}")
            return separator, columns
    missing = [key for key in REQUIRED if key not in [_key(c) for c in next(csv.reader([text]), [])]]
    raise InputError(
        f"{name}: the header row must name the columns person, country and date (in any case, in any order); "
        f"missing: {', '.join(missing)}; the header: {short_repr(text, ECHOED)} (separators tried: "
        f"{', '.join(SEPARATORS.values())})")


def read_csv(lines: Iterable[str], *, name: str = "the CSV", date: DateLike = None) -> CsvQueries:
    """A query file, read as it is iterated: a header row naming the columns person, country and date, then a query
    per row.

    The header's names are matched without regard to case, spaces or a byte order mark, in any order, beside any
    other columns; the separator (comma, semicolon, tab or vertical bar) is the one that splits the header into
    those columns.

    Args:
        lines: the file's lines (an open file, ``sys.stdin``, a list of strings).
        name: what error messages call the file.
        date: the day for rows without one: required if the file has no date column, and used for a row whose
            date cell is empty; ``None`` refuses both.

    Raises:
        InputError: the header is missing, names no person or country column, or has no date column while
            ``date`` is ``None``; ``date`` is not a date.

    >>> read_csv(["person,country,day", "putin,MN,2024-09-03"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: the CSV: no date column (the header names 'person', 'country', 'day'): name the day ...
    """
    return CsvQueries(lines, name, date)


def answer_rows(queries: CsvQueries, *, data: Dataset | None = None, on_error: Literal["raise", "record"] = "raise",
                fresh_every: int | None = None) -> Iterator[dict[str, Any]]:
    """The answer to each row of ``queries``, one record at a time.

    Each record has the :data:`COLUMNS` of :meth:`BulkResult.records`, then ``row`` (the row's number, the header
    being row 1) and every input column under its own name prefixed with :data:`INPUT_PREFIX`, so that a failed row
    still shows what it held.

    Args:
        queries: from :func:`read_csv`.
        data: the dataset (default: the shipped one).
        on_error: ``"raise"`` stops at the first bad row with an :class:`~icc_rules.errors.InputError` naming the
            row and echoing it (its ``__cause__`` is the row's own error, an ``UnknownPersonError`` for example);
            ``"record"`` yields the row with the message in ``error``.
        fresh_every: every that many rows, forget the answers and decisions kept for ``data``
            (:func:`~icc_rules.api.queries.forget`), so that memory stays flat whatever the file's size: the
            answers kept are bounded, but 20,000 full answers and 50,000 decisions of random queries take some
            600 MB. ``None`` (the default) keeps them, as every other query does; ``icc-rules bulk`` uses 5,000.

    >>> queries = read_csv(["person,country,date,note", "putin,MN,2024-09-03,x", "putin,Mongolai,,y"])
    >>> [(r["verdict"], r["row"], r["input_note"], r["error"]) for r in answer_rows(queries, on_error="record")]
    ... # doctest: +ELLIPSIS
    [('duty_to_arrest', 2, 'x', None), (None, 3, 'y', 'no date in the date column: ...')]
    """
    data = dataset(data)
    done = 0
    while True:
        if fresh_every and done and done % fresh_every == 0:
            forget(data)
        done += 1
        try:
            row = next(queries)
        except StopIteration:
            return
        except InputError as error:
            if on_error == "raise":
                raise
            yield {**dict.fromkeys(COLUMNS), "error": str(error), "row": None}
            continue
        inputs = {INPUT_PREFIX + column: value for column, value in row.values.items()}
        try:
            answer = assess(*_csv_query(row, queries.date), data=data)
        except ICCRulesError as error:
            if on_error == "raise":
                raise InputError(f"{queries.name}, row {row.number}: {error}; the row: {queries.echo(row.values.values())}") from error
            yield {**dict.fromkeys(COLUMNS), "error": str(error), "row": row.number, **inputs}
            continue
        yield {**_record(answer), "row": row.number, **inputs}


def _csv_query(row: CsvRow, day: str | None) -> tuple[str, str, str]:
    for field in REQUIRED:
        if not getattr(row, field).strip():
            raise InputError(f"no {field} in the {field} column")
    date = row.date or day
    if date is None:
        raise InputError("no date in the date column: give one, or the day for rows without one "
                         "(icc-rules bulk --date DAY)")
    return row.person, row.country, date


def _record(answer: Assessment) -> dict[str, Any]:
    return {
        "person": answer.person, "person_name": answer.person_name, "country": answer.country,
        "country_name": answer.country_name, "date": answer.date.isoformat(),
        "verdict": answer.verdict.value, "can_travel": answer.can_travel, "rules": list(answer.rules),
        "warnings": list(answer.warnings), "data_version": answer.data_version,
        "data_as_of": answer.data_as_of.isoformat(), "error": None,
    }
