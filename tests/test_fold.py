"""The fold of the five seed reports: contract shape, merged names, verbatim quotes, valid citations."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from builders import text_article
from newsfold.models import Article, Removed
from newsfold.sentences import split_sentences
from newsfold.story.align import stems
from newsfold.story.fold import StoryInput, fold_sample, fold_story
from newsfold.story.quotes import verbatim_key
from newsfold.story.summary import has_finite_verb, is_dateline, sentence_words
from newsfold.temporal import find_dates, parse_published

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"}


def _is_boilerplate(line: str, title: str) -> str | None:
    """Fixture-only cleaner (the real one is clean.py): the kinds of line a cleaner takes out of the seeds."""
    if " – " in line and "/" in line and not line.endswith("."):
        return "credit"  # "Name – AGENCY / AGENCY"
    short = len(line.split()) < 4 and not line.endswith(".")
    if short or line == title or line.startswith(("+", "©", "See also")) or line.count("Star ") > 2:
        return "boilerplate"
    return None


def _seed_articles(seeds: Path) -> list[Article]:
    out = []
    for raw in (seeds / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(raw)
        keep, removed = [], []
        for line in d["text"].split("\n"):
            t = line.strip()
            kind = _is_boilerplate(t, d["title"]) if t else None
            if kind:
                removed.append(Removed(t, kind, "fixture"))
            else:
                keep.append(t)
        text = "\n".join(keep).strip()
        out.append(
            Article(
                key=d["id"],
                location="seeds",
                fmt="jsonl",
                raw=raw,
                text=text,
                title=d["title"],
                outlet=d.get("source"),
                published=d.get("published"),
                lang="en",
                removed=tuple(removed),
            )
        )
    return out


@dataclass(frozen=True)
class _Entry:
    date: str
    text: str
    articles: tuple[str, ...]


@pytest.fixture(scope="module")
def seeds_fold() -> tuple[list[Article], dict[str, Any]]:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not present")
    arts = _seed_articles(seeds)
    story = StoryInput(tuple(arts), {}, {"TASS": None})
    return arts, fold_story(story, timeline=lambda a, **_: [_Entry("2022-02-17", "Reply sent.", (a[0].key,))])


def _states(article: Article, text: str) -> bool:
    """Independent check: a sentence or two adjacent ones of the article hold most of the text's content."""
    mine = stems(text, "en")
    sents = [stems(s.text, "en") for s in split_sentences(article.text, "en")]
    windows = sents + [a | b for a, b in itertools.pairwise(sents)]
    return any(len(mine & w) >= 0.6 * len(mine) for w in windows)


# Independent check for a citation made by the event path (events.link_events): the test's own small lexicon,
# not the module's tables. The line and the cited sentence both name the sending of a reply (receiving counts:
# it is the same event seen from the other side), both parties of this story, and share an event date (the
# dates each states, resolved against its own article's publish date, else that publish day).
_SEND = re.compile(r"\b(?:send|sent|submit\w*|deliver\w*|hand\w*|forward\w*|receiv\w*)\b", re.IGNORECASE)
_REPLY = re.compile(r"\b(?:repl\w+|respon\w+|answer\w*)\b", re.IGNORECASE)
_PARTIES = (r"\b(?:Russia\w*|Moscow)\b", r"\b(?:United States|US|U\.S\.|Washington|American)\b")


def _event_days(text: str, published: str | None) -> set[str]:
    """The days a sentence says the reply was sent on; empty when it does not say so."""
    if not (_SEND.search(text) and _REPLY.search(text) and all(re.search(p, text) for p in _PARTIES)):
        return set()
    days = {d.value for d in find_dates(text, published=parse_published(published), lang="en")}
    return days or {(published or "")[:10]}


def _states_event(arts: list[Article], article: Article, text: str) -> bool:
    source = next(a for a in arts if text in a.text)
    want = _event_days(text, source.published)
    return bool(want) and any(
        want & _event_days(s.text, article.published) for s in split_sentences(article.text, "en")
    )


