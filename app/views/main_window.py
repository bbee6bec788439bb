"""The main window: navigation, pages, status bar, and locking (which hides everything)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings as limits
from app.qt.changes import Changes
from app.qt.clipboard import ClipboardGuard, TimedClipboard
from app.qt.icons import icon
from app.qt.idle import IdleWatcher
from app.qt.sync_scheduler import (
    CONFIRM,
    SyncScheduler,
    SyncState,
)
from app.qt.tasks import TaskRunner
from app.qt.vaultgate import VaultGate
from app.settings import AUTO_LOCK_MINUTES, SYNC_INTERVAL_MINUTES
from app.views.discreet import Discretion
from app.views.navigation import NavList
from app.views.pages.agenda import AgendaPage
from app.views.pages.audit import AuditLogPage
from app.views.pages.base import Page
from app.views.pages.caseload import CaseloadPage
from app.views.pages.groups import GroupsPage
from app.views.pages.locations import LocationsPage
from app.views.pages.person_file import PersonFilePage
from app.views.pages.reports import ReportsPage
from app.views.pages.settings import SettingsPage
from app.views.pages.social_map import SocialMapPage
from app.views.pages.today import TodayPage
from app.views.person_dialogs import NewPseudonymDialog
from app.views.quick_entry import REOPEN, QuickEntry
from app.views.shortcuts import ShortcutsDialog
from app.views.sync.conflicts import ConflictsPage
from app.views.sync.dialogs import ConfirmDeletionDialog
from app.views.sync.status import SyncStatusWidget
from app.views.unlock import UnlockPanel
from app.views.widgets import BusyIndicator, center_column

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.vault import OpenVault
    from app.sync.service import SyncService

    FieldFactory = Callable[[OpenVault], FieldServices]
    SyncFactory = Callable[[OpenVault], SyncService]

SYNC_CONNECT_TIMEOUT_S = 5.0
SYNC_TIMEOUT_S = 30.0

# The window fits a 1366 × 768 laptop at 100 % and 1280 × 720 logical (150 % on full HD):
# it can be made this small; what does not fit scrolls within its page.
MIN_WIDTH = 960
MIN_HEIGHT = 600
NAV_WIDTH = 200


def _default_field(vault: OpenVault) -> FieldServices:
    from app.services.field import FieldServices

    return FieldServices(vault)


def _default_sync(vault: OpenVault) -> SyncService:
    """A sync service whose connection attempts give up quickly when there is no network
    (the worker who syncs by hand hears it soon; the vault lane never waits on it)."""
    import httpx
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.sync.service import SyncService
    from app.sync.transport import HttpTransport

    def transport(url: str, device_id: str | None, key: Ed25519PrivateKey | None) -> HttpTransport:
        client = httpx.Client(
            base_url=url.rstrip("/"),
            timeout=httpx.Timeout(SYNC_TIMEOUT_S, connect=SYNC_CONNECT_TIMEOUT_S),
        )
        return HttpTransport(url, device_id=device_id, sign_key=key, client=client)

    return SyncService(vault.context, transport_factory=transport)


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
        field_factory: FieldFactory | None = None,
        sync_factory: SyncFactory | None = None,
        sync_clock: Callable[[], float] = time.time,
        sync_check_ms: int = 15_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._field_factory = field_factory or _default_field
        self._sync_factory = sync_factory or _default_sync
        self.field: FieldServices | None = None
        self.sync: SyncService | None = None
        self.scheduler = SyncScheduler(runner, clock=sync_clock, check_interval_ms=sync_check_ms)
        self.scheduler.setParent(self)
        self.deletion_dialog: ConfirmDeletionDialog | None = None
        self.discretion = Discretion(self)
        self._vault: OpenVault | None = None
        self._ready = False
        self._auto_lock_minutes = limits.DEFAULT_AUTO_LOCK_MINUTES
        self.clipboard = clipboard or ClipboardGuard(self)
        self.idle = IdleWatcher(clock=clock, check_interval_ms=idle_check_ms, parent=self)
        self.idle.idle.connect(self._idle_lock)
        # The system adds the application's name to every title ("… — Brugfiguur").
        self.setWindowTitle("")
        self.setAccessibleName(self.tr("Brugfiguur main window"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._fit_to_screen()

        # --- pages ---------------------------------------------------------------------------
        self.today = TodayPage(runner, self.discretion)
        self.agenda = AgendaPage(runner, self.discretion)
        self.agenda.status_message.connect(self._flash)
        self.caseload = CaseloadPage(runner, self.discretion)
        self.locations = LocationsPage(runner)
        self.groups = GroupsPage(runner, self.discretion)
        self.social_map = SocialMapPage(runner, self.discretion)
        self.reports = ReportsPage(runner)
        self.settings = SettingsPage(runner, discretion=self.discretion)
        self.settings.auto_lock_changed.connect(self.set_auto_lock_minutes)
        self.settings.status_message.connect(self._flash)
        self.audit = AuditLogPage(runner)
        self.pages: list[Page] = [
            self.today,
            self.agenda,
            self.caseload,
            self.locations,
            self.groups,
            self.social_map,
            self.reports,
            self.settings,
            self.audit,
        ]

        self.nav = NavList()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.page_stack = QStackedWidget()
        self.page_stack.setAccessibleName(self.tr("Page"))
        for page in self.pages:
            self.nav.add_page(
                page.accessibleName(), icon(page.icon_name) if page.icon_name else None
            )
            self.page_stack.addWidget(page)
        self.timed_clipboard = TimedClipboard(self)
        self.person_file = PersonFilePage(runner, self.discretion, clipboard=self.timed_clipboard)
        self.person_file.status_message.connect(self._flash)
        self.page_stack.addWidget(self.person_file)
        self.conflicts = ConflictsPage(runner, self.discretion)
        self.conflicts.status_message.connect(self._flash)
        self.page_stack.addWidget(self.conflicts)
        self.nav.chosen.connect(self._nav_changed)
        self.page_stack.currentChanged.connect(lambda _: self._update_title())
        for page in self.all_pages:
            page.open_person.connect(self.open_person)
            page.data_changed.connect(partial(self._data_changed, page))
        runner.changes.changed.connect(self._changes_announced)
        runner.changes.notice.connect(self._flash)
        self.today.new_contact.connect(self.quick_entry)
        self.caseload.new_person.connect(self.new_person)
        self.agenda.open_group.connect(self.open_group)
        self.person_file.new_contact.connect(lambda pid: self.quick_entry(person_id=pid))
        self.person_file.edit_contact.connect(self.edit_contact)
        self.person_file.closed_file.connect(lambda: self.go_to(self.pages.index(self.caseload)))
        self.person_file.loaded.connect(self._update_title)
        self.person_file.loaded.connect(self._count_person_conflicts)
        self.person_file.open_conflicts.connect(self.show_conflicts)
        self.settings.sync_box.sync_requested.connect(self.sync_now)
        self.settings.sync_box.interval_changed.connect(self.scheduler.set_interval)
        self.settings.sync_box.enrolment_changed.connect(self.scheduler.refresh_status)
        self.settings.sync_box.open_conflicts.connect(self.show_conflicts)
        self.settings.sync_box.status_message.connect(self._flash)
        self.quick = QuickEntry(runner, self.discretion, self, lambda: self.caseload.model.rows)
        self.quick.saved.connect(self._contact_saved)
        self.new_person_dialog: NewPseudonymDialog | None = None
        self.import_wizard: QDialog | None = None

        self.lock_button = QPushButton(icon("lock"), self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock now"))
        self.lock_button.setMinimumHeight(36)
        self.lock_button.clicked.connect(self.lock)
        side = QWidget()
        side.setAccessibleName(self.tr("Navigation bar"))
        side.setFixedWidth(NAV_WIDTH)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(8, 8, 8, 8)
        sv.addWidget(self.nav, 1)
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.import_button.setAccessibleName(self.tr("Import a spreadsheet"))
        self.import_button.clicked.connect(self.open_import)
        sv.addWidget(self.import_button)
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

        self.sync_status = SyncStatusWidget()
        self.sync_status.open_conflicts.connect(self.show_conflicts)
        self.sync_status.sync_requested.connect(self.sync_now)
        self.sync_status.stop_requested.connect(self.scheduler.stop_sync)
        self.statusBar().addPermanentWidget(self.sync_status, 1)
        self.scheduler.state_changed.connect(self._sync_state_changed)
        self.scheduler.progress_changed.connect(self.sync_status.show_progress)
        self.scheduler.synced.connect(self._synced)
        self.scheduler.failed.connect(self._sync_failed)

        self.discreet_label = QLabel(self.tr("◐ Discreet mode"))
        self.discreet_label.setAccessibleName(self.tr("Discreet mode is on"))
        self.discreet_label.setToolTip(self.tr("Only aliases and initials are shown (Ctrl+D)"))
        self.discreet_label.hide()
        self.statusBar().addPermanentWidget(self.discreet_label)
        self.discretion.changed.connect(self._discretion_changed)
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Lock state"))
        self.statusBar().addPermanentWidget(self.state_label)
        self.statusBar().setAccessibleName(self.tr("Status bar"))

        # --- shortcuts -----------------------------------------------------------------------
        self._shortcuts: list[tuple[QKeySequence, str]] = []
        self._add_shortcut(QKeySequence("Ctrl+L"), self.tr("Lock Brugfiguur"), self.lock)
        self._add_shortcut(QKeySequence("Ctrl+N"), self.tr("New contact moment"), self.quick_entry)
        self._add_shortcut(
            QKeySequence("Ctrl+Shift+N"), self.tr("New person (pseudonym)"), self.new_person
        )
        self._add_shortcut(
            QKeySequence("Ctrl+F"), self.tr("Search the caseload"), self.search_caseload
        )
        self._add_shortcut(
            QKeySequence("Ctrl+D"), self.tr("Discreet mode on/off"), self.discretion.toggle
        )
        self._add_shortcut(QKeySequence("Ctrl+Shift+S"), self.tr("Synchronise now"), self.sync_now)
        self._add_shortcut(
            QKeySequence("Ctrl+Shift+I"), self.tr("Import a spreadsheet"), self.open_import
        )
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

    @property
    def all_pages(self) -> list[Page]:
        return [*self.pages, self.person_file, self.conflicts]

    def current_page(self) -> Page:
        page = self.page_stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def go_to(self, index: int) -> None:
        if self._ready and 0 <= index < len(self.pages):
            self.nav.set_row(index)
            self.page_stack.setCurrentIndex(index)
            # From the keyboard (Ctrl+1…): straight into the page, e.g. Caseload's search.
            self.current_page().setFocus()

    def open_group(self, session_id: str) -> None:
        """A group session in the agenda: show its group."""
        field = self.field
        if field is None:
            return

        def show(group_id: str | None) -> None:
            if group_id is not None:
                self.go_to(self.pages.index(self.groups))
                self.groups.select_group(group_id)

        self._runner.submit(lambda: field.groups.group_of_session(session_id), show, owner=self)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.page_stack.setCurrentIndex(row)

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1180, 720)
            return
        free = screen.availableGeometry()
        width = max(MIN_WIDTH, min(1280, free.width() - 40))
        height = max(MIN_HEIGHT, min(800, free.height() - 40))
        self.resize(QSize(width, height))

    # --- field registration --------------------------------------------------------------------
    def _leave_nav(self, section: Page | None = None) -> None:
        """Another screen than a page is shown: the navigation marks the section it belongs
        to (or nothing), without switching."""
        self.nav.set_row(self.pages.index(section) if section in self.pages else -1)

    def open_person(self, person_id: str) -> None:
        if not self._ready:
            return
        self._leave_nav(self.caseload)
        self.page_stack.setCurrentWidget(self.person_file)
        self.person_file.open(person_id)
        self.person_file.tabs.setCurrentIndex(0)
        self.person_file.tabs.setFocus()

    def quick_entry(self, person_id: str | None = None) -> None:
        if self._ready:
            if person_id is None and self.page_stack.currentWidget() is self.person_file:
                person_id = self.person_file.person_id
            self.quick.open(person_id=person_id)

    def edit_contact(self, contact_id: str) -> None:
        if self._ready:
            self.quick.open(contact_id=contact_id)

    def search_caseload(self) -> None:
        if self._ready:
            self.go_to(self.pages.index(self.caseload))
            self.caseload.focus_search()

    def new_person(self) -> None:
        field = self.field
        if not self._ready or field is None or self.new_person_dialog is not None:
            return

        def show(vindplaatsen: list[Any]) -> None:
            if self.field is not field or self.new_person_dialog is not None:
                return
            dialog = NewPseudonymDialog(field, self._runner, self.discretion, vindplaatsen, self)
            self.new_person_dialog = dialog

            def saved(person_id: object) -> None:
                self.open_person(str(person_id))

            def done(_: int) -> None:
                self.new_person_dialog = None
                dialog.deleteLater()

            dialog.saved.connect(saved)
            dialog.finished.connect(done)
            dialog.open()

        self._runner.submit(field.vindplaatsen.all, show, owner=self)

    def open_import(self) -> None:
        """The import wizard (app.views.import_wizard); what it imports refreshes the pages."""
        from app.views.import_wizard import ImportWizard

        if not self._ready or self.field is None or self.import_wizard is not None:
            return
        wizard = ImportWizard(self.field, self._runner, self)
        self.import_wizard = wizard
        wizard.imported.connect(lambda _: self._data_changed(None))

        def closed(_: int) -> None:
            self.import_wizard = None
            wizard.deleteLater()

        wizard.finished.connect(closed)
        wizard.open()

    def _contact_saved(self, _: str) -> None:
        self._flash(self.tr("Contact moment saved."))

    # --- sync --------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self._ready and not self.scheduler.sync_now():
            if self.scheduler.running:
                self._flash(self.tr("Already synchronising…"))
            elif not self.scheduler.state.enrolled:
                self._flash(
                    self.tr(
                        "This laptop is not connected to a central store yet (Settings → "
                        "Synchronisation)."
                    )
                )

    def show_conflicts(self) -> None:
        if not self._ready:
            return
        self._leave_nav(self.settings)
        self.page_stack.setCurrentWidget(self.conflicts)
        self.conflicts.mark_stale()
        self.conflicts.setFocus()

    def _sync_state_changed(self, state: SyncState) -> None:
        self.sync_status.show_state(state)
        self.settings.sync_box.show_state(state)
        if state.phase == CONFIRM and self.deletion_dialog is None and self._ready:
            self._ask_mass_deletion(state.message, state.code)

    def _synced(self, report: object) -> None:
        changed = any(getattr(report, k, 0) for k in ("pulled", "purged", "merged"))
        if changed:
            self._runner.changes.announce(Changes.everything())
        else:
            self.conflicts.mark_stale()
        if self.settings.sync_box.is_coordinator and self.settings.sync_box.isVisible():
            self.settings.sync_box.load_devices()

    def _sync_failed(self, exc: object) -> None:
        code = getattr(exc, "code", "")
        if code not in ("unreachable", "rate_limited", "mass_deletion", "purge_pending"):
            message = getattr(exc, "message", "") or self.tr("Synchronising did not work.")
            self._flash(str(message))

    def _ask_mass_deletion(self, message: str, code: str = "mass_deletion") -> None:
        """A push that deletes much, or a large purge pulled from the store: the worker
        decides (the purge names who asked for it)."""
        dialog = ConfirmDeletionDialog(message, self)
        self.deletion_dialog = dialog
        purges = self.scheduler.pending_purges if code == "purge_pending" else ()

        def done(result: int) -> None:
            self.deletion_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and self._ready:
                if purges:
                    self.scheduler.sync_now(confirm_purges=purges)
                else:
                    self.scheduler.sync_now(confirm_mass_deletion=True)

        dialog.finished.connect(done)
        dialog.open()

    def _count_person_conflicts(self) -> None:
        sync, pid = self.sync, self.person_file.person_id
        if sync is None or pid is None:
            self.person_file.set_conflicts(0)
            return

        def count() -> int:
            return sum(
                1 for c in sync.conflicts() if c.record_type == "person" and c.record_id == pid
            )

        def show(n: int) -> None:
            if self.sync is sync and self.person_file.person_id == pid:
                self.person_file.set_conflicts(n)

        self._runner.submit(count, show, owner=self)

    def _data_changed(self, source: Page | None) -> None:
        """A page wrote something without saying what (the older, coarse signal)."""
        self._runner.changes.announce(Changes.everything())

    def _changes_announced(self, _: object) -> None:
        """A write changed something: the count of changes waiting for sync is re-read."""
        if self._ready:
            self.scheduler.refresh_status()

    def _discretion_changed(self, on: object) -> None:
        self.discreet_label.setVisible(bool(on))
        self._flash(
            self.tr("Discreet mode: only aliases and initials")
            if on
            else self.tr("Discreet mode off")
        )
        self._update_title()

    def _update_title(self) -> None:
        title = ""
        if not self.is_locked:
            current = self.page_stack.currentWidget()
            if current is self.person_file and self.person_file.file is not None:
                title = self.person_file.display_name()
            elif isinstance(current, Page):
                title = current.accessibleName()
        # The system appends the application's name; it is never part of our own title.
        self.setWindowTitle(title)

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
        quick_key = self.quick.draft_key
        factory = self._field_factory

        sync_factory = self._sync_factory

        def load() -> tuple[dict[str, dict[str, Any]], int, FieldServices, SyncService, int]:
            drafts: dict[str, dict[str, Any]] = {}
            for key in keys:
                draft = vault.drafts.load(key)
                if draft is not None:
                    drafts[key] = draft
                    vault.drafts.delete(key)
            # The quick-entry draft stays in the vault until it is saved or emptied.
            quick = vault.drafts.load(quick_key)
            if quick is not None:
                drafts[quick_key] = quick
            interval = vault.settings.value(SYNC_INTERVAL_MINUTES)
            return (
                drafts,
                vault.settings.value(AUTO_LOCK_MINUTES),
                factory(vault),
                sync_factory(vault),
                interval,
            )

        self._runner.submit(
            load,
            lambda result: self._session_ready(vault, *result),
            self._session_failed,
            owner=self,
        )

    def _session_ready(
        self,
        vault: OpenVault,
        drafts: dict[str, dict[str, Any]],
        minutes: int,
        field: FieldServices,
        sync: SyncService,
        sync_minutes: int,
    ) -> None:
        if self._vault is not vault:
            self._runner.submit(sync.close)
            return
        self._auto_lock_minutes = minutes
        self.field = field
        self.sync = sync
        self.conflicts.sync = sync
        self.quick.field = field
        self.quick.vault_drafts = vault.drafts
        self.quick.vault_settings = vault.settings
        for page in self.all_pages:
            page.field = field
        for page in self.all_pages:
            page.on_unlocked(vault)
            if page.draft_key and page.draft_key in drafts:
                page.restore_draft(drafts[page.draft_key])
        self.settings.sync_box.set_session(vault, sync)
        self._ready = True
        self.scheduler.start(sync, sync_minutes)
        self.screens.setCurrentWidget(self.shell)
        self.current_page().setFocus()
        self.idle.start(minutes * 60)
        self._show_state()
        self._update_title()
        quick_draft = drafts.get(self.quick.draft_key)
        if quick_draft is not None and quick_draft.get(REOPEN):
            # The dialog was open when the vault locked: it comes back as it was. A draft of a
            # dialog closed without saving waits for the next Ctrl+N instead.
            self.quick.restore_draft(quick_draft)
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
        self.scheduler.stop()
        sync, self.sync = self.sync, None
        drafts: dict[str, dict[str, Any]] = {}
        if self._ready:
            for page in self.pages:
                draft = page.take_draft()
                if page.draft_key and draft is not None:
                    drafts[page.draft_key] = draft
            quick = self.quick.take_draft()
            if quick is not None:
                drafts[self.quick.draft_key] = quick
        self._ready = False
        self.field = None
        self.quick.on_locked()
        for page in self.all_pages:
            page.on_locked()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self.timed_clipboard.clear_now()
        self.clipboard.clear_if_ours()
        self.statusBar().clearMessage()
        self._update_title()
        self.screens.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.reset()
        self.unlock_panel.setFocus()
        self._show_state()

        def work() -> None:
            try:
                for key, draft in drafts.items():
                    vault.drafts.save(key, draft)
            finally:
                try:
                    if sync is not None:
                        sync.close()
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
