"""Strict parsing of request bodies and query strings, on top of app.sync.protocol's helpers.

Every function raises protocol.ProtocolError; the app turns that into `400 invalid_request`
without echoing anything from the request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from app.sync.codes import RecipientKind, Role
from app.sync.protocol import (
    MAX_PULL_LIMIT,
    MAX_PUSH_REVISIONS,
    MAX_REVISION_BYTES,
    ProtocolError,
    b64d,
    int_in,
    obj,
    record_type_str,
    revision_str,
    uuid_str,
)

MAX_SEQ = 2**62
MAX_EPOCH = 1_000_000
MAX_PARENTS = 64
MAX_TEAMS_PER_INVITE = 100
MAX_WRAPPED_KEYS = 10_000
MAX_PURGE_REFS = 10_000
MAX_WRAPPED_BYTES = 1024
KEY_BYTES = 32
PROOF_BYTES = 32
ROLES = tuple(Role)
RECIPIENT_KINDS = tuple(RecipientKind)


def _reject_constant(name: str) -> Any:
    raise ProtocolError("body: non-finite number")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ProtocolError("body: duplicate key")
        out[key] = value
    return out


def parse_json(body: bytes) -> Mapping[str, Any]:
    """A JSON object (UTF-8, no duplicate keys, no NaN/Infinity)."""
    try:
        text = body.decode("utf-8")
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ProtocolError("body: not JSON") from exc
    return obj(value, "body")


def fields(
    value: Mapping[str, Any], what: str, required: set[str], optional: frozenset[str] = frozenset()
) -> None:
    keys = set(value)
    if not required <= keys:
        raise ProtocolError(f"{what}: missing fields")
    if keys - required - optional:
        raise ProtocolError(f"{what}: unknown fields")


def text(value: object, what: str, max_len: int = 200) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= max_len:
        raise ProtocolError(f"{what}: expected text of 1 to {max_len} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in value) or value != value.strip():
        raise ProtocolError(f"{what}: control characters or surrounding spaces")
    return value


def key32(value: object, what: str) -> bytes:
    raw = b64d(value, max_bytes=KEY_BYTES, what=what)
    if len(raw) != KEY_BYTES:
        raise ProtocolError(f"{what}: expected {KEY_BYTES} bytes")
    return raw


def array(value: object, what: str, lo: int, hi: int) -> list[Any]:
    if not isinstance(value, list) or not lo <= len(value) <= hi:
        raise ProtocolError(f"{what}: expected a list of {lo} to {hi} items")
    return value


def one_of(value: object, choices: tuple[str, ...], what: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ProtocolError(f"{what}: not an allowed value")
    return value


# --- devices and keys -------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceIn:
    device_id: str
    label: str
    sign_public_key: bytes
    kem_public_key: bytes
    raw: Mapping[str, Any]  # as sent: the enrolment proof is an HMAC over exactly this


def device_in(value: object) -> DeviceIn:
    d = obj(value, "device")
    fields(d, "device", {"device_id", "label", "sign_public_key", "kem_public_key"})
    return DeviceIn(
        uuid_str(d["device_id"], "device_id"),
        text(d["label"], "label"),
        key32(d["sign_public_key"], "sign_public_key"),
        key32(d["kem_public_key"], "kem_public_key"),
        d,
    )


@dataclass(frozen=True)
class WrappedKeyIn:
    recipient_kind: str
    recipient_id: str
    epoch: int
    wrapped: bytes


def wrapped_keys_in(
    value: object, *, epoch: int | None = None, per_epoch: bool = False
) -> list[WrappedKeyIn]:
    """`per_epoch`: one recipient may appear once per epoch (a new member gets every epoch)."""
    out: list[WrappedKeyIn] = []
    seen: set[tuple[str, str, int]] = set()
    for item in array(value, "wrapped_keys", 1, MAX_WRAPPED_KEYS):
        w = obj(item, "wrapped_key")
        fields(w, "wrapped_key", {"recipient_kind", "recipient_id", "epoch", "wrapped"})
        k = WrappedKeyIn(
            one_of(w["recipient_kind"], RECIPIENT_KINDS, "recipient_kind"),
            uuid_str(w["recipient_id"], "recipient_id"),
            int_in(w["epoch"], 1, MAX_EPOCH, "epoch"),
            b64d(w["wrapped"], max_bytes=MAX_WRAPPED_BYTES, what="wrapped"),
        )
        if epoch is not None and k.epoch != epoch:
            raise ProtocolError("wrapped_key: epoch differs from the request's")
        slot = (k.recipient_kind, k.recipient_id, k.epoch if per_epoch else 0)
        if slot in seen:
            raise ProtocolError("wrapped_keys: the same recipient twice")
        if len(k.wrapped) < KEY_BYTES:
            raise ProtocolError("wrapped: too short")
        seen.add(slot)
        out.append(k)
    return out


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RevisionIn:
    record_type: str
    record_id: str
    revision: str
    parents: tuple[str, ...]
    epoch: int
    ciphertext: bytes


def revision_in(value: object) -> RevisionIn:
    r = obj(value, "revision")
    fields(
        r, "revision", {"record_type", "record_id", "revision", "parents", "epoch", "ciphertext"}
    )
    rev = revision_str(r["revision"])
    parents = tuple(
        revision_str(p, "parent") for p in array(r["parents"], "parents", 0, MAX_PARENTS)
    )
    if len(set(parents)) != len(parents) or rev in parents:
        raise ProtocolError("parents: duplicates or the revision itself")
    ciphertext = b64d(r["ciphertext"], max_bytes=MAX_REVISION_BYTES, what="ciphertext")
    if not 28 <= len(ciphertext) <= MAX_REVISION_BYTES:  # nonce + tag at least
        raise ProtocolError("ciphertext: size out of bounds")
    return RevisionIn(
        record_type_str(r["record_type"]),
        uuid_str(r["record_id"], "record_id"),
        rev,
        parents,
        int_in(r["epoch"], 1, MAX_EPOCH, "epoch"),
        ciphertext,
    )


@dataclass(frozen=True)
class PushIn:
    team_id: str
    revisions: list[RevisionIn]


def push_in(body: Mapping[str, Any]) -> PushIn:
    fields(body, "push", {"team_id", "revisions"})
    revs = [revision_in(r) for r in array(body["revisions"], "revisions", 1, MAX_PUSH_REVISIONS)]
    return PushIn(uuid_str(body["team_id"], "team_id"), revs)


@dataclass(frozen=True)
class PurgeIn:
    """A signed erasure (v2): the fields its author signed (app.sync.trust.SignedPurge)."""

    team_id: str
    purge_id: str
    person_id: str
    record_refs: list[tuple[str, str]]
    signed_by: str
    signed_at_ms: int
    signature: bytes


def purge_in(body: Mapping[str, Any]) -> PurgeIn:
    fields(
        body,
        "purge",
        {
            "team_id",
            "purge_id",
            "person_id",
            "record_refs",
            "signed_by",
            "signed_at_ms",
            "signature",
        },
    )
    refs: list[tuple[str, str]] = []
    for ref in array(body["record_refs"], "record_refs", 1, MAX_PURGE_REFS):
        pair = array(ref, "record_ref", 2, 2)
        refs.append((record_type_str(pair[0]), uuid_str(pair[1], "record_id")))
    if len(set(refs)) != len(refs):
        raise ProtocolError("record_refs: duplicates")
    signature = b64d(body["signature"], max_bytes=64, what="signature")
    if len(signature) != 64:
        raise ProtocolError("signature: expected 64 bytes")
    return PurgeIn(
        uuid_str(body["team_id"], "team_id"),
        uuid_str(body["purge_id"], "purge_id"),
        uuid_str(body["person_id"], "person_id"),
        refs,
        uuid_str(body["signed_by"], "signed_by"),
        int_in(body["signed_at_ms"], 0, MAX_SEQ, "signed_at_ms"),
        signature,
    )


# --- the membership log -----------------------------------------------------------------------

MAX_STATEMENTS_PER_APPEND = 2_000


@dataclass(frozen=True)
class LogAppendIn:
    statements: list[Mapping[str, Any]]
    wrapped_keys: list[tuple[str, WrappedKeyIn]]  # (team_id, wrap)


def log_append_in(body: Mapping[str, Any]) -> LogAppendIn:
    fields(body, "log", {"statements"}, frozenset({"wrapped_keys"}))
    statements = [
        obj(x, "statement")
        for x in array(body["statements"], "statements", 0, MAX_STATEMENTS_PER_APPEND)
    ]
    wraps: list[tuple[str, WrappedKeyIn]] = []
    by_team: dict[str, list[Any]] = {}
    for item in array(body.get("wrapped_keys", []), "wrapped_keys", 0, MAX_WRAPPED_KEYS):
        w = obj(item, "wrapped_key")
        team = uuid_str(w.get("team_id"), "team_id")
        by_team.setdefault(team, []).append({k: v for k, v in w.items() if k != "team_id"})
    for team, items in by_team.items():
        wraps.extend((team, w) for w in wrapped_keys_in(items, per_epoch=True))
    if not statements and not wraps:
        raise ProtocolError("log: nothing to append")
    return LogAppendIn(statements, wraps)


@dataclass(frozen=True)
class LogQueryIn:
    after: int
    limit: int


def log_query_in(query: str) -> LogQueryIn:
    params = _query(query, {"after"}, frozenset({"limit"}))
    after = int_in(_digits(params["after"], "after"), 0, MAX_SEQ, "after")
    limit = MAX_PULL_LIMIT
    if "limit" in params:
        limit = int_in(_digits(params["limit"], "limit"), 1, MAX_PULL_LIMIT, "limit")
    return LogQueryIn(after, limit)


@dataclass(frozen=True)
class PullIn:
    team_id: str
    after: int
    limit: int


def _digits(value: str, what: str) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 19:
        raise ProtocolError(f"{what}: expected a non-negative integer")
    return int(value)


def _query(query: str, required: set[str], optional: frozenset[str]) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True, max_num_fields=3)
    except ValueError as exc:
        raise ProtocolError("query: malformed") from exc
    params = dict(pairs)
    if len(params) != len(pairs):
        raise ProtocolError("query: duplicate parameter")
    fields(params, "query", required, optional)
    return params


def pull_in(query: str) -> PullIn:
    params = _query(query, {"team", "after"}, frozenset({"limit"}))
    after = int_in(_digits(params["after"], "after"), 0, MAX_SEQ, "after")
    limit = MAX_PULL_LIMIT
    if "limit" in params:
        limit = int_in(_digits(params["limit"], "limit"), 1, MAX_PULL_LIMIT, "limit")
    return PullIn(uuid_str(params["team"], "team"), after, limit)
