"""``icc-rules wanted-in COUNTRY [DATE] [--json|--csv]``: everyone who would face arrest in a country on a date."""

from __future__ import annotations

import argparse

from ..lookup.countries import resolve_country
from ..render.export import to_json, to_table
from ..views.bulk import BulkResult
from ..views.reverse import WantedIn, wanted_in
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


def _human(args: argparse.Namespace, answers: WantedIn) -> str:
    country = resolve_country(args.country).in_text
    if not answers:
        return f"No one in the dataset would face a duty of arrest in {country} on that day."
    day = answers[0].date
    rows = []
    for answer in answers:
        held = answers.held.get(answer.person)
        if held is not None and held.owed_if_free is not None:
            verdict, status = f"{held.owed_if_free.label}, if freed", held.in_words
        else:
            verdict, status = answer.verdict.label, "at large"
        rows.append((answer.person_name, answer.person, verdict, status))
    count = len(answers)
    held_count = f"; {len(answers.held)} of them held in custody elsewhere" if answers.held else ""
    return (f"{count} {'person' if count == 1 else 'persons'} would face a duty of arrest in {country} on {day}"
            f"{held_count}:\n{to_table(rows, ('name', 'id', 'verdict', 'status'))}")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``wanted-in`` command."""
    parser = subparsers.add_parser(
        "wanted-in", help="every person who would face a duty of arrest in a country on a date",
        description="Every person in the dataset whose verdict in COUNTRY on DATE is duty_to_arrest or "
        "residual_duty, and those held in custody elsewhere that day on other grounds whom COUNTRY would have to "
        "arrest were they free (listed with who holds them). Persons in the Court's custody are not listed.",
    )
    arguments.country(parser)
    arguments.date(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the full answers as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per person")
    parser.set_defaults(handler=run)
