"""Direct quotes: find quotation-mark spans in the text and attribute them.

Quote spans are found on the raw text with one left-to-right scan per paragraph, so the cost
is linear in the text and independent of the parse. Attribution then looks at the few tokens
around each quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.nlp.draft import Draft, SpanIndex
from app.nlp.reported import DASHES, is_verb, skip_inline_space, subject_of

CURLY_OPEN = "“«„"
CURLY_CLOSE = "”»"
STRAIGHT = '"'
NYT_OPEN = "``"
NYT_MARK = "''"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
# the longest cue clause ("..., the tycoon told Reuters in a rare interview in Macau when
# asked ...") that may stand between two quotes of one speaker in a paragraph
MAX_CUE_CLAUSE = 250
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "compound", "appos", "dobj", "pobj", "poss", "amod", "det", "nmod"}
)


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool


class QuoteIndex:
    """Quotes (sorted, non-overlapping) looked up by position."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self._starts = [q.start for q in self.quotes]
        self._longest = max((q.end - q.start for q in self.quotes), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[Quote]:
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        for q in self.quotes[lo:hi]:
            if q.end > start:
                yield q


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    n = len(text)
    while start < n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        yield start, end
        start = end + 1


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _scan_double(text: str, start: int, end: int) -> list[Quote]:
    """Double quotation marks of every style inside one paragraph."""
    out: list[Quote] = []
    open_at: int | None = None
    open_curly = False
    i = start
    while i < end:
        ch = text[i]
        two = text[i : i + 2]
        width = 1
        if open_at is not None and ch == "“" and _closes(text, i, end):
            # "..., that could hurt her here,“ said Jim Clyburn": an opening mark typed
            # where the closing one belongs
            out.append(Quote(open_at, i + 1, True))
            open_at = None
        elif ch in CURLY_OPEN or two == NYT_OPEN:
            width = 2 if two == NYT_OPEN else 1
            if open_at is not None:  # a missing closer: end the previous quote here
                out.append(Quote(open_at, _rstrip(text, open_at, i), False))
            open_at, open_curly = i, ch in CURLY_OPEN
        elif ch in CURLY_CLOSE:
            if open_at is not None:
                out.append(Quote(open_at, i + 1, True))
                open_at = None
            elif (i == start or text[i - 1].isspace()) and i + 1 < end and text[i + 1].isalnum():
                # ”Mr. Trump embodies ...”: a closing mark typed where the opening one belongs
                open_at, open_curly = i, True
        elif ch == STRAIGHT or two == NYT_MARK:
            width = 2 if two == NYT_MARK else 1
            if open_at is None:
                open_at, open_curly = i, False
            elif not open_curly or _straight_closes_curly(text, i, end):
                out.append(Quote(open_at, i + width, True))
                open_at = None
        i += width
    if open_at is not None:
        out.append(Quote(open_at, _rstrip(text, open_at, end), False))
    return out


def _closes(text: str, i: int, end: int) -> bool:
    """The mark at i ends a quotation: it follows a word or punctuation and is followed by a
    space, punctuation or the paragraph end."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return not prev.isspace() and not nxt.isalnum() and nxt not in "“‘\"'"


def _straight_closes_curly(text: str, i: int, end: int) -> bool:
    """``argue that “there is precedent," citing ...``: a straight mark typed as the closer of
    a curly quote, when no curly closer follows before the next opener."""
    if not _closes(text, i, end):
        return False
    rest = text[i + 1 : end]
    nxt_open = rest.find("“")
    return "”" not in (rest if nxt_open < 0 else rest[:nxt_open])


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _scan_single(text: str, start: int, end: int, taken: Sequence[Quote]) -> list[Quote]:
    """Single quotation marks outside double quotes; apostrophes are told apart by context."""
    out: list[Quote] = []
    open_at: int | None = None
    blocked = [(q.start, q.end) for q in taken]
    bi = 0
    i = start
    while i < end:
        while bi < len(blocked) and blocked[bi][1] <= i:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= i < blocked[bi][1]:
            i = blocked[bi][1]
            continue
        ch = text[i]
        if ch in "‘'" and text[i : i + 2] != NYT_MARK:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if open_at is None and not _is_word(prev) and _is_word(nxt):
                open_at = i
            elif open_at is not None and ch == "'" and not _is_word(nxt) and not prev.isspace():
                out.append(Quote(open_at, i + 1, True))
                open_at = None
        elif ch == SINGLE_CLOSE and open_at is not None:
            nxt = text[i + 1] if i + 1 < end else " "
            if not _is_word(nxt):
                out.append(Quote(open_at, i + 1, True))
                open_at = None
        i += 1
    last = _rstrip(text, start, end)
    if (
        open_at is not None
        and text[open_at] == "‘"
        and text[open_at + 1 : open_at + 2].isupper()
        and last > open_at
        and text[last - 1] in ".?!"
    ):
        # "‘But we will not allow ... flour." with the next paragraph opening "‘Let ...":
        # British style leaves a quote running into the next paragraph unclosed
        out.append(Quote(open_at, last, False))
    return out


def find_quotes(text: str) -> list[Quote]:
    """Quote spans of the text in order. A quote left open at the end of a paragraph whose
    next paragraph opens with a quotation mark continues there (multi-paragraph quote)."""
    spans: list[Quote] = []
    for pstart, pend in _paragraphs(text):
        doubles = _scan_double(text, pstart, pend)
        singles = (
            _scan_single(text, pstart, pend, doubles)
            if "‘" in text[pstart:pend] or ("'" in text[pstart:pend])
            else []
        )
        spans.extend(sorted(doubles + singles, key=lambda q: q.start))
    merged: list[Quote] = []
    outer = -1  # the last quote not nested in another (a nested one cannot run on)
    for q in spans:
        last = merged[outer] if outer >= 0 else None
        if last is not None and q.end <= last.end:
            merged.append(q)
        elif (
            last is not None
            and not last.closed
            and _only_space(text, last.end, q.start)
            and _runs_on_speech(text, last)
        ):
            merged[outer] = Quote(last.start, q.end, q.closed)
        else:
            merged.append(q)
            outer = len(merged) - 1
    return [q for q in merged if q.end - q.start > 2]


MIN_RUN_ON_WORDS = 4


def _runs_on_speech(text: str, q: Quote) -> bool:
    """A quotation that continues in the next paragraph is speech, a sentence or more; two
    words left open (``''family fortunes.'.')``) are a mistyped closing mark."""
    return len(text[q.start : q.end].split()) >= MIN_RUN_ON_WORDS


def _only_space(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end] and not text[start:end].strip()


# --------------------------------------------------------------------------------------------
# attribution of quotes


def quote_tokens(doc: Doc, q: Quote) -> tuple[int, int]:
    """Token range [first, last] covering the quote's characters."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1, -1
    return span.start, span.end - 1


