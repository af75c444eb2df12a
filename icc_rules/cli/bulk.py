"""``icc-rules bulk [FILE] [--date DAY] [--csv | --json | --ndjson] [--keep-going]``: answer a CSV file of queries.

The file is CSV with a header row naming the columns person, country and date, in any case and order, beside any
other columns; the separator (comma, semicolon, tab or vertical bar) is found from the header. A file without a
date column needs --date DAY, the day for every row; --date also fills a row whose date cell is empty, which is
otherwise an error: the day is never guessed. - or no FILE reads standard input.

Rows are read, answered and written one at a time, so memory stays the same whatever the file's size. CSV, JSON and
NDJSON records hold the answer, the row's number (the header is row 1) and every input column, prefixed input_.
An error names the row and echoes it; with --keep-going every row is answered, the bad ones are reported on stderr
and in the output, and the exit code is 3. When stderr is a terminal, a progress line counts the rows done.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import stat
import sys
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

from ..errors import InputError, short_repr
from ..i18n import N_, ngettext
from ..i18n import gettext as _
from ..law import wording
from ..render.export import cell
from ..views.bulk import (
    COLUMNS,
    INPUT_PREFIX,
    Answered,
    CsvQueries,
    answer_queries,
    csv_record,
    read_csv,
    record,
    row_error,
)
from .output import OutputClosed, OutputFailed, error, human

#: A writer of answers: each answered row sent to it is written; closing it ends the output.
_Writer = Generator[None, Answered, None]

#: The columns of the human table, and their widths (a longer value widens its own row, never the others).
_HUMAN = ((N_("row"), 6), (N_("person"), 22), (N_("country"), 8), (N_("date"), 11), (N_("verdict"), 15),
          (N_("can travel"), 0))
#: How many pairs' (and verdicts') CSV cells the CSV output keeps.
_CELLS_KEPT = 50_000
#: CSV lines are written this many at a time.
_BATCH = 1_000
#: At most this often (seconds), the progress line is redrawn.
_PROGRESS_EVERY = 0.2


@contextmanager
def _opened(source: str) -> Iterator[IO[str]]:
    """The query file as text: UTF-8 (a byte order mark skipped), lines as they are (CSV cells may hold new lines)."""
    if source == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise InputError("cannot read stdin: it is closed; give a FILE")
        if sys.stdin.isatty():
            print(_("icc-rules: reading CSV queries from the terminal: a header row, then a query a row; end with "
                    "Ctrl-D"), file=sys.stderr)
        reconfigure = getattr(sys.stdin, "reconfigure", None)
        if reconfigure is not None:  # nothing was read from stdin yet, so it can still be told how to decode
            with suppress(OSError, ValueError):
                reconfigure(encoding="utf-8-sig", errors="strict", newline="")
        yield sys.stdin
        return
    try:
        stream = open(source, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise InputError(f"cannot read {short_repr(source)}: {error.strerror or error}") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise InputError(f"cannot read {short_repr(source)}: {error}") from None
    with stream:
        yield stream


class _Progress:
    """``12,345 rows (40%)`` redrawn on stderr while rows are answered, when stderr is a terminal (the share of the
    file read only for a regular file)."""

    def __init__(self, stream: IO[str]) -> None:
        self.shown = sys.stderr.isatty()
        self.done = 0
        self.last = 0.0
        self.descriptor, self.size = -1, 0
        try:
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size:
                self.descriptor, self.size = stream.fileno(), status.st_size
        except (OSError, ValueError):  # io.UnsupportedOperation is an OSError and a ValueError
            pass

    def step(self) -> None:
        self.done += 1
        if self.shown and time.monotonic() - self.last >= _PROGRESS_EVERY:
            self.last = time.monotonic()
            self._draw()

    def _draw(self, end: str = "") -> None:
        share = ""
        if self.size:  # where the file is read to (the reader's buffer runs a little ahead of the rows)
            share = f" ({min(os.lseek(self.descriptor, 0, os.SEEK_CUR) / self.size, 1):.0%})"
        rows = ngettext("{count} row", "{count} rows", self.done).format(count=f"{self.done:,}")
        print(f"\r{rows}{share}", end=end, file=sys.stderr, flush=True)

    def clear(self) -> None:
        """Before a message on stderr: the progress line is wiped, and drawn again at the next step."""
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
            self.last = 0.0

    def finish(self) -> None:
        if self.shown:
            self.size = 0
            self._draw(_(" done") + "\n")


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "..."


def run(args: argparse.Namespace) -> int:
    with _opened(args.file) as stream:
        queries = read_csv(stream, name="stdin" if args.file == "-" else _shown(args.file), date=args.date)
        progress = _Progress(stream)
        failed = 0
        writer = _writer(args, queries)
        try:
            for answered in answer_queries(queries, data=args.dataset, date=queries.day):
                progress.step()
                if answered.error is not None:
                    if not args.keep_going:
                        raise row_error(queries, answered) from answered.error
                    failed += 1
                    progress.clear()
                    error(wording.error(str(row_error(queries, answered))))
                writer.send(answered)
        finally:  # a JSON array is closed even when a bad row ends the run
            with suppress(OutputClosed, OutputFailed):
                writer.close()
        progress.finish()
    return 3 if failed else 0


def _columns(queries: CsvQueries) -> list[str]:
    return [*COLUMNS, "row", *(INPUT_PREFIX + column for column in queries.columns)]


def _writer(args: argparse.Namespace, queries: CsvQueries) -> _Writer:
    """A generator that writes each answered row sent to it in the chosen format."""
    writer = (_csv_writer if args.csv else _json_writer if args.json else _ndjson_writer if args.ndjson
              else _human_writer)(queries)
    next(writer)
    return writer


def _csv_writer(queries: CsvQueries) -> _Writer:
    """CSV rows, written a batch at a time. An answer's cells are made once (who and where once per pair, the
    verdict, rules and warnings once per distinct combination) and reused for every row they answer, so that a row
    costs the writing of its own cells (the day, its number, its input); a row whose cells need quoting, an error
    and a day after the data's as-of date (its warning names the day) go through the csv module."""
    columns = _columns(queries)
    width = len(queries.columns)
    lines = [_csv_line(columns)]
    who: dict[tuple[str, str], str] = {}
    what: dict[tuple[Any, ...], str] = {}
    try:
        while True:
            answered = yield
            if len(lines) >= _BATCH:
                sys.stdout.write("".join(lines))
                lines.clear()
            answer, query, day = answered.answer, answered.query, answered.day
            if answer is not None and day is not None and day <= answer.data_as_of:
                cells = query.values
                if len(cells) != width:
                    cells = [*cells[:width], *[""] * (width - len(cells))]
                given = ",".join(cells)
                if '"' not in given and "\n" not in given and "\r" not in given and given.count(",") == width - 1:
                    pair, verdict = (answer.person, answer.country), (answer.verdict, answer.rules, answer.warnings)
                    head, tail = who.get(pair), what.get(verdict)
                    if head is None or tail is None:
                        shown = [_csv_cell(value) for value in record(answered).values()]  # the COLUMNS, date 5th
                        if len(who) >= _CELLS_KEPT or len(what) >= _CELLS_KEPT:
                            who.clear()
                            what.clear()
                        head = who[pair] = _csv_line(shown[:4])[:-1] + ","
                        tail = what[verdict] = "," + _csv_line(shown[5:])[:-1] + ","
                    lines.append(f"{head}{day.isoformat()}{tail}{query.number},{given}\n")
                    continue
            found = csv_record(queries, answered)
            lines.append(_csv_line([_csv_cell(found.get(column)) for column in columns]))
    finally:  # what is written so far goes out, whether the run ends or stops
        sys.stdout.write("".join(lines))


