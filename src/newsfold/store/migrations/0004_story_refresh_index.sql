-- A story's size and first/last publish dates are recomputed after every ingest batch that touched it: this index
-- answers count/min/max from the index alone, so refreshing a busy story no longer reads its members' rows.
CREATE INDEX articles_story_published ON articles(story_id, published);
