"""Field-wise HLC merge: symmetric, idempotent, associative on fields, and nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.merge import NOTE_SEPARATOR, Version, merge

FIELDS = ["alias", "phone", "note", "deleted"]
NOTES = ("note",)

stamp = st.builds(
    lambda w, c, n: f"{w:015d}:{c:06d}:{n}",
    st.integers(0, 50),
    st.integers(0, 3),
    st.sampled_from(["a", "b", "c"]),
)
value = st.one_of(st.text(alphabet="xyz ", max_size=6), st.booleans(), st.none())


@st.composite
def versions(draw: st.DrawFn) -> Version:
    clocks = {f: draw(stamp) for f in FIELDS}
    # A stamp belongs to one write: the same stamp never carries two values.
    fields = {f: draw(value) for f in FIELDS}
    return Version(fields, clocks)


def _consistent(a: Version, b: Version) -> bool:
    return all(not (a.clocks[f] == b.clocks[f] and a.fields[f] != b.fields[f]) for f in FIELDS)


@given(versions(), versions())
def test_merge_is_symmetric(a: Version, b: Version) -> None:
    if not _consistent(a, b):
        return
    assert merge(a, b, NOTES) == merge(b, a, NOTES)


@given(versions())
def test_merging_with_itself_changes_nothing(a: Version) -> None:
    m = merge(a, a, NOTES)
    assert m.fields == dict(a.fields) and m.clocks == dict(a.clocks) and m.conflicts == ()


@given(versions(), versions())
def test_newest_wins_and_every_loser_is_kept(a: Version, b: Version) -> None:
    if not _consistent(a, b):
        return
    m = merge(a, b, NOTES)
    lost = {c.field: c for c in m.conflicts}
    for f in FIELDS:
        assert m.clocks[f] == max(a.clocks[f], b.clocks[f])
        if a.fields[f] != b.fields[f]:
            c = lost[f]
            assert {c.kept, c.lost} == {a.fields[f], b.fields[f]} or (
                c.kept in (a.fields[f], b.fields[f]) and c.lost in (a.fields[f], b.fields[f])
            )
            if c.both_kept:
                assert isinstance(m.fields[f], str) and c.lost in m.fields[f]
        else:
            assert f not in lost


def test_concurrent_note_edits_keep_both_texts() -> None:
    a = Version({"note": "Wil koken"}, {"note": "000000000000002:000000:a"})
    b = Version({"note": "Zoekt werk"}, {"note": "000000000000001:000000:b"})
    m = merge(a, b, NOTES)
    assert m.fields["note"] == "Wil koken" + NOTE_SEPARATOR + "Zoekt werk"
    assert m.conflicts[0].both_kept
    # Merging the merge with an old side does not duplicate text.
    again = merge(Version(m.fields, m.clocks), b, NOTES)
    assert again.fields["note"] == m.fields["note"]


def test_edit_against_concurrent_delete_keeps_the_loser() -> None:
    edit = Version(
        {"deleted": False, "phone": "+32470"},
        {"deleted": "000000000000001:000000:a", "phone": "000000000000003:000000:a"},
    )
    gone = Version(
        {"deleted": True, "phone": None},
        {"deleted": "000000000000002:000000:b", "phone": "000000000000001:000000:a"},
    )
    m = merge(edit, gone)
    assert m.fields == {"deleted": True, "phone": "+32470"}
    assert [(c.field, c.lost) for c in m.conflicts] == [("deleted", False), ("phone", None)]


@given(versions(), versions(), versions())
def test_with_a_common_ancestor_only_real_conflicts_are_recorded(
    a: Version, b: Version, base: Version
) -> None:
    if not _consistent(a, b):
        return
    m = merge(a, b, NOTES, base.clocks)
    assert m == merge(b, a, NOTES, base.clocks)
    for c in m.conflicts:
        assert c.lost_clock > base.clocks[c.field]  # the losing side really wrote it
    assert merge(a, b, (), base.clocks).fields == merge(a, b).fields  # values never depend on it


def test_one_sided_change_against_the_ancestor_is_no_conflict() -> None:
    t = "000000000000{:03d}:000000:{}".format
    base = {"phone": t(1, "a"), "note": t(1, "a")}
    a = Version({"phone": "2", "note": "oud"}, {"phone": t(5, "a"), "note": t(1, "a")})
    b = Version({"phone": "1", "note": "nieuw"}, {"phone": t(1, "a"), "note": t(4, "b")})
    m = merge(a, b, NOTES, base)
    assert m.fields == {"phone": "2", "note": "nieuw"} and m.conflicts == ()
