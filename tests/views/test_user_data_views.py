"""User data is visible in every view (issue 18): each record a view returns marks the user's files it rests on,
and a reader is warned, once per file, where a file changes a verdict, with the verdict without it.

Reproductions: with a user's file in which South Africa never joined, ``timeline putin ZAF`` and ``hosts putin``
showed no_duty with no warning; ``wanted-in ZAF 2023-08-22`` returned an empty list with nowhere to say why;
``states --on 2023-08-22`` listed 122 parties with South Africa gone silently; a folder of 3,000 files printed 3,000
warning lines for one ``check``.
"""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest

from icc_rules import Verdict, assess, check_itinerary, load_data
from icc_rules.cli import main
from icc_rules.data.dataset import Dataset
from icc_rules.views.reverse import hosts, wanted_in
from icc_rules.views.states import parties_on
from icc_rules.views.timeline import timeline, timeline_warnings

SOURCE = 'sources = [{ url = "https://example.org/what-if", title = "A what-if", kind = "primary" }]'
NEVER_JOINED = f"""
    [[state]]
    code = "ZAF"
    name = "South Africa"
    {SOURCE}
    verified_on = 2026-11-28
"""
DAY = datetime.date(2023, 8, 22)


@pytest.fixture
def never_joined(tmp_path: Path) -> tuple[Path, Dataset]:
    path = tmp_path / "never-joined.toml"
    path.write_text(textwrap.dedent(NEVER_JOINED), encoding="utf-8")
    return path, load_data(overlays=[path])


