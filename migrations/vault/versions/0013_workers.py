"""Workers as people: a worker profile record type, and a person's worker as a reference.

A person's typed `assigned_worker` name becomes `worker_id`, the id of the worker that name
stands for (`app.domain.workers.legacy_worker_id`, the same on every device); the names are
kept in the `settings` table (`upgrade_legacy_workers`) until the settings upgrade turns them
into worker records that sync. A typed `team` that names a team this device syncs with routes
the person there; a team is the sync team from now on, so the typed column goes. Field clocks,
histories, queued revisions and open conflicts are rewritten the same way, in place, so every
device of a team upgrades a revision to the same content.

Revision ID: 0013_workers
Revises: 0012_shared_settings
Create Date: 2026-11-23
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from app.domain.workers import fold, legacy_worker_id, upgrade_person_payload

revision = "0013_workers"
down_revision = "0012_shared_settings"
branch_labels = None
depends_on = None

LEGACY_KEY = "upgrade_legacy_workers"


def _synced_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.String(length=64), nullable=False),
        sa.Column("parent_revisions", sa.JSON(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "workers",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("function", sa.String(length=100), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("legacy", sa.Boolean(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workers")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("worker_id", sa.String(length=36), nullable=True))
        batch_op.create_index("ix_people_worker", ["worker_id"], unique=False)

    conn = op.get_bind()
    names: dict[str, str] = {}
    teams = {fold(n): t for t, n in conn.execute(sa.text("SELECT team_id, name FROM team_state"))}
    routed = {
        r
        for (r,) in conn.execute(
            sa.text("SELECT record_id FROM record_teams WHERE record_type = 'person'")
        )
    }
    people = conn.execute(
        sa.text("SELECT id, assigned_worker, team, field_clocks FROM people")
    ).all()
    for pid, worker, team, clocks_text in people:
        worker_id = legacy_worker_id(worker)
        if worker_id is not None:
            names.setdefault(worker_id, " ".join(str(worker).split()))
        fields = {"assigned_worker": worker, "team": team}
        _, clocks, _ = upgrade_person_payload(fields, json.loads(clocks_text), [])
        conn.execute(
            sa.text("UPDATE people SET worker_id = :w, field_clocks = :c WHERE id = :id"),
            {"w": worker_id, "c": json.dumps(clocks), "id": pid},
        )
        team_id = teams.get(fold(team)) if team else None
        if team_id is not None and pid not in routed:
            conn.execute(
                sa.text(
                    "INSERT INTO record_teams (record_type, record_id, team_id) "
                    "VALUES ('person', :id, :t)"
                ),
                {"id": pid, "t": team_id},
            )
    for rid, entries_text in conn.execute(
        sa.text("SELECT record_id, entries FROM record_history WHERE record_type = 'person'")
    ).all():
        _, _, entries = upgrade_person_payload(
            {"assigned_worker": None}, {"*": ""}, json.loads(entries_text)
        )
        conn.execute(
            sa.text(
                "UPDATE record_history SET entries = :e "
                "WHERE record_type = 'person' AND record_id = :id"
            ),
            {"e": json.dumps(entries), "id": rid},
        )
    for oid, payload_text in conn.execute(
        sa.text("SELECT id, payload FROM outbox WHERE record_type = 'person'")
    ).all():
        payload = json.loads(payload_text)
        fields, clocks, history = upgrade_person_payload(
            payload["fields"], payload["clocks"], payload.get("history", [])
        )
        old = payload["fields"].get("assigned_worker")
        if isinstance(old, str) and legacy_worker_id(old):
            names.setdefault(str(legacy_worker_id(old)), " ".join(old.split()))
        payload.update(fields=fields, clocks=clocks, history=history)
        conn.execute(
            sa.text("UPDATE outbox SET payload = :p WHERE id = :id"),
            {"p": json.dumps(payload), "id": oid},
        )
    conn.execute(sa.text("DELETE FROM conflicts WHERE record_type = 'person' AND field = 'team'"))
    for cid, kept, lost in conn.execute(
        sa.text(
            "SELECT id, kept, lost FROM conflicts "
            "WHERE record_type = 'person' AND field = 'assigned_worker'"
        )
    ).all():
        values = []
        for text in (kept, lost):
            name = json.loads(text) if text is not None else None
            wid = legacy_worker_id(name) if isinstance(name, str) else None
            if wid is not None:
                names.setdefault(wid, " ".join(str(name).split()))
            values.append(json.dumps(wid))
        conn.execute(
            sa.text(
                "UPDATE conflicts SET field = 'worker_id', kept = :k, lost = :l WHERE id = :id"
            ),
            {"k": values[0], "l": values[1], "id": cid},
        )
    if names:
        conn.execute(
            sa.text("INSERT OR REPLACE INTO settings (key, value) VALUES (:k, :v)"),
            {"k": LEGACY_KEY, "v": json.dumps(names, ensure_ascii=False)},
        )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("assigned_worker")
        batch_op.drop_column("team")


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("assigned_worker", sa.String(length=100), nullable=True))
        batch_op.drop_index("ix_people_worker")
        batch_op.drop_column("worker_id")
    op.drop_table("workers")
