"""The one module that knows the order of stages.

    read (ingest/) -> known: an input the store holds as it is, with nothing to add, is counted unchanged
    and not prepared (_known_inputs)
    -> prepare: clean (clean.py / extract.py), language (lang.py), date and outlet
    (dateline.py, outlets.py), dedup signature (dedup.py), cluster features (cluster/)   [pure, per article]
    -> place: exact copy / near-copy (dedup.CopyIndex), story (cluster.StoryIndex), store   [stateful]

:func:`~newsfold.preparation.prepare` is a pure function of one :class:`RawDoc` and read-only settings, so a
backend can run it over partitions anywhere (backends/). Only :class:`Folder` holds state: the store, the copy index
and the story index. The fold of a story (summary, timeline, entities, quotes, coverage) is computed lazily by
:func:`fold`, off the ingest path, and cached in the store until the story changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfold import cluster, dedup
from newsfold.backends import Backend, get_backend
from newsfold.errors import StoreError
from newsfold.headline import MAX_HEADLINES, choose_title
from newsfold.ingest import read_inputs
from newsfold.learned import drop_learned
from newsfold.models import Article, CleanText, RawDoc, Rejected, Removed, Skipped, Unchanged
from newsfold.outlets import OutletRegistry
from newsfold.preparation import Prepared, Snapshot, adds_nothing, load_snapshot, plausible_dates, prepare
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q
from newsfold.store.db import row_to_article

log = logging.getLogger(__name__)

STATS_STATE = "cluster.stats"
# When the store's first ingest run with ``cluster_embeddings`` on started: stories stored before it hold no embedding.
EMBEDDED_STATE = "cluster.embedded_since"
# Story states are written every this many batches, and at the end of a run (measured: writing them every batch
# took a third of the placing process's time at 10k articles).
SAVE_STATES_EVERY = 10
# Garbage-collector thresholds during an ingest run (restored afterwards). Each article allocates a few hundred
# container objects (features, unpickled results, placement scratch) that die young, and with Python's default
# (700, 10, 10) the collector ran ~260 times per 1,000 articles, full collections over the whole story index
# included: 0.11-0.13 ms of CPU per article in the placing process at 10k articles, ~0.03 with these (measured with
# gc.callbacks on the 10k benchmark stream; peak RSS unchanged). Reference counting frees everything that is not
# in a cycle at once; cycles still go at the next (rarer) collection. Collection timing never changes results.
INGEST_GC_THRESHOLDS = (50_000, 20, 10)
# An article whose placement raises (a bug in the clusterer, not bad input: every input that reaches placement has
# valid features) is quarantined and the run goes on: its batch is rolled back, the copy and story indexes are read
# again as they were at the batch's start, and the rest of the batch is placed again (see _recover). More failures
# than this in one run stop it: the fault is then systematic, and each recovery reads the indexes again (seconds on
# a large store).
MAX_PLACE_FAILURES = 20
# The first run since which every run has prepared with the outlet registry of the latest one, as
# {"fingerprint": ..., "since_run": ...}: an article that an earlier run stored without an outlet may gain one when
# it is prepared again with another registry.
OUTLETS_STATE = "prepare.outlets_since"
# Inputs whose keys are looked up in the store at once, before they go to be prepared (one query for each).
KNOWN_LOOKUP = 100


@dataclass(frozen=True, slots=True)
class Progress:
    """What the progress callback is told after each input."""

    done: int
    location: str


@dataclass(slots=True)
class Counts:
    """Running counts of one ingest run."""

    taken: int = 0
    unchanged: int = 0
    copies: int = 0
    quarantined: int = 0
    skipped: int = 0
    stories_new: int = 0
    stories_updated: int = 0
    recleaned: int = 0
    completed: int = 0  # unchanged articles that came again with metadata they lacked (a date, an outlet)

    def as_dict(self) -> dict[str, int]:
        """The counts by name."""
        return dataclasses.asdict(self)


class PlaceFailed(Exception):
    """Placing one prepared article raised: the article, and the error as its cause."""

    def __init__(self, item: Prepared) -> None:
        super().__init__(item.article.location)
        self.item = item


def _published_before(a: str | None, b: str | None) -> bool:
    """Whether publish date ``a`` is before ``b``: as instants when both give a time with its offset, else by day."""
    if not (a and b):
        return False
    if "T" in a and "T" in b:
        try:
            x, y = dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b)
        except ValueError:
            return a[:10] < b[:10]
        if (x.tzinfo is None) == (y.tzinfo is None):
            return x < y
    return a[:10] < b[:10]


class Folder:
    """The stateful end of the pipeline: places prepared articles into copies and stories, in the store."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.copies = dedup.CopyIndex(settings)
        for key, copy_of, published, blob in store.signatures(self.copies.capacity):
            self.copies.add(key, blob, copy_of=copy_of, published=published)  # kept packed, as stored
        # Stories that left memory are read back from the store when an article's terms point at them.
        self.stories = cluster.StoryIndex(settings, loader=store.story_state)
        stats = store.index_state(STATS_STATE)
        if stats is not None:
            self.stories.restore_stats(stats)
        for story_id, state in store.story_states(settings.hot_stories):
            self.stories.restore(story_id, state)
        if settings.cluster_embeddings and store.index_state(EMBEDDED_STATE) is None:
            # The first run with embeddings on: stories already stored hold none (see EMBEDDED_STATE)
            stored = q.count_stories(store.reader())
            if stored:
                log.warning(
                    "cluster_embeddings is on, but the %d stories already in this store were built without "
                    "embeddings: an article in another language joins one of them only once an article embedded "
                    "from now on has joined it (ingest into a new store to embed them all)",
                    stored,
                )
            store.save_index_state(EMBEDDED_STATE, dt.datetime.now(dt.UTC).isoformat().encode())
        self._touched: set[str] = set()
        self._created: set[str] = set()
        self._updated: set[str] = set()
        self._line_counts: dict[str, dict[str, int]] = {}
        self._outlet_articles: dict[str, int] = {}

    def start_run(self) -> None:
        """Forget the stories created and updated by an earlier run (kept in a :class:`Session`)."""
        self._created.clear()
        self._updated.clear()

    def begin_batch(self) -> None:
        """Note the start of a batch written as one transaction (see ``_recover``)."""
        self.stories.begin_batch()

    def reread(self) -> Folder:
        """A fresh read of the indexes from the store, after a failed placement (see ``_recover``).

        The stories this run created and updated so far are carried over for the run's counts.
        """
        fresh = Folder(self.store, self.settings)
        fresh._created, fresh._updated = self._created, self._updated
        return fresh

    def add(self, item: Prepared, run_id: int, counts: Counts) -> None:
        """Place one prepared article (inside a store transaction)."""
        art = item.article
        known = self.store.raw_hash_of(art.key)
        if known is not None:
            if known == item.raw_hash:
                counts.unchanged += 1
                # e.g. the dated JSONL line of a plain-text file taken before
                if self.store.fill_metadata(art):
                    counts.completed += 1
                    story = self.store.story_of(art.key)
                    if story:
                        self._touched.add(story)  # its dates and outlets change, its fold goes stale
            else:
                rejected = Rejected(
                    art.location, "store", f"key {art.key!r} is already taken by a different text"
                )
                self.store.quarantine(rejected, run_id)  # kept once, counted on every run it is not taken
                counts.quarantined += 1
            return
        copy_of: str | None = None
        similarity: float | None = None
        packed = item.signature
        days = self.settings.copy_max_days
        original = self.store.original_with_text(item.text_hash, art.published, days)
        if original is not None:
            copy_of, similarity = original, 1.0
        elif packed is not None:
            match = self.copies.find(packed, art.published)
            if match is not None:
                copy_of, similarity = match
        reprinted: str | None = None  # the stored article this one turns out to be the original of
        reprint_similarity: float | None = None
        if copy_of is not None:
            story_id = self.stories.resolve(self.store.story_of(copy_of) or "")
            counts.copies += 1
            if _published_before(art.published, self.store.published_of(copy_of)):
                # published before its "original" (a wire story whose reprint came in first): it
                # is the original, and the stored one its copy, with the stored one's copies
                reprinted, copy_of, reprint_similarity, similarity = copy_of, None, similarity, None
        else:
            placement = self.stories.place(item.features)
            for old, new in placement.merged:
                self.store.merge_stories(old, new)
                self._touched.discard(old)
                self._touched.add(new)
            for key, target in placement.moved:
                left = self.store.move_article(key, target)
                self._touched.update(s for s in (left, target) if s)
            story_id = placement.story_id
        if packed is not None:
            self.copies.add(art.key, packed, copy_of=copy_of, published=art.published)
        if reprinted is not None:
            self.copies.relink(reprinted, art.key)
        self.store.add_article(
            art,
            raw_hash=item.raw_hash,
            text_hash=item.text_hash,
            story_id=story_id,
            copy_of=copy_of,
            similarity=similarity,
            signature=packed,
            features=None,  # recomputable from the stored text (featurize is pure); not worth the bytes
            run_id=run_id,
        )
        if reprinted is not None:
            self.store.relink_copies(reprinted, art.key, reprint_similarity)
        self._touched.add(story_id)
        counts.taken += 1
        if copy_of is None and art.outlet:  # a reprint repeats every line: only originals teach boilerplate
            lines = self._line_counts.setdefault(art.outlet, {})
            for key in item.line_keys:
                lines[key] = lines.get(key, 0) + 1
            self._outlet_articles[art.outlet] = self._outlet_articles.get(art.outlet, 0) + 1

    def flush(self, counts: Counts, *, save_states: bool = True) -> None:
        """Write the touched stories' summary fields, and the clusterer's story states (inside a transaction).

        Args:
            counts: the run's counts; stories new and updated in this run are counted once each.
            save_states: also write the states of the stories the clusterer changed. Skipping it on some
                batches saves rewriting busy stories' states over and over; an unsaved state only means that a
                later run, after a crash, cannot join those stories.
        """
        if self._outlet_articles:
            self.store.add_line_counts(self._line_counts, self._outlet_articles)
            self._line_counts.clear()
            self._outlet_articles.clear()
        if self._touched:
            created, updated = self.store.refresh_stories(
                sorted(self._touched), choose_title, max_titles=MAX_HEADLINES, dated_within=plausible_dates()
            )
            self._created.update(created)
            self._updated.update(updated)
            self._touched.clear()
        counts.stories_new = len(self._created)
        counts.stories_updated = len(self._updated - self._created)
        if save_states:
            for story_id in self.stories.dirty():
                self.store.save_story_state(story_id, self.stories.story_state(story_id))
            self.stories.clear_dirty()

    def close(self, counts: Counts, snapshot: Snapshot) -> None:
        """Save what is still unsaved (story states, the clusterer's corpus statistics) and re-clean the stored
        articles of every outlet whose learned boilerplate grew during this run."""
        with self.store.transaction():
            self.flush(counts, save_states=True)
        self.store.save_index_state(STATS_STATE, self.stories.stats_state())
        now = load_snapshot(self.store).learned
        with self.store.transaction():
            for outlet, keys in now.items():
                new = keys - snapshot.learned.get(outlet, frozenset())
                if new:
                    counts.recleaned += self._reclean(outlet, new)

    def _reclean(self, outlet: str, keys: frozenset[str]) -> int:
        """Drop newly learned boilerplate lines from an outlet's stored articles; returns how many changed."""
        changed = 0
        for row in self.store.articles_of_outlet(outlet):
            before = CleanText(
                row["text"], row["title"], tuple(Removed(*r) for r in json.loads(row["removed"]))
            )
            after = drop_learned(before, keys)
            if after is not before:
                self.store.update_cleaning(row["key"], after.body, after.removed)
                changed += 1
        return changed