def inside_mask(doc: Doc, quotes: Sequence[Quote]) -> list[bool]:
    """Per token: does it lie strictly inside a quote (between the marks)?"""
    mask = [False] * len(doc)
    for q in quotes:
        first, last = quote_tokens(doc, q)
        for i in range(first + 1, last + (0 if q.closed else 1)):
            mask[i] = True
    return mask


def _cue_near(tokens: Sequence[Token], is_cue: set[int]) -> Token | None:
    for t in tokens:
        if t.i in is_cue:
            return t
    return None


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    return ps, len(text) if pe < 0 else pe


def _is_quote_only(text: str, q: Quote, sent_start: int, sent_end: int) -> bool:
    """The quote fills its sentence or its paragraph: nothing but punctuation around it."""
    ps, pe = _paragraph_bounds(text, q.start, q.end)
    lo, hi = max(ps, min(sent_start, q.start)), min(pe, max(sent_end, q.end))
    outside = text[lo : q.start] + text[q.end : hi]
    return not any(ch.isalnum() for ch in outside)


def _after_semicolon(text: str, drafts: Sequence[Draft], q: Quote, sent_end: int) -> bool:
    """``Medvedev underlined the visit as a step forward; “good atmosphere dominates ...”``:
    a quote that ends the sentence after a semicolon closing a statement is the speaker's."""
    if any(ch.isalnum() for ch in text[q.end : max(q.end, sent_end)]):
        return False
    return any(
        d.content_end <= q.start and text[d.content_end : q.start].strip() == ";" for d in drafts
    )


