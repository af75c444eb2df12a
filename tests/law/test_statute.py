"""Article 126 and 127(1) date arithmetic, checked against the dates the depositary published."""

from __future__ import annotations

import datetime

import pytest

from icc_rules.law.statute import entry_into_force, withdrawal_takes_effect

D = datetime.date


@pytest.mark.parametrize(("deposited", "in_force"), [
    (D(2002, 4, 11), D(2002, 7, 1)),    # the sixtieth instrument day: art. 126(1)
    (D(2002, 4, 12), D(2002, 7, 1)),    # sixtieth day after deposit is 11 June: first of July
    (D(2002, 5, 15), D(2002, 8, 1)),    # Greece
    (D(2023, 11, 14), D(2024, 2, 1)),   # Armenia
    (D(2024, 10, 25), D(2025, 1, 1)),   # Ukraine: the month after December rolls the year
    (D(2015, 1, 2), D(2015, 4, 1)),     # Palestine
    (D(2023, 10, 31), D(2024, 1, 1)),   # 60th day is 30 December
    (D(2023, 11, 1), D(2024, 1, 1)),    # 60th day is 31 December
    (D(2023, 11, 2), D(2024, 2, 1)),    # 60th day is 1 January
])
def test_entry_into_force_under_article_126(deposited: datetime.date, in_force: datetime.date) -> None:
    assert entry_into_force(deposited) == in_force


def test_withdrawal_takes_effect_one_year_after_notification_or_later_if_stated() -> None:
    assert withdrawal_takes_effect(D(2016, 10, 27)) == D(2017, 10, 27)      # Burundi
    assert withdrawal_takes_effect(D(2018, 3, 17)) == D(2019, 3, 17)       # the Philippines
    assert withdrawal_takes_effect(D(2025, 6, 2)) == D(2026, 6, 2)         # Hungary (revoked)
    assert withdrawal_takes_effect(D(2016, 10, 19), D(2017, 10, 19)) == D(2017, 10, 19)
    assert withdrawal_takes_effect(D(2016, 10, 19), D(2018, 1, 1)) == D(2018, 1, 1)
