"""The command line in French: ``--lang fr``, or the environment when ``--lang`` is not given."""

from __future__ import annotations

import subprocess
import sys

import pytest

from icc_rules.cli import EXIT_INPUT, EXIT_OK, main


def test_check_in_french_with_the_courts_terms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolia", "2024-09-03", "--lang", "fr"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin en Mongolie, le 3 septembre 2024 : doit arrêter")
    for term in ("Statut de Rome", "État partie", "mandat", "Chambre préliminaire II", "constat de non-coopération",
                 "fondement juridique : Statut de Rome, art. 86 et 89-1", "Pourquoi :"):
        assert term in out, term


def test_lang_before_the_command_and_its_forms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr_FR", "check", "putin", "MN", "2024-09-03", "--short"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Vladimir Putin en Mongolie")


@pytest.mark.parametrize(("name", "value", "french"), [
    ("LANGUAGE", "fr", True), ("LC_ALL", "fr_FR.UTF-8", True), ("LC_MESSAGES", "fr_CA", True),
    ("LANG", "fr_FR.UTF-8", True), ("LANG", "C", False), ("LANG", "POSIX", False), ("LANG", "de_DE.UTF-8", False),
])
def test_the_environment_decides_without_lang(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                              name: str, value: str, french: bool) -> None:
    monkeypatch.setenv(name, value)
    assert main(["check", "putin", "MN", "2024-09-03", "--short"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin en Mongolie" if french else "Vladimir Putin in Mongolia")


def test_lang_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["check", "putin", "MN", "2024-09-03", "--short", "--lang", "en"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Vladimir Putin in Mongolia")


def test_errors_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolai", "2024-09-03", "--lang", "fr"]) == EXIT_INPUT
    assert capsys.readouterr().err == (
        "icc-rules: error: pays inconnu 'mongolai' : attendu un code ISO 3166-1 alpha-2, alpha-3 ou numérique, ou un "
        "nom de pays ; vouliez-vous dire : Mongolie ?\n")


def test_an_unknown_lang_is_bad_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "MN", "2024-09-03", "--lang", "de"]) == EXIT_INPUT
    assert capsys.readouterr().err == "icc-rules: error: unknown language 'de': expected one of en, fr\n"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # said in the environment's language
    assert main(["check", "putin", "MN", "2024-09-03", "--lang", "deutsch"]) == EXIT_INPUT
    assert "langue inconnue 'deutsch'" in capsys.readouterr().err


def test_french_country_names_are_understood(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "Mongolie", "2024-09-03", "--short", "--lang", "fr"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Vladimir Putin en Mongolie")


def test_the_command_in_a_french_shell() -> None:
    """The whole program, as a French user runs it: LANG and a UTF-8 terminal."""
    done = subprocess.run([sys.executable, "-m", "icc_rules", "check", "putin", "mongolia", "2024-09-03"],
                          capture_output=True, text=True, encoding="utf-8", env={"LANG": "fr_FR.UTF-8",
                                                                                 "PYTHONIOENCODING": "utf-8"},
                          check=False)
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("Vladimir Putin en Mongolie, le 3 septembre 2024 : doit arrêter")


def test_commands_not_yet_translated_stay_english_but_their_errors_do_not(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["states", "--on", "2024-09-03", "--lang", "fr"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "States Parties" in out and "État" not in out
    assert main(["hosts", "mongolai", "--lang", "fr"]) == EXIT_INPUT
    assert capsys.readouterr().err.startswith("icc-rules: error: personne inconnue 'mongolai'")


def test_timeline_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "putin", "armenia", "--to", "2025-01-01", "--lang", "fr"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin en Arménie, du 2023-03-17 au 2025-01-01 : 2 périodes\n")
    assert "le Statut de Rome est entré en vigueur à l’égard de l’Arménie" in out and "doit arrêter" in out


def test_world_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world", "putin", "2024-09-03", "--lang", "fr"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.startswith("Vladimir Putin, le 2024-09-03 : verdicts dans 250 pays et territoires\n")
    assert "doit arrêter (161) : l’État hôte a l’obligation juridique d’arrêter" in captured.out
    assert "Mongolie" in captured.out and "verdicts pourraient être autres" in captured.err
