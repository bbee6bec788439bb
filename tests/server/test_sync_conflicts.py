"""Conflicts are the team's (issue 11 point 7): a conflict found by one device's merge reaches
every device of the team, the worker whose value lost included, and says truthfully whose
value lost (also for an edit against a delete); a choice or an undo made on any device
reaches the others; an erasure takes the conflicts about the person along, everywhere; and a
device enrolled later sees them too. Against the real store on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import SyncedConflict
from app.services.people import PseudonymInput
from app.services.workers import WorkerProfile
from app.sync.conflicts import ConflictRow
from tests.conftest import PASSPHRASE
from tests.server.sync_support import (
    Laptop,
    StoreProcess,
    enrol,
    organisation,
    store_process,
    sync_until_quiet,
)


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[StoreProcess, Laptop, Laptop, Laptop, str]]:
    """A coordinator (Hanne) and two workers (Sam, Lotte) of one team, each with a profile."""
    url = f"sqlite:///{tmp_path / 'store' / 'store.db'}"
    with store_process(tmp_path / "store", url) as sp:
        coord = Laptop(tmp_path, "coordinator")
        team_id = organisation(sp.base_url, sp.token(), coord)
        sam, lotte = Laptop(tmp_path, "laptop-sam"), Laptop(tmp_path, "laptop-lotte")
        for lt in (sam, lotte):
            enrol(coord, lt, sp.base_url, [team_id])
        for lt, name in ((coord, "Hanne Claes"), (sam, "Sam De Wilde"), (lotte, "Lotte Maes")):
            lt.field.workers.save_profile(WorkerProfile(name=name, function="outreachwerker"))
        try:
            yield sp, coord, sam, lotte, team_id
        finally:
            for lt in (coord, sam, lotte):
                lt.close()


def _open(lt: Laptop) -> dict[str, ConflictRow]:
    return {c.id: c for c in lt.sync.conflicts()}


def _worker(lt: Laptop) -> str:
    return lt.vault.device.worker_id


def test_a_conflict_reaches_every_device_and_a_choice_and_undo_travel(
    team: tuple[StoreProcess, Laptop, Laptop, Laptop, str],
) -> None:
    _, coord, sam, lotte, _ = team
    pid = sam.field.people.create_pseudonym(
        PseudonymInput("Kevin", date(1994, 3, 2), "mond_aan_mond")
    )
    sam.field.people.update(pid, phone="0470 11 22 33")
    sync_until_quiet([sam, lotte, coord])
    # Apart for an afternoon: Sam and Lotte each note a new phone number for Kevin.
    sam.field.people.update(pid, phone="0470 44 55 66")
    lotte.field.people.update(pid, phone="0486 77 88 99")
    sam.sync_once()
    lotte.sync_once()  # Lotte's laptop merges: her number is the later one and stays
    sync_until_quiet([sam, lotte, coord])

    seen = [_open(lt) for lt in (sam, lotte, coord)]
    assert seen[0].keys() == seen[1].keys() == seen[2].keys() and len(seen[0]) == 1
    (c,) = seen[0].values()
    assert (c.record_type, c.record_id, c.field) == ("person", pid, "phone")
    assert (c.kept, c.lost) == ("+32486778899", "+32470445566")
    # Sam's value lost, and every device says so: Sam's worker and Sam's laptop.
    assert c.lost_by == _worker(sam) and c.lost_device == sam.device_id
    assert c.person_id == pid
    assert sam.field.people.get(pid).phone == "+32486778899"

    # Sam, whose number lost, puts it back on his own laptop; everyone gets it.
    sam.sync.resolve_conflict(c.id[:8], "lost", sam.field.context.records)
    sync_until_quiet([sam, lotte, coord])
    for lt in (sam, lotte, coord):
        assert lt.field.people.get(pid).phone == "+32470445566"
        assert _open(lt) == {}
        (done,) = lt.sync.conflicts(open_only=False)
        assert (done.status, done.resolved_by) == ("restored", _worker(sam))

    # The coordinator undoes that choice on her laptop: Lotte's number again, open again.
    coord.sync.undo_conflict(c.id, coord.field.context.records)
    sync_until_quiet([sam, lotte, coord])
    for lt in (sam, lotte, coord):
        assert lt.field.people.get(pid).phone == "+32486778899"
        assert list(_open(lt)) == [c.id]
    assert sam.people() == lotte.people() == coord.people()


@pytest.mark.parametrize("merger", ["deleter", "editor"])
def test_an_edit_against_a_delete_names_the_editor_on_every_device(
    team: tuple[StoreProcess, Laptop, Laptop, Laptop, str], merger: str
) -> None:
    """The delete wins; the edit that lost is the editor's, whichever device merged."""
    _, coord, sam, lotte, _ = team
    pid = sam.field.people.create_pseudonym(
        PseudonymInput("Ilse", date(1988, 7, 9), "mond_aan_mond")
    )
    sync_until_quiet([sam, lotte, coord])
    lotte.field.people.update(pid, note="Slaapt sinds maandag in de nachtopvang")
    sam.field.people.delete(pid)
    first, second = (lotte, sam) if merger == "deleter" else (sam, lotte)
    first.sync_once()
    second.sync_once()  # this one merges
    sync_until_quiet([sam, lotte, coord])
    for lt in (sam, lotte, coord):
        (c,) = _open(lt).values()
        assert (c.field, c.kept, c.lost) == ("deleted", True, False)
        assert c.lost_by == _worker(lotte) and c.lost_device == lotte.device_id
    # Lotte restores the person with her note; it reaches the others.
    lotte.sync.resolve_conflict(c.id, "lost", lotte.field.context.records)
    sync_until_quiet([sam, lotte, coord])
    for lt in (sam, lotte, coord):
        p = lt.field.people.get(pid)
        assert p.note == "Slaapt sinds maandag in de nachtopvang"


def test_an_erasure_takes_the_conflicts_along_and_a_new_device_sees_the_rest(
    team: tuple[StoreProcess, Laptop, Laptop, Laptop, str], tmp_path: Path
) -> None:
    sp, coord, sam, lotte, team_id = team
    erased = sam.field.people.create_pseudonym(
        PseudonymInput("Jonas", date(2001, 1, 5), "mond_aan_mond")
    )
    kept = sam.field.people.create_pseudonym(
        PseudonymInput("Nadia", date(1979, 11, 30), "mond_aan_mond")
    )
    sync_until_quiet([sam, lotte, coord])
    for pid in (erased, kept):
        sam.field.people.update(pid, note=f"Sam: schuld bij de huisbaas ({pid[:4]})")
        lotte.field.people.update(pid, note=f"Lotte: zoekt een studio ({pid[:4]})")
    sync_until_quiet([sam, lotte, coord])
    before = _open(coord)
    assert {c.person_id for c in before.values()} == {erased, kept}

    sam.field.rights.erase(erased, PASSPHRASE)
    sync_until_quiet([sam, lotte, coord])
    for lt in (sam, lotte, coord):
        with lt.vault.context.read() as s:
            about = list(
                s.scalars(select(SyncedConflict).where(SyncedConflict.person_id == erased))
            )
        assert about == [], f"{lt.name} kept a conflict about the erased person"
        assert {c.person_id for c in _open(lt).values()} == {kept}

    # A laptop enrolled afterwards gets the team's remaining conflicts, not the erased one's.
    late = Laptop(tmp_path, "laptop-new")
    try:
        enrol(coord, late, sp.base_url, [team_id])
        sync_until_quiet([late])
        assert _open(late).keys() == _open(coord).keys()
        assert {c.person_id for c in _open(late).values()} == {kept}
    finally:
        late.close()
