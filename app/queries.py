"""Read-side queries: filters in, public models (or, for statement pages, their JSON shape) out.
Handlers call these and nothing else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    literal_column,
    or_,
    table,
    union,
)
from sqlmodel import Session, col, func, select

from app.ingest import alias_key
from app.models import (
    Article,
    ArticleDetail,
    ArticlePublic,
    ContextSentence,
    Facet,
    FacetValue,
    Speaker,
    SpeakerAlias,
    SpeakerDetail,
    SpeakerPublic,
    SpeakerRef,
    SpeakerStances,
    StanceCounts,
    Statement,
    StatementContext,
    StatementDetail,
    StatementPublic,
    StatementTopic,
    Topic,
    TopicDetail,
    TopicPublic,
    TopicStances,
)
from app.nlp.parse import get_nlp

# Statements that run on every list request are built once, with parameters: building a
# SQLAlchemy statement costs more than SQLite takes to run these.
SPEAKER_IDS = union(
    select(Speaker.id).where(col(Speaker.slug) == bindparam("key")),
    select(SpeakerAlias.speaker_id).where(col(SpeakerAlias.alias_key) == bindparam("key")),
)
TOPIC_ID = select(Topic.id).where(col(Topic.slug) == bindparam("slug"))
SPEAKER_REFS = select(Speaker.id, Speaker.slug, Speaker.name, Speaker.kind).where(
    col(Speaker.id).in_(bindparam("ids", expanding=True))
)
TAGS = (
    select(
        StatementTopic.statement_id,
        Topic.slug,
        StatementTopic.stance,
        StatementTopic.score,
        StatementTopic.evidence,
    )
    .join(Topic, col(Topic.id) == col(StatementTopic.topic_id))
    .where(col(StatementTopic.statement_id).in_(bindparam("ids", expanding=True)))
    .order_by(col(StatementTopic.statement_id), col(StatementTopic.score).desc())
)


def find_speaker_ids(session: Session, ref: str) -> list[int]:
    """A speaker named by id, slug, canonical name or any alias, case-insensitively."""
    ref = ref.strip()
    if ref.isdigit():
        return [int(ref)]
    ids = session.connection().execute(SPEAKER_IDS, {"key": alias_key(ref)}).scalars()
    return sorted(i for i in ids if i is not None)


def get_speaker(session: Session, ref: str) -> Speaker | None:
    if ref.isdigit():
        return session.get(Speaker, int(ref))
    return session.exec(select(Speaker).where(Speaker.slug == ref.lower())).first()


class Sort(StrEnum):
    newest = "newest"
    oldest = "oldest"
    relevance = "relevance"


class FacetName(StrEnum):
    speaker = "speaker"
    topic = "topic"
    stance = "stance"
    type = "type"
    source = "source"


@dataclass(frozen=True)
class StatementFilter:
    speaker: str | None = None
    topic: str | None = None
    stance: str | None = None
    type: str | None = None
    article_id: int | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    match: str | None = None  # an FTS5 expression made by app.search.fts_query


# FTS5's table as SQLAlchemy sees it: rowid is the statement id, rank is bm25 (lower = better).
FTS = table("statement_fts", column("rowid"), column("rank"))
FTS_MATCH = literal_column("statement_fts").op("MATCH")


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
            topic_id = session.connection().execute(TOPIC_ID, {"slug": f.topic.lower()}).scalar()
            if topic_id is None:
                return None
            tagged.append(StatementTopic.topic_id == topic_id)
        if f.stance is not None:
            tagged.append(StatementTopic.stance == f.stance)
        # Correlated to the outer statement only: facet queries join statementtopic themselves.
        conds.append(
            select(StatementTopic.statement_id)
            .where(*tagged)
            .correlate_except(StatementTopic)
            .exists()
        )
    if f.type is not None:
        conds.append(Statement.type == f.type)
    if f.article_id is not None:
        conds.append(Statement.article_id == f.article_id)
    if f.source is not None:
        conds.append(Statement.source == f.source)
    if f.since is not None:
        conds.append(col(Statement.dated_at) >= f.since)
    if f.until is not None:
        conds.append(col(Statement.dated_at) <= f.until)
    if f.match is not None:
        conds.append(FTS_MATCH(f.match))
    return conds


def _filtered(stmt: Select, f: StatementFilter, conds: list[ColumnElement[bool]]) -> Select:
    if f.match is not None:
        stmt = stmt.join(FTS, FTS.c.rowid == Statement.id)
    return stmt.where(*conds)


def _sort_key(sort: Sort) -> ColumnElement:
    return FTS.c.rank if sort is Sort.relevance else col(Statement.dated_at)


def cursor_key(sort: Sort, raw: object) -> float | datetime:
    """The sort value a cursor carries; ValueError when it cannot be one."""
    if sort is Sort.relevance:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise ValueError("relevance cursor needs a number")
        return float(raw)
    if not isinstance(raw, str):
        raise ValueError("date cursor needs an ISO date")
    return datetime.fromisoformat(raw)


def _after(
    sort: Sort, key: ColumnElement, position: dict | None, ident: ColumnElement | None = None
) -> list[ColumnElement[bool]]:
    """Keyset condition: rows strictly after the cursor's (sort key, id) in the list order."""
    if not position:
        return []
    last_id, value = position["id"], cursor_key(sort, position.get("key"))
    ident = col(Statement.id) if ident is None else ident
    if sort is Sort.newest:
        return [or_(key < value, and_(key == value, ident < last_id))]
    return [or_(key > value, and_(key == value, ident > last_id))]


