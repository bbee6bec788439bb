"""The membership log (app.sync.trust): a genuine chain verifies to the roster its statements
describe, and whatever a store does to the statements it serves — flip a bit, change a field,
drop, reorder, repeat, truncate, or add statements signed by keys of its own or by a revoked
member — never yields a roster entry or a key commitment that no coordinator signed."""

from __future__ import annotations

import contextlib
import copy
import os
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync import trust
from app.sync.protocol import b64e

ORG = "0f8a4c1e-3b6d-4c2a-9e7f-5a1b2c3d4e5f"
NOORD = "a1111111-1111-4111-8111-111111111111"
ZUID = "b2222222-2222-4222-8222-222222222222"


@dataclass
class Dev:
    device_id: str
    sign: Ed25519PrivateKey
    kem: X25519PrivateKey

    def body(self, label: str) -> dict[str, str]:
        return {
            "device_id": self.device_id,
            "label": label,
            "sign_public_key": b64e(trust.public_raw(self.sign)),
            "kem_public_key": b64e(self.kem.public_key().public_bytes_raw()),
        }


def _dev(n: int) -> Dev:
    return Dev(
        f"d{n:07d}-0000-4000-8000-000000000000",
        Ed25519PrivateKey.generate(),
        X25519PrivateKey.generate(),
    )


@dataclass
class Chain:
    root: Ed25519PrivateKey
    coord: Dev
    coord2: Dev
    worker: Dev
    statements: list[dict[str, Any]]

    @property
    def pinned(self) -> bytes:
        return trust.fingerprint(trust.public_raw(self.root))


def _chain() -> Chain:
    root = Ed25519PrivateKey.generate()
    coord, coord2, worker = _dev(1), _dev(2), _dev(3)
    out: list[dict[str, Any]] = []

    def add(
        key: Ed25519PrivateKey, signer: str, kind: trust.StatementKind, body: dict[str, Any]
    ) -> None:
        prev = trust.statement_hash(out[-1]) if out else ""
        out.append(
            trust.make_statement(
                key,
                organisation_id=ORG,
                seq=len(out) + 1,
                prev=prev,
                signer=signer,
                kind=kind,
                body=body,
                at_ms=1_700_000_000_000 + len(out),
            )
        )

    add(
        root,
        trust.ROOT_SIGNER,
        trust.StatementKind.GENESIS,
        trust.genesis_body(
            organisation_id=ORG,
            name="Outreach Gent",
            root_public=trust.public_raw(root),
            recovery_public=os.urandom(32),
            device=coord.body("coördinator"),
        ),
    )
    c = coord.device_id
    add(coord.sign, c, trust.StatementKind.TEAM, {"team_id": NOORD, "name": "Noord"})
    add(coord.sign, c, trust.StatementKind.EPOCH, trust.epoch_body(NOORD, 1, os.urandom(32)))
    add(coord.sign, c, trust.StatementKind.TEAM, {"team_id": ZUID, "name": "Zuid"})
    add(coord.sign, c, trust.StatementKind.EPOCH, trust.epoch_body(ZUID, 1, os.urandom(32)))
    for dev, role, teams in ((worker, "worker", [NOORD]), (coord2, "coordinator", [NOORD, ZUID])):
        add(
            coord.sign,
            c,
            trust.StatementKind.ADD_DEVICE,
            {**dev.body(role), "role": role, "teams": teams, "invite_id": f"i-{role}"},
        )
    add(coord2.sign, coord2.device_id, trust.StatementKind.REVOKE, {"device_id": worker.device_id})
    add(
        coord2.sign,
        coord2.device_id,
        trust.StatementKind.EPOCH,
        trust.epoch_body(NOORD, 2, os.urandom(32)),
    )
    add(coord.sign, c, trust.StatementKind.ROLE, {"device_id": coord2.device_id, "role": "worker"})
    return Chain(root, coord, coord2, worker, out)


CHAIN = _chain()


def _facts(roster: trust.Roster) -> tuple[Any, ...]:
    devices = tuple(
        sorted(
            (d.device_id, d.sign_public, d.kem_public, d.role, d.active, tuple(sorted(d.teams)))
            for d in roster.devices.values()
        )
    )
    teams = tuple(
        sorted(
            (t.team_id, t.epoch, tuple(sorted(t.commitments.items())))
            for t in roster.teams.values()
        )
    )
    return roster.organisation_id, roster.root_public, roster.recovery_public, devices, teams


