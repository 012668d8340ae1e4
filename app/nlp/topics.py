"""Topics: tag a statement's content with taxonomy topics, each with a stance and evidence.

Terms are matched on lemmas (``transit`` and ``railways`` hit ``transit`` and ``railway``) and
on lower-cased words, with phrase matchers compiled once per taxonomy, so tagging a span is a
few hash look-ups over its tokens. Term syntax in the data file:
- ``foreign presence``: a phrase;
- ``regional countries + cooperation``: all parts must occur in the statement, in any order;
- ``~territorial claim``: names the topic's opposite, so the stance toward it is inverted;
- acronyms (``UN``, ``OIC``) match case-sensitively so ``us`` is not the ``US``.
A topic's ``exclude`` phrases veto its terms where they overlap (``relations among`` several
countries is not bilateral).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from app.nlp.parse import get_nlp
from app.nlp.stance import StanceLexicon, default_lexicon, in_purpose_clause, stance_for
from app.nlp.types import Evidence, TopicTag

DATA_PATH = Path(__file__).parent / "data" / "topics.json"
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PART_SEP = " +"
INVERTED = "~"
# Weight of one mention: a topic named once scores 0.6, more mentions push it toward 1.
# Mentions inside a purpose clause ("walls … in order to promote security") are background.
MENTION_WEIGHT = 0.6
PURPOSE_WEIGHT = 0.5
# Names whose parts may contain topic words: "Muslim Brotherhood Mosque", "Energy Ministry".
NAME_ENTS = frozenset(
    {"ORG", "FAC", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "GPE", "LOC"}
)


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Term:
    topic: int  # index into Taxonomy.topics
    parts: int  # how many phrases must all occur
    inverted: bool


@dataclass(slots=True)
class Taxonomy:
    """Topics plus their compiled matchers; build with compile_taxonomy."""

    topics: tuple[Topic, ...]
    nlp: Language
    lexicon: StanceLexicon
    matchers: tuple[PhraseMatcher, ...]
    # phrase key -> (term index, part index) for every term part that phrase realises
    phrases: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    # phrase key -> topics the phrase vetoes
    vetoes: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # phrase keys of single nouns ("talks") that must not match a verb ("he talks")
    nouns_only: frozenset[int] = frozenset()
    terms: tuple[_Term, ...] = ()


def parse_topics(data: list[dict]) -> tuple[Topic, ...]:
    if not isinstance(data, list):
        raise ValueError("topics data must be a JSON list of objects")
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            raise ValueError(f"topic #{n} is not an object")
        slug = item.get("slug")
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            raise ValueError(f"topic #{n}: slug {slug!r} must match {SLUG_RE.pattern}")
        if slug in seen:
            raise ValueError(f"topic {slug!r} is defined twice")
        seen.add(slug)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"topic {slug!r}: label must be a non-empty string")
        description = item.get("description", "")
        if not isinstance(description, str) or "\n" in description:
            raise ValueError(f"topic {slug!r}: description must be one line of text")
        terms = _strings(item.get("terms"), slug, "terms")
        if not terms:
            raise ValueError(f"topic {slug!r}: terms must be a non-empty list of strings")
        for term in terms:
            if any(not p for p in _parts(term)):
                raise ValueError(f"topic {slug!r}: malformed term {term!r}")
        exclude = _strings(item.get("exclude", []), slug, "exclude")
        topics.append(Topic(slug, label.strip(), description.strip(), terms, exclude))
    return tuple(topics)


def _parts(term: str) -> list[str]:
    return [p.strip() for p in term.removeprefix(INVERTED).split(PART_SEP)]


def _strings(value: object, slug: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"topic {slug!r}: {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def load_topics(path: Path | None = None) -> tuple[Topic, ...]:
    with (path or DATA_PATH).open(encoding="utf-8") as fh:
        return parse_topics(json.load(fh))


def _is_acronym(phrase: str) -> bool:
    return any(len(w) > 1 and w.isupper() for w in phrase.split())


def compile_taxonomy(
    topics: Sequence[Topic], nlp: Language, lexicon: StanceLexicon | None = None
) -> Taxonomy:
    lemma_m = PhraseMatcher(nlp.vocab, attr="LEMMA")
    lower_m = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth_m = PhraseMatcher(nlp.vocab, attr="ORTH")
    phrases: dict[int, list[tuple[int, int]]] = {}
    vetoes: dict[int, list[int]] = {}
    terms: list[_Term] = []
    # phrase text -> where it is used; each distinct phrase is compiled once
    uses: dict[str, list[tuple[int, int]]] = {}
    veto_uses: dict[str, list[int]] = {}
    for ti, topic in enumerate(topics):
        for raw in topic.terms:
            parts = _parts(raw)
            terms.append(_Term(ti, len(parts), raw.startswith(INVERTED)))
            for pi, part in enumerate(parts):
                uses.setdefault(part, []).append((len(terms) - 1, pi))
        for phrase in topic.exclude:
            veto_uses.setdefault(phrase, []).append(ti)

    texts = sorted(set(uses) | set(veto_uses))
    plain = [t for t in texts if not _is_acronym(t)]
    # Lemmas come from the same pipeline that parses articles; the lower-cased variant covers
    # capitalised terms that the tagger lemmatises differently ("Muslim" vs "muslim").
    disable = [p for p in ("parser", "ner") if p in nlp.pipe_names]
    variants = [v for t in plain for v in (t, t.lower())]
    tagged = dict(zip(variants, nlp.pipe(variants, disable=disable), strict=True))
    nouns_only: set[int] = set()
    for text in texts:
        name = f"phrase:{text}"
        key = nlp.vocab.strings.add(name)  # the label matches carry
        if _is_acronym(text):
            orth_m.add(name, [nlp.make_doc(text)])
        else:
            lower_m.add(name, [nlp.make_doc(text.lower())])
            # A gerund's lemma is a verb with wider senses: "fighting" is war, but "fight"
            # is also "fight corruption"; gerunds match as written.
            if " " in text or not text.endswith("ing"):
                lemma_docs: dict[tuple[str, ...], Doc] = {}
                for variant in (text, text.lower()):
                    doc = tagged[variant]
                    lemma_docs.setdefault(tuple(t.lemma_ for t in doc), doc)
                lemma_m.add(name, list(lemma_docs.values()))
            doc = tagged[text]
            if len(doc) == 1 and doc[0].pos_ == "NOUN":
                nouns_only.add(key)
        if text in uses:
            phrases[key] = uses[text]
        if text in veto_uses:
            vetoes[key] = veto_uses[text]
    return Taxonomy(
        topics=tuple(topics),
        nlp=nlp,
        lexicon=lexicon or default_lexicon(),
        matchers=(lemma_m, lower_m, orth_m),
        phrases={k: tuple(v) for k, v in phrases.items()},
        vetoes={k: tuple(v) for k, v in vetoes.items()},
        nouns_only=frozenset(nouns_only),
        terms=tuple(terms),
    )


@functools.cache
def default_taxonomy() -> Taxonomy:
    return compile_taxonomy(load_topics(), get_nlp())


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """The match is a word inside a longer proper name that is not about it."""
    first = doc[start]
    if first.ent_iob_ in {"B", "I"} and first.ent_type_ in NAME_ENTS:
        a = start
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        b = end
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
        if (a, b) != (start, end) and not start <= doc[a:b].root.i < end:
            return True
    root = doc[start:end].root
    head = root.head
    return (
        root.dep_ in {"compound", "amod"}
        and head.pos_ == "PROPN"
        and not start <= head.i < end
        and all(t.is_title or t.is_upper for t in doc[start:end])
    )


def tag_span(span: Span, taxonomy: Taxonomy) -> tuple[TopicTag, ...]:
    """Topics of one statement's content span (a Span of the parsed article)."""
    doc = span.doc
    hits: set[tuple[int, int, int]] = set()
    for matcher in taxonomy.matchers:
        for m in matcher(span, as_spans=True):
            hits.add((m.start, m.end, m.label))
    if not hits:
        return ()

    veto_ranges = [
        (s, e, ti) for s, e, k in hits if k in taxonomy.vetoes for ti in taxonomy.vetoes[k]
    ]
    found: list[tuple[int, int, int]] = []
    for s, e, k in hits:
        if k not in taxonomy.phrases:
            continue
        if k in taxonomy.nouns_only and doc[s].pos_ in {"VERB", "AUX"}:
            continue
        if _inside_name(doc, s, e):
            continue
        # A phrase all of whose topics are vetoed here is no mention at all, so it must not
        # shadow a shorter one below ("cooperation between regional states" keeps the
        # "cooperation" of regional cooperation once its bilateral reading is vetoed).
        topics_here = {taxonomy.terms[t].topic for t, _ in taxonomy.phrases[k]}
        if all(
            any(vs < e and s < ve and vt == ti for vs, ve, vt in veto_ranges) for ti in topics_here
        ):
            continue
        found.append((s, e, k))
    # Longest match wins across topics: "Muslim countries" is the Muslim world, and its
    # "Muslim" is not a second, religious, mention; equal spans may serve several topics.
    found = [
        h
        for h in found
        if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in found)
    ]

    # term index -> part index -> spans
    parts: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for s, e, k in found:
        for term_i, part_i in taxonomy.phrases[k]:
            topic_i = taxonomy.terms[term_i].topic
            if any(vs < e and s < ve and vt == topic_i for vs, ve, vt in veto_ranges):
                continue
            parts.setdefault(term_i, {}).setdefault(part_i, []).append((s, e))

    # topic index -> mentions as (start, end, inverted)
    mentions: dict[int, dict[tuple[int, int], bool]] = {}
    for term_i, by_part in parts.items():
        term = taxonomy.terms[term_i]
        if len(by_part) < term.parts:
            continue
        for spans in by_part.values():
            for se in spans:
                mentions.setdefault(term.topic, {}).setdefault(se, term.inverted)
    if not mentions:
        return ()

    scored: list[tuple[int, int, float, bool, list[tuple[int, int, bool]]]] = []
    for topic_i, ms in mentions.items():
        ordered = sorted((s, e, inv) for (s, e), inv in ms.items())
        primary = False
        miss = 1.0
        for s, e, _ in ordered:
            background = in_purpose_clause(doc[s:e].root)
            primary |= not background
            miss *= 1 - MENTION_WEIGHT * (PURPOSE_WEIGHT if background else 1.0)
        scored.append((ordered[0][0], topic_i, round(1 - miss, 3), primary, ordered))
    any_primary = any(item[3] for item in scored)

    tags: list[TopicTag] = []
    for _, topic_i, score, primary, ordered in sorted(scored):
        if any_primary and not primary:
            continue
        roots = [doc[s:e].root for s, e, _ in ordered]
        stance, stance_ev = stance_for(
            span, roots, taxonomy.lexicon, inverted=[inv for _, _, inv in ordered]
        )
        evidence = tuple(
            Evidence(doc[s:e].text, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
            for s, e, _ in ordered
        )
        tags.append(TopicTag(taxonomy.topics[topic_i].slug, stance, score, evidence, stance_ev))
    return tuple(tags)


def tag_text(text: str, taxonomy: Taxonomy) -> tuple[TopicTag, ...]:
    """Parse text and tag it whole; for tests and one-off use (tag_span reuses a parse)."""
    doc = taxonomy.nlp(text)
    return tag_span(doc[:], taxonomy)