def test_contract_shape(seeds_fold: tuple[list[Article], dict[str, Any]]) -> None:
    arts, out = seeds_fold
    keys = {a.key for a in arts}
    assert set(out) == {"summary", "timeline", "entities", "quotes", "coverage"}
    assert out["timeline"] == [{"date": "2022-02-17", "text": "Reply sent.", "articles": [arts[0].key]}]
    assert 3 <= len(out["summary"]) <= 10
    for line in [*out["summary"], *out["coverage"]["facts"], *out["quotes"], *out["entities"]]:
        assert line["articles"] and set(line["articles"]) <= keys
    for e in out["entities"]:
        assert set(e) == {"name", "type", "variants", "articles"} and e["type"] in TYPES
    for q in out["quotes"]:
        assert set(q) == {"speaker", "text", "exact", "articles"} and isinstance(q["exact"], bool)
    ids = [f["id"] for f in out["coverage"]["facts"]]
    assert ids == [f"f{n}" for n in range(1, len(ids) + 1)]
    outlets = out["coverage"]["outlets"]
    assert {o["name"] for o in outlets} >= {"UNI", "TASS", "Afrasianet", "Lodi Valley News"}
    for o in outlets:
        assert set(o) == {"name", "country", "type", "articles", "reports", "only_here", "left_out"}
        assert set(o["reports"]) | set(o["left_out"]) <= set(ids)
    json.dumps(out)


def test_every_citation_states_the_line(seeds_fold: tuple[list[Article], dict[str, Any]]) -> None:
    arts, out = seeds_fold
    by_key = {a.key: a for a in arts}
    events = 0
    for line in [*out["summary"], *out["coverage"]["facts"]]:
        for key in line["articles"]:
            by_words = _states(by_key[key], line["text"])
            assert by_words or _states_event(arts, by_key[key], line["text"]), (key, line["text"])
            events += not by_words
    # The central fact (a summary line and a fact) cites the report that words it from the receiving side.
    assert events >= 2
    for line in out["summary"]:
        assert "min read" not in line["text"] and "POOL" not in line["text"]


def test_names_merged(seeds_fold: tuple[list[Article], dict[str, Any]]) -> None:
    _, out = seeds_fold
    ents = out["entities"]

    def owner(variant: str) -> dict[str, Any]:
        return next(e for e in ents if variant in e["variants"])

    assert owner("Sergey Lavrov") is owner("Sergei Lavrov") is owner("Lavrov")
    assert owner("Sergey Lavrov")["type"] == "PERSON" and len(owner("Lavrov")["articles"]) >= 4
    blinken = owner("Antony Blinken")
    assert blinken is owner("Anthony Blinken") is owner("Anthony Blingen")
    assert owner("NATO") is owner("North Atlantic Treaty Organization")
    for name in ("John Sullivan", "Luigi Di Maio", "Vladimir Putin"):
        assert owner(name)["type"] == "PERSON"
    assert owner("Vladimir Putin") is not blinken


def test_quotes_verbatim_and_attributed(seeds_fold: tuple[list[Article], dict[str, Any]]) -> None:
    arts, out = seeds_fold
    by_key = {a.key: verbatim_key(a.text) for a in arts}
    names = {e["name"] for e in out["entities"]}
    speakers = {q["speaker"] for q in out["quotes"]}
    lavrov = next(e["name"] for e in out["entities"] if "Lavrov" in e["variants"])
    assert lavrov in speakers
    assert any("Ministry" in (s or "") for s in speakers)
    for q in out["quotes"]:
        assert q["speaker"] in names  # every speaker here is a named entity of the story
        if q["exact"]:
            for key in q["articles"]:
                assert verbatim_key(q["text"]) in by_key[key]
    we_will = next(
        q for q in out["quotes"] if q["text"].startswith("We will, certainly, make this letter public")
    )
    assert we_will["speaker"] == lavrov and we_will["exact"]
    assert "information space" in we_will["text"]  # the quote runs on into the next paragraph


