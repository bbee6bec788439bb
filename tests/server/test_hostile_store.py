"""The store as an attacker (issue 10): the real store, on SQLite and PostgreSQL, whose database
a test rewrites (`store_execute`) or whose answers it rewrites on their way to a laptop
(`Laptop.rewrites`), plus one rogue team member. One test per attack. Each checks that nothing
is encrypted under a key the store knows, that the device stops or refuses with a Dutch
message, that nothing it already held is lost, and that the unaffected team still syncs."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select, text

from app.models import QuarantineEntry, SyncConfig, TeamKey, TeamState
from app.sync import envelope, trust
from app.sync.codes import ErrorCode
from app.sync.errors import (
    NotApproved,
    PurgeConfirmationPending,
    SyncError,
    TeamsRefused,
    TrustRefused,
)
from app.sync.link import raw_public
from app.sync.protocol import b64d, b64e
from tests.server.conftest import Database
from tests.server.hostile_support import (
    Org,
    audit,
    home,
    join,
    kem_public,
    keys,
    nothing_under_store_keys,
    organisation,
    other_team_still_syncs,
    people,
    store_epochs,
)
from tests.server.sync_support import Laptop, store_execute


@pytest.fixture
def org(database: Database, tmp_path: Path) -> Iterator[Org]:
    with organisation(database.url, tmp_path) as o:
        yield o


# --- 1. an epoch key the store chose -------------------------------------------------------------


def test_an_injected_epoch_key_is_refused(org: Org) -> None:
    o = org
    store_key = envelope.new_team_key()  # the store knows this one
    wrapped = envelope.wrap_team_key(
        store_key,
        team_id=o.noord,
        epoch=2,
        recipient_id=o.worker.device_id,
        recipient_public=kem_public(o.url, o.worker.device_id),
    )
    store_execute(o.url, "UPDATE teams SET current_epoch = 2 WHERE team_id = :t", {"t": o.noord})
    store_execute(
        o.url,
        "INSERT INTO team_keys (team_id, epoch, recipient_kind, recipient_id, wrapped,"
        " created_by, created_at_ms) VALUES (:t, 2, 'device', :d, :w, :d, 0)",
        {"t": o.noord, "d": o.worker.device_id, "w": wrapped},
    )
    home(o.worker, o.noord)
    people(o.worker, 2, "Geheim")
    before, outbox = o.worker.people(), o.worker.outbox()
    with pytest.raises(TeamsRefused) as err:
        o.worker.sync_once()
    assert "Team Noord" in err.value.message and "ondertekende" in err.value.message
    assert (o.noord, 2) not in keys(o.worker)
    assert store_epochs(o.url, o.noord) == {1}, "something was encrypted under the store's key"
    assert o.worker.outbox() == outbox  # kept, not sent
    assert o.worker.people() == before
    assert any("teamsleutel geweigerd" in (a.detail or "") for a in audit(o.worker, "sync_refused"))
    other_team_still_syncs(o)
    nothing_under_store_keys(o, [store_key])


def test_a_key_for_a_signed_epoch_must_match_its_commitment(org: Org) -> None:
    """The coordinator rotates for real; the store swaps the worker's wrap for its own key."""
    o = org
    assert o.coord.sync.rotate(o.noord) == 2
    store_key = envelope.new_team_key()
    wrapped = envelope.wrap_team_key(
        store_key,
        team_id=o.noord,
        epoch=2,
        recipient_id=o.worker.device_id,
        recipient_public=kem_public(o.url, o.worker.device_id),
    )
    store_execute(
        o.url,
        "UPDATE team_keys SET wrapped = :w WHERE team_id = :t AND epoch = 2 AND recipient_id = :d",
        {"t": o.noord, "d": o.worker.device_id, "w": wrapped},
    )
    home(o.worker, o.noord)
    people(o.worker, 1, "Geheim")
    with pytest.raises(TeamsRefused):
        o.worker.sync_once()
    assert (o.noord, 2) not in keys(o.worker)
    assert store_epochs(o.url, o.noord) == {1}
    other_team_still_syncs(o)
    nothing_under_store_keys(o, [store_key])


