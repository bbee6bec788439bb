"""Random mutations of the store's live answers (issue 10): a real store on SQLite and
PostgreSQL, a coordinator and a worker; in every example the coordinator makes genuine
changes (a key rotation, a new person), then the store lies to the worker in its answers to
`/v2/me`, `/v2/pull` and `/v2/log` — generic damage anywhere in the JSON (a value replaced by
any JSON, deleted, repeated, swapped, off by one, turned into text) and the attacks a store
would aim: a wrapped team key of its own choosing for this or a next epoch, wraps swapped
between epochs or teams, revisions sealed under its key, a member's device id put on another
member's revision, forged and unsigned purges, replayed items, statements of its own in the
log.

Whatever the mix, the worker never accepts a team key or a roster entry that no coordinator
signed: every key it holds is the coordinator's, its copy of the log is a prefix of the
genuine one, nothing on the store is encrypted under another key, nothing it held is deleted,
every revision it keeps is one a member wrote; a refusal is a SyncError with a Dutch message
(never a crash), and once the store answers honestly again the next sync works."""

from __future__ import annotations

import copy
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import OutboxEntry, TrustStatement
from app.sync import envelope, trust
from app.sync.errors import SyncError
from app.sync.protocol import b64d, b64e
from tests.server.conftest import Database
from tests.server.hostile_support import (
    Org,
    home,
    kem_public,
    nothing_under_store_keys,
    organisation,
    people,
    team_keys,
)
from tests.server.sync_support import store_execute

# More for a deliberate deep run: BRUGFIGUUR_HOSTILE_EXAMPLES=300 ./dev test tests/server/…
EXAMPLES = int(os.environ.get("BRUGFIGUUR_HOSTILE_EXAMPLES", "20"))
TARGETS = ("/v2/me", "/v2/pull", "/v2/log")
GENERIC = ("replace", "delete", "repeat", "swap", "bump", "text")
AIMED = {
    "/v2/me": ("store_key", "swap_wraps", "retarget_wrap"),
    "/v2/pull": ("store_seal", "impersonate", "forged_purge", "unsigned_purge", "replay"),
    "/v2/log": ("forge_statement", "drop_statement"),
}

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=5,
)


@dataclass(frozen=True)
class Mutation:
    target: str
    op: str
    pick: int  # which node (modulo the answer's number of nodes)
    other: int  # a second node, epoch offset or team choice
    value: Any


@st.composite
def mutation(draw: st.DrawFn) -> Mutation:
    target = draw(st.sampled_from(TARGETS))
    op = draw(st.sampled_from(GENERIC + AIMED[target]))
    return Mutation(
        target, op, draw(st.integers(0, 10_000)), draw(st.integers(0, 10_000)), draw(JSON)
    )


Path_ = tuple[str | int, ...]


