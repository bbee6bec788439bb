"""The organisation's rules in the settings: who the controller is, its DPO, the purposes, where
the central store runs, extra security measures (together: the record of processing, GDPR
art. 30, as a PDF), and the retention rule with the closed files that fall due (a coordinator
confirms their erasure with the passphrase)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.settings import (
    CONTROLLER_CONTACT,
    CONTROLLER_NAME,
    DPO_CONTACT,
    PROCESSING_PURPOSES,
    RETENTION_YEARS,
    SECURITY_MEASURES,
    STORE_LOCATION,
    SettingSpec,
    TextSetting,
)
from app.views.discreet import Discretion
from app.views.formatting import format_date
from app.views.forms import Checklist
from app.views.widgets import Feedback, PassphraseField, field_label, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.retention import RetentionDue

TEXTS: tuple[SettingSpec[str], ...] = (
    CONTROLLER_NAME,
    CONTROLLER_CONTACT,
    DPO_CONTACT,
    STORE_LOCATION,
    PROCESSING_PURPOSES,
    SECURITY_MEASURES,
)


class OrganisationBox(QGroupBox):
    """Settings → The organisation (a coordinator changes these; everyone reads them)."""

    saved = Signal()
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The organisation"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.field: FieldServices | None = None
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {
            CONTROLLER_NAME.key: self.tr("&Organisation (controller)"),
            CONTROLLER_CONTACT.key: self.tr("&Address and contact"),
            DPO_CONTACT.key: self.tr("&DPO"),
            STORE_LOCATION.key: self.tr("Central store &location"),
            PROCESSING_PURPOSES.key: self.tr("&Purposes (one per line)"),
            SECURITY_MEASURES.key: self.tr("Extra &security measures"),
        }
        form = QFormLayout()
        for spec in TEXTS:
            edit: QLineEdit | QPlainTextEdit
            if isinstance(spec, TextSetting) and spec.multiline:
                edit = QPlainTextEdit(self)
                edit.setTabChangesFocus(True)
                edit.setMaximumHeight(86)
            else:
                edit = QLineEdit(self)
            edit.setAccessibleName(labels[spec.key].replace("&", ""))
            self.edits[spec.key] = edit
            form.addRow(field_label(labels[spec.key], edit), edit)
        self.years = QSpinBox(self)
        self.years.setRange(RETENTION_YEARS.minimum, RETENTION_YEARS.maximum)
        self.years.setSuffix(self.tr(" years after closure"))
        self.years.setAccessibleName(self.tr("Erase a closed file after this many years"))
        form.addRow(field_label(self.tr("&Retention"), self.years), self.years)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAccessibleName(self.tr("Save the organisation's rules"))
        self.record_button = QPushButton(self.tr("Record of processing (PDF)…"), self)
        self.record_button.setAccessibleName(
            self.tr("Export the record of processing activities as PDF")
        )
        self.feedback = Feedback(self.tr("Feedback on the organisation's rules"), self)
        v = QVBoxLayout(self)
        v.addWidget(
            paragraph(
                self.tr(
                    "The organisation's rules reach every laptop of your team. Together they "
                    "make the record of processing activities (GDPR article 30) your DPO asks "
                    "for. The retention rule: five years after closure unless you set "
                    "otherwise, because the ESF+ asks to keep the documents of a funded "
                    "trajectory five years, and the GDPR asks to keep nothing longer than "
                    "needed."
                )
            )
        )
        v.addLayout(form)
        h = QHBoxLayout()
        h.addWidget(self.save_button)
        h.addWidget(self.record_button)
        h.addStretch(1)
        v.addLayout(h)
        v.addWidget(self.feedback)
        self.save_button.clicked.connect(self.save)
        self.record_button.clicked.connect(self.choose_record)
        self.set_field(None)

    def _text(self, key: str) -> str:
        edit = self.edits[key]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def set_field(self, field: FieldServices | None) -> None:
        self.field = field
        self.setEnabled(field is not None)
        self.feedback.clear_message()
        if field is None:
            for e in self.edits.values():
                e.clear() if isinstance(e, QLineEdit) else e.setPlainText("")
            return

        def load() -> tuple[dict[str, Any], bool]:
            specs: list[SettingSpec[Any]] = [*TEXTS, RETENTION_YEARS]
            return field.settings.values(specs), field.workers.may_manage()

        def show(result: tuple[dict[str, Any], bool]) -> None:
            if self.field is not field:
                return
            values, may = result
            for key, edit in self.edits.items():
                text = str(values[key])
                edit.setText(text) if isinstance(edit, QLineEdit) else edit.setPlainText(text)
                edit.setReadOnly(not may)
            self.years.setValue(int(values[RETENTION_YEARS.key]))
            self.years.setEnabled(may)
            self.save_button.setEnabled(may)
            self.save_button.setToolTip("" if may else self.tr("Only a coordinator can do this."))
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def save(self) -> None:
        field = self.field
        if field is None:
            return
        values: list[tuple[SettingSpec[Any], object]] = [
            (spec, self._text(spec.key)) for spec in TEXTS
        ]
        values.append((RETENTION_YEARS, self.years.value()))

        def work() -> None:
            for spec, value in values:
                field.settings.change(spec, value)

        def done(_: object) -> None:
            self.feedback.show_ok(self.tr("The organisation's rules were saved."))
            self.saved.emit()

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.feedback.show_errors([msg])

        self.runner.submit(work, done, failed, owner=self)

    def choose_record(self) -> None:
        start = QDir.home().filePath("register-verwerkingsactiviteiten.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the record of processing as"), start,
            self.tr("PDF files (*.pdf);;All files (*)"),
        )  # fmt: skip
        if chosen:
            self.export_record(Path(chosen))

    def export_record(self, out: Path) -> None:
        field = self.field
        if field is None:
            return
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")

        def done(_: object) -> None:
            self.feedback.show_ok(self.tr("Saved in %1.").replace("%1", str(out)))
            self.exported.emit(str(out))

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.feedback.show_errors([msg])

        self.runner.submit(lambda: field.processing.export(out), done, failed, owner=self)


class RetentionBox(QGroupBox):
    """Settings → Retention: the closed files that fall due, to confirm (coordinator)."""

    erased = Signal(int)
    loaded = Signal()

    def __init__(
        self, runner: TaskRunner, discretion: Discretion, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Retention"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.discretion = discretion
        self.field: FieldServices | None = None
        self.due: list[RetentionDue] = []
        self.summary = paragraph("")
        self.files = Checklist(self.tr("Closed files that fall due"), self)
        self.files.setMinimumHeight(110)
        self.passphrase = PassphraseField(self.tr("Your passphrase"), self)
        self.erase_button = QPushButton(self.tr("Erase the ticked files"), self)
        self.erase_button.setAccessibleName(self.tr("Erase the ticked files for good"))
        self.feedback = Feedback(self.tr("Result of the retention run"), self)
        v = QVBoxLayout(self)
        v.addWidget(self.summary)
        v.addWidget(self.files)
        form = QFormLayout()
        form.addRow(field_label(self.tr("&Passphrase"), self.passphrase), self.passphrase)
        v.addLayout(form)
        v.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.feedback)
        self.erase_button.clicked.connect(self.erase)
        self.passphrase.returnPressed.connect(self.erase)
        discretion.changed.connect(lambda _: self._show())
        self.set_field(None)

    def set_field(self, field: FieldServices | None) -> None:
        self.field = field
        self.setEnabled(field is not None)
        self.passphrase.clear()
        self.feedback.clear_message()
        if field is None:
            self.due = []
            self.files.clear()
            return
        self.reload()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return

        def load() -> tuple[list[RetentionDue], int, bool]:
            return field.retention.due(), field.retention.years(), field.workers.may_manage()

        def show(result: tuple[list[RetentionDue], int, bool]) -> None:
            if self.field is not field:
                return
            self.due, years, may = result
            self._show()
            text = self.tr(
                "Closed files are erased %n year(s) after closure (the organisation's rule).",
                "",
                years,
            )
            if not self.due:
                text += " " + self.tr("No file falls due now.")
            elif may:
                text += " " + self.tr(
                    "These fall due: tick the ones to erase and confirm with your passphrase. "
                    "The erasure reaches every laptop and the central store."
                )
            else:
                text += " " + self.tr("A coordinator confirms their erasure.")
            self.summary.setText(text)
            self.summary.setAccessibleName(text)
            self.erase_button.setEnabled(may and bool(self.due))
            self.passphrase.setEnabled(may and bool(self.due))
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _show(self) -> None:
        checked = set(self.files.codes())
        self.files.set_items(
            (
                (
                    d.person_id,
                    self.tr("%1 — closed %2, due since %3")
                    .replace("%1", self.discretion.label(d.alias, d.full_name, d.initials))
                    .replace("%2", format_date(d.closed_on))
                    .replace("%3", format_date(d.erase_on)),
                )
                for d in self.due
            ),
            checked or {d.person_id for d in self.due},
        )
        self.files.setVisible(bool(self.due))

    def erase(self) -> None:
        field = self.field
        chosen = self.files.codes()
        passphrase = self.passphrase.text()
        if field is None or not chosen:
            return
        if not passphrase:
            self.feedback.show_errors([self.tr("Type your passphrase to confirm.")])
            return
        self.erase_button.setEnabled(False)

        def done(run: Any) -> None:
            self.passphrase.clear()
            count = len(run.erased)
            self.feedback.show_ok(self.tr("%n file(s) erased.", "", count))
            self.erased.emit(count)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.erase_button.setEnabled(True)
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Nothing erased.")
            self.feedback.show_errors([msg])

        self.runner.submit(
            lambda: field.retention.erase_due(chosen, passphrase), done, failed, owner=self
        )
