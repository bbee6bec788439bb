"""The sync part of the status bar: state in words, a busy bar, the conflicts link."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from app.qt.sync_scheduler import CONFIRM, ERROR, OFF, OFFLINE, SYNCING, SyncState


def _clock_time(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).strftime("%H:%M")


def _last_sync_text(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if moment.date() == datetime.now().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%d/%m/%Y %H:%M")


class SyncStatusWidget(QWidget):
    """Shows a `SyncState`; hidden while not enrolled. `open_conflicts` from the link,
    `sync_requested` from the button."""

    open_conflicts = Signal()
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Synchronisation"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(60)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Synchronising"))
        self.bar.hide()
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Synchronisation state"))
        self.label.setWordWrap(False)
        self.conflicts_link = QLabel(self)
        self.conflicts_link.setAccessibleName(self.tr("Open conflicts"))
        self.conflicts_link.setToolTip(self.tr("Show the conflicts to check"))
        self.conflicts_link.linkActivated.connect(lambda _: self.open_conflicts.emit())
        self.conflicts_link.hide()
        self.sync_button = QToolButton(self)
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Sync now (Ctrl+Shift+S)"))
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.conflicts_link)
        layout.addWidget(self.sync_button)
        self.state = SyncState(OFF)
        self.hide()

    def show_state(self, state: SyncState) -> None:
        self.state = state
        status = state.status
        if state.phase == OFF or status is None or not getattr(status, "enrolled", False):
            self.hide()
            return
        self.show()
        self.bar.setVisible(state.phase == SYNCING)
        self.sync_button.setEnabled(state.phase != SYNCING)
        text, tip = describe(state)
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setAccessibleDescription(tip or text)
        conflicts = int(getattr(status, "open_conflicts", 0) or 0)
        if conflicts:
            words = self.tr("%n conflict(s)", "", conflicts)
            self.conflicts_link.setText(f'⚠ <a href="#conflicts">{words}</a>')
            self.conflicts_link.setAccessibleDescription(words)
        self.conflicts_link.setVisible(conflicts > 0)

    def text(self) -> str:
        return self.label.text()


def describe(state: SyncState) -> tuple[str, str]:
    """(the line in the status bar, the tooltip with the full explanation)."""
    status = state.status
    pending = int(getattr(status, "pending_changes", 0) or 0)
    waiting = ""
    if pending == 1:
        waiting = QCoreApplication.translate("SyncStatus", "1 change waiting")
    elif pending > 1:
        waiting = QCoreApplication.translate("SyncStatus", "%1 changes waiting").replace(
            "%1", str(pending)
        )
    if state.phase == SYNCING:
        return QCoreApplication.translate("SyncStatus", "Synchronising…"), ""
    if state.phase == OFFLINE:
        if state.retry_at is not None:
            text = QCoreApplication.translate("SyncStatus", "Offline — trying again at %1").replace(
                "%1", _clock_time(state.retry_at)
            )
        else:
            text = QCoreApplication.translate("SyncStatus", "Offline")
        if waiting:
            text = f"{text} · {waiting}"
        return text, state.message
    if state.phase == ERROR and state.code in ("no_team", "no_team_key"):
        text = QCoreApplication.translate("SyncStatus", "Waiting for approval by a coordinator")
        return text, state.message
    if state.phase in (ERROR, CONFIRM):
        head = (
            QCoreApplication.translate("SyncStatus", "Waiting for your confirmation")
            if state.phase == CONFIRM
            else QCoreApplication.translate("SyncStatus", "Not synchronised")
        )
        message = state.message or QCoreApplication.translate(
            "SyncStatus",
            "Something went wrong while synchronising. Nothing was lost; try again later.",
        )
        return f"✗ {head}: {message}", message
    if not getattr(status, "has_team_key", True):
        return QCoreApplication.translate("SyncStatus", "Waiting for approval by a coordinator"), ""
    last = getattr(status, "last_sync_at", None)
    text = (
        QCoreApplication.translate("SyncStatus", "Last synchronised at %1").replace(
            "%1", _last_sync_text(last)
        )
        if last
        else QCoreApplication.translate("SyncStatus", "Not synchronised yet")
    )
    if waiting:
        text = f"{text} · {waiting}"
    return text, ""
