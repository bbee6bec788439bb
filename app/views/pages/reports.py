"""Rapporten: the office's figures for a period and a scope, charts beside tables, each figure
with the people it rests on; exports (PDF, XLSX, CSV) with small numbers hidden; and the list
of structural signals.

Computing and exporting run on the vault lane as long operations (app/qt/operations.py) with
progress and a Stop button; the window never waits. The page watches the data its figures rest
on and computes again when a change touches it. Inside the team the screen shows exact figures;
"as exported" shows what leaves the team.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.changes import (
    CONFLICTS,
    CONTACTS,
    PEOPLE,
    SETTINGS,
    SHARING,
    SIGNALS,
    SITUATION,
    SOCIAL_MAP,
    TRAJECTORY,
    VINDPLAATSEN,
    ZRM,
    Changes,
)
from app.qt.operations import (
    Operation,
    Progress,
    ProgressReport,
    message_for,
    run,
    run_long,
)
from app.qt.tasks import TaskRunner
from app.views.forms import button, confirm, date_edit, from_qdate
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.reports.charts import ReportChart
from app.views.reports.models import ReportTableModel
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.domain.figures import Report, Table
    from app.services.reports import ReportOptions, ReportParams
    from app.services.signals import SignalRow

T = TypeVar("T")


def _label_for(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


WIDE_TABLE_COLUMNS = 4  # more value columns than this: the chart goes under the table
WIDE_CHART_MAX_WIDTH = 720


class ReportsPage(Page):
    uses_field = True
    icon_name = "chart-column"
    # Everything a figure rests on (agreements and to-dos are in no report).
    watches = frozenset(
        {
            PEOPLE,
            CONTACTS,
            TRAJECTORY,
            SITUATION,
            ZRM,
            SHARING,
            SOCIAL_MAP,
            VINDPLAATSEN,
            SETTINGS,
            CONFLICTS,
            SIGNALS,
        }
    )
    computed = Signal()  # a report is on screen
    exported = Signal(str)  # path

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(self.tr("Reports"))
        self.report: Report | None = None
        self.shown: Report | None = None
        self.exported_view: Report | None = None  # `report` with small numbers hidden
        self.options: ReportOptions | None = None
        self.operation: Operation[Any] | None = None  # the computation or export running
        self.table_models: list[ReportTableModel] = []
        self.charts: list[ReportChart] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Reports")))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Reports and signals"))
        layout.addWidget(self.tabs, 1)

        # --- figures tab --------------------------------------------------------------------
        figures = QWidget()
        figures.setAccessibleName(self.tr("Figures"))
        fv = QVBoxLayout(figures)
        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(_label_for(self.tr("&Period"), self.period))
        bar.addWidget(self.period)
        self.start = date_edit(self.tr("From"))
        self.end = date_edit(self.tr("To"))
        self.start.hide()
        self.end.hide()
        bar.addWidget(self.start)
        bar.addWidget(self.end)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Whose figures"))
        bar.addWidget(_label_for(self.tr("Sc&ope"), self.scope))
        bar.addWidget(self.scope, 1)
        self.worker = QComboBox()
        self.worker.setAccessibleName(self.tr("Worker"))
        bar.addWidget(_label_for(self.tr("&Worker"), self.worker))
        bar.addWidget(self.worker, 1)
        for combo in (self.scope, self.worker):
            # Long team and worker names do not widen the window; the list shows them whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        fv.addLayout(bar)
        bar2 = QHBoxLayout()
        self.esf_only = QCheckBox(self.tr("Only the &ESF+ view"))
        self.esf_only.setAccessibleName(self.tr("Only the ESF+ view"))
        self.as_exported = QCheckBox(self.tr("Show as e&xported (small numbers hidden)"))
        self.as_exported.setAccessibleName(self.tr("Show as exported"))
        checks = QHBoxLayout()
        checks.addWidget(self.esf_only)
        checks.addWidget(self.as_exported)
        checks.addStretch(1)
        fv.addLayout(checks)
        self.compute_button = button(self.tr("Co&mpute"), self, name=self.tr("Compute the report"))
        self.pdf_button = button(self.tr("PDF…"), self, name=self.tr("Export as PDF"))
        self.xlsx_button = button(self.tr("XLSX…"), self, name=self.tr("Export as XLSX"))
        self.csv_button = button(self.tr("CSV…"), self, name=self.tr("Export as CSV"))
        self.settings_button = button(
            self.tr("Se&ttings…"), self, name=self.tr("Report settings of the organisation")
        )
        for b in (
            self.compute_button,
            self.pdf_button,
            self.xlsx_button,
            self.csv_button,
            self.settings_button,
        ):
            bar2.addWidget(b)
        bar2.addStretch(1)
        fv.addLayout(bar2)
        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress of the report"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the report"))
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop_button)
        self.busy_row = QWidget()
        self.busy_row.setAccessibleName(self.tr("Working on the report"))
        self.busy_row.setLayout(busy)
        self.busy_row.hide()
        fv.addWidget(self.busy_row)
        self.feedback = Feedback(self.tr("Report status"), self)
        fv.addWidget(self.feedback)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("The figures"))
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setAccessibleName(self.tr("The figures"))
        self.content_layout = QVBoxLayout(self.content)
        self.scroll_area.setWidget(self.content)
        fv.addWidget(self.scroll_area, 1)
        self.tabs.addTab(figures, self.tr("&Figures"))

        # --- signals tab --------------------------------------------------------------------
        signals = QWidget()
        signals.setAccessibleName(self.tr("Structural signals"))
        sv = QVBoxLayout(signals)
        sv.addWidget(
            paragraph(
                self.tr(
                    "Barriers of the system you see in the field — a waiting list, a rule, a "
                    "missing service. They name no one and are counted in the reports."
                )
            )
        )
        self.signals_model: RowsModel[SignalRow] = RowsModel(
            [
                Column(
                    self.tr("Noted on"), lambda x: f"{x.noted_on:%d/%m/%Y}", lambda x: x.noted_on
                ),
                Column(self.tr("Theme"), lambda x: self._label("signal_themes", x.theme)),
                Column(self.tr("Organisation"), lambda x: x.organisation or ""),
                Column(
                    self.tr("People"),
                    lambda x: str(x.people_count or ""),
                    lambda x: x.people_count or 0,
                ),
                Column(self.tr("Status"), lambda x: self._label("signal_status", x.status)),
                Column(self.tr("Description"), lambda x: x.description),
            ],
            self,
        )
        self.signals_table = QTableView()
        self.signals_table.setAccessibleName(self.tr("Structural signals, newest first"))
        self.signals_table.setModel(self.signals_model)
        self.signals_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signals_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signals_table.horizontalHeader().setStretchLastSection(True)
        self.signals_table.doubleClicked.connect(lambda _: self.edit_signal())
        sv.addWidget(self.signals_table, 1)
        sb = QHBoxLayout()
        self.new_signal_button = button(self.tr("&New signal…"), self, name=self.tr("New signal"))
        self.edit_signal_button = button(self.tr("Ed&it…"), self, name=self.tr("Edit signal"))
        self.delete_signal_button = button(self.tr("&Delete…"), self, name=self.tr("Delete signal"))
        for b in (self.new_signal_button, self.edit_signal_button, self.delete_signal_button):
            sb.addWidget(b)
        sb.addStretch(1)
        sv.addLayout(sb)
        self.signals_feedback = Feedback(self.tr("Signals status"), self)
        sv.addWidget(self.signals_feedback)
        self.tabs.addTab(signals, self.tr("Si&gnals"))

        self.period.currentIndexChanged.connect(self._period_changed)
        self.compute_button.clicked.connect(self.compute)
        self.stop_button.clicked.connect(self.stop)
        self.as_exported.toggled.connect(lambda _: self._show_report())
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.settings_button.clicked.connect(self.open_settings)
        self.new_signal_button.clicked.connect(lambda: self.open_signal(None))
        self.edit_signal_button.clicked.connect(self.edit_signal)
        self.delete_signal_button.clicked.connect(self.delete_signal)
        self._set_busy(False)
        self.dialog: Any = None

    # --- vocabulary ------------------------------------------------------------------------
    def _label(self, vocab: str, code: str | None) -> str:
        if self.field is None or code is None:
            return code or ""
        return self.field.vocab[vocab].label(code)

    # --- loading ---------------------------------------------------------------------------
    def on_locked(self) -> None:
        super().on_locked()
        self.stop()
        self.report = self.shown = self.exported_view = None
        self.options = None
        self._clear_content()
        self.signals_model.clear()
        self.feedback.clear_message()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        reports, signals = field.reports, field.signals

        def load() -> tuple[ReportOptions, list[SignalRow]]:
            return reports.options(), signals.all()

        def show(result: tuple[ReportOptions, list[SignalRow]]) -> None:
            if self.field is not field:
                return
            options, sigs = result
            first = self.options is None
            self.options = options
            self.signals_model.set_rows(sigs)
            self.signals_table.resizeColumnsToContents()
            if first:
                self._fill_pickers(options)
                self.compute()

            elif self.report is not None and self._busy:
                self._stale = True  # computed again when the running work ends
            elif self.report is not None:
                self.compute()  # data changed: the figures on screen follow

        run(self.runner, load, owner=self, done=show, failed=self._failed)

    def _fill_pickers(self, options: ReportOptions) -> None:
        today = self.field.context.today() if self.field else date.today()
        self.period.blockSignals(True)
        self.period.clear()
        q = _quarter_start(today)
        prev_q = _quarter_start(q - timedelta(days=1))
        from app.services.reports import Period, quarter, year

        choices: list[tuple[str, Period | None]] = [
            (self.tr("This year (%1)").replace("%1", str(today.year)), year(today.year)),
            (self.tr("Last year (%1)").replace("%1", str(today.year - 1)), year(today.year - 1)),
            (self.tr("This quarter"), quarter(q.year, (q.month - 1) // 3 + 1)),
            (self.tr("Last quarter"), quarter(prev_q.year, (prev_q.month - 1) // 3 + 1)),
            (self.tr("Choose dates…"), None),
        ]
        for text, period in choices:
            self.period.addItem(text, period)
        self.period.blockSignals(False)
        self.scope.clear()
        self.scope.addItem(self.tr("All teams on this laptop"), "all")
        for team in options.teams:
            self.scope.addItem(self.tr("Team %1").replace("%1", team), f"team:{team}")
        self.scope.addItem(
            self.tr("My caseload (%1)").replace("%1", options.my_name)
            if options.my_name
            else self.tr("My caseload (set your name in Settings)"),
            "mine",
        )
        self.worker.clear()
        self.worker.addItem(self.tr("All workers"), None)
        for w in options.workers:
            self.worker.addItem(w, w)
        self.start.setDate(self.start.date().fromString(f"{today.year}-01-01", "yyyy-MM-dd"))

    def _period_changed(self) -> None:
        custom = self.period.currentData() is None and self.period.count() > 0
        self.start.setVisible(custom)
        self.end.setVisible(custom)

    def params(self) -> ReportParams:
        from app.services.reports import Period, ReportParams, Scope, ScopeKind

        period = self.period.currentData()
        if period is None:
            period = Period(from_qdate(self.start.date()), from_qdate(self.end.date()))
        choice = str(self.scope.currentData() or "all")
        kind, _, team = choice.partition(":")
        return ReportParams(
            period,
            Scope(ScopeKind(kind), team or None, self.worker.currentData()),
            esf_only=self.esf_only.isChecked(),
        )

    # --- computing -------------------------------------------------------------------------
    @property
    def _busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _set_busy(self, busy: bool) -> None:
        self.busy_row.setVisible(busy)
        for b in (self.compute_button, self.pdf_button, self.xlsx_button, self.csv_button):
            b.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first report of progress
            self.progress.setFormat("")

    def _show_progress(self, report: ProgressReport) -> None:
        self.progress.setRange(0, max(report.total or 0, 1))
        self.progress.setValue(report.done)
        self.progress.setFormat(f"{report.text} — %p%")

    def stop(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _ended(self) -> None:
        self.operation = None
        self._set_busy(False)
        self.reload_if_stale()  # data changed while it ran

    def _cancelled(self) -> None:
        from app.services.reports import ReportCancelled

        self.feedback.show_info(ReportCancelled().message)

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_errors([message_for(exc, self.tr("The report could not be made."))])

    def _long(self, work: Callable[[Progress], T], done: Callable[[T], None]) -> None:
        """Run computing or exporting as the page's one long operation."""
        self._set_busy(True)
        op = run_long(
            self.runner,
            work,
            owner=self,
            done=done,
            progress=self._show_progress,
            cancelled=self._cancelled,
            failed=self._failed,
        )
        self.operation = op
        op.finished.connect(lambda: self._ended() if self.operation is op else None)

    def compute(self) -> None:
        field = self.field
        if field is None or self._busy:
            return
        try:
            params = self.params()
        except BrugfiguurError as exc:
            self.feedback.show_errors([exc.message])
            return
        reports = field.reports
        self.feedback.clear_message()

        def work(progress: Progress) -> Report:
            return reports.compute(params, progress, progress.should_stop)

        def done(report: Report) -> None:
            if self.field is not field:
                return
            self.report, self.exported_view = report, None
            self._show_report()
            self.computed.emit()

        self._long(work, done)

    # --- showing ---------------------------------------------------------------------------
    def _clear_content(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.table_models = []
        self.charts = []

    def _show_report(self) -> None:
        report = self.report
        self._clear_content()
        if report is None or self.field is None:
            return
        if self.as_exported.isChecked():
            if self.exported_view is None:
                self._suppress(report)
                return
            report = self.exported_view
        self.shown = report
        from app.documents.charts import chart_data

        lay = self.content_layout
        intro = paragraph(
            self.tr("%1 · %2 · state on %3 · exact figures, only for inside the team")
            .replace("%1", report.period_label)
            .replace("%2", report.scope_label)
            .replace("%3", f"{report.reference:%d/%m/%Y}")
            if report.suppressed_threshold is None
            else self.tr("%1 · %2 · as exported: numbers under %3 hidden")
            .replace("%1", report.period_label)
            .replace("%2", report.scope_label)
            .replace("%3", str(report.suppressed_threshold))
        )
        lay.addWidget(intro)
        for section in report.sections:
            lay.addWidget(heading(section.title, level=2))
            if section.intro:
                lay.addWidget(paragraph(section.intro))
            for table in section.tables:
                lay.addWidget(self._table_block(table, chart_data(table)))
        lay.addStretch(1)

    def _suppress(self, report: Report) -> None:
        """Hide small numbers on the vault lane (it reads the organisation's threshold), then
        show the result."""
        field = self.field
        if field is None:
            return
        reports = field.reports

        def done(hidden: Report) -> None:
            if self.field is field and self.report is report:
                self.exported_view = hidden
                self._show_report()

        run(
            self.runner,
            lambda: reports.suppressed(report),
            owner=self,
            done=done,
            failed=self._failed,
            busy=[self.as_exported],
        )

    def _table_block(self, table: Table, chart: Any) -> QWidget:
        from app.documents.report_tabular import rests_on_text

        block = QWidget()
        block.setAccessibleName(table.title)
        v = QVBoxLayout(block)
        v.setContentsMargins(0, 8, 0, 8)
        title = QLabel(table.title)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        v.addWidget(title)
        row = QHBoxLayout()
        model = ReportTableModel(table, block)
        self.table_models.append(model)
        view = QTableView()
        view.setAccessibleName(table.title)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(False)
        rows = model.rowCount()
        height = header.sizeHint().height() + 2 * view.frameWidth() + 2
        height += rows * view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(height)
        # A table of many columns takes the whole width, its chart under it: beside the chart
        # its labels would shrink to nothing on a laptop screen.
        wide = len(table.columns) > WIDE_TABLE_COLUMNS
        if wide:
            v.addWidget(view)
        else:
            row.addWidget(view, 3, Qt.AlignmentFlag.AlignTop)
        if chart is not None:
            widget = ReportChart(chart, table.title)
            self.charts.append(widget)
            if wide:
                widget.setMaximumWidth(WIDE_CHART_MAX_WIDTH)
                row.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)
                row.addStretch(1)
            else:
                row.addWidget(widget, 2, Qt.AlignmentFlag.AlignTop)
        v.addLayout(row)
        note = paragraph(rests_on_text(table) + (f" {table.note}" if table.note else ""))
        note.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(note)
        return block

    # --- exporting -------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.field is None or self._busy:
            return
        try:
            params = self.params()
        except BrugfiguurError as exc:
            self.feedback.show_errors([exc.message])
            return
        name = f"rapport-{params.period.start.isoformat()}-{params.period.end.isoformat()}.{fmt}"
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "csv": self.tr("CSV files (*.csv)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), QDir.home().filePath(name), filters[fmt]
        )
        if chosen:
            self.export(fmt, Path(chosen))

    def export(self, fmt: str, path: Path) -> None:
        field = self.field
        if field is None or self._busy:
            return
        params = self.params()
        reports = field.reports
        self.feedback.clear_message()

        def work(progress: Progress) -> object:
            return reports.export(params, fmt, path, progress, progress.should_stop)

        def done(_: object) -> None:
            self.feedback.show_ok(
                self.tr("Saved in %1 (small numbers hidden).").replace("%1", str(path))
            )
            self.status_message.emit(self.feedback.text().lstrip("✓ "))
            self.exported.emit(str(path))

        self._long(work, done)

    # --- settings --------------------------------------------------------------------------
    def open_settings(self) -> None:
        field = self.field
        if field is None or self.dialog is not None:
            return
        settings = field.report_settings

        def show(values: tuple[int, tuple[int, ...]]) -> None:
            from app.views.reports.dialogs import ReportSettingsDialog

            if self.field is not field or self.dialog is not None:
                return
            dialog = ReportSettingsDialog(field, self.runner, *values, parent=self)
            self.dialog = dialog

            def finished(_: int) -> None:
                self.dialog = None
                dialog.deleteLater()

            def saved(_: object) -> None:
                self.feedback.show_ok(self.tr("Report settings saved."))
                # The change is announced (SETTINGS): the page computes again.

            dialog.saved.connect(saved)
            dialog.finished.connect(finished)
            dialog.open()

        run(
            self.runner,
            lambda: (settings.threshold(), settings.follow_up_months()),
            owner=self,
            done=show,
            failed=self._failed,
        )

    # --- signals ---------------------------------------------------------------------------
    def current_signal(self) -> SignalRow | None:
        rows = self.signals_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.signals_model.row_at(rows[0].row())

    def open_signal(self, existing: SignalRow | None) -> None:
        field = self.field
        if field is None or self.dialog is not None:
            return
        social, teams = field.social_map, list(self.options.teams) if self.options else []

        def show(orgs: Any) -> None:
            from app.views.reports.dialogs import SignalDialog

            if self.field is not field or self.dialog is not None:
                return
            dialog = SignalDialog(field, self.runner, orgs, teams, existing, self)
            self.dialog = dialog

            def finished(_: int) -> None:
                self.dialog = None
                dialog.deleteLater()

            def saved(_: object) -> None:
                self.signals_feedback.show_ok(self.tr("Signal saved."))

            dialog.saved.connect(saved)
            dialog.finished.connect(finished)
            dialog.open()

        run(
            self.runner,
            lambda: social.search(""),
            owner=self,
            done=show,
            report=self.signals_feedback,
            failure=self.tr("The sociale kaart could not be read."),
        )

    def edit_signal(self) -> None:
        row = self.current_signal()
        if row is not None:
            self.open_signal(row)

    def delete_signal(self) -> None:
        field, row = self.field, self.current_signal()
        if field is None or row is None:
            return
        if not confirm(
            self,
            self.tr("Delete signal"),
            self.tr("Delete this signal? It no longer counts in reports."),
            self.tr("Delete"),
        ):
            return
        signals = field.signals

        run(
            self.runner,
            lambda: signals.delete(row.id),
            owner=self,
            done=lambda _: self.signals_feedback.show_ok(self.tr("Signal deleted.")),
            changes=Changes.of(SIGNALS),
            report=self.signals_feedback,
            failure=self.tr("The signal could not be deleted."),
            busy=[self.delete_signal_button],
        )
