"""The team in the settings: who works here (profiles synced from every laptop), how many open
files each follows, handing a caseload on, and marking who left. Handing on is a coordinator's
decision (on a laptop that syncs with nobody, its user decides)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.forms import FormDialog, button
from app.views.models.table import Column, RowsModel
from app.views.pages.person_file import KeyTable
from app.views.person_dialogs import note_edit
from app.views.widgets import Feedback, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.workers import WorkerRow


class HandOnDialog(FormDialog):
    """Hand one person, or everyone a worker follows, to another worker, with a note."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        workers: list[WorkerRow],
        *,
        person: tuple[str, str] | None = None,  # (id, label)
        from_worker: WorkerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if person is not None:
            title = self.tr("Hand %1 on to a colleague").replace("%1", person[1])
        else:
            assert from_worker is not None
            title = self.tr("Hand on the caseload of %1").replace("%1", from_worker.name)
        super().__init__(
            title,
            runner,
            parent,
            primary=self.tr("Hand on"),
            intro=self.tr(
                "The colleague sees the people on their Vandaag with your note; the file keeps "
                "who followed the person when."
            ),
        )
        self.field, self.person, self.from_worker = field, person, from_worker
        self.to = QComboBox()
        self.to.setAccessibleName(self.tr("Colleague who takes over"))
        for w in workers:
            if w.active and (from_worker is None or w.id != from_worker.id):
                self.to.addItem(w.name + (f" — {w.function}" if w.function else ""), w.id)
        self.add_field("to", self.tr("&To"), self.to)
        self.note = note_edit(self.tr("Handover note"))
        self.add_field(
            "note",
            self.tr("&Note"),
            self.note,
            hint=self.tr("What the colleague should know first (no more than needed)"),
        )
        self.include_closed = QCheckBox(self.tr("Closed files too"))
        self.include_closed.setVisible(person is None)
        if person is None:
            self.add_field("include_closed", self.tr("&Closed files"), self.include_closed)
        self.to.setFocus()

    def job(self) -> Callable[[], Any]:
        to, note = self.to.currentData(), self.note.toPlainText()
        transfers = self.field.transfers
        if not isinstance(to, str):
            from app.errors import ValidationError

            raise ValidationError(self.tr("Choose the colleague who takes over."), field="to")
        if self.person is not None:
            pid = self.person[0]
            return lambda: transfers.move_person(pid, to, note)
        assert self.from_worker is not None
        source, closed = self.from_worker.id, self.include_closed.isChecked()
        return lambda: transfers.move_caseload(source, to, note, include_closed=closed)


class TeamBox(QGroupBox):
    """Settings → The team."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The team"))
        self.setAccessibleName(self.title())
        self.runner = runner
        self.field: FieldServices | None = None
        self.sizes: dict[str | None, int] = {}
        self.dialog: FormDialog | None = None
        self.model: RowsModel[WorkerRow] = RowsModel(
            [
                Column(self.tr("Name"), lambda w: w.name + (self.tr(" (you)") if w.is_me else "")),
                Column(self.tr("Function"), lambda w: w.function or ""),
                Column(self.tr("Phone"), lambda w: w.phone or ""),
                Column(
                    self.tr("Open files"),
                    lambda w: str(self.sizes.get(w.id, 0)),
                    lambda w: self.sizes.get(w.id, 0),
                ),
                Column(
                    self.tr("Status"),
                    lambda w: (
                        (self.tr("typed name") if w.legacy else "")
                        or (self.tr("active") if w.active else self.tr("left the team"))
                    ),
                ),
            ],
            self,
        )
        self.table = KeyTable(self.tr("Workers of the team"), self.model, self)
        self.table.setMinimumHeight(160)
        self.hand_on_button = button(self.tr("Hand on caseload…"), self)
        self.left_button = button(self.tr("Left the team"), self)
        self.back_button = button(self.tr("Active again"), self)
        self.feedback = Feedback(self.tr("Feedback on the team"), self)
        v = QVBoxLayout(self)
        v.addWidget(
            paragraph(
                self.tr(
                    "Everyone who works with this team, as they introduced themselves. When "
                    "someone leaves, hand their people on first: nobody should fall between "
                    "two chairs."
                )
            )
        )
        v.addWidget(self.table)
        h = QHBoxLayout()
        for b in (self.hand_on_button, self.left_button, self.back_button):
            h.addWidget(b)
        h.addStretch(1)
        v.addLayout(h)
        v.addWidget(self.feedback)
        self.hand_on_button.clicked.connect(self.open_hand_on)
        self.left_button.clicked.connect(lambda: self._set_active(False))
        self.back_button.clicked.connect(lambda: self._set_active(True))
        self.set_field(None)

    def set_field(self, field: FieldServices | None) -> None:
        self.field = field
        self.setEnabled(field is not None)
        self.feedback.clear_message()
        if field is None:
            self.model.clear()
            return
        self.reload()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return

        def load() -> tuple[list[WorkerRow], dict[str | None, int], bool]:
            may = field.workers.may_manage()
            return (
                field.workers.workers(include_inactive=True),
                field.transfers.caseload_sizes(),
                may,
            )

        def show(result: tuple[list[WorkerRow], dict[str | None, int], bool]) -> None:
            if self.field is not field:
                return
            workers, self.sizes, may = result
            self.model.set_rows(workers)
            for b in (self.hand_on_button, self.left_button, self.back_button):
                b.setEnabled(may)
                b.setToolTip("" if may else self.tr("Only a coordinator can do this."))
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def open_hand_on(self) -> HandOnDialog | None:
        field, row = self.field, self.table.current_row()
        if field is None:
            return None
        if row is None:
            self.feedback.show_errors([self.tr("Choose whose caseload you hand on.")])
            return None
        dialog = HandOnDialog(field, self.runner, self.model.rows, from_worker=row, parent=self)
        self.dialog = dialog

        def saved(result: object) -> None:
            moved = len(getattr(result, "moved", ()))
            self.feedback.show_ok(self.tr("%n person(s) handed on.", "", moved))
            self.reload()
            self.changed.emit()

        dialog.saved.connect(saved)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog

    def _set_active(self, active: bool) -> None:
        field, row = self.field, self.table.current_row()
        if field is None or row is None:
            return

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.feedback.show_errors([msg])

        def done(_: object) -> None:
            self.reload()
            self.changed.emit()

        self.runner.submit(
            lambda: field.workers.set_active(row.id, active), done, failed, owner=self
        )


__all__ = ["HandOnDialog", "TeamBox"]
