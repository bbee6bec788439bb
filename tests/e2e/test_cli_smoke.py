"""Smoke test of the headless commands as a fresh clone runs them (`python -m app …`).

The thorough CLI tests live with the CLI (tests/unit, tests/db); this only proves that the
entry point, the production KDF and the migrations work end to end in a child process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.e2e._support import PASSPHRASE, describe, run_with_secrets

APP = [sys.executable, "-m", "app"]


def test_help_lists_the_commands() -> None:
    proc, _ = run_with_secrets([*APP, "--help"])
    assert proc.returncode == 0, describe(proc)
    for command in ("init", "check", "change-passphrase", "backup", "restore"):
        assert command in proc.stdout


def test_init_check_and_wrong_passphrase(tmp_path: Path) -> None:
    data = str(tmp_path / "kluis")

    proc, _ = run_with_secrets(
        [*APP, "--data-dir", data, "init", "--passphrase-fd", "{fd0}"], [PASSPHRASE]
    )
    assert proc.returncode == 0, describe(proc)
    assert proc.stdout.strip(), "init should print the recovery key on stdout"
    assert PASSPHRASE not in proc.stdout + proc.stderr

    proc, _ = run_with_secrets(
        [*APP, "--data-dir", data, "check", "--passphrase-fd", "{fd0}"], [PASSPHRASE]
    )
    assert proc.returncode == 0, describe(proc)
    assert proc.stdout.strip() == "ok"

    proc, _ = run_with_secrets(
        [*APP, "--data-dir", data, "check", "--passphrase-fd", "{fd0}"],
        ["dit is niet de juiste zin"],
    )
    assert proc.returncode == 2, describe(proc)
    assert proc.stdout.strip() != "ok"
