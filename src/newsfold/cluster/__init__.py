"""Online story clustering: each article joins the best hot story or starts a new one, as it arrives.

How an article is placed (see :class:`StoryIndex`):

1. :func:`featurize` turns an article into a :class:`ClusterDoc`: counts of content words (title and text),
   of the title's words, of capitalised names (spans and their words, captions included) and of numbers and
   years mentioned. It is pure, so the pipeline can run it in parallel and the store can keep it as a BLOB.
2. Document frequencies are counted online, as articles arrive (never fitted on a corpus first); the article
   becomes one TF-IDF sub-vector per field (body, title, names, numbers), each of unit length.
3. Candidate stories come from an inverted index over weighted words and names (postings capped, newest
   first), so placing costs the same whatever the number of stored articles. Only ``hot_stories`` stories
   stay in memory; the store persists each changed story's state, and a candidate that left memory is read
   back from it (the ``loader``) when an article's terms point at it.
4. For each candidate, the per-field cosines to the story's centroids (and a year-conflict signal) are
   combined by a logistic model whose weights were fitted on the ECB+ dev topics (see ``WEIGHTS``; a content
   date near the story's counts only in proportion to the body or names similarity); the article joins the
   most probable story if that probability passes the threshold, else starts a story.
   Where publish dates are known, stories older than ``cluster_window_days`` are not joined and the gap
   lowers the score.
5. When the article fits a second story almost as well as the first, and the two stories' centroids agree,
   the younger story is merged into the older one (the old id then redirects: :meth:`StoryIndex.resolve`).
6. Each story keeps summaries of its recent members (40 terms, 20 names, 8 numbers and their lead's words each); an
   article-pair logistic model (``PAIR_WEIGHTS``: cosines, names overlap, content dates, years, the leads' cosine;
   ``PAIR_WEIGHTS_NO_LEAD`` where the leads do not compare) says how likely two members report the same story.
   The joined story is checked for two member groups that do not report the same story (an early wrong join):
   groups are grown from the least-alike pair of members and from a typical member and the member least like it;
   the smaller group of the better partition is split off and its earlier articles are reported as
   ``Placement.moved``. The two most probable candidates are merged with the story when their members are, on
   average, alike. Both checks touch only this article's stories and at most ``MEMBER_CAP`` members each, so
   placing stays independent of corpus size.
7. Small stories (left by an arrival order or a split) are re-attached to a larger story whose members they
   match nearly as well as its own members match each other; the stories this article touched are checked, and
   one queued recently created small story every ``FRAG_EVERY`` placements. A story's marks (names and numbers
   most of its members mention, mostly in it) keep look-alike stories apart: groups that each miss the other's
   marks split, and stories that do never merge.
8. Optional, across languages (setting ``cluster_embeddings``, extra ``embed``): ``featurize`` also embeds the
   title and lead with a multilingual model (:mod:`~newsfold.cluster.embed`), and each story keeps the mean
   embedding and the languages of its articles. An article that step 4 would start a story with joins instead the
   most similar of the recent stories in the window that have no article in its language, when the cosine with
   their mean embedding passes ``embed.THRESHOLD`` and, below ``embed.SURE``, the two share a name or a figure;
   same-language decisions stay with the TF-IDF model (better on ECB+). With the setting off nothing is embedded
   and placing is unchanged.

The package: ``features`` (pure, per article), ``embed`` (the optional model; pure), ``model`` (tuned constants,
vectors, the decisions), ``terms`` (the online document frequencies and the TF-IDF vectors they give),
``hot`` (the stories in memory, their candidate index, redirects and persistence: all the state) and ``index``
(:class:`StoryIndex`, the placing decisions built on it).
"""

from __future__ import annotations

