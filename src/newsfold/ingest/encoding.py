"""Bytes to text: byte-order marks, declared charsets, in-document declarations, then detection.

The order follows the HTML standard's encoding sniffing (BOM, then the transport's charset, then a ``<meta>``
or XML declaration in the first bytes) with two pragmatic changes that real crawls need: bytes that are valid
UTF-8 and contain multi-byte sequences are read as UTF-8 even when a legacy single-byte charset is declared
(a common mis-declaration; the chance that real windows-125x text is also valid UTF-8 is tiny), and a
page declared UTF-8 whose bytes are mostly not UTF-8 goes to detection. Undeclared non-UTF-8 bytes are
detected with charset-normalizer. Decoding never fails: after the choice, bad bytes become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels whose WHATWG meaning differs from Python's codec of that name: browsers read latin-1 and ASCII pages
# as windows-1252, GB2312/GBK as GB18030, Shift_JIS as cp932, EUC-KR as cp949, and a UTF-16 label inside an
# 8-bit document cannot be true, so it means UTF-8.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "cp1252",
}

# How far into a document a <meta charset> or XML declaration is looked for. The HTML standard says 1024
# bytes; real pages put long scripts and comments first, so this is more generous.
SNIFF_BYTES = 16_384
# How much of an undeclared document charset-normalizer sees: enough for a confident guess, bounded time.
DETECT_BYTES = 131_072
# A page declared (or looking) UTF-8 is read as UTF-8 when at most this share of its non-ASCII bytes is
# invalid; more than that means the declaration is wrong. 1% tolerates a stray bad byte in a long page.
UTF8_BAD_SHARE = 0.01

_META_RE = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""",
    re.IGNORECASE,
)
_XML_DECL_RE = re.compile(
    rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", re.IGNORECASE
)
_CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)


def normalize_charset(label: str | None) -> str | None:
    """Map a charset label to a Python codec name, or None when it names no known codec.

    Args:
        label: a charset label as found in a header or document (``"ISO-8859-1"``, ``"windows-1251"``).

    Returns:
        A codec name Python can decode with, after the browser aliases above, else None.
    """
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the ``charset`` parameter of a Content-Type header value, else None."""
    if not content_type:
        return None
    match = _CHARSET_PARAM_RE.search(content_type)
    return match.group(1) if match else None


def bom_encoding(data: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of ``data``, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def wide_json_encoding(head: bytes) -> str | None:
    """Tell whether JSON text starts UTF-16 or UTF-32 encoded: by its byte-order mark, else by its NUL bytes.

    What Windows PowerShell writes (``Out-File``, ``>``) is UTF-16 with a BOM. Without one, JSON's first
    character is ASCII, so its NUL bytes tell the width and byte order (RFC 4627, section 3).

    Args:
        head: the first bytes (four are enough).

    Returns:
        ``"utf-16"`` or ``"utf-32"`` (the BOM says the order), ``"utf-16-le"`` and the like, or None.
    """
    bom = bom_encoding(head)
    if bom in WIDE_CODECS:
        return bom
    if len(head) < 4 or bom:
        return None
    first = head[:4]
    if first[:3] == b"\0\0\0" and first[3:] in _JSON_START:
        return "utf-32-be"
    if first[1:] == b"\0\0\0" and first[:1] in _JSON_START:
        return "utf-32-le"
    if first[0] == 0 and first[1:2] in _JSON_START and first[2] == 0:
        return "utf-16-be"
    if first[1] == 0 and first[:1] in _JSON_START and first[3] == 0:
        return "utf-16-le"
    return None


# The first character of a JSONL line (an object, or blank space before one).
_JSON_START = frozenset({b"{", b"[", b" ", b"\t", b"\r", b"\n"})


def sniff_declared(data: bytes) -> str | None:
    """Find a charset declared inside the document: an XML declaration or an HTML ``<meta>``.

    Args:
        data: the document's bytes (only the first :data:`SNIFF_BYTES` are looked at).

    Returns:
        The declared label, as written, else None.
    """
    head = data[:SNIFF_BYTES]
    match = _XML_DECL_RE.search(head) or _META_RE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _utf8_fits(data: bytes) -> bool:
    """Tell whether ``data`` reads as UTF-8 with at most a small share of invalid bytes."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return True
    non_ascii = sum(1 for b in data if b >= 0x80)
    bad = data.decode("utf-8", "replace").count("\ufffd")
    return bad <= UTF8_BAD_SHARE * non_ascii


