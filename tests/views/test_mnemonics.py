"""Every underlined letter (Alt+letter) is unique in its window and leads somewhere useful: a
label's letter moves focus to a field that takes input (never to a container that does
nothing), a button's letter presses it. Checked in every window and dialog, in every tab."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.views.main_window import MainWindow
from tests.views.windows import Ctx, catalogue, catalogue_names

_MNEMONIC = re.compile(r"&([^&\s])")
INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QAbstractButton,
)


def letter(text: str) -> str | None:
    m = _MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def _target(w: QWidget) -> QWidget:
    proxy = w.focusProxy()
    while proxy is not None:
        w, proxy = proxy, proxy.focusProxy()
    return w


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) or w is root


def problems(root: QWidget, where: str) -> list[str]:
    """Duplicate letters and letters that lead nowhere, among what is shown in `root`."""
    seen: dict[str, list[str]] = {}
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w, root) or w.window() is not root.window():
            continue
        found: list[tuple[str, str]] = []
        if isinstance(w, QLabel):
            rich = w.textFormat() == Qt.TextFormat.RichText or (
                w.textFormat() == Qt.TextFormat.AutoText and "<" in w.text() and ">" in w.text()
            )
            key = None if rich else letter(w.text())  # "&nbsp;" is no letter; rich text has none
            if key is not None:
                buddy = w.buddy()
                if buddy is None:
                    out.append(f"{where}: label “{w.text()}” has a letter but no field")
                else:
                    target = _target(buddy)
                    if (
                        not isinstance(target, INPUTS)
                        or target.focusPolicy() == Qt.FocusPolicy.NoFocus
                    ):
                        out.append(
                            f"{where}: “{w.text()}” leads to a {type(target).__name__}, "
                            "not to a field that takes input"
                        )
                found.append((key, w.text()))
        elif isinstance(w, QAbstractButton):
            key = letter(w.text())
            if key is not None:
                found.append((key, w.text()))
        elif isinstance(w, QGroupBox):
            key = letter(w.title())
            if key is not None:
                found.append((key, w.title()))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                key = letter(w.tabText(i))
                if key is not None and w.isTabVisible(i):
                    found.append((key, w.tabText(i)))
        for key, text in found:
            seen.setdefault(key, []).append(text)
    for key, texts in seen.items():
        if len(texts) > 1:
            out.append(f"{where}: Alt+{key.upper()} is used by {texts}")
    return out


def states(w: QWidget) -> Iterator[str]:
    """Show each tab of each tab widget in turn (the letters of hidden tabs are inactive)."""
    yield "as opened"
    for tabs in w.findChildren(QTabWidget):
        if tabs.window() is not w.window():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            yield f"tab “{tabs.tabText(i)}”"


def test_the_checker_finds_what_the_issue_found(qtbot: QtBot) -> None:
    """Alt+W pointing at a container, and one letter used twice, are both caught."""
    from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

    w = QDialog()
    qtbot.addWidget(w)
    v = QVBoxLayout(w)
    container = QWidget()
    QHBoxLayout(container).addWidget(QLineEdit())
    when = QLabel("&Wanneer")
    when.setBuddy(container)
    next_contact, where = QLabel("&Volgend contact"), QLabel("&Vindplaats")
    next_contact.setBuddy(QLineEdit())
    where.setBuddy(QLineEdit())
    for x in (when, container, next_contact, where):
        v.addWidget(x)
    w.show()
    found = problems(w, "test")
    assert any("leads to a QWidget" in p for p in found)
    assert any("Alt+V" in p for p in found)


@pytest.mark.parametrize("name", catalogue_names())
def test_letters_are_unique_and_lead_to_input(qtbot: QtBot, ctx: Ctx, name: str) -> None:
    w = catalogue()[name](ctx)
    if w.parent() is None:
        qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    found: list[str] = []
    if isinstance(w, MainWindow):
        qtbot.waitUntil(lambda: w.screens.currentWidget() is w.shell, timeout=10_000)
        for index, page in enumerate(w.pages):
            w.go_to(index)
            QApplication.processEvents()
            found += problems(w, page.accessibleName())
        person = ctx.field.caseload.rows()[0].id
        with qtbot.waitSignal(w.person_file.loaded, timeout=10_000):
            w.open_person(person)
        for state in states(w.person_file):
            found += problems(w, f"person file, {state}")
        ctx.runner.wait_for_done()
        w.close()
    else:
        for state in states(w):
            found += problems(w, state)
        if isinstance(w, QDialog):
            w.done(QDialog.DialogCode.Rejected)
        else:
            w.close()
    assert not found, "\n".join(found)


def _reading_position(w: QWidget) -> tuple[int, int]:
    """Where a widget is in reading order: inside a scroll area, in its content's coordinates
    (scrolling moves everything alike); the buttons under it come after all of it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    parent = w.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    inner = parent.widget() if parent is not None else None
    if inner is not None and inner.isAncestorOf(w):
        p = w.mapTo(inner, QPoint(0, 0))
        return p.y(), p.x()
    p = w.mapTo(w.window(), QPoint(0, 0))
    return p.y() + 100_000, p.x()


FORMS = [n for n in catalogue_names() if n.endswith("Dialog")]


@pytest.mark.parametrize("name", FORMS)
def test_tab_follows_the_visual_order(qtbot: QtBot, ctx: Ctx, name: str) -> None:
    """Tab from the first field walks down the form, left to right on a row, never back up."""
    w = catalogue()[name](ctx)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    QApplication.processEvents()
    start = QApplication.focusWidget()
    if start is None or start.window() is not w:
        w.focusNextChild()
        start = QApplication.focusWidget()
    assert start is not None
    seen = [start]
    for _ in range(80):
        QTest.keyClick(seen[-1], Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now in seen:
            break
        seen.append(now)
    back = []
    tolerance = 12  # px: widgets on one row
    for a, b in itertools.pairwise(seen):
        (ay, ax), (by, bx) = _reading_position(a), _reading_position(b)
        wraps = isinstance(a.parentWidget(), QDialogButtonBox)  # from the buttons to the top
        if not wraps and (by < ay - tolerance or (abs(by - ay) <= tolerance and bx < ax)):
            names = [x.accessibleName() or type(x).__name__ for x in (a, b)]
            back.append(" → ".join(names))
    if isinstance(w, QDialog):
        w.done(QDialog.DialogCode.Rejected)
    assert not back, back
