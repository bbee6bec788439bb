"""Groepswerk: groups and series with their people and sessions. Recording who came at a
session writes the session's group contact moment; people who came without being registered
are counted only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.formatting import format_date, format_datetime, format_optional_date
from app.views.forms import (
    Checklist,
    FormDialog,
    OptionalDate,
    button,
    confirm,
    date_edit,
    datetime_edit,
    from_qdate,
    from_qdatetime,
    vocab_combo,
)
from app.views.models.table import Column, RowsModel
from app.views.pages.base import Page
from app.views.pages.person_file import KeyTable
from app.views.person_dialogs import line, note_edit
from app.views.widgets import Feedback, heading, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.groups import GroupDetail, GroupRow, MemberRow, SessionRow


class GroupDialog(FormDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        choices: tuple[list[tuple[str, str]], list[tuple[str, str]]],
        existing: GroupRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit group") if existing else self.tr("New group or series"),
            runner,
            parent,
            scroll=True,
        )
        self.setMinimumHeight(560)
        self.field, self.existing = field, existing
        workers, vindplaatsen = choices
        e = existing
        self.name = line(self.tr("Name"), e.name if e else None)
        self.add_field("name", self.tr("&Name"), self.name)
        self.kind = vocab_combo(
            field.vocab["group_kinds"], self.tr("Kind"), current=e.kind if e else None
        )
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.organiser = QComboBox()
        self.organiser.setAccessibleName(self.tr("Organiser"))
        for wid, name in workers:
            self.organiser.addItem(name, wid)
        current = e.organiser_id if e else field.context.ctx.device.worker_id
        self.organiser.setCurrentIndex(max(0, self.organiser.findData(current)))
        self.add_field("organiser_id", self.tr("&Organiser"), self.organiser)
        self.vindplaats = QComboBox()
        self.vindplaats.setAccessibleName(self.tr("Vindplaats"))
        self.vindplaats.addItem(self.tr("— none —"), None)
        for vid, name in vindplaatsen:
            self.vindplaats.addItem(name, vid)
        if e and e.vindplaats_id:
            self.vindplaats.setCurrentIndex(max(0, self.vindplaats.findData(e.vindplaats_id)))
        self.add_field("vindplaats_id", self.tr("&Vindplaats"), self.vindplaats)
        self.place = line(self.tr("Place"), e.place if e else None)
        self.add_field(
            "place",
            self.tr("&Place"),
            self.place,
            hint=self.tr("An address, when not a vindplaats"),
        )
        self.starts_on = date_edit(
            self.tr("Starts on"), e.starts_on if e else field.context.today()
        )
        self.add_field("starts_on", self.tr("&Starts on"), self.starts_on)
        self.ends_on = OptionalDate(self.tr("Ends on"), default=e.ends_on if e else None)
        if e and e.ends_on:
            self.ends_on.set_value(e.ends_on)
        self.add_field("ends_on", self.tr("&Ends on"), self.ends_on)
        self.description = note_edit(self.tr("What the group does"), e.description if e else None)
        self.add_field("description", self.tr("&Description"), self.description)
        self.name.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.groups import GroupInput

        data = GroupInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            starts_on=from_qdate(self.starts_on.date()),
            organiser_id=self.organiser.currentData(),
            vindplaats_id=self.vindplaats.currentData(),
            place=self.place.text() or None,
            ends_on=self.ends_on.date_value(),
            description=self.description.toPlainText(),
        )
        groups = self.field.groups
        if self.existing is not None:
            gid = self.existing.id
            return lambda: groups.update(gid, data)
        return lambda: groups.create(data)


class EnrolDialog(FormDialog):
    """Choose people from the caseload (type to filter)."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        group: GroupRow,
        people: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Enrol people in %1").replace("%1", group.name),
            runner,
            parent,
            primary=self.tr("Enrol"),
        )
        self.field, self.group_id = field, group.id
        self.filter = QLineEdit()
        self.filter.setAccessibleName(self.tr("Filter people"))
        self.filter.setPlaceholderText(self.tr("Type part of an alias or name"))
        self.add_field("filter", self.tr("&Find"), self.filter)
        self.people = Checklist(self.tr("People to enrol"))
        self.people.set_items(people)
        self.people.setMinimumHeight(260)
        self.add_field("people", self.tr("&People"), self.people)
        self.on = date_edit(self.tr("Enrolled from"), field.context.today())
        self.add_field("on", self.tr("&From"), self.on)
        self.filter.textChanged.connect(self._filter)
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def job(self) -> Callable[[], Any]:
        ids, on, gid = self.people.codes(), from_qdate(self.on.date()), self.group_id
        groups = self.field.groups
        return lambda: groups.enrol(gid, ids, on)


