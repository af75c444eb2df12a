"""Fuzzed input: random and hostile values through the public API and the command line.

Only the documented errors ever escape, each naming the input it rejects and saying what was expected; the command
line exits with its documented code and prints one line, never a traceback. Where an input is accepted, the answer
is well formed.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icc_rules import (
    AmbiguousPersonError,
    Assessment,
    ICCRulesError,
    InvalidDateError,
    UnknownCountryError,
    UnknownPersonError,
    Verdict,
    all_countries,
    assess,
    can_travel,
    shipped_data,
    verdict_of,
)
from icc_rules.cli import EXIT_AT_RISK, EXIT_DATA, EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from icc_rules.data import TABLES
from icc_rules.views.bulk import assess_many
from icc_rules.views.itinerary import check_itinerary
from icc_rules.views.reverse import hosts, wanted_in
from icc_rules.views.timeline import next_change, timeline
from icc_rules.views.world import world

FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

HOSTILE = [
    "", " ", "\t\n", "\x00", "\x00putin", "putin\x00", "\x1b[31mred\x1b[0m", "\u202eniturp", "\u200b", "\ufeffputin",
    "'; DROP TABLE persons; --", "Robert'); DROP TABLE students;--", "\" OR 1=1 --", "<script>alert(1)</script>",
    "${jndi:ldap://example.org/a}", "{{7*7}}", "%s%s%n", "../../../../etc/passwd", "C:\\Windows\\system32",
    "$(rm -rf /)", "`id`", "\\", "'", '"', "{}", "[]", "null", "None", "NaN", "-1", "0", "1e308", "0x41",
    "Путин", "普京", "بوتين", "נתניהו", "🇷🇺", "🦀" * 30, "\ud800", "\udcff", "ß" * 3, "İstanbul", "ǅ",
    "a" * 201, "x" * 10_000, "Vladimir " * 40, "-" * 3, "--json", "-h",
]
DATES = [
    "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01",
    "2024-09-03T10:00+02:00", "2024-09-03T23:59:59-12:00", "2024-09-03T25:00", "2024-09-03T10:00+25:00",
    "2024-09-03Z", "2024-09-03T10:00:00.123456789", "20240903", "2024-W36-2", "2024-247", "3.9.2024", "09/03/2024",
    "2024/09/03", "2024-9-3", " 2024-09-03 ", "２０２４-０９-０３", "yesterday", "today", "now", "-2024-01-01",
]
PERSONS = ["putin", "Vladimir Putin", "Путин", "Netanyahu", "al-Bashir", "Gaddafi", "duterte", "KONY Joseph"]
COUNTRIES = ["MN", "MNG", "mongolia", "Türkiye", "Kyrgyz Republic", "Kosovo", "State of Palestine", "XK", "ZZ"]

text = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE), st.text(min_size=150, max_size=400))
others = st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.binary(max_size=8),
                   st.lists(st.text(max_size=3), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(),
                                                                               max_size=1), st.dates())
persons = st.one_of(text, st.sampled_from(PERSONS), others)
countries = st.one_of(text, st.sampled_from(COUNTRIES), st.sampled_from(all_countries()).map(lambda c: c.name),
                      others)
zones = st.sampled_from([None, datetime.UTC, datetime.timezone(datetime.timedelta(hours=14)),
                         datetime.timezone(datetime.timedelta(hours=-12)),
                         datetime.timezone(datetime.timedelta(hours=5, minutes=45))])
dates = st.one_of(st.none(), st.dates(), st.datetimes(timezones=zones), st.sampled_from(DATES), text,
                  st.dates().map(datetime.date.isoformat), st.datetimes(timezones=zones).map(datetime.datetime.isoformat),
                  st.integers(), st.floats(), st.booleans(), st.timedeltas(), st.times())

#: The input each documented error must name.
NAMED_BY = {UnknownPersonError: "person", AmbiguousPersonError: "person", UnknownCountryError: "country",
            InvalidDateError: "date"}


def _shown(value: object) -> Iterator[str]:
    """Forms in which a message may show ``value``: its repr, or the start of a truncated one."""
    yield repr(value)
    if isinstance(value, str):
        for length in (40, 200):
            yield repr(value[:length])[1:-1][:30]
    yield repr(value)[1:31]
    yield repr(value)[:30]


def _check_error(error: ICCRulesError, inputs: dict[str, object]) -> None:
    kind = next((k for k in NAMED_BY if type(error) is k), None)
    assert kind is not None, f"undocumented error {type(error).__name__}: {error}"
    message = str(error)
    value = inputs[NAMED_BY[kind]]
    assert any(form in message for form in _shown(value)), f"{message!r} does not name the input {value!r}"
    assert "expected" in message or (kind is AmbiguousPersonError and "give a fuller name" in message), message
    assert len(message) < 2000, "an error message should not repeat a huge input"


@FUZZ
@given(person=persons, country=countries, date=dates)
def test_the_api_answers_or_raises_a_documented_error_that_names_the_input(person: Any, country: Any,
                                                                            date: Any) -> None:
    inputs = {"person": person, "country": country, "date": date}
    try:
        answer = assess(person, country, date)
    except ICCRulesError as error:
        _check_error(error, inputs)
        for function in (can_travel, verdict_of):  # the same error from the other two
            with pytest.raises(type(error)) as again:
                function(person, country, date)
            assert str(again.value) == str(error)
        return
    assert isinstance(answer, Assessment) and isinstance(answer.verdict, Verdict)
    assert verdict_of(person, country, date) is answer.verdict
    assert can_travel(person, country, date) is answer.can_travel
    assert answer.reasons and answer.reasons[-1].rule == f"verdict.{answer.verdict.value}"


@FUZZ
@given(date=dates)
def test_any_date_for_a_known_pair_answers_or_is_rejected_as_a_date(date: Any) -> None:
    try:
        verdict = verdict_of("putin", "MNG", date)
    except ICCRulesError as error:
        assert isinstance(error, InvalidDateError)
        _check_error(error, {"date": date})
    else:
        assert isinstance(verdict, Verdict)


def test_the_last_day_a_date_can_name_is_an_ordinary_day() -> None:
    # 9999-12-31 once collided with the number that stands for "never": an open warrant looked ended on that day.
    assert verdict_of("putin", "MNG", "9999-12-31") is verdict_of("putin", "MNG", "9999-12-30")
    assert verdict_of("putin", "MNG", datetime.date.max) is Verdict.DUTY_TO_ARREST


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as done:  # argparse: usage errors, --help, --version
            code = done.code if isinstance(done.code, int) else EXIT_USAGE
    return code, out.getvalue(), err.getvalue()


def _check_cli(code: int, err: str, allowed: set[int]) -> None:
    assert code in allowed, (code, err)
    assert "Traceback" not in err
    if code in (EXIT_INPUT, EXIT_DATA):
        assert err.startswith("icc-rules: error: ") and err.endswith("\n"), err
    if code == EXIT_USAGE:
        assert "error:" in err


cli_text = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE + DATES + PERSONS + COUNTRIES))


@FUZZ
@given(person=cli_text, country=cli_text, date=st.one_of(st.none(), cli_text),
       flags=st.lists(st.sampled_from(["--json", "--exit-code"]), unique=True))
def test_the_cli_check_command_exits_with_a_documented_code(person: str, country: str, date: str | None,
                                                            flags: list[str]) -> None:
    argv = ["check", person, country, *([] if date is None else [date]), *flags]
    code, _, err = _cli(argv)
    _check_cli(code, err, {EXIT_OK, EXIT_USAGE, EXIT_INPUT} | ({EXIT_AT_RISK} if "--exit-code" in flags else set()))


COMMANDS = [["states", "--on"], ["states", "--json", "--on"], ["data", "stale", "--days"], ["check"], ["persons"],
            ["rules"], ["data"], [], ["nonsense"], ["check", "putin"], ["states"],
            ["timeline"], ["timeline", "putin"], ["timeline", "putin", "MNG", "--from"], ["world"], ["world", "--csv"],
            ["itinerary", "putin"], ["itinerary", "--json"], ["wanted-in"], ["wanted-in", "--csv"], ["hosts"],
            ["bulk", "--keep-going"], ["check", "putin", "MNG", "--data"]]


@FUZZ
@given(command=st.sampled_from(COMMANDS), words=st.lists(cli_text, max_size=3))
def test_the_cli_never_shows_a_traceback(command: list[str], words: list[str]) -> None:
    code, _, err = _cli([*command, *words])
    _check_cli(code, err, {EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_DATA})  # data stale FILES: files may not be TOML


@pytest.fixture(scope="module")
def overlay_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("overlays")


_counter = itertools.count()
toml_values = st.sampled_from(['"x"', "1", "-1", "2024-02-01", "1998-07-16", "2099-01-01", "true", "[]", '["ZZZ"]',
                               '[{ url = "https://example.org/a", title = "A" }]', "{ a = 1 }", '"putin"', '"UKR"',
                               '"confirmed"', '"reported"', '"MNG"', "1e999", '"\\u0000"'])
toml_keys = st.sampled_from(["id", "code", "name", "situation", "sources", "verified_on", "in_force", "deposited",
                             "person", "host", "state", "issued", "kind", "confidence", "note", "binds", "date",
                             "warrant", "names", "junk"])
overlay_text = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.lists(st.tuples(st.sampled_from([*TABLES, "junk", "person.warrant"]),
                       st.lists(st.tuples(toml_keys, toml_values), max_size=6)), min_size=1, max_size=3).map(
        lambda tables: "".join(f"[[{table}]]\n" + "".join(f"{k} = {v}\n" for k, v in dict(rows).items())
                               for table, rows in tables)),
)


@settings(FUZZ, max_examples=30)  # each example loads the whole dataset (about 0.1 s)
@given(content=st.one_of(overlay_text, st.binary(max_size=64)), command=st.sampled_from(["validate", "stale"]))
def test_a_broken_overlay_file_fails_with_exit_4_naming_the_file(overlay_dir: Path, content: str | bytes,
                                                                 command: str) -> None:
    path = overlay_dir / f"overlay-{next(_counter)}.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogateescape")
    code, out, err = _cli(["data", command, str(path)])
    _check_cli(code, err, {EXIT_OK, EXIT_DATA})
    if code == EXIT_DATA:
        assert path.name in err, err
    else:
        assert out


def test_the_shipped_data_is_untouched_by_the_fuzzing() -> None:
    assert shipped_data().info.version


@pytest.mark.parametrize("argv", [
    ["check", "putin", "MNG", "2024-02-30"],
    ["check", "\udcff\udcfe", "MNG"],  # bytes that are not UTF-8 on the command line
    ["check", "putin", "x" * 5000, "2024-09-03"],
    ["states", "--on", "9999-99-99"],
    ["data", "stale", "--days", "99999999999999999999"],
])
def test_a_real_process_prints_one_line_and_no_traceback(argv: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "icc_rules", *argv], capture_output=True, check=False,
                          env={"PYTHONIOENCODING": "utf-8", "PATH": ""}, cwd=Path(__file__).parents[2])
    err = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode in (EXIT_USAGE, EXIT_INPUT), err
    assert "Traceback" not in err
    assert err.count("\n") <= 2 and "error" in err


legs = st.one_of(st.lists(st.one_of(text, others, st.sampled_from(["MNG@2024-09-03", "ARM@2024-01-25..2024-02-05:transit",
                                                                  "MNG@2024-09-03:swim", "@", "MNG@..", "X@Y:Z"]),
                                    st.tuples(countries, dates), st.tuples(countries, dates, text)), max_size=3),
                 others, text)
rows = st.one_of(st.lists(st.one_of(st.tuples(persons, countries, dates), st.tuples(persons, countries), others,
                                    st.dictionaries(st.sampled_from(["person", "country", "date", "x"]),
                                                    st.one_of(text, others), max_size=3)), max_size=3), others)
VIEWS = {
    "timeline": lambda p, c, d, e, _legs, _rows: timeline(p, c, d, e),
    "next_change": lambda p, c, d, _e, _legs, _rows: next_change(p, c, d),
    "world": lambda p, _c, d, _e, _legs, _rows: world(p, d),
    "wanted_in": lambda _p, c, d, _e, _legs, _rows: wanted_in(c, d),
    "hosts": lambda p, _c, _d, _e, _legs, _rows: hosts(p),
    "check_itinerary": lambda p, _c, _d, _e, legs_, _rows: check_itinerary(p, legs_),
    "assess_many": lambda _p, _c, _d, _e, _legs, rows_: assess_many(rows_),
}


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(view=st.sampled_from(sorted(VIEWS)), person=persons, country=countries, date=dates, end=dates, legs_=legs,
       rows_=rows)
def test_every_view_answers_or_raises_a_documented_error(view: str, person: Any, country: Any, date: Any, end: Any,
                                                         legs_: Any, rows_: Any) -> None:
    try:
        VIEWS[view](person, country, date, end, legs_, rows_)
    except ICCRulesError as error:
        message = str(error)
        assert message and len(message) < 2000, message
        kind = next((k for k in NAMED_BY if type(error) is k), None)
        if kind is not None and view not in ("check_itinerary", "assess_many"):  # those name a leg or a row instead
            shown = {"person": person, "country": country, "date": date}
            assert any(form in message for value in (*shown.values(), end) for form in _shown(value)), message
