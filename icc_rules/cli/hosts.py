"""``icc-rules hosts PERSON [--json]``: a person's recorded visits, what the hosts did, and the findings."""

from __future__ import annotations

import argparse

from ..law import wording
from ..render.export import to_json
from ..views.reverse import hosts
from . import arguments
from .output import human_with_warnings, warn


def run(args: argparse.Namespace) -> int:
    report = hosts(args.person, data=args.dataset)
    if args.json:
        print(to_json(report.model_dump(mode="json")))
        for warning in report.warnings:
            warn(wording.warning(warning))
    else:
        human_with_warnings(report.table(), report.warnings)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``hosts`` command."""
    parser = subparsers.add_parser(
        "hosts", help="a person's recorded visits, the verdict there, what the hosts did, and the findings",
    )
    arguments.person(parser)
    parser.add_argument("--json", action="store_true", help="print the visits and findings as JSON")
    parser.set_defaults(handler=run)
