"""Attribution engine: plain text in, typed statements out.

    from app.nlp import extract
    extraction = extract(article_text)

The stages are separate modules of small functions over a parsed spaCy ``Doc``:
``parse`` (model), ``quotes`` (direct quotes), ``reported`` (cue verbs and their clauses),
``speakers`` (canonical speakers), and the optional ``topics``/``stance`` modules.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from app.nlp.draft import Draft, SpanIndex
from app.nlp.learned import CueModel, learned_drafts
from app.nlp.lexicon import Lexicon, get_lexicon
from app.nlp.parse import MAX_CHARS, get_nlp
from app.nlp.quotes import Quote, QuoteIndex, attribute_quotes, find_quotes, inside_mask
from app.nlp.reported import (
    colon_statements,
    cue_subjects,
    find_reported,
    noun_statements,
)
from app.nlp.speakers import DATELINE, resolve_all
from app.nlp.topics import Taxonomy, default_taxonomy, tag_span
from app.nlp.types import Extraction, Statement, StatementType, TopicTag

log = logging.getLogger(__name__)

__all__ = ["extract", "extract_doc", "extract_many", "statement_to_json"]

TRIM = frozenset(" \t\r\n\u00a0.,;:")
QUOTE_MARKS = frozenset("\"'“”‘’«»„`")


# Markup is blanked out (same length, so offsets into the original text stay valid): the
# tokenizer would otherwise glue tags to words ("p>“We").
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,1000}>|<!--.*?-->", re.DOTALL)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "table",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "title",
        "body",
        "html",
        "head",
    }
)


def _blank(m: re.Match[str]) -> str:
    tag = (m.group(1) or "").lower() if m.lastindex else ""
    lead = "\n" if tag in _BLOCK_TAGS else " "
    return lead + "".join(ch if ch == "\n" else " " for ch in m.group(0)[1:])


def prepare_text(text: str) -> str:
    """The text the parser sees: capped so one huge input cannot exhaust memory (only the
    tail is dropped) and with markup blanked out; offsets into the original stay valid."""
    text = text[:MAX_CHARS]
    if "<" in text and ">" in text:
        text = _SCRIPT.sub(_blank, text)
        text = _TAG.sub(_blank, text)
    return text


def extract(text: str, taxonomy: Taxonomy | None = None) -> Extraction:
    """Statements of one article, tagged with `taxonomy` (default: the shipped one)."""
    if not text or not text.strip():
        return Extraction()
    return extract_doc(get_nlp()(prepare_text(text)), text[:MAX_CHARS], taxonomy)


# Documents parsed together: the parser's arrays grow with the batch (32 news articles peak near
# 570 MB, 4 near 300 MB) while words per second stay the same.
BATCH_SIZE = 4


def extract_many(
    texts: Iterable[str], batch_size: int = BATCH_SIZE, taxonomy: Taxonomy | None = None
) -> Iterator[Extraction]:
    """Extract from a stream of texts; ``nlp.pipe`` batches the parse and keeps memory flat."""
    nlp = get_nlp()
    pairs = ((prepare_text(t or ""), (t or "")[:MAX_CHARS]) for t in texts)
    for doc, original in nlp.pipe(pairs, batch_size=batch_size, as_tuples=True):
        if not doc.text.strip():
            yield Extraction()
        else:
            yield extract_doc(doc, original, taxonomy)


def extract_doc(
    doc: Doc,
    original: str | None = None,
    taxonomy: Taxonomy | None = None,
    cue_model: CueModel | None = None,
) -> Extraction:
    """Statements of a parsed document. ``original`` is the text as ingested when the parser
    saw a masked copy of it (see ``prepare_text``); strings are cut from it. Topics come from
    `taxonomy`, the shipped default when None (a service passes the one its users edited).
    Verbs outside the cue lists are scored by `cue_model`, the shipped one when None."""
    lex = get_lexicon()
    text = doc.text
    source = original if original is not None and len(original) == len(text) else text
    quotes = find_quotes(text)
    mask = inside_mask(doc, quotes)
    drafts = rule_drafts(doc, lex, mask)
    drafts += learned_drafts(doc, lex, mask, drafts, cue_model)
    # a headline colon ("Trump: ...") only counts where no cue verb already attributes
    taken = SpanIndex()
    for i, d in enumerate(drafts):
        taken.add(d.content_start, d.content_end, i)
    drafts += [c for c in colon_statements(doc, lex, mask) if not _overlaps_any(c, taken)]
    drafts = attribute_quotes(doc, quotes, drafts, cue_subjects(doc, lex, mask))
    drafts = prune(drafts)
    drafts.sort(key=lambda d: (d.content_start, d.content_end))
    resolved, speakers = resolve_all(doc, _by_source_order(drafts), lex)
    by_id = {id(d): r for d, r in zip(_by_source_order(drafts), resolved, strict=True)}
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    sent_starts = [s.start for s in doc.sents]
    qindex = QuoteIndex(quotes)
    statements: list[Statement] = []
    for d in drafts:
        r = by_id[id(d)]
        kind = quote_type(text, d, qindex)
        cs, ce = trim_content(text, d.content_start, d.content_end, kind == "direct")
        if cs >= ce:
            continue
        cue = source[d.cue_start : d.cue_end] if d.cue_start is not None else None
        st = Statement(
            content=source[cs:ce],
            content_span=(cs, ce),
            type=kind,
            cue=cue,
            cue_span=(d.cue_start, d.cue_end) if d.cue_start is not None else None,  # type: ignore[arg-type]
            speaker=r.speaker,
            speaker_mention=source[r.span[0] : r.span[1]] if r.span else r.mention,
            speaker_span=r.span,
            sentence_index=_sentence_index(doc, sent_starts, d.anchor),
            confidence=0.6 if d.continues_speaker else 0.9,
        )
        st = dataclasses.replace(st, topics=_topics(doc, cs, ce, taxonomy))
        statements.append(st)
    return Extraction(tuple(statements), tuple(speakers))


def rule_drafts(doc: Doc, lex: Lexicon, mask: Sequence[bool]) -> list[Draft]:
    """Statements of the listed cue verbs and nouns, nesting pruned."""
    return prune([*find_reported(doc, lex, mask), *noun_statements(doc, lex, mask)])


def _overlaps_any(d: Draft, others: SpanIndex) -> bool:
    return any(True for _ in others.overlapping(d.content_start, d.content_end))


def _by_source_order(drafts: Sequence[Draft]) -> list[Draft]:
    """Speakers are resolved in reading order of the sources (a quote-only paragraph follows
    the statement before it)."""
    return sorted(
        drafts,
        key=lambda d: (min(d.content_start, d.cue_start or d.content_start), d.content_start),
    )


def prune(drafts: list[Draft]) -> list[Draft]:
    """One statement per cue; continuation cues cut their governor's content; a cue inside
    another statement's content is nested and is part of that content, not a statement."""
    seen: dict[int, Draft] = {}
    unique: list[Draft] = []
    for d in drafts:
        if d.cue_token is not None:
            if d.cue_token in seen:
                continue
            seen[d.cue_token] = d
        unique.append(d)
    by_source: dict[int | None, list[Draft]] = {}
    for d in unique:
        by_source.setdefault(d.source, []).append(d)
    for b in unique:
        if not b.inherited or b.cue_start is None or b.content_start < b.cue_start:
            continue
        for a in by_source[b.source]:
            if a is not b and a.content_start < b.cue_start < a.content_end:
                a.content_end = b.cue_start
    keep: list[Draft] = []
    index = SpanIndex()
    spans: set[tuple[int, int]] = set()
    for d in sorted(unique, key=lambda d: d.content_start - d.content_end):
        anchor = d.cue_start if d.cue_start is not None else d.content_start
        if any(
            (s, e) != (d.content_start, d.content_end)
            for s, e, _ in index.overlapping(anchor, anchor + 1)
        ):
            continue
        # two cues over the very same words ("insisting ..., saying ...") make one statement
        if (d.content_start, d.content_end) in spans:
            continue
        spans.add((d.content_start, d.content_end))
        index.add(d.content_start, d.content_end, len(keep))
        keep.append(d)
    return keep