# --- 2. a device the store slipped into a roster -------------------------------------------------


def test_a_device_slipped_into_the_roster_gets_no_key_at_rotation(org: Org) -> None:
    o = org
    rogue = str(uuid.uuid4())
    rogue_kem = X25519PrivateKey.generate()
    store_execute(
        o.url,
        "INSERT INTO devices (device_id, label, role, status, sign_public_key, kem_public_key,"
        " enrolled_at_ms) VALUES (:d, 'Laptop Noord 3', 'worker', 'active', :s, :k, 0)",
        {
            "d": rogue,
            "s": raw_public(Ed25519PrivateKey.generate().public_key()),
            "k": raw_public(rogue_kem.public_key()),
        },
    )
    store_execute(
        o.url,
        "INSERT INTO device_teams (device_id, team_id) VALUES (:d, :t)",
        {"d": rogue, "t": o.noord},
    )
    # The store lists it as an active member; the coordinator's rotation ignores that.
    store_rows = store_execute(
        o.url, "SELECT device_id FROM device_teams WHERE team_id = :t", {"t": o.noord}
    )
    assert rogue in {r[0] for r in store_rows}
    assert rogue not in {d.device_id for d in o.coord.sync.devices()}
    assert o.coord.sync.rotate(o.noord) == 2
    recipients = store_execute(
        o.url,
        "SELECT recipient_id FROM team_keys WHERE team_id = :t AND epoch = 2",
        {"t": o.noord},
    )
    got = {r[0] for r in recipients}
    assert {o.coord.device_id, o.worker.device_id} <= got
    assert not store_execute(
        o.url, "SELECT epoch FROM team_keys WHERE recipient_id = :d", {"d": rogue}
    ), "a team key was wrapped for the store's device"
    # The members go on under the new epoch: a change in Noord is sealed under it.
    home(o.worker, o.noord)
    people(o.worker, 1, "Na de rotatie")
    o.worker.sync_once()
    assert (o.noord, 2) in keys(o.worker)
    assert store_epochs(o.url, o.noord) == {1, 2}
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


# --- 3. the recovery key -------------------------------------------------------------------------


def _recovery(text: str) -> X25519PrivateKey:
    raw = text.replace("-", "")
    return X25519PrivateKey.from_private_bytes(base64.b32decode(raw + "=" * (-len(raw) % 8)))


def test_a_swapped_recovery_key_is_never_used(org: Org, tmp_path: Path) -> None:
    o = org
    store_recovery = X25519PrivateKey.generate()
    store_execute(
        o.url,
        "UPDATE organisations SET recovery_public_key = :k",
        {"k": raw_public(store_recovery.public_key())},
    )
    # A second coordinator enrols after the swap and makes a team.
    coord2 = Laptop(tmp_path, "coordinator-2")
    try:
        join(o.coord, coord2, o.store.base_url, [o.noord], role="coordinator")
        team = coord2.sync.create_team("Team Oost")
        (row,) = store_execute(
            o.url,
            "SELECT wrapped FROM team_keys WHERE team_id = :t AND recipient_kind = 'recovery'",
            {"t": team},
        )
        (org_id,) = store_execute(o.url, "SELECT organisation_id FROM organisations", {})[0]
        real = envelope.unwrap_team_key(
            bytes(row[0]),
            team_id=team,
            epoch=1,
            recipient_id=org_id,
            recipient_private=_recovery(o.recovery_private),
        )
        with coord2.vault.context.read() as s:
            assert s.get(TeamKey, (team, 1)).key == real  # type: ignore[union-attr]
        # No recovery wrap of any team opens with the store's key.
        for team_id, epoch, wrapped in store_execute(
            o.url,
            "SELECT team_id, epoch, wrapped FROM team_keys WHERE recipient_kind = 'recovery'",
            {},
        ):
            with pytest.raises(envelope.EnvelopeError):
                envelope.unwrap_team_key(
                    bytes(wrapped),
                    team_id=team_id,
                    epoch=int(epoch),
                    recipient_id=org_id,
                    recipient_private=store_recovery,
                )
    finally:
        coord2.close()
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


