"""One reader per input format: ``icc-rules bulk``, ``POST /v1/bulk`` (CSV and NDJSON bodies) and ``assess_many`` read
the same rows the same way, and never guess the day; bulk answers are the answers of a fresh ``assess``."""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from icc_rules import all_countries, assess, assess_many, shipped_data
from icc_rules.api.flat import flat_answers
from icc_rules.api.queries import forget
from icc_rules.cli import main
from icc_rules.render.export import to_csv
from icc_rules.views.bulk import COLUMNS, BulkResult, RecordLines, answer_queries, record
from icc_rules.views.inputs.python_rows import read_rows

Capture = pytest.CaptureFixture[str]
MISSING = object()  # a row that names no day


class Case(NamedTuple):
    """A row as each door is given it (its date in Python, in JSON and in a CSV cell), and what every door answers:
    a verdict on a day, or an error whose message holds ``expected``."""

    name: str
    person: str
    date: Any
    csv_date: str | None  # None: a CSV cell cannot say it
    expected: str
    day: str | None = None


def _cases() -> list[Case]:
    numpy = pytest.importorskip("numpy")
    return [
        Case("a day", "putin", "2024-09-03", "2024-09-03", "duty_to_arrest", "2024-09-03"),
        Case("no day", "putin", MISSING, "", "no date in the row"),
        Case("zero", "putin", 0, "0", "invalid date"),
        Case("false", "putin", False, "False", "invalid date"),
        Case("a list", "putin", [], "[]", "invalid date"),
        Case("an empty string", "putin", "", None, "invalid date"),
        Case("numpy's 1970-01-01", "putin", numpy.datetime64("1970-01-01"), "1970-01-01", "no_warrant", "1970-01-01"),
        Case("an unknown person", "Nobody Atall", "2024-09-03", "2024-09-03", "unknown person"),
    ]


def _outcome(found: dict[str, Any]) -> tuple[str, str | None]:
    return (found["verdict"], found["date"]) if found.get("error") is None else ("error", found["error"])


def _check(cases: Sequence[Case], got: list[tuple[str, str | None]], default: str | None) -> None:
    assert len(got) == len(cases)
    for case, (verdict, detail) in zip(cases, got, strict=True):
        if case.date is MISSING and default is not None:  # the caller's day
            expected = assess(case.person, "MN", default)
            assert (verdict, detail) == (expected.verdict.value, default), case.name
        elif case.day is None:
            assert verdict == "error" and detail is not None and case.expected in detail, case.name
        else:
            assert (verdict, detail) == (case.expected, case.day), case.name


HEADERS = {"plain": ("person,country,date", ","), "as people write it": ("Person,Country,Date", ","),
           "semicolons and a BOM": ("\ufeffPerson; Country ;DATE", ";")}


def _csv_body(cases: Sequence[Case], header: str) -> str:
    text, separator = HEADERS[header]
    return text + "\n" + "".join(separator.join((case.person, "MN", case.csv_date or "")) + "\n"
                                 for case in cases if case.csv_date is not None)


def _cli(capsys: Capture, tmp_path: Path, cases: Sequence[Case], header: str, default: str | None
         ) -> list[tuple[str, str | None]]:
    path = tmp_path / "queries.csv"
    path.write_text(_csv_body(cases, header), encoding="utf-8")
    main(["bulk", str(path), "--keep-going", "--ndjson", *(["--date", default] if default else [])])
    return [_outcome(json.loads(line)) for line in capsys.readouterr().out.splitlines()]


def _web(body: str, media: str, default: str | None) -> list[tuple[str, str | None]]:
    from fastapi.testclient import TestClient

    from icc_rules.web.app import create_app

    with TestClient(create_app()) as client:
        response = client.post("/v1/bulk", content=body.encode("utf-8"), headers={"Content-Type": media},
                               params={"date": default} if default else {})
    assert response.status_code == 200, response.text
    return [_outcome(json.loads(line)) for line in response.text.splitlines()]


def _rows(cases: Sequence[Case]) -> list[Any]:
    return [(case.person, "MN") if case.date is MISSING else {"person": case.person, "country": "MN",
                                                               "date": case.date} for case in cases]


def _json(cases: Sequence[Case]) -> str:
    lines = []
    for case in cases:
        row: dict[str, Any] = {"person": case.person, "country": "MN"}
        if case.date is not MISSING:
            row["date"] = case.date if not hasattr(case.date, "astype") else str(case.date)
        lines.append(json.dumps(row))
    return "\n".join(lines) + "\n"


DOORS = ["icc-rules bulk", "POST /v1/bulk (CSV)", "POST /v1/bulk (NDJSON)", "assess_many"]