def quote_type(text: str, d: Draft, quotes: QuoteIndex) -> StatementType:
    cs, ce = d.content_start, d.content_end
    inner = 0
    for q in quotes.overlapping(cs, ce):
        qs, qe = _strip_marks(text, q.start, q.end)
        s, e = _strip_marks(text, _skip(text, cs, ce), _rskip(text, cs, ce))
        if qs <= s and e <= qe + 1:
            return "direct"
        inner += 1
    if inner:
        s, e = _skip(text, cs, ce), _rskip(text, cs, ce)
        if (
            text[s] in QUOTE_MARKS
            and text[e - 1] in QUOTE_MARKS
            and _only_cue_outside(text, s, e, list(quotes.overlapping(s, e)), d.cue_start)
        ):
            return "direct"
        return "mixed"
    return "indirect"


def _only_cue_outside(
    text: str, s: int, e: int, quotes: Sequence[Quote], cue_start: int | None
) -> bool:
    """``“A,” he said, “B.”``: every word outside the quotes belongs to the cue clause."""
    pos = s
    for q in sorted(quotes, key=lambda q: q.start):
        if q.end <= s or q.start >= e:
            continue
        gap = text[pos : q.start]
        if any(ch.isalnum() for ch in gap) and not (
            cue_start is not None and pos <= cue_start < q.start
        ):
            return False
        pos = max(pos, q.end)
    return not any(ch.isalnum() for ch in text[pos:e])


