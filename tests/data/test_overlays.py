"""Users' own data files load on top of the shipped data: added, tagged by origin, conflicts reported."""

from __future__ import annotations

import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import DataFile, what_if_state

from icc_rules import DataError, InputError, assess, load_data, shipped_data, verdict_of

HYPOTHETICAL_ACCESSION = textwrap.dedent("""
    [[state]]
    code = "CHN"
    name = "China"
    deposited = 2026-01-10
    instrument = "accession"
    in_force = 2026-04-01
    sources = [{ url = "https://example.org/what-if", title = "A what-if scenario" }]
    verified_on = 2026-11-28
    confidence = "reported"
    note = "Hypothetical accession, for a scenario."
""")


@pytest.fixture
def what_if(data_file: DataFile) -> Path:
    return data_file("what-if.toml", HYPOTHETICAL_ACCESSION)


def test_an_overlay_adds_records_and_answers_say_they_rest_on_user_data(what_if: Path) -> None:
    data = load_data(overlays=[what_if])
    answer = assess("Putin", "China", "2026-05-01", data=data)
    assert answer.verdict.value == "duty_to_arrest"
    assert any(str(what_if) in warning for warning in answer.warnings)
    assert data.origin("state", "CHN") == str(what_if)
    assert data.origin("state", "ZAF") == "shipped"


def test_the_shipped_data_is_never_changed_by_an_overlay(what_if: Path) -> None:
    load_data(overlays=[what_if])
    assert shipped_data().state("CHN") is None
    assert verdict_of("Putin", "China", "2026-05-01").value == "no_duty"


def test_an_overlay_record_with_an_existing_id_supersedes_it_and_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "armenia.toml"
    path.write_text(what_if_state("ARM", "Armenia", "2023-11-14", "2024-02-01", """
        kind = "withdrawal_effective"
        date = 2026-01-01
        sources = [{ url = "https://example.org/armenia-exit", title = "What-if: Armenia leaves" }]
    """), encoding="utf-8")
    data = load_data(overlays=[path])
    assert data.conflicts == ("armenia.toml: state 'ARM' supersedes the record from the shipped data",)
    # The Ukraine investigation began in 2022, while Armenia was a party: article 127(2) keeps its duty.
    assert verdict_of("Putin", "Armenia", "2026-02-01", data=data).value == "residual_duty"
    assert verdict_of("Putin", "Armenia", "2026-02-01").value == "duty_to_arrest"


def test_a_broken_overlay_fails_loading_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[[state]]\ncode = "CHN"\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.toml: state\[0\] \(code='CHN'\): .*field name: Field required"):
        load_data(overlays=[path])


def test_a_merged_dataset_answers_the_same_from_several_threads(what_if: Path) -> None:
    data = load_data(overlays=[what_if])
    days = [f"2026-0{month}-15" for month in range(1, 10)] * 20
    alone = [verdict_of("Putin", "CHN", day, data=data) for day in days]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda day: verdict_of("Putin", "CHN", day, data=data), days))
    assert together == alone


def test_an_overlay_can_supersede_a_territory_record(jersey_extended: Path) -> None:
    data = load_data(overlays=str(jersey_extended))  # one file, given as a string
    assert verdict_of("putin", "Jersey", "2024-09-03", data=data).value == "duty_to_arrest"
    assert verdict_of("kony", "Jersey", "2019-12-31", data=data).value == "no_duty"  # before the extension
    assert any("supersedes" in conflict and "JEY" in conflict for conflict in data.conflicts)
    assert any(str(jersey_extended) in w for w in assess("putin", "Jersey", "2024-09-03", data=data).warnings)
    assert verdict_of("putin", "Jersey", "2024-09-03").value == "no_duty"  # the shipped answer is unchanged


@pytest.mark.parametrize("arguments", [{"overlays": None}, {"overlays": [3]}, {"directory": None},
                                       {"directory": ""}, {"overlays": 3.5}])
def test_paths_that_are_not_paths_are_input_errors(arguments: dict[str, object]) -> None:
    with pytest.raises(InputError, match="expected a path"):
        load_data(**arguments)  # type: ignore[arg-type]


def test_a_file_given_as_the_data_directory_says_to_pass_it_as_an_overlay(what_if: Path) -> None:
    with pytest.raises(DataError, match=r"expected a data directory .* overlays=\[\.\.\.\]"):
        load_data(what_if)
