"""Sources a lawyer can cite (issue 15): every source of the shipped data has a tier and a known host, no source is
on a refused host (and the loader refuses one in any file), and a confirmed record has a primary source or two
secondary ones from different outlets. Explanations list the strongest sources first."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from icc_rules import DataError, assess, load_data
from icc_rules.data.audit import audit_sources, shipped_records
from icc_rules.data.hosts import HOSTS, HostTable, host_of
from icc_rules.data.models import Finding, Source
from icc_rules.law.explain import SOURCE_ORDER

VISIT = """
[[visit]]
id = "reader-visit"
person = "putin"
host = "MNG"
start = 2024-09-03
end = 2024-09-03
host_bound = true
outcome = "not_arrested"
summary = "A visit a reader recorded."
sources = [{sources}]
verified_on = 2026-11-01
{extra}
"""


def _visit_file(tmp_path: Path, sources: str, extra: str = "") -> Path:
    path = tmp_path / "visits.toml"
    path.write_text(VISIT.format(sources=sources, extra=extra), encoding="utf-8")
    return path


def _finding(*sources: Source, confidence: str = "confirmed") -> Finding:
    return Finding(id="f", state="MNG", date=datetime.date(2024, 10, 24), chamber="PTC II", summary="s",
                   sources=sources, confidence=confidence, note=None if confidence == "confirmed" else "why",
                   verified_on=datetime.date(2026, 11, 1))


def _problems(*records: Finding) -> tuple[str, ...]:
    return audit_sources(("finding", f"finding {i}", record) for i, record in enumerate(records)).problems


ICC = Source(url="https://www.icc-cpi.int/news/x", title="ICC", kind="primary")
AP = Source(url="https://apnews.com/article/x", title="AP", kind="secondary")
REUTERS = Source(url="https://www.reuters.com/world/x", title="Reuters", kind="secondary")
WIKI = Source(url="https://en.wikipedia.org/wiki/X", title="Wikipedia", kind="reference")


# --- the shipped data -------------------------------------------------------------------------------------------


def test_the_shipped_data_meets_the_source_rules() -> None:
    report = audit_sources(shipped_records())
    assert report.problems == ()
    assert report.unknown_hosts == {}
    assert report.totals["none"] == 0
    assert report.totals["primary"] > 700


def test_no_shipped_source_is_on_a_refused_host() -> None:
    for _, where, record in shipped_records():
        for source in _all_sources(record):
            assert HOSTS.refusal(source.url) is None, (where, source.url)


def _all_sources(node: object) -> list[Source]:
    found: list[Source] = []
    if isinstance(node, Source):
        return [node]
    if hasattr(type(node), "model_fields"):
        for name in type(node).model_fields:
            found += _all_sources(getattr(node, name))
    elif isinstance(node, tuple):
        for item in node:
            found += _all_sources(item)
    return found


# --- the confirmed rule -----------------------------------------------------------------------------------------


def test_a_confirmed_record_with_a_primary_source_passes() -> None:
    assert _problems(_finding(ICC)) == ()


def test_a_confirmed_record_with_two_secondary_sources_from_different_outlets_passes() -> None:
    assert _problems(_finding(AP, REUTERS)) == ()


def test_a_confirmed_record_with_one_outlet_twice_does_not() -> None:
    again = Source(url="https://apnews.com/article/y", title="AP again", kind="secondary")
    (problem,) = _problems(_finding(AP, again))
    assert "finding 0: confirmed, but without a primary source or two secondary ones" in problem
    assert "secondary: Associated Press" in problem


def test_an_encyclopedia_alone_does_not_confirm_a_record() -> None:
    (problem,) = _problems(_finding(WIKI, AP))
    assert "confirmed, but without" in problem


def test_a_probable_record_may_rest_on_one_secondary_source() -> None:
    assert _problems(_finding(AP, confidence="probable")) == ()


def test_a_source_must_say_its_kind_and_match_its_hosts_tier() -> None:
    untyped = Source(url="https://www.icc-cpi.int/news/y", title="ICC")
    understated = Source(url="https://www.icc-cpi.int/news/z", title="ICC", kind="secondary")
    problems = _problems(_finding(ICC, untyped, understated))
    assert any("does not say its kind" in p for p in problems)
    assert any("is given as secondary, but sources.toml has its host as primary" in p for p in problems)


def test_an_unknown_host_is_a_problem_named_by_its_host() -> None:
    unknown = Source(url="https://blog.example.org/p", title="a blog", kind="secondary")
    problems = _problems(_finding(ICC, unknown))
    assert problems == ("finding 0: blog.example.org is not in sources.toml (https://blog.example.org/p)",)


def test_a_findings_referral_source_is_held_to_the_same_rules() -> None:
    unknown = Source(url="https://blog.example.org/referral", title="a blog", kind="secondary")
    finding = _finding(ICC).model_copy(update={"referred_to": ("ASP",), "referral_source": unknown})
    assert _problems(finding) == (("finding 0: blog.example.org is not in sources.toml "
                                  "(https://blog.example.org/referral)"),)


# --- refused hosts ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://dl1.en-us.nina.az/Omar_al-Bashir.html",     # a scraped copy of Wikipedia, on a subdomain
    "https://WWW.LIQUISEARCH.COM/x",                     # any case
    "https://en.m.wikipedia.org/wiki/X",                 # the mobile address, not the article's own
    "https://uat.apnews.com/article/x",                  # a staging copy of a news site whose real site is listed
    "https://docslib.org./doc/1",                        # a trailing dot
])
def test_a_source_on_a_refused_host_cannot_be_made(url: str) -> None:
    with pytest.raises(ValueError, match="is on a refused host"):
        Source(url=url, title="t")


@pytest.mark.parametrize("url", ["https://en.wikipedia.org/wiki/X", "https://apnews.com/article/x",
                                 "https://www.nina.gov.example/x"])
def test_the_canonical_addresses_are_not_refused(url: str) -> None:
    assert HOSTS.refusal(url) is None


def test_the_loader_refuses_a_refused_host_in_a_users_file_naming_the_file_and_why(tmp_path: Path) -> None:
    path = _visit_file(tmp_path, '{ url = "https://wikimili.com/en/Vladimir_Putin", title = "copy" }')
    with pytest.raises(DataError) as caught:
        load_data(overlays=[path])
    message = str(caught.value)
    assert str(path) in message and "reader-visit" in message
    assert "a scraped copy of Wikipedia: cite the article at en.wikipedia.org" in message
    assert "at least 1 item" not in message  # the list is not short; its one item was refused


def test_a_users_file_with_its_own_hosts_loads_and_the_audit_names_them(tmp_path: Path) -> None:
    path = _visit_file(tmp_path, '{ url = "https://blog.example.org/p", title = "a blog" }')
    result = subprocess.run([sys.executable, "-m", "icc_rules", "data", "sources", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert f"visit reader-visit ({path}): blog.example.org is not in sources.toml" in result.stdout
    assert "3 problem(s)" in result.stdout


def test_data_sources_prints_the_tiers_per_table_and_exits_0_for_the_shipped_data() -> None:
    result = subprocess.run([sys.executable, "-m", "icc_rules", "data", "sources"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[-4:] == ["primary", "secondary", "reference", "none"]
    tables = [row.split()[0] for row in rows]
    assert {"state", "person", "situation", "countries.toml", "total"} <= set(tables)
    assert rows[-1] == "0 problem(s)"


# --- the table of hosts -------------------------------------------------------------------------------------------


def test_the_most_specific_entry_wins() -> None:
    asp, court = HOSTS.entry("https://asp.icc-cpi.int/x"), HOSTS.entry("https://www.icc-cpi.int/x")
    assert asp is not None and asp.tier == "primary" and asp.outlet == "ICC Assembly of States Parties"
    assert court is not None and court.outlet == "International Criminal Court"


@pytest.mark.parametrize(("content", "expected"), [
    ('[hosts]\n"a.org" = { tier = "tertiary", outlet = "A" }\n', r"hosts\.'a\.org': expected \{ tier"),
    ('[hosts]\n"a.org" = { tier = "primary" }\n', "expected"),
    ('[refused]\n"a.org" = 3\n', r"refused\.'a\.org': expected the reason as text"),
    ('[hosts]\n"a.org" = { tier = "primary", outlet = "A" }\n[refused]\n"a.org" = "why"\n',
     "a.org is both a host and refused"),
    ('[mirrors]\n', "unknown table 'mirrors'"),
    ('hosts = 1\n', r"\[hosts\] must be a table"),
])
def test_a_broken_table_of_hosts_is_a_data_error_naming_the_entry(tmp_path: Path, content: str,
                                                                  expected: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=expected):
        HostTable(path).refusal("https://a.org/x")


def test_host_of_survives_malformed_addresses() -> None:
    assert host_of("https://[::1/x") == ""
    assert host_of("") == ""


# --- explanations -------------------------------------------------------------------------------------------------


def test_explanations_list_the_strongest_sources_first_and_the_best_two_by_default() -> None:
    answer = assess("netanyahu", "France", "2025-06-01")
    for reason in answer.reasons:
        for used in reason.facts:
            ranks = [SOURCE_ORDER.get(source.kind, 3) for source in used.sources]
            assert ranks == sorted(ranks), used.description
    best, every = answer.explain(), answer.explain(sources="all")
    assert len(every) > len(best)
    assert "uat.apnews.com" not in every


@pytest.mark.parametrize("url", ["https://[::1/x", "https://icc-cpi.int:port/x", "https://./x", "ftp://icc-cpi.int/x",
                                 "https://icc-cpi.int/a b", "icc-cpi.int/news"])
def test_an_address_a_reader_cannot_open_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="is not an http\\(s\\) address with a host"):
        Source(url=url, title="t")
