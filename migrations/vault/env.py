"""Alembic environment for the local vault. Runs in-process on the vault's own connection."""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
target_metadata = Base.metadata

connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not used
    raise RuntimeError("vault migrations run in-process on an unlocked connection")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """The FTS5 index and its shadow tables are made by hand in migrations, not by models."""
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
