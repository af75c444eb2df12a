"""The bulk figures: ``icc-rules bulk FILE --csv`` over files of random queries, each in a process of its own: its
throughput (rows per second), its peak resident memory, the time its rules engine took, and the in-process floor.

Two files, each of 300,000 rows (30,000 in a quick run), over the days from 2002-07-01 to 2026-12-31:

* **a few pairs**: 5 persons and 8 countries (drawn at random), where almost every answer is already known: the
  cost of reading, answering and writing a row. Target: 100,000 rows/s, at most 10 µs a row beyond the answer.
* **every pair**: every person and every country, where most rows ask about a pair for the first time: the cost of
  first answers too. Target: 25,000 rows/s.

Both under 150 MB of peak memory. The **floor** is, in-process over the same rows, the ISO date read and a
dictionary lookup plus a bisect over precomputed answers (bench/run.py's floor): what a row costs at the least; the
command's cost a row beyond it is what finding the answer, reading the file and writing the answers add. The **engine's share** is the time spent in
runs of the rules engine (first-time pairs share runs by pattern) over the command's whole time.

Run alone (``python bench/bulk_figures.py [ROWS]``) or from ``bench/run.py``. Peak memory and CPU time are the
command's own (``ru_maxrss``, read by the kernel, through a small launcher process: see ``_LAUNCHER``).
"""

from __future__ import annotations

import bisect
import csv
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Peak resident memory of one bulk run, in MB.
PEAK_MB = 150
#: The workloads: name, persons and countries drawn (None: every one), and the rows per second to reach.
WORKLOADS = (("a few pairs (5 persons x 8 countries)", 5, 8, 100_000),
             ("every person and country", None, None, 25_000))
FIRST, LAST = datetime.date(2002, 7, 1), datetime.date(2026, 12, 31)


def write_queries(path: Path, rows: int, persons: int | None = None, countries: int | None = None,
                  seed: int = 1) -> None:
    """A CSV file of ``rows`` random queries (ids, alpha-3 codes, ISO dates) over ``persons`` persons and
    ``countries`` countries drawn at random (``None``: every one)."""
    sys.path.insert(0, str(ROOT))
    from icc_rules import all_countries, shipped_data

    data = shipped_data()
    rng = random.Random(seed)
    who, where = [p.id for p in data.persons], [c.code for c in all_countries()]
    who = rng.sample(who, persons) if persons else who
    where = rng.sample(where, countries) if countries else where
    span = (LAST - FIRST).days
    with path.open("w", encoding="utf-8") as out:
        out.write("person,country,date\n")
        for _ in range(rows):
            day = FIRST + datetime.timedelta(days=rng.randrange(span + 1))
            out.write(f"{rng.choice(who)},{rng.choice(where)},{day}\n")


#: Runs the command it is given, its output discarded, and prints the command's peak resident memory (KiB) and its
#: CPU time (s). Linux keeps a process's peak across exec, and a child forked from a large process (bench/run.py,
#: with every answer kept) starts with that process's memory counted: this small launcher is forked instead, so the
#: peak is the command's own.
_LAUNCHER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
sys.exit(done.returncode)
"""

#: ``icc-rules bulk FILE --csv``, with the time spent in runs of the rules engine written on stderr.
_BULK = """
import sys, time
from icc_rules.law import decide
spent = [0.0, 0]
engine_run = decide.run
def timed(facts):
    started = time.perf_counter()
    try:
        return engine_run(facts)
    finally:
        spent[0] += time.perf_counter() - started
        spent[1] += 1
