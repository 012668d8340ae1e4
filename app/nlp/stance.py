"""Stance: whether a statement supports, opposes or merely mentions a topic.

The stance toward a topic mention is read off the dependency path from the mention up through
the statement's content to the verb that governs it (so the cue verb outside the content span
still counts: ``X rejected the deal``).
Each cue on the path multiplies the polarity, so stances compose:
``called for (+) an end (-) to the war`` opposes war; ``does not accept (-) any claim (harm)
regarding its territorial integrity`` supports territorial integrity. No cue means neutral:
a stance is never guessed.

Cue classes (data/stance.json):
- support / oppose: attitudes toward their object (``welcome X``, ``reject X``, ``X is key``);
  negation flips them. Their subject is the holder of the attitude, not its target.
- promote: actions that further their object (``expand X``); their subject is judged by them
  too (``X can ensure security`` speaks for X).
- harm: events that damage their object (``violation of X``). A speaker who reports harm
  without any attitude is taken to disapprove of it, so the object is supported; negating a
  harm event is a denial (``has no claims``) and does not flip it.
- emphasis: verbs that foreground a noun phrase (``emphasized the long-standing ties``). In
  readouts, stressing a thing asserts its importance, so it supports its object; it is not an
  attitude of its own, so ``stressed the threat to X`` still reads as harm to X. A clause they
  introduce (``stressed that talks were held``) is reported, not stressed as important.
A verb with no cue of its own takes one from a manner adverb (``positively impacts X``
promotes X, ``adversely affects X`` harms it).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from app.nlp.types import Evidence, Stance

DATA_PATH = Path(__file__).parent / "data" / "stance.json"

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
COMPLEMENT_DEPS = frozenset({"acomp", "attr", "oprd"})
CUE_POS = frozenset({"NOUN", "VERB", "ADJ", "AUX"})
MODIFIER_DEPS = frozenset({"amod", "advmod"})
# Paths longer than this are in another clause far from the mention; stop reading there.
MAX_STEPS = 14
# Tokens read above the content span: at most a preposition, a noun and the cue verb.
MAX_OUTSIDE = 3

ATTITUDE = "attitude"
PROMOTE = "promote"
EMPHASIS = "emphasis"
# Complements of an emphasis verb that are reported content rather than the thing stressed.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "csubj", "parataxis"})
HARM = "harm"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # attitude | promote | harm | emphasis
    polarity: int  # +1 or -1
    pos: str | None = None  # restrict to one coarse POS ("claim" the noun, not the speech verb)


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    negators: frozenset[str]
    cues: dict[str, Cue]
    copulas: frozenset[str]
    light_verbs: frozenset[str]
    role_nouns: frozenset[str]
    means_preps: frozenset[str]
    prep_cues: dict[str, int]  # head lemma + preposition: "call for", "fight against"
    copula_preps: dict[str, int]  # "X is against …"
    ergative: frozenset[str]  # "the war must end": the subject is what ends
    participle_preps: frozenset[str]  # "a claim regarding X" is about X like a preposition
    agent_of_nouns: frozenset[str]  # "the crimes of X": X did them (not "the violation of X")
    neg_raising: frozenset[str]  # "do not believe X is useful" negates the belief's content
    adjunct_preps: frozenset[str]  # "during", "after": circumstance, not what a verb acts on
    modifiers: dict[str, int]
    # manner adverbs that give a verb without a cue of its own one: "positively impacts X"
    manner: dict[str, Cue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the path above one topic mention says about it."""

    value: int  # > 0 support, < 0 oppose, 0 no position
    cues: tuple[Token, ...]  # the cue and negation tokens that decided it
    purpose: bool  # the mention sits in a purpose clause (``in order to …``)


