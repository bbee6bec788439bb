"""The person's own copy: simple Dutch, large type, only agreements and next steps."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.fiche_data import AgreementLine, PersonCopyData
from app.documents.person_copy import build_person_copy


def sample_copy() -> PersonCopyData:
    return PersonCopyData(
        generated_on=date(2025, 3, 14),
        person_name="Zoë Vermeulen",
        worker_name="Jonas De Smet",
        worker_phone="0489 65 43 21",
        receiver="VDAB Gent, Oriëntering",
        meeting_at=datetime(2025, 3, 18, 10, 0),
        meeting_place="Buurtcentrum De Brug, Sint-Pietersplein 5, Gent",
        agreements=(
            AgreementLine("Het attest van de kinderopvang meebrengen", "U", date(2025, 3, 18)),
            AgreementLine("Een gesprek bij VDAB plannen", "Amira El Idrissi", date(2025, 3, 25)),
            AgreementLine("Mee naar het eerste gesprek gaan", "Jonas De Smet", None),
        ),
        next_steps=(
            "Op 18/03/2025 om 10.00 uur praten we samen met VDAB Gent in het buurtcentrum.",
            "VDAB Gent laat iets weten tegen 08/04/2025.",
            "Heeft u vragen? Bel of stuur een bericht naar Jonas De Smet (0489 65 43 21).",
        ),
    )


def pdf_bytes(data: PersonCopyData) -> bytes:
    buf = io.BytesIO()
    build_person_copy(data, buf)
    return buf.getvalue()


def flat(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pages))


def sized_text(pdf: bytes) -> list[tuple[str, float]]:
    """(text, effective font size) for every text run, via pypdf's text visitor."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[3] * cm[3]) or 1.0
            runs.append((text.strip(), size * scale))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_text_present_in_simple_dutch() -> None:
    text = flat(pdf_bytes(sample_copy()))
    for expected in (
        "Uw afspraken", "Voor Zoë Vermeulen", "Wat spraken we af?", "Wat gebeurt er nu?",
        "Het attest van de kinderopvang meebrengen", "Amira El Idrissi",
        "dinsdag 18 maart 2025", "dinsdag 25 maart 2025", "nog samen kiezen",
        "Jonas De Smet", "0489 65 43 21", "VDAB Gent, Oriëntering", "Buurtcentrum De Brug",
        "Vragen? Neem contact op.", "pagina 1/1", "Vertrouwelijk",
    ):  # fmt: skip
        assert expected in text, expected


def test_body_type_is_at_least_13_pt() -> None:
    pdf = pdf_bytes(sample_copy())
    runs = sized_text(pdf)
    furniture = re.compile(r"VERTROUWELIJK|^Uw afspraken — voor|gemaakt op|Brugfiguur|pagina \d")
    body = [(t, s) for t, s in runs if not furniture.search(t)]
    assert body, runs
    small = [(t, s) for t, s in body if s < 13]
    assert not small, small
    sizes = dict(body)
    assert any(s >= 13 for t, s in body if "kinderopvang" in t)
    assert max(sizes.values()) > 20  # the title stands out


def test_body_size_in_content_stream() -> None:
    """Belt and braces: every font size set in the page's content is ≥ 13 pt, except the page
    furniture (header and footer at 10 pt)."""
    page = PdfReader(io.BytesIO(pdf_bytes(sample_copy()))).pages[0]
    content = page.get_contents()
    assert content is not None
    raw = content.get_data().decode("latin-1")
    # ReportLab opens each page with an empty text object setting its default font; no text.
    raw = re.sub(r"BT /F\d+ [\d.]+ Tf [\d.]+ TL ET", "", raw)
    sizes = [float(x) for x in re.findall(r"/F[\w+]+\s+([\d.]+)\s+Tf", raw)]
    assert sizes
    assert set(s for s in sizes if s < 13) <= {10.0}
    assert sum(1 for s in sizes if s >= 13) > sum(1 for s in sizes if s < 13)


def test_no_internal_notes_labels_or_zrm() -> None:
    text = flat(pdf_bytes(sample_copy()))
    for forbidden in ("Privé", "privé", "ZRM", "Zelfredzaamheid", "Doelgroep", "doelgroep",
                      "Kwetsbare", "NEET", "Intern"):  # fmt: skip
        assert forbidden not in text, forbidden


def test_no_agreements_and_no_meeting() -> None:
    data = dataclasses.replace(
        sample_copy(),
        agreements=(),
        meeting_at=None,
        meeting_place=None,
        receiver=None,
        worker_phone=None,
        next_steps=(),
    )
    text = flat(pdf_bytes(data))
    assert "We maakten nog geen afspraken." in text
    assert "Ons gesprek" not in text
    assert "Telefoon" not in text
    assert "Jonas De Smet" in text


def test_renders_not_blank(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    src = tmp_path / "copy.pdf"
    src.write_bytes(pdf_bytes(sample_copy()))
    subprocess.run(["pdftoppm", "-gray", "-r", "50", str(src), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p*.pgm"))
    assert len(pages) == 1
    raw = pages[0].read_bytes()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", raw)
    assert m
    w, h = int(m[1]), int(m[2])
    pixels = raw[m.end() : m.end() + w * h]
    dark = sum(1 for b in pixels if b < 128) / len(pixels)
    assert 0.005 < dark < 0.5
