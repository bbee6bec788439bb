"""Bundled DejaVu Sans for Qt: same glyphs (Dutch accents) on every machine."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resource

log = logging.getLogger(__name__)

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")
FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"

_registered: set[str] = set()


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database (idempotent); returns the files loaded."""
    for name in FONT_FILES:
        if name in _registered:
            continue
        path = resource("fonts", name)
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load bundled font %s", name)
            continue
        _registered.add(name)
    return sorted(_registered)


def apply_app_font(app: QApplication) -> None:
    register_fonts()
    font = QFont(FAMILY)
    size = app.font().pointSizeF()
    if size > 0:
        font.setPointSizeF(max(size, 10.0))
    app.setFont(font)


def mono_font() -> QFont:
    register_fonts()
    font = QFont(MONO_FAMILY)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font
