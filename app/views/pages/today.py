"""Vandaag: today's overview. For now: the date and an encrypted quick note (a real draft)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from app.qt.tasks import TaskRunner
from app.views.formatting import format_date
from app.views.pages.base import Page
from app.views.widgets import heading, paragraph

if TYPE_CHECKING:
    from app.services.vault import OpenVault

AUTOSAVE_MS = 1500


class TodayPage(Page):
    draft_key = "today.quick_note"
    autosaved = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(self.tr("Today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        self.title = heading(self.tr("Today"))
        layout.addWidget(self.title)
        self.date_label = paragraph("")
        layout.addWidget(self.date_label)
        layout.addWidget(
            paragraph(
                self.tr(
                    "Your contact moments and appointments for today will appear here. "
                    "Until then, the quick note below is a safe place for a reminder."
                )
            )
        )
        layout.addWidget(heading(self.tr("Quick note"), level=2))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Quick note"))
        self.note.setPlaceholderText(
            self.tr(
                "Jot down something you don't want to forget. This note is kept encrypted in "
                "your vault, also when Brugfiguur locks."
            )
        )
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note, 1)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self.note.textChanged.connect(self._changed)
        self._refresh_date()

    def _refresh_date(self) -> None:
        today = date.today()
        self.date_label.setText(self.tr("Today is %1.").replace("%1", format_date(today)))
        self.date_label.setAccessibleName(self.date_label.text())

    def _changed(self) -> None:
        if self.vault is not None:
            self._autosave.start()

    def save_now(self) -> None:
        """Keep the note in the vault now (it is also kept on lock)."""
        vault = self.vault
        if vault is None:
            return
        self._autosave.stop()
        payload = {"text": self.note.toPlainText()}
        key = self.draft_key
        self.runner.submit(
            lambda: vault.drafts.save(key, payload), lambda _: self.autosaved.emit(), owner=self
        )

    def on_unlocked(self, vault: OpenVault) -> None:
        super().on_unlocked(vault)
        self._refresh_date()

    def on_locked(self) -> None:
        self._autosave.stop()
        super().on_locked()
        self.note.clear()

    def take_draft(self) -> dict[str, Any] | None:
        self._autosave.stop()
        text = self.note.toPlainText()
        self.note.clear()
        # An empty note is saved too, so a cleared note stays cleared.
        return {"text": text}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        text = draft.get("text")
        self.note.setPlainText(text if isinstance(text, str) else "")
