"""full-text index over statement content, kept in sync by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# An external-content FTS5 table: the text lives once, in statement; the index holds tokens.
# The database keeps it in sync itself, so no writer can forget to.
UPGRADE = [
    """CREATE VIRTUAL TABLE statement_fts USING fts5(
        content, content='statement', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN
        INSERT INTO statement_fts(rowid, content) VALUES (new.id, new.content);
    END""",
    """CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content)
        VALUES ('delete', old.id, old.content);
    END""",
    """CREATE TRIGGER statement_fts_update AFTER UPDATE OF content ON statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, content)
        VALUES ('delete', old.id, old.content);
        INSERT INTO statement_fts(rowid, content) VALUES (new.id, new.content);
    END""",
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
DOWNGRADE = [
    "DROP TRIGGER IF EXISTS statement_fts_update",
    "DROP TRIGGER IF EXISTS statement_fts_delete",
    "DROP TRIGGER IF EXISTS statement_fts_insert",
    "DROP TABLE IF EXISTS statement_fts",
]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if _sqlite():
        for sql in UPGRADE:
            op.execute(sql)


def downgrade() -> None:
    if _sqlite():
        for sql in DOWNGRADE:
            op.execute(sql)
