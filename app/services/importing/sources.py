"""Reading a team's spreadsheet: XLSX (openpyxl, read-only streaming) and CSV as Excel and
LibreOffice write them.

CSV: UTF-8 with or without BOM, UTF-16 ("Unicode-tekst"), or Windows-1252 (what Excel's plain
"CSV" gives in Flanders); comma, semicolon, tab or pipe, sniffed from the rows themselves;
Excel's `sep=;` first line honoured. XLSX: the active sheet (or the one chosen), values as
their cells hold them (date cells as dates), formulas as their last computed value.

The header row is found among the first rows (a title above it, a merged title over all
columns, empty rows are skipped), and an empty header cell takes its name from the cell above
it (a header merged downwards) or from its left neighbour (a header merged across two columns,
"Telefoon" → "Telefoon (2)"). Empty rows anywhere, and trailing ones, are skipped; row numbers
stay those the user sees in Excel. Nothing is written anywhere: the file is only read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.import_values import Cell, fold, header_key, one_line
from app.errors import BrugfiguurError

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 250
MAX_CELL = 100_000
HEADER_SCAN = 30
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
DELIMITERS = (";", ",", "\t", "|")


class SourceError(BrugfiguurError):
    """The file cannot be read as a table (Dutch message; nothing was changed)."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # the row number the user sees in the spreadsheet
    cells: tuple[Cell, ...]  # aligned to the columns


@dataclass(frozen=True)
class SourceInfo:
    path: Path
    format: str  # "xlsx" | "csv"
    columns: tuple[str, ...]
    header_row: int
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    rows_estimate: int | None = None


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _header_text(cell: Cell) -> str | None:
    if _blank(cell):
        return None
    try:
        return one_line(cell)
    except BrugfiguurError:
        return None


