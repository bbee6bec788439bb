"""The local full-text index (SQLite FTS5, accents folded): names, aliases and notes.

One document per person holds their alias, names, note and the texts of all their contact
moments, so a search returns at most one row per person (fast as you type, and a query's words
may match across fields). It is a local index, never synced: services rebuild a person's
document in the same transaction as the record they write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from app.models import FTS_TABLE, ContactMoment, ContactPerson, Person, SearchDoc

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


def reindex_person(session: Session, person_id: str) -> None:
    """Rebuild the one search document of a person (or drop it when the person is gone)."""
    with session.no_autoflush:
        person = session.execute(
            select(
                Person.alias, Person.given_name, Person.family_name, Person.note, Person.deleted
            ).where(Person.id == person_id)
        ).first()
    if person is None or person.deleted:
        remove(session, person_id)
        return
    texts = session.execute(
        select(ContactMoment.summary, ContactMoment.private_note, ContactMoment.group_activity)
        .join(ContactPerson, ContactPerson.contact_id == ContactMoment.id)
        .where(ContactPerson.person_id == person_id, ContactMoment.deleted.is_(False))
    ).all()
    parts = [person.alias, person.given_name or "", person.family_name or "", person.note or ""]
    for summary, private_note, activity in texts:
        parts += [summary, private_note, activity or ""]
    put(session, person_id, [person_id], " ".join(p for p in parts if p))


def matching_people(session: Session, user_text: str, limit: int = 20000) -> list[str]:
    """Ids of people whose names, alias or notes match every word as a prefix."""
    q = fts_query(user_text)
    if q is None:
        return []
    # Only the FTS rowid is read, never the (large) content row: the person comes from the
    # small search_docs table. ~20x faster than selecting person_id from the FTS table.
    rows = session.execute(
        text(
            f"SELECT d.person_id FROM {FTS_TABLE} f JOIN search_docs d ON d.doc = f.rowid "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH :q LIMIT :n"
        ),
        {"q": q, "n": limit},
    )
    return [r[0] for r in rows]
