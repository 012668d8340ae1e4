"""Reported speech: cue verbs (and ``according to``) with their source and content clause.

Every function here reads the dependency parse only; nothing scans the text with regexes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from app.nlp.draft import Draft, token_draft
from app.nlp.lexicon import Lexicon, Phrase

SUBJECT_DEPS = ("nsubj", "csubj")
CLAUSE_DEPS = ("ccomp",)
CONTINUATION_DEPS = ("advcl", "conj", "xcomp", "dep")
RECEIVING_VERBS = frozenset(
    {
        "have",
        "win",
        "receive",
        "get",
        "gain",
        "earn",
        "enjoy",
        "draw",
        "attract",
        "face",
        "lose",
        "need",
        "seek",
        "court",
        "secure",
    }
)
PARENTHETICAL_DEPS = ("parataxis", "advcl", "ccomp", "conj", "dep")


def is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")


def _verb_as_noun(t: Token) -> bool:
    """``The candidate plans to be back ...``: a cue verb the tagger took for a plural noun
    still heads the sentence with a subject and a complement of its own."""
    return (
        t.dep_ == "ROOT"
        and t.tag_ == "NNS"
        and any(c.dep_ == "nsubj" for c in t.children)
        and any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in t.children)
    )


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, the agent of a passive, or None."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS
        or (c.dep_ == "nsubjpass" and c.lower_ != "it" and _perfect_misread(verb))
    ]
    if subjects:
        # "... Coke user?”\n\nDean, a doctor, appeared": of two subjects the parser gave a
        # verb, the one nearer to it is its own, unless the first is a dateline (the name
        # after its dash is the subject then) or the nearer one renames an object before it
        first, last = subjects[0], subjects[-1]
        if first is not last and _describes_name_before(last):
            # "A report by the Ozark Collaborative, a group affiliated with ..., found":
            # the description renames the name before it; the first subject is the verb's
            return _same_line_subject(verb, first)
        renamed = _renamed_object(last)
        if renamed is not None:
            if first is not last:
                return _same_line_subject(verb, first)
            return _phrase_owner(renamed, verb) or _same_line_subject(verb, last)
        return _same_line_subject(verb, first if _is_dateline(first) else last)
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return (
        root_noun(verb)
        or _relative_misread(verb)
        or _unattached_subject(verb)
        or _name_read_as_adverb(verb)
    )


def _before_commas(subj: Token) -> Token | None:
    """The word before ``subj``'s phrase when commas set the phrase off (``X, subj ...,``)."""
    doc = subj.doc
    lo, last = subj.left_edge.i, subj.right_edge.i
    closed = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
    if lo < 2 or doc[lo - 1].text != "," or not closed:
        return None
    return doc[lo - 2]


def _describes_name_before(subj: Token) -> bool:
    """``..., a group affiliated with a regional university,``: an indefinite description set
    off by commas right after a name."""
    before = _before_commas(subj)
    return (
        before is not None
        and before.pos_ == "PROPN"
        and subj.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children)
    )


def _renamed_object(subj: Token) -> Token | None:
    """``Bakri, in a meeting with his Turkish counterpart, Mevlut Cavusoglu, said``: a name
    set off by commas right after a prepositional object that names a person by a relation
    renames that object; the parser may read it as the verb's subject. Returns the object."""
    before = _before_commas(subj)
    if before is None:
        return None
    # "with his counterpart": a person named by a relation to someone; "in the primaries,
    # Michael Briggs" starts the subject after an adverbial
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in before.children)
    return before if before.dep_ == "pobj" and before.pos_ == "NOUN" and owned else None


def _phrase_owner(obj: Token, verb: Token) -> Token | None:
    """The noun a chain of prepositional phrases hangs from (``The speaker ..., in a meeting
    with his counterpart``), when the chain does not hang from the verb itself."""
    t = obj
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        owner = t.head.head
        if owner == verb or owner.pos_ not in ("NOUN", "PROPN"):
            return None
        if owner.dep_ != "pobj":
            return owner
        t = owner
    return None


MAX_ASIDE = 20  # ", a 34-year-old rock drill operator who gave only his first name,"


def _unattached_subject(verb: Token) -> Token | None:
    """``“...,” said Skelly`` (Skelly read as an adverb) / ``Marcel Lazar, 44, said`` (the name
    hung on the noun before it): when the parser leaves a main cue verb without a subject, the
    name right after an inverted verb, or right before the verb past an aside in commas."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc, sent = verb.doc, verb.sent
    before = doc[verb.i - 1] if verb.i > sent.start else None
    if before is not None and (before.is_quote or before.text == ","):
        i = verb.i + 1
        while i < sent.end and doc[i].is_title and doc[i].is_alpha:
            i += 1
        if i > verb.i + 1 and doc[i - 1].pos_ != "PRON":
            return doc[i - 1]
        # "“How big is that wall?” asked the boy": the parser made the speaker an object
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None and obj.pos_ == "NOUN" and doc[verb.i + 1].pos_ == "DET":
            return obj
    i = verb.i - 1
    if i > sent.start and doc[i].text == ",":
        j = i - 1
        while j > max(sent.start, i - MAX_ASIDE) and doc[j].text != ",":
            j -= 1
        i = j - 1 if doc[j].text == "," else i
    if i >= sent.start and doc[i].pos_ == "PROPN" and doc[i].head.i < i:
        return doc[i]
    return None


def _name_read_as_adverb(verb: Token) -> Token | None:
    """``“...,” Tolliver told reporters``, ``Tolliver said the jail ...``: the name right
    before the verb, after a quote, a comma or at the start of the sentence, read as the
    verb's adverb."""
    doc = verb.doc
    if verb.i < 1:
        return None
    name = doc[verb.i - 1]
    opens = name.i == name.sent.start or doc[name.i - 1].is_quote or doc[name.i - 1].text == ","
    if not opens:
        return None
    if name.head.i != verb.i or name.dep_ not in ("advmod", "npadvmod"):
        return None
    if name.pos_ == "PROPN" or (
        # "Tolliver said" with the name tagged an adverb: the article names him elsewhere
        name.is_title and name.text in proper_nouns(doc)
    ):
        return name
    return None


def proper_nouns(doc: Doc) -> frozenset[str]:
    """The words the tagger calls proper nouns anywhere in ``doc``, read once per document
    (a scan of the whole document per question is quadratic on a long one)."""
    found = doc.user_data.get(PROPER_NOUNS_KEY)
    if found is None:
        found = frozenset(t.text for t in doc if t.pos_ == "PROPN")
        doc.user_data[PROPER_NOUNS_KEY] = found
    return found


PROPER_NOUNS_KEY = "quotes.proper_nouns"


def _relative_misread(verb: Token) -> Token | None:
    """``Sanders, who sits at zero endorsements, said ...``: the parser may read the name and
    its relative clause as a clause of their own before the verb; the name is the subject."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i > verb.i:
            continue
        subjects = [g for g in c.children if g.dep_ == "nsubj"]
        if len(subjects) == 2 and subjects[1].lower_ in ("who", "which"):
            return subjects[0]
    return None


def _perfect_misread(verb: Token) -> bool:
    """``he's said the same thing``: the parser reads ``'s`` as ``is`` and the perfect as a
    passive; a passive takes no object after the verb."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and any(
        c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children
    )


def root_noun(verb: Token) -> Token | None:
    """``Two analysts, Ann Lee and Tom Roe, found in 2014 that ...``: the parser may take the
    verb for a participle modifying the subject and leave the sentence without a main verb;
    with a clause of its own the verb is the main verb, and that noun its subject."""
    head = verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
        and not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return head
    return None


DASHES = ("–", "—", "―", "-", "--")


def _after_dateline(verb: Token, subj: Token) -> Token | None:
    """``TEHRAN, Mar. 27 (MNA) – President Rouhani ... has described``: the parser may make
    the dateline's city the subject; the subject is the name after the dateline's dash."""
    doc = verb.doc
    dash = next((t for t in doc[subj.i + 1 : verb.i] if t.text in DASHES), None)
    if dash is None:
        return None
    i = dash.i + 1
    while i < verb.i and doc[i].pos_ != "PROPN":
        i += 1
    if i >= verb.i:
        return None
    t = doc[i]
    # "— Democratic Senate candidate Miriam Ortega said": the head of the phrase, not the
    # first name in it
    while t.dep_ in ("compound", "amod", "nmod", "poss") and t.i < t.head.i < verb.i:
        t = t.head
    return t


def _is_dateline(t: Token) -> bool:
    """``WASHINGTON —``, ``TEHRAN (IRNA) –``, and ``Tehran, IRNA –`` with the agency in
    capitals after a city that is not."""
    doc = t.doc
    if not (t.i == 0 or "\n" in doc[t.i - 1].text) or t.i + 2 >= len(doc):
        return False
    if t.is_upper and len(t.text) > 2:
        return doc[t.i + 1].text in (",", "(", *DASHES)
    return (
        t.text[:1].isupper()
        and doc[t.i + 1].text in (",", "(")
        and doc[t.i + 2].is_upper
        and len(doc[t.i + 2].text) > 2
    )


def _same_line_subject(verb: Token, subj: Token) -> Token | None:
    """A dateline or time stamp on the line above (``12:15 p.m.\n\nPresident Barack Obama
    says``) can fool the parser: the subject is then the name just before the verb."""
    if _is_dateline(subj) and subj.i < verb.i:
        return _after_dateline(verb, subj)
    lo, hi = sorted((subj.i, verb.i))
    if not any("\n" in t.text for t in verb.doc[lo:hi]):
        return subj
    i = verb.i - 1
    while i > 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    cand = verb.doc[i]
    if cand.pos_ in ("PROPN", "NOUN", "PRON") and "\n" not in cand.text:
        return cand
    return None


