"""A user's data file never hangs, exhausts memory, crashes or silently changes an answer.

Reproductions of issue 13: a FIFO given as a data file blocked forever; /dev/zero was read until memory ran out; a
file nested 100,000 levels deep raised RecursionError; a long dotted key took quadratic time; the same id twice in one
file, and facts after as_of, passed; a file that removed a shipped fact changed answers without a word.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from icc_rules import DataError, InputError, Person, UnknownPersonError, Verdict, assess, load_data, world
from icc_rules.cli import EXIT_DATA, main
from icc_rules.data.files import Limits, read_toml

SOURCE = 'sources = [{ url = "https://example.org/what-if", title = "A what-if", kind = "primary" }]'


def _write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _fails_quickly(call: object, *args: object, match: str, seconds: float = 30.0) -> None:
    """``call(*args)`` raises DataError matching ``match``, and does not hang (a generous bound, not a timing)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call(*args)  # type: ignore[operator]
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - examined below
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still running after {seconds} s"
    assert isinstance(outcome[0], DataError), outcome[0]
    assert re.search(match, str(outcome[0])), str(outcome[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    _fails_quickly(lambda: load_data(overlays=[fifo]), match="not a regular file \\(a named pipe\\)")
    done = subprocess.run([sys.executable, "-m", "icc_rules", "--data", str(fifo), "check", "putin", "MN"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == EXIT_DATA and "named pipe" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "icc_rules", "data", "validate", str(fifo)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == EXIT_DATA and "named pipe" in done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    _fails_quickly(lambda: load_data(overlays=[device]), match="not a regular file \\(a character device\\)")


@pytest.mark.parametrize(("text", "message"), [
    ("x = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("x = " + "{a = " * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    ("x = " + "[" * 40 + "]" * 40, "nested more than 24 levels deep"),
    (".".join(f"k{i}" for i in range(30_000)) + " = 1", "dotted key of more than 16 parts"),
])
def test_structures_the_parser_handles_badly_are_refused_quickly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    _fails_quickly(lambda: load_data(overlays=[path]), match=message)


def test_sizes_are_limited_and_the_limits_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "long.toml", f"""
        [[person]]
        id = "someone"
        name = "{'x' * 30_000}"
        {SOURCE}
        verified_on = 2026-11-28
    """)
    with pytest.raises(DataError, match=r"person\[0\]\.name: a text of 30,000 characters"):
        load_data(overlays=[path])
    monkeypatch.setenv("ICC_RULES_MAX_FIELD_CHARS", "50000")
    assert load_data(overlays=[path]).person("someone").name.startswith("xxx")
    with pytest.raises(DataError, match="more than 100"):
        load_data(overlays=[path], limits=Limits(field_chars=100))
    monkeypatch.setenv("ICC_RULES_MAX_FILE_BYTES", "1000")
    with pytest.raises(DataError, match="larger than 1,000 bytes"):
        read_toml(path)
    monkeypatch.setenv("ICC_RULES_MAX_FILE_BYTES", "lots")
    with pytest.raises(DataError, match="ICC_RULES_MAX_FILE_BYTES='lots': expected a whole number"):
        read_toml(path)


def test_a_problem_between_a_users_record_and_a_shipped_one_names_the_users_file(tmp_path: Path) -> None:
    """Found by fuzzing: a user's treaty record for French Guiana (a territory of France in the shipped data) was
    reported as a problem of the shipped data's folder."""
    path = _write(tmp_path / "guiana.toml", f"""
        [[state]]
        code = "GUF"
        name = "French Guiana"
        {SOURCE}
        verified_on = 2026-11-28
    """)
    with pytest.raises(DataError) as caught:
        load_data(overlays=[path])
    first, line = str(caught.value).splitlines()[:2]
    assert first.startswith(f"{path}: 1 problem(s)")
    assert line.strip().startswith(f"{path}: territory GUF: state GUF is a treaty record of its own")


@pytest.mark.parametrize("record_id", ["", " x", "\tdecl"])
def test_a_record_id_that_is_empty_or_starts_with_a_space_is_an_error_of_the_users_file(tmp_path: Path,
                                                                                      record_id: str) -> None:
    """Found by fuzzing: a user's declaration with an empty id was reported as a problem of the shipped data's
    folder, since an empty id names no record."""
    path = _write(tmp_path / "declaration.toml", f"""
        [[declaration]]
        id = "{record_id}"
        state = "UKR"
        lodged = 2014-04-17
        {SOURCE}
        verified_on = 2026-11-28
    """)
    with pytest.raises(DataError) as caught:
        load_data(overlays=[path])
    assert str(caught.value).startswith(f"{path}: declaration[0]")
    assert "id: should start with a letter or a digit and hold no spaces" in str(caught.value)


def test_the_same_id_twice_in_one_file_is_an_error(tmp_path: Path) -> None:
    record = f"""
        [[territory]]
        code = "JEY"
        state = "GBR"
        applies = true
        {SOURCE}
        verified_on = 2026-11-28
    """
    path = _write(tmp_path / "twice.toml", record + record)
    with pytest.raises(DataError, match=r"territory\[1\] \(code='JEY'\): territory 'JEY' is defined twice in this file"):
        load_data(overlays=[path])


@pytest.mark.parametrize(("record", "message"), [
    (f"""
        [[visit]]
        id = "v"
        person = "putin"
        host = "CHN"
        start = 2031-01-01
        host_bound = false
        outcome = "not_arrested"
        summary = "A visit in the future"
        {SOURCE}
        verified_on = 2026-11-28
    """, "visit v: start: 2031-01-01 is in the future"),
    (f"""
        [[person]]
        id = "someone"
        name = "Some One"
        {SOURCE}
        verified_on = 2026-11-28

          [[person.custody]]
          start = 2020-01-01
          end = 9999-12-31
          held_by = "ICC"
          {SOURCE}
    """, "custody end: 9999-12-31 is in the future"),
])
def test_facts_dated_in_the_future_are_refused_in_user_files(tmp_path: Path, record: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        load_data(overlays=[_write(tmp_path / "later.toml", record)])


def test_a_user_file_may_record_facts_after_as_of_up_to_today(tmp_path: Path) -> None:
    """Users add what happened after the release: a fact dated today loads (and its answers say they rest on the
    user's file); tomorrow is refused."""
    today = datetime.date.today()
    record = f"""
        [[visit]]
        id = "v-today"
        person = "putin"
        host = "CHN"
        start = DAY
        host_bound = false
        outcome = "not_arrested"
        summary = "A visit after the dataset's as_of date"
        {SOURCE}
        verified_on = 2026-11-28
    """
    data = load_data(overlays=[_write(tmp_path / "today.toml", record.replace("DAY", today.isoformat()))])
    assert today > data.info.as_of and data.origin("visit", "v-today").endswith("today.toml")
    tomorrow = today + datetime.timedelta(days=1)
    with pytest.raises(DataError, match=f"visit v-today: start: {tomorrow} is in the future"):
        load_data(overlays=[_write(tmp_path / "tomorrow.toml", record.replace("DAY", tomorrow.isoformat()))])


def test_unusual_paths_are_one_line_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="(?i)name too long"):
        load_data(overlays=["a" * 1000])
    with pytest.raises(DataError, match="a folder with no"):
        load_data(overlays=[tmp_path])
    with pytest.raises(InputError):
        load_data(overlays=[3.5])  # type: ignore[list-item]


def test_a_folder_of_data_files_loads_every_file_in_it(tmp_path: Path) -> None:
    _write(tmp_path / "a.toml", f"""
        [[territory]]
        code = "JEY"
        state = "GBR"
        applies = true
        {SOURCE}
        verified_on = 2026-11-28
    """)
    data = load_data(overlays=[tmp_path])
    assert data.origin("territory", "JEY") == str(tmp_path / "a.toml")


# --- A user's file that removes a fact says so -------------------------------------------------------------------

REMOVALS = {
    "a state without its deposit": (f"""
        [[state]]
        code = "ZAF"
        name = "South Africa"
        {SOURCE}
        verified_on = 2026-11-28
    """, ("putin", "ZA", "2023-08-22"), Verdict.NO_DUTY, "South Africa"),
    "a person without warrants": (f"""
        [[person]]
        id = "putin"
        name = "Vladimir Putin"
        {SOURCE}
        verified_on = 2026-11-28
    """, ("putin", "MN", "2024-09-03"), Verdict.NO_WARRANT, "Vladimir Putin"),
    "a referral binding no one": (f"""
        [[referral]]
        id = "UNSC-1593"
        resolution = "S/RES/1593 (2005)"
        situation = "DARFUR"
        adopted = 2005-03-31
        binds = []
        {SOURCE}
        verified_on = 2026-11-28
    """, ("al-bashir", "SD", "2010-01-01"), Verdict.NO_DUTY, "Sudan"),
}


@pytest.mark.parametrize("case", list(REMOVALS))
def test_an_answer_resting_on_a_fact_a_users_file_removed_says_so(tmp_path: Path, case: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    record, query, verdict, subject = REMOVALS[case]
    path = _write(tmp_path / "removal.toml", record)
    data = load_data(overlays=[path])
    answer = assess(*query, data=data)
    assert answer.verdict is verdict
    assert not answer.confirmed
    assert any(str(path) in warning and subject in warning for warning in answer.warnings), answer.warnings
    assert main(["--data", str(path), "check", *query]) == 0
    out = capsys.readouterr().out
    assert out.index(f"warning: rests on user data: {path}") < out.index("Why:"), "the warning comes first"
    record_country = next(r for r in world(query[0], query[2], data=data).countries if r.alpha2 == query[1])
    assert not record_country.confirmed


def test_a_person_built_with_an_id_that_is_not_a_string_is_an_unknown_person() -> None:
    odd = Person.model_construct(id=["putin"], name="Vladimir Putin")
    with pytest.raises(UnknownPersonError):
        assess(odd, "MN", "2024-09-03")


# --- Only documented errors (issue 18) ---------------------------------------------------------------------------

def test_an_integer_too_long_for_python_is_a_data_error_and_exit_4(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Found by attack: an integer of more than 4,300 digits raised ValueError with a traceback, exit 1."""
    path = _write(tmp_path / "huge.toml", f"number = {'9' * 5000}\n")
    with pytest.raises(DataError, match=r"huge\.toml: not valid TOML \(an integer of more than 4,300 digits"):
        read_toml(path)
    assert main(["--data", str(path), "check", "putin", "MN", "2024-09-03"]) == EXIT_DATA
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_file_that_starts_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Found by attack: a file saved with a byte-order mark was refused as "Invalid statement (at line 1, column 1)"
    with no hint."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + textwrap.dedent(f"""
        [[territory]]
        code = "JEY"
        state = "GBR"
        applies = true
        {SOURCE}
        verified_on = 2026-11-28
    """).encode("utf-8"))
    data = load_data(overlays=[path])
    assert data.origin("territory", "JEY") == str(path)
