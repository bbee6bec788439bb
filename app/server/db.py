"""Engine set-up and in-process migrations for the central store (SQLite or PostgreSQL).

One code path for both databases:

- SQLite: WAL, `synchronous=FULL` (an acknowledged push survives a power cut), foreign keys on,
  a busy timeout, and the driver's own transaction handling switched off so that write
  transactions start with `BEGIN IMMEDIATE` (the write lock is taken before the first read, so
  a team's sequence numbers are handed out in commit order) and read transactions with a plain
  `BEGIN` (a consistent WAL snapshot).
- PostgreSQL: write transactions lock the team row (`SELECT … FOR NO KEY UPDATE`); reads that
  need a consistent view across statements run at REPEATABLE READ.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from app.db.migrate import alembic_config, current_revision, is_known
from app.db.migrate import head_revision as _head_revision
from app.paths import MIGRATIONS

SERVER_SCRIPTS = MIGRATIONS / "server"
_WRITE = "bf_write"
# Any constant works; it only has to be the same for every instance of the store.
_MIGRATION_LOCK = 0x42_46_53_54

log = logging.getLogger("brugfiguur.server")


class StoreTooNew(RuntimeError):
    """The database was migrated by a newer version of the store than this one."""


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'store.db'}"


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise ValueError("the central store needs a SQLite file, not an in-memory database")
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=8,
            max_overflow=8,
        )

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # Deleted content (a purge, a superseded leaf) is overwritten, not left in free pages.
            cur.execute("PRAGMA secure_delete=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            write = conn.get_execution_options().get(_WRITE, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    if url.get_backend_name() == "postgresql":
        return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)
    raise ValueError("the central store supports SQLite and PostgreSQL database URLs only")


def checkpoint(engine: Engine) -> None:
    """SQLite: copy the WAL into the database and truncate it, so that what a purge deleted
    (overwritten in the database by `secure_delete`) is no longer in the WAL's older frames
    either. A checkpoint that readers hold back is logged and done again after the next purge.
    PostgreSQL: nothing here (docs/central-store.md says what erasure needs there)."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = cur.fetchone()
        cur.close()
    finally:
        raw.close()
    if busy is not None and busy[0]:
        log.warning("WAL checkpoint after a purge was held back by readers")


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@contextlib.contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE on SQLite); commits on success."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


@contextlib.contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction with one snapshot for all its statements."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _config() -> Config:
    return alembic_config(SERVER_SCRIPTS)


def head_revision() -> str:
    return _head_revision(SERVER_SCRIPTS)


def upgrade(engine: Engine) -> bool:
    """Bring the store's database to head; refuse one newer than this code. True if migrated.

    On PostgreSQL a transaction-scoped advisory lock makes instances that start together
    migrate one after the other.
    """
    with write_tx(engine) as conn:
        if is_postgres(conn):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        current = current_revision(conn)
        if current is not None and not is_known(current, SERVER_SCRIPTS):
            raise StoreTooNew(f"database revision {current} is newer than this store")
        if current == head_revision():
            return False
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
