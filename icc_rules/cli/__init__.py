"""The ``icc-rules`` command line (also ``python -m icc_rules``): one module per command, each with ``register``.

Commands::

    icc-rules [--data FILE ...] check PERSON COUNTRY [DATE] [--json] [--exit-code]
    icc-rules persons [--json]
    icc-rules states [--on DATE] [--json]
    icc-rules rules [--json]
    icc-rules data validate [FILES ...]
    icc-rules data stale [--days N] [--json] [FILES ...]
    icc-rules data watch [--feed FILE_OR_URL] [--timeout SECONDS] [--json]
    icc-rules data diff OLD NEW [--from DATE] [--to DATE] [--json]
    icc-rules timeline PERSON COUNTRY [--from DATE] [--to DATE] [--json|--csv|--ics]
    icc-rules world PERSON [DATE] [--map FILE] [--json|--csv]
    icc-rules itinerary PERSON LEG... [--json] [--exit-code]
    icc-rules wanted-in COUNTRY [DATE] [--json|--csv]
    icc-rules hosts PERSON [--json]
    icc-rules bulk [FILE] [--csv|--json|--ndjson] [--keep-going]
    icc-rules mcp [--http PORT]

Exit codes:

=====  ======================================================================================
code   meaning
=====  ======================================================================================
0      answered (with ``check --exit-code``: answered, and the person can travel)
1      with ``check --exit-code`` only: answered, and the person cannot travel
2      bad usage: an unknown command or option, a missing argument
3      bad input: unknown or ambiguous person, unknown country, malformed date, a bad CSV row
4      a data file is missing, malformed or inconsistent
5      the rules engine failed (a bug: please report it)
6      the output could not be written: a full disk, an unwritable file, an encoding that cannot show it
7      ``data watch`` only: the feed is unreachable, answered too slowly, empty or malformed
8      ``serve`` only: the address cannot be listened on (another server holds the port)
130    interrupted (Ctrl-C)
141    the reader of the output went away (a closed pipe, as in ``| head -1``): nothing is printed
=====  ======================================================================================

Every command takes ``--data FILE`` (repeatable, before or after the command's name): your own data file, loaded
over the shipped data for that run (see ``docs/data.md``); answers that rest on it say so.

Every command takes ``--lang LANG`` too (``en`` or ``fr``; ``fr-FR``, ``fr_CA`` ... are French): the language of the
explanations, warnings and errors. Without it, the environment decides as gettext reads it (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``); ``C``, ``POSIX`` or a language icc-rules does not speak is English. An unknown ``--lang``
is bad input (exit code 3). Every command a reader uses writes its human output in French (:data:`TRANSLATED`); the
maintainer's ``data`` commands write English, and every command's errors follow the language. The prefixes
``icc-rules: error:`` and ``icc-rules: warning:`` stay as they are, for scripts that look for them; ``--json``,
``--csv``, ``--ics`` and ``--ndjson`` give the codes and the data as recorded, in every language.

Errors are printed to stderr as one line starting with ``icc-rules: error:``, never as a traceback; warnings as
lines starting with ``icc-rules: warning:``. Text from data files is shown with its control characters escaped.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .._version import __version__
from ..api import load_data, shipped_data
from ..errors import DataError, EngineError, FeedError, ICCRulesError
from ..i18n import from_environment, resolve_language, using
from ..i18n import gettext as _
from ..i18n.words import day_in_words
from ..law import wording
from . import bulk, check, data, hosts, itinerary, mcp, persons, rules, serve, states, timeline, wanted_in, world
from .output import OutputClosed, OutputFailed, Stdout, error
from .serve import EXIT_ADDRESS

__all__ = ["COMMANDS", "EXIT_ADDRESS", "EXIT_AT_RISK", "EXIT_CLOSED", "EXIT_DATA", "EXIT_ENGINE", "EXIT_FEED",
           "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "TRANSLATED", "main", "parser"]

EXIT_OK, EXIT_AT_RISK, EXIT_USAGE, EXIT_INPUT, EXIT_DATA, EXIT_ENGINE, EXIT_OUTPUT = 0, 1, 2, 3, 4, 5, 6
#: ``data watch`` could not read its feed (a maintainer's command: the answers never depend on a feed).
EXIT_FEED = 7
#: 128 + the signal's number, as a shell reports a command the signal ended: SIGINT (2) and SIGPIPE (13).
EXIT_INTERRUPTED, EXIT_CLOSED = 130, 141

#: The commands, in the order ``--help`` lists them: each module adds its own with ``register(subparsers)``.
COMMANDS = (check, timeline, world, itinerary, wanted_in, hosts, bulk, persons, states, rules, data, serve, mcp)

#: How much of a usage error is shown: argparse quotes the arguments it refuses, whatever their length.
_USAGE_SHOWN = 300


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, with where to find help (the usage itself can wrap)."""

    def error(self, message: str) -> NoReturn:
        if len(message) > _USAGE_SHOWN:
            message = message[:_USAGE_SHOWN - 3] + "..."
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``: the package's version, the shipped dataset's version, the day it was released and the day up
    to which its sources were searched."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: Any) -> None:
        super().__init__(option_strings, dest=dest, nargs=0,
                         help="show the version of icc-rules and of its dataset (released, and sources searched up "
                         "to), and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> NoReturn:
        print(version_line(_language_so_far(namespace)))
        parser.exit()


def version_line(lang: str = "en") -> str:
    """What ``--version`` prints, in ``lang``: the package's version, the shipped dataset's, the day it was released
    and the day up to which its sources were searched.

    >>> print(version_line("fr"))  # doctest: +ELLIPSIS
    icc-rules ..., jeu de données ..., publié le ... ; sources consultées jusqu’au ...
    """
    info = shipped_data().info
    if lang == "en":
        return f"icc-rules {__version__}, {info.in_words}"
    with using(lang):
        released = (_("published on {day}").format(day=day_in_words(info.released, lang)) if info.released
                    else _("release date not recorded"))
        return _("icc-rules {version}, dataset {dataset}, {released}; sources searched up to {as_of}").format(
            version=__version__, dataset=info.version, released=released, as_of=day_in_words(info.as_of, lang))


def _language_so_far(namespace: argparse.Namespace) -> str:
    """The language of a message said while the arguments are read: ``--lang`` if it came first and is known, else
    the environment's."""
    try:
        return resolve_language(namespace.lang) if getattr(namespace, "lang", None) else from_environment(os.environ)
    except ICCRulesError:
        return from_environment(os.environ)


def parser() -> argparse.ArgumentParser:
    """The argument parser, for ``--help`` and for documentation tools."""
    main_parser: argparse.ArgumentParser = _Parser(  # its commands' parsers are _Parser too (argparse's rule)
        prog="icc-rules",
        description="Does a person wanted by the ICC risk arrest in a country on a date? Sourced, date-aware answers.",
        epilog="Exit codes: 0 answered, 1 at risk (check --exit-code), 2 usage, 3 bad input, 4 data error, "
        "5 engine failure, 6 output not written, 7 feed not read (data watch), 8 address in use (serve), "
        "130 interrupted, 141 output closed. Errors and warnings go to "
        "stderr. Dates are ISO 8601 (2024-09-03) or 'today'.",
    )
    main_parser.add_argument("--version", action=_Version)
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)

    _add_data_option(main_parser, default=[])
    _add_lang_option(main_parser, default=None)
    for command in _leaf_parsers(commands):
        _add_data_option(command, default=argparse.SUPPRESS)  # SUPPRESS: keeps a --data given before the command
        _add_lang_option(command, default=argparse.SUPPRESS)
    return main_parser


