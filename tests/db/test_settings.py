"""The settings registry: typed values, who may change what, audit, and upgrades of the values
older versions of the app stored."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from app import settings as registry
from app.errors import NotAllowed, ValidationError
from app.models import AuditEntry, OutboxEntry, Setting, SharedSetting, SyncConfig, TeamState
from app.services.audit import AuditEvent
from app.services.settings import stored_version
from app.services.vault import CreatedVault, OpenVault, VaultService
from app.settings import (
    AUTO_LOCK_MINUTES,
    CONTROLLER_NAME,
    MLP_CLIPBOARD_SECONDS,
    RECOVERY_KEY_CONFIRMED,
    RETENTION_YEARS,
    STALE_AFTER_WEEKS,
    SYNC_INTERVAL_MINUTES,
    ZRM_INTERVAL_MONTHS,
    IntSetting,
    Level,
)
from tests.conftest import PASSPHRASE


def _audit(vault: OpenVault) -> list[tuple[str, str | None]]:
    with vault.context.read() as s:
        return [(e.event, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.at))]


def test_every_declaration_is_typed_and_its_default_valid() -> None:
    assert registry.REGISTRY["auto_lock_minutes"] is AUTO_LOCK_MINUTES
    for spec in registry.REGISTRY.values():
        assert spec.check(spec.default) == spec.default
        assert spec.description and spec.description[0].isupper()
    with pytest.raises(ValueError, match="twice"):
        registry.declare(
            IntSetting(
                key="auto_lock_minutes",
                default=1,
                minimum=1,
                maximum=2,
                level=Level.WORKER,
                description="Dubbel",
            )
        )
    with pytest.raises(ValueError, match="range"):
        IntSetting(key="x", default=9, minimum=1, maximum=2, level=Level.WORKER, description="X")


def test_values_are_typed_defaults_until_changed(vault: OpenVault) -> None:
    assert vault.settings.value(AUTO_LOCK_MINUTES) == 5
    assert vault.settings.value(CONTROLLER_NAME) == ""
    assert vault.settings.value(RETENTION_YEARS) == 5
    assert vault.settings.change(AUTO_LOCK_MINUTES, 17) == 17
    assert vault.settings.change(CONTROLLER_NAME, "  Outreach Gent vzw ") == "Outreach Gent vzw"
    assert vault.settings.values([AUTO_LOCK_MINUTES, CONTROLLER_NAME]) == {
        "auto_lock_minutes": 17,
        "controller_name": "Outreach Gent vzw",
    }


@pytest.mark.parametrize(
    ("spec", "value", "message"),
    [
        (AUTO_LOCK_MINUTES, 0, "kies tussen 1 en 120 minuten"),
        (AUTO_LOCK_MINUTES, "17", "geef een geheel getal"),
        (AUTO_LOCK_MINUTES, True, "geef een geheel getal"),
        (CONTROLLER_NAME, "Outreach\nGent", "één regel"),
        (CONTROLLER_NAME, "x" * 201, "hoogstens 200 tekens"),
        (RECOVERY_KEY_CONFIRMED, "ja", "kies ja of nee"),
        (RETENTION_YEARS, 31, "kies tussen 1 en 30 jaar"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_in_dutch_and_changes_nothing(
    vault: OpenVault, spec: registry.SettingSpec[object], value: object, message: str
) -> None:
    before = vault.settings.value(spec)
    audit_before = _audit(vault)
    with pytest.raises(ValidationError) as info:
        vault.settings.change(spec, value)
    assert message in info.value.message
    assert info.value.field == spec.key
    assert vault.settings.value(spec) == before
    assert _audit(vault) == audit_before


def test_changes_are_audited_with_the_value_but_never_free_text(vault: OpenVault) -> None:
    vault.settings.change(AUTO_LOCK_MINUTES, 9)
    vault.settings.change(AUTO_LOCK_MINUTES, 9)  # unchanged: no second entry
    vault.settings.change(CONTROLLER_NAME, "Outreach Gent vzw")
    vault.settings.change(RECOVERY_KEY_CONFIRMED, True)  # internal state: not audited
    changes = [d for e, d in _audit(vault) if e == AuditEvent.SETTINGS_CHANGED]
    assert changes == ["auto_lock_minutes=9", "controller_name"]


def _enrol_as(vault: OpenVault, role: str, teams: tuple[str, ...] = ()) -> None:
    with vault.context.transaction() as s:
        s.add(
            SyncConfig(
                server_url="http://127.0.0.1:1",
                organisation_id="org",
                role=role,
                sign_private_key=b"\0" * 32,
                enrolled_at="2026-11-20T10:00:00+00:00",
                home_team_id=teams[0] if teams else None,
            )
        )
        for t in teams:
            s.add(TeamState(team_id=t, name=t, current_epoch=1, cursor=0))


def test_only_a_coordinator_changes_organisation_settings_once_enrolled(
    vault: OpenVault,
) -> None:
    assert vault.settings.may_change(RETENTION_YEARS)  # on its own: its user decides
    _enrol_as(vault, "worker")
    assert not vault.settings.may_change(RETENTION_YEARS)
    assert vault.settings.may_change(AUTO_LOCK_MINUTES)
    with pytest.raises(NotAllowed) as info:
        vault.settings.change(RETENTION_YEARS, 7)
    assert "alleen een coördinator" in info.value.message
    assert vault.settings.value(RETENTION_YEARS) == 5
    vault.settings.change(AUTO_LOCK_MINUTES, 3)  # their own settings stay theirs


def test_an_organisation_setting_is_a_synced_record_per_team(vault: OpenVault) -> None:
    _enrol_as(vault, "coordinator", ("team-noord", "team-zuid"))
    vault.settings.change(RETENTION_YEARS, 7)
    vault.settings.change(RETENTION_YEARS, 8)
    with vault.context.read() as s:
        rows = list(s.scalars(select(SharedSetting)))
        routed = s.execute(
            text("SELECT team_id FROM record_teams WHERE record_type = 'shared_setting'")
        ).all()
        queued = [e.payload["fields"] for e in s.scalars(select(OutboxEntry))]
    assert sorted(r.value for r in rows) == [8, 8]
    assert sorted(t for (t,) in routed) == ["team-noord", "team-zuid"]
    assert {"key": "retention_years", "value": 8, "deleted": False} in queued
    assert vault.settings.value(RETENTION_YEARS) == 8
    assert ("settings_changed", "retention_years=8") in _audit(vault)


# --- upgrades of what older versions stored ---------------------------------------------------

# Exactly as the app before the registry wrote them (settings.set json-encoded; the ZRM service
# wrote str(months); the sync service and record writer keep their own state beside them).
VERSION_0 = {
    "auto_lock_minutes": "17",
    "recovery_key_confirmed": "true",
    "worker_name": '"An Claes"',
    "worker_phone": '"0489 12 34 56"',
    "organisation_name": '"Outreach Gent"',
    "mlp_clipboard_seconds": "30",
    "sync_interval_minutes": "15",
    "zrm_interval_months": "6",
    "stale_after_weeks": "3",
    "last_channel": '"telefoon"',
    "last_vindplaats": "null",
    "sync_invites": '{"inv": {"secret": "s", "team_ids": ["t"], "role": "worker"}}',
}


def _downgrade_to(created: CreatedVault, rows: dict[str, str]) -> None:
    with created.vault.context.transaction() as s:
        s.execute(text("DELETE FROM settings WHERE key != 'hlc_last'"))  # the clock stays
        for key, value in rows.items():
            s.add(Setting(key=key, value=value))


def _stored(vault: OpenVault) -> dict[str, str]:
    with vault.context.read() as s:
        return {r.key: r.value for r in s.scalars(select(Setting))}


def test_values_stored_before_the_registry_are_kept_and_read_typed(
    created: CreatedVault, vault_service: VaultService
) -> None:
    _downgrade_to(created, VERSION_0)
    created.vault.lock()
    v = vault_service.unlock(PASSPHRASE)
    try:
        with v.context.read() as s:
            assert stored_version(s) == registry.SETTINGS_VERSION
        assert v.settings.value(AUTO_LOCK_MINUTES) == 17
        assert v.settings.value(RECOVERY_KEY_CONFIRMED) is True
        me = v.workers.me()  # the loose details became this worker's profile (version 2)
        assert me is not None and me.id == v.device.worker_id and not me.legacy
        assert (me.name, me.phone, me.organisation) == ("An Claes", "+32489123456", "Outreach Gent")
        assert not {"worker_name", "worker_phone", "organisation_name"} & set(_stored(v))
        assert v.settings.value(MLP_CLIPBOARD_SECONDS) == 30
        assert v.settings.value(SYNC_INTERVAL_MINUTES) == 15
        assert v.settings.value(ZRM_INTERVAL_MONTHS) == 6
        assert v.settings.value(STALE_AFTER_WEEKS) == 3
        stored = _stored(v)
        # The app's own state is not a setting and is left exactly as it was.
        for key in ("last_channel", "last_vindplaats", "sync_invites"):
            assert stored[key] == VERSION_0[key]
    finally:
        v.lock()


@pytest.mark.allow_logs("did not fit its declaration")
def test_stored_values_that_do_not_fit_fall_back_to_their_defaults(
    created: CreatedVault, vault_service: VaultService, caplog: pytest.LogCaptureFixture
) -> None:
    broken = {
        **VERSION_0,
        "stale_after_weeks": "vier",  # not JSON: older code fell back to 4 at every read
        "mlp_clipboard_seconds": "5000",  # out of range: older code ignored it at every read
        "worker_name": "12",  # JSON, but not text
        "auto_lock_minutes": "5.0",  # a float that is an integer: kept
    }
    _downgrade_to(created, broken)
    created.vault.lock()
    v = vault_service.unlock(PASSPHRASE)
    try:
        stored = _stored(v)
        assert "stale_after_weeks" not in stored
        assert "mlp_clipboard_seconds" not in stored
        assert "worker_name" not in stored and v.workers.me() is None  # not text: no profile
        assert v.settings.value(STALE_AFTER_WEEKS) == 4
        assert v.settings.value(MLP_CLIPBOARD_SECONDS) == 60
        assert v.settings.value(AUTO_LOCK_MINUTES) == 5
        assert v.settings.value(ZRM_INTERVAL_MONTHS) == 6
        # The log names keys, never values.
        assert "stale_after_weeks" in caplog.text and "vier" not in caplog.text
    finally:
        v.lock()


def test_upgrades_run_once_and_a_newer_version_is_left_alone(
    created: CreatedVault, vault_service: VaultService
) -> None:
    _downgrade_to(created, {**VERSION_0, "settings_version": "99", "stale_after_weeks": "vier"})
    created.vault.lock()
    v = vault_service.unlock(PASSPHRASE)
    try:
        assert _stored(v)["stale_after_weeks"] == "vier"  # not ours to touch
        assert json.loads(_stored(v)["settings_version"]) == 99
        assert v.settings.value(STALE_AFTER_WEEKS) == 4  # still read safely
    finally:
        v.lock()
