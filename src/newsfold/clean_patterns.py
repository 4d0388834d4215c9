"""The line shapes that :mod:`newsfold.clean`'s rules look for, as regular expressions, in every supported language:
reading times, calls to action and support appeals, credits, bylines, journalists' roles, list markers.

Like :mod:`newsfold.clean_phrases`, they are generic shapes of news pages, never the text of one site; the rules
that use them, and why, are in the module docstring of :mod:`newsfold.clean`.
"""

from __future__ import annotations

import re

_READING_TIME = re.compile(
    r"^(?:\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minute|minutes|minuten|minutos|minuti|мин|минут|минуты|دقيقة|دقائق)\.?"
    r"\s*(?:read|reading|de lecture|de lectura|de leitura|di lettura|lesezeit|leestijd|чтения|قراءة)?"
    r"|(?:(?:estimated|approx(?:imate|\.)?|geschätzte|temps|tiempo|tempo)\s+)?"
    r"(?:lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|reading time|"
    r"de lecture|de lectura|de leitura|di lettura|время чтения|وقت القراءة)"
    r"\s*:?\s*(?:ca\.\s*|~\s*)?\d+\s*[^\W\d_]*\.?)$",
    re.IGNORECASE,
)
_REPEATED = re.compile(r"^(.{2,40}?)(?:\s*\1){2,}$", re.IGNORECASE)
# "Foto: dpa", "Abbildung 4: …", "Fig. 2 –": a credit or caption word, an optional number, then a colon or slash.
_CREDIT_LEAD_SHAPE = re.compile(r"^\W*[^\W\d_]+\.?\s*(?:\d+[a-z]?\s*)?[:©/–]\s*")
# Calls to action: subscribe, log in, follow us, get the app, support us (many languages). A line with one of these
# is a widget when it opens with one, has two, or also speaks to the reader ("you", "Sie", "vous", "our" …).
_CTA = re.compile(
    r"\b(?:subscrib\w*|subscription|sign up|log ?in|newsletter|follow (?:us|\w+(?: \w+)? on)|download (?:the|our)|"
    r"apps? for ios|ios and android|support us|paywall|"
    r"abonnier\w*|abonnent\w*|abo|unterstütze\w*|bezahlschranke|"
    r"abonn\w+|pour lire la suite|pour accéder|soutenez|"
    r"suscr[ií]b\w*|suscrip\w*|únete|"
    r"iscriviti|abbona\w*|assine|assinantes?|inscreva\w*|"  # not "assinatura", "assinado": a treaty's signing
    r"подпиш\w*|подписк\w*|اشترك|"
    r"telegram|youtube|instagram|whatsapp|e-?paper)\b",
    re.IGNORECASE,
)
_YOU = re.compile(
    r"\b(?:you|your|you're|sie|ihr|du|dich|dir|dein\w*|vous|votre|tu|usted|te|você|seu|sua|voi|вы|вас|ваш\w*|"
    r"our|unser\w*|notre|nos|nuestr[oa]s?|noss[oa]s?|nostr[oai]|наш\w*)\b",  # or the site speaking: "our channel"
    re.IGNORECASE,
)
CTA_WORDS = 40  # a call to action is at most this long
# Words of a site's appeal for support (membership, donations, subscriptions), many languages: with the calls to action
# above, three different ones in a paragraph that also speaks to the reader mark the appeal at an article's end.
_APPEAL = re.compile(
    r"\b(?:become a (?:member|subscriber|supporter)|membership|donat\w*|readers like you|support (?:our|independent|"
    r"quality|local) (?:journalism|reporting|newsroom)|our (?:journalism|newsroom)|unlimited access|"
    r"mitglied werden|spende\w*|leser wie sie|unabhängigen journalismus|"
    r"devenez membre|faites un don|journalisme indépendant|lecteurs comme vous|"
    r"hazte (?:socio|miembro)|donaci\w+|periodismo independiente|lectores como tú|"
    r"diventa socio|sostienici|donazion\w+|giornalismo indipendente|"
    r"torne-se (?:membro|assinante)|doaç\w+|jornalismo independente|"
    r"поддержите|пожертвова\w*|независимую журналистику|"
    r"ادعم|تبرع)",
    re.IGNORECASE,
)
APPEAL_MARKS = 3  # distinct appeal words or calls to action in the paragraph, one of them a call to action
APPEAL_STEM = 5  # ... told apart by their first letters ("donations" and "donated" are one)
APPEAL_WORDS = 100  # an appeal paragraph is at most this long
APPEAL_TAIL = 3  # ... and one of the article's last this many kept paragraphs
_LABEL = re.compile(r"^[^,:]{1,40}:\s")  # a labelled list: "Subs: …", "Bayern: …"
TAG_ITEMS = 6  # a tag line at the end: this many comma-separated items ...
TAG_ITEM_WORDS = 3  # ... of at most this many words

