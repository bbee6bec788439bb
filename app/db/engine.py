"""SQLAlchemy over SQLCipher with a raw 256-bit key.

Every pooled connection is keyed before anything else touches it (`creator`), then set to WAL,
`synchronous=FULL`, `foreign_keys=ON`, `secure_delete=ON` and in-memory temp storage, so no
temporary table or sort spills to disk in clear. Parameters are hidden from error messages so
no personal data reaches a log through an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.db.errors import DAMAGED, is_damage, translate
from app.errors import VaultCorrupt

# Execution option: transactions that commit without waiting for the disk (WAL with
# synchronous=NORMAL): still atomic and consistent, but a power cut right after one may roll
# it back. Only for work that can be redone, such as a pulled page applied together with its
# cursor; the next durable commit makes it durable too (it syncs the whole write-ahead log).
RELAXED = "brugfiguur_relaxed_durability"
CACHE_KIB = -8000  # page cache of a connection: 8 MiB (the driver's own default, made explicit)
BULK_CACHE_KIB = -131072  # page cache of a relaxed (bulk) transaction: 128 MiB

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 10000",
    f"PRAGMA cache_size = {CACHE_KIB}",
)


def _key_pragma(key: bytes | bytearray) -> str:
    if len(key) != 32:
        raise ValueError("the data key is 256 bits")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def connect_raw(path: Path, key: bytes | bytearray, *, check_same_thread: bool = True) -> Any:
    """A keyed sqlcipher3 connection with the vault's pragmas; raises VaultCorrupt if unreadable."""
    try:
        conn = sqlcipher3.connect(
            str(path), check_same_thread=check_same_thread, isolation_level=None
        )
    except sqlcipher3.Error as exc:
        raise translate(exc, path.parent, path) from exc
    try:
        # SQLCipher's own log (English "ERROR CORE …" lines on stderr) stays off the worker's
        # terminal; its errors reach us as exceptions, translated below. Process-wide.
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
        conn.execute(_key_pragma(key))
        # The first read verifies the key against page 1's HMAC.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except sqlcipher3.Error as exc:
        conn.close()
        raise translate(exc, path.parent, path) from exc
    return conn


def make_engine(path: Path, key: bytes | bytearray) -> tuple[Engine, Callable[[], None]]:
    """The engine and a `forget` function that drops the engine's reference to the key.

    The key is copied into a bytearray that `forget` zeroes; after that no new connection can
    be opened (existing ones must be disposed by the caller first).
    """
    held = bytearray(key)

    def creator() -> Any:
        if not any(held):
            raise VaultCorrupt("de kluis is vergrendeld")
        return connect_raw(path, held, check_same_thread=False)

    engine = create_engine(
        f"sqlite:///{path}",
        creator=creator,
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # pysqlite's implicit transactions are disabled (isolation_level=None); start our own.
        # Every transaction is durable (synchronous=FULL) unless its engine was derived with
        # `RELAXED` (see there); SQLite only takes the setting outside a transaction.
        relaxed = bool(conn.get_execution_options().get(RELAXED, False))
        info = conn.connection.info  # lives as long as the driver connection
        if info.get(RELAXED, False) != relaxed:  # connections start durable (connect_raw)
            conn.exec_driver_sql(f"PRAGMA synchronous = {'NORMAL' if relaxed else 'FULL'}")
            # Bulk work (a first sync) touches index pages all over large tables: a bigger
            # page cache keeps them decrypted between statements instead of re-reading them;
            # other work goes back to the normal cache, which also releases the extra pages.
            size = BULK_CACHE_KIB if relaxed else CACHE_KIB
            conn.exec_driver_sql(f"PRAGMA cache_size = {size}")
            info[RELAXED] = relaxed
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _damaged(ctx: Any) -> BaseException | None:
        # A page that fails its HMAC (or any other damage) is "damaged" to every caller, not
        # a driver error or a read-only folder.
        if is_damage(ctx.original_exception, path):
            return VaultCorrupt(DAMAGED)
        return None

    def forget() -> None:
        for i in range(len(held)):
            held[i] = 0

    return engine, forget


def integrity_problem(conn: Any) -> str | None:
    """Dutch detail of what is wrong with the database on `conn` (a keyed connection), or None.

    SQLCipher's `cipher_integrity_check` verifies every page's HMAC (a flipped byte anywhere,
    which SQLite's own check may not notice until the page is read); SQLite's
    `integrity_check` then verifies the b-trees and indexes."""
    try:
        bad = [row for row in conn.execute("PRAGMA cipher_integrity_check").fetchall() if row]
        if bad:
            pages = "pagina" if len(bad) == 1 else "pagina's"
            return f"{len(bad)} beschadigde {pages} in de databank"
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlcipher3.DatabaseError:
        return DAMAGED
    if [tuple(r) for r in rows] != [("ok",)]:
        return "de databank is inwendig niet in orde"
    return None
