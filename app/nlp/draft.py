"""The mutable working record shared by the stages before speakers are resolved."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from app.nlp.types import StatementType


@dataclass(slots=True)
class Draft:
    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    source: int | None  # token index of the source's head word, or None (quote-only)
    type: StatementType = "indirect"
    anchor: int = 0  # token index of the cue (or first content token) for ordering
    continues_speaker: bool = False  # quote-only text: the passage's current speaker said it
    inherited: bool = False  # subject taken from a governing cue verb ("..., adding that")
    cue_token: int | None = None


def token_draft(
    doc: Doc,
    content: tuple[int, int],
    cue: tuple[int, int],
    source: int | None,
    cue_word: int,
    *,
    inherited: bool = False,
) -> Draft:
    """A draft from token ranges ([start, end) of the content and of the cue words), the
    source's head token and the cue's head word (which orders and identifies it)."""
    (lo, hi), (clo, chi) = content, cue
    last, cue_last = doc[hi - 1], doc[chi - 1]
    return Draft(
        doc[lo].idx,
        last.idx + len(last.text),
        doc[clo].idx,
        cue_last.idx + len(cue_last.text),
        source,
        anchor=cue_word,
        inherited=inherited,
        cue_token=cue_word,
    )


class SpanIndex:
    """[start, end) spans sorted by start, for "which spans overlap this range" without a
    scan of every span: only spans starting within the longest span's length are read."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, int]] = []  # (start, end, key)
        self._longest = 0

    def add(self, start: int, end: int, key: int) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end, key))
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """Spans sharing at least one position with [start, end) (a point when end=start+1)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        for s, e, key in self._spans[lo:hi]:
            if e > start:
                yield s, e, key
