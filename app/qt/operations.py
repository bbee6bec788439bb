"""The one operation helper: run work on a lane, show progress, report errors in Dutch, and
announce what a write changed so that screens refresh only that.

    run(runner, lambda: field.contacts.create(data), owner=self,
        changes=Changes.of(CONTACTS, AGREEMENTS, person=pid),
        report=self.feedback, failure=self.tr("Not saved."), busy=[self.save_button],
        done=self._saved)

- `work` runs on the vault lane (default) or the network lane (`lane=NETWORK`); never on the
  GUI thread.
- While it runs, the widgets in `busy` are disabled (a `BusyIndicator` is started instead).
- On success `changes` (or `changes(result)`) is announced on the runner's `ChangeBus` — even
  when the owner was closed meanwhile, because the write happened — then `done(result)` runs
  if the owner still exists, and `ok` (a Dutch sentence) goes to the status bar.
- On failure the error becomes one Dutch message: a `BrugfiguurError`'s own message, else
  `failure` (the unexpected error itself is logged, without personal data). It goes to
  `failed(exc)` when given, else to `report` (anything with `show_errors`), else to the status
  bar.

Long work (`run_long`) gets a `Progress` to report how far it is and to notice a cancel:
`Operation.cancel()` asks it to stop; work that stops raises `Cancelled` (or returns early) and
the operation ends with `cancelled` instead of an error. Progress reaches the GUI thread at most
every `interval_ms` (the last report always arrives), never as a flood of queued signals.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.errors import BrugfiguurError
from app.qt.changes import Changes
from app.qt.tasks import NETWORK, VAULT, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_INTERVAL_MS = 100

__all__ = [
    "NETWORK",
    "VAULT",
    "Cancelled",
    "Operation",
    "Progress",
    "ProgressReport",
    "message_for",
    "run",
    "run_long",
]


class ShowsErrors(Protocol):
    def show_errors(self, messages: list[str]) -> None: ...


class Cancelled(Exception):
    """Raised by `Progress.check()` when the operation was cancelled."""


@dataclass(frozen=True)
class ProgressReport:
    done: int
    total: int | None = None
    text: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


class Progress:
    """Handed to long work on its lane: `progress(done, total, text)` reports, `should_stop()`
    (pass it to services as their stop hook) or `check()` notice a cancel."""

    def __init__(self, op: Operation[Any]) -> None:
        self._op = op

    def __call__(self, done: int, total: int | None = None, text: str = "") -> None:
        self._op._post(ProgressReport(done, total, text))

    def report(self, report: ProgressReport) -> None:
        self._op._post(report)

    def should_stop(self) -> bool:
        return self._op._stop.is_set()

    def check(self) -> None:
        if self._op._stop.is_set():
            raise Cancelled


def message_for(exc: BaseException, failure: str | None = None) -> str:
    """The Dutch sentence to show for `exc`."""
    if isinstance(exc, BrugfiguurError):
        return exc.message
    return failure or QCoreApplication.translate(
        "Operations", "That did not work: something went wrong."
    )


class _Busy:
    """Disables widgets (or starts busy indicators) while an operation runs."""

    def __init__(self, widgets: Iterable[QWidget]) -> None:
        self._items: list[tuple[QWidget, bool]] = []
        for w in widgets:
            start = getattr(w, "start", None)
            if callable(start):
                start()
                self._items.append((w, True))
            else:
                self._items.append((w, w.isEnabled()))
                w.setEnabled(False)

    def release(self) -> None:
        for w, was in self._items:
            if not shiboken6.isValid(w):
                continue
            stop = getattr(w, "stop", None)
            if callable(stop):
                stop()
            else:
                w.setEnabled(was)
        self._items = []


class Operation(QObject, Generic[T]):
    """A running operation. `progressed(ProgressReport)` while it runs (long work only),
    `finished()` once it ended in any way; `cancel()` asks long work to stop."""

    progressed = Signal(object)
    finished = Signal()
    _posted = Signal()  # worker → GUI thread: a newer progress report waits

    def __init__(
        self,
        runner: TaskRunner,
        owner: QObject | None,
        *,
        done: Callable[[T], None] | None,
        changes: Changes | Callable[[T], Changes] | None,
        report: ShowsErrors | None,
        failure: str | None,
        failed: Callable[[BaseException], None] | None,
        cancelled: Callable[[], None] | None,
        ok: str | None,
        busy: Iterable[QWidget],
        interval_ms: int,
    ) -> None:
        super().__init__(runner)  # outlives the owner: the change is announced regardless
        self._runner = runner
        self._owner = owner
        self._done_cb = done
        self._changes = changes
        self._report = report
        self._failure = failure
        self._failed_cb = failed
        self._cancelled_cb = cancelled
        self._ok = ok
        self._busy = _Busy(busy)
        self._stop = threading.Event()
        self.running = True
        self.was_cancelled = False
        self._lock = threading.Lock()
        self._latest: ProgressReport | None = None
        self._pending = False
        self._interval_s = max(0, interval_ms) / 1000.0
        self._shown_at = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_latest)
        self._posted.connect(self._arrived)
        self.latest: ProgressReport | None = None

    # --- control -------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the work to stop at its next check; False when it already ended."""
        if not self.running:
            return False
        self._stop.set()
        return True

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    # --- progress (worker thread → GUI thread) -------------------------------------------------
    def _post(self, report: ProgressReport) -> None:
        with self._lock:
            self._latest = report
            if self._pending:
                return
            self._pending = True
        if shiboken6.isValid(self):
            # RuntimeError: the operation's lane is gone and nobody watches.
            with contextlib.suppress(RuntimeError):
                self._posted.emit()

    def _arrived(self) -> None:
        with self._lock:
            self._pending = False
        if self._timer.isActive():
            return
        wait = self._shown_at + self._interval_s - time.monotonic()
        if wait > 0:
            self._timer.start(max(1, int(wait * 1000 + 0.5)))
        else:
            self._show_latest()

    def _show_latest(self) -> None:
        with self._lock:
            latest = self._latest
        if latest is None or not self.running or latest == self.latest:
            return
        self._shown_at = time.monotonic()
        self.latest = latest
        if self._owner_alive():
            self.progressed.emit(latest)

    # --- outcome (GUI thread) ------------------------------------------------------------------
    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        self._busy.release()

    def _succeeded(self, result: T) -> None:
        self._end()
        try:
            changes = self._changes(result) if callable(self._changes) else self._changes
            if changes is not None:
                self._runner.changes.announce(changes)
            if self._owner_alive():
                if self._done_cb is not None:
                    self._done_cb(result)
                if self._ok:
                    self._runner.changes.notice.emit(self._ok)
        finally:
            self._finish()

    def _errored(self, exc: BaseException) -> None:
        self._end()
        try:
            if isinstance(exc, Cancelled) or (self._stop.is_set() and _is_stop(exc)):
                self.was_cancelled = True
                if self._owner_alive() and self._cancelled_cb is not None:
                    self._cancelled_cb()
                return
            if not isinstance(exc, BrugfiguurError):
                log.error("operation failed: %s", type(exc).__name__, exc_info=exc)
            if not self._owner_alive():
                return
            if self._failed_cb is not None:
                self._failed_cb(exc)
            elif self._report is not None and _alive(self._report):
                self._report.show_errors([message_for(exc, self._failure)])
            else:
                self._runner.changes.notice.emit(message_for(exc, self._failure))
        finally:
            self._finish()

    def _finish(self) -> None:
        self.finished.emit()
        self.deleteLater()


