"""Referrals and warm handovers: the triogesprek, feedback tracking, and the documents that
leave the app (fiche, the person's copy, the MLP summary) — each through the consent rule."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.fiche_data import (
    AgreementLine,
    DomainLine,
    FicheData,
    NetworkLine,
    Party,
    PersonCopyData,
)
from app.domain import consent as rule
from app.domain import validation as v
from app.domain.vocab import Vocabulary
from app.errors import BrugfiguurError, NotFound, ValidationError
from app.fsutil import write_new_file
from app.models import Handover, Organisation, OrgContact, Person
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso, iso_minutes
from app.services.contacts import ContactService
from app.services.follow_ups import schedule
from app.services.people import detail
from app.services.sharing import ConsentService, SocialMapService
from app.services.situation import SituationService
from app.services.workers import WorkerRow, my_profile
from app.services.zrm import ZrmService

log = logging.getLogger(__name__)

OPEN_STATUSES = ("gepland", "gehouden", "overgedragen")
PRACTICAL_LABELS = {
    "kinderopvang": "Kinderopvang en uren", "vervoer": "Vervoer", "taal": "Taal",
    "geletterdheid": "Lezen en schrijven", "tolk": "Tolk", "communicatie": "Hoe communiceren",
}  # fmt: skip
ADMIN_LABELS = {
    "vdab": "Inschrijving VDAB", "mlp": "Mijn Loopbaan", "dossierhouder": "Wie heeft het dossier",
    "uitkering": "Uitkering of inkomen",
}  # fmt: skip
WARNING_LABELS = {"groen": "Groen", "oranje": "Oranje", "rood": "Rood"}
EMPLOYER_LABELS = {
    "werkgever": "Werkgever", "contact": "Contactpersoon", "functie": "Functie",
    "start": "Startdatum", "ondersteuning": "Ondersteuning op de werkvloer",
}  # fmt: skip


@dataclass(frozen=True)
class HandoverInput:
    person_id: str
    type: str
    organisation_id: str
    purpose: str = "warme_overdracht"
    contact_id: str | None = None
    measure: str | None = None
    why_now: str = ""
    goals: str = ""
    job_target: str = ""
    strengths: str = ""
    practical: dict[str, str] = field(default_factory=dict)
    admin: dict[str, str] = field(default_factory=dict)
    early_warning: dict[str, str] = field(default_factory=dict)
    employer: dict[str, str] = field(default_factory=dict)
    planned_at: datetime | None = None
    place: str | None = None
    participants: tuple[Party, ...] = ()
    expected_feedback_on: date | None = None


@dataclass(frozen=True)
class HandoverRow:
    id: str
    person_id: str
    type: str
    organisation_id: str
    organisation_name: str
    contact_id: str | None
    purpose: str
    measure: str | None
    status: str
    planned_at: datetime | None
    place: str | None
    held_on: date | None
    expected_feedback_on: date | None
    feedback_received_on: date | None
    feedback: str | None
    document_version: int

    def feedback_overdue(self, today: date) -> bool:
        return (
            self.status in OPEN_STATUSES
            and self.feedback_received_on is None
            and self.expected_feedback_on is not None
            and self.expected_feedback_on < today
        )


@dataclass(frozen=True)
class Override:
    """Sharing beyond consent: needs a reason and the passphrase; it is audited."""

    reason: str
    categories: tuple[str, ...]
    passphrase: str


def _row(h: Handover, org_name: str) -> HandoverRow:
    return HandoverRow(
        h.id,
        h.person_id,
        h.type,
        h.organisation_id,
        org_name,
        h.contact_id,
        h.purpose,
        h.measure,
        h.status,
        datetime.fromisoformat(h.planned_at) if h.planned_at else None,
        h.place,
        from_iso(h.held_on),
        from_iso(h.expected_feedback_on),
        from_iso(h.feedback_received_on),
        h.feedback,
        h.document_version,
    )


def _clean_map(d: dict[str, str], allowed: dict[str, str], what: str) -> dict[str, str]:
    unknown = set(d) - set(allowed)
    if unknown:
        raise ValidationError(f"Onbekend veld bij {what}: {', '.join(sorted(unknown))}.")
    return {k: val.strip() for k, val in d.items() if val and val.strip()}


class HandoverService:
    def __init__(
        self, fc: FieldContext, verify_passphrase: Callable[[str], None] | None = None
    ) -> None:
        self._fc = fc
        self._verify = verify_passphrase
        self.consents = ConsentService(fc)
        self.social_map = SocialMapService(fc)

    # --- writes ----------------------------------------------------------------------------
    def _values(self, s: Session, d: HandoverInput) -> dict[str, Any]:
        fc = self._fc
        voc = fc.vocab
        if fc.records.live(s, Person, d.person_id) is None:
            raise NotFound("Deze persoon")
        org = fc.records.live(s, Organisation, d.organisation_id)
        if org is None:
            raise ValidationError(
                "Kies een ontvanger van de sociale kaart (voeg hem eerst toe).",
                field="organisation_id",
            )
        if d.contact_id:
            c = fc.records.live(s, OrgContact, d.contact_id)
            if c is None or c.organisation_id != org.id:
                raise ValidationError(
                    "Deze contactpersoon hoort niet bij de gekozen organisatie.", field="contact_id"
                )
        today = fc.today()
        if (
            d.expected_feedback_on is not None
            and d.planned_at is not None
            and d.expected_feedback_on < d.planned_at.date()
        ):
            raise ValidationError(
                "De terugkoppeling kan niet vóór het triogesprek liggen.",
                field="expected_feedback_on",
            )
        if d.planned_at is not None and d.planned_at.date() < today - timedelta(days=365):
            raise ValidationError("Die datum ligt te ver in het verleden.", field="planned_at")
        return {
            "person_id": d.person_id,
            "type": voc["handover_types"].require(d.type, "type", "het soort overdracht"),
            "organisation_id": org.id,
            "contact_id": d.contact_id or None,
            "purpose": voc["consent_purposes"].require(d.purpose, "purpose", "het doel"),
            "measure": voc["measures"].require(d.measure, "measure", "de maatregel")
            if d.measure
            else None,
            "why_now": d.why_now.strip(),
            "goals": d.goals.strip(),
            "job_target": d.job_target.strip(),
            "strengths": d.strengths.strip(),
            "practical": _clean_map(d.practical, PRACTICAL_LABELS, "praktische punten"),
            "admin": _clean_map(d.admin, ADMIN_LABELS, "administratie"),
            "early_warning": _clean_map(d.early_warning, WARNING_LABELS, "het signaalplan"),
            "employer": _clean_map(d.employer, EMPLOYER_LABELS, "de werkgever"),
            "planned_at": iso_minutes(d.planned_at),
            "place": (d.place or "").strip() or None,
            "participants": [
                {
                    "role": p.role,
                    "name": p.name.strip(),
                    "organisation": p.organisation,
                    "contact": p.contact,
                }
                for p in d.participants
                if p.name.strip()
            ],
            "expected_feedback_on": iso(d.expected_feedback_on),
        }

    def create(self, d: HandoverInput) -> str:
        with self._fc.ctx.transaction() as s:
            values = self._values(s, d)
            values.update(
                {
                    "held_on": None,
                    "status": "gepland",
                    "feedback_received_on": None,
                    "feedback": None,
                    "override_reason": None,
                    "override_categories": [],
                    "document_version": 0,
                }
            )
            return self._fc.records.create(s, Handover, values).id

    def update(self, handover_id: str, d: HandoverInput) -> bool:
        with self._fc.ctx.transaction() as s:
            h = self._get(s, handover_id)
            return self._fc.records.update(s, h, self._values(s, d))

    def mark_held(self, handover_id: str, on: date) -> None:
        fc = self._fc
        v.not_in_future(on, fc.today(), "held_on", "Het triogesprek")
        with fc.ctx.transaction() as s:
            h = self._get(s, handover_id)
            fc.records.update(s, h, {"held_on": on.isoformat(), "status": "gehouden"})
            # How is the person doing some months after the handover: follow-ups (countable).
            schedule(fc, s, h.person_id, "overdracht", on, h.id)

    def record_feedback(self, handover_id: str, on: date, feedback: str) -> None:
        fc = self._fc
        v.not_in_future(on, fc.today(), "feedback_received_on", "De terugkoppeling")
        text = v.required(feedback, "feedback", "De terugkoppeling")
        with fc.ctx.transaction() as s:
            fc.records.update(
                s,
                self._get(s, handover_id),
                {
                    "feedback_received_on": on.isoformat(),
                    "feedback": text,
                    "status": "feedback_ontvangen",
                },
            )

    def set_status(self, handover_id: str, status: str) -> None:
        fc = self._fc
        code = fc.vocab["handover_status"].require(status, "status", "de status")
        with fc.ctx.transaction() as s:
            fc.records.update(s, self._get(s, handover_id), {"status": code})

    def _get(self, s: Session, handover_id: str) -> Handover:
        h = self._fc.records.live(s, Handover, handover_id)
        if h is None:
            raise NotFound("Deze overdracht")
        return h

    # --- reads -----------------------------------------------------------------------------
    def _rows(self, s: Session, handovers: list[Handover]) -> list[HandoverRow]:
        names = {o.id: o.name for o in s.scalars(select(Organisation))}
        return [_row(h, names.get(h.organisation_id, "(onbekende organisatie)")) for h in handovers]

    def get(self, handover_id: str) -> HandoverRow:
        with self._fc.ctx.read() as s:
            return self._rows(s, [self._get(s, handover_id)])[0]

    def input(self, handover_id: str) -> HandoverInput:
        """Everything the handover form edits, to fill it for a change."""
        with self._fc.ctx.read() as s:
            h = self._get(s, handover_id)
            return HandoverInput(
                person_id=h.person_id,
                type=h.type,
                organisation_id=h.organisation_id,
                purpose=h.purpose,
                contact_id=h.contact_id,
                measure=h.measure,
                why_now=h.why_now,
                goals=h.goals,
                job_target=h.job_target,
                strengths=h.strengths,
                practical=dict(h.practical),
                admin=dict(h.admin),
                early_warning=dict(h.early_warning),
                employer=dict(h.employer),
                planned_at=datetime.fromisoformat(h.planned_at) if h.planned_at else None,
                place=h.place,
                participants=tuple(
                    Party(
                        p.get("role") or "Ander", p["name"], p.get("organisation"), p.get("contact")
                    )
                    for p in h.participants
                ),
                expected_feedback_on=from_iso(h.expected_feedback_on),
            )

    def for_person(self, person_id: str) -> list[HandoverRow]:
        with self._fc.ctx.read() as s:
            hs = list(
                s.scalars(
                    select(Handover)
                    .where(Handover.person_id == person_id, Handover.deleted.is_(False))
                    .order_by(Handover.created_at.desc())
                )
            )
            return self._rows(s, hs)

    def overdue_feedback(self, organisation_id: str | None = None) -> list[HandoverRow]:
        """Handovers whose receiver has not reported back by the expected date."""
        today = self._fc.today()
        with self._fc.ctx.read() as s:
            q = (
                select(Handover)
                .where(
                    Handover.deleted.is_(False),
                    Handover.feedback_received_on.is_(None),
                    Handover.status.in_(OPEN_STATUSES),
                    Handover.expected_feedback_on.is_not(None),
                    Handover.expected_feedback_on < today.isoformat(),
                )
                .order_by(Handover.expected_feedback_on)
            )
            if organisation_id:
                q = q.where(Handover.organisation_id == organisation_id)
            return self._rows(s, list(s.scalars(q)))

    # --- consent -------------------------------------------------------------------------------
    def recipient(self, h: HandoverRow) -> rule.Recipient:
        return rule.Recipient(
            organisation_id=h.organisation_id,
            contact_id=h.contact_id,
            contact_organisation_id=h.organisation_id,
        )

    def scope(
        self, handover_id: str, override: Override | None = None, *, record_override: bool = False
    ) -> rule.Scope:
        """The consent rule for this handover. An override is always checked (reason and
        passphrase); it is stored and audited when `record_override` (the output leaves)."""
        h = self.get(handover_id)
        extra: tuple[str, ...] = ()
        if override is not None:
            extra = self._check_override(h, override, record=record_override)
        return self.consents.scope(h.person_id, self.recipient(h), h.purpose, override=extra)

    def _check_override(self, h: HandoverRow, o: Override, *, record: bool) -> tuple[str, ...]:
        fc = self._fc
        if not o.reason.strip():
            raise ValidationError(
                "Geef een reden om meer te delen dan de toestemming toelaat.",
                field="override_reason",
            )
        cats = tuple(
            fc.vocab["consent_categories"].require_all(
                list(o.categories), "override_categories", "de gegevens"
            )
        )
        if self._verify is None:
            raise BrugfiguurError(
                "Een uitzondering vraagt uw wachtwoordzin; die kan hier niet gecontroleerd worden."
            )
        self._verify(o.passphrase)  # WrongPassphrase (AEAD) when it does not unlock the vault
        if not record:
            return cats
        with fc.ctx.transaction() as s:
            fc.records.update(
                s,
                self._get(s, h.id),
                {"override_reason": o.reason.strip(), "override_categories": list(cats)},
            )
            fc.audit.record(
                AuditEvent.CONSENT_OVERRIDE,
                record_type="handover",
                record_id=h.id,
                detail=",".join(cats),
                session=s,
            )
        return cats

    # --- the fiche -----------------------------------------------------------------------------
    def fiche_data(
        self,
        handover_id: str,
        override: Override | None = None,
        *,
        record_override: bool = False,
    ) -> FicheData:
        """The fiche's content after the consent rule (for the preview and the PDF)."""
        fc = self._fc
        voc = fc.vocab
        scope = self.scope(handover_id, override, record_override=record_override)
        h = self.get(handover_id)
        with fc.ctx.read() as s:
            p = s.get(Person, h.person_id)
            rec = s.get(Handover, handover_id)
            assert p is not None and rec is not None
            person = detail(p)
            org = s.get(Organisation, h.organisation_id)
            contact = s.get(OrgContact, h.contact_id) if h.contact_id else None
            me = self._me(s)
        name = (
            person.full_name
            if scope.allows("persoonsgegevens") and person.full_name
            else person.alias
        )
        receiver = Party(
            "Ontvanger",
            contact.name if contact else (org.name if org else ""),
            org.name if org else None,
            contact.role if contact else None,
        )
        parties = (
            Party("Persoon", name),
            Party(
                "Outreachwerker",
                me.name,
                me.organisation,
                " · ".join(x for x in (me.function, me.phone, me.email) if x) or None,
            ),
            receiver,
            *(
                Party(x["role"] or "Ander", x["name"], x.get("organisation"))
                for x in rec.participants
            ),
        )
        allowed = scope.categories
        withheld: list[str] = []

        def section(category: str, title: str, value: Any) -> Any:
            if category in allowed:
                return value
            withheld.append(title)
            return None

        situation = SituationService(fc)
        drempels = situation.drempels(h.person_id)
        zrm_view = ZrmService(fc).person(h.person_id)
        life = voc["life_domains"]
        domain_lines: list[DomainLine] = []
        for term in life.active():
            if not rule.domain_allowed(term.attrs, scope, "situatie"):
                continue
            ds = tuple(
                (
                    voc["drempels"].label(d.drempel) if d.drempel else term.label,
                    voc["drempel_status"].label(d.status),
                )
                for d in drempels
                if d.life_domain == term.code
            )
            if ds:
                domain_lines.append(DomainLine(term.label, ds))
        # ZRM: sensitive ZRM domains follow their life domains' sensitivity.
        radar = None
        if "zrm" in allowed and zrm_view.history:
            hidden = set()
            for d in zrm_view.edition.domains:
                sens = [rule.sensitive_category_of_domain(_attrs(life, c)) for c in d.life_domains]
                if any(x is not None and x not in allowed for x in sens):
                    hidden.add(d.label)
            r = zrm_view.radar
            radar = type(r)(
                r.axes,
                {
                    k: tuple(
                        None if ax in hidden else val for ax, val in zip(r.axes, vals, strict=True)
                    )
                    for k, vals in r.series.items()
                },
            )
            for d in zrm_view.edition.domains:
                prog = zrm_view.progress.get(d.code)
                if d.label in hidden or prog is None or prog.latest_level is None:
                    continue
                domain_lines.append(
                    DomainLine(
                        f"ZRM {d.label}",
                        (),
                        prog.latest_level,
                        zrm_view.edition.levels[prog.latest_level],
                    )
                )
        elif "zrm" not in allowed:
            withheld.append("Zelfredzaamheidsmatrix")
        if "situatie" not in allowed:
            withheld.append("Situatie per levensdomein en drempels")
        strengths = [x for x in (rec.strengths,) if x]
        for w in situation.work_readiness(h.person_id):
            if w.assessment == "sterk":
                strengths.append(voc["work_readiness"].label(w.item))
        network = [
            NetworkLine(
                n.name,
                voc["network_relations"].label(n.relation),
                n.organisation,
                "heeft het dossier"
                if n.holds_file
                else ", ".join(life.label(c) for c in n.life_domains) or None,
            )
            for n in situation.network(h.person_id)
            if all(rule.domain_allowed(_attrs(life, c), scope, "netwerk") for c in n.life_domains)
            and "netwerk" in allowed
        ]
        agreements = [
            AgreementLine(
                a.description,
                voc["owner_kinds"].label(a.owner_kind)
                + (f" ({a.owner_name})" if a.owner_name else ""),
                a.due_on,
            )
            for a in ContactService(fc).agreements(h.person_id, open_only=True)
        ]
        cats = voc["consent_categories"]
        consent_lines = (
            tuple(
                [f"Gedeeld met toestemming: {', '.join(cats.label(c) for c in sorted(allowed))}."]
                if scope.consent_ids
                else []
            )
            + scope.notes
        )
        route = " — ".join(
            x
            for x in (
                voc["measures"].label(h.measure) if h.measure else "",
                voc["consent_purposes"].label(h.purpose),
            )
            if x
        )
        meeting = h.planned_at
        feedback = None
        if h.expected_feedback_on:
            feedback = (
                f"{receiver.name} koppelt terug aan {me.name} uiterlijk op "
                f"{h.expected_feedback_on:%d/%m/%Y}."
            )
        has_consent = scope.has_consent
        data = FicheData(
            generated_on=fc.today(),
            document_version=rec.document_version + 1,
            person_label=name,
            handover_type=voc["handover_types"].label(h.type),
            purpose=voc["consent_purposes"].label(h.purpose),
            parties=parties,
            meeting_at=meeting,
            meeting_place=h.place,
            has_consent=has_consent,
            consent_lines=consent_lines,
            override_note=(
                f"Uitzondering op de toestemming: {override.reason.strip()} "
                f"({', '.join(cats.label(c) for c in scope.overridden)})."
                if override is not None and scope.overridden
                else None
            ),
            why_now=section("motivatie", "Waarom nu", rec.why_now or None),
            goals=section("motivatie", "Doelen", rec.goals or None),
            job_target=section("motivatie", "Jobdoelwit", rec.job_target or None),
            strengths=section("competenties", "Sterktes en competenties", tuple(strengths)),
            domains=tuple(domain_lines) if ("situatie" in allowed or "zrm" in allowed) else None,
            radar=radar,
            practical=section(
                "praktisch",
                "Praktische aandachtspunten",
                tuple((PRACTICAL_LABELS[k], val) for k, val in rec.practical.items()) or None,
            ),
            network=section("netwerk", "Netwerk", tuple(network)),
            admin=section(
                "administratie",
                "Administratieve situatie",
                tuple((ADMIN_LABELS[k], val) for k, val in rec.admin.items()) or None,
            ),
            route=section("traject", "Voorgestelde route", route or None),
            agreements=section("traject", "Afspraken", tuple(agreements)),
            feedback=feedback,
            early_warning=section(
                "traject",
                "Signaalplan",
                tuple((WARNING_LABELS[k], val) for k, val in rec.early_warning.items()) or None,
            ),
            employer=(
                section(
                    "traject",
                    "Werkgever",
                    tuple((EMPLOYER_LABELS[k], val) for k, val in rec.employer.items()) or None,
                )
                if h.type == "werkgever"
                else None
            ),
            signatures=(
                Party("Persoon", name),
                Party("Outreachwerker", me.name, me.organisation),
                receiver,
            ),
            withheld=tuple(dict.fromkeys(withheld)),
        )
        if not has_consent:
            # No consent and no override: only the parties and the meeting.
            data = FicheData(
                generated_on=data.generated_on,
                document_version=data.document_version,
                person_label=person.alias,
                handover_type=data.handover_type,
                purpose=data.purpose,
                parties=(Party("Persoon", person.alias), *parties[1:]),
                meeting_at=meeting,
                meeting_place=h.place,
                has_consent=False,
                consent_lines=consent_lines,
                signatures=(Party("Persoon", person.alias), *data.signatures[1:]),
                withheld=("Alle inhoud (geen geldige toestemming)",),
            )
        return data

    def export_fiche(
        self,
        handover_id: str,
        out: Path,
        *,
        password: str | None = None,
        override: Override | None = None,
    ) -> FicheData:
        """Write the fiche straight to `out` (which must not exist); audited."""
        from app.documents.fiche import build_fiche

        data = self.fiche_data(handover_id, override, record_override=True)
        buf = io.BytesIO()
        build_fiche(data, buf)
        write_pdf(out, buf.getvalue(), password)
        with self._fc.ctx.transaction() as s:
            self._fc.records.update(
                s, self._get(s, handover_id), {"document_version": data.document_version}
            )
            self._fc.audit.record(
                AuditEvent.FICHE_EXPORTED,
                record_type="handover",
                record_id=handover_id,
                detail="met wachtwoord" if password else None,
                session=s,
            )
        return data

    # --- the person's copy and the MLP summary --------------------------------------------------
    def person_copy_data(self, handover_id: str) -> PersonCopyData:
        fc = self._fc
        h = self.get(handover_id)
        with fc.ctx.read() as s:
            person = detail(self._person(s, h.person_id))
            me = self._me(s)
            worker, phone = me.name, me.phone
        agreements = tuple(
            AgreementLine(
                a.description,
                {"persoon": "U", "werker": worker}.get(a.owner_kind, a.owner_name or "de partner"),
                a.due_on,
            )
            for a in ContactService(fc).agreements(h.person_id, open_only=True)
        )
        steps = []
        if h.planned_at:
            steps.append(
                f"Op {h.planned_at:%d/%m/%Y} om {h.planned_at:%H.%M} uur praten we samen "
                f"met {h.organisation_name}" + (f" in {h.place}." if h.place else ".")
            )
        if h.expected_feedback_on:
            steps.append(
                f"{h.organisation_name} laat iets weten tegen {h.expected_feedback_on:%d/%m/%Y}."
            )
        steps.append(
            f"Heeft u vragen? Bel of stuur een bericht naar {worker}"
            + (f" ({phone})." if phone else ".")
        )
        return PersonCopyData(
            fc.today(),
            person.full_name or person.alias,
            worker,
            phone,
            h.organisation_name,
            h.planned_at,
            h.place,
            agreements,
            tuple(steps),
            worker_email=me.email,
            worker_function=me.function,
        )

    def export_person_copy(self, handover_id: str, out: Path) -> None:
        from app.documents.person_copy import build_person_copy

        data = self.person_copy_data(handover_id)
        buf = io.BytesIO()
        build_person_copy(data, buf)
        write_pdf(out, buf.getvalue(), None)
        self._fc.audit.record(
            AuditEvent.PERSON_COPY_EXPORTED, record_type="handover", record_id=handover_id
        )

    def mlp_summary(self, handover_id: str, override: Override | None = None) -> str:
        """A short trajectory summary for VDAB's Mijn Loopbaan, consent-filtered (purpose mlp)."""
        fc = self._fc
        h = self.get(handover_id)
        extra = self._check_override(h, override, record=True) if override else ()
        scope = self.consents.scope(h.person_id, self.recipient(h), "mlp", override=extra)
        if not scope.has_consent:
            raise ValidationError(
                "Er is geen geldige toestemming om een samenvatting in Mijn Loopbaan te zetten.",
                field="consent",
            )
        voc = fc.vocab
        with fc.ctx.read() as s:
            rec = self._get(s, handover_id)
            person = detail(self._person(s, h.person_id))
            lines = [
                f"Traject bij {self._me(s).organisation or 'de outreachwerking'}, "
                f"fase: {voc['phases'].label(person.phase)}."
            ]
        if scope.allows("motivatie") and rec.job_target:
            lines.append(f"Jobdoelwit: {rec.job_target}.")
        if scope.allows("traject") and h.measure:
            lines.append(
                f"Voorgestelde stap: {voc['measures'].label(h.measure)} bij {h.organisation_name}."
            )
        if scope.allows("competenties") and rec.strengths:
            lines.append(f"Sterktes: {rec.strengths}.")
        if scope.allows("situatie"):
            active = [
                voc["life_domains"].label(d.life_domain)
                for d in SituationService(fc).drempels(h.person_id)
                if d.status in ("actief", "in_behandeling")
                and rule.domain_allowed(
                    _attrs(voc["life_domains"], d.life_domain), scope, "situatie"
                )
            ]
            if active:
                lines.append(f"Aandacht voor: {', '.join(dict.fromkeys(active))}.")
        fc.audit.record(
            AuditEvent.MLP_SUMMARY_COPIED, record_type="handover", record_id=handover_id
        )
        return "\n".join(lines)

    def _me(self, s: Session) -> WorkerRow:
        """This worker's profile: documents say who the person and the receiver can call."""
        me = my_profile(s, self._fc.ctx.device.worker_id)
        if me is None:
            raise ValidationError(
                "Vul eerst uw gegevens in (Instellingen, Uw gegevens): de fiche en de kopie "
                "voor de persoon zeggen wie ze kunnen bellen.",
                field="worker",
            )
        return me

    def _person(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p


def _attrs(vocabulary: Vocabulary, code: str) -> Mapping[str, object]:
    term = vocabulary.term(code)
    return term.attrs if term is not None else {}


def write_pdf(out: Path, pdf: bytes, password: str | None) -> None:
    """Straight to the chosen path, refusing to overwrite; optionally AES-256 (pypdf)."""
    if password is not None:
        if len(password) < 8:
            raise ValidationError(
                "Kies een wachtwoord van minstens 8 tekens voor de PDF.", field="password"
            )
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
        buf = io.BytesIO()
        writer.write(buf)
        pdf = buf.getvalue()
    write_new_file(Path(out), pdf)
