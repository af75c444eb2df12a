"""The design's guarantees: the rule set refuses what would make kept answers wrong, verdicts have one order, one
question gets one answer in every view, and a dropped dataset is freed."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import gc
import pickle
import weakref
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest
from pydantic import BaseModel, ValidationError

from icc_rules import (
    RULES,
    EngineError,
    Verdict,
    assess,
    check_itinerary,
    decide,
    hosts,
    load_data,
    parties_on,
    shipped_data,
    spans,
    state_status,
    timeline,
    wanted_in,
    world,
)
from icc_rules.cli import main
from icc_rules.law.vocabulary import Absent, Derive, Match, Rule, after_day, check_rules, same

# --- The rule set refuses rules that would make kept answers wrong ---------------------------------------------------


def _with(rule: Rule) -> None:
    check_rules((*RULES, rule))


def _note(*when: Match, compares: tuple[str, ...] = ()) -> Rule:
    return Rule(id="note.mutant", kind="note", stage=1, legal_basis="none", text="a mutant", when=when,
                compares=compares)


def test_the_shipped_rule_set_passes_its_own_checks() -> None:
    assert check_rules(RULES)


@pytest.mark.parametrize(("rule", "message"), [
    (_note(Match("m", "membership", {"$lte": {"in_force": 20240501}})), "literal 20240501"),
    (_note(Match("m", "membership", after_day("in_force"))), "declares \\[\\]"),
    (_note(Match("m", "membership"), compares=("membership.in_force",)), "declares \\['membership.in_force'\\]"),
    (_note(Match("m", "membership", {"$lte": {"in_force": {"$add": {"$l": {"q": "date"}, "$r": 1}}}})),
     "compares membership.in_force with|refers to"),
    (_note(Match("m", "membership", {"state": "HUN"})), "against a literal"),
    (_note(Match("m", "membership", {"$or": [{"state": {"h": "code"}}, {"state": {"h": "code"}}]}),
           Match("h", "host")), "\\$or may only hold"),
    (_note(Match("m", "membership", {"nonsense": 1})), "no field 'nonsense'"),
    (_note(Match("m", "membership", {"$mul": {"in_force": 2}})), "only equality, order and \\$neq"),
    (Rule(id="note.mutant", kind="note", stage=2, legal_basis="none", text="x",
          when=(Match("w", "wanted"), Absent("d", "duty", same("warrant", "w")))), "absence of duty facts"),
    (Rule(id="note.mutant", kind="note", stage=1, legal_basis="none", text="{m.nothing}",
          when=(Match("m", "membership"),)), "names \\{m.nothing\\}"),
    (Rule(id="duty.mutant", kind="derivation", stage=2, legal_basis="none", text="x", when=(Match("w", "wanted"),),
          derives=Derive("duty", {"warrant": "w.situation", "extra": "w.warrant"})), "carry"),
])
def test_a_rule_that_could_make_a_kept_answer_wrong_is_refused(rule: Rule, message: str) -> None:
    with pytest.raises(EngineError, match=message):
        _with(rule)


# --- One order of verdicts -------------------------------------------------------------------------------------------


def test_every_comparison_of_verdicts_follows_one_order_strongest_first() -> None:
    ordered = list(Verdict)
    assert min(Verdict) is Verdict.IN_CUSTODY and max(Verdict) is Verdict.NO_WARRANT
    assert sorted(ordered, reverse=True)[::-1] == ordered == sorted(set(ordered))
    for stronger_index, stronger in enumerate(ordered):
        for weaker in ordered[stronger_index + 1:]:
            assert stronger < weaker and weaker > stronger and stronger <= weaker and weaker >= stronger
            assert not stronger > weaker and not weaker < stronger
            assert min(stronger, weaker) is stronger and max(stronger, weaker) is weaker


def test_the_verdict_rules_are_made_from_the_verdict_table_in_its_order() -> None:
    verdict_rules = [rule for rule in RULES if rule.kind == "verdict"]
    assert [rule.verdict for rule in verdict_rules] == list(Verdict)
    assert [rule.priority for rule in verdict_rules] == [verdict.rank + 1 for verdict in Verdict]
    assert [rule.legal_basis for rule in verdict_rules] == [verdict.meaning.legal_basis for verdict in Verdict]


# --- One question, one answer in every view --------------------------------------------------------------------------

HUNGARY_LEAVES = """
[[state]]
code = "HUN"
name = "Hungary"
deposited = 2001-11-30
instrument = "ratification"
in_force = 2002-07-01
sources = [{ url = "https://example.org/what-if", title = "What if Hungary never revoked its notice", kind = "primary" }]
verified_on = 2026-11-28
confidence = "reported"
note = "A what-if: the notice of 2 June 2025 is never revoked."

  [[state.change]]
  kind = "withdrawal_notified"
  date = 2025-06-02
  takes_effect = 2026-06-02
  sources = [{ url = "https://example.org/what-if", title = "What-if notice", kind = "primary" }]
