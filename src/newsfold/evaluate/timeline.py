"""Timeline evaluation against tilse-format references: date-selection F1 and ROUGE-1 of the aligned entries.

The usual convention (tilse, Martschat & Markert 2018): select as many dates as the reference has, score the set
of dates, and score the text of the dates that both timelines share.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from newsfold.errors import InputError
from newsfold.models import Article
from newsfold.story.timeline import TimelineEntry, key_dates_with_timeline, story_timeline
from newsfold.temporal import find_dates, parse_published

# Sentences per chosen date scored by ROUGE-1: the date's main entry, then its next best entries (references give a
# few sentences a date). Swept 1-4 on crisis-it: mean ROUGE-1 F 0.030, 0.040, 0.043, 0.044.
ROUGE_SENTENCES = 3
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}\s*$")
_TOKEN = re.compile(r"\w+")


def read_tilse(path: str | Path) -> dict[str, list[str]]:
    """Read a reference timeline in tilse format.

    The file holds entries separated by a line of dashes; each entry is a ``YYYY-MM-DD`` line followed by its
    summary sentences.

    Args:
        path: the reference file.

    Returns:
        Sentences per date, dates in file order.

    Raises:
        InputError: the file is not UTF-8 text, or a date line is no date (2011-02-30).
    """
    out: dict[str, list[str]] = {}
    date: str | None = None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if _SEPARATOR.match(line):
            date = None
        elif date is None and _DATE_LINE.match(line):
            try:
                dt.date.fromisoformat(line)
            except ValueError:
                raise InputError(f"{path}:{n}: {line} is not a date") from None
            date = line
            out.setdefault(date, [])
        elif date is not None:
            out[date].append(line)
    return out


def _prf(selected: set[str], reference: set[str]) -> tuple[float, float, float]:
    hits = len(selected & reference)
    p = hits / len(selected) if selected else 0.0
    r = hits / len(reference) if reference else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tokens(texts: Iterable[str]) -> Counter[str]:
    return Counter(t for text in texts for t in _TOKEN.findall(text.lower()))


def aligned_rouge1(system: Mapping[str, list[str]], reference: Mapping[str, list[str]]) -> float:
    """ROUGE-1 F of the dates both timelines have: unigram overlap per shared date, over all of each side's text.

    Args:
        system: sentences per date of the system timeline.
        reference: sentences per date of the reference.

    Returns:
        The F measure (0 when nothing overlaps).
    """
    overlap = sum(
        sum((_tokens(system[d]) & _tokens(reference[d])).values()) for d in system.keys() & reference.keys()
    )
    sys_total = sum(sum(_tokens(s).values()) for s in system.values())
    ref_total = sum(sum(_tokens(s).values()) for s in reference.values())
    p = overlap / sys_total if sys_total else 0.0
    r = overlap / ref_total if ref_total else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _figures(chosen: Mapping[str, list[str]], reference: Mapping[str, list[str]]) -> dict[str, float]:
    p, r, f = _prf(set(chosen), set(reference))
    return {
        "date_f1": f,
        "date_precision": p,
        "date_recall": r,
        "rouge1_f": aligned_rouge1(chosen, reference),
        "dates": float(len(chosen)),
    }


def day_entries(articles: Sequence[Article]) -> list[TimelineEntry]:
    """The story timeline restricted to entries dated to the day (references are daily)."""
    return [e for e in story_timeline(articles) if len(e.date) == 10]


def eval_timeline(articles: Sequence[Article], reference: Mapping[str, list[str]]) -> dict[str, float]:
    """Build the timeline of ``articles``, select as many dates as the reference has, and score it.

    Args:
        articles: the articles of one topic.
        reference: sentences per date, as from :func:`read_tilse`.

    Returns:
        ``date_f1``, ``date_precision``, ``date_recall``, ``rouge1_f`` and ``dates`` (how many were selected).
    """
    chosen, timeline = key_dates_with_timeline(articles, len(reference))
    texts = {e.date: [e.text] for e in chosen}
    for e in sorted(timeline, key=lambda e: -e.score):
        lines = texts.get(e.date)
        if lines is not None and len(lines) < ROUGE_SENTENCES and e.text not in lines:
            lines.append(e.text)
    return _figures(texts, reference)


def eval_baselines(articles: Sequence[Article], reference: Mapping[str, list[str]]) -> dict[str, float]:
    """The two baselines of issue 7, for side-by-side reports.

    ``busiest_f1``: the days with most articles published. ``absolute_f1``: the days most often written out in
    full (day, month and year), ties broken by article volume.

    Args:
        articles: the articles of one topic.
        reference: sentences per date, as from :func:`read_tilse`.

    Returns:
        ``busiest_f1`` and ``absolute_f1``.
    """
    n = len(reference)
    volume = Counter(a.day for a in articles if a.day)
    busiest = {d for d, _ in sorted(volume.items(), key=lambda kv: (-kv[1], kv[0]))[:n]}
    absolute: Counter[str] = Counter()
    for a in articles:
        for m in find_dates(a.text.replace("\n", " "), published=None, lang=a.lang):
            if m.precision == "day" and any(c.isdigit() for c in m.text[-4:]) and len(m.text) > 8:
                absolute[m.value] += 1
    ranked = sorted(absolute, key=lambda d: (-absolute[d], -volume.get(d, 0), d))[:n]
    return {
        "busiest_f1": _prf(busiest, set(reference))[2],
        "absolute_f1": _prf(set(ranked), set(reference))[2],
    }


def articles_from_jsonl(path: str | Path) -> list[Article]:
    """Articles from a JSONL file of contract article lines (``text`` only; no extraction or cleaning).

    For evaluation without a store; ``newsfold eval timeline`` goes through ingest instead.

    Args:
        path: the JSONL file.

    Returns:
        One article per line with a text, keyed by ``id``, else ``url``, else ``<file>#<line>``.
    """
    out: list[Article] = []
    src = Path(path)
    for no, line in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        d = json.loads(line)
        text = d.get("text") or ""
        if not text:
            continue
        key = d.get("id") or d.get("url") or f"{src.stem}#{no}"
        title = d.get("title") or text.strip().split("\n", 1)[0]
        published = d.get("published")
        out.append(
            Article(
                key=str(key),
                location=f"{src}:{no}",
                fmt="jsonl",
                raw=line,
                text=text,
                title=title,
                url=d.get("url"),
                outlet=d.get("source"),
                published=published if parse_published(published) else None,
                lang=d.get("lang"),
            )
        )
    return out
