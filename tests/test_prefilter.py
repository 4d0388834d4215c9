"""Pattern gates (newsfold.prefilter): a gate never shuts out a text its pattern matches, and it does shut most."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold import prefilter, temporal_rules
from newsfold.prefilter import DIGIT, condition, fold, gate, has_digit
from newsfold.temporal_rules import LANGS


def _admits(pattern: re.Pattern[str], text: str) -> bool:
    return gate(pattern).admits(fold(text), has_digit(text))


@pytest.mark.parametrize(
    ("regex", "flags", "expected"),
    [
        (r"abc", 0, {"abc"}),
        (r"Ab(?:c|d)", re.I, {"abc", "abd"}),  # adjacent exact parts: the product of their strings
        (r"(?:march|may) \d+", re.I, {"march ", "may "}),  # the part with the longer shortest string
        (r"\d{2}", 0, {DIGIT}),
        (r"[xy]z?", 0, {"x", "y", "xz", "yz"}),
        (r"(?:foo)?bar", 0, {"foobar", "bar"}),
        (r"(?<!\w)mar(?=\s)zo", 0, {"marzo"}),  # lookarounds consume nothing: the product goes on
        (r"(?:foo)?", 0, None),  # may match the empty string
        (r"\w+ing", 0, {"ing"}),
        (r"[^a]+", 0, None),
        (r"(?:a|\w)b", 0, {"b"}),  # one branch with no known string: the other part decides
        (r"(?:a|\w)", 0, None),
        (r"(?<![^\W\d_])(?P<m>gennaio|febbraio)", re.I, {"gennaio", "febbraio"}),
        (r"(?P<s>[-/])(?P=s)", 0, {"-", "/"}),
    ],
)
def test_condition_of_a_pattern(regex: str, flags: int, expected: set[str] | None) -> None:
    got = condition(re.compile(regex, flags))
    assert (set(got) if got is not None else None) == expected


def test_no_literal_is_taken_for_the_digit_mark() -> None:
    pattern = re.compile("\x00digit")  # the text the digit mark was once written as (review)
    assert pattern.search("x\x00digit") and _admits(pattern, "x\x00digit")
    assert not gate(pattern).digit


def test_a_string_holding_another_is_left_out_of_the_gate() -> None:
    g = gate(re.compile(r"(?:mar|marzo|ieri)\s", re.I))
    assert set(g.strings) == {"mar", "ieri"}


@pytest.mark.parametrize(
    ("regex", "text"),
    [
        ("il", "İl"),  # the engine matches the dotted capital I to "i"; case folding gives "i" and a dot
        ("il", "ıl"),  # ... and the dotless i to "i"
        ("st", "ſt"),  # the long s
        ("k", "\u212a"),  # the Kelvin sign
        ("straße", "STRASSE"),  # no match, but the fold admits it: a gate may admit more, never less
        ("märz", "MÄRZ"),
        ("января", "ЯНВАРЯ"),
        ("μ", "µ"),  # micro sign and mu
    ],
)
def test_gates_fold_at_least_what_ignorecase_matches(regex: str, text: str) -> None:
    pattern = re.compile(regex, re.I)
    assert _admits(pattern, text)


def test_every_character_ignorecase_matches_to_a_gate_letter_folds_the_same() -> None:
    """For each letter of every date pattern's literals, every code point the engine matches to it under
    IGNORECASE folds to the same string, so no literal run the engine matches can be missing from the fold."""
    letters: set[str] = set()
    for lang in LANGS:
        for _, pattern in temporal_rules.rules(lang).patterns:
            letters.update(re.findall(r"[^\W\d_]", pattern.pattern))
    any_letter = re.compile("[" + "".join(map(re.escape, sorted(letters))) + "]", re.I)
    checked = 0
    for code in range(0x110000):
        c = chr(code)
        if 0xD800 <= code < 0xE000 or not any_letter.fullmatch(c):
            continue
        for p in letters:
            if re.fullmatch(re.escape(p), c, re.I):
                checked += 1
                assert fold(c) == fold(p), (p, c)
    assert checked > len(letters)


def _vocabulary(lang: str) -> list[str]:
    """The strings a language's gates look for, in the forms a text may write them."""
    words = {s.strip() for g in temporal_rules.rules(lang).gates for s in g.strings if s.strip()}
    return sorted(words)


def _samples(lang: str, rng: random.Random, n: int) -> list[str]:
    words = _vocabulary(lang)
    filler = ["il", "the", "de", "le", "a", "und", "в", "في", ",", ".", "-", "'", "(", ")", "/"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            r = rng.random()
            if r < 0.4:
                w = rng.choice(words)
                w = rng.choice([w, w.upper(), w.capitalize(), w.title()])
            elif r < 0.7:
                w = str(rng.randint(0, 2100))
            else:
                w = rng.choice(filler)
            parts.append(w)
        out.append(rng.choice([" ", "  ", " - "]).join(parts))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_no_gate_shuts_out_a_text_its_date_pattern_matches(lang: str) -> None:
    rng = random.Random(lang)
    rules = temporal_rules.rules(lang)
    matched = shut = 0
    for text in _samples(lang, rng, 1500):
        folded, digit = fold(text), has_digit(text)
        for (kind, pattern), g in zip(rules.patterns, rules.gate_of, strict=True):
            if pattern.search(text):
                matched += 1
                assert rules.gates[g].admits(folded, digit), (kind, text)
            elif not rules.gates[g].admits(folded, digit):
                shut += 1
    assert matched > 200 and shut > 200  # the samples exercise both sides


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=st.text(max_size=80), lang=st.sampled_from(LANGS))
def test_gates_hold_on_any_text(text: str, lang: str) -> None:
    rules = temporal_rules.rules(lang)
    folded, digit = fold(text), has_digit(text)
    for (kind, pattern), g in zip(rules.patterns, rules.gate_of, strict=True):
        if pattern.search(text):
            assert rules.gates[g].admits(folded, digit), (kind, text)


def test_gates_hold_on_the_dev_data(shared_data: Path) -> None:
    files = [("it", p) for p in sorted((shared_data / "crisis-it").glob("*.jsonl"))]
    files.append(("en", shared_data / "ecbplus-dev" / "articles.jsonl"))
    checked = 0
    for lang, path in files:
        rules = temporal_rules.rules(lang)
        for line in path.read_text(encoding="utf-8").splitlines()[:15]:
            for sentence in json.loads(line)["text"].split("\n"):
                folded, digit = fold(sentence), has_digit(sentence)
                for (kind, pattern), g in zip(rules.patterns, rules.gate_of, strict=True):
                    if pattern.search(sentence):
                        checked += 1
                        assert rules.gates[g].admits(folded, digit), (kind, sentence)
    assert checked > 150


def test_a_sentence_without_dates_runs_few_patterns() -> None:
    """The point of the gates: a plain sentence is tried against a handful of the patterns, not all of them."""
    for lang, sentence in [
        ("en", "The committee met to discuss the budget and the new rules."),
        ("it", "Il comitato si è riunito per discutere il bilancio e le nuove regole."),
        ("ru", "Комитет собрался, чтобы обсудить бюджет и новые правила."),
    ]:
        rules = temporal_rules.rules(lang)
        folded, digit = fold(sentence), has_digit(sentence)
        run = sum(rules.gates[g].admits(folded, digit) for g in rules.gate_of)
        assert run <= 3, (lang, run, len(rules.patterns))
        assert len(rules.patterns) >= 25


def test_without_the_syntax_module_every_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "_parser", None)
    g = gate(re.compile("marzo", re.I))
    assert g.open and g.admits("nothing here", False)
