-- Per-outlet line counts for learned boilerplate (clean.py): how many distinct original articles of an outlet had
-- each short line (by its normalised key), and how many of the outlet's articles were counted.
CREATE TABLE outlet_lines (
    outlet    TEXT NOT NULL,
    key       TEXT NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)
) WITHOUT ROWID;

CREATE TABLE outlet_counts (
    outlet    TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL
);

CREATE INDEX articles_outlet ON articles(outlet);
