"""The learned cue detector: its shipped weights, and what it adds to the word lists."""

from __future__ import annotations

from app.nlp import extract_doc
from app.nlp.learned import (
    MODEL_PATH,
    RULES_ONLY,
    CueModel,
    features,
    get_model,
    model_from_json,
)
from app.nlp.lexicon import get_lexicon
from app.nlp.parse import get_nlp

BELIEF = "Senator Maria Lopez figures that the tax cut will pay for itself."


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
    verb = next(t for t in doc if t.lower_ == "figures")
    assert verb.lemma_.lower() not in lex.all_cue_verbs
    assert extract_doc(doc, cue_model=RULES_ONLY).statements == ()
    (st,) = extract_doc(doc).statements
    assert st.content == "the tax cut will pay for itself"
    assert st.speaker == "Maria Lopez"
    assert st.cue is not None and st.cue.startswith("figures")


def test_threshold_decides() -> None:
    doc = get_nlp()(BELIEF)
    model = get_model()
    assert model is not None
    verb = next(t for t in doc if t.lower_ == "figures")
    p = model.probability(features(verb, get_lexicon(), [False] * len(doc)))
    strict = CueModel(model.weights, model.bias, threshold=min(p + 0.01, 1.0))
    assert extract_doc(doc, cue_model=strict).statements == ()


def test_listed_cues_are_left_to_the_rules() -> None:
    doc = get_nlp()("Anna Berg said that prices had risen sharply.")
    assert extract_doc(doc).statements == extract_doc(doc, cue_model=RULES_ONLY).statements
