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
        "person", "date", "country", "alpha2", "name", "un_status", "verdict", "confirmed", "withdrawal_notified",
        "withdrawal_takes_effect", "can_travel"}
    mongolia = next(r for r in records if r["country"] == "MNG")
    assert mongolia["verdict"] == "duty_to_arrest" and mongolia["can_travel"] is False
    assert putin.to_csv().count("\n") == 251
    table = putin.table()
    bound = len(putin.by_verdict[Verdict.DUTY_TO_ARREST])
    assert table.startswith("Vladimir Putin on 2024-09-03") and f"must arrest ({bound})" in table
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
    assert "Kosovo, Qatar and South Sudan" in texts and "no legal duty to arrest" in texts
    assert "<script" not in svg and "ns0:" not in svg


def test_the_map_is_fit_for_a_still_image(putin: WorldView) -> None:
    """A legend in plain words with counts, no Antarctica band, a credit line with the dataset version and the day
    asked about, a footnote that needs no table or mouse, and a file small enough for a web page."""
    pytest.importorskip("pygal_maps_world")
    svg = putin.to_svg()
    root = ET.fromstring(svg.encode())
    texts = [text.text or "" for text in root.iter(f"{SVG}text")]
    assert not [g for g in root.iter(f"{SVG}g") if "aq" in g.get("class", "").split()]  # no Antarctica
    credit = texts[-1]
    assert putin.data_version in credit and "2024-09-03" in credit
    note = " ".join(texts)
    assert not any(verdict.value in note for verdict in Verdict)  # words, not snake_case keys
    assert "table" not in note and "hover" not in note
    assert "icc-rules world putin 2024-09-03" in note
    assert len(svg.encode()) < 300_000


def test_compressed_outlines_stay_where_they_were() -> None:
    from icc_rules.render.worldmap import compress_path

    assert compress_path("M10 10 L 20 20 Z") == "m10 10l10 10z"
    assert compress_path("m0 0h100v100h-100z") == "m0 0l100 0 0 100-100 0z"
    assert compress_path("m0 0c0 50 100 50 100 0s100-50 100 0") == "m0 0c0 50 100 50 100 0 0-50 100-50 100 0"
    assert compress_path("m0 0l0.4 0.4 0.4 0.4z") == ""  # an island under a pixel
    assert compress_path("m0 0l100 0z m0.3 0.3l0.2 0z m50 50l10 0") == "m0 0l100 0zm50 50l10 0"
    assert compress_path("m0 0a5 5 0 0 1 10 0") == "m0 0a5 5 0 0 1 10 0"  # arcs: left as they are
    assert compress_path("m0 0l5") == "m0 0l5"  # malformed: left as it is
    lowest = [0.0]
    compress_path("m0 0l3 700", lowest)
    assert lowest == [700]


def test_save_svg_and_png(putin: WorldView, tmp_path: Path) -> None:
    pytest.importorskip("pygal_maps_world")
    svg = putin.save(tmp_path / "map.svg")
    assert ET.parse(svg).getroot().tag == f"{SVG}svg"
    pytest.importorskip("cairosvg")
    png = putin.save(tmp_path / "map.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_the_map_extra_a_clear_error(putin: WorldView, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygal", None)  # an import of it now fails
    with pytest.raises(MissingExtraError, match=r'icc-rules\[map\]|--extra map') as raised:
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
    assert not any("Prime Minister" in warning for warning in answer.warnings) and answer.confirmed
    assert next(r for r in world("netanyahu", "2026-09-03").countries if r.country == "FRA").confirmed