@pytest.mark.parametrize("default", [None, "2023-10-12"])
@pytest.mark.parametrize("door", DOORS)
def test_every_door_reads_the_same_rows_the_same_way(capsys: Capture, tmp_path: Path, door: str,
                                                     default: str | None) -> None:
    cases = _cases()
    in_csv = [case for case in cases if case.csv_date is not None]
    if door == "icc-rules bulk":
        for header in HEADERS:
            _check(in_csv, _cli(capsys, tmp_path, cases, header, default), default)
    elif door == "POST /v1/bulk (CSV)":
        pytest.importorskip("fastapi")
        for header in HEADERS:
            _check(in_csv, _web(_csv_body(cases, header), "text/csv", default), default)
    elif door == "POST /v1/bulk (NDJSON)":
        pytest.importorskip("fastapi")
        _check(cases, _web(_json(cases), "application/x-ndjson", default), default)
    else:
        result = assess_many(_rows(cases), on_error="record", date=default)
        _check(cases, [_outcome(found) for found in result.records()], default)


def test_a_file_without_a_date_column_is_refused_by_every_csv_door(capsys: Capture, tmp_path: Path) -> None:
    path = tmp_path / "queries.csv"
    path.write_text("person,country\nputin,MN\n", encoding="utf-8")
    assert main(["bulk", str(path)]) == 3 and "no date column" in capsys.readouterr().err
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from icc_rules.web.app import create_app

    with TestClient(create_app()) as client:
        refused = client.post("/v1/bulk", content="person,country\nputin,MN\n", headers={"Content-Type": "text/csv"})
        assert refused.status_code == 400 and "no date column" in refused.json()["detail"]
        dated = client.post("/v1/bulk", content="person,country\nputin,MN\n", params={"date": "2024-09-03"},
                            headers={"Content-Type": "text/csv"})
        assert json.loads(dated.text)["verdict"] == "duty_to_arrest"


def _random_rows(count: int, seed: int) -> list[tuple[str, str, datetime.date]]:
    data = shipped_data()
    rng = random.Random(seed)
    persons, countries = [p.id for p in data.persons], [c.code for c in all_countries()]
    first = datetime.date(2002, 7, 1)
    span = (data.info.as_of - first).days + 400  # some days after the data's as-of date too
    return [(rng.choice(persons), rng.choice(countries), first + datetime.timedelta(days=rng.randrange(span)))
            for _ in range(count)]


def _fresh(rows: Sequence[tuple[str, str, datetime.date]]) -> list[dict[str, Any]]:
    """The records of ``assess``, each asked with nothing kept from an earlier answer."""
    data = shipped_data()
    answers = []
    for person, country, day in rows:
        forget(data)
        answers.append(assess(person, country, day))
    return BulkResult(answers=tuple(answers)).records()


def test_bulk_answers_are_the_answers_of_a_fresh_assess_on_random_rows() -> None:
    rows = _random_rows(400, seed=19)
    rows += rows[:100]  # asked again: answered from what the first asking kept
    got = [record(answered) for answered in answer_queries(read_rows(rows))]
    fresh = _fresh(rows)
    assert got == fresh
    lines = RecordLines()  # the web's lines: the same records, their texts made once per pair and verdict
    assert [json.loads(line) for line in lines.text(answer_queries(read_rows(rows))).splitlines()] == fresh
    known = flat_answers(shipped_data()).known
    plain = ("putin", "MN", datetime.date(2024, 9, 3))  # nothing in this answer depends on the day: it is kept
    list(answer_queries(read_rows([plain])))
    assert known(*plain) is not None
    # An answer resting on a fact that is not confirmed says whether that fact changes the verdict, which can differ
    # from one run of days to the next (between the dates the changed facts turn on): it is kept for its run only.
    doubtful = ("mangenda", "SLV", datetime.date(2025, 11, 4))
    list(answer_queries(read_rows([doubtful])))
    kept = known(*doubtful)
    assert kept is not None and not kept.kept_whole and kept.kept_per_run
    assert kept.warnings == assess(*doubtful).warnings
    assert known("mangenda", "SLV", datetime.date(2002, 7, 1)) is None  # another run of days: not asked yet
    forget(shipped_data())  # forgets the flat answers with the rules' decisions
    assert known(*plain) is None


def test_the_command_lines_csv_is_the_answers_of_a_fresh_assess(capsys: Capture, tmp_path: Path) -> None:
    rows = _random_rows(300, seed=7)
    path = tmp_path / "queries.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["person", "country", "date", "note"])
        for index, (person, country, day) in enumerate(rows):  # some cells need quoting: those rows take the csv module
            writer.writerow([person, country, day.isoformat(), "a, b" if index % 7 == 0 else f"n{index}"])
        writer.writerow(["putin", "MN", "2024-09-03"])  # a short row
    rows.append(("putin", "MN", datetime.date(2024, 9, 3)))
    assert main(["bulk", str(path), "--csv"]) == 0
    written = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = list(csv.DictReader(io.StringIO(to_csv(_fresh(rows), COLUMNS))))
    assert [{column: line[column] for column in COLUMNS} for line in written] == expected
    assert [line["row"] for line in written] == [str(number) for number in range(2, len(rows) + 2)]
    assert written[0]["input_note"] == "a, b" and written[-1]["input_note"] == ""