def _ranked_page(f: StatementFilter, position: dict | None, limit: int) -> ColumnElement[bool]:
    """For a search by text alone, best first: the page's ids ranked by FTS5 on its own, so the
    sort holds two numbers per match instead of whole statements, and statements are read and
    snippets made for the page only. `+ 0` keeps SQLite filtering its one MATCH scan by these
    ids: looking each id up in the FTS index would run the whole MATCH again per id."""
    page = (
        select(FTS.c.rowid)
        .where(FTS_MATCH(f.match), *_after(Sort.relevance, FTS.c.rank, position, FTS.c.rowid))
        .order_by(FTS.c.rank, FTS.c.rowid)
        .limit(limit)
    )
    return (FTS.c.rowid + 0).in_(page)


# The statement columns a public statement is built from, in one place for every query.
STATEMENT_COLUMNS = (
    col(Statement.id),
    col(Statement.article_id),
    col(Statement.speaker_id),
    col(Statement.speaker_mention),
    col(Statement.content),
    col(Statement.type),
    col(Statement.cue),
    col(Statement.content_start),
    col(Statement.content_end),
    col(Statement.speaker_start),
    col(Statement.speaker_end),
    col(Statement.cue_start),
    col(Statement.cue_end),
    col(Statement.sentence_index),
    col(Statement.confidence),
    col(Statement.dated_at),
)


@dataclass(frozen=True)
class Found:
    statement: dict[str, Any]  # a StatementPublic in its JSON shape
    key: object  # the sort value, for the next cursor
    snippet: str | None = None
    score: float | None = None


def find_statements(
    session: Session, f: StatementFilter, sort: Sort, position: dict | None, limit: int
) -> list[Found]:
    conds = _conditions(session, f)
    if conds is None:
        return []
    if sort is Sort.relevance and f.match is None:
        sort = Sort.newest
    key = _sort_key(sort)
    extra = []
    if f.match is not None:
        extra = [
            func.snippet(literal_column("statement_fts"), 0, "<mark>", "</mark>", "…", 24),
            FTS.c.rank,
        ]
    if sort is Sort.relevance and replace(f, match=None) == StatementFilter():
        conds = [*conds, _ranked_page(f, position, limit)]
    else:
        conds = conds + _after(sort, key, position)
    stmt = _filtered(select(*STATEMENT_COLUMNS, *extra), f, conds)
    order = [key.desc(), col(Statement.id).desc()] if sort is Sort.newest else [key, Statement.id]
    rows = session.connection().execute(stmt.order_by(*order).limit(limit)).all()
    statements = statement_dicts(session, rows)
    out: list[Found] = []
    for row, public in zip(rows, statements, strict=True):
        if f.match is not None:
            rank = row.rank
            value = rank if sort is Sort.relevance else row.dated_at.isoformat()
            out.append(Found(public, value, snippet=row.snippet, score=round(-rank, 6)))
        else:
            out.append(Found(public, row.dated_at.isoformat()))
    return out


def count_statements(session: Session, f: StatementFilter) -> int:
    conds = _conditions(session, f)
    if conds is None:
        return 0
    return session.exec(_filtered(select(func.count()).select_from(Statement), f, conds)).one()


def facets(
    session: Session, f: StatementFilter, names: Sequence[FacetName], size: int
) -> dict[str, Facet]:
    """Counts per value over the filtered statements, biggest first; `truncated` when more
    values exist than `size` (one extra row is asked for to know)."""
    conds = _conditions(session, f)
    out: dict[str, Facet] = {}
    for name in names:
        if conds is None:
            out[name] = Facet(values=[], truncated=False)
            continue
        # (statement, topic) pairs are unique, so topics count rows; a statement may hold one
        # stance on several topics, so stances count statements.
        n = func.count(func.distinct(Statement.id)) if name is FacetName.stance else func.count()
        value: ColumnElement = {
            FacetName.speaker: col(Statement.speaker_id),
            FacetName.topic: col(StatementTopic.topic_id),
            FacetName.stance: col(StatementTopic.stance),
            FacetName.type: col(Statement.type),
            FacetName.source: col(Statement.source),
        }[name]
        base = select(value, n).select_from(Statement)
        if name in (FacetName.topic, FacetName.stance):
            base = base.join(StatementTopic, col(StatementTopic.statement_id) == col(Statement.id))
        stmt = _filtered(base, f, conds).group_by(value).order_by(n.desc(), value).limit(size + 1)
        rows = list(session.exec(stmt).all())  # type: ignore[call-overload]
        truncated = len(rows) > size
        rows = rows[:size]
        ids = [v for v, _ in rows if v is not None]
        labels: dict = {}
        if name is FacetName.speaker:
            labels = dict(
                session.exec(select(Speaker.id, Speaker.name).where(col(Speaker.id).in_(ids))).all()
            )
        elif name is FacetName.topic:
            # Topics are named by slug, the value every filter takes.
            slugs = dict(
                session.exec(select(Topic.id, Topic.slug).where(col(Topic.id).in_(ids))).all()
            )
            rows = [(slugs.get(v), c) for v, c in rows]
        out[name] = Facet(
            values=[
                FacetValue(value=v, label=labels.get(v) if labels else None, count=c)
                for v, c in rows
            ],
            truncated=truncated,
        )
    return out


