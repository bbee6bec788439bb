"""The import wizard: a team's spreadsheet into the vault, step by step.

File and kind → columns (mapped by their headers, adjustable, fixed values for what the sheet
lacks) → values (the team's words mapped to the vocabularies, or added) → check (every problem
per row in plain Dutch, the first rows as they will be saved, "only the valid rows" or
"nothing") → import (progress and Stop, on the vault lane) → summary. Every step runs its file
work on the task runner; the window never waits. The mapping can be saved as JSON, the same
file `python -m app import --mapping` takes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.import_kinds import KINDS, FieldType, Kind, new_code
from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.models.table import Column, RowsModel
from app.views.widgets import Feedback, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.importing import (
        ImportMapping,
        ImportReport,
        Inspection,
        PreviewRow,
        Problem,
        ValueColumn,
    )

log = logging.getLogger(__name__)

_QCA = QCoreApplication
ADD = "__add__"  # item data of "add as a new value"
FILE_FILTER = "(*.xlsx *.xlsm *.csv *.txt *.tsv)"


def action_label(action: str) -> str:
    return {
        "create": _QCA.translate("ImportWizard", "New"),
        "update": _QCA.translate("ImportWizard", "Update"),
        "unchanged": _QCA.translate("ImportWizard", "Unchanged"),
        "skip": _QCA.translate("ImportWizard", "Skipped"),
    }.get(action, action)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, BrugfiguurError):
        return exc.message
    log.error("import step failed: %s", type(exc).__name__, exc_info=exc)
    return _QCA.translate("ImportWizard", "Something went wrong; nothing was changed.")


class _Progress(QObject):
    """Progress from the worker, delivered on the GUI thread (at most ten a second)."""

    step = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = 0.0

    def report(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last >= 0.1 or (total is not None and done >= total):
            self._last = now
            self.step.emit((done, total))


class ImportWizard(QWizard):
    """`imported` fires (on the GUI thread) when an import changed the vault."""

    imported = Signal(object)
    busy_changed = Signal(bool)

    FILE, COLUMNS, VALUES, CHECK, RUN, DONE = range(6)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        kind: Kind = Kind.PEOPLE,
    ) -> None:
        super().__init__(parent)
        self.services = field
        self.runner = runner
        self.kind = kind
        self.path: Path | None = None
        self.loaded: ImportMapping | None = None  # from a mapping file the user opened
        self.inspection: Inspection | None = None
        self.mapping: ImportMapping | None = None
        self.value_columns: list[ValueColumn] = []
        self.report: ImportReport | None = None
        self.result_report: ImportReport | None = None
        self.stop = threading.Event()
        self.busy = False
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setAccessibleName(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setMinimumSize(900, 600)
        self.resize(1180, 700)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        self.done_page = DonePage(self)
        for i, page in enumerate(
            (
                self.file_page,
                self.columns_page,
                self.values_page,
                self.check_page,
                self.run_page,
                self.done_page,
            )
        ):
            self.setPage(i, page)
        self.rejected.connect(self.stop.set)

    # --- running work on the vault lane --------------------------------------------------------
    def work(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run `fn` on the task runner (the vault lane); results come back here."""
        self.set_busy(True)

        def ok(value: Any) -> None:
            self.set_busy(False)
            done(value)

        def err(exc: BaseException) -> None:
            self.set_busy(False)
            failed(exc)

        self.runner.submit(fn, ok, err, owner=self)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
            button = self.button(b)
            if button is not None:
                button.setEnabled(not busy)
        if not busy:
            page = self.currentPage()
            if page is not None:
                page.completeChanged.emit()
        self.busy_changed.emit(busy)

    def should_stop(self) -> bool:
        return self.stop.is_set()


