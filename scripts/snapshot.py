"""Regenerate the golden snapshot of answers: ``python scripts/snapshot.py`` (``--check`` compares instead).

The snapshot is one file per person, ``tests/snapshots/<person>.txt``: for every country the data says something
about as a host (a treaty or territory record, a declaration, a binding referral: ``Dataset.host_codes``), the
person's timeline there from their first warrant to the dataset's as_of date, one line per period with its first
day, its verdict and its grounds (the rules that decided it: derivations and the verdict rule, notes aside). Every
other country has no host facts, so its timeline is the same for a person: the host ``*`` stands for all of them.

A change to the data or the rules that changes any answer, or the grounds of one, shows as a reviewable diff of
these files; ``tests/law/test_snapshot.py`` fails until they are regenerated and committed with the change.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from icc_rules import all_countries, shipped_data, timeline
from icc_rules.data.dataset import Dataset

SNAPSHOTS = Path(__file__).resolve().parent.parent / "tests" / "snapshots"


def host_codes(data: Dataset) -> tuple[list[str], str]:
    """The countries with host facts, and one country without any that stands for all the others."""
    others = [c.code for c in all_countries() if c.code not in data.host_codes]
    return sorted(data.host_codes), others[0]


def snapshots(data: Dataset) -> dict[str, list[str]]:
    """Each person's file name and lines: ``host<TAB>first day<TAB>verdict<TAB>grounds``."""
    hosts, representative = host_codes(data)
    made = {}
    for person in sorted(data.persons, key=lambda p: p.id):
        lines = [(f"# {person.name} ({person.id}): answers by host, dataset {data.info.version}, as of "
                 f"{data.info.as_of}"), "# host\tfrom\tverdict\tgrounds; host * = every country without host facts"]
        for host in [*hosts, representative]:
            for period in timeline(person, host, data=data):
                lines.append(f"{'*' if host == representative else host}\t{period.start}\t{period.verdict.value}\t"
                             f"{' '.join(period.rules)}")
        made[f"{person.id}.txt"] = lines
    return made


def differences(data: Dataset) -> list[str]:
    """The unified diff between the committed snapshot files and the current answers (empty if none)."""
    current = snapshots(data)
    committed = {path.name for path in SNAPSHOTS.glob("*.txt")}
    diff: list[str] = []
    for name in sorted(committed | set(current)):
        old = (SNAPSHOTS / name).read_text(encoding="utf-8").splitlines() if name in committed else []
        diff += difflib.unified_diff(old, current.get(name, []), f"committed/{name}", f"current/{name}", lineterm="",
                                     n=0)
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed snapshot; exit 1 on a diff")
    args = parser.parse_args()
    data = shipped_data()
    if args.check:
        diff = differences(data)
        print("\n".join(diff) if diff else "snapshot matches")
        return 1 if diff else 0
    current = snapshots(data)
    SNAPSHOTS.mkdir(exist_ok=True)
    for stale in SNAPSHOTS.glob("*.txt"):
        if stale.name not in current:
            stale.unlink()
    for name, lines in current.items():
        (SNAPSHOTS / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(current)} files, {sum(len(lines) - 2 for lines in current.values())} periods, to {SNAPSHOTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
