"""Agenda: the week, day by day, for me or for the team: planned contacts, triogesprekken,
follow-ups and ZRM reassessments due, consents expiring and group sessions. The week can be
exported as an iCalendar file without names."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.formatting import format_date
from app.views.forms import button
from app.views.pages.base import Page
from app.views.widgets import Feedback, heading

if TYPE_CHECKING:
    from app.services.agenda import AgendaItem, AgendaWeek
    from app.services.workers import WorkerRow

TEAM = "__team__"
ITEM_ROLE = Qt.ItemDataRole.UserRole


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "contact": QCoreApplication.translate("Agenda", "Contact"),
        "triogesprek": QCoreApplication.translate("Agenda", "Triogesprek"),
        "follow_up": QCoreApplication.translate("Agenda", "Follow-up"),
        "zrm": QCoreApplication.translate("Agenda", "ZRM reassessment"),
        "consent": QCoreApplication.translate("Agenda", "Consent expires"),
        "group_session": QCoreApplication.translate("Agenda", "Group session"),
    }
    return labels.get(kind, kind)


def weekday_name(day: date) -> str:
    from PySide6.QtCore import QCoreApplication

    names = [
        QCoreApplication.translate("Agenda", "Monday"),
        QCoreApplication.translate("Agenda", "Tuesday"),
        QCoreApplication.translate("Agenda", "Wednesday"),
        QCoreApplication.translate("Agenda", "Thursday"),
        QCoreApplication.translate("Agenda", "Friday"),
        QCoreApplication.translate("Agenda", "Saturday"),
        QCoreApplication.translate("Agenda", "Sunday"),
    ]
    return names[day.weekday()]


def card_brush(palette: QPalette, timed: bool) -> QBrush:
    """A card's background: the base colour tinted a little towards the highlight (more for
    items with a time); readable in light and dark palettes alike."""
    base = palette.color(QPalette.ColorRole.Base)
    tint = palette.color(QPalette.ColorRole.Highlight)
    share = 0.18 if timed else 0.08
    mixed = QColor(
        round(base.red() * (1 - share) + tint.red() * share),
        round(base.green() * (1 - share) + tint.green() * share),
        round(base.blue() * (1 - share) + tint.blue() * share),
    )
    return QBrush(mixed)


class DayList(QListWidget):
    """One day's items; Enter opens the person (or the group)."""

    activated_item = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        # The column's panel shows through; each item is a small card (see `card`).
        self.setStyleSheet("QListWidget { background: transparent; }")
        self.itemActivated.connect(lambda item: self.activated_item.emit(item.data(ITEM_ROLE)))

    def fit_items(self) -> None:
        """Each card as tall as its wrapped text at the list's width."""
        width = max(40, self.viewport().width() - 12)
        metrics = self.fontMetrics()
        for i in range(self.count()):
            item = self.item(i)
            rect = metrics.boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
            )
            item.setSizeHint(QSize(width, rect.height() + 10))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_items()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.activated_item.emit(self.currentItem().data(ITEM_ROLE))
            return
        super().keyPressEvent(event)


