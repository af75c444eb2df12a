"""Bulk answers: rows in, records, CSV, JSON, NDJSON and pandas out, each row the answer of assess."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from icc_rules import assess
from icc_rules.errors import InputError, MissingExtraError, UnknownPersonError
from icc_rules.schemas import (
    assessment_json_schema,
    change_json_schema,
    itinerary_json_schema,
    period_json_schema,
    world_json_schema,
    world_record_json_schema,
)
from icc_rules.views.bulk import COLUMNS, Row, assess_many

ROWS: list[Row] = [("Putin", "MN", "2024-09-03"), {"person": "Netanyahu", "country": "Hungary", "date": "2025-04-03"},
        ["Duterte", "NLD", "2025-06-01"], {"person": "al-Bashir", "country": "ZAF", "date": "2015-06-14", "x": 1}]


def test_each_row_is_the_answer_of_assess() -> None:
    result = assess_many(ROWS)
    expected = [assess("Putin", "MN", "2024-09-03"), assess("Netanyahu", "Hungary", "2025-04-03"),
                assess("Duterte", "NLD", "2025-06-01"), assess("al-Bashir", "ZAF", "2015-06-14")]
    assert list(result.answers) == expected
    records = result.records()
    assert [r["verdict"] for r in records] == [a.verdict.value for a in expected]
    assert all(tuple(r) == COLUMNS for r in records)


def test_exports_round_trip() -> None:
    result = assess_many(ROWS)
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert [r["verdict"] for r in rows] == [r["verdict"] for r in result.records()]
    assert rows[0]["rules"].split("; ")[-1] == "verdict.duty_to_arrest" and rows[0]["can_travel"] == "False"
    assert json.loads(result.to_json()) == result.records()
    assert [json.loads(line) for line in result.to_ndjson().splitlines()] == result.records()
    full = json.loads(result.to_json(full=True))
    assert full[0]["reasons"][0]["rule"] == "status.party"


def test_dataframe() -> None:
    pandas = pytest.importorskip("pandas")
    frame = assess_many(ROWS).to_dataframe()
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 4
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["verdict"].cat.ordered and frame["verdict"].min() == "in_custody"
    assert isinstance(frame, pandas.DataFrame)


def test_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r'icc-rules\[pandas\]|--extra pandas'):
        assess_many(ROWS[:1]).to_dataframe()


def test_errors_raise_or_are_recorded() -> None:
    rows: list[Row] = [("Puttin", "MN", "2024-09-03"), ("Putin", "MN", "2024-09-03"), ("Putin",), {"country": "MN"}]
    with pytest.raises(UnknownPersonError):
        assess_many(rows)
    with pytest.raises(InputError):
        assess_many(rows[1:3])
    result = assess_many(rows, on_error="record")
    assert [e.index for e in result.errors] == [0, 2, 3]
    records = result.records()
    assert records[1]["verdict"] == "duty_to_arrest" and records[0]["verdict"] is None
    assert "unknown person 'Puttin'" in records[0]["error"]


def test_progress_is_reported() -> None:
    seen: list[int] = []
    assess_many(ROWS, progress=seen.append)
    assert seen == [1, 2, 3, 4]


@pytest.mark.parametrize(("schema", "title", "example"), [
    (assessment_json_schema, "Assessment", lambda: assess("Putin", "MN", "2024-09-03")),
    (period_json_schema, "Period", None), (change_json_schema, "Change", None),
    (world_json_schema, "WorldView", None), (world_record_json_schema, "WorldRecord", None),
    (itinerary_json_schema, "ItineraryReport", None),
])
def test_json_schemas(schema, title, example) -> None:  # type: ignore[no-untyped-def]
    produced = schema()
    assert produced["title"] == title and produced["type"] == "object"
    json.dumps(produced)
    if example is not None:
        assert set(example().model_dump(mode="json")) == set(produced["properties"])


@pytest.mark.parametrize("row", [("Putin", ""), ("Putin", None), {"person": "  ", "country": "MN"},
                                 {"person": "Putin", "country": None, "date": "2024-09-03"}])
def test_a_row_with_an_empty_person_or_country_says_which_is_missing(row: Row) -> None:
    with pytest.raises(InputError, match=r"a row needs a (person|country), and this one has none"):
        assess_many([row])
