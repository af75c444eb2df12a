"""``icc-rules wanted-in COUNTRY [DATE] [--json|--csv]``: everyone who would face arrest in a country on a date."""

from __future__ import annotations

import argparse

from ..api import Held
from ..i18n import gettext as _
from ..i18n import language, ngettext
from ..i18n.words import code_of_english_name, day_in_words, french_country
from ..law import wording
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
            warn(wording.warning(warning))
    else:
        human_with_warnings(_human(args, answers), answers.warnings)
    return 0


def _human(args: argparse.Namespace, answers: WantedIn) -> str:
    """The persons for a reader, in the language of the call (the day stays ISO, as in the other tables)."""
    where = resolve_country(args.country)
    english = language() == "en"
    country = where.in_text if english else format(french_country(where.code), "en")
    if not answers:
        return _("No one in the dataset would face a duty of arrest {in_country} on that day.").format(
            in_country=f"in {country}" if english else country)
    day = answers[0].date
    rows = []
    for answer in answers:
        held = answers.held.get(answer.person)
        if held is not None and held.owed_if_free is not None:
            verdict = _("{verdict}, if freed").format(verdict=held.owed_if_free.label)
            status = held.in_words if english else _held(held)
        else:
            verdict, status = answer.verdict.label, _("at large")
        rows.append((answer.person_name, answer.person, verdict, status))
    count = len(answers)
    held_count = _("; {count} of them held in custody elsewhere").format(count=len(answers.held)) \
        if answers.held else ""
    head = ngettext("{count} person would face a duty of arrest {in_country} on {day}{held}:",
                    "{count} persons would face a duty of arrest {in_country} on {day}{held}:", count).format(
        count=count, in_country=f"in {country}" if english else country, day=day_in_words(day, language()),
        held=held_count)
    headings = (_("name"), _("id"), _("verdict"), _("status"))
    return f"{head}\n{to_table(rows, headings)}"


def _held(held: Held) -> str:
    """Who holds a person and since when, in the language of the call (:attr:`Held.in_words` in English)."""
    code = code_of_english_name(held.by)
    by = held.by if code is None else str(french_country(code))
    return _("held by {state} since {day}, on other grounds (the ICC warrant is not executed)").format(
        state=by, day=held.since)


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
