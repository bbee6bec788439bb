"""Fixtures for the central store: every test runs against SQLite and PostgreSQL.

PostgreSQL comes from BRUGFIGUUR_TEST_PG_URL (set by `./dev test` through its
start_postgres_for_tests hook, and so in CI); without it the PostgreSQL parameter is skipped.
Each test gets a fresh database: a new SQLite file, or a new PostgreSQL schema selected through
the connection's search_path and dropped afterwards.
"""

from __future__ import annotations

import os
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from starlette.exceptions import StarletteDeprecationWarning

from app.server.app import create_app
from app.server.ratelimit import Limits, Rate
from tests.server.helpers import Api, LiveStore, live_store

with warnings.catch_warnings():
    # Starlette 1.x prefers httpx2 for its TestClient; httpx (a runtime dependency) still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient as TestClient

PG_ENV = "BRUGFIGUUR_TEST_PG_URL"
PG_URL = os.environ.get(PG_ENV)


@dataclass(frozen=True)
class Database:
    kind: str  # sqlite | postgresql
    url: str
    schema: str | None = None
    base_url: str | None = None


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not PG_URL,
                reason=f"{PG_ENV} is not set (./dev test starts PostgreSQL and sets it; CI does)",
            ),
        ),
    ]
)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        (tmp_path / "store").mkdir(exist_ok=True)
        yield Database("sqlite", f"sqlite:///{tmp_path / 'store' / 'store.db'}")
        return
    assert PG_URL is not None
    schema = "t_" + uuid.uuid4().hex[:16]
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield Database(
            "postgresql",
            url.render_as_string(hide_password=False),
            schema=schema,
            base_url=PG_URL,
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    d = tmp_path / "store"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture
def store(database: Database, store_dir: Path) -> Iterator[LiveStore]:
    """The real store in a subprocess on 127.0.0.1, on this test's database."""
    with live_store(store_dir, database.url) as st:
        yield st


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def ms(self) -> int:
        return int(self.now * 1000)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


GENEROUS = Limits(ip=Rate(1e6, 1e6), device=Rate(1e6, 1e6), unsigned=Rate(1e6, 1e6))


@pytest.fixture
def client(database: Database, store_dir: Path, clock: Clock) -> Iterator[TestClient]:
    app = create_app(database.url, data_dir=store_dir, clock=clock, limits=GENEROUS)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def api(client: TestClient, clock: Clock) -> Api:
    return Api(client, clock.ms)


@pytest.fixture
def token(store_dir: Path) -> str:
    return (store_dir / "setup-token").read_text().strip()
