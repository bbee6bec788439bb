"""In-process Alembic migration at unlock; a database newer than this app is never touched."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from app.errors import VaultTooNew
from app.paths import MIGRATIONS

VAULT_SCRIPTS = MIGRATIONS / "vault"


def alembic_config(scripts: Path = VAULT_SCRIPTS) -> Config:
    """An in-process Alembic configuration for a migration set (the vault's or the store's)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(scripts))
    return cfg


_config = alembic_config


def head_revision(scripts: Path = VAULT_SCRIPTS) -> str:
    head = ScriptDirectory.from_config(alembic_config(scripts)).get_current_head()
    assert head is not None
    return head


def is_known(revision: str, scripts: Path = VAULT_SCRIPTS) -> bool:
    """Whether this code knows the revision (a database at an unknown one is newer)."""
    script = ScriptDirectory.from_config(alembic_config(scripts))
    return revision in {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def check_not_newer(conn: Connection) -> str | None:
    """The current revision; VaultTooNew if this app does not know it."""
    current = current_revision(conn)
    if current is None:
        return None
    if not is_known(current):
        raise VaultTooNew()
    return current


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the vault to head. Returns True when a migration ran."""
    with engine.connect() as conn:
        current = check_not_newer(conn)
    head = head_revision()
    if current == head:
        return False
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
