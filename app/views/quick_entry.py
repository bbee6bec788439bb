"""Quick entry of a contact moment (Ctrl+N): keyboard first, sensible defaults, a draft in the
vault while you type.

Typical use: Ctrl+N, type three letters of the alias or name, Enter (picks the person), Tab,
type the summary, Ctrl+S. Everything else keeps its default (now, last channel, last vindplaats,
reached, initiative of the worker).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.qt.changes import AGREEMENTS, CONTACTS, Changes
from app.qt.icons import icon
from app.qt.tasks import TaskRunner
from app.settings import CONTACT_REQUIRES_LIFE_DOMAIN
from app.views.dates import DateField
from app.views.discreet import Discretion
from app.views.formatting import format_iso_day
from app.views.forms import (
    Checklist,
    FormDialog,
    button,
    fold,
    from_qdatetime,
    set_combo,
    to_qdatetime,
    vocab_combo,
)
from app.views.widgets import hint_style, paragraph, private_style

if TYPE_CHECKING:
    from app.services.caseload import CaseloadRow
    from app.services.contacts import ContactDefaults, ContactRow
    from app.services.drafts import DraftService
    from app.services.field import FieldServices
    from app.services.settings import SettingsService
    from app.services.vindplaatsen import VindplaatsRow

log = logging.getLogger(__name__)

DRAFT_KEY = "quick_entry.contact"
REOPEN = "_reopen"  # in a draft taken at lock: the dialog was open and comes back at unlock
AUTOSAVE_MS = 1500
MAX_MATCHES = 50  # shown in a scrolling list; "more" is said when there are even more
NEW_PERSON = "__new__"  # the row that starts a new person with the typed alias
OTHER_KINDS = ("netwerk", "professioneel")


@dataclass(frozen=True)
class Pickable:
    id: str
    alias: str
    full_name: str | None
    initials: str
    haystack: str
    birth_year: int | None = None
    worker: str | None = None
    last_contact: str | None = None  # ISO

    @classmethod
    def of(cls, row: CaseloadRow) -> Pickable:
        return cls(
            row.id,
            row.alias,
            row.full_name,
            row.initials,
            fold(" ".join(x for x in (row.alias, row.full_name or "") if x)),
            row.birth_year,
            row.worker_name,
            row.last_contact_at,
        )


def match(people: Sequence[Pickable], text: str, limit: int = MAX_MATCHES) -> list[Pickable]:
    """People whose alias or name contains every typed word (accents and case ignored);
    those whose alias starts with the text come first."""
    words = fold(text).split()
    if not words:
        return []
    found = [p for p in people if all(w in p.haystack for w in words)]
    first = fold(text).strip()
    found.sort(
        key=lambda p: (
            not fold(p.alias).startswith(first),
            not any(part.startswith(first) for part in p.haystack.split()),
            fold(p.alias),
            -(int((p.last_contact or "0")[:4] or 0)),
        )
    )
    return found[:limit]


class PersonPicker(QLineEdit):
    """Type part of an alias or name; Down/Up choose among the matches, Enter picks. Each
    match says what tells people apart (birth year, worker, last contact); the last row
    starts a new person with the typed alias (`new_person(alias)`)."""

    picked = Signal(str)
    remove_last = Signal()
    new_person = Signal(str)

    def __init__(self, discretion: Discretion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discretion = discretion
        self.people: list[Pickable] = []
        self.exclude: set[str] = set()
        self.results = QListWidget(parent)
        self.results.setAccessibleName(self.tr("Matching people"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(170)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.hide()
        self.results.itemClicked.connect(self._clicked)
        self.textChanged.connect(self.refresh)
        discretion.changed.connect(lambda _: self.refresh())

    def set_people(self, people: Sequence[Pickable]) -> None:
        self.people = list(people)
        self.refresh()

    def describe(self, p: Pickable) -> str:
        return self.discretion.label(p.alias, p.full_name, p.initials)

    def details(self, p: Pickable) -> str:
        """What tells two people with the same alias apart."""
        parts = []
        if p.birth_year and not self.discretion.on:
            parts.append(self.tr("born %1").replace("%1", str(p.birth_year)))
        if p.worker:
            parts.append(p.worker)
        if p.last_contact:
            parts.append(self.tr("last contact %1").replace("%1", format_iso_day(p.last_contact)))
        else:
            parts.append(self.tr("no contact yet"))
        return " · ".join(parts)

    def refresh(self) -> None:
        self.results.clear()
        typed = self.text().strip()
        everyone = [p for p in match(self.people, typed, limit=10_000) if p.id not in self.exclude]
        found = everyone[:MAX_MATCHES]
        for p in found:
            item = QListWidgetItem(f"{self.describe(p)} — {self.details(p)}", self.results)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
        if len(everyone) > len(found):
            more = QListWidgetItem(
                self.tr("… and %n more: type more of the name", "", len(everyone) - len(found)),
                self.results,
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if typed:
            new = QListWidgetItem(
                icon("user-plus"),
                self.tr("New person “%1”…").replace("%1", typed)
                if found
                else self.tr("Nobody found — new person “%1”…").replace("%1", typed),
                self.results,
            )
            new.setData(Qt.ItemDataRole.UserRole, NEW_PERSON)
        self.results.setCurrentRow(0 if self.results.count() else -1)
        count = self.tr("%n person(s) found", "", len(everyone))
        self.results.setAccessibleDescription(count)
        self.setAccessibleDescription(count if typed else "")
        self.results.setVisible(bool(typed))

    def _clicked(self, item: QListWidgetItem) -> None:
        self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, data: object) -> None:
        if data == NEW_PERSON:
            alias = self.text().strip()
            self.clear()
            self.results.hide()
            self.new_person.emit(alias)
        elif isinstance(data, str):
            self.clear()
            self.results.hide()
            self.picked.emit(data)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        rows = self.results.count()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible() and rows:
            step = 1 if key == Qt.Key.Key_Down else -1
            row = self.results.currentRow()
            while True:
                row = max(0, min(rows - 1, row + step))
                item = self.results.item(row)
                if item.flags() & Qt.ItemFlag.ItemIsEnabled or row in (0, rows - 1):
                    break
            self.results.setCurrentRow(row)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            item = self.results.currentItem()
            if item is not None and self.results.isVisible():
                self._choose(item.data(Qt.ItemDataRole.UserRole))
            event.accept()  # never the dialog's default button
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if key == Qt.Key.Key_Backspace and not self.text():
            self.remove_last.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _compact(combo: QComboBox) -> None:
    """A combo box that may be narrower than its longest entry (the list shows it whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


def _labelled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setAccessibleName(text.replace("&", ""))
    return label


def _line(*widgets: QWidget | tuple[QWidget, int]) -> QWidget:
    holder = QWidget()
    h = QHBoxLayout(holder)
    h.setContentsMargins(0, 0, 0, 0)
    names = []
    for w in widgets:
        widget, stretch = w if isinstance(w, tuple) else (w, 0)
        h.addWidget(widget, stretch)
        names.append(widget.accessibleName())
    holder.setAccessibleName(" ".join(n for n in names if n))
    return holder


class QuickEntryDialog(FormDialog):
    """New (or edited) contact moment. `changed` fires on every edit (for the draft).

    The fields follow the order of a street contact: who, what was said, how (channel, when,
    how long), where, which life domains, the next contact, an agreement; then what is used
    less (reached?, initiative, private note, group, others). Tab follows that order; every
    underlined letter is unique and moves to a field that takes input."""

    changed = Signal()

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        discretion: Discretion,
        people: Sequence[CaseloadRow],
        vindplaatsen: Sequence[VindplaatsRow],
        defaults: ContactDefaults,
        *,
        contact: ContactRow | None = None,
        require_domain: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit contact moment") if contact else self.tr("New contact moment"),
            runner,
            parent,
            primary=self.tr("Save (Ctrl+S)"),
            scroll=True,
        )
        self.field = field
        self.discretion = discretion
        self.contact_id = contact.id if contact else None
        self.vindplaatsen = list(vindplaatsen)
        self.require_domain = require_domain and contact is None
        self._domain_warned = False
        self.new_person_dialog: QDialog | None = None
        self.setMinimumSize(760, 560)
        self.prefer_size(900, 860)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        assert self.scroll_area is not None
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        voc = field.vocab
        self._known = {r.id: Pickable.of(r) for r in people}

        # Who.
        self.picker = PersonPicker(discretion, self)
        self.picker.setAccessibleName(self.tr("Person: type part of the alias or name"))
        self.picker.setPlaceholderText(
            self.tr("Type part of the alias or name, then Enter (several people: repeat)")
        )
        self.picker.set_people(list(self._known.values()))
        self.participants = Checklist(self.tr("People in this contact (ticked: was there)"), self)
        self.participants.setMaximumHeight(70)
        self.participants.setMinimumHeight(30)
        self.participants.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.participants.hide()  # until someone is picked
        who = QWidget()
        who.setAccessibleName(self.tr("Who"))
        wv = QVBoxLayout(who)
        wv.setContentsMargins(0, 0, 0, 0)
        wv.addWidget(self.picker)
        wv.addWidget(self.picker.results)
        wv.addWidget(self.participants)
        self.add_field("people", self.tr("&Person"), who, buddy=self.picker, required=True)
        self.picker.picked.connect(self.add_person)
        self.picker.remove_last.connect(self.remove_last_person)
        self.picker.new_person.connect(self.start_new_person)

        self.summary = QPlainTextEdit(self)
        self.summary.setAccessibleName(self.tr("Summary (may be shared)"))
        self.summary.setPlaceholderText(
            self.tr("What happened, in a few words. This text may end up in a handover.")
        )
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.add_field("summary", self.tr("S&ummary"), self.summary)

        # How: channel, when, how long — one row.
        self.channel = vocab_combo(voc["channels"], self.tr("Channel"), current=defaults.channel)
        self.occurred = DateField(
            self.tr("When"),
            with_time=True,
            optional=False,
            value=defaults.occurred_at,
            reference=lambda: defaults.occurred_at.date(),
            default_time=defaults.occurred_at.time(),
            parent=self,
        )
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSpecialValueText(self.tr("unknown"))
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.setMinimumWidth(110)
        for combo in (self.channel,):
            _compact(combo)
        how = _line(
            (self.channel, 3),
            _labelled(self.tr("&When"), self.occurred),
            (self.occurred, 2),
            _labelled(self.tr("&Duration"), self.duration),
            self.duration,
        )
        self.add_field("channel", self.tr("C&hannel"), how, buddy=self.channel)
        for name in ("occurred_at", "duration_min"):
            self._errors[name] = self._errors["channel"]
        self._fields["occurred_at"] = self.occurred
        self._fields["duration_min"] = self.duration

        # Where, and whether the person was reached and who started it — one row.
        self.vindplaats = QComboBox(self)
        self.vindplaats.setAccessibleName(self.tr("Vindplaats"))
        self.vindplaats.addItem(self.tr("(no vindplaats)"), None)
        for vp in vindplaatsen:
            if vp.active or vp.id == defaults.vindplaats_id:
                self.vindplaats.addItem(vp.name, vp.id)
        set_combo(self.vindplaats, defaults.vindplaats_id)
        self.status = vocab_combo(
            voc["contact_status"], self.tr("Reached?"), current=defaults.status
        )
        self.initiator = vocab_combo(
            voc["initiators"], self.tr("Who took the initiative"), current=defaults.initiator
        )
        for combo in (self.vindplaats, self.status, self.initiator):
            _compact(combo)
        where = _line(
            (self.vindplaats, 3),
            _labelled(self.tr("&Reached?"), self.status),
            (self.status, 2),
            _labelled(self.tr("&Initiative"), self.initiator),
            (self.initiator, 2),
        )
        self.add_field("vindplaats_id", self.tr("&Vindplaats"), where, buddy=self.vindplaats)
        for name in ("status", "initiator"):
            self._errors[name] = self._errors["vindplaats_id"]
        self._fields["status"] = self.status
        self._fields["initiator"] = self.initiator

        self.domains = Checklist(self.tr("Life domains touched (Space ticks)"), self)
        self.domains.set_vocab(voc["life_domains"])
        self.domains.setFlow(QListView.Flow.LeftToRight)
        self.domains.setWrapping(True)
        self.domains.setResizeMode(QListView.ResizeMode.Adjust)
        self.domains.setSpacing(2)
        self.domains.setMinimumHeight(110)
        self.domains.setMaximumHeight(150)
        self.add_field("life_domains", self.tr("&Life domains"), self.domains)

        # The next contact: "+7" is a week after this contact, at the same hour.
        self.next_contact = DateField(
            self.tr("Plan a next contact"),
            with_time=True,
            optional=True,
            reference=lambda: self._occurred_day(),
            default_time=lambda: self._occurred_hour(),
            parent=self,
        )
        self.next_note = QLineEdit(self)
        self.next_note.setAccessibleName(self.tr("About the next contact"))
        self.next_note.setPlaceholderText(self.tr("What for (optional)"))
        nxt = _line((self.next_contact, 2), (self.next_note, 2))
        self.add_field("next_contact_at", self.tr("Next c&ontact"), nxt, buddy=self.next_contact)

        # Agreement / to-do.
        self.todo = QLineEdit(self)
        self.todo.setAccessibleName(self.tr("Agreement or to-do"))
        self.todo.setPlaceholderText(self.tr("e.g. bring the rent contract (optional)"))
        self.todo_owner = vocab_combo(voc["owner_kinds"], self.tr("Who does it"), current="werker")
        self.todo_owner_name = QLineEdit(self)
        self.todo_owner_name.setAccessibleName(self.tr("Name of the owner"))
        self.todo_owner_name.setPlaceholderText(self.tr("Name (optional)"))
        self.todo_due = DateField(
            self.tr("Due date"), optional=True, reference=lambda: self._occurred_day(), parent=self
        )
        todo = QWidget()
        todo.setAccessibleName(self.tr("Agreement"))
        tv = QVBoxLayout(todo)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.todo)
        tv.addWidget(
            _line(
                (self.todo_owner, 1),
                (self.todo_owner_name, 1),
                _labelled(self.tr("D&ue"), self.todo_due),
                (self.todo_due, 1),
            )
        )
        self.add_field("description", self.tr("&Agreement"), todo, buddy=self.todo)
        for name in ("owner_kind", "due_on"):
            self._errors[name] = self._errors["description"]
        self._fields["owner_kind"] = self.todo_owner
        self._fields["due_on"] = self.todo_due

        self.private_note = QPlainTextEdit(self)
        self.private_note.setAccessibleName(self.tr("Private note — never shared or printed"))
        self.private_note.setPlaceholderText(
            self.tr("Only for you: never shared, never printed, never in a handover.")
        )
        self.private_note.setStyleSheet(private_style())
        self.private_note.setTabChangesFocus(True)
        self.private_note.setMaximumHeight(64)
        self.add_field("private_note", self.tr("Private &note (only for you)"), self.private_note)

        # Group and others.
        self.group_activity = QLineEdit(self)
        self.group_activity.setAccessibleName(self.tr("Name of the group activity"))
        self.group_activity.setPlaceholderText(self.tr("Only for a group activity (optional)"))
        self.add_field("group_activity", self.tr("&Group activity"), self.group_activity)

        others_box = QGroupBox(self.tr("Others p&resent"), self)
        others_box.setAccessibleName(self.tr("Others present"))
        ob = QVBoxLayout(others_box)
        oh = QHBoxLayout()
        self.other_kind = QComboBox(others_box)
        self.other_kind.setAccessibleName(self.tr("Kind of participant"))
        self.other_kind.addItem(self.tr("Network member"), "netwerk")
        self.other_kind.addItem(self.tr("Professional"), "professioneel")
        self.other_name = QLineEdit(others_box)
        self.other_name.setAccessibleName(self.tr("Name of the participant"))
        self.other_name.setPlaceholderText(self.tr("Name"))
        self.other_org = QLineEdit(others_box)
        self.other_org.setAccessibleName(self.tr("Organisation of the participant"))
        self.other_org.setPlaceholderText(self.tr("Organisation (optional)"))
        self.other_add = button(self.tr("Add"), others_box, name=self.tr("Add participant"))
        for w in (self.other_kind, self.other_name, self.other_org, self.other_add):
            oh.addWidget(w)
        ob.addLayout(oh)
        self.others = QListWidget(others_box)
        self.others.setAccessibleName(self.tr("Others present (Delete removes)"))
        self.others.setMaximumHeight(60)
        ob.addWidget(self.others)
        self.body_layout.addWidget(others_box)
        self._errors["others"] = self._errors["group_activity"]
        self._fields["others"] = self.other_name
        self.other_add.clicked.connect(self._add_other)
        self.other_name.returnPressed.connect(self._add_other)
        self.others.installEventFilter(self)

        self.hint = paragraph(
            self.tr(
                "Ctrl+S or Ctrl+Enter saves · Esc closes (your text is kept as a draft) · "
                "dates: +7 is a week later, F4 opens a calendar"
            )
        )
        self.hint.setStyleSheet(hint_style())
        self.body_layout.addWidget(self.hint)

        self._set_tab_order()
        if contact is not None:
            self._load_contact(contact)
        self._wire_changes()
        self.picker.setFocus()

    def _set_tab_order(self) -> None:
        """Tab follows what the worker sees, top to bottom, left to right."""
        order: list[QWidget] = [
            self.picker,
            self.participants,
            self.summary,
            self.channel,
            self.occurred,
            self.duration,
            self.vindplaats,
            self.status,
            self.initiator,
            self.domains,
            self.next_contact,
            self.next_note,
            self.todo,
            self.todo_owner,
            self.todo_owner_name,
            self.todo_due,
            self.private_note,
            self.group_activity,
            self.other_kind,
            self.other_name,
            self.other_org,
            self.other_add,
            self.others,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.tab_order = order

    def _occurred_day(self) -> date:
        value = self.occurred.datetime_value()
        return value.date() if value is not None else self.field.context.today()

    def _occurred_hour(self) -> time:
        value = self.occurred.datetime_value()
        return value.time().replace(minute=0) if value is not None else time(9, 0)

    def check(self) -> list[tuple[str | None, str]]:
        problems: list[tuple[str | None, str]] = []
        if not self.participants.count():
            # Typed a name and saved at once: the highlighted match is meant.
            item = self.picker.results.currentItem()
            if self.picker.results.isVisible() and item is not None:
                pid = item.data(Qt.ItemDataRole.UserRole)
                if isinstance(pid, str) and pid != NEW_PERSON:
                    self.add_person(pid)
            if not self.participants.count():
                problems.append(("people", self.tr("Choose at least one person.")))
        occurred, nxt = self.occurred.datetime_value(), self.next_contact.datetime_value()
        if occurred is not None and nxt is not None and nxt <= occurred:
            problems.append(
                ("next_contact_at", self.tr("The next contact must come after this one."))
            )
        if self.require_domain and not self.domains.codes() and not self._domain_warned:
            # Said once: a second save goes through (some contacts touch no life domain).
            self._domain_warned = True
            problems.append(
                (
                    "life_domains",
                    self.tr(
                        "Which life domain was this about? Tick one with Space, or save again "
                        "(Ctrl+S) to save without."
                    ),
                )
            )
        return problems

    def start_new_person(self, alias: str) -> None:
        """A new pseudonym with the typed alias, then back here with that person added."""
        from app.views.person_dialogs import NewPseudonymDialog

        dialog = NewPseudonymDialog(
            self.field, self.runner, self.discretion, self.vindplaatsen, self
        )
        assert isinstance(dialog.alias, QLineEdit)
        dialog.alias.setText(alias)
        set_combo(dialog.vindplaats, self.vindplaats.currentData())
        self.new_person_dialog = dialog

        def saved(person_id: object) -> None:
            pid = str(person_id)
            self._known[pid] = Pickable(pid, alias, None, alias[:1].upper() + ".", fold(alias))
            self.picker.set_people(list(self._known.values()))
            self.add_person(pid)

        def done(_: int) -> None:
            self.new_person_dialog = None
            dialog.deleteLater()
            self.activateWindow()
            (self.summary if self.person_ids() else self.picker).setFocus()

        dialog.saved.connect(saved)
        dialog.finished.connect(done)
        dialog.open()

    # --- people ------------------------------------------------------------------------------
    def add_person(self, person_id: str, attended: bool = True) -> None:
        if person_id in self.person_ids():
            return
        p = self._known.get(person_id)
        text = self.picker.describe(p) if p else person_id
        item = QListWidgetItem(text, self.participants)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if attended else Qt.CheckState.Unchecked)
        self.picker.exclude = set(self.person_ids())
        self._participants_focus()
        self.changed.emit()

    def _participants_focus(self) -> None:
        self.participants.setVisible(self.participants.count() > 0)
        # A group contact: the list of who was there becomes a stop (to untick who was not).
        group = self.participants.count() > 1
        self.participants.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if group else Qt.FocusPolicy.ClickFocus
        )

    def remove_last_person(self) -> None:
        if self.participants.count():
            self.participants.takeItem(self.participants.count() - 1)
            self.picker.exclude = set(self.person_ids())
            self._participants_focus()
            self.changed.emit()

    def person_ids(self) -> list[str]:
        return [
            str(self.participants.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.participants.count())
        ]

    def participants_state(self) -> list[tuple[str, bool]]:
        out = []
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            out.append(
                (
                    str(item.data(Qt.ItemDataRole.UserRole)),
                    item.checkState() == Qt.CheckState.Checked,
                )
            )
        return out

    def refresh_names(self) -> None:
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            p = self._known.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if p is not None:
                item.setText(self.picker.describe(p))

    def _add_other(self) -> None:
        name = self.other_name.text().strip()
        if not name:
            return
        self._append_other(
            str(self.other_kind.currentData()), name, self.other_org.text().strip() or None
        )
        self.other_name.clear()
        self.other_org.clear()
        self.changed.emit()

    def _append_other(self, kind: str, name: str, org: str | None) -> None:
        label = self.other_kind.itemText(max(0, self.other_kind.findData(kind)))
        item = QListWidgetItem(f"{name}" + (f", {org}" if org else "") + f" — {label}")
        item.setData(Qt.ItemDataRole.UserRole, {"kind": kind, "name": name, "organisation": org})
        self.others.addItem(item)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            watched is self.others
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.others.currentRow() >= 0
        ):
            self.others.takeItem(self.others.currentRow())
            self.changed.emit()
            return True
        return super().eventFilter(watched, event)

    # --- state (drafts) ----------------------------------------------------------------------
    def _wire_changes(self) -> None:
        emit = self.changed.emit
        self.summary.textChanged.connect(emit)
        self.private_note.textChanged.connect(emit)
        self.participants.itemChanged.connect(lambda _: emit())
        self.domains.itemChanged.connect(lambda _: emit())
        for combo in (self.status, self.channel, self.vindplaats, self.initiator, self.todo_owner):
            combo.currentIndexChanged.connect(lambda _: emit())
        self.occurred.changed.connect(emit)
        self.duration.valueChanged.connect(lambda _: emit())
        self.next_contact.changed.connect(emit)
        self.todo_due.changed.connect(emit)
        for edit in (self.next_note, self.todo, self.todo_owner_name, self.group_activity):
            edit.textChanged.connect(lambda _: emit())

    def has_typed_text(self) -> bool:
        return bool(
            self.summary.toPlainText().strip()
            or self.private_note.toPlainText().strip()
            or self.todo.text().strip()
            or self.participants.count()
        )

    def state(self) -> dict[str, Any]:
        nxt = self.next_contact.datetime_value()
        due = self.todo_due.date_value()
        return {
            "contact_id": self.contact_id,
            "people": [[pid, att] for pid, att in self.participants_state()],
            "summary": self.summary.toPlainText(),
            "private_note": self.private_note.toPlainText(),
            "status": self.status.currentData(),
            "channel": self.channel.currentData(),
            "occurred_at": from_qdatetime(self.occurred.dateTime()).isoformat(),
            "duration_min": self.duration.value() or None,
            "vindplaats_id": self.vindplaats.currentData(),
            "initiator": self.initiator.currentData(),
            "life_domains": self.domains.codes(),
            "next_contact_at": nxt.isoformat() if nxt else None,
            "next_contact_note": self.next_note.text(),
            "todo": self.todo.text(),
            "todo_owner": self.todo_owner.currentData(),
            "todo_owner_name": self.todo_owner_name.text(),
            "todo_due": due.isoformat() if due else None,
            "group_activity": self.group_activity.text(),
            "others": [
                self.others.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.others.count())
            ],
        }

    def set_state(self, st: dict[str, Any]) -> None:
        self.participants.clear()
        for entry in st.get("people") or []:
            if isinstance(entry, list | tuple) and len(entry) == 2:
                self.add_person(str(entry[0]), bool(entry[1]))
        self.summary.setPlainText(str(st.get("summary") or ""))
        self.private_note.setPlainText(str(st.get("private_note") or ""))
        for combo, key in (
            (self.status, "status"),
            (self.channel, "channel"),
            (self.vindplaats, "vindplaats_id"),
            (self.initiator, "initiator"),
            (self.todo_owner, "todo_owner"),
        ):
            set_combo(combo, st.get(key))
        with contextlib.suppress(KeyError, ValueError):
            self.occurred.setDateTime(to_qdatetime(datetime.fromisoformat(str(st["occurred_at"]))))
        self.duration.setValue(int(st.get("duration_min") or 0))
        self.domains.set_codes(st.get("life_domains") or [])
        nxt = st.get("next_contact_at")
        self.next_contact.set_value(datetime.fromisoformat(nxt) if nxt else None)
        self.next_note.setText(str(st.get("next_contact_note") or ""))
        self.todo.setText(str(st.get("todo") or ""))
        self.todo_owner_name.setText(str(st.get("todo_owner_name") or ""))
        due = st.get("todo_due")
        self.todo_due.set_value(date.fromisoformat(due) if due else None)
        self.group_activity.setText(str(st.get("group_activity") or ""))
        self.others.clear()
        for o in st.get("others") or []:
            if isinstance(o, dict) and o.get("name"):
                self._append_other(str(o.get("kind")), str(o["name"]), o.get("organisation"))

    def _load_contact(self, c: ContactRow) -> None:
        for p in c.people:
            self.add_person(p.person_id, p.attended)
        self.summary.setPlainText(c.summary)
        self.private_note.setPlainText(c.private_note)
        set_combo(self.status, c.status)
        set_combo(self.channel, c.channel)
        set_combo(self.vindplaats, c.vindplaats_id)
        set_combo(self.initiator, c.initiator)
        self.occurred.setDateTime(to_qdatetime(c.occurred_at))
        self.duration.setValue(c.duration_min or 0)
        self.domains.set_codes(c.life_domains)
        self.next_contact.set_value(c.next_contact_at)
        self.next_note.setText(c.next_contact_note or "")
        self.group_activity.setText(c.group_activity or "")
        for o in c.others:
            self._append_other(o.kind, o.name, o.organisation)

    # --- saving ------------------------------------------------------------------------------
    def job(self) -> Callable[[], Any]:
        from app.services.contacts import (
            AgreementInput,
            ContactInput,
            OtherParticipant,
            Participant,
        )

        st = self.state()
        agreements: tuple[AgreementInput, ...] = ()
        if st["todo"].strip():
            due = st["todo_due"]
            agreements = (
                AgreementInput(
                    description=st["todo"],
                    owner_kind=str(st["todo_owner"]),
                    owner_name=st["todo_owner_name"] or None,
                    due_on=date.fromisoformat(due) if due else None,
                ),
            )
        data = ContactInput(
            occurred_at=datetime.fromisoformat(st["occurred_at"]),
            channel=str(st["channel"]),
            people=tuple(Participant(pid, att) for pid, att in st["people"]),
            status=str(st["status"]),
            duration_min=st["duration_min"],
            vindplaats_id=st["vindplaats_id"],
            initiator=str(st["initiator"]),
            life_domains=tuple(st["life_domains"]),
            summary=st["summary"],
            private_note=st["private_note"],
            next_contact_at=(
                datetime.fromisoformat(st["next_contact_at"]) if st["next_contact_at"] else None
            ),
            next_contact_note=st["next_contact_note"] or None,
            others=tuple(
                OtherParticipant(o["kind"], o["name"], o.get("organisation")) for o in st["others"]
            ),
            group_activity=st["group_activity"] or None,
            agreements=agreements,
        )
        self.announces = Changes.of(CONTACTS, AGREEMENTS, people=[p for p, _ in st["people"]])
        contacts = self.field.contacts
        contact_id = self.contact_id
        if contact_id is not None:
            return lambda: (contacts.update(contact_id, data), contact_id)[1]
        return lambda: contacts.create(data)


