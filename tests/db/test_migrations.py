"""In-process Alembic: empty to head, models match migrations, newer databases untouched."""

from __future__ import annotations

import json
import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.db.engine import make_engine
from app.db.migrate import current_revision, head_revision, upgrade_to_head
from app.errors import VaultTooNew
from app.models import Base
from app.paths import AppPaths
from app.services.vault import CreatedVault, VaultService
from tests.conftest import PASSPHRASE


def test_empty_database_migrates_to_head_and_matches_the_models(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine, forget = make_engine(tmp_path / "m.db", os.urandom(32))
    try:
        assert upgrade_to_head(engine) is True
        assert upgrade_to_head(engine) is False  # idempotent
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            ctx = MigrationContext.configure(
                conn,
                opts={"include_name": lambda name, kind, _: not str(name).startswith("search_fts")},
            )
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], diff
    finally:
        engine.dispose()
        forget()


def test_a_database_from_a_newer_app_is_refused_and_never_touched(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    with created.vault.context.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    created.vault.lock()
    before = {p: p.read_bytes() for p in paths.database_sidecars() if p.exists()}
    with pytest.raises(VaultTooNew) as info:
        vault_service.unlock(PASSPHRASE)
    assert "nieuwere versie" in info.value.message
    after = {p: p.read_bytes() for p in paths.database_sidecars() if p.exists()}
    assert after == before


# Locking a vault whose tables were downgraded under it cannot write the audit entry.
@pytest.mark.allow_logs("lock not audited")
def test_an_older_vault_is_upgraded_at_unlock(
    created: CreatedVault, paths: AppPaths, vault_service: VaultService
) -> None:
    # Simulate a vault made by the first release: downgrade to 0001 in-process.
    from alembic import command

    from app.db.migrate import _config

    with created.vault.context.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_foundation")
    created.vault.lock()
    v = vault_service.unlock(PASSPHRASE)
    v.drafts.save("x", {"tekst": "hallo"})
    assert v.drafts.load("x") == {"tekst": "hallo"}
    with v.context.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    v.lock()


def test_the_search_index_migration_rebuilds_what_the_services_build(field) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, datetime

    from alembic import command

    from app.db.migrate import _config
    from app.services.contacts import ContactInput, Participant
    from app.services.people import PseudonymInput

    pid = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond"))
    field.contacts.create(
        ContactInput(
            datetime(2026, 11, 1, 9, 0),
            "telefoon",
            (Participant(pid),),
            summary="Schuldbemiddeling gestart",
        )
    )
    queries = ["zoe", "schuld", "zoe schuld", "gestart"]
    before = [field.caseload.search(q) for q in queries]
    engine = field.context.ctx.engine
    for target in ("0006_purges", "head"):
        with engine.begin() as conn:
            cfg = _config()
            cfg.attributes["connection"] = conn
            (command.downgrade if target != "head" else command.upgrade)(cfg, target)
        if target != "head":
            assert field.caseload.search("zoe") == []  # the old index is gone
    assert [field.caseload.search(q) for q in queries] == before == [[pid]] * 4


def test_the_report_index_migration_fills_what_the_services_write(field) -> None:  # type: ignore[no-untyped-def]
    """0019 gives every contact–people row its contact's channel and status (as the services
    write them) and computes each ZRM measurement's report levels; down and up again keeps
    the report's figures."""
    from datetime import date, datetime

    from alembic import command
    from sqlalchemy import text

    from app.db.migrate import _config
    from app.domain.zrm import DomainScore
    from app.services.contacts import ContactInput, Participant
    from app.services.people import ClientDetails, PseudonymInput
    from app.services.reports import ReportParams, year
    from app.services.zrm import AssessmentInput, editions

    a = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 1), "mond_aan_mond"))
    b = field.people.create_pseudonym(PseudonymInput("Rik", date(2026, 2, 1), "mond_aan_mond"))
    field.contacts.create(
        ContactInput(datetime(2026, 3, 1, 9, 0), "huisbezoek", (Participant(a), Participant(b)))
    )
    field.contacts.create(
        ContactInput(datetime(2026, 4, 1, 9, 0), "telefoon", (Participant(a),), "niet_bereikt")
    )
    field.people.upgrade_to_client(a, ClientDetails("Zoë", "Peeters", date(2026, 3, 1)))
    codes = editions()["2017"].codes()
    for on, level in ((date(2026, 3, 2), 2), (date(2026, 9, 1), 4)):
        scores = {
            c: DomainScore(c, level, None, "persoon")
            if c == "huisvesting"
            else DomainScore(c, None, "Niet besproken", "persoon")
            for c in codes
        }
        field.zrm.save(AssessmentInput(a, on, "An", scores))
    engine = field.context.ctx.engine

    def index_rows() -> list[tuple[object, ...]]:
        with engine.connect() as conn:
            return sorted(
                tuple(r)
                for r in conn.execute(
                    text("SELECT person_id, channel, status, occurred_at FROM contact_people")
                )
            )

    written = index_rows()
    assert sorted((r[1], r[2]) for r in written) == [
        ("huisbezoek", "bereikt"),
        ("huisbezoek", "bereikt"),
        ("telefoon", "niet_bereikt"),
    ]
    before = field.reports.compute(ReportParams(year(2026)))
    for target in ("0018_reporting", "head"):
        with engine.begin() as conn:
            cfg = _config()
            cfg.attributes["connection"] = conn
            (command.downgrade if target != "head" else command.upgrade)(cfg, target)
    assert index_rows() == written
    with engine.connect() as conn:
        levels = [
            r[0]
            for r in conn.execute(
                text("SELECT report_levels FROM zrm_assessments ORDER BY assessed_on")
            )
        ]
    huisvesting = 3  # its place in app.models.zrm.REPORT_LEVEL_CODES
    assert [json.loads(x)[huisvesting] for x in levels] == [2, 4]
    after = field.reports.compute(ReportParams(year(2026)))
    assert after.table("contacts.channels") == before.table("contacts.channels")
    assert after.table("zrm.team.none") == before.table("zrm.team.none")
    row = next(r for r in after.table("zrm.team.none").rows if r.key == "huisvesting")
    assert [getattr(v, "value", None) for v in row.values[:3]] == [1, 2.0, 4.0]
