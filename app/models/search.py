from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

FTS_TABLE = "search_fts"


class SearchDoc(Base):
    """Local index: which FTS5 row holds the searchable text of which record.

    The FTS5 table itself (`search_fts(person_id UNINDEXED, body)`, unicode61 tokenizer with
    diacritics removed so `Zoe` finds `Zoë`, prefix indexes for search as you type) is created
    by the migration; its rowid is `doc`.
    """

    __tablename__ = "search_docs"

    doc: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    person_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)


class IndexDebt(Base):
    """A person whose local indexes (search document, cached contact dates, cached phase) must
    be rebuilt. A pull writes these rows in the same transaction as the records it applies and
    rebuilds the indexes set-wise once it is done, so a person touched by many pulled pages is
    indexed once; rows left by an interrupted pull are worked off by the next sync."""

    __tablename__ = "index_debt"

    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # What changed (app.services.local_index: PERSON 1, CONTACTS 2, PHASE 4, OR-ed).
    kinds: Mapped[int] = mapped_column(Integer, nullable=False, default=7)
