"""Named legal cases: the verdict the law gives and the rules that must fire (cases/legal_cases.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from icc_rules import Verdict, assess, can_travel

CASES: list[dict[str, Any]] = tomllib.loads((Path(__file__).parents[1] / "cases" / "legal_cases.toml").read_text())["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_legal_case(case: dict[str, Any]) -> None:
    answer = assess(case["person"], case["country"], case["date"])
    assert answer.verdict == Verdict(case["verdict"]), answer.explain()
    missing = set(case["rules"]) - set(answer.rules)
    assert not missing, f"rules that did not fire: {sorted(missing)}\n{answer.explain()}"
    assert can_travel(case["person"], case["country"], case["date"]) == answer.verdict.can_travel


def test_every_reason_cites_a_legal_basis_and_every_fact_rule_a_source() -> None:
    for case in CASES:
        answer = assess(case["person"], case["country"], case["date"])
        for reason in answer.reasons:
            assert reason.legal_basis
            if reason.facts:
                assert reason.sources, reason
