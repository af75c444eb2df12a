"""``icc-rules persons [--on DATE] [--json]``: every person in the dataset, where each stands on the date, and their
warrants."""

from __future__ import annotations

import argparse

from ..i18n import gettext as _
from ..i18n import ngettext
from ..render.export import to_json, to_table
from ..views.persons import persons_on
from .output import human, warn


def run(args: argparse.Namespace) -> int:
    people = persons_on(args.on, data=args.dataset)
    as_of = args.dataset.info.as_of
    if args.json:
        print(to_json([person.model_dump(mode="json") for person in people]))
    else:
        day = people[0].date if people else as_of
        rows = [(p.person, p.name, _(p.status), ", ".join(f"{_(w['kind'])} {w['issued']}" for w in p.warrants))
                for p in people]
        headings = (_("id"), _("name"), _("on {day}").format(day=day), _("warrants, summonses, applications"))
        human(ngettext("{count} person in the dataset, where each stands on {day}:",
                       "{count} persons in the dataset, where each stands on {day}:", len(people)).format(
            count=len(people), day=day) + "\n" + to_table(rows, headings))
    if people and people[0].date > as_of:
        warn(_("{day} is after the dataset's as_of date {as_of}: its sources were searched up to that day only, so "
               "anything that happened since (a new warrant, an arrest, a release) is not known").format(
            day=people[0].date, as_of=as_of))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``persons`` command."""
    parser = subparsers.add_parser(
        "persons", help="every person in the dataset, where each stands on a date, and their warrants",
        description="Every person in the dataset with their standing on the date (wanted, in custody, or no "
        "warrant in force, as the rules find it) and their warrants, summonses and applications.",
    )
    parser.add_argument("--on", metavar="DATE", help="an ISO 8601 date, or today (default: today)")
    parser.add_argument("--json", action="store_true", help="print the persons, their standing and warrants as JSON")
    parser.set_defaults(handler=run)
