"""Membership and keys (protocol v2): the organisation's signed log, verified on this device
back to the root it pinned; teams, invites, approvals, roles, revocations and key epochs as
signed statements; team keys accepted only when they match a verified epoch commitment, and
wrapped only for devices of the verified roster.

The store keeps the log and the wrapped keys; it cannot add a member, a key or an epoch that
a device accepts (app.sync.trust).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NoReturn

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.crypto.device import load_private_key
from app.errors import ValidationError
from app.models import Setting, TeamKey, TeamState, TrustState
from app.models import TrustStatement as LogRow
from app.services.audit import AuditEvent, AuditService
from app.sync import envelope, trust
from app.sync.codes import ErrorCode, RecipientKind, Role
from app.sync.errors import (
    ClockSkewError,
    NotApproved,
    Revoked,
    SyncError,
    TrustRefused,
    bad_response,
)
from app.sync.link import SyncLink
from app.sync.protocol import MAX_SKEW_MS, b64d, b64e, check_enrolment_proof, new_invite

log = logging.getLogger(__name__)

INVITES_SETTING = "sync_invites"  # invite id -> {secret, team_ids, role}: secrets stay here
RECOVERY_PUBLIC_SETTING = "sync_recovery_public"  # protocol v1 only: the store's word for it
LOG_PAGE = 1000


@dataclass(frozen=True)
class DeviceRow:
    """A device as a coordinator sees it: from the verified roster, or (pending) from the
    store with what this coordinator's own vault recorded for its invite."""

    device_id: str
    label: str
    role: str
    status: str  # pending | active | revoked
    teams: tuple[str, ...]
    safety_code: str
    invite_ok: bool = False  # pending: its enrolment proof matches an invite made here


@dataclass(frozen=True)
class _Pending:
    row: DeviceRow
    sign_public: bytes
    kem_public: bytes
    invite_id: str
    teams: tuple[str, ...]
    role: str


def _statement_error(exc: SyncError) -> bool:
    return exc.code in (ErrorCode.BAD_STATEMENT, ErrorCode.CONFLICT)


