"""Countries: every way people write a country resolves to the right ISO 3166-1 code, and nothing else does."""

from __future__ import annotations

import threading
import tomllib
from concurrent.futures import ThreadPoolExecutor

import pycountry
import pytest
from pydantic import ValidationError

from icc_rules.data import countries
from icc_rules.data.countries import COUNTRIES_FILE as DATA_FILE
from icc_rules.data.countries import ISO_FILE, Country, all_countries, country_by_code
from icc_rules.errors import DataError, UnknownCountryError
from icc_rules.lookup import countries as lookup
from icc_rules.lookup.countries import resolve_country

# What a user may type, and the country it must mean.
NAMES = {
    "Kyrgyzstan": "KGZ", "Kyrgyz Republic": "KGZ",
    "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "State of Palestine": "PSE", "Palestine": "PSE",
    "Kosovo": "XKX", "XK": "XKX", "XKX": "XKX",
    "Russia": "RUS", "Russian Federation": "RUS",
    "USA": "USA", "United States": "USA", "United States of America": "USA", "US": "USA", "U.S.": "USA",
    "UK": "GBR", "Great Britain": "GBR", "Britain": "GBR", "United Kingdom": "GBR",
    "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV",
    "DRC": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD", "Democratic Republic of the Congo": "COD",
    "Congo-Brazzaville": "COG", "Republic of the Congo": "COG",
    "Congo": "COG",  # the ISO 3166-1 short name of the Republic of the Congo: decided in data/countries.toml
    "Burma": "MMR", "Myanmar": "MMR",
    "Czech Republic": "CZE", "Czechia": "CZE",
    "Swaziland": "SWZ", "Eswatini": "SWZ",
    "Macedonia": "MKD", "North Macedonia": "MKD",
    "South Korea": "KOR", "North Korea": "PRK",
    "Iran": "IRN", "Syria": "SYR", "Vietnam": "VNM", "Laos": "LAO", "Moldova": "MDA", "Tanzania": "TZA",
    "Venezuela": "VEN", "Bolivia": "BOL",
    "Cape Verde": "CPV", "Cabo Verde": "CPV",
    "East Timor": "TLS", "Timor-Leste": "TLS",
    "Vatican": "VAT", "Holy See": "VAT",
    "Taiwan": "TWN", "Micronesia": "FSM", "Brunei": "BRN",
    "Gambia": "GMB", "The Gambia": "GMB", "Bahamas": "BHS",
    "Netherlands": "NLD", "Holland": "NLD",
    "UAE": "ARE", "Sao Tome": "STP",
    "St Kitts and Nevis": "KNA", "Saint Lucia": "LCA", "St. Vincent": "VCT",
    # the UN's own way of writing names
    "Iran (Islamic Republic of)": "IRN", "Bolivia (Plurinational State of)": "BOL", "Republic of Korea": "KOR",
    "Democratic People's Republic of Korea": "PRK", "United Republic of Tanzania": "TZA",
    # names in the country's own language
    "Deutschland": "DEU", "España": "ESP", "Россия": "RUS", "Україна": "UKR", "Kosovë": "XKX",
}


@pytest.mark.parametrize(("name", "code"), NAMES.items())
def test_names_people_write_resolve_to_their_country(name: str, code: str) -> None:
    assert resolve_country(name).code == code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("KYRGYZSTAN", "KGZ"),  # case
        ("  kyrgyzstan \n", "KGZ"),  # surrounding and
        ("Bosnia   and  Herzegovina", "BIH"),  # inner whitespace
        ("Sao Tome & Principe", "STP"),  # "&" for "and"
        ("São Tomé and Príncipe", "STP"),  # accents
        ("Cote dIvoire", "CIV"),  # apostrophes
        ("Guinea Bissau", "GNB"),  # hyphens
        ("the Netherlands", "NLD"),  # a leading "the"
        ("St Lucia", "LCA"),  # "St" for "Saint"
        ("Congo (Kinshasa)", "COD"),
        ("Congo (Brazzaville)", "COG"),
    ],
)
def test_matching_ignores_case_accents_punctuation_spacing_and_a_leading_the(written: str, code: str) -> None:
    assert resolve_country(written).code == code


