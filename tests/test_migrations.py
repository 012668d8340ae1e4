from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect

from app.db import downgrade, migrate

TABLES = {"article", "speaker", "speakeralias", "statement", "topic", "statementtopic"}


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate(url)
    assert tables(url) >= TABLES
    downgrade(url, "base")
    assert tables(url) == set()
    migrate(url)
    assert tables(url) >= TABLES


def test_pragmas_on_every_connection(db_url: str) -> None:
    from app.db import get_engine

    with get_engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
