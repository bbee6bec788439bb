"""Test helpers for the central store: device keys, signed requests, a live store process."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.sync import envelope, trust
from app.sync.protocol import b64e, enrolment_proof, new_invite, sign_request

ROOT = Path(__file__).resolve().parents[2]
DAY_MS = 24 * 3600 * 1000


def raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_id() -> str:
    return str(uuid.uuid4())


def rev_id() -> str:
    return os.urandom(32).hex()


@dataclass
class Device:
    device_id: str
    label: str
    sign: Ed25519PrivateKey
    kem: X25519PrivateKey

    @classmethod
    def new(cls, label: str = "laptop") -> Device:
        return cls(new_id(), label, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    def public(self) -> dict[str, str]:
        return {
            "device_id": self.device_id,
            "label": self.label,
            "sign_public_key": b64e(raw_public(self.sign)),
            "kem_public_key": b64e(raw_public(self.kem)),
        }


@dataclass
class Org:
    organisation_id: str
    coordinator: Device
    recovery: X25519PrivateKey
    root: Ed25519PrivateKey
    roster: trust.Roster
    team_keys: dict[tuple[str, int], bytes] = field(default_factory=dict)


class Api:
    """Signed JSON requests against a store (TestClient or a live httpx.Client)."""

    def __init__(self, client: httpx.Client, now_ms: Callable[[], int]) -> None:
        self.client = client
        self.now_ms = now_ms

    def call(
        self,
        method: str,
        path: str,
        *,
        device: Device | None = None,
        body: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        time_ms: int | None = None,
    ) -> httpx.Response:
        if content is None:
            content = b"" if body is None else json.dumps(body).encode()
        h = dict(headers or {})
        if content:
            h.setdefault("Content-Type", "application/json")
        if device is not None:
            t = self.now_ms() if time_ms is None else time_ms
            h.update(sign_request(device.sign, device.device_id, method, path, content, t))
        return self.client.request(method, path, content=content, headers=h)

    # --- set-up steps -------------------------------------------------------------------------

    def bootstrap(self, token: str, name: str = "VZW Brugfiguur") -> Org:
        coord = Device.new("coördinator")
        recovery = X25519PrivateKey.generate()
        root = Ed25519PrivateKey.generate()
        org_id = new_id()
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
                root_public=raw_public(root),
                recovery_public=raw_public(recovery),
                device=coord.public(),
            ),
            at_ms=self.now_ms(),
        )
        r = self.call(
            "POST",
            "/v2/organisation",
            body={"statement": genesis},
            headers={"X-Bf-Setup-Token": token},
        )
        assert r.status_code == 201, r.text
        roster = trust.verify_log([genesis], trust.fingerprint(raw_public(root)))
        return Org(org_id, coord, recovery, root, roster)

    def append(
        self,
        org: Org,
        signer: Device,
        parts: list[tuple[trust.StatementKind, dict[str, Any]]],
        wraps: list[dict[str, Any]] | None = None,
    ) -> httpx.Response:
        """Sign statements after the org's head and append them with `wraps`; on success the
        org's roster follows."""
        future = copy.deepcopy(org.roster)
        raws = []
        for kind, body in parts:
            raw = trust.make_statement(
                signer.sign,
                organisation_id=org.organisation_id,
                seq=future.seq + 1,
                prev=future.head,
                signer=signer.device_id,
                kind=kind,
                body=body,
                at_ms=self.now_ms(),
            )
            with contextlib.suppress(trust.TrustError):  # sent anyway: the store must refuse it
                trust.apply_statement(future, trust.parse_statement(raw))
            raws.append(raw)
        r = self.call(
            "POST",
            "/v2/log",
            device=signer,
            body={"statements": raws, "wrapped_keys": wraps or []},
        )
        if r.status_code == 200:
            org.roster = future
        return r

    def wraps(
        self, org: Org, team_id: str, epoch: int, key: bytes, devices: list[Device]
    ) -> list[dict[str, Any]]:
        out = [
            {
                "team_id": team_id,
                "recipient_kind": "recovery",
                "recipient_id": org.organisation_id,
                "epoch": epoch,
                "wrapped": b64e(
                    envelope.wrap_team_key(
                        key,
                        team_id=team_id,
                        epoch=epoch,
                        recipient_id=org.organisation_id,
                        recipient_public=org.recovery.public_key(),
                    )
                ),
            }
        ]
        for d in devices:
            out.append(
                {
                    "team_id": team_id,
                    "recipient_kind": "device",
                    "recipient_id": d.device_id,
                    "epoch": epoch,
                    "wrapped": b64e(
                        envelope.wrap_team_key(
                            key,
                            team_id=team_id,
                            epoch=epoch,
                            recipient_id=d.device_id,
                            recipient_public=d.kem.public_key(),
                        )
                    ),
                }
            )
        return out

    def epoch_part(
        self, org: Org, team_id: str, epoch: int, key: bytes
    ) -> tuple[trust.StatementKind, dict[str, Any]]:
        commitment = trust.key_commitment(
            key, organisation_id=org.organisation_id, team_id=team_id, epoch=epoch
        )
        return trust.StatementKind.EPOCH, trust.epoch_body(team_id, epoch, commitment)

    def create_team(self, org: Org, name: str = "Straathoekwerk") -> str:
        team_id = new_id()
        key = envelope.new_team_key()
        r = self.append(
            org,
            org.coordinator,
            [
                (trust.StatementKind.TEAM, {"team_id": team_id, "name": name}),
                self.epoch_part(org, team_id, 1, key),
            ],
            self.wraps(org, team_id, 1, key, [org.coordinator]),
        )
        assert r.status_code == 200, r.text
        org.team_keys[(team_id, 1)] = key
        return team_id

    def approve(
        self,
        org: Org,
        device: Device,
        team_ids: list[str],
        role: str = "worker",
        invite_id: str = "",
    ) -> httpx.Response:
        body = {
            **device.public(),
            "role": role,
            "teams": sorted(team_ids),
            "invite_id": invite_id or new_id(),
        }
        wraps = []
        for (tid, epoch), key in sorted(org.team_keys.items()):
            if tid in team_ids:
                wraps += self.wraps(org, tid, epoch, key, [device])[1:]
        return self.append(org, org.coordinator, [(trust.StatementKind.ADD_DEVICE, body)], wraps)

    def revoke(self, org: Org, device: Device) -> httpx.Response:
        return self.append(
            org, org.coordinator, [(trust.StatementKind.REVOKE, {"device_id": device.device_id})]
        )

    def invite(
        self, org: Org, team_ids: list[str], role: str = "worker", expires_in_ms: int = DAY_MS
    ) -> tuple[str, bytes]:
        code = new_invite(org.roster.root_fingerprint)
        r = self.call(
            "POST",
            "/v2/invites",
            device=org.coordinator,
            body={
                "invite_id": code.invite_id,
                "team_ids": team_ids,
                "role": role,
                "expires_at_ms": self.now_ms() + expires_in_ms,
            },
        )
        assert r.status_code == 201, r.text
        return code.invite_id, code.secret

    def enrol(self, invite_id: str, secret: bytes, device: Device) -> httpx.Response:
        pub = device.public()
        return self.call(
            "POST",
            "/v2/enrol",
            body={
                "invite_id": invite_id,
                "device": pub,
                "proof": b64e(enrolment_proof(secret, pub)),
            },
        )

    def member(
        self, org: Org, team_ids: list[str], role: str = "worker", label: str = "werker"
    ) -> Device:
        """A new device enrolled into the teams and approved by the coordinator, with the
        team keys wrapped for it."""
        invite_id, secret = self.invite(org, team_ids, role)
        d = Device.new(label)
        r = self.enrol(invite_id, secret, d)
        assert r.status_code == 201, r.text
        r = self.approve(org, d, team_ids, role, invite_id)
        assert r.status_code == 200, r.text
        return d

    def purge_body(
        self,
        org: Org,
        device: Device,
        team_id: str,
        refs: list[list[str]],
        *,
        purge_id: str | None = None,
        person_id: str | None = None,
    ) -> dict[str, Any]:
        """A purge as its author signs it (bound to the team, the person and the records)."""
        signed = trust.sign_purge(
            device.sign,
            organisation_id=org.organisation_id,
            team_id=team_id,
            purge_id=purge_id or new_id(),
            person_id=person_id or refs[0][1],
            record_refs=[(t, i) for t, i in refs],
            signer=device.device_id,
            at_ms=self.now_ms(),
        )
        return {"team_id": team_id, **signed.to_wire()}

    # --- records ------------------------------------------------------------------------------

    def revision(
        self,
        org: Org,
        team_id: str,
        device: Device,
        payload: Mapping[str, Any],
        *,
        record_id: str | None = None,
        parents: tuple[str, ...] = (),
        record_type: str = "note",
        epoch: int = 1,
        revision: str | None = None,
    ) -> dict[str, Any]:
        meta = envelope.RecordMeta(
            team_id=team_id,
            record_type=record_type,
            record_id=record_id or new_id(),
            revision=revision or rev_id(),
            parents=parents,
            device_id=device.device_id,
            epoch=epoch,
        )
        sealed = envelope.seal_record(org.team_keys[(team_id, epoch)], meta, payload)
        return {
            "record_type": meta.record_type,
            "record_id": meta.record_id,
            "revision": meta.revision,
            "parents": list(parents),
            "epoch": epoch,
            "ciphertext": b64e(sealed),
        }

    def push(self, device: Device, team_id: str, revisions: list[dict[str, Any]]) -> httpx.Response:
        return self.call(
            "POST", "/v2/push", device=device, body={"team_id": team_id, "revisions": revisions}
        )

    def statuses(self, device: Device, team_id: str, revisions: list[dict[str, Any]]) -> list[str]:
        r = self.push(device, team_id, revisions)
        assert r.status_code == 200, r.text
        return [x["status"] for x in r.json()["results"]]

    def pull(
        self, device: Device, team_id: str, after: int = 0, limit: int | None = None
    ) -> httpx.Response:
        q = f"/v2/pull?team={team_id}&after={after}"
        if limit is not None:
            q += f"&limit={limit}"
        return self.call("GET", q, device=device)

    def pull_all(
        self, device: Device, team_id: str, after: int = 0, limit: int | None = None
    ) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        while True:
            r = self.pull(device, team_id, after, limit)
            assert r.status_code == 200, r.text
            data = r.json()
            items.extend(data["items"])
            after = data["next_after"]
            if not data["more"]:
                return items


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# --- a live store in a subprocess ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveStore:
    base_url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    output: Path  # the process's stdout and stderr

    def token(self) -> str:
        return (self.data_dir / "setup-token").read_text().strip()


def wait_healthy(base_url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"store exited with {process.returncode}")
        try:
            if httpx.get(base_url + "/v2/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError("store did not become healthy")


@contextmanager
def live_store(
    data_dir: Path, database_url: str, *, fault: str | None = None
) -> Iterator[LiveStore]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "BRUGFIGUUR_FAULT"}
    env["PYTHONPATH"] = str(ROOT)
    # In the environment, never on the command line: a PostgreSQL URL holds a password.
    env["BRUGFIGUUR_DATABASE_URL"] = database_url
    if fault:
        env["BRUGFIGUUR_FAULT"] = fault
    code = (
        "import sys; from pathlib import Path; from app.server import serve; "
        f"sys.exit(serve(Path({str(data_dir)!r}), '127.0.0.1', {port}, None))"
    )
    output = data_dir.parent / f"store-output-{port}.txt"
    with output.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc)
        yield LiveStore(base, data_dir, proc, output)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