def inherited_subject(verb: Token, lex: Lexicon, depth: int = 3) -> Token | None:
    """``X said A, adding that B`` / ``X said A and added B`` / ``..., calling it C and
    asserting D``: B's source is X, found up a short chain of such continuations."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ in ("oprd", "acomp", "dobj") and not is_verb(head):
        # "called it “shameful” and called on leaders ...": the parser hangs the second verb
        # on the first one's complement
        head = head.head
    if depth == 0 or head == verb or not is_verb(head):
        return None
    if (
        verb.dep_ == "conj"
        or _listed_verb(verb)
        or _went_on_to(verb, head)
        or (
            verb.dep_ in ("advcl", "xcomp", "dep")
            and verb.tag_ == "VBG"
            and (verb.lemma_.lower() in lex.continuation_verbs or _free_adjunct(verb))
        )
    ):
        owner = _content_owner(verb, head, lex) or _parenthetical_cue(verb, head, lex)
        if owner is not None:
            return subject_of(owner) or inherited_subject(owner, lex, depth - 1)
        if verb.dep_ == "conj" and _has_agent(head) and not _has_agent(verb):
            # "officials were angered by the deal and predicted ...": an active verb joined
            # to a passive shares its subject, not its agent (none for "being “duped” by
            # “a con” and encourage ...")
            return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return (
            subject_of(head)
            or _object_controller(head)
            or inherited_subject(head, lex, depth - 1)
            or _reporting_ancestor(verb, lex)
        )
    return None


def _object_controller(verb: Token) -> Token | None:
    """``prompted Rubio to make a joke and call Trump “very flexible”``: the object of the
    verb an infinitive completes does what the infinitive says."""
    if verb.dep_ != "xcomp" or not _to_infinitive(verb):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _reporting_ancestor(verb: Token, lex: Lexicon) -> Token | None:
    """``a strategist said Clinton will have to choose a side, saying, “...”``: a speech
    continuation the parser hung deep inside a reported clause continues the cue that
    reports the clause."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in lex.continuation_verbs:
        return None
    for anc in list(verb.ancestors)[:4]:
        if anc.lemma_.lower() in lex.all_cue_verbs and is_verb(anc):
            subj = subject_of(anc)
            if subj is not None:
                return subj
    return None


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _went_on_to(verb: Token, head: Token) -> bool:
    """``D’Souza went on to explain that ...``: the one who went on said it."""
    return (
        verb.dep_ in ("advcl", "xcomp")
        and head.lemma_ == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        and _to_infinitive(verb)
    )


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _listed_verb(verb: Token) -> bool:
    """``has mocked a reporter, referred to immigrants as “rapists” and ...``: a list of
    verbs the parser reads as an adverbial clause; no mark, no subject, a comma before it."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.tag_ in ("VBD", "VBN")
        and verb.head.i < verb.i
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "auxpass") for c in verb.children)
    )


def _reports_that(verb: Token) -> bool:
    """``conceded that A but implied that B``: a cue verb with a that-clause of its own is a
    second statement, not more of the first one's content."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _goes_on_speaking(verb: Token, head: Token, lex: Lexicon) -> bool:
    """``..., adding that B``, ``... and highlighted B``, ``noted that trade grew and placed
    emphasis on B``: a verb hung on a cue's clause that is the source's next statement."""
    if verb.dep_ == "conj" and _shares_perfect(verb, head) and not _reports_that(verb):
        return False
    if verb.dep_ == "conj" and not _reports_that(verb):
        # "could no longer afford to heat, staff and maintain buildings": one more verb of
        # a list inside the content, not the source going on; so is a bare verb sharing
        # the clause's modal, where the source's next statement would be finite
        listed = (
            head.dep_ in ("xcomp", "advcl", "relcl", "acl", "pcomp")
            and head.lemma_.lower() not in lex.all_cue_verbs
        )
        if listed or (verb.tag_ == "VB" and head.dep_ == "ccomp"):
            return False
    return (
        verb.lemma_.lower() in lex.continuation_verbs
        or _reports_that(verb)
        or (
            head.dep_ == "ccomp"
            and (
                _tense_of_cue(verb, head)
                or (
                    verb.dep_ == "conj"
                    and _phrase_of(verb, lex) is not None
                    and not _could_speak(subject_of(head))
                )
            )
        )
    )


def _could_speak(subj: Token | None) -> bool:
    """``trade grew`` cannot go on to place emphasis on anything; ``he rated ...`` could go
    on to talk about it."""
    return subj is None or subj.pos_ in ("PRON", "PROPN") or bool(subj.ent_type_)


def _content_owner(verb: Token, head: Token, lex: Lexicon) -> Token | None:
    """``X stressed that Baku supports Kabul, and noted ...`` / ``X said the aim is A, adding
    that B``: the parser hangs the second cue on the first cue's clause, but a speech verb
    continues the cue's source, not the clause's subject."""
    cue = head.head
    noun_clause = head.dep_ == "acl" and cue.dep_ == "dobj"
    if noun_clause:
        # "expressed hope that the two sides would ..., saying B": the clause hangs on the
        # cue phrase's noun
        cue = cue.head
    if (
        _goes_on_speaking(verb, head, lex)
        and (head.dep_ == "ccomp" or noun_clause)
        and (head.lemma_.lower() not in lex.all_cue_verbs or _after_comma_and(verb))
        and cue != head
        and cue.lemma_.lower() in lex.all_cue_verbs
    ):
        return cue
    return None


def _parenthetical_cue(verb: Token, head: Token, lex: Lexicon) -> Token | None:
    """``A, Rice said, reiterating that B``: a continuation hung on the clause that a cue
    interrupts continues that cue, not the clause."""
    return next(
        (
            c
            for c in head.children
            if c.dep_ in ("parataxis", "dep")
            and head.i < c.i < verb.i
            and "," in (c.left_edge.text, c.doc[c.left_edge.i - 1].text)
            and c.lemma_.lower() in lex.all_cue_verbs
            and subject_of(c) is not None
        ),
        None,
    )


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _tense_of_cue(verb: Token, head: Token) -> bool:
    """``said she admires his drive and highlighted their goals``: a verb joined to the
    reported clause in the cue's tense, not the clause's, continues the cue."""
    # "said the groups should meet twice a year, and proposed B": a finite verb cannot
    # share the clause's modal
    modal = head.tag_ == "VB" and any(c.tag_ == "MD" for c in head.children)
    return (
        verb.dep_ == "conj"
        and verb.tag_ in FINITE_TAGS
        and (head.tag_ in FINITE_TAGS or modal)
        and verb.tag_ != head.tag_
        and verb.tag_ == head.head.tag_
        and subject_of(verb) is None
    )


def _shares_perfect(verb: Token, head: Token) -> bool:
    """``she had spoken with them and asked them to ...``: ``asked`` is a participle sharing
    the clause's ``had``, whatever tense the tagger gave it."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
        # "noted that trade had reached A, and called for B": trade calls for nothing
        and _could_speak(subject_of(head))
        and not _after_comma_and(verb)
    )


def _after_comma_and(verb: Token) -> bool:
    """``..., and noted``: the comma sets the second verb apart from the clause before it."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].lower_ == "and" and doc[verb.i - 2].text == ","


def _free_adjunct(verb: Token) -> bool:
    """``Sanders went further, endorsing eight candidates ...``: an ``-ing`` phrase set off by
    a comma after its clause is done by that clause's subject."""
    return verb.dep_ == "advcl" and verb.i > verb.head.i and verb.doc[verb.i - 1].text == ","


def gerund_subject(verb: Token) -> Token | None:
    """``Trump’s talking about the working class`` (the possessor) / ``After saying he was
    nervous, the man ...`` / ``Trump launched his campaign by talking about the wall`` (the
    subject of the clause the ``-ing`` phrase modifies)."""
    if verb.tag_ != "VBG":
        return None
    poss = next((c for c in verb.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and is_verb(prep.head):
        return _clause_subject(prep.head)
    return None


def _clause_subject(verb: Token) -> Token | None:
    """Who does what the clause tells, for an ``-ing`` phrase hung on it: the subject of a
    passive too (``After saying A, she was whisked off``), and the first verb's subject for a
    coordinated one (``Dean appeared on MSNBC and began by saying A``)."""
    subj = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "conj" and is_verb(verb.head):
        return _clause_subject(verb.head)
    return subj


def participle_owner(verb: Token, lex: Lexicon) -> Token | None:
    """``a group backing Bush`` / ``a petition calling on him to resign``: a cue participle
    that modifies a noun naming a speaker (a group, an organization, a document, a person)
    attributes its content to that noun (an ``-ing`` form only: ``the deal announced by ...``
    has its own agent). Other nouns are mostly a misparse of ``X told voters, saying ...``,
    whose speaker is the clause's subject."""
    head = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ != "VBG"
        or head == verb
        or head.pos_ not in ("NOUN", "PROPN")
        or head.i >= verb.i
        or verb.doc[verb.i - 1].is_punct
    ):
        return None
    if head.ent_type_ in ("ORG", "PERSON") or _lemma_in(
        head,
        lex.organizations,
        lex.documents,
        lex.governments,
        lex.anonymous,
        lex.person_nouns,
    ):
        return head
    if _with_share(verb):
        return head
    return None


SHARE_NOUNS = frozenset({"percent", "share", "majority", "minority", "half", "third", "plurality"})


def _with_share(verb: Token) -> bool:
    """``with 50 percent saying she is prepared``: a share of those polled, named after
    ``with``, holds the view its participle reports."""
    head = verb.head
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "with"
        and (head.lemma_.lower() in SHARE_NOUNS or head.pos_ == "NUM")
    )


