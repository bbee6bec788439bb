"""Importing contact moments and agreements about people already in the vault.

A contact row updates an earlier import of itself when it has the same external id or, without
one, the same people, moment and channel; an agreement row when it has the same external id or
the same person and description. Local indexes (who a contact concerns, contact dates, search)
are rebuilt set-wise once at the end, as after a sync pull.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from app.domain.import_values import fold, one_line
from app.errors import ValidationError
from app.models import Agreement, ContactMoment, ContactPerson, Organisation, Person, Vindplaats
from app.services.base import iso, iso_minutes
from app.services.contacts import AgreementInput, ContactInput, ContactService, Participant
from app.services.importing.people import PeopleIndex, resolve_people
from app.services.importing.rows import (
    Action,
    Env,
    Plan,
    Row,
    at,
    external_key,
    merge_text,
    release,
    show_date,
    show_iso,
)
from app.services.local_index import CONTACTS, Debt, contact_people_rows, rebuild_people

_CONTACT_FIELDS = {
    "occurred_at": "occurred_on",
    "channel": "channel",
    "people": "person",
    "duration_min": "duration",
    "vindplaats_id": "vindplaats",
    "next_contact_at": "next_contact",
    "summary": "summary",
    "private_note": "private_note",
    "initiator": "initiator",
    "status": "status",
    "life_domains": "life_domains",
    "description": "agreement",
    "due_on": "agreement_due",
}
_CONTACT_TEXTS = ("summary", "private_note")
# The live contact moments of a person (contact_people holds live ones only).
_MOMENTS = select(ContactPerson.occurred_at, ContactPerson.contact_id).where(
    ContactPerson.person_id == bindparam("person")
)
_CONTACT_LABELS = {
    "occurred_at": "Datum",
    "channel": "Kanaal",
    "people": "Persoon",
    "duration_min": "Duur (min)",
    "vindplaats_id": "Vindplaats",
    "place": "Plaats",
    "next_contact_at": "Volgend contact",
    "summary": "Samenvatting",
    "private_note": "Privénotitie",
    "initiator": "Initiatief",
    "status": "Bereikt",
    "life_domains": "Levensdomeinen",
    "external_id": "Contactnummer",
}


def _people_shown(index: PeopleIndex, ids: list[str]) -> str:
    return "; ".join(index.info[i].shown() for i in ids if i in index.info)


class ContactsImporter:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.service = ContactService(env.fc)
        self.index = PeopleIndex()
        self.by_ext: dict[str, str] = {}
        self.vindplaatsen: dict[str, tuple[str, str]] = {}
        self.seen: dict[tuple[Any, ...], int] = {}
        self.seen_ext: dict[str, int] = {}
        self.debt = Debt()
        self.moments: dict[str, dict[str, list[str]]] = {}
        self._held: list[object] = []

    def load(self, s: Session) -> None:
        self.index = PeopleIndex.load(s)
        # Held here so the session's identity map keeps them: the contact service's checks get
        # every participant and vindplaats, which would otherwise be read again for each row.
        self._held = [
            *s.scalars(select(Person).where(Person.deleted.is_(False))),
            *s.scalars(select(Vindplaats).where(Vindplaats.deleted.is_(False))),
        ]
        self.by_ext = {
            external_key(ext or ""): cid
            for cid, ext in s.execute(
                select(ContactMoment.id, ContactMoment.external_id).where(
                    ContactMoment.external_id.is_not(None), ContactMoment.deleted.is_(False)
                )
            )
        }
        self.vindplaatsen = {
            fold(name): (vid, name)
            for vid, name in s.execute(
                select(Vindplaats.id, Vindplaats.name).where(Vindplaats.deleted.is_(False))
            )
        }

    def plan(self, s: Session, row: Row) -> Plan | None:
        env = self.env
        ext = row.text("external_id")
        people = resolve_people(row, self.index, single=False)
        moment = row.moment("occurred_on")
        clock = row.clock("occurred_time")
        channel = row.vocab("channel")
        duration = row.minutes("duration")
        status = row.vocab("status", default="bereikt")
        initiator = row.vocab("initiator", default="werker")
        domains = row.vocab_all("life_domains")
        summary = row.text("summary")
        private = row.text("private_note")
        nxt = row.moment("next_contact", future_ok=True)
        agreement = row.text("agreement")
        agreement_due = row.day("agreement_due", future_ok=True)
        where = row.text("vindplaats")
        if moment is None and not row.has("occurred_on"):
            row.problem("occurred_on", "De datum van het contact ontbreekt.", value="")
        if channel is None and not row.failed:
            row.problem(
                "channel",
                "Het kanaal ontbreekt: vul de kolom 'Kanaal' in, of kies een vaste waarde bij "
                "de kolommen.",
                value="",
            )
        if row.failed or moment is None or channel is None:
            return None
        occurred = at(moment[0], moment[1] or clock)
        vindplaats_id, place = None, None
        if where is not None:
            found = self.vindplaatsen.get(fold(where))
            vindplaats_id, place = (found[0], None) if found else (None, where)
        next_at = None if nxt is None else at(nxt[0], nxt[1])
        contact = ContactInput(
            occurred_at=occurred,
            channel=channel,
            people=tuple(Participant(pid) for pid in people),
            status=status or "bereikt",
            duration_min=duration,
            vindplaats_id=vindplaats_id,
            place=place,
            initiator=initiator or "werker",
            life_domains=tuple(domains),
            summary=summary or "",
            private_note=private or "",
            next_contact_at=next_at,
        )
        try:
            values = self.service._values(s, contact)
            agreement_values = None
            if agreement:
                agreement_values = self.service._agreement_values(
                    s,
                    AgreementInput(agreement, "werker", due_on=agreement_due),
                    people[0],
                    None,
                    occurred.date(),
                )
        except ValidationError as exc:
            row.service_error(exc, _CONTACT_FIELDS)
            return None
        if ext:
            values["external_id"] = ext

        # --- which contact --------------------------------------------------------------------
        key = (frozenset(people), values["occurred_at"], channel)
        if ext:
            earlier = self.seen_ext.get(external_key(ext))
            if earlier:
                row.problem("external_id", f"Dit contactnummer staat al in rij {earlier}.")
                return None
            self.seen_ext[external_key(ext)] = row.number
        earlier = self.seen.get(key)
        if earlier and not ext:
            row.problem(
                None,
                f"Hetzelfde contact (persoon, tijdstip en kanaal) staat al in rij {earlier}.",
                value=f"{show_iso(values['occurred_at'])} {env.label('channels', channel)}",
            )
            return None
        self.seen.setdefault(key, row.number)
        existing = self._existing(s, ext, people, values["occurred_at"], channel)
        if existing is None:
            plan = Plan(row.number, Action.CREATE, str(uuid.uuid4()), values, [])
        else:
            plan = self._update(s, row, existing, values)
        if agreement_values is not None:
            plan.extra["agreement"] = agreement_values
            if plan.action is Action.UNCHANGED and not self._has_agreement(
                s, plan.record_id, str(agreement_values["description"])
            ):
                plan.action = Action.UPDATE
                plan.changes.append("Afspraak")
            elif plan.action is not Action.CREATE and self._has_agreement(
                s, plan.record_id, str(agreement_values["description"])
            ):
                plan.extra.pop("agreement")
        if self.env.previewing:
            plan.preview = self._preview(values, people, agreement_values)
        return plan

    def _existing(
        self, s: Session, ext: str | None, people: list[str], occurred_at: str, channel: str
    ) -> ContactMoment | None:
        if ext:
            cid = self.by_ext.get(external_key(ext))
            return None if cid is None else s.get(ContactMoment, cid)
        for cid in self._moments(s, people[0]).get(occurred_at, ()):
            c = s.get(ContactMoment, cid)
            if (
                c is not None
                and not c.deleted
                and c.channel == channel
                and {p["person_id"] for p in c.people} == set(people)
            ):
                return c
            release(s, c)
        return None

    def _moments(self, s: Session, person_id: str) -> dict[str, list[str]]:
        """A person's live contact moments by moment, read once per person (not per row)."""
        found = self.moments.get(person_id)
        if found is None:
            found = {}
            for occurred_at, cid in s.connection().execute(_MOMENTS, {"person": person_id}):
                found.setdefault(occurred_at, []).append(cid)
            self.moments[person_id] = found
        return found

    def _update(self, s: Session, row: Row, c: ContactMoment, values: dict[str, Any]) -> Plan:
        provided = {k for k, f in _CONTACT_FIELDS.items() if row.has(f)} | {
            "occurred_at",
            "channel",
            "people",
        }
        if row.has("vindplaats"):
            provided |= {"vindplaats_id", "place"}
        if row.has("occurred_time"):
            provided.add("occurred_at")
        if values.get("external_id"):
            provided.add("external_id")
        changes: dict[str, Any] = {}
        for key in provided:
            if key not in values:
                continue
            new = values[key]
            if key in _CONTACT_TEXTS:
                new, appended = merge_text(getattr(c, key) or None, new or None)
                new = new or ""
                if appended:
                    row.warn(_CONTACT_FIELDS[key], "De tekst in Brugfiguur verschilt: die uit "
                             "het bestand werd eronder toegevoegd.")  # fmt: skip
            if key == "people":
                old = {p["person_id"]: p for p in c.people}
                new = [old.get(p["person_id"], p) for p in new]
                if {p["person_id"] for p in c.people} == {p["person_id"] for p in new}:
                    continue
            if getattr(c, key) != new:
                changes[key] = new
        labels = sorted({_CONTACT_LABELS.get(k, k) for k in changes})
        action = Action.UPDATE if changes else Action.UNCHANGED
        plan = Plan(row.number, action, c.id, changes, [], labels, obj=c)
        plan.extra["before"] = [p["person_id"] for p in c.people]
        if action is Action.UNCHANGED:
            release(s, c)
            plan.obj = None
        return plan

    @staticmethod
    def _has_agreement(s: Session, contact_id: str, description: str) -> bool:
        return any(
            fold(d) == fold(description)
            for d in s.scalars(
                select(Agreement.description).where(
                    Agreement.contact_id == contact_id, Agreement.deleted.is_(False)
                )
            )
        )

    def _preview(
        self, values: dict[str, Any], people: list[str], agreement: dict[str, Any] | None
    ) -> list[tuple[str, str]]:
        voc = self.env.vocab
        out = [
            ("Persoon", _people_shown(self.index, people)),
            ("Datum", show_iso(values["occurred_at"])),
            ("Kanaal", voc["channels"].label(values["channel"])),
            ("Bereikt", voc["contact_status"].label(values["status"])),
        ]
        if values.get("duration_min") is not None:
            out.append(("Duur (min)", str(values["duration_min"])))
        if values.get("vindplaats_id"):
            name = next(
                (n for i, n in self.vindplaatsen.values() if i == values["vindplaats_id"]), ""
            )
            out.append(("Vindplaats", name))
        if values.get("place"):
            out.append(("Plaats", str(values["place"])))
        if values.get("initiator") and values["initiator"] != "werker":
            out.append(("Initiatief", voc["initiators"].label(values["initiator"])))
        if values.get("life_domains"):
            out.append(
                (
                    "Levensdomeinen",
                    ", ".join(voc["life_domains"].label(c) for c in values["life_domains"]),
                )
            )
        for key in ("summary", "private_note", "external_id"):
            if values.get(key):
                out.append((_CONTACT_LABELS[key], str(values[key])))
        if values.get("next_contact_at"):
            out.append(("Volgend contact", show_iso(values["next_contact_at"])))
        if agreement is not None:
            due = agreement.get("due_on")
            out.append(
                (
                    "Afspraak",
                    str(agreement["description"]) + (f" (tegen {show_iso(due)})" if due else ""),
                )
            )
        return out

    def write(self, s: Session, plans: list[Plan]) -> None:
        records = self.env.fc.records
        new = [p for p in plans if p.action is Action.CREATE]
        records.create_many(s, ContactMoment, [(p.record_id, p.values) for p in new])
        rows: list[dict[str, Any]] = []
        for p in new:
            v = p.values
            rows += contact_people_rows(
                p.record_id, v["people"], v["occurred_at"], v["status"], v["channel"]
            )
            self.debt.add(CONTACTS, *(x["person_id"] for x in v["people"]))
        if rows:
            s.execute(insert(ContactPerson), rows)
        from app.services.contacts import reindex_contact

        for p in plans:
            if p.action is Action.UPDATE and p.obj is not None and p.values:
                assert isinstance(p.obj, ContactMoment)
                records.update(s, p.obj, p.values)
                reindex_contact(s, p.obj, p.extra.get("before", ()), self.debt)
        agreements = []
        for p in plans:
            a = p.extra.get("agreement")
            if a is not None:
                agreements.append((str(uuid.uuid4()), {**a, "contact_id": p.record_id}))
        records.create_many(s, Agreement, agreements)
        s.flush()
        for p in plans:
            release(s, p.obj)

    def finish(self, s: Session) -> None:
        rebuild_people(s, self.env.vocab, sorted(self.debt), self.debt)


