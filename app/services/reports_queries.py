"""What the reports read from the vault: plain functions over a session that return plain
facts (frozen dataclasses, dictionaries), only the columns the figures need. No figure is
computed here; `reports_tables` turns the facts into tables.

Who belongs to a team and to a worker is decided in one place, `membership`: today from the
person's `team` and `assigned_worker` fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain import trajectory as t
from app.models import (
    ContactPerson,
    DrempelRecord,
    EsfProfile,
    FollowUp,
    Handover,
    Organisation,
    Person,
    PhaseEventRecord,
    RecordTeam,
    Signal,
    SyncConfig,
    TeamState,
    Vindplaats,
    Worker,
)
from app.models.zrm import REPORT_LEVEL_CODES
from app.services.search import chunks

NO_TEAM = ""  # the key of people without a team (label chosen by the tables)
NO_WORKER = ""


@dataclass(frozen=True)
class Member:
    """Who a person belongs to, for scope and breakdowns."""

    worker: str
    team: str


@dataclass(frozen=True)
class PersonFacts:
    id: str
    first_met_on: date
    first_met_how: str
    vindplaats_id: str | None
    referral_kind: str | None
    referral_organisation_id: str | None
    is_client: bool
    client_since: date | None
    date_of_birth: date | None
    member: Member


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s[:10]) if s else None


# --- who is who ---------------------------------------------------------------------------------


def membership(worker_name: str | None, team_name: str | None) -> Member:
    """The one place that says which worker and team a person belongs to, by name: the
    worker profile the person's `worker_id` refers to, and the sync team the person's record
    is routed to (this laptop's home team while it is not routed yet)."""
    return Member((worker_name or "").strip(), (team_name or "").strip())


def _team_names(s: Session) -> tuple[dict[str, str], str | None]:
    teams = {t: n for t, n in s.execute(select(TeamState.team_id, TeamState.name))}
    return teams, s.scalar(select(SyncConfig.home_team_id))


def my_worker_name(s: Session, worker_id: str) -> str | None:
    """The name of this laptop's worker (their profile)."""
    name = s.scalar(select(Worker.name).where(Worker.id == worker_id))
    return str(name).strip() or None if name else None


def people(s: Session) -> dict[str, PersonFacts]:
    """Every live person, with the columns the reports need."""
    teams, home = _team_names(s)
    q = (
        select(
            Person.id,
            Person.first_met_on,
            Person.first_met_how,
            Person.first_met_vindplaats_id,
            Person.referral_kind,
            Person.referral_organisation_id,
            Person.is_client,
            Person.client_since,
            Person.date_of_birth,
            Worker.name,
            RecordTeam.team_id,
        )
        .outerjoin(Worker, Worker.id == Person.worker_id)
        .outerjoin(
            RecordTeam,
            (RecordTeam.record_type == Person.__record_type__)
            & (RecordTeam.record_id == Person.id),
        )
        .where(Person.deleted.is_(False))
    )
    out: dict[str, PersonFacts] = {}
    for row in s.execute(q):
        met = _d(row[1])
        assert met is not None
        out[row[0]] = PersonFacts(
            row[0],
            met,
            row[2],
            row[3],
            row[4],
            row[5],
            bool(row[6]),
            _d(row[7]),
            _d(row[8]),
            membership(row[9], teams.get(row[10] or home or "")),
        )
    return out


def teams_and_workers(s: Session) -> tuple[list[str], list[str]]:
    """The teams this laptop syncs with and the workers people belong to (for the pickers)."""
    teams = sorted(n for n in s.scalars(select(TeamState.name)) if n)
    workers = sorted(
        {
            n.strip()
            for n in s.scalars(
                select(Worker.name).join(Person, Person.worker_id == Worker.id).distinct()
            )
            if n and n.strip()
        }
    )
    return teams, workers


# --- trajectory ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFacts:
    id: str
    event: t.PhaseEvent


def phase_events(s: Session) -> dict[str, list[EventFacts]]:
    """Every live phase event per person (replay order is the domain's)."""
    order_key = func.coalesce(
        func.json_extract(PhaseEventRecord.field_clocks, "$.kind"),
        func.json_extract(PhaseEventRecord.field_clocks, '$."*"'),
    )
    q = select(
        PhaseEventRecord.id,
        PhaseEventRecord.person_id,
        PhaseEventRecord.kind,
        PhaseEventRecord.on,
        PhaseEventRecord.phase,
        PhaseEventRecord.outcome,
        order_key,
    ).where(PhaseEventRecord.deleted.is_(False))
    out: dict[str, list[EventFacts]] = {}
    for eid, pid, kind, on, phase, outcome, key in s.execute(q):
        try:
            k = t.EventKind(kind)
        except ValueError:
            continue  # a kind from a newer version: not counted
        out.setdefault(pid, []).append(
            EventFacts(eid, t.PhaseEvent(k, date.fromisoformat(on), phase, "", outcome, key or ""))
        )
    return out


# --- contacts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeFilter:
    """Which people a report counts, as `membership` decides (None: anyone)."""

    team: str | None = None
    worker: str | None = None


def _people_sql(scope: ScopeFilter) -> tuple[str, dict[str, Any]]:
    """The live people in scope as SQL: the same test as `membership` (the worker's name,
    the name of the sync team the person is routed to, else of this laptop's home team)."""
    sql = "SELECT p.id FROM people AS p WHERE p.deleted = 0"
    params: dict[str, Any] = {}
    if scope.team is not None:
        sql += (
            " AND trim(coalesce((SELECT ts.name FROM team_state AS ts WHERE ts.team_id = "
            "coalesce((SELECT rt.team_id FROM record_teams AS rt WHERE rt.record_type = "
            "'person' AND rt.record_id = p.id), (SELECT sc.home_team_id FROM sync_config AS sc "
            "LIMIT 1))), '')) = :scope_team"
        )
        params["scope_team"] = scope.team.strip()
    if scope.worker is not None:
        sql += (
            " AND trim(coalesce((SELECT w.name FROM workers AS w WHERE w.id = p.worker_id), "
            "'')) = :scope_worker"
        )
        params["scope_worker"] = scope.worker.strip()
    return sql, params


@dataclass(frozen=True)
class ContactCounts:
    """Contact moments from `start` to `end` with someone in scope, counted once each."""

    by_channel_status: Mapping[tuple[str, str], int]
    people_by_channel: Mapping[str, int]
    people: int


def contact_counts(s: Session, start: date, end: date, scope: ScopeFilter) -> ContactCounts:
    """Counted in SQL from one range of the contact–people index (a year holds tens of
    thousands of contact moments; each row there carries its contact's channel and status,
    and exists only for live contacts): by channel and status, the people per channel and in
    all. The `+` before the person keeps SQLite on that range instead of probing the index
    once per person in scope."""
    people_sql, params = _people_sql(scope)
    params.update(lo=start.isoformat(), hi=f"{end.isoformat()}T99")
    rows = (
        "SELECT cp.contact_id AS id, cp.channel AS channel, cp.status AS status, "  # noqa: S608
        "cp.person_id AS person_id "
        "FROM contact_people AS cp INDEXED BY ix_contact_people_report "
        "WHERE cp.occurred_at >= :lo AND cp.occurred_at < :hi "
        f"AND +cp.person_id IN ({people_sql})"
    )
    cells: dict[tuple[str, str], int] = {}
    per_channel: dict[str, int] = {}
    everyone = 0
    for part, channel, status, n in s.execute(
        text(
            f"WITH x AS MATERIALIZED ({rows}) "  # noqa: S608 (values are bound parameters)
            "SELECT 0, channel, status, count(DISTINCT id) FROM x GROUP BY channel, status "
            "UNION ALL SELECT 1, channel, NULL, count(DISTINCT person_id) FROM x "
            "GROUP BY channel "
            "UNION ALL SELECT 2, NULL, NULL, count(DISTINCT person_id) FROM x"
        ),
        params,
    ):
        if part == 0:
            cells[(str(channel), str(status))] = int(n)
        elif part == 1:
            per_channel[str(channel)] = int(n)
        else:
            everyone = int(n or 0)
    return ContactCounts(cells, per_channel, everyone)


def reached_by(s: Session, person_ids: Iterable[str], end: date) -> set[str]:
    """Of `person_ids`, who had a real conversation (a reached contact they attended) on or
    before `end`."""
    hi = f"{end.isoformat()}T99"
    out: set[str] = set()
    for part in chunks(list(person_ids)):
        marks = ", ".join(f":p{i}" for i in range(len(part)))
        params: dict[str, Any] = {f"p{i}": pid for i, pid in enumerate(part)}
        params["hi"] = hi
        out.update(
            r[0]
            for r in s.execute(
                text(
                    "SELECT DISTINCT cp.person_id FROM contact_people cp "  # noqa: S608
                    f"WHERE cp.person_id IN ({marks}) AND cp.reached = 1 AND cp.attended = 1 "
                    "AND cp.occurred_at < :hi"
                ),
                params,
            )
        )
    return out


# --- group work ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSessionFacts:
    """A group session held in the period: attendance recorded (the session's contact moment)
    or a headcount of people who came without being registered."""

    id: str
    group_id: str
    group_name: str
    organiser: str  # the organising worker's name
    on: date
    unregistered: int
    attended: tuple[str, ...]  # registered people who came


def group_sessions(s: Session, start: date, end: date) -> list[GroupSessionFacts]:
    """Sessions of live groups held from `start` to `end`, with who came: the people marked
    present on the session's contact moment (its contact–people rows, live contacts only)."""
    rows = s.execute(
        text(
            "SELECT gs.id, gs.group_id, g.name, w.name, gs.starts_at, gs.unregistered, "
            "gs.contact_id FROM group_sessions AS gs JOIN groups AS g ON g.id = gs.group_id "
            "LEFT JOIN workers AS w ON w.id = g.organiser_id "
            "WHERE gs.deleted = 0 AND g.deleted = 0 AND gs.starts_at >= :lo "
            "AND gs.starts_at < :hi AND (gs.contact_id IS NOT NULL OR gs.unregistered > 0)"
        ),
        {"lo": start.isoformat(), "hi": f"{end.isoformat()}T99"},
    ).all()
    came: dict[str, list[str]] = {}
    contact_ids = [r[6] for r in rows if r[6]]
    for part in chunks(contact_ids):
        for cid, pid in s.execute(
            select(ContactPerson.contact_id, ContactPerson.person_id).where(
                ContactPerson.contact_id.in_(part), ContactPerson.attended.is_(True)
            )
        ):
            came.setdefault(cid, []).append(pid)
    return [
        GroupSessionFacts(
            sid,
            gid,
            name,
            membership(organiser, None).worker,
            date.fromisoformat(at[:10]),
            int(unregistered or 0),
            tuple(sorted(came.get(cid, ()))) if cid else (),
        )
        for sid, gid, name, organiser, at, unregistered, cid in rows
    ]


# --- handovers, follow-ups, drempels ---------------------------------------------------------


@dataclass(frozen=True)
class HandoverFacts:
    id: str
    person_id: str
    type: str
    organisation_id: str
    status: str
    on: date  # held, else planned, else created
    expected_feedback_on: date | None
    feedback_received_on: date | None


def handovers(s: Session) -> list[HandoverFacts]:
    q = select(
        Handover.id,
        Handover.person_id,
        Handover.type,
        Handover.organisation_id,
        Handover.status,
        Handover.held_on,
        Handover.planned_at,
        Handover.created_at,
        Handover.expected_feedback_on,
        Handover.feedback_received_on,
    ).where(Handover.deleted.is_(False))
    out = []
    for r in s.execute(q):
        on = _d(r.held_on) or _d(r.planned_at) or _d(r.created_at)
        assert on is not None
        out.append(
            HandoverFacts(
                r.id,
                r.person_id,
                r.type,
                r.organisation_id,
                r.status,
                on,
                _d(r.expected_feedback_on),
                _d(r.feedback_received_on),
            )
        )
    return out


def organisation_names(s: Session) -> dict[str, str]:
    return {i: n for i, n in s.execute(select(Organisation.id, Organisation.name))}


def live_organisations(s: Session) -> set[str]:
    return set(s.scalars(select(Organisation.id).where(Organisation.deleted.is_(False))))


def vindplaats_types(s: Session) -> dict[str, str]:
    return {i: tp for i, tp in s.execute(select(Vindplaats.id, Vindplaats.type))}


@dataclass(frozen=True)
class FollowUpFacts:
    id: str
    person_id: str
    months: int
    due_on: date
    done_on: date | None
    status: str | None
    anchor: str
    anchor_on: date | None
    anchor_id: str | None


def follow_ups(s: Session) -> list[FollowUpFacts]:
    q = select(
        FollowUp.id,
        FollowUp.person_id,
        FollowUp.months,
        FollowUp.due_on,
        FollowUp.done_on,
        FollowUp.status,
        FollowUp.anchor,
        FollowUp.anchor_on,
        FollowUp.anchor_id,
    ).where(FollowUp.deleted.is_(False))
    out = []
    for r in s.execute(q):
        due = _d(r.due_on)
        assert due is not None
        out.append(
            FollowUpFacts(
                r.id,
                r.person_id,
                int(r.months),
                due,
                _d(r.done_on),
                r.status,
                r.anchor,
                _d(r.anchor_on),
                r.anchor_id,
            )
        )
    return out


@dataclass(frozen=True)
class DrempelFacts:
    person_id: str
    life_domain: str
    status: str
    since: date | None


def drempels(s: Session) -> list[DrempelFacts]:
    """Live drempels with their current status (a drempel keeps no history of its status)."""
    q = select(
        DrempelRecord.person_id,
        DrempelRecord.life_domain,
        DrempelRecord.status,
        DrempelRecord.since,
    ).where(DrempelRecord.deleted.is_(False))
    return [
        DrempelFacts(pid, domain, status, _d(since)) for pid, domain, status, since in s.execute(q)
    ]


# --- ZRM -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZrmFacts:
    id: str
    assessed_on: date
    edition: str
    levels: Mapping[str, int | None]
    order_key: str


def zrm(s: Session, start: date, end: date) -> dict[str, list[ZrmFacts]]:
    """Current (not superseded) measurements up to `end` of the people measured from `start`
    to `end`; levels only, read from `ix_zrm_assessments_report` alone (SQLite keeps each
    measurement's levels there, computed from its scores: the scores are not read)."""
    rows = s.execute(
        text(
            "SELECT a.id, a.person_id, a.assessed_on, a.edition, a.report_levels, "
            "a.report_order FROM zrm_assessments AS a INDEXED BY ix_zrm_assessments_report "
            "WHERE a.superseded = 0 AND a.deleted = 0 AND a.assessed_on <= :end "
            "AND a.person_id IN (SELECT m.person_id FROM zrm_assessments AS m "
            "WHERE m.superseded = 0 AND m.deleted = 0 "
            "AND m.assessed_on >= :start AND m.assessed_on <= :end)"
        ),
        {"start": start.isoformat(), "end": end.isoformat()},
    )
    out: dict[str, list[ZrmFacts]] = {}
    codes = REPORT_LEVEL_CODES
    for aid, pid, on, edition, packed, key in rows:
        # (non-integer levels, which validation never lets in, are skipped by the tables)
        levels = dict(zip(codes, json.loads(packed), strict=False)) if packed else {}
        out.setdefault(pid, []).append(
            ZrmFacts(aid, date.fromisoformat(on), edition, levels, key or "")
        )
    return out


# --- signals, ESF+ -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignalFacts:
    id: str
    noted_on: date
    theme: str
    organisation_id: str | None
    organisation_name: str | None
    people_count: int | None
    status: str
    team: str
    noted_by: str


def signals(s: Session, start: date, end: date) -> list[SignalFacts]:
    q = select(
        Signal.id,
        Signal.noted_on,
        Signal.theme,
        Signal.organisation_id,
        Signal.organisation_name,
        Signal.people_count,
        Signal.status,
        Signal.team,
        Signal.noted_by,
    ).where(
        Signal.deleted.is_(False),
        Signal.noted_on >= start.isoformat(),
        Signal.noted_on <= end.isoformat(),
    )
    out = []
    for r in s.execute(q):
        m = membership(r.noted_by, r.team)
        on = _d(r.noted_on)
        assert on is not None
        out.append(
            SignalFacts(
                r.id,
                on,
                r.theme,
                r.organisation_id,
                r.organisation_name,
                r.people_count,
                r.status,
                m.team,
                m.worker,
            )
        )
    return out


@dataclass(frozen=True)
class EsfFacts:
    person_id: str
    entry_on: date | None
    answers: Mapping[str, str]


ESF_FIELDS = (
    "gender", "labour_status", "education", "disability", "third_country",
    "foreign_background", "minority", "homeless",
)  # fmt: skip


def esf_profiles(s: Session) -> dict[str, EsfFacts]:
    """The ESF+ data per person (the first one made, when two devices each made one)."""
    cols = [getattr(EsfProfile, f) for f in ESF_FIELDS]
    q = (
        select(EsfProfile.person_id, EsfProfile.entry_on, *cols)
        .where(EsfProfile.deleted.is_(False))
        .order_by(EsfProfile.created_at.desc(), EsfProfile.id.desc())
    )
    out: dict[str, EsfFacts] = {}
    for row in s.execute(q):
        pid, entry, *answers = row
        out[pid] = EsfFacts(pid, _d(entry), dict(zip(ESF_FIELDS, answers, strict=True)))
    return out
