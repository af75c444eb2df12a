"""``icc-rules world PERSON [DATE] [--map FILE] [--json|--csv]``: a person's verdict in every country."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ICCRulesError, InputError, short_repr
from ..i18n import gettext as _
from ..render.export import to_json
from ..views.world import world
from . import arguments
from .output import OutputFailed, human, warn


def run(args: argparse.Namespace) -> int:
    view = world(args.person, args.date, data=args.dataset)
    if args.map:
        with written(args.map, "the map"):
            path = view.save(args.map)
        print(_("map written to {path}").format(path=path), file=sys.stderr)
    if args.json:
        print(to_json(view.model_dump(mode="json")))
    elif args.csv:
        print(view.to_csv(), end="")
    else:
        human(view.table(warnings=False))
        for warning in view.in_language().warnings:
            warn(warning)
    return 0


@contextmanager
def written(path: str, picture: str) -> Iterator[None]:
    """Turns a failure to write ``picture`` to ``path`` into a one-line error naming both: an output failure (exit 6,
    as for stdout) when the file cannot be written, bad input (exit 3) for a name no file can have."""
    try:
        yield
    except ICCRulesError:
        raise
    except OSError as error:
        raise OutputFailed(f"cannot write {picture} to {short_repr(path)}: {error.strerror or error}") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise InputError(f"cannot write {picture} to {short_repr(path)}: {error}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``world`` command."""
    parser = subparsers.add_parser(
        "world", help="a person's verdict in every country on a date, as a table, JSON, CSV or a map",
        description="The verdict in every country and territory on a date; warnings go to stderr. --map FILE also "
        "draws the world map: SVG with the map extra, or PNG for a .png name with the png extra.",
    )
    arguments.person(parser)
    arguments.date(parser)
    parser.add_argument("--map", metavar="FILE", help="write the world map to FILE (.svg or .png)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the view as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per country")
    parser.set_defaults(handler=run)
