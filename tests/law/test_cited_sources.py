"""A reason cites only the sources that bear on what its rule read.

Whether a warrant is in force rests on the warrant (issued, not ended) and on whether the person had died: it cites
the warrant's sources and, for a person who died, the pages that report the death (``died_sources``). A biography, a
profile or an encyclopedia page about the person (the person's own ``sources``) bears on neither, and is never cited
there; nor under the death of a person, which cites the death's own sources.
"""

from __future__ import annotations

import datetime

import pytest

from icc_rules import assess, shipped_data
from icc_rules.data.models import Person, Warrant

DATA = shipped_data()
#: A host that is no party and bound by no referral: the warrant's reasons are there whatever the host.
HOST = "RUS"
WARRANTS = [(person, warrant) for person, warrant in DATA.warrants() if warrant.kind == "warrant"]


def _urls(*groups: tuple[object, ...]) -> set[str]:
    return {source.url for group in groups for source in group}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("person", "warrant"), WARRANTS, ids=[warrant.id for _, warrant in WARRANTS])
def test_warrant_in_force_cites_the_warrant_and_the_death_only(person: Person, warrant: Warrant) -> None:
    if person.died is not None and person.died <= warrant.issued:
        pytest.skip("issued after the death: the warrant is never in force")
    answer = assess(person.id, HOST, warrant.issued)
    reason = next(r for r in answer.reasons if r.rule == "warrant.in_force" and warrant.id in r.text)
    allowed = _urls(warrant.sources, person.died_sources)
    cited = _urls(reason.sources)
    assert cited <= allowed, (f"{person.id}: sources cited under warrant.in_force that bear on neither the warrant "
                              f"nor a death: {sorted(cited - allowed)}")
    profile = _urls(person.sources) - allowed
    assert not cited & profile


@pytest.mark.parametrize("person", [p for p in DATA.persons if p.died is not None], ids=lambda p: p.id)
def test_a_death_cites_its_own_sources(person: Person) -> None:
    assert person.died is not None
    day = person.died + datetime.timedelta(days=1)
    reasons = [r for r in assess(person.id, HOST, day).reasons if r.rule == "warrant.person_deceased"]
    for reason in reasons:
        death = next(fact for fact in reason.facts if fact.description.endswith(f"died {person.died}"))
        assert _urls(death.sources) == _urls(person.died_sources)


def test_a_living_person_s_identity_is_cited_nowhere() -> None:
    putin = DATA.person("putin")
    biography = "http://archive.premier.gov.ru/eng/premier/biography/print/"
    assert biography in _urls(putin.sources)
    answer = assess("putin", "MNG", datetime.date(2024, 9, 3))
    assert all(not fact.description.endswith(": identity") for reason in answer.reasons for fact in reason.facts)
    assert biography not in _urls(*(reason.sources for reason in answer.reasons if reason.rule == "warrant.in_force"))
