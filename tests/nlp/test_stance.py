"""Stance toward a topic: cues, negation and its scope, and the speaker's target."""

from __future__ import annotations

import pytest

from app.nlp.stance import (
    default_lexicon,
    parse_stance_lexicon,
    read_mention,
    stance_for,
)
from app.nlp.topics import Taxonomy, default_taxonomy, tag_span, tag_text


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return default_taxonomy()


def stance_of(text: str, topic: str, tax: Taxonomy) -> str | None:
    return {t.topic: t.stance for t in tag_text(text, tax)}.get(topic)


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        # the seed's positions (ATTRIBUTION.md, "Topics and stance")
        (
            "the presence of foreign countries in the region will not be to the benefit of "
            "regional nations",
            "foreign-presence",
            "oppose",
        ),
        ("There is no need to build walls on the borders", "border-walls", "oppose"),
        (
            "his country does not accept any country’s claim regarding its territorial integrity",
            "territorial-integrity",
            "support",
        ),
        (
            "Azerbaijan has no territorial claims against any country",
            "territorial-integrity",
            "support",
        ),
        ("Azerbaijan is keen to expand relations with Iran", "bilateral-relations", "support"),
        (
            "He underscored the significance of observing territorial integrity of all states",
            "territorial-integrity",
            "support",
        ),
        (
            "Baku believes diplomacy is the key to the resolution of regional issues",
            "diplomacy",
            "support",
        ),
        ("Baku attaches great significance to enhanced security", "security", "support"),
        # attitude verbs and their negation
        ("Iran opposes new sanctions against Venezuela.", "sanctions", "oppose"),
        ("Iran does not oppose the new sanctions.", "sanctions", "support"),
        ("The minister rejected the nuclear deal.", "nuclear", "oppose"),
        ("The minister welcomed the nuclear deal.", "nuclear", "support"),
        (
            "Iran will never accept foreign interference in its internal affairs.",
            "foreign-presence",
            "oppose",
        ),
        (
            "China firmly opposes any interference in its internal affairs.",
            "foreign-presence",
            "oppose",
        ),
        ("We don't believe that sanctions are useful.", "sanctions", "oppose"),
        ("The opposition boycotted the elections.", "elections", "oppose"),
        ("Tehran supports holding free and fair elections.", "elections", "support"),
        # composition: an attitude toward an action on the topic
        ("He called for an end to the war in Ukraine.", "conflict", "oppose"),
        ("Beijing urged Washington to lift the sanctions on Iran.", "sanctions", "oppose"),
        ("There is no alternative to dialogue.", "diplomacy", "support"),
        ("Iran will not hesitate to defend its sovereignty.", "territorial-integrity", "support"),
        ("Tehran had no intention of building nuclear weapons.", "nuclear", "oppose"),
        ("The minister denied that Iran seeks nuclear weapons.", "nuclear", "oppose"),
        ("He warned against any escalation in the region.", "conflict", "oppose"),
        (
            "the two countries should cooperate in the fight against terrorism",
            "terrorism",
            "oppose",
        ),
        (
            "The two sides stressed the need to resolve the crisis through dialogue.",
            "diplomacy",
            "support",
        ),
        # harm: reporting damage to something speaks for it, and against its agent
        ("Russia violated Ukraine's sovereignty.", "territorial-integrity", "support"),
        (
            "Iran condemns the violation of Syria's territorial integrity.",
            "territorial-integrity",
            "support",
        ),
        ("NATO expansion poses a threat to regional security.", "security", "support"),
        ("NATO's eastward expansion poses a threat to regional security.", "alliances", "oppose"),
        ("Sanctions have hurt ordinary people.", "sanctions", "oppose"),
        ("Iran's nuclear program does not threaten anyone.", "nuclear", "support"),
        (
            "Peace in the region was undermined by foreign intervention.",
            "foreign-presence",
            "oppose",
        ),
        ("Peace in the region was undermined by foreign intervention.", "peace", "support"),
        # effects: the agent of a good effect is spoken for
        (
            "Russia's military presence in Syria contributes to regional stability.",
            "foreign-presence",
            "support",
        ),
        ("China is willing to play a constructive role in regional peace.", "peace", "support"),
        # evaluative predicates and modifiers
        ("Unilateral sanctions are illegal.", "sanctions", "oppose"),
        ("Washington's military presence in Syria is illegal.", "foreign-presence", "oppose"),
        ("The elections were free and fair.", "elections", "support"),
        # intransitive "end/stop": the subject is what ends
        ("Israel's aggression against Gaza must stop.", "conflict", "oppose"),
        # inverted terms name the topic's opposite
        ("We want to reduce emissions and fight climate change.", "climate", "support"),
        (
            "The Zionist regime's crimes against Palestinians must be stopped.",
            "palestine",
            "support",
        ),
        # negation of a verb that is no cue does not invent an opposition
        (
            "Iran has not tied the expansion of its relations to the talks.",
            "bilateral-relations",
            "support",
        ),
        ("We do not want to resolve the dispute through war.", "conflict", "oppose"),
        ("The Islamic Republic believes in democracy.", "governance", "support"),
        (
            "We are pleased that Iran-Russia relations are on the right track.",
            "bilateral-relations",
            "support",
        ),
        (
            "Iran did not allow anyone to tarnish its territorial integrity.",
            "territorial-integrity",
            "support",
        ),
        ("Tehran does not accept meddling by European officials.", "foreign-presence", "oppose"),
        # circumstance is not an argument: "during" a mission is not what is consolidated
        ("He will consolidate relations during his diplomatic mission.", "diplomacy", "neutral"),
        # no position: mentioned, not judged
        ("The summit discussed climate, health and education.", "health", "neutral"),
        ("Trade between the two countries reached $5 billion last year.", "trade", "neutral"),
        ("Iran's nuclear program is entirely peaceful.", "nuclear", "neutral"),
        # a clause that describes a noun is not the speaker's position on what it mentions
        ("Europe must welcome refugees fleeing the war.", "conflict", "neutral"),
        ("Europe must welcome refugees fleeing the war.", "migration", "support"),
    ],
)
def test_stance(text: str, topic: str, expected: str, tax: Taxonomy) -> None:
    assert stance_of(text, topic, tax) == expected


