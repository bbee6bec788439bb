"""The network around a person, drempels per life domain, and work-readiness (kept apart)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import DrempelRecord, NetworkMember, Person, SyncedRecord, WorkReadinessItem
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso

R = TypeVar("R", bound=SyncedRecord)
ASSESSMENTS = ("sterk", "voldoende", "werkpunt")


@dataclass(frozen=True)
class NetworkInput:
    kind: str  # informeel | professioneel
    relation: str
    name: str
    organisation: str | None = None
    life_domains: tuple[str, ...] = ()
    contact_person: str | None = None
    phone: str | None = None
    since: date | None = None
    holds_file: bool = False
    note: str | None = None


@dataclass(frozen=True)
class NetworkRow:
    id: str
    person_id: str
    kind: str
    relation: str
    name: str
    organisation: str | None
    life_domains: tuple[str, ...]
    contact_person: str | None
    phone: str | None
    since: date | None
    holds_file: bool
    note: str | None


@dataclass(frozen=True)
class DrempelInput:
    life_domain: str
    status: str
    drempel: str | None = None
    since: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class DrempelRow:
    id: str
    person_id: str
    life_domain: str
    drempel: str | None
    status: str
    since: date | None
    note: str | None


@dataclass(frozen=True)
class WorkReadinessRow:
    id: str
    person_id: str
    item: str
    assessment: str
    note: str | None


class SituationService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _person(self, s: Session, person_id: str) -> None:
        if self._fc.records.live(s, Person, person_id) is None:
            raise NotFound("Deze persoon")

    def _live(self, s: Session, model: type[R], record_id: str, what: str) -> R:
        x = self._fc.records.live(s, model, record_id)
        if x is None:
            raise NotFound(what)
        return x

    # --- network -----------------------------------------------------------------------------
    def _network_values(self, d: NetworkInput) -> dict[str, Any]:
        voc = self._fc.vocab
        rel = voc["network_relations"].require(d.relation, "relation", "de relatie")
        kind = voc["network_relations"].term(rel) or None
        expected = kind.attrs.get("kind") if kind else None
        if d.kind not in ("informeel", "professioneel"):
            raise ValidationError("Kies informeel of professioneel.", field="kind")
        if expected and expected != d.kind:
            raise ValidationError("Deze relatie past niet bij de gekozen soort.", field="relation")
        if d.since is not None:
            v.not_in_future(d.since, self._fc.today(), "since", "'Sinds'")
        return {
            "kind": d.kind,
            "relation": rel,
            "name": v.required(d.name, "name", "Een naam"),
            "organisation": (d.organisation or "").strip() or None,
            "life_domains": voc["life_domains"].require_all(
                list(d.life_domains), "life_domains", "levensdomeinen"
            ),
            "contact_person": (d.contact_person or "").strip() or None,
            "phone": v.normalise_phone(d.phone) if d.phone else None,
            "since": iso(d.since),
            "holds_file": d.holds_file,
            "note": (d.note or "").strip() or None,
        }

    def add_network_member(self, person_id: str, d: NetworkInput) -> str:
        with self._fc.ctx.transaction() as s:
            self._person(s, person_id)
            values = {"person_id": person_id, **self._network_values(d)}
            return self._fc.records.create(s, NetworkMember, values).id

    def update_network_member(self, member_id: str, d: NetworkInput) -> bool:
        with self._fc.ctx.transaction() as s:
            m = self._live(s, NetworkMember, member_id, "Dit netwerklid")
            return self._fc.records.update(s, m, self._network_values(d))

    def network(self, person_id: str) -> list[NetworkRow]:
        with self._fc.ctx.read() as s:
            rows = s.scalars(
                select(NetworkMember)
                .where(NetworkMember.person_id == person_id, NetworkMember.deleted.is_(False))
                .order_by(NetworkMember.kind, NetworkMember.name)
            )
            return [
                NetworkRow(
                    m.id,
                    m.person_id,
                    m.kind,
                    m.relation,
                    m.name,
                    m.organisation,
                    tuple(m.life_domains),
                    m.contact_person,
                    m.phone,
                    from_iso(m.since),
                    m.holds_file,
                    m.note,
                )
                for m in rows
            ]

    # --- drempels ----------------------------------------------------------------------------
    def _drempel_values(self, d: DrempelInput) -> dict[str, Any]:
        voc = self._fc.vocab
        domain = voc["life_domains"].require(d.life_domain, "life_domain", "het levensdomein")
        drempel = None
        if d.drempel:
            drempel = voc["drempels"].require(d.drempel, "drempel", "de drempel")
            term = voc["drempels"].term(drempel)
            if term and term.attrs.get("domain") not in (None, domain):
                raise ValidationError(
                    "Deze drempel hoort bij een ander levensdomein.", field="drempel"
                )
        if d.since is not None:
            v.not_in_future(d.since, self._fc.today(), "since", "'Sinds'")
        return {
            "life_domain": domain,
            "drempel": drempel,
            "status": voc["drempel_status"].require(d.status, "status", "de status"),
            "since": iso(d.since),
            "note": (d.note or "").strip() or None,
        }

    def add_drempel(self, person_id: str, d: DrempelInput) -> str:
        with self._fc.ctx.transaction() as s:
            self._person(s, person_id)
            return self._fc.records.create(
                s, DrempelRecord, {"person_id": person_id, **self._drempel_values(d)}
            ).id

    def update_drempel(self, drempel_id: str, d: DrempelInput) -> bool:
        with self._fc.ctx.transaction() as s:
            x = self._live(s, DrempelRecord, drempel_id, "Deze drempel")
            return self._fc.records.update(s, x, self._drempel_values(d))

    def drempels(self, person_id: str) -> list[DrempelRow]:
        with self._fc.ctx.read() as s:
            rows = s.scalars(
                select(DrempelRecord)
                .where(DrempelRecord.person_id == person_id, DrempelRecord.deleted.is_(False))
                .order_by(DrempelRecord.life_domain)
            )
            return [
                DrempelRow(
                    x.id, x.person_id, x.life_domain, x.drempel, x.status, from_iso(x.since), x.note
                )
                for x in rows
            ]

    # --- work readiness ----------------------------------------------------------------------
    def set_work_readiness(
        self, person_id: str, item: str, assessment: str, note: str | None = None
    ) -> str:
        fc = self._fc
        code = fc.vocab["work_readiness"].require(item, "item", "het werkrijpheidsitem")
        if assessment not in ASSESSMENTS:
            raise ValidationError("Kies sterk, voldoende of werkpunt.", field="assessment")
        with fc.ctx.transaction() as s:
            self._person(s, person_id)
            existing = s.scalar(
                select(WorkReadinessItem).where(
                    WorkReadinessItem.person_id == person_id,
                    WorkReadinessItem.item == code,
                    WorkReadinessItem.deleted.is_(False),
                )
            )
            values = {"assessment": assessment, "note": (note or "").strip() or None}
            if existing is not None:
                fc.records.update(s, existing, values)
                return existing.id
            return fc.records.create(
                s, WorkReadinessItem, {"person_id": person_id, "item": code, **values}
            ).id

    def work_readiness(self, person_id: str) -> list[WorkReadinessRow]:
        with self._fc.ctx.read() as s:
            rows = s.scalars(
                select(WorkReadinessItem).where(
                    WorkReadinessItem.person_id == person_id, WorkReadinessItem.deleted.is_(False)
                )
            )
            return [WorkReadinessRow(x.id, x.person_id, x.item, x.assessment, x.note) for x in rows]

    def delete(self, record_type: str, record_id: str) -> None:
        """Delete a network member, drempel or work-readiness item (tombstone + audit)."""
        models: dict[str, type[SyncedRecord]] = {
            "network_member": NetworkMember,
            "drempel": DrempelRecord,
            "work_readiness": WorkReadinessItem,
        }
        model = models[record_type]
        with self._fc.ctx.transaction() as s:
            x = self._live(s, model, record_id, "Dit gegeven")
            self._fc.records.delete(s, x)
            self._fc.audit.record(
                AuditEvent.RECORD_DELETED, record_type=record_type, record_id=record_id, session=s
            )
