"""Small forms of the person file and the caseload: new pseudonym, upgrade to a client file,
trajectory steps, follow-ups, network, drempels, work readiness and agreements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.errors import ValidationError
from app.qt.changes import AGREEMENTS, PEOPLE, SITUATION, TRAJECTORY, Changes
from app.qt.tasks import TaskRunner
from app.views.discreet import Discretion
from app.views.forms import (
    Checklist,
    FormDialog,
    OptionalDate,
    date_edit,
    from_qdate,
    set_combo,
    vocab_combo,
)
from app.views.reports.dialogs import ReferralPicker

if TYPE_CHECKING:
    from app.services.contacts import AgreementRow
    from app.services.field import FieldServices
    from app.services.situation import DrempelRow
    from app.services.vindplaatsen import VindplaatsRow

ASSESSMENTS = ("sterk", "voldoende", "werkpunt")


def assessment_label(code: str) -> str:
    return {
        "sterk": QCoreApplication.translate("PersonDialogs", "Strong"),
        "voldoende": QCoreApplication.translate("PersonDialogs", "Sufficient"),
        "werkpunt": QCoreApplication.translate("PersonDialogs", "Needs work"),
    }.get(code, code)


def network_kind_label(code: str) -> str:
    return {
        "informeel": QCoreApplication.translate("PersonDialogs", "Informal"),
        "professioneel": QCoreApplication.translate("PersonDialogs", "Professional"),
    }.get(code, code)


def line(name: str, text: str | None = None, parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    if text:
        edit.setText(text)
    return edit


def note_edit(name: str, text: str | None = None) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(80)
    if text:
        edit.setPlainText(text)
    return edit


class DiscreetDialog(FormDialog):
    discretion: Discretion | None = None

    def describe_candidate(self, alias: str, name: str | None) -> str:
        if name and self.discretion is not None and self.discretion.on:
            parts = name.split()
            initials = f"{parts[0][0]}.{parts[-1][0]}." if len(parts) > 1 else name[:1] + "."
            return f"{alias} ({initials})"
        return super().describe_candidate(alias, name)


class NewPseudonymDialog(DiscreetDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        discretion: Discretion,
        vindplaatsen: Sequence[VindplaatsRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New person"),
            runner,
            parent,
            intro=self.tr(
                "Start with a pseudonym: an alias is enough. A full client file comes later, "
                "only when the person agrees."
            ),
        )
        self.field = field
        self.discretion = discretion
        self.announces = Changes.of(PEOPLE)
        voc = field.vocab
        self.alias = self.add_field(
            "alias", self.tr("&Alias"), line(self.tr("Alias")), required=True
        )
        self.first_met = self.add_field(
            "first_met_on",
            self.tr("&First met on"),
            date_edit(self.tr("First met on"), field.context.today()),
        )
        self.how = vocab_combo(voc["first_met"], self.tr("How you met"), current="vindplaats")
        self.add_field("first_met_how", self.tr("&How"), self.how)
        self.vindplaats = QComboBox()
        self.vindplaats.setAccessibleName(self.tr("Vindplaats"))
        self.vindplaats.addItem(self.tr("(choose a vindplaats)"), None)
        for vp in vindplaatsen:
            if vp.active:
                self.vindplaats.addItem(vp.name, vp.id)
        self.add_field("vindplaats_id", self.tr("&Vindplaats"), self.vindplaats)
        self.referral = ReferralPicker(field)
        self.add_field("referral_kind", self.tr("&Referred by"), self.referral)
        social = field.social_map
        runner.submit(lambda: social.search(""), self.referral.set_partners, owner=self)
        self.note = note_edit(self.tr("Note"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.how.currentIndexChanged.connect(self._how_changed)
        self._how_changed()
        self.alias.setFocus()

    def _how_changed(self) -> None:
        how = self.how.currentData()
        self.vindplaats.setEnabled(how == "vindplaats")
        self.referral.setEnabled(how == "doorverwijzing")

    def job(self) -> Callable[[], Any]:
        from app.services.people import PseudonymInput

        assert isinstance(self.alias, QLineEdit)
        referral = self.referral.values()
        data = PseudonymInput(
            alias=self.alias.text(),
            first_met_on=from_qdate(self.first_met.date()),  # type: ignore[attr-defined]
            first_met_how=str(self.how.currentData()),
            vindplaats_id=self.vindplaats.currentData(),
            referral_source=referral["referral_source"],
            referral_kind=referral["referral_kind"],
            referral_organisation_id=referral["referral_organisation_id"],
            note=self.note.toPlainText() or None,
        )
        people, allow = self.field.people, self.allow_duplicate
        return lambda: people.create_pseudonym(data, allow_duplicate=allow)


class UpgradeDialog(DiscreetDialog):
    """Pseudonym → client file, only with the person's agreement (a date is required)."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        discretion: Discretion,
        person_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Turn into a client file"),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "Only with the person's agreement. Fill in the date on which they agreed to "
                "have a file with their name."
            ),
        )
        self.setMinimumHeight(560)
        self.field = field
        self.discretion = discretion
        self.person_id = person_id
        self.announces = Changes.of(PEOPLE, person=person_id)
        voc = field.vocab
        self.agreed = OptionalDate(self.tr("Agreed on"), default=field.context.today())
        self.add_field(
            "agreed_on",
            self.tr("A&greed on"),
            self.agreed,
            hint=self.tr("The date the person agreed (0 is today)."),
            required=self.tr("Fill in the date the person agreed; without agreement no file."),
        )
        self.given = line(self.tr("Given name"))
        self.add_field("given_name", self.tr("&Given name"), self.given, required=True)
        self.family = line(self.tr("Family name"))
        self.add_field("family_name", self.tr("&Family name"), self.family, required=True)
        self.birth = OptionalDate(
            self.tr("Date of birth"), default=date(field.context.today().year - 30, 1, 1)
        )
        self.add_field("date_of_birth", self.tr("Date of &birth"), self.birth)
        self.phone = line(self.tr("Phone"))
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.national = line(self.tr("National register number"))
        self.add_field("national_number", self.tr("&National register number"), self.national)
        self.languages = line(self.tr("Languages, separated by commas"))
        self.add_field("languages", self.tr("&Languages"), self.languages)
        self.interpreter = QCheckBox(self.tr("Needs an interpreter"))
        self.interpreter.setAccessibleName(self.tr("Needs an interpreter"))
        self.add_field("interpreter_needed", self.tr("&Interpreter"), self.interpreter)
        self.interpreter_language = line(self.tr("Interpreter language"))
        self.add_field(
            "interpreter_language", self.tr("Interpreter lang&uage"), self.interpreter_language
        )
        self.radar = vocab_combo(voc["radar_status"], self.tr("Radar"), current="onbekend")
        self.add_field("radar_status", self.tr("&Radar"), self.radar)
        self.groups = Checklist(self.tr("Target groups (optional, never printed)"))
        self.groups.set_vocab(voc["target_groups"])
        self.add_field("target_groups", self.tr("&Target groups"), self.groups)
        self.agreed.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.people import ClientDetails

        agreed = self.agreed.date_value()
        if agreed is None:
            raise ValidationError(
                self.tr("Fill in the date the person agreed; without agreement no file."),
                field="agreed_on",
            )
        data = ClientDetails(
            given_name=self.given.text(),
            family_name=self.family.text(),
            agreed_on=agreed,
            date_of_birth=self.birth.date_value(),
            phone=self.phone.text() or None,
            national_number=self.national.text() or None,
            languages=tuple(x.strip() for x in self.languages.text().split(",") if x.strip()),
            interpreter_needed=self.interpreter.isChecked(),
            interpreter_language=self.interpreter_language.text() or None,
            radar_status=str(self.radar.currentData()),
            target_groups=tuple(self.groups.codes()),
        )
        people, pid, allow = self.field.people, self.person_id, self.allow_duplicate
        return lambda: people.upgrade_to_client(pid, data, allow_duplicate=allow)


