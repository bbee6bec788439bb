"""What the main window asks of every page: react to lock/unlock, hand over a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.vault import OpenVault


class Page(QWidget):
    """A page of the main window. `draft_key` names its draft in the vault (None: no draft)."""

    draft_key: str | None = None

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.vault: OpenVault | None = None

    def on_unlocked(self, vault: OpenVault) -> None:
        """The vault is open (again): load what the page shows."""
        self.vault = vault

    def on_locked(self) -> None:
        """Forget the vault and clear everything personal from the widgets."""
        self.vault = None

    def take_draft(self) -> dict[str, Any] | None:
        """Unsaved input to keep in the vault while locked; the widgets are cleared."""
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put a draft saved by `take_draft` back."""
