"""What the test modules share besides fixtures (``conftest.py`` holds those): made-up data and its types. A module
of its own name, so that any test folder imports it the same way (``tests`` is on the path)."""

from __future__ import annotations

import textwrap
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

def what_if_state(code: str, name: str, deposited: str, in_force: str, change: str) -> str:
    """A user's data file that gives a State Party's treaty record (its real deposit and entry into force) one made-up
    change: ``change`` holds the lines of its ``[[state.change]]`` table (kind, date, sources ...)."""
    return textwrap.dedent(f"""
        [[state]]
        code = "{code}"
        name = "{name}"
        deposited = {deposited}
        instrument = "ratification"
        in_force = {in_force}
        sources = [{{ url = "https://example.org/{code.lower()}", title = "A user's own record" }}]
        verified_on = 2026-11-28

          [[state.change]]
    """) + textwrap.indent(textwrap.dedent(change).strip(), "  ") + "\n"


#: Writes a user data file: ``data_file(name, toml_text)`` returns its path (the ``data_file`` fixture).
DataFile = Callable[[str, str], Path]