class QuickEntry(QObject):
    """Opens the quick-entry dialog for the main window and keeps its draft in the vault.

    Acts as a draft source for locking (`draft_key`, `take_draft`, `restore_draft`), like a
    page: a half-typed contact moment survives a lock, an idle timeout or a crash.
    """

    draft_key = DRAFT_KEY
    opened = Signal(object)  # the dialog
    saved = Signal(str)  # contact id

    def __init__(
        self,
        runner: TaskRunner,
        discretion: Discretion,
        parent_widget: QWidget,
        people_source: Callable[[], list[CaseloadRow]],
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.discretion = discretion
        self._parent = parent_widget
        self._people_source = people_source
        self.field: FieldServices | None = None
        self.vault_drafts: DraftService | None = None
        self.vault_settings: SettingsService | None = None
        self.require_domain = True
        self.dialog: QuickEntryDialog | None = None
        self._opening = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        discretion.changed.connect(self._names_changed)

    def _names_changed(self, _: object) -> None:
        if self.dialog is not None:
            self.dialog.refresh_names()

    def open(
        self,
        *,
        person_id: str | None = None,
        state: dict[str, Any] | None = None,
        contact_id: str | None = None,
    ) -> None:
        field = self.field
        if field is None:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            if person_id:
                self.dialog.add_person(person_id)
            return
        if self._opening:
            return
        self._opening = True
        cached = self._people_source()

        drafts = self.vault_drafts
        settings = self.vault_settings
        want_draft = state is None and contact_id is None and person_id is None

        def load() -> tuple[Any, ...]:
            people = cached or field.caseload.rows()
            contact = field.contacts.get(contact_id) if contact_id else None
            draft = drafts.load(DRAFT_KEY) if want_draft and drafts is not None else None
            require = settings.value(CONTACT_REQUIRES_LIFE_DOMAIN) if settings is not None else True
            return (
                people,
                field.vindplaatsen.all(),
                field.contacts.defaults(),
                contact,
                draft,
                require is not False,
            )

        def show(result: tuple[Any, ...]) -> None:
            self._opening = False
            if self.field is not field:
                return
            people, vindplaatsen, defaults, contact, draft, require = result
            self.require_domain = require
            self._show(field, people, vindplaatsen, defaults, contact, person_id, state or draft)

        def failed(exc: BaseException) -> None:
            self._opening = False
            log.error("quick entry could not open: %s", type(exc).__name__, exc_info=exc)

        self.runner.submit(load, show, failed, owner=self)

    def _show(
        self,
        field: FieldServices,
        people: list[CaseloadRow],
        vindplaatsen: list[VindplaatsRow],
        defaults: ContactDefaults,
        contact: ContactRow | None,
        person_id: str | None,
        state: dict[str, Any] | None,
    ) -> None:
        dialog = QuickEntryDialog(
            field,
            self.runner,
            self.discretion,
            people,
            vindplaatsen,
            defaults,
            contact=contact,
            require_domain=self.require_domain,
            parent=self._parent,
        )
        if state:
            dialog.set_state(state)
        if person_id:
            dialog.add_person(person_id)
            dialog.summary.setFocus()
        self.dialog = dialog
        if contact is None:
            dialog.changed.connect(self._autosave.start)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda result: self._finished(dialog, result))
        dialog.open()
        if not person_id:
            dialog.picker.setFocus()
        self.opened.emit(dialog)

    def _saved(self, contact_id: object) -> None:
        self._autosave.stop()
        self._delete_draft()
        self.saved.emit(str(contact_id))

    def _finished(self, dialog: QuickEntryDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if result != QDialog.DialogCode.Accepted and dialog.contact_id is None:
            # Closed without saving: keep what was typed as a draft (or forget an empty form).
            self._autosave.stop()
            if dialog.has_typed_text():
                self._save_state(dialog.state())
            else:
                self._delete_draft()
        dialog.deleteLater()

    def save_draft(self) -> None:
        if self.dialog is not None and self.dialog.contact_id is None:
            self._save_state(self.dialog.state())

    def _save_state(self, state: dict[str, Any]) -> None:
        drafts = self.vault_drafts
        if drafts is not None:
            self.runner.submit(lambda: drafts.save(DRAFT_KEY, state), owner=self)

    def _delete_draft(self) -> None:
        drafts = self.vault_drafts
        if drafts is not None:
            self.runner.submit(lambda: drafts.delete(DRAFT_KEY), owner=self)

    # --- draft source for locking --------------------------------------------------------------
    def take_draft(self) -> dict[str, Any] | None:
        self._autosave.stop()
        dialog = self.dialog
        if dialog is None or dialog.contact_id is not None or not dialog.has_typed_text():
            return None
        state = {**dialog.state(), REOPEN: True}
        self.dialog = None
        dialog.blockSignals(True)
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.deleteLater()
        return state

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self.open(state=draft)

    def on_locked(self) -> None:
        self._autosave.stop()
        self.field = None
        self.vault_drafts = None
        self.vault_settings = None
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.blockSignals(True)
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.deleteLater()
