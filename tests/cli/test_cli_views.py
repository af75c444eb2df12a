"""The view commands: timeline, world, itinerary, wanted-in, hosts and bulk, for humans and as JSON/CSV/ICS."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from icc_rules.cli import EXIT_AT_RISK, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *args: str, code: int = EXIT_OK) -> str:
    assert main(list(args)) == code
    return capsys.readouterr().out


def test_timeline(capsys: Capture) -> None:
    out = run(capsys, "timeline", "putin", "armenia")
    assert out.startswith("Vladimir Putin in Armenia, 2023-03-17 to ")
    assert "2024-02-01" in out and "the Rome Statute entered into force for Armenia" in out
    periods = json.loads(run(capsys, "timeline", "putin", "ARM", "--from", "2023-01-01", "--to", "2024-12-31",
                             "--json"))
    assert [p["verdict"] for p in periods] == ["no_warrant", "no_duty", "duty_to_arrest"]
    rows = list(csv.DictReader(io.StringIO(run(capsys, "timeline", "putin", "ARM", "--csv"))))
    assert rows[-1]["verdict"] == "duty_to_arrest"
    ics = run(capsys, "timeline", "putin", "ARM", "--ics")
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VEVENT") == 2


def test_world(capsys: Capture, tmp_path: Path) -> None:
    assert run(capsys, "world", "putin", "2024-09-03").startswith("Vladimir Putin on 2024-09-03")
    view = json.loads(run(capsys, "world", "putin", "2024-09-03", "--json"))
    assert len(view["countries"]) == 250 and view["date"] == "2024-09-03"
    rows = list(csv.DictReader(io.StringIO(run(capsys, "world", "putin", "2024-09-03", "--csv"))))
    assert len(rows) == 250 and next(r for r in rows if r["country"] == "MNG")["verdict"] == "duty_to_arrest"


def test_world_map(capsys: Capture, tmp_path: Path) -> None:
    pytest.importorskip("pygal_maps_world")
    target = tmp_path / "putin.svg"
    assert main(["world", "putin", "2024-09-03", "--map", str(target), "--json"]) == EXIT_OK
    captured = capsys.readouterr()
    assert json.loads(captured.out)["person"] == "putin" and f"map written to {target}" in captured.err
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize(("name", "message", "code"), [
    ("missing-directory/putin.svg", "cannot write the map to", EXIT_OUTPUT),  # documented: an unwritable file is 6
    ("putin.gif", "expected a file name ending in .svg or .png", EXIT_INPUT),
    ("nul\x00.svg", "cannot write the map to", EXIT_INPUT),
])
def test_a_map_that_cannot_be_written_is_one_line_and_exit_6(capsys: Capture, tmp_path: Path, name: str,
                                                            message: str, code: int) -> None:
    pytest.importorskip("pygal_maps_world")
    assert main(["world", "putin", "2024-09-03", "--map", str(tmp_path / name)]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_itinerary(capsys: Capture) -> None:
    legs = ["KG@2023-10-12", "ARM@2024-01-25..2024-02-05:transit", "MN@2024-09-03:overflight"]
    out = run(capsys, "itinerary", "putin", *legs)
    assert "AT RISK, first at leg 2 (Armenia from 2024-02-01" in out and "forced or emergency landing" in out
    report = json.loads(run(capsys, "itinerary", "putin", *legs, "--json"))
    assert report["first_at_risk"] == 2 and report["flagged_overflights"] == [3]
    run(capsys, "itinerary", "putin", *legs, "--exit-code", code=EXIT_AT_RISK)
    run(capsys, "itinerary", "putin", "CN@2023-10-17", "--exit-code", code=EXIT_OK)


def test_wanted_in(capsys: Capture) -> None:
    out = run(capsys, "wanted-in", "mongolia", "2024-09-03")
    assert "would face a duty of arrest in Mongolia on 2024-09-03" in out and "Vladimir Putin" in out
    answers = json.loads(run(capsys, "wanted-in", "SD", "2010-01-01", "--json"))
    assert {a["person"] for a in answers} == {"al-bashir", "harun", "abd-al-rahman"}
    rows = list(csv.DictReader(io.StringIO(run(capsys, "wanted-in", "SD", "2010-01-01", "--csv"))))
    assert len(rows) == 3
    assert run(capsys, "wanted-in", "US", "2025-01-01").startswith("No one in the dataset")


def test_hosts(capsys: Capture) -> None:
    assert "South Africa" in run(capsys, "hosts", "al-bashir")
    assert json.loads(run(capsys, "hosts", "putin", "--json"))["person"] == "putin"


def test_bulk(capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text("person,country,date,note\nputin,MN,2024-09-03,x\nnetanyahu,US,2025-02-04,\n",
                       encoding="utf-8")
    out = run(capsys, "bulk", str(queries))
    assert "duty_to_arrest" in out and "no_duty" in out
    assert [r["verdict"] for r in json.loads(run(capsys, "bulk", str(queries), "--json"))] == [
        "duty_to_arrest", "no_duty"]
    assert len(run(capsys, "bulk", str(queries), "--ndjson").splitlines()) == 2
    assert len(list(csv.DictReader(io.StringIO(run(capsys, "bulk", str(queries), "--csv"))))) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("person,country,date\nputin,Mongolai,2023-10-12\nputin,KG,2023-10-12\n"))
    assert main(["bulk", "--keep-going", "--csv"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "stdin, row 2: unknown country 'Mongolai'" in captured.err and "no_duty" in captured.out


@pytest.mark.parametrize(("args", "message"), [
    (["timeline", "Puttin", "ARM"], "unknown person 'Puttin'"),
    (["timeline", "putin", "ARM", "--from", "2024-02-30"], "invalid date '2024-02-30'"),
    (["timeline", "putin", "ARM", "--from", "2025-01-01", "--to", "2024-01-01"], "start 2025-01-01 is after"),
    (["world", "putin", "yesterday"], "invalid date 'yesterday'"),
    (["itinerary", "putin", "ARM-2024-01-01"], "invalid leg 'ARM-2024-01-01'"),
    (["itinerary", "putin", "ARM@2024-01-01:cruise"], "unknown kind 'cruise'"),
    (["itinerary", "putin", "Atlantis@2024-01-01"], "unknown country 'Atlantis'"),
    (["wanted-in", "Mongolai"], "unknown country 'Mongolai'"),
    (["hosts", "Gaddafi"], "ambiguous person 'Gaddafi'"),
    (["bulk", "/nonexistent/queries.csv"], "cannot read '/nonexistent/queries.csv'"),
])
def test_bad_input_exits_3_with_one_line(capsys: Capture, args: list[str], message: str) -> None:
    assert main(args) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.startswith("icc-rules: error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize("args", [["timeline", "putin"], ["world"], ["itinerary", "putin"], ["wanted-in"],
                                  ["timeline", "putin", "ARM", "--json", "--csv"], ["world", "putin", "--png"]])
def test_bad_usage_exits_2(capsys: Capture, args: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == EXIT_USAGE
    assert "error:" in capsys.readouterr().err


def test_bulk_shows_progress_on_a_terminal(capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text("person,country,date\n" + "putin,MN,2024-09-03\n" * 250, encoding="utf-8")
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["bulk", str(queries), "--csv"]) == EXIT_OK
    err = capsys.readouterr().err
    assert err.startswith("\r1 row (100%)") and err.endswith("\r250 rows done\n")
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert main(["bulk", str(queries), "--csv"]) == EXIT_OK
    assert capsys.readouterr().err == ""


def test_bulk_input_that_is_not_utf8_text_is_one_line_and_exit_3(capsys: Capture, tmp_path: Path) -> None:
    binary = tmp_path / "queries.csv"
    binary.write_bytes(b"person,country\n\xff\xfe\x00garbage")
    assert main(["bulk", str(binary)]) == EXIT_INPUT
    assert "expected CSV text in UTF-8" in capsys.readouterr().err


def test_a_bulk_file_name_the_system_cannot_open_is_one_line_and_exit_3(capsys: Capture) -> None:
    assert main(["bulk", "queries\x00.csv"]) == EXIT_INPUT
    assert "cannot read" in capsys.readouterr().err
