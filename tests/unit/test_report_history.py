"""The reports' one-pass readings of a trajectory and of ZRM measurements give exactly what
the domain's own functions give (replay up to a day; progress per domain), on any history."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import trajectory as t
from app.domain import zrm as z
from app.services.reports_queries import EventFacts, ZrmFacts
from app.services.reports_tables import Window, first_and_latest, trajectory
from app.services.zrm import editions

ORDER = ["bereiken", "kennismaking", "contextvoorwaarden", "orientering", "overdracht",
         "opvolging", "afgesloten"]  # fmt: skip
DAY0 = date(2025, 1, 1)

events = st.lists(
    st.tuples(
        st.sampled_from(list(t.EventKind)),
        st.integers(0, 60),
        st.sampled_from([*ORDER, None]),
        st.sampled_from([None, "job_nec", "opleiding"]),
        st.integers(0, 3),
    ),
    max_size=14,
)


def _facts(raw: list[tuple[t.EventKind, int, str | None, str | None, int]]) -> list[EventFacts]:
    return [
        EventFacts(f"e{i}", t.PhaseEvent(kind, DAY0 + timedelta(days=d), phase, "", out, str(k)))
        for i, (kind, d, phase, out, k) in enumerate(raw)
    ]


@settings(max_examples=400, deadline=None)
@given(events, st.integers(0, 60), st.integers(0, 60))
def test_one_pass_equals_replay_up_to_each_day(raw, a: int, b: int) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(raw)
    start, ref = DAY0 + timedelta(days=min(a, b)), DAY0 + timedelta(days=max(a, b))
    w = Window(start, ref + timedelta(days=5), ref)
    got = trajectory(facts, ORDER, w)
    now = t.replay((f.event for f in facts if f.event.on <= ref), ORDER)
    before = t.replay((f.event for f in facts if f.event.on < start), ORDER)
    for mine, theirs in ((got.now, now), (got.before, before)):
        assert (mine.phase, mine.closed, mine.outcome, mine.closed_on, mine.low_flame) == (
            theirs.phase, theirs.closed, theirs.outcome, theirs.closed_on, theirs.low_flame,
        )  # fmt: skip
        assert mine.spans == theirs.spans and mine.steps_back == theirs.steps_back
    # every move into "closed" and every step back, as the states after each event show them
    closures, steps = [], []
    previous = t.TrajectoryState()
    for e, state in t.states((f.event for f in facts), ORDER):
        if state.closed and not previous.closed:
            closures.append((e.on, state.outcome))
        if state.steps_back > previous.steps_back:
            steps.append((e.on, state.phase))
        previous = state
    assert [(c.on, c.outcome) for c in got.closures] == closures
    assert list(got.steps_back) == steps


measurements = st.lists(
    st.tuples(
        st.integers(0, 30),
        st.sampled_from(["2017", "2013"]),
        st.dictionaries(
            st.sampled_from(["financien", "huisvesting", "werk_opleiding", "justitie", "xx"]),
            st.one_of(st.none(), st.integers(1, 5)),
        ),
        st.integers(0, 3),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(measurements)
def test_first_and_latest_equal_the_domains_progress(raw) -> None:  # type: ignore[no-untyped-def]
    eds = editions()
    rows = [
        ZrmFacts(f"a{i}", DAY0 + timedelta(days=d), ed, levels, str(k))
        for i, (d, ed, levels, k) in enumerate(raw)
    ]
    canon = {
        code: {d.code: d.canonical for d in ed.domains if d.canonical is not None}
        for code, ed in eds.items()
    }
    got = first_and_latest(rows, canon)
    prog = z.progress(
        (
            z.Assessment(
                r.id,
                "p",
                r.assessed_on,
                "",
                r.edition,
                {c: z.DomainScore(c, lv) for c, lv in r.levels.items()},
                order_key=r.order_key,
            )
            for r in rows
        ),
        eds,
    )
    expected = {
        code: (p.first_level, p.latest_level)
        for code, p in prog.items()
        if p.change_total is not None
    }
    assert got == expected