def parse_stance_lexicon(data: dict) -> StanceLexicon:
    cues: dict[str, Cue] = {}
    for key, kind, pol in (
        ("support", ATTITUDE, 1),
        ("oppose", ATTITUDE, -1),
        ("promote", PROMOTE, 1),
        ("emphasis", EMPHASIS, 1),
        ("harm", HARM, -1),
    ):
        for entry in data.get(key, []):
            lemma, _, pos = str(entry).lower().partition("/")
            if lemma in cues:
                raise ValueError(f"stance cue {lemma!r} is listed twice")
            cues[lemma] = Cue(kind, pol, pos.upper() or None)
    kinds = {"promote": Cue(PROMOTE, 1), "harm": Cue(HARM, -1)}
    manner: dict[str, Cue] = {}
    for adverb, kind in data.get("manner", {}).items():
        if kind not in kinds:
            raise ValueError(f"manner adverb {adverb!r}: kind must be one of {sorted(kinds)}")
        manner[adverb.lower()] = kinds[kind]
    modifiers = {w.lower(): 1 for w in data.get("modifiers", {}).get("support", [])}
    modifiers |= {w.lower(): -1 for w in data.get("modifiers", {}).get("oppose", [])}
    return StanceLexicon(
        negators=frozenset(w.lower() for w in data.get("negators", [])),
        cues=cues,
        copulas=frozenset(data.get("copulas", [])),
        light_verbs=frozenset(data.get("light_verbs", [])),
        role_nouns=frozenset(data.get("role_nouns", [])),
        means_preps=frozenset(data.get("means_preps", [])),
        prep_cues={k.lower(): int(v) for k, v in data.get("prep_cues", {}).items()},
        copula_preps={k.lower(): int(v) for k, v in data.get("copula_preps", {}).items()},
        ergative=frozenset(data.get("ergative", [])),
        participle_preps=frozenset(data.get("participle_preps", [])),
        agent_of_nouns=frozenset(data.get("agent_of_nouns", [])),
        neg_raising=frozenset(data.get("neg_raising", [])),
        adjunct_preps=frozenset(data.get("adjunct_preps", [])),
        modifiers=modifiers,
        manner=manner,
    )


def load_stance_lexicon(path: Path | None = None) -> StanceLexicon:
    with (path or DATA_PATH).open(encoding="utf-8") as fh:
        return parse_stance_lexicon(json.load(fh))


@functools.cache
def default_lexicon() -> StanceLexicon:
    return load_stance_lexicon()


def _cue(tok: Token, lex: StanceLexicon) -> Cue | None:
    if tok.pos_ not in CUE_POS:
        return None
    cue = lex.cues.get(tok.lemma_.lower())
    if cue is None and tok.pos_ == "VERB" and lex.manner:
        # a neutral verb of effect takes its direction from its manner ("impacts positively")
        for child in tok.children:
            if child.dep_ == "advmod" and (cue := lex.manner.get(child.lower_)) is not None:
                return cue
        return None
    if cue is None or (cue.pos is not None and cue.pos != tok.pos_):
        return None
    return cue


def _negator(tok: Token, lex: StanceLexicon) -> Token | None:
    """The word that negates tok (``not accept``, ``no need``, ``No country accepts``)."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" and low in lex.negators:
            # "not only X but also Y" adds, it does not negate
            if child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ == "only":
                continue
            return child
        if child.dep_ == "det" and low in lex.negators:
            return child
        if child.dep_ in SUBJECT_DEPS and tok.pos_ in {"VERB", "AUX"}:
            if child.lower_ in lex.negators:
                return child
            for det in child.children:
                if det.dep_ == "det" and det.lower_ in lex.negators:
                    return det
    return None


def _is_purpose(tok: Token) -> bool:
    """tok heads a purpose clause: ``in order to …``, ``so as to …``, or an infinitival adjunct."""
    if tok.lemma_ == "order" and tok.head.lower_ == "in":
        return True
    if tok.dep_ == "advcl" and tok.pos_ in {"VERB", "AUX"}:
        marks = {c.lower_ for c in tok.children if c.dep_ in {"aux", "mark", "advmod"}}
        return "to" in marks or {"so", "as"} <= marks
    return False


def in_purpose_clause(tok: Token) -> bool:
    """tok is inside a purpose clause of its sentence (its background, not its claim)."""
    steps = 0
    while tok.head.i != tok.i and steps < MAX_STEPS:
        if _is_purpose(tok):
            return True
        tok = tok.head
        steps += 1
    return False


def _complement_clause(verb: Token, lex: StanceLexicon) -> bool:
    """An acl that is the noun's complement ("need to build", "claim regarding"), not a
    description of it ("refugees fleeing the war")."""
    return verb.tag_ == "VB" or verb.lower_ in lex.participle_preps


def _ergative(verb: Token, lex: StanceLexicon) -> bool:
    """An intransitive use whose subject undergoes the change: "the war must end"."""
    if verb.lemma_.lower() not in lex.ergative:
        return False
    return not any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp"} for c in verb.children)


def _complement_cue(verb: Token, lex: StanceLexicon) -> tuple[int, Token] | None:
    """Evaluation in a copula's complement: ``X is the key``, ``X will be to the benefit of``."""
    for child in verb.children:
        cands: list[Token] = []
        if child.dep_ in COMPLEMENT_DEPS:
            cands.append(child)
        elif child.dep_ == "prep":
            if child.lower_ in lex.copula_preps:
                return lex.copula_preps[child.lower_], child
            cands.extend(c for c in child.children if c.dep_ == "pobj")
        for cand in cands:
            cue = _cue(cand, lex)
            if cue is not None:
                pol = cue.polarity
                if _negator(cand, lex) is not None:
                    pol = -pol
                return pol, cand
    return None


