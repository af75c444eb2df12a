"""The command line behaves like a well-kept Unix tool, tried through a real process as users and scripts run it: a
closed pipe ends quietly, an unwritable output, an encoding that cannot show the answer and Ctrl-C each end with one
line and their documented exit code, warnings go to stderr after the headline, and text from data files cannot drive
the terminal."""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers import JERSEY_EXTENDED, DataFile

from icc_rules import shipped_data
from icc_rules.cli import EXIT_CLOSED, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE

HEADER = "person,country,date\n"
ROWS = "putin,MN,2024-09-03\n" * 3000
QUERIES = HEADER + ROWS  # about 400 kB of answers


def icc_rules(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
              stdout: int | object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "icc_rules", *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, check=False, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


def start(args: Sequence[str], queries: Path) -> subprocess.Popen[str]:
    """The command running on the file ``queries`` as its stdin (a file, so that nothing waits on a full pipe)."""
    with queries.open(encoding="utf-8") as stdin:
        return subprocess.Popen([sys.executable, "-m", "icc_rules", *args], stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)


def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path) -> None:
    """``icc-rules bulk ... | head -1``: no traceback, no message, and the shell's code for a closed pipe."""
    (tmp_path / "queries.csv").write_text(QUERIES, encoding="utf-8")
    with start(["bulk", "--csv"], tmp_path / "queries.csv") as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().startswith("person,person_name")
        process.stdout.close()  # what head does after its line
        assert process.wait(timeout=120) == EXIT_CLOSED
        assert process.stderr.read() == ""


def test_a_full_disk_is_one_line_and_exit_6() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = icc_rules("persons", stdout=full)
    assert done.returncode == EXIT_OUTPUT
    assert done.stderr == "icc-rules: error: cannot write the output: No space left on device\n"


def test_an_encoding_that_cannot_show_the_answer_is_one_line_and_exit_6() -> None:
    done = icc_rules("check", "putin", "Côte d'Ivoire", "2024-01-01", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == EXIT_OUTPUT
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "encoding (ascii) cannot show '\\xf4'" in lines[0] and "PYTHONIOENCODING=utf-8" in lines[0]


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path) -> None:
    # More rows than are answered before the signal, under one header: a header repeated inside the file is a row
    # asking about a person named "person", an error (exit 3) when the signal comes late.
    (tmp_path / "queries.csv").write_text(HEADER + ROWS * 200, encoding="utf-8")
    with start(["bulk", "--csv"], tmp_path / "queries.csv") as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()  # started: the header is written
        process.send_signal(signal.SIGINT)
        process.stdout.read()
        assert process.wait(timeout=120) == EXIT_INTERRUPTED
        assert process.stderr.read() == "icc-rules: error: interrupted\n"


def test_a_huge_csv_field_is_one_line_naming_the_row() -> None:
    done = icc_rules("bulk", stdin="person,country,date\nputin,MN," + "9" * 200_000 + "\n")
    assert done.returncode == EXIT_INPUT
    assert done.stderr.splitlines() == ["icc-rules: error: stdin, row 2: field larger than field limit (131072)"]
    kept = icc_rules("bulk", "--keep-going", "--csv",
                     stdin="person,country,date\nputin,MN," + "9" * 200_000 + "\nputin,KG,2023-10-12\n")
    assert kept.returncode == EXIT_INPUT and "no_duty" in kept.stdout and "row 2" in kept.stderr


def test_warnings_go_to_stderr_and_the_headline_comes_first() -> None:
    done = icc_rules("check", "putin", "jersey", "2099-01-01")
    assert done.returncode == EXIT_OK
    first, _meaning, warning = done.stdout.splitlines()[:3]
    assert first == ("Vladimir Putin in Jersey on 2099-01-01: no duty to arrest: can travel there without a legal duty "
                     "to arrest")
    assert warning.startswith("  warning: 2099-01-01 is after the dataset's as_of date") and "on stderr" in warning
    assert "Warnings:" not in done.stdout
    warnings = done.stderr.splitlines()
    assert len(warnings) == 2 and all(line.startswith("icc-rules: warning: ") for line in warnings)
    # Jersey's exclusion from the Statute rests on a probable record: without it, the United Kingdom's duty would
    # extend there, so the doubt is worth a warning that names the other verdict.
    assert warnings[1].startswith('icc-rules: warning: If the probable fact "Jersey: the Statute does not apply')
    assert warnings[1].endswith("(duty_to_arrest), not: warrant in force, but no legal duty to arrest (no_duty).")


def test_short_is_one_line_and_today_and_numeric_codes_are_accepted() -> None:
    done = icc_rules("check", "putin", "496", "today", "--short")
    today = datetime.date.today()
    assert done.stdout == (f"Vladimir Putin in Mongolia on {today}: must arrest: cannot travel there without a legal "
                           "duty to arrest\n")
    assert done.returncode == EXIT_OK and ("after the dataset's as_of" in done.stderr) == (
        today > shipped_data().info.as_of)