class Session:
    """The stateful end of the pipeline (copy index, story index, corpus statistics) kept in memory between ingest
    runs on one store, for a process that ingests again and again (``watch``, ``serve --watch``).

    Each run otherwise reads every hot story, the copy index and the statistics back from the store before its first
    article: 3.3 s on a store of 30,000 articles, more as the store grows, paid again at every feed poll. What is
    kept is what the store holds at the end of this session's last run; when the store has had another run since
    (another process ingested into it) or a run of this session failed, it is read again.

    Args:
        store: the store the runs write to.
        settings: the runs' settings (the kept state belongs to them).
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._folder: Folder | None = None
        self._run: int | None = None  # the id of the run whose end the kept state matches

    def folder(self, store: Store, settings: Settings) -> Folder:
        """The kept state if it is still the store's, else a fresh read of it."""
        if store is not self.store or settings != self.settings:
            raise ValueError("a Session serves the store and settings it was made for")
        if self._folder is None or self._run != self.store.latest_run():
            self._folder = Folder(self.store, self.settings)
        self._folder.start_run()
        return self._folder

    def keep(self, folder: Folder, run_id: int) -> None:
        """Keep ``folder`` after run ``run_id`` ended and saved its state."""
        self._folder, self._run = folder, run_id

    def drop(self) -> None:
        """Forget the kept state (after a failed run: memory may be ahead of the store)."""
        self._folder, self._run = None, None


