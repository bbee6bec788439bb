"""Vandaag: today's planned contacts, due and overdue to-dos, follow-ups, people not seen for a
while, and an encrypted quick note (a real draft). Every line opens the person's file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion, initials_of
from app.views.formatting import format_date
from app.views.pages.base import Page
from app.views.widgets import heading, paragraph

if TYPE_CHECKING:
    from app.services.caseload import TodayOverview
    from app.services.field import FieldServices
    from app.services.handovers import HandoverRow
    from app.services.sharing import ConsentRow
    from app.services.vault import OpenVault


class PeopleList(QListWidget):
    """Lines that open a person file on Enter or double-click."""

    open_person = Signal(str)

    def __init__(self, name: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.empty_text = empty
        self.itemActivated.connect(self._activated)
        self.setMinimumHeight(80)

    def set_lines(self, lines: list[tuple[str | None, str]]) -> None:
        self.clear()
        for person_id, text in lines:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
        if not lines:
            item = QListWidgetItem(self.empty_text, self)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, None)

    def _activated(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(pid, str):
            self.open_person.emit(pid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._activated(self.currentItem())
            return
        super().keyPressEvent(event)


AUTOSAVE_MS = 1500


@dataclass(frozen=True)
class SharingToday:
    """Consents that end soon and handovers whose feedback is late, with the names to show."""

    expiring: tuple[ConsentRow, ...]
    overdue: tuple[HandoverRow, ...]
    names: dict[str, tuple[str, str | None]]
    recipients: dict[str, str]  # consent id -> organisation names


def load_sharing_today(field: FieldServices) -> SharingToday:
    expiring = tuple(field.consents.expiring())
    overdue = tuple(field.handovers.overdue_feedback())
    names: dict[str, tuple[str, str | None]] = {}
    for pid in {c.person_id for c in expiring} | {h.person_id for h in overdue}:
        try:
            p = field.people.get(pid)
        except BrugfiguurError:
            continue
        names[pid] = (p.alias, p.full_name)
    orgs = {o.id: o.name for o in field.social_map.search()} if expiring else {}
    recipients = {
        c.id: ", ".join(orgs[o] for o in c.organisation_ids if o in orgs) for c in expiring
    }
    return SharingToday(expiring, overdue, names, recipients)


class TodayPage(Page):
    draft_key = "today.quick_note"
    uses_field = True
    autosaved = Signal()
    loaded = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        discretion: Discretion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion or Discretion(self)
        self.discretion.changed.connect(lambda _: self._render())
        self.overview: TodayOverview | None = None
        self.sharing: SharingToday | None = None
        self.setAccessibleName(self.tr("Today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        self.title = heading(self.tr("Today"))
        layout.addWidget(self.title)
        self.date_label = paragraph("")
        layout.addWidget(self.date_label)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.planned = PeopleList(
            self.tr("Planned contacts today"),
            self.tr("Nothing planned today. Plan a next contact when you save a contact moment."),
        )
        self.todos_due = PeopleList(
            self.tr("To-dos due today"),
            self.tr("No to-dos due today."),
        )
        self.todos_overdue = PeopleList(
            self.tr("Overdue to-dos"),
            self.tr("Nothing overdue. Well done."),
        )
        self.follow_ups = PeopleList(
            self.tr("Follow-ups due"),
            self.tr("No follow-ups due this week."),
        )
        self.stale = PeopleList(
            self.tr("Not contacted for a while"),
            self.tr("Everyone in your caseload was contacted recently."),
        )
        self.reassessments = PeopleList(
            self.tr("ZRM: new assessment due"),
            self.tr("No ZRM assessments due."),
        )
        self.consents_expiring = PeopleList(
            self.tr("Consents that end soon"),
            self.tr("No consent ends in the coming 30 days."),
        )
        self.feedback_overdue = PeopleList(
            self.tr("Handover feedback overdue"),
            self.tr("Every partner reported back in time."),
        )
        self.stale_box = QGroupBox(self.tr("Not contacted for a while"), self)
        for i, (box_title, lst) in enumerate(
            (
                (self.tr("Planned contacts today"), self.planned),
                (self.tr("To-dos due today"), self.todos_due),
                (self.tr("Overdue to-dos"), self.todos_overdue),
                (self.tr("Follow-ups due"), self.follow_ups),
                (self.tr("ZRM: new assessment due"), self.reassessments),
                (self.tr("Consents that end soon"), self.consents_expiring),
                (self.tr("Handover feedback overdue"), self.feedback_overdue),
                (None, self.stale),
            )
        ):
            box = QGroupBox(box_title, self) if box_title else self.stale_box
            box.setAccessibleName(box.title())
            v = QVBoxLayout(box)
            v.addWidget(lst)
            lst.open_person.connect(self.open_person)
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid, 3)
        layout.addWidget(heading(self.tr("Quick note"), level=2))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Quick note"))
        self.note.setPlaceholderText(
            self.tr(
                "Jot down something you don't want to forget. This note is kept encrypted in "
                "your vault, also when Brugfiguur locks."
            )
        )
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(120)
        layout.addWidget(self.note, 1)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self.note.textChanged.connect(self._changed)
        self._refresh_date()

    def _refresh_date(self) -> None:
        today = date.today()
        self.date_label.setText(self.tr("Today is %1.").replace("%1", format_date(today)))
        self.date_label.setAccessibleName(self.date_label.text())

    def _changed(self) -> None:
        if self.vault is not None:
            self._autosave.start()

    def save_now(self) -> None:
        """Keep the note in the vault now (it is also kept on lock)."""
        vault = self.vault
        if vault is None:
            return
        self._autosave.stop()
        payload = {"text": self.note.toPlainText()}
        key = self.draft_key
        self.runner.submit(
            lambda: vault.drafts.save(key, payload), lambda _: self.autosaved.emit(), owner=self
        )

    def on_unlocked(self, vault: OpenVault) -> None:
        super().on_unlocked(vault)
        self._refresh_date()

    def on_locked(self) -> None:
        self._autosave.stop()
        super().on_locked()
        self.note.clear()
        self.overview = None
        self.sharing = None
        for lst in self.lists:
            lst.clear()

    @property
    def lists(self) -> list[PeopleList]:
        return [
            self.planned,
            self.todos_due,
            self.todos_overdue,
            self.follow_ups,
            self.reassessments,
            self.consents_expiring,
            self.feedback_overdue,
            self.stale,
        ]

    def on_data_changed(self) -> None:
        self.mark_stale()

    def reload(self) -> None:
        field = self.field
        if field is None:
            return

        def load() -> tuple[TodayOverview, SharingToday]:
            return field.caseload.today(), load_sharing_today(field)

        def show(result: tuple[TodayOverview, SharingToday]) -> None:
            if self.field is not field:
                return
            self.overview, self.sharing = result
            self._render()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _who(self, person_id: str | None) -> str:
        o = self.overview
        names = dict(self.sharing.names) if self.sharing is not None else {}
        if o is not None:
            names.update(o.names)
        if person_id is None or person_id not in names:
            return ""
        alias, full = names[person_id]
        return self.discretion.label(alias, full, initials_of(full, alias))

    def _render(self) -> None:
        o = self.overview
        if o is None:
            return
        self.date_label.setText(self.tr("Today is %1.").replace("%1", format_date(o.today)))
        self.date_label.setAccessibleName(self.date_label.text())
        self.planned.set_lines(
            [
                (p.person_id, f"{p.at.strftime('%H:%M')} — {self._who(p.person_id)}")
                for p in o.planned
            ]
        )

        def todo(a: object) -> tuple[str | None, str]:
            pid = getattr(a, "person_id", None)
            due = getattr(a, "due_on", None)
            text = getattr(a, "description", "")
            when = format_date(due) if due else ""
            who = self._who(pid)
            return pid, " — ".join(x for x in (when, who, text) if x)

        self.todos_due.set_lines([todo(a) for a in o.todos_due])
        self.todos_overdue.set_lines([todo(a) for a in o.todos_overdue])
        self.follow_ups.set_lines(
            [
                (
                    f.person_id,
                    self.tr("%1 — %2: follow-up after %n month(s)", "", f.months)
                    .replace("%1", format_date(f.due_on))
                    .replace("%2", self._who(f.person_id)),
                )
                for f in o.follow_ups_due
            ]
        )
        self.reassessments.set_lines(
            [
                (
                    r.person_id,
                    self.tr("%1 — %2: last assessment %3")
                    .replace("%1", format_date(r.due_on))
                    .replace("%2", self._who(r.person_id))
                    .replace("%3", format_date(r.last_on)),
                )
                for r in o.reassessments_due
            ]
        )
        sh = self.sharing
        if sh is not None:
            self.consents_expiring.set_lines(
                [
                    (
                        c.person_id,
                        self.tr("%1 — %2: consent ends")
                        .replace("%1", format_date(c.valid_until) if c.valid_until else "")
                        .replace("%2", self._who(c.person_id))
                        + (f" ({sh.recipients.get(c.id, '')})" if sh.recipients.get(c.id) else ""),
                    )
                    for c in sh.expiring
                ]
            )
            self.feedback_overdue.set_lines(
                [
                    (
                        h.person_id,
                        self.tr("⚠ %1 — %2: no feedback from %3 yet")
                        .replace(
                            "%1",
                            format_date(h.expected_feedback_on) if h.expected_feedback_on else "",
                        )
                        .replace("%2", self._who(h.person_id))
                        .replace("%3", h.organisation_name),
                    )
                    for h in sh.overdue
                ]
            )
        title = self.tr("Not contacted for %n week(s) or more", "", o.stale_weeks)
        self.stale_box.setTitle(title)
        self.stale_box.setAccessibleName(title)
        self.stale.set_lines(
            [
                (
                    s.person_id,
                    self._who(s.person_id)
                    + " — "
                    + (
                        self.tr("last contact %1").replace(
                            "%1", format_date(s.last_contact_at.date())
                        )
                        if s.last_contact_at
                        else self.tr("no contact yet")
                    ),
                )
                for s in o.not_contacted
            ]
        )

    def take_draft(self) -> dict[str, Any] | None:
        self._autosave.stop()
        text = self.note.toPlainText()
        self.note.clear()
        # An empty note is saved too, so a cleared note stays cleared.
        return {"text": text}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        text = draft.get("text")
        self.note.setPlainText(text if isinstance(text, str) else "")