# --- 1. the file and what it holds ---------------------------------------------------------------
class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._ready_for: tuple[object, ...] | None = None
        self.setTitle(self.tr("Which spreadsheet, and what does it hold?"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV file, as your team keeps it. Import in this "
                "order: vindplaatsen and the sociale kaart first, then people, then their "
                "contact moments and agreements."
            )
        )
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What the file holds"))
        for k in Kind:
            self.kind.addItem(KINDS[k].label, str(k))
        self.kind.setCurrentIndex(self.kind.findData(str(wizard.kind)))
        self.kind.currentIndexChanged.connect(self._changed)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("File"))
        self.file.setPlaceholderText(self.tr("Choose a file…"))
        self.file.textChanged.connect(self._changed)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the file"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.mapping_label = QLabel(self.tr("Columns mapped by their headers."))
        self.mapping_label.setAccessibleName(self.tr("Mapping"))
        self.mapping_label.setWordWrap(True)
        load = QPushButton(self.tr("&Use a saved mapping…"))
        load.setAccessibleName(self.tr("Use a saved mapping"))
        load.clicked.connect(self.choose_mapping)
        template = QPushButton(self.tr("Save an empty &template…"))
        template.setAccessibleName(self.tr("Save an empty template"))
        template.clicked.connect(self.choose_template)
        self.feedback = Feedback(self.tr("Messages"))
        form = QFormLayout()
        form.addRow(self.tr("&What it holds"), self.kind)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.file)
        form.addRow(file_label, row)
        form.addRow(self.tr("Mapping"), self.mapping_label)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(template)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(
            paragraph(
                self.tr(
                    "The file is only read: nothing is imported before the last step, and a "
                    "stopped or failed import changes nothing."
                )
            )
        )
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def current_kind(self) -> Kind:
        return Kind(str(self.kind.currentData()))

    def _changed(self) -> None:
        self._ready_for = None
        self.feedback.clear_message()
        self.completeChanged.emit()

    def set_file(self, path: Path) -> None:
        self.file.setText(str(path))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the spreadsheet"),
            str(Path.home()),
            self.tr("Spreadsheets") + " " + FILE_FILTER,
        )
        if path:
            self.set_file(Path(path))

    def choose_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Use a saved mapping"), str(Path.home()), self.tr("Mappings (*.json)")
        )
        if path:
            self.load_mapping(Path(path))

    def load_mapping(self, path: Path) -> None:
        imports = self.w.services.imports

        def loaded(mapping: ImportMapping) -> None:
            self.w.loaded = mapping
            self.kind.setCurrentIndex(self.kind.findData(str(mapping.kind)))
            self.mapping_label.setText(self.tr("Saved mapping: %1").replace("%1", path.name))
            self._ready_for = None
            self.completeChanged.emit()

        self.w.work(
            lambda: imports.load_mapping(path),
            loaded,
            lambda exc: self.feedback.show_errors([_error_text(exc)]),
        )

    def choose_template(self) -> None:
        kind = self.current_kind()
        suggested = Path.home() / f"sjabloon-{KINDS[kind].label.lower().replace(' ', '-')}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save an empty template"), str(suggested), self.tr("Excel (*.xlsx)")
        )
        if path:
            self.save_template(kind, Path(path))

    def save_template(self, kind: Kind, path: Path) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        imports = self.w.services.imports
        self.w.work(
            lambda: imports.write_template(kind, path),
            lambda _: self.feedback.show_ok(self.tr("Template saved: %1").replace("%1", path.name)),
            lambda exc: self.feedback.show_errors([_error_text(exc)]),
        )

    def isComplete(self) -> bool:
        return bool(self.file.text().strip()) and not self.w.busy

    def validatePage(self) -> bool:
        path = Path(self.file.text().strip()).expanduser()
        kind = self.current_kind()
        given = self.w.loaded if self.w.loaded and self.w.loaded.kind == kind else None
        key = (path, kind, id(given))
        if self._ready_for == key:
            return True
        imports = self.w.services.imports

        def opened(inspection: Inspection) -> None:
            self.w.path, self.w.kind, self.w.inspection = path, kind, inspection
            self.w.mapping = inspection.mapping
            self._ready_for = key
            self.w.next()

        self.feedback.show_info(self.tr("Reading the file…"))
        self.w.work(
            lambda: imports.inspect(path, kind, given=given),
            opened,
            lambda exc: self.feedback.show_errors([_error_text(exc)]),
        )
        return False