"""


@pytest.fixture(scope="module")
def hungary_left(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hungary") / "hungary.toml"
    path.write_text(HUNGARY_LEAVES, encoding="utf-8")
    return path


def test_hungary_leaving_reads_the_same_in_check_states_world_hosts_and_wanted_in(
        hungary_left: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = load_data(overlays=[hungary_left])
    day = "2026-07-01"
    answer = assess("netanyahu", "HU", day, data=data)
    assert answer.verdict is Verdict.RESIDUAL_DUTY and "status.withdrawal_took_effect" in answer.rules
    assert "party" not in state_status("HU", day, data=data).derived
    parties = parties_on(day, data=data)
    assert "HUN" not in {party.code for party in parties.parties} and parties.count == 124
    assert world("netanyahu", day, data=data).verdict("HU") is Verdict.RESIDUAL_DUTY
    assert "Benjamin Netanyahu" in [a.person_name for a in wanted_in("HU", day, data=data)]
    assert all(a.verdict is Verdict.RESIDUAL_DUTY for a in wanted_in("HU", day, data=data)
               if a.person == "netanyahu")
    assert main(["--data", str(hungary_left), "states", "--on", day]) == 0
    assert "124 States Parties" in capsys.readouterr().out
    assert main(["--data", str(hungary_left), "check", "netanyahu", "HU", day, "--json"]) == 0
    assert '"verdict": "residual_duty"' in capsys.readouterr().out
    visit = next(v for v in hosts("netanyahu", data=data).visits if v.host == "HUN")
    assert visit.verdict is Verdict.DUTY_TO_ARREST  # his April 2025 visit: the notice was not yet given


def test_with_the_shipped_data_hungary_stays_a_party() -> None:
    assert "party" in state_status("HU", "2026-07-01").derived
    assert parties_on("2026-07-01").count == 125


# --- Memory ------------------------------------------------------------------------------------------------------------


def test_a_dropped_dataset_is_freed_with_everything_kept_for_it(hungary_left: Path) -> None:
    data = load_data(overlays=[hungary_left])
    world("netanyahu", "2026-07-01", data=data)
    assess("putin", "MN", "2024-09-03", data=data)
    freed = weakref.ref(data)
    del data
    gc.collect()
    assert freed() is None, "the dataset (and its decisions) is still alive"


def test_a_dataset_pickles_for_a_process_pool() -> None:
    data = shipped_data()
    assess("putin", "MN", "2024-09-03")
    copy = pickle.loads(pickle.dumps(data))
    assert copy is not data and copy.person("putin") == data.person("putin")
    assert assess("putin", "MN", "2024-09-03", data=copy).verdict is Verdict.DUTY_TO_ARREST


# --- Answers are immutable all the way down ---------------------------------------------------------------------------

_IMMUTABLE_LEAVES = (str, int, float, bool, bytes, type(None), datetime.date, enum.Enum)


def _mutable_parts(value: object, where: str, seen: set[int]) -> list[str]:
    """Every part of ``value`` that could be changed by ordinary means: a list, dict or set, a model that is not
    frozen, or any other object whose attributes can be set."""
    if isinstance(value, _IMMUTABLE_LEAVES) or id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, (tuple, frozenset)):
        return [p for i, item in enumerate(value) for p in _mutable_parts(item, f"{where}[{i}]", seen)]
    if isinstance(value, MappingProxyType):
        return [p for key, item in value.items() for p in _mutable_parts(item, f"{where}[{key!r}]", seen)]
    if isinstance(value, BaseModel):
        found = [] if type(value).model_config.get("frozen") else [f"{where}: {type(value).__name__} is not frozen"]
        return found + [p for name in type(value).model_fields
                        for p in _mutable_parts(getattr(value, name), f"{where}.{name}", seen)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        params = getattr(type(value), "__dataclass_params__", None)
        found = [] if params is not None and params.frozen else [f"{where}: {type(value).__name__} is not frozen"]
        return found + [p for field in dataclasses.fields(value)
                        for p in _mutable_parts(getattr(value, field.name), f"{where}.{field.name}", seen)]
    slots = [name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())]
    if slots and not hasattr(value, "__dict__"):  # a read-only class of the package: no slot can be set
        found = []
        for name in slots:
            try:
                setattr(value, name, getattr(value, name))
                found.append(f"{where}.{name} can be set")
            except AttributeError:
                pass
        return found + [p for name in slots if not name.startswith("_")
                        for p in _mutable_parts(getattr(value, name), f"{where}.{name}", seen)]
    return [f"{where}: a {type(value).__name__}"]


@pytest.mark.parametrize("call", [
    lambda: assess("putin", "Mongolia", "2024-09-03"),
    lambda: assess("netanyahu", "Hungary", "2025-04-03"),
    lambda: state_status("Hungary", "2026-06-03"),
    lambda: state_status("Hungary", "2026-06-03").reasons,
    lambda: decide("putin", "Hungary", "2026-07-01").doubts(datetime.date(2026, 7, 1)),
    lambda: parties_on("2025-01-01"),
    lambda: hosts("putin"),
    lambda: wanted_in("South Africa", "2023-08-22"),
    lambda: timeline("putin", "Mongolia", "2024-01-01", "2024-12-31"),
    lambda: spans("putin", "Mongolia", "2024-01-01", "2024-12-31"),
    lambda: check_itinerary("putin", ["MN@2024-09-02", ("CN", "2024-09-04", "transit")]),
    lambda: world("putin", "2024-09-03"),
    lambda: RULES,
    lambda: shipped_data().person("putin"),
], ids=["assess", "assess-notes", "state_status", "state_status-reasons", "decide-doubts", "parties_on", "hosts", "wanted_in", "timeline", "spans", "itinerary", "world",
        "RULES", "person"])
def test_what_the_api_returns_is_immutable_all_the_way_down(call: Callable[[], object]) -> None:
    """Frozen models, frozen dataclasses, tuples and read-only mappings only: answers may be shared between calls
    (the same question returns the same object), so nothing reachable from one may be changed by assignment. (Writing
    through ``__dict__`` or ``object.__setattr__`` bypasses any Python object's protection: docs/api.md says not to.)"""
    answer = call()
    if isinstance(answer, list):  # a list of answers is the caller's own: a new one each call
        assert call() is not answer
        answer = tuple(answer)
    assert _mutable_parts(answer, "answer", set()) == []


def test_assigning_to_an_answer_raises() -> None:
    answer = assess("putin", "Mongolia", "2024-09-03")
    with pytest.raises(ValidationError):
        answer.verdict = Verdict.NO_WARRANT  # type: ignore[misc]
    with pytest.raises(ValidationError):
        answer.reasons[0].text = "changed"  # type: ignore[misc]
    assert assess("putin", "Mongolia", "2024-09-03").verdict is Verdict.DUTY_TO_ARREST