PREFIXES = {
    _facts(trust.verify_log(CHAIN.statements[:n], CHAIN.pinned)): n
    for n in range(1, len(CHAIN.statements) + 1)
}


def test_the_genuine_chain_describes_its_roster() -> None:
    roster = trust.verify_log(CHAIN.statements, CHAIN.pinned)
    assert roster.seq == len(CHAIN.statements)
    assert roster.coordinator(CHAIN.coord.device_id) is not None
    assert roster.active(CHAIN.worker.device_id) is None  # revoked
    assert roster.may_have_written(CHAIN.worker.device_id, NOORD, 1)
    assert not roster.may_have_written(CHAIN.worker.device_id, NOORD, 2)
    assert not roster.may_have_written(CHAIN.worker.device_id, ZUID, 1)
    assert roster.devices[CHAIN.coord2.device_id].role == "worker"  # demoted last
    assert [d.device_id for d in roster.members(NOORD)] == sorted(
        [CHAIN.coord.device_id, CHAIN.coord2.device_id]
    )
    assert roster.teams[NOORD].epoch == 2 and set(roster.teams[NOORD].commitments) == {1, 2}
    # Extending from any verified prefix gives the same roster.
    part = trust.verify_log(CHAIN.statements[:4], CHAIN.pinned)
    assert _facts(trust.extend(part, CHAIN.statements[4:])) == _facts(roster)


def test_another_root_is_refused() -> None:
    with pytest.raises(trust.TrustError) as err:
        trust.verify_log(CHAIN.statements, trust.fingerprint(os.urandom(32)))
    assert err.value.reason == "root_mismatch"


def test_a_revoked_member_and_a_demoted_coordinator_sign_nothing() -> None:
    roster = trust.verify_log(CHAIN.statements, CHAIN.pinned)
    for signer in (CHAIN.worker, CHAIN.coord2):
        raw = trust.make_statement(
            signer.sign,
            organisation_id=ORG,
            seq=roster.seq + 1,
            prev=roster.head,
            signer=signer.device_id,
            kind=trust.StatementKind.EPOCH,
            body=trust.epoch_body(ZUID, 2, os.urandom(32)),
            at_ms=0,
        )
        with pytest.raises(trust.TrustError) as err:
            trust.extend(copy.deepcopy(roster), [raw])
        assert err.value.reason == "signer_not_coordinator"


# --- what a store may do to the statements it serves -------------------------------------------

ATTACKER = _dev(9)
FIELDS = ("seq", "prev", "by", "at_ms", "kind", "org", "sig")


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, Any]:
    n = len(CHAIN.statements)
    kind = draw(
        st.sampled_from(
            ["flip_sig", "field", "body", "drop", "swap", "repeat", "truncate", "forge", "resign"]
        )
    )
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(0, n - 1))
    value = draw(
        st.one_of(
            st.integers(-2, 20),
            st.text(max_size=8),
            st.sampled_from(["coordinator", "worker", NOORD, ZUID, ATTACKER.device_id, "root"]),
            st.binary(min_size=32, max_size=32).map(b64e),
        )
    )
    field = draw(st.sampled_from(FIELDS))
    body_key = draw(
        st.sampled_from(
            ["device_id", "role", "teams", "commitment", "epoch", "team_id", "sign_public_key",
             "kem_public_key", "recovery_public_key", "root_public_key", "name"]
        )
    )  # fmt: skip
    forge_kind = draw(st.sampled_from(list(trust.StatementKind)))
    return kind, (i, j, value, field, body_key, forge_kind)


