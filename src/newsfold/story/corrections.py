"""Corrections: the notices with which outlets correct a report ("Correction: An earlier version of this article
said ...", "In una precedente versione di questo articolo ...").

A notice is about the report, not the story: its words ("said the quake killed 21 people") are the error it
corrects. So the fold reads a story's articles without their notices (no summary line, fact, quote or timeline
entry comes from one) and lists the notices apart, each citing the article that carries it
(:func:`split_notices`).

A paragraph is a notice when it opens with a correction label ("Correction:", "Berichtigung:", "Rectificatif :",
"Fe de errores:", "Rettifica:", "Errata:", "Исправление:", "تصحيح:") or says that an earlier version of the report
was wrong or that the report was corrected ("An earlier version of this story misstated ...", "This article has
been corrected to ...", "In einer früheren Version dieses Artikels hieß es ...", "Une version précédente de cet
article ...", "Una versión anterior de esta nota ...", "In una precedente versione di questo articolo ...", "Uma
versão anterior desta reportagem ...", "В предыдущей версии статьи ..."), in the eight languages. Generic phrases
only: no outlet's own wording.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfold.models import Article

# A correction label at the start of a paragraph, then a colon or a dash.
_LABEL = (
    r"corrections?|clarifications?|correction and clarification|"
    r"korrektur|berichtigung|richtigstellung|korrigendum|"
    r"rectificatif|correctif|erratum|précision|"
    r"corrección|correcciones|fe de errores|fe de erratas|aclaración|"
    r"rettifica|errata corrige|precisazione|"
    r"correção|correções|errata|esclarecimento|"
    r"исправление|поправка|уточнение|"
    r"تصحيح|توضيح"
)
# The report's own earlier version, or the report being corrected.
_EARLIER = (
    # en
    r"an? (?:earlier|previous|prior) version of this (?:article|story|report|post|piece)|"
    r"this (?:article|story|report|post|piece) (?:has been|was) (?:corrected|amended|updated to correct)|"
    # de
    r"in einer (?:früheren|vorherigen|ersten) (?:version|fassung) (?:dieses|dieser) "
    r"(?:artikels|textes|meldung|beitrags)|"
    r"(?:dieser|der) (?:artikel|text|beitrag) wurde (?:korrigiert|berichtigt)|"
    # fr
    r"une (?:précédente|première|ancienne) version de cet (?:article|texte)|"
    r"cet (?:article|texte) a été (?:corrigé|rectifié)|"
    # es
    r"una (?:versión anterior|primera versión) de (?:esta|este) (?:nota|artículo|noticia|información|texto)|"
    r"(?:esta|este) (?:nota|artículo|noticia|información|texto) (?:ha sido|fue) (?:corregid[oa]|rectificad[oa])|"
    # it
    r"in una (?:precedente|prima) versione (?:di questo|dell['’]) ?(?:articolo|pezzo|testo)|"
    r"questo articolo è stato (?:corretto|rettificato)|"
    # pt
    r"uma versão anterior (?:deste|desta) (?:texto|reportagem|notícia|matéria|artigo)|"
    r"(?:este|esta) (?:texto|reportagem|notícia|matéria|artigo) (?:foi|já foi) "
    r"(?:corrigid[oa]|atualizad[oa] para corrigir)|"
    # ru
    r"в (?:предыдущей|первоначальной|прежней) версии (?:статьи|материала|новости|заметки)|"
    r"(?:статья|материал|новость) (?:была |был )?(?:исправлена|исправлен)|"
    # ar
    r"في نسخة سابقة من هذا (?:المقال|الخبر|التقرير)"
)
_NOTICE = re.compile(
    rf"^\W{{0,3}}(?:(?:{_LABEL})\s*(?::|–|—|-)\s*\S|.{{0,80}}?\b(?:{_EARLIER}))",
    re.IGNORECASE | re.DOTALL,
)
NOTICE_MAX_WORDS = 120  # a longer paragraph is a report that mentions a correction, not a notice


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction notice and the article that carries it."""

    text: str
    article: str

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "articles": [self.article]}


def is_notice(paragraph: str) -> bool:
    """Whether a paragraph is a correction notice (see the module docstring)."""
    return len(paragraph.split()) <= NOTICE_MAX_WORDS and _NOTICE.search(paragraph.strip()) is not None


def split_notices(articles: Sequence[Article]) -> tuple[list[Article], list[Correction]]:
    """The articles without their correction notices, and the notices, in article order.

    An article that holds no notice is given back as it is (the same object).
    """
    out: list[Article] = []
    notices: list[Correction] = []
    for article in articles:
        paragraphs = article.text.split("\n")
        kept: list[str] = []
        found: list[Correction] = []
        for p in paragraphs:
            if p.strip() and is_notice(p):
                found.append(Correction(p.strip(), article.key))
            else:
                kept.append(p)
        if not found:
            out.append(article)
            continue
        notices.extend(found)
        out.append(dataclasses.replace(article, text="\n".join(kept).strip("\n")))
    return out, notices
