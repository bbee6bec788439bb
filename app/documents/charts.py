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


# --- report charts: the same rows and scale for the screen (Qt) and the PDF (ReportLab) ---------

# Series colours for bars, with a second cue (fill pattern) so colour is never the only signal.
BAR_COLOURS = ("#1f5f9e", "#e08a2e", "#2e7d4f", "#8a8f98", "#7b4f9d", "#a0522d", "#c0392b")
BAR_OUTLINED = (False, False, False, True, False, True, True)  # drawn as outline + light fill


@dataclass(frozen=True)
class ChartRow:
    label: str
    values: tuple[float | None, ...]  # one per series; None: not drawn (hidden or empty)
    texts: tuple[str, ...]  # what each value reads as ("12", "73%", "<5", "x")


@dataclass(frozen=True)
class ChartData:
    kind: str  # figures.ChartKind value
    series: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    scale_min: float
    scale_max: float
    percent: bool


def chart_data(table: object) -> ChartData | None:
    """The chart of a report table (app.domain.figures.Table), or None when it has none or
    nothing to draw."""
    from app.documents.report_tabular import fmt_value
    from app.domain.figures import Count, Hidden, Share, Stat, Table

    assert isinstance(table, Table)
    spec = table.chart
    if spec is None:
        return None
    rows = []
    percent = False
    for i in table.chart_rows():
        r = table.rows[i]
        values: list[float | None] = []
        texts: list[str] = []
        for c in spec.series:
            v = r.values[c]
            texts.append(fmt_value(v, table.columns[c]))
            if isinstance(v, Count):
                values.append(float(v.value))
            elif isinstance(v, Share):
                percent = True
                values.append(v.value)
            elif isinstance(v, Stat):
                values.append(v.value)
            else:
                values.append(None)
            if isinstance(v, Hidden):
                values[-1] = None
        rows.append(ChartRow(r.label, tuple(values), tuple(texts)))
    if not rows or all(v is None or v == 0 for r in rows for v in r.values):
        return None
    if spec.scale_max is not None:
        top = spec.scale_max
    else:
        if spec.kind == "stacked":
            top = max(sum(v or 0 for v in r.values) for r in rows)
        else:
            top = max(v or 0 for r in rows for v in r.values)
        top = nice_max(top)
    return ChartData(
        str(spec.kind),
        tuple(table.columns[c].label for c in spec.series),
        tuple(rows),
        spec.scale_min,
        top,
        percent,
    )


def nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10**exp
        if top >= value:
            return float(top)
    return float(10 ** (exp + 1))


def ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    step = (hi - lo) / n
    return [lo + i * step for i in range(n + 1)]


def bar_span(value: float, lo: float, hi: float, width: float) -> float:
    """Length of a bar for `value` on an axis from lo to hi drawn over `width`."""
    if hi <= lo:
        return 0.0
    return max(0.0, min(1.0, (value - lo) / (hi - lo))) * width


