"""Every window fits a field laptop: 1366 × 768 at 100 % and 1280 × 720 logical (150 % on full
HD). The main window and every dialog can be made at most 1280 × 700; what does not fit
scrolls within its page instead of pushing the status bar and the lock button off the screen."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.vault import CreatedVault
from app.views.main_window import MainWindow
from tests.views.conftest import FakeClock, open_main_window
from tests.views.windows import Ctx, catalogue, catalogue_names, uncovered

MAX_MINIMUM = QSize(1280, 700)
# Screens in logical pixels, less a task bar (40) and a title bar (30).
SCREENS = {"1366x768": QSize(1366, 768 - 70), "1280x720": QSize(1280, 720 - 70)}


def effective_minimum(w: QWidget) -> QSize:
    layout = w.layout()
    if layout is not None:
        layout.activate()
    hint = layout.totalMinimumSize() if layout is not None else w.minimumSizeHint()
    return w.minimumSize().expandedTo(hint)


def test_every_window_class_is_in_the_catalogue() -> None:
    assert not uncovered(), f"add these to tests/views/windows.py: {sorted(uncovered())}"


@pytest.mark.parametrize("name", catalogue_names())
def test_minimum_size_fits_a_laptop(qtbot: QtBot, ctx: Ctx, name: str) -> None:
    w = catalogue()[name](ctx)
    if w.parent() is None:
        qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    minimum = effective_minimum(w)
    assert minimum.width() <= MAX_MINIMUM.width(), f"{name} is at least {minimum.width()} wide"
    assert minimum.height() <= MAX_MINIMUM.height(), f"{name} is at least {minimum.height()} high"
    if isinstance(w, MainWindow):
        ctx.runner.wait_for_done()
        w.close()
    elif isinstance(w, QDialog):
        w.done(QDialog.DialogCode.Rejected)
    else:
        w.close()


def _inside(w: MainWindow, child: QWidget) -> bool:
    top_left = child.mapTo(w, QPoint(0, 0))
    return QRect(QPoint(0, 0), w.size()).contains(QRect(top_left, child.size()))


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_main_window_keeps_everything_on_a_small_screen(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
    screen: str,
) -> None:

    w = open_main_window(qtbot, created, gate, runner, clock, clock_now)
    assert w.minimumSize().width() <= MAX_MINIMUM.width()
    assert w.minimumSize().height() <= MAX_MINIMUM.height()
    assert effective_minimum(w).boundedTo(MAX_MINIMUM) == effective_minimum(w)
    w.resize(SCREENS[screen])
    QApplication.processEvents()
    assert w.size() == SCREENS[screen]
    for page in w.all_pages:
        w.page_stack.setCurrentWidget(page)
        QApplication.processEvents()
        need = page.minimumSizeHint()
        have = w.page_stack.size()
        assert need.width() <= have.width() and need.height() <= have.height(), (
            f"{page.accessibleName()} needs {need}, has {have}"
        )
        assert _inside(w, w.lock_button) and w.lock_button.isVisible()
        assert _inside(w, w.statusBar()) and w.statusBar().isVisible()
    w.close()


TARGET = 24  # px, WCAG 2.2 target size (minimum)


def small_targets(root: QWidget) -> list[str]:
    """Things to click that are smaller than 24 × 24 px, among what `root` shows."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QTabBar,
    )

    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.window() is not root.window():
            continue
        name = f"{type(w).__name__} “{w.accessibleName() or getattr(w, 'text', lambda: '')()}”"
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QAbstractSpinBox):
            parent = w.parent()
            if type(w).__name__ == "QToolButton" and isinstance(
                parent, QAbstractItemView | QTabBar | QLineEdit
            ):
                # Scroll arrows of views and tab bars, a field's calendar button: the keyboard
                # and the field itself (a full-size target) do the same (WCAG 2.5.8 exception).
                continue
            if isinstance(w, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
                continue  # the text part of a spin box: the spin box is the target
            if w.height() < TARGET or w.width() < TARGET:
                out.append(f"{name}: {w.width()}×{w.height()}")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabRect(i).height() < TARGET:
                    out.append(f"tab “{w.tabText(i)}”: {w.tabRect(i).height()} high")
        elif isinstance(w, QListWidget) and w.count():
            item = w.item(0)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                height = w.visualItemRect(item).height()
                if height < TARGET:
                    out.append(f"{name}: rows {height} high")
    return out


@pytest.mark.parametrize("name", catalogue_names())
def test_hit_targets_are_at_least_24_px(qtbot: QtBot, ctx: Ctx, name: str) -> None:
    w = catalogue()[name](ctx)
    if w.parent() is None:
        qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    found = []
    if isinstance(w, MainWindow):
        qtbot.waitUntil(lambda: w.screens.currentWidget() is w.shell, timeout=10_000)
        for index, page in enumerate(w.pages):
            w.go_to(index)
            QApplication.processEvents()
            found += [f"{page.accessibleName()}: {p}" for p in small_targets(w)]
        ctx.runner.wait_for_done()
        w.close()
    else:
        found = small_targets(w)
        if isinstance(w, QDialog):
            w.done(QDialog.DialogCode.Rejected)
        else:
            w.close()
    assert not found, "\n".join(sorted(set(found)))
