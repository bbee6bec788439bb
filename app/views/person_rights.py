"""Editing a person's details, and the rights of the person: export everything, erase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.qt.changes import PEOPLE, Changes
from app.views.forms import Checklist, OptionalDate, vocab_combo
from app.views.person_dialogs import DiscreetDialog, line, note_edit
from app.views.reports.dialogs import ReferralPicker
from app.views.widgets import BusyIndicator, Feedback, PassphraseField, field_label, paragraph

if TYPE_CHECKING:
    from app.qt.tasks import TaskRunner
    from app.services.field import FieldServices
    from app.services.people import PersonDetail
    from app.views.discreet import Discretion


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _digits(text: str) -> str | None:
    """The number as the worker typed it, without dots, dashes and spaces (None: empty)."""
    kept = "".join(c for c in text if c not in " .-")
    return kept or None


def _nn_text(digits: str | None) -> str:
    """85073003328 → 85.07.30-033.28, as on the identity card."""
    if not digits or len(digits) != 11 or not digits.isdigit():
        return digits or ""
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:11]}"


class PersonEditDialog(DiscreetDialog):
    """Edit the details of a pseudonym or client file; only changed fields are saved."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        discretion: Discretion,
        person: PersonDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit details"), runner, parent, scroll=True)
        self.setMinimumHeight(560)
        self.field = field
        self.discretion = discretion
        self.person = person
        self.announces = Changes.of(PEOPLE, person=person.id)
        p = person
        voc = field.vocab
        self.alias = line(self.tr("Alias"), p.alias)
        self.add_field("alias", self.tr("&Alias"), self.alias)
        self.given = line(self.tr("Given name"), p.given_name)
        self.family = line(self.tr("Family name"), p.family_name)
        self.birth = OptionalDate(self.tr("Date of birth"), default=p.date_of_birth)
        self.birth.set_value(p.date_of_birth)
        self.phone = line(self.tr("Phone"), p.phone)
        # Editable like every other field: a typo in the number is corrected here.
        self.national = line(self.tr("National register number"), _nn_text(p.national_number))
        self.languages = line(self.tr("Languages, separated by commas"), ", ".join(p.languages))
        self.interpreter = QCheckBox(self.tr("Needs an interpreter"))
        self.interpreter.setAccessibleName(self.tr("Needs an interpreter"))
        self.interpreter.setChecked(p.interpreter_needed)
        self.interpreter_language = line(self.tr("Interpreter language"), p.interpreter_language)
        self.radar = vocab_combo(voc["radar_status"], self.tr("Radar"), current=p.radar_status)
        if p.is_client:
            # In discreet mode the names stay hidden until the worker asks to see them.
            self.add_field("given_name", self.tr("&Given name"), self.given)
            self.add_field("family_name", self.tr("&Family name"), self.family)
            if discretion.on:
                self.given.setEchoMode(self.given.EchoMode.Password)
                self.family.setEchoMode(self.family.EchoMode.Password)
                self.given.setToolTip(self.tr("Hidden in discreet mode (Ctrl+D)"))
                self.family.setToolTip(self.tr("Hidden in discreet mode (Ctrl+D)"))
            self.add_field("date_of_birth", self.tr("Date of &birth"), self.birth)
            self.add_field("phone", self.tr("&Phone"), self.phone)
            self.add_field("national_number", self.tr("&National register number"), self.national)
            self.add_field("languages", self.tr("&Languages"), self.languages)
            self.add_field("interpreter_needed", self.tr("&Interpreter"), self.interpreter)
            self.add_field(
                "interpreter_language", self.tr("Interpreter lang&uage"), self.interpreter_language
            )
            self.add_field("radar_status", self.tr("&Radar"), self.radar)
        self.referral = ReferralPicker(
            field, p.referral_kind, p.referral_organisation_id, p.referral_source
        )
        if p.first_met_how == "doorverwijzing":
            self.add_field("referral_kind", self.tr("Referred &by"), self.referral)
            social = field.social_map
            runner.submit(lambda: social.search(""), self.referral.set_partners, owner=self)
        else:
            self.referral.hide()
        self.groups = Checklist(self.tr("Target groups (optional, never printed)"))
        self.groups.set_vocab(voc["target_groups"], p.target_groups)
        self.add_field("target_groups", self.tr("&Target groups"), self.groups)
        self.note = note_edit(self.tr("Note"), p.note)
        self.add_field("note", self.tr("&Note"), self.note)
        self.alias.setFocus()

    def changes(self) -> dict[str, Any]:
        p = self.person

        def opt(text: str) -> str | None:
            return text.strip() or None

        new: dict[str, Any] = {
            "alias": self.alias.text().strip(),
            **(self.referral.values() if p.first_met_how == "doorverwijzing" else {}),
            "target_groups": self.groups.codes(),
            "note": opt(self.note.toPlainText()),
        }
        old: dict[str, Any] = {
            "alias": p.alias,
            **(
                {
                    "referral_kind": p.referral_kind,
                    "referral_organisation_id": p.referral_organisation_id,
                    "referral_source": p.referral_source,
                }
                if p.first_met_how == "doorverwijzing"
                else {}
            ),
            "target_groups": list(p.target_groups),
            "note": p.note,
        }
        if p.is_client:
            new.update(
                {
                    "given_name": opt(self.given.text()),
                    "family_name": opt(self.family.text()),
                    "date_of_birth": _iso(self.birth.date_value()),
                    "phone": opt(self.phone.text()),
                    "national_number": _digits(self.national.text()),
                    "languages": [x.strip() for x in self.languages.text().split(",") if x.strip()],
                    "interpreter_needed": self.interpreter.isChecked(),
                    "interpreter_language": opt(self.interpreter_language.text()),
                    "radar_status": self.radar.currentData(),
                }
            )
            old.update(
                {
                    "given_name": p.given_name,
                    "family_name": p.family_name,
                    "date_of_birth": _iso(p.date_of_birth),
                    "phone": p.phone,
                    "national_number": _digits(p.national_number or ""),
                    "languages": list(p.languages),
                    "interpreter_needed": p.interpreter_needed,
                    "interpreter_language": p.interpreter_language,
                    "radar_status": p.radar_status,
                }
            )
        return {k: v for k, v in new.items() if v != old.get(k)}

    def job(self) -> Callable[[], Any]:
        changes = self.changes()
        if self.person.is_client and "given_name" in changes and not changes["given_name"]:
            raise ValidationError(self.tr("A client file needs a given name."), field="given_name")
        birth = self.birth.date_value()
        if birth is not None and birth > self.field.context.today():
            raise ValidationError(
                self.tr("A date of birth cannot be in the future."), field="date_of_birth"
            )
        people, pid = self.field.people, self.person.id
        return lambda: people.update(pid, **changes) if changes else False