def _light_object(verb: Token, lex: StanceLexicon) -> tuple[Cue, Token] | None:
    """The cue noun of a light verb: ``pose a threat``, ``attach significance``."""
    if verb.lemma_.lower() not in lex.light_verbs:
        return None
    for obj in verb.children:
        if obj.dep_ == "dobj" and (cue := _cue(obj, lex)) is not None:
            return cue, obj
    return None


def _role_value(noun: Token, lex: StanceLexicon) -> tuple[int, Token] | None:
    """``a constructive role in X``: the role's modifier judges X."""
    if noun.lemma_.lower() not in lex.role_nouns:
        return None
    for child in noun.children:
        if child.dep_ == "amod" and (pol := lex.modifiers.get(child.lemma_.lower())):
            return pol, child
    return None


class _Walk:
    """Accumulates the polarity of one mention while walking up the parse."""

    def __init__(self) -> None:
        self.value = 1
        self.cues: list[Token] = []
        self.attitude = self.harm = self.found = False

    def attitude_cue(self, pol: int, tok: Token) -> None:
        self.value *= pol
        self.attitude = self.found = True
        self.cues.append(tok)

    def object_cue(self, cue: Cue, tok: Token) -> None:
        """tok's cue acts on what we came from (its object or prepositional argument)."""
        self.value *= cue.polarity
        self.found = True
        self.attitude |= cue.kind == ATTITUDE
        self.harm |= cue.kind == HARM
        self.cues.append(tok)

    def agent_cue(self, cue: Cue, tok: Token) -> None:
        """tok's cue is an effect whose agent we came from: the agent is judged by its effect
        (harm is disapproved unless an attitude above says otherwise)."""
        self.found = True
        self.harm |= cue.kind == HARM
        self.cues.append(tok)

    def negate(self, neg: Token) -> None:
        self.value = -self.value
        self.cues.append(neg)

    def result(self, purpose: bool) -> Reading:
        if not self.found:
            return Reading(0, (), purpose)
        value = -self.value if self.harm and not self.attitude else self.value
        return Reading(value, tuple(self.cues), purpose)


