"""Every service write yields exactly the expected outbox entries; a failed write yields none."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.domain.hlc import Stamp
from app.domain.revisions import revision_id
from app.errors import ValidationError
from app.models import OutboxEntry, Person
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.records import Records
from app.services.vindplaatsen import VindplaatsInput


def outbox(field: FieldServices) -> list[tuple[str, str, list[str]]]:
    """Queued revisions of the data (audit entries are records too, checked in test_dpo)."""
    with field.context.ctx.read() as s:
        return [
            (e.record_type, e.record_id, e.parents)
            for e in Records.outbox(s)
            if e.record_type != "audit_entry"
        ]


def _count(field: FieldServices) -> int:
    with field.context.ctx.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(OutboxEntry.record_type != "audit_entry")
            )
            or 0
        )


def test_each_write_yields_exactly_its_revisions(field: FieldServices) -> None:
    vp = field.vindplaatsen.create(VindplaatsInput(name="Sint-Pietersplein", type="plek"))
    assert outbox(field) == [("vindplaats", vp, [])]

    pid = field.people.create_pseudonym(
        PseudonymInput(
            alias="Rosa",
            first_met_on=date(2026, 11, 1),
            first_met_how="vindplaats",
            vindplaats_id=vp,
        )
    )
    entries = outbox(field)[1:]
    assert [(t, p) for t, _, p in entries] == [("person", []), ("phase_event", [])]
    assert entries[0][1] == pid

    n = _count(field)
    cid = field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 20, 9, 0),
            channel="vindplaats",
            people=(Participant(pid),),
            summary="Gesprek over huisvesting",
            agreements=(
                AgreementInput("Afspraak OCMW maken", "werker", due_on=date(2026, 11, 27)),
            ),
        )
    )
    new = outbox(field)[n:]
    assert [t for t, _, _ in new] == ["contact_moment", "agreement"]
    assert new[0][1] == cid

    # An edit is one revision whose parent is the previous revision.
    with field.context.ctx.read() as s:
        before = s.get(Person, pid)
        assert before is not None
        old_rev = before.revision
    n = _count(field)
    assert field.people.update(pid, note="Houdt van schaken") is True
    assert outbox(field)[n:] == [("person", pid, [old_rev])]

    # A no-op edit writes nothing.
    n = _count(field)
    assert field.people.update(pid, note="Houdt van schaken") is False
    assert _count(field) == n

    # A delete is a tombstone revision.
    n = _count(field)
    field.contacts.delete(cid)
    assert [t for t, _, _ in outbox(field)[n:]] == ["contact_moment"]


def test_a_failed_write_yields_no_outbox_entry_and_no_record(field: FieldServices) -> None:
    pid = field.people.create_pseudonym(
        PseudonymInput(alias="Jonas", first_met_on=date(2026, 11, 1), first_met_how="mond_aan_mond")
    )
    n = _count(field)
    with pytest.raises(ValidationError):
        field.people.upgrade_to_client(
            pid,
            ClientDetails(
                given_name="Jonas",
                family_name="Peeters",
                agreed_on=date(2026, 11, 2),
                national_number="85073003327",
            ),
        )
    with pytest.raises(ValidationError):  # the agreement fails after the contact was added
        field.contacts.create(
            ContactInput(
                occurred_at=datetime(2026, 11, 20, 9, 0),
                channel="telefoon",
                people=(Participant(pid),),
                agreements=(AgreementInput("", "werker"),),
            )
        )
    assert _count(field) == n
    assert field.contacts.timeline(pid) == []


def test_revisions_are_content_addressed_and_stamped_by_an_hlc(field: FieldServices) -> None:
    pid = field.people.create_pseudonym(
        PseudonymInput(alias="Mo", first_met_on=date(2026, 11, 1), first_met_how="mond_aan_mond")
    )
    field.people.update(pid, note="eerste")
    field.people.update(pid, note="tweede")
    with field.context.ctx.read() as s:
        p = s.get(Person, pid)
        assert p is not None
        assert p.revision == revision_id(
            "person", pid, p.parent_revisions, p.payload(), p.field_clocks
        )
        stamps = [Stamp.decode(x) for x in p.clocks().values()]
        assert Stamp.decode(p.clock("note")) == max(stamps)
        assert Stamp.decode(p.clock("alias")) < Stamp.decode(p.clock("note"))
        assert set(p.field_clocks) == {"*", "note"}  # compact: only edited fields have a stamp
        revs = [e.revision for e in Records.outbox(s) if e.record_id == pid]
    assert len(set(revs)) == 3
