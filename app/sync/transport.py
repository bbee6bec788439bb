"""HTTP transport to the central store: signed JSON requests, errors as Dutch sync errors."""

from __future__ import annotations

import ipaddress
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.sync.codes import ErrorCode
from app.sync.errors import ClockSkewError, RateLimited, Revoked, SyncError, Unreachable
from app.sync.protocol import MAX_BODY_BYTES, sign_request

__all__ = ["ClockSkewError", "HttpTransport", "RateLimited", "Revoked", "SyncError", "Unreachable"]


_MESSAGES: dict[str, str] = {
    ErrorCode.UNKNOWN_DEVICE: "De centrale opslag kent dit toestel niet (meer).",
    ErrorCode.BAD_SIGNATURE: "De centrale opslag weigerde het verzoek (handtekening ongeldig).",
    ErrorCode.FORBIDDEN: (
        "Dit toestel mag dit niet doen (geen coördinator of geen lid van dat team)."
    ),
    ErrorCode.INVITE_INVALID: "Deze uitnodigingscode is ongeldig, verlopen of al gebruikt.",
    ErrorCode.TOO_LARGE: "Het verzoek is te groot voor de centrale opslag.",
    ErrorCode.REPLAY: "Het verzoek werd al eens verstuurd; er wordt opnieuw geprobeerd.",
}


def check_server_url(url: str) -> str:
    """The store's address, refused unless it is `https://`, or `http://` to this machine
    itself (loopback: tests, or a store on the same computer). Anyone on the network path of a
    plain `http://` address could play the store."""
    try:
        parts = httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError, TypeError):
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.host:
        raise SyncError(
            "Dit is geen geldig adres van een centrale opslag (verwacht: https://…).",
            ErrorCode.INSECURE_URL,
        )
    if parts.scheme == "http" and not _loopback(parts.host):
        raise SyncError(
            "Een centrale opslag op een ander toestel moet via https:// bereikbaar zijn; "
            "http:// is enkel toegelaten voor deze computer zelf (127.0.0.1).",
            ErrorCode.INSECURE_URL,
        )
    return str(parts).rstrip("/")


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
        self.base_url = check_server_url(base_url)
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
            raise SyncError("Te veel gegevens in één keer; probeer opnieuw.", ErrorCode.TOO_LARGE)
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        if signed:
            if self._key is None or self.device_id is None:
                raise SyncError(
                    "Dit toestel is niet ingeschreven bij een centrale opslag.",
                    ErrorCode.NOT_ENROLLED,
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
                ErrorCode.BAD_RESPONSE,
                response.status_code,
            ) from exc
        if not isinstance(data, dict):
            raise SyncError(
                "De centrale opslag gaf een onleesbaar antwoord.",
                ErrorCode.BAD_RESPONSE,
                response.status_code,
            )
        if response.is_success:
            return data
        code = str(data.get("error", ErrorCode.ERROR))
        if code == ErrorCode.CLOCK_SKEW:
            server = int(data.get("server_time_ms", 0))
            raise ClockSkewError(int(self._clock() * 1000) - server)
        if code == ErrorCode.REVOKED:
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
