"""Background sync: every N minutes while enrolled and unlocked, on demand, with backoff.

One `SyncScheduler` per main window. `start(service, minutes)` on unlock, `stop()` on lock.
Every sync runs on the task runner (network calls too), never two at once. When the store is
unreachable the next attempt waits 1, 2, 4 … 30 minutes; a success resets that. The clock is
injected (wall-clock seconds, for "opnieuw om HH:MM") and a timer compares it with the next
due time every `check_interval_ms`; tests move a fake clock and call `check()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.qt.tasks import TaskRunner

log = logging.getLogger(__name__)

Clock = Callable[[], float]

DEFAULT_INTERVAL_MINUTES = 10
MIN_INTERVAL_MINUTES = 1
MAX_INTERVAL_MINUTES = 240
INTERVAL_SETTING = "sync_interval_minutes"
BACKOFF_MAX_MINUTES = 30
FIRST_SYNC_DELAY_S = 5.0

# Phases of `SyncState.phase`.
OFF = "off"  # locked, or not enrolled with a central store
IDLE = "idle"  # enrolled; the last sync worked (or none yet)
SYNCING = "syncing"
OFFLINE = "offline"  # the store could not be reached; a retry is planned
ERROR = "error"  # the store refused or something is wrong; `message` says what to do
CONFIRM = "confirm"  # a mass deletion waits for the worker's confirmation

# Error codes after which automatic syncing pauses until the worker acts.
_PAUSING = frozenset({"revoked", "mass_deletion", "not_enrolled", "unknown_device"})


def backoff_minutes(failures: int) -> int:
    """1, 2, 4, 8, 16, 30, 30 … minutes after the 1st, 2nd, 3rd … failure in a row."""
    if failures <= 0:
        return 0
    return int(min(2 ** (failures - 1), BACKOFF_MAX_MINUTES))


@dataclass(frozen=True)
class SyncState:
    phase: str
    status: Any = None  # app.services.sync.SyncStatus (or None before it is known)
    message: str = ""  # the Dutch message of the last error (what to do)
    code: str = ""
    retry_at: float | None = None  # wall-clock seconds of the next automatic attempt
    report: Any = None  # the last SyncReport

    @property
    def enrolled(self) -> bool:
        return bool(self.status is not None and getattr(self.status, "enrolled", False))


@dataclass(frozen=True)
class _Result:
    report: Any
    status: Any
    error: BaseException | None


class SyncScheduler(QObject):
    """Runs `service.sync_once()` on the runner at the right times.

    `state_changed(SyncState)` after every change; `synced(report)` after a sync worked;
    `failed(exception)` after one did not. The service is anything with `sync_once` and
    `status` (app.services.sync.SyncService).
    """

    state_changed = Signal(object)
    synced = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        clock: Clock = time.time,
        check_interval_ms: int = 15_000,
        first_delay_s: float = FIRST_SYNC_DELAY_S,
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
        self._state = SyncState(OFF)
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

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
        self._timer.start()
        self.refresh_status()

    def stop(self) -> None:
        """Locked: no more syncs; a sync still running finishes on the runner, unseen."""
        self._generation += 1
        self._service = None
        self._timer.stop()
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

    def sync_now(self, *, confirm_mass_deletion: bool = False) -> bool:
        """Start a sync at once; False when locked or when one is already running."""
        service, generation = self._service, self._generation
        if service is None or self._running:
            return False
        self._running = True
        self._paused = False
        self._set(replace(self._state, phase=SYNCING, retry_at=None))

        def work() -> _Result:
            report = error = None
            try:
                report = service.sync_once(confirm_mass_deletion=confirm_mass_deletion)
            except Exception as exc:  # reported to the GUI thread as a value, with the status
                error = exc
            try:
                status = service.status()
            except Exception:
                status = None
            return _Result(report, status, error)

        def done(result: _Result) -> None:
            if generation != self._generation:
                return
            self._running = False
            if result.error is None:
                self._succeeded(result)
            else:
                self._failed(result)

        def crashed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._running = False
            self._failed(_Result(None, None, exc))

        self._runner.submit(work, done, crashed, owner=self)
        return True

    def _succeeded(self, result: _Result) -> None:
        self._failures = 0
        self._due = self._clock() + self._interval_s
        status = result.status if result.status is not None else self._state.status
        self._set(SyncState(IDLE, status, retry_at=self._due, report=result.report))
        self.synced.emit(result.report)

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
        elif code == "mass_deletion":
            phase = CONFIRM
            self._paused = True
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
        self._state = state
        self.state_changed.emit(state)
