"""The per-line rules of :mod:`newsfold.clean`: what kind of boilerplate one line is, if any, judged on the line alone.

:func:`_line_rule` tries the rules in the order the docstring of :mod:`newsfold.clean` lists them (reading time,
widget, copyright, site notice, site header, credit and caption, link list, call to action, byline), and this module
also holds the line measures that those rules, the whole-text passes (:mod:`newsfold.clean_passes`) and the learned
boilerplate keys (:mod:`newsfold.learned`) share: a line's word count, its sentence end, its folded and normalised
forms (both cached), and the split of a text into its lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsfold.clean_patterns import (
    _BULLET,
    _BYLINE,
    _COPY_SIGN,
    _COPY_TAIL,
    _CREDIT_LEAD_SHAPE,
    _CREDIT_PAREN,
    _CREDIT_TAIL,
    _CTA,
    _READING_TIME,
    _REPEATED,
    _ROLE,
    _YEAR,
    _YOU,
    CTA_WORDS,
)
from newsfold.clean_phrases import PHRASES

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_WORD_RUN = re.compile(r"\w+")

# A line of at most SHORT_WORDS words without sentence punctuation is "short" (list item, header).
SHORT_WORDS = 12
HEADER_WORDS = 4  # a header before the headline (site name, section) has at most this many words
LEAD_MAX_WORDS = 30  # a "See also <headline>" line is at most this long
WIDGET_WORDS = 6  # share/print/rating controls are at most this long
COPYRIGHT_WORDS = 30  # a rights line is at most this long


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


# Normalised lines are remembered (a pure cache, bounded): the line rules normalise every line they test, and the
# headline check and the learned-boilerplate line keys (learned.py) normalise the same lines again right after.
# Measured on the benchmark stream: about 0.06 ms of CPU per article saved; entries are only ever its value.
NORM_CACHE_SIZE = 4096
_NORM_CACHE: dict[str, str] = {}


def _remember_norm(text: str, norm: str) -> str:
    if len(_NORM_CACHE) >= NORM_CACHE_SIZE:
        _NORM_CACHE.clear()
    _NORM_CACHE[text] = norm
    return norm


def _norm(text: str) -> str:
    # Case folded, compatibility forms unified, every run of non-word characters one space.
    norm = _NORM_CACHE.get(text)
    if norm is None:
        norm = _remember_norm(text, " ".join(_WORD_RUN.findall(_fold(text))))
    return norm


def _phrase_set(kind: str) -> frozenset[str]:
    return frozenset(_norm(p) for p in PHRASES[kind].split("|") if p.strip())


def _spaced_alternation(phrases: Iterable[str], *, whole: bool) -> re.Pattern[str]:
    """One regex over ``" " + norm + " "`` finding any phrase as whole words (``whole``) or as a word's start.

    Every alternative opens with a space, so the regex engine scans for spaces in C instead of trying each
    phrase at each position.
    """
    end = " " if whole else ""
    return re.compile("|".join(f" {re.escape(p)}{end}" for p in sorted(phrases, key=len, reverse=True)))


_LINK_LEAD = _phrase_set("link_lead")
_LINK_HEADER_START = tuple(sorted(_phrase_set("link_header_start")))
_WIDGET = _phrase_set("widget")
_COPYRIGHT = _spaced_alternation(_phrase_set("copyright"), whole=True)
_SITE_MAKERS = _spaced_alternation(_phrase_set("site_makers"), whole=True)
_NOTICE = _spaced_alternation(_phrase_set("notice"), whole=True)
# Words one of which every notice phrase holds: a cheap test before the notice regex (tests/test_clean.py checks).
_NOTICE_HINTS = (
    "javascript",
    "cookie",
    "unlimit",
    "illimit",
    "ilimit",
    "unbegrenzt",
    "неогранич",
    "جافا",
    "الارتباط",
    "publi",  # "this article was first published", "cet article a été publié"
    "pubbl",  # "questo articolo è stato pubblicato"
    "paru",
    "appeared",
    "erschien",
)
NOTICE_WORDS = 25  # a site notice is at most this long
# "Site name | November 11, 2020", "Giovedì • 10 Settembre 2015 • Aggiornato alle 14:54": a header line of short
# parts side by side, one of them a date, is at most this long.
SITE_DATE_WORDS = 10
_PARTS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_CREDIT_LEAD = _phrase_set("credit_lead")
_LINK_LEAD_COLON = _phrase_set("link_lead_colon")
_LINK_LEAD_FIRST = frozenset(p.split()[0] for p in _LINK_LEAD)
_LEAD_PHRASE_WORDS = max(len(p.split()) for p in _LINK_LEAD)
# Word starts that a call to action (:data:`_CTA`) needs; a cheap pre-check so that prose lines skip the big regex.
# Keep it in step with _CTA: every alternative there must start with one of these (tests/test_clean.py checks).
CTA_WORD_STARTS = """subscri sign log newsletter follow download app ios support paywall abo unterstütz bezahlschranke
    pour soutenez suscr únete iscriviti abbona assin inscreva подпиш подписк اشترك telegram youtube instagram whatsapp
    paper epaper"""
_CTA_STARTS = _spaced_alternation(CTA_WORD_STARTS.split(), whole=False)
_SENTENCE_END_CHARS = frozenset(".!?…。！？؟»”\"')]")


# Word counts of lines are remembered like their normalised forms (a pure cache, bounded): a line's count is asked
# for by the line rules, the headline and list checks and again by the learned-boilerplate line keys (learned.py),
# about twice per line in all on the benchmark stream.
_WORDS_CACHE: dict[str, int] = {}


def _words(line: str) -> int:
    n = _WORDS_CACHE.get(line)
    if n is None:
        if len(_WORDS_CACHE) >= NORM_CACHE_SIZE:
            _WORDS_CACHE.clear()
        # Chinese and Japanese write no spaces: two ideographs count as one word.
        n = len(line.split())
        if not line.isascii():
            n += len(_CJK.findall(line)) // 2
        _WORDS_CACHE[line] = n
    return n


def _is_sentence(line: str) -> bool:
    end = line.rstrip(" |\u00a0")
    if end.endswith("\n"):
        end = end[:-1]
    return end[-1:] in _SENTENCE_END_CHARS


def _is_short(line: str, words: int | None = None) -> bool:
    return (_words(line) if words is None else words) <= SHORT_WORDS and not _is_sentence(line.rstrip(" ?"))


def _link_lead(line: str, tokens: list[str], words: int, sentence: bool) -> str | None:
    """Return the rule name when the line is a related-content header or opens with one."""
    norm = " ".join(tokens) if len(tokens) <= _LEAD_PHRASE_WORDS else ""
    if norm in _LINK_LEAD:
        return "link_header"
    if words <= HEADER_WORDS + 2 and not sentence and " ".join(tokens).startswith(_LINK_HEADER_START):
        return "link_header"
    if words > LEAD_MAX_WORDS:
        return None
    if tokens[0] in _LINK_LEAD_COLON:  # the only word before the colon: "Lea: <headline>"
        first, _, rest = line.partition(":")
        if rest.strip() and _norm(first) in _LINK_LEAD_COLON:
            return "link_lead_phrase"
    if tokens[0] not in _LINK_LEAD_FIRST:
        return None
    for size in (4, 3, 2, 1):
        head = " ".join(tokens[:size])
        if head in _LINK_LEAD and len(tokens) > size:
            if len(tokens) <= size + 2 and not sentence:
                return "link_header"  # a header naming its source: "More from Reuters", "Auch auf example.de"
            rest = line.lstrip()[len(head) :].lstrip()
            # "Related to this, the minister said …" is a sentence; "See also  Headline | Section" is not.
            if not sentence or rest[:1] in {":", "|", "»", "-", "–", ">"} or "  " in line:
                return "link_lead_phrase"
    return None


# Script lines an extractor or a feed left in the text ("var loadAsyncFB = function(){", "n = f.fbq = function () {",
# "})(window, document);", "// INIT FB Pixel ..."): an opening or closing brace at an end, a statement's semicolon
# after a call or an assignment, a comment marker or a declaration keyword (see is_code).
_CODE_DECLARATION = re.compile(
    r"(?:var|let|const|function|!function|return|if\s*\(|for\s*\(|try\s*\{|\$\()[\s(]"
)
_CODE_STATEMENT_END = re.compile(r"\w\([^()]*\)\s*;$|\w\s?=\s?[^=\s][^=]*;$")


def is_code(line: str) -> bool:
    """Whether a line is a line of script, not prose: a brace at an end, a comment marker at its start, a call's or
    an assignment's semicolon at its end, or a declaration keyword opening it."""
    s = line.strip()
    if s.endswith("{") or s.startswith(("}", "//", "/*", "*/", "<!--", "-->")):
        return True
    if s.endswith(";") and _CODE_STATEMENT_END.search(s):
        return True
    return _CODE_DECLARATION.match(s) is not None