def test_version_names_the_dataset() -> None:
    done = icc_rules("--version")
    info = shipped_data().info
    assert done.returncode == EXIT_OK and f"{info.in_words}" in done.stdout


def test_persons_shows_where_each_stands_on_the_date() -> None:
    done = icc_rules("persons", "--on", "2025-06-01")
    duterte = next(line for line in done.stdout.splitlines() if line.split()[0] == "duterte")
    assert "in custody" in duterte
    rows = {row["person"]: row for row in json.loads(icc_rules("persons", "--on", "2025-06-01", "--json").stdout)}
    assert rows["putin"]["status"] == "wanted" and rows["duterte"]["verdict"] == "in_custody"


def test_control_characters_from_a_data_file_are_shown_not_obeyed(data_file: DataFile) -> None:
    hostile = JERSEY_EXTENDED.replace('title = "What if the UK had extended the Statute to Jersey"',
                                      'title = "What if.\\u001b[2J\\u001b]0;owned\\u0007\\u202e"')
    path = data_file("hostile.toml", hostile)
    done = icc_rules("check", "putin", "jersey", "2024-09-03", "--data", str(path))
    assert done.returncode == EXIT_OK
    for shown in (done.stdout, done.stderr):
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b[2J" in done.stdout + done.stderr and "\\u202e" in done.stdout + done.stderr
    as_json = icc_rules("check", "putin", "jersey", "2024-09-03", "--data", str(path), "--json")
    assert "\\u001b[2J" in as_json.stdout  # JSON keeps the data as it is, escaped the JSON way


def test_a_usage_error_quotes_a_bounded_part_of_the_input() -> None:
    done = icc_rules("check", "putin", "MN", "2024-09-03", "--" + "x" * 5000)
    assert done.returncode == EXIT_USAGE and len(done.stderr) < 400 and done.stderr.count("\n") == 1


def test_timeline_draws_its_chart(tmp_path: Path) -> None:
    svg, png = tmp_path / "putin.svg", tmp_path / "putin.png"
    done = icc_rules("timeline", "putin", "ARM", "MN", "--from", "2023-01-01", "--to", "2024-12-31",
                     "--chart", str(svg))
    assert done.returncode == EXIT_OK and f"chart written to {svg}" in done.stderr
    assert svg.read_text(encoding="utf-8").startswith("<svg") and "Mongolia" in svg.read_text(encoding="utf-8")
    assert "Vladimir Putin in Armenia" in done.stdout and "Vladimir Putin in Mongolia" in done.stdout
    pytest.importorskip("cairosvg")
    done = icc_rules("timeline", "putin", "ARM", "--chart", str(png))
    assert done.returncode == EXIT_OK and png.read_bytes()[:4] == b"\x89PNG"
    bad = icc_rules("timeline", "putin", "ARM", "--chart", str(tmp_path / "no" / "such" / "dir.svg"))
    assert bad.returncode == EXIT_OUTPUT and bad.stderr.startswith("icc-rules: error: cannot write the chart to")


def test_closed_stdout_or_stderr_and_endless_input_are_handled() -> None:
    command = f"{sys.executable} -m icc_rules"
    closed = subprocess.run(["sh", "-c", f"{command} persons >&-"], capture_output=True, text=True, check=False)
    assert closed.returncode == EXIT_OUTPUT and closed.stderr == "icc-rules: error: cannot write the output: stdout is closed\n"
    quiet = subprocess.run(["sh", "-c", f"{command} check nobody MN 2024-09-03 2>&-"], capture_output=True, text=True,
                           check=False)
    assert quiet.returncode == EXIT_INPUT and quiet.stdout == ""  # the error has nowhere to go, and not to stdout
    endless = icc_rules("bulk", "/dev/zero")  # no end of line: refused, not read into memory
    assert endless.returncode == EXIT_INPUT and "a line longer than 1024 KiB" in endless.stderr


def test_bulk_never_guesses_the_day_through_a_real_process() -> None:
    queries = "\ufeffPerson;Country;Day\nputin;AM;2024-01-01\n"  # Excel's BOM, semicolons, and no date column
    refused = icc_rules("bulk", stdin=queries)
    assert refused.returncode == EXIT_INPUT and "no date column" in refused.stderr and refused.stdout == ""
    answered = icc_rules("bulk", "--date", "2024-02-01", "--csv", stdin=queries)
    assert answered.returncode == EXIT_OK and ",2024-02-01,duty_to_arrest," in answered.stdout
    assert "input_Day" in answered.stdout.splitlines()[0]
    helped = icc_rules("bulk", "--help")
    assert "--date DAY" in helped.stdout and "``" not in helped.stdout
