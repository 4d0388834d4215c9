"""The second cleaning pass over plain article text: drop boilerplate lines, keep them marked, find the headline.

It runs on ``.txt`` files, JSONL ``text``, feed descriptions and on the text that HTML extraction returns. Every
rule is general (line shape, list shape, generic phrases in many languages) and documented here; no rule names a
site. A line is only ever dropped whole, and every dropped line is kept as a :class:`~newsfold.models.Removed`
with its kind and rule, so later stages can still read a caption's names and a user can see why.

Rules, in the order they are tried on each line (phrase lists in :mod:`newsfold.clean_phrases`):

* ``reading_time``: "3 min read", "Lesezeit: 4 Minuten", "5 minutes de lecture" (:data:`_READING_TIME`).
* ``widget``: a short line made of one phrase repeated ("Star Inactive" x5), or a short line that is a
  share / print / rating / newsletter / comments control (:data:`PHRASES` ``widget``).
* ``copyright``: copyright sign or word with a year, "all rights reserved" in many languages, "Developed by" /
  "Powered by" credits of the site's makers on a line that is not a sentence (:data:`PHRASES` ``copyright``,
  ``site_makers``).
* ``widget`` (site notices): a short line holding a notice about the reader's browser, cookies or paywalled
  access ("Please enable JavaScript", "Questo sito utilizza cookie", "Leggi illimitatamente …") (:data:`PHRASES`
  ``notice``); ``site_header``: a short line of a name and a date ("Diritto di critica | November 11, 2020").
* ``credit`` / ``caption``: a photo credit ("Photo: X", "– POOL / AFP", "(Foto: dpa)", "… | © Name"); with
  descriptive text before the credit the line is a caption, as is a figure legend ("Abbildung 4: …").
* ``link_list``: a line opening with a related-content phrase ("See also …", "Lire aussi : …", "Читайте также"),
  "Lea: …", a bare header such as "Know more", "Related" or "Latest from …" and the run of short lines after it,
  lines opening with a list marker ("+", "•", "»", "►"), and (plain text only) runs of three or more short
  unpunctuated lines. Extracted "- item" and "| table |" lines are article structure and never count as a run.
* ``widget`` (calls to action): subscribe / log in / follow us / get the app / support us lines that open with
  the call, hold two, or speak to the reader ("you", "Sie", "vous", "our channel") (:data:`_CTA`).
* ``byline``: "By Jane Doe" / "Von …" / "Par …" short lines, and short lines naming a journalist's role.
* ``site_header`` / ``title``: short lines without sentence punctuation above the headline (site name, section
  header), and the headline repeated.
* ``caption`` after a dateline: a one-sentence paragraph opening with a dateline and followed by another
  dateline paragraph is a photo caption glued to the dateline; the dateline itself stays in the body.
* ``widget`` (support appeals): one of the last three paragraphs, up to 100 words, that speaks to the reader and
  holds three different appeal words and calls to action ("readers like you", "become a member", "unlimited access",
  "newsletter", "faites un don", "hazte socio") (:data:`_APPEAL`).
* ``boilerplate`` (tags): a last line of six or more comma-separated items of one to three words, mostly lower
  case, without a label ("Subs: …") or a sentence end.
* ``boilerplate``: short unpunctuated lines after the last body paragraph ("Latest from Archives", a tag line;
  in extracted text not a list's entries below a longer line, nor the author's sign-off), and (with
  :func:`newsfold.learned.drop_learned`) lines that the article's outlet repeats across its articles.

The regular expressions of these rules are in :mod:`newsfold.clean_patterns`.

Speed (bench/extract_speed.py --plain): most lines are prose, so each costly regex sits behind a cheap necessary
condition (word count, first word, a sign or word start the rule needs) and a line's words, sentence end and folded
form are computed once (tests check the pre-checks are necessary conditions; keep that property when adding a
rule). One pass costs about 0.26-0.37 ms per 550 words; checking whether a removal left new neighbours and, for
about 6% of texts, a second pass (idempotency) bring it to about 0.46 ms.

Measured with ``newsfold.evaluate.extraction`` on ../shared/data (dev pages only): every rule was kept only where
it removed more ``without`` snippets than it lost ``with`` snippets; re-run that evaluation after changing a rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise

from newsfold.clean_patterns import (
    _APPEAL,
    _BULLET,
    _BYLINE,
    _COPY_SIGN,
    _COPY_TAIL,
    _CREDIT_LEAD_SHAPE,
    _CREDIT_PAREN,
    _CREDIT_TAIL,
    _CTA,
    _ITEM,
    _LABEL,
    _READING_TIME,
    _REPEATED,
    _ROLE,
    _TITLE_LIKE,
    _YEAR,
    _YOU,
    APPEAL_MARKS,
    APPEAL_STEM,
    APPEAL_TAIL,
    APPEAL_WORDS,
    CTA_WORDS,
    TAG_ITEM_WORDS,
    TAG_ITEMS,
)
from newsfold.clean_phrases import PHRASES
from newsfold.dateline import find_dateline
from newsfold.headline import shorten
from newsfold.models import CleanText, Removed

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|info|news|co|tv|ru|de|fr|es|it|br|uk|in|ar|eu|io)\b", re.I)
_WORD_RUN = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")

# A line of at most SHORT_WORDS words without sentence punctuation is "short" (list item, header).
SHORT_WORDS = 12
HEADLINE_WORDS = 20  # extracted text: a first line this long or longer is prose, not a headline
HEADER_WORDS = 4  # a header before the headline (site name, section) has at most this many words
LIST_RUN = 3  # this many short unpunctuated lines in a row are a list of links, not article text
LEAD_MAX_WORDS = 30  # a "See also <headline>" line is at most this long
WIDGET_WORDS = 6  # share/print/rating controls are at most this long
SIGN_OFF_WORDS = 4  # a closing greeting with a name is at most this long
TAIL_WORDS = 6  # a short line after the last body paragraph is boilerplate up to this length
# The same for extracted text (swept 6-16 on extraction-dev and -bodies-dev: 8 best on both; re-tune with
# newsfold.evaluate.extraction).
TAIL_WORDS_EXTRACTED = 8
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
_SIGN_OFF = _phrase_set("sign_off")
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


def _line_rule(line: str, words: int | None = None, sentence: bool | None = None) -> tuple[str, str] | None:
    """Kind and rule for a line that one of the per-line rules drops, else None.

    Most lines are prose, and every rule below needs something prose rarely has (a short line, a phrase at its
    start, a copyright sign, a slash, a closing parenthesis, a call-to-action word), so each costly regex is
    guarded by that cheap necessary condition; the guards never change a result, only skip work.
    """
    words = _words(line) if words is None else words
    sentence = _is_sentence(line) if sentence is None else sentence
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


def _same_title(line: str, title: str) -> bool:
    a, b = _norm(line), _norm(title)
    return bool(a) and (
        a == b or (len(a) > 20 and (a in b or b in a) and min(len(a), len(b)) > 0.8 * max(len(a), len(b)))
    )


def _is_header(line: str) -> bool:
    """A site name or section header: very short, or a domain, and no sentence punctuation."""
    return not _is_sentence(line) and (_words(line) <= HEADER_WORDS - 1 or bool(_DOMAIN.search(line)))


_SHORT_HEADLINE = re.compile(r"[^\W\d_][^\W\d_'’-]*(?: [^\W\d_][^\W\d_'’-]*){1,2}")


def _short_headline(lines: list[str], head: list[int], lede: int) -> bool:
    """Whether the first line, too short for anything but a header, is the headline of the lede after it.

    "Court fines publisher" above a long first sentence is a headline; a site or section name ("World News"), a
    byline ("John Smith"), a form label ("Email Address *", "Form di ricerca") or a date is not. A short headline:
    two or three words of letters only, the first capitalised and at least one other in lower case, directly
    followed by the lede, which takes up one of its words (its first five letters: "fines" and "fined"); a label
    has nothing to do with the lede under it.
    """
    first = lines[head[0]]
    if head[1:2] != [lede] or not _is_sentence(lines[lede]):
        return False
    if _words(lines[lede]) <= HEADLINE_WORDS and not lines[lede].rstrip().endswith(_FULL_STOPS):
        return False  # a lede is a sentence: long, or ending in a full stop (a 20-word lede is common)
    if not _SHORT_HEADLINE.fullmatch(first) or not first[0].isupper():
        return False
    words = first.split()
    if not any(w[0].islower() for w in words[1:]):
        return False
    stems = {w[:5] for w in _norm(first).split() if len(w) >= 4}
    return any(w[:5] in stems for w in _norm(lines[lede]).split())


def _split_lines(text: str) -> list[str]:
    return [s for s in (ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if s]


# A line ending in one of these is a sentence; "?", "!" and quotes end headlines too.
_FULL_STOPS = (".", "。", "।", "۔")


def _mark_head(
    lines: list[str], marks: list[tuple[str, str] | None], title: str | None, *, first_line: bool
) -> str | None:
    """Mark site headers and repeated headlines at the top; return the headline found in the text, if any.

    Without a given title, the first line that is not a header is the headline when ``first_line`` is set (the
    contract's rule for plain text); otherwise only a headline-shaped line (short, no sentence end) is.
    """
    head = [i for i, _ in enumerate(lines) if marks[i] is None][:8]
    if title:
        hits = [i for i in head if _same_title(lines[i], title)]
        if hits:
            for i in head:
                if i < hits[0] and _is_short(lines[i]):
                    marks[i] = ("site_header", "before_headline")
            for i in hits:
                marks[i] = ("title", "headline_repeated")
            return None
        for i in head:  # no headline in the text: only very short header lines at the very top go
            if _is_header(lines[i]):
                marks[i] = ("site_header", "header_shape")
            else:
                break
        return None
    headline: int | None = None
    for i in head:  # the contract's rule for .txt: the first non-empty line that is not boilerplate
        if not _is_header(lines[i]):
            headline = i
            break
    if headline is None:
        if not head:
            return None
        headline = head[0]
    elif first_line and headline > head[0] and _short_headline(lines, head, headline):
        headline = head[0]
    if not first_line and (_is_sentence(lines[headline]) or _words(lines[headline]) > HEADLINE_WORDS):
        return None  # extracted text that opens with prose has no headline in it
    for i in head:
        if i < headline and _is_header(lines[i]):
            marks[i] = ("site_header", "before_headline")
    if _is_sentence(lines[headline]) and (
        _words(lines[headline]) > HEADLINE_WORDS or lines[headline].rstrip().endswith(_FULL_STOPS)
    ):
        # A lede taken as the title (long, or ending in a full stop, as headlines do not) stays in the body: an
        # article never loses its text to its title, which is cut from it. A repeat of it further down is the body's
        # own text.
        return shorten(lines[headline])
    if first_line and not any(marks[i] is None for i in range(headline + 1, len(lines))):
        return lines[headline]  # the text's only line: the title, and the body too
    marks[headline] = ("title", "headline")
    for i in head:
        if i > headline and _same_title(lines[i], lines[headline]):
            marks[i] = ("title", "headline_repeated")
    return lines[headline]


def _mark_lists(
    lines: list[str], words: list[int], marks: list[tuple[str, str] | None], *, runs: bool
) -> None:
    """Extend link-list headers over the short lines after them, and mark runs of short lines."""
    i = 0
    while i < len(lines):
        if marks[i] == ("link_list", "link_header"):
            j = i + 1
            while j < len(lines):
                mark = marks[j]
                if mark is None and words[j] <= SHORT_WORDS:  # a headline of the list
                    marks[j] = ("link_list", "after_link_header")
                elif mark is None or mark[0] != "link_list":
                    break
                j += 1
            i = j
            continue
        i += 1
    run: list[int] = []
    for i in [*range(len(lines)), -1] if runs else []:
        mark = marks[i] if i >= 0 else None
        if mark is not None and mark[0] not in {"title", "site_header"}:
            continue  # a dropped line is not in the body, so its neighbours meet (as when the body is cleaned again)
        if (
            i >= 0
            and marks[i] is None
            and _is_short(lines[i], words[i])
            and not lines[i].endswith(":")
            and not _ITEM.match(lines[i])
            and _TITLE_LIKE.match(lines[i])
        ):
            run.append(i)
            continue
        if len(run) >= LIST_RUN:
            for k in run:
                marks[k] = ("link_list", "short_line_run")
        run = []


def _mark_tail(
    lines: list[str], words: list[int], marks: list[tuple[str, str] | None], *, extracted: bool
) -> None:
    """Short unpunctuated lines after the last body paragraph are page furniture, not article text.

    In extracted text (``extracted``) lines of up to ``TAIL_WORDS_EXTRACTED`` words count, and the run must sit
    right below a paragraph end (a sentence or a list item): below a longer unpunctuated line (an entry of a list of
    places, a "… these:" intro) the short lines are that list's own entries; and the author's sign-off just below
    the last paragraph ("x Anna", "Liebe Grüße", "Bisous") stays. Measured on extraction-dev and -bodies-dev, both
    rose; plain text keeps the simpler rule (its tails are imprint lines and scripts, which the variant kept).
    """
    limit = TAIL_WORDS_EXTRACTED if extracted else TAIL_WORDS
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if marks[i] is not None:
            continue
        if _is_sentence(lines[i]) or _ITEM.match(lines[i]):
            if extracted and run and words[run[-1]] <= SIGN_OFF_WORDS and _is_sign_off(lines[run[-1]]):
                run.pop()
            break
        if words[i] > limit:
            if extracted:
                return
            break
        run.append(i)
    for k in run:
        marks[k] = ("boilerplate", "after_body")


def _mark_appeal(lines: list[str], words: list[int], marks: list[tuple[str, str] | None]) -> None:
    """A site's appeal for support at the article's end ("We rely on readers like you ... Become a member today for
    as little as five dollars a month and get unlimited access"): one of the last ``APPEAL_TAIL`` kept paragraphs,
    of at most ``APPEAL_WORDS`` words, that speaks to the reader and holds ``APPEAL_MARKS`` different appeal words
    and calls to action, at least one a call to action (:data:`_CTA`). Too long for the call-to-action rule, and
    repeated under every article of the site, it made unrelated short reports of one site look alike."""
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        if marks[i] is not None:
            continue
        seen += 1
        if seen > APPEAL_TAIL:
            return
        if words[i] > APPEAL_WORDS or not _YOU.search(lines[i]):
            continue
        calls = {m.group().lower()[:APPEAL_STEM] for m in _CTA.finditer(lines[i])}
        if not calls:
            continue  # an appeal asks for something: subscribe, sign up, support us
        found = calls | {m.group().lower()[:APPEAL_STEM] for m in _APPEAL.finditer(lines[i])}
        if len(found) >= APPEAL_MARKS:  # different words, not one word's forms ("donations", "donated")
            marks[i] = ("widget", "support_appeal")


def _mark_tags(lines: list[str], marks: list[tuple[str, str] | None]) -> None:
    """A list of tags or keywords as the article's last kept line ("docker, installation, install, Docker
    Engine, …"): at least ``TAG_ITEMS`` comma-separated items of at most ``TAG_ITEM_WORDS`` words, half of them or
    more in lower case, no label before them and no sentence end."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if marks[i] is None), None)
    if last is None or _is_sentence(lines[last]):
        return
    if _LABEL.match(lines[last]):
        return  # "Arsenal: Raya, White, Saliba, …": a line-up or list with its label is the article's
    items = [item.strip() for item in lines[last].split(",")]
    lower = sum(1 for item in items if item[:1].islower())
    if (
        len(items) >= TAG_ITEMS
        and all(0 < len(item.split()) <= TAG_ITEM_WORDS for item in items)
        and 2 * lower >= len(items)  # tags are mostly lower case; names in a list are not
    ):
        marks[last] = ("boilerplate", "tag_list")


# A teaser's "read more" link at the end of its line ("... leggi tutto »", "... Read more", "Lire la suite →"), in the
# eight languages; two such lines or more are a list of other articles' teasers.
_READ_MORE_END = re.compile(
    r"(?<![^\W\d_])(?:read more|continue reading|full story|weiterlesen|mehr lesen|lire la suite|lire plus|"
    r"leer más|seguir leyendo|leggi tutto|continua a leggere|leia mais|ler mais|continuar lendo|читать далее|"
    r"подробнее|اقرأ المزيد)"
    r"\s*(?:[»›→>…]|\.{3}|\[\.{3}\])?\s*$",
    re.IGNORECASE,
)
TEASERS_MIN = 2
# Characters searched at a line's end (after trailing spaces): the longest phrase and its mark fit with room to spare;
# searching whole lines for an end-anchored alternation cost 0.3 ms per article.
READ_MORE_TAIL = 40


def _ends_in_read_more(line: str) -> bool:
    # The look-behind still sees the character before the searched part, so a word is never cut.
    return _READ_MORE_END.search(line, max(0, len(line.rstrip()) - READ_MORE_TAIL)) is not None


def _mark_teasers(lines: list[str], marks: list[tuple[str, str] | None]) -> None:
    """Lines that end in a "read more" link, when the text has ``TEASERS_MIN`` of them or more: teasers of other
    articles (one alone may be a feed item's own summary, "... Continue reading", and stays)."""
    teasers = [i for i, line in enumerate(lines) if marks[i] is None and _ends_in_read_more(line)]
    if len(teasers) >= TEASERS_MIN:
        for i in teasers:
            marks[i] = ("link_list", "teaser_read_more")


def _is_sign_off(line: str) -> bool:
    tokens = _WORD_RUN.findall(_fold(line))
    return bool(tokens) and (tokens[0] in _SIGN_OFF or " ".join(tokens[:2]) in _SIGN_OFF)


def _dateline_captions(lines: list[str], marks: list[tuple[str, str] | None]) -> list[tuple[int, str, str]]:
    """Find one-sentence dateline paragraphs followed by another dateline paragraph: captions glued to datelines.

    Returns (line index, dateline kept in the body, caption moved out) triples.
    """
    body = [i for i in range(len(lines)) if marks[i] is None]
    out: list[tuple[int, str, str]] = []
    for a, b in pairwise(body):
        first = find_dateline(lines[a])
        if first is None or find_dateline(lines[b]) is None:
            continue
        rest = lines[a].lstrip()[len(first.text) :].strip()
        if rest and rest.count(". ") == 0:
            out.append((a, first.text, rest))
    return out


def clean_text(text: str, *, title: str | None = None, lang: str | None = None) -> CleanText:
    """Remove boilerplate lines from an article's plain text and find its headline.

    Args:
        text: the article text, one paragraph (or one page line) per line.
        title: the headline when the input gives one; lines repeating it at the top are dropped.
        lang: ISO 639-1 code when known (the phrase lists cover every supported language at once, so it is
            only a hint for now).

    Returns:
        The body (paragraphs separated by blank lines), the headline (``title`` when given, else the first line
        that is not boilerplate), and every dropped line with its kind and rule, in text order.
    """
    del lang  # the phrase lists are multilingual; kept in the signature for language-specific rules
    return _settled(text, title, list_runs=True)


def clean_extracted_text(text: str, *, title: str | None = None) -> CleanText:
    """:func:`clean_text` for the output of an HTML extractor, which has already dropped the page's link blocks.

    The rule for runs of short lines is left out: in extracted text such runs are the article's own lists,
    tables and subheadings (recipes, spec sheets), and measured on extraction-dev the rule lost more article
    snippets than boilerplate ones.

    Args:
        text: extracted text, one paragraph per line.
        title: the page's headline from its metadata, if any.

    Returns:
        As :func:`clean_text`.
    """
    return _settled(text, title, list_runs=False)


# Removing a line can make a new neighbourhood (a run of short lines, a new first line), so cleaning is repeated
# on its own output until nothing more goes: cleaning a cleaned text then changes nothing (idempotent). Real texts
# settle in one or two passes; the cap only guards against a pathological text.
MAX_PASSES = 4


def _may_change(text: str, body: str) -> bool:
    """Whether another pass could remove more. Rules that look at neighbours fire only on short lines (the first
    line, or a run of short lines), so a pass can only find more where a removed line used to separate two kept
    short lines, or where the new first line is short."""
    kept = [line.strip() for line in body.split("\n") if line.strip()]
    if not kept:
        return False
    at = 0  # index into kept of the next kept line
    gap_before: list[bool] = [False] * len(kept)  # a removed line sits just before kept[i]
    for line in (x.strip() for x in text.split("\n")):
        if not line:
            continue
        if at < len(kept) and line == kept[at]:
            at += 1
        elif at < len(kept):
            gap_before[at] = True
    if gap_before[0] and _is_short(kept[0]):
        return True
    return any(gap_before[i] and _is_short(kept[i]) and _is_short(kept[i - 1]) for i in range(1, len(kept)))


# Control characters (C0 and DEL) are no text ("\u0000 null char inside" in a JSONL line) and go; those that break
# lines (vertical tab, Word's manual line break; the file, group and record separators) break them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_LINE_BREAKING = re.compile(r"[\x0b\x1c-\x1e]")


def _plain(text: str) -> str:
    if _LINE_BREAKING.search(text):
        text = _LINE_BREAKING.sub("\n", text)
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def _settled(text: str, title: str | None, *, list_runs: bool) -> CleanText:
    text = _plain(text)
    title = _plain(title) if title else title
    result = _clean(text, title, list_runs=list_runs)
    if not any(r.kind != "title" for r in result.removed) or not _may_change(text, result.body):
        return result  # nothing but the headline went: the body is the text's own lines, already settled
    removed = list(result.removed)
    # Extracted HTML text has no runs-of-short-lines rule, and its headline is not searched: one pass settles it.
    for _ in range(MAX_PASSES - 1 if list_runs and result.title else 0):
        again = _clean(result.body, result.title or title, list_runs=list_runs)
        if again.body == result.body:
            break
        removed += again.removed
        result = CleanText(again.body, result.title or again.title, ())
    return CleanText(result.body, result.title, tuple(removed))


def _clean(text: str, title: str | None, *, list_runs: bool) -> CleanText:
    # list_runs is set for plain text: its first line is the headline and runs of short lines are link lists.
    lines = _split_lines(text)
    words = [_words(line) for line in lines]
    marks = [_line_rule(line, n, _is_sentence(line)) for line, n in zip(lines, words, strict=True)]
    found_title = _mark_head(lines, marks, title.strip() if title else None, first_line=list_runs)
    _mark_lists(lines, words, marks, runs=list_runs)
    _mark_tail(lines, words, marks, extracted=not list_runs)
    _mark_appeal(lines, words, marks)
    _mark_teasers(lines, marks)
    _mark_tags(lines, marks)
    captions = {i: (kept, moved) for i, kept, moved in _dateline_captions(lines, marks)}
    body: list[str] = []
    removed: list[Removed] = []
    for i, line in enumerate(lines):
        mark = marks[i]
        if i in captions:
            kept, moved = captions[i]
            body.append(kept)
            removed.append(Removed(moved, "caption", "caption_after_dateline"))
        elif mark is None:
            body.append(line)
        elif mark != ("title", "headline"):
            removed.append(Removed(line, mark[0], mark[1]))
    headline = title.strip() if title and title.strip() else found_title
    return CleanText(body="\n\n".join(body), title=headline, removed=tuple(removed))


def removed_lines(removed: Iterable[Removed], kind: str) -> list[str]:
    """The text of the removed lines of one kind (e.g. ``caption``), for stages that read names in them."""
    return [r.text for r in removed if r.kind == kind]
