"""Legible in light and dark: every text colour the app uses has a contrast of at least 4.5:1
(WCAG 2.1 AA) on the background it is drawn on, check boxes stand out, icons are bundled."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from app.paths import resource
from app.qt.icons import NAMES, icon
from app.qt.theme import (
    DARK_COLOURS,
    LIGHT_COLOURS,
    Colours,
    contrast,
    palette,
)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
AA = 4.5
NON_TEXT = 3.0  # WCAG 1.4.11: borders of controls; 1.4.3 exempts disabled text, we keep 3:1

# Text role → the backgrounds it is drawn on.
TEXT_ON = {
    Role.WindowText: (Role.Window, Role.Button, Role.AlternateBase, Role.Base),
    Role.Text: (Role.Base, Role.AlternateBase, Role.Window),
    Role.ButtonText: (Role.Button, Role.Window),
    Role.HighlightedText: (Role.Highlight,),
    Role.PlaceholderText: (Role.Base, Role.AlternateBase),
    Role.ToolTipText: (Role.ToolTipBase,),
    Role.Link: (Role.Base, Role.Window),
    Role.LinkVisited: (Role.Base, Role.Window),
}
# Not listed: BrightText (neither the app nor Fusion draws text with it).


def test_the_known_failures_are_computed_as_failures() -> None:
    """The formula itself: black on white is 21:1, and the old hint grey was about 1.7:1."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#b8b8b8", "#ffffff") < 2.0  # Fusion's light "mid", once used for hints


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_role_is_legible_on_its_backgrounds(dark: bool) -> None:
    pal = palette(dark)
    low: list[str] = []
    for text, backgrounds in TEXT_ON.items():
        for back in backgrounds:
            ratio = contrast(pal.color(Group.Active, text), pal.color(Group.Active, back))
            if ratio < AA:
                low.append(f"{text.name} on {back.name}: {ratio:.2f}")
    for text in (Role.WindowText, Role.Text, Role.ButtonText):
        for back in (Role.Window, Role.Base, Role.Button):
            ratio = contrast(pal.color(Group.Disabled, text), pal.color(Group.Active, back))
            if ratio < NON_TEXT:
                low.append(f"disabled {text.name} on {back.name}: {ratio:.2f}")
    assert not low, low


@pytest.mark.parametrize("c", [LIGHT_COLOURS, DARK_COLOURS], ids=["light", "dark"])
def test_colours_with_a_meaning_are_legible(c: Colours) -> None:
    pal = palette(c.dark)
    backgrounds = [pal.color(Role.Window).name(), pal.color(Role.Base).name(), c.card]
    low = []
    for name in ("error", "ok", "warning", "hint", "attention"):
        for back in backgrounds:
            ratio = contrast(getattr(c, name), back)
            if ratio < AA:
                low.append(f"{name} on {back}: {ratio:.2f}")
    if contrast(c.private_text, c.private_background) < AA:
        low.append("private note")
    # Borders that show where a control or a card is (non-text contrast).
    for edge, back in ((c.card_border, pal.color(Role.Window).name()),):
        if contrast(edge, back) < 1.5:
            low.append(f"card border {edge}")
    assert not low, low


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_check_boxes_stand_out_on_lists(dark: bool) -> None:
    """An unticked box is drawn with the text colour on the list's background; a ticked one
    is filled with the highlight colour, which itself stands out from the background."""
    pal = palette(dark)
    base = pal.color(Role.Base)
    assert contrast(pal.color(Role.Text), base) >= NON_TEXT
    assert contrast(pal.color(Role.Highlight), base) >= NON_TEXT
    assert contrast(pal.color(Role.HighlightedText), pal.color(Role.Highlight)) >= AA


def test_every_icon_is_bundled_with_its_licence() -> None:
    assert resource("icons", "LICENSE").is_file()
    assert "ISC License" in resource("icons", "LICENSE").read_text()
    for name in NAMES:
        svg = resource("icons", f"{name}.svg")
        assert svg.is_file(), name
        assert "currentColor" in svg.read_text(), f"{name} cannot follow the palette"


def test_icons_render_in_the_palette_colour(qapp: object) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from app.qt.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for dark in (False, True):
        apply_theme(app, dark=dark)
        image = icon("users").pixmap(QSize(48, 48)).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(48)
            for y in range(48)
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked, "the icon drew nothing"
        expected = app.palette().color(Role.ButtonText)
        assert all(abs(p.lightness() - expected.lightness()) < 40 for p in inked)
    apply_theme(app, dark=False)


def test_every_character_of_the_interface_is_in_the_bundled_font(qapp: object) -> None:
    """No missing-glyph boxes: each character of every Dutch text (and every English source,
    shown when a translation is missing) exists in DejaVu Sans, which the app ships."""
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QFont, QFontMetrics

    from app.qt.fonts import FAMILY, register_fonts
    from app.qt.i18n import ts_path

    register_fonts()
    font = QFont(FAMILY)
    metrics = QFontMetrics(font)
    assert metrics.inFontUcs4(ord("ë")) and not metrics.inFontUcs4(0x1F512)  # 🔒 is missing
    missing: dict[str, str] = {}
    root = ET.parse(ts_path()).getroot()
    for message in root.iter("message"):
        texts = [message.findtext("source") or ""]
        translation = message.find("translation")
        if translation is not None:
            texts.append(translation.text or "")
            texts += [n.text or "" for n in translation.findall("numerusform")]
        for text in texts:
            for ch in text:
                if ch.isspace() or ord(ch) < 32:
                    continue
                if not metrics.inFontUcs4(ord(ch)):
                    missing[ch] = text
    assert not missing, {f"U+{ord(c):04X} {c}": t for c, t in missing.items()}


def test_the_file_dialog_speaks_dutch(qtbot: object) -> None:
    """Qt's own file dialog (used where the system has none) showed "Look in:" and "Files of
    type:" in English; our catalogue fills in what Qt's Dutch one lacks."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    d = QFileDialog(None, "Opslaan als", "/tmp", "PDF-documenten (*.pdf)")
    d.setOption(QFileDialog.Option.DontUseNativeDialog)
    d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    d.show()
    texts = [w.text() for w in d.findChildren(QLabel) + d.findChildren(QPushButton) if w.text()]
    assert "&Zoeken in:" in texts and "Bestands&type:" in texts
    english = {"Look in", "Files of", "File name", "Save", "Cancel", "Open"}
    assert not [t for t in texts if any(e.lower() in t.replace("&", "").lower() for e in english)]
    d.reject()
    d.deleteLater()
