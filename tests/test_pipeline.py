"""End-to-end ingest through the library: real readers, cleaning, dedup, clustering, real SQLite."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from builders import count_story_state_reads
from newsfold.pipeline import ingest
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store import queries as q

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "seeds"
SEED_KEYS = {
    "000_cc19f5d33552ad64",
    "001_3e7c520cc69bc824",
    "002_174bf8bf5535ab25",
    "003_0e43735446c24b91",
    "004_701a67432a6c2fcc",
}
QUAKE = (
    "A powerful earthquake struck the southern Iranian island of Qeshm on Sunday, killing at least ten people "
    "and injuring dozens, state television reported. Rescue teams handed out tents and blankets to villagers "
    "who spent the night outdoors after the tremor, which measured 5.9 and destroyed several villages. "
    "The governor said power had been restored to most of the island by Monday morning."
)


QUAKE_RECORD = {
    "id": "quake-1",
    "title": "Quake kills ten on Iranian island",
    "text": QUAKE,
    "published": "2005-11-28",
}


def _stories(store: Store) -> list[dict]:
    return q.list_stories(store.reader())


def test_seed_folder_folds_into_one_story(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, folder)
    shutil.copy(SAMPLES / "README.md", folder)
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([folder], store, settings)
        assert (counts.taken, counts.quarantined, counts.skipped) == (5, 0, 1)
        stories = _stories(store)
        assert len(stories) == 1
        assert set(stories[0]["articles"]) == SEED_KEYS and stories[0]["size"] == 5
        # plain text names no outlet: a dateline agency, a removed site header or a lead names the known ones
        assert set(stories[0]["outlets"]) == {"UNI", "TASS", "Afrasianet", "Lodi Valley News"}
        assert "All news" not in stories[0]["title"]


def test_seed_jsonl_folds_into_one_story_and_reingest_adds_nothing(
    tmp_path: Path, settings: Settings
) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = ingest([SAMPLES.parent / "seeds.jsonl"], store, settings)
        assert first.taken == 5 and first.stories_new == 1
        stories = _stories(store)
        assert len(stories) == 1 and set(stories[0]["articles"]) == SEED_KEYS
        assert stories[0]["first_published"] == "2022-01-26" and stories[0]["last_published"] == "2022-02-17"
        assert {"UNI", "TASS", "Afrasianet", "Lodi Valley News"} <= set(stories[0]["outlets"])
        again = ingest([SAMPLES.parent / "seeds.jsonl"], store, settings)
        assert (again.taken, again.unchanged, again.quarantined, again.stories_new) == (0, 5, 0, 0)
        assert _stories(store) == stories
        n = store.reader().execute("SELECT count(*) FROM articles").fetchone()[0]
        assert n == 5


def test_new_articles_join_existing_stories_and_unrelated_stay_apart(
    tmp_path: Path, settings: Settings
) -> None:
    lines = (SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    quake = QUAKE_RECORD
    (tmp_path / "second.jsonl").write_text(
        "\n".join([*lines[3:], json.dumps(quake)]) + "\n", encoding="utf-8"
    )
    with Store.open(tmp_path / "s.db") as store:
        ingest([tmp_path / "first.jsonl"], store, settings)
    with Store.open(tmp_path / "s.db") as store:  # a new process: the story index is reloaded from the store
        counts = ingest([tmp_path / "second.jsonl"], store, settings)
        assert counts.taken == 3 and counts.stories_new == 1 and counts.stories_updated == 1
        stories = _stories(store)
        assert len(stories) == 2
        by_size = sorted(stories, key=lambda s: -s["size"])
        assert set(by_size[0]["articles"]) == SEED_KEYS
        assert by_size[1]["articles"] == ["quake-1"]


def test_copies_are_linked_not_dropped(tmp_path: Path, settings: Settings) -> None:
    seed = json.loads((SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[3])
    exact = dict(seed, id="exact-copy", source="Reprint Daily")
    near = dict(
        seed, id="near-copy", text=seed["text"].replace("Russia", "Moscow", 4) + "\nReprinted with thanks."
    )
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in (seed, exact, near)) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings)
        assert counts.taken == 3 and counts.copies == 2
        conn = store.reader()
        assert q.article_json(conn, "exact-copy")["copy_of"] == seed["id"]
        assert q.article_json(conn, "near-copy")["copy_of"] == seed["id"]
        stories = _stories(store)
        assert len(stories) == 1 and stories[0]["size"] == 3
        assert sorted(q.article_json(conn, seed["id"])["copies"]) == ["exact-copy", "near-copy"]


def test_a_copy_is_found_in_a_later_run(tmp_path: Path, settings: Settings) -> None:
    # The copy index is rebuilt from the stored signatures when a store is opened again.
    seed = json.loads((SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[3])
    near = dict(
        seed, id="near-copy", text=seed["text"].replace("Russia", "Moscow", 4) + "\nReprinted with thanks."
    )
    first, later = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(seed) + "\n", encoding="utf-8")
    later.write_text(json.dumps(near) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([first], store, settings)
    with Store.open(tmp_path / "s.db") as store:
        assert ingest([later], store, settings).copies == 1
        assert q.article_json(store.reader(), "near-copy")["copy_of"] == seed["id"]


def test_key_taken_by_a_different_text_is_quarantined(tmp_path: Path, settings: Settings) -> None:
    a = {"id": "k1", "title": "First", "text": QUAKE}
    b = {"id": "k1", "title": "Second", "text": "Something else entirely, about a different matter. " * 5}
    (tmp_path / "a.jsonl").write_text(json.dumps(a) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(b) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([tmp_path / "a.jsonl"], store, settings)
        counts = ingest([tmp_path / "b.jsonl"], store, settings)
        assert counts.quarantined == 1 and counts.taken == 0
        rows = q.list_quarantine(store.reader())
        assert rows[0]["input"].endswith("b.jsonl:1") and "already taken" in rows[0]["reason"]
        assert q.article_json(store.reader(), "k1")["title"] == "First"
        # the same input again is still not taken: counted again (the run exits 1), kept once in the quarantine
        assert ingest([tmp_path / "b.jsonl"], store, settings).quarantined == 1
        assert len(q.list_quarantine(store.reader())) == 1


def test_mixed_folder_keeps_good_and_quarantines_bad(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_cc19f5d33552ad64.txt", folder / "good.txt")
    good = {"id": "g1", "title": "Quake", "text": QUAKE}
    (folder / "lines.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "abc"}\n' * 50)[:15])
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "home.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([folder], store, settings)
        assert counts.taken == 2
        reasons = {r["input"]: r["reason"] for r in q.list_quarantine(store.reader())}
    assert counts.quarantined == len(reasons) == 5
    names = {Path(k.split(":")[0]).name: v for k, v in reasons.items()}
    assert set(names) == {"lines.jsonl", "empty.txt", "broken.jsonl.gz", "image.html", "home.html"}
    assert any(k.endswith("lines.jsonl:2") for k in reasons)
    assert names["home.html"] == "no article body"
    assert all(v.strip() for v in reasons.values())


@pytest.mark.slow
def test_dask_engine_gives_the_same_stories(tmp_path: Path, settings: Settings) -> None:
    pytest.importorskip("distributed")
    from newsfold.backends import get_backend

    backend = get_backend("dask", workers=2)
    try:
        with Store.open(tmp_path / "d.db") as store:
            ingest([SAMPLES.parent / "seeds.jsonl"], store, settings, backend=backend)
            dask_stories = _stories(store)
            # a re-ingest sends nothing to the cluster to be prepared (see test_reingest.py) and adds nothing
            submitted: list[Any] = []
            submit = backend.client.submit

            def recorded(*args: Any, **kwargs: Any) -> Any:
                submitted.append(args)
                return submit(*args, **kwargs)

            backend.client.submit = recorded
            again = ingest([SAMPLES.parent / "seeds.jsonl"], store, settings, backend=backend)
            assert (again.taken, again.unchanged, again.quarantined) == (0, 5, 0) and submitted == []
            assert _stories(store) == dask_stories
    finally:
        backend.close()
    with Store.open(tmp_path / "l.db") as store:
        ingest([SAMPLES.parent / "seeds.jsonl"], store, settings)
        assert _stories(store) == dask_stories


def test_shared_seed_folder_with_its_jsonl_twin(
    tmp_path: Path, settings: Settings, shared_seeds: Path
) -> None:
    """The shared folder holds the .txt files and seeds.jsonl under the same keys: one article each, no conflict."""
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([shared_seeds], store, settings)
        assert (counts.taken, counts.unchanged, counts.quarantined, counts.skipped) == (5, 5, 0, 1)
        stories = _stories(store)
        assert len(stories) == 1 and set(stories[0]["articles"]) == SEED_KEYS
        # the .txt files come first and carry no dates; their JSONL twins give them theirs
        assert counts.completed == 5
        assert stories[0]["first_published"] == "2022-01-26" and stories[0]["last_published"] == "2022-02-17"


def test_a_known_article_gains_the_metadata_it_lacked_and_keeps_what_it_had(
    tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, folder)
    lines = [json.loads(line) for line in (SAMPLES.parent / "seeds.jsonl").read_text("utf-8").splitlines()]
    with Store.open(tmp_path / "s.db") as store:
        first = ingest([folder], store, settings)
        assert first.taken == 5 and _stories(store)[0]["first_published"] is None
        tass = next(o for o in lines if o.get("source") == "TASS")
        twin = tmp_path / "twin.jsonl"
        twin.write_text(json.dumps({**tass, "url": "https://example.org/tass"}) + "\n", encoding="utf-8")
        counts = ingest([twin], store, settings)
        assert (counts.taken, counts.unchanged, counts.completed, counts.stories_updated) == (0, 1, 1, 1)
        row = store.reader().execute("SELECT * FROM articles WHERE key = ?", (tass["id"],)).fetchone()
        assert (row["published"], row["url"], row["outlet"]) == (
            "2022-01-26",
            "https://example.org/tass",
            "TASS",
        )
        assert _stories(store)[0]["first_published"] == "2022-01-26"
        # a later arrival never overwrites: another date and outlet for the same text are not taken
        twin.write_text(json.dumps({**tass, "published": "2023-05-05", "source": "Other"}) + "\n", "utf-8")
        again = ingest([twin], store, settings)
        assert (again.unchanged, again.completed, again.stories_updated) == (1, 0, 0)
        row = store.reader().execute("SELECT * FROM articles WHERE key = ?", (tass["id"],)).fetchone()
        assert (row["published"], row["outlet"]) == ("2022-01-26", "TASS")


@pytest.mark.slow
def test_dask_and_worker_pool_match_in_process_on_many_articles(
    tmp_path: Path, settings: Settings, shared_data: Path
) -> None:
    """Several hundred articles through a real Dask cluster and the local worker pool: the same stories."""
    pytest.importorskip("distributed")
    from newsfold.backends import get_backend

    lines = (shared_data / "ecbplus-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:300]
    data = tmp_path / "many.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = {}
    for name, backend in (
        ("inline", get_backend("local", workers=1)),
        ("pool", get_backend("local", workers=2)),
        ("dask", get_backend("dask", workers=2)),
    ):
        try:
            with Store.open(tmp_path / f"{name}.db") as store:
                counts = ingest([data], store, settings, backend=backend)
                assert counts.taken == 300
                results[name] = _stories(store)
        finally:
            backend.close()
    assert results["pool"] == results["inline"]
    assert results["dask"] == results["inline"]


def _report(i: int, topic: str) -> str:
    return (
        f"The city council of town number {i} voted on {topic} after a long debate on Tuesday evening. "
        f"Members said the {topic} plan would cost more than expected and asked for a second study. "
        f"The mayor of town {i} promised a public meeting before any final decision on the {topic} matter."
    )


def test_outlet_boilerplate_is_learned_and_older_articles_recleaned(
    tmp_path: Path, settings: Settings
) -> None:
    slogan = "Independent reporting from the heart of the valley every day"
    topics = ["bridges", "schools", "parking", "libraries", "water pipes"]
    lines = [
        {"id": f"v{i}", "source": "TASS", "title": f"Vote on {t}", "text": f"{_report(i, t)}\n\n{slogan}"}
        for i, t in enumerate(topics)
    ]
    once = {
        "id": "v9",
        "source": "TASS",
        "title": "Vote on parks",
        "text": f"{_report(9, 'parks')}\n\nSeen once.",
    }
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(x) + "\n" for x in [*lines, once]), encoding="utf-8")
    later = {
        "id": "v10",
        "source": "TASS",
        "title": "Vote on roads",
        "text": f"{_report(10, 'roads')}\n\n{slogan}",
    }
    (tmp_path / "b.jsonl").write_text(json.dumps(later) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([tmp_path / "a.jsonl"], store, settings)
        assert counts.recleaned == 5  # the five articles that carry the line, not the one that does not
        conn = store.reader()
        first = q.article_json(conn, "v0", removed=True)
        assert slogan not in first["text"] and "city council" in first["text"]
        assert {"text": slogan, "kind": "boilerplate", "rule": "learned_repetition"} in first["removed"]
        assert "Seen once." in q.article_json(conn, "v9")["text"]  # a line seen once is never dropped
        ingest(
            [tmp_path / "b.jsonl"], store, settings
        )  # a new article: cleaned with the learned line at once
        assert slogan not in q.article_json(conn, "v10")["text"]


def test_absurd_dates_are_kept_and_flagged(tmp_path: Path, settings: Settings) -> None:
    lines = [
        {"id": "old", "published": "1900-01-01", "title": "Quake", "text": QUAKE},
        {
            "id": "future",
            "published": "2200-05-05",
            "title": "Quake again",
            "text": QUAKE + " Aftershocks followed.",
        },
        {"id": "blank", "title": "Quake hits Qeshm island", "text": " "},
        {"id": "title-only", "title": "Quake hits Qeshm island", "text": "1 min read"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings)
        conn = store.reader()
        old = q.article_json(conn, "old")
        assert old["published"] == "1900-01-01" and "absurd_date" in old["flags"]
        assert "absurd_date" in q.article_json(conn, "future")["flags"]
        assert q.article_json(conn, "future")["story"] == old["story"]  # the dates did not keep a copy apart
        only = q.article_json(conn, "title-only")  # nothing left after cleaning but the title: still a story
        assert only["text"] == "" and "title_only" in only["flags"] and only["story"]
    # a line whose text is blank is refused by the reader (contract: text or html is required)
    assert counts.taken == 3 and counts.quarantined == 1


def test_a_story_that_left_memory_is_joined_from_the_store(tmp_path: Path, settings: Settings) -> None:
    # 150 invented topics through a store that keeps 100 stories in memory; a follow-up on the first topic, read
    # after it left memory, still joins its story (its state is read back from SQLite).
    def line(key: str, i: int) -> str:
        text = (
            f"The Zorbix{i} committee met the Quandel{i} board in Plovtown{i} on the vintrel{i} plan. "
            f"Members said the vintrel{i} plan and the marrow{i} budget will pass. Zorbix{i} officials agreed."
        )
        return json.dumps(
            {"id": key, "title": f"Zorbix{i} backs vintrel{i} plan", "text": text, "lang": "en"}
        )

    follow_up = json.dumps(
        {
            "id": "t0-follow-up",
            "title": "Quandel0 board signs off on the vintrel0 plan",
            "text": "A day later the Quandel0 board in Plovtown0 signed off on the vintrel0 plan and the marrow0 "
            "budget, after weeks of talks with the Zorbix0 committee, officials in Plovtown0 said.",
            "lang": "en",
        }
    )
    path = tmp_path / "topics.jsonl"
    lines = [line(f"t{i}", i) for i in range(150)] + [follow_up]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small = settings.replace(hot_stories=100, batch_size=5)
    with Store.open(tmp_path / "s.db") as store:
        ingest([path], store, small)
        conn = store.reader()
        first = q.article_json(conn, "t0")["story"]
        follow = q.article_json(conn, "t0-follow-up")
        assert follow["copy_of"] is None and follow["story"] == first  # joined as a report, not as a copy
        assert len({q.article_json(conn, f"t{i}")["story"] for i in range(150)}) == 150


def test_ingest_collects_garbage_less_often_and_restores_the_thresholds(
    tmp_path: Path, settings: Settings
) -> None:
    import gc

    from newsfold.pipeline import INGEST_GC_THRESHOLDS

    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    with Store.open(tmp_path / "s.db") as store:
        ingest(
            [SAMPLES.parent / "seeds.jsonl"],
            store,
            settings,
            on_progress=lambda _: seen.append(gc.get_threshold()),
        )
    assert seen and set(seen) == {INGEST_GC_THRESHOLDS}
    assert gc.get_threshold() == before


def test_fold_settings_bound_the_fold_and_the_summary(tmp_path: Path, settings: Settings) -> None:
    from newsfold.pipeline import fold

    with Store.open(tmp_path / "s.db") as store:
        ingest([SAMPLES.parent / "seeds.jsonl"], store, settings)
        sid = _stories(store)[0]["id"]
        whole = fold(store, sid, settings, use_cache=False)
        assert "folded" not in whole and len(whole["articles"]) == 5
        part = fold(store, sid, settings.replace(fold_articles=3, summary_sentences=2), use_cache=False)
        assert part["folded"] == {"originals": 3, "of": 5} and len(part["articles"]) == 5
        assert len(part["summary"]) <= 2 < len(whole["summary"])
        read = {k for s in part["summary"] for k in s["articles"]}
        assert len(read) <= 3


def test_a_cached_fold_made_by_other_code_or_settings_is_folded_again(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsfold.pipeline as pipeline

    with Store.open(tmp_path / "s.db") as store:
        ingest([SAMPLES.parent / "seeds.jsonl"], store, settings)
        sid = _stories(store)[0]["id"]
        made = pipeline.fold(store, sid, settings)
        # a cached fold is served as it is while the code and the settings that made it stand
        store.save_fold(sid, {**made, "title": "cached"}, pipeline.fold_made_by(settings))
        assert pipeline.fold(store, sid, settings)["title"] == "cached"
        # other settings the fold reads: folded again (and cached for them)
        two = settings.replace(summary_sentences=2)
        again = pipeline.fold(store, sid, two)
        assert again["title"] != "cached" and len(again["summary"]) == 2
        assert pipeline.fold(store, sid, settings)["title"] != "cached"
        # other code (an upgrade): folded again
        store.save_fold(sid, {**made, "title": "cached"}, pipeline.fold_made_by(settings))
        monkeypatch.setattr(pipeline, "_package_digest", lambda: "another version")
        assert pipeline.fold(store, sid, settings)["title"] == made["title"]


def test_a_saved_page_without_its_address_gets_it_and_its_outlet_from_the_canonical_link(
    tmp_path: Path, settings: Settings
) -> None:
    paras = "".join(f"<p>{QUAKE} {i}</p>" for i in range(3))
    page = (
        '<html lang="en"><head><title>Quake hits Qeshm</title>'
        '<link rel="canonical" href="https://tass.com/world/1380000"></head>'
        f"<body><article><h1>Quake hits Qeshm</h1>{paras}</article></body></html>"
    )
    (tmp_path / "quake.html").write_text(page, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        assert ingest([tmp_path / "quake.html"], store, settings).taken == 1
        row = store.reader().execute("SELECT key, url, outlet FROM articles").fetchone()
        # the key stays the file's name (contract); the address and the registry's outlet come from the page
        assert (row["key"], row["url"], row["outlet"]) == ("quake", "https://tass.com/world/1380000", "TASS")


def test_cold_candidates_do_not_push_the_best_one_out_of_memory(tmp_path: Path, settings: Settings) -> None:
    # 150 invented topics through a store that keeps 100 stories in memory: topics 0-49 leave it, and topic 50's
    # story is the least recently updated one still in memory. A follow-up on topic 50 that also names topics 0-7
    # brings their stories back from SQLite while it is placed; each return used to push out the least recently
    # updated story, topic 50's own, and the run stopped with a KeyError.
    def line(key: str, i: int, extra: str = "") -> str:
        text = (
            f"The Zorbix{i} committee met the Quandel{i} board in Plovtown{i} on the vintrel{i} plan. "
            f"Members said the vintrel{i} plan and the marrow{i} budget will pass. Zorbix{i} officials agreed."
        )
        return json.dumps(
            {"id": key, "title": f"Zorbix{i} backs vintrel{i} plan", "text": text + extra, "lang": "en"}
        )

    others = ", ".join(f"Plovtown{j} and its vintrel{j} plan" for j in range(8))
    lines = [line(f"t{i}", i) for i in range(150)] + [
        line("t50-again", 50, f" Talks also touched on {others}.")
    ]
    path = tmp_path / "topics.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings.replace(hot_stories=100, batch_size=5))
        conn = store.reader()
        assert counts.taken == 151
        again = q.article_json(conn, "t50-again")["story"]
        assert q.resolve_story(conn, again) == q.resolve_story(conn, q.article_json(conn, "t50")["story"])


def _seed_halves(tmp_path: Path) -> tuple[Path, Path, Path]:
    lines = (SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    quake = QUAKE_RECORD
    paths = (tmp_path / "first.jsonl", tmp_path / "second.jsonl", tmp_path / "quake.jsonl")
    paths[0].write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    paths[1].write_text("\n".join(lines[3:]) + "\n", encoding="utf-8")
    paths[2].write_text(json.dumps(quake) + "\n", encoding="utf-8")
    return paths


def test_a_session_keeps_the_indexes_between_runs(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfold.pipeline import Session

    first, second, quake = _seed_halves(tmp_path)
    with Store.open(tmp_path / "plain.db") as store:
        for path in (first, second, quake):
            ingest([path], store, settings)
        plain = {a: s["id"] for s in _stories(store) for a in s["articles"]}
    reads = count_story_state_reads(monkeypatch)
    with Store.open(tmp_path / "kept.db") as store:
        session = Session(store, settings)
        counts = [ingest([path], store, settings, session=session) for path in (first, second, quake)]
        kept = {a: s["id"] for s in _stories(store) for a in s["articles"]}
    assert kept == plain  # the same stories, under the same ids
    assert len(reads) == 1  # the store's stories were read once, for the first run only
    assert [(c.taken, c.stories_new, c.stories_updated) for c in counts] == [(3, 1, 0), (2, 0, 1), (1, 1, 0)]


def test_a_session_reads_the_store_again_after_another_run_or_a_failed_one(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfold.pipeline import Session

    first, second, quake = _seed_halves(tmp_path)
    reads = count_story_state_reads(monkeypatch)
    with Store.open(tmp_path / "s.db") as store:
        session = Session(store, settings)
        ingest([first], store, settings, session=session)
        with Store.open(tmp_path / "s.db") as other:  # another writer (another process) ingests in between
            ingest([second], other, settings)
        assert len(reads) == 2
        ingest([quake], store, settings, session=session)
        assert (
            len(reads) == 3
        )  # the kept indexes were stale: read again, so the other run's stories are known
        sizes = sorted(s["size"] for s in _stories(store))
        assert sizes == [1, 5]  # the second half joined the seed story; the quake stayed apart
        with pytest.raises(ValueError):
            ingest([quake], store, settings.replace(cluster_threshold=0.5), session=session)
        ingest([quake], store, settings, session=session)
        assert len(reads) == 4  # a failed run drops what was kept


def _seeds_and_quake(tmp_path: Path) -> Path:
    lines = (SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    quake = QUAKE_RECORD
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([*lines[:2], json.dumps(quake), *lines[2:]]) + "\n", encoding="utf-8")
    return path


def _fail_placing(monkeypatch: pytest.MonkeyPatch, keys: set[str] | None) -> list[str]:
    """Make StoryIndex.place raise for these article keys (None: all), after it has changed the index."""
    from newsfold.cluster import StoryIndex

    original = StoryIndex.place
    failed: list[str] = []

    def place(self: StoryIndex, doc: Any) -> Any:
        placement = original(self, doc)  # the index has taken the article: the worst case to recover from
        if keys is None or doc.key in keys:
            failed.append(doc.key)
            raise RuntimeError(f"injected fault for {doc.key}")
        return placement

    monkeypatch.setattr(StoryIndex, "place", place)
    return failed


def test_an_article_whose_placement_raises_is_quarantined_and_the_run_goes_on(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _seeds_and_quake(tmp_path)
    bad = "002_174bf8bf5535ab25"  # the third seed; the two before it were placed in the same batch
    failed = _fail_placing(monkeypatch, {bad})
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings.replace(batch_size=4))
        assert failed == [bad]
        assert (counts.taken, counts.quarantined) == (5, 1)
        conn = store.reader()
        row = conn.execute("SELECT stage, reason, raw FROM quarantine").fetchone()
        assert row["stage"] == "place"
        assert row["reason"] == f"placing the article failed: RuntimeError: injected fault for {bad}"
        assert "Lavrov" in row["raw"]  # the input is kept for inspection
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE key = ?", (bad,)).fetchone()[0] == 0
        sizes = sorted((s["size"], sorted(s["articles"])) for s in _stories(store))
        # The two seeds placed before the failure and the two after it are one story: the indexes read back after
        # the failure hold what the run had placed (a crash-like reread of older states would split it).
        assert sizes == [(1, ["quake-1"]), (4, sorted(SEED_KEYS - {bad}))]
        _assert_indexes_match_the_store(store)
        monkeypatch.undo()
        again = ingest([path], store, settings)  # the fault fixed: the quarantined article is taken
        assert (again.taken, again.unchanged, again.quarantined) == (1, 5, 0)
        assert sorted(s["size"] for s in _stories(store)) == [1, 5]
        _assert_indexes_match_the_store(
            store
        )  # taken once: the failed placement left no trace to count it twice


def _assert_indexes_match_the_store(store: Store) -> None:
    """Every stored story state holds only members the store has in that story, and its size; the statistics count
    the stored originals and redirect no story that is still live."""
    from newsfold.cluster.model import _Story
    from newsfold.pipeline import STATS_STATE

    conn = store.reader()
    for row in conn.execute(
        "SELECT id, size, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL"
    ):
        story = _Story.from_bytes(row["id"], bytes(row["state"]))
        held = {r[0] for r in conn.execute("SELECT key FROM articles WHERE story_id = ?", (row["id"],))}
        assert {m.key for m in story.members} <= held and story.size == row["size"], row["id"]
    stats = json.loads(store.index_state(STATS_STATE) or b"{}")
    originals = conn.execute("SELECT COUNT(*) FROM articles WHERE copy_of IS NULL").fetchone()[0]
    assert stats["n"] == originals
    live = {r[0] for r in conn.execute("SELECT id FROM stories WHERE merged_into IS NULL")}
    assert not live & set(stats["redirect"])


def test_a_placement_failing_after_it_merged_two_stories_leaves_no_trace(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, shared_data: Path
) -> None:
    from newsfold.cluster import StoryIndex

    original = StoryIndex.place
    failed: list[str] = []

    def place(self: StoryIndex, doc: Any) -> Any:
        placement = original(self, doc)
        if placement.merged and not failed:  # the index has merged two stories the store still has apart
            failed.append(doc.key)
            raise RuntimeError("injected fault after a merge")
        return placement

    monkeypatch.setattr(StoryIndex, "place", place)
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([shared_data / "crisis-it" / "yemen.jsonl"], store, settings.replace(batch_size=8))
        assert len(failed) == 1 and counts.quarantined == 1
        _assert_indexes_match_the_store(store)


def test_a_systematic_placement_fault_stops_the_run(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsfold.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_PLACE_FAILURES", 2)
    failed = _fail_placing(monkeypatch, None)
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(pipeline.PlaceFailed) as err:
            ingest([_seeds_and_quake(tmp_path)], store, settings.replace(batch_size=10))
        assert isinstance(err.value.__cause__, RuntimeError)
        assert len(failed) == 3  # two quarantined, the third stopped the run
        assert (
            store.reader().execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
        )  # its batch rolled back


def test_a_store_error_while_placing_stops_the_run(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def add_article(self: Store, *args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "add_article", add_article)
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.OperationalError):
            ingest([_seeds_and_quake(tmp_path)], store, settings)
        assert store.reader().execute("SELECT COUNT(*) FROM quarantine").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        # the site template's language under a German article: the text decides
        (
            "en",
            "Die Regierung hat am Dienstag beschlossen, dass die Schulen im ganzen Land wieder öffnen werden.",
            "de",
        ),
        (
            'lang="de-DE"',
            "Die Regierung hat am Dienstag beschlossen, dass die Schulen wieder öffnen werden.",
            "de",
        ),
        # a language newsfold does not detect is kept as the page declares it
        (
            "sv-SE",
            "Regeringen beslutade på tisdagen att skolorna i hela landet ska öppna igen efter sommaren.",
            "sv",
        ),
        # too few letters to tell (a table of figures): the declared language, if it names one
        (
            "fr",
            "2011 : 12 345 / 2012 : 23 456 / 2013 : 34 567 / 2014 : 45 678 / 2015 : 56 789 / 2016 : 67 890.",
            "fr",
        ),
        (
            "xx-zz",
            "2011 : 12 345 / 2012 : 23 456 / 2013 : 34 567 / 2014 : 45 678 / 2015 : 56 789 / 2016 : 67 890.",
            None,
        ),
    ],
)
def test_a_pages_language_is_its_texts_before_its_markups(
    tmp_path: Path, settings: Settings, declared: str, text: str, expected: str | None
) -> None:
    paras = "".join(f"<p>{text}</p>" for _ in range(4))
    page = (
        f"<html lang='{declared}'><head><title>T</title></head><body><article>{paras}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([tmp_path / "page.html"], store, settings)
        row = store.reader().execute("SELECT lang FROM articles").fetchone()
        assert row is not None and row["lang"] == expected


def test_the_same_text_years_later_is_a_new_publication_not_a_copy(
    tmp_path: Path, settings: Settings
) -> None:
    # a site's boilerplate that stood in for two bodies years apart made one article a "copy" of the other
    seed = json.loads((SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[3])
    week = dict(seed, id="week-later", published="2022-02-24", title="Another headline")
    years = dict(seed, id="years-later", published="2025-02-17", title="Another headline")
    near = dict(years, id="near-years-later", text=seed["text"].replace("Russia", "Moscow", 4) + "\nThanks.")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in (seed, week, years, near)) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings)
        conn = store.reader()
        assert q.article_json(conn, "week-later")["copy_of"] == seed["id"]  # within copy_max_days (30)
        assert q.article_json(conn, "years-later")["copy_of"] is None
        assert q.article_json(conn, "near-years-later")["copy_of"] == "years-later"  # its own original's copy
        assert counts.taken == 4 and counts.copies == 2


def test_a_text_file_of_boilerplate_alone_is_quarantined_not_a_story(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "boiler.txt"
    path.write_text(
        "Home | World | Sports\n\nCopyright 2024 Example News. All rights reserved.\nSubscribe to our newsletter\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "s.db") as store:
        counts = ingest([path], store, settings)
        assert counts.taken == 0 and counts.quarantined == 1
        assert [r["reason"] for r in store.reader().execute("SELECT reason FROM quarantine")] == [
            "no article body"
        ]


def test_an_original_that_arrives_after_its_reprints_becomes_their_original(
    tmp_path: Path, settings: Settings
) -> None:
    seed = json.loads((SAMPLES.parent / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[3])
    reprint = dict(seed, id="reprint", source="Reprint Daily", published="2022-02-18T16:00:00Z")
    again = dict(seed, id="reprint-2", source="Second Daily", published="2022-02-18T18:00:00Z")
    original = dict(seed, id="wire", source="AP", published="2022-02-18T15:00:00Z")
    first, later = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(reprint) + "\n" + json.dumps(again) + "\n", encoding="utf-8")
    later.write_text(json.dumps(original) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([first], store, settings)
        assert q.article_json(store.reader(), "reprint-2")["copy_of"] == "reprint"
        assert ingest([later], store, settings).copies == 1
        conn = store.reader()
        assert q.article_json(conn, "wire")["copy_of"] is None
        assert q.article_json(conn, "reprint")["copy_of"] == "wire"
        assert q.article_json(conn, "reprint-2")["copy_of"] == "wire"
        assert sorted(q.article_json(conn, "wire")["copies"]) == ["reprint", "reprint-2"]
        assert len(_stories(store)) == 1
        assert ingest([first, later], store, settings).taken == 0  # nothing new the second time
