"""Render a story's fold (the ``show --json`` object) as Markdown or as a self-contained HTML page.

The HTML page and the web UI's story page are the same Jinja2 template (``web/templates/story.html``) over the
same view model (:func:`story_view`), so ``newsfold show --html`` looks like the served page. Templates always
autoescape: article text, titles and quotes are data, never markup.

Every part of a fold may be absent (a stage that does not run yet): the view renders what is there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import quote

import jinja2

from newsfold.temporal import period_start

WEB_PACKAGE = "newsfold.web"

# Marks in the coverage matrix (also spelled out in the legend and in each cell's title for screen readers).
MARK_REPORTS = "●"
MARK_ONLY_HERE = "★"
MARK_LEFT_OUT = "○"


def _loader() -> jinja2.BaseLoader:
    root = resources.files(WEB_PACKAGE) / "templates"
    return jinja2.FunctionLoader(lambda name: (root / name).read_text(encoding="utf-8"))


def template_env() -> jinja2.Environment:
    """The Jinja2 environment of the web templates: autoescaping always on, undefined names are errors."""
    env = jinja2.Environment(
        loader=_loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlkey"] = url_key
    env.filters["nicedate"] = nice_date
    env.filters["safe_url"] = safe_url
    return env


def safe_url(url: str | None) -> str:
    """The URL when it is plain ``http(s)``, else an empty string (no ``javascript:`` links from data)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return ""


def url_key(key: str) -> str:
    """Percent-encode an article key or outlet name as one URL path segment (keys are often URLs)."""
    return quote(key, safe="")


def stylesheet() -> str:
    """The site's stylesheet, inlined into self-contained pages."""
    return (resources.files(WEB_PACKAGE) / "static" / "style.css").read_text(encoding="utf-8")


def _parse_date(value: str | None) -> dt.date | None:
    """A ``YYYY``, ``YYYY-MM``, ``YYYY-Www`` or ``YYYY-MM-DD[T...]`` string as a date (the first day of the
    period)."""
    if not value:
        return None
    try:
        return period_start(value[:10])
    except (ValueError, IndexError):
        return None


def nice_date(value: str | None) -> str:
    """A date for people: ``17 Feb 2022``, ``week of 14 Feb 2022``, ``Feb 2022`` or ``2022``; unknown dates read
    ``undated``."""
    if not value:
        return "undated"
    date = _parse_date(value)
    if date is None:
        return value
    size = len(value[:10])
    if size <= 4:
        return str(date.year)
    if size <= 7:
        return date.strftime("%b %Y")
    day = f"{date.day} {date.strftime('%b %Y')}"
    return f"week of {day}" if value[5:6] == "W" else day


