"""Drawing timelines as a picture: one row per country, coloured by verdict over time (SVG, no extra needed).

The picture is built with the standard library's ``xml.etree.ElementTree``, in the colours of the world map
(:data:`~icc_rules.render.worldmap.COLOURS`), with a title, a year axis, a legend in plain words and a credit line.
What it draws is :func:`icc_rules.views.timeline.timeline_svg`'s to gather.

>>> import datetime
>>> from icc_rules.law.verdicts import Verdict
>>> class Bar:
...     country_name, start, end, verdict = "Armenia", datetime.date(2024, 2, 1), datetime.date(2024, 3, 1), Verdict.DUTY_TO_ARREST
>>> svg = chart_svg([[Bar()]], "Putin", "icc-rules")
>>> svg.startswith("<svg") and "Armenia" in svg and "#b2182b" in svg
True
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Protocol

from ..law.verdicts import Verdict
from .worldmap import COLOURS

__all__ = ["ChartPeriod", "chart_svg"]

_LABEL_WIDTH, _CHART_WIDTH, _ROW, _TOP = 170, 640, 26, 48


class ChartPeriod(Protocol):
    """A bar of the chart: a period of one verdict in one country."""

    @property
    def country_name(self) -> str: ...
    @property
    def start(self) -> datetime.date: ...
    @property
    def end(self) -> datetime.date: ...
    @property
    def verdict(self) -> Verdict: ...


def _x(day: datetime.date, start: datetime.date, end: datetime.date) -> float:
    span = max((end - start).days + 1, 1)
    return _LABEL_WIDTH + _CHART_WIDTH * (day - start).days / span


def chart_svg(rows: Sequence[Sequence[ChartPeriod]], title: str, credit: str = "") -> str:
    """An SVG picture with one row of bars per country (each row's periods in date order), a year axis, a legend
    and ``credit`` at the foot. Each bar is a ``rect`` filled with its verdict's colour and titled with its dates and
    verdict."""
    first = min(p.start for row in rows for p in row)
    last = max(p.end for row in rows for p in row)
    height = _TOP + _ROW * len(rows) + 106
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(_LABEL_WIDTH + _CHART_WIDTH + 20),
                     height=str(height), style="font-family: sans-serif; font-size: 12px")
    ET.SubElement(svg, "title").text = f"{title}, {first} to {last} (icc-rules)"
    heading = ET.SubElement(svg, "text", x="10", y="22", style="font-size: 15px; font-weight: bold")
    heading.text = f"{title}, {first} to {last}"
    for index, row in enumerate(rows):
        y = _TOP + _ROW * index
        label = ET.SubElement(svg, "text", x=str(_LABEL_WIDTH - 8), y=str(y + 16), style="text-anchor: end")
        label.text = row[0].country_name
        for period in row:
            x0 = _x(period.start, first, last)
            x1 = _x(period.end + datetime.timedelta(days=1), first, last) if period.end < datetime.date.max else \
                _LABEL_WIDTH + _CHART_WIDTH
            rect = ET.SubElement(svg, "rect", x=f"{x0:.1f}", y=str(y + 3), width=f"{max(x1 - x0, 0.5):.1f}",
                                 height=str(_ROW - 6), fill=COLOURS[period.verdict])
            ET.SubElement(rect, "title").text = f"{period.country_name}: {period.start} to {period.end}, " \
                f"{period.verdict.short}"
    axis_y = _TOP + _ROW * len(rows) + 4
    for year in range(first.year + (first != datetime.date(first.year, 1, 1)), last.year + 1):
        x = _x(datetime.date(year, 1, 1), first, last)
        ET.SubElement(svg, "line", x1=f"{x:.1f}", x2=f"{x:.1f}", y1=str(_TOP), y2=str(axis_y), stroke="#999")
        tick = ET.SubElement(svg, "text", x=f"{x:.1f}", y=str(axis_y + 14), style="text-anchor: middle")
        tick.text = str(year)
    for index, verdict in enumerate(Verdict):  # two columns: the longest words need about 330 pixels
        x, y = 10 + (index % 2) * 400, axis_y + 28 + (index // 2) * 18
        ET.SubElement(svg, "rect", x=str(x), y=str(y), width="12", height="12", fill=COLOURS[verdict])
        ET.SubElement(svg, "text", x=str(x + 16), y=str(y + 10)).text = verdict.short
    if credit:
        ET.SubElement(svg, "text", x="10", y=str(height - 6), style="font-size: 10px; fill: #555").text = credit
    return ET.tostring(svg, encoding="unicode")
