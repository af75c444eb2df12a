"""The shipped data passes every check, and broken data fails loading with an error that says where."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from icc_rules import DataError, Verdict, load_data, shipped_data, verdict_of
from icc_rules.data import DATA_DIR
from icc_rules.data.countries import all_countries
from icc_rules.law.statute import entry_into_force

DATA = shipped_data()


def test_every_record_has_a_source_and_every_unsure_record_a_note() -> None:
    records = [*DATA.states, *DATA.situations, *DATA.declarations, *DATA.referrals, *DATA.persons, *DATA.visits,
               *DATA.findings, *DATA.territories]
    for record in records:
        assert record.sources
        assert record.confidence == "confirmed" or record.note


def test_every_dependent_territory_has_a_record_saying_whether_the_statute_applies_there() -> None:
    """Without one, a territory would be answered as a non-party: Putin in Martinique would have "no duty"."""
    territories = {c.code for c in all_countries() if c.un_status == "territory"}
    recorded = {t.code for t in DATA.territories}
    assert territories - recorded == set()
    for territory in DATA.territories:
        sovereign = DATA.state(territory.state)
        if territory.applies_from and sovereign and sovereign.in_force:
            assert territory.applies_from >= sovereign.in_force, territory.code


def test_the_statute_applies_in_a_territory_as_its_record_says() -> None:
    assert verdict_of("putin", "Martinique", "2024-09-03") is Verdict.DUTY_TO_ARREST  # part of France
    assert verdict_of("kony", "Gibraltar", "2015-04-19") is Verdict.NO_DUTY  # the UK extended it on 2015-04-20
    assert verdict_of("kony", "Gibraltar", "2015-04-20") is Verdict.DUTY_TO_ARREST
    assert verdict_of("putin", "Tokelau", "2024-09-03") is Verdict.NO_DUTY  # excluded by New Zealand
    assert verdict_of("putin", "Puerto Rico", "2024-09-03") is Verdict.NO_DUTY  # the United States are no party
    assert verdict_of("kony", "Faroe Islands", "2006-09-30") is Verdict.NO_DUTY  # Denmark extended it on 2006-10-01
    assert verdict_of("kony", "Faroe Islands", "2006-10-01") is Verdict.DUTY_TO_ARREST


def test_entry_into_force_follows_article_126_or_a_note_says_why() -> None:
    for state in DATA.states:
        if state.in_force and state.deposited and entry_into_force(state.deposited) != state.in_force:
            assert state.note, state.code


def test_the_persons_the_core_issue_names_are_in_the_data() -> None:
    for person in ("putin", "lvova-belova", "netanyahu", "gallant", "al-bashir", "kony", "saif-gaddafi", "duterte"):
        assert DATA.person(person).warrants


def test_the_dataset_has_a_version_and_an_as_of_date() -> None:
    assert DATA.info.version
    assert datetime.date(2026, 1, 1) <= DATA.info.as_of <= datetime.date.today()


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "a missing field": (
        lambda d: _edit(d / "persons" / "ukraine.toml", 'issued = 2023-03-17\n', ""),
        r"ukraine\.toml: person\[0\] \(id='putin'\): field warrant\.0\.issued: Field required",
    ),
    "a wrong type": (
        lambda d: _edit(d / "states.toml", "in_force = 2024-02-01", 'in_force = "soon"'),
        r"states\.toml: state\[\d+\] \(code='ARM'\): field in_force: Input should be a valid date",
    ),
    "an unknown kind": (
        lambda d: _edit(d / "persons" / "ukraine.toml", 'kind = "warrant"', 'kind = "warant"'),
        r"ukraine\.toml: person\[0\] \(id='putin'\): field warrant\.0\.kind: Input should be",
    ),
    "an unknown field": (
        lambda d: _edit(d / "situations.toml", "[[situation]]\n", "[[situation]]\nopend = 2020-01-01\n"),
        r"situations\.toml: situation\[0\] .*field opend: Extra inputs are not permitted",
    ),
    "a dangling reference": (
        lambda d: _edit(d / "persons" / "ukraine.toml", 'situation = "UKR"', 'situation = "UKRAINE"'),
        r"person putin: warrant putin-2023: unknown situation 'UKRAINE'",
    ),
    "a duplicate id": (
        lambda d: _edit(d / "persons" / "ukraine.toml", 'id = "lvova-belova"', 'id = "putin"'),
        r"ukraine\.toml: person\[1\] \(id='putin'\): person 'putin' is defined twice in this file",
    ),
    "an entry into force against article 126": (
        lambda d: _edit(d / "states.toml", "in_force = 2024-02-01", "in_force = 2024-03-01"),
        r"state ARM: in_force 2024-03-01 differs from the article 126 date 2024-02-01",
    ),
    "a warrant executed on a day no custody covers": (
        lambda d: _edit(d / "persons" / "philippines.toml", "[[person.custody]]\n  start = 2025-03-11",
                        "[[person.custody]]\n  start = 2025-03-12"),
        r"person duterte: warrant duterte-2025: arrested on 2025-03-11, but no custody period covers that day",
    ),
    "a fact dated after as_of": (
        lambda d: _edit(d / "dataset.toml", "as_of = 2026-06-24", "as_of = 2024-01-01"),
        r"is after the dataset's as_of date 2024-01-01",
    ),
    "a referral before its finding": (
        lambda d: _edit(d / "precedents.toml", 'date = 2025-10-17\n', 'date = 2025-10-17\nreferred_on = 2025-10-01\n'),
        r"precedents\.toml: finding\[\d+\] \(id='ita-2025-10-17'\): .*referred_on 2025-10-01 is before the finding",
    ),
    "a referral after as_of": (
        lambda d: _edit(d / "precedents.toml", 'date = 2025-10-17\n', 'date = 2025-10-17\nreferred_on = 2026-12-01\n'),
        r"finding ita-2025-10-17: referred_on: 2026-12-01 is after the dataset's as_of date",
    ),
    "a referral's date without a referral": (
        lambda d: _edit(d / "precedents.toml", 'date = 2017-12-11\n', 'date = 2017-12-11\nreferred_on = 2017-12-11\n'),
        r"\(id='jor-2017-12-11'\): .*referred_on and referral_source describe a referral: give referred_to",
    ),
    "a malformed source address": (
        lambda d: _edit(d / "states.toml", 'url = "https://', 'url = "htps://'),
        r"states\.toml: state\[0\] .*is not an http\(s\) address",
    ),
    "a file that is not TOML": (
        lambda d: (d / "situations.toml").write_text("[[situation]\n", encoding="utf-8"),
        r"situations\.toml: not valid TOML",
    ),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_broken_data_fails_loading_naming_file_record_and_field(tmp_path: Path, breakage: str) -> None:
    data_dir = _copy(tmp_path)
    break_it, expected = BREAKAGES[breakage]
    break_it(data_dir)
    with pytest.raises(DataError, match=expected):
        load_data(data_dir)


def test_arm_record_still_has_the_fields_the_breakage_tests_rely_on() -> None:
    assert re.search(r"in_force = 2024-02-01", (DATA_DIR / "states.toml").read_text(encoding="utf-8"))