def _apply(statements: list[dict[str, Any]], m: tuple[str, Any]) -> list[dict[str, Any]]:
    kind, (i, j, value, field, body_key, forge_kind) = m
    out = copy.deepcopy(statements)
    if not out:
        return out
    if kind in ("forge", "resign"):
        i %= len(out) + 1  # a statement of its own anywhere, the end included
    else:
        i %= len(out)
    j %= len(out)
    if kind == "flip_sig":
        try:
            sig = bytearray(trust._b64d(out[i]["sig"], 64, "sig"))
        except trust.TrustError:
            return out  # already not a signature
        sig[j % 64] ^= 1 << (i % 8)
        out[i]["sig"] = b64e(bytes(sig))
    elif kind == "field":
        out[i][field] = value
    elif kind == "body":
        out[i]["body"][body_key] = [value] if body_key == "teams" else value
    elif kind == "drop":
        del out[i]
    elif kind == "swap":
        out[i], out[j] = out[j], out[i]
    elif kind == "repeat":
        out.insert(j, copy.deepcopy(out[i]))
    elif kind == "truncate":
        out = out[: i + 1]
    elif kind in ("forge", "resign"):
        # A statement of the store's own at position i: signed by a key it holds (its own
        # device, or the root's place), chained correctly to what precedes it.
        signer = ATTACKER.device_id if kind == "forge" else CHAIN.worker.device_id
        key = ATTACKER.sign if kind == "forge" else CHAIN.worker.sign
        body: dict[str, Any] = {
            trust.StatementKind.ADD_DEVICE: {
                **ATTACKER.body("sluiper"),
                "role": "coordinator",
                "teams": [NOORD],
                "invite_id": "x",
            },
            trust.StatementKind.EPOCH: trust.epoch_body(NOORD, 3, os.urandom(32)),
            trust.StatementKind.REVOKE: {"device_id": CHAIN.coord.device_id},
            trust.StatementKind.ROLE: {"device_id": ATTACKER.device_id, "role": "coordinator"},
            trust.StatementKind.TEAM: {"team_id": ATTACKER.device_id, "name": "x"},
            trust.StatementKind.GENESIS: {},
        }[forge_kind]
        if forge_kind == trust.StatementKind.GENESIS and i == 0:
            body = trust.genesis_body(
                organisation_id=ORG,
                name="x",
                root_public=trust.public_raw(ATTACKER.sign),
                recovery_public=os.urandom(32),
                device=ATTACKER.body("sluiper"),
            )
            signer = trust.ROOT_SIGNER
        prefix = out[:i]
        raw = trust.make_statement(
            key,
            organisation_id=ORG,
            seq=i + 1,
            prev=trust.statement_hash(prefix[-1]) if prefix else "",
            signer=signer,
            kind=forge_kind,
            body=body,
            at_ms=0,
        )
        out = [*prefix, raw, *out[i:]]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(mutation(), min_size=1, max_size=3))
def test_no_mutation_of_the_log_yields_anything_no_coordinator_signed(
    mutations: list[tuple[str, Any]],
) -> None:
    statements = CHAIN.statements
    for m in mutations:
        statements = _apply(statements, m)
    try:
        roster = trust.verify_log(statements, CHAIN.pinned)
    except trust.TrustError:
        return
    # Whatever verified is exactly what a prefix of the genuine chain says: no device, role,
    # team membership or key commitment of the store's making.
    facts = _facts(roster)
    assert facts in PREFIXES, "a mutated log verified to a roster no coordinator signed"
    assert ATTACKER.device_id not in roster.devices


@settings(max_examples=100, deadline=None)
@given(st.integers(1, len(CHAIN.statements) - 1), st.lists(mutation(), min_size=1, max_size=2))
def test_a_device_with_a_verified_head_accepts_no_rewritten_continuation(
    head: int, mutations: list[tuple[str, Any]]
) -> None:
    """What a device does at each sync: extend its verified roster with the statements after
    its head. A rewritten tail either fails or is a genuine continuation."""
    rest = CHAIN.statements[head:]
    for m in mutations:
        rest = _apply(CHAIN.statements[:head] + rest, m)[head:]
    roster = trust.verify_log(CHAIN.statements[:head], CHAIN.pinned)
    with contextlib.suppress(trust.TrustError):
        trust.extend(roster, rest)  # partly applied is fine: each applied statement verified
    assert _facts(roster) in PREFIXES
    assert roster.seq >= head


def test_key_commitments_bind_organisation_team_and_epoch() -> None:
    key = os.urandom(32)
    c = trust.key_commitment(key, organisation_id=ORG, team_id=NOORD, epoch=1)
    assert c == trust.key_commitment(key, organisation_id=ORG, team_id=NOORD, epoch=1)
    for other in (
        trust.key_commitment(os.urandom(32), organisation_id=ORG, team_id=NOORD, epoch=1),
        trust.key_commitment(key, organisation_id=ORG, team_id=ZUID, epoch=1),
        trust.key_commitment(key, organisation_id=ORG, team_id=NOORD, epoch=2),
    ):
        assert other != c


def test_safety_codes_are_eight_groups_of_five_digits() -> None:
    code = trust.safety_code(os.urandom(32))
    groups = code.split(" ")
    assert len(groups) == 8 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert trust.safety_code(b"a" * 32) != trust.safety_code(b"b" * 32)