def _phrase_of(verb: Token, lex: Lexicon) -> tuple[Phrase, Token | None, Token | None] | None:
    """The multi-word cue this verb heads, with its object and preposition tokens."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.phrase_verbs:
        return None
    kids = list(verb.children)
    for ph in lex.phrases:
        if ph.verb != lemma:
            continue
        obj = None
        if ph.object is not None:
            obj = next(
                (
                    c
                    for c in kids
                    if c.dep_ in ("dobj", "attr", "oprd", "ccomp", "acomp")
                    and c.lemma_.lower() == ph.object
                ),
                None,
            )
            if obj is None:
                continue
        prep = None
        if ph.prep is not None:
            pool = kids + (list(obj.children) if obj is not None else [])
            # "calling for the United States to step up ...": "for" may mark a clause
            pool += [g for c in kids for g in c.children if g.dep_ == "mark"]
            # "agreed on Thursday to ...": a date is when, not what was agreed on
            prep = next(
                (
                    c
                    for c in pool
                    if c.dep_ in ("prep", "prt", "mark") and c.lower_ == ph.prep and not _is_time(c)
                ),
                None,
            )
            if prep is None:
                continue
        return ph, obj, prep
    return None


def skip_inline_space(doc: Doc, i: int) -> int:
    """The first token from ``i`` on that is not a space inside the line."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def _past_colon(doc: Doc, hi: int) -> int:
    """``endorsed one of their methods for stopping Trump: freeing all delegates ...``: what
    follows a colon at the end of the content spells the content out."""
    i = skip_inline_space(doc, hi)
    if i + 1 >= len(doc) or doc[i].text != ":" or "\n" in doc[i + 1].text:
        return hi
    end = doc[i + 1].sent.end
    return _in_paragraph(doc, i + 1, i + 1, end)[1]


def _trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and spaces at both ends of doc[start:end] (but keep quote marks)."""
    while start < end and (
        doc[start].is_space or (doc[start].is_punct and not doc[start].is_quote)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or (doc[end - 1].is_punct and not doc[end - 1].is_quote and doc[end - 1].text != "%")
        or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return start, end


def _in_paragraph(doc: Doc, anchor: int, lo: int, hi: int) -> tuple[int, int]:
    """Reported content stays in the cue's paragraph (quotes may run on; they are joined
    later)."""
    for i in range(anchor, hi):
        if "\n" in doc[i].text:
            hi = i
            break
    for i in range(anchor, lo - 1, -1):
        if "\n" in doc[i].text:
            lo = i + 1
            break
    return lo, hi


def _subject_starts(doc: Doc, i: int, hi: int) -> bool:
    """A clause's subject begins at token i, with words of the clause after it."""
    return i < hi - 1 and any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.left_edge.i == i and t.i < hi - 1
        for t in doc[i:hi]
    )


def _strip_circumstance(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """``said Tuesday his actions ...`` / ``said on Friday he met ...`` / ``said in an
    interview she would run``: a leading date or occasion belongs to the cue, not the
    content (the parser may hang it on the reported clause)."""
    # only right after the cue: a sentence that opens with "During the call, ..." is content
    first = doc[lo] if lo < hi and lo > doc[lo].sent.start and not doc[lo - 1].is_punct else None
    how = first is not None and first.lower_ in lex.saying_adverbs and first.dep_ == "advmod"
    if how and _subject_starts(doc, lo + 1, hi):
        # "said privately they doubted ...": how it was said
        return lo + 1
    obj = prep_object(first) if first is not None and first.dep_ == "prep" else None
    if first is not None and obj is not None and obj.lemma_.lower() in lex.occasion_nouns:
        after = first.right_edge.i + 1
        while after < hi and doc[after].is_punct and not doc[after].is_quote:
            after += 1
        if _subject_starts(doc, after, hi):
            return after
    i = lo
    if i < hi and doc[i].pos_ == "ADP" and i + 1 < hi and doc[i + 1].ent_type_ in ("DATE", "TIME"):
        i += 1
    if i < hi and doc[i].ent_type_ in ("DATE", "TIME"):
        while i < hi and doc[i].ent_type_ in ("DATE", "TIME"):
            i += 1
        while i < hi and doc[i].is_punct and not doc[i].is_quote:
            i += 1
        if hi - i >= 2:
            return i
    return lo


def _start_at_quote(doc: Doc, lo: int, hi: int) -> int:
    """``called it:\n\n“The questions ...”``: content introduced by a colon starts at the quote."""
    for i in range(lo, min(hi - 1, lo + 4)):
        if doc[i].text == ":" and any(doc[j].is_quote for j in range(i + 1, min(hi, i + 3))):
            return i + 1
    return lo


def prep_object(prep: Token | None) -> Token | None:
    """What a preposition governs: ``about [the deal]``, ``of [raising taxes]``."""
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _subtree_range(t: Token, stop: set[int]) -> tuple[int, int]:
    """[left, right) of t's subtree, leaving out the subtrees rooted at ``stop`` tokens."""
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    for s in stop:
        if lo <= s < hi and s != t.i:
            sub = t.doc[s]
            sl, sr = sub.left_edge.i, sub.right_edge.i + 1
            if sl > t.i:
                hi = min(hi, sl)
            elif sr <= t.i:
                lo = max(lo, sr)
    return lo, hi


def content_of(verb: Token, lex: Lexicon, stop: set[int]) -> tuple[int, int, Token | None] | None:
    """Token range [start, end) of what the cue verb attributes, and the leading ``that``."""
    lemma = verb.lemma_.lower()
    doc = verb.doc
    # the parser sometimes hangs the next paragraph's clause on a cue: ignore such children
    para_lo, para_hi = _in_paragraph(doc, verb.i, verb.sent.start, verb.sent.end)
    kids = [c for c in verb.children if para_lo <= c.i < para_hi]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        # "“A,” the leader was quoted as saying": the parser hangs A on "quoted"
        kids += [c for c in verb.head.head.children if c.dep_ == "ccomp"]
    phrase = _phrase_of(verb, lex)
    if phrase is not None:
        _ph, obj, prep = phrase
        if prep is not None and prep.dep_ == "mark":
            return prep.i + 1, _extend_right(verb, prep.head.right_edge.i + 1, stop), None
        target = prep_object(prep)
        if target is not None:
            lo, hi = _subtree_range(target, stop)
            return lo, _extend_right(verb, hi, stop), None
        if obj is not None:
            clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            if clause is not None:
                lo, hi = _subtree_range(clause, stop)
                return _strip_that(doc, lo, hi)
    misread = _clause_on_occasion(verb, kids, lex)
    if misread is not None and lemma in lex.clause_verbs:
        lo = _subtree_range(misread, stop)[0]
        # what the parser hung on the cue after the clause ("..., to decide when ..., and
        # that B") is still what was said
        return lo + 1, _subtree_range(verb, stop)[1], doc[lo]
    clause = next(
        (
            c
            for c in kids
            if (c.dep_ in CLAUSE_DEPS and not _adverbial_before(c, verb))
            or (c.dep_ == "xcomp" and c.i > verb.i and lemma not in lex.xcomp_verbs)
        ),
        None,
    )
    if clause is not None and lemma in lex.clause_verbs:
        lo, hi = _subtree_range(clause, stop)
        if clause.i > verb.i:
            hi = _extend_clause(verb, _adjacent_clauses(verb, clause, hi, stop), stop)
            lo = _object_as_subject(verb, clause, lo)
        return _strip_that(doc, lo, hi)
    if lemma in lex.as_verbs:
        # "heralded the deal as a “breakthrough”", "referred to Obama as “the MVP”"
        as_prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as"), None)
        what = next(
            (c for c in kids if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to")), None
        )
        if as_prep is not None and what is not None and what.i < as_prep.i:
            if what.dep_ == "prep":
                what = next((g for g in what.children if g.dep_ == "pobj"), what)
            return what.left_edge.i, _extend_right(verb, as_prep.right_edge.i + 1, stop), None
    if lemma in lex.naming_verbs or lemma in lex.reason_verbs:
        # "Bush called Trump “unhinged.”": the object and what it is called
        obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None and _reciprocal(obj):
            # "the two sides have accused each other of ...": a mutual dispute told by the
            # narrator, not one source's position
            return None
        if obj is not None and lemma in lex.reason_verbs:
            # "accused Obama of political exploitation": the content is the charge
            reason = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "prep" and c.i > obj.i and c.lower_ in lex.reason_preps
                ),
                None,
            )
            target = prep_object(reason)
            if target is not None:
                # "mocked Rubio for “having a tough night”": who is charged, and with what
                _lo, hi = _subtree_range(target, stop)
                return obj.left_edge.i, _extend_right(verb, hi, stop), None
        if obj is not None and (
            any(tok.is_quote for tok in obj.subtree)
            or any(
                c.i > obj.i
                for c in kids
                if c.dep_ in ("oprd", "xcomp", "ccomp", "prep", "advcl", "dobj", "attr", "npadvmod")
            )
        ):
            return obj.left_edge.i, _extend_right(verb, _subtree_range(obj, stop)[1], stop), None
    if lemma in lex.naming_verbs:
        oprd = next((c for c in kids if c.dep_ == "oprd" and c.i > verb.i), None)
        if oprd is not None and not any(c.dep_ == "dobj" for c in kids):
            return verb.i + 1, _extend_right(verb, oprd.right_edge.i + 1, stop), None
    if lemma in lex.xcomp_verbs:
        x = next((c for c in kids if c.dep_ == "xcomp"), None)
        if x is not None and x.i > verb.i:
            lo, hi = _subtree_range(x, stop)
            return lo, _extend_clause(verb, hi, stop), None
    if lemma in lex.object_verbs and lemma not in lex.addressee_verbs:
        obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
        clause = (
            None
            if obj is None
            else next(
                (
                    c
                    for c in obj.rights
                    if c.dep_ in ("acl", "ccomp")
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                ),
                None,
            )
        )
        if clause is not None:
            # "expressed amusement that Mr. Rubio had ...": the clause is the content
            lo, hi = _subtree_range(clause, stop)
            return _strip_that(doc, lo, hi)
        if obj is not None and obj.pos_ != "PRON":
            lo, hi = _subtree_range(obj, stop)
            return lo, _extend_right(verb, hi, stop), None
        target = _object_after_on(verb) if obj is None else None
        if target is not None:
            lo, hi = _subtree_range(target, stop)
            return lo, _extend_right(verb, hi, stop), None
    if lemma in lex.clause_verbs:
        # "says the movement that's sweeping the country appeals to ...": the parser made the
        # clause's subject an object; the content runs on to the end of the verb's phrase
        obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None and lemma not in lex.addressee_verbs:
            return obj.left_edge.i, _extend_right(verb, _subtree_range(obj, stop)[1], stop), None
        # "said on Friday during a news conference that he may wait": a stray "that"
        that = next(
            (
                t
                for t in doc[verb.i + 1 : verb.right_edge.i + 1]
                if t.lower_ == "that"
                and not _under_stop(t, verb, stop)
                and (
                    t.dep_ == "mark"
                    # "tweeted in the early hours that Machado was ...": "that" read as an
                    # adverb of the clause the parser hung on the cue
                    or (t.dep_ == "advmod" and t.head.head == verb and t.head.left_edge == t)
                )
            ),
            None,
        )
        if that is not None and that.i + 1 <= verb.right_edge.i:
            return that.i + 1, verb.right_edge.i + 1, that
        short = next(
            (
                c
                for c in kids
                if c.dep_ in ("advmod", "intj", "dobj")
                and c.lower_ in ("so", "yes", "no", "this", "that")
                and c.i > verb.i
            ),
            None,
        )
        if short is not None:
            # "said no to the Iraq war"
            return short.i, _extend_right(verb, short.right_edge.i + 1, stop), None
        colon = next((c for c in kids if c.text == ":" and c.i > verb.i), None)
        if colon is not None:
            sent = verb.sent
            return colon.i + 1, sent.end, None
    return None


