"""The SQLite store: one write connection, WAL mode, numbered migrations applied on open.

Only the pipeline writes, through :class:`Store` methods, inside :meth:`Store.transaction`. Readers (CLI, API)
use :meth:`Store.reader`, a connection per thread, so a server can read while an ingest writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from newsfold.errors import StoreError
from newsfold.models import Article, Rejected, Removed

SCHEMA_PACKAGE = "newsfold.store.migrations"
WRITE_CACHE_KB = 262_144


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds and a ``Z``."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def digest(text: str) -> str:
    """A short stable hash of a text (hex)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _migrations() -> list[tuple[int, str, str]]:
    out = []
    for entry in resources.files(SCHEMA_PACKAGE).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = OFF")  # members are written before their story row; checked by tests
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


# A story's size and its first and last publish instant, from the (story_id, published) index alone: a datetime with an
# offset as UTC ("2022-03-07T23:30:00-05:00" is "2022-03-08T04:30:00Z"), so that stories sort by instant across time
# zones; a plain date, or a datetime whose zone is unknown, as it is (not guessed as UTC). Dates outside the bounds
# (absurd years) are not a story's. Migration 0008 computes the same for the stories stored before it.
_STORY_INSTANT = (
    "CASE WHEN published GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR published GLOB '*T*Z' "
    "THEN coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', published), substr(published, 1, 10)) ELSE published END"
)
_STORY_SPAN = f"""SELECT count(*), min(CASE WHEN published >= ?1 AND published < ?2 THEN {_STORY_INSTANT} END),
    max(CASE WHEN published >= ?1 AND published < ?2 THEN {_STORY_INSTANT} END) FROM articles WHERE story_id = ?3"""


