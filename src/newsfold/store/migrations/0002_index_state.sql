-- State of the stateful stages that is not per story: the clusterer's online document frequencies and merge
-- redirects. Written at the end of each ingest run.
CREATE TABLE index_state (
    name     TEXT PRIMARY KEY,
    value    BLOB NOT NULL,
    updated  TEXT NOT NULL
);
