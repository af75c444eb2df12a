"""Countries in French: one CLDR name each, as in English, and the grammar a sentence needs, held as data."""

from __future__ import annotations

import tomllib

import pytest
from babel import Locale

from icc_rules import all_countries, assess
from icc_rules.i18n.words import GRAMMAR_FILE, french_country, french_names


def test_every_country_has_one_french_name_and_its_grammar() -> None:
    grammar = tomllib.loads(GRAMMAR_FILE.read_text(encoding="utf-8"))
    codes = {country.code for country in all_countries()}
    assert set(grammar) == codes
    names = french_names()
    assert len(set(names.values())) == len(names), "two countries share a French name"
    territories = Locale("fr").territories
    for country in all_countries():
        entry = grammar[country.code]
        assert set(entry) <= {"the", "in", "of", "to", "name", "note"}
        assert ("name" in entry) == ("note" in entry), f"{country.code}: an override says why"
        assert "name" in entry or country.alpha2 in territories, f"{country.code}: CLDR has no name for it"


@pytest.mark.parametrize(("code", "the", "in_", "of", "to"), [
    ("FRA", "la France", "en France", "de la France", "à la France"),
    ("MLI", "le Mali", "au Mali", "du Mali", "au Mali"),
    ("PHL", "les Philippines", "aux Philippines", "des Philippines", "aux Philippines"),
    ("CYP", "Chypre", "à Chypre", "de Chypre", "à Chypre"),
    ("ISR", "Israël", "en Israël", "d’Israël", "à Israël"),
    ("AFG", "l’Afghanistan", "en Afghanistan", "de l’Afghanistan", "à l’Afghanistan"),
    ("HUN", "la Hongrie", "en Hongrie", "de la Hongrie", "à la Hongrie"),
    ("HND", "le Honduras", "au Honduras", "du Honduras", "au Honduras"),
    ("COD", "la République démocratique du Congo", "en République démocratique du Congo",
     "de la République démocratique du Congo", "à la République démocratique du Congo"),
    ("BFA", "le Burkina Faso", "au Burkina Faso", "du Burkina Faso", "au Burkina Faso"),
    ("NER", "le Niger", "au Niger", "du Niger", "au Niger"),
    ("CIV", "la Côte d’Ivoire", "en Côte d’Ivoire", "de la Côte d’Ivoire", "à la Côte d’Ivoire"),
    ("CAF", "la République centrafricaine", "en République centrafricaine", "de la République centrafricaine",
     "à la République centrafricaine"),
    ("VAT", "le Saint-Siège", "au Saint-Siège", "du Saint-Siège", "au Saint-Siège"),
])
def test_french_grammar(code: str, the: str, in_: str, of: str, to: str) -> None:
    country = french_country(code)
    assert (f"{country}", f"{country:en}", f"{country:de}", f"{country:à}") == (the, in_, of, to)


@pytest.mark.parametrize(("typed", "code"), [("Mongolie", "MNG"), ("la Mongolie", "MNG"), ("Chypre", "CYP"),
                                             ("Côte d’Ivoire", "CIV"), ("Allemagne", "DEU"),
                                             ("Mongolia", "MNG"), ("Niger", "NER")])
def test_french_names_are_understood(typed: str, code: str) -> None:
    assert assess("Putin", typed, "2024-09-03").country == code
