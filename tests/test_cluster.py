"""The online story clusterer: interface contract, seed story, bad input, ECB+ floor, partition property."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import random
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsfold.cluster import (
    PAIR_WEIGHTS,
    PAIR_WEIGHTS_NO_LEAD,
    ClusterDoc,
    StoryIndex,
    features,
    featurize,
    leads_compare,
    pair_features,
    pair_prob,
    parse_day,
    story_id_for,
)
from newsfold.cluster.features import LEAD_WORDS
from newsfold.cluster.groups import partition
from newsfold.cluster.model import MEMBER_VECS, STATE_MAGIC, _Member, _Story, _tf
from newsfold.cluster.terms import TermStats
from newsfold.evaluate.clustering import cluster_scores, gold_articles, run_index, shuffled
from newsfold.models import Article, Removed
from newsfold.settings import Settings

# Floors on ECB+ dev (the first and the last 24 gold stories by id, 5 arrival orders each). Measured BCubed F1:
# first 24: 0.969-0.985 since the pair model's wider member summaries, names overlap and second split start
# (0.957-0.984 before; 0.922-0.946 before members were split off and stories merged by their members); last 24:
# 0.950-0.976 (0.922-0.962 before). With the leads' cosine and 8 members per link (fifteenth session): 0.962-0.982
# and 0.952-0.975. Each floor sits a little below the worst order.
ECB_FLOORS = {"first": 0.96, "last": 0.945}


def _article(key: str, title: str, text: str, published: str | None = None, lang: str = "en") -> Article:
    return Article(
        key=key, location=key, fmt="jsonl", raw="", text=text, title=title, published=published, lang=lang
    )


TOPICS = {
    "quake": (
        "Strong earthquake strikes {place}",
        "A magnitude {n}.2 earthquake struck {place} on Monday, "
        "collapsing buildings and killing {k} people, seismologists at the Geological Survey said. "
        "Rescue teams searched the rubble of {place} for survivors of the quake.",
    ),
    "bank": (
        "Central bank raises interest rates",
        "The Federal Reserve raised its benchmark interest rate by "
        "{n} basis points to fight inflation, chairman Jerome Powell told reporters. Markets in {place} "
        "fell as bond yields climbed after the rate decision.",
    ),
    "football": (
        "Ajax beat Feyenoord",
        "Ajax beat Feyenoord {n}-1 in Amsterdam, with striker Dusan Tadic "
        "scoring twice in the league derby before {k} fans. Coach Erik ten Hag praised the defence.",
    ),
}


def _topic_docs(settings: Settings, n: int) -> list[tuple[str, ClusterDoc]]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        topic = rng.choice(sorted(TOPICS))
        title, text = TOPICS[topic]
        fill = {"place": rng.choice(["Chile", "Peru"]), "n": rng.randint(5, 8), "k": rng.randint(10, 90)}
        art = _article(f"{topic}-{i}", title.format(**fill), text.format(**fill))
        out.append((topic, featurize(art, settings)))
    return out


def test_story_ids_are_deterministic(settings: Settings) -> None:
    docs = [d for _, d in _topic_docs(settings, 30)]
    first = [StoryIndex(settings).place(d) for d in docs]
    index_a, index_b = StoryIndex(settings), StoryIndex(settings)
    assert [index_a.place(d) for d in docs] == [index_b.place(d) for d in docs]
    assert first[0].story_id == story_id_for(docs[0].key) and len(first[0].story_id) == 12
    assert first[0].is_new


def test_topics_fold_into_three_stories(settings: Settings) -> None:
    labelled = _topic_docs(settings, 30)
    index = StoryIndex(settings)
    pred = {d.key: index.place(d).story_id for _, d in labelled}
    pred = {k: index.resolve(s) for k, s in pred.items()}
    gold = {d.key: t for t, d in labelled}
    assert cluster_scores(pred, gold)["bcubed_f1"] == 1.0


def test_a_young_store_joins_short_reports_that_share_only_seen_words(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first articles of a store: a word the first report used has a lower idf in the second than the words it
    # alone has, so its heaviest words (the candidate lookup) can all be its own and no story share one. The recently
    # updated stories are scored as well (cluster.RECENT_CANDIDATES), and the two reports of the rate cut join.
    first = _article(
        "de-1",
        "EZB senkt erstmals seit 2019 die Leitzinsen",
        "Die Europäische Zentralbank (EZB) hat am Donnerstag die Leitzinsen um einen Viertelprozentpunkt gesenkt.\n"
        "Der Einlagensatz sinkt damit von 4,0 auf 3,75 Prozent.\nEs ist die erste Zinssenkung seit September 2019.\n"
        "„Wir legen uns nicht im Voraus auf einen bestimmten Zinspfad fest“, sagte EZB-Präsidentin Christine "
        "Lagarde in Frankfurt.\nBundesbankpräsident Joachim Nagel hatte die Senkung bereits im Mai befürwortet.",
        lang="de",
    )
    second = _article(
        "de-2",
        "Die EZB wagt die Zinswende",
        "Nach neun Monaten mit unveränderten Zinsen hat die Europäische Zentralbank gestern die Zinswende "
        "eingeleitet.\nDer Einlagensatz liegt nun bei 3,75 Prozent.\nChristine Lagarde betonte, die Entscheidungen "
        "würden von Sitzung zu Sitzung getroffen.\nDer österreichische Notenbankchef Robert Holzmann stimmte als "
        "einziger gegen die Senkung.\nSparer müssen sich nun auf sinkende Zinsen für Tagesgeld einstellen.",
        lang="de",
    )
    other = _article(
        "en-1",
        "Wildfire forces thousands to flee near Marseille",
        "A wildfire forced more than 3,000 people to leave their homes near Marseille on Tuesday.",
    )

    def stories() -> dict[str, str]:
        index = StoryIndex(settings)
        placed = {a.key: index.place(featurize(a, settings)).story_id for a in (other, first, second)}
        return {k: index.resolve(v) for k, v in placed.items()}

    placed = stories()
    assert placed["de-1"] == placed["de-2"] != placed["en-1"]
    monkeypatch.setattr("newsfold.cluster.index.RECENT_CANDIDATES", 0)
    alone = stories()
    assert alone["de-1"] != alone["de-2"]  # what the lookup alone finds: the case this guards


def test_cluster_doc_round_trip(settings: Settings) -> None:
    art = _article(
        "k",
        "Lavrov meets Blinken in Geneva",
        "Sergey Lavrov met Antony Blinken in Geneva in 2022, talks lasted 90 minutes.",
        published="2022-01-21T10:00:00+01:00",
        lang="en",
    )
    doc = featurize(art, settings)
    assert doc.day == dt.date(2022, 1, 21)
    assert ("y2022", 1) in doc.nums and any(n == "blinken" for n, _ in doc.names)
    assert doc.cdate is None
    assert ClusterDoc.from_bytes(doc.to_bytes()) == doc
    assert b"pickle" not in doc.to_bytes() and doc.to_bytes().startswith(b"{")


def test_the_lead_is_the_opening_after_the_title(settings: Settings) -> None:
    words = " ".join(f"word{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60))
    title = "Volcano erupts near village"
    art = dataclasses.replace(
        _article("l", title, f"{title}\nLava reached the village. {words}"),
        removed=(Removed("18 September 2013 Last updated at 13:59 GMT", "time_stamp", "rule"),),
    )
    doc = featurize(art, settings)
    lead = dict(doc.lead)
    # The title's words are not the lead; the stamp dates the text but is no part of its opening.
    assert "volcano" not in lead and "september" not in lead and "gmt" not in lead
    assert {"lava", "reached", "village", "wordaa"} <= set(lead) and len(lead) == LEAD_WORDS
    assert "wordba" in lead and "wordbb" not in lead  # 30 content words: lava, reached, village and 27 more
    assert ClusterDoc.from_bytes(doc.to_bytes()) == doc
    # Features stored before leads were kept read back without one.
    old = json.loads(doc.to_bytes())
    del old["a"]
    assert ClusterDoc.from_bytes(json.dumps(old).encode()).lead == ()


def test_reports_that_open_alike_are_likelier_one_story() -> None:
    # Two look-alike pairs, the same topic words and names; one pair also opens with the same facts.
    a = _member("a", {"patch": 0.6, "browser": 0.8}, {"microsoft": 0.6, "verisign": 0.8}, None)
    b = _member("b", {"patch": 0.6, "flaw": 0.8}, {"microsoft": 0.6, "childs": 0.8}, None)
    c = _member("c", dict(b.body), dict(b.names), None)
    a.lead.update({"emergency": 0.8, "hijack": 0.6})
    b.lead.update({"emergency": 0.6, "hijack": 0.8})
    c.lead.update({"zero": 0.8, "versions": 0.6})
    assert pair_features(a, b)[-1] == pytest.approx(0.96) and pair_features(a, c)[-1] == 0.0
    assert pair_prob(a, b) > pair_prob(a, c) + 0.2
    # Across languages the leads' words cannot match, nor without a text after the title: the model fitted
    # without the lead decides, from what the two members do show (a missing lead is no evidence of two stories).
    a.lang, b.lang, c.lang = "en", "de", "de"
    assert not leads_compare(a, b) and pair_features(a, b)[-1] == 0.0
    assert pair_prob(a, b) == pair_prob(a, c) == pair_prob(a, b, PAIR_WEIGHTS_NO_LEAD, PAIR_WEIGHTS_NO_LEAD)
    title_only = _member("t", dict(b.body), dict(b.names), None)
    a.lang = b.lang = title_only.lang = None
    assert leads_compare(a, b) and not leads_compare(a, title_only)
    assert pair_prob(a, title_only) == pair_prob(a, title_only, PAIR_WEIGHTS_NO_LEAD, PAIR_WEIGHTS_NO_LEAD)
    assert pair_prob(a, c) < pair_prob(a, title_only) < pair_prob(a, b)


def test_vector_words_are_one_string_across_articles_and_restored_states(settings: Settings) -> None:
    # Features arrive from worker processes, each with strings of its own (as from_bytes makes them here); story
    # members and centroids keep their words for as long as a story is in memory, so each word is kept once.
    docs = [
        ClusterDoc.from_bytes(
            featurize(
                _article(k, "Volcano erupts", "The volcano erupted near the village."), settings
            ).to_bytes()
        )
        for k in ("a", "b")
    ]
    assert next(t for t, _ in docs[0].terms if t == "volcano") is not next(
        t for t, _ in docs[1].terms if t == "volcano"
    )
    index = StoryIndex(settings)
    for doc in docs:
        index._count(doc)
    first, second = (index.vectors(d) for d in docs)
    for a, b, word in ((first.body, second.body, "volcano"), (first.lead, second.lead, "village")):
        assert next(t for t in a if t == word) is next(t for t in b if t == word)
    assert next(t for t in first.title if t == "volcano") is next(t for t in first.body if t == "volcano")
    placed = index.place(docs[0])
    story = _Story.from_bytes(placed.story_id, index.story_state(placed.story_id))
    restored = next(t for t in story.fields["body"].vec if t == "volcano")
    assert restored is next(t for t in first.body if t == "volcano")


def test_captions_count_for_names(settings: Settings) -> None:
    art = Article(
        key="c",
        location="c",
        fmt="jsonl",
        raw="",
        text="The minister spoke today.",
        title="Talks",
        removed=(Removed("Photo: Angela Merkel arrives at the summit.", "caption", "rule"),),
    )
    assert "angela merkel" in dict(featurize(art, settings).names)


def test_restore_gives_same_placements(settings: Settings) -> None:
    docs = [d for _, d in _topic_docs(settings, 40)]
    whole = StoryIndex(settings)
    expected = [whole.place(d) for d in docs]
    first = StoryIndex(settings)
    for d in docs[:20]:
        first.place(d)
    states = {sid: first.story_state(sid) for sid in first.dirty()}
    stats = first.stats_state()
    reopened = StoryIndex(settings)
    reopened.restore_stats(stats)
    for sid, state in states.items():
        reopened.restore(sid, state)
    assert [reopened.place(d) for d in docs[20:]] == expected[20:]


def test_dirty_tracks_changes(settings: Settings) -> None:
    docs = [d for _, d in _topic_docs(settings, 6)]
    index = StoryIndex(settings)
    placement = index.place(docs[0])
    assert index.dirty() == {placement.story_id}
    index.clear_dirty()
    assert index.dirty() == set()


def test_merged_ids_resolve(settings: Settings) -> None:
    index = StoryIndex(settings)
    a = index.place(
        featurize(_article("a", "Volcano erupts", "Volcano Hekla erupts in Iceland, ash cloud."), settings)
    )
    b = index.place(
        featurize(_article("b", "Bank raises rates", "Central bank raises rates again."), settings)
    )
    keep, gone = index._stories[a.story_id], index._stories[b.story_id]
    index._merge(keep, gone)
    assert index.resolve(b.story_id) == a.story_id
    assert index.story_state(b.story_id) == index.story_state(a.story_id)
    assert b.story_id not in index.dirty()
    assert _Story.from_bytes(a.story_id, index.story_state(a.story_id)).size == 2


def test_seeds_fold_into_one_story_and_others_stay_apart(settings: Settings, shared_seeds: Path) -> None:
    seeds = [
        json.loads(line) for line in (shared_seeds / "seeds.jsonl").read_text("utf-8").splitlines() if line
    ]
    others = [d for _, d in _topic_docs(settings, 12)]
    index = StoryIndex(settings)
    seed_stories = set()
    other_stories = set()
    for i, raw in enumerate(seeds):
        art = _article(
            raw["id"], raw.get("title") or "", raw["text"], raw.get("published"), raw.get("lang", "en")
        )
        seed_stories.add(index.place(featurize(art, settings)).story_id)
        for doc in others[i * 2 : i * 2 + 2]:
            other_stories.add(index.place(doc).story_id)
    for doc in others[10:]:
        other_stories.add(index.place(doc).story_id)
    seed_stories = {index.resolve(s) for s in seed_stories}
    other_stories = {index.resolve(s) for s in other_stories}
    assert len(seed_stories) == 1
    assert not seed_stories & other_stories


@pytest.mark.parametrize(
    ("title", "text"), [("", ""), ("Only a title here", ""), ("", "   \n  "), ("!!", "42")]
)
def test_empty_articles_get_a_story(settings: Settings, title: str, text: str) -> None:
    index = StoryIndex(settings)
    for d in [d for _, d in _topic_docs(settings, 5)]:
        index.place(d)
    placement = index.place(featurize(_article("empty", title, text), settings))
    assert placement.story_id
    assert index.resolve(placement.story_id) in {index.resolve(s) for s in [placement.story_id]}


@pytest.mark.parametrize("published", ["1900-01-01", "2200-05-05", "not a date", "2022-13-45", ""])
def test_absurd_dates_are_ignored(settings: Settings, published: str) -> None:
    assert parse_day(published) is None
    docs = [d for _, d in _topic_docs(settings, 4)]
    index = StoryIndex(settings)
    index.place(docs[0])
    art = _article(
        "odd",
        "Strong earthquake strikes Chile",
        TOPICS["quake"][1].format(place="Chile", n=6, k=40),
        published=published,
    )
    doc = featurize(art, settings)
    assert doc.day is None
    assert ClusterDoc.from_bytes(doc.to_bytes()) == doc
    index.place(doc)  # never crashes, whatever the story's dates


def test_window_keeps_distant_dates_apart(settings: Settings) -> None:
    text = TOPICS["bank"][1].format(place="Tokyo", n=25, k=0)
    index = StoryIndex(settings.replace(cluster_window_days=10))
    a = index.place(featurize(_article("a", "Rates rise", text, "2020-01-01"), settings))
    b = index.place(featurize(_article("b", "Rates rise", text, "2020-01-05"), settings))
    c = index.place(featurize(_article("c", "Rates rise", text, "2023-06-01"), settings))
    assert a.story_id == b.story_id != c.story_id


@hsettings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(TOPICS)), st.integers(0, 99), st.text(max_size=40)),
        min_size=1,
        max_size=25,
    )
)
def test_placements_partition_the_input(items: list[tuple[str, int, str]]) -> None:
    settings = Settings()
    index = StoryIndex(settings)
    placed: dict[str, str] = {}
    for i, (topic, n, noise) in enumerate(items):
        title, text = TOPICS[topic]
        art = _article(f"k{i}", noise + title, text.format(place="Peru", n=n % 9, k=n) + noise)
        placed[art.key] = index.place(featurize(art, settings)).story_id
    final = {k: index.resolve(s) for k, s in placed.items()}
    assert set(final) == {f"k{i}" for i in range(len(items))}
    stories = set(final.values())
    assert all(index.resolve(s) == s for s in stories)  # every final id is a live story
    assert sum(1 for s in stories for k in final if final[k] == s) == len(items)


@pytest.mark.parametrize("part", sorted(ECB_FLOORS))
def test_ecbplus_floor(settings: Settings, shared_data: Path, part: str) -> None:
    arts, gold = gold_articles(shared_data / "ecbplus-dev" / "articles.jsonl")
    ids = sorted(set(gold.values()))
    keep = set(ids[:24] if part == "first" else ids[-24:])
    arts = [a for a in arts if gold[a.key] in keep]
    docs = {a.key: featurize(a, settings) for a in arts}
    f1s = []
    for seed in (None, 1, 2, 3, 4):
        pred = run_index([docs[a.key] for a in shuffled(arts, seed)], settings)
        f1s.append(cluster_scores(pred, gold)["bcubed_f1"])
    assert min(f1s) >= ECB_FLOORS[part], f1s


def test_date_line_is_read_from_the_head_only(settings: Settings) -> None:
    body = TOPICS["quake"][1].format(place="Chile", n=6, k=40)
    dated = featurize(_article("d", "Strong earthquake strikes Chile", f"Nov 28, 2005\n{body}"), settings)
    assert dated.cdate == (2005, 11) and ClusterDoc.from_bytes(dated.to_bytes()) == dated
    late = featurize(_article("l", "Quake", f"{body * 6}\nIt recalled the quake of March 2001."), settings)
    assert late.cdate is None and ("y2001", 1) in late.nums


def _two_events(settings: Settings) -> list[ClusterDoc]:
    """Two look-alike stories (same matter, different people, places and years), interleaved."""
    a = (
        "Actress {p} checks into rehab",
        "{p}, the actress, checked into a rehab clinic in {c} in {y}, her publicist {q} said. "
        "{p} entered the {c} facility after a court hearing; {q} asked for privacy for {p}.",
    )
    fills = [
        {"p": "Lindsay Lohan", "q": "Steve Honig", "c": "Malibu", "y": 2007},
        {"p": "Tara Reid", "q": "Jack Ketsoyan", "c": "Promises", "y": 2012},
    ]
    out = []
    for i in range(10):
        f = fills[0] if i < 2 or i % 2 else fills[1]
        out.append(featurize(_article(f"r{i}", a[0].format(**f), a[1].format(**f)), settings))
    return out


def test_split_moves_earlier_articles_and_round_trips(settings: Settings) -> None:
    import newsfold.cluster as cl

    docs = _two_events(settings)
    index = StoryIndex(settings)
    placed: dict[str, str] = {}
    moved: list[tuple[str, str]] = []
    for i, doc in enumerate(docs):
        if i in (2, 4):  # an early wrong join: the second person's first reports go to the first's story
            index._count(doc)
            sid = placed["r0"]
            index._add(index._stories[sid], doc, index.vectors(doc))
            placed[doc.key] = sid
            continue
        p = index.place(doc)
        moved.extend(p.moved)
        placed.update(p.moved)
        placed[doc.key] = p.story_id
    final = {k: index.resolve(s) for k, s in placed.items()}
    gold = {d.key: ("a" if i < 2 or i % 2 else "b") for i, d in enumerate(docs)}
    # The split takes them out again: earlier articles are reported as moved, and every story ends clean.
    assert {"r2", "r4"} <= {k for k, _ in moved}
    assert cluster_scores(final, gold)["bcubed_f1"] == 1.0
    for sid in set(final.values()):
        state = index.story_state(sid)
        again = StoryIndex(settings)
        again.restore(sid, state)
        assert again.story_state(sid) == state
        assert len(_Story.from_bytes(sid, state).members) <= cl.MEMBER_CAP


def test_fragment_rejoins_its_story_and_look_alike_stays_apart(settings: Settings) -> None:
    docs = _two_events(settings)  # r0, r1, r3, r5, r7, r9: event a; r2, r4, r6, r8: event b
    index = StoryIndex(settings)
    big = index.place(docs[0]).story_id
    for i in (1, 3, 5, 7):
        index.place(docs[i])
    for i in (2, 4, 6, 8):
        index.place(docs[i])
    assert index.resolve(index.place(docs[1]).story_id) == index.resolve(big)
    # A late report of event a that started a story of its own (as an arrival order can leave it) ...
    from newsfold.cluster.model import _Story

    frag = _Story(sid="fragment")
    index._count(docs[9])
    index._add(frag, docs[9], index.vectors(docs[9]))
    # ... is re-attached by the periodic check; a look-alike fragment of event b is not taken by event a.
    assert index._check_fragment("fragment") == (("fragment", index.resolve(big)),)
    assert index.resolve("fragment") == index.resolve(big)
    other = _Story(sid="other")
    index._count(docs[8])
    index._add(other, docs[8], index.vectors(docs[8]))
    merged = index._check_fragment("other")
    assert all(keep != index.resolve(big) for _, keep in merged)


def _member(
    key: str, body: dict[str, float], names: dict[str, float], cdate: tuple[int, int] | None
) -> _Member:
    return _Member(key, 0, body, {}, names, {}, cdate, frozenset(), None)


def test_a_shared_month_alone_is_no_evidence() -> None:
    # Two unrelated articles of one month (a rehab check-in, an obituary): the month must not make them alike.
    rehab = _member("a", {"rehab": 0.8, "court": 0.6}, {"lohan": 1.0}, (2013, 5))
    obituary = _member("b", {"swimmer": 0.8, "died": 0.6}, {"williams": 1.0}, (2013, 6))
    assert pair_features(rehab, obituary)[5] == 0.0
    # ... they are as alike as two undated articles that share nothing
    assert pair_prob(rehab, obituary) == pair_prob(_member("x", rehab.body, rehab.names, None), obituary)
    # Between related articles the same month still counts.
    again = _member("c", {"rehab": 0.6, "court": 0.8}, {"lohan": 1.0}, (2013, 5))
    assert pair_features(rehab, again)[5] == 1.0
    undated = _member("d", {"rehab": 0.6, "court": 0.8}, {"lohan": 1.0}, None)
    assert pair_prob(rehab, again) > pair_prob(rehab, undated)


def test_names_overlap_is_a_pair_feature() -> None:
    a = _member("a", {"quake": 1.0}, {"chile": 0.8, "santiago": 0.6}, None)
    b = _member("b", {"quake": 1.0}, {"chile": 0.6, "santiago": 0.8}, None)
    c = _member("c", {"quake": 1.0}, {"peru": 0.8, "lima": 0.6}, None)
    assert pair_features(a, b)[8] == 1.0 and pair_features(a, c)[8] == 0.0
    assert len(pair_features(a, b)) == len(PAIR_WEIGHTS)
    assert pair_prob(a, b) > pair_prob(a, c)


def test_join_ignores_a_shared_month_without_shared_content(settings: Settings) -> None:
    index = StoryIndex(settings)
    story = _Story(sid="s")
    quake = _article(
        "q",
        "Strong earthquake strikes Chile",
        "March 3, 2010\n" + TOPICS["quake"][1].format(place="Chile", n=8, k=40),
    )
    bank = _article(
        "b", "Central bank raises rates", "March 4, 2010\n" + TOPICS["bank"][1].format(place="Tokyo", n=25)
    )
    for art in (quake, bank):
        index._count(featurize(art, settings))
    doc = featurize(quake, settings)
    index._add(story, doc, index.vectors(doc))
    other = featurize(bank, settings)
    assert other.cdate == doc.cdate == (2010, 3)
    feats = features(index.vectors(other), story)
    assert feats[9] == 0.0  # the shared month, times a similarity of zero


def _two_stories_with_outliers(rng: random.Random) -> tuple[list[list[float]], list[int]]:
    """Pair probabilities of two look-alike stories' members (alike within, middling across), some outliers."""
    na, nb = rng.randint(4, 14), rng.randint(3, 10)
    labels = [0] * na + [1] * nb
    n = na + nb
    outliers = {rng.randrange(n) for _ in range(rng.randint(0, 2))}
    prob = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            p = rng.uniform(0.75, 1.0) if labels[i] == labels[j] else rng.uniform(0.45, 0.7)
            if i in outliers or j in outliers:
                p *= rng.uniform(0.2, 0.6)
            prob[i][j] = prob[j][i] = p
    return prob, labels


