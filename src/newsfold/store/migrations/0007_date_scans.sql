-- The dates found in each article's sentences, kept so that `newsfold timeline` does not scan every article of the
-- matching stories again on each call (about 3 ms an article: 22 s for 7,400 articles of a 30k store). A row is
-- used only while its digest matches: the article's text, publish date and language and the date rules' own source
-- (newsfold.arc.scan_digest), so a changed text or a new version of the rules scans again.
CREATE TABLE IF NOT EXISTS date_scans (
    key TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    data TEXT NOT NULL
);
