"""Restores that keep their promises: an erased person does not come back from an older backup,
header and database are swapped as one step even across a crash, and a damaged backup says so
in Dutch without touching the vault."""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import BackupDamaged
from app.models import ContactMoment, Person, Purge
from app.paths import AppPaths
from app.services import restore_journal
from app.services.audit import AuditEvent
from app.services.backup import backup_vault, restore_vault
from app.services.contacts import ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.vault import CreatedVault, VaultService
from app.settings import STALE_AFTER_WEEKS
from tests.conftest import CANARY, FAST_KDF, PASSPHRASE


@pytest.fixture
def two_people(created: CreatedVault, tmp_path: Path) -> tuple[str, str, Path]:
    """Two people with contacts (one deleted), a backup of them, then one of them erased."""
    f = FieldServices(created.vault)
    zoe = f.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond", note=CANARY)
    )
    rik = f.people.create_pseudonym(PseudonymInput("Rik", date(2026, 1, 5), "mond_aan_mond"))
    for day, who in ((3, zoe), (4, zoe), (5, rik)):
        f.contacts.create(
            ContactInput(
                datetime(2026, 11, day, 9),
                "telefoon",
                (Participant(who),),
                summary=f"gesprek {CANARY}",
            )
        )
    gone = f.contacts.timeline(zoe)[0].id
    f.contacts.delete(gone)
    backup = tmp_path / "oud.bfbackup"
    backup_vault(created.vault, backup)
    f.rights.erase(zoe, PASSPHRASE)  # after the backup, before any sync (offline laptop)
    created.vault.lock()
    return zoe, rik, backup


def test_an_older_backup_does_not_bring_back_an_erased_person(
    two_people: tuple[str, str, Path], paths: AppPaths
) -> None:
    zoe, rik, backup = two_people
    result = restore_vault(paths, backup, passphrase=PASSPHRASE)
    assert result.erasures_reapplied == 1 and result.erasures_checked
    vault = VaultService(paths, kdf_params=FAST_KDF).unlock(PASSPHRASE)
    try:
        f = FieldServices(vault)
        assert [r.id for r in f.caseload.rows()] == [rik]
        with vault.context.read() as s:
            assert s.get(Person, zoe) is None
            left = [c for c in s.scalars(select(ContactMoment))
                    if any(p["person_id"] == zoe for p in c.people)]  # fmt: skip
            assert left == [], "a (deleted) contact moment of the erased person came back"
            purge = s.scalars(select(Purge).where(Purge.person_id == zoe)).one()
            assert purge.pushed_at is None, "the erasure must still reach the store"
        restored = [e for e in vault.audit.entries(20) if e.event == AuditEvent.RESTORE]
        assert restored and "1 wissingen opnieuw toegepast" in (restored[0].detail or "")
    finally:
        vault.lock()


def test_a_restore_into_a_new_folder_has_nothing_to_carry_over(
    two_people: tuple[str, str, Path], tmp_path: Path
) -> None:
    _, _, backup = two_people
    fresh = AppPaths(tmp_path / "nieuw", tmp_path / "nieuw" / "logs")
    result = restore_vault(fresh, backup, passphrase=PASSPHRASE)
    assert result.erasures_checked and result.erasures_reapplied == 0
    assert result.previous_kept_at is None


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


# Renames of a restore: the journal (written atomically), the current header and database
# moved aside, the staged database and header moved in. It dies after 1 to 4 of them.
@pytest.mark.allow_logs("an interrupted restore was finished")
@pytest.mark.parametrize("crash_after", [1, 2, 3, 4])
def test_a_crash_during_the_swap_is_finished_at_the_next_start(
    created: CreatedVault,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    crash_after: int,
) -> None:
    """Issue 11: a crash in the middle of a restore left a database without vault.json, and
    the app then said to run `init`. The process "dies" after `crash_after` renames."""
    v = created.vault
    v.settings.change(STALE_AFTER_WEEKS, 9)
    backup = tmp_path / "b.bfbackup"
    backup_vault(v, backup)
    v.settings.change(STALE_AFTER_WEEKS, 11)
    v.lock()
    real_replace = os.replace
    calls = [0]

    class Killed(BaseException):
        pass

    def dying_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if calls[0] == crash_after:
            raise Killed
        calls[0] += 1
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(Killed):
        restore_vault(paths, backup, passphrase=PASSPHRASE)
    monkeypatch.setattr(os, "replace", real_replace)
    assert (paths.data_dir / restore_journal.JOURNAL_NAME).exists()
    service = VaultService(paths, kdf_params=FAST_KDF)  # the next start
    assert service.exists(), "the half-restored vault must not look like no vault at all"
    vault = service.unlock(PASSPHRASE)
    try:
        assert vault.settings.value(STALE_AFTER_WEEKS) == 9
    finally:
        vault.lock()
    assert not (paths.data_dir / restore_journal.JOURNAL_NAME).exists()
    kept = [p for p in paths.data_dir.iterdir() if p.name.startswith("vervangen-")]
    assert len(kept) == 1 and (kept[0] / "vault.json").exists()
    old = VaultService(AppPaths(kept[0], tmp_path / "l"), kdf_params=FAST_KDF).unlock(PASSPHRASE)
    try:
        assert old.settings.value(STALE_AFTER_WEEKS) == 11
    finally:
        old.lock()


def test_a_damaged_backup_says_so_and_changes_nothing(
    created: CreatedVault, paths: AppPaths, tmp_path: Path
) -> None:
    """Issue 11: a byte flipped inside the stored database gave "Onverwachte fout
    (BadZipFile)"."""
    backup = tmp_path / "b.bfbackup"
    backup_vault(created.vault, backup)
    created.vault.lock()
    with zipfile.ZipFile(backup) as zf:
        info = zf.getinfo("vault.db")
    raw = bytearray(backup.read_bytes())
    at = info.header_offset + 30 + len(info.filename) + 5000  # inside the member's data
    raw[at] ^= 0x01
    bad = tmp_path / "kapot.bfbackup"
    bad.write_bytes(bytes(raw))
    before = _tree(paths.data_dir)
    with pytest.raises(BackupDamaged) as caught:
        restore_vault(paths, bad, passphrase=PASSPHRASE)
    assert "back-upbestand is beschadigd" in caught.value.message
    assert caught.value.exit_code == 2
    assert _tree(paths.data_dir) == before
    assert not [p for p in paths.data_dir.iterdir() if p.name.endswith(".bftmp")]
