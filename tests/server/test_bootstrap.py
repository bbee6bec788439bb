"""Organisation bootstrap with the one-time setup token, teams, invites and enrolment."""

from __future__ import annotations

import stat
from pathlib import Path

from app.server.app import create_app
from app.sync import trust
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
        r = api.call("POST", "/v2/organisation", body=body, headers=headers)
        assert r.status_code == 409
        assert r.json() == {"error": "organisation_exists"}
    # A restart does not create a new token once the organisation exists.
    app = create_app(database.url, data_dir=store_dir, clock=clock, limits=GENEROUS)
    with TestClient(app):
        pass
    assert not path.exists()
    me = api.call("GET", "/v2/me", device=org.coordinator)
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
        r = api.call("POST", "/v2/organisation", body=body, headers=headers)
        assert r.status_code == 403
        assert r.json() == {"error": "bad_setup_token"}
    assert (store_dir / "setup-token").exists()
    # Unknown fields are refused even with the right token.
    r = api.call(
        "POST", "/v2/organisation", body={**body, "extra": 1}, headers={"X-Bf-Setup-Token": token}
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
    # Enrolled is not a member: no team, no role, nothing from the store it should trust.
    assert r.json()["status"] == "pending"
    assert "team_ids" not in r.json() and "recovery_public_key" not in r.json()
    me = api.call("GET", "/v2/me", device=dev).json()
    assert me["device"]["status"] == "pending"
    assert me["teams"] == [] and me["wrapped_keys"] == []
    # A pending device reads no team data, pushes none, and can do nothing a coordinator can.
    assert api.pull(dev, team).status_code == 403
    assert api.pull(dev, team).json() == {"error": "not_approved"}
    assert api.push(dev, team, [api.revision(org, team, dev, {"x": 1})]).status_code == 403
    assert api.call("GET", "/v2/devices", device=dev).status_code == 403
    # The coordinator sees the enrolment proof and can check it against the invite secret.
    devices = api.call("GET", "/v2/devices", device=org.coordinator).json()["devices"]
    row = next(d for d in devices if d["device_id"] == dev.device_id)
    assert row["invite_id"] == invite_id
    assert row["status"] == "pending"
    public = {k: row[k] for k in ("device_id", "label", "sign_public_key", "kem_public_key")}
    assert check_enrolment_proof(secret, public, b64d(row["enrol_proof"]))
    # One-time: a second device cannot use the same invite.
    again = api.enrol(invite_id, secret, Device.new())
    assert again.status_code == 410
    assert again.json() == {"error": "invite_invalid"}
    # A retry by the same device (its response was lost) is answered again.
    assert api.enrol(invite_id, secret, dev).status_code == 200
    # The coordinator's signed approval, with the key wrapped for it, makes it a member.
    r = api.approve(org, dev, [team], "worker", invite_id)
    assert r.status_code == 200, r.text
    me = api.call("GET", "/v2/me", device=dev).json()
    assert me["device"]["status"] == "active"
    assert [t["team_id"] for t in me["teams"]] == [team]
    assert [(k["team_id"], k["epoch"]) for k in me["wrapped_keys"]] == [(team, 1)]
    assert api.pull(dev, team).status_code == 200


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
            "/v2/invites",
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
        "/v2/invites",
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
        ("GET", "/v2/devices", None),
        ("GET", "/v2/teams", None),
        (
            "POST",
            "/v2/invites",
            {
                "invite_id": new_id(),
                "team_ids": [team],
                "role": "coordinator",
                "expires_at_ms": clock.ms() + 1000,
            },
        ),
    ):
        r = api.call(method, path, device=worker, body=body)
        assert r.status_code == 403, (path, r.text)
        assert r.json() == {"error": "forbidden"}
    # A statement signed by a worker (revoking the coordinator) is not a coordinator's.
    r = api.append(
        org, worker, [(trust.StatementKind.REVOKE, {"device_id": org.coordinator.device_id})]
    )
    assert r.status_code == 409
    assert r.json() == {"error": "bad_statement", "reason": "signer_not_coordinator"}
    # v1 paths are refused with a clear answer, whoever asks.
    r = api.call("POST", f"/v1/devices/{org.coordinator.device_id}/revoke", device=worker)
    assert r.status_code == 426
    assert r.json()["error"] == "protocol_outdated" and r.json()["protocol"] == 2


def test_a_new_epoch_must_reach_every_member_and_the_recovery_key(api: Api, token: str) -> None:
    org = api.bootstrap(token)
    team = api.create_team(org)
    worker = api.member(org, [team])
    key = b"k" * 32
    # Without the recovery key: refused, and nothing appended.
    wraps = api.wraps(org, team, 2, key, [org.coordinator, worker])[1:]
    r = api.append(org, org.coordinator, [api.epoch_part(org, team, 2, key)], wraps)
    assert r.status_code == 409
    assert r.json() == {"error": "rotation_incomplete"}
    # Without a member: refused too.
    wraps = api.wraps(org, team, 2, key, [org.coordinator])
    r = api.append(org, org.coordinator, [api.epoch_part(org, team, 2, key)], wraps)
    assert r.status_code == 409
    # A wrap for a device outside the verified roster is refused.
    outsider = Device.new("niet van ons")
    wraps = api.wraps(org, team, 2, key, [org.coordinator, worker, outsider])
    r = api.append(org, org.coordinator, [api.epoch_part(org, team, 2, key)], wraps)
    assert r.status_code == 409
    assert r.json() == {"error": "unknown_recipient"}
    wraps = api.wraps(org, team, 2, key, [org.coordinator, worker])
    r = api.append(org, org.coordinator, [api.epoch_part(org, team, 2, key)], wraps)
    assert r.status_code == 200, r.text
    assert org.roster.teams[team].epoch == 2
