"""Instellingen → Synchronisatie: joining a central store, teams, invitations and devices."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.sync_scheduler import (
    DEFAULT_INTERVAL_MINUTES,
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    OFF,
    SyncState,
)
from app.qt.tasks import TaskRunner
from app.settings import SYNC_INTERVAL_MINUTES
from app.views.forms import button
from app.views.models.table import Column, RowsModel
from app.views.sync.dialogs import (
    ApproveDialog,
    InviteDialog,
    JoinDialog,
    NewOrganisationDialog,
    NewTeamDialog,
    RevokeDialog,
)
from app.views.sync.labels import (
    device_status_label,
    quarantine_kind_label,
    quarantine_reason_label,
    role_label,
)
from app.views.sync.status import describe
from app.views.widgets import Feedback, field_label, heading, paragraph

if TYPE_CHECKING:
    from app.services.vault import OpenVault
    from app.sync.membership import DeviceRow as SyncDeviceRow
    from app.sync.service import QuarantineRow, SafetyCodes, SyncService

log = logging.getLogger(__name__)

INTERVAL_DEBOUNCE_MS = 600


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if len(iso) >= 10 else iso


@dataclass(frozen=True)
class DeviceRow:
    id: str
    label: str
    role: str
    status: str  # pending | active | revoked
    teams: tuple[str, ...]  # names
    safety_code: str
    invite_ok: bool
    this_device: bool


def device_rows(
    devices: list[SyncDeviceRow], teams: tuple[tuple[str, str], ...], my_device_id: str
) -> list[DeviceRow]:
    names = dict(teams)
    rows = [
        DeviceRow(
            d.device_id,
            d.label,
            d.role,
            d.status,
            tuple(names.get(t, t[:8]) for t in d.teams),
            d.safety_code,
            d.invite_ok,
            d.device_id == my_device_id,
        )
        for d in devices
    ]
    order = {"pending": 0, "active": 1, "revoked": 2}
    rows.sort(key=lambda r: (order.get(r.status, 3), not r.this_device, r.label.lower()))
    return rows


class DevicesModel(RowsModel[DeviceRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("DevicesModel", "Device"), self._label),
                Column(
                    QCoreApplication.translate("DevicesModel", "Role"), lambda r: role_label(r.role)
                ),
                Column(
                    QCoreApplication.translate("DevicesModel", "Status"),
                    lambda r: device_status_label(r.status),
                ),
                Column(
                    QCoreApplication.translate("DevicesModel", "Teams"),
                    lambda r: ", ".join(r.teams),
                ),
                Column(
                    QCoreApplication.translate("DevicesModel", "Safety code"),
                    lambda r: r.safety_code,
                    tooltip=self._code_tip,
                ),
            ],
            parent,
        )

    @staticmethod
    def _label(r: DeviceRow) -> str:
        if r.this_device:
            return QCoreApplication.translate("DevicesModel", "%1 (this laptop)").replace(
                "%1", r.label
            )
        return r.label

    @staticmethod
    def _code_tip(r: DeviceRow) -> str:
        if r.status == "pending":
            return QCoreApplication.translate(
                "DevicesModel",
                "Compare this code with the one on the laptop's own screen before you approve it.",
            )
        return ""


class SyncSettingsBox(QGroupBox):
    """The "Synchronisatie" section of the settings page."""

    sync_requested = Signal()
    interval_changed = Signal(int)
    enrolment_changed = Signal()
    open_conflicts = Signal()
    status_message = Signal(str)
    devices_loaded = Signal()
    revoked = Signal(str)  # device id

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Synchronisation"))
        self.setAccessibleName(self.tr("Synchronisation"))
        self.runner = runner
        self.sync: SyncService | None = None
        self.vault: OpenVault | None = None
        self.state = SyncState(OFF)
        self._loading = False
        self._devices_error = False
        self._role: str | None = None
        self._teams: tuple[tuple[str, str], ...] = ()
        self.dialog: QDialog | None = None
        v = QVBoxLayout(self)
        v.setSpacing(10)

        # Not enrolled: two ways in.
        self.join_panel = QWidget(self)
        self.join_panel.setAccessibleName(self.tr("Connect to a central store"))
        j = QVBoxLayout(self.join_panel)
        j.setContentsMargins(0, 0, 0, 0)
        j.addWidget(
            paragraph(
                self.tr(
                    "This laptop works on its own. Connect it to your organisation's central "
                    "store to share the caseload with your team. Everything stays encrypted: "
                    "the store cannot read it."
                )
            )
        )
        row = QHBoxLayout()
        self.new_org_button = button(self.tr("Set up a new organisation…"), self.join_panel)
        self.new_org_button.clicked.connect(self.open_new_organisation)
        self.join_button = button(self.tr("Join with an invitation…"), self.join_panel)
        self.join_button.clicked.connect(self.open_join)
        row.addWidget(self.join_button)
        row.addWidget(self.new_org_button)
        row.addStretch(1)
        j.addLayout(row)
        v.addWidget(self.join_panel)

        # Enrolled: state, sync now, interval.
        self.enrolled_panel = QWidget(self)
        self.enrolled_panel.setAccessibleName(self.tr("Connected to a central store"))
        e = QVBoxLayout(self.enrolled_panel)
        e.setContentsMargins(0, 0, 0, 0)
        self.summary = paragraph("", name=self.tr("Connection"))
        e.addWidget(self.summary)
        self.codes = paragraph("", name=self.tr("Safety codes"))
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        e.addWidget(self.codes)
        self.waiting = Feedback(self.tr("Approval"), self.enrolled_panel)
        e.addWidget(self.waiting)
        self.state_feedback = Feedback(self.tr("Synchronisation state"), self.enrolled_panel)
        e.addWidget(self.state_feedback)
        row = QHBoxLayout()
        self.sync_button = button(self.tr("Sync now"), self.enrolled_panel)
        self.sync_button.setToolTip(self.tr("Ctrl+Shift+S"))
        self.sync_button.clicked.connect(self.sync_requested)
        row.addWidget(self.sync_button)
        self.conflicts_button = button(self.tr("Conflicts…"), self.enrolled_panel)
        self.conflicts_button.setAccessibleName(self.tr("Show conflicts"))
        self.conflicts_button.clicked.connect(self.open_conflicts)
        row.addWidget(self.conflicts_button)
        row.addSpacing(24)
        self.interval = QSpinBox(self.enrolled_panel)
        self.interval.setRange(MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES)
        self.interval.setValue(DEFAULT_INTERVAL_MINUTES)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setAccessibleName(self.tr("Minutes between automatic syncs"))
        self.interval.setMinimumHeight(30)
        self.interval.setEnabled(False)
        row.addWidget(field_label(self.tr("Synchronise every"), self.interval))
        row.addWidget(self.interval)
        row.addStretch(1)
        e.addLayout(row)
        self.interval_feedback = Feedback(self.tr("Feedback on the interval"), self)
        e.addWidget(self.interval_feedback)
        self._interval_timer = QTimer(self)
        self._interval_timer.setSingleShot(True)
        self._interval_timer.setInterval(INTERVAL_DEBOUNCE_MS)
        self._interval_timer.timeout.connect(self.save_interval)
        self.interval.valueChanged.connect(self._interval_edited)
        v.addWidget(self.enrolled_panel)

        # Coordinator: teams and devices.
        self.coordinator_panel = QWidget(self)
        self.coordinator_panel.setAccessibleName(self.tr("Teams and devices"))
        c = QVBoxLayout(self.coordinator_panel)
        c.setContentsMargins(0, 8, 0, 0)
        c.addWidget(heading(self.tr("Teams"), level=2))
        self.teams_list = QListWidget(self.coordinator_panel)
        self.teams_list.setAccessibleName(self.tr("Teams"))
        self.teams_list.setFixedHeight(40)
        c.addWidget(self.teams_list)
        row = QHBoxLayout()
        self.new_team_button = button(self.tr("New team…"), self.coordinator_panel)
        self.new_team_button.clicked.connect(self.open_new_team)
        self.invite_button = button(self.tr("Make an invitation…"), self.coordinator_panel)
        self.invite_button.clicked.connect(self.open_invite)
        row.addWidget(self.invite_button)
        row.addWidget(self.new_team_button)
        row.addStretch(1)
        c.addLayout(row)
        c.addWidget(heading(self.tr("Devices"), level=2))
        c.addWidget(
            paragraph(
                self.tr(
                    "A laptop that joined with your invitation waits for your approval: compare "
                    "its safety code with the one on its screen, then approve it. Revoke a "
                    "laptop that is lost, stolen or no longer used."
                )
            )
        )
        self.devices_model = DevicesModel(self)
        self.devices_view = QTableView(self.coordinator_panel)
        self.devices_view.setModel(self.devices_model)
        self.devices_view.setAccessibleName(self.tr("Devices"))
        self.devices_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.devices_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices_view.setAlternatingRowColors(True)
        self.devices_view.verticalHeader().hide()
        self.devices_view.verticalHeader().setDefaultSectionSize(32)
        header = self.devices_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # teams
        self.devices_view.setMinimumHeight(170)
        c.addWidget(self.devices_view)
        row = QHBoxLayout()
        self.approve_button = button(self.tr("Approve…"), self.coordinator_panel)
        self.approve_button.setAccessibleName(self.tr("Approve the chosen laptop"))
        self.approve_button.clicked.connect(self.ask_approve)
        row.addWidget(self.approve_button)
        self.revoke_button = button(self.tr("Revoke…"), self.coordinator_panel)
        self.revoke_button.setAccessibleName(self.tr("Revoke the chosen device"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.refresh_button = button(self.tr("Refresh"), self.coordinator_panel)
        self.refresh_button.setAccessibleName(self.tr("Refresh the devices"))
        self.refresh_button.clicked.connect(self.load_devices)
        row.addWidget(self.revoke_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        c.addLayout(row)
        self.devices_feedback = Feedback(self.tr("Feedback on devices"), self.coordinator_panel)
        c.addWidget(self.devices_feedback)
        c.addWidget(heading(self.tr("Refused data"), level=2))
        c.addWidget(
            paragraph(
                self.tr(
                    "Data from the central store that this laptop could not accept (damaged, "
                    "not from a team member, or an erasure that was not allowed). It is kept "
                    "encrypted and set aside; the rest of the sync went on."
                )
            )
        )
        self.quarantine_list = QListWidget(self.coordinator_panel)
        self.quarantine_list.setAccessibleName(self.tr("Refused data"))
        self.quarantine_list.setFixedHeight(72)
        c.addWidget(self.quarantine_list)
        v.addWidget(self.coordinator_panel)
        self.devices_view.selectionModel().selectionChanged.connect(lambda *_: self._update())

        self.feedback = Feedback(self.tr("Result"), self)
        v.addWidget(self.feedback)
        self._show_panels()

    # --- session -----------------------------------------------------------------------------
    def set_session(self, vault: OpenVault | None, sync: SyncService | None) -> None:
        self.vault, self.sync = vault, sync
        if vault is None or sync is None:
            self._interval_timer.stop()
            if self.dialog is not None:
                self.dialog.done(QDialog.DialogCode.Rejected)
            self.state = SyncState(OFF)
            self._role, self._teams = None, ()
            self.devices_model.clear()
            self.teams_list.clear()
            self.interval.setEnabled(False)
            for fb in (
                self.feedback,
                self.devices_feedback,
                self.interval_feedback,
                self.state_feedback,
            ):
                fb.clear_message()
            self._show_panels()
            return

        def loaded(minutes: int) -> None:
            if self.vault is not vault:
                return
            self._loading = True
            self.interval.setValue(minutes)
            self._loading = False
            self.interval.setEnabled(True)

        self.runner.submit(
            lambda: vault.settings.value(SYNC_INTERVAL_MINUTES),
            loaded,
            owner=self,
        )

    @property
    def is_coordinator(self) -> bool:
        return self._role == "coordinator"

    def show_state(self, state: SyncState) -> None:
        """From the scheduler: what the store and this laptop look like now."""
        self.state = state
        status = state.status
        if status is not None:
            role = status.role if status.enrolled else None
            teams = tuple(status.teams) if status.enrolled else ()
            changed = role != self._role or teams != self._teams
            self._role, self._teams = role, teams
            if changed:
                self.teams_list.clear()
                for _, name in teams:
                    self.teams_list.addItem(name)
                rows = max(1, len(teams))
                self.teams_list.setFixedHeight(
                    rows * self.teams_list.sizeHintForRow(0) + 2 * self.teams_list.frameWidth() + 8
                )
                if self.is_coordinator and self.isVisible():
                    self.load_devices()
        self._show_panels()
        if not state.enrolled:
            return
        assert status is not None
        url = status.server_url or ""
        team_names = ", ".join(name for _, name in status.teams) or self.tr("no team yet")
        text = (
            self.tr("Connected to %1 as %2. Teams: %3.")
            .replace("%1", url)
            .replace("%2", role_label(status.role).lower())
            .replace("%3", team_names)
        )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        if state.phase != "syncing":
            self.load_codes()
        if not status.has_team_key:
            self.waiting.show_info(
                self.tr(
                    "Waiting for approval by a coordinator. Give them this laptop's safety "
                    "code (below) to compare before they approve it; until then nothing is "
                    "shared."
                )
            )
        else:
            self.waiting.clear_message()
        line, tip = describe(state)
        if state.phase in ("error", "confirm", "offline"):
            self.state_feedback.show_errors([tip or line])
        else:
            self.state_feedback.show_info(line)
        conflicts = int(status.open_conflicts or 0)
        self.conflicts_button.setText(
            self.tr("Conflicts (%1)…").replace("%1", str(conflicts))
            if conflicts
            else self.tr("Conflicts…")
        )
        self.sync_button.setEnabled(state.phase != "syncing")

    def _show_panels(self) -> None:
        enrolled = self.state.enrolled and self.sync is not None
        known = self.state.status is not None and self.sync is not None
        self.join_panel.setVisible(known and not enrolled)
        self.enrolled_panel.setVisible(enrolled)
        self.coordinator_panel.setVisible(enrolled and self.is_coordinator)
        self._update()

    def _update(self) -> None:
        row = self._selected_device()
        self.revoke_button.setEnabled(
            row is not None and row.status == "active" and not row.this_device
        )
        self.approve_button.setEnabled(
            row is not None and row.status == "pending" and row.invite_ok
        )

    def _selected_device(self) -> DeviceRow | None:
        rows = self.devices_view.selectionModel().selectedRows()
        return self.devices_model.row_at(rows[0].row()) if rows else None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.is_coordinator and self.sync is not None and not self.devices_model.rowCount():
            self.load_devices()

    # --- interval ----------------------------------------------------------------------------
    def _interval_edited(self) -> None:
        if not self._loading:
            self._interval_timer.start()

    def save_interval(self) -> None:
        vault = self.vault
        if vault is None:
            return
        self._interval_timer.stop()
        minutes = self.interval.value()

        def saved(_: object) -> None:
            self.interval_feedback.show_ok(
                self.tr("Saved: Brugfiguur synchronises every %n minute(s).", "", minutes)
            )
            self.interval_changed.emit(minutes)

        def failed(exc: BaseException) -> None:
            message = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.interval_feedback.show_errors([message])

        self.runner.submit(
            lambda: vault.settings.change(SYNC_INTERVAL_MINUTES, minutes),
            saved,
            failed,
            owner=self,
        )

    # --- joining -----------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog

        def done(_: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def open_new_organisation(self) -> NewOrganisationDialog | None:
        if self.sync is None:
            return None
        dialog = NewOrganisationDialog(self.sync, self.runner, self)
        dialog.organisation_created.connect(self.enrolment_changed)
        dialog.team_created.connect(lambda _: self._after_team())
        self._open(dialog)
        return dialog

    def open_join(self) -> JoinDialog | None:
        if self.sync is None:
            return None
        workers = self.vault.workers if self.vault is not None else None
        dialog = JoinDialog(self.sync, self.runner, self, workers=workers)

        def joined(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                message = self.tr(
                    "This laptop joined the central store. It waits for approval by a coordinator."
                )
                self.feedback.show_ok(message)
                self.status_message.emit(message)
                self.enrolment_changed.emit()
                self.sync_requested.emit()

        dialog.finished.connect(joined)
        self._open(dialog)
        return dialog

    # --- coordinator -------------------------------------------------------------------------
    def _after_team(self) -> None:
        self.feedback.show_ok(self.tr("The team was created."))
        self.enrolment_changed.emit()
        self.sync_requested.emit()

    def open_new_team(self) -> NewTeamDialog | None:
        if self.sync is None:
            return None
        dialog = NewTeamDialog(self.sync, self.runner, self)
        dialog.created.connect(lambda _: self._after_team())
        self._open(dialog)
        return dialog

    def open_invite(self) -> InviteDialog | None:
        if self.sync is None:
            return None
        if not self._teams:
            self.feedback.show_errors([self.tr("Create a team first.")])
            return None
        dialog = InviteDialog(self.sync, self.runner, self._teams, parent=self)
        self._open(dialog)
        return dialog

    def load_devices(self) -> None:
        sync = self.sync
        if sync is None or not self.is_coordinator or self.vault is None:
            return
        me, teams = self.vault.device.device_id, self._teams

        def show(devices: list[SyncDeviceRow]) -> None:
            if self.sync is not sync:
                return
            self.devices_model.set_rows(device_rows(devices, teams, me))
            if self._devices_error:
                self._devices_error = False
                self.devices_feedback.clear_message()
            self._update()
            self.devices_loaded.emit()

        def failed(exc: BaseException) -> None:
            message = (
                exc.message
                if isinstance(exc, BrugfiguurError)
                else self.tr("The devices could not be loaded.")
            )
            self._devices_error = True
            self.devices_feedback.show_errors([message])
            self.devices_loaded.emit()

        self.runner.submit(sync.devices, show, failed, owner=self)
        self.load_quarantine()

    def load_codes(self) -> None:
        """The organisation's and this laptop's safety codes (Settings → Synchronisatie)."""
        sync = self.sync
        if sync is None:
            return

        def show(codes: SafetyCodes) -> None:
            if self.sync is not sync:
                return
            lines = []
            if codes.organisation:
                lines.append(
                    self.tr("Safety code of the organisation: %1").replace("%1", codes.organisation)
                )
            if codes.device:
                lines.append(self.tr("Safety code of this laptop: %1").replace("%1", codes.device))
            text = "\n".join(lines)
            self.codes.setText(text)
            self.codes.setAccessibleName(text or self.tr("Safety codes"))

        self.runner.submit(sync.safety_codes, show, owner=self)

    def load_quarantine(self) -> None:
        sync = self.sync
        if sync is None:
            return

        def show(rows: list[QuarantineRow]) -> None:
            if self.sync is not sync:
                return
            self.quarantine_list.clear()
            for r in rows:
                who = r.device_label or (r.device_id or "?")[:8]
                self.quarantine_list.addItem(
                    self.tr("%1 · %2 · from %3 · %4 · %5")
                    .replace("%1", r.team)
                    .replace("%2", quarantine_kind_label(r.kind, r.record_type))
                    .replace("%3", who)
                    .replace("%4", quarantine_reason_label(r.reason))
                    .replace("%5", _day(r.received_at))
                )
            if not rows:
                self.quarantine_list.addItem(self.tr("Nothing was refused."))

        self.runner.submit(sync.quarantine, show, owner=self)

    def ask_approve(self) -> ApproveDialog | None:
        row = self._selected_device()
        if row is None or self.sync is None or row.status != "pending" or not row.invite_ok:
            return None
        dialog = ApproveDialog(
            row.label, ", ".join(row.teams), role_label(row.role).lower(), row.safety_code, self
        )
        dialog.accepted.connect(lambda: self.approve(row))
        self._open(dialog)
        return dialog

    def approve(self, row: DeviceRow) -> None:
        sync = self.sync
        if sync is None:
            return
        self.approve_button.setEnabled(False)

        def done(_: object) -> None:
            message = self.tr(
                "“%1” was approved; it receives the team keys at its next sync."
            ).replace("%1", row.label)
            self.devices_feedback.show_ok(message)
            self.status_message.emit(message)
            self.load_devices()

        def failed(exc: BaseException) -> None:
            message = (
                exc.message
                if isinstance(exc, BrugfiguurError)
                else self.tr("The laptop could not be approved. Try again.")
            )
            self.devices_feedback.show_errors([message])
            self.load_devices()

        self.runner.submit(lambda: sync.approve(row.id, row.safety_code), done, failed, owner=self)

    def ask_revoke(self) -> RevokeDialog | None:
        row = self._selected_device()
        if row is None or self.sync is None or row.this_device or row.status != "active":
            return None
        dialog = RevokeDialog(row.label, self)
        dialog.accepted.connect(lambda: self.revoke(row))
        self._open(dialog)
        return dialog

    def revoke(self, row: DeviceRow) -> None:
        sync = self.sync
        if sync is None:
            return
        self.revoke_button.setEnabled(False)

        def done(team_ids: Any) -> None:
            message = self.tr(
                "“%1” was revoked. New team keys were made for %n team(s).", "", len(team_ids)
            ).replace("%1", row.label)
            self.devices_feedback.show_ok(message)
            self.status_message.emit(message)
            self.revoked.emit(row.id)
            self.load_devices()

        def failed(exc: BaseException) -> None:
            message = (
                exc.message
                if isinstance(exc, BrugfiguurError)
                else self.tr("The device could not be revoked. Try again.")
            )
            self.devices_feedback.show_errors([message])
            self.load_devices()

        self.runner.submit(lambda: sync.revoke(row.id), done, failed, owner=self)
