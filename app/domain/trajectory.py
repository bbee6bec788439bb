"""The non-linear trajectory: dated phase changes with reasons, steps back, a low flame,
closure with an outcome, and reopening. Pure functions over a list of events.

Events are append-only records, so concurrent edits on two laptops never overwrite each other:
the state is always recomputed from the whole, date-ordered history (`replay`), which is lenient
about events that arrived out of order through sync. New events are checked strictly against
the current state (`check_next`), with Dutch messages.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.errors import ValidationError

CLOSED = "afgesloten"
FIRST_PHASE = "bereiken"
FOLLOW_UP_MONTHS = (3, 12, 24)


class EventKind(StrEnum):
    PHASE = "fase"
    LOW_FLAME_ON = "lager_pitje"
    LOW_FLAME_OFF = "lager_pitje_uit"
    CLOSE = "afsluiting"
    REOPEN = "heropening"


@dataclass(frozen=True)
class PhaseEvent:
    kind: EventKind
    on: date
    phase: str | None = None
    reason: str = ""
    outcome: str | None = None
    order_key: str = ""  # HLC stamp: breaks ties between events on the same day


@dataclass(frozen=True)
class PhaseSpan:
    phase: str
    start: date
    end: date | None  # None while current

    def days(self, today: date) -> int:
        return ((self.end or today) - self.start).days


@dataclass(frozen=True)
class TrajectoryState:
    phase: str | None = None
    closed: bool = False
    outcome: str | None = None
    closed_on: date | None = None
    low_flame: bool = False
    last_event_on: date | None = None
    spans: tuple[PhaseSpan, ...] = field(default_factory=tuple)
    steps_back: int = 0
    reopened: int = 0

    @property
    def phase_before_closure(self) -> str | None:
        open_spans = [s for s in self.spans if s.phase != CLOSED]
        return open_spans[-1].phase if open_spans else None


def _sorted(events: Iterable[PhaseEvent]) -> list[PhaseEvent]:
    return sorted(events, key=lambda e: (e.on, e.order_key))


def _enter(state: TrajectoryState, phase: str, on: date, order: Sequence[str]) -> TrajectoryState:
    spans = list(state.spans)
    if spans and spans[-1].end is None:
        spans[-1] = replace(spans[-1], end=on)
    spans.append(PhaseSpan(phase, on, None))
    back = state.steps_back
    if state.phase in order and phase in order and order.index(phase) < order.index(state.phase):
        back += 1
    return replace(state, phase=phase, spans=tuple(spans), steps_back=back, last_event_on=on)


def _fold(state: TrajectoryState, e: PhaseEvent, order: Sequence[str]) -> TrajectoryState:
    if e.kind is EventKind.PHASE and e.phase and e.phase != CLOSED:
        if state.closed:
            return replace(state, last_event_on=e.on)  # late sync arrival: the closure stands
        if e.phase == state.phase:
            return replace(state, last_event_on=e.on)
        return _enter(state, e.phase, e.on, order)
    if e.kind is EventKind.LOW_FLAME_ON:
        return replace(state, low_flame=True, last_event_on=e.on)
    if e.kind is EventKind.LOW_FLAME_OFF:
        return replace(state, low_flame=False, last_event_on=e.on)
    if e.kind is EventKind.CLOSE:
        if state.closed:
            return replace(state, outcome=e.outcome or state.outcome, last_event_on=e.on)
        s = _enter(state, CLOSED, e.on, ())
        return replace(s, closed=True, outcome=e.outcome, closed_on=e.on, low_flame=False)
    if e.kind is EventKind.REOPEN:
        if not state.closed:
            return replace(state, last_event_on=e.on)
        target = e.phase or state.phase_before_closure or FIRST_PHASE
        s = _enter(state, target, e.on, ())
        return replace(s, closed=False, outcome=None, closed_on=None, reopened=s.reopened + 1)
    return state


def replay(events: Iterable[PhaseEvent], order: Sequence[str] = ()) -> TrajectoryState:
    """The state after all events, in date order. Never raises: merged histories may contain
    events that were valid on the device that made them."""
    state = TrajectoryState()
    for e in _sorted(events):
        state = _fold(state, e, order)
    return state


def states(
    events: Iterable[PhaseEvent], order: Sequence[str] = ()
) -> list[tuple[PhaseEvent, TrajectoryState]]:
    """Each event in replay order with the state right after it (for reports: when someone
    closed, with which outcome, and what the state was on a given day)."""
    state = TrajectoryState()
    out = []
    for e in _sorted(events):
        state = _fold(state, e, order)
        out.append((e, state))
    return out


def check_next(
    state: TrajectoryState,
    e: PhaseEvent,
    *,
    today: date,
    phases: Sequence[str],
    outcomes: Sequence[str],
) -> None:
    """Raise ValidationError (Dutch) when `e` may not follow `state`."""
    if e.on > today:
        raise ValidationError("Een faseovergang kan niet in de toekomst liggen.", field="on")
    if state.last_event_on is not None and e.on < state.last_event_on:
        raise ValidationError(
            f"Deze datum ligt vóór de vorige stap in het traject ({state.last_event_on:%d/%m/%Y}).",
            field="on",
        )
    needs_reason = e.kind in (EventKind.PHASE, EventKind.REOPEN)
    if needs_reason and not e.reason.strip():
        raise ValidationError("Geef een reden voor deze stap in het traject.", field="reason")
    if e.kind is EventKind.PHASE:
        if e.phase not in phases or e.phase == CLOSED:
            raise ValidationError("Kies een geldige fase.", field="phase")
        if state.closed:
            raise ValidationError("Het traject is afgesloten; heropen het eerst.", field="phase")
        if e.phase == state.phase:
            raise ValidationError("De persoon zit al in deze fase.", field="phase")
    elif e.kind is EventKind.CLOSE:
        if state.closed:
            raise ValidationError("Het traject is al afgesloten.", field="outcome")
        if e.outcome not in outcomes:
            raise ValidationError(
                "Kies een uitkomst om het traject af te sluiten.", field="outcome"
            )
    elif e.kind is EventKind.REOPEN:
        if not state.closed:
            raise ValidationError("Alleen een afgesloten traject kan heropend worden.")
        if e.phase is not None and (e.phase not in phases or e.phase == CLOSED):
            raise ValidationError("Kies een geldige fase om in te heropenen.", field="phase")
    elif e.kind is EventKind.LOW_FLAME_ON:
        if state.closed or state.low_flame:
            raise ValidationError("Het traject staat al op een lager pitje of is afgesloten.")
    elif e.kind is EventKind.LOW_FLAME_OFF and not state.low_flame:
        raise ValidationError("Het traject staat niet op een lager pitje.")


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def follow_up_dates(
    anchor_on: date, months: Sequence[int] = FOLLOW_UP_MONTHS
) -> list[tuple[int, date]]:
    """Sustainability follow-ups after a closure, handover, job or training start: by default
    3, 12 and 24 months later."""
    return [(m, add_months(anchor_on, m)) for m in sorted(set(months))]