def _paths(node: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for k in sorted(node):
            yield from _paths(node[k], (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _at(root: Any, path: Path_) -> Any:
    for p in path:
        root = root[p]
    return root


def _generic(answer: dict[str, Any], m: Mutation) -> None:
    paths = list(_paths(answer))
    if not paths:
        return
    path = paths[m.pick % len(paths)]
    parent, key = _at(answer, path[:-1]), path[-1]
    node = parent[key]
    if m.op == "replace":
        parent[key] = copy.deepcopy(m.value)
    elif m.op == "delete":
        del parent[key]
    elif m.op == "repeat" and isinstance(node, list) and node:
        node.append(copy.deepcopy(node[m.other % len(node)]))
    elif m.op == "swap":
        other = paths[m.other % len(paths)]
        if other[:-1] == path[:-1]:
            parent[key], parent[other[-1]] = parent[other[-1]], parent[key]
    elif m.op == "bump" and isinstance(node, int) and not isinstance(node, bool):
        parent[key] = node + (1 if m.other % 2 else -1)
    elif m.op == "text":
        parent[key] = json.dumps(node)


class Store:
    """What a lying store can make: keys of its own, wraps and seals with them, statements
    and purges signed with keys it made up. The test also reads the genuine keys (from the
    coordinator) to build plaintexts a store could only guess — the attack at full strength."""

    def __init__(self, o: Org) -> None:
        self.o = o
        self.keys: dict[tuple[str, int], bytes] = {}  # (team, epoch) -> a key the store chose
        self.sign = Ed25519PrivateKey.generate()
        self.worker_kem = kem_public(o.url, o.worker.device_id)
        (row,) = store_execute(o.url, "SELECT organisation_id FROM organisations", {})
        self.organisation_id = str(row[0])

    def key(self, team: str, epoch: int) -> bytes:
        return self.keys.setdefault((team, epoch), envelope.new_team_key())

    def epoch(self, team: str) -> int:
        (row,) = store_execute(
            self.o.url, "SELECT current_epoch FROM teams WHERE team_id = :t", {"t": team}
        )
        return int(row[0])

    def team(self, m: Mutation) -> str:
        return (self.o.noord, self.o.zuid)[m.other % 2]

    def aimed(self, path: str, answer: dict[str, Any], m: Mutation) -> None:
        self.path = path
        getattr(self, m.op)(answer, m)

    # --- /v2/me ---------------------------------------------------------------------------------
    def store_key(self, answer: dict[str, Any], m: Mutation) -> None:
        team = self.team(m)
        epoch = max(1, self.epoch(team) + (m.pick % 3) - 1)  # the last, this or the next one
        wrapped = envelope.wrap_team_key(
            self.key(team, epoch),
            team_id=team,
            epoch=epoch,
            recipient_id=self.o.worker.device_id,
            recipient_public=self.worker_kem,
        )
        wraps = [
            w
            for w in answer.get("wrapped_keys", [])
            if not (isinstance(w, dict) and (w.get("team_id"), w.get("epoch")) == (team, epoch))
        ]
        wraps.insert(
            m.pick % (len(wraps) + 1), {"team_id": team, "epoch": epoch, "wrapped": b64e(wrapped)}
        )
        answer["wrapped_keys"] = wraps

    def swap_wraps(self, answer: dict[str, Any], m: Mutation) -> None:
        wraps = [w for w in answer.get("wrapped_keys", []) if isinstance(w, dict)]
        if len(wraps) >= 2:
            a, b = wraps[m.pick % len(wraps)], wraps[m.other % len(wraps)]
            a["wrapped"], b["wrapped"] = b.get("wrapped"), a.get("wrapped")

    def retarget_wrap(self, answer: dict[str, Any], m: Mutation) -> None:
        wraps = [w for w in answer.get("wrapped_keys", []) if isinstance(w, dict)]
        if wraps:
            w = wraps[m.pick % len(wraps)]
            if m.other % 2:
                w["team_id"] = self.o.zuid if w.get("team_id") == self.o.noord else self.o.noord
            else:
                w["epoch"] = self.epoch(str(w.get("team_id"))) + 1

    # --- /v2/pull -------------------------------------------------------------------------------
    def _revisions(self, answer: dict[str, Any]) -> list[dict[str, Any]]:
        items = answer.get("items")
        if not isinstance(items, list):
            return []
        return [i for i in items if isinstance(i, dict) and "ciphertext" in i]

    def store_seal(self, answer: dict[str, Any], m: Mutation) -> None:
        """A genuine revision, its plaintext changed and sealed under a key of the store's,
        announced under a next epoch (the one its `store_key` wraps would claim)."""
        revisions = self._revisions(answer)
        if not revisions:
            return
        item = revisions[m.pick % len(revisions)]
        try:
            team = self.path.split("team=", 1)[1].split("&", 1)[0]
            meta = envelope.RecordMeta(
                team,
                str(item["record_type"]),
                str(item["record_id"]),
                str(item["revision"]),
                tuple(str(p) for p in item.get("parents", [])),
                str(item["device_id"]),
                int(item["epoch"]),
            )
            payload = envelope.open_record(
                team_keys(self.o.coord)[(team, meta.epoch)],
                meta,
                b64d(item["ciphertext"], max_bytes=256 * 1024),
            )
        except (KeyError, TypeError, ValueError, envelope.EnvelopeError):
            return  # an earlier mutation already spoilt it
        fields = payload.get("fields")
        if isinstance(fields, dict) and "note" in fields:
            fields["note"] = "door de opslag geschreven"
        epoch = self.epoch(team) + (m.other % 2)
        forged = envelope.RecordMeta(
            team,
            meta.record_type,
            meta.record_id,
            meta.revision,
            meta.parents,
            meta.device_id,
            epoch,
        )
        item["epoch"] = epoch
        item["ciphertext"] = b64e(envelope.seal_record(self.key(team, epoch), forged, payload))

    def impersonate(self, answer: dict[str, Any], m: Mutation) -> None:
        """Another member's device id on a revision (the coordinator's or the worker's)."""
        revisions = self._revisions(answer)
        if revisions:
            item = revisions[m.pick % len(revisions)]
            item["device_id"] = (self.o.coord.device_id, self.o.worker.device_id)[m.other % 2]

    def _purge(self, answer: dict[str, Any], m: Mutation, signed: bool) -> None:
        items = answer.get("items")
        if not isinstance(items, list):
            return
        held = sorted(self.o.worker.people())
        if not held:
            return
        refs = (
            [("person", held[m.pick % len(held)])] if m.other % 2 else [("person", p) for p in held]
        )
        purge = trust.sign_purge(
            self.sign,
            organisation_id=self.organisation_id,
            team_id=self.o.noord,
            purge_id=str(uuid.uuid4()),
            person_id=refs[0][1],
            record_refs=refs,
            signer=self.o.coord.device_id,
            at_ms=0,
        ).to_wire()
        if not signed:
            purge = {**purge, "signature": None, "signed_by": None}
        seq = max(
            (
                i.get("seq", 0)
                for i in items
                if isinstance(i, dict) and isinstance(i.get("seq"), int)
            ),
            default=0,
        )
        items.insert(m.pick % (len(items) + 1), {"kind": "purge", "seq": seq + 1, **purge})

    def forged_purge(self, answer: dict[str, Any], m: Mutation) -> None:
        self._purge(answer, m, signed=True)

    def unsigned_purge(self, answer: dict[str, Any], m: Mutation) -> None:
        self._purge(answer, m, signed=False)

    def replay(self, answer: dict[str, Any], m: Mutation) -> None:
        items = answer.get("items")
        if isinstance(items, list) and items:
            again = copy.deepcopy(items[m.pick % len(items)])
            if isinstance(again, dict):
                again["seq"] = 10_000 + m.other
            items.append(again)

    # --- /v2/log --------------------------------------------------------------------------------
    def forge_statement(self, answer: dict[str, Any], m: Mutation) -> None:
        """A statement of the store's own after the genuine ones, claiming to be the
        coordinator's: its own device as a coordinator, or a new epoch for a team."""
        statements = answer.get("statements")
        if not isinstance(statements, list):
            return
        head = answer.get("head")
        last = statements[-1] if statements and isinstance(statements[-1], dict) else None
        seq = (last.get("seq") if last else head) or 0
        kind, body = (
            (
                trust.StatementKind.ADD_DEVICE,
                {
                    "device_id": str(uuid.uuid4()),
                    "label": "opslag",
                    "sign_public_key": b64e(trust.public_raw(self.sign)),
                    "kem_public_key": b64e(os.urandom(32)),
                    "role": "coordinator",
                    "teams": [self.o.noord],
                    "invite_id": "x",
                },
            )
            if m.other % 2
            else (
                trust.StatementKind.EPOCH,
                trust.epoch_body(
                    self.o.noord,
                    self.epoch(self.o.noord) + 1,
                    trust.key_commitment(
                        self.key(self.o.noord, self.epoch(self.o.noord) + 1),
                        organisation_id=self.organisation_id,
                        team_id=self.o.noord,
                        epoch=self.epoch(self.o.noord) + 1,
                    ),
                ),
            )
        )
        statements.append(
            trust.make_statement(
                self.sign,
                organisation_id=self.organisation_id,
                seq=int(seq) + 1 if isinstance(seq, int) else 1,
                prev=trust.statement_hash(last) if last else "",
                signer=self.o.coord.device_id,
                kind=kind,
                body=body,
                at_ms=0,
            )
        )
        answer["head"] = (int(head) if isinstance(head, int) else 0) + 1

    def drop_statement(self, answer: dict[str, Any], m: Mutation) -> None:
        statements = answer.get("statements")
        if isinstance(statements, list) and statements:
            del statements[m.pick % len(statements)]


def _rewrite(store: Store, muts: list[Mutation]) -> Callable[[str, dict[str, Any]], dict[str, Any]]:
    def rewrite(path: str, answer: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(answer)
        for m in muts:
            if m.op in GENERIC:
                _generic(out, m)
            else:
                store.aimed(path, out, m)
        return out

    return rewrite


def _log(lt: Any) -> list[Any]:
    with lt.vault.context.read() as s:
        return [r.statement for r in s.scalars(select(TrustStatement).order_by(TrustStatement.seq))]


def _revisions_out(lt: Any) -> set[str]:
    with lt.vault.context.read() as s:
        return set(s.scalars(select(OutboxEntry.revision)))


def _check(o: Org, store: Store, held_before: set[str]) -> None:
    # Every key the worker holds is the coordinator's; none is the store's; every revision on
    # the store opens under its genuine key.
    nothing_under_store_keys(o, store.keys.values())
    # Its copy of the log is a prefix of the genuine log (the coordinator's copy).
    genuine, mine = _log(o.coord), _log(o.worker)
    assert mine == genuine[: len(mine)], "the worker kept a statement no coordinator signed"
    # Nothing it held was deleted; every revision it keeps is a member's.
    now = o.worker.people()
    assert held_before <= set(now), "a person was deleted by a purge no member signed"
    on_store = {
        str(r[0])
        for r in store_execute(
            o.url, "SELECT revision FROM records WHERE record_type = 'person'", {}
        )
    }
    for pid, row in now.items():
        assert row[-1] in on_store or row[-1] in _revisions_out(o.worker), (
            f"person {pid[:8]} has a revision no member wrote"
        )


def test_random_lies_in_the_stores_answers_never_give_a_device_a_key_or_member(
    database: Database, tmp_path: Path
) -> None:
    with organisation(database.url, tmp_path) as o:
        store = Store(o)
        home(o.worker, o.noord)
        outcomes: dict[str, int] = {}

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            # Every example is real syncs against one organisation whose state grows;
            # a stored example cannot be replayed against another one.
            phases=[Phase.explicit, Phase.generate],
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(st.lists(mutation(), min_size=1, max_size=3))
        def lies(muts: list[Mutation]) -> None:
            # Genuine changes: a new epoch for Noord, a person from each side.
            o.coord.sync.rotate(o.noord)
            people(o.coord, 1, "Echt")
            o.coord.sync_once()
            people(o.worker, 1, "Van de werker")
            held = set(o.worker.people())
            store.keys.clear()
            for target in TARGETS:
                mine = [m for m in muts if m.target == target]
                if mine:
                    o.worker.rewrites[target] = _rewrite(store, mine)
            try:
                o.worker.sync_once()
                outcomes["accepted"] = outcomes.get("accepted", 0) + 1
            except SyncError as exc:
                assert exc.message, "a refusal without a message"
                outcomes[str(exc.code)] = outcomes.get(str(exc.code), 0) + 1
            finally:
                o.worker.rewrites.clear()
            _check(o, store, held)
            # The store answers honestly again: the worker syncs.
            o.worker.sync_once()
            _check(o, store, held)

        lies()
        print(outcomes)
        assert sum(outcomes.values()) >= EXAMPLES