def _clause_on_occasion(verb: Token, kids: Sequence[Token], lex: Lexicon) -> Token | None:
    """``said in a televised briefing that every sheet had been signed``: the parser may read
    the ``that`` clause as a relative clause of the occasion; it is what was said."""
    if any(c.dep_ in CLAUSE_DEPS for c in kids):
        return None
    for prep in kids:
        occasion = prep_object(prep) if prep.dep_ == "prep" and prep.i > verb.i else None
        if occasion is None or occasion.lemma_.lower() not in lex.occasion_nouns:
            continue
        after = occasion.doc[occasion.i + 1] if occasion.i + 1 < len(occasion.doc) else None
        if after is None or after.lower_ != "that":
            continue
        rel = next((c for c in occasion.rights if c.dep_ == "relcl"), None)
        if (
            rel is not None
            and after.head.i == rel.i
            and after.dep_ in ("dobj", "mark")
            # a clause with a subject of its own; "in an interview that aired Sunday" is a
            # relative clause after all
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children)
        ):
            return rel
    return None


def _under_stop(t: Token, verb: Token, stop: set[int]) -> bool:
    """``t`` hangs from the verb through a cue whose statement is its own (``..., Rice said,
    reiterating that B``)."""
    while t.i != verb.i:
        if t.i in stop:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _object_after_on(verb: Token) -> Token | None:
    """``emphasized on Moscow’s steadfastness``: some writers put ``on`` before the object of
    a cue verb; a date after it (``announced on Monday``) is no object."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head != verb or nxt.dep_ != "prep" or nxt.lower_ not in ("on", "upon"):
        return None
    target = next((g for g in nxt.children if g.dep_ == "pobj"), None)
    if target is None or target.ent_type_ in ("DATE", "TIME"):
        return None
    return target


SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "since", "until", "once"}
)


def _adjacent_clauses(verb: Token, clause: Token, hi: int, stop: set[int]) -> int:
    """``said [the Iranians released by the US] [were close to ...]``: the parser may split
    one clause into two complements of the cue; the second starts where the first ends."""
    doc = verb.doc
    for c in verb.rights:
        if c.i <= clause.i or c.i in stop:
            continue
        if c.dep_ == "ccomp" and c.left_edge.i == hi:
            hi = _subtree_range(c, stop)[1]
        elif (
            _listed_infinitive(c)
            and "," in (doc[hi - 1].text, doc[c.left_edge.i - 1].text)
            and all(t.text == "," for t in doc[hi : c.left_edge.i])
        ):
            # "needed to develop a vaccine, educate the public and learn more": the parser
            # hung the rest of a list of infinitives on the cue
            hi = _subtree_range(c, stop)[1]
        elif (
            c.dep_ == "conj"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            and all(t.dep_ == "cc" or t.is_punct for t in doc[hi : c.left_edge.i])
        ):
            # "said A, but that B" with B hung on the cue: the second clause it reports
            hi = _subtree_range(c, stop)[1]
    return hi


def _listed_infinitive(c: Token) -> bool:
    return (
        c.dep_ == "advcl"
        and c.tag_ == "VB"
        and not any(g.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for g in c.children)
    )


def _object_as_subject(verb: Token, clause: Token, lo: int) -> int:
    """``explained [the president’s refusal to call it terrorism] [is a weakness]``: the
    parser may take the clause's subject for the cue's object; the clause starts there."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in clause.children):
        return lo
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != lo:
        return lo
    return obj.left_edge.i


def _subordinated(t: Token) -> bool:
    """``t`` heads a clause opened by a subordinator (``after``, ``while``, ``because`` ...)."""
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in t.children)


def _adverbial_before(clause: Token, verb: Token) -> bool:
    """``After the senator quit, Cruz said ...``: the parser may take a leading time or reason
    clause for the cue's complement; what was said follows the cue. So does ``A — in fact,
    she said it “humanizes” her``: when the cue has a complement of its own after it, a
    clause before it is the narrator's."""
    if clause.i > verb.i:
        return False
    return _subordinated(clause) or any(
        c.i > verb.i and c.dep_ in ("ccomp", "oprd") for c in verb.children
    )


def _reciprocal(obj: Token) -> bool:
    return (
        obj.lower_ in ("other", "another")
        and obj.i > 0
        and obj.doc[obj.i - 1].lower_ in ("each", "one")
    )


def _extend_right(verb: Token, hi: int, stop: set[int]) -> int:
    """Right dependents of the cue verb after its object belong to the content (``blamed the
    GOP for “turning its back” on ...``), up to punctuation, a coordinated verb or a cue."""
    for c in verb.rights:
        if c.i < hi:
            continue
        if c.is_quote:
            # "called her ''the first lady ...''": the parser hangs the quotation marks on
            # the verb; the quoted words after them are still the content
            continue
        if c.dep_ in ("punct", "conj", "cc") or c.i in stop:
            break
        if _is_time(c) or (c.dep_ in ("npadvmod", "advmod", "tmod") and not any(c.rights)):
            # "said Tuesday", "said recently"; but "shows Cruz 16 points ahead of Trump"
            continue
        hi = max(hi, _subtree_range(c, stop)[1])
    return hi


def _is_time(t: Token) -> bool:
    """``Tuesday`` / ``in June 2015`` / ``on Friday``: when it was said, not what."""
    if t.ent_type_ in ("DATE", "TIME"):
        return True
    return t.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children
    )


CONDITION_MARKS = frozenset({"unless", "if", "until", "because", "so"})


def _extend_clause(verb: Token, hi: int, stop: set[int]) -> int:
    """``vowed to impose a tariff unless the company cancels ...``: a condition the parser
    hung on the cue verb belongs to what was promised."""
    for c in verb.rights:
        if c.i < hi or c.i in stop or c.dep_ != "advcl":
            continue
        if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return c.right_edge.i + 1
        break
    return hi


def _strip_that(doc: Doc, lo: int, hi: int) -> tuple[int, int, Token | None]:
    if lo < hi and doc[lo].lower_ == "that" and doc[lo].dep_ == "mark":
        return lo + 1, hi, doc[lo]
    return lo, hi, None


# "faster than policymakers acknowledged", "but that the staff had not responded": a cue in
# a comparison or a subordinate clause reports nothing of the clause before it
SUBORDINATE_MARKS = frozenset({"than", "that", "because", "if", "whether", "although", "unless"})


