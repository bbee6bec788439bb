"""The local full-text index (SQLite FTS5, accents folded): names, aliases and notes.

One document per person holds their alias, names, note and the texts of all their contact
moments, so a search returns at most one row per person (fast as you type, and a query's words
may match across fields). It is a local index, never synced: services rebuild a person's
document in the same transaction as the record they write.
"""

from __future__ import annotations

import bisect
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


@dataclass(frozen=True)
class _Words:
    """Folded words → the people who have them in one field, with the words sorted so that a
    typed prefix finds its words by bisection."""

    sorted_words: list[str]
    people: dict[str, set[str]]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, list[str]]]) -> _Words:
        people: dict[str, set[str]] = {}
        for pid, words in pairs:
            for w in words:
                people.setdefault(w, set()).add(pid)
        return cls(sorted(people), people)

    def matching(self, token: str) -> set[str]:
        """The people with a word in this field that starts with `token`."""
        out: set[str] = set()
        words = self.sorted_words
        i = bisect.bisect_left(words, token)
        while i < len(words) and words[i].startswith(token):
            out |= self.people[words[i]]
            i += 1
        return out

    def merged(self, other: _Words) -> _Words:
        people = {w: set(p) for w, p in self.people.items()}
        for w, p in other.people.items():
            people.setdefault(w, set()).update(p)
        return _Words(sorted(people), people)


@dataclass(frozen=True)
class NameIndex:
    """The folded words of everyone's alias, names and note, made once when the caseload loads
    (on the worker), so ranking a search's hits as the worker types costs a few set look-ups
    per hit instead of reading and folding every hit's record again."""

    alias: _Words
    name: _Words
    note: _Words
    keys: dict[str, str]  # id -> alias (case-folded), for the order within a rank

    @classmethod
    def of(cls, people: Iterable[tuple[str, str, str | None, str | None, str | None]]) -> NameIndex:
        """From (id, alias, given name, family name, note) per person."""
        rows = list(people)
        return cls(
            _Words.of((pid, _fold(alias)) for pid, alias, _, _, _ in rows),
            _Words.of((pid, _fold(given) + _fold(family)) for pid, _, given, family, _ in rows),
            _Words.of((pid, _fold(note)) for pid, _, _, _, note in rows),
            {pid: alias.casefold() for pid, alias, _, _, _ in rows},
        )

    def merged(self, other: NameIndex) -> NameIndex:
        return NameIndex(
            self.alias.merged(other.alias),
            self.name.merged(other.name),
            self.note.merged(other.note),
            {**self.keys, **other.keys},
        )


def rank(
    index: NameIndex, ids: Iterable[str], user_text: str, *, names_only: bool = False
) -> list[SearchHit]:
    """Order the people the full-text index found: every word in the alias or name first,
    then some word there, then the note, then contact moments only (see `SearchHit`)."""
    tokens = list(dict.fromkeys(_fold(" ".join(_TOKEN.findall(user_text)[:MAX_QUERY_TOKENS]))))
    if not tokens:
        return []
    by_alias = [index.alias.matching(t) for t in tokens]
    by_name = [index.name.matching(t) for t in tokens]
    by_note = [index.note.matching(t) for t in tokens]
    # Sets once per query, then a few look-ups per hit (thousands of hits for one letter).
    alias_any = set().union(*by_alias)
    name_any = set().union(*by_name)
    note_any = set().union(*by_note)
    named_all = set.intersection(*(a | b for a, b in zip(by_alias, by_name, strict=True)))
    covered_all = set.intersection(
        *(a | b | c for a, b, c in zip(by_alias, by_name, by_note, strict=True))
    )
    named_any = alias_any | name_any
    out: list[tuple[tuple[int, str], SearchHit]] = []
    for pid in ids:
        key = index.keys.get(pid)
        if key is None:
            continue  # gone since (deleted between the two reads)
        r = 0 if pid in named_all else 1 if pid in named_any else 2 if pid in note_any else 3
        if names_only and r != 0:
            continue
        where = tuple(
            label
            for label, present in (
                (ALIAS, pid in alias_any),
                (NAME, pid in name_any),
                (NOTE, pid in note_any),
                (CONTACTS, pid not in covered_all),  # the rest can only be in contact moments
            )
            if present
        )
        out.append(((r, key), SearchHit(pid, where, r)))
    out.sort(key=lambda x: x[0])
    return [hit for _, hit in out]


def ranked_people(
    session: Session, user_text: str, *, names_only: bool = False, index: NameIndex | None = None
) -> list[SearchHit]:
    """People matching every word (as `matching_people`), best first (see `rank`). Without an
    `index` the hits' names are read from the database."""
    ids = matching_people(session, user_text)
    if not ids:
        return []
    known = index.keys if index is not None else {}
    missing = [pid for pid in ids if pid not in known]  # people added since the index was made
    if missing:
        people: list[tuple[str, str, str | None, str | None, str | None]] = []
        for part in chunks(missing):
            rows = session.execute(
                select(
                    Person.id, Person.alias, Person.given_name, Person.family_name, Person.note
                ).where(Person.id.in_(part))
            )
            people += [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
        extra = NameIndex.of(people)
        index = index.merged(extra) if index is not None else extra
    assert index is not None
    return rank(index, ids, user_text, names_only=names_only)
