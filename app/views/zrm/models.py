"""Item models of the ZRM tab: a read-only table of cells, and the editable scoring sheet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import QCoreApplication as _QCA
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.zrm import SOURCES, DomainScore, Edition
from app.qt.theme import colours

ROW_DATA_ROLE = Qt.ItemDataRole.UserRole
_INDEX = QModelIndex()


def source_label(code: str | None) -> str:
    return {
        "persoon": _QCA.translate("ZrmModels", "person"),
        "observatie": _QCA.translate("ZrmModels", "observation"),
        "partner": _QCA.translate("ZrmModels", "partner"),
        "dossier": _QCA.translate("ZrmModels", "file"),
    }.get(code or "", "")


@dataclass(frozen=True)
class Cell:
    text: str
    tooltip: str = ""
    bold: bool = False
    strike: bool = False
    muted: bool = False


class CellsModel(QAbstractTableModel):
    """Rows of `Cell`s under fixed headers; `ROW_DATA_ROLE` gives each row's payload."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[tuple[Sequence[Cell], object]] = []

    def set_rows(self, rows: Sequence[tuple[Sequence[Cell], object]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def payload(self, row: int) -> object:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cells, payload = self._rows[index.row()]
        if role == ROW_DATA_ROLE:
            return payload
        if not 0 <= index.column() < len(cells):
            return None
        c = cells[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.AccessibleTextRole and c.strike:
                return _QCA.translate("ZrmModels", "previous version: %1").replace("%1", c.text)
            return c.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.tooltip or None
        if role == Qt.ItemDataRole.FontRole and (c.bold or c.strike):
            f = QFont()
            f.setBold(c.bold)
            f.setStrikeOut(c.strike)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and (c.muted or c.strike):
            return QBrush(QColor(colours().hint))
        return None


# --- the scoring sheet ----------------------------------------------------------------------------

COL_DOMAIN, COL_LEVEL, COL_LABEL, COL_SELF, COL_TARGET, COL_TARGET_DATE, COL_SOURCE = range(7)
COL_REASON, COL_NOTE = 7, 8
EDITABLE = (COL_TARGET_DATE, COL_REASON, COL_NOTE)


@dataclass
class RowState:
    code: str
    label: str
    level: int | None = None
    not_scored: bool = False
    reason: str = ""
    source: str | None = None
    note: str = ""
    self_level: int | None = None
    target_level: int | None = None
    target_date: str = ""  # as typed, dd/mm/jjjj
    error: str = ""

    @property
    def touched(self) -> bool:
        return self.level is not None or self.not_scored

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "not_scored": self.not_scored,
            "reason": self.reason,
            "source": self.source,
            "note": self.note,
            "self_level": self.self_level,
            "target_level": self.target_level,
            "target_date": self.target_date,
        }

    def load_json(self, d: Mapping[str, Any]) -> None:
        def lvl(v: object) -> int | None:
            return v if isinstance(v, int) and 1 <= v <= 5 else None

        self.level = lvl(d.get("level"))
        self.not_scored = bool(d.get("not_scored")) and self.level is None
        self.reason = str(d.get("reason") or "")
        src = d.get("source")
        self.source = src if src in SOURCES else None
        self.note = str(d.get("note") or "")
        self.self_level = lvl(d.get("self_level"))
        self.target_level = lvl(d.get("target_level"))
        self.target_date = str(d.get("target_date") or "")

    def load_score(self, s: DomainScore) -> None:
        self.level = s.level
        self.not_scored = s.level is None
        self.reason = s.not_scored_reason or ""
        self.source = s.source
        self.note = s.note
        self.self_level = s.self_level
        self.target_level = s.target_level
        self.target_date = s.target_date.strftime("%d/%m/%Y") if s.target_date else ""


def parse_day(text: str) -> date | None:
    """'dd/mm/jjjj' (also with '-' or '.') as a date; ValueError when it is not one."""
    t = text.strip().replace("-", "/").replace(".", "/")
    if not t:
        return None
    return datetime.strptime(t, "%d/%m/%Y").date()


class ScoringModel(QAbstractTableModel):
    """One row per domain of an edition; keys in the view change levels, text cells edit."""

    def __init__(self, edition: Edition, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edition = edition
        self.rows: list[RowState] = [RowState(d.code, d.label) for d in edition.domains]
        self.headers = [
            _QCA.translate("ZrmModels", "Domain"),
            _QCA.translate("ZrmModels", "Score"),
            _QCA.translate("ZrmModels", "Level"),
            _QCA.translate("ZrmModels", "Own score"),
            _QCA.translate("ZrmModels", "Target"),
            _QCA.translate("ZrmModels", "Target date"),
            _QCA.translate("ZrmModels", "Source"),
            _QCA.translate("ZrmModels", "Reason not scored"),
            _QCA.translate("ZrmModels", "Note"),
        ]

    def set_edition(self, edition: Edition) -> None:
        self.beginResetModel()
        self.edition = edition
        self.rows = [RowState(d.code, d.label) for d in edition.domains]
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.code == code), -1)

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def reset_all(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def _text(self, r: RowState, col: int) -> str:
        levels = self.edition.levels
        if col == COL_DOMAIN:
            return f"✗ {r.label}" if r.error else r.label
        if col == COL_LEVEL:
            if r.not_scored:
                return _QCA.translate("ZrmModels", "not scored")
            return "" if r.level is None else str(r.level)
        if col == COL_LABEL:
            return levels.get(r.level, "") if r.level is not None else ""
        if col == COL_SELF:
            return "" if r.self_level is None else str(r.self_level)
        if col == COL_TARGET:
            return "" if r.target_level is None else str(r.target_level)
        if col == COL_TARGET_DATE:
            return r.target_date
        if col == COL_SOURCE:
            return source_label(r.source)
        if col == COL_REASON:
            return r.reason
        if col == COL_NOTE:
            return r.note
        return ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(r, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(r, col)
            return f"{self.headers[col]}: {text or _QCA.translate('ZrmModels', 'empty')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.error or None
        if role == Qt.ItemDataRole.FontRole and col in (COL_DOMAIN, COL_LEVEL):
            f = QFont()
            f.setBold(col == COL_LEVEL or bool(r.error))
            return f
        if role == Qt.ItemDataRole.ForegroundRole and r.error and col == COL_DOMAIN:
            return QBrush(QColor(colours().error))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            COL_LEVEL,
            COL_SELF,
            COL_TARGET,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROW_DATA_ROLE:
            return r.code
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() not in EDITABLE or not 0 <= index.row() < len(self.rows):
            return False
        r = self.rows[index.row()]
        text = str(value or "").strip()
        if index.column() == COL_TARGET_DATE:
            r.target_date = text
        elif index.column() == COL_REASON:
            r.reason = text
            if text and r.level is None:
                r.not_scored = True
        else:
            r.note = text
        r.error = ""
        self.changed(index.row())
        return True
