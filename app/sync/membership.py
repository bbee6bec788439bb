"""Teams, invites, devices and team keys: what a coordinator manages, and the keys and team
list every device fetches before it pushes or pulls."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto.device import load_private_key
from app.errors import ValidationError
from app.models import Setting, TeamKey, TeamState
from app.sync import envelope
from app.sync.codes import ErrorCode
from app.sync.enrolment import RECOVERY_PUBLIC_SETTING
from app.sync.errors import ClockSkewError, SyncError
from app.sync.link import SyncLink
from app.sync.protocol import MAX_SKEW_MS, b64d, b64e, enrolment_proof, new_invite

log = logging.getLogger(__name__)

INVITES_SETTING = "sync_invites"  # invite id -> {secret, team_ids, role}: secrets stay here


class Membership:
    def __init__(self, link: SyncLink) -> None:
        self._link = link
        self.heads: dict[str, int] = {}  # team -> the store's newest sequence number

    def recovery_public(self, s: Session) -> X25519PublicKey:
        row = s.get(Setting, RECOVERY_PUBLIC_SETTING)
        if row is None:
            me = self._link.transport().get("/v1/me")
            value = str(me["organisation"]["recovery_public_key"])
        else:
            value = row.value.strip('"')
        return X25519PublicKey.from_public_bytes(b64d(value, max_bytes=32))

    def create_team(self, name: str) -> str:
        team_id = str(uuid.uuid4())
        key = envelope.new_team_key()
        with self._link.ctx.read() as s:
            cfg = self._link.require(s, coordinator=True)
            recovery = self.recovery_public(s)
            org_id = cfg.organisation_id
            me = self._link.identity(s)
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
        self._link.transport().post(
            "/v1/teams", {"team_id": team_id, "name": name, "wrapped_keys": wraps}
        )
        with self._link.ctx.transaction() as s:
            s.add(TeamKey(team_id=team_id, epoch=1, key=key))
            s.add(TeamState(team_id=team_id, name=name, current_epoch=1, cursor=0))
            cfg2 = self._link.config(s)
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
        expires = int(self._link.clock() * 1000) + days * 24 * 3600 * 1000
        self._link.transport().post(
            "/v1/invites",
            {
                "invite_id": invite.invite_id,
                "team_ids": teams,
                "role": role,
                "expires_at_ms": expires,
            },
        )
        with self._link.ctx.transaction() as s:
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

    # --- devices (coordinator) ------------------------------------------------------------------
    def devices(self) -> list[dict[str, Any]]:
        return list(self._link.transport().get("/v1/devices")["devices"])

    def approve_pending(self) -> int:
        """Wrap the team keys a newly enrolled device lacks, after checking its enrolment proof
        against the invite secret kept here (so the store cannot slip in keys of its own)."""
        with self._link.ctx.read() as s:
            cfg = self._link.require(s, coordinator=True)
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
                    self._link.transport().post(
                        "/v1/team-keys",
                        {"team_id": team_id, "epoch": w["epoch"], "wrapped_keys": [w]},
                    )
            approved += 1
        _ = cfg
        return approved

    def revoke(self, device_id: str) -> list[str]:
        """Refuse the device at once, then rotate every team key it held."""
        answer = self._link.transport().request("POST", f"/v1/devices/{device_id}/revoke")
        teams = [str(t) for t in answer.get("team_ids", [])]
        for team_id in teams:
            self.rotate(team_id)
        return teams

    def rotate(self, team_id: str) -> int:
        """A new team key epoch for new data, wrapped for every active member and recovery."""
        with self._link.ctx.read() as s:
            cfg = self._link.require(s, coordinator=True)
            state = s.get(TeamState, team_id)
            recovery = self.recovery_public(s)
            org_id = cfg.organisation_id
        if state is None:
            raise SyncError("Dit toestel hoort niet bij dat team.", ErrorCode.FORBIDDEN)
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
        self._link.transport().post(
            "/v1/team-keys", {"team_id": team_id, "epoch": epoch, "wrapped_keys": wraps}
        )
        with self._link.ctx.transaction() as s:
            s.add(TeamKey(team_id=team_id, epoch=epoch, key=key))
            st = s.get(TeamState, team_id)
            assert st is not None
            st.current_epoch = epoch
        return epoch

    def refresh(self) -> None:
        """This device's teams, their heads and any new team keys, from `/v1/me`."""
        me = self._link.transport().get("/v1/me")
        offset = int(self._link.clock() * 1000) - int(me.get("server_time_ms", 0))
        if abs(offset) > MAX_SKEW_MS:
            raise ClockSkewError(offset)
        with self._link.ctx.read() as s:
            private = load_private_key(self._link.identity(s).private_key)
            have = {(k.team_id, k.epoch) for k in s.scalars(select(TeamKey))}
        device_id = self._link.ctx.device.device_id
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
        with self._link.ctx.transaction() as s:
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
            cfg = self._link.config(s)
            assert cfg is not None
            self.heads = {str(t["team_id"]): int(t.get("head_seq", 0)) for t in me.get("teams", [])}
            if cfg.home_team_id is None and me.get("teams"):
                cfg.home_team_id = me["teams"][0]["team_id"]

    @staticmethod
    def keys(s: Session) -> dict[tuple[str, int], bytes]:
        return {(k.team_id, k.epoch): k.key for k in s.scalars(select(TeamKey))}
