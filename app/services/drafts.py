"""Drafts of unsaved forms, kept inside the vault (never in a clear file)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from app.crypto.header import now_iso
from app.models import Draft
from app.services.context import VaultContext


class DraftService:
    def __init__(self, ctx: VaultContext) -> None:
        self._ctx = ctx

    def save(self, key: str, payload: Mapping[str, Any]) -> None:
        encoded = json.dumps(dict(payload), ensure_ascii=False)
        with self._ctx.transaction() as s:
            row = s.get(Draft, key)
            if row is None:
                s.add(Draft(key=key, payload=encoded, updated_at=now_iso()))
            else:
                row.payload = encoded
                row.updated_at = now_iso()

    def load(self, key: str) -> dict[str, Any] | None:
        with self._ctx.read() as s:
            row = s.get(Draft, key)
            return None if row is None else dict(json.loads(row.payload))

    def delete(self, key: str) -> None:
        with self._ctx.transaction() as s:
            row = s.get(Draft, key)
            if row is not None:
                s.delete(row)

    def keys(self) -> list[str]:
        with self._ctx.read() as s:
            return list(s.scalars(select(Draft.key).order_by(Draft.key)).all())
