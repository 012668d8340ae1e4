"""A learned cue detector: verbs and predicate adjectives that attribute content in frames
the word lists do not cover.

PolNeAR counts beliefs, intentions, findings and polls as attributions (``X understands that
...``, ``the survey gave Clinton a lead``), and many of their words are attributions only in
some frames. A small logistic model over parse features scores each verb (or ``is confident
that`` adjective) that no kept statement uses as its cue; one scored above the shipped
threshold becomes a statement through the clause machinery of the listed cues
(``reported._draft_for_verb``), or, for the frames that machinery leaves to the lists, through
``frame_draft`` / ``adjective_draft``, so its content, source and speaker follow the same
rules. ``scripts/train_cues.py`` trains the weights on PolNeAR train.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from app.nlp.draft import Draft, SpanIndex, token_draft
from app.nlp.lexicon import Lexicon
from app.nlp.reported import (
    PERSONAL_PRONOUNS,
    _asks_anonymity,
    _draft_for_verb,
    _extend_right,
    _in_paragraph,
    _is_time,
    _lemma_in,
    _reciprocal,
    _subtree_range,
    _trim_tokens,
    is_verb,
    prep_object,
    subject_of,
)

MODEL_PATH = Path(__file__).parent / "data" / "cue_model.json"
# Features must mean the same at training and at run time: the model file names the version
# it was trained with and is ignored when it differs.
FEATURE_VERSION = 6
NAMED_KINDS = ("PERSON", "ORG", "NORP", "GPE")
# "X was apparently referring to ...": the narrator's interpretation, not X's statement
HEDGES = frozenset({"apparently", "seemingly", "presumably", "evidently", "perhaps", "maybe"})


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    # share of a lemma's uses (outside quotes) that lie in a cue in PolNeAR train, the rules'
    # cues included: how often the word attributes at all, whatever the frame
    cue_rates: dict[str, float] = dataclasses.field(default_factory=dict)

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> dict[str, object]:
        return {
            "feature_version": FEATURE_VERSION,
            "threshold": self.threshold,
            "bias": self.bias,
            "weights": self.weights,
            "cue_rates": self.cue_rates,
        }


# A model that accepts nothing: extraction by the rules alone (for measuring them).
RULES_ONLY = CueModel(weights={}, bias=0.0, threshold=2.0)


def model_from_json(data: dict) -> CueModel | None:
    if data.get("feature_version") != FEATURE_VERSION:
        return None
    return CueModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        cue_rates={str(k): float(v) for k, v in data.get("cue_rates", {}).items()},
    )


@functools.cache
def get_model() -> CueModel | None:
    """The shipped model, or None when there is none (the rules then work alone)."""
    if not MODEL_PATH.exists():
        return None
    with MODEL_PATH.open(encoding="utf-8") as fh:
        return model_from_json(json.load(fh))


def subject_kind(subj: Token | None, lex: Lexicon) -> str:
    """What kind of holder the subject is: a name by entity type, a pronoun, a noun naming a
    speaker or a document, or some other noun."""
    if subj is None:
        return "none"
    if subj.dep_ == "expl":
        return "expl"
    if subj.lower_ in PERSONAL_PRONOUNS:
        return "pron"
    if subj.pos_ == "PRON":
        return "pron_other"
    if subj.ent_type_ in NAMED_KINDS:
        return subj.ent_type_
    if subj.pos_ == "PROPN":
        return "propn"
    if _lemma_in(subj, lex.documents):
        return "document"
    if _lemma_in(subj, lex.person_nouns, lex.titles, lex.anonymous):
        return "person_noun"
    if _lemma_in(subj, lex.organizations, lex.governments, lex.groups):
        return "group_noun"
    return "noun"


def _lists_of(lemma: str, lex: Lexicon) -> list[str]:
    named = (
        ("clause", lex.clause_verbs),
        ("xcomp", lex.xcomp_verbs),
        ("object", lex.object_verbs),
        ("naming", lex.naming_verbs),
        ("reason", lex.reason_verbs),
        ("continuation", lex.continuation_verbs),
    )
    return [name for name, words in named if lemma in words]


def _length_bucket(n: int) -> str:
    return next(str(b) for b in (1, 3, 7, 15, 30) if n <= b) if n <= 30 else "long"


def statement_features(t: Token, d: Draft, lex: Lexicon) -> list[str]:
    """What the verb's statement would look like: which complement holds the content, how
    long it is, on which side of the cue, and what kind of source it has."""
    doc = t.doc
    span = doc.char_span(d.content_start, d.content_end, alignment_mode="expand")
    if span is None:
        return ["content=none"]
    link = next((x.dep_ for x in span if x.head.i == t.i != x.i), "other")
    side = "before" if span.end <= t.i else "after"
    src = doc[d.source] if d.source is not None else None
    lemma = t.lemma_.lower()
    return [
        f"content_dep={link}",
        f"lemma_content_dep={lemma}|{link}",
        f"content_len={_length_bucket(len(span))}",
        f"content_side={side}",
        f"content_quote={any(x.is_quote for x in span)}",
        f"source_kind={subject_kind(src, lex)}|{d.inherited}",
        f"link_source={link}|{subject_kind(src, lex)}",
        f"source_dep={src.dep_ if src is not None else '-'}",
    ]


def rate_features(lemma: str, rates: dict[str, float], base: Sequence[str]) -> list[str]:
    """The lemma's cue rate in tenths, alone and with the complement holding the content."""
    rate = rates.get(lemma)
    bucket = "unseen" if rate is None else str(min(int(rate * 10), 9))
    link = next((f[len("content_dep=") :] for f in base if f.startswith("content_dep=")), "-")
    return [f"cue_rate={bucket}", f"cue_rate_link={bucket}|{link}"]


