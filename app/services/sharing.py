"""The sociale kaart (partner organisations and their contact persons) and consent records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import consent as rule
from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import Consent, Organisation, OrgContact, Person
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso
from app.services.people import fold

GIVEN_HOW = ("mondeling", "schriftelijk")


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    type: str
    life_domains: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class OrgContactRow:
    id: str
    organisation_id: str
    name: str
    role: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    type: str
    life_domains: tuple[str, ...]
    measures: tuple[str, ...]
    address: str | None
    phone: str | None
    email: str | None
    website: str | None
    note: str | None
    contacts: tuple[OrgContactRow, ...] = ()


@dataclass(frozen=True)
class ConsentInput:
    person_id: str
    categories: tuple[str, ...]
    purposes: tuple[str, ...]
    given_how: str
    given_on: date
    organisation_ids: tuple[str, ...] = ()
    contact_ids: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class ConsentRow:
    id: str
    person_id: str
    categories: tuple[str, ...]
    organisation_ids: tuple[str, ...]
    contact_ids: tuple[str, ...]
    purposes: tuple[str, ...]
    given_how: str
    given_on: date
    valid_from: date
    valid_until: date | None
    withdrawn_on: date | None
    note: str | None
    state: str

    def as_rule(self) -> rule.ConsentRecord:
        return rule.ConsentRecord(
            self.id,
            frozenset(self.categories),
            frozenset(self.organisation_ids),
            frozenset(self.contact_ids),
            frozenset(self.purposes),
            self.valid_from,
            self.valid_until,
            self.withdrawn_on,
        )


def _clean(x: str | None) -> str | None:
    return (x or "").strip() or None


def _phone(x: str | None) -> str | None:
    cleaned = _clean(x)
    return None if cleaned is None else v.normalise_phone(cleaned)


def _org_row(o: Organisation, contacts: list[OrgContact]) -> OrganisationRow:
    return OrganisationRow(
        o.id,
        o.name,
        o.type,
        tuple(o.life_domains),
        tuple(o.measures),
        o.address,
        o.phone,
        o.email,
        o.website,
        o.note,
        tuple(
            OrgContactRow(c.id, c.organisation_id, c.name, c.role, c.phone, c.email)
            for c in contacts
        ),
    )


def consent_row(c: Consent, today: date) -> ConsentRow:
    r = ConsentRow(
        c.id,
        c.person_id,
        tuple(c.categories),
        tuple(c.organisation_ids),
        tuple(c.contact_ids),
        tuple(c.purposes),
        c.given_how,
        date.fromisoformat(c.given_on),
        date.fromisoformat(c.valid_from),
        from_iso(c.valid_until),
        from_iso(c.withdrawn_on),
        c.note,
        "",
    )
    return ConsentRow(**{**r.__dict__, "state": str(r.as_rule().state(today))})


class SocialMapService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _values(self, d: OrganisationInput) -> dict[str, Any]:
        voc = self._fc.vocab
        email = _clean(d.email)
        if email and ("@" not in email or " " in email):
            raise ValidationError("Dit e-mailadres klopt niet.", field="email")
        return {
            "name": v.required(d.name, "name", "Een naam"),
            "type": voc["organisation_types"].require(d.type, "type", "het soort organisatie"),
            "life_domains": voc["life_domains"].require_all(
                list(d.life_domains), "life_domains", "levensdomeinen"
            ),
            "measures": voc["measures"].require_all(list(d.measures), "measures", "het aanbod"),
            "address": _clean(d.address),
            "phone": _phone(d.phone),
            "email": email,
            "website": _clean(d.website),
            "note": _clean(d.note),
        }

    def create(self, d: OrganisationInput) -> str:
        with self._fc.ctx.transaction() as s:
            values = self._values(d)
            for o in s.scalars(select(Organisation).where(Organisation.deleted.is_(False))):
                if fold(o.name) == fold(values["name"]):
                    raise ValidationError(
                        "Deze organisatie staat al op de sociale kaart.", field="name"
                    )
            return self._fc.records.create(s, Organisation, values).id

    def update(self, org_id: str, d: OrganisationInput) -> bool:
        with self._fc.ctx.transaction() as s:
            return self._fc.records.update(s, self._org(s, org_id), self._values(d))

    def add_contact(
        self,
        org_id: str,
        name: str,
        role: str | None = None,
        phone: str | None = None,
        email: str | None = None,
    ) -> str:
        with self._fc.ctx.transaction() as s:
            self._org(s, org_id)
            return self._fc.records.create(
                s,
                OrgContact,
                {
                    "organisation_id": org_id,
                    "name": v.required(name, "name", "Een naam"),
                    "role": _clean(role),
                    "phone": _phone(phone),
                    "email": _clean(email),
                },
            ).id

    def delete(self, org_id: str) -> None:
        with self._fc.ctx.transaction() as s:
            self._fc.records.delete(s, self._org(s, org_id))
            self._fc.audit.record(
                AuditEvent.RECORD_DELETED, record_type="organisation", record_id=org_id, session=s
            )

    def _org(self, s: Session, org_id: str) -> Organisation:
        o = self._fc.records.live(s, Organisation, org_id)
        if o is None:
            raise NotFound("Deze organisatie (niet op de sociale kaart)")
        return o

    def get(self, org_id: str) -> OrganisationRow:
        with self._fc.ctx.read() as s:
            o = self._org(s, org_id)
            return _org_row(o, self._contacts(s, [org_id]).get(org_id, []))

    def contact(self, contact_id: str) -> OrgContactRow:
        with self._fc.ctx.read() as s:
            c = self._fc.records.live(s, OrgContact, contact_id)
            if c is None:
                raise NotFound("Deze contactpersoon (niet op de sociale kaart)")
            return OrgContactRow(c.id, c.organisation_id, c.name, c.role, c.phone, c.email)

    @staticmethod
    def _contacts(s: Session, org_ids: list[str]) -> dict[str, list[OrgContact]]:
        out: dict[str, list[OrgContact]] = {}
        for c in s.scalars(
            select(OrgContact)
            .where(OrgContact.organisation_id.in_(org_ids), OrgContact.deleted.is_(False))
            .order_by(OrgContact.name)
        ):
            out.setdefault(c.organisation_id, []).append(c)
        return out

    def search(
        self, text: str = "", *, life_domain: str | None = None, measure: str | None = None
    ) -> list[OrganisationRow]:
        """Accent-insensitive on name, contact names and notes; filter by domain or offer."""
        needle = fold(text)
        with self._fc.ctx.read() as s:
            orgs = list(
                s.scalars(
                    select(Organisation)
                    .where(Organisation.deleted.is_(False))
                    .order_by(Organisation.name)
                )
            )
            contacts = self._contacts(s, [o.id for o in orgs])
        out = []
        for o in orgs:
            cs = contacts.get(o.id, [])
            hay = fold(" ".join([o.name, o.note or "", *(c.name for c in cs)]))
            if needle and needle not in hay:
                continue
            if life_domain and life_domain not in o.life_domains:
                continue
            if measure and measure not in o.measures:
                continue
            out.append(_org_row(o, cs))
        return out


class ConsentService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _values(self, s: Session, d: ConsentInput) -> dict[str, Any]:
        fc = self._fc
        voc = fc.vocab
        if fc.records.live(s, Person, d.person_id) is None:
            raise NotFound("Deze persoon")
        cats = voc["consent_categories"].require_all(
            list(d.categories), "categories", "de gegevens"
        )
        if not cats:
            raise ValidationError("Kies welke gegevens gedeeld mogen worden.", field="categories")
        purposes = voc["consent_purposes"].require_all(list(d.purposes), "purposes", "het doel")
        if not purposes:
            raise ValidationError("Kies voor welk doel.", field="purposes")
        if not d.organisation_ids and not d.contact_ids:
            raise ValidationError("Kies met wie gedeeld mag worden.", field="recipients")
        for oid in d.organisation_ids:
            if fc.records.live(s, Organisation, oid) is None:
                raise ValidationError(
                    "Een ontvanger staat niet (meer) op de sociale kaart.", field="recipients"
                )
        for cid in d.contact_ids:
            if fc.records.live(s, OrgContact, cid) is None:
                raise ValidationError(
                    "Een contactpersoon staat niet (meer) op de sociale kaart.", field="recipients"
                )
        if d.given_how not in GIVEN_HOW:
            raise ValidationError("Kies mondeling of schriftelijk.", field="given_how")
        v.not_in_future(d.given_on, fc.today(), "given_on", "De datum van de toestemming")
        start = d.valid_from or d.given_on
        if d.valid_until is not None and d.valid_until < start:
            raise ValidationError("'Geldig tot' ligt vóór 'geldig vanaf'.", field="valid_until")
        return {
            "person_id": d.person_id,
            "categories": cats,
            "purposes": purposes,
            "organisation_ids": list(dict.fromkeys(d.organisation_ids)),
            "contact_ids": list(dict.fromkeys(d.contact_ids)),
            "given_how": d.given_how,
            "given_on": d.given_on.isoformat(),
            "valid_from": start.isoformat(),
            "valid_until": iso(d.valid_until),
            "withdrawn_on": None,
            "note": _clean(d.note),
        }

    def record(self, d: ConsentInput) -> str:
        with self._fc.ctx.transaction() as s:
            return self._fc.records.create(s, Consent, self._values(s, d)).id

    def withdraw(self, consent_id: str, on: date) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            c = fc.records.live(s, Consent, consent_id)
            if c is None:
                raise NotFound("Deze toestemming")
            if c.withdrawn_on is not None:
                raise ValidationError("Deze toestemming werd al ingetrokken.")
            v.not_in_future(on, fc.today(), "withdrawn_on", "De intrekking")
            fc.records.update(s, c, {"withdrawn_on": on.isoformat()})

    def for_person(self, person_id: str) -> list[ConsentRow]:
        today = self._fc.today()
        with self._fc.ctx.read() as s:
            return [
                consent_row(c, today)
                for c in s.scalars(
                    select(Consent)
                    .where(Consent.person_id == person_id, Consent.deleted.is_(False))
                    .order_by(Consent.given_on.desc())
                )
            ]

    def expiring(self, within_days: int = 30) -> list[ConsentRow]:
        """Valid consents that end within `within_days` (shown on Vandaag)."""
        today = self._fc.today()
        end = (today + timedelta(days=within_days)).isoformat()
        with self._fc.ctx.read() as s:
            rows = s.scalars(
                select(Consent)
                .where(
                    Consent.deleted.is_(False),
                    Consent.withdrawn_on.is_(None),
                    Consent.valid_until.is_not(None),
                    Consent.valid_until >= today.isoformat(),
                    Consent.valid_until <= end,
                )
                .order_by(Consent.valid_until)
            )
            return [consent_row(c, today) for c in rows]

    def scope(
        self,
        person_id: str,
        recipient: rule.Recipient,
        purpose: str,
        on: date | None = None,
        override: tuple[str, ...] = (),
    ) -> rule.Scope:
        """The consent rule applied to this person's consents."""
        rows = self.for_person(person_id)
        return rule.scope_for(
            (r.as_rule() for r in rows),
            recipient,
            purpose,
            on or self._fc.today(),
            override=override,
        )
