"""Whole numbers as people type them on a command line: a port, a count of workers.

>>> whole_number("8080", 1, 65535, "a port number")
8080
>>> whole_number("0", 1, 64, "a number of workers")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: expected a number of workers from 1 to 64, not '0'
"""

from __future__ import annotations

import argparse

__all__ = ["whole_number"]


def whole_number(text: str, low: int, high: int, what: str) -> int:
    """``text`` as a whole number from ``low`` to ``high``; else an ``argparse.ArgumentTypeError`` naming ``what``
    was expected and quoting a bounded part of ``text``."""
    try:
        number = int(text)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"expected {what} from {low} to {high}, not {text[:40]!r}")
    return number
