"""People: from a pseudonym met at a vindplaats to a full client file, with their agreement."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.trajectory import FIRST_PHASE, EventKind
from app.errors import DuplicateSuspected, NotFound, ValidationError
from app.models import Organisation, Person, PhaseEventRecord, Vindplaats, Worker
from app.services import search
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso

MAX_ALIAS = 100


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for duplicate checks."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@dataclass(frozen=True)
class PseudonymInput:
    alias: str
    first_met_on: date
    first_met_how: str
    vindplaats_id: str | None = None
    referral_source: str | None = None  # free text, only for referral kind "andere"
    note: str | None = None
    worker_id: str | None = None  # who follows the person; None: this worker
    target_groups: tuple[str, ...] = ()
    referral_kind: str | None = None  # vocabulary referral_sources
    referral_organisation_id: str | None = None  # a partner on the sociale kaart


@dataclass(frozen=True)
class ClientDetails:
    given_name: str
    family_name: str
    agreed_on: date
    date_of_birth: date | None = None
    phone: str | None = None
    national_number: str | None = None
    languages: tuple[str, ...] = ()
    interpreter_needed: bool = False
    interpreter_language: str | None = None
    radar_status: str = "onbekend"
    target_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class DuplicateCandidate:
    person_id: str
    alias: str
    name: str | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PersonDetail:
    id: str
    alias: str
    is_client: bool
    given_name: str | None
    family_name: str | None
    first_met_on: date
    first_met_how: str
    first_met_vindplaats_id: str | None
    referral_source: str | None
    client_since: date | None
    date_of_birth: date | None
    phone: str | None
    national_number: str | None
    languages: tuple[str, ...]
    interpreter_needed: bool
    interpreter_language: str | None
    radar_status: str
    target_groups: tuple[str, ...]
    worker_id: str | None
    note: str | None
    phase: str | None
    low_flame: bool
    closed: bool
    last_contact_at: str | None
    next_contact_at: str | None
    revision: str
    field_clocks: dict[str, str] = field(default_factory=dict, compare=False)
    referral_kind: str | None = None
    referral_organisation_id: str | None = None

    @property
    def full_name(self) -> str | None:
        if not self.is_client:
            return None
        return " ".join(p for p in (self.given_name, self.family_name) if p) or None

    @property
    def initials(self) -> str:
        if self.is_client and self.given_name and self.family_name:
            return f"{self.given_name[0]}.{self.family_name[0]}."
        return self.alias[:1].upper() + "."


def detail(p: Person) -> PersonDetail:
    return PersonDetail(
        id=p.id,
        alias=p.alias,
        is_client=p.is_client,
        given_name=p.given_name,
        family_name=p.family_name,
        first_met_on=date.fromisoformat(p.first_met_on),
        first_met_how=p.first_met_how,
        first_met_vindplaats_id=p.first_met_vindplaats_id,
        referral_source=p.referral_source,
        client_since=from_iso(p.client_since),
        date_of_birth=from_iso(p.date_of_birth),
        phone=p.phone,
        national_number=p.national_number,
        languages=tuple(p.languages),
        interpreter_needed=p.interpreter_needed,
        interpreter_language=p.interpreter_language,
        radar_status=p.radar_status,
        target_groups=tuple(p.target_groups),
        worker_id=p.worker_id,
        note=p.note,
        phase=p.phase,
        low_flame=p.low_flame,
        closed=p.closed,
        last_contact_at=p.last_contact_at,
        next_contact_at=p.next_contact_at,
        revision=p.revision,
        field_clocks=p.clocks(),
        referral_kind=p.referral_kind,
        referral_organisation_id=p.referral_organisation_id,
    )


def index_person(session: Session, p: Person) -> None:
    session.flush()
    search.reindex_person(session, p.id)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


class PeopleService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    # --- validation ------------------------------------------------------------------------
    def _check_pseudonym(self, s: Session, data: PseudonymInput) -> dict[str, object]:
        voc = self._fc.vocab
        alias = v.required(data.alias, "alias", "Een roepnaam of alias")
        if len(alias) > MAX_ALIAS:
            raise ValidationError(f"Een alias heeft hoogstens {MAX_ALIAS} tekens.", field="alias")
        v.not_in_future(data.first_met_on, self._fc.today(), "first_met_on", "De eerste ontmoeting")
        how = voc["first_met"].require(
            data.first_met_how, "first_met_how", "hoe u elkaar ontmoette"
        )
        vindplaats_id = data.vindplaats_id
        if how == "vindplaats" and (
            not vindplaats_id or self._fc.records.live(s, Vindplaats, vindplaats_id) is None
        ):
            raise ValidationError(
                "Kies de vindplaats waar u de persoon ontmoette.", field="vindplaats_id"
            )
        return {
            "alias": alias,
            "first_met_on": data.first_met_on.isoformat(),
            "first_met_how": how,
            "first_met_vindplaats_id": vindplaats_id if how == "vindplaats" else None,
            **self._referral(
                s, how, data.referral_kind, data.referral_organisation_id, data.referral_source
            ),
            "note": (data.note or "").strip() or None,
            "worker_id": self._worker(s, data.worker_id),
            "target_groups": voc["target_groups"].require_all(
                list(data.target_groups), "target_groups", "doelgroepen"
            ),
        }

    def _referral(
        self, s: Session, how: str, kind: str | None, org_id: str | None, text: str | None
    ) -> dict[str, object]:
        """Who referred the person: a partner on the sociale kaart, or a code of the
        referral_sources vocabulary; free text only for "andere". Someone met otherwise keeps
        no referral code (a free text, as before, stays a note of who pointed them out)."""
        none: dict[str, object] = {
            "referral_kind": None,
            "referral_organisation_id": None,
            "referral_source": None,
        }
        text = (text or "").strip() or None
        if how != "doorverwijzing":
            return {**none, "referral_source": text}
        if org_id:
            if self._fc.records.live(s, Organisation, org_id) is None:
                raise ValidationError(
                    "Deze partner staat niet (meer) op de sociale kaart.",
                    field="referral_organisation_id",
                )
            return {**none, "referral_organisation_id": org_id}
        if kind is None and text is not None:
            kind = "andere"  # free text alone: an "other" referrer
        if kind is None:
            raise ValidationError("Wie verwees de persoon door?", field="referral_kind")
        term = self._fc.vocab["referral_sources"].term(kind)
        if term is None:
            raise ValidationError("Kies wie de persoon doorverwees.", field="referral_kind")
        if term.attrs.get("other"):
            if text is None:
                raise ValidationError(
                    "Omschrijf wie de persoon doorverwees.", field="referral_source"
                )
            if len(text) > 200:
                raise ValidationError("Hoogstens 200 tekens.", field="referral_source")
            return {**none, "referral_kind": kind, "referral_source": text}
        return {**none, "referral_kind": kind}

    def _check_client(self, p: Person, d: ClientDetails) -> dict[str, object]:
        voc = self._fc.vocab
        today = self._fc.today()
        given = v.required(d.given_name, "given_name", "De voornaam")
        family = v.required(d.family_name, "family_name", "De familienaam")
        v.not_in_future(d.agreed_on, today, "agreed_on", "De datum van akkoord")
        dob = d.date_of_birth
        if dob is not None:
            v.not_in_future(dob, today, "date_of_birth", "Een geboortedatum")
            if dob > date.fromisoformat(p.first_met_on):
                raise ValidationError(
                    "De geboortedatum ligt na de eerste ontmoeting; kijk beide datums na.",
                    field="date_of_birth",
                )
            if dob.year < 1900:
                raise ValidationError("Die geboortedatum is niet mogelijk.", field="date_of_birth")
        phone = v.normalise_phone(d.phone) if d.phone and d.phone.strip() else None
        nn = None
        if d.national_number and d.national_number.strip():
            nn = v.normalise_national_number(d.national_number)
            encoded = v.birth_date_from_national_number(nn)
            if dob is not None and encoded is not None and encoded != dob:
                raise ValidationError(
                    "Het rijksregisternummer past niet bij de geboortedatum.",
                    field="national_number",
                )
        return {
            "is_client": True,
            "client_since": d.agreed_on.isoformat(),
            "given_name": given,
            "family_name": family,
            "date_of_birth": iso(dob),
            "phone": phone,
            "national_number": nn,
            "languages": [x.strip() for x in d.languages if x.strip()],
            "interpreter_needed": bool(d.interpreter_needed),
            "interpreter_language": (d.interpreter_language or "").strip() or None,
            "radar_status": voc["radar_status"].require(d.radar_status, "radar_status", "de radar"),
            "target_groups": voc["target_groups"].require_all(
                list(d.target_groups), "target_groups", "doelgroepen"
            ),
        }

    def _worker(self, s: Session, worker_id: str | None) -> str:
        if worker_id is None:
            return self._fc.ctx.device.worker_id
        w = self._fc.records.live(s, Worker, worker_id)
        if w is None or not w.active:
            raise ValidationError("Kies een medewerker van het team.", field="worker_id")
        return worker_id

    # --- duplicates ------------------------------------------------------------------------
    def possible_duplicates(
        self,
        *,
        alias: str | None = None,
        given_name: str | None = None,
        family_name: str | None = None,
        date_of_birth: date | None = None,
        phone: str | None = None,
        national_number: str | None = None,
        exclude: str | None = None,
    ) -> list[DuplicateCandidate]:
        with self._fc.ctx.read() as s:
            return self._duplicates(
                s, alias, given_name, family_name, date_of_birth, phone, national_number, exclude
            )

    def _duplicates(
        self,
        s: Session,
        alias: str | None,
        given: str | None,
        family: str | None,
        dob: date | None,
        phone: str | None,
        nn: str | None,
        exclude: str | None,
    ) -> list[DuplicateCandidate]:
        conds = []
        if nn:
            conds.append(Person.national_number == nn)
        if phone:
            conds.append(Person.phone == phone)
        if dob:
            conds.append(Person.date_of_birth == dob.isoformat())
        if family:
            conds.append(Person.family_name.is_not(None))
        if alias:
            conds.append(Person.alias.is_not(None))
        if not conds:
            return []
        rows = s.scalars(select(Person).where(Person.deleted.is_(False), or_(*conds)))
        found: list[DuplicateCandidate] = []
        for p in rows:
            if p.id == exclude:
                continue
            reasons: list[str] = []
            if nn and p.national_number == nn:
                reasons.append("zelfde rijksregisternummer")
            if phone and p.phone == phone:
                reasons.append("zelfde telefoonnummer")
            same_name = (
                family
                and given
                and fold(p.family_name) == fold(family)
                and fold(p.given_name) == fold(given)
            )
            if same_name:
                reasons.append("zelfde naam")
            if (
                dob
                and p.date_of_birth == dob.isoformat()
                and (same_name or fold(p.family_name) == fold(family))
            ):
                reasons.append("zelfde geboortedatum")
            if alias and fold(p.alias) == fold(alias):
                reasons.append("zelfde alias")
            if reasons:
                name = " ".join(x for x in (p.given_name, p.family_name) if x) or None
                found.append(DuplicateCandidate(p.id, p.alias, name, tuple(reasons)))
        return found

    # --- writes ----------------------------------------------------------------------------
    def create_pseudonym(self, data: PseudonymInput, *, allow_duplicate: bool = False) -> str:
        fc = self._fc
        with fc.ctx.transaction() as s:
            values = self._check_pseudonym(s, data)
            if not allow_duplicate:
                dups = self._duplicates(s, str(values["alias"]), None, None, None, None, None, None)
                if dups:
                    raise DuplicateSuspected(list(dups))
            p = fc.records.create(s, Person, values)
            p.phase = FIRST_PHASE
            fc.records.create(
                s,
                PhaseEventRecord,
                {
                    "person_id": p.id,
                    "kind": str(EventKind.PHASE),
                    "on": data.first_met_on.isoformat(),
                    "phase": FIRST_PHASE,
                    "reason": "Eerste contact",
                    "outcome": None,
                },
            )
            index_person(s, p)
            return p.id

    def upgrade_to_client(
        self, person_id: str, details: ClientDetails, *, allow_duplicate: bool = False
    ) -> None:
        """Only with the person's agreement (`details.agreed_on`): the pseudonym becomes a file."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            p = self._get(s, person_id)
            values = self._check_client(p, details)
            if not allow_duplicate:
                dups = self._duplicates(
                    s,
                    None,
                    details.given_name,
                    details.family_name,
                    details.date_of_birth,
                    _opt_str(values["phone"]),
                    _opt_str(values["national_number"]),
                    person_id,
                )
                if dups:
                    raise DuplicateSuspected(list(dups))
            fc.records.update(s, p, values)
            index_person(s, p)

    def update(self, person_id: str, **changes: object) -> bool:
        """Edit fields of a person; validated like creation where it applies."""
        fc = self._fc
        # A person's worker changes by handing them on (TransferService), with history.
        allowed = set(Person.__sync_fields__) - {"deleted", "is_client", "worker_id"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        with fc.ctx.transaction() as s:
            p = self._get(s, person_id)
            if "alias" in changes:
                alias = v.required(str(changes["alias"] or ""), "alias", "Een roepnaam of alias")
                changes["alias"] = alias
            if changes.get("phone"):
                changes["phone"] = v.normalise_phone(str(changes["phone"]))
            if changes.get("national_number"):
                changes["national_number"] = v.normalise_national_number(
                    str(changes["national_number"])
                )
            referral = {"referral_kind", "referral_organisation_id", "referral_source"}
            if referral & set(changes) or "first_met_how" in changes:
                merged = {k: changes.get(k, getattr(p, k)) for k in (*referral, "first_met_how")}
                changes.update(
                    self._referral(
                        s,
                        str(merged["first_met_how"]),
                        _opt_str(merged["referral_kind"]),
                        _opt_str(merged["referral_organisation_id"]),
                        _opt_str(merged["referral_source"]),
                    )
                )
            if "target_groups" in changes:
                groups = changes["target_groups"]
                if not isinstance(groups, list | tuple):
                    raise ValidationError("Doelgroepen zijn een lijst.", field="target_groups")
                changes["target_groups"] = fc.vocab["target_groups"].require_all(
                    [str(g) for g in groups], "target_groups", "doelgroepen"
                )
            changed = fc.records.update(s, p, changes)
            if changed:
                index_person(s, p)
            return changed

    def delete(self, person_id: str) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            p = self._get(s, person_id)
            fc.records.delete(s, p)
            index_person(s, p)
            fc.audit.record(
                AuditEvent.RECORD_DELETED, record_type="person", record_id=person_id, session=s
            )

    # --- reads -----------------------------------------------------------------------------
    def _get(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p

    def get(self, person_id: str) -> PersonDetail:
        with self._fc.ctx.read() as s:
            return detail(self._get(s, person_id))