def test_stance_evidence_names_the_cue_and_the_negation(tax: Taxonomy) -> None:
    text = "Iran will never accept foreign interference."
    (tag,) = tag_text(text, tax)
    assert tag.stance == "oppose"
    assert [e.text for e in tag.evidence] == ["foreign interference"]
    assert [e.text for e in tag.stance_evidence] == ["never", "accept"]
    for ev in tag.stance_evidence:
        assert text[ev.span[0] : ev.span[1]] == ev.text


def test_neutral_has_no_stance_evidence(tax: Taxonomy) -> None:
    (tag,) = tag_text("The talks took place in Vienna.", tax)
    assert (tag.stance, tag.stance_evidence) == ("neutral", ())


def test_cue_verb_outside_the_content_span_counts(tax: Taxonomy) -> None:
    # "X rejected the deal": the content is the object, its cue is outside it
    text = "The minister rejected the nuclear deal."
    doc = tax.nlp(text)
    span = doc.char_span(text.index("the nuclear"), len(text) - 1)
    assert [(t.topic, t.stance) for t in tag_span(span, tax)] == [("nuclear", "oppose")]


def test_walk_stops_at_the_governing_verb(tax: Taxonomy) -> None:
    # "he said" governs the content; the narrator's "denied" above it is not the speaker's
    text = "Officials denied that he said we must expand trade."
    doc = tax.nlp(text)
    span = doc.char_span(text.index("we"), len(text) - 1)
    trade = next(t for t in span if t.text == "trade")
    assert read_mention(trade, scope=span).value > 0
    assert read_mention(trade).value < 0  # unscoped, the walk reaches "denied"


def test_purpose_clause_is_marked(tax: Taxonomy) -> None:
    doc = tax.nlp("There is no need to build walls in order to promote security.")
    security = next(t for t in doc if t.text == "security")
    assert read_mention(security).purpose
    walls = next(t for t in doc if t.text == "walls")
    assert not read_mention(walls).purpose


def test_stance_for_sums_mentions(tax: Taxonomy) -> None:
    doc = tax.nlp("We reject the sanctions and welcome sanctions relief.")
    roots = [doc[3], doc[7]]  # sanctions (rejected), relief (welcomed, names the opposite)
    stance, evidence = stance_for(doc[:], roots, inverted=[False, True])
    assert stance == "oppose"
    assert {e.text for e in evidence} == {"reject", "welcome"}


