"""The team report as a PDF for funders and steering: on every page the shared header with
the "VERTROUWELIJK" marking and a numbered footer; first the period, scope and date, then per
section its charts and tables (every table with the people it rests on), then the legend of
the hidden cells, the definitions and the sources. Built from a suppressed report."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from app.documents.charts import chart_data, report_chart_drawing
from app.documents.fonts import BOLD, REGULAR
from app.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    Styles,
    build,
    data_table,
    esc,
    framed,
    heading,
    kv_table,
    make_styles,
    new_document,
)
from app.documents.report_tabular import fmt_value, header_lines, legend, rests_on_text
from app.domain.figures import Report, Table


def _table(t: Table, st: Styles) -> list[Any]:
    label_w = min(62 * mm, CONTENT_WIDTH * 0.36)
    n = len(t.columns)
    other = (CONTENT_WIDTH - label_w) / max(n, 1)
    rows = [
        [r.label, *(fmt_value(v, c) for c, v in zip(t.columns, r.values, strict=True))]
        for r in t.rows
    ]
    total_rows = [i + 1 for i, r in enumerate(t.rows) if r.total]
    extra: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    for i in total_rows:
        extra += [
            ("FONTNAME", (0, i), (-1, i), BOLD),
            ("LINEABOVE", (0, i), (-1, i), 0.6, "#2b2f36"),
        ]
    table = data_table(
        ["", *(c.label for c in t.columns)],
        rows,
        [label_w, *([other] * n)],
        st,
        extra=extra,
        plain_columns=frozenset(range(1, n + 1)),
    )
    foot = rests_on_text(t) + (f" {t.note}" if t.note else "")
    parts: list[Any] = [Paragraph(esc(t.title), st.h3)]
    data = chart_data(t)
    if data is not None:
        parts.append(report_chart_drawing(data, CONTENT_WIDTH, font=REGULAR, bold=BOLD))
        parts.append(Spacer(1, 3))
    return [
        CondPageBreak(60 * mm),
        KeepTogether([*parts, table, Paragraph(esc(foot), st.small), Spacer(1, 6)]),
    ]


def build_report_pdf(report: Report) -> bytes:
    st = make_styles(9.0)
    buf = io.BytesIO()
    info = PageInfo(f"{report.title} · {report.period_label}", report.generated_on)
    doc = new_document(buf, info, subject=report.scope_label)
    story: list[Any] = [
        Paragraph(esc(report.title), st.title),
        Paragraph(esc(f"{report.period_label} · {report.scope_label}"), st.subtitle),
        Spacer(1, 6),
        kv_table(header_lines(report), st, key_width=36 * mm),
        Spacer(1, 6),
        framed(
            [
                Paragraph(
                    esc(
                        "Vertrouwelijk. Dit rapport bevat alleen geaggregeerde cijfers, geen "
                        "namen. Elk cijfer staat bij het aantal mensen waarop het rust."
                    ),
                    st.body,
                )
            ]
        ),
    ]
    for s in report.sections:
        story.append(CondPageBreak(80 * mm))
        story.append(heading(s.title, st))
        if s.intro:
            story.append(Paragraph(esc(s.intro), st.body))
        for t in s.tables:
            story += _table(t, st)
    story.append(CondPageBreak(50 * mm))
    story.append(heading("Tekens, begrippen en bronnen", st))
    leg = legend(report)
    if leg:
        story.append(kv_table(leg, st, key_width=14 * mm))
        story.append(Spacer(1, 6))
    story.append(kv_table(report.definitions, st, key_width=36 * mm))
    story.append(Spacer(1, 6))
    for src in report.sources:
        story.append(Paragraph(esc(src), st.small))
    build(doc, story, info)
    return buf.getvalue()
