"""Conflicten: values that lost a concurrent edit, to keep, swap, or undo (DESIGN.md §6)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.formatting import format_timestamp
from app.views.forms import button
from app.views.models.table import Column, RowsModel
from app.views.pages.audit import record_type_label
from app.views.pages.base import Page
from app.views.sync.labels import (
    IDENTIFYING_FIELDS,
    choice_label,
    field_label,
    format_value,
    full_value,
)
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.sync.conflicts import ConflictRow
    from app.sync.service import SyncService

log = logging.getLogger(__name__)

RECENT_RESOLVED = 20


@dataclass(frozen=True)
class ConflictItem:
    """One conflict as shown: the service row plus who the record is about."""

    id: str
    conflict: ConflictRow
    mine: bool  # the losing value was this worker's
    alias: str | None = None  # set for person records
    full_name: str | None = None
    initials: str = ""
    lost_by_name: str | None = None  # the worker whose value lost, when known here


def load_conflicts(
    sync: SyncService, field: FieldServices, worker_id: str
) -> tuple[list[ConflictItem], list[ConflictItem]]:
    """(open, recently resolved) conflicts with person labels; runs on the worker."""
    people: dict[str, tuple[str, str | None, str] | None] = {}
    names = field.workers.names()

    def item(c: ConflictRow) -> ConflictItem:
        who: tuple[str, str | None, str] | None = None
        if c.record_type == "person":
            if c.record_id not in people:
                try:
                    p = field.people.get(c.record_id)
                    people[c.record_id] = (p.alias, p.full_name, p.initials)
                except BrugfiguurError:
                    people[c.record_id] = None
            who = people[c.record_id]
        mine = c.lost_by is not None and c.lost_by == worker_id
        loser = names.get(c.lost_by) if c.lost_by is not None else None
        if who is None:
            return ConflictItem(c.id, c, mine, lost_by_name=loser)
        return ConflictItem(c.id, c, mine, who[0], who[1], who[2], lost_by_name=loser)

    everything = sync.conflicts(open_only=False)
    open_ = [item(c) for c in everything if c.status == "open"]
    resolved = [item(c) for c in everything if c.status != "open"][:RECENT_RESOLVED]
    return open_, resolved


class ConflictsModel(RowsModel[ConflictItem]):
    """Open (or recently resolved) conflicts; names follow discreet mode."""

    def __init__(
        self, discretion: Discretion, *, resolved: bool = False, parent: QWidget | None = None
    ) -> None:
        self.discretion = discretion
        columns: list[Column[ConflictItem]] = [
            Column(QCoreApplication.translate("ConflictsModel", "Record"), self.record_text),
            Column(
                QCoreApplication.translate("ConflictsModel", "Field"),
                lambda r: field_label(r.conflict.field),
            ),
            Column(
                QCoreApplication.translate("ConflictsModel", "Current value"),
                lambda r: self.value_text(r, r.conflict.kept),
                tooltip=lambda r: self.value_tip(r, r.conflict.kept),
            ),
            Column(
                QCoreApplication.translate("ConflictsModel", "Other value"),
                lambda r: self.value_text(r, r.conflict.lost),
                tooltip=lambda r: self.value_tip(r, r.conflict.lost),
            ),
            Column(
                QCoreApplication.translate("ConflictsModel", "Whose value lost, when"),
                self.who_text,
                sort=lambda r: r.conflict.created_at,
            ),
            Column(
                QCoreApplication.translate("ConflictsModel", "Explanation"),
                self.explanation,
                tooltip=self.explanation_tip,
            ),
        ]
        if resolved:
            columns.append(
                Column(
                    QCoreApplication.translate("ConflictsModel", "Choice"),
                    lambda r: choice_label(r.conflict.status),
                )
            )
        super().__init__(columns, parent)

    def record_text(self, r: ConflictItem) -> str:
        if r.alias is not None:
            return self.discretion.label(r.alias, r.full_name, r.initials)
        return record_type_label(r.conflict.record_type)

    def value_text(self, r: ConflictItem, value: Any) -> str:
        if self.discretion.on and r.conflict.field in IDENTIFYING_FIELDS:
            return QCoreApplication.translate("ConflictsModel", "(hidden in discreet mode)")
        return format_value(value)

    def value_tip(self, r: ConflictItem, value: Any) -> str:
        if self.discretion.on and r.conflict.field in IDENTIFYING_FIELDS:
            return ""
        return full_value(value)

    def who_text(self, r: ConflictItem) -> str:
        if r.mine:
            who = QCoreApplication.translate("ConflictsModel", "yours")
        elif r.lost_by_name:
            who = QCoreApplication.translate("ConflictsModel", "%1's").replace("%1", r.lost_by_name)
        else:
            who = QCoreApplication.translate("ConflictsModel", "a colleague's")
        return f"{who}, {format_timestamp(r.conflict.created_at)}"

    def explanation_tip(self, r: ConflictItem) -> str:
        if r.conflict.both_kept:
            return QCoreApplication.translate(
                "ConflictsModel",
                "Both devices changed this text. The current text holds both versions, so "
                "nothing was lost; edit it in the file if you want one text.",
            )
        return ""

    def explanation(self, r: ConflictItem) -> str:
        if r.conflict.both_kept:
            return QCoreApplication.translate("ConflictsModel", "both texts kept")
        if r.conflict.field == "deleted":
            return QCoreApplication.translate(
                "ConflictsModel", "deleted on one device, edited on another"
            )
        return ""


def _table(model: ConflictsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(34)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    for value_column in (2, 3):  # the two values share what is left; full text in the tooltip
        header.setSectionResizeMode(value_column, QHeaderView.ResizeMode.Stretch)
    return view


class ConflictsPage(Page):
    """Open conflicts with "Behoud huidige" / "Gebruik de andere waarde"; undo for resolved."""

    uses_field = True
    loaded = Signal()
    resolved = Signal(str)  # conflict id, after a choice or an undo was saved

    def __init__(
        self, runner: TaskRunner, discretion: Discretion, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion
        self.sync: SyncService | None = None
        self.setAccessibleName(self.tr("Conflicts"))
        self._busy = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Conflicts")))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Sometimes you and a colleague changed the same thing while one of you was "
                    "offline. Brugfiguur then keeps one value and remembers the other, so "
                    "nothing is lost. Check each one: keep the current value or use the other "
                    "one. You can undo a choice below."
                )
            )
        )
        self.open_model = ConflictsModel(discretion, parent=self)
        self.open_view = _table(self.open_model, self.tr("Open conflicts"))
        self.open_view.doubleClicked.connect(lambda i: self._open_record(self.open_model, i))
        self.empty = paragraph(
            self.tr("There are no open conflicts. Everything you synchronised fits together.")
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.open_view, 2)

        row = QHBoxLayout()
        self.keep_button = button(self.tr("Keep current"), self)
        self.keep_button.setToolTip(self.tr("The current value stays; the conflict is closed."))
        self.keep_button.clicked.connect(lambda: self.choose("accept"))
        self.use_other_button = button(self.tr("Use the other value"), self)
        self.use_other_button.setToolTip(
            self.tr("The other value replaces the current one (and syncs like any edit).")
        )
        self.use_other_button.clicked.connect(lambda: self.choose("lost"))
        row.addWidget(self.keep_button)
        row.addWidget(self.use_other_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(heading(self.tr("Recently resolved"), level=2))
        self.resolved_model = ConflictsModel(discretion, resolved=True, parent=self)
        self.resolved_view = _table(self.resolved_model, self.tr("Recently resolved conflicts"))
        self.resolved_view.doubleClicked.connect(
            lambda i: self._open_record(self.resolved_model, i)
        )
        layout.addWidget(self.resolved_view, 1)
        row = QHBoxLayout()
        self.undo_button = button(self.tr("Undo"), self, name=self.tr("Undo the choice"))
        self.undo_button.setToolTip(self.tr("Put back the value from before the choice."))
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.feedback = Feedback(self.tr("Result"), self)
        layout.addWidget(self.feedback)

        self.open_view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resolved_view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        discretion.changed.connect(lambda _: self._refresh_names())
        self._update()

    # --- life cycle --------------------------------------------------------------------------
    def on_locked(self) -> None:
        super().on_locked()
        self.sync = None
        self.open_model.clear()
        self.resolved_model.clear()
        self.feedback.clear_message()
        self._busy = False
        self._update()

    def reload(self) -> None:
        sync, field, vault = self.sync, self.field, self.vault
        if sync is None or field is None or vault is None:
            return
        worker = vault.device.worker_id

        def show(result: tuple[list[ConflictItem], list[ConflictItem]]) -> None:
            if self.sync is not sync:
                return
            self._show(*result)

        def failed(exc: BaseException) -> None:
            log.error("conflicts not loaded: %s", type(exc).__name__, exc_info=exc)
            self.feedback.show_errors([self.tr("The conflicts could not be loaded.")])

        self.runner.submit(lambda: load_conflicts(sync, field, worker), show, failed, owner=self)

    def _show(self, open_: list[ConflictItem], resolved: list[ConflictItem]) -> None:
        self.open_model.set_rows(open_)
        self.resolved_model.set_rows(resolved)
        self.empty.setVisible(not open_)
        if open_:
            self.open_view.selectRow(0)
        self._update()
        self.loaded.emit()

    def _refresh_names(self) -> None:
        self.open_model.refresh_display()
        self.resolved_model.refresh_display()

    def _selected(self, view: QTableView, model: ConflictsModel) -> ConflictItem | None:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        ok = self.sync is not None and self.field is not None and not self._busy
        chosen = self._selected(self.open_view, self.open_model)
        self.keep_button.setEnabled(ok and chosen is not None)
        self.use_other_button.setEnabled(ok and chosen is not None)
        done = self._selected(self.resolved_view, self.resolved_model)
        self.undo_button.setEnabled(ok and done is not None)

    def _open_record(self, model: ConflictsModel, index: QModelIndex) -> None:
        r = model.row_at(index.row())
        if r.conflict.record_type == "person" and r.alias is not None:
            self.open_person.emit(r.conflict.record_id)

    # --- choices -----------------------------------------------------------------------------
    def choose(self, choice: str) -> None:
        """`accept` keeps the current value, `lost` writes the other value as a new edit."""
        item = self._selected(self.open_view, self.open_model)
        if item is None:
            return
        if choice == "accept":
            message = self.tr("The current value was kept.")
        else:
            message = self.tr("The other value is used now. It syncs like any change.")
        self._run(item, lambda s, records: s.resolve_conflict(item.id, choice, records), message)

    def undo(self) -> None:
        item = self._selected(self.resolved_view, self.resolved_model)
        if item is None:
            return
        self._run(
            item,
            lambda s, records: s.undo_conflict(item.id, records),
            self.tr("Undone: the conflict is open again."),
        )

    def _run(self, item: ConflictItem, action: Any, message: str) -> None:
        sync, field = self.sync, self.field
        if sync is None or field is None or self._busy:
            return
        self._busy = True
        self._update()

        def done(_: object) -> None:
            self._busy = False
            self.feedback.show_ok(message)
            self.status_message.emit(message)
            self.data_changed.emit()
            self.resolved.emit(item.id)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update()
            if isinstance(exc, BrugfiguurError):
                self.feedback.show_errors([exc.message])
            else:
                log.error("conflict choice failed: %s", type(exc).__name__, exc_info=exc)
                self.feedback.show_errors([self.tr("That did not work; nothing was changed.")])
            self.reload()

        self.runner.submit(lambda: action(sync, field.context.records), done, failed, owner=self)
