"""Logging to a rotated file in the user log dir, free of personal data.

The app logs events and record ids only. As a second line of defence, exception messages of
foreign exceptions are withheld from the log (they could quote a value); our own errors carry
messages written to be safe.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from app import settings
from app.errors import BrugfiguurError
from app.fsutil import make_private, private_dir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class SafeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the full exception text (with its message) on the
        # record; always render our own.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        etype, value, tb = ei
        if etype is None or value is None:
            return ""
        frames = "".join(traceback.format_tb(tb))
        shown = value.message if isinstance(value, BrugfiguurError) else "(bericht weggelaten)"
        return f"Traceback (most recent call last):\n{frames}{etype.__name__}: {shown}"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotated log whose files are 0600 whatever the umask (rotation renames the old file,
    keeping its mode, and opens a new one here)."""

    def _open(self) -> io.TextIOWrapper:  # type: ignore[type-arg,unused-ignore]
        fd = os.open(
            self.baseFilename,
            os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
            0o600,
        )
        make_private(Path(self.baseFilename))
        stream = open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123, SIM115
        assert isinstance(stream, io.TextIOWrapper)
        return stream


_installed: Path | None = None


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to `log_dir/brugfiguur.log` (rotated). Returns the file, or None if not writable."""
    global _installed
    if _installed == log_dir:
        return log_dir / "brugfiguur.log"
    root = logging.getLogger()
    root.setLevel(level)
    for noisy in ("sqlalchemy", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        private_dir(log_dir)
        handler: logging.Handler = PrivateRotatingFileHandler(
            log_dir / "brugfiguur.log",
            maxBytes=settings.LOG_MAX_BYTES,
            backupCount=settings.LOG_BACKUPS,
            encoding="utf-8",
        )
    except OSError:
        return None
    handler.setFormatter(SafeFormatter(_FORMAT))
    for h in list(root.handlers):
        if getattr(h, "_brugfiguur", False):
            root.removeHandler(h)
            h.close()
    handler._brugfiguur = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _installed = log_dir

    def _hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("brugfiguur.crash").error("unhandled error", exc_info=(etype, value, tb))
        sys.__excepthook__(etype, value, tb)

    sys.excepthook = _hook
    return log_dir / "brugfiguur.log"


def teardown_logging() -> None:
    global _installed
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_brugfiguur", False):
            root.removeHandler(h)
            h.close()
    _installed = None
