"""initial schema: articles, speakers and aliases, statements, topics

Revision ID: 0001
Revises:
Create Date: 2026-11-30 22:59:38.891326
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("published_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("ingested_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("pipeline_version", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("affiliation", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speaker_name"), ["name"], unique=False)

    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("exclude", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    op.create_table(
        "speakeralias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("alias_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("is_name", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("speaker_id", "alias_key"),
    )
    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speakeralias_alias_key"), ["alias_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_speakeralias_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_mention", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("content", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("cue", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("dated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index("ix_statement_article_id_id", ["article_id", "id"], unique=False)
        batch_op.create_index("ix_statement_speaker_id_id", ["speaker_id", "id"], unique=False)
        batch_op.create_index("ix_statement_type_id", ["type", "id"], unique=False)
        batch_op.create_index("ix_statement_dated_at_id", ["dated_at", "id"], unique=False)
        batch_op.create_index("ix_statement_source_id", ["source", "id"], unique=False)
        batch_op.create_index(
            "ix_statement_speaker_dated",
            ["speaker_id", "dated_at", "type", "source"],
            unique=False,
        )

    op.create_table(
        "statementtopic",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("stance", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["statement_id"], ["statement.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["topic_id"], ["topic.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("statement_id", "topic_id"),
    )
    with op.batch_alter_table("statementtopic", schema=None) as batch_op:
        batch_op.create_index(
            "ix_statementtopic_topic_stance", ["topic_id", "stance", "statement_id"], unique=False
        )
        batch_op.create_index(
            "ix_statementtopic_statement_stance", ["statement_id", "stance"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("statementtopic", schema=None) as batch_op:
        batch_op.drop_index("ix_statementtopic_topic_stance")
        batch_op.drop_index("ix_statementtopic_statement_stance")

    op.drop_table("statementtopic")
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_type_id")
        batch_op.drop_index("ix_statement_dated_at_id")
        batch_op.drop_index("ix_statement_source_id")
        batch_op.drop_index("ix_statement_speaker_dated")
        batch_op.drop_index("ix_statement_speaker_id_id")
        batch_op.drop_index("ix_statement_article_id_id")

    op.drop_table("statement")
    with op.batch_alter_table("speakeralias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakeralias_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_speakeralias_alias_key"))

    op.drop_table("speakeralias")
    op.drop_table("topic")
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaker_name"))

    op.drop_table("speaker")
    op.drop_table("article")
