"""An imported canary is found nowhere in clear outside the vault: not in the database files,
the logs, the vocabulary files or the mapping the wizard saves, nor in a temporary file."""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

import openpyxl

from app.domain.import_kinds import Kind
from app.logs import setup_logging, teardown_logging
from app.paths import AppPaths
from app.services.field import FieldServices
from app.services.importing import NewTerm
from app.services.vault import VaultService
from tests.conftest import CANARY, FAST_KDF, PASSPHRASE
from tests.db.test_canary import _files_containing

NOW = datetime(2026, 11, 20, 10, 30)


def _temp_files_with(needles: list[bytes], since: float, mine: Path) -> list[str]:
    """New files in the temp dir holding a needle, other than the test's own input files."""
    found = []
    for p in Path(tempfile.gettempdir()).rglob("*"):
        if p.is_relative_to(mine):
            continue
        try:
            if p.is_file() and p.stat().st_mtime >= since and p.stat().st_size < 50_000_000:
                data = p.read_bytes()
                if any(n in data for n in needles):
                    found.append(str(p))
        except OSError:
            continue
    return found


def test_an_imported_canary_stays_inside_the_vault(paths: AppPaths, tmp_path: Path) -> None:
    # Unique to this run: other test runs on the machine write the shared CANARY too.
    canary = f"{CANARY}-{uuid.uuid4().hex[:8]}"
    outside = tmp_path / "team"  # the team's own files, beside the data dir
    outside.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Dossiernr", "Voornaam", "Naam", "Hoe ontmoet", "Opmerking"])
    ws.append(["CL-1", "Zoë", canary, "via via", f"Notitie {canary}"])
    ws.append(["CL-2", "Jan", "Peeters", "via via", "31/02 is geen datum"])
    caseload = outside / "caseload.xlsx"
    wb.save(caseload)
    contacts = outside / "contacten.csv"
    contacts.write_bytes(
        (
            "Dossiernummer;Datum;Kanaal;Verslag;Opmerking\r\n"
            f"CL-1;18/11/2026 10:00;huisbez.;Verslag {canary};Privé {canary}\r\n"
        ).encode("cp1252")
    )
    needles = [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("cp1252")]
    setup_logging(paths.log_dir, level=logging.DEBUG)
    try:
        started = datetime.now().timestamp() - 1
        vault = VaultService(paths, kdf_params=FAST_KDF).create(PASSPHRASE).vault
        field = FieldServices(vault, now=lambda: NOW)
        imports = field.imports
        people = imports.inspect(caseload, Kind.PEOPLE).mapping
        assert imports.check(caseload, people).created == 2
        assert imports.run(caseload, people, valid_only=False).created == 2
        mapping = imports.inspect(contacts, Kind.CONTACTS).mapping.with_new_term(
            "channels", NewTerm("veldwerk", "Veldwerk")
        )
        report = imports.run(contacts, mapping, valid_only=False)
        assert report.created == 1 and field.caseload.search(canary[:12])
        imports.save_mapping(mapping, paths.data_dir / "koppeling.json")
        imports.write_template(Kind.PEOPLE, paths.data_dir / "sjabloon.xlsx")
        logging.getLogger("test").info("an id-only line %s", vault.device.device_id)
        assert (paths.data_dir / "vocabularies" / "channels.json").is_file()
        # While unlocked, with the WAL full of the import's pages.
        assert _files_containing(paths.data_dir, needles) == []
        vault.lock()
        assert _files_containing(paths.data_dir, needles) == []
        assert list(paths.log_dir.glob("*.log"))
        assert _temp_files_with(needles, started, outside) == []
    finally:
        teardown_logging()