class TrajectoryDialog(FormDialog):
    """One trajectory step: 'phase', 'low_flame_on', 'low_flame_off', 'close' or 'reopen'."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        kind: str,
        current_phase: str | None,
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            "phase": self.tr("Change phase"),
            "low_flame_on": self.tr("Put on a low flame"),
            "low_flame_off": self.tr("Take off the low flame"),
            "close": self.tr("Close the trajectory"),
            "reopen": self.tr("Reopen the trajectory"),
        }
        super().__init__(titles[kind], runner, parent)
        self.field, self.person_id, self.kind = field, person_id, kind
        self.announces = Changes.of(TRAJECTORY, PEOPLE, person=person_id)
        voc = field.vocab
        self.on = date_edit(self.tr("Date"), field.context.today())
        self.add_field("on", self.tr("&Date"), self.on)
        self.phase: QComboBox | None = None
        self.outcome: QComboBox | None = None
        if kind in ("phase", "reopen"):
            phases = [t for t in voc["phases"].active() if not t.attrs.get("closed")]
            self.phase = QComboBox()
            self.phase.setAccessibleName(self.tr("Phase"))
            if kind == "reopen":
                self.phase.addItem(self.tr("(the phase before closing)"), None)
            for t in phases:
                self.phase.addItem(t.label, t.code)
            if kind == "phase":
                set_combo(self.phase, current_phase)
            self.add_field("phase", self.tr("&Phase"), self.phase)
        if kind == "close":
            self.outcome = vocab_combo(voc["outcomes"], self.tr("Outcome"))
            self.add_field("outcome", self.tr("&Outcome"), self.outcome)
        self.reason = line(self.tr("Reason"))
        required = kind in ("phase", "reopen")
        self.add_field(
            "reason",
            self.tr("&Reason") if required else self.tr("&Reason (optional)"),
            self.reason,
            hint=self.tr("Why this step, in a few words.") if required else None,
            required=required,
        )
        (self.phase or self.reason).setFocus()

    def job(self) -> Callable[[], Any]:
        reason = self.reason.text().strip()
        if self.kind in ("phase", "reopen") and not reason:
            raise ValidationError(self.tr("Give a reason."), field="reason")
        on = from_qdate(self.on.date())
        t, pid = self.field.trajectory, self.person_id
        if self.kind == "phase":
            assert self.phase is not None
            phase = str(self.phase.currentData())
            return lambda: t.change_phase(pid, phase, on, reason)
        if self.kind in ("low_flame_on", "low_flame_off"):
            active = self.kind == "low_flame_on"
            return lambda: t.set_low_flame(pid, on, active, reason)
        if self.kind == "close":
            assert self.outcome is not None
            outcome = str(self.outcome.currentData())
            return lambda: t.close(pid, on, outcome, reason)
        assert self.phase is not None
        back_to = self.phase.currentData()
        return lambda: t.reopen(pid, on, reason, back_to)


class NetworkDialog(FormDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add to the network"), runner, parent, scroll=True)
        self.setMinimumHeight(520)
        self.field, self.person_id = field, person_id
        self.announces = Changes.of(SITUATION, person=person_id)
        voc = field.vocab
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for code in ("informeel", "professioneel"):
            self.kind.addItem(network_kind_label(code), code)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.relation = QComboBox()
        self.relation.setAccessibleName(self.tr("Relation"))
        self.add_field("relation", self.tr("&Relation"), self.relation)
        self.name = line(self.tr("Name"))
        self.add_field("name", self.tr("&Name"), self.name)
        self.organisation = line(self.tr("Organisation"))
        self.add_field("organisation", self.tr("&Organisation"), self.organisation)
        self.contact_person = line(self.tr("Contact person"))
        self.add_field("contact_person", self.tr("&Contact person"), self.contact_person)
        self.phone = line(self.tr("Phone"))
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.since = OptionalDate(self.tr("Since"), default=field.context.today())
        self.add_field("since", self.tr("&Since"), self.since)
        self.holds_file = QCheckBox(self.tr("Holds a file on the person"))
        self.holds_file.setAccessibleName(self.tr("Holds a file on the person"))
        self.add_field("holds_file", self.tr("&File"), self.holds_file)
        self.domains = Checklist(self.tr("Life domains"))
        self.domains.set_vocab(voc["life_domains"])
        self.add_field("life_domains", self.tr("&Life domains"), self.domains)
        self.note = note_edit(self.tr("Note"))
        self.add_field("note", self.tr("No&te"), self.note)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.relation.clear()
        for t in self.field.vocab["network_relations"].active():
            if t.attrs.get("kind") in (None, kind):
                self.relation.addItem(t.label, t.code)

    def job(self) -> Callable[[], Any]:
        from app.services.situation import NetworkInput

        data = NetworkInput(
            kind=str(self.kind.currentData()),
            relation=str(self.relation.currentData()),
            name=self.name.text(),
            organisation=self.organisation.text() or None,
            life_domains=tuple(self.domains.codes()),
            contact_person=self.contact_person.text() or None,
            phone=self.phone.text() or None,
            since=self.since.date_value(),
            holds_file=self.holds_file.isChecked(),
            note=self.note.toPlainText() or None,
        )
        s, pid = self.field.situation, self.person_id
        return lambda: s.add_network_member(pid, data)


class DrempelDialog(FormDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        existing: DrempelRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit drempel") if existing else self.tr("Add drempel"), runner, parent
        )
        self.field, self.person_id, self.existing = field, person_id, existing
        self.announces = Changes.of(SITUATION, person=person_id)
        voc = field.vocab
        self.domain = vocab_combo(
            voc["life_domains"],
            self.tr("Life domain"),
            current=existing.life_domain if existing else None,
        )
        self.add_field("life_domain", self.tr("&Life domain"), self.domain)
        self.drempel = QComboBox()
        self.drempel.setAccessibleName(self.tr("Drempel"))
        self.add_field("drempel", self.tr("&Drempel"), self.drempel)
        self.status = vocab_combo(
            voc["drempel_status"],
            self.tr("Status"),
            current=existing.status if existing else "actief",
        )
        self.add_field("status", self.tr("&Status"), self.status)
        self.since = OptionalDate(self.tr("Since"), default=field.context.today())
        self.add_field("since", self.tr("S&ince"), self.since)
        self.note = note_edit(self.tr("Note"), existing.note if existing else None)
        self.add_field("note", self.tr("&Note"), self.note)
        self.domain.currentIndexChanged.connect(self._domain_changed)
        self._domain_changed()
        if existing is not None:
            set_combo(self.drempel, existing.drempel)
            self.since.set_value(existing.since)
        self.domain.setFocus()

    def _domain_changed(self) -> None:
        domain = self.domain.currentData()
        self.drempel.clear()
        self.drempel.addItem(self.tr("(no specific drempel)"), None)
        for t in self.field.vocab["drempels"].active():
            if t.attrs.get("domain") in (None, domain):
                self.drempel.addItem(t.label, t.code)

    def job(self) -> Callable[[], Any]:
        from app.services.situation import DrempelInput

        data = DrempelInput(
            life_domain=str(self.domain.currentData()),
            status=str(self.status.currentData()),
            drempel=self.drempel.currentData(),
            since=self.since.date_value(),
            note=self.note.toPlainText() or None,
        )
        s = self.field.situation
        if self.existing is not None:
            did = self.existing.id
            return lambda: s.update_drempel(did, data)
        pid = self.person_id
        return lambda: s.add_drempel(pid, data)


class WorkReadinessDialog(FormDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Assess work readiness"), runner, parent)
        self.field, self.person_id = field, person_id
        self.announces = Changes.of(SITUATION, person=person_id)
        self.item = vocab_combo(field.vocab["work_readiness"], self.tr("Item"))
        self.add_field("item", self.tr("&Item"), self.item)
        self.assessment = QComboBox()
        self.assessment.setAccessibleName(self.tr("Assessment"))
        for code in ASSESSMENTS:
            self.assessment.addItem(assessment_label(code), code)
        self.add_field("assessment", self.tr("&Assessment"), self.assessment)
        self.note = note_edit(self.tr("Note"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.item.setFocus()

    def job(self) -> Callable[[], Any]:
        s, pid = self.field.situation, self.person_id
        item, assessment = str(self.item.currentData()), str(self.assessment.currentData())
        note = self.note.toPlainText() or None
        return lambda: s.set_work_readiness(pid, item, assessment, note)


class AgreementDialog(FormDialog):
    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New agreement or to-do"), runner, parent)
        self.field, self.person_id = field, person_id
        self.announces = Changes.of(AGREEMENTS, person=person_id)
        self.description = line(self.tr("Agreement"))
        self.add_field("description", self.tr("&Agreement"), self.description, required=True)
        self.owner = vocab_combo(
            field.vocab["owner_kinds"], self.tr("Who does it"), current="werker"
        )
        self.add_field("owner_kind", self.tr("&Who"), self.owner)
        self.owner_name = line(self.tr("Name of the owner"))
        self.add_field("owner_name", self.tr("&Name (optional)"), self.owner_name)
        self.due = OptionalDate(self.tr("Due date"), default=field.context.today())
        self.add_field("due_on", self.tr("D&ue date"), self.due)
        self.description.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.contacts import AgreementInput

        data = AgreementInput(
            description=self.description.text(),
            owner_kind=str(self.owner.currentData()),
            owner_name=self.owner_name.text() or None,
            due_on=self.due.date_value(),
            person_id=self.person_id,
        )
        c = self.field.contacts
        return lambda: c.add_agreement(data)


def agreement_done(row: AgreementRow, today: date) -> date | None:
    """The new `done_on` when toggling: today if open, None if it was done."""
    return None if row.done_on else today
