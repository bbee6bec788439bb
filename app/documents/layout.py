"""Shared page furniture for the fiche, the person's copy and the person export.

Every page carries a running header with the document title and a boxed "VERTROUWELIJK"
marking, and a footer with "Vertrouwelijk", the generation date (dd/mm/jjjj), the document
version and "pagina x/y". The total page count is only known at the end, so the canvas keeps
each page's state and draws the furniture when the document is saved.

Also here: one calm palette, paragraph styles in DejaVu Sans (Dutch accents embed), and a few
flowable helpers (section heading, key/value table, data table, framed note).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from app import __version__
from app.documents.fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm  # where text starts; the platypus frame adds its own 6 pt padding
FRAME_PADDING = 6
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
DASH = "—"

INK = colors.HexColor("#2b2f36")
MUTED = colors.HexColor("#5f6670")
RULE = colors.HexColor("#c9ccd1")
BAND = colors.HexColor("#f3f5f8")
ACCENT = colors.HexColor("#1f5f9e")
ACCENT_SOFT = colors.HexColor("#e8f0f8")
MARK = colors.HexColor("#9b1c1c")
NOTICE = colors.HexColor("#b26a00")
NOTICE_SOFT = colors.HexColor("#fff6e5")

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


# --- text helpers ---------------------------------------------------------------------------


def esc(text: object) -> str:
    """Escape for ReportLab's paragraph mark-up; newlines become line breaks."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\r\n", "\n").replace("\n", "<br/>")


def fmt_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else DASH


def fmt_meeting(dt: datetime | None) -> str:
    """'dinsdag 18/03/2025 om 10.00 uur' (no time when it is midnight)."""
    if dt is None:
        return DASH
    day = f"{WEEKDAYS[dt.weekday()]} {dt:%d/%m/%Y}"
    if (dt.hour, dt.minute) == (0, 0):
        return day
    return f"{day} om {dt:%H.%M} uur"


def fmt_long_date(d: date) -> str:
    """'dinsdag 18 maart 2025': the easiest date to read."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


# --- styles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_b: ParagraphStyle
    cell_muted: ParagraphStyle


def make_styles(size: float = 9.5, *, cell_scale: float = 0.92) -> Styles:
    """Paragraph styles scaled from one body size (9.5 pt for workers, ≥ 13 pt for the person);
    table cells are `cell_scale` times the body size."""
    register_fonts()
    lead = size * 1.38
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=size, leading=lead, textColor=INK, spaceAfter=size * 0.3
    )
    small = ParagraphStyle(
        "small", parent=body, fontSize=size * 0.85, leading=size * 1.15, textColor=MUTED
    )
    title = ParagraphStyle(
        "title", parent=body, fontName=BOLD, fontSize=size * 1.9, leading=size * 2.3, spaceAfter=2
    )
    subtitle = ParagraphStyle(
        "subtitle", parent=body, fontSize=size * 1.1, leading=size * 1.5, textColor=MUTED
    )
    h2 = ParagraphStyle(
        "h2",
        parent=body,
        fontName=BOLD,
        fontSize=size * 1.2,
        leading=size * 1.5,
        textColor=ACCENT,
        spaceBefore=size * 1.1,
        spaceAfter=size * 0.45,
        keepWithNext=1,
    )
    h3 = ParagraphStyle(
        "h3",
        parent=body,
        fontName=BOLD,
        fontSize=size,
        leading=lead,
        spaceBefore=size * 0.4,
        spaceAfter=size * 0.2,
        keepWithNext=1,
    )
    cell = ParagraphStyle(
        "cell",
        parent=body,
        fontSize=size * cell_scale,
        leading=size * cell_scale * 1.32,
        spaceAfter=0,
    )
    cell_b = ParagraphStyle("cell_b", parent=cell, fontName=BOLD)
    cell_muted = ParagraphStyle("cell_muted", parent=cell, textColor=MUTED)
    return Styles(body, small, title, subtitle, h2, h3, cell, cell_b, cell_muted)


# --- flowable helpers -----------------------------------------------------------------------


class CellParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its line breaks for a given width. A table that runs over
    many pages wraps each cell again and again (measuring, splitting, drawing); the result only
    depends on the width, so doing it once keeps a 500-row table fast."""

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            super().wrap(availWidth, availHeight)
            self._wrapped_for = availWidth
        return self.width, self.height


