"""Forms for the sociale kaart (organisations and contact persons), consent records and warm
handovers. Each runs its save on the worker and shows the service's errors next to the field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.qt.changes import SHARING, SOCIAL_MAP, Changes
from app.qt.tasks import TaskRunner
from app.views.forms import (
    Checklist,
    FormDialog,
    OptionalDate,
    date_edit,
    from_qdate,
    set_combo,
    vocab_combo,
)
from app.views.person_dialogs import line, note_edit
from app.views.widgets import Feedback, field_label, paragraph

if TYPE_CHECKING:
    from app.services.field import FieldServices
    from app.services.handovers import HandoverInput
    from app.services.sharing import ConsentRow, OrganisationRow

_QCA = QCoreApplication


def practical_labels() -> dict[str, str]:
    return {
        "kinderopvang": _QCA.translate("Sharing", "Childcare and hours"),
        "vervoer": _QCA.translate("Sharing", "Transport"),
        "taal": _QCA.translate("Sharing", "Language"),
        "geletterdheid": _QCA.translate("Sharing", "Reading and writing"),
        "tolk": _QCA.translate("Sharing", "Interpreter"),
        "communicatie": _QCA.translate("Sharing", "How to communicate"),
    }


def admin_labels() -> dict[str, str]:
    return {
        "vdab": _QCA.translate("Sharing", "VDAB registration"),
        "mlp": _QCA.translate("Sharing", "Mijn Loopbaan (MLP)"),
        "dossierhouder": _QCA.translate("Sharing", "Who holds the file"),
        "uitkering": _QCA.translate("Sharing", "Benefit or income"),
    }


def warning_labels() -> dict[str, str]:
    return {
        "groen": _QCA.translate("Sharing", "● Green: going well"),
        "oranje": _QCA.translate("Sharing", "▲ Orange: first signs"),
        "rood": _QCA.translate("Sharing", "■ Red: act now"),
    }


def employer_labels() -> dict[str, str]:
    return {
        "werkgever": _QCA.translate("Sharing", "Employer"),
        "contact": _QCA.translate("Sharing", "Contact person"),
        "functie": _QCA.translate("Sharing", "Job"),
        "start": _QCA.translate("Sharing", "Start date"),
        "ondersteuning": _QCA.translate("Sharing", "Support at work"),
    }


def given_how_label(code: str) -> str:
    return {
        "mondeling": _QCA.translate("Sharing", "orally"),
        "schriftelijk": _QCA.translate("Sharing", "in writing"),
    }.get(code, code)


def consent_state_label(code: str) -> str:
    return {
        "geldig": _QCA.translate("Sharing", "✓ valid"),
        "nog_niet_geldig": _QCA.translate("Sharing", "◷ not yet valid"),
        "verlopen": _QCA.translate("Sharing", "✗ expired"),
        "ingetrokken": _QCA.translate("Sharing", "✗ withdrawn"),
    }.get(code, code)


class PairsBox(QGroupBox):
    """A titled group of labelled one-line fields (a dict of str → str)."""

    def __init__(self, title: str, labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setAccessibleName(title)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label in labels.items():
            edit = line(label)
            self.edits[key] = edit
            form.addRow(field_label(label, edit), edit)

    def values(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.edits.items() if e.text().strip()}

    def set_values(self, values: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            edit.setText(values.get(key, ""))


# --- the sociale kaart ---------------------------------------------------------------------------
class OrganisationDialog(FormDialog):
    announces = Changes.of(SOCIAL_MAP)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        existing: OrganisationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit partner") if existing else self.tr("New partner on the sociale kaart"),
            runner,
            parent,
            scroll=True,
        )
        self.setMinimumHeight(600)
        self.field = field
        self.existing = existing
        voc = field.vocab
        e = existing
        self.name = line(self.tr("Name"), e.name if e else None)
        self.add_field("name", self.tr("&Name"), self.name, required=True)
        self.type = vocab_combo(voc["organisation_types"], self.tr("Kind of organisation"))
        if e:
            set_combo(self.type, e.type)
        self.add_field("type", self.tr("&Kind"), self.type)
        self.domains = Checklist(self.tr("Life domains they help with"))
        self.domains.set_vocab(voc["life_domains"], e.life_domains if e else ())
        self.add_field("life_domains", self.tr("&Life domains"), self.domains)
        self.measures = Checklist(self.tr("What they offer"))
        self.measures.set_vocab(voc["measures"], e.measures if e else ())
        self.add_field("measures", self.tr("&Offer"), self.measures)
        self.address = line(self.tr("Address"), e.address if e else None)
        self.add_field("address", self.tr("&Address"), self.address)
        self.phone = line(self.tr("Phone"), e.phone if e else None)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.email = line(self.tr("E-mail"), e.email if e else None)
        self.add_field("email", self.tr("&E-mail"), self.email)
        self.website = line(self.tr("Website"), e.website if e else None)
        self.add_field("website", self.tr("&Website"), self.website)
        self.note = note_edit(self.tr("Note"), e.note if e else None)
        self.add_field("note", self.tr("N&ote"), self.note)
        self.name.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.sharing import OrganisationInput

        data = OrganisationInput(
            name=self.name.text(),
            type=str(self.type.currentData()),
            life_domains=tuple(self.domains.codes()),
            measures=tuple(self.measures.codes()),
            address=self.address.text() or None,
            phone=self.phone.text() or None,
            email=self.email.text() or None,
            website=self.website.text() or None,
            note=self.note.toPlainText() or None,
        )
        sm, existing = self.field.social_map, self.existing
        if existing is not None:
            oid = existing.id
            return lambda: (sm.update(oid, data), oid)[1]
        return lambda: sm.create(data)


class OrgContactDialog(FormDialog):
    announces = Changes.of(SOCIAL_MAP)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        organisation: OrganisationRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New contact person at %1").replace("%1", organisation.name), runner, parent
        )
        self.field = field
        self.org_id = organisation.id
        self.name = line(self.tr("Name"))
        self.add_field("name", self.tr("&Name"), self.name, required=True)
        self.role = line(self.tr("Role"))
        self.add_field("role", self.tr("&Role"), self.role)
        self.phone = line(self.tr("Phone"))
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.email = line(self.tr("E-mail"))
        self.add_field("email", self.tr("&E-mail"), self.email)
        self.name.setFocus()

    def job(self) -> Callable[[], Any]:
        sm, oid = self.field.social_map, self.org_id
        name, role = self.name.text(), self.role.text() or None
        phone, email = self.phone.text() or None, self.email.text() or None
        return lambda: sm.add_contact(oid, name, role, phone, email)


# --- recipients picked from the sociale kaart ----------------------------------------------------
class MissingPartner(QWidget):
    """Shown when the sociale kaart is empty: says so, with a button to add a partner now."""

    add = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.message = Feedback(self.tr("No partners yet"), self)
        self.message.show_info(
            self.tr(
                "ℹ The receiver is not on the sociale kaart yet. Add the organisation first; "
                "it is then available here and for every other person."
            )
        )
        v.addWidget(self.message)
        self.button = QPushButton(self.tr("Add a partner to the sociale kaart…"), self)
        self.button.setAccessibleName(self.tr("Add a partner to the sociale kaart"))
        self.button.setMinimumHeight(32)
        self.button.clicked.connect(self.add)
        v.addWidget(self.button)
        self.setAccessibleName(self.tr("No partners yet"))


class _NeedsPartners(FormDialog):
    """Dialogs that pick a receiver from the sociale kaart, with a way to add one on the spot."""

    organisations: list[OrganisationRow]
    field: FieldServices
    partner_dialog: OrganisationDialog | None = None

    def add_partner(self) -> None:
        dialog = OrganisationDialog(self.field, self.runner, None, self)
        self.partner_dialog = dialog

        def saved(org_id: object) -> None:
            sm = self.field.social_map
            self.runner.submit(
                sm.search, lambda orgs: self.set_organisations(orgs, str(org_id)), owner=self
            )

        def done(_: int) -> None:
            self.partner_dialog = None
            dialog.deleteLater()

        dialog.saved.connect(saved)
        dialog.finished.connect(done)
        dialog.open()

    def set_organisations(self, orgs: Sequence[OrganisationRow], chosen: str | None) -> None:
        raise NotImplementedError


# --- consent -------------------------------------------------------------------------------------
class ConsentDialog(_NeedsPartners):
    """What may be shared, with whom, for what, how it was given and until when."""

    announces = Changes.of(SHARING)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        organisations: Sequence[OrganisationRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Record consent"),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "Write down what the person agreed to: which data, with whom, for what. "
                "Private notes are never shared."
            ),
        )
        self.setMinimumHeight(560)
        self.prefer_size(680, 720)
        self.field = field
        self.person_id = person_id
        self.organisations = list(organisations)
        voc = field.vocab
        today = field.context.today()
        cats = voc["consent_categories"].active()
        self.categories = Checklist(self.tr("Data that may be shared"))
        self.categories.set_items((t.code, t.label) for t in cats if not t.attrs.get("sensitive"))
        self.add_field("categories", self.tr("&Data"), self.categories)
        self.sensitive_box = QGroupBox(self.tr("⚠ Sensitive data"), self)
        self.sensitive_box.setAccessibleName(self.tr("Sensitive data"))
        sv = QVBoxLayout(self.sensitive_box)
        self.sensitive_warning = paragraph(
            self.tr(
                "Health, addiction and justice are only shared when you tick them here, "
                "explicitly, after asking the person. Leave them empty when in doubt."
            )
        )
        sv.addWidget(self.sensitive_warning)
        self.sensitive = Checklist(self.tr("Sensitive data that may be shared"))
        self.sensitive.set_items((t.code, t.label) for t in cats if t.attrs.get("sensitive"))
        self.sensitive.setMinimumHeight(70)
        sv.addWidget(self.sensitive)
        self.add_field("sensitive", self.tr("&Sensitive"), self.sensitive_box, buddy=self.sensitive)
        self.purposes = Checklist(self.tr("For what"))
        self.purposes.set_vocab(voc["consent_purposes"], ["warme_overdracht"])
        self.add_field("purposes", self.tr("&For what"), self.purposes)
        self.recipients = Checklist(self.tr("With whom (from the sociale kaart)"))
        self.missing = MissingPartner(self)
        self.missing.add.connect(self.add_partner)
        holder = QWidget()
        hv = QVBoxLayout(holder)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.recipients)
        hv.addWidget(self.missing)
        holder.setAccessibleName(self.tr("With whom"))
        self.add_field("recipients", self.tr("&With whom"), holder, buddy=self.recipients)
        self.how = QComboBox()
        self.how.setAccessibleName(self.tr("How the consent was given"))
        for code in ("mondeling", "schriftelijk"):
            self.how.addItem(given_how_label(code), code)
        self.add_field("given_how", self.tr("&How"), self.how)
        self.given_on = date_edit(self.tr("Given on"), today)
        self.add_field("given_on", self.tr("&Given on"), self.given_on)
        self.valid_from = OptionalDate(self.tr("Valid from"), default=today)
        self.add_field(
            "valid_from",
            self.tr("Valid f&rom"),
            self.valid_from,
            hint=self.tr("Leave empty: valid from the day it was given."),
        )
        self.valid_until = OptionalDate(self.tr("Valid until"), default=today + timedelta(days=365))
        self.valid_until.set_value(today + timedelta(days=365))
        self.add_field("valid_until", self.tr("Valid &until"), self.valid_until)
        self.note = note_edit(self.tr("Note"))
        self.add_field("note", self.tr("N&ote"), self.note)
        self.set_organisations(self.organisations, None)
        self.categories.setFocus()

    def set_organisations(self, orgs: Sequence[OrganisationRow], chosen: str | None) -> None:
        self.organisations = list(orgs)
        checked = set(self.recipients.codes())
        if chosen:
            checked.add(f"org:{chosen}")
        items: list[tuple[str, str]] = []
        for o in self.organisations:
            items.append((f"org:{o.id}", o.name))
            for c in o.contacts:
                items.append(
                    (
                        f"contact:{c.id}",
                        self.tr("    %1 at %2 (only this person)")
                        .replace("%1", c.name)
                        .replace("%2", o.name),
                    )
                )
        self.recipients.set_items(items, checked)
        self.recipients.setVisible(bool(items))
        self.missing.setVisible(not items)

    def job(self) -> Callable[[], Any]:
        from app.services.sharing import ConsentInput

        picked = self.recipients.codes()
        data = ConsentInput(
            person_id=self.person_id,
            categories=tuple(self.categories.codes() + self.sensitive.codes()),
            purposes=tuple(self.purposes.codes()),
            given_how=str(self.how.currentData()),
            given_on=from_qdate(self.given_on.date()),
            organisation_ids=tuple(c[4:] for c in picked if c.startswith("org:")),
            contact_ids=tuple(c[8:] for c in picked if c.startswith("contact:")),
            valid_from=self.valid_from.date_value(),
            valid_until=self.valid_until.date_value(),
            note=self.note.toPlainText() or None,
        )
        consents = self.field.consents
        return lambda: consents.record(data)


class WithdrawConsentDialog(FormDialog):
    announces = Changes.of(SHARING)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        consent: ConsentRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Withdraw consent"),
            runner,
            parent,
            primary=self.tr("Withdraw"),
            intro=self.tr(
                "From this date nothing more is shared on the basis of this consent. What was "
                "already shared stays with the receiver."
            ),
        )
        self.field = field
        self.consent_id = consent.id
        self.on = date_edit(self.tr("Withdrawn on"), field.context.today())
        self.add_field("withdrawn_on", self.tr("Withdrawn &on"), self.on)
        self.on.setFocus()

    def job(self) -> Callable[[], Any]:
        consents, cid, on = self.field.consents, self.consent_id, from_qdate(self.on.date())
        return lambda: consents.withdraw(cid, on)


# --- handovers -----------------------------------------------------------------------------------
class HandoverDialog(_NeedsPartners):
    """A warm handover: receiver from the sociale kaart, the fiche's content, the triogesprek."""

    announces = Changes.of(SHARING)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        organisations: Sequence[OrganisationRow],
        parent: QWidget | None = None,
        *,
        existing: tuple[str, HandoverInput] | None = None,
    ) -> None:
        super().__init__(
            self.tr("Change the warm handover") if existing else self.tr("New warm handover"),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "Plan the triogesprek with the person and the receiving counsellor. What you "
                "write here goes on the fiche only as far as the person's consent reaches."
            ),
        )
        self.setMinimumSize(680, 560)
        self.prefer_size(760, 760)
        self.field = field
        self.person_id = person_id
        self.organisations = list(organisations)
        voc = field.vocab
        today = field.context.today()
        self.type = vocab_combo(voc["handover_types"], self.tr("Kind of handover"))
        self.add_field("type", self.tr("&Kind"), self.type)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Receiving organisation"))
        self.missing = MissingPartner(self)
        self.missing.add.connect(self.add_partner)
        holder = QWidget()
        hv = QVBoxLayout(holder)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.organisation)
        hv.addWidget(self.missing)
        holder.setAccessibleName(self.tr("Receiver"))
        self.add_field("organisation_id", self.tr("&Receiver"), holder, buddy=self.organisation)
        self.contact = QComboBox()
        self.contact.setAccessibleName(self.tr("Receiving counsellor"))
        self.add_field("contact_id", self.tr("C&ounsellor"), self.contact)
        self.purpose = vocab_combo(
            voc["consent_purposes"], self.tr("Purpose"), current="warme_overdracht"
        )
        self.add_field("purpose", self.tr("&Purpose"), self.purpose)
        self.measure = vocab_combo(
            voc["measures"], self.tr("Proposed route or measure"), empty=self.tr("(none)")
        )
        self.add_field("measure", self.tr("Route or &measure"), self.measure)
        self.why_now = note_edit(self.tr("Why now, in the person's words"))
        self.add_field("why_now", self.tr("&Why now"), self.why_now)
        self.goals = note_edit(self.tr("Goals"))
        self.add_field("goals", self.tr("&Goals"), self.goals)
        self.job_target = line(self.tr("Job target"))
        self.add_field("job_target", self.tr("&Job target"), self.job_target)
        self.strengths = note_edit(self.tr("Strengths and competences"))
        self.add_field("strengths", self.tr("&Strengths"), self.strengths)
        self.practical = PairsBox(self.tr("Practical points of attention"), practical_labels())
        self.add_field("practical", self.tr("Practical"), self.practical)
        self.admin = PairsBox(self.tr("Administrative status"), admin_labels())
        self.add_field("admin", self.tr("Administration"), self.admin)
        self.early_warning = PairsBox(
            self.tr("Early-warning plan (optional): what to do when…"), warning_labels()
        )
        self.add_field("early_warning", self.tr("Early warning"), self.early_warning)
        self.employer = PairsBox(
            self.tr("Employer (only for a handover to an employer)"), employer_labels()
        )
        self.add_field("employer", self.tr("Employer"), self.employer)
        self.planned_at = OptionalDate(
            self.tr("Triogesprek on"), with_time=True, default=None, parent=self
        )
        self.add_field("planned_at", self.tr("&Triogesprek on"), self.planned_at)
        self.place = line(self.tr("Place"))
        self.add_field("place", self.tr("P&lace"), self.place)
        self.participants = QPlainTextEdit()
        self.participants.setAccessibleName(self.tr("Others present"))
        self.participants.setTabChangesFocus(True)
        self.participants.setMaximumHeight(70)
        self.add_field(
            "participants",
            self.tr("Others present"),
            self.participants,
            hint=self.tr("One per line: name, organisation."),
        )
        self.feedback_on = OptionalDate(
            self.tr("Feedback expected by"), default=today + timedelta(days=14)
        )
        self.feedback_on.set_value(today + timedelta(days=14))
        self.add_field(
            "expected_feedback_on",
            self.tr("&Feedback expected by"),
            self.feedback_on,
            hint=self.tr("The receiver reports back to you by this date; late feedback is listed."),
        )
        self.organisation.currentIndexChanged.connect(self._organisation_changed)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.set_organisations(self.organisations, None)
        self._type_changed()
        self.handover_id: str | None = None
        if existing is not None:
            self.fill(*existing)
        self.type.setFocus()

    def fill(self, handover_id: str, data: HandoverInput) -> None:
        """Prefill the form from a saved handover; saving then changes it."""
        self.handover_id = handover_id
        set_combo(self.type, data.type)
        self.set_organisations(self.organisations, data.organisation_id)
        set_combo(self.contact, data.contact_id)
        set_combo(self.purpose, data.purpose)
        set_combo(self.measure, data.measure)
        self.why_now.setPlainText(data.why_now)
        self.goals.setPlainText(data.goals)
        self.job_target.setText(data.job_target)
        self.strengths.setPlainText(data.strengths)
        self.practical.set_values(data.practical)
        self.admin.set_values(data.admin)
        self.early_warning.set_values(data.early_warning)
        self.employer.set_values(data.employer)
        self.planned_at.set_value(data.planned_at)
        self.place.setText(data.place or "")
        self.participants.setPlainText(
            "\n".join(
                p.name + (f", {p.organisation}" if p.organisation else "")
                for p in data.participants
            )
        )
        self.feedback_on.set_value(data.expected_feedback_on)
        self._type_changed()

    def set_organisations(self, orgs: Sequence[OrganisationRow], chosen: str | None) -> None:
        self.organisations = list(orgs)
        current = chosen or self.organisation.currentData()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItem(self.tr("(choose a partner)"), None)
        for o in self.organisations:
            self.organisation.addItem(o.name, o.id)
        set_combo(self.organisation, current)
        self.organisation.blockSignals(False)
        self.organisation.setVisible(bool(orgs))
        self.missing.setVisible(not orgs)
        self._organisation_changed()

    def _organisation_changed(self) -> None:
        oid = self.organisation.currentData()
        org = next((o for o in self.organisations if o.id == oid), None)
        self.contact.clear()
        self.contact.addItem(self.tr("(no one in particular)"), None)
        for c in org.contacts if org else ():
            self.contact.addItem(f"{c.name} — {c.role}" if c.role else c.name, c.id)
        self.contact.setEnabled(org is not None and bool(org.contacts))

    def _type_changed(self) -> None:
        self.employer.setEnabled(self.type.currentData() == "werkgever")

    def job(self) -> Callable[[], Any]:
        from app.documents.fiche_data import Party
        from app.services.handovers import HandoverInput

        oid = self.organisation.currentData()
        if not oid:
            raise ValidationError(
                self.tr("Choose the receiver from the sociale kaart (add it first)."),
                field="organisation_id",
            )
        parties = []
        for raw in self.participants.toPlainText().splitlines():
            name, _, org = raw.partition(",")
            if name.strip():
                parties.append(Party("Ander", name.strip(), org.strip() or None))
        data = HandoverInput(
            person_id=self.person_id,
            type=str(self.type.currentData()),
            organisation_id=str(oid),
            purpose=str(self.purpose.currentData()),
            contact_id=self.contact.currentData(),
            measure=self.measure.currentData(),
            why_now=self.why_now.toPlainText(),
            goals=self.goals.toPlainText(),
            job_target=self.job_target.text(),
            strengths=self.strengths.toPlainText(),
            practical=self.practical.values(),
            admin=self.admin.values(),
            early_warning=self.early_warning.values(),
            employer=self.employer.values() if self.employer.isEnabled() else {},
            planned_at=self.planned_at.datetime_value(),
            place=self.place.text() or None,
            participants=tuple(parties),
            expected_feedback_on=self.feedback_on.date_value(),
        )
        handovers = self.field.handovers
        if self.handover_id is not None:
            hid = self.handover_id
            return lambda: handovers.update(hid, data)
        return lambda: handovers.create(data)


