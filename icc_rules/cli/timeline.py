"""``icc-rules timeline PERSON COUNTRY... [--from D] [--to D] [--json|--csv|--ics] [--chart FILE]``: the periods of
one verdict each, in one country or several, and their picture."""

from __future__ import annotations

import argparse
import sys

from ..law.explain import sentence
from ..render import worldmap
from ..render.export import to_csv, to_json, to_table
from ..views.timeline import Period, timeline, timeline_svg, timeline_warnings, to_ics
from . import arguments
from .output import human_with_warnings, warn
from .world import written


def run(args: argparse.Namespace) -> int:
    rows = [timeline(args.person, country, args.start, args.end, data=args.dataset) for country in args.countries]
    if args.chart:
        with written(args.chart, "the chart"):
            path = worldmap.save(lambda: timeline_svg(args.person, args.countries, args.start, args.end,
                                                      data=args.dataset), args.chart, "the chart")
        print(f"chart written to {path}", file=sys.stderr)
    periods = [period for row in rows for period in row]
    warnings = timeline_warnings(periods)
    if args.json or args.csv or args.ics:
        if args.json:
            print(to_json([period.model_dump(mode="json") for period in periods]))
        elif args.csv:
            print(to_csv([period.model_dump(mode="json") for period in periods]), end="")
        else:
            print(to_ics(periods), end="")
        for warning in warnings:
            warn(warning)
    else:
        human_with_warnings("\n\n".join(_human(row) for row in rows), warnings)
    return 0


def _human(periods: list[Period]) -> str:
    first, last = periods[0], periods[-1]
    head = (f"{first.person_name} in {first.country_in_text}, {first.start} to {last.end}: "
            f"{len(periods)} period{'s' * (len(periods) != 1)}")
    rows = [(p.start, p.end, p.days, p.verdict.label, p.opened_by or "") for p in periods]
    pending = [sentence(f"pending on {p.end}: {withdrawal.state_name}'s {withdrawal.in_words}", capital=False)
               for p in periods for withdrawal in p.pending_withdrawals]
    return "\n".join([head, to_table(rows, ('from', 'to', 'days', 'verdict', 'opened by')), *pending])


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timeline`` command."""
    parser = subparsers.add_parser(
        "timeline", help="the periods in which a person's verdict in a country stays the same, and their chart",
        description="The periods, from the person's first warrant (or --from) to the dataset's as-of date (or --to), "
        "in which the verdict in each COUNTRY stays the same, each with the event that opened it. --chart FILE "
        "also draws them, one row per country (SVG, or PNG for a .png name with the png extra).",
    )
    arguments.person(parser)
    parser.add_argument("countries", nargs="+", metavar="COUNTRY",
                        help="one or more ISO 3166-1 codes or country names, e.g. ARM MN China")
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (default: the first warrant)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day, included (default: the data's as-of)")
    parser.add_argument("--chart", metavar="FILE", help="also draw the periods to FILE (.svg or .png)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the periods as JSON")
    output.add_argument("--csv", action="store_true", help="print the periods as CSV")
    output.add_argument("--ics", action="store_true", help="print an iCalendar file with an event per period")
    parser.set_defaults(handler=run)
