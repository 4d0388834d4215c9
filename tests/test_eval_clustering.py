"""Cluster scores against gold, the TF-IDF peer, and reading gold files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

from newsfold.cli import cli
from newsfold.cluster import PAIR_WEIGHTS, StoryIndex, featurize, pair_prob
from newsfold.cluster.model import _Member
from newsfold.errors import InputError
from newsfold.evaluate.clustering import (
    TfidfSinglePass,
    bcubed,
    cluster_scores,
    fit_pair_weights,
    gold_articles,
    pairwise,
)
from newsfold.settings import Settings

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y"}


def test_perfect_clustering_scores_one() -> None:
    pred = {"a": "1", "b": "1", "c": "1", "d": "2"}
    assert bcubed(pred, GOLD) == (1.0, 1.0, 1.0)
    assert pairwise(pred, GOLD) == (1.0, 1.0, 1.0)


def test_all_in_one_story() -> None:
    pred = dict.fromkeys(GOLD, "1")
    p, r, _ = bcubed(pred, GOLD)
    assert r == 1.0
    assert p == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)
    pp, pr, _ = pairwise(pred, GOLD)
    assert pp == pytest.approx(3 / 6)
    assert pr == 1.0


def test_all_singletons() -> None:
    pred = {k: k for k in GOLD}
    p, r, _ = bcubed(pred, GOLD)
    assert p == 1.0
    assert r == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert pairwise(pred, GOLD)[1] == 0.0


def test_cluster_scores_keys_and_counts() -> None:
    scores = cluster_scores({"a": "1", "b": "1", "c": "2", "d": "2"}, GOLD)
    assert set(scores) == {
        "bcubed_p",
        "bcubed_r",
        "bcubed_f1",
        "pair_p",
        "pair_r",
        "pair_f1",
        "stories",
        "gold_stories",
    }
    assert scores["stories"] == 2 and scores["gold_stories"] == 2
    assert 0 < scores["bcubed_f1"] < 1


def test_no_shared_keys() -> None:
    assert bcubed({"q": "1"}, GOLD) == (0.0, 0.0, 0.0)


def test_tfidf_peer_groups_similar_texts() -> None:
    peer = TfidfSinglePass(threshold=0.3)
    a = peer.place("1", "volcano erupts in iceland ash cloud grounds flights across europe")
    b = peer.place("2", "ash cloud from iceland volcano grounds more flights in europe")
    c = peer.place("3", "central bank raises interest rates to fight inflation")
    assert a == b != c


def test_gold_articles_title_from_first_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [{"id": "k1", "text": "Title one\nBody one.", "cluster": "s"}, {"text": "T2\nB2", "cluster": "t"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    arts, gold = gold_articles(path)
    assert [a.key for a in arts] == ["k1", "gold#2"]
    assert arts[0].title == "Title one" and arts[0].text == "Body one."
    assert gold == {"k1": "s", "gold#2": "t"}


BODY = "Some article text about a topic that is long enough to be an article body, or so it is said."
QUAKE = (
    "A powerful earthquake struck the southern Iranian island of Qeshm on Sunday, killing at least ten people and "
    "injuring dozens, state television reported. Rescue teams handed out tents and blankets to villagers."
)


def _write(tmp_path: Path, lines: list[object] | str) -> Path:
    path = tmp_path / "gold.jsonl"
    text = lines if isinstance(lines, str) else "".join(json.dumps(x) + "\n" for x in lines)
    path.write_text(text, encoding="utf-8")
    return path


def _eval_clustering(path: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["eval", "clustering", str(path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("", "no gold article"),
        ("\n  \n", "no gold article"),
        ([{"id": "a", "cluster": "x"}, {"id": "b", "cluster": "x"}], "none of the 2 gold articles was taken"),
        (
            [{"id": "a", "cluster": "x", "text": BODY}, {"id": "a", "cluster": "y", "text": BODY}],
            "conflicting",
        ),
        ([{"id": "a", "cluster": ["x"], "text": BODY}], "`cluster` must be a string"),
        ([{"id": "a", "cluster": None, "text": BODY}], "`cluster` must be a string"),
        ([{"id": "a", "cluster": 1.5, "text": BODY}], "`cluster` must be a string"),
        ([{"id": "a", "cluster": True, "text": BODY}], "`cluster` must be a string"),
        ([{"id": "a", "cluster": "  ", "text": BODY}], "`cluster` must be a string"),
    ],
)
def test_eval_refuses_gold_with_nothing_to_score(
    tmp_path: Path, lines: list[object] | str, message: str
) -> None:
    result = _eval_clustering(_write(tmp_path, lines))
    assert result.exit_code == 1
    assert "pair_f1" not in result.stdout and "bcubed" not in result.stdout
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_eval_says_how_many_gold_articles_were_not_taken(tmp_path: Path) -> None:
    lines = [
        {"id": "q1", "cluster": "quake", "text": QUAKE},
        {"id": "q2", "cluster": "quake", "text": QUAKE.replace("ten", "eleven")},
        {"id": "empty", "cluster": "quake"},
    ]
    result = _eval_clustering(_write(tmp_path, lines), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["articles"] == 3 and scores["not_taken"] == 1
    assert "1 of 3 gold articles not taken" in result.stderr


def test_eval_takes_an_int_cluster_as_its_string_and_same_duplicates(tmp_path: Path) -> None:
    lines = [
        {"id": "q1", "cluster": 7, "text": QUAKE},
        {"id": "q2", "cluster": "7", "text": QUAKE.replace("ten", "eleven")},
        {"id": "q2", "cluster": 7, "text": QUAKE.replace("ten", "eleven")},  # a repeat that agrees is fine
    ]
    result = _eval_clustering(_write(tmp_path, lines), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["gold_stories"] == 1


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            [{"id": "a", "cluster": "x", "text": "T\nB"}, {"id": "a", "cluster": "y", "text": "T\nB"}],
            "conflicting",
        ),
        ([{"id": "a", "cluster": {"x": 1}, "text": "T\nB"}], "`cluster` must be a string"),
        ("", "no gold article"),
    ],
)
def test_gold_articles_refuses_bad_gold(tmp_path: Path, lines: list[object] | str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        gold_articles(_write(tmp_path, lines))


def test_pair_fit_on_half_the_topics_ranks_the_other_half(shared_data: Path) -> None:
    arts, gold = gold_articles(shared_data / "ecbplus-dev" / "articles.jsonl")
    ids = sorted(set(gold.values()))
    train, test = set(ids[: len(ids) // 2]), set(ids[len(ids) // 2 :])
    settings = Settings()
    docs = {a.key: featurize(a, settings) for a in arts if gold[a.key] in train | test}
    weights = fit_pair_weights([d for k, d in docs.items() if gold[k] in train], gold, settings, halves=True)
    assert len(weights) == len(PAIR_WEIGHTS)
    index = StoryIndex(settings)
    for doc in docs.values():
        index._count(doc)
    held = [_Member.of(d, index.vectors(d), 0) for k, d in docs.items() if gold[k] in test]
    same: list[float] = []
    other: list[float] = []
    for i, a in enumerate(held):
        for b in held[i + 1 :]:
            (same if gold[a.key] == gold[b.key] else other).append(pair_prob(a, b, weights))
    # Articles of one story are far likelier to be judged one story than articles of two: the share of (one story,
    # two stories) pairs of pairs ranked right, the AUC, by the Mann-Whitney rank sum.
    scores = np.array(same + other)
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    auc = (ranks[: len(same)].sum() - len(same) * (len(same) + 1) / 2) / (len(same) * len(other))
    assert auc > 0.97, auc  # measured 0.987
    assert sum(same) / len(same) > sum(other) / len(other) + 0.4  # measured 0.81 and 0.20


def test_gold_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'\xff{"id": "a", "cluster": "x", "text": "T"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        gold_articles(path)