def attribute_quotes(
    doc: Doc,
    quotes: Sequence[Quote],
    drafts: list[Draft],
    cue_subjects: dict[int, int],
) -> list[Draft]:
    """Fold quotes into the reported-speech drafts and add drafts for the quotes left over.

    ``cue_subjects`` maps the token index of each cue verb with a subject outside quotes to
    its subject token; it finds ``“A,” he said`` when the parser did not make A its clause.
    """
    text = doc.text
    qindex = QuoteIndex(quotes)
    _absorb_quotes(text, drafts, qindex)
    out = list(drafts)
    owners = SpanIndex()
    for i, d in enumerate(out):
        owners.add(d.content_start, d.content_end, i)
    used_cues = {d.cue_token for d in drafts if d.cue_token is not None}
    by_cue = {d.cue_token: d for d in drafts if d.cue_token is not None}
    cue_subjects = dict(cue_subjects)
    cue_set = set(cue_subjects)

    def add_direct(
        q: Quote, verb: Token, subject: int | None, cue_start: int | None = None
    ) -> Draft:
        """A new direct statement: the quote, attributed by `verb` to the token `subject`
        (the cue is the verb's text, from `cue_start` when only its end is the cue)."""
        d = Draft(
            q.start,
            q.end,
            verb.idx if cue_start is None else cue_start,
            verb.idx + len(verb.text),
            subject,
            "direct",
            anchor=verb.i,
            cue_token=verb.i,
        )
        owners.add(d.content_start, d.content_end, len(out))
        out.append(d)
        by_cue[verb.i] = d
        used_cues.add(verb.i)
        return d

    prev: Draft | None = None
    for q in quotes:
        owner = next(
            (
                out[k]
                for a, b, k in owners.overlapping(q.start, q.end)
                if (a <= q.start and q.end <= b) or (q.start <= a and b <= q.end)
            ),
            None,
        )
        if owner is not None:
            _fit_to_quote(text, owner, q)
            prev = owner
            continue
        first, last = quote_tokens(doc, q)
        if first < 0:
            continue
        sent = doc[last].sent
        # "A," he said [, "B."]: a cue clause right after the quote, inside its sentence
        # (the parser may start a new sentence after a closing mark: “A.” Trump said.)
        after = _until_quote(doc[last + 1 : min(len(doc), last + 12)], text)
        cue = _cue_near(after, cue_set)
        if cue is not None and not _adjacent_after(doc, last, cue, cue_subjects[cue.i]):
            cue = None
        if cue is None and _ends_open(text, q):
            # “A,” the judge exclaimed: after a quote left open by its comma, any verb with
            # a subject right behind it is the cue
            extra = _any_speech_verb(after)
            if extra is not None:
                cue_subjects[extra[0].i] = extra[1].i
                cue = extra[0]
        if cue is not None and _inside_adverbial(doc, first, cue):
            cue = None
        byline = _byline(doc, last) if cue is None else None
        if byline is not None:
            dash, signer = byline
            # the cue is the dash alone, not the closing mark the tokenizer kept with it
            mark = len(dash.text) - len(dash.text.lstrip(CURLY_CLOSE + STRAIGHT))
            prev = add_direct(q, dash, signer, cue_start=dash.idx + mark)
            continue
        if cue is None:
            # He said: "A." / He told reporters, "A."
            # the parser often starts a new sentence at the quotation mark, so the window is
            # the dozen tokens before the quote back to a sentence-final mark
            before = list(doc[max(0, first - 12) : first])
            stop_at = next(
                (k for k in range(len(before) - 1, -1, -1) if before[k].text in (".", "!", "?")),
                -1,
            )
            before = before[stop_at + 1 :]
            if before and (
                before[-1].text in ",:"
                or before[-1].is_space
                or (
                    # Kerry said "By law, ...": the cue verb right before the quote
                    before[-1].i in cue_set
                )
            ):
                cue = _cue_near(reversed(before), cue_set)
                if cue is not None and any(is_verb(t) for t in doc[cue.i + 1 : first]):
                    cue = None
        intro = _colon_intro(doc, first) if cue is None else None
        if intro is not None and intro[0].i not in used_cues:
            prev = add_direct(q, intro[0], intro[1].i)
            continue
        if cue is not None and cue.i in by_cue:
            d = by_cue[cue.i]
            # the parser gave the cue some other content; the quote is its content, and
            # replaces unquoted words on the cue's other side (a split quote keeps both)
            if (
                d.cue_end is not None
                and d.content_end <= d.cue_end <= q.start
                and not any(True for _ in qindex.overlapping(d.content_start, d.content_end))
            ):
                d.content_start, d.content_end = q.start, q.end
            else:
                d.content_start, d.content_end = (
                    min(d.content_start, q.start),
                    max(d.content_end, q.end),
                )
            prev = d
            continue
        if cue is not None and cue.i not in used_cues:
            prev = add_direct(q, cue, cue_subjects[cue.i])
            continue
        if (
            prev is not None
            and _continues(
                text,
                prev,
                q,
                any(True for _ in qindex.overlapping(prev.content_start, prev.content_end)),
                _source_end(doc, prev),
            )
            and (
                "\n" not in text[prev.content_end : q.start]
                or _is_quote_only(text, q, sent.start_char, sent.end_char)
            )
        ):
            prev.content_end = q.end
            continue
        if _is_quote_only(text, q, sent.start_char, sent.end_char) or _after_semicolon(
            text, out, q, sent.end_char
        ):
            d = Draft(
                q.start, q.end, None, None, None, "direct", anchor=first, continues_speaker=True
            )
            owners.add(d.content_start, d.content_end, len(out))
            out.append(d)
            prev = d
            continue
        frag = _fragment_clause(doc, first, last, used_cues)
        if frag is not None and not any(True for _ in owners.overlapping(*frag[:2])):
            d = Draft(*frag[:5], "mixed", anchor=frag[5], cue_token=frag[5])
            owners.add(d.content_start, d.content_end, len(out))
            out.append(d)
            used_cues.add(frag[5])
            prev = d
    return out


