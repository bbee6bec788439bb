"""Follow-ups: how someone is doing some months after a closure, a warm handover, a job start
or a training start, with a result that can be counted (still working — same employer or not,
in training, looking for work, not working, unknown) and an optional note.

A closure whose outcome asks for it (vocabulary attribute `follow_up`) and a warm handover
whose triogesprek was held schedule their follow-ups themselves; a job or training start is
planned from the trajectory. The terms come from the settings (3, 12 and 24 months by
default); people with ESF+ participant data also get the six-month follow-up after a closure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import EsfProfile, FollowUp, Handover, Person
from app.services.base import FieldContext, from_iso
from app.services.report_settings import ESF_FOLLOW_UP_MONTHS, follow_up_months_in

MAX_NOTE = 2000
PLAN_AHEAD_DAYS = 92  # a job that starts soon may be planned beforehand


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    person_id: str
    months: int
    due_on: date
    done_on: date | None
    result: str | None  # the note
    anchor: str = "afsluiting"
    anchor_on: date | None = None
    anchor_id: str | None = None
    status: str | None = None


def follow_up_row(f: FollowUp) -> FollowUpRow:
    return FollowUpRow(
        f.id,
        f.person_id,
        f.months,
        date.fromisoformat(f.due_on),
        from_iso(f.done_on),
        f.result,
        f.anchor,
        from_iso(f.anchor_on),
        f.anchor_id,
        f.status,
    )


@dataclass(frozen=True)
class FollowUpResult:
    status: str
    done_on: date
    note: str = ""


def is_esf_participant(s: Session, person_id: str) -> bool:
    return (
        s.scalar(
            select(EsfProfile.id).where(
                EsfProfile.person_id == person_id, EsfProfile.deleted.is_(False)
            )
        )
        is not None
    )


def schedule(
    fc: FieldContext,
    s: Session,
    person_id: str,
    anchor: str,
    anchor_on: date,
    anchor_id: str | None = None,
    *,
    esf_only: bool = False,
) -> list[FollowUp]:
    """Create the follow-ups of one anchor in the caller's transaction; terms already
    scheduled for the same anchor are not made twice. `esf_only`: only the ESF+ six-month
    follow-up (after a closure whose outcome needs no other)."""
    months = set() if esf_only else set(follow_up_months_in(s))
    if anchor == "afsluiting" and is_esf_participant(s, person_id):
        months.add(ESF_FOLLOW_UP_MONTHS)
    existing = s.scalars(
        select(FollowUp).where(
            FollowUp.person_id == person_id,
            FollowUp.anchor == anchor,
            FollowUp.deleted.is_(False),
        )
    )
    taken = {
        f.months
        for f in existing
        if (f.anchor_id == anchor_id if anchor_id else f.anchor_on == anchor_on.isoformat())
    }
    made = []
    for m, due in t.follow_up_dates(anchor_on, sorted(months - taken)):
        made.append(
            fc.records.create(
                s,
                FollowUp,
                {
                    "person_id": person_id,
                    "months": m,
                    "due_on": due.isoformat(),
                    "done_on": None,
                    "result": None,
                    "anchor": anchor,
                    "anchor_on": anchor_on.isoformat(),
                    "anchor_id": anchor_id,
                    "status": None,
                },
            )
        )
    return made


class FollowUpService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def _get(self, s: Session, follow_up_id: str) -> FollowUp:
        f = self._fc.records.live(s, FollowUp, follow_up_id)
        if f is None:
            raise NotFound("Deze opvolging")
        return f

    def plan(
        self, person_id: str, anchor: str, anchor_on: date, anchor_id: str | None = None
    ) -> list[str]:
        """Follow-ups after a job start, a training start, a handover or a closure."""
        fc = self._fc
        code = fc.vocab["follow_up_anchors"].require(anchor, "anchor", "waarna u opvolgt")
        if anchor_on > fc.today() + timedelta(days=PLAN_AHEAD_DAYS):
            raise ValidationError(
                "Die datum ligt te ver in de toekomst om de opvolging te plannen.",
                field="anchor_on",
            )
        with fc.ctx.transaction() as s:
            if fc.records.live(s, Person, person_id) is None:
                raise NotFound("Deze persoon")
            if anchor_id is not None:
                h = fc.records.live(s, Handover, anchor_id)
                if h is None or h.person_id != person_id:
                    raise ValidationError(
                        "Kies een overdracht van deze persoon.", field="anchor_id"
                    )
            made = schedule(fc, s, person_id, code, anchor_on, anchor_id)
            if not made:
                raise ValidationError("Deze opvolgingen zijn al gepland.", field="anchor_on")
            return [f.id for f in made]

    def record(self, follow_up_id: str, result: FollowUpResult) -> None:
        fc = self._fc
        status = fc.vocab["follow_up_status"].require(result.status, "status", "het resultaat")
        v.not_in_future(result.done_on, fc.today(), "done_on", "De opvolging")
        note = result.note.strip()
        if len(note) > MAX_NOTE:
            raise ValidationError(f"Een notitie heeft hoogstens {MAX_NOTE} tekens.", field="note")
        with fc.ctx.transaction() as s:
            f = self._get(s, follow_up_id)
            if f.anchor_on and result.done_on < date.fromisoformat(f.anchor_on):
                raise ValidationError(
                    "De opvolging kan niet vóór de start liggen "
                    f"({date.fromisoformat(f.anchor_on):%d/%m/%Y}).",
                    field="done_on",
                )
            fc.records.update(
                s,
                f,
                {"status": status, "done_on": result.done_on.isoformat(), "result": note or None},
            )

    def delete(self, follow_up_id: str) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            fc.records.delete(s, self._get(s, follow_up_id))

    def get(self, follow_up_id: str) -> FollowUpRow:
        with self._fc.ctx.read() as s:
            return follow_up_row(self._get(s, follow_up_id))
