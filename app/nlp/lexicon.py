"""Word lists of the attribution stages, loaded once from the JSON files in ``data/``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _load(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word cue: a verb with a fixed object and/or preposition (``placed a premium on``)."""

    verb: str
    object: str | None = None
    prep: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    clause_verbs: frozenset[str]
    xcomp_verbs: frozenset[str]
    object_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    continuation_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    as_verbs: frozenset[str]
    noun_cues: frozenset[str]
    reason_verbs: frozenset[str]
    reason_preps: frozenset[str]
    noun_cue_preps: frozenset[str]
    phrases: tuple[Phrase, ...]
    phrase_verbs: frozenset[str]
    according: frozenset[str]
    in_sources: frozenset[str]
    colon_skip: frozenset[str]
    occasion_nouns: frozenset[str]
    saying_adverbs: frozenset[str]
    titles: frozenset[str]
    title_abbreviations: dict[str, str]
    honorifics: frozenset[str]
    generic_roles: frozenset[str]
    person_nouns: frozenset[str]
    anonymous: frozenset[str]
    documents: frozenset[str]
    organizations: frozenset[str]
    governments: frozenset[str]
    groups: frozenset[str]
    portfolio_words: frozenset[str]
    demonyms: dict[str, str]
    countries: frozenset[str]
    nationals: dict[str, str]  # "Georgia" -> "Georgian": a country's adjective
    pronouns: dict[str, frozenset[str]]
    given_names: dict[str, str]  # lower-case given name -> "male" / "female"
    role_synonyms: dict[str, str]  # "lawyer" -> "attorney": one role, two words
    role_genders: dict[str, str]  # "councilwoman" -> "female"

    @property
    def all_cue_verbs(self) -> frozenset[str]:
        return (
            self.as_verbs
            | self.clause_verbs
            | self.object_verbs
            | self.xcomp_verbs
            | self.phrase_verbs
            | self.naming_verbs
        )

    def pronoun_class(self, word: str) -> str | None:
        low = word.lower()
        for cls in (
            "male",
            "female",
            "plural",
            "neuter",
            "first_person",
            "second_person",
            "relative",
        ):
            if low in self.pronouns[cls]:
                return cls
        return None


def _nationals(demonyms: dict[str, str]) -> dict[str, str]:
    """Each country's adjective: the longest word of its demonyms (``Azerbaijani`` over
    ``Azeri``, ``British`` over ``UK``); unions have none (``European`` is not the EU's)."""
    out: dict[str, str] = {}
    for word, country in demonyms.items():
        if not word.replace(" ", "").isalpha() or word.isupper() or country.endswith("Union"):
            continue
        if len(word) > len(out.get(country, "")):
            out[country] = word
    return out


@functools.cache
def get_lexicon() -> Lexicon:
    cues = _load("cues.json")
    roles = _load("roles.json")
    dem = _load("demonyms.json")["demonyms"]
    prons = _load("pronouns.json")
    given = _load("first_names.json")
    phrases = tuple(Phrase(p["verb"], p.get("object"), p.get("prep")) for p in cues["phrases"])

    def fs(xs: list[str]) -> frozenset[str]:
        return frozenset(x.lower() for x in xs)

    return Lexicon(
        clause_verbs=fs(cues["clause_verbs"]),
        xcomp_verbs=fs(cues["xcomp_verbs"]),
        object_verbs=fs(cues["object_verbs"]),
        addressee_verbs=fs(cues["addressee_verbs"]),
        continuation_verbs=fs(cues["continuation_verbs"]),
        naming_verbs=fs(cues["naming_verbs"]),
        as_verbs=fs(cues["as_verbs"]),
        noun_cues=fs(cues["noun_cues"]),
        reason_verbs=fs(cues["reason_verbs"]),
        reason_preps=fs(cues["reason_preps"]),
        noun_cue_preps=fs(cues["noun_cue_preps"]),
        phrases=phrases,
        phrase_verbs=frozenset(p.verb for p in phrases),
        according=fs(cues["according"]),
        in_sources=fs(cues["in_sources"]),
        colon_skip=fs(cues["colon_skip"]),
        occasion_nouns=fs(cues["occasion_nouns"]),
        saying_adverbs=fs(cues["saying_adverbs"]),
        titles=fs(roles["titles"]),
        title_abbreviations={k.lower(): v.lower() for k, v in roles["title_abbreviations"].items()},
        honorifics=fs(roles["honorifics"]),
        generic_roles=fs(roles["generic_roles"]),
        person_nouns=fs(roles["person_nouns"]),
        anonymous=fs(roles["anonymous"]),
        documents=fs(roles["documents"]),
        organizations=fs(roles["organizations"]),
        governments=fs(roles["governments"]),
        groups=fs(roles["groups"]),
        portfolio_words=fs(roles["portfolio_words"]),
        demonyms={k.lower(): v for k, v in dem.items()},
        countries=frozenset(dem.values()),
        nationals=_nationals(dem),
        pronouns={k: fs(v) for k, v in prons.items() if not k.startswith("_")},
        given_names={n: g for g in ("male", "female") for n in given[g]},
        role_synonyms={k.lower(): v.lower() for k, v in roles["role_synonyms"].items()},
        role_genders={w: g for g, ws in roles["gendered_roles"].items() for w in fs(ws)},
    )
