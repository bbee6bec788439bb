"""A report as XLSX, CSV and JSON, and the Dutch formatting of its figures (shared with the
PDF and the screen). Exports are made from a suppressed report: hidden cells carry their mark
("<5", "x", "–"), never a number.

JSON carries every figure with its denominator: a count with the total of its column (or the
people the table rests on), a share with its numerator and denominator, an average with the
number it rests on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from app import __version__
from app.domain.figures import Column, Count, Hidden, Report, Share, Stat, Table, Unit, Value

JSON_FORMAT = "brugfiguur-report"
JSON_VERSION = 1
LEGEND = (
    ("<{t}", "minder dan {t}: een klein aantal, verborgen"),
    ("x", "verborgen zodat een klein aantal niet uit de totalen terug te rekenen is"),
    ("–", "niet getoond: rust op een verborgen of te klein aantal"),
)


# --- formatting (nl-BE) --------------------------------------------------------------------------


def fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def fmt_decimal(x: float, digits: int = 1, *, sign: bool = False) -> str:
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    return text.replace(".", ",")


def fmt_value(v: Value, col: Column | None = None) -> str:
    """How a cell reads: 1.234 · 73% · 2,4 · +0,6 · <5 · x · –."""
    if v is None:
        return ""
    if isinstance(v, Hidden):
        return v.text()
    if isinstance(v, Count):
        return fmt_int(v.value)
    if isinstance(v, Share):
        value = v.value
        return "" if value is None else f"{round(value * 100):d}%"
    if v.value is None:
        return ""
    if col is not None and col.unit is Unit.DAYS:
        return fmt_int(round(v.value))
    if col is not None and col.key == "change":
        return fmt_decimal(v.value, 1, sign=True)
    return fmt_decimal(v.value, 1)


def legend(report: Report) -> list[tuple[str, str]]:
    t = report.suppressed_threshold
    if t is None:
        return []
    return [(a.format(t=t), b.format(t=t)) for a, b in LEGEND]


def rests_on_text(t: Table) -> str:
    return f"Rust op {fmt_value(t.rests_on)} {t.rests_on_label}."


def header_lines(report: Report) -> list[tuple[str, str]]:
    lines = [
        ("Periode", f"{report.period_label} ({report.start:%d/%m/%Y} – {report.end:%d/%m/%Y})"),
        ("Toestand op", f"{report.reference:%d/%m/%Y}"),
        ("Bereik", report.scope_label),
        ("Gemaakt op", f"{report.generated_on:%d/%m/%Y}"),
    ]
    if report.suppressed_threshold is not None:
        lines.append(
            (
                "Kleine aantallen",
                f"aantallen onder {report.suppressed_threshold} verborgen, ook waar ze uit "
                "totalen terug te rekenen zouden zijn",
            )
        )
    return lines


# --- JSON -----------------------------------------------------------------------------------------


def _column_totals(t: Table) -> dict[int, int]:
    out: dict[int, int] = {}
    for row in t.rows:
        if row.total:
            for c, v in enumerate(row.values):
                if isinstance(v, Count):
                    out[c] = v.value
    return out


def _cell(t: Table, v: Value, col: Column, c: int, totals: dict[int, int]) -> dict[str, Any]:
    if isinstance(v, Hidden):
        return {"value": None, "hidden": v.text()}
    if isinstance(v, Count):
        cell: dict[str, Any] = {"value": v.value, "unit": str(col.unit or "")}
        if c in totals:
            cell["denominator"] = totals[c]
        elif isinstance(t.rests_on, Count):
            cell["denominator"] = t.rests_on.value
            cell["denominator_unit"] = t.rests_on_label
        return cell
    if isinstance(v, Share):
        return {"value": v.value, "numerator": v.part, "denominator": v.whole}
    assert isinstance(v, Stat)
    return {"value": v.value, "statistic": v.kind, "rests_on": v.n, "unit": str(col.unit or "")}


def report_dict(report: Report) -> dict[str, Any]:
    sections = []
    for s in report.sections:
        tables = []
        for t in s.tables:
            totals = _column_totals(t)
            base: dict[str, Any] = (
                {"value": t.rests_on.value}
                if isinstance(t.rests_on, Count)
                else {"value": None, "hidden": t.rests_on.text()}
            )
            base["unit"] = t.rests_on_label
            tables.append(
                {
                    "key": t.key,
                    "title": t.title,
                    "note": t.note,
                    "rests_on": base,
                    "columns": [
                        {"key": c.key, "label": c.label, "unit": str(c.unit or "")}
                        for c in t.columns
                    ],
                    "rows": [
                        {
                            "key": r.key,
                            "label": r.label,
                            "total": r.total,
                            "cells": {
                                col.key: _cell(t, v, col, i, totals)
                                for i, (col, v) in enumerate(zip(t.columns, r.values, strict=True))
                                if v is not None
                            },
                        }
                        for r in t.rows
                    ],
                }
            )
        sections.append({"key": s.key, "title": s.title, "intro": s.intro, "tables": tables})
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "generator": f"Brugfiguur {__version__}",
        "title": report.title,
        "period": {
            "start": report.start.isoformat(),
            "end": report.end.isoformat(),
            "label": report.period_label,
        },
        "reference_date": report.reference.isoformat(),
        "scope": report.scope_label,
        "generated_on": report.generated_on.isoformat(),
        "confidential": True,
        "suppression": None
        if report.suppressed_threshold is None
        else {"threshold": report.suppressed_threshold},
        "definitions": [{"term": a, "definition": b} for a, b in report.definitions],
        "sources": list(report.sources),
        "sections": sections,
    }


def report_json(report: Report) -> bytes:
    return (json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV ------------------------------------------------------------------------------------------

CSV_HEADER = ("onderdeel", "tabel", "rij", "kolom", "waarde", "noemer", "eenheid")


def _cells(report: Report) -> Iterator[tuple[str, ...]]:
    for s in report.sections:
        for t in s.tables:
            totals = _column_totals(t)
            for r in t.rows:
                for c, (col, v) in enumerate(zip(t.columns, r.values, strict=True)):
                    if v is None:
                        continue
                    cell = _cell(t, v, col, c, totals)
                    den = cell.get("denominator")
                    unit = str(col.unit or "") if not isinstance(v, Share) else "aandeel"
                    yield (
                        s.title,
                        t.title,
                        r.label,
                        col.label,
                        fmt_value(v, col) if not isinstance(v, Count) else str(v.value),
                        "" if den is None or isinstance(v, Hidden) else str(den),
                        unit,
                    )


def report_csv(report: Report) -> bytes:
    """One figure per line, with its denominator: semicolons and a BOM, as Excel in Belgium
    opens it."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["# Vertrouwelijk", report.title, report.period_label, report.scope_label])
    w.writerow(CSV_HEADER)
    for line in _cells(report):
        w.writerow(line)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# --- XLSX -----------------------------------------------------------------------------------------


