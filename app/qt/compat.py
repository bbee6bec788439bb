"""Work-arounds for defects in the Qt binding we ship.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a new reference, so every
emit from Python code drops one reference to the `True` singleton. On Python 3.11 `True` is not
immortal: once its count reaches zero the interpreter aborts ("bool_dealloc: deallocating True
or False"), typically at exit. Until the binding is fixed (or pinned away), we detect the leak
and keep `True`'s count topped up:

- a reserve of references that is never freed, so bursts between top-ups are harmless;
- a timer that keeps the count from falling below the highest value seen (and checks once
  more when the application is about to quit).

When the binding does not leak, none of this is installed.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

log = logging.getLogger(__name__)

RESERVE = 100_000
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    leaked = before - sys.getrefcount(True)
    for _ in range(max(0, leaked)):
        _incref(True)
    return leaked > 0


class TrueRefcountGuard(QObject):
    def __init__(self, interval_ms: int = 1_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        reserve = [True] * RESERVE
        _incref(reserve)  # never freed: these references outlive interpreter finalisation
        self._baseline = sys.getrefcount(True)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.top_up)
        self._timer.start()

    def top_up(self) -> int:
        """Never let the count fall below the highest value seen (a ratchet): leaked
        references are given back; giving back a few legitimately dropped ones is harmless."""
        now = sys.getrefcount(True)
        if now >= self._baseline:
            self._baseline = now
            return 0
        deficit = self._baseline - now
        for _ in range(deficit):
            _incref(True)
        return deficit


_guard: TrueRefcountGuard | None = None


def install_true_refcount_guard() -> TrueRefcountGuard | None:
    """Install the guard once per process if this PySide6 leaks; returns it (or None)."""
    global _guard
    if _guard is not None:
        return _guard
    if not emit_leaks_true():
        return None
    app = QCoreApplication.instance()
    _guard = TrueRefcountGuard(parent=app)
    if app is not None:
        app.aboutToQuit.connect(_guard.top_up)
    log.info("PySide6 signal emit reference leak detected; guard installed")
    return _guard