def heading(text: str, st: Styles, *, keep_with_next: bool = True) -> Flowable:
    """A section title with a thin rule underneath, kept with what follows (for a very long
    table, pass keep_with_next=False and put a CondPageBreak before it instead: keeping a
    heading with a table of hundreds of rows makes ReportLab measure the whole table)."""
    p = Paragraph(esc(text), st.h2)
    t = Table(
        [[p]],
        colWidths=[CONTENT_WIDTH],
        style=TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )
    t.spaceBefore = st.h2.spaceBefore
    t.spaceAfter = st.h2.spaceAfter
    t.keepWithNext = 1 if keep_with_next else 0
    return t


def kv_table(
    pairs: Iterable[tuple[str, str]],
    st: Styles,
    *,
    key_width: float = 48 * mm,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Label / value rows (values already plain text; escaped here)."""
    rows = [[Paragraph(esc(k), st.cell_b), Paragraph(esc(v) or DASH, st.cell)] for k, v in pairs]
    return Table(
        rows or [[Paragraph(DASH, st.cell), ""]],
        colWidths=[key_width, width - key_width],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.35, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    st: Styles,
    *,
    extra: Sequence[tuple[Any, ...]] = (),
    long: bool = False,
    plain_columns: frozenset[int] = frozenset(),
) -> Table:
    """A table with a bold header row that repeats on every page, banded rows. Cells that are
    strings are escaped and wrapped; other cells (flowables) are used as they are. `long` uses
    ReportLab's LongTable, which splits hundreds of rows over pages without re-measuring them.
    Strings in `plain_columns` are drawn as they are, unwrapped (short values such as numbers
    and dates; much cheaper than a paragraph)."""
    data: list[list[Any]] = [[Paragraph(esc(h), st.cell_b) for h in header]]
    for row in rows:
        data.append(
            [
                CellParagraph(esc(c), st.cell)
                if isinstance(c, str) and i not in plain_columns
                else c
                for i, c in enumerate(row)
            ]
        )
    plain: list[tuple[Any, ...]] = []
    for i in sorted(plain_columns):
        plain += [
            ("FONTNAME", (i, 1), (i, -1), st.cell.fontName),
            ("FONTSIZE", (i, 1), (i, -1), st.cell.fontSize),
            ("LEADING", (i, 1), (i, -1), st.cell.leading),
            ("TEXTCOLOR", (i, 1), (i, -1), st.cell.textColor),
            ("TOPPADDING", (i, 1), (i, -1), 2.5 + st.cell.leading - st.cell.fontSize),
        ]
    return (LongTable if long else Table)(
        data,
        colWidths=list(col_widths),
        repeatRows=1,
        style=TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, BAND]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *plain,
                *extra,
            ]
        ),
    )


def framed(
    content: Sequence[Any],
    *,
    border: colors.Color = ACCENT,
    background: colors.Color = ACCENT_SOFT,
    width: float = CONTENT_WIDTH,
    bar: bool = False,
) -> Table:
    """Flowables in a soft box; `bar` draws only a thick left bar (for quotes)."""
    frame: list[tuple[Any, ...]] = (
        [("LINEBEFORE", (0, 0), (0, -1), 3, border)]
        if bar
        else [("BOX", (0, 0), (-1, -1), 1, border)]
    )
    return Table(
        [[c] for c in content],
        colWidths=[width],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
                *frame,
            ]
        ),
    )


@lru_cache(maxsize=1 << 16)
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


Run = tuple[str, str, colors.Color]  # text, font, colour


class FieldLines(Flowable):  # type: ignore[misc]
    """Label/value text for one record of a long list, wrapped greedily and drawn directly.

    Each block starts on a new line and is a list of runs (text, font, colour), e.g. a bold
    label and its value. Much cheaper than a Paragraph (no mark-up to parse, word widths
    cached), which is what keeps a 500-contact export fast; the line breaks are computed once
    per width. Text is drawn as-is, so it needs no escaping."""

    def __init__(self, blocks: Sequence[Sequence[Run]], size: float, leading: float) -> None:
        super().__init__()
        self._blocks = blocks
        self._size = size
        self._leading = leading
        self._lines: list[list[tuple[float, str, str, colors.Color]]] = []
        self._wrapped_for: float | None = None
        self.width = 0.0
        self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            self._lines = self._break(availWidth)
            self._wrapped_for = availWidth
            self.width = availWidth
            self.height = len(self._lines) * self._leading
        return self.width, self.height

    def _break(self, width: float) -> list[list[tuple[float, str, str, colors.Color]]]:
        size = self._size
        lines: list[list[tuple[float, str, str, colors.Color]]] = []
        for block in self._blocks:
            line: list[tuple[float, str, str, colors.Color]] = []
            x = 0.0
            for text, font, colour in block:
                space = _width(" ", font, size)
                for word in text.split():
                    w = _width(word, font, size)
                    while w > width and len(word) > 1:  # a very long token: cut it
                        cut = max(1, int(len(word) * width / w) - 1)
                        if line:
                            lines.append(line)
                        lines.append([(0.0, word[:cut], font, colour)])
                        line, x = [], 0.0
                        word = word[cut:]
                        w = _width(word, font, size)
                    if line and x + w > width:
                        lines.append(line)
                        line, x = [], 0.0
                    line.append((x, word, font, colour))
                    x += w + space
            if line:
                lines.append(line)
        return lines or [[]]

    def draw(self) -> None:
        c = self.canv
        size = self._size
        y = self.height - size
        for line in self._lines:
            # merge neighbouring words with the same font and colour into one string
            runs: list[tuple[float, list[str], str, colors.Color]] = []
            for x, word, font, colour in line:
                if runs and runs[-1][2] == font and runs[-1][3] == colour:
                    runs[-1][1].append(word)
                else:
                    runs.append((x, [word], font, colour))
            for x, words, font, colour in runs:
                c.setFont(font, size)
                c.setFillColor(colour)
                c.drawString(x, y, " ".join(words) + " ")
            y -= self._leading


# --- page template --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageInfo:
    """What the running header and the footer show on every page."""

    title: str  # running header, e.g. "Overdrachtsfiche"
    generated_on: date
    version: str | None = None  # e.g. "versie 3"; None leaves it out
    furniture_size: float = 7.5  # header/footer type size


def _canvas_class(info: PageInfo) -> type[Canvas]:
    footer_left = f"Vertrouwelijk · gemaakt op {fmt_date(info.generated_on)}"
    footer_mid = f"Brugfiguur {__version__} · {info.version}" if info.version else ""
    size = info.furniture_size

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Keeps each page until the count is known, then draws header and footer."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            w, h = PAGE_WIDTH, PAGE_HEIGHT
            self.saveState()
            # header: title left, boxed marking right
            top = h - 11 * mm
            self.setFillColor(MUTED)
            self.setFont(REGULAR, size)
            self.drawString(MARGIN, top, info.title)
            label = "VERTROUWELIJK"
            lw = self.stringWidth(label, BOLD, size) + 4 * mm
            self.setStrokeColor(MARK)
            self.setLineWidth(0.9)
            self.rect(w - MARGIN - lw, top - size * 0.45, lw, size * 1.7, stroke=1, fill=0)
            self.setFillColor(MARK)
            self.setFont(BOLD, size)
            self.drawCentredString(w - MARGIN - lw / 2, top, label)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, top - size * 0.9, w - MARGIN - lw - 3 * mm, top - size * 0.9)
            # footer
            self.line(MARGIN, 14 * mm, w - MARGIN, 14 * mm)
            self.setFillColor(MUTED)
            self.setFont(REGULAR, size)
            base = 14 * mm - size - 2
            self.drawString(MARGIN, base, footer_left)
            self.drawCentredString(w / 2, base, footer_mid)
            self.drawRightString(w - MARGIN, base, f"pagina {self._pageNumber}/{total}")
            self.restoreState()

    return NumberedCanvas


def new_document(out: BinaryIO, info: PageInfo, *, subject: str = "") -> SimpleDocTemplate:
    """An A4 document writing straight to `out`, with room for header and footer."""
    register_fonts()
    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=20 * mm - FRAME_PADDING,
        bottomMargin=20 * mm - FRAME_PADDING,
        title=info.title,
        author="Brugfiguur",
        subject=subject,
        creator=f"Brugfiguur {__version__}",
    )


def build(doc: SimpleDocTemplate, story: list[Any], info: PageInfo) -> None:
    """Lay out `story` with the running header and numbered footer on every page."""
    doc.build(story, canvasmaker=_canvas_class(info))
