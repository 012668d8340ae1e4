"""The mutable working record shared by the stages before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

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
