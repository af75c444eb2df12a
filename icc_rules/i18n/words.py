"""Words that change with the language beyond the catalogs: country names with their grammar, and dates in words.

Country names come from CLDR through Babel (one name per country, as in English; ``countries_fr.toml`` overrides the
few CLDR names that are not the short one people write). French grammar is data, not guessed: each country's entry
says what comes before its name with an article, after "in" and after "of". A country formats itself by the form a
template asks for: ``{host}`` with its article, ``{host:en}`` after "in", ``{host:de}`` after "of", ``{host:à}`` after
"to", ``{host:nom}`` the bare name.

>>> mongolia, mali, philippines, cyprus = (french_country(code) for code in ("MNG", "MLI", "PHL", "CYP"))
>>> f"{mongolia} / {mongolia:en} / {mali:en} / {philippines:en} / {cyprus:en} / {mali:de}"
'la Mongolie / en Mongolie / au Mali / aux Philippines / à Chypre / du Mali'
>>> day_in_words(datetime.date(2024, 9, 3), "fr"), day_in_words(datetime.date(2002, 7, 1), "fr")
('3 septembre 2024', '1er juillet 2002')
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date

from ..data.countries import all_countries, country_by_code

__all__ = ["THE_COURT", "FrenchCountry", "code_of_english_name", "day_in_words", "french_country", "french_names"]

GRAMMAR_FILE = Path(__file__).resolve().parent / "countries_fr.toml"


@dataclass(frozen=True)
class FrenchCountry:
    """A country as French writes it: its name, and the words before it with an article (``the``), after "in"
    (``in_``) and after "of" (``of``)."""

    code: str
    name: str
    the: str
    in_: str
    of: str
    to: str

    @staticmethod
    def _join(before: str, name: str) -> str:
        return name if not before else f"{before}{name}" if before.endswith("’") else f"{before} {name}"

    def __format__(self, spec: str) -> str:
        before = {"": self.the, "en": self.in_, "de": self.of, "à": self.to, "nom": ""}[spec]
        return self._join(before, self.name)

    def __str__(self) -> str:
        return format(self, "")


@functools.cache
def _grammar() -> dict[str, dict[str, str]]:
    with GRAMMAR_FILE.open("rb") as file:
        return tomllib.load(file)


@functools.cache
def _territories(lang: str) -> Mapping[str, str]:
    """CLDR's names of the territories in ``lang``, by alpha-2 code (read once: a ``Locale`` is made anew each time)."""
    return Locale(lang).territories


@functools.cache
def french_country(code: str) -> FrenchCountry:
    """The country ``code`` (alpha-3) as French writes it."""
    entry = _grammar()[code]
    name = entry.get("name") or _territories("fr")[country_by_code(code).alpha2]
    return FrenchCountry(code=code, name=name, the=entry["the"], in_=entry["in"], of=entry["of"], to=entry["to"])


#: The Court, where a text names it as it names a state (who holds a person in custody).
THE_COURT = FrenchCountry(code="ICC", name="CPI", the="la", in_="à la", of="de la", to="à la")


@functools.cache
def french_names() -> dict[str, str]:
    """Every country's French name, by alpha-3 code."""
    return {country.code: french_country(country.code).name for country in all_countries()}


@functools.cache
def _english_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in all_countries():
        index.setdefault(country.name.lower(), country.code)
        index.setdefault(country.in_text.lower(), country.code)
    return index


def code_of_english_name(text: str) -> str | None:
    """The code of the country an English text names as the answers write it ("the Philippines", "Mongolia"), or
    ``None``.

    >>> code_of_english_name("The Philippines"), code_of_english_name("Mongolia"), code_of_english_name("Atlantis")
    ('PHL', 'MNG', None)
    """
    return _english_index().get(text.strip().lower())


def day_in_words(day: datetime.date, lang: str) -> str:
    """``day`` as ``lang`` writes it in a sentence ("3 septembre 2024"; the first of a month is "1er" in French)."""
    if lang == "en":
        return day.isoformat()
    text = format_date(day, "d MMMM y", locale=lang)
    return re.sub(r"^1 ", "1er ", text) if lang == "fr" else text


@dataclass(frozen=True)
class Day:
    """An ISO day shown in words (``{day}``), or with its article (``{day:le}``: "le 3 septembre 2024")."""

    day: datetime.date
    lang: str

    def __format__(self, spec: str) -> str:
        words = day_in_words(self.day, self.lang)
        return f"le {words}" if spec == "le" else words


def as_day(value: Any) -> datetime.date | None:
    """``value`` as a day, when it is an ISO date (as the English texts show them)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