@pytest.mark.parametrize("code", ["za", "ZA", "Za", "zaf", "ZAF", "zAf", " ZAF "])
def test_codes_resolve_in_any_case(code: str) -> None:
    assert resolve_country(code).code == "ZAF"
    assert country_by_code(code).code == "ZAF"


def test_country_by_code_takes_codes_only() -> None:
    assert country_by_code("xk").code == country_by_code("XKX").code == "XKX"
    with pytest.raises(UnknownCountryError):
        country_by_code("South Africa")


def test_every_country_answers_to_its_codes_and_names() -> None:
    for country in all_countries():
        for written in (country.code, country.alpha2, country.name, country.official_name):
            if written is not None:
                assert resolve_country(written) is country, written


def test_every_alias_in_the_data_file_resolves_to_its_country() -> None:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    for record in data["alias"]:
        for name in record["names"]:
            assert resolve_country(name).code == record["code"], name
    for record in data["extra"]:
        for name in record["aliases"]:
            assert resolve_country(name).code == record["code"], name


@pytest.mark.parametrize(("query", "suggested"), [
    ("Mongolai", ["Mongolia"]),
    ("Korea", ["South Korea", "North Korea"]),  # ambiguous on purpose: no alias
    ("America", ["United States"]),  # ambiguous on purpose: no alias
    ("Phillipines", ["Philippines"]),
])
def test_an_unknown_name_fails_naming_the_input_and_suggesting_close_matches(query: str, suggested: list[str]) -> None:
    with pytest.raises(UnknownCountryError) as raised:
        resolve_country(query)
    error = raised.value
    assert isinstance(error, LookupError)
    assert repr(query) in str(error)
    assert error.query == query
    assert set(suggested) <= set(error.suggestions)
    assert len(error.suggestions) <= 5 and len(set(error.suggestions)) == len(error.suggestions)
    assert all(name in str(error) for name in suggested)


@pytest.mark.parametrize(
    "query",
    ["", " ", "\t\n", "ZZ", "ZZZ", "Atlantis", "x" * 10_000, "\x00", "\x1b[31mKenya", "Ke\x00nya", "\ud800", "🏳️"],
)
def test_hostile_strings_raise_unknown_country_only(query: str) -> None:
    with pytest.raises(UnknownCountryError) as raised:
        resolve_country(query)
    assert len(str(raised.value)) < 500
    with pytest.raises(UnknownCountryError):
        country_by_code(query)


@pytest.mark.parametrize(
    "query", [710, None, 7.1, b"ZAF", ["ZAF"], ("ZA",), {"code": "ZAF"}, pycountry.countries, ["ZAF"] * 10_000]
)
def test_anything_but_a_str_or_country_raises_unknown_country_saying_what_is_expected(query: object) -> None:
    for function in (resolve_country, country_by_code):
        with pytest.raises(UnknownCountryError) as raised:
            function(query)  # type: ignore[arg-type]
        assert "expected a str" in str(raised.value) and "or a Country" in str(raised.value)
        assert len(str(raised.value)) < 500


def test_resolving_a_country_returns_it() -> None:
    russia = resolve_country("Russia")
    assert resolve_country(russia) is russia
    assert resolve_country(russia.model_copy()) is russia


def test_a_country_that_does_not_exist_is_refused_even_as_a_country() -> None:
    with pytest.raises(UnknownCountryError):
        resolve_country(Country(code="ATL", alpha2="AT", name="Atlantis", un_status="other"))


def test_a_country_is_immutable_and_prints_as_its_name() -> None:
    country = resolve_country("Türkiye")
    assert str(country) == "Türkiye" and f"{country}" == "Türkiye"
    assert country.official_name == "Republic of Türkiye"
    with pytest.raises(ValidationError):
        country.name = "Turkey"  # type: ignore[misc]