def read_mention(
    root: Token, lex: StanceLexicon | None = None, scope: Span | None = None
) -> Reading:
    """Walk from a mention's root token up the parse, composing the cues on the way.

    With a scope (the statement's content), the walk leaves it only to read the cue that
    governs the content (``rejected`` in ``X rejected the deal``) and stops at that verb:
    what lies above belongs to the narrator or to another statement.
    """
    lex = lex or default_lexicon()
    walk = _Walk()
    # The mention itself: "no X" is a position against X; its own cue word is the topic, not
    # a stance toward it ("interference" in "foreign interference" is what is rejected).
    neg = _negator(root, lex)
    if neg is not None and neg.dep_ == "det":
        walk.attitude_cue(-1, neg)
    outside = 0

    def last_read(tok: Token) -> bool:
        nonlocal outside
        if scope is None or scope.start <= tok.i < scope.end:
            return False
        outside += 1
        return tok.pos_ in {"VERB", "AUX"} or outside >= MAX_OUTSIDE

    child, tok = root, root.head
    for _ in range(MAX_STEPS):
        if tok.i == child.i:
            break
        rel = child.dep_
        if _is_purpose(child):
            return walk.result(True)
        if rel == "relcl" or (rel == "acl" and not _complement_clause(child, lex)):
            # a clause describing a noun ("refugees fleeing the war") is not the speaker's
            # position on what the clause mentions
            break
        if rel == "conj":
            # a coordinated head is a sibling, not a governor: skip its own cues
            if tok.pos_ not in {"VERB", "AUX"} and (neg := _negator(tok, lex)) is not None:
                walk.negate(neg)
            if last_read(tok):
                break
            child, tok = tok, tok.head
            continue
        if tok.pos_ == "ADP":
            if tok.lower_ in lex.adjunct_preps:
                break
            if tok.lower_ in lex.means_preps:
                # "resolve the crisis through dialogue": the means is what is proposed; the
                # verb it serves is the goal, so only that verb's negation counts
                walk.attitude_cue(1, tok)
                child, tok = tok, tok.head
                if (neg := _negator(tok, lex)) is not None:
                    walk.negate(neg)
                if last_read(tok):
                    break
                child, tok = tok, tok.head
                continue
            pol = lex.prep_cues.get(f"{tok.head.lemma_.lower()} {tok.lower_}")
            if pol is None and (
                tok.dep_ == "agent"
                or (tok.lower_ == "of" and tok.head.lemma_.lower() in lex.agent_of_nouns)
            ):
                # "peace was undermined by X", "the crimes of X": X is the agent above
                child, tok = tok, tok.head
                if not _step_as_subject(walk, child, tok, lex):
                    break
                if last_read(tok):
                    break
                child, tok = tok, tok.head
                continue
            if pol is not None:
                walk.attitude_cue(pol, tok)
                # "fight against X" is one cue, not "fight" and "against"
                tok = tok.head
                walk.cues.append(tok)
            if last_read(tok):
                break
            child, tok = tok, tok.head
            continue
        # a possessor is the agent of a harm ("the regime's crimes") but the theme of
        # anything else ("Iran's development")
        cue = _cue(tok, lex)
        subject = (rel in SUBJECT_DEPS and not _ergative(tok, lex)) or (
            rel == "poss" and cue is not None and cue.kind == HARM
        )
        if subject:
            if not _step_as_subject(walk, child, tok, lex):
                break
        else:
            _step_as_object(walk, child, tok, lex)
        if last_read(tok):
            break
        child, tok = tok, tok.head
    return walk.result(False)


def _step_as_subject(walk: _Walk, child: Token, tok: Token, lex: StanceLexicon) -> bool:
    """Read tok as the predicate of its subject (or possessor) ``child``; False: stop here."""
    cue = _cue(tok, lex)
    if cue is None and _light_object(tok, lex) is None and tok.lemma_ not in lex.copulas:
        # "Sanctions have failed and hurt people": a later conjunct shares the subject
        for conj in tok.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ in {"VERB", "AUX"}
                and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
                and _cue(conj, lex) is not None
            ):
                tok, cue = conj, _cue(conj, lex)
                break
    neg = _negator(tok, lex)
    read = len(walk.cues)
    if tok.lemma_ in lex.copulas:
        comp = _complement_cue(tok, lex)
        if comp is not None:
            walk.attitude_cue(comp[0], comp[1])
    else:
        light = _light_object(tok, lex)
        if light is not None:
            cue, tok_cue = light
        else:
            tok_cue = tok
        if cue is not None and cue.kind in {ATTITUDE, EMPHASIS} and light is None:
            # the subject of an attitude holds it ("Iran rejects …"): no stance toward it
            # here, and what lies above is about the attitude, not about the holder
            return False
        if cue is not None and cue.kind == HARM:
            walk.agent_cue(cue, tok_cue)
        elif cue is not None:
            walk.attitude_cue(cue.polarity, tok_cue)
    # a negated verb that says nothing about its subject ("X has not tied …") is no stance
    if neg is not None and (len(walk.cues) > read or tok.lemma_ in lex.neg_raising):
        walk.negate(neg)
    return True