def report_chart_drawing(
    data: ChartData,
    width: float,
    *,
    font: str = "Helvetica",
    bold: str = "Helvetica-Bold",
    font_size: float = 7.5,
) -> object:
    """A ReportLab `Drawing` of a report chart: horizontal bars (grouped or stacked), a
    funnel, or ranges (first → latest). Hidden values are not drawn; their mark is."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor, white

    text = HexColor(TEXT_COLOUR)
    grid = HexColor(GRID_COLOUR)
    n_series = len(data.series)
    grouped = data.kind == "bars" and n_series > 1
    bar_h = font_size * 1.15
    row_h = (bar_h * n_series + 5) if grouped else bar_h + 6
    label_w = min(170.0, max(60.0, width * 0.33))
    value_w = 34.0
    plot_w = width - label_w - value_w
    legend_h = 14.0 if (n_series > 1 or data.kind == "range") else 0.0
    axis_h = 12.0
    height = legend_h + axis_h + row_h * len(data.rows) + 4
    d = Drawing(width, height)
    x0 = label_w
    top = height - legend_h

    def colour(i: int) -> object:
        return HexColor(BAR_COLOURS[i % len(BAR_COLOURS)])

    def fmt_tick(v: float) -> str:
        if data.percent:
            return f"{round(v * 100)}%"
        return f"{v:g}".replace(".", ",")

    # axis and grid
    axis_y = top - row_h * len(data.rows) - 2
    if data.kind != "funnel":
        for tv in ticks(data.scale_min, data.scale_max):
            x = x0 + bar_span(tv, data.scale_min, data.scale_max, plot_w)
            d.add(Line(x, axis_y, x, top, strokeColor=grid, strokeWidth=0.4))
            d.add(
                String(
                    x,
                    axis_y - font_size,
                    fmt_tick(tv),
                    fontName=font,
                    fontSize=font_size - 1,
                    fillColor=text,
                    textAnchor="middle",
                )
            )
    for k, r in enumerate(data.rows):
        y_top = top - k * row_h
        label = short_label(r.label, int(label_w / (font_size * 0.5)))
        d.add(
            String(
                x0 - 4,
                y_top - row_h / 2 - font_size / 3,
                label,
                fontName=font,
                fontSize=font_size,
                fillColor=text,
                textAnchor="end",
            )
        )
        if data.kind == "stacked":
            x = x0
            y = y_top - row_h / 2 - bar_h / 2
            for i, v in enumerate(r.values):
                if not v:
                    continue
                w = bar_span(v, 0, data.scale_max, plot_w)
                d.add(Rect(x, y, w, bar_h, fillColor=colour(i), strokeColor=white, strokeWidth=0.6))
                x += w
            total = sum(v or 0 for v in r.values)
            hidden = any(
                v is None and t not in ("", "0") for v, t in zip(r.values, r.texts, strict=True)
            )
            label_text = f"{total:g}".replace(".", ",") + (" + verborgen" if hidden else "")
            d.add(
                String(
                    x + 3,
                    y + bar_h / 2 - font_size / 3,
                    label_text,
                    fontName=font,
                    fontSize=font_size - 0.5,
                    fillColor=text,
                )
            )
        elif data.kind == "funnel":
            v = r.values[0]
            first = data.rows[0].values[0] or 0
            w = bar_span(v or 0, 0, max(first, 1e-9), plot_w)
            y = y_top - row_h / 2 - bar_h / 2
            if v:
                d.add(
                    Rect(x0 + (plot_w - w) / 2, y, w, bar_h, fillColor=colour(0), strokeColor=None)
                )
            d.add(
                String(
                    x0 + plot_w + 3,
                    y + bar_h / 2 - font_size / 3,
                    r.texts[0],
                    fontName=bold,
                    fontSize=font_size,
                    fillColor=text,
                )
            )
        elif data.kind == "range":
            a, b = r.values[0], r.values[1] if len(r.values) > 1 else None
            y = y_top - row_h / 2
            if a is not None and b is not None:
                xa = x0 + bar_span(a, data.scale_min, data.scale_max, plot_w)
                xb = x0 + bar_span(b, data.scale_min, data.scale_max, plot_w)
                d.add(Line(xa, y, xb, y, strokeColor=colour(0), strokeWidth=2.2))
                d.add(
                    Rect(
                        xa - 2.4,
                        y - 2.4,
                        4.8,
                        4.8,
                        fillColor=HexColor(BAR_COLOURS[3]),
                        strokeColor=None,
                    )
                )
                d.add(Circle(xb, y, 2.8, fillColor=colour(0), strokeColor=None))
                change = b - a
                d.add(
                    String(
                        x0 + plot_w + 3,
                        y - font_size / 3,
                        f"{change:+.1f}".replace(".", ","),
                        fontName=font,
                        fontSize=font_size - 0.5,
                        fillColor=text,
                    )
                )
            else:
                d.add(
                    String(
                        x0 + 2,
                        y - font_size / 3,
                        r.texts[0] or "geen gegevens",
                        fontName=font,
                        fontSize=font_size - 0.5,
                        fillColor=HexColor(AXIS_COLOUR),
                    )
                )
        else:  # bars, one or more series side by side
            for i, v in enumerate(r.values):
                y = y_top - 2.5 - (i + 1) * bar_h if grouped else y_top - row_h / 2 - bar_h / 2
                if v:
                    w = bar_span(v, data.scale_min, data.scale_max, plot_w)
                    outlined = BAR_OUTLINED[i % len(BAR_OUTLINED)]
                    d.add(
                        Rect(
                            x0,
                            y + 1,
                            w,
                            bar_h - 2,
                            fillColor=white if outlined else colour(i),
                            strokeColor=colour(i),
                            strokeWidth=0.9,
                        )
                    )
                    x_text = x0 + w + 3
                else:
                    x_text = x0 + 3
                d.add(
                    String(
                        x_text,
                        y + bar_h / 2 - font_size / 3,
                        r.texts[i],
                        fontName=font,
                        fontSize=font_size - 1,
                        fillColor=text,
                    )
                )
    d.add(Line(x0, axis_y, x0, top, strokeColor=HexColor(AXIS_COLOUR), strokeWidth=0.6))
    # legend
    if legend_h:
        x = x0
        names = list(data.series) if data.kind != "range" else ["eerste meting", "laatste meting"]
        for i, name in enumerate(names):
            y = height - legend_h + 3
            if data.kind == "range":
                if i == 0:
                    d.add(Rect(x, y, 6, 6, fillColor=HexColor(BAR_COLOURS[3]), strokeColor=None))
                else:
                    d.add(Circle(x + 3, y + 3, 3, fillColor=colour(0), strokeColor=None))
            else:
                outlined = BAR_OUTLINED[i % len(BAR_OUTLINED)] and data.kind == "bars"
                d.add(
                    Rect(
                        x,
                        y,
                        9,
                        6,
                        fillColor=white if outlined else colour(i),
                        strokeColor=colour(i),
                        strokeWidth=0.9,
                    )
                )
            d.add(String(x + 12, y, name, fontName=font, fontSize=font_size - 0.5, fillColor=text))
            x += 12 + len(name) * font_size * 0.5 + 12
    return d