BYLINE_DASHES = frozenset({*DASHES, "―"})
MAX_BYLINE_NAME = 5


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _byline(doc: Doc, last: int) -> tuple[Token, int] | None:
    """``“He represents our greatest shame.” ― Sonya Herridge``: a dash and a name closing
    the quote's line sign it. Returns the dash (the cue) and the name's last word (the
    source)."""
    i = last + 1
    if doc[last].text[-1] in BYLINE_DASHES:
        # the tokenizer keeps ”― together
        i = last
    else:
        i = skip_inline_space(doc, i)
        if i >= len(doc) or doc[i].text not in BYLINE_DASHES:
            return None
    dash = doc[i]
    i = skip_inline_space(doc, i + 1)
    name_end = i
    while (
        name_end < len(doc)
        and name_end - i < MAX_BYLINE_NAME
        and (doc[name_end].is_title or doc[name_end].pos_ == "PROPN")
        and (doc[name_end].is_alpha or _is_initial(doc[name_end].text))
    ):
        name_end += 1
    if name_end == i:
        return None
    # the name ends its line, or an age, a place or a role follows it after a comma
    after = doc[name_end] if name_end < len(doc) else None
    if after is not None and not after.is_space and after.text not in (",", ".", "("):
        return None
    return dash, name_end - 1


MAX_FRAGMENT_CLIMB = 6


def _fragment_clause(
    doc: Doc, first: int, last: int, used_cues: set[int | None]
) -> tuple[int, int, int, int, int, int] | None:
    """``Sanders has pushed his promise of “free college”`` / ``Trump boasted about his club,
    “which is a phenomenal area.”``: a short quoted fragment inside a sentence, with no cue
    verb, quotes someone: the subject of the verb that governs the fragment. The content is
    what follows that verb in its clause. (content_start, content_end, cue_start, cue_end,
    source token, verb token) or None."""
    if last - first < 2:
        return None
    if not any(w.is_alpha for w in doc[first + 1 : last]):
        return None
    t = doc[first + 1]
    verb = None
    for _ in range(MAX_FRAGMENT_CLIMB):
        if t.head == t:
            break
        t = t.head
        if first <= t.i <= last:
            continue
        if is_verb(t) and t.pos_ != "AUX" and t.i < first:
            verb = t
            break
    if verb is None or verb.i in used_cues or "\n" in doc[verb.i : first].text:
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or subj.dep_ == "expl" or subj.pos_ == "DET":
        return None
    lo, hi = verb.i + 1, verb.right_edge.i + 1
    if hi <= last or lo > first:
        return None
    cue_hi = lo
    if doc[lo].dep_ in ("prep", "prt") and doc[lo].head.i == verb.i and lo + 1 < first + 1:
        cue_hi = lo + 1  # "boasted about", "lashed out": the particle belongs to the cue
        lo += 1
    end = hi
    for k in range(last + 1, hi):
        if doc[k].text in (".", "!", "?", ";") or "\n" in doc[k].text:
            end = k
            break
    while end > lo and (doc[end - 1].is_punct and not doc[end - 1].is_quote):
        end -= 1
    if end <= last - 1:
        return None
    return (
        doc[lo].idx,
        doc[end - 1].idx + len(doc[end - 1].text),
        verb.idx,
        doc[cue_hi - 1].idx + len(doc[cue_hi - 1].text),
        subj.i,
        verb.i,
    )