def _alive(obj: object) -> bool:
    return not isinstance(obj, QObject) or shiboken6.isValid(obj)


def _is_stop(exc: BaseException) -> bool:
    """A service's own "stopped on request" error (e.g. SyncCancelled: code 'cancelled')."""
    return str(getattr(exc, "code", "") or "") == "cancelled"


def _lane(runner: TaskRunner, lane: str) -> TaskRunner:
    if lane == NETWORK:
        return runner.network
    if lane != VAULT:
        raise ValueError(f"unknown lane {lane!r}")
    return runner


def run(
    runner: TaskRunner,
    work: Callable[[], T],
    *,
    owner: QObject | None,
    done: Callable[[T], None] | None = None,
    changes: Changes | Callable[[T], Changes] | None = None,
    report: ShowsErrors | None = None,
    failure: str | None = None,
    failed: Callable[[BaseException], None] | None = None,
    ok: str | None = None,
    busy: Iterable[QWidget] = (),
    lane: str = VAULT,
) -> Operation[T]:
    """Run `work` on a lane; see the module docstring. `runner` is the vault lane."""
    return run_long(
        runner,
        lambda _: work(),
        owner=owner,
        done=done,
        changes=changes,
        report=report,
        failure=failure,
        failed=failed,
        ok=ok,
        busy=busy,
        lane=lane,
    )


def run_long(
    runner: TaskRunner,
    work: Callable[[Progress], T],
    *,
    owner: QObject | None,
    done: Callable[[T], None] | None = None,
    progress: Callable[[ProgressReport], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    changes: Changes | Callable[[T], Changes] | None = None,
    report: ShowsErrors | None = None,
    failure: str | None = None,
    failed: Callable[[BaseException], None] | None = None,
    ok: str | None = None,
    busy: Iterable[QWidget] = (),
    lane: str = VAULT,
    interval_ms: int = PROGRESS_INTERVAL_MS,
) -> Operation[T]:
    """Long work with progress and cancel: `work(progress)` reports through `progress(...)` and
    stops when `progress.should_stop()`; see the module docstring."""
    op: Operation[T] = Operation(
        runner,
        owner,
        done=done,
        changes=changes,
        report=report,
        failure=failure,
        failed=failed,
        cancelled=cancelled,
        ok=ok,
        busy=busy,
        interval_ms=interval_ms,
    )
    if progress is not None:
        op.progressed.connect(progress)
    ticket = Progress(op)
    _lane(runner, lane).submit(lambda: work(ticket), op._succeeded, op._errored)
    return op
