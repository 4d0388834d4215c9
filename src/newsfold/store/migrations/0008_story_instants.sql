-- A story's first and last publish dates were the text minimum and maximum of its articles' dates: a datetime with
-- an offset sorted by its local time ("2022-03-08T03:00:00+09:00" after "2022-03-07T23:30:00-05:00", five hours
-- later in fact), and an absurd year (1900, 2200) became the story's date. They are now instants in UTC for
-- datetimes with an offset, other dates as they are, from plausible years only (the same expression as
-- Store.refresh_stories, store/db.py _STORY_INSTANT); recomputed here for stories stored before.
UPDATE stories SET
    first_published = (
        SELECT min(CASE WHEN a.published >= '1990' AND a.published < CAST(CAST(strftime('%Y', 'now') AS INTEGER) + 2 AS TEXT)
            THEN CASE WHEN a.published GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR a.published GLOB '*T*Z'
                THEN coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', a.published), substr(a.published, 1, 10))
                ELSE a.published END END)
        FROM articles a WHERE a.story_id = stories.id),
    last_published = (
        SELECT max(CASE WHEN a.published >= '1990' AND a.published < CAST(CAST(strftime('%Y', 'now') AS INTEGER) + 2 AS TEXT)
            THEN CASE WHEN a.published GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR a.published GLOB '*T*Z'
                THEN coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', a.published), substr(a.published, 1, 10))
                ELSE a.published END END)
        FROM articles a WHERE a.story_id = stories.id)
WHERE size > 0;
