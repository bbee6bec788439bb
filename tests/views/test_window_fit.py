"""Every window fits a field laptop: 1366 × 768 at 100 % and 1280 × 720 logical (150 % on full
HD). The main window and every dialog can be made at most 1280 × 700; what does not fit
scrolls within its page instead of pushing the status bar and the lock button off the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.services.vault import OpenVault, VaultService
from app.views.discreet import Discretion
from app.views.main_window import MainWindow
from tests.views.windows import Ctx, catalogue, catalogue_names, demo_vault, uncovered

MAX_MINIMUM = QSize(1280, 700)
# Screens in logical pixels, less a task bar (40) and a title bar (30).
SCREENS = {"1366x768": QSize(1366, 768 - 70), "1280x720": QSize(1280, 720 - 70)}


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[VaultService, OpenVault, FieldServices]]:
    service, vault, field = demo_vault(Path(tmp_path_factory.mktemp("fit")))
    yield service, vault, field
    vault.lock()


@pytest.fixture
def ctx(
    qtbot: QtBot, demo: tuple[VaultService, OpenVault, FieldServices], runner: TaskRunner
) -> Ctx:
    service, vault, field = demo
    parent = QWidget()
    qtbot.addWidget(parent)
    return Ctx(service, vault, field, runner, VaultGate.wrap(service), Discretion(parent), parent)


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
    created,
    gate: VaultGate,
    runner: TaskRunner,
    clock,
    clock_now,
    screen: str,  # type: ignore[no-untyped-def]
) -> None:
    from tests.views.conftest import open_main_window

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
