"""``icc-rules check PERSON COUNTRY [DATE] [--json] [--exit-code]``: the verdict for a person in a country on a date."""

from __future__ import annotations

import argparse

from ..api import assess
from ..render.export import to_json


def run(args: argparse.Namespace) -> int:
    answer = assess(args.person, args.country, args.date, data=args.dataset)
    print(to_json(answer.model_dump(mode="json")) if args.json else answer.explain())
    return 1 if args.exit_code and not answer.can_travel else 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command."""
    parser = subparsers.add_parser("check", help="the verdict for a person in a country on a date, explained")
    parser.add_argument("person", help='a name, alias or id, e.g. "Vladimir Putin", putin, Путин')
    parser.add_argument("country", help="an ISO 3166-1 code or a country name, e.g. MN, MNG, Mongolia")
    parser.add_argument("date", nargs="?", help="an ISO 8601 date such as 2024-09-03 (default: today)")
    parser.add_argument("--json", action="store_true", help="print the full answer as JSON")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 when the person cannot travel")
    parser.set_defaults(handler=run)
