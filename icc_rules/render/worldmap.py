"""Drawing verdicts by country as a world map (what :meth:`icc_rules.views.world.WorldView.to_svg` shows).

The map is drawn by pygal with the world map of pygal_maps_world (the ``map`` extra: both pure Python, the map
shapes ship inside the package, nothing is downloaded at run time, and the SVG loads no script or font from the
network). Each country is filled with its verdict's colour, written on the country itself (``style="fill: ..."``)
so that any viewer shows it; hovering over a country shows its name and verdict. PNG is rendered from the SVG by
cairosvg when it is installed.

The base map is old and coarse: it has no Kosovo, no South Sudan (its land is drawn as part of Sudan, in Sudan's
borders before 2011), no Qatar, and few of the small island states and territories. The footnote under the map
names the missing countries a reader is most likely to look for, with their verdicts in words, and counts the
others; :meth:`~icc_rules.views.world.WorldView.table` lists every country. Antarctica is left out of the picture
(the legend still counts it): drawn, it is a wide band that says nothing about any state's duty.

The SVG is made small enough for a web page (under 300 KB): each outline's points are rounded to the nearest unit of
the base map (under half a pixel at the map's size), curves flatter than that become straight lines, islands
smaller than a pixel are left out, and pygal's script configuration and hidden descriptions are dropped. A credit
line (the dataset's version and the day asked about) sits at the foot of the picture.

>>> compress_path("m10.2 10.4c0.1 0.1 0.2 0.2 3 0l5 5 0.1-0.1z")
'm10 10l3 0 5 5z'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from html import escape
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from ..errors import InputError, short_repr
from ..law.verdicts import Verdict
from .extras import require

__all__ = ["COLOURS", "MapEntry", "compress_path", "footnote", "mapped_codes", "render_svg", "save"]


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
    "SSD": " (its land is drawn as part of Sudan, in Sudan's borders before 2011)",
    "PSE": "",
})

#: Shapes of the base map left out of the picture (lower-case alpha-2): Antarctica.
_LEFT_OUT = frozenset({"aq"})

_FEATURE = "the world map"


def _world_class() -> Any:
    require("pygal", _FEATURE, "map")
    return require("pygal_maps_world.maps", _FEATURE, "map", "pygal_maps_world").World


@cache
def mapped_codes() -> frozenset[str]:
    """The upper-case alpha-2 codes the map draws (``MissingExtraError`` without the ``map`` extra): those of the
    base map, Antarctica aside."""
    names = require("pygal_maps_world.i18n", _FEATURE, "map", "pygal_maps_world").COUNTRIES
    return frozenset(code.upper() for code in names if code not in _LEFT_OUT)


def footnote(entries: Sequence[MapEntry], extra: Sequence[str] = ()) -> str:
    """The note under the map, fit for a still image: which countries the picture lacks, with the verdicts of those
    readers look for in words, then ``extra``.

    Every missing country is still counted in the legend.
    """
    drawn = mapped_codes()
    missing = [entry for entry in entries if entry.alpha2 not in drawn]
    named = [entry for code in _NAMED_WHEN_MISSING for entry in missing if entry.country == code]
    others = [entry for entry in missing if entry not in named and entry.alpha2.lower() not in _LEFT_OUT]
    by_verdict: dict[Verdict, list[str]] = {}
    for entry in named:
        by_verdict.setdefault(entry.verdict, []).append(f"{entry.name}{_NAMED_WHEN_MISSING[entry.country]}")
    parts = [f"{_and(names)}: {verdict.short}" for verdict, names in sorted(by_verdict.items())]
    if others:
        territories = sum(entry.un_status == "territory" for entry in others)
        parts.append(f"{len(others) - territories} small states and {territories} territories")
    text = f"Not on this map: {'; '.join(parts)} (all counted in the legend)." if parts else ""
    return " ".join((text, *extra)).strip()


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


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
    a credit line at the foot."""
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
        title=title, x_title=note or None,
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
    return _credited(_smaller(svg), credit)


