"""Main-text extraction evaluation, side by side with trafilatura alone, in either public gold format.

Two gold formats are read, told apart by their content:

* ``with`` / ``without`` snippets (trafilatura's evaluation set): ``{url: {"html_gz" | "file": ..., "with": [...],
  "without": [...]}}``. Metric as trafilatura's: after whitespace normalisation, a ``with`` snippet found in the
  extracted text is a true positive (else a false negative), a ``without`` snippet found is a false positive (else a
  true negative); counts are summed over pages; F = 2TP / (2TP + FP + FN).
* whole article bodies (the article-extraction benchmark): ``{key: {"articleBody": ..., "url": ...}}`` with pages in
  ``html/<key>.html.gz``. Metric as the benchmark's: texts are multisets of 4-token shingles (tokens are ``\\w+``
  runs); per page, shingle precision and recall; both averaged over pages; F1 from the two averages.

Every figure for newsfold has a ``trafilatura_`` twin computed on the same pages in the same run, so one call gives
the comparison that issue 5's targets are stated in.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsfold.errors import InputError

Extractor = Callable[[str, str | None], str]

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
SHINGLE_TOKENS = 4  # the benchmark's shingle size


def newsfold_extractor(html: str, url: str | None) -> str:
    """newsfold's extraction as plain text: the headline is not part of the body (both golds leave it out)."""
    from newsfold.extract import extract_html

    found = extract_html(html, url=url)
    return found.text if found is not None else ""


def trafilatura_extractor(html: str, url: str | None) -> str:
    """trafilatura 2.x alone, default settings, as its own evaluation runs it."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _read_html(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    from charset_normalizer import from_bytes

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def read_gold_pages(gold_path: Path) -> dict[str, Any]:
    """Read and check an extraction gold file: a JSON object of pages, each an object with its ``articleBody`` (the
    bodies' ground truth) or its snippets (``with`` / ``without``), and at least one page whose HTML is there.

    Raises:
        InputError: the file is not UTF-8 JSON, not an object of page objects, a page says neither what it holds
            nor where its HTML is, or none of its pages' HTML files exists (a score over no page reads as 0.0).
    """
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{gold_path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{gold_path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(gold, dict) or not gold or not all(isinstance(v, dict) for v in gold.values()):
        raise InputError(f"{gold_path}: an extraction gold file is a JSON object of pages, each an object")
    for key, item in gold.items():
        if "articleBody" not in item and not ({"with", "without"} & item.keys()):
            raise InputError(
                f"{gold_path}: page {key!r} has neither `articleBody` nor snippets (`with`, `without`)"
            )
        if "articleBody" not in item and not (item.get("html_gz") or item.get("file")):
            raise InputError(f"{gold_path}: page {key!r} names no HTML file (`html_gz` or `file`)")
    if not any(_page_path(gold_path, key, item).is_file() for key, item in gold.items()):
        raise InputError(f"{gold_path}: none of its {len(gold)} pages' HTML files is there, nothing to score")
    return gold


def _page_path(gold_path: Path, key: str, item: dict[str, Any]) -> Path:
    base = gold_path.parent
    if "articleBody" in item:
        return base / "html" / f"{key}.html.gz"
    return base / str(item["html_gz"]) if item.get("html_gz") else base / "html" / str(item["file"])


def read_pages(gold_path: Path, gold: dict[str, Any]) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """Yield (decoded page, URL, gold item) for each page of a gold file whose HTML is present."""
    for key, item in gold.items():
        rel = _page_path(gold_path, key, item)
        if rel.is_file():
            yield _read_html(rel), item.get("url") if "articleBody" in item else key, item


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _snippet_counts(text: str, item: dict[str, Any]) -> Counter[str]:
    found = _norm(text)
    out: Counter[str] = Counter()
    for snippet in item.get("with") or ():
        out["tp" if _norm(snippet) in found else "fn"] += 1
    for snippet in item.get("without") or ():
        out["fp" if _norm(snippet) in found else "tn"] += 1
    return out


def _snippet_scores(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fp + fn + tn
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def shingles(text: str, n: int = SHINGLE_TOKENS) -> Counter[str]:
    """The multiset of ``n``-token shingles of a text (a text shorter than ``n`` tokens is one shingle)."""
    tokens = _TOKEN.findall(text)
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_pr(predicted: str, gold: str) -> tuple[float, float]:
    """Shingle precision and recall of one page's extracted text against its gold body."""
    pred, true = shingles(predicted), shingles(gold)
    if not pred and not true:
        return 1.0, 1.0
    common = sum((pred & true).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(true.values()) if true else 0.0
    return precision, recall


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def eval_extraction(path: str | Path, *, extractor: Extractor | None = None) -> dict[str, float]:
    """Score an extractor and trafilatura alone on the same pages of a gold file.

    Args:
        path: ``evaldata.json`` (with/without snippets) or ``ground-truth.json`` (article bodies); the pages are
            found relative to it.
        extractor: ``(html, url) -> text``; newsfold's own extraction when None.

    Returns:
        ``precision``, ``recall``, ``f1``, ``pages`` and ``seconds`` for the extractor, the same keys prefixed
        ``trafilatura_`` for trafilatura alone, and ``f1_gain`` (newsfold minus trafilatura).
    """
    import time

    gold_path = Path(path)
    gold = read_gold_pages(gold_path)
    ours = extractor or newsfold_extractor
    bodies = any("articleBody" in item for item in gold.values())
    sums: dict[str, Counter[str]] = {"": Counter(), "trafilatura_": Counter()}
    pr: dict[str, list[tuple[float, float]]] = {"": [], "trafilatura_": []}
    seconds = {"": 0.0, "trafilatura_": 0.0}
    pages = 0
    for html, url, item in read_pages(gold_path, gold):
        pages += 1
        for prefix, fn in (("", ours), ("trafilatura_", trafilatura_extractor)):
            start = time.perf_counter()
            text = fn(html, url)
            seconds[prefix] += time.perf_counter() - start
            if bodies:
                pr[prefix].append(shingle_pr(text, item.get("articleBody") or ""))
            else:
                sums[prefix].update(_snippet_counts(text, item))
    out: dict[str, float] = {}
    for prefix in ("", "trafilatura_"):
        if bodies:
            pairs = pr[prefix]
            p = sum(x for x, _ in pairs) / len(pairs) if pairs else 0.0
            r = sum(y for _, y in pairs) / len(pairs) if pairs else 0.0
            scores = {"precision": p, "recall": r, "f1": _f1(p, r)}
        else:
            scores = _snippet_scores(sums[prefix])
        for name, value in scores.items():
            out[prefix + name] = value
        out[prefix + "pages"] = float(pages)
        out[prefix + "seconds"] = seconds[prefix]
    out["f1_gain"] = out["f1"] - out["trafilatura_f1"]
    return out
