"""Which persons and hosts two datasets tell the rules different things about.

The rules decide a person in a host from two sets of facts only: the host's (:func:`~icc_rules.law.facts.host_facts`)
and the person's (:func:`~icc_rules.law.facts.person_facts`). Where both sets are the same in two datasets, field by
field as the engine sees them, the rules cannot answer differently: so a comparison of two datasets' answers
(:mod:`icc_rules.views.diff`) needs to ask the rules only about the persons and hosts listed here. Nothing is decided
here; the facts are compared as they are.

>>> from icc_rules import load_data, shipped_data
>>> same = inputs_differ(shipped_data(), load_data())
>>> same.persons, same.hosts
(frozenset(), frozenset())
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..data.countries import all_countries
from ..data.dataset import Dataset
from ..law.facts import Fact, host_facts, person_facts

__all__ = ["Differing", "inputs_differ"]


@dataclass(frozen=True)
class Differing:
    """The ids of the persons (in either dataset) and the alpha-3 codes of the hosts whose facts differ between two
    datasets; a person in one dataset only differs."""

    persons: frozenset[str]
    hosts: frozenset[str]


def _seen(facts: Iterable[Fact]) -> list[tuple[str, dict[str, Any]]]:
    """The facts as the engine sees them: their types and fields (ids are positions, so the order counts too)."""
    return [(fact.type, fact.engine_fields()) for fact in facts]


def inputs_differ(old: Dataset, new: Dataset) -> Differing:
    """The persons and hosts whose facts, as the rules see them, differ between ``old`` and ``new``."""
    old_ids, new_ids = {p.id for p in old.persons}, {p.id for p in new.persons}
    persons = {pid for pid in old_ids ^ new_ids}
    persons |= {pid for pid in old_ids & new_ids if _seen(person_facts(old, pid)) != _seen(person_facts(new, pid))}
    hosts = {c.code for c in all_countries() if _seen(host_facts(old, c.code)) != _seen(host_facts(new, c.code))}
    return Differing(frozenset(persons), frozenset(hosts))
