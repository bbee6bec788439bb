"""The readable person export (GDPR art. 15/20), from a synthetic export document."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents.person_export import SECTION_TITLES, build_person_export, fmt_value

PID = "7c1f3a52-0d4e-4e8b-9a51-2f6d0c9b1e01"


def sample_doc(contacts: int = 500) -> dict[str, Any]:
    def meta(i: int, day: str) -> dict[str, Any]:
        return {
            "id": f"rec-{i:04d}",
            "created_at": f"{day}T09:30:00+00:00",
            "updated_at": f"{day}T09:31:00+00:00",
        }

    return {
        "format": "brugfiguur-person-export",
        "version": 1,
        "exported_at": "2025-03-14T15:45:00+00:00",
        "person": {
            "id": PID,
            "created_at": "2024-06-01T10:00:00+00:00",
            "updated_at": "2025-03-01T10:00:00+00:00",
            "alias": "Z.V.",
            "given_name": "Zoë",
            "family_name": "Vermeulen",
            "date_of_birth": "1991-04-23",
            "first_met_on": "2024-06-01",
            "first_met_how": "aanspreken",
            "is_client": True,
            "client_since": "2024-09-15",
            "languages": ["nl", "fr", "ar"],
            "interpreter_needed": False,
            "national_number": None,
            "target_groups": ["nieuwkomer"],
            "phase": "traject",
        },
        "trajectory": [
            {
                **meta(1, "2024-06-01"),
                "person_id": PID,
                "kind": "fase",
                "on": "2024-06-01",
                "phase": "contact",
                "reason": None,
                "outcome": None,
            },
            {
                **meta(2, "2024-09-15"),
                "person_id": PID,
                "kind": "fase",
                "on": "2024-09-15",
                "phase": "traject",
                "reason": "Oriëntering gestart",
                "outcome": None,
            },
        ],
        "follow_ups": [],
        "contacts": [
            {
                **meta(100 + i, "2024-10-01"),
                "occurred_at": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
                "duration_min": 15 + i % 45,
                "channel": "straat" if i % 3 else "telefoon",
                "vindplaats_id": None,
                "place": "Sint-Pietersplein",
                "initiator": "werker",
                "status": "gezien",
                "life_domains": ["werk", "financien"],
                "summary": f"Contact {i}: gesprek over werk en kinderopvang, Zoë is gemotiveerd.",
                "private_note": None,
                "next_contact_at": None,
                "next_contact_note": None,
                "people": [{"person_id": PID, "role": "persoon"}],
                "others": 0,
                "group_activity": None,
                "group_size": 1,
            }
            for i in range(contacts)
        ],
        "agreements": [
            {
                **meta(3, "2025-03-10"),
                "person_id": PID,
                "contact_id": "rec-0100",
                "description": "Attest kinderopvang meebrengen",
                "owner_kind": "persoon",
                "owner_name": None,
                "due_on": "2025-03-18",
                "done_on": None,
            },
        ],
        "network": [
            {
                **meta(4, "2024-11-02"),
                "person_id": PID,
                "kind": "professioneel",
                "relation": "maatschappelijk werker",
                "name": "Lotte Claes",
                "organisation": "OCMW Gent",
                "life_domains": ["financien"],
                "holds_file": True,
            },
        ],
        "drempels": [
            {
                **meta(5, "2024-11-02"),
                "person_id": PID,
                "life_domain": "financien",
                "drempel": "schulden",
                "status": "in_behandeling",
                "since": "2024-11-02",
                "note": "Budgetbegeleiding bij het OCMW",
            },
        ],
        "work_readiness": [
            {
                **meta(6, "2024-12-01"),
                "person_id": PID,
                "item": "stiptheid",
                "assessment": "sterk",
                "note": None,
            },
        ],
        "zrm_assessments": [
            {
                **meta(7, "2025-01-10"),
                "person_id": PID,
                "assessed_on": "2025-01-10",
                "assessor": "Jonas De Smet",
                "edition": "2017",
                "scores": {"financien": {"level": 2, "source": "persoon", "target_level": 3}},
                "corrects_id": None,
                "superseded": False,
            },
        ],
        "consents": [
            {
                **meta(8, "2025-03-10"),
                "person_id": PID,
                "categories": ["motivatie", "traject"],
                "organisation_ids": ["org-vdab"],
                "contact_ids": [],
                "purposes": ["warme_overdracht"],
                "given_how": "mondeling",
                "given_on": "2025-03-10",
                "valid_from": "2025-03-10",
                "valid_until": "2025-09-10",
                "withdrawn_on": None,
                "note": None,
            },
        ],
        "handovers": [
            {
                **meta(9, "2025-03-11"),
                "person_id": PID,
                "type": "trajectbegeleiding",
                "organisation_id": "org-vdab",
                "purpose": "warme_overdracht",
                "why_now": "Mijn dochter gaat nu naar school.",
                "planned_at": "2025-03-18T09:00:00+00:00",
                "practical": {"vervoer": "Fiets en bus"},
                "document_version": 3,
            },
        ],
    }


def pdf_bytes(doc: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    build_person_export(doc, buf)
    return buf.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_500_contacts_all_sections_and_quick() -> None:
    doc = sample_doc(500)
    t = time.perf_counter()
    pdf = pdf_bytes(doc)
    elapsed = time.perf_counter() - t
    assert elapsed < 10, elapsed  # ~1 s on a laptop; loose for a loaded CI machine
    pages = page_texts(pdf)
    text = re.sub(r"\s+", " ", " ".join(pages))
    for key in (
        "person", "trajectory", "follow_ups", "contacts", "agreements", "network", "drempels",
        "work_readiness", "zrm_assessments", "consents", "handovers",
    ):  # fmt: skip
        assert SECTION_TITLES[key] in text, key
    for expected in (
        "Inzage in persoonsgegevens", "Zoë Vermeulen", "Contact 0:", "Contact 499:",
        "Attest kinderopvang meebrengen", "Lotte Claes", "Budgetbegeleiding", "Jonas De Smet",
        "Mijn dochter gaat nu naar school.", "Geen gegevens.", "23/04/1991", "Oriëntering",
        "brugfiguur-person-export, versie 1", "Geboortedatum", "Samenvatting",
    ):  # fmt: skip
        assert expected in text, expected
    n = len(pages)
    assert n > 10
    for i, t_ in enumerate(pages, start=1):
        assert "Vertrouwelijk" in t_
        assert f"pagina {i}/{n}" in t_
        assert "exportversie 1" in t_
    # the contacts table header repeats on every page the table runs over
    contact_pages = [t_ for t_ in pages if "Contact 2" in t_]
    assert len(contact_pages) > 5
    assert all("Gegevens" in t_ and "Datum" in t_ for t_ in contact_pages)


def test_unknown_keys_and_fields_fall_back_to_their_names() -> None:
    doc = sample_doc(2)
    doc["extra_bijlagen"] = [{"id": "x1", "mysterieveld": "inhoud-123"}]
    doc["person"]["nieuw_veld"] = "waarde-456"
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf_bytes(doc))))
    assert "extra_bijlagen" in text
    assert "mysterieveld: inhoud-123" in text
    assert "nieuw_veld" in text and "waarde-456" in text


def test_minimal_document() -> None:
    doc: dict[str, Any] = {
        "format": "brugfiguur-person-export",
        "version": 1,
        "exported_at": "2025-03-14T15:45:00+00:00",
        "person": {"id": PID, "alias": "Z.V."},
    }
    text = " ".join(page_texts(pdf_bytes(doc)))
    assert "Z.V." in text and "pagina 1/2" in text


def test_value_formatting() -> None:
    assert fmt_value(None) == "—"
    assert fmt_value(True) == "ja"
    assert fmt_value(False) == "nee"
    assert fmt_value("2025-03-18") == "18/03/2025"
    assert fmt_value(2.5) == "2,5"
    assert fmt_value(["a", "b"]) == "a, b"
    assert fmt_value({"level": 2}) == "Niveau: 2"
    assert fmt_value("gewone tekst") == "gewone tekst"


def test_renders_not_blank(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    src = tmp_path / "export.pdf"
    src.write_bytes(pdf_bytes(sample_doc(20)))
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "2", str(src), str(tmp_path / "p")],
        check=True,
    )
    pages = sorted(tmp_path.glob("p*.pgm"))
    assert len(pages) == 2
    for f in pages:
        raw = f.read_bytes()
        m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
        assert m
        w, h = int(m[1]), int(m[2])
        pixels = raw[m.end() : m.end() + w * h]
        assert 0.002 < sum(1 for b in pixels if b < 128) / len(pixels) < 0.5
