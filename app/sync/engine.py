"""The push/pull/apply engine (DESIGN.md §6, docs/sync-protocol.md): push of the outbox,
pull by cursor with merge, purges, and the guards.

Everything that must not be lost is in the vault before anything is sent: the outbox entry
is deleted only in the transaction that records the store's acknowledgement, and the cursor
advances only in the transaction that stores what it covers. So an interrupted sync resumes.

Fetching a page (`fetch_page`, network only) and applying it (`apply_page`, vault only) are
separate calls, so a caller can run them on different lanes.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.crypto.header import now_iso
from app.domain.hlc import Stamp
from app.errors import VaultLocked
from app.models import (
    MODEL_BY_TYPE,
    ContactMoment,
    OutboxEntry,
    Person,
    Purge,
    QuarantineEntry,
    RecordTeam,
    TeamState,
)
from app.services import local_index, vocabularies
from app.services.audit import AuditService, audit_sync_pass, queued_types
from app.services.records import Records
from app.services.search import chunks
from app.services.sync_purge import erased_people, purge_person_leftovers
from app.services.sync_purge import purge_records as apply_purge
from app.sync import envelope, faults, trust
from app.sync.apply import (
    FoundConflict,
    Incoming,
    Outcome,
    PageInserts,
    PayloadError,
    apply_incoming,
    fresh_row,
    known_records,
    parse_payload,
    references_erased,
)
from app.sync.codes import ErrorCode, ItemKind, Role
from app.sync.conflicts import record_conflicts
from app.sync.errors import (
    MassDeletionPending,
    PendingPurge,
    PurgeConfirmationPending,
    SyncCancelled,
    SyncError,
    TeamsRefused,
    bad_response,
)
from app.sync.link import SyncLink
from app.sync.membership import Membership
from app.sync.protocol import MAX_PUSH_REVISIONS, MAX_SKEW_MS, b64d, b64e

log = logging.getLogger(__name__)

MASS_DELETE_SHARE = 0.2
MASS_DELETE_MIN = 10
MAX_ROUNDS = 4
PULL_PAGE = 1000  # items per pull request (the store also caps a page's bytes)
PULL_TRANSACTION_RECORDS = 25_000  # pulled items applied per transaction, at most a page more
INDEX_REBUILD_PEOPLE = 2_000  # people whose local indexes are rebuilt per transaction
# When the vault is shared (the app: saves and searches go between the sync's steps), each
# step in the vault's turn aims at `SHARED_TURN_S`: the number of pulled items applied, or of
# people re-indexed, per transaction follows from how long the last step took (at most the
# `_MAX`), so work queued behind a step waits about that long on any machine.
SHARED_TURN_S = 0.04
SHARED_APPLY_MAX = 1_000
SHARED_INDEX_MAX = 500


class _Pace:
    """How many units (items, people) the next step in the vault's turn takes, from how long
    the last steps took per unit; smoothed, between 1 and `most`."""

    def __init__(self, first: int, most: int) -> None:
        self.most = max(1, most)
        self._size = float(max(1, min(first, self.most)))

    @property
    def size(self) -> int:
        return int(self._size)

    def took(self, units: int, seconds: float) -> None:
        if units <= 0 or seconds <= 0:
            return
        wanted = SHARED_TURN_S * units / seconds
        # Halfway towards what would have hit the target: one slow step (the machine was busy)
        # does not shrink the steps at once, nor one fast step grow them.
        self._size = max(1.0, min(float(self.most), (self._size * wanted) ** 0.5))


@dataclass(frozen=True)
class SyncProgress:
    """How far a sync pass is: `phase` is "push" (changes sent) or "pull" (store positions
    received); `total` is 0 while unknown. Reported between batches, from the sync thread."""

    phase: str
    done: int
    total: int


ProgressCallback = Callable[[SyncProgress], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    purged: int = 0
    purges_pushed: int = 0
    pending_approvals: int = 0  # coordinator: devices waiting with an invite made here
    quarantined: int = 0
    verify_s: float = 0.0  # time spent checking signatures and roster membership of pulls
    outcomes: dict[str, int] = field(default_factory=dict)
    # Pulled revisions that changed something here, by record type (the audit of a pass).
    changed_types: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Pulled:
    """One item of a pulled page after decryption and verification: a revision, a signed
    purge from a current member (its reach is checked against the vault when applied), an
    item for the quarantine (with the reason), or nothing (an unknown record type from a newer
    version, skipped)."""

    seq: int
    incoming: Incoming | None = None
    purge: trust.SignedPurge | None = None
    author: trust.DeviceEntry | None = None
    quarantine: str | None = None  # the reason
    item: Mapping[str, Any] | None = None  # as received, for the quarantine
    row: tuple[Any, ...] | None = None  # the incoming record's INSERT values, made beforehand


@dataclass(frozen=True)
class FetchedPage:
    """One page of a team's pull as the store sent it (`fetch_page`, network only): its raw
    items, the cursor after it, and whether more follow."""

    team_id: str
    after: int
    items: list[Any]
    next_after: int
    more: bool


@dataclass(frozen=True)
class PageResult:
    """What `apply_page` did: items applied, merges written, the team's cursor after it, and
    a large purge it stopped before (the cursor stays before it until the worker agrees)."""

    pulled: int
    merged: int
    cursor: int
    pending: PendingPurge | None = None


# A purge touching more records than this here, or beyond one person, waits for the worker.
PURGE_ASK_RECORDS = 250


class SyncEngine:
    def __init__(self, link: SyncLink, members: Membership) -> None:
        self._link = link
        self._members = members
        self._progress: ProgressCallback | None = None
        self._should_stop: Callable[[], bool] | None = None
        self._confirmed_purges: frozenset[str] = frozenset()
        self._pending: dict[str, PendingPurge] = {}

    # --- one sync pass -------------------------------------------------------------------------
    def sync_once(
        self,
        *,
        confirm_mass_deletion: bool = False,
        confirm_purges: Collection[str] = (),
        progress: ProgressCallback | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """One pass: verify the membership log and accept the team keys it vouches for, push
        the outbox, pull every team's new revisions, merge, repeat while merges produced new
        revisions. `progress` is called between batches (on this thread); `should_stop` is
        asked between batches and ends the pass with `SyncCancelled`, keeping every batch
        already acknowledged or applied. A large pulled purge waits (its team stops before it)
        until its id is in `confirm_purges`; teams whose key did not verify are skipped. Both
        are raised after everything else was synced (`PurgeConfirmationPending`,
        `TeamsRefused`)."""
        report = SyncReport()
        self._progress = progress
        self._should_stop = should_stop
        self._confirmed_purges = frozenset(confirm_purges)
        self._pending = {}
        with self._link.read() as s:
            self._link.require(s)
            queued = queued_types(s)
        roster = self._members.refresh()
        if roster.coordinator(self._link.ctx.device.device_id) is not None:
            report.pending_approvals = len(self._members.pending_devices())
        for _ in range(MAX_ROUNDS):
            # Erasures first, so nothing about an erased person is pushed or kept after them;
            # again in each round, for follow-up purges the pull before made.
            report.purges_pushed += self._push_purges()
            pushed = self._push(confirm_mass_deletion)
            pulled, merged = self._pull(report)
            report.pushed += pushed
            report.pulled += pulled
            report.merged += merged
            if not merged and not self._purges_waiting():
                break
        with self._link.transaction() as s:
            cfg2 = self._link.config(s)
            assert cfg2 is not None
            cfg2.last_sync_at = now_iso()
            audited = audit_sync_pass(self._auditor(), s, report, queued)
        if audited:
            report.pushed += self._push(confirm_mass_deletion)  # the pass's own entry goes too
        if self._members.refused_teams:
            raise TeamsRefused(dict(self._members.refused_teams))
        if self._pending:
            raise PurgeConfirmationPending(list(self._pending.values()))
        return report

    def _team_of(
        self, s: Session, record_type: str, record_id: str, home: str | None
    ) -> str | None:
        row = s.get(RecordTeam, (record_type, record_id))
        return row.team_id if row is not None else home

    def _teams_of(
        self, s: Session, entries: list[OutboxEntry], home: str | None
    ) -> list[str | None]:
        """The team each queued revision goes to: the record's team once it has one; else
        the team of the person it is about (a coordinator may work in several teams), else
        the home team."""
        known: dict[tuple[str, str], str] = {}
        wanted = {(e.record_type, e.record_id) for e in entries}
        wanted |= {("person", p) for e in entries if (p := _person_of(e.payload)) is not None}
        by_type: dict[str, list[str]] = {}
        for record_type, record_id in wanted:
            by_type.setdefault(record_type, []).append(record_id)
        for record_type, ids in by_type.items():
            for part in chunks(sorted(ids)):
                for row in s.scalars(
                    select(RecordTeam).where(
                        RecordTeam.record_type == record_type, RecordTeam.record_id.in_(part)
                    )
                ):
                    known[(row.record_type, row.record_id)] = row.team_id
        out: list[str | None] = []
        for e in entries:
            team = known.get((e.record_type, e.record_id))
            if team is None:
                person = _person_of(e.payload)
                team = known.get(("person", person)) if person is not None else None
            out.append(team or home)
        return out

    def _push(self, confirm_mass_deletion: bool) -> int:
        pushed = 0
        with self._link.read() as s:
            cfg = self._link.require(s)
            home = cfg.home_team_id
            self._mass_deletion_guard(s, confirm_mass_deletion)
            total = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
        if total:
            self._report("push", 0, total)
        while True:
            self._check_stop()
            with self._link.read() as s:
                entries = list(
                    s.scalars(
                        select(OutboxEntry).order_by(OutboxEntry.id).limit(MAX_PUSH_REVISIONS)
                    )
                )
                if not entries:
                    return pushed
                keys = self._members.keys(s)
                states = {t.team_id: t.current_epoch for t in s.scalars(select(TeamState))}
                teams = self._teams_of(s, entries, home)
            # Sealed outside the vault's turn: the entries are plain values from here on.
            batches: dict[str, list[tuple[int, dict[str, Any]]]] = {}
            refused = self._members.refused_teams
            for e, team in zip(entries, teams, strict=True):
                if team in refused:
                    continue  # stays queued until that team's key verifies again
                if team is None or team not in states:
                    raise SyncError(
                        "Dit toestel heeft nog geen team: een coördinator moet "
                        "het eerst goedkeuren.",
                        ErrorCode.NO_TEAM,
                    )
                epoch = states[team]
                key = keys.get((team, epoch))
                if key is None:
                    raise SyncError(
                        "De teamsleutel ontbreekt nog: een coördinator moet dit "
                        "toestel eerst goedkeuren.",
                        ErrorCode.NO_TEAM_KEY,
                    )
                meta = envelope.RecordMeta(
                    team,
                    e.record_type,
                    e.record_id,
                    e.revision,
                    tuple(e.parents),
                    self._link.ctx.device.device_id,
                    epoch,
                )
                batches.setdefault(team, []).append(
                    (
                        e.id,
                        {
                            "record_type": e.record_type,
                            "record_id": e.record_id,
                            "revision": e.revision,
                            "parents": list(e.parents),
                            "epoch": epoch,
                            "ciphertext": b64e(envelope.seal_record(key, meta, e.payload)),
                        },
                    )
                )
            if not batches:
                return pushed
            for team, items in batches.items():
                answer = self._link.transport().post(
                    "/v2/push", {"team_id": team, "revisions": [body for _, body in items]}
                )
                results = {r["revision"]: r["status"] for r in answer.get("results", [])}
                faults.hit("after_push_before_ack")
                acked = [(i, body) for i, body in items if body["revision"] in results]
                with self._link.transaction() as s:
                    # Not acknowledged: stays queued.
                    for ids in chunks([i for i, _ in acked]):
                        s.execute(delete(OutboxEntry).where(OutboxEntry.id.in_(ids)))
                    rows = list(
                        {
                            (b["record_type"], b["record_id"]): {
                                "record_type": b["record_type"],
                                "record_id": b["record_id"],
                                "team_id": team,
                            }
                            for _, b in acked
                        }.values()
                    )
                    for part in chunks(rows):
                        s.execute(sqlite_insert(RecordTeam).on_conflict_do_nothing(), list(part))
                pushed += len(acked)
                self._report("push", pushed, max(total, pushed))
                if len(acked) < len(items):
                    raise SyncError(
                        "De centrale opslag bevestigde niet alle wijzigingen; ze blijven "
                        "klaarstaan voor de volgende synchronisatie.",
                        ErrorCode.PARTIAL_ACK,
                    )

    def _mass_deletion_guard(self, s: Session, confirmed: bool) -> None:
        if confirmed:
            return
        # Counted in SQL: a first push may queue hundreds of thousands of payloads.
        deletions = int(
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(
                    func.json_extract(OutboxEntry.payload, "$.fields.deleted") == 1,
                    func.json_array_length(OutboxEntry.parents) > 0,
                )
            )
            or 0
        )
        if deletions <= MASS_DELETE_MIN:
            return
        live = 0
        for model in MODEL_BY_TYPE.values():
            live += int(s.scalar(select(func.count()).select_from(model)) or 0)
        if live and deletions / live > MASS_DELETE_SHARE:
            raise MassDeletionPending(deletions, live)

    # --- pull: one page fetched (network), one page applied (vault) ------------------------

    def fetch_page(self, team_id: str, after: int, limit: int | None = None) -> FetchedPage:
        """One page of `team_id`'s pull after cursor `after`: a network call and nothing else
        (no vault access), safe on a network lane."""
        answer = self._link.transport().get(
            f"/v2/pull?team={team_id}&after={after}&limit={limit or PULL_PAGE}"
        )
        items = answer.get("items", [])
        if not isinstance(items, list):
            raise bad_response()
        try:
            next_after = int(answer.get("next_after", after))
        except (TypeError, ValueError) as exc:
            raise bad_response() from exc
        more = bool(answer.get("more"))
        if next_after < after or (more and next_after == after):
            # A cursor that goes back, or "more" without moving on: a store that would keep
            # this device pulling for ever.
            raise bad_response()
        return FetchedPage(team_id, after, items, next_after, more)

    def apply_page(self, s: Session, page: FetchedPage, report: SyncReport) -> PageResult:
        """Check, decrypt and apply one fetched page and advance its team's cursor, inside the
        caller's vault transaction `s` (commit it to keep both). Items that do not verify go
        to the quarantine; a large purge stops the page before it (`PageResult.pending`). The
        local indexes of the people concerned are owed (`work_off_index_debt` rebuilds them).
        Uses the roster of the last `Membership.refresh`."""
        decoded = self.decode_page(page, self._members.keys(s), report)
        return self._apply_decoded(s, page.team_id, decoded, page.after, page.next_after, report)

    def decode_page(
        self, page: FetchedPage, keys: dict[tuple[str, int], bytes], report: SyncReport
    ) -> list[Pulled]:
        """Check, verify and decrypt one fetched page with the team `keys` (no vault access:
        in the app this runs on the network lane, outside the vault's turn)."""
        roster = self._members.roster()
        # Who may have written what: once per (device, epoch) of the page, not per item.
        started = time.perf_counter()
        writers = {
            (item.get("device_id"), item.get("epoch"))
            for item in page.items
            if isinstance(item, dict) and item.get("kind") != ItemKind.PURGE
        }
        allowed = {
            (d, e)
            for d, e in writers
            if isinstance(d, str)
            and isinstance(e, int)
            and roster.may_have_written(d, page.team_id, e)
        }
        report.verify_s += time.perf_counter() - started
        return [
            self._decode(page.team_id, item, keys, roster, allowed, report) for item in page.items
        ]

    def _apply_decoded(
        self,
        s: Session,
        team: str,
        decoded: list[Pulled],
        after: int,
        next_after: int,
        report: SyncReport,
    ) -> PageResult:
        """Apply decoded items (a page, or a slice of one) and move the team's cursor to
        `next_after` (or just before a large purge that waits for the worker)."""
        pulled, merged, pending = self._apply_page(s, team, decoded, report)
        faults.hit("mid_pull")
        st = s.get(TeamState, team)
        if st is None:
            raise SyncError("Dit toestel hoort niet (meer) bij dat team.", ErrorCode.NO_TEAM)
        if pending is None:
            st.cursor = max(st.cursor, next_after)
        else:
            # Everything before the purge is applied; the purge and what follows wait.
            before = [p.seq for p in decoded[:pulled]]
            st.cursor = max(st.cursor, before[-1] if before else after)
        return PageResult(pulled, merged, st.cursor, pending)

    def _apply_in_turns(
        self,
        page: FetchedPage,
        keys: dict[tuple[str, int], bytes],
        report: SyncReport,
        pace: _Pace,
    ) -> PageResult:
        """The app's way (the vault is shared): decode the page here, outside the vault's
        turn, then apply it in slices sized by `pace`, each in a short transaction of its own
        with the cursor after it, so work queued on the vault runs in between."""
        decoded = [
            p if p.incoming is None else replace(p, row=fresh_row(p.incoming))
            for p in self.decode_page(page, keys, report)
        ]  # rows for a bulk insert made here too: most of a first sync's items need one
        pulled = merged = 0
        after = cursor = page.after
        start = 0
        while True:
            part = decoded[start : start + pace.size]
            start += len(part)
            last = start >= len(decoded)
            # Within the page the store numbers items in order; never past the page's end.
            upto = page.next_after if last else max(after, min(part[-1].seq, page.next_after))
            with self._link.transaction(durable=False) as s:
                began = time.perf_counter()
                result = self._apply_decoded(s, page.team_id, part, after, upto, report)
            pace.took(len(part), time.perf_counter() - began)  # the commit included
            pulled += result.pulled
            merged += result.merged
            cursor = result.cursor
            if result.pending is not None:
                return PageResult(pulled, merged, cursor, result.pending)
            if last:
                return PageResult(pulled, merged, cursor)
            after = upto

    def apply_page_now(self, page: FetchedPage, report: SyncReport | None = None) -> PageResult:
        """`apply_page` in a transaction of its own, then the local indexes it owes."""
        # Pulled again if a power cut undoes it, since its cursor goes too.
        with self._link.transaction(durable=False) as s:
            result = self.apply_page(s, page, report or SyncReport())
        self.work_off_index_debt()
        return result

    def _pull(self, report: SyncReport) -> tuple[int, int]:
        """Every team's new revisions, page by page. The next page is fetched on a helper
        thread while this one is applied (the store's work and the network overlap with
        ours). Alone with the vault (the command line), pages are applied with their cursor
        in transactions of up to `PULL_TRANSACTION_RECORDS` (fewer, larger commits: a first
        sync touches index pages all over the vault), so whatever was fetched but not
        committed is fetched again. Sharing it (the app), each page is decoded outside the
        vault's turn and applied in short transactions (`_apply_in_turns`)."""
        pulled = merged = 0
        with self._link.read() as s:
            start = {
                t.team_id: t.cursor
                for t in s.scalars(select(TeamState))
                if t.team_id not in self._members.refused_teams and not self._pending_in(t.team_id)
            }
            keys = self._members.keys(s)
        # Alone with the vault: pages go in large transactions (fewer commits). Sharing it
        # (the app): each page in short transactions of its own, decoded outside the turn.
        shared = self._link.shares_vault
        pace = _Pace(100, SHARED_APPLY_MAX)
        cursors = dict(start)
        heads = self._members.heads
        total = sum(max(0, heads.get(team, 0) - c) for team, c in start.items())
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as ahead, ExitStack() as tx:
                session: Session | None = None
                in_tx = 0
                for team in start:
                    after = start[team]
                    self._check_stop()
                    coming = ahead.submit(self.fetch_page, team, after)
                    while True:
                        page = coming.result()
                        stop = page.more and self._stop_requested()
                        if page.more and not stop:
                            coming = ahead.submit(self.fetch_page, team, page.next_after)
                        if shared:
                            result = self._apply_in_turns(page, keys, report, pace)
                        else:
                            if session is None:
                                # Pulled again if a power cut undoes it (its cursor goes too).
                                session = tx.enter_context(self._link.transaction(durable=False))
                            result = self.apply_page(session, page, report)
                        cursors[team] = result.cursor
                        in_tx += len(page.items)
                        if result.pending is not None:
                            self._pending[result.pending.purge_id] = result.pending
                        waits = result.pending is not None
                        if stop or waits or not page.more or in_tx >= PULL_TRANSACTION_RECORDS:
                            tx.close()  # commit
                            session, in_tx = None, 0
                        pulled += result.pulled
                        merged += result.merged
                        if not page.more and not waits:
                            # the rest up to the head was superseded or purged
                            cursors[team] = max(cursors[team], heads.get(team, 0))
                        done = sum(c - start[t] for t, c in cursors.items())
                        self._report("pull", done, max(total, done))
                        if stop:
                            raise SyncCancelled()
                        if not page.more or waits:
                            break
        except BaseException:
            # Stopped or failed: still index what arrived, unless that fails too (then the
            # next sync does it); the original error is the one to report.
            try:
                self.work_off_index_debt()
            except VaultLocked:
                pass  # locked meanwhile: the next sync after unlocking rebuilds them
            except Exception:
                log.warning("local indexes not rebuilt after an interrupted pull", exc_info=True)
            raise
        self.work_off_index_debt()
        return pulled, merged

    def _pending_in(self, team: str) -> bool:
        return any(p.team_id == team for p in self._pending.values())

    def work_off_index_debt(self) -> None:
        """Rebuild the local indexes of people touched by pulled records (set-wise, in
        batches, each in its own transaction with the debt it clears)."""
        vocab = vocabularies.builtin()
        shared = self._link.shares_vault
        pace = _Pace(20, SHARED_INDEX_MAX)
        while True:
            # Redone if a power cut undoes it: the debt it clears comes back with it.
            with self._link.transaction(durable=False) as s:
                began = time.perf_counter()
                done = local_index.work_off(
                    s, vocab, limit=pace.size if shared else INDEX_REBUILD_PEOPLE
                )
            if not done:
                return
            pace.took(done, time.perf_counter() - began)

    def _decode(
        self,
        team: str,
        item: Any,
        keys: dict[tuple[str, int], bytes],
        roster: trust.Roster,
        allowed: set[tuple[Any, Any]],
        report: SyncReport,
    ) -> Pulled:
        """Check, verify, decrypt and validate one pulled item (no database work). Whatever
        does not hold up becomes a quarantine entry with its reason; only a page that is not a
        list of numbered items is a bad answer."""
        if not isinstance(item, dict):
            raise bad_response()
        try:
            seq = int(item["seq"])
        except (KeyError, TypeError, ValueError) as exc:
            raise bad_response() from exc

        def quarantine(reason: str) -> Pulled:
            return Pulled(seq, quarantine=reason, item=item)

        if item.get("kind") == ItemKind.PURGE:
            started = time.perf_counter()
            try:
                purge = trust.parse_purge(roster.organisation_id, team, item)
                author = trust.verify_purge(roster, purge)
            except trust.TrustError as exc:
                return quarantine(exc.reason)
            finally:
                report.verify_s += time.perf_counter() - started
            return Pulled(seq, purge=purge, author=author)
        try:
            record_type, record_id = str(item["record_type"]), str(item["record_id"])
            epoch = int(item["epoch"])
            device_id = str(item["device_id"])
            meta = envelope.RecordMeta(
                team,
                record_type,
                record_id,
                str(item["revision"]),
                tuple(str(p) for p in item.get("parents", [])),
                device_id,
                epoch,
            )
            ciphertext = b64d(item["ciphertext"], max_bytes=256 * 1024)
        except (KeyError, TypeError, ValueError):
            return quarantine("malformed")
        if (device_id, epoch) not in allowed:
            return quarantine("not_a_member")
        if record_type not in MODEL_BY_TYPE:
            log.warning("unknown record type in pull skipped")
            return Pulled(seq)
        key = keys.get((team, epoch))
        if key is None:
            return quarantine("no_key")
        try:
            payload = envelope.open_record(key, meta, ciphertext)
        except (envelope.EnvelopeError, ValueError):
            return quarantine("does_not_decrypt")
        try:
            inc = parse_payload(record_type, record_id, meta.revision, meta.parents, payload)
        except (PayloadError, ValueError):
            return quarantine("invalid")
        assert inc.newest is not None  # parse_payload requires clocks
        if inc.newest.wall_ms - self._link.now_ms() > MAX_SKEW_MS:
            return quarantine("from_the_future")
        return Pulled(seq, incoming=inc)

    def _apply_page(
        self, s: Session, team: str, page: list[Pulled], report: SyncReport
    ) -> tuple[int, int, PendingPurge | None]:
        """Apply one pulled page inside one transaction. Records never seen here go in bulk
        (`PageInserts`); the rest (held already, erased, purges, quarantine) one by one, in
        order. Stops before a large purge the worker has not confirmed."""
        pulled = merged = 0
        debt = local_index.Debt()
        fresh = PageInserts(s, team, debt)

        def look() -> tuple[set[str], dict[tuple[str, str], str], set[tuple[str, str]]]:
            keys = [(p.incoming.record_type, p.incoming.record_id) for p in page if p.incoming]
            return (erased_people(s), *known_records(s, keys))

        erased, held, purged = look()
        newest: Stamp | None = None
        pending: PendingPurge | None = None
        for p in page:
            outcome: str
            if p.quarantine is not None:
                fresh.flush()
                self._quarantine(s, team, p)
                report.quarantined += 1
                outcome = "quarantined"
            elif p.purge is not None:
                assert p.author is not None
                fresh.flush()
                verdict = self._purge_verdict(s, p.purge, p.author)
                if isinstance(verdict, str):
                    self._quarantine(
                        s, team, replace(p, quarantine=verdict, item=p.purge.to_wire())
                    )
                    self._audit(
                        s,
                        "sync_purge_refused",
                        record_id=p.purge.person_id,
                        detail=f"{verdict}; gevraagd door {p.author.label} "
                        f"({p.author.device_id[:8]}), {len(p.purge.record_refs)} gegevens",
                    )
                    report.quarantined += 1
                    outcome = "quarantined"
                elif verdict is not None and p.purge.purge_id not in self._confirmed_purges:
                    pending = verdict
                    break
                else:
                    held_before = self._held(s, p.purge.record_refs)
                    refs = list(p.purge.record_refs)
                    apply_purge(s, refs)
                    for t, person_id in refs:
                        if t == "person":
                            s.flush()
                            self._follow_up_purge(
                                s,
                                person_id,
                                purge_person_leftovers(s, person_id, self._link.records()),
                            )
                    self._audit(
                        s,
                        "sync_purge_applied",
                        record_type="person",
                        record_id=p.purge.person_id,
                        detail=f"gevraagd door {p.author.label} ({p.author.device_id[:8]}, "
                        f"{p.author.role}); {held_before} van {len(refs)} gegevens hier gewist",
                    )
                    outcome = "purge"
                    erased, held, purged = look()
            elif p.incoming is None:
                outcome = "skipped"
            else:
                inc = p.incoming
                assert inc.newest is not None
                newest = inc.newest if newest is None or inc.newest > newest else newest
                key = (inc.record_type, inc.record_id)
                slow = (
                    key in purged
                    or key in fresh.keys
                    or (key in held and held[key] != inc.revision)
                    or references_erased(inc, erased) is not None
                )
                if not slow and key in held:
                    fresh.route(inc)
                    outcome = str(Outcome.SAME)
                elif not slow:
                    fresh.add(inc, p.row)
                    outcome = str(Outcome.INSERTED)
                else:
                    fresh.flush()
                    outcome = self._apply_one(s, team, inc, erased, debt)
                    held[key] = ""  # changed or gone: look it up again if it comes back
            report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
            if p.incoming is not None and outcome not in (Outcome.SAME, Outcome.OLDER, "skipped"):
                kind = p.incoming.record_type
                report.changed_types[kind] = report.changed_types.get(kind, 0) + 1
            pulled += 1
            if outcome == Outcome.MERGED:
                merged += 1
            elif outcome == "purge":
                report.purged += 1
        fresh.flush()
        if newest is not None:
            Records.note_seen_stamp(s, newest.encode())
        local_index.owe(s, debt)
        return pulled, merged, pending

    # --- purges and the quarantine -------------------------------------------------------------

    @staticmethod
    def _held(s: Session, refs: Iterable[tuple[str, str]]) -> int:
        n = 0
        for record_type, record_id in refs:
            model = MODEL_BY_TYPE.get(record_type)
            if model is not None and s.get(model, record_id) is not None:
                n += 1
        return n

    @staticmethod
    def _about(s: Session, record_type: str, record_id: str, person_id: str) -> bool | None:
        """Whether a held record is about `person_id` (None: not held here)."""
        model = MODEL_BY_TYPE.get(record_type)
        obj = s.get(model, record_id) if model is not None else None
        if obj is None:
            return None
        if isinstance(obj, Person):
            return obj.id == person_id
        if isinstance(obj, ContactMoment):
            return any(p.get("person_id") == person_id for p in obj.people)
        owner = getattr(obj, "person_id", None)
        return owner == person_id

    def _purge_verdict(
        self, s: Session, purge: trust.SignedPurge, author: trust.DeviceEntry
    ) -> str | PendingPurge | None:
        """None: apply it. A reason (str): refuse it (quarantine, audit). A PendingPurge:
        it is authorised but large; the worker decides. A worker may erase one person's records
        (at most `trust.WORKER_PURGE_MAX`); more, or beyond one person, needs a coordinator."""
        refs = purge.record_refs
        coordinator = author.role == Role.COORDINATOR
        if not coordinator and len(refs) > trust.WORKER_PURGE_MAX:
            return "purge_too_large"
        held = 0
        beyond = False
        for record_type, record_id in refs:
            about = self._about(s, record_type, record_id, purge.person_id)
            if about is None:
                continue
            held += 1
            beyond = beyond or not about
        if beyond and not coordinator:
            return "purge_beyond_person"
        if beyond or held > PURGE_ASK_RECORDS:
            return PendingPurge(
                purge.team_id,
                purge.purge_id,
                len(refs),
                held,
                author.label,
                author.device_id,
                coordinator,
            )
        return None

    def _quarantine(self, s: Session, team: str, p: Pulled) -> None:
        item = dict(p.item or {})
        reason = p.quarantine or "unknown"
        device = item.get("device_id") or item.get("signed_by")
        epoch = item.get("epoch")
        s.add(
            QuarantineEntry(
                team_id=team,
                seq=p.seq,
                kind=str(item.get("kind") or ItemKind.PURGE),
                record_type=_short(item.get("record_type"), 40),
                record_id=_short(item.get("record_id") or item.get("person_id"), 64),
                device_id=_short(device, 64),
                epoch=epoch if isinstance(epoch, int) and not isinstance(epoch, bool) else None,
                reason=reason[:40],
                item=item,
                received_at=now_iso(),
                status="open",
            )
        )
        self._audit(
            s,
            "sync_quarantined",
            record_type=_short(item.get("record_type"), 50),
            record_id=_short(item.get("record_id"), 64),
            detail=f"{reason}; toestel {str(device)[:36]}"[:200],
        )

    def _audit(
        self,
        s: Session,
        event: str,
        *,
        record_type: str | None = None,
        record_id: str | None = None,
        detail: str | None = None,
    ) -> None:
        """An audit entry in the pass's transaction (a synced record: it reaches the
        coordinator's device with the next push)."""
        self._auditor().record(
            event, record_type=record_type, record_id=record_id, detail=detail, session=s
        )

    def _auditor(self) -> AuditService:
        return AuditService(self._link.ctx, self._link.records())

    def _apply_one(
        self, s: Session, team: str, inc: Incoming, erased: set[str], debt: local_index.Debt
    ) -> str:
        record_type, record_id = inc.record_type, inc.record_id
        if s.get(RecordTeam, (record_type, record_id)) is None:
            s.add(RecordTeam(record_type=record_type, record_id=record_id, team_id=team))
        person = references_erased(inc, erased)
        if person is not None and not (
            record_type == "contact_moment" and len(inc.fields.get("people") or []) > 1
        ):
            # About a person erased elsewhere, made before that device's erasure reached its
            # author: never kept, and purged from the store too.
            self._follow_up_purge(s, person, [(record_type, record_id)])
            return "purge"
        found: list[FoundConflict] = []
        outcome = str(
            apply_incoming(
                s, inc, device_worker=self._link.ctx.device.worker_id, debt=debt, found=found
            )
        )
        if found:
            record_conflicts(s, self._link.records(), inc, found, team)
        if person is not None:  # a group contact: it goes on without the erased person
            s.flush()
            self._follow_up_purge(
                s, person, purge_person_leftovers(s, person, self._link.records())
            )
        return outcome

    def _stop_requested(self) -> bool:
        return self._should_stop is not None and self._should_stop()

    def _check_stop(self) -> None:
        if self._stop_requested():
            raise SyncCancelled()

    def _report(self, phase: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(SyncProgress(phase, done, total))

    def _follow_up_purge(self, s: Session, person_id: str, refs: list[tuple[str, str]]) -> None:
        apply_purge(s, refs)
        if refs:
            s.add(
                Purge(
                    id=str(uuid.uuid4()),
                    person_id=person_id,
                    record_refs=[list(r) for r in refs],
                    erased_at=now_iso(),
                    erased_by=self._link.ctx.device.worker_id,
                )
            )

    def _purges_waiting(self) -> bool:
        # Only purges this pass can send (a worker's over-large erasure waits for a coordinator).
        with self._link.read() as s:
            rows = s.scalars(select(Purge.record_refs).where(Purge.pushed_at.is_(None))).all()
        coordinator = self._members.roster().coordinator(self._link.ctx.device.device_id)
        return any(coordinator is not None or len(r) <= trust.WORKER_PURGE_MAX for r in rows)

    def _push_purges(self) -> int:
        """Send each erasure made here to every team that holds its records, signed by this
        device and bound to that team, the person and the record ids."""
        with self._link.read() as s:
            cfg = self._link.require(s)
            sign = Ed25519PrivateKey.from_private_bytes(cfg.sign_private_key)
            purges = list(s.scalars(select(Purge).where(Purge.pushed_at.is_(None))))
            routed = []
            for p in purges:
                owners = {self._team_of(s, t, i, cfg.home_team_id) for t, i in p.record_refs}
                refs = [(str(t), str(i)) for t, i in p.record_refs]
                routed.append((p.id, p.person_id, sorted(t for t in owners if t), refs))
        roster = self._members.roster()
        me = self._link.ctx.device.device_id
        sent = 0
        for purge_id, person_id, teams, refs in routed:
            author = roster.active(me)
            if (
                author is not None
                and author.role != Role.COORDINATOR
                and len(refs) > trust.WORKER_PURGE_MAX
            ):
                log.warning("an erasure of %d records needs a coordinator; kept queued", len(refs))
                continue
            for team in teams:
                signed = trust.sign_purge(
                    sign,
                    organisation_id=roster.organisation_id,
                    team_id=team,
                    purge_id=purge_id,
                    person_id=person_id,
                    record_refs=refs,
                    signer=me,
                    at_ms=self._link.now_ms(),
                )
                self._link.transport().post("/v2/purge", {"team_id": team, **signed.to_wire()})
            with self._link.transaction() as s:
                row = s.get(Purge, purge_id)
                if row is not None:
                    row.pushed_at = now_iso()
                apply_purge(s, refs)
            sent += 1
        return sent


def _short(value: object, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def _person_of(payload: Any) -> str | None:
    """The person a queued revision is about (its `person_id`, or a contact's first person)."""
    fields = payload.get("fields") if isinstance(payload, dict) else None
    if not isinstance(fields, dict):
        return None
    person = fields.get("person_id")
    if isinstance(person, str):
        return person
    people = fields.get("people")
    if isinstance(people, list) and people and isinstance(people[0], dict):
        first = people[0].get("person_id")
        return first if isinstance(first, str) else None
    return None
