"""Vocabularies are data: shipped lists, and an organisation's extensions without code changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.vocab import VocabularyError, extend, parse
from app.services import vocabularies


def test_every_shipped_vocabulary_parses_with_unique_codes_and_dutch_labels() -> None:
    lists = vocabularies.builtin()
    for name in (
        "phases",
        "channels",
        "vindplaats_types",
        "life_domains",
        "drempels",
        "target_groups",
        "outcomes",
        "consent_categories",
        "measures",
    ):
        assert name in lists and len(lists[name].terms) >= 3
    assert lists["phases"].label("orientering") == "Oriëntering"
    assert {t.attrs.get("sensitive") for t in lists["life_domains"]} >= {
        "health",
        "addiction",
        "justice",
    }


@pytest.mark.allow_logs("vocabulary extension \\w+\\.json refused")
def test_an_organisation_extends_relabels_and_retires_without_code(tmp_path: Path) -> None:
    ext = tmp_path / "vocabularies"
    ext.mkdir()
    (ext / "channels.json").write_text(
        json.dumps(
            {
                "vocabulary": "channels",
                "version": 2,
                "items": [
                    {"code": "signal", "label": "Signal-bericht"},
                    {"code": "email", "label": "Mail"},
                ],
                "retired": ["video"],
            }
        ),
        encoding="utf-8",
    )
    (ext / "phases.json").write_text("{ kapot", encoding="utf-8")  # refused, built-in kept
    lists = vocabularies.load(tmp_path)
    channels = lists["channels"]
    assert channels.label("signal") == "Signal-bericht" and channels.label("email") == "Mail"
    assert "video" in channels and "video" not in [t.code for t in channels.active()]
    assert channels.version == 2
    assert lists["phases"] == vocabularies.builtin()["phases"]


@pytest.mark.parametrize(
    "doc",
    [
        {"vocabulary": "x", "version": 1, "items": [{"code": "A B", "label": "x"}]},
        {"vocabulary": "x", "version": 1, "items": [{"code": "a", "label": ""}]},
        {
            "vocabulary": "x",
            "version": 1,
            "items": [{"code": "a", "label": "x"}, {"code": "a", "label": "y"}],
        },
        {"vocabulary": "y", "version": 1, "items": []},
        {"vocabulary": "x", "version": 0, "items": []},
    ],
)
def test_malformed_lists_are_refused_in_dutch(doc: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(VocabularyError) as info:
        parse(doc, "x")
    assert "Woordenlijst" in str(info.value)


def test_retiring_an_unknown_code_is_refused() -> None:
    base = parse({"vocabulary": "x", "version": 1, "items": [{"code": "a", "label": "A"}]}, "x")
    with pytest.raises(VocabularyError):
        extend(base, {"vocabulary": "x", "retired": ["b"]})
