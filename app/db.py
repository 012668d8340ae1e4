"""Engine, sessions and migrations. Every SQLite connection gets the same pragmas."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, make_url
from sqlmodel import create_engine

from app.config import get_settings

ROOT = Path(__file__).resolve().parent.parent


def make_engine(url: str) -> Engine:
    settings = get_settings()
    is_sqlite = url.startswith("sqlite")
    # FastAPI runs sync handlers in a thread pool, so one connection may serve several threads.
    connect_args: dict[str, Any] = {"check_same_thread": False} if is_sqlite else {}
    engine = create_engine(url, connect_args=connect_args)
    if is_sqlite:

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # WAL lets readers go on while an ingest writes; the busy timeout makes a second
            # writer wait instead of failing at once.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(settings.sqlite_busy_timeout_ms)}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

    return engine


@cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


def data_version_reader(url: str) -> Callable[[], int | None]:
    """A function that says whether the data changed: its value moves whenever any other
    connection, in this process or another, commits to the database (SQLite's
    `PRAGMA data_version`). It reads through a connection of its own that never writes, so
    every write is another connection's. None when the database is not an SQLite file, or
    cannot be read now: no version, so nothing may be served from a cache."""
    parsed = make_url(url)
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return lambda: None
    lock = threading.Lock()
    conn: sqlite3.Connection | None = None

    def read() -> int | None:
        nonlocal conn
        with lock:
            try:
                if conn is None:
                    # Autocommit: an open transaction would hide other connections' commits.
                    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                return int(conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    return read


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def migrate(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url or get_settings().database_url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    command.downgrade(alembic_config(url or get_settings().database_url), revision)
