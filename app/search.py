"""User text to an FTS5 query that can never be a syntax error.

Supported: words (all must occur), "a phrase" (straight or curly quotes), prefix* and OR
between two terms. Everything else — punctuation, unbalanced quotes, FTS5 operators and column
filters — is taken as plain words, because each word is passed to FTS5 as a quoted string.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
# A phrase in quotes (closed, or running to the end when unbalanced), or one bare token.
_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Letters and digits, as FTS5's unicode61 tokenizer splits text ("_" separates words there).
_WORD = re.compile(r"[^\W_]+")
# A query must hold at least one word (a JSON Schema pattern, matched anywhere in the text).
SEARCHABLE = r"[^\W_]"


def _quoted(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def fts_query(q: str) -> str | None:
    """The FTS5 MATCH expression for `q`, or None when it holds no searchable word."""
    terms: list[str] = []
    pending_or = False
    for m in _PART.finditer(q.translate(_QUOTES)):
        phrase, token = m.group(1), m.group(2)
        if token == "OR":
            pending_or = bool(terms)
            continue
        if phrase is not None:
            words = _WORD.findall(phrase)
            term = _quoted(words) if words else ""
        else:
            words = _WORD.findall(token)
            if not words:
                continue
            # "well-known" and "U.S." are one phrase of their parts, as the tokenizer sees them.
            term = _quoted(words)
            if token.endswith("*") and len(words) == 1:
                term += "*"
        if not term:
            continue
        if pending_or and terms:
            terms[-1] = f"{terms[-1]} OR {term}"
        else:
            terms.append(term)
        pending_or = False
    if not terms:
        return None
    return " AND ".join(f"({t})" if " OR " in t else t for t in terms)
