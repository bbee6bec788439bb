"""Light and dark palettes that stay legible, and a style with visible check boxes and hit
targets of at least 24 px.

The app follows the system's colour scheme (Qt's `styleHints().colorScheme()`) but paints with
its own palettes on the Fusion style, so every text colour it uses has a contrast of at least
4.5:1 (WCAG 2.1 AA) against the background it is drawn on, in light and in dark
(tests/views/test_legibility.py computes it). Disabled text, which WCAG exempts, still keeps
3:1. Colours with a meaning (error, success, warning, hint, private note) come from `colours()`
for the palette in use, never as fixed hex codes in a view.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

MIN_TARGET = 24  # px: WCAG 2.2 target size (minimum)
INDICATOR = 18  # px: check box and radio button indicators

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Colours:
    """Colours with a meaning, for one palette. Each text colour is legible on `window` and
    `base` (≥ 4.5:1); `private_text` on `private_background`."""

    dark: bool
    error: str
    ok: str
    warning: str
    hint: str
    private_background: str
    private_text: str
    private_border: str
    card: str  # a card's background (Vandaag)
    card_border: str
    attention: str  # a card that needs attention: its border


LIGHT = {
    Role.Window: "#f4f3f1",
    Role.WindowText: "#1c1b1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f0eeeb",
    Role.Text: "#1c1b1a",
    Role.Button: "#e7e5e1",
    Role.ButtonText: "#1c1b1a",
    Role.Highlight: "#1d5ba3",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#5c5a56",
    Role.Link: "#1a55a0",
    Role.LinkVisited: "#5a3796",
    Role.ToolTipBase: "#fffbe8",
    Role.ToolTipText: "#1c1b1a",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#dedcd8",
    Role.Mid: "#8a8884",
    Role.Dark: "#5e5c58",
    Role.Shadow: "#2b2a28",
}
LIGHT_DISABLED = "#6f6d69"
LIGHT_COLOURS = Colours(
    dark=False,
    error="#a8231b",
    ok="#1a6a37",
    warning="#7d4a00",
    hint="#55534f",
    private_background="#fff3d1",
    private_text="#3a2e00",
    private_border="#8a6d00",
    card="#ffffff",
    card_border="#b9b6b0",
    attention="#a8231b",
)

DARK = {
    Role.Window: "#1e1e1f",
    Role.WindowText: "#ececea",
    Role.Base: "#262627",
    Role.AlternateBase: "#2e2e30",
    Role.Text: "#ececea",
    Role.Button: "#343436",
    Role.ButtonText: "#ececea",
    Role.Highlight: "#74aaea",
    Role.HighlightedText: "#0b1726",
    Role.PlaceholderText: "#aeadaa",
    Role.Link: "#8dbcf2",
    Role.LinkVisited: "#c4a8f2",
    Role.ToolTipBase: "#343436",
    Role.ToolTipText: "#ececea",
    Role.BrightText: "#ffffff",
    Role.Light: "#505052",
    Role.Midlight: "#3c3c3e",
    Role.Mid: "#8e8d8a",
    Role.Dark: "#141415",
    Role.Shadow: "#000000",
}
DARK_DISABLED = "#8f8e8b"
DARK_COLOURS = Colours(
    dark=True,
    error="#ff8f85",
    ok="#82d69e",
    warning="#f2bb57",
    hint="#b5b4b0",
    private_background="#3b3220",
    private_text="#f6e7b9",
    private_border="#c9a93f",
    card="#29292b",
    card_border="#5c5c5f",
    attention="#ff8f85",
)


def palette(dark: bool) -> QPalette:
    roles = DARK if dark else LIGHT
    disabled = DARK_DISABLED if dark else LIGHT_DISABLED
    pal = QPalette()
    for role, value in roles.items():
        pal.setColor(Group.All, role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        pal.setColor(Group.Disabled, role, QColor(disabled))
    pal.setColor(Group.Disabled, Role.Highlight, QColor(roles[Role.Mid]))
    return pal


def is_dark(pal: QPalette | None = None) -> bool:
    if pal is None:
        app = QGuiApplication.instance()
        pal = app.palette() if isinstance(app, QGuiApplication) else QPalette()
    return pal.color(Role.Window).lightness() < 128


def colours(pal: QPalette | None = None) -> Colours:
    return DARK_COLOURS if is_dark(pal) else LIGHT_COLOURS


def system_prefers_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


# --- contrast (WCAG 2.1) ---------------------------------------------------------------------
def _channel(c: float) -> float:
    c = c / 255.0
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor | str) -> float:
    q = QColor(colour)
    return 0.2126 * _channel(q.red()) + 0.7152 * _channel(q.green()) + 0.0722 * _channel(q.blue())


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- the style -------------------------------------------------------------------------------
PE = QStyle.PrimitiveElement
CT = QStyle.ContentsType
PM = QStyle.PixelMetric

_TARGETS = {
    CT.CT_PushButton,
    CT.CT_ToolButton,
    CT.CT_CheckBox,
    CT.CT_RadioButton,
    CT.CT_ComboBox,
    CT.CT_LineEdit,
    CT.CT_SpinBox,
    CT.CT_TabBarTab,
}


class Style(QProxyStyle):
    """Fusion with check box indicators that are visible on every background and controls at
    least `MIN_TARGET` px high."""

    def __init__(self) -> None:
        base = QStyleFactory.create("Fusion")
        super().__init__(base)

    def pixelMetric(
        self, metric: PM, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in (
            PM.PM_IndicatorWidth,
            PM.PM_IndicatorHeight,
            PM.PM_ExclusiveIndicatorWidth,
            PM.PM_ExclusiveIndicatorHeight,
        ):
            return INDICATOR
        return super().pixelMetric(metric, option, widget)

    def sizeFromContents(
        self, ct: CT, opt: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        out = super().sizeFromContents(ct, opt, size, widget)  # type: ignore[arg-type]
        if ct in _TARGETS:
            out = out.expandedTo(QSize(MIN_TARGET, MIN_TARGET))
        elif ct == CT.CT_ItemViewItem:
            out = out.expandedTo(QSize(0, MIN_TARGET))  # rows with a check box to tick
        return out

    def drawPrimitive(
        self,
        element: PE,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in (PE.PE_IndicatorCheckBox, PE.PE_IndicatorItemViewItemCheck):
            self._check_box(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def _check_box(self, option: QStyleOption, painter: QPainter) -> None:
        pal = option.palette
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        on = bool(option.state & QStyle.StateFlag.State_On)
        partial = bool(option.state & QStyle.StateFlag.State_NoChange)
        r: QRect = option.rect
        side = min(r.width(), r.height(), INDICATOR)
        box = QRectF(
            r.x() + (r.width() - side) / 2 + 1,
            r.y() + (r.height() - side) / 2 + 1,
            side - 2,
            side - 2,
        )
        group = Group.Active if enabled else Group.Disabled
        edge = pal.color(group, Role.Text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if on or partial:
            fill = pal.color(group, Role.Highlight)
            painter.setPen(QPen(fill, 1.5))
            painter.setBrush(fill)
        else:
            painter.setPen(QPen(edge, 1.5))
            painter.setBrush(pal.color(group, Role.Base))
        painter.drawRoundedRect(box, 3, 3)
        mark = pal.color(group, Role.HighlightedText)
        pen = QPen(mark, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if on:
            path = QPainterPath()
            path.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52)
            path.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.72)
            path.lineTo(box.left() + box.width() * 0.78, box.top() + box.height() * 0.30)
            painter.drawPath(path)
        elif partial:
            y = box.center().y()
            painter.drawLine(
                int(box.left() + box.width() * 0.25),
                int(y),
                int(box.right() - box.width() * 0.25),
                int(y),
            )
        painter.restore()


def apply_theme(app: QApplication, *, dark: bool | None = None) -> None:
    """Our style and the palette for the system's scheme (or the one asked for); follows the
    system when its scheme changes."""
    if not isinstance(app.style(), Style):
        app.setStyle(Style())
    chosen = system_prefers_dark() if dark is None else dark
    _set_palette(app, palette(chosen))
    if dark is None and not app.property("brugfiguur_theme_follows"):
        app.setProperty("brugfiguur_theme_follows", True)
        app.styleHints().colorSchemeChanged.connect(
            lambda scheme: _set_palette(app, palette(scheme == Qt.ColorScheme.Dark))
        )


def _set_palette(app: QApplication, pal: QPalette) -> None:
    """Switch the palette, also where a style sheet names palette colours (they are resolved
    when the sheet is applied, so such widgets get their sheet again)."""
    app.setPalette(pal)
    for w in app.allWidgets():
        sheet = w.styleSheet()
        if sheet:
            w.setStyleSheet("")
            w.setStyleSheet(sheet)
        w.update()
