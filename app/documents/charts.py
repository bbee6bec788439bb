"""Charts drawn from plain data: the geometry both the screen (Qt) and the PDF (ReportLab) use.

The radar has one spoke per domain, starting at the top and going clockwise; level 1 lies at a
fifth of the radius and level 5 on the rim. A missing score is a gap: no point, and no line to
its neighbours (nothing is invented). Coordinates here are mathematical (y up); the Qt widget
flips them. Each series has its own dash pattern and marker so colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.zrm import LEVELS, RadarData

MAX_LEVEL = max(LEVELS)


@dataclass(frozen=True)
class SeriesStyle:
    colour: str  # "#rrggbb"
    dash: tuple[float, ...]  # () = solid
    marker: str  # "circle" | "square" | "diamond"
    fill: bool
    width: float


SERIES_STYLES: dict[str, SeriesStyle] = {
    "Eerste meting": SeriesStyle("#8a8f98", (4.0, 3.0), "square", False, 1.6),
    "Laatste meting": SeriesStyle("#1f5f9e", (), "circle", True, 2.4),
    "Doel": SeriesStyle("#2e7d4f", (1.5, 2.5), "diamond", False, 1.8),
}
FALLBACK_STYLES = (
    SeriesStyle("#7b4f9d", (6.0, 2.0), "circle", False, 1.6),
    SeriesStyle("#a0522d", (2.0, 2.0), "square", False, 1.6),
)
GRID_COLOUR = "#c9ccd1"
AXIS_COLOUR = "#9aa0a8"
TEXT_COLOUR = "#2b2f36"


def style_for(name: str, index: int) -> SeriesStyle:
    return SERIES_STYLES.get(name) or FALLBACK_STYLES[index % len(FALLBACK_STYLES)]


def spoke_direction(i: int, n: int) -> tuple[float, float]:
    """Unit vector of spoke `i` of `n` (y up): the first points up, then clockwise."""
    angle = math.pi / 2 - 2 * math.pi * i / n
    return math.cos(angle), math.sin(angle)


def level_radius(level: float, radius: float) -> float:
    return radius * level / MAX_LEVEL


def radar_points(values: Sequence[int | None], radius: float) -> list[tuple[float, float] | None]:
    """Each value's point around (0, 0), or None where the score is missing."""
    n = len(values)
    out: list[tuple[float, float] | None] = []
    for i, v in enumerate(values):
        if v is None:
            out.append(None)
            continue
        dx, dy = spoke_direction(i, n)
        r = level_radius(v, radius)
        out.append((dx * r, dy * r))
    return out


