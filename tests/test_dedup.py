from __future__ import annotations

import random

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsfold.dedup import CopyIndex, Signature, signature
from newsfold.models import Article
from newsfold.settings import Settings

WORDS = [
    "minister",
    "talks",
    "security",
    "proposals",
    "reply",
    "letter",
    "moscow",
    "washington",
    "treaty",
    "alliance",
    "border",
    "troops",
    "sanctions",
    "ambassador",
    "ministry",
    "document",
    "response",
    "guarantees",
    "expansion",
    "weapons",
    "europe",
    "dialogue",
    "meeting",
    "week",
    "agreement",
]


def _article(key: str, text: str) -> Article:
    return Article(key=key, location=key, fmt="text", raw=text, text=text, title=key)


def _text(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_signature_round_trips_and_is_deterministic(settings: Settings) -> None:
    sig = signature(_article("a", _text(1)), settings)
    assert sig is not None and len(sig.values) == settings.minhash_perm
    assert Signature.from_bytes(sig.to_bytes()) == sig
    assert signature(_article("b", _text(1)), settings) == sig


def test_similarity_tracks_overlap(settings: Settings) -> None:
    base = _text(2).split()
    edited = list(base)
    for i in range(0, len(edited), 40):  # change one word in forty: a light copy edit
        edited[i] = "edited"
    a = signature(_article("a", " ".join(base)), settings)
    b = signature(_article("b", " ".join(edited)), settings)
    c = signature(_article("c", _text(3)), settings)
    assert a and b and c
    assert a.similarity(b) > 0.7
    assert a.similarity(c) < 0.3


def test_too_short_text_has_no_signature(settings: Settings) -> None:
    assert signature(_article("a", "Only four words here"), settings) is None


def test_copy_index_links_to_the_earliest_original(settings: Settings) -> None:
    text = _text(4)
    index = CopyIndex(settings)
    original = signature(_article("orig", text), settings)
    reprint = signature(_article("reprint", text + " reprinted with permission"), settings)
    other = signature(_article("other", _text(5)), settings)
    assert original and reprint and other
    index.add("orig", original, copy_of=None, published="2022-02-17")
    assert index.find(other) is None
    found = index.find(reprint)
    assert found is not None and found[0] == "orig" and found[1] > 0.9
    index.add("reprint", reprint, copy_of="orig", published="2022-02-18")
    # a copy of the copy is still linked to the original
    again = signature(_article("again", text + " reprinted"), settings)
    assert again is not None
    found = index.find(again)
    assert found is not None and found[0] == "orig"


def test_copy_index_evicts_beyond_capacity(settings: Settings) -> None:
    index = CopyIndex(settings, capacity=3)
    sigs = [signature(_article(str(i), _text(10 + i)), settings) for i in range(5)]
    for i, sig in enumerate(sigs):
        assert sig is not None
        index.add(str(i), sig, copy_of=None, published=None)
    assert len(index) == 3
    assert index.find(sigs[0]) is None  # type: ignore[arg-type]
    assert index.find(sigs[4]) == ("4", 1.0)  # type: ignore[arg-type]


@hsettings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=5, max_size=80),
    st.lists(st.sampled_from(WORDS), min_size=5, max_size=80),
)
def test_similarity_is_symmetric(a_words: list[str], b_words: list[str]) -> None:
    s = Settings()
    a = signature(_article("a", " ".join(a_words)), s)
    b = signature(_article("b", " ".join(b_words)), s)
    assert a and b
    assert a.similarity(b) == b.similarity(a)
    assert a.similarity(a) == 1.0


def test_packed_signature_is_the_signature_as_stored(settings: Settings) -> None:
    from newsfold.dedup import packed_signature

    for seed in range(5):
        art = _article(f"p{seed}", _text(seed, 40 + 60 * seed))
        sig = signature(art, settings)
        assert sig is not None
        assert packed_signature(art, settings) == sig.to_bytes()
    assert packed_signature(_article("short", "two words"), settings) is None