#: What pygal writes that a still picture without scripts never uses: its configuration for the script, the
#: hidden descriptions of each value, the classes the script hooks on to, and the indentation.
_UNUSED = (re.compile(r"<script.*?</script>", re.DOTALL), re.compile(r"<desc [^>]*>[^<]*</desc>"),
           re.compile(r' class=" reactive tooltip-trigger map-area"'), re.compile(r"\n\s+"))
_LEFT_OUT_SHAPE = re.compile(rf'<g class="(?:{"|".join(sorted(_LEFT_OUT))}) country[^"]*"[^>]*>.*?</g>', re.DOTALL)
_MAP_BOX = re.compile(r'viewBox="0 0 (\d+) (\d+)" width="([\d.]+)" height="([\d.]+)"')


def _smaller(svg: str) -> str:
    """The map without what it never shows, each outline compressed (:func:`compress_path`), Antarctica left out
    and the map's box cut to what is left, so that the countries fill the width."""
    svg = _LEFT_OUT_SHAPE.sub("", svg)
    for unused in _UNUSED:
        svg = unused.sub("", svg)
    lowest = [0.0]

    def compressed(match: re.Match[str]) -> str:
        return f' d="{compress_path(match.group(1), lowest)}"'

    svg = re.sub(r' d="([^"]*)"', compressed, svg).replace('<path d="" />', "")
    box = _MAP_BOX.search(svg)
    if box and 0 < lowest[0] < int(box.group(2)) - 10:
        svg = svg.replace(box.group(0), f'viewBox="0 0 {box.group(1)} {math.ceil(lowest[0]) + 10}" '
                                        f'width="{box.group(3)}" height="{box.group(4)}" '
                                        'preserveAspectRatio="xMidYMin meet"')
    return svg


def _credited(svg: str, credit: str) -> str:
    """``svg`` with ``credit`` written small at its bottom right, where the legend leaves room."""
    if not credit:
        return svg
    size = re.search(r'<rect x="0" y="0" width="(\d+)" height="(\d+)" class="background"', svg)
    width, height = (int(size.group(1)), int(size.group(2))) if size else (1000, 760)
    text = (f'<text x="{width - 12}" y="{height - 10}" style="font-size: 11px; fill: #555555; text-anchor: end">'
            f"{escape(credit)}</text>")
    at = svg.rindex("</svg>")
    return svg[:at] + text + svg[at:]


_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: How many numbers each path command takes (the commands the base map uses).
_ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "z": 0}


def _segments(d: str) -> Iterator[tuple[str, list[float]]]:
    """The commands of path data ``d`` with their numbers, repeats split apart (an ``m``'s repeats are ``l``s);
    ValueError for a command the base map does not use or a command short of numbers."""
    tokens = _TOKEN.findall(d)
    index, command = 0, ""
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
        kind = command.lower()
        if kind not in _ARGS:
            raise ValueError(f"path command {command!r} is not handled")
        taken = tokens[index:index + _ARGS[kind]]
        if len(taken) < _ARGS[kind] or any(token.isalpha() for token in taken):
            raise ValueError(f"path command {command!r} is short of numbers")
        index += len(taken)
        yield command, [float(token) for token in taken]
        command = {"m": "l", "M": "L", "z": "", "Z": ""}.get(command, command)


def _bulge(start: tuple[float, float], end: tuple[float, float], controls: Sequence[tuple[float, float]]) -> float:
    """How far a curve's control points stand off the straight line from ``start`` to ``end``."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return max(math.hypot(x - x0, y - y0) for x, y in controls)
    return max(abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length for x, y in controls)


class _Writer:
    """Path data written with whole numbers relative to the rounded point before, a command's letter only when it
    changes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.letter = ""

    def add(self, letter: str, numbers: Sequence[int]) -> None:
        repeated = letter == self.letter and letter in "lc"
        text = "" if repeated else letter
        for index, number in enumerate(numbers):
            text += f"{'' if (index == 0 and not repeated) or number < 0 else ' '}{number}"
        self.parts.append(text)
        self.letter = letter


