"""The ``icc-rules`` command line (also ``python -m icc_rules``).

Commands::

    icc-rules [--data FILE ...] check PERSON COUNTRY [DATE] [--json] [--exit-code]
    icc-rules persons [--json]
    icc-rules states [--on DATE] [--json]
    icc-rules rules [--json]
    icc-rules data validate [FILES ...]
    icc-rules data stale [--days N] [--json] [FILES ...]

Exit codes:

=====  ======================================================================================
code   meaning
=====  ======================================================================================
0      answered (with ``check --exit-code``: answered, and the person can travel)
1      with ``check --exit-code`` only: answered, and the person cannot travel
2      bad usage: an unknown command or option, a missing argument
3      bad input: unknown or ambiguous person, unknown country, malformed date
4      a data file is missing, malformed or inconsistent
5      the rules engine failed (a bug: please report it)
=====  ======================================================================================

Every command takes ``--data FILE`` (repeatable, before or after the command's name): your own data file, loaded
over the shipped data for that run (see ``docs/data.md``); answers that rest on it say so.

Errors are printed to stderr as one line starting with ``icc-rules: error:``, never as a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from . import __version__
from .dataset import load, shipped
from .dates import to_date
from .errors import DataError, EngineError, ICCRulesError
from .facade import assess
from .rules import RULES

EXIT_OK, EXIT_AT_RISK, EXIT_USAGE, EXIT_INPUT, EXIT_DATA, EXIT_ENGINE = 0, 1, 2, 3, 4, 5


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _check(args: argparse.Namespace) -> int:
    answer = assess(args.person, args.country, args.date, data=args.dataset)
    if args.json:
        _print_json(answer.model_dump(mode="json"))
    else:
        print(answer.explain())
    return EXIT_AT_RISK if args.exit_code and not answer.can_travel else EXIT_OK


def _persons(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [{"id": p.id, "name": p.name, "warrants": [
        {"id": w.id, "kind": w.kind, "situation": w.situation, "issued": w.issued.isoformat()} for w in p.warrants
    ]} for p in args.dataset.persons]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            kinds = ", ".join(f"{w['kind']} {w['issued']}" for w in row["warrants"])
            print(f"{row['id']:<24} {row['name']:<40} {kinds}")
    return EXIT_OK


def _states(args: argparse.Namespace) -> int:
    day = to_date(args.on) if args.on else args.dataset.info.as_of
    parties = args.dataset.parties_on(day)
    if args.json:
        _print_json({"date": day.isoformat(), "count": len(parties),
                     "parties": [{"code": s.code, "name": s.name, "in_force": s.in_force} for s in parties]})
    else:
        print(f"{len(parties)} States Parties to the Rome Statute on {day}:")
        for state in parties:
            print(f"  {state.code}  {state.name:<40} in force since {state.in_force}")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    rows = [{"id": r.id, "kind": r.kind, "legal_basis": r.legal_basis, "doc": r.doc} for r in RULES]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<32} {row['legal_basis']}\n{'':<32} {row['doc']}")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    data = load(overlays=[*args.data, *args.files])
    print(f"ok: {len(data.states)} states, {len(data.situations)} situations, {len(data.persons)} persons, "
          f"{sum(1 for _ in data.warrants())} warrants and applications, {len(data.visits)} visits, "
          f"{len(data.findings)} findings; as of {data.info.as_of}")
    for conflict in data.conflicts:
        print(f"note: {conflict}")
    return EXIT_OK


def _stale(args: argparse.Namespace) -> int:
    data = load(overlays=[*args.data, *args.files])
    cutoff = datetime.date.today() - datetime.timedelta(days=args.days)
    rows = [
        {"table": table, "id": record_id, "verified_on": verified.isoformat(), "origin": data.origin(table, record_id)}
        for table, record_id, verified in data.verification_dates() if verified < cutoff
    ]
    if args.json:
        _print_json({"cutoff": cutoff.isoformat(), "stale": rows})
    else:
        print(f"{len(rows)} record(s) not verified since {cutoff} ({args.days} days):")
        for row in rows:
            print(f"  {row['table']:<12} {row['id']:<28} verified {row['verified_on']}")
    return EXIT_OK


def _days(text: str) -> int:
    """An age in days for ``data stale``: a whole number from 0 to 36500 (a hundred years covers all the data)."""
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"expected a whole number of days from 0 to 36500, not {text[:40]!r}")
    return days


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, with where to find help (the usage itself can wrap)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def parser() -> argparse.ArgumentParser:
    """The argument parser, for ``--help`` and for documentation tools."""
    main_parser: argparse.ArgumentParser = _Parser(  # its commands' parsers are _Parser too (argparse's rule)
        prog="icc-rules",
        description="Does a person wanted by the ICC risk arrest in a country on a date? Sourced, date-aware answers.",
        epilog="Exit codes: 0 answered, 1 at risk (check --exit-code), 2 usage, 3 bad input, 4 data error, "
        "5 engine failure.",
    )
    main_parser.add_argument("--version", action="version", version=f"icc-rules {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="the verdict for a person in a country on a date, explained")
    check.add_argument("person", help='a name, alias or id, e.g. "Vladimir Putin", putin, Путин')
    check.add_argument("country", help="an ISO 3166-1 code or a country name, e.g. MN, MNG, Mongolia")
    check.add_argument("date", nargs="?", help="an ISO 8601 date such as 2024-09-03 (default: today)")
    check.add_argument("--json", action="store_true", help="print the full answer as JSON")
    check.add_argument("--exit-code", action="store_true", help="exit with 1 when the person cannot travel")
    check.set_defaults(handler=_check)

    persons = commands.add_parser("persons", help="every person in the dataset and their warrants")
    persons.add_argument("--json", action="store_true")
    persons.set_defaults(handler=_persons)

    states = commands.add_parser("states", help="the States Parties on a date")
    states.add_argument("--on", metavar="DATE", help="an ISO 8601 date (default: the dataset's as_of date)")
    states.add_argument("--json", action="store_true")
    states.set_defaults(handler=_states)

    rules = commands.add_parser("rules", help="the rule set: every rule's id and legal basis")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=_rules)

    data = commands.add_parser("data", help="check the shipped data and your own data files")
    data_commands = data.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")
    validate = data_commands.add_parser("validate", help="validate the data, with FILES loaded on top")
    validate.add_argument("files", nargs="*", metavar="FILES")
    validate.set_defaults(handler=_validate)
    stale = data_commands.add_parser("stale", help="records not verified against their sources for N days")
    stale.add_argument("--days", type=_days, default=365, help="age in days, 0 to 36500 (default: 365)")
    stale.add_argument("--json", action="store_true")
    stale.add_argument("files", nargs="*", metavar="FILES", help="your own data files to include")
    stale.set_defaults(handler=_stale)

    # Further commands live one per module in icc_rules.commands, each with register(subparsers).
    from . import commands as command_modules

    for info in sorted(pkgutil.iter_modules(command_modules.__path__), key=lambda m: m.name):
        importlib.import_module(f"{command_modules.__name__}.{info.name}").register(commands)
    _add_data_option(main_parser, default=[])
    for command in _leaf_parsers(commands):
        _add_data_option(command, default=argparse.SUPPRESS)  # SUPPRESS: keeps a --data given before the command
    return main_parser


def _add_data_option(command: argparse.ArgumentParser, default: Any) -> None:
    command.add_argument("--data", action="append", metavar="FILE", default=default,
                         help="your own data file, loaded over the shipped data (repeatable)")


def _leaf_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[argparse.ArgumentParser]:
    """The parsers of every command, and of the commands nested in a command (``data validate``)."""
    leaves = []
    for command in dict.fromkeys(commands.choices.values()):
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        leaves += [leaf for group in nested for leaf in _leaf_parsers(group)] if nested else [command]
    return leaves


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    args = parser().parse_args(argv)
    try:
        args.dataset = load(overlays=args.data) if args.data else shipped()
        code: int = args.handler(args)
    except DataError as error:
        return _fail(error, EXIT_DATA)
    except EngineError as error:
        return _fail(error, EXIT_ENGINE)
    except ICCRulesError as error:
        return _fail(error, EXIT_INPUT)
    return code


def _fail(error: Exception, code: int) -> int:
    print(f"icc-rules: error: {error}", file=sys.stderr)
    return code