def _csv_line(cells: list[Any]) -> str:
    """One CSV line, as the csv module writes it."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    """A record's value as :func:`~icc_rules.render.export.cell` writes it, the common kinds without its detour."""
    if value is None:
        return ""
    if isinstance(value, (str, int)):  # bool is an int: csv writes True and False
        return value
    if isinstance(value, list) and all(type(item) is str for item in value):  # rules, warnings
        return "; ".join(value)
    return cell(value)


def _json_writer(queries: CsvQueries) -> _Writer:
    sys.stdout.write("[")
    first = True
    try:
        while True:
            answered = yield
            sys.stdout.write(("\n" if first else ",\n") + json.dumps(csv_record(queries, answered), ensure_ascii=False))
            first = False
    except GeneratorExit:
        sys.stdout.write("\n]\n" if not first else "]\n")
        raise


def _ndjson_writer(queries: CsvQueries) -> _Writer:
    while True:
        answered = yield
        sys.stdout.write(json.dumps(csv_record(queries, answered), ensure_ascii=False) + "\n")


def _human_writer(queries: CsvQueries) -> _Writer:
    human(_line([_(title) for title, _width in _HUMAN]))
    while True:
        answered = yield
        found = csv_record(queries, answered)
        if found["error"] is None:
            cells = [found["row"], found["person"], found["country"], found["date"], found["verdict"],
                     _("yes") if found["can_travel"] else _("NO")]
        else:
            given = [found.get(INPUT_PREFIX + queries.names.get(key, ""), "") for key in ("person", "country", "date")]
            message = wording.error(found["error"])
            cells = [found["row"] or "", *given, _("error"), short_repr(message, 60).strip("'\"")]
        human(_line(cells))


def _line(cells: list[Any]) -> str:
    widths = [width for _title, width in _HUMAN]
    return "  " + "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``bulk`` command."""
    parser = subparsers.add_parser(
        "bulk", help="answer many queries from a CSV file (columns person, country, date)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE",
                        help="a CSV file with a header row (default, or -: standard input)")
    parser.add_argument("--date", metavar="DAY",
                        help="the day for rows without one: needed when the file has no date column; an ISO 8601 "
                        "date or today")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print one CSV row per query")
    output.add_argument("--json", action="store_true", help="print a JSON array of records")
    output.add_argument("--ndjson", action="store_true", help="print one JSON record per line")
    parser.add_argument("--keep-going", action="store_true",
                        help="answer every good row, report the bad ones on stderr and exit with 3")
    parser.set_defaults(handler=run)
