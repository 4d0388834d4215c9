"""Extraction evaluation: both gold formats scored as published, with trafilatura alongside."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfold.evaluate.extraction import eval_extraction, shingle_pr, shingles

ARTICLE = (
    "<html><head><title>T</title></head><body><article>{}</article>"
    "<footer>Footer links here</footer></body></html>"
)
PARAS = [
    "The central bank raised interest rates by a quarter point on Wednesday, its third increase this year.",
    "Officials said inflation remained too high and signalled that further increases were possible.",
    "Markets had expected the move, and shares rose slightly after the announcement in the afternoon.",
]


def _write_page(folder: Path, name: str) -> str:
    (folder / "html").mkdir(exist_ok=True)
    html = ARTICLE.format("".join(f"<p>{p}</p>" for p in PARAS))
    (folder / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html.encode()))
    return f"html/{name}.html.gz"


def test_snippet_format(tmp_path: Path) -> None:
    gold = {
        "https://example.org/a": {
            "html_gz": _write_page(tmp_path, "a"),
            "with": ["third increase this year", "shares rose slightly"],
            "without": ["Footer links here"],
        }
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(gold), "utf-8")
    perfect = eval_extraction(tmp_path / "evaldata.json", extractor=lambda h, u: " ".join(PARAS))
    assert perfect["f1"] == 1.0 and perfect["pages"] == 1.0
    leaky = eval_extraction(
        tmp_path / "evaldata.json", extractor=lambda h, u: PARAS[1] + " Footer links here"
    )
    # TP 0, FN 2, FP 1: F = 0
    assert leaky["f1"] == 0.0 and leaky["precision"] == 0.0
    assert "trafilatura_f1" in leaky and "f1_gain" in leaky


def test_body_format_uses_shingles(tmp_path: Path) -> None:
    _write_page(tmp_path, "k1")
    gold = {"k1": {"articleBody": "\n".join(PARAS), "url": "https://example.org/k1"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(gold), "utf-8")
    half = eval_extraction(tmp_path / "ground-truth.json", extractor=lambda h, u: PARAS[0])
    assert half["precision"] == 1.0 and 0.2 < half["recall"] < 0.5
    ours = eval_extraction(tmp_path / "ground-truth.json")
    assert ours["f1"] > 0.95 and ours["trafilatura_f1"] > 0.9


def test_shingles() -> None:
    assert shingles("a b c d e") == {"a b c d": 1, "b c d e": 1}
    assert shingles("a b") == {"a b": 1}
    assert shingle_pr("", "") == (1.0, 1.0)
    assert shingle_pr("", "a b c d") == (0.0, 0.0)


@pytest.mark.slow
def test_dev_bodies_beat_trafilatura(shared_data: Path) -> None:
    scores = eval_extraction(shared_data / "extraction-bodies-dev" / "ground-truth.json")
    assert scores["pages"] == 60
    assert scores["f1"] >= scores["trafilatura_f1"]
    assert scores["f1"] >= 0.965


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe junk", "not UTF-8"),
        (b"{not json", "not JSON"),
        (b'[{"with": ["a"]}]', "a JSON object of pages"),
        (b'{"http://x": {"with": ["a"]}}', "names no HTML file"),
        (b'{"http://x": {"html_gz": "html/x.html.gz"}}', "neither `articleBody` nor snippets"),
        (b'{"http://x": {"html_gz": "html/nope.html.gz", "with": ["a"], "without": []}}', "nothing to score"),
    ],
)
def test_a_bad_gold_file_is_an_input_error_not_a_traceback_or_a_zero(
    tmp_path: Path, content: bytes, message: str
) -> None:
    from newsfold.errors import InputError

    path = tmp_path / "gold.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        eval_extraction(path)