# --- 2. columns ----------------------------------------------------------------------------------
class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._ready = False
        self.setTitle(self.tr("Which column holds what?"))
        self.setSubTitle(
            self.tr(
                "Brugfiguur read the headers and chose for each column. Change what is wrong; "
                "columns set to \u201cnot imported\u201d are left out."
            )
        )
        self.info = QLabel()
        self.info.setAccessibleName(self.tr("About the file"))
        self.info.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setAccessibleName(self.tr("Columns"))
        self.defaults_box = QGroupBox(self.tr("The same value for every row"))
        self.defaults_form = QFormLayout(self.defaults_box)
        self.feedback = Feedback(self.tr("Messages"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.defaults_box, 0)
        layout.addWidget(self.feedback)
        self.combos: dict[str, QComboBox] = {}
        self.default_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self._ready = False
        inspection, mapping = self.w.inspection, self.w.mapping
        if inspection is None or mapping is None:
            return
        info = inspection.info
        where = info.path.name
        if info.sheet:
            where += " — " + self.tr("sheet %1").replace("%1", info.sheet)
        if info.encoding:
            where += f" — {info.encoding}, " + self.tr("separator %1").replace(
                "%1", {"\t": "tab"}.get(info.delimiter or "", info.delimiter or "")
            )
        rows = (
            self.tr("about %n rows", "", info.rows_estimate)
            if info.rows_estimate is not None
            else ""
        )
        self.info.setText(
            f"{where}. "
            + self.tr("Headers in row %1").replace("%1", str(info.header_row))
            + (f", {rows}." if rows else ".")
        )
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        spec = KINDS[mapping.kind]
        for col, title in enumerate(
            (self.tr("Column in the file"), self.tr("First values"), self.tr("Brugfiguur field"))
        ):
            head = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(head, 0, col)
        for row, header in enumerate(info.columns, start=1):
            name = QLabel(header)
            name.setTextFormat(Qt.TextFormat.PlainText)
            samples = QLabel(", ".join(inspection.samples[row - 1]) or "—")
            samples.setTextFormat(Qt.TextFormat.PlainText)
            samples.setStyleSheet("color: palette(placeholder-text);")
            samples.setAccessibleName(self.tr("First values of %1").replace("%1", header))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column %1").replace("%1", header))
            combo.addItem(self.tr("— not imported —"), None)
            for f in spec.fields:
                combo.addItem(f.label, f.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(header))))
            combo.currentIndexChanged.connect(self._columns_changed)
            name.setBuddy(combo)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(samples, row, 1)
            self.grid.addWidget(combo, row, 2)
            self.combos[header] = combo
        self.grid.setRowStretch(len(info.columns) + 1, 1)  # rows stay at the top
        self._build_defaults()
        self._columns_changed()

    def _build_defaults(self) -> None:
        mapping = self.w.mapping
        assert mapping is not None
        while self.defaults_form.rowCount():
            self.defaults_form.removeRow(0)
        self.default_combos.clear()
        spec = KINDS[mapping.kind]
        vocab = self.w.services.vocab
        for f in spec.fields:
            if f.type is not FieldType.VOCAB or f.vocab is None:
                continue
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Value for every row: %1").replace("%1", f.label))
            combo.addItem(self.tr("(none)"), None)
            for term in vocab[f.vocab].active():
                combo.addItem(term.label, term.code)
            combo.setCurrentIndex(max(0, combo.findData(mapping.defaults.get(f.key))))
            combo.currentIndexChanged.connect(self._columns_changed)
            self.defaults_form.addRow(f.label, combo)
            self.default_combos[f.key] = combo

    def _columns_changed(self) -> None:
        mapping = self.w.mapping
        if mapping is None:
            return
        columns = {h: c.currentData() for h, c in self.combos.items()}
        chosen = [v for v in columns.values() if v]
        doubled = sorted(
            {KINDS[mapping.kind].field_spec(k).label for k in chosen if chosen.count(k) > 1}
        )
        mapping = mapping.with_columns(columns)
        for key, combo in self.default_combos.items():
            mapping = mapping.with_default(key, combo.currentData())
            self.defaults_form.setRowVisible(combo, key not in chosen)  # a column gives it
        self.w.mapping = mapping
        missing = self.w.services.imports.missing(mapping)
        problems = []
        if missing:
            problems.append(self.tr("Still needed: %1.").replace("%1", "; ".join(missing)))
        if doubled:
            problems.append(
                self.tr("Two columns for the same field: %1.").replace("%1", ", ".join(doubled))
            )
        self.feedback.show_errors(problems)
        self._ready = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mapping = self.w.mapping
        if mapping is None or self.w.busy:
            return False
        chosen = [v for v in mapping.columns.values() if v]
        return not self.w.services.imports.missing(mapping) and len(chosen) == len(set(chosen))

    def validatePage(self) -> bool:
        if self._ready:
            return True
        path, mapping = self.w.path, self.w.mapping
        assert path is not None and mapping is not None
        imports = self.w.services.imports

        def counted(columns: list[ValueColumn]) -> None:
            self.w.value_columns = columns
            self._ready = True
            self.w.next()

        self.feedback.show_info(self.tr("Reading the values…"))
        self.w.work(
            lambda: imports.value_columns(path, mapping, should_stop=self.w.should_stop),
            counted,
            lambda exc: self.feedback.show_errors([_error_text(exc)]),
        )
        return False


