"""Caseload: everyone you support, filtered by phase, worker, target group and status, with
search as you type over names, aliases and notes (the vault's full-text index)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.qt.changes import CONTACTS, PEOPLE, TRAJECTORY
from app.qt.icons import icon
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.forms import button
from app.views.models.caseload import STATUSES, CaseloadFilter, CaseloadModel, status_label
from app.views.models.table import ID_ROLE
from app.views.pages.base import Page
from app.views.widgets import heading, paragraph

if TYPE_CHECKING:
    from app.services.caseload import CaseloadRow
    from app.services.search import NameIndex, SearchHit
    from app.services.vault import OpenVault

SEARCH_DEBOUNCE_MS = 15


class CaseloadTable(QTableView):
    """Enter opens the selected person; Tab leaves the table (it is not a grid to walk)."""

    activated_row = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    """Down moves into the results; Enter opens the first result."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class CaseloadPage(Page):
    icon_name = "users"
    watches = frozenset({PEOPLE, CONTACTS, TRAJECTORY})
    uses_field = True
    loaded = Signal()
    searched = Signal()
    new_person = Signal()

    def __init__(
        self, runner: TaskRunner, discretion: Discretion, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion
        self.setAccessibleName(self.tr("Caseload"))
        self._search_seq = 0
        self._name_index: NameIndex | None = None
        self.last_search_ms: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Caseload")), 1)
        self.new_button = button(self.tr("New person (Ctrl+Shift+N)"), self)
        self.new_button.setIcon(icon("user-plus"))
        self.new_button.setAccessibleName(self.tr("New person"))
        self.new_button.clicked.connect(self.new_person)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.search = SearchField(self)
        self.search.setAccessibleName(self.tr("Search in names, aliases and notes"))
        self.search.setPlaceholderText(
            self.tr("Search in names, aliases and notes (Ctrl+F) — accents do not matter")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(32)
        self.names_only = QCheckBox(self.tr("Only &names"), self)
        self.names_only.setAccessibleName(self.tr("Search only in names and aliases"))
        self.names_only.setToolTip(
            self.tr("Leave out people whose note or contact moments match, not their name")
        )
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.names_only)
        layout.addLayout(search_row)

        filters = QHBoxLayout()
        self.phase_filter = self._combo(self.tr("Filter by phase"))
        self.status_filter = self._combo(self.tr("Filter by status"))
        self.worker_filter = self._combo(self.tr("Filter by worker"))
        self.tag_filter = self._combo(self.tr("Filter by target group"))
        for combo in (self.phase_filter, self.status_filter, self.worker_filter, self.tag_filter):
            filters.addWidget(combo, 1)
        layout.addLayout(filters)

        self.model = CaseloadModel(discretion, parent=self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = CaseloadTable(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("People in your caseload"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Column headers"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(118)
        # "Found in" only while searching.
        self.table.setColumnHidden(CaseloadModel.COLUMNS.index("match"), True)
        layout.addWidget(self.table, 1)
        self.summary = paragraph("")
        layout.addWidget(self.summary)
        self.empty = paragraph(
            self.tr(
                "Nobody in your caseload yet. Add someone you met with “New person” "
                "(Ctrl+Shift+N); a pseudonym is enough to start."
            )
        )
        self.empty.hide()
        layout.addWidget(self.empty)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._search_edited)
        self.names_only.toggled.connect(lambda _: self.run_search())
        self.search.down.connect(self._into_results)
        self.search.enter.connect(self._open_first)
        self.table.activated_row.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        for combo in (self.phase_filter, self.status_filter, self.worker_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.proxy.modelReset.connect(self._update_summary)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)
        self.proxy.layoutChanged.connect(self._update_summary)
        self.setFocusProxy(self.search)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumHeight(30)
        return combo

    # --- loading -----------------------------------------------------------------------------
    def on_unlocked(self, vault: OpenVault) -> None:
        field = self.field
        if field is not None:
            self.model.set_phases(field.vocab["phases"])
            self._fill_static_filters()
        super().on_unlocked(vault)

    def _fill_static_filters(self) -> None:
        field = self.field
        assert field is not None
        for combo, everything in (
            (self.phase_filter, self.tr("All phases")),
            (self.status_filter, self.tr("Every status")),
            (self.tag_filter, self.tr("All target groups")),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            combo.blockSignals(False)
        for term in field.vocab["phases"].active():
            self.phase_filter.addItem(term.label, term.code)
        for code in STATUSES:
            self.status_filter.addItem(status_label(code), code)
        for term in field.vocab["target_groups"].active():
            self.tag_filter.addItem(term.label, term.code)

    def _fill_workers(self) -> None:
        current = self.worker_filter.currentData()
        self.worker_filter.blockSignals(True)
        self.worker_filter.clear()
        self.worker_filter.addItem(self.tr("All workers"), None)
        for worker in self.model.workers():
            self.worker_filter.addItem(worker, worker)
        index = self.worker_filter.findData(current)
        self.worker_filter.setCurrentIndex(max(0, index))
        self.worker_filter.blockSignals(False)

    def reload(self) -> None:
        field = self.field
        if field is None:
            return

        def load() -> tuple[list[CaseloadRow], NameIndex]:
            rows = field.caseload.rows()
            return rows, field.caseload.name_index(rows)

        def show(result: tuple[list[CaseloadRow], NameIndex]) -> None:
            if self.field is not field:
                return
            rows, self._name_index = result
            self.model.set_rows(rows)
            self._fill_workers()
            self.empty.setVisible(not rows)
            self._update_summary()
            if self.search.text().strip():
                self.run_search()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def on_locked(self) -> None:
        super().on_locked()
        self._debounce.stop()
        self._search_seq += 1
        self.search.clear()
        self.proxy.set_search_hits(None)
        self._name_index = None
        self.model.clear()
        for combo in (self.phase_filter, self.status_filter, self.worker_filter, self.tag_filter):
            combo.clear()
        self._update_summary()

    # --- search ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_edited(self, _: str) -> None:
        self._debounce.start()

    def run_search(self) -> None:
        self._debounce.stop()
        field = self.field
        text = self.search.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        match_col = CaseloadModel.COLUMNS.index("match")
        if field is None or not text:
            self.proxy.set_search_hits(None)
            self.model.set_matches({})
            self.table.setColumnHidden(match_col, True)
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.searched.emit()
            return
        started = time.perf_counter()
        names_only = self.names_only.isChecked()
        index = self._name_index

        def show(hits: list[SearchHit]) -> None:
            if seq != self._search_seq or self.field is not field:
                return  # a newer keystroke is on its way
            self.model.set_matches({h.person_id: (h.rank, h.where) for h in hits})
            self.table.setColumnHidden(match_col, False)
            self.proxy.set_search_hits([h.person_id for h in hits])
            # Names and aliases first: sorted by where the words matched.
            self.table.sortByColumn(
                CaseloadModel.COLUMNS.index("match"), Qt.SortOrder.AscendingOrder
            )
            self.last_search_ms = (time.perf_counter() - started) * 1000
            self.searched.emit()

        self.runner.submit(
            lambda: field.caseload.search_ranked(text, names_only=names_only, index=index),
            show,
            owner=self,
        )

    def _filters_changed(self) -> None:
        self.proxy.set_filters(
            phase=self.phase_filter.currentData(),
            worker=self.worker_filter.currentData(),
            tag=self.tag_filter.currentData(),
            status=self.status_filter.currentData(),
        )

    def _update_summary(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 of %2 people shown.").replace("%1", str(shown)).replace("%2", str(total))
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    # --- opening -----------------------------------------------------------------------------
    def _into_results(self) -> None:
        if self.proxy.rowCount() > 0:
            self.table.setFocus()
            self.table.selectRow(0)

    def _open_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self._open_index(self.proxy.index(0, 0))

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            person_id = index.model().index(index.row(), 0).data(ID_ROLE)
            if isinstance(person_id, str):
                self.open_person.emit(person_id)
