"""Content-addressed revision ids: identical content with identical parents gives the same id,
so the same merge made on two devices dedupes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def revision_id(
    record_type: str,
    record_id: str,
    parents: Iterable[str],
    fields: Mapping[str, Any],
    clocks: Mapping[str, str],
) -> str:
    body = {
        "type": record_type,
        "id": record_id,
        "parents": sorted(parents),
        "fields": dict(fields),
        "clocks": dict(clocks),
    }
    return hashlib.sha256(canonical(body)).hexdigest()
