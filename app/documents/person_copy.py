"""The person's own copy: what we agreed and what happens next, in simple Dutch, in large type.

Simple language (B1): short sentences, "u", no jargon. Only the agreements, the next steps and
how to reach the worker: no internal notes, no target groups, no ZRM.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.fiche_data import PersonCopyData
from app.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    build,
    data_table,
    esc,
    fmt_long_date,
    framed,
    heading,
    make_styles,
    new_document,
)

DOCUMENT_TITLE = "Uw afspraken"
BODY_SIZE = 13.5


def build_person_copy(data: PersonCopyData, out: BinaryIO) -> None:
    """Write the person's copy as a PDF to the binary stream `out`."""
    st = make_styles(BODY_SIZE, cell_scale=1.0)
    info = PageInfo(
        f"{DOCUMENT_TITLE} — voor {data.person_name}",
        data.generated_on,
        None,
        furniture_size=10,
    )
    doc = new_document(out, info, subject="Afspraken en volgende stappen")
    story: list[Any] = [
        Paragraph(DOCUMENT_TITLE, st.title),
        Paragraph(f"Voor {esc(data.person_name)}", st.subtitle),
        Spacer(1, 3 * mm),
        Paragraph(
            "Dit blad is voor u. Hier staat wat we samen hebben afgesproken. U leest ook wat de "
            "volgende stappen zijn.",
            st.body,
        ),
    ]
    if data.meeting_at is not None or data.meeting_place or data.receiver:
        story.append(heading("Ons gesprek", st))
        rows: list[tuple[str, str]] = []
        if data.meeting_at is not None:
            when = fmt_long_date(data.meeting_at.date())
            if (data.meeting_at.hour, data.meeting_at.minute) != (0, 0):
                when += f" om {data.meeting_at:%H.%M} uur"
            rows.append(("Wanneer?", when))
        if data.meeting_place:
            rows.append(("Waar?", data.meeting_place))
        if data.receiver:
            rows.append(("Met wie?", f"{data.worker_name}, u en {data.receiver}"))
        story.append(_plain_pairs(rows, st))

    story.append(heading("Wat spraken we af?", st))
    if data.agreements:
        w = CONTENT_WIDTH
        story.append(
            data_table(
                ("Wat?", "Wie doet het?", "Wanneer?"),
                [
                    [a.description, a.owner, fmt_long_date(a.due) if a.due else "nog samen kiezen"]
                    for a in data.agreements
                ],
                (0.4 * w, 0.25 * w, 0.35 * w),
                st,
            )
        )
    else:
        story.append(Paragraph("We maakten nog geen afspraken.", st.body))

    if data.next_steps:
        story.append(heading("Wat gebeurt er nu?", st))
        steps = [
            [Paragraph(f"<b>{i}.</b>", st.body), Paragraph(esc(s), st.body)]
            for i, s in enumerate(data.next_steps, start=1)
        ]
        story.append(
            Table(
                steps,
                colWidths=[9 * mm, CONTENT_WIDTH - 9 * mm],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                ),
            )
        )

    contact = [
        Paragraph("<b>Vragen? Neem contact op.</b>", st.body),
        Paragraph(
            f"Uw outreachwerker is <b>{esc(data.worker_name)}</b>"
            + (f" ({esc(data.worker_function)})" if data.worker_function else "")
            + ".",
            st.body,
        ),
    ]
    if data.worker_phone:
        contact.append(Paragraph(f"Telefoon: <b>{esc(data.worker_phone)}</b>", st.body))
    if data.worker_email:
        contact.append(Paragraph(f"E-mail: <b>{esc(data.worker_email)}</b>", st.body))
    if data.worker_phone:
        contact.append(Paragraph("U mag bellen of een bericht sturen.", st.body))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([framed(contact)]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("Dit blad is van u. U kiest zelf aan wie u het toont.", st.body))
    build(doc, story, info)


def _plain_pairs(rows: list[tuple[str, str]], st: Any) -> Table:
    return Table(
        [[Paragraph(f"<b>{esc(k)}</b>", st.body), Paragraph(esc(v), st.body)] for k, v in rows],
        colWidths=[34 * mm, CONTENT_WIDTH - 34 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )


__all__ = ["BODY_SIZE", "DOCUMENT_TITLE", "build_person_copy"]
