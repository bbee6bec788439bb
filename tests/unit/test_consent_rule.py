"""The one consent rule, property-based: nothing beyond what valid, matching consents cover."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain import consent as rule

CATS = sorted(rule.ALL_CATEGORIES)
ORGS = ["vdab", "ocmw", "gtb"]
PURPOSES = ["warme_overdracht", "trajectopvolging", "mlp"]
ON = date(2026, 11, 20)

consents = st.lists(
    st.builds(
        rule.ConsentRecord,
        id=st.uuids().map(str),
        categories=st.frozensets(st.sampled_from(CATS), min_size=1),
        organisation_ids=st.frozensets(st.sampled_from(ORGS), max_size=2),
        contact_ids=st.frozensets(st.sampled_from(["c1", "c2"]), max_size=1),
        purposes=st.frozensets(st.sampled_from(PURPOSES), min_size=1),
        valid_from=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 1, 1)),
        valid_until=st.one_of(
            st.none(), st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 1))
        ),
        withdrawn_on=st.one_of(
            st.none(), st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 1, 1))
        ),
    ),
    max_size=5,
)


@given(
    consents, st.sampled_from(ORGS), st.sampled_from(["c1", "c2", None]), st.sampled_from(PURPOSES)
)
def test_scope_is_exactly_the_union_of_valid_matching_consents(cs, org, contact, purpose) -> None:  # type: ignore[no-untyped-def]
    r = rule.Recipient(organisation_id=org, contact_id=contact, contact_organisation_id=org)
    scope = rule.scope_for(cs, r, purpose, ON)
    expected: set[str] = set()
    for c in cs:
        matches = org in c.organisation_ids or (contact is not None and contact in c.contact_ids)
        if matches and purpose in c.purposes and c.state(ON) is rule.ConsentState.VALID:
            expected |= c.categories
    assert scope.categories == frozenset(expected)
    # Sensitive categories only when a consent names them.
    for s in rule.SENSITIVE & scope.categories:
        assert any(s in c.categories for c in cs)
    assert scope.has_consent == bool(expected)


def test_withdrawn_expired_and_future_consents_do_not_count_and_are_explained() -> None:
    base = dict(
        categories=frozenset({"motivatie"}),
        organisation_ids=frozenset({"vdab"}),
        contact_ids=frozenset(),
        purposes=frozenset({"warme_overdracht"}),
    )
    cs = [
        rule.ConsentRecord(
            "a", valid_from=ON - timedelta(days=90), valid_until=ON - timedelta(days=1), **base
        ),  # type: ignore[arg-type]
        rule.ConsentRecord("b", valid_from=ON - timedelta(days=90), withdrawn_on=ON, **base),  # type: ignore[arg-type]
        rule.ConsentRecord("c", valid_from=ON + timedelta(days=1), **base),  # type: ignore[arg-type]
    ]
    scope = rule.scope_for(cs, rule.Recipient("vdab"), "warme_overdracht", ON)
    assert scope.categories == frozenset() and not scope.has_consent
    text = " ".join(scope.notes)
    assert "geen geldige toestemming" in text and "verlopen" in text and "ingetrokken" in text


def test_an_override_adds_only_what_it_names_and_is_marked() -> None:
    scope = rule.scope_for(
        [], rule.Recipient("vdab"), "warme_overdracht", ON, override=("praktisch", "onzin")
    )
    assert scope.categories == frozenset({"praktisch"}) and scope.overridden == {"praktisch"}


def test_the_person_gets_everything_of_their_own() -> None:
    scope = rule.scope_for([], rule.Recipient(person_self=True), "warme_overdracht", ON)
    assert scope.categories == rule.ALL_CATEGORIES


def test_sensitive_domains_need_their_own_category() -> None:
    scope = rule.Scope(frozenset({"situatie"}), ("x",))
    assert rule.domain_allowed({}, scope, "situatie")
    assert not rule.domain_allowed({"sensitive": "health"}, scope, "situatie")
    assert rule.domain_allowed(
        {"sensitive": "health"},
        rule.Scope(frozenset({"situatie", "gezondheid"}), ("x",)),
        "situatie",
    )