decide.run = timed
from icc_rules.cli import main
code = main(["bulk", sys.argv[1], "--csv"])
print("engine", spent[0], spent[1], file=sys.stderr)
sys.exit(code)
"""


def floor_us(queries: Path) -> float:
    """The floor, in-process, over the rows of ``queries``: the ISO date read, then a dictionary lookup and a bisect
    over precomputed answers (as bench/run.py's floor), the fastest any row can be answered: µs a row."""
    sys.path.insert(0, str(ROOT))
    from icc_rules import shipped_data
    from icc_rules.api.flat import flat_answers
    from icc_rules.law.decide import decider_for

    data = shipped_data()
    answers, decider = flat_answers(data), decider_for(data)
    with queries.open(encoding="utf-8") as lines:
        rows = list(csv.reader(lines))[1:]
    known: dict[tuple[str, str], tuple[tuple[int, ...], dict[int, object]]] = {}
    for person, country, date in rows:  # precomputed: every answer the rows ask for
        day = datetime.date.fromisoformat(date)
        boundaries, found = known.setdefault((person, country), (decider.pair(person, country).boundaries, {}))
        found[bisect.bisect_right(boundaries, day.year * 10000 + day.month * 100 + day.day)] = answers.answer(
            person, country, day)
    started = time.perf_counter()
    for person, country, date in rows:
        boundaries, found = known[(person, country)]
        day = datetime.date.fromisoformat(date)
        found[bisect.bisect_right(boundaries, day.year * 10000 + day.month * 100 + day.day)]
    return (time.perf_counter() - started) / len(rows) * 1e6


def bulk_figures(rows: int, failed: list[str] | None = None) -> list[tuple[float, float]]:
    """Print and return (rows per second, peak MB) of ``icc-rules bulk FILE --csv`` for each workload over ``rows``
    random queries; append to ``failed`` if a run fails, peaks over :data:`PEAK_MB` or, on 300,000 rows or more,
    misses its rate."""
    figures = []
    for label, persons, countries, target in WORKLOADS:
        with tempfile.TemporaryDirectory() as work:
            queries = Path(work) / "queries.csv"
            write_queries(queries, rows, persons, countries)
            started = time.perf_counter()
            launched = subprocess.run([sys.executable, "-c", _LAUNCHER, sys.executable, "-c", _BULK, str(queries)],
                                      capture_output=True, text=True, cwd=ROOT,
                                      env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
            spent = time.perf_counter() - started
            floor = floor_us(queries)
        kib, cpu = launched.stdout.split()[-2:] if launched.stdout.strip() else ("nan", "nan")
        peak = int(kib) / 1024 if kib != "nan" else float("nan")  # KiB on Linux
        engine = [line.split() for line in launched.stderr.splitlines() if line.startswith("engine ")]
        engine_s, runs = (float(engine[-1][1]), int(engine[-1][2])) if engine else (float("nan"), 0)
        speed = rows / spent
        load = os.getloadavg()[0]
        timed = rows >= 300_000  # a smaller file is mostly start-up and first answers: its rate is not the target's
        ok = launched.returncode == 0 and peak < PEAK_MB and (speed >= target or not timed)
        if not ok and failed is not None:
            failed.append(f"bulk, {label}")
        print(f"  icc-rules bulk FILE --csv, {rows:,} random rows over {label}:\n"
              f"    {speed:,.0f} rows/s ({spent:.1f} s; CPU {float(cpu):.1f} s, {rows / float(cpu):,.0f} rows/s of CPU; "
              f"load average {load:.1f} on {os.cpu_count()} CPUs), peak RSS {peak:.0f} MB;\n    "
              f"{spent / rows * 1e6:.1f} µs a row, floor {floor:.1f} µs a row (in-process: date read, dict + bisect over precomputed answers): "
              f"{spent / rows * 1e6 - floor:.1f} µs a row beyond the answer\n"
              f"    rules engine: {runs:,} runs, {engine_s:.2f} s ({engine_s / spent:.0%} of the time)"
              f"   {f'≥ {target:,} rows/s and ' if timed else '(rows/s checked on 300,000 rows) '}< {PEAK_MB} MB "
              f"{'PASS' if ok else 'FAIL'}")
        figures.append((speed, peak))
    return figures


if __name__ == "__main__":
    failures: list[str] = []
    bulk_figures(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000, failures)
    sys.exit(1 if failures else 0)