# --- header detection -------------------------------------------------------------------------
def find_header(
    rows: Sequence[tuple[int, tuple[Cell, ...]]], known: Callable[[str], bool] | None
) -> int:
    """Index (into `rows`, the first non-empty rows) of the header row: the row naming the most
    known fields; without any, the first row with text in at least half of the widest row."""
    best, best_score = -1, 0
    for i, (_, cells) in enumerate(rows):
        texts = [t for t in (_header_text(c) for c in cells) if t]
        score = sum(1 for t in texts if known is not None and known(t))
        if score > best_score:
            best, best_score = i, score
    if best >= 0 and best_score >= 1:
        # A two-level header ("Persoon" over "Voornaam" and "Naam"): the lower row names the
        # columns; cells it leaves empty take the name above them (see header_names).
        if best + 1 < len(rows) and known is not None:
            cells = rows[best + 1][1]
            texts = [t for t in (_header_text(c) for c in cells) if t]
            only_text = all(isinstance(c, str) for c in cells if not _blank(c))
            hits = sum(1 for t in texts if known(t))
            if only_text and hits >= 2 and hits * 4 >= len(texts) * 3:
                return best + 1
        return best
    widest = max((sum(1 for c in cells if not _blank(c)) for _, cells in rows), default=0)
    for i, (_, cells) in enumerate(rows):
        texts = [c for c in cells if isinstance(c, str) and c.strip()]
        if len(texts) >= max(1, min(2, widest), (widest + 1) // 2):
            return i
    return 0


def header_names(
    rows: Sequence[tuple[int, tuple[Cell, ...]]], header_index: int, width: int
) -> list[str]:
    """Unique column names of the header row, filling cells left empty by merged headers."""
    header = rows[header_index][1]
    above = [cells for _, cells in rows[max(0, header_index - 3) : header_index]][::-1]
    below = [cells for _, cells in rows[header_index + 1 :]]
    names: list[str] = []
    for col in range(width):
        name = _header_text(header[col]) if col < len(header) else None
        if name is None:
            name = next(
                (
                    t
                    for cells in above
                    if col < len(cells) and (t := _header_text(cells[col])) is not None
                ),
                None,
            )
        if name is None:
            has_data = any(col < len(cells) and not _blank(cells[col]) for cells in below)
            if has_data and names and not names[-1].startswith("Kolom "):
                name = names[-1].split(" (")[0]
            else:
                name = f"Kolom {column_letter(col)}"
        names.append(name)
    seen: Counter[str] = Counter()
    unique: list[str] = []
    for name in names:
        seen[header_key(name) or name] += 1
        n = seen[header_key(name) or name]
        unique.append(name if n == 1 else f"{name} ({n})")
    return unique


def _width(rows: Sequence[tuple[int, tuple[Cell, ...]]], header_index: int) -> int:
    def last(cells: tuple[Cell, ...]) -> int:
        for i in range(len(cells) - 1, -1, -1):
            if not _blank(cells[i]):
                return i + 1
        return 0

    width = max((last(cells) for _, cells in rows[header_index:]), default=0)
    if width > MAX_COLUMNS:
        raise SourceError(f"Het bestand heeft meer dan {MAX_COLUMNS} kolommen.")
    return width


class Source:
    """A table read from a file: `info` (columns, header row, …) and `rows()`, which streams
    the rows again on every call. Close it (or use it as a context manager) when done."""

    def __init__(
        self,
        info: SourceInfo,
        reader: Callable[[], Iterator[tuple[int, tuple[Cell, ...]]]],
        close: Callable[[], None] | None = None,
    ) -> None:
        self.info = info
        self._reader = reader
        self._close = close

    def close(self) -> None:
        if self._close is not None:
            self._close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self) -> Iterator[SourceRow]:
        width = len(self.info.columns)
        header_cells: tuple[str, ...] | None = None
        count = 0
        for number, cells in self._reader():
            if number <= self.info.header_row:
                if number == self.info.header_row:
                    header_cells = tuple(fold(str(c or "")) for c in cells[:width])
                continue
            if all(_blank(c) for c in cells):
                continue
            aligned = tuple(cells[:width]) + (None,) * (width - len(cells))
            if header_cells is not None and tuple(fold(str(c or "")) for c in aligned) == (
                header_cells + ("",) * (width - len(header_cells))
            ):
                continue  # the header repeated (an export with one per page)
            count += 1
            if count > MAX_ROWS:
                raise SourceError(
                    f"Het bestand heeft meer dan {MAX_ROWS:,} rijen.".replace(",", ".")
                )
            for c in aligned:
                if isinstance(c, str) and len(c) > MAX_CELL:
                    raise SourceError(
                        f"Rij {number} heeft een cel met meer dan {MAX_CELL:,} tekens.".replace(
                            ",", "."
                        )
                    )
            yield SourceRow(number, aligned)

    def samples(self, per_column: int = 3) -> list[list[str]]:
        """The first non-empty values of each column, as shown in the mapping step."""
        out: list[list[str]] = [[] for _ in self.info.columns]
        for row in self.rows():
            for i, cell in enumerate(row.cells):
                if len(out[i]) < per_column and not _blank(cell):
                    try:
                        out[i].append(one_line(cell) or "")
                    except BrugfiguurError:
                        out[i].append(str(cell))
            if all(len(x) >= per_column for x in out) or row.number > 500:
                break
        return out


# --- opening -------------------------------------------------------------------------------------
def open_source(
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    known: Callable[[str], bool] | None = None,
) -> Source:
    """Open `path` (XLSX or CSV) and find its header. Raises SourceError in Dutch."""
    if not path.is_file():
        raise SourceError(f"Het bestand {path} bestaat niet.")
    size = path.stat().st_size
    if size == 0:
        raise SourceError(f"{path.name} is leeg.")
    if size > MAX_BYTES:
        raise SourceError(f"{path.name} is te groot (meer dan {MAX_BYTES // 2**20} MB).")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        magic = fh.read(8)
    if suffix in (".xls", ".ods", ".numbers") or magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            f"{path.name} is geen .xlsx- of .csv-bestand (een ouder Excel-formaat, een "
            "LibreOffice-bestand of een bestand met een wachtwoord). Open het en bewaar het "
            "als Excel-werkmap (.xlsx) of als CSV, zonder wachtwoord."
        )
    if magic.startswith(b"PK"):
        return _open_xlsx(path, sheet, header_row, known)
    if suffix in XLSX_SUFFIXES:
        raise SourceError(f"{path.name} is geen geldig Excel-bestand (beschadigd?).")
    return _open_csv(path, header_row, known)


def _locate(
    first: list[tuple[int, tuple[Cell, ...]]],
    header_row: int | None,
    known: Callable[[str], bool] | None,
) -> tuple[int, list[str]]:
    if not first:
        raise SourceError("Het bestand bevat geen gegevens.")
    if header_row is not None:
        index = next((i for i, (n, _) in enumerate(first) if n == header_row), None)
        if index is None:
            raise SourceError(
                f"Rij {header_row} is leeg of bestaat niet; kies een andere kopregel."
            )
    else:
        index = find_header(first, known)
    width = _width(first, index)
    if width == 0:
        raise SourceError("De kopregel is leeg.")
    return first[index][0], header_names(first, index, width)


