"""Speaker resolution: source mentions -> canonical speakers of one article.

Persons are registered from the names the article gives (with titles and affiliations taken
from the words around a name), then each source mention is resolved in text order: names by
surname, role descriptions by title and affiliation, pronouns to the most recent compatible
speaker, quote-only text to the current speaker.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.nlp.draft import Draft, SpanIndex
from app.nlp.lexicon import Lexicon
from app.nlp.reported import _in_paragraph, _is_time, _lemma_in, prep_object, root_noun
from app.nlp.types import Speaker, SpeakerKind

NAME_POS = ("PROPN",)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVE = ("'s", "’s", "'", "’")
MAX_TITLE_WORDS = 4
MAX_OF_PHRASE = 24  # tokens from a title to the name it precedes ("Speaker of ... Larijani")


@dataclass(slots=True)
class Entry:
    """A speaker being built: a person, or any other kind named by its mention."""

    name: str
    kind: SpeakerKind
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "male" / "female" once a pronoun or honorific tells
    aliases: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # "attorney": what the article calls them
    one_person: bool = False  # "a senior official": unnamed, but one person a pronoun can take
    last_seen: int = -1  # token index of the latest mention, for recency
    first_seen: int = -1  # token index of the mention that introduced a person
    last_spoke: int = -1  # token index of the latest statement it is the source of
    age: str | None = None  # "Gloria Benavides, 71,": "the 71-year-old" is her

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    def add_alias(self, alias: str) -> None:
        # "The head of state" and "the head of state" are one alias
        if alias and alias.casefold() not in {a.casefold() for a in self.aliases}:
            self.aliases.append(alias)

    def freeze(self) -> Speaker:
        return Speaker(
            self.name,
            self.kind,
            self.title,
            self.affiliation,
            tuple(a for a in self.aliases if a != self.name),
        )


# "even critics say ...": a focus word weighs the source, it does not name it
FOCUS_WORDS = frozenset({"even"})
DASHES = frozenset({"—", "–", "--"})
LEFT_BREAKS = frozenset({"—", "–", ")", ":", ";"})
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "'", "’", ")"})


# ", including X" and ", of Springfield" still tell who the source is; these open an aside
ASIDE_PREPS = frozenset({"in", "with", "during", "at", "after", "before", "amid", "despite"})


def mention_range(t: Token, lex: Lexicon) -> tuple[int, int]:
    """Token range [start, end) of the source mention headed by ``t`` as annotators mark it:
    a description keeps its modifiers (``Exit polls taken in South Carolina``, ``Voters who
    say ...``); a name keeps its age, appositions and a relative clause set off by a comma
    (``Renee Gold, 83, a baker, who ...``) but not a clause glued to it. Never across a line,
    a dateline dash or edge punctuation."""
    if t.lower_ in lex.pronouns["relative"] or (
        # "some of her followers", "someone in the audience": a pronoun keeps its phrase
        t.pos_ == "PRON" and not any(c.dep_ in ("prep", "relcl", "acl") for c in t.rights)
    ):
        return t.i, t.i + 1
    doc = t.doc
    lo, hi = min(t.left_edge.i, _word_start(t)), t.right_edge.i + 1
    for i in range(t.i - 1, lo - 1, -1):
        if "\n" in doc[i].text or doc[i].text in LEFT_BREAKS:
            lo = i + 1
            break
    is_name = t.pos_ == "PROPN"
    for i in range(t.i + 1, hi):
        tok = doc[i]
        if "\n" in tok.text or tok.text == ":":
            hi = i
            break
        if (
            is_name
            and tok.head.i == t.i
            and (
                # news annotators keep "X, who ..." as who X is (PolNeAR train)
                (tok.dep_ in ("relcl", "acl") and doc[tok.left_edge.i - 1].text != ",")
                # "Gillibrand on Hillary’s transcripts: ..." (a headline): topic, not source
                or (tok.dep_ == "prep" and tok.lower_ in ("on", "to", "about", "in"))
            )
        ):
            hi = tok.left_edge.i
            break
        if (
            tok.head.i == t.i
            and tok.dep_ == "prep"
            and tok.lower_ in ASIDE_PREPS
            and doc[tok.i - 1].text == ","
            and _balanced(doc[lo : tok.i])
        ):
            # "Cruz, with unconcealed delight, chided ...": an aside, not who the source is
            hi = tok.i
            break
        if tok.dep_ == "relcl" and doc[tok.left_edge.i - 1].text == "," and _reports(tok, lex):
            # "Reid, who said last week ...": the clause is a statement of its own
            hi = tok.left_edge.i
            break
        if tok.head.i == t.i and (
            (tok.dep_ == "acl" and tok.tag_ == "VBG" and (tok.lemma_.lower() in lex.all_cue_verbs))
            # the verb the parser hung on its own subject
            or root_noun(tok) is not None
        ):
            # "a group backing Bush": the participle is the cue, not part of the source
            hi = tok.left_edge.i
            break
    while lo < t.i and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in FOCUS_WORDS):
        lo += 1
    while (
        hi > t.i + 1
        and (doc[hi - 1].is_punct or doc[hi - 1].is_space)
        and not (doc[hi - 1].text == ")" and any(tok.text == "(" for tok in doc[lo : hi - 1]))
    ):
        hi -= 1
    return lo, hi


def _balanced(words: Span) -> bool:
    """No parenthesis left open (``many colleges (private ones, in particular)``)."""
    return sum(t.text == "(" for t in words) == sum(t.text == ")" for t in words)


def _reports(clause: Token, lex: Lexicon) -> bool:
    """A cue verb in the clause (``who spoke on condition of anonymity``, ``who says ...``)."""
    return any(
        w.pos_ in ("VERB", "AUX") and w.lemma_.lower() in lex.all_cue_verbs for w in clause.subtree
    )


def past_dateline(t: Token) -> Token:
    """``Philadelphia (AFP) – US President Barack Obama said``: the parser can take the
    dateline's place name for the subject and the speaker for its apposition."""
    doc = t.doc
    for c in t.rights:
        gap = doc[t.i + 1 : c.left_edge.i]
        # the agency's name in brackets before the dash marks a dateline
        if c.dep_ == "appos" and any(
            w.text in DASHES and w.i > 0 and doc[w.i - 1].text == ")" for w in gap
        ):
            return c
    return t


def name_range(t: Token) -> tuple[int, int]:
    """The name part of a mention: the head and its left dependents only, and the whole of a
    hyphenated word even where the parse split it (``Okafor-Hale``)."""
    doc = t.doc
    lo = min(t.left_edge.i, _word_start(t))
    for i in range(t.i - 1, lo - 1, -1):
        if "\n" in doc[i].text or (doc[i].is_punct and not _inner_hyphen(doc[i])):
            lo = i + 1
            break
    return lo, t.i + 1


def _inner_hyphen(t: Token) -> bool:
    """The hyphen or slash inside one word (``Amir-Abdollahian``, ``Reuters/Ipsos``)."""
    return t.text in ("-", "/") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _word_start(t: Token) -> int:
    i = t.i
    while i > 1 and _inner_hyphen(t.doc[i - 1]):
        i -= 2
    return i


def _word_at(t: Token) -> str:
    """The whole word a token ends (``Amir-Abdollahian`` for ``Abdollahian``)."""
    return t.doc[_word_start(t) : t.i + 1].text


def _words(tokens: Iterable[Token]) -> list[str]:
    """Words as written: ``Amir-Abdollahian`` is one word, though the tokenizer makes three."""
    out: list[str] = []
    glue = False
    for t in tokens:
        if out and (glue or _inner_hyphen(t)):
            out[-1] += t.text
        else:
            out.append(t.text)
        glue = _inner_hyphen(t)
    return out


def _clean_words(words: Sequence[str]) -> list[str]:
    out = [w for w in words if w not in POSSESSIVE]
    return [w[:-2] if w.endswith(POSSESSIVE[:2]) else w for w in out]


def split_title(words: Sequence[str], lex: Lexicon) -> tuple[str | None, list[str], str | None]:
    """Leading title, honorific and demonym words of a name (``Iranian President Masoud
    Pezeshkian``): (title, name words, affiliation)."""
    i = 0
    title: list[str] = []
    affiliation: str | None = None
    while i < len(words):
        low = words[i].lower()
        found = _demonym(words, i, lex)
        if found is not None:
            affiliation = found[0]
            i += found[1]
            continue
        if low in DETERMINERS or (low in PARTY_MEMBERS and i + 1 < len(words)):
            # "Democrat Ana Trejo-Banks": the party is no part of the name
            i += 1
            continue
        matched = 0
        for n in range(min(MAX_TITLE_WORDS, len(words) - i), 0, -1):
            cand = " ".join(words[i : i + n]).lower()
            if cand in lex.titles or cand in lex.honorifics:
                matched = n
                if cand in lex.titles:
                    title = list(words[i : i + n])
                break
        if not matched:
            break
        i += matched
        place = _of_country(words, i, lex) if title else None
        if place is not None:
            # "Deputy Prime Minister of Azerbaijan Rovshan Aliguliyev"
            affiliation, i = place
    rest = list(words[i:])
    k = _role_inside(rest, lex)
    if k is not None:
        # "Texas Senator Ted Cruz" / "Texas delegate Bill Eastland": the words before the
        # role name a place or a body, the person comes after it
        inner, names, inner_aff = split_title(rest[k:], lex)
        role = inner or (" ".join(title) if title else None)
        return role, names, affiliation or inner_aff or " ".join(rest[:k])
    return (" ".join(title) if title else None), rest, affiliation


MAX_OF_WORDS = 12  # "of the Mazhilis of the Parliament of the Republic of Kazakhstan"


def _person_span(ent: Span, lex: Lexicon) -> tuple[int, int] | None:
    """The tokens of a person's name in an entity: a person's, or the name a body's entity
    ran on into (``the Parliament of the Republic of Kazakhstan Nurlan Bekmukhambetov``)."""
    if not any(t.pos_ in NAME_POS for t in ent):
        return None
    if ent.label_ == "PERSON":
        return ent.start, ent.end
    if ent.label_ != "ORG":
        return None
    k = ent.end
    while (
        k > ent.start
        and ent.doc[k - 1].pos_ == "PROPN"
        and ent.doc[k - 1].text not in lex.countries
    ):
        k -= 1
    if k > ent.start and ent.doc[k - 1].text in lex.countries and 2 <= ent.end - k <= 3:
        return k, ent.end
    return None


CHAIN_LINKS = frozenset({"of", "for", "to", "and", "the", "&"})


def _chain_end(doc: Doc, j: int, lex: Lexicon) -> int:
    """The end of a title's chain of capitalised words and links from token ``j`` on
    (``of the Islamic Republic of Iran Railways (RAI)``)."""
    while j < len(doc):
        w = doc[j]
        if w.lower_ in CHAIN_LINKS or w.text in POSSESSIVE or _inner_hyphen(w):
            j += 1
        elif (
            w.lower_ == "on"
            and j + 1 < len(doc)
            and doc[j + 1].text[:1].isupper()
            and doc[j + 1].ent_type_ not in ("DATE", "TIME")
        ):
            # "Committee on International Affairs", not "Emilio Dizon on June 12"
            j += 1
        elif w.is_alpha and (
            w.text[:1].isupper() or _inner_hyphen(doc[j - 1]) or w.lower_ in lex.portfolio_words
        ):
            # "Park Ji-yeon": a hyphenated name's second part may be lower case
            j += 1
        elif w.text == "(" and j + 2 < len(doc) and doc[j + 1].is_upper and doc[j + 2].text == ")":
            j += 3
        else:
            break
    return j