class Membership:
    def __init__(self, link: SyncLink) -> None:
        self._link = link
        self.heads: dict[str, int] = {}  # team -> the store's newest sequence number
        self.refused_teams: dict[str, str] = {}  # team -> name, keys refused this pass
        self._roster: trust.Roster | None = None

    # --- the verified log ---------------------------------------------------------------------

    def roster(self) -> trust.Roster:
        """The roster of the log this device verified (the last `refresh`, or the vault)."""
        if self._roster is None:
            with self._link.read() as s:
                self._roster = self._load(s)
        if self._roster is None:
            raise SyncError(
                "Dit toestel kent de ledenlijst van de organisatie nog niet; synchroniseer.",
                ErrorCode.UNTRUSTED,
            )
        return self._roster

    @staticmethod
    def _trust(s: Session) -> TrustState | None:
        return s.scalars(select(TrustState)).first()

    def _load(self, s: Session) -> trust.Roster | None:
        state = self._trust(s)
        rows = list(s.scalars(select(LogRow).order_by(LogRow.seq)))
        if state is None or not rows:
            return None
        # Verified when stored; verified again here, so a tampered vault copy is noticed too.
        roster = trust.verify_log((r.statement for r in rows), state.root_fingerprint)
        if roster.seq != state.head_seq or roster.head != state.head_hash:
            raise TrustRefused("local_log")
        return roster

    def sync_log(self) -> trust.Roster:
        """Fetch the statements after the verified head, verify them and keep them. A store
        that shows a shorter or different log is refused (audited); nothing else changes."""
        transport = self._link.transport()
        with self._link.read() as s:
            state = self._trust(s)
            if state is not None:
                pinned, head = state.root_fingerprint, state.head_seq
                roster = self._load(s)
        if state is None:
            return self._move_to_v2()  # network calls: never inside the vault's turn
        fresh: list[Any] = []
        after = head
        while True:
            answer = transport.get(f"/v2/log?after={after}&limit={LOG_PAGE}")
            statements = answer.get("statements")
            if not isinstance(statements, list):
                raise bad_response()
            try:
                store_head = int(answer.get("head", 0))
            except (TypeError, ValueError) as exc:
                raise bad_response() from exc
            if store_head < head:
                self._refuse("rollback")
            fresh.extend(statements)
            after += len(statements)
            if not answer.get("more") or not statements:
                break
        try:
            if roster is None:
                roster = trust.verify_log(fresh, pinned)
            else:
                roster = trust.extend(roster, fresh)
        except trust.TrustError as exc:
            self._refuse(exc.reason)
        if roster.seq < head:
            self._refuse("rollback")
        if fresh:
            with self._link.transaction() as s:
                state = self._trust(s)
                assert state is not None
                if state.head_seq != head:
                    raise SyncError("De ledenlijst veranderde intussen; probeer opnieuw.")
                first = roster.seq - len(fresh) + 1
                for i, raw in enumerate(fresh):
                    s.add(LogRow(seq=first + i, hash=trust.statement_hash(raw), statement=raw))
                state.head_seq, state.head_hash, state.refused = roster.seq, roster.head, None
        self._roster = roster
        return roster

    # --- the move from protocol v1 ------------------------------------------------------------

    def _move_to_v2(self) -> trust.Roster:
        """A device enrolled under protocol v1 has pinned no root. If the organisation's log
        exists, it accepts it only when the log lists this device with its own keys and every
        team key this device already holds matches the log's commitment for it (a log the
        store made could not commit to keys it never had). If there is no log yet, a
        coordinator writes it (`upgrade_organisation`); anyone else waits."""
        transport = self._link.transport()
        answer = transport.get(f"/v2/log?after=0&limit={LOG_PAGE}")
        statements = list(answer.get("statements") or [])
        while answer.get("more") and statements:
            answer = transport.get(f"/v2/log?after={len(statements)}&limit={LOG_PAGE}")
            statements += list(answer.get("statements") or [])
        with self._link.read() as s:
            cfg = self._link.require(s)
            sign = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
            kem = bytes(self._link.identity(s).public_key)
            held = self.keys(s)
            coordinator = cfg.role == Role.COORDINATOR
        if not statements:
            if coordinator:
                return self.upgrade_organisation()
            raise SyncError(
                "De centrale opslag schakelt over naar protocol v2. Dat gebeurt bij de "
                "volgende synchronisatie van een coördinator; probeer daarna opnieuw.",
                ErrorCode.UNTRUSTED,
            )
        try:
            roster = trust.verify_log(statements, None)
        except trust.TrustError as exc:
            self._refuse(exc.reason)
        me = roster.devices.get(self._link.ctx.device.device_id)
        matched = 0
        for (team_id, epoch), key in held.items():
            team = roster.teams.get(team_id)
            commitment = team.commitments.get(epoch) if team is not None else None
            if commitment is None:
                continue
            expected = trust.key_commitment(
                key, organisation_id=roster.organisation_id, team_id=team_id, epoch=epoch
            )
            if not trust.hmac_equal(expected, commitment):
                self._refuse("v1_key_mismatch")
            matched += 1
        if (
            me is None
            or me.sign_public != trust.public_raw(sign)
            or me.kem_public != kem
            or (held and not matched)
        ):
            self._refuse("v1_not_ours")
        with self._link.transaction() as s:
            self.pin(s, roster.organisation_id, roster.root_fingerprint)
            for i, raw in enumerate(statements, start=1):
                s.add(LogRow(seq=i, hash=trust.statement_hash(raw), statement=raw))
            state = self._trust(s)
            assert state is not None
            state.head_seq, state.head_hash = roster.seq, roster.head
            self._audit(
                s, "sync_protocol_v2", detail=f"ledenlijst v2 aanvaard ({matched} sleutels klopten)"
            )
        self._roster = roster
        return roster

    def upgrade_organisation(self) -> trust.Roster:
        """Move a v1 organisation to protocol v2 (a coordinator, once, automatically at its
        first v2 sync): a new root key signs the genesis with the recovery public key this
        vault has, then this coordinator states its teams, their epochs (committing to the
        keys it holds) and the active devices the store lists in those teams. During the move
        the store's device list is trusted; compare the safety codes afterwards."""
        transport = self._link.transport()
        with self._link.read() as s:
            cfg = self._link.require(s, coordinator=True)
            sign = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
            me_public = self._link.device_public(s, sign)
            row = s.get(Setting, RECOVERY_PUBLIC_SETTING)
            if row is None:
                raise SyncError(
                    "Deze kluis kent de herstelsleutel van de organisatie niet; een andere "
                    "coördinator moet overschakelen naar protocol v2.",
                    ErrorCode.UNTRUSTED,
                )
            recovery = b64d(row.value.strip('"'), max_bytes=32)
            keys = self.keys(s)
            teams = {t.team_id: t for t in s.scalars(select(TeamState))}
            org_id = cfg.organisation_id
        me = self._link.ctx.device.device_id
        root = Ed25519PrivateKey.generate()
        now = self._link.now_ms()
        genesis = trust.make_statement(
            root,
            organisation_id=org_id,
            seq=1,
            prev="",
            signer=trust.ROOT_SIGNER,
            kind=trust.StatementKind.GENESIS,
            body=trust.genesis_body(
                organisation_id=org_id,
                name=str(
                    transport.get("/v2/me").get("organisation", {}).get("name") or "Organisatie"
                )[:200],
                root_public=trust.public_raw(root),
                recovery_public=recovery,
                device=me_public,
            ),
            at_ms=now,
        )
        roster = trust.verify_log([genesis], None)
        statements = [genesis]

        def add(kind: trust.StatementKind, body: dict[str, Any]) -> None:
            raw = trust.make_statement(
                sign,
                organisation_id=org_id,
                seq=roster.seq + 1,
                prev=roster.head,
                signer=me,
                kind=kind,
                body=body,
                at_ms=now,
            )
            trust.apply_statement(roster, trust.parse_statement(raw))
            statements.append(raw)

        moved: set[str] = set()
        for team_id, st in sorted(teams.items()):
            epochs = range(1, st.current_epoch + 1)
            if not all((team_id, e) in keys for e in epochs):
                log.warning("a team's older keys are missing here; left for another coordinator")
                continue
            add(trust.StatementKind.TEAM, {"team_id": team_id, "name": st.name})
            for e in epochs:
                commitment = trust.key_commitment(
                    keys[(team_id, e)], organisation_id=org_id, team_id=team_id, epoch=e
                )
                add(trust.StatementKind.EPOCH, trust.epoch_body(team_id, e, commitment))
            moved.add(team_id)
        for d in transport.get("/v2/devices").get("devices", []):
            device_teams = sorted(set(d.get("teams") or []) & moved)
            if d.get("status") != "active" or d.get("device_id") == me or not device_teams:
                continue
            add(
                trust.StatementKind.ADD_DEVICE,
                {
                    **{
                        k: d[k] for k in ("device_id", "label", "sign_public_key", "kem_public_key")
                    },
                    "role": str(d.get("role") or Role.WORKER),
                    "teams": device_teams,
                    "invite_id": str(d.get("invite_id") or "v1"),
                },
            )
        transport.post("/v2/log", {"statements": statements, "wrapped_keys": []})
        with self._link.transaction() as s:
            self.pin(s, org_id, roster.root_fingerprint)
            for i, raw in enumerate(statements, start=1):
                s.add(LogRow(seq=i, hash=trust.statement_hash(raw), statement=raw))
            state = self._trust(s)
            assert state is not None
            state.head_seq, state.head_hash = roster.seq, roster.head
            self._audit(s, "sync_protocol_v2", detail="organisatie overgeschakeld naar v2")
        self._roster = roster
        return roster

    def _refuse(self, reason: str) -> NoReturn:
        with self._link.transaction() as s:
            state = self._trust(s)
            if state is not None:
                state.refused = reason[:80]
            self._audit(s, "sync_refused", detail=f"ledenlijst geweigerd: {reason}"[:200])
        raise TrustRefused(reason)

    def _audit(
        self,
        s: Session,
        event: str,
        *,
        record_type: str | None = None,
        record_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        """An audit entry in this transaction (a synced record, like every record)."""
        AuditService(self._link.ctx, self._link.records()).record(
            event, record_type=record_type, record_id=record_id, detail=detail, session=s
        )

    # --- every sync: the roster, this device's teams and keys ----------------------------------

    def refresh(self) -> trust.Roster:
        """Verify the log, then take this device's role, teams and epochs from it and accept
        the team keys the store holds for it that match a verified epoch commitment. A team
        whose key does not verify is refused for this pass (`refused_teams`, audited)."""
        me = self._link.transport().get("/v2/me")
        try:
            offset = self._link.now_ms() - int(me.get("server_time_ms", 0))
        except (TypeError, ValueError) as exc:
            raise bad_response() from exc
        wrapped_keys = me.get("wrapped_keys", [])
        if not isinstance(wrapped_keys, list):  # a lying store: refused, nothing changes
            raise bad_response()
        if abs(offset) > MAX_SKEW_MS:
            raise ClockSkewError(offset)
        roster = self.sync_log()
        device_id = self._link.ctx.device.device_id
        mine = roster.devices.get(device_id)
        if mine is None:
            with self._link.read() as s:
                code = self.own_safety_code(s)
            raise NotApproved(code)
        if not mine.active:
            raise Revoked()
        self.refused_teams = {}
        with self._link.read() as s:
            private = load_private_key(self._link.identity(s).private_key)
            have = {(k.team_id, k.epoch) for k in s.scalars(select(TeamKey))}
        fresh: list[TeamKey] = []
        refused: dict[str, str] = {}
        for w in wrapped_keys:
            try:
                team_id, epoch = str(w["team_id"]), int(w["epoch"])
                wrapped = b64d(w["wrapped"], max_bytes=256)
            except (KeyError, TypeError, ValueError) as exc:
                raise bad_response() from exc
            team = roster.teams.get(team_id)
            if team is None or team_id not in mine.teams or (team_id, epoch) in have:
                continue
            commitment = team.commitments.get(epoch)
            key: bytes | None = None
            if commitment is not None:
                try:
                    key = envelope.unwrap_team_key(
                        wrapped,
                        team_id=team_id,
                        epoch=epoch,
                        recipient_id=device_id,
                        recipient_private=private,
                    )
                except envelope.EnvelopeError:
                    key = None
            if key is None or not trust.hmac_equal(
                trust.key_commitment(
                    key, organisation_id=roster.organisation_id, team_id=team_id, epoch=epoch
                ),
                commitment or b"",
            ):
                refused[team_id] = f"epoch {epoch}"
                continue
            fresh.append(TeamKey(team_id=team_id, epoch=epoch, key=key))
        with self._link.transaction() as s:
            for k in fresh:
                s.add(k)
            for team_id, what in refused.items():
                self._audit(
                    s,
                    "sync_refused",
                    detail=f"teamsleutel geweigerd (team {team_id[:8]}, {what})"[:200],
                )
            cfg = self._link.require(s)
            cfg.role = mine.role
            states = {t.team_id: t for t in s.scalars(select(TeamState))}
            for team_id in sorted(mine.teams):
                team = roster.teams[team_id]
                st = states.get(team_id)
                if st is None:
                    s.add(TeamState(team_id=team_id, name=team.name, current_epoch=team.epoch))
                else:
                    st.name, st.current_epoch = team.name, team.epoch
            for team_id, st in states.items():
                if team_id not in mine.teams:
                    s.delete(st)  # no longer a member: nothing more to push or pull there
            if cfg.home_team_id is None or cfg.home_team_id not in mine.teams:
                cfg.home_team_id = min(mine.teams) if mine.teams else None
        self.refused_teams = {t: roster.teams[t].name for t in refused}
        heads: dict[str, int] = {}
        teams = me.get("teams")
        for t in teams if isinstance(teams, list) else []:
            if not isinstance(t, dict):
                continue  # a malformed entry tells nothing about a head
            try:
                heads[str(t["team_id"])] = int(t.get("head_seq", 0))
            except (KeyError, TypeError, ValueError):
                continue
        self.heads = heads
        return roster

    @staticmethod
    def keys(s: Session) -> dict[tuple[str, int], bytes]:
        return {(k.team_id, k.epoch): k.key for k in s.scalars(select(TeamKey))}

    def own_safety_code(self, s: Session) -> str:
        cfg = self._link.require(s)
        sign = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
        return trust.device_safety_code(
            trust.public_raw(sign), bytes(self._link.identity(s).public_key)
        )

    def organisation_safety_code(self) -> str | None:
        try:
            return self.roster().safety_code
        except SyncError:
            return None

    # --- appending statements (coordinator) ----------------------------------------------------

    def _sign_key(self) -> Ed25519PrivateKey:
        with self._link.read() as s:
            cfg = self._link.require(s, coordinator=True)
            return Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)

    def _append(self, build: Any) -> trust.Roster:
        """Sign the statements `build(roster)` returns as (kind, body) pairs with wraps, append
        them, and keep them. If another coordinator appended first, fetch theirs and build
        again (once)."""
        key = self._sign_key()
        me = self._link.ctx.device.device_id
        for attempt in (1, 2):
            roster = self.sync_log()
            if roster.coordinator(me) is None:
                raise SyncError("Alleen een coördinator kan dit.", ErrorCode.FORBIDDEN)
            parts, wraps_for = build(roster)
            statements: list[dict[str, Any]] = []
            future = _copy_roster(roster)
            for kind, body in parts:
                raw = trust.make_statement(
                    key,
                    organisation_id=roster.organisation_id,
                    seq=future.seq + 1,
                    prev=future.head,
                    signer=me,
                    kind=kind,
                    body=body,
                    at_ms=self._link.now_ms(),
                )
                trust.apply_statement(future, trust.parse_statement(raw))
                statements.append(raw)
            wraps = wraps_for(future)
            try:
                self._link.transport().post(
                    "/v2/log", {"statements": statements, "wrapped_keys": wraps}
                )
            except SyncError as exc:
                if attempt == 1 and _statement_error(exc):
                    continue
                raise
            return self.sync_log()
        raise SyncError("De ledenlijst veranderde intussen; probeer opnieuw.")

    def _wrap(
        self, roster: trust.Roster, team_id: str, epoch: int, key: bytes, recipient: str
    ) -> dict[str, Any]:
        if recipient == roster.organisation_id:
            public, kind = roster.recovery_public, RecipientKind.RECOVERY
        else:
            member = roster.devices[recipient]
            public, kind = member.kem_public, RecipientKind.DEVICE
        wrapped = envelope.wrap_team_key(
            key,
            team_id=team_id,
            epoch=epoch,
            recipient_id=recipient,
            recipient_public=X25519PublicKey.from_public_bytes(public),
        )
        return {
            "team_id": team_id,
            "recipient_kind": str(kind),
            "recipient_id": recipient,
            "epoch": epoch,
            "wrapped": b64e(wrapped),
        }

    def _epoch_wraps(
        self, roster: trust.Roster, team_id: str, epoch: int, key: bytes
    ) -> list[dict[str, Any]]:
        """A new epoch's key for every member of the verified roster and the recovery key."""
        out = [self._wrap(roster, team_id, epoch, key, roster.organisation_id)]
        out += [
            self._wrap(roster, team_id, epoch, key, d.device_id) for d in roster.members(team_id)
        ]
        return out

    def create_team(self, name: str) -> str:
        name = name.strip()
        if not 1 <= len(name) <= 200:
            raise ValidationError("Geef het team een naam (hoogstens 200 tekens).")
        team_id = str(uuid.uuid4())
        key = envelope.new_team_key()

        def build(roster: trust.Roster) -> tuple[list[Any], Any]:
            commitment = trust.key_commitment(
                key, organisation_id=roster.organisation_id, team_id=team_id, epoch=1
            )
            parts = [
                (trust.StatementKind.TEAM, {"team_id": team_id, "name": name}),
                (trust.StatementKind.EPOCH, trust.epoch_body(team_id, 1, commitment)),
            ]
            return parts, lambda future: self._epoch_wraps(future, team_id, 1, key)

        self._append(build)
        with self._link.transaction() as s:
            s.add(TeamKey(team_id=team_id, epoch=1, key=key))
            s.add(TeamState(team_id=team_id, name=name, current_epoch=1, cursor=0))
            cfg = self._link.require(s)
            if cfg.home_team_id is None:
                cfg.home_team_id = team_id
            self._audit(s, AuditEvent.TEAM_CREATED, record_type="team", record_id=team_id)
        return team_id

    def create_invite(self, team_ids: Iterable[str], role: str = Role.WORKER, days: int = 3) -> str:
        """A one-time code for a new device; its secret never reaches the store, and it
        carries the organisation's root fingerprint. The teams and role are kept here: the
        approval uses these, whatever the store says later."""
        if role not in (Role.WORKER, Role.COORDINATOR) or not 1 <= days <= 7:
            raise ValidationError("Kies worker of coordinator en 1 tot 7 dagen.")
        teams = list(dict.fromkeys(team_ids))
        roster = self.sync_log()
        me = roster.coordinator(self._link.ctx.device.device_id)
        if me is None:
            raise SyncError("Alleen een coördinator kan dit.", ErrorCode.FORBIDDEN)
        if not set(teams) <= me.teams:
            raise ValidationError("U kunt enkel uitnodigen voor teams waarvan u lid bent.")
        invite = new_invite(roster.root_fingerprint)
        expires = self._link.now_ms() + days * 24 * 3600 * 1000
        self._link.transport().post(
            "/v2/invites",
            {
                "invite_id": invite.invite_id,
                "team_ids": teams,
                "role": str(role),
                "expires_at_ms": expires,
            },
        )
        with self._link.transaction() as s:
            row = s.get(Setting, INVITES_SETTING)
            invites = json.loads(row.value) if row else {}
            invites[invite.invite_id] = {
                "secret": b64e(invite.secret),
                "team_ids": teams,
                "role": str(role),
            }
            if row is None:
                s.add(Setting(key=INVITES_SETTING, value=json.dumps(invites)))
            else:
                row.value = json.dumps(invites)
        return invite.text()

    # --- devices (coordinator) ----------------------------------------------------------------

    def _invites(self) -> dict[str, Any]:
        with self._link.read() as s:
            row = s.get(Setting, INVITES_SETTING)
            value: dict[str, Any] = json.loads(row.value) if row else {}
            return value

    def _pending(self) -> list[_Pending]:
        """Enrolled devices waiting for approval whose proof matches an invite made here;
        teams and role come from this vault's record of that invite."""
        invites = self._invites()
        roster = self.roster()
        out: list[_Pending] = []
        for d in self._link.transport().get("/v2/devices").get("devices", []):
            try:
                if d.get("status") != "pending" or d["device_id"] in roster.devices:
                    continue
                public = {
                    k: d[k] for k in ("device_id", "label", "sign_public_key", "kem_public_key")
                }
                sign = b64d(d["sign_public_key"], max_bytes=32)
                kem = b64d(d["kem_public_key"], max_bytes=32)
                proof = b64d(d.get("enrol_proof") or "", max_bytes=64)
            except (KeyError, TypeError, ValueError):
                continue
            inv = invites.get(str(d.get("invite_id") or ""))
            if inv is None or len(sign) != 32 or len(kem) != 32:
                continue  # enrolled through another coordinator's invite
            ok = check_enrolment_proof(b64d(inv["secret"], max_bytes=64), public, proof)
            teams = tuple(t for t in inv["team_ids"] if t in roster.teams)
            row = DeviceRow(
                str(d["device_id"]),
                str(d["label"]),
                str(inv["role"]),
                "pending",
                teams,
                trust.device_safety_code(sign, kem),
                ok,
            )
            out.append(_Pending(row, sign, kem, str(d["invite_id"]), teams, str(inv["role"])))
        return out

    def devices(self) -> list[DeviceRow]:
        """Every device: the verified roster's, then those waiting for this coordinator."""
        roster = self.sync_log()
        rows = [
            DeviceRow(
                d.device_id,
                d.label,
                d.role,
                "active" if d.active else "revoked",
                tuple(sorted(d.teams)),
                d.safety_code,
            )
            for d in sorted(roster.devices.values(), key=lambda d: (d.added_seq, d.device_id))
        ]
        if roster.coordinator(self._link.ctx.device.device_id) is not None:
            rows += [p.row for p in self._pending()]
        return rows

    def pending_devices(self) -> list[DeviceRow]:
        return [p.row for p in self._pending() if p.row.invite_ok]

    def approve(self, device_id: str, safety_code: str | None = None) -> None:
        """Approve a device enrolled with an invite made here: a signed statement with its
        keys and the invite's teams and role as this vault recorded them, with the team keys
        of those teams wrapped for it. `safety_code`, when given, must be the code the
        coordinator compared with the device's screen."""
        pending = {p.row.device_id: p for p in self._pending()}
        p = pending.get(device_id)
        if p is None or not p.row.invite_ok:
            raise ValidationError(
                "Dit toestel wacht niet op goedkeuring met een uitnodiging van dit toestel."
            )
        if safety_code is not None and "".join(safety_code.split()) != "".join(
            p.row.safety_code.split()
        ):
            raise ValidationError(
                "De veiligheidscode klopt niet: keur dit toestel niet goed en verwittig wie "
                "het beheert."
            )
        with self._link.read() as s:
            keys = self.keys(s)

        def build(roster: trust.Roster) -> tuple[list[Any], Any]:
            body = {
                "device_id": p.row.device_id,
                "label": p.row.label,
                "sign_public_key": b64e(p.sign_public),
                "kem_public_key": b64e(p.kem_public),
                "role": p.role,
                "teams": sorted(p.teams),
                "invite_id": p.invite_id,
            }

            def wraps(future: trust.Roster) -> list[dict[str, Any]]:
                out = []
                for team_id in sorted(p.teams):
                    for epoch in range(1, future.teams[team_id].epoch + 1):
                        key = keys.get((team_id, epoch))
                        if key is not None:
                            out.append(self._wrap(future, team_id, epoch, key, p.row.device_id))
                return out

            return [(trust.StatementKind.ADD_DEVICE, body)], wraps

        self._append(build)
        with self._link.transaction() as s:
            row = s.get(Setting, INVITES_SETTING)
            if row is not None:
                invites = json.loads(row.value)
                invites.pop(p.invite_id, None)
                row.value = json.dumps(invites)
            self._audit(
                s,
                AuditEvent.SYNC_DEVICE_APPROVED,
                record_type="device",
                record_id=p.row.device_id,
                detail=f"{p.row.label}; teams {', '.join(t[:8] for t in sorted(p.teams))}"[:200],
            )

    def approve_pending(self) -> int:
        """Approve every device waiting with a valid proof for an invite made here (for
        scripts and tests; the GUI approves one device at a time after showing its code)."""
        n = 0
        for row in self.pending_devices():
            self.approve(row.device_id)
            n += 1
        return n

    def set_role(self, device_id: str, role: str) -> None:
        if role not in (Role.WORKER, Role.COORDINATOR):
            raise ValidationError("Kies worker of coordinator.")

        def build(roster: trust.Roster) -> tuple[list[Any], Any]:
            if roster.active(device_id) is None:
                raise ValidationError("Dat toestel is geen actief lid.")
            body = {"device_id": device_id, "role": str(role)}
            return [(trust.StatementKind.ROLE, body)], lambda future: []

        self._append(build)

    def revoke(self, device_id: str) -> list[str]:
        """Refuse the device at once and, in the same append, start a new key epoch for every
        team it was in that this coordinator holds (wrapped for the remaining members only)."""
        if device_id == self._link.ctx.device.device_id:
            raise ValidationError("Een toestel kan zichzelf niet intrekken.")
        new_keys: dict[str, tuple[int, bytes]] = {}

        def build(roster: trust.Roster) -> tuple[list[Any], Any]:
            target = roster.active(device_id)
            if target is None:
                raise ValidationError("Dat toestel is geen actief lid.")
            me = roster.devices[self._link.ctx.device.device_id]
            parts: list[Any] = [(trust.StatementKind.REVOKE, {"device_id": device_id})]
            new_keys.clear()
            for team_id in sorted(target.teams & me.teams):
                epoch = roster.teams[team_id].epoch + 1
                key = envelope.new_team_key()
                new_keys[team_id] = (epoch, key)
                commitment = trust.key_commitment(
                    key, organisation_id=roster.organisation_id, team_id=team_id, epoch=epoch
                )
                parts.append(
                    (trust.StatementKind.EPOCH, trust.epoch_body(team_id, epoch, commitment))
                )

            def wraps(future: trust.Roster) -> list[dict[str, Any]]:
                out: list[dict[str, Any]] = []
                for team_id, (epoch, key) in new_keys.items():
                    out += self._epoch_wraps(future, team_id, epoch, key)
                return out

            return parts, wraps

        self._append(build)
        self._keep_keys(new_keys)
        with self._link.transaction() as s:
            self._audit(
                s,
                AuditEvent.SYNC_DEVICE_REVOKED,
                record_type="device",
                record_id=device_id,
                detail=f"nieuwe teamsleutel voor {len(new_keys)} team(s)",
            )
        return sorted(new_keys)

    def rotate(self, team_id: str) -> int:
        """A new team key epoch for new data, wrapped for every member and the recovery key."""
        new: dict[str, tuple[int, bytes]] = {}

        def build(roster: trust.Roster) -> tuple[list[Any], Any]:
            team = roster.teams.get(team_id)
            if team is None or not roster.is_member(self._link.ctx.device.device_id, team_id):
                raise SyncError("Dit toestel hoort niet bij dat team.", ErrorCode.FORBIDDEN)
            epoch = team.epoch + 1
            key = envelope.new_team_key()
            new[team_id] = (epoch, key)
            commitment = trust.key_commitment(
                key, organisation_id=roster.organisation_id, team_id=team_id, epoch=epoch
            )
            parts = [(trust.StatementKind.EPOCH, trust.epoch_body(team_id, epoch, commitment))]
            return parts, lambda future: self._epoch_wraps(future, team_id, epoch, key)

        self._append(build)
        self._keep_keys(new)
        return new[team_id][0]

    def _keep_keys(self, new: dict[str, tuple[int, bytes]]) -> None:
        with self._link.transaction() as s:
            for team_id, (epoch, key) in new.items():
                if s.get(TeamKey, (team_id, epoch)) is None:
                    s.add(TeamKey(team_id=team_id, epoch=epoch, key=key))
                st = s.get(TeamState, team_id)
                if st is not None:
                    st.current_epoch = max(st.current_epoch, epoch)
                self._audit(
                    s,
                    AuditEvent.TEAM_KEY_ROTATED,
                    record_type="team",
                    record_id=team_id,
                    detail=f"epoch {epoch}",
                )

    # --- pinning --------------------------------------------------------------------------------

    @staticmethod
    def pin(
        s: Session, organisation_id: str, root_fingerprint: bytes, genesis: Any | None = None
    ) -> None:
        """Remember the root this device trusts (at enrolment: from the invite code; at
        org-init: the key it just made, with its genesis)."""
        s.execute(delete(TrustState))
        s.execute(delete(LogRow))
        head_seq, head_hash = 0, ""
        if genesis is not None:
            head_hash = trust.statement_hash(genesis)
            s.add(LogRow(seq=1, hash=head_hash, statement=genesis))
            head_seq = 1
        s.add(
            TrustState(
                id=1,
                organisation_id=organisation_id,
                root_fingerprint=root_fingerprint,
                head_seq=head_seq,
                head_hash=head_hash,
            )
        )


def _copy_roster(roster: trust.Roster) -> trust.Roster:
    import copy

    return copy.deepcopy(roster)
