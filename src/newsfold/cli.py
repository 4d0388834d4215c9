"""The ``newsfold`` command line: parse, call the library, print, exit. No business logic lives here.

Exit status: 0 when all went well, 1 when an input was quarantined or an id is unknown, 2 for usage errors.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsfold import __version__
from newsfold.errors import NewsfoldError
from newsfold.settings import Settings, describe, load_settings

if TYPE_CHECKING:
    from newsfold.backends import Backend
    from newsfold.pipeline import Counts

DEFAULT_DB = "newsfold.db"
MAX_ROWS = 2**63 - 1  # SQLite's largest INTEGER: a LIMIT or OFFSET beyond it overflows (OverflowError)
MAX_WORKERS = 256  # each worker is a forked process; more than this on one machine is a typo, not a plan
# A week between polls at most: far beyond it (1e308, inf) the wait overflows the platform timer.
MAX_INTERVAL_S = 7 * 24 * 3600.0


class _Seconds(click.ParamType[float]):
    """A finite number of seconds in ``[low, high]``: click's FloatRange lets ``nan`` through every bound."""

    name = "seconds"

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not self.low <= seconds <= self.high:  # also false for nan
            self.fail(f"{value!r} is not in the range {self.low:g}<=x<={self.high:g}", param, ctx)
        return seconds

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"SECONDS [{self.low:g}<=x<={self.high:g}]"


# How often `serve --watch` and `watch` poll their feeds.
interval_option = click.option(
    "--interval",
    type=_Seconds(1.0, MAX_INTERVAL_S),
    default=300.0,
    show_default=True,
    help="Seconds between polls.",
)


def _db_path(db: str | None) -> str:
    return db or os.environ.get("NEWSFOLD_DB") or DEFAULT_DB


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"newsfold: error: {message}", err=True)
    sys.exit(code)


