"""Joining the central store: the first coordinator creates the organisation, every other
device enrols with a coordinator's one-time invite."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.crypto.header import now_iso
from app.errors import ValidationError
from app.models import Setting, SyncConfig
from app.sync.codes import Role
from app.sync.link import SyncLink, raw_private, raw_public
from app.sync.protocol import InviteCode, b64e, enrolment_proof, parse_invite
from app.sync.transport import check_server_url

RECOVERY_PUBLIC_SETTING = "sync_recovery_public"


@dataclass(frozen=True)
class OrganisationCreated:
    organisation_id: str
    recovery_private_key: str  # shown once, printed and kept offline


def format_recovery_private(key: X25519PrivateKey) -> str:
    text = base64.b32encode(raw_private(key)).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


class Enrolment:
    def __init__(self, link: SyncLink) -> None:
        self._link = link

    def create_organisation(
        self, server_url: str, setup_token: str, name: str
    ) -> OrganisationCreated:
        """This device becomes the first coordinator of a new organisation."""
        link = self._link
        server_url = check_server_url(server_url)
        sign = Ed25519PrivateKey.generate()
        recovery = X25519PrivateKey.generate()
        org_id = str(uuid.uuid4())
        with link.ctx.read() as s:
            if link.config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = link.device_public(s, sign)
        transport = link.factory(server_url, device["device_id"], sign)
        transport.post(
            "/v1/organisation",
            {
                "organisation_id": org_id,
                "name": name.strip() or "Organisatie",
                "recovery_public_key": b64e(raw_public(recovery.public_key())),
                "device": device,
            },
            signed=False,
            headers={"X-Bf-Setup-Token": setup_token.strip()},
        )
        with link.ctx.transaction() as s:
            s.add(
                SyncConfig(
                    server_url=server_url,
                    organisation_id=org_id,
                    role=Role.COORDINATOR,
                    sign_private_key=raw_private(sign),
                    enrolled_at=now_iso(),
                )
            )
            s.add(
                Setting(
                    key=RECOVERY_PUBLIC_SETTING,
                    value=f'"{b64e(raw_public(recovery.public_key()))}"',
                )
            )
        link.use_transport(transport)
        return OrganisationCreated(org_id, format_recovery_private(recovery))

    def enrol(self, server_url: str, invite_text: str) -> None:
        """Join with a coordinator's invite; team keys arrive once a coordinator approves."""
        link = self._link
        server_url = check_server_url(server_url)
        try:
            invite: InviteCode = parse_invite(invite_text)
        except ValueError as exc:
            raise ValidationError("Dit is geen geldige uitnodigingscode.", field="invite") from exc
        sign = Ed25519PrivateKey.generate()
        with link.ctx.read() as s:
            if link.config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = link.device_public(s, sign)
        transport = link.factory(server_url, device["device_id"], sign)
        answer = transport.post(
            "/v1/enrol",
            {
                "invite_id": invite.invite_id,
                "device": device,
                "proof": b64e(enrolment_proof(invite.secret, device)),
            },
            signed=False,
        )
        with link.ctx.transaction() as s:
            s.add(
                SyncConfig(
                    server_url=server_url,
                    organisation_id=str(answer["organisation_id"]),
                    role=str(answer.get("role", Role.WORKER)),
                    sign_private_key=raw_private(sign),
                    enrolled_at=now_iso(),
                )
            )
            s.add(Setting(key=RECOVERY_PUBLIC_SETTING, value=f'"{answer["recovery_public_key"]}"'))
        link.use_transport(transport)
