"""The scoring sheet: all domains of an edition scored with the keyboard alone.

Keys on the sheet (the focused domain): 1–5 score and move on · 0 or N "not scored" and type the
reason (Enter moves on) · T then 1–5 target (T 0 clears) · E then 1–5 the person's own score ·
B next source · D target date · O note · Delete clears the domain · Up/Down move · Ctrl+S saves.
Every change is handed to `save_draft` (debounced), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.trajectory import add_months
from app.domain.zrm import SOURCES, DomainScore, Edition
from app.errors import ValidationError
from app.services.zrm import AssessmentInput
from app.views.widgets import Feedback, field_label
from app.views.zrm.models import (
    COL_LEVEL,
    COL_NOTE,
    COL_REASON,
    COL_TARGET_DATE,
    ScoringModel,
    parse_day,
    source_label,
)

DRAFT_DEBOUNCE_MS = 800
DEFAULT_TARGET_MONTHS = 6
_DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(6)}


class ScoringView(QTableView):
    """The sheet. Letter and digit keys act on the current row (see the module docstring)."""

    prefixChanged = Signal(str)

    def __init__(self, model: ScoringModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = model
        self.setModel(model)
        self.prefix = ""  # "T" (target) or "E" (own score) while waiting for a digit
        self._advance_after_edit = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(30)
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setStretchLastSection(True)
        self.setWordWrap(False)

    def current_row(self) -> int:
        r = self.currentIndex().row()
        return r if r >= 0 else 0

    def go_to(self, row: int, column: int = COL_LEVEL) -> None:
        row = max(0, min(row, self.sheet.rowCount() - 1))
        self.setCurrentIndex(self.sheet.index(row, column))

    def _set_prefix(self, p: str) -> None:
        self.prefix = p
        self.prefixChanged.emit(p)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        row = self.current_row()
        m = self.sheet
        if not m.rows:
            super().keyPressEvent(event)
            return
        r = m.rows[row]
        if key in _DIGITS:
            n = _DIGITS[key]
            value = n if n else None
            if self.prefix == "T":
                r.target_level = value
                if value is None:
                    r.target_date = ""
                elif not r.target_date:
                    r.target_date = self.default_target_date()
            elif self.prefix == "E":
                r.self_level = value
            elif n == 0:
                self._not_scored(row)
                return
            else:
                r.level, r.not_scored, r.reason = n, False, ""
                r.error = ""
                m.changed(row)
                self._set_prefix("")
                self.go_to(row + 1)
                return
            r.error = ""
            m.changed(row)
            self._set_prefix("")
            return
        if key == Qt.Key.Key_Escape and self.prefix:
            self._set_prefix("")
            return
        self._set_prefix("")
        if key == Qt.Key.Key_N:
            self._not_scored(row)
        elif key in (Qt.Key.Key_T, Qt.Key.Key_E):
            self._set_prefix("T" if key == Qt.Key.Key_T else "E")
        elif key == Qt.Key.Key_B:
            order = [None, *SOURCES]
            r.source = order[(order.index(r.source) + 1) % len(order)]
            m.changed(row)
        elif key == Qt.Key.Key_D:
            self._edit(row, COL_TARGET_DATE, advance=False)
        elif key == Qt.Key.Key_O:
            self._edit(row, COL_NOTE, advance=False)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            r.level, r.not_scored, r.reason, r.error = None, False, "", ""
            r.self_level = r.target_level = None
            r.target_date = ""
            m.changed(row)
        else:
            super().keyPressEvent(event)

    default_target_date: Callable[[], str] = staticmethod(lambda: "")

    def _not_scored(self, row: int) -> None:
        r = self.sheet.rows[row]
        r.level, r.not_scored, r.error = None, True, ""
        self.sheet.changed(row)
        self._set_prefix("")
        self._edit(row, COL_REASON, advance=True)

    def _edit(self, row: int, col: int, *, advance: bool) -> None:
        idx = self.sheet.index(row, col)
        self.setCurrentIndex(idx)
        self._advance_after_edit = advance
        self.edit(idx)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        row = self.currentIndex().row()
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        advance = self._advance_after_edit
        self._advance_after_edit = False
        if advance and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.go_to(row + 1)
        else:
            self.go_to(row)
        self.setFocus()


class ScoringForm(QWidget):
    """Header (date, assessor, default source and target date) above the sheet, criteria
    beside it. `submitted(AssessmentInput, corrects_id | None)` asks the owner to save;
    the owner answers with `show_error(exc)` or `clear()`."""

    submitted = Signal(object, object)
    cancelled = Signal()
    draftChanged = Signal(object)

    def __init__(
        self,
        editions: Mapping[str, Edition],
        *,
        today: Callable[[], date] = date.today,
        save_draft: Callable[[dict[str, Any]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editions = dict(editions)
        self.today = today
        self.save_draft = save_draft
        self.person_id = ""
        self.corrects_id: str | None = None
        self.criteria: Mapping[tuple[str, int], str] = {}
        self._loading = False
        self.setAccessibleName(self.tr("Score the self-sufficiency matrix"))

        first = self.editions.get("2017") or next(iter(self.editions.values()))
        self.model = ScoringModel(first, self)
        self.view = ScoringView(self.model, self)
        self.view.setAccessibleName(self.tr("Domains to score"))
        self.view.default_target_date = self._default_target_text

        self.title = QLabel(self)
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.title.setFont(f)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Date of the assessment"))
        self.assessor = QLineEdit(self)
        self.assessor.setAccessibleName(self.tr("Assessed by"))
        self.assessor.setPlaceholderText(self.tr("Your name or initials"))
        self.edition_box = QComboBox(self)
        self.edition_box.setAccessibleName(self.tr("Edition"))
        for code, ed in sorted(self.editions.items(), reverse=True):
            self.edition_box.addItem(ed.title, code)
        self.source_box = QComboBox(self)
        self.source_box.setAccessibleName(self.tr("Source of the scores"))
        self.source_box.addItem(self.tr("(not recorded)"), None)
        for s in SOURCES:
            self.source_box.addItem(source_label(s), s)
        self.target_date = QDateEdit(self)
        self.target_date.setDisplayFormat("dd/MM/yyyy")
        self.target_date.setCalendarPopup(True)
        self.target_date.setAccessibleName(self.tr("Default target date"))
        self.date_error = Feedback(self.tr("Date error"), self)
        self.assessor_error = Feedback(self.tr("Assessor error"), self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        date_row = QVBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.date_error)
        ass_row = QVBoxLayout()
        ass_row.addWidget(self.assessor)
        ass_row.addWidget(self.assessor_error)
        form.addRow(field_label(self.tr("&Date"), self.date_edit), date_row)
        form.addRow(field_label(self.tr("Assessed &by"), self.assessor), ass_row)
        form.addRow(field_label(self.tr("Ed&ition"), self.edition_box), self.edition_box)
        form.addRow(field_label(self.tr("Sou&rce"), self.source_box), self.source_box)
        form.addRow(
            field_label(self.tr("Default tar&get date"), self.target_date), self.target_date
        )

        self.criteria_view = QTextBrowser(self)
        self.criteria_view.setAccessibleName(self.tr("Criteria of the focused domain"))
        self.criteria_view.setOpenLinks(False)
        self.criteria_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criteria_view.setMinimumWidth(260)

        self.keys_help = QLabel(
            self.tr(
                "Keys: 1–5 score · 0 or N not scored (type the reason, Enter) · T then 1–5 "
                "target · E then 1–5 own score · B source · D target date · O note · "
                "Del clear · Ctrl+S save"
            ),
            self,
        )
        self.keys_help.setWordWrap(True)
        self.keys_help.setAccessibleName(self.keys_help.text())
        self.prefix_label = QLabel(self)
        self.prefix_label.setAccessibleName(self.tr("Waiting for a digit"))
        self.feedback = Feedback(self.tr("Problems with this assessment"), self)

        self.save_button = QPushButton(self.tr("&Save assessment"), self)
        self.save_button.setAccessibleName(self.tr("Save assessment"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close without saving"), self)
        self.cancel_button.setAccessibleName(self.tr("Close without saving"))
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancelled)

        top = QHBoxLayout()
        top.addLayout(form, 3)
        top.addWidget(self.criteria_view, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prefix_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.keys_help)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.model.dataChanged.connect(self._changed)
        self.model.modelReset.connect(self._changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.assessor.textChanged.connect(self._changed)
        self.source_box.currentIndexChanged.connect(self._changed)
        self.target_date.dateChanged.connect(self._changed)
        self.edition_box.currentIndexChanged.connect(self._edition_changed)
        self.view.selectionModel().currentRowChanged.connect(self._show_criteria)
        self.view.prefixChanged.connect(self._prefix)
        self.model.dataChanged.connect(lambda *_: self._show_criteria(self.view.currentIndex()))

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.submit)
        self.start_new("", "", "2017")

    # --- state ---
    def start_new(self, person_id: str, assessor: str, edition: str = "2017") -> None:
        self._loading = True
        try:
            self.person_id = person_id
            self.corrects_id = None
            self._set_edition(edition)
            today = self.today()
            self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
            self.date_edit.setDate(QDate(today.year, today.month, today.day))
            self.assessor.setText(assessor)
            self.source_box.setCurrentIndex(0)
            self._reset_target_date()
            self.edition_box.setEnabled(True)
            self._clear_errors()
        finally:
            self._loading = False
        self.title.setText(self.tr("New assessment"))
        self.view.go_to(0)

    def start_correction(
        self,
        person_id: str,
        assessment_id: str,
        assessed_on: date,
        assessor: str,
        edition: str,
        scores: Mapping[str, DomainScore],
    ) -> None:
        self.start_new(person_id, assessor, edition)
        self._loading = True
        try:
            self.corrects_id = assessment_id
            self.date_edit.setDate(QDate(assessed_on.year, assessed_on.month, assessed_on.day))
            for r in self.model.rows:
                if r.code in scores:
                    r.load_score(scores[r.code])
            self.edition_box.setEnabled(False)
            self.model.reset_all()
        finally:
            self._loading = False
        self.title.setText(
            self.tr("Correct the assessment of %1").replace("%1", assessed_on.strftime("%d/%m/%Y"))
        )
        self.view.go_to(0)

    def to_draft(self) -> dict[str, Any]:
        d = self.date_edit.date()
        t = self.target_date.date()
        return {
            "person_id": self.person_id,
            "corrects_id": self.corrects_id,
            "edition": self.model.edition.edition,
            "assessed_on": date(d.year(), d.month(), d.day()).isoformat(),
            "assessor": self.assessor.text(),
            "source": self.source_box.currentData(),
            "target_date": date(t.year(), t.month(), t.day()).isoformat(),
            "rows": {r.code: r.to_json() for r in self.model.rows},
        }

    def restore_draft(self, draft: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            self.person_id = str(draft.get("person_id") or self.person_id)
            cid = draft.get("corrects_id")
            self.corrects_id = cid if isinstance(cid, str) else None
            self._set_edition(str(draft.get("edition") or "2017"))
            self.edition_box.setEnabled(self.corrects_id is None)
            for key, widget in (("assessed_on", self.date_edit), ("target_date", self.target_date)):
                try:
                    v = date.fromisoformat(str(draft.get(key)))
                    widget.setDate(QDate(v.year, v.month, v.day))
                except ValueError:
                    pass
            self.assessor.setText(str(draft.get("assessor") or ""))
            i = self.source_box.findData(draft.get("source"))
            self.source_box.setCurrentIndex(max(i, 0))
            rows = draft.get("rows")
            if isinstance(rows, dict):
                for r in self.model.rows:
                    if isinstance(rows.get(r.code), dict):
                        r.load_json(rows[r.code])
            self.model.reset_all()
        finally:
            self._loading = False
        self.title.setText(
            self.tr("Correction (restored draft)")
            if self.corrects_id
            else self.tr("New assessment (restored draft)")
        )
        self.view.go_to(0)

    def set_criteria(self, criteria: Mapping[tuple[str, int], str]) -> None:
        self.criteria = criteria
        self._show_criteria(self.view.currentIndex())

    def focus_sheet(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid():
            self.view.go_to(0)

    # --- saving ---
    def build_input(self) -> AssessmentInput:
        """The assessment as typed, or ValidationErrors for every row at once (raised as one)."""
        errors: list[tuple[str, str]] = []
        scores: dict[str, DomainScore] = {}
        default_source = self.source_box.currentData()
        for r in self.model.rows:
            r.error = ""
            if not r.touched:
                r.error = self.tr("%1: give a score (1–5) or mark it not scored (N).").replace(
                    "%1", r.label
                )
            elif r.not_scored and not r.reason.strip():
                r.error = self.tr("%1: why was this domain not scored?").replace("%1", r.label)
            try:
                td = parse_day(r.target_date)
            except ValueError:
                td = None
                r.error = r.error or self.tr("%1: write the target date as dd/mm/yyyy.").replace(
                    "%1", r.label
                )
            if r.error:
                errors.append((r.code, r.error))
                continue
            scores[r.code] = DomainScore(
                domain=r.code,
                level=r.level,
                not_scored_reason=r.reason.strip() or None if r.level is None else None,
                source=(r.source or default_source) if r.level is not None else None,
                note=r.note,
                self_level=r.self_level,
                target_level=r.target_level,
                target_date=td,
            )
        self.model.reset_all()
        if errors:
            raise _SheetErrors(errors)
        d = self.date_edit.date()
        return AssessmentInput(
            self.person_id,
            date(d.year(), d.month(), d.day()),
            self.assessor.text(),
            scores,
            self.model.edition.edition,
        )

    def submit(self) -> None:
        if self.view.state() == QAbstractItemView.State.EditingState:
            self.view.setFocus()  # commits the open editor
        self._clear_errors()
        try:
            data = self.build_input()
        except _SheetErrors as exc:
            self._show_sheet_errors(exc.errors)
            return
        self.submitted.emit(data, self.corrects_id)

    def show_error(self, exc: BaseException) -> None:
        """Put a service error next to the right field or row."""
        msg = exc.message if isinstance(exc, ValidationError) else str(exc)
        fld = getattr(exc, "field", None) or ""
        if fld == "assessed_on":
            self.date_error.show_errors([msg])
            self.date_edit.setFocus()
            return
        if fld == "assessor":
            self.assessor_error.show_errors([msg])
            self.assessor.setFocus()
            return
        code = fld.split(".", 1)[0]
        row = self.model.row_of(code)
        if row >= 0:
            self._show_sheet_errors([(code, msg)])
            return
        self.feedback.show_errors([msg])

    def _show_sheet_errors(self, errors: list[tuple[str, str]]) -> None:
        for code, msg in errors:
            row = self.model.row_of(code)
            if row >= 0:
                self.model.rows[row].error = msg
                self.model.changed(row)
        self.feedback.show_errors(
            [m for _, m in errors[:4]]
            + (
                [self.tr("… and %1 more").replace("%1", str(len(errors) - 4))]
                if len(errors) > 4
                else []
            )
        )
        first = self.model.row_of(errors[0][0])
        self.view.go_to(first)
        self.view.setFocus()

    def _clear_errors(self) -> None:
        self.feedback.clear_message()
        self.date_error.clear_message()
        self.assessor_error.clear_message()

    # --- internals ---
    def _set_edition(self, code: str) -> None:
        ed = self.editions.get(code) or self.model.edition
        i = self.edition_box.findData(ed.edition)
        self.edition_box.blockSignals(True)
        self.edition_box.setCurrentIndex(max(i, 0))
        self.edition_box.blockSignals(False)
        self.model.set_edition(ed)

    def _edition_changed(self, _: int) -> None:
        code = self.edition_box.currentData()
        if isinstance(code, str) and code != self.model.edition.edition:
            self.model.set_edition(self.editions[code])
            self.view.go_to(0)

    def _reset_target_date(self) -> None:
        d = self.date_edit.date()
        t = add_months(date(d.year(), d.month(), d.day()), DEFAULT_TARGET_MONTHS)
        self.target_date.setDate(QDate(t.year, t.month, t.day))

    def _date_changed(self, _: QDate) -> None:
        if not self._loading:
            self._reset_target_date()
        self._changed()

    def _default_target_text(self) -> str:
        t = self.target_date.date()
        return f"{t.day():02d}/{t.month():02d}/{t.year()}"

    def _changed(self, *_: object) -> None:
        if not self._loading and self.save_draft is not None:
            self._draft_timer.start()

    def flush_draft(self) -> None:
        self._draft_timer.stop()
        if self.save_draft is not None and self.person_id:
            self.save_draft(self.to_draft())
            self.draftChanged.emit(self.to_draft())

    def stop_drafting(self) -> None:
        self._draft_timer.stop()

    def _prefix(self, p: str) -> None:
        self.prefix_label.setText(
            {
                "T": self.tr("Target: press 1–5 (0 clears)"),
                "E": self.tr("Own score: press 1–5 (0 clears)"),
            }.get(p, "")
        )

    def _show_criteria(self, index: QModelIndex) -> None:
        row = index.row() if index.isValid() else 0
        if not self.model.rows:
            self.criteria_view.clear()
            return
        r = self.model.rows[row]
        d = self.model.edition.domain(r.code)
        esc = _html_escape
        parts = [f"<p><b>{esc(r.label)}</b><br>{esc(d.description if d else '')}</p>"]
        crit = {lvl: self.criteria.get((r.code, lvl)) for lvl in self.model.edition.levels}
        if any(crit.values()):
            parts.append("<table cellspacing='0' cellpadding='3'>")
            for lvl, label in sorted(self.model.edition.levels.items()):
                mark = "▶ " if lvl == r.level else ""
                text = esc(crit.get(lvl) or "")
                cell = f"<b>{mark}{lvl} {esc(label)}</b><br>{text}"
                if lvl == r.level:
                    cell = f"<u>{cell}</u>"
                parts.append(f"<tr><td>{cell}</td></tr>")
            parts.append("</table>")
        else:
            parts.append("<ol>")
            for lvl, label in sorted(self.model.edition.levels.items()):
                item = esc(label)
                parts.append(f"<li><b>{item}</b></li>" if lvl == r.level else f"<li>{item}</li>")
            parts.append("</ol>")
            parts.append(
                "<p><i>"
                + esc(
                    self.tr(
                        "The official criteria are not loaded; our own short description is shown."
                    )
                )
                + "</i></p>"
            )
        self.criteria_view.setHtml("".join(parts))


class _SheetErrors(Exception):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors[0][1] if errors else "")
        self.errors = errors


def _html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
