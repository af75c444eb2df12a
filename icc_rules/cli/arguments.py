"""The arguments several commands take, declared once: who (``person``), where (``country``) and when (``date``).

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> person(parser); country(parser); date(parser)
>>> parser.parse_args(["putin", "MN"])
Namespace(person='putin', country='MN', date=None)
"""

from __future__ import annotations

import argparse

__all__ = ["country", "date", "person"]


def person(parser: argparse.ArgumentParser) -> None:
    """The person asked about, as the library's queries take it."""
    parser.add_argument("person", help='a name, alias or id, e.g. "Vladimir Putin", putin, Путин')


def country(parser: argparse.ArgumentParser) -> None:
    """The country asked about."""
    parser.add_argument("country", help="an ISO 3166-1 code (MN, MNG, 496) or a country name, e.g. Mongolia")


def date(parser: argparse.ArgumentParser) -> None:
    """The day asked about, optional: today by default."""
    parser.add_argument("date", nargs="?", help="an ISO 8601 date such as 2024-09-03, or today (default: today)")
