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


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    from alembic import command

    from app.db import alembic_config

    url = f"sqlite:///{tmp_path / 'c.db'}"
    migrate(url)
    command.check(alembic_config(url))  # raises when a model differs from the migrated schema


def test_search_index_is_built_by_the_migration(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    migrate(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = {r[0] for r in conn.exec_driver_sql("select name from sqlite_master")}
    finally:
        engine.dispose()
    assert {"statement_fts", "statement_fts_insert", "statement_fts_delete"} <= names
