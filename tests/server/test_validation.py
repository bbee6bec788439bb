"""Strict validation: malformed and oversized bodies are refused and leave nothing stored;
errors are JSON codes that never echo the request; rate limits answer 429."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.server.app import create_app
from app.server.ratelimit import Limits, Rate
from app.server.store import Store
from app.sync.protocol import MAX_BODY_BYTES, b64e, sign_request
from tests.server.conftest import GENEROUS, Clock, Database, TestClient
from tests.server.helpers import Api, Org, rev_id


@pytest.fixture
def org(api: Api, token: str) -> Org:
    return api.bootstrap(token)


@pytest.fixture
def team(api: Api, org: Org) -> str:
    return api.create_team(org)


def counts(client: TestClient) -> dict[str, int]:
    with client.app.state.engine.connect() as conn:  # type: ignore[attr-defined]
        return Store.counts(conn)


def push_body(api: Api, org: Org, team: str, **changes: Any) -> dict[str, Any]:
    rev = api.revision(org, team, org.coordinator, {"text": "Kanarie"})
    rev.update(changes)
    return {"team_id": team, "revisions": [rev]}


BAD_REVISIONS: list[tuple[str, dict[str, Any]]] = [
    ("unknown field", {"colour": "red"}),
    ("revision not hex", {"revision": "Z" * 64}),
    ("revision short", {"revision": "ab"}),
    ("record id not uuid", {"record_id": "person-1"}),
    ("record type upper", {"record_type": "Note"}),
    ("epoch zero", {"epoch": 0}),
    ("epoch bool", {"epoch": True}),
    ("epoch text", {"epoch": "1"}),
    ("parents not list", {"parents": "x"}),
    ("parent not hex", {"parents": ["x"]}),
    ("ciphertext not base64", {"ciphertext": "***"}),
    ("ciphertext too short", {"ciphertext": b64e(b"short")}),
    ("ciphertext too big", {"ciphertext": b64e(b"\0" * (256 * 1024 + 1))}),
]


@pytest.mark.parametrize(("why", "change"), BAD_REVISIONS, ids=[w for w, _ in BAD_REVISIONS])
def test_malformed_revisions_store_nothing(
    api: Api, org: Org, team: str, client: TestClient, why: str, change: dict[str, Any]
) -> None:
    before = counts(client)
    r = api.call(
        "POST", "/v2/push", device=org.coordinator, body=push_body(api, org, team, **change)
    )
    assert r.status_code == 400, why
    assert r.json() == {"error": "invalid_request"}
    assert counts(client) == before


def test_malformed_bodies(api: Api, org: Org, team: str, client: TestClient) -> None:
    c = org.coordinator
    good = push_body(api, org, team)
    rev = good["revisions"][0]
    bodies: list[bytes] = [
        b"",
        b"not json",
        b"[]",
        b"\xff\xfe",
        json.dumps({"team_id": team}).encode(),
        json.dumps({**good, "extra": 1}).encode(),
        json.dumps({"team_id": team, "revisions": []}).encode(),
        json.dumps({"team_id": team, "revisions": [rev] * 501}).encode(),
        json.dumps(
            {"team_id": team, "revisions": [{**rev, "parents": [rev["revision"]]}]}
        ).encode(),
        # Duplicate keys and non-finite numbers are not JSON we accept.
        f'{{"team_id": "{team}", "team_id": "{team}", "revisions": []}}'.encode(),
        f'{{"team_id": "{team}", "revisions": [{json.dumps(rev)}], "x": NaN}}'.encode(),
    ]
    before = counts(client)
    for body in bodies:
        r = api.call("POST", "/v2/push", device=c, content=body)
        assert r.status_code == 400, body[:60]
        assert r.json() == {"error": "invalid_request"}
        assert "Kanarie" not in r.text
    assert counts(client) == before
    # A body on a GET, a query on a POST, unknown or repeated pull parameters.
    assert api.call("GET", "/v2/me", device=c, content=b"{}").status_code == 400
    assert api.call("GET", f"/v2/pull?team={team}&after=0&x=1", device=c).status_code == 400
    assert api.call("GET", f"/v2/pull?team={team}&after=0&after=1", device=c).status_code == 400
    assert api.call("GET", "/v2/pull?after=0", device=c).status_code == 400
    assert api.call("POST", "/v2/push?x=1", device=c, body=good).status_code == 400
    assert counts(client) == before


def test_oversized_bodies_are_refused_while_reading(
    api: Api, org: Org, team: str, client: TestClient
) -> None:
    c = org.coordinator
    rev = push_body(api, org, team)["revisions"][0]
    blob = b64e(b"\0" * (200 * 1024))
    body = json.dumps(
        {
            "team_id": team,
            "revisions": [{**rev, "revision": rev_id(), "ciphertext": blob} for _ in range(45)],
        }
    ).encode()
    assert len(body) > MAX_BODY_BYTES
    before = counts(client)
    r = api.call("POST", "/v2/push", device=c, content=body)
    assert r.status_code == 413
    assert r.json() == {"error": "too_large"}

    # Without a Content-Length (chunked): counted while streaming.
    def chunks() -> Iterator[bytes]:
        for i in range(0, len(body), 65536):
            yield body[i : i + 65536]

    h = sign_request(c.sign, c.device_id, "POST", "/v2/push", body, api.now_ms())
    r = client.post("/v2/push", content=chunks(), headers=h)
    assert r.status_code == 413
    assert counts(client) == before
    # Unsigned endpoints take far less.
    r = api.call("POST", "/v2/enrol", content=b"{" + b" " * (70 * 1024) + b"}")
    assert r.status_code == 413


def test_unknown_routes_and_methods(api: Api) -> None:
    r = api.client.get("/v2/nothing")
    assert r.status_code == 404
    assert r.json() == {"error": "not_found"}
    r = api.client.delete("/v2/push")
    assert r.status_code == 405
    assert r.json() == {"error": "method_not_allowed"}
    r = api.client.get("/v2/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_rate_limits(database: Database, store_dir: Path, clock: Clock) -> None:
    limits = Limits(ip=Rate(0.001, 5), device=Rate(1e6, 1e6), unsigned=Rate(1e6, 1e6))
    with TestClient(create_app(database.url, data_dir=store_dir, clock=clock, limits=limits)) as c:
        codes = [c.get("/v2/health").status_code for _ in range(6)]
        assert codes == [200] * 5 + [429]
        r = c.get("/v2/health")
        assert r.json() == {"error": "rate_limited"}
        assert int(r.headers["Retry-After"]) >= 1


def test_device_and_enrol_rate_limits(database: Database, store_dir: Path, clock: Clock) -> None:
    limits = Limits(ip=Rate(1e6, 1e6), device=Rate(0.001, 3), unsigned=Rate(0.001, 3))
    with TestClient(create_app(database.url, data_dir=store_dir, clock=clock, limits=limits)) as c:
        token = (store_dir / "setup-token").read_text().strip()
        api = Api(c, clock.ms)
        org = api.bootstrap(token)  # unsigned request 1
        codes = [api.call("GET", "/v2/me", device=org.coordinator).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        codes = [api.call("POST", "/v2/enrol", body={}).status_code for _ in range(3)]
        assert codes == [400, 400, 429]
    # The defaults are generous enough for a normal sync.
    with TestClient(create_app(database.url, data_dir=store_dir, clock=clock, limits=GENEROUS)):
        pass
