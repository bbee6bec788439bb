"""The local full-text index (SQLite FTS5, accents folded): names, aliases and notes.

It is a local index, never synced: services keep it current in the same transaction as the
record they write, and it can be rebuilt from the records at any time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from app.models import FTS_TABLE, SearchDoc

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TOKENS = 8


def fts_query(user_text: str) -> str | None:
    """Each word becomes a quoted prefix term; all must match. None when nothing to search."""
    tokens = _TOKEN.findall(user_text)[:MAX_QUERY_TOKENS]
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', "") + '"*' for t in tokens)


def put(
    session: Session, record_id: str, person_ids: Iterable[str], body: str, *, new: bool = False
) -> None:
    """(Re)index `body` for a record, once per person it concerns (`new`: nothing to replace)."""
    if not new:
        remove(session, record_id)
    text_body = body.strip()
    if not text_body:
        return
    for person_id in dict.fromkeys(person_ids):
        doc = session.execute(
            insert(SearchDoc)
            .values(record_id=record_id, person_id=person_id)
            .returning(SearchDoc.doc)
        ).scalar_one()
        session.execute(
            text(f"INSERT INTO {FTS_TABLE} (rowid, person_id, body) VALUES (:d, :p, :b)"),  # noqa: S608 - constant table name
            {"d": doc, "p": person_id, "b": text_body},
        )


def remove(session: Session, record_id: str) -> None:
    with session.no_autoflush:
        docs = list(session.scalars(select(SearchDoc.doc).where(SearchDoc.record_id == record_id)))
    if not docs:
        return
    for d in docs:
        session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :d"), {"d": d})  # noqa: S608
    session.execute(delete(SearchDoc).where(SearchDoc.record_id == record_id))


def matching_people(session: Session, user_text: str, limit: int = 20000) -> list[str]:
    """Ids of people whose names, alias or notes match every word as a prefix."""
    q = fts_query(user_text)
    if q is None:
        return []
    rows = session.execute(
        text(f"SELECT DISTINCT person_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT :n"),  # noqa: S608
        {"q": q, "n": limit},
    )
    return [r[0] for r in rows]