def test_second_start_separates_look_alike_members_more_often() -> None:
    # Groups grown from the least-alike pair alone often start from an outlier and mix the two stories.
    pure = {}
    for starts in (1, 2):
        rng = random.Random(5)
        pure[starts] = 0
        for _ in range(300):
            prob, labels = _two_stories_with_outliers(rng)
            groups, cross = partition(prob, starts=starts)
            assert sorted(i for g in groups for i in g) == list(range(len(labels)))
            assert 0.0 <= cross <= 1.0
            pure[starts] += min(map(len, groups)) >= 2 and all(
                len({labels[i] for i in g}) == 1 for g in groups
            )
    assert pure[2] > pure[1] + 5, pure


def _topic_doc(key: str, topic: int) -> ClusterDoc:
    words = (f"alpha{topic}", f"beta{topic}", f"gamma{topic}", f"delta{topic}")
    return ClusterDoc(
        key=key,
        day=None,
        terms=tuple((w, 3) for w in words),
        title=words[:2],
        names=((f"person{topic}", 2), (f"place{topic}", 1)),
    )


@pytest.mark.parametrize("saved", [True, False])
def test_a_story_that_left_memory_is_brought_back(saved: bool) -> None:
    # 150 topics through an index that keeps 100 stories in memory: the first topics leave memory. An article on
    # topic 0 must still join topic 0's story, read back from the store (saved states) or, when the store has not
    # saved it yet, from the index's own copy of the evicted state.
    store: dict[str, bytes] = {}
    index = StoryIndex(Settings(hot_stories=100), loader=store.get)
    first = index.place(_topic_doc("t0-a", 0)).story_id
    if saved:
        for sid in index.dirty():
            store[sid] = index.story_state(sid)
        index.clear_dirty()
    for topic in range(1, 150):
        index.place(_topic_doc(f"t{topic}-a", topic))
    assert first not in index._stories  # it left memory
    assert index.place(_topic_doc("t0-b", 0)).story_id == first
    assert first in index._stories and len(index._stories) <= 100
    # Without a loader, a story that left memory cannot be found again (the old behaviour).
    plain = StoryIndex(Settings(hot_stories=100))
    lost = plain.place(_topic_doc("t0-a", 0)).story_id
    for topic in range(1, 150):
        plain.place(_topic_doc(f"t{topic}-a", topic))
    assert plain.place(_topic_doc("t0-b", 0)).story_id != lost