def ingest(
    inputs: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    backend: Backend | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    session: Session | None = None,
) -> Counts:
    """Read, prepare and place every input into the store; quarantine what cannot be taken.

    Args:
        inputs: files, folders or globs.
        store: an open store (the single writer).
        settings: read-only options.
        backend: runs :func:`prepare` over the documents (default: in this process).
        on_progress: called after each input document.
        session: keeps the copy and story indexes in memory for the next run on this store (see :class:`Session`).

    Returns:
        The run's counts (also stored in the ``runs`` table).
    """
    gc_thresholds = gc.get_threshold()
    gc.set_threshold(*INGEST_GC_THRESHOLDS)  # inherited by worker processes forked during the run
    try:
        return _ingest(inputs, store, settings, backend=backend, on_progress=on_progress, session=session)
    except BaseException:
        if session is not None:
            session.drop()
        raise
    finally:
        gc.set_threshold(*gc_thresholds)


def _ingest(
    inputs: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    backend: Backend | None,
    on_progress: Callable[[Progress], None] | None,
    session: Session | None,
) -> Counts:
    own_backend = backend is None
    backend = backend or get_backend("local")
    snapshot = load_snapshot(store)
    counts = Counts()
    folder = session.folder(store, settings) if session else Folder(store, settings)
    run_id = store.begin_run(str(i) for i in inputs)
    done = batches = 0

    def take(item: Prepared | RawDoc | Rejected | Skipped | Unchanged) -> None:
        nonlocal done
        if isinstance(item, Skipped):
            counts.skipped += 1
            return
        if isinstance(item, Unchanged):  # what Folder.add counts for the same input prepared again
            counts.unchanged += 1
            location = item.location
        elif isinstance(item, Rejected):
            counts.quarantined += 1
            store.quarantine(item, run_id)
            location = item.location
        elif isinstance(item, Prepared):
            try:
                folder.add(item, run_id, counts)
            except (sqlite3.Error, StoreError, OSError, MemoryError):
                raise  # the store or the machine failed, not this article: stop the run
            except Exception as exc:
                raise PlaceFailed(item) from exc
            location = item.article.location
        else:  # a backend must prepare every RawDoc; one that did not is a bug, kept visible
            raise TypeError(f"backend {backend.name!r} returned an unprepared document: {item.location}")
        done += 1
        if on_progress:
            on_progress(Progress(done, location))

    # Results are placed as they come back, inside one transaction per batch: pulling them one at a time keeps
    # the backend's workers preparing the next documents while this process places and writes (collecting a
    # whole batch first left the workers idle during every write).
    known = _known_inputs(
        read_inputs(inputs, settings), store, settings, run_id, _outlets_since(store, snapshot, run_id)
    )
    stream = iter(backend.map_prepare(known, settings, snapshot))
    failures = 0
    try:
        more = True
        while more:
            batch: list[Prepared | RawDoc | Rejected | Skipped | Unchanged] = []
            before, done_before = dataclasses.replace(counts), done
            folder.begin_batch()
            try:
                with store.transaction():
                    for taken, item in enumerate(stream, 1):
                        batch.append(item)
                        take(item)
                        if taken >= settings.batch_size:
                            break
                    else:
                        more = False
                    batches += 1
                    folder.flush(counts, save_states=batches % SAVE_STATES_EVERY == 0)
            except PlaceFailed as failed:
                # The store rolled the batch back; put the indexes back to the batch's start too, keep the article
                # in quarantine and place the rest of the batch again.
                failures += 1
                if failures > MAX_PLACE_FAILURES:
                    raise
                for f in dataclasses.fields(Counts):
                    setattr(counts, f.name, getattr(before, f.name))
                folder = _recover(folder, failed, run_id, counts)
                done = done_before + 1
                if on_progress:
                    on_progress(Progress(done, failed.item.article.location))
                at = next(i for i, x in enumerate(batch) if x is failed.item)
                stream = itertools.chain(batch[:at], batch[at + 1 :], stream)
                more = True
    finally:
        if own_backend:
            backend.close()
    folder.close(counts, snapshot)
    store.finish_run(run_id, counts.as_dict())
    if session is not None:
        session.keep(folder, run_id)
    return counts


