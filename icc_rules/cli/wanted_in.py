"""``icc-rules wanted-in COUNTRY [DATE] [--json|--csv]``: everyone who would face arrest in a country on a date."""

from __future__ import annotations

import argparse

from ..api import Assessment
from ..lookup.countries import resolve_country
from ..render.export import to_json, to_table
from ..views.bulk import BulkResult
from ..views.reverse import wanted_in
from . import arguments
from .output import human_with_warnings, warn


def run(args: argparse.Namespace) -> int:
    answers = wanted_in(args.country, args.date, data=args.dataset)
    if args.json or args.csv:
        if args.json:
            print(to_json([answer.model_dump(mode="json") for answer in answers]))
        else:
            print(BulkResult(answers=tuple(answers)).to_csv(), end="")
        for warning in answers.warnings:
            warn(warning)
    else:
        human_with_warnings(_human(args, answers), answers.warnings)
    return 0


def _human(args: argparse.Namespace, answers: list[Assessment]) -> str:
    country = resolve_country(args.country).name
    if not answers:
        return f"No one in the dataset would face a duty of arrest in {country} on that day."
    day = answers[0].date
    rows = [(a.person_name, a.person, a.verdict.value, ", ".join(r.rule for r in a.reasons if r.kind == "derivation"))
            for a in answers]
    return (f"{len(answers)} person(s) would face a duty of arrest in {country} on {day} (persons in custody are "
            f"not listed):\n{to_table(rows, ('name', 'id', 'verdict', 'grounds'))}")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``wanted-in`` command."""
    parser = subparsers.add_parser(
        "wanted-in", help="every person who would face a duty of arrest in a country on a date",
        description="Every person in the dataset whose verdict in COUNTRY on DATE is duty_to_arrest or "
        "residual_duty. Persons in custody that day are not listed: they are not free to travel.",
    )
    arguments.country(parser)
    arguments.date(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the full answers as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per person")
    parser.set_defaults(handler=run)
