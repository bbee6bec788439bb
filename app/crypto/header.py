"""The vault header (`vault.json`): format version, KDF parameters, salts and wrapped keys.

It holds no secret in clear. The data key is wrapped twice with AES-256-GCM: by an Argon2id key
from the passphrase and by a key derived from the recovery key. The associated data of each slot
covers the vault's identity and that slot's own parameters, so editing any of them fails the tag;
each slot can be re-wrapped without the other's secret.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.crypto import aead, kdf, recovery
from app.errors import StorageError, VaultCorrupt, VaultTooNew

FORMAT = "brugfiguur-vault"
VERSION = 1
MAX_HEADER_BYTES = 64 * 1024
DATA_KEY_BYTES = 32
_RECOVERY_SALT_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str) -> bytes:
    if not isinstance(text, str) or len(text) > 4096:
        raise VaultCorrupt(f"veld {what} ongeldig")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise VaultCorrupt(f"veld {what} ongeldig") from exc


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Slot:
    nonce: bytes
    ciphertext: bytes


_EMPTY = Slot(b"", b"")


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    created_at: str
    kdf_params: kdf.KdfParams
    kdf_salt: bytes
    passphrase_slot: Slot
    passphrase_changed_at: str
    recovery_salt: bytes
    recovery_slot: Slot
    recovery_created_at: str
    version: int = VERSION

    def _aad(self, slot: str) -> bytes:
        bound: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "slot": slot,
        }
        if slot == "passphrase":
            bound["kdf"] = {
                "alg": "argon2id",
                "memory_kib": self.kdf_params.memory_kib,
                "iterations": self.kdf_params.iterations,
                "lanes": self.kdf_params.lanes,
                "salt": _b64(self.kdf_salt),
            }
        else:
            bound["salt"] = _b64(self.recovery_salt)
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")

    # --- unwrapping: aead.OpenFailed on a wrong secret or an altered header ------------------
    def unwrap_with_passphrase(self, passphrase: str) -> bytearray:
        wrap_key = kdf.derive(passphrase, self.kdf_salt, self.kdf_params)
        s = self.passphrase_slot
        return bytearray(aead.open_(wrap_key, s.nonce, s.ciphertext, self._aad("passphrase")))

    def unwrap_with_recovery(self, recovery_key: bytes) -> bytearray:
        wrap_key = recovery.wrapping_key(recovery_key, self.recovery_salt)
        s = self.recovery_slot
        return bytearray(aead.open_(wrap_key, s.nonce, s.ciphertext, self._aad("recovery")))

    # --- re-wrapping: each slot alone ---------------------------------------------------------
    def with_passphrase(
        self, data_key: bytes | bytearray, passphrase: str, params: kdf.KdfParams | None = None
    ) -> VaultHeader:
        """A copy whose passphrase slot wraps `data_key` under a fresh salt."""
        updated = replace(
            self,
            kdf_params=params or self.kdf_params,
            kdf_salt=os.urandom(kdf.SALT_BYTES),
            passphrase_changed_at=now_iso(),
        )
        wrap_key = kdf.derive(passphrase, updated.kdf_salt, updated.kdf_params)
        nonce, ct = aead.seal(wrap_key, bytes(data_key), updated._aad("passphrase"))
        return replace(updated, passphrase_slot=Slot(nonce, ct))

    def with_recovery_key(self, data_key: bytes | bytearray, recovery_key: bytes) -> VaultHeader:
        updated = replace(
            self, recovery_salt=os.urandom(_RECOVERY_SALT_BYTES), recovery_created_at=now_iso()
        )
        wrap_key = recovery.wrapping_key(recovery_key, updated.recovery_salt)
        nonce, ct = aead.seal(wrap_key, bytes(data_key), updated._aad("recovery"))
        return replace(updated, recovery_slot=Slot(nonce, ct))

    # --- serialisation ------------------------------------------------------------------------
    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": self.version,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "kdf": {
                "alg": "argon2id",
                "memory_kib": self.kdf_params.memory_kib,
                "iterations": self.kdf_params.iterations,
                "lanes": self.kdf_params.lanes,
                "salt": _b64(self.kdf_salt),
            },
            "passphrase": {
                "nonce": _b64(self.passphrase_slot.nonce),
                "wrapped_key": _b64(self.passphrase_slot.ciphertext),
                "changed_at": self.passphrase_changed_at,
            },
            "recovery": {
                "salt": _b64(self.recovery_salt),
                "nonce": _b64(self.recovery_slot.nonce),
                "wrapped_key": _b64(self.recovery_slot.ciphertext),
                "created_at": self.recovery_created_at,
            },
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> VaultHeader:
        if len(raw) > MAX_HEADER_BYTES:
            raise VaultCorrupt("kopbestand te groot")
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VaultCorrupt("kopbestand onleesbaar") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise VaultCorrupt("geen Brugfiguur-kluis")
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise VaultCorrupt("onbekende versie")
        if version > VERSION:
            raise VaultTooNew()
        try:
            k = doc["kdf"]
            p = doc["passphrase"]
            r = doc["recovery"]
            if k.get("alg") != "argon2id":
                raise VaultCorrupt("onbekende sleutelafleiding")
            params = kdf.KdfParams(
                memory_kib=_int(k["memory_kib"]),
                iterations=_int(k["iterations"]),
                lanes=_int(k["lanes"]),
            )
            params.validate()
            header = cls(
                vault_id=_str(doc["vault_id"]),
                created_at=_str(doc["created_at"]),
                kdf_params=params,
                kdf_salt=_unb64(k["salt"], "salt"),
                passphrase_slot=Slot(
                    _unb64(p["nonce"], "nonce"), _unb64(p["wrapped_key"], "wrapped_key")
                ),
                passphrase_changed_at=_str(p["changed_at"]),
                recovery_salt=_unb64(r["salt"], "salt"),
                recovery_slot=Slot(
                    _unb64(r["nonce"], "nonce"), _unb64(r["wrapped_key"], "wrapped_key")
                ),
                recovery_created_at=_str(r["created_at"]),
                version=version,
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise VaultCorrupt("kopbestand onvolledig") from exc
        if len(header.kdf_salt) != kdf.SALT_BYTES or len(header.recovery_salt) != 16:
            raise VaultCorrupt("salt ongeldig")
        return header


def _int(v: object) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise VaultCorrupt("getal verwacht")
    return v


def _str(v: object) -> str:
    if not isinstance(v, str) or len(v) > 200:
        raise VaultCorrupt("tekst verwacht")
    return v


def new_header(
    data_key: bytes | bytearray, passphrase: str, recovery_key: bytes, params: kdf.KdfParams
) -> VaultHeader:
    stamp = now_iso()
    blank = VaultHeader(
        vault_id=str(uuid.uuid4()),
        created_at=stamp,
        kdf_params=params,
        kdf_salt=b"",
        passphrase_slot=_EMPTY,
        passphrase_changed_at=stamp,
        recovery_salt=b"",
        recovery_slot=_EMPTY,
        recovery_created_at=stamp,
    )
    return blank.with_passphrase(data_key, passphrase).with_recovery_key(data_key, recovery_key)


def read_header(path: Path) -> VaultHeader:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise StorageError(
            f"Het kopbestand van de kluis kan niet gelezen worden: {exc.strerror}"
        ) from exc
    return VaultHeader.from_json(raw)
