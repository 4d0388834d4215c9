from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsfold.errors import NotFound, StoreError
from newsfold.headline import choose_title
from newsfold.models import Article, Rejected
from newsfold.store import Store
from newsfold.store import queries as q


def _article(
    key: str, title: str, text: str, published: str | None = None, outlet: str | None = None
) -> Article:
    return Article(
        key=key,
        location=f"in/{key}",
        fmt="jsonl",
        raw=text,
        text=text,
        title=title,
        published=published,
        outlet=outlet,
    )


def _add(store: Store, art: Article, story: str, copy_of: str | None = None) -> None:
    store.add_article(
        art,
        raw_hash="r" + art.key,
        text_hash="t" + art.key,
        story_id=story,
        copy_of=copy_of,
        similarity=None,
        signature=None,
        features=None,
        run_id=1,
    )


def test_open_applies_migrations_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        assert store.schema_version >= 1
        mode = store.reader().execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    with Store.open(path) as store:  # reopening does not re-apply
        assert store.schema_version >= 1


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(bad)


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nope" / "s.db")


def test_stories_fts_merge_and_redirect(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            _add(
                store,
                _article("a", "Lavrov replies to Blinken", "Moscow sent its reply.", "2022-02-17", "TASS"),
                "s1",
            )
            _add(store, _article("b", "Earthquake in Iran", "A quake hit Qeshm island.", "2005-11-27"), "s2")
            _add(
                store,
                _article("c", "Russia replies", "Moscow sent its reply.", "2022-02-18", "UNI"),
                "s1",
                "a",
            )
            assert store.refresh_stories(["s1", "s2"], choose_title) == (["s1", "s2"], [])
        conn = store.reader()
        rows = q.list_stories(conn)
        assert [r["id"] for r in rows] == ["s1", "s2"]  # newest last_published first
        assert rows[0]["size"] == 2 and rows[0]["outlets"] == ["TASS", "UNI"]
        assert rows[0]["first_published"] == "2022-02-17" and rows[0]["last_published"] == "2022-02-18"
        assert [r["id"] for r in q.list_stories(conn, query="qeshm")] == ["s2"]
        assert q.list_stories(conn, query='"unbalanced AND (') == []  # free text never breaks FTS syntax
        assert [r["id"] for r in q.list_stories(conn, since="2010-01-01")] == ["s1"]
        assert q.article_json(conn, "a")["copies"] == ["c"]
        with store.transaction():
            store.merge_stories("s2", "s1")
            store.refresh_stories(["s1"], choose_title)
        assert q.resolve_story(conn, "s2") == "s1"
        assert q.story_summary(conn, "s1")["size"] == 3
        assert [r["id"] for r in q.list_stories(conn)] == ["s1"]
        with pytest.raises(NotFound):
            q.resolve_story(conn, "nope")
        with pytest.raises(NotFound):
            q.article_json(conn, "nope")


def test_quarantine_keeps_reason_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            assert store.quarantine(Rejected("in/x.jsonl:3", "read", "not JSON"), 1)
            assert not store.quarantine(Rejected("in/x.jsonl:3", "read", "not JSON"), 2)
        rows = q.list_quarantine(store.reader())
        assert [(r["input"], r["reason"]) for r in rows] == [("in/x.jsonl:3", "not JSON")]


def test_failed_transaction_rolls_back(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.IntegrityError), store.transaction():
            _add(store, _article("a", "t", "x"), "s1")
            _add(store, _article("a", "t", "x"), "s1")  # the key is unique
        assert store.reader().execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_choose_title_prefers_the_representative_headline() -> None:
    rows = [
        {"title": "All news"},
        {"title": "Russia sends reply on security guarantees to US"},
        {"title": "Lavrov: reply on security guarantees sent"},
        {"title": "US receives Russia's reply on security guarantees"},
    ]
    assert "security guarantees" in choose_title(rows)
    assert choose_title([]) == ""


def test_move_article_takes_its_copies_and_empties_the_story(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            _add(store, _article("a", "Quake on Qeshm", "A quake hit.", "2005-11-27"), "s1")
            _add(store, _article("b", "Quake on Qeshm", "A quake hit.", "2005-11-28"), "s1", "a")
            store.refresh_stories(["s1"], choose_title)
            assert store.move_article("a", "s2") == "s1"
            store.refresh_stories(["s1", "s2"], choose_title)
        conn = store.reader()
        assert q.story_summary(conn, "s2")["articles"] == ["a", "b"]
        assert [s["id"] for s in q.list_stories(conn)] == ["s2"]  # the emptied story is no longer listed


def _fts_keys(store: Store, query: str) -> list[str]:
    rows = store.reader().execute(
        "SELECT a.key FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? ORDER BY a.id",
        (query,),
    )
    return [r[0] for r in rows]


def test_articles_enter_the_search_index_at_commit(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            _add(store, _article("a", "Quake in Iran", "A quake hit Qeshm island."), "s1")
            _add(store, _article("b", "Floods", "Rivers rose on Qeshm."), "s2")
        _add(store, _article("c", "Outside a transaction", "Qeshm again, written at once."), "s3")
        assert _fts_keys(store, "qeshm") == ["a", "b", "c"]
        assert _fts_keys(store, "title:floods") == ["b"]
        with pytest.raises(RuntimeError), store.transaction():
            _add(store, _article("d", "Rolled back", "Qeshm never stored."), "s4")
            raise RuntimeError("boom")
        with store.transaction():  # nothing of the rolled-back article is left pending
            _add(store, _article("e", "Later", "Qeshm once more."), "s5")
        assert _fts_keys(store, "qeshm") == ["a", "b", "c", "e"]
        # The text changes in the same transaction as the insert: the index holds only the new text.
        with store.transaction():
            _add(store, _article("f", "Recleaned", "Qeshm boilerplate line."), "s6")
            store.update_cleaning("f", "Only Kish is left.", [])
        assert _fts_keys(store, "qeshm") == ["a", "b", "c", "e"]
        assert _fts_keys(store, "kish") == ["f"]
        store.reader().execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")


def test_a_store_from_before_the_batched_index_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        with store.transaction():
            _add(store, _article("a", "Old", "Indexed by the insert trigger of migration 1."), "s1")
        store._conn.execute(  # back to schema 4: the per-row trigger as migration 1 made it
            """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
               INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"""
        )
        store._conn.execute("ALTER TABLE stories DROP COLUMN fold_by")  # added by migration 9
        store._conn.execute("PRAGMA user_version = 4")
        store._conn.execute(  # an article written by the schema-4 code: the trigger indexes it
            """INSERT INTO articles(key, location, fmt, title, text, raw, raw_hash, text_hash, ingested)
               VALUES ('b', 'in/b', 'jsonl', 'Older', 'Written under schema 4: trigger indexed.', '', 'r', 't', '')"""
        )
    with Store.open(path) as store:
        assert store.schema_version >= 5
        with store.transaction():
            _add(store, _article("c", "New", "Written after the migration: indexed at commit."), "s3")
        assert _fts_keys(store, "indexed") == ["a", "b", "c"]
        store.reader().execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")


def test_merging_finds_earlier_redirects_by_index(tmp_path: Path) -> None:
    # A merge re-points the redirects to the merged-away story: by the partial index, not a scan of every story.
    with Store.open(tmp_path / "m.db") as store:
        plan = store._conn.execute(
            "EXPLAIN QUERY PLAN UPDATE stories SET merged_into = ? WHERE merged_into = ?", ("b", "a")
        ).fetchall()
        assert any("stories_merged_into" in str(row[-1]) for row in plan)


def test_stories_sort_by_instant_across_time_zones_and_absurd_years_are_no_storys_date(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            # 03-07 18:00Z and 03-08 04:30Z
            _add(store, _article("jp", "Quake in Japan", "x", "2022-03-08T03:00:00+09:00"), "jp")
            _add(store, _article("is", "Volcano in Iceland", "x", "2022-03-07T23:30:00-05:00"), "is")
            _add(store, _article("fr", "Wildfires in France", "x", "2022-03-08"), "fr")
            _add(store, _article("k1", "King opens station", "x", "1900-01-01"), "king")
            _add(store, _article("k2", "King opens station", "x", "2200-01-01"), "king")
            _add(store, _article("k3", "King opens station", "x", "2021-05-04"), "king")
            store.refresh_stories(["jp", "is", "fr", "king"], choose_title, dated_within=("1990", "2100"))
        conn = store.reader()
        rows = q.list_stories(conn)
        assert [r["id"] for r in rows] == ["is", "fr", "jp", "king"]
        assert rows[0]["last_published"] == "2022-03-08T04:30:00Z"
        assert [r["id"] for r in q.list_stories(conn, since="2022-03-08")] == ["is", "fr"]
        king = q.story_summary(conn, "king")
        assert (king["first_published"], king["last_published"]) == ("2021-05-04", "2021-05-04")
        assert q.article_json(conn, "k2")["published"] == "2200-01-01"  # the article keeps what it was given


def test_a_blank_query_filters_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            _add(store, _article("a", "Lavrov replies", "Moscow sent its reply.", "2022-02-17"), "s1")
            store.refresh_stories(["s1"], choose_title)
        conn = store.reader()
        assert [r["id"] for r in q.list_stories(conn, query="  ")] == ["s1"]
        assert q.list_stories(conn, query="?!") == []  # words were asked for, and none is there to match


def test_migration_0008_recomputes_the_dates_of_stories_stored_before(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store, store.transaction():
        _add(store, _article("jp", "Quake", "x", "2022-03-08T03:00:00+09:00"), "s1")
        _add(store, _article("nv", "Quake", "x", "2022-03-07T20:00:00"), "s1")  # no zone: kept as given
        _add(store, _article("k", "King", "x", "2200-01-01"), "s2")
        store.refresh_stories(["s1", "s2"], choose_title)
    conn = sqlite3.connect(path)  # as a store of migration 0007 left them: text minimum and maximum
    conn.execute(
        "UPDATE stories SET first_published = '2022-03-07T20:00:00', last_published = '2022-03-08T03:00:00+09:00'"
    )
    conn.execute(
        "UPDATE stories SET first_published = '2200-01-01', last_published = '2200-01-01' WHERE id = 's2'"
    )
    conn.execute("ALTER TABLE stories DROP COLUMN fold_by")  # added by migration 9
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        rows = {r["id"]: r for r in q.list_stories(store.reader())}
        assert (rows["s1"]["first_published"], rows["s1"]["last_published"]) == (
            "2022-03-07T18:00:00Z",
            "2022-03-07T20:00:00",
        )
        assert rows["s2"]["first_published"] is None and rows["s2"]["last_published"] is None
