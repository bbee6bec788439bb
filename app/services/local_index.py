"""What the vault keeps beside the records, derived from them and never synced: which people a
contact moment concerns, each person's search document, cached contact dates and cached
phase. Services refresh one person at a time as they write; a pull notes the people it
touched as index debt and rebuilds them here set-wise, a few statements per `CHUNK` people,
once it has applied its pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.domain.vocab import Vocabularies
from app.models import ContactMoment, ContactPerson, IndexDebt, Person, PhaseEventRecord
from app.services import search
from app.services.search import chunks
from app.services.trajectory import domain_event, phase_order

REACHED = "bereikt"

# What changed for a person in debt (bit flags, OR-ed together).
PERSON = 1  # the person record: their own words in the search document
CONTACTS = 2  # contact moments about them: the rest of the document, cached contact dates
PHASE = 4  # phase events: the cached phase
EVERYTHING = PERSON | CONTACTS | PHASE


class Debt(dict[str, int]):
    """People whose local indexes a pull must rebuild, with what changed for each."""

    def add(self, kind: int, *person_ids: str) -> None:
        for pid in person_ids:
            self[pid] = self.get(pid, 0) | kind


def contact_people_rows(
    contact_id: str,
    people: Sequence[Mapping[str, Any]],
    occurred_at: str,
    status: str,
    channel: str,
) -> list[dict[str, Any]]:
    """The `contact_people` rows of a live contact moment, one per person on it (with the
    contact's channel and status, which reports count by)."""
    seen: dict[str, dict[str, Any]] = {}
    for p in people:
        seen.setdefault(
            str(p["person_id"]),
            {
                "contact_id": contact_id,
                "person_id": str(p["person_id"]),
                "attended": bool(p.get("attended", True)),
                "occurred_at": occurred_at,
                "reached": status == REACHED,
                "channel": channel,
                "status": status,
            },
        )
    return list(seen.values())


def refresh_contact_dates(s: Session, person_ids: Iterable[str]) -> None:
    """Each person's last reached contact and the next contact planned at their latest one."""
    ids = list(dict.fromkeys(person_ids))
    for part in chunks(ids):
        people = list(s.scalars(select(Person).where(Person.id.in_(part))))
        if not people:
            continue
        last = dict(
            s.execute(
                select(ContactPerson.person_id, func.max(ContactPerson.occurred_at))
                .where(
                    ContactPerson.person_id.in_(part),
                    ContactPerson.reached.is_(True),
                    ContactPerson.attended.is_(True),
                )
                .group_by(ContactPerson.person_id)
            ).all()
        )
        # The latest live contact moment of each person (contact_people holds live ones only;
        # SQLite takes a bare column of an aggregate query from the row that holds the max()),
        # then what that one plans: a lookup per person, not per contact moment. A group
        # activity plans nothing for each of its people, so it leaves their plan as it was.
        latest = {
            contact_id: pid
            for pid, contact_id, _ in s.execute(
                select(
                    ContactPerson.person_id,
                    ContactPerson.contact_id,
                    func.max(ContactPerson.occurred_at),
                )
                .join(ContactMoment, ContactMoment.id == ContactPerson.contact_id)
                .where(ContactPerson.person_id.in_(part), ContactMoment.group_activity.is_(None))
                .group_by(ContactPerson.person_id)
            )
        }
        nxt = {
            latest[cid]: planned
            for cid, planned in s.execute(
                select(ContactMoment.id, ContactMoment.next_contact_at).where(
                    ContactMoment.id.in_(list(latest))
                )
            )
        }
        for person in people:
            person.last_contact_at = last.get(person.id)
            person.next_contact_at = nxt.get(person.id)


def refresh_phases(s: Session, vocab: Vocabularies, person_ids: Iterable[str]) -> None:
    """Each person's cached phase, replayed from their live phase events."""
    order = phase_order(vocab)
    ids = list(dict.fromkeys(person_ids))
    for part in chunks(ids):
        people = list(s.scalars(select(Person).where(Person.id.in_(part))))
        if not people:
            continue
        events: dict[str, list[t.PhaseEvent]] = {}
        for r in s.scalars(
            select(PhaseEventRecord).where(
                PhaseEventRecord.person_id.in_(part), PhaseEventRecord.deleted.is_(False)
            )
        ):
            events.setdefault(r.person_id, []).append(domain_event(r))
        for person in people:
            state = t.replay(events.get(person.id, ()), order)
            person.phase = state.phase
            person.low_flame = state.low_flame
            person.closed = state.closed


def rebuild_people(
    s: Session,
    vocab: Vocabularies,
    person_ids: Iterable[str],
    kinds: Mapping[str, int] | None = None,
) -> None:
    """Rebuild the local indexes of people; with `kinds` (see `Debt`) only what changed."""
    ids = list(dict.fromkeys(person_ids))
    kind = {pid: (kinds or {}).get(pid, EVERYTHING) for pid in ids}
    refresh_contact_dates(s, [pid for pid in ids if kind[pid] & CONTACTS])
    refresh_phases(s, vocab, [pid for pid in ids if kind[pid] & PHASE])
    s.flush()
    search.reindex_people(
        s,
        [pid for pid in ids if kind[pid] & (PERSON | CONTACTS)],
        people_only=[pid for pid in ids if kind[pid] & (PERSON | CONTACTS) == PERSON],
    )


def owe(s: Session, debt: Mapping[str, int]) -> None:
    """Note people whose indexes must be rebuilt (in the caller's transaction)."""
    rows = [{"person_id": pid, "kinds": kinds} for pid, kinds in debt.items()]
    for part in chunks(rows):
        stmt = sqlite_insert(IndexDebt)
        s.execute(
            stmt.on_conflict_do_update(
                index_elements=[IndexDebt.person_id],
                set_={"kinds": IndexDebt.kinds.op("|")(stmt.excluded.kinds)},
            ),
            list(part),
        )


def work_off(s: Session, vocab: Vocabularies, limit: int = search.CHUNK) -> int:
    """Rebuild up to `limit` people in debt and clear their debt; how many were rebuilt."""
    rows = s.execute(
        select(IndexDebt.person_id, IndexDebt.kinds).order_by(IndexDebt.person_id).limit(limit)
    ).all()
    if rows:
        kinds = {pid: k for pid, k in rows}
        rebuild_people(s, vocab, list(kinds), kinds)
        s.execute(delete(IndexDebt).where(IndexDebt.person_id.in_(list(kinds))))
    return len(rows)


__all__ = [
    "CONTACTS",
    "EVERYTHING",
    "PERSON",
    "PHASE",
    "Debt",
    "contact_people_rows",
    "owe",
    "rebuild_people",
    "refresh_contact_dates",
    "refresh_phases",
    "work_off",
]
