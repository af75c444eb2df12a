"""Countries: ISO 3166-1 codes and names, resolved forgivingly.

Every country is a :class:`Country` with its ISO 3166-1 alpha-3 code as identity. The list is ISO 3166-1 as the
``pycountry`` package ships it (249 entries) plus Kosovo (``XKX``/``XK``, user-assigned codes); display names, UN
status and extra names come from ``data/countries.toml``, where each is sourced.

:func:`resolve_country` accepts a code or a name as people write it: case, accents, punctuation, extra spaces, a
leading "the" and "&" versus "and" are ignored, and "St" reads as "Saint". Ambiguous names are decided once, in the
data file: "Congo" alone is the Republic of the Congo (``COG``, its ISO 3166-1 short name); the Democratic Republic
of the Congo answers to "DRC", "DR Congo" or "Congo-Kinshasa". "Korea" and "America" match nothing.

>>> resolve_country("the Gambia").code, resolve_country("Congo").name, resolve_country("DR Congo").name
('GMB', 'Republic of the Congo', 'Democratic Republic of the Congo')
>>> [str(resolve_country(name)) for name in ("Turkey", "russian federation", "Cote d'Ivoire", "XK")]
['Türkiye', 'Russia', "Côte d'Ivoire", 'Kosovo']

The lookup tables are built once, on first use, and shared by all threads.
"""

from __future__ import annotations

import difflib
import re
import threading
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import DataError, UnknownCountryError
from .models import Checked, Record, Source, Sourced

__all__ = ["Country", "UNStatus", "all_countries", "country_by_code", "resolve_country"]

UNStatus = Literal["member", "observer", "territory", "other"]
"""A country's standing at the United Nations: a ``member`` state, an ``observer`` state (the Holy See and
Palestine), a dependent ``territory``, or ``other`` (Kosovo, Taiwan, Western Sahara, Antarctica, and the Cook
Islands and Niue, states in free association with New Zealand)."""

#: The data file read by this module.
DATA_FILE = Path(__file__).parent / "data" / "countries.toml"

#: Queries longer than this are rejected without searching: no country name comes near it.
MAX_QUERY_LENGTH = 200

_MAX_SUGGESTIONS = 5