def parenthetical_content(verb: Token, subj: Token, stop: set[int]) -> tuple[int, int] | None:
    """``A, he said.`` / ``As Pollak observed, A.`` / ``The economy, he said, is growing.``:
    the sentence around the cue clause. When words stand on both sides, the side holding the
    governing clause is the content, or the whole sentence when the cue clause interrupts
    that clause between its subject and its verb (the envelope then holds the cue, as for
    ``“A,” he said, “B.”``)."""
    sent = verb.sent
    head = verb.head
    if head == verb:
        return _trailing_cue(verb, subj, stop)
    if verb.dep_ not in PARENTHETICAL_DEPS or any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATE_MARKS for c in verb.children
    ):
        # "cooling faster than policymakers acknowledged": a comparison, not a cue
        return None
    doc = verb.doc
    if (
        verb.dep_ == "ccomp"
        and head.i < verb.i
        and not any(t.is_punct for t in doc[head.i : verb.left_edge.i])
    ):
        # "Portman said he hadn't thought about it": the clause is what the cue before it
        # reports, not a cue of its own around the sentence
        return None
    lo = min(verb.left_edge.i, subj.left_edge.i)
    hi = max(verb.right_edge.i, subj.right_edge.i) + 1
    # "A, Rice said, reiterating that B": a continuation cue's words are its own statement
    end = next((t.left_edge.i for t in doc[hi : sent.end] if t.i in stop), sent.end)
    before = any(not t.is_punct and not t.is_space for t in doc[sent.start : lo])
    after = any(not t.is_punct and not t.is_space for t in doc[hi:end])
    start = _skip_discourse(doc, sent.start, lo)
    if before and after and _quote_follows(doc, verb.i + 1, end, start, lo):
        # "Emphasizing the urgency, Trump said, “If we ...”": the quotation is what was said
        return hi, end
    if before and after:
        head_subject = subject_of(head)
        if head.i >= hi and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS and c.i >= hi for c in head.children
        ):
            # "“A,” Trump said, after Quick said B": the clause after the cue is when it was
            # said, not more of what
            return start, lo
        if head.i >= hi and head_subject is not None and head_subject.i < lo:
            return start, end
        if head.i < lo and _runs_on(head, doc, hi, end):
            return start, end
        if head.i < lo and head.dep_ in ("nsubj", "nsubjpass") and head.head.i >= hi:
            # "The shortage, as X put it, “is no excuse”": the parser hung the cue on the
            # subject; it still splits the subject from its verb
            return start, end
        if head.i >= hi and _runs_on(head, doc, start, lo):
            # "In the long run, economists say, costs will fall": the opening words are the
            # governing clause's own
            return start, end
        return (hi, end) if head.i >= hi else (start, lo)
    if before:
        return start, lo
    if after:
        return hi, _subordinate_end(verb, hi, end)
    return None


def _subordinate_end(verb: Token, hi: int, end: int) -> int:
    """``While he acknowledged funding was a reason, Ham also noted ...``: the parser may hang
    a subordinate cue on its own complement; what it reports ends at the comma that closes
    the subordinate clause (one not attached inside it)."""
    if verb.head.i < hi or not _subordinated(verb):
        return end
    doc = verb.doc
    for k in range(hi, end):
        if doc[k].text == "," and not hi <= doc[k].head.i < k:
            return k
    return end


def _quote_follows(doc: Doc, after: int, end: int, start: int, lo: int) -> bool:
    """The words after the cue open a quotation and those before it hold none."""
    i = after
    while i < end and doc[i].is_punct and not doc[i].is_quote:
        i += 1
    return (
        i < end
        and doc[i].is_quote
        and doc[i].text != "'"
        and not any(t.is_quote for t in doc[start:lo])
    )


def _trailing_cue(verb: Token, subj: Token, stop: set[int]) -> tuple[int, int] | None:
    """``Those who take on debt struggle, even with a “good” job, he said.``: the parser may
    leave the words before ``, he said`` unattached to the cue; with nothing of the cue's own
    after it (a continuation such as ``, reiterating that B`` is a statement of its own),
    they are its content."""
    doc, sent = verb.doc, verb.sent
    lo = subj.left_edge.i
    if subj.i > verb.i or lo - 1 <= sent.start or doc[lo - 1].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep") and c.i > verb.i for c in verb.children):
        return None
    if any(not t.is_punct and not _under_stop(t, verb, stop) for t in doc[verb.i + 1 : sent.end]):
        return None
    return _skip_discourse(doc, sent.start, lo - 1), lo - 1


def _runs_on(head: Token, doc: Doc, lo: int, hi: int) -> bool:
    """``A, he said, because B`` / ``A, he said, by doing B``: the words in [lo, hi) beside the
    cue clause still belong to the governing clause (not a new clause joined by ``and`` or
    ``but``)."""
    first = next((t for t in doc[lo:hi] if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    t = first
    while t.head.i not in (head.i, t.i):
        t = t.head
    return (
        t.head.i == head.i and t.i != head.i and t.dep_ not in ("conj", "cc", "parataxis", "punct")
    )


def _skip_discourse(doc: Doc, lo: int, hi: int) -> int:
    """``But``, ``In fact,``, ``However,`` open the narrator's sentence, not the content."""
    i = lo
    while i < hi and (doc[i].is_space or (doc[i].is_punct and not doc[i].is_quote)):
        i += 1
    if i < hi and doc[i].dep_ == "cc":
        i += 1
    t = doc[i] if i < hi else None
    if t is not None and t.dep_ in ("advmod", "prep") and t.head.i > t.right_edge.i:
        end = t.right_edge.i + 1
        if end < hi and doc[end].text == "," and end - i <= 4:
            i = end + 1
    return i if i < hi else lo


def according_to(t: Token) -> tuple[Token, int, int, int, int] | None:
    """``According to X, A`` / ``A, according to X``: (source, cue_lo, cue_hi, content)."""
    to = next((c for c in t.children if c.lower_ == "to"), None)
    if to is None and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
        to = t.doc[t.i + 1]
    if to is None:
        return None
    src = next((c for c in to.children if c.dep_ == "pobj"), None)
    if src is None:
        return None
    return _around_phrase(t, src, t.i, max(src.right_edge.i, to.i) + 1, to.i + 1)


def in_source(t: Token, lex: Lexicon) -> tuple[Token, int, int, int, int] | None:
    """``In a CNN poll released Monday, 50 percent chose Clinton`` / ``in Forbes’ words``: a
    poll or a person's words named by ``in`` are the source of the clause around them. A cue
    verb governing the phrase (``In a poll, voters said ...``) has its own statement."""
    if t.lower_ != "in" or t.dep_ != "prep":
        return None
    src = next((c for c in t.children if c.dep_ == "pobj"), None)
    if src is None or src.lemma_.lower() not in lex.in_sources or src.tag_ == "NNP":
        return None
    if src.lemma_.lower() in ("word", "view", "opinion") and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and src.lower_ == "words")
        for c in src.children
    ):
        # "in other words", "in view of": only someone's words ("in his words", "in the
        # words of the minister") or view
        return None
    if not any(
        c.dep_ in ("compound", "amod", "poss", "nmod", "acl", "nummod") for c in src.children
    ):
        # "a lead in the polls" reports standing, not what one poll found
        return None
    head = t.head
    if head.lemma_.lower() in lex.all_cue_verbs or not (
        is_verb(head) or head.dep_ in ("dobj", "attr", "nsubj", "ROOT")
    ):
        return None
    if src.lemma_.lower() in ("word", "view", "opinion"):
        # "in his words", "in the words of the minister": whose words they are
        of = next((c for c in src.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in src.children if c.dep_ == "poss"), None) or prep_object(of)
        cue_hi = of.i + 1 if of is not None else src.i + 1
        return _around_phrase(t, owner or src, t.i, src.right_edge.i + 1, cue_hi)
    return _around_phrase(t, src, t.i, src.right_edge.i + 1, t.i + 1)


def _around_phrase(
    t: Token, src: Token, phrase_lo: int, phrase_hi: int, cue_hi: int
) -> tuple[Token, int, int, int, int]:
    """The clause around a source phrase: the side with more words, or the whole sentence
    when the phrase interrupts one clause between commas."""
    sent = t.sent
    doc = t.doc
    before = (sent.start, phrase_lo)
    after = (phrase_hi, sent.end)
    words_before = sum(1 for x in doc[before[0] : before[1]] if x.is_alpha)
    words_after = sum(1 for x in doc[after[0] : after[1]] if x.is_alpha)
    # "The talks, according to X, will resume": the phrase interrupts one clause
    if (
        words_before
        and words_after
        and phrase_lo > 0
        and doc[phrase_lo - 1].text == ","
        and (phrase_hi < len(doc) and doc[phrase_hi].text == ",")
        and t.head.i >= phrase_hi
    ):
        return src, t.i, cue_hi, sent.start, sent.end
    # "A, according to official data, and B": the words after open a clause of their own
    joined = (
        phrase_hi + 1 < len(doc)
        and doc[phrase_hi].text == ","
        and (doc[phrase_hi + 1].lower_ in ("and", "but"))
    )
    lo, hi = before if words_before >= words_after or (joined and words_before) else after
    return src, t.i, cue_hi, lo, hi


