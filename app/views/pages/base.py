"""What the main window asks of every page: react to lock/unlock, hand over a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.vault import OpenVault


class Page(QWidget):
    """A page of the main window. `draft_key` names its draft in the vault (None: no draft).

    While unlocked, `field` holds the field-registration services of this session (set by the
    main window before `on_unlocked`). `open_person(id)` asks the window to open a person file;
    `data_changed` tells the other pages that this page wrote something.
    """

    draft_key: str | None = None
    uses_field = False  # True: `reload()` reads field services when shown or marked stale
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
