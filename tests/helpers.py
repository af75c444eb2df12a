"""What the test modules share besides fixtures (``conftest.py`` holds those): made-up data and its types. A module
of its own name, so that any test folder imports it the same way (``tests`` is on the path)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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

#: Writes a user data file: ``data_file(name, toml_text)`` returns its path (the ``data_file`` fixture).
DataFile = Callable[[str, str], Path]
