"""``icc-rules data diff OLD NEW`` and :func:`icc_rules.views.diff.diff`: the runs of days whose verdict differs
between two datasets, with the facts behind them; the rules are asked only where the facts differ, and that
shortcut never hides a change."""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from icc_rules import Verdict, load_data, shipped_data
from icc_rules.cli import EXIT_DATA, EXIT_INPUT, EXIT_OK, main
from icc_rules.data.countries import all_countries
from icc_rules.data.loading import DATA_DIR
from icc_rules.views.diff import diff
from icc_rules.views.timeline import timeline

SOURCE = 'sources = [{ url = "https://example.org/what-if", title = "A what-if" }]'

#: A made-up person with a made-up warrant of March 2026.
NEW_PERSON = f"""
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

#: A made-up withdrawal: Mongolia notifies in June 2024 and leaves a year later.
LEAVING = f"""
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


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_data_changes_nothing() -> None:
    found = diff(shipped_data(), load_data())
    assert found.differences == () and found.pairs_compared == 0
    assert found.start == datetime.date(2002, 7, 1) and found.end == shipped_data().info.as_of


def test_a_new_person_is_a_change_in_every_country(tmp_path: Path) -> None:
    new = load_data(overlays=[_write(tmp_path / "jane.toml", NEW_PERSON)])
    found = diff(shipped_data(), new, "2026-01-01")
    assert found.persons_added == ("jane-example",) and found.persons_removed == ()
    jane = [d for d in found.differences if d.person == "jane-example"]
    assert len({d.country for d in jane}) == len(all_countries())
    ukraine = next(d for d in jane if d.country == "UKR")
    assert (ukraine.start, ukraine.old, ukraine.new) == (datetime.date(2026, 1, 1), None, Verdict.NO_WARRANT)
    issued = next(d for d in jane if d.country == "UKR" and d.start == datetime.date(2026, 3, 1))
    assert issued.new == Verdict.DUTY_TO_ARREST and issued.new_facts == "arrest warrant jane-example-2026 issued"
    removed = diff(new, shipped_data(), "2026-01-01")
    assert removed.persons_removed == ("jane-example",)
    assert {(d.old, d.new) for d in removed.differences} == {(d.new, d.old) for d in found.differences}


def test_a_withdrawal_changes_the_host_for_every_wanted_person(tmp_path: Path) -> None:
    new = load_data(overlays=[_write(tmp_path / "leaving.toml", LEAVING)])
    found = diff(shipped_data(), new, "2025-01-01", "2025-12-31")
    assert found.pairs_compared == len(shipped_data().persons)  # one host's facts differ: only its pairs are asked
    assert {d.country for d in found.differences} == {"MNG"}
    putin = next(d for d in found.differences if d.person == "putin")
    assert (putin.start, putin.end, putin.old, putin.new) == (
        datetime.date(2025, 6, 3), datetime.date(2025, 12, 31), Verdict.DUTY_TO_ARREST, Verdict.RESIDUAL_DUTY)
    assert "withdrawal" in (putin.new_facts or "") and putin.old_facts is None
    # Every verdict is the rules': each side of each run agrees with that dataset's own timeline.
    for change in found.differences[:10]:
        for data, verdict in ((shipped_data(), change.old), (new, change.new)):
            days = timeline(change.person, change.country, change.start, change.end, data=data)
            assert [p.verdict for p in days] == [verdict]


def test_the_shortcut_hides_no_change(tmp_path: Path) -> None:
    """The pairs the rules are not asked about have the same timeline in both datasets (a sample of them)."""
    new = load_data(overlays=[_write(tmp_path / "both.toml", LEAVING + NEW_PERSON)])
    found = diff(shipped_data(), new, "2023-01-01")
    asked = {(d.person, d.country) for d in found.differences}
    assert found.pairs_compared == len(shipped_data().persons) + len(all_countries())  # Mongolia, and Jane anywhere
    skipped = [(p.id, c.code) for p in shipped_data().persons for c in all_countries()
               if c.code != "MNG" and (p.id, c.code) not in asked]
    for person, country in random.Random(21).sample(skipped, 150):
        before = timeline(person, country, "2023-01-01", data=shipped_data())
        after = timeline(person, country, "2023-01-01", data=new)
        assert [(p.start, p.end, p.verdict) for p in before] == [(p.start, p.end, p.verdict) for p in after]


def test_the_days_can_be_limited(tmp_path: Path) -> None:
    new = load_data(overlays=[_write(tmp_path / "leaving.toml", LEAVING)])
    assert diff(shipped_data(), new, "2002-07-01", "2025-06-02").differences == ()
    with pytest.raises(ValueError, match="the start 2025-06-03 is after the end 2025-06-02"):
        diff(shipped_data(), new, "2025-06-03", "2025-06-02")


def test_the_cli_compares_shipped_folders_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leaving = _write(tmp_path / "leaving.toml", LEAVING)
    assert main(["data", "diff", "shipped", str(leaving), "--from", "2025-01-01", "--to", "2025-12-31"]) == EXIT_OK
    text = capsys.readouterr().out
    assert re.match(r"\d+ change\(s\) in \d+ \(person, country\) pair\(s\) ", text)
    assert f"between shipped and {leaving} from 2025-01-01 to 2025-12-31" in text
    assert "  Mongolia\n    2025-06-03 to 2025-12-31: duty_to_arrest -> residual_duty" in text
    folder = tmp_path / "copy"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    assert main(["data", "diff", str(folder), "shipped", "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert found["differences"] == [] and found["old"] == str(folder) and found["pairs_compared"] == 0
    assert found["new_dataset"]["in_words"] == shipped_data().info.in_words


def test_the_cli_json_lists_each_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leaving = _write(tmp_path / "leaving.toml", LEAVING)
    assert main(["data", "diff", "shipped", str(leaving), "--from", "2025-01-01", "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    putin = next(d for d in found["differences"] if d["person"] == "putin")
    assert putin["start"] == "2025-06-03" and putin["old"] == "duty_to_arrest" and putin["new"] == "residual_duty"
    assert putin["days"] == (datetime.date.fromisoformat(found["end"]) - datetime.date(2025, 6, 3)).days + 1


def test_the_cli_refuses_data_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leaving = _write(tmp_path / "leaving.toml", LEAVING)
    assert main(["data", "diff", "shipped", "shipped", "--data", str(leaving)]) == EXIT_INPUT
    assert "give your files as OLD or NEW, not with --data" in capsys.readouterr().err
    assert main(["data", "diff", "shipped", str(tmp_path / "none.toml")]) == EXIT_DATA
    assert "cannot read the data file" in capsys.readouterr().err
    assert main(["data", "diff", "shipped", "shipped", "--from", "2025-02-01", "--to", "2025-01-01"]) == EXIT_INPUT
