"""The central store's operations over SQLAlchemy Core, one function per endpoint.

Every function runs inside a transaction the caller opened (app/server/db.py): write
operations in `write_tx`, reads in `read_tx`. Nothing here keeps state between requests except
the time of the last nonce pruning, which only affects housekeeping.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Table, delete, func, select, tuple_, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import CursorResult

from app.server import schema as t
from app.server import wire
from app.server.errors import ApiError, forbidden, invalid
from app.server.ratelimit import retry_after
from app.sync import trust
from app.sync.codes import DeviceStatus, ErrorCode, ItemKind, PushStatus, RecipientKind, Role
from app.sync.protocol import (
    MAX_BODY_BYTES,
    MAX_SKEW_MS,
    NONCE_WINDOW_MS,
    ProtocolError,
    b64d,
    b64e,
    int_in,
    parse_signed_headers,
    uuid_str,
    verify_request,
)

INVITE_MAX_AHEAD_MS = 7 * 24 * 3600 * 1000
# A pull stops early (with `more`) once this much ciphertext is in the batch, so a response
# stays well under the 8 MiB body limit even after base64.
PULL_MAX_CIPHERTEXT_BYTES = (MAX_BODY_BYTES // 4) * 3 - 512 * 1024
PRUNE_EVERY_MS = 60_000
_CHUNK = 500


@dataclass(frozen=True)
class Caller:
    device_id: str
    role: str
    status: str = DeviceStatus.ACTIVE


@dataclass(frozen=True)
class SignedRequest:
    headers: Mapping[str, str]
    method: str
    target: str  # path, plus "?" and the raw query string when there is one
    body: bytes


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def insert_ignore(conn: Connection, table: Table, row: Mapping[str, Any]) -> int:
    """INSERT … ON CONFLICT DO NOTHING; the number of rows inserted (0 or 1)."""
    dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    key = next(iter(table.primary_key.columns))
    # RETURNING rather than rowcount: psycopg does not report a row count here.
    stmt = dialect.insert(table).values(**row).on_conflict_do_nothing().returning(key)
    return len(conn.execute(stmt).all())


class Store:
    def __init__(self, *, charge_device: Callable[[str], float] | None = None) -> None:
        self._charge_device = charge_device
        self._roster: trust.Roster | None = None
        self._roster_lock = threading.Lock()
        self._last_prune_ms = 0
        self._prune_lock = threading.Lock()

    # --- authentication ------------------------------------------------------------------------

    def authenticate(self, conn: Connection, req: SignedRequest, now_ms: int) -> Caller:
        try:
            h = parse_signed_headers(req.headers)
        except ProtocolError:
            raise ApiError(401, ErrorCode.UNAUTHENTICATED) from None
        row = conn.execute(
            select(t.devices.c.sign_public_key, t.devices.c.status, t.devices.c.role).where(
                t.devices.c.device_id == h.device_id
            )
        ).first()
        if row is None:
            raise ApiError(401, ErrorCode.UNKNOWN_DEVICE)
        key = Ed25519PublicKey.from_public_bytes(bytes(row.sign_public_key))
        if not verify_request(key, h, req.method, req.target, req.body):
            raise ApiError(401, ErrorCode.BAD_SIGNATURE)
        if row.status == DeviceStatus.REVOKED:
            raise ApiError(403, ErrorCode.REVOKED)
        if self._charge_device is not None:
            wait = self._charge_device(h.device_id)
            if wait > 0:
                raise ApiError(
                    429, ErrorCode.RATE_LIMITED, headers={"Retry-After": retry_after(wait)}
                )
        if abs(h.time_ms - now_ms) > MAX_SKEW_MS:
            raise ApiError(401, ErrorCode.CLOCK_SKEW, extra={"server_time_ms": now_ms})
        self._maybe_prune(conn, now_ms)
        fresh = insert_ignore(
            conn, t.nonces, {"device_id": h.device_id, "nonce": h.nonce, "seen_at_ms": now_ms}
        )
        if fresh != 1:
            raise ApiError(409, ErrorCode.REPLAY)
        return Caller(h.device_id, str(row.role), str(row.status))

    def _maybe_prune(self, conn: Connection, now_ms: int) -> None:
        with self._prune_lock:
            if now_ms - self._last_prune_ms < PRUNE_EVERY_MS:
                return
            self._last_prune_ms = now_ms
        conn.execute(delete(t.nonces).where(t.nonces.c.seen_at_ms < now_ms - NONCE_WINDOW_MS))

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _coordinator(caller: Caller) -> None:
        Store._approved(caller)
        if caller.role != Role.COORDINATOR:
            raise forbidden()

    @staticmethod
    def _approved(caller: Caller) -> None:
        """Team data only for devices a coordinator's signed approval made members."""
        if caller.status != DeviceStatus.ACTIVE:
            raise ApiError(403, ErrorCode.NOT_APPROVED)

    @staticmethod
    def _organisation(conn: Connection) -> Any:
        return conn.execute(select(t.organisations)).first()

    @staticmethod
    def _is_member(conn: Connection, device_id: str, team_id: str) -> bool:
        return (
            conn.execute(
                select(t.device_teams.c.team_id).where(
                    t.device_teams.c.device_id == device_id, t.device_teams.c.team_id == team_id
                )
            ).first()
            is not None
        )

    @staticmethod
    def _lock_team(conn: Connection, team_id: str) -> Any:
        """The team row, locked until commit: a team's writes are serialised."""
        return conn.execute(
            select(t.teams.c.team_id, t.teams.c.current_epoch, t.teams.c.next_seq)
            .where(t.teams.c.team_id == team_id)
            .with_for_update(key_share=True)
        ).first()

    @staticmethod
    def _member_team(conn: Connection, caller: Caller, team_id: str, *, lock: bool) -> Any:
        Store._approved(caller)
        # Not a member and no such team look the same from outside: 403.
        if not Store._is_member(conn, caller.device_id, team_id):
            raise forbidden()
        if lock:
            team = Store._lock_team(conn, team_id)
        else:
            team = conn.execute(select(t.teams).where(t.teams.c.team_id == team_id)).first()
        if team is None:
            raise forbidden()
        return team

    @staticmethod
    def _store_wraps(
        conn: Connection,
        roster: trust.Roster,
        caller: Caller,
        wraps: Sequence[tuple[str, wire.WrappedKeyIn]],
        epochs_before: Mapping[str, int],
        now_ms: int,
    ) -> int:
        """Store wrapped team keys, only for the verified roster: an active member of the team
        or the organisation's recovery key, and only for epochs the log announced. An epoch
        new in this append must reach every member and the recovery key. The same wrap again
        is ignored; another wrap for a recipient that has one is a conflict."""
        stored = 0
        for team_id, before in epochs_before.items():
            for epoch in range(before + 1, roster.teams[team_id].epoch + 1):
                got = {
                    (w.recipient_kind, w.recipient_id)
                    for tid, w in wraps
                    if tid == team_id and w.epoch == epoch
                }
                need = {(RecipientKind.DEVICE, d.device_id) for d in roster.members(team_id)}
                need.add((RecipientKind.RECOVERY, roster.organisation_id))
                if not need <= got:
                    raise ApiError(409, ErrorCode.ROTATION_INCOMPLETE)
        for team_id, w in wraps:
            entry = roster.teams.get(team_id)
            if entry is None or not roster.is_member(caller.device_id, team_id):
                raise forbidden()
            if not 1 <= w.epoch <= entry.epoch:
                raise ApiError(409, ErrorCode.UNKNOWN_EPOCH)
            if w.recipient_kind == RecipientKind.RECOVERY:
                if w.recipient_id != roster.organisation_id:
                    raise ApiError(409, ErrorCode.UNKNOWN_RECIPIENT)
            elif not roster.is_member(w.recipient_id, team_id):
                raise ApiError(409, ErrorCode.UNKNOWN_RECIPIENT)
            existing = conn.execute(
                select(t.team_keys.c.wrapped).where(
                    t.team_keys.c.team_id == team_id,
                    t.team_keys.c.epoch == w.epoch,
                    t.team_keys.c.recipient_kind == w.recipient_kind,
                    t.team_keys.c.recipient_id == w.recipient_id,
                )
            ).first()
            if existing is not None:
                if bytes(existing.wrapped) != w.wrapped:
                    raise ApiError(409, ErrorCode.KEY_CONFLICT)
                continue
            conn.execute(
                t.team_keys.insert().values(
                    team_id=team_id,
                    epoch=w.epoch,
                    recipient_kind=w.recipient_kind,
                    recipient_id=w.recipient_id,
                    wrapped=w.wrapped,
                    created_by=caller.device_id,
                    created_at_ms=now_ms,
                )
            )
            stored += 1
        return stored

    # --- organisation --------------------------------------------------------------------------

    @staticmethod
    def organisation_exists(conn: Connection) -> bool:
        return Store._organisation(conn) is not None

    def bootstrap(self, conn: Connection, body: Mapping[str, Any], now_ms: int) -> dict[str, Any]:
        """A new organisation from its genesis statement (signed by the new root key, carrying
        the recovery key and the first coordinator device)."""
        try:
            wire.fields(body, "organisation", {"statement"})
            st = trust.parse_statement(body["statement"])
            roster = trust.genesis_roster(st, pinned=None)
        except (ProtocolError, trust.TrustError):
            raise invalid() from None
        if self.organisation_exists(conn):
            raise ApiError(409, ErrorCode.ORGANISATION_EXISTS)
        (dev,) = roster.devices.values()
        conn.execute(
            t.organisations.insert().values(
                singleton=1,
                organisation_id=roster.organisation_id,
                name=roster.name,
                recovery_public_key=roster.recovery_public,
                root_public_key=roster.root_public,
                created_at_ms=now_ms,
            )
        )
        conn.execute(
            t.devices.insert().values(
                device_id=dev.device_id,
                label=dev.label,
                role=Role.COORDINATOR,
                status=DeviceStatus.ACTIVE,
                sign_public_key=dev.sign_public,
                kem_public_key=dev.kem_public,
                invite_id=None,
                enrol_proof=None,
                enrolled_at_ms=now_ms,
                revoked_at_ms=None,
            )
        )
        self._insert_statements(conn, [st], now_ms)
        return {
            "organisation_id": roster.organisation_id,
            "device_id": dev.device_id,
            "role": Role.COORDINATOR,
            "server_time_ms": now_ms,
        }

    # --- the membership log --------------------------------------------------------------------

    @staticmethod
    def _insert_statements(
        conn: Connection, statements: Sequence[trust.Statement], now_ms: int
    ) -> None:
        if statements:
            conn.execute(
                t.org_log.insert(),
                [
                    {
                        "seq": st.seq,
                        "hash": st.hash,
                        "statement": _json(st.raw),
                        "stored_at_ms": now_ms,
                    }
                    for st in statements
                ],
            )

    def roster(self, conn: Connection) -> trust.Roster | None:
        """The organisation's roster, verified from its log (None before the genesis: a v1
        organisation not yet moved). Verified statements are cached per instance; the cache
        is only extended, after checking that its head is still the stored statement there."""
        org = self._organisation(conn)
        if org is None or org.root_public_key is None:
            return None
        with self._roster_lock:
            cached = self._roster
        if cached is not None and cached.organisation_id == org.organisation_id:
            row = conn.execute(
                select(t.org_log.c.hash).where(t.org_log.c.seq == cached.seq)
            ).first()
            if row is None or row.hash != cached.head:
                cached = None
        else:
            cached = None
        after = 0 if cached is None else cached.seq
        rows = conn.execute(
            select(t.org_log.c.statement).where(t.org_log.c.seq > after).order_by(t.org_log.c.seq)
        ).all()
        try:
            raws = [json.loads(r.statement) for r in rows]
            if cached is None:
                pinned = trust.fingerprint(bytes(org.root_public_key))
                roster = trust.verify_log(raws, pinned)
            else:
                roster = trust.extend(copy.deepcopy(cached), raws)
        except (ValueError, trust.TrustError):
            raise ApiError(500, ErrorCode.INTERNAL) from None  # our own log does not verify
        with self._roster_lock:
            self._roster = copy.deepcopy(roster)
        return roster

    def read_log(self, conn: Connection, caller: Caller, req: wire.LogQueryIn) -> dict[str, Any]:
        """Statements after `req.after`, for any device that is not revoked (a pending device
        reads the log to see its own approval)."""
        rows = conn.execute(
            select(t.org_log.c.seq, t.org_log.c.statement)
            .where(t.org_log.c.seq > req.after)
            .order_by(t.org_log.c.seq)
            .limit(req.limit + 1)
        ).all()
        head = conn.execute(select(func.max(t.org_log.c.seq))).scalar()
        return {
            "statements": [json.loads(r.statement) for r in rows[: req.limit]],
            "more": len(rows) > req.limit,
            "head": int(head or 0),
        }

    def append_log(
        self, conn: Connection, caller: Caller, body: Mapping[str, Any], now_ms: int
    ) -> dict[str, Any]:
        """Append statements (each verified against the log so far, signed by the caller) and
        store wrapped team keys, in one transaction: an approval with its keys, a revocation
        with the rotations it needs, a new team with its first epoch."""
        try:
            req = wire.log_append_in(body)
        except ProtocolError:
            raise invalid() from None
        org = conn.execute(select(t.organisations).with_for_update()).first()  # appends in order
        if org is None:
            raise ApiError(404, ErrorCode.UNKNOWN_TEAM)
        roster = self.roster(conn)
        upgrading = roster is None
        accepted: list[trust.Statement] = []
        epochs_before: dict[str, int] = {}
        try:
            for raw in req.statements:
                st = trust.parse_statement(raw)
                if roster is None:
                    # A v1 organisation moves to v2: its genesis comes from one of its
                    # coordinators, for itself, with the keys the store already has.
                    self._coordinator(caller)
                    roster = trust.genesis_roster(st, pinned=None)
                    (first,) = roster.devices.values()
                    if (
                        roster.organisation_id != org.organisation_id
                        or first.device_id != caller.device_id
                        or not self._same_keys(conn, first)
                    ):
                        raise trust.TrustError("bad_genesis")
                    accepted.append(st)
                    continue
                if st.signer != caller.device_id:
                    raise trust.TrustError("not_the_caller")
                trust.apply_statement(roster, st)
                self._effect(conn, roster, st, upgrading, now_ms, epochs_before)
                accepted.append(st)
        except trust.TrustError as exc:
            raise ApiError(409, ErrorCode.BAD_STATEMENT, extra={"reason": exc.reason}) from None
        if roster is None:
            raise ApiError(409, ErrorCode.BAD_STATEMENT, extra={"reason": "empty_log"})
        if upgrading and accepted:
            conn.execute(
                update(t.organisations).values(
                    root_public_key=roster.root_public,
                    recovery_public_key=roster.recovery_public,
                )
            )
        self._insert_statements(conn, accepted, now_ms)
        self._store_wraps(conn, roster, caller, req.wrapped_keys, epochs_before, now_ms)
        return {"head": roster.seq, "appended": len(accepted), "server_time_ms": now_ms}

    @staticmethod
    def _same_keys(conn: Connection, d: trust.DeviceEntry) -> bool:
        row = conn.execute(
            select(t.devices.c.sign_public_key, t.devices.c.kem_public_key).where(
                t.devices.c.device_id == d.device_id
            )
        ).first()
        return (
            row is not None
            and bytes(row.sign_public_key) == d.sign_public
            and bytes(row.kem_public_key) == d.kem_public
        )

    def _effect(
        self,
        conn: Connection,
        after: trust.Roster,
        st: trust.Statement,
        upgrading: bool,
        now_ms: int,
        epochs_before: dict[str, int],
    ) -> None:
        """What a verified statement changes in the store's own tables (access control)."""
        kind = st.kind
        if kind == trust.StatementKind.TEAM:
            team_id = str(st.body["team_id"])
            exists = conn.execute(select(t.teams.c.team_id).where(t.teams.c.team_id == team_id))
            if exists.first() is None:
                conn.execute(
                    t.teams.insert().values(
                        team_id=team_id,
                        name=after.teams[team_id].name,
                        current_epoch=0,
                        next_seq=1,
                        created_by=st.signer,
                        created_at_ms=now_ms,
                    )
                )
            elif not upgrading:
                raise trust.TrustError("team_exists")
            insert_ignore(conn, t.device_teams, {"device_id": st.signer, "team_id": team_id})
        elif kind == trust.StatementKind.ADD_DEVICE:
            d = after.devices[str(st.body["device_id"])]
            row = conn.execute(
                select(t.devices.c.status).where(t.devices.c.device_id == d.device_id)
            ).first()
            if row is None or not self._same_keys(conn, d):
                raise trust.TrustError("unknown_device")
            if row.status == DeviceStatus.REVOKED:
                raise trust.TrustError("unknown_device")
            conn.execute(
                update(t.devices)
                .where(t.devices.c.device_id == d.device_id)
                .values(status=DeviceStatus.ACTIVE, role=d.role)
            )
            conn.execute(delete(t.device_teams).where(t.device_teams.c.device_id == d.device_id))
            for team_id in sorted(d.teams):
                insert_ignore(conn, t.device_teams, {"device_id": d.device_id, "team_id": team_id})
        elif kind == trust.StatementKind.ROLE:
            device_id = str(st.body["device_id"])
            conn.execute(
                update(t.devices)
                .where(t.devices.c.device_id == device_id)
                .values(role=after.devices[device_id].role)
            )
        elif kind == trust.StatementKind.REVOKE:
            conn.execute(
                update(t.devices)
                .where(t.devices.c.device_id == str(st.body["device_id"]))
                .values(status=DeviceStatus.REVOKED, revoked_at_ms=now_ms)
            )
        elif kind == trust.StatementKind.EPOCH:
            team_id = str(st.body["team_id"])
            team = self._lock_team(conn, team_id)
            if team is None:
                raise trust.TrustError("unknown_team")
            epochs_before.setdefault(team_id, int(team.current_epoch))
            epoch = int(st.body["epoch"])
            if epoch > int(team.current_epoch):
                conn.execute(
                    update(t.teams).where(t.teams.c.team_id == team_id).values(current_epoch=epoch)
                )
            elif not upgrading:
                raise trust.TrustError("epoch_out_of_order")

    def list_teams(self, conn: Connection, caller: Caller) -> dict[str, Any]:
        self._coordinator(caller)
        members: dict[str, list[str]] = {}
        for r in conn.execute(select(t.device_teams).order_by(t.device_teams.c.device_id)):
            members.setdefault(r.team_id, []).append(r.device_id)
        return {
            "teams": [
                {
                    "team_id": r.team_id,
                    "name": r.name,
                    "current_epoch": r.current_epoch,
                    "devices": members.get(r.team_id, []),
                }
                for r in conn.execute(select(t.teams).order_by(t.teams.c.team_id))
            ]
        }

    # --- invites and enrolment -----------------------------------------------------------------

    def create_invite(
        self, conn: Connection, caller: Caller, body: Mapping[str, Any], now_ms: int
    ) -> tuple[int, dict[str, Any]]:
        self._coordinator(caller)
        try:
            wire.fields(body, "invite", {"invite_id", "team_ids", "role", "expires_at_ms"})
            invite_id = uuid_str(body["invite_id"], "invite_id")
            team_ids = [
                uuid_str(x, "team_id")
                for x in wire.array(body["team_ids"], "team_ids", 0, wire.MAX_TEAMS_PER_INVITE)
            ]
            role = wire.one_of(body["role"], wire.ROLES, "role")
            expires = int_in(
                body["expires_at_ms"], now_ms + 1, now_ms + INVITE_MAX_AHEAD_MS, "expires_at_ms"
            )
        except ProtocolError:
            raise invalid() from None
        if len(set(team_ids)) != len(team_ids):
            raise invalid()
        known = {
            r.team_id
            for r in conn.execute(select(t.teams.c.team_id).where(t.teams.c.team_id.in_(team_ids)))
        }
        if known != set(team_ids):
            raise ApiError(404, ErrorCode.UNKNOWN_TEAM)
        existing = conn.execute(select(t.invites).where(t.invites.c.invite_id == invite_id)).first()
        if existing is not None:
            if (
                existing.created_by == caller.device_id
                and json.loads(existing.team_ids) == team_ids
            ):
                return 200, {"invite_id": invite_id, "expires_at_ms": existing.expires_at_ms}
            raise ApiError(409, ErrorCode.INVITE_EXISTS)
        conn.execute(
            t.invites.insert().values(
                invite_id=invite_id,
                team_ids=_json(team_ids),
                role=role,
                expires_at_ms=expires,
                created_by=caller.device_id,
                created_at_ms=now_ms,
                used_by=None,
                used_at_ms=None,
            )
        )
        return 201, {"invite_id": invite_id, "expires_at_ms": expires}

    def enrol(
        self, conn: Connection, body: Mapping[str, Any], now_ms: int
    ) -> tuple[int, dict[str, Any]]:
        try:
            wire.fields(body, "enrol", {"invite_id", "device", "proof"})
            invite_id = uuid_str(body["invite_id"], "invite_id")
            dev = wire.device_in(body["device"])
            proof = b64d(body["proof"], max_bytes=wire.PROOF_BYTES, what="proof")
        except ProtocolError:
            raise invalid() from None
        if len(proof) != wire.PROOF_BYTES:
            raise invalid()
        org = self._organisation(conn)
        invite = conn.execute(select(t.invites).where(t.invites.c.invite_id == invite_id)).first()
        if invite is None or org is None:
            raise ApiError(410, ErrorCode.INVITE_INVALID)
        answer = {
            "device_id": dev.device_id,
            "status": DeviceStatus.PENDING,
            "organisation_id": org.organisation_id,
            "server_time_ms": now_ms,
        }
        if invite.used_by is not None:
            prior = conn.execute(
                select(t.devices).where(t.devices.c.device_id == invite.used_by)
            ).first()
            if (
                invite.used_by == dev.device_id
                and prior is not None
                and bytes(prior.sign_public_key) == dev.sign_public_key
                and bytes(prior.kem_public_key) == dev.kem_public_key
                and bytes(prior.enrol_proof or b"") == proof
            ):
                return 200, answer  # a retry whose response was lost
            raise ApiError(410, ErrorCode.INVITE_INVALID)
        if invite.expires_at_ms <= now_ms:
            raise ApiError(410, ErrorCode.INVITE_INVALID)
        if conn.execute(
            select(t.devices.c.device_id).where(t.devices.c.device_id == dev.device_id)
        ).first():
            raise ApiError(409, ErrorCode.DEVICE_EXISTS)
        claimed: CursorResult[Any] = conn.execute(
            update(t.invites)
            .where(
                t.invites.c.invite_id == invite_id,
                t.invites.c.used_by.is_(None),
                t.invites.c.expires_at_ms > now_ms,
            )
            .values(used_by=dev.device_id, used_at_ms=now_ms)
        )
        if claimed.rowcount != 1:
            raise ApiError(410, ErrorCode.INVITE_INVALID)
        conn.execute(
            t.devices.insert().values(
                device_id=dev.device_id,
                label=dev.label,
                # No role and no team until a coordinator's signed approval (append_log).
                role=Role.WORKER,
                status=DeviceStatus.PENDING,
                sign_public_key=dev.sign_public_key,
                kem_public_key=dev.kem_public_key,
                invite_id=invite_id,
                enrol_proof=proof,
                enrolled_at_ms=now_ms,
                revoked_at_ms=None,
            )
        )
        return 201, answer

    # --- devices -------------------------------------------------------------------------------

    def list_devices(self, conn: Connection, caller: Caller) -> dict[str, Any]:
        self._coordinator(caller)
        epochs = {r.team_id: int(r.current_epoch) for r in conn.execute(select(t.teams))}
        teams_of: dict[str, list[str]] = {}
        for r in conn.execute(select(t.device_teams).order_by(t.device_teams.c.team_id)):
            teams_of.setdefault(r.device_id, []).append(r.team_id)
        have: set[tuple[str, str, int]] = {
            (r.recipient_id, r.team_id, int(r.epoch))
            for r in conn.execute(
                select(
                    t.team_keys.c.recipient_id, t.team_keys.c.team_id, t.team_keys.c.epoch
                ).where(t.team_keys.c.recipient_kind == RecipientKind.DEVICE)
            )
        }
        out = []
        for r in conn.execute(
            select(t.devices).order_by(t.devices.c.enrolled_at_ms, t.devices.c.device_id)
        ):
            teams = teams_of.get(r.device_id, [])
            missing = (
                [
                    {"team_id": team_id, "epoch": e}
                    for team_id in teams
                    for e in range(1, epochs[team_id] + 1)
                    if (r.device_id, team_id, e) not in have
                ]
                if r.status == DeviceStatus.ACTIVE
                else []
            )
            out.append(
                {
                    "device_id": r.device_id,
                    "label": r.label,
                    "role": r.role,
                    "status": r.status,
                    "sign_public_key": b64e(bytes(r.sign_public_key)),
                    "kem_public_key": b64e(bytes(r.kem_public_key)),
                    "invite_id": r.invite_id,
                    "enrol_proof": None if r.enrol_proof is None else b64e(bytes(r.enrol_proof)),
                    "enrolled_at_ms": r.enrolled_at_ms,
                    "revoked_at_ms": r.revoked_at_ms,
                    "teams": teams,
                    "missing_keys": missing,
                }
            )
        return {"devices": out}

    def me(self, conn: Connection, caller: Caller, now_ms: int) -> dict[str, Any]:
        """This device as the store sees it. Advisory only: a device takes its teams' epochs,
        rosters and the recovery key from the verified log, never from here."""
        dev = conn.execute(select(t.devices).where(t.devices.c.device_id == caller.device_id)).one()
        org = self._organisation(conn)
        teams = conn.execute(
            select(t.teams.c.team_id, t.teams.c.name, t.teams.c.current_epoch, t.teams.c.next_seq)
            .join(t.device_teams, t.device_teams.c.team_id == t.teams.c.team_id)
            .where(t.device_teams.c.device_id == caller.device_id)
            .order_by(t.teams.c.team_id)
        )
        keys = conn.execute(
            select(t.team_keys.c.team_id, t.team_keys.c.epoch, t.team_keys.c.wrapped)
            .where(
                t.team_keys.c.recipient_kind == RecipientKind.DEVICE,
                t.team_keys.c.recipient_id == caller.device_id,
            )
            .order_by(t.team_keys.c.team_id, t.team_keys.c.epoch)
        )
        head = conn.execute(select(func.max(t.org_log.c.seq))).scalar()
        return {
            "device": {
                "device_id": dev.device_id,
                "label": dev.label,
                "role": dev.role,
                "status": dev.status,
            },
            "organisation": {"organisation_id": org.organisation_id, "name": org.name},
            "log_head": int(head or 0),
            "teams": [
                {
                    "team_id": r.team_id,
                    "name": r.name,
                    "current_epoch": r.current_epoch,
                    # The newest sequence number handed out: how far a pull has to go.
                    "head_seq": int(r.next_seq) - 1,
                }
                for r in teams
            ],
            "wrapped_keys": [
                {"team_id": r.team_id, "epoch": r.epoch, "wrapped": b64e(bytes(r.wrapped))}
                for r in keys
            ],
            "server_time_ms": now_ms,
        }

    # --- records -------------------------------------------------------------------------------

    def push(
        self, conn: Connection, caller: Caller, req: wire.PushIn, now_ms: int
    ) -> dict[str, Any]:
        team = self._member_team(conn, caller, req.team_id, lock=True)
        current_epoch = int(team.current_epoch)
        if any(r.epoch > current_epoch for r in req.revisions):
            raise ApiError(409, ErrorCode.UNKNOWN_EPOCH, extra={"current_epoch": current_epoch})
        team_id = req.team_id
        revs = [r.revision for r in req.revisions]
        record_ids = sorted({r.record_id for r in req.revisions})
        parents = sorted({p for r in req.revisions for p in r.parents})

        stored_revs: set[str] = set()
        superseded_revs: set[str] = set()
        purged_refs: set[tuple[str, str]] = set()
        leaves: dict[str, tuple[str, str]] = {}  # stored revision -> (record_type, record_id)
        for part in _chunks(revs):
            stored_revs.update(
                r.revision
                for r in conn.execute(
                    select(t.records.c.revision).where(
                        t.records.c.team_id == team_id, t.records.c.revision.in_(part)
                    )
                )
            )
        for part in _chunks(sorted(set(revs) | set(parents))):
            superseded_revs.update(
                r.revision
                for r in conn.execute(
                    select(t.superseded.c.revision).where(
                        t.superseded.c.team_id == team_id, t.superseded.c.revision.in_(part)
                    )
                )
            )
        for part in _chunks(record_ids):
            purged_refs.update(
                (r.record_type, r.record_id)
                for r in conn.execute(
                    select(t.purged.c.record_type, t.purged.c.record_id).where(
                        t.purged.c.team_id == team_id, t.purged.c.record_id.in_(part)
                    )
                )
            )
        for part in _chunks(parents):
            leaves.update(
                (r.revision, (r.record_type, r.record_id))
                for r in conn.execute(
                    select(
                        t.records.c.revision, t.records.c.record_type, t.records.c.record_id
                    ).where(t.records.c.team_id == team_id, t.records.c.revision.in_(part))
                )
            )

        results: list[dict[str, str]] = []
        new: dict[str, wire.RevisionIn] = {}  # accepted in this push, in order
        drop_leaves: set[str] = set()
        remember: set[str] = set()
        for r in req.revisions:
            if (r.record_type, r.record_id) in purged_refs:
                status = PushStatus.PURGED
            elif r.revision in stored_revs or r.revision in new:
                status = PushStatus.DUPLICATE
            elif r.revision in superseded_revs or r.revision in remember:
                status = PushStatus.SUPERSEDED
            else:
                status = PushStatus.STORED
                new[r.revision] = r
                for p in r.parents:
                    if p in new and (new[p].record_type, new[p].record_id) == (
                        r.record_type,
                        r.record_id,
                    ):
                        del new[p]  # superseded within this very push
                    elif leaves.get(p) == (r.record_type, r.record_id):
                        drop_leaves.add(p)
                    if p not in superseded_revs:
                        remember.add(p)
            results.append({"revision": r.revision, "status": status})

        for part in _chunks(sorted(drop_leaves)):
            conn.execute(
                delete(t.records).where(
                    t.records.c.team_id == team_id, t.records.c.revision.in_(part)
                )
            )
        if remember:
            conn.execute(
                t.superseded.insert(),
                [{"team_id": team_id, "revision": rev} for rev in sorted(remember)],
            )
        seq = int(team.next_seq)
        rows = []
        for r in new.values():
            rows.append(
                {
                    "team_id": team_id,
                    "revision": r.revision,
                    "record_type": r.record_type,
                    "record_id": r.record_id,
                    "parents": _json(sorted(r.parents)),
                    "device_id": caller.device_id,
                    "epoch": r.epoch,
                    "ciphertext": r.ciphertext,
                    "size": len(r.ciphertext),
                    "seq": seq,
                    "stored_at_ms": now_ms,
                }
            )
            seq += 1
        if rows:
            conn.execute(t.records.insert(), rows)
            conn.execute(update(t.teams).where(t.teams.c.team_id == team_id).values(next_seq=seq))
        return {"results": results, "server_time_ms": now_ms}

    def pull(self, conn: Connection, caller: Caller, req: wire.PullIn) -> dict[str, Any]:
        self._member_team(conn, caller, req.team_id, lock=False)
        revs = conn.execute(
            select(t.records)
            .where(t.records.c.team_id == req.team_id, t.records.c.seq > req.after)
            .order_by(t.records.c.seq)
            .limit(req.limit + 1)
        ).all()
        purges = conn.execute(
            select(t.purges)
            .where(t.purges.c.team_id == req.team_id, t.purges.c.seq > req.after)
            .order_by(t.purges.c.seq)
            .limit(req.limit + 1)
        ).all()
        merged = sorted([(int(r.seq), 0, r) for r in revs] + [(int(p.seq), 1, p) for p in purges])
        items: list[dict[str, Any]] = []
        budget = PULL_MAX_CIPHERTEXT_BYTES
        more = len(merged) > req.limit
        for seq, kind, row in merged[: req.limit]:
            if kind == 0:
                if items and row.size > budget:
                    more = True
                    break
                budget -= int(row.size)
                items.append(
                    {
                        "seq": seq,
                        "kind": ItemKind.REVISION,
                        "record_type": row.record_type,
                        "record_id": row.record_id,
                        "revision": row.revision,
                        "parents": json.loads(row.parents),
                        "device_id": row.device_id,
                        "epoch": row.epoch,
                        "ciphertext": b64e(bytes(row.ciphertext)),
                    }
                )
            else:
                refs = json.loads(row.record_refs)
                cost = len(row.record_refs)
                if items and cost > budget:
                    more = True
                    break
                budget -= cost
                items.append(
                    {
                        "seq": seq,
                        "kind": ItemKind.PURGE,
                        "purge_id": row.purge_id,
                        "record_refs": refs,
                        "person_id": row.person_id,
                        "signed_by": row.signed_by,
                        "signed_at_ms": row.signed_at_ms,
                        "signature": None if row.signature is None else b64e(bytes(row.signature)),
                    }
                )
        next_after = items[-1]["seq"] if items else req.after
        return {"items": items, "next_after": next_after, "more": more}

    def purge(
        self, conn: Connection, caller: Caller, req: wire.PurgeIn, now_ms: int
    ) -> dict[str, Any]:
        team = self._member_team(conn, caller, req.team_id, lock=True)
        org = self._organisation(conn)
        signed = trust.SignedPurge(
            org.organisation_id,
            req.team_id,
            req.purge_id,
            req.person_id,
            tuple(req.record_refs),
            req.signed_by,
            req.signed_at_ms,
            req.signature,
        )
        key = conn.execute(
            select(t.devices.c.sign_public_key).where(t.devices.c.device_id == caller.device_id)
        ).scalar_one()
        if req.signed_by != caller.device_id or not trust.purge_signature_ok(bytes(key), signed):
            raise ApiError(403, ErrorCode.BAD_SIGNATURE)
        if caller.role != Role.COORDINATOR and (
            len(req.record_refs) > trust.WORKER_PURGE_MAX
            or any(t == "person" and i != req.person_id for t, i in req.record_refs)
        ):
            # A worker erases one person (the store can see that much: no other person record,
            # not too many records). Devices check the rest and refuse it too.
            raise forbidden()
        existing = conn.execute(
            select(t.purges.c.seq).where(
                t.purges.c.team_id == req.team_id, t.purges.c.purge_id == req.purge_id
            )
        ).first()
        if existing is not None:
            return {
                "purge_id": req.purge_id,
                "seq": existing.seq,
                "status": PushStatus.DUPLICATE,
                "server_time_ms": now_ms,
            }
        deleted = 0
        for part in _chunks(req.record_refs):
            result: CursorResult[Any] = conn.execute(
                delete(t.records).where(
                    t.records.c.team_id == req.team_id,
                    tuple_(t.records.c.record_type, t.records.c.record_id).in_(list(part)),
                )
            )
            deleted += result.rowcount
        for ref_type, ref_id in req.record_refs:
            insert_ignore(
                conn,
                t.purged,
                {"team_id": req.team_id, "record_type": ref_type, "record_id": ref_id},
            )
        seq = int(team.next_seq)
        conn.execute(
            t.purges.insert().values(
                team_id=req.team_id,
                purge_id=req.purge_id,
                record_refs=_json([list(r) for r in req.record_refs]),
                seq=seq,
                stored_at_ms=now_ms,
                person_id=req.person_id,
                signed_by=req.signed_by,
                signed_at_ms=req.signed_at_ms,
                signature=req.signature,
            )
        )
        conn.execute(
            update(t.teams).where(t.teams.c.team_id == req.team_id).values(next_seq=seq + 1)
        )
        return {
            "purge_id": req.purge_id,
            "seq": seq,
            "status": PushStatus.STORED,
            "deleted": deleted,
            "server_time_ms": now_ms,
        }

    # --- introspection for tests and operators -------------------------------------------------

    @staticmethod
    def counts(conn: Connection) -> dict[str, int]:
        out = {}
        for table in (t.records, t.superseded, t.purged, t.purges, t.devices, t.teams):
            out[table.name] = int(
                conn.execute(select(func.count()).select_from(table)).scalar_one()
            )
        return out
