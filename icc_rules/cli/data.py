"""``icc-rules data validate [FILES...]``, ``icc-rules data stale [--days N] [--json] [FILES...]``,
``icc-rules data sources [--json] [FILES...]``: check the shipped data and your own files; and the maintainer's
``icc-rules data watch [--feed FILE_OR_URL] [--timeout S] [--json]`` (what the Court published that the data may
not record yet), ``icc-rules data diff OLD NEW [--from DATE] [--to DATE] [--json]`` (the answers that change
between two datasets) and ``icc-rules data curation [RECORD] [--json]`` (how each fact was found, what was searched
and what would settle it: the curation records, which answers never show)."""

from __future__ import annotations

import argparse
import datetime
import itertools
import textwrap
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..api import STATUTE_IN_FORCE, load_data, shipped_data
from ..data.audit import TIERS, SourceAudit, audit_sources, dataset_records, reference_records
from ..data.dataset import Dataset
from ..data.feed import COURT_FEED, read_feed
from ..data.models import Source, Sourced
from ..errors import InputError
from ..lookup.dates import today
from ..render.export import to_json
from ..views.diff import diff as diff_datasets
from ..views.watch import review
from .output import human

#: How long ``data watch`` waits for the whole feed by default, in seconds.
WATCH_TIMEOUT = 20.0


def validate(args: argparse.Namespace) -> int:
    data = load_data(overlays=[*args.data, *args.files])
    human(f"ok: {len(data.states)} states, {len(data.situations)} situations, {len(data.persons)} persons, "
          f"{sum(1 for _ in data.warrants())} warrants and applications, {len(data.visits)} visits, "
          f"{len(data.findings)} findings; {data.info.in_words}")
    for conflict in data.conflicts:
        human(f"note: {conflict}")
    return 0


def stale(args: argparse.Namespace) -> int:
    data = load_data(overlays=[*args.data, *args.files])
    cutoff = today() - datetime.timedelta(days=args.days)
    rows = [
        {"table": table, "id": record_id, "verified_on": verified.isoformat(), "origin": data.origin(table, record_id)}
        for table, record_id, verified in data.verification_dates() if verified < cutoff
    ]
    if args.json:
        print(to_json({"cutoff": cutoff.isoformat(), "stale": rows}))
    else:
        human("\n".join([f"{len(rows)} record(s) not verified since {cutoff} ({args.days} days):", *(
            f"  {row['table']:<12} {row['id']:<28} verified {row['verified_on']}" for row in rows)]))
    return 0


def sources(args: argparse.Namespace) -> int:
    data = load_data(overlays=[*args.data, *args.files])
    report = audit_sources(itertools.chain(dataset_records(data), reference_records()))
    if args.json:
        print(to_json({"by_table": report.by_table, "totals": report.totals, "problems": report.problems,
                       "unknown_hosts": report.unknown_hosts}))
    else:
        human("\n".join([_tier_table(report), *(f"problem: {problem}" for problem in report.problems),
                          f"{len(report.problems)} problem(s)"]))
    return 1 if report.problems else 0


def curation(args: argparse.Namespace) -> int:
    data = load_data(overlays=[*args.data, *args.files])
    wanted = (args.record or "").casefold()
    rows = [row for row in _curated(data) if wanted in row["record"].casefold()]
    if args.json:
        print(to_json({"records": rows}))
    else:
        human("\n".join([*itertools.chain.from_iterable(_curation_lines(row) for row in rows),
                          f"{len(rows)} record(s) with a curation record"]))
    return 0


def _curated(data: Dataset) -> Iterator[dict[str, str]]:
    """Every record with a curation record, the dataset's own first, each with its reader's note (or "")."""
    if data.info.curation:
        yield {"record": "dataset", "confidence": "confirmed", "note": data.info.note or "",
               "curation": data.info.curation}
    for _, where, record in itertools.chain(dataset_records(data), reference_records()):
        yield from _curated_under(record, where)


def _curated_under(node: object, where: str) -> Iterator[dict[str, str]]:
    """The records under ``node`` (itself included) with a curation record, labelled as ``data sources`` labels
    them (``person putin: warrants[putin-2023]``)."""
    if isinstance(node, Sourced) and node.curation:
        yield {"record": where, "confidence": node.confidence, "note": node.note or "", "curation": node.curation}
    if isinstance(node, BaseModel) and not isinstance(node, Source):
        for name in type(node).model_fields:
            yield from _curated_under(getattr(node, name), f"{where}: {name}")
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            label = next((str(getattr(item, key)) for key in ("id", "code", "kind", "title")
                          if isinstance(getattr(item, key, None), str)), str(index))
            yield from _curated_under(item, f"{where}[{label}]")


def _curation_lines(row: dict[str, str]) -> list[str]:
    """A record's label and confidence, then its reader's note and its curation record, wrapped and indented."""
    return [f"{row['record']} ({row['confidence']})",
            *(textwrap.fill(f"{name}: {row[name]}", width=110, initial_indent="  ", subsequent_indent="    ")
              for name in ("note", "curation") if row[name])]


def watch(args: argparse.Namespace) -> int:
    queue = review(read_feed(args.feed, args.timeout), args.feed, args.dataset)
    if args.json:
        print(to_json(queue.model_dump(mode="json")))
    else:
        human(queue.table())
    return 0


