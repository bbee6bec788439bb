"""Composition root of the GUI: QApplication, translations, fonts, the vault gate, windows.

Start-up stays light: SQLAlchemy, Alembic and ReportLab are imported only after the first
window is on screen (on the worker thread), so the unlock window appears quickly.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, __version__
from app.paths import AppPaths

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "oefenen met fictieve mensen"  # noqa: S105 (throwaway demo vault only)
SHOWN_TIMEOUT_MS = 20_000


class _ExposeWatcher(QObject):
    """Prints `window-shown: <ClassName>` once the window is really exposed, then quits."""

    def __init__(self, widget: QWidget, app: QApplication) -> None:
        super().__init__(widget)
        self._name = type(widget).__name__
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Expose
            and isinstance(watched, QWindow)
            and watched.isExposed()
        ):
            self.fire()
        return False

    def fire(self) -> None:
        if self._done:
            return
        self._done = True
        print(f"window-shown: {self._name}", flush=True)
        QTimer.singleShot(0, lambda: self._app.exit(0))


def _setup_logging(paths: AppPaths) -> None:
    try:
        from app.logs import setup_logging  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        logging.basicConfig(level=logging.INFO)
        return
    setup_logging(paths.log_dir)


def run_gui(paths: AppPaths, *, demo: bool = False, exit_when_shown: bool = False) -> int:
    prefill: str | None = None
    if demo:
        paths = AppPaths.resolve(tempfile.mkdtemp(prefix="brugfiguur-demo-"))
        prefill = DEMO_PASSPHRASE
    _setup_logging(paths)

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("brugfiguur")

    from app.qt.compat import install_true_refcount_guard
    from app.qt.fonts import apply_app_font
    from app.qt.i18n import install_translators
    from app.qt.tasks import TaskRunner
    from app.qt.theme import apply_theme
    from app.qt.vaultgate import VaultGate
    from app.views.controller import AppController

    install_true_refcount_guard()
    translators = install_translators(app)
    apply_app_font(app)
    apply_theme(app)

    runner = TaskRunner()
    gate = VaultGate(paths)
    note = None
    if demo:
        note = QCoreApplication.translate(
            "Demo", "Demo vault with fictional data — passphrase: %1"
        ).replace("%1", DEMO_PASSPHRASE)
    controller = AppController(gate, runner, prefill=prefill, note=note)
    window: QWidget
    if demo:
        from app.views.demo import DemoWindow

        demo_window = DemoWindow(gate, runner, DEMO_PASSPHRASE)

        def demo_ready() -> None:
            first = controller.first()
            first.move(demo_window.pos())
            first.show()
            demo_window.close()
            demo_window.deleteLater()

        demo_window.ready.connect(demo_ready)
        demo_window.start()
        window = demo_window
    else:
        window = controller.first()

    window.show()
    watcher: _ExposeWatcher | None = None
    if exit_when_shown:
        watcher = _ExposeWatcher(window, app)
        handle = window.windowHandle()
        if handle is None or handle.isExposed():
            watcher.fire()
        else:
            handle.installEventFilter(watcher)
        QTimer.singleShot(SHOWN_TIMEOUT_MS, lambda: app.exit(1))
    QTimer.singleShot(0, lambda: controller.after_first_shown(preload=not exit_when_shown))
    log.info("%s %s started", APP_NAME, __version__)
    code = app.exec()
    runner.wait_for_done()
    del translators, watcher
    if demo:
        shutil.rmtree(paths.data_dir, ignore_errors=True)
    return int(code)
