"""Transport (issue 10, point 7): plain http only to loopback, X-Forwarded-For only from the
store's configured proxies, no forged log lines, and erased ciphertext physically gone from the
SQLite store's files."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from app.server.app import client_address, create_app, log_safe, parse_proxies
from app.server.ratelimit import Limits, Rate
from app.services.contacts import ContactInput, Participant
from app.services.people import PseudonymInput
from app.sync.codes import ErrorCode
from app.sync.errors import SyncError
from app.sync.transport import check_server_url
from tests.conftest import PASSPHRASE
from tests.server.helpers import live_store
from tests.server.sync_support import Laptop, StoreProcess, organisation

with warnings.catch_warnings():
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient


# --- the client: https only, except to this machine ---------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://store.brugfiguur.example",
        "http://10.0.0.7:8470",
        "http://127.0.0.1.evil.example",
        "ftp://store.brugfiguur.example",
        "store.brugfiguur.example",
    ],
)
def test_the_client_refuses_plain_http_beyond_loopback(url: str) -> None:
    with pytest.raises(SyncError) as err:
        check_server_url(url)
    assert err.value.code == ErrorCode.INSECURE_URL
    assert "https://" in err.value.message


@pytest.mark.parametrize(
    "url",
    [
        "https://store.brugfiguur.example",
        "http://127.0.0.1:8470",
        "http://localhost:1",
        "http://[::1]:9",
    ],
)
def test_https_and_loopback_are_accepted(url: str) -> None:
    assert check_server_url(url + "/") == url


def test_enrolling_over_plain_http_sends_nothing_and_writes_nothing(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path, "laptop")
    try:
        with pytest.raises(SyncError) as err:
            laptop.sync.enrol("http://store.brugfiguur.example", "x" * 40)
        assert err.value.code == ErrorCode.INSECURE_URL
        with pytest.raises(SyncError) as err2:
            laptop.sync.create_organisation("http://store.brugfiguur.example", "token", "Org")
        assert err2.value.code == ErrorCode.INSECURE_URL
        assert not laptop.sync.status().enrolled
        assert laptop.log == []  # no request left this laptop
    finally:
        laptop.close()


# --- the store: X-Forwarded-For only from configured proxies ------------------------------------


def test_forwarded_for_is_believed_only_from_a_configured_proxy() -> None:
    proxies = parse_proxies(["10.0.0.5", "192.168.10.0/24"])
    assert client_address("10.0.0.5", "198.51.100.7", proxies) == "198.51.100.7"
    # Proxies chained: the nearest hop that is not a proxy of ours.
    assert client_address("10.0.0.5", "198.51.100.7, 192.168.10.3", proxies) == "198.51.100.7"
    # A client that sets the header itself, behind our proxy: the proxy appends the real peer.
    assert client_address("10.0.0.5", "1.2.3.4, 198.51.100.7", proxies) == "198.51.100.7"
    # From anyone else the header is ignored.
    assert client_address("203.0.113.9", "198.51.100.7", proxies) == "203.0.113.9"
    assert client_address("10.0.0.5", "not-an-address", proxies) == "10.0.0.5"


def _limited_app(tmp_path: Path, proxies: list[str]) -> object:
    tight = Limits(ip=Rate(0.001, 3), device=Rate(1e6, 1e6), unsigned=Rate(1e6, 1e6))
    (tmp_path / "store").mkdir(exist_ok=True)
    url = f"sqlite:///{tmp_path / 'store' / 'store.db'}"
    return create_app(url, data_dir=tmp_path / "store", limits=tight, trusted_proxies=proxies)


def test_a_client_cannot_escape_the_rate_limit_with_forwarded_for(tmp_path: Path) -> None:
    app = _limited_app(tmp_path, ["10.0.0.5"])
    with TestClient(app, client=("203.0.113.9", 4000)) as c:  # type: ignore[arg-type]
        codes = [
            c.get("/v2/health", headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
            for i in range(5)
        ]
    assert codes == [200, 200, 200, 429, 429]


def test_behind_a_configured_proxy_each_client_has_its_own_limit(tmp_path: Path) -> None:
    app = _limited_app(tmp_path, ["10.0.0.5"])
    with TestClient(app, client=("10.0.0.5", 4000)) as c:  # type: ignore[arg-type]
        spread = [
            c.get("/v2/health", headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
            for i in range(6)
        ]
        same = [
            c.get("/v2/health", headers={"X-Forwarded-For": "198.51.100.77"}).status_code
            for _ in range(5)
        ]
    assert spread == [200] * 6
    assert same == [200, 200, 200, 429, 429]


# --- the store's log: one line per request, whatever the path -----------------------------------


def test_log_safe_escapes_everything_that_could_break_a_line() -> None:
    assert log_safe("/v2/pull") == "/v2/pull"
    assert "\n" not in log_safe("/x\n2026 INFO forged") and "\r" not in log_safe("/x\rY")
    assert log_safe("/a b\\c\x1b[31m") == "/a\\x20b\\x5cc\\x1b[31m"
    assert log_safe("/" + "a" * 500).endswith("...") and len(log_safe("/" + "a" * 500)) < 210


def test_a_request_path_cannot_forge_a_line_in_the_store_log(tmp_path: Path) -> None:
    with live_store(tmp_path / "store", f"sqlite:///{tmp_path / 'store' / 'store.db'}") as st:
        log_path = st.data_dir / "logs" / "store.log"
        forged = "2026-12-05 10:00:00,000 INFO brugfiguur.server.access: POST /v2/purge 200"
        with httpx.Client(base_url=st.base_url) as c:
            c.get("/v2/health")
            before = log_path.read_text().splitlines()
            r = c.get("/v2/x%0A" + forged.replace(" ", "%20"))
            assert r.status_code == 404
            c.get("/v2/health")  # the line above is flushed once this one is written
        after = log_path.read_text().splitlines()
    new = after[len(before) :]
    assert len(new) == 2, new
    assert not any(line.startswith("2026-12-05 10:00:00") for line in after)
    assert "\\x0a2026-12-05" in new[0]


# --- erasure: the ciphertext leaves the SQLite store's files ------------------------------------


def _person_with_contacts(lt: Laptop, n: int) -> str:
    pid = lt.field.people.create_pseudonym(
        PseudonymInput("Vos aan de Leie", date(2026, 1, 1), "mond_aan_mond", note="canary"),
        allow_duplicate=True,
    )
    for i in range(n):
        lt.field.contacts.create(
            ContactInput(
                datetime(2026, 11, 19, 9, i),
                "telefoon",
                (Participant(pid),),
                summary=f"gesprek {i} aan de Vrijdagmarkt",
            )
        )
    return pid


def test_an_erased_payload_is_physically_gone_from_the_sqlite_store(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    url = f"sqlite:///{store_dir / 'store.db'}"
    sp = StoreProcess(store_dir, url).start()
    coord = Laptop(tmp_path, "coordinator")
    try:
        organisation(sp.base_url, sp.token(), coord)
        pid = _person_with_contacts(coord, 3)
        keep = _person_with_contacts(coord, 1)
        coord.sync_once()
        engine = create_engine(url)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT record_id, ciphertext FROM records WHERE record_type <> 'x'")
            ).all()
        engine.dispose()
        erased = {str(r[0]): bytes(r[1]) for r in rows}
        assert pid in erased and keep in erased

        def on_disk() -> bytes:
            return b"".join(p.read_bytes() for p in store_dir.glob("store.db*") if p.is_file())

        blob = on_disk()
        assert all(c[16:80] in blob for c in erased.values())  # stored before the erasure

        coord.field.rights.erase(pid, PASSPHRASE)
        coord.sync_once()
        blob = on_disk()
        gone = [rid for rid, c in erased.items() if c[16:80] not in blob]
        assert pid in gone
        assert keep not in gone, "a record that was not erased disappeared"
        # Everything the erasure listed (the person and their contact moments) is gone.
        with create_engine(url).connect() as conn:
            left = {str(r[0]) for r in conn.execute(text("SELECT record_id FROM records"))}
        for rid in erased:
            if rid not in left:
                assert rid in gone, "an erased record's ciphertext is still in the store's files"
    finally:
        coord.close()
        sp.stop()
