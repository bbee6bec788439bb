"""`SyncService`: the one object the GUI, the CLI and the scheduler use for sync. It composes
the parts of the client engine (app/sync): enrolment, membership and keys, the push/pull/apply
engine and conflicts, all over one vault and one transport."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app.models import ConflictRecord, OutboxEntry, Purge, TeamKey, TeamState
from app.services.context import VaultContext
from app.sync.conflicts import ConflictRow, Conflicts
from app.sync.engine import ProgressCallback, SyncEngine, SyncReport
from app.sync.enrolment import Enrolment, OrganisationCreated
from app.sync.link import SyncLink, TransportFactory, default_transport
from app.sync.membership import Membership
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

    def transport(self) -> HttpTransport:
        return self.link.transport()

    def close(self) -> None:
        self.link.close()

    # --- status ------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self._ctx.read() as s:
            cfg = self.link.config(s)
            teams = tuple((t.team_id, t.name) for t in s.scalars(select(TeamState)))
            pending = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
            pending += int(
                s.scalar(select(func.count()).select_from(Purge).where(Purge.pushed_at.is_(None)))
                or 0
            )
            conflicts = int(
                s.scalar(
                    select(func.count())
                    .select_from(ConflictRecord)
                    .where(ConflictRecord.status == "open")
                )
                or 0
            )
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

    def enrol(self, server_url: str, invite_text: str) -> None:
        self.enrolment.enrol(server_url, invite_text)

    # --- membership (coordinator) ------------------------------------------------------------
    def create_team(self, name: str) -> str:
        return self.membership.create_team(name)

    def create_invite(self, team_ids: Iterable[str], role: str = "worker", days: int = 3) -> str:
        return self.membership.create_invite(team_ids, role, days)

    def devices(self) -> list[dict[str, Any]]:
        return self.membership.devices()

    def approve_pending(self) -> int:
        return self.membership.approve_pending()

    def revoke(self, device_id: str) -> list[str]:
        return self.membership.revoke(device_id)

    def rotate(self, team_id: str) -> int:
        return self.membership.rotate(team_id)

    # --- one sync pass -----------------------------------------------------------------------
    def sync_once(
        self,
        *,
        confirm_mass_deletion: bool = False,
        progress: ProgressCallback | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        return self.engine.sync_once(
            confirm_mass_deletion=confirm_mass_deletion,
            progress=progress,
            should_stop=should_stop,
        )

    # --- conflicts ---------------------------------------------------------------------------
    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        return self.conflict_log.conflicts(open_only=open_only)

    def resolve_conflict(self, conflict_id: int, choice: str, records: Any) -> None:
        self.conflict_log.resolve_conflict(conflict_id, choice, records)

    def undo_conflict(self, conflict_id: int, records: Any) -> None:
        self.conflict_log.undo_conflict(conflict_id, records)
