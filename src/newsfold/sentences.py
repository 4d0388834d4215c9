"""Paragraph and sentence splitting with character offsets, shared by every fold stage.

sentencex (rule-based, many languages, fast) splits within a paragraph; a paragraph is never joined to the next,
so a heading or a quote that ends a paragraph stays its own sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sentencex

# sentencex has rules for these; other languages fall back to its generic rules through "en".
_SEGMENTER_LANGS = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "ru", "ar", "pl", "nl", "tr", "uk", "zh", "ja"}
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with its place: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int
    para: int
    index: int


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Split text into non-empty paragraphs (one per line), each with its start offset."""
    # The lines of the text, stripped, blank ones left out. The same paragraphs and offsets as splitting at the
    # matches of r"\n\s*\n|\n" (as before): every newline is part of such a match and what a match holds between
    # two newlines is whitespace, which here is a blank line; str.strip's whitespace is the regex's \s. Without a
    # match object per line it costs about two thirds (13 against 20 us per benchmark-stream article).
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append((pos + line.index(stripped), stripped))
        pos += len(line) + 1
    return out


def split_sentences(text: str, lang: str | None = "en") -> list[Sentence]:
    """Split an article's text into sentences with offsets into ``text``.

    Args:
        text: cleaned article text, paragraphs on their own lines.
        lang: ISO 639-1 code; unknown languages use generic rules.

    Returns:
        Sentences in reading order; ``text[s.start:s.end] == s.text`` for each.
    """
    code = lang if lang in _SEGMENTER_LANGS else "en"
    out: list[Sentence] = []
    for para_no, (para_start, para) in enumerate(paragraphs(text)):
        cursor = 0
        spans: list[tuple[int, int]] = []
        for piece in sentencex.segment(code, para):
            stripped = piece.strip()
            if not stripped:
                continue
            at = para.find(stripped, cursor)
            if at < 0:  # the segmenter never rewrites text, but stay safe rather than lose offsets
                at = cursor
            cursor = at + len(stripped)
            spans.append((at, cursor))
        for at, end in _mended(para, spans):
            out.append(Sentence(para[at:end], para_start + at, para_start + end, para_no, len(out)))
    return out


# A clock time's "a.m." / "p.m." is no sentence end before a weekday, a month, a time zone or a lower-case word
# ("about 9:40 p.m. Friday and found flames", "at 8 p.m. ET"); before another capitalised word it may be one.
_CLOCK_END = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_AFTER_CLOCK = re.compile(
    r"(?:[a-z]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d|[A-Z]{2,4}\b(?![a-z]))"
)
# A closing quotation mark the segmenter left at the start of the next sentence ('..." Russia warned'): a mark and a
# space (an opening mark is written onto its word; a quote may run over paragraphs, so its opening is not counted).
_CLOSING_QUOTE = re.compile(r"([\"”’»]+)\s+")


def _mended(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The segmenter's sentence spans of a paragraph, mended where it splits after a clock time's "p.m." or before
    a closing quotation mark that ends the sentence before."""
    out: list[tuple[int, int]] = []
    for at, end in spans:
        if out:
            prev_at, prev_end = out[-1]
            before = para[prev_at:prev_end]
            quote = _CLOSING_QUOTE.match(para, at)
            if quote:  # an opening mark is written onto its word: one followed by a space closes
                out[-1] = (prev_at, at + len(quote.group(1)))
                at = quote.end()
                if at >= end:
                    continue
            elif _CLOCK_END.search(before) and _AFTER_CLOCK.match(para, at):
                out[-1] = (prev_at, end)
                continue
        out.append((at, end))
    return out
