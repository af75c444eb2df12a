"""Every rule on made-up facts, on both sides of each boundary it compares: the cases of cases/rule_cases.toml.

In the manner of openfisca's YAML tests and python-holidays' boundary tests, the cases are data a lawyer can read
without reading Python: each names the rule, the made-up world (a state, a person, a warrant ...), the boundary
(the fact field whose date it is, and the day), and what must hold on the days asked. This file only runs them, and
holds the file of cases to account:

* every rule id has, for each fact field it compares with the day asked about (``Rule.compares``), a case that asks
  the day before the boundary and the day of it, and the rule fires on exactly one of the two;
* where the records can never put a rule on one side of a boundary it compares, a case asks both sides and says
  why (``one_sided``);
* a rule that compares no date (a duty, a verdict, an exposure) has a case where it fires and one where it does not;
* the boundary a case names is really there: a fact of that type in the made-up world has that date (or, for a rule
  whose test changes a day later, "on or after" and "before", the day before);
* each made-up world is a valid dataset, checked as the loader would.

The records are written as in the data files, less what every record needs and a rule never reads (sources, the day
they were checked, a state's name); the runner adds those.
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from icc_rules import RULES, Verdict, decide
from icc_rules.data.dataset import Dataset
from icc_rules.data.models import DatasetInfo, Declaration, Person, Referral, Situation, State, Territory
from icc_rules.data.validate import check
from icc_rules.law.days import day_number
from icc_rules.law.facts import host_facts, person_facts
from icc_rules.law.rules import COMPARED
from icc_rules.law.schema import FACT_TYPES

FILE = Path(__file__).parents[1] / "cases" / "rule_cases.toml"
CASES: list[dict[str, Any]] = tomllib.loads(FILE.read_text(encoding="utf-8"))["case"]

DAY = datetime.timedelta(days=1)
SOURCES = ({"url": "https://example.org/made-up", "title": "A made-up fact for a test", "kind": "primary"},)
CHECKED = datetime.date(2030, 1, 1)
#: The person every case asks about, and what the person has unless the case says otherwise.
PERSON = {"id": "someone", "name": "Some One", "warrant": [{}]}
WARRANT = {"id": "w-1", "situation": "SIT", "kind": "warrant", "issued": datetime.date(2012, 5, 1)}
#: The one situation of every made-up world; ``opened`` in a case sets the day its investigation opened.
OPENED = datetime.date(2011, 1, 1)
#: Comparisons that change the day after the date they compare ("the day is before it", "on or after it").
A_DAY_LATER = {(fact_type, name) for fact_type, name, op in COMPARED if op in ("$lt", "$gte")}


def _sourced(record: Mapping[str, Any], **defaults: Any) -> dict[str, Any]:
    return {"sources": SOURCES, **defaults, **record}


def _state(record: Mapping[str, Any]) -> State:
    in_force = record.get("in_force")
    defaults = {"name": f"State {record['code']}", "instrument": "ratification", "verified_on": CHECKED,
                "deposited": in_force - 60 * DAY if in_force else None}
    changes = [_sourced(change) for change in record.get("change", ())]
    return State.model_validate(_sourced({**record, "change": changes}, **defaults))


def _person(record: Mapping[str, Any]) -> Person:
    record = {**PERSON, **record}
    warrants = [_sourced({**WARRANT, **warrant, "event": [_sourced(event) for event in warrant.get("event", ())]})
                for warrant in record["warrant"]]
    nested = {name: [_sourced(item) for item in record.get(name, ())] for name in ("custody", "office")}
    if "died" in record:  # a death carries its own sources
        nested["died_sources"] = list(SOURCES)
    return Person.model_validate(_sourced({**record, "warrant": warrants, **nested}, verified_on=CHECKED))


def world(case: Mapping[str, Any]) -> Dataset:
    """The case's made-up world: its records, one person (``someone``) and one situation (``SIT``), checked as the
    loader would check them."""
    opened = case.get("opened", OPENED)
    situation = Situation.model_validate(_sourced({
        "id": "SIT", "name": "Situation in a made-up place", "trigger": "proprio_motu", "verified_on": CHECKED,
        "investigation_opened": opened or None}))
    data = Dataset(
        info=DatasetInfo(version="test", as_of=CHECKED), situations=(situation,),
        states=tuple(_state(record) for record in case.get("states", ())),
        persons=(_person(case.get("person", {})),),
        territories=tuple(Territory.model_validate(_sourced(record, verified_on=CHECKED))
                          for record in case.get("territories", ())),
        declarations=tuple(Declaration.model_validate(_sourced(record, verified_on=CHECKED))
                           for record in case.get("declarations", ())),
        referrals=tuple(Referral.model_validate(_sourced(record, verified_on=CHECKED))
                        for record in case.get("referrals", ())),
    )
    problems = list(check(data))
    assert not problems, problems
    return data


def _boundary_is_there(case: Mapping[str, Any], data: Dataset) -> None:
    fact_type, _, name = case["boundary"].partition(".")
    assert FACT_TYPES.get(fact_type, None) and FACT_TYPES[fact_type].fields.get(name) == "date", \
        f"{case['boundary']} is no date field of a fact"
    day: datetime.date = case["day"]
    wanted = {day_number(day)} | ({day_number(day - DAY)} if (fact_type, name) in A_DAY_LATER else set())
    hosts = {ask.get("host", case["host"]) for ask in case["ask"]}
    facts = [*person_facts(data, "someone"), *(fact for host in hosts for fact in host_facts(data, host))]
    dates = sorted({fact.fields[name] for fact in facts if fact.type == fact_type})
    assert wanted & set(dates), f"no {case['boundary']} of the made-up world is on {day} (there are {dates})"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_rule_case(case: dict[str, Any]) -> None:
    data = world(case)
    if "boundary" in case:
        _boundary_is_there(case, data)
    for ask in case["ask"]:
        decision = decide("someone", ask.get("host", case["host"]), ask["day"], presence=ask.get("presence", "visit"),
                          data=data)
        where = f"{ask}: fired {list(decision.rules)}, verdict {decision.verdict.value}"
        assert (case["rule"] in decision.rules) is ask["fires"], where
        assert set(ask.get("also", ())) <= set(decision.rules), where
        assert not set(ask.get("never", ())) & set(decision.rules), where
        if "verdict" in ask:
            assert decision.verdict is Verdict(ask["verdict"]), where
        if "exposure" in ask:
            assert decision.exposure == ask["exposure"], where


def _sides(case: Mapping[str, Any]) -> bool:
    """Whether the case asks on both sides of its boundary (the day before it and the day of it, same host, same
    presence) and the rule fires on exactly one, or says why it cannot (``one_sided``); for a case without a date
    boundary, whether the rule fires on one question and not on another."""
    if "boundary" not in case:
        return {ask["fires"] for ask in case["ask"]} == {True, False}
    fired: dict[tuple[str, str], dict[datetime.date, bool]] = {}
    for ask in case["ask"]:
        fired.setdefault((ask.get("host", case["host"]), ask.get("presence", "visit")), {})[ask["day"]] = ask["fires"]
    day = case["day"]
    return any(day in days and day - DAY in days and (days[day] != days[day - DAY] or "one_sided" in case)
               for days in fired.values())


def test_every_rule_is_tested_on_both_sides_of_each_boundary_it_compares() -> None:
    missing = []
    for rule in RULES:
        cases = [case for case in CASES if case["rule"] == rule.id and _sides(case)]
        for compared in rule.compares:
            if not any(case.get("boundary") == compared for case in cases):
                missing.append(f"{rule.id}: {compared}")
        if not rule.compares and not cases:
            missing.append(f"{rule.id}: a case where it fires and one where it does not")
    assert not missing, f"{FILE.name} lacks cases on both sides of:\n" + "\n".join(missing)


def test_every_case_names_a_rule_and_asks_something() -> None:
    ids = {rule.id for rule in RULES}
    names = [case["name"] for case in CASES]
    assert len(set(names)) == len(names), "two cases have one name"
    for case in CASES:
        assert case["rule"] in ids, case["name"]
        assert case["ask"] and all("fires" in ask for ask in case["ask"]), case["name"]
        assert ("boundary" in case) == ("day" in case), f"{case['name']}: a boundary is a field and its day"
        others = {other for ask in case["ask"] for other in (*ask.get("also", ()), *ask.get("never", ()))}
        assert others <= ids, f"{case['name']}: no such rules {sorted(others - ids)}"
