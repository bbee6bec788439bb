"""Dutch words for sync: field names, roles, device states, conflict values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

# Fields whose values are hidden in discreet mode (they identify the person).
IDENTIFYING_FIELDS = frozenset(
    {"given_name", "family_name", "date_of_birth", "phone", "national_number"}
)
MAX_VALUE_CHARS = 140


def field_label(name: str) -> str:
    labels = {
        "alias": QCoreApplication.translate("SyncLabels", "alias"),
        "first_met_on": QCoreApplication.translate("SyncLabels", "first met on"),
        "first_met_how": QCoreApplication.translate("SyncLabels", "first met how"),
        "first_met_vindplaats_id": QCoreApplication.translate("SyncLabels", "first met at"),
        "referral_source": QCoreApplication.translate("SyncLabels", "referred by"),
        "is_client": QCoreApplication.translate("SyncLabels", "client"),
        "client_since": QCoreApplication.translate("SyncLabels", "client since"),
        "given_name": QCoreApplication.translate("SyncLabels", "given name"),
        "family_name": QCoreApplication.translate("SyncLabels", "family name"),
        "date_of_birth": QCoreApplication.translate("SyncLabels", "date of birth"),
        "phone": QCoreApplication.translate("SyncLabels", "phone"),
        "email": QCoreApplication.translate("SyncLabels", "e-mail"),
        "national_number": QCoreApplication.translate("SyncLabels", "national number"),
        "languages": QCoreApplication.translate("SyncLabels", "languages"),
        "interpreter_needed": QCoreApplication.translate("SyncLabels", "interpreter needed"),
        "interpreter_language": QCoreApplication.translate("SyncLabels", "interpreter language"),
        "radar_status": QCoreApplication.translate("SyncLabels", "radar status"),
        "target_groups": QCoreApplication.translate("SyncLabels", "target groups"),
        "assigned_worker": QCoreApplication.translate("SyncLabels", "assigned worker"),
        "team": QCoreApplication.translate("SyncLabels", "team"),
        "note": QCoreApplication.translate("SyncLabels", "note"),
        "deleted": QCoreApplication.translate("SyncLabels", "deleted"),
        "occurred_at": QCoreApplication.translate("SyncLabels", "date and time"),
        "duration_min": QCoreApplication.translate("SyncLabels", "duration"),
        "channel": QCoreApplication.translate("SyncLabels", "channel"),
        "place": QCoreApplication.translate("SyncLabels", "place"),
        "status": QCoreApplication.translate("SyncLabels", "status"),
        "life_domains": QCoreApplication.translate("SyncLabels", "life domains"),
        "summary": QCoreApplication.translate("SyncLabels", "shareable summary"),
        "private_note": QCoreApplication.translate("SyncLabels", "private note"),
        "next_contact_at": QCoreApplication.translate("SyncLabels", "next contact"),
        "next_contact_note": QCoreApplication.translate("SyncLabels", "note for the next contact"),
        "description": QCoreApplication.translate("SyncLabels", "description"),
        "due_on": QCoreApplication.translate("SyncLabels", "due on"),
        "done_on": QCoreApplication.translate("SyncLabels", "done on"),
        "name": QCoreApplication.translate("SyncLabels", "name"),
        "address": QCoreApplication.translate("SyncLabels", "address"),
        "role": QCoreApplication.translate("SyncLabels", "role"),
    }
    return labels.get(name, name.replace("_", " "))


def role_label(role: str | None) -> str:
    if role == "coordinator":
        return QCoreApplication.translate("SyncLabels", "Coordinator")
    if role == "worker":
        return QCoreApplication.translate("SyncLabels", "Worker")
    return role or ""


def device_status_label(status: str | None) -> str:
    labels = {
        "pending": QCoreApplication.translate("SyncLabels", "waiting for approval"),
        "active": QCoreApplication.translate("SyncLabels", "active"),
        "revoked": QCoreApplication.translate("SyncLabels", "revoked"),
    }
    return labels.get(status or "", status or "")


def choice_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("SyncLabels", "open"),
        "accepted": QCoreApplication.translate("SyncLabels", "kept the current value"),
        "kept": QCoreApplication.translate("SyncLabels", "kept the current value"),
        "restored": QCoreApplication.translate("SyncLabels", "used the other value"),
    }
    return labels.get(status, status)


def format_value(value: Any) -> str:
    """A conflict value on one line, shortened; the full text goes in the tooltip."""
    text = full_value(value).replace("\n", " / ")
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "…"
    return text


def full_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "yes")
            if value
            else QCoreApplication.translate("SyncLabels", "no")
        )
    if isinstance(value, list | tuple):
        return ", ".join(full_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {full_value(v)}" for k, v in value.items())
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    if len(text) == 16 and text[4] == "-" and text[10] == "T":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]} {text[11:16]}"
    return text


def quarantine_reason_label(reason: str) -> str:
    labels = {
        "does_not_decrypt": QCoreApplication.translate("SyncLabels", "does not decrypt"),
        "invalid": QCoreApplication.translate("SyncLabels", "not valid"),
        "malformed": QCoreApplication.translate("SyncLabels", "damaged"),
        "not_a_member": QCoreApplication.translate("SyncLabels", "not from a team member"),
        "no_key": QCoreApplication.translate("SyncLabels", "team key missing"),
        "from_the_future": QCoreApplication.translate("SyncLabels", "dated in the future"),
        "purge_beyond_person": QCoreApplication.translate(
            "SyncLabels", "erasure beyond one person, not by a coordinator"
        ),
        "purge_too_large": QCoreApplication.translate(
            "SyncLabels", "erasure too large for a worker"
        ),
        "purge_bad_signature": QCoreApplication.translate(
            "SyncLabels", "erasure with a false signature"
        ),
        "purge_not_member": QCoreApplication.translate(
            "SyncLabels", "erasure not by a team member"
        ),
    }
    return labels.get(
        reason,
        QCoreApplication.translate("SyncLabels", "not signed or not valid (%1)").replace(
            "%1", reason
        ),
    )


def quarantine_kind_label(kind: str, record_type: str | None) -> str:
    if kind == "purge":
        return QCoreApplication.translate("SyncLabels", "erasure")
    return QCoreApplication.translate("SyncLabels", "data (%1)").replace("%1", record_type or "?")
