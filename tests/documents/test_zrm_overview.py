"""The ZRM overview PDF: read back with pypdf, rendered with pdftoppm, never overwriting."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.charts import radar_points, radar_segments, wrap_label
from app.documents.zrm_overview import ZrmOverviewData, build_zrm_overview, fmt_change
from app.domain.zrm import Assessment, DomainScore, progress, radar
from app.errors import BrugfiguurError
from app.services.zrm import editions

ED = editions()["2017"]
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _data() -> ZrmOverviewData:
    codes = ED.codes()
    first = {c: DomainScore(c, 1 + i % 3, source="persoon") for i, c in enumerate(codes)}
    first["justitie"] = DomainScore("justitie", None, "niet besproken")
    latest = {
        c: DomainScore(c, min(5, 2 + i % 4), source="observatie") for i, c in enumerate(codes)
    }
    latest["huisvesting"] = DomainScore(
        "huisvesting", 1, source="partner", target_level=3, target_date=date(2027, 3, 1)
    )
    runs = [
        Assessment("a", "p", date(2026, 2, 1), "An", "2017", first, "1"),
        Assessment("b", "p", date(2026, 8, 1), "An", "2017", latest, "2"),
    ]
    prog = progress(runs, editions())
    return ZrmOverviewData.from_progress(
        "Rosa (R.V.)",
        ED,
        prog,
        radar(prog, ED),
        date(2026, 11, 20),
        next_due_on=date(2026, 11, 1),
        assessments=2,
    )


def test_pdf_has_domains_levels_targets_and_markings(tmp_path: Path) -> None:
    out = tmp_path / "zrm.pdf"
    build_zrm_overview(_data(), out)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())  # labels may wrap in a cell
    for d in ED.domains:
        assert d.label in text
    for label in ED.levels.values():
        assert label in text
    assert "3 tegen 01/03/2027" in text  # huisvesting's target
    assert "1 · Acute problematiek" in text  # latest huisvesting score with its label
    assert "VERTROUWELIJK" in text and "Vertrouwelijk" in text
    assert "pagina 1/1" in text and "20/11/2026" in text and "ZRM-overzicht v1" in text
    assert "Rosa (R.V.)" in text
    assert "—" in text  # justitie has one score only: no change invented


def test_existing_file_is_refused_in_dutch(tmp_path: Path) -> None:
    out = tmp_path / "zrm.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(BrugfiguurError, match="al een bestand"):
        build_zrm_overview(_data(), out)
    assert out.read_bytes() == b"keep me"


def test_binary_stream_and_missing_folder(tmp_path: Path) -> None:
    buf = io.BytesIO()
    build_zrm_overview(_data(), buf)
    assert buf.getvalue().startswith(b"%PDF")
    with pytest.raises(BrugfiguurError, match="kon niet aangemaakt"):
        build_zrm_overview(_data(), tmp_path / "nergens" / "zrm.pdf")


def test_empty_person_still_makes_an_honest_page(tmp_path: Path) -> None:
    prog = progress([], editions())
    data = ZrmOverviewData.from_progress("Mo", ED, prog, radar(prog, ED), date(2026, 11, 20))
    out = tmp_path / "leeg.pdf"
    build_zrm_overview(data, out)
    text = PdfReader(out).pages[0].extract_text()
    assert "Financiën" in text and "—" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_page_renders_not_blank_and_is_kept_as_docs_png(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "zrm.pdf"
    build_zrm_overview(_data(), out)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(out), str(tmp_path / "page")],
        check=True,
    )
    png = tmp_path / "page.png"
    img = Image.open(png).convert("L")
    dark = sum(img.histogram()[:200])
    assert dark > 0.02 * img.width * img.height
    if DOCS.is_dir():
        subprocess.run(
            ["pdftoppm", "-png", "-r", "90", "-singlefile", str(out), str(DOCS / "zrm-overview")],
            check=True,
        )


def test_shared_geometry_leaves_gaps_for_missing_scores() -> None:
    pts = radar_points((3, None, 4, 2), 100)
    assert pts[1] is None
    segs = radar_segments(pts)
    assert len(segs) == 2  # 3–4 … 4-2 and 2–3 (wrap); nothing through the gap
    assert fmt_change(-2) == "−2" and fmt_change(None) == "—" and fmt_change(0) == "0"
    assert wrap_label("Maatschappelijke participatie") == ["Maatschappelijke", "participatie"]
