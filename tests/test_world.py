"""The world view: every country once, the verdicts of assess, and a map whose colours are those verdicts."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from icc_rules import all_countries, assess
from icc_rules.errors import ICCRulesError, MissingExtraError
from icc_rules.law.verdicts import Verdict
from icc_rules.views.world import WorldView, world

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def putin() -> WorldView:
    return world("Putin", "2024-09-03")


def test_every_country_once(putin: WorldView) -> None:
    codes = [record.country for record in putin.countries]
    assert codes == [country.code for country in all_countries()]
    assert len(set(codes)) == len(codes) == 250
    grouped = [code for codes in putin.by_verdict.values() for code in codes]
    assert sorted(grouped) == sorted(codes) and list(putin.by_verdict) == list(Verdict)


@pytest.mark.parametrize(("person", "date"), [("Putin", "2024-09-03"), ("al-Bashir", "2015-06-14"),
                                              ("Duterte", "2025-03-10"), ("Netanyahu", "2024-11-20")])
def test_agrees_with_assess_everywhere(person: str, date: str) -> None:
    view = world(person, date)
    for record in view.countries:
        assert record.verdict == assess(person, record.country, date).verdict, record.country
        assert record.can_travel == record.verdict.can_travel


def test_records_table_and_csv(putin: WorldView) -> None:
    records = putin.records()
    assert len(records) == 250 and records[0].keys() == {
        "person", "date", "country", "alpha2", "name", "un_status", "verdict", "confirmed", "can_travel"}
    mongolia = next(r for r in records if r["country"] == "MNG")
    assert mongolia["verdict"] == "duty_to_arrest" and mongolia["can_travel"] is False
    assert putin.to_csv().count("\n") == 251
    table = putin.table()
    bound = len(putin.by_verdict[Verdict.DUTY_TO_ARREST])
    assert table.startswith("Vladimir Putin on 2024-09-03") and f"duty_to_arrest ({bound})" in table
    assert bound >= 125 and "Mongolia" in table


def test_a_date_after_as_of_is_warned_about() -> None:
    view = world("Putin", "2099-01-01")
    assert "after the dataset's as_of date" in view.warnings[0]


def test_unknown_person_is_an_error() -> None:
    with pytest.raises(ICCRulesError):
        world("Puttin", "2024-09-03")


def test_svg_is_valid_and_coloured_by_verdict(putin: WorldView) -> None:
    pytest.importorskip("pygal_maps_world")
    from icc_rules.render.worldmap import COLOURS, mapped_codes

    svg = putin.to_svg()
    root = ET.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    verdicts = {record.alpha2: record.verdict for record in putin.countries}
    coloured = {}
    for element in root.iter(f"{SVG}g"):
        classes = element.get("class", "").split()
        if "country" in classes:
            style = dict(part.split(":") for part in element.get("style", "").replace(" ", "").split(";") if part)
            coloured[classes[0].upper()] = style.get("fill")
    assert set(coloured) == mapped_codes()
    for code, fill in coloured.items():
        assert fill == COLOURS[verdicts[code]], code
    texts = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    assert "Vladimir Putin" in texts and "2024-09-03" in texts
    for verdict, codes in putin.by_verdict.items():
        assert f"{verdict.short} ({len(codes)})" in texts
    assert "Kosovo: no_duty" in texts and "South Sudan" in texts
    assert "<script src" not in svg and "ns0:" not in svg


def test_save_svg_and_png(putin: WorldView, tmp_path: Path) -> None:
    pytest.importorskip("pygal_maps_world")
    svg = putin.save(tmp_path / "map.svg")
    assert ET.parse(svg).getroot().tag == f"{SVG}svg"
    pytest.importorskip("cairosvg")
    png = putin.save(tmp_path / "map.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_the_map_extra_a_clear_error(putin: WorldView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygal", None)  # an import of it now fails
    with pytest.raises(MissingExtraError, match=r'pip install "icc-rules\[map\]"') as raised:
        putin.to_svg()
    assert isinstance(raised.value, ImportError)


def test_a_verdict_resting_on_a_fact_not_confirmed_is_flagged_and_named() -> None:
    view = world("putin", "2024-09-03")
    jersey = next(r for r in view.countries if r.country == "JEY")
    france = next(r for r in view.countries if r.country == "FRA")
    assert not jersey.confirmed and france.confirmed
    assert any("Jersey" in warning for warning in view.warnings)
    assert assess("putin", "JEY", "2024-09-03").warnings  # assess names the fact


def test_a_fact_used_only_for_context_does_not_make_a_verdict_unconfirmed() -> None:
    """Netanyahu's office is recorded as probable (not checked for 2026), but no verdict rests on it."""
    answer = assess("netanyahu", "FRA", "2026-09-03")
    assert answer.warnings and all("Prime Minister" in warning for warning in answer.warnings)
    assert next(r for r in world("netanyahu", "2026-09-03").countries if r.country == "FRA").confirmed
