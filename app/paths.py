"""Where things live: the data dir, the log dir, and the bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "BRUGFIGUUR_DATA_DIR"
LOG_DIR_ENV = "BRUGFIGUUR_LOG_DIR"

HEADER_NAME = "vault.json"
DATABASE_NAME = "vault.db"
FAILURES_NAME = "unlock-failures.json"


def _bundle_root() -> Path:
    """The folder holding `resources/` and `migrations/`: the repo, or PyInstaller's bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


BUNDLE_ROOT = _bundle_root()
RESOURCES = BUNDLE_ROOT / "resources"
MIGRATIONS = BUNDLE_ROOT / "migrations"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@dataclass(frozen=True)
class AppPaths:
    """The files of one vault. Logs go to the user log dir, or beside an explicit data dir."""

    data_dir: Path
    log_dir: Path

    @property
    def header(self) -> Path:
        return self.data_dir / HEADER_NAME

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def failures(self) -> Path:
        """Failed unlock attempts since the last success (count and times; no secret)."""
        return self.data_dir / FAILURES_NAME

    def database_sidecars(self) -> list[Path]:
        db = self.database
        return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """`--data-dir` wins, then BRUGFIGUUR_DATA_DIR, then the platform's user data dir."""
        explicit = data_dir if data_dir is not None else os.environ.get(DATA_DIR_ENV)
        log_env = os.environ.get(LOG_DIR_ENV)
        if explicit:
            d = Path(explicit).expanduser().resolve()
            log = Path(log_env) if log_env else d / "logs"
            return cls(data_dir=d, log_dir=log)
        import platformdirs

        d = Path(platformdirs.user_data_dir("Brugfiguur", "Brugfiguur"))
        log = (
            Path(log_env)
            if log_env
            else Path(platformdirs.user_log_dir("Brugfiguur", "Brugfiguur"))
        )
        return cls(data_dir=d, log_dir=log)
