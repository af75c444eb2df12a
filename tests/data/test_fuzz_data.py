"""Fuzzed data files: valid, broken and hostile files built by Hypothesis, through the loader, the API and the CLI.

A file either loads, and then every answer about what it touches is well formed, or it fails with one
``DataError`` (exit code 4 on the command line) naming the file; never another exception, a hang, or a large
allocation. Each call is bounded in time and in memory (tracemalloc's peak).
"""

from __future__ import annotations

import datetime
import itertools
import math
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icc_rules import DataError, ICCRulesError, Verdict, assess, load_data, timeline, world
from icc_rules.cli import EXIT_DATA, EXIT_INPUT, EXIT_OK, main

FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_counter = itertools.count()

#: Each call: at most this long, and at most this much Python memory allocated at its peak.
SECONDS, PEAK_BYTES = 60.0, 400 * 1024 * 1024

HOSTILE_TEXT = ["", "\x00", "\x1b[31m", "\u202e", "a" * 5000, "'", '"', "\\", "]]", "[[", "\n", "é" * 100,
                "${jndi:x}", "../../etc/passwd"]
text = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE_TEXT))
dates = st.one_of(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
                  st.sampled_from([datetime.date(2023, 3, 17), datetime.date(2030, 1, 1)]))
codes = st.one_of(st.sampled_from(["ZAF", "MNG", "HUN", "CHN", "GUF", "JEY", "SDN", "PSE", "XKX", "ZZZ", "zaf", ""]),
                  text)
scalars = st.one_of(text, st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.booleans(), dates,
                    st.lists(text, max_size=3))


def _value(value: Any) -> str:
    """A TOML literal for ``value``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "nan" if math.isnan(value) else repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return '"' + "".join(ch if ch.isprintable() and ch not in '"\\' else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000
                         else "" for ch in str(value)) + '"'


SOURCE = '[{ url = "https://example.org/fuzz", title = "fuzz", kind = "primary" }]'


def _record(table: str, fields: dict[str, Any]) -> str:
    lines = [f"[[{table}]]"] + [f"{name} = {_value(value)}" for name, value in fields.items()]
    return "\n".join(lines) + f"\nsources = {SOURCE}\nverified_on = 2026-11-28\n"


@st.composite
def records(draw: st.DrawFn) -> str:
    """A record of a random table, with its fields mostly right and some of them wrong."""
    table = draw(st.sampled_from(["state", "territory", "person", "declaration", "referral", "visit", "finding"]))
    base: dict[str, Any] = {
        "state": {"code": draw(codes), "name": draw(text), "deposited": draw(dates), "instrument": "ratification",
                  "in_force": draw(dates)},
        "territory": {"code": draw(codes), "state": draw(codes), "applies": draw(st.booleans())},
        "person": {"id": draw(st.sampled_from(["putin", "someone", "kony", "x"])), "name": draw(text)},
        "declaration": {"id": "d", "state": draw(codes), "situation": "UKR", "lodged": draw(dates),
                        "status": draw(st.sampled_from(["lodged", "rejected", "maybe"]))},
        "referral": {"id": "UNSC-1593", "resolution": "r", "situation": "DARFUR", "adopted": draw(dates),
                     "binds": draw(st.lists(codes, max_size=3))},
        "visit": {"id": "v", "person": "putin", "host": draw(codes), "start": draw(dates), "host_bound": False,
                  "outcome": "not_arrested", "summary": draw(text)},
        "finding": {"id": "f", "state": draw(codes), "date": draw(dates), "chamber": "PTC", "summary": draw(text)},
    }[table]
    for name in draw(st.lists(st.sampled_from(sorted(base)), max_size=2, unique=True)):  # break a few fields
        if draw(st.booleans()):
            del base[name]
        else:
            base[name] = draw(scalars)
    if draw(st.booleans()):
        base[draw(st.sampled_from(["extra", "note", "confidence"]))] = draw(scalars)
    return _record(table, base)


structures = st.one_of(
    records().map(lambda r: r),
    st.lists(records(), min_size=2, max_size=4).map("\n".join),
    st.integers(1, 60).map(lambda n: "x = " + "[" * n + "]" * n),
    st.integers(1, 40).map(lambda n: ".".join(["k"] * n) + " = 1"),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.text(max_size=300),
    st.just('[[person]]\nid = "putin"\n' * 3),
)


def _bounded(call: Any, *, traced: bool = False) -> Any:
    """Run ``call()`` in a thread, bounded in time (and with ``traced``, in memory: tracemalloc slows a call down
    many times, so only loading is traced); return its result or the exception it raised."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # noqa: BLE001 - returned to the test
            outcome.append(error)

    if traced:
        tracemalloc.start()
    try:
        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(SECONDS)
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
    finally:
        if traced:
            tracemalloc.stop()
    assert outcome, f"a call ran for more than {SECONDS} s"
    assert peak < PEAK_BYTES, f"a call allocated {peak / 2**20:.0f} MB at its peak"
    return outcome[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzzed-data")


@FUZZ
@given(content=structures)
def test_a_fuzzed_file_loads_or_fails_with_one_data_error_and_answers_stay_well_formed(folder: Path,
                                                                                         content: str) -> None:
    path = folder / f"fuzz-{next(_counter)}.toml"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    loaded = _bounded(lambda: load_data(overlays=[path]), traced=True)
    if isinstance(loaded, BaseException):
        assert isinstance(loaded, DataError), repr(loaded)
        assert path.name in str(loaded) and "\n" not in str(loaded).split(":", 1)[0]
        return
    for person, country in (("putin", "ZAF"), ("putin", "MNG"), ("kony", "SDN")):
        try:
            answer = _bounded(lambda: assess(person, country, "2024-09-03", data=loaded))  # noqa: B023
        except ICCRulesError:
            continue
        if isinstance(answer, BaseException):
            assert isinstance(answer, ICCRulesError), repr(answer)
            continue
        assert isinstance(answer.verdict, Verdict) and answer.reasons
        if any(key.startswith(("host:", "person:")) for key in loaded.user_data):
            touched = loaded.user_data.get(f"host:{country}") or loaded.user_data.get(f"person:{person}")
            assert not touched or not answer.confirmed
    if loaded.user_data.get("person:putin"):  # the world view only where the file changed Putin's record
        view = _bounded(lambda: world("putin", "2024-09-03", data=loaded))
        assert not isinstance(view, BaseException) or isinstance(view, ICCRulesError), repr(view)
    periods = _bounded(lambda: timeline("putin", "ZAF", "2023-01-01", "2026-01-01", data=loaded))
    assert not isinstance(periods, BaseException) or isinstance(periods, ICCRulesError), repr(periods)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=structures, command=st.sampled_from(["validate", "check", "world"]))
def test_the_cli_answers_a_fuzzed_file_with_a_documented_code_and_one_line(
        folder: Path, content: str, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / f"cli-{next(_counter)}.toml"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    argv = {"validate": ["data", "validate", str(path)], "check": ["--data", str(path), "check", "putin", "ZA",
                                                                    "2023-08-22"],
            "world": ["--data", str(path), "world", "putin", "2024-09-03"]}[command]
    code = _bounded(lambda: main(argv))
    err = capsys.readouterr().err
    assert code in (EXIT_OK, EXIT_DATA, EXIT_INPUT), (code, err)
    assert "Traceback" not in err
    if code == EXIT_DATA:
        assert err.count("\n") >= 1 and path.name in err