def _line_rule(line: str, words: int | None = None, sentence: bool | None = None) -> tuple[str, str] | None:
    """Kind and rule for a line that one of the per-line rules drops, else None.

    Most lines are prose, and every rule below needs something prose rarely has (a short line, a phrase at its
    start, a copyright sign, a slash, a closing parenthesis, a call-to-action word), so each costly regex is
    guarded by that cheap necessary condition; the guards never change a result, only skip work.
    """
    words = _words(line) if words is None else words
    sentence = _is_sentence(line) if sentence is None else sentence
    if ("{" in line or "}" in line or ";" in line or "//" in line or "(" in line) and is_code(line):
        return "boilerplate", "code"
    folded = _fold(line)
    if words > CTA_WORDS:  # only a bare related-content header can match a line this long (all punctuation)
        first = _WORD_RUN.search(folded)
        if first is None or first.group() not in _LINK_LEAD_FIRST:
            return ("widget", "no_words") if first is None and len(line) < 40 else None
    tokens = _WORD_RUN.findall(folded)
    norm = _remember_norm(line, " ".join(tokens))  # == _norm(line), asked for again by later stages
    if not tokens:
        return ("widget", "no_words") if len(line) < 40 else None
    if words <= WIDGET_WORDS + 2 and _READING_TIME.match(line.strip()):
        return "reading_time", "reading_time"
    if words <= 3 * WIDGET_WORDS and not sentence and _REPEATED.match(line.strip()):
        return "widget", "repeated_phrase"
    if words <= WIDGET_WORDS and not sentence and norm in _WIDGET:
        return "widget", "widget_phrase"
    spaced = f" {norm} " if words <= CTA_WORDS else ""
    if words <= COPYRIGHT_WORDS and (
        (
            ("©" in line or "(c" in folded or "copy" in folded)
            and _COPY_SIGN.search(line)
            and (_YEAR.search(line) or words <= WIDGET_WORDS)
        )
        or _COPYRIGHT.search(spaced)
        or (not sentence and _SITE_MAKERS.search(spaced))
    ):
        return "copyright", "copyright"
    if words <= NOTICE_WORDS and any(h in norm for h in _NOTICE_HINTS) and _NOTICE.search(f" {norm} "):
        return "widget", "site_notice"
    if (
        words <= SITE_DATE_WORDS
        and ("|" in line or "•" in line or "·" in line)
        and not sentence
        and _site_and_date(line)
    ):
        return "site_header", "site_and_date"
    rule = _link_lead(line, tokens, words, sentence)
    if rule:
        return "link_list", rule
    if words > LEAD_MAX_WORDS:
        return _call_to_action(line, spaced) if words <= CTA_WORDS else None
    if _BULLET.match(line) and not line.startswith(("*", "·")):
        return "link_list", "list_marker"
    if tokens[0] in _CREDIT_LEAD and (m := _CREDIT_LEAD_SHAPE.match(line)):
        return (
            ("caption", "figure_caption")
            if _words(line[m.end() :]) > HEADER_WORDS
            else ("credit", "credit_lead")
        )
    if (
        line.rstrip().endswith(")")
        and _CREDIT_PAREN.search(line)
        and not _is_sentence(line.rstrip(")").rstrip())
    ):
        return "caption", "caption_credit"
    if "©" in line and _COPY_TAIL.search(line):
        return "caption", "caption_credit"
    if (
        "/" in line
        and (m := _CREDIT_TAIL.search(line))
        and any(tok.isupper() and len(tok) > 1 for tok in re.findall(r"[\w&]+", m.group("credit")))
    ):
        return ("caption", "caption_credit") if line[: m.start()].strip() else ("credit", "credit")
    if cta := _call_to_action(line, spaced):
        return cta
    if words <= 7 and _BYLINE.match(line.strip()):
        return "byline", "byline"
    if words <= WIDGET_WORDS + 2 and _ROLE.search(line) and not line.rstrip().endswith(":"):
        return "byline", "author_role"
    return None


