"""The per-article stage: everything newsfold does to one input document before it meets the store.

:func:`prepare` is a pure function of one :class:`~newsfold.models.RawDoc`, read-only settings and a
:class:`Snapshot` of what the store knew when the run started (the outlet registry, each outlet's learned
boilerplate): clean (clean.py / extract.py), language (lang.py), publish date and outlet (dateline.py, outlets.py),
dedup signature (dedup.py) and cluster features (cluster/). So a backend can run it over partitions anywhere
(backends/); :mod:`newsfold.pipeline` places what it returns.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from newsfold import cluster, dedup
from newsfold.clean import clean_text
from newsfold.dateline import Dateline, dateline_date, find_dateline
from newsfold.extract import Extracted, extract_page
from newsfold.ingest.encoding import repair_mojibake
from newsfold.lang import language_of
from newsfold.learned import LEARN_MIN_ARTICLES, boilerplate_keys, drop_learned, learned_boilerplate
from newsfold.models import Article, CleanText, RawDoc, Rejected
from newsfold.outlets import Outlet, OutletRegistry
from newsfold.sentences import paragraphs
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store.db import digest

# Publish dates outside these years are kept as given but flagged and not used as time features.
MIN_YEAR = 1990
MAX_YEARS_AHEAD = 1


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article after the per-article stages, ready for the stateful ones."""

    article: Article
    raw_hash: str
    text_hash: str
    signature: bytes | None  # the dedup signature, packed (dedup.packed_signature): the form the store keeps
    features: cluster.ClusterDoc
    line_keys: frozenset[str] = frozenset()  # short lines, for the outlet's learned boilerplate counts


def _input_hash(raw: RawDoc) -> str:
    """The identity of an input's article content: its markup or text, whitespace aside, not its wrapping.

    The same article arriving as a .txt file and as a JSONL line under the same key is the same article.
    """
    body = raw.html if raw.html is not None else raw.text if raw.text is not None else raw.raw
    return digest(" ".join(body.split()))


# Readers whose RawDoc is built from the input as read (and its key) alone, so that the same ``raw`` is the same
# RawDoc. A feed item's is not: its outlet and language may come from the feed around it.
SELF_CONTAINED_FORMATS = frozenset({"html", "text", "jsonl", "warc"})


def adds_nothing(raw: RawDoc, stored: sqlite3.Row, settings: Settings, *, same_outlets: bool) -> bool:
    """Whether preparing ``raw`` again could add nothing to the article stored under its key, so that it can be
    counted unchanged without being prepared: placing it would find the same input hash, and
    :meth:`~newsfold.store.Store.fill_metadata` would fill no field.

    That holds when the input hash is the stored one and either every field that an arrival may fill is set
    already, or ``raw`` is the very input that was stored (a self-contained format and the same ``raw``: the same
    RawDoc, which :func:`prepare` turns into the same article, whose fields were all stored) and nothing else that
    :func:`prepare` reads for a missing field has changed. The URL, author and publish date come from the RawDoc
    alone; the outlet also from the registry (``same_outlets``), the language also from the settings and the
    learned boilerplate (a missing language is never taken as unchanged).

    Args:
        raw: a document as read, under a key the store holds.
        stored: that key's row of :meth:`~newsfold.store.Store.stored_inputs`.
        settings: read-only options.
        same_outlets: the stored article was prepared with the outlet registry of this run.

    Returns:
        True when preparing it again is certain to change nothing.
    """
    if len(raw.raw) > settings.max_input_bytes:  # prepare quarantines it, as it did before
        return False
    if stored["raw_hash"] != _input_hash(raw):
        return False  # a different text under a taken key: prepared, then quarantined when placed
    # published_source is only ever filled with the publish date
    missing = {name for name in Store.FILLABLE if name != "published_source" and not stored[name]}
    if not missing:
        return True
    if raw.fmt not in SELF_CONTAINED_FORMATS or stored["fmt"] != raw.fmt or stored["raw"] != raw.raw:
        return False
    return "lang" not in missing and ("outlet" not in missing or same_outlets)


_TLD = re.compile(r"\.(?:com|net|org|info|news|[a-z]{2})$", re.IGNORECASE)


_LEAD_SOURCE = re.compile(
    r"^([^\W\d_][\w .&'’]{1,40}?)\s+[-–—]\s+\S"
)  # "Example News - The ministry said..."
# Datelines open one of the first paragraphs (a subtitle may come first).
DATELINE_PARAGRAPHS = 3


def _dateline(body: str) -> Dateline | None:
    for _, para in paragraphs(body)[:DATELINE_PARAGRAPHS]:
        found = find_dateline(para)
        if found is not None:
            return found
    return None


def _outlet_from_text(cleaned: CleanText, body: str, outlets: OutletRegistry) -> Outlet | None:
    """A known outlet named where nothing else tells: a removed site header ("Example News.com") or a lead
    that opens with the outlet's name and a dash. Only registry outlets count: a header may be a section name."""
    for removed in cleaned.removed:
        if removed.kind != "site_header":
            continue
        name = removed.text.strip()
        found = outlets.get(name) or outlets.get(_TLD.sub("", name))
        if found is not None:
            return found
    lead = _LEAD_SOURCE.match(body)
    return outlets.get(lead.group(1)) if lead else None


def _absurd(published: str | None) -> bool:
    if not published or len(published) < 4 or not published[:4].isdigit():
        return False
    lowest, above = plausible_dates()
    return not lowest <= published[:4] < above