def features(t: Token, d: Draft, lex: Lexicon, in_quote: Sequence[bool]) -> list[str]:
    """Parse features of a candidate cue verb and of the statement it would head: its word,
    its frame (which complements it takes), its subject's kind, its place in the sentence."""
    lemma = t.lemma_.lower()
    kids = list(t.children)
    deps = sorted({c.dep_ for c in kids})
    subj = subject_of(t)
    kind = subject_kind(subj, lex)
    has_that = any(
        g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")
        for c in kids
        if c.dep_ == "ccomp"
        for g in c.children
    )
    frame = "+".join(d for d in deps if d in ("ccomp", "xcomp", "dobj", "prep", "attr", "acomp"))
    prep = next((c.lower_ for c in kids if c.dep_ == "prep" and c.i > t.i), "-")
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > t.i), None)
    sent = t.sent
    out = [
        f"lemma={lemma}",
        f"tag={t.tag_}",
        f"dep={t.dep_}",
        f"head_pos={t.head.pos_ if t.head.i != t.i else 'self'}",
        f"dep_head={t.dep_}|{t.head.lemma_.lower() if t.head.i != t.i else '-'}",
        f"frame={frame}",
        f"lemma_frame={lemma}|{frame}",
        f"subj={kind}",
        f"lemma_subj={lemma}|{kind}",
        f"lemma_tag={lemma}|{t.tag_}",
        f"lemma_prep={lemma}|{prep}",
        f"that={has_that}",
        f"frame_subj={frame}|{has_that}|{kind}",
        f"lemma_that={lemma}|{has_that}",
        f"first_in_sent={t.i - sent.start < 3}",
        f"quote_in_sent={any(in_quote[i] for i in range(sent.start, sent.end))}",
    ]
    out += [f"child={d}" for d in deps]
    out += [f"list={name}" for name in _lists_of(lemma, lex)]
    if subj is not None and kind in ("noun", "document", "person_noun", "group_noun"):
        out.append(f"subj_lemma={subj.lemma_.lower()}")
        out.append(f"lemma_subj_lemma={lemma}|{subj.lemma_.lower()}")
    if xcomp is not None:
        out.append(f"lemma_xcomp={lemma}|{xcomp.pos_}")
    if any(c.dep_ == "neg" for c in kids):
        out.append("neg")
    if any(c.dep_ == "auxpass" for c in kids):
        out.append("passive")
    modal = next((c.lower_ for c in kids if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if modal is not None:
        out.append(f"modal={modal}")
    return out + statement_features(t, d, lex)


def candidates(
    doc: Doc, lex: Lexicon, in_quote: Sequence[bool], drafts: Sequence[Draft]
) -> Iterator[Token]:
    """Verbs (and predicate adjectives) outside quotes that no kept statement uses as its
    cue and that stand outside every kept statement's content (a cue inside a content is
    nested, as for the rules). A leading participial frame (``Pointing to the ties, he
    said ...``) introduces the statement that follows; it is not one of its own."""
    taken = {d.cue_token for d in drafts if d.cue_token is not None}
    contents = SpanIndex()
    for i, d in enumerate(drafts):
        contents.add(d.content_start, d.content_end, i)
    for t in doc:
        if in_quote[t.i] or t.i in taken or not t.is_alpha:
            continue
        if not (is_verb(t) or _predicate_adjective(t)):
            continue
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.i < t.head.i:
            continue
        if t.pos_ == "AUX" or t.dep_ in ("aux", "auxpass"):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in t.children):
            continue
        if any(True for _ in contents.overlapping(t.idx, t.idx + 1)):
            continue
        yield t


COPULAS = frozenset({"be", "seem", "remain", "become", "appear", "feel", "sound", "look"})


def _predicate_adjective(t: Token) -> bool:
    """``Smith is confident that ...`` / ``voters are skeptical of ...``: a state of mind."""
    return (
        t.pos_ == "ADJ"
        and t.dep_ == "acomp"
        and t.head.lemma_.lower() in COPULAS
        and any(c.dep_ in ("ccomp", "xcomp", "prep") and c.i > t.i for c in t.children)
    )


def _prep_object(t: Token) -> tuple[Token, Token] | None:
    """The first preposition after ``t`` and its object (``skeptical of X``, ``talked about X``),
    past a date (``agreed on Thursday to X``)."""
    prep = next((c for c in t.children if c.dep_ == "prep" and c.i > t.i and not _is_time(c)), None)
    obj = prep_object(prep)
    return None if prep is None or obj is None else (prep, obj)


def adjective_draft(t: Token, stop: set[int]) -> Draft | None:
    """The content of a predicate adjective is its clause, infinitive or prepositional
    object; its source is the copula's subject."""
    doc = t.doc
    src = subject_of(t.head)
    if src is None or src.dep_ == "expl":
        return None
    comp = next((c for c in t.children if c.dep_ in ("ccomp", "xcomp") and c.i > t.i), None)
    cue_hi = t.i + 1
    if comp is not None:
        lo, hi = _subtree_range(comp, stop)
        if doc[lo].lower_ == "that" and doc[lo].dep_ == "mark":
            lo, cue_hi = lo + 1, lo + 1
    else:
        found = _prep_object(t)
        if found is None:
            return None
        prep, pobj = found
        lo, hi = _subtree_range(pobj, stop)
        cue_hi = prep.i + 1
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    lo, hi = _trim_tokens(doc, max(lo, cue_hi), hi)
    if lo >= hi:
        return None
    cue_lo = min(t.head.i, t.i)
    return token_draft(doc, (lo, hi), (cue_lo, cue_hi), src.i, t.i)


def draft_for(t: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    """The statement the verb would head as a cue that takes a clause, an infinitive or an
    object: the listed cues' machinery with this verb added to the clause verbs, else one of
    the frames that machinery leaves to the listed words (``frame_draft``)."""
    if t.pos_ == "ADJ":
        return adjective_draft(t, stop)
    lemma = t.lemma_.lower()
    if lemma not in lex.clause_verbs:
        lex = dataclasses.replace(lex, clause_verbs=lex.clause_verbs | {lemma})
    return _draft_for_verb(t, lex, stop) or frame_draft(t, stop)


CHAIN_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")


def chain_subject(verb: Token, depth: int = 3) -> Token | None:
    """``went on Twitter to applaud X`` / ``..., refusing to attack his rivals`` / ``... and
    answering questions``: a verb without a subject of its own takes the subject of the
    clause it hangs from."""
    t = verb
    for _ in range(depth):
        if t.dep_ not in CHAIN_DEPS or t.head.i == t.i:
            return None
        head = t.head
        if t.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head
        if not is_verb(head):
            return None
        subj = subject_of(head)
        if subj is not None:
            return subj
        t = head
    return None


def frame_draft(t: Token, stop: set[int]) -> Draft | None:
    """``X was first reported by MSNBC`` (the passive subject is the content, the agent the
    source), ``she talked about the border`` (the object of the first preposition), verbs
    whose subject is that of the clause they hang from, and participles of a noun (``a
    merger announced Monday``: the noun is the content; ``farmers telling their stories``:
    the noun is the source)."""
    doc = t.doc
    kids = list(t.children)
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is None and _modifies_noun(t) and t.tag_ == "VBN":
        # "a megamerger announced Monday", "a court-mandated schedule": the noun is what
        # the participle reports
        passive = t.head
        stop = stop | {t.i}
    cue_hi = t.i + 1
    target: Token | None = None
    if passive is not None:
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        src = None if agent is None else next((g for g in agent.children if g.dep_ == "pobj"), None)
        target = passive
        if agent is not None:
            cue_hi = agent.i + 1 if agent.i > t.i else cue_hi
    else:
        src = subject_of(t) or chain_subject(t)
        if src is None and _modifies_noun(t) and t.tag_ == "VBG":
            # "Hispanics telling their family stories", "disclaimers urging calm"
            src = t.head
        if src is None:
            return None
        target = next((c for c in kids if c.dep_ == "dobj" and c.i > t.i), None)
        if target is not None and _reciprocal(target):
            # "the two sides accused each other": a dispute the narrator tells
            return None
        if target is None:
            found = _prep_object(t)
            if found is None:
                return None
            prep, target = found
            cue_hi = prep.i + 1
    if src is not None and (src.dep_ == "expl" or src.i == target.i):
        return None
    lo, hi = _subtree_range(target, stop)
    if passive is None:
        hi = _extend_right(t, hi, stop)
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    lo, hi = _trim_tokens(doc, lo, hi)
    if lo >= hi or lo <= t.i < hi or _asks_anonymity(doc, lo):
        return None
    return token_draft(doc, (lo, hi), (t.i, cue_hi), src.i if src is not None else None, t.i)


def _modifies_noun(t: Token) -> bool:
    return t.dep_ in ("acl", "amod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i


def taken_spans(drafts: Sequence[Draft]) -> SpanIndex:
    """The contents and cues of kept statements, for ``free_of``."""
    index = SpanIndex()
    for d in drafts:
        add_taken(index, d)
    return index


def add_taken(index: SpanIndex, d: Draft) -> None:
    index.add(d.content_start, d.content_end, 0)
    if d.cue_start is not None and d.cue_end is not None:
        index.add(d.cue_start, d.cue_end, 0)


def free_of(d: Draft, taken: SpanIndex) -> bool:
    """The new statement's content overlaps no kept statement's content or cue."""
    return next(taken.overlapping(d.content_start, d.content_end), None) is None


def candidate_drafts(
    doc: Doc, lex: Lexicon, in_quote: Sequence[bool], drafts: Sequence[Draft]
) -> Iterator[tuple[Token, Draft]]:
    """Each candidate verb with the statement it would head, free of the rules' ``drafts``;
    a kept statement inside its content is cut out of it, as the rules cut nested cues."""
    kept = {d.cue_token for d in drafts if d.cue_token is not None}
    taken = taken_spans(drafts)
    for t in candidates(doc, lex, in_quote, drafts):
        d = draft_for(t, lex, kept)
        if d is not None and free_of(d, taken):
            yield t, d


def cue_probability(
    t: Token, d: Draft, lex: Lexicon, in_quote: Sequence[bool], model: CueModel
) -> float:
    """How likely the model finds ``t`` the cue of the statement ``d``."""
    base = features(t, d, lex, in_quote)
    return model.probability(base + rate_features(t.lemma_.lower(), model.cue_rates, base))


def learned_drafts(
    doc: Doc,
    lex: Lexicon,
    in_quote: Sequence[bool],
    drafts: Sequence[Draft],
    model: CueModel | None = None,
) -> list[Draft]:
    """Statements headed by verbs the model accepts, beside the rules' ``drafts``."""
    model = model if model is not None else get_model()
    if model is None:
        return []
    out: list[Draft] = []
    taken = SpanIndex()
    for t, d in candidate_drafts(doc, lex, in_quote, drafts):
        if cue_probability(t, d, lex, in_quote, model) < model.threshold:
            continue
        if free_of(d, taken):
            out.append(d)
            add_taken(taken, d)
    return out
