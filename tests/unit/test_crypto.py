"""Crypto building blocks: recovery-key encoding, AEAD, header wrapping and tamper detection."""

from __future__ import annotations

import base64
import contextlib
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.crypto import aead, recovery
from app.crypto.header import VaultHeader, new_header
from app.errors import MalformedRecoveryKey, VaultCorrupt, VaultTooNew
from tests.conftest import FAST_KDF

KEY = bytes(range(32))


@given(st.binary(min_size=32, max_size=32))
def test_recovery_key_round_trips_in_any_spacing_and_case(key: bytes) -> None:
    text = recovery.format_key(key)
    groups = text.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert recovery.parse_key(text) == key
    assert recovery.parse_key(" ".join(groups).lower()) == key


@given(st.binary(min_size=32, max_size=32), st.integers(min_value=0, max_value=55), st.data())
def test_a_single_typo_in_the_recovery_key_is_reported_as_malformed(
    key: bytes, pos: int, data: st.DataObject
) -> None:
    text = recovery.format_key(key).replace("-", "")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != text[pos]]))
    typo = text[:pos] + replacement + text[pos + 1 :]
    # A typo either breaks the checksum or (rarely, 1 in 2^20) yields a different key: never
    # the original key.
    with contextlib.suppress(MalformedRecoveryKey):
        assert recovery.parse_key(typo) != key


@pytest.mark.parametrize("text", ["", "ABCD", "!" * 56, "KVEP-C8MG"])
def test_garbage_is_not_a_recovery_key(text: str) -> None:
    with pytest.raises(MalformedRecoveryKey):
        recovery.parse_key(text)


@given(st.binary(max_size=2048), st.binary(max_size=64))
@settings(max_examples=50)
def test_aead_round_trip_and_any_bit_flip_fails(plaintext: bytes, aad: bytes) -> None:
    key = os.urandom(32)
    nonce, ct = aead.seal(key, plaintext, aad)
    assert aead.open_(key, nonce, ct, aad) == plaintext
    flipped = bytearray(ct)
    flipped[len(flipped) // 2] ^= 0x01
    with pytest.raises(aead.OpenFailed):
        aead.open_(key, nonce, bytes(flipped), aad)
    with pytest.raises(aead.OpenFailed):
        aead.open_(key, nonce, ct, aad + b"x")
    with pytest.raises(aead.OpenFailed):
        aead.open_(os.urandom(32), nonce, ct, aad)


def _header() -> tuple[VaultHeader, bytes]:
    rk = recovery.generate()
    return new_header(KEY, "lange zomeravond aan de schelde", rk, FAST_KDF), rk


def test_header_unwraps_with_passphrase_and_recovery_key_and_holds_no_secret() -> None:
    header, rk = _header()
    raw = header.to_json()
    assert KEY.hex().encode() not in raw and base64.b64encode(KEY) not in raw
    assert b"zomeravond" not in raw
    parsed = VaultHeader.from_json(raw)
    assert bytes(parsed.unwrap_with_passphrase("lange zomeravond aan de schelde")) == KEY
    assert bytes(parsed.unwrap_with_recovery(rk)) == KEY
    with pytest.raises(aead.OpenFailed):
        parsed.unwrap_with_passphrase("lange zomeravond aan de schelda")


def test_rewrapping_one_slot_leaves_the_other_working() -> None:
    header, rk = _header()
    changed = header.with_passphrase(KEY, "een heel andere wachtwoordzin")
    assert bytes(changed.unwrap_with_recovery(rk)) == KEY
    assert bytes(changed.unwrap_with_passphrase("een heel andere wachtwoordzin")) == KEY
    new_rk = recovery.generate()
    renewed = changed.with_recovery_key(KEY, new_rk)
    assert bytes(renewed.unwrap_with_passphrase("een heel andere wachtwoordzin")) == KEY
    with pytest.raises(aead.OpenFailed):
        renewed.unwrap_with_recovery(rk)


@pytest.mark.parametrize(
    "path, value",
    [
        (("vault_id",), "00000000-0000-0000-0000-000000000000"),
        (("created_at",), "2020-01-01T00:00:00+00:00"),
        (("kdf", "iterations"), 2),
        (("kdf", "salt"), base64.b64encode(b"\x01" * 16).decode()),
        (("passphrase", "nonce"), base64.b64encode(b"\x02" * 12).decode()),
    ],
)
def test_tampering_with_any_bound_header_field_fails_the_tag(
    path: tuple[str, ...], value: object
) -> None:
    header, _ = _header()
    doc = json.loads(header.to_json())
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    tampered = VaultHeader.from_json(json.dumps(doc).encode())
    with pytest.raises(aead.OpenFailed):
        tampered.unwrap_with_passphrase("lange zomeravond aan de schelde")


def test_flipped_wrapped_key_byte_fails() -> None:
    header, rk = _header()
    doc = json.loads(header.to_json())
    wrapped = bytearray(base64.b64decode(doc["recovery"]["wrapped_key"]))
    wrapped[0] ^= 0x80
    doc["recovery"]["wrapped_key"] = base64.b64encode(bytes(wrapped)).decode()
    with pytest.raises(aead.OpenFailed):
        VaultHeader.from_json(json.dumps(doc).encode()).unwrap_with_recovery(rk)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{",
        b"[]",
        b'{"format": "iets anders"}',
        b'{"format": "brugfiguur-vault", "version": 1}',
        b"\xff\xfe",
        b"x" * (70 * 1024),
    ],
)
def test_malformed_headers_are_refused_as_corrupt(raw: bytes) -> None:
    with pytest.raises(VaultCorrupt):
        VaultHeader.from_json(raw)


def test_truncated_header_is_corrupt() -> None:
    header, _ = _header()
    raw = header.to_json()
    for cut in (10, len(raw) // 2, len(raw) - 5):
        with pytest.raises(VaultCorrupt):
            VaultHeader.from_json(raw[:cut])


def test_header_from_a_newer_version_is_refused() -> None:
    header, _ = _header()
    doc = json.loads(header.to_json())
    doc["version"] = 99
    with pytest.raises(VaultTooNew):
        VaultHeader.from_json(json.dumps(doc).encode())


def test_absurd_kdf_parameters_are_refused_before_deriving() -> None:
    header, _ = _header()
    doc = json.loads(header.to_json())
    doc["kdf"]["memory_kib"] = 1 << 40
    with pytest.raises(VaultCorrupt):
        VaultHeader.from_json(json.dumps(doc).encode())