class HeldDialog(FormDialog):
    announces = Changes.of(SHARING)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        handover_id: str,
        default: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Triogesprek held"), runner, parent, primary=self.tr("Save"))
        self.field = field
        self.handover_id = handover_id
        today = field.context.today()
        self.on = date_edit(self.tr("Held on"), min(default or today, today))
        self.add_field("held_on", self.tr("&Held on"), self.on)
        self.on.setFocus()

    def job(self) -> Callable[[], Any]:
        h, hid, on = self.field.handovers, self.handover_id, from_qdate(self.on.date())
        return lambda: h.mark_held(hid, on)


class FeedbackDialog(FormDialog):
    announces = Changes.of(SHARING)

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        handover_id: str,
        receiver: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Feedback from %1").replace("%1", receiver),
            runner,
            parent,
            intro=self.tr("What did the receiver report back? Keep it short and factual."),
        )
        self.field = field
        self.handover_id = handover_id
        self.on = date_edit(self.tr("Received on"), field.context.today())
        self.add_field("feedback_received_on", self.tr("&Received on"), self.on)
        self.text = note_edit(self.tr("Feedback"))
        self.text.setMaximumHeight(140)
        self.add_field("feedback", self.tr("&Feedback"), self.text)
        self.text.setFocus()

    def job(self) -> Callable[[], Any]:
        h, hid = self.field.handovers, self.handover_id
        on, text = from_qdate(self.on.date()), self.text.toPlainText()
        return lambda: h.record_feedback(hid, on, text)
