"""Texts of Qt's own dialogs that Qt's Dutch catalogue (qtbase_nl) lacks, so they appear in
ours and the file dialog never shows "Look in:" or "Files of type:" in English.

Qt asks every installed translator, ours first; these entries answer for Qt's own contexts.
`QT_TRANSLATE_NOOP` marks them for `python -m app.qt.i18n update` without translating here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
)
