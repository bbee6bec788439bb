"""Where countable data is entered: a follow-up's result, planning follow-ups after a job or
training start, a structural signal, ESF+ participant data, and the referral source picker
(a partner of the sociale kaart or a short list, free text only for "other")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from app.errors import BrugfiguurError
from app.qt.changes import PEOPLE, SETTINGS, SIGNALS, TRAJECTORY, Changes
from app.views.forms import (
    Checklist,
    FormDialog,
    OptionalDate,
    date_edit,
    from_qdate,
    set_combo,
    vocab_combo,
)

if TYPE_CHECKING:
    from app.qt.tasks import TaskRunner
    from app.services.esf import EsfRow
    from app.services.field import FieldServices
    from app.services.follow_ups import FollowUpRow
    from app.services.sharing import OrganisationRow
    from app.services.signals import SignalRow


def _note(name: str, text: str | None = None) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(80)
    if text:
        edit.setPlainText(text)
    return edit


class FollowUpResultDialog(FormDialog):
    """How is the person doing: a result that can be counted, on a date, with a note."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        row: FollowUpRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Follow-up after %n month(s)", "", row.months),
            runner,
            parent,
            intro=self.tr("How is the person doing now? Choose what fits; a note is optional."),
        )
        self.field, self.row = field, row
        self.announces = Changes.of(TRAJECTORY, person=row.person_id)
        self.status = vocab_combo(
            field.vocab["follow_up_status"], self.tr("Result"), current=row.status or "werkt_zelfde"
        )
        self.add_field("status", self.tr("&Result"), self.status)
        self.done_on = date_edit(self.tr("Checked on"), row.done_on or field.context.today())
        self.add_field("done_on", self.tr("&Checked on"), self.done_on)
        self.note = _note(self.tr("Note (optional)"), row.result)
        self.add_field("note", self.tr("&Note (optional)"), self.note)
        self.status.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.follow_ups import FollowUpResult

        result = FollowUpResult(
            str(self.status.currentData()),
            from_qdate(self.done_on.date()),
            self.note.toPlainText(),
        )
        service, fid = self.field.follow_ups, self.row.id
        return lambda: service.record(fid, result)


