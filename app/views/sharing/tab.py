"""The person file's "Consent and handover" tab: consents, warm handovers, the fiche."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.clipboard import TimedClipboard
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.forms import FormDialog, button
from app.views.models.table import Column, RowsModel
from app.views.sharing.dialogs import (
    ConsentDialog,
    FeedbackDialog,
    HandoverDialog,
    HeldDialog,
    WithdrawConsentDialog,
    consent_state_label,
    given_how_label,
)
from app.views.sharing.fiche_preview import FichePreviewDialog
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.handovers import HandoverInput, HandoverRow
    from app.services.sharing import ConsentRow, OrganisationRow
    from app.services.vault import OpenVault

log = logging.getLogger(__name__)
_QCA = QCoreApplication


@dataclass(frozen=True)
class SharingSnapshot:
    consents: tuple[ConsentRow, ...]
    handovers: tuple[HandoverRow, ...]
    organisations: tuple[OrganisationRow, ...]
    today: date
    mlp_seconds: int


def load_sharing(field: FieldServices, vault: OpenVault | None, person_id: str) -> SharingSnapshot:
    from app.views.sharing.settings import DEFAULT_MLP_SECONDS, mlp_seconds

    return SharingSnapshot(
        tuple(field.consents.for_person(person_id)),
        tuple(field.handovers.for_person(person_id)),
        tuple(field.social_map.search()),
        field.context.today(),
        mlp_seconds(vault) if vault is not None else DEFAULT_MLP_SECONDS,
    )


def _day(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


class SharingTab(QWidget):
    """Mount in the person file; `set_services` on unlock/lock, `set_person` on opening."""

    loaded = Signal()
    dataChanged = Signal()
    previewOpened = Signal(object)
    editOpened = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        discretion: Discretion,
        clipboard: TimedClipboard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.discretion = discretion
        self.clipboard = clipboard or TimedClipboard(self)
        self.field: FieldServices | None = None
        self.vault: OpenVault | None = None
        self.person_id: str | None = None
        self.names: tuple[str | None, str] = (None, "")
        self.snapshot: SharingSnapshot | None = None
        self.dialog: QDialog | None = None
        self.clear_after_ms: int | None = None  # tests: a short interval instead of the setting
        self.setAccessibleName(self.tr("Consent and handover"))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._warn_icon: QIcon = warn

        v = QVBoxLayout(self)
        self.feedback = Feedback(self.tr("Messages about consent and handovers"), self)
        v.addWidget(self.feedback)

        cbox = QGroupBox(self.tr("Consent: what may be shared, with whom"), self)
        cbox.setAccessibleName(self.tr("Consents"))
        cv = QVBoxLayout(cbox)
        self.consent_model: RowsModel[ConsentRow] = RowsModel(
            [
                Column(self.tr("State"), lambda c: consent_state_label(c.state)),
                Column(self.tr("Data"), self._categories_text),
                Column(self.tr("With whom"), self._recipients_text),
                Column(self.tr("For what"), self._purposes_text),
                Column(
                    self.tr("How"),
                    lambda c: (
                        self.tr("%1 on %2")
                        .replace("%1", given_how_label(c.given_how))
                        .replace("%2", _day(c.given_on))
                    ),
                    lambda c: c.given_on,
                ),
                Column(
                    self.tr("Valid until"),
                    lambda c: (
                        self.tr("withdrawn on %1").replace("%1", _day(c.withdrawn_on))
                        if c.withdrawn_on
                        else _day(c.valid_until) or self.tr("no end date")
                    ),
                    lambda c: c.valid_until or date.max,
                ),
            ],
            self,
        )
        from app.views.pages.person_file import KeyTable

        self.consent_table = KeyTable(self.tr("Consents"), self.consent_model, cbox)
        header = self.consent_table.horizontalHeader()
        for col, width in ((1, 260), (2, 150), (3, 170)):  # long lists wrap, no side-scrolling
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        cv.addWidget(self.consent_table)
        self.consent_empty = paragraph(
            self.tr(
                "No consent recorded. Without consent nothing about this person leaves the app: "
                "a fiche then holds only the names and the meeting."
            )
        )
        cv.addWidget(self.consent_empty)
        self.consent_button = button(self.tr("Record consent…"), cbox)
        self.withdraw_button = button(
            self.tr("Withdraw…"), cbox, name=self.tr("Withdraw the selected consent")
        )
        self.consent_button.clicked.connect(self.new_consent)
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        h = QHBoxLayout()
        h.addWidget(self.consent_button)
        h.addWidget(self.withdraw_button)
        h.addStretch(1)
        cv.addLayout(h)
        v.addWidget(cbox, 1)

        hbox = QGroupBox(self.tr("Warm handovers and referrals"), self)
        hbox.setAccessibleName(self.tr("Handovers"))
        hv = QVBoxLayout(hbox)
        self.handover_model: RowsModel[HandoverRow] = RowsModel(
            [
                Column(self.tr("Receiver"), lambda h: h.organisation_name),
                Column(self.tr("Kind"), lambda h: self._label("handover_types", h.type)),
                Column(self.tr("Status"), lambda h: self._label("handover_status", h.status)),
                Column(
                    self.tr("Triogesprek"),
                    lambda h: (
                        " — ".join(
                            x
                            for x in (
                                h.planned_at.strftime("%d/%m/%Y %H:%M") if h.planned_at else "",
                                h.place or "",
                            )
                            if x
                        )
                        or self.tr("not planned yet")
                    ),
                    lambda h: h.planned_at.isoformat() if h.planned_at else "",
                ),
                Column(
                    self.tr("Feedback expected"),
                    self._expected_text,
                    lambda h: h.expected_feedback_on or date.max,
                    icon=lambda h: self._warn_icon if self._overdue(h) else None,
                    tooltip=lambda h: (
                        self.tr("The receiver has not reported back yet")
                        if self._overdue(h)
                        else ""
                    ),
                ),
                Column(
                    self.tr("Feedback"),
                    lambda h: (
                        f"{_day(h.feedback_received_on)}: {h.feedback}"
                        if h.feedback_received_on
                        else ""
                    ),
                ),
            ],
            self,
        )
        self.handover_table = KeyTable(self.tr("Handovers"), self.handover_model, hbox)
        self.handover_table.enter.connect(self.open_preview)
        hv.addWidget(self.handover_table)
        self.handover_empty = paragraph(
            self.tr(
                "No handovers yet. Plan one when the person is ready for a next step with a "
                "partner: the person chooses the moment."
            )
        )
        hv.addWidget(self.handover_empty)
        self.handover_button = button(self.tr("New handover…"), hbox)
        self.edit_handover_button = button(
            self.tr("Change…"), hbox, name=self.tr("Change the chosen handover")
        )
        self.held_button = button(
            self.tr("Triogesprek held…"), hbox, name=self.tr("Mark the triogesprek as held")
        )
        self.feedback_button = button(
            self.tr("Feedback received…"), hbox, name=self.tr("Write down the receiver's feedback")
        )
        self.preview_button = button(
            self.tr("Fiche and exports…"), hbox, name=self.tr("Preview and export the fiche")
        )
        self.handover_button.clicked.connect(self.new_handover)
        self.edit_handover_button.clicked.connect(self.edit_handover)
        self.held_button.clicked.connect(self.mark_held)
        self.feedback_button.clicked.connect(self.record_feedback)
        self.preview_button.clicked.connect(self.open_preview)
        h2 = QHBoxLayout()
        for b in (
            self.handover_button,
            self.edit_handover_button,
            self.held_button,
            self.feedback_button,
        ):
            h2.addWidget(b)
        h2.addStretch(1)
        h2.addWidget(self.preview_button)
        hv.addLayout(h2)
        v.addWidget(hbox, 1)
        v.insertWidget(0, heading(self.tr("Consent and warm handover"), level=2))
        self.consent_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.handover_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )
        self._update_buttons()

    # --- labels ------------------------------------------------------------------------------
    def _label(self, vocab: str, code: str | None) -> str:
        if code is None:
            return ""
        return self.field.vocab[vocab].label(code) if self.field is not None else code

    def _categories_text(self, c: ConsentRow) -> str:
        if self.field is None:
            return ", ".join(c.categories)
        voc = self.field.vocab["consent_categories"]
        parts = []
        for code in c.categories:
            term = voc.term(code)
            label = term.label.split(" (")[0] if term else code
            parts.append(f"⚠ {label}" if term and term.attrs.get("sensitive") else label)
        return ", ".join(parts)

    def _recipients_text(self, c: ConsentRow) -> str:
        snap = self.snapshot
        orgs = {o.id: o for o in snap.organisations} if snap else {}
        names = [orgs[o].name if o in orgs else self.tr("(removed)") for o in c.organisation_ids]
        for cid in c.contact_ids:
            found = next(((p, o) for o in orgs.values() for p in o.contacts if p.id == cid), None)
            names.append(
                self.tr("%1 at %2").replace("%1", found[0].name).replace("%2", found[1].name)
                if found
                else self.tr("(removed)")
            )
        return ", ".join(names)

    def _purposes_text(self, c: ConsentRow) -> str:
        return ", ".join(self._label("consent_purposes", p) for p in c.purposes)

    def _today(self) -> date:
        return self.snapshot.today if self.snapshot else date.today()

    def _overdue(self, h: HandoverRow) -> bool:
        return h.feedback_overdue(self._today())

    def _expected_text(self, h: HandoverRow) -> str:
        if h.expected_feedback_on is None:
            return ""
        if self._overdue(h):
            return self.tr("⚠ overdue since %1").replace("%1", _day(h.expected_feedback_on))
        return _day(h.expected_feedback_on)

    # --- wiring --------------------------------------------------------------------------------
    def set_services(self, field: FieldServices | None, vault: OpenVault | None) -> None:
        self.field, self.vault = field, vault
        if field is None:
            self.close_dialog()
            self.clear()

    def set_person(self, person_id: str | None, names: tuple[str | None, str]) -> None:
        if person_id != self.person_id:
            self.clear()
        self.person_id = person_id
        self.names = names
        self.reload()

    def clear(self) -> None:
        self.snapshot = None
        self.consent_model.clear()
        self.handover_model.clear()
        self.feedback.clear_message()
        self._update_buttons()

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)
            self.dialog = None

    def reload(self) -> None:
        field, vault, pid = self.field, self.vault, self.person_id
        if field is None or pid is None:
            return

        def show(snap: SharingSnapshot) -> None:
            if self.field is not field or self.person_id != pid:
                return
            self.snapshot = snap
            self.consent_model.set_rows(snap.consents)
            self.handover_model.set_rows(snap.handovers)
            self.consent_table.resizeRowsToContents()
            self.consent_empty.setVisible(not snap.consents)
            self.handover_empty.setVisible(not snap.handovers)
            overdue = [h for h in snap.handovers if h.feedback_overdue(snap.today)]
            if overdue:
                self.feedback.show_info(
                    self.tr(
                        "⚠ %n handover(s) waiting for feedback past the agreed date.",
                        "",
                        len(overdue),
                    )
                )
            else:
                self.feedback.clear_message()
            self._update_buttons()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Could not load.")
            self.feedback.show_errors([msg])

        self.runner.submit(lambda: load_sharing(field, vault, pid), show, failed, owner=self)

    def _update_buttons(self) -> None:
        ready = self.field is not None and self.snapshot is not None
        c = self.consent_table.current_row()
        h = self.handover_table.current_row()
        self.consent_button.setEnabled(ready)
        self.handover_button.setEnabled(ready)
        self.withdraw_button.setEnabled(ready and c is not None and c.withdrawn_on is None)
        self.held_button.setEnabled(ready and h is not None and h.status == "gepland")
        self.edit_handover_button.setEnabled(ready and h is not None)
        self.feedback_button.setEnabled(
            ready and h is not None and h.feedback_received_on is None and h.status != "geannuleerd"
        )
        self.preview_button.setEnabled(ready and h is not None)

    # --- actions -------------------------------------------------------------------------------
    def _run(self, dialog: QDialog) -> None:
        self.close_dialog()
        self.dialog = dialog

        def done(_: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        if isinstance(dialog, FormDialog):
            dialog.saved.connect(lambda _: self._changed())
        dialog.finished.connect(done)
        dialog.open()

    def _changed(self) -> None:
        # The dialog announced what it changed; the person file reloads this tab from that.
        self.dataChanged.emit()

    def new_consent(self) -> ConsentDialog | None:
        if self.field is None or self.person_id is None or self.snapshot is None:
            return None
        dialog = ConsentDialog(
            self.field, self.runner, self.person_id, self.snapshot.organisations, self
        )
        self._run(dialog)
        return dialog

    def withdraw_consent(self) -> None:
        row = self.consent_table.current_row()
        if self.field is not None and row is not None and row.withdrawn_on is None:
            self._run(WithdrawConsentDialog(self.field, self.runner, row, self))

    def new_handover(self) -> HandoverDialog | None:
        if self.field is None or self.person_id is None or self.snapshot is None:
            return None
        dialog = HandoverDialog(
            self.field, self.runner, self.person_id, self.snapshot.organisations, self
        )
        self._run(dialog)
        return dialog

    def edit_handover(self) -> None:
        """Load the chosen handover's content, then open the form filled in."""
        row = self.handover_table.current_row()
        field = self.field
        if field is None or row is None or self.person_id is None or self.snapshot is None:
            return
        person_id, organisations, handover_id = self.person_id, self.snapshot.organisations, row.id

        def show(data: HandoverInput) -> None:
            if self.field is None:
                return
            dialog = HandoverDialog(
                field, self.runner, person_id, organisations, self, existing=(handover_id, data)
            )
            self._run(dialog)
            self.editOpened.emit(dialog)

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Could not load.")
            self.feedback.show_errors([msg])

        self.runner.submit(lambda: field.handovers.input(handover_id), show, failed, owner=self)

    def mark_held(self) -> None:
        row = self.handover_table.current_row()
        if self.field is not None and row is not None:
            planned = row.planned_at.date() if row.planned_at else None
            self._run(HeldDialog(self.field, self.runner, row.id, planned, self))

    def record_feedback(self) -> None:
        row = self.handover_table.current_row()
        if self.field is not None and row is not None:
            self._run(FeedbackDialog(self.field, self.runner, row.id, row.organisation_name, self))

    def select_handover(self, handover_id: str) -> None:
        for r in range(self.handover_model.rowCount()):
            if self.handover_model.row_at(r).id == handover_id:
                self.handover_table.selectRow(r)
                return

    def open_preview(self) -> FichePreviewDialog | None:
        row = self.handover_table.current_row()
        if self.field is None or row is None or self.snapshot is None:
            return None
        ms = self.clear_after_ms or self.snapshot.mlp_seconds * 1000
        dialog = FichePreviewDialog(
            self.field,
            self.runner,
            row,
            self.clipboard,
            self.discretion,
            names=self.names,
            clear_after_ms=ms,
            parent=self,
        )
        dialog.exported.connect(lambda _: self._changed())
        self._run(dialog)
        dialog.load()
        self.previewOpened.emit(dialog)
        return dialog
