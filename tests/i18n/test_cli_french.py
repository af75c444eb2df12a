"""The command line in French: ``--lang fr``, or the environment when ``--lang`` is not given."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import what_if_state

from icc_rules.cli import COMMANDS, EXIT_INPUT, EXIT_OK, TRANSLATED, main
from icc_rules.i18n import LOCALE_DIR

PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "icc_rules.po"


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


@pytest.mark.parametrize(("argv", "environment", "french"), [
    (["--lang", "fr", "--version"], "C", True), (["--version"], "fr_FR.UTF-8", True), (["--version"], "C", False),
    (["--lang", "en", "--version"], "fr_FR.UTF-8", False), (["--lang", "xx", "--version"], "fr_FR.UTF-8", True),
])
def test_the_version_line_follows_the_language(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                              argv: list[str], environment: str, french: bool) -> None:
    monkeypatch.setenv("LANG", environment)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert ("jeu de données 2026.12.07, publié le 7 décembre 2026 ; sources consultées jusqu’au 24 juin 2026" in out
            if french else out.endswith(", dataset 2026.12.07, released 7 December 2026; sources searched up to "
                                        "24 June 2026\n")), out


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


def test_the_maintainers_data_commands_stay_english_but_their_errors_do_not(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert "data" not in TRANSLATED
    assert main(["data", "stale", "--days", "36500", "--lang", "fr"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("0 record(s) not verified since ")
    assert main(["hosts", "mongolai", "--lang", "fr"]) == EXIT_INPUT
    assert capsys.readouterr().err.startswith("icc-rules: error: personne inconnue 'mongolai'")


def _english_fragments(msgid: str) -> list[str]:
    """The runs of three English words or more in a message (its placeholders aside)."""
    return [part.strip() for part in re.split(r"\{[^}]*\}", msgid) if len(part.split()) >= 3]


@functools.cache
def _templates() -> tuple[str, ...]:
    """Every English text of the catalog that French output must not show: its runs of three words or more."""
    with PO.open("rb") as file:
        catalog = read_po(file)
    found = {fragment for message in catalog if message.id
             for msgid in ([message.id] if isinstance(message.id, str) else message.id)
             for fragment in _english_fragments(msgid)}
    return tuple(sorted(found, key=len, reverse=True))


#: What the data records in English, quoted as such in French output (marked "(en anglais)" or "(titre original)"),
#: and the codes of the machine columns.
_QUOTED = re.compile(r"source : .*|\(.*?\) : .*\(en anglais\)|\S*\.csv")


#: Each reader's command, asked in French, and what its French output opens with.
FRENCH_COMMANDS = {
    "states": (["states", "--on", "2025-06-03"], "125 États parties au Statut de Rome le 3 juin 2025 :"),
    "hosts": (["hosts", "al-bashir"], "Omar al-Bashir : 21 visites enregistrées"),
    "wanted-in": (["wanted-in", "mongolia", "2024-09-03"], ("27 personnes feraient l’objet d’une obligation "
                  "d’arrestation en Mongolie le 3 septembre 2024 ; 3 d’entre elles détenues ailleurs :")),
    "wanted-in, no one": (["wanted-in", "russia", "2024-09-03"], "Personne dans le jeu de données"),
    "itinerary": (["itinerary", "putin", "KG@2023-10-12", "ARM@2024-01-25..2024-02-05:transit",
                   "MN@2024-09-03:overflight", "HU@2026-06-20..2026-07-01"],
                  ("Vladimir Putin, 4 étapes : À RISQUE, d’abord à l’étape 2 (Arménie à partir du "
                   "2024-02-01 : doit arrêter) ; un atterrissage forcé")),
    "persons": (["persons", "--on", "2030-01-01"], "77 personnes dans le jeu de données"),
    "rules": (["rules"], "status.party                         Statut de Rome, art. 126 et 127-1\n"),
    "check": (["check", "duterte", "philippines", "2025-03-11"], "Rodrigo Duterte aux Philippines"),
    "timeline": (["timeline", "putin", "HUN", "--from", "2025-01-01"], "Vladimir Putin en Hongrie"),
    "world": (["world", "netanyahu", "2025-04-03"], "Benjamin Netanyahu, le 3 avril 2025 : verdicts dans"),
}


@pytest.mark.parametrize("name", list(FRENCH_COMMANDS))
def test_every_readers_command_in_french_shows_no_english_template(capsys: pytest.CaptureFixture[str],
                                                                    name: str) -> None:
    argv, opening = FRENCH_COMMANDS[name]
    assert main([*argv, "--lang", "fr"]) == EXIT_OK
    french = capsys.readouterr()
    assert french.out.startswith(opening), french.out[:300]
    shown = _QUOTED.sub("", french.out + french.err)
    for fragment in _templates():
        assert fragment not in shown, (fragment, shown)
    assert main(argv) == EXIT_OK  # the same command in English is English
    english = capsys.readouterr().out
    assert english != french.out and "État" not in english


def test_every_readers_command_is_translated() -> None:
    assert {argv[0] for argv, _ in FRENCH_COMMANDS.values()} | {"bulk"} == TRANSLATED
    assert {module.__name__.rpartition(".")[2].replace("_", "-") for module in COMMANDS} - TRANSLATED == {
        "data", "serve", "mcp"}


def test_bulk_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "q.csv"
    queries.write_text("person,country,date\nputin,MN,2024-09-03\nputin,Mongolai,2024-09-03\nnetanyahu,HU,\n"
                       "putin\n", encoding="utf-8")
    assert main(["bulk", str(queries), "--keep-going", "--lang", "fr"]) == EXIT_INPUT
    french = capsys.readouterr()
    assert french.out.splitlines()[0].split() == ["ligne", "personne", "pays", "date", "verdict", "peut", "voyager"]
    assert "duty_to_arrest   NON" in french.out and "erreur           pays inconnu 'Mongolai' : " in french.out
    assert french.err.splitlines() == [
        (f"icc-rules: error: {queries}, ligne 3 : pays inconnu 'Mongolai' : attendu un code ISO 3166-1 alpha-2, "
        "alpha-3 ou numérique, ou un nom de pays ; vouliez-vous dire : Mongolie ? ; la ligne : "
        "'putin,Mongolai,2024-09-03'"),
        (f"icc-rules: error: {queries}, ligne 4 : pas de date dans la ligne : donnez-en une, ou le jour des lignes "
        "qui n’en ont pas (icc-rules bulk --date JOUR ; date= en Python et sur le web) ; la ligne : 'netanyahu,HU,'"),
        (f"icc-rules: error: {queries}, ligne 5 : une ligne doit avoir une valeur pour country, et celle-ci n’en a "
        "pas ; la ligne : 'putin'")]
    shown = _QUOTED.sub("", french.out + french.err)
    for fragment in _templates():
        assert fragment not in shown, fragment
    # the machine formats keep their columns, codes and messages
    assert main(["bulk", str(queries), "--keep-going", "--csv", "--lang", "fr"]) == EXIT_INPUT
    machine = capsys.readouterr().out
    assert machine.startswith("person,person_name,country,") and "unknown country 'Mongolai'" in machine


@pytest.mark.parametrize(("argv", "french"), [
    (["bulk", "{tmp}/none.csv"], "impossible de lire '{tmp}/none.csv' : "),
    (["bulk", "{tmp}/nodate.csv"], ("{tmp}/nodate.csv : pas de colonne de date (l’en-tête nomme 'person', "
     "'country') : donnez le jour de chaque ligne")),
    (["bulk", "{tmp}/header.csv"], ("{tmp}/header.csv : la ligne d’en-tête doit nommer les colonnes person, country "
     "et date")),
    (["itinerary", "putin", "Mongolia 2024-09-03"], ("étape invalide 'Mongolia 2024-09-03' : attendu "
     "PAYS@DATE[..DATE][:visit|transit|overflight]")),
    (["itinerary", "putin", "MN@2024-09-03:swim"], ("étape invalide 'MN@2024-09-03:swim' : type inconnu 'swim' ; "
     "attendu l’un de visit, transit, overflight")),
    (["itinerary", "putin", "MN@2024-09-05..2024-09-03"], ("étape 1 (Mongolie) : son premier jour, le 5 septembre "
     "2024, est après son dernier jour, le 3 septembre 2024")),
])
def test_input_errors_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                french: str) -> None:
    (tmp_path / "nodate.csv").write_text("person,country\nputin,MN\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text("who,where\nputin,MN\n", encoding="utf-8")
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    assert main([*argv, "--lang", "fr"]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.startswith("icc-rules: error: " + french.replace("{tmp}", str(tmp_path))), err
    assert main(argv) == EXIT_INPUT
    assert "icc-rules: error: " in capsys.readouterr().err


def test_timeline_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "putin", "armenia", "--to", "2025-01-01", "--lang", "fr"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin en Arménie, du 17 mars 2023 au 1er janvier 2025 : 2 périodes\n")
    assert "le Statut de Rome est entré en vigueur à l’égard de l’Arménie" in out and "doit arrêter" in out


def test_world_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world", "putin", "2024-09-03", "--lang", "fr"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.startswith("Vladimir Putin, le 3 septembre 2024 : verdicts dans 250 pays et territoires\n")
    assert "doit arrêter (161) : l’État hôte a l’obligation juridique d’arrêter" in captured.out
    assert "Mongolie" in captured.out and "verdicts pourraient être autres" in captured.err


WHAT_IF = what_if_state("MNG", "Mongolia", "2002-04-11", "2002-07-01", """
    kind = "withdrawal_effective"
    date = 2024-01-01
    sources = [{ url = "https://example.org/mng-exit", title = "What-if: Mongolia leaves" }]
""")


@pytest.mark.parametrize(("argv", "said"), [
    (["states", "--on", "2024-09-03"], "sans ce fichier : la Mongolie serait aussi un État partie"),
    (["hosts", "putin"], ("sans ce fichier : Mongolie, le 2 septembre 2024 : doit arrêter (et non doit encore "
     "arrêter (article 127, paragraphe 2))")),
    (["timeline", "putin", "MN", "--from", "2023-06-01", "--to", "2024-12-31"],
     "sans ce fichier : Mongolie, du 1er janvier 2024 au 31 décembre 2024 : doit arrêter (et non doit encore"),
    (["itinerary", "putin", "MN@2024-09-03"], ("change ce que disent les données sur Mongolie, et le verdict : sans "
     "lui, doit arrêter")),
])
def test_a_users_file_is_said_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                        said: str) -> None:
    what_if = tmp_path / "what-if.toml"
    what_if.write_text(WHAT_IF, encoding="utf-8")
    assert main(["--data", str(what_if), *argv, "--lang", "fr"]) == EXIT_OK
    french = capsys.readouterr()
    assert said in french.out + french.err
    shown = _QUOTED.sub("", french.out + french.err)
    for fragment in _templates():
        assert fragment not in shown, (fragment, shown)
