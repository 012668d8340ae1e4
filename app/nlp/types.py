"""Typed records that the NLP stages produce. Pure data: no spaCy, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
StatementType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "government", "group", "anonymous", "document"]
Stance = Literal["support", "oppose", "neutral"]


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class TopicTag:
    topic: str  # taxonomy slug
    stance: Stance
    score: float
    evidence: tuple[Evidence, ...] = ()
    stance_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source as resolved inside one article."""

    name: str  # canonical: the fullest name the article gives
    kind: SpeakerKind
    title: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()  # every surface form the article links to this speaker


@dataclass(frozen=True, slots=True)
class Statement:
    content: str
    content_span: Span
    type: StatementType
    cue: str | None
    cue_span: Span | None
    speaker: str | None  # canonical name of a Speaker in the same Extraction, or None
    speaker_mention: str | None
    speaker_span: Span | None
    sentence_index: int
    confidence: float = 1.0
    topics: tuple[TopicTag, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    statements: tuple[Statement, ...] = ()
    speakers: tuple[Speaker, ...] = field(default_factory=tuple)
