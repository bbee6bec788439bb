"""Vindplaatsen and their presence log with anonymous tallies (which belong to no person)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import ContactMoment, PresenceLog, Vindplaats
from app.services.audit import AuditEvent
from app.services.base import FieldContext


@dataclass(frozen=True)
class VindplaatsInput:
    name: str
    type: str
    area: str | None = None
    address: str | None = None
    best_times: str | None = None
    who_met: str | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    note: str | None = None
    active: bool = True


@dataclass(frozen=True)
class VindplaatsRow:
    id: str
    name: str
    type: str
    area: str | None
    address: str | None
    best_times: str | None
    who_met: str | None
    contact_person: str | None
    contact_phone: str | None
    note: str | None
    active: bool
    presence_count: int = 0
    contact_count: int = 0
    last_presence_on: date | None = None


@dataclass(frozen=True)
class PresenceInput:
    vindplaats_id: str
    on: date
    people_spoken: int
    age_bands: dict[str, int]
    topics: tuple[str, ...] = ()
    duration_min: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class PresenceRow:
    id: str
    vindplaats_id: str
    on: date
    people_spoken: int
    age_bands: dict[str, int]
    topics: tuple[str, ...]
    duration_min: int | None
    note: str | None


def _row(
    x: Vindplaats, presences: int = 0, contacts: int = 0, last: str | None = None
) -> VindplaatsRow:
    return VindplaatsRow(
        x.id,
        x.name,
        x.type,
        x.area,
        x.address,
        x.best_times,
        x.who_met,
        x.contact_person,
        x.contact_phone,
        x.note,
        x.active,
        presences,
        contacts,
        date.fromisoformat(last) if last else None,
    )


class VindplaatsService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _values(self, s: Session, d: VindplaatsInput, exclude: str | None) -> dict[str, Any]:
        name = v.required(d.name, "name", "Een naam")
        dup = s.scalar(
            select(Vindplaats.id).where(
                func.lower(Vindplaats.name) == name.lower(),
                Vindplaats.deleted.is_(False),
                Vindplaats.id != (exclude or ""),
            )
        )
        if dup:
            raise ValidationError("Er bestaat al een vindplaats met deze naam.", field="name")
        phone = v.normalise_phone(d.contact_phone, "contact_phone") if d.contact_phone else None
        return {
            "name": name,
            "type": self._fc.vocab["vindplaats_types"].require(
                d.type, "type", "het soort vindplaats"
            ),
            "area": (d.area or "").strip() or None,
            "address": (d.address or "").strip() or None,
            "best_times": (d.best_times or "").strip() or None,
            "who_met": (d.who_met or "").strip() or None,
            "contact_person": (d.contact_person or "").strip() or None,
            "contact_phone": phone,
            "note": (d.note or "").strip() or None,
            "active": d.active,
        }

    def create(self, d: VindplaatsInput) -> str:
        with self._fc.ctx.transaction() as s:
            return self._fc.records.create(s, Vindplaats, self._values(s, d, None)).id

    def update(self, vindplaats_id: str, d: VindplaatsInput) -> bool:
        with self._fc.ctx.transaction() as s:
            x = self._get(s, vindplaats_id)
            return self._fc.records.update(s, x, self._values(s, d, vindplaats_id))

    def delete(self, vindplaats_id: str) -> None:
        with self._fc.ctx.transaction() as s:
            self._fc.records.delete(s, self._get(s, vindplaats_id))
            self._fc.audit.record(
                AuditEvent.RECORD_DELETED,
                record_type="vindplaats",
                record_id=vindplaats_id,
                session=s,
            )

    def _get(self, s: Session, vindplaats_id: str) -> Vindplaats:
        x = self._fc.records.live(s, Vindplaats, vindplaats_id)
        if x is None:
            raise NotFound("Deze vindplaats")
        return x

    def all(self, *, include_inactive: bool = True) -> list[VindplaatsRow]:
        with self._fc.ctx.read() as s:
            pres = dict(
                (r[0], (r[1], r[2]))
                for r in s.execute(
                    select(PresenceLog.vindplaats_id, func.count(), func.max(PresenceLog.on))
                    .where(PresenceLog.deleted.is_(False))
                    .group_by(PresenceLog.vindplaats_id)
                )
            )
            contacts = dict(
                (r[0], r[1])
                for r in s.execute(
                    select(ContactMoment.vindplaats_id, func.count())
                    .where(
                        ContactMoment.deleted.is_(False), ContactMoment.vindplaats_id.is_not(None)
                    )
                    .group_by(ContactMoment.vindplaats_id)
                )
            )
            q = select(Vindplaats).where(Vindplaats.deleted.is_(False)).order_by(Vindplaats.name)
            if not include_inactive:
                q = q.where(Vindplaats.active.is_(True))
            out = []
            for x in s.scalars(q):
                n, last = pres.get(x.id, (0, None))
                out.append(_row(x, n, contacts.get(x.id, 0), last))
            return out

    def get(self, vindplaats_id: str) -> VindplaatsRow:
        with self._fc.ctx.read() as s:
            return _row(self._get(s, vindplaats_id))

    # --- presence log ------------------------------------------------------------------------
    def log_presence(self, d: PresenceInput) -> str:
        fc = self._fc
        voc = fc.vocab
        with fc.ctx.transaction() as s:
            self._get(s, d.vindplaats_id)
            v.not_in_future(d.on, fc.today(), "on", "Een aanwezigheid")
            if not 0 <= d.people_spoken <= 10_000:
                raise ValidationError("Geef een aantal tussen 0 en 10000.", field="people_spoken")
            bands = {}
            for band, n in d.age_bands.items():
                voc["age_bands"].require(band, "age_bands", "de leeftijdsgroep")
                if not isinstance(n, int) or n < 0:
                    raise ValidationError(
                        "Aantallen per leeftijdsgroep zijn positief.", field="age_bands"
                    )
                if n:
                    bands[band] = n
            if sum(bands.values()) > d.people_spoken:
                raise ValidationError(
                    "De leeftijdsgroepen tellen samen meer mensen dan er gesproken werden.",
                    field="age_bands",
                )
            values = {
                "vindplaats_id": d.vindplaats_id,
                "on": d.on.isoformat(),
                "duration_min": d.duration_min,
                "people_spoken": d.people_spoken,
                "age_bands": bands,
                "topics": voc["life_domains"].require_all(list(d.topics), "topics", "onderwerpen"),
                "note": (d.note or "").strip() or None,
            }
            return fc.records.create(s, PresenceLog, values).id

    def presence_log(self, vindplaats_id: str) -> list[PresenceRow]:
        with self._fc.ctx.read() as s:
            rows = s.scalars(
                select(PresenceLog)
                .where(PresenceLog.vindplaats_id == vindplaats_id, PresenceLog.deleted.is_(False))
                .order_by(PresenceLog.on.desc())
            )
            return [
                PresenceRow(
                    r.id,
                    r.vindplaats_id,
                    date.fromisoformat(r.on),
                    r.people_spoken,
                    dict(r.age_bands),
                    tuple(r.topics),
                    r.duration_min,
                    r.note,
                )
                for r in rows
            ]
