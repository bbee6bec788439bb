"""Form building blocks: vocabulary pickers, dd/mm/jjjj date fields, and a dialog base class
that runs its save on the worker and shows validation errors next to the field they name."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError, DuplicateSuspected, ValidationError
from app.qt.changes import Changes
from app.qt.operations import message_for, run
from app.qt.tasks import TaskRunner
from app.views.dates import DateField
from app.views.widgets import Feedback, hint_style, paragraph

if TYPE_CHECKING:
    from app.domain.vocab import Vocabulary

log = logging.getLogger(__name__)

DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form: "Zoë" and "zoe" fold to the same text."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def date_edit(name: str, value: date | None = None, parent: QWidget | None = None) -> DateField:
    """A required date: one stop, typed as dd/mm/jjjj (or +7, 0, Up/Down, F4)."""
    return DateField(name, optional=False, value=value or date.today(), parent=parent)


def datetime_edit(
    name: str, value: datetime | None = None, parent: QWidget | None = None
) -> DateField:
    """A required date and time in one stop (dd/mm/jjjj uu:mm)."""
    moment = value or datetime.now().replace(second=0, microsecond=0)
    return DateField(
        name,
        with_time=True,
        optional=False,
        value=moment,
        default_time=lambda: datetime.now().time().replace(second=0, microsecond=0),
        parent=parent,
    )


class OptionalDate(DateField):
    """A date (or date and time) that may stay empty: no check box to tick first. `default`
    is where `+7`, `0` and Up/Down start from."""

    def __init__(
        self,
        name: str,
        *,
        with_time: bool = False,
        default: date | datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        start = default.date() if isinstance(default, datetime) else default
        clock = default.time() if isinstance(default, datetime) else time(9, 0)
        super().__init__(
            name,
            with_time=with_time,
            optional=True,
            reference=(lambda: start) if start is not None else None,
            default_time=clock,
            parent=parent,
        )


def vocab_combo(
    vocab: Vocabulary,
    name: str,
    *,
    current: str | None = None,
    empty: str | None = None,
    parent: QWidget | None = None,
) -> QComboBox:
    """A combo box of the vocabulary's active terms (item data = code); `empty` adds a "none"."""
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    if empty is not None:
        combo.addItem(empty, None)
    for term in vocab.active():
        combo.addItem(term.label, term.code)
    if current is not None and vocab.term(current) is not None and combo.findData(current) < 0:
        combo.addItem(vocab.label(current), current)  # a retired term still in use
    set_combo(combo, current)
    return combo