def diff(args: argparse.Namespace) -> int:
    if args.data:
        raise InputError("data diff compares OLD and NEW: give your files as OLD or NEW, not with --data")
    old, new = _dataset(args.old), _dataset(args.new)
    changes = diff_datasets(old, new, args.start or STATUTE_IN_FORCE, args.end, names=(args.old, args.new))
    if args.json:
        print(to_json({**changes.model_dump(mode="json", exclude={"differences"}),
                       "old_dataset": _info(old), "new_dataset": _info(new),
                       "differences": changes.records()}))
    else:
        human(changes.table())
    return 0


def _info(data: Dataset) -> dict[str, object]:
    """A dataset's version and dates, in words too (its note and curation record aside)."""
    return {**data.info.model_dump(mode="json", exclude={"note", "curation"}), "in_words": data.info.in_words}


def _dataset(name: str) -> Dataset:
    """``shipped``, a data folder (one holding dataset.toml), or a TOML file or folder of them over the shipped
    data."""
    if name == "shipped":
        return shipped_data()
    path = Path(name)
    if path.is_dir() and (path / "dataset.toml").is_file():
        return load_data(path)
    return load_data(overlays=[path])


def _timeout(text: str) -> float:
    """A timeout in seconds for ``data watch``: more than 0, at most 600."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0 and at most 600, not {text[:40]!r}")
    return seconds


def _tier_table(report: SourceAudit) -> str:
    """Sources by table and tier as aligned columns, with a total line."""
    rows = [*report.by_table.items(), ("total", report.totals)]
    width = max(len(name) for name, _ in rows)
    lines = [f"{'sources by tier':<{width}}  " + "  ".join(f"{tier:>9}" for tier in TIERS)]
    lines += [f"{name:<{width}}  " + "  ".join(f"{row[tier]:>9}" for tier in TIERS) for name, row in rows]
    return "\n".join(lines)


def _days(text: str) -> int:
    """An age in days for ``data stale``: a whole number from 0 to 36500 (a hundred years covers all the data)."""
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"expected a whole number of days from 0 to 36500, not {text[:40]!r}")
    return days


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``data`` command and its own commands."""
    parser = subparsers.add_parser("data", help="check the shipped data and your own data files")
    commands = parser.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")
    check = commands.add_parser("validate", help="validate the data, with FILES loaded on top")
    check.add_argument("files", nargs="*", metavar="FILES", help="your own data files to check")
    check.set_defaults(handler=validate)
    old = commands.add_parser("stale", help="records not verified against their sources for N days")
    old.add_argument("--days", type=_days, default=365, help="age in days, 0 to 36500 (default: 365)")
    old.add_argument("--json", action="store_true", help="print the records due a check as JSON")
    old.add_argument("files", nargs="*", metavar="FILES", help="your own data files to include")
    old.set_defaults(handler=stale)
    tiers = commands.add_parser("sources", help="count sources by tier per table and check them (exit 1 on a problem)")
    tiers.add_argument("--json", action="store_true", help="print the counts and problems as JSON")
    tiers.add_argument("files", nargs="*", metavar="FILES", help="your own data files to include")
    tiers.set_defaults(handler=sources)
    curated = commands.add_parser(
        "curation", help="for maintainers: how each fact was found, what was searched, what would settle it",
        description="Print the curation records: for each record that has one, its reader's note (the text answers "
        "show) and its curation record (how the fact was found, what was searched and what would settle it), which "
        "answers never show. RECORD keeps the records whose label contains it, such as 'putin', 'state HUN' or "
        "'territories'.")
    curated.add_argument("record", nargs="?", metavar="RECORD",
                         help="only the records whose label contains this text (any case)")
    curated.add_argument("--json", action="store_true", help="print the records as JSON")
    curated.set_defaults(handler=curation, files=[])
    watching = commands.add_parser(
        "watch", help="a maintainer's review queue: the Court's feed items, each new or recorded in the data",
        description="Read the Court's press-release feed (RSS 2.0) and match each item against the data: the persons "
        "and states it names, the Court documents it cites, the sources already recorded and the facts of its kind "
        "dated just before it. Each item is 'new' (nothing in the data is it: read it and record it) or 'recorded' "
        "(with the records that match). Never edits the data. Exit 7 if the feed is unreachable, too slow, empty or "
        "malformed.")
    watching.add_argument("--feed", default=COURT_FEED, metavar="FILE_OR_URL",
                          help=f"the feed to read: a file or an http(s) address (default: {COURT_FEED})")
    watching.add_argument("--timeout", type=_timeout, default=WATCH_TIMEOUT, metavar="SECONDS",
                          help=f"give up on the feed after this many seconds (default: {WATCH_TIMEOUT:g})")
    watching.add_argument("--json", action="store_true", help="print the review queue as JSON")
    watching.set_defaults(handler=watch)
    changes = commands.add_parser(
        "diff", help="the answers that change between two datasets, by person, country and days",
        description="For each person and country, the runs of days whose verdict differs between OLD and NEW, with "
        "the facts that open or close them. OLD and NEW are each 'shipped', a data folder (holding dataset.toml), or "
        "a TOML file (or a folder of them) loaded over the shipped data.")
    changes.add_argument("old", metavar="OLD", help="shipped, a data folder, or your TOML file(s) over the shipped data")
    changes.add_argument("new", metavar="NEW", help="the same, for the dataset to compare with OLD")
    changes.add_argument("--from", dest="start", metavar="DATE", help="first day compared (default: 2002-07-01)")
    changes.add_argument("--to", dest="end", metavar="DATE",
                         help="last day compared, included (default: the later of the two as-of dates)")
    changes.add_argument("--json", action="store_true", help="print the changes as JSON")
    changes.set_defaults(handler=diff)