def _fit_to_quote(text: str, d: Draft, q: Quote) -> None:
    """The content of ``“A,” he claimed`` is the quote, even when the parser's clause (or
    sentence) starts before it."""
    if d.cue_start is None or d.cue_end is None or not q.closed:
        return
    if d.content_start < q.start and q.end <= d.cue_start <= d.content_end + 1:
        between = text[q.end : d.cue_start]
        before = text[d.content_start : q.start].rstrip()
        # only when what precedes the quote is a sentence of its own (the narrator's)
        if (
            len(between) < 60
            and not any(ch in between for ch in ".!?\n")
            and (before.endswith((".", "!", "?", ".”", '."')))
        ):
            d.content_start = q.start


def _absorb_quotes(text: str, drafts: Sequence[Draft], quotes: QuoteIndex) -> None:
    """A reported content that reaches into a quote takes the whole quote: the parser often
    sees only one sentence of ``“A. B,” he says``; a quote that finishes the content's
    sentence (``X said A, but “B.”``) is taken too."""
    for d in drafts:
        if d.cue_start is None or d.cue_end is None:
            continue
        if d.cue_end <= d.content_start:
            end = d.content_end
            after = next(
                (q for q in quotes.overlapping(end, end + MAX_LINK) if q.start >= end), None
            )
            if after is not None and _same_sentence_link(text[end : after.start]):
                d.content_end = after.end
        for q in list(quotes.overlapping(d.content_start, d.content_end)):
            if q.start <= d.cue_start < q.end:
                continue
            # keep the cue outside: never grow across it
            if d.cue_start >= d.content_end and q.end > d.cue_start:
                continue
            if d.cue_start < d.content_start and q.start < d.cue_end:
                continue
            d.content_start = min(d.content_start, q.start)
            d.content_end = max(d.content_end, q.end)


def _colon_intro(doc: Doc, first: int) -> tuple[Token, Token] | None:
    """``Cruz continued:`` / ``President Clinton released the following statement:`` right
    before the quote (same or previous paragraph): any verb with a subject introduces it."""
    i = first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    # "He continued,\n\n“...”": a comma that ends the line introduces the quote like a colon
    line_end = i + 1 < first and "\n" in doc[i + 1 : first].text
    if i < 0 or doc[i].text not in (":", ","):
        return None
    if doc[i].text == "," and not line_end:
        # "He continued, “I believe ...”": on the same line only a verb right before the
        # comma introduces the quote
        j = i - 1
        while j > 0 and doc[j].pos_ in ("ADV", "PART"):
            j -= 1
        t = doc[j]
        subj = subject_of(t) if is_verb(t) and t.pos_ != "AUX" else None
        if subj is None or subj.dep_ == "expl" or subj.i > t.i:
            return None
        return t, subj
    sent = doc[i].sent
    for j in range(i - 1, max(sent.start, i - 25) - 1, -1):
        t = doc[j]
        if t.is_quote or "\n" in t.text:
            return None
        if is_verb(t) and t.pos_ != "AUX":
            subj = subject_of(t)
            if subj is not None and subj.dep_ != "expl":
                return _governing_intro(t, subj, i)
    return None


def _governing_intro(t: Token, subj: Token, colon: int) -> tuple[Token, Token]:
    """``As Pollak reported after the FBI appears to have left the scene:``: the nearest verb
    may sit in a subordinate clause; the verb it depends on (before the colon, with its own
    subject) introduces the quote."""
    for _ in range(4):
        head = t.head
        if head == t or head.i >= colon or not is_verb(head) or head.pos_ == "AUX":
            break
        hs = subject_of(head)
        if hs is None or hs.dep_ == "expl":
            break
        t, subj = head, hs
    return t, subj


