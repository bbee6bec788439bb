"""Sync envelopes: HPKE-wrapped team keys and AEAD record payloads, round trips and tampering."""

from __future__ import annotations

import dataclasses

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync.envelope import (
    EnvelopeError,
    RecordMeta,
    new_team_key,
    open_record,
    seal_record,
    unwrap_team_key,
    wrap_team_key,
)

META = RecordMeta("team-1", "person", "p-1", "r" * 64, ("a" * 64,), "dev-1", 1)


def test_team_key_wraps_for_exactly_one_recipient_team_and_epoch() -> None:
    alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    key = new_team_key()
    wrapped = wrap_team_key(
        key, team_id="t", epoch=2, recipient_id="alice", recipient_public=alice.public_key()
    )
    assert (
        unwrap_team_key(
            wrapped, team_id="t", epoch=2, recipient_id="alice", recipient_private=alice
        )
        == key
    )
    for kwargs in (
        {"team_id": "t", "epoch": 2, "recipient_id": "alice", "recipient_private": bob},
        {"team_id": "t", "epoch": 3, "recipient_id": "alice", "recipient_private": alice},
        {"team_id": "u", "epoch": 2, "recipient_id": "alice", "recipient_private": alice},
        {"team_id": "t", "epoch": 2, "recipient_id": "bob", "recipient_private": alice},
    ):
        with pytest.raises(EnvelopeError):
            unwrap_team_key(wrapped, **kwargs)  # type: ignore[arg-type]
    flipped = bytearray(wrapped)
    flipped[-1] ^= 1
    with pytest.raises(EnvelopeError):
        unwrap_team_key(
            bytes(flipped), team_id="t", epoch=2, recipient_id="alice", recipient_private=alice
        )


@given(
    st.dictionaries(
        st.text(max_size=10), st.one_of(st.text(), st.integers(), st.none()), max_size=8
    )
)
@settings(max_examples=50)
def test_record_round_trip(payload: dict) -> None:  # type: ignore[type-arg]
    key = new_team_key()
    assert open_record(key, META, seal_record(key, META, payload)) == payload


@pytest.mark.parametrize(
    "field, value",
    [
        ("team_id", "team-2"),
        ("record_type", "contact_moment"),
        ("record_id", "p-2"),
        ("revision", "s" * 64),
        ("parents", ()),
        ("device_id", "dev-2"),
        ("epoch", 2),
    ],
)
def test_changing_any_metadata_fails_the_tag(field: str, value: object) -> None:
    key = new_team_key()
    sealed = seal_record(key, META, {"alias": "Zoë"})
    with pytest.raises(EnvelopeError):
        open_record(key, dataclasses.replace(META, **{field: value}), sealed)


def test_wrong_team_key_or_modified_ciphertext_is_rejected() -> None:
    key = new_team_key()
    sealed = seal_record(key, META, {"alias": "Zoë"})
    with pytest.raises(EnvelopeError):
        open_record(new_team_key(), META, sealed)
    for i in (0, 12, len(sealed) - 1):
        tampered = bytearray(sealed)
        tampered[i] ^= 0x40
        with pytest.raises(EnvelopeError):
            open_record(key, META, bytes(tampered))
    with pytest.raises(EnvelopeError):
        open_record(key, META, sealed[:10])
