"""ZRM use cases: score, target, correct, follow progress, import official criteria."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.domain import zrm as z
from app.domain.trajectory import add_months
from app.errors import NotFound, ValidationError
from app.models import Person, ZrmAssessment, ZrmCriterion
from app.paths import resource
from app.services.audit import AuditEvent
from app.services.base import FieldContext, iso
from app.settings import ZRM_INTERVAL_MONTHS

DEFAULT_INTERVAL_MONTHS = ZRM_INTERVAL_MONTHS.default
DEFAULT_EDITION = z.CANONICAL_EDITION


@lru_cache(maxsize=1)
def editions() -> dict[str, z.Edition]:
    out = {}
    for path in sorted(resource("zrm").glob("zrm-*.json")):
        ed = z.parse_edition(json.loads(path.read_text(encoding="utf-8")))
        out[ed.edition] = ed
    return out


@dataclass(frozen=True)
class AssessmentInput:
    person_id: str
    assessed_on: date
    assessor: str
    scores: Mapping[str, z.DomainScore]
    edition: str = DEFAULT_EDITION


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    person_id: str
    assessed_on: date
    assessor: str
    edition: str
    scores: Mapping[str, z.DomainScore]
    corrects_id: str | None
    superseded: bool
    corrected_by: str | None = None
    recorded_at: datetime | None = None  # when this version was saved (a correction's date)
    corrected_at: datetime | None = None  # when the correcting version was saved


@dataclass(frozen=True)
class ReassessmentDue:
    person_id: str
    last_on: date
    due_on: date


@dataclass(frozen=True)
class PersonZrm:
    history: tuple[AssessmentRow, ...]
    progress: Mapping[str, z.DomainProgress]
    radar: z.RadarData
    edition: z.Edition
    due_on: date | None = None
    labels: Mapping[str, str] = field(default_factory=dict)


def _score_to_json(s: z.DomainScore) -> dict[str, Any]:
    return {
        "level": s.level,
        "not_scored_reason": (s.not_scored_reason or "").strip() or None,
        "source": s.source,
        "note": s.note.strip(),
        "self_level": s.self_level,
        "target_level": s.target_level,
        "target_date": iso(s.target_date),
    }


def _score_from_json(code: str, d: Mapping[str, Any]) -> z.DomainScore:
    td = d.get("target_date")
    return z.DomainScore(
        domain=code,
        level=d.get("level"),
        not_scored_reason=d.get("not_scored_reason"),
        source=d.get("source"),
        note=d.get("note") or "",
        self_level=d.get("self_level"),
        target_level=d.get("target_level"),
        target_date=date.fromisoformat(td) if td else None,
    )


def row(a: ZrmAssessment, corrected_by: ZrmAssessment | None = None) -> AssessmentRow:
    return AssessmentRow(
        a.id,
        a.person_id,
        date.fromisoformat(a.assessed_on),
        a.assessor,
        a.edition,
        {c: _score_from_json(c, d) for c, d in a.scores.items()},
        a.corrects_id,
        a.superseded,
        corrected_by.id if corrected_by else None,
        datetime.fromisoformat(a.created_at),
        datetime.fromisoformat(corrected_by.created_at) if corrected_by else None,
    )


def as_domain(r: AssessmentRow) -> z.Assessment:
    return z.Assessment(r.id, r.person_id, r.assessed_on, r.assessor, r.edition, r.scores)


class ZrmService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    @staticmethod
    def editions() -> dict[str, z.Edition]:
        return editions()

    def _edition(self, code: str) -> z.Edition:
        ed = editions().get(code)
        if ed is None:
            raise ValidationError(f"Onbekende ZRM-editie {code}.", field="edition")
        return ed

    def _values(self, s: Session, a: AssessmentInput) -> dict[str, Any]:
        if self._fc.records.live(s, Person, a.person_id) is None:
            raise NotFound("Deze persoon")
        ed = self._edition(a.edition)
        z.validate(
            z.Assessment("", a.person_id, a.assessed_on, a.assessor, a.edition, a.scores),
            ed,
            self._fc.today(),
        )
        if not a.scores:
            raise ValidationError("Scoor minstens één domein.", field="scores")
        return {
            "person_id": a.person_id,
            "assessed_on": a.assessed_on.isoformat(),
            "assessor": a.assessor.strip(),
            "edition": a.edition,
            "scores": {c: _score_to_json(s) for c, s in a.scores.items()},
            "corrects_id": None,
            "superseded": False,
        }

    # --- writes ----------------------------------------------------------------------------
    def save(self, a: AssessmentInput) -> str:
        with self._fc.ctx.transaction() as s:
            return self._fc.records.create(s, ZrmAssessment, self._values(s, a)).id

    def correct(self, assessment_id: str, a: AssessmentInput) -> str:
        """A correction is a new assessment; the corrected one stays, marked superseded."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            old = fc.records.live(s, ZrmAssessment, assessment_id)
            if old is None:
                raise NotFound("Deze meting")
            if old.superseded:
                raise ValidationError("Deze meting werd al gecorrigeerd; corrigeer de nieuwste.")
            if old.person_id != a.person_id:
                raise ValidationError("Een correctie hoort bij dezelfde persoon.")
            values = self._values(s, a)
            values["corrects_id"] = old.id
            new = fc.records.create(s, ZrmAssessment, values)
            fc.records.update(s, old, {"superseded": True})
            return new.id

    def delete(self, assessment_id: str) -> None:
        fc = self._fc
        with fc.ctx.transaction() as s:
            a = fc.records.live(s, ZrmAssessment, assessment_id)
            if a is None:
                raise NotFound("Deze meting")
            fc.records.delete(s, a)
            fc.audit.record(
                AuditEvent.RECORD_DELETED,
                record_type="zrm_assessment",
                record_id=assessment_id,
                session=s,
            )

    # --- reads -----------------------------------------------------------------------------
    def history(self, person_id: str) -> list[AssessmentRow]:
        """Oldest first, including corrected (superseded) assessments."""
        with self._fc.ctx.read() as s:
            rows = list(
                s.scalars(
                    select(ZrmAssessment)
                    .where(ZrmAssessment.person_id == person_id, ZrmAssessment.deleted.is_(False))
                    .order_by(ZrmAssessment.assessed_on, ZrmAssessment.created_at)
                )
            )
        by_corrected = {r.corrects_id: r for r in rows if r.corrects_id}
        return [row(r, by_corrected.get(r.id)) for r in rows]

    def interval_months(self) -> int:
        return self._fc.settings.value(ZRM_INTERVAL_MONTHS)

    def set_interval_months(self, months: int) -> None:
        self._fc.settings.change(ZRM_INTERVAL_MONTHS, months)

    def person(self, person_id: str, edition: str = DEFAULT_EDITION) -> PersonZrm:
        hist = self.history(person_id)
        current = [as_domain(r) for r in hist if not r.superseded]
        prog = z.progress(current, editions())
        ed = self._edition(edition)
        due = add_months(current[-1].assessed_on, self.interval_months()) if current else None
        return PersonZrm(
            tuple(hist), prog, z.radar(prog, ed), ed, due, {d.code: d.label for d in ed.domains}
        )

    def reassessments_due(self, today: date | None = None) -> list[ReassessmentDue]:
        """Open files whose last (current) assessment is older than the interval."""
        today = today or self._fc.today()
        return [x for x in self.next_reassessments() if x.due_on <= today]

    def next_reassessments(self) -> list[ReassessmentDue]:
        """When each open file's next assessment falls due (its last one plus the
        interval), soonest first."""
        months = self.interval_months()
        with self._fc.ctx.read() as s:
            rows = s.execute(
                select(ZrmAssessment.person_id, func.max(ZrmAssessment.assessed_on))
                .join(Person, Person.id == ZrmAssessment.person_id)
                .where(
                    ZrmAssessment.deleted.is_(False),
                    ZrmAssessment.superseded.is_(False),
                    Person.deleted.is_(False),
                    Person.closed.is_(False),
                )
                .group_by(ZrmAssessment.person_id)
            ).all()
        last = {pid: date.fromisoformat(on) for pid, on in rows}
        due = [ReassessmentDue(pid, d, add_months(d, months)) for pid, d in last.items()]
        return sorted(due, key=lambda x: x.due_on)

    def team_distance(self) -> dict[str, z.TeamDistance]:
        # Only the columns the figures need, without loading whole records.
        with self._fc.ctx.read() as s:
            rows = s.execute(
                select(
                    ZrmAssessment.id,
                    ZrmAssessment.person_id,
                    ZrmAssessment.assessed_on,
                    ZrmAssessment.edition,
                    ZrmAssessment.scores,
                ).where(ZrmAssessment.deleted.is_(False), ZrmAssessment.superseded.is_(False))
            ).all()
        by_person: dict[str, list[z.Assessment]] = {}
        for aid, pid, on, edition, scores in rows:
            by_person.setdefault(pid, []).append(
                z.Assessment(
                    aid,
                    pid,
                    date.fromisoformat(on),
                    "",
                    edition,
                    {
                        c: z.DomainScore(c, d.get("level"), target_level=d.get("target_level"))
                        for c, d in scores.items()
                    },
                )
            )
        eds = editions()
        return z.team_distance(z.progress(v, eds) for v in by_person.values())

    # --- links with life domains --------------------------------------------------------------
    def life_domains_for(self, zrm_domain: str, edition: str = DEFAULT_EDITION) -> tuple[str, ...]:
        d = self._edition(edition).domain(zrm_domain)
        return d.life_domains if d else ()

    def zrm_domains_for(self, life_domain: str, edition: str = DEFAULT_EDITION) -> list[str]:
        return [d.code for d in self._edition(edition).domains if life_domain in d.life_domains]

    # --- official criteria --------------------------------------------------------------------
    def import_criteria(self, raw: bytes, filename: str, edition: str = DEFAULT_EDITION) -> int:
        """Replace this edition's criteria with the file's, all or nothing. Returns cell count."""
        ed = self._edition(edition)
        try:
            cells = z.parse_criteria(raw, filename, ed)
        except z.ZrmDataError as exc:
            raise ValidationError(str(exc), field="criteria") from exc
        digest = hashlib.sha256(raw).hexdigest()
        stamp = now_iso()
        with self._fc.ctx.transaction() as s:
            s.execute(delete(ZrmCriterion).where(ZrmCriterion.edition == edition))
            for (domain, level), text in cells.items():
                s.add(
                    ZrmCriterion(
                        edition=edition,
                        domain=domain,
                        level=level,
                        text=text,
                        source_sha256=digest,
                        imported_at=stamp,
                    )
                )
            self._fc.audit.record(
                AuditEvent.ZRM_CRITERIA_IMPORTED, detail=f"{edition}:{digest[:12]}", session=s
            )
        return len(cells)

    def criteria(self, edition: str = DEFAULT_EDITION) -> dict[tuple[str, int], str]:
        with self._fc.ctx.read() as s:
            return {
                (c.domain, c.level): c.text
                for c in s.scalars(select(ZrmCriterion).where(ZrmCriterion.edition == edition))
            }
