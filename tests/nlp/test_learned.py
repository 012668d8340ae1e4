"""The learned cue detector: its shipped weights, and what it adds to the word lists."""

from __future__ import annotations

import dataclasses

import pytest

from app.nlp import extract_doc
from app.nlp.learned import (
    MODEL_PATH,
    RULES_ONLY,
    cue_probability,
    draft_for,
    get_model,
    model_from_json,
)
from app.nlp.lexicon import get_lexicon
from app.nlp.parse import get_nlp

BELIEF = "Governor Ruth Kim understands that the budget will be balanced by next year."


def test_shipped_weights_load() -> None:
    model = get_model()
    assert model is not None, f"no usable model at {MODEL_PATH}"
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 100
    assert MODEL_PATH.stat().st_size < 5_000_000


def test_model_of_another_feature_version_is_ignored() -> None:
    assert (
        model_from_json({"feature_version": -1, "weights": {}, "bias": 0, "threshold": 0.5}) is None
    )


def test_belief_verb_outside_the_word_lists_is_found() -> None:
    lex = get_lexicon()
    doc = get_nlp()(BELIEF)
    verb = next(t for t in doc if t.lower_ == "understands")
    assert verb.lemma_.lower() not in lex.all_cue_verbs
    assert extract_doc(doc, cue_model=RULES_ONLY).statements == ()
    (st,) = extract_doc(doc).statements
    assert st.content == "the budget will be balanced by next year"
    assert st.speaker == "Ruth Kim"
    assert st.cue is not None and st.cue.startswith("understands")


def test_threshold_decides() -> None:
    doc = get_nlp()(BELIEF)
    model = get_model()
    assert model is not None
    lex = get_lexicon()
    verb = next(t for t in doc if t.lower_ == "understands")
    draft = draft_for(verb, lex, set())
    assert draft is not None
    p = cue_probability(verb, draft, lex, [False] * len(doc), model)
    strict = dataclasses.replace(model, threshold=min(p + 0.01, 1.0))
    assert extract_doc(doc, cue_model=dataclasses.replace(model, threshold=p)).statements
    assert extract_doc(doc, cue_model=strict).statements == ()


def test_passive_subject_is_the_content_and_the_agent_the_source() -> None:
    doc = get_nlp()("The merger was first reported by the Daily Ledger.")
    verb = next(t for t in doc if t.lower_ == "reported")
    d = draft_for(verb, get_lexicon(), set())
    assert d is not None and d.source is not None
    assert doc.text[d.content_start : d.content_end] == "The merger"
    assert doc[d.source].text == "Ledger"


@pytest.mark.parametrize(
    ("text", "word", "content", "cue", "source"),
    [
        (
            "Mayor Tom Hill is confident that the bridge will open in May.",
            "confident",
            "the bridge will open in May",
            "is confident that",
            "Hill",
        ),
        (
            "Mayor Tom Hill is skeptical of the new budget.",
            "skeptical",
            "the new budget",
            "is skeptical of",
            "Hill",
        ),
        (
            "Several senators went on television to applaud the new budget.",
            "applaud",
            "the new budget",
            "applaud",
            "senators",
        ),
        # a participle after a noun: the noun holds what it reports
        (
            "The campaign released an ad featuring farmers telling their family stories.",
            "telling",
            "their family stories",
            "telling",
            "farmers",
        ),
    ],
)
def test_frames_outside_the_listed_cues(
    text: str, word: str, content: str, cue: str, source: str
) -> None:
    doc = get_nlp()(text)
    t = next(x for x in doc if x.lower_ == word)
    d = draft_for(t, get_lexicon(), set())
    assert d is not None and d.cue_start is not None and d.source is not None
    assert doc.text[d.content_start : d.content_end] == content
    assert doc.text[d.cue_start : d.cue_end] == cue
    assert doc[d.source].text == source


def test_participle_reports_the_noun_it_follows() -> None:
    doc = get_nlp()("A $160 billion merger announced Monday would create the largest drug maker.")
    verb = next(t for t in doc if t.lower_ == "announced")
    d = draft_for(verb, get_lexicon(), set())
    assert d is not None and d.source is None
    assert doc.text[d.content_start : d.content_end] == "A $160 billion merger"


def test_hedged_verb_is_narration() -> None:
    doc = get_nlp()("Mustafayev was apparently referring to the conflict between the two states.")
    assert extract_doc(doc).statements == ()


def test_listed_cues_are_left_to_the_rules() -> None:
    doc = get_nlp()("Anna Berg said that prices had risen sharply.")
    assert extract_doc(doc).statements == extract_doc(doc, cue_model=RULES_ONLY).statements
