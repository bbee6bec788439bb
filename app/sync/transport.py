"""HTTP transport to the central store: signed JSON requests, errors as Dutch sync errors."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import BrugfiguurError
from app.sync.protocol import MAX_BODY_BYTES, sign_request


class SyncError(BrugfiguurError):
    """Sync could not complete; nothing acknowledged is lost and the next sync resumes."""

    def __init__(self, message: str, code: str = "error", status: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class Unreachable(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "De centrale opslag is niet bereikbaar. U kunt gewoon verder werken; er wordt "
            "opnieuw gesynchroniseerd zodra er netwerk is.",
            "unreachable",
        )


class ClockSkewError(SyncError):
    def __init__(self, offset_ms: int) -> None:
        minutes = round(abs(offset_ms) / 60000)
        super().__init__(
            f"De klok van deze laptop wijkt {minutes} minuten af van die van de centrale "
            "opslag. Zet de datum en tijd juist (automatisch instellen) en synchroniseer "
            "opnieuw.",
            "clock_skew",
        )
        self.offset_ms = offset_ms


class Revoked(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "Dit toestel werd ingetrokken door een coördinator en kan niet meer "
            "synchroniseren. Neem contact op met uw coördinator.",
            "revoked",
            403,
        )


class RateLimited(SyncError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(
            "De centrale opslag is druk; er wordt zo dadelijk opnieuw geprobeerd.",
            "rate_limited",
            429,
        )
        self.retry_after = retry_after


_MESSAGES = {
    "unknown_device": "De centrale opslag kent dit toestel niet (meer).",
    "bad_signature": "De centrale opslag weigerde het verzoek (handtekening ongeldig).",
    "forbidden": "Dit toestel mag dit niet doen (geen coördinator of geen lid van dat team).",
    "invite_invalid": "Deze uitnodigingscode is ongeldig, verlopen of al gebruikt.",
    "too_large": "Het verzoek is te groot voor de centrale opslag.",
    "replay": "Het verzoek werd al eens verstuurd; er wordt opnieuw geprobeerd.",
}


class HttpTransport:
    def __init__(
        self,
        base_url: str,
        *,
        device_id: str | None = None,
        sign_key: Ed25519PrivateKey | None = None,
        clock: Callable[[], float] = time.time,
        timeout: float = 30.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._key = sign_key
        self._clock = clock
        self._client = client or httpx.Client(base_url=self.base_url, timeout=timeout)

    def close(self) -> None:
        self._client.close()

    def get(self, path: str) -> dict[str, Any]:
        return self.request("GET", path)

    def post(
        self,
        path: str,
        body: Mapping[str, Any],
        *,
        signed: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        return self.request("POST", path, body, signed=signed, headers=headers)

    def request(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        *,
        signed: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        raw = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        if len(raw) > MAX_BODY_BYTES:
            raise SyncError("Te veel gegevens in één keer; probeer opnieuw.", "too_large")
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        if signed:
            if self._key is None or self.device_id is None:
                raise SyncError(
                    "Dit toestel is niet ingeschreven bij een centrale opslag.", "not_enrolled"
                )
            hdrs.update(
                sign_request(
                    self._key, self.device_id, method, path, raw, int(self._clock() * 1000)
                )
            )
        try:
            response = self._client.request(
                method, path, content=raw if body is not None else None, headers=hdrs
            )
        except (httpx.TransportError, OSError) as exc:
            raise Unreachable() from exc
        try:
            data = response.json() if response.content else {}
        except ValueError as exc:
            raise SyncError(
                "De centrale opslag gaf een onleesbaar antwoord.",
                "bad_response",
                response.status_code,
            ) from exc
        if not isinstance(data, dict):
            raise SyncError(
                "De centrale opslag gaf een onleesbaar antwoord.",
                "bad_response",
                response.status_code,
            )
        if response.is_success:
            return data
        code = str(data.get("error", "error"))
        if code == "clock_skew":
            server = int(data.get("server_time_ms", 0))
            raise ClockSkewError(int(self._clock() * 1000) - server)
        if code == "revoked":
            raise Revoked()
        if response.status_code == 429:
            raise RateLimited(float(response.headers.get("Retry-After", "5")))
        if response.status_code >= 500:
            raise SyncError(
                "De centrale opslag had een probleem; er wordt later opnieuw geprobeerd.",
                code,
                response.status_code,
            )
        raise SyncError(
            _MESSAGES.get(code, f"De centrale opslag weigerde het verzoek ({code})."),
            code,
            response.status_code,
        )
