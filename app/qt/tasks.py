"""Lanes for background work: database and KDF work off the GUI thread, results back on it.

The app has two lanes (DESIGN.md §8, as Anki's task manager keeps collection work apart):

- the **vault lane** (`TaskRunner()`): all vault work goes through one worker thread (a
  QThreadPool capped at one thread that never expires), so calls are executed in submission
  order: a lock queued before an unlock finishes first;
- the **network lane** (`runner.network`): calls that wait on the network, on their own
  threads, so a slow or absent network never holds up a save or a search. Work on the network
  lane must not touch the vault; it hands what it fetched to a short job on the vault lane.

Results and errors are delivered on the thread that owns the runner (the GUI thread) through a
queued signal, never by touching widgets from a worker. The vault lane also carries the
`ChangeBus` on which writes announce what they changed (app/qt/changes.py); views use both
through the operation helper (app/qt/operations.py).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.qt.changes import ChangeBus

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


_lane_of_thread = threading.local()  # .name: the lane whose job runs on this thread


def _on_lane(name: str, fn: Callable[[], T]) -> T:
    _lane_of_thread.name = name
    try:
        return fn()
    finally:
        _lane_of_thread.name = None


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._id = task_id
        self._fn = fn

    def run(self) -> None:
        try:
            outcome = _Outcome(self._id, True, _on_lane(self._runner.name, self._fn))
        except BaseException as exc:
            outcome = _Outcome(self._id, False, exc)
        finally:
            self._fn = _nothing  # drop references (secrets in closures) as soon as possible
        self._runner._done.emit(outcome)


def _nothing() -> None:
    return None


class _Call(QRunnable):
    """A job whose result goes straight back to a waiting thread (see `TaskRunner.call`)."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn: Callable[[], Any] = fn
        self.done = threading.Event()
        self.value: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = self.fn()
        except BaseException as exc:
            self.error = exc
        finally:
            self.fn = _nothing
            self.done.set()


class _Turn(QRunnable):
    """Parks the lane's thread while another thread has the lane's turn (`TaskRunner.turn`)."""

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.granted = threading.Event()
        self.released = threading.Event()

    def run(self) -> None:
        self.granted.set()
        self.released.wait()


VAULT = "vault"
NETWORK = "network"
NETWORK_THREADS = 2


class TaskRunner(QObject):
    """A lane: runs callables on its worker thread(s); one thread runs them in order.

    `busy_changed(bool)` tells views when to show a busy indicator; `idle` fires when the
    queue has drained. Callbacks run on the runner's thread; a callback whose `owner` was
    deleted in the meantime is skipped.
    """

    busy_changed = Signal(bool)
    idle = Signal()
    # One object argument: PySide6 6.12 over-releases Python bools passed through a queued
    # (cross-thread) signal with a `bool` parameter, which crashes the interpreter at exit.
    _done = Signal(object)

    def __init__(
        self, parent: QObject | None = None, *, name: str = VAULT, threads: int = 1
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._pool.setExpiryTimeout(-1 if name == VAULT else 30_000)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._done.connect(self._deliver)
        self._network: TaskRunner | None = None
        self._changes: ChangeBus | None = None

    @property
    def network(self) -> TaskRunner:
        """The network lane beside this vault lane (made on first use)."""
        if self.name == NETWORK:
            return self
        if self._network is None:
            self._network = TaskRunner(self, name=NETWORK, threads=NETWORK_THREADS)
        return self._network

    @property
    def changes(self) -> ChangeBus:
        """Where writes on this lane announce what they changed (made on first use)."""
        if self._changes is None:
            self._changes = ChangeBus(self)
        return self._changes

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

    def call(self, fn: Callable[[], T], timeout: float | None = None) -> T:
        """From another lane's thread: run `fn` on this lane, in turn with its other jobs, and
        return its result (or raise its error). This is how long network work hands each piece
        to the vault lane in its own short job: e.g. a sync on the network lane applies every
        pulled page with `vault.call(lambda: apply(page))`, so saves and searches queued
        meanwhile run between two pages. Never from the GUI thread (it would freeze) nor from
        this lane's own thread (it would wait for itself)."""
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("TaskRunner.call would block the GUI thread")
        if getattr(_lane_of_thread, "name", None) == self.name:
            raise RuntimeError(f"TaskRunner.call from the {self.name} lane's own thread")
        job = _Call(lambda: _on_lane(self.name, fn))
        self._pool.start(job)
        if not job.done.wait(timeout):
            raise TimeoutError(f"{self.name} lane did not answer in {timeout} s")
        if job.error is not None:
            raise job.error
        return job.value  # type: ignore[return-value]

    @contextmanager
    def turn(self) -> Iterator[None]:
        """From another lane's thread: wait for this lane's turn, then run the `with` block on
        the calling thread while the lane waits for it, so nothing else of the lane runs
        meanwhile. Like `call`, but for a block that opens a vault session in a `with`
        statement (the sync engine's vault steps, app/sync/link.py `SyncLink.read`). Keep the
        block short and free of network waits: saves and searches queue behind it. Nested
        turns, and turns taken on the lane's own thread, simply run the block."""
        if getattr(_lane_of_thread, "name", None) == self.name:
            yield
            return
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("TaskRunner.turn would block the GUI thread")
        job = _Turn()
        self._pool.start(job)
        job.granted.wait()
        before = getattr(_lane_of_thread, "name", None)
        _lane_of_thread.name = self.name  # nested turns run at once; `call` refuses
        try:
            yield
        finally:
            _lane_of_thread.name = before
            job.released.set()

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the workers (and the network lane's) are idle (for shutdown)."""
        ok = True
        if self._network is not None:
            ok = self._network.wait_for_done(msecs)
        return self._pool.waitForDone(msecs) and ok

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
