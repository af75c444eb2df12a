"""The countries and territories a query can name: ISO 3166-1 (``iso3166.toml``) and Kosovo, each with its UN status
and the short name people write (``countries.toml``, where each addition is sourced).

This module holds the table and finds an entry by its code; :mod:`icc_rules.lookup.countries` finds one from a name
as people write it. ISO 3166-1 is shipped as a data file, checked against the ``pycountry`` package by a test
(``tests/lookup/test_countries.py``), so the package needs no country library at run time.

>>> country_by_code("ZAF").name, country_by_code("xk").name, country_by_code("496").name
('South Africa', 'Kosovo', 'Mongolia')
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import DataError, UnknownCountryError, short_repr
from .files import read_toml
from .models import Checked, Record, Source, Sourced

__all__ = ["Country", "UNStatus", "all_countries", "country_by_code", "country_files", "country_names"]

UNStatus = Literal["member", "observer", "territory", "other"]
"""A country's standing at the United Nations: a ``member`` state, an ``observer`` state (the Holy See and
Palestine), a dependent ``territory``, or ``other`` (Kosovo, Taiwan, Western Sahara, Antarctica, and the Cook
Islands and Niue, states in free association with New Zealand)."""

#: The data files read by this module.
COUNTRIES_FILE = Path(__file__).parent / "countries.toml"
ISO_FILE = Path(__file__).parent / "iso3166.toml"

M = TypeVar("M", bound=BaseModel)

#: Codes longer than this are not looked up: an error quotes at most this much of them.
MAX_CODE_LENGTH = 40


class Country(BaseModel):
    """A country or territory with an ISO 3166-1 code (or, for Kosovo, a user-assigned one).

    ``str()`` gives the short English name people write.

    Attributes:
        code: ISO 3166-1 alpha-3 code, such as ``"ZAF"``; ``"XKX"`` for Kosovo, ``"PSE"`` for Palestine.
        alpha2: ISO 3166-1 alpha-2 code, such as ``"ZA"``; ``"XK"`` for Kosovo.
        name: The short common English name ("Russia", "Iran", "Türkiye", "Democratic Republic of the Congo").
        official_name: The formal name where ISO 3166-1 gives one ("Russian Federation" has none).
        numeric: The ISO 3166-1 numeric code (``"496"`` for Mongolia); ``None`` for Kosovo.
        un_status: ``member``, ``observer`` (Holy See, Palestine), ``territory`` or ``other`` (see ``UNStatus``).
        takes_the: True when English puts "the" before the name in running text ("in the Philippines");
            :attr:`in_text` gives the name so.

    >>> country = country_by_code("KGZ")
    >>> country.code, country.alpha2, country.numeric, str(country), country.official_name, country.un_status
    ('KGZ', 'KG', '417', 'Kyrgyzstan', 'Kyrgyz Republic', 'member')
    >>> country_by_code("PSE").un_status, country_by_code("XKX").un_status, country_by_code("GRL").un_status
    ('observer', 'other', 'territory')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{3}$")
    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str = Field(min_length=1)
    official_name: str | None = None
    numeric: str | None = Field(default=None, pattern=r"^[0-9]{3}$")
    un_status: UNStatus
    takes_the: bool = False

    def __str__(self) -> str:
        return self.name

    @property
    def in_text(self) -> str:
        """The name as a sentence writes it, with the article English gives it: "the Philippines", "Mongolia". A
        sentence that starts with it capitalises the article itself.

        >>> country_by_code("PHL").in_text, country_by_code("USA").in_text, country_by_code("MNG").in_text
        ('the Philippines', 'the United States', 'Mongolia')
        """
        return f"the {self.name}" if self.takes_the else self.name


def country_by_code(code: str) -> Country:
    """The country with an ISO 3166-1 alpha-3, alpha-2 or numeric code, in any case.

    Args:
        code: ``"ZAF"``, ``"za"``, ``"710"``, ``"XKX"``, ``"XK"``; surrounding spaces are ignored. Names are not
            accepted: use :func:`icc_rules.lookup.countries.resolve_country` for those.

    Returns:
        The country with that code.

    Raises:
        UnknownCountryError: No country has this code, or ``code`` is not a ``str``.

    >>> country_by_code("ZAF").name, country_by_code("xk").name
    ('South Africa', 'Kosovo')
    >>> country_by_code("Russia")
    Traceback (most recent call last):
    ...
    icc_rules.errors.UnknownCountryError: unknown country 'Russia': expected an ISO 3166-1 alpha-2, alpha-3 or numeric code or a country name
    """
    if not isinstance(code, str):
        raise UnknownCountryError(short_repr(code), expected_type=type(code).__name__)
    found = _table().by_code.get(code.strip().upper())
    if found is None:
        raise UnknownCountryError(code if len(code) <= MAX_CODE_LENGTH else code[:MAX_CODE_LENGTH] + "…")
    return found