# --- 3. values -----------------------------------------------------------------------------------
class ValuesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._ready = False
        self.setTitle(self.tr("What do your words mean?"))
        self.setSubTitle(
            self.tr(
                "Each value in a column with a fixed list, and what Brugfiguur makes of it. "
                "Values it does not know come first: choose what they mean, or add them to "
                "your organisation's list."
            )
        )
        self.host = QWidget()
        self.box = QVBoxLayout(self.host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.host)
        scroll.setAccessibleName(self.tr("Values"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setWordWrap(True)
        self.feedback = Feedback(self.tr("Messages"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.feedback)
        self.choices: list[tuple[str, str, str, QComboBox]] = []  # field, vocab, raw, combo

    def initializePage(self) -> None:
        self._ready = False
        while self.box.count():
            item = self.box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices.clear()
        unknown = 0
        for column in self.w.value_columns:
            group = QGroupBox(column.label)
            form = QFormLayout(group)
            for use in column.values:
                combo = QComboBox()
                combo.setAccessibleName(
                    self.tr("Meaning of %1 in %2")
                    .replace("%1", use.raw)
                    .replace("%2", column.label)
                )
                combo.addItem(self.tr("✗ unknown: the row is not imported"), None)
                for code, term in column.terms:
                    combo.addItem(term, code)
                combo.addItem(
                    self.tr("+ Add \u201c%1\u201d to the list").replace("%1", use.raw), ADD
                )
                if use.code is not None:
                    index = combo.findData(use.code)
                    if index < 0:  # a term the mapping adds
                        combo.insertItem(1, use.raw, use.code)
                        index = 1
                    combo.setCurrentIndex(index)
                else:
                    unknown += 1
                combo.currentIndexChanged.connect(self._changed)
                label = QLabel(
                    f"{'✗ ' if use.code is None else ''}{use.raw}  "
                    + self.tr("(%n rows)", "", use.count)
                )
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setBuddy(combo)
                form.addRow(label, combo)
                self.choices.append((column.field, column.vocabulary, use.raw, combo))
            self.box.addWidget(group)
        self.box.addStretch(1)
        if not self.w.value_columns:
            self.summary.setText(self.tr("No column with a fixed list is imported."))
        elif unknown:
            self.summary.setText(self.tr("%n values are not known yet.", "", unknown))
        else:
            self.summary.setText(self.tr("Every value is known."))

    def _changed(self) -> None:
        self._ready = False

    def mapping_with_choices(self) -> ImportMapping:
        from app.services.importing import NewTerm

        mapping = self.w.mapping
        assert mapping is not None
        vocab = self.w.services.vocab
        for field_key, vocabulary, raw, combo in self.choices:
            code = combo.currentData()
            if code == ADD:
                existing = [t.code for t in vocab[vocabulary]] + [
                    t.code for t in mapping.new_terms.get(vocabulary, ())
                ]
                code = new_code(raw, existing)
                mapping = mapping.with_new_term(vocabulary, NewTerm(code, raw))
            mapping = mapping.with_value(field_key, raw, code)
        return mapping

    def validatePage(self) -> bool:
        if self._ready:
            return True
        self.w.mapping = self.mapping_with_choices()
        self.w.check_page.run_check(then_next=True)
        return False


# --- 4. the check --------------------------------------------------------------------------------
def problem_columns() -> list[Column[Problem]]:
    return [
        Column(
            _QCA.translate("ImportWizard", "Row"),
            lambda p: str(p.row) if p.row else _QCA.translate("ImportWizard", "file"),
            sort=lambda p: p.row,
        ),
        Column(_QCA.translate("ImportWizard", "Column"), lambda p: p.column or ""),
        Column(_QCA.translate("ImportWizard", "Value"), lambda p: p.value),
        Column(
            _QCA.translate("ImportWizard", "Problem"),
            lambda p: (
                p.message
                if p.blocking
                else _QCA.translate("ImportWizard", "Note: %1").replace("%1", p.message)
            ),
            tooltip=lambda p: p.message,
        ),
    ]


class PreviewModel(RowsModel["PreviewRow"]):
    """The first rows as they will be saved; a column per field any of them fills."""

    def set_preview(self, rows: list[PreviewRow]) -> None:
        labels: list[str] = []
        for r in rows:
            for label, _ in r.values:
                if label not in labels:
                    labels.append(label)

        def value(label: str) -> Callable[[PreviewRow], str]:
            return lambda r: dict(r.values).get(label, "")

        def action(r: PreviewRow) -> str:
            text = action_label(str(r.action))
            return f"{text}: {', '.join(r.changes)}" if r.changes else text

        self.beginResetModel()
        self.columns = [
            Column(
                _QCA.translate("ImportWizard", "Row"), lambda r: str(r.row), sort=lambda r: r.row
            ),
            Column(_QCA.translate("ImportWizard", "What happens"), action),
            *(Column(label, value(label)) for label in labels),
        ]
        self.endResetModel()
        self.set_rows(rows)


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr("Every row was read and checked against what is already in Brugfiguur.")
        )
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setWordWrap(True)
        self.problems = RowsModel["Problem"](problem_columns(), self)
        self.problems_view = _table(self.tr("Problems per row"))
        self.problems_view.setModel(self.problems)
        self.preview = PreviewModel([], self)
        self.preview_view = _table(self.tr("The first rows as they will be saved"))
        self.preview_view.setModel(self.preview)
        self.valid_only = QRadioButton(self.tr("Import the &valid rows, leave the others out"))
        self.nothing = QRadioButton(self.tr("Import &nothing while a row has a problem"))
        self.nothing.setChecked(True)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.valid_only)
        self.choice.addButton(self.nothing)
        self.choice.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.duplicates = QCheckBox(
            self.tr("Import possible duplicates as &new people anyway (never merged)")
        )
        self.duplicates.setAccessibleName(self.tr("Import possible duplicates anyway"))
        self.duplicates.toggled.connect(self._duplicates_toggled)
        save = QPushButton(self.tr("&Save the mapping…"))
        save.setAccessibleName(self.tr("Save the mapping"))
        save.clicked.connect(self.choose_save)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Checking"))
        self.progress.hide()
        self.feedback = Feedback(self.tr("Messages"))
        options = QHBoxLayout()
        options.addWidget(self.valid_only)
        options.addWidget(self.nothing)
        options.addStretch(1)
        options.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        problems_label = QLabel(self.tr("&Problems"))
        problems_label.setBuddy(self.problems_view)
        layout.addWidget(problems_label)
        layout.addWidget(self.problems_view, 2)
        preview_label = QLabel(self.tr("The first rows &as they will be saved"))
        preview_label.setBuddy(self.preview_view)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview_view, 2)
        layout.addLayout(options)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.feedback)
        self._progress = _Progress(self)
        self._progress.step.connect(self._step)

    def initializePage(self) -> None:
        mapping = self.w.mapping
        self.duplicates.setVisible(mapping is not None and mapping.kind is Kind.PEOPLE)
        self.duplicates.blockSignals(True)
        self.duplicates.setChecked(mapping is not None and mapping.possible_duplicates == "import")
        self.duplicates.blockSignals(False)
        self.show_report()

    def _duplicates_toggled(self, on: bool) -> None:
        from dataclasses import replace

        if self.w.mapping is not None:
            self.w.mapping = replace(self.w.mapping, possible_duplicates="import" if on else "skip")
            self.run_check(then_next=False)

    def run_check(self, *, then_next: bool) -> None:
        path, mapping = self.w.path, self.w.mapping
        assert path is not None and mapping is not None
        imports = self.w.services.imports
        progress = self._progress

        def checked(report: ImportReport) -> None:
            self.progress.hide()
            self.w.report = report
            if then_next:
                self.w.values_page._ready = True
                self.w.next()
            else:
                self.show_report()

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            page = self.w.currentPage()
            target = page.feedback if isinstance(page, ValuesPage | CheckPage) else self.feedback
            target.show_errors([_error_text(exc)])

        self.progress.setRange(0, 0)
        self.progress.show()
        self.w.work(
            lambda: imports.check(path, mapping, progress.report, self.w.should_stop),
            checked,
            failed,
        )

    def _step(self, value: object) -> None:
        if isinstance(value, tuple) and value[1]:
            self.progress.setRange(0, int(value[1]))
            self.progress.setValue(int(value[0]))

    def show_report(self) -> None:
        report = self.w.report
        if report is None:
            return
        self.problems.set_rows(list(report.problems))
        self.preview.set_preview(list(report.preview))
        self.preview_view.resizeColumnsToContents()
        self.problems_view.resizeColumnsToContents()
        parts = [
            self.tr("%n rows read", "", report.rows),
            self.tr("%n new", "", report.created),
            self.tr("%n to update", "", report.updated),
            self.tr("%n unchanged", "", report.unchanged),
        ]
        text = ", ".join(parts) + "."
        if report.skipped:
            text += " " + self.tr(
                "%n rows have a problem and are not imported.", "", report.skipped
            )
        else:
            text += " " + self.tr("No row has a problem.")
        if report.problem_total > len(report.problems):
            text += " " + self.tr("The first %1 problems are listed.").replace(
                "%1", str(len(report.problems))
            )
        self.summary.setText(text)
        for button in (self.valid_only, self.nothing):
            button.setEnabled(bool(report.skipped))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.w.report
        if report is None or self.w.busy or report.importable == 0:
            return False
        return not report.skipped or self.valid_only.isChecked()

    def choose_save(self) -> None:
        mapping = self.w.mapping
        if mapping is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the mapping"),
            str(Path.home() / f"koppeling-{mapping.kind}.json"),
            self.tr("Mappings (*.json)"),
        )
        if path:
            self.save_mapping(Path(path))

    def save_mapping(self, path: Path) -> None:
        mapping = self.w.mapping
        assert mapping is not None
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        imports = self.w.services.imports
        self.w.work(
            lambda: imports.save_mapping(mapping, path),
            lambda _: self.feedback.show_ok(self.tr("Mapping saved: %1").replace("%1", path.name)),
            lambda exc: self.feedback.show_errors([_error_text(exc)]),
        )