from newsfold.cluster.features import (
    ABSURD_YEAR_MIN,
    MAX_NAMES,
    MAX_NUMS,
    MAX_TERMS,
    ClusterDoc,
    featurize,
    parse_day,
    story_id_for,
)
from newsfold.cluster.groups import group_marks, groups_apart, marks_missed, partition
from newsfold.cluster.index import StoryIndex
from newsfold.cluster.model import (
    APART_MIN_MEMBERS,
    CANDIDATES,
    CENTROID_CAP,
    DATE_GAP_CAP,
    DF_CAP,
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
    IDF_PRIOR,
    IDF_REFRESH,
    INDEX_TERMS,
    LINK_CANDIDATES,
    LINK_MEMBERS,
    LINK_MIN_PROB,
    LINK_WITHIN,
    MARK_MIN,
    MARK_OWN,
    MARK_SHARE,
    MEMBER_CAP,
    MEMBER_NAMES,
    MEMBER_NUMS,
    MEMBER_TERMS,
    MERGE_CENTROID,
    MERGE_LINK,
    MERGE_MARGIN,
    MERGE_REL,
    PAIR_CACHE,
    PAIR_DATE_MIN,
    PAIR_WEIGHTS,
    PAIR_WEIGHTS_NO_LEAD,
    POSTING_CAP,
    QUERY_NAMES,
    QUERY_TERMS,
    RECENT_CANDIDATES,
    SPLIT_CROSS,
    SPLIT_EVERY,
    SPLIT_EVERY_FROM,
    SPLIT_GROUP,
    SPLIT_MARK_GROUP,
    SPLIT_MARK_MISS,
    SPLIT_MARK_REL,
    SPLIT_MIN,
    SPLIT_REL,
    SPLIT_REL_GROUP,
    SPLIT_STARTS,
    STORY_TOP_NAMES,
    THRESHOLD,
    TOP_NAMES,
    VEC_TERMS,
    WEIGHTS,
    Vec,
    features,
    leads_compare,
    month_gap,
    pair_features,
    pair_prob,
)

__all__ = [
    "ABSURD_YEAR_MIN",
    "APART_MIN_MEMBERS",
    "CANDIDATES",
    "CENTROID_CAP",
    "DATE_GAP_CAP",
    "DF_CAP",
    "FIELDS",
    "FRAG_CANDIDATES",
    "FRAG_EVERY",
    "FRAG_LINK",
    "FRAG_MAX",
    "FRAG_MIN_MEMBERS",
    "FRAG_MISSING",
    "FRAG_QUEUE",
    "FRAG_REL",
    "GAP_PENALTY",
    "IDF_PRIOR",
    "IDF_REFRESH",
    "INDEX_TERMS",
    "LINK_CANDIDATES",
    "LINK_MEMBERS",
    "LINK_MIN_PROB",
    "LINK_WITHIN",
    "MARK_MIN",
    "MARK_OWN",
    "MARK_SHARE",
    "MAX_NAMES",
    "MAX_NUMS",
    "MAX_TERMS",
    "MEMBER_CAP",
    "MEMBER_NAMES",
    "MEMBER_NUMS",
    "MEMBER_TERMS",
    "MERGE_CENTROID",
    "MERGE_LINK",
    "MERGE_MARGIN",
    "MERGE_REL",
    "PAIR_CACHE",
    "PAIR_DATE_MIN",
    "PAIR_WEIGHTS",
    "PAIR_WEIGHTS_NO_LEAD",
    "POSTING_CAP",
    "QUERY_NAMES",
    "QUERY_TERMS",
    "RECENT_CANDIDATES",
    "SPLIT_CROSS",
    "SPLIT_EVERY",
    "SPLIT_EVERY_FROM",
    "SPLIT_GROUP",
    "SPLIT_MARK_GROUP",
    "SPLIT_MARK_MISS",
    "SPLIT_MARK_REL",
    "SPLIT_MIN",
    "SPLIT_REL",
    "SPLIT_REL_GROUP",
    "SPLIT_STARTS",
    "STORY_TOP_NAMES",
    "THRESHOLD",
    "TOP_NAMES",
    "VEC_TERMS",
    "WEIGHTS",
    "ClusterDoc",
    "StoryIndex",
    "Vec",
    "features",
    "featurize",
    "group_marks",
    "groups_apart",
    "leads_compare",
    "marks_missed",
    "month_gap",
    "pair_features",
    "pair_prob",
    "parse_day",
    "partition",
    "story_id_for",
]