class PlanFollowUpsDialog(FormDialog):
    """Follow-ups after a job start, a training start (or a handover, a closure)."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Plan follow-ups"),
            runner,
            parent,
            intro=self.tr(
                "Follow-ups after a job or a training start, so that you can tell later how "
                "lasting it was."
            ),
        )
        self.field, self.person_id = field, person_id
        self.announces = Changes.of(TRAJECTORY, person=person_id)
        self.anchor = vocab_combo(
            field.vocab["follow_up_anchors"], self.tr("After"), current="job_start"
        )
        self.add_field("anchor", self.tr("&After"), self.anchor)
        self.on = date_edit(self.tr("Start date"), field.context.today())
        self.add_field("anchor_on", self.tr("&Start date"), self.on)
        self.anchor.setFocus()

    def job(self) -> Callable[[], Any]:
        anchor, on = str(self.anchor.currentData()), from_qdate(self.on.date())
        service, pid = self.field.follow_ups, self.person_id
        return lambda: service.plan(pid, anchor, on)


class SignalDialog(FormDialog):
    """A barrier of the system, not of a person: never a name."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        organisations: Sequence[OrganisationRow],
        teams: Sequence[str],
        existing: SignalRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Structural signal") if existing is None else self.tr("Edit signal"),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "A barrier of the system (a waiting list, a rule, a missing service), not of "
                "the person. Name no one: at most how many people it touches."
            ),
        )
        self.setMinimumHeight(560)
        self.field, self.existing = field, existing
        self.announces = Changes.of(SIGNALS)
        voc = field.vocab
        self.noted_on = date_edit(
            self.tr("Noted on"), existing.noted_on if existing else field.context.today()
        )
        self.add_field("noted_on", self.tr("&Noted on"), self.noted_on)
        self.theme = vocab_combo(
            voc["signal_themes"], self.tr("Theme"), current=existing.theme if existing else None
        )
        self.add_field("theme", self.tr("&Theme"), self.theme)
        self.description = _note(
            self.tr("What is the barrier?"), existing.description if existing else None
        )
        self.add_field(
            "description", self.tr("&What is the barrier?"), self.description, required=True
        )
        self.org = QComboBox()
        self.org.setAccessibleName(self.tr("Organisation concerned"))
        self.org.addItem(self.tr("(none, or not on the sociale kaart)"), None)
        for o in organisations:
            self.org.addItem(o.name, o.id)
        if existing is not None:
            set_combo(self.org, existing.organisation_id)
        self.add_field("organisation_id", self.tr("&Organisation concerned"), self.org)
        self.org_name = QLineEdit(
            existing.organisation if existing and not existing.organisation_id else ""
        )
        self.org_name.setAccessibleName(self.tr("Other organisation"))
        self.add_field("organisation_name", self.tr("Other or&ganisation"), self.org_name)
        self.domains = Checklist(self.tr("Life domains"))
        self.domains.set_vocab(voc["life_domains"], existing.life_domains if existing else ())
        self.domains.setMaximumHeight(130)
        self.add_field("life_domains", self.tr("&Life domains"), self.domains)
        self.count = QSpinBox()
        self.count.setRange(0, 100_000)
        self.count.setSpecialValueText(self.tr("not known"))
        self.count.setAccessibleName(self.tr("How many people it touches"))
        self.count.setValue(existing.people_count or 0 if existing else 0)
        self.add_field("people_count", self.tr("How many &people (estimate)"), self.count)
        self.status = vocab_combo(
            voc["signal_status"], self.tr("Status"), current=existing.status if existing else None
        )
        self.add_field("status", self.tr("&Status"), self.status)
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.setAccessibleName(self.tr("Team"))
        self.team.addItem("")
        self.team.addItems(list(teams))
        if existing is not None and existing.team:
            self.team.setCurrentText(existing.team)
        self.add_field("team", self.tr("T&eam"), self.team)
        self.anyway_button.setText(self.tr("Save anyway: it names no one"))
        self.anyway_button.setAccessibleName(self.anyway_button.text())
        self.theme.setFocus()

    def show_error(self, exc: BrugfiguurError) -> None:
        from app.services.signals import NamesSuspected

        super().show_error(exc)
        if isinstance(exc, NamesSuspected):
            self.anyway_button.show()

    def job(self) -> Callable[[], Any]:
        from app.services.signals import SignalInput

        data = SignalInput(
            noted_on=from_qdate(self.noted_on.date()),
            theme=str(self.theme.currentData()),
            description=self.description.toPlainText(),
            life_domains=tuple(self.domains.codes()),
            organisation_id=self.org.currentData(),
            organisation_name=self.org_name.text() or None,
            people_count=self.count.value() or None,
            status=str(self.status.currentData()),
            team=self.team.currentText() or None,
        )
        service, allow = self.field.signals, self.allow_duplicate
        if self.existing is None:
            return lambda: service.create(data, allow_names=allow)
        sid = self.existing.id
        return lambda: service.update(sid, data, allow_names=allow)


