"""Finding the country a user means: an ISO 3166-1 code or a name as people write it.

:func:`resolve_country` accepts a code or a name: case, accents, punctuation, extra spaces, a leading "the" and "&"
versus "and" are ignored, and "St" reads as "Saint". Ambiguous names are decided once, in the data file: "Congo"
alone is the Republic of the Congo (``COG``, its ISO 3166-1 short name); the Democratic Republic of the Congo answers
to "DRC", "DR Congo" or "Congo-Kinshasa". "Korea" and "America" match nothing.

>>> resolve_country("the Gambia").code, resolve_country("Congo").name, resolve_country("DR Congo").name
('GMB', 'Republic of the Congo', 'Democratic Republic of the Congo')
>>> [str(resolve_country(name)) for name in ("Turkey", "russian federation", "Cote d'Ivoire", "XK", "496")]
['Türkiye', 'Russia', "Côte d'Ivoire", 'Kosovo', 'Mongolia']

The name index is built once, on first use, and shared by all threads.
"""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..data.countries import Country, all_countries, country_by_code, country_names
from ..errors import DataError, UnknownCountryError, short_repr
from ..i18n.words import french_country

__all__ = ["Country", "all_countries", "countries_named_in", "country_by_code", "resolve_country"]

#: Queries longer than this are rejected without searching: no country name comes near it.
MAX_QUERY_LENGTH = 200

_MAX_SUGGESTIONS = 5


def resolve_country(query: str | Country) -> Country:
    """The country a code or a name refers to.

    Accepted: an ISO 3166-1 alpha-2, alpha-3 or numeric code in any case (``"za"``, ``"ZAF"``, ``"710"``;
    ``"XK"``/``"XKX"`` for Kosovo); the ISO short, official or common name; a former or alternative name or abbreviation from
    ``data/countries.toml`` ("Turkey", "Burma", "Swaziland", "UK", "DRC", "Ivory Coast"); or a :class:`Country`,
    returned as the canonical instance with its code. Names match whatever their case, accents, punctuation and
    spacing, with or without a leading "the", with "&" for "and" and "St" for "Saint". "Congo" alone is the
    Republic of the Congo (``COG``).

    Args:
        query: A code, a name, or a :class:`Country`.

    Returns:
        The matching country.

    Raises:
        UnknownCountryError: Nothing matches (its ``suggestions`` hold up to five close names), or ``query`` is not
            a ``str`` or a ``Country``.

    >>> resolve_country("ZAF").name, resolve_country("za").name
    ('South Africa', 'South Africa')
    >>> [resolve_country(name).code for name in ("Kyrgyz Republic", "Turkiye", "State of Palestine", "St. Vincent")]
    ['KGZ', 'TUR', 'PSE', 'VCT']
    >>> resolve_country(resolve_country("Holland")).name
    'Netherlands'
    >>> resolve_country("Mongolai")
    Traceback (most recent call last):
    ...
    icc_rules.errors.UnknownCountryError: unknown country 'Mongolai': expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a country name; did you mean: Mongolia?
    >>> resolve_country(710)
    Traceback (most recent call last):
    ...
    icc_rules.errors.UnknownCountryError: unknown country 710: expected a str (an ISO 3166-1 code or a country name) or a Country, not int
    """
    if isinstance(query, str):
        found = (_INDEX or _index()).exact.get(query)
        if found is not None:
            return found
        if len(query) > MAX_QUERY_LENGTH:
            raise UnknownCountryError(query[:40] + "…")
        return _resolve_name(query)
    if isinstance(query, Country):
        return country_by_code(query.code)
    raise UnknownCountryError(short_repr(query), expected_type=type(query).__name__)


@lru_cache(maxsize=4096)  # names as people write them repeat; a miss raises, which is never cached
def _resolve_name(query: str) -> Country:
    index = _INDEX or _index()
    stripped = query.strip()
    if 2 <= len(stripped) <= 3 and stripped.isascii() and stripped.isalnum():
        try:
            return country_by_code(stripped)
        except UnknownCountryError:
            pass
    french = _french_index()  # read only when the English names miss: CLDR's data takes tens of milliseconds to load
    key = _normalize(query)
    found = french.exact.get(query) or index.by_name.get(key) or french.by_name.get(key)
    if found is not None:
        return found
    raise UnknownCountryError(query, _Index(exact={}, by_name={**french.by_name, **index.by_name}).suggest(key))


#: The longest country name, in words, that a text is searched for ("Saint Vincent and the Grenadines": 5).
_LONGEST_NAME = 8