def test_an_organisation_of_the_stores_own_is_refused_at_enrolment(
    org: Org, tmp_path: Path
) -> None:
    """The store replaces the whole log with one it made (its own root, recovery key and
    coordinator): the invite's fingerprint does not match, nothing is accepted."""
    o = org
    code = o.coord.sync.create_invite([o.noord])
    root = Ed25519PrivateKey.generate()
    fake_recovery = X25519PrivateKey.generate()
    (org_id,) = store_execute(o.url, "SELECT organisation_id FROM organisations", {})[0]
    dev = Ed25519PrivateKey.generate()
    genesis = trust.make_statement(
        root,
        organisation_id=org_id,
        seq=1,
        prev="",
        signer=trust.ROOT_SIGNER,
        kind=trust.StatementKind.GENESIS,
        body=trust.genesis_body(
            organisation_id=org_id,
            name="Outreach Gent",
            root_public=raw_public(root.public_key()),
            recovery_public=raw_public(fake_recovery.public_key()),
            device={
                "device_id": str(uuid.uuid4()),
                "label": "coördinator",
                "sign_public_key": b64e(raw_public(dev.public_key())),
                "kem_public_key": b64e(raw_public(X25519PrivateKey.generate().public_key())),
            },
        ),
        at_ms=0,
    )
    newcomer = Laptop(tmp_path, "nieuw")
    try:
        newcomer.sync.enrol(o.store.base_url, code)
        newcomer.rewrites["/v2/log"] = lambda path, answer: {
            "statements": [genesis] if path.split("after=")[1].startswith("0&") else [],
            "more": False,
            "head": 1,
        }
        with pytest.raises(TrustRefused) as err:
            newcomer.sync_once()
        assert "andere organisatie" in err.value.message
        assert keys(newcomer) == set()
        assert audit(newcomer, "sync_refused")
    finally:
        newcomer.close()
    # The organisation's own devices go on.
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


# --- 4. a rolled-back roster ---------------------------------------------------------------------


def test_a_rolled_back_roster_is_refused(org: Org, tmp_path: Path) -> None:
    o = org
    thief = Laptop(tmp_path, "gestolen")
    try:
        join(o.coord, thief, o.store.base_url, [o.noord])
        o.coord.sync.revoke(thief.device_id)
        o.worker.sync_once()  # has seen the revocation and the new epoch
        (head,) = store_execute(o.url, "SELECT max(seq) FROM org_log", {})[0]
        dropped = store_execute(
            o.url,
            "SELECT seq, hash, statement, stored_at_ms FROM org_log WHERE seq > :h",
            {"h": int(head) - 2},
        )
        # The store goes back to before the revocation (a restored backup, or on purpose).
        store_execute(o.url, "DELETE FROM org_log WHERE seq > :h", {"h": int(head) - 2})
        store_execute(
            o.url,
            "UPDATE devices SET status = 'active' WHERE device_id = :d",
            {"d": thief.device_id},
        )
        home(o.worker, o.noord)
        people(o.worker, 1, "Na het terugzetten")
        outbox = o.worker.outbox()
        with pytest.raises(TrustRefused) as err:
            o.worker.sync_once()
        assert "oudere ledenlijst" in err.value.message
        assert o.worker.outbox() == outbox  # nothing was sent
        assert len(o.worker.people()) == 6
        assert audit(o.worker, "sync_refused")
        assert store_epochs(o.url, o.noord) == {1}
        # The log is the organisation's, so no team of this device syncs against the rolled-
        # back store (there is no unaffected team to go on with). Once the store serves the
        # log it had again, everything goes on: the waiting change goes out under the epoch
        # made after the revocation, and the other team's news arrives.
        for seq, hash_, statement, at in dropped:
            store_execute(
                o.url,
                "INSERT INTO org_log (seq, hash, statement, stored_at_ms) VALUES (:s, :h, :t, :a)",
                {"s": seq, "h": hash_, "t": statement, "a": at},
            )
        o.worker.sync_once()
        assert o.worker.outbox() == []
        assert store_epochs(o.url, o.noord) == {1, 2}
        nothing_under_store_keys(o)
        other_team_still_syncs(o)
    finally:
        thief.close()


