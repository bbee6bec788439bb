"""Progress and the Stop button for long syncs: a fake service reports progress from the
runner's thread and waits, batch by batch, for what the test tells it; the status bar shows a
determinate bar with Dutch text, Stop ends the sync without counting as a failure, and the next
sync works."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.qt.sync_scheduler import IDLE, SYNCING, SyncScheduler, SyncState
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.services.field import FieldServices
from app.services.vault import CreatedVault
from app.sync.engine import SyncProgress, SyncReport
from app.sync.errors import SyncCancelled
from app.sync.service import SyncStatus
from app.sync.transport import Unreachable
from app.views.main_window import MainWindow
from app.views.sync.status import SyncStatusWidget, describe
from tests.views.conftest import FakeClock

NOW = datetime(2026, 11, 20, 10, 30)
TIMEOUT = 10_000
BATCH_S = 0.01  # how long the fake's "batch" lasts before it asks `should_stop` again
GIVE_UP_S = 30.0  # a fake left waiting by a failed test ends by itself

RELEASE = "release"


class SteppedService:
    """`sync_once` runs on the runner: it reports each SyncProgress the test puts in `steps`,
    and between "batches" asks `should_stop` (raising SyncCancelled, like the real service),
    until the test puts RELEASE (the pass then succeeds) or an exception (raised)."""

    def __init__(self) -> None:
        self.steps: queue.Queue[object] = queue.Queue()
        self.calls: list[dict[str, object]] = []
        self.stopped = threading.Event()  # set when a pass ended because should_stop said so
        self.pending = 3

    def sync_once(
        self,
        *,
        confirm_mass_deletion: bool = False,
        confirm_purges: tuple[str, ...] = (),
        progress: Callable[[SyncProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        assert progress is not None and should_stop is not None
        self.calls.append({"confirm": confirm_mass_deletion, "stop_at_start": should_stop()})
        deadline = time.monotonic() + GIVE_UP_S
        while time.monotonic() < deadline:
            if should_stop():
                self.stopped.set()
                raise SyncCancelled()
            try:
                step = self.steps.get(timeout=BATCH_S)
            except queue.Empty:
                continue
            if step == RELEASE:
                self.pending = 0
                return SyncReport(pushed=3)
            if isinstance(step, BaseException):
                raise step
            if isinstance(step, list):  # a burst, reported as fast as possible
                for p in step:
                    progress(p)
            else:
                assert isinstance(step, SyncProgress)
                progress(step)
        raise TimeoutError("the test never released the fake sync")

    def status(self) -> SyncStatus:
        return SyncStatus(
            enrolled=True,
            server_url="https://opslag.test",
            role="worker",
            teams=(("t", "Team Noord"),),
            home_team_id="t",
            last_sync_at=None,
            pending_changes=self.pending,
            open_conflicts=0,
            has_team_key=True,
        )

    def close(self) -> None:
        return None


@pytest.fixture
def wall() -> FakeClock:
    return FakeClock(time.time())


@pytest.fixture
def service() -> Iterator[SteppedService]:
    s = SteppedService()
    yield s
    s.steps.put(RELEASE)  # never leave the runner waiting on a failed test


@pytest.fixture
def window(
    qtbot: QtBot,
    created: CreatedVault,
    gate: VaultGate,
    runner: TaskRunner,
    clock: FakeClock,
    wall: FakeClock,
    service: SteppedService,
) -> Iterator[MainWindow]:
    w = MainWindow(
        created.vault,
        gate,
        runner,
        clock=clock,
        idle_check_ms=600_000,
        field_factory=lambda v: FieldServices(v, now=lambda: NOW),
        sync_clock=wall,
        sync_check_ms=600_000,
    )
    qtbot.addWidget(w)
    w.resize(1100, 720)
    with qtbot.waitSignal(w.unlocked):
        w.show()
    qtbot.waitExposed(w)
    s = w.scheduler
    s.start(service)  # instead of the window's own service (not enrolled)
    qtbot.waitUntil(lambda: s.state.phase == IDLE and s.state.enrolled, timeout=TIMEOUT)
    yield w
    service.steps.put(RELEASE)
    w.close()


def _start(qtbot: QtBot, w: MainWindow) -> None:
    with qtbot.waitSignal(w.scheduler.state_changed, timeout=TIMEOUT) as started:
        assert w.scheduler.sync_now()
    assert started.args[0].phase == SYNCING


def test_the_bar_follows_pushing_and_pulling_with_dutch_text(
    qtbot: QtBot, window: MainWindow, service: SteppedService
) -> None:
    w, bar, status = window, window.sync_status.bar, window.sync_status
    idle_height = w.statusBar().sizeHint().height()
    _start(qtbot, w)
    assert status.text() == "Synchroniseren…"
    assert bar.isVisible() and bar.maximum() == 0  # busy: nothing known yet
    assert status.stop_button.isVisible() and status.stop_button.isEnabled()
    assert not status.sync_button.isVisible()
    assert status.stop_button.text() == "Stoppen"
    assert status.stop_button.accessibleName() == "Synchroniseren stoppen"
    assert "volgende synchronisatie" in status.stop_button.toolTip()

    service.steps.put(SyncProgress("push", 0, 0))
    qtbot.waitUntil(lambda: status.text() == "Wijzigingen versturen…", timeout=TIMEOUT)
    assert bar.maximum() == 0  # total unknown: still indeterminate

    with qtbot.waitSignal(w.scheduler.progress_changed, timeout=TIMEOUT) as got:
        service.steps.put(SyncProgress("push", 1234, 5000))
    assert got.args[0] == SyncProgress("push", 1234, 5000)
    qtbot.waitUntil(
        lambda: status.text() == "Wijzigingen versturen… 1.234 van 5.000", timeout=TIMEOUT
    )
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 100, 24)
    assert bar.accessibleDescription() == "24% klaar"

    service.steps.put(SyncProgress("pull", 0, 0))
    qtbot.waitUntil(lambda: status.text() == "Wijzigingen ontvangen…", timeout=TIMEOUT)
    assert bar.maximum() == 0

    service.steps.put(SyncProgress("pull", 450, 1000))
    qtbot.waitUntil(lambda: status.text() == "Wijzigingen ontvangen… 45%", timeout=TIMEOUT)
    assert (bar.maximum(), bar.value()) == (100, 45)
    assert w.scheduler.state.progress == SyncProgress("pull", 450, 1000)
    assert "verder werken" in status.label.toolTip()
    # The status bar stays one compact line while syncing.
    assert w.statusBar().sizeHint().height() <= idle_height
    assert status.sizeHint().width() < w.width() // 2

    # The scheduler's state keeps the progress, so showing the state again keeps it on screen.
    status.show_state(w.scheduler.state)
    assert status.text() == "Wijzigingen ontvangen… 45%" and bar.value() == 45

    with qtbot.waitSignal(w.scheduler.synced, timeout=TIMEOUT):
        service.steps.put(RELEASE)
    assert w.scheduler.state.phase == IDLE and w.scheduler.state.progress is None
    assert not bar.isVisible() and not status.stop_button.isVisible()
    assert status.sync_button.isVisible() and status.sync_button.isEnabled()
    assert status.text() == "Nog niet gesynchroniseerd"


def test_stop_ends_the_sync_without_a_failure_and_the_next_sync_works(
    qtbot: QtBot, window: MainWindow, service: SteppedService, wall: FakeClock
) -> None:
    w, s, status = window, window.scheduler, window.sync_status
    failures: list[object] = []
    s.failed.connect(failures.append)
    _start(qtbot, w)
    service.steps.put(SyncProgress("pull", 300, 1000))
    qtbot.waitUntil(lambda: status.text() == "Wijzigingen ontvangen… 30%", timeout=TIMEOUT)

    with qtbot.waitSignal(s.cancelled, timeout=TIMEOUT) as stopped:
        qtbot.mouseClick(status.stop_button, Qt.MouseButton.LeftButton)
        assert s.state.stopping and status.text() == "Bezig met stoppen…"
        assert not status.stop_button.isEnabled()
    assert isinstance(stopped.args[0], SyncCancelled) and service.stopped.is_set()
    state = s.state
    assert state.phase == IDLE and state.code == "cancelled" and not s.running
    assert failures == [] and s.failures == 0  # not a failure: no backoff
    assert s.next_attempt_at == pytest.approx(wall() + s.interval_minutes * 60)
    assert state.retry_at == s.next_attempt_at  # not paused
    assert status.text() == "Synchronisatie gestopt · 3 wijzigingen wachten"
    assert "gaat verder waar deze stopte" in status.label.toolTip()
    assert status.sync_button.isVisible() and not status.stop_button.isVisible()
    assert not status.bar.isVisible()
    assert s.stop_sync() is False  # nothing left to stop

    # The next sync, on demand, starts afresh and succeeds.
    _start(qtbot, w)
    assert status.text() == "Synchroniseren…" and status.stop_button.isEnabled()
    with qtbot.waitSignal(s.synced, timeout=TIMEOUT):
        service.steps.put(RELEASE)
    assert [c["stop_at_start"] for c in service.calls] == [False, False]
    assert s.state.phase == IDLE and s.state.code == "" and failures == []
    assert status.text() == "Nog niet gesynchroniseerd"

    # And the one after that is planned at the normal interval, by the timer.
    wall.advance(s.interval_minutes * 60)
    with qtbot.waitSignal(s.synced, timeout=TIMEOUT):
        s.check()
        assert s.running
        service.steps.put(RELEASE)
    assert len(service.calls) == 3


@pytest.mark.allow_logs("sync failed")
def test_stopping_after_offline_keeps_the_backoff_count(
    qtbot: QtBot, window: MainWindow, service: SteppedService
) -> None:
    s = window.scheduler
    _start(qtbot, window)
    with qtbot.waitSignal(s.failed, timeout=TIMEOUT):
        service.steps.put(Unreachable())
    assert s.failures == 1
    _start(qtbot, window)
    with qtbot.waitSignal(s.cancelled, timeout=TIMEOUT):
        assert s.stop_sync()
    assert s.failures == 1 and s.state.phase == IDLE  # stopping is not another failure


def test_a_burst_of_progress_is_throttled_and_the_last_report_arrives(
    qtbot: QtBot, window: MainWindow, service: SteppedService
) -> None:
    s, status = window.scheduler, window.sync_status
    seen: list[SyncProgress] = []
    s.progress_changed.connect(seen.append)
    _start(qtbot, window)
    burst = [SyncProgress("pull", i, 2000) for i in range(1, 2001)]
    service.steps.put(burst)
    qtbot.waitUntil(lambda: s.state.progress == burst[-1], timeout=TIMEOUT)
    assert status.text() == "Wijzigingen ontvangen… 100%" and status.bar.value() == 100
    assert 1 <= len(seen) <= 20 and seen[-1] == burst[-1]
    assert seen == sorted(seen, key=lambda p: p.done)  # never back in time
    with qtbot.waitSignal(s.synced, timeout=TIMEOUT):
        service.steps.put(RELEASE)


def test_locking_asks_a_running_sync_to_stop(
    qtbot: QtBot, window: MainWindow, service: SteppedService
) -> None:
    s = window.scheduler
    cancelled: list[object] = []
    s.cancelled.connect(cancelled.append)
    _start(qtbot, window)
    with qtbot.waitSignal(window.locked, timeout=TIMEOUT):
        window.lock()
    qtbot.waitUntil(service.stopped.is_set, timeout=TIMEOUT)
    assert s.state.phase == "off" and not s.running
    assert cancelled == []  # ended unseen: the window is locked


def test_a_standalone_scheduler_delivers_progress_to_the_widget(
    qtbot: QtBot, runner: TaskRunner, service: SteppedService
) -> None:
    """The scheduler and widget wired as the main window does, without a vault."""
    scheduler = SyncScheduler(runner, check_interval_ms=600_000, progress_interval_ms=0)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    scheduler.state_changed.connect(widget.show_state)
    scheduler.progress_changed.connect(widget.show_progress)
    widget.stop_requested.connect(scheduler.stop_sync)
    widget.show()
    scheduler.start(service)
    qtbot.waitUntil(lambda: scheduler.state.enrolled, timeout=TIMEOUT)
    assert scheduler.sync_now()
    assert scheduler.sync_now() is False  # never two at once
    service.steps.put(SyncProgress("push", 2, 3))
    qtbot.waitUntil(lambda: widget.text() == "Wijzigingen versturen… 2 van 3", timeout=TIMEOUT)
    with qtbot.waitSignal(scheduler.cancelled, timeout=TIMEOUT):
        widget.stop_button.click()
    assert widget.text().startswith("Synchronisatie gestopt")
    scheduler.stop()
    assert not widget.isVisible()


def test_describe_the_running_sync() -> None:
    status = SteppedService().status()
    syncing = SyncState(SYNCING, status)

    def text(progress: SyncProgress | None, stopping: bool = False) -> str:
        return describe(SyncState(SYNCING, status, progress=progress, stopping=stopping))[0]

    assert describe(syncing)[0] == "Synchroniseren…"
    assert text(SyncProgress("push", 12, 0)) == "Wijzigingen versturen…"
    assert text(SyncProgress("push", 9, 8)) == "Wijzigingen versturen… 8 van 8"
    assert (
        text(SyncProgress("push", 12345, 1000000)) == "Wijzigingen versturen… 12.345 van 1.000.000"
    )
    assert text(SyncProgress("pull", 1, 3)) == "Wijzigingen ontvangen… 33%"
    assert text(SyncProgress("pull", 7, 3)) == "Wijzigingen ontvangen… 100%"
    assert text(SyncProgress("other", 1, 3)) == "Synchroniseren…"
    assert text(SyncProgress("pull", 1, 3), stopping=True) == "Bezig met stoppen…"
