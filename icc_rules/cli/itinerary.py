"""``icc-rules itinerary PERSON LEG... [--json] [--exit-code]``: the verdict on every leg of a trip."""

from __future__ import annotations

import argparse

from ..render.export import to_json
from ..views.itinerary import LEG_KINDS, Leg, check_itinerary
from . import arguments
from .output import human


def run(args: argparse.Namespace) -> int:
    report = check_itinerary(args.person, [Leg.parse(text) for text in args.legs], data=args.dataset)
    if args.json:
        print(to_json(report.model_dump(mode="json")))
    else:
        human(report.text())
    return 1 if args.exit_code and not report.can_travel else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``itinerary`` command."""
    parser = subparsers.add_parser(
        "itinerary", help="the verdict on every leg of a trip, and the first leg at risk",
        description="Each LEG is COUNTRY@DATE[..DATE][:KIND] with KIND one of " + ", ".join(LEG_KINDS)
        + " (default: visit), e.g. KG@2023-10-12 ARM@2024-01-25..2024-02-05:transit MN@2024-09-03:overflight. "
        "An overflight never creates a duty by itself: its verdict is what a forced landing would mean.",
    )
    arguments.person(parser)
    parser.add_argument("legs", nargs="+", metavar="LEG", help="COUNTRY@DATE[..DATE][:visit|transit|overflight]")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 when a visit or transit is at risk")
    parser.set_defaults(handler=run)