class _StderrWarnings(logging.Handler):
    """The library's warnings (a feed that failed under ``serve --watch``, a page not fetched, a setting that cannot
    take effect on this store) and errors on the standard error of the moment, as ``newsfold: warning: ...``."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsfold: {record.levelname.lower()}: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("newsfold")
    if not any(isinstance(h, _StderrWarnings) for h in logger.handlers):
        handler = _StderrWarnings(logging.WARNING)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


class _Ctx:
    def __init__(self, overrides: dict[str, str]) -> None:
        self.overrides = overrides
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.overrides)
        return self._settings


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn newsfold errors into a one-line message and exit status 1."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsfoldError as exc:
            _fail(str(exc), 1)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


db_option = click.option(
    "--db", "db", default=None, help="SQLite store (default $NEWSFOLD_DB, else ./newsfold.db)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="newsfold")
@click.option(
    "--setting",
    "settings",
    type=(str, str),
    multiple=True,
    metavar="KEY VALUE",
    help="Override a setting (see `newsfold settings`).",
)
@click.pass_context
def cli(ctx: click.Context, settings: tuple[tuple[str, str], ...]) -> None:
    """Fold news articles from many outlets into one cited story each."""
    _show_warnings()
    ctx.obj = _Ctx(dict(settings))
    try:  # a bad setting (--setting, NEWSFOLD_*, the settings file) is a usage error, before any work starts
        ctx.obj.settings  # noqa: B018 - validates
    except NewsfoldError as exc:
        raise click.UsageError(str(exc)) from None


@cli.command("settings")
@click.pass_obj
@_guard
def settings_cmd(obj: _Ctx) -> None:
    """List every setting with its default and meaning, and its value where a file, the environment or --setting
    changes it."""
    current = obj.settings
    for name, default, text in describe():
        value = getattr(current, name)
        shown = f", now {value!r}" if value != default else ""
        click.echo(f"  {name} (default {default!r}{shown}): {text}")


@contextlib.contextmanager
def _progress_bar(label: str, *columns: Any, **fields: Any) -> Iterator[tuple[Any, Any]]:
    """A transient progress bar on stderr: the label, a bar, these columns and the time elapsed; yields the bar and
    its task (``bar.update(task, completed=..., total=...)``)."""
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        *columns,
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        yield bar, bar.add_task(label, total=None, **fields)


def _open_store(db: str | None, *, must_exist: bool = False) -> Any:
    from newsfold.store import Store

    path = _db_path(db)
    if must_exist and not Path(path).exists():
        _fail(f"no store at {path} (run `newsfold ingest` first, or pass --db)")
    return Store.open(path)


def _scheduler_address(value: str | None) -> str | None:
    """``--scheduler``: a malformed address is a usage error, before anything is started or created."""
    if value is None:
        return None
    from newsfold.backends.dask import check_scheduler_address

    try:
        return check_scheduler_address(value)
    except NewsfoldError as exc:
        raise click.BadParameter(str(exc), param_hint="--scheduler") from None


def _run_ingest(inputs: list[str], db: str | None, settings: Settings, backend: Backend) -> Counts:
    """Ingest ``inputs`` into the store on ``backend``, with a progress bar on a terminal; return the counts."""
    from newsfold.pipeline import Progress
    from newsfold.pipeline import ingest as run_ingest

    with _open_store(db) as store:
        if not (settings.progress and sys.stderr.isatty()):
            return run_ingest(inputs, store, settings, backend=backend)
        from rich.progress import TextColumn

        with _progress_bar(
            "ingest",
            TextColumn("{task.completed} articles"),
            TextColumn("{task.fields[rate]}/s"),
            rate="-",
        ) as (bar, task):

            def tick(p: Progress) -> None:
                elapsed = bar.tasks[0].elapsed or 1e-9
                bar.update(task, completed=p.done, rate=f"{p.done / elapsed:,.0f}")

            return run_ingest(inputs, store, settings, backend=backend, on_progress=tick)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-article stage runs: this machine, or a Dask cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, MAX_WORKERS),
    default=None,
    help="Processes for the per-article stage (default: one per core; 1 = in this process).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    callback=lambda ctx, param, value: _scheduler_address(value),
    help="Address of a running Dask scheduler, tcp://HOST:PORT (with --engine dask; its workers do the work).",
)
@click.pass_obj
@_guard
def ingest(
    obj: _Ctx,
    inputs: tuple[str, ...],
    db: str | None,
    engine: str,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Read INPUT files, folders or globs into the store and fold them into stories."""
    from newsfold.backends import get_backend
    from newsfold.ingest.discover import is_pattern, matches_anything

    missing = [i for i in inputs if not is_pattern(i) and not os.path.lexists(i)]
    if missing:  # a mistyped path is the command's error, not an input to quarantine for ever
        raise click.UsageError(f"no such file or directory: {missing[0]}")
    unmatched = [i for i in inputs if is_pattern(i) and not matches_anything(i)]
    if unmatched:  # and so is a glob that names nothing
        raise click.UsageError(f"no file matches {unmatched[0]}")
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if scheduler is not None and workers is not None:
        raise click.UsageError(
            "--workers sizes a local Dask cluster; the scheduler given by --scheduler brings its own workers"
        )
    settings = obj.settings
    # before the store is opened: a scheduler that does not answer leaves no store behind
    backend = get_backend(engine, workers=workers, scheduler=scheduler, timeout=settings.scheduler_timeout)
    try:
        counts = _run_ingest(list(inputs), db, settings, backend)
    finally:
        backend.close()
    c = counts
    recleaned = f"; {c.recleaned} re-cleaned (learned boilerplate)" if c.recleaned else ""
    completed = f" ({c.completed} given metadata they lacked)" if c.completed else ""
    click.echo(
        f"{c.taken} taken ({c.copies} copies), {c.unchanged} unchanged{completed}, {c.quarantined} quarantined, "
        f"{c.skipped} skipped; stories: {c.stories_new} new, {c.stories_updated} updated{recleaned}"
    )
    if c.quarantined:
        click.echo("see `newsfold quarantine` for what was not taken and why", err=True)
        sys.exit(1)


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--query", default=None, help="Only stories whose articles contain these words.")
@click.option(
    "--since", default=None, metavar="YYYY-MM-DD", help="Only stories with an article since this day."
)
@click.option("--limit", type=click.IntRange(0, MAX_ROWS), default=None, help="At most this many stories.")
@click.pass_obj
@_guard
def stories(
    obj: _Ctx, db: str | None, as_json: bool, query: str | None, since: str | None, limit: int | None
) -> None:
    """List stories, newest first."""
    from newsfold.store import queries as q

    if since is not None:
        _check_day(since)
    with _open_store(db, must_exist=True) as store:
        rows = q.list_stories(store.reader(), query=query, since=since, limit=limit)
    if as_json:
        _echo_json(rows)
        return
    if not rows and limit != 0:
        click.echo("no story matches" if query is not None or since is not None else "no stories yet")
    for s in rows:
        when = (s["last_published"] or "undated")[:10]
        click.echo(f"{s['id']}  {when}  {s['size']:>4}  {s['title']}")
        if s["outlets"]:
            click.echo(f"{'':14}{'':10}      {', '.join(s['outlets'])}")


