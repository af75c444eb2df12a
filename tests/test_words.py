"""Words for people, codes for programs: what a reader sees says the verdict in plain words, names each country
once and with its article, speaks to a shell user in a shell user's terms, and gives each precedent its source."""

from __future__ import annotations

import re

import pytest

from icc_rules import assess, parties_on, shipped_data, world
from icc_rules.cli import EXIT_INPUT, main
from icc_rules.data.countries import all_countries, country_by_code
from icc_rules.data.models import VISIT_OUTCOME_WORDS
from icc_rules.errors import InvalidDateError
from icc_rules.law.verdicts import Verdict

#: Words that belong to programs, never to a reader: Python's booleans and the codes of verdicts and outcomes.
MACHINE = re.compile(r"\b(True|False|can travel: |not_arrested|visit_cancelled|left_early|"
                     + "|".join(verdict.value for verdict in Verdict) + r")\b")

ANSWERS = [("putin", "Mongolia", "2024-09-03"), ("duterte", "Philippines", "2025-03-11"),
           ("putin", "Kyrgyzstan", "2023-10-12"), ("putin", "Hungary", "2026-07-01"),
           ("al-bashir", "South Africa", "2015-06-14"), ("putin", "Armenia", "2023-06-01"),
           ("netanyahu", "United States", "2025-04-07")]


@pytest.mark.parametrize(("person", "country", "date"), ANSWERS)
def test_the_headline_and_the_verdict_rule_say_the_verdict_in_words(person: str, country: str, date: str) -> None:
    answer = assess(person, country, date)
    assert answer.headline().endswith(answer.verdict.phrase)
    assert not MACHINE.search(answer.headline())
    verdict_reason = answer.reasons[-1] if answer.reasons[-1].kind == "verdict" else None
    if verdict_reason is not None:
        assert verdict_reason.text.startswith(f"Verdict, {answer.verdict.label}: ")
        assert not MACHINE.search(verdict_reason.text)


def test_every_verdict_and_visit_outcome_has_its_words() -> None:
    assert len({verdict.phrase for verdict in Verdict}) == len(Verdict)
    assert all(":" in verdict.phrase and not MACHINE.search(verdict.phrase) for verdict in Verdict)
    assert [verdict.label for verdict in Verdict] == [
        "in custody", "must arrest", "must still arrest (article 127(2))", "no duty to arrest", "no warrant in force"]
    assert all("_" not in words for words in VISIT_OUTCOME_WORDS.values())


def test_countries_take_the_article_english_gives_them() -> None:
    assert [country_by_code(code).in_text for code in ("PHL", "USA", "NLD", "GMB", "MNG", "SDN")] == [
        "the Philippines", "the United States", "the Netherlands", "the Gambia", "Mongolia", "Sudan"]
    duterte = assess("duterte", "Philippines", "2025-03-11")
    assert duterte.headline().startswith("Rodrigo Duterte in the Philippines on 2025-03-11: ")
    texts = [reason.text for reason in duterte.reasons]
    assert texts[0].startswith("The Philippines is no longer a State Party")  # a sentence opens with a capital
    assert "held by the Philippines since 2025-03-11" in " ".join(texts)
    assert not re.search(r"\b(in|by|for|binds) (Philippines|United States|Netherlands)\b", duterte.explain())


def test_a_possessive_of_a_name_in_s_takes_a_bare_apostrophe() -> None:
    text = " ".join(reason.text for reason in assess("duterte", "Philippines", "2019-06-01").reasons)
    assert "Philippines's" not in text


def test_one_short_name_per_country_in_every_view() -> None:
    states = {party.code: party.name for party in parties_on("2025-01-01").parties}
    shown = {record.country: record.name for record in world("Putin", "2025-01-01").countries}
    assert states["TZA"] == shown["TZA"] == "Tanzania"
    assert all(states[code] == shown[code] == country_by_code(code).name for code in states)
    status = assess("putin", "Tanzania", "2025-01-01").reasons[0]
    assert "United Republic" not in status.text and "Tanzania" in status.text


def test_every_state_record_is_a_known_country() -> None:
    """The rules name a state by the country table's name: every state the data records must be in it."""
    known = {country.code for country in all_countries()}
    assert {state.code for state in shipped_data().states} <= known


def test_a_date_error_speaks_to_a_shell_user_and_to_a_python_caller(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolia", "3/9/2024"]) == EXIT_INPUT
    said = capsys.readouterr().err
    assert "expected a day as YYYY-MM-DD" in said and "'today'" in said and "datetime" not in said
    with pytest.raises(InvalidDateError, match="expected a datetime.date"):
        assess("putin", "mongolia", "3/9/2024")


def test_human_output_of_check_holds_no_machine_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolia", "2024-09-03"]) == 0
    out = capsys.readouterr().out
    head = out.split("\nWhy:")[0]
    assert not MACHINE.search(head)
    assert "explain(" not in out and "--sources all" in out
    precedents = out.split("Precedents:")[1]
    assert "visit (came and was not arrested)" in precedents and "not_arrested" not in precedents


def test_precedents_show_their_best_source_and_a_finding_its_document_number() -> None:
    text = assess("al-bashir", "South Africa", "2015-06-14").explain()
    precedents = text.split("Precedents:\n")[1].split("\n\nData:")[0].splitlines()
    assert precedents[0].startswith("  - 2015-06-13 to 2015-06-15, visit (came and was not arrested): ")
    assert precedents[1].startswith("    source: ")
    finding = next(index for index, line in enumerate(precedents) if "finding of non-compliance" in line)
    assert "ICC-02/05-01/09-302" in precedents[finding]
    assert precedents[finding + 1].startswith("    source: ") and "[primary, ICC-02/05-01/09-302]" in precedents[
        finding + 1]


def test_wanted_in_names_who_holds_a_person_held_elsewhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["wanted-in", "mongolia", "2024-09-03"]) == 0
    out = capsys.readouterr().out
    bashir = next(line for line in out.splitlines() if "Omar al-Bashir" in line)
    assert "must arrest, if freed" in bashir and "held by Sudan since 2019-04-11, on other grounds" in bashir
    assert "Abdel Raheem Muhammad Hussein" in out
    assert not MACHINE.search(out)
