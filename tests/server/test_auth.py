"""Signed requests: signature, unknown and revoked devices, clock skew, replayed nonces."""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.sync.protocol import MAX_SKEW_MS, sign_request
from tests.server.conftest import Clock
from tests.server.helpers import Api, Device


def test_bad_signature_and_tampering(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    impostor = Device(
        org.coordinator.device_id, "x", Ed25519PrivateKey.generate(), org.coordinator.kem
    )
    r = api.call("GET", "/v2/me", device=impostor)
    assert r.status_code == 401
    assert r.json() == {"error": "bad_signature"}
    # A body changed after signing.
    body = json.dumps({"statements": [], "x": "x"}).encode()
    h = sign_request(
        org.coordinator.sign, org.coordinator.device_id, "POST", "/v2/log", body, clock.ms()
    )
    r = api.client.post("/v2/log", content=body.replace(b'"x"}', b'"y"}'), headers=h)
    assert r.status_code == 401
    assert r.json() == {"error": "bad_signature"}
    # The signature covers the query string too.
    h = sign_request(
        org.coordinator.sign, org.coordinator.device_id, "GET", "/v2/me", b"", clock.ms()
    )
    r = api.client.get("/v2/me?x=1", headers=h)
    assert r.status_code == 401


def test_unknown_device_and_missing_headers(api: Api, token: str) -> None:
    api.bootstrap(token)
    r = api.call("GET", "/v2/me", device=Device.new())
    assert r.status_code == 401
    assert r.json() == {"error": "unknown_device"}
    r = api.call("GET", "/v2/me")
    assert r.status_code == 401
    assert r.json() == {"error": "unauthenticated"}
    r = api.client.get(
        "/v2/me",
        headers={
            "X-Bf-Device": "nope",
            "X-Bf-Time": "1",
            "X-Bf-Nonce": "a" * 22,
            "X-Bf-Signature": "AA==",
        },
    )
    assert r.status_code == 401
    assert r.json() == {"error": "unauthenticated"}


def test_revoked_device_is_refused_at_once(api: Api, token: str) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    worker = api.member(org, [team])
    assert api.call("GET", "/v2/me", device=worker).status_code == 200
    r = api.revoke(org, worker)
    assert r.status_code == 200, r.text
    for method, path in (("GET", "/v2/me"), ("GET", f"/v2/pull?team={team}&after=0")):
        r = api.call(method, path, device=worker)
        assert r.status_code == 403
        assert r.json() == {"error": "revoked"}
    rev = api.revision(org, team, worker, {"text": "na intrekking"})
    r = api.push(worker, team, [rev])
    assert r.status_code == 403
    # Revoking again, revoking yourself or an unknown device: statements that do not verify.
    for device in (worker, org.coordinator, Device.new()):
        r = api.revoke(org, device)
        assert r.status_code == 409
        assert r.json() == {"error": "bad_statement", "reason": "unknown_device"}
    # The coordinator's device list shows the revocation and no missing keys for it.
    devices = api.call("GET", "/v2/devices", device=org.coordinator).json()["devices"]
    row = next(d for d in devices if d["device_id"] == worker.device_id)
    assert row["status"] == "revoked"
    assert row["missing_keys"] == []


def test_clock_skew(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    for offset in (MAX_SKEW_MS, -MAX_SKEW_MS):
        assert (
            api.call(
                "GET", "/v2/me", device=org.coordinator, time_ms=clock.ms() + offset
            ).status_code
            == 200
        )
    for offset in (MAX_SKEW_MS + 1, -MAX_SKEW_MS - 1, 3_600_000):
        r = api.call("GET", "/v2/me", device=org.coordinator, time_ms=clock.ms() + offset)
        assert r.status_code == 401
        assert r.json() == {"error": "clock_skew", "server_time_ms": clock.ms()}


def test_replayed_nonce(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    rev = api.revision(org, team, org.coordinator, {"text": "een"})
    body = json.dumps({"team_id": team, "revisions": [rev]}).encode()
    h = sign_request(
        org.coordinator.sign, org.coordinator.device_id, "POST", "/v2/push", body, clock.ms()
    )
    first = api.client.post("/v2/push", content=body, headers=h)
    assert first.status_code == 200
    again = api.client.post("/v2/push", content=body, headers=h)
    assert again.status_code == 409
    assert again.json() == {"error": "replay"}
    # Later (nonces are pruned after ten minutes) the old signed time gives it away instead.
    clock.advance(11 * 60)
    api.call("GET", "/v2/me", device=org.coordinator)  # triggers pruning
    late = api.client.post("/v2/push", content=body, headers=h)
    assert late.status_code == 401
    assert late.json()["error"] == "clock_skew"
