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
* ``widget`` (consent banners): a run of up to six lines at the top or the bottom of the text, each naming cookies
  or consent and privacy, that names cookies, consent or privacy and the reader's act ("click", "accept", "cliccando",
  "akzeptieren"), however long its lines (:data:`PHRASES` ``consent_cookie``, ``consent_terms``, ``consent_act``);
  found before the headline is looked for, so a banner is never taken for it.
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

This module holds the entry points (:func:`clean_text`, :func:`clean_extracted_text`) and the loop that cleans a
text again until it settles. The per-line rules are in :mod:`newsfold.clean_lines`, the rules that look at a line's
place in the text (headline, lists, tail, appeal, teasers, tags, captions after a dateline) in
:mod:`newsfold.clean_passes`, and the regular expressions of both in :mod:`newsfold.clean_patterns`.

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
from collections.abc import Iterable

from newsfold.clean_lines import _is_sentence, _is_short, _line_rule, _split_lines, _words
from newsfold.clean_passes import (
    _dateline_captions,
    _mark_appeal,
    _mark_consent,
    _mark_head,
    _mark_lists,
    _mark_tags,
    _mark_tail,
    _mark_teasers,
)
from newsfold.models import CleanText, Removed


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
    lines = [part for line in _split_lines(text) for part in _copyright_apart(line)]
    words = [_words(line) for line in lines]
    marks = [_line_rule(line, n, _is_sentence(line)) for line, n in zip(lines, words, strict=True)]
    _mark_consent(lines, marks)
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


# Words of text before a copyright notice at a paragraph's end, for the notice to be split off.
COPYRIGHT_TEXT_WORDS = 5
# A copyright notice that ends a paragraph of the article's own text: the sign or the word, a year or a holder of a few
# words, and the reservation in one of the eight languages; after a sentence end.
_COPYRIGHT_TAIL = re.compile(
    r"(?<=[.!?…\"”»])\s+(?:©|\(c\)|copyright\b)[^.!?]{0,80}?[.,]?\s*(?:all rights reserved|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechte vorbehalten|"
    r"все права защищены|جميع الحقوق محفوظة)\.?\s*$",
    re.IGNORECASE,
)


def _copyright_apart(line: str) -> list[str]:
    """A paragraph of text that ends with a copyright notice, as the text and the notice ("... small shops. Copyright
    2024 The Associated Press. All rights reserved."): the notice goes as a line of its own, the text stays."""
    if not ("©" in line or "opyright" in line or "(c)" in line):
        return [line]
    tail = _COPYRIGHT_TAIL.search(line)
    if tail is None or _words(line[: tail.start()]) < COPYRIGHT_TEXT_WORDS:
        return [line]
    return [line[: tail.start()].rstrip(), line[tail.start() :].strip()]


def removed_lines(removed: Iterable[Removed], kind: str) -> list[str]:
    """The text of the removed lines of one kind (e.g. ``caption``), for stages that read names in them."""
    return [r.text for r in removed if r.kind == kind]
