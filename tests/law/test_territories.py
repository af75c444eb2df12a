"""A dependent territory the data records nothing about is answered as a non-party, and the answer says that it
rests on the missing record (icc_rules.law.territories): the law decides it, the world view only names them."""

from __future__ import annotations

import dataclasses

from icc_rules import Verdict, world
from icc_rules.data import shipped
from icc_rules.law.territories import TERRITORIES_WARNING, rests_on_no_territory_record

DAY = "2024-09-03"


def test_a_territory_without_its_record_is_answered_as_a_non_party_and_said_to_rest_on_that() -> None:
    data = shipped()
    without = dataclasses.replace(data, territories=tuple(t for t in data.territories if t.code != "GUF"))
    view = world("putin", DAY, data=without)
    guiana = next(record for record in view.countries if record.country == "GUF")
    assert guiana.verdict is Verdict.NO_DUTY
    assert rests_on_no_territory_record(without, "GUF", Verdict.NO_DUTY)
    (warning,) = (w for w in view.warnings if w.startswith(TERRITORIES_WARNING))
    assert "(French Guiana)" in warning


def test_with_its_record_or_another_verdict_nothing_rests_on_an_absence() -> None:
    data = shipped()
    without = dataclasses.replace(data, territories=())
    assert not rests_on_no_territory_record(data, "GUF", Verdict.NO_DUTY)  # recorded: answered as France
    assert not rests_on_no_territory_record(without, "GUF", Verdict.NO_WARRANT)  # turns on the person alone
    assert not rests_on_no_territory_record(without, "MNG", Verdict.NO_DUTY)  # a state, not a territory
    assert not any(w.startswith(TERRITORIES_WARNING) for w in world("putin", DAY, data=data).warnings)