def _has_multibyte_utf8(data: bytes) -> bool:
    """Tell whether ``data`` is valid UTF-8 and uses multi-byte sequences (so it is not plain ASCII)."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The legacy code pages of Latin-script text, in the order a tie goes: windows-1252 (what "latin-1" means on
# the web) is by far the commonest.
LATIN_CODEPAGES = ("cp1252", "cp1250", "cp1254", "cp1257")
# The accented letters of the languages written in them. charset-normalizer tells Cyrillic from Greek from
# Latin script well, but one Latin code page from another poorly: Spanish "España" in latin-1 reads as
# windows-1250 "Espańa" at the same chaos and coherence, Czech as windows-1252. The code page in which the
# high bytes spell the letters of one language is the one (German "äöüß" is the same in all four: a tie).
_ALPHABETS = (
    "áéíóúñü",  # Spanish
    "áàâãçéêíóôõú",  # Portuguese
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áéëèïöóü",  # Dutch
    "åäöéæø",  # Swedish, Finnish, Danish, Norwegian
    "áðéíóúýþæö",  # Icelandic
    "çë",  # Albanian
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Croatian, Slovenian, Bosnian
    "ăâîșțşţ",  # Romanian
    "çğıİöşüâîû",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
)
# Non-letters that say nothing about the code page (typographic quotes, dashes, currency, guillemets...).
_NEUTRAL = frozenset("\xa0“”‘’„‚–—…•€£¥¢«»‹›°§©®™±×÷·¡¿ªº¬¦¨¯´¸¤")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def latin_codepage(data: bytes) -> str:
    """Choose among the Latin-script code pages the one whose high bytes spell one language's letters best.

    Args:
        data: legacy-encoded text (a sample is enough).

    Returns:
        One of :data:`LATIN_CODEPAGES`; windows-1252 on a tie.
    """
    counts = {b: data.count(b) for b in (bytes([i]) for i in range(0x80, 0x100))}
    counts = {b: n for b, n in counts.items() if n}
    best, best_score = LATIN_CODEPAGES[0], -1.0
    for codec in LATIN_CODEPAGES:
        letters: dict[str, int] = {}
        seen = 0
        for byte, n in counts.items():
            char = byte.decode(codec, "replace")
            if char in _NEUTRAL:
                continue
            seen += n  # a letter, or a symbol no text needs (¹, ³, an undefined byte): evidence either way
            if char.isalpha():
                letters[char.lower()] = letters.get(char.lower(), 0) + n
                if char == "İ":
                    letters[char] = letters.get(char, 0) + n
        fit = max(sum(n for c, n in letters.items() if c in alphabet) for alphabet in _ALPHABETS)
        score = fit / seen if seen else 0.0
        if score > best_score:
            best, best_score = codec, score
    return best


def _mostly_latin(data: bytes, codec: str) -> bool:
    """Tell whether ``data`` read as ``codec`` has mostly Latin letters among its non-ASCII letters."""
    letters = [c for c in _NON_ASCII.findall(data.decode(codec, "replace")) if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return not letters or latin * 2 >= len(letters)


# A multi-byte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def has_utf8_sequence(data: bytes) -> bool:
    """Whether bytes hold a multi-byte UTF-8 sequence, valid or not elsewhere: a damaged UTF-8 text does, a text in
    a legacy code page next to never (its accented letters stand alone: "Ni\xf1o", "C\xe1diz")."""
    return _UTF8_SEQUENCE.search(data) is not None


def detect_legacy(data: bytes) -> str:
    """Guess the legacy (not UTF-8) codec of bytes: charset-normalizer, with the Latin code page by alphabet.

    Args:
        data: a sample of the bytes (at most a few hundred KiB are worth giving).

    Returns:
        A Python codec name: charset-normalizer's choice for Cyrillic, Greek, Arabic, Hebrew, CJK and other
        scripts; for Latin-script text (or when it finds nothing) :func:`latin_codepage`'s.
    """
    # Imported here: charset-normalizer loads its tables on import, and most inputs never need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    found = normalize_charset(best.encoding) if best is not None else None
    if found is None or _mostly_latin(data, found):
        return latin_codepage(data)
    return found


def detect_encoding(data: bytes) -> str:
    """Guess the codec of undeclared bytes: UTF-8 when valid, else :func:`detect_legacy`.

    Args:
        data: the document's bytes.

    Returns:
        A Python codec name.
    """
    if data.isascii() or _utf8_fits(data[:DETECT_BYTES]):
        return "utf-8"
    return detect_legacy(data[:DETECT_BYTES])


def choose_encoding(data: bytes, declared: str | None = None) -> str:
    """Pick the codec for ``data``: BOM, then ``declared``, then an in-document declaration, then detection.

    Args:
        data: the document's bytes.
        declared: a charset label from outside the document (an HTTP or WARC Content-Type), if any.

    Returns:
        A Python codec name.
    """
    bom = bom_encoding(data)
    if bom:
        return bom
    for label in (declared, sniff_declared(data)):
        codec = normalize_charset(label)
        if codec is None:
            continue
        if codec == "utf-8":
            return codec if _utf8_fits(data[:DETECT_BYTES]) else detect_encoding(data)
        if codec in WIDE_CODECS:
            return codec
        return "utf-8" if _has_multibyte_utf8(data[:DETECT_BYTES]) else codec
    return detect_encoding(data)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a document's bytes to text, never failing.

    Honours a byte-order mark, then ``declared`` (an HTTP or WARC Content-Type charset), then a ``<meta>``
    charset or XML declaration, and otherwise detects the encoding (a Russian windows-1251 page with no
    declaration comes out as Cyrillic). Bytes invalid in the chosen encoding become U+FFFD.

    Args:
        data: the raw bytes.
        declared: a charset label given with the document, if any (``"windows-1251"``, ``"utf-8"``).

    Returns:
        The decoded text, without a byte-order mark.
    """
    codec = choose_encoding(data, declared)
    return data.decode(codec, "replace").lstrip("\ufeff")


