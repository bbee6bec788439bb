"""An erasure removes every record about the person, deleted ones included, everywhere: on the
erasing device, on the other devices of the team, on the store, and on a device enrolled later
(issue 11: a contact moment deleted before the erasure survived it, found through the
contact-people index that its deletion had emptied)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from app.models import SYNCED_MODELS, Agreement, ContactMoment
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.people import PseudonymInput
from app.services.situation import DrempelInput
from tests.conftest import CANARY, PASSPHRASE
from tests.server.sync_support import (
    Laptop,
    StoreProcess,
    enrol,
    organisation,
    store_process,
    store_records,
    sync_until_quiet,
)

SECRET = "SCHULD-" + CANARY  # in every text field about the erased person


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[StoreProcess, Laptop, Laptop, str]]:
    url = f"sqlite:///{tmp_path / 'store' / 'store.db'}"
    with store_process(tmp_path / "store", url) as sp:
        coord = Laptop(tmp_path, "coordinator")
        team_id = organisation(sp.base_url, sp.token(), coord)
        worker = Laptop(tmp_path, "laptop-b")
        enrol(coord, worker, sp.base_url, [team_id])
        try:
            yield sp, coord, worker, team_id
        finally:
            worker.close()
            coord.close()


def _mentions(lt: Laptop, person_id: str) -> list[str]:
    """Every row in the vault that names the person or carries the secret text, in any
    column of any table (synced records, outbox, conflicts, drafts, search index…)."""
    found: list[str] = []
    with lt.vault.context.engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if not t.startswith("search_fts_")]
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                blob = " ".join(str(v) for v in row)
                if SECRET in blob or (person_id in blob and table not in _IDS_ONLY):
                    found.append(f"{table}: {blob[:120]}")
    return found


# Tables that keep the erased person's id on purpose, without content: the erasure's own
# record (to refuse the records if they come back), the audit log (ids only, by design; its
# entries are synced records, so every device holds the erasure's entries) and the sync routing
# of the record ids (which team a purge goes to).
_IDS_ONLY = {"purges", "purged_records", "audit_log", "audit_entries", "record_teams"}


def test_erasure_removes_deleted_contacts_agreements_and_drempels_everywhere(
    team: tuple[StoreProcess, Laptop, Laptop, str], tmp_path: Path
) -> None:
    sp, coord, worker, team_id = team
    f = worker.field
    pid = f.people.create_pseudonym(
        PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond", note=SECRET)
    )
    other = f.people.create_pseudonym(PseudonymInput("Rik", date(2026, 1, 5), "mond_aan_mond"))

    def contact(day: int, people: tuple[str, ...], agreement: bool = False) -> str:
        # A live group contact goes on for the others, with its own (group) text.
        about = SECRET if day != 13 else "groepsactiviteit"
        return f.contacts.create(
            ContactInput(
                datetime(2026, 11, day, 10, 0),
                "huisbezoek",
                tuple(Participant(p) for p in people),
                summary=f"Samenvatting {about}",
                private_note=f"Privé {about}",
                agreements=(
                    (AgreementInput(f"Afspraak {SECRET}", "persoon", person_id=pid),)
                    if agreement
                    else ()
                ),
            )
        )

    deleted_own = contact(10, (pid,), agreement=True)
    kept_own = contact(11, (pid,))
    deleted_group = contact(12, (pid, other))
    live_group = contact(13, (pid, other))
    drempel = f.situation.add_drempel(
        pid, DrempelInput("huisvesting", "actief", "geen_woning", note=SECRET)
    )
    live_drempel = f.situation.add_drempel(pid, DrempelInput("financien", "actief", note=SECRET))
    sync_until_quiet([worker, coord])
    with worker.vault.context.read() as s:
        agreement = s.scalars(select(Agreement.id).where(Agreement.person_id == pid)).one()

    # Deleted before the erasure, on the worker's laptop; the deletions reach everyone.
    f.contacts.delete(deleted_own)
    f.contacts.delete(deleted_group)
    f.situation.delete("drempel", drempel)
    with worker.vault.context.transaction() as s:
        row = s.get(Agreement, agreement)
        assert row is not None
        worker.field.context.records.delete(s, row)
    sync_until_quiet([worker, coord])
    with coord.vault.context.read() as s:
        tombstone = s.get(ContactMoment, deleted_own)
        assert tombstone is not None and tombstone.deleted and SECRET in tombstone.private_note

    coord.field.rights.erase(pid, PASSPHRASE)
    sync_until_quiet([coord, worker])

    erased_ids = {pid, deleted_own, kept_own, deleted_group, agreement, drempel, live_drempel}
    for lt in (coord, worker):
        left = _mentions(lt, pid)
        assert left == [], f"{lt.name} still holds data about the erased person:\n" + "\n".join(
            left
        )
        with lt.vault.context.read() as s:
            group = s.get(ContactMoment, live_group)
            assert group is not None and [p["person_id"] for p in group.people] == [other]
            for model in SYNCED_MODELS:
                held = set(s.scalars(select(model.id).where(model.id.in_(erased_ids))))
                assert not held, f"{lt.name} still holds {model.__name__} {held}"
    on_store = {record_id for _, record_id, _, _ in store_records(sp.database_url)}
    assert not (on_store & erased_ids), "the store still holds erased records"
    assert live_group in on_store

    # A laptop enrolled afterwards: its first sync brings nothing about the person.
    later = Laptop(tmp_path, "nieuwe-laptop")
    try:
        enrol(coord, later, sp.base_url, [team_id])
        sync_until_quiet([later, coord])
        assert {r.id for r in later.field.caseload.rows()} == {other}
        assert _mentions(later, pid) == []
        with later.vault.context.read() as s:
            assert s.get(ContactMoment, live_group) is not None
            for model in SYNCED_MODELS:
                assert not set(s.scalars(select(model.id).where(model.id.in_(erased_ids))))
    finally:
        later.close()
