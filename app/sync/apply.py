"""Applying a pulled revision to the local vault: insert, fast-forward, ignore, or merge.

Each revision carries its ancestry (revision ids with their field clocks): a pulled version
that descends from ours replaces it, one we descend from is ignored, and concurrent versions
are merged field by field (`app.domain.merge`) against their newest common ancestor. The merge
becomes a new local revision with both parents, queued for push, and every value that lost is
written to the conflict table. Local indexes (search, contact people, cached trajectory state)
are refreshed for what changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import JSON, delete, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.crypto.header import now_iso
from app.domain.hlc import Stamp, node_of
from app.domain.merge import Conflict, Version, merge
from app.domain.revisions import revision_id
from app.models import (
    MODEL_BY_TYPE,
    Base,
    ContactMoment,
    ContactPerson,
    OutboxEntry,
    Person,
    PhaseEventRecord,
    PurgedRecord,
    RecordHistory,
    RecordTeam,
    SyncedConflict,
    SyncedRecord,
)
from app.services import search
from app.services.local_index import CONTACTS, PERSON, PHASE, Debt, contact_people_rows
from app.services.record_upgrades import upgrade_payload
from app.services.records import MAX_HISTORY, load_history, save_history
from app.services.search import chunks
from app.services.sync_purge import people_of

# Free text that must never lose words: concurrent edits keep both texts.
NOTE_FIELDS = frozenset({
    "note", "summary", "private_note", "reason", "why_now", "goals", "strengths", "feedback",
    "next_contact_note", "who_met", "best_times", "result",
})  # fmt: skip
_META_KEYS = ("created_at", "created_by", "updated_at", "updated_by")


class Outcome(StrEnum):
    INSERTED = "inserted"
    SAME = "same"
    FAST_FORWARD = "fast_forward"
    OLDER = "older"
    MERGED = "merged"
    PURGED = "purged"


CONFLICT_TYPE = SyncedConflict.__record_type__


class PayloadError(ValueError):
    """A decrypted payload does not have the shape of its record type."""


@dataclass(frozen=True)
class Incoming:
    record_type: str
    record_id: str
    revision: str
    parents: tuple[str, ...]
    fields: Mapping[str, Any]
    clocks: Mapping[str, str]  # as stored: compact ("*" plus edited fields) or expanded
    meta: Mapping[str, str]
    history: tuple[tuple[str, Mapping[str, str]], ...] = ()
    newest: Stamp | None = None  # the newest of `clocks`, decoded while validating


def parse_payload(
    record_type: str,
    record_id: str,
    revision: str,
    parents: tuple[str, ...],
    payload: Mapping[str, Any],
) -> Incoming:
    """Validate a decrypted payload against the record type (it came from the network)."""
    model = MODEL_BY_TYPE.get(record_type)
    if model is None:
        raise PayloadError(f"unknown record type {record_type}")
    fields, clocks, meta = payload.get("fields"), payload.get("clocks"), payload.get("meta")
    history = payload.get("history", [])
    if isinstance(fields, dict) and isinstance(clocks, dict) and isinstance(history, list):
        # Revisions written by an older version of the app, in today's shape.
        fields, clocks, history = upgrade_payload(record_type, fields, clocks, history)
    if not isinstance(fields, dict):
        raise PayloadError("fields do not match the record type")
    fields, added = upgrade_fields(model, fields)
    if set(fields) != set(model.__sync_fields__):
        raise PayloadError("fields do not match the record type")
    if not isinstance(clocks, dict) or not clocks:
        raise PayloadError("clocks missing")
    newest: Stamp | None = None
    oldest: tuple[Stamp, str] | None = None
    for name, text in clocks.items():
        if name != "*" and name not in model.__sync_fields__:
            raise PayloadError("clock for an unknown field")
        stamp = Stamp.decode(str(text))  # raises ValueError on garbage
        newest = stamp if newest is None or stamp > newest else newest
        oldest = (stamp, str(text)) if oldest is None or stamp < oldest[0] else oldest
    if "*" not in clocks and added and oldest is not None:
        # Expanded clocks from before the fields existed: they take the oldest stamp.
        clocks = {**clocks, **dict.fromkeys(added, oldest[1])}
    if "*" not in clocks and set(clocks) != set(model.__sync_fields__):
        raise PayloadError("clocks incomplete")
    if not isinstance(meta, dict) or any(not isinstance(meta.get(k), str) for k in _META_KEYS):
        raise PayloadError("meta missing")
    if not isinstance(fields.get("deleted"), bool):
        raise PayloadError("deleted must be a boolean")
    if any(fields[name] is None for name in _required_fields(model)):
        raise PayloadError("a required field is empty")
    if not isinstance(history, list) or len(history) > 2 * MAX_HISTORY:
        raise PayloadError("history malformed")
    parsed: list[tuple[str, Mapping[str, str]]] = []
    for entry in history:
        if (
            not isinstance(entry, list)
            or len(entry) != 2
            or not isinstance(entry[0], str)
            or not isinstance(entry[1], dict)
            or not entry[1]
        ):
            raise PayloadError("history entry malformed")
        for stamp in entry[1].values():
            Stamp.decode(str(stamp))
        parsed.append((entry[0], {str(k): str(v) for k, v in entry[1].items()}))
    return Incoming(
        record_type,
        record_id,
        revision,
        parents,
        dict(fields),
        {str(k): str(v) for k, v in clocks.items()},
        dict(meta),
        tuple(parsed),
        newest,
    )


def upgrade_fields(
    model: type[SyncedRecord], fields: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A payload written before some fields existed, read with the values its
    `__sync_upgrades__` give them; returns the fields and the names that were added. A payload
    missing any other field is left as it is (and refused by the caller)."""
    missing = set(model.__sync_fields__) - set(fields)
    if not missing or not missing <= set(model.__sync_upgrades__):
        return dict(fields), ()
    added = tuple(sorted(missing))
    return {**fields, **{n: model.__sync_upgrades__[n](fields) for n in added}}, added


