"""Parser slips the rules correct, on hand-built parses (the model's own parse of a sentence
can change with its context, so these fix the slip itself)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from app.nlp.lexicon import get_lexicon
from app.nlp.parse import get_nlp
from app.nlp.reported import find_reported, subject_of
from app.nlp.speakers import Book


def _doc(
    rows: list[tuple[str, int, str, str]], tags: dict[int, tuple[str, str]] | None = None
) -> Doc:
    """A parse from (word, head index, dependency, part of speech) rows; ``tags`` gives the
    (tag, lemma) of the verbs whose form the rules read."""
    tags = tags or {}
    return Doc(
        get_nlp().vocab,
        words=[w for w, _, _, _ in rows],
        heads=[h for _, h, _, _ in rows],
        deps=[d for _, _, d, _ in rows],
        pos=[p for _, _, _, p in rows],
        tags=[tags.get(i, ("", ""))[0] for i in range(len(rows))],
        lemmas=[tags.get(i, ("", w.lower()))[1] for i, (w, *_) in enumerate(rows)],
    )


def test_of_two_subjects_the_nearer_one_on_the_verbs_line() -> None:
    # "Flu patient?”\n\nHart, a nurse, then appeared ...": the parser gave "appeared" the
    # last words of the quote above as a second subject
    doc = _doc(
        [
            ("Flu", 1, "compound", "PROPN"),
            ("patient", 10, "nsubj", "NOUN"),
            ("?", 1, "punct", "PUNCT"),
            ("”", 4, "punct", "PUNCT"),
            ("\n\n", 3, "dep", "SPACE"),
            ("Hart", 10, "nsubj", "PROPN"),
            (",", 5, "punct", "PUNCT"),
            ("a", 8, "det", "DET"),
            ("nurse", 5, "appos", "NOUN"),
            (",", 5, "punct", "PUNCT"),
            ("appeared", 10, "ROOT", "VERB"),
            (".", 10, "punct", "PUNCT"),
        ]
    )
    subj = subject_of(doc[10])
    assert subj is not None and subj.text == "Hart"


def test_a_dateline_subject_gives_way_to_the_name_after_its_dash() -> None:
    # "TEHRAN, – President Rouhani in meeting with Medvedev has described ties": the parser
    # made both the dateline and the last name subjects of the verb
    doc = _doc(
        [
            ("TEHRAN", 10, "nsubj", "PROPN"),
            (",", 0, "punct", "PUNCT"),
            ("–", 0, "punct", "PUNCT"),
            ("President", 4, "compound", "PROPN"),
            ("Rouhani", 0, "appos", "PROPN"),
            ("in", 4, "prep", "ADP"),
            ("meeting", 5, "pobj", "NOUN"),
            ("with", 6, "prep", "ADP"),
            ("Medvedev", 10, "nsubj", "PROPN"),
            ("has", 10, "aux", "AUX"),
            ("described", 10, "ROOT", "VERB"),
            ("ties", 10, "dobj", "NOUN"),
        ]
    )
    subj = subject_of(doc[10])
    assert subj is not None and subj.text == "Rouhani"


def test_a_continuation_after_an_interrupting_cue_is_that_cues() -> None:
    # "China share interests, Rice said, reiterating that Obama values ties.": the parser
    # hung both the cue and its continuation on the clause the cue interrupts
    doc = _doc(
        [
            ("China", 1, "nsubj", "PROPN"),
            ("share", 1, "ROOT", "VERB"),
            ("interests", 1, "dobj", "NOUN"),
            (",", 5, "punct", "PUNCT"),
            ("Rice", 5, "nsubj", "PROPN"),
            ("said", 1, "parataxis", "VERB"),
            (",", 5, "punct", "PUNCT"),
            ("reiterating", 1, "advcl", "VERB"),
            ("that", 10, "mark", "SCONJ"),
            ("Obama", 10, "nsubj", "PROPN"),
            ("values", 7, "ccomp", "VERB"),
            ("ties", 10, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {1: ("VBP", "share"), 5: ("VBD", "say"), 7: ("VBG", "reiterate"), 10: ("VBZ", "value")},
    )
    drafts = find_reported(doc, get_lexicon(), [False] * len(doc))
    got = {
        doc[d.anchor].text: (doc.char_span(d.content_start, d.content_end).text, doc[d.source].text)
        for d in drafts
        if d.source is not None
    }
    assert got["said"] == ("China share interests", "Rice")
    assert got["reiterating"] == ("Obama values ties", "Rice")


def test_a_clause_subject_read_as_the_cues_object_starts_the_content() -> None:
    # "Trump explained the refusal to act is a weakness.": the parser made "the refusal to
    # act" the object of "explained" and "is a weakness" a clause without a subject
    doc = _doc(
        [
            ("Trump", 1, "nsubj", "PROPN"),
            ("explained", 1, "ROOT", "VERB"),
            ("the", 3, "det", "DET"),
            ("refusal", 1, "dobj", "NOUN"),
            ("to", 5, "aux", "PART"),
            ("act", 3, "acl", "VERB"),
            ("is", 1, "ccomp", "AUX"),
            ("a", 8, "det", "DET"),
            ("weakness", 6, "attr", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {1: ("VBD", "explain"), 5: ("VB", "act"), 6: ("VBZ", "be")},
    )
    (draft,) = find_reported(doc, get_lexicon(), [False] * len(doc))
    assert doc.char_span(draft.content_start, draft.content_end).text == (
        "the refusal to act is a weakness"
    )


def test_a_list_of_infinitives_the_parser_split_stays_one_content() -> None:
    # "Experts said money is needed to build clinics, train nurses.": the parser hung the
    # second infinitive on the cue
    doc = _doc(
        [
            ("Experts", 1, "nsubj", "NOUN"),
            ("said", 1, "ROOT", "VERB"),
            ("money", 4, "nsubjpass", "NOUN"),
            ("is", 4, "auxpass", "AUX"),
            ("needed", 1, "ccomp", "VERB"),
            ("to", 6, "aux", "PART"),
            ("build", 4, "xcomp", "VERB"),
            ("clinics", 6, "dobj", "NOUN"),
            (",", 4, "punct", "PUNCT"),
            ("train", 1, "advcl", "VERB"),
            ("nurses", 9, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        {1: ("VBD", "say"), 4: ("VBN", "need"), 6: ("VB", "build"), 9: ("VB", "train")},
    )
    (draft,) = find_reported(doc, get_lexicon(), [False] * len(doc))
    assert doc.char_span(draft.content_start, draft.content_end).text == (
        "money is needed to build clinics , train nurses"
    )


def test_a_title_read_as_a_possessor_is_the_source() -> None:
    # "The Speaker of Norway's parliament said ...": the parser read "[The Speaker of
    # Norway]'s parliament", so the subject's head is the parliament; the speaker is the
    # title's holder, named in the next line
    doc = _doc(
        [
            ("The", 1, "det", "DET"),
            ("Speaker", 5, "poss", "PROPN"),
            ("of", 1, "prep", "ADP"),
            ("Norway", 2, "pobj", "PROPN"),
            ("'s", 1, "case", "PART"),
            ("parliament", 6, "nsubj", "NOUN"),
            ("said", 6, "ROOT", "VERB"),
            (".", 6, "punct", "PUNCT"),
            ("Speaker", 10, "compound", "PROPN"),
            ("Kari", 10, "compound", "PROPN"),
            ("Dahl", 11, "nsubj", "PROPN"),
            ("spoke", 11, "ROOT", "VERB"),
        ]
    )
    doc.ents = [Span(doc, 9, 11, label="PERSON")]
    entry = Book(doc, get_lexicon()).resolve(doc[5], "The Speaker of Norway's parliament")
    assert entry is not None and entry.name == "Kari Dahl"
