"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import JERSEY_EXTENDED, DataFile


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


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line reads the language from the environment (gettext's variables): the tests run in English
    whatever the machine's locale, and a test that wants French says so."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