def _outlets_since(store: Store, snapshot: Snapshot, run_id: int) -> int:
    """The first run since which every run has prepared with this run's outlet registry (see ``OUTLETS_STATE``);
    this run when the registry is not the last run's."""
    fingerprint = snapshot.outlets.fingerprint()
    kept = store.index_state(OUTLETS_STATE)
    if kept is not None:
        state = json.loads(kept)
        if state.get("fingerprint") == fingerprint:
            return int(state["since_run"])
    state = {"fingerprint": fingerprint, "since_run": run_id}
    store.save_index_state(OUTLETS_STATE, json.dumps(state).encode())
    return run_id


def _known_inputs(
    items: Iterable[RawDoc | Rejected | Skipped],
    store: Store,
    settings: Settings,
    run_id: int,
    outlets_since: int,
) -> Iterator[RawDoc | Rejected | Skipped | Unchanged]:
    """Pass the stream on, each RawDoc that preparing again could add nothing to (``preparation.adds_nothing``)
    replaced by an :class:`Unchanged`, which backends pass through: a re-ingest then prepares only what is new.

    The store is read ahead of placement, so an article that this run stores is not there yet, or not committed
    (its batch may still be rolled back, see ``_recover``): only articles of earlier runs are compared with. A
    later arrival of an article of this run is prepared and placed as before.
    """
    stream = iter(items)
    while chunk := list(itertools.islice(stream, KNOWN_LOOKUP)):
        stored = store.stored_inputs(doc.key for doc in chunk if isinstance(doc, RawDoc))
        for doc in chunk:
            if (
                isinstance(doc, RawDoc)
                and (row := stored.get(doc.key)) is not None
                and row["run_id"] != run_id
                and adds_nothing(doc, row, settings, same_outlets=(row["run_id"] or 0) >= outlets_since)
            ):
                yield Unchanged(doc.key, doc.location)
            else:
                yield doc


