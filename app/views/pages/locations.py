"""Vindplaatsen: where you meet people, when it is best to go, and a presence log with
anonymous tallies (how many people, roughly which ages, which topics) that belong to nobody."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QSplitter, QVBoxLayout, QWidget

from app.qt.changes import VINDPLAATSEN, Changes
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.views.formatting import format_date, format_optional_date
from app.views.forms import (
    Checklist,
    FormDialog,
    button,
    confirm,
    date_edit,
    from_qdate,
    vocab_combo,
)
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.pages.person_file import KeyTable
from app.views.person_dialogs import line, note_edit
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.vindplaatsen import PresenceRow, VindplaatsRow


class VindplaatsDialog(FormDialog):
    announces = Changes.of(VINDPLAATSEN)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        existing: VindplaatsRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit vindplaats") if existing else self.tr("New vindplaats"),
            runner,
            parent,
            scroll=True,
        )
        self.setMinimumHeight(520)
        self.field, self.existing = field, existing
        e = existing
        self.name = line(self.tr("Name"), e.name if e else None)
        self.add_field("name", self.tr("&Name"), self.name, required=True)
        self.type = vocab_combo(
            field.vocab["vindplaats_types"], self.tr("Type"), current=e.type if e else None
        )
        self.add_field("type", self.tr("&Type"), self.type)
        self.area = line(self.tr("Area"), e.area if e else None)
        self.add_field("area", self.tr("&Area"), self.area)
        self.address = line(self.tr("Address"), e.address if e else None)
        self.add_field("address", self.tr("A&ddress"), self.address)
        self.best_times = line(self.tr("Best days and times"), e.best_times if e else None)
        self.add_field(
            "best_times",
            self.tr("&Best times"),
            self.best_times,
            hint=self.tr("e.g. Wednesday afternoon, after school"),
        )
        self.who_met = line(self.tr("Who you meet there"), e.who_met if e else None)
        self.add_field("who_met", self.tr("&Who you meet"), self.who_met)
        self.contact_person = line(self.tr("Contact person"), e.contact_person if e else None)
        self.add_field("contact_person", self.tr("&Contact person"), self.contact_person)
        self.contact_phone = line(
            self.tr("Phone of the contact person"), e.contact_phone if e else None
        )
        self.add_field("contact_phone", self.tr("&Phone"), self.contact_phone)
        self.note = note_edit(self.tr("Note"), e.note if e else None)
        self.add_field("note", self.tr("N&ote"), self.note)
        self.active = QCheckBox(self.tr("Still in use"))
        self.active.setAccessibleName(self.tr("Still in use"))
        self.active.setChecked(e.active if e else True)
        self.add_field("active", self.tr("&In use"), self.active)
        self.name.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.vindplaatsen import VindplaatsInput

        data = VindplaatsInput(
            name=self.name.text(),
            type=str(self.type.currentData()),
            area=self.area.text() or None,
            address=self.address.text() or None,
            best_times=self.best_times.text() or None,
            who_met=self.who_met.text() or None,
            contact_person=self.contact_person.text() or None,
            contact_phone=self.contact_phone.text() or None,
            note=self.note.toPlainText() or None,
            active=self.active.isChecked(),
        )
        v = self.field.vindplaatsen
        if self.existing is not None:
            vid = self.existing.id
            return lambda: v.update(vid, data)
        return lambda: v.create(data)


class PresenceDialog(FormDialog):
    announces = Changes.of(VINDPLAATSEN)

    """A presence moment with anonymous tallies: no names, no person."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        vindplaats: VindplaatsRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Presence at %1").replace("%1", vindplaats.name),
            runner,
            parent,
            scroll=True,
            intro=self.tr("Anonymous tallies only: these numbers belong to no person."),
        )
        self.setMinimumHeight(560)
        self.field, self.vindplaats_id = field, vindplaats.id
        self.on = date_edit(self.tr("Date"), field.context.today())
        self.add_field("on", self.tr("&Date"), self.on)
        self.spoken = QSpinBox()
        self.spoken.setRange(0, 10_000)
        self.spoken.setAccessibleName(self.tr("Number of people spoken to"))
        self.add_field("people_spoken", self.tr("People &spoken to"), self.spoken)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText(self.tr("unknown"))
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.add_field("duration_min", self.tr("D&uration"), self.duration)
        self.bands: dict[str, QSpinBox] = {}
        bands = QWidget()
        bands.setAccessibleName(self.tr("People per age band"))
        bv = QVBoxLayout(bands)
        bv.setContentsMargins(0, 0, 0, 0)
        for term in field.vocab["age_bands"].active():
            spin = QSpinBox()
            spin.setRange(0, 10_000)
            spin.setPrefix(term.label + ": ")
            spin.setAccessibleName(term.label)
            self.bands[term.code] = spin
            bv.addWidget(spin)
        first_band = next(iter(self.bands.values()), None)
        self.add_field("age_bands", self.tr("Per &age band"), bands, buddy=first_band)
        self.topics = Checklist(self.tr("Topics"))
        self.topics.set_vocab(field.vocab["life_domains"])
        self.add_field("topics", self.tr("&Topics"), self.topics)
        self.note = note_edit(self.tr("Note (no names)"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.spoken.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.vindplaatsen import PresenceInput

        data = PresenceInput(
            vindplaats_id=self.vindplaats_id,
            on=from_qdate(self.on.date()),
            people_spoken=self.spoken.value(),
            age_bands={code: s.value() for code, s in self.bands.items() if s.value()},
            topics=tuple(self.topics.codes()),
            duration_min=self.duration.value() or None,
            note=self.note.toPlainText() or None,
        )
        v = self.field.vindplaatsen
        return lambda: v.log_presence(data)


class LocationsPage(Page):
    icon_name = "map-pin"
    watches = frozenset({VINDPLAATSEN})
    uses_field = True
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setAccessibleName(self.tr("Outreach locations"))
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading(self.tr("Outreach locations")))
        self.model: RowsModel[VindplaatsRow] = RowsModel(
            [
                Column(
                    self.tr("Name"),
                    lambda v: v.name + ("" if v.active else self.tr(" (not in use)")),
                ),
                Column(self.tr("Type"), lambda v: self._label("vindplaats_types", v.type)),
                Column(self.tr("Area"), lambda v: v.area or ""),
                Column(self.tr("Best times"), lambda v: v.best_times or ""),
                Column(
                    self.tr("Presences"),
                    lambda v: str(v.presence_count),
                    lambda v: v.presence_count,
                ),
                Column(
                    self.tr("Last presence"),
                    lambda v: format_optional_date(v.last_presence_on),
                    lambda v: v.last_presence_on.isoformat() if v.last_presence_on else "",
                ),
            ],
            self,
        )
        self.table = KeyTable(self.tr("Outreach locations"), self.model, self)
        self.empty = paragraph(
            self.tr(
                "No vindplaatsen yet. Add the places where you meet people with “New "
                "vindplaats”: a square, a drop-in centre, a Facebook group…"
            )
        )
        self.presence_model: RowsModel[PresenceRow] = RowsModel(
            [
                Column(self.tr("Date"), lambda p: format_date(p.on), lambda p: p.on),
                Column(
                    self.tr("Spoken to"), lambda p: str(p.people_spoken), lambda p: p.people_spoken
                ),
                Column(self.tr("Age bands"), self._bands_text),
                Column(
                    self.tr("Topics"),
                    lambda p: ", ".join(self._label("life_domains", t) for t in p.topics),
                ),
                Column(self.tr("Note"), lambda p: p.note or ""),
            ],
            self,
        )
        self.presence_table = KeyTable(
            self.tr("Presence log (anonymous)"), self.presence_model, self
        )
        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.setAccessibleName(self.tr("Outreach locations and presence log"))
        top = QWidget()
        top.setAccessibleName(self.tr("Outreach locations"))
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.table, 1)
        tv.addWidget(self.empty)
        h = QHBoxLayout()
        self.new_button = button(self.tr("New vindplaats…"), top)
        self.edit_button = button(self.tr("Edit…"), top, name=self.tr("Edit vindplaats"))
        self.delete_button = button(self.tr("Delete…"), top, name=self.tr("Delete vindplaats"))
        self.presence_button = button(self.tr("Log presence…"), top)
        for b in (self.new_button, self.edit_button, self.delete_button, self.presence_button):
            h.addWidget(b)
        h.addStretch(1)
        tv.addLayout(h)
        bottom = QWidget()
        bottom.setAccessibleName(self.tr("Presence log (anonymous)"))
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        self.presence_title = heading(self.tr("Presence log"), level=2)
        bv.addWidget(self.presence_title)
        bv.addWidget(self.presence_table, 1)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)
        self.feedback = Feedback(self.tr("Feedback"), self)
        layout.addWidget(self.feedback)
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.table.current_row()))
        self.table.enter.connect(lambda: self._edit(self.table.current_row()))
        self.delete_button.clicked.connect(self._delete)
        self.table.delete.connect(self._delete)
        self.presence_button.clicked.connect(self._presence)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_presence())

    def _label(self, vocab: str, code: str | None) -> str:
        if code is None:
            return ""
        return self.field.vocab[vocab].label(code) if self.field is not None else code

    def _bands_text(self, p: PresenceRow) -> str:
        return ", ".join(
            f"{self._label('age_bands', code)}: {n}" for code, n in p.age_bands.items() if n
        )

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        current = self.table.current_row()

        def show(rows: list[VindplaatsRow]) -> None:
            if self.field is not field:
                return
            self.model.set_rows(rows)
            self.empty.setVisible(not rows)
            ids = [r.id for r in rows]
            if rows:
                keep = ids.index(current.id) if current is not None and current.id in ids else 0
                self.table.selectRow(keep)
            self._load_presence()
            self.loaded.emit()

        self.runner.submit(field.vindplaatsen.all, show, owner=self)

    def _load_presence(self) -> None:
        field, row = self.field, self.table.current_row()
        if field is None or row is None:
            self.presence_model.clear()
            return
        self.presence_title.setText(self.tr("Presence log — %1").replace("%1", row.name))

        def show(rows: list[PresenceRow]) -> None:
            if self.field is field:
                self.presence_model.set_rows(rows)

        self.runner.submit(lambda: field.vindplaatsen.presence_log(row.id), show, owner=self)

    def on_locked(self) -> None:
        super().on_locked()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.model.clear()
        self.presence_model.clear()

    def _run(self, dialog: FormDialog) -> None:
        self.dialog = dialog

        def done(_: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.saved.connect(lambda _: self._changed())
        dialog.finished.connect(done)
        dialog.open()

    def _changed(self) -> None:
        """A dialog saved: it announced what changed, and this page reloads from that."""

    def _edit(self, row: VindplaatsRow | None) -> None:
        if self.field is not None:
            self._run(VindplaatsDialog(self.field, self.runner, row, self))

    def _presence(self) -> None:
        row = self.table.current_row()
        if self.field is not None and row is not None:
            self._run(PresenceDialog(self.field, self.runner, row, self))

    def _delete(self) -> None:
        row, field = self.table.current_row(), self.field
        if field is None or row is None:
            return
        if confirm(
            self,
            self.tr("Delete vindplaats"),
            self.tr("Delete “%1”? Contact moments there keep their other details.").replace(
                "%1", row.name
            ),
            self.tr("Delete"),
        ):
            run(
                self.runner,
                lambda: field.vindplaatsen.delete(row.id),
                owner=self,
                changes=Changes.of(VINDPLAATSEN),
                report=self.feedback,
                failure=self.tr("Not deleted."),
            )
