"""The sync part of the status bar: state in words, a progress bar and a Stop button while
syncing, the conflicts link."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from app.qt.sync_scheduler import (
    CANCELLED,
    CONFIRM,
    ERROR,
    IDLE,
    OFF,
    OFFLINE,
    SYNCING,
    SyncState,
)


def _clock_time(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).strftime("%H:%M")


def _number(n: int) -> str:
    """1.234 in nl-BE (the application's default locale)."""
    return QLocale().toString(n)


def percent_done(progress: Any) -> int | None:
    """0–100 for a progress report with a known total; None while the total is unknown."""
    if progress is None:
        return None
    total = int(getattr(progress, "total", 0) or 0)
    if total <= 0:
        return None
    done = int(getattr(progress, "done", 0) or 0)
    return max(0, min(100, done * 100 // total))


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
    `sync_requested` from the Sync now button, `stop_requested` from the Stop button (shown
    instead of Sync now while a sync runs)."""

    open_conflicts = Signal()
    sync_requested = Signal()
    stop_requested = Signal()

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
        self.stop_button = QToolButton(self)
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop synchronising"))
        self.stop_button.setToolTip(
            self.tr(
                "Stop synchronising after the current batch. What was already sent or received "
                "is kept; the next sync continues where this one stopped."
            )
        )
        self.stop_button.setAutoRaise(True)
        self.stop_button.clicked.connect(self.stop_requested)
        self.stop_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.conflicts_link)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.stop_button)
        self.state = SyncState(OFF)
        self.hide()

    def show_state(self, state: SyncState) -> None:
        self.state = state
        status = state.status
        if state.phase == OFF or status is None or not getattr(status, "enrolled", False):
            self.hide()
            return
        self.show()
        syncing = state.phase == SYNCING
        self._show_bar(state.progress if syncing else None)
        self.bar.setVisible(syncing)
        self.sync_button.setVisible(not syncing)
        self.stop_button.setVisible(syncing)
        self.stop_button.setEnabled(syncing and not state.stopping)
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

    def show_progress(self, progress: Any) -> None:
        """From the scheduler's `progress_changed`: the running sync got this far."""
        if self.state.phase == SYNCING:
            self.show_state(replace(self.state, progress=progress))

    def _show_bar(self, progress: Any) -> None:
        percent = percent_done(progress)
        if percent is None:
            self.bar.setRange(0, 0)  # busy: the total is not known (yet)
            self.bar.setAccessibleDescription("")
            return
        self.bar.setRange(0, 100)
        self.bar.setValue(percent)
        self.bar.setAccessibleDescription(
            QCoreApplication.translate("SyncStatus", "%1% done").replace("%1", str(percent))
        )

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
        return _describe_syncing(state)
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
    if state.phase == ERROR and state.code in ("no_team", "no_team_key", "not_approved"):
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
    if state.phase == IDLE and state.code == CANCELLED:
        text = QCoreApplication.translate("SyncStatus", "Synchronisation stopped")
        if waiting:
            text = f"{text} · {waiting}"
        return text, state.message
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


def _describe_syncing(state: SyncState) -> tuple[str, str]:
    tip = QCoreApplication.translate(
        "SyncStatus",
        "You can keep working while this laptop synchronises. Stop ends the sync after the "
        "current batch; the next sync continues where it stopped.",
    )
    if state.stopping:
        return QCoreApplication.translate("SyncStatus", "Stopping…"), tip
    progress = state.progress
    phase = str(getattr(progress, "phase", "") or "")
    done = int(getattr(progress, "done", 0) or 0)
    total = int(getattr(progress, "total", 0) or 0)
    if phase == "push":
        if total > 0:
            text = (
                QCoreApplication.translate("SyncStatus", "Sending changes… %1 of %2")
                .replace("%1", _number(min(done, total)))
                .replace("%2", _number(total))
            )
        else:
            text = QCoreApplication.translate("SyncStatus", "Sending changes…")
        return text, tip
    if phase == "pull":
        percent = percent_done(progress)
        if percent is not None:
            text = QCoreApplication.translate("SyncStatus", "Receiving changes… %1%").replace(
                "%1", str(percent)
            )
        else:
            text = QCoreApplication.translate("SyncStatus", "Receiving changes…")
        return text, tip
    return QCoreApplication.translate("SyncStatus", "Synchronising…"), tip