def _recover(folder: Folder, failed: PlaceFailed, run_id: int, counts: Counts) -> Folder:
    """After a placement raised and the store rolled its batch back: quarantine the article and read the indexes
    again, as they were when the batch began.

    The batch's placements changed the indexes in memory, the failed one perhaps half-way. So the stories that no
    placement of the batch touched have their unsaved states saved, and the corpus statistics as they were at the
    batch's start; the stories it touched come back as the store last saved them (up to ``SAVE_STATES_EVERY``
    batches old, as after a crash: they may miss some members' summaries, never hold an article that is not in the
    store). The caller then places the rest of the batch again.
    """
    art = failed.item.article
    cause = failed.__cause__
    reason = f"placing the article failed: {type(cause).__name__}: {cause}".splitlines()[0][:300]
    states, stats = folder.stories.rolled_back()
    with folder.store.transaction():
        folder.store.quarantine(Rejected(art.location, "place", reason, art.raw), run_id)
        for story_id, state in states:
            folder.store.save_story_state(story_id, state)
        folder.store.save_index_state(STATS_STATE, stats)
    counts.quarantined += 1
    return folder.reread()


def story_input_rows(store: Store, story_id: str) -> list[Any]:
    """The rows of a live story's articles."""
    return q.story_members(store.reader(), story_id)


