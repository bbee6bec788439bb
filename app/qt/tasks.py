"""A serial task runner: database and KDF work off the GUI thread, results back on it.

All vault work goes through one worker thread (a QThreadPool capped at one thread that never
expires), so calls are executed in submission order: a lock queued before an unlock finishes
first. Results and errors are delivered on the thread that owns the runner (the GUI thread)
through a queued signal, never by touching widgets from the worker.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Pending:
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None


@dataclass(frozen=True)
class _Outcome:
    task_id: int
    ok: bool
    value: object


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._id = task_id
        self._fn = fn

    def run(self) -> None:
        try:
            outcome = _Outcome(self._id, True, self._fn())
        except BaseException as exc:
            outcome = _Outcome(self._id, False, exc)
        finally:
            self._fn = _nothing  # drop references (secrets in closures) as soon as possible
        self._runner._done.emit(outcome)


def _nothing() -> None:
    return None


class TaskRunner(QObject):
    """Runs callables one after the other on a worker thread.

    `busy_changed(bool)` tells views when to show a busy indicator; `idle` fires when the
    queue has drained. Callbacks run on the runner's thread; a callback whose `owner` was
    deleted in the meantime is skipped.
    """

    busy_changed = Signal(bool)
    idle = Signal()
    # One object argument: PySide6 6.12 over-releases Python bools passed through a queued
    # (cross-thread) signal with a `bool` parameter, which crashes the interpreter at exit.
    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def submit(
        self,
        fn: Callable[[], T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        task_id = next(self._ids)
        was_busy = self.busy
        self._pending[task_id] = _Pending(on_result, on_error, owner)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, task_id, fn))
        return task_id

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle, then deliver outstanding results (for shutdown)."""
        ok = self._pool.waitForDone(msecs)
        return ok

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        ok, value = outcome.ok, outcome.value
        pending = self._pending.pop(outcome.task_id, None)
        try:
            if pending is None:
                return
            if pending.owner is not None and not shiboken6.isValid(pending.owner):
                return
            if ok:
                if pending.on_result is not None:
                    pending.on_result(value)
            elif pending.on_error is not None:
                assert isinstance(value, BaseException)
                pending.on_error(value)
            else:
                assert isinstance(value, BaseException)
                log.error("background task failed: %s", type(value).__name__, exc_info=value)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
                self.idle.emit()
