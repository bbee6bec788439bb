"""Joining the central store (protocol v2).

- `create_organisation` (org-init): this device makes the organisation's root signing key and
  its recovery key pair, signs the membership log's genesis with the root key (the recovery
  public key and this device as first coordinator in it) and pins the root. The root's private
  half signs only the genesis and is not kept.
- `enrol`: another device joins with a coordinator's invite code, which carries the root's
  fingerprint; it pins that root before it trusts anything from the store, and waits for a
  coordinator's signed approval before it holds any team key.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.crypto.header import now_iso
from app.errors import ValidationError
from app.models import SyncConfig
from app.services.audit import AuditEvent, AuditService
from app.sync import trust
from app.sync.codes import Role
from app.sync.link import SyncLink, raw_private, raw_public
from app.sync.membership import Membership
from app.sync.protocol import InviteCode, b64e, enrolment_proof, parse_invite
from app.sync.transport import HttpTransport, check_server_url


@dataclass(frozen=True)
class OrganisationCreated:
    organisation_id: str
    recovery_private_key: str  # shown once, printed and kept offline
    safety_code: str  # the organisation's: every device shows the same one


@dataclass(frozen=True)
class Enrolled:
    organisation_id: str
    safety_code: str  # this device's: the coordinator compares it before approving


def format_recovery_private(key: X25519PrivateKey) -> str:
    text = base64.b32encode(raw_private(key)).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


@contextmanager
def _closed_on_failure(transport: HttpTransport) -> Iterator[None]:
    """Until the link takes the new transport over, a refusal or error closes it (no
    connection is left open behind a failed set-up or enrolment)."""
    try:
        yield
    except BaseException:
        transport.close()
        raise


class Enrolment:
    def __init__(self, link: SyncLink) -> None:
        self._link = link

    def create_organisation(
        self, server_url: str, setup_token: str, name: str
    ) -> OrganisationCreated:
        """This device becomes the first coordinator of a new organisation."""
        link = self._link
        server_url = check_server_url(server_url)
        name = name.strip() or "Organisatie"
        sign = Ed25519PrivateKey.generate()
        root = Ed25519PrivateKey.generate()
        recovery = X25519PrivateKey.generate()
        org_id = str(uuid.uuid4())
        with link.read() as s:
            if link.config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = link.device_public(s, sign)
        root_public = raw_public(root.public_key())
        genesis = trust.make_statement(
            root,
            organisation_id=org_id,
            seq=1,
            prev="",
            signer=trust.ROOT_SIGNER,
            kind=trust.StatementKind.GENESIS,
            body=trust.genesis_body(
                organisation_id=org_id,
                name=name,
                root_public=root_public,
                recovery_public=raw_public(recovery.public_key()),
                device=device,
            ),
            at_ms=link.now_ms(),
        )
        del root  # signs the genesis only
        transport = link.factory(server_url, device["device_id"], sign)
        with _closed_on_failure(transport):
            transport.post(
                "/v2/organisation",
                {"statement": genesis},
                signed=False,
                headers={"X-Bf-Setup-Token": setup_token.strip()},
            )
            with link.transaction() as s:
                s.add(
                    SyncConfig(
                        server_url=server_url,
                        organisation_id=org_id,
                        role=Role.COORDINATOR,
                        sign_private_key=raw_private(sign),
                        enrolled_at=now_iso(),
                    )
                )
                Membership.pin(s, org_id, trust.fingerprint(root_public), genesis)
                AuditService(link.ctx, link.records()).record(
                    AuditEvent.ORGANISATION_CREATED, record_id=org_id, session=s
                )
            link.use_transport(transport)
        return OrganisationCreated(
            org_id, format_recovery_private(recovery), trust.safety_code(root_public)
        )

    def enrol(self, server_url: str, invite_text: str) -> Enrolled:
        """Join with a coordinator's invite. The device is pending until a coordinator
        approves it (after comparing the safety code returned here)."""
        link = self._link
        server_url = check_server_url(server_url)
        try:
            invite: InviteCode = parse_invite(invite_text)
        except ValueError as exc:
            raise ValidationError(
                "Dit is geen geldige uitnodigingscode (vraag uw coördinator een nieuwe).",
                field="invite",
            ) from exc
        sign = Ed25519PrivateKey.generate()
        with link.read() as s:
            if link.config(s) is not None:
                raise ValidationError("Dit toestel is al ingeschreven.")
            device = link.device_public(s, sign)
            kem = bytes(link.identity(s).public_key)
        transport = link.factory(server_url, device["device_id"], sign)
        with _closed_on_failure(transport):
            answer = transport.post(
                "/v2/enrol",
                {
                    "invite_id": invite.invite_id,
                    "device": device,
                    "proof": b64e(enrolment_proof(invite.secret, device)),
                },
                signed=False,
            )
            org_id = str(answer.get("organisation_id", ""))
            with link.transaction() as s:
                s.add(
                    SyncConfig(
                        server_url=server_url,
                        organisation_id=org_id,
                        role=Role.WORKER,  # until the verified log says otherwise
                        sign_private_key=raw_private(sign),
                        enrolled_at=now_iso(),
                    )
                )
                Membership.pin(s, org_id, invite.root_fingerprint)
                AuditService(link.ctx, link.records()).record(
                    AuditEvent.DEVICE_ENROLLED,
                    record_type="device",
                    record_id=link.ctx.device.device_id,
                    detail=f"uitnodiging {invite.invite_id[:8]}",
                    session=s,
                )
            link.use_transport(transport)
        return Enrolled(org_id, trust.device_safety_code(raw_public(sign.public_key()), kem))
