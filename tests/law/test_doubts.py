"""Doubts that can change a verdict (issue 20): each fact an answer rests on that is not confirmed is taken away, or
given each other day the data records for it, and the rules run again. Only a doubt under which the verdict differs
is worth a warning."""

from __future__ import annotations

import textwrap
from pathlib import Path

from icc_rules import load_data, shipped_data
from icc_rules.law.days import day_number
from icc_rules.law.decide import decider_for
from icc_rules.law.doubts import changes, doubtful_facts, how_sure, warning
from icc_rules.law.verdicts import Verdict
from icc_rules.lookup.dates import to_date

DECIDER = decider_for(shipped_data())


def _doubts(person: str, host: str, day: str) -> tuple[Verdict, list[tuple[str, Verdict]]]:
    number = day_number(to_date(day))
    decision = DECIDER.decide(person, host, number)
    return decision.verdict, [(doubt.change, doubt.verdict) for doubt in changes(decision, number)]


def test_a_reported_revocation_of_a_withdrawal_can_change_the_verdict_to_a_residual_duty() -> None:
    # Hungary's revocation of its withdrawal (29 May 2026) is known from one third-party summary: without it, the
    # withdrawal took effect on 2 June 2026 and only the residual duty of article 127(2) remains.
    assert _doubts("putin", "HUN", "2026-07-01") == (Verdict.DUTY_TO_ARREST, [("absent", Verdict.RESIDUAL_DUTY)])
    # Before the withdrawal could have taken effect, the revocation changes nothing.
    assert _doubts("putin", "HUN", "2026-06-01") == (Verdict.DUTY_TO_ARREST, [])


def test_a_disputed_notification_day_of_a_withdrawal_revoked_in_time_changes_nothing() -> None:
    verdict, doubts = _doubts("putin", "ZAF", "2023-08-22")
    assert (verdict, doubts) == (Verdict.DUTY_TO_ARREST, [])
    decision = DECIDER.decide("putin", "ZAF", day_number(to_date("2023-08-22")))
    assert [fact.type for fact in doubtful_facts(decision)] == ["notice"]
    expected = ("Rests on a disputed fact that cannot change this verdict: South Africa: withdrawal notified "
                "2016-10-19, to take effect 2017-10-19.")
    assert how_sure(decision, ()) == (expected,)


def test_any_deposit_day_up_to_11_april_2002_gives_the_same_entry_into_force() -> None:
    # Estonia's deposit day rests on one secondary source; any day up to the sixtieth deposit gives 1 July 2002.
    assert _doubts("putin", "EST", "2024-09-03") == (Verdict.DUTY_TO_ARREST, [])
    assert _doubts("al-bashir", "EST", "2002-07-01") == (Verdict.NO_WARRANT, [])


def test_a_probable_record_with_no_recorded_alternative_is_tried_without_it() -> None:
    # The Gambia's treaty record rests on one reference table: without it, the Gambia would owe nothing.
    assert _doubts("putin", "GMB", "2024-09-03") == (Verdict.DUTY_TO_ARREST, [("absent", Verdict.NO_DUTY)])


def test_another_recorded_deposit_day_is_a_doubt_only_on_the_days_it_moves_the_entry_into_force(
        tmp_path: Path) -> None:
    file = tmp_path / "kazakhstan.toml"
    file.write_text(textwrap.dedent("""
        [[state]]
        code = "KAZ"
        name = "Kazakhstan"
        deposited = 2024-01-02
        instrument = "accession"
        in_force = 2024-04-01
        confidence = "disputed"
        note = "Two sources give two deposit days: 2 January and 3 June 2024; the first is followed."
        sources = [{ url = "https://example.org/kaz", title = "A made-up source for this test" }]
        verified_on = 2024-12-01

          [[state.alternative]]
          field = "deposited"
          values = [2024-06-03]
    """), encoding="utf-8")
    decider = decider_for(load_data(overlays=[file]))
    on = {day: decider.decide("putin", "KAZ", day_number(to_date(day))) for day in ("2024-05-01", "2024-10-01")}
    may = changes(on["2024-05-01"], day_number(to_date("2024-05-01")))
    # A deposit on 3 June 2024 brings the Statute into force on 1 September 2024 (art. 126(2)).
    assert [(d.field, d.change, d.verdict) for d in may] == [("deposited", "2024-09-01", Verdict.NO_DUTY)]
    assert warning(may[0], on["2024-05-01"].verdict).startswith(
        'If the disputed fact "Kazakhstan: treaty record (instrument deposited 2024-01-02)" held with another deposit '
        "day its sources allow, so that the Statute entered into force on 2024-09-01, the answer would be: ")
    assert changes(on["2024-10-01"], day_number(to_date("2024-10-01"))) == ()