# --- 5. purges -----------------------------------------------------------------------------------


def _insert_purge(o: Org, team: str, item: dict[str, Any]) -> None:
    (seq,) = store_execute(o.url, "SELECT next_seq FROM teams WHERE team_id = :t", {"t": team})[0]
    store_execute(
        o.url,
        "INSERT INTO purges (team_id, purge_id, record_refs, seq, stored_at_ms, person_id,"
        " signed_by, signed_at_ms, signature) VALUES (:t, :p, :r, :s, 0, :pe, :b, :a, :g)",
        {
            "t": team,
            "p": item["purge_id"],
            "r": json.dumps(item["record_refs"]),
            "s": int(seq),
            "pe": item["person_id"],
            "b": item["signed_by"],
            "a": item["signed_at_ms"],
            "g": b64d(item["signature"], max_bytes=64) if item["signature"] else None,
        },
    )
    store_execute(
        o.url, "UPDATE teams SET next_seq = :s WHERE team_id = :t", {"s": int(seq) + 1, "t": team}
    )


def _noord_refs(lt: Laptop) -> list[list[str]]:
    return [["person", pid] for pid, row in lt.people().items()]


def test_a_forged_purge_is_quarantined_and_deletes_nothing(org: Org) -> None:
    o = org
    before = o.worker.people()
    refs = _noord_refs(o.worker)
    # Claimed to be the coordinator's, signed with a key the store made up.
    forged = trust.sign_purge(
        Ed25519PrivateKey.generate(),
        organisation_id="x",
        team_id=o.noord,
        purge_id=str(uuid.uuid4()),
        person_id=refs[0][1],
        record_refs=[(t, i) for t, i in refs],
        signer=o.coord.device_id,
        at_ms=0,
    ).to_wire()
    _insert_purge(o, o.noord, forged)
    unsigned = {**forged, "purge_id": str(uuid.uuid4()), "signature": None, "signed_by": None}
    _insert_purge(o, o.noord, unsigned)
    report = o.worker.sync_once()
    assert o.worker.people() == before
    assert report.quarantined == 2
    with o.worker.vault.context.read() as s:
        reasons = sorted(q.reason for q in s.scalars(select(QuarantineEntry)))
    assert reasons == ["bad_signer", "purge_bad_signature"]
    assert len(audit(o.worker, "sync_quarantined")) == 2
    other_team_still_syncs(o)
    nothing_under_store_keys(o)


def test_a_members_mass_purge_is_refused_by_the_store_and_every_device(org: Org) -> None:
    o = org
    refs = _noord_refs(o.worker)
    # Signed by the (rogue) worker itself: a real member, but not one person's records.
    with o.worker.vault.context.read() as s:
        key = Ed25519PrivateKey.from_private_bytes(
            s.scalars(select(SyncConfig)).one().sign_private_key
        )
    with o.worker.vault.context.read() as s:
        org_id = s.scalars(select(SyncConfig)).one().organisation_id
    signed = trust.sign_purge(
        key,
        organisation_id=org_id,
        team_id=o.noord,
        purge_id=str(uuid.uuid4()),
        person_id=refs[0][1],
        record_refs=[(t, i) for t, i in refs],
        signer=o.worker.device_id,
        at_ms=0,
    )
    # The store refuses it (a worker erases one person)…
    with pytest.raises(SyncError) as err:
        o.worker.sync.transport().post("/v2/purge", {"team_id": o.noord, **signed.to_wire()})
    assert err.value.status == 403
    # …and a store that stores it anyway gets it refused by every device.
    _insert_purge(o, o.noord, signed.to_wire())
    before = o.coord.people()
    report = o.coord.sync_once()
    assert o.coord.people() == before, "a member's mass purge deleted people"
    assert report.quarantined == 1
    refused = audit(o.coord, "sync_purge_refused")
    assert len(refused) == 1 and "worker" in (refused[0].detail or "")
    assert o.worker.device_id[:8] in (refused[0].detail or "")
    with o.coord.vault.context.read() as s:
        (q,) = s.scalars(select(QuarantineEntry))
    assert q.reason == "purge_beyond_person" and q.device_id == o.worker.device_id
    rows = o.coord.sync.quarantine()
    assert rows[0].device_label == "worker"
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