def _add_data_option(command: argparse.ArgumentParser, default: Any) -> None:
    command.add_argument("--data", action="append", metavar="FILE", default=default,
                         help="your own data file, loaded over the shipped data (repeatable)")


def _add_lang_option(command: argparse.ArgumentParser, default: Any) -> None:
    command.add_argument("--lang", metavar="LANG", default=default,
                         help="the language of explanations, warnings and errors: en or fr (default: from LANGUAGE, "
                         "LC_ALL, LC_MESSAGES or LANG, else en)")


def _leaf_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[argparse.ArgumentParser]:
    """The parsers of every command, and of the commands nested in a command (``data validate``)."""
    leaves = []
    for command in dict.fromkeys(commands.choices.values()):
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        leaves += [leaf for group in nested for leaf in _leaf_parsers(group)] if nested else [command]
    return leaves


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    real = sys.stdout
    if real is None:  # started with stdout closed (>&-): there is nowhere to answer
        error("cannot write the output: stdout is closed")
        return EXIT_OUTPUT
    out = Stdout(real)
    sys.stdout = out  # writes as a TextIO does (TextIO attributes are delegated)
    try:
        try:
            code = _run(argv)
        finally:
            out.flush()  # a closed pipe or a full disk shows here, not in the interpreter's last flush
    except OutputClosed:
        out.discard()
        return EXIT_CLOSED
    except OutputFailed as failure:
        out.discard()
        error(str(failure))
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED
    finally:
        sys.stdout = real
    return code


def _run(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    lang = from_environment(os.environ)
    try:
        lang = lang if args.lang is None else resolve_language(args.lang)
    except ICCRulesError as failure:
        with using(lang):  # an unknown --lang is said in the environment's language
            return _fail(failure, EXIT_INPUT)
    with using(lang):
        return _answer(args, lang)


#: The commands whose human output is written in the language asked for: every command a reader of answers uses.
#: ``data`` (a maintainer's tools: validation, staleness, the feed, the differences between two datasets) writes
#: English, so that no output mixes the two; ``serve`` and ``mcp`` say nothing but where they listen. Errors follow the
#: language always.
TRANSLATED = frozenset({"check", "timeline", "world", "itinerary", "wanted-in", "hosts", "bulk", "persons", "states",
                        "rules"})


def _answer(args: argparse.Namespace, lang: str) -> int:
    """Run the command, in the language of the call; an error is its exit code, said on stderr."""
    try:
        args.dataset = load_data(overlays=args.data) if args.data else shipped_data()
        with using(lang if args.command in TRANSLATED else "en"):
            code: int = args.handler(args)
    except FeedError as failure:
        return _fail(failure, EXIT_FEED)
    except DataError as failure:
        return _fail(failure, EXIT_DATA)
    except EngineError as failure:
        return _fail(failure, EXIT_ENGINE)
    except ICCRulesError as failure:
        return _fail(failure, EXIT_INPUT)
    return code


def _fail(failure: ICCRulesError, code: int) -> int:
    error(wording.error(failure.for_shell))  # a shell user's words: YYYY-MM-DD, not datetime.date
    return code
