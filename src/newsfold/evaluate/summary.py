"""Measure the story summary against reference summaries, beside a LexRank baseline in the same run.

Gold (built from the dev data, no labelling by hand): the crisis-it reference timelines
(``reference/<topic>.txt``, tilse format) are human-written summaries of what happened on each date. For each
reference date D, the *cluster* is the topic's articles published from D to D + ``window_days`` - 1 (the reports
of that day's events); clusters with fewer than ``min_articles`` articles are skipped (not multi-document). The
reference is the date's summary text; both systems pick as many sentences as the reference has (at least 1,
at most ``max_sentences``). ROUGE-1 and ROUGE-2 F1 over lowercase word tokens (no stemming: the data is
Italian), averaged over clusters.

The baseline is sumy's LexRankSummarizer over the cluster's sentences, with an offline tokenizer (sumy's default
needs NLTK data that is not installed): the same sentence splitter as newsfold, words as letter runs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsfold import deps
from newsfold.models import Article
from newsfold.sentences import split_sentences
from newsfold.story.align import align
from newsfold.story.summary import summarize

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 of a candidate text against one reference (lowercase word n-grams).

    Args:
        candidate: the system summary.
        reference: the reference summary.
        n: the n-gram size.

    Returns:
        F1 in [0, 1]; 0.0 when either side has no n-grams.
    """

    def grams(text: str) -> Counter[tuple[str, ...]]:
        t = _tokens(text)
        return Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1))

    c, r = grams(candidate), grams(reference)
    hit = sum((c & r).values())
    if not hit:
        return 0.0
    p, rec = hit / sum(c.values()), hit / sum(r.values())
    return 2 * p * rec / (p + rec)


class OfflineTokenizer:
    """A sumy tokenizer that needs no NLTK data: newsfold's sentence splitter, words as letter runs."""

    def __init__(self, language: str = "italian", lang: str = "it") -> None:
        """Create it for a sumy language name and its ISO 639-1 code."""
        self.language = language
        self._lang = lang

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentences."""
        return tuple(s.text for s in split_sentences(paragraph, self._lang))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split a sentence into words."""
        return tuple(_TOKEN.findall(sentence))


def lexrank(articles: Sequence[Article], k: int, lang: str = "it") -> list[str]:
    """The LexRank baseline: ``k`` sentences of the articles' joined text.

    Args:
        articles: the cluster.
        k: sentences wanted.
        lang: ISO 639-1 code of the text.

    Returns:
        The chosen sentences, in document order.
    """
    parsers = deps.require("sumy.parsers.plaintext", extra="dev")
    summarizers = deps.require("sumy.summarizers.lex_rank", extra="dev")
    text = "\n\n".join(a.text for a in articles)
    doc = parsers.PlaintextParser.from_string(text, OfflineTokenizer(lang=lang)).document
    return [str(s) for s in summarizers.LexRankSummarizer()(doc, k)]


def _read_reference(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for block in path.read_text(encoding="utf-8").split("--------------------------------"):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if lines and re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[0]):
            out[lines[0]] = " ".join(lines[1:])
    return out


def _read_articles(path: Path) -> list[Article]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        text = d["text"]
        out.append(
            Article(
                key=str(d.get("id", n)),
                location=f"{path}:{n + 1}",
                fmt="jsonl",
                raw=line,
                text=text,
                title=text.split("\n", 1)[0],
                outlet=str(d.get("id", n)),  # crisis-it names no outlets: each article counts as its own
                published=d.get("published"),
                lang=d.get("lang", "it"),
            )
        )
    return out


def eval_summary(
    data_dir: Path,
    *,
    window_days: int = 2,
    min_articles: int = 2,
    max_sentences: int = 5,
) -> dict[str, float]:
    """ROUGE-1/2 F1 of newsfold's summary and of LexRank on crisis-it date clusters.

    Args:
        data_dir: the ``crisis-it`` folder (``<topic>.jsonl`` and ``reference/<topic>.txt``).
        window_days: days of articles, from the reference date on, that form a cluster.
        min_articles: smallest cluster evaluated.
        max_sentences: most sentences asked of either system.

    Returns:
        ``clusters`` (how many were evaluated), ``newsfold_rouge1``, ``newsfold_rouge2``, ``lexrank_rouge1``,
        ``lexrank_rouge2``.
    """
    scores: dict[str, list[float]] = {k: [] for k in ("nf1", "nf2", "lr1", "lr2")}
    for ref_path in sorted((data_dir / "reference").glob("*.txt")):
        arts = _read_articles(data_dir / f"{ref_path.stem}.jsonl")
        for day, ref in _read_reference(ref_path).items():
            start = dt.date.fromisoformat(day)
            days = {(start + dt.timedelta(days=i)).isoformat() for i in range(window_days)}
            cluster = [a for a in arts if a.day in days]
            if len(cluster) < min_articles:
                continue
            k = max(1, min(max_sentences, len(split_sentences(ref.replace(" . ", " .\n"), "it"))))
            al = align(cluster)
            ours = " ".join(c.text for c in summarize(al, {a.key: a.key for a in cluster}, size=k))
            base = " ".join(lexrank(cluster, k))
            scores["nf1"].append(rouge_n(ours, ref, 1))
            scores["nf2"].append(rouge_n(ours, ref, 2))
            scores["lr1"].append(rouge_n(base, ref, 1))
            scores["lr2"].append(rouge_n(base, ref, 2))

    def mean(xs: list[float]) -> float:
        return round(sum(xs) / len(xs), 4) if xs else 0.0

    return {
        "clusters": float(len(scores["nf1"])),
        "newsfold_rouge1": mean(scores["nf1"]),
        "newsfold_rouge2": mean(scores["nf2"]),
        "lexrank_rouge1": mean(scores["lr1"]),
        "lexrank_rouge2": mean(scores["lr2"]),
    }
