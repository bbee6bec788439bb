"""Auditlog: who did what, when, on which record (never content)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.formatting import format_timestamp
from app.views.forms import OptionalDate
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.widgets import Feedback, field_label, heading, paragraph

if TYPE_CHECKING:
    from app.services.audit import AuditFilter, AuditRow
    from app.services.vault import OpenVault

PAGE_SIZE = 200


# Codes are app.services.audit.AuditEvent values (kept as strings so this module does not
# import the service layer at start-up). Unknown codes are shown as they are.
def event_label(code: str) -> str:
    labels = {
        "vault_created": QCoreApplication.translate("AuditLabels", "Vault created"),
        "unlock": QCoreApplication.translate("AuditLabels", "Unlocked"),
        "unlock_recovery": QCoreApplication.translate("AuditLabels", "Unlocked with recovery key"),
        "unlock_failed": QCoreApplication.translate("AuditLabels", "Failed unlock attempt"),
        "lock": QCoreApplication.translate("AuditLabels", "Locked"),
        "passphrase_changed": QCoreApplication.translate("AuditLabels", "Passphrase changed"),
        "recovery_key_renewed": QCoreApplication.translate("AuditLabels", "New recovery key made"),
        "backup": QCoreApplication.translate("AuditLabels", "Backup made"),
        "restore": QCoreApplication.translate("AuditLabels", "Backup restored"),
        "settings_changed": QCoreApplication.translate("AuditLabels", "Setting changed"),
        "person_opened": QCoreApplication.translate("AuditLabels", "Person file opened"),
        "record_deleted": QCoreApplication.translate("AuditLabels", "Record deleted"),
        "consent_override": QCoreApplication.translate(
            "AuditLabels", "Shared beyond consent (override)"
        ),
        "fiche_exported": QCoreApplication.translate("AuditLabels", "Handover fiche exported"),
        "person_copy_exported": QCoreApplication.translate(
            "AuditLabels", "Copy for the person exported"
        ),
        "mlp_summary_copied": QCoreApplication.translate("AuditLabels", "MLP summary copied"),
        "person_exported": QCoreApplication.translate(
            "AuditLabels", "Everything about a person exported"
        ),
        "person_erased": QCoreApplication.translate("AuditLabels", "Person erased"),
        "sync_purge_applied": QCoreApplication.translate(
            "AuditLabels", "Erasure from the central store applied"
        ),
        "sync_purge_refused": QCoreApplication.translate(
            "AuditLabels", "Erasure from the central store refused"
        ),
        "sync_refused": QCoreApplication.translate(
            "AuditLabels", "Sync refused: not signed by a coordinator"
        ),
        "sync_quarantined": QCoreApplication.translate(
            "AuditLabels", "Data from the central store set aside"
        ),
        "sync_device_approved": QCoreApplication.translate("AuditLabels", "Laptop approved"),
        "sync_device_revoked": QCoreApplication.translate("AuditLabels", "Laptop revoked"),
        "sync_protocol_v2": QCoreApplication.translate("AuditLabels", "Sync moved to protocol v2"),
        "zrm_pdf_exported": QCoreApplication.translate("AuditLabels", "ZRM overview exported"),
        "zrm_criteria_imported": QCoreApplication.translate(
            "AuditLabels", "Official ZRM criteria imported"
        ),
        "worker_profile_saved": QCoreApplication.translate("AuditLabels", "Worker profile saved"),
        "worker_claimed": QCoreApplication.translate(
            "AuditLabels", "Device joined an existing worker profile"
        ),
        "worker_left": QCoreApplication.translate("AuditLabels", "Worker left the team"),
        "worker_active": QCoreApplication.translate("AuditLabels", "Worker active again"),
        "caseload_moved": QCoreApplication.translate("AuditLabels", "Caseload handed on"),
        "group_attendance": QCoreApplication.translate(
            "AuditLabels", "Group session attendance recorded"
        ),
        "agenda_exported": QCoreApplication.translate("AuditLabels", "Agenda exported"),
        "report_exported": QCoreApplication.translate("AuditLabels", "Report exported"),
        "import": QCoreApplication.translate("AuditLabels", "Spreadsheet imported"),
        "organisation_created": QCoreApplication.translate(
            "AuditLabels", "Organisation set up on the central store"
        ),
        "team_created": QCoreApplication.translate("AuditLabels", "Team created"),
        "device_enrolled": QCoreApplication.translate("AuditLabels", "Device joined the store"),
        "team_key_rotated": QCoreApplication.translate("AuditLabels", "Team key renewed"),
        "sync": QCoreApplication.translate("AuditLabels", "Synchronised"),
        "audit_exported": QCoreApplication.translate("AuditLabels", "Audit log exported"),
        "retention_run": QCoreApplication.translate("AuditLabels", "Retention: files due erased"),
        "processing_record_exported": QCoreApplication.translate(
            "AuditLabels", "Record of processing exported"
        ),
    }
    return labels.get(code, code)


def record_type_label(code: str | None) -> str:
    labels = {
        "person": QCoreApplication.translate("AuditLabels", "person"),
        "report": QCoreApplication.translate("AuditLabels", "report"),
        "contact_moment": QCoreApplication.translate("AuditLabels", "contact moment"),
        "vindplaats": QCoreApplication.translate("AuditLabels", "vindplaats"),
        "handover": QCoreApplication.translate("AuditLabels", "handover"),
        "organisation": QCoreApplication.translate("AuditLabels", "organisation"),
        "zrm_assessment": QCoreApplication.translate("AuditLabels", "ZRM assessment"),
        "network_member": QCoreApplication.translate("AuditLabels", "network member"),
        "drempel": QCoreApplication.translate("AuditLabels", "drempel"),
        "work_readiness": QCoreApplication.translate("AuditLabels", "work readiness"),
        "worker": QCoreApplication.translate("AuditLabels", "worker"),
        "group": QCoreApplication.translate("AuditLabels", "group"),
        "group_session": QCoreApplication.translate("AuditLabels", "group session"),
        # What an import brought in (app.domain.import_kinds.Kind).
        "people": QCoreApplication.translate("AuditLabels", "people"),
        "contacts": QCoreApplication.translate("AuditLabels", "contact moments"),
        "agreements": QCoreApplication.translate("AuditLabels", "agreements"),
        "vindplaatsen": QCoreApplication.translate("AuditLabels", "vindplaatsen"),
        "partners": QCoreApplication.translate("AuditLabels", "sociale kaart"),
        "device": QCoreApplication.translate("AuditLabels", "device"),
    }
    return labels.get(code or "", code or "")


def detail_label(detail: str | None) -> str:
    """A setting's key (with `=value` for numbers and choices) in words."""
    if not detail:
        return ""
    known = {
        "auto_lock_minutes": QCoreApplication.translate("AuditLabels", "automatic locking"),
    }
    key, sep, value = detail.partition("=")
    label = known.get(key, key)
    return f"{label}: {value}" if sep else label


