"""Topic tagging: the taxonomy data, term matching and the seed's gold topics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.nlp.topics import (
    DATA_PATH,
    Taxonomy,
    Topic,
    default_taxonomy,
    load_topics,
    parse_topics,
    tag_span,
    tag_text,
)

SEED_SLUGS = {
    "foreign-presence", "territorial-integrity", "regional-cooperation", "security",
    "bilateral-relations", "muslim-world", "border-walls", "trade", "energy", "transport",
    "agriculture", "culture", "defense-cooperation", "peace", "diplomacy",
}  # fmt: skip
NEWS_SLUGS = {
    "economy", "conflict", "sanctions", "nuclear", "elections", "human-rights", "migration",
    "health", "climate", "media", "justice", "terrorism", "education", "technology",
    "corruption", "religion",
}  # fmt: skip


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return default_taxonomy()


def topics_of(text: str, tax: Taxonomy) -> set[str]:
    return {t.topic for t in tag_text(text, tax)}


# --- the data file -----------------------------------------------------------------------


def test_default_taxonomy_covers_seed_and_news_subjects() -> None:
    topics = load_topics()
    slugs = {t.slug for t in topics}
    assert len(topics) >= 30
    assert slugs >= SEED_SLUGS | NEWS_SLUGS
    for topic in topics:
        assert isinstance(topic, Topic)
        assert topic.label and topic.description and topic.terms
        assert "\n" not in topic.description


def test_data_file_is_a_list_of_topic_objects() -> None:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    assert all({"slug", "label", "description", "terms"} <= set(item) for item in data)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"slug": "Bad Slug", "label": "x", "terms": ["x"]}, "slug"),
        ({"slug": "trade-", "label": "x", "terms": ["x"]}, "slug"),
        ({"slug": "trade", "label": " ", "terms": ["x"]}, "label"),
        ({"slug": "trade", "label": "Trade", "terms": []}, "terms"),
        ({"slug": "trade", "label": "Trade", "terms": ["ok", ""]}, "terms"),
        ({"slug": "trade", "label": "Trade", "terms": ["a + "]}, "malformed"),
        ({"slug": "trade", "label": "Trade", "description": "a\nb", "terms": ["x"]}, "one line"),
    ],
)
def test_parse_topics_rejects_bad_entries(item: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_topics([item])


def test_parse_topics_rejects_duplicates() -> None:
    item = {"slug": "trade", "label": "Trade", "terms": ["trade"]}
    with pytest.raises(ValueError, match="twice"):
        parse_topics([item, item])


def test_load_topics_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"slug": "a-b", "label": "AB", "terms": ["ab"]}]))
    assert load_topics(path) == (Topic("a-b", "AB", "", ("ab",)),)


# --- matching --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lemmas: plural and inflected forms of a term
        ("They want more railways and highways.", {"transport"}),
        ("Transit through the country should grow.", {"transport"}),
        ("He urged an expansion of relations.", {"bilateral-relations"}),
        # the longest term wins: "Muslim countries" is not also a religious mention
        ("Muslim countries should unite.", {"muslim-world"}),
        ("Muslims celebrate the holiday.", {"religion"}),
        ("defense cooperation will grow", {"defense-cooperation"}),
        # a word inside a longer proper name is not a mention
        ("He prayed at the Muslim Brotherhood Mosque.", {"religion"}),
        ("The Iranian Energy Ministry issued a statement.", set()),
        ("Officials of the Islamic Republic met.", set()),
        # a topic's exclusions: relations among many countries are not bilateral
        ("Iran supports closer relations among Muslim countries.", {"muslim-world"}),
        ("He works in public relations.", set()),
        # a noun term does not match the verb
        ("He talks a lot.", set()),
        ("The talks resumed in Vienna.", {"diplomacy"}),
        # gerund terms match as written
        ("Fighting broke out near the border.", {"conflict"}),
        ("We must fight corruption.", {"corruption"}),
        # co-occurrence terms need all their parts
        ("Regional countries should expand cooperation.", {"regional-cooperation"}),
        ("He discussed bilateral cooperation and regional developments.", {"bilateral-relations"}),
        # acronyms are case-sensitive
        ("The UN said the OIC would meet.", {"united-nations", "muslim-world"}),
        ("Let us meet.", set()),
        # several topics at once
        (
            "Both sides agreed to boost trade, tourism and investment.",
            {"trade", "culture", "economy"},
        ),
        ("Sanctions hurt the economy.", {"sanctions", "economy"}),
        # a purpose clause is background when the statement has a main topic
        (
            "There is no need to build walls on the borders in order to promote security.",
            {"border-walls"},
        ),
        ("We must act in order to promote security.", {"security"}),
        ("The weather is fine today.", set()),
    ],
)
def test_topic_sets(text: str, expected: set[str], tax: Taxonomy) -> None:
    assert topics_of(text, tax) == expected


def test_evidence_spans_are_article_offsets(tax: Taxonomy) -> None:
    text = "Intro sentence here. He said Iran welcomes railways with Azerbaijan."
    doc = tax.nlp(text)
    start = text.index("Iran")
    span = doc.char_span(start, len(text) - 1)
    assert span is not None
    tags = tag_span(span, tax)
    assert [t.topic for t in tags] == ["transport"]
    for ev in tags[0].evidence + tags[0].stance_evidence:
        assert text[ev.span[0] : ev.span[1]] == ev.text
    assert [e.text for e in tags[0].evidence] == ["railways"]
    assert [e.text for e in tags[0].stance_evidence] == ["welcomes"]


def test_scores_grow_with_mentions(tax: Taxonomy) -> None:
    once = tag_text("Trade matters.", tax)[0]
    twice = tag_text("Trade and exports matter.", tax)[0]
    assert 0 < once.score < twice.score <= 1


def test_span_outside_content_is_not_tagged(tax: Taxonomy) -> None:
    doc = tax.nlp("Energy talks went on. He said nothing else.")
    second = list(doc.sents)[1]
    assert tag_span(second, tax) == ()


def test_custom_taxonomy(tax: Taxonomy) -> None:
    from app.nlp.topics import compile_taxonomy

    topics = parse_topics(
        [{"slug": "space", "label": "Space", "terms": ["rocket", "~space debris"]}]
    )
    small = compile_taxonomy(topics, tax.nlp)
    assert [(t.topic, t.stance) for t in tag_text("We welcome rockets.", small)] == [
        ("space", "support")
    ]
    # an inverted term names the topic's opposite
    assert [(t.topic, t.stance) for t in tag_text("We must reduce space debris.", small)] == [
        ("space", "support")
    ]


# --- the seed --------------------------------------------------------------------------

# The taxonomy has an economy topic and statement 9 names "economy" among its areas; the
# seed gold, annotated without that topic, leaves it out.
SEED_EXTRA = {8: {"economy"}}


@pytest.mark.parametrize("index", range(12))
def test_seed_gold_topics_and_stances(
    index: int, seed_gold: dict, seed_text: str, tax: Taxonomy
) -> None:
    gold = seed_gold["statements"][index]
    doc = tax.nlp(seed_text)
    span = doc.char_span(*gold["content_span"], alignment_mode="expand")
    got = {t.topic: t.stance for t in tag_span(span, tax)}
    want = {t["topic"]: t["stance"] for t in gold["topics"]}
    assert set(got) - set(want) == SEED_EXTRA.get(index, set())
    assert {k: got.get(k) for k in want} == want


# --- diplomatic readouts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vocabulary of bilateral ties beyond "relations"
        ("The partnership between Rwanda and Qatar has matured.", {"bilateral-relations"}),
        # a bare "relationship" or "partnership" is as often personal or commercial
        ("He denied any relationship with the company.", set()),
        ("The city launched a public-private partnership for schools.", {"education"}),
        ("Brazil values its strategic partnership with Angola.", {"bilateral-relations"}),
        ("He praised the mutual trust that marks contacts with Hanoi.", {"bilateral-relations"}),
        ("Iran and Chile have common interests.", {"bilateral-relations"}),
        ("The intergovernmental commission will meet in Baku.", {"bilateral-relations"}),
        (
            "Officials reviewed the implementation of agreements signed last year.",
            {"bilateral-relations"},
        ),
        ("Cooperation between Kazakhstan and Egypt keeps growing.", {"bilateral-relations"}),
        (
            "Hungary wants more parliamentary cooperation with Vietnam.",
            {"bilateral-relations"},
        ),
        # cooperation of "the two countries" / "both sides" is bilateral, with its fields
        ("The two countries will widen cooperation in mining.", {"bilateral-relations", "economy"}),
        (
            "Both sides agreed to cooperate on pharmaceuticals and information technology.",
            {"bilateral-relations", "health", "technology"},
        ),
        # but not among a region's states
        ("Cooperation between regional states must grow.", {"regional-cooperation"}),
        (
            "They will expand cooperation at bilateral and regional levels.",
            {"bilateral-relations", "regional-cooperation"},
        ),
        # common fields of cooperation in readouts
        ("The capitals held political consultations.", {"diplomacy"}),
        ("Both nations share an ancient civilization.", {"culture"}),
        ("Investment in infrastructure and industry will rise.", {"economy"}),
        ("Sustainable development is on the agenda.", {"economy"}),
        ("A business forum opened in Almaty.", {"trade"}),
    ],
)
def test_readout_topic_sets(text: str, expected: set[str], tax: Taxonomy) -> None:
    assert topics_of(text, tax) == expected


# --- US state and local news ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fare increase would fall hardest on riders.", {"transport"}),
        ("The detour would add 12 minutes to a trip across the bridge.", {"transport"}),
        ("I am not going to raise taxes on working families.", {"economy"}),
        ("The agency would face a $900 million deficit next year.", {"economy"}),
        ("The governor's veto leaves the bill in limbo.", {"governance"}),
        ("A shutdown would hurt air traffic controllers.", {"governance", "transport"}),
        ("The utilities invested $4 billion in burying power lines.", {"energy", "economy"}),
        ("The campus would draw water from the Hadley aquifer.", {"water"}),
        ("The closure leaves no emergency room or maternity ward.", {"health"}),
        ("Prosecutors will not offer her a plea agreement before the jury trial.", {"justice"}),
        ("She raised $6.8 million from donors for her campaign.", {"elections"}),
        ("The war was a campaign against the rebels.", {"conflict"}),
        ("Class sizes will grow as enrollment falls.", {"education"}),
    ],
)
def test_local_and_state_news_topic_sets(text: str, expected: set[str], tax: Taxonomy) -> None:
    assert topics_of(text, tax) == expected
