"""Handing a caseload on inside the team: one person, or everyone a worker follows, to another
worker, with a short note for the receiver. Each move is a `CaseloadTransfer` record (synced,
append-only), so the person's history says who followed them when, and the receiver's Vandaag
lists the people handed to them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotAllowed, NotFound, ValidationError
from app.models import CaseloadTransfer, Person, Worker
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.services.settings import is_coordinator

MAX_NOTE = 2000
RECENT_DAYS = 14  # how long Vandaag shows people handed to the worker


@dataclass(frozen=True)
class TransferRow:
    id: str
    person_id: str
    from_worker_id: str | None
    to_worker_id: str
    on: date
    note: str
    by: str  # the worker who moved the person


@dataclass(frozen=True)
class FollowedBy:
    """One stretch of a person's history: who followed them from when until when."""

    worker_id: str | None
    since: date
    until: date | None  # None: still
    note: str  # the handover note that started this stretch ("" for the first)


@dataclass(frozen=True)
class MoveResult:
    moved: tuple[str, ...]  # person ids
    batch_id: str | None


def transfer_row(t: CaseloadTransfer) -> TransferRow:
    return TransferRow(
        t.id,
        t.person_id,
        t.from_worker_id,
        t.to_worker_id,
        date.fromisoformat(t.on),
        t.note,
        t.created_by,
    )


class TransferService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _check(self, s: Session, to_worker_id: str, note: str) -> tuple[Worker, str]:
        fc = self._fc
        if is_coordinator(s) is False:
            raise NotAllowed("Alleen een coördinator geeft een caseload door.")
        worker = fc.records.live(s, Worker, to_worker_id)
        if worker is None:
            raise ValidationError("Kies de medewerker die de persoon verder volgt.", field="to")
        if not worker.active:
            raise ValidationError(
                f"{worker.name} is niet meer actief in het team; kies iemand anders.", field="to"
            )
        text = note.strip()
        if len(text) > MAX_NOTE:
            raise ValidationError(
                f"Een overdrachtsnota heeft hoogstens {MAX_NOTE} tekens.", field="note"
            )
        return worker, text

    def _move(
        self, s: Session, p: Person, to: str, on: date, note: str, batch_id: str | None
    ) -> bool:
        fc = self._fc
        if p.worker_id == to:
            return False
        fc.records.create(
            s,
            CaseloadTransfer,
            {
                "person_id": p.id,
                "from_worker_id": p.worker_id,
                "to_worker_id": to,
                "on": on.isoformat(),
                "note": note,
                "batch_id": batch_id,
            },
        )
        fc.records.update(s, p, {"worker_id": to})
        fc.audit.record(
            AuditEvent.CASELOAD_MOVED,
            record_type="person",
            record_id=p.id,
            detail=f"{p.worker_id or '-'} -> {to}",
            session=s,
        )
        return True

    def move_person(self, person_id: str, to_worker_id: str, note: str = "") -> MoveResult:
        """Hand one person on. Returns what moved (nothing when they already were the
        receiver's)."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            _, text = self._check(s, to_worker_id, note)
            p = fc.records.live(s, Person, person_id)
            if p is None:
                raise NotFound("Deze persoon")
            moved = self._move(s, p, to_worker_id, fc.today(), text, None)
        return MoveResult((person_id,) if moved else (), None)

    def move_caseload(
        self,
        from_worker_id: str,
        to_worker_id: str,
        note: str = "",
        *,
        include_closed: bool = False,
    ) -> MoveResult:
        """Everyone `from_worker_id` follows (open files; closed ones too on request) goes to
        `to_worker_id`, with one note, in one transaction."""
        fc = self._fc
        if from_worker_id == to_worker_id:
            raise ValidationError("Kies twee verschillende medewerkers.", field="to")
        with fc.ctx.transaction() as s:
            _, text = self._check(s, to_worker_id, note)
            q = select(Person).where(Person.worker_id == from_worker_id, Person.deleted.is_(False))
            if not include_closed:
                q = q.where(Person.closed.is_(False))
            batch = str(uuid.uuid4())
            moved = [
                p.id
                for p in s.scalars(q.order_by(Person.alias))
                if self._move(s, p, to_worker_id, fc.today(), text, batch)
            ]
            if moved:
                fc.audit.record(
                    AuditEvent.CASELOAD_MOVED,
                    record_type="worker",
                    record_id=from_worker_id,
                    detail=f"{len(moved)} personen -> {to_worker_id}",
                    session=s,
                )
        return MoveResult(tuple(moved), batch if moved else None)

    def history(self, person_id: str) -> list[FollowedBy]:
        """Who followed the person when, oldest first."""
        fc = self._fc
        with fc.ctx.read() as s:
            p = fc.records.live(s, Person, person_id)
            if p is None:
                raise NotFound("Deze persoon")
            moves = [
                transfer_row(t)
                for t in s.scalars(
                    select(CaseloadTransfer)
                    .where(
                        CaseloadTransfer.person_id == person_id,
                        CaseloadTransfer.deleted.is_(False),
                    )
                    .order_by(CaseloadTransfer.on, CaseloadTransfer.created_at)
                )
            ]
            first_met = date.fromisoformat(p.first_met_on)
            current = p.worker_id
        if not moves:
            return [FollowedBy(current, first_met, None, "")]
        out = [FollowedBy(moves[0].from_worker_id, first_met, moves[0].on, "")]
        for i, m in enumerate(moves):
            until = moves[i + 1].on if i + 1 < len(moves) else None
            out.append(FollowedBy(m.to_worker_id, m.on, until, m.note))
        return out

    def handed_to(self, worker_id: str, since: date | None = None) -> list[TransferRow]:
        """People handed to a worker recently (Vandaag), newest first, still theirs."""
        fc = self._fc
        since = since or fc.today() - timedelta(days=RECENT_DAYS)
        with fc.ctx.read() as s:
            rows = s.execute(
                select(CaseloadTransfer, Person.worker_id)
                .join(Person, Person.id == CaseloadTransfer.person_id)
                .where(
                    CaseloadTransfer.to_worker_id == worker_id,
                    CaseloadTransfer.deleted.is_(False),
                    CaseloadTransfer.on >= since.isoformat(),
                    Person.deleted.is_(False),
                )
                .order_by(CaseloadTransfer.on.desc(), CaseloadTransfer.created_at.desc())
            ).all()
        seen: set[str] = set()
        out = []
        for t, current in rows:
            if t.person_id in seen or current != worker_id:
                continue
            seen.add(t.person_id)
            out.append(transfer_row(t))
        return out

    def caseload_sizes(self) -> dict[str | None, int]:
        """Open files per worker (for choosing whom to hand on to)."""
        fc = self._fc
        with fc.ctx.read() as s:
            out: dict[str | None, int] = {}
            for (wid,) in s.execute(
                select(Person.worker_id).where(Person.deleted.is_(False), Person.closed.is_(False))
            ):
                out[wid] = out.get(wid, 0) + 1
        return out


__all__ = ["FollowedBy", "MoveResult", "TransferRow", "TransferService"]
