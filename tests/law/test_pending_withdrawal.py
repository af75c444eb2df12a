"""A withdrawal notified but not yet in effect is shown, with the day it takes effect: in the answer, the States
Parties, the world, timelines and the next change. The made-up world: a user's file in which Armenia notifies its
withdrawal on 1 July 2026, known only from press reports (``reported``), to take effect on 1 July 2027."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from helpers import DataFile, what_if_state

from icc_rules import assess, decide, load_data, next_change, timeline, world
from icc_rules.cli import EXIT_OK, main
from icc_rules.data.dataset import Dataset
from icc_rules.views.states import parties_on

NOTIFIED, TAKES_EFFECT = datetime.date(2026, 7, 1), datetime.date(2027, 7, 1)
BEFORE, AFTER = TAKES_EFFECT - datetime.timedelta(days=1), TAKES_EFFECT

ARMENIA_NOTIFIES = what_if_state("ARM", "Armenia", "2023-11-14", "2024-02-01", """
    kind = "withdrawal_notified"
    date = 2026-07-01
    takes_effect = 2027-07-01
    sources = [{ url = "https://example.org/armenia-notifies", title = "What-if: a newspaper says Armenia notified" }]
    confidence = "reported"
    note = "A what-if: known only from a newspaper, not from the depositary."
""")

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def notified_file(data_file: DataFile) -> Path:
    return data_file("armenia-notifies.toml", ARMENIA_NOTIFIES)


@pytest.fixture
def notified(notified_file: Path) -> Dataset:
    return load_data(overlays=[notified_file])


def test_the_answer_before_the_effect_says_when_the_withdrawal_was_notified_and_takes_effect(notified: Dataset
                                                                                            ) -> None:
    answer = assess("Putin", "Armenia", BEFORE, data=notified)
    assert answer.verdict.value == "duty_to_arrest"
    [pending] = answer.pending_withdrawals
    assert (pending.state, pending.notified, pending.takes_effect, pending.confidence) == (
        "ARM", NOTIFIED, TAKES_EFFECT, "reported")
    assert ("pending for Armenia: withdrawal notified on 2026-07-01 (reported), takes effect on 2027-07-01 unless "
            "revoked") in answer.explain().splitlines()[2]
    assert "status.withdrawal_pending" in answer.rules
    assert not assess("Putin", "Armenia", AFTER, data=notified).pending_withdrawals
    assert not assess("Putin", "Armenia", NOTIFIED - datetime.timedelta(days=1), data=notified).pending_withdrawals


def test_a_reported_notification_warns_only_from_the_day_it_would_change_the_verdict(notified: Dataset) -> None:
    # Before it takes effect, the notification changes nothing (Armenia is a party either way): a quiet line.
    before = decide("Putin", "Armenia", BEFORE, data=notified)
    assert before.doubts(BEFORE) == ()
    answer = assess("Putin", "Armenia", BEFORE, data=notified)
    assert not any("Armenia: withdrawal notified" in warning for warning in answer.warnings)
    assert any("Armenia: withdrawal notified 2026-07-01" in line for line in answer.how_sure)
    # From the day it takes effect, the verdict rests on it: without it Armenia would still be a party.
    after = decide("Putin", "Armenia", AFTER, data=notified)
    assert after.verdict.value == "residual_duty"
    assert [(doubt.change, doubt.verdict.value) for doubt in after.doubts(AFTER)] == [("absent", "duty_to_arrest")]
    assert any(warning.startswith('If the reported fact "Armenia: withdrawal notified 2026-07-01')
               for warning in assess("Putin", "Armenia", AFTER, data=notified).warnings)


def test_the_states_view_lists_the_pending_withdrawal_with_its_effect_date(notified: Dataset) -> None:
    armenia = next(party for party in parties_on(BEFORE, data=notified).parties if party.code == "ARM")
    assert [(p.notified, p.takes_effect) for p in armenia.pending_withdrawals] == [(NOTIFIED, TAKES_EFFECT)]
    assert "ARM" not in {party.code for party in parties_on(AFTER, data=notified).parties}
    plain = next(party for party in parties_on(BEFORE).parties if party.code == "ARM")
    assert plain.pending_withdrawals == ()


def test_the_states_command_shows_the_effect_date(notified_file: Path, capsys: Capture) -> None:
    assert main(["states", "--on", str(BEFORE), "--data", str(notified_file)]) == EXIT_OK
    line = next(line for line in capsys.readouterr().out.splitlines() if "Armenia" in line)
    assert line.endswith("(withdrawal notified on 2026-07-01 (reported), takes effect on 2027-07-01 unless revoked)")
    assert main(["states", "--on", str(BEFORE), "--data", str(notified_file), "--json"]) == EXIT_OK
    parties = json.loads(capsys.readouterr().out)["parties"]
    armenia = next(party for party in parties if party["code"] == "ARM")
    assert armenia["pending_withdrawals"][0]["takes_effect"] == "2027-07-01"


def test_the_world_view_shows_the_pending_withdrawal(notified: Dataset) -> None:
    view = world("Putin", BEFORE, data=notified)
    armenia = next(record for record in view.countries if record.country == "ARM")
    assert (armenia.withdrawal_notified, armenia.withdrawal_takes_effect) == (NOTIFIED, TAKES_EFFECT)
    assert [record.country for record in view.pending] == ["ARM"]
    assert "  Armenia: withdrawal notified on 2026-07-01, takes effect on 2027-07-01" in view.table().splitlines()
    assert not world("Putin", AFTER, data=notified).pending


def test_next_change_names_the_day_the_withdrawal_takes_effect(notified: Dataset) -> None:
    change = next_change("Putin", "Armenia", NOTIFIED, data=notified)
    assert change is not None
    assert (change.date, change.before.value, change.after.value) == (TAKES_EFFECT, "duty_to_arrest", "residual_duty")
    assert "Armenia" in change.event and "status.withdrawal_took_effect" in change.rules


def test_timelines_show_what_is_pending_at_the_end_of_a_period(notified: Dataset, notified_file: Path,
                                                                capsys: Capture) -> None:
    to_the_end = timeline("Putin", "Armenia", "2026-01-01", BEFORE, data=notified)
    assert [p.takes_effect for p in to_the_end[-1].pending_withdrawals] == [TAKES_EFFECT]
    across = timeline("Putin", "Armenia", "2026-01-01", "2027-12-31", data=notified)
    assert [(p.end, p.verdict.value) for p in across] == [(BEFORE, "duty_to_arrest"),
                                                         (datetime.date(2027, 12, 31), "residual_duty")]
    assert [p.takes_effect for p in across[0].pending_withdrawals] == [TAKES_EFFECT]
    assert across[1].pending_withdrawals == ()
    assert main(["timeline", "putin", "ARM", "--from", "2026-01-01", "--to", str(BEFORE), "--data",
                 str(notified_file)]) == EXIT_OK
    assert ("pending on 2027-06-30: Armenia's withdrawal notified on 2026-07-01 (reported), takes effect on "
            "2027-07-01 unless revoked") in capsys.readouterr().out.splitlines()
