"""The local full-text index (SQLite FTS5, accents folded): names, aliases and notes.

One document per person holds their alias, names, note and the texts of all their contact
moments, so a search returns at most one row per person (fast as you type, and a query's words
may match across fields). It is a local index, never synced: services rebuild a person's
document in the same transaction as the record they write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

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


CHUNK = 500  # ids per IN (...) list
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def remove(session: Session, record_id: str) -> None:
    """Drop the search document of a person (their id is the document's record id)."""
    _remove_docs(session, [record_id])


def _remove_docs(session: Session, record_ids: Sequence[str]) -> None:
    with session.no_autoflush:
        docs = list(
            session.scalars(select(SearchDoc.doc).where(SearchDoc.record_id.in_(record_ids)))
        )
    if not docs:
        return
    for part in chunks(docs):
        session.execute(
            text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({','.join(str(int(d)) for d in part)})")  # noqa: S608 - integers and a constant table name
        )
    session.execute(delete(SearchDoc).where(SearchDoc.record_id.in_(record_ids)))


def reindex_person(session: Session, person_id: str) -> None:
    """Rebuild the one search document of a person (or drop it when the person is gone)."""
    reindex_people(session, [person_id])


# Between the person's own words and their contact moments' in a document: lets a change to
# the person alone reuse the rest of the stored document (`people_only`). Never in the words.
_SPLIT = "\x1f"


def _words(parts: Iterable[str | None]) -> str:
    return " ".join(p.replace(_SPLIT, " ") for p in parts if p)


def reindex_people(
    session: Session, person_ids: Iterable[str], *, people_only: Iterable[str] = ()
) -> None:
    """Rebuild the search documents of many people set-wise: a handful of statements per
    `CHUNK` people instead of several per person (used after a pull). For the people in
    `people_only` only the person record changed: their contact moments' words are taken
    from the stored document instead of being read again (one row instead of hundreds)."""
    ids = list(dict.fromkeys(person_ids))
    reuse = set(people_only)
    for part in chunks(ids):
        with session.no_autoflush:
            people = {
                r.id: r
                for r in session.execute(
                    select(
                        Person.id,
                        Person.alias,
                        Person.given_name,
                        Person.family_name,
                        Person.note,
                        Person.deleted,
                    ).where(Person.id.in_(part))
                )
            }
        heads: dict[str, str] = {}
        for pid in part:
            p = people.get(pid)
            if p is not None and not p.deleted:
                heads[pid] = _words((p.alias, p.given_name, p.family_name, p.note))
        tails: dict[str, list[str]] = {}
        kept = [pid for pid in heads if pid in reuse]
        if kept:
            for pid, body in _stored_bodies(session, kept):
                if _SPLIT in body:
                    tails[pid] = [body.split(_SPLIT, 1)[1]]
        todo = [pid for pid in heads if pid not in tails]
        for pid in todo:
            tails[pid] = []
        if todo:
            for pid, summary, private_note, activity in session.execute(
                select(
                    ContactPerson.person_id,
                    ContactMoment.summary,
                    ContactMoment.private_note,
                    ContactMoment.group_activity,
                )
                .join(ContactPerson, ContactPerson.contact_id == ContactMoment.id)
                .where(ContactPerson.person_id.in_(todo), ContactMoment.deleted.is_(False))
            ):
                tails[pid].append(_words((summary, private_note, activity)))
        _remove_docs(session, part)
        texts = {}
        for pid, head in heads.items():
            tail = " ".join(t for t in tails[pid] if t).strip()
            if head.strip() or tail:
                texts[pid] = f"{head} {_SPLIT} {tail}"
        if not texts:
            continue
        session.execute(insert(SearchDoc), [{"record_id": pid, "person_id": pid} for pid in texts])
        docs = session.execute(
            select(SearchDoc.doc, SearchDoc.record_id).where(SearchDoc.record_id.in_(list(texts)))
        ).all()
        session.execute(
            text(f"INSERT INTO {FTS_TABLE} (rowid, person_id, body) VALUES (:d, :p, :b)"),  # noqa: S608 - constant table name
            [{"d": doc, "p": pid, "b": texts[pid]} for doc, pid in docs],
        )


def _stored_bodies(session: Session, record_ids: Sequence[str]) -> list[tuple[str, str]]:
    with session.no_autoflush:
        docs = dict(
            session.execute(
                select(SearchDoc.doc, SearchDoc.record_id).where(
                    SearchDoc.record_id.in_(record_ids)
                )
            ).all()
        )
    if not docs:
        return []
    rows = session.execute(
        text(
            f"SELECT rowid, body FROM {FTS_TABLE} "  # noqa: S608 - integers and a constant table name
            f"WHERE rowid IN ({','.join(str(int(d)) for d in docs)})"
        )
    )
    return [(docs[rowid], body) for rowid, body in rows]


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


# --- ranking: names first, and where each person matched ---------------------------------------
ALIAS = "alias"
NAME = "name"
NOTE = "note"
CONTACTS = "contacts"  # the texts of their contact moments


@dataclass(frozen=True)
class SearchHit:
    """A person found, `where` the words matched (in the order alias, name, note, contacts)
    and `rank`: 0 every word in the alias or name, 1 some word there, 2 the person's note,
    3 only their contact moments."""

    person_id: str
    where: tuple[str, ...]
    rank: int


def _fold(text: str | None) -> list[str]:
    """Words as the index sees them: case and accents ignored (unicode61, remove_diacritics)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _TOKEN.findall(plain)


def _hits(words: list[str], tokens: list[str]) -> set[str]:
    """Which query tokens are a prefix of one of `words`."""
    return {t for t in tokens if any(w.startswith(t) for w in words)}


def ranked_people(session: Session, user_text: str, *, names_only: bool = False) -> list[SearchHit]:
    """People matching every word (as `matching_people`), best first: those whose alias or
    name holds every word, then those with a word in their alias or name, then a note match,
    then a match in contact moments only. `names_only`: just the first group."""
    tokens = _fold(" ".join(_TOKEN.findall(user_text)[:MAX_QUERY_TOKENS]))
    if not tokens:
        return []
    ids = matching_people(session, user_text)
    if not ids:
        return []
    out: list[tuple[tuple[int, str], SearchHit]] = []
    for part in chunks(ids):
        rows = session.execute(
            select(
                Person.id, Person.alias, Person.given_name, Person.family_name, Person.note
            ).where(Person.id.in_(part))
        )
        for pid, alias, given, family, note in rows:
            in_alias = _hits(_fold(alias), tokens)
            in_name = _hits(_fold(given) + _fold(family), tokens)
            in_note = _hits(_fold(note), tokens)
            named = in_alias | in_name
            where = []
            if in_alias:
                where.append(ALIAS)
            if in_name:
                where.append(NAME)
            if in_note:
                where.append(NOTE)
            if named | in_note != set(tokens):
                where.append(CONTACTS)  # the rest can only be in their contact moments
            if len(named) == len(set(tokens)):
                rank = 0
            elif named:
                rank = 1
            elif in_note:
                rank = 2
            else:
                rank = 3
            if names_only and rank != 0:
                continue
            out.append(((rank, (alias or "").casefold()), SearchHit(pid, tuple(where), rank)))
    out.sort(key=lambda x: x[0])
    return [hit for _, hit in out]
