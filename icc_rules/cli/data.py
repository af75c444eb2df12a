"""``icc-rules data validate [FILES...]``, ``icc-rules data stale [--days N] [--json] [FILES...]`` and
``icc-rules data sources [--json] [FILES...]``: check the shipped data and your own files."""

from __future__ import annotations

import argparse
import datetime
import itertools

from ..api import load_data
from ..data.audit import TIERS, SourceAudit, audit_sources, dataset_records, reference_records
from ..lookup.dates import today
from ..render.export import to_json
from .output import human


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