@given(
    st.lists(st.sampled_from(["quake", "@kish", "#120", "rescue", "iran", "never-seen"]), max_size=12),
    st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=8),
)
@hsettings(max_examples=60, deadline=None)
def test_batched_idf_and_tf_values_are_the_single_ones(keys: list[str], counts: list[int]) -> None:
    # TermStats._idfs computes cache misses in one batch and model._tf looks up precomputed values: both must give
    # exactly the floats of the one-at-a-time forms, repeats and counts past the table included.
    doc = ClusterDoc(
        key="k", day=None, terms=(("quake", 3), ("rescue", 1)), names=(("kish", 2),), nums=(("120", 1),)
    )
    batched, single = TermStats(), TermStats()
    for stats in (batched, single):
        for _ in range(3):
            stats.count(doc)
    batched._idfs(keys[:2])  # a partly warm cache
    assert batched._idfs(keys) == [single._idf(k) for k in keys]
    pairs = tuple((f"t{i}", c) for i, c in enumerate(counts))
    assert _tf(pairs) == [1.0 + math.log(c) for c in counts]


def test_a_full_pair_cache_changes_no_placement(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The member pair cache only saves work: dropping its older half when full gives the same stories."""
    import newsfold.cluster.index as index_module

    docs = [d for _, d in _topic_docs(settings, 60)]
    expected = run_index(docs, settings)
    monkeypatch.setattr(index_module, "PAIR_CACHE", 8)
    index = StoryIndex(settings)
    placed: dict[str, str] = {}
    for doc in docs:
        placement = index.place(doc)
        placed.update(placement.moved)
        placed[doc.key] = placement.story_id
        assert len(index._pairs) <= 8  # bounded
    assert {k: index.resolve(s) for k, s in placed.items()} == expected


def test_stored_state_is_binary_and_the_json_form_still_reads(settings: Settings) -> None:
    """A story's state is stored packed (term vectors as keys and float64 weights) and restores to the same story;
    states stored as plain JSON, as before, restore the same; a key holding the separator falls back to JSON."""
    index = StoryIndex(settings)
    placed = [index.place(doc) for _, doc in _topic_docs(settings, 20)]
    sid = index.resolve(placed[-1].story_id)
    state = index.story_state(sid)
    assert state.startswith(STATE_MAGIC)
    logical = index._stories[sid].to_json()
    assert _Story.from_bytes(sid, state).to_json() == logical
    as_json = json.dumps(logical, separators=(",", ":")).encode("utf-8")
    assert len(state) < len(as_json)
    for stored in (state, as_json):
        again = StoryIndex(settings)
        again.restore(sid, stored)
        assert again.story_state(sid) == state  # the same story, written back packed
    # A state written before members kept their lead (version 2: four vectors per member) reads with empty leads.
    story = _Story.from_bytes(sid, state)
    for m in story.members:
        m.lead.clear()
    packed = story.to_bytes()
    head_len, keys_len = struct.unpack_from("<II", packed, len(STATE_MAGIC))
    at = len(STATE_MAGIC) + 8
    head = json.loads(packed[at : at + head_len])
    assert head["v"] == 3
    lens = head["lens"]
    head["v"], head["lens"] = 2, lens[:4] + [n for i, n in enumerate(lens[4:]) if i % MEMBER_VECS != 4]
    raw = json.dumps(head, separators=(",", ":")).encode("utf-8")
    v2 = STATE_MAGIC + struct.pack("<II", len(raw), keys_len) + raw + packed[at + head_len :]
    assert _Story.from_bytes(sid, v2).to_json() == story.to_json()
    odd = _Story.from_bytes(sid, state)
    odd.fields["names"].vec["a\x00b"] = 0.5
    fallback = odd.to_bytes()
    assert fallback.startswith(b"{") and _Story.from_bytes(sid, fallback).fields["names"].vec["a\x00b"] == 0.5


def _passing_doc(key: str, topic: int, also: range = range(0)) -> ClusterDoc:
    """An article on one topic (its own words and names), mentioning in passing one word of each ``also`` topic."""
    own = tuple((f"t{topic}w{j}", 4) for j in range(8))
    return ClusterDoc(
        key=key,
        day=None,
        terms=own + tuple((f"t{other}w0", 1) for other in also if other != topic),
        title=(f"t{topic}w0", f"t{topic}w1"),
        names=((f"person{topic}", 3), (f"town{topic}", 2)),
    )


def test_candidates_brought_back_from_the_store_do_not_push_each_other_out() -> None:
    """Cold candidate stories an article brings back from the store must not evict one another before it is
    placed: the best of them was evicted by the next one's return, and joining it failed (KeyError)."""
    store: dict[str, bytes] = {}
    index = StoryIndex(Settings(hot_stories=100), loader=store.get)
    sids = [index.place(_passing_doc(f"a{i}", i)).story_id for i in range(12)]
    assert len(set(sids)) == 12
    for sid in index.dirty():
        store[sid] = index.story_state(sid)
    index.clear_dirty()
    index.hot = 2  # far fewer stories in memory than an article's candidates
    index._evict()
    assert len(index._stories) == 2
    for i in range(12):
        placement = index.place(_passing_doc(f"b{i}", i, also=range(12)))
        assert placement.story_id == sids[i]  # it joined its own story, brought back from the store
        assert len(index._stories) <= 2
