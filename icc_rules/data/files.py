"""Reading one data file, safely: the single place where the package opens a TOML file.

A data file may come from a user (``--data FILE``, ``load_data(overlays=...)``), so reading one must never hang, eat
the memory or crash: only a regular file is opened (a FIFO, a device such as ``/dev/zero``, a socket are refused
without reading), and it is read up to a size limit (a leading byte-order mark is read past); before the TOML parser sees it, the length of its dotted keys
is checked (Python's parser is quadratic in them); nesting too deep for the parser's recursion is an error, and after
parsing, the nesting depth and every string and every list are held to their limits. Every failure is a one-line
:class:`~icc_rules.errors.DataError` naming the file (and the record and field where there is one).

The limits (:class:`Limits`) fit the shipped data many times over; a user with larger files raises them with
environment variables (``ICC_RULES_MAX_FILE_BYTES``, ``ICC_RULES_MAX_FIELD_CHARS``, ``ICC_RULES_MAX_LIST_ITEMS``,
``ICC_RULES_MAX_DEPTH``, ``ICC_RULES_MAX_KEY_PARTS``) or by passing ``limits=`` to :func:`icc_rules.load_data`.

>>> Limits().file_bytes
67108864
>>> read_toml(Path("/dev/zero"))
Traceback (most recent call last):
...
icc_rules.errors.DataError: /dev/zero: not a regular file (a character device): expected a TOML data file
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError

__all__ = ["Limits", "describe", "read_toml"]

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class Limits:
    """How large a data file may be: bytes in a file, characters in a string, items in a list, nesting depth, and
    parts in a dotted key. Defaults fit the shipped data many times over; each can be raised by an environment
    variable ``ICC_RULES_MAX_<NAME>`` (``ICC_RULES_MAX_FILE_BYTES=100000000``) or by passing ``Limits(...)``.

    >>> Limits(field_chars=50_000).field_chars
    50000
    """

    file_bytes: int = 64 * 1024 * 1024
    field_chars: int = 20_000
    list_items: int = 200_000
    depth: int = 24
    key_parts: int = 16

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Limits:
        """The defaults, with any ``ICC_RULES_MAX_<NAME>`` environment variable applied (a whole number >= 1)."""
        values: dict[str, int] = {}
        for field in fields(cls):
            name = f"ICC_RULES_MAX_{field.name.upper()}"
            text = environ.get(name)
            if text is None:
                continue
            try:
                values[field.name] = int(text)
            except ValueError:
                values[field.name] = 0
            if values[field.name] < 1:
                raise DataError(f"{name}={text[:40]!r}: expected a whole number of at least 1")
        return cls(**values)


def read_toml(path: Path, limits: Limits | None = None) -> dict[str, Any]:
    """The content of one TOML file, or a one-line :class:`~icc_rules.errors.DataError` naming it."""
    limits = limits or Limits.from_environment()
    text = _read_text(path, limits)
    _prescan(path, text, limits)
    try:
        content = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{path}: not valid TOML ({error})") from None
    except ValueError as error:  # Python's own bound on the digits of an integer it converts from text
        if "integer string conversion" not in str(error):
            raise
        raise DataError(f"{path}: not valid TOML (an integer of more than {sys.get_int_max_str_digits():,} digits, "
                        "longer than any data file needs)") from None
    except RecursionError:  # the prescan bounds nesting; this is the belt to its braces
        raise DataError(f"{path}: nested too deeply to read") from None
    _check_sizes(path, content, limits)
    return content


def _read_text(path: Path, limits: Limits) -> str:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        reason = "the name is too long" if error.errno == errno.ENAMETOOLONG else (error.strerror or str(error))
        raise DataError(f"{_shown(path)}: cannot read the data file ({reason})") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise DataError(f"{_shown(path)}: cannot read the data file ({error})") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):  # checked on what was opened: no race with a file replaced meanwhile
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise DataError(f"{_shown(path)}: not a regular file ({kind}): expected a TOML data file")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limits.file_bytes + 1)
    except OSError as error:
        raise DataError(f"{_shown(path)}: cannot read the data file ({error.strerror or error})") from None
    finally:
        os.close(descriptor)
    if len(data) > limits.file_bytes:
        raise DataError(f"{_shown(path)}: larger than {limits.file_bytes:,} bytes (raise ICC_RULES_MAX_FILE_BYTES to "
                        "read it)")
    try:
        # A byte-order mark, which some Windows editors write first, is no part of the TOML: it is read past.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise DataError(f"{_shown(path)}: not valid TOML (not UTF-8 text: {error.reason} at byte {error.start})"
                        ) from None


def _shown(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 200 and text.isprintable() else repr(text[:200]) + ("..." if len(text) > 200 else "")


def _prescan(path: Path, text: str, limits: Limits) -> None:
    """Refuse, before parsing, a dotted key of more than ``limits.key_parts`` parts (Python's TOML parser takes time
    quadratic in them). The search starts only at the start of a word, so it is linear in the file whatever it
    holds; a string that happens to hold such a run is refused too (no data file has one)."""
    pattern = _DOTTED.get(limits.key_parts)
    if pattern is None:
        pattern = _DOTTED[limits.key_parts] = re.compile(
            rf"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++[ \t]*+\.[ \t]*+){{{limits.key_parts}}}")
    if pattern.search(text):
        raise DataError(f"{path}: a dotted key of more than {limits.key_parts} parts (raise ICC_RULES_MAX_KEY_PARTS "
                        "to read it)")


_DOTTED: dict[int, re.Pattern[str]] = {}


def _check_sizes(path: Path, content: Any, limits: Limits) -> None:
    """Every text and every list within its limit; the place of the first one over it is named."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(content, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > limits.depth:
            raise DataError(f"{path}: {_where(where[:4])}...: nested more than {limits.depth} levels deep (raise "
                            "ICC_RULES_MAX_DEPTH to read it)")
        if isinstance(value, str):
            if len(value) > limits.field_chars:
                raise DataError(f"{path}: {_where(where)}: a text of {len(value):,} characters, more than "
                                f"{limits.field_chars:,} (raise ICC_RULES_MAX_FIELD_CHARS to read it)")
        elif isinstance(value, dict):
            for key, item in value.items():
                if len(key) > limits.field_chars:
                    raise DataError(f"{path}: {_where(where)}: a key of {len(key):,} characters, more than "
                                    f"{limits.field_chars:,}")
                if isinstance(item, (str, dict, list)):
                    stack.append((item, (*where, key)))
        elif isinstance(value, list):
            if len(value) > limits.list_items:
                raise DataError(f"{path}: {_where(where)}: a list of {len(value):,} items, more than "
                                f"{limits.list_items:,} (raise ICC_RULES_MAX_LIST_ITEMS to read it)")
            stack.extend((item, (*where, index)) for index, item in enumerate(value)
                         if isinstance(item, (str, dict, list)))


