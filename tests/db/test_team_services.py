"""My day and my week, handing people on, group work and the agenda file, on a vault whose
figures are known: An (this worker) and Bram, with their own people, on Friday 20/11/2026."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import NotAllowed, StorageError, ValidationError
from app.models import AuditEntry, SyncConfig
from app.services.agenda import AgendaKind
from app.services.field import FieldServices
from app.services.groups import Attendance, GroupInput
from app.services.vault import OpenVault
from tests.team_data import FRIDAY, MONDAY, Known, seed_team


@pytest.fixture
def known(field: FieldServices, vault: OpenVault) -> Known:
    return seed_team(field, vault)


def test_vandaag_is_mine_by_default_and_the_team_on_request(
    field: FieldServices, known: Known
) -> None:
    mine = field.caseload.today()
    assert mine.worker_id == known.me
    assert [p.alias for p in mine.planned] == []  # Zoë's contact is Thursday, Yusuf is Bram's
    assert [a.description for a in mine.todos_due] == ["Cv nalezen"]
    assert mine.todos_overdue == ()
    team = field.caseload.today(worker_id=None)
    assert team.worker_id is None
    assert [p.alias for p in team.planned] == ["Yusuf"]
    assert [a.description for a in team.todos_overdue] == ["Attest OCMW halen"]
    bram = field.caseload.today(worker_id=known.bram)
    assert [p.alias for p in bram.planned] == ["Yusuf"]
    assert [a.description for a in bram.todos_due] == []
    # Who had no contact for four weeks: only my people (Mira and Lina were never contacted).
    assert {p.alias for p in mine.not_contacted} == {"Lina", "Mira"}
    assert {p.alias for p in team.not_contacted} == {"Lina", "Mira"}  # Yusuf: 13/11


def test_handing_on_one_person_and_a_whole_caseload(
    field: FieldServices, known: Known, vault: OpenVault, clock_now: list[datetime]
) -> None:
    moved = field.transfers.move_person(known.yusuf, known.me, "Komt op woensdag naar het plein.")
    assert moved.moved == (known.yusuf,)
    assert field.transfers.move_person(known.yusuf, known.me).moved == ()  # already mine
    history = field.transfers.history(known.yusuf)
    assert [(h.worker_id, h.since, h.until) for h in history] == [
        (known.bram, date(2026, 3, 2), FRIDAY),
        (known.me, FRIDAY, None),
    ]
    assert history[-1].note == "Komt op woensdag naar het plein."
    today = field.caseload.today()
    assert [t.person_id for t in today.handed_to_me] == [known.yusuf]
    assert [p.alias for p in today.planned] == ["Yusuf"]  # his contact today is mine now
    # Two weeks later the move is no news any more.
    clock_now[0] = clock_now[0] + timedelta(days=15)
    assert field.caseload.today().handed_to_me == ()
    clock_now[0] = datetime(2026, 11, 20, 10, 30)
    # An leaves: her whole open caseload goes to Bram, the closed file stays hers.
    field.trajectory.close(known.mira, FRIDAY, "opleiding", "Start opleiding")
    result = field.transfers.move_caseload(known.me, known.bram, "An vertrekt.")
    assert set(result.moved) == {known.zoe, known.lina, known.yusuf}
    assert field.people.get(known.mira).worker_id == known.me
    handed = field.caseload.today(worker_id=known.bram).handed_to_me
    assert {t.person_id for t in handed} == {known.zoe, known.lina, known.yusuf}
    assert {t.note for t in handed} == {"An vertrekt."}
    assert len({t.from_worker_id for t in handed}) == 1  # all from An
    with vault.context.read() as s:
        events = [(e.event, e.record_id) for e in s.scalars(select(AuditEntry))]
    assert ("caseload_moved", known.yusuf) in events and ("caseload_moved", known.me) in events
    with pytest.raises(ValidationError):
        field.transfers.move_person(known.zoe, "niemand")
    field.workers.set_active(known.bram, False)
    with pytest.raises(ValidationError) as info:
        field.transfers.move_person(known.mira, known.bram)
    assert "niet meer actief" in info.value.message


def test_only_a_coordinator_hands_on_once_enrolled(
    field: FieldServices, known: Known, vault: OpenVault
) -> None:
    with vault.context.transaction() as s:
        s.add(
            SyncConfig(
                server_url="http://127.0.0.1:1",
                organisation_id="o",
                role="worker",
                sign_private_key=b"\0" * 32,
                enrolled_at="2026-11-20T10:00:00+00:00",
            )
        )
    with pytest.raises(NotAllowed):
        field.transfers.move_person(known.yusuf, known.me)
    assert field.people.get(known.yusuf).worker_id == known.bram


def test_a_group_session_writes_the_attendees_contact_moment(
    field: FieldServices, known: Known
) -> None:
    gid = field.groups.create(
        GroupInput(
            "Sollicitatietraining",
            "reeks",
            date(2026, 11, 1),
            place="Buurthuis De Sluis",
            ends_on=date(2026, 12, 20),
        )
    )
    assert field.groups.enrol(gid, [known.zoe, known.yusuf, known.mira]) == 3
    assert field.groups.enrol(gid, [known.zoe]) == 0
    first, second = field.groups.plan_series(gid, datetime(2026, 11, 20, 9, 0), 2, 7, 120)
    contact = field.groups.record_attendance(
        first, Attendance((known.zoe, known.yusuf), unregistered=3, summary="Cv's geoefend.")
    )
    assert contact is not None
    row = next(c for c in field.contacts.timeline(known.zoe) if c.id == contact)
    assert (row.channel, row.group_activity, row.duration_min) == (
        "groep",
        "Sollicitatietraining",
        120,
    )
    assert {p.person_id: p.attended for p in row.people} == {
        known.zoe: True,
        known.yusuf: True,
        known.mira: False,
    }
    assert field.people.get(known.yusuf).last_contact_at == "2026-11-20T09:00"
    assert field.people.get(known.mira).last_contact_at is None  # absent: no contact
    # Correcting the attendance rewrites the same contact moment.
    again = field.groups.record_attendance(
        first, Attendance((known.zoe, known.yusuf, known.mira), unregistered=2)
    )
    assert again == contact
    assert field.people.get(known.mira).last_contact_at == "2026-11-20T09:00"
    detail = field.groups.detail(gid)
    session = next(x for x in detail.sessions if x.id == first)
    assert (session.headcount, session.unregistered, session.held) == (5, 2, True)
    assert [x.held for x in detail.sessions] == [True, False]
    assert detail.group.members == 3 and detail.group.next_session_at == datetime(2026, 11, 27, 9)
    # Someone not enrolled cannot be ticked; a future session cannot be recorded yet.
    lina_only = Attendance((known.lina,))
    with pytest.raises(ValidationError) as info:
        field.groups.record_attendance(first, lina_only)
    assert "niet ingeschreven" in info.value.message
    with pytest.raises(ValidationError):
        field.groups.record_attendance(second, Attendance((known.zoe,)))
    field.groups.leave(gid, known.mira, date(2026, 11, 25))
    assert [g.id for g, _ in field.groups.groups_of(known.mira)] == [gid]
    with pytest.raises(ValidationError):
        field.groups.create(GroupInput("Zonder plaats", "groep", FRIDAY))


def test_the_week_by_day_for_me_and_for_the_team(field: FieldServices, known: Known) -> None:
    gid = field.groups.create(GroupInput("Praatcafé", "groep", MONDAY, place="Buurthuis"))
    field.groups.plan_session(gid, datetime(2026, 11, 17, 14, 0), 90)
    week = field.agenda.week(FRIDAY)
    assert week.start == MONDAY and len(week.days) == 7 and week.worker_id == known.me
    got = [(i.day.isoformat(), i.kind, i.alias or i.detail) for i in week.items]
    assert got == [
        ("2026-11-17", AgendaKind.GROUP, "Praatcafé"),
        ("2026-11-17", AgendaKind.FOLLOW_UP, "Mira"),
        ("2026-11-18", AgendaKind.TRIOGESPREK, "Zoë"),
        ("2026-11-19", AgendaKind.CONTACT, "Zoë"),
        ("2026-11-19", AgendaKind.ZRM, "Lina"),
        ("2026-11-21", AgendaKind.CONSENT, "Lina"),
    ]
    team = field.agenda.week(FRIDAY, worker_id=None)
    assert ("2026-11-20", AgendaKind.CONTACT, "Yusuf") in [
        (i.day.isoformat(), i.kind, i.alias) for i in team.items
    ]
    assert len(team.items) == len(week.items) + 1
    assert field.agenda.week(MONDAY + timedelta(days=7)).items == ()


def test_the_week_as_a_calendar_file_carries_no_names(
    field: FieldServices, known: Known, tmp_path: Path, vault: OpenVault
) -> None:
    out = tmp_path / "week.ics"
    assert field.agenda.export_ics(out, FRIDAY) == 5
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 5
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    for name in ("Vermeulen", "Dewulf", "VDAB", "An Claes", "Bram"):
        assert name not in unfolded, name
    assert "SUMMARY:Contact: Zoë (Z.V.)" in unfolded
    assert "SUMMARY:Opvolging na 3 maanden: Mira" in unfolded
    assert "DTSTART:20261119T140000" in unfolded and "DTSTART;VALUE=DATE:20261117" in unfolded
    assert known.zoe not in unfolded  # no record ids leave the vault
    with pytest.raises(StorageError):
        field.agenda.export_ics(out, FRIDAY)  # never overwritten
    assert out.read_bytes() == raw
    with vault.context.read() as s:
        assert "agenda_exported" in [e.event for e in s.scalars(select(AuditEntry))]


def test_a_group_session_leaves_the_next_planned_contact_alone(
    field: FieldServices, known: Known
) -> None:
    gid = field.groups.create(GroupInput("Praatcafé", "groep", MONDAY, place="Buurthuis"))
    field.groups.enrol(gid, [known.zoe])
    session = field.groups.plan_session(gid, datetime(2026, 11, 20, 9, 0))
    field.groups.record_attendance(session, Attendance((known.zoe,)))
    zoe = field.people.get(known.zoe)
    assert zoe.last_contact_at == "2026-11-20T09:00"
    assert zoe.next_contact_at == "2026-11-19T14:00"  # planned at her last own contact