def test_all_countries_lists_every_iso_country_and_kosovo_once_sorted_by_code() -> None:
    codes = [country.code for country in all_countries()]
    assert codes == sorted(set(codes))
    assert set(codes) == {entry.alpha_3 for entry in pycountry.countries} | {"XKX"}
    assert len({country.alpha2 for country in all_countries()}) == len(codes)
    assert len({country.name for country in all_countries()}) == len(codes), "display names must be unique"


def test_un_status_follows_the_data_file() -> None:
    by_status: dict[str, set[str]] = {}
    for country in all_countries():
        by_status.setdefault(country.un_status, set()).add(country.code)
    assert len(by_status["member"]) == 193
    assert by_status["observer"] == {"PSE", "VAT"}
    assert {"XKX", "TWN", "ESH"} <= by_status["other"]
    assert {"GRL", "HKG", "PRI", "GIB"} <= by_status["territory"]
    assert {"ZAF", "SSD", "RUS", "USA", "ISR", "MNG"} <= by_status["member"]


def test_display_names_are_the_ones_people_write() -> None:
    names = {code: country_by_code(code).name for code in ("RUS", "IRN", "COD", "COG", "PSE", "BOL", "VAT", "XKX")}
    assert names == {
        "RUS": "Russia", "IRN": "Iran", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
        "PSE": "Palestine", "BOL": "Bolivia", "VAT": "Holy See", "XKX": "Kosovo",
    }


def test_the_index_is_built_once_when_many_threads_ask_at_the_same_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookup, "_INDEX", None)
    start = threading.Barrier(16)

    def resolve(name: str) -> Country:
        start.wait()
        return resolve_country(name)

    with ThreadPoolExecutor(max_workers=16) as pool:
        found = list(pool.map(resolve, ["Kyrgyz Republic", "za", "DRC", "Holland"] * 4))
    assert [country.code for country in found[:4]] == ["KGZ", "ZAF", "COD", "NLD"]
    assert all(a is b for a, b in zip(found, found[4:], strict=False))


def test_a_name_given_to_two_countries_is_refused_when_the_data_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    data = countries._read(countries._CountriesFile, DATA_FILE)
    clash = countries._Alias(code="COD", names=("Congo",))
    table = countries._build(countries._read(countries._IsoFile, ISO_FILE),
                             data.model_copy(update={"alias": (*data.alias, clash)}))
    monkeypatch.setattr(countries, "_TABLE", table)
    with pytest.raises(DataError, match="'Congo' of (COD also names COG|COG also names COD)"):
        lookup._build()


def test_the_shipped_iso_table_is_iso_3166_1_as_pycountry_has_it() -> None:
    """The package reads ISO 3166-1 from its own file (no country library at run time); this holds the file to
    pycountry, so a new ISO release shows here."""
    shipped = {entry.code: entry for entry in countries._read(countries._IsoFile, ISO_FILE).country}
    assert set(shipped) == {entry.alpha_3 for entry in pycountry.countries}
    for entry in pycountry.countries:
        mine = shipped[entry.alpha_3]
        assert (mine.alpha2, mine.numeric, mine.name) == (entry.alpha_2, entry.numeric, entry.name), entry.alpha_3
        assert mine.official_name == getattr(entry, "official_name", None)
        assert mine.common_name == getattr(entry, "common_name", None)


def test_every_source_in_the_data_file_is_an_https_address() -> None:
    data = countries._read(countries._CountriesFile, DATA_FILE)
    records: list[countries._Group | countries._Other | countries._Extra | countries._Alias] = [
        data.un_members, data.un_observers, *data.other, *data.extra, *data.alias
    ]
    urls = [source.url for record in records for source in record.sources]
    assert urls and all(url.startswith("https://") for url in urls)
