"""Benchmark loading a user's data file over the shipped data, and the first answer from it, as the file grows.

Run from a checkout::

    python bench/overlays.py            # 1,000, 10,000 and 100,000 visits; 1,000, 10,000 and 20,000 persons
    python bench/overlays.py --quick    # the two smaller sizes of each

Each figure is one fresh process (nothing kept from the one before): load_data with the file, then the first answer
that reads it (an assessment of a visited pair, or of one of the new persons). The targets (issue 13): time linear in
the file's records, and 100,000 visits loaded and answered in under 10 s. Prints PASS or FAIL and exits 1 on a fail.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCE = 'sources = [{{ url = "https://example.org/{what}", title = "generated {what}", kind = "secondary" }}]'


def visits(count: int) -> str:
    """``count`` visits of Putin to China, each a full record."""
    start = datetime.date(2023, 1, 1)
    return "\n".join(f'''[[visit]]
id = "v{i}"
person = "putin"
host = "CHN"
start = {start + datetime.timedelta(days=i % 1000)}
host_bound = false
outcome = "not_arrested"
summary = "generated visit {i}"
{SOURCE.format(what=f"v{i}")}
verified_on = 2026-11-28
''' for i in range(count))


def persons(count: int) -> str:
    """``count`` persons, each with a warrant in the Ukraine situation."""
    return "\n".join(f'''[[person]]
id = "p{i}"
name = "Generated Person{i}"
{SOURCE.format(what=f"p{i}")}
verified_on = 2026-11-28

  [[person.warrant]]
  id = "w{i}"
  situation = "UKR"
  kind = "warrant"
  issued = 2023-03-17
  {SOURCE.format(what=f"w{i}")}
''' for i in range(count))


_MEASURE = """
import sys, time
sys.path.insert(0, {root!r})
started = time.perf_counter()
import icc_rules
imported = time.perf_counter()
data = icc_rules.load_data(overlays=[{path!r}])
loaded = time.perf_counter()
answer = icc_rules.assess({person!r}, "CHN", "2024-01-01", data=data)
answered = time.perf_counter()
print(loaded - imported, answered - loaded, len(answer.precedents))
"""


def measure(path: Path, person: str) -> tuple[float, float]:
    """Seconds to load the file over the shipped data, and to answer the first query from it, in a fresh process."""
    env = {**os.environ, "ICC_RULES_MAX_FILE_BYTES": str(1 << 30)}
    done = subprocess.run([sys.executable, "-c", _MEASURE.format(root=str(ROOT), path=str(path), person=person)],
                          capture_output=True, text=True, check=True, env=env)
    load, answer, _ = done.stdout.split()
    return float(load), float(answer)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="only the two smaller sizes of each")
    quick = options.parse_args().quick
    failed = []
    print("loading a user's file over the shipped data, then the first answer from it (fresh process each)")
    with tempfile.TemporaryDirectory() as folder:
        for kind, make, sizes in (("visits", visits, (1_000, 10_000, 100_000)),
                                  ("persons", persons, (1_000, 10_000, 20_000))):
            base = None
            for count in sizes[:2] if quick else sizes:
                path = Path(folder) / f"{kind}-{count}.toml"
                path.write_text(make(count), encoding="utf-8")
                load, answer = measure(path, "putin" if kind == "visits" else f"p{count - 1}")
                per_record = (load + answer) / count * 1e6
                base = base or per_record
                linear = per_record <= 2.5 * base  # within noise of the smallest size's cost per record
                verdict = ""
                if kind == "visits" and count == 100_000:
                    ok = load + answer < 10 and linear
                    verdict = f"< 10 s, linear {'PASS' if ok else 'FAIL'}"
                else:
                    ok = linear
                    verdict = f"linear {'PASS' if ok else 'FAIL'}"
                if not ok:
                    failed.append(f"{kind} {count}")
                print(f"  {count:>7,} {kind:<8} file {path.stat().st_size / 1e6:6.1f} MB  load {load:6.2f} s  "
                      f"first answer {answer:5.2f} s  ({per_record:6.1f} µs a record)  {verdict}")
    print(f"\n{'all targets met' if not failed else 'FAILED: ' + ', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
