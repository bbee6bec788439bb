"""Field registration services against a real SQLCipher vault."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.errors import DuplicateSuspected, NotFound, ValidationError
from app.services.contacts import AgreementInput, ContactInput, OtherParticipant, Participant
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.situation import DrempelInput, NetworkInput
from app.services.vindplaatsen import PresenceInput, VindplaatsInput

TODAY = date(2026, 11, 20)


def pseudonym(
    field: FieldServices, alias: str = "Rosa", *, allow_duplicate: bool = False, **kw: object
) -> str:
    data = {"alias": alias, "first_met_on": date(2026, 9, 1), "first_met_how": "mond_aan_mond"}
    data.update(kw)
    return field.people.create_pseudonym(
        PseudonymInput(**data),
        allow_duplicate=allow_duplicate,  # type: ignore[arg-type]
    )


def contact(field: FieldServices, *pids: str, when: datetime | None = None, **kw: object) -> str:
    return field.contacts.create(
        ContactInput(
            occurred_at=when or datetime(2026, 11, 20, 9, 0),
            channel=str(kw.pop("channel", "telefoon")),
            people=tuple(Participant(p) for p in pids),
            **kw,
        )
    )  # type: ignore[arg-type]


# --- people -------------------------------------------------------------------------------


def test_pseudonym_then_upgrade_with_agreement(field: FieldServices) -> None:
    vp = field.vindplaatsen.create(VindplaatsInput(name="Dok Noord", type="plek"))
    pid = pseudonym(field, "Zoë", first_met_how="vindplaats", vindplaats_id=vp)
    p = field.people.get(pid)
    assert not p.is_client and p.full_name is None and p.phase == "bereiken"
    field.people.upgrade_to_client(
        pid,
        ClientDetails(
            given_name="Zoë",
            family_name="Vermeulen",
            agreed_on=date(2026, 11, 1),
            date_of_birth=date(1985, 7, 30),
            phone="0470 12 34 56",
            national_number="85.07.30-033.28",
            languages=("nl", "fr"),
            radar_status="vdab",
            target_groups=("nieuwkomer",),
        ),
    )
    p = field.people.get(pid)
    assert p.is_client and p.full_name == "Zoë Vermeulen" and p.phone == "+32470123456"
    assert p.client_since == date(2026, 11, 1) and p.initials == "Z.V."


@pytest.mark.parametrize(
    "kw, field_name",
    [
        ({"alias": " "}, "alias"),
        ({"first_met_on": TODAY + timedelta(days=1)}, "first_met_on"),
        ({"first_met_how": "vindplaats"}, "vindplaats_id"),
        ({"first_met_how": "doorverwijzing"}, "referral_kind"),
        ({"first_met_how": "doorverwijzing", "referral_kind": "andere"}, "referral_source"),
        ({"target_groups": ("onbestaand",)}, "target_groups"),
    ],
)
def test_pseudonym_validation_names_the_field(
    field: FieldServices, kw: dict, field_name: str
) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as info:
        pseudonym(field, **kw)
    assert info.value.field == field_name and info.value.message


@pytest.mark.parametrize(
    "kw, field_name",
    [
        ({"date_of_birth": date(2026, 10, 1)}, "date_of_birth"),  # after the first meeting
        ({"phone": "123"}, "phone"),
        ({"national_number": "85073003327"}, "national_number"),
        ({"national_number": "85073003328", "date_of_birth": date(1985, 7, 31)}, "national_number"),
        ({"given_name": ""}, "given_name"),
    ],
)
def test_client_validation(field: FieldServices, kw: dict, field_name: str) -> None:  # type: ignore[type-arg]
    pid = pseudonym(field)
    details = {"given_name": "Rosa", "family_name": "Claes", "agreed_on": date(2026, 11, 2)}
    details.update(kw)
    with pytest.raises(ValidationError) as info:
        field.people.upgrade_to_client(pid, ClientDetails(**details))  # type: ignore[arg-type]
    assert info.value.field == field_name
    assert not field.people.get(pid).is_client  # nothing written half


def test_duplicates_are_pointed_out_never_merged(field: FieldServices) -> None:
    a = pseudonym(field, "Rosa")
    with pytest.raises(DuplicateSuspected) as info:
        pseudonym(field, "rosa")
    assert [c.person_id for c in info.value.candidates] == [a]  # type: ignore[attr-defined]
    b = pseudonym(field, "rosa", note="andere Rosa", allow_duplicate=True)
    assert b != a
    field.people.upgrade_to_client(
        a, ClientDetails("Rosa", "Claes", date(2026, 11, 2), phone="0470111222")
    )
    with pytest.raises(DuplicateSuspected) as info:
        field.people.upgrade_to_client(b, ClientDetails("Rósa", "CLAES", date(2026, 11, 2)))
    assert "zelfde naam" in info.value.candidates[0].reasons  # type: ignore[attr-defined]
    field.people.upgrade_to_client(
        b, ClientDetails("Rósa", "CLAES", date(2026, 11, 2)), allow_duplicate=True
    )
    assert len(field.caseload.rows()) == 2


def test_delete_is_a_tombstone_and_audited(field: FieldServices, vault) -> None:  # type: ignore[no-untyped-def]
    pid = pseudonym(field)
    field.people.delete(pid)
    with pytest.raises(NotFound):
        field.people.get(pid)
    assert field.caseload.rows() == []
    events = [(e.event, e.record_id) for e in vault.audit.entries()]
    assert ("record_deleted", pid) in events


# --- trajectory ---------------------------------------------------------------------------


def test_work_outcome_schedules_follow_ups_and_reopen_works(field: FieldServices) -> None:
    pid = pseudonym(field)
    field.trajectory.change_phase(pid, "kennismaking", date(2026, 9, 10), "vertrouwen groeit")
    field.trajectory.change_phase(pid, "orientering", date(2026, 10, 1), "wil werken")
    field.trajectory.change_phase(pid, "contextvoorwaarden", date(2026, 10, 5), "woning kwijt")
    field.trajectory.close(pid, date(2026, 11, 15), "job_nec")
    view = field.trajectory.view(pid)
    assert view.state.closed and view.state.steps_back == 1
    assert [(f.months, f.due_on) for f in view.follow_ups] == [
        (3, date(2027, 2, 15)),
        (12, date(2027, 11, 15)),
        (24, date(2028, 11, 15)),
    ]
    field.trajectory.reopen(pid, date(2026, 11, 20), "job verloren")
    assert field.people.get(pid).phase == "contextvoorwaarden"
    with pytest.raises(ValidationError):
        field.trajectory.change_phase(pid, "orientering", date(2026, 11, 20), "")


def test_an_outcome_without_a_placement_schedules_nothing(field: FieldServices) -> None:
    pid = pseudonym(field)
    field.trajectory.close(pid, date(2026, 11, 15), "geen_medewerking")
    assert field.trajectory.view(pid).follow_ups == ()
    other = pseudonym(field, alias="Noor")
    field.trajectory.close(other, date(2026, 11, 15), "opleiding")  # a training is followed up
    assert [f.months for f in field.trajectory.view(other).follow_ups] == [3, 12, 24]


# --- contacts -----------------------------------------------------------------------------


def test_contact_validation(field: FieldServices) -> None:
    pid = pseudonym(field)
    with pytest.raises(ValidationError) as info:
        contact(field, pid, when=datetime(2026, 11, 21, 9, 0))
    assert info.value.field == "occurred_at"
    with pytest.raises(ValidationError):
        contact(field, when=datetime(2026, 11, 20, 9, 0))
    with pytest.raises(ValidationError):
        contact(field, pid, next_contact_at=datetime(2026, 11, 19, 9, 0))
    with pytest.raises(ValidationError):
        contact(field, pid, channel="duif")
    assert field.contacts.timeline(pid) == []


def test_group_contact_with_attendance_and_others(field: FieldServices) -> None:
    a, b, c = pseudonym(field, "A"), pseudonym(field, "B"), pseudonym(field, "C")
    cid = field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 18, 14, 0),
            channel="groep",
            group_activity="Kookatelier",
            people=(Participant(a), Participant(b), Participant(c, attended=False)),
            others=(OtherParticipant("professioneel", "Lies", "OCMW Gent"),),
            life_domains=("tijdsbesteding", "sociaal_netwerk"),
            duration_min=120,
        )
    )
    row = field.contacts.get(cid)
    assert row.is_group and len(row.people) == 3 and row.others[0].organisation == "OCMW Gent"
    assert [r.id for r in field.contacts.timeline(b)] == [cid]
    assert field.people.get(a).last_contact_at == "2026-11-18T14:00"
    assert field.people.get(c).last_contact_at is None  # absent: not contacted


def test_quick_entry_defaults_remember_channel_and_vindplaats(field: FieldServices) -> None:
    vp = field.vindplaatsen.create(VindplaatsInput(name="Station", type="plek"))
    pid = pseudonym(field)
    assert field.contacts.defaults().channel == "vindplaats"
    contact(field, pid, channel="wandelgesprek", vindplaats_id=vp)
    d = field.contacts.defaults()
    assert (d.channel, d.vindplaats_id) == ("wandelgesprek", vp)
    assert d.occurred_at == datetime(2026, 11, 20, 10, 30)


# --- search -------------------------------------------------------------------------------


def test_search_is_accent_insensitive_and_forgets_deleted_records(field: FieldServices) -> None:
    zoe = pseudonym(field, "Zoë")
    other = pseudonym(field, "Jan")
    cid = contact(field, other, summary="Sprak over de schuldbemiddelaar", private_note="angstig")
    assert field.caseload.search("Zoe") == [zoe]
    assert field.caseload.search("zo") == [zoe]
    assert field.caseload.search("ZOË") == [zoe]
    assert field.caseload.search("schuld") == [other]
    assert field.caseload.search("angst") == [other]
    assert field.caseload.search("   ") == []
    assert field.caseload.search('"; DROP TABLE people; --') == []
    field.contacts.delete(cid)
    assert field.caseload.search("schuld") == []
    field.people.delete(zoe)
    assert field.caseload.search("zoe") == []


# --- vindplaatsen, network, drempels --------------------------------------------------------


def test_presence_tallies_belong_to_no_person(field: FieldServices) -> None:
    vp = field.vindplaatsen.create(
        VindplaatsInput(
            name="Jeugdhuis",
            type="organisatie",
            contact_person="Karim",
            contact_phone="09 123 45 67",
        )
    )
    field.vindplaatsen.log_presence(
        PresenceInput(vp, date(2026, 11, 19), 12, {"18_25": 7, "26_35": 3}, ("werk", "huisvesting"))
    )
    with pytest.raises(ValidationError):
        field.vindplaatsen.log_presence(PresenceInput(vp, date(2026, 11, 19), 2, {"18_25": 3}))
    with pytest.raises(ValidationError):
        field.vindplaatsen.create(VindplaatsInput(name="jeugdhuis", type="organisatie"))
    rows = field.vindplaatsen.all()
    assert rows[0].presence_count == 1 and rows[0].last_presence_on == date(2026, 11, 19)
    log = field.vindplaatsen.presence_log(vp)
    assert log[0].age_bands == {"18_25": 7, "26_35": 3}


def test_network_and_drempels_with_vocabulary_checks(field: FieldServices) -> None:
    pid = pseudonym(field)
    field.situation.add_network_member(
        pid,
        NetworkInput(
            "professioneel",
            "ocmw",
            "Lies Janssens",
            organisation="OCMW Gent",
            life_domains=("financien",),
            holds_file=True,
        ),
    )
    with pytest.raises(ValidationError):
        field.situation.add_network_member(pid, NetworkInput("informeel", "ocmw", "X"))
    field.situation.add_drempel(pid, DrempelInput("huisvesting", "actief", "geen_woning"))
    with pytest.raises(ValidationError):
        field.situation.add_drempel(pid, DrempelInput("werk", "actief", "geen_woning"))
    field.situation.set_work_readiness(pid, "motivatie", "sterk")
    field.situation.set_work_readiness(pid, "motivatie", "werkpunt")
    assert [w.assessment for w in field.situation.work_readiness(pid)] == ["werkpunt"]
    assert field.situation.network(pid)[0].holds_file


# --- Vandaag and the person file ----------------------------------------------------------


def test_today_overview(field: FieldServices, clock_now: list[datetime]) -> None:
    planned = pseudonym(field, "Gepland")
    stale = pseudonym(field, "Lang geleden")
    fresh = pseudonym(field, "Recent")
    contact(
        field,
        planned,
        when=datetime(2026, 11, 10, 9, 0),
        next_contact_at=datetime(2026, 11, 20, 15, 0),
        agreements=(
            AgreementInput("Bel OCMW", "werker", due_on=date(2026, 11, 15)),
            AgreementInput("CV meebrengen", "persoon", due_on=date(2026, 11, 20)),
            AgreementInput("Later", "persoon", due_on=date(2026, 12, 20)),
        ),
    )
    contact(field, stale, when=datetime(2026, 9, 20, 9, 0))
    contact(field, fresh, when=datetime(2026, 11, 19, 9, 0))
    t = field.caseload.today()
    assert [p.person_id for p in t.planned] == [planned]
    assert [a.description for a in t.todos_overdue] == ["Bel OCMW"]
    assert [a.description for a in t.todos_due] == ["CV meebrengen"]
    assert [p.person_id for p in t.not_contacted] == [stale]
    assert t.not_contacted[0].weeks == 8


def test_opening_a_person_file_is_audited(field: FieldServices, vault) -> None:  # type: ignore[no-untyped-def]
    pid = pseudonym(field)
    contact(field, pid)
    f = field.caseload.open_file(pid)
    assert f.person.id == pid and len(f.contacts) == 1
    assert ("person_opened", pid) in [(e.event, e.record_id) for e in vault.audit.entries()]