def test_no_citation_to_an_article_that_does_not_state_it() -> None:
    """A distractor on the same topic, with the same names, is never cited for the main fact."""

    def art(key: str, text: str, outlet: str) -> Article:
        return Article(
            key=key, location=key, fmt="text", raw=text, text=text, title=key, outlet=outlet, lang="en"
        )

    fact = "Russia handed its written reply on security guarantees to the US ambassador John Sullivan on Thursday."
    arts = (
        art("a", fact + " The reply runs to ten pages and will be published.", "A"),
        art(
            "b",
            "On Thursday Russia gave the US ambassador John Sullivan its written reply on security guarantees.",
            "B",
        ),
        art(
            "c",
            "Russia and the US discussed security guarantees in Geneva last month without an agreement.",
            "C",
        ),
    )
    out = fold_story(StoryInput(arts, {}, {}), use_model=False)
    for line in [*out["summary"], *out["coverage"]["facts"]]:
        if "Sullivan" in line["text"]:
            assert "c" not in line["articles"]
            assert {"a", "b"} <= set(line["articles"])
    assert "timeline" not in out


def test_seed_fold_reads_as_the_story(seeds_fold: tuple[list[Article], dict[str, Any]]) -> None:
    _, out = seeds_fold

    for line in [*out["summary"], *out["coverage"]["facts"]]:
        assert not is_dateline(line["text"])
        assert has_finite_verb(sentence_words(line["text"]), "en"), line["text"]
    # A warning worded differently by two outlets is one (paraphrased) statement citing both.
    warn = [q for q in out["quotes"] if "military" in q["text"] and "respond" in q["text"]]
    assert len(warn) == 1 and len(warn[0]["articles"]) == 2 and not warn[0]["exact"]
    # "Russia called "..."": an appeal verb before the quote names the speaker.
    appeal = next(q for q in out["quotes"] if "return to the implementation" in q["text"])
    assert appeal["speaker"] is not None
    # A ministry's long and short names, tied by the article that uses both, are one entity.
    ministry = next(e for e in out["entities"] if "Russian Foreign Ministry" in e["variants"])
    assert "Ministry of Foreign Affairs" in ministry["variants"]
    facts = out["coverage"]["facts"]
    assert sum(len(f["articles"]) >= 2 for f in facts) >= 2
    # Shared words are not a shared claim (story.claims): TASS's "The United States has promised ... will provide
    # its replies this week" is not stated by UNI's "In late January, the US and NATO provided ... written
    # responses" (a promise, not its keeping), nor "Last December, Russia submitted two draft agreements" by
    # Afrasianet, which names no December.
    for line in [*out["summary"], *facts]:
        if line["text"].startswith("The United States has promised"):
            assert line["articles"] == ["002_174bf8bf5535ab25"]
        if line["text"].startswith("Last December"):
            assert "003_0e43735446c24b91" not in line["articles"]
    # The reply, worded differently by four outlets, is two facts: its announced sending (the two reports written
    # before the handover: "will send ... today", Lavrov's words) and its delivery (the two written after it: "had
    # delivered", "had received"). The reports of the delivery do not state Lavrov's announcement (they do not name
    # him), and the announcement does not state that the reply arrived; TASS, of January, reports neither.
    sending = next(f for f in facts if "will send" in f["text"])
    delivery = next(f for f in facts if "had delivered" in f["text"] or "had received" in f["text"])
    assert set(sending["articles"]) == {"000_cc19f5d33552ad64", "001_3e7c520cc69bc824"}
    assert set(delivery["articles"]) == {"003_0e43735446c24b91", "004_701a67432a6c2fcc"}
    tass = next(o for o in out["coverage"]["outlets"] if o["name"] == "TASS")
    assert sending["id"] not in tass["reports"] and delivery["id"] not in tass["reports"]
    assert sum(len(s["articles"]) >= 2 for s in out["summary"]) >= 3


def _report(i: int, outlet: str, day: int) -> Article:
    text = (
        f"Report {i}: the council met on budget item {i} in the capital and approved it after a long debate. "
        "The mayor said the vote would cut waiting times at the city's hospitals."
    )
    return Article(
        key=f"k{i:03d}",
        location=f"k{i:03d}",
        fmt="text",
        raw=text,
        text=text,
        title=f"Council vote {i}",
        lang="en",
        outlet=outlet,
        published=f"2024-03-{day:02d}",
    )


