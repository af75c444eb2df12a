"""``icc-rules states [--on DATE] [--json]``: the States Parties on a date, as the rules find them."""

from __future__ import annotations

import argparse

from ..render.export import to_json
from ..views.states import parties_on
from .output import human_with_warnings, warn


def run(args: argparse.Namespace) -> int:
    view = parties_on(args.on or args.dataset.info.as_of, data=args.dataset)
    if args.json:
        print(to_json({"date": view.date, "count": view.count,
                       "parties": [party.model_dump(mode="json") for party in view.parties],
                       "user_data": view.user_data, "warnings": view.warnings}))
        for warning in view.warnings:
            warn(warning)
    else:
        lines = [f"{view.count} States Parties to the Rome Statute on {view.date}:"]
        for party in view.parties:
            pending = "".join(f"  ({withdrawal.in_words})" for withdrawal in party.pending_withdrawals)
            lines.append(f"  {party.code}  {party.name:<40} in force since {party.in_force}{pending}")
        human_with_warnings("\n".join(lines), view.warnings)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``states`` command."""
    parser = subparsers.add_parser("states", help="the States Parties on a date")
    parser.add_argument("--on", metavar="DATE", help="an ISO 8601 date, or today (default: the dataset's as-of date)")
    parser.add_argument("--json", action="store_true", help="print the date, the count and the parties as JSON")
    parser.set_defaults(handler=run)
