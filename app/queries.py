"""Read-side queries: filters in, public models out. Handlers call these and nothing else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists
from sqlmodel import Session, col, func, select

from app.ingest import alias_key
from app.models import (
    Article,
    ArticleDetail,
    ArticlePublic,
    Speaker,
    SpeakerAlias,
    SpeakerDetail,
    SpeakerPublic,
    SpeakerRef,
    SpeakerStances,
    StanceCounts,
    Statement,
    StatementPublic,
    StatementTopic,
    StatementTopicPublic,
    Topic,
    TopicDetail,
    TopicPublic,
    TopicStances,
)


def find_speaker_ids(session: Session, ref: str) -> list[int]:
    """A speaker named by id, slug, canonical name or any alias, case-insensitively."""
    ref = ref.strip()
    if ref.isdigit():
        return [int(ref)]
    key = alias_key(ref)
    by_slug = select(Speaker.id).where(Speaker.slug == key)
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == key)
    ids = {*session.exec(by_slug).all(), *session.exec(by_alias).all()}
    return sorted(i for i in ids if i is not None)


def get_speaker(session: Session, ref: str) -> Speaker | None:
    if ref.isdigit():
        return session.get(Speaker, int(ref))
    return session.exec(select(Speaker).where(Speaker.slug == ref.lower())).first()


@dataclass(frozen=True)
class StatementFilter:
    speaker: str | None = None
    topic: str | None = None
    stance: str | None = None
    type: str | None = None
    article_id: int | None = None


def _conditions(session: Session, f: StatementFilter) -> list[ColumnElement[bool]] | None:
    """SQL conditions for the filter; None when it can match nothing."""
    conds: list[ColumnElement[bool]] = []
    if f.speaker is not None:
        ids = find_speaker_ids(session, f.speaker)
        if not ids:
            return None
        conds.append(col(Statement.speaker_id).in_(ids))
    if f.topic is not None or f.stance is not None:
        tagged = [StatementTopic.statement_id == Statement.id]
        if f.topic is not None:
            topic_id = session.exec(select(Topic.id).where(Topic.slug == f.topic.lower())).first()
            if topic_id is None:
                return None
            tagged.append(StatementTopic.topic_id == topic_id)
        if f.stance is not None:
            tagged.append(StatementTopic.stance == f.stance)
        conds.append(exists().where(and_(*tagged)))
    if f.type is not None:
        conds.append(Statement.type == f.type)
    if f.article_id is not None:
        conds.append(Statement.article_id == f.article_id)
    return conds


def list_statements(
    session: Session, f: StatementFilter, after: int, limit: int
) -> list[StatementPublic]:
    conds = _conditions(session, f)
    if conds is None:
        return []
    rows = session.exec(
        select(Statement)
        .where(col(Statement.id) > after, *conds)
        .order_by(col(Statement.id))
        .limit(limit)
    ).all()
    return statements_public(session, rows)


def statements_public(session: Session, rows: Sequence[Statement]) -> list[StatementPublic]:
    """Public statements with their speaker and topics, loaded in two queries, not 2 per row."""
    speaker_ids = {r.speaker_id for r in rows if r.speaker_id is not None}
    speakers = {
        s.id: SpeakerRef(id=s.id, slug=s.slug, name=s.name, kind=s.kind)  # type: ignore[arg-type]
        for s in session.exec(select(Speaker).where(col(Speaker.id).in_(speaker_ids)))
    }
    topics: dict[int, list[StatementTopicPublic]] = defaultdict(list)
    tag_rows = session.exec(
        select(StatementTopic, Topic.slug)
        .join(Topic)
        .where(col(StatementTopic.statement_id).in_([r.id for r in rows]))
        .order_by(col(StatementTopic.statement_id), col(StatementTopic.score).desc())
    ).all()
    for tag, slug in tag_rows:
        topics[tag.statement_id].append(
            StatementTopicPublic(
                topic=slug,
                stance=tag.stance,  # type: ignore[arg-type]
                score=tag.score,
                evidence=[e for e in tag.evidence if not e.get("stance")],  # type: ignore[misc]
                stance_evidence=[e for e in tag.evidence if e.get("stance")],  # type: ignore[misc]
            )
        )
    return [
        StatementPublic(
            id=r.id,  # type: ignore[arg-type]
            article_id=r.article_id,
            speaker=speakers.get(r.speaker_id) if r.speaker_id is not None else None,
            speaker_mention=r.speaker_mention,
            content=r.content,
            type=r.type,  # type: ignore[arg-type]
            cue=r.cue,
            content_span=(r.content_start, r.content_end),
            speaker_span=_span(r.speaker_start, r.speaker_end),
            cue_span=_span(r.cue_start, r.cue_end),
            sentence_index=r.sentence_index,
            confidence=r.confidence,
            topics=topics.get(r.id, []),  # type: ignore[arg-type]
        )
        for r in rows
    ]


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def get_statement(session: Session, statement_id: int) -> StatementPublic | None:
    row = session.get(Statement, statement_id)
    return statements_public(session, [row])[0] if row else None


def _statement_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    rows = session.exec(
        select(Statement.article_id, func.count())
        .where(col(Statement.article_id).in_(ids))
        .group_by(col(Statement.article_id))
    ).all()
    return dict(rows)


def article_public(article: Article, count: int) -> ArticlePublic:
    return ArticlePublic.model_validate(article, update={"statement_count": count})


def list_articles(session: Session, after: int, limit: int) -> list[ArticlePublic]:
    rows = session.exec(
        select(Article).where(col(Article.id) > after).order_by(col(Article.id)).limit(limit)
    ).all()
    counts = _statement_counts(session, [r.id for r in rows])  # type: ignore[misc]
    return [article_public(r, counts.get(r.id, 0)) for r in rows]  # type: ignore[arg-type]


def article_detail(session: Session, article: Article) -> ArticleDetail:
    rows = session.exec(
        select(Statement).where(Statement.article_id == article.id).order_by(col(Statement.id))
    ).all()
    return ArticleDetail.model_validate(
        article,
        update={"statement_count": len(rows), "statements": statements_public(session, rows)},
    )


def list_speakers(session: Session, after: int, limit: int) -> list[SpeakerPublic]:
    count = func.count(col(Statement.id))
    rows = session.exec(
        select(Speaker, count)
        .join(Statement, isouter=True)
        .where(col(Speaker.id) > after)
        .group_by(col(Speaker.id))
        .order_by(col(Speaker.id))
        .limit(limit)
    ).all()
    return [SpeakerPublic.model_validate(s, update={"statement_count": n}) for s, n in rows]


def speaker_detail(session: Session, speaker: Speaker) -> SpeakerDetail:
    n = session.exec(select(func.count()).where(Statement.speaker_id == speaker.id)).one()
    aliases = session.exec(
        select(SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id == speaker.id)
        .order_by(col(SpeakerAlias.id))
    ).all()
    return SpeakerDetail.model_validate(
        speaker, update={"statement_count": n, "aliases": list(aliases)}
    )


def list_topics(session: Session, after: int, limit: int) -> list[TopicPublic]:
    count = func.count(col(StatementTopic.statement_id))
    rows = session.exec(
        select(Topic, count)
        .join(StatementTopic, isouter=True)
        .where(col(Topic.id) > after)
        .group_by(col(Topic.id))
        .order_by(col(Topic.id))
        .limit(limit)
    ).all()
    return [TopicPublic.model_validate(t, update={"statement_count": n}) for t, n in rows]


def get_topic(session: Session, slug: str) -> Topic | None:
    return session.exec(select(Topic).where(Topic.slug == slug.lower())).first()


def _fold(counts: dict[str, int], stance: str, n: int) -> None:
    counts[stance] = counts.get(stance, 0) + n


def topic_detail(session: Session, topic: Topic) -> TopicDetail:
    rows = session.exec(
        select(StatementTopic.stance, func.count())
        .where(StatementTopic.topic_id == topic.id)
        .group_by(col(StatementTopic.stance))
    ).all()
    counts = dict(rows)
    return TopicDetail.model_validate(
        topic,
        update={"statement_count": sum(counts.values()), "stances": StanceCounts(**counts)},
    )


def topic_stances(session: Session, topic: Topic) -> list[SpeakerStances]:
    """Who stands where on a topic: per speaker, their statements' stances counted."""
    rows = session.exec(
        select(Statement.speaker_id, StatementTopic.stance, func.count())
        .join(StatementTopic, col(StatementTopic.statement_id) == col(Statement.id))
        .where(StatementTopic.topic_id == topic.id, col(Statement.speaker_id).is_not(None))
        .group_by(col(Statement.speaker_id), col(StatementTopic.stance))
    ).all()
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for speaker_id, stance, n in rows:
        _fold(counts[speaker_id], stance, n)  # type: ignore[index]
    speakers = session.exec(select(Speaker).where(col(Speaker.id).in_(counts))).all()
    out = [
        SpeakerStances(
            speaker=SpeakerRef.model_validate(s, from_attributes=True),
            **counts[s.id],  # type: ignore[index]
        )
        for s in speakers
    ]
    return sorted(out, key=lambda r: (-(r.support + r.oppose + r.neutral), r.speaker.name))


def speaker_stances(session: Session, speaker: Speaker) -> list[TopicStances]:
    """Where a speaker stands: per topic, the stances of their statements counted."""
    rows = session.exec(
        select(Topic.slug, Topic.label, StatementTopic.stance, func.count())
        .join(StatementTopic, col(StatementTopic.topic_id) == col(Topic.id))
        .join(Statement, col(Statement.id) == col(StatementTopic.statement_id))
        .where(Statement.speaker_id == speaker.id)
        .group_by(col(Topic.id), col(StatementTopic.stance))
    ).all()
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for slug, label, stance, n in rows:
        _fold(counts[(slug, label)], stance, n)
    out = [TopicStances(topic=slug, label=label, **c) for (slug, label), c in counts.items()]
    return sorted(out, key=lambda r: (-(r.support + r.oppose + r.neutral), r.topic))
