"""The ZRM tab of a person file: history and distance travelled, charts, scoring, PDF, criteria.

Mount it in the person file with `ZrmTab(runner)`, hand it the session with
`set_services(field, vault)` (None, None on lock) and the person with `set_person(id, label)`.
`openDrempels(life_domain)` asks the file to show its drempels for that life domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication as _QCA
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents.zrm_overview import (
    ZrmOverviewData,
    build_zrm_overview,
    fmt_change,
)
from app.domain.zrm import DomainProgress, DomainScore
from app.errors import BrugfiguurError
from app.qt.changes import ZRM, Changes
from app.qt.operations import message_for, run
from app.qt.tasks import TaskRunner
from app.services.zrm import AssessmentRow, PersonZrm, editions
from app.views.widgets import Feedback, heading
from app.views.zrm.charts import LineChart, RadarChart
from app.views.zrm.models import Cell, CellsModel, source_label
from app.views.zrm.scoring import ScoringForm

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.vault import OpenVault

DASH = "—"
LOW_LEVEL = 2


def draft_key(person_id: str) -> str:
    return f"zrm/{person_id}"


def related_zrm_domains(life_domain: str, edition: str = "2017") -> list[tuple[str, str]]:
    """For the drempels view: (code, label) of the ZRM domains linked to a life domain."""
    ed = editions().get(edition)
    if ed is None:
        return []
    return [(d.code, d.label) for d in ed.domains if life_domain in d.life_domains]


@dataclass(frozen=True)
class ZrmSnapshot:
    zrm: PersonZrm
    criteria: Mapping[str, Mapping[tuple[str, int], str]]
    draft: dict[str, Any] | None
    alias: str
    life_labels: Mapping[str, str]
    today: date


def load_snapshot(field: FieldServices, vault: OpenVault | None, person_id: str) -> ZrmSnapshot:
    pz = field.zrm.person(person_id)
    crit = {code: field.zrm.criteria(code) for code in editions()}
    draft = vault.drafts.load(draft_key(person_id)) if vault is not None else None
    try:
        alias = field.people.get(person_id).alias
    except BrugfiguurError:
        alias = ""
    labels: dict[str, str] = {}
    try:
        vocab = field.vocab["life_domains"]
        for d in pz.edition.domains:
            for ld in d.life_domains:
                labels[ld] = vocab.label(ld)
    except KeyError:
        pass
    return ZrmSnapshot(pz, crit, draft, alias, labels, field.context.today())


def _level(v: int | None) -> str:
    return DASH if v is None else str(v)


def _moment(d: datetime | None) -> str:
    """A save moment as dd/mm/jjjj HH:MM (local time for aware datetimes)."""
    if d is None:
        return DASH
    if d.tzinfo is not None:
        d = d.astimezone()
    return d.strftime("%d/%m/%Y %H:%M")


def _day(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else DASH


class _Table(QTableView):
    def __init__(self, name: str, model: CellsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)


class ZrmTab(QWidget):
    openDrempels = Signal(str)
    loaded = Signal()
    saved = Signal(str)
    exported = Signal(str)
    criteriaImported = Signal(int)
    dataChanged = Signal()
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        field: FieldServices | None = None,
        vault: OpenVault | None = None,
        person_id: str | None = None,
        display_name: str = "",
        assessor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.default_assessor = assessor  # the worker's name, when the window knows it
        self.field = field
        self.vault = vault
        self.person_id = person_id
        self.display_name = display_name
        self.snapshot: ZrmSnapshot | None = None
        self.setAccessibleName(_QCA.translate("ZrmTab", "Self-sufficiency matrix"))

        self.title = heading(_QCA.translate("ZrmTab", "Self-sufficiency matrix (ZRM)"), level=2)
        self.due_label = QLabel(self)
        self.due_label.setWordWrap(True)
        self.feedback = Feedback(_QCA.translate("ZrmTab", "ZRM messages"), self)

        self.new_button = QPushButton(_QCA.translate("ZrmTab", "&New assessment"), self)
        self.new_button.setAccessibleName(_QCA.translate("ZrmTab", "New assessment"))
        self.correct_button = QPushButton(_QCA.translate("ZrmTab", "C&orrect selected…"), self)
        self.correct_button.setAccessibleName(
            _QCA.translate("ZrmTab", "Correct the selected assessment")
        )
        self.pdf_button = QPushButton(_QCA.translate("ZrmTab", "Make &PDF…"), self)
        self.pdf_button.setAccessibleName(_QCA.translate("ZrmTab", "Make a ZRM overview PDF"))
        self.criteria_button = QPushButton(
            _QCA.translate("ZrmTab", "Load official criteria…"), self
        )
        self.criteria_button.setAccessibleName(
            _QCA.translate("ZrmTab", "Load the official criteria file")
        )
        self.discard_button = QPushButton(_QCA.translate("ZrmTab", "Discard draft"), self)
        self.discard_button.setAccessibleName(
            _QCA.translate("ZrmTab", "Discard the draft assessment")
        )
        self.discard_button.hide()
        self.new_button.clicked.connect(self.start_new)
        self.correct_button.clicked.connect(self.start_correction)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.criteria_button.clicked.connect(self.choose_criteria)
        self.discard_button.clicked.connect(self.discard_draft)
        bar = QHBoxLayout()
        for b in (self.new_button, self.correct_button, self.discard_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.criteria_button)

        # overview page
        self.progress_model = CellsModel(
            [
                _QCA.translate("ZrmTab", "Domain"),
                _QCA.translate("ZrmTab", "First"),
                _QCA.translate("ZrmTab", "Latest"),
                _QCA.translate("ZrmTab", "Since first"),
                _QCA.translate("ZrmTab", "Since previous"),
                _QCA.translate("ZrmTab", "Target"),
            ],
            self,
        )
        self.progress_table = _Table(
            _QCA.translate("ZrmTab", "Distance travelled per domain"), self.progress_model
        )
        self.history_model = CellsModel(
            [
                _QCA.translate("ZrmTab", "Date"),
                _QCA.translate("ZrmTab", "Assessed by"),
                _QCA.translate("ZrmTab", "Scored"),
                _QCA.translate("ZrmTab", "Status"),
            ],
            self,
        )
        self.history_table = _Table(
            _QCA.translate("ZrmTab", "Assessments, newest first"), self.history_model
        )
        self.detail_model = CellsModel(
            [
                _QCA.translate("ZrmTab", "Domain"),
                _QCA.translate("ZrmTab", "Score"),
                _QCA.translate("ZrmTab", "Previous version"),
                _QCA.translate("ZrmTab", "Own score"),
                _QCA.translate("ZrmTab", "Target"),
                _QCA.translate("ZrmTab", "Source"),
                _QCA.translate("ZrmTab", "Reason or note"),
            ],
            self,
        )
        self.detail_table = _Table(
            _QCA.translate("ZrmTab", "Scores of the selected assessment"), self.detail_model
        )
        self.links_box = QGroupBox(_QCA.translate("ZrmTab", "Low scores: related drempels"), self)
        self.links_box.setAccessibleName(self.links_box.title())
        self.links_label = QLabel(self.links_box)
        self.links_label.setWordWrap(True)
        self.links_label.setTextFormat(Qt.TextFormat.RichText)
        self.links_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.links_label.linkActivated.connect(self.activate_drempel_link)
        links_layout = QVBoxLayout(self.links_box)
        links_layout.addWidget(self.links_label)
        self._links: list[tuple[str, str]] = []
        self.links_box.hide()
        self.radar = RadarChart(self)
        self.line_chart = LineChart(self)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(heading(_QCA.translate("ZrmTab", "Distance travelled"), level=3))
        lv.addWidget(self.progress_table, 3)
        lv.addWidget(self.links_box)
        lv.addWidget(heading(_QCA.translate("ZrmTab", "History"), level=3))
        lv.addWidget(self.history_table, 2)
        lv.addWidget(self.detail_table, 3)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.radar, 3)
        rv.addWidget(self.line_chart, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 600])
        overview = QWidget(self)
        ov = QVBoxLayout(overview)
        ov.setContentsMargins(0, 0, 0, 0)
        ov.addWidget(self.splitter)

        self.form = ScoringForm(
            editions(), today=self._today, save_draft=self._save_draft, parent=self
        )
        self.form.submitted.connect(self._submit)
        self.form.cancelled.connect(self.close_form)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(overview)
        self.stack.addWidget(self.form)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.due_label)
        layout.addLayout(bar)
        layout.addWidget(self.feedback)
        layout.addWidget(self.stack, 1)

        self.progress_table.selectionModel().currentRowChanged.connect(self._domain_selected)
        self.history_table.selectionModel().currentRowChanged.connect(self._assessment_selected)
        self._update_buttons()

    # --- wiring ---
    def set_services(self, field: FieldServices | None, vault: OpenVault | None) -> None:
        """The session's services (None, None when the vault locks: everything is cleared)."""
        self.field, self.vault = field, vault
        if field is None:
            self.clear()

    def set_person(self, person_id: str | None, display_name: str = "") -> None:
        if person_id != self.person_id:
            self.form.stop_drafting()
            self.stack.setCurrentIndex(0)
        self.person_id = person_id
        self.display_name = display_name
        self.reload()

    def clear(self) -> None:
        self.form.stop_drafting()
        self.snapshot = None
        self.stack.setCurrentIndex(0)
        self.form.start_new("", "")
        for m in (self.progress_model, self.history_model, self.detail_model):
            m.set_rows([])
        self.radar.set_data(None)
        self.line_chart.set_history("", ())
        self.due_label.clear()
        self.feedback.clear_message()
        self._set_links([])
        self._update_buttons()

    def _today(self) -> date:
        return self.snapshot.today if self.snapshot else date.today()

    # --- loading ---
    def reload(self) -> None:
        field, vault, pid = self.field, self.vault, self.person_id
        if field is None or pid is None:
            self.clear()
            return

        def show(snap: ZrmSnapshot) -> None:
            if self.field is not field or self.person_id != pid:
                return
            self.show_snapshot(snap)
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            msg = (
                exc.message
                if isinstance(exc, BrugfiguurError)
                else _QCA.translate("ZrmTab", "Could not load the ZRM.")
            )
            self.feedback.show_errors([msg])
            self.failed.emit(msg)

        self.runner.submit(lambda: load_snapshot(field, vault, pid), show, failed, owner=self)

    def show_snapshot(self, snap: ZrmSnapshot) -> None:
        self.snapshot = snap
        pz = snap.zrm
        ed = pz.edition
        levels = ed.levels
        rows: list[tuple[list[Cell], object]] = []
        for d in ed.domains:
            p = pz.progress.get(d.canonical or d.code)
            latest = DASH
            if p and p.latest_level is not None:
                latest = f"{p.latest_level} · {levels.get(p.latest_level, '')}"
            target = DASH
            if p and p.target_level is not None:
                target = str(p.target_level) + (
                    " " + _QCA.translate("ZrmTab", "by %1").replace("%1", _day(p.target_date))
                    if p.target_date
                    else ""
                )
            first = DASH
            if p and p.first_level is not None:
                first = f"{p.first_level} ({_day(p.first_on)})"
            rows.append(
                (
                    [
                        Cell(d.label, d.description, bold=True),
                        Cell(first),
                        Cell(latest, bold=p is not None and p.latest_level is not None),
                        Cell(
                            fmt_change(p.change_total if p else None),
                            _QCA.translate("ZrmTab", "No two scores to compare")
                            if not p or p.change_total is None
                            else "",
                        ),
                        Cell(fmt_change(p.change_recent if p else None)),
                        Cell(target),
                    ],
                    d.code,
                )
            )
        self.progress_model.set_rows(rows)
        self.radar.set_data(pz.radar)
        self._fill_history(pz.history)
        # due date
        if pz.due_on is None:
            self.due_label.setText(
                _QCA.translate(
                    "ZrmTab",
                    "No assessment yet. Start one with New assessment (Alt+N); it takes about "
                    "a minute with the keyboard.",
                )
            )
        elif pz.due_on <= snap.today:
            self.due_label.setText(
                _QCA.translate("ZrmTab", "⚠ A new assessment was due on %1.").replace(
                    "%1", _day(pz.due_on)
                )
            )
        else:
            self.due_label.setText(
                _QCA.translate("ZrmTab", "Next assessment planned on %1.").replace(
                    "%1", _day(pz.due_on)
                )
            )
        self.due_label.setAccessibleName(self.due_label.text())
        # low scores → drempels
        links: list[tuple[str, str]] = []
        for d in ed.domains:
            p = pz.progress.get(d.canonical or d.code)
            if p and p.latest_level is not None and p.latest_level <= LOW_LEVEL:
                for ld in d.life_domains:
                    if ld not in [c for c, _ in links]:
                        links.append((ld, snap.life_labels.get(ld, ld)))
        self._set_links(links)
        # pick a domain for the line chart
        first_with = next(
            (
                i
                for i, d in enumerate(ed.domains)
                if (p := pz.progress.get(d.canonical or d.code)) and p.history
            ),
            0,
        )
        self.progress_table.selectRow(first_with)
        self._domain_selected(self.progress_model.index(first_with, 0), QModelIndex())
        self.form.set_criteria(snap.criteria.get(self.form.model.edition.edition, {}))
        self.discard_button.setVisible(snap.draft is not None)
        if snap.draft is not None and self.stack.currentIndex() == 0:
            self.feedback.show_info(
                _QCA.translate(
                    "ZrmTab", "There is an unsaved assessment (draft). New assessment continues it."
                )
            )
        self._update_buttons()

    def _fill_history(self, history: tuple[AssessmentRow, ...]) -> None:
        by_id = {r.id: r for r in history}
        rows: list[tuple[list[Cell], object]] = []
        for r in reversed(history):
            scored = sum(1 for s in r.scores.values() if s.level is not None)
            total = len(editions()[r.edition].domains) if r.edition in editions() else scored
            if r.superseded:
                newer = by_id.get(r.corrected_by or "")
                when = r.corrected_at or (newer.recorded_at if newer else None)
                status = (
                    _QCA.translate("ZrmTab", "Corrected on %2: replaced by the version of %1")
                    .replace("%1", _day(newer.assessed_on) if newer else DASH)
                    .replace("%2", _moment(when))
                )
            elif r.corrects_id:
                old = by_id.get(r.corrects_id)
                status = (
                    _QCA.translate("ZrmTab", "Correction of the version of %1, saved on %2")
                    .replace("%1", _day(old.assessed_on) if old else DASH)
                    .replace("%2", _moment(r.recorded_at))
                )
            else:
                status = _QCA.translate("ZrmTab", "Current")
            sup = r.superseded
            rows.append(
                (
                    [
                        Cell(_day(r.assessed_on), strike=sup),
                        Cell(r.assessor, muted=sup),
                        Cell(f"{scored}/{total}", muted=sup),
                        Cell(status, muted=sup),
                    ],
                    r,
                )
            )
        self.history_model.set_rows(rows)
        if rows:
            self.history_table.selectRow(0)
            self._assessment_selected(self.history_model.index(0, 0), QModelIndex())
        else:
            self.detail_model.set_rows([])

    def _assessment_selected(self, current: QModelIndex, _: QModelIndex) -> None:
        r = self.history_model.payload(current.row()) if current.isValid() else None
        self._update_buttons()
        if not isinstance(r, AssessmentRow) or self.snapshot is None:
            self.detail_model.set_rows([])
            return
        by_id = {h.id: h for h in self.snapshot.zrm.history}
        old = by_id.get(r.corrects_id or "")
        ed = editions().get(r.edition) or self.snapshot.zrm.edition
        rows: list[tuple[list[Cell], object]] = []
        for d in ed.domains:
            s = r.scores.get(d.code)
            prev = old.scores.get(d.code) if old else None
            score = _score_text(s)
            prev_text = _score_text(prev) if old else ""
            changed = old is not None and prev_text != score
            note = ""
            if s is not None:
                note = s.not_scored_reason or s.note or ""
            target = (
                DASH
                if s is None or s.target_level is None
                else (
                    str(s.target_level)
                    + (
                        " " + _QCA.translate("ZrmTab", "by %1").replace("%1", _day(s.target_date))
                        if s.target_date
                        else ""
                    )
                )
            )
            rows.append(
                (
                    [
                        Cell(d.label, bold=True),
                        Cell(score, bold=changed),
                        Cell(
                            prev_text if changed else "",
                            strike=changed,
                            tooltip=_QCA.translate("ZrmTab", "Value before the correction")
                            if changed
                            else "",
                        ),
                        Cell(_level(s.self_level) if s else DASH),
                        Cell(target),
                        Cell(source_label(s.source) if s else ""),
                        Cell(note),
                    ],
                    d.code,
                )
            )
        self.detail_model.set_rows(rows)

    def _domain_selected(self, current: QModelIndex, _: QModelIndex) -> None:
        if self.snapshot is None or not current.isValid():
            return
        code = self.progress_model.payload(current.row())
        pz = self.snapshot.zrm
        d = pz.edition.domain(str(code))
        if d is None:
            return
        p: DomainProgress | None = pz.progress.get(d.canonical or d.code)
        target = (p.target_level, p.target_date) if p and p.target_level is not None else None
        self.line_chart.set_history(d.label, p.history if p else (), target)

    def _set_links(self, links: list[tuple[str, str]]) -> None:
        self._links = list(links)
        parts = []
        for code, label in links:
            text = _QCA.translate("ZrmTab", "View drempels (%1)").replace("%1", label.lower())
            parts.append(f'<a href="{code}">{_html(text)}</a>')
        self.links_label.setText(" &nbsp;·&nbsp; ".join(parts))
        self.links_label.setAccessibleName(
            _QCA.translate("ZrmTab", "Low scores: related drempels")
            + ": "
            + ", ".join(label for _, label in links)
        )
        self.links_box.setVisible(bool(links))

    def show_domain(self, code: str) -> None:
        """Select a ZRM domain in the distance-travelled table (from a link in the drempels)."""
        for row in range(self.progress_model.rowCount()):
            if self.progress_model.payload(row) == code:
                self.progress_table.selectRow(row)
                self.progress_table.setFocus()
                return

    def drempel_links(self) -> list[str]:
        """The life domains offered as links (for tests and the lead's wiring)."""
        return [code for code, _ in self._links]

    def activate_drempel_link(self, life_domain: str) -> None:
        self.openDrempels.emit(life_domain)

    def _update_buttons(self) -> None:
        has = self.snapshot is not None and self.field is not None
        sel = self.selected_assessment()
        self.new_button.setEnabled(has)
        self.correct_button.setEnabled(has and sel is not None and not sel.superseded)
        self.pdf_button.setEnabled(has and bool(self.snapshot and self.snapshot.zrm.history))
        self.criteria_button.setEnabled(self.field is not None)

    def selected_assessment(self) -> AssessmentRow | None:
        idx = self.history_table.currentIndex()
        r = self.history_model.payload(idx.row()) if idx.isValid() else None
        return r if isinstance(r, AssessmentRow) else None

    # --- scoring ---
    def _last_assessor(self) -> str:
        if self.default_assessor:
            return self.default_assessor
        if self.snapshot and self.snapshot.zrm.history:
            return self.snapshot.zrm.history[-1].assessor
        return ""

    def start_new(self) -> None:
        if self.snapshot is None or self.person_id is None:
            return
        draft = self.snapshot.draft
        if draft is not None:
            self.form.person_id = self.person_id
            self.form.restore_draft(draft)
        else:
            self.form.start_new(self.person_id, self._last_assessor())
        self._open_form()

    def start_correction(self) -> None:
        r = self.selected_assessment()
        if r is None or r.superseded or self.person_id is None:
            return
        self.form.start_correction(
            self.person_id, r.id, r.assessed_on, r.assessor, r.edition, r.scores
        )
        self._open_form()

    def _open_form(self) -> None:
        if self.snapshot is not None:
            self.form.set_criteria(self.snapshot.criteria.get(self.form.model.edition.edition, {}))
        self.feedback.clear_message()
        self.stack.setCurrentIndex(1)
        self.form.focus_sheet()

    def close_form(self) -> None:
        self.form.flush_draft()
        self.history_table.setFocus()
        self.stack.setCurrentIndex(0)
        self.reload()

    def _save_draft(self, payload: dict[str, Any]) -> None:
        vault, pid = self.vault, self.person_id
        if vault is None or pid is None:
            return
        self.runner.submit(lambda: vault.drafts.save(draft_key(pid), payload), owner=self)

    def discard_draft(self) -> None:
        vault, pid = self.vault, self.person_id
        if vault is None or pid is None:
            return
        self.form.stop_drafting()
        self.runner.submit(
            lambda: vault.drafts.delete(draft_key(pid)), lambda _: self.reload(), owner=self
        )

    def _submit(self, data: Any, corrects_id: object) -> None:
        field, vault, pid = self.field, self.vault, self.person_id
        if field is None or pid is None:
            return
        self.form.stop_drafting()

        def work() -> str:
            if isinstance(corrects_id, str):
                new_id = field.zrm.correct(corrects_id, data)
            else:
                new_id = field.zrm.save(data)
            if vault is not None:
                vault.drafts.delete(draft_key(pid))
            return new_id

        def done(new_id: str) -> None:
            # Focus stays in the ZRM part: if it fell off the hidden form it would land on
            # whatever comes next in the window.
            self.history_table.setFocus()
            self.stack.setCurrentIndex(0)
            self.feedback.show_ok(
                _QCA.translate("ZrmTab", "Correction saved.")
                if corrects_id
                else _QCA.translate("ZrmTab", "Assessment saved.")
            )
            self.saved.emit(new_id)
            self.dataChanged.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.form.show_error(exc)
            self.form.flush_draft()

        run(
            self.runner,
            work,
            owner=self,
            done=done,
            failed=failed,
            changes=Changes.of(ZRM, person=pid),
        )

    # --- PDF ---
    def overview_data(self) -> ZrmOverviewData | None:
        snap = self.snapshot
        if snap is None:
            return None
        pz = snap.zrm
        return ZrmOverviewData.from_progress(
            self.display_name or snap.alias,
            pz.edition,
            pz.progress,
            pz.radar,
            snap.today,
            next_due_on=pz.due_on,
            assessments=sum(1 for r in pz.history if not r.superseded),
        )

    def choose_pdf(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        safe = (
            "".join(c for c in (snap.alias or "persoon") if c.isalnum() or c in "-_") or "persoon"
        )
        suggested = str(Path.home() / f"zrm-overzicht-{safe}-{snap.today.isoformat()}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self,
            _QCA.translate("ZrmTab", "Save ZRM overview as PDF"),
            suggested,
            _QCA.translate("ZrmTab", "PDF documents (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Build the overview on the worker, write it to `path` (never overwriting), audit."""
        data, vault, pid = self.overview_data(), self.vault, self.person_id
        if data is None or pid is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def work() -> None:
            build_zrm_overview(data, path)
            if vault is not None:
                vault.audit.record("zrm_pdf_exported", record_type="person", record_id=pid)

        def done(_: None) -> None:
            self.feedback.show_ok(
                _QCA.translate("ZrmTab", "PDF saved: %1").replace("%1", path.name)
            )
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            msg = message_for(exc, _QCA.translate("ZrmTab", "The PDF could not be made."))
            self.feedback.show_errors([msg])
            self.failed.emit(msg)

        self.feedback.show_info(_QCA.translate("ZrmTab", "Making the PDF…"))
        run(self.runner, work, owner=self, done=done, failed=failed, busy=[self.pdf_button])

    # --- criteria ---
    def choose_criteria(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            _QCA.translate("ZrmTab", "Load the official ZRM criteria"),
            str(Path.home()),
            _QCA.translate("ZrmTab", "Criteria files (*.json *.csv)"),
        )
        if path:
            self.import_criteria_file(Path(path))

    def import_criteria_file(self, path: Path, edition: str = "2017") -> None:
        """Replace the edition's criteria with the file's (all or nothing; errors in Dutch)."""
        field = self.field
        if field is None:
            return

        def work() -> int:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise BrugfiguurError(
                    f"Het bestand {path.name} kon niet gelezen worden ({exc.strerror or exc})."
                ) from None
            return field.zrm.import_criteria(raw, path.name, edition)

        def done(n: int) -> None:
            self.feedback.show_ok(
                _QCA.translate("ZrmTab", "%1 criteria loaded.").replace("%1", str(n))
            )
            self.criteriaImported.emit(n)
            self.reload()

        def failed(exc: BaseException) -> None:
            msg = message_for(
                exc, _QCA.translate("ZrmTab", "The criteria file could not be loaded.")
            )
            self.feedback.show_errors([msg])
            self.failed.emit(msg)

        run(
            self.runner,
            work,
            owner=self,
            done=done,
            failed=failed,
            changes=Changes.of(ZRM),
            busy=[self.criteria_button],
        )


def _html(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _score_text(s: DomainScore | None) -> str:
    if s is None:
        return DASH
    if s.level is None:
        return _QCA.translate("ZrmTab", "not scored")
    return str(s.level)


def connect_drempels(tab: ZrmTab, show: Callable[[str], None]) -> None:
    """Convenience for the person file: `connect_drempels(tab, self.show_drempels)`."""
    tab.openDrempels.connect(show)
