"""Date and date-time fields that are one stop on the keyboard path.

A `DateField` is a line edit: type `27/11/2026` (also with `-` or `.`, or `27/11` for this
year), `+7` for a week after the reference day, `-1` for the day before, `0` for the reference
day itself; Up and Down move a day; F4 or Alt+Down (or the calendar button) opens a calendar
whose weeks start on Monday. With time: `27/11/2026 14:00` (also `14u`, `14u30`); a date alone
takes the default time. An optional field may stay empty — no check box to find first. A date
that does not exist (`31/02/2026`) is never turned into another one: `problem()` says so in
Dutch, and the form shows it beside the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QToolButton, QWidget

from app.qt.icons import icon

DATE_TEXT = "%d/%m/%Y"
TIME_TEXT = "%H:%M"

_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:u.h](\d{2})?)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"^([+-]?)(\d{1,4})$")


class DateProblem(ValueError):
    """Dutch text for a date that cannot be read or does not exist."""


def parse(
    text: str,
    *,
    with_time: bool,
    reference: date,
    default_time: time,
) -> date | datetime | None:
    """The value typed, or None for an empty text; raises DateProblem (Dutch message)."""
    s = " ".join(text.strip().split())
    if not s:
        return None
    date_part, _, time_part = s.partition(" ")
    rel = _RELATIVE.match(date_part)
    if rel and (rel.group(1) or rel.group(2) == "0"):
        days = int(rel.group(2)) * (-1 if rel.group(1) == "-" else 1)
        day = reference + timedelta(days=days)
    else:
        m = _DATE.match(date_part)
        if m is None:
            raise DateProblem(
                QCoreApplication.translate(
                    "DateField", "“%1” is not a date: type dd/mm/yyyy, or +7 for a week later."
                ).replace("%1", text.strip())
            )
        year = m.group(3)
        y = reference.year if year is None else int(year) + (2000 if len(year) == 2 else 0)
        try:
            day = date(y, int(m.group(2)), int(m.group(1)))
        except ValueError:
            raise DateProblem(
                QCoreApplication.translate(
                    "DateField", "%1 does not exist: check the day and the month."
                ).replace("%1", f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{y}")
            ) from None
    if not with_time:
        if time_part:
            raise DateProblem(
                QCoreApplication.translate("DateField", "Only a date here, without a time.")
            )
        return day
    clock = default_time
    if time_part:
        t = _TIME.match(time_part)
        if t is None:
            raise DateProblem(
                QCoreApplication.translate(
                    "DateField", "“%1” is not a time: type for example 14:00 or 14u30."
                ).replace("%1", time_part)
            )
        try:
            clock = time(int(t.group(1)), int(t.group(2) or 0))
        except ValueError:
            raise DateProblem(
                QCoreApplication.translate("DateField", "%1 is not a time of day.").replace(
                    "%1", time_part
                )
            ) from None
    return datetime.combine(day, clock)


def show(value: date | datetime | None, *, with_time: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(f"{DATE_TEXT} {TIME_TEXT}" if with_time else DATE_TEXT)
    if with_time:
        return datetime.combine(value, time(0, 0)).strftime(f"{DATE_TEXT} {TIME_TEXT}")
    return value.strftime(DATE_TEXT)


class DateField(QLineEdit):
    """One keyboard stop for a date (or date and time). `changed` on every edit.

    `optional`: may stay empty. `reference()` is the day that `+7`, `0` and the arrow keys
    start from (today unless given); `default_time` is used when only a date is typed."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        with_time: bool = False,
        optional: bool = True,
        value: date | datetime | None = None,
        reference: Callable[[], date] | None = None,
        default_time: time | Callable[[], time] = time(9, 0),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.with_time = with_time
        self.optional = optional
        self._reference = reference or date.today
        self._default_time = default_time
        self._last_good: date | datetime | None = None
        self.setAccessibleName(name)
        example = "dd/mm/jjjj uu:mm" if with_time else "dd/mm/jjjj"
        self.setPlaceholderText(
            QCoreApplication.translate("DateField", "%1 — or +7 for a week later").replace(
                "%1", example
            )
            if optional
            else example
        )
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "DateField",
                "Type a date as dd/mm/yyyy, or +7 for a week later. F4 opens a calendar.",
            )
        )
        self.setMinimumWidth(170 if with_time else 130)
        self._calendar_action = QAction(
            icon("calendar-clock"), QCoreApplication.translate("DateField", "Calendar (F4)"), self
        )
        self._calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self._calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        for button in self.findChildren(QToolButton):  # the action's button: named for AT
            button.setAccessibleName(self._calendar_action.text())
        self.textChanged.connect(lambda _: self.changed.emit())
        self.set_value(value)

    # --- values ------------------------------------------------------------------------------
    def default_time(self) -> time:
        d = self._default_time
        return d() if callable(d) else d

    def _parse(self) -> date | datetime | None:
        return parse(
            self.text(),
            with_time=self.with_time,
            reference=self._reference(),
            default_time=self.default_time(),
        )

    def problem(self) -> str | None:
        """What is wrong with the text, in Dutch; None when it is a good value (or empty and
        optional)."""
        try:
            value = self._parse()
        except DateProblem as exc:
            return str(exc)
        if value is None and not self.optional:
            return QCoreApplication.translate("DateField", "Fill in a date.")
        return None

    def value(self) -> date | datetime | None:
        """The value; None when empty (or not readable: check `problem()` first)."""
        try:
            return self._parse()
        except DateProblem:
            return None

    def date_value(self) -> date | None:
        v = self.value()
        return v.date() if isinstance(v, datetime) else v

    def datetime_value(self) -> datetime | None:
        v = self.value()
        if v is None or isinstance(v, datetime):
            return v
        return datetime.combine(v, self.default_time())

    def set_value(self, value: date | datetime | None) -> None:
        if isinstance(value, datetime) and not self.with_time:
            value = value.date()
        self.setText(show(value, with_time=self.with_time))

    # QDateEdit-compatible access for existing callers.
    def date(self) -> QDate:
        d = self.date_value() or self._reference()
        return QDate(d.year, d.month, d.day)

    def setDate(self, value: QDate) -> None:
        self.set_value(date(value.year(), value.month(), value.day()))

    def dateTime(self) -> QDateTime:
        v = self.datetime_value() or datetime.combine(self._reference(), self.default_time())
        return QDateTime(QDate(v.year, v.month, v.day), QTime(v.hour, v.minute))

    def setDateTime(self, value: QDateTime) -> None:
        d, t = value.date(), value.time()
        self.set_value(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))

    # --- keys --------------------------------------------------------------------------------
    def _step(self, days: int) -> None:
        current = self.value()
        if current is None:
            base: date | datetime = self._reference()
            if self.with_time:
                base = datetime.combine(base, self.default_time())
        else:
            base = current + timedelta(days=days)
        self.set_value(base)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.problem() is None:
            self._step(1 if key == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # "+7" becomes the date it means, so the worker sees what will be saved.
        if self.problem() is None and self.text().strip():
            self.set_value(self.value())
        super().focusOutEvent(event)

    # --- calendar ----------------------------------------------------------------------------
    def open_calendar(self) -> None:
        cal = QCalendarWidget(self)
        cal.setWindowFlags(Qt.WindowType.Popup)
        cal.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        cal.setGridVisible(True)
        cal.setAccessibleName(self.accessibleName())
        start = self.date_value() or self._reference()
        cal.setSelectedDate(QDate(start.year, start.month, start.day))

        def chosen(d: QDate) -> None:
            day = date(d.year(), d.month(), d.day())
            current = self.value()
            if self.with_time:
                clock = current.time() if isinstance(current, datetime) else self.default_time()
                self.set_value(datetime.combine(day, clock))
            else:
                self.set_value(day)
            cal.close()
            cal.deleteLater()
            self.setFocus()

        cal.activated.connect(chosen)
        cal.clicked.connect(chosen)
        cal.move(self.mapToGlobal(QPoint(0, self.height())))
        cal.show()
        cal.setFocus()
        self.calendar = cal
