"""The main window: navigation, pages, status bar, and locking (which hides everything)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings as limits
from app.qt.clipboard import ClipboardGuard
from app.qt.idle import IdleWatcher
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.views.pages.audit import AuditLogPage
from app.views.pages.base import Page
from app.views.pages.empty import EmptyStatePage
from app.views.pages.settings import SettingsPage
from app.views.pages.today import TodayPage
from app.views.shortcuts import ShortcutsDialog
from app.views.unlock import UnlockPanel
from app.views.widgets import BusyIndicator, center_column

if TYPE_CHECKING:
    from app.services.vault import OpenVault

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Owns the open vault while unlocked. `locked` fires once the vault is closed,
    `unlocked` once the pages are back with their drafts restored."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        vault: OpenVault,
        gate: VaultGate,
        runner: TaskRunner,
        *,
        clock: Callable[[], float] = time.monotonic,
        idle_check_ms: int = 5_000,
        clipboard: ClipboardGuard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._vault: OpenVault | None = None
        self._ready = False
        self._auto_lock_minutes = limits.DEFAULT_AUTO_LOCK_MINUTES
        self.clipboard = clipboard or ClipboardGuard(self)
        self.idle = IdleWatcher(clock=clock, check_interval_ms=idle_check_ms, parent=self)
        self.idle.idle.connect(self._idle_lock)
        self.setWindowTitle("Brugfiguur")
        self.setAccessibleName(self.tr("Brugfiguur main window"))
        self.resize(1100, 720)

        # --- pages ---------------------------------------------------------------------------
        self.today = TodayPage(runner)
        self.caseload = EmptyStatePage(
            runner,
            self.tr("Caseload"),
            self.tr(
                "Here you will find the people you support: their phase, your last contact and "
                "what comes next. This part arrives in a coming version; your vault is ready "
                "for it."
            ),
        )
        self.locations = EmptyStatePage(
            runner,
            self.tr("Outreach locations"),
            self.tr(
                "Here you will keep the places where you meet people (streets, squares, "
                "drop-in centres) and when you were last there. This part arrives in a "
                "coming version."
            ),
        )
        self.reports = EmptyStatePage(
            runner,
            self.tr("Reports"),
            self.tr(
                "Here you will make reports for your team and funders, without names. This "
                "part arrives in a coming version."
            ),
        )
        self.settings = SettingsPage(runner)
        self.settings.auto_lock_changed.connect(self.set_auto_lock_minutes)
        self.settings.status_message.connect(self._flash)
        self.audit = AuditLogPage(runner)
        self.pages: list[Page] = [
            self.today,
            self.caseload,
            self.locations,
            self.reports,
            self.settings,
            self.audit,
        ]

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(210)
        self.nav.setSpacing(2)
        self.page_stack = QStackedWidget()
        self.page_stack.setAccessibleName(self.tr("Page"))
        for page in self.pages:
            item = QListWidgetItem(page.accessibleName())
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
            self.page_stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.page_stack.setCurrentIndex)

        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock now"))
        self.lock_button.setMinimumHeight(36)
        self.lock_button.clicked.connect(self.lock)
        side = QWidget()
        side.setAccessibleName(self.tr("Navigation bar"))
        sv = QVBoxLayout(side)
        sv.setContentsMargins(8, 8, 8, 8)
        sv.addWidget(self.nav, 1)
        sv.addWidget(self.lock_button)

        self.shell = QWidget()
        self.shell.setAccessibleName(self.tr("Contents"))
        h = QHBoxLayout(self.shell)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(side)
        h.addWidget(self.page_stack, 1)

        # --- locked and opening screens ------------------------------------------------------
        self.unlock_panel = UnlockPanel(
            gate, runner, title=self.tr("Brugfiguur is locked"), clock=clock
        )
        self.unlock_panel.unlocked.connect(self._begin_session)
        opening = BusyIndicator(self.tr("Opening your vault…"))
        opening.start()
        opening_page = center_column(opening, max_width=400)
        opening_page.setAccessibleName(self.tr("Opening"))

        self.screens = QStackedWidget()
        self.screens.setAccessibleName(self.tr("Brugfiguur"))
        self.screens.addWidget(self.shell)
        self.screens.addWidget(self.unlock_panel)
        self.screens.addWidget(opening_page)
        self._opening = opening_page
        self.setCentralWidget(self.screens)

        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Lock state"))
        self.statusBar().addPermanentWidget(self.state_label)
        self.statusBar().setAccessibleName(self.tr("Status bar"))

        # --- shortcuts -----------------------------------------------------------------------
        self._shortcuts: list[tuple[QKeySequence, str]] = []
        self._add_shortcut(QKeySequence("Ctrl+L"), self.tr("Lock Brugfiguur"), self.lock)
        self._add_shortcut(
            QKeySequence("F1"), self.tr("Show keyboard shortcuts"), self.show_shortcuts
        )
        for i, page in enumerate(self.pages, start=1):
            self._add_shortcut(
                QKeySequence(f"Ctrl+{i}"),
                self.tr("Go to %1").replace("%1", page.accessibleName()),
                partial(self.go_to, i - 1),
            )
        self.shortcuts_dialog: ShortcutsDialog | None = None

        self.nav.setCurrentRow(0)
        self._begin_session(vault)

    # --- helpers -----------------------------------------------------------------------------
    def _add_shortcut(self, keys: QKeySequence, text: str, slot: Callable[[], Any]) -> None:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append((keys, text))

    @property
    def shortcuts(self) -> list[tuple[QKeySequence, str]]:
        return list(self._shortcuts)

    @property
    def vault(self) -> OpenVault | None:
        return self._vault

    @property
    def is_locked(self) -> bool:
        return self._vault is None

    def current_page(self) -> Page:
        page = self.page_stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def go_to(self, index: int) -> None:
        if self._ready and 0 <= index < len(self.pages):
            self.nav.setCurrentRow(index)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self._shortcuts, self)
        self.shortcuts_dialog = dialog
        dialog.finished.connect(lambda _: self._forget_shortcuts(dialog))
        dialog.open()

    def _forget_shortcuts(self, dialog: ShortcutsDialog) -> None:
        if self.shortcuts_dialog is dialog:
            self.shortcuts_dialog = None
        dialog.deleteLater()

    def _flash(self, message: str) -> None:
        self.statusBar().showMessage(message, 8_000)

    def _show_state(self) -> None:
        if self._vault is None:
            text = self.tr("Locked")
        else:
            text = self.tr(
                "Unlocked — locks after %n min of inactivity", "", self._auto_lock_minutes
            )
        self.state_label.setText(text)
        self.state_label.setAccessibleDescription(text)

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self._auto_lock_minutes = minutes
        self.idle.set_timeout(minutes * 60)
        self._show_state()

    # --- unlock ------------------------------------------------------------------------------
    def _begin_session(self, vault: OpenVault) -> None:
        """Load drafts and per-vault settings on the worker, then show the pages again."""
        self._vault = vault
        self._ready = False
        self.screens.setCurrentWidget(self._opening)
        keys = [p.draft_key for p in self.pages if p.draft_key]

        def load() -> tuple[dict[str, dict[str, Any]], int]:
            drafts: dict[str, dict[str, Any]] = {}
            for key in keys:
                draft = vault.drafts.load(key)
                if draft is not None:
                    drafts[key] = draft
                    vault.drafts.delete(key)
            return drafts, vault.settings.auto_lock_minutes

        self._runner.submit(
            load,
            lambda result: self._session_ready(vault, *result),
            self._session_failed,
            owner=self,
        )

    def _session_ready(
        self, vault: OpenVault, drafts: dict[str, dict[str, Any]], minutes: int
    ) -> None:
        if self._vault is not vault:
            return
        self._auto_lock_minutes = minutes
        for page in self.pages:
            page.on_unlocked(vault)
            if page.draft_key and page.draft_key in drafts:
                page.restore_draft(drafts[page.draft_key])
        self._ready = True
        self.screens.setCurrentWidget(self.shell)
        self.current_page().setFocus()
        self.idle.start(minutes * 60)
        self._show_state()
        self.unlocked.emit()

    def _session_failed(self, exc: BaseException) -> None:
        log.error("could not open the session: %s", type(exc).__name__, exc_info=exc)
        vault, self._vault = self._vault, None
        self._ready = False
        if vault is not None:
            self._runner.submit(vault.lock)
        self.screens.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.reset()
        self.unlock_panel.error.show_errors([self.tr("The vault could not be opened.")])
        self._show_state()

    # --- lock --------------------------------------------------------------------------------
    def _idle_lock(self) -> None:
        log.info("idle timeout: locking")
        self.lock()

    def lock(self) -> None:
        """Hide everything at once, then save drafts and close the vault on the worker."""
        vault = self._vault
        if vault is None:
            return
        self._vault = None
        self.idle.stop()
        drafts: dict[str, dict[str, Any]] = {}
        if self._ready:
            for page in self.pages:
                draft = page.take_draft()
                if page.draft_key and draft is not None:
                    drafts[page.draft_key] = draft
        self._ready = False
        for page in self.pages:
            page.on_locked()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self.clipboard.clear_if_ours()
        self.statusBar().clearMessage()
        self.screens.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.reset()
        self.unlock_panel.setFocus()
        self._show_state()

        def work() -> None:
            try:
                for key, draft in drafts.items():
                    vault.drafts.save(key, draft)
            finally:
                vault.lock()

        def failed(exc: BaseException) -> None:
            log.error("error while locking: %s", type(exc).__name__, exc_info=exc)
            self.locked.emit()

        self._runner.submit(work, lambda _: self.locked.emit(), failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        self._runner.wait_for_done()
        super().closeEvent(event)