class SessionDialog(FormDialog):
    """Plan one session, or a series (every N days)."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        group: GroupRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Plan sessions of %1").replace("%1", group.name),
            runner,
            parent,
            primary=self.tr("Plan"),
        )
        self.field, self.group_id = field, group.id
        start = max(datetime.combine(group.starts_on, datetime.min.time()), field.context.now())
        start = start.replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=1)
        self.first = datetime_edit(self.tr("First session"), start)
        self.add_field("starts_at", self.tr("&When"), self.first)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(120)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("unknown"))
        self.add_field("duration_min", self.tr("&Duration"), self.duration)
        self.count = QSpinBox()
        self.count.setRange(1, 52)
        self.count.setValue(1)
        self.count.setAccessibleName(self.tr("Number of sessions"))
        self.add_field("count", self.tr("&Sessions"), self.count)
        self.every = QSpinBox()
        self.every.setRange(1, 31)
        self.every.setValue(7)
        self.every.setSuffix(self.tr(" days apart"))
        self.every.setAccessibleName(self.tr("Days between sessions"))
        self.add_field("every", self.tr("&Every"), self.every)
        self.topic = line(self.tr("Topic"))
        self.add_field("topic", self.tr("&Topic"), self.topic)

    def job(self) -> Callable[[], Any]:
        first = from_qdatetime(self.first.dateTime())
        duration = self.duration.value() or None
        count, every, topic, gid = (
            self.count.value(),
            self.every.value(),
            self.topic.text(),
            self.group_id,
        )
        groups = self.field.groups
        if count == 1:
            return lambda: [groups.plan_session(gid, first, duration, topic)]
        return lambda: groups.plan_series(gid, first, count, every, duration)


class AttendanceDialog(FormDialog):
    """Who came: the enrolled people (ticked ones came), plus how many unregistered people."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        session: SessionRow,
        members: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Who came on %1").replace("%1", format_datetime(session.starts_at)),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "Each registered person gets this session as a group contact moment in their "
                "file, also when they did not come. People who came without being registered "
                "are only counted."
            ),
        )
        self.setMinimumHeight(560)
        self.field, self.session_id = field, session.id
        self.came = Checklist(self.tr("Registered people who came"))
        came = session.attended if session.held else tuple(pid for pid, _ in members)
        self.came.set_items(members, came)
        self.add_field("attended", self.tr("&Came"), self.came)
        self.unregistered = QSpinBox()
        self.unregistered.setRange(0, 500)
        self.unregistered.setValue(session.unregistered)
        self.unregistered.setAccessibleName(self.tr("People who came without being registered"))
        self.add_field("unregistered", self.tr("&Not registered"), self.unregistered)
        self.summary = note_edit(self.tr("What happened (shareable)"))
        self.add_field("summary", self.tr("&Summary"), self.summary)
        self.domains = Checklist(self.tr("Life domains touched"))
        self.domains.set_vocab(field.vocab["life_domains"])
        self.add_field("life_domains", self.tr("&Life domains"), self.domains)
        self.came.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.groups import Attendance

        data = Attendance(
            attended=tuple(self.came.codes()),
            unregistered=self.unregistered.value(),
            summary=self.summary.toPlainText(),
            life_domains=tuple(self.domains.codes()),
        )
        groups, sid = self.field.groups, self.session_id
        return lambda: groups.record_attendance(sid, data)


