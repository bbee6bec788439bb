"""Lazy access to the vault service, so the first window appears before SQLAlchemy loads.

`app.services.vault` imports SQLAlchemy, SQLCipher and Alembic (a few hundred ms). Startup only
needs to know whether a vault exists (a file check); the service itself is built on first use,
normally on the worker thread right after the first window is shown (`preload`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.paths import AppPaths

if TYPE_CHECKING:
    from app.services.vault import VaultService


class VaultGate:
    def __init__(
        self,
        paths: AppPaths,
        *,
        service: VaultService | None = None,
        factory: Callable[[AppPaths], VaultService] | None = None,
    ) -> None:
        self.paths = paths
        self._service = service
        self._factory = factory
        self._lock = threading.Lock()

    @classmethod
    def wrap(cls, service: VaultService) -> VaultGate:
        return cls(service.paths, service=service)

    def exists(self) -> bool:
        """Same answer as `VaultService.exists()`, without importing the service."""
        if self._service is not None:
            return self._service.exists()
        return self.paths.header.exists()

    @property
    def service(self) -> VaultService:
        with self._lock:
            if self._service is None:
                if self._factory is not None:
                    self._service = self._factory(self.paths)
                else:
                    from app.services.vault import VaultService

                    self._service = VaultService(self.paths)
            return self._service

    def preload(self) -> None:
        """Import the service modules (call on the worker thread)."""
        _ = self.service

    def passphrase_problems(self, text: str) -> list[str]:
        from app.services.vault import passphrase_problems

        return passphrase_problems(text)
