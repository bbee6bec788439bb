"""The caseload list: a table model over frozen `CaseloadRow`s and a filtering proxy."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.views.discreet import Discretion
from app.views.formatting import format_iso_day, format_iso_minutes
from app.views.models.table import ID_ROLE, SORT_ROLE

if TYPE_CHECKING:
    from app.domain.vocab import Vocabulary
    from app.services.caseload import CaseloadRow

STATUSES = ("actief", "lager_pitje", "nazorg", "afgesloten")


def status_label(code: str) -> str:
    labels = {
        "actief": QCoreApplication.translate("Caseload", "Active"),
        "lager_pitje": QCoreApplication.translate("Caseload", "On a low flame"),
        "nazorg": QCoreApplication.translate("Caseload", "Aftercare"),
        "afgesloten": QCoreApplication.translate("Caseload", "Closed"),
    }
    return labels.get(code, code)


def match_label(where: tuple[str, ...]) -> str:
    """Where a search matched, in words: "alias, naam", "notitie", "contactmoment"."""
    words = {
        "alias": QCoreApplication.translate("Caseload", "alias"),
        "name": QCoreApplication.translate("Caseload", "name"),
        "note": QCoreApplication.translate("Caseload", "note"),
        "contacts": QCoreApplication.translate("Caseload", "contact moment"),
    }
    return ", ".join(words.get(w, w) for w in where)


class CaseloadModel(QAbstractTableModel):
    COLUMNS = ("alias", "name", "phase", "status", "last", "next", "worker", "team", "match")

    def __init__(
        self,
        discretion: Discretion,
        phases: Vocabulary | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._by_id: dict[str, int] = {}
        self._matches: dict[str, tuple[int, tuple[str, ...]]] = {}  # id -> (rank, where)
        self._phases = phases
        self.discretion = discretion
        discretion.changed.connect(self._names_changed)

    # --- data --------------------------------------------------------------------------------
    def set_phases(self, phases: Vocabulary | None) -> None:
        self._phases = phases

    def set_rows(self, rows: Sequence[CaseloadRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_id = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def clear(self) -> None:
        self.set_matches({})
        self.set_rows([])

    def set_matches(self, matches: Mapping[str, tuple[int, tuple[str, ...]]]) -> None:
        """Where the current search matched each person (empty: no search)."""
        self._matches = dict(matches)
        if self._rows:
            col = self.COLUMNS.index("match")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    @property
    def rows(self) -> list[CaseloadRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def row_of(self, person_id: str) -> int | None:
        return self._by_id.get(person_id)

    def workers(self) -> list[str]:
        return sorted({r.worker_name for r in self._rows if r.worker_name})

    def _names_changed(self, _: object) -> None:
        if self._rows:
            col = self.COLUMNS.index("name")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return (
                self.tr("Alias"),
                self.tr("Name"),
                self.tr("Phase"),
                self.tr("Status"),
                self.tr("Last contact"),
                self.tr("Next contact"),
                self.tr("Worker"),
                self.tr("Team"),
                self.tr("Found in"),
            )[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def _text(self, row: CaseloadRow, column: str) -> str:
        if column == "alias":
            return row.alias
        if column == "name":
            return self.discretion.name(row.full_name, row.initials)
        if column == "phase":
            if row.phase is None:
                return ""
            return self._phases.label(row.phase) if self._phases is not None else row.phase
        if column == "status":
            return status_label(row.status)
        if column == "last":
            return format_iso_day(row.last_contact_at)
        if column == "next":
            return format_iso_minutes(row.next_contact_at)
        if column == "worker":
            return row.worker_name or ""
        if column == "match":
            found = self._matches.get(row.id)
            return match_label(found[1]) if found else ""
        return row.team_name or ""

    def _sort_key(self, row: CaseloadRow, column: str) -> Any:
        if column == "match":
            found = self._matches.get(row.id)
            return f"{found[0] if found else 9}{row.alias.casefold()}"  # a string sorts in Qt
        if column == "last":
            return row.last_contact_at or ""
        if column == "next":
            return row.next_contact_at or "9999"
        if column == "phase" and self._phases is not None and row.phase:
            term = self._phases.term(row.phase)
            return int(term.attrs.get("order", 99)) if term else 99
        if column == "status":
            return STATUSES.index(row.status) if row.status in STATUSES else 9
        return self._text(row, column).casefold()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        return None


class CaseloadFilter(QSortFilterProxyModel):
    """Filters by phase, worker, target group (tag), status and a set of search hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._phase: str | None = None
        self._worker: str | None = None
        self._tag: str | None = None
        self._status: str | None = None
        self._hits: frozenset[str] | None = None

    def set_filters(
        self,
        *,
        phase: str | None = None,
        worker: str | None = None,
        tag: str | None = None,
        status: str | None = None,
    ) -> None:
        self.beginFilterChange()
        self._phase, self._worker, self._tag, self._status = phase, worker, tag, status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search_hits(self, ids: Collection[str] | None) -> None:
        """Person ids that match the search text, or None for no search."""
        self.beginFilterChange()
        self._hits = None if ids is None else frozenset(ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def filters(self) -> Mapping[str, str | None]:
        return {
            "phase": self._phase,
            "worker": self._worker,
            "tag": self._tag,
            "status": self._status,
        }

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseloadModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if self._hits is not None and row.id not in self._hits:
            return False
        if self._phase is not None and row.phase != self._phase:
            return False
        if self._worker is not None and row.worker_name != self._worker:
            return False
        if self._tag is not None and self._tag not in row.target_groups:
            return False
        return self._status is None or row.status == self._status
