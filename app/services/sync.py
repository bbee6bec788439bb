"""Sync with the central store (DESIGN.md §6, docs/sync-protocol.md): enrolment, team keys,
push of the outbox, pull by cursor with merge, purges, and the guards.

Everything that must not be lost is in the vault before anything is sent: the outbox entry
is deleted only in the transaction that records the store's acknowledgement, and the cursor
advances only in the transaction that stores what it covers. So an interrupted sync resumes.
"""

from __future__ import annotations

import base64
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.crypto.device import load_private_key
from app.crypto.header import now_iso
from app.domain.hlc import Stamp
from app.errors import BrugfiguurError, ValidationError
from app.models import (
    MODEL_BY_TYPE,
    ConflictRecord,
    DeviceIdentity,
    OutboxEntry,
    Purge,
    RecordTeam,
    Setting,
    SyncConfig,
    TeamKey,
    TeamState,
)
from app.services import local_index, vocabularies
from app.services.context import VaultContext
from app.services.records import Records
from app.services.search import chunks
from app.services.sync_apply import (
    Incoming,
    Outcome,
    PageInserts,
    PayloadError,
    apply_incoming,
    erased_people,
    known_records,
    parse_payload,
    purge_person_leftovers,
    references_erased,
)
from app.services.sync_apply import purge_records as apply_purge
from app.sync import envelope, faults
from app.sync.protocol import (
    MAX_PUSH_REVISIONS,
    MAX_SKEW_MS,
    InviteCode,
    b64d,
    b64e,
    enrolment_proof,
    new_invite,
    parse_invite,
)
from app.sync.transport import ClockSkewError, HttpTransport, SyncError

log = logging.getLogger(__name__)

INVITES_SETTING = "sync_invites"  # invite id -> {secret, team_ids, role}: secrets stay here
MASS_DELETE_SHARE = 0.2
MASS_DELETE_MIN = 10
MAX_ROUNDS = 4
BAD_RESPONSE = "Het antwoord van de centrale opslag klopt niet; probeer later opnieuw."
PULL_PAGE = 1000  # items per pull request (the store also caps a page's bytes)
PULL_TRANSACTION_RECORDS = 25_000  # pulled items applied per transaction, at most a page more
INDEX_REBUILD_PEOPLE = 2_000  # people whose local indexes are rebuilt per transaction


class MassDeletionPending(SyncError):
    def __init__(self, deletions: int, live: int) -> None:
        super().__init__(
            f"Deze synchronisatie zou {deletions} van de {live} gegevens verwijderen. "
            "Bevestig dat dit de bedoeling is voor u synchroniseert.",
            "mass_deletion",
        )
        self.deletions = deletions


class SyncCancelled(SyncError):
    """The worker stopped a sync; every page already applied stays, the next sync resumes."""

    def __init__(self) -> None:
        super().__init__(
            "De synchronisatie is gestopt. Wat al binnen was, blijft bewaard; de volgende "
            "synchronisatie gaat verder waar deze stopte.",
            "cancelled",
        )


@dataclass(frozen=True)
class SyncProgress:
    """How far a sync pass is: `phase` is "push" (changes sent) or "pull" (store positions
    received); `total` is 0 while unknown. Reported between batches, from the sync thread."""

    phase: str
    done: int
    total: int


ProgressCallback = Callable[[SyncProgress], None]


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


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    purged: int = 0
    purges_pushed: int = 0
    approved_devices: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Pulled:
    """One item of a pulled page after decryption: a revision, a purge, or neither (an
    unknown record type from a newer version, skipped)."""

    incoming: Incoming | None = None
    purge: list[tuple[str, str]] | None = None


@dataclass(frozen=True)
class OrganisationCreated:
    organisation_id: str
    recovery_private_key: str  # shown once, printed and kept offline


@dataclass(frozen=True)
class ConflictRow:
    id: int
    record_type: str
    record_id: str
    field: str
    kept: Any
    lost: Any
    lost_by: str | None
    both_kept: bool
    created_at: str
    status: str
    resolved_at: str | None = None


TransportFactory = Callable[[str, str | None, Ed25519PrivateKey | None], HttpTransport]


def _default_transport(
    url: str, device_id: str | None, key: Ed25519PrivateKey | None
) -> HttpTransport:
    return HttpTransport(url, device_id=device_id, sign_key=key)


def _raw(key: Any) -> bytes:
    raw: bytes = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw


