"""Remember whether the clipboard holds text copied from this app, and clear it on lock."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication


def _fingerprint(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    """Tracks clipboard changes made while the app is active (i.e. by the worker in our app).

    Only a fingerprint of the text is kept, never the text. `clear_if_ours()` clears the
    clipboard when Qt says we own it, or when it still holds what was copied from the app.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours: bytes | None = None
        self._clipboard.dataChanged.connect(self._on_changed)

    @property
    def holds_app_data(self) -> bool:
        return self._ours is not None and self._matches()

    @Slot()
    def _on_changed(self) -> None:
        text = self._clipboard.text()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        ours = (
            self._clipboard.ownsClipboard() or active or QGuiApplication.focusWindow() is not None
        )
        if text and ours:
            self._ours = _fingerprint(text)
        else:
            self._ours = None

    def _matches(self) -> bool:
        return self._ours == _fingerprint(self._clipboard.text())

    def clear_if_ours(self) -> bool:
        """Returns whether the clipboard was cleared."""
        owns = self._clipboard.ownsClipboard()
        if owns or (self._ours is not None and self._matches()):
            self._clipboard.clear()
            if self._clipboard.supportsSelection():
                self._clipboard.clear(QClipboard.Mode.Selection)
            self._ours = None
            return True
        return False


class TimedClipboard(QObject):
    """Copies text that must not linger (the MLP summary) and clears it after an interval.

    Only a fingerprint of the text is kept. When the interval ends the clipboard is cleared only
    if it still holds that text (the worker may have copied something else meanwhile).
    `clipboardCleared(bool)` fires when the interval ends: True when it was cleared.
    """

    clipboardCleared = Signal(object)  # bool as object: see app.qt.compat

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._fingerprint: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def copy(self, text: str, clear_after_ms: int) -> None:
        self._fingerprint = _fingerprint(text)
        self._clipboard.setText(text)
        self._timer.start(max(1, clear_after_ms))

    def _still_ours(self) -> bool:
        return self._fingerprint is not None and self._fingerprint == _fingerprint(
            self._clipboard.text()
        )

    @Slot()
    def _expire(self) -> None:
        cleared = self._still_ours()
        if cleared:
            self._clipboard.clear()
        self._fingerprint = None
        self.clipboardCleared.emit(cleared)

    def clear_now(self) -> None:
        """On lock: clear at once if the copied text is still there."""
        if self._timer.isActive():
            self._timer.stop()
            self._expire()