@dataclass(frozen=True, slots=True)
class Source:
    """An article of a story as the page shows it: its citation number and its copies."""

    number: int
    key: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    lang: str | None
    copies: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class AxisPoint:
    """One date on the visual time axis: where it sits (percent of the axis) and how many entries it has."""

    date: str
    label: str
    left: float
    count: int


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the coverage matrix (a fact × an outlet)."""

    mark: str
    state: str  # "reports", "only_here", "left_out" or "" (not reported)
    label: str


def _sources(articles: list[dict[str, Any]]) -> tuple[list[Source], dict[str, int]]:
    """Number the originals in order, fold copies under them; return the list and key -> citation number."""
    numbers: dict[str, int] = {}
    originals = [a for a in articles if not a.get("copy_of")]
    for a in originals:
        numbers[a["key"]] = len(numbers) + 1
    copies_of: dict[str, list[dict[str, Any]]] = {}
    keys = {a["key"] for a in articles}
    for a in articles:
        parent = a.get("copy_of")
        if parent:
            # A copy whose original is not in this story is shown (and cited) as an original.
            if parent in keys:
                copies_of.setdefault(parent, []).append(a)
            else:
                numbers[a["key"]] = len(numbers) + 1
                originals.append(a)

    def source(a: dict[str, Any], number: int, copies: tuple[Source, ...] = ()) -> Source:
        return Source(
            number=number,
            key=a["key"],
            title=a.get("title") or a["key"],
            outlet=a.get("outlet"),
            published=a.get("published"),
            url=a.get("url"),
            lang=a.get("lang"),
            copies=copies,
        )

    out = []
    for a in originals:
        number = numbers[a["key"]]
        copies = tuple(source(c, number) for c in copies_of.get(a["key"], []))
        for c in copies:
            numbers[c.key] = number  # citing a copy points at its original's number
        out.append(source(a, number, copies))
    return out, numbers


def _axis(timeline: list[dict[str, Any]]) -> list[AxisPoint]:
    counts: dict[str, int] = {}
    for entry in timeline:
        if entry.get("date"):
            counts[entry["date"]] = counts.get(entry["date"], 0) + 1
    dated = [(d, _parse_date(d)) for d in counts]
    known = [(d, day) for d, day in dated if day is not None]
    if not known:
        return []
    first = min(day for _, day in known)
    span = max((max(day for _, day in known) - first).days, 1)
    return [
        AxisPoint(d, nice_date(d), round(100.0 * (day - first).days / span, 2), counts[d])
        for d, day in sorted(known, key=lambda p: p[1])
    ]


def _matrix(coverage: dict[str, Any]) -> list[tuple[dict[str, Any], list[Cell]]]:
    rows = []
    outlets = coverage.get("outlets") or []
    for fact in coverage.get("facts") or []:
        cells = []
        for outlet in outlets:
            fid = fact.get("id")
            name = outlet.get("name") or "?"
            if fid in (outlet.get("only_here") or []):
                cells.append(Cell(MARK_ONLY_HERE, "only_here", f"only {name} reports this"))
            elif fid in (outlet.get("reports") or []):
                cells.append(Cell(MARK_REPORTS, "reports", f"{name} reports this"))
            elif fid in (outlet.get("left_out") or []):
                cells.append(Cell(MARK_LEFT_OUT, "left_out", f"{name} leaves this out"))
            else:
                cells.append(Cell("", "", f"{name} does not report this"))
        rows.append((fact, cells))
    return rows


def story_view(fold: dict[str, Any]) -> dict[str, Any]:
    """The template context of a story page, built from a fold (any part of it may be absent).

    Args:
        fold: the ``show --json`` object.

    Returns:
        The fold's parts plus numbered sources, a citation lookup, the time axis and the coverage matrix.
    """
    sources, numbers = _sources(list(fold.get("articles") or []))
    outlets = sorted(
        {s.outlet for s in sources if s.outlet} | {c.outlet for s in sources for c in s.copies if c.outlet}
    )
    dates = sorted(d for d in (_parse_date(a.get("published")) for a in fold.get("articles") or []) if d)
    coverage = fold.get("coverage")
    by_key = {s.key: s for s in sources} | {c.key: c for s in sources for c in s.copies}

    def cites(keys: list[str] | None) -> list[tuple[int, str, str]]:
        """(number, key, label) per cited source, one per number, in number order."""
        seen: dict[int, tuple[int, str, str]] = {}
        for key in keys or []:
            number = numbers.get(key)
            if number is not None and number not in seen:
                src = by_key[key]
                seen[number] = (number, key, " · ".join(x for x in (src.outlet, src.title) if x))
        return [seen[n] for n in sorted(seen)]

    return {
        "story": fold,
        "title": fold.get("title") or f"Story {fold.get('id', '')}",
        "sources": sources,
        "numbers": numbers,
        "cites": cites,
        "outlets": outlets,
        "size": len(fold.get("articles") or []),
        "first": dates[0].isoformat() if dates else None,
        "last": dates[-1].isoformat() if dates else None,
        "summary": fold.get("summary"),
        "timeline": fold.get("timeline"),
        "corrections": fold.get("corrections"),
        "axis": _axis(fold.get("timeline") or []),
        "entities": fold.get("entities"),
        "quotes": fold.get("quotes"),
        "coverage": coverage,
        "matrix": _matrix(coverage) if isinstance(coverage, dict) else None,
        "marks": {"reports": MARK_REPORTS, "only_here": MARK_ONLY_HERE, "left_out": MARK_LEFT_OUT},
        "folded": _folded_note(fold.get("folded")),
    }


def _folded_note(folded: Any) -> str | None:
    """What a large story's fold was read from, for people ("Folded from 100 of 1,234 original reports ...")."""
    if not isinstance(folded, dict) or not folded.get("of"):
        return None
    notes = []
    if folded["originals"] < folded["of"]:
        notes.append(
            f"Folded from {folded['originals']:,} of {folded['of']:,} original reports (every outlet, and spread "
            "over the story's time line); every report is listed below."
        )
    if folded.get("sentences") and folded.get("sentences_of"):
        notes.append(
            f"Summary and coverage read {folded['sentences']:,} of its {folded['sentences_of']:,} sentences: the "
            "longest reports from their start."
        )
    return " ".join(notes) or None


def story_html(fold: dict[str, Any]) -> str:
    """A story as one self-contained HTML page (stylesheet inlined; citations link to the article list below).

    Args:
        fold: the ``show --json`` object.

    Returns:
        A complete HTML document.
    """
    env = template_env()
    context = story_view(fold)
    article_link: Callable[[str], str] = lambda key: f"#src-{context['numbers'].get(key, 0)}"  # noqa: E731
    return env.get_template("story.html").render(
        **context,
        standalone=True,
        css=stylesheet(),
        article_link=article_link,
        outlet_link=lambda name: "",
        nav_query="",
        server_now="",
    )


