"""The bulk figures: ``icc-rules bulk`` over a file of random queries, in a process of its own, its throughput (rows
per second) and its peak resident memory, against the target of 150 MB for 300,000 rows.

Run alone (``python bench/bulk_figures.py [ROWS]``) or from ``bench/run.py``. The queries are random over every
person, every country and every day since the Statute entered into force: the worst case for the answers kept,
since few queries repeat. Peak memory is the process's own (``ru_maxrss``, read by the kernel, through a small
launcher process: see ``_LAUNCHER``).
"""

from __future__ import annotations

import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The target of the install issue: 300,000 rows under 150 MB peak resident memory.
PEAK_MB = 150


def write_queries(path: Path, rows: int, seed: int = 1) -> None:
    """A CSV file of ``rows`` random queries (ids, alpha-3 codes, ISO dates)."""
    sys.path.insert(0, str(ROOT))
    from icc_rules import all_countries, shipped_data
    from icc_rules.law.statute import STATUTE_IN_FORCE

    data = shipped_data()
    rng = random.Random(seed)
    persons, countries = [p.id for p in data.persons], [c.code for c in all_countries()]
    span = (data.info.as_of - STATUTE_IN_FORCE).days
    with path.open("w", encoding="utf-8") as out:
        out.write("person,country,date\n")
        for _ in range(rows):
            day = STATUTE_IN_FORCE + datetime.timedelta(days=rng.randrange(span + 1))
            out.write(f"{rng.choice(persons)},{rng.choice(countries)},{day}\n")


#: Runs the command it is given, its output discarded, and prints the command's peak resident memory (KiB). Linux
#: keeps a process's peak across exec, and a child forked from a large process (bench/run.py, with every answer
#: kept) starts with that process's memory counted: this small launcher is forked instead, so the peak is the
#: command's own.
_LAUNCHER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


def bulk_figures(rows: int, failed: list[str] | None = None) -> tuple[float, float]:
    """Print and return (rows per second, peak MB) of ``icc-rules bulk FILE --csv`` over ``rows`` random queries;
    append to ``failed`` if the run fails or the peak is over :data:`PEAK_MB` (checked for 300,000 rows or fewer)."""
    with tempfile.TemporaryDirectory() as work:
        queries = Path(work) / "queries.csv"
        write_queries(queries, rows)
        started = time.perf_counter()
        launched = subprocess.run([sys.executable, "-c", _LAUNCHER, sys.executable, "-m", "icc_rules", "bulk",
                                   str(queries), "--csv"], capture_output=True, text=True, cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
        spent = time.perf_counter() - started
    peak = int(launched.stdout.split()[-1]) / 1024 if launched.stdout.strip() else float("nan")  # KiB on Linux
    speed = rows / spent
    ok = launched.returncode == 0 and peak < PEAK_MB
    if not ok and failed is not None:
        failed.append("bulk")
    print(f"  icc-rules bulk FILE --csv, {rows:,} random rows: {speed:,.0f} rows/s ({spent:.1f} s), "
          f"peak RSS {peak:.0f} MB  < {PEAK_MB} MB {'PASS' if ok else 'FAIL'}")
    return speed, peak


if __name__ == "__main__":
    failures: list[str] = []
    bulk_figures(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000, failures)
    sys.exit(1 if failures else 0)
