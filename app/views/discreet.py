"""Discreet mode (Ctrl+D): aliases or initials instead of full names, everywhere."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Discretion(QObject):
    """One per main window; views ask `name()` and listen to `changed`."""

    changed = Signal(object)  # bool (as object: see app.qt.compat)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on = False

    @property
    def on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        if on != self._on:
            self._on = on
            self.changed.emit(on)

    def toggle(self) -> None:
        self.set_on(not self._on)

    def name(self, full_name: str | None, initials: str) -> str:
        """The name column: full name, or initials in discreet mode ("" for a pseudonym)."""
        if full_name is None:
            return ""
        return initials if self._on else full_name

    def label(self, alias: str, full_name: str | None, initials: str = "") -> str:
        """How a person is called in a sentence or list: "Alias (Full Name)" or just the alias."""
        if full_name and not self._on:
            return f"{alias} ({full_name})"
        if full_name and initials:
            return f"{alias} ({initials})"
        return alias


def initials_of(full_name: str | None, alias: str) -> str:
    if full_name:
        parts = full_name.split()
        if len(parts) >= 2:
            return f"{parts[0][0]}.{parts[1][0]}."
    return alias[:1].upper() + "."