def find_reported(doc: Doc, lex: Lexicon, in_quote: Sequence[bool]) -> Iterator[Draft]:
    """Every cue with a source and a content, nested or not (the pipeline prunes nesting)."""
    cue_lemmas = lex.all_cue_verbs
    cue_tokens = [
        t
        for t in doc
        if not in_quote[t.i]
        and (
            (t.lemma_.lower() in cue_lemmas and (is_verb(t) or _verb_as_noun(t)))
            or _puts_it(t) is not None
        )
    ]
    # subtrees of continuation cues ("..., adding that B") are cut out of their governor
    # ("..., adding that B", "... and said B"); other coordinated verbs stay in the content
    # ("Iran welcomes ... and wants to expand ...")
    stop = {
        t.i
        for t in cue_tokens
        if t.dep_ in CONTINUATION_DEPS
        and (t.tag_ == "VBG" or t.dep_ == "conj")
        # "he began calling Libyan groups", "she would consider calling lawmakers back": the
        # -ing form completes its verb unless a comma sets it off ("..., calling it a sham")
        and not (
            t.dep_ == "xcomp"
            and (t.head.lemma_.lower() not in cue_lemmas or t.doc[t.i - 1].text != ",")
        )
        and _goes_on_speaking(t, t.head, lex)
        and subject_of(t) is None
    }
    # "74 percent said A, while 22 percent said B": a second source's cue is not the first's
    stop.update(t.i for t in cue_tokens if _second_source(t))
    stop.update(t.head.head.i for t in cue_tokens if t.dep_ == "acl" and _with_share(t))
    stop.update(t.i for t in cue_tokens if _closing_relative(t, lex))
    # "X has told officials A, according to two people familiar ...": the people are the
    # source and X's telling is their content, not the other way round
    stop.update(
        t.i
        for t in doc
        if not in_quote[t.i]
        and t.lower_ in lex.according
        and t.dep_ == "prep"
        and t.i > t.sent.start
        and doc[t.i - 1].text == ","
    )
    # "..., he said, referring to X": the reference is its own statement, not the said content
    referring = [t for t in doc if not in_quote[t.i] and _is_referring(t)]
    stop.update(t.i for t in referring)
    cue_set = {t.i for t in cue_tokens}
    for t in cue_tokens:
        d = _draft_for_verb(t, lex, stop)
        if d is not None:
            yield d
    for t in referring:
        d = referring_to(t, lex, stop)
        if d is not None:
            yield d
    for t in doc:
        if not in_quote[t.i] and t.lower_ in HEARSAY_ADVERBS:
            d = hearsay(t, stop)
            if d is not None:
                yield d
    for t in doc:
        if not in_quote[t.i] and is_verb(t):
            d = evidential(t, lex, stop)
            if d is not None:
                yield d
    yield from headline_colon(doc, lex, in_quote)
    yield from transcript_lines(doc)
    for t in doc:
        if in_quote[t.i]:
            continue
        hit = None
        if t.lower_ in lex.according:
            hit = according_to(t)
        elif t.lower_ == "in":
            hit = in_source(t, lex)
        if hit is not None:
            src, clo, chi, lo, hi = hit
            if t.lower_ == "in" and any(x.i in cue_set for x in doc[lo:hi]):
                # "X told Reuters in an interview ...": the cue verb has the statement
                continue
            if hi <= t.i and _trailing_cue_before(doc, t.i, cue_set):
                # "“A,” the leader said, according to a press release": the release only
                # carried what the leader said
                continue
            if hi <= t.i:
                lo = _skip_discourse(doc, lo, hi)
            if not _can_be_source(src, lex):
                continue
            lo, hi = _trim_tokens(doc, *_in_paragraph(doc, t.i, lo, hi))
            if lo >= hi:
                continue
            yield token_draft(doc, (lo, hi), (clo, chi), src.i, t.i)


def _trailing_cue_before(doc: Doc, i: int, cue_set: set[int]) -> bool:
    """``“A,” the leader said, according to ...``: a cue clause of its own (the source, then
    the verb, maybe a day) ends right before the comma at token ``i - 1``."""
    k = i - 2
    while k > 0 and _is_time(doc[k]):
        k -= 1
    if i < 2 or doc[i - 1].text != "," or k not in cue_set:
        return False
    subj = subject_of(doc[k])
    if subj is None or subj.i > k:
        return False
    before = doc[subj.left_edge.i - 1] if subj.left_edge.i > 0 else None
    return before is not None and (before.is_quote or before.text == ",")


CONCESSIVE = frozenset({"although", "though", "whereas"})


def _second_source(t: Token) -> bool:
    """A cue with a named subject of its own, hung on another cue's clause (``..., while 22
    percent said B``): its statement is not part of that clause. A pronoun subject is left
    out: it is mostly the first source again (``..., and he added ...``)."""
    head = t.head
    if t.dep_ not in ("advcl", "conj") or head == t or head.i > t.i:
        return False
    subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
        # "said A and that the footage did not show B": a second clause of the same cue
        return False
    if (
        subj is not None
        and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in t.children)
        and any(c.dep_ == "ccomp" for c in t.children)
    ):
        # "found that A, although it noted that B": a statement of its own, whoever says it
        # ("though she declined to release the numbers" reports nothing)
        return head.dep_ in ("ccomp", "conj", "advcl")
    return subj is not None and subj.pos_ != "PRON" and head.dep_ in ("ccomp", "conj", "advcl")


def _is_referring(t: Token) -> bool:
    """``referring to`` as an adjunct of another verb (``..., he said, referring to X``)."""
    return (
        t.lemma_.lower() == "refer"
        and t.tag_ == "VBG"
        and t.dep_ in ("advcl", "xcomp", "conj", "dep", "acl")
        and is_verb(t.head)
        and t.i + 1 < len(t.doc)
        and t.doc[t.i + 1].lower_ == "to"
    )