class DayColumn(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.list = DayList(self)
        self.setAccessibleName(self.tr("Day"))
        self.list.setAccessibleName(self.tr("What is planned that day"))
        self.title.setAccessibleName(self.tr("Day"))
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Nothing planned"))
        self.empty.setStyleSheet("color: palette(mid);")
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        v.setSpacing(4)
        v.addWidget(self.title)
        v.addWidget(self.empty)
        v.addWidget(self.list, 1)

    def set_day(self, day: date, today: date, count: int) -> None:
        text = f"{weekday_name(day)} {day:%d/%m}"
        self.title.setText(("● " if day == today else "") + text)
        self.title.setAccessibleName(self.title.text())
        name = text + (" " + self.tr("(today)") if day == today else "")
        self.setAccessibleName(name)
        self.list.setAccessibleName(self.tr("%1: %n item(s)", "", count).replace("%1", name))
        self.empty.setText(self.tr("Nothing planned") if count == 0 else "")
        self.empty.setAccessibleName(self.empty.text() or self.tr("Nothing planned"))
        self.empty.setVisible(count == 0)


class AgendaPage(Page):
    """The week of this worker (or the team), day by day."""

    icon_name = "calendar-days"
    uses_field = True
    loaded = Signal()
    open_group = Signal(str)
    exported = Signal(str)

    def __init__(
        self, runner: TaskRunner, discretion: Discretion, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.discretion = discretion
        self.setAccessibleName(self.tr("Agenda"))
        self.start: date | None = None
        self.week: AgendaWeek | None = None
        self.workers: list[WorkerRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Agenda")))
        top.addStretch(1)
        self.whose = QComboBox(self)
        self.whose.setAccessibleName(self.tr("Whose week"))
        self.whose.setMinimumWidth(220)
        top.addWidget(self.whose)
        layout.addLayout(top)
        nav = QHBoxLayout()
        self.previous_button = button(self.tr("◀ Previous week"), self)
        self.this_week_button = button(self.tr("This week"), self)
        self.next_button = button(self.tr("Next week ▶"), self)
        self.range_label = QLabel(self)
        self.range_label.setAccessibleName(self.tr("Week shown"))
        font = QFont(self.range_label.font())
        font.setBold(True)
        self.range_label.setFont(font)
        self.export_button = button(self.tr("Export as calendar file…"), self)
        self.export_button.setToolTip(
            self.tr("An .ics file of your week: aliases and initials only, no names or places")
        )
        for w in (self.previous_button, self.this_week_button, self.next_button):
            nav.addWidget(w)
        nav.addSpacing(12)
        nav.addWidget(self.range_label)
        nav.addStretch(1)
        nav.addWidget(self.export_button)
        layout.addLayout(nav)
        self.columns: list[DayColumn] = []
        grid = QHBoxLayout()
        grid.setSpacing(6)
        for _ in range(7):
            col = DayColumn(self)
            col.list.activated_item.connect(self._activate)
            self.columns.append(col)
            grid.addWidget(col, 1)
        layout.addLayout(grid, 1)
        self.feedback = Feedback(self.tr("Feedback"), self)
        layout.addWidget(self.feedback)
        self.previous_button.clicked.connect(lambda: self._shift(-7))
        self.next_button.clicked.connect(lambda: self._shift(7))
        self.this_week_button.clicked.connect(self._this_week)
        self.export_button.clicked.connect(self.choose_export)
        self.whose.activated.connect(lambda _: self.reload())
        discretion.changed.connect(lambda _: self._show())

    # --- loading -------------------------------------------------------------------------------
    def _who(self) -> str | bool | None:
        data = self.whose.currentData()
        if data is None or data == "":
            return True
        return None if data == TEAM else str(data)

    def reload(self) -> None:
        field = self.field
        if field is None:
            return
        start = self.start or field.context.today()
        who = self._who()

        def load() -> tuple[AgendaWeek, list[WorkerRow]]:
            return field.agenda.week(start, who), field.workers.workers()

        def show(result: tuple[AgendaWeek, list[WorkerRow]]) -> None:
            if self.field is not field:
                return
            self.week, workers = result
            self.start = self.week.start
            self._fill_whose(workers)
            self._show()
            self.loaded.emit()

        self.runner.submit(load, show, owner=self)

    def _fill_whose(self, workers: list[WorkerRow]) -> None:
        current = self.whose.currentData()
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem(self.tr("My week"), "")
        self.whose.addItem(self.tr("The whole team"), TEAM)
        for w in workers:
            if not w.is_me:
                self.whose.addItem(self.tr("Week of %1").replace("%1", w.name), w.id)
        index = self.whose.findData(current) if current is not None else 0
        self.whose.setCurrentIndex(max(0, index))
        self.whose.blockSignals(False)
        self.workers = workers

    def _shift(self, days: int) -> None:
        if self.start is not None:
            self.start = self.start + timedelta(days=days)
            self.reload()

    def _this_week(self) -> None:
        self.start = None
        self.reload()

    # --- showing -------------------------------------------------------------------------------
    def person_label(self, item: AgendaItem) -> str:
        if item.alias is None:
            return item.detail
        return self.discretion.label(item.alias, item.full_name, item.initials)

    def item_text(self, item: AgendaItem, names: dict[str, str]) -> str:
        when = f"{item.at:%H.%M} " if item.at is not None else ""
        kind = kind_label(str(item.kind))
        if str(item.kind) == "follow_up" and item.detail:
            kind = self.tr("Follow-up after %n month(s)", "", int(item.detail))
        lines = [f"{when}{kind}", self.person_label(item)]
        if str(item.kind) == "triogesprek" and item.detail:
            lines[1] += f" · {item.detail}"
        if self.week is not None and self.week.worker_id is None and item.worker_id:
            lines.append(names.get(item.worker_id, ""))
        return "\n".join(x for x in lines if x)

    def _show(self) -> None:
        week = self.week
        field = self.field
        if week is None or field is None:
            return
        today = field.context.today()
        end = week.start + timedelta(days=6)
        self.range_label.setText(
            self.tr("Week %1 · %2 – %3")
            .replace("%1", str(week.start.isocalendar().week))
            .replace("%2", format_date(week.start))
            .replace("%3", format_date(end))
        )
        names = {w.id: w.name for w in self.workers}
        for col, day in zip(self.columns, week.days, strict=True):
            col.list.clear()
            for item in day.items:
                text = self.item_text(item, names)
                li = QListWidgetItem(text)
                li.setData(ITEM_ROLE, item)
                li.setToolTip(text)
                li.setBackground(card_brush(self.palette(), item.at is not None))
                col.list.addItem(li)
            col.list.fit_items()
            col.set_day(day.day, today, len(day.items))
        self.export_button.setEnabled(week.worker_id is not None)

    def _activate(self, item: object) -> None:
        from app.services.agenda import AgendaItem

        if not isinstance(item, AgendaItem):
            return
        if item.person_id is not None:
            self.open_person.emit(item.person_id)
        elif str(item.kind) == "group_session":
            self.open_group.emit(item.record_id)

    # --- export --------------------------------------------------------------------------------
    def choose_export(self) -> None:
        if self.start is None:
            return
        start = QDir.home().filePath(f"brugfiguur-week-{self.start.isocalendar().week}.ics")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your week as"),
            start,
            self.tr("Calendar files (*.ics);;All files (*)"),
        )
        if chosen:
            self.export(Path(chosen))

    def export(self, out: Path) -> None:
        field, start = self.field, self.start
        if field is None or start is None:
            return
        if out.suffix.lower() != ".ics":
            out = out.with_suffix(".ics")

        def done(count: int) -> None:
            message = self.tr("Your week was saved in %1 (%n item(s)).", "", count).replace(
                "%1", str(out)
            )
            self.feedback.show_ok(message)
            self.status_message.emit(message)
            self.exported.emit(str(out))

        def failed(exc: BaseException) -> None:
            msg = exc.message if isinstance(exc, BrugfiguurError) else self.tr("Not saved.")
            self.feedback.show_errors([msg])

        self.runner.submit(lambda: field.agenda.export_ics(out, start), done, failed, owner=self)

    # --- life cycle ----------------------------------------------------------------------------
    def on_locked(self) -> None:
        super().on_locked()
        self.week = None
        self.start = None
        self.workers = []
        for col in self.columns:
            col.list.clear()
        self.whose.clear()
        self.range_label.clear()
        self.feedback.clear_message()

    def on_data_changed(self) -> None:
        self.mark_stale()