class Country(BaseModel):
    """A country or territory with an ISO 3166-1 code (or, for Kosovo, a user-assigned one).

    ``str()`` gives the short English name people write.

    Attributes:
        code: ISO 3166-1 alpha-3 code, such as ``"ZAF"``; ``"XKX"`` for Kosovo, ``"PSE"`` for Palestine.
        alpha2: ISO 3166-1 alpha-2 code, such as ``"ZA"``; ``"XK"`` for Kosovo.
        name: The short common English name ("Russia", "Iran", "Türkiye", "Democratic Republic of the Congo").
        official_name: The formal name where ISO 3166-1 gives one ("Russian Federation" has none).
        un_status: ``member``, ``observer`` (Holy See, Palestine), ``territory`` or ``other`` (see ``UNStatus``).

    >>> country = resolve_country("Kyrgyz Republic")
    >>> country.code, country.alpha2, str(country), country.official_name, country.un_status
    ('KGZ', 'KG', 'Kyrgyzstan', 'Kyrgyz Republic', 'member')
    >>> country_by_code("PSE").un_status, country_by_code("XKX").un_status, country_by_code("GRL").un_status
    ('observer', 'other', 'territory')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{3}$")
    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    official_name: str | None = None
    un_status: UNStatus

    def __str__(self) -> str:
        return self.name


def resolve_country(query: str | Country) -> Country:
    """The country a code or a name refers to.

    Accepted: an ISO 3166-1 alpha-2 or alpha-3 code in any case (``"za"``, ``"ZAF"``; ``"XK"``/``"XKX"`` for
    Kosovo); the ISO short, official or common name; a former or alternative name or abbreviation from
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
    icc_rules.errors.UnknownCountryError: unknown country 'Mongolai': expected an ISO 3166-1 alpha-2 or alpha-3 code or a country name; did you mean: Mongolia?
    >>> resolve_country(710)
    Traceback (most recent call last):
    ...
    icc_rules.errors.UnknownCountryError: unknown country 710: expected a str (an ISO 3166-1 code or a country name) or a Country, not int
    """
    index = _INDEX or _index()
    if isinstance(query, str):
        found = index.exact.get(query)
        if found is not None:
            return found
        if len(query) > MAX_QUERY_LENGTH:
            raise UnknownCountryError(query[:40] + "…")
        return _resolve_name(query)
    if isinstance(query, Country):
        return country_by_code(query.code)
    raise _not_a_query(query)


@lru_cache(maxsize=4096)  # names as people write them repeat; a miss raises, which is never cached
def _resolve_name(query: str) -> Country:
    index = _INDEX or _index()
    stripped = query.strip()
    if 2 <= len(stripped) <= 3 and stripped.isascii() and stripped.isalpha():
        found = index.by_code.get(stripped.upper())
        if found is not None:
            return found
    key = _normalize(query)
    found = index.by_name.get(key)
    if found is not None:
        return found
    raise UnknownCountryError(query, index.suggest(key))


def country_by_code(code: str) -> Country:
    """The country with an ISO 3166-1 alpha-3 or alpha-2 code, in any case.

    Args:
        code: ``"ZAF"``, ``"za"``, ``"XKX"``, ``"XK"``; surrounding spaces are ignored. Names are not accepted: use
            :func:`resolve_country` for those.

    Returns:
        The country with that code.

    Raises:
        UnknownCountryError: No country has this code, or ``code`` is not a ``str``.

    >>> country_by_code("ZAF").name, country_by_code("xk").name
    ('South Africa', 'Kosovo')
    >>> country_by_code("Russia")
    Traceback (most recent call last):
    ...
    icc_rules.errors.UnknownCountryError: unknown country 'Russia': expected an ISO 3166-1 alpha-2 or alpha-3 code or a country name
    """
    if not isinstance(code, str):
        raise _not_a_query(code)
    found = (_INDEX or _index()).by_code.get(code.strip().upper())
    if found is None:
        raise UnknownCountryError(code if len(code) <= MAX_QUERY_LENGTH else code[:40] + "…")
    return found


def all_countries() -> tuple[Country, ...]:
    """Every country once, sorted by alpha-3 code: the 249 ISO 3166-1 entries and Kosovo.

    >>> countries = all_countries()
    >>> len(countries), countries[0].code, countries[-1].code
    (250, 'ABW', 'ZWE')
    >>> sum(country.un_status == "member" for country in countries)
    193
    """
    return (_INDEX or _index()).countries


def _not_a_query(value: object) -> UnknownCountryError:
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    error = UnknownCountryError(shown)
    # The standard message presumes a string was given; say instead what was expected.
    error.args = (
        f"unknown country {shown}: expected a str (an ISO 3166-1 code or a country name) or a Country, not "
        + type(value).__name__,
    )
    return error


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


# --- The data file ------------------------------------------------------------------------------------------------


class _Group(Checked):
    """A list of codes sharing one UN status."""

    codes: tuple[str, ...] = Field(min_length=1)


class _Other(Sourced):
    """An entry that is neither a UN member, a UN observer State nor a dependent territory."""

    code: str


class _Extra(Checked):
    """A country ISO 3166-1 lacks."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    official_name: str | None = None
    un_status: UNStatus
    aliases: tuple[str, ...] = ()


class _Override(Record):
    """The short name to display instead of the ISO one."""

    code: str
    name: str = Field(min_length=1)
    note: str = Field(min_length=1)


class _Alias(Record):
    """Further names for a country."""

    code: str
    names: tuple[str, ...] = Field(min_length=1)
    note: str | None = None
    sources: tuple[Source, ...] = ()


class _CountriesFile(Record):
    un_members: _Group
    un_observers: _Group
    other: tuple[_Other, ...] = ()
    extra: tuple[_Extra, ...] = ()
    override: tuple[_Override, ...] = ()
    alias: tuple[_Alias, ...] = ()