# What a cached fold depends on besides its story's articles: the package's code and data files (the web's static
# files and templates aside: they render a fold, they do not make it).
_FOLD_NOT_INPUTS = ("__pycache__", "static", "templates")


@functools.cache
def _package_digest() -> str:
    root = Path(__file__).resolve().parent
    code = hashlib.sha1(usedforsecurity=False)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not any(part in _FOLD_NOT_INPUTS for part in rel.parts):
            code.update(rel.as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return code.hexdigest()


def fold_made_by(settings: Settings) -> str:
    """What a story's cached fold must have been made by to be served: a digest of newsfold's code and data and of
    the settings the fold reads (a fold cached by another version, or with another ``summary_sentences``, is stale).
    """
    parts = (_package_digest(), str(settings.fold_articles), str(settings.summary_sentences))
    return hashlib.sha1("\0".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def fold(store: Store, story_id: str, settings: Settings, *, use_cache: bool = True) -> dict[str, Any]:
    """The full ``show --json`` object of a story: computed once, then served from the store's cache (while the code
    and the settings that made it are the same: :func:`fold_made_by`).

    Raises:
        NotFound: unknown story id.
    """
    from newsfold.store.repeats import without_repeated
    from newsfold.story.fold import StoryInput, fold_story
    from newsfold.story.timeline import story_timeline

    conn = store.reader()
    live = q.resolve_story(conn, story_id)
    if use_cache:
        cached = q.cached_fold(conn, live, fold_made_by(settings))
        if cached is not None:
            return cached
    row = q.story_row(conn, live)
    members = q.story_members(conn, live)
    # Lines that other stories' articles repeat (a site's appeal or teasers the cleaning did not know) are no news.
    articles = without_repeated(conn, live, [row_to_article(r) for r in members])
    registry = OutletRegistry.load()
    outlets = {a.outlet: registry.get(a.outlet) for a in articles if a.outlet}
    parts = fold_story(
        StoryInput(articles, {r["key"]: r["copy_of"] for r in members if r["copy_of"]}, outlets),
        timeline=story_timeline,
        max_articles=settings.fold_articles,
        summary_size=settings.summary_sentences or None,
    )
    out: dict[str, Any] = {"id": live, "title": row["title"], **parts}
    out["articles"] = q.article_refs(members)
    store.save_fold(live, out, fold_made_by(settings))
    return out


def iter_articles(store: Store) -> Iterator[Article]:
    """Every stored article, in arrival order (for evaluation and re-processing)."""
    for row in store.reader().execute("SELECT * FROM articles ORDER BY id"):
        yield row_to_article(row)


__all__ = [
    "Counts",
    "Folder",
    "Prepared",
    "Progress",
    "Session",
    "fold",
    "ingest",
    "iter_articles",
    "prepare",
]