def _md(text: object) -> str:
    """Escape the characters that would turn plain text into Markdown markup."""
    out = str(text)
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def _cites(keys: list[str] | None, numbers: dict[str, int]) -> str:
    nums = sorted({numbers[k] for k in keys or [] if k in numbers})
    return "".join(f"[^{n}]" for n in nums)


def _count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``: as the story page says it."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def story_markdown(fold: dict[str, Any]) -> str:
    """A story as Markdown: summary with footnote citations, timeline, entities, quotes, coverage, sources.

    Args:
        fold: the ``show --json`` object.

    Returns:
        Markdown text ending with a newline.
    """
    view = story_view(fold)
    numbers: dict[str, int] = view["numbers"]
    lines = [f"# {_md(view['title'])}", ""]
    span = " – ".join(nice_date(d) for d in dict.fromkeys([view["first"], view["last"]]) if d)
    facts = [_count(view["size"], "article"), _count(len(view["outlets"]), "outlet")] + (
        [span] if span else []
    )
    lines += [" · ".join(facts), ""]
    if view["folded"]:
        lines += [view["folded"], ""]
    if view["summary"]:
        lines += ["## Summary", ""]
        lines += [f"{_md(s['text'])}{_cites(s.get('articles'), numbers)}" for s in view["summary"]]
        lines.append("")
    if view["corrections"]:
        lines += ["## Corrections", ""]
        lines += [f"- {_md(c['text'])}{_cites(c.get('articles'), numbers)}" for c in view["corrections"]]
        lines.append("")
    if view["timeline"]:
        lines += ["## Timeline", ""]
        for e in view["timeline"]:
            lines.append(
                f"- **{nice_date(e.get('date'))}**: {_md(e['text'])}{_cites(e.get('articles'), numbers)}"
            )
        lines.append("")
    if view["entities"]:
        lines += ["## Who and what", ""]
        for e in view["entities"]:
            variants = [v for v in e.get("variants") or [] if v != e["name"]]
            extra = f" (also: {', '.join(_md(v) for v in variants)})" if variants else ""
            lines.append(f"- **{_md(e['name'])}** · {e.get('type', 'OTHER')}{extra}")
        lines.append("")
    if view["quotes"]:
        lines += ["## Quotes", ""]
        for qt in view["quotes"]:
            said = f"“{_md(qt['text'])}”" if qt.get("exact") else f"{_md(qt['text'])} (paraphrase)"
            lines.append(
                f"> {said} — {_md(qt.get('speaker') or 'unattributed')}{_cites(qt.get('articles'), numbers)}"
            )
            lines.append("")
    if view["matrix"]:
        outlets = view["coverage"].get("outlets") or []
        lines += [
            "## Coverage",
            "",
            f"{MARK_REPORTS} reports · {MARK_ONLY_HERE} only here · {MARK_LEFT_OUT} left out",
            "",
        ]
        # A terminal has no room for every single-source fact: the table keeps the facts that several outlets
        # report (where coverage differs), and one line counts each outlet's own facts.
        shared = [
            (f, cells) for f, cells in view["matrix"] if not any(c.mark == MARK_ONLY_HERE for c in cells)
        ]
        if shared:
            lines.append("| Fact | " + " | ".join(_md(o.get("name") or "?") for o in outlets) + " |")
            lines.append("|---" * (len(outlets) + 1) + "|")
            for fact, cells in shared:
                lines.append(f"| {_md(fact['text'])} | " + " | ".join(c.mark for c in cells) + " |")
            lines.append("")
        own = [
            f"{_md(o.get('name') or '?')} {len(o.get('only_here') or [])}"
            for o in outlets
            if o.get("only_here")
        ]
        if own:
            lines += [f"Facts only one outlet reports ({MARK_ONLY_HERE}): " + ", ".join(own) + ".", ""]
    lines += ["## Sources", ""]
    for s in view["sources"]:
        meta = " · ".join(x for x in (s.outlet, nice_date(s.published), s.lang) if x)
        link = f" <{s.url}>" if s.url else ""
        lines.append(f"[^{s.number}]: {_md(s.title)} — {_md(meta)} (`{s.key}`){link}")
        for c in s.copies:
            copy_meta = " · ".join(x for x in (c.outlet, nice_date(c.published), c.lang) if x)
            lines.append(f"    copy: {_md(c.title)} — {_md(copy_meta)} (`{c.key}`)")
    return "\n".join(lines).rstrip() + "\n"


__all__ = [
    "nice_date",
    "safe_url",
    "story_html",
    "story_markdown",
    "story_view",
    "stylesheet",
    "template_env",
    "url_key",
]