def _where(parts: tuple[Any, ...]) -> str:
    shown = "".join(f"[{part}]" if isinstance(part, int) else f".{str(part)[:60]}" for part in parts).lstrip(".")
    return shown or "the file"


#: What each pattern a record's field must match asks for, in words (pydantic would show the pattern itself).
_PATTERNS_IN_WORDS = {
    r"^[A-Za-z0-9]\S*$": "should start with a letter or a digit and hold no spaces",
    r"^[a-z0-9][a-z0-9-]*$": "should be lower-case letters, digits and hyphens, starting with a letter or a digit",
    r"^[A-Z]{3}$": "should be a three-letter ISO 3166-1 code in capitals, such as MNG",
    r"^[a-z_]+$": "should be the name of a field, in lower case",
}


def describe(error: ValidationError) -> str:
    """A pydantic validation error as ``field a.b: message; ...``, quoting at most a short piece of the input."""
    parts = []
    problems = error.errors(include_url=False)
    failed_items = {problem["loc"][:end] for problem in problems for end in range(len(problem["loc"]))}
    for problem in problems:
        if problem["type"] == "too_short" and problem["loc"] in failed_items:
            continue  # a list left short only because an item of it failed says nothing more
        where = ".".join(str(p) for p in problem["loc"]) or "record"
        message = problem["msg"]
        if problem["type"] == "string_pattern_mismatch":
            message = _PATTERNS_IN_WORDS.get(str(problem.get("ctx", {}).get("pattern")), message)
        parts.append(f"field {where[:120]}: {message[:300]}")
    return "; ".join(parts[:5]) + (f"; and {len(parts) - 5} more" if len(parts) > 5 else "")
