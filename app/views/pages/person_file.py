"""The person file: overview, contacts, trajectory, network, drempels and agreements.

Opening a file goes through `field.caseload.open_file`, which audits the opening; reloading
after an edit in the file reads the same parts without auditing again.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.changes import (
    AGREEMENTS,
    CONTACTS,
    PEOPLE,
    SHARING,
    SITUATION,
    TRAJECTORY,
    ZRM,
    Changes,
)
from app.qt.clipboard import TimedClipboard
from app.qt.icons import icon
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.qt.theme import colours
from app.views.discreet import Discretion, initials_of
from app.views.formatting import (
    format_date,
    format_datetime,
    format_iso_minutes,
    format_optional_date,
)
from app.views.forms import FormDialog, button, confirm
from app.views.models.caseload import status_label
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.person_dialogs import (
    AgreementDialog,
    DrempelDialog,
    NetworkDialog,
    TrajectoryDialog,
    UpgradeDialog,
    WorkReadinessDialog,
    assessment_label,
    network_kind_label,
)
from app.views.person_rights import EraseDialog, PersonEditDialog
from app.views.reports.dialogs import EsfDialog, FollowUpResultDialog, PlanFollowUpsDialog
from app.views.sharing.tab import SharingTab
from app.views.widgets import Feedback, heading, paragraph
from app.views.zrm import ZrmTab, related_zrm_domains

if TYPE_CHECKING:
    from app.services.caseload import PersonFile
    from app.services.contacts import AgreementRow, ContactRow
    from app.services.field import FieldServices
    from app.services.situation import DrempelRow, NetworkRow, WorkReadinessRow
    from app.services.trajectory import FollowUpRow, TrajectoryEventRow

log = logging.getLogger(__name__)


def event_kind_label(code: str) -> str:
    return {
        "fase": QCoreApplication.translate("PersonFile", "Phase"),
        "lager_pitje": QCoreApplication.translate("PersonFile", "Low flame on"),
        "lager_pitje_uit": QCoreApplication.translate("PersonFile", "Low flame off"),
        "afsluiting": QCoreApplication.translate("PersonFile", "Closed"),
        "heropening": QCoreApplication.translate("PersonFile", "Reopened"),
    }.get(code, code)


def load_file(field: FieldServices, person_id: str, *, audited: bool) -> PersonFile:
    return field.caseload.open_file(person_id, audited=audited)


class KeyTable(QTableView):
    """Enter activates, Delete asks to delete, Space toggles (each when connected)."""

    enter = Signal()
    delete = Signal()
    space = Signal()

    def __init__(self, name: str, model: RowsModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setAccessibleName(QCoreApplication.translate("PersonFile", "Column headers"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda _: self.enter.emit())

    def current_row(self) -> Any | None:
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or not isinstance(model, RowsModel):
            return None
        return model.row_at(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter.emit()
            return
        if key == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete.emit()
            return
        if key == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.space.emit()
            return
        super().keyPressEvent(event)


class PersonFilePage(Page):
    watches = frozenset({PEOPLE, CONTACTS, AGREEMENTS, TRAJECTORY, SITUATION, ZRM, SHARING})
    loaded = Signal()
    new_contact = Signal(str)  # person id
    edit_contact = Signal(str)  # contact id
    closed_file = Signal()
    open_conflicts = Signal()

    erased = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        discretion: Discretion,
        parent: QWidget | None = None,
        *,
        clipboard: TimedClipboard | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion
        self.erase_dialog: EraseDialog | None = None
        self.setAccessibleName(self.tr("Person file"))
        self.person_id: str | None = None
        self.file: PersonFile | None = None
        self.dialog: QDialog | None = None
        self._zrm_link_texts: list[str] = []
        self._glance_texts: dict[str, str] = {}
        discretion.changed.connect(lambda _: self._show_header())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        self.back_button = button(self.tr("← Caseload"), self, name=self.tr("Back to caseload"))
        self.back_button.clicked.connect(self.closed_file)
        top.addWidget(self.back_button)
        self.title = heading("", name=self.tr("Person"))
        top.addWidget(self.title, 1)
        self.contact_button = button(self.tr("New contact moment (Ctrl+N)"), self)
        self.contact_button.setIcon(icon("message-square-plus"))
        self.contact_button.setAccessibleName(self.tr("New contact moment with this person"))
        self.contact_button.clicked.connect(self._new_contact)
        top.addWidget(self.contact_button)
        layout.addLayout(top)
        self.subtitle = paragraph("", name=self.tr("Phase and status"))
        layout.addWidget(self.subtitle)
        self.conflicts_link = QLabel(self)
        self.conflicts_link.setAccessibleName(self.tr("Sync conflicts in this file"))
        self.conflicts_link.linkActivated.connect(lambda _: self.open_conflicts.emit())
        self.conflicts_link.hide()
        layout.addWidget(self.conflicts_link)
        self.feedback = Feedback(self.tr("Feedback"), self)
        layout.addWidget(self.feedback)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Parts of the file"))
        # On a small screen the parts scroll instead of pushing the window off the screen.
        self.tabs_area = QScrollArea(self)
        self.tabs_area.setWidgetResizable(True)
        self.tabs_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs_area.setAccessibleName(self.tr("Parts of the file"))
        self.tabs_area.setWidget(self.tabs)
        layout.addWidget(self.tabs_area, 1)
        self._build_overview()
        self._build_contacts()
        self._build_trajectory()
        self._build_network()
        self._build_drempels()
        self._build_zrm()
        self._build_agreements()
        self.sharing_tab = SharingTab(runner, discretion, clipboard)
        self.tabs.addTab(self.sharing_tab, self.tr("C&onsent && handover"))

    # --- building ----------------------------------------------------------------------------
    def _tab(self, title: str) -> QVBoxLayout:
        page = QWidget()
        page.setAccessibleName(title.replace("&", ""))
        v = QVBoxLayout(page)
        self.tabs.addTab(page, title)
        return v

    def _buttons(self, v: QVBoxLayout, *buttons: Any) -> None:
        h = QHBoxLayout()
        for b in buttons:
            h.addWidget(b)
        h.addStretch(1)
        v.addLayout(h)

    def _build_overview(self) -> None:
        v = self._tab(self.tr("&Overview"))
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("Overview"))
        inner = QWidget()
        inner.setAccessibleName(self.tr("Details"))
        iv = QVBoxLayout(inner)
        self.glance_box = QGroupBox(self.tr("At a glance"), inner)
        self.glance_box.setAccessibleName(self.tr("At a glance"))
        self.glance = QGridLayout(self.glance_box)
        self.glance.setHorizontalSpacing(16)
        self.glance.setColumnStretch(1, 1)
        self.glance.setColumnStretch(3, 1)
        iv.addWidget(self.glance_box)
        self.details_box = QGroupBox(self.tr("Details"), inner)
        self.details_box.setAccessibleName(self.tr("Details"))
        self.details = QFormLayout(self.details_box)
        iv.addWidget(self.details_box)
        iv.addStretch(1)
        area.setWidget(inner)
        v.addWidget(area, 1)
        self.edit_button = button(self.tr("Edit…"), self, name=self.tr("Edit the details"))
        self.edit_button.setIcon(icon("square-pen"))
        self.edit_button.clicked.connect(self.open_edit)
        self.upgrade_button = button(self.tr("Turn into a client file…"), self)
        self.upgrade_button.clicked.connect(self.open_upgrade)
        # Two different things, named apart: a file made by mistake, or the person's right to
        # be forgotten (which also purges it from the central store and every laptop).
        self.delete_button = button(self.tr("Delete a file made by mistake…"), self)
        self.delete_button.setIcon(icon("trash-2"))
        self.delete_button.clicked.connect(self.delete_person)
        self.esf_button = button(self.tr("ESF+ data…"), self, name=self.tr("ESF+ participant data"))
        self.esf_button.clicked.connect(self.open_esf)
        self.hand_on_button = button(
            self.tr("Hand on…"), self, name=self.tr("Hand on to a colleague")
        )
        self.hand_on_button.clicked.connect(self.open_hand_on)
        self._buttons(
            v,
            self.edit_button,
            self.upgrade_button,
            self.hand_on_button,
            self.esf_button,
            self.delete_button,
        )
        rights = QGroupBox(self.tr("Rights of the person"), self)
        rights.setAccessibleName(self.tr("Rights of the person"))
        rv = QVBoxLayout(rights)
        rv.addWidget(
            paragraph(
                self.tr(
                    "The person may see everything you keep about them, take it along, or ask "
                    "to be forgotten."
                )
            )
        )
        self.export_pdf_button = button(self.tr("Export everything (PDF)…"), rights)
        self.export_json_button = button(self.tr("Export everything (JSON)…"), rights)
        self.erase_button = button(self.tr("Erase everything at the person's request…"), rights)
        self.erase_button.setIcon(icon("user-x"))
        self.export_pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.export_json_button.clicked.connect(lambda: self.choose_export("json"))
        self.erase_button.clicked.connect(self.open_erase)
        self._buttons(rv, self.export_pdf_button, self.export_json_button, self.erase_button)
        self.rights_feedback = Feedback(self.tr("Result of the export"), rights)
        rv.addWidget(self.rights_feedback)
        v.addWidget(rights)

    def _build_contacts(self) -> None:
        v = self._tab(self.tr("&Contacts"))
        self.contacts_model: RowsModel[ContactRow] = RowsModel(
            [
                Column(
                    self.tr("When"),
                    lambda c: format_datetime(c.occurred_at),
                    lambda c: c.occurred_at,
                ),
                Column(self.tr("Channel"), lambda c: self._label("channels", c.channel)),
                Column(self.tr("Reached?"), lambda c: self._label("contact_status", c.status)),
                Column(self.tr("Summary"), lambda c: c.summary),
                Column(
                    self.tr("Private note (only for you)"),
                    lambda c: (
                        self.tr("Private: %1").replace("%1", c.private_note)
                        if c.private_note
                        else ""
                    ),
                    italic=lambda c: bool(c.private_note),
                    tooltip=lambda _: self.tr("Private note — never shared or printed"),
                ),
            ],
            self,
        )
        self.contacts_table = KeyTable(
            self.tr("Contact moments, newest first"), self.contacts_model, self
        )
        self.contacts_table.setSortingEnabled(False)
        v.addWidget(self.contacts_table, 1)
        self.contacts_empty = paragraph(
            self.tr("No contact moments yet. Press Ctrl+N to write down the first one.")
        )
        v.addWidget(self.contacts_empty)
        edit = button(self.tr("Edit…"), self, name=self.tr("Edit contact moment"))
        delete = button(self.tr("Delete…"), self, name=self.tr("Delete contact moment"))
        edit.clicked.connect(self._edit_contact)
        delete.clicked.connect(self._delete_contact)
        self.contacts_table.enter.connect(self._edit_contact)
        self.contacts_table.delete.connect(self._delete_contact)
        self._buttons(v, edit, delete)

    def _build_trajectory(self) -> None:
        v = self._tab(self.tr("&Trajectory"))
        self.trajectory_state = paragraph("", name=self.tr("Current phase"))
        v.addWidget(self.trajectory_state)
        self.events_model: RowsModel[TrajectoryEventRow] = RowsModel(
            [
                Column(self.tr("Date"), lambda e: format_date(e.on), lambda e: e.on),
                Column(self.tr("Step"), lambda e: event_kind_label(e.kind)),
                Column(self.tr("Phase"), lambda e: self._label("phases", e.phase)),
                Column(self.tr("Outcome"), lambda e: self._label("outcomes", e.outcome)),
                Column(self.tr("Reason"), lambda e: e.reason),
            ],
            self,
        )
        self.events_table = KeyTable(self.tr("Trajectory history"), self.events_model, self)
        v.addWidget(self.events_table, 2)
        self.phase_button = button(self.tr("Change phase…"), self)
        self.low_flame_button = button(self.tr("Low flame…"), self)
        self.close_button = button(self.tr("Close…"), self)
        self.reopen_button = button(self.tr("Reopen…"), self)
        self.phase_button.clicked.connect(lambda: self.open_trajectory("phase"))
        self.low_flame_button.clicked.connect(self._toggle_low_flame)
        self.close_button.clicked.connect(lambda: self.open_trajectory("close"))
        self.reopen_button.clicked.connect(lambda: self.open_trajectory("reopen"))
        self._buttons(
            v, self.phase_button, self.low_flame_button, self.close_button, self.reopen_button
        )
        v.addWidget(heading(self.tr("Follow-up: how lasting was it"), level=2))
        self.follow_model: RowsModel[FollowUpRow] = RowsModel(
            [
                Column(
                    self.tr("After"),
                    lambda f: self.tr("%n month(s)", "", f.months),
                    lambda f: f.months,
                ),
                Column(self.tr("Due on"), lambda f: format_date(f.due_on), lambda f: f.due_on),
                Column(
                    self.tr("Done"),
                    lambda f: (
                        self.tr("✓ done on %1").replace("%1", format_date(f.done_on))
                        if f.done_on
                        else self.tr("open")
                    ),
                ),
                Column(self.tr("After"), lambda f: self._label("follow_up_anchors", f.anchor)),
                Column(
                    self.tr("Result"),
                    lambda f: " — ".join(
                        x for x in (self._label("follow_up_status", f.status), f.result) if x
                    ),
                ),
            ],
            self,
        )
        self.follow_table = KeyTable(self.tr("Follow-ups"), self.follow_model, self)
        self.follow_table.setMaximumHeight(130)
        v.addWidget(self.follow_table, 1)
        done = button(
            self.tr("Record result…"), self, name=self.tr("Record the follow-up's result")
        )
        done.clicked.connect(self._complete_follow_up)
        self.follow_table.enter.connect(self._complete_follow_up)
        plan = button(
            self.tr("Plan follow-ups…"),
            self,
            name=self.tr("Plan follow-ups after a job or training"),
        )
        plan.clicked.connect(self._plan_follow_ups)
        self._buttons(v, done, plan)

    def _build_network(self) -> None:
        v = self._tab(self.tr("&Network"))
        self.network_model: RowsModel[NetworkRow] = RowsModel(
            [
                Column(self.tr("Kind"), lambda n: network_kind_label(n.kind)),
                Column(self.tr("Relation"), lambda n: self._label("network_relations", n.relation)),
                Column(self.tr("Name"), lambda n: n.name),
                Column(self.tr("Organisation"), lambda n: n.organisation or ""),
                Column(self.tr("Phone"), lambda n: n.phone or ""),
                Column(self.tr("Holds a file"), lambda n: self.tr("yes") if n.holds_file else ""),
            ],
            self,
        )
        self.network_table = KeyTable(
            self.tr("Network around the person"), self.network_model, self
        )
        v.addWidget(self.network_table, 1)
        add = button(self.tr("Add…"), self, name=self.tr("Add to the network"))
        delete = button(self.tr("Delete…"), self, name=self.tr("Delete from the network"))
        add.clicked.connect(self._add_network)
        delete.clicked.connect(lambda: self._delete_record("network_member", self.network_table))
        self.network_table.delete.connect(
            lambda: self._delete_record("network_member", self.network_table)
        )
        self._buttons(v, add, delete)

    def _build_drempels(self) -> None:
        v = self._tab(self.tr("&Drempels"))
        page = v.parentWidget()
        assert page is not None
        self.drempels_page: QWidget = page
        box = QGroupBox(self.tr("Drempels per life domain"), self)
        box.setAccessibleName(self.tr("Drempels per life domain"))
        b = QVBoxLayout(box)
        self.drempels_model: RowsModel[DrempelRow] = RowsModel(
            [
                Column(
                    self.tr("Life domain"), lambda d: self._label("life_domains", d.life_domain)
                ),
                Column(self.tr("Drempel"), lambda d: self._label("drempels", d.drempel)),
                Column(self.tr("Status"), lambda d: self._label("drempel_status", d.status)),
                Column(self.tr("Since"), lambda d: format_optional_date(d.since)),
                Column(self.tr("Note"), lambda d: d.note or ""),
            ],
            self,
        )
        self.drempels_table = KeyTable(self.tr("Drempels"), self.drempels_model, box)
        b.addWidget(self.drempels_table)
        add = button(self.tr("Add…"), box, name=self.tr("Add drempel"))
        edit = button(self.tr("Edit…"), box, name=self.tr("Edit drempel"))
        delete = button(self.tr("Delete…"), box, name=self.tr("Delete drempel"))
        add.clicked.connect(lambda: self._drempel(None))
        edit.clicked.connect(lambda: self._drempel(self.drempels_table.current_row()))
        self.drempels_table.enter.connect(lambda: self._drempel(self.drempels_table.current_row()))
        delete.clicked.connect(lambda: self._delete_record("drempel", self.drempels_table))
        self.drempels_table.delete.connect(
            lambda: self._delete_record("drempel", self.drempels_table)
        )
        h = QHBoxLayout()
        for x in (add, edit, delete):
            h.addWidget(x)
        h.addStretch(1)
        b.addLayout(h)
        self.zrm_links = QLabel(box)
        self.zrm_links.setWordWrap(True)
        self.zrm_links.setTextFormat(Qt.TextFormat.RichText)
        self.zrm_links.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.zrm_links.setAccessibleName(self.tr("Related ZRM domains"))
        self.zrm_links.linkActivated.connect(self.show_zrm_domain)
        self.zrm_links.hide()
        b.addWidget(self.zrm_links)
        v.addWidget(box, 2)
        wbox = QGroupBox(self.tr("Work readiness (apart from the life domains)"), self)
        wbox.setAccessibleName(self.tr("Work readiness"))
        w = QVBoxLayout(wbox)
        self.work_model: RowsModel[WorkReadinessRow] = RowsModel(
            [
                Column(self.tr("Item"), lambda x: self._label("work_readiness", x.item)),
                Column(self.tr("Assessment"), lambda x: assessment_label(x.assessment)),
                Column(self.tr("Note"), lambda x: x.note or ""),
            ],
            self,
        )
        self.work_table = KeyTable(self.tr("Work readiness"), self.work_model, wbox)
        w.addWidget(self.work_table)
        assess = button(self.tr("Assess…"), wbox, name=self.tr("Assess work readiness"))
        wdelete = button(self.tr("Delete…"), wbox, name=self.tr("Delete work readiness item"))
        assess.clicked.connect(self._work_readiness)
        wdelete.clicked.connect(lambda: self._delete_record("work_readiness", self.work_table))
        self.work_table.delete.connect(
            lambda: self._delete_record("work_readiness", self.work_table)
        )
        h2 = QHBoxLayout()
        h2.addWidget(assess)
        h2.addWidget(wdelete)
        h2.addStretch(1)
        w.addLayout(h2)
        v.addWidget(wbox, 1)

    def _build_zrm(self) -> None:
        self.zrm_tab = ZrmTab(self.runner)
        self.zrm_tab.setAccessibleName(self.tr("ZRM"))
        self.tabs.addTab(self.zrm_tab, self.tr("&ZRM"))
        self.zrm_tab.openDrempels.connect(self.show_drempels)
        self.zrm_tab.loaded.connect(self._update_zrm_links)

    def show_drempels(self, life_domain: str) -> None:
        """Switch to the Drempels tab and select the first drempel of this life domain."""
        self.tabs.setCurrentWidget(self.drempels_page)
        label = self._label("life_domains", life_domain)
        for row in range(self.drempels_model.rowCount()):
            if self.drempels_model.row_at(row).life_domain == life_domain:
                self.drempels_table.selectRow(row)
                self.drempels_table.setFocus()
                self.feedback.clear_message()
                return
        self.drempels_table.setCurrentIndex(QModelIndex())
        self.drempels_table.clearSelection()
        self.feedback.show_info(
            self.tr("No drempels written down for %1 yet. Add one with Add….").replace(
                "%1", label.lower()
            )
        )

    def show_zrm_domain(self, code: str) -> None:
        """Switch to the ZRM tab with this ZRM domain selected."""
        self.tabs.setCurrentWidget(self.zrm_tab)
        self.zrm_tab.show_domain(code)

    def zrm_link_texts(self) -> list[str]:
        return list(self._zrm_link_texts)

    def _update_zrm_links(self) -> None:
        f = self.file
        snap = self.zrm_tab.snapshot
        links: list[tuple[str, str]] = []
        seen: set[str] = set()
        for d in f.drempels if f is not None else ():
            for code, label in related_zrm_domains(d.life_domain):
                if code in seen:
                    continue
                seen.add(code)
                level: int | None = None
                if snap is not None and snap.zrm.edition.domain(code) is not None:
                    zd = snap.zrm.edition.domain(code)
                    assert zd is not None
                    prog = snap.zrm.progress.get(zd.canonical or zd.code)
                    level = prog.latest_level if prog is not None else None
                text = (
                    self.tr("ZRM: %1 (%2)").replace("%1", label).replace("%2", str(level))
                    if level is not None
                    else self.tr("ZRM: %1 (not scored yet)").replace("%1", label)
                )
                links.append((code, text))
        self._zrm_link_texts = [t for _, t in links]
        self.zrm_links.setText(
            " &nbsp;·&nbsp; ".join(f'<a href="{c}">{html.escape(t)}</a>' for c, t in links)
        )
        self.zrm_links.setAccessibleDescription(", ".join(self._zrm_link_texts))
        self.zrm_links.setVisible(bool(links))

    def _build_agreements(self) -> None:
        v = self._tab(self.tr("&Agreements"))
        self.agreements_model: RowsModel[AgreementRow] = RowsModel(
            [
                Column(
                    self.tr("Done"),
                    lambda a: self.tr("✓ done") if a.done_on else self.tr("☐ open"),
                    lambda a: bool(a.done_on),
                ),
                Column(self.tr("Agreement"), lambda a: a.description),
                Column(
                    self.tr("Who"),
                    lambda a: (
                        self._label("owner_kinds", a.owner_kind)
                        + (f" ({a.owner_name})" if a.owner_name else "")
                    ),
                ),
                Column(
                    self.tr("Due on"), lambda a: format_optional_date(a.due_on), lambda a: a.due_on
                ),
                Column(self.tr("Done on"), lambda a: format_optional_date(a.done_on)),
            ],
            self,
        )
        self.agreements_table = KeyTable(
            self.tr("Agreements and to-dos (Space: done or open)"), self.agreements_model, self
        )
        v.addWidget(self.agreements_table, 1)
        add = button(self.tr("New agreement…"), self)
        toggle = button(self.tr("Done / open"), self, name=self.tr("Mark agreement done or open"))
        add.clicked.connect(self._add_agreement)
        toggle.clicked.connect(self._toggle_agreement)
        self.agreements_table.space.connect(self._toggle_agreement)
        self.agreements_table.enter.connect(self._toggle_agreement)
        self._buttons(v, add, toggle)

    # --- helpers -----------------------------------------------------------------------------
    def _label(self, vocab: str, code: str | None) -> str:
        field = self.field
        if code is None:
            return ""
        return field.vocab[vocab].label(code) if field is not None else code

    def display_name(self) -> str:
        if self.file is None:
            return ""
        p = self.file.person
        return self.discretion.label(p.alias, p.full_name, p.initials)

    # --- loading -----------------------------------------------------------------------------
    def set_conflicts(self, count: int) -> None:
        """Point to the conflicts screen when a sync left values to check in this file."""
        if count:
            words = self.tr("%n value(s) in this file changed on two devices at once.", "", count)
            link = self.tr("Check them")
            self.conflicts_link.setText(f'⚠ {words} <a href="#conflicts">{link}</a>')
            self.conflicts_link.setAccessibleDescription(words)
        self.conflicts_link.setVisible(count > 0)

    def open(self, person_id: str) -> None:
        """Open (and audit the opening of) a person's file."""
        self.person_id = person_id
        self.file = None
        self.conflicts_link.hide()
        self._clear()
        self._load(audited=True)
        self.zrm_tab.set_person(person_id, "")
        self.sharing_tab.set_person(person_id, (None, ""))

    def reload(self) -> None:
        self._load(audited=False)

    def _load(self, *, audited: bool) -> None:
        field, pid = self.field, self.person_id
        if field is None or pid is None:
            return

        def show(result: PersonFile) -> None:
            if self.field is not field or self.person_id != pid:
                return
            self._show(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BrugfiguurError):
                self.feedback.show_errors([exc.message])
            else:
                log.error("person file: %s", type(exc).__name__, exc_info=exc)
                self.feedback.show_errors([self.tr("The file could not be opened.")])

        self.runner.submit(lambda: load_file(field, pid, audited=audited), show, failed, owner=self)

    def _show(self, f: PersonFile) -> None:
        self.file = f
        self.feedback.clear_message()
        self._show_header()
        self._show_details()
        self.contacts_model.set_rows(f.contacts)
        self.contacts_empty.setVisible(not f.contacts)
        self.events_model.set_rows(tuple(reversed(f.trajectory.events)))
        self.follow_model.set_rows(f.trajectory.follow_ups)
        self.network_model.set_rows(f.network)
        self.drempels_model.set_rows(f.drempels)
        self.work_model.set_rows(f.work_readiness)
        self.agreements_model.set_rows(
            sorted(f.agreements, key=lambda a: (a.done_on is not None, a.due_on or date.max))
        )
        st = f.trajectory.state
        parts = [self.tr("Current phase: %1").replace("%1", self._label("phases", st.phase) or "—")]
        if st.low_flame:
            parts.append(self.tr("on a low flame"))
        if st.closed:
            parts.append(
                self.tr("closed on %1 (%2)")
                .replace("%1", format_optional_date(st.closed_on))
                .replace("%2", self._label("outcomes", st.outcome))
            )
        parts.append(self.tr("%n step(s) back", "", st.steps_back))
        if st.reopened:
            parts.append(self.tr("reopened %n time(s)", "", st.reopened))
        self.trajectory_state.setText(" · ".join(parts))
        self.trajectory_state.setAccessibleName(self.trajectory_state.text())
        self.phase_button.setEnabled(not st.closed)
        self.low_flame_button.setEnabled(not st.closed)
        self.low_flame_button.setText(
            self.tr("Take off the low flame…") if st.low_flame else self.tr("Put on a low flame…")
        )
        self.low_flame_button.setAccessibleName(self.low_flame_button.text().rstrip("…"))
        self.close_button.setEnabled(not st.closed)
        self.reopen_button.setEnabled(st.closed)
        self.upgrade_button.setVisible(not f.person.is_client)
        self.esf_button.setVisible(f.person.is_client)
        self._update_zrm_links()
        self.loaded.emit()

    def _show_header(self) -> None:
        f = self.file
        if f is None:
            self.title.setText("")
            self.subtitle.setText("")
            return
        self.title.setText(self.display_name())
        self.title.setAccessibleName(self.title.text())
        self.zrm_tab.display_name = self.display_name()
        p = f.person
        self.sharing_tab.names = (p.full_name, initials_of(p.full_name, p.alias))
        p = f.person
        status = (
            "afgesloten"
            if p.closed
            else "lager_pitje"
            if p.low_flame
            else "nazorg"
            if p.phase == "opvolging"
            else "actief"
        )
        kind = self.tr("Client file") if p.is_client else self.tr("Pseudonym")
        text = " · ".join(
            x
            for x in (kind, self._label("phases", p.phase), status_label(status), f.worker_name)
            if x
        )
        self.subtitle.setText(text)
        self.subtitle.setAccessibleName(text)
        self._show_details()

    def glance_texts(self) -> dict[str, str]:
        """What the "at a glance" box says, by line (for tests and screen readers)."""
        return dict(self._glance_texts)

    def _show_glance(self) -> None:
        while self.glance.count():
            item = self.glance.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self._glance_texts = {}
        f = self.file
        g = f.glance if f is not None else None
        if g is None:
            return
        c = colours()
        lines: list[tuple[str, str, str | None]] = []  # key, text, colour
        phase = self._label("phases", g.phase) or "—"
        if g.phase_since is not None and g.days_in_phase is not None:
            weeks = g.days_in_phase // 7
            phase += " — " + (
                self.tr("since %1 (%n week(s))", "", weeks).replace(
                    "%1", format_date(g.phase_since)
                )
                if weeks
                else self.tr("since %1").replace("%1", format_date(g.phase_since))
            )
        if g.low_flame:
            phase += " · " + self.tr("on a low flame")
        lines.append((self.tr("Phase"), phase, None))
        if g.next_contact_at:
            lines.append((self.tr("Next contact"), format_iso_minutes(g.next_contact_at), None))
        elif not g.closed:
            lines.append((self.tr("Next contact"), self.tr("⚠ not planned"), c.warning))
        if g.open_agreements:
            first = g.open_agreements[0]
            text = self.tr("%n open", "", len(g.open_agreements))
            if g.overdue_agreements:
                text += ", " + self.tr("%n overdue", "", g.overdue_agreements)
            text += " — " + first.description
            if first.due_on:
                text += " (" + self.tr("by %1").replace("%1", format_date(first.due_on)) + ")"
            colour = c.error if g.overdue_agreements else None
            lines.append((self.tr("Agreements"), ("⚠ " if colour else "") + text, colour))
        else:
            lines.append((self.tr("Agreements"), self.tr("none open"), None))
        lines.append(
            (
                self.tr("Drempels"),
                ", ".join(self._label("life_domains", d) for d in g.active_drempels)
                or self.tr("none active"),
                None,
            )
        )
        if g.zrm_on is None:
            lines.append((self.tr("ZRM"), self.tr("not assessed yet"), None))
        else:
            text = self.tr("%1: average %2").replace("%1", format_date(g.zrm_on))
            text = text.replace("%2", f"{g.zrm_mean:.1f}".replace(".", ",") if g.zrm_mean else "—")
            if g.zrm_change is not None and g.zrm_previous_on is not None:
                arrow = "▲" if g.zrm_change > 0.05 else "▼" if g.zrm_change < -0.05 else "="
                text += " " + (
                    self.tr("(%1 %2 since %3; %4 better, %5 worse)")
                    .replace("%1", arrow)
                    .replace("%2", f"{round(g.zrm_change, 1) + 0.0:+.1f}".replace(".", ","))
                    .replace("%3", format_date(g.zrm_previous_on))
                    .replace("%4", str(g.zrm_better))
                    .replace("%5", str(g.zrm_worse))
                )
            lines.append((self.tr("ZRM"), text, None))
        if g.consents_valid:
            text = self.tr("%n valid consent(s)", "", g.consents_valid)
            if g.consent_until is not None:
                text += " — " + self.tr("until %1").replace("%1", format_date(g.consent_until))
            lines.append((self.tr("Consent"), text, None))
        elif g.consent_lapsed:
            lines.append((self.tr("Consent"), self.tr("⚠ no valid consent any more"), c.warning))
        else:
            lines.append((self.tr("Consent"), self.tr("none recorded: share nothing"), None))
        first_met = format_date(g.first_met_on)
        if g.first_vindplaats:
            first_met += " — " + self.tr("at %1").replace("%1", g.first_vindplaats)
        else:
            first_met += " — " + self._label("first_met", g.first_met_how)
        lines.append((self.tr("First met"), first_met, None))
        lines.append((self.tr("Worker"), g.worker or "—", None))
        for i, (key, text, colour) in enumerate(lines):
            k = QLabel(key)
            bold = k.font()
            bold.setBold(True)
            k.setFont(bold)
            k.setAccessibleName(key)
            val = QLabel(text)
            val.setWordWrap(True)
            val.setTextFormat(Qt.TextFormat.PlainText)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            val.setAccessibleName(f"{key}: {text}")
            if colour:
                val.setStyleSheet(f"color: {colour};")
            self.glance.addWidget(k, i // 2, (i % 2) * 2, Qt.AlignmentFlag.AlignTop)
            self.glance.addWidget(val, i // 2, (i % 2) * 2 + 1, Qt.AlignmentFlag.AlignTop)
            self._glance_texts[key] = text

    def _show_details(self) -> None:
        f = self.file
        self._show_glance()
        while self.details.rowCount():
            self.details.removeRow(0)
        if f is None:
            return
        p = f.person
        hidden = self.tr("hidden (discreet mode)")
        rows: list[tuple[str, str]] = [(self.tr("Alias"), p.alias)]
        if p.is_client:
            rows.append((self.tr("Name"), hidden if self.discretion.on else (p.full_name or "")))
            rows.append((self.tr("Client file since"), format_optional_date(p.client_since)))
            rows.append((self.tr("Date of birth"), format_optional_date(p.date_of_birth)))
            rows.append((self.tr("Phone"), p.phone or ""))
            rows.append((self.tr("Languages"), ", ".join(p.languages)))
            if p.interpreter_needed:
                rows.append((self.tr("Interpreter"), p.interpreter_language or self.tr("needed")))
            rows.append((self.tr("Radar"), self._label("radar_status", p.radar_status)))
        rows.append((self.tr("First met on"), format_date(p.first_met_on)))
        rows.append((self.tr("How"), self._label("first_met", p.first_met_how)))
        if p.referral_source:
            rows.append((self.tr("Referred by"), p.referral_source))
        groups = ", ".join(self._label("target_groups", g) for g in p.target_groups)
        rows.append((self.tr("Target groups"), groups or "—"))
        rows.append((self.tr("Worker"), f.worker_name or "—"))
        if len(f.followed_by) > 1:
            stretches = []
            for name, since, until, note in f.followed_by:
                when = format_date(since) + (" – " + format_date(until) if until else "")
                stretches.append(f"{name} ({when})" + (f": “{note}”" if note else ""))
            rows.append((self.tr("Followed by"), "\n".join(stretches)))
        rows.append((self.tr("Last contact"), format_iso_minutes(p.last_contact_at) or "—"))
        rows.append((self.tr("Next contact"), format_iso_minutes(p.next_contact_at) or "—"))
        if p.note:
            rows.append((self.tr("Note"), p.note))
        for label, value in rows:
            key = QLabel(label)
            key.setAccessibleName(label)
            val = QLabel(value)
            val.setWordWrap(True)
            val.setTextFormat(Qt.TextFormat.PlainText)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            val.setAccessibleName(f"{label}: {value}")
            self.details.addRow(key, val)

    def _clear(self) -> None:
        self.title.setText("")
        self.subtitle.setText("")
        self.trajectory_state.setText("")
        self.feedback.clear_message()
        self.rights_feedback.clear_message()
        self._zrm_link_texts = []
        self._show_glance()
        self.zrm_links.clear()
        self.zrm_links.hide()
        for m in (
            self.contacts_model,
            self.events_model,
            self.follow_model,
            self.network_model,
            self.drempels_model,
            self.work_model,
            self.agreements_model,
        ):
            m.clear()
        while self.details.rowCount():
            self.details.removeRow(0)

    def on_locked(self) -> None:
        super().on_locked()
        self.file = None
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)
            self.dialog = None
        self.zrm_tab.set_services(None, None)
        self.sharing_tab.set_services(None, None)
        if self.erase_dialog is not None:
            self.erase_dialog.done(QDialog.DialogCode.Rejected)
        self._clear()

    def on_unlocked(self, vault: Any) -> None:
        super().on_unlocked(vault)
        self.zrm_tab.set_services(self.field, vault)
        self.sharing_tab.set_services(self.field, vault)

        def worker_name() -> str:
            me = self.field.workers.me() if self.field is not None else None
            return me.name if me is not None else ""

        def assessor(name: str) -> None:
            self.zrm_tab.default_assessor = name

        self.runner.submit(worker_name, assessor, owner=self)
        if self.person_id is not None and self.field is not None:
            self._load(audited=True)
            self.zrm_tab.set_person(self.person_id, "")
            self.sharing_tab.set_person(self.person_id, self.sharing_tab.names)

    def watched_person(self) -> str | None:
        return self.person_id

    def on_changes(self, changes: Changes) -> None:
        """Reload what a write changed about this person (a pull may have changed anything)."""
        pid = self.person_id
        if pid is None or self.field is None:
            return
        if changes.touches(self.watches, pid):
            self.reload()
        if changes.touches({SHARING, PEOPLE}, pid):
            self.sharing_tab.reload()
        if changes.touches({ZRM}, pid) and not self.zrm_tab.form.isVisible():
            self.zrm_tab.reload()

    # --- actions -----------------------------------------------------------------------------
    def _run_dialog(self, dialog: FormDialog) -> None:
        self.dialog = dialog

        def done(_: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def _new_contact(self) -> None:
        if self.person_id:
            self.new_contact.emit(self.person_id)

    def open_edit(self) -> None:
        if self.field and self.person_id and self.file:
            self._run_dialog(
                PersonEditDialog(self.field, self.runner, self.discretion, self.file.person, self)
            )

    def open_hand_on(self) -> None:
        """Hand this person on to a colleague (a coordinator's decision)."""
        field, f = self.field, self.file
        if field is None or f is None:
            return
        from app.views.team import HandOnDialog

        p = f.person
        label = self.discretion.label(p.alias, p.full_name, p.initials)

        def open_dialog(workers: list[Any]) -> None:
            if self.field is field and self.file is f:
                self._run_dialog(
                    HandOnDialog(field, self.runner, workers, person=(p.id, label), parent=self)
                )

        self.runner.submit(field.workers.workers, open_dialog, owner=self)

    # --- rights of the person ----------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.file is None:
            return
        stamp = date.today().isoformat()
        suffix = "pdf" if fmt == "pdf" else "json"
        start = QDir.home().filePath(f"gegevens-{self.file.person.alias}-{stamp}.{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save everything about this person as"),
            start,
            self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("JSON files (*.json)"),
        )
        if chosen:
            self.export_person(fmt, Path(chosen))

    def export_person(self, fmt: str, path: Path) -> None:
        field, pid = self.field, self.person_id
        if field is None or pid is None:
            return

        def done(_: object) -> None:
            self.rights_feedback.show_ok(
                self.tr("Everything about this person was saved in %1.").replace("%1", str(path))
            )
            self.status_message.emit(self.rights_feedback.text().lstrip("✓ "))

        self.rights_feedback.clear_message()
        run(
            self.runner,
            lambda: field.rights.export(pid, fmt, path),
            owner=self,
            done=done,
            report=self.rights_feedback,
            failure=self.tr("Nothing was saved."),
            busy=[self.export_pdf_button, self.export_json_button],
        )

    def open_erase(self) -> EraseDialog | None:
        if self.field is None or self.person_id is None or self.file is None:
            return None
        dialog = EraseDialog(self.display_name(), self)
        self.erase_dialog = dialog
        dialog.submitted.connect(lambda: self._erase(dialog))

        def done(_: int) -> None:
            if self.erase_dialog is dialog:
                self.erase_dialog = None
            dialog.passphrase.clear()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _erase(self, dialog: EraseDialog) -> None:
        field, pid = self.field, self.person_id
        passphrase = dialog.passphrase.text()
        if field is None or pid is None or dialog.busy.isVisible():
            return
        if not passphrase:
            dialog.feedback.show_errors([self.tr("Type your passphrase.")])
            return
        dialog.feedback.clear_message()

        def done(_: object) -> None:
            dialog.done(QDialog.DialogCode.Accepted)
            self.person_id = None
            self.file = None
            self._clear()
            self.zrm_tab.set_person(None)
            self.sharing_tab.set_person(None, (None, ""))
            self.status_message.emit(self.tr("The person was erased."))
            self.erased.emit()
            self.closed_file.emit()

        # An erasure purges everything about the person: every screen may show some of it.
        run(
            self.runner,
            lambda: field.rights.erase(pid, passphrase),
            owner=dialog,
            done=done,
            changes=Changes.everything(),
            report=dialog.feedback,
            failure=self.tr("Nothing was erased."),
            busy=[dialog.busy, dialog.erase_button],
        )

    def open_upgrade(self) -> None:
        if self.field and self.person_id:
            self._run_dialog(
                UpgradeDialog(self.field, self.runner, self.discretion, self.person_id, self)
            )

    def open_trajectory(self, kind: str) -> None:
        if self.field and self.person_id and self.file:
            phase = self.file.trajectory.state.phase
            self._run_dialog(
                TrajectoryDialog(self.field, self.runner, self.person_id, kind, phase, self)
            )

    def _toggle_low_flame(self) -> None:
        if self.file is not None:
            on = self.file.trajectory.state.low_flame
            self.open_trajectory("low_flame_off" if on else "low_flame_on")

    def _complete_follow_up(self) -> None:
        row = self.follow_table.current_row()
        if row is not None and self.field:
            self._run_dialog(FollowUpResultDialog(self.field, self.runner, row, self))

    def _plan_follow_ups(self) -> None:
        if self.field and self.person_id:
            self._run_dialog(PlanFollowUpsDialog(self.field, self.runner, self.person_id, self))

    def open_esf(self) -> None:
        field, pid = self.field, self.person_id
        if field is None or pid is None:
            return
        esf = field.esf

        def show(existing: Any) -> None:
            if self.field is field and self.person_id == pid:
                self._run_dialog(EsfDialog(field, self.runner, pid, existing, self))

        self.runner.submit(lambda: esf.get(pid), show, owner=self)

    def _add_network(self) -> None:
        if self.field and self.person_id:
            self._run_dialog(NetworkDialog(self.field, self.runner, self.person_id, self))

    def _drempel(self, existing: DrempelRow | None) -> None:
        if self.field and self.person_id:
            self._run_dialog(DrempelDialog(self.field, self.runner, self.person_id, existing, self))

    def _work_readiness(self) -> None:
        if self.field and self.person_id:
            self._run_dialog(WorkReadinessDialog(self.field, self.runner, self.person_id, self))

    def _add_agreement(self) -> None:
        if self.field and self.person_id:
            self._run_dialog(AgreementDialog(self.field, self.runner, self.person_id, self))

    def _submit(self, work: Callable[[], object], changes: Changes) -> None:
        run(
            self.runner,
            work,
            owner=self,
            changes=changes,
            report=self.feedback,
            failure=self.tr("Not saved."),
        )

    def _toggle_agreement(self) -> None:
        row = self.agreements_table.current_row()
        field = self.field
        if field is None or row is None:
            return
        done_on = None if row.done_on else field.context.today()
        self._submit(
            lambda: field.contacts.set_agreement_done(row.id, done_on),
            Changes.of(AGREEMENTS, person=self.person_id),
        )

    def _edit_contact(self) -> None:
        row = self.contacts_table.current_row()
        if row is not None:
            self.edit_contact.emit(row.id)

    def _delete_contact(self) -> None:
        row = self.contacts_table.current_row()
        field = self.field
        if field is None or row is None:
            return
        if confirm(
            self,
            self.tr("Delete contact moment"),
            self.tr("Delete the contact moment of %1?").replace(
                "%1", format_datetime(row.occurred_at)
            ),
            self.tr("Delete"),
        ):
            self._submit(
                lambda: field.contacts.delete(row.id),
                Changes.of(CONTACTS, AGREEMENTS, people=[p.person_id for p in row.people]),
            )

    def _delete_record(self, record_type: str, table: KeyTable) -> None:
        row = table.current_row()
        field = self.field
        if field is None or row is None:
            return
        if confirm(
            self,
            self.tr("Delete"),
            self.tr("Delete this line from the file? This cannot be undone."),
            self.tr("Delete"),
        ):
            self._submit(
                lambda: field.situation.delete(record_type, row.id),
                Changes.of(SITUATION, person=self.person_id),
            )

    def delete_person(self) -> None:
        field, pid = self.field, self.person_id
        if field is None or pid is None or self.file is None:
            return
        if not confirm(
            self,
            self.tr("Delete person"),
            self.tr(
                "Delete %1 with all contact moments from your caseload? This cannot be undone."
            ).replace("%1", self.display_name()),
            self.tr("Delete"),
        ):
            return

        def deleted(_: object) -> None:
            self.person_id = None
            self.file = None
            self._clear()
            self.closed_file.emit()

        run(
            self.runner,
            lambda: field.people.delete(pid),
            owner=self,
            done=deleted,
            changes=Changes.of(PEOPLE, CONTACTS, AGREEMENTS, TRAJECTORY, person=pid),
            report=self.feedback,
            failure=self.tr("Not deleted."),
        )
