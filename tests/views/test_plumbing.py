"""The Qt plumbing: task runner, idle watcher, fonts."""

from __future__ import annotations

import threading
from functools import partial

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.qt.idle import IdleWatcher
from app.qt.tasks import TaskRunner
from tests.views.conftest import FakeClock


def test_runner_runs_off_the_gui_thread_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    main = threading.get_ident()
    seen: list[tuple[str, int]] = []
    delivered: list[tuple[int, int]] = []

    def deliver(result: int) -> None:
        delivered.append((result, threading.get_ident()))

    def job(n: int) -> int:
        seen.append(("job", threading.get_ident()))
        return n

    with qtbot.waitSignal(runner.idle):
        for n in range(5):
            runner.submit(partial(job, n), deliver)
    assert [r for r, _ in delivered] == [0, 1, 2, 3, 4]
    assert all(t == main for _, t in delivered)
    assert all(t != main for _, t in seen)
    assert len({t for _, t in seen}) == 1  # one worker thread


def test_runner_delivers_errors_and_busy_state(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    states: list[bool] = []
    runner.busy_changed.connect(states.append)

    def boom() -> None:
        raise ValueError("nee")

    with qtbot.waitSignal(runner.idle):
        runner.submit(boom, None, errors.append)
    assert isinstance(errors[0], ValueError)
    assert states == [True, False]
    assert not runner.busy


def test_runner_skips_callbacks_of_deleted_owners(qtbot: QtBot, runner: TaskRunner) -> None:
    from PySide6.QtWidgets import QWidget

    called: list[int] = []
    owner = QWidget()
    runner.submit(lambda: 1, called.append, owner=owner)
    import shiboken6

    shiboken6.delete(owner)
    qtbot.waitUntil(lambda: not runner.busy)
    assert called == []


def test_idle_watcher_uses_the_injected_clock(qtbot: QtBot, clock: FakeClock) -> None:
    w = IdleWatcher(clock=clock, check_interval_ms=5)
    w.start(60)
    assert w.running
    clock.advance(59)
    # Input anywhere in the app counts as activity.
    QApplication.sendEvent(
        QApplication.instance(),
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    )
    assert w.seconds_idle() == 0
    with qtbot.waitSignal(w.idle):
        clock.advance(60)
    assert not w.running


def test_fonts_are_bundled_and_registered(qapp: QApplication) -> None:
    from app.documents import fonts as pdf_fonts
    from app.qt import fonts

    fonts.register_fonts()
    assert "DejaVu Sans" in QFontDatabase.families()
    assert qapp.font().family() == "DejaVu Sans"
    pdf_fonts.register_fonts()
    pdf_fonts.register_fonts()  # idempotent
    from reportlab.pdfbase import pdfmetrics

    assert pdf_fonts.REGULAR in pdfmetrics.getRegisteredFontNames()
    assert pdf_fonts.BOLD in pdfmetrics.getRegisteredFontNames()


@pytest.mark.parametrize(
    "iso, shown",
    [
        ("2026-03-01T23:30:00", "01/03/2026 23:30"),
        ("nonsense", "nonsense"),
    ],
)
def test_timestamps_are_dd_mm_yyyy(iso: str, shown: str) -> None:
    from app.views.formatting import format_timestamp

    assert format_timestamp(iso) == shown