def set_combo(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


class Checklist(QListWidget):
    """Multi-select with check boxes; Space toggles the current item (keyboard operable)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMinimumHeight(90)

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        chosen = set(checked)
        self.clear()
        for code, label in items:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)

    def set_vocab(self, vocab: Vocabulary, checked: Iterable[str] = ()) -> None:
        self.set_items(((t.code, t.label) for t in vocab.active()), checked)

    def codes(self) -> list[str]:
        out = []
        for i in range(self.count()):
            item = self.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_codes(self, codes: Iterable[str]) -> None:
        chosen = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask once before deleting something. Returns True when the user agreed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    box.setText(text)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    yes.setAccessibleName(action)
    no = box.addButton(
        QCoreApplication.translate("Forms", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    no.setAccessibleName(no.text())
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class FormDialog(QDialog):
    """A dialog with labelled fields, an error line under each, and one primary action.

    Subclasses implement `job()` (return a callable to run on the worker, or raise
    `ValidationError` for checks that need no database); `saved(result)` fires after success.
    `DuplicateSuspected` lists the candidates and offers an explicit "save anyway"; the
    subclass then gets `allow_duplicate=True` in `job()`.
    """

    saved = Signal(object)
    # What a save changes (announced so that screens reload only that); None: anything.
    announces: Changes | None = None

    def __init__(
        self,
        title: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        primary: str | None = None,
        intro: str | None = None,
        scroll: bool = False,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.allow_duplicate = False
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        self._errors: dict[str, Feedback] = {}
        self._fields: dict[str, QWidget] = {}
        self._required: dict[str, str] = {}  # field name -> what to say when it is empty
        self._labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        body = QWidget()
        body.setAccessibleName(title)
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        if intro:
            self.body_layout.addWidget(paragraph(intro))
        self.required_note = paragraph(self.tr("Fields marked * are required."))
        self.required_note.setStyleSheet(hint_style())
        self.required_note.hide()
        self.body_layout.addWidget(self.required_note)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body_layout.addLayout(self.form)
        self.scroll_area: QScrollArea | None = None
        if scroll:
            area = QScrollArea(self)
            self.scroll_area = area
            area.setWidgetResizable(True)
            area.setWidget(body)
            area.setAccessibleName(title)
            outer.addWidget(area, 1)
        else:
            outer.addWidget(body, 1)
        self.general = Feedback(self.tr("Feedback"), self)
        outer.addWidget(self.general)
        self.duplicates = QListWidget(self)
        self.duplicates.setAccessibleName(self.tr("Possible duplicates"))
        self.duplicates.setMaximumHeight(110)
        self.duplicates.hide()
        outer.addWidget(self.duplicates)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            primary or self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.save_button.text())
        self.save_button.setDefault(True)
        self.anyway_button = self.buttons.addButton(
            self.tr("Save anyway"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.anyway_button.setAccessibleName(self.tr("Save anyway: it is really someone else"))
        self.anyway_button.hide()
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.save_button.clicked.connect(self.submit)
        self.anyway_button.clicked.connect(self.submit_anyway)
        cancel.clicked.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.submit)
        self._busy = False

    # --- building ----------------------------------------------------------------------------
    def prefer_size(self, width: int, height: int) -> None:
        """Open at this size when the screen has room (the content scrolls otherwise)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - 40)
            height = min(height, free.height() - 60)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        *,
        hint: str | None = None,
        required: bool | str = False,
        buddy: QWidget | None = None,
    ) -> QWidget:
        """A labelled row. `required` marks the label (" *") and refuses an empty value with a
        message beside the field (the text given, or "… is required"); `buddy` is the input
        the label's mnemonic moves focus to when `widget` is a container (never the container
        itself)."""
        plain = label.replace("&", "")
        if not widget.accessibleName():
            widget.setAccessibleName(plain)
        holder = QWidget()
        holder.setAccessibleName(plain)
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        if hint:
            h = paragraph(hint)
            h.setStyleSheet(hint_style())
            v.addWidget(h)
        error = Feedback(self.tr("Problem with %1").replace("%1", plain), holder)
        v.addWidget(error)
        self._errors[name] = error
        self._fields[name] = widget
        lab = QLabel(label + (" *" if required else ""))
        lab.setBuddy(buddy or widget)
        lab.setAccessibleName(plain)
        if required:
            self._required[name] = (
                required
                if isinstance(required, str)
                else self.tr("%1 is required.").replace("%1", plain)
            )
            (buddy or widget).setAccessibleDescription(self.tr("required"))
            self.required_note.show()
        self._labels[name] = lab
        self.form.addRow(lab, holder)
        return widget

    def error_for(self, name: str) -> Feedback | None:
        return self._errors.get(name)

    # --- saving ------------------------------------------------------------------------------
    def job(self) -> Callable[[], Any]:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for e in self._errors.values():
            e.clear_message()
        self.general.clear_message()

    def submit_anyway(self) -> None:
        self.allow_duplicate = True
        self.submit()

    def check(self) -> list[tuple[str | None, str]]:
        """Problems a subclass finds without the database: (field name, Dutch message)."""
        return []

    def problems(self) -> list[tuple[str | None, str]]:
        """Everything wrong with the form, all at once: unreadable or impossible dates,
        required fields left empty, and the subclass's own checks."""
        out: list[tuple[str | None, str]] = []
        seen: set[int] = set()
        for name, widget in self._fields.items():
            fields = [widget, *widget.findChildren(DateField)]
            for f in fields:
                if isinstance(f, DateField) and id(f) not in seen:
                    seen.add(id(f))
                    problem = f.problem()
                    if problem and not (name in self._required and not f.text().strip()):
                        out.append((name, problem))
        for name, message in self._required.items():
            if _is_empty(self._fields[name]):
                out.append((name, message))
        return out + self.check()

    def show_problems(self, problems: list[tuple[str | None, str]]) -> None:
        by_field: dict[str | None, list[str]] = {}
        for name, message in problems:
            key = name if name in self._errors else None
            by_field.setdefault(key, []).append(message)
        for name, messages in by_field.items():
            target = self._errors.get(name or "") if name else None
            (target or self.general).show_errors(list(dict.fromkeys(messages)))
        first = next((n for n in self._fields if n in by_field), None)
        if first is not None:
            widget = self._fields[first]
            buddy = self._labels[first].buddy() if first in self._labels else None
            (buddy or widget).setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return
        try:
            work = self.job()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self._busy = True
        run(
            self.runner,
            work,
            owner=self,
            done=self._done,
            failed=self._failed,
            changes=self.announces if self.announces is not None else Changes.everything(),
            busy=[self.save_button, self.anyway_button],
        )

    def _done(self, result: object) -> None:
        self._busy = False
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.allow_duplicate = False
        if isinstance(exc, BrugfiguurError):
            self.show_error(exc)
        else:
            self.general.show_errors(
                [message_for(exc, self.tr("Not saved: something went wrong."))]
            )

    def show_error(self, exc: BrugfiguurError) -> None:
        if isinstance(exc, DuplicateSuspected):
            self.show_duplicates(exc)
            return
        if isinstance(exc, ValidationError):
            self.show_problems(list(exc.problems))
        else:
            self.general.show_errors([exc.message])

    def show_duplicates(self, exc: DuplicateSuspected) -> None:
        self.general.show_errors([exc.message])
        self.duplicates.clear()
        for c in exc.candidates:
            alias = getattr(c, "alias", "")
            name = getattr(c, "name", None)
            reasons = ", ".join(getattr(c, "reasons", ()))
            text = self.describe_candidate(alias, name) + (f" — {reasons}" if reasons else "")
            self.duplicates.addItem(text)
        self.duplicates.show()
        self.anyway_button.show()
        self.anyway_button.setFocus()

    def describe_candidate(self, alias: str, name: str | None) -> str:
        return f"{alias} ({name})" if name else alias


def _is_empty(widget: QWidget) -> bool:
    if isinstance(widget, DateField):
        return not widget.text().strip()
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData() is None
    if isinstance(widget, Checklist):
        return not widget.codes()
    return False


def row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    h = QHBoxLayout(holder)
    h.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        h.addWidget(w)
    holder.setAccessibleName(" ".join(w.accessibleName() for w in widgets))
    return holder


def button(text: str, parent: QWidget | None = None, *, name: str | None = None) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(name or text.replace("…", "").replace("&", ""))
    b.setMinimumHeight(32)
    return b