def radar_segments(
    points: Sequence[tuple[float, float] | None],
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Lines between neighbouring spokes that both have a score (wrapping round)."""
    n = len(points)
    segs = []
    if n < 2:
        return []
    for i in range(n if n > 2 else n - 1):
        a, b = points[i], points[(i + 1) % n]
        if a is not None and b is not None:
            segs.append((a, b))
    return segs


def is_complete(points: Sequence[tuple[float, float] | None]) -> bool:
    return len(points) >= 3 and all(p is not None for p in points)


def has_values(data: RadarData) -> bool:
    return any(v is not None for vals in data.series.values() for v in vals)


def line_points(
    history: Sequence[tuple[date, int]],
    start: date,
    end: date,
    width: float,
    height: float,
) -> list[tuple[float, float]]:
    """(x, y) for each (date, level) inside a width×height box (y up, level 1..5 bottom..top)."""
    span = max((end - start).days, 1)
    out = []
    for d, lvl in history:
        x = width * (d - start).days / span
        y = height * (lvl - 1) / (MAX_LEVEL - 1)
        out.append((x, y))
    return out


def short_label(label: str, limit: int = 16) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def wrap_label(label: str, width: int = 14) -> list[str]:
    """At most two lines, broken at a space, for the labels around the radar."""
    if len(label) <= width or " " not in label:
        return [label]
    words = label.split()
    best = min(
        range(1, len(words)),
        key=lambda k: max(len(" ".join(words[:k])), len(" ".join(words[k:]))),
    )
    return [" ".join(words[:best]), " ".join(words[best:])]


# --- ReportLab ----------------------------------------------------------------------------------


def radar_drawing(
    data: RadarData, size: float, *, font: str = "Helvetica", font_size: float = 7.5
) -> object:
    """A ReportLab `Drawing` (size × size points) of the radar, with a legend underneath."""
    from reportlab.graphics.shapes import Drawing, Line, Polygon, String
    from reportlab.lib.colors import Color, HexColor

    legend_h = 14.0
    d = Drawing(size, size + legend_h)
    n = len(data.axes)
    cx, cy = size / 2, legend_h + size / 2
    radius = size / 2 - 40
    grid = HexColor(GRID_COLOUR)
    axis = HexColor(AXIS_COLOUR)
    text = HexColor(TEXT_COLOUR)
    if n < 3:
        d.add(
            String(
                cx,
                cy,
                "Te weinig domeinen voor een radar.",
                fontName=font,
                fontSize=font_size,
                textAnchor="middle",
                fillColor=text,
            )
        )
        return d
    for lvl in LEVELS:
        r = level_radius(lvl, radius)
        ring = []
        for i in range(n):
            dx, dy = spoke_direction(i, n)
            ring += [cx + dx * r, cy + dy * r]
        d.add(Polygon(ring, strokeColor=grid, fillColor=None, strokeWidth=0.5))
        d.add(
            String(
                cx + 2,
                cy + r + 1.5,
                str(lvl),
                fontName=font,
                fontSize=font_size - 1.5,
                fillColor=axis,
            )
        )
    for i, label in enumerate(data.axes):
        dx, dy = spoke_direction(i, n)
        d.add(Line(cx, cy, cx + dx * radius, cy + dy * radius, strokeColor=axis, strokeWidth=0.6))
        lx, ly = cx + dx * (radius + 6), cy + dy * (radius + 6)
        anchor = "middle" if abs(dx) < 0.2 else ("start" if dx > 0 else "end")
        lines = wrap_label(label)
        lead = font_size * 1.15
        block = lead * len(lines)
        # vertical placement: above the tip at the top, below it at the bottom, centred at sides
        top = ly + (block if dy > 0.9 else (0 if dy < -0.9 else block / 2)) - font_size * 0.8
        for j, part in enumerate(lines):
            d.add(
                String(
                    lx,
                    top - j * lead,
                    part,
                    fontName=font,
                    fontSize=font_size,
                    textAnchor=anchor,
                    fillColor=text,
                )
            )
    for k, (name, values) in enumerate(data.series.items()):
        st = style_for(name, k)
        colour = HexColor(st.colour)
        pts = radar_points(values, radius)
        if st.fill and is_complete(pts):
            flat = [c for p in pts if p is not None for c in (cx + p[0], cy + p[1])]
            c = HexColor(st.colour)
            fill = Color(c.red, c.green, c.blue, alpha=0.12)
            d.add(Polygon(flat, strokeColor=None, fillColor=fill))
        for a, b in radar_segments(pts):
            d.add(
                Line(
                    cx + a[0],
                    cy + a[1],
                    cx + b[0],
                    cy + b[1],
                    strokeColor=colour,
                    strokeWidth=st.width,
                    strokeDashArray=list(st.dash) or None,
                )
            )
        for p in pts:
            if p is not None:
                _rl_marker(d, st.marker, cx + p[0], cy + p[1], 2.4, colour)
    # legend
    x = 4.0
    for k, name in enumerate(data.series):
        st = style_for(name, k)
        colour = HexColor(st.colour)
        d.add(
            Line(
                x,
                6,
                x + 18,
                6,
                strokeColor=colour,
                strokeWidth=st.width,
                strokeDashArray=list(st.dash) or None,
            )
        )
        _rl_marker(d, st.marker, x + 9, 6, 2.4, colour)
        d.add(String(x + 22, 3.2, name, fontName=font, fontSize=font_size, fillColor=text))
        x += 22 + len(name) * font_size * 0.55 + 14
    return d


def _rl_marker(d: object, kind: str, x: float, y: float, r: float, colour: object) -> None:
    from reportlab.graphics.shapes import Circle, Polygon, Rect

    add = d.add  # type: ignore[attr-defined]
    if kind == "square":
        add(Rect(x - r, y - r, 2 * r, 2 * r, fillColor=colour, strokeColor=None))
    elif kind == "diamond":
        add(
            Polygon(
                [x, y + r * 1.3, x + r * 1.3, y, x, y - r * 1.3, x - r * 1.3, y],
                fillColor=colour,
                strokeColor=None,
            )
        )
    else:
        add(Circle(x, y, r, fillColor=colour, strokeColor=None))
