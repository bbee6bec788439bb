"""Small-cell suppression for figures that leave the team (DESIGN.md §11).

Primary suppression hides every count under the threshold, zero included (shown as "<5": a
zero can tell as much as a one, e.g. "none of the three found work"). Secondary suppression
hides more cells (shown as "x") until no small cell can be computed back from the totals
published beside it.

The model is a count table ("grid") with optional row totals and column totals. Write each row
total as minus itself and each column total as minus itself, keep the grand total as it is:
then every row and every column of the (m+1)×(n+1) matrix sums to zero. Whoever reads the
export knows the published cells, knows each "<5" cell lies in 1…t-1 and each "x" cell in
{0} ∪ t…∞, and knows those zero sums. A hidden cell can be recomputed exactly only if no other
table fits all of that with a different value in that cell.

Two integer tables that fit differ by a matrix whose rows and columns sum to zero, which splits
into alternating cycles (+1, -1, +1, …) over hidden cells of a bipartite graph of rows and
columns. So a hidden cell keeps its secret exactly when one step of +1 or -1 along such a cycle
through it stays inside every cell's range: a path search, no linear programming.

Cells whose value is also published in another table (`fixed` below) are held still in the
search: an alternative that moved them would have to fit that other table too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3  # with 2, two hidden ones under a hidden total of two are both 1
MAX_THRESHOLD = 50

Cell = tuple[int, int]  # (row, column) in grid coordinates, margins included


class State(StrEnum):
    SHOWN = "shown"
    PRIMARY = "primary"  # 0 ≤ value < threshold: shown as "<t"
    SECONDARY = "secondary"  # hidden to protect a primary cell: shown as "x"
    ABSENT = "absent"  # not published at all (e.g. a table without row totals)


@dataclass(frozen=True)
class Grid:
    """An m×n table of counts, with the row totals (column n) and the column totals (row m)
    that will be published, or None where they are not. The grand total sits at (m, n) when
    both kinds of totals are published."""

    cells: tuple[tuple[int, ...], ...]
    row_totals: bool = True
    col_totals: bool = True

    @property
    def m(self) -> int:
        return len(self.cells)

    @property
    def n(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    @cached_property
    def _full(self) -> tuple[tuple[int, ...], ...]:
        """The (m+1)×(n+1) matrix of values, margins included."""
        rows = [(*row, sum(row)) for row in self.cells]
        totals = tuple(sum(row[c] for row in rows) for c in range(self.n + 1))
        return (*rows, totals)

    def value(self, cell: Cell) -> int:
        return self._full[cell[0]][cell[1]]

    def published(self) -> list[Cell]:
        """Every cell this grid publishes, interior first."""
        m, n = self.m, self.n
        out = [(r, c) for r in range(m) for c in range(n)]
        if self.row_totals:
            out += [(r, n) for r in range(m)]
        if self.col_totals:
            out += [(m, c) for c in range(n)]
        if self.row_totals and self.col_totals:
            out.append((m, n))
        return out

    def sign(self, cell: Cell) -> int:
        """+1 for interior cells and the grand total, -1 for row and column totals."""
        r, c = cell
        on_row_margin, on_col_margin = r == self.m, c == self.n
        return -1 if on_row_margin != on_col_margin else 1


def check_threshold(threshold: int) -> int:
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValueError(f"threshold {threshold} outside {MIN_THRESHOLD}..{MAX_THRESHOLD}")
    return threshold


def is_small(value: int, threshold: int) -> bool:
    return 0 <= value < threshold


def _allowed(value: int, state: State, threshold: int) -> bool:
    """Whether `value` fits what a reader knows of a cell in `state`."""
    if value < 0:
        return False
    if state is State.PRIMARY:
        return value < threshold
    if state is State.SECONDARY:
        return value >= threshold
    return True  # ABSENT: any count


def _states(grid: Grid, hidden: Mapping[Cell, State], threshold: int) -> dict[Cell, State]:
    """The state of every cell of the (m+1)×(n+1) matrix."""
    states: dict[Cell, State] = {}
    published = set(grid.published())
    for r in range(grid.m + 1):
        for c in range(grid.n + 1):
            cell = (r, c)
            if cell not in published:
                states[cell] = State.ABSENT
            elif cell in hidden:
                states[cell] = hidden[cell]
            elif is_small(grid.value(cell), threshold):
                states[cell] = State.PRIMARY
            else:
                states[cell] = State.SHOWN
    return states


def _arcs(
    grid: Grid, states: Mapping[Cell, State], threshold: int, fixed: frozenset[Cell]
) -> dict[Cell, tuple[bool, bool]]:
    """For each movable cell: (can go +1, can go -1) in the signed matrix."""
    out: dict[Cell, tuple[bool, bool]] = {}
    for cell, state in states.items():
        if state is State.SHOWN or cell in fixed:
            continue
        v, s = grid.value(cell), grid.sign(cell)
        out[cell] = (_allowed(v + s, state, threshold), _allowed(v - s, state, threshold))
    return out


Node = tuple[str, int]  # ("r", row) or ("c", column)


def _graph(
    arcs: Mapping[Cell, tuple[bool, bool]],
) -> tuple[dict[Node, list[tuple[Node, Cell]]], dict[Node, list[tuple[Node, Cell]]]]:
    """Successors and predecessors: a cell (i, j) that can go +1 is an arc r_i→c_j, one that
    can go -1 an arc c_j→r_i; each arc remembers its cell."""
    succ: dict[Node, list[tuple[Node, Cell]]] = {}
    pred: dict[Node, list[tuple[Node, Cell]]] = {}
    for (r, c), (up, down) in arcs.items():
        if up:
            succ.setdefault(("r", r), []).append((("c", c), (r, c)))
            pred.setdefault(("c", c), []).append((("r", r), (r, c)))
        if down:
            succ.setdefault(("c", c), []).append((("r", r), (r, c)))
            pred.setdefault(("r", r), []).append((("c", c), (r, c)))
    return succ, pred


def _reach(adj: Mapping[Node, list[tuple[Node, Cell]]], start: Node, skip: Cell) -> set[Node]:
    """Every node reachable from `start` along `adj`, not using cell `skip`."""
    seen = {start}
    todo = deque([start])
    while todo:
        node = todo.popleft()
        for nxt, cell in adj.get(node, ()):
            if cell != skip and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def directions(
    grid: Grid,
    hidden: Mapping[Cell, State],
    cell: Cell,
    threshold: int,
    fixed: Iterable[Cell] = (),
) -> set[int]:
    """In which directions (+1, -1, on the cell's own value) the hidden `cell` can change
    while everything published still fits (`fixed` cells held still; the cell itself moves)."""
    states = _states(grid, hidden, threshold)
    arcs = _arcs(grid, states, threshold, frozenset(fixed) - {cell})
    return _moves(grid, arcs, cell)


def protected(
    grid: Grid,
    hidden: Mapping[Cell, State],
    cell: Cell,
    threshold: int,
    fixed: Iterable[Cell] = (),
    direction: int | None = None,
) -> bool:
    """Whether the hidden `cell` has another value that fits everything published (with
    `direction`: a value one higher (+1) or one lower (-1))."""
    found = directions(grid, hidden, cell, threshold, fixed)
    return bool(found) if direction is None else direction in found


def suppress_grid(
    grid: Grid,
    threshold: int,
    *,
    hidden: Mapping[Cell, State] | None = None,
    fixed: Iterable[Cell] = (),
    require: Mapping[Cell, int] | None = None,
) -> dict[Cell, State]:
    """The hidden cells of `grid` (primary and secondary) such that every primary cell is
    protected. `hidden` are cells already hidden elsewhere (kept hidden); `fixed` are hidden
    cells linked to other tables, held still while other cells are checked; a linked small
    cell must instead be able to move in the direction `require` gives it (the same in every
    table that shows it, so that the changes fit together). Secondary cells are chosen
    greedily: the cheapest single cell that protects a weak one (interior cells before totals,
    then the smallest count), else the smallest count on its lines."""
    check_threshold(threshold)
    keep_fixed = frozenset(fixed)
    needs = dict(require or {})
    state: dict[Cell, State] = dict(hidden or {})
    for cell in grid.published():
        if cell not in state and is_small(grid.value(cell), threshold):
            state[cell] = State.PRIMARY
    published = grid.published()
    while True:
        states = _states(grid, state, threshold)
        arcs = _arcs(grid, states, threshold, keep_fixed)
        succ, _ = _graph(arcs)
        target: Cell | None = None
        for cell in published:
            if state.get(cell) is not State.PRIMARY:
                continue
            if cell in keep_fixed and cell not in needs:
                continue  # protected where it is shown movable
            own = arcs.get(cell) or _own_arcs(grid, states, threshold, cell)
            found = _moves_in(grid, succ, own, cell)
            ok = needs[cell] in found if cell in needs else bool(found)
            if not ok:
                target = cell
                break
        if target is None:
            return state
        if target not in arcs:
            arcs = {**arcs, target: _own_arcs(grid, states, threshold, target)}
        candidate = _completing(grid, state, arcs, target, threshold, needs.get(target))
        if candidate is None:
            candidate = _next_secondary(grid, state, target, published)
        if candidate is None:
            # Nothing left on its lines: hide what remains anywhere in the grid.
            rest = [c for c in published if c not in state]
            if not rest:
                return state  # everything is hidden already; nothing more to do
            candidate = min(rest, key=lambda c: (_is_margin(grid, c), grid.value(c), c))
        state[candidate] = State.SECONDARY


def _own_arcs(
    grid: Grid, states: Mapping[Cell, State], threshold: int, cell: Cell
) -> tuple[bool, bool]:
    v, s, st = grid.value(cell), grid.sign(cell), states[cell]
    return _allowed(v + s, st, threshold), _allowed(v - s, st, threshold)


def _moves(grid: Grid, arcs: Mapping[Cell, tuple[bool, bool]], cell: Cell) -> set[int]:
    """The directions (on the value) in which `cell` can change along a cycle."""
    if cell not in arcs:
        return set()
    succ, _ = _graph(arcs)
    return _moves_in(grid, succ, arcs[cell], cell)


def _moves_in(
    grid: Grid,
    succ: Mapping[Node, list[tuple[Node, Cell]]],
    own: tuple[bool, bool],
    cell: Cell,
) -> set[int]:
    up, down = own
    r, c = cell
    s = grid.sign(cell)
    out: set[int] = set()
    if up and ("r", r) in _reach(succ, ("c", c), cell):
        out.add(s)
    if down and ("c", c) in _reach(succ, ("r", r), cell):
        out.add(-s)
    return out


def _completing(
    grid: Grid,
    state: Mapping[Cell, State],
    arcs: Mapping[Cell, tuple[bool, bool]],
    target: Cell,
    threshold: int,
    direction: int | None,
) -> Cell | None:
    """The cheapest single cell whose hiding (as "x") protects `target`, or None. Hiding a
    cell (a, b) adds the arcs r_a→c_b (if it can go up) and c_b→r_a (down); the target is
    then protected when such an arc joins what its start reaches to what reaches its end."""
    if target not in arcs:
        return None
    succ, pred = _graph(arcs)
    up, down = arcs[target]
    r, c = target
    sign = grid.sign(target)
    ends: list[tuple[Node, Node]] = []  # (from, to): a path is needed from → to
    if up and direction in (None, sign):
        ends.append((("c", c), ("r", r)))
    if down and direction in (None, -sign):
        ends.append((("r", r), ("c", c)))
    joins = [(_reach(succ, a, target), _reach(pred, b, target)) for a, b in ends]
    options = sorted(
        (x for x in grid.published() if x not in state),
        key=lambda x: (_is_margin(grid, x), grid.value(x), x),
    )
    for cell in options:
        v, s = grid.value(cell), grid.sign(cell)
        can_up = _allowed(v + s, State.SECONDARY, threshold)
        can_down = _allowed(v - s, State.SECONDARY, threshold)
        a, b = ("r", cell[0]), ("c", cell[1])
        for forward, backward in joins:
            if (can_up and a in forward and b in backward) or (
                can_down and b in forward and a in backward
            ):
                return cell
    return None


def _is_margin(grid: Grid, cell: Cell) -> bool:
    return cell[0] == grid.m or cell[1] == grid.n


def _next_secondary(
    grid: Grid, state: Mapping[Cell, State], target: Cell, published: Sequence[Cell]
) -> Cell | None:
    r, c = target
    options = [
        cell
        for cell in published
        if cell not in state
        and cell != target
        and (cell[0] == r or cell[1] == c)
        and grid.value(cell) >= 0
    ]
    if not options:
        return None
    return min(options, key=lambda x: (_is_margin(grid, x), grid.value(x), x))


def recoverable(grid: Grid, state: Mapping[Cell, State], threshold: int) -> list[Cell]:
    """Primary cells that could be computed back (empty when the suppression holds)."""
    return [
        cell
        for cell, st in state.items()
        if st is State.PRIMARY and not protected(grid, state, cell, threshold)
    ]


def linked_direction(value: int, threshold: int) -> int:
    """The direction a small count shown in several tables must be able to move in all of
    them: up, unless it is at the top of its range already."""
    return 1 if value + 1 < threshold else -1