class GroupsPage(Page):
    icon_name = "users-round"
    uses_field = True
    loaded = Signal()

    def __init__(
        self, runner: TaskRunner, discretion: Discretion, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion
        self.setAccessibleName(self.tr("Group work"))
        self.dialog: FormDialog | None = None
        self.detail: GroupDetail | None = None
        self.names: dict[str, str] = {}
        self._select: str | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.addWidget(heading(self.tr("Group work")))
        self.model: RowsModel[GroupRow] = RowsModel(
            [
                Column(self.tr("Name"), lambda g: g.name),
                Column(self.tr("Kind"), lambda g: self._label("group_kinds", g.kind)),
                Column(self.tr("Organiser"), lambda g: self.names.get(g.organiser_id, "")),
                Column(self.tr("Place"), lambda g: g.where),
                Column(self.tr("Enrolled"), lambda g: str(g.members), lambda g: g.members),
                Column(
                    self.tr("Next session"),
                    lambda g: format_datetime(g.next_session_at) if g.next_session_at else "—",
                    lambda g: g.next_session_at.isoformat() if g.next_session_at else "9999",
                ),
                Column(
                    self.tr("Until"),
                    lambda g: format_optional_date(g.ends_on) or self.tr("ongoing"),
                ),
            ],
            self,
        )
        self.table = KeyTable(self.tr("Groups"), self.model, self)
        self.empty = paragraph(
            self.tr(
                "No groups yet. A group or series brings people together (a cooking "
                "workshop, a job club, an info session): start one with “New group”."
            )
        )
        top = QWidget()
        top.setAccessibleName(self.tr("Groups"))
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.table, 1)
        tv.addWidget(self.empty)
        h = QHBoxLayout()
        self.new_button = button(self.tr("New group…"), top)
        self.edit_button = button(self.tr("Edit…"), top, name=self.tr("Edit group"))
        self.delete_button = button(self.tr("Delete…"), top, name=self.tr("Delete group"))
        for b in (self.new_button, self.edit_button, self.delete_button):
            h.addWidget(b)
        h.addStretch(1)
        tv.addLayout(h)

        self.member_model: RowsModel[MemberRow] = RowsModel(
            [
                Column(self.tr("Person"), self._person_text),
                Column(self.tr("Since"), lambda m: format_date(m.joined_on), lambda m: m.joined_on),
                Column(self.tr("Until"), lambda m: format_optional_date(m.left_on)),
            ],
            self,
        )
        self.member_table = KeyTable(self.tr("Enrolled people"), self.member_model, self)
        self.session_model: RowsModel[SessionRow] = RowsModel(
            [
                Column(
                    self.tr("When"),
                    lambda x: format_datetime(x.starts_at),
                    lambda x: x.starts_at.isoformat(),
                ),
                Column(self.tr("Topic"), lambda x: x.topic),
                Column(self.tr("Attendance"), self._attendance_text),
            ],
            self,
        )
        self.session_table = KeyTable(self.tr("Sessions"), self.session_model, self)
        bottom = QWidget()
        bottom.setAccessibleName(self.tr("Selected group"))
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        self.detail_title = heading("", level=2)
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        bv.addWidget(self.detail_title)
        bv.addWidget(self.detail_info)
        lists = QHBoxLayout()
        mv = QVBoxLayout()
        mv.addWidget(QLabel(self.tr("Enrolled people")))
        mv.addWidget(self.member_table, 1)
        mb = QHBoxLayout()
        self.enrol_button = button(self.tr("Enrol…"), bottom, name=self.tr("Enrol people"))
        self.leave_button = button(self.tr("Stops"), bottom, name=self.tr("Person stops"))
        mb.addWidget(self.enrol_button)
        mb.addWidget(self.leave_button)
        mb.addStretch(1)
        mv.addLayout(mb)
        sv = QVBoxLayout()
        sv.addWidget(QLabel(self.tr("Sessions")))
        sv.addWidget(self.session_table, 1)
        sb = QHBoxLayout()
        self.plan_button = button(self.tr("Plan sessions…"), bottom)
        self.attendance_button = button(
            self.tr("Who came…"), bottom, name=self.tr("Record attendance")
        )
        self.cancel_session_button = button(self.tr("Cancel session"), bottom)
        for b in (self.plan_button, self.attendance_button, self.cancel_session_button):
            sb.addWidget(b)
        sb.addStretch(1)
        sv.addLayout(sb)
        lists.addLayout(mv, 2)
        lists.addLayout(sv, 3)
        bv.addLayout(lists, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setAccessibleName(self.tr("Groups and the selected group"))
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([260, 420])
        layout.addWidget(splitter, 1)
        self.feedback = Feedback(self.tr("Feedback"), self)
        layout.addWidget(self.feedback)

        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.table.current_row()))
        self.table.enter.connect(lambda: self._edit(self.table.current_row()))
        self.delete_button.clicked.connect(self._delete)
        self.table.delete.connect(self._delete)
        self.enrol_button.clicked.connect(self._enrol)
        self.leave_button.clicked.connect(self._leave)
        self.member_table.enter.connect(self._open_member)
        self.plan_button.clicked.connect(self._plan)
        self.attendance_button.clicked.connect(self._attendance)
        self.session_table.enter.connect(self._attendance)
        self.cancel_session_button.clicked.connect(self._cancel_session)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_detail())
        discretion.changed.connect(lambda _: self.member_model.refresh_display())
        self._show_detail(None)

    # --- texts ---------------------------------------------------------------------------------
    def _label(self, vocab: str, code: str) -> str:
        return self.field.vocab[vocab].label(code) if self.field is not None else code

    def _person_text(self, m: MemberRow) -> str:
        return self.discretion.label(m.alias, m.full_name, m.initials)

    def _attendance_text(self, x: SessionRow) -> str:
        if not x.held:
            past = self.field is not None and x.starts_at < self.field.context.now()
            return self.tr("to record: who came?") if past else self.tr("planned")
        registered = len(x.attended) + len(x.absent)
        text = self.tr("%1 of %2 registered").replace("%1", str(len(x.attended)))
        text = text.replace("%2", str(registered))
        if x.unregistered:
            text += " " + self.tr("+ %n not registered", "", x.unregistered)
        return text

    # --- loading -------------------------------------------------------------------------------
    def select_group(self, group_id: str) -> None:
        """Show this group (e.g. from the agenda)."""
        self._select = group_id
        self.mark_stale()
        self.reload()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        current = self.table.current_row()
        wanted = self._select or (current.id if current is not None else None)

        def load() -> tuple[list[GroupRow], dict[str, str]]:
            return field.groups.groups(), field.workers.names()

        def show(result: tuple[list[GroupRow], dict[str, str]]) -> None:
            if self.field is not field:
                return
            rows, self.names = result
            self.model.set_rows(rows)
            self.empty.setVisible(not rows)
            ids = [r.id for r in rows]
            if rows:
                self.table.selectRow(ids.index(wanted) if wanted in ids else 0)
            self._select = None
            self._load_detail()

        self.runner.submit(load, show, owner=self)

    def _load_detail(self) -> None:
        field, row = self.field, self.table.current_row()
        self._generation += 1
        generation = self._generation
        if field is None or row is None:
            self._show_detail(None)
            self.loaded.emit()
            return

        def show(detail: GroupDetail) -> None:
            # Only the newest request shows (a reload may ask twice: selection and refresh).
            if self.field is field and generation == self._generation:
                self._show_detail(detail)
                self.loaded.emit()

        self.runner.submit(lambda: field.groups.detail(row.id), show, owner=self)

    def _show_detail(self, detail: GroupDetail | None) -> None:
        self.detail = detail
        for b in (
            self.edit_button,
            self.delete_button,
            self.enrol_button,
            self.leave_button,
            self.plan_button,
            self.attendance_button,
            self.cancel_session_button,
        ):
            b.setEnabled(detail is not None)
        if detail is None:
            self.detail_title.setText(self.tr("No group chosen"))
            self.detail_info.clear()
            self.member_model.clear()
            self.session_model.clear()
            return
        g = detail.group
        self.detail_title.setText(g.name)
        parts = [
            self._label("group_kinds", g.kind),
            self.tr("organised by %1").replace("%1", self.names.get(g.organiser_id, "?")),
            g.where,
            format_date(g.starts_on)
            + (" – " + format_date(g.ends_on) if g.ends_on else " – " + self.tr("ongoing")),
        ]
        held = [x for x in detail.sessions if x.held]
        if held:
            parts.append(
                self.tr("%n session(s) held", "", len(held))
                + ", "
                + self.tr("%n participant(s) in all", "", sum(x.headcount for x in held))
            )
        self.detail_info.setText(" · ".join(p for p in parts if p))
        self.detail_info.setAccessibleName(self.detail_info.text())
        self.member_model.set_rows(detail.members)
        self.session_model.set_rows(detail.sessions)

    # --- actions -------------------------------------------------------------------------------
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
        self.reload()
        self.data_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("That did not work.")
        self.feedback.show_errors([msg])

    def _edit(self, row: GroupRow | None) -> None:
        field = self.field
        if field is None:
            return

        def load() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
            workers = [(w.id, w.name) for w in field.workers.workers()]
            places = [(v.id, v.name) for v in field.vindplaatsen.all(include_inactive=False)]
            return workers, places

        self.runner.submit(
            load,
            lambda choices: self._run(GroupDialog(field, self.runner, choices, row, self)),
            self._failed,
            owner=self,
        )

    def _delete(self) -> None:
        row, field = self.table.current_row(), self.field
        if field is None or row is None:
            return
        if confirm(
            self,
            self.tr("Delete group"),
            self.tr(
                "Delete “%1”? Sessions already held stay in people's files as contact moments."
            ).replace("%1", row.name),
            self.tr("Delete"),
        ):
            self.runner.submit(
                lambda: field.groups.delete(row.id),
                lambda _: self._changed(),
                self._failed,
                owner=self,
            )

    def _enrol(self) -> None:
        field, detail = self.field, self.detail
        if field is None or detail is None:
            return
        enrolled = {m.person_id for m in detail.members if m.left_on is None}
        discretion = self.discretion

        def load() -> list[tuple[str, str]]:
            return [
                (r.id, discretion.label(r.alias, r.full_name, r.initials))
                for r in field.caseload.rows()
                if r.id not in enrolled and not r.closed
            ]

        self.runner.submit(
            load,
            lambda people: self._run(EnrolDialog(field, self.runner, detail.group, people, self)),
            self._failed,
            owner=self,
        )

    def _leave(self) -> None:
        field, detail, m = self.field, self.detail, self.member_table.current_row()
        if field is None or detail is None or m is None or m.left_on is not None:
            return
        gid = detail.group.id
        self.runner.submit(
            lambda: field.groups.leave(gid, m.person_id),
            lambda _: self._changed(),
            self._failed,
            owner=self,
        )

    def _open_member(self) -> None:
        m = self.member_table.current_row()
        if m is not None:
            self.open_person.emit(m.person_id)

    def _plan(self) -> None:
        field, detail = self.field, self.detail
        if field is not None and detail is not None:
            self._run(SessionDialog(field, self.runner, detail.group, self))

    def _attendance(self) -> None:
        field, detail, x = self.field, self.detail, self.session_table.current_row()
        if field is None or detail is None or x is None:
            return
        day = x.starts_at.date()
        members = [
            (m.person_id, self._person_text(m))
            for m in detail.members
            if m.joined_on <= day and (m.left_on is None or m.left_on > day)
        ]
        self._run(AttendanceDialog(field, self.runner, x, members, self))

    def _cancel_session(self) -> None:
        field, x = self.field, self.session_table.current_row()
        if field is None or x is None:
            return
        if x.held:
            self.feedback.show_errors(
                [self.tr("This session was held; its attendance stays in people's files.")]
            )
            return
        self.runner.submit(
            lambda: field.groups.delete_session(x.id),
            lambda _: self._changed(),
            self._failed,
            owner=self,
        )

    # --- life cycle ----------------------------------------------------------------------------
    def on_locked(self) -> None:
        super().on_locked()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.model.clear()
        self._show_detail(None)
        self.feedback.clear_message()

    def on_data_changed(self) -> None:
        self.mark_stale()
