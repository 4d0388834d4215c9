"""Member groups of one story: the two-group partition a split is judged on, and the marks that keep look-alike
stories apart (the names and numbers most of a group's members mention and that occur mostly in it)."""

from __future__ import annotations

from collections import Counter

from newsfold.cluster.model import (
    MARK_MIN,
    MARK_OWN,
    MARK_SHARE,
    SPLIT_GROUP,
    SPLIT_MARK_MISS,
    SPLIT_STARTS,
    _Member,
)


def group_marks(members: list[_Member], scale: float, df: Counter[str]) -> frozenset[str]:
    """The marks of a group of members (``"@name"``, ``"#number"``; see ``MARK_SHARE``).

    Args:
        members: the group (one story's recent members, or part of them).
        scale: articles of the story per member in the group (the story's size over its members kept).
        df: the online document frequencies, keyed as the marks are.

    Returns:
        The names and numbers at least ``MARK_SHARE`` of the group mention whose estimated count in the story
        is at least ``MARK_OWN`` of all the articles counted with them.
    """
    counts = Counter(["@" + t for m in members for t in m.names] + ["#" + t for m in members for t in m.nums])
    least = MARK_SHARE * len(members)
    return frozenset(t for t, c in counts.items() if c >= least and c * scale >= MARK_OWN * df.get(t, 1))


def marks_missed(members: list[_Member], marks: frozenset[str]) -> float:
    """The mean share of ``marks`` that the members do not mention (0.0 without marks or members)."""
    if not marks or not members:
        return 0.0
    missing = 0
    for m in members:
        have = {"@" + t for t in m.names}
        have.update("#" + t for t in m.nums)
        missing += len(marks - have)
    return missing / (len(marks) * len(members))


def groups_apart(groups: list[list[_Member]], marks: list[frozenset[str]]) -> bool:
    """Whether each of two member groups misses ``SPLIT_MARK_MISS`` of the other's marks (two stories)."""
    return all(
        len(marks[i]) >= MARK_MIN and marks_missed(groups[1 - i], marks[i]) >= SPLIT_MARK_MISS for i in (0, 1)
    )


def partition(prob: list[list[float]], starts: int = SPLIT_STARTS) -> tuple[list[list[int]], float]:
    """The best two-group partition of a story's members, by their pair probabilities.

    Groups are grown (:func:`grow_groups`) from the least-alike pair of members and, for each of the ``starts - 1``
    most typical members (the most alike to the rest), from it and the member least like it: the least-alike
    pair is often an outlier and a member of the larger story, and groups grown from it then mix two stories.
    Of the partitions whose groups both have ``SPLIT_GROUP`` members, the one with the lowest mean cross-group
    probability wins (the first start's when none has).

    Args:
        prob: the symmetric matrix of member pair probabilities (at least two members).
        starts: how many seed pairs to grow groups from.

    Returns:
        The two groups (member positions) and their mean cross-group pair probability.
    """
    n = len(prob)
    low, seeds = 2.0, (0, 1)
    for i in range(n - 1):  # the least-alike pair (the first one on a tie)
        row = prob[i]
        j = min(range(i + 1, n), key=row.__getitem__)
        if row[j] < low:
            low, seeds = row[j], (i, j)
    groups, cross = grow_groups(prob, seeds)
    totals = [sum(row) for row in prob]
    for i in sorted(range(n), key=lambda i: -totals[i])[: starts - 1]:
        row = prob[i]
        j = min((j for j in range(n) if j != i), key=row.__getitem__)
        if {i, j} == set(seeds):
            continue
        other, other_cross = grow_groups(prob, (i, j) if i < j else (j, i))
        if min(map(len, other)) >= SPLIT_GROUP and (
            min(map(len, groups)) < SPLIT_GROUP or other_cross < cross
        ):
            groups, cross = other, other_cross
    return groups, cross


def grow_groups(prob: list[list[float]], seeds: tuple[int, int]) -> tuple[list[list[int]], float]:
    """Two member groups grown from two seed members (three rounds of average-link reassignment).

    Returns:
        The two groups (member positions) and their mean cross-group pair probability.
    """
    n = len(prob)
    g0, g1 = [seeds[0]], [seeds[1]]
    where = [-1] * n  # each member's group in the previous round (-1: none yet)
    where[seeds[0]], where[seeds[1]] = 0, 1
    for _ in range(3):
        n0, n1 = len(g0), len(g1)
        side = [0] * n
        for i in range(n):
            get = prob[i].__getitem__
            own0, own1 = where[i] == 0, where[i] == 1  # a member's own probability (1.0) is left out
            mean0 = (sum(map(get, g0)) - own0) / max(1, n0 - own0)
            mean1 = (sum(map(get, g1)) - own1) / max(1, n1 - own1)
            side[i] = 1 if mean1 > mean0 else 0
        side[seeds[0]], side[seeds[1]] = 0, 1
        g0 = [i for i in range(n) if not side[i]]
        g1 = [i for i in range(n) if side[i]]
        where = side
    cross = sum(prob[i][j] for i in g0 for j in g1) / (len(g0) * len(g1))
    return [g0, g1], cross
