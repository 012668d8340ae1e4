"""The stored taxonomy: users own it, statements are re-tagged when it changes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from sqlmodel import Session, col, delete, select

from app.models import Statement, StatementTopic, Topic
from app.nlp.parse import get_nlp
from app.nlp.topics import Taxonomy, compile_taxonomy, tag_span
from app.nlp.topics import Topic as TopicDef
from app.nlp.types import Evidence, TopicTag

RETAG_BATCH = 256


def topic_def(row: Topic) -> TopicDef:
    return TopicDef(row.slug, row.label, row.description, tuple(row.terms), tuple(row.exclude))


@lru_cache(maxsize=4)
def _compiled(defs: tuple[TopicDef, ...]) -> Taxonomy:
    return compile_taxonomy(defs, get_nlp())


def stored_taxonomy(session: Session) -> Taxonomy:
    """The taxonomy as stored now, compiled once per distinct content."""
    rows = session.exec(select(Topic).order_by(col(Topic.id))).all()
    return _compiled(tuple(topic_def(r) for r in rows))


def seed_topics(session: Session, topics: Iterable[TopicDef]) -> int:
    """Store the default taxonomy in an empty topic table; a taxonomy users edited is theirs."""
    if session.exec(select(Topic.id).limit(1)).first() is not None:
        return 0
    rows = [
        Topic(
            slug=t.slug,
            label=t.label,
            description=t.description,
            terms=list(t.terms),
            exclude=list(t.exclude),
        )
        for t in topics
    ]
    session.add_all(rows)
    session.commit()
    return len(rows)


def evidence_json(items: Sequence[Evidence], shift: int = 0, stance: bool = False) -> list[dict]:
    out: list[dict] = []
    for e in items:
        entry: dict = {"text": e.text, "span": [e.span[0] + shift, e.span[1] + shift]}
        if stance:
            entry["stance"] = True
        out.append(entry)
    return out


def tag_row(statement_id: int, topic_id: int, tag: TopicTag, shift: int = 0) -> StatementTopic:
    return StatementTopic(
        statement_id=statement_id,
        topic_id=topic_id,
        stance=tag.stance,
        score=tag.score,
        evidence=evidence_json(tag.evidence, shift)
        + evidence_json(tag.stance_evidence, shift, stance=True),
    )


def _statements(session: Session) -> Iterator[list[tuple[int, str, int]]]:
    last = 0
    while True:
        batch = session.exec(
            select(Statement.id, Statement.content, Statement.content_start)
            .where(col(Statement.id) > last)
            .order_by(col(Statement.id))
            .limit(RETAG_BATCH)
        ).all()
        if not batch:
            return
        yield [(i, c, s) for i, c, s in batch if i is not None]
        last = batch[-1][0] or last


def retag(session: Session, topics: Sequence[Topic]) -> tuple[int, int]:
    """Recompute these topics' tags on every stored statement, in the caller's transaction.

    The whole stored taxonomy tags each statement (topics compete for a statement), and only
    these topics' tags are kept: one parse of each statement, however many topics changed.
    Returns (statements scanned, tags written).
    """
    ids = {t.slug: t.id for t in topics if t.id is not None}
    if not ids:
        return 0, 0
    session.exec(delete(StatementTopic).where(col(StatementTopic.topic_id).in_(ids.values())))
    taxonomy = stored_taxonomy(session)
    nlp = get_nlp()
    scanned = tagged = 0
    for batch in _statements(session):
        docs = nlp.pipe(content for _, content, _ in batch)
        for (statement_id, _, start), doc in zip(batch, docs, strict=True):
            scanned += 1
            for tag in tag_span(doc[:], taxonomy):
                if tag.topic in ids:
                    # Evidence offsets are into the article; the content was parsed alone.
                    session.add(tag_row(statement_id, ids[tag.topic], tag, shift=start))  # type: ignore[arg-type]
                    tagged += 1
    return scanned, tagged


def import_topics(session: Session, defs: Sequence[TopicDef]) -> tuple[int, int, int]:
    """Add new topics and change existing ones by slug, then re-tag what changed; one commit.

    Returns (added, changed, tags written). Topics not in `defs` are left alone.
    """
    stored = {t.slug: t for t in session.exec(select(Topic)).all()}
    touched: list[Topic] = []
    added = 0
    for d in defs:
        fields = {
            "label": d.label,
            "description": d.description,
            "terms": list(d.terms),
            "exclude": list(d.exclude),
        }
        row = stored.get(d.slug)
        if row is None:
            row = Topic(slug=d.slug, **fields)
            added += 1
        elif topic_def(row) == d:
            continue
        else:
            row.sqlmodel_update(fields)
        session.add(row)
        touched.append(row)
    try:
        session.flush()
        _, tagged = retag(session, touched)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return added, len(touched) - added, tagged