def test_one_persons_erasure_by_a_worker_reaches_every_device_with_who_asked(org: Org) -> None:
    o = org
    victim = next(pid for pid, row in o.worker.people().items())
    from tests.conftest import PASSPHRASE

    o.worker.field.rights.erase(victim, PASSPHRASE)
    o.worker.sync_once()
    o.coord.sync_once()
    assert victim not in o.coord.people()
    (entry,) = audit(o.coord, "sync_purge_applied")
    assert entry.record_id == victim and "worker" in (entry.detail or "")


# --- 6. a poison revision ------------------------------------------------------------------------


def _raw_push(lt: Laptop, team: str, epoch: int = 1, record_type: str = "person") -> str:
    record_id = str(uuid.uuid4())
    answer = lt.sync.transport().post(
        "/v2/push",
        {
            "team_id": team,
            "revisions": [
                {
                    "record_type": record_type,
                    "record_id": record_id,
                    "revision": os.urandom(32).hex(),
                    "parents": [],
                    "epoch": epoch,
                    "ciphertext": b64e(os.urandom(200)),
                }
            ],
        },
    )
    assert answer["results"][0]["status"] == "stored"
    return record_id


def test_a_poison_revision_is_quarantined_and_the_rest_syncs(org: Org) -> None:
    o = org
    poison = _raw_push(o.worker, o.noord)
    home(o.worker, o.noord)
    (after,) = people(o.worker, 1, "Na het gif")
    o.worker.sync_once()
    before = o.coord.people()
    report = o.coord.sync_once()  # does not fail
    assert report.quarantined == 1
    held = o.coord.people()
    assert after in held and poison not in held
    assert set(before) <= set(held)
    (row,) = o.coord.sync.quarantine()
    assert row.device_id == o.worker.device_id and row.device_label == "worker"
    assert row.reason == "does_not_decrypt" and row.team == "Team Noord"
    # The next sync does not trip over it again.
    assert o.coord.sync_once().quarantined == 0
    nothing_under_store_keys(o, garbage=[poison])
    other_team_still_syncs(o)


# --- 7. an enrolled device that no coordinator approved ------------------------------------------


def test_an_unapproved_device_can_neither_pull_nor_push(org: Org, tmp_path: Path) -> None:
    o = org
    pending = Laptop(tmp_path, "niet-goedgekeurd")
    try:
        enrolled = pending.sync.enrol(o.store.base_url, o.coord.sync.create_invite([o.noord]))
        with pytest.raises(NotApproved) as err:
            pending.sync_once()
        assert enrolled.safety_code in err.value.message
        assert "nog niet goedgekeurd" in err.value.message
        for call in (
            lambda: pending.sync.transport().get(f"/v2/pull?team={o.noord}&after=0"),
            lambda: _raw_push(pending, o.noord),
        ):
            with pytest.raises(SyncError) as refused:
                call()
            assert refused.value.code == ErrorCode.NOT_APPROVED
        # A store that lets it in anyway: it pulls only ciphertext, and what it pushes is
        # quarantined by every member, since no coordinator approved it.
        store_execute(
            o.url,
            "UPDATE devices SET status = 'active' WHERE device_id = :d",
            {"d": pending.device_id},
        )
        store_execute(
            o.url,
            "INSERT INTO device_teams (device_id, team_id) VALUES (:d, :t)",
            {"d": pending.device_id, "t": o.noord},
        )
        items = pending.sync.transport().get(f"/v2/pull?team={o.noord}&after=0")["items"]
        assert items and all("ciphertext" in i or i["kind"] == "purge" for i in items)
        assert keys(pending) == set()
        garbage = _raw_push(pending, o.noord)
        before = o.coord.people()
        assert o.coord.sync_once().quarantined == 1
        assert o.coord.people() == before
        (row,) = o.coord.sync.quarantine()
        assert row.reason == "not_a_member" and row.device_id == pending.device_id
    finally:
        pending.close()
    nothing_under_store_keys(o, garbage=[garbage])
    other_team_still_syncs(o)