def _record_text(row: AuditRow) -> str:
    if row.record_type and row.record_id:
        return f"{record_type_label(row.record_type)} {row.record_id}"
    return row.record_id or ""


class AuditTableModel(RowsModel["AuditRow"]):
    """The audit entries, newest first, loaded a page at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("AuditTableModel", "Time"),
                    lambda r: format_timestamp(r.at),
                    sort=lambda r: r.at,
                    tooltip=lambda r: r.at,
                ),
                Column(
                    QCoreApplication.translate("AuditTableModel", "Event"),
                    lambda r: event_label(r.event),
                ),
                Column(
                    QCoreApplication.translate("AuditTableModel", "Worker"),
                    lambda r: r.worker_name or "",
                ),
                Column(
                    QCoreApplication.translate("AuditTableModel", "Device"),
                    lambda r: r.device_label,
                ),
                Column(QCoreApplication.translate("AuditTableModel", "Record"), _record_text),
                Column(
                    QCoreApplication.translate("AuditTableModel", "Details"),
                    lambda r: detail_label(r.detail),
                ),
            ],
            parent,
        )
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    def set_rows(self, rows: Sequence[AuditRow], total: int = 0) -> None:
        self._total = total
        super().set_rows(rows)

    def append_rows(self, rows: list[AuditRow], total: int) -> None:
        self._total = total
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_rows([], 0)


ALL = "__all__"


class AuditLogPage(Page):
    """The audit log: this worker's own entries, or, for a coordinator (and a vault on its
    own), the whole team's, filtered by worker, person and period, and exported as CSV or
    PDF for the DPO."""

    icon_name = "scroll-text"
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Audit log")))
        self.intro = paragraph(
            self.tr(
                "Who opened, printed, exported, handed on or erased what, and every unlock, "
                "sync and change of settings, newest first. The log never contains what you "
                "wrote: only times, devices and record ids."
            )
        )
        layout.addWidget(self.intro)
        filters = QHBoxLayout()
        self.worker_filter = QComboBox(self)
        self.worker_filter.setAccessibleName(self.tr("Whose entries"))
        self.person_filter = QComboBox(self)
        self.person_filter.setAccessibleName(self.tr("About which person"))
        self.person_filter.setMinimumWidth(200)
        self.since = OptionalDate(self.tr("From"))
        self.until = OptionalDate(self.tr("Until"))
        for label, w in (
            (self.tr("Worker"), self.worker_filter),
            (self.tr("Person"), self.person_filter),
            (self.tr("From"), self.since),
            (self.tr("Until"), self.until),
        ):
            filters.addWidget(field_label(label, w))
            filters.addWidget(w)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.worker_filter.activated.connect(lambda _: self.reload())
        self.person_filter.activated.connect(lambda _: self.reload())
        self.since.changed.connect(self.reload)
        self.until.changed.connect(self.reload)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Column headers"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.summary = paragraph("")
        row.addWidget(self.summary, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the audit log"))
        self.refresh_button.clicked.connect(self.reload)
        row.addWidget(self.refresh_button)
        self.more_button = QPushButton(self.tr("Load more"), self)
        self.more_button.setAccessibleName(self.tr("Load older entries"))
        self.more_button.clicked.connect(self.load_more)
        row.addWidget(self.more_button)
        self.csv_button = QPushButton(self.tr("Export as CSV…"), self)
        self.csv_button.setAccessibleName(self.tr("Export the entries shown as CSV"))
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        row.addWidget(self.csv_button)
        self.pdf_button = QPushButton(self.tr("Export as PDF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Export the entries shown as PDF"))
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        row.addWidget(self.pdf_button)
        layout.addLayout(row)
        self.feedback = Feedback(self.tr("Result of the export"), self)
        layout.addWidget(self.feedback)
        self._people: dict[str, str] = {}
        self._update_summary()

    def on_unlocked(self, vault: OpenVault) -> None:
        super().on_unlocked(vault)
        if self.isVisible():
            self.reload()

    def on_locked(self) -> None:
        super().on_locked()
        self.model.clear()
        self.worker_filter.clear()
        self.person_filter.clear()
        self._people = {}
        self.feedback.clear_message()
        self._update_summary()

    def audit_filter(self) -> AuditFilter:
        from app.services.audit import AuditFilter

        worker = self.worker_filter.currentData()
        person = self.person_filter.currentData()
        return AuditFilter(
            person_id=person if isinstance(person, str) and person != ALL else None,
            since=self.since.date_value(),
            until=self.until.date_value(),
            worker_id=worker if isinstance(worker, str) and worker != ALL else None,
        )

    def _fill_filters(
        self, team: bool, workers: list[tuple[str, str]], people: list[tuple[str, str]]
    ) -> None:
        for combo, everyone, items in (
            (self.worker_filter, self.tr("Everyone"), workers),
            (self.person_filter, self.tr("All people"), people),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, ALL)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.worker_filter.setEnabled(team)
        self._people = dict(people)

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh entries each time the page is opened."""
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        vault = self.vault
        if vault is None:
            return

        f = self.audit_filter()
        field = self.field

        def load() -> tuple[
            list[AuditRow], int, bool, list[tuple[str, str]], list[tuple[str, str]]
        ]:
            team = vault.audit.is_team_view()
            workers = [(w.id, w.name) for w in vault.workers.workers(include_inactive=True)]
            people = [(r.id, r.alias) for r in field.caseload.rows()] if field is not None else []
            return vault.audit.entries(PAGE_SIZE, 0, f), vault.audit.count(f), team, workers, people

        def show(
            result: tuple[list[AuditRow], int, bool, list[tuple[str, str]], list[tuple[str, str]]],
        ) -> None:
            if self.vault is None:
                return
            rows, total, team, workers, people = result
            self._fill_filters(team, workers, people)
            self.intro.setToolTip(
                "" if team else self.tr("A worker's laptop shows that worker's own entries.")
            )
            self.model.set_rows(rows, total)
            self._update_summary()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def load_more(self) -> None:
        vault = self.vault
        if vault is None:
            return
        offset = self.model.rowCount()
        f = self.audit_filter()

        def load() -> tuple[list[AuditRow], int]:
            return vault.audit.entries(PAGE_SIZE, offset, f), vault.audit.count(f)

        def show(result: tuple[list[AuditRow], int]) -> None:
            if self.vault is None:
                return
            self.model.append_rows(*result)
            self._update_summary()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _update_summary(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.summary.setText(
            self.tr("%1 of %2 entries shown.").replace("%1", str(shown)).replace("%2", str(total))
        )
        self.summary.setAccessibleName(self.summary.text())
        self.more_button.setEnabled(shown < total)

    # --- export --------------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.vault is None:
            return
        stamp = datetime.now().strftime("%Y-%m-%d")
        start = QDir.home().filePath(f"auditlog-{stamp}.{fmt}")
        filters = (
            self.tr("CSV files (*.csv);;All files (*)")
            if fmt == "csv"
            else self.tr("PDF files (*.pdf);;All files (*)")
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the audit log as"), start, filters
        )
        if chosen:
            self.export(Path(chosen), fmt)

    def export(self, out: Path, fmt: str) -> None:
        vault = self.vault
        if vault is None:
            return
        if out.suffix.lower() != f".{fmt}":
            out = out.with_suffix(f".{fmt}")
        f = self.audit_filter()
        from app.services.audit import AuditEvent

        labels = {e.value: event_label(e.value) for e in AuditEvent}
        person = self._people.get(f.person_id) if f.person_id else None

        def done(count: int) -> None:
            message = self.tr("%n entry(ies) saved in %1.", "", count).replace("%1", str(out))
            self.feedback.show_ok(message)
            self.status_message.emit(message)
            self.exported.emit(str(out))
            self.reload()

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not exported.")
            self.feedback.show_errors([msg])

        self.runner.submit(
            lambda: vault.audit.export(out, fmt, f, labels=labels, person_label=person),
            done,
            failed,
            owner=self,
        )