def report_xlsx(report: Report) -> bytes:
    """A workbook: an overview sheet (period, scope, date, marking, legend, glossary), then one
    sheet per section with its tables; numbers stay numbers, shares are percentages."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    mark_font = Font(bold=True, color="9B1C1C")
    band = PatternFill("solid", fgColor="F3F5F8")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Overzicht"
    ws.append([report.title])
    ws["A1"].font = title_font
    ws.append(["VERTROUWELIJK — geaggregeerde cijfers, geen namen"])
    ws["A2"].font = mark_font
    for k, v in header_lines(report):
        ws.append([k, v])
    ws.append([])
    leg = legend(report)
    if leg:
        ws.append(["Tekens"])
        ws.cell(ws.max_row, 1).font = bold
        for k, v in leg:
            ws.append([k, v])
        ws.append([])
    ws.append(["Begrippen"])
    ws.cell(ws.max_row, 1).font = bold
    for k, v in report.definitions:
        ws.append([k, v])
    ws.append([])
    ws.append(["Bronnen"])
    ws.cell(ws.max_row, 1).font = bold
    for src in report.sources:
        ws.append([src])
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    used: set[str] = {"Overzicht"}
    for s in report.sections:
        name = s.title[:28].replace("/", "-").replace(":", "")
        while name in used:
            name = name[:26] + "_"
        used.add(name)
        sh = wb.create_sheet(name)
        sh.append([s.title])
        sh.cell(1, 1).font = title_font
        sh.append([s.intro])
        sh.cell(2, 1).alignment = Alignment(wrap_text=False)
        width = 1
        for t in s.tables:
            sh.append([])
            sh.append([t.title])
            sh.cell(sh.max_row, 1).font = bold
            sh.append(["", *(c.label for c in t.columns)])
            for i in range(len(t.columns) + 1):
                sh.cell(sh.max_row, i + 1).font = bold
            width = max(width, len(t.columns) + 1)
            for r in t.rows:
                values: list[Any] = [r.label]
                for col, cell in zip(t.columns, r.values, strict=True):
                    values.append(_xlsx_value(cell, col))
                sh.append(values)
                line = sh.max_row
                for c, cell in enumerate(r.values, start=2):
                    if isinstance(cell, Share) and cell.value is not None:
                        sh.cell(line, c).number_format = "0%"
                    elif isinstance(cell, Stat) and cell.value is not None:
                        sh.cell(line, c).number_format = "0.0"
                    elif isinstance(cell, Hidden):
                        sh.cell(line, c).alignment = Alignment(horizontal="right")
                if r.total:
                    for c in range(1, len(t.columns) + 2):
                        sh.cell(line, c).font = bold
                        sh.cell(line, c).fill = band
            sh.append([rests_on_text(t) + (f" {t.note}" if t.note else "")])
        sh.column_dimensions["A"].width = 44
        for i in range(2, width + 1):
            sh.column_dimensions[get_column_letter(i)].width = 16
    buf = io.BytesIO()
    wb.properties.creator = f"Brugfiguur {__version__}"
    wb.properties.title = report.title
    wb.save(buf)
    return buf.getvalue()


def _xlsx_value(v: Value, col: Column) -> Any:
    if v is None:
        return None
    if isinstance(v, Hidden):
        return v.text()
    if isinstance(v, Count):
        return v.value
    if isinstance(v, Share):
        return v.value
    return None if v.value is None else round(v.value, 2)
