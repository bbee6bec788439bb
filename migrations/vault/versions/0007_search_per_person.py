"""Search index: one document per person (names, alias, note and all contact texts).

Revision ID: 0007_search_per_person
Revises: 0006_purges
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0007_search_per_person"
down_revision = "0006_purges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM search_fts")
    op.execute("DELETE FROM search_docs")
    op.execute(
        "INSERT INTO search_docs (record_id, person_id) SELECT id, id FROM people WHERE deleted = 0"
    )
    op.execute(
        """
        INSERT INTO search_fts (rowid, person_id, body)
        SELECT d.doc, p.id,
               p.alias || ' ' || coalesce(p.given_name, '') || ' ' ||
               coalesce(p.family_name, '') || ' ' || coalesce(p.note, '') || ' ' ||
               coalesce((SELECT group_concat(c.summary || ' ' || c.private_note || ' ' ||
                                             coalesce(c.group_activity, ''), ' ')
                         FROM contact_people cp
                         JOIN contact_moments c ON c.id = cp.contact_id
                         WHERE cp.person_id = p.id AND c.deleted = 0), '')
        FROM people p JOIN search_docs d ON d.record_id = p.id
        """
    )
    op.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def downgrade() -> None:
    # The per-contact documents of 0003 are rebuilt by re-saving; an empty index is valid.
    op.execute("DELETE FROM search_fts")
    op.execute("DELETE FROM search_docs")
