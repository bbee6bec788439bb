"""Retention: the organisation's rule that a closed file is erased N years after its closure
(`app.settings.RETENTION_YEARS`, default 5, see there why). A coordinator sees which files
fall due and confirms; each is erased through the one purge path (`RightsService`), so the
erasure reaches every device and the store with the next sync. The rule and every run are
audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.domain.trajectory import EventKind, add_months
from app.errors import NotAllowed, ValidationError
from app.models import Person, PhaseEventRecord
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.services.rights import RightsService
from app.services.settings import is_coordinator
from app.settings import RETENTION_YEARS


@dataclass(frozen=True)
class RetentionDue:
    person_id: str
    alias: str
    full_name: str | None
    worker_id: str | None
    closed_on: date
    erase_on: date  # closed_on + N years

    @property
    def initials(self) -> str:
        if self.full_name:
            parts = self.full_name.split()
            if len(parts) >= 2:
                return f"{parts[0][0]}.{parts[1][0]}."
        return self.alias[:1].upper() + "."


@dataclass(frozen=True)
class RetentionRun:
    erased: tuple[str, ...]
    skipped: tuple[str, ...]  # no longer due (reopened, or erased meanwhile)
    years: int


class RetentionService:
    def __init__(self, fc: FieldContext, rights: RightsService) -> None:
        self._fc = fc
        self._rights = rights

    def years(self) -> int:
        return self._fc.settings.value(RETENTION_YEARS)

    def due(self, today: date | None = None, *, upcoming_days: int = 0) -> list[RetentionDue]:
        """Closed files whose closure lies `years` ago or more (with `upcoming_days`, also
        those falling due within that many days), oldest closure first."""
        fc = self._fc
        today = today or fc.today()
        months = 12 * self.years()
        with fc.ctx.read() as s:
            closed_on = dict(
                s.execute(
                    select(PhaseEventRecord.person_id, func.max(PhaseEventRecord.on))
                    .join(Person, Person.id == PhaseEventRecord.person_id)
                    .where(
                        PhaseEventRecord.deleted.is_(False),
                        PhaseEventRecord.kind == str(EventKind.CLOSE),
                        Person.deleted.is_(False),
                        Person.closed.is_(True),
                    )
                    .group_by(PhaseEventRecord.person_id)
                ).all()
            )
            people = {
                p.id: p for p in s.scalars(select(Person).where(Person.id.in_(list(closed_on))))
            }
        out = []
        for pid, on in closed_on.items():
            p = people.get(pid)
            if p is None:
                continue
            closed = date.fromisoformat(on)
            erase_on = add_months(closed, months)
            if (erase_on - today).days <= upcoming_days:
                name = (
                    " ".join(x for x in (p.given_name, p.family_name) if x) or None
                    if p.is_client
                    else None
                )
                out.append(RetentionDue(pid, p.alias, name, p.worker_id, closed, erase_on))
        return sorted(out, key=lambda d: (d.closed_on, d.alias.casefold()))

    def erase_due(self, person_ids: Iterable[str], passphrase: str) -> RetentionRun:
        """Erase the confirmed files that are still due. A coordinator's decision (or the
        user of a vault on its own), confirmed with the passphrase once for the whole run."""
        fc = self._fc
        with fc.ctx.read() as s:
            if is_coordinator(s) is False:
                raise NotAllowed("Alleen een coördinator wist dossiers volgens de bewaartermijn.")
        chosen = list(dict.fromkeys(person_ids))
        if not chosen:
            raise ValidationError("Kies de dossiers die gewist mogen worden.", field="people")
        self._rights.verify(passphrase)
        years = self.years()
        still_due = {d.person_id for d in self.due()}
        erased, skipped = [], []
        for pid in chosen:
            if pid not in still_due:
                skipped.append(pid)
                continue
            self._rights.erase_verified(pid, reason=f"bewaartermijn {years} jaar")
            erased.append(pid)
        if erased:
            self._rights.compact()
        fc.audit.record(
            AuditEvent.RETENTION_RUN,
            detail=(
                f"{len(erased)} gewist, {len(skipped)} niet meer aan de beurt, regel {years} jaar"
            ),
        )
        return RetentionRun(tuple(erased), tuple(skipped), years)