# --- 8. invite teams or role widened by the store ------------------------------------------------


def test_invite_teams_and_role_widened_by_the_store_are_ignored(org: Org, tmp_path: Path) -> None:
    o = org
    code = o.coord.sync.create_invite([o.noord], role="worker")
    invite_id = code.split(".")[0]
    store_execute(
        o.url,
        "UPDATE invites SET team_ids = :t, role = 'coordinator' WHERE invite_id = :i",
        {"t": json.dumps([o.noord, o.zuid]), "i": invite_id},
    )
    lt = Laptop(tmp_path, "nieuw")
    try:
        lt.sync.enrol(o.store.base_url, code)
        (row,) = o.coord.sync.pending_devices()
        assert row.role == "worker" and row.teams == (o.noord,)
        o.coord.sync.approve(row.device_id, row.safety_code)
        lt.sync_once()
        status = lt.sync.status()
        assert status.role == "worker"
        assert [t for t, _ in status.teams] == [o.noord]
        assert keys(lt) == {(o.noord, 1)}
        assert len(lt.people()) == 3  # Noord's people only
        nothing_under_store_keys(o, laptops=[lt])
    finally:
        lt.close()
    other_team_still_syncs(o)


def test_a_wrong_safety_code_stops_the_approval(org: Org, tmp_path: Path) -> None:
    o = org
    lt = Laptop(tmp_path, "nieuw")
    try:
        lt.sync.enrol(o.store.base_url, o.coord.sync.create_invite([o.noord]))
        (row,) = o.coord.sync.pending_devices()
        with pytest.raises(Exception, match="veiligheidscode klopt niet"):
            o.coord.sync.approve(row.device_id, "00000 00000 00000 00000 00000 00000 00000 00000")
        assert o.coord.sync.pending_devices() == [row]
    finally:
        lt.close()


# --- 9. an old /v2/me answer replayed ------------------------------------------------------------


def test_an_old_me_answer_replayed_does_not_bring_back_an_old_epoch(org: Org) -> None:
    o = org
    old_me = next(x.answer for x in reversed(o.worker.log) if x.path == "/v2/me")
    assert o.coord.sync.rotate(o.noord) == 2
    o.worker.rewrites["/v2/me"] = lambda path, answer: {
        **old_me,
        "server_time_ms": answer["server_time_ms"],
    }
    home(o.worker, o.noord)
    people(o.worker, 1, "Na de rotatie")
    with pytest.raises(SyncError) as err:
        o.worker.sync_once()
    assert err.value.code == ErrorCode.NO_TEAM_KEY
    assert o.worker.outbox(), "the change was sent under an old epoch"
    assert store_epochs(o.url, o.noord) == {1}
    with o.worker.vault.context.read() as s:
        assert s.get(TeamState, o.noord).current_epoch == 2  # type: ignore[union-attr]
    # The real answer again: the change goes out under the new epoch.
    del o.worker.rewrites["/v2/me"]
    o.worker.sync_once()
    assert not o.worker.outbox()
    assert store_epochs(o.url, o.noord) == {1, 2}
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


def test_a_pull_cursor_that_does_not_move_on_stops_the_sync(org: Org) -> None:
    """A store that answers "more" without moving its cursor on (or moves it back) would keep
    a device pulling for ever: the sync stops with the Dutch message instead."""
    o = org
    home(o.worker, o.noord)
    people(o.worker, 1, "Voor de lus")
    for lie in (
        lambda path, answer: {**answer, "items": [], "more": True, "next_after": _after(path)},
        lambda path, answer: {**answer, "next_after": _after(path) - 1},
    ):
        o.worker.rewrites["/v2/pull"] = lie
        with pytest.raises(SyncError) as err:
            o.worker.sync_once()
        assert err.value.code == ErrorCode.BAD_RESPONSE
        assert "opslag" in err.value.message
    del o.worker.rewrites["/v2/pull"]
    o.worker.sync_once()
    assert not o.worker.outbox()
    other_team_still_syncs(o)


