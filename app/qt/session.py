"""Signals that the session is going away: app suspended, system sleep, screen locked.

Qt reports `Qt.ApplicationSuspended` on some platforms. On Linux we also listen on D-Bus for
logind's `PrepareForSleep(true)` and the screensaver's `ActiveChanged(true)`, when a bus is
reachable; without one we stay silent.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

_SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class SessionWatcher(QObject):
    """Emits `suspending` when the machine sleeps, the screen locks or the app is suspended."""

    suspending = Signal()

    def __init__(self, *, use_dbus: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
        self.dbus_connected: list[str] = []
        if use_dbus and sys.platform.startswith("linux"):
            self._connect_dbus()

    @Slot(Qt.ApplicationState)
    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.suspending.emit()

    @Slot(bool)
    def prepareForSleep(self, starting: bool) -> None:
        if starting:
            log.info("system is going to sleep: locking")
            self.suspending.emit()

    @Slot(bool)
    def screenSaverActive(self, active: bool) -> None:
        if active:
            log.info("screen locked: locking")
            self.suspending.emit()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        try:
            system = QDBusConnection.systemBus()
            if system.isConnected() and system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                b"1prepareForSleep(bool)",
            ):
                self.dbus_connected.append("login1")
            session = QDBusConnection.sessionBus()
            if session.isConnected():
                for service, path, iface in _SCREENSAVERS:
                    if session.connect(
                        service, path, iface, "ActiveChanged", self, b"1screenSaverActive(bool)"
                    ):
                        self.dbus_connected.append(iface)
        except Exception:  # a broken bus must never stop the app
            log.debug("D-Bus session watch unavailable", exc_info=True)