def _read(path: Path) -> _CountriesFile:
    try:
        with path.open("rb") as file:
            raw = tomllib.load(file)
    except OSError as error:
        raise DataError(f"{path}: cannot read the data file ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"{path.name}: not valid TOML ({error})") from None
    try:
        return _CountriesFile.model_validate(raw)
    except ValidationError as error:
        raise DataError(f"{path.name}: {error}") from None


# --- The index ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    countries: tuple[Country, ...]
    by_code: dict[str, Country]  # "ZAF" and "ZA"
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
            _INDEX = _build(_read(DATA_FILE))
        return _INDEX


def _build(data: _CountriesFile) -> _Index:
    """Check the data file against pycountry and index every code and name; a problem raises DataError."""
    where = DATA_FILE.name
    iso = {entry.alpha_3: entry for entry in pycountry.countries}
    statuses: dict[str, UNStatus] = {}
    named: list[tuple[str, Iterable[str]]] = []

    def known(code: str, table: str) -> None:
        if code not in iso:
            raise DataError(f"{where}: {table}: {code!r} is not an ISO 3166-1 alpha-3 code known to pycountry")

    groups: list[tuple[str, Iterable[str], UNStatus]] = [
        ("un_members", data.un_members.codes, "member"),
        ("un_observers", data.un_observers.codes, "observer"),
        ("other", [entry.code for entry in data.other], "other"),
    ]
    for table, codes, status in groups:
        for code in codes:
            known(code, table)
            if code in statuses:
                raise DataError(f"{where}: {table}: {code!r} already has UN status {statuses[code]!r}")
            statuses[code] = status
    overrides: dict[str, str] = {}
    for override in data.override:
        known(override.code, "override")
        if override.code in overrides:
            raise DataError(f"{where}: override: {override.code!r} appears twice")
        overrides[override.code] = override.name

    countries: dict[str, Country] = {}
    for code, entry in iso.items():
        official: str | None = getattr(entry, "official_name", None)
        common: str | None = getattr(entry, "common_name", None)
        countries[code] = Country(
            code=code,
            alpha2=entry.alpha_2,
            name=overrides.get(code) or common or entry.name,
            official_name=official,
            un_status=statuses.get(code, "territory"),
        )
        named.append((code, [entry.name, *(name for name in (official, common) if name)]))
    for extra in data.extra:
        if extra.code in countries or any(c.alpha2 == extra.alpha2 for c in countries.values()):
            raise DataError(f"{where}: extra: {extra.code!r}/{extra.alpha2!r} is already an ISO 3166-1 code")
        countries[extra.code] = Country(
            code=extra.code,
            alpha2=extra.alpha2,
            name=extra.name,
            official_name=extra.official_name,
            un_status=extra.un_status,
        )
        named.append((extra.code, [n for n in (extra.official_name, *extra.aliases) if n]))
    for alias in data.alias:
        if alias.code not in countries:
            raise DataError(f"{where}: alias: {alias.code!r} is not a known country code")
        named.append((alias.code, alias.names))

    by_code = {key: country for country in countries.values() for key in (country.code, country.alpha2)}
    exact: dict[str, Country] = {}
    for country in countries.values():
        named.append((country.code, [country.name]))
        for key in (country.code, country.alpha2):
            exact[key] = exact[key.lower()] = country
    by_name: dict[str, Country] = {}
    for code, names in named:
        country = countries[code]
        for name in names:
            exact.setdefault(name, country)
            for variant in _variants(name):
                key = _normalize(variant)
                clash = by_name.get(key) or by_code.get(key.upper() if len(key) <= 3 else "")
                if clash is not None and clash is not country:
                    raise DataError(
                        f"{where}: the name {variant!r} of {code} also names {clash.code}; "
                        "an ambiguous name must be given to one country only"
                    )
                if not key:
                    raise DataError(f"{where}: {code} has an empty name {name!r}")
                by_name[key] = country
    return _Index(
        countries=tuple(sorted(countries.values(), key=lambda country: country.code)),
        by_code=by_code,
        exact=exact,
        by_name=by_name,
    )
