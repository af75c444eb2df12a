"""The documentation site stays complete: every page is in the navigation, every public name is in the API
reference, and the citation metadata matches the release.

The site itself is built strictly by ``.ci/run`` (``mkdocs build --strict``, which also fails on a broken link or
cross-reference); these checks need no mkdocs, so they run everywhere and fail fast. The pages' examples run as
doctests (``--doctest-glob=*.md``).
"""

from __future__ import annotations

import re
from pathlib import Path

import icc_rules

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
MKDOCS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
NAV_PAGE = re.compile(r"^\s*- (?:[^:\n]+: )?([\w./-]+\.md)\s*$", re.MULTILINE)


def test_every_page_is_in_the_nav_and_every_nav_entry_exists() -> None:
    nav = set(NAV_PAGE.findall(MKDOCS))
    pages = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    assert not pages - nav, f"pages missing from the nav in mkdocs.yml: {sorted(pages - nav)}"
    assert not nav - pages, f"mkdocs.yml names pages that do not exist: {sorted(nav - pages)}"


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"^::: (icc_rules[\w.]*)\n((?:    .*\n)*)", api, re.MULTILINE))
    whole_modules = {target for target, options in blocks.items() if "members:" not in options}
    missing = [
        name for name in icc_rules.__all__
        if name != "__version__" and f"icc_rules.{name}" not in blocks
        and f"{getattr(getattr(icc_rules, name), '__module__', '')}.{name}" not in blocks
        and getattr(getattr(icc_rules, name), "__module__", None) not in whole_modules
    ]
    assert not missing, f"public names missing from docs/api.md (add a '::: icc_rules.NAME' block): {missing}"


def test_the_citation_and_the_changelog_name_this_release() -> None:
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: {re.escape(icc_rules.__version__)}$", citation, re.MULTILINE)
    released = re.search(r'^date-released: "(\d{4}-\d{2}-\d{2})"$', citation, re.MULTILINE)
    assert released, "CITATION.cff: date-released missing"
    changelog = (DOCS / "changelog.md").read_text(encoding="utf-8")
    first_entry = re.search(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)$", changelog, re.MULTILINE)
    assert first_entry and first_entry.groups() == (icc_rules.__version__, released.group(1)), (
        "the first entry of docs/changelog.md must be this version, released on CITATION.cff's date"
    )