def compress_path(d: str, lowest: list[float] | None = None) -> str:
    """SVG path data ``d`` made smaller for a map drawn at about 0.4 pixel per unit: every point rounded to a whole
    unit (written relative to the rounded point before it, so rounding never drifts), curves whose control points
    stand off their chord by under a unit written as lines, points that rounding merges dropped, and outlines under
    two units across left out. Returns ``""`` if nothing is left; ``lowest[0]`` is raised to the largest y drawn.
    Path data with a command other than m, l, h, v, c, s and z is returned as it is.
    """
    try:
        segments = list(_segments(d))
    except ValueError:
        return d
    out = _Writer()
    outline = _Writer()
    x = y = start_x = start_y = 0.0  # the exact current point, and the start of its outline
    at = start = kept = (0, 0)  # the rounded point the output is at, its outline's start, where the kept output is
    box: list[float] = []
    last_control: tuple[float, float] | None = None

    def keep_outline() -> None:
        nonlocal at
        if outline.parts and box and max(box[2] - box[0], box[3] - box[1]) >= 2:
            out.parts.extend(outline.parts)
            out.letter = outline.letter
            if lowest is not None:
                lowest[0] = max(lowest[0], box[3])
        else:
            at = kept
        outline.parts, outline.letter = [], out.letter
        box.clear()

    def rounded(px: float, py: float) -> tuple[int, int]:
        box[:] = [min(box[0], px), min(box[1], py), max(box[2], px), max(box[3], py)] if box else [px, py, px, py]
        return round(px), round(py)

    for command, numbers in segments:
        kind = command.lower()
        dx, dy = (x, y) if command.islower() else (0.0, 0.0)
        if kind == "z":
            outline.add("z", ())
            x, y, at, last_control = start_x, start_y, start, None
            continue
        if kind == "m":
            keep_outline()
            kept = at
            x, y = start_x, start_y = dx + numbers[0], dy + numbers[1]
            target = rounded(x, y)
            outline.add("m", (target[0] - at[0], target[1] - at[1]))
            at = start = target
            last_control = None
            continue
        if kind == "h":
            end = (dx + numbers[0], y)
        elif kind == "v":
            end = (x, dy + numbers[0])
        else:
            end = (dx + numbers[-2], dy + numbers[-1])
        controls: list[tuple[float, float]] = []
        if kind == "c":
            controls = [(dx + numbers[0], dy + numbers[1]), (dx + numbers[2], dy + numbers[3])]
        elif kind == "s":  # the first control point mirrors the last one of the curve before
            mirrored = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
            controls = [mirrored, (dx + numbers[0], dy + numbers[1])]
        target = rounded(*end)
        if controls and _bulge((x, y), end, controls) >= 1:
            (ax, ay), (bx, by) = ((round(cx), round(cy)) for cx, cy in controls)
            outline.add("c", (ax - at[0], ay - at[1], bx - at[0], by - at[1], target[0] - at[0], target[1] - at[1]))
            at = target
        elif target != at:
            outline.add("l", (target[0] - at[0], target[1] - at[1]))
            at = target
        x, y = end
        last_control = controls[-1] if controls else None
    keep_outline()
    return "".join(out.parts)


def save(svg: Callable[[], str], path: str | Path, picture: str = "the map") -> Path:
    """Write the picture drawn by ``svg()`` (``picture`` names it in errors) to ``path``: SVG for a name ending in
    ``.svg``, PNG for ``.png`` (needs cairosvg: the ``png`` extra). Returns the path.

    Raises :class:`~icc_rules.errors.InputError` for any other name or a path that is not one,
    :class:`~icc_rules.errors.MissingExtraError` for a PNG without cairosvg, and ``OSError`` if the file cannot be
    written.
    """
    if not isinstance(path, (str, PathLike)):
        raise InputError(f"cannot draw {picture} to {short_repr(path)}: expected a file name ending in .svg or .png")
    target = Path(path)
    if target.suffix.lower() not in (".svg", ".png"):
        raise InputError(f"cannot draw {picture} as {short_repr(target.name)}: expected a file name ending in .svg or "
                         ".png")
    if target.suffix.lower() == ".png":
        cairosvg = require("cairosvg", f"{picture} as PNG", "png")
        cairosvg.svg2png(bytestring=svg().encode("utf-8"), write_to=str(target))
    else:
        target.write_text(svg(), encoding="utf-8")
    return target
