"""The command line: human and JSON output, documented exit codes, no tracebacks."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from icc_rules.cli import (
    EXIT_AT_RISK,
    EXIT_CLOSED,
    EXIT_DATA,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    main,
    parser,
)


def test_check_explains_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolia", "2024-09-03"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Vladimir Putin in Mongolia on 2024-09-03: must arrest")
    assert "[duty.state_party]" in out and "source:" in out


def test_check_json_is_the_full_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Netanyahu", "US", "2025-02-04", "--json"]) == EXIT_OK
    answer = json.loads(capsys.readouterr().out)
    assert answer["verdict"] == "no_duty" and answer["can_travel"] is True
    assert answer["reasons"][-1]["rule"] == "verdict.no_duty"


def test_check_exit_code_reports_risk(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "ZAF", "2023-08-22", "--exit-code"]) == EXIT_AT_RISK
    assert main(["check", "putin", "CHN", "2023-10-17", "--exit-code"]) == EXIT_OK


@pytest.mark.parametrize(("args", "message"), [
    (["check", "Puttin", "Mongolia", "2024-09-03"], "unknown person 'Puttin'"),
    (["check", "Gaddafi", "Libya", "2020-01-01"], "ambiguous person 'Gaddafi'"),
    (["check", "putin", "Mongolai", "2024-09-03"], "unknown country 'Mongolai'"),
    (["check", "putin", "Mongolia", "2024-02-30"], "invalid date '2024-02-30'"),
])
def test_bad_input_exits_3_with_one_line(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(args) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.startswith("icc-rules: error: ") and message in err and "Traceback" not in err


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["check"])
    assert raised.value.code == EXIT_USAGE


def test_states_on_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["states", "--on", "2025-01-01", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["count"] == 125


def test_persons_and_rules_and_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["persons"]) == EXIT_OK
    assert "putin" in capsys.readouterr().out
    assert main(["rules", "--json"]) == EXIT_OK
    assert "duty.residual" in {rule["id"] for rule in json.loads(capsys.readouterr().out)}
    assert main(["data", "validate"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("ok: ")


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "icc_rules", "check", "kony", "UG", "2024-01-01"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "must arrest" in done.stdout


@pytest.mark.parametrize("place", ["before", "after"])
def test_every_command_answers_with_your_own_data_file(
        capsys: pytest.CaptureFixture[str], jersey_extended: Path, place: str) -> None:
    command = ["check", "putin", "Jersey", "2024-09-03", "--json"]
    option = ["--data", str(jersey_extended)]
    argv = [*option, *command] if place == "before" else [*command, *option]
    assert main(argv) == EXIT_OK
    answer = json.loads(capsys.readouterr().out)
    assert answer["verdict"] == "duty_to_arrest"
    assert any(str(jersey_extended) in warning for warning in answer["warnings"])
    assert main(["world", "putin", "2024-09-03", "--csv", "--data", str(jersey_extended)]) == EXIT_OK
    assert "JEY,JE,Jersey,territory,duty_to_arrest" in capsys.readouterr().out
    assert main(["check", "putin", "Jersey", "2024-09-03", "--json"]) == EXIT_OK  # without it: the shipped data
    assert json.loads(capsys.readouterr().out)["verdict"] == "no_duty"


def test_a_missing_data_file_exits_4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["persons", "--data", str(tmp_path / "missing.toml")]) == EXIT_DATA
    assert "missing.toml: cannot read the data file" in capsys.readouterr().err


def _every_parser(command: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [command]
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in dict.fromkeys(action.choices.values()):
                found += _every_parser(nested)
    return found


def test_every_option_and_argument_has_plain_help_text() -> None:
    """``--help`` of every command: each option and argument explained, in plain text (no reStructuredText)."""
    for command in _every_parser(parser()):
        texts = [command.description or "", command.epilog or ""]
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and action.help != argparse.SUPPRESS, f"{command.prog}: {action.option_strings or action.dest}"
            texts.append(action.help)
        for text in texts:
            assert "``" not in text and ":func:" not in text and ":class:" not in text, f"{command.prog}: {text}"
        command.format_help()  # every help text formats


def test_output_encoding_failure_and_closed_pipe_in_process(capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """What main() does when stdout fails, without a process: the failures are told apart from input errors."""
    import io

    class Failing(io.StringIO):
        def __init__(self, failure: BaseException) -> None:
            super().__init__()
            self.failure = failure

        def write(self, text: str) -> int:
            raise self.failure

    for failure, code in ((BrokenPipeError(), EXIT_CLOSED), (OSError(28, "No space left on device"), EXIT_OUTPUT),
                          (UnicodeEncodeError("ascii", "é", 0, 1, "no"), EXIT_OUTPUT)):
        monkeypatch.setattr("sys.stdout", Failing(failure))
        assert main(["persons"]) == code
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "No space left on device" in err and "cannot show '\\xe9'" in err


def test_an_interrupt_is_exit_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("icc_rules.cli.persons.persons_on", interrupted)
    assert main(["persons"]) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == "icc-rules: error: interrupted\n"


def test_check_short_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "putin", "mongolia", "2024-09-03", "--short"]) == EXIT_OK
    assert capsys.readouterr().out == ("Vladimir Putin in Mongolia on 2024-09-03: must arrest: cannot travel there "
                                       "without a legal duty to arrest\n")
    assert main(["check", "putin", "mongolia", "2024-09-03", "--sources", "all"]) == EXIT_OK
    assert "more source(s)" not in capsys.readouterr().out


def test_persons_after_the_as_of_date_warns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["persons", "--on", "2099-01-01"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "where each stands on 2099-01-01" in captured.out
    assert captured.err.startswith("icc-rules: warning: 2099-01-01 is after the dataset's as_of date")


def test_world_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world", "putin", "2099-01-01"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "Warnings:" not in captured.out and "icc-rules: warning: 2099-01-01 is after" in captured.err
