"""Idle detection for the auto-lock: any key, mouse or wheel input counts as activity."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

Clock = Callable[[], float]

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once when no input arrived for `timeout_seconds` (by the injected clock).

    An application-wide event filter records the last activity; a timer compares it with the
    clock every `check_interval_ms`. Tests inject a fake clock and a short interval.
    """

    idle = Signal()

    def __init__(
        self,
        *,
        clock: Clock = time.monotonic,
        check_interval_ms: int = 5_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout = 0.0
        self._last = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self._check)
        self._filtering = False

    @property
    def timeout_seconds(self) -> float:
        return self._timeout

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, timeout_seconds: float) -> None:
        self._timeout = timeout_seconds
        self._last = self._clock()
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._timer.start()

    def set_timeout(self, timeout_seconds: float) -> None:
        self._timeout = timeout_seconds

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def seconds_idle(self) -> float:
        return self._clock() - self._last

    def touch(self) -> None:
        self._last = self._clock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False

    def _check(self) -> None:
        if self._timeout > 0 and self.seconds_idle() >= self._timeout:
            self.stop()
            self.idle.emit()
