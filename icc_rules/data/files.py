"""Reading one data file: the single place where the package opens a TOML file, and turns every way that can fail
into a one-line :class:`~icc_rules.errors.DataError` naming the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError

__all__ = ["describe", "read_toml"]


def read_toml(path: Path) -> dict[str, Any]:
    """The content of one TOML file, or a one-line :class:`~icc_rules.errors.DataError` naming it."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise DataError(f"{path}: cannot read the data file ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{path}: not valid TOML ({error})") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not valid TOML (not UTF-8 text: {error.reason} at byte {error.start})") from None
    except ValueError as error:  # a path the system cannot open at all, such as one with a NUL character
        raise DataError(f"{str(path)!r}: cannot read the data file ({error})") from None


def describe(error: ValidationError) -> str:
    """A pydantic validation error as ``field a.b: message; ...``."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem["loc"]) or "record"
        parts.append(f"field {where}: {problem['msg']}")
    return "; ".join(parts)
