"""Search finds people first: name and alias matches above note matches above contact texts,
each hit saying where it matched; a names-only search; realistic data where "zoe" is also the
start of "zoeken"."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.contacts import ContactInput, Participant
from app.services.field import FieldServices
from app.services.people import ClientDetails, PseudonymInput
from app.services.search import SearchHit, _fold, _hits


def _person(field: FieldServices, alias: str, note: str | None = None) -> str:
    return field.people.create_pseudonym(
        PseudonymInput(alias, date(2026, 9, 1), "mond_aan_mond", note=note),
        allow_duplicate=True,
    )


def test_names_come_before_notes_and_contact_moments(field: FieldServices) -> None:
    zoe = _person(field, "Zoë")
    noted = _person(field, "Jan", note="Wil werk zoeken in de bouw")
    client = _person(field, "Rapper 6")
    field.people.upgrade_to_client(client, ClientDetails("Zoe", "Claes", date(2026, 10, 1)))
    talked = []
    for alias in ("Mo", "Kris", "Anja"):
        pid = _person(field, alias)
        talked.append(pid)
        field.contacts.create(
            ContactInput(
                datetime(2026, 11, 19, 9, 0),
                "telefoon",
                (Participant(pid),),
                summary="Samen vacatures zoeken op de VDAB-site",
            )
        )
    hits = field.caseload.search_ranked("zoe")
    assert [h.person_id for h in hits[:2]] == sorted(
        [zoe, client], key=lambda p: field.people.get(p).alias.casefold()
    )
    assert {h.person_id: h.where for h in hits}[zoe] == ("alias",)
    assert {h.person_id: h.where for h in hits}[client] == ("name",)
    assert hits[2] == SearchHit(noted, ("note",), 2)
    assert {h.person_id for h in hits[3:]} == set(talked)
    assert all(h.where == ("contacts",) and h.rank == 3 for h in hits[3:])
    # The same people as the plain search: ranking never drops or adds anyone.
    assert {h.person_id for h in hits} == set(field.caseload.search("zoe"))
    only = field.caseload.search_ranked("zoe", names_only=True)
    assert {h.person_id for h in only} == {zoe, client}


def test_words_split_between_name_and_contacts_rank_after_full_name_matches(
    field: FieldServices,
) -> None:
    mo = _person(field, "Mo")
    mohamed = _person(field, "Mohamed")
    field.people.upgrade_to_client(mohamed, ClientDetails("Mohamed", "Huur", date(2026, 10, 1)))
    field.contacts.create(
        ContactInput(
            datetime(2026, 11, 19, 9, 0), "telefoon", (Participant(mo),), summary="huur betaald"
        )
    )
    hits = field.caseload.search_ranked("mo huur")
    assert [h.person_id for h in hits] == [mohamed, mo]
    assert hits[1].where == ("alias", "contacts") and hits[1].rank == 1


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet="aeëiouzkrsŽž ", min_size=1, max_size=8), max_size=4),
    query=st.text(alphabet="aeëiouzkrs", min_size=1, max_size=4),
)
def test_word_matching_follows_the_index(words: list[str], query: str) -> None:
    """A token matches a field exactly when it is a prefix of one of its folded words, as in
    the full-text index (case and accents ignored)."""
    folded = _fold(" ".join(words))
    token = _fold(query)[0]
    expected = any(w.startswith(token) for w in folded)
    assert (token in _hits(folded, [token])) == expected
    assert _fold("ZOË Ž") == ["zoe", "z"]


def test_a_name_index_made_before_a_new_person_still_finds_them(field: FieldServices) -> None:
    first = _person(field, "Zoë")
    index = field.caseload.name_index(field.caseload.rows())
    later = _person(field, "Zoran")
    hits = field.caseload.search_ranked("zo", index=index)
    assert {h.person_id for h in hits} == {first, later}
    assert all(h.rank == 0 for h in hits)
    assert hits == field.caseload.search_ranked("zo")
