"""``icc-rules states [--on DATE] [--json]``: the States Parties on a date, as the rules find them."""

from __future__ import annotations

import argparse

from ..i18n import gettext as _
from ..i18n import language
from ..i18n.words import day_in_words
from ..law import wording
from ..render.export import to_json
from ..views.states import PartiesView, parties_on
from .output import human_with_warnings, warn


def run(args: argparse.Namespace) -> int:
    view = parties_on(args.on or args.dataset.info.as_of, data=args.dataset)
    if args.json:
        print(to_json({"date": view.date, "count": view.count,
                       "parties": [party.model_dump(mode="json") for party in view.parties],
                       "user_data": view.user_data, "warnings": view.warnings}))
        for warning in view.warnings:
            warn(wording.warning(warning))
    else:
        human_with_warnings(_human(view.in_language()), view.warnings)
    return 0


def _human(view: PartiesView) -> str:
    """The parties for a reader, in the language of the call (the days stay ISO, as they line up)."""
    lines = [_("{count} States Parties to the Rome Statute on {date}:").format(count=view.count,
                                                                                 date=day_in_words(view.date, language()))]
    for party in view.parties:
        pending = "".join(f"  ({wording.pending(withdrawal.in_words)})" for withdrawal in party.pending_withdrawals)
        lines.append(_("  {code}  {name} in force since {day}{pending}").format(
            code=party.code, name=f"{party.name:<40}", day=party.in_force, pending=pending))
    return "\n".join(lines)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``states`` command."""
    parser = subparsers.add_parser("states", help="the States Parties on a date")
    parser.add_argument("--on", metavar="DATE", help="an ISO 8601 date, or today (default: the dataset's as-of date)")
    parser.add_argument("--json", action="store_true", help="print the date, the count and the parties as JSON")
    parser.set_defaults(handler=run)