class Store:
    """A newsfold database. Open it with :meth:`open`; close it with :meth:`close` or a ``with`` block."""

    def __init__(self, path: str | Path, conn: sqlite3.Connection) -> None:
        self.path = str(path)
        self._conn = conn
        self._local = threading.local()
        self._in_tx = False
        self._lock = threading.RLock()
        # The row id of the first article added in this transaction that is not yet in the full-text index (see
        # migration 0005): rows are indexed in one statement before COMMIT, or before an article's text changes.
        self._fts_from: int | None = None

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the store at ``path`` and bring its schema up to date.

        Raises:
            StoreError: the file is not a SQLite database, or cannot be created or migrated.
        """
        target = Path(path)
        if str(path) != ":memory:" and target.parent and not target.parent.exists():
            raise StoreError(f"cannot create store {path}: folder {target.parent} does not exist")
        try:
            conn = _connect(str(path))
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # SQLite's default page cache is 2 MB: past a few thousand articles every index lookup and FTS insert
            # misses it and ingest slows as the store grows; 256 MB of cache slows that growth (30k: 340 -> 367/s).
            conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KB}")
            store = cls(path, conn)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from None
        return store

    def close(self) -> None:
        """Close every connection of this store."""
        reader = getattr(self._local, "conn", None)
        if reader is not None:
            reader.close()
            self._local.conn = None
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        for number, name, sql in _migrations():
            if number <= version:
                continue
            try:
                self._conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self._conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from None

    @property
    def schema_version(self) -> int:
        """The number of the last migration applied."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- connections --------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block of writes as one transaction on the single write connection."""
        with self._lock:
            if self._in_tx:
                yield self._conn
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True
            try:
                yield self._conn
                self._index_pending()
            except BaseException:
                self._fts_from = None
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._in_tx = False

    def reader(self) -> sqlite3.Connection:
        """A read connection for the calling thread (the API serves from several threads)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._conn if self.path == ":memory:" else _connect(self.path)
            self._local.conn = conn
        return conn

    # -- ingest runs --------------------------------------------------------------------------------------
    def begin_run(self, inputs: Iterable[str]) -> int:
        """Record the start of an ingest run and return its id."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO runs(started, inputs) VALUES (?, ?)", (now_iso(), json.dumps(list(inputs)))
            )
        return int(cur.lastrowid or 0)

    def latest_run(self) -> int | None:
        """The id of the last ingest run begun on this store (by any process), or None."""
        row = self._conn.execute("SELECT max(id) FROM runs").fetchone()
        return int(row[0]) if row[0] is not None else None

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Store a run's counts (taken, unchanged, copies, quarantined, skipped, stories_new, stories_updated)."""
        cols = ("taken", "unchanged", "copies", "quarantined", "skipped", "stories_new", "stories_updated")
        with self.transaction() as c:
            c.execute(
                f"UPDATE runs SET finished = ?, {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                (now_iso(), *(counts.get(k, 0) for k in cols), run_id),
            )

    # -- articles -----------------------------------------------------------------------------------------
    def raw_hash_of(self, key: str) -> str | None:
        """The raw-input hash stored under ``key``, or None when the key is new."""
        row = self._conn.execute("SELECT raw_hash FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # Metadata an article may gain when it arrives again with the same text (see ``fill_metadata``).
    FILLABLE = ("url", "outlet", "published", "published_source", "author", "lang")

    def fill_metadata(self, article: Article) -> list[str]:
        """Give a stored article the metadata it lacks from a new arrival of the same input (same key and text).

        A plain-text file and a JSONL line of the same report share a key and a text, but only the line may carry
        the publish date, the outlet or the URL. Only empty fields are filled; nothing stored is overwritten, and
        a publish date flagged as absurd is not taken.

        Args:
            article: the new arrival, whose key is in the store.

        Returns:
            The names of the fields filled (empty when the arrival adds nothing).
        """
        row = self._conn.execute(
            f"SELECT {', '.join(self.FILLABLE)} FROM articles WHERE key = ?", (article.key,)
        ).fetchone()
        if row is None:
            return []
        fill: dict[str, str] = {}
        for name in self.FILLABLE:
            value = getattr(article, name)
            if value and not row[name]:
                fill[name] = value
        if "absurd_date" in article.flags or "published" not in fill:
            fill.pop("published", None)
            fill.pop("published_source", None)  # where a date came from means nothing without the date
        if fill:
            sets = ", ".join(f"{name} = ?" for name in fill)
            self._conn.execute(f"UPDATE articles SET {sets} WHERE key = ?", (*fill.values(), article.key))
        return sorted(fill)

    # Keys per query of ``stored_inputs`` (well under SQLite's limit on bound parameters).
    KEYS_PER_QUERY = 500

    def stored_inputs(self, keys: Iterable[str]) -> dict[str, sqlite3.Row]:
        """What the store holds under each of ``keys`` that it knows, to compare a new arrival with before it is
        prepared: one query per ``KEYS_PER_QUERY`` keys.

        Args:
            keys: article keys (repeats are looked up once).

        Returns:
            key -> its row: ``key``, ``fmt``, ``raw``, ``raw_hash``, ``run_id`` and the ``FILLABLE`` fields.
        """
        wanted = list(dict.fromkeys(keys))
        found: dict[str, sqlite3.Row] = {}
        columns = ", ".join(("key", "fmt", "raw", "raw_hash", "run_id", *self.FILLABLE))
        for start in range(0, len(wanted), self.KEYS_PER_QUERY):
            part = wanted[start : start + self.KEYS_PER_QUERY]
            rows = self._conn.execute(
                f"SELECT {columns} FROM articles WHERE key IN ({', '.join('?' * len(part))})", part
            )
            found.update((row["key"], row) for row in rows)
        return found

    def original_with_text(
        self, text_hash: str, published: str | None = None, max_days: int = 0
    ) -> str | None:
        """The key of the original (not a copy) article whose cleaned text has this hash, if any; with
        ``published`` and ``max_days``, of the first such article not dated more than ``max_days`` apart."""
        from newsfold.dedup import too_far

        rows = self._conn.execute(
            "SELECT key, copy_of, published FROM articles WHERE text_hash = ? ORDER BY id", (text_hash,)
        )
        for row in rows:
            if not too_far(published, row["published"], max_days):
                return str(row["copy_of"] or row["key"])
        return None

    def story_of(self, key: str) -> str | None:
        """The story id of an article."""
        row = self._conn.execute("SELECT story_id FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def add_article(
        self,
        article: Article,
        *,
        raw_hash: str,
        text_hash: str,
        story_id: str,
        copy_of: str | None,
        similarity: float | None,
        signature: bytes | None,
        features: bytes | None,
        run_id: int,
    ) -> None:
        """Insert one article with its story and copy link (inside a transaction)."""
        removed = json.dumps([[r.text, r.kind, r.rule] for r in article.removed], ensure_ascii=False)
        cur = self._conn.execute(
            """INSERT INTO articles(key, location, fmt, url, outlet, published, published_source, title, author,
                   lang, text, removed, flags, raw, raw_hash, text_hash, story_id, copy_of, similarity, signature,
                   features, run_id, ingested)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.key,
                article.location,
                article.fmt,
                article.url,
                article.outlet,
                article.published,
                article.published_source,
                article.title,
                article.author,
                article.lang,
                article.text,
                removed,
                json.dumps(list(article.flags)),
                article.raw,
                raw_hash,
                text_hash,
                story_id,
                copy_of,
                similarity,
                signature,
                features,
                run_id,
                now_iso(),
            ),
        )
        if self._fts_from is None:
            self._fts_from = cur.lastrowid
        if not self._in_tx:
            self._index_pending()

    def _index_pending(self) -> None:
        """Add the articles inserted since the last call to the full-text index, in one statement.

        Row ids only grow (articles are never deleted), so the pending rows are those from the first one on.
        """
        if self._fts_from is not None:
            self._conn.execute(
                "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles WHERE id >= ?",
                (self._fts_from,),
            )
            self._fts_from = None

    def signatures(self, limit: int) -> Iterator[tuple[str, str | None, str | None, bytes]]:
        """The newest ``limit`` dedup signatures: (key, copy_of, published, signature), oldest first."""
        rows = self._conn.execute(
            """SELECT key, copy_of, published, signature FROM articles WHERE signature IS NOT NULL
               ORDER BY id DESC LIMIT ?""",
            (limit,),
        ).fetchall()
        for row in reversed(rows):
            yield row["key"], row["copy_of"], row["published"], bytes(row["signature"])

    # -- index state ------------------------------------------------------------------------------------
    def index_state(self, name: str) -> bytes | None:
        """A named blob of stage state (e.g. ``"cluster.stats"``), or None."""
        row = self._conn.execute("SELECT value FROM index_state WHERE name = ?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def save_index_state(self, name: str, value: bytes) -> None:
        """Store a named blob of stage state."""
        with self.transaction() as c:
            c.execute(
                "INSERT INTO index_state(name, value, updated) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                (name, value, now_iso()),
            )

    # -- learned boilerplate -----------------------------------------------------------------------------
    def add_line_counts(self, counts: dict[str, dict[str, int]], articles: dict[str, int]) -> None:
        """Add per-outlet line counts (inside a transaction): outlet -> line key -> articles, outlet -> articles."""
        self._conn.executemany(
            "INSERT INTO outlet_counts(outlet, articles) VALUES (?, ?) "
            "ON CONFLICT(outlet) DO UPDATE SET articles = articles + excluded.articles",
            list(articles.items()),
        )
        self._conn.executemany(
            "INSERT INTO outlet_lines(outlet, key, articles) VALUES (?, ?, ?) "
            "ON CONFLICT(outlet, key) DO UPDATE SET articles = articles + excluded.articles",
            [(outlet, key, n) for outlet, keys in counts.items() for key, n in keys.items()],
        )

    def line_counts(self, min_articles: int) -> Iterator[tuple[str, int, str, int]]:
        """(outlet, outlet's counted articles, line key, articles with it) for keys seen at least ``min_articles``."""
        yield from self._conn.execute(
            """SELECT l.outlet, c.articles, l.key, l.articles FROM outlet_lines l
               JOIN outlet_counts c ON c.outlet = l.outlet WHERE l.articles >= ?""",
            (min_articles,),
        )

    def articles_of_outlet(self, outlet: str) -> list[sqlite3.Row]:
        """Key, title, text, removed and story of every article of an outlet (for re-cleaning)."""
        return self._conn.execute(
            "SELECT key, title, text, removed, story_id FROM articles WHERE outlet = ? ORDER BY id", (outlet,)
        ).fetchall()

    def update_cleaning(self, key: str, text: str, removed: Iterable[Removed]) -> None:
        """Replace an article's cleaned text and removed lines (inside a transaction); its story's fold goes stale."""
        payload = json.dumps([[r.text, r.kind, r.rule] for r in removed], ensure_ascii=False)
        self._index_pending()  # the update trigger takes the old text out of the index: it must be in there
        self._conn.execute("UPDATE articles SET text = ?, removed = ? WHERE key = ?", (text, payload, key))
        self._conn.execute(
            "UPDATE stories SET fold = NULL WHERE id = (SELECT story_id FROM articles WHERE key = ?)", (key,)
        )

    # -- quarantine ---------------------------------------------------------------------------------------
    def quarantine(self, rejected: Rejected, run_id: int) -> bool:
        """Keep a rejected input with its reason. Returns False when the same input and reason were kept before."""
        cur = self._conn.execute(
            "INSERT OR IGNORE INTO quarantine(input, stage, reason, raw, at, run_id) VALUES (?,?,?,?,?,?)",
            (rejected.location, rejected.stage, rejected.reason, rejected.raw, now_iso(), run_id),
        )
        return cur.rowcount > 0

    # -- stories ------------------------------------------------------------------------------------------
    def story_states(self, limit: int) -> Iterator[tuple[str, bytes]]:
        """The clusterer's state of the ``limit`` most recently updated live stories, oldest first."""
        rows = self._conn.execute(
            """SELECT id, state FROM stories WHERE merged_into IS NULL AND state IS NOT NULL
               ORDER BY updated DESC, rowid DESC LIMIT ?""",
            (limit,),
        ).fetchall()
        for row in reversed(rows):
            yield row["id"], bytes(row["state"])

    def story_state(self, story_id: str) -> bytes | None:
        """The clusterer's saved state of one live story, or None (unknown, merged away, or never saved)."""
        row = self._conn.execute(
            "SELECT state FROM stories WHERE id = ? AND merged_into IS NULL", (story_id,)
        ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def save_story_state(self, story_id: str, state: bytes) -> None:
        """Store the clusterer's state of one story (inside a transaction)."""
        self._conn.execute("UPDATE stories SET state = ? WHERE id = ?", (state, story_id))

    def merge_stories(self, old_id: str, new_id: str) -> None:
        """Move every member of ``old_id`` into ``new_id`` and leave a redirect behind."""
        if old_id == new_id:
            return
        self._conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new_id, old_id))
        self._conn.execute(
            "UPDATE stories SET merged_into = ?, state = NULL, fold = NULL, size = 0, updated = ? WHERE id = ?",
            (new_id, now_iso(), old_id),
        )
        self._conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (new_id, old_id))

    def published_of(self, key: str) -> str | None:
        """An article's publish date as stored (None when it has none or is not stored)."""
        row = self._conn.execute("SELECT published FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def relink_copies(self, old: str, new: str, similarity: float | None) -> None:
        """Make ``new`` the original of ``old`` and of ``old``'s copies (inside a transaction): an original that
        arrived after its reprint, published before it."""
        self._conn.execute("UPDATE articles SET copy_of = ? WHERE copy_of = ?", (new, old))
        self._conn.execute(
            "UPDATE articles SET copy_of = ?, similarity = ? WHERE key = ?", (new, similarity, old)
        )

    def move_article(self, key: str, story_id: str) -> str | None:
        """Move an article and its copies to another story; return the story it left (inside a transaction)."""
        old = self.story_of(key)
        self._conn.execute(
            "UPDATE articles SET story_id = ? WHERE key = ? OR copy_of = ?", (story_id, key, key)
        )
        return old

    def refresh_stories(
        self,
        story_ids: Iterable[str],
        title_of: Any,
        *,
        max_titles: int = 200,
        dated_within: tuple[str, str] = ("0000", "9999"),
    ) -> tuple[list[str], list[str]]:
        """Recompute size, dates and title of the given stories from their members; drop their cached folds.

        The cost does not grow with a story's size: size and dates come from an index, and only the newest
        ``max_titles`` headlines are read.

        Args:
            story_ids: stories whose members changed.
            title_of: ``f(rows) -> str`` choosing a story title from rows with ``title`` and ``published``
                (originals, else copies; oldest first).
            max_titles: how many of the newest headlines ``title_of`` sees.
            dated_within: ``(lowest, highest)`` publish date strings a story's first and last date may come from
                (the pipeline's plausible years: an absurd date, kept on its article, is no story's date).

        Returns:
            The ids of the stories created, and of those that existed and were updated.
        """
        created: list[str] = []
        updated: list[str] = []
        stamp = now_iso()
        conn = self._conn
        lo, hi = dated_within
        for sid in story_ids:
            size, first, last = conn.execute(_STORY_SPAN, (lo, hi, sid)).fetchone()
            if not size:  # every member moved away: the story is empty, kept so its id still answers
                conn.execute(
                    "UPDATE stories SET size = 0, fold = NULL, updated = ? WHERE id = ?", (stamp, sid)
                )
                continue
            rows = (
                conn.execute(
                    """SELECT title, published FROM articles WHERE story_id = ? AND copy_of IS NULL
                   ORDER BY id DESC LIMIT ?""",
                    (sid, max_titles),
                ).fetchall()
                or conn.execute(
                    "SELECT title, published FROM articles WHERE story_id = ? ORDER BY id DESC LIMIT ?",
                    (sid, max_titles),
                ).fetchall()
            )
            title = title_of(rows[::-1])
            exists = conn.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone()
            if exists:
                updated.append(sid)
                conn.execute(
                    """UPDATE stories SET title = ?, first_published = ?, last_published = ?, size = ?, updated = ?,
                       fold = NULL, merged_into = NULL WHERE id = ?""",
                    (title, first, last, size, stamp, sid),
                )
            else:
                created.append(sid)
                conn.execute(
                    """INSERT INTO stories(id, title, first_published, last_published, size, created, updated)
                       VALUES (?,?,?,?,?,?,?)""",
                    (sid, title, first, last, size, stamp, stamp),
                )
        return created, updated

    def save_fold(self, story_id: str, fold: dict[str, Any], made_by: str) -> None:
        """Cache a story's fold (computed off the ingest path) with what made it
        (:func:`newsfold.pipeline.fold_made_by`: a cached fold made by other code or settings is stale)."""
        with self.transaction() as c:
            c.execute(
                "UPDATE stories SET fold = ?, fold_updated = ?, fold_by = ? WHERE id = ?",
                (json.dumps(fold, ensure_ascii=False), now_iso(), made_by, story_id),
            )


def row_to_article(row: sqlite3.Row) -> Article:
    """Rebuild an :class:`Article` from an ``articles`` row."""
    return Article(
        key=row["key"],
        location=row["location"],
        fmt=row["fmt"],
        raw=row["raw"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        published_source=row["published_source"],
        lang=row["lang"],
        removed=tuple(Removed(t, k, r) for t, k, r in json.loads(row["removed"])),
        flags=tuple(json.loads(row["flags"])),
        author=row["author"],
    )
