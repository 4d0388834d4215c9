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
