"""The data agrees with the figures the ICC, the UN and others published (data/published_counts.toml)."""

from __future__ import annotations

import pytest

from icc_rules import shipped_data
from icc_rules.data.published import PublishedCount, published_counts
from icc_rules.views.counts import count as count_in_data

COUNTS = published_counts()


@pytest.mark.parametrize("count", COUNTS, ids=[count.id for count in COUNTS])
def test_the_data_gives_the_published_figure(count: PublishedCount) -> None:
    computed = count_in_data(count.what, count.date, data=shipped_data())
    if computed is None:
        pytest.skip(f"{count.what} is not modelled by the data (context only)")
    assert computed - count.value == count.expected_difference, (
        f"{count.id}: published {count.value} on {count.date}, the data gives {computed}; "
        f"expected difference {count.expected_difference} ({count.note})"
    )


def test_every_known_difference_is_explained() -> None:
    for count in COUNTS:
        if count.expected_difference:
            assert count.note and count.confidence != "confirmed", count.id


def test_the_milestones_the_dataset_issue_names_are_published_counts() -> None:
    milestones = {(c.what, c.date.isoformat(), c.value) for c in COUNTS}
    assert ("instruments_deposited", "2002-04-11", 66) in milestones  # the sixtieth instrument day
    assert ("states_parties", "2025-01-01", 125) in milestones        # Ukraine
    assert ("states_parties", "2015-04-01", 123) in milestones        # Palestine