def test_a_large_story_is_folded_from_every_outlet_and_its_whole_time_line() -> None:
    arts = [_report(i, "Big Daily" if i % 10 else f"Small {i}", 1 + i // 5) for i in range(140)]
    copies = {"k001": "k000", "k002": "k000"}
    sample = fold_sample(arts, copies, limit=40)
    keys = {a.key for a in sample}
    originals = [k for k in keys if k not in copies]
    assert len(originals) == 40
    assert {a.outlet for a in sample} == {a.outlet for a in arts}  # every outlet, however small
    assert {"k000", "k139"} <= keys  # the first and the last report
    assert {"k001", "k002"} <= keys  # copies come with their original
    assert [a.key for a in sample] == [a.key for a in arts if a.key in keys]  # arrival order kept
    assert fold_sample(arts[:30], copies, limit=40) == tuple(arts[:30])  # a small story is read whole

    out = fold_story(StoryInput(tuple(arts), copies, {}), use_model=False, max_articles=40)
    assert out["folded"] == {"originals": 40, "of": 138}
    cited = {k for s in out["summary"] for k in s["articles"]}
    assert cited and cited <= keys
    small = fold_story(StoryInput(tuple(arts[:20]), {}, {}), use_model=False, max_articles=40)
    assert "folded" not in small


def test_an_article_past_the_sentence_budget_is_folded_from_its_start_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsfold.story.align as align_module

    monkeypatch.setattr(align_module, "MAX_UNITS", 50)
    long = " ".join(
        f"The council debated item number {n} of the city budget for an hour." for n in range(120)
    )
    arts = (
        _report(0, "Big Daily", 1),
        _report(1, "Other Daily", 1),
        text_article("long", long, outlet="Gazette"),
    )
    out = fold_story(StoryInput(arts, {}, {}), use_model=False)
    assert out["folded"]["sentences"] == 50 and out["folded"]["sentences_of"] > 120
    assert out["folded"]["originals"] == out["folded"]["of"] == 3  # every report was read, not all of one
    from newsfold.render import story_markdown

    page = story_markdown({**out, "id": "x", "title": "t", "articles": []})
    assert "Summary and coverage read 50 of its" in page and "Folded from" not in page


def test_a_timeline_entry_of_a_plan_and_one_of_its_being_done_are_two_each_cited_by_its_report() -> None:
    from newsfold.story.timeline import story_timeline

    plan = (
        "Russian Foreign Minister Sergei Lavrov announced that his country will send to the United States on "
        "Thursday Moscow's response to Washington's proposals on security guarantees."
    )
    done = (
        "The United States announced on Thursday that it had received a written response from Russia to its "
        "proposals for security talks in Europe."
    )
    arts = (
        text_article("plan", plan, outlet="UNI", published="2022-02-17"),
        text_article("done", done, outlet="AFP", published="2022-02-17"),
    )
    out = fold_story(StoryInput(arts, {}, {}), use_model=False, timeline=story_timeline)
    assert sorted((e["text"][:10], e["articles"]) for e in out["timeline"] if e["date"] == "2022-02-17") == [
        ("Russian Fo", ["plan"]),
        ("The United", ["done"]),
    ]


def test_a_clock_time_and_a_closing_quote_do_not_break_sentences_wrongly() -> None:
    def texts(text: str) -> list[str]:
        found = split_sentences(text, "en")
        assert all(text[s.start : s.end] == s.text for s in found)
        return [s.text for s in found]

    assert texts("Firefighters were called about 9:40 p.m. Friday and found flames, the chief said.") == [
        "Firefighters were called about 9:40 p.m. Friday and found flames, the chief said."
    ]
    assert texts("It starts at 8 p.m. ET on Monday.") == ["It starts at 8 p.m. ET on Monday."]
    assert texts("He arrived at 5 p.m. The next day he left.") == [
        "He arrived at 5 p.m.",
        "The next day he left.",
    ]
    # the quote opened in an earlier paragraph closes here: its mark ends this sentence, not opens the next
    assert texts('This is still an absolute necessity for us." Russia warned: "Without it we act."') == [
        'This is still an absolute necessity for us."',
        'Russia warned: "Without it we act."',
    ]