def _first_rows(rows: Iterator[tuple[int, tuple[Cell, ...]]]) -> list[tuple[int, tuple[Cell, ...]]]:
    out = []
    for number, cells in rows:
        if not all(_blank(c) for c in cells):
            out.append((number, cells))
            if len(out) >= HEADER_SCAN:
                break
    return out


# --- XLSX ----------------------------------------------------------------------------------------
def _open_xlsx(
    path: Path, sheet: str | None, header_row: int | None, known: Callable[[str], bool] | None
) -> Source:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # Read-only: rows are streamed from the zip, never all in memory. Loaded once per
        # Source, so the shared strings are parsed once for every pass over the rows.
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise SourceError(
            f"{path.name} kan niet gelezen worden als Excel-werkmap ({type(exc).__name__})."
        ) from exc
    try:
        visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
        names = tuple(ws.title for ws in wb.worksheets)
        if sheet is not None:
            if sheet not in names:
                raise SourceError(f"Het werkblad '{sheet}' bestaat niet in {path.name}.")
            chosen = sheet
        else:
            title = getattr(wb.active, "title", None)
            chosen = title if title in visible else (visible[0] if visible else names[0])
        ws = wb[chosen]
        estimate = ws.max_row if isinstance(ws.max_row, int) and ws.max_row > 1 else None
        # Some writers store a wrong size ("A1"); read what is really there.
        ws.reset_dimensions()

        def reader() -> Iterator[tuple[int, tuple[Cell, ...]]]:
            try:
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    yield number, tuple(_xlsx_cell(v) for v in values)
            except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
                raise SourceError(
                    f"{path.name} is beschadigd en kan niet verder gelezen worden "
                    f"({type(exc).__name__})."
                ) from exc

        first = _first_rows(reader())
        number, columns = _locate(first, header_row, known)
    except BaseException:
        wb.close()
        raise
    data_estimate = None if estimate is None else max(0, estimate - number)
    info = SourceInfo(
        path, "xlsx", tuple(columns), number, chosen, names, rows_estimate=data_estimate
    )
    return Source(info, reader, wb.close)


def _xlsx_cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    from datetime import date, datetime, time, timedelta

    if isinstance(value, datetime | date | time | timedelta):
        return value
    return str(value)


# --- CSV -----------------------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of CSV bytes as Excel and LibreOffice write them."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    head = data[:4000]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: every other byte of plain text is zero.
        le = head[1::2].count(0) > head[0::2].count(0)
        return data.decode("utf-16-le" if le else "utf-16-be", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the same number of fields most often
    (quotes respected, so "Gent, centrum" inside quotes does not count)."""
    sample_lines = text.splitlines()[:60]
    sample = "\n".join(sample_lines)
    best, best_score = ";", (-1, -1, -1)
    for d in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=d) if any(r)]
        except csv.Error:
            continue
        if not counts:
            continue
        modal, freq = Counter(counts).most_common(1)[0]
        if modal < 2:
            continue
        score = (freq, modal, -DELIMITERS.index(d))
        if score > best_score:
            best, best_score = d, score
    return best


def _open_csv(path: Path, header_row: int | None, known: Callable[[str], bool] | None) -> Source:
    data = path.read_bytes()
    text, encoding = decode(data)
    del data
    text = text.replace("\x00", "")
    first_line, _, rest = text.partition("\n")
    delimiter: str | None = None
    skip = 0
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter = first_line.strip()[4]
        text = rest
        skip = 1
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    body = text

    def reader() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        csv.field_size_limit(MAX_CELL + 1)
        records = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False)
        try:
            for number, record in enumerate(records, start=1 + skip):
                yield number, tuple(None if not c.strip() else c for c in record)
        except csv.Error as exc:
            raise SourceError(f"{path.name} kan niet gelezen worden als CSV: {exc}.") from exc

    first = _first_rows(reader())
    number, columns = _locate(first, header_row, known)
    rows = sum(1 for _ in Source(SourceInfo(path, "csv", tuple(columns), number), reader).rows())
    info = SourceInfo(
        path,
        "csv",
        tuple(columns),
        number,
        encoding=encoding,
        delimiter=delimiter,
        rows_estimate=rows,
    )
    return Source(info, reader)