def titled_names(doc: Doc, lex: Lexicon) -> Iterator[tuple[int, int, int]]:
    """``Minister of Foreign Affairs of the Republic of Uzbekistan Sardor Umarkulov``: the
    tagger often finds no person at the end of a long title; the name is the run of
    capitalised words closing the title's of-phrases, less the words that name a country, a
    body or a portfolio. Yields (title start, name start, name end) token indices."""
    i = 0
    while i < len(doc):
        n = next(
            (
                n
                for n in range(MAX_TITLE_WORDS, 0, -1)
                if doc[i].text[:1].isupper() and doc[i : i + n].text.lower() in lex.titles
            ),
            0,
        )
        if not n or i + n >= len(doc):
            i += 1
            continue
        link = doc[i + n]
        if link.lower_ != "of" and link.lower_ not in lex.portfolio_words:
            # "Mayor Frank DiSalvo and ...", "Rep. Teresa Villanueva of New Mexico": the name
            # comes right after the title, where the tagger finds it
            i += n
            continue
        end = _chain_end(doc, i + n, lex)
        k = end
        while k > i + n and (
            doc[k - 1].text[:1].isupper() or _inner_hyphen(doc[k - 1]) or _inner_hyphen(doc[k - 2])
        ):
            k -= 1
        if k > i + n and end - k >= 2 and end - i <= MAX_OF_PHRASE + 6:
            while k < end and (
                doc[k].text in lex.countries
                or doc[k].lower_ in lex.demonyms
                or doc[k].lower_ in lex.organizations
                or doc[k].lower_ in lex.portfolio_words
                or doc[k].lower_ in lex.titles
            ):
                k += 1
            words = [doc[w] for w in range(k, end) if w == k or not _inner_hyphen(doc[w - 1])]
            if any(t.ent_type_ in ("GPE", "LOC", "ORG") for t in words):
                words = []
            if 2 <= len(_words(doc[k:end])) <= 4 and all(_propn(t) for t in words if t.is_alpha):
                yield i, k, end
        i = end if end > i + n else i + n