# --- 5. importing --------------------------------------------------------------------------------
class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(
            self.tr("One transaction: if you stop, or something fails, nothing is changed.")
        )
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setFormat(self.tr("%v of %m rows"))
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the import"))
        self.stop_button.clicked.connect(self.stop)
        self.feedback = Feedback(self.tr("Messages"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stop_button)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self._progress = _Progress(self)
        self._progress.step.connect(self._step)
        self.finished = False

    def initializePage(self) -> None:
        self.finished = False
        self.w.stop.clear()
        self.feedback.clear_message()
        self.stop_button.setEnabled(True)
        report = self.w.report
        self.bar.setRange(0, report.rows if report is not None and report.rows else 0)
        self.bar.setValue(0)
        path, mapping = self.w.path, self.w.mapping
        assert path is not None and mapping is not None
        valid_only = self.w.check_page.valid_only.isChecked()
        imports, progress, stop = self.w.services.imports, self._progress, self.w.should_stop

        def done(report: ImportReport) -> None:
            self.finished = True
            self.w.result_report = report
            if report.written:
                self.w.imported.emit(report)
            self.completeChanged.emit()
            self.w.next()

        def failed(exc: BaseException) -> None:
            from app.services.importing import ImportCancelled

            self.finished = True
            self.stop_button.setEnabled(False)
            if isinstance(exc, ImportCancelled):
                self.feedback.show_info(exc.message)  # what the user asked for
            else:
                self.feedback.show_errors([_error_text(exc)])
            self.w.result_report = None
            self.completeChanged.emit()

        self.w.work(
            lambda: imports.run(
                path, mapping, valid_only=valid_only, progress=progress.report, should_stop=stop
            ),
            done,
            failed,
        )

    def stop(self) -> None:
        self.w.stop.set()
        self.stop_button.setEnabled(False)
        self.feedback.show_info(self.tr("Stopping… nothing will be changed."))

    def _step(self, value: object) -> None:
        if isinstance(value, tuple):
            done, total = value
            if total:
                self.bar.setRange(0, int(total))
            self.bar.setValue(int(done))

    def isComplete(self) -> bool:
        return self.finished and not self.w.busy

    def validatePage(self) -> bool:
        return self.finished


# --- 6. summary ----------------------------------------------------------------------------------
class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Done"))
        self.text = QLabel()
        self.text.setAccessibleName(self.tr("Summary"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        report = self.w.result_report
        if report is None:
            self.text.setText(self.tr("Nothing was imported."))
            return
        if report.refused:
            self.text.setText(
                self.tr(
                    "Nothing was imported: %n rows have a problem. Correct them in the file and "
                    "import it again, or choose to import the valid rows only.",
                    "",
                    report.skipped,
                )
            )
            return
        lines = [
            self.tr("%n new records", "", report.created),
            self.tr("%n updated", "", report.updated),
            self.tr("%n unchanged", "", report.unchanged),
            self.tr("%n rows left out because of a problem", "", report.skipped),
            *report.details,
            "",
            self.tr(
                "The imported records are ordinary records: they are synchronised, counted in "
                "reports, and can be exported and erased like any other. The import is in the "
                "audit log."
            ),
        ]
        self.text.setText("\n".join(lines))
