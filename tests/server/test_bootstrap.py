"""Organisation bootstrap with the one-time setup token, teams, invites and enrolment."""

from __future__ import annotations

import stat
from pathlib import Path

from app.server.app import create_app
from app.sync.protocol import b64d, check_enrolment_proof
from tests.server.conftest import GENEROUS, Clock, Database, TestClient
from tests.server.helpers import DAY_MS, Api, Device, new_id


def test_setup_token_file_is_private_and_single_use(
    api: Api, store_dir: Path, token: str, database: Database, clock: Clock
) -> None:
    path = store_dir / "setup-token"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(token) >= 40
    org = api.bootstrap(token)
    assert not path.exists()  # used up
    # A second bootstrap is refused, with or without the old token.
    coord2 = Device.new()
    body = {
        "organisation_id": new_id(),
        "name": "Andere",
        "recovery_public_key": coord2.public()["kem_public_key"],
        "device": coord2.public(),
    }
    for headers in ({"X-Bf-Setup-Token": token}, {}):
        r = api.call("POST", "/v1/organisation", body=body, headers=headers)
        assert r.status_code == 409
        assert r.json() == {"error": "organisation_exists"}
    # A restart does not create a new token once the organisation exists.
    app = create_app(database.url, data_dir=store_dir, clock=clock, limits=GENEROUS)
    with TestClient(app):
        pass
    assert not path.exists()
    me = api.call("GET", "/v1/me", device=org.coordinator)
    assert me.status_code == 200, me.text
    assert me.json()["device"]["role"] == "coordinator"
    assert me.json()["organisation"]["organisation_id"] == org.organisation_id


def test_bootstrap_needs_the_token(api: Api, token: str, store_dir: Path) -> None:
    coord = Device.new()
    body = {
        "organisation_id": new_id(),
        "name": "VZW",
        "recovery_public_key": coord.public()["kem_public_key"],
        "device": coord.public(),
    }
    for headers in ({}, {"X-Bf-Setup-Token": "x" + token}, {"X-Bf-Setup-Token": token[:-1]}):
        r = api.call("POST", "/v1/organisation", body=body, headers=headers)
        assert r.status_code == 403
        assert r.json() == {"error": "bad_setup_token"}
    assert (store_dir / "setup-token").exists()
    # Unknown fields are refused even with the right token.
    r = api.call(
        "POST", "/v1/organisation", body={**body, "extra": 1}, headers={"X-Bf-Setup-Token": token}
    )
    assert r.status_code == 400
    assert r.json() == {"error": "invalid_request"}
    api.bootstrap(token)


def test_invite_enrol_proof_and_devices(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    invite_id, secret = api.invite(org, [team])
    dev = Device.new("werklaptop")
    r = api.enrol(invite_id, secret, dev)
    assert r.status_code == 201, r.text
    assert r.json()["team_ids"] == [team]
    assert r.json()["role"] == "worker"
    # The device is active at once but has no team key yet.
    me = api.call("GET", "/v1/me", device=dev).json()
    assert me["teams"] == [
        {"team_id": team, "name": "Straathoekwerk", "current_epoch": 1, "head_seq": 0}
    ]
    assert me["wrapped_keys"] == []
    # The coordinator sees the enrolment proof and can check it against the invite secret.
    devices = api.call("GET", "/v1/devices", device=org.coordinator).json()["devices"]
    row = next(d for d in devices if d["device_id"] == dev.device_id)
    assert row["invite_id"] == invite_id
    assert row["status"] == "active"
    assert row["missing_keys"] == [{"team_id": team, "epoch": 1}]
    public = {k: row[k] for k in ("device_id", "label", "sign_public_key", "kem_public_key")}
    assert check_enrolment_proof(secret, public, b64d(row["enrol_proof"]))
    # One-time: a second device cannot use the same invite.
    again = api.enrol(invite_id, secret, Device.new())
    assert again.status_code == 410
    assert again.json() == {"error": "invite_invalid"}
    # A retry by the same device (its response was lost) is answered again.
    assert api.enrol(invite_id, secret, dev).status_code == 200
    # Wrapping the key makes it show up for the device.
    api_key = org.team_keys[(team, 1)]
    w = api.wraps(org, team, 1, api_key, [dev])[1:]
    r = api.call(
        "POST",
        "/v1/team-keys",
        device=org.coordinator,
        body={"team_id": team, "epoch": 1, "wrapped_keys": w},
    )
    assert r.status_code == 200, r.text
    me = api.call("GET", "/v1/me", device=dev).json()
    assert [(k["team_id"], k["epoch"]) for k in me["wrapped_keys"]] == [(team, 1)]


def test_invite_expiry_and_unknown(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    invite_id, secret = api.invite(org, [team], expires_in_ms=60_000)
    clock.advance(61)
    r = api.enrol(invite_id, secret, Device.new())
    assert r.status_code == 410
    assert r.json() == {"error": "invite_invalid"}
    r = api.enrol(new_id(), secret, Device.new())
    assert r.status_code == 410
    # More than seven days ahead, or in the past: refused.
    for expires in (clock.ms() + 8 * DAY_MS, clock.ms() - 1):
        r = api.call(
            "POST",
            "/v1/invites",
            device=org.coordinator,
            body={
                "invite_id": new_id(),
                "team_ids": [team],
                "role": "worker",
                "expires_at_ms": expires,
            },
        )
        assert r.status_code == 400
    # Unknown team.
    r = api.call(
        "POST",
        "/v1/invites",
        device=org.coordinator,
        body={
            "invite_id": new_id(),
            "team_ids": [new_id()],
            "role": "worker",
            "expires_at_ms": clock.ms() + DAY_MS,
        },
    )
    assert r.status_code == 404
    assert r.json() == {"error": "unknown_team"}


def test_workers_cannot_do_coordinator_things(api: Api, token: str, clock: Clock) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    worker = api.member(org, [team])
    for method, path, body in (
        ("GET", "/v1/devices", None),
        ("GET", "/v1/teams", None),
        ("POST", f"/v1/devices/{org.coordinator.device_id}/revoke", None),
        (
            "POST",
            "/v1/invites",
            {
                "invite_id": new_id(),
                "team_ids": [team],
                "role": "coordinator",
                "expires_at_ms": clock.ms() + 1000,
            },
        ),
        ("POST", "/v1/teams", {"team_id": new_id(), "name": "x", "wrapped_keys": []}),
    ):
        r = api.call(method, path, device=worker, body=body)
        assert r.status_code == 403, (path, r.text)
        assert r.json() == {"error": "forbidden"}


def test_team_needs_recovery_wrap(api: Api, token: str) -> None:
    org = api.bootstrap(token)
    team_id = new_id()
    key = b"k" * 32
    wraps = api.wraps(org, team_id, 1, key, [org.coordinator])[1:]
    r = api.call(
        "POST",
        "/v1/teams",
        device=org.coordinator,
        body={"team_id": team_id, "name": "Zonder herstel", "wrapped_keys": wraps},
    )
    assert r.status_code == 400
    assert r.json() == {"error": "recovery_key_missing"}