@cache
def _required_fields(model: type[SyncedRecord]) -> tuple[str, ...]:
    """Synced fields whose column is NOT NULL: a payload must give them a value."""
    mapper = sa_inspect(model)
    return tuple(
        name for name in model.__sync_fields__ if not mapper.attrs[name].columns[0].nullable
    )


def expand(clocks: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {n: clocks.get(n) or clocks["*"] for n in names}


@dataclass(frozen=True)
class FoundConflict:
    """A value that lost a concurrent edit in a merge, and whose it was: `lost_by` is the
    worker who wrote it (this device's worker when the losing value was ours), `lost_device`
    the device that wrote it (the node of its clock stamp)."""

    field: str
    kept: Any
    kept_clock: str
    lost: Any
    lost_clock: str
    lost_by: str | None
    lost_device: str | None
    both_kept: bool


def apply_incoming(
    s: Session,
    inc: Incoming,
    *,
    device_worker: str,
    debt: Debt | None = None,
    found: list[FoundConflict] | None = None,
) -> Outcome:
    """Apply one pulled revision inside the caller's transaction. With `debt`, the people
    whose search documents and cached dates change are noted there instead of rebuilt. The
    conflicts of a merge go into `found`, for the caller to write as synced conflicts
    (`app.sync.conflicts.record_conflicts`); conflicts about a conflict record are not kept
    (its fields simply take the newer value)."""
    if s.get(PurgedRecord, (inc.record_type, inc.record_id)) is not None:
        return Outcome.PURGED
    model = MODEL_BY_TYPE[inc.record_type]
    names = model.__sync_fields__
    local = s.get(model, inc.record_id)
    remote_clocks = expand(inc.clocks, names)
    if local is None:
        obj = model(
            id=inc.record_id,
            revision=inc.revision,
            parent_revisions=list(inc.parents),
            field_clocks=dict(inc.clocks),
            **{k: inc.meta[k] for k in _META_KEYS},
            **inc.fields,
        )
        s.add(obj)
        save_history(s, inc.record_type, inc.record_id, [list(e) for e in inc.history])
        s.flush()
        refresh_local_indexes(s, obj, previous_people=(), debt=debt)
        return Outcome.INSERTED
    if local.revision == inc.revision:
        return Outcome.SAME
    before_people = people_of(local)
    local_history = load_history(s, inc.record_type, inc.record_id)
    local_revs = {e[0] for e in local_history}
    remote_revs = {e[0] for e in inc.history}
    if local.revision in remote_revs:
        # The remote version descends from ours: take it as it is.
        _overwrite(local, inc.fields, dict(inc.clocks), inc.revision, list(inc.parents), inc.meta)
        s.execute(
            delete(OutboxEntry).where(
                OutboxEntry.record_type == inc.record_type, OutboxEntry.record_id == inc.record_id
            )
        )
        save_history(s, inc.record_type, inc.record_id, [list(e) for e in inc.history])
        s.flush()
        refresh_local_indexes(s, local, previous_people=before_people, debt=debt)
        return Outcome.FAST_FORWARD
    if inc.revision in local_revs:
        return Outcome.OLDER  # an ancestor of ours: our outbox carries what came after
    local_clocks = local.clocks()
    # Concurrent. The common ancestor is the newest revision both histories hold.
    common = [(rev, clocks) for rev, clocks in inc.history if rev in local_revs]
    base = None
    if common:
        _, base_compact = max(common, key=lambda e: (max(e[1].values()), e[0]))
        base = expand(base_compact, names)
    local_fields = local.payload()
    merged = merge(
        Version(local_fields, local_clocks),
        Version(inc.fields, remote_clocks),
        NOTE_FIELDS,
        base,
    )
    parents = sorted([local.revision, inc.revision])
    rev = revision_id(inc.record_type, inc.record_id, parents, merged.fields, merged.clocks)
    history = _union_history(
        [*local_history, [local.revision, dict(local.field_clocks)]],
        [*[[r, dict(c)] for r, c in inc.history], [inc.revision, dict(inc.clocks)]],
    )
    _overwrite(local, merged.fields, merged.clocks, rev, parents, None)
    local.updated_at = max(local.updated_at, inc.meta["updated_at"])
    # Each conflict with the side its losing value came from: True when it was ours.
    conflicts = [
        (c, c.lost_clock == local_clocks[c.field] and c.lost_clock != remote_clocks[c.field])
        for c in merged.conflicts
    ]
    if merged.fields.get("deleted") and not any(c.field == "deleted" for c, _ in conflicts):
        # A delete won over edits made meanwhile on the other side: keep that visible, so the
        # worker can restore the record with its edits instead of losing them silently.
        for side_fields, side_clocks, ours in (
            (local_fields, local_clocks, True),
            (inc.fields, remote_clocks, False),
        ):
            if side_fields.get("deleted"):
                continue
            edited = [
                n for n in names if n != "deleted" and (base is None or side_clocks[n] > base[n])
            ]
            if edited:
                conflicts.append(
                    (
                        Conflict(
                            "deleted",
                            True,
                            merged.clocks["deleted"],
                            False,
                            max(side_clocks[n] for n in edited),
                            False,
                        ),
                        ours,
                    )
                )
    if found is not None and inc.record_type != CONFLICT_TYPE:
        for c, ours in conflicts:
            found.append(
                FoundConflict(
                    field=c.field,
                    # For joined notes, what is kept is the joined text the record now holds.
                    kept=merged.fields[c.field] if c.both_kept else c.kept,
                    kept_clock=c.kept_clock,
                    lost=c.lost,
                    lost_clock=c.lost_clock,
                    lost_by=device_worker if ours else inc.meta.get("updated_by"),
                    lost_device=node_of(c.lost_clock),
                    both_kept=c.both_kept,
                )
            )
    s.execute(
        delete(OutboxEntry).where(
            OutboxEntry.record_type == inc.record_type, OutboxEntry.record_id == inc.record_id
        )
    )
    save_history(s, inc.record_type, inc.record_id, history)
    s.add(
        OutboxEntry(
            record_type=inc.record_type,
            record_id=inc.record_id,
            revision=rev,
            parents=parents,
            payload={
                "fields": merged.fields,
                "clocks": merged.clocks,
                "history": history,
                "meta": {k: getattr(local, k) for k in _META_KEYS},
            },
            created_at=now_iso(),
        )
    )
    s.flush()
    refresh_local_indexes(s, local, previous_people=before_people, debt=debt)
    return Outcome.MERGED


def _union_history(a: list[list[Any]], b: list[list[Any]]) -> list[list[Any]]:
    """Both ancestries, each revision once, ordered by its newest stamp, capped."""
    seen: dict[str, dict[str, str]] = {}
    for rev, clocks in [*a, *b]:
        seen.setdefault(rev, dict(clocks))
    ordered = sorted(seen.items(), key=lambda e: (max(e[1].values()), e[0]))
    return [[rev, clocks] for rev, clocks in ordered][-MAX_HISTORY:]


def _overwrite(
    obj: SyncedRecord,
    fields: Mapping[str, Any],
    clocks: dict[str, str],
    rev: str,
    parents: list[str],
    meta: Mapping[str, str] | None,
) -> None:
    for k, v in fields.items():
        setattr(obj, k, v)
    obj.field_clocks = clocks
    obj.revision = rev
    obj.parent_revisions = parents
    if meta is not None:
        obj.updated_at, obj.updated_by = meta["updated_at"], meta["updated_by"]


def refresh_local_indexes(
    s: Session,
    obj: SyncedRecord,
    previous_people: tuple[str, ...],
    debt: Debt | None = None,
) -> None:
    """Rebuild what the services keep beside the records: search, contact people, phase
    (or, with `debt`, note the people concerned for a set-wise rebuild)."""
    from app.services import vocabularies
    from app.services.contacts import reindex_contact
    from app.services.trajectory import refresh_person_state

    if isinstance(obj, ContactMoment):
        reindex_contact(s, obj, previous_people, debt)
        return
    person_id = obj.id if isinstance(obj, Person) else None
    if isinstance(obj, PhaseEventRecord):
        person_id = obj.person_id
    if person_id is None:
        return
    if debt is not None:
        debt.add(PERSON if isinstance(obj, Person) else PHASE, person_id)
    elif isinstance(obj, Person):
        search.reindex_person(s, obj.id)
    else:
        person = s.get(Person, person_id)
        if person is not None:
            refresh_person_state(vocabularies.builtin(), s, person)


class PageInserts:
    """The records of a pulled page that this vault has never held (nearly all of them in a
    first sync), inserted together: one multi-row INSERT per table instead of the ORM's
    statements per record. The people they concern go into `debt` for a set-wise index
    rebuild. `flush()` before anything reads the database (the next record in a page may be
    a sibling revision of one queued here)."""

    def __init__(self, s: Session, team_id: str, debt: Debt) -> None:
        self._s = s
        self._team = team_id
        self._debt = debt
        self._rows: dict[type[SyncedRecord], list[tuple[Any, ...]]] = {}
        self._teams: list[dict[str, Any]] = []
        self._histories: list[dict[str, Any]] = []
        self._contact_people: list[dict[str, Any]] = []
        self.keys: set[tuple[str, str]] = set()

    def route(self, inc: Incoming) -> None:
        """A record held here already: only make sure its team is known."""
        self._teams.append(
            {"record_type": inc.record_type, "record_id": inc.record_id, "team_id": self._team}
        )

    def add(self, inc: Incoming, row: tuple[Any, ...] | None = None) -> None:
        """Queue a record never held here; `row`: its `fresh_row`, when made beforehand."""
        model = MODEL_BY_TYPE[inc.record_type]
        fields = inc.fields
        self._rows.setdefault(model, []).append(row if row is not None else fresh_row(inc))
        self._teams.append(
            {"record_type": inc.record_type, "record_id": inc.record_id, "team_id": self._team}
        )
        if inc.history:
            self._histories.append(
                {
                    "record_type": inc.record_type,
                    "record_id": inc.record_id,
                    "entries": [list(e) for e in inc.history],
                }
            )
        if model is ContactMoment:
            people = fields.get("people") or []
            if not fields["deleted"]:
                self._contact_people += contact_people_rows(
                    inc.record_id,
                    people,
                    fields["occurred_at"],
                    fields["status"],
                    fields["channel"],
                )
            self._debt.add(CONTACTS, *(str(p["person_id"]) for p in people))
        elif model is Person:
            self._debt.add(PERSON, inc.record_id)
        elif model is PhaseEventRecord:
            self._debt.add(PHASE, str(fields["person_id"]))
        self.keys.add((inc.record_type, inc.record_id))

    def flush(self) -> None:
        if not self.keys and not self._teams:
            return
        s = self._s
        for model, rows in self._rows.items():
            s.connection().exec_driver_sql(_insert_plan(model)[0], rows)
        insert_rows(s, ContactPerson, self._contact_people)
        insert_rows(s, RecordHistory, self._histories)
        insert_rows(s, RecordTeam, self._teams, or_ignore=True)
        self._rows.clear()
        self._teams.clear()
        self._histories.clear()
        self._contact_people.clear()
        self.keys.clear()


_Column = tuple[str, bool, Any]  # attribute key, JSON-encoded, value when the row has none


@cache
def _insert_plan(model: type[Base], *, or_ignore: bool = False) -> tuple[str, tuple[_Column, ...]]:
    """A plain INSERT for every column of a synced model, and how to fill each from a row.

    Rows of a first sync go straight to the driver (executemany): the ORM's per-row work
    costs more than the insert itself. Values are converted as the column types would: JSON
    columns as `json.dumps` text (None as `null`), booleans as 0/1 by the driver, strings and
    integers as they are; a column the row lacks gets its scalar default (only local columns
    such as a person's cached phase)."""
    columns: list[_Column] = []
    # Columns SQLite computes itself (a ZRM measurement's report levels) are never written.
    attrs = [a for a in sa_inspect(model).column_attrs if a.columns[0].computed is None]
    for attr in attrs:
        col = attr.columns[0]
        default = col.default.arg if isinstance(col.default, ScalarElementColumnDefault) else None
        columns.append((attr.key, isinstance(col.type, JSON), default))
    names = ", ".join(f'"{attr.columns[0].name}"' for attr in attrs)
    marks = ", ".join("?" for _ in columns)
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    sql = f'{verb} INTO "{model.__tablename__}" ({names}) VALUES ({marks})'
    return sql, tuple(columns)


def fresh_row(inc: Incoming) -> tuple[Any, ...]:
    """The values of the INSERT for a record never held here, as the driver takes them (no
    database access: the app makes them outside the vault's turn)."""
    model = MODEL_BY_TYPE[inc.record_type]
    row = {
        "id": inc.record_id,
        "revision": inc.revision,
        "parent_revisions": list(inc.parents),
        "field_clocks": dict(inc.clocks),
        **{k: inc.meta[k] for k in _META_KEYS},
        **inc.fields,
    }
    return _values(_insert_plan(model)[1], row)


def insert_rows(
    s: Session, model: type[Base], rows: list[dict[str, Any]], *, or_ignore: bool = False
) -> None:
    if rows:
        sql, columns = _insert_plan(model, or_ignore=or_ignore)
        s.connection().exec_driver_sql(sql, [_values(columns, row) for row in rows])


def _values(columns: tuple[_Column, ...], row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(
        (json.dumps(row[key]) if is_json else row[key]) if key in row else default
        for key, is_json, default in columns
    )


def known_records(
    s: Session, keys: Iterable[tuple[str, str]]
) -> tuple[dict[tuple[str, str], str], set[tuple[str, str]]]:
    """Of `keys` (record type, id): those this vault holds, with their current revision, and
    those erased here."""
    by_type: dict[str, list[str]] = {}
    for record_type, record_id in keys:
        by_type.setdefault(record_type, []).append(record_id)
    held: dict[tuple[str, str], str] = {}
    purged: set[tuple[str, str]] = set()
    for record_type, ids in by_type.items():
        model = MODEL_BY_TYPE.get(record_type)
        for part in chunks(ids):
            if model is not None:
                found = s.execute(select(model.id, model.revision).where(model.id.in_(part)))
                held.update(((record_type, i), rev) for i, rev in found)
            purged.update(
                (record_type, i)
                for i in s.scalars(
                    select(PurgedRecord.record_id).where(
                        PurgedRecord.record_type == record_type, PurgedRecord.record_id.in_(part)
                    )
                )
            )
    return held, purged


def references_erased(inc: Incoming, erased: set[str]) -> str | None:
    """The erased person a pulled revision is about, if any."""
    person = inc.fields.get("person_id")
    if isinstance(person, str) and person in erased:
        return person
    for p in inc.fields.get("people") or []:
        if isinstance(p, dict) and p.get("person_id") in erased:
            return str(p["person_id"])
    return None


__all__ = [
    "FoundConflict",
    "Incoming",
    "Outcome",
    "PageInserts",
    "apply_incoming",
    "fresh_row",
    "known_records",
    "parse_payload",
    "references_erased",
]
