"""Push and pull: idempotency, leaves only, siblings, purges, cursors, teams and epochs."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.server import schema
from app.sync import envelope, trust
from app.sync.protocol import b64d
from tests.server.conftest import TestClient
from tests.server.helpers import Api, Device, Org, new_id


@pytest.fixture
def org(api: Api, token: str) -> Org:
    return api.bootstrap(token)


@pytest.fixture
def team(api: Api, org: Org) -> str:
    return api.create_team(org)


def leaves(api: Api, device: Device, team: str) -> list[str]:
    return [i["revision"] for i in api.pull_all(device, team) if i["kind"] == "revision"]


def test_push_is_idempotent_by_revision(api: Api, org: Org, team: str) -> None:
    rev = api.revision(org, team, org.coordinator, {"text": "eerste"})
    assert api.statuses(org.coordinator, team, [rev]) == ["stored"]
    assert api.statuses(org.coordinator, team, [rev]) == ["duplicate"]
    assert api.statuses(org.coordinator, team, [rev, rev]) == ["duplicate", "duplicate"]
    other = api.revision(org, team, org.coordinator, {"text": "tweede"})
    assert api.statuses(org.coordinator, team, [other, other]) == ["stored", "duplicate"]
    items = api.pull_all(org.coordinator, team)
    assert [i["revision"] for i in items] == [rev["revision"], other["revision"]]
    # What comes back opens with the team key and the metadata the store handed out.
    item = items[0]
    meta = envelope.RecordMeta(
        team_id=team,
        record_type=item["record_type"],
        record_id=item["record_id"],
        revision=item["revision"],
        parents=tuple(item["parents"]),
        device_id=item["device_id"],
        epoch=item["epoch"],
    )
    assert envelope.open_record(org.team_keys[(team, 1)], meta, b64d(item["ciphertext"])) == {
        "text": "eerste"
    }


def test_leaves_only_and_superseded_are_remembered(api: Api, org: Org, team: str) -> None:
    c = org.coordinator
    a = api.revision(org, team, c, {"v": 1})
    rid = a["record_id"]
    b = api.revision(org, team, c, {"v": 2}, record_id=rid, parents=(a["revision"],))
    assert api.statuses(c, team, [a]) == ["stored"]
    assert api.statuses(c, team, [b]) == ["stored"]
    assert leaves(api, c, team) == [b["revision"]]  # the parent leaf is gone
    # A late or replayed push of the old revision does not come back as a leaf.
    assert api.statuses(c, team, [a]) == ["superseded"]
    assert leaves(api, c, team) == [b["revision"]]
    # A parent that never reached the store is remembered too.
    ghost = api.revision(org, team, c, {"v": 0}, record_id=rid)
    d = api.revision(
        org, team, c, {"v": 3}, record_id=rid, parents=(b["revision"], ghost["revision"])
    )
    assert api.statuses(c, team, [d, ghost]) == ["stored", "superseded"]
    assert leaves(api, c, team) == [d["revision"]]
    # Parent and child in one push: only the child is kept.
    e = api.revision(org, team, c, {"v": 4}, record_id=rid, parents=(d["revision"],))
    f = api.revision(org, team, c, {"v": 5}, record_id=rid, parents=(e["revision"],))
    assert api.statuses(c, team, [e, f]) == ["stored", "stored"]
    assert leaves(api, c, team) == [f["revision"]]


def test_concurrent_siblings_are_kept_until_merged(api: Api, org: Org, team: str) -> None:
    c = org.coordinator
    w = api.member(org, [team])
    base = api.revision(org, team, c, {"v": 0})
    rid = base["record_id"]
    assert api.statuses(c, team, [base]) == ["stored"]
    left = api.revision(org, team, c, {"v": "links"}, record_id=rid, parents=(base["revision"],))
    right = api.revision(org, team, w, {"v": "rechts"}, record_id=rid, parents=(base["revision"],))
    assert api.statuses(c, team, [left]) == ["stored"]
    assert api.statuses(w, team, [right]) == ["stored"]
    assert sorted(leaves(api, w, team)) == sorted([left["revision"], right["revision"]])
    merge = api.revision(
        org, team, w, {"v": "samen"}, record_id=rid, parents=(left["revision"], right["revision"])
    )
    assert api.statuses(w, team, [merge]) == ["stored"]
    items = api.pull_all(c, team)
    assert [i["revision"] for i in items] == [merge["revision"]]
    assert items[0]["device_id"] == w.device_id
    assert sorted(items[0]["parents"]) == sorted([left["revision"], right["revision"]])


def test_purge_deletes_and_refuses_later_pushes(
    api: Api, org: Org, team: str, client: TestClient
) -> None:
    c = org.coordinator
    w = api.member(org, [team])
    person = api.revision(org, team, c, {"naam": "Zoë"}, record_type="person")
    note = api.revision(org, team, c, {"tekst": "over Zoë"}, record_type="note")
    sibling = api.revision(
        org, team, w, {"tekst": "ook"}, record_type="note", record_id=note["record_id"]
    )
    other = api.revision(org, team, c, {"naam": "Jan"}, record_type="person")
    assert api.statuses(c, team, [person, note, other]) == ["stored"] * 3
    assert api.statuses(w, team, [sibling]) == ["stored"]
    refs = [["person", person["record_id"]], ["note", note["record_id"]]]
    purge_id = new_id()
    body = api.purge_body(org, w, team, refs, purge_id=purge_id)
    r = api.call("POST", "/v2/purge", device=w, body=body)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "stored"
    assert r.json()["deleted"] == 3
    seq = r.json()["seq"]
    # Idempotent by purge id.
    r = api.call("POST", "/v2/purge", device=w, body=body)
    assert r.json()["status"] == "duplicate"
    assert r.json()["seq"] == seq
    items = api.pull_all(c, team)
    assert [(i["kind"], i.get("revision")) for i in items] == [
        ("revision", other["revision"]),
        ("purge", None),
    ]
    # The purge reaches devices as its author signed it.
    assert items[1] == {
        "seq": seq,
        "kind": "purge",
        **{k: v for k, v in body.items() if k != "team_id"},
    }
    # A purge whose signature is not the caller's, or that does not verify, is refused.
    forged = {**body, "purge_id": new_id()}
    assert api.call("POST", "/v2/purge", device=w, body=forged).status_code == 403
    assert api.call("POST", "/v2/purge", device=c, body=body).status_code == 403
    # Every later revision of a purged record is refused, whatever its parents.
    late = api.revision(
        org, team, w, {"tekst": "te laat"}, record_type="note", record_id=note["record_id"]
    )
    assert api.statuses(w, team, [late, note]) == ["purged", "purged"]
    with client.app.state.engine.connect() as conn:  # type: ignore[attr-defined]
        stored = {r.record_id for r in conn.execute(select(schema.records.c.record_id))}
    assert stored == {other["record_id"]}


def test_pull_by_cursor_in_bounded_batches(api: Api, org: Org, team: str) -> None:
    c = org.coordinator
    revs = [api.revision(org, team, c, {"i": i}) for i in range(25)]
    assert api.statuses(c, team, revs) == ["stored"] * 25
    seen: list[dict[str, Any]] = []
    after = 0
    batches = []
    while True:
        data = api.pull(c, team, after, limit=10).json()
        batches.append((len(data["items"]), data["more"]))
        seen.extend(data["items"])
        after = data["next_after"]
        if not data["more"]:
            break
    assert batches == [(10, True), (10, True), (5, False)]
    seqs = [i["seq"] for i in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == 25
    assert [i["revision"] for i in seen] == [r["revision"] for r in revs]
    # An empty pull keeps the cursor.
    data = api.pull(c, team, after).json()
    assert data == {"items": [], "next_after": after, "more": False}
    for bad in ("limit=0", "limit=1001", "after=-1", "after=x"):
        r = api.call(
            "GET",
            f"/v2/pull?team={team}&after=0&{bad}"
            if "limit" in bad
            else f"/v2/pull?team={team}&{bad}",
            device=c,
        )
        assert r.status_code == 400, bad


def test_pull_stops_at_the_byte_budget(api: Api, org: Org, team: str) -> None:
    c = org.coordinator
    big = "x" * (200 * 1024)
    revs = [api.revision(org, team, c, {"blob": big, "i": i}) for i in range(30)]
    for i in range(0, 30, 10):
        assert api.statuses(c, team, revs[i : i + 10]) == ["stored"] * 10
    first = api.pull(c, team, 0)
    assert first.status_code == 200
    data = first.json()
    assert data["more"] is True
    assert 1 <= len(data["items"]) < 30
    assert len(first.content) < 8 * 1024 * 1024
    rest = api.pull_all(c, team, data["next_after"])
    assert len(data["items"]) + len(rest) == 30


def test_other_teams_are_out_of_reach(api: Api, org: Org, team: str) -> None:
    other_team = api.create_team(org, "Andere ploeg")
    w = api.member(org, [team])
    rev = api.revision(org, other_team, org.coordinator, {"x": 1})
    assert api.statuses(org.coordinator, other_team, [rev]) == ["stored"]
    for target in (other_team, new_id()):
        r = api.push(w, target, [api.revision(org, team, w, {"x": 2}) | {}])
        assert r.status_code == 403
        assert r.json() == {"error": "forbidden"}
        r = api.pull(w, target)
        assert r.status_code == 403
        r = api.call(
            "POST",
            "/v2/purge",
            device=w,
            body=api.purge_body(org, w, target, [["note", rev["record_id"]]]),
        )
        assert r.status_code == 403
    assert leaves(api, org.coordinator, other_team) == [rev["revision"]]


def test_epochs_and_rotation(api: Api, org: Org, team: str) -> None:
    c = org.coordinator
    w = api.member(org, [team])
    gone = api.member(org, [team])
    r = api.push(c, team, [api.revision(org, team, c, {"x": 1}, epoch=1) | {"epoch": 2}])
    assert r.status_code == 409
    assert r.json() == {"error": "unknown_epoch", "current_epoch": 1}
    key2 = envelope.new_team_key()
    # Revoking and rotating go together; the new epoch must reach every active member and
    # the recovery key…
    revoke = (trust.StatementKind.REVOKE, {"device_id": gone.device_id})
    partial = api.wraps(org, team, 2, key2, [c])
    r = api.append(org, c, [revoke, api.epoch_part(org, team, 2, key2)], partial)
    assert r.status_code == 409
    assert r.json()["error"] == "rotation_incomplete"
    # …and never the revoked device.
    r = api.append(
        org,
        c,
        [revoke, api.epoch_part(org, team, 2, key2)],
        api.wraps(org, team, 2, key2, [c, w, gone]),
    )
    assert r.status_code == 409
    assert r.json()["error"] == "unknown_recipient"
    full = api.wraps(org, team, 2, key2, [c, w])
    r = api.append(org, c, [revoke, api.epoch_part(org, team, 2, key2)], full)
    assert r.status_code == 200, r.text
    org.team_keys[(team, 2)] = key2
    # The same wraps again are harmless; a different wrap for the same recipient conflicts.
    r = api.append(org, c, [], full)
    assert r.status_code == 200
    r = api.append(org, c, [], api.wraps(org, team, 2, envelope.new_team_key(), [c, w]))
    assert r.status_code == 409
    assert r.json()["error"] == "key_conflict"
    # Wraps for an epoch no statement announced: refused.
    r = api.append(org, c, [], api.wraps(org, team, 3, key2, [w])[1:])
    assert r.status_code == 409
    assert r.json()["error"] == "unknown_epoch"
    me = api.call("GET", "/v2/me", device=w).json()
    assert me["teams"][0]["current_epoch"] == 2
    assert sorted((k["team_id"], k["epoch"]) for k in me["wrapped_keys"]) == [(team, 1), (team, 2)]
    # Old and new epochs are both accepted after a rotation (offline outboxes).
    old = api.revision(org, team, w, {"x": "oud"}, epoch=1)
    new = api.revision(org, team, w, {"x": "nieuw"}, epoch=2)
    assert api.statuses(w, team, [old, new]) == ["stored", "stored"]
    # A device enrolled after the rotation is told it lacks both epochs' keys.
    invite_id, secret = api.invite(org, [team])
    late = Device.new()
    assert api.enrol(invite_id, secret, late).status_code == 201
    assert api.approve(org, late, [team], invite_id=invite_id).status_code == 200
    me = api.call("GET", "/v2/me", device=late).json()
    assert sorted((k["team_id"], k["epoch"]) for k in me["wrapped_keys"]) == [(team, 1), (team, 2)]
    teams = api.call("GET", "/v2/teams", device=c).json()["teams"]
    assert teams[0]["current_epoch"] == 2
