"""A one-page ZRM overview per person: latest scores, targets, radar and distance travelled.

Built from plain values (`ZrmOverviewData`) and written straight to the path the worker chose,
opened with mode 'xb' so an existing file is never overwritten. The radar is drawn from the same
`RadarData` as the chart on screen. A missing score is printed as "—"; no change is invented.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from app import __version__
from app.documents.charts import radar_drawing
from app.documents.fonts import BOLD, REGULAR, register_fonts
from app.documents.layout import (
    BAND,
    CONTENT_WIDTH,
    INK,
    MUTED,
    RULE,
    PageInfo,
    build,
    new_document,
)
from app.domain.zrm import DomainProgress, Edition, RadarData
from app.errors import BrugfiguurError

DOCUMENT_VERSION = "ZRM-overzicht v1"
DASH = "—"


@dataclass(frozen=True)
class OverviewRow:
    domain: str  # label
    first_level: int | None
    first_on: date | None
    latest_level: int | None
    latest_on: date | None
    change_total: int | None
    change_recent: int | None
    target_level: int | None
    target_date: date | None


@dataclass(frozen=True)
class ZrmOverviewData:
    person: str  # display name, or the alias (discreet mode / pseudonym)
    edition_title: str
    levels: Mapping[int, str]
    rows: tuple[OverviewRow, ...]
    radar: RadarData
    generated_on: date
    latest_on: date | None = None
    next_due_on: date | None = None
    assessments: int = 0
    app_version: str = __version__

    @classmethod
    def from_progress(
        cls,
        person: str,
        edition: Edition,
        progress: Mapping[str, DomainProgress],
        radar: RadarData,
        generated_on: date,
        *,
        next_due_on: date | None = None,
        assessments: int = 0,
    ) -> ZrmOverviewData:
        rows = []
        for d in edition.domains:
            p = progress.get(d.canonical or d.code)
            rows.append(
                OverviewRow(
                    d.label,
                    p.first_level if p else None,
                    p.first_on if p else None,
                    p.latest_level if p else None,
                    p.latest_on if p else None,
                    p.change_total if p else None,
                    p.change_recent if p else None,
                    p.target_level if p else None,
                    p.target_date if p else None,
                )
            )
        latest = max((r.latest_on for r in rows if r.latest_on), default=None)
        return cls(
            person,
            edition.title,
            dict(edition.levels),
            tuple(rows),
            radar,
            generated_on,
            latest,
            next_due_on,
            assessments,
        )


def fmt_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else DASH


def fmt_change(change: int | None) -> str:
    if change is None:
        return DASH
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"−{-change}"  # a real minus sign
    return "0"


def fmt_level(level: int | None, labels: Mapping[int, str] | None = None) -> str:
    if level is None:
        return DASH
    if labels and level in labels:
        return f"{level} · {labels[level]}"
    return str(level)


def build_zrm_overview(data: ZrmOverviewData, out: Path | BinaryIO) -> None:
    """Write the overview PDF to `out` (a new file: an existing one is refused)."""
    if isinstance(out, Path):
        try:
            fh = out.open("xb")
        except FileExistsError:
            raise BrugfiguurError(
                f"Er staat al een bestand {out.name} in die map; kies een andere naam."
            ) from None
        except OSError as exc:
            raise BrugfiguurError(
                f"Het bestand {out.name} kon niet aangemaakt worden ({exc.strerror or exc})."
            ) from None
        try:
            with fh:
                _build(data, fh)
        except BaseException:
            with contextlib.suppress(OSError):
                out.unlink()
            raise
    else:
        _build(data, out)


def _build(data: ZrmOverviewData, fh: BinaryIO) -> None:
    register_fonts()
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    ink, muted, line, band = INK, MUTED, RULE, BAND

    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12, textColor=ink)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=muted)
    title = ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=16, leading=20)
    h2 = ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=14)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    cell_b = ParagraphStyle("cellb", parent=cell, fontName=BOLD)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    info = PageInfo("ZRM-overzicht", data.generated_on, DOCUMENT_VERSION)
    doc = new_document(fh, info, subject="Zelfredzaamheidsmatrix")
    width = CONTENT_WIDTH
    story: list[Any] = []

    # The running header already carries the boxed "VERTROUWELIJK" marking (layout.py).
    head = Paragraph("Zelfredzaamheidsmatrix — overzicht", title)
    story.append(head)
    story.append(Spacer(1, 3 * mm))
    sep = " &nbsp;·&nbsp; "
    meta = [
        f"<b>Persoon:</b> {esc(data.person)}",
        f"<b>Instrument:</b> {esc(data.edition_title)}",
    ]
    when = [
        f"<b>Laatste meting:</b> {fmt_date(data.latest_on)}"
        + (f" ({data.assessments} metingen)" if data.assessments else "")
    ]
    if data.next_due_on:
        when.append(f"<b>Volgende meting gepland:</b> {fmt_date(data.next_due_on)}")
    story.append(Paragraph(sep.join(meta), body))
    story.append(Paragraph(sep.join(when), body))
    story.append(Spacer(1, 4 * mm))

    # radar beside the level legend
    radar = radar_drawing(data.radar, 88 * mm, font=REGULAR, font_size=7.2)
    legend_rows: list[list[Any]] = [[Paragraph("Niveaus", h2), ""]]
    for lvl in sorted(data.levels):
        legend_rows.append(
            [Paragraph(f"<b>{lvl}</b>", cell), Paragraph(esc(data.levels[lvl]), cell)]
        )
    legend = Table(
        legend_rows,
        colWidths=[8 * mm, 60 * mm],
        style=TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, line),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )
    explain = Paragraph(
        "Sinds eerste: laatste score min de eerste score van dat domein. Sinds vorige: "
        "verschil tussen de twee laatste metingen. “—” betekent: geen score, of geen twee "
        "scores om te vergelijken; er wordt geen verschil verondersteld.",
        small,
    )
    right = Table(
        [[legend], [Spacer(1, 4 * mm)], [explain]],
        colWidths=[70 * mm],
        style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]),
    )
    story.append(
        Table(
            [[radar, right]],
            colWidths=[width - 72 * mm, 72 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("Scores, doelen en afgelegde weg", h2))
    story.append(Spacer(1, 1.5 * mm))

    header = ["Domein", "Eerste", "Laatste score", "Sinds eerste", "Sinds vorige", "Doel"]
    rows: list[list[Any]] = [[Paragraph(h, cell_b) for h in header]]
    for r in data.rows:
        first = DASH if r.first_level is None else f"{r.first_level} · {fmt_date(r.first_on)}"
        target = DASH
        if r.target_level is not None:
            target = f"{r.target_level}" + (
                f" tegen {fmt_date(r.target_date)}" if r.target_date else ""
            )
        rows.append(
            [
                Paragraph(esc(r.domain), cell_b),
                Paragraph(first, cell),
                Paragraph(esc(fmt_level(r.latest_level, data.levels)), cell),
                Paragraph(fmt_change(r.change_total), cell),
                Paragraph(fmt_change(r.change_recent), cell),
                Paragraph(target, cell),
            ]
        )
    table = Table(
        rows,
        colWidths=[42 * mm, 26 * mm, 44 * mm, 16 * mm, 16 * mm, width - 144 * mm],
        repeatRows=1,
        style=TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, ink),
                ("LINEBELOW", (0, 1), (-1, -1), 0.35, line),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, band]),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
            ]
        ),
    )
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            "Dit overzicht bevat persoonsgegevens en valt onder het beroepsgeheim. Deel het "
            "alleen binnen wat de persoon toestond.",
            small,
        )
    )
    build(doc, story, info)
