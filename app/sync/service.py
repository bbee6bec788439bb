"""`SyncService`: the one object the GUI, the CLI and the scheduler use for sync. It composes
the parts of the client engine (app/sync): enrolment, membership and keys, the push/pull/apply
engine and conflicts, all over one vault and one transport."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from app.models import (
    AuditEntry,
    OutboxEntry,
    Purge,
    QuarantineEntry,
    TeamKey,
    TeamState,
)
from app.services.context import VaultContext
from app.services.records import Records
from app.sync.conflicts import ConflictRow, Conflicts
from app.sync.engine import ProgressCallback, SyncEngine, SyncReport
from app.sync.enrolment import Enrolled, Enrolment, OrganisationCreated
from app.sync.errors import SyncError
from app.sync.link import SyncLink, TransportFactory, VaultTurn, default_transport
from app.sync.membership import DeviceRow, Membership
from app.sync.transport import HttpTransport


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    role: str | None
    teams: tuple[tuple[str, str], ...]  # (id, name)
    home_team_id: str | None
    last_sync_at: str | None
    pending_changes: int
    open_conflicts: int
    has_team_key: bool


@dataclass(frozen=True)
class SafetyCodes:
    organisation: str | None
    device: str | None


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    team: str
    kind: str  # revision | purge
    record_type: str | None
    device_id: str | None
    device_label: str | None
    reason: str  # a code: app.sync.engine quarantine reasons
    received_at: str


class SyncService:
    def __init__(
        self,
        ctx: VaultContext,
        *,
        transport_factory: TransportFactory = default_transport,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._ctx = ctx
        self.link = SyncLink(ctx, transport_factory=transport_factory, clock=clock)
        self.enrolment = Enrolment(self.link)
        self.membership = Membership(self.link)
        self.engine = SyncEngine(self.link, self.membership)
        self.conflict_log = Conflicts(ctx)

    def use_vault_lane(self, turn: VaultTurn | None) -> None:
        """Run every vault step of this service in `turn` (the app passes the vault lane's
        `TaskRunner.turn` and runs the sync itself on the network lane); None: directly."""
        self.link.lane = turn

    def transport(self) -> HttpTransport:
        return self.link.transport()

    def close(self) -> None:
        self.link.close()

    # --- status ------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self.link.read() as s:
            cfg = self.link.config(s)
            teams = tuple((t.team_id, t.name) for t in s.scalars(select(TeamState)))
            # The worker's changes: audit entries travel too, but are not theirs to wait for.
            pending = int(
                s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.record_type != AuditEntry.__record_type__)
                )
                or 0
            )
            pending += int(
                s.scalar(select(func.count()).select_from(Purge).where(Purge.pushed_at.is_(None)))
                or 0
            )
            conflicts = self.conflict_log.open_count(s)
            has_key = s.scalars(select(TeamKey)).first() is not None
        return SyncStatus(
            cfg is not None,
            cfg.server_url if cfg else None,
            cfg.role if cfg else None,
            teams,
            cfg.home_team_id if cfg else None,
            cfg.last_sync_at if cfg else None,
            pending,
            conflicts,
            has_key,
        )

    # --- enrolment ---------------------------------------------------------------------------
    def create_organisation(
        self, server_url: str, setup_token: str, name: str
    ) -> OrganisationCreated:
        return self.enrolment.create_organisation(server_url, setup_token, name)

    def enrol(self, server_url: str, invite_text: str) -> Enrolled:
        """Join with an invite; returns this device's safety code for the coordinator."""
        return self.enrolment.enrol(server_url, invite_text)

    # --- membership (coordinator) ------------------------------------------------------------
    def create_team(self, name: str) -> str:
        return self.membership.create_team(name)

    def create_invite(self, team_ids: Iterable[str], role: str = "worker", days: int = 3) -> str:
        return self.membership.create_invite(team_ids, role, days)

    def devices(self) -> list[DeviceRow]:
        return self.membership.devices()

    def pending_devices(self) -> list[DeviceRow]:
        """Devices enrolled with an invite made on this device, waiting for approval."""
        return self.membership.pending_devices()

    def approve(self, device_id: str, safety_code: str | None = None) -> None:
        """Approve one device after comparing its safety code (checked when given)."""
        self.membership.approve(device_id, safety_code)

    def approve_pending(self) -> int:
        """Approve every waiting device of an invite made here (scripts and tests)."""
        return self.membership.approve_pending()

    def set_role(self, device_id: str, role: str) -> None:
        self.membership.set_role(device_id, role)

    def revoke(self, device_id: str) -> list[str]:
        return self.membership.revoke(device_id)

    def rotate(self, team_id: str) -> int:
        return self.membership.rotate(team_id)

    # --- trust ---------------------------------------------------------------------------------
    def safety_codes(self) -> SafetyCodes:
        """The organisation's safety code (from the verified log; None before the first
        sync of a newly enrolled device) and this device's own."""
        with self.link.read() as s:
            if self.link.config(s) is None:
                return SafetyCodes(None, None)
            own = self.membership.own_safety_code(s)
        return SafetyCodes(self.membership.organisation_safety_code(), own)

    def quarantine(self, *, open_only: bool = True) -> list[QuarantineRow]:
        """Pulled items this device could not accept, newest first, with the device that
        pushed or signed them (its label when the verified roster knows it)."""
        try:
            devices = self.membership.roster().devices
        except SyncError:
            devices = {}
        with self.link.read() as s:
            q = select(QuarantineEntry).order_by(QuarantineEntry.id.desc())
            if open_only:
                q = q.where(QuarantineEntry.status == "open")
            names = {t.team_id: t.name for t in s.scalars(select(TeamState))}
            rows = []
            for e in s.scalars(q):
                d = devices.get(e.device_id or "")
                rows.append(
                    QuarantineRow(
                        e.id,
                        names.get(e.team_id, e.team_id),
                        e.kind,
                        e.record_type,
                        e.device_id,
                        d.label if d is not None else None,
                        e.reason,
                        e.received_at,
                    )
                )
            return rows

    # --- one sync pass -----------------------------------------------------------------------
    def sync_once(
        self,
        *,
        confirm_mass_deletion: bool = False,
        confirm_purges: Collection[str] = (),
        progress: ProgressCallback | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        return self.engine.sync_once(
            confirm_mass_deletion=confirm_mass_deletion,
            confirm_purges=confirm_purges,
            progress=progress,
            should_stop=should_stop,
        )

    # --- conflicts ---------------------------------------------------------------------------
    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        """The team's conflicts (every device holds them), newest first."""
        return self.conflict_log.conflicts(open_only=open_only, records=self.link.records())

    def resolve_conflict(self, conflict_id: str, choice: str, records: Records) -> str:
        return self.conflict_log.resolve_conflict(conflict_id, choice, records)

    def undo_conflict(self, conflict_id: str, records: Records) -> str:
        return self.conflict_log.undo_conflict(conflict_id, records)