class EsfDialog(FormDialog):
    """ESF+ participant data: optional, never on a document for the person or a partner."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        person_id: str,
        existing: EsfRow | None,
        parent: QWidget | None = None,
    ) -> None:
        from app.services.esf import VOCABULARY

        super().__init__(
            self.tr("ESF+ participant data"),
            runner,
            parent,
            scroll=True,
            intro=self.tr(
                "Only for projects funded by the ESF+. Optional; \u201cnot asked\u201d and "
                "\u201cdoes not want to say\u201d are real answers. Never printed on a fiche or "
                "a document for the person."
            ),
        )
        self.setMinimumHeight(560)
        self.field, self.person_id = field, person_id
        self.announces = Changes.of(PEOPLE, person=person_id)
        labels = {
            "gender": self.tr("&Gender"),
            "labour_status": self.tr("&Labour-market status at the start"),
            "education": self.tr("&Education (ISCED)"),
            "disability": self.tr("&Disability"),
            "third_country": self.tr("&Third-country national"),
            "foreign_background": self.tr("&Foreign background"),
            "minority": self.tr("&Minority"),
            "homeless": self.tr("&Homeless or housing exclusion"),
        }
        self.entry = OptionalDate(self.tr("Start of participation"))
        if existing is not None:
            self.entry.set_value(existing.entry_on)
        self.add_field(
            "entry_on",
            self.tr("&Start of participation"),
            self.entry,
            hint=self.tr("Empty: the date the client file started."),
        )
        self.combos: dict[str, QComboBox] = {}
        for name, vocab in VOCABULARY.items():
            combo = vocab_combo(
                field.vocab[vocab],
                labels[name].replace("&", ""),
                current=getattr(existing, name) if existing else "niet_gevraagd",
            )
            self.combos[name] = combo
            self.add_field(name, labels[name], combo)
        self.combos["gender"].setFocus()

    def job(self) -> Callable[[], Any]:
        from app.services.esf import EsfInput

        values = {name: str(c.currentData()) for name, c in self.combos.items()}
        data = EsfInput(entry_on=self.entry.date_value(), **values)
        service, pid = self.field.esf, self.person_id
        return lambda: service.save(pid, data)


class ReferralPicker(QWidget):
    """Who referred the person: a short list, or a partner of the sociale kaart; free text
    only for "other". `organisations` are loaded later (on the worker) with `set_partners`."""

    changed = Signal()

    def __init__(
        self,
        field: FieldServices,
        kind: str | None = None,
        organisation_id: str | None = None,
        text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Referred by"))
        self._org = organisation_id
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Referred by"))
        self.setFocusProxy(self.combo)  # the label's letter and Tab land on the choice
        self.combo.addItem(self.tr("(choose who referred)"), None)
        for t in field.vocab["referral_sources"].active():
            self.combo.addItem(t.label, f"kind:{t.code}")
        self.other = QLineEdit(text or "", self)
        self.other.setAccessibleName(self.tr("Who referred (other)"))
        self.other.setPlaceholderText(self.tr("who referred, in a few words"))
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.combo)
        v.addWidget(self.other)
        if kind:
            set_combo(self.combo, f"kind:{kind}")
        self.combo.currentIndexChanged.connect(self._update)
        self._update()

    def set_partners(self, organisations: Sequence[OrganisationRow]) -> None:
        current = self.combo.currentData()
        for o in organisations:
            self.combo.addItem(self.tr("Partner: %1").replace("%1", o.name), f"org:{o.id}")
        if self._org:
            set_combo(self.combo, f"org:{self._org}")
        elif current:
            set_combo(self.combo, current)

    def _update(self) -> None:
        self.other.setVisible(self.combo.currentData() == "kind:andere")
        self.changed.emit()

    def values(self) -> dict[str, str | None]:
        data = self.combo.currentData()
        kind = org = None
        if isinstance(data, str) and data.startswith("kind:"):
            kind = data[5:]
        elif isinstance(data, str) and data.startswith("org:"):
            org = data[4:]
        return {
            "referral_kind": kind,
            "referral_organisation_id": org,
            "referral_source": (self.other.text().strip() or None) if kind == "andere" else None,
        }


__all__ = [
    "EsfDialog",
    "FollowUpResultDialog",
    "PlanFollowUpsDialog",
    "ReferralPicker",
    "ReportSettingsDialog",
    "SignalDialog",
]


class ReportSettingsDialog(FormDialog):
    """The organisation's report settings: the smallest number an export shows, and the
    follow-up terms. Synced; only a coordinator changes them once the laptop is enrolled."""

    def __init__(
        self,
        field: FieldServices,
        runner: TaskRunner,
        threshold: int,
        months: tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Report settings"),
            runner,
            parent,
            intro=self.tr(
                "For the whole organisation. Exports hide every number under the threshold, "
                "and whatever would give one away."
            ),
        )
        self.field = field
        self.announces = Changes.of(SETTINGS)
        self.threshold = QSpinBox()
        self.threshold.setRange(3, 50)
        self.threshold.setValue(threshold)
        self.threshold.setAccessibleName(self.tr("Smallest number shown in an export"))
        self.add_field(
            "report_suppression_threshold",
            self.tr("&Smallest number shown"),
            self.threshold,
        )
        self.months = QLineEdit(", ".join(str(m) for m in months))
        self.months.setAccessibleName(self.tr("Follow-up after (months, separated by commas)"))
        self.add_field(
            "follow_up_months",
            self.tr("&Follow-up after (months)"),
            self.months,
            hint=self.tr("e.g. 3, 12, 24"),
            required=True,
        )
        self.threshold.setFocus()

    def job(self) -> Callable[[], Any]:
        from app.errors import ValidationError

        parts = [p.strip() for p in self.months.text().replace(";", ",").split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise ValidationError(
                self.tr("Give whole numbers of months, separated by commas."),
                field="follow_up_months",
            )
        months = [int(p) for p in parts]
        threshold = self.threshold.value()
        settings = self.field.report_settings

        def save() -> None:
            settings.set_follow_up_months(months)
            settings.set_threshold(threshold)

        return save
