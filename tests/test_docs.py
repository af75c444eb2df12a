"""The law page names every rule in the rule set, and only those."""

from __future__ import annotations

import re
from pathlib import Path

from icc_rules import RULES

LAW = (Path(__file__).parent.parent / "docs" / "law.md").read_text(encoding="utf-8")
RULE_ID = re.compile(r"`((?:status|warrant|custody|duty|declaration|presence|exposure|note|verdict)\.[a-z0-9_]+)`")


def test_every_rule_is_on_the_law_page() -> None:
    missing = {rule.id for rule in RULES} - set(RULE_ID.findall(LAW))
    assert not missing, f"rules missing from docs/law.md: {sorted(missing)}"


def test_the_law_page_names_no_rule_that_does_not_exist() -> None:
    unknown = set(RULE_ID.findall(LAW)) - {rule.id for rule in RULES}
    assert not unknown, f"docs/law.md names rules that do not exist: {sorted(unknown)}"


def test_every_rule_has_a_legal_basis_and_a_doc() -> None:
    for rule in RULES:
        assert rule.legal_basis and rule.doc, rule.id
