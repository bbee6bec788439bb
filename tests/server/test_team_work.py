"""Working as a team, against the real store: a coordinator and four workers on two laptops
each. Workers are people on every device, each runs their own day and week, a caseload move
reaches every device, a group session writes the right contact moments, retention erases
exactly the files due everywhere, and the coordinator sees the audit of it all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.services.people import PseudonymInput
from app.services.workers import WorkerProfile
from tests.server.conftest import Database
from tests.server.sync_support import Laptop, StoreProcess, enrol, store_process, sync_until_quiet

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
