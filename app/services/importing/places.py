"""Importing vindplaatsen and the sociale kaart (partners with their contact persons).

Names are unique in both, so a row with the name (or the external id) of an existing one
updates it. A partner sheet often has one row per contact person with the organisation
repeated: the organisation comes from its first row, every row may add a contact person.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.import_values import fold
from app.errors import ValidationError
from app.models import Organisation, OrgContact, Vindplaats
from app.services.importing.rows import (
    Action,
    Env,
    Plan,
    Row,
    external_key,
    merge_text,
    release,
)
from app.services.sharing import OrganisationInput, SocialMapService
from app.services.vindplaatsen import VindplaatsInput, VindplaatsService

_PLACE_TEXTS = ("note", "who_met", "best_times")
_VINDPLAATS_FIELDS = {
    "name": "name",
    "type": "type",
    "contact_phone": "contact_phone",
    "area": "area",
    "address": "address",
    "best_times": "best_times",
    "who_met": "who_met",
    "contact_person": "contact_person",
    "note": "note",
    "active": "active",
    "external_id": "external_id",
}
_VINDPLAATS_LABELS = {
    "name": "Naam",
    "type": "Soort",
    "area": "Wijk of gebied",
    "address": "Adres",
    "best_times": "Beste momenten",
    "who_met": "Wie ontmoet je er",
    "contact_person": "Contactpersoon",
    "contact_phone": "Telefoon",
    "note": "Notitie",
    "active": "Actief",
    "external_id": "Vindplaatsnummer",
}


def _changes(
    row: Row,
    obj: Any,
    values: dict[str, Any],
    provided: set[str],
    texts: tuple[str, ...],
    fields: dict[str, str],
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key in provided:
        if key not in values:
            continue
        new = values[key]
        if key == "name" and fold(str(new)) == fold(str(obj.name)):
            continue  # the same name written otherwise ("vdab gent"): keep the spelling
        if key in texts:
            new, appended = merge_text(getattr(obj, key), new)
            if appended:
                row.warn(fields.get(key), "De tekst in Brugfiguur verschilt: die uit het "
                         "bestand werd eronder toegevoegd.")  # fmt: skip
        if getattr(obj, key) != new:
            changes[key] = new
    return changes


class VindplaatsenImporter:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.service = VindplaatsService(env.fc)
        self.by_name: dict[str, str] = {}
        self.by_ext: dict[str, str] = {}
        self.seen: dict[str, int] = {}

    def load(self, s: Session) -> None:
        for vid, name, ext in s.execute(
            select(Vindplaats.id, Vindplaats.name, Vindplaats.external_id).where(
                Vindplaats.deleted.is_(False)
            )
        ):
            self.by_name[fold(name)] = vid
            if ext:
                self.by_ext[external_key(ext)] = vid

    def plan(self, s: Session, row: Row) -> Plan | None:
        ext = row.text("external_id")
        name = row.text("name")
        kind = row.vocab("type")
        data = {
            k: row.text(k)
            for k in ("area", "address", "best_times", "who_met", "contact_person", "note")
        }
        phone = row.phone("contact_phone")
        active = row.flag("active")
        if name is None and not row.failed:
            row.problem("name", "De naam van de vindplaats ontbreekt.", value="")
        if kind is None and not row.failed:
            row.problem("type", "Het soort vindplaats ontbreekt: vul de kolom 'Soort' in, of "
                        "kies een vaste waarde bij de kolommen.", value="")  # fmt: skip
        if row.failed or name is None or kind is None:
            return None
        earlier = self.seen.get(fold(name))
        if earlier:
            row.problem("name", f"Deze vindplaats staat al in rij {earlier}.")
            return None
        existing_id = (self.by_ext.get(external_key(ext)) if ext else None) or self.by_name.get(
            fold(name)
        )
        existing = s.get(Vindplaats, existing_id) if existing_id else None
        try:
            values = self.service._values(
                s,
                VindplaatsInput(
                    name=name,
                    type=kind,
                    contact_phone=phone,
                    active=True if active is None else active,
                    **data,
                ),
                existing.id if existing is not None else None,
            )
        except ValidationError as exc:
            row.service_error(exc, _VINDPLAATS_FIELDS)
            return None
        if phone is not None:
            values["contact_phone"] = phone
        if ext:
            values["external_id"] = ext
        self.seen[fold(name)] = row.number
        if existing is None:
            plan = Plan(row.number, Action.CREATE, str(uuid.uuid4()), values, [])
        else:
            provided = {"name"} | {k for k, f in _VINDPLAATS_FIELDS.items() if row.has(f)}
            if row.column("type") is None and "type" in self.env.mapping.defaults:
                provided.discard("type")
            changes = _changes(row, existing, values, provided, _PLACE_TEXTS, _VINDPLAATS_FIELDS)
            labels = sorted({_VINDPLAATS_LABELS[k] for k in changes})
            action = Action.UPDATE if changes else Action.UNCHANGED
            plan = Plan(row.number, action, existing.id, changes, [], labels, obj=existing)
            if action is Action.UNCHANGED:
                release(s, existing)
                plan.obj = None
        voc = self.env.vocab
        plan.preview = [("Naam", name), ("Soort", voc["vindplaats_types"].label(kind))]
        for key in ("area", "address", "best_times", "who_met", "contact_person"):
            if values.get(key):
                plan.preview.append((_VINDPLAATS_LABELS[key], str(values[key])))
        if values.get("contact_phone"):
            plan.preview.append(("Telefoon", str(values["contact_phone"])))
        if not values.get("active", True):
            plan.preview.append(("Actief", "nee"))
        return plan

    def write(self, s: Session, plans: list[Plan]) -> None:
        records = self.env.fc.records
        for p in plans:
            if p.action is Action.CREATE:
                records.create(s, Vindplaats, p.values, record_id=p.record_id)
            elif p.action is Action.UPDATE and p.obj is not None:
                records.update(s, p.obj, p.values)
        s.flush()

    def finish(self, s: Session) -> None:
        return None


# --- partners -------------------------------------------------------------------------------------
_ORG_FIELDS = {
    "name": "name",
    "type": "type",
    "life_domains": "life_domains",
    "measures": "measures",
    "address": "address",
    "phone": "phone",
    "email": "email",
    "website": "website",
    "note": "note",
    "external_id": "external_id",
}
_ORG_LABELS = {
    "name": "Organisatie",
    "type": "Soort",
    "life_domains": "Levensdomeinen",
    "measures": "Aanbod",
    "address": "Adres",
    "phone": "Telefoon",
    "email": "E-mail",
    "website": "Website",
    "note": "Notitie",
    "external_id": "Partnernummer",
}
_CONTACT_LABELS = {
    "name": "Contactpersoon",
    "role": "Functie",
    "phone": "Telefoon contactpersoon",
    "email": "E-mail contactpersoon",
}


class PartnersImporter:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.service = SocialMapService(env.fc)
        self.by_name: dict[str, str] = {}
        self.by_ext: dict[str, str] = {}
        self.contacts: dict[tuple[str, str], str] = {}
        self.planned: dict[str, tuple[int, str, dict[str, Any]]] = {}  # org key → row, id, values
        self.seen_contacts: dict[tuple[str, str], int] = {}
        self.counts = {"org_new": 0, "org_updated": 0, "contact_new": 0, "contact_updated": 0}

    def load(self, s: Session) -> None:
        for oid, name, ext in s.execute(
            select(Organisation.id, Organisation.name, Organisation.external_id).where(
                Organisation.deleted.is_(False)
            )
        ):
            self.by_name[fold(name)] = oid
            if ext:
                self.by_ext[external_key(ext)] = oid
        for cid, org_id, name in s.execute(
            select(OrgContact.id, OrgContact.organisation_id, OrgContact.name).where(
                OrgContact.deleted.is_(False)
            )
        ):
            self.contacts[(org_id, fold(name))] = cid

    def plan(self, s: Session, row: Row) -> Plan | None:
        ext = row.text("external_id")
        name = row.text("name")
        kind = row.vocab("type")
        domains = row.vocab_all("life_domains")
        measures = row.vocab_all("measures")
        texts = {k: row.text(k) for k in ("address", "website", "note")}
        phone = row.phone("phone")
        email = row.email("email")
        contact_name = row.text("contact_name")
        role = row.text("contact_role")
        contact_phone = row.phone("contact_phone")
        contact_email = row.email("contact_email")
        if name is None and not row.failed:
            row.problem("name", "De naam van de organisatie ontbreekt.", value="")
        if row.failed or name is None:
            return None
        org_key = external_key(ext) if ext else fold(name)
        planned = self.planned.get(org_key)
        if planned is None and kind is None:
            row.problem("type", "Het soort organisatie ontbreekt: vul de kolom 'Soort' in, of "
                        "kies een vaste waarde bij de kolommen.", value="")  # fmt: skip
            return None
        if planned is not None:
            first_row, org_id, first = planned
            plan = Plan(row.number, Action.UNCHANGED, org_id, {}, [])
            for key, value in (("type", kind), ("phone", phone), ("email", email), *texts.items()):
                if value is not None and first.get(key) not in (None, value):
                    row.warn(_ORG_FIELDS.get(key), f"Andere waarde dan in rij {first_row} voor "
                             "dezelfde organisatie; die uit de eerste rij blijft.")  # fmt: skip
        else:
            assert kind is not None
            try:
                values = self.service._values(
                    OrganisationInput(
                        name=name,
                        type=kind,
                        life_domains=tuple(domains),
                        measures=tuple(measures),
                        phone=phone,
                        email=email,
                        **texts,
                    )
                )
            except ValidationError as exc:
                row.service_error(exc, _ORG_FIELDS)
                return None
            if ext:
                values["external_id"] = ext
            existing_id = (self.by_ext.get(external_key(ext)) if ext else None) or self.by_name.get(
                fold(name)
            )
            existing = s.get(Organisation, existing_id) if existing_id else None
            if existing is not None and existing.deleted:
                existing = None
            if existing is None:
                plan = Plan(row.number, Action.CREATE, str(uuid.uuid4()), values, [])
            else:
                provided = {"name"} | {k for k, f in _ORG_FIELDS.items() if row.has(f)}
                changes = _changes(row, existing, values, provided, ("note",), _ORG_FIELDS)
                labels = sorted({_ORG_LABELS[k] for k in changes})
                action = Action.UPDATE if changes else Action.UNCHANGED
                plan = Plan(row.number, action, existing.id, changes, [], labels, obj=existing)
            plan.extra["first"] = True
            self.planned[org_key] = (row.number, plan.record_id, values)
        voc = self.env.vocab
        first_values = self.planned[org_key][2]
        plan.preview = [
            ("Organisatie", str(first_values["name"])),
            ("Soort", voc["organisation_types"].label(first_values["type"])),
        ]
        if first_values.get("measures"):
            plan.preview.append(
                ("Aanbod", ", ".join(voc["measures"].label(c) for c in first_values["measures"]))
            )
        if contact_name is not None:
            contact = self._contact(
                s, row, plan.record_id, contact_name, role, contact_phone, contact_email
            )
            if contact is None:
                return None
            plan.extra["contact"] = contact
            if planned is not None:
                plan.action = contact["action"]  # a further contact person of the same partner
            elif contact["action"] is not Action.UNCHANGED and plan.action is Action.UNCHANGED:
                plan.action = Action.UPDATE
            if contact["action"] is Action.UPDATE or (
                contact["action"] is Action.CREATE and plan.action is Action.UPDATE
            ):
                plan.changes.append("Contactpersoon")
            plan.preview.append(("Contactpersoon", contact_name + (f" ({role})" if role else "")))
        return plan

    def _contact(
        self,
        s: Session,
        row: Row,
        org_id: str,
        name: str,
        role: str | None,
        phone: str | None,
        email: str | None,
    ) -> dict[str, Any] | None:
        key = (org_id, fold(name))
        earlier = self.seen_contacts.get(key)
        if earlier:
            row.problem("contact_name", f"Deze contactpersoon staat al in rij {earlier}.")
            return None
        self.seen_contacts[key] = row.number
        try:
            values = {
                "organisation_id": org_id,
                "name": v.required(name, "name", "Een naam"),
                "role": role,
                "phone": phone,
                "email": email,
            }
        except ValidationError as exc:
            row.service_error(exc, {"name": "contact_name"})
            return None
        existing_id = self.contacts.get(key)
        existing = s.get(OrgContact, existing_id) if existing_id else None
        if existing is None or existing.deleted:
            return {"action": Action.CREATE, "id": str(uuid.uuid4()), "values": values}
        columns = (("role", "contact_role"), ("phone", "contact_phone"), ("email", "contact_email"))
        provided = {"name"} | {k for k, f in columns if row.has(f)}
        changes = {k: values[k] for k in provided if getattr(existing, k) != values[k]}
        if not changes:
            release(s, existing)
            return {"action": Action.UNCHANGED, "id": existing.id, "values": {}}
        return {"action": Action.UPDATE, "id": existing.id, "values": changes, "obj": existing}

    def write(self, s: Session, plans: list[Plan]) -> None:
        records = self.env.fc.records
        for p in plans:
            if p.extra.get("first") and p.action is Action.CREATE:
                records.create(s, Organisation, p.values, record_id=p.record_id)
                self.counts["org_new"] += 1
            elif p.obj is not None and p.values:
                records.update(s, p.obj, p.values)
                self.counts["org_updated"] += 1
            contact = p.extra.get("contact")
            if contact is None:
                continue
            if contact["action"] is Action.CREATE:
                records.create(s, OrgContact, contact["values"], record_id=contact["id"])
                self.counts["contact_new"] += 1
            elif contact["action"] is Action.UPDATE:
                records.update(s, contact["obj"], contact["values"])
                self.counts["contact_updated"] += 1
        s.flush()

    def finish(self, s: Session) -> None:
        return None

    def details(self) -> list[str]:
        c = self.counts
        return [
            f"Organisaties: {c['org_new']} nieuw, {c['org_updated']} bijgewerkt.",
            f"Contactpersonen: {c['contact_new']} nieuw, {c['contact_updated']} bijgewerkt.",
        ]
