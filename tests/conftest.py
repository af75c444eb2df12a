"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

#: A what-if data file: the United Kingdom extends the Statute to Jersey from 2020 (it is not known to have).
JERSEY_EXTENDED = """
[[territory]]
code = "JEY"
state = "GBR"
applies = true
from = 2020-01-01
sources = [{ url = "https://example.org/what-if", title = "What if the UK had extended the Statute to Jersey" }]
verified_on = 2026-11-29
confidence = "reported"
note = "A what-if."
"""


DataFile = Callable[[str, str], Path]


@pytest.fixture
def data_file(tmp_path: Path) -> DataFile:
    """Writes a user data file: ``data_file(name, toml_text)`` returns its path (in a fresh directory)."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def jersey_extended(data_file: DataFile) -> Path:
    """The path of a user data file in which the Statute applies in Jersey from 2020-01-01."""
    return data_file("jersey.toml", JERSEY_EXTENDED)
