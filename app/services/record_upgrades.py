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
        return upgrade_person_payload(fields, clocks, history)
    return fields, clocks, history
