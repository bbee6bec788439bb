"""Sociale kaart: the partner organisations, their offer and contact persons, and per partner the
handovers still waiting for feedback."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.changes import SHARING, SOCIAL_MAP, Changes
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion, initials_of
from app.views.forms import FormDialog, button, confirm
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.pages.person_file import KeyTable
from app.views.sharing.dialogs import OrganisationDialog, OrgContactDialog
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.services.handovers import HandoverRow
    from app.services.sharing import OrganisationRow

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150


class SocialMapPage(Page):
    icon_name = "building-2"
    watches = frozenset({SOCIAL_MAP, SHARING})
    uses_field = True
    loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        discretion: Discretion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion or Discretion(self)
        self.discretion.changed.connect(lambda _: self._show_details())
        self.setAccessibleName(self.tr("Sociale kaart"))
        self.overdue: tuple[HandoverRow, ...] = ()
        self.names: dict[str, tuple[str, str | None]] = {}
        self.dialog: QDialog | None = None
        self._filled = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Sociale kaart")), 1)
        self.new_button = button(self.tr("New partner…"), self)
        self.new_button.clicked.connect(self.new_organisation)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(
            paragraph(
                self.tr(
                    "The partners you hand over to: who they are, what they offer, who to call. "
                    "Shared with your team at the next sync."
                )
            )
        )
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, contact person or note"))
        self.search.setAccessibleName(self.tr("Search the sociale kaart"))
        self.search.setClearButtonEnabled(True)
        self.domain = QComboBox(self)
        self.domain.setAccessibleName(self.tr("Filter by life domain"))
        self.measure = QComboBox(self)
        self.measure.setAccessibleName(self.tr("Filter by offer"))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.domain, 1)
        filters.addWidget(self.measure, 1)
        layout.addLayout(filters)
        self.feedback = Feedback(self.tr("Messages about the sociale kaart"), self)
        layout.addWidget(self.feedback)

        self.model: RowsModel[OrganisationRow] = RowsModel(
            [
                Column(self.tr("Partner"), lambda o: o.name),
                Column(self.tr("Kind"), lambda o: self._label("organisation_types", o.type)),
                Column(
                    self.tr("Offer"),
                    lambda o: ", ".join(self._short("measures", m) for m in o.measures),
                ),
                Column(
                    self.tr("Feedback overdue"),
                    lambda o: (
                        self.tr("⚠ %n late", "", self._overdue_count(o.id))
                        if self._overdue_count(o.id)
                        else ""
                    ),
                    lambda o: self._overdue_count(o.id),
                ),
            ],
            self,
        )
        self.table = KeyTable(self.tr("Partners"), self.model, self)
        self.table.enter.connect(self.edit_organisation)
        self.table.delete.connect(self.delete_organisation)
        self.empty = paragraph(
            self.tr(
                "No partners yet. Add the first with New partner…; you need one to plan a "
                "warm handover."
            )
        )

        left = QWidget()
        left.setAccessibleName(self.tr("Partners"))
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.empty)

        right = QWidget()
        right.setAccessibleName(self.tr("Partner details"))
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        self.detail_title = heading("", level=2, name=self.tr("Partner"))
        rv.addWidget(self.detail_title)
        self.details = QFormLayout()
        rv.addLayout(self.details)
        cbox = QGroupBox(self.tr("Contact persons"), right)
        cbox.setAccessibleName(self.tr("Contact persons"))
        cv = QVBoxLayout(cbox)
        self.contacts = QListWidget(cbox)
        self.contacts.setAccessibleName(self.tr("Contact persons"))
        self.contacts.setMinimumHeight(70)
        cv.addWidget(self.contacts)
        self.add_contact_button = button(self.tr("Add contact person…"), cbox)
        self.add_contact_button.clicked.connect(self.add_contact)
        cv.addWidget(self.add_contact_button, 0, Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(cbox)
        obox = QGroupBox(self.tr("Handovers waiting for feedback"), right)
        obox.setAccessibleName(self.tr("Handovers waiting for feedback"))
        ov = QVBoxLayout(obox)
        self.overdue_list = QListWidget(obox)
        self.overdue_list.setAccessibleName(self.tr("Handovers waiting for feedback"))
        self.overdue_list.setMinimumHeight(70)
        self.overdue_list.itemActivated.connect(self._overdue_activated)
        ov.addWidget(self.overdue_list)
        rv.addWidget(obox)
        h = QHBoxLayout()
        self.edit_button = button(self.tr("Edit…"), right, name=self.tr("Edit partner"))
        self.delete_button = button(self.tr("Remove…"), right, name=self.tr("Remove partner"))
        self.edit_button.clicked.connect(self.edit_organisation)
        self.delete_button.clicked.connect(self.delete_organisation)
        h.addWidget(self.edit_button)
        h.addWidget(self.delete_button)
        h.addStretch(1)
        rv.addLayout(h)
        rv.addStretch(1)

        split = QSplitter(self)
        split.setAccessibleName(self.tr("Partners and details"))
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.domain.currentIndexChanged.connect(lambda _: self.reload())
        self.measure.currentIndexChanged.connect(lambda _: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self._show_details()

    # --- helpers -------------------------------------------------------------------------------
    def _label(self, vocab: str, code: str) -> str:
        return self.field.vocab[vocab].label(code) if self.field is not None else code

    def _short(self, vocab: str, code: str) -> str:
        label = self._label(vocab, code)
        if "(" in label and label.endswith(")"):
            return label[label.rindex("(") + 1 : -1]  # "Werkervaringsstage (WES)" → "WES"
        return label

    def _overdue_count(self, org_id: str) -> int:
        return sum(1 for h in self.overdue if h.organisation_id == org_id)

    def current(self) -> OrganisationRow | None:
        row: OrganisationRow | None = self.table.current_row()
        return row

    def _fill_filters(self) -> None:
        field = self.field
        if field is None or self._filled:
            return
        for combo, vocab, empty in (
            (self.domain, "life_domains", self.tr("All life domains")),
            (self.measure, "measures", self.tr("All offers")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(empty, None)
            for t in field.vocab[vocab].active():
                combo.addItem(t.label, t.code)
            combo.blockSignals(False)
        self._filled = True

    # --- life cycle ----------------------------------------------------------------------------
    def on_unlocked(self, vault: Any) -> None:
        self._filled = False
        self._fill_filters()
        super().on_unlocked(vault)

    def on_locked(self) -> None:
        super().on_locked()
        self._debounce.stop()
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)
            self.dialog = None
        self.model.clear()
        self.overdue = ()
        self.names = {}
        self.search.clear()
        self._show_details()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        self._fill_filters()
        text = self.search.text()
        domain = self.domain.currentData()
        measure = self.measure.currentData()

        def load() -> tuple[list[OrganisationRow], list[HandoverRow], dict[str, Any]]:
            orgs = field.social_map.search(text, life_domain=domain, measure=measure)
            overdue = field.handovers.overdue_feedback()
            names: dict[str, tuple[str, str | None]] = {}
            for pid in {h.person_id for h in overdue}:
                try:
                    p = field.people.get(pid)
                except BrugfiguurError:
                    continue
                names[pid] = (p.alias, p.full_name)
            return orgs, overdue, names

        def show(result: tuple[list[OrganisationRow], list[HandoverRow], dict[str, Any]]) -> None:
            if self.field is not field:
                return
            orgs, overdue, names = result
            chosen = self.current()
            keep = chosen.id if chosen is not None else None
            self.overdue, self.names = tuple(overdue), names
            self.model.set_rows(orgs)
            self.empty.setVisible(not orgs)
            row = next((i for i, o in enumerate(orgs) if o.id == keep), 0 if orgs else -1)
            if row >= 0:
                self.table.selectRow(row)
            self._show_details()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    # --- details -------------------------------------------------------------------------------
    def _show_details(self) -> None:
        o = self.current()
        while self.details.rowCount():
            self.details.removeRow(0)
        self.contacts.clear()
        self.overdue_list.clear()
        for w in (self.edit_button, self.delete_button, self.add_contact_button):
            w.setEnabled(o is not None)
        if o is None:
            self.detail_title.setText(self.tr("Choose a partner"))
            self.detail_title.setAccessibleName(self.detail_title.text())
            return
        self.detail_title.setText(o.name)
        self.detail_title.setAccessibleName(o.name)
        rows = [
            (self.tr("Kind"), self._label("organisation_types", o.type)),
            (
                self.tr("Life domains"),
                ", ".join(self._label("life_domains", d) for d in o.life_domains) or "—",
            ),
            (self.tr("Offer"), ", ".join(self._label("measures", m) for m in o.measures) or "—"),
            (self.tr("Address"), o.address or "—"),
            (self.tr("Phone"), o.phone or "—"),
            (self.tr("E-mail"), o.email or "—"),
            (self.tr("Website"), o.website or "—"),
        ]
        if o.note:
            rows.append((self.tr("Note"), o.note))
        for label, value in rows:
            key = QLabel(label)
            val = QLabel(value)
            val.setWordWrap(True)
            val.setTextFormat(Qt.TextFormat.PlainText)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            val.setAccessibleName(f"{label}: {value}")
            self.details.addRow(key, val)
        for c in o.contacts:
            text = " — ".join(x for x in (c.name, c.role, c.phone, c.email) if x)
            self.contacts.addItem(text)
        if not o.contacts:
            item = QListWidgetItem(self.tr("No contact persons yet."), self.contacts)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for h in self.overdue:
            if h.organisation_id != o.id:
                continue
            alias, full = self.names.get(h.person_id, ("?", None))
            who = self.discretion.label(alias, full, initials_of(full, alias))
            due = h.expected_feedback_on.strftime("%d/%m/%Y") if h.expected_feedback_on else ""
            item = QListWidgetItem(
                self.tr("⚠ %1 — expected by %2").replace("%1", who).replace("%2", due),
                self.overdue_list,
            )
            item.setData(Qt.ItemDataRole.UserRole, h.person_id)
        if self.overdue_list.count() == 0:
            item = QListWidgetItem(self.tr("Nothing overdue."), self.overdue_list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _overdue_activated(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(pid, str):
            self.open_person.emit(pid)

    # --- actions -------------------------------------------------------------------------------
    def _run(self, dialog: FormDialog) -> None:
        self.dialog = dialog

        def done(_: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.saved.connect(lambda _: self._changed())
        dialog.finished.connect(done)
        dialog.open()

    def _changed(self) -> None:
        """A dialog saved: it announced what changed, and this page reloads from that."""

    def new_organisation(self) -> OrganisationDialog | None:
        if self.field is None:
            return None
        dialog = OrganisationDialog(self.field, self.runner, None, self)
        self._run(dialog)
        return dialog

    def edit_organisation(self) -> None:
        o = self.current()
        if self.field is not None and o is not None:
            self._run(OrganisationDialog(self.field, self.runner, o, self))

    def add_contact(self) -> OrgContactDialog | None:
        o = self.current()
        if self.field is None or o is None:
            return None
        dialog = OrgContactDialog(self.field, self.runner, o, self)
        self._run(dialog)
        return dialog

    def delete_organisation(self) -> None:
        o = self.current()
        field = self.field
        if field is None or o is None:
            return
        if not confirm(
            self,
            self.tr("Remove partner"),
            self.tr(
                "Remove %1 from the sociale kaart? Handovers and consents that name it keep "
                "their history."
            ).replace("%1", o.name),
            self.tr("Remove"),
        ):
            return

        run(
            self.runner,
            lambda: field.social_map.delete(o.id),
            owner=self,
            changes=Changes.of(SOCIAL_MAP),
            report=self.feedback,
            failure=self.tr("Not removed."),
        )
