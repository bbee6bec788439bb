"""The warm-handover fiche for the triogesprek: A4, calm and printable.

Laid out from `FicheData` only. The services have already applied the consent rule: a field that
is None was not consented, and its section is left out entirely (not even its title). Without
consent the fiche says so and holds only the parties and the meeting.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.charts import has_values, radar_drawing
from app.documents.fiche_data import AgreementLine, DomainLine, FicheData, NetworkLine, Party
from app.documents.fonts import REGULAR
from app.documents.layout import (
    BAND,
    CONTENT_WIDTH,
    DASH,
    INK,
    MARK,
    MUTED,
    NOTICE,
    NOTICE_SOFT,
    RULE,
    PageInfo,
    Styles,
    build,
    data_table,
    esc,
    fmt_date,
    fmt_meeting,
    framed,
    heading,
    kv_table,
    make_styles,
    new_document,
)

DOCUMENT_TITLE = "Overdrachtsfiche"

# Section titles, in the order they appear. Tests use these to check what is (not) shown.
TITLES = {
    "parties": "Betrokkenen",
    "meeting": "Datum en plaats van het gesprek",
    "consent": "Toestemming en wat gedeeld wordt",
    "why_now": "Waarom nu, in de woorden van de persoon",
    "goals": "Doelen en jobdoelwit",
    "strengths": "Sterktes en competenties",
    "domains": "Situatie per levensdomein",
    "practical": "Praktische aandachtspunten",
    "network": "Het netwerk rond de persoon",
    "admin": "Administratieve situatie",
    "route": "Voorgestelde route of maatregel",
    "agreements": "Afspraken",
    "feedback": "Terugkoppeling en opvolging",
    "early_warning": "Signaalplan",
    "employer": "Werkgever",
    "signatures": "Bevestiging en handtekeningen",
}
NO_CONSENT = (
    "Geen toestemming: er is geen geldige toestemming om informatie over deze persoon te "
    "delen. Deze fiche bevat daarom alleen de betrokkenen en het gesprek."
)
# Early-warning colours: always printed together with the word, never colour alone.
SIGNAL_COLOURS = {
    "groen": colors.HexColor("#2e7d4f"),
    "oranje": colors.HexColor("#d9822b"),
    "rood": colors.HexColor("#b3261e"),
}


def build_fiche(data: FicheData, out: BinaryIO) -> None:
    """Write the fiche as a PDF to the binary stream `out`."""
    st = make_styles(9.5)
    info = PageInfo(DOCUMENT_TITLE, data.generated_on, f"versie {data.document_version}")
    doc = new_document(out, info, subject=f"{data.handover_type} — {data.purpose}")
    story: list[Any] = []
    _title(story, data, st)
    _parties(story, data.parties, st)
    _meeting(story, data, st)
    if not data.has_consent:
        story.append(Spacer(1, 4 * mm))
        box = [Paragraph(f"<b>{esc(NO_CONSENT)}</b>", st.body)]
        box += [Paragraph(esc(line), st.body) for line in data.consent_lines]
        story.append(framed(box, border=MARK, background=colors.HexColor("#fbeeee")))
        build(doc, story, info)
        return
    _consent(story, data, st)
    if data.why_now is not None:
        story.append(heading(TITLES["why_now"], st))
        quote = Paragraph(f"“{esc(data.why_now.strip())}”", st.body)
        story.append(framed([quote], bar=True, background=BAND))
    if data.goals is not None or data.job_target is not None:
        title = TITLES["goals"]
        if data.job_target is None:
            title = "Doelen"
        elif data.goals is None:
            title = "Jobdoelwit"
        story.append(heading(title, st))
        if data.goals is not None:
            story.append(Paragraph(esc(data.goals), st.body))
        if data.job_target is not None:
            story.append(Paragraph(f"<b>Jobdoelwit:</b> {esc(data.job_target)}", st.body))
    if data.strengths is not None:
        story.append(heading(TITLES["strengths"], st))
        story.append(_bullets(data.strengths, st))
    if data.domains is not None or data.radar is not None:
        story.append(heading(TITLES["domains"], st))
        story += _domains(data, st)
    if data.practical is not None:
        story.append(heading(TITLES["practical"], st))
        story.append(_pairs(data.practical, st))
    if data.network is not None:
        story.append(heading(TITLES["network"], st))
        story.append(_network(data.network, st))
    if data.admin is not None:
        story.append(heading(TITLES["admin"], st))
        story.append(_pairs(data.admin, st))
    if data.route is not None:
        story.append(heading(TITLES["route"], st))
        story.append(Paragraph(esc(data.route), st.body))
    if data.agreements is not None:
        story.append(heading(TITLES["agreements"], st))
        story.append(_agreements(data.agreements, st))
    if data.feedback is not None:
        story.append(heading(TITLES["feedback"], st))
        story.append(Paragraph(esc(data.feedback), st.body))
    if data.early_warning is not None:
        story.append(heading(TITLES["early_warning"], st))
        story.append(_early_warning(data.early_warning, st))
    if data.employer is not None:
        story.append(heading(TITLES["employer"], st))
        story.append(_pairs(data.employer, st))
    story.append(_signatures(data, st))
    build(doc, story, info)


# --- sections ---------------------------------------------------------------------------------


def _title(story: list[Any], data: FicheData, st: Styles) -> None:
    story.append(Paragraph(DOCUMENT_TITLE, st.title))
    story.append(Paragraph(esc(data.handover_type), st.subtitle))
    story.append(
        Paragraph(
            f"Over <b>{esc(data.person_label)}</b> &nbsp;·&nbsp; doel: {esc(data.purpose)}",
            st.subtitle,
        )
    )
    story.append(Spacer(1, 1 * mm))


def _parties(story: list[Any], parties: tuple[Party, ...], st: Styles) -> None:
    story.append(heading(TITLES["parties"], st))
    rows = [[p.role, p.name, p.organisation or DASH, p.contact or DASH] for p in parties]
    if not rows:
        rows = [[DASH, DASH, DASH, DASH]]
    w = CONTENT_WIDTH
    story.append(
        data_table(
            ("Rol", "Naam", "Organisatie", "Contact"),
            rows,
            (0.2 * w, 0.26 * w, 0.28 * w, 0.26 * w),
            st,
        )
    )


def _meeting(story: list[Any], data: FicheData, st: Styles) -> None:
    story.append(heading(TITLES["meeting"], st))
    when = fmt_meeting(data.meeting_at) if data.meeting_at else "nog af te spreken"
    where = data.meeting_place or "nog af te spreken"
    story.append(kv_table((("Wanneer", when), ("Waar", where)), st, key_width=30 * mm))


def _consent(story: list[Any], data: FicheData, st: Styles) -> None:
    story.append(heading(TITLES["consent"], st))
    if data.consent_lines:
        story.append(_bullets(data.consent_lines, st))
    if data.override_note:
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            framed(
                [
                    Paragraph("<b>Uitzondering op de toestemming</b>", st.body),
                    Paragraph(esc(data.override_note), st.body),
                ],
                border=NOTICE,
                background=NOTICE_SOFT,
            )
        )
        story.append(Spacer(1, 1.5 * mm))
    if data.withheld:
        story.append(Paragraph(f"<b>Niet gedeeld:</b> {esc(', '.join(data.withheld))}.", st.body))


def _bullets(items: tuple[str, ...], st: Styles) -> Any:
    if not items:
        return Paragraph("Niets genoteerd.", st.cell_muted)
    rows = [[Paragraph("•", st.body), Paragraph(esc(x), st.body)] for x in items]
    return Table(
        rows,
        colWidths=[5 * mm, CONTENT_WIDTH - 5 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )


def _pairs(pairs: tuple[tuple[str, str], ...], st: Styles) -> Any:
    if not pairs:
        return Paragraph("Niets genoteerd.", st.cell_muted)
    return kv_table(pairs, st)


def _domains(data: FicheData, st: Styles) -> list[Any]:
    lines: tuple[DomainLine, ...] = data.domains or ()
    with_drempels = [d for d in lines if d.drempels or d.zrm_level is None]
    zrm_only = [d for d in lines if not d.drempels and d.zrm_level is not None]
    out: list[Any] = []
    w = CONTENT_WIDTH
    if with_drempels:
        show_zrm = any(d.zrm_level is not None for d in with_drempels)
        rows: list[list[Any]] = []
        groups: list[tuple[Any, ...]] = []  # one band per domain, not per drempel
        for g, d in enumerate(with_drempels):
            items = d.drempels or (("Geen drempels genoteerd", ""),)
            first = len(rows) + 1
            for j, (label, status) in enumerate(items):
                row: list[Any] = [d.domain if j == 0 else "", label, status or DASH]
                if show_zrm:
                    row.append(_zrm(d) if j == 0 else "")
                rows.append(row)
            last = first + len(items) - 1
            bg = BAND if g % 2 else colors.white
            groups.append(("BACKGROUND", (0, first), (-1, last), bg))
            if last > first:
                groups.append(("LINEBELOW", (0, first), (-1, last - 1), 0.35, bg))
        header = ["Levensdomein", "Drempel", "Stand van zaken"]
        widths = [0.27 * w, 0.43 * w, 0.3 * w]
        if show_zrm:
            header.append("ZRM (laatste)")
            widths = [0.24 * w, 0.34 * w, 0.2 * w, 0.22 * w]
        out.append(data_table(header, rows, widths, st, extra=groups))
    elif data.domains is not None and not zrm_only:
        out.append(Paragraph("Geen drempels genoteerd.", st.cell_muted))
    radar = data.radar if data.radar is not None and has_values(data.radar) else None
    zrm_table = None
    if zrm_only:
        zrm_rows = [[d.domain.removeprefix("ZRM "), _zrm(d)] for d in zrm_only]
        zrm_width = w - 84 * mm if radar is not None else w
        zrm_table = data_table(
            ("ZRM-domein", "Laatste score"), zrm_rows, (zrm_width * 0.5, zrm_width * 0.5), st
        )
    if radar is not None or zrm_table is not None:
        out.append(Spacer(1, 3 * mm))
        out.append(Paragraph("Zelfredzaamheid (ZRM)", st.h3))
    if radar is not None:
        chart = radar_drawing(radar, 80 * mm, font=REGULAR, font_size=6.8)
        left: Any = (
            zrm_table
            if zrm_table is not None
            else Paragraph(
                "De radar toont de eerste en de laatste meting en het doel per domein.",
                st.cell_muted,
            )
        )
        out.append(
            Table(
                [[left, chart]],
                colWidths=[w - 84 * mm, 84 * mm],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ]
                ),
            )
        )
    elif zrm_table is not None:
        out.append(zrm_table)
    return out


def _zrm(d: DomainLine) -> str:
    if d.zrm_level is None:
        return DASH
    return f"{d.zrm_level}" + (f" · {d.zrm_label}" if d.zrm_label else "")


def _network(lines: tuple[NetworkLine, ...], st: Styles) -> Any:
    if not lines:
        return Paragraph("Niets genoteerd.", st.cell_muted)
    w = CONTENT_WIDTH
    rows = [[n.name, n.relation, n.organisation or DASH, n.role or DASH] for n in lines]
    return data_table(
        ("Wie", "Relatie", "Organisatie", "Wat doen ze"),
        rows,
        (0.22 * w, 0.2 * w, 0.26 * w, 0.32 * w),
        st,
    )


def _agreements(lines: tuple[AgreementLine, ...], st: Styles) -> Any:
    if not lines:
        return Paragraph("Nog geen afspraken.", st.cell_muted)
    w = CONTENT_WIDTH
    rows = [[a.description, a.owner, fmt_date(a.due) if a.due else "geen datum"] for a in lines]
    return data_table(("Wat", "Wie", "Tegen wanneer"), rows, (0.58 * w, 0.24 * w, 0.18 * w), st)


def _early_warning(lines: tuple[tuple[str, str], ...], st: Styles) -> Any:
    if not lines:
        return Paragraph("Niets genoteerd.", st.cell_muted)
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for i, (colour, what) in enumerate(lines, start=1):
        fill = SIGNAL_COLOURS.get(colour.strip().lower(), MUTED)
        swatch = Table(
            [[""]],
            colWidths=[4 * mm],
            rowHeights=[4 * mm],
            style=TableStyle(
                [("BACKGROUND", (0, 0), (-1, -1), fill), ("BOX", (0, 0), (-1, -1), 0.5, INK)]
            ),
        )
        label = Table(
            [[swatch, Paragraph(f"<b>{esc(colour)}</b>", st.cell)]],
            colWidths=[6 * mm, 22 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        rows.append([label, what])
        extra.append(("LINEBEFORE", (0, i), (0, i), 3, fill))
    w = CONTENT_WIDTH
    return data_table(("Signaal", "Wat doen we dan"), rows, (0.2 * w, 0.8 * w), st, extra=extra)


def _signatures(data: FicheData, st: Styles) -> Any:
    people = data.signatures or tuple(
        p for p in data.parties if p.role in ("Persoon", "Outreachwerker", "Ontvanger")
    )
    person = next((p.name for p in people if p.role == "Persoon"), data.person_label)
    parts: list[Any] = [heading(TITLES["signatures"], st)]
    parts.append(
        Paragraph(
            f"Ik, <b>{esc(person)}</b>, heb deze fiche samen doorgenomen. Wat erin staat, klopt "
            f"en mag gedeeld worden met de ontvanger, voor: {esc(data.purpose)}. Ik weet dat ik "
            "mijn toestemming altijd kan intrekken.",
            st.body,
        )
    )
    parts.append(Spacer(1, 3 * mm))
    if people:
        cols = max(1, min(3, len(people)))
        col_w = CONTENT_WIDTH / cols
        cells = [_signature_block(p, st) for p in people]
        grid = [cells[i : i + cols] for i in range(0, len(cells), cols)]
        for row in grid:
            row += [""] * (cols - len(row))
        parts.append(
            Table(
                grid,
                colWidths=[col_w] * cols,
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                    ]
                ),
            )
        )
    return KeepTogether(parts)


def _signature_block(p: Party, st: Styles) -> Any:
    who = [Paragraph(esc(p.role), st.cell_muted), Paragraph(f"<b>{esc(p.name)}</b>", st.cell)]
    who.append(Paragraph(esc(p.organisation) if p.organisation else "&nbsp;", st.cell_muted))
    rows: list[list[Any]] = [[w] for w in who]
    rows += [
        [Spacer(1, 12 * mm)],
        [Paragraph("Handtekening", st.cell_muted)],
        [Spacer(1, 5 * mm)],
        [Paragraph("Datum: &nbsp;&nbsp;&nbsp;&nbsp;/ &nbsp;&nbsp;&nbsp;&nbsp;/", st.cell_muted)],
    ]
    return Table(
        rows,
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 3), (0, 3), 0.7, MUTED),
                ("LINEBELOW", (0, 5), (0, 5), 0.7, RULE),
            ]
        ),
    )


__all__ = ["DOCUMENT_TITLE", "NO_CONSENT", "TITLES", "build_fiche"]
