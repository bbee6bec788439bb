"""Working as a team, against the real store: a coordinator and four workers on two laptops
each. Workers are people on every device, each runs their own day and week, a caseload move
reaches every device, a group session writes the right contact moments, retention erases
exactly the files due everywhere, and the coordinator sees the audit of it all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from app.errors import NotAllowed
from app.services.contacts import ContactInput, Participant
from app.services.groups import Attendance, GroupInput
from app.services.people import PseudonymInput
from app.services.workers import WorkerProfile
from tests.server.conftest import Database
from tests.server.sync_support import (
    Laptop,
    StoreProcess,
    enrol,
    store_process,
    store_records,
    sync_until_quiet,
)

WORKERS = (
    ("An Claes", "straathoekwerker", "0489 12 34 56"),
    ("Bram Peeters", "jobcoach", "0470 23 45 67"),
    ("Yasmina El Amrani", "toeleider", "0486 34 56 78"),
    ("Koen Wouters", "trajectbegeleider", "0478 45 67 89"),
)


@dataclass
class Team:
    store: StoreProcess
    team_id: str
    coord: Laptop
    laptops: dict[str, tuple[Laptop, Laptop]]  # worker's first name -> their two laptops

    @property
    def all(self) -> list[Laptop]:
        return [self.coord, *(lt for pair in self.laptops.values() for lt in pair)]

    def worker_id(self, first_name: str) -> str:
        return self.laptops[first_name][0].vault.device.worker_id

    def quiet(self) -> None:
        sync_until_quiet(self.all)

    def quiet_without(self, revoked: Laptop) -> None:
        sync_until_quiet([lt for lt in self.all if lt is not revoked])


@pytest.fixture
def team(database: Database, tmp_path: Path) -> Iterator[Team]:
    with store_process(tmp_path / "store", database.url, generous=True) as sp:
        url = sp.base_url
        coord = Laptop(tmp_path, "coordinator")
        coord.vault.workers.save_profile(WorkerProfile("Carla Verhoeven", "coördinator"))
        coord.sync.create_organisation(url, sp.token(), "Outreach Gent")
        team_id = coord.sync.create_team("Team Noord")
        laptops: dict[str, tuple[Laptop, Laptop]] = {}
        made = [coord]
        try:
            for name, function, phone in WORKERS:
                pair = []
                for n in (1, 2):
                    lt = Laptop(tmp_path, f"{name.split()[0].lower()}-{n}")
                    made.append(lt)
                    # Asked at setup on each laptop: the same person, twice.
                    lt.vault.workers.save_profile(WorkerProfile(name, function, "", phone))
                    enrol(coord, lt, url, [team_id])
                    pair.append(lt)
                laptops[name.split()[0]] = (pair[0], pair[1])
            t = Team(sp, team_id, coord, laptops)
            t.quiet()
            # Each second laptop finds its worker's profile from the first and joins it.
            for first, second in laptops.values():
                (same,) = second.field.workers.also_me()
                assert same.id == first.vault.device.worker_id
                second.field.workers.claim(same.id)
            t.quiet()
            yield t
        finally:
            for lt in made:
                lt.close()


def test_workers_are_people_on_every_device(team: Team) -> None:
    names = sorted(["Carla Verhoeven", *(w[0] for w in WORKERS)])
    for lt in team.all:
        assert sorted(w.name for w in lt.field.workers.workers()) == names, lt.name
    for first, second in team.laptops.values():
        assert first.vault.device.worker_id == second.vault.device.worker_id
        assert second.field.workers.me() == first.field.workers.me()
    # A person registered on An's second laptop is An's on every device.
    _, an2 = team.laptops["An"]
    pid = an2.field.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 11, 2), "mond_aan_mond")
    )
    team.quiet()
    for lt in team.all:
        row = next(r for r in lt.field.caseload.rows() if r.id == pid)
        assert (row.worker_id, row.worker_name, row.team_name) == (
            team.worker_id("An"),
            "An Claes",
            "Team Noord",
        )


def _person(lt: Laptop, alias: str, first_met: date = date(2026, 3, 2)) -> str:
    return lt.field.people.create_pseudonym(PseudonymInput(alias, first_met, "mond_aan_mond"))


def test_each_worker_runs_their_own_day_on_both_laptops(team: Team) -> None:
    planned = {}
    for first_name, (first, _) in team.laptops.items():
        pid = _person(first, f"Cliënt van {first_name}")
        first.field.contacts.create(
            ContactInput(
                occurred_at=datetime(2026, 11, 18, 10, 0),
                channel="telefoon",
                people=(Participant(pid),),
                next_contact_at=datetime(2026, 11, 20, 14, 0),
            )
        )
        planned[first_name] = pid
    team.quiet()
    for first_name, pair in team.laptops.items():
        for lt in pair:
            today = lt.field.caseload.today()
            assert [p.person_id for p in today.planned] == [planned[first_name]], lt.name
            week = lt.field.agenda.week(date(2026, 11, 20))
            assert [i.person_id for i in week.items] == [planned[first_name]], lt.name
    # The coordinator switches to the team: everyone's day.
    team_day = team.coord.field.caseload.today(worker_id=None)
    assert {p.person_id for p in team_day.planned} == set(planned.values())


def test_a_caseload_move_reaches_every_device_with_its_history(team: Team) -> None:
    bram1, bram2 = team.laptops["Bram"]
    people = [_person(bram1, a) for a in ("Yusuf", "Mira", "Tom")]
    team.quiet()
    result = team.coord.field.transfers.move_caseload(
        team.worker_id("Bram"), team.worker_id("Yasmina"), "Bram vertrekt eind november."
    )
    assert set(result.moved) == set(people)
    team.quiet()
    yasmina = team.worker_id("Yasmina")
    for lt in team.all:
        rows = {r.id: r for r in lt.field.caseload.rows()}
        assert {rows[p].worker_id for p in people} == {yasmina}, lt.name
        history = lt.field.transfers.history(people[0])
        assert [h.worker_id for h in history] == [team.worker_id("Bram"), yasmina], lt.name
        assert history[-1].note == "Bram vertrekt eind november."
    for lt in team.laptops["Yasmina"]:
        handed = lt.field.caseload.today().handed_to_me
        assert {t.person_id for t in handed} == set(people), lt.name
    for lt in (bram1, bram2):
        assert lt.field.caseload.today().handed_to_me == ()
    # A worker cannot hand people on; only a coordinator can.
    with pytest.raises(NotAllowed):
        bram2.field.transfers.move_person(people[0], team.worker_id("Koen"))


def test_a_group_session_writes_the_right_contact_moments_everywhere(team: Team) -> None:
    an1, _ = team.laptops["An"]
    koen1, koen2 = team.laptops["Koen"]
    zoe, yusuf = _person(an1, "Zoë"), _person(koen1, "Yusuf")
    team.quiet()
    gid = an1.field.groups.create(
        GroupInput("Jobclub", "reeks", date(2026, 11, 1), place="Buurthuis De Sluis")
    )
    an1.field.groups.enrol(gid, [zoe, yusuf])
    session = an1.field.groups.plan_session(gid, datetime(2026, 11, 20, 9, 0), 120)
    contact = an1.field.groups.record_attendance(session, Attendance((yusuf,), unregistered=4))
    team.quiet()
    for lt in team.all:
        detail = lt.field.groups.detail(gid)
        (x,) = detail.sessions
        assert (x.attended, x.absent, x.unregistered, x.headcount) == ((yusuf,), (zoe,), 4, 5)
        assert x.contact_id == contact
    # Koen (Yusuf's worker) sees the session in Yusuf's file on both laptops.
    for lt in (koen1, koen2):
        (row,) = [c for c in lt.field.contacts.timeline(yusuf) if c.id == contact]
        assert row.group_activity == "Jobclub" and row.channel == "groep"
        assert lt.field.people.get(yusuf).last_contact_at == "2026-11-20T09:00"
        assert lt.field.people.get(zoe).last_contact_at is None


def test_retention_erases_exactly_the_files_due_on_every_device_and_the_store(
    team: Team, database: Database
) -> None:
    from tests.conftest import PASSPHRASE

    an1, an2 = team.laptops["An"]
    old = {a: _person(an1, a, date(2015, 1, 5)) for a in ("Ilse", "Jef")}
    an1.field.trajectory.close(old["Ilse"], date(2020, 6, 30), "opleiding", "")
    an1.field.trajectory.close(old["Jef"], date(2024, 2, 1), "andere", "")
    team.quiet()
    due = team.coord.field.retention.due()
    assert [d.alias for d in due] == ["Ilse"]
    with pytest.raises(NotAllowed):
        an2.field.retention.erase_due([old["Ilse"]], PASSPHRASE)
    run = team.coord.field.retention.erase_due([d.person_id for d in due], PASSPHRASE)
    assert run.erased == (old["Ilse"],)
    team.quiet()
    for lt in team.all:
        ids = {r.id for r in lt.field.caseload.rows()}
        assert old["Ilse"] not in ids and old["Jef"] in ids, lt.name
    stored = {(t, i) for t, i, _, _ in store_records(database.url)}
    assert ("person", old["Ilse"]) not in stored and ("person", old["Jef"]) in stored


def test_the_coordinator_sees_the_audit_of_a_move_a_revocation_and_an_erasure(
    team: Team,
) -> None:
    from tests.conftest import PASSPHRASE

    koen1, koen2 = team.laptops["Koen"]
    pid, gone = _person(koen1, "Sam"), _person(koen1, "Noor")
    team.quiet()
    team.coord.field.transfers.move_person(pid, team.worker_id("An"), "Koen is met verlof.")
    koen1.field.rights.erase(gone, PASSPHRASE)  # the worker asked for it, on their laptop
    team.coord.sync.revoke(koen2.device_id)
    team.quiet_without(koen2)
    entries = team.coord.vault.audit.entries(500)
    seen = {(e.event, e.record_id, e.worker_name) for e in entries}
    assert ("caseload_moved", pid, "Carla Verhoeven") in seen
    assert ("person_erased", gone, "Koen Wouters") in seen  # who asked, from Koen's laptop
    assert ("sync_device_revoked", koen2.device_id, "Carla Verhoeven") in seen
    # The erasure reached every laptop still in the team (Koen's first one too, holding
    # nothing of it any more), each saying who asked for it; the coordinator sees them all.
    applied = [e for e in entries if e.event == "sync_purge_applied" and e.record_id == gone]
    assert {e.device_id for e in applied} == {lt.device_id for lt in team.all} - {koen2.device_id}
    assert all("gevraagd door" in (e.detail or "") for e in applied)
    assert ("team_key_rotated", team.team_id, "Carla Verhoeven") in seen
    assert any(e.event == "sync_device_approved" for e in entries)
    assert any(e.event == "sync" and e.worker_name == "Koen Wouters" for e in entries)
    # A worker's laptop holds the team's entries too (encrypted), but shows its own.
    an1 = team.laptops["An"][0]
    assert {e.worker_id for e in an1.vault.audit.entries(500)} == {team.worker_id("An")}