def test_lexicon_rejects_duplicate_cues() -> None:
    with pytest.raises(ValueError, match="twice"):
        parse_stance_lexicon({"support": ["back"], "oppose": ["back"]})


def test_default_lexicon_loads() -> None:
    lex = default_lexicon()
    assert lex.cues["reject"].polarity == -1
    assert lex.cues["claim"].pos == "NOUN"  # the noun is a harm, the verb a speech act
    assert "not" in lex.negators


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        # the support cues of diplomatic readouts
        ("The minister stressed the need to broaden tourism with Egypt.", "culture", "support"),
        ("The premier called for expanding investment in Oman.", "economy", "support"),
        (
            "Hungary expressed readiness to boost parliamentary cooperation with Vietnam.",
            "bilateral-relations",
            "support",
        ),
        ("The mayor welcomed the launch of a direct flight to Tashkent.", "transport", "support"),
        (
            "Brazil attaches importance to its strategic partnership with Angola.",
            "bilateral-relations",
            "support",
        ),
        ("The senator voiced support for closer defence ties.", "defense-cooperation", "support"),
        ("Ghana is determined to widen bilateral trade with Morocco.", "trade", "support"),
        (
            "The minister underlined the importance of development projects in Kenya.",
            "economy",
            "support",
        ),
        ("There are wide opportunities for investment in Oman.", "economy", "support"),
        (
            "The minister expressed appreciation for humanitarian aid from Qatar.",
            "humanitarian",
            "support",
        ),
        # emphasis: stressing a thing supports it, but a stressed clause is only reported, not
        # stressing is no position, and stressing a harm still reads as harm
        ("The president highlighted tourism between Lisbon and Luanda.", "culture", "support"),
        ("She stressed that talks were held in Geneva last week.", "diplomacy", "neutral"),
        ("She did not emphasize trade with Chile.", "trade", "neutral"),
        ("He stressed the threat to security posed by smuggling.", "security", "support"),
        # evaluative modifiers of ties, including hyphenated ones the tokenizer splits
        (
            "They recalled the long-standing ties of Ghana and Togo.",
            "bilateral-relations",
            "support",
        ),
        ("the traditional friendship of the two peoples", "bilateral-relations", "support"),
        ("nations with rich civilizations", "culture", "support"),
        ("Iran and Chile have common interests.", "bilateral-relations", "support"),
        # a participle after the noun that says it grows
        ("tourism between Chile and Peru expanding", "culture", "support"),
        ("tourism between Chile and Peru shrinking", "culture", "neutral"),
        # cooperation in a field furthers the field; "ranging from" works like a preposition
        ("They reviewed cooperation in agriculture.", "agriculture", "support"),
        (
            "Cooperation in sectors ranging from tourism to banking was reviewed.",
            "culture",
            "support",
        ),
        ("We will cooperate with the IAEA.", "nuclear", "support"),
        # a valued sphere, step or potential judges what it names
        ("The partnership covers such a vital sphere as energy.", "energy", "support"),
        ("A dangerous step towards war was taken.", "conflict", "oppose"),
        (
            "The two states have considerable potential in the fields of tourism and industry.",
            "economy",
            "support",
        ),
        ("The meeting has great significance for regional security.", "security", "support"),
        (
            "Relations between Oslo and Hanoi are based on mutual respect.",
            "bilateral-relations",
            "support",
        ),
        # a neutral verb of effect takes its direction from its manner adverb
        ("The pipeline will positively affect security in the Balkans.", "security", "support"),
        ("Smuggling negatively impacts security along the frontier.", "security", "support"),
        ("The drought has adversely affected agriculture.", "agriculture", "support"),
        ("The new tariffs will affect trade.", "trade", "neutral"),
    ],
)
def test_readout_stance(text: str, topic: str, expected: str, tax: Taxonomy) -> None:
    assert stance_of(text, topic, tax) == expected


def test_lexicon_rejects_unknown_manner_kind() -> None:
    with pytest.raises(ValueError, match="manner"):
        parse_stance_lexicon({"manner": {"positively": "support"}})


def test_manner_adverbs_load() -> None:
    lex = default_lexicon()
    assert lex.manner["positively"].polarity == 1
    assert lex.manner["adversely"].kind == "harm"
    assert lex.cues["stress"].pos == "VERB"  # stressing; "stress" the noun is no cue