def test_an_assessment_names_the_verdict_without_the_file(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    answer = assess("putin", "ZAF", DAY, data=data)
    assert answer.verdict is Verdict.NO_DUTY and answer.user_data == (str(path),) and not answer.confirmed
    (warning,) = answer.warnings
    assert str(path) in warning and "South Africa" in warning and "without it, must arrest" in warning
    # Before the warrant the file changes nothing: the record is marked, and no warning is given.
    before = assess("putin", "ZAF", "2022-08-22", data=data)
    assert before.user_data == (str(path),) and before.warnings == ()
    # A pair the file does not touch is not marked.
    assert assess("putin", "MNG", "2024-09-03", data=data).user_data == ()


def test_timeline_periods_say_they_rest_on_the_file(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    periods = timeline("putin", "ZAF", data=data)
    assert [p.verdict for p in periods] == [Verdict.NO_DUTY]
    assert periods[0].user_data == (str(path),)
    assert periods[0].without_user_data == ((datetime.date(2023, 3, 17), Verdict.DUTY_TO_ARREST),)
    (warning,) = timeline_warnings(periods)
    assert str(path) in warning and "must arrest (not no duty to arrest)" in warning
    assert all(not p.user_data and not p.without_user_data for p in timeline("putin", "ZAF"))


def test_hosted_visits_say_they_rest_on_the_file(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    report = hosts("putin", data=data)
    south_africa = next(v for v in report.visits if v.host == "ZAF")
    assert south_africa.user_data == (str(path),)
    assert south_africa.verdict is Verdict.NO_DUTY and south_africa.verdict_without_user_data is Verdict.DUTY_TO_ARREST
    assert all(v.user_data == () for v in report.visits if v.host != "ZAF")
    (warning,) = report.warnings
    assert "South Africa 2023-08-22: must arrest (not no duty to arrest)" in warning


def test_an_empty_reverse_query_says_why(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    found = wanted_in("ZAF", DAY, data=data)
    assert found == [] and found.user_data == (str(path),)
    (warning,) = found.warnings  # one line for the file, however many persons it leaves out
    shipped = wanted_in("ZAF", DAY)
    assert f"changes {len(shipped)} answers: without it, " in warning and "would be listed (must arrest)" in warning
    assert "Vladimir Putin" in [answer.person_name for answer in shipped]
    assert shipped.user_data == () and shipped.warnings == ()


def test_the_states_view_says_who_the_file_removed(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    view = parties_on(DAY, data=data)
    assert view.count == parties_on(DAY).count - 1 and view.user_data == (str(path),)
    (warning,) = view.warnings
    assert "South Africa would also be a State Party" in warning and str(path) in warning
    assert parties_on(DAY).warnings == () and parties_on(DAY).user_data == ()


@pytest.mark.parametrize(("command", "said"), [
    (["timeline", "putin", "ZAF"], "must arrest (not no duty to arrest)"),
    (["hosts", "putin"], "South Africa 2023-08-22: must arrest"),
    (["wanted-in", "ZAF", "2023-08-22"], "would be listed (must arrest)"),
    (["states", "--on", "2023-08-22"], "South Africa would also be a State Party"),
    (["check", "putin", "ZAF", "2023-08-22"], "without it, must arrest"),
])
@pytest.mark.parametrize("form", ["text", "json"])
def test_every_command_warns_once_where_the_file_changes_an_answer(never_joined: tuple[Path, Dataset],
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   command: list[str], said: str, form: str) -> None:
    path, _ = never_joined
    assert main(["--data", str(path), *command, *(["--json"] if form == "json" else [])]) == 0
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert said in text
    if form == "json" and command[0] == "check":  # the answer's JSON carries its warnings
        assert said in captured.out and captured.err == ""
        return
    lines = [line for line in (captured.err if form == "json" else captured.out).splitlines()
             if "rests on user data" in line]
    assert len(lines) == 1, lines


def test_a_folder_of_3000_files_gives_one_warning_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "what-if"
    folder.mkdir()
    for number in range(2999):
        (folder / f"visit-{number:04}.toml").write_text(textwrap.dedent(f"""
            [[visit]]
            id = "what-if-{number}"
            person = "putin"
            host = "MNG"
            start = 2024-09-02
            host_bound = true
            outcome = "not_arrested"
            summary = "A visit that never was."
            {SOURCE}
            verified_on = 2026-11-28
        """), encoding="utf-8")
    (folder / "z-no-mongolia.toml").write_text(textwrap.dedent(f"""
        [[state]]
        code = "MNG"
        name = "Mongolia"
        {SOURCE}
        verified_on = 2026-11-28
    """), encoding="utf-8")
    assert main(["--data", str(folder), "check", "putin", "MNG", "2024-09-03"]) == 0
    captured = capsys.readouterr()
    err = [line for line in captured.err.splitlines() if "warning" in line]
    out = [line for line in captured.out.splitlines() if "rests on user data" in line]
    assert len(err) <= 1 and len(out) <= 1 and len(err) + len(out) >= 1, (err, out)
    assert f"3,000 files in {folder}" in captured.out + captured.err
    assert "without them, must arrest" in captured.out + captured.err


def test_a_trip_leg_says_it_rests_on_the_file(never_joined: tuple[Path, Dataset]) -> None:
    path, data = never_joined
    report = check_itinerary("putin", ["ZAF@2023-08-20..2023-08-25", "MNG@2024-09-03"], data=data)
    south_africa, mongolia = report.legs
    assert south_africa.user_data == (str(path),) and mongolia.user_data == ()
    expected = (f"rests on user data: {path} changes what the data says about South Africa, and the verdict: "
                "without it, must arrest")
    assert [w for w in south_africa.warnings if "rests on user data" in w] == [expected]
    assert not any("rests on user data" in w for w in mongolia.warnings)


def test_a_verdict_that_changes_inside_the_day_range_is_named_with_its_day(tmp_path: Path) -> None:
    """Armenia made a party a year early: without the file the verdict changes on 2024-02-01, inside the period."""
    path = tmp_path / "armenia-early.toml"
    path.write_text(textwrap.dedent(f"""
        [[state]]
        code = "ARM"
        name = "Armenia"
        deposited = 2022-11-14
        instrument = "ratification"
        in_force = 2023-02-01
        {SOURCE}
        verified_on = 2026-11-28
    """), encoding="utf-8")
    data = load_data(overlays=[path])
    periods = timeline("putin", "ARM", "2023-03-17", "2024-12-31", data=data)
    assert [p.verdict for p in periods] == [Verdict.DUTY_TO_ARREST]
    assert periods[0].without_user_data == ((datetime.date(2023, 3, 17), Verdict.NO_DUTY),
                                            (datetime.date(2024, 2, 1), Verdict.DUTY_TO_ARREST))
    (warning,) = timeline_warnings(periods)
    assert "no duty to arrest, then must arrest from 2024-02-01 (not must arrest)" in warning
    assert assess("putin", "ARM", "2024-03-01", data=data).warnings == ()  # the same verdict without it that day
    assert "without it, no duty to arrest" in assess("putin", "ARM", "2023-06-01", data=data).warnings[0]
