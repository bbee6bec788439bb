"""Demo data: plausible distributions, everything written as real revisions."""

from __future__ import annotations

import collections
from datetime import datetime

from sqlalchemy import func, select, text

from app.models import MODEL_BY_TYPE, ContactMoment, OutboxEntry, PhaseEventRecord
from app.services.demo import generate_demo
from app.services.field import FieldServices


def test_demo_covers_phases_outcomes_groups_and_tallies(field: FieldServices) -> None:
    summary = generate_demo(field, 120, contacts_per_person=12)
    rows = field.caseload.rows()
    assert len(rows) == summary.people == 120
    phases = collections.Counter(r.phase for r in rows)
    assert set(field.vocab["phases"].codes()) <= set(phases)
    with field.context.ctx.read() as s:
        outcomes = {
            o
            for (o,) in s.execute(
                select(PhaseEventRecord.outcome).where(PhaseEventRecord.outcome.is_not(None))
            )
        }
        assert outcomes == set(field.vocab["outcomes"].codes())
        n_contacts = s.scalar(select(func.count()).select_from(ContactMoment))
        groups = s.scalar(
            text("SELECT count(*) FROM contact_moments WHERE group_activity IS NOT NULL")
        )
        tallies = s.scalar(text("SELECT sum(people_spoken) FROM presence_logs"))
        outbox = s.scalar(select(func.count()).select_from(OutboxEntry))
    assert n_contacts == summary.contacts and groups and groups > 0 and tallies and tallies > 0
    assert outbox and outbox > n_contacts  # every record went through the record writer
    # ... and nothing was changed behind its back: each record is its latest revision.
    with field.context.ctx.read() as s:
        latest = {
            (e.record_type, e.record_id): e
            for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.id))
        }
        for record_type, model in MODEL_BY_TYPE.items():
            for r in s.scalars(select(model)):
                e = latest[(record_type, r.id)]
                assert (e.revision, e.payload["fields"]) == (r.revision, r.payload())
    assert summary.assessments > 120  # about five ZRM measurements per client
    team = field.zrm.team_distance()
    assert team["financien"].people > 20 and team["financien"].mean_change is not None
    assert sum(1 for r in rows if r.is_client) > 60 and sum(1 for r in rows if not r.is_client) > 10
    # The worker's day has something on it.
    today = field.caseload.today()
    assert today.not_contacted or today.todos_overdue
    # Nothing lies in the future.
    assert all(
        c.occurred_at <= datetime(2026, 11, 20, 23, 59)
        for r in rows[:5]
        for c in field.contacts.timeline(r.id)
    )


def test_demo_has_a_team_of_four_and_its_group_work(field: FieldServices) -> None:
    generate_demo(field, 60, contacts_per_person=6)
    workers = field.workers.workers()
    assert [w.name for w in workers] == [
        "An Claes",
        "Bram Peeters",
        "Koen Wouters",
        "Yasmina El Amrani",
    ]
    me = field.workers.me()
    assert me is not None and me.name == "An Claes"
    followed = collections.Counter(r.worker_name for r in field.caseload.rows())
    assert set(followed) == {w.name for w in workers} and min(followed.values()) >= 5
    groups = field.groups.groups()
    assert [g.name for g in groups] == ["Jobclub: van cv tot gesprek", "Kookatelier"]
    for g in groups:
        d = field.groups.detail(g.id)
        held = [x for x in d.sessions if x.held]
        assert len(held) >= 3 and len(d.sessions) - len(held) in (2, 3)
        now = field.context.now()
        assert all(x.starts_at >= now for x in d.sessions if not x.held)  # none left to record
        assert all(x.contact_id for x in held) and g.members >= 5
    # A second call fills the same vault without doubling the team or its groups.
    generate_demo(field, 10, contacts_per_person=2)
    assert len(field.workers.workers()) == 4 and len(field.groups.groups()) == 2
