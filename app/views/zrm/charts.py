"""ZRM charts drawn with QPainter: a radar (first, latest, target) and one domain over time.

Both use the geometry in app.documents.charts, so the screen and the PDF show the same figure.
Missing scores are gaps, never interpolated. Series differ in dash and marker, not only colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.documents.charts import (
    AXIS_COLOUR,
    GRID_COLOUR,
    SeriesStyle,
    level_radius,
    line_points,
    radar_points,
    radar_segments,
    spoke_direction,
    style_for,
    wrap_label,
)
from app.domain.zrm import LEVELS, RadarData


def _pen(st: SeriesStyle, scale: float = 1.0) -> QPen:
    pen = QPen(QColor(st.colour))
    pen.setWidthF(st.width * scale)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if st.dash:
        pen.setDashPattern([max(v / st.width, 0.5) for v in st.dash])
    return pen


def _marker(p: QPainter, kind: str, at: QPointF, r: float, colour: QColor) -> None:
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    if kind == "square":
        p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    elif kind == "diamond":
        k = r * 1.35
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - k),
                    QPointF(at.x() + k, at.y()),
                    QPointF(at.x(), at.y() + k),
                    QPointF(at.x() - k, at.y()),
                ]
            )
        )
    else:
        p.drawEllipse(at, r, r)
    p.restore()


def _text_colour(w: QWidget) -> QColor:
    return w.palette().color(QPalette.ColorRole.WindowText)


class RadarChart(QWidget):
    """A radar of `RadarData`: one spoke per domain, rings for levels 1–5, a legend below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: RadarData | None = None
        self.drawn_spokes = 0
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Radar chart of the scores"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def sizeHint(self) -> QSize:
        return QSize(460, 440)

    def set_data(self, data: RadarData | None) -> None:
        self._data = data
        self.setAccessibleDescription(self._describe())
        self.update()

    def data(self) -> RadarData | None:
        return self._data

    def axis_count(self) -> int:
        return len(self._data.axes) if self._data else 0

    def _describe(self) -> str:
        d = self._data
        if d is None or not d.axes:
            return self.tr("No scores yet.")
        parts = []
        for name, values in d.series.items():
            vals = ", ".join(
                f"{axis} {'—' if v is None else v}" for axis, v in zip(d.axes, values, strict=False)
            )
            parts.append(f"{name}: {vals}")
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.drawn_spokes = 0
        d = self._data
        text = _text_colour(self)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        p.setFont(font)
        fm = QFontMetricsF(font)
        if d is None or len(d.axes) < 3:
            p.setPen(text)
            p.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No scores yet: the radar appears after the first assessment."),
            )
            p.end()
            return
        n = len(d.axes)
        legend_h = fm.height() + 14
        label_w = max(fm.horizontalAdvance(part) for a in d.axes for part in wrap_label(a)) + 12
        w, h = self.width(), self.height() - legend_h
        radius = max(min(w / 2 - label_w, h / 2 - 2.5 * fm.height() - 6), 40.0)
        c = QPointF(w / 2, h / 2 + 4)

        def at(x: float, y: float) -> QPointF:
            return QPointF(c.x() + x, c.y() - y)

        grid_pen = QPen(QColor(GRID_COLOUR))
        grid_pen.setWidthF(1.0)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for lvl in LEVELS:
            r = level_radius(lvl, radius)
            ring = []
            for i in range(n):
                dx, dy = spoke_direction(i, n)
                ring.append(at(dx * r, dy * r))
            p.setPen(grid_pen)
            p.drawPolygon(QPolygonF(ring))
            p.setPen(QColor(AXIS_COLOUR))
            p.drawText(at(3, r + 2), str(lvl))
        axis_pen = QPen(QColor(AXIS_COLOUR))
        axis_pen.setWidthF(1.0)
        for i, label in enumerate(d.axes):
            dx, dy = spoke_direction(i, n)
            p.setPen(axis_pen)
            p.drawLine(c, at(dx * radius, dy * radius))
            self.drawn_spokes += 1
            lines = wrap_label(label)
            block_h = fm.height() * len(lines)
            tip = at(dx * (radius + 8), dy * (radius + 8))
            bw = max(fm.horizontalAdvance(s) for s in lines) + 2
            if abs(dx) < 0.2:
                x = tip.x() - bw / 2
                align = Qt.AlignmentFlag.AlignHCenter
            elif dx > 0:
                x = tip.x()
                align = Qt.AlignmentFlag.AlignLeft
            else:
                x = tip.x() - bw
                align = Qt.AlignmentFlag.AlignRight
            if dy > 0.9:
                y = tip.y() - block_h
            elif dy < -0.9:
                y = tip.y()
            else:
                y = tip.y() - block_h / 2
            p.setPen(text)
            p.drawText(QRectF(x, y, bw, block_h), align, "\n".join(lines))
        for k, (name, values) in enumerate(d.series.items()):
            st = style_for(name, k)
            colour = QColor(st.colour)
            pts = radar_points(values, radius)
            if st.fill and all(pt is not None for pt in pts):
                fill = QColor(colour)
                fill.setAlphaF(0.13)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawPolygon(QPolygonF([at(*pt) for pt in pts if pt is not None]))
                p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(_pen(st))
            for a, b in radar_segments(pts):
                p.drawLine(at(*a), at(*b))
            for pt in pts:
                if pt is not None:
                    _marker(p, st.marker, at(*pt), 3.6, colour)
        # legend
        x = 8.0
        y = self.height() - legend_h / 2
        for k, name in enumerate(d.series):
            st = style_for(name, k)
            p.setPen(_pen(st))
            p.drawLine(QPointF(x, y), QPointF(x + 26, y))
            _marker(p, st.marker, QPointF(x + 13, y), 3.6, QColor(st.colour))
            p.setPen(text)
            p.drawText(QPointF(x + 32, y + fm.ascent() / 2 - 1), name)
            x += 32 + fm.horizontalAdvance(name) + 20
        p.end()


