"""featurize: its ClusterDoc is a pure function of the article, most frequent features first."""

from __future__ import annotations

from collections import Counter

from newsfold.cluster.features import MAX_NAMES, MAX_TERMS, featurize
from newsfold.models import Article
from newsfold.settings import Settings
from newsfold.textnorm import name_spans, tokens


def test_features_are_most_frequent_first_with_ties_in_text_order(settings: Settings) -> None:
    # More distinct words than MAX_TERMS, most of them tied at one or two occurrences: the cut falls inside ties.
    words = [f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(3 * MAX_TERMS)]
    text = " ".join(words + words[::3] + ["Anna Berg met Carl Dahl in Oslo.", "Carl Dahl left."])
    art = Article(key="k", location="k", fmt="text", raw=text, text=text, title="Meeting", lang="en")
    doc = featurize(art, settings)
    body = f"Meeting\n{text}"
    assert list(doc.terms) == Counter(tokens(body, "en")).most_common(MAX_TERMS)
    assert dict(doc.names)["carl dahl"] == 2
    assert [n for n, _ in doc.names][: len(doc.names)] == [
        n for n, _ in _name_counts(body).most_common(MAX_NAMES)
    ]
    assert featurize(art, settings).to_bytes() == doc.to_bytes()


def _name_counts(body: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for span in name_spans(body, "en"):
        counts[span] += 1
        if " " in span:
            counts.update(w for w in span.split() if len(w) > 2)
    return counts
