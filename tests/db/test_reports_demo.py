"""The report on the demo: its figures agree with what the demo's records say when they are
counted another way (plain SQL over the records themselves, not the report's queries, the
local contact index or its trajectory pass), every total adds up, the ESF+ view is a subset of
the full view, and the export leaves no small cell that can be computed back."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import text

from app.domain.figures import Count, Report, Table
from app.services.demo import generate_demo
from app.services.field import FieldServices
from app.services.reports import ReportParams, year
from tests.db.test_reports import _all_hidden_protected

START, END = date(2026, 1, 1), date(2026, 12, 31)
PARAMS = ReportParams(year(2026))


@pytest.fixture
def demo(field: FieldServices) -> FieldServices:
    generate_demo(field, 120, contacts_per_person=12)
    return field


def value(t: Table, row: str, col: str) -> int:
    c = [x.key for x in t.columns].index(col)
    v = next(r for r in t.rows if r.key == row).values[c]
    assert isinstance(v, Count), (t.key, row, col, v)
    return v.value


@dataclass(frozen=True)
class Someone:
    met: date
    client: bool
    since: str | None


def live_people(field: FieldServices) -> dict[str, Someone]:
    with field.context.ctx.read() as s:
        rows = s.execute(
            text("SELECT id, first_met_on, is_client, client_since FROM people WHERE deleted = 0")
        ).all()
    return {r[0]: Someone(date.fromisoformat(r[1][:10]), bool(r[2]), r[3]) for r in rows}


def contacts_of_year(field: FieldServices) -> list[tuple[str, str, str, list[dict[str, object]]]]:
    """Live contact moments of 2026 with their people, read from the records' own JSON."""
    with field.context.ctx.read() as s:
        rows = s.execute(
            text(
                "SELECT id, channel, status, people FROM contact_moments WHERE deleted = 0 "
                "AND occurred_at >= '2026-01-01' AND occurred_at < '2027-01-01'"
            )
        ).all()
    out = []
    for cid, channel, status, people in rows:
        ppl = json.loads(people) if isinstance(people, str) else people
        out.append((cid, channel, status, list(ppl)))
    return out


def test_the_demo_report_agrees_with_its_records(demo: FieldServices) -> None:
    field = demo
    rep = field.reports.compute(PARAMS)
    people = live_people(field)
    contacts = contacts_of_year(field)

    # Reach: new pre-contacts, a real conversation (reached, attended), trajectories started.
    new = {pid for pid, p in people.items() if START <= p.met <= END}
    talk = {
        str(x["person_id"])
        for _, _, status, ppl in contacts_of_all(field)
        if status == "bereikt"
        for x in ppl
        if x.get("attended", True) and str(x["person_id"]) in new
    }
    started = {
        pid for pid in new if people[pid].client and (people[pid].since or "9999") <= "2026-12-31"
    }
    funnel = rep.table("reach.funnel")
    assert len(new) > 20 and len(talk) > 10 and len(started) > 5  # a meaningful demo
    assert value(funnel, "new", "people") == len(new)
    assert value(funnel, "talk", "people") == len(talk)
    assert value(funnel, "started", "people") == len(started)

    # Contacts by channel and status, each counted once, with anyone alive on it.
    cells: Counter[tuple[str, str]] = Counter()
    per_channel: dict[str, set[str]] = defaultdict(set)
    everyone: set[str] = set()
    for _, channel, status, ppl in contacts:
        on_it = {str(x["person_id"]) for x in ppl} & set(people)
        if not on_it:
            continue
        cells[(channel, status)] += 1
        per_channel[channel] |= on_it
        everyone |= on_it
    table = rep.table("contacts.channels")
    assert sum(cells.values()) > 500
    statuses = [c.key for c in table.columns if c.key not in ("total", "people")]
    for r in table.rows:
        if r.key == "total":
            continue
        for st in statuses:
            assert value(table, r.key, st) == cells.get((r.key, st), 0), (r.key, st)
        assert value(table, r.key, "people") == len(per_channel.get(r.key, ()))
    assert value(table, "total", "total") == sum(cells.values())
    assert value(table, "total", "people") == len(everyone)

    # Structural signals noted in the year, by theme and status.
    with field.context.ctx.read() as s:
        sig = Counter(
            (theme, status)
            for theme, status in s.execute(
                text(
                    "SELECT theme, status FROM signals WHERE deleted = 0 "
                    "AND noted_on BETWEEN '2026-01-01' AND '2026-12-31'"
                )
            )
        )
    themes = rep.table("signals.themes")
    assert sum(sig.values()) >= 2
    for (theme, status), n in sig.items():
        assert value(themes, theme, status) == n
    assert value(themes, "total", "total") == sum(sig.values())

    # Group work: sessions noted in the year, who came (from the session's contact moment).
    with field.context.ctx.read() as s:
        sessions = s.execute(
            text(
                "SELECT g.name, gs.unregistered, c.people FROM group_sessions gs "
                "JOIN groups g ON g.id = gs.group_id "
                "LEFT JOIN contact_moments c ON c.id = gs.contact_id AND c.deleted = 0 "
                "WHERE gs.deleted = 0 AND g.deleted = 0 AND gs.starts_at LIKE '2026-%' "
                "AND (gs.contact_id IS NOT NULL OR gs.unregistered > 0)"
            )
        ).all()
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    came_to: dict[str, set[str]] = defaultdict(set)
    for name, unregistered, ppl in sessions:
        attendees = [
            str(x["person_id"])
            for x in (json.loads(ppl) if isinstance(ppl, str) else ppl or [])
            if x.get("attended", True) and str(x["person_id"]) in people
        ]
        by_group[name][0] += 1
        by_group[name][1] += len(attendees)
        by_group[name][2] += unregistered
        came_to[name].update(attendees)
    groups = rep.table("groups.participation")
    assert len(by_group) == 2 and sum(n for n, _, _ in by_group.values()) > 3
    shown = {r.label: r.key for r in groups.rows if not r.total}
    assert set(shown) == set(by_group)
    for name, (n, attended, unregistered) in by_group.items():
        assert value(groups, shown[name], "sessions") == n
        assert value(groups, shown[name], "attended") == attended
        assert value(groups, shown[name], "unregistered") == unregistered
        assert value(groups, shown[name], "people") == len(came_to[name])
    assert value(groups, "total", "people") == len(set().union(*came_to.values()))

    # Outcomes count every trajectory closed in the year; the ESF view the clients among them.
    with field.context.ctx.read() as s:
        closed = {
            (pid, bool(client))
            for pid, client in s.execute(
                text(
                    "SELECT DISTINCT e.person_id, p.is_client FROM phase_events e JOIN people p "
                    "ON p.id = e.person_id WHERE e.deleted = 0 AND p.deleted = 0 "
                    "AND e.kind = 'afsluiting' "
                    "AND e.\"on\" BETWEEN '2026-01-01' AND '2026-12-31'"
                )
            )
        }
    clients = {pid for pid, client in closed if client}
    assert len(clients) > 3 and len(closed) > len(clients)
    assert value(rep.table("outcomes.categories"), "total", "people") == len(closed)
    assert value(rep.table("esf.gender"), "total", "closed") == len(clients)