def _site_and_date(line: str) -> bool:
    """Whether a line is short parts side by side, one a date ("Diritto di critica | November 11, 2020")."""
    if line.lstrip().startswith("|"):  # an extracted table row ("| gsoc-2018 | 3.3 GB/s |") is article text
        return False
    parts = [p for p in _PARTS.split(line.strip()) if p]
    return 2 <= len(parts) <= 4 and all(_words(p) <= 4 for p in parts) and any(_YEAR.search(p) for p in parts)


def _call_to_action(line: str, spaced: str) -> tuple[str, str] | None:
    # _CTA_STARTS is a necessary condition on the line's words (_CTA only matches at a word start), checked first
    # because _CTA is slow. ``spaced`` holds the words of the folded line; they start where the line's own words
    # do unless compatibility forms glue a word to the one before ("™Subscribe" -> "tmsubscribe") or case folding
    # turns a mark into a letter (U+0345), so such lines are split as written and folded word by word. Python's
    # case-insensitive matching equates the two Turkish i's with "i" and case folding does not: no pre-check there.
    words: str | None = spaced
    if not line.isascii():
        if "ı" in line or "İ" in line:
            words = None
        elif "\u0345" in line or not unicodedata.is_normalized("NFKC", line):
            words = f" {_fold(' '.join(_WORD_RUN.findall(line)))} "
    if words is not None and not _CTA_STARTS.search(words):
        return None
    cta = _CTA.search(line)
    if cta and (cta.start() < 3 or _YOU.search(line) or len(_CTA.findall(line)) > 1):
        return "widget", "call_to_action"
    return None


def _split_lines(text: str) -> list[str]:
    return [s for s in (ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if s]
