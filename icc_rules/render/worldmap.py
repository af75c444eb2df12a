"""Drawing verdicts by country as a world map (what :meth:`icc_rules.views.world.WorldView.to_svg` shows).

The map is drawn by pygal with the world map of pygal_maps_world (the ``map`` extra: both pure Python, the map
shapes ship inside the package, nothing is downloaded at run time, and the SVG loads no script or font from the
network). Each country is filled with its verdict's colour, written on the country itself (``style="fill: ..."``)
so that any viewer shows it; hovering over a country shows its name and verdict. PNG is rendered from the SVG by
cairosvg when it is installed.

The base map is old and coarse: it has no Kosovo, no South Sudan (its land is drawn as part of Sudan, in Sudan's
borders before 2011), no Qatar, and few of the small island states and territories. The footnote under the map
names the missing countries a reader is most likely to look for, with their verdicts, and counts the others;
:meth:`~icc_rules.views.world.WorldView.table` lists every country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from ..errors import InputError
from ..law.verdicts import Verdict
from .extras import require

__all__ = ["COLOURS", "MapEntry", "footnote", "mapped_codes", "render_svg", "save"]


class MapEntry(Protocol):
    """What the map needs of a country: its codes, name, UN status, verdict and whether the verdict is confirmed."""

    @property
    def country(self) -> str: ...
    @property
    def alpha2(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def un_status(self) -> str: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def confirmed(self) -> bool: ...

#: The fill colour of each verdict: reds where the person must be arrested, blue and green where not, grey for
#: custody. Chosen to stay distinct for the common forms of colour blindness (ColorBrewer RdBu and greys).
COLOURS: Mapping[Verdict, str] = MappingProxyType({
    Verdict.IN_CUSTODY: "#636363",
    Verdict.DUTY_TO_ARREST: "#b2182b",
    Verdict.RESIDUAL_DUTY: "#ef8a62",
    Verdict.NO_DUTY: "#67a9cf",
    Verdict.NO_WARRANT: "#d1e5f0",
})

#: Countries missing from the base map that readers look for by name, named in the footnote (alpha-3 → remark).
_NAMED_WHEN_MISSING: Mapping[str, str] = MappingProxyType({
    "XKX": "",
    "QAT": "",
    "SSD": " (drawn as part of Sudan: the base map predates 2011)",
    "PSE": "",
})

_FEATURE = "the world map"


def _world_class() -> Any:
    require("pygal", _FEATURE, "map")
    return require("pygal_maps_world.maps", _FEATURE, "map", "pygal_maps_world").World


@cache
def mapped_codes() -> frozenset[str]:
    """The upper-case alpha-2 codes the base map draws (``MissingExtraError`` without the ``map`` extra)."""
    names = require("pygal_maps_world.i18n", _FEATURE, "map", "pygal_maps_world").COUNTRIES
    return frozenset(code.upper() for code in names)


def footnote(entries: Sequence[MapEntry], extra: Sequence[str] = ()) -> str:
    """The note under the map: which countries the base map lacks and where to find their verdicts, then ``extra``."""
    drawn = mapped_codes()
    missing = [entry for entry in entries if entry.alpha2 not in drawn]
    named = [entry for code in _NAMED_WHEN_MISSING for entry in missing if entry.country == code]
    others = [entry for entry in missing if entry not in named]
    states = sum(entry.un_status != "territory" for entry in others)
    parts = [f"{entry.name}: {entry.verdict.value}{_NAMED_WHEN_MISSING[entry.country]}" for entry in named]
    if others:
        parts.append(f"{states} small states and {len(others) - states} territories")
    text = f"Not on this base map: {'; '.join(parts)}. Every country's verdict is in the table." if parts else ""
    return " ".join((text, *extra)).strip()


def _legend(verdict: Verdict, count: int) -> str:
    return f"{verdict.short} ({count})"


def _value(entry: MapEntry) -> dict[str, Any]:
    return {
        "value": (entry.alpha2.lower(), 1),
        "style": f"fill: {COLOURS[entry.verdict]}; fill-opacity: 1",
        "tooltip": f"{entry.name}: {entry.verdict.short}{'' if entry.confirmed else ' (not confirmed)'}",
    }


def render_svg(entries: Sequence[MapEntry], title: str, note: str = "", credit: str = "") -> str:
    """The map as SVG text: countries coloured by verdict, a legend in plain words with counts, a title, a note and
    a credit line."""
    world_class = _world_class()
    style = require("pygal.style", _FEATURE, "map", "pygal").Style(
        colors=tuple(COLOURS[verdict] for verdict in Verdict),
        background="white", plot_background="white", opacity="1", opacity_hover=".8",
        font_family="DejaVu Sans, Helvetica, Arial, sans-serif", title_font_size=14, legend_font_size=13,
        label_font_size=12, tooltip_font_size=13,
    )
    # One legend column: pygal reserves order // columns rows for the legend, too few for 5 series in 2 columns.
    chart = world_class(
        style=style, js=(), width=1000, height=760, legend_at_bottom=True, legend_at_bottom_columns=1,
        truncate_legend=-1,
        title=title, x_title=" ".join(part for part in (note, credit) if part) or None,
        show_legend=True, print_values=False,
    )
    drawn = mapped_codes()
    for verdict in Verdict:  # every verdict in the legend, in order, so colours never shift
        chosen = [entry for entry in entries if entry.verdict is verdict]
        chart.add(_legend(verdict, len(chosen)), [_value(entry) for entry in chosen if entry.alpha2 in drawn])
    svg: str = chart.render(is_unicode=True)
    # xml.etree writes the embedded map's elements as <ns0:g>; plain SVG names read everywhere.
    svg = svg.replace(' xmlns:ns0="http://www.w3.org/2000/svg"', "").replace("<ns0:", "<").replace("</ns0:", "</")
    # pygal names the chart with a random UUID; a name from the view makes the same view give the same picture.
    chart_id = re.search(r'id="chart-([0-9a-f-]{36})"', svg)
    if chart_id:
        svg = svg.replace(chart_id.group(1), re.sub(r"[^a-z0-9-]", "-", title.casefold())[:60])
    return svg


def save(svg: Callable[[], str], path: str | Path) -> Path:
    """Write the map drawn by ``svg()`` to ``path``: SVG for a name ending in ``.svg``, PNG for ``.png`` (needs
    cairosvg). Returns the path.

    Raises :class:`~icc_rules.errors.InputError` for any other name or a path that is not one, and ``OSError`` if
    the file cannot be written.
    """
    if not isinstance(path, (str, PathLike)):
        raise InputError(f"cannot draw the map to {path!r}: expected a file name ending in .svg or .png")
    target = Path(path)
    if target.suffix.lower() not in (".svg", ".png"):
        raise InputError(f"cannot draw the map as {target.name[:80]!r}: expected a file name ending in .svg or .png")
    text = svg()
    if target.suffix.lower() == ".png":
        cairosvg = require("cairosvg", "a PNG map", "map", "cairosvg")
        cairosvg.svg2png(bytestring=text.encode("utf-8"), write_to=str(target))
    else:
        target.write_text(text, encoding="utf-8")
    return target
