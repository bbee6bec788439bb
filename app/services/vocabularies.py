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


def add_terms(data_dir: Path, name: str, terms: list[tuple[str, str]]) -> bytes | None:
    """Add (code, label) terms to the organisation's extension of vocabulary `name` (codes it
    already has are left alone). Returns the file's previous content (None: there was none),
    for `restore` when what needed the terms is undone."""
    from app.fsutil import write_atomic

    if name not in builtin():
        raise VocabularyError(f"Onbekende woordenlijst {name}.")
    ext_dir = data_dir / EXTENSION_DIR
    path = ext_dir / f"{name}.json"
    previous = path.read_bytes() if path.is_file() else None
    doc: dict[str, object] = {"vocabulary": name, "version": builtin()[name].version, "items": []}
    if previous is not None:
        loaded = _read_json(path)
        if not isinstance(loaded, dict):
            raise VocabularyError(f"{path.name} is geen JSON-object.")
        doc = loaded
    items = doc.get("items")
    if not isinstance(items, list):
        raise VocabularyError(f"{path.name}: 'items' is geen lijst.")
    have = {t.code for t in load(data_dir)[name]}
    for code, label in terms:
        if code not in have:
            items.append({"code": code, "label": label})
            have.add(code)
    extend(builtin()[name], doc)  # refuses what the app could not read back
    ext_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return previous


def restore(data_dir: Path, name: str, previous: bytes | None) -> None:
    """Put an extension file back as `add_terms` found it."""
    from app.fsutil import write_atomic

    path = data_dir / EXTENSION_DIR / f"{name}.json"
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, previous)


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
