"""ZRM service against a real vault: save, correct visibly, reminders, criteria import."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from app.domain.zrm import DomainScore
from app.errors import ValidationError
from app.services.field import FieldServices
from app.services.people import PseudonymInput
from app.services.zrm import AssessmentInput, editions


def _person(field: FieldServices, alias: str = "Rosa") -> str:
    return field.people.create_pseudonym(
        PseudonymInput(alias=alias, first_met_on=date(2025, 1, 1), first_met_how="mond_aan_mond")
    )


def _scores(level: int, **over: int | None) -> dict[str, DomainScore]:
    out = {}
    for code in editions()["2017"].codes():
        lvl = over.get(code, level)
        out[code] = DomainScore(code, lvl, None if lvl else "niet besproken", "persoon")
    return out


def test_save_progress_and_visible_correction(field: FieldServices) -> None:
    pid = _person(field)
    field.zrm.save(AssessmentInput(pid, date(2026, 2, 1), "An", _scores(2, justitie=None)))
    second = field.zrm.save(AssessmentInput(pid, date(2026, 8, 1), "An", _scores(3)))
    fixed = field.zrm.correct(
        second, AssessmentInput(pid, date(2026, 8, 1), "An", _scores(3, financien=4))
    )
    hist = field.zrm.history(pid)
    assert [(h.id, h.superseded, h.corrected_by) for h in hist] == [
        (hist[0].id, False, None),
        (second, True, fixed),
        (fixed, False, None),
    ]
    assert hist[2].corrects_id == second
    view = field.zrm.person(pid)
    assert view.progress["financien"].change_total == 2  # the correction counts, not the original
    assert view.progress["justitie"].change_total is None
    assert view.radar.series["Laatste meting"][0] == 4 and len(view.radar.axes) == 13
    with pytest.raises(ValidationError):
        field.zrm.correct(second, AssessmentInput(pid, date(2026, 8, 1), "An", _scores(3)))


def test_bad_assessments_save_nothing(field: FieldServices) -> None:
    pid = _person(field)
    with pytest.raises(ValidationError):
        field.zrm.save(AssessmentInput(pid, date(2026, 11, 21), "An", _scores(3)))
    with pytest.raises(ValidationError):
        field.zrm.save(AssessmentInput(pid, date(2026, 1, 1), "An", _scores(3, huisvesting=9)))
    assert field.zrm.history(pid) == []


def test_reassessment_reminder_shows_on_vandaag(
    field: FieldServices, clock_now: list[datetime]
) -> None:
    due = _person(field, "Due")
    fresh = _person(field, "Fresh")
    field.zrm.save(AssessmentInput(due, date(2026, 7, 1), "An", _scores(2)))
    field.zrm.save(AssessmentInput(fresh, date(2026, 10, 1), "An", _scores(2)))
    assert [r.person_id for r in field.zrm.reassessments_due()] == [due]
    assert [r.person_id for r in field.caseload.today().reassessments_due] == [due]
    field.zrm.set_interval_months(6)
    assert field.zrm.reassessments_due() == []
    clock_now[0] = datetime(2027, 4, 2, 9, 0)
    assert {r.person_id for r in field.zrm.reassessments_due()} == {due, fresh}


def test_criteria_import_all_or_nothing(field: FieldServices, vault) -> None:  # type: ignore[no-untyped-def]
    codes = editions()["2017"].codes()
    good = {
        "edition": "2017",
        "criteria": {d: {str(lv): f"{d}-{lv}" for lv in range(1, 6)} for d in codes},
    }
    assert field.zrm.import_criteria(json.dumps(good).encode(), "crit.json") == 65
    broken = json.loads(json.dumps(good))
    del broken["criteria"]["justitie"]
    with pytest.raises(ValidationError) as info:
        field.zrm.import_criteria(json.dumps(broken).encode(), "crit.json")
    assert "12 domeinen" in info.value.message
    assert field.zrm.criteria()[("justitie", 3)] == "justitie-3"  # the earlier import untouched
    assert "zrm_criteria_imported" in [e.event for e in vault.audit.entries()]


def test_links_between_zrm_and_life_domains(field: FieldServices) -> None:
    assert field.zrm.life_domains_for("middelengebruik") == ("verslaving",)
    assert field.zrm.zrm_domains_for("werk") == ["werk_opleiding"]
    for d in editions()["2017"].domains:
        assert all(c in field.vocab["life_domains"] for c in d.life_domains)


def test_team_distance(field: FieldServices) -> None:
    a, b = _person(field, "A"), _person(field, "B")
    field.zrm.save(AssessmentInput(a, date(2026, 1, 1), "An", _scores(1)))
    field.zrm.save(AssessmentInput(a, date(2026, 6, 1), "An", _scores(3)))
    field.zrm.save(AssessmentInput(b, date(2026, 1, 1), "An", _scores(2)))
    field.zrm.save(AssessmentInput(b, date(2026, 6, 1), "An", _scores(3, financien=None)))
    team = field.zrm.team_distance()
    assert team["huisvesting"].mean_change == 1.5 and team["huisvesting"].people == 2
    assert team["financien"].mean_change == 2.0 and team["financien"].people == 1
