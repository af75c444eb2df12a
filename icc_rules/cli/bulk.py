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
import json
import os
import stat
import sys
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

from ..errors import InputError, short_repr
from ..render.export import cell
from ..views.bulk import COLUMNS, INPUT_PREFIX, CsvQueries, answer_rows, read_csv
from .output import OutputClosed, OutputFailed, error, human

#: A writer of records: each record sent to it is written; closing it ends the output.
_Writer = Generator[None, dict[str, Any], None]

#: The columns of the human table, and their widths (a longer value widens its own row, never the others).
_HUMAN = (("row", 6), ("person", 22), ("country", 8), ("date", 11), ("verdict", 15), ("can travel", 0))
#: Every this many rows, the answers kept are forgotten: 300,000 random rows then peak near 110 MB, not 730 MB
#: (bench/run.py measures it), at some cost in speed for files of many different queries.
_FRESH_EVERY = 5_000
#: At most this often (seconds), the progress line is redrawn.
_PROGRESS_EVERY = 0.2


@contextmanager
def _opened(source: str) -> Iterator[IO[str]]:
    """The query file as text: UTF-8 (a byte order mark skipped), lines as they are (CSV cells may hold new lines)."""
    if source == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise InputError("cannot read stdin: it is closed; give a FILE")
        if sys.stdin.isatty():
            print("icc-rules: reading CSV queries from the terminal: a header row, then a query a row; end with "
                  "Ctrl-D", file=sys.stderr)
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
        print(f"\r{self.done:,} row{'s' * (self.done != 1)}{share}", end=end, file=sys.stderr, flush=True)

    def clear(self) -> None:
        """Before a message on stderr: the progress line is wiped, and drawn again at the next step."""
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
            self.last = 0.0

    def finish(self) -> None:
        if self.shown:
            self.size = 0
            self._draw(" done\n")


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "..."


def run(args: argparse.Namespace) -> int:
    with _opened(args.file) as stream:
        queries = read_csv(stream, name="stdin" if args.file == "-" else _shown(args.file), date=args.date)
        progress = _Progress(stream)
        failed = 0
        writer = _writer(args, queries)
        try:
            for record in answer_rows(queries, data=args.dataset, on_error="record" if args.keep_going else "raise",
                                      fresh_every=_FRESH_EVERY):
                progress.step()
                if record["error"] is not None:
                    failed += 1
                    progress.clear()
                    _report(queries, record)
                writer.send(record)
        finally:  # a JSON array is closed even when a bad row ends the run
            with suppress(OutputClosed, OutputFailed):
                writer.close()
        progress.finish()
    return 3 if failed else 0


def _report(queries: CsvQueries, record: dict[str, Any]) -> None:
    """A bad row on stderr, one line: ``icc-rules: error: FILE, row N: what is wrong; the row: ...``."""
    if record["row"] is None:  # a row that could not be read: its message names it
        error(record["error"])
        return
    values = [record[INPUT_PREFIX + column] for column in queries.columns if INPUT_PREFIX + column in record]
    error(f"{queries.name}, row {record['row']}: {record['error']}; the row: {queries.echo(values)}")


def _columns(queries: CsvQueries) -> list[str]:
    return [*COLUMNS, "row", *(INPUT_PREFIX + column for column in queries.columns)]


def _writer(args: argparse.Namespace, queries: CsvQueries) -> _Writer:
    """A generator that writes each record sent to it in the chosen format."""
    writer = (_csv_writer if args.csv else _json_writer if args.json else _ndjson_writer if args.ndjson
              else _human_writer)(queries)
    next(writer)
    return writer


def _csv_writer(queries: CsvQueries) -> _Writer:
    columns = _columns(queries)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    while True:
        record = yield
        out.writerow([_csv_cell(record.get(column)) for column in columns])


def _csv_cell(value: Any) -> Any:
    """A record's value as :func:`~icc_rules.render.export.cell` writes it, the common kinds without its detour."""
    if value is None:
        return ""
    if isinstance(value, (str, int)):  # bool is an int: csv writes True and False
        return value
    return cell(value)


def _json_writer(queries: CsvQueries) -> _Writer:
    sys.stdout.write("[")
    first = True
    try:
        while True:
            record = yield
            sys.stdout.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False))
            first = False
    except GeneratorExit:
        sys.stdout.write("\n]\n" if not first else "]\n")
        raise


def _ndjson_writer(queries: CsvQueries) -> _Writer:
    while True:
        record = yield
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _human_writer(queries: CsvQueries) -> _Writer:
    human(_line([title for title, _ in _HUMAN]))
    while True:
        record = yield
        if record["error"] is None:
            cells = [record["row"], record["person"], record["country"], record["date"], record["verdict"],
                     "yes" if record["can_travel"] else "NO"]
        else:
            given = [record.get(INPUT_PREFIX + queries.names.get(key, ""), "") for key in ("person", "country", "date")]
            cells = [record["row"] or "", *given, "error", short_repr(record["error"], 60).strip("'\"")]
        human(_line(cells))


def _line(cells: list[Any]) -> str:
    return "  " + "  ".join(str(cell).ljust(width) for cell, (_, width) in zip(cells, _HUMAN, strict=True)).rstrip()


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