_COPY_SIGN = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\bcopyleft\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# "– POOL / AFP", "- Reuters/John Smith", "| AP Photo": an agency-like credit after a dash or bar, end of line.
_CREDIT_TAIL = re.compile(
    r"\s[–—|-]\s*(?P<credit>(?:[A-Z][\w.&'-]*\s*){1,4}(?:/\s*(?:[A-Z][\w.&'-]*\s*){1,4})+)$"
)
_CREDIT_PAREN = re.compile(r"\((?:photo|foto|bild|image|imagen|immagine|фото|credit)\b[^)]{0,80}\)\s*$", re.I)
# "By Jane Doe", "di Paola Rossi e Marco Bianchi": the word for "by", then capitalised name words only.
_NAME = r"[A-ZÀ-ÞА-ЯЁ][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?i:by|von|par|por|di|de|da|door|автор)\s*:?\s+{_NAME}(?:\s+(?:and|und|et|y|e|и|{_NAME})){{0,5}}$"
    r"|^بقلم\s*:?\s+\S+(?:\s+\S+){0,4}$"
)
# A list entry reads like a title: it opens with a capital, digit or quote and does not stop mid-phrase. Lines of
# hard-wrapped prose open in lower case or end with a comma or hyphen, so they never make a run.
_TITLE_LIKE = re.compile(r"^[\W_]*[^\W_a-zà-ÿа-яё].*[^,;\-–]$", re.DOTALL)
# Extractors write list items as "- item" and table rows as "| a | b |": article structure, not link lists.
_ITEM = re.compile(r"^(?:[-|]\s|\|)")
# A journalist's role on a short line of its own ("Redakteur in der Wirtschaft", "Staff correspondent").
# It opens the line (after "our", "senior", "dal nostro" and the like) or follows a name and a comma; a headline
# that merely mentions a journalist ("Journalist killed in …") has it elsewhere.
_ROLE = re.compile(
    r"(?:^(?:(?:dal |del |de |von )?(?:our|nostr[oa]|unser\w*|notre|nuestr[oa]|nosso|senior|staff|chief|special|"
    r"freie[rn]?|leitende[rn]?)\s+)?|,\s*(?:\w+\s+){0,2})"
    r"(?:editor|reporter|correspondent|staff writer|redakteur(?:in)?|korrespondent(?:in)?|rédact(?:eur|rice)|"
    r"journaliste|envoyée? spéciale?|periodista|corresponsal|redattore|redattrice|giornalista|inviat[oa]|jornalista|"
    r"repórter|корреспондент|журналист|مراسل|محرر)\b",
    re.IGNORECASE,
)
# An image credit at the end of a caption: "… | © Springer", "… © Jane Doe/Agency".
_COPY_TAIL = re.compile(r"(?:^|\s[|–—-]?\s*)©\s*[\w./&' -]{2,40}$")
_BULLET = re.compile(r"^[+•»►▶→·◦▪■◆*]\s*\S")
