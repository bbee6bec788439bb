"""Phase transitions: property-based over random sequences of valid and invalid steps."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import trajectory as t
from app.errors import ValidationError

PHASES = [
    "bereiken",
    "kennismaking",
    "contextvoorwaarden",
    "orientering",
    "overdracht",
    "opvolging",
    "afgesloten",
]
OUTCOMES = ["job_nec", "opleiding", "andere"]
TODAY = date(2026, 11, 20)

steps = st.lists(
    st.tuples(
        st.sampled_from(list(t.EventKind)),
        st.sampled_from([*PHASES[:-1], None]),  # type: ignore[operator]
        st.sampled_from([*OUTCOMES, None]),  # type: ignore[operator]
        st.integers(min_value=0, max_value=40),
        st.sampled_from(["", "reden"]),
    ),
    max_size=25,
)


@given(steps)
def test_history_stays_consistent_whatever_is_tried(seq: list[tuple]) -> None:  # type: ignore[type-arg]
    start = date(2024, 1, 1)
    events = [t.PhaseEvent(t.EventKind.PHASE, start, "bereiken", "eerste contact", order_key="0")]
    state = t.replay(events, PHASES)
    day = start
    for i, (kind, phase, outcome, gap, reason) in enumerate(seq):
        day = min(day + timedelta(days=gap), TODAY)
        e = t.PhaseEvent(kind, day, phase, reason, outcome, order_key=f"{i + 1:06d}")
        try:
            t.check_next(state, e, today=TODAY, phases=PHASES, outcomes=OUTCOMES)
        except ValidationError as err:
            assert err.message  # Dutch, never empty
            assert t.replay(events, PHASES) == state  # a refused step changes nothing
            continue
        events.append(e)
        new = t.replay(events, PHASES)
        # Invariants of an accepted step.
        assert new.closed == (new.phase == t.CLOSED)
        if kind is t.EventKind.CLOSE:
            assert new.closed and new.outcome == outcome and new.closed_on == day
        if kind is t.EventKind.REOPEN:
            assert not new.closed and new.phase == (phase or state.phase_before_closure)
            assert new.reopened == state.reopened + 1
        if kind is t.EventKind.PHASE:
            assert new.phase == phase
        state = new
        # Spans tile the history: each ends where the next starts; only the last is open.
        spans = state.spans
        assert all(a.end == b.start for a, b in itertools.pairwise(spans))
        assert spans[-1].end is None and all(s.end is not None for s in spans[:-1])
        assert all(s.days(TODAY) >= 0 for s in spans)


def test_closure_and_reopening_round_trip() -> None:
    d = date(2026, 1, 5)
    events = [
        t.PhaseEvent(t.EventKind.PHASE, d, "bereiken", "eerste contact"),
        t.PhaseEvent(t.EventKind.PHASE, d + timedelta(10), "orientering", "klaar voor"),
        t.PhaseEvent(t.EventKind.CLOSE, d + timedelta(20), outcome="opleiding"),
        t.PhaseEvent(t.EventKind.REOPEN, d + timedelta(30), reason="komt terug"),
    ]
    s = t.replay(events, PHASES)
    assert s.phase == "orientering" and not s.closed and s.outcome is None and s.reopened == 1


def test_step_back_is_allowed_and_counted() -> None:
    d = date(2026, 1, 5)
    s = t.replay(
        [
            t.PhaseEvent(t.EventKind.PHASE, d, "bereiken", "x"),
            t.PhaseEvent(t.EventKind.PHASE, d + timedelta(5), "orientering", "x"),
            t.PhaseEvent(t.EventKind.PHASE, d + timedelta(9), "contextvoorwaarden", "terugval"),
        ],
        PHASES,
    )
    assert s.phase == "contextvoorwaarden" and s.steps_back == 1


def test_a_phase_change_without_reason_is_refused_in_dutch() -> None:
    s = t.replay([t.PhaseEvent(t.EventKind.PHASE, date(2026, 1, 1), "bereiken", "x")], PHASES)
    with pytest.raises(ValidationError) as info:
        t.check_next(
            s,
            t.PhaseEvent(t.EventKind.PHASE, date(2026, 2, 1), "orientering", " "),
            today=TODAY,
            phases=PHASES,
            outcomes=OUTCOMES,
        )
    assert info.value.field == "reason" and "reden" in info.value.message


def test_follow_ups_at_3_12_24_months_clamp_month_ends() -> None:
    assert t.follow_up_dates(date(2026, 11, 30)) == [
        (3, date(2027, 2, 28)),
        (12, date(2027, 11, 30)),
        (24, date(2028, 11, 30)),
    ]


def test_late_sync_arrivals_do_not_break_replay() -> None:
    d = date(2026, 1, 5)
    s = t.replay(
        [
            t.PhaseEvent(t.EventKind.PHASE, d, "bereiken", "x"),
            t.PhaseEvent(t.EventKind.CLOSE, d + timedelta(3), outcome="andere"),
            t.PhaseEvent(t.EventKind.CLOSE, d + timedelta(3), outcome="opleiding", order_key="z"),
            t.PhaseEvent(t.EventKind.PHASE, d + timedelta(4), "orientering", "op ander toestel"),
            t.PhaseEvent(t.EventKind.REOPEN, d + timedelta(2), reason="vroeg"),
        ],
        PHASES,
    )
    assert s.closed and s.outcome == "opleiding"
