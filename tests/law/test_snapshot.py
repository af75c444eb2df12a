"""The golden snapshot: every person's timeline in every country the data knows as a host, with the grounds of
each period, as committed (one file per person in ``tests/snapshots/``).

A change to the data or the rules that changes any answer, or its grounds, fails here until
``python scripts/snapshot.py`` rewrites the files and the new answers are reviewed and committed with the change.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from icc_rules import shipped_data
from icc_rules.law.decide import decider_for

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "snapshot.py"


def _snapshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icc_rules_snapshot_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SNAPSHOT_SCRIPT = _snapshot_script()


def test_the_answers_are_those_of_the_committed_snapshot() -> None:
    diff = SNAPSHOT_SCRIPT.differences(shipped_data())
    assert not diff, ("the answers changed; review them and run `python scripts/snapshot.py` to update the "
                      "snapshot:\n" + "\n".join(diff[:60]))


def test_the_country_that_stands_for_all_others_has_no_host_facts() -> None:
    data = shipped_data()
    hosts, representative = SNAPSHOT_SCRIPT.host_codes(data)
    assert representative not in hosts
    for person in data.persons:
        kinds = {fact.type for fact in decider_for(data).pair(person.id, representative).facts}
        assert kinds <= {"statute", "host", "person", "warrant", "warrant_event", "office", "custody", "situation"}, \
            (person.id, kinds)
