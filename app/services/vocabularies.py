"""Loads the built-in vocabularies and the organisation's extensions."""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from app.domain.vocab import Vocabularies, Vocabulary, VocabularyError, extend, parse
from app.paths import resource

log = logging.getLogger(__name__)

EXTENSION_DIR = "vocabularies"
_MAX_BYTES = 1024 * 1024


def _read_json(path: Path) -> object:
    if path.stat().st_size > _MAX_BYTES:
        raise VocabularyError(f"{path.name} is te groot.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VocabularyError(f"{path.name} is geen geldige JSON: {exc}") from exc


@lru_cache(maxsize=1)
def builtin() -> Vocabularies:
    lists: dict[str, Vocabulary] = {}
    for path in sorted(resource("vocab").glob("*.json")):
        lists[path.stem] = parse(_read_json(path), path.stem)
    return Vocabularies(lists)


def load(data_dir: Path | None = None) -> Vocabularies:
    """Built-in lists, extended by `<data_dir>/vocabularies/*.json` where present.

    A broken extension file is reported in the log and skipped: the built-in list stays usable.
    """
    base = builtin()
    if data_dir is None:
        return base
    ext_dir = data_dir / EXTENSION_DIR
    if not ext_dir.is_dir():
        return base
    lists = dict(base)
    for path in sorted(ext_dir.glob("*.json")):
        if path.stem not in lists:
            log.warning("vocabulary extension for unknown list %s ignored", path.stem)
            continue
        try:
            lists[path.stem] = extend(lists[path.stem], _read_json(path))
        except VocabularyError as exc:
            log.warning("vocabulary extension %s refused: %s", path.name, exc)
    return Vocabularies(lists)
