"""Drawing timelines as a picture: one row per country, coloured by verdict over time (SVG, no extra needed).

The picture is built with the standard library's ``xml.etree.ElementTree`` from :func:`~icc_rules.timeline.timeline`,
in the colours of the world map (:data:`~icc_rules.worldmap.COLOURS`), with a title, a year axis and a legend.

>>> svg = timeline_svg("Putin", ["Armenia", "Mongolia", "China"], "2023-01-01", "2024-12-31")
>>> svg.startswith("<svg") and "Armenia" in svg and "#b2182b" in svg
True
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from .dataset import Dataset, shipped
from .facade import CountryLike, DateLike, PersonLike
from .persons import resolve_person
from .timeline import Period, timeline
from .verdicts import Verdict
from .worldmap import COLOURS

__all__ = ["save_timeline_svg", "timeline_svg"]

_LABEL_WIDTH, _CHART_WIDTH, _ROW, _TOP = 170, 640, 26, 48


def _x(day: datetime.date, start: datetime.date, end: datetime.date) -> float:
    span = max((end - start).days + 1, 1)
    return _LABEL_WIDTH + _CHART_WIDTH * (day - start).days / span


def timeline_svg(person: PersonLike, countries: Sequence[CountryLike], start: DateLike = None, end: DateLike = None,
                 *, data: Dataset | None = None) -> str:
    """An SVG picture of the person's timelines in ``countries``, one row each, from ``start`` to ``end``.

    Args:
        person: a name, alias or id (as for :func:`~icc_rules.assess`).
        countries: the countries to draw, top to bottom.
        start: the first day drawn (default: as :func:`~icc_rules.timeline.timeline`).
        end: the last day drawn (default: the dataset's as_of date).
        data: the dataset (default: the shipped one).

    Returns:
        The SVG document as text; each period is a ``rect`` filled with its verdict's colour and titled with its
        dates and verdict.
    """
    data = data or shipped()
    who = resolve_person(data, person)
    rows: list[list[Period]] = [timeline(who, country, start, end, data=data) for country in countries]
    first = min(p.start for row in rows for p in row)
    last = max(p.end for row in rows for p in row)
    height = _TOP + _ROW * len(rows) + 70
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(_LABEL_WIDTH + _CHART_WIDTH + 20),
                     height=str(height), style="font-family: sans-serif; font-size: 12px")
    ET.SubElement(svg, "title").text = f"{who.name}: verdicts by country, {first} to {last} (icc-rules)"
    heading = ET.SubElement(svg, "text", x="10", y="22", style="font-size: 15px; font-weight: bold")
    heading.text = f"{who.name}: can the ICC warrant be enforced? {first} to {last}"
    for index, row in enumerate(rows):
        y = _TOP + _ROW * index
        label = ET.SubElement(svg, "text", x=str(_LABEL_WIDTH - 8), y=str(y + 16), style="text-anchor: end")
        label.text = row[0].country_name
        for period in row:
            x0, x1 = _x(period.start, first, last), _x(period.end + datetime.timedelta(days=1), first, last)
            rect = ET.SubElement(svg, "rect", x=f"{x0:.1f}", y=str(y + 3), width=f"{max(x1 - x0, 0.5):.1f}",
                                 height=str(_ROW - 6), fill=COLOURS[period.verdict])
            ET.SubElement(rect, "title").text = f"{period.country_name}: {period.start} to {period.end}, " \
                f"{period.verdict.value}"
    axis_y = _TOP + _ROW * len(rows) + 4
    for year in range(first.year + (first != datetime.date(first.year, 1, 1)), last.year + 1):
        x = _x(datetime.date(year, 1, 1), first, last)
        ET.SubElement(svg, "line", x1=f"{x:.1f}", x2=f"{x:.1f}", y1=str(_TOP), y2=str(axis_y), stroke="#999")
        tick = ET.SubElement(svg, "text", x=f"{x:.1f}", y=str(axis_y + 14), style="text-anchor: middle")
        tick.text = str(year)
    for index, verdict in enumerate(Verdict):
        x = _LABEL_WIDTH + index * 128
        ET.SubElement(svg, "rect", x=str(x), y=str(axis_y + 28), width="12", height="12", fill=COLOURS[verdict])
        ET.SubElement(svg, "text", x=str(x + 16), y=str(axis_y + 38)).text = verdict.value
    return ET.tostring(svg, encoding="unicode")


def save_timeline_svg(path: str | Path, person: PersonLike, countries: Sequence[CountryLike], start: DateLike = None,
                      end: DateLike = None, *, data: Dataset | None = None) -> Path:
    """Write :func:`timeline_svg` to ``path`` and return the path.

    >>> import tempfile
    >>> path = save_timeline_svg(Path(tempfile.mkdtemp()) / "t.svg", "Putin", ["ARM"], "2024-01-01", "2024-03-01")
    >>> path.read_text(encoding="utf-8").count("<rect")  # two periods and five legend keys
    7
    """
    target = Path(path)
    target.write_text(timeline_svg(person, countries, start, end, data=data), encoding="utf-8")
    return target
