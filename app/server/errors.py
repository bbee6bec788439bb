"""The store's error responses: `{"error": code}` plus, for a few codes, documented extras."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.sync.codes import ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        *,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {"error": self.code, **self.extra}


def invalid() -> ApiError:
    return ApiError(400, ErrorCode.INVALID_REQUEST)


def forbidden() -> ApiError:
    return ApiError(403, ErrorCode.FORBIDDEN)
