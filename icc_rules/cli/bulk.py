"""``icc-rules bulk [FILE] [--csv|--json|--ndjson] [--keep-going]``: answer a CSV of queries.

The input is CSV with a header row naming the columns ``person``, ``country`` and ``date`` (an empty date means
today); other columns are ignored. ``-`` or no FILE reads standard input. When standard error is a terminal, a
progress line counts the rows done.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..render.export import to_table
from ..views.bulk import BulkResult, assess_many

_PROGRESS_EVERY = 100


def _rows(source: str) -> list[dict[str, str]]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {source}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{source}: expected CSV text in UTF-8, but byte {error.start} is not UTF-8") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise InputError(f"cannot read {source!r}: {error}") from None
    reader = csv.DictReader(text.splitlines())
    missing = {"person", "country"} - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{source}: the CSV header must name the columns person, country and date; "
                         f"missing: {', '.join(sorted(missing))}")
    return list(reader)


def _progress(total: int) -> Callable[[int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int) -> None:
        if done % _PROGRESS_EVERY == 0 or done == total:
            print(f"\r{done}/{total} rows", end="\n" if done == total else "", file=sys.stderr, flush=True)

    return show


def run(args: argparse.Namespace) -> int:
    rows = _rows(args.file)
    result = assess_many(rows, data=args.dataset, on_error="record" if args.keep_going else "raise",
                         progress=_progress(len(rows)))
    if args.csv:
        print(result.to_csv(), end="")
    elif args.json:
        print(result.to_json())
    elif args.ndjson:
        print(result.to_ndjson(), end="")
    else:
        print(_human(result))
    for error in result.errors:
        print(f"icc-rules: row {error.index + 1}: {error.message}", file=sys.stderr)
    return 3 if result.errors else 0


def _human(result: BulkResult) -> str:
    rows = [(r["person"] or "", r["country"] or "", r["date"] or "", r["verdict"] or "error",
             r["error"] or ("yes" if r["can_travel"] else "NO")) for r in result.records()]
    return to_table(rows, ("person", "country", "date", "verdict", "can travel"))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``bulk`` command."""
    parser = subparsers.add_parser(
        "bulk", help="answer many queries from a CSV file (columns person, country, date)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("file", nargs="?", default="-", help="a CSV file with a header row (default: stdin)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", action="store_true", help="print one CSV row per query")
    output.add_argument("--json", action="store_true", help="print a JSON array of records")
    output.add_argument("--ndjson", action="store_true", help="print one JSON record per line")
    parser.add_argument("--keep-going", action="store_true",
                        help="answer every good row, report the bad ones on stderr and exit with 3")
    parser.set_defaults(handler=run)
