"""The timeline picture is valid SVG whose bars have the colours of the timeline's verdicts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from icc_rules.render.worldmap import COLOURS
from icc_rules.views.timeline import timeline, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_each_bar_has_its_periods_colour() -> None:
    countries = ["Armenia", "South Africa", "China"]
    root = ET.fromstring(timeline_svg("Putin", countries, "2023-01-01", "2025-06-30"))
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    expected = [p for country in countries for p in timeline("Putin", country, "2023-01-01", "2025-06-30")]
    assert [bar.get("fill") for bar in bars] == [COLOURS[p.verdict] for p in expected]
    assert all(str(p.start) in (bar.findtext(f"{SVG}title") or "") for bar, p in zip(bars, expected, strict=True))
