"""Write the rules into the law page: ``python scripts/law_page.py`` (``--check`` compares instead).

``docs/law.md`` walks the Rome Statute in our own words; the lines that say what each rule does are the rules' own
words, written here from :data:`icc_rules.RULES` and :data:`~icc_rules.law.verdicts.VERDICT_TABLE`:

* every rule but the verdict rules has one bullet, ``- `rule.id` (legal basis): doc``, where the page's author put
  it (to add a rule, put a bullet ``- `rule.id``` in the right section and run this script);
* the verdict table, between its two markers, has one row per verdict rule, strongest first.

``tests/test_docs.py`` fails if the page is not what this script writes, so the page cannot drift from the rules.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

from icc_rules import RULES, Rule
from icc_rules.law.verdicts import VERDICT_TABLE

LAW = Path(__file__).resolve().parent.parent / "docs" / "law.md"
#: A rule's bullet: its first line and the lines that continue it (indented by two spaces).
BULLET = re.compile(r"^- `([a-z_]+\.[a-z0-9_]+)`.*(?:\n  .*)*", re.MULTILINE)
TABLE_START = "<!-- the verdict rules, written by scripts/law_page.py -->"
TABLE_END = "<!-- end of the verdict rules -->"
WIDTH = 120


def bullet(rule: Rule) -> str:
    """A rule's bullet on the law page: its id, whether it is a note, its legal basis and its ``doc``."""
    kind = ", a note" if rule.kind == "note" else ""
    return textwrap.fill(f"`{rule.id}`{kind} ({rule.legal_basis}): {rule.doc}", WIDTH, initial_indent="- ",
                         subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)


def verdict_table() -> str:
    """The verdict rules, strongest first: the rule, its verdict, whether the person can travel, what the verdict
    means (``VERDICT_TABLE``) and why the rule gives it (its ``doc``), and its legal basis."""
    rules = {rule.verdict: rule for rule in RULES if rule.verdict is not None}
    rows = ["| rule | verdict | `can_travel` | what it means | legal basis |", "| --- | --- | --- | --- | --- |"]
    for meaning in VERDICT_TABLE:
        rule = rules[meaning.verdict]
        rows.append(f"| `{rule.id}` | `{meaning.verdict.value}` | `{meaning.can_travel}` | {meaning.description}. "
                    f"{rule.doc} | {rule.legal_basis} |")
    return "\n".join(rows)


def written(page: str) -> str:
    """The page with every rule's bullet and the verdict table written from the rules.

    Raises:
        ValueError: a bullet names a rule that does not exist or a verdict rule, a rule has no bullet or two, or
            the table's markers are missing.
    """
    by_id = {rule.id: rule for rule in RULES}
    seen: list[str] = []

    def write(match: re.Match[str]) -> str:
        rule = by_id.get(match.group(1))
        if rule is None or rule.verdict is not None:
            raise ValueError(f"docs/law.md: a bullet for {match.group(1)}, which is not a rule with a bullet")
        seen.append(rule.id)
        return bullet(rule)

    page = BULLET.sub(write, page)
    wanted = [rule.id for rule in RULES if rule.verdict is None]
    if sorted(seen) != sorted(wanted):
        missing, twice = sorted(set(wanted) - set(seen)), sorted({i for i in seen if seen.count(i) > 1})
        raise ValueError(f"docs/law.md: rules without a bullet (add '- `rule.id`' where it belongs): {missing}; "
                         f"rules with two: {twice}")
    start, end = page.find(TABLE_START), page.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError(f"docs/law.md: the verdict table's markers are missing: {TABLE_START} ... {TABLE_END}")
    return f"{page[:start]}{TABLE_START}\n{verdict_table()}\n{page[end:]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the page is up to date")
    check = parser.parse_args(argv).check
    page = LAW.read_text(encoding="utf-8")
    new = written(page)
    if new == page:
        return 0
    if check:
        print("docs/law.md differs from the rules: run python scripts/law_page.py", file=sys.stderr)
        return 1
    LAW.write_text(new, encoding="utf-8")
    print("docs/law.md: written from the rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
