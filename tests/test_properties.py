"""Properties that must hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold.clean import clean_text
from newsfold.sentences import split_sentences

WORDS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "on",
        "Thursday",
        "that",
        "Moscow",
        "would",
        "reply",
        "to",
        "the",
        "letter",
        ".",
        "Read",
        "more",
        "See",
        "also",
        "©",
        "2022",
        "All",
        "rights",
        "reserved",
        "1",
        "min",
        "read",
        "Lavrov",
        "NATO",
        "«",
        "»",
        "+",
        "•",
        "Share",
        "Tweet",
        "Photo",
        ":",
        "AFP",
        "/",
        "POOL",
    ]
)
LINE = st.lists(WORDS, min_size=0, max_size=30).map(" ".join)
TEXT = st.lists(LINE, min_size=0, max_size=12).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["en", "fr", None]))
def test_clean_is_idempotent_and_loses_nothing(text: str, lang: str | None) -> None:
    first = clean_text(text, title="Headline", lang=lang)
    again = clean_text(first.body, title="Headline", lang=lang)
    assert again.body == first.body
    kept = {line.strip() for line in first.body.splitlines() if line.strip()}
    removed = {r.text.strip() for r in first.removed}
    for line in text.splitlines():  # every input line is either kept or listed as removed
        if line.strip() and line.strip() != "Headline":
            assert line.strip() in kept or line.strip() in removed or any(line.strip() in k for k in kept)


@settings(max_examples=100, deadline=None)
@given(TEXT, st.sampled_from(["en", "de", "ar"]))
def test_sentence_offsets_point_into_the_text(text: str, lang: str) -> None:
    for s in split_sentences(text, lang):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text


# --- the per-article stage's shortcuts give what the plain computations give

_PIECES = st.sampled_from(
    [
        "ROME",
        "New",
        "York",
        "Kyiv",
        "MOSCOW",
        "São",
        "Paulo",
        "the",
        "minister",
        "said",
        "Jan",
        "5",
        "March",
        "17",
        "2022",
        "(Reuters)",
        "(AFP)",
        "/Reuters/",
        "-",
        "—",
        "–",
        ":",
        ".",
        ",",
        "(",
        "/",
        "Feb.",
        "UNI",
        "\t",
        " ",
    ]
)


@given(st.lists(_PIECES, max_size=16), st.sampled_from([" ", "  ", "\u00a0", "\u2003"]))
@settings(max_examples=400, deadline=None)
def test_the_dateline_pre_check_never_rejects_a_dateline(pieces: list[str], space: str) -> None:
    import re

    import pytest

    from newsfold import dateline

    text = space.join(pieces) + " officials said on Monday that talks would go on."
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dateline, "_DATELINE_HINT", re.compile(""))  # every head passes the pre-check
        plain = dateline.find_dateline(text)
    assert dateline.find_dateline(text) == plain


@given(st.text(alphabet=st.sampled_from(list("ab \t\u00a0\u3000\r\x0b\x0c\x1c\n")), max_size=40))
@settings(max_examples=400, deadline=None)
def test_paragraphs_are_the_lines_between_newline_runs(text: str) -> None:
    import re

    from newsfold.sentences import paragraphs

    expected = []
    pos = 0
    for m in re.finditer(r"\n\s*\n|\n", text + "\n"):  # the regex paragraphs() used to split with
        chunk = text[pos : m.start()]
        if chunk.strip():
            expected.append((pos + chunk.index(chunk.strip()), chunk.strip()))
        pos = m.end()
    assert paragraphs(text) == expected


def test_the_arabic_test_is_the_arabic_block_for_every_character() -> None:
    from newsfold.textnorm import _ARABIC_CHAR, _has_arabic

    for start in range(0, 0x110000, 0x1000):  # every code point, a block of text at a time
        chars = "".join(chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c <= 0xDFFF)
        for i in range(0, len(chars), 64):
            piece = "x" + chars[i : i + 64]
            assert _has_arabic(piece) == bool(_ARABIC_CHAR.search(piece)), piece.encode("unicode_escape")
    assert not _has_arabic("plain ascii") and _has_arabic("قال")
