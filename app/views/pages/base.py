"""What the main window asks of every page: react to lock/unlock, hand over a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.qt.changes import Changes
from app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.vault import OpenVault


class Page(QWidget):
    """A page of the main window. `draft_key` names its draft in the vault (None: no draft).

    While unlocked, `field` holds the field-registration services of this session (set by the
    main window before `on_unlocked`). `open_person(id)` asks the window to open a person file.

    Writes announce what they changed on the runner's change bus (app/qt/changes.py); a page
    lists the kinds of data it shows in `watches` and is marked stale only when a change
    touches them (and, for a page about one person, `watched_person()`). `data_changed` is the
    older, coarse way: "this page wrote something, anything may have changed".
    """

    draft_key: str | None = None
    uses_field = False  # True: `reload()` reads field services when shown or marked stale
    watches: frozenset[str] = frozenset()  # kinds of data shown (app.qt.changes)
    icon_name = ""  # its icon in the navigation (app.qt.icons.NAMES)
    open_person = Signal(str)
    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAutoFillBackground(True)  # opaque: nothing of another page shows through
        self.vault: OpenVault | None = None
        self.field: FieldServices | None = None
        self._stale = True
        runner.changes.changed.connect(self._on_changes)

    def on_unlocked(self, vault: OpenVault) -> None:
        """The vault is open (again): load what the page shows."""
        self.vault = vault
        self._stale = True
        if self.isVisible():
            self.reload_if_stale()

    def on_locked(self) -> None:
        """Forget the vault and clear everything personal from the widgets."""
        self.vault = None
        self.field = None
        self._stale = True

    def take_draft(self) -> dict[str, Any] | None:
        """Unsaved input to keep in the vault while locked; the widgets are cleared."""
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put a draft saved by `take_draft` back."""

    # --- reloading ---------------------------------------------------------------------------
    def watched_person(self) -> str | None:
        """The one person this page is about (None: everyone)."""
        return None

    def _on_changes(self, changes: object) -> None:
        if isinstance(changes, Changes) and self.vault is not None:
            self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        """A write elsewhere (or here) changed data: reload if it touches what is shown."""
        if not self.watches:
            # A page written for the coarse signal: it reloads after any write.
            legacy = getattr(self, "on_data_changed", None)
            if callable(legacy):
                legacy()
            return
        if changes.touches(self.watches, self.watched_person()):
            self.mark_stale()

    def reload(self) -> None:
        """Load the page's data on the worker (pages with data override this)."""

    def mark_stale(self) -> None:
        """Something changed elsewhere: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload_if_stale()

    def reload_if_stale(self) -> None:
        if self.uses_field and self._stale and self.field is not None:
            self._stale = False
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_if_stale()
