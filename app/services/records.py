"""The one way to write a synced record: field clocks, a new revision and an outbox entry, all
in the caller's transaction (DESIGN.md §5). A failed transaction leaves no outbox entry."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.domain.hlc import HybridClock, Stamp
from app.domain.revisions import revision_id
from app.models import Base, OutboxEntry, RecordHistory, Setting, SyncedRecord
from app.services.context import VaultContext

R = TypeVar("R", bound=SyncedRecord)

HLC_SETTING = "hlc_last"


def _wall_ms() -> int:
    return int(time.time() * 1000)


MAX_HISTORY = 50


def _history_row(session: Session, record_type: str, record_id: str) -> RecordHistory | None:
    with session.no_autoflush:
        row = session.get(RecordHistory, (record_type, record_id))
    if row is None:  # added in this unit of work and not flushed yet
        row = next(
            (
                o
                for o in session.new
                if isinstance(o, RecordHistory)
                and (o.record_type, o.record_id) == (record_type, record_id)
            ),
            None,
        )
    return row


def load_history(session: Session, record_type: str, record_id: str) -> list[list[Any]]:
    row = _history_row(session, record_type, record_id)
    return [list(e) for e in row.entries] if row is not None else []


def save_history(
    session: Session, record_type: str, record_id: str, entries: list[list[Any]]
) -> None:
    row = _history_row(session, record_type, record_id)
    if row is None:
        session.add(RecordHistory(record_type=record_type, record_id=record_id, entries=entries))
    else:
        row.entries = entries


def extend_history(
    entries: list[list[Any]], revision: str, clocks: Mapping[str, str]
) -> list[list[Any]]:
    """The ancestry after `revision` (with its clocks) was superseded, newest last, capped."""
    out = [e for e in entries if e[0] != revision] + [[revision, dict(clocks)]]
    return out[-MAX_HISTORY:]


def _defaults(model: type[SyncedRecord], given: Mapping[str, Any]) -> dict[str, Any]:
    """Column defaults of synced fields not given, applied now: the revision's payload is
    computed before the row is flushed, and must hold the values the row will have."""
    out: dict[str, Any] = {}
    for name in model.__sync_fields__:
        if name in given or name == "deleted":
            continue
        default = model.__table__.c[name].default
        if default is None:
            out[name] = None
        elif default.is_callable:
            out[name] = default.arg(None)
        else:
            out[name] = default.arg
    return out


def _table(model: type[Base]) -> Table:
    """The table of a model, for Core inserts (no per-row ORM bookkeeping)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Records:
    def __init__(self, ctx: VaultContext, wall_ms: Callable[[], int] = _wall_ms) -> None:
        self._ctx = ctx
        self._wall = wall_ms
        self._clock: HybridClock | None = None

    # --- the clock -------------------------------------------------------------------------
    def _tick(self, session: Session) -> str:
        with session.no_autoflush:
            row = session.get(Setting, HLC_SETTING)
        persisted = Stamp.decode(row.value.strip('"')) if row is not None else None
        if self._clock is None:
            self._clock = HybridClock(self._ctx.device.device_id, self._wall, persisted)
        elif persisted is not None:
            # Sync may have recorded a newer stamp seen on another device (note_seen_stamp).
            self._clock.catch_up(persisted)
        stamp = self._clock.now().encode()
        if row is None:
            session.add(Setting(key=HLC_SETTING, value=f'"{stamp}"'))
            session.flush()  # persistent from now on, so the next get finds it
        else:
            row.value = f'"{stamp}"'
        return stamp

    @staticmethod
    def note_seen_stamp(session: Session, stamp: str) -> None:
        """A stamp received from another device: local edits after it must stamp later, so
        a value edited after a pull always wins over the value it replaced (Lamport)."""
        Stamp.decode(stamp)
        with session.no_autoflush:
            row = session.get(Setting, HLC_SETTING)
        if row is None:
            session.add(Setting(key=HLC_SETTING, value=f'"{stamp}"'))
            session.flush()
        elif Stamp.decode(row.value.strip('"')) < Stamp.decode(stamp):
            row.value = f'"{stamp}"'

    @property
    def clock(self) -> HybridClock | None:
        return self._clock

    # --- writes ----------------------------------------------------------------------------
    def create(
        self,
        session: Session,
        model: type[R],
        values: Mapping[str, Any],
        *,
        record_id: str | None = None,
    ) -> R:
        unknown = set(values) - set(model.__sync_fields__)
        if unknown:
            raise ValueError(f"not synced fields of {model.__name__}: {sorted(unknown)}")
        values = {**_defaults(model, values), **values}
        stamp = self._tick(session)
        now = now_iso()
        worker = self._ctx.device.worker_id
        obj = model(
            id=record_id or str(uuid.uuid4()),
            created_at=now,
            created_by=worker,
            updated_at=now,
            updated_by=worker,
            parent_revisions=[],
            deleted=False,
            **values,
        )
        # Every synced field starts with this stamp ("*"), so a later edit anywhere wins
        # field-wise; only edited fields get their own entry later.
        obj.field_clocks = {"*": stamp}
        session.add(RecordHistory(record_type=model.__record_type__, record_id=obj.id, entries=[]))
        self._revise(session, obj, parents=[], history=None)
        session.add(obj)
        return obj

    def create_many(
        self,
        session: Session,
        model: type[SyncedRecord],
        rows: Sequence[tuple[str, Mapping[str, Any]]],
    ) -> None:
        """`create` for many records at once: (record id, values) each, the same revisions,
        clocks, history rows and outbox entries, written with one multi-row INSERT per table
        instead of per-object ORM work (an import of 50,000 contact moments). The rows are not
        in the session afterwards: read them back with a query."""
        if not rows:
            return
        columns = set(model.__sync_fields__)
        for _, values in rows:
            unknown = set(values) - columns
            if unknown:
                raise ValueError(f"not synced fields of {model.__name__}: {sorted(unknown)}")
        stamps = self._ticks(session, len(rows))
        now = now_iso()
        worker = self._ctx.device.worker_id
        record_type = model.__record_type__
        records: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        for (record_id, given), stamp in zip(rows, stamps, strict=True):
            values = {**_defaults(model, given), **given, "deleted": False}
            fields = {name: values[name] for name in model.__sync_fields__}
            clocks = {"*": stamp}
            rev = revision_id(record_type, record_id, [], fields, clocks)
            records.append(
                {
                    **values,
                    "id": record_id,
                    "created_at": now,
                    "created_by": worker,
                    "updated_at": now,
                    "updated_by": worker,
                    "revision": rev,
                    "parent_revisions": [],
                    "field_clocks": clocks,
                }
            )
            outbox.append(
                {
                    "record_type": record_type,
                    "record_id": record_id,
                    "revision": rev,
                    "parents": [],
                    "payload": {
                        "fields": fields,
                        "clocks": clocks,
                        "history": [],
                        "meta": {
                            "created_at": now,
                            "created_by": worker,
                            "updated_at": now,
                            "updated_by": worker,
                        },
                    },
                    "created_at": now,
                }
            )
        session.execute(insert(_table(model)), records)
        session.execute(
            insert(_table(RecordHistory)),
            [{"record_type": record_type, "record_id": r["id"], "entries": []} for r in records],
        )
        session.execute(insert(_table(OutboxEntry)), outbox)

    def _ticks(self, session: Session, n: int) -> list[str]:
        """`n` increasing stamps, the last one persisted (as `_tick` does for one)."""
        first = self._tick(session)
        assert self._clock is not None
        stamps = [first, *(self._clock.now().encode() for _ in range(n - 1))]
        if n > 1:
            with session.no_autoflush:
                row = session.get(Setting, HLC_SETTING)
            assert row is not None
            row.value = f'"{stamps[-1]}"'
        return stamps

    def update(self, session: Session, obj: SyncedRecord, changes: Mapping[str, Any]) -> bool:
        """Apply `changes`; returns False (and writes nothing) when nothing actually changed."""
        unknown = set(changes) - set(obj.__sync_fields__)
        if unknown:
            raise ValueError(f"not synced fields of {type(obj).__name__}: {sorted(unknown)}")
        changed = {k: v for k, v in changes.items() if getattr(obj, k) != v}
        if not changed:
            return False
        stamp = self._tick(session)
        old_clocks = dict(obj.field_clocks)
        clocks = dict(obj.field_clocks)
        for name, value in changed.items():
            setattr(obj, name, value)
            clocks[name] = stamp
        obj.field_clocks = clocks
        obj.updated_at = now_iso()
        obj.updated_by = self._ctx.device.worker_id
        history = extend_history(
            load_history(session, obj.__record_type__, obj.id), obj.revision, old_clocks
        )
        self._revise(session, obj, parents=[obj.revision], history=history)
        return True

    def delete(self, session: Session, obj: SyncedRecord) -> bool:
        """Tombstone: the record stays (so sync can tell everyone) with `deleted` set."""
        return self.update(session, obj, {"deleted": True})

    def _revise(
        self,
        session: Session,
        obj: SyncedRecord,
        parents: list[str],
        history: list[list[Any]] | None,
    ) -> None:
        """`history` None: a new record (its empty history row was just added)."""
        if history is not None:
            save_history(session, obj.__record_type__, obj.id, history)
        fields = obj.payload()
        rev = revision_id(obj.__record_type__, obj.id, parents, fields, obj.field_clocks)
        obj.revision = rev
        obj.parent_revisions = parents
        session.add(
            OutboxEntry(
                record_type=obj.__record_type__,
                record_id=obj.id,
                revision=rev,
                parents=parents,
                payload={
                    "fields": fields,
                    "clocks": dict(obj.field_clocks),
                    "history": history or [],
                    "meta": {
                        "created_at": obj.created_at,
                        "created_by": obj.created_by,
                        "updated_at": obj.updated_at,
                        "updated_by": obj.updated_by,
                    },
                },
                created_at=obj.updated_at,
            )
        )

    # --- reads -----------------------------------------------------------------------------
    @staticmethod
    def live(session: Session, model: type[R], record_id: str) -> R | None:
        obj = session.get(model, record_id)
        return None if obj is None or obj.deleted else obj

    @staticmethod
    def outbox(session: Session) -> list[OutboxEntry]:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)).all())