def plausible_dates() -> tuple[str, str]:
    """The publish dates that are not absurd, as ``(lowest, above the highest)`` strings ISO dates compare with."""
    return str(MIN_YEAR), str(dt.date.today().year + MAX_YEARS_AHEAD + 1)


def _clean(raw: RawDoc, settings: Settings) -> tuple[CleanText, dict[str, str | None]] | Rejected:
    """Turn the raw markup or text into a cleaned body, title and page metadata."""
    meta: dict[str, str | None] = {}
    if raw.html is not None:
        extracted = extract_page(raw.html, url=raw.url)
        if isinstance(extracted, Extracted):
            meta = {
                "date": extracted.date,
                "date_source": extracted.date_source,
                "author": extracted.author,
                "sitename": extracted.sitename,
                "url": extracted.url,
                "lang": extracted.lang,
            }
            return CleanText(extracted.text, raw.title or extracted.title, extracted.removed), meta
        if not raw.text:
            return Rejected(raw.location, "clean", extracted.reason, raw.raw[:2000])
    text, title = raw.text or "", raw.title
    fixed = repair_mojibake(f"{title or ''}\n{text}")
    if fixed is not None:  # saved twice encoded: given back before a "©" of "Ã©" reads as a copyright line
        head, _, text = fixed.partition("\n")
        title = head if title is not None else None
        meta["mojibake"] = "repaired"
    cleaned = clean_text(text, title=title, lang=raw.lang)
    return cleaned, meta


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Read-only data the per-article stage uses besides the settings, taken once per run.

    Attributes:
        outlets: the outlet registry.
        learned: outlet name -> line keys it repeats (learned boilerplate, see clean.py), as of the run's start.
    """

    outlets: OutletRegistry
    learned: Mapping[str, frozenset[str]]


def load_snapshot(store: Store) -> Snapshot:
    """The outlet registry and every outlet's learned boilerplate as the store knows them now."""
    counts: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for outlet, articles, key, n in store.line_counts(LEARN_MIN_ARTICLES):
        counts.setdefault(outlet, {})[key] = n
        totals[outlet] = articles
    learned = {o: learned_boilerplate(c, totals[o]) for o, c in counts.items()}
    return Snapshot(OutletRegistry.load(), {o: keys for o, keys in learned.items() if keys})


def prepare(raw: RawDoc, settings: Settings, snapshot: Snapshot) -> Prepared | Rejected:
    """Run every per-article stage on one input document.

    Args:
        raw: a document as read.
        settings: read-only options.
        snapshot: the outlet registry and learned boilerplate (read-only).

    Returns:
        The prepared article, or a Rejected saying why it cannot be taken.
    """
    if len(raw.raw) > settings.max_input_bytes:
        return Rejected(raw.location, "clean", f"input larger than the {settings.max_input_bytes}-byte cap")
    result = _clean(raw, settings)
    if isinstance(result, Rejected):
        return result
    cleaned, meta = result
    line = _dateline(cleaned.body)
    url = raw.url or meta.get("url")  # a saved page without its address often names it (canonical link)
    outlet = snapshot.outlets.resolve(
        source=raw.source or meta.get("sitename"),
        url=url,
        agency=line.agency if line else None,
    ) or _outlet_from_text(cleaned, cleaned.body.lstrip(), snapshot.outlets)
    line_keys = boilerplate_keys(cleaned.body) if outlet else frozenset()
    if outlet and outlet.name in snapshot.learned:
        cleaned = drop_learned(cleaned, snapshot.learned[outlet.name])
    body = cleaned.body.strip()
    title = (cleaned.title or "").strip()
    flags: list[str] = list(raw.flags) + (["mojibake_repaired"] if meta.get("mojibake") else [])
    # a page with too short a body, or a text file whose one kept line is its own title ("Home | World | Sports")
    if (raw.fmt in {"html", "warc"} and len(body) < settings.min_body_chars) or (
        raw.fmt == "text" and not body
    ):
        return Rejected(raw.location, "clean", "no article body", raw.raw[:2000])
    if not body and not title:
        return Rejected(raw.location, "clean", "no text after cleaning", raw.raw[:2000])
    if not body:
        flags.append("title_only")
    if not title:
        title = body.split("\n", 1)[0][:200]
    # a page's declared language (already an ISO 639-1 code, extract._declared_lang) is a hint: the text decides
    # when it can (lang.language_of)
    lang = raw.lang or language_of(f"{title}\n{body}", settings, hint=meta.get("lang"))
    published, published_source = raw.published, "input" if raw.published else None
    if not published and meta.get("date"):
        published, published_source = meta["date"], meta.get("date_source") or "metadata"
    if not published and line is not None:
        found = dateline_date(line, None)
        if found:
            published, published_source = found, "dateline"
    if _absurd(published):
        flags.append("absurd_date")
    article = Article(
        key=raw.key,
        location=raw.location,
        fmt=raw.fmt,
        raw=raw.raw,
        text=body,
        title=title,
        url=url,
        outlet=outlet.name if outlet else None,
        published=published,
        published_source=published_source,
        lang=lang,
        removed=cleaned.removed,
        flags=tuple(flags),
        author=meta.get("author"),
    )
    return Prepared(
        article=article,
        raw_hash=_input_hash(raw),
        text_hash=digest(" ".join(body.split()).lower()) if body else digest("title:" + title.lower()),
        signature=dedup.packed_signature(article, settings),
        features=cluster.featurize(article, settings),
        line_keys=line_keys,
    )