def referring_to(t: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    """``“...,” Trump said, referring to Barack Obama``: the speaker of the governing verb
    says whom or what they mean; the content is the object of ``to``."""
    to = t.doc[t.i + 1]
    if to.head != t:
        return None
    obj = prep_object(to)
    # the parser often hangs the adjunct inside the reported clause ("said the plan would
    # fail, referring to ..."): the one referring is the speaker of the nearest cue above
    cue = next((a for a in t.ancestors if a.lemma_.lower() in lex.clause_verbs), t.head)
    subj = subject_of(cue) or inherited_subject(cue, lex)
    if obj is None or subj is None or subj.dep_ == "expl":
        return None
    doc = t.doc
    lo, hi = _subtree_range(obj, stop)
    lo, hi = _in_paragraph(doc, t.i, max(lo, to.i + 1), hi)
    lo, hi = _trim_tokens(doc, lo, hi)
    if lo >= hi:
        return None
    return token_draft(doc, (lo, hi), (t.i, to.i + 1), subj.i, t.i)


HEARSAY_ADVERBS = frozenset({"reportedly"})


def hearsay(t: Token, stop: set[int]) -> Draft | None:
    """``The FBI is reportedly making arrangements to ...``: a report with no named source;
    the content is the clause the adverb modifies, the adverb inside it."""
    head = t.head
    if t.dep_ != "advmod" or not is_verb(head):
        return None
    doc = t.doc
    lo, hi = _subtree_range(head, stop)
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    lo, hi = _trim_tokens(doc, lo, hi)
    if hi - lo < 3:
        return None
    return token_draft(doc, (lo, hi), (t.i, t.i + 1), None, t.i)


EVIDENTIAL_VERBS = frozenset({"seem", "appear"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "we", "they", "i", "you"})


def evidential(t: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    """``Trump seemed to enjoy the fight`` / ``The race appears closer`` / ``It appears that
    ...`` / ``The Fed is expected to act``: an impression or an expectation. The content is
    the subject with its predicate (the cue stands inside it); the source is the subject when
    it names someone who can hold a view, else there is none. ``appeared on Fox News`` has no
    predicate and is no statement."""
    lemma = t.lemma_.lower()
    kids = list(t.children)
    if lemma in EVIDENTIAL_VERBS:
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        comp = next(
            (
                c
                for c in kids
                if c.i > t.i and c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp")
            ),
            None,
        )
    elif lemma == "expect" and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids):
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        comp = next((c for c in kids if c.i > t.i and c.dep_ == "xcomp"), None)
    else:
        return None
    if subj is None or comp is None or subj.i > t.i:
        return None
    # "It appears that ...": the subject is a dummy; the clause alone is the content
    dummy = subj.dep_ == "expl" or (subj.lower_ == "it" and comp.dep_ == "ccomp")
    if comp.dep_ == "ccomp" and not dummy:
        return None
    doc = t.doc
    lo = comp.left_edge.i if dummy else subj.left_edge.i
    _lo, hi = _subtree_range(comp, stop)
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    lo, hi = _trim_tokens(doc, lo, hi)
    if lo >= hi or hi - lo < 3:
        return None
    cue_lo = next((c.i for c in kids if c.dep_ in ("aux", "auxpass") and c.i < t.i), t.i)
    if (
        lemma in EVIDENTIAL_VERBS
        and comp.dep_ == "xcomp"
        and (comp.lemma_.lower() in lex.clause_verbs)
    ):
        # "She appeared to imply that ...": the subject is the source of the inner cue
        found = content_of(comp, lex, stop)
        if found is None or found[0] <= comp.i:
            return None
        clo, chi = _trim_tokens(doc, *_in_paragraph(doc, comp.i, found[0], found[1]))
        if clo >= chi:
            return None
        cue_end = found[2] if found[2] is not None else comp
        return token_draft(doc, (clo, chi), (cue_lo, cue_end.i + 1), subj.i, t.i)
    # "he seems to ...": an impression a person gives is theirs; "the race appears closer"
    # has no holder
    holder = (
        subj.i if not dummy and lemma in EVIDENTIAL_VERBS and _names_speaker(subj, lex) else None
    )
    return token_draft(doc, (lo, hi), (cue_lo, t.i + 1), holder, t.i)


HEADLINE_PREPS = frozenset({"on", "to", "at", "about", "in", "with", "for", "over"})
MAX_HEADLINE_SOURCE = 5


def headline_colon(doc: Doc, lex: Lexicon, in_quote: Sequence[bool]) -> Iterator[Draft]:
    """``Issa: Hillary Clinton’s ‘Honesty Is In Question’`` / ``Gillibrand on Hillary’s
    Transcripts: ‘I Think She Will’`` / ``Clinton to Planned Parenthood: Trump will ...``: a
    line that opens with a capitalised name (and maybe the topic or audience after ``on`` /
    ``to``) and a colon attributes the rest of the line to that name. The parse of such lines
    is unreliable (names come out as adjectives or verbs), so only the words are read; a
    headline's own cue verbs are part of its content."""
    line_start = 0
    for colon in doc:
        if "\n" in colon.text:
            line_start = colon.i + 1
            continue
        if colon.text != ":" or in_quote[colon.i] or colon.i - line_start > 6 * MAX_HEADLINE_SOURCE:
            continue
        left = [t for t in doc[line_start : colon.i] if not t.is_space]
        if not left or len(left) > 3 * MAX_HEADLINE_SOURCE:
            continue
        k = next((j for j, t in enumerate(left) if j > 0 and t.lower_ in HEADLINE_PREPS), len(left))
        name = left[:k]
        if not (
            0 < len(name) <= (MAX_HEADLINE_SOURCE if k < len(left) else 4)
            and all(t.text[:1].isupper() and not t.like_num for t in name)
            # "Responding to this criticism: ..." opens with a verb, not a name
            and not any(t.tag_.startswith("VB") and t.pos_ != "PROPN" for t in name)
            # "Focus on security: ...", "Wow: ...": a topic or an exclamation, not a name
            and (name[-1].pos_ == "PROPN" or name[-1].ent_type_ in ("PERSON", "ORG", "NORP"))
            # "FIX IS IN: ..." is a kicker, not a name
            and (len(name) == 1 or not all(t.is_upper for t in name))
            and name[-1].is_alpha
            and not any(t.lower_ in lex.colon_skip or t.lower_ in lex.titles for t in name[-1:])
            and not any(t.lower_ in ("a.m.", "p.m.") or t.like_num for t in left)
        ):
            continue
        hi = next((t.i for t in doc[colon.i + 1 :] if "\n" in t.text), len(doc))
        lo, hi = _trim_tokens(doc, colon.i + 1, hi)
        if not _says_something(doc, lo, hi):
            continue
        yield token_draft(doc, (lo, hi), (colon.i, colon.i + 1), name[-1].i, colon.i)


MAX_LABEL_TOKENS = 8  # "SEN. RUBIO:", "O'BRIEN-SMITH:"


def _label_word(word: str, last: bool) -> bool:
    """A word of a transcript label: capitals, with stops inside a title (``SEN.``); the
    name that ends it has two letters or more and no stop."""
    marks = "'-" if last else ".'-"
    return (
        word[:1].isupper()
        and all(ch.isupper() or ch in marks for ch in word)
        and (not last or len(word) > 1)
    )


def _transcript_label(doc: Doc, i: int) -> tuple[str, int, int] | None:
    """``"WALLACE: ...``, ``SEN. RUBIO: ...``: the label opening the line at token ``i``, as
    (the name as a name is written, the token ending it, its colon), when a space follows
    the colon on the line."""
    j = i + 1 if i < len(doc) and doc[i].is_quote else i
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    k = j
    while k < min(len(doc), j + MAX_LABEL_TOKENS) and doc[k].text != ":":
        if "\n" in doc[k].text:
            return None
        k += 1
    if k == j or k >= len(doc) or doc[k].text != ":":
        return None
    words = doc[j:k].text.split()
    if not (
        1 <= len(words) <= 3
        and all(_label_word(w, last=False) for w in words[:-1])
        and _label_word(words[-1], last=True)
    ):
        return None
    gap = doc[k].whitespace_ or (doc[k + 1].text if k + 1 < len(doc) else "")
    if gap[:1] not in (" ", "\t", "\u00a0"):
        return None
    return words[-1].title(), k - 1, k


def transcript_lines(doc: Doc) -> Iterator[Draft]:
    """``WALLACE: If I may, sir ...`` / ``PENCE: Well, ...``: in a transcript each line is said
    by the person its label names. It is a transcript when some label names a person the
    article also names in running text (``Mike Pence``) and labels make up three lines or
    more; then a label counts when it is so named or labels two lines or more. A kicker
    (``FIX IS IN:``) or a note (``CLARIFICATION:``) is neither."""
    names = proper_nouns(doc)
    labels = [
        found
        for t in doc
        if (t.i == 0 or "\n" in doc[t.i - 1].text)
        and (found := _transcript_label(doc, t.i)) is not None
    ]
    lines = Counter(name for name, *_ in labels)
    if len(labels) < 3 or not any(name in names for name in lines):
        return
    for name, name_end, colon in labels:
        if name not in names and lines[name] < 2:
            continue
        end = next((t.i for t in doc[colon + 1 :] if "\n" in t.text), len(doc))
        lo, hi = _trim_tokens(doc, colon + 1, end)
        if _says_something(doc, lo, hi):
            yield token_draft(doc, (lo, hi), (colon, colon + 1), name_end, colon)


def _names_speaker(t: Token, lex: Lexicon) -> bool:
    """A person, a group, an organization or a country: something that can hold a view.
    Names and plural nouns (``her detractors``, ``some Twitter accounts``) count; a singular
    common noun (``the race``, ``the music``) does not."""
    if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.lower_ in PERSONAL_PRONOUNS:
        return True
    if t.pos_ == "PROPN" or t.tag_ == "NNPS" or t.tag_ == "NNS":
        return True
    return _lemma_in(
        t, lex.person_nouns, lex.organizations, lex.governments, lex.groups, lex.anonymous
    )


def _says_something(doc: Doc, lo: int, hi: int) -> bool:
    """``Clinton: 2,316`` / ``Twitter: @Milbank``: a tally or a handle after a colon is no
    statement; words are."""
    return sum(1 for t in doc[lo:hi] if t.is_alpha) >= 2


def colon_statements(doc: Doc, lex: Lexicon, in_quote: Sequence[bool]) -> Iterator[Draft]:
    """``Trump: ‘I’m the worst thing ...’`` (a headline) and ``pollster Daron Shaw: “...”``:
    a source named right before a colon, with no verb of its own."""
    for colon in doc:
        if colon.text != ":" or in_quote[colon.i]:
            continue
        sent = colon.sent
        left = [t for t in doc[sent.start : colon.i] if not t.is_space]
        if not left or colon.i + 1 >= sent.end:
            continue
        for k in range(len(left) - 1, -1, -1):
            if "\n" in left[k].text:
                left = left[k + 1 :]
                break
        if not left:
            continue
        src = left[-1]
        if (
            src.pos_ not in ("PROPN", "NOUN")
            or src.lower_ in lex.colon_skip
            or any(t.like_num or t.lower_ in ("a.m.", "p.m.") for t in left)
        ):
            continue
        nxt = doc[colon.i + 1]
        headline = len(left) <= 7 and not any(is_verb(t) or t.is_punct for t in left)
        quote_intro = nxt.is_quote and src.ent_type_ == "PERSON"
        if not (headline or quote_intro):
            continue
        hi = next((t.i for t in doc[colon.i + 1 : sent.end] if "\n" in t.text), sent.end)
        lo, hi = _trim_tokens(doc, colon.i + 1, hi)
        if not _says_something(doc, lo, hi):
            continue
        yield token_draft(doc, (lo, hi), (colon.i, colon.i + 1), src.i, colon.i)


def noun_statements(doc: Doc, lex: Lexicon, in_quote: Sequence[bool]) -> Iterator[Draft]:
    """``Trump’s attacks on Cruz`` / ``He raised questions about the deal``: a position noun
    with its topic; the source is the possessor or the subject of the governing verb."""
    for t in doc:
        if in_quote[t.i] or t.pos_ != "NOUN" or t.lemma_.lower() not in lex.noun_cues:
            continue
        prep = next(
            (c for c in t.rights if c.dep_ == "prep" and c.lower_ in lex.noun_cue_preps), None
        )
        target: Token | None = None
        if prep is not None:
            target = prep_object(prep)
        elif t.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            # "Trump’s claim that the vote is rigged": the clause is the content, "that" the
            # cue (not for a subject noun, or a noun left as the root: the parser then runs
            # the clause into the main verb)
            prep = next(
                (
                    m
                    for c in t.rights
                    if c.dep_ in ("acl", "ccomp")
                    for m in c.children
                    if m.dep_ == "mark" and m.lower_ == "that" and m.i == t.i + 1
                ),
                None,
            )
            target = None if prep is None else prep.head
        if prep is None or target is None or _is_time(prep):
            # "made the remarks on Sunday": when, not what about
            continue
        src = next((c for c in t.children if c.dep_ == "poss"), None)
        received = (
            t.dep_ in ("dobj", "attr")
            and is_verb(t.head)
            # "Trump has the support of most delegates": the subject receives the position
            and t.head.lemma_.lower() in RECEIVING_VERBS
        )
        if src is None and t.dep_ in ("dobj", "attr") and is_verb(t.head) and not received:
            src = subject_of(t.head)
        if src is not None and (in_quote[src.i] or src.dep_ == "expl"):
            continue
        # "despite complaints that he is a crusader": a claim of unnamed people still is one
        if src is None and target.dep_ not in ("acl", "ccomp"):
            continue
        lo, hi = _trim_tokens(doc, max(target.left_edge.i, prep.i + 1), target.right_edge.i + 1)
        if lo >= hi:
            continue
        yield token_draft(doc, (lo, hi), (t.i, prep.i + 1), None if src is None else src.i, t.i)


def _can_be_source(t: Token, lex: Lexicon) -> bool:
    """``according to their instinctive preference`` is no attribution: the source must be a
    name, a pronoun, or a noun that names a speaker."""
    if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if not any(c.dep_ == "poss" for c in t.children):
        return t.pos_ == "NOUN"
    if any(x.pos_ == "PROPN" for x in t.lefts):
        # "according to Kantar Media’s ad tracker": a named owner makes it a record
        return True
    return _lemma_in(
        t,
        lex.person_nouns,
        lex.documents,
        lex.organizations,
        lex.governments,
        lex.groups,
        lex.anonymous,
        lex.titles,
    )


def _lemma_in(t: Token, *word_lists: frozenset[str]) -> bool:
    lemma = t.lemma_.lower()
    return any(lemma in words for words in word_lists)


def _end_char(t: Token) -> int:
    return t.idx + len(t.text)


def _draft_for_verb(t: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    doc = t.doc
    subj = subject_of(t)
    inherited = False
    if subj is None:
        subj = inherited_subject(t, lex)
        inherited = subj is not None
    if subj is None:
        # "prompting a senior U.N. official to urge both governments ...": the official urges
        subj = _object_controller(t) or participle_owner(t, lex) or gerund_subject(t)
    if subj is None:
        return _asked_draft(t, stop)
    if subj.dep_ == "expl":
        return None
    named = relative_naming(t, subj, lex, stop) or relative_report(t, subj, lex, stop)
    if named is not None:
        return named
    it = _puts_it(t)
    found = content_of(t, lex, stop) if it is None else None
    that: Token | None = None
    cue_hi = t.i + 1 if it is None else it.i + 1
    if it is not None and it.i + 1 < len(doc) and doc[it.i + 1].text == ":":
        # "as a strategist put it: “...”": what follows the colon
        found = (it.i + 2, t.sent.end, None)
    if found is not None:
        lo, hi, that = found
        phrase = _phrase_of(t, lex)
        if phrase is not None:
            _ph, obj, prep = phrase
            cue_hi = max(x.i for x in (t, obj, prep) if x is not None) + 1
    else:
        if lex.clause_verbs.isdisjoint({t.lemma_.lower()}) and it is None:
            return None
        if t.lemma_.lower() in REFUSALS or (
            any(c.dep_ == "auxpass" for c in t.children) and not _has_agent(t)
        ):
            # "as birth rates decline", "The engineer ... was not charged": no one speaks
            return None
        par = parenthetical_content(t, subj, stop)
        if par is None:
            return None
        lo, hi = par
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    if lo < subj.i < hi <= t.i:
        # "“A,” Texas delegate Bill Eastland, wearing a hat, said": the parser hung the
        # subject inside the clause; the content ends where the source begins
        hi = subj.left_edge.i
    if found is not None and lo > t.i:
        hi = _past_colon(doc, hi)
    if found is not None and lo <= t.i < hi - 1 and t.i + 1 < hi:
        # a non-projective arc pulled the object's edge left of the cue
        lo = t.i + 1
    lo, hi = _trim_tokens(doc, lo, hi)
    if hi <= t.i:
        lo = _skip_discourse(doc, lo, hi)
    if found is not None and that is None:
        lo = _start_at_quote(doc, _strip_circumstance(doc, lo, hi, lex), hi)
    if lo > t.i and lo + 1 < hi:
        # "He said, referring to the rebels, that they must ...": "that" after an aside
        lo = _strip_that(doc, lo, hi)[0]
    if lo >= hi or (found is not None and lo <= t.i < hi) or _asks_anonymity(doc, lo):
        return None
    if that is not None and that.i == t.i + 1:
        cue_hi = that.i + 1
    return token_draft(doc, (lo, hi), (t.i, cue_hi), subj.i, t.i, inherited=inherited)


REFUSALS = frozenset({"decline", "refuse"})


def _puts_it(t: Token) -> Token | None:
    """``as Petrakis put it``: the ``it`` of a speaker's wording, set in an as-clause."""
    if t.lemma_.lower() != "put" or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in t.children
    ):
        return None
    return next((c for c in t.rights if c.dep_ == "dobj" and c.lower_ == "it"), None)


UNNAMED = frozenset({"named", "identified", "quoted"})


def _asks_anonymity(doc: Doc, lo: int) -> bool:
    """``who asked not to be named``, ``requested anonymity to speak freely``: the terms of
    the interview, not a statement."""
    words = [t.lower_ for t in doc[lo : lo + 4]]
    if words[:1] == ["not"]:
        words = words[1:]
    return words[:1] == ["anonymity"] or (
        len(words) > 2 and words[:2] == ["to", "be"] and words[2] in UNNAMED
    )


WH_OBJECTS = frozenset({"which", "who", "whom", "what", "that"})


def relative_naming(t: Token, subj: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    """``Rubio, whom he dubbed “the little senator”`` / ``what critics have called a “scheme”``
    / ``which she described as “a disaster”``: a naming verb whose object is the relative
    word before it. The content is the whole relative clause, from that word to the name;
    the source and the cue stand inside it."""
    lemma = t.lemma_.lower()
    if lemma not in lex.naming_verbs and lemma not in lex.as_verbs:
        return None
    kids = list(t.children)
    wh = next((c for c in kids if c.dep_ == "dobj" and c.i < subj.i), None)
    if wh is None or wh.lower_ not in WH_OBJECTS or subj.i > t.i:
        return None
    if not any(
        c.i > t.i and (c.dep_ in ("oprd", "xcomp", "attr", "acomp") or c.lower_ == "as")
        for c in kids
    ):
        return None
    doc = t.doc
    lo, hi = _in_paragraph(doc, t.i, wh.i, _extend_right(t, t.i + 1, stop))
    lo, hi = _trim_tokens(doc, lo, hi)
    if hi <= t.i + 1:
        return None
    return token_draft(doc, (lo, hi), (t.i, t.i + 1), subj.i, t.i)


def _relative_clause(t: Token, subj: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The relative word and the reported clause of ``policies, which he said had harmed the
    economy``: the relative word opens the clause the cue reports, before its source."""
    if t.lemma_.lower() not in lex.clause_verbs or subj.i > t.i:
        return None
    clause = next((c for c in t.rights if c.dep_ in CLAUSE_DEPS), None)
    if clause is None:
        return None
    wh = clause.left_edge
    if wh.lower_ not in WH_OBJECTS or wh.i >= subj.i or wh.head.i < t.i:
        return None
    return wh, clause


def _closing_relative(t: Token, lex: Lexicon) -> bool:
    """A relative report that ends its sentence is cut out of the statement it hangs on
    (``cited “Obama-Clinton” policies, which he said had harmed the economy``)."""
    subj = subject_of(t)
    found = None if subj is None else _relative_clause(t, subj, lex)
    if found is None:
        return False
    return all(w.is_punct or w.is_space for w in t.doc[found[1].right_edge.i + 1 : t.sent.end])


def relative_report(t: Token, subj: Token, lex: Lexicon, stop: set[int]) -> Draft | None:
    """``policies, which he said had harmed the economy``: the relative word and the clause
    after the cue are the content; the source and the cue stand inside it."""
    found = _relative_clause(t, subj, lex)
    if found is None:
        return None
    wh, clause = found
    doc = t.doc
    lo, hi = _in_paragraph(doc, t.i, wh.i, _subtree_range(clause, stop)[1])
    lo, hi = _trim_tokens(doc, lo, hi)
    if hi <= t.i + 1:
        return None
    return token_draft(doc, (lo, hi), (t.i, t.i + 1), subj.i, t.i)


def _asked_draft(t: Token, stop: set[int]) -> Draft | None:
    """``Asked whether the deal would hold, he said ...`` / ``When asked about the loan, ...`` /
    ``Smith was asked if ...``: the question is attributed to an unnamed asker (no source)."""
    # a sentence-initial "Asked what ..." is often tagged as a past tense
    if t.lemma_.lower() != "ask" or not (
        t.tag_ == "VBN" or (t.tag_ == "VBD" and t.dep_ == "advcl")
    ):
        return None
    doc = t.doc
    kids = list(t.children)
    if any(c.dep_ in ("nsubj", "agent", "dobj") for c in kids):
        return None
    cue_hi = t.i + 1
    target = next((c for c in kids if c.i > t.i and _is_question(c)), None)
    if target is None:
        about = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "about"), None)
        pobj = prep_object(about)
        if about is None or pobj is None or about.i != t.i + 1:
            return None
        target, cue_hi = pobj, about.i + 1
    lo, hi = _subtree_range(target, stop)
    if not _is_question(target):
        # "asked about Trump, President Obama said ...": the parser may run the topic on into
        # the main clause's subject; the topic ends at its first comma
        hi = next((k for k in range(target.i, hi) if doc[k].text == ","), hi)
    lo, hi = _in_paragraph(doc, t.i, lo, hi)
    lo, hi = _trim_tokens(doc, max(lo, cue_hi), hi)
    if lo >= hi:
        return None
    return token_draft(doc, (lo, hi), (t.i, cue_hi), None, t.i)


def _is_question(clause: Token) -> bool:
    """The asked question: a complement clause, or ``if``/``whether`` clause the parser took
    for an adverbial one (``Asked if he was ever bullied, ...``)."""
    if clause.dep_ == "ccomp":
        return True
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children
    )


def cue_subjects(doc: Doc, lex: Lexicon, in_quote: Sequence[bool]) -> dict[int, int]:
    """Cue verbs outside quotes that have a subject (own or inherited), for quote attribution."""
    out: dict[int, int] = {}
    lemmas = lex.clause_verbs
    for t in doc:
        if in_quote[t.i] or not is_verb(t) or t.lemma_.lower() not in lemmas:
            continue
        subj = subject_of(t) or inherited_subject(t, lex)
        if subj is not None and not in_quote[subj.i]:
            out[t.i] = subj.i
    return out
