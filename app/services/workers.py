"""Workers as people: this worker's profile (shown on documents), the team's workers (synced
like every record), a device joining a worker who already works on another device, and
workers who left the team.

A worker's id is the `worker_id` of their devices (`DeviceInfo`). The first device makes it;
a worker's second device takes it over with `claim()` once the first sync brought the profile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.workers import MAX_NAME, fold, initials, valid_email
from app.errors import NotAllowed, NotFound, ValidationError
from app.models import DeviceIdentity, Person, Worker
from app.services.audit import AuditEvent, AuditService
from app.services.context import VaultContext
from app.services.records import Records
from app.services.settings import is_coordinator

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerProfile:
    """What a worker tells about themselves, for documents and the team."""

    name: str
    function: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class WorkerRow:
    id: str
    name: str
    function: str | None
    organisation: str | None
    phone: str | None
    email: str | None
    active: bool
    legacy: bool  # known only by a name typed before worker profiles existed
    is_me: bool

    @property
    def initials(self) -> str:
        return initials(self.name)

    @property
    def contact(self) -> str | None:
        """Phone and e-mail as one line for documents."""
        return " · ".join(x for x in (self.phone, self.email) if x) or None


def worker_row(w: Worker, me: str) -> WorkerRow:
    return WorkerRow(
        w.id, w.name, w.function, w.organisation, w.phone, w.email, w.active, w.legacy, w.id == me
    )


def check_profile(p: WorkerProfile) -> dict[str, object]:
    """The profile's fields as stored, or a Dutch `ValidationError` naming the field."""
    name = v.required(p.name, "name", "Uw naam")
    if len(name) > MAX_NAME:
        raise ValidationError(f"Een naam heeft hoogstens {MAX_NAME} tekens.", field="name")
    function = p.function.strip()
    if len(function) > 100:
        raise ValidationError("Een functie heeft hoogstens 100 tekens.", field="function")
    organisation = p.organisation.strip()
    if len(organisation) > 200:
        raise ValidationError("Een organisatie heeft hoogstens 200 tekens.", field="organisation")
    phone = v.normalise_phone(p.phone) if p.phone.strip() else None
    email = p.email.strip() or None
    if email is not None and not valid_email(email):
        raise ValidationError(
            f"'{email}' is geen geldig e-mailadres (zoals naam@organisatie.be).", field="email"
        )
    for text in (name, function, organisation):
        if any(ord(c) < 32 for c in text):
            raise ValidationError("Gebruik geen regeleinden of tabs.", field="name")
    return {
        "name": name,
        "function": function or None,
        "organisation": organisation or None,
        "phone": phone,
        "email": email,
    }


def worker_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Worker.id, Worker.name).where(Worker.deleted.is_(False))).all())


def my_profile(s: Session, me: str) -> WorkerRow | None:
    w = Records.live(s, Worker, me)
    return None if w is None else worker_row(w, me)


