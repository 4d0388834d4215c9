-- A cached fold records what made it: the digest of newsfold's code and data and the fold's settings
-- (pipeline.fold_made_by). A fold made by other code or settings is stale, as one without a record (stored before
-- this migration) is: `show` after an upgrade, or with another summary_sentences, folds the story again.
ALTER TABLE stories ADD COLUMN fold_by TEXT;
