"""The application flow: first window (setup or unlock), then the main window."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.qt.clipboard import ClipboardGuard
from app.qt.session import SessionWatcher
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate

if TYPE_CHECKING:
    from app.services.vault import OpenVault
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)


class AppController(QObject):
    """Shows SetupWindow or UnlockWindow, then the MainWindow; locks on session suspend."""

    main_window_shown = Signal(object)

    def __init__(
        self,
        gate: VaultGate,
        runner: TaskRunner,
        *,
        prefill: str | None = None,
        note: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        idle_check_ms: int = 5_000,
        use_dbus: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.gate = gate
        self.runner = runner
        self._prefill = prefill
        self._note = note
        self._clock = clock
        self._idle_check_ms = idle_check_ms
        self._use_dbus = use_dbus
        self.first_window: QWidget | None = None
        self.main_window: MainWindow | None = None
        self.clipboard: ClipboardGuard | None = None
        self.session: SessionWatcher | None = None

    def first(self) -> QWidget:
        """The window to show at start (built, not shown). Imports only what it needs."""
        window: QWidget
        if self.gate.exists():
            from app.views.unlock import UnlockWindow

            unlock = UnlockWindow(
                self.gate, self.runner, prefill=self._prefill, note=self._note, clock=self._clock
            )
            unlock.unlocked.connect(self.open_main)
            window = unlock
        else:
            from app.views.setup_window import SetupWindow

            setup = SetupWindow(self.gate, self.runner, prefill=self._prefill)
            setup.finished.connect(self.open_main)
            window = setup
        self.first_window = window
        return window

    def after_first_shown(self, *, preload: bool = True) -> None:
        """Work deferred until the first window is on screen."""
        if self.clipboard is None:
            self.clipboard = ClipboardGuard(self)
        if self.session is None:
            self.session = SessionWatcher(use_dbus=self._use_dbus, parent=self)
            self.session.suspending.connect(self.lock)
        if preload:
            self.runner.submit(self.gate.preload)

    def open_main(self, vault: OpenVault) -> None:
        from app.views.main_window import MainWindow

        if self.clipboard is None:
            self.clipboard = ClipboardGuard(self)
        window = MainWindow(
            vault,
            self.gate,
            self.runner,
            clock=self._clock,
            idle_check_ms=self._idle_check_ms,
            clipboard=self.clipboard,
        )
        self.main_window = window
        first = self.first_window
        if first is not None:
            window.move(first.pos())
        window.show()
        if first is not None:
            first.close()
            first.deleteLater()
            self.first_window = None
        self.main_window_shown.emit(window)

    def lock(self) -> None:
        if self.main_window is not None:
            self.main_window.lock()