class LineChart(QWidget):
    """One domain over time: levels 1–5 upwards, dates left to right, the target as a diamond."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._history: tuple[tuple[date, int], ...] = ()
        self._target: tuple[int, date | None] | None = None
        self.drawn_points = 0
        self.setMinimumSize(300, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Line chart of one domain over time"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def sizeHint(self) -> QSize:
        return QSize(460, 220)

    def set_history(
        self,
        title: str,
        history: Sequence[tuple[date, int]],
        target: tuple[int, date | None] | None = None,
    ) -> None:
        self._title = title
        self._history = tuple(sorted(history))
        self._target = target
        desc = ", ".join(f"{d.strftime('%d/%m/%Y')}: {lvl}" for d, lvl in self._history)
        if target:
            desc += "; " + self.tr("target %1").replace("%1", str(target[0]))
        self.setAccessibleDescription(f"{title}: {desc}" if desc else title)
        self.update()

    def point_count(self) -> int:
        return len(self._history)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.drawn_points = 0
        text = _text_colour(self)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetricsF(font)
        p.setFont(bold)
        p.setPen(text)
        title_h = fm.height() + 6
        p.drawText(QPointF(8, fm.ascent() + 2), self._title)
        p.setFont(font)
        if not self._history:
            p.drawText(
                QRectF(self.rect()).adjusted(0, title_h, 0, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No scores for this domain yet."),
            )
            p.end()
            return
        left = fm.horizontalAdvance("5") + 16
        plot = QRectF(left, title_h + 6, self.width() - left - 18, self.height() - title_h - 12)
        plot.setBottom(self.height() - fm.height() - 10)
        start, end = self._history[0][0], self._history[-1][0]
        if self._target and self._target[1] and self._target[1] > end:
            end = self._target[1]
        if start == end:
            from datetime import timedelta

            start, end = start - timedelta(days=30), end + timedelta(days=30)
        grid = QPen(QColor(GRID_COLOUR))
        for lvl in LEVELS:
            y = plot.bottom() - plot.height() * (lvl - 1) / (len(LEVELS) - 1)
            p.setPen(grid)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QPointF(6, y + fm.ascent() / 2 - 1), str(lvl))
        pts = [
            QPointF(plot.left() + x, plot.bottom() - y)
            for x, y in line_points(self._history, start, end, plot.width(), plot.height())
        ]
        latest = style_for("Laatste meting", 0)
        p.setPen(_pen(latest))
        path = QPainterPath()
        for i, pt in enumerate(pts):
            if i == 0:
                path.moveTo(pt)
            else:
                path.lineTo(pt)
        p.drawPath(path)
        for pt in pts:
            _marker(p, latest.marker, pt, 3.8, QColor(latest.colour))
            self.drawn_points += 1
        if self._target is not None:
            lvl, when = self._target
            st = style_for("Doel", 2)
            y = plot.bottom() - plot.height() * (lvl - 1) / (len(LEVELS) - 1)
            p.setPen(_pen(st))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            tx = plot.right()
            if when is not None:
                tx = plot.left() + plot.width() * (when - start).days / max((end - start).days, 1)
            _marker(p, st.marker, QPointF(tx, y), 4.2, QColor(st.colour))
            p.setPen(QColor(st.colour))
            label = self.tr("target")
            p.drawText(
                QPointF(min(tx + 6, plot.right() - fm.horizontalAdvance(label)), y - 4), label
            )
        p.setPen(text)
        p.drawText(QPointF(plot.left(), self.height() - 6), start.strftime("%d/%m/%Y"))
        last = end.strftime("%d/%m/%Y")
        p.drawText(QPointF(plot.right() - fm.horizontalAdvance(last), self.height() - 6), last)
        p.end()
