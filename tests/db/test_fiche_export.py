"""The fiche and exports as real files: consent-filtered PDFs read back with pypdf and pdftotext,
AES-256 passwords, no partial files, and the headless commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import StorageError
from app.services.field import FieldServices
from app.services.sharing import ConsentInput
from tests.conftest import PASSPHRASE
from tests.db.conftest import HEALTH, PRIVATE, WHY


def _pdf_text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password is not None:
        assert reader.is_encrypted
        reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def _consent(field: FieldServices, sharing: dict[str, str], *cats: str) -> None:
    field.consents.record(
        ConsentInput(
            sharing["pid"],
            cats,
            ("warme_overdracht",),
            "schriftelijk",
            date(2026, 11, 1),
            organisation_ids=(sharing["vdab"],),
        )
    )


def test_fiche_pdf_holds_consented_sections_only(
    field: FieldServices, sharing, tmp_path: Path, vault
) -> None:  # type: ignore[no-untyped-def]
    _consent(field, sharing, "persoonsgegevens", "motivatie", "situatie", "traject")
    out = tmp_path / "fiche.pdf"
    field.handovers.export_fiche(sharing["h"], out)
    text = _pdf_text(out)
    assert "Zoë Vermeulen" in text and WHY in text.replace("\n", "")
    assert "Huisvesting" in text and "Cv meebrengen" in text
    assert "Vertrouwelijk" in text and "pagina 1/" in text.lower()
    # The worker is a person with a name, organisation and number, not "Outreachwerker".
    flat = " ".join(text.split())
    assert "Jonas De Smet" in flat and "Outreach Gent-Zuid" in flat
    assert "+32489654321" in flat and "Outreachwerker Outreachwerker" not in flat
    for absent in (PRIVATE, HEALTH, "Opvang tot 17 uur", "Dr. X"):
        assert absent not in text, absent
    assert ("fiche_exported", sharing["h"]) in [
        (e.event, e.record_id) for e in vault.audit.entries()
    ]
    # Pages render and are not blank.
    if shutil.which("pdftoppm"):
        png = subprocess.run(
            ["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(out)],
            capture_output=True,
            check=True,
        ).stdout
        pixels = png[png.index(b"255\n") + 4 :]
        assert min(pixels) < 100 and max(pixels) > 200


def test_password_protected_fiche_opens_only_with_the_password(
    field: FieldServices, sharing, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _consent(field, sharing, "motivatie")
    out = tmp_path / "beveiligd.pdf"
    field.handovers.export_fiche(sharing["h"], out, password="triogesprek-2026")
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("fout wachtwoord") == 0
    assert WHY in _pdf_text(out, "triogesprek-2026").replace("\n", "")
    assert b"/AESV3" in out.read_bytes()  # AES-256, not RC4
    if shutil.which("pdftotext"):
        denied = subprocess.run(["pdftotext", str(out), "-"], capture_output=True)
        assert denied.returncode != 0 and WHY.encode() not in denied.stdout
        ok = subprocess.run(
            ["pdftotext", "-upw", "triogesprek-2026", str(out), "-"],
            capture_output=True,
            check=True,
        )
        assert WHY.encode() in ok.stdout.replace(b"\n", b"")


def test_existing_or_unwritable_paths_leave_nothing_behind(
    field: FieldServices, sharing, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "usb"
    target.mkdir()
    out = target / "fiche.pdf"
    out.write_bytes(b"van iemand anders")
    with pytest.raises(StorageError) as info:
        field.handovers.export_fiche(sharing["h"], out)
    assert "bestaat al" in info.value.message and out.read_bytes() == b"van iemand anders"
    with pytest.raises(StorageError):
        field.handovers.export_fiche(sharing["h"], target / "bestaat-niet" / "fiche.pdf")
    assert sorted(p.name for p in target.iterdir()) == ["fiche.pdf"]


def test_person_copy_and_pdf_export(field: FieldServices, sharing, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "kopie.pdf"
    field.handovers.export_person_copy(sharing["h"], copy)
    text = _pdf_text(copy)
    assert "Cv meebrengen" in text and PRIVATE not in text and HEALTH not in text
    flat = " ".join(text.split())
    assert "Uw outreachwerker is Jonas De Smet (straathoekwerker)." in flat
    assert "+32489654321" in flat and "jonas.desmet@outreach-gent.be" in flat
    assert "uw outreachwerker is uw outreachwerker" not in flat.lower()
    export = tmp_path / "alles.pdf"
    field.rights.export(sharing["pid"], "pdf", export)
    assert "Vermeulen" in _pdf_text(export)


def _cli(
    data_dir: Path, *args: str, secrets: tuple[str, ...] = (PASSPHRASE,)
) -> subprocess.CompletedProcess[str]:
    fds, extra = [], []
    for flag, secret in zip(("--passphrase-fd", "--password-fd"), secrets, strict=False):
        r, w = os.pipe()
        os.write(w, (secret + "\n").encode())
        os.close(w)
        fds.append(r)
        extra += [flag, str(r)]
    try:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args, *extra],
            capture_output=True,
            text=True,
            pass_fds=fds,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
    finally:
        for fd in fds:
            os.close(fd)


def test_headless_people_fiche_export_and_erase(
    field: FieldServices, sharing, vault, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _consent(field, sharing, "persoonsgegevens", "motivatie")
    data_dir = vault.paths.data_dir
    vault.lock()  # the CLI opens the vault itself
    p = _cli(data_dir, "people")
    assert p.returncode == 0, p.stderr
    people = json.loads(p.stdout)
    assert people == [{"id": sharing["pid"], "alias": "Zoë", "name": "Zoë Vermeulen"}]
    p = _cli(data_dir, "handovers", "--person", sharing["pid"])
    assert [h["id"] for h in json.loads(p.stdout)] == [sharing["h"]]
    out = tmp_path / "fiche.pdf"
    p = _cli(
        data_dir,
        "fiche",
        "--handover",
        sharing["h"],
        "--out",
        str(out),
        secrets=(PASSPHRASE, "een sterk pdf-wachtwoord"),
    )
    assert p.returncode == 0, p.stderr
    assert PdfReader(out).is_encrypted
    p = _cli(data_dir, "fiche", "--handover", sharing["h"], "--out", str(out))
    assert p.returncode == 1 and "bestaat al" in p.stderr
    p = _cli(
        data_dir,
        "export-person",
        "--person",
        sharing["pid"],
        "--format",
        "json",
        "--out",
        str(tmp_path / "x.json"),
    )
    assert (
        p.returncode == 0
        and json.loads((tmp_path / "x.json").read_text())["person"]["alias"] == "Zoë"
    )
    p = _cli(data_dir, "erase-person", "--person", sharing["pid"])
    assert p.returncode == 0, p.stderr
    assert json.loads(_cli(data_dir, "people").stdout) == []
    p = _cli(data_dir, "erase-person", "--person", sharing["pid"])
    assert p.returncode == 1 and "niet gevonden" in p.stderr
