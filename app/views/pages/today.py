"""Vandaag: today's planned contacts, due and overdue to-dos, follow-ups, people not seen for a
while, and an encrypted quick note (a real draft). Every line opens the person's file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.changes import AGREEMENTS, CONTACTS, PEOPLE, SHARING, TRAJECTORY, ZRM
from app.qt.icons import icon
from app.qt.tasks import TaskRunner
from app.qt.theme import colours
from app.views.discreet import Discretion, initials_of
from app.views.formatting import format_date
from app.views.pages.base import Page
from app.views.widgets import heading, paragraph, primary_button

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
        self.default_empty = empty
        self.itemActivated.connect(self._activated)
        self.setMinimumHeight(80)
        self.setWordWrap(True)

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
TEAM_DAY = "__team__"


@dataclass(frozen=True)
class SharingToday:
    """Consents that end soon and handovers whose feedback is late, with the names to show."""

    expiring: tuple[ConsentRow, ...]
    overdue: tuple[HandoverRow, ...]
    names: dict[str, tuple[str, str | None]]
    recipients: dict[str, str]  # consent id -> organisation names


def load_sharing_today(field: FieldServices, people: frozenset[str] | None = None) -> SharingToday:
    """`people`: only theirs (a worker's day); None: the whole team's."""
    expiring = tuple(
        c for c in field.consents.expiring() if people is None or c.person_id in people
    )
    overdue = tuple(
        h for h in field.handovers.overdue_feedback() if people is None or h.person_id in people
    )
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


CARD_MIN_WIDTH = 168
CARD_HEIGHT = 78


class CountCard(QAbstractButton):
    """A card on Vandaag: how many, of what; checking it shows its list below."""

    def __init__(
        self, title: str, icon_name: str, *, urgent: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.icon_name = icon_name
        self.urgent = urgent  # a count above zero asks for attention (a red edge and ⚠)
        self.count: int | None = None
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_count(None)

    def set_count(self, count: int | None) -> None:
        self.count = count
        shown = "–" if count is None else str(count)
        self.setText(f"{shown} {self.title}")
        self.setAccessibleName(f"{self.title}: {shown}")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(CARD_MIN_WIDTH, CARD_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(CARD_MIN_WIDTH - 28, CARD_HEIGHT)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = colours()
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        alarm = self.urgent and bool(self.count)
        if self.isChecked():
            edge, width = pal.color(QPalette.ColorRole.Highlight), 3.0
        elif alarm:
            edge, width = QColor(c.attention), 2.0
        else:
            edge, width = QColor(c.card_border), 1.0
        painter.setPen(QPen(edge, width))
        painter.setBrush(QColor(c.card))
        painter.drawRoundedRect(rect, 8, 8)
        if self.hasFocus():
            focus = QPen(pal.color(QPalette.ColorRole.Highlight), 1.0, Qt.PenStyle.DashLine)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 6, 6)
        text_colour = pal.color(QPalette.ColorRole.Text)
        icon(self.icon_name).paint(painter, QRect(12, 12, 22, 22))
        big = QFont(self.font())
        big.setBold(True)
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * 1.8)
        painter.setFont(big)
        painter.setPen(QColor(c.attention) if alarm else text_colour)
        number = "–" if self.count is None else str(self.count)
        painter.drawText(
            QRect(42, 4, self.width() - 50, 38),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            number + (" ⚠" if alarm else ""),
        )
        painter.setFont(self.font())
        painter.setPen(text_colour)
        painter.drawText(
            QRect(12, 40, self.width() - 20, self.height() - 44),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            self.title,
        )
        painter.end()


class TodayPage(Page):
    """Cards with counts (planned, to-dos, overdue, follow-ups, ZRM, consents, feedback, not
    seen for a while); the checked card's list below; a visible "New contact moment"; the
    encrypted quick note."""

    draft_key = "today.quick_note"
    uses_field = True
    icon_name = "sun"
    watches = frozenset({PEOPLE, CONTACTS, AGREEMENTS, TRAJECTORY, ZRM, SHARING})
    autosaved = Signal()
    loaded = Signal()
    new_contact = Signal()

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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setAccessibleName(self.tr("Today"))
        outer.addWidget(area)
        content = QWidget()
        content.setAccessibleName(self.tr("Today"))
        area.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = heading(self.tr("Today"))
        titles.addWidget(self.title)
        self.date_label = paragraph("")
        titles.addWidget(self.date_label)
        top.addLayout(titles, 1)
        # A coordinator looks at the team's day (or one colleague's) as well as their own.
        self.whose = QComboBox(self)
        self.whose.setAccessibleName(self.tr("Whose day"))
        self.whose.setMinimumWidth(200)
        self.whose.hide()
        self.whose.activated.connect(lambda _: self.reload())
        top.addWidget(self.whose, 0, Qt.AlignmentFlag.AlignTop)
        self.new_button = primary_button(
            self.tr("New contact moment (Ctrl+N)"), "message-square-plus", self
        )
        self.new_button.setAccessibleName(self.tr("New contact moment"))
        self.new_button.clicked.connect(self.new_contact)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.planned = PeopleList(
            self.tr("Planned contacts today"),
            self.tr("Nothing planned today. Plan a next contact when you save a contact moment."),
        )
        self.todos_due = PeopleList(self.tr("To-dos due today"), self.tr("No to-dos due today."))
        self.todos_overdue = PeopleList(
            self.tr("Overdue to-dos"), self.tr("Nothing overdue. Well done.")
        )
        self.follow_ups = PeopleList(
            self.tr("Follow-ups due"), self.tr("No follow-ups due this week.")
        )
        self.reassessments = PeopleList(
            self.tr("ZRM: new assessment due"), self.tr("No ZRM assessments due.")
        )
        self.consents_expiring = PeopleList(
            self.tr("Consents that end soon"),
            self.tr("No consent ends in the coming 30 days."),
        )
        self.feedback_overdue = PeopleList(
            self.tr("Handover feedback overdue"),
            self.tr("Every partner reported back in time."),
        )
        self.stale = PeopleList(
            self.tr("Not contacted for a while"),
            self.tr("Everyone in your caseload was contacted recently."),
        )
        self.handed = PeopleList(
            self.tr("Handed to you"),
            self.tr("Nobody was handed to you in the last two weeks."),
        )
        specs = (
            (self.planned, self.tr("Planned today"), "calendar-clock", False),
            (self.todos_due, self.tr("To-dos today"), "list-todo", False),
            (self.todos_overdue, self.tr("Overdue to-dos"), "clock-alert", True),
            (self.follow_ups, self.tr("Follow-ups"), "calendar-check", False),
            (self.reassessments, self.tr("ZRM to repeat"), "chart-column", False),
            (self.consents_expiring, self.tr("Consents ending"), "shield-check", False),
            (self.feedback_overdue, self.tr("Feedback overdue"), "handshake", True),
            (self.stale, self.tr("Not seen for a while"), "hourglass", False),
            (self.handed, self.tr("Handed to you"), "users-round", False),
        )
        self.cards: list[CountCard] = []
        self.card_box = QWidget(content)
        self.card_box.setAccessibleName(self.tr("Overview of today"))
        grid = QGridLayout(self.card_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.list_stack = QStackedWidget(content)
        self.list_stack.setAccessibleName(self.tr("List of the chosen card"))
        for i, (lst, title, icon_name, urgent) in enumerate(specs):
            card = CountCard(title, icon_name, urgent=urgent, parent=self.card_box)
            card.toggled.connect(partial(self._card_toggled, i))
            grid.addWidget(card, i // 4, i % 4)
            self.cards.append(card)
            lst.open_person.connect(self.open_person)
            self.list_stack.addWidget(lst)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        self.handed_card = self.cards[8]  # shown when someone was handed to this worker
        self.handed_card.hide()
        layout.addWidget(self.card_box)
        self.list_title = heading("", level=2)
        layout.addWidget(self.list_title)
        self.list_stack.setMinimumHeight(120)
        layout.addWidget(self.list_stack, 1)
        self.stale_box = self.cards[7]  # its title says how many weeks

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
        self.note.setMinimumHeight(64)
        self.note.setMaximumHeight(96)
        layout.addWidget(self.note)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self.note.textChanged.connect(self._changed)
        self._chosen: int | None = None
        self._choosing = False  # the page checks a card itself (not the worker's choice)
        self._check(0)
        self._refresh_date()

    def _card_toggled(self, index: int, on: bool) -> None:
        if on:
            self._show_list(index, by_worker=not self._choosing)

    def _check(self, index: int) -> None:
        self._choosing = True
        try:
            self.cards[index].setChecked(True)
            self._show_list(index, by_worker=False)
        finally:
            self._choosing = False

    def _show_list(self, index: int, *, by_worker: bool = True) -> None:
        if by_worker:
            self._chosen = index
        lst = self.lists[index]
        self.list_stack.setCurrentWidget(lst)
        self.list_title.setText(lst.accessibleName())
        self.list_title.setAccessibleName(lst.accessibleName())

    def card_for(self, lst: PeopleList) -> CountCard:
        return self.cards[self.lists.index(lst)]

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
        self._chosen = None
        for lst in self.lists:
            lst.clear()
        for card in self.cards:
            card.set_count(None)

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
            self.handed,
        ]

    def _whose(self) -> str | bool | None:
        data = self.whose.currentData()
        if not self.whose.isVisible() or data in (None, ""):
            return True  # this worker's day
        return None if data == TEAM_DAY else str(data)

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        whose = self._whose()

        def load() -> tuple[TodayOverview, SharingToday, list[Any] | None]:
            # A coordinator (or a vault on its own, like the demo team's) switches days.
            workers = field.workers.workers() if field.workers.may_manage() else None
            overview = field.caseload.today(worker_id=whose)
            return overview, load_sharing_today(field, overview.people), workers

        def show(result: tuple[TodayOverview, SharingToday, list[Any] | None]) -> None:
            if self.field is not field:
                return
            self.overview, self.sharing, workers = result
            self._fill_whose(workers)
            self._render()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _fill_whose(self, workers: list[Any] | None) -> None:
        """The switch, for a coordinator only: my day, the team's, or a colleague's."""
        if workers is None or not any(not w.is_me for w in workers):
            self.whose.hide()  # a worker's laptop, or nobody else to look at
            return
        current = self.whose.currentData()
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem(self.tr("My day"), "")
        self.whose.addItem(self.tr("The whole team"), TEAM_DAY)
        for w in workers:
            if not w.is_me:
                self.whose.addItem(self.tr("Day of %1").replace("%1", w.name), w.id)
        self.whose.setCurrentIndex(max(0, self.whose.findData(current)))
        self.whose.blockSignals(False)
        self.whose.show()

    def _who(self, person_id: str | None) -> str:
        o = self.overview
        names = dict(self.sharing.names) if self.sharing is not None else {}
        if o is not None:
            names.update(o.names)
        if person_id is None or person_id not in names:
            return ""
        alias, full = names[person_id]
        label = self.discretion.label(alias, full, initials_of(full, alias))
        if o is not None and o.worker_id is None and o.person_workers.get(person_id):
            label += f" ({o.person_workers[person_id]})"  # the team's day: whose person
        return label

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
        self.stale.setAccessibleName(title)
        nobody = not o.names
        if nobody:
            # An empty caseload: say so, instead of praising contacts that never happened.
            empty = self.tr(
                "Nobody in your caseload yet. Write down a first contact moment (Ctrl+N) or "
                "add a person you met (Ctrl+Shift+N)."
            )
            for lst in self.lists:
                lst.empty_text = empty
        else:
            for lst in self.lists:
                lst.empty_text = lst.default_empty
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
        self.handed.set_lines(
            [
                (
                    t.person_id,
                    self.tr("%1 — %2, from %3")
                    .replace("%1", format_date(t.on))
                    .replace("%2", self._who(t.person_id))
                    .replace("%3", o.worker_names.get(t.from_worker_id or "", "—"))
                    + (f": “{t.note}”" if t.note else ""),
                )
                for t in o.handed_to_me
            ]
        )
        self.handed_card.setVisible(bool(o.handed_to_me))
        if nobody:
            for lst in self.lists:
                lst.set_lines([])
        counts = [
            len(o.planned),
            len(o.todos_due),
            len(o.todos_overdue),
            len(o.follow_ups_due),
            len(o.reassessments_due),
            len(sh.expiring) if sh is not None else None,
            len(sh.overdue) if sh is not None else None,
            len(o.not_contacted),
            len(o.handed_to_me),
        ]
        for card, count in zip(self.cards, counts, strict=True):
            card.set_count(count)
        if self._chosen is None:
            # Until the worker picks a card: people just handed to them, else the first card
            # that has something to do.
            handed = self.lists.index(self.handed)
            first = handed if o.handed_to_me else next((i for i, n in enumerate(counts) if n), 0)
            self._check(first)
        else:
            self._show_list(self._chosen, by_worker=False)

    def take_draft(self) -> dict[str, Any] | None:
        self._autosave.stop()
        text = self.note.toPlainText()
        self.note.clear()
        # An empty note is saved too, so a cleared note stays cleared.
        return {"text": text}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        text = draft.get("text")
        self.note.setPlainText(text if isinstance(text, str) else "")
