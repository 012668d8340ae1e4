"""Bad input never crashes the extractor."""

from __future__ import annotations

import pytest

from app.nlp import extract, extract_many
from app.nlp.parse import MAX_CHARS
from app.nlp.types import Extraction

SAID = "Officials said the bridge would reopen soon. "


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\u00a0\u2003"])
def test_empty_text_gives_empty_extraction(text: str) -> None:
    assert extract(text) == Extraction()


@pytest.mark.parametrize(
    "text",
    [
        "the minister said the talks would go on and the opposition said they would not " * 40,
        "<html><body><p>“We will win,” <b>Smith</b> said.</p><script>var x = '\"';</script>"
        "</body></html>",
        "Der Minister sagte, die Gespräche würden fortgesetzt. « Nous allons gagner », a-t-il dit.",
        "总统说，谈判将继续。“我们会赢，”他说。",
        "\"\"\"''''“”“”‘’‘’«»«» ,,, ::: said said said",
        "“An unclosed quote that never ends, said Tom Hill",
        "''",
        "said: according to, he added that",
        "\x00\x01 control \x7f characters \ufeff said the source",
    ],
)
def test_odd_text_does_not_crash(text: str) -> None:
    ex = extract(text)
    for st in ex.statements:
        assert text[slice(*st.content_span)] == st.content
        assert 0 <= st.content_span[0] < st.content_span[1] <= len(text)


def test_html_markup_quote_is_still_found() -> None:
    text = "<div><p>“We will win,” Tom Hill said.</p><!-- x --><script>a = 'b';</script></div>"
    sts = extract(text).statements
    assert [(s.content, s.speaker, s.type) for s in sts] == [("We will win", "Tom Hill", "direct")]
    assert text[slice(*sts[0].content_span)] == "We will win"


def test_text_over_the_cap_is_cut_not_rejected() -> None:
    text = SAID * (MAX_CHARS // len(SAID) + 10)
    assert len(text) > MAX_CHARS
    ex = extract(text)
    assert len(ex.statements) > 1000
    assert max(s.content_span[1] for s in ex.statements) <= MAX_CHARS


def test_extract_many_handles_mixed_stream() -> None:
    texts = ["", SAID, "<br/>", "“Yes,” she said."]
    out = list(extract_many(texts, batch_size=2))
    assert len(out) == 4
    assert out[0] == Extraction() and out[2].statements == ()
    assert len(out[1].statements) == 1
