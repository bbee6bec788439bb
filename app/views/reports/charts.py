"""Report charts on screen, drawn with QPainter from the same rows and scale as the PDF
(`app.documents.charts.chart_data`): horizontal bars side by side or stacked, a funnel, and
ranges from the first to the latest ZRM score. Every bar carries its number as text, and
series differ in fill as well as colour (colour is never the only cue)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.documents.charts import BAR_COLOURS, BAR_OUTLINED, ChartData, bar_span, ticks
from app.documents.report_tabular import fmt_decimal

ROW_HEIGHT = 22.0
LEGEND_HEIGHT = 22.0
AXIS_HEIGHT = 18.0


class ReportChart(QWidget):
    def __init__(self, data: ChartData, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = data
        self.setAccessibleName(self.tr("Chart: %1").replace("%1", title))
        self.setAccessibleDescription(self.describe())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(int(self._height()))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def _grouped(self) -> bool:
        return self.chart.kind == "bars" and len(self.chart.series) > 1

    def _row_height(self) -> float:
        n = len(self.chart.series)
        return ROW_HEIGHT * 0.7 * n + 6 if self._grouped() else ROW_HEIGHT

    def _legend(self) -> bool:
        return len(self.chart.series) > 1 or self.chart.kind == "range"

    def _legend_names(self) -> list[str]:
        d = self.chart
        if d.kind == "range":
            return [self.tr("first score"), self.tr("latest score")]
        return list(d.series)

    def _legend_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        return font

    def _label_width(self, width: float) -> float:
        return min(260.0, max(90.0, width * 0.34))

    def _legend_lines(self, width: float) -> list[list[tuple[int, str, float, float]]]:
        """The legend's entries (index, name, x, text width) per line: on one line above the
        bars when it fits there, else from the left edge, wrapped to the width."""
        if not self._legend():
            return []
        fm = QFontMetricsF(self._legend_font())
        entries = [(i, n, fm.horizontalAdvance(n)) for i, n in enumerate(self._legend_names())]
        x0 = self._label_width(width) + 8
        if x0 + sum(16 + w + 18 for _, _, w in entries) <= width:
            out, x = [], x0
            for i, n, w in entries:
                out.append((i, n, x, w))
                x += 16 + w + 18
            return [out]
        lines: list[list[tuple[int, str, float, float]]] = [[]]
        x = 4.0
        for i, n, w in entries:
            if lines[-1] and x + 16 + w > width:
                lines.append([])
                x = 4.0
            lines[-1].append((i, n, x, w))
            x += 16 + w + 18
        return lines

    def _legend_height(self, width: float) -> float:
        return LEGEND_HEIGHT * len(self._legend_lines(width))

    def _height(self, width: float | None = None) -> float:
        return (
            (self._legend_height(width if width is not None else 560.0) or 0)
            + AXIS_HEIGHT
            + self._row_height() * len(self.chart.rows)
            + 6
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow chart wraps its legend: taller by a line.
        height = int(self._height(float(self.width())))
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(560, int(self._height()))

    def describe(self) -> str:
        """The chart in words, for screen readers."""
        parts = []
        for r in self.chart.rows:
            values = ", ".join(
                f"{name} {text}" for name, text in zip(self.chart.series, r.texts, strict=True)
            )
            parts.append(f"{r.label}: {values}")
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        d = self.chart
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        grid = self.palette().color(QPalette.ColorRole.Mid)
        font = self._legend_font()
        p.setFont(font)
        fm = QFontMetricsF(font)
        width = float(self.width())
        label_w = self._label_width(width)
        value_w = 70.0
        x0 = label_w + 8
        plot_w = max(40.0, width - x0 - value_w)
        top = self._legend_height(width) or 2.0
        row_h = self._row_height()
        bottom = top + row_h * len(d.rows)
        if self._legend():
            self._paint_legend(p, width, text)
        if d.kind != "funnel":
            p.setPen(QPen(grid, 0.6))
            for tv in ticks(d.scale_min, d.scale_max):
                x = x0 + bar_span(tv, d.scale_min, d.scale_max, plot_w)
                p.drawLine(QPointF(x, top), QPointF(x, bottom))
                label = (
                    f"{round(tv * 100)}%"
                    if d.percent
                    else fmt_decimal(tv, 0 if tv == int(tv) else 1)
                )
                p.setPen(text)
                p.drawText(
                    QRectF(x - 30, bottom + 2, 60, AXIS_HEIGHT - 2),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
                p.setPen(QPen(grid, 0.6))
        for k, r in enumerate(d.rows):
            y0 = top + k * row_h
            p.setPen(text)
            label = fm.elidedText(r.label, Qt.TextElideMode.ElideRight, label_w)
            p.drawText(
                QRectF(0, y0, label_w, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar_h = ROW_HEIGHT * 0.62
            if d.kind == "stacked":
                x = x0
                for i, v in enumerate(r.values):
                    if not v:
                        continue
                    w = bar_span(v, 0, d.scale_max, plot_w)
                    p.fillRect(
                        QRectF(x, y0 + (row_h - bar_h) / 2, w, bar_h),
                        QColor(BAR_COLOURS[i % len(BAR_COLOURS)]),
                    )
                    p.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
                    p.drawLine(
                        QPointF(x + w, y0 + (row_h - bar_h) / 2),
                        QPointF(x + w, y0 + (row_h + bar_h) / 2),
                    )
                    x += w
                total = sum(v or 0 for v in r.values)
                hidden = any(
                    v is None and t not in ("", "0") for v, t in zip(r.values, r.texts, strict=True)
                )
                p.setPen(text)
                if hidden:
                    note = (
                        self.tr("%1 + hidden").replace("%1", fmt_decimal(total, 0))
                        if total
                        else self.tr("hidden")
                    )
                else:
                    note = fmt_decimal(total, 0)
                p.drawText(
                    QRectF(x + 4, y0, value_w + 60, row_h), Qt.AlignmentFlag.AlignVCenter, note
                )
            elif d.kind == "funnel":
                v = r.values[0] or 0
                first = d.rows[0].values[0] or 1
                w = bar_span(v, 0, first, plot_w)
                p.fillRect(
                    QRectF(x0 + (plot_w - w) / 2, y0 + (row_h - bar_h) / 2, w, bar_h),
                    QColor(BAR_COLOURS[0]),
                )
                p.setPen(text)
                p.drawText(
                    QRectF(x0 + plot_w + 4, y0, value_w, row_h),
                    Qt.AlignmentFlag.AlignVCenter,
                    r.texts[0],
                )
            elif d.kind == "range":
                a = r.values[0]
                b = r.values[1] if len(r.values) > 1 else None
                y = y0 + row_h / 2
                if a is not None and b is not None:
                    xa = x0 + bar_span(a, d.scale_min, d.scale_max, plot_w)
                    xb = x0 + bar_span(b, d.scale_min, d.scale_max, plot_w)
                    p.setPen(QPen(QColor(BAR_COLOURS[0]), 3))
                    p.drawLine(QPointF(xa, y), QPointF(xb, y))
                    p.fillRect(QRectF(xa - 4, y - 4, 8, 8), QColor(BAR_COLOURS[3]))
                    p.setBrush(QBrush(QColor(BAR_COLOURS[0])))
                    p.setPen(Qt.PenStyle.NoPen)
                    p.drawEllipse(QPointF(xb, y), 4.5, 4.5)
                    p.setPen(text)
                    p.drawText(
                        QRectF(x0 + plot_w + 4, y0, value_w, row_h),
                        Qt.AlignmentFlag.AlignVCenter,
                        fmt_decimal(b - a, 1, sign=True),
                    )
                else:
                    p.setPen(grid)
                    p.drawText(
                        QRectF(x0 + 4, y0, plot_w, row_h),
                        Qt.AlignmentFlag.AlignVCenter,
                        r.texts[0] or self.tr("no data"),
                    )
            else:
                n = len(r.values)
                for i, v in enumerate(r.values):
                    colour = QColor(BAR_COLOURS[i % len(BAR_COLOURS)])
                    h = (row_h - 6) / n if self._grouped() else bar_h
                    y = y0 + 3 + i * h if self._grouped() else y0 + (row_h - bar_h) / 2
                    x_text = x0 + 4
                    if v:
                        w = bar_span(v, d.scale_min, d.scale_max, plot_w)
                        rect = QRectF(x0, y + 1, w, h - 2)
                        if BAR_OUTLINED[i % len(BAR_OUTLINED)]:
                            p.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
                            p.setPen(QPen(colour, 1.5))
                            p.setBrush(Qt.BrushStyle.NoBrush)
                            p.drawRect(rect)
                        else:
                            p.fillRect(rect, colour)
                        x_text = x0 + w + 4
                    p.setPen(text)
                    p.drawText(
                        QRectF(x_text, y, value_w, h), Qt.AlignmentFlag.AlignVCenter, r.texts[i]
                    )
        p.setPen(QPen(grid, 1))
        p.drawLine(QPointF(x0, top), QPointF(x0, bottom))
        p.end()

    def _paint_legend(self, p: QPainter, width: float, text: QColor) -> None:
        d = self.chart
        for line, entries in enumerate(self._legend_lines(width)):
            y = line * LEGEND_HEIGHT
            for i, name, x, w in entries:
                colour = QColor(
                    BAR_COLOURS[i % len(BAR_COLOURS)]
                    if d.kind != "range"
                    else BAR_COLOURS[3 if i == 0 else 0]
                )
                box = QRectF(x, y + 6, 12, 10)
                if d.kind == "bars" and BAR_OUTLINED[i % len(BAR_OUTLINED)]:
                    p.setPen(QPen(colour, 1.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRect(box)
                else:
                    p.fillRect(box, colour)
                p.setPen(text)
                p.drawText(QRectF(x + 16, y + 2, w + 4, 18), Qt.AlignmentFlag.AlignVCenter, name)
