r"""Reading bulk queries from CSV text: a header row naming the columns person, country and date, then a query a row.

The header's names are matched as people write them: in any case and order, with spaces or a byte order mark
(``Person,Country,Date``, `` country ``), beside any other columns. The separator (comma, semicolon, tab or vertical
bar) is the one that splits the header into those columns. Rows are numbered as a spreadsheet shows them (the header
is row 1; a row that spans several lines is numbered by its first), and every error names its row.

An empty date cell names no day, and a file without a date column names none for any row: the caller's day is
used, or the row is refused (:func:`~icc_rules.views.inputs.day_of_row`); the file itself is refused at once when it
has no date column and no day is given for it.

>>> import io
>>> queries = read_csv(io.StringIO("\ufeffPerson; Country ;DATE\nputin;MN;2024-09-03\n"))
>>> queries.columns, queries.separator
(['Person', ' Country ', 'DATE'], ';')
>>> query = next(queries)
>>> query.number, query.person, query.country, query.date, queries.values_of(query)["DATE"]
(2, 'putin', 'MN', '2024-09-03', '2024-09-03')
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...errors import InputError, short_repr
from ...lookup.dates import to_date
from . import Query

__all__ = ["ECHOED", "LONGEST_LINE", "OPTIONAL", "REQUIRED", "SEPARATORS", "CsvQueries", "read_csv"]

#: The columns every query file must name (matched without regard to case, spaces or a byte order mark), and the
#: one it may name (without it, a day must be given for the whole file).
REQUIRED, OPTIONAL = ("person", "country"), "date"
#: The separators a query file may use, tried in this order on its header row.
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
#: How much of a row an error message echoes.
ECHOED = 120
#: The longest line a query file may have (a row spanning lines may be longer, each of its fields up to 128 KiB).
LONGEST_LINE = 1 << 20


def _key(name: str) -> str:
    """A header name as it is matched: no byte order mark, no spaces, no case."""
    return "".join(name.replace("\ufeff", "").split()).casefold()


class CsvQueries:
    """A query file being read: its header's columns, the separator found, the caller's ``day`` for rows that name
    none, then a
    :class:`~icc_rules.views.inputs.Query` per row (its ``values``: the row's cells). A row that cannot be read (a
    field over 128 KiB, bytes that are not UTF-8) is a query with its ``problem`` naming the row; reading goes on
    after it."""

    def __init__(self, lines: Iterable[str], name: str, day: datetime.date | None) -> None:
        self.name = name
        self.day = day  # the day for rows that name none, if the caller gave one
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
        if OPTIONAL not in keys and day is None:
            raise InputError(
                f"{name}: no date column (the header names {', '.join(map(repr, self.columns[:12]))}): name the day "
                "of each row in a column headed date, or give the day for every row (icc-rules bulk --date DAY, "
                "e.g. --date 2024-09-03 or --date today; date= in Python and over the web)")
        self._where = {key: keys.index(key) for key in (*REQUIRED, OPTIONAL) if key in keys}
        self._reader = csv.reader(lines, delimiter=self.separator)
        self._line = 1
        self._index = 0

    def __iter__(self) -> Iterator[Query]:
        return self

    def __next__(self) -> Query:
        number = self._line + 1
        try:
            cells = next(self._reader)
        except csv.Error as error:
            self._line = 1 + self._reader.line_num
            return self._problem(f"{self.name}, row {number}: {error}")
        except UnicodeDecodeError:
            self._line = 2 + self._reader.line_num
            return self._problem(f"{self.name}, row {number}: expected CSV text in UTF-8, but a byte in or after "
                                 "this row is not UTF-8")
        except OSError as error:  # the file went away while it was read (a disk error, a closed terminal)
            raise InputError(f"cannot read {self.name} after row {number - 1}: {error.strerror or error}") from None
        self._line = 1 + self._reader.line_num  # the header was read before the reader
        if not any(cell.strip() for cell in cells):
            return next(self)  # a blank line
        where, count = self._where, len(cells)
        person, country = where["person"], where["country"]
        date = where.get(OPTIONAL, count)
        index = self._index
        self._index += 1
        return Query(index, number, cells[person] if person < count else "", cells[country] if country < count else "",
                     cells[date] if date < count and cells[date].strip() else None, cells)

    def _problem(self, message: str) -> Query:
        self._index += 1
        return Query(self._index - 1, None, problem=message)

    def values_of(self, query: Query) -> dict[str, str]:
        """A row's cells under the header's own names (cells beyond the header's joined under ``column N+``)."""
        cells: Sequence[str] = query.values or ()
        values = dict(zip(self.columns, cells, strict=False))
        if len(cells) > len(self.columns):
            values[f"column {len(self.columns) + 1}+"] = self.separator.join(cells[len(self.columns):])
        return values

    @property
    def names(self) -> dict[str, str]:
        """The header's own names of the columns ``person``, ``country`` and (if there is one) ``date``."""
        return {key: self.columns[index] for key, index in self._where.items()}

    def echo(self, values: Iterable[str]) -> str:
        """A row's values as the file has them, cut to :data:`ECHOED` characters."""
        return short_repr(self.separator.join(values), ECHOED)


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


def read_csv(lines: Iterable[str], *, name: str = "the CSV", date: object = None) -> CsvQueries:
    """A query file, read as it is iterated (see the module's description).

    Args:
        lines: the file's lines (an open file, ``sys.stdin``, a list of strings).
        name: what error messages call the file.
        date: the day the caller gives for rows that name none, if any (kept as ``day``): without it, a file with
            no date column is refused at once.

    Raises:
        InputError: the header is missing, names no person or country column, or has no date column while
            ``date`` is ``None``.
        InvalidDateError: ``date`` is not a date.

    >>> read_csv(["person,country,day", "putin,MN,2024-09-03"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    icc_rules.errors.InputError: the CSV: no date column (the header names 'person', 'country', 'day'): name the day ...
    """
    return CsvQueries(lines, name, None if date is None else to_date(date))
