"""Regenerate the golden snapshot of answers: ``python scripts/snapshot.py`` (``--check`` compares instead).

The snapshot holds, for every person and every country the data says something about as a host (a treaty or
territory record, a declaration, a binding referral: ``Dataset.host_codes``), the person's timeline there (each
period's first day and verdict) from the person's first warrant to the dataset's as_of date. Every other country
has no host facts, so its timeline is the same for a person: one line with the country ``*`` stands for all of them.
A data change shows as a reviewable diff of answers; ``tests/test_snapshot.py`` fails until the snapshot is
regenerated and committed with it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from icc_rules import all_countries, shipped_data
from icc_rules.data.dataset import Dataset
from icc_rules.views.timeline import timeline

SNAPSHOT = Path(__file__).resolve().parent.parent / "tests" / "snapshots" / "verdicts.txt"


def host_codes(data: Dataset) -> tuple[list[str], str]:
    """The countries with host facts, and one country without any that stands for all the others."""
    others = [c.code for c in all_countries() if c.code not in data.host_codes]
    return sorted(data.host_codes), others[0]


def snapshot_lines(data: Dataset) -> list[str]:
    """One line per person and host: ``person<TAB>host<TAB>start verdict | start verdict ...``."""
    hosts, representative = host_codes(data)
    lines = [f"# icc-rules answers snapshot: dataset {data.info.version}, as of {data.info.as_of}",
             "# person\thost\tperiods (first day and verdict); host * = every country without host facts"]
    for person in sorted(data.persons, key=lambda p: p.id):
        for host in [*hosts, representative]:
            periods = timeline(person, host, data=data)
            text = " | ".join(f"{p.start} {p.verdict.value}" for p in periods)
            lines.append(f"{person.id}\t{'*' if host == representative else host}\t{text}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed snapshot; exit 1 on a diff")
    args = parser.parse_args()
    lines = snapshot_lines(shipped_data())
    if args.check:
        committed = SNAPSHOT.read_text(encoding="utf-8").splitlines()
        diff = list(difflib.unified_diff(committed, lines, "committed", "current", lineterm=""))
        print("\n".join(diff) if diff else "snapshot matches")
        return 1 if diff else 0
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 2} lines to {SNAPSHOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