def _of_country_of(head: Token, lex: Lexicon) -> str | None:
    """``the President of Belarus``, ``the President of the Republic of Belarus``: the
    country a title's ``of`` phrase names."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    place = prep_object(of)
    if place is None:
        return None
    return next((t.text for t in place.subtree if t.text in lex.countries), None)


def _of_country(words: Sequence[str], i: int, lex: Lexicon) -> tuple[str, int] | None:
    """``of Azerbaijan``, ``of the Republic of Azerbaijan`` after a title: the country and
    the index after it, when a name follows."""
    if i >= len(words) or words[i].lower() != "of":
        return None
    for j in range(i + 1, min(len(words) - 1, i + MAX_OF_WORDS)):
        if words[j] in lex.countries:
            return words[j], j + 1
        if not (words[j][:1].isupper() or words[j].lower() in ("the", "of")):
            return None
    return None


SPELLED = re.compile(
    r"\s*\((?:also spelled|also known as|a\.?k\.?a\.?|or)\s+([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)\)"
)


def _demonym(words: Sequence[str], i: int, lex: Lexicon) -> tuple[str, int] | None:
    """The country a demonym at ``words[i]`` names and the words it takes (``North
    Korean`` is two)."""
    pair = " ".join(words[i : i + 2]).lower()
    if i + 1 < len(words) and pair in lex.demonyms:
        return lex.demonyms[pair], 2
    low = words[i].lower()
    return (lex.demonyms[low], 1) if low in lex.demonyms else None


def _name_goes_on(last: Token, end: int) -> bool:
    """The name the tagger ended at ``last`` runs on into the untagged word at ``end``."""
    untagged = last.doc[end].ent_iob_ == "O"
    return last.lower_ in NAME_PARTICLES or (
        untagged and last.dep_ == "compound" and last.head.i >= end
    )


# "a diplomatic source in Baku", "an adviser to several donors": who the unnamed source is
DESCRIBING_PREPS = frozenset({"in", "at", "to", "with", "from", "close", "for", "of"})
MAX_DESCRIPTION = 7  # words after the noun

ALIAS_BREAKS = frozenset({",", "(", ":", ";", "—", "–"})
MAX_ALIAS_WORDS = 8

QUANTIFIERS = frozenset({"most", "many", "some", "all", "several", "both"})
PARTY_MEMBERS = frozenset({"republican", "democrat"})
# "who chairs the committee": the office the verb says the person holds
OFFICES_HELD = {"chair": "chair", "head": "head", "lead": "leader", "direct": "director"}
MAX_OFFICE_CLAUSE = 10  # tokens from a name to the clause that says what office it holds
NAMED_WINDOW = 80  # tokens back to the person a description renames

HOST_VERBS = frozenset({"receive", "host", "welcome"})
OBJECT_PATH = frozenset({"pobj", "prep", "agent", "dobj", "appos", "compound", "conj", "nmod"})


# "..., who arrived in Tashkent on a two-day official visit": the person is a guest
ON_VISIT = re.compile(r",\s+who\s+(?:has\s+)?(?:arrived|is|was)\b[^.;\n]{0,80}?\bvisit\b")


def _received(t: Token) -> bool:
    """``President X received a delegation led by Y`` / ``received the credentials of ...
    ambassador, Y``: Y is the guest a readout later calls ``the guest``."""
    through_object = False
    for _ in range(8):
        through_object = through_object or t.dep_ == "dobj"
        if t.dep_ not in OBJECT_PATH and not (t.dep_ == "acl" and t.pos_ == "VERB"):
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "acl":
            return through_object and t.lemma_.lower() in HOST_VERBS
    return False


def _capitalized(words: Sequence[str]) -> bool:
    return bool(words) and all(w[:1].isupper() for w in words)


def _propn(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.text[:1].isupper()


# an appositive's role comes before these ("a spokeswoman for the party", "who ...")
ROLE_STOPS = frozenset({"of", "for", "at", "in", "with", "who", "whose", "which", "that", "and"})

AFFILIATION_LINKS = frozenset({"of", "the", "and", "for", "&"})
NAME_PARTICLES = frozenset({"van", "von", "de", "da", "del", "der", "la", "le", "bin", "ibn"})


def _role_inside(words: Sequence[str], lex: Lexicon) -> int | None:
    """Index of a title or a lower-case role word between capitalised words and a name."""
    for k in range(1, min(len(words) - 1, MAX_TITLE_WORDS + 1)):
        w = words[k]
        low = w.lower()
        role = low in lex.titles or (
            w.isalpha() and w.islower() and low not in AFFILIATION_LINKS | NAME_PARTICLES
        )
        if not role:
            continue
        before = words[:k]
        # "Texas Senator", "Kyrgyz government spokeswoman": a place or a body, capitalised
        # or not, before the role
        capitalised = before[0][:1].isupper() and all(
            x[:1].isupper() or x in AFFILIATION_LINKS for x in before
        )
        body = all(x.isalpha() and x.islower() for x in before) and low in lex.titles
        if (capitalised or body) and any(x[:1].isupper() for x in words[k + 1 :]):
            return k
        return None
    return None


def find_title(words: Sequence[str], lex: Lexicon) -> tuple[int, int] | None:
    """The longest title inside ``words`` as a [start, end) word range."""
    best: tuple[int, int] | None = None
    for i in range(len(words)):
        for n in range(min(MAX_TITLE_WORDS, len(words) - i), 0, -1):
            if " ".join(words[i : i + n]).lower() in lex.titles:
                if best is None or n > best[1] - best[0]:
                    best = (i, i + n)
                break
    return best


def _title_and_rest(words: Sequence[str], span: tuple[int, int]) -> tuple[str, list[str]]:
    """The title words of ``span`` and the words before them, without determiners (the
    affiliation: ``Azerbaijan's Deputy Prime Minister``)."""
    rest = [w for w in words[: span[0]] if w.lower() not in DETERMINERS]
    return " ".join(words[span[0] : span[1]]), rest


def affiliation_of(words: Sequence[str], lex: Lexicon) -> str | None:
    """A country or organisation named by a demonym or a possessive proper noun."""
    cleaned_all = _clean_words(words)
    for k in range(len(cleaned_all)):
        found = _demonym(cleaned_all, k, lex)
        if found is not None:
            return found[0]
    cleaned = [w for w in _clean_words(words) if w[:1].isupper() and w.lower() not in lex.titles]
    # "the Republic of Azerbaijan": the country, not the form of its name
    country = next((w for w in cleaned if w in lex.countries), None)
    if country is not None:
        return country
    if cleaned:
        return " ".join(cleaned)
    return None


SMALL_WORDS = frozenset({"of", "the", "and", "for", "to", "on"})


def _titlecase(s: str, lex: Lexicon) -> str:
    """``chief of staff`` → ``Chief of Staff``; ``Sen.`` → ``Senator``, ``PM`` → ``Prime
    Minister`` (an abbreviation only: ``Premier`` stays)."""
    short = "." in s or len(s) <= 3
    words = (lex.title_abbreviations.get(s.lower(), s) if short else s).split()
    return " ".join(
        w if w[:1].isupper() or (k and w in SMALL_WORDS) else w.capitalize()
        for k, w in enumerate(words)
    )


class Book:
    """The speakers of one article, resolved in text order."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.entries: list[Entry] = []
        self.last_speaker: Entry | None = None
        # "Zelenskyy (also spelled Zelensky)": names the article itself links to a person
        self.spellings: dict[str, Entry] = {}
        # token index -> the person a long title chain names (see ``titled_names``)
        self.titled_at: dict[int, Entry] = {}
        # acronyms and names looked up in the text, once each (a long text has many mentions)
        self._spellings_out: dict[str, str | None] = {}
        self._runs_on: dict[str, str] = {}
        self._register_people()

    @functools.cached_property
    def text(self) -> str:
        """The document's text (``Doc.text`` joins every token anew on each access)."""
        return self.doc.text

    # -- registration ------------------------------------------------------------------------
    def _register_people(self) -> None:
        doc, lex = self.doc, self.lex
        # the small model sometimes labels a country "PERSON" ("Azerbaijan’s Deputy ...")
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")}
        spans = [s for s in (_person_span(ent, lex) for ent in doc.ents) if s is not None]
        tagged = SpanIndex()
        for lo, hi in spans:
            tagged.add(lo, hi, lo)
        titled = list(titled_names(doc, lex))
        registered: dict[int, Entry] = {}
        for _, s, e in titled:
            over = [(ts, te) for ts, te, _ in tagged.overlapping(s, e)]
            if all(s <= ts and te <= e for ts, te in over):
                # the tagger found none of the name, or only part of it ("Aliyarova")
                spans = [span for span in spans if span not in over] + [(s, e)]
        for start, end in sorted(spans):
            while end < len(doc) and _propn(doc[end]) and _name_goes_on(doc[end - 1], end):
                # "Ursula von der Leyen" with the tagger's person ending at "der", "Ali-Akbar
                # Sadeghpour" with only "Ali-Akbar" tagged
                end += 1
            words = _clean_words(_words(doc[start:end]))
            if " ".join(words) in places:
                continue
            title, name, ent_aff = split_title(words, lex)
            while name and not name[0][:1].isalpha():
                name = name[1:]
            while len(name) > 2 and (
                name[0].lower() in lex.portfolio_words or name[0] in lex.countries
            ):
                # "of the Russian Federation Pavel Kornilov" with the tagger's person starting
                # at "Federation"
                name = name[1:]
            if all(w.lower() in lex.portfolio_words for w in name):
                # "Milli Majlis", "Extraordinary" tagged a person: a body or a title's word
                continue
            if not name or not _name_cased(name[-1]):
                continue
            pre = self._title_before(start) or self._counterpart(doc, start)
            if title is None and pre is not None:
                title, aff_words = pre
            else:
                aff_words = []
            entry = self._person(" ".join(name), start)
            registered[start] = entry
            if title:
                self._give_title(entry, title, aff_words)
            if ent_aff and entry.affiliation is None:
                entry.affiliation = ent_aff
            self._appositive(entry, end)
            self._office_held(entry, end)
            if entry.title is None:
                self._role_before(entry, start)
            if start > 0:
                # "businessman Dale Brennan", "defense attorney Ann Wu"
                self._add_role(entry, [doc[start - 1].text])
            party = next((w.lower() for w in words[:1] if w.lower() in PARTY_MEMBERS), None)
            if start > 0 and doc[start - 1].lower_ in PARTY_MEMBERS:
                party = doc[start - 1].lower_
            if party is not None:
                # "Republican Wes Calloway": "the Republican" later
                entry.roles.add(party)
            self._other_spelling(entry, doc[end - 1].idx + len(doc[end - 1]))
            if (
                _received(doc[end - 1])
                or _visiting(doc, start)
                or ON_VISIT.match(self.text, doc[end - 1].idx + len(doc[end - 1]))
            ):
                entry.roles.add("guest")
        for title_start, start, end in titled:
            # the title's head word may be a mention's head ("Managing Director of ... Jalal
            # Mohebbi-Nasab, who attended, told ..."); a name the tagger found is its own
            lo = (
                start
                if start in registered
                else next((s for s, _, _ in tagged.overlapping(start, end)), start)
            )
            if lo not in registered:
                continue
            entry = registered[lo]
            chain = _title_of_place(doc, start, lex)
            if chain is not None:
                # "Deputy Minister of Defence of ... Lieutenant General Serik Dauletov": the
                # rank is the title next to the name; the office is a role too
                self._give_title(entry, *chain)
            for i in range(title_start, end):
                self.titled_at[i] = entry
        self._titles_elsewhere([e for e in self.entries if e.kind == "person" and e.title is None])
        self._guests_received()

    def _guests_received(self) -> None:
        """``received a delegation led by Prime Minister of Georgia Zurab Lomtadze``, the
        name untagged there: whoever the article names in what a host received is a guest."""
        for verb in self.doc:
            if verb.pos_ != "VERB":
                continue
            for obj in _received_objects(verb):
                words = {t.lower_ for t in obj.subtree if t.pos_ == "PROPN"}
                for e in self.entries:
                    if e.kind == "person" and len(e.name.split()) > 1 and e.surname in words:
                        e.roles.add("guest")

    def _other_spelling(self, entry: Entry, at: int) -> None:
        """``Volodymyr Zelenskyy (also spelled Zelensky)``: the other spelling is the same
        person in this article, and its full form an alias that links stored records."""
        m = SPELLED.match(self.text, at)
        if m is None:
            return
        other = m.group(1).split()
        full = other if len(other) > 1 else [*entry.name.split()[:-1], *other]
        for alias in (" ".join(other), " ".join(full)):
            self.spellings[alias.lower()] = entry
            entry.add_alias(alias)

    def _titles_elsewhere(self, untitled: list[Entry]) -> None:
        """``Minister of Defense of Pakistan Khawaja Asif`` where the model tagged only a later
        ``Khawaja Asif``: the title before another mention of the full name. One pass over
        the text for all the names (a pass per name is quadratic on a long document)."""
        by_name = {e.name: e for e in untitled}
        if not by_name:
            return
        names = sorted(by_name, key=len, reverse=True)
        pattern = r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"
        for m in re.finditer(pattern, self.text):
            entry = by_name[m.group()]
            span = self.doc.char_span(m.start(), m.end())
            if entry.title is not None or span is None:
                continue
            found = self._title_before(span.start)
            if found is not None:
                self._give_title(entry, *found)

    def _title_before(self, start: int) -> tuple[str, list[str]] | None:
        """The title right before a name at token ``start`` (``President Masoud
        Pezeshkian``, ``Speaker of Iran's parliament Ali Larijani``) and the words that give
        its affiliation."""
        doc = self.doc
        before = _words(doc[max(doc[start].sent.start, start - 2 * MAX_TITLE_WORDS) : start])
        return _pre_title(before, self.lex) or _title_of_place(doc, start, self.lex)

    def _give_title(self, entry: Entry, title: str, aff_words: Sequence[str]) -> None:
        """Title and affiliation for a person who has none yet; a second title is a role
        (``Chairman of the Milli Majlis``, later ``Speaker Ilgar Tahirli``: "the Speaker")."""
        if entry.title is None:
            entry.title = _titlecase(title, self.lex)
        elif title.lower() != entry.title.lower():
            entry.roles.add(title.lower())
        if aff_words and entry.affiliation is None:
            entry.affiliation = affiliation_of(aff_words, self.lex)

    def _counterpart(self, doc: Doc, start: int) -> tuple[str, list[str]] | None:
        """``his Azeri counterpart Jeyhun Bayramov``: the title of the person introduced last
        with one, and the nationality in between."""
        words = [t for t in doc[max(doc[start].sent.start, start - 4) : start] if not t.is_punct]
        at = next((k for k, t in enumerate(words) if t.lemma_.lower() == "counterpart"), None)
        if at is None or at != len(words) - 1:
            return None
        titled = [e for e in self.entries if e.kind == "person" and e.title and e.last_seen < start]
        if not titled:
            return None
        return titled[-1].title or "", [t.text for t in words[:at] if t.lower_ in self.lex.demonyms]

    def _appositive(self, entry: Entry, after: int) -> None:
        """``Shahin Mustafayev, Azerbaijan’s Deputy Prime Minister,``: title and affiliation."""
        doc = self.doc
        if after + 1 < len(doc) and doc[after].lower_ == "of" and _propn(doc[after + 1]):
            # "Rep. Lorena Baptiste of California, the committee’s ranking member,"
            after += 1
            while after < len(doc) and _propn(doc[after]):
                after += 1
        if after >= len(doc) or doc[after].text != ",":
            return
        if after + 2 < len(doc) and _is_age(doc[after + 1]) and doc[after + 2].text == ",":
            # "Gloria Benavides, 71, a retired bookkeeper": the role follows the age
            entry.age = doc[after + 1].text
            after += 2
        words: list[str] = []
        tokens: list[Token] = []
        for t in doc[after + 1 : min(len(doc), after + 10)]:
            if t.text in (",", ".", ";", ":", "(", ")") or t.is_space or t.sent != doc[after].sent:
                break
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                # "Devin Okoro, said the governor ...": the sentence goes on, no apposition
                break
            words.append(t.text)
            tokens.append(t)
        span = find_title(words, self.lex)
        if span is None:
            self._add_role(entry, words)
            noun = _described_as(tokens)
            if noun is not None:
                # "Gloria Benavides, 71, a retired bookkeeper": "the retired bookkeeper"
                entry.roles.add(noun)
            return
        title, before = _title_and_rest(words, span)
        if entry.title is not None:
            # a second role ("Rep. ..., the ranking member") still finds the person
            entry.roles.add(title.lower())
        self._give_title(entry, title, before)
        of_words = [w for w in words[span[1] + 1 :] if w[:1].isupper()]
        if entry.affiliation is None and words[span[1] : span[1] + 1] == ["of"] and of_words:
            # "the president of the European Commission": the body is named in full
            entry.affiliation = " ".join(of_words)

    def _office_held(self, entry: Entry, after: int) -> None:
        """``Colleen Marsh, R-Ohio, who chairs the subcommittee``: "the chairwoman" later."""
        doc = self.doc
        for t in doc[after : min(len(doc), after + MAX_OFFICE_CLAUSE)]:
            if t.is_space or t.text in (".", ";"):
                return
            role = OFFICES_HELD.get(t.lemma_.lower()) if t.dep_ == "relcl" else None
            if role is not None and any(c.lower_ == "who" for c in t.children):
                entry.roles.add(role)
                return

    def _add_role(self, entry: Entry, words: Sequence[str]) -> None:
        """``a civil rights attorney representing ...``: the role word a later ``the lawyer``
        finds the person by."""
        lex = self.lex
        for w in words:
            low = w.lower()
            if low in ROLE_STOPS:
                return
            if low in lex.person_nouns and w.islower():
                # a title ("candidate", "nominee") is matched as a title, with its party
                if low not in lex.titles:
                    entry.roles.add(lex.role_synonyms.get(low, low))
                return

    def _role_before(self, entry: Entry, start: int) -> None:
        """``The Prime Minister, Keir Starmer,``: a role set off by a comma before the name."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ",":
            return
        words: list[str] = []
        for t in reversed(doc[max(0, start - 10) : start - 1]):
            if t.is_punct or t.is_space:
                break
            words.insert(0, t.text)
        span = find_title(words, self.lex)
        if span is None:
            return
        tail = words[span[1] :]
        # "Indonesia's new ambassador to Tehran, Budi Santoso Wirawan,", "the Speaker of the
        # National Assembly of Armenia, Hovik Zakaryan,"
        body = [w for w in tail[1:] if w.lower() not in ("the", "of", "and")]
        if tail and not (tail[0] in ("to", "of", "for", "in") and _capitalized(body)):
            return
        self._give_title(entry, *_title_and_rest(words, span))

    def _person(self, name: str, pos: int) -> Entry:
        parts = name.split()
        linked = self.spellings.get(name.lower())
        if linked is not None:
            return linked
        for e in self.entries:
            if e.kind != "person":
                continue
            eparts = e.name.split()
            # "Xi" in a headline, then "Xi Jinping": a family name first (a title-case line
            # makes names of common words: "Obama Speech")
            family_first = (
                len(eparts) == 1
                and eparts[0].lower() == parts[0].lower()
                and len(parts) > 1
                and not _headline(self.doc, pos)
            )
            lowered, elowered = [p.lower() for p in parts], [p.lower() for p in eparts]
            # "Von der Leyen" after "Ursula von der Leyen": a surname of several words
            short, longer = sorted((lowered, elowered), key=len)
            long_surname = (
                1 < len(short) < len(longer)
                and short[0] in NAME_PARTICLES
                and longer[-len(short) :] == short
            )
            if (
                family_first
                or long_surname
                or (
                    elowered[-1] == lowered[-1]
                    and (len(parts) == 1 or len(eparts) == 1 or elowered[0] == lowered[0])
                )
            ):
                if len(parts) > len(eparts):
                    e.add_alias(e.name)
                    e.name = name
                return e
        if len(parts) == 1:
            # "Yang" after "Yang Jiechi" (family name first), "Hillary" after "Hillary
            # Clinton": one word that opens exactly one known full name is that person
            low = parts[0].lower()
            firsts = [
                e
                for e in self.entries
                if e.kind == "person"
                and len(e.name.split()) > 1
                and e.name.split()[0].lower() == low
            ]
            if len(firsts) == 1:
                return firsts[0]
        if name.isupper() and len(name) > 3:
            # a transcript's label ("WALLACE:") or a headline in capitals shouts the name
            name = name.title()
        e = Entry(name, "person", last_seen=pos, first_seen=pos)
        self.entries.append(e)
        return e

    def _gender(self, e: Entry) -> str | None:
        """What a pronoun may tell of a person: an honorific or pronoun seen, else a gendered
        title or role (``Councilwoman``, ``the spokesman``), else the given name (a title
        tells more than a name: ``Councilwoman Patrice Oduya``)."""
        if e.gender is not None:
            return e.gender
        words = [*(e.title or "").lower().split()[-1:], *e.roles]
        role = next((self.lex.role_genders[w] for w in words if w in self.lex.role_genders), None)
        return role or (self._given_gender(e.name.split()) if e.kind == "person" else None)

    def _given_gender(self, parts: Sequence[str]) -> str | None:
        return self.lex.given_names.get(parts[0].lower()) if len(parts) > 1 else None

    def _other(self, name: str, kind: SpeakerKind) -> Entry:
        if kind == "document" and name.lower().startswith("same "):
            name = name[len("same ") :]  # "the same poll" is the poll named before
        alias = None
        if kind == "organization":
            name = _national_ministry(name, self.lex)
            # "Ruiz-Carver's campaign" is the Ruiz-Carver campaign
            name = re.sub(r"^(.+?)['’]s campaign$", r"\1 campaign", name)
            spelled = self._spelled_out(name)
            if spelled is not None:
                name, alias = spelled, name
            else:
                name = self._acronym_runs_on(name)
        for e in self.entries:
            if e.kind == kind and e.name.lower() == name.lower():
                if alias:
                    e.add_alias(alias)
                return e
        portfolio = re.fullmatch(r"(?:the )?(\w+) Ministry", name, re.IGNORECASE)
        if kind == "organization" and portfolio:
            # "the Defence Ministry" after "the Ministry of Defence of the Republic of ..."
            of_form = f"ministry of {portfolio.group(1).lower()}"
            for e in self.entries:
                if e.kind == kind and e.name.lower().startswith(of_form):
                    e.add_alias(name)
                    return e
        if kind in ("organization", "document") and " " not in name:
            # "the ministry" after "the Russian Foreign Ministry", "the report" after "an
            # incident report": the one named last
            named = [
                e
                for e in self.entries
                if (e.kind == kind and _named_by_noun(e.name, name))
                or name.lower() in e.roles
                # "the agency" after "The state Department of Natural Resources", "the
                # regulator" after "The Competition and Markets Authority"
                or (
                    e.kind == kind == "organization"
                    and name.lower() in ("agency", "regulator", "watchdog")
                    and not GOVERNMENT_UNITS.isdisjoint(e.name.split())
                )
            ]
            if named:
                return max(named, key=lambda e: e.last_seen)
            if name.lower() in self.lex.organizations:
                # "The Commission" after "the European Commission", however that was tagged;
                # "the union" after "the Eastmark Staff Employees Union"
                if name[:1].isupper():
                    name = self._acronym_runs_on(self._full_name(name))
                else:
                    name = self._body_in_text(name) or name
                for e in self.entries:
                    if e.kind == kind and e.name == name:
                        return e
        e = Entry(name, kind)
        if alias:
            e.add_alias(alias)
        self.entries.append(e)
        return e

    def _spelled_out(self, acronym: str) -> str | None:
        """``the MJR`` after ``the rebel Movement for Justice and Renewal (MJR)``: the name
        the article spelled out before the acronym in brackets, its initials matching."""
        if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
            return None
        if acronym not in self._spellings_out:
            self._spellings_out[acronym] = self._spell_out(acronym)
        return self._spellings_out[acronym]

    def _spell_out(self, acronym: str) -> str | None:
        if f"({acronym})" not in self.text:
            return None
        m = re.search(
            r"((?:[A-Z][\w'&.-]*\s+(?:(?:of|for|and|the|de)\s+)*)+)\(" + acronym + r"\)", self.text
        )
        if m is None:
            return None
        words = m.group(1).split()
        for k in range(len(words)):
            caps = "".join(w[0] for w in words[k:] if w[:1].isupper())
            # "Alliance of Small Island States (AOSIS)" counts its "of" too
            every = "".join(w[0] for w in words[k:] if w.lower() != "the").upper()
            if acronym in (caps, every) and words[k][:1].isupper():
                return " ".join(words[k:])
        return None

    def _its_ministry(self, head: Token, mention: str) -> Entry | None:
        """``Sudan’s army-aligned government dismissed ... Its foreign ministry urged``: the
        ministry of the country whose government or body spoke last."""
        if head.lemma_.lower() not in ("ministry", "embassy") or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children
        ):
            return None
        last = self.last_speaker
        if last is None or last.kind not in ("government", "organization"):
            return None
        words = re.sub(r"['’]s\b", "", last.name).split()
        country = next((w for w in words if w in self.lex.countries), None) or next(
            (self.lex.demonyms[w.lower()] for w in words if w.lower() in self.lex.demonyms), None
        )
        if country is None:
            return None
        body = mention.split(maxsplit=1)[1] if " " in mention else mention
        return self._other(f"{country}’s {body}", "organization")

    def _named_body(self, noun: str) -> str | None:
        """The full name of the body a bare noun stands for (``the department`` after ``the
        Department of Mineral Resources and Energy``), if the article gave one."""
        if noun not in self.lex.organizations and noun not in BUSINESSES:
            return None
        named = self._latest_named_by(noun, ("organization", "government"))
        return named.name if named is not None else self._body_in_text(noun)

    def _latest_named_by(self, noun: str, kinds: tuple[SpeakerKind, ...]) -> Entry | None:
        """The body of these kinds named last whose name this noun stands for (``the
        ministry``: the Russian Foreign Ministry)."""
        named = [e for e in self.entries if e.kind in kinds and _named_by_noun(e.name, noun)]
        return max(named, key=lambda e: e.last_seen) if named else None

    def _body_in_text(self, noun: str) -> str | None:
        """The name the text gives a body that ends in this noun (``the union``: the Eastmark
        Staff Employees Union), run on to its acronym; a country is none (``the European
        Union``)."""
        full = self._acronym_runs_on(self._full_name(noun[:1].upper() + noun[1:]))
        return full if " " in full and full not in self.lex.countries else None

    def _acronym_runs_on(self, name: str) -> str:
        """``the National Union of Platinum`` where the tagger stopped at "and" in ``the
        National Union of Platinum and Allied Workers (NUPAW)``: the name its acronym
        spells out."""
        if name in self._runs_on:
            return self._runs_on[name]
        m = re.search(re.escape(name) + r"[\w\s'&-]{0,60}?\(([A-Z]{2,8})\)", self.text)
        spelled = self._spelled_out(m.group(1)) if m else None
        self._runs_on[name] = spelled if spelled is not None and spelled.startswith(name) else name
        return self._runs_on[name]

    def _full_name(self, word: str) -> str:
        """The first name in the text that ends in this capitalised word."""
        for m in re.finditer(r"((?:[A-Z][\w&.-]* )+)" + re.escape(word) + r"\b", self.text):
            words = [w for w in m.group(1).split() if w.lower() not in DETERMINERS]
            if words:
                return " ".join([*words, word])
        return word

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, head: Token, mention: str) -> Entry | None:
        lex = self.lex
        low = head.lower_
        pron = (
            lex.pronoun_class(low)
            if head.pos_ == "PRON" or low in lex.pronouns["relative"]
            else None
        )
        if pron == "relative":
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is None or antecedent.pos_ == "PRON":
                return self.last_speaker
            return self._resolve_noun(antecedent, _name_text(antecedent))
        if pron is not None:
            if pron in ("male", "female"):
                topic = self._previous_subject(head, pron)
                if topic is not None:
                    return topic
            return self._resolve_pronoun(pron, head.i)
        return self._resolve_noun(head, mention)

    def _previous_subject(self, head: Token, pron: str) -> Entry | None:
        """``Wes Harlan, 62, was filling two cans. He said ...``: a pronoun opening a sentence
        is the named person the sentence before it was about, in the same paragraph, even
        when someone else spoke last."""
        doc = head.doc
        sent = head.sent
        # "Marchbanks was unconvinced. “You spent six years ...,” she said."
        after_quote = doc[sent.start].is_quote and head.i > 0 and doc[head.i - 1].is_quote
        if (head.i != sent.start and not after_quote) or sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        if any("\n" in t.text for t in doc[prev.end - 1 : sent.start + 1]) and not (
            # "Before he was sentenced, Pfeiffer stood and turned to the gallery.\n\n“I am
            # ashamed ...,” he said": a paragraph of narration about the person, then the quote
            after_quote and _narration_paragraph(doc, prev)
        ):
            return None
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not _named_subject(subj):
            return None
        low = _word_at(subj).lower()
        # a known person's surname, however the tagger labelled it ("Pfeiffer" as a body)
        person = self._person_by_surname(subj)
        if person is None or self._gender(person) not in (None, pron):
            return None
        if self._gender(person) is None:
            # "Rep. Calvin Osterhout pressed Whitlock on ... She said": a person in that
            # sentence known to fit the pronoun is likelier than a subject of unknown gender
            others = {_word_at(t).lower() for t in prev if t.pos_ == "PROPN"} - {low}
            if any(e.surname in others and self._gender(e) == pron for e in self.entries):
                return None
        return person

    def _person_by_surname(self, t: Token) -> Entry | None:
        """The one known person whose surname the word at ``t`` is."""
        low = _word_at(t).lower()
        found = [e for e in self.entries if e.kind == "person" and e.surname == low]
        return found[0] if len(found) == 1 else None

    def narrated(self, start: int) -> Entry | None:
        """``Ralston, wearing a jail jumpsuit, turned toward the gallery and apologized. “I
        think about him every day ...”``: a quotation right after a sentence of narration
        about a named person, in the same paragraph, is that person's."""
        doc = self.doc
        quote = doc.char_span(start, start + 1, alignment_mode="expand")
        if quote is None or quote.start < 2:
            return None
        i = quote.start - 1
        while i > 0 and (doc[i].is_quote or doc[i].is_space) and "\n" not in doc[i].text:
            i -= 1
        if "\n" in doc[i].text:
            return None
        prev = doc[i].sent
        if any(t.is_quote or "\n" in t.text for t in doc[prev.start : i]):
            return None
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None or not _named_subject(subj):
            return None
        return self._person_by_surname(subj)

    def _just_quoted_one(self, e: Entry, pron: str, pos: int) -> bool:
        """``A longtime lobbyist said ... He added``: an unnamed person takes a pronoun only
        right after speaking, in the same paragraph."""
        return (
            e.one_person
            and pron in ("male", "female")
            and e is self.last_speaker
            and not any("\n" in t.text for t in self.doc[e.last_seen : pos])
        )

    def _resolve_pronoun(self, pron: str, pos: int) -> Entry | None:
        if pron in ("male", "female"):
            want_kind: tuple[str, ...] = ("person",)
        elif pron == "neuter":
            want_kind = ("organization", "government", "document", "group")
        elif pron == "plural":
            want_kind = ("group", "organization", "government", "anonymous", "person")
        else:
            want_kind = ("person", "organization", "government", "group", "anonymous")
        cands = [
            e
            for e in self.entries
            if (e.kind in want_kind or self._just_quoted_one(e, pron, pos)) and e.last_seen <= pos
        ]
        if pron in ("male", "female"):
            cands = [e for e in cands if self._gender(e) in (None, pron)]
        last = self.last_speaker
        if last is not None and last in cands:
            chosen = last
        elif cands:
            chosen = max(cands, key=lambda e: e.last_seen)
        else:
            return None
        if pron in ("male", "female") and chosen.gender is None:
            chosen.gender = pron
        return chosen

    def _resolve_noun(self, head: Token, mention: str) -> Entry | None:
        lex = self.lex
        if head.i in self.titled_at:
            return self.titled_at[head.i]
        title = _title_possessor(head, lex)
        if title is not None:
            return self._resolve_noun(title, mention)
        group = self._one_of(head) or self._most_of(head)
        if group is not None:
            return group
        owner = _press_owner(head)
        if owner is not None:
            return self._resolve_noun(owner, _name_text(owner))
        ministry = self._its_ministry(head, mention)
        if ministry is not None:
            return ministry
        age = AGED.match(mention)
        if age is not None:
            return self._aged(age.group(1), head.i, head.lower_)
        if head.lower_ in PARTY_MEMBERS and _definite(head) and _placed(head):
            # "the Waukesha Republican", "The Democrat from Ann Arbor": the politician just
            # named, by party and home
            named = self._last_named(head)
            if named is not None:
                return named
        if head.lower_ in PARTY_MEMBERS and _definite(head):
            members = [e for e in self.entries if e.kind == "person" and head.lower_ in e.roles]
            if len(members) == 1:
                return members[0]
        words = _words(head.doc[name_range(head)[0] : head.i + 1])
        ent = head.ent_type_
        known = head.text[:1].isupper() and self._known_surname(head)
        # a capitalised word inside a sentence is a name even when mistagged ("Trump" VERB)
        looks_name = (
            head.text[:1].isupper()
            and head.i > head.sent.start
            and not doc_start_of_line(head)
            and head.pos_ in ("VERB", "NOUN", "ADJ", "ADV")
            and head.lemma_.lower() not in lex.person_nouns
        )
        if head.pos_ == "PROPN" or known or looks_name:
            if known:
                ent = "PERSON"
            if ent in ("GPE",) and not _described_as_person(head, lex):
                return self._other(_strip_det(mention), "government")
            bare = " ".join(w for w in _clean_words(words) if w.lower() not in DETERMINERS)
            if ent == "ORG" and bare.lower() in lex.titles:
                # "The CFO" tagged a body: a title alone, its holder's if the article names one
                held = self._by_role(bare.split()[-1].lower(), None, head)
                if held is not None:
                    return held
            if ent in ("ORG",) and not self._known_surname(head) and not self._titled_name(words):
                # "The nonpartisan Congressional Budget Office" is the Congressional Budget Office
                name = _body_text(head) if mention == _name_text(head) else _strip_det(mention)
                return self._body_named(name, head.i) or self._other(name, "organization")
            owner: str | None = None
            cut = max((k for k, w in enumerate(words) if w in POSSESSIVE), default=-1)
            if cut > 0 and head.lower_ in lex.organizations:
                # "the Brannock County District Attorney’s Office": one body's name
                return self._other(_strip_det(mention), "organization")
            if 0 < cut < len(words) - 1:
                # "Breitbart’s Joel Pollak": the possessor is the affiliation, not the name
                owner = affiliation_of(words[:cut], lex)
                words = words[cut + 1 :]
            title, name_words, aff = split_title(_clean_words(words), lex)
            if title is None and len(name_words) > 1 and name_words[-1].lower() in lex.titles:
                # "The Milli Majlis Chairman" of two chairmen: the one introduced with that body
                introduced = self._introduced_with(name_words[:-1], head.i) or self._by_role(
                    name_words[-1].lower(), aff, head
                )
                if introduced is not None:
                    return introduced
            aff = aff or owner
            names = _name_words(name_words)
            in_entity = _entity_name(head, lex)
            if len(in_entity) > 1 or (in_entity and self._fuller_name_known(head)):
                # "Rival Hillary Clinton", "Said Ellis": the parse put other words before the
                # name; "Amelize Joseph" with only "Joseph" tagged keeps both words
                names = in_entity
            # "Iran's Foreign Minister Ali Bakri" parsed as a title with the name beside it;
            # "State Councilor and Foreign Minister Wang Yi" as a title and a conjunct
            appos = next(
                (c for c in head.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"),
                None,
            )
            if not names and appos is not None:
                e = self._resolve_noun(appos, _name_text(appos))
                if e is not None and e.kind == "person":
                    e.title = e.title or (_titlecase(title, lex) if title else None)
                    e.affiliation = e.affiliation or aff
                return e
            if not names and title:
                named = self._named_after_of(head)
                if named is not None:
                    return named
            if not names:
                # "Russian PM" / "The Prime Minister": a capitalised title alone is a role,
                # the holder's if the article names one
                if title is None:
                    return None
                held = self._by_role(
                    title.split()[-1].lower(), aff or _of_country_of(head, lex), head
                )
                return held or self._other(_strip_det(mention), "person")
            if ent == "NORP" and not self._known_surname(head) and len(names) == 1:
                return self._other(_strip_det(mention), "group")
            body = self._body_named(names[0], head.i) if len(names) == 1 and not title else None
            if body is not None:
                return body
            e = self._person(" ".join(names), head.i)
            if title and e.title is None:
                e.title = _titlecase(title, lex)
            if aff and e.affiliation is None:
                e.affiliation = aff
            hon = words[0].lower().rstrip(".") if words else ""
            if hon in ("mr",):
                e.gender = "male"
            elif hon in ("mrs", "ms", "miss"):
                e.gender = "female"
            return e
        name = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and not _title_word(c, lex)
            ),
            None,
        )
        if name is not None and _own_role(name, lex) not in (None, head.lemma_.lower()):
            # "A spokeswoman for the Republican, businessman Dale Brennan,": the name has a
            # role of its own; it renames the Republican, not the spokeswoman
            name = None
        if name is not None and head.pos_ == "NOUN" and head.lemma_.lower() in BUSINESSES:
            # "The developer, Denver-based Larkspur Residential,": a business, however tagged
            lo = name.i
            while lo > 0 and _body_word(head.doc[lo - 1]):
                lo -= 1
            return self._other(" ".join(_words(head.doc[lo : name.i + 1])), "organization")
        if name is not None and head.pos_ == "NOUN":
            # "the mayor, Joe Park,": the appositive names the person the role describes
            e = self._resolve_noun(name, _name_text(name))
            role = head.lemma_.lower()
            if (e is None or e.kind != "person") and _lemma_in(head, lex.titles, lex.person_nouns):
                # "The Conservative leader, Kemi Badenoch": a person, whatever the tagger says
                words = _name_words(_words(head.doc[name_range(name)[0] : name.i + 1]))
                e = self._person(" ".join(words), name.i) if words else e
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and of.i == head.i + 1:
                # "chief of staff"
                longer = head.doc[head.i : of.right_edge.i + 1].text.lower()
                role = longer if longer in lex.titles else role
            if e is not None and e.kind == "person" and e.title is None and role in lex.titles:
                e.title = _titlecase(role, lex)
            elif e is not None and e.kind == "person" and role in lex.person_nouns:
                # "Merritt’s attorney, Daniel Feeney": "her attorney" later is Feeney
                e.roles.add(lex.role_synonyms.get(role, role))
            return e
        lemma = head.lemma_.lower()
        demonym = next(
            (found[0] for k in range(len(words)) if (found := _demonym(words, k, lex))), None
        )
        owner_at = max((k for k, w in enumerate(words) if w in POSSESSIVE), default=-1)
        if demonym is None and owner_at > 0:
            # "Iran's top diplomat": the possessor is the affiliation
            demonym = affiliation_of(words[:owner_at], lex)
        if lemma in lex.person_nouns or lemma in lex.titles or self._someone_described_as(lemma):
            # "the Armenian deputy premier": a two-word role names the title exactly
            pair = f"{words[-2].lower()} {lemma}" if len(words) > 1 else ""
            of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = prep_object(of)
            if target is not None and target.i == head.i + 2:
                # "The head of state" is the President
                pair = f"{lemma} of {target.lower_}"
            role = pair if pair in lex.title_abbreviations or pair in lex.titles else lemma
            triple = " ".join(w.lower() for w in words[-3:-1]) + f" {lemma}"
            if len(words) > 2 and triple in lex.titles:
                # "The deputy prime minister" is not the Prime Minister
                role = triple
            if role == "chief executive" and demonym in lex.countries:
                # "the Iranian chief executive": state media's name for the president
                role = "president"
            if any(c.dep_ == "amod" and c.lower_ == "visiting" for c in head.children):
                # "The visiting official" is the guest the host received
                role = "guest"
            # "the two leaders" are not one of them; "a spokesman" is someone new
            indefinite = bool(words) and words[0].lower() in ("a", "an")
            one_known = head.tag_ != "NNS" and not indefinite
            speaker = self._named_for(head)
            if speaker is not None:
                return speaker
            body_words = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in DETERMINERS]
            introduced = self._introduced_with(body_words, head.i) if body_words else None
            if introduced is not None:
                # "The Milli Majlis Chairman" of two chairmen: the one introduced with that body
                return introduced
            just_quoted = self._unnamed_as(lemma) if _definite(head) else None
            if just_quoted is not None and just_quoted is self.last_speaker:
                # "A Republican senator who voted against it said ... the senator said": the
                # unnamed one who just spoke, not a named senator further back
                return just_quoted
            last = self.last_speaker
            if (
                _definite(head)
                and head.tag_ == "NN"
                and last is not None
                and last.kind in ("anonymous", "group")
                and not {f"{lemma}s", f"{lemma}es"}.isdisjoint(last.name.lower().split())
            ):
                # "One of the diplomats said ... the diplomat said": one of those who just spoke
                return last
            match = self._by_role(role, demonym, head) if one_known else None
            if match is None and indefinite and head.tag_ == "NN" and _in_lede(head, self.text):
                # "An Ohio judge refused ..." in the lede is the judge the story names next
                match = self._named_later(role, head)
            if match is None and _definite(head) and head.tag_ == "NN":
                match = self._unnamed_as(lemma)
            if (
                match is None
                and _definite(head)
                and head.tag_ == "NN"
                and not indefinite
                and last is not None
                and last.kind == "person"
                and last.title is None
                and not last.roles
            ):
                # "Mwape, 63, told supporters ... “...,” the opposition leader said": a role
                # no one was introduced with describes the person who is speaking
                last.roles.add(role)
                match = last
            if match is not None:
                if demonym and match.affiliation is None:
                    match.affiliation = demonym
                return match
            if head.tag_ == "NNS" and any(c.dep_ == "nummod" for c in head.children):
                return self._other(_uncounted(_described(head, mention)), "group")
            if head.tag_ == "NNS" or indefinite:
                return self._unnamed(head, mention, one_person=head.tag_ == "NN")
            return self._other(_strip_det(mention), "person")
        if head.lower_ == "side" and demonym is not None:
            # "The Kazakh side" in a readout of two officials is the Kazakh official
            delegates = [e for e in self.entries if e.kind == "person" and e.affiliation == demonym]
            if len(delegates) == 1:
                return delegates[0]
        if lemma in lex.anonymous or head.lower_ in lex.anonymous:
            return self._unnamed(head, mention)
        if lemma in lex.documents or head.lower_ in lex.documents:
            issuer = _issuer(head)
            if issuer is None and lemma in ISSUED and head.dep_ == "dobj":
                # "Ruiz-Carver's campaign released a statement saying ...": who released it
                issuer = next(
                    (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
                )
            if issuer is not None and lemma in ISSUED:
                # "a statement from the Turkish Foreign Ministry" is the ministry speaking
                e = self._resolve_noun(issuer, _name_text(issuer))
                if e is not None:
                    e.roles.add(lemma)
                    return e
            if issuer is not None:
                # "A report released last week by the Senate Fiscal Agency" is the Senate
                # Fiscal Agency report, and "the report" later
                body = _body_text(issuer)
                e = self._other(f"{body} {_document_words(head)}", "document")
                e.affiliation = e.affiliation or body
                return e
            poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
            body_name = self._named_body(poss.lower_) if poss is not None else None
            if body_name is not None:
                # "the department's annual safety report": the department named before
                e = self._other(f"{body_name} {_document_words(head)}", "document")
                e.affiliation = e.affiliation or body_name
                return e
            owner = _name_run(head.doc[name_range(head)[0] : head.i])
            if owner and all(t.ent_type_ != "PERSON" for t in owner):
                # "A Reuters/Ipsos poll", "the IMF report": the body's document
                body = " ".join(_words(head.doc[owner[0].i : owner[-1].i + 1]))
                kind = _document_words(head, owner[-1].i + 1)
                e = self._other(f"{body} {kind}", "document")
                e.affiliation = e.affiliation or body
                return e
            if lemma in JUDGMENTS and _definite(head):
                # "the ruling said": the judge who ruled
                judge = self._by_role("judge", None, head)
                if judge is not None:
                    return judge
            return self._other(_strip_det(mention), "document")
        if lemma in lex.governments:
            return self._other(_strip_det(mention), "government")
        if lemma in BUSINESSES and _definite(head) and head.tag_ == "NN":
            business = self._last_business(head.i)
            if business is not None:
                return business
        if lemma in lex.organizations:
            return self._other(_strip_det(mention), "organization")
        if head.tag_ == "NN" and _definite(head) and self._unnamed_as(lemma) is not None:
            # "the teacher" after "A science teacher at the high school"
            return self._unnamed_as(lemma)
        if head.tag_ == "NN" and _definite(head):
            # "The lodge" after "the Fraternal Order of Police Lodge 12"
            lodge = self._latest_named_by(lemma, ("organization",))
            if lodge is not None:
                return lodge
        if head.tag_ == "NN" and _indefinite(head) and lemma not in lex.groups:
            # "A city planning employee", "a firefighter working the eastern flank"
            return self._unnamed(head, mention, one_person=True)
        if head.pos_ in ("NOUN", "NUM", "ADJ", "DET") or lemma in lex.groups:
            return self._other(_uncounted(mention), "group")
        return None

    @functools.cached_property
    def _bodies(self) -> list[tuple[int, int, str]]:
        """(start, end, name) of every body named in full (``Lakeview Power & Light``): an
        entity tagged as one, of two or more proper nouns, in text order."""
        out = []
        for ent in self.doc.ents:
            words = [t for t in ent if t.text not in POSSESSIVE and t.dep_ != "det"]
            if ent.label_ == "ORG" and len(words) > 1 and all(map(_body_word, words)):
                out.append((ent.start, ent.end, " ".join(_words(words))))
        return out

    @functools.cached_property
    def _businesses(self) -> list[tuple[int, int, str]]:
        return [b for b in self._bodies if not _public_body(b[2])]

    @functools.cached_property
    def _business_ends(self) -> list[int]:
        return [b[1] for b in self._businesses]

    def _last_business(self, before: int) -> Entry | None:
        """``The company said``: the business the article named last (a source already, or
        a name tagged as a body), by a name that is not a public body's."""
        spoken = [
            e
            for e in self.entries
            if e.kind == "organization" and e.last_seen < before and not _public_body(e.name)
        ]
        last = max(spoken, key=lambda e: e.last_seen, default=None)
        k = bisect.bisect_right(self._business_ends, before) - 1
        if k >= 0 and (last is None or self._businesses[k][0] > last.last_seen):
            return self._other(self._businesses[k][2], "organization")
        return last

    def _named_later(self, role: str, head: Token) -> Entry | None:
        """The first person after ``head`` whose title is exactly this role."""
        later = [
            e
            for e in self.entries
            if e.kind == "person"
            and e.first_seen > head.i
            and (e.title or "").lower().split()[-1:] == [role]
        ]
        return min(later, key=lambda e: e.first_seen) if later else None

    def _titled_name(self, words: Sequence[str]) -> bool:
        """``District spokesman Eli Navarro``, ``Deputy Prime Minister of Azerbaijan Rovshan
        Aliguliyev`` tagged a body: a title, then a name of two or more capitalised words."""
        words = _clean_words(words)
        title, name, _aff = split_title(words, self.lex)
        # "Democrat Ana Trejo-Banks" tagged a body: the party word stands as a title
        titled = title is not None or (len(words) > 2 and words[0].lower() in PARTY_MEMBERS)
        return titled and len(name) > 1 and _capitalized(name)

    def _body_named(self, name: str, before: int | None = None) -> Entry | None:
        """``Keystone`` after ``Keystone Correctional Health``, even when tagged a person: the
        words that open a body's name and no person's full name. With ``before``, a body the
        text named before that token counts too, spoken or not."""
        if not name[:1].isupper() or any(
            e.kind == "person" and " " in e.name and e.surname == name.lower() for e in self.entries
        ):
            return None
        body = [
            e for e in self.entries if e.kind == "organization" and e.name.startswith(name + " ")
        ]
        if body:
            return max(body, key=lambda e: e.last_seen)
        if before is None:
            return None
        full = next((b for b in self._bodies_by_first.get(name, ()) if b[1] <= before), None)
        return self._other(full[2], "organization") if full is not None else None

    @functools.cached_property
    def _bodies_by_first(self) -> dict[str, list[tuple[int, int, str]]]:
        out: dict[str, list[tuple[int, int, str]]] = {}
        for b in self._bodies:
            out.setdefault(b[2].split()[0], []).append(b)
        return out

    def _named_after_of(self, head: Token) -> Entry | None:
        """``Minister of Economy of Azerbaijan Elchin Rustamzade, who ..., said``: the parse
        makes the title the subject and hangs the name, untagged, at the end of its ``of``
        phrases."""
        lex = self.lex
        t = head
        for _ in range(3):
            of = next((c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = prep_object(of)
            if inner is None:
                break
            t = inner
        if t is head or t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP", "LOC"):
            return None
        lo = name_range(t)[0]
        words = _words(head.doc[lo : t.i + 1])
        place = [w for w in words if w in lex.countries or w.lower() in lex.demonyms]
        names = [w for w in words if w not in place]
        if len(names) < 2 or not all(map(_name_cased, names)):
            return None
        e = self._person(" ".join(names), t.i)
        title = head.doc[head.i : lo].text.removesuffix(" of").strip()
        self._give_title(e, title, place)
        return e

    def _unnamed(self, head: Token, mention: str, one_person: bool = False) -> Entry:
        """An anonymous source; ``a senior official`` is one person a pronoun can take."""
        e = self._other(_uncounted(_described(head, mention)), "anonymous")
        e.one_person = e.one_person or one_person
        e.roles.add(head.lemma_.lower())
        return e

    def _unnamed_as(self, role: str) -> Entry | None:
        """The unnamed person introduced last in this role (``the adviser``)."""
        found = [e for e in self.entries if e.one_person and role in e.roles]
        return max(found, key=lambda e: e.last_seen) if found else None

    def _named_for(self, head: Token) -> Entry | None:
        """``A spokesman for Harwick, Devin Okoro,``: a name set off after the person the
        role works for names the one in the role (``for the Republican, businessman Dale
        Brennan`` is the Republican himself: that name has a role of its own)."""
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
        boss = prep_object(prep)
        if boss is None or not _propn(boss):
            return None
        # "(D-Minn.)" after the boss is the boss's party and state, not the speaker's name
        name = next(
            (
                c
                for c in boss.rights
                if c.dep_ == "appos" and _propn(c) and head.doc[c.left_edge.i - 1].text == ","
            ),
            None,
        )
        if name is None or _own_role(name, self.lex) is not None:
            return None
        e = self._resolve_noun(name, _name_text(name))
        if e is None or e.kind != "person":
            return None
        if e.title is None and head.lemma_.lower() in self.lex.titles:
            e.title = _titlecase(head.lemma_.lower(), self.lex)
        return e

    def _introduced_with(self, words: Sequence[str], pos: int) -> Entry | None:
        """The one person whose introduction, a title's phrase before the name, holds these
        words (``Chairman of the Milli Majlis of ... Ilgar Tahirli``)."""
        doc = self.doc
        found = []
        for e in self.entries:
            if e.kind != "person" or not 0 <= e.first_seen < pos:
                continue
            lo = max(doc[e.first_seen].sent.start, e.first_seen - MAX_OF_PHRASE)
            k = e.first_seen
            # only the title's own chain of words ("Chairman of the Milli Majlis of ..."),
            # not the sentence before it ("Russian Foreign Minister X said ... his counterpart")
            while k > lo and (
                doc[k - 1].text[:1].isupper()
                or _lemma_in(doc[k - 1], self.lex.titles, self.lex.person_nouns)
                or doc[k - 1].lower_ in CHAIN_LINKS
                or doc[k - 1].text in POSSESSIVE
                or _inner_hyphen(doc[k - 1])
            ):
                k -= 1
            before = {t.text for t in doc[k : e.first_seen]}
            if all(w in before for w in words):
                found.append(e)
        return found[0] if len(found) == 1 else None

    def _someone_described_as(self, noun: str) -> bool:
        """A person was described with this noun (``a retired bookkeeper``)."""
        return any(e.kind == "person" and noun in e.roles for e in self.entries)

    def _aged(self, age: str, pos: int, noun: str) -> Entry | None:
        """``The 52-year-old said``: the person the article gave that age, else the one
        holding the rank or role it names (``the 54-year-old general``), else the person
        the passage is about (a story calls its subject by age to vary the name)."""
        people = [e for e in self.entries if e.kind == "person" and e.last_seen <= pos]
        same = [e for e in people if e.age == age]
        if same:
            return max(same, key=lambda e: e.last_seen)
        held = [
            e
            for e in people
            if e.age is None and ((e.title or "").lower().split()[-1:] == [noun] or noun in e.roles)
        ]
        if len(held) == 1:
            return held[0]
        last = self.last_speaker
        if last is not None and last.kind == "person" and last.age in (None, age):
            return last
        others = [e for e in people if e.age in (None, age)]
        return max(others, key=lambda e: e.last_seen) if others else None

    def _last_named(self, head: Token) -> Entry | None:
        """The person named last before ``head``, within a few sentences."""
        doc = self.doc
        for t in reversed(doc[max(0, head.i - NAMED_WINDOW) : head.i]):
            if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
                person = self._person_by_surname(t)
                if person is not None:
                    return person
        return None

    def _most_of(self, head: Token) -> Entry | None:
        """``All 19 analysts had forecast a cut, and most said ...``: a bare quantifier is
        part of the group that spoke just before, in the same paragraph."""
        if head.lower_ not in QUANTIFIERS or any(True for _ in head.children):
            return None
        last = self.last_speaker
        if last is None or last.kind not in ("group", "anonymous") or last.one_person:
            return None
        if any("\n" in t.text for t in self.doc[last.last_seen : head.i]):
            return None
        return last

    def _one_of(self, head: Token) -> Entry | None:
        """``One of the people said``: a member of the unnamed group named before."""
        if head.lower_ not in ("one", "some", "two", "three", "several"):
            return None
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = prep_object(of)
        if group is not None and group.lower_ == "them":
            # "One of them said": a member of the group that spoke last
            plural = [e for e in self.entries if e.kind in ("anonymous", "group")]
            last = max(plural, key=lambda e: e.last_spoke, default=None)
            return last if last is not None and last.last_spoke >= 0 else None
        if group is None or not any(c.lower_ == "the" for c in group.children):
            return None
        word = group.lower_
        named = [
            e
            for e in self.entries
            if e.kind in ("anonymous", "group") and word in e.name.lower().split()
        ]
        return max(named, key=lambda e: e.last_seen) if named else None

    def _fuller_name_known(self, head: Token) -> bool:
        low = _word_at(head).lower()
        return any(
            e.kind == "person" and e.surname == low and len(e.name.split()) > 1
            for e in self.entries
        )

    def _known_surname(self, head: Token) -> bool:
        low = _word_at(head).lower()
        return low in self.spellings or any(
            e.kind == "person" and (e.surname == low or e.name.split()[0].lower() == low)
            for e in self.entries
        )

    def _by_role(self, role: str, affiliation: str | None, head: Token) -> Entry | None:
        lex = self.lex
        full = lex.title_abbreviations.get(role)
        if full is not None:
            # "the PM" is the person introduced as Prime Minister, not any minister
            role = full.split()[-1]
        # "the lawyer" is the attorney named before; "his lawyer" may be anyone's, but "the
        # panel's chairwoman" is the chair of a body named
        owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children)
        synonym = lex.role_synonyms.get(role, role) if _definite(head) or owned else None
        cands: list[Entry] = []
        exact: list[Entry] = []  # the title or role is the role word, not a generic match
        for e in self.entries:
            if e.kind != "person":
                continue
            if affiliation and e.affiliation and e.affiliation != affiliation:
                continue
            etitle = (e.title or "").lower()
            etitle = lex.title_abbreviations.get(etitle, etitle)
            if full is not None and etitle != full:
                continue
            # "the police chief" is exactly the Police Chief; "the lawyer" the attorney
            named = (
                etitle.split()[-1:] in ([role], [synonym])
                or etitle == role
                or bool({role, synonym} & e.roles)
                or _body_and_title(role, etitle)
            )
            if named or (role in lex.generic_roles and etitle):
                cands.append(e)
                if named:
                    exact.append(e)
        before = [e for e in cands if e.last_seen <= head.i]
        if not before:
            # a role met before the name ("The Speaker of parliament has said ..." over a
            # story that names him later): the first person introduced with that role
            definite = _definite(head) or any(c.dep_ == "poss" for c in head.children)
            after = [e for e in exact if e.last_seen > head.i]
            return min(after, key=lambda e: e.last_seen) if after and definite else None
        # an exact title beats a generic role word; then someone already quoted beats a
        # person the statements only talk about ("recalled the visit of President Ghani");
        # among equals, the most recent
        pool = [e for e in exact if e.last_seen <= head.i] or before
        if full is not None and not any(e.last_spoke >= 0 for e in pool):
            # "The head of state" of a readout on two presidents, before either spoke: the
            # one the story leads with
            return min(pool, key=lambda e: e.first_seen)
        if any(c.dep_ == "poss" for c in head.children):
            # "her attorney" is the one introduced as someone's attorney, not the District
            # Attorney
            pool = [e for e in pool if role in e.roles or synonym in e.roles] or pool
        return max(pool, key=lambda e: (e.last_spoke >= 0, e.last_spoke, e.last_seen))

    def note(self, e: Entry, pos: int, alias: str | None) -> None:
        e.last_seen = max(e.last_seen, pos)
        e.last_spoke = max(e.last_spoke, pos)
        if alias:
            e.add_alias(alias)
        self.last_speaker = e


# what a body issues in its own voice: "the statement said" is its issuer speaking
ISSUED = frozenset({"statement", "communique", "communiqué"})


# "a memo seen by Reuters", "documents obtained by the newspaper": who read it, not who wrote it
VIEWING = frozenset({"see", "obtain", "review", "examine", "view", "read", "hear", "acquire"})


def _issuer(head: Token) -> Token | None:
    """``a statement from the ministry``, ``a report released last week by the Senate Fiscal
    Agency``, ``records kept by the state Department of Corrections``: who issued it, if the
    mention names it."""
    links = [c for c in head.rights if c.dep_ in ("prep", "agent")]
    for acl in (c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"):
        if acl.lemma_.lower() not in VIEWING:
            links += [c for c in acl.children if c.dep_ == "agent"]
    for c in links:
        # "records of the state Department of Environmental Quality" are its records
        of_records = c.lower_ == "of" and head.lemma_.lower() in KEPT_RECORDS
        if c.lower_ not in ("from", "by") and not of_records:
            continue
        target = next((g for g in c.children if g.dep_ == "pobj"), None)
        if target is not None and target.pos_ == "NOUN":
            # "by the consulting firm Brightwater Analytics": the name set beside the noun
            target = next((g for g in target.children if g.dep_ == "appos" and _propn(g)), target)
        if target is not None and (
            target.ent_type_ in ("ORG", "GPE") or (target.ent_type_ != "PERSON" and _propn(target))
        ):
            return target
    return None


KEPT_RECORDS = frozenset({"record", "records", "data", "figure", "figures", "filing", "filings"})


def _body_text(t: Token) -> str:
    """``the nonpartisan Senate Fiscal Agency`` is the Senate Fiscal Agency, ``the city’s
    Office of Budget`` the Office of Budget; ``the Turkish Foreign Ministry`` keeps its
    country."""
    name = _name_text(t)
    lo = name_range(t)[0]
    doc = t.doc
    skip = 0
    while lo + skip < t.i and (
        doc[lo + skip].dep_ == "det"
        or (doc[lo + skip].dep_ in ("amod", "poss", "nummod") and not doc[lo + skip].is_title)
        # "the nonpartisan Legislative Services Agency" with the epithet tagged a name word
        or (
            doc[lo + skip].pos_ in ("PROPN", "ADJ")
            and doc[lo + skip].text.islower()
            and doc[lo + skip].lower_ not in JURISDICTIONS
        )
        or (doc[lo + skip].dep_ == "case" and skip > 0)
        or doc[lo + skip].ent_type_ == "DATE"
    ):
        skip += 1
    name = name[doc[lo + skip].idx - doc[lo].idx :] if skip else _strip_det(name)
    partner = next((c for c in t.rights if c.dep_ == "conj" and _propn(c)), None)
    if partner is not None and any(c.dep_ == "cc" and c.text == "&" for c in t.children):
        # "the engineering firm Halvorsen & Tate": both names are the firm's
        name = f"{name} & {_name_text(partner)}"
    return name


# "the state Department of Corrections" is the state's, not a description of it
JURISDICTIONS = frozenset({"state", "federal", "city", "county", "national", "municipal"})


# "a new poll", "the latest report": which one, not what kind ("a preliminary report")
PASSING_ADJECTIVES = frozenset(
    {
        "new", "recent", "latest", "last", "first", "same", "brief", "short", "long", "lengthy",
        "separate", "other", "earlier", "previous", "updated", "second", "third", "final",
        "nonpartisan", "bipartisan", "public", "written", "detailed", "internal", "official",
    }
)  # fmt: skip


def _document_words(head: Token, start: int = 0) -> str:
    """``A five-year forecast``, ``a new suicide analysis``: the words that say what kind of
    document it is (``five-year``, ``suicide``), not which one (``new``, ``2014``), from
    ``start`` on."""
    lo = min(
        (
            c.left_edge.i
            for c in head.lefts
            if c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ not in PASSING_ADJECTIVES)
        ),
        default=head.i,
    )
    lo = max(lo, start)
    words = head.doc[lo : head.i + 1]
    # "Data from the survey" opening a sentence is the survey's data
    text = "".join(t.text_with_ws if t.pos_ == "PROPN" else t.lower_ + t.whitespace_ for t in words)
    return text.strip()


def _issued_in(doc: Doc, d: Draft) -> str | None:
    """``said in a statement``: the kind of text the source spoke through, if any."""
    if d.cue_token is None:
        return None
    for c in doc[d.cue_token].children:
        target = prep_object(c) if c.dep_ == "prep" and c.lower_ == "in" else None
        if target is not None and target.lemma_.lower() in ISSUED:
            return target.lemma_.lower()
    return None


# words that make a role another office than the title they precede ("deputy prime minister")
RANKS = frozenset({"deputy", "vice", "assistant", "acting", "former", "associate", "under"})


def _body_and_title(role: str, title: str) -> bool:
    """``the parliament speaker`` is the Speaker: the word before the title names the body,
    not a rank."""
    words = role.split()
    return len(words) == 2 and words[1] == title and words[0] not in RANKS


# "the company" is a business; these words make a name a public body's or a newsroom's
BUSINESSES = frozenset({"company", "firm", "utility", "developer", "contractor", "manufacturer"})
PUBLIC_BODIES = frozenset(
    {
        "department", "ministry", "council", "commission", "agency", "office", "court",
        "police", "university", "college", "school", "city", "county", "state", "senate",
        "house", "congress", "committee", "board", "authority", "bureau", "government",
        "party", "administration", "district", "news", "press", "times", "post", "journal",
        "association", "union", "institute", "center", "centre", "foundation", "coalition",
        "workers", "federation", "movement", "alliance", "league", "society", "mission",
    }
)  # fmt: skip


# the words of a government agency's name ("the agency" is any of them)
GOVERNMENT_UNITS = frozenset(
    {
        "Department",
        "Agency",
        "Administration",
        "Bureau",
        "Service",
        "Commission",
        "Office",
        "Authority",
    }
)


def _public_body(name: str) -> bool:
    return not PUBLIC_BODIES.isdisjoint(name.lower().split())


MINISTRY = re.compile(
    r"(?P<country>[A-Z][\w .-]*?)[’']s "
    r"(?P<body>(?:[A-Za-z][\w-]* |and )*(?:[Mm]inistry|[Ee]mbassy)\b.*)"
)


def _national_ministry(name: str, lex: Lexicon) -> str:
    """``Georgia’s Foreign Ministry`` is the Georgian Foreign Ministry: one name for the
    ministry however the article puts its country."""
    m = MINISTRY.fullmatch(name)
    country = m.group("country") if m else ""
    # "Türkiye's": a country's own name for itself is listed with its demonyms
    national = lex.nationals.get(lex.demonyms.get(country.lower(), country))
    if not (m and national):
        return name
    # "France’s interior ministry" is the French Interior Ministry
    body = " ".join(w if w == "and" else w[:1].upper() + w[1:] for w in m.group("body").split())
    return f"{national} {body}"


def _body_word(t: Token) -> bool:
    """A word of a body's name: ``Lakeview Power & Light``."""
    return t.pos_ == "PROPN" or t.text == "&"


JUDGMENTS = frozenset({"ruling", "opinion", "order", "decision"})
# "COLUMBUS, Ohio (AP) — ", "DENVER — ": a city in capitals, then anything up to the dash
DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:[,(][^\n]{0,60}?)?\s[—–―-]{1,2}\s")


def _in_lede(t: Token, text: str) -> bool:
    """In a wire lede: the first sentence after a dateline (``COLUMBUS, Ohio (AP) — An Ohio
    judge ...``), where a story names its subject by role and gives the name next. ``text``
    is the document's (``Doc.text`` joins every token anew)."""
    start = text.rfind("\n", 0, t.idx) + 1
    dateline = DATELINE.match(text, start, t.idx)
    return dateline is not None and t.sent.start_char <= dateline.end()


def _visiting(doc: Doc, start: int) -> bool:
    """``met with visiting Chinese Foreign Minister Tang Weiming``: a guest by the words
    before the name."""
    i = start - 1
    while i >= 0 and i >= start - MAX_TITLE_WORDS - 2 and doc[i].text[:1].isupper():
        i -= 1
    return i >= 0 and doc[i].lower_ == "visiting"


def _placed(head: Token) -> bool:
    """``the Waukesha Republican``, ``the Democrat from Ann Arbor``: a home named with it."""
    return any(_propn(c) for c in head.lefts) or any(
        c.dep_ == "prep" and c.lower_ in ("from", "of") and _propn(prep_object(c) or c)
        for c in head.rights
    )


def _named_by_noun(name: str, noun: str) -> bool:
    """``the ministry`` is the Russian Foreign Ministry and the Ministry of Foreign Affairs:
    the noun ends the name or heads its ``of`` phrase."""
    words = name.lower().split()
    while len(words) > 1 and words[-1].isdigit():
        words = words[:-1]  # "Lodge 12" is "the lodge"
    noun = noun.lower()
    return (len(words) > 1 and words[-1] == noun) or any(
        w == noun and nxt == "of" for w, nxt in itertools.pairwise(words)
    )


def _described(head: Token, mention: str) -> str:
    """``people familiar with the matter``: an unnamed source keeps the words that say who
    it is."""
    doc = head.doc
    post = next(
        (
            c
            for c in head.rights
            if c.i == head.i + 1
            and (
                c.dep_ == "amod"
                or (c.dep_ == "prep" and c.lower_ in DESCRIBING_PREPS)
                # "analysts polled by Reuters"
                or (c.dep_ == "acl" and c.tag_ == "VBN")
            )
        ),
        None,
    )
    if post is None or _is_time(post):
        return mention
    phrase = doc[post.i : min(post.right_edge.i + 1, post.i + MAX_DESCRIPTION)]
    # a clause inside the phrase is more than a description ("a slide from a presentation
    # that ...")
    end = next(
        (
            t.i
            for t in phrase
            if (t.is_punct and not _inner_hyphen(t))
            or t.lower_ in ("that", "who", "which")
            or t.ent_type_ in ("DATE", "TIME")
        ),
        phrase.end,
    )
    return mention + doc[head.i : end].text[len(head.text) :]


def _name_run(words: Span) -> list[Token]:
    """The proper names in ``the latest Reuters/Ipsos opinion``: a run of them, with only
    common words after it."""
    names = [t for t in words if t.pos_ == "PROPN"]
    if not names:
        return []
    run = words.doc[names[0].i : names[-1].i + 1]
    if any(t.pos_ != "PROPN" and not _inner_hyphen(t) for t in run):
        return []
    after = words.doc[names[-1].i + 1 : words.end]
    return list(run) if all(t.text.islower() for t in after) else []


def _indefinite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)


def _alias(mention: Span, name: str) -> str:
    """What the article calls the speaker here: the mention up to its first aside
    (``The head of state``, not ``The head``), or the name part of a long one."""
    end = next(
        (t.i for t in mention if t.text in ALIAS_BREAKS or t.dep_ in ("relcl", "acl")),
        mention.end,
    )
    words = mention.doc[mention.start : end]
    return words.text if 0 < len(words) <= MAX_ALIAS_WORDS else name


# "The 52-year-old", "the 58-year-old former Navy officer": a person named by age
AGED = re.compile(r"[Tt]he (\d{1,3})[- ]year[- ]old\b")


def _is_age(t: Token) -> bool:
    return t.is_digit and 0 < int(t.text) < 120


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


PRESS_UNITS = frozenset({"service", "office", "secretariat", "center", "centre"})


def _named_subject(subj: Token) -> bool:
    """A subject written as a name: tagged a person, or a capitalised proper noun."""
    return subj.text[:1].isupper() and (subj.ent_type_ == "PERSON" or subj.pos_ == "PROPN")


def _narration_paragraph(doc: Doc, sent: Span) -> bool:
    """``sent`` is a paragraph of its own, with no quotation in it."""
    before = doc[sent.start - 1] if sent.start > 0 else None
    return (
        (before is None or "\n" in before.text)
        and not any(t.is_quote for t in sent)
        and any("\n" in t.text for t in doc[sent.end - 1 : sent.end + 1])
    )


def _described_as_person(head: Token, lex: Lexicon) -> bool:
    """``Litia Vakaloloma, Fiji's climate envoy,`` tagged a place: the appositive role says
    it is a person."""
    return any(
        c.dep_ == "appos" and _lemma_in(c, lex.person_nouns, lex.titles) for c in head.children
    )


def _press_owner(head: Token) -> Token | None:
    """``the Kazakh Foreign Ministry's press service``, ``the press office of the Kremlin``:
    a body speaking through its press unit is the body speaking."""
    if head.lower_ not in PRESS_UNITS or not any(
        c.dep_ in ("compound", "amod") and c.lower_ == "press" for c in head.lefts
    ):
        return None
    poss = next((c for c in head.lefts if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    return prep_object(
        next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    )


def _described_as(tokens: Sequence[Token]) -> str | None:
    """``a retired bookkeeper who lives ...``: the noun an indefinite description of a
    person rests on."""
    if not tokens or tokens[0].lower_ not in ("a", "an"):
        return None
    noun = None
    for t in tokens[1:]:
        if t.lower_ in ROLE_STOPS or t.pos_ in ("ADP", "PRON"):
            break
        if t.tag_ == "NN" and t.text.islower():
            noun = t.lemma_.lower()
    return noun


def _received_objects(verb: Token) -> list[Token]:
    """What a host received: ``received [a delegation led by ...]``; ``met with [a
    delegation led by ...]`` (a delegation met is a visiting one)."""
    lemma = verb.lemma_.lower()
    if lemma in HOST_VERBS:
        return [c for c in verb.children if c.dep_ == "dobj"]
    if lemma != "meet":
        return []
    withs = (prep_object(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "with")
    return [o for o in withs if o is not None and o.lemma_.lower() == "delegation"]


def _title_word(t: Token, lex: Lexicon) -> bool:
    """``Sgt`` in ``The chief’s spokeswoman, Sgt. Dana Kowalczyk``: a title, not the name."""
    return f"{t.lower_}." in lex.title_abbreviations or t.lower_ in lex.titles


def _own_role(name: Token, lex: Lexicon) -> str | None:
    """The role word written before a name (``businessman`` in ``businessman Dale Brennan``)."""
    return next(
        (c.lower_ for c in name.lefts if c.text.islower() and c.lower_ in lex.person_nouns), None
    )


def _title_possessor(head: Token, lex: Lexicon) -> Token | None:
    """``The Speaker of Iran's parliament`` read as the possessor ``The Speaker of Iran`` of
    ``parliament``: the title is who speaks, the body behind the ``'s`` is its affiliation."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
    if owner is None or not _lemma_in(owner, lex.titles, lex.person_nouns):
        return None
    kids = list(owner.children)
    if any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in kids
    ):
        return owner
    return None


def _headline(doc: Doc, i: int) -> bool:
    """The token's line is a headline: every longer word capitalised, or no sentence end."""
    lo, hi = _in_paragraph(doc, i, 0, len(doc))
    line = [t for t in doc[lo:hi] if not t.is_space]
    if not line or not any("\n" in t.text for t in doc[max(0, lo - 1) : min(len(doc), hi + 1)]):
        return False
    words = [t.text for t in line if t.is_alpha and len(t.text) > 3]
    title_case = len(words) > 1 and all(w[:1].isupper() for w in words)
    return title_case or line[-1].text not in SENTENCE_ENDS


def doc_start_of_line(t: Token) -> bool:
    """Headline and list lines capitalise every word; those are no evidence of a name."""
    return t.i == 0 or "\n" in t.doc[t.i - 1].text


def _strip_det(s: str) -> str:
    parts = s.split()
    if len(parts) > 1 and parts[0].lower() in DETERMINERS:
        parts = parts[1:]
    return " ".join(parts)


COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens"}
)


def _uncounted(s: str) -> str:
    """``Three EU diplomats`` are the EU diplomats: how many spoke is the mention's detail,
    not the source's name; ``the two sides`` keep their number, it is all that names them."""
    whole = _strip_det(s)
    parts = whole.split()
    while len(parts) > 1 and (
        parts[0].lower() in COUNT_WORDS
        or parts[0].lower() in QUANTIFIERS
        or parts[0].lower() in DETERMINERS
        or parts[0].replace(",", "").isdigit()
    ):
        parts = parts[1:]
    return " ".join(parts) if len(parts) > 1 else whole


# "al-Rikabi", "el-Sayed", "d'Estaing": a lower-case particle joined to a capitalised name
PREFIXED_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|d)['’-]\w*[A-Z]")


def _name_cased(word: str) -> bool:
    """A word written as a name: capitalised, or a capitalised name after a particle."""
    return word[:1].isupper() or PREFIXED_NAME.match(word) is not None


def _name_words(words: Sequence[str]) -> list[str]:
    """The capitalised words of a name, with the particles inside it (``Ursula von der
    Leyen``, ``Basim al-Rikabi``)."""
    caps = [k for k, w in enumerate(words) if _name_cased(w)]
    if not caps:
        return []
    return [
        w
        for k, w in enumerate(words)
        if _name_cased(w) or (caps[0] < k < caps[-1] and w.lower() in NAME_PARTICLES)
    ]


def _entity_name(head: Token, lex: Lexicon) -> list[str]:
    """The name words of the person entity a mention's head ends, without the modifiers the
    parse puts before it (``Republican vice-presidential nominee Gov. Mike Pence``)."""
    if head.ent_type_ != "PERSON":
        return []
    i = head.i
    while i > 0 and head.doc[i].ent_iob_ == "I":
        i -= 1
    _title, names, _aff = split_title(_clean_words(_words(head.doc[i : head.i + 1])), lex)
    return _name_words(names)


def _name_text(t: Token) -> str:
    lo, hi = name_range(t)
    doc = t.doc
    if t.ent_type_ == "ORG" and hi < len(doc) and doc[hi].lower_ in ("of", "for"):
        # "the State Bureau of Investigation", "the Brockway Center for Energy Policy": the
        # name runs on to the entity's end
        while hi < len(doc) and doc[hi].ent_iob_ == "I":
            hi += 1
    if t.ent_type_ == "ORG" and hi < len(doc) and doc[hi].is_digit and doc[hi].head.i < hi:
        # "Fraternal Order of Police Lodge 12": the number is part of the body's name
        hi += 1
    return doc[lo:hi].text


def _pre_title(before: Sequence[str], lex: Lexicon) -> tuple[str, list[str]] | None:
    """A title ending right before a name, and the words before it (affiliation)."""
    for n in range(min(MAX_TITLE_WORDS, len(before)), 0, -1):
        cand = before[len(before) - n :]
        if " ".join(cand).lower() in lex.titles and cand[0][:1].isupper():
            rest = list(before[: len(before) - n])
            # "WASHINGTON — Sen. Elizabeth Warren": a dateline is no affiliation
            cut = max((k for k, w in enumerate(rest) if not w[:1].isalnum()), default=-1)
            # "Chinese State Councilor and Foreign Minister": a nationality further back,
            # across capitalised words and "and"
            k = len(rest)
            while k > cut + 1 and (rest[k - 1][:1].isupper() or rest[k - 1] == "and"):
                k -= 1
            demonym = [w for w in rest[k:] if w.lower() in lex.demonyms]
            # "greetings of President Sadykov to President Mammadzade": only the words right
            # before the title name its body
            aff = demonym[-1:] or [w for w in rest[k:][-2:] if w != "and"]
            return " ".join(cand), aff
    return None


def _title_of_place(doc: Doc, start: int, lex: Lexicon) -> tuple[str, list[str]] | None:
    """``Speaker of Iran's parliament Ali Larijani`` / ``President of the Republic of
    Azerbaijan Ilham Aliyev``: a title whose ``of`` phrases stand between it and the name;
    their names are the affiliation. A lower-case title counts after ``the`` (``the speaker of
    ...``). Of titles in a chain the first is the person's: ``Press Secretary of the President
    of ... Olga Ryzhkova`` is a press secretary."""
    lo = max(doc[start].sent.start, start - MAX_OF_PHRASE)
    found: tuple[str, list[str]] | None = None
    found_at = start
    for i in range(start - 1, lo, -1):
        t = doc[i]
        if t.lower_ == "of" and i < start - 1:
            for n in range(min(MAX_TITLE_WORDS, i - lo), 0, -1):
                cand = doc[i - n : i]
                # "Minister of Foreign Affairs" is one title, not "Minister" of something
                if cand.text.lower() not in lex.titles or cand.start >= found_at:
                    continue
                if cand[0].text[:1].isupper() or (
                    cand.start > 0 and doc[cand.start - 1].lower_ == "the"
                ):
                    of_phrase = doc[i + 1 : start]
                    if cand.text.lower() in PORTFOLIO_TITLES and not any(
                        w.ent_type_ in ("GPE", "NORP") for w in of_phrase
                    ):
                        # "Iran’s Minister of Roads and Urban Development Hossein ...": the
                        # phrase names the portfolio; the country stands before the title
                        before = doc[lo : cand.start]
                        found = (
                            doc[cand.start : start].text,
                            [w.text for w in before if w.ent_type_ in ("GPE", "NORP")][-1:],
                        )
                    else:
                        found = cand.text, [w.text for w in of_phrase if w.text[:1].isupper()]
                    found_at = cand.start
                    break
        elif not (
            t.pos_ in ("PROPN", "NOUN", "DET", "PART")
            or t.text in POSSESSIVE
            # "for Transport and Communications", "to Kazakhstan", "Iran Railways (RAI)"
            or t.lower_ in ("and", "&", "for", "to", "on", "(", ")")
        ):
            break
    return found


PORTFOLIO_TITLES = frozenset({"minister", "deputy minister", "secretary", "commissioner"})


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: str | None
    mention: str | None
    span: tuple[int, int] | None


def resolve_all(
    doc: Doc, drafts: Sequence[Draft], lex: Lexicon
) -> tuple[list[Resolved], list[Speaker]]:
    """Resolve each draft's source (drafts must be in text order)."""
    book = Book(doc, lex)
    out: list[Resolved] = []
    used: list[Entry] = []
    for d in drafts:
        if d.source is None:
            e = book.narrated(d.content_start) if d.continues_speaker else None
            if e is not None:
                book.note(e, d.anchor, None)
            else:
                e = book.last_speaker
            out.append(Resolved(e.name if e else None, None, None))
            continue
        head = past_dateline(doc[d.source])
        lo, hi = mention_range(head, lex)
        span = doc[lo:hi]
        name = _name_text(head)
        e = book.resolve(head, name)
        # "One of the people", "most": a number is no name of the group
        is_pron = (
            head.pos_ == "PRON"
            or head.lower_ in lex.pronouns["relative"]
            or head.like_num
            or head.lower_ in QUANTIFIERS
        )
        if e is not None:
            issued = _issued_in(doc, d)
            if e.kind != "document" and issued is not None:
                # "said in a statement": "the statement" later is this source's
                e.roles.add(issued)
            book.note(e, head.i, None if is_pron else _alias(span, name))
            if e not in used:
                used.append(e)
        out.append(Resolved(e.name if e else None, span.text, (span.start_char, span.end_char)))
    return out, [e.freeze() for e in used]
