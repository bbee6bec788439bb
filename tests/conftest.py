"""Shared fixtures: real SQLCipher vaults in temp dirs, with a cheap KDF so tests stay quick.

The production KDF (≥ 64 MiB, calibrated to ~0.5 s) is exercised by its own tests in
tests/unit/test_kdf.py; everything else uses FAST_KDF to keep the suite fast.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.crypto.kdf import KdfParams
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.vault import CreatedVault, OpenVault, VaultService

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "lange zomeravond aan de schelde"
CANARY = "Kanarie-9f3c-Zoë-Vermeulen"


def _no_sleep(_: float) -> None:
    return None


# --- logged warnings and errors fail a test unless it declares them ----------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_logs(*patterns): log records at WARNING or above that this test expects; each "
        "pattern is a regular expression searched in 'logger: message'",
    )


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_OURS = ("app.", "brugfiguur")  # our loggers fail at WARNING; any logger at ERROR


@pytest.fixture(autouse=True)
def _logged_warnings_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    """A warning (from our own loggers) or an error (from any) logged in this process fails the
    test, like a Python warning does, unless the test declares it with
    `@pytest.mark.allow_logs("pattern", …)`."""
    handler = _Records()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    allowed = [re.compile(p) for mark in request.node.iter_markers("allow_logs") for p in mark.args]
    unexpected = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for r in handler.records
        if (r.levelno >= logging.ERROR or r.name.startswith(_OURS))
        and not any(p.search(f"{r.name}: {r.getMessage()}") for p in allowed)
    ]
    if unexpected:
        pytest.fail(
            "unexpected log records (declare them with @pytest.mark.allow_logs):\n  "
            + "\n  ".join(unexpected),
            pytrace=False,
        )


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    d = tmp_path / "data"
    return AppPaths(data_dir=d, log_dir=d / "logs")


@pytest.fixture
def vault_service(paths: AppPaths) -> VaultService:
    return VaultService(paths, kdf_params=FAST_KDF, sleep=_no_sleep)


@pytest.fixture
def created(vault_service: VaultService) -> Iterator[CreatedVault]:
    c = vault_service.create(PASSPHRASE, device_label="testlaptop")
    yield c
    c.vault.lock()


@pytest.fixture
def vault(created: CreatedVault) -> OpenVault:
    return created.vault


@pytest.fixture
def clock_now() -> list[datetime]:
    """A settable 'now' for the field services (tests move it instead of sleeping)."""
    return [datetime(2026, 11, 20, 10, 30)]


@pytest.fixture
def field(vault: OpenVault, clock_now: list[datetime]) -> FieldServices:
    return FieldServices(vault, now=lambda: clock_now[0])