def _skip(text: str, s: int, e: int) -> int:
    while s < e and (text[s] in TRIM):
        s += 1
    return s


def _rskip(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1] in TRIM):
        e -= 1
    return e


def _strip_marks(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in QUOTE_MARKS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in QUOTE_MARKS or text[e - 1].isspace()):
        e -= 1
    return s, e


def trim_content(text: str, s: int, e: int, direct: bool) -> tuple[int, int]:
    """Content without surrounding spaces and, for a direct quote, its outer marks and the
    comma that only joins it to the cue. A wire dateline (``WASHINGTON (AP) — ``) opening
    the content is the narrator's, not the source's."""
    s, e = _skip(text, s, e), _rskip(text, s, e)
    if s == 0 or text[s - 1] == "\n":
        dateline = DATELINE.match(text, s, e)
        s = dateline.end() if dateline else s
    if direct:
        s, e = _strip_marks(text, s, e)
        while e > s and text[e - 1] in ", \n":
            e -= 1
    return s, e


def _sentence_index(doc: Doc, sent_starts: Sequence[int], token_i: int) -> int:
    if not len(doc):
        return 0
    token_i = min(max(token_i, 0), len(doc) - 1)
    return max(bisect.bisect_right(sent_starts, token_i) - 1, 0)


def _topics(doc: Doc, start: int, end: int, taxonomy: Taxonomy) -> tuple[TopicTag, ...]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    try:
        return tag_span(span, taxonomy)
    except Exception:  # a topic bug must not take attribution down with it
        log.exception("topic tagging failed for span [%d, %d)", start, end)
        return ()


def statement_to_json(s: Statement) -> dict[str, Any]:
    """The extractor-out statement dict of eval/README.md."""
    return {
        "content": s.content,
        "content_span": list(s.content_span),
        "speaker": s.speaker,
        "speaker_mention": s.speaker_mention,
        "speaker_span": list(s.speaker_span) if s.speaker_span is not None else None,
        "cue": s.cue,
        "cue_span": list(s.cue_span) if s.cue_span is not None else None,
        "type": s.type,
        "topics": [{"topic": t.topic, "stance": t.stance} for t in s.topics],
    }
