"""Drawing a :class:`~icc_rules.world.WorldView` as a world map.

The map is drawn by pygal with the world map of pygal_maps_world (the ``map`` extra: both pure Python, the map
shapes ship inside the package, nothing is downloaded at run time, and the SVG loads no script or font from the
network). Each country is filled with its verdict's colour, written on the country itself (``style="fill: ..."``)
so that any viewer shows it; hovering over a country shows its name and verdict. PNG is rendered from the SVG by
cairosvg when it is installed.

The base map is old and coarse: it has no Kosovo, no South Sudan (its land is drawn as part of Sudan, in Sudan's
borders before 2011), no Qatar, and few of the small island states and territories. The footnote under the map
names the missing countries a reader is most likely to look for, with their verdicts, and counts the others;
:meth:`~icc_rules.world.WorldView.table` lists every country.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .extras import require
from .verdicts import Verdict

if TYPE_CHECKING:
    from .world import WorldRecord, WorldView

__all__ = ["COLOURS", "mapped_codes", "render_svg", "save"]

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


def footnote(view: WorldView) -> str:
    """The note under the map: which countries the base map lacks and where to find their verdicts, and how many
    verdicts rest on a fact not confirmed."""
    from .world import TERRITORIES_WARNING

    drawn = mapped_codes()
    missing = [record for record in view.countries if record.alpha2 not in drawn]
    named = [r for code in _NAMED_WHEN_MISSING for r in missing if r.country == code]
    others = [r for r in missing if r not in named]
    states = sum(r.un_status != "territory" for r in others)
    parts = [f"{r.name}: {r.verdict.value}{_NAMED_WHEN_MISSING[r.country]}" for r in named]
    if others:
        parts.append(f"{states} small states and {len(others) - states} territories")
    text = f"Not on this base map: {'; '.join(parts)}. Every country's verdict is in the table." if parts else ""
    if unconfirmed := sum(not r.confirmed for r in view.countries):
        text += f" {unconfirmed} verdicts rest on a fact not confirmed, marked when hovered: see the warnings."
    if any(w.startswith(TERRITORIES_WARNING) for w in view.warnings):
        text += " Some dependent territories have no record of the Statute's territorial application: see the warnings."
    return text.strip()


def _legend(verdict: Verdict, count: int) -> str:
    from .world import SHORT

    return f"{verdict.value}: {SHORT[verdict]} ({count})"


def _value(record: WorldRecord) -> dict[str, Any]:
    return {
        "value": (record.alpha2.lower(), 1),
        "style": f"fill: {COLOURS[record.verdict]}; fill-opacity: 1",
        "tooltip": f"{record.name}: {record.verdict.value}{'' if record.confirmed else ' (not confirmed)'}",
    }


def render_svg(view: WorldView) -> str:
    """The map as SVG text: countries coloured by verdict, a legend with counts, the person and date as title."""
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
        title=f"ICC arrest warrant: {view.person_name} on {view.date}", x_title=footnote(view) or None,
        show_legend=True, print_values=False,
    )
    drawn = mapped_codes()
    for verdict in Verdict:  # every verdict in the legend, in order, so colours never shift
        records = [r for r in view.countries if r.verdict is verdict]
        chart.add(_legend(verdict, len(records)), [_value(r) for r in records if r.alpha2 in drawn])
    svg: str = chart.render(is_unicode=True)
    # xml.etree writes the embedded map's elements as <ns0:g>; plain SVG names read everywhere.
    svg = svg.replace(' xmlns:ns0="http://www.w3.org/2000/svg"', "").replace("<ns0:", "<").replace("</ns0:", "</")
    # pygal names the chart with a random UUID; a name from the view makes the same view give the same picture.
    chart_id = re.search(r'id="chart-([0-9a-f-]{36})"', svg)
    if chart_id:
        svg = svg.replace(chart_id.group(1), re.sub(r"[^a-z0-9-]", "-", f"{view.person}-{view.date}"))
    return svg


def save(view: WorldView, path: Path) -> Path:
    """Write the map to ``path``: SVG for a name ending in ``.svg``, PNG for ``.png`` (needs cairosvg).

    Raises :class:`~icc_rules.errors.InputError` for any other name, and ``OSError`` if the file cannot be written.
    """
    if path.suffix.lower() not in (".svg", ".png"):
        raise InputError(f"cannot draw the map as {path.name!r}: expected a file name ending in .svg or .png")
    svg = render_svg(view)
    if path.suffix.lower() == ".png":
        cairosvg = require("cairosvg", "a PNG map", "map", "cairosvg")
        cairosvg.svg2png(bytestring=svg.encode("utf-8"), write_to=str(path))
    else:
        path.write_text(svg, encoding="utf-8")
    return path
