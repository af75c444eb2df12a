"""How long ``icc-rules data diff`` takes: the shipped data against itself, against a file that changes one host or
adds one person, and every person in every country compared (what the diff would cost without asking the rules only
where the facts differ). Each comparison loads its datasets afresh, so nothing is decided before it starts.

    python bench/diff.py

Prints one line per comparison: the pairs the rules were asked about, the runs of days that differ, and the time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from icc_rules import load_data
from icc_rules.data.dataset import Dataset
from icc_rules.views.diff import DatasetDiff, diff

SOURCE = 'sources = [{ url = "https://example.org/what-if", title = "A what-if" }]'

#: Mongolia leaves the Statute in 2025 (made up): every person's answers there change.
ONE_HOST = f"""
[[state]]
code = "MNG"
name = "Mongolia"
signed = 2000-12-29
deposited = 2002-04-11
instrument = "ratification"
in_force = 2002-07-01
{SOURCE}
verified_on = 2026-11-28
  [[state.change]]
  kind = "withdrawal_notified"
  date = 2024-06-03
  takes_effect = 2025-06-03
  {SOURCE}
  [[state.change]]
  kind = "withdrawal_effective"
  date = 2025-06-03
  {SOURCE}
"""

#: A made-up person with a warrant of March 2026: their answers change in every country.
ONE_PERSON = f"""
[[person]]
id = "jane-example"
name = "Jane Example"
{SOURCE}
verified_on = 2026-11-28
  [[person.warrant]]
  id = "jane-example-2026"
  situation = "UKR"
  kind = "warrant"
  issued = 2026-03-01
  {SOURCE}
"""


def _timed(label: str, old: Callable[[], Dataset], new: Callable[[], Dataset], *, every_pair: bool = False) -> float:
    before, after = old(), new()  # loaded outside the timing: loading is measured by bench/overlays.py
    started = time.perf_counter()
    found: DatasetDiff = diff(before, after, every_pair=every_pair)
    elapsed = time.perf_counter() - started
    print(f"{label:<52} {found.pairs_compared:>6} pairs  {len(found.differences):>6} runs differ  {elapsed:7.2f} s")
    return elapsed


def main() -> int:
    folder = Path(tempfile.mkdtemp())
    host, person = folder / "host.toml", folder / "person.toml"
    host.write_text(ONE_HOST, encoding="utf-8")
    person.write_text(ONE_PERSON, encoding="utf-8")
    print(f"{'comparison (from 2002-07-01 to as_of)':<52} {'asked':>12}  {'':>17}  {'time':>9}")
    _timed("shipped against shipped", load_data, load_data)
    _timed("shipped against one host changed (Mongolia)", load_data, lambda: load_data(overlays=[host]))
    _timed("shipped against one person added", load_data, lambda: load_data(overlays=[person]))
    _timed("shipped against both", load_data, lambda: load_data(overlays=[host, person]))
    _timed("every person in every country (both changes)", load_data, lambda: load_data(overlays=[host, person]),
           every_pair=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
