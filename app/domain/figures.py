"""A report as plain data: sections of tables whose cells are counts, shares and averages,
each resting on a known number of people. The screen, the PDF, XLSX, CSV and JSON all draw
from this one structure, and `suppress` turns it into what may leave the team.

A table says which of its counts add up (`GridSpec`: interior rows and columns with the row
and column that hold their totals), so that secondary suppression knows the sums a reader
can use. Shares and averages name the cells they derive from (`refs`) and are hidden with
them. Counts that stand for the same quantity in several tables carry the same `key` and
are hidden everywhere as soon as they are hidden once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.domain import suppression as sup


class Unit(StrEnum):
    PEOPLE = "mensen"
    CONTACTS = "contactmomenten"
    HANDOVERS = "overdrachten"
    TRAJECTORIES = "trajecten"
    FOLLOW_UPS = "opvolgingen"
    SIGNALS = "signalen"
    SPANS = "periodes"
    STEPS_BACK = "stappen terug"
    DREMPELS = "drempels"
    DAYS = "dagen"
    LEVELS = "niveaus"
    SESSIONS = "sessies"
    ATTENDANCES = "aanwezigheden"


CellRef = tuple[int, int]  # (row index, column index) within the table


@dataclass(frozen=True)
class Count:
    value: int
    key: str | None = None  # the same quantity elsewhere in the report has the same key


@dataclass(frozen=True)
class Share:
    """`part` of `whole` (a fraction, shown as a percentage)."""

    part: int
    whole: int
    refs: tuple[CellRef, ...] = ()

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Stat:
    """An average or median over `n` (people, unless the column says otherwise)."""

    value: float | None
    n: int
    kind: str = "mean"  # "mean" | "median"
    refs: tuple[CellRef, ...] = ()


class Mark(StrEnum):
    SMALL = "small"  # a count under the threshold
    PROTECT = "protect"  # hidden so that a small count cannot be computed back
    DERIVED = "derived"  # a share or average that rests on a hidden or small count


@dataclass(frozen=True)
class Hidden:
    mark: Mark
    threshold: int

    def text(self) -> str:
        if self.mark is Mark.SMALL:
            return f"<{self.threshold}"
        return "x" if self.mark is Mark.PROTECT else "–"


Value = Count | Share | Stat | Hidden | None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    unit: Unit | None = None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: tuple[Value, ...]
    total: bool = False


@dataclass(frozen=True)
class GridSpec:
    rows: tuple[int, ...]
    cols: tuple[int, ...]
    total_col: int | None = None
    total_row: int | None = None


class ChartKind(StrEnum):
    BARS = "bars"  # one bar per row (first series), more series side by side
    STACKED = "stacked"  # one bar per row, the series stacked
    FUNNEL = "funnel"  # rows as stages, narrowing
    RANGE = "range"  # from the first series to the second (ZRM first → latest)


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    series: tuple[int, ...]  # columns drawn
    rows: tuple[int, ...] = ()  # rows drawn (default: every row that is not a total)
    scale_max: float | None = None  # fixed axis maximum (e.g. ZRM level 5)
    scale_min: float = 0.0


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    rests_on: Count | Hidden  # the people (or units) the whole table rests on
    rests_on_label: str
    note: str = ""
    grids: tuple[GridSpec, ...] = ()
    chart: Chart | None = None

    def chart_rows(self) -> tuple[int, ...]:
        if self.chart is None:
            return ()
        return self.chart.rows or tuple(i for i, r in enumerate(self.rows) if not r.total)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Report:
    title: str
    start: date
    end: date
    reference: date  # "now" for states (phase, caseload): the end, or today if sooner
    period_label: str
    scope_label: str
    generated_on: date
    sections: tuple[Section, ...]
    definitions: tuple[tuple[str, str], ...] = ()
    sources: tuple[str, ...] = ()
    suppressed_threshold: int | None = None  # set once small cells are hidden
    extra: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def table(self, key: str) -> Table:
        for s in self.sections:
            for t in s.tables:
                if t.key == key:
                    return t
        raise KeyError(key)

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]


# --- helpers to build tables --------------------------------------------------------------------


def count(value: int, key: str | None = None) -> Count:
    return Count(int(value), key)


def share(part: int, whole: int, *refs: CellRef) -> Share:
    return Share(int(part), int(whole), tuple(refs))


def column_grids(
    rows: Sequence[int], cols: Iterable[int], total_row: int | None
) -> tuple[GridSpec, ...]:
    """One additive grid per column (a breakdown with a total row under it)."""
    return tuple(GridSpec(tuple(rows), (c,), None, total_row) for c in cols)


# --- suppression -----------------------------------------------------------------------------


def suppress(report: Report, threshold: int) -> Report:
    """What may leave the team: every count from 1 to threshold-1 hidden ("<t"), more cells
    hidden ("x") where totals would give them away, and every share or average resting on a
    hidden or small count hidden ("–"). Repeats until counts hidden in one table are hidden
    in every table that shows the same quantity."""
    sup.check_threshold(threshold)
    # Only keys shown in more than one table link anything.
    seen: dict[str, set[str]] = {}
    for t in report.tables():
        for row in t.rows:
            for v in row.values:
                if isinstance(v, Count) and v.key is not None:
                    seen.setdefault(v.key, set()).add(t.key)
        if isinstance(t.rests_on, Count) and t.rests_on.key is not None:
            seen.setdefault(t.rests_on.key, set()).add(t.key)
    shared = {k for k, tables in seen.items() if len(tables) > 1}
    hidden_keys: set[str] = set()
    while True:
        states = [_table_states(t, threshold, hidden_keys) for t in report.tables()]
        keys = {
            v.key
            for t, st in zip(report.tables(), states, strict=True)
            for (r, c) in st
            if isinstance(v := t.rows[r].values[c], Count) and v.key is not None
        }
        keys |= {
            t.rests_on.key
            for t in report.tables()
            if isinstance(t.rests_on, Count)
            and t.rests_on.key is not None
            and sup.is_small(t.rests_on.value, threshold)
        }
        keys &= shared
        if keys <= hidden_keys:
            break
        hidden_keys |= keys
    new_tables = iter(
        _apply(t, st, threshold, hidden_keys) for t, st in zip(report.tables(), states, strict=True)
    )
    sections = tuple(
        replace(s, tables=tuple(next(new_tables) for _ in s.tables)) for s in report.sections
    )
    return replace(report, sections=sections, suppressed_threshold=threshold)


def _table_states(t: Table, threshold: int, hidden_keys: set[str]) -> dict[CellRef, sup.State]:
    """Which count cells of `t` are hidden, and why."""
    state: dict[CellRef, sup.State] = {}
    linked: set[CellRef] = set()
    for r, row in enumerate(t.rows):
        for c, v in enumerate(row.values):
            if not isinstance(v, Count):
                continue
            if sup.is_small(v.value, threshold):
                state[(r, c)] = sup.State.PRIMARY
            elif v.key is not None and v.key in hidden_keys:
                state[(r, c)] = sup.State.SECONDARY
            if v.key is not None and v.key in hidden_keys:
                linked.add((r, c))
    for g in t.grids:
        grid, to_table = _grid(t, g)
        from_table = {v: k for k, v in to_table.items()}
        pre = {from_table[cell]: st for cell, st in state.items() if cell in from_table}
        fixed = [from_table[cell] for cell in linked if cell in from_table]
        require = {
            gcell: sup.linked_direction(grid.value(gcell), threshold)
            for gcell in fixed
            if pre.get(gcell) is sup.State.PRIMARY
        }
        result = sup.suppress_grid(grid, threshold, hidden=pre, fixed=fixed, require=require)
        for gcell, st in result.items():
            state[to_table[gcell]] = st
    return state


def _grid(t: Table, g: GridSpec) -> tuple[sup.Grid, dict[sup.Cell, CellRef]]:
    def val(r: int, c: int) -> int:
        v = t.rows[r].values[c]
        if not isinstance(v, Count):
            raise ValueError(f"{t.key}: cell ({r}, {c}) of a grid is not a count")
        return v.value

    cells = tuple(tuple(val(r, c) for c in g.cols) for r in g.rows)
    grid = sup.Grid(cells, row_totals=g.total_col is not None, col_totals=g.total_row is not None)
    mapping: dict[sup.Cell, CellRef] = {}
    for i, r in enumerate(g.rows):
        for j, c in enumerate(g.cols):
            mapping[(i, j)] = (r, c)
        if g.total_col is not None:
            mapping[(i, len(g.cols))] = (r, g.total_col)
    if g.total_row is not None:
        for j, c in enumerate(g.cols):
            mapping[(len(g.rows), j)] = (g.total_row, c)
        if g.total_col is not None:
            mapping[(len(g.rows), len(g.cols))] = (g.total_row, g.total_col)
    for gcell, (r, c) in mapping.items():
        if grid.value(gcell) != val(r, c):
            raise ValueError(f"{t.key}: total at ({r}, {c}) does not add up")
    return grid, mapping


def _apply(
    t: Table, state: dict[CellRef, sup.State], threshold: int, hidden_keys: set[str]
) -> Table:
    def hide(r: int, c: int, v: Value) -> Value:
        if isinstance(v, Count):
            st = state.get((r, c))
            if st is sup.State.PRIMARY:
                return Hidden(Mark.SMALL, threshold)
            if st is sup.State.SECONDARY:
                return Hidden(Mark.PROTECT, threshold)
            return v
        if isinstance(v, Share):
            small = sup.is_small(v.part, threshold) or sup.is_small(v.whole, threshold)
            if small or any(ref in state for ref in v.refs):
                return Hidden(Mark.DERIVED, threshold)
            return v
        if isinstance(v, Stat):
            if v.n < threshold or any(ref in state for ref in v.refs):
                return Hidden(Mark.DERIVED, threshold)
            return v
        return v

    rows = tuple(
        replace(row, values=tuple(hide(r, c, v) for c, v in enumerate(row.values)))
        for r, row in enumerate(t.rows)
    )
    base = t.rests_on
    if isinstance(base, Count):
        linked = base.key is not None and any(
            isinstance(v := t.rows[r].values[c], Count) and v.key == base.key for r, c in state
        )
        if sup.is_small(base.value, threshold):
            base = Hidden(Mark.SMALL, threshold)
        elif linked or (base.key is not None and base.key in hidden_keys):
            base = Hidden(Mark.PROTECT, threshold)
    return replace(t, rows=rows, rests_on=base)


def hidden_count_cells(t: Table) -> list[CellRef]:
    return [
        (r, c)
        for r, row in enumerate(t.rows)
        for c, v in enumerate(row.values)
        if isinstance(v, Hidden) and v.mark is not Mark.DERIVED
    ]
