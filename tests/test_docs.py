"""The law page cannot drift from the rules: what each rule does, its legal basis and the verdict table are written
from the rules by ``scripts/law_page.py``, and the page must be word for word what it writes."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from icc_rules import RULES

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "law_page.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icc_rules_law_page_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LAW_PAGE = _script()
LAW = LAW_PAGE.LAW.read_text(encoding="utf-8")
RULE_ID = re.compile(r"`((?:status|warrant|custody|duty|declaration|presence|exposure|note|verdict)\.[a-z0-9_]+)`")


def test_the_law_page_is_written_from_the_rules() -> None:
    assert LAW_PAGE.written(LAW) == LAW, "docs/law.md differs from the rules: run python scripts/law_page.py"


def test_every_rule_is_on_the_law_page_with_its_words() -> None:
    for rule in RULES:
        if rule.verdict is None:
            assert LAW_PAGE.bullet(rule) in LAW, rule.id
        else:
            (row,) = (line for line in LAW.splitlines() if line.startswith(f"| `{rule.id}` |"))
            assert rule.doc in row and rule.legal_basis in row and rule.verdict.description in row, rule.id


def test_the_law_page_names_no_rule_that_does_not_exist() -> None:
    unknown = set(RULE_ID.findall(LAW)) - {rule.id for rule in RULES}
    assert not unknown, f"docs/law.md names rules that do not exist: {sorted(unknown)}"


@pytest.mark.parametrize(("page", "problem"), [
    ("- `no.such_rule`: words\n", "not a rule with a bullet"),
    ("- `verdict.no_duty`: words\n", "not a rule with a bullet"),
    ("- `status.party`\n", r"rules with two: \['status.party'\]"),
])
def test_the_writer_refuses_a_page_it_cannot_write(page: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        LAW_PAGE.written(page + LAW)


def test_a_page_missing_a_rule_or_the_table_is_refused() -> None:
    first = LAW_PAGE.BULLET.search(LAW)
    assert first is not None
    with pytest.raises(ValueError, match="rules without a bullet"):
        LAW_PAGE.written(LAW.replace(first.group(0), ""))
    with pytest.raises(ValueError, match="markers"):
        LAW_PAGE.written(LAW.replace(LAW_PAGE.TABLE_END, ""))


def test_every_rule_has_a_legal_basis_and_a_doc() -> None:
    for rule in RULES:
        assert rule.legal_basis and rule.doc, rule.id
