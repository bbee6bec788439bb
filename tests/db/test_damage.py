"""A damaged vault file: `check` finds it, and every later error says "damaged", in Dutch, with
exit code 2, never "read-only", and SQLCipher's own log lines stay off the terminal."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.errors import VaultCorrupt
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.vault import CreatedVault, VaultService
from app.settings import STALE_AFTER_WEEKS
from tests.conftest import PASSPHRASE

PAGE = 4096  # SQLCipher 4's page size


@pytest.fixture
def filled(created: CreatedVault) -> tuple[Path, dict[str, int]]:
    """A locked vault with 30 fictional people, everything folded into vault.db; returns its
    data dir and the root pages of its tables."""
    generate_demo(FieldServices(created.vault), 30, contacts_per_person=6)
    with created.vault.context.engine.connect() as conn:
        roots = {
            str(name): int(page)
            for name, page in conn.execute(
                text("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")
            )
        }
    data_dir = created.vault.paths.data_dir
    created.vault.lock()  # the last connection's close folds the WAL into vault.db
    assert not (data_dir / "vault.db-wal").exists()
    return data_dir, roots


def _flip(db: Path, page: int, at: int = 200) -> None:
    """Flip one byte inside page `page` (1-based), as a bad sector or a tamperer would."""
    with db.open("r+b") as fh:
        fh.seek((page - 1) * PAGE + at)
        byte = fh.read(1)
        fh.seek((page - 1) * PAGE + at)
        fh.write(bytes([byte[0] ^ 0x5A]))


def _cli(argv: list[str], data_dir: Path) -> int:
    r, w = os.pipe()
    os.write(w, (PASSPHRASE + "\n").encode())
    os.close(w)
    try:
        return main([*argv, "--data-dir", str(data_dir), "--passphrase-fd", str(r)])
    finally:
        os.close(r)


def test_check_passes_an_intact_vault(
    filled: tuple[Path, dict[str, int]], capfd: pytest.CaptureFixture[str]
) -> None:
    data_dir, _ = filled
    assert _cli(["check"], data_dir) == 0
    assert capfd.readouterr().out.strip() == "ok"


@pytest.mark.allow_logs("database integrity check failed", "command check failed: VaultCorrupt")
def test_check_finds_one_flipped_byte_in_a_middle_page(
    filled: tuple[Path, dict[str, int]], capfd: pytest.CaptureFixture[str]
) -> None:
    data_dir, _ = filled
    db = data_dir / "vault.db"
    pages = db.stat().st_size // PAGE
    assert pages > 20
    _flip(db, pages // 2)
    span = slice((pages // 2 - 1) * PAGE, (pages // 2) * PAGE)
    before = db.read_bytes()[span]
    code = _cli(["check"], data_dir)
    out, err = capfd.readouterr()  # fd level: SQLCipher writes its log to fd 2 itself
    assert code == 2, err
    assert out.strip() != "ok"
    assert "beschadigd" in err and "1 beschadigde pagina in de databank" in err
    assert "ERROR CORE" not in err and "HMAC" not in err, "SQLCipher's log reached the terminal"
    # Unlocking writes its audit entries; the damaged page itself is left as it was.
    assert db.read_bytes()[span] == before


# The lock's audit entry is a synced record: writing it reads the damaged pages too.
@pytest.mark.allow_logs("command people failed: VaultCorrupt", "lock not audited: VaultCorrupt")
def test_reading_a_damaged_page_says_damaged_not_read_only(
    filled: tuple[Path, dict[str, int]], capfd: pytest.CaptureFixture[str]
) -> None:
    """Issue 11: after an HMAC failure SQLCipher refuses writes as "readonly"; the worker was
    told the folder is read-only (exit 1)."""
    data_dir, roots = filled
    _flip(data_dir / "vault.db", roots["people"])
    code = _cli(["people"], data_dir)
    err = capfd.readouterr().err
    assert code == 2, err
    assert "beschadigd" in err
    assert "alleen-lezen" not in err and "ERROR CORE" not in err


@pytest.mark.allow_logs("database integrity check failed", "lock not audited: VaultCorrupt")
def test_services_raise_vault_corrupt_for_a_damaged_page(
    filled: tuple[Path, dict[str, int]], vault_service: VaultService
) -> None:
    data_dir, roots = filled
    _flip(data_dir / "vault.db", roots["contact_moments"])
    vault = vault_service.unlock(PASSPHRASE)
    field = FieldServices(vault)
    people = field.caseload.rows()
    assert people
    with pytest.raises(VaultCorrupt):
        for p in people:
            field.contacts.timeline(p.id)
    # A write after the failed read: SQLCipher says "readonly"; the disk is writable.
    with pytest.raises(VaultCorrupt) as caught:
        vault.settings.change(STALE_AFTER_WEEKS, 9)
    assert "beschadigd" in caught.value.message
    with pytest.raises(VaultCorrupt):
        vault.verify_database()
    with contextlib.suppress(VaultCorrupt):
        vault.lock()  # the LOCK audit entry cannot be written either; it closes anyway
    assert not vault.is_open
