"""Contact moments (also attempts, no-shows and group activities) and agreements/to-dos."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.models import Agreement, ContactMoment, ContactPerson, Person, Vindplaats
from app.services import search
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso, iso_minutes
from app.services.local_index import (
    CONTACTS,
    REACHED,
    Debt,
    contact_people_rows,
    refresh_contact_dates,
)

LAST_CHANNEL = "last_channel"
LAST_VINDPLAATS = "last_vindplaats"
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Participant:
    person_id: str
    attended: bool = True


@dataclass(frozen=True)
class OtherParticipant:
    kind: str  # "netwerk" | "professioneel"
    name: str
    organisation: str | None = None
    network_member_id: str | None = None


@dataclass(frozen=True)
class AgreementInput:
    description: str
    owner_kind: str
    owner_name: str | None = None
    due_on: date | None = None
    person_id: str | None = None


@dataclass(frozen=True)
class ContactInput:
    occurred_at: datetime
    channel: str
    people: tuple[Participant, ...]
    status: str = REACHED
    duration_min: int | None = None
    vindplaats_id: str | None = None
    place: str | None = None
    initiator: str = "werker"
    life_domains: tuple[str, ...] = ()
    summary: str = ""
    private_note: str = ""
    next_contact_at: datetime | None = None
    next_contact_note: str | None = None
    others: tuple[OtherParticipant, ...] = ()
    group_activity: str | None = None
    agreements: tuple[AgreementInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ContactRow:
    id: str
    occurred_at: datetime
    duration_min: int | None
    channel: str
    status: str
    vindplaats_id: str | None
    place: str | None
    initiator: str
    life_domains: tuple[str, ...]
    summary: str
    private_note: str
    next_contact_at: datetime | None
    next_contact_note: str | None
    people: tuple[Participant, ...]
    others: tuple[OtherParticipant, ...]
    group_activity: str | None

    @property
    def is_group(self) -> bool:
        return len(self.people) > 1 or bool(self.group_activity)


@dataclass(frozen=True)
class AgreementRow:
    id: str
    person_id: str | None
    contact_id: str | None
    description: str
    owner_kind: str
    owner_name: str | None
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class ContactDefaults:
    occurred_at: datetime
    channel: str
    vindplaats_id: str | None
    status: str = REACHED
    initiator: str = "werker"


def contact_row(c: ContactMoment) -> ContactRow:
    return ContactRow(
        id=c.id,
        occurred_at=datetime.fromisoformat(c.occurred_at),
        duration_min=c.duration_min,
        channel=c.channel,
        status=c.status,
        vindplaats_id=c.vindplaats_id,
        place=c.place,
        initiator=c.initiator,
        life_domains=tuple(c.life_domains),
        summary=c.summary,
        private_note=c.private_note,
        next_contact_at=datetime.fromisoformat(c.next_contact_at) if c.next_contact_at else None,
        next_contact_note=c.next_contact_note,
        people=tuple(Participant(p["person_id"], bool(p.get("attended", True))) for p in c.people),
        others=tuple(
            OtherParticipant(
                o["kind"], o["name"], o.get("organisation"), o.get("network_member_id")
            )
            for o in c.others
        ),
        group_activity=c.group_activity,
    )


def agreement_row(a: Agreement) -> AgreementRow:
    return AgreementRow(
        a.id,
        a.person_id,
        a.contact_id,
        a.description,
        a.owner_kind,
        a.owner_name,
        from_iso(a.due_on),
        from_iso(a.done_on),
    )


def reindex_contact(
    s: Session,
    c: ContactMoment,
    previous_people: Iterable[str] = (),
    debt: Debt | None = None,
) -> None:
    """Rebuild the local indexes of one contact moment: who it concerns, their search
    documents and their cached contact dates (also for people no longer on it). With `debt`,
    the people are only noted there, for a set-wise rebuild later (a pull)."""
    s.execute(delete(ContactPerson).where(ContactPerson.contact_id == c.id))
    if not c.deleted:
        for row in contact_people_rows(c.id, c.people, c.occurred_at, c.status, c.channel):
            s.add(ContactPerson(**row))
    s.flush()
    people = list(dict.fromkeys([*(p["person_id"] for p in c.people), *previous_people]))
    if debt is not None:
        debt.add(CONTACTS, *people)
        return
    refresh_contact_dates(s, people)
    search.reindex_people(s, people)


def refresh_contact_cache(s: Session, person_id: str) -> None:
    refresh_contact_dates(s, [person_id])


class ContactService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    # --- defaults for quick entry ------------------------------------------------------------
    def defaults(self) -> ContactDefaults:
        fc = self._fc
        with fc.ctx.read() as s:
            from app.models import Setting

            def _get(key: str) -> Any:
                row = s.get(Setting, key)
                return None if row is None else row.value.strip('"')

            channel = _get(LAST_CHANNEL) or "vindplaats"
            vp = _get(LAST_VINDPLAATS)
            if vp == "null" or (vp and fc.records.live(s, Vindplaats, vp) is None):
                vp = None
        if channel not in fc.vocab["channels"]:
            channel = "vindplaats"
        return ContactDefaults(
            occurred_at=fc.now().replace(second=0, microsecond=0), channel=channel, vindplaats_id=vp
        )

    # --- validation ----------------------------------------------------------------------------
    def _values(self, s: Session, c: ContactInput) -> dict[str, Any]:
        fc = self._fc
        voc = fc.vocab
        today = fc.today()
        if c.occurred_at.date() > today:
            raise ValidationError(
                "Een contactmoment kan niet na vandaag liggen; plan het als volgend contact.",
                field="occurred_at",
            )
        if c.occurred_at.year < 2000:
            raise ValidationError("Die datum is niet mogelijk.", field="occurred_at")
        if not c.people:
            raise ValidationError("Kies minstens één persoon.", field="people")
        ids = [p.person_id for p in c.people]
        if len(set(ids)) != len(ids):
            raise ValidationError("Dezelfde persoon staat er twee keer in.", field="people")
        for pid in ids:
            if fc.records.live(s, Person, pid) is None:
                raise ValidationError("Een gekozen persoon bestaat niet (meer).", field="people")
        if c.duration_min is not None and not 0 <= c.duration_min <= 24 * 60:
            raise ValidationError("Geef een duur tussen 0 en 1440 minuten.", field="duration_min")
        if c.vindplaats_id and fc.records.live(s, Vindplaats, c.vindplaats_id) is None:
            raise ValidationError("Deze vindplaats bestaat niet (meer).", field="vindplaats_id")
        if c.next_contact_at is not None and c.next_contact_at <= c.occurred_at:
            raise ValidationError(
                "Het volgende contact moet na dit contactmoment liggen.", field="next_contact_at"
            )
        for text_value, name in ((c.summary, "summary"), (c.private_note, "private_note")):
            if len(text_value) > MAX_TEXT:
                raise ValidationError(f"Hoogstens {MAX_TEXT} tekens.", field=name)
        others = []
        for o in c.others:
            if o.kind not in ("netwerk", "professioneel"):
                raise ValidationError("Onbekende soort deelnemer.", field="others")
            if not o.name.strip():
                raise ValidationError("Geef de naam van elke deelnemer.", field="others")
            others.append(
                {
                    "kind": o.kind,
                    "name": o.name.strip(),
                    "organisation": (o.organisation or "").strip() or None,
                    "network_member_id": o.network_member_id,
                }
            )
        return {
            "occurred_at": iso_minutes(c.occurred_at),
            "duration_min": c.duration_min,
            "channel": voc["channels"].require(c.channel, "channel", "het kanaal"),
            "vindplaats_id": c.vindplaats_id or None,
            "place": (c.place or "").strip() or None,
            "initiator": voc["initiators"].require(
                c.initiator, "initiator", "wie het initiatief nam"
            ),
            "status": voc["contact_status"].require(
                c.status, "status", "of de persoon bereikt werd"
            ),
            "life_domains": voc["life_domains"].require_all(
                list(c.life_domains), "life_domains", "levensdomeinen"
            ),
            "summary": c.summary.strip(),
            "private_note": c.private_note.strip(),
            "next_contact_at": iso_minutes(c.next_contact_at),
            "next_contact_note": (c.next_contact_note or "").strip() or None,
            "people": [{"person_id": p.person_id, "attended": p.attended} for p in c.people],
            "others": others,
            "group_activity": (c.group_activity or "").strip() or None,
        }

    def _agreement_values(
        self,
        s: Session,
        a: AgreementInput,
        person_id: str | None,
        contact_id: str | None,
        not_before: date | None,
    ) -> dict[str, Any]:
        voc = self._fc.vocab
        desc = a.description.strip()
        if not desc:
            raise ValidationError("Beschrijf de afspraak.", field="description")
        if not_before is not None and a.due_on is not None and a.due_on < not_before:
            raise ValidationError("De vervaldatum ligt vóór het contactmoment.", field="due_on")
        if person_id is not None and self._fc.records.live(s, Person, person_id) is None:
            raise ValidationError("Deze persoon bestaat niet (meer).", field="person_id")
        return {
            "person_id": person_id,
            "contact_id": contact_id,
            "description": desc,
            "owner_kind": voc["owner_kinds"].require(a.owner_kind, "owner_kind", "de eigenaar"),
            "owner_name": (a.owner_name or "").strip() or None,
            "due_on": iso(a.due_on),
            "done_on": None,
        }

    # --- writes ----------------------------------------------------------------------------
    def create(self, c: ContactInput) -> str:
        with self._fc.ctx.transaction() as s:
            contact = self.create_in(s, c)
            self._remember(s, {"channel": contact.channel, "vindplaats_id": contact.vindplaats_id})
            return contact.id

    def create_in(self, s: Session, c: ContactInput) -> ContactMoment:
        """`create` inside the caller's transaction (e.g. a group session's attendance)."""
        fc = self._fc
        values = self._values(s, c)
        contact = fc.records.create(s, ContactMoment, values)
        s.flush()
        for a in c.agreements:
            fc.records.create(
                s,
                Agreement,
                self._agreement_values(
                    s, a, a.person_id or c.people[0].person_id, contact.id, c.occurred_at.date()
                ),
            )
        reindex_contact(s, contact)
        return contact

    def update(self, contact_id: str, c: ContactInput) -> bool:
        with self._fc.ctx.transaction() as s:
            return self.update_in(s, self._get(s, contact_id), c)

    def update_in(self, s: Session, contact: ContactMoment, c: ContactInput) -> bool:
        """`update` inside the caller's transaction."""
        before = [p["person_id"] for p in contact.people]
        changed = self._fc.records.update(s, contact, self._values(s, c))
        if changed:
            reindex_contact(s, contact, before)
        return changed

    def delete(self, contact_id: str) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            contact = self._get(s, contact_id)
            fc.records.delete(s, contact)
            reindex_contact(s, contact)
            fc.audit.record(
                AuditEvent.RECORD_DELETED,
                record_type="contact_moment",
                record_id=contact_id,
                session=s,
            )

    def _remember(self, s: Session, values: dict[str, Any]) -> None:
        from app.models import Setting

        for key, value in (
            (LAST_CHANNEL, values["channel"]),
            (LAST_VINDPLAATS, values["vindplaats_id"]),
        ):
            encoded = "null" if value is None else f'"{value}"'
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded

    def _get(self, s: Session, contact_id: str) -> ContactMoment:
        c = self._fc.records.live(s, ContactMoment, contact_id)
        if c is None:
            raise NotFound("Dit contactmoment")
        return c

    # --- reads -----------------------------------------------------------------------------
    def get(self, contact_id: str) -> ContactRow:
        with self._fc.ctx.read() as s:
            return contact_row(self._get(s, contact_id))

    def timeline(self, person_id: str, limit: int | None = None) -> list[ContactRow]:
        """Newest first."""
        with self._fc.ctx.read() as s:
            q = (
                select(ContactMoment)
                .join(ContactPerson, ContactPerson.contact_id == ContactMoment.id)
                .where(ContactPerson.person_id == person_id, ContactMoment.deleted.is_(False))
                .order_by(ContactMoment.occurred_at.desc())
            )
            if limit:
                q = q.limit(limit)
            return [contact_row(c) for c in s.scalars(q)]

    # --- agreements --------------------------------------------------------------------------
    def add_agreement(self, a: AgreementInput) -> str:
        fc = self._fc
        with fc.ctx.transaction() as s:
            rec = fc.records.create(
                s, Agreement, self._agreement_values(s, a, a.person_id, None, None)
            )
            return rec.id

    def set_agreement_done(self, agreement_id: str, done_on: date | None) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            a = fc.records.live(s, Agreement, agreement_id)
            if a is None:
                raise NotFound("Deze afspraak")
            if done_on is not None and done_on > fc.today():
                raise ValidationError("Afgewerkt kan niet in de toekomst liggen.", field="done_on")
            fc.records.update(s, a, {"done_on": iso(done_on)})

    def agreements(
        self, person_id: str | None = None, *, open_only: bool = False
    ) -> list[AgreementRow]:
        with self._fc.ctx.read() as s:
            q = select(Agreement).where(Agreement.deleted.is_(False))
            if person_id is not None:
                # Served by ix_agreements_person (person_id, due_on) in due order; "open" is
                # filtered here so the planner has no second index to weigh.
                q = q.where(Agreement.person_id == person_id)
            elif open_only:
                q = q.where(Agreement.done_on.is_(None))
            rows = [agreement_row(a) for a in s.scalars(q.order_by(Agreement.due_on))]
        if open_only:
            rows = [a for a in rows if a.done_on is None]
        # Undated agreements last.
        return sorted(rows, key=lambda a: a.due_on is None)
