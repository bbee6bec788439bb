"""Workers as people: names, initials, and the ids of workers known only by a free-text name.

Before worker profiles, a person's worker was a free-text name. Such a name becomes a worker
of its own ("legacy"), whose id every device derives from the name alone, so that every device
of a team upgrades the same people to the same worker without talking to the others.
"""

from __future__ import annotations

import re
import unicodedata
import uuid

# Fixed for ever: changing it would give legacy workers other ids on devices upgraded later.
LEGACY_NAMESPACE = uuid.UUID("5d1f0c54-5b8e-4e39-9a4f-6f1f6c1d2a77")
MAX_NAME = 100
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def fold(text: str | None) -> str:
    """Case-, accent- and space-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.split())


def legacy_worker_id(name: str | None) -> str | None:
    """The id of the worker a free-text name stood for (None for an empty name)."""
    folded = fold(name)
    return str(uuid.uuid5(LEGACY_NAMESPACE, "worker:" + folded)) if folded else None


def initials(name: str | None) -> str:
    """ "An Claes" -> "A.C.", "Yasmina" -> "Y."; for places where a name is too much."""
    parts = [p for p in re.split(r"[\s\-]+", (name or "").strip()) if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][0].upper() + "."
    return f"{parts[0][0].upper()}.{parts[-1][0].upper()}."


def valid_email(text: str) -> bool:
    return len(text) <= 200 and _EMAIL.match(text) is not None


# --- a person's worker: from a typed name to a worker id -----------------------------------

_OLD_FIELDS = ("assigned_worker", "team")
Clocks = dict[str, str]


def _rename_clocks(clocks: Clocks) -> Clocks:
    out = {k: v for k, v in clocks.items() if k not in _OLD_FIELDS}
    if "assigned_worker" in clocks:
        out["worker_id"] = clocks["assigned_worker"]
    elif "*" not in clocks and "team" in clocks:
        out["worker_id"] = clocks["team"]  # expanded clocks: every field has its own entry
    return out


def upgrade_person_payload(
    fields: dict[str, object], clocks: Clocks, history: list[list[object]]
) -> tuple[dict[str, object], Clocks, list[list[object]]]:
    """A person's synced fields and clocks as written before worker profiles (a typed
    `assigned_worker` name and a typed `team`), in today's shape: `worker_id`, the id of the
    worker that name stands for (`legacy_worker_id`), and no team (a team is the sync team).
    Deterministic, so every device turns the same revision into the same content."""
    if not any(k in fields for k in _OLD_FIELDS) or "worker_id" in fields:
        return fields, clocks, history
    name = fields.get("assigned_worker")
    new_fields = {k: val for k, val in fields.items() if k not in _OLD_FIELDS}
    new_fields["worker_id"] = legacy_worker_id(name) if isinstance(name, str) else None
    new_history: list[list[object]] = []
    for entry in history:
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], dict):
            new_history.append([entry[0], _rename_clocks(dict(entry[1]))])
        else:
            new_history.append(entry)
    return new_fields, _rename_clocks(dict(clocks)), new_history