def _after(path: str) -> int:
    return int(path.split("after=")[1].split("&")[0])


# --- protocol v1 → v2 ----------------------------------------------------------------------------


def _as_v1(o: Org) -> None:
    """What the migrations leave of a v1 organisation: the store's records, devices and keys
    without a log or root; vaults with their keys and cursors but no pinned root (the
    coordinator's vault kept the recovery public key v1 stored)."""
    store_execute(o.url, "DELETE FROM org_log", {})
    store_execute(o.url, "UPDATE organisations SET root_public_key = NULL", {})
    recovery = _recovery(o.recovery_private).public_key()
    for lt in (o.coord, o.worker):
        lt.sync.close()
        with lt.vault.context.transaction() as s:
            s.execute(text("DELETE FROM sync_trust"))
            s.execute(text("DELETE FROM sync_log"))
            if lt is o.coord:
                s.execute(
                    text("INSERT INTO settings (key, value) VALUES ('sync_recovery_public', :v)"),
                    {"v": json.dumps(b64e(raw_public(recovery)))},
                )
        lt._attach(lt.vault)  # a fresh sync service, as after an app update


def test_a_v1_organisation_moves_to_v2_without_losing_data(org: Org) -> None:
    o = org
    _as_v1(o)
    before_coord, before_worker = o.coord.people(), o.worker.people()
    # A worker first: it waits for a coordinator, and keeps everything.
    home(o.worker, o.noord)
    (pid,) = people(o.worker, 1, "Tijdens de overstap")
    with pytest.raises(SyncError) as err:
        o.worker.sync_once()
    assert "coördinator" in err.value.message
    # The coordinator's first v2 sync writes the log; then everyone goes on.
    o.coord.sync_once()
    o.worker.sync_once()
    o.coord.sync_once()
    assert set(before_coord) | {pid} <= set(o.coord.people())
    assert set(before_worker) | {pid} <= set(o.worker.people())
    codes = {lt.sync.safety_codes().organisation for lt in (o.coord, o.worker)}
    assert len(codes) == 1 and None not in codes
    assert audit(o.worker, "sync_protocol_v2") and audit(o.coord, "sync_protocol_v2")
    # From now on it is v2: a revocation is a signed statement everyone verifies.
    o.coord.sync.rotate(o.noord)
    o.worker.sync_once()
    assert (o.noord, 2) in keys(o.worker)


