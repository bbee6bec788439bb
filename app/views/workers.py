"""The worker's profile form: name, function, organisation, phone and e-mail (for documents and
the team). Used at setup, in the settings and when joining a team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from app.views.widgets import Feedback, field_label

if TYPE_CHECKING:
    from app.services.workers import WorkerProfile, WorkerRow

FIELDS = ("name", "function", "organisation", "phone", "email")


class WorkerProfileForm(QWidget):
    """The fields; `profile()` reads them, `set_row()` fills them, `show_error()` points at
    the field a service refused."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Your details"))
        self.name = self._edit(self.tr("Your name"), self.tr("e.g. An Claes"))
        self.function = self._edit(self.tr("Your function"), self.tr("e.g. straathoekwerker"))
        self.organisation = self._edit(self.tr("Your organisation"), "")
        self.phone = self._edit(self.tr("Your phone number"), self.tr("e.g. 0489 12 34 56"))
        self.email = self._edit(self.tr("Your e-mail address"), "")
        self.feedback = Feedback(self.tr("Feedback on your details"), self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(field_label(self.tr("&Name"), self.name), self.name)
        form.addRow(field_label(self.tr("&Function"), self.function), self.function)
        form.addRow(field_label(self.tr("&Organisation"), self.organisation), self.organisation)
        form.addRow(field_label(self.tr("&Phone"), self.phone), self.phone)
        form.addRow(field_label(self.tr("&E-mail"), self.email), self.email)
        form.addRow(self.feedback)
        self.setFocusProxy(self.name)

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(30)
        edit.returnPressed.connect(self.submitted)
        return edit

    def edits(self) -> dict[str, QLineEdit]:
        return {
            "name": self.name,
            "function": self.function,
            "organisation": self.organisation,
            "phone": self.phone,
            "email": self.email,
        }

    def profile(self) -> WorkerProfile:
        from app.services.workers import WorkerProfile

        return WorkerProfile(**{k: e.text() for k, e in self.edits().items()})

    def set_row(self, row: WorkerRow | None) -> None:
        for key, edit in self.edits().items():
            value = getattr(row, key) if row is not None else None
            edit.setText(value or "")

    def show_error(self, message: str, field: str | None) -> None:
        self.feedback.show_errors([message])
        edit = self.edits().get(field or "")
        if edit is not None:
            edit.setFocus()

    def clear(self) -> None:
        self.set_row(None)
        self.feedback.clear_message()
