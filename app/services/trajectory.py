"""Trajectory use cases: phase changes with a reason, low flame, closure, reopening, follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.domain.vocab import Vocabularies
from app.errors import NotFound
from app.models import FollowUp, Person, PhaseEventRecord
from app.services.base import FieldContext
from app.services.follow_ups import FollowUpResult, FollowUpRow, follow_up_row, schedule


@dataclass(frozen=True)
class TrajectoryEventRow:
    id: str
    kind: str
    on: date
    phase: str | None
    reason: str
    outcome: str | None


@dataclass(frozen=True)
class TrajectoryView:
    state: t.TrajectoryState
    events: tuple[TrajectoryEventRow, ...]
    follow_ups: tuple[FollowUpRow, ...]


def domain_event(r: PhaseEventRecord) -> t.PhaseEvent:
    return t.PhaseEvent(
        kind=t.EventKind(r.kind),
        on=date.fromisoformat(r.on),
        phase=r.phase,
        reason=r.reason,
        outcome=r.outcome,
        order_key=r.clock("kind"),
    )


def load_events(s: Session, person_id: str) -> list[PhaseEventRecord]:
    return list(
        s.scalars(
            select(PhaseEventRecord).where(
                PhaseEventRecord.person_id == person_id, PhaseEventRecord.deleted.is_(False)
            )
        )
    )


def phase_order(vocab: Vocabularies) -> list[str]:
    """Phase codes in their vocabulary order (used to count steps back)."""
    terms = list(vocab["phases"])
    return [x.code for x in sorted(terms, key=lambda x: int(x.attrs.get("order", 99)))]


def refresh_person_state(vocab: Vocabularies, s: Session, person: Person) -> t.TrajectoryState:
    """Recompute the cached phase columns from the event history (also after a sync merge)."""
    state = t.replay((domain_event(r) for r in load_events(s, person.id)), phase_order(vocab))
    person.phase = state.phase
    person.low_flame = state.low_flame
    person.closed = state.closed
    return state


class TrajectoryService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _person(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p

    def record(self, person_id: str, event: t.PhaseEvent) -> str:
        """Validate `event` against the current state and append it. Returns its id."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            person = self._person(s, person_id)
            order = phase_order(fc.vocab)
            state = t.replay((domain_event(r) for r in load_events(s, person_id)), order)
            t.check_next(
                state,
                event,
                today=fc.today(),
                phases=order,
                outcomes=fc.vocab["outcomes"].codes(),
            )
            rec = fc.records.create(
                s,
                PhaseEventRecord,
                {
                    "person_id": person_id,
                    "kind": str(event.kind),
                    "on": event.on.isoformat(),
                    "phase": event.phase,
                    "reason": event.reason.strip(),
                    "outcome": event.outcome,
                },
            )
            s.flush()
            new_state = refresh_person_state(fc.vocab, s, person)
            if event.kind is t.EventKind.CLOSE and new_state.closed_on is not None:
                term = fc.vocab["outcomes"].term(event.outcome or "")
                if term is not None and term.attrs.get("follow_up"):
                    schedule(fc, s, person_id, "afsluiting", new_state.closed_on, rec.id)
                else:
                    # Only the ESF+ six-month follow-up, for participants with ESF+ data.
                    schedule(
                        fc, s, person_id, "afsluiting", new_state.closed_on, rec.id, esf_only=True
                    )
            return rec.id

    def change_phase(self, person_id: str, phase: str, on: date, reason: str) -> str:
        return self.record(person_id, t.PhaseEvent(t.EventKind.PHASE, on, phase, reason))

    def set_low_flame(self, person_id: str, on: date, active: bool, reason: str = "") -> str:
        kind = t.EventKind.LOW_FLAME_ON if active else t.EventKind.LOW_FLAME_OFF
        return self.record(person_id, t.PhaseEvent(kind, on, None, reason))

    def close(self, person_id: str, on: date, outcome: str, reason: str = "") -> str:
        return self.record(person_id, t.PhaseEvent(t.EventKind.CLOSE, on, None, reason, outcome))

    def reopen(self, person_id: str, on: date, reason: str, phase: str | None = None) -> str:
        return self.record(person_id, t.PhaseEvent(t.EventKind.REOPEN, on, phase, reason))

    def complete_follow_up(
        self, follow_up_id: str, done_on: date, result: str, status: str = "onbekend"
    ) -> None:
        """Record a follow-up's result (see FollowUpService.record)."""
        from app.services.follow_ups import FollowUpService

        FollowUpService(self._fc).record(follow_up_id, FollowUpResult(status, done_on, result))

    def view(self, person_id: str) -> TrajectoryView:
        fc = self._fc
        with fc.ctx.read() as s:
            self._person(s, person_id)
            records = load_events(s, person_id)
            events = sorted(
                ((domain_event(r), r) for r in records), key=lambda x: (x[0].on, x[0].order_key)
            )
            state = t.replay((e for e, _ in events), phase_order(fc.vocab))
            rows = tuple(
                TrajectoryEventRow(
                    r.id, r.kind, date.fromisoformat(r.on), r.phase, r.reason, r.outcome
                )
                for _, r in events
            )
            fus = s.scalars(
                select(FollowUp)
                .where(FollowUp.person_id == person_id, FollowUp.deleted.is_(False))
                .order_by(FollowUp.due_on)
            )
            return TrajectoryView(state, rows, tuple(follow_up_row(f) for f in fus))


__all__ = ["FollowUpRow", "TrajectoryService", "TrajectoryView", "follow_up_row"]