def countries_named_in(text: str) -> dict[str, str]:
    """The countries a free text names, by alpha-3 code, each with the words that named it (for reviewing a press
    release, not for answering queries). The longest name wins where names overlap ("the Democratic Republic of the
    Congo" is ``COD``, not also the Congo).

    >>> countries_named_in("Situation in the Democratic Republic of the Congo: Côte d'Ivoire and Mongolia")
    {'COD': 'democratic republic of the congo', 'CIV': 'cote divoire', 'MNG': 'mongolia'}
    """
    words = _normalize(text[:100_000]).split() if text.strip() else []
    by_name = _index().by_name
    found: dict[str, str] = {}
    start = 0
    while start < len(words):
        for length in range(min(_LONGEST_NAME, len(words) - start), 0, -1):
            phrase = " ".join(words[start:start + length])
            country = by_name.get(phrase)
            if country is not None:
                found.setdefault(country.code, phrase)
                start += length
                break
        else:
            start += 1
    return found


# --- Matching names -------------------------------------------------------------------------------------------

_DROPPED = str.maketrans("", "", "'’ʼ`.")  # "Cote dIvoire" = "Côte d'Ivoire", "US" = "U.S."
_SEPARATORS = re.compile(r"[\W_]+")
_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*$")
_OF_INVERTED = re.compile(r"^(?P<head>[^,]+),\s*(?P<tail>.+\bof(?: the)?)$", re.IGNORECASE)


def _normalize(text: str) -> str:
    """The form names are compared in: no case, accents, punctuation, extra spaces or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _SEPARATORS.sub(" ", bare.replace("&", " and ").translate(_DROPPED)).split()
    if words[:1] == ["the"]:
        del words[0]
    return " ".join("saint" if word == "st" else word for word in words)


def _variants(name: str) -> Iterator[str]:
    """The name, without a trailing parenthesis ("Holy See"), and turned around ("Republic of Korea")."""
    yield name
    shortened = _TRAILING_PARENTHESES.sub("", name)
    if shortened != name:
        yield shortened
    inverted = _OF_INVERTED.match(name)
    if inverted:
        yield f"{inverted['tail']} {inverted['head']}"


# --- The index ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    exact: dict[str, Country]  # codes and names exactly as written: the fast path
    by_name: dict[str, Country]  # normalized names

    def suggest(self, key: str) -> list[str]:
        """Up to five display names for a normalized query that matched nothing.

        First the names containing the query as whole words ("korea": South Korea, North Korea), then names
        spelled like it ("mongolai": Mongolia).
        """
        if len(key) < 3 or len(key) > 60:
            return []
        containing = [name for name in self.by_name if f" {key} " in f" {name} "]
        similar = difflib.get_close_matches(key, self.by_name, n=4 * _MAX_SUGGESTIONS, cutoff=0.75)
        names: list[str] = []
        for match in (*containing, *similar):
            name = self.by_name[match].name
            if name not in names:
                names.append(name)
        return names[:_MAX_SUGGESTIONS]


_INDEX: _Index | None = None
_INDEX_LOCK = threading.Lock()


def _index() -> _Index:
    global _INDEX
    with _INDEX_LOCK:
        if _INDEX is None:
            _INDEX = _build()
        return _INDEX


def _build() -> _Index:
    """Every code and name of every country, exactly as written and normalized; an ambiguous name raises
    DataError (the data file must give it to one country only). The French names are indexed apart
    (:func:`_french_index`)."""
    exact: dict[str, Country] = {}
    for country in all_countries():
        for key in (country.code, country.alpha2, country.numeric):
            if key:
                exact[key] = exact[key.lower()] = country
    by_name: dict[str, Country] = {}
    for country, names in country_names():
        for name in names:
            exact.setdefault(name, country)
            for variant in _variants(name):
                key = _normalize(variant)
                if not key:
                    raise DataError(f"countries.toml: {country.code} has an empty name {name!r}")
                clash = by_name.get(key) or exact.get(key.upper() if len(key) <= 3 else "")
                if clash is not None and clash is not country:
                    raise DataError(
                        f"countries.toml: the name {variant!r} of {country.code} also names {clash.code}; "
                        "an ambiguous name must be given to one country only"
                    )
                by_name[key] = country
    return _Index(exact=exact, by_name=by_name)


@lru_cache(maxsize=1)
def _french_index() -> _Index:
    """The French names (CLDR), with and without their article, as written and normalized: consulted after the
    English names as written, and an English name wins over a French one normalized alike."""
    exact: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for country in all_countries():
        french = french_country(country.code)
        for name in (french.name, str(french)):
            exact.setdefault(name, country)
            by_name.setdefault(_normalize(name), country)
    return _Index(exact=exact, by_name=by_name)
