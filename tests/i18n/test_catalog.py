"""The catalogs: every message in the package is in each language's .po, translated, never fuzzy, never the English
left as it was (but for the few whose French is the same word, each with its reason), and each shipped .mo is its
.po compiled. ``python scripts/catalog.py`` makes them (CONTRIBUTING.md)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from icc_rules.i18n import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"N_": None, "_": None, "gettext": None, "ngettext": (1, 2)}

#: Messages whose French is the English, and why.
SAME_IN_FRENCH = {
    "probable": "the same word in French (a fact's confidence)",
    "Date": "the same word in French (the page's date field)",
    "Verdict": "the same word in French (a table's heading)",
    "document {number}": "the same words in French (a decision of the Court, by its number)",
    "Source": "the same word in French (a table's heading)",
    "verdict": "the same word in French (a table's heading)",
    "date": "the same word in French (a table's heading)",
    "id": "the same abbreviation in French (a table's heading: the dataset's id of a person)",
}


def _extracted() -> set[str | tuple[str, ...]]:
    found: set[str | tuple[str, ...]] = set()
    method_map = [("icc_rules/**.py", "python"), ("icc_rules/web/page/**.js", "icc_rules.i18n.extract.extract_script"),
                  ("icc_rules/web/page/**.html", "icc_rules.i18n.extract.extract_page")]
    for filename, _, message, _, _ in extract_from_dir(str(ROOT), method_map, keywords=KEYWORDS):
        if filename.startswith("icc_rules/"):
            found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalogs() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/icc_rules.po"))


def test_every_language_but_english_has_a_catalog() -> None:
    assert sorted(path.parent.parent.name for path in _catalogs()) == [lang for lang in LANGUAGES if lang != "en"]


@pytest.mark.parametrize("po", _catalogs(), ids=lambda path: path.parent.parent.name)
def test_every_message_is_translated(po: Path) -> None:
    with po.open("rb") as file:
        catalog = read_po(file)
    assert not catalog.fuzzy
    ids = {message.id for message in catalog if message.id}
    missing = {message if isinstance(message, str) else message[0] for message in _extracted()} - \
        {message if isinstance(message, str) else message[0] for message in ids}
    assert not missing, f"not in {po}: run python scripts/catalog.py, then translate: {sorted(missing)}"
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        assert "fuzzy" not in message.flags, f"fuzzy: {message.id!r}"
        english = message.id if isinstance(message.id, str) else message.id[0]
        assert strings[0] != english or english in SAME_IN_FRENCH, f"left in English: {english!r}"
        fields = set(re.findall(r"\{([\w.]+)", english))
        assert fields == {found for string in strings for found in re.findall(r"\{([\w.]+)", string)}, \
            f"the translation of {english!r} does not use the same fields"


@pytest.mark.parametrize("po", _catalogs(), ids=lambda path: path.parent.parent.name)
def test_the_shipped_mo_is_the_po_compiled(po: Path) -> None:
    with po.open("rb") as file:
        catalog = read_po(file)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert po.with_suffix(".mo").read_bytes() == compiled.getvalue(), "run python scripts/catalog.py"


@pytest.mark.parametrize("po", _catalogs(), ids=lambda path: path.parent.parent.name)
def test_every_string_of_the_page_is_in_the_catalog(po: Path) -> None:
    """The page's script sends its own strings to the server's catalog, as the page reads them (``page_words``)."""
    from icc_rules.i18n import using
    from icc_rules.web.page import _read, page_words

    with po.open("rb") as file:
        ids = {message.id for message in read_po(file) if message.id}
    with using(po.parent.parent.name):
        said = page_words(_read("app.js"))
    assert len(said) > 50 and set(said) <= ids
    assert all(said[message] != message or message in SAME_IN_FRENCH for message in said)