def _check_day(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint="--since") from None


@cli.command()
@click.argument("story_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the story as JSON (contract).")
@click.option("--markdown", "as_markdown", is_flag=True, help="Print the story as Markdown (the default).")
@click.option("--html", "as_html", is_flag=True, help="Print the story as a self-contained HTML page.")
@click.option("--refresh", is_flag=True, help="Recompute the fold even when a cached one exists.")
@click.pass_obj
@_guard
def show(
    obj: _Ctx,
    story_id: str,
    db: str | None,
    as_json: bool,
    as_markdown: bool,
    as_html: bool,
    refresh: bool,
) -> None:
    """Show one story: summary, timeline, entities, quotes, coverage, articles."""
    from newsfold.pipeline import fold
    from newsfold.render import story_html, story_markdown
    from newsfold.store import queries as q

    if as_json + as_markdown + as_html > 1:
        raise click.UsageError("--json, --markdown and --html are mutually exclusive")
    fmt = "json" if as_json else "html" if as_html else "markdown"
    with _open_store(db, must_exist=True) as store:
        live = q.resolve_story(store.reader(), story_id)
        if live != story_id:
            click.echo(f"story {story_id} was merged into {live}", err=True)
        data = fold(store, live, obj.settings, use_cache=not refresh)
    if fmt == "json":
        _echo_json(data)
    elif fmt == "html":
        click.echo(story_html(data))
    else:
        click.echo(story_markdown(data))


@cli.command()
@click.argument("key")
@db_option
@click.option("--json", "as_json", is_flag=True)
@click.option("--removed", is_flag=True, help="Also print what cleaning removed, and by which rule.")
@_guard
def article(key: str, db: str | None, as_json: bool, removed: bool) -> None:
    """Show one article: metadata, cleaned text, its story and its copies."""
    from newsfold.store import queries as q

    with _open_store(db, must_exist=True) as store:
        data = q.article_json(store.reader(), key, removed=removed)
    if as_json:
        _echo_json(data)
        return
    click.echo(data["title"])
    meta = [data["outlet"] or "unknown outlet", data["published"] or "undated", data["lang"] or "?"]
    click.echo(" · ".join(meta) + f" · story {data['story']}")
    if data["copy_of"]:
        click.echo(f"copy of {data['copy_of']}")
    if data["copies"]:
        click.echo(f"copies: {', '.join(data['copies'])}")
    click.echo("")
    click.echo(data["text"])
    if removed:
        click.echo("\n--- removed by cleaning ---")
        for r in data["removed"]:
            click.echo(f"[{r['kind']}: {r['rule']}] {r['text']}")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
@_guard
def quarantine(db: str | None, as_json: bool) -> None:
    """List every input that was not taken, with its reason."""
    from newsfold.store import queries as q

    with _open_store(db, must_exist=True) as store:
        rows = q.list_quarantine(store.reader())
    if as_json:
        _echo_json([{"input": r["input"], "reason": r["reason"], "at": r["at"]} for r in rows])
        return
    if not rows:
        click.echo("nothing in quarantine")
    for r in rows:
        click.echo(f"{r['input']}: {r['reason']}")