def format_recovery_private(key: X25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


class SyncService:
    def __init__(
        self,
        ctx: VaultContext,
        *,
        transport_factory: TransportFactory = _default_transport,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._ctx = ctx
        self._factory = transport_factory
        self._clock = clock
        self._transport: HttpTransport | None = None
        self._writer: Records | None = None
        self._progress: ProgressCallback | None = None
        self._should_stop: Callable[[], bool] | None = None
        self._heads: dict[str, int] = {}  # team -> the store's newest sequence number

    # --- identity ----------------------------------------------------------------------------
    def _identity(self, s: Session) -> DeviceIdentity:
        ident = s.scalars(select(DeviceIdentity)).first()
        if ident is None:
            raise BrugfiguurError("Dit toestel heeft geen identiteit in de kluis.")
        return ident

    def _config(self, s: Session) -> SyncConfig | None:
        return s.scalars(select(SyncConfig)).first()

    def _device_public(self, s: Session, sign: Ed25519PrivateKey) -> dict[str, str]:
        ident = self._identity(s)
        return {
            "device_id": ident.device_id,
            "label": ident.label,
            "sign_public_key": b64e(_raw(sign.public_key())),
            "kem_public_key": b64e(ident.public_key),
        }

    def transport(self) -> HttpTransport:
        if self._transport is None:
            with self._ctx.read() as s:
                cfg = self._config(s)
                if cfg is None:
                    raise SyncError(
                        "Dit toestel is nog niet ingeschreven bij een centrale opslag.",
                        "not_enrolled",
                    )
                key = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
                self._transport = self._factory(cfg.server_url, self._ctx.device.device_id, key)
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    # --- status ------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self._ctx.read() as s:
            cfg = self._config(s)
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

    # --- organisation and enrolment ----------------------------------------------------------
    def create_organisation(
        self, server_url: str, setup_token: str, name: str
    ) -> OrganisationCreated:
        """This device becomes the first coordinator of a new organisation."""
        sign = Ed25519PrivateKey.generate()
        recovery = X25519PrivateKey.generate()
        org_id = str(uuid.uuid4())
        with self._ctx.read() as s:
            if self._config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = self._device_public(s, sign)
        transport = self._factory(server_url, device["device_id"], sign)
        transport.post(
            "/v1/organisation",
            {
                "organisation_id": org_id,
                "name": name.strip() or "Organisatie",
                "recovery_public_key": b64e(_raw(recovery.public_key())),
                "device": device,
            },
            signed=False,
            headers={"X-Bf-Setup-Token": setup_token.strip()},
        )
        with self._ctx.transaction() as s:
            s.add(
                SyncConfig(
                    server_url=server_url,
                    organisation_id=org_id,
                    role="coordinator",
                    sign_private_key=sign.private_bytes(
                        serialization.Encoding.Raw,
                        serialization.PrivateFormat.Raw,
                        serialization.NoEncryption(),
                    ),
                    enrolled_at=now_iso(),
                )
            )
            s.add(
                Setting(key="sync_recovery_public", value=f'"{b64e(_raw(recovery.public_key()))}"')
            )
        self._transport = transport
        return OrganisationCreated(org_id, format_recovery_private(recovery))

    def _recovery_public(self, s: Session) -> X25519PublicKey:
        row = s.get(Setting, "sync_recovery_public")
        if row is None:
            me = self.transport().get("/v1/me")
            value = str(me["organisation"]["recovery_public_key"])
        else:
            value = row.value.strip('"')
        return X25519PublicKey.from_public_bytes(b64d(value, max_bytes=32))

    def create_team(self, name: str) -> str:
        team_id = str(uuid.uuid4())
        key = envelope.new_team_key()
        with self._ctx.read() as s:
            cfg = self._require(s, coordinator=True)
            recovery = self._recovery_public(s)
            org_id = cfg.organisation_id
            me = self._identity(s)
            my_pub = X25519PublicKey.from_public_bytes(me.public_key)
        wraps = [
            {
                "recipient_kind": "device",
                "recipient_id": me.device_id,
                "epoch": 1,
                "wrapped": b64e(
                    envelope.wrap_team_key(
                        key,
                        team_id=team_id,
                        epoch=1,
                        recipient_id=me.device_id,
                        recipient_public=my_pub,
                    )
                ),
            },
            {
                "recipient_kind": "recovery",
                "recipient_id": org_id,
                "epoch": 1,
                "wrapped": b64e(
                    envelope.wrap_team_key(
                        key,
                        team_id=team_id,
                        epoch=1,
                        recipient_id=org_id,
                        recipient_public=recovery,
                    )
                ),
            },
        ]
        self.transport().post(
            "/v1/teams", {"team_id": team_id, "name": name, "wrapped_keys": wraps}
        )
        with self._ctx.transaction() as s:
            s.add(TeamKey(team_id=team_id, epoch=1, key=key))
            s.add(TeamState(team_id=team_id, name=name, current_epoch=1, cursor=0))
            cfg2 = self._config(s)
            assert cfg2 is not None
            if cfg2.home_team_id is None:
                cfg2.home_team_id = team_id
        return team_id

    def create_invite(self, team_ids: Iterable[str], role: str = "worker", days: int = 3) -> str:
        """A one-time code for a new device; its secret never reaches the store."""
        if role not in ("worker", "coordinator") or not 1 <= days <= 7:
            raise ValidationError("Kies worker of coordinator en 1 tot 7 dagen.")
        invite = new_invite()
        teams = list(team_ids)
        expires = int(self._clock() * 1000) + days * 24 * 3600 * 1000
        self.transport().post(
            "/v1/invites",
            {
                "invite_id": invite.invite_id,
                "team_ids": teams,
                "role": role,
                "expires_at_ms": expires,
            },
        )
        import json

        with self._ctx.transaction() as s:
            row = s.get(Setting, INVITES_SETTING)
            invites = json.loads(row.value) if row else {}
            invites[invite.invite_id] = {
                "secret": b64e(invite.secret),
                "team_ids": teams,
                "role": role,
            }
            if row is None:
                s.add(Setting(key=INVITES_SETTING, value=json.dumps(invites)))
            else:
                row.value = json.dumps(invites)
        return invite.text()

    def enrol(self, server_url: str, invite_text: str) -> None:
        """Join with a coordinator's invite; team keys arrive once a coordinator approves."""
        try:
            invite: InviteCode = parse_invite(invite_text)
        except ValueError as exc:
            raise ValidationError("Dit is geen geldige uitnodigingscode.", field="invite") from exc
        sign = Ed25519PrivateKey.generate()
        with self._ctx.read() as s:
            if self._config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = self._device_public(s, sign)
        transport = self._factory(server_url, device["device_id"], sign)
        answer = transport.post(
            "/v1/enrol",
            {
                "invite_id": invite.invite_id,
                "device": device,
                "proof": b64e(enrolment_proof(invite.secret, device)),
            },
            signed=False,
        )
        with self._ctx.transaction() as s:
            s.add(
                SyncConfig(
                    server_url=server_url,
                    organisation_id=str(answer["organisation_id"]),
                    role=str(answer.get("role", "worker")),
                    sign_private_key=sign.private_bytes(
                        serialization.Encoding.Raw,
                        serialization.PrivateFormat.Raw,
                        serialization.NoEncryption(),
                    ),
                    enrolled_at=now_iso(),
                )
            )
            s.add(Setting(key="sync_recovery_public", value=f'"{answer["recovery_public_key"]}"'))
        self._transport = transport

    def _require(self, s: Session, *, coordinator: bool = False) -> SyncConfig:
        cfg = self._config(s)
        if cfg is None:
            raise SyncError(
                "Dit toestel is nog niet ingeschreven bij een centrale opslag.", "not_enrolled"
            )
        if coordinator and cfg.role != "coordinator":
            raise SyncError("Alleen een coördinator kan dit.", "forbidden")
        return cfg

    # --- devices (coordinator) ------------------------------------------------------------------
    def devices(self) -> list[dict[str, Any]]:
        return list(self.transport().get("/v1/devices")["devices"])

    def approve_pending(self) -> int:
        """Wrap the team keys a newly enrolled device lacks, after checking its enrolment proof
        against the invite secret kept here (so the store cannot slip in keys of its own)."""
        import json

        with self._ctx.read() as s:
            cfg = self._require(s, coordinator=True)
            row = s.get(Setting, INVITES_SETTING)
            invites = json.loads(row.value) if row else {}
            keys = {(k.team_id, k.epoch): k.key for k in s.scalars(select(TeamKey))}
        approved = 0
        for d in self.devices():
            missing = d.get("missing_keys") or []
            if not missing or d.get("status") != "active":
                continue
            inv = invites.get(d.get("invite_id") or "")
            if inv is None:
                continue  # enrolled through another coordinator's invite
            public = {k: d[k] for k in ("device_id", "label", "sign_public_key", "kem_public_key")}
            proof = b64d(d.get("enrol_proof") or "", max_bytes=64)
            if enrolment_proof(b64d(inv["secret"], max_bytes=64), public) != proof:
                log.warning("enrolment proof mismatch for a device; not approved")
                continue
            kem = X25519PublicKey.from_public_bytes(b64d(d["kem_public_key"], max_bytes=32))
            by_team: dict[str, list[dict[str, Any]]] = {}
            for m in missing:
                team_key = keys.get((m["team_id"], int(m["epoch"])))
                if team_key is None:
                    continue
                by_team.setdefault(m["team_id"], []).append(
                    {
                        "recipient_kind": "device",
                        "recipient_id": d["device_id"],
                        "epoch": int(m["epoch"]),
                        "wrapped": b64e(
                            envelope.wrap_team_key(
                                team_key,
                                team_id=m["team_id"],
                                epoch=int(m["epoch"]),
                                recipient_id=d["device_id"],
                                recipient_public=kem,
                            )
                        ),
                    }
                )
            for team_id, wraps in by_team.items():
                for w in wraps:
                    self.transport().post(
                        "/v1/team-keys",
                        {"team_id": team_id, "epoch": w["epoch"], "wrapped_keys": [w]},
                    )
            approved += 1
        _ = cfg
        return approved

    def revoke(self, device_id: str) -> list[str]:
        """Refuse the device at once, then rotate every team key it held."""
        answer = self.transport().request("POST", f"/v1/devices/{device_id}/revoke")
        teams = [str(t) for t in answer.get("team_ids", [])]
        for team_id in teams:
            self.rotate(team_id)
        return teams

    def rotate(self, team_id: str) -> int:
        """A new team key epoch for new data, wrapped for every active member and recovery."""
        with self._ctx.read() as s:
            cfg = self._require(s, coordinator=True)
            state = s.get(TeamState, team_id)
            recovery = self._recovery_public(s)
            org_id = cfg.organisation_id
        if state is None:
            raise SyncError("Dit toestel hoort niet bij dat team.", "forbidden")
        epoch = state.current_epoch + 1
        key = envelope.new_team_key()
        wraps = [
            {
                "recipient_kind": "recovery",
                "recipient_id": org_id,
                "epoch": epoch,
                "wrapped": b64e(
                    envelope.wrap_team_key(
                        key,
                        team_id=team_id,
                        epoch=epoch,
                        recipient_id=org_id,
                        recipient_public=recovery,
                    )
                ),
            }
        ]
        for d in self.devices():
            if d.get("status") != "active" or team_id not in (d.get("teams") or []):
                continue
            kem = X25519PublicKey.from_public_bytes(b64d(d["kem_public_key"], max_bytes=32))
            wraps.append(
                {
                    "recipient_kind": "device",
                    "recipient_id": d["device_id"],
                    "epoch": epoch,
                    "wrapped": b64e(
                        envelope.wrap_team_key(
                            key,
                            team_id=team_id,
                            epoch=epoch,
                            recipient_id=d["device_id"],
                            recipient_public=kem,
                        )
                    ),
                }
            )
        self.transport().post(
            "/v1/team-keys", {"team_id": team_id, "epoch": epoch, "wrapped_keys": wraps}
        )
        with self._ctx.transaction() as s:
            s.add(TeamKey(team_id=team_id, epoch=epoch, key=key))
            st = s.get(TeamState, team_id)
            assert st is not None
            st.current_epoch = epoch
        return epoch

    # --- one sync pass -------------------------------------------------------------------------
    def sync_once(
        self,
        *,
        confirm_mass_deletion: bool = False,
        progress: ProgressCallback | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """One pass: push the outbox, pull every team's new revisions, merge, repeat while
        merges produced new revisions. `progress` is called between batches (on this thread);
        `should_stop` is asked between batches and ends the pass with `SyncCancelled`, keeping
        every batch already acknowledged or applied."""
        report = SyncReport()
        self._progress = progress
        self._should_stop = should_stop
        with self._ctx.read() as s:
            cfg = self._require(s)
            coordinator = cfg.role == "coordinator"
        self._refresh_me()
        if coordinator:
            report.approved_devices = self.approve_pending()
        for _ in range(MAX_ROUNDS):
            # Erasures first, so nothing about an erased person is pushed or kept after them;
            # again in each round, for follow-up purges the pull before made.
            report.purges_pushed += self._push_purges()
            pushed = self._push(confirm_mass_deletion)
            pulled, merged = self._pull(report)
            report.pushed += pushed
            report.pulled += pulled
            report.merged += merged
            if not merged and not self._purges_waiting():
                break
        with self._ctx.transaction() as s:
            cfg2 = self._config(s)
            assert cfg2 is not None
            cfg2.last_sync_at = now_iso()
        return report

    def _refresh_me(self) -> None:
        me = self.transport().get("/v1/me")
        offset = int(self._clock() * 1000) - int(me.get("server_time_ms", 0))
        if abs(offset) > MAX_SKEW_MS:
            raise ClockSkewError(offset)
        with self._ctx.read() as s:
            private = load_private_key(self._identity(s).private_key)
            have = {(k.team_id, k.epoch) for k in s.scalars(select(TeamKey))}
        device_id = self._ctx.device.device_id
        fresh = []
        for w in me.get("wrapped_keys", []):
            team_id, epoch = str(w["team_id"]), int(w["epoch"])
            if (team_id, epoch) in have:
                continue
            key = envelope.unwrap_team_key(
                b64d(w["wrapped"], max_bytes=256),
                team_id=team_id,
                epoch=epoch,
                recipient_id=device_id,
                recipient_private=private,
            )
            fresh.append(TeamKey(team_id=team_id, epoch=epoch, key=key))
        with self._ctx.transaction() as s:
            for k in fresh:
                s.add(k)
            for t in me.get("teams", []):
                st = s.get(TeamState, t["team_id"])
                if st is None:
                    s.add(
                        TeamState(
                            team_id=t["team_id"],
                            name=t["name"],
                            current_epoch=int(t["current_epoch"]),
                            cursor=0,
                        )
                    )
                else:
                    st.current_epoch, st.name = int(t["current_epoch"]), t["name"]
            cfg = self._config(s)
            assert cfg is not None
            self._heads = {
                str(t["team_id"]): int(t.get("head_seq", 0)) for t in me.get("teams", [])
            }
            if cfg.home_team_id is None and me.get("teams"):
                cfg.home_team_id = me["teams"][0]["team_id"]

    def _keys(self, s: Session) -> dict[tuple[str, int], bytes]:
        return {(k.team_id, k.epoch): k.key for k in s.scalars(select(TeamKey))}

    def _team_of(
        self, s: Session, record_type: str, record_id: str, home: str | None
    ) -> str | None:
        row = s.get(RecordTeam, (record_type, record_id))
        return row.team_id if row is not None else home

    def _teams_of(
        self, s: Session, entries: list[OutboxEntry], home: str | None
    ) -> list[str | None]:
        """The team each queued revision goes to: the record's team once it has one; else
        the team of the person it is about (a coordinator may work in several teams), else
        the home team."""
        known: dict[tuple[str, str], str] = {}
        wanted = {(e.record_type, e.record_id) for e in entries}
        wanted |= {("person", p) for e in entries if (p := _person_of(e.payload)) is not None}
        by_type: dict[str, list[str]] = {}
        for record_type, record_id in wanted:
            by_type.setdefault(record_type, []).append(record_id)
        for record_type, ids in by_type.items():
            for part in chunks(sorted(ids)):
                for row in s.scalars(
                    select(RecordTeam).where(
                        RecordTeam.record_type == record_type, RecordTeam.record_id.in_(part)
                    )
                ):
                    known[(row.record_type, row.record_id)] = row.team_id
        out: list[str | None] = []
        for e in entries:
            team = known.get((e.record_type, e.record_id))
            if team is None:
                person = _person_of(e.payload)
                team = known.get(("person", person)) if person is not None else None
            out.append(team or home)
        return out

    def _push(self, confirm_mass_deletion: bool) -> int:
        pushed = 0
        with self._ctx.read() as s:
            cfg = self._require(s)
            home = cfg.home_team_id
            self._mass_deletion_guard(s, confirm_mass_deletion)
            total = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
        if total:
            self._report("push", 0, total)
        while True:
            self._check_stop()
            with self._ctx.read() as s:
                entries = list(
                    s.scalars(
                        select(OutboxEntry).order_by(OutboxEntry.id).limit(MAX_PUSH_REVISIONS)
                    )
                )
                if not entries:
                    return pushed
                keys = self._keys(s)
                states = {t.team_id: t for t in s.scalars(select(TeamState))}
                batches: dict[str, list[tuple[int, dict[str, Any]]]] = {}
                for e, team in zip(entries, self._teams_of(s, entries, home), strict=True):
                    if team is None or team not in states:
                        raise SyncError(
                            "Dit toestel heeft nog geen team: een coördinator moet "
                            "het eerst goedkeuren.",
                            "no_team",
                        )
                    epoch = states[team].current_epoch
                    key = keys.get((team, epoch))
                    if key is None:
                        raise SyncError(
                            "De teamsleutel ontbreekt nog: een coördinator moet dit "
                            "toestel eerst goedkeuren.",
                            "no_team_key",
                        )
                    meta = envelope.RecordMeta(
                        team,
                        e.record_type,
                        e.record_id,
                        e.revision,
                        tuple(e.parents),
                        self._ctx.device.device_id,
                        epoch,
                    )
                    batches.setdefault(team, []).append(
                        (
                            e.id,
                            {
                                "record_type": e.record_type,
                                "record_id": e.record_id,
                                "revision": e.revision,
                                "parents": list(e.parents),
                                "epoch": epoch,
                                "ciphertext": b64e(envelope.seal_record(key, meta, e.payload)),
                            },
                        )
                    )
            for team, items in batches.items():
                answer = self.transport().post(
                    "/v1/push", {"team_id": team, "revisions": [body for _, body in items]}
                )
                results = {r["revision"]: r["status"] for r in answer.get("results", [])}
                faults.hit("after_push_before_ack")
                acked = [(i, body) for i, body in items if body["revision"] in results]
                with self._ctx.transaction() as s:
                    # Not acknowledged: stays queued.
                    for ids in chunks([i for i, _ in acked]):
                        s.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(ids)))
                    rows = list(
                        {
                            (b["record_type"], b["record_id"]): {
                                "record_type": b["record_type"],
                                "record_id": b["record_id"],
                                "team_id": team,
                            }
                            for _, b in acked
                        }.values()
                    )
                    for part in chunks(rows):
                        s.execute(sqlite_insert(RecordTeam).on_conflict_do_nothing(), list(part))
                pushed += len(acked)
                self._report("push", pushed, max(total, pushed))
                if len(acked) < len(items):
                    raise SyncError(
                        "De centrale opslag bevestigde niet alle wijzigingen; ze blijven "
                        "klaarstaan voor de volgende synchronisatie.",
                        "partial_ack",
                    )

    def _mass_deletion_guard(self, s: Session, confirmed: bool) -> None:
        if confirmed:
            return
        # Counted in SQL: a first push may queue hundreds of thousands of payloads.
        deletions = int(
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(
                    func.json_extract(OutboxEntry.payload, "$.fields.deleted") == 1,
                    func.json_array_length(OutboxEntry.parents) > 0,
                )
            )
            or 0
        )
        if deletions <= MASS_DELETE_MIN:
            return
        live = 0
        for model in MODEL_BY_TYPE.values():
            live += int(s.scalar(select(func.count()).select_from(model)) or 0)
        if live and deletions / live > MASS_DELETE_SHARE:
            raise MassDeletionPending(deletions, live)

    def _pull(self, report: SyncReport) -> tuple[int, int]:
        """Every team's new revisions, page by page. The next page is fetched on a helper
        thread while this one is applied (the store's work and the network overlap with
        ours). Pages are applied with their cursor in transactions of up to
        `PULL_TRANSACTION_RECORDS` (fewer, larger commits: a first sync touches index pages
        all over the vault), so whatever was fetched but not committed is fetched again."""
        pulled = merged = 0
        with self._ctx.read() as s:
            start = {t.team_id: t.cursor for t in s.scalars(select(TeamState))}
            keys = self._keys(s)
        cursors = dict(start)
        total = sum(max(0, self._heads.get(team, 0) - c) for team, c in start.items())
        transport = self.transport()

        def fetch(team: str, after: int) -> tuple[dict[str, Any], list[Any]]:
            # Only the request here: decrypting on this thread too would contend for the GIL
            # with the inserts of the page before (measured: slower overall).
            answer = transport.get(f"/v1/pull?team={team}&after={after}&limit={PULL_PAGE}")
            items = answer.get("items", [])
            if not isinstance(items, list):
                raise SyncError(BAD_RESPONSE, "bad_response")
            return answer, items

        try:
            with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as ahead, ExitStack() as tx:
                session: Session | None = None
                in_tx = 0
                for team in start:
                    after = start[team]
                    self._check_stop()
                    coming = ahead.submit(fetch, team, after)
                    while True:
                        answer, raw = coming.result()
                        page = [self._decode(team, item, keys) for item in raw]
                        next_after = int(answer.get("next_after", after))
                        more = bool(answer.get("more"))
                        stop = more and self._stop_requested()
                        if more and not stop:
                            coming = ahead.submit(fetch, team, next_after)
                        if session is None:
                            # Pulled again if a power cut undoes it, since its cursor goes too.
                            session = tx.enter_context(self._ctx.transaction(durable=False))
                        p, m = self._apply_page(session, team, page, report)
                        faults.hit("mid_pull")
                        st = session.get(TeamState, team)
                        assert st is not None
                        st.cursor = max(st.cursor, next_after)
                        cursors[team] = st.cursor
                        in_tx += len(page)
                        if stop or not more or in_tx >= PULL_TRANSACTION_RECORDS:
                            tx.close()  # commit
                            session, in_tx = None, 0
                        pulled += p
                        merged += m
                        if not more:  # the rest up to the head was superseded or purged
                            cursors[team] = max(cursors[team], self._heads.get(team, 0))
                        done = sum(c - start[t] for t, c in cursors.items())
                        self._report("pull", done, max(total, done))
                        if stop:
                            raise SyncCancelled()
                        if not more:
                            break
                        after = next_after
        except BaseException:
            # Stopped or failed: still index what arrived, unless that fails too (then the
            # next sync does it); the original error is the one to report.
            try:
                self._work_off_index_debt()
            except Exception:
                log.warning("local indexes not rebuilt after an interrupted pull", exc_info=True)
            raise
        self._work_off_index_debt()
        return pulled, merged

    def _work_off_index_debt(self) -> None:
        """Rebuild the local indexes of people touched by pulled records (set-wise, in
        batches, each in its own transaction with the debt it clears)."""
        vocab = vocabularies.builtin()
        while True:
            # Redone if a power cut undoes it: the debt it clears comes back with it.
            with self._ctx.transaction(durable=False) as s:
                if not local_index.work_off(s, vocab, limit=INDEX_REBUILD_PEOPLE):
                    return

    def _decode(self, team: str, item: Any, keys: dict[tuple[str, int], bytes]) -> _Pulled:
        """Check, decrypt and validate one pulled item (no database work)."""
        if not isinstance(item, dict):
            raise SyncError(BAD_RESPONSE, "bad_response")
        try:
            if item.get("kind") == "purge":
                return _Pulled(purge=[(str(t), str(i)) for t, i in item["record_refs"]])
            record_type, record_id = str(item["record_type"]), str(item["record_id"])
            epoch = int(item["epoch"])
            meta = envelope.RecordMeta(
                team,
                record_type,
                record_id,
                str(item["revision"]),
                tuple(str(p) for p in item.get("parents", [])),
                str(item["device_id"]),
                epoch,
            )
            ciphertext = b64d(item["ciphertext"], max_bytes=256 * 1024)
        except (KeyError, TypeError, ValueError) as exc:
            raise SyncError(BAD_RESPONSE, "bad_response") from exc
        if record_type not in MODEL_BY_TYPE:
            log.warning("unknown record type in pull skipped")
            return _Pulled()
        key = keys.get((team, epoch))
        if key is None:
            raise SyncError(
                "Een teamsleutel ontbreekt; synchroniseer opnieuw na goedkeuring.", "no_team_key"
            )
        try:
            payload = envelope.open_record(key, meta, ciphertext)
            inc = parse_payload(record_type, record_id, meta.revision, meta.parents, payload)
            assert inc.newest is not None  # parse_payload requires clocks
            self._check_skew(inc.newest)
        except (envelope.EnvelopeError, PayloadError, ValueError) as exc:
            raise SyncError(
                "Een gegeven van de centrale opslag klopt niet (beschadigd of "
                "gewijzigd) en werd geweigerd.",
                "bad_record",
            ) from exc
        return _Pulled(incoming=inc)

    def _apply_page(
        self, s: Session, team: str, page: list[_Pulled], report: SyncReport
    ) -> tuple[int, int]:
        """Apply one pulled page inside one transaction. Records never seen here go in bulk
        (`PageInserts`); the rest (held already, erased, purges) one by one, in order."""
        pulled = merged = 0
        debt = local_index.Debt()
        fresh = PageInserts(s, team, debt)

        def look() -> tuple[set[str], dict[tuple[str, str], str], set[tuple[str, str]]]:
            keys = [(p.incoming.record_type, p.incoming.record_id) for p in page if p.incoming]
            return (erased_people(s), *known_records(s, keys))

        erased, held, purged = look()
        newest: Stamp | None = None
        for p in page:
            outcome: str
            if p.purge is not None:
                fresh.flush()
                apply_purge(s, p.purge)
                for t, person_id in p.purge:
                    if t == "person":
                        s.flush()
                        self._follow_up_purge(
                            s, person_id, purge_person_leftovers(s, person_id, self._records())
                        )
                outcome = "purge"
                erased, held, purged = look()
            elif p.incoming is None:
                outcome = "skipped"
            else:
                inc = p.incoming
                assert inc.newest is not None
                newest = inc.newest if newest is None or inc.newest > newest else newest
                key = (inc.record_type, inc.record_id)
                slow = (
                    key in purged
                    or key in fresh.keys
                    or (key in held and held[key] != inc.revision)
                    or references_erased(inc, erased) is not None
                )
                if not slow and key in held:
                    fresh.route(inc)
                    outcome = str(Outcome.SAME)
                elif not slow:
                    fresh.add(inc)
                    outcome = str(Outcome.INSERTED)
                else:
                    fresh.flush()
                    outcome = self._apply_one(s, team, inc, erased, debt)
                    held[key] = ""  # changed or gone: look it up again if it comes back
            report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
            pulled += 1
            if outcome == Outcome.MERGED:
                merged += 1
            elif outcome == "purge":
                report.purged += 1
        fresh.flush()
        if newest is not None:
            Records.note_seen_stamp(s, newest.encode())
        local_index.owe(s, debt)
        return pulled, merged

    def _apply_one(
        self, s: Session, team: str, inc: Incoming, erased: set[str], debt: local_index.Debt
    ) -> str:
        record_type, record_id = inc.record_type, inc.record_id
        if s.get(RecordTeam, (record_type, record_id)) is None:
            s.add(RecordTeam(record_type=record_type, record_id=record_id, team_id=team))
        person = references_erased(inc, erased)
        if person is not None and not (
            record_type == "contact_moment" and len(inc.fields.get("people") or []) > 1
        ):
            # About a person erased elsewhere, made before that device's erasure reached its
            # author: never kept, and purged from the store too.
            self._follow_up_purge(s, person, [(record_type, record_id)])
            return "purge"
        outcome = str(apply_incoming(s, inc, device_worker=self._ctx.device.worker_id, debt=debt))
        if person is not None:  # a group contact: it goes on without the erased person
            s.flush()
            self._follow_up_purge(s, person, purge_person_leftovers(s, person, self._records()))
        return outcome

    def _stop_requested(self) -> bool:
        return self._should_stop is not None and self._should_stop()

    def _check_stop(self) -> None:
        if self._stop_requested():
            raise SyncCancelled()

    def _report(self, phase: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(SyncProgress(phase, done, total))

    def _records(self) -> Records:
        if self._writer is None:
            self._writer = Records(self._ctx)
        return self._writer

    def _follow_up_purge(self, s: Session, person_id: str, refs: list[tuple[str, str]]) -> None:
        apply_purge(s, refs)
        if refs:
            s.add(
                Purge(
                    id=str(uuid.uuid4()),
                    person_id=person_id,
                    record_refs=[list(r) for r in refs],
                    erased_at=now_iso(),
                    erased_by=self._ctx.device.worker_id,
                )
            )

    def _check_skew(self, newest: Stamp) -> None:
        """Refuse a pulled record whose newest stamp lies beyond the skew limit."""
        now = int(self._clock() * 1000)
        if newest.wall_ms - now > MAX_SKEW_MS:
            raise ClockSkewError(now - newest.wall_ms)

    def _purges_waiting(self) -> bool:
        with self._ctx.read() as s:
            return s.scalars(select(Purge.id).where(Purge.pushed_at.is_(None))).first() is not None

    def _push_purges(self) -> int:
        with self._ctx.read() as s:
            cfg = self._require(s)
            purges = list(s.scalars(select(Purge).where(Purge.pushed_at.is_(None))))
            routed = []
            for p in purges:
                owners = {self._team_of(s, t, i, cfg.home_team_id) for t, i in p.record_refs}
                routed.append((p.id, sorted(t for t in owners if t), p.record_refs))
        for purge_id, teams, refs in routed:
            for team in teams:
                self.transport().post(
                    "/v1/purge", {"team_id": team, "purge_id": purge_id, "record_refs": refs}
                )
            with self._ctx.transaction() as s:
                row = s.get(Purge, purge_id)
                if row is not None:
                    row.pushed_at = now_iso()
                apply_purge(s, [(str(t), str(i)) for t, i in refs])
        return len(routed)

    # --- conflicts ---------------------------------------------------------------------------
    def resolve_conflict(self, conflict_id: int, choice: str, records: Any) -> None:
        """`choice`: "accept" (keep what is there now), "kept" or "lost" (write that value as a
        new edit, which syncs like any other). The value before is remembered for `undo`."""
        if choice not in ("accept", "kept", "lost"):
            raise ValueError(choice)
        with self._ctx.transaction() as s:
            c = s.get(ConflictRecord, conflict_id)
            if c is None or c.status != "open":
                raise ValidationError("Dit conflict is al behandeld.")
            obj = s.get(MODEL_BY_TYPE[c.record_type], c.record_id)
            if obj is None:
                raise ValidationError("Het gegeven bestaat niet meer.")
            c.previous = {"value": getattr(obj, c.field)}
            if choice != "accept":
                records.update(s, obj, {c.field: c.kept if choice == "kept" else c.lost})
                _refresh_after_edit(s, obj)
            c.status = {"accept": "accepted", "kept": "kept", "lost": "restored"}[choice]
            c.resolved_at = now_iso()

    def undo_conflict(self, conflict_id: int, records: Any) -> None:
        """Put back the value from before the choice and reopen the conflict."""
        with self._ctx.transaction() as s:
            c = s.get(ConflictRecord, conflict_id)
            if c is None or c.status == "open":
                raise ValidationError("Er is niets om ongedaan te maken.")
            obj = s.get(MODEL_BY_TYPE[c.record_type], c.record_id)
            if obj is not None and c.status in ("kept", "restored") and c.previous is not None:
                records.update(s, obj, {c.field: c.previous["value"]})
                _refresh_after_edit(s, obj)
            c.status, c.resolved_at, c.previous = "open", None, None

    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        with self._ctx.read() as s:
            q = select(ConflictRecord).order_by(ConflictRecord.id.desc())
            if open_only:
                q = q.where(ConflictRecord.status == "open")
            return [
                ConflictRow(
                    c.id,
                    c.record_type,
                    c.record_id,
                    c.field,
                    c.kept,
                    c.lost,
                    c.lost_by,
                    c.both_kept,
                    c.created_at,
                    c.status,
                    c.resolved_at,
                )
                for c in s.scalars(q)
            ]


def _refresh_after_edit(s: Session, obj: Any) -> None:
    from app.services.sync_apply import refresh_local_indexes

    s.flush()
    refresh_local_indexes(s, obj, previous_people=())


def _person_of(payload: Any) -> str | None:
    """The person a queued revision is about (its `person_id`, or a contact's first person)."""
    fields = payload.get("fields") if isinstance(payload, dict) else None
    if not isinstance(fields, dict):
        return None
    person = fields.get("person_id")
    if isinstance(person, str):
        return person
    people = fields.get("people")
    if isinstance(people, list) and people and isinstance(people[0], dict):
        first = people[0].get("person_id")
        return first if isinstance(first, str) else None
    return None


def random_id() -> str:
    return base64.urlsafe_b64encode(os.urandom(9)).decode()
