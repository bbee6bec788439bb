"""Logs go to a rotated file and never carry the message of a foreign exception."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.errors import WrongPassphrase
from app.logs import setup_logging, teardown_logging
from tests.conftest import CANARY


@pytest.mark.allow_logs("^brugfiguur\\.test: ")
def test_log_file_rotates_and_withholds_foreign_exception_messages(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    assert log_file is not None
    try:
        log = logging.getLogger("brugfiguur.test")
        name = CANARY  # as a value would arrive at run time, not in the source
        try:
            raise ValueError("naam van cliënt: " + name)
        except ValueError:
            log.exception("something failed for record %s", "3f2a")
        try:
            raise WrongPassphrase()
        except WrongPassphrase:
            log.exception("unlock failed")
        for _ in range(3000):  # ~ 1 MB: forces a rotation
            log.info("filler line for rotation %s", "x" * 300)
        for h in logging.getLogger().handlers:
            h.flush()
        files = sorted(p.name for p in (tmp_path / "logs").iterdir())
        assert "brugfiguur.log" in files and "brugfiguur.log.1" in files
        text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").iterdir())
        assert CANARY not in text
        assert "ValueError: (bericht weggelaten)" in text
        assert "wachtwoordzin klopt niet" in text  # our own messages are written to be safe
    finally:
        teardown_logging()


def test_unwritable_log_dir_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    assert setup_logging(blocker / "logs") is None
