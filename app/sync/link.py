"""What every part of the client sync engine shares: the vault, who this device is, its
enrolment, and one signed transport to the central store.

Every vault step of the engine opens its session through `SyncLink.read()` or
`SyncLink.transaction()`, never while waiting on the network. Alone (the command line) they
open the vault directly. In the app the sync runs on the network lane and `lane` is the vault
lane's `turn` (app/qt/tasks.py): each step then waits for its turn on the vault lane and runs
while that lane waits, so saves and searches go between two steps of a running sync.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import BrugfiguurError
from app.models import DeviceIdentity, SyncConfig
from app.services.context import VaultContext
from app.services.records import Records
from app.sync.codes import ErrorCode, Role
from app.sync.errors import SyncError, not_enrolled
from app.sync.protocol import b64e
from app.sync.transport import HttpTransport

TransportFactory = Callable[[str, str | None, Ed25519PrivateKey | None], HttpTransport]

# Waits for the vault's turn and holds it for the `with` block (TaskRunner.turn in the app).
VaultTurn = Callable[[], AbstractContextManager[None]]


def default_transport(
    url: str, device_id: str | None, key: Ed25519PrivateKey | None
) -> HttpTransport:
    return HttpTransport(url, device_id=device_id, sign_key=key)


def raw_public(key: Any) -> bytes:
    raw: bytes = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw


def raw_private(key: Any) -> bytes:
    raw: bytes = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw


class SyncLink:
    def __init__(
        self,
        ctx: VaultContext,
        *,
        transport_factory: TransportFactory = default_transport,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ctx = ctx
        self.factory = transport_factory
        self.clock = clock
        self._transport: HttpTransport | None = None
        self._writer: Records | None = None
        self.lane: VaultTurn | None = None  # None: this thread has the vault to itself

    @property
    def shares_vault(self) -> bool:
        """Whether other work uses the vault between the engine's steps (the app): the
        engine then keeps each step short instead of batching for throughput."""
        return self.lane is not None

    def _turn(self) -> AbstractContextManager[None]:
        return self.lane() if self.lane is not None else nullcontext()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A vault session for reading, in the vault's turn."""
        with self._turn(), self.ctx.read() as s:
            yield s

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Session]:
        """One vault transaction (see `VaultContext.transaction`), in the vault's turn."""
        with self._turn(), self.ctx.transaction(durable=durable) as s:
            yield s

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def identity(self, s: Session) -> DeviceIdentity:
        ident = s.scalars(select(DeviceIdentity)).first()
        if ident is None:
            raise BrugfiguurError("Dit toestel heeft geen identiteit in de kluis.")
        return ident

    @staticmethod
    def config(s: Session) -> SyncConfig | None:
        return s.scalars(select(SyncConfig)).first()

    def require(self, s: Session, *, coordinator: bool = False) -> SyncConfig:
        cfg = self.config(s)
        if cfg is None:
            raise not_enrolled()
        if coordinator and cfg.role != Role.COORDINATOR:
            raise SyncError("Alleen een coördinator kan dit.", ErrorCode.FORBIDDEN)
        return cfg

    def device_public(self, s: Session, sign: Ed25519PrivateKey) -> dict[str, str]:
        ident = self.identity(s)
        return {
            "device_id": ident.device_id,
            "label": ident.label,
            "sign_public_key": b64e(raw_public(sign.public_key())),
            "kem_public_key": b64e(ident.public_key),
        }

    def transport(self) -> HttpTransport:
        if self._transport is None:
            with self.read() as s:
                cfg = self.config(s)
                if cfg is None:
                    raise not_enrolled()
                key = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
                self._transport = self.factory(cfg.server_url, self.ctx.device.device_id, key)
        return self._transport

    def use_transport(self, transport: HttpTransport) -> None:
        self._transport = transport

    def records(self) -> Records:
        """The record writer (a merge or a purge's follow-up writes a local revision)."""
        if self._writer is None:
            self._writer = Records(self.ctx)
        return self._writer

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None
