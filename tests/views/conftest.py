"""GUI tests: offscreen Qt, Dutch translations loaded, a real vault with a fast KDF."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.vault import VaultService

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from app.services.vault import CreatedVault
    from app.views.main_window import MainWindow

# The offscreen platform says this once per window; it is not a problem of ours.
OFFSCREEN_NOISE = r"This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/views" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session", autouse=True)
def dutch_ui(qapp: QApplication) -> Iterator[None]:
    from app.qt.compat import install_true_refcount_guard
    from app.qt.fonts import apply_app_font
    from app.qt.i18n import install_translators
    from app.qt.theme import apply_theme

    install_true_refcount_guard()

    translators = install_translators(qapp)
    apply_app_font(qapp)
    apply_theme(qapp, dark=False)
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait_for_done()
    qapp.processEvents()


@pytest.fixture
def gate(vault_service: VaultService) -> VaultGate:
    return VaultGate.wrap(vault_service)


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a sighted user could read in `root` right now."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
    )

    texts: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            texts.append(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QListWidget):
            texts.extend(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            root = QModelIndex()
            for r in range(m.rowCount(root)):
                for c in range(m.columnCount(root)):
                    texts.append(str(m.data(m.index(r, c)) or ""))
    return [t for t in texts if t]


def open_main_window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    clock_now: list[datetime],
) -> MainWindow:
    """A MainWindow on the test vault, its field clock following `clock_now`, shown and ready."""
    from app.services.field import FieldServices
    from app.views.main_window import MainWindow

    w = MainWindow(
        created.vault,
        gate,
        runner,
        clock=clock,
        idle_check_ms=10_000,
        field_factory=lambda v: FieldServices(v, now=lambda: clock_now[0]),
    )
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.unlocked):
        w.show()
    qtbot.waitExposed(w)
    return w


# --- every window, on a small demo vault (tests/views/windows.py) ---------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[VaultService, Any, Any]]:
    from tests.views.windows import demo_vault

    service, vault, field = demo_vault(tmp_path_factory.mktemp("windows"))
    yield service, vault, field
    vault.lock()


@pytest.fixture
def ctx(qtbot: QtBot, demo: tuple[VaultService, Any, Any], runner: TaskRunner) -> Any:
    """What building any window of the catalogue needs (tests.views.windows.Ctx)."""
    from app.views.discreet import Discretion
    from tests.views.windows import Ctx

    service, vault, field = demo
    parent = QWidget()
    qtbot.addWidget(parent)
    return Ctx(service, vault, field, runner, VaultGate.wrap(service), Discretion(parent), parent)