def statement_dicts(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Statements in the JSON shape of StatementPublic, field for field, with their speaker and
    topics loaded in two queries, not 2 per row. Rows are anything with the statement's column
    attributes (table rows or ORM objects). Plain dicts, because validating a model per row cost
    more than the queries; tests check the shape against the model."""
    speaker_ids = {r.speaker_id for r in rows if r.speaker_id is not None}
    speakers: dict[int, dict[str, Any]] = {}
    if speaker_ids:
        found = session.connection().execute(SPEAKER_REFS, {"ids": list(speaker_ids)})
        speakers = {i: {"id": i, "slug": s, "name": n, "kind": k} for i, s, n, k in found}
    topics: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        tag_rows = session.connection().execute(TAGS, {"ids": [r.id for r in rows]})
        for statement_id, slug, stance, score, evidence in tag_rows:
            topics[statement_id].append(
                {
                    "topic": slug,
                    "stance": stance,
                    "score": score,
                    "evidence": [_evidence(e) for e in evidence if not e.get("stance")],
                    "stance_evidence": [_evidence(e) for e in evidence if e.get("stance")],
                }
            )
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "speaker": speakers.get(r.speaker_id) if r.speaker_id is not None else None,
            "speaker_mention": r.speaker_mention,
            "content": r.content,
            "type": r.type,
            "cue": r.cue,
            "content_span": [r.content_start, r.content_end],
            "speaker_span": _span(r.speaker_start, r.speaker_end),
            "cue_span": _span(r.cue_start, r.cue_end),
            "sentence_index": r.sentence_index,
            "confidence": r.confidence,
            "topics": topics.get(r.id, []),
        }
        for r in rows
    ]


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    # Stored evidence may carry more keys (`stance`); the public item has these two.
    return {"text": item["text"], "span": item["span"]}


def statements_public(session: Session, rows: Sequence[Any]) -> list[StatementPublic]:
    return [StatementPublic.model_validate(d) for d in statement_dicts(session, rows)]


def _span(start: int | None, end: int | None) -> list[int] | None:
    return [start, end] if start is not None and end is not None else None


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    # Parsed on demand and cached: storing every sentence of every article is not worth it.
    return tuple((s.start_char, s.end_char) for s in get_nlp()(text).sents)


def statement_context(text: str, start: int, end: int, window: int) -> StatementContext:
    spans = _sentences(text)
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    first, last = (inside[0], inside[-1]) if inside else (0, -1)

    def pick(lo: int, hi: int) -> list[ContextSentence]:
        return [ContextSentence(text=text[s:e], span=(s, e)) for s, e in spans[max(lo, 0) : hi]]

    return StatementContext(
        before=pick(first - window, first),
        sentences=pick(first, last + 1),
        after=pick(last + 1, last + 1 + window),
    )


def statement_detail(session: Session, statement_id: int, window: int) -> StatementDetail | None:
    row = session.get(Statement, statement_id)
    if row is None:
        return None
    article = session.get(Article, row.article_id)
    speaker = session.get(Speaker, row.speaker_id) if row.speaker_id is not None else None
    assert article is not None and article.id is not None
    return StatementDetail.model_validate(
        statements_public(session, [row])[0],
        update={
            "article": article_public(
                article, _statement_counts(session, [article.id])[article.id]
            ),
            "speaker_record": speaker_detail(session, speaker) if speaker else None,
            "context": statement_context(article.text, row.content_start, row.content_end, window),
        },
    )


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


def _page_with_counts(
    session: Session, model: type[Speaker] | type[Topic], counted: Any, after: int, limit: int
) -> list[tuple[Any, int]]:
    """A page of `model` rows by id, each with the number of rows of `counted` joined to it."""
    rows = session.exec(
        select(model, func.count(counted))
        .join(counted.table, isouter=True)
        .where(col(model.id) > after)
        .group_by(col(model.id))
        .order_by(col(model.id))
        .limit(limit)
    ).all()
    return list(rows)


def list_speakers(session: Session, after: int, limit: int) -> list[SpeakerPublic]:
    rows = _page_with_counts(session, Speaker, col(Statement.id), after, limit)
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
    rows = _page_with_counts(session, Topic, col(StatementTopic.statement_id), after, limit)
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
