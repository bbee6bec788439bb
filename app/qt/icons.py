"""The bundled icon set (Lucide, ISC/MIT; resources/icons), drawn in the palette's text colour.

`icon("users")` returns a QIcon whose pixmaps are rendered from the SVG at the sizes asked for,
with `currentColor` replaced by the colour of the current palette (so an icon stays legible in
the light and the dark palette; disabled icons use the palette's disabled text colour).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resource

# Every icon the app uses; a test checks each file exists (resources/icons/NAME.svg).
NAMES = (
    "sun",  # Vandaag
    "calendar-days",  # Agenda
    "users",  # Caseload
    "map-pin",  # Vindplaatsen
    "users-round",  # Groepswerk
    "building-2",  # Sociale kaart
    "chart-column",  # Rapporten
    "settings",  # Instellingen
    "scroll-text",  # Logboek
    "lock",  # Vergrendelen
    "message-square-plus",  # Nieuw contactmoment
    "user-plus",  # Nieuwe persoon
    "search",
    "refresh-cw",  # Synchroniseren
    "save",
    "list-todo",  # to-do's
    "calendar-clock",  # gepland
    "clock-alert",  # te laat
    "shield-check",  # toestemming
    "handshake",  # overdracht
    "hourglass",  # lang niet gezien
    "calendar-check",  # opvolging
    "triangle-alert",  # ZRM due, warnings
    "arrow-left",  # terug
    "square-pen",  # bewerken
    "trash-2",  # verwijderen
    "file-down",  # exporteren
    "eye-off",  # discreet
    "user-x",  # wissen
    "notebook-pen",  # notitie
    "x",
    "circle-stop",  # stoppen
)


@lru_cache(maxsize=64)
def _svg(name: str) -> bytes:
    return resource("icons", f"{name}.svg").read_bytes()


def _render(name: str, size: QSize, colour: QColor) -> QPixmap:
    data = _svg(name).replace(b"currentColor", colour.name().encode("ascii"))
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return pixmap


class _Engine(QIconEngine):
    def __init__(self, name: str, selected: bool = False) -> None:
        super().__init__()
        self._name = name
        self._selected = selected  # drawn as on the highlight colour (a primary button)

    def clone(self) -> QIconEngine:
        return _Engine(self._name, self._selected)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        app = QGuiApplication.instance()
        palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        role = (
            QPalette.ColorRole.HighlightedText
            if mode == QIcon.Mode.Selected or self._selected
            else QPalette.ColorRole.ButtonText
        )
        return _render(self._name, size, palette.color(group, role))

    def paint(self, painter: QPainter, rect: object, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtCore import QRect

        assert isinstance(rect, QRect)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = QSize(int(rect.width() * ratio), int(rect.height() * ratio))
        pm = self.pixmap(size, mode, state)
        pm.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pm)


def icon(name: str, *, selected: bool = False) -> QIcon:
    """The icon `name`; `selected`: drawn to stand on the highlight colour."""
    if name not in NAMES:
        raise KeyError(f"unknown icon {name!r}: add it to resources/icons and NAMES")
    return QIcon(_Engine(name, selected))