class EraseDialog(QDialog):
    """Explains what erasing does, then asks the passphrase; the caller erases on the worker."""

    submitted = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Erase %1").replace("%1", label)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        v = QVBoxLayout(self)
        v.addWidget(
            paragraph(
                self.tr(
                    "The person asked to be forgotten (right to erasure). Everything about "
                    "%1 is erased from this vault: the file, contact moments (a group contact "
                    "goes on without them), consents, handovers, ZRM, drafts and the search "
                    "index. At the next sync the erasure reaches your team; only a record "
                    "without content remains that the erasure happened.\n\nThis cannot be "
                    "undone. Consider exporting everything first and giving it to the person."
                ).replace("%1", label)
            )
        )
        v.addWidget(
            paragraph(
                self.tr(
                    "Backups made before the erasure still contain %1. When one of them is "
                    "restored on this laptop, %1 is erased again at once; elsewhere at the "
                    "latest at its first sync. Keep older backups locked away and delete them "
                    "when your organisation's retention period ends."
                ).replace("%1", label)
            )
        )
        self.passphrase = PassphraseField(self.tr("Your passphrase"), self)
        v.addWidget(field_label(self.tr("Type your &passphrase to erase"), self.passphrase))
        v.addWidget(self.passphrase)
        self.feedback = Feedback(self.tr("Problem with the passphrase"), self)
        v.addWidget(self.feedback)
        self.busy = BusyIndicator(self.tr("Erasing…"), self)
        v.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.erase_button = buttons.addButton(
            self.tr("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setAccessibleName(self.tr("Erase for good"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setDefault(True)
        self.erase_button.clicked.connect(self.submitted)
        cancel.clicked.connect(self.reject)
        v.addWidget(buttons)
        self.passphrase.setFocus()
