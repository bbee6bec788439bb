"""Merging two concurrent versions of a record, field by field by hybrid-logical-clock stamp.

Deterministic and symmetric: merging (a, b) and (b, a) gives the same fields, clocks and
conflicts, so two devices that make the same merge produce the same content-addressed revision
and the server dedupes it. Nothing is lost: every value that loses is returned as a conflict,
and free-text notes keep both texts.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

NOTE_SEPARATOR = "\n\n— tegelijk gewijzigd op een ander toestel —\n"


@dataclass(frozen=True)
class Version:
    fields: Mapping[str, Any]
    clocks: Mapping[str, str]  # expanded: one stamp per field


@dataclass(frozen=True)
class Conflict:
    field: str
    kept: Any
    kept_clock: str
    lost: Any
    lost_clock: str
    both_kept: bool  # a note whose texts were joined


@dataclass(frozen=True)
class Merged:
    fields: dict[str, Any]
    clocks: dict[str, str]
    conflicts: tuple[Conflict, ...]


def merge(
    a: Version,
    b: Version,
    note_fields: Collection[str] = (),
    base: Mapping[str, str] | None = None,
) -> Merged:
    """`base` holds the field clocks of the common ancestor, when known: a field written on
    one side only since then is taken without a conflict (three-way); without a base every
    difference counts as a conflict, so nothing can be lost."""
    fields: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    conflicts: list[Conflict] = []
    for name in sorted(set(a.fields) | set(b.fields)):
        ca, cb = a.clocks.get(name, ""), b.clocks.get(name, "")
        va, vb = a.fields.get(name), b.fields.get(name)
        # The newer stamp wins; equal stamps can only come from the same write.
        (win_v, win_c), (lose_v, lose_c) = (
            ((va, ca), (vb, cb)) if ca >= cb else ((vb, cb), (va, ca))
        )
        if va == vb:
            fields[name], clocks[name] = win_v, win_c
            continue
        if base is not None and name in base and lose_c <= base[name]:
            # Only the winner wrote this field since the common ancestor: no conflict.
            fields[name], clocks[name] = win_v, win_c
            continue
        joined = False
        fields[name] = win_v
        if name in note_fields and isinstance(win_v, str) and isinstance(lose_v, str):
            joined = lose_v.strip() != "" and lose_v not in win_v
            if joined:
                fields[name] = (win_v + NOTE_SEPARATOR + lose_v) if win_v.strip() else lose_v
        clocks[name] = win_c
        conflicts.append(Conflict(name, win_v, win_c, lose_v, lose_c, joined))
    return Merged(fields, clocks, tuple(conflicts))