# Magic numbers of common binary formats that turn up misnamed as pages or text.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x7fELF",
    b"RIFF",  # webp, wav, avi
    b"OggS",
    b"\x1a\x45\xdf\xa3",  # webm, mkv
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x00\x00\x01\x00",  # ico
    b"wOFF",
    b"wOF2",
    b"ID3",  # mp3
    b"\xd0\xcf\x11\xe0",  # old MS Office
)
# Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which a sample
# is not text. Text in any encoding has almost none; compressed or image data has about 10%.
MAX_CONTROL_SHARE = 0.02
MAX_NUL_SHARE = 0.001  # NUL bytes per byte of a text (UTF-16 without a BOM has one in two) ...
STRAY_NULS = 2  # ... or this many in a short one
_CONTROL = frozenset(set(range(32)) - {9, 10, 12, 13, 27}) | {127}


def looks_binary(data: bytes) -> bool:
    """Tell whether ``data`` is binary (an image, an archive, compressed bytes) rather than text.

    Args:
        data: the start of a file (a few KiB are enough).

    Returns:
        True for a known binary magic number, more than a few NUL bytes (``MAX_NUL_SHARE``) without a UTF-16/32
        BOM, or many control bytes.
    """
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(_BINARY_MAGIC) or sample.startswith(b"\x1f\x8b"):
        return True
    if bom_encoding(sample) in {"utf-16", "utf-32"}:
        return False
    if sample.count(b"\x00") > max(STRAY_NULS, MAX_NUL_SHARE * len(sample)):
        return True  # a stray NUL or two (a bad copy, a terminator) do not make a text binary; cleaning drops them
    control = sum(1 for b in sample if b in _CONTROL)
    return control > MAX_CONTROL_SHARE * len(sample)


# UTF-8 read as windows-1252 or latin-1 ("Ã©" for "é", "â€™" for "’"): a lead byte's letter and a continuation byte's.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
MOJIBAKE_MIN = 2  # sequences a text needs before it is repaired
_LOST_A0 = re.compile("Ã (?=[^\\W\\d_])")  # "à" ends its word: a letter after it had a space of its own


def repair_mojibake(text: str) -> str | None:
    """UTF-8 text that was decoded as windows-1252 (or latin-1) and saved so ("Les Ã©lÃ¨ves" for "Les élèves"),
    given back, or None when the text is not such.

    Args:
        text: any text.

    Returns:
        The repaired text when the whole text reads back as UTF-8 and holds no such sequence after; None otherwise.
    """
    if "Ã" not in text and len(_MOJIBAKE.findall(text[:100_000])) < MOJIBAKE_MIN:
        return None
    # "à" is C3 A0, and A0 is the no-break space, which copying often turns into a plain one ("manifestÃ© Ã
    # Marseille"), and then a run of spaces into one ("sarÃ forse": "sarà forse")
    text = _LOST_A0.sub("Ã\u00a0 ", text).replace("Ã ", "Ã\u00a0")
    if len(_MOJIBAKE.findall(text[:100_000])) < MOJIBAKE_MIN:
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not _MOJIBAKE.search(fixed):
            return fixed
    # Mixed: a text pasted together from a broken part and a sound one ("libertÃ\xa0 di assemblea" beside "c'è") does
    # not read back as a whole; each broken sequence is given back on its own.
    fixed = _SEQUENCE.sub(_sequence_back, text)
    return fixed if fixed != text and not _MOJIBAKE.search(fixed) else None


# One UTF-8 sequence read as windows-1252 or latin-1: a lead byte's character and its continuation bytes' characters
# (0x80-0xBF as either code page writes them).
_CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_SEQUENCE = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)


def _sequence_back(m: re.Match[str]) -> str:
    """The character a mojibake sequence stands for, or the sequence itself when its bytes are no UTF-8."""
    raw = b"".join(c.encode("cp1252") if ord(c) > 0xFF else c.encode("latin-1") for c in m.group())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()
