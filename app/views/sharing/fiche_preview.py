"""Preview of the warm-handover fiche exactly as the consent rule lets it out, and its exports.

The preview renders the same `FicheData` the PDF is built from, with the PDF's section titles;
withheld sections are listed as "Niet gedeeld". Sharing beyond consent needs an override (reason,
categories, passphrase), which the service audits. The MLP summary goes to the clipboard and is
cleared again after a configurable number of seconds.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDir, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import BrugfiguurError, ValidationError, WrongPassphrase
from app.qt.clipboard import TimedClipboard
from app.qt.operations import run
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.forms import Checklist, button
from app.views.widgets import BusyIndicator, Feedback, PassphraseField, field_label, paragraph

if TYPE_CHECKING:
    from app.documents.fiche_data import FicheData
    from app.services.field import FieldServices
    from app.services.handovers import HandoverRow, Override

log = logging.getLogger(__name__)

CSS = """
body { font-size: 10.5pt; }
h1 { font-size: 13pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 12px; margin-bottom: 3px; }
p.muted { color: #555; }
table.kv td { padding: 2px 10px 2px 0; vertical-align: top; }
div.banner { border: 2px solid #b3261e; padding: 8px; background: #fbeeee; color: #3a0d0a; }
div.override { border: 2px solid #8a6d00; padding: 8px; background: #fff4d6; color: #3d3000; }
div.withheld { border: 1px dashed #777; padding: 6px; }
blockquote { margin-left: 12px; font-style: italic; }
"""


@dataclass(frozen=True)
class FicheTexts:
    """The PDF's own section titles and no-consent text (from the fiche builder)."""

    titles: Mapping[str, str]
    no_consent: str


def fiche_texts() -> FicheTexts:
    from app.documents.fiche import NO_CONSENT, TITLES

    return FicheTexts(dict(TITLES), NO_CONSENT)


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _day(d: Any) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def _pairs(pairs: tuple[tuple[str, str], ...]) -> str:
    rows = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in pairs)
    return f'<table class="kv">{rows}</table>'


def _bullets(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>"


def fiche_html(data: FicheData, texts: FicheTexts) -> str:
    """The fiche as HTML, section for section as the PDF lays it out."""
    t = texts.titles
    out: list[str] = [f"<style>{CSS}</style>"]
    out.append(f"<h1>Overdrachtsfiche — {_e(data.person_label)}</h1>")
    out.append(
        f'<p class="muted">{_e(data.handover_type)} · {_e(data.purpose)} · '
        f"versie {data.document_version} · {_day(data.generated_on)} · Vertrouwelijk</p>"
    )
    if not data.has_consent:
        out.append(
            f'<div class="banner"><p><b>⚠ {_e(texts.no_consent)}</b></p>'
            + "".join(f"<p>{_e(x)}</p>" for x in data.consent_lines)
            + "</div>"
        )
    out.append(f"<h2>{_e(t['parties'])}</h2>")
    out.append(
        _pairs(
            tuple(
                (p.role, ", ".join(x for x in (p.name, p.organisation, p.contact) if x))
                for p in data.parties
            )
        )
    )
    out.append(f"<h2>{_e(t['meeting'])}</h2>")
    when = data.meeting_at.strftime("%d/%m/%Y %H:%M") if data.meeting_at else "nog te plannen"
    out.append(f"<p>{_e(when)}{' — ' + _e(data.meeting_place) if data.meeting_place else ''}</p>")
    if not data.has_consent:
        if data.withheld:
            out.append(
                f'<div class="withheld"><b>Niet gedeeld:</b> {_e(", ".join(data.withheld))}.</div>'
            )
        return "".join(out)
    out.append(f"<h2>{_e(t['consent'])}</h2>")
    if data.consent_lines:
        out.append(_bullets(data.consent_lines))
    if data.override_note:
        out.append(
            f'<div class="override"><b>Uitzondering op de toestemming</b><br/>'
            f"{_e(data.override_note)}</div>"
        )
    if data.withheld:
        out.append(
            f'<div class="withheld"><b>Niet gedeeld:</b> {_e(", ".join(data.withheld))}.</div>'
        )
    if data.why_now is not None:
        out.append(f"<h2>{_e(t['why_now'])}</h2><blockquote>“{_e(data.why_now)}”</blockquote>")
    if data.goals is not None or data.job_target is not None:
        title = t["goals"]
        if data.job_target is None:
            title = "Doelen"
        elif data.goals is None:
            title = "Jobdoelwit"
        out.append(f"<h2>{_e(title)}</h2>")
        if data.goals is not None:
            out.append(f"<p>{_e(data.goals)}</p>")
        if data.job_target is not None:
            out.append(f"<p><b>Jobdoelwit:</b> {_e(data.job_target)}</p>")
    if data.strengths is not None:
        out.append(f"<h2>{_e(t['strengths'])}</h2>{_bullets(data.strengths)}")
    if data.domains is not None or data.radar is not None:
        out.append(f"<h2>{_e(t['domains'])}</h2>")
        rows = []
        for d in data.domains or ():
            parts = [f"{_e(a)} ({_e(b)})" for a, b in d.drempels]
            if d.zrm_level is not None:
                parts.append(
                    f"ZRM {d.zrm_level}" + (f" — {_e(d.zrm_label)}" if d.zrm_label else "")
                )
            rows.append(f"<tr><td><b>{_e(d.domain)}</b></td><td>{'; '.join(parts)}</td></tr>")
        out.append(f'<table class="kv">{"".join(rows)}</table>' if rows else "<p>—</p>")
    if data.practical is not None:
        out.append(f"<h2>{_e(t['practical'])}</h2>{_pairs(data.practical)}")
    if data.network is not None:
        out.append(f"<h2>{_e(t['network'])}</h2>")
        out.append(
            _pairs(
                tuple(
                    (n.name, ", ".join(x for x in (n.relation, n.organisation, n.role) if x))
                    for n in data.network
                )
            )
            if data.network
            else "<p>—</p>"
        )
    if data.admin is not None:
        out.append(f"<h2>{_e(t['admin'])}</h2>{_pairs(data.admin)}")
    if data.route is not None:
        out.append(f"<h2>{_e(t['route'])}</h2><p>{_e(data.route)}</p>")
    if data.agreements is not None:
        out.append(f"<h2>{_e(t['agreements'])}</h2>")
        out.append(
            _bullets(
                tuple(
                    f"{a.description} — {a.owner}" + (f" — tegen {_day(a.due)}" if a.due else "")
                    for a in data.agreements
                )
            )
            if data.agreements
            else "<p>—</p>"
        )
    if data.feedback is not None:
        out.append(f"<h2>{_e(t['feedback'])}</h2><p>{_e(data.feedback)}</p>")
    if data.early_warning is not None:
        out.append(f"<h2>{_e(t['early_warning'])}</h2>{_pairs(data.early_warning)}")
    if data.employer is not None:
        out.append(f"<h2>{_e(t['employer'])}</h2>{_pairs(data.employer)}")
    out.append(f"<h2>{_e(t['signatures'])}</h2>")
    out.append(
        _pairs(tuple((p.role, p.name + " — handtekening: ……………………") for p in data.signatures))
    )
    return "".join(out)


class OverrideDialog(QDialog):
    """Share more than the consent covers, for this one fiche: reason, data, passphrase."""

    submitted = Signal()

    def __init__(self, field: FieldServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Exception to the consent")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        v = QVBoxLayout(self)
        v.addWidget(
            paragraph(
                self.tr(
                    "Only when sharing is really necessary and the person cannot agree now "
                    "(for example in a crisis). The reason and what you shared are written to "
                    "the audit log."
                )
            )
        )
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the exception"))
        v.addWidget(field_label(self.tr("&Reason"), self.reason))
        v.addWidget(self.reason)
        self.reason_error = Feedback(self.tr("Problem with the reason"), self)
        v.addWidget(self.reason_error)
        self.categories = Checklist(self.tr("Data to share anyway"), self)
        self.categories.set_vocab(field.vocab["consent_categories"])
        v.addWidget(field_label(self.tr("&Data to share anyway"), self.categories))
        v.addWidget(self.categories)
        self.categories_error = Feedback(self.tr("Problem with the data"), self)
        v.addWidget(self.categories_error)
        self.passphrase = PassphraseField(self.tr("Your passphrase"), self)
        v.addWidget(field_label(self.tr("Your &passphrase"), self.passphrase))
        v.addWidget(self.passphrase)
        self.feedback = Feedback(self.tr("Problem with the passphrase"), self)
        v.addWidget(self.feedback)
        self.busy = BusyIndicator(self.tr("Checking…"), self)
        v.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Share anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Share anyway"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ok_button.clicked.connect(self.submitted)
        cancel.clicked.connect(self.reject)
        self.passphrase.returnPressed.connect(self.submitted)
        v.addWidget(buttons)
        self.reason.setFocus()

    def clear_errors(self) -> None:
        for f in (self.reason_error, self.categories_error, self.feedback):
            f.clear_message()


class FichePreviewDialog(QDialog):
    """The fiche for one handover, as it will leave the app; exports and the MLP summary."""

    loaded = Signal()
    exported = Signal(str)  # path
    copied = Signal()
    failed = Signal(str)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        handover: HandoverRow,
        clipboard: TimedClipboard,
        discretion: Discretion,
        *,
        names: tuple[str | None, str] = (None, ""),
        clear_after_ms: int = 60_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.runner = runner
        self.handover = handover
        self.clipboard = clipboard
        self.discretion = discretion
        self._full_name, self._discreet_label = names
        self._clear_after_ms = clear_after_ms
        self.override: Override | None = None
        self.data: FicheData | None = None
        self.texts: FicheTexts | None = None
        self.override_dialog: OverrideDialog | None = None
        title = self.tr("Fiche for %1").replace("%1", handover.organisation_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(820, 760)
        v = QVBoxLayout(self)
        self.intro = paragraph(
            self.tr(
                "This is what the fiche will contain, filtered by the person's consent. "
                "Sections that are not shared are listed under “Niet gedeeld”."
            )
        )
        v.addWidget(self.intro)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Fiche preview"))
        self.browser.setOpenLinks(False)
        v.addWidget(self.browser, 1)
        self.busy = BusyIndicator(self.tr("Working…"), self)
        v.addWidget(self.busy)
        self.feedback = Feedback(self.tr("Result"), self)
        v.addWidget(self.feedback)

        # password protection of the PDF
        self.protect = QCheckBox(self.tr("Protect the PDF with a password"), self)
        self.protect.setAccessibleName(self.tr("Protect the PDF with a password"))
        self.password = PassphraseField(self.tr("PDF password"), self)
        self.password_again = PassphraseField(self.tr("PDF password again"), self)
        grid = QGridLayout()
        grid.addWidget(self.protect, 0, 0, 1, 2)
        grid.addWidget(field_label(self.tr("P&assword"), self.password), 1, 0)
        grid.addWidget(self.password, 1, 1)
        grid.addWidget(field_label(self.tr("Password a&gain"), self.password_again), 2, 0)
        grid.addWidget(self.password_again, 2, 1)
        self.password_error = Feedback(self.tr("Problem with the PDF password"), self)
        grid.addWidget(self.password_error, 3, 0, 1, 2)
        v.addLayout(grid)
        self.protect.toggled.connect(self._protect_toggled)
        self._protect_toggled(False)

        row = QHBoxLayout()
        self.override_button = button(self.tr("Exception…"), self)
        self.override_button.setAccessibleName(self.tr("Share more than the consent: exception"))
        self.copy_button = button(self.tr("Copy for the person…"), self)
        self.copy_button.setAccessibleName(self.tr("Save a copy in simple language for the person"))
        self.mlp_button = button(self.tr("Copy MLP summary"), self)
        self.pdf_button = button(self.tr("Save PDF…"), self)
        self.pdf_button.setDefault(True)
        close = button(self.tr("Close"), self)
        for b in (self.override_button, self.copy_button, self.mlp_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.pdf_button)
        row.addWidget(close)
        v.addLayout(row)
        self.override_button.clicked.connect(self.open_override)
        self.copy_button.clicked.connect(self.choose_person_copy)
        self.mlp_button.clicked.connect(self.copy_mlp)
        self.pdf_button.clicked.connect(self.choose_pdf)
        close.clicked.connect(self.reject)
        discretion.changed.connect(self._discretion_changed)
        self.finished.connect(lambda _: self._forget_secrets())

    # --- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        field, hid, override = self.field, self.handover.id, self.override

        def work() -> tuple[FicheData, FicheTexts]:
            return field.handovers.fiche_data(hid, override), fiche_texts()

        def show(result: tuple[FicheData, FicheTexts]) -> None:
            self.busy.stop()
            self.data, self.texts = result
            self._render()
            self.loaded.emit()

        self.busy.start()
        self.runner.submit(work, show, self._failed, owner=self)

    @Slot(object)
    def _discretion_changed(self, _: object) -> None:
        self._render()

    def _render(self) -> None:
        if self.data is None or self.texts is None:
            self.browser.clear()
            return
        text = fiche_html(self.data, self.texts)
        if self.discretion.on and self._full_name:
            text = text.replace(_e(self._full_name), _e(self._discreet_label))
        self.browser.setHtml(text)
        self.mlp_button.setEnabled(self.data.has_consent or self.override is not None)

    def preview_text(self) -> str:
        return self.browser.toPlainText()

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self._set_buttons(True)
        if isinstance(exc, BrugfiguurError):
            message = exc.message
        else:
            log.error("fiche: %s", type(exc).__name__, exc_info=exc)
            message = self.tr("That did not work; nothing was saved.")
        self.feedback.show_errors([message])
        self.failed.emit(message)

    def _set_buttons(self, enabled: bool) -> None:
        for b in (self.override_button, self.copy_button, self.mlp_button, self.pdf_button):
            b.setEnabled(enabled)

    # --- override ------------------------------------------------------------------------------
    def open_override(self) -> None:
        dialog = OverrideDialog(self.field, self)
        self.override_dialog = dialog
        dialog.submitted.connect(lambda: self._check_override(dialog))

        def done(_: int) -> None:
            if self.override_dialog is dialog:
                self.override_dialog = None
            dialog.passphrase.clear()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def _check_override(self, dialog: OverrideDialog) -> None:
        from app.services.handovers import Override

        if dialog.busy.isVisible():
            return
        dialog.clear_errors()
        if not dialog.reason.text().strip():
            dialog.reason_error.show_errors([self.tr("Give a reason.")])
            return
        if not dialog.categories.codes():
            dialog.categories_error.show_errors([self.tr("Tick the data to share anyway.")])
            return
        if not dialog.passphrase.text():
            dialog.feedback.show_errors([self.tr("Type your passphrase.")])
            return
        override = Override(
            dialog.reason.text().strip(), tuple(dialog.categories.codes()), dialog.passphrase.text()
        )
        field, hid = self.field, self.handover.id
        dialog.busy.start()
        dialog.ok_button.setEnabled(False)

        def work() -> tuple[FicheData, FicheTexts]:
            return field.handovers.fiche_data(hid, override), fiche_texts()

        def done(result: tuple[FicheData, FicheTexts]) -> None:
            dialog.busy.stop()
            self.override = override
            self.data, self.texts = result
            self._render()
            self.feedback.show_info(
                self.tr(
                    "ℹ Exception recorded in the audit log. The preview now shows what will "
                    "be shared."
                )
            )
            dialog.done(QDialog.DialogCode.Accepted)
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            dialog.busy.stop()
            dialog.ok_button.setEnabled(True)
            if isinstance(exc, ValidationError) and exc.field == "override_reason":
                dialog.reason_error.show_errors([exc.message])
            elif isinstance(exc, WrongPassphrase | BrugfiguurError):
                dialog.feedback.show_errors([exc.message])
            else:
                log.error("override: %s", type(exc).__name__, exc_info=exc)
                dialog.feedback.show_errors([self.tr("The exception could not be recorded.")])

        run(self.runner, work, owner=dialog, done=done, failed=failed)

    # --- exports -------------------------------------------------------------------------------
    def _ask_path(self, title: str, name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, QDir.home().filePath(name), self.tr("PDF documents (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def _stamp(self) -> str:
        return datetime.now().strftime("%Y-%m-%d")

    def _protect_toggled(self, on: bool) -> None:
        for w in (self.password, self.password_again):
            w.setEnabled(on)
            if not on:
                w.clear()
        self.password_error.clear_message()

    def choose_pdf(self) -> None:
        path = self._ask_path(self.tr("Save the fiche as"), f"overdrachtsfiche-{self._stamp()}.pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> None:
        password: str | None = None
        self.password_error.clear_message()
        if self.protect.isChecked():
            password = self.password.text()
            if password != self.password_again.text():
                self.password_error.show_errors([self.tr("The two passwords differ.")])
                return
            if len(password) < 8:
                self.password_error.show_errors(
                    [self.tr("Choose a password of at least 8 characters.")]
                )
                return
        field, hid, override = self.field, self.handover.id, self.override

        def done(_: object) -> None:
            self.busy.stop()
            self._set_buttons(True)
            message = self.tr("Fiche saved in %1.").replace("%1", str(path))
            if password:
                message += " " + self.tr("It opens only with the password.")
            self.feedback.show_ok(message)
            self.exported.emit(str(path))

        self.busy.start(self.tr("Saving the fiche…"))
        self._set_buttons(False)
        self.feedback.clear_message()
        run(
            self.runner,
            lambda: field.handovers.export_fiche(hid, path, password=password, override=override),
            owner=self,
            done=done,
            failed=self._failed,
        )

    def choose_person_copy(self) -> None:
        path = self._ask_path(
            self.tr("Save the copy for the person as"), f"afspraken-{self._stamp()}.pdf"
        )
        if path is not None:
            self.export_person_copy(path)

    def export_person_copy(self, path: Path) -> None:
        field, hid = self.field, self.handover.id

        def done(_: object) -> None:
            self.busy.stop()
            self._set_buttons(True)
            self.feedback.show_ok(
                self.tr("Copy for the person saved in %1.").replace("%1", str(path))
            )
            self.exported.emit(str(path))

        self.busy.start(self.tr("Saving the copy…"))
        self._set_buttons(False)
        self.feedback.clear_message()
        run(
            self.runner,
            lambda: field.handovers.export_person_copy(hid, path),
            owner=self,
            done=done,
            failed=self._failed,
        )

    def copy_mlp(self) -> None:
        field, hid, override = self.field, self.handover.id, self.override
        ms = self._clear_after_ms

        def work() -> tuple[str, int]:
            return field.handovers.mlp_summary(hid, override), ms

        def done(result: tuple[str, int]) -> None:
            text, ms = result
            self.clipboard.copy(text, ms)
            seconds = max(1, round(ms / 1000))
            self.feedback.show_ok(
                self.tr(
                    "MLP summary copied. Paste it in Mijn Loopbaan now: the clipboard is "
                    "cleared after %n second(s).",
                    "",
                    seconds,
                )
            )
            self.copied.emit()

        self.feedback.clear_message()
        run(self.runner, work, owner=self, done=done, failed=self._failed)

    def _forget_secrets(self) -> None:
        self.override = None
        self.password.clear()
        self.password_again.clear()
