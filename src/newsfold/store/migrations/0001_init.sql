-- newsfold store, version 1. Applied in order by store/db.py; never edit a released migration, add the next one.

CREATE TABLE outlets (
    name     TEXT PRIMARY KEY,
    country  TEXT,
    type     TEXT
);

CREATE TABLE runs (
    id               INTEGER PRIMARY KEY,
    started          TEXT NOT NULL,
    finished         TEXT,
    inputs           TEXT NOT NULL,            -- JSON array of the inputs as given
    taken            INTEGER NOT NULL DEFAULT 0,
    unchanged        INTEGER NOT NULL DEFAULT 0,
    copies           INTEGER NOT NULL DEFAULT 0,
    quarantined      INTEGER NOT NULL DEFAULT 0,
    skipped          INTEGER NOT NULL DEFAULT 0,
    stories_new      INTEGER NOT NULL DEFAULT 0,
    stories_updated  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stories (
    id               TEXT PRIMARY KEY,
    title            TEXT NOT NULL DEFAULT '',
    first_published  TEXT,
    last_published   TEXT,
    size             INTEGER NOT NULL DEFAULT 0,
    created          TEXT NOT NULL,
    updated          TEXT NOT NULL,
    merged_into      TEXT REFERENCES stories(id),  -- set when a later article showed two stories are one
    state            BLOB,                          -- the clusterer's state for this story (cluster.StoryIndex)
    fold             TEXT,                          -- cached fold JSON, NULL when stale
    fold_updated     TEXT
);
CREATE INDEX stories_last ON stories(last_published);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    key               TEXT NOT NULL UNIQUE,
    location          TEXT NOT NULL,
    fmt               TEXT NOT NULL,
    url               TEXT,
    outlet            TEXT,
    published         TEXT,
    published_source  TEXT,
    title             TEXT NOT NULL,
    author            TEXT,
    lang              TEXT,
    text              TEXT NOT NULL,
    removed           TEXT NOT NULL DEFAULT '[]',   -- JSON [[text, kind, rule], ...]: nothing cleaned away is lost
    flags             TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    raw               TEXT NOT NULL,                -- the input exactly as read
    raw_hash          TEXT NOT NULL,                -- same key + same raw = the same article (a no-op)
    text_hash         TEXT NOT NULL,                -- same cleaned text under a new key = an exact copy
    story_id          TEXT REFERENCES stories(id),
    copy_of           TEXT REFERENCES articles(key),
    similarity        REAL,                          -- estimated Jaccard with copy_of
    signature         BLOB,                          -- dedup.Signature
    features          BLOB,                          -- cluster.ClusterDoc; NULL by default (featurize is pure)
    run_id            INTEGER REFERENCES runs(id),
    ingested          TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_copy_of ON articles(copy_of);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE quarantine (
    id      INTEGER PRIMARY KEY,
    input   TEXT NOT NULL,
    stage   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    raw     TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL,
    run_id  INTEGER REFERENCES runs(id),
    UNIQUE (input, reason)                  -- the same bad input seen again is not listed twice
);

-- detail=column: search needs words present in a field, not their positions; it indexes about a third faster.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', detail=column);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
