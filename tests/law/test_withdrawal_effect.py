"""Article 127(1): a notified withdrawal not revoked in time takes effect on its own, one year on."""

from __future__ import annotations

from pathlib import Path

from helpers import what_if_state

from icc_rules import assess, load_data

NOTICE_ONLY = what_if_state("ARM", "Armenia", "2023-11-14", "2024-02-01", """
    kind = "withdrawal_notified"
    date = 2026-01-15
    takes_effect = 2027-01-15
    sources = [{ url = "https://example.org/armenia-notice", title = "What-if notification" }]
""")


def test_a_notified_withdrawal_takes_effect_without_a_recorded_effect(tmp_path: Path) -> None:
    path = tmp_path / "notice.toml"
    path.write_text(NOTICE_ONLY, encoding="utf-8")
    data = load_data(overlays=[path])
    pending = assess("Putin", "Armenia", "2027-01-14", data=data)
    assert pending.verdict.value == "duty_to_arrest" and "status.withdrawal_pending" in pending.rules
    effective = assess("Putin", "Armenia", "2027-01-15", data=data)
    # Still bound for the Ukraine situation: its investigation began in 2022, while Armenia was a party.
    assert effective.verdict.value == "residual_duty"
    assert "status.withdrawal_took_effect" in effective.rules and "duty.residual" in effective.rules


def test_a_revoked_notification_never_takes_effect() -> None:
    answer = assess("Netanyahu", "Hungary", "2026-06-02")
    assert "status.party" in answer.rules and "status.withdrawal_took_effect" not in answer.rules
