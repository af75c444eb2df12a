"""Query files never make the day up: headers matched the way people write them, a file without dates refused unless
a day is given for it, bad rows named and echoed, every input column kept, separators found, and rows streamed."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from icc_rules import assess
from icc_rules.cli import EXIT_INPUT, EXIT_OK, main
from icc_rules.errors import InputError
from icc_rules.views.bulk import COLUMNS, answer_rows, read_csv

Capture = pytest.CaptureFixture[str]


def bulk(capsys: Capture, tmp_path: Path, text: str, *options: str, code: int = EXIT_OK) -> tuple[str, str]:
    path = tmp_path / "queries.csv"
    path.write_bytes(text.encode("utf-8"))
    assert main(["bulk", str(path), *options]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


@pytest.mark.parametrize("header", ["person,country,date", "Person,Country,Date", " PERSON , country ,  Date ",
                                    "\ufeffperson,country,date", "date,note,country,person"])
def test_headers_are_matched_without_regard_to_case_spaces_bom_or_order(capsys: Capture, tmp_path: Path,
                                                                      header: str) -> None:
    keys = [part.strip().lstrip("\ufeff").casefold() for part in header.split(",")]
    values = {"person": "putin", "country": "AM", "date": "2024-01-01", "note": "x"}
    out, _ = bulk(capsys, tmp_path, f"{header}\n{','.join(values[key] for key in keys)}\n", "--json")
    (record,) = json.loads(out)
    assert record["date"] == "2024-01-01" and record["verdict"] == "no_duty"  # the day asked, not today


@pytest.mark.parametrize("header", ["person,country", "person,country,day", "person,country,when"])
def test_a_file_without_a_date_column_is_refused_unless_a_day_is_given(capsys: Capture, tmp_path: Path,
                                                                     header: str) -> None:
    text = f"{header}\nputin,AM" + (",2024-01-01" if header.count(",") == 2 else "") + "\n"
    _, err = bulk(capsys, tmp_path, text, code=EXIT_INPUT)
    assert "no date column" in err and "--date DAY" in err and err.count("\n") == 1
    out, _ = bulk(capsys, tmp_path, text, "--date", "2024-02-01", "--json")
    assert json.loads(out)[0]["verdict"] == "duty_to_arrest"


def test_an_empty_date_cell_is_an_error_unless_a_day_is_given(capsys: Capture, tmp_path: Path) -> None:
    text = "person,country,date\nputin,AM,2024-01-01\nputin,AM,\n"
    _, err = bulk(capsys, tmp_path, text, code=EXIT_INPUT)
    assert "row 3: no date in the row" in err and "the row: 'putin,AM,'" in err
    out, _ = bulk(capsys, tmp_path, text, "--date", "2024-02-01", "--csv")
    assert [row["date"] for row in csv.DictReader(io.StringIO(out))] == ["2024-01-01", "2024-02-01"]


def test_a_header_without_person_and_country_names_what_it_found(capsys: Capture, tmp_path: Path) -> None:
    _, err = bulk(capsys, tmp_path, "name:state:day\nputin:AM:2024-01-01\n", code=EXIT_INPUT)
    assert "missing: person, country" in err and "'name:state:day'" in err and "semicolon, tab" in err
    _, err = bulk(capsys, tmp_path, "", code=EXIT_INPUT)
    assert "empty; expected a header row" in err
    _, err = bulk(capsys, tmp_path, "person,country,date,Date\n", code=EXIT_INPUT)
    assert "names the column date twice" in err


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_the_separator_is_found_from_the_header(capsys: Capture, tmp_path: Path, separator: str) -> None:
    text = separator.join(["person", "country", "date"]) + "\n" + separator.join(["putin", "AM", "2024-02-01"])
    out, _ = bulk(capsys, tmp_path, text + "\n", "--json")
    assert json.loads(out)[0]["verdict"] == "duty_to_arrest"


def test_errors_name_the_row_and_echo_it(capsys: Capture, tmp_path: Path) -> None:
    text = "person,country,date,note\nputin,AM,2024-02-01,fine\nPuttin,AM,2024-02-01,typo\n,AM,2024-02-01,x\n"
    out, err = bulk(capsys, tmp_path, text, code=EXIT_INPUT)
    assert err.startswith("icc-rules: error: ") and f"{tmp_path / 'queries.csv'}, row 3: unknown person 'Puttin'" \
        in err and err.rstrip().endswith("the row: 'Puttin,AM,2024-02-01,typo'")
    assert "duty_to_arrest" in out  # the rows before it were answered
    out, _ = bulk(capsys, tmp_path, text, "--json", code=EXIT_INPUT)
    assert [record["row"] for record in json.loads(out)] == [2]  # valid JSON, up to the bad row
    out, err = bulk(capsys, tmp_path, text, "--keep-going", code=EXIT_INPUT)
    assert "row 3: unknown person" in err and "row 4: a row needs a person, and this one has none" in err
    assert "Puttin" in out and "error" in out


def test_keep_going_keeps_every_input_column_beside_the_answer(capsys: Capture, tmp_path: Path) -> None:
    text = "id,person,country,date,note\n7,putin,AM,2024-02-01,kept\n8,putin,Atlantis,2024-02-01,bad\n"
    out, _ = bulk(capsys, tmp_path, text, "--keep-going", "--csv", code=EXIT_INPUT)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:len(COLUMNS)] == list(COLUMNS)
    assert [(r["input_id"], r["input_note"], r["row"], r["verdict"]) for r in rows] == [
        ("7", "kept", "2", "duty_to_arrest"), ("8", "bad", "3", "")]
    assert rows[1]["input_country"] == "Atlantis" and "unknown country 'Atlantis'" in rows[1]["error"]
    out, _ = bulk(capsys, tmp_path, text, "--keep-going", "--ndjson", code=EXIT_INPUT)
    assert [json.loads(line)["input_id"] for line in out.splitlines()] == ["7", "8"]
    out, _ = bulk(capsys, tmp_path, text, "--keep-going", code=EXIT_INPUT)
    assert "Atlantis" in out and "error" in out


def test_extra_cells_and_blank_lines(capsys: Capture, tmp_path: Path) -> None:
    out, _ = bulk(capsys, tmp_path, "person,country,date\n\nputin,AM,2024-02-01,extra,more\n", "--json")
    (record,) = json.loads(out)
    assert record["row"] == 3 and record["input_column 4+"] == "extra,more"


def test_bytes_that_are_not_utf8_name_the_row_and_keep_going_goes_on(capsys: Capture, tmp_path: Path) -> None:
    good = "putin,AM,2024-02-01\n" * 3000  # past the reader's first block
    path = tmp_path / "queries.csv"
    path.write_bytes(b"person,country,date\n" + good.encode() + b"putin,\xff\xfe,2024-02-01\n" + good.encode())
    assert main(["bulk", str(path), "--csv"]) == EXIT_INPUT
    assert "expected CSV text in UTF-8" in capsys.readouterr().err
    path.write_bytes(b"person,c\xffountry,date\n")
    assert main(["bulk", str(path)]) == EXIT_INPUT
    assert "the byte at offset 8 is not UTF-8" in capsys.readouterr().err


def test_rows_are_streamed_one_at_a_time() -> None:
    """An endless file still gives its first answers: nothing reads ahead of the rows asked for."""

    def endless() -> Iterator[str]:
        yield "person,country,date"
        while True:
            yield "putin,AM,2024-02-01"

    records = list(itertools.islice(answer_rows(read_csv(endless())), 5))
    assert [record["row"] for record in records] == [2, 3, 4, 5, 6]
    assert records[0]["verdict"] == assess("putin", "AM", "2024-02-01").verdict.value


def test_a_bad_row_raises_naming_the_row_in_the_library() -> None:
    with pytest.raises(InputError, match=r"the CSV, row 2: unknown country 'Atlantis'") as raised:
        list(answer_rows(read_csv(["person,country,date", "putin,Atlantis,2024-02-01"])))
    assert isinstance(raised.value.__cause__, LookupError)
    with pytest.raises(InputError, match="invalid date"):
        read_csv(["person,country", "putin,AM"], date="someday")
