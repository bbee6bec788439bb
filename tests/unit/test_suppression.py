"""Small-cell suppression: no count under the threshold can be computed back from what an
export publishes. The checks here play the reader of the export: they search, by brute force
and without the suppression module's graph search, for another table that fits every
published number and every mark ("<t" is 0…t-1, "x" is at least t, a total not published
is anything), and differs in the hidden small cell."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import suppression as sup
from app.domain.suppression import Cell, Grid, State


def _fits(value: int, state: State, t: int) -> bool:
    if state is State.PRIMARY:
        return 0 <= value < t
    if state is State.SECONDARY:
        return value >= t
    return value >= 0


def alternative_exists(grid: Grid, hidden: Mapping[Cell, State], target: Cell, t: int) -> bool:
    """Brute force: another table, each hidden interior cell within one of its true value,
    that keeps every published cell, fits every mark and changes `target`. (Two tables that
    fit differ by cycles of +1/-1, so a window of one is enough to find one if any exists.)"""
    m, n = grid.m, grid.n
    published = set(grid.published())
    states: dict[Cell, State] = {}
    for r in range(m + 1):
        for c in range(n + 1):
            cell = (r, c)
            if cell not in published:
                states[cell] = State.ABSENT
            elif cell in hidden:
                states[cell] = hidden[cell]
            else:
                states[cell] = State.SHOWN
    free = [(r, c) for r in range(m) for c in range(n) if states[(r, c)] is not State.SHOWN]
    options = [
        [v for v in (grid.value(x) - 1, grid.value(x), grid.value(x) + 1) if v >= 0] for x in free
    ]
    for combo in itertools.product(*options):
        cells = [list(row) for row in grid.cells]
        for (r, c), v in zip(free, combo, strict=True):
            cells[r][c] = v
        other = Grid(tuple(tuple(row) for row in cells), grid.row_totals, grid.col_totals)
        ok = True
        for cell, state in states.items():
            v = other.value(cell)
            ok = v == grid.value(cell) if state is State.SHOWN else _fits(v, state, t)
            if not ok:
                break
        if ok and other.value(target) != grid.value(target):
            return True
    return False


grids = st.integers(1, 3).flatmap(
    lambda m: st.integers(1, 3).flatmap(
        lambda n: st.tuples(
            st.lists(
                st.lists(st.integers(0, 12), min_size=n, max_size=n).map(tuple),
                min_size=m,
                max_size=m,
            ).map(tuple),
            st.booleans(),
            st.booleans(),
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(grids, st.integers(sup.MIN_THRESHOLD, 6))
def test_no_small_cell_can_be_computed_back_from_the_totals(spec, threshold: int) -> None:  # type: ignore[no-untyped-def]
    cells, row_totals, col_totals = spec
    grid = Grid(cells, row_totals, col_totals)
    hidden = sup.suppress_grid(grid, threshold)
    for cell in grid.published():
        small = grid.value(cell) < threshold
        assert (hidden.get(cell) is State.PRIMARY) == small, cell
        if hidden.get(cell) is State.SECONDARY:
            assert grid.value(cell) >= threshold  # "x" is never a small count in disguise
    for cell, state in hidden.items():
        if state is State.PRIMARY:
            assert alternative_exists(grid, hidden, cell, threshold), (cells, cell, hidden)
    assert sup.recoverable(grid, hidden, threshold) == []


@settings(max_examples=300, deadline=None)
@given(grids, st.integers(sup.MIN_THRESHOLD, 6), st.randoms(use_true_random=False))
def test_the_graph_search_finds_exactly_what_brute_force_finds(spec, threshold, rnd) -> None:  # type: ignore[no-untyped-def]
    cells, row_totals, col_totals = spec
    grid = Grid(cells, row_totals, col_totals)
    hidden: dict[Cell, State] = {}
    for cell in grid.published():
        v = grid.value(cell)
        if v < threshold:
            hidden[cell] = State.PRIMARY
        elif rnd.random() < 0.3:
            hidden[cell] = State.SECONDARY
    for cell, state in hidden.items():
        if state is State.PRIMARY:
            assert sup.protected(grid, hidden, cell, threshold) == alternative_exists(
                grid, hidden, cell, threshold
            ), (cells, row_totals, col_totals, cell, hidden)


def test_a_single_small_cell_in_a_line_gets_company() -> None:
    # A 2×2 table with totals: the 3 alone would follow from its row and column totals.
    grid = Grid(((3, 40), (25, 60)))
    hidden = sup.suppress_grid(grid, 5)
    assert hidden[(0, 0)] is State.PRIMARY
    secondary = {c for c, s in hidden.items() if s is State.SECONDARY}
    # the cheapest protection: the other cells of its row and column, and the fourth corner
    assert secondary == {(0, 1), (1, 0), (1, 1)}
    assert alternative_exists(grid, hidden, (0, 0), 5)
    # published totals stay: 43, 85, 28, 100, 128
    assert all(grid.value(c) >= 5 for c in grid.published() if c not in hidden)


def test_a_secondary_cell_known_to_be_at_least_the_threshold_does_not_protect() -> None:
    # Row: nobody in the first column and 5 in the second, the row total 5 published. Hiding
    # the 5 as "x" does not help: "x" means at least 5, so the first must be 0 ("none of them").
    grid = Grid(((0, 5),), row_totals=True, col_totals=False)
    state = {(0, 0): State.PRIMARY, (0, 1): State.SECONDARY}
    assert not sup.protected(grid, state, (0, 0), 5)
    assert not alternative_exists(grid, state, (0, 0), 5)
    hidden = sup.suppress_grid(grid, 5)
    assert hidden[(0, 2)] is State.SECONDARY  # the total goes too
    assert alternative_exists(grid, hidden, (0, 0), 5)


def test_a_linked_small_cell_must_move_the_same_way_everywhere() -> None:
    # The 2 is also shown in another table: here it must be able to go up (to 3).
    grid = Grid(((2,), (7,), (9,)), row_totals=False)
    hidden = sup.suppress_grid(
        grid, 5, hidden={(0, 0): State.PRIMARY}, fixed=[(0, 0)], require={(0, 0): 1}
    )
    assert 1 in sup.directions(grid, hidden, (0, 0), 5)
    assert any(s is State.SECONDARY for s in hidden.values())
