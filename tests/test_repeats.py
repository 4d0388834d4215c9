"""Lines that other stories repeat: a site's standing text is left out of a story's fold, its news is not."""

from __future__ import annotations

import json
from pathlib import Path

from newsfold.pipeline import fold, ingest
from newsfold.settings import Settings
from newsfold.store import Store
from newsfold.store.db import row_to_article
from newsfold.store.repeats import repeated_lines, without_repeated

APPEAL = (
    "Every week our small team reads thousands of letters from readers across the region and answers as many "
    "as it can."
)
WIRE = "The governor said power had been restored to most of the island by Monday morning after the tremor."
TOPICS = [
    "A powerful earthquake struck the southern Iranian island of Qeshm on Sunday, killing at least ten people "
    "and injuring dozens, state television reported. Rescue teams handed out tents and blankets.",
    "Voters in Chile elected a new president on Sunday after a tense campaign dominated by pensions, crime and "
    "the cost of living, the electoral service said after counting most ballots.",
    "Heavy rain flooded the river valleys of Bahia state in Brazil, forcing thousands of families from their "
    "homes as bridges collapsed and roads were cut off, officials said on Tuesday.",
    "The central bank of Norway raised its main interest rate by a quarter point to curb inflation, which has "
    "stayed above its target for two years, and signalled one more rise this winter.",
]


def _line(key: str, *paras: str) -> str:
    return json.dumps({"id": key, "title": key, "text": "\n\n".join(paras)})


def test_a_line_printed_under_other_stories_is_left_out_of_the_fold(
    tmp_path: Path, settings: Settings
) -> None:
    lines = [_line(f"t{i}", topic, APPEAL) for i, topic in enumerate(TOPICS)]
    # a second report of the quake carries the same wire sentence: news of one story, not a site's text
    lines += [_line("t0b", TOPICS[0], WIRE, APPEAL), _line("t0c", TOPICS[0].replace("ten", "12"), WIRE)]
    data = tmp_path / "in.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.db") as store:
        ingest([data], store, settings)
        conn = store.reader()
        story = {r["key"]: r["story_id"] for r in conn.execute("SELECT key, story_id FROM articles")}
        assert story["t0"] == story["t0b"] == story["t0c"]
        assert len({story[f"t{i}"] for i in range(4)}) == 4
        rows = conn.execute("SELECT * FROM articles WHERE story_id = ?", (story["t0"],)).fetchall()
        arts = [row_to_article(r) for r in rows]
        junk = repeated_lines(conn, story["t0"], [a.text for a in arts])
        assert len(junk) == 1
        folded = without_repeated(conn, story["t0"], arts)
        assert not any(APPEAL in a.text for a in folded)
        assert sum(WIRE in a.text for a in folded) == 2 and all(TOPICS[0][:40] in a.text for a in folded[:2])
        shown = fold(store, story["t0"], settings)
        texts = [s["text"] for s in shown["summary"]] + [q["text"] for q in shown.get("quotes", [])]
        assert texts and not any("letters from readers" in t for t in texts)
        assert any("Qeshm" in t for t in texts)
        # the store keeps every article's text as it was
        assert sum(APPEAL in r["text"] for r in conn.execute("SELECT text FROM articles")) == 5
