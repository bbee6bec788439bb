"""ZRM domain rules: validation, distance travelled with missing scores and edition mixing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import zrm as z
from app.errors import ValidationError
from app.services.zrm import editions

EDS = editions()
E17, E13 = EDS["2017"], EDS["2013"]
TODAY = date(2026, 11, 20)


def A(
    on: date, scores: dict[str, int | None], edition: str = "2017", **targets: tuple[int, date]
) -> z.Assessment:
    s = {
        c: z.DomainScore(c, lvl, None if lvl else "niet besproken", "persoon")
        for c, lvl in scores.items()
    }
    for c, (lvl, d) in targets.items():
        s[c] = z.DomainScore(
            c, s[c].level, s[c].not_scored_reason, "persoon", target_level=lvl, target_date=d
        )
    return z.Assessment(f"a{on}", "p", on, "An", edition, s)


def test_editions_have_13_and_11_domains_and_five_levels() -> None:
    assert len(E17.domains) == 13 and len(E13.domains) == 11
    assert E17.levels[1] == "Acute problematiek" and E17.levels[5] == "Volledig zelfredzaam"
    assert all(d.description for d in E17.domains)


def test_missing_scores_invent_no_change() -> None:
    prog = z.progress(
        [
            A(date(2026, 1, 1), {"financien": 2, "huisvesting": 1}),
            A(date(2026, 4, 1), {"financien": None, "huisvesting": 3}),
            A(date(2026, 7, 1), {"financien": 4, "huisvesting": None}),
        ],
        EDS,
    )
    fin, hui = prog["financien"], prog["huisvesting"]
    assert (fin.first_level, fin.latest_level, fin.change_total) == (2, 4, 2)
    assert fin.change_recent is None  # the previous measurement did not score it
    assert (hui.latest_level, hui.latest_on, hui.change_total) == (3, date(2026, 4, 1), 2)
    assert hui.change_recent is None
    assert prog["justitie"].change_total is None and prog["justitie"].latest_level is None


def test_single_score_has_no_distance() -> None:
    prog = z.progress([A(date(2026, 1, 1), {"werk_opleiding": 3})], EDS)
    assert prog["werk_opleiding"].change_total is None


def test_edition_mixing_only_compares_domains_that_mean_the_same() -> None:
    prog = z.progress(
        [
            A(
                date(2025, 1, 1),
                {"financien": 1, "verslaving": 2, "dagbesteding": 1, "adl": 2},
                "2013",
            ),
            A(
                date(2026, 1, 1),
                {"financien": 3, "middelengebruik": 4, "werk_opleiding": 3, "basale_adl": 4},
            ),
        ],
        EDS,
    )
    assert prog["financien"].change_total == 2
    assert prog["middelengebruik"].change_total == 2  # 2013 'verslaving' is the same domain
    assert prog["werk_opleiding"].change_total is None  # 'dagbesteding' is not comparable
    assert prog["basale_adl"].change_total is None


def test_target_reached() -> None:
    prog = z.progress(
        [
            A(
                date(2026, 1, 1),
                {"financien": 2, "huisvesting": 2},
                financien=(4, date(2026, 6, 1)),
                huisvesting=(3, date(2026, 6, 1)),
            ),
            A(date(2026, 6, 1), {"financien": 3, "huisvesting": 3}),
        ],
        EDS,
    )
    assert prog["financien"].target_reached is False and prog["huisvesting"].target_reached is True
    assert prog["justitie"].target_reached is None


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 1)),
            st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda t: t[0],
    )
)
def test_distance_is_latest_minus_first_scored(values: list[tuple[date, int | None]]) -> None:
    prog = z.progress([A(d, {"financien": lvl}) for d, lvl in values], EDS)["financien"]
    scored = sorted((d, lvl) for d, lvl in values if lvl is not None)
    if len(scored) >= 2:
        assert prog.change_total == scored[-1][1] - scored[0][1]
    else:
        assert prog.change_total is None
    assert list(prog.history) == scored


@pytest.mark.parametrize(
    "change, field",
    [
        ({"assessed_on": date(2026, 11, 21)}, "assessed_on"),
        ({"level": 6}, "financien.score"),
        ({"level": 0}, "financien.score"),
        ({"level": None, "reason": ""}, "financien.level"),
        ({"target": (4, date(2026, 1, 1))}, "financien.target_date"),
        ({"domain": "geluk"}, "scores"),
    ],
)
def test_bad_input_is_refused_in_dutch(change: dict, field: str) -> None:  # type: ignore[type-arg]
    on = change.get("assessed_on", date(2026, 2, 1))
    domain = change.get("domain", "financien")
    tl, td = change.get("target", (None, None))
    s = z.DomainScore(
        domain,
        change.get("level", 3),
        change.get("reason"),
        "persoon",
        target_level=tl,
        target_date=td,
    )
    with pytest.raises(ValidationError) as info:
        z.validate(z.Assessment("x", "p", on, "An", "2017", {domain: s}), E17, TODAY)
    assert info.value.field == field and info.value.message


def _criteria(domains: list[str]) -> dict:  # type: ignore[type-arg]
    return {
        "edition": "2017",
        "criteria": {d: {str(lv): f"Criterium {d} {lv}" for lv in range(1, 6)} for d in domains},
    }


def test_criteria_import_good_json_and_csv() -> None:
    cells = z.parse_criteria(json.dumps(_criteria(E17.codes())).encode(), "c.json", E17)
    assert len(cells) == 65 and cells[("justitie", 5)] == "Criterium justitie 5"
    csv = "domain,level,criterion\n" + "\n".join(
        f'{d},{lv},"Tekst, met komma {d}{lv}"' for d in E17.codes() for lv in range(1, 6)
    )
    cells = z.parse_criteria(csv.encode(), "c.csv", E17)
    assert cells[("financien", 1)] == "Tekst, met komma financien1"


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["criteria"].pop("justitie"), "13"),
        (lambda d: d["criteria"]["financien"].pop("3"), "Lege of ontbrekende"),
        (lambda d: d["criteria"]["financien"].__setitem__("2", "  "), "Lege of ontbrekende"),
        (lambda d: d["criteria"]["financien"].__setitem__("7", "x"), "niveau"),
        (lambda d: d.__setitem__("edition", "2013"), "editie"),
    ],
)
def test_broken_criteria_files_are_refused(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    doc = _criteria(E17.codes())
    mutate(doc)
    with pytest.raises(z.ZrmDataError) as info:
        z.parse_criteria(json.dumps(doc).encode(), "c.json", E17)
    assert message in str(info.value)


def test_criteria_with_the_older_edition_domain_count_is_refused() -> None:
    doc = _criteria(E13.codes())
    with pytest.raises(z.ZrmDataError) as info:
        z.parse_criteria(json.dumps(doc).encode(), "c.json", E17)
    assert "11 domeinen" in str(info.value)