# --- agreements ----------------------------------------------------------------------------------
_AGREEMENT_FIELDS = {
    "description": "description",
    "owner_kind": "owner",
    "due_on": "due_on",
    "person_id": "person",
    "done_on": "done_on",
}
_AGREEMENT_LABELS = {
    "description": "Afspraak",
    "owner_kind": "Wie",
    "owner_name": "Wie",
    "due_on": "Tegen",
    "done_on": "Afgewerkt",
    "external_id": "Afspraaknummer",
}


class AgreementsImporter:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.service = ContactService(env.fc)
        self.index = PeopleIndex()
        self.by_ext: dict[str, str] = {}
        self.by_text: dict[tuple[str, str], str] = {}
        self.partners: dict[str, str] = {}
        self.seen: dict[tuple[str, str], int] = {}
        self._held: list[object] = []

    def load(self, s: Session) -> None:
        self.index = PeopleIndex.load(s)
        self._held = list(s.scalars(select(Person).where(Person.deleted.is_(False))))
        for aid, person_id, description, ext in s.execute(
            select(
                Agreement.id, Agreement.person_id, Agreement.description, Agreement.external_id
            ).where(Agreement.deleted.is_(False))
        ):
            if ext:
                self.by_ext[external_key(ext)] = aid
            self.by_text.setdefault((person_id or "", fold(description)), aid)
        self.partners = {
            fold(name): name
            for (name,) in s.execute(
                select(Organisation.name).where(Organisation.deleted.is_(False))
            )
        }

    def _owner(self, row: Row) -> tuple[str, str | None]:
        raw = row.read("owner", one_line)
        if raw is None:
            return self.env.mapping.defaults.get("owner", "werker"), None
        partner = self.partners.get(fold(raw))
        if partner is not None:
            return "partner", partner
        found = self.env.match("owner", raw)
        if found.code is None:
            row.unknown_value("owner", raw)
            return "werker", None
        # "Jan" mapped to Werker keeps the name; "De persoon" itself is no name.
        name = raw if found.how in ("chosen", "abbreviation") and found.how != "label" else None
        return found.code, name

    def plan(self, s: Session, row: Row) -> Plan | None:
        ext = row.text("external_id")
        people = resolve_people(row, self.index, single=True)
        description = row.text("description")
        kind, owner_name = self._owner(row)
        due = row.day("due_on", future_ok=True)
        done = self._done(row)
        if description is None and not row.failed:
            row.problem("description", "Beschrijf de afspraak.", value="")
        if row.failed or description is None or not people:
            return None
        person_id = people[0]
        try:
            values = self.service._agreement_values(
                s, AgreementInput(description, kind, owner_name, due, person_id), person_id,
                None, None,
            )  # fmt: skip
        except ValidationError as exc:
            row.service_error(exc, _AGREEMENT_FIELDS)
            return None
        values["done_on"] = iso(done)
        if ext:
            values["external_id"] = ext
        key = (person_id, fold(description))
        earlier = self.seen.get(key)
        if earlier:
            row.problem(
                "description", f"Dezelfde afspraak voor deze persoon staat al in rij {earlier}."
            )
            return None
        self.seen[key] = row.number
        existing_id = self.by_ext.get(external_key(ext)) if ext else None
        if existing_id is None:
            existing_id = self.by_text.get(key)
        existing = s.get(Agreement, existing_id) if existing_id else None
        if existing is None or existing.deleted:
            plan = Plan(row.number, Action.CREATE, str(uuid.uuid4()), values, [])
        else:
            provided = {"description", "person_id", "contact_id"} | {
                k for k, f in _AGREEMENT_FIELDS.items() if row.has(f)
            }
            if row.has("owner"):
                provided.add("owner_name")
            if ext:
                provided.add("external_id")
            provided -= {"contact_id", "person_id"}
            changes = {
                k: values[k] for k in provided if k in values and getattr(existing, k) != values[k]
            }
            labels = sorted({_AGREEMENT_LABELS.get(k, k) for k in changes})
            action = Action.UPDATE if changes else Action.UNCHANGED
            plan = Plan(row.number, action, existing.id, changes, [], labels, obj=existing)
            if action is Action.UNCHANGED:
                release(s, existing)
                plan.obj = None
        voc = self.env.vocab
        if self.env.previewing:
            plan.preview = [
                ("Persoon", _people_shown(self.index, people)),
                ("Afspraak", description),
                (
                    "Wie",
                    voc["owner_kinds"].label(kind) + (f" ({owner_name})" if owner_name else ""),
                ),
            ]
            if due:
                plan.preview.append(("Tegen", show_date(due)))
            if done:
                plan.preview.append(("Afgewerkt", show_date(done)))
        return plan

    def _done(self, row: Row) -> date | None:
        raw = row.raw("done_on")
        if not row.has("done_on"):
            return None
        if isinstance(raw, date | datetime) or (
            isinstance(raw, str) and any(c.isdigit() for c in raw) and len(raw.strip()) > 2
        ):
            done = row.day("done_on")
        else:
            flag = row.flag("done_on")
            done = self.env.today if flag else None
        if done is not None and done > self.env.today:
            row.problem("done_on", "Afgewerkt kan niet in de toekomst liggen.")
            return None
        return done

    def write(self, s: Session, plans: list[Plan]) -> None:
        records = self.env.fc.records
        new = [p for p in plans if p.action is Action.CREATE]
        records.create_many(s, Agreement, [(p.record_id, p.values) for p in new])
        for p in plans:
            if p.action is Action.UPDATE and p.obj is not None and p.values:
                records.update(s, p.obj, p.values)
        s.flush()
        for p in plans:
            release(s, p.obj)

    def finish(self, s: Session) -> None:
        return None


__all__ = ["AgreementsImporter", "ContactsImporter", "iso_minutes"]
