"""Small building blocks shared by the screens: headings, passphrase fields, feedback, busy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.qt.theme import colours


def hint_style() -> str:
    """Style sheet of secondary text (hints under a field): legible in light and dark."""
    return f"color: {colours().hint};"


def private_style(padding: int = 0) -> str:
    """Style sheet of a private note: a tinted field that never looks like shareable text."""
    c = colours()
    pad = f" padding: {padding}px;" if padding else ""
    return (
        f"background: {c.private_background}; color: {c.private_text};"
        f" border: 1px dashed {c.private_border};{pad}"
    )


PRIMARY_STYLE = (
    "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
    " border: 1px solid palette(highlight); border-radius: 5px; padding: 6px 14px;"
    " font-weight: bold; }"
    "QPushButton:focus { border: 2px solid palette(text); }"
    "QPushButton:disabled { background: palette(button); color: palette(mid); }"
)


def primary_button(
    text: str, icon_name: str | None = None, parent: QWidget | None = None
) -> QPushButton:
    """The one primary action of a screen: filled with the highlight colour."""
    from app.qt.icons import icon

    b = QPushButton(text, parent)
    if icon_name:
        b.setIcon(icon(icon_name, selected=True))
    b.setStyleSheet(PRIMARY_STYLE)
    b.setMinimumHeight(40)
    b.setAccessibleName(text.replace("&", ""))
    return b


def hint(text: str, *, name: str | None = None) -> QLabel:
    label = paragraph(text, name=name)
    label.setStyleSheet(hint_style())
    return label


def heading(text: str, *, level: int = 1, name: str | None = None) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * {1: 1.6, 2: 1.25}.get(level, 1.0))
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(name or text)
    return label


def paragraph(text: str, *, name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name or text)
    return label


class PassphraseField(QWidget):
    """A password line edit with a "show" toggle. Its content is never drafted or copied."""

    textChanged = Signal(str)
    returnPressed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.edit.setMinimumHeight(32)
        self.edit.setProperty("sensitive", True)
        self.show_box = QCheckBox(self.tr("Show"), self)
        self.show_box.setAccessibleName(self.tr("Show %1").replace("%1", accessible_name.lower()))
        self.show_box.toggled.connect(self._toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.show_box)
        self.setAccessibleName(accessible_name)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.textChanged)
        self.edit.returnPressed.connect(self.returnPressed)

    def _toggle(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.show_box.setChecked(False)


class Feedback(QLabel):
    """Text next to a field. Errors and success carry a symbol too: colour is not the only cue."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(accessible_name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()

    def show_errors(self, messages: list[str]) -> None:
        if not messages:
            self.clear_message()
            return
        self.setStyleSheet(f"color: {colours().error};")
        self.setText("\n".join(f"✗ {m}" for m in messages))
        self.setAccessibleDescription(" ".join(messages))
        self.show()

    def show_ok(self, message: str) -> None:
        self.setStyleSheet(f"color: {colours().ok};")
        self.setText(f"✓ {message}")
        self.setAccessibleDescription(message)
        self.show()

    def show_info(self, message: str) -> None:
        self.setStyleSheet("")
        self.setText(message)
        self.setAccessibleDescription(message)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()

    def messages(self) -> str:
        return self.text()


class BusyIndicator(QWidget):
    """An indeterminate progress bar with a line of text; hidden while idle."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setAccessibleName(text)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setAccessibleName(text)
        self.hide()

    def start(self, text: str | None = None) -> None:
        if text:
            self.label.setText(text)
            self.label.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def field_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setAccessibleName(text.replace("&", ""))
    return label


def center_column(content: QWidget, *, max_width: int = 560) -> QWidget:
    """Wrap `content` so it sits centred with a calm maximum width."""
    outer = QWidget()
    outer.setAccessibleName(content.accessibleName())
    layout = QHBoxLayout(outer)
    layout.addStretch(1)
    content.setMaximumWidth(max_width)
    layout.addWidget(content, 10)
    layout.addStretch(1)
    return outer