def _adjacent_after(doc: Doc, last: int, cue: Token, subj: int) -> bool:
    """``“A,” he said`` / ``“A,” said Tom Hill``: only the source (and punctuation or an
    adverb) stands between the quote and its cue."""
    source = doc[subj]
    lo, hi = source.left_edge.i, source.right_edge.i
    return all(
        t.is_punct or t.is_space or lo <= t.i <= hi or t.pos_ in ("ADV", "AUX", "PART")
        for t in doc[last + 1 : cue.i]
    )


def _inside_adverbial(doc: Doc, first: int, cue: Token) -> bool:
    """``Remarking upon Clinton's “genuine empathy,” Starr said, “...”``: a quote inside a
    phrase that leads up to the cue is that phrase's words, not what the cue says."""
    return any(
        t.head == cue and t.dep_ in ("advcl", "prep") and t.i < first <= t.right_edge.i
        for t in doc[doc[first].sent.start : first]
    )


def _source_end(doc: Doc, d: Draft) -> int:
    if d.source is None:
        return -1
    last = doc[d.source].right_edge
    return last.idx + len(last.text)


def _ends_open(text: str, q: Quote) -> bool:
    """The quote's last words end with a comma, question or exclamation mark, or a dash."""
    inner = text[q.start : q.end].rstrip().rstrip("”»\"'’`").rstrip()
    return inner.endswith((",", "?", "!", "—", "–", "-"))


def _any_speech_verb(tokens: Sequence[Token]) -> tuple[Token, Token] | None:
    for t in tokens[:10]:
        # "Trump" is sometimes tagged a verb: a word in a nominal role is not the cue
        if is_verb(t) and t.pos_ != "AUX" and t.dep_ not in NOMINAL_DEPS:
            subj = subject_of(t)
            if subj is not None and subj.dep_ != "expl" and subj.i > t.i - 10:
                return t, subj
            return None
    return None


def _until_quote(tokens: Sequence[Token], text: str) -> list[Token]:
    """Tokens up to the next opening quotation mark or sentence-final punctuation."""
    out: list[Token] = []
    for t in tokens:
        if (
            t.text in ("“", "«", '"', "``", "''", "‘")
            or t.text in (".", "!", "?")
            or ("\n" in t.text)
        ):
            break
        out.append(t)
    return out


LINK_WORDS = frozenset({"but", "and", "because", "since", "as"})
MAX_LINK = 12


def _same_sentence_link(gap: str) -> bool:
    """Only a comma and maybe one conjunction join the content to the quote after it."""
    if "\n" in gap or any(ch in gap for ch in ".!?") or len(gap) > MAX_LINK:
        return False
    words = gap.replace(",", " ").split()
    return "," in gap and all(w.lower() in LINK_WORDS for w in words) and len(words) <= 1


def _continues(text: str, prev: Draft, q: Quote, prev_quoted: bool, source_end: int) -> bool:
    """Quote B continues the previous statement: ``“A,” he said, “B.”``, ``“A,” he said.
    “B.”``, and a quotation running on into the next paragraph (``“A.”\n\n“B.”``) once the
    previous statement is itself a quotation. After reported speech without quotation marks
    a quote-only paragraph stays a statement of its own."""
    if prev.content_end > q.start:
        return False
    gap_start = max(prev.content_end, prev.cue_end if prev.cue_end is not None else 0)
    if prev.cue_end is not None and prev.content_end <= prev.cue_end <= source_end <= q.start:
        gap_start = source_end  # “A,” said Governor Ruth Kim. “B.”
    if gap_start > q.start:
        return False
    gap = text[gap_start : q.start]
    if not any(ch.isalnum() for ch in gap):
        return prev_quoted and len(gap) < 60 and "\n" not in gap
    if "\n" in gap or len(gap) >= MAX_CUE_CLAUSE:
        return False
    # only the rest of the cue clause ("..., attempting to regroup.") may stand between,
    # and a conjunction before the quote ("“A,” he said, but “B.”")
    core = gap.rstrip()
    last = core.rsplit(None, 1)[-1] if core.split() else ""
    if last.lower() in LINK_WORDS:
        core = core[: -len(last)].rstrip()
    return (
        core.endswith((",", ":", ";", "."))
        and prev.cue_start is not None
        and (prev.cue_start >= prev.content_start)
    )