def contacts_of_all(field: FieldServices) -> list[tuple[str, str, str, list[dict[str, object]]]]:
    """Every live contact moment up to the end of 2026 (a real conversation may predate the
    year)."""
    with field.context.ctx.read() as s:
        rows = s.execute(
            text(
                "SELECT id, channel, status, people FROM contact_moments WHERE deleted = 0 "
                "AND occurred_at < '2027-01-01'"
            )
        ).all()
    return [
        (cid, ch, st, list(json.loads(p) if isinstance(p, str) else p)) for cid, ch, st, p in rows
    ]


def _grids_add_up(rep: Report) -> int:
    """Every grid's rows and columns add up to its totals; returns how many sums were checked."""
    checked = 0
    for t in rep.tables():
        for g in t.grids:

            def n(r: int, c: int, t: Table = t) -> int:
                v = t.rows[r].values[c]
                assert isinstance(v, Count), (t.key, r, c, v)
                return v.value

            if g.total_col is not None:
                for r in g.rows:
                    assert sum(n(r, c) for c in g.cols) == n(r, g.total_col), (t.key, r)
                    checked += 1
            if g.total_row is not None:
                for c in g.cols:
                    assert sum(n(r, c) for r in g.rows) == n(g.total_row, c), (t.key, c)
                    checked += 1
                if g.total_col is not None:
                    grand = n(g.total_row, g.total_col)
                    assert sum(n(g.total_row, c) for c in g.cols) == grand, t.key
    return checked


def test_the_demo_report_adds_up_and_its_esf_view_is_a_subset(demo: FieldServices) -> None:
    field = demo
    rep = field.reports.compute(PARAMS)
    assert _grids_add_up(rep) > 100
    # Reach: a funnel narrows; caseload, phases and drempels rest on the same people.
    funnel = rep.table("reach.funnel")
    assert (
        value(funnel, "new", "people")
        >= value(funnel, "talk", "people")
        >= value(funnel, "started", "people")
    )
    caseload = value(rep.table("caseload.workers"), "total", "total")
    assert value(rep.table("phases.now"), "total", "people") <= caseload
    by_type = rep.table("reach.vindplaats")
    assert value(by_type, "total", "new") == value(funnel, "new", "people")
    # ESF+: closed trajectories are a subset of all trajectories, row by row, and the
    # ESF-only report is that same view.
    esf_tables = [t for t in rep.tables() if t.key.startswith("esf.")]
    assert len(esf_tables) == 11
    for t in esf_tables:
        for r in t.rows:
            assert value(t, r.key, "closed") <= value(t, r.key, "full"), (t.key, r.key)
        assert value(t, "total", "closed") < value(t, "total", "full")
    esf_only = field.reports.compute(ReportParams(PARAMS.period, esf_only=True))
    assert [t for t in esf_only.tables()] == esf_tables


def test_the_demo_export_leaves_no_small_cell_to_compute_back(demo: FieldServices) -> None:
    field = demo
    exact = field.reports.compute(PARAMS)
    field.report_settings.set_threshold(5)  # the default, as a funder gets it
    _all_hidden_protected(field.reports.suppressed(exact), exact, 5)