def all_countries() -> tuple[Country, ...]:
    """Every country once, sorted by alpha-3 code: the 249 ISO 3166-1 entries and Kosovo.

    >>> countries = all_countries()
    >>> len(countries), countries[0].code, countries[-1].code
    (250, 'ABW', 'ZWE')
    >>> sum(country.un_status == "member" for country in countries)
    193
    """
    return _table().countries


def country_names() -> Iterable[tuple[Country, Iterable[str]]]:
    """Every country with the names it answers to: its ISO names and the aliases of ``countries.toml``."""
    return _table().names


# --- The data files ---------------------------------------------------------------------------------------------


class _IsoEntry(Record):
    """One ISO 3166-1 entry."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    numeric: str = Field(pattern=r"^[0-9]{3}$")
    name: str = Field(min_length=1)
    official_name: str | None = None
    common_name: str | None = None


class _IsoFile(Record):
    sources: tuple[Source, ...] = Field(min_length=1)
    pycountry: str
    country: tuple[_IsoEntry, ...] = Field(min_length=1)


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
    definite_article: _Group
    other: tuple[_Other, ...] = ()
    extra: tuple[_Extra, ...] = ()
    override: tuple[_Override, ...] = ()
    alias: tuple[_Alias, ...] = ()


def country_files() -> tuple[tuple[str, BaseModel], ...]:
    """The two country files as read and validated, ``(file name, content)``, for auditing their sources.

    >>> [name for name, _ in country_files()]
    ['iso3166.toml', 'countries.toml']
    """
    return ((ISO_FILE.name, _read(_IsoFile, ISO_FILE)), (COUNTRIES_FILE.name, _read(_CountriesFile, COUNTRIES_FILE)))


def _read(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(read_toml(path))
    except ValidationError as error:
        raise DataError(f"{path.name}: {error}") from None


# --- The table ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    countries: tuple[Country, ...]
    by_code: Mapping[str, Country]  # "ZAF", "ZA" and "710"
    names: tuple[tuple[Country, tuple[str, ...]], ...]  # every name each country answers to


_TABLE: _Table | None = None
_TABLE_LOCK = threading.Lock()


def _table() -> _Table:
    global _TABLE
    if _TABLE is None:
        with _TABLE_LOCK:
            if _TABLE is None:
                _TABLE = _build(_read(_IsoFile, ISO_FILE), _read(_CountriesFile, COUNTRIES_FILE))
    return _TABLE


def _build(iso_file: _IsoFile, data: _CountriesFile) -> _Table:
    """Every country with its UN status, display name and names; a problem raises DataError naming the file."""
    where = COUNTRIES_FILE.name
    iso = {entry.code: entry for entry in iso_file.country}
    statuses: dict[str, UNStatus] = {}

    def known(code: str, table: str) -> None:
        if code not in iso:
            raise DataError(f"{where}: {table}: {code!r} is not an ISO 3166-1 alpha-3 code (see {ISO_FILE.name})")

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

    for code in data.definite_article.codes:
        known(code, "definite_article")
    the = set(data.definite_article.codes)

    countries: dict[str, Country] = {}
    names: dict[str, list[str]] = {}
    for code, entry in iso.items():
        countries[code] = Country(code=code, alpha2=entry.alpha2, numeric=entry.numeric,
                                  name=overrides.get(code) or entry.common_name or entry.name,
                                  official_name=entry.official_name, un_status=statuses.get(code, "territory"),
                                  takes_the=code in the)
        names[code] = [entry.name, *(name for name in (entry.official_name, entry.common_name) if name)]
    for extra in data.extra:
        if extra.code in countries or any(c.alpha2 == extra.alpha2 for c in countries.values()):
            raise DataError(f"{where}: extra: {extra.code!r}/{extra.alpha2!r} is already an ISO 3166-1 code")
        countries[extra.code] = Country(code=extra.code, alpha2=extra.alpha2, name=extra.name,
                                        official_name=extra.official_name, un_status=extra.un_status)
        names[extra.code] = [n for n in (extra.official_name, *extra.aliases) if n]
    for alias in data.alias:
        if alias.code not in countries:
            raise DataError(f"{where}: alias: {alias.code!r} is not a known country code")
        names[alias.code].extend(alias.names)
    by_code = {key: country for country in countries.values()
               for key in (country.code, country.alpha2, country.numeric) if key}
    ordered = tuple(sorted(countries.values(), key=lambda country: country.code))
    return _Table(countries=ordered, by_code=by_code,
                  names=tuple((country, (country.name, *names[country.code])) for country in ordered))
