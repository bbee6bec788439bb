"""What every service of an unlocked vault shares: the engine and who this device is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import RELAXED
from app.errors import VaultLocked


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    worker_id: str
    label: str
    public_key: bytes
    created_at: str


class VaultContext:
    def __init__(self, engine: Engine, device: DeviceInfo) -> None:
        self._engine: Engine | None = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.device = device

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error. `durable=False`
        only for work that can be redone (`app.db.engine.RELAXED`)."""
        if self._engine is None:
            raise VaultLocked()
        if durable:
            with self._sessions.begin() as session:
                yield session
            return
        relaxed = self._engine.execution_options(**{RELAXED: True})
        with self._sessions(bind=relaxed) as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        if self._engine is None:
            raise VaultLocked()
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
