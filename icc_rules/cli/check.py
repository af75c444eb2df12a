"""``icc-rules check PERSON COUNTRY [DATE] [--short | --json] [--sources best|all] [--exit-code]``: the verdict for
a person in a country on a date, explained.

The human account starts with the headline (who, where, when, and the verdict in plain words) and
the most important warning; every warning also goes to stderr.
"""

from __future__ import annotations

import argparse
import sys

from ..api import Assessment, assess
from ..i18n import gettext as _
from ..i18n import ngettext
from ..law import wording
from ..render.export import to_json
from . import arguments
from .output import human, warn


def run(args: argparse.Namespace) -> int:
    answer = assess(args.person, args.country, args.date, data=args.dataset)
    if args.json:
        print(to_json(answer.model_dump(mode="json")))
    elif args.short:
        human(answer.headline())
        _warnings(answer, shown=0)
    else:
        head, rest = _account(answer, args.sources)
        human(head)
        _warnings(answer, shown=1 if sys.stdout.isatty() and sys.stderr.isatty() else 0)
        human(rest)
    return 1 if args.exit_code and not answer.can_travel else 0


def _account(answer: Assessment, sources: str) -> tuple[str, str]:
    """The explanation in two parts: the headline with the verdict's meaning and the most important warning, then
    the rest (the reasons, facts, sources and precedents). The warnings are not repeated in the rest."""
    lines = answer.model_copy(update={"warnings": ()}).explain(sources="all" if sources == "all" else "best",
                                                                       more="--sources all")
    headline, meaning, rest = lines.split("\n", 2)
    head = [headline, meaning]
    if answer.warnings:
        more = len(answer.warnings) - 1
        also = ngettext(" (and {more} more warning, on stderr)", " (and {more} more warnings, on stderr)", more)
        head.append(_("  warning: {warning}").format(warning=wording.warning(answer.warnings[0]))
                    + (also.format(more=more) if more else ""))
    return "\n".join(head), rest


def _warnings(answer: Assessment, shown: int) -> None:
    """Every warning on stderr, but the ``shown`` first ones (on a terminal, the headline has just shown one)."""
    for warning in answer.warnings[shown:]:
        warn(wording.warning(warning))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command."""
    parser = subparsers.add_parser(
        "check", help="the verdict for a person in a country on a date, explained",
        description="The verdict for PERSON in COUNTRY on DATE, with the rules that fired, their legal basis, the "
        "facts they used and the sources. The first line is the headline; warnings also go to stderr.",
    )
    arguments.person(parser)
    arguments.country(parser)
    arguments.date(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--short", action="store_true", help="print the headline only: one line")
    output.add_argument("--json", action="store_true", help="print the full answer as JSON")
    parser.add_argument("--sources", choices=("best", "all"), default="best",
                        help="the sources shown for each fact: the best two (default) or all of them")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 when the person cannot travel")
    parser.set_defaults(handler=run)