@cli.command()
@db_option
@click.option("--query", default=None, help="Only stories whose articles contain these words.")
@click.option("--max-dates", type=click.IntRange(1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@_guard
def timeline(obj: _Ctx, db: str | None, query: str | None, max_dates: int, as_json: bool) -> None:
    """The dated events across all matching stories, the most important dates first chosen."""
    from newsfold.arc import story_arc

    with _open_store(db, must_exist=True) as store:
        if obj.settings.progress and sys.stderr.isatty():
            from rich.progress import MofNCompleteColumn, TextColumn

            with _progress_bar("timeline", MofNCompleteColumn(), TextColumn("articles")) as (bar, task):

                def tick(done: int, total: int) -> None:
                    if done % 50 == 0 or done == total:
                        bar.update(task, completed=done, total=total)

                rows = story_arc(store, obj.settings, query=query, max_dates=max_dates, on_progress=tick)
        else:
            rows = story_arc(store, obj.settings, query=query, max_dates=max_dates)
    if as_json:
        _echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['date']}  {r['text']}  [{', '.join(r['articles'])}]")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--get", "get_path", default=None, metavar="PATH", help="Serve one GET request in-process and exit."
)
@click.option(
    "--watch",
    "feeds",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Also poll the feeds listed in this file (one URL a line) and ingest new items while serving.",
)
@interval_option
@click.pass_obj
@_guard
def serve(
    obj: _Ctx, db: str | None, host: str, port: int, get_path: str | None, feeds: str | None, interval: float
) -> None:
    """Serve the web UI and the JSON API."""
    import threading

    from newsfold.api.app import create_app

    with _open_store(db) as store:
        app = create_app(obj.settings, store)
        if get_path is not None:
            from fastapi.testclient import TestClient

            with TestClient(app) as client:
                resp = client.get(get_path)
            click.echo(resp.text)
            sys.exit(0 if resp.status_code < 400 else 1)
        import uvicorn

        stop = threading.Event()
        poller = None
        if feeds:
            from newsfold.store import Store
            from newsfold.watch import read_feed_list, watch

            urls = read_feed_list(feeds)
            settings = obj.settings.replace(progress=False)

            def poll() -> None:
                with Store.open(store.path) as writer:  # the poller is the one writer; the server only reads
                    watch(urls, writer, settings, once=False, interval=interval, stop=stop)

            poller = threading.Thread(target=poll, name="newsfold-watch", daemon=True)
            poller.start()
        try:
            uvicorn.run(app, host=host, port=port, log_level="info")
        finally:
            stop.set()
            if poller is not None:
                poller.join(timeout=10)


@cli.command("watch")
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@interval_option
@click.pass_obj
@_guard
def watch_cmd(obj: _Ctx, feeds: str, db: str | None, once: bool, interval: float) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS (one URL a line) and ingest their new items."""
    from newsfold.watch import read_feed_list, summarize, watch

    urls = read_feed_list(feeds)
    if not urls:
        _fail(f"{feeds} lists no feed URL")
    with _open_store(db) as store:
        results = watch(
            urls,
            store,
            obj.settings.replace(progress=False),
            once=once,
            interval=interval,
            on_result=None if once else lambda r: click.echo(summarize([r])),
        )
    if once:
        click.echo(summarize(results))
        if any(r.error for r in results):
            sys.exit(1)


@cli.group("eval")
def eval_group() -> None:
    """Measure newsfold against gold data."""


@eval_group.command("clustering")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--shuffle", "seed", type=int, default=None, help="Ingest in a random order from this seed.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--peer", is_flag=True, help="Also score the plain TF-IDF single-pass peer on the same order.")
@click.pass_obj
@_guard
def eval_clustering(obj: _Ctx, gold: str, seed: int | None, as_json: bool, peer: bool) -> None:
    """Ingest GOLD.jsonl into a fresh store and score the stories against each line's `cluster`."""
    from newsfold.evaluate.runs import run_clustering_eval

    scores = run_clustering_eval(gold, obj.settings, seed=seed, peer=peer)
    if scores["not_taken"]:
        taken = scores["articles"] - scores["not_taken"]
        click.echo(
            f"newsfold: note: {scores['not_taken']} of {scores['articles']} gold articles not taken "
            f"(quarantined); the scores cover the {taken} taken",
            err=True,
        )
    _print_scores(scores, as_json)


@eval_group.command("extraction")
@click.argument("evaldata", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@_guard
def eval_extraction_cmd(evaldata: str, as_json: bool) -> None:
    """Score HTML extraction against gold snippets or bodies, with trafilatura alone beside it."""
    from newsfold.evaluate.extraction import eval_extraction

    _print_scores(eval_extraction(evaldata), as_json)


@eval_group.command("timeline")
@click.argument("articles", type=click.Path(exists=True, dir_okay=False))
@click.argument("reference", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@_guard
def eval_timeline_cmd(obj: _Ctx, articles: str, reference: str, as_json: bool) -> None:
    """Ingest ARTICLES.jsonl into a fresh store and score its timeline against a tilse REFERENCE."""
    from newsfold.evaluate.runs import run_timeline_eval

    _print_scores(run_timeline_eval(articles, reference, obj.settings), as_json)


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        _echo_json(scores)
        return
    width = max(len(k) for k in scores)
    for k, v in scores.items():
        click.echo(f"{k:<{width}}  {v:.4f}" if isinstance(v, float) else f"{k:<{width}}  {v}")


def main() -> None:
    """Console entry point."""
    cli(prog_name="newsfold")


if __name__ == "__main__":
    main()