def _step_as_object(walk: _Walk, child: Token, tok: Token, lex: StanceLexicon) -> None:
    """Read tok as governing ``child`` (its object, complement or prepositional argument)."""
    cue = _cue(tok, lex)
    neg = _negator(tok, lex)
    if cue is not None and cue.kind == EMPHASIS and (child.dep_ in CLAUSE_DEPS or neg):
        # not stressing something is no position on it
        cue = None
    light = _light_object(tok, lex) if child.dep_ == "prep" else None
    role = _role_value(tok, lex)
    if cue is not None:
        walk.object_cue(cue, tok)
    elif light is not None:
        # light verbs: "attach significance to X", "pose a threat to X"
        walk.object_cue(light[0], light[1])
    elif role is not None:
        walk.attitude_cue(role[0], role[1])
    # Denying a harm ("has no claims", "did not violate") keeps the speaker against it; a
    # negated verb without a cue negates only what is believed ("do not think X is useful").
    if neg is None:
        return
    if cue is not None:
        negates = cue.kind != HARM
    else:
        negates = light is not None or role is not None or tok.lemma_ in lex.neg_raising
    if negates:
        walk.negate(neg)


def modifier_value(root: Token, lex: StanceLexicon | None = None) -> tuple[int, tuple[Token, ...]]:
    """Evaluative modifiers on the mention itself: ``illegal sanctions``, ``enhanced security``."""
    lex = lex or default_lexicon()
    total, toks = 0, []
    for child in root.children:
        if child.dep_ in MODIFIER_DEPS and (pol := _modifier(child, lex)):
            total += pol
            toks.append(child)
        elif _growing(child, lex):
            total += 1
            toks.append(child)
    return total, tuple(toks)


def _modifier(tok: Token, lex: StanceLexicon) -> int:
    """Polarity of a modifier word; the tokenizer splits hyphenated compounds, so
    ``long-standing`` arrives as its last part with the rest just before it."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        pol = lex.modifiers.get(f"{doc[tok.i - 2].lower_}-{tok.lower_}")
        if pol:
            return pol
    return lex.modifiers.get(tok.lemma_.lower(), 0)


def _growing(verb: Token, lex: StanceLexicon) -> bool:
    """A participle after the noun saying it grows: ``ties between X and Y expanding``.

    The noun is the subject of an ergative change that furthers it, as in ``ties expand``;
    a transitive participle (``ties expanding trade``) acts on something else.
    """
    if verb.dep_ != "acl" or verb.tag_ not in {"VBG", "VBN"}:
        return False
    cue = _cue(verb, lex)
    return cue is not None and cue.kind == PROMOTE and _ergative(verb, lex)


def _evidence(tokens: Iterable[Token]) -> tuple[Evidence, ...]:
    seen = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    return tuple(Evidence(t.text, (t.idx, t.idx + len(t.text))) for t in seen)


def stance_for(
    span: Span,
    anchors: Sequence[Token],
    lexicon: StanceLexicon | None = None,
    inverted: Sequence[bool] = (),
) -> tuple[Stance, tuple[Evidence, ...]]:
    """Stance of a statement toward one topic, from the root tokens of its mentions in span.

    ``inverted[i]`` marks a mention that names the topic's opposite (``territorial claims`` for
    territorial integrity), so the stance toward it counts the other way.
    """
    lex = lexicon or default_lexicon()
    total = 0
    tokens: list[Token] = []
    # A mention inside another's phrase ("affairs" under "interference in … affairs") is read
    # through that mention, not again on its own.
    idx = {t.i for t in anchors}
    seen: set[int] = set()
    for k, root in enumerate(anchors):
        if root.i in seen or any(a.i in idx for a in root.ancestors):
            continue
        seen.add(root.i)
        reading = read_mention(root, lex, span)
        mods, mod_toks = modifier_value(root, lex)
        value = (1 if reading.value > 0 else -1 if reading.value < 0 else 0) + mods
        if k < len(inverted) and inverted[k]:
            value = -value
        if value:
            total += 1 if value > 0 else -1
            tokens.extend(reading.cues)
            tokens.extend(mod_toks)
    if total > 0:
        return "support", _evidence(tokens)
    if total < 0:
        return "oppose", _evidence(tokens)
    return "neutral", ()
