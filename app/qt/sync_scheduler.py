"""Background sync: every N minutes while enrolled and unlocked, on demand, with backoff.

One `SyncScheduler` per main window. `start(service, minutes)` on unlock, `stop()` on lock.
Every sync runs on the network lane (`runner.network`), never two at once; each of its vault
steps (reading a push batch, marking it acknowledged, applying a slice of a pulled page,
re-indexing a few people) takes a short turn on the vault lane (`runner.turn`, given to the
service with `use_vault_lane`), so saves, searches and person files go between them while a
long first sync runs. When the store is
unreachable the next attempt waits 1, 2, 4 … 30 minutes; a success resets that. The clock is
injected (wall-clock seconds, for "opnieuw om HH:MM") and a timer compares it with the next
due time every `check_interval_ms`; tests move a fake clock and call `check()`.

While a sync runs, the service reports progress from the network lane's thread; the latest report
reaches the GUI thread through a queued signal and is shown at most `progress_interval_ms`
apart (the last one always arrives). `stop_sync()` asks the running pass to stop between
batches: a stopped sync is not a failure (no backoff, no pause); what it applied stays and the
next sync, at the normal interval, resumes.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from app.qt.tasks import TaskRunner
from app.settings import SYNC_INTERVAL_MINUTES

log = logging.getLogger(__name__)

Clock = Callable[[], float]

DEFAULT_INTERVAL_MINUTES = SYNC_INTERVAL_MINUTES.default
MIN_INTERVAL_MINUTES = SYNC_INTERVAL_MINUTES.minimum
MAX_INTERVAL_MINUTES = SYNC_INTERVAL_MINUTES.maximum
BACKOFF_MAX_MINUTES = 30
FIRST_SYNC_DELAY_S = 5.0
PROGRESS_INTERVAL_MS = 100  # at most ten progress updates a second reach the GUI
CANCELLED = "cancelled"  # SyncCancelled.code: the worker stopped the sync

# Phases of `SyncState.phase`.
OFF = "off"  # locked, or not enrolled with a central store
IDLE = "idle"  # enrolled; the last sync worked (or none yet)
SYNCING = "syncing"
OFFLINE = "offline"  # the store could not be reached; a retry is planned
ERROR = "error"  # the store refused or something is wrong; `message` says what to do
CONFIRM = "confirm"  # a mass deletion or a large pulled purge waits for the worker

# Error codes after which automatic syncing pauses until the worker acts.
_PAUSING = frozenset(
    {"revoked", "mass_deletion", "purge_pending", "not_enrolled", "unknown_device", "untrusted"}
)
_CONFIRMING = frozenset({"mass_deletion", "purge_pending"})


def backoff_minutes(failures: int) -> int:
    """1, 2, 4, 8, 16, 30, 30 … minutes after the 1st, 2nd, 3rd … failure in a row."""
    if failures <= 0:
        return 0
    return int(min(2 ** (failures - 1), BACKOFF_MAX_MINUTES))


@dataclass(frozen=True)
class SyncState:
    phase: str
    status: Any = None  # app.sync.service.SyncStatus (or None before it is known)
    message: str = ""  # the Dutch message of the last error (what to do)
    code: str = ""
    retry_at: float | None = None  # wall-clock seconds of the next automatic attempt
    report: Any = None  # the last SyncReport
    progress: Any = None  # while syncing: the latest app.sync.engine.SyncProgress, if any
    stopping: bool = False  # while syncing: the worker asked to stop; waiting for the batch

    @property
    def enrolled(self) -> bool:
        return bool(self.status is not None and getattr(self.status, "enrolled", False))


@dataclass(frozen=True)
class _Result:
    report: Any
    status: Any
    error: BaseException | None


class SyncScheduler(QObject):
    """Runs `service.sync_once()` on the network lane at the right times.

    `state_changed(SyncState)` after every change; `synced(report)` after a sync worked;
    `failed(exception)` after one did not; `cancelled(exception)` after the worker stopped one
    (`SyncCancelled`; not a failure). `progress_changed(SyncProgress)` while a sync runs,
    throttled; `state.progress` holds the latest. The service is anything with `sync_once`
    (taking `confirm_mass_deletion`, `confirm_purges`, `progress` and `should_stop`) and `status`
    (app.sync.service.SyncService).
    """

    state_changed = Signal(object)
    synced = Signal(object)
    failed = Signal(object)
    cancelled = Signal(object)
    progress_changed = Signal(object)
    # Worker thread → GUI thread (queued): "a newer progress report is waiting". No argument;
    # the report itself is handed over under a lock so a burst becomes one delivery.
    _progress_posted = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        *,
        clock: Clock = time.time,
        check_interval_ms: int = 15_000,
        first_delay_s: float = FIRST_SYNC_DELAY_S,
        progress_interval_ms: int = PROGRESS_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._first_delay = first_delay_s
        self._service: Any = None
        self._generation = 0
        self._interval_s = DEFAULT_INTERVAL_MINUTES * 60.0
        self._due: float | None = None
        self._running = False
        self._failures = 0
        self._paused = False
        self.pending_purges: tuple[str, ...] = ()  # large pulled purges awaiting the worker
        self._state = SyncState(OFF)
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        self._stop_event: threading.Event | None = None  # the running sync's stop flag
        # Progress hand-over: written by the worker, read on the GUI thread.
        self._progress_lock = threading.Lock()
        self._latest_progress: tuple[int, Any] | None = None  # (generation, SyncProgress)
        self._progress_posted_pending = False
        self._progress_interval_s = max(0, progress_interval_ms) / 1000.0
        self._progress_shown_at = float("-inf")  # time.monotonic() of the last update shown
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._show_latest_progress)
        self._progress_posted.connect(self._progress_arrived)

    # --- properties ----------------------------------------------------------------------------
    @property
    def state(self) -> SyncState:
        return self._state

    @property
    def running(self) -> bool:
        return self._running

    @property
    def active(self) -> bool:
        return self._service is not None

    @property
    def failures(self) -> int:
        return self._failures

    @property
    def next_attempt_at(self) -> float | None:
        return None if self._paused else self._due

    @property
    def interval_minutes(self) -> int:
        return int(self._interval_s // 60)

    # --- life cycle ----------------------------------------------------------------------------
    def start(self, service: Any, interval_minutes: int = DEFAULT_INTERVAL_MINUTES) -> None:
        """The vault is unlocked: read the status, then sync soon if enrolled."""
        self._generation += 1
        self._service = service
        self._interval_s = float(max(MIN_INTERVAL_MINUTES, interval_minutes)) * 60.0
        self._failures = 0
        self._paused = False
        self._running = False
        self._due = self._clock() + self._first_delay
        share = getattr(service, "use_vault_lane", None)
        if callable(share):
            share(self._runner.turn)
        self._timer.start()
        self.refresh_status()

    def stop(self) -> None:
        """Locked: no more syncs; a sync still running is asked to stop at its next batch
        (so the lock queued behind it need not wait for a long sync) and ends unseen."""
        self._generation += 1
        self._service = None
        self._timer.stop()
        self._progress_timer.stop()
        if self._stop_event is not None:
            self._stop_event.set()
            self._stop_event = None
        self._running = False
        self._due = None
        self._failures = 0
        self._set(SyncState(OFF))

    def set_interval(self, minutes: int) -> None:
        self._interval_s = float(max(MIN_INTERVAL_MINUTES, minutes)) * 60.0
        if self._service is not None and self._failures == 0 and not self._running:
            self._due = self._clock() + self._interval_s
            self._set(replace(self._state, retry_at=self.next_attempt_at))

    # --- status --------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        """Re-read the status (pending changes, conflicts) without syncing."""
        service, generation = self._service, self._generation
        if service is None:
            return

        def shown(status: Any) -> None:
            if generation != self._generation:
                return
            if not getattr(status, "enrolled", False):
                self._set(SyncState(OFF, status))
            elif self._state.phase == OFF:
                self._set(SyncState(IDLE, status, retry_at=self.next_attempt_at))
            else:
                self._set(replace(self._state, status=status))

        def failed(exc: BaseException) -> None:
            log.warning("sync status not read: %s", type(exc).__name__)

        self._runner.submit(service.status, shown, failed, owner=self)

    # --- syncing -------------------------------------------------------------------------------
    def check(self) -> None:
        """Timer slot: start a sync when one is due (public so tests can drive it)."""
        if self._service is None or self._running or self._paused or self._due is None:
            return
        if not self._state.enrolled:
            return
        if self._clock() >= self._due:
            self.sync_now()

    def sync_now(
        self, *, confirm_mass_deletion: bool = False, confirm_purges: tuple[str, ...] = ()
    ) -> bool:
        """Start a sync at once; False when locked or when one is already running.
        `confirm_purges`: ids of large pulled purges the worker agreed to (`pending_purges`)."""
        service, generation = self._service, self._generation
        if service is None or self._running:
            return False
        self._running = True
        self._paused = False
        stop = threading.Event()
        self._stop_event = stop
        with self._progress_lock:
            self._latest_progress = None
        self._progress_timer.stop()
        self._progress_shown_at = float("-inf")
        self._set(replace(self._state, phase=SYNCING, retry_at=None, progress=None, stopping=False))
        report_progress = self._progress_reporter(generation)

        def work() -> _Result:
            report = error = None
            try:
                report = service.sync_once(
                    confirm_mass_deletion=confirm_mass_deletion,
                    confirm_purges=confirm_purges,
                    progress=report_progress,
                    should_stop=stop.is_set,
                )
            except Exception as exc:  # reported to the GUI thread as a value, with the status
                error = exc
            try:
                status = self._runner.call(service.status)
            except Exception:
                status = None
            return _Result(report, status, error)

        def done(result: _Result) -> None:
            if generation != self._generation:
                return
            self._finished()
            if result.error is None:
                self._succeeded(result)
            elif _is_cancelled(result.error):
                self._cancelled(result)
            else:
                self._failed(result)

        def crashed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._finished()
            self._failed(_Result(None, None, exc))

        self._runner.network.submit(work, done, crashed, owner=self)
        return True

    def stop_sync(self) -> bool:
        """Ask the running sync to stop after its current batch; False when none is running.

        The sync then ends with `SyncCancelled` (see `cancelled`); everything it already sent or
        applied stays."""
        stop = self._stop_event
        if not self._running or stop is None:
            return False
        if not stop.is_set():
            stop.set()
            self._set(replace(self._state, stopping=True))
        return True

    def _finished(self) -> None:
        self._running = False
        self._stop_event = None
        self._progress_timer.stop()
        with self._progress_lock:
            self._latest_progress = None

    # --- progress (worker thread → GUI thread) -------------------------------------------------
    def _progress_reporter(self, generation: int) -> Callable[[Any], None]:
        """The `progress` callback for one sync; runs on the network lane's thread."""

        def report(progress: Any) -> None:
            with self._progress_lock:
                self._latest_progress = (generation, progress)
                if self._progress_posted_pending:
                    return  # the GUI thread has not picked up the previous one: it takes this
                self._progress_posted_pending = True
            # RuntimeError: the window closed meanwhile and nobody is watching.
            if shiboken6.isValid(self):
                with contextlib.suppress(RuntimeError):
                    self._progress_posted.emit()

        return report

    def _progress_arrived(self) -> None:
        """GUI thread: a newer report waits; show it now or when the interval has passed."""
        with self._progress_lock:
            self._progress_posted_pending = False
        if self._progress_timer.isActive():
            return  # already planned; it shows whatever is latest then
        wait = self._progress_shown_at + self._progress_interval_s - time.monotonic()
        if wait > 0:
            self._progress_timer.start(max(1, int(wait * 1000 + 0.5)))
        else:
            self._show_latest_progress()

    def _show_latest_progress(self) -> None:
        with self._progress_lock:
            latest = self._latest_progress
        if latest is None or not self._running:
            return
        generation, progress = latest
        if generation != self._generation or progress == self._state.progress:
            return
        self._progress_shown_at = time.monotonic()
        self._state = replace(self._state, progress=progress)
        self.progress_changed.emit(progress)

    def _succeeded(self, result: _Result) -> None:
        self._failures = 0
        self._due = self._clock() + self._interval_s
        status = result.status if result.status is not None else self._state.status
        self._set(SyncState(IDLE, status, retry_at=self._due, report=result.report))
        self.synced.emit(result.report)

    def _cancelled(self, result: _Result) -> None:
        """The worker stopped it: no failure, no backoff, no pause; next one at the interval."""
        exc = result.error
        self._due = self._clock() + self._interval_s
        status = result.status if result.status is not None else self._state.status
        message = str(getattr(exc, "message", "") or "")
        log.info("sync stopped by the worker")
        self._set(SyncState(IDLE, status, message, CANCELLED, self.next_attempt_at))
        self.cancelled.emit(exc)

    def _failed(self, result: _Result) -> None:
        exc = result.error
        assert exc is not None
        code = str(getattr(exc, "code", "") or "")
        message = str(getattr(exc, "message", "") or "")
        status = result.status if result.status is not None else self._state.status
        now = self._clock()
        http_status = int(getattr(exc, "status", 0) or 0)
        phase = ERROR
        if code == "unreachable" or http_status >= 500:
            self._failures += 1
            self._due = now + backoff_minutes(self._failures) * 60.0
            phase = OFFLINE
        elif code == "rate_limited":
            self._due = now + max(1.0, float(getattr(exc, "retry_after", 60.0)))
        elif code in _CONFIRMING:
            phase = CONFIRM
            self._paused = True
            if code == "purge_pending":
                self.pending_purges = tuple(
                    str(getattr(p, "purge_id", "")) for p in getattr(exc, "purges", ())
                )
        elif code in _PAUSING:
            self._paused = True
        else:
            self._due = now + self._interval_s
        if not message:
            log.error("sync failed: %s", type(exc).__name__, exc_info=exc)
        elif code not in ("unreachable", "rate_limited"):
            log.warning("sync failed: %s", code or type(exc).__name__)
        self._set(SyncState(phase, status, message, code, self.next_attempt_at))
        self.failed.emit(exc)

    def _set(self, state: SyncState) -> None:
        if state.phase != SYNCING and (state.progress is not None or state.stopping):
            state = replace(state, progress=None, stopping=False)
        self._state = state
        self.state_changed.emit(state)


def _is_cancelled(exc: BaseException) -> bool:
    return str(getattr(exc, "code", "") or "") == CANCELLED
