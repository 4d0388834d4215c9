"""The hot stories: what the clusterer keeps in memory, finds candidates with, and persists.

:class:`HotStories` holds the stories in memory (most recently updated last), the inverted index from indexed terms
and names to stories, the merge redirects and the online corpus statistics. It moves the least recently updated
stories out of memory when there are more than ``hot_stories`` and brings them back from the store's saved states
when an article points at them, says which stories changed since the store last saved them, and undoes a batch of
placements that the store rolled back. :class:`~newsfold.cluster.index.StoryIndex` builds its decisions on it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from newsfold.cluster.features import ClusterDoc
from newsfold.cluster.model import POSTING_CAP, _DocVecs, _Story
from newsfold.cluster.terms import TermStats
from newsfold.settings import Settings


class HotStories:
    """The stories in memory, their candidate index, their redirects and statistics, and their persistence.

    Args:
        settings: ``hot_stories`` is read.
        loader: ``f(story_id) -> state bytes or None``, reads a story's persisted state (the store's).
    """

    def __init__(self, settings: Settings, loader: Callable[[str], bytes | None] | None = None) -> None:
        self.loader = loader
        self.hot = settings.hot_stories
        self.terms = TermStats()
        self._stories: dict[str, _Story] = {}  # ordered by last update, oldest first
        self._cold: dict[str, bytes] = {}  # states of changed stories evicted before the store saved them
        self._redirect: dict[str, str] = {}
        self._postings: dict[str, list[str]] = {}
        self._dirty: set[str] = set()
        # True while an article is being placed: stories it brings back from the store do not push others out of
        # memory until it is done (the candidates it holds must stay the live stories; see _evict).
        self._placing = False
        # What the placements since begin_batch() changed, so that a batch the store rolls back can be undone here
        # too (see rolled_back): every story they may have changed, the articles they counted, the redirects before.
        self._batch_touched: set[str] = set()
        self._batch_counted: list[ClusterDoc] = []
        self._batch_redirect: dict[str, str] = {}

    # --- persistence, for the store
    def begin_batch(self) -> None:
        """Note the start of a batch of placements that the store writes as one transaction."""
        self._batch_touched = set()
        self._batch_counted = []
        self._batch_redirect = dict(self._redirect)

    def rolled_back(self) -> tuple[list[tuple[str, bytes]], bytes]:
        """What the store needs so that reading it again gives this index as it was when the batch began.

        For when the store rolled the batch back (a placement raised, leaving this index part-changed): the states
        of the changed stories that no placement of the batch touched (the others the store has as it last saved
        them), and the corpus statistics and redirects as they were when the batch began (the document frequencies
        with the batch's articles taken out again: exact unless the batch pruned them, DF_CAP).

        Returns:
            ``(story id, state)`` pairs to save, and the statistics state (as :meth:`stats_state`).
        """
        states = [(sid, self.story_state(sid)) for sid in sorted(self.dirty() - self._batch_touched)]
        n, df = self.terms.without(self._batch_counted)
        return states, _stats_bytes(n, df, self._batch_redirect)

    def dirty(self) -> set[str]:
        """Ids of the stories whose state changed since :meth:`clear_dirty` (merged-away ids excluded), evicted
        ones included."""
        return {s for s in self._dirty if s in self._stories} | self._cold.keys()

    def clear_dirty(self) -> None:
        """Forget which stories changed (after the store has persisted them)."""
        self._dirty.clear()
        self._cold.clear()

    def story_state(self, story_id: str) -> bytes:
        """The state of a hot story, for the store to persist.

        Args:
            story_id: a story id (a merged-away id is followed to its survivor).

        Returns:
            Compact bytes (``_Story.to_bytes``) that :meth:`restore` reads back.

        Raises:
            KeyError: the story is not in memory.
        """
        sid = self.resolve(story_id)
        if sid not in self._stories and sid in self._cold:
            return self._cold[sid]
        return self._stories[sid].to_bytes()

    def restore(self, story_id: str, state: bytes) -> None:
        """Load a story persisted by :meth:`story_state` back into memory (and into the candidate index).

        Args:
            story_id: the story's id.
            state: bytes from :meth:`story_state`.
        """
        story = _Story.from_bytes(story_id, state)
        self._redirect.pop(story_id, None)
        self._stories.pop(story_id, None)
        self._stories[story_id] = story
        for feat in sorted(story.indexed):
            self._post(feat, story_id)
        self._evict()

    def resolve(self, story_id: str) -> str:
        """Follow merges: the id of the story that ``story_id`` now belongs to (itself if never merged)."""
        seen = 0
        while story_id in self._redirect and seen < 1000:
            story_id = self._redirect[story_id]
            seen += 1
        return story_id

    # --- additions for persistence of the online statistics
    def stats_state(self) -> bytes:
        """The online document-frequency counts and merge redirects, for the store to persist."""
        return _stats_bytes(self.terms.n_docs, self.terms.df, self._redirect)

    def restore_stats(self, state: bytes) -> None:
        """Load counts written by :meth:`stats_state` (before restoring stories)."""
        raw = json.loads(state.decode("utf-8"))
        self.terms.restore(int(raw["n"]), Counter({str(k): int(v) for k, v in raw["df"].items()}))
        self._redirect = {str(k): str(v) for k, v in raw.get("redirect", {}).items()}

    # --- memory and the candidate index
    @property
    def n_docs(self) -> int:
        """How many articles have been counted (placed, or restored in the statistics)."""
        return self.terms.n_docs

    @property
    def _df(self) -> Counter[str]:
        return self.terms.df

    def _count(self, doc: ClusterDoc) -> None:
        self.terms.count(doc)

    def vectors(self, doc: ClusterDoc) -> _DocVecs:
        """The article's unit TF-IDF vector per field, with the current document frequencies."""
        return self.terms.vectors(doc)

    def _resolve_hot(self, sid: str) -> str:
        return self.resolve(sid) if sid in self._redirect else sid

    def _hot(self, sid: str) -> _Story | None:
        """A live story by id, brought back into memory (from the unsaved evicted states or the loader) if it left."""
        story = self._stories.get(sid)
        if story is None and self.loader is not None:
            cold = self._cold.pop(sid, None)
            state = cold if cold is not None else self.loader(sid)
            if state is not None:
                self.restore(sid, state)
                if cold is not None:
                    self._dirty.add(sid)  # its changes are still unsaved
                story = self._stories.get(sid)
        return story

    def _post(self, feat: str, sid: str) -> None:
        posting = self._postings.setdefault(feat, [])
        if sid in posting:  # a story brought back into memory posts its features again
            return
        posting.append(sid)
        if len(posting) > POSTING_CAP:
            del posting[: POSTING_CAP // 2]

    def _evict(self) -> None:
        if self._placing:
            # Not while an article is placed: a candidate story brought back from the store would push out the
            # least recently updated one, which may be another candidate already scored (the best, or one it then
            # merges with): joining or merging a story no longer in memory lost the change or failed (KeyError).
            return
        while len(self._stories) > self.hot:
            # The least recently updated story leaves memory; the store keeps its state.
            sid = next(iter(self._stories))
            story = self._stories.pop(sid)
            if self.loader is not None and sid in self._dirty:
                # Changed since the store last saved it: its state is kept until the next save.
                self._cold[sid] = story.to_bytes()
                self._dirty.discard(sid)


def _stats_bytes(n_docs: int, df: Counter[str], redirect: dict[str, str]) -> bytes:
    """The stored form of the corpus statistics and redirects (:meth:`HotStories.stats_state`)."""
    data = {"n": n_docs, "df": df, "redirect": redirect}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
