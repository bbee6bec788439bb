"""Revisions written by older versions of the app, brought to today's shape of their record
type before they are validated and applied (a pulled revision may be older than this app).

Every upgrade is deterministic, so all devices turn one revision into the same content; the
vault's own rows were rewritten the same way by the migration that changed the shape.
"""

from __future__ import annotations

from typing import Any

from app.domain.workers import upgrade_person_payload


def upgrade_payload(
    record_type: str,
    fields: dict[str, Any],
    clocks: dict[str, Any],
    history: list[Any],
) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    if record_type == "person":
        # Before worker profiles (vault migration 0013_workers): typed worker and team.
        fields, clocks, history = upgrade_person_payload(fields, clocks, history)
    if record_type in _EXTERNAL_ID and "external_id" not in fields:
        # Before imports (vault migration 0014_external_ids): no external id.
        fields = {**fields, "external_id": None}
        if "*" not in clocks and clocks:
            clocks = {**clocks, "external_id": min(clocks.values())}
    return fields, clocks, history


_EXTERNAL_ID = frozenset({"person", "contact_moment", "agreement", "vindplaats", "organisation"})
