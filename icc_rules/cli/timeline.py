"""``icc-rules timeline PERSON COUNTRY... [--from D] [--to D] [--json|--csv|--ics] [--chart FILE]``: the periods of
one verdict each, in one country or several, and their picture."""

from __future__ import annotations

import argparse
import sys

from ..i18n import gettext as _
from ..i18n import language, ngettext
from ..i18n.words import day_in_words, french_country
from ..law import wording
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
        print(_("chart written to {path}").format(path=path), file=sys.stderr)
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
            warn(wording.warning(warning))
    else:
        human_with_warnings("\n\n".join(_human(row) for row in rows), warnings)
    return 0


def _human(periods: list[Period]) -> str:
    """The periods for a reader, in the language of the call (the days stay ISO in the table, as they line up)."""
    english = language() == "en"
    first, last = periods[0], periods[-1]
    count = ngettext("{count} period", "{count} periods", len(periods)).format(count=len(periods))
    head = _("{person} in {country}, {start} to {end}: {count}").format(
        person=first.person_name, country=first.country_in_text if english else french_country(first.country),
        start=day_in_words(first.start, language()), end=day_in_words(last.end, language()), count=count)
    rows = [(p.start, p.end, p.days, p.verdict.label, p.in_language().opened_by or "") for p in periods]
    pending = [sentence(_("pending on {day}: {state}'s {withdrawal}").format(
        day=p.end, state=withdrawal.state_name if english else french_country(withdrawal.state),
        withdrawal=wording.pending(withdrawal.in_words)), capital=False)
        for p in periods for withdrawal in p.pending_withdrawals]
    headings = (_("from"), _("to"), _("days"), _("verdict"), _("opened by"))
    return "\n".join([head, to_table(rows, headings), *pending])


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
