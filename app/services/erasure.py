"""Which records are about a person: the set an erasure (GDPR art. 17) must remove.

Deleted records count too: a tombstone keeps its fields, so a contact moment deleted before the
erasure still holds its summary, private note and the person's id. Records are therefore found
by their own fields (`person_id`, a contact moment's `people`), never through the local
indexes: the contact–people index drops a contact moment when it is deleted, and may be owed
after an interrupted pull.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from app.models import MODEL_BY_TYPE, ContactMoment, Person


@dataclass(frozen=True)
class AboutPerson:
    """What an erasure of one person touches (besides the person record itself)."""

    records: list[tuple[str, str]]  # (record type, id): removed entirely
    shared_contacts: list[ContactMoment]  # live group contacts: go on without the person


def _participants(c: ContactMoment) -> list[str]:
    return [str(p.get("person_id")) for p in c.people if isinstance(p, dict)]


def contacts_about(s: Session, person_id: str) -> list[ContactMoment]:
    """Every contact moment the person took part in, deleted ones included, read from the
    contacts' own `people` field (a text prefilter, then the exact check)."""
    candidates = s.scalars(
        select(ContactMoment).where(cast(ContactMoment.people, String).contains(person_id))
    )
    return [c for c in candidates if person_id in _participants(c)]


def records_about(s: Session, person_id: str) -> AboutPerson:
    """Every record about `person_id` except the person record: per-person records of every
    type (deleted ones too), the person's own and deleted contact moments, and the live group
    contacts that must only lose the person."""
    refs: list[tuple[str, str]] = []
    for model in MODEL_BY_TYPE.values():
        column = getattr(model, "person_id", None)
        if column is None or model is Person:
            continue
        refs.extend(
            (model.__record_type__, i)
            for i in s.scalars(select(model.id).where(column == person_id))
        )
    shared: list[ContactMoment] = []
    for c in contacts_about(s, person_id):
        others = [p for p in _participants(c) if p != person_id]
        if others and not c.deleted:
            shared.append(c)
        else:
            # Only about this person, or deleted: its summary and note go with the erasure.
            refs.append((ContactMoment.__record_type__, c.id))
    return AboutPerson(refs, shared)