def test_during_the_move_a_log_the_store_made_is_refused(org: Org) -> None:
    o = org
    _as_v1(o)
    root = Ed25519PrivateKey.generate()
    (org_id,) = store_execute(o.url, "SELECT organisation_id FROM organisations", {})[0]
    (row,) = store_execute(
        o.url,
        "SELECT sign_public_key, kem_public_key, label FROM devices WHERE device_id = :d",
        {"d": o.worker.device_id},
    )
    worker_body = {
        "device_id": o.worker.device_id,
        "label": row[2],
        "sign_public_key": b64e(bytes(row[0])),
        "kem_public_key": b64e(bytes(row[1])),
    }
    roster_statements: list[dict[str, Any]] = []

    def add(
        kind: trust.StatementKind, body: dict[str, Any], signer: str = trust.ROOT_SIGNER
    ) -> None:
        prev = trust.statement_hash(roster_statements[-1]) if roster_statements else ""
        roster_statements.append(
            trust.make_statement(
                root,
                organisation_id=org_id,
                seq=len(roster_statements) + 1,
                prev=prev,
                signer=signer,
                kind=kind,
                body=body,
                at_ms=0,
            )
        )

    # The store's own chain: its root is also "the coordinator" (same key), it lists the
    # worker with its real keys, and commits to keys it made up.
    fake_coord = {
        **worker_body,
        "device_id": str(uuid.uuid4()),
        "sign_public_key": b64e(raw_public(root.public_key())),
    }
    add(
        trust.StatementKind.GENESIS,
        trust.genesis_body(
            organisation_id=org_id,
            name="Outreach Gent",
            root_public=raw_public(root.public_key()),
            recovery_public=raw_public(X25519PrivateKey.generate().public_key()),
            device=fake_coord,
        ),
    )
    add(
        trust.StatementKind.TEAM,
        {"team_id": o.noord, "name": "Team Noord"},
        fake_coord["device_id"],
    )
    add(
        trust.StatementKind.EPOCH,
        trust.epoch_body(o.noord, 1, os.urandom(32)),
        fake_coord["device_id"],
    )
    add(
        trust.StatementKind.ADD_DEVICE,
        {**worker_body, "role": "worker", "teams": [o.noord], "invite_id": "v1"},
        fake_coord["device_id"],
    )
    o.worker.rewrites["/v2/log"] = lambda path, answer: {
        "statements": roster_statements if "after=0&" in path else [],
        "more": False,
        "head": len(roster_statements),
    }
    before = o.worker.people()
    with pytest.raises(TrustRefused):
        o.worker.sync_once()
    assert o.worker.people() == before
    assert o.worker.sync.safety_codes().organisation is None  # nothing pinned
    # Before the move the whole log is one answer, so no team of the worker goes on while the
    # store serves its own. Once it serves the coordinator's, both teams sync again.
    del o.worker.rewrites["/v2/log"]
    o.coord.sync_once()  # writes the organisation's log (protocol v2)
    o.worker.sync_once()
    assert o.worker.sync.safety_codes().organisation == o.coord.sync.safety_codes().organisation
    nothing_under_store_keys(o)
    other_team_still_syncs(o)


def test_a_v1_client_gets_a_clear_refusal(org: Org) -> None:
    import httpx

    r = httpx.get(o_url(org) + "/v1/me")
    assert r.status_code == 426
    body = r.json()
    assert body["error"] == "protocol_outdated" and body["protocol"] == 2
    assert "protocol v2" in body["message"] and "werk Brugfiguur bij" in body["message"]


def o_url(o: Org) -> str:
    return o.store.base_url


def test_a_coordinators_purge_beyond_one_person_waits_for_the_worker(org: Org) -> None:
    """Authorised, but large: each device asks first, naming who asked; until then that
    team's pull waits before it, and the other team syncs."""
    o = org
    with o.coord.vault.context.read() as s:
        cfg = s.scalars(select(SyncConfig)).one()
        key = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
        org_id = cfg.organisation_id
    noord_people = sorted(
        pid for pid, row in o.worker.people().items() if str(row[0]).startswith("Noord")
    )
    refs = [("person", pid) for pid in noord_people[:2]]
    signed = trust.sign_purge(
        key,
        organisation_id=org_id,
        team_id=o.noord,
        purge_id=str(uuid.uuid4()),
        person_id=refs[0][1],
        record_refs=refs,
        signer=o.coord.device_id,
        at_ms=0,
    )
    o.coord.sync.transport().post("/v2/purge", {"team_id": o.noord, **signed.to_wire()})
    before = o.worker.people()
    with pytest.raises(PurgeConfirmationPending) as err:
        o.worker.sync_once()
    assert "coordinator" in err.value.message and "wissen" in err.value.message
    (pending,) = err.value.purges
    assert pending.purge_id == signed.purge_id and pending.coordinator and pending.held == 2
    assert o.worker.people() == before
    other_team_still_syncs(o)
    o.worker.sync.sync_once(confirm_purges=[signed.purge_id], confirm_mass_deletion=True)
    assert not set(noord_people[:2]) & set(o.worker.people())
    asked = [a for a in audit(o.worker, "sync_purge_applied") if "coordinator" in (a.detail or "")]
    assert len(asked) == 1 and asked[0].record_id == refs[0][1]
    nothing_under_store_keys(o)