class WorkerService:
    def __init__(self, ctx: VaultContext, audit: AuditService, records: Records) -> None:
        self._ctx = ctx
        self._audit = audit
        self._records = records

    @property
    def my_id(self) -> str:
        return self._ctx.device.worker_id

    # --- reads -----------------------------------------------------------------------------
    def me(self) -> WorkerRow | None:
        """This worker's profile, or None until they gave their name."""
        with self._ctx.read() as s:
            return my_profile(s, self.my_id)

    def workers(self, *, include_inactive: bool = False) -> list[WorkerRow]:
        """The team's workers by name (legacy names too; those who left only on request)."""
        me = self.my_id
        with self._ctx.read() as s:
            rows = [
                worker_row(w, me)
                for w in s.scalars(select(Worker).where(Worker.deleted.is_(False)))
                if include_inactive or w.active
            ]
        return sorted(rows, key=lambda r: (fold(r.name), r.id))

    def get(self, worker_id: str) -> WorkerRow:
        with self._ctx.read() as s:
            w = Records.live(s, Worker, worker_id)
            if w is None:
                raise NotFound("Deze medewerker")
            return worker_row(w, self.my_id)

    def names(self) -> dict[str, str]:
        with self._ctx.read() as s:
            return worker_names(s)

    def is_coordinator(self) -> bool:
        """This device is a coordinator's (enrolled as one)."""
        with self._ctx.read() as s:
            return is_coordinator(s) is True

    def may_manage(self) -> bool:
        """Hand on caseloads and mark who left: a coordinator (or a vault on its own)."""
        with self._ctx.read() as s:
            return is_coordinator(s) is not False

    def also_me(self) -> list[WorkerRow]:
        """Profiles with this worker's name made on other devices (or from a typed name):
        likely the same person, offered for `claim()`."""
        me = self.me()
        if me is None:
            return []
        mine = fold(me.name)
        return [w for w in self.workers() if not w.is_me and fold(w.name) == mine]

    # --- writes ----------------------------------------------------------------------------
    def save_profile(self, profile: WorkerProfile) -> WorkerRow:
        values = check_profile(profile)
        me = self.my_id
        with self._ctx.transaction() as s:
            w = s.get(Worker, me)
            if w is None:
                w = self._records.create(
                    s, Worker, {**values, "active": True, "legacy": False}, record_id=me
                )
                event_detail = "nieuw"
            else:
                self._records.update(s, w, {**values, "active": True, "deleted": False})
                event_detail = "gewijzigd"
            self._audit.record(
                AuditEvent.WORKER_PROFILE_SAVED,
                record_type="worker",
                record_id=me,
                detail=event_detail,
                session=s,
            )
            s.flush()
            return worker_row(w, me)

    def set_active(self, worker_id: str, active: bool) -> None:
        """A worker left the team (or came back): a coordinator's decision. Their people stay
        theirs until handed on (see `TransferService`)."""
        with self._ctx.transaction() as s:
            if is_coordinator(s) is False:
                raise NotAllowed("Alleen een coördinator duidt aan wie het team verliet.")
            w = Records.live(s, Worker, worker_id)
            if w is None:
                raise NotFound("Deze medewerker")
            if self._records.update(s, w, {"active": active}):
                self._audit.record(
                    AuditEvent.WORKER_ACTIVE if active else AuditEvent.WORKER_LEFT,
                    record_type="worker",
                    record_id=worker_id,
                    session=s,
                )

    def claim(self, worker_id: str) -> WorkerRow:
        """This device belongs to a worker already known to the team (their profile came with
        the first sync, or was made from a typed name): from now on it writes as that worker.
        The profile made on this device is merged into it and its people follow."""
        old = self.my_id
        if worker_id == old:
            return self.get(worker_id)
        with self._ctx.transaction() as s:
            target = Records.live(s, Worker, worker_id)
            if target is None:
                raise NotFound("Deze medewerker")
            mine = Records.live(s, Worker, old)
            if target.legacy:
                # A typed name becomes this worker's profile.
                changes: dict[str, object] = {"legacy": False, "active": True}
                if mine is not None:
                    changes.update(
                        {k: getattr(mine, k) for k in ("name", "function", "organisation")}
                    )
                    changes.update({"phone": mine.phone, "email": mine.email})
                self._records.update(s, target, changes)
            for p in s.scalars(
                select(Person).where(Person.worker_id == old, Person.deleted.is_(False))
            ):
                self._records.update(s, p, {"worker_id": worker_id})
            if mine is not None:
                self._records.delete(s, mine)
            ident = s.scalars(select(DeviceIdentity)).one()
            ident.worker_id = worker_id
            self._audit.record(
                AuditEvent.WORKER_CLAIMED,
                record_type="worker",
                record_id=worker_id,
                detail=f"was {old}",
                session=s,
            )
            row = worker_row(target, worker_id)
        self._ctx.device = replace(self._ctx.device, worker_id=worker_id)
        log.info("this device now writes as worker %s", worker_id)
        return row
