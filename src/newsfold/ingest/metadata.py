"""The metadata that inputs declare, read one way for every format: publish dates and languages.

Contract ("Article lines"): ``published`` is kept as given (a date, or a datetime with its offset) and printed in
ISO 8601; unknown values are null, never guessed. :func:`normalise_published` is that rule for every reader
(JSONL lines, feed items):

* an ISO 8601 date or datetime is kept as given: its date, its time to the precision given and its offset
  (``Z`` stays ``Z``; a datetime without an offset stays without one). Only the notation is made the extended
  one that the rest of newsfold reads (``T`` between date and time, ``+02:00`` for ``+0200``);
* an RFC 2822 date (RSS ``pubDate``, e-mail headers) becomes ISO 8601 with its own offset: ``Thu, 09 Mar 2023
  07:30:00 +0100`` is ``2023-03-09T07:30:00+01:00``, ``GMT``/``UT`` is ``Z``, the zone names RFC 2822 defines
  (``EST``, ``PDT``...) their offsets, and any other zone name is left out rather than taken for UTC; without
  a time (``7 Mar 2023``) it is a date;
* a bare number is a Unix time when it has 10 digits (seconds) or 13 (milliseconds), written in UTC;
* the basic format (``20220217``, ``20220217T100000Z``) is written in the extended one, a date known to the month
  (``2022-02``) is kept so, a date with its month named first (``Mar 9, 2023``) is read as RFC 2822's, and "UTC" /
  "GMT" after an ISO time (``2022-02-17 10:00:00 UTC``) is ``Z``;
* anything else is unknown, ``None``: an impossible date (``2023-02-30``), a numeric form whose order is a
  convention (``12/09/2023``), free text.

:func:`normalise_lang` makes a declared language an ISO 639-1 code (``en-GB`` is ``en``) or drops it (``xx-zz``).
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(
    r"(?P<date>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))"
    r"(?:[Tt ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?P<frac>[.,]\d{1,9})?)?"
    r"(?:\s?(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT|UT))?)?",
    re.ASCII,
)
# The basic format ("20220217", "20220217T100000Z"), read as the extended one.
_ISO_BASIC = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?(?P<zone>Z|[+-]\d{4})?)?",
    re.ASCII,
)
_MONTH_FIRST = re.compile(
    r"(?:[A-Za-z]{3,9},?\s*)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?P<rest>\s+\d.*)?",
    re.ASCII,
)
_ISO_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})", re.ASCII)  # a date known to the month: kept so
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3,9},?\s*)?(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>\d{4}|\d{2})"
    r"(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?(?:\s*\([^()]*\))?)?",
    re.ASCII,
)
# The zone names RFC 2822 (section 4.3) gives an offset; hours from UTC. Other names ("CEST", "MSK", military
# letters) are not read: RFC 2822 itself says their meaning is not reliable.
_ZONES = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
}
_ZONES |= {"PST": -8, "PDT": -7}
# Unix times: 10 digits of seconds (2001-09-09 to 2286) or 13 of milliseconds. Shorter or longer numbers are
# not told apart from a number written for another reason (an id, a basic-format date) and stay unknown.
_EPOCH_SECONDS = 10
_EPOCH_MILLIS = 13


def _offset(text: str) -> dt.timezone | None:
    """``+02:00``, ``+0200`` or ``+02`` as a timezone; None when out of range (24 hours or more, minutes > 59)."""
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)


def _offset_text(zone: dt.timezone) -> str:
    delta = zone.utcoffset(None)
    sign = "-" if delta < dt.timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _iso(text: str) -> str | None:
    m = _ISO.fullmatch(text)
    if m is None:
        return None
    try:
        dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["h"] is not None:
            dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0))
    except ValueError:
        return None
    if m["h"] is None:
        return m["date"]
    clock = f"{m['h']}:{m['mi']}" + (f":{m['s']}" if m["s"] else "") + (m["frac"] or "").replace(",", ".")
    zone = m["zone"]
    if zone is None:
        return f"{m['date']}T{clock}"
    if zone in ("Z", "z", "UTC", "GMT", "UT"):
        return f"{m['date']}T{clock}Z"
    tz = _offset(zone)
    return f"{m['date']}T{clock}{_offset_text(tz)}" if tz is not None else None


def _rfc2822(text: str) -> str | None:
    m = _RFC2822.fullmatch(text)
    if m is None:
        return None
    month = _MONTHS.get(m["mon"].lower())
    if month is None:
        return None
    year = int(m["y"])
    if len(m["y"]) == 2:  # RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999
        year += 2000 if year < 50 else 1900
    try:
        day = dt.date(year, month, int(m["d"]))
        if m["h"] is None:
            return day.isoformat()  # a date without a time stays a date
        when = dt.datetime.combine(day, dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0)))
    except ValueError:
        return None
    clock = when.isoformat(timespec="seconds")
    zone = m["zone"]
    if zone is None:
        return clock
    if zone[0] in "+-":
        zone = zone.replace(":", "")
        if zone == "-0000":  # RFC 2822: the time is UTC, the sender's own zone unknown
            return clock + "Z"
        tz = _offset(zone)
        return None if tz is None else clock + ("Z" if zone == "+0000" else _offset_text(tz))
    hours = _ZONES.get(zone.upper())
    if hours is None:
        return clock  # a zone name RFC 2822 does not define: the offset is unknown, not guessed as UTC
    return clock + ("Z" if hours == 0 else _offset_text(dt.timezone(dt.timedelta(hours=hours))))


def _epoch(digits: str) -> str | None:
    if len(digits) == _EPOCH_SECONDS:
        when = dt.datetime.fromtimestamp(int(digits), dt.UTC)
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if len(digits) == _EPOCH_MILLIS:
        seconds, millis = divmod(int(digits), 1000)
        when = dt.datetime.fromtimestamp(seconds, dt.UTC) + dt.timedelta(milliseconds=millis)
        spec = "seconds" if digits.endswith("000") else "milliseconds"
        return when.replace(tzinfo=None).isoformat(timespec=spec) + "Z"
    return None


BAD_PUBLISHED = "bad_published"  # the flag of an article whose given publish date could not be read


def published_flags(value: object, published: str | None) -> tuple[str, ...]:
    """``(BAD_PUBLISHED,)`` when an input gave a publish date (``value``) that reads as none (``published``)."""
    given = value is not None and not (isinstance(value, str) and not value.strip())
    return (BAD_PUBLISHED,) if given and published is None else ()


def normalise_published(value: object) -> str | None:
    """A declared publish date as ISO 8601, kept as given; None when it is missing or cannot be read.

    Args:
        value: the date as the input gives it: a string (ISO 8601, RFC 2822, a Unix time in digits) or, from
            JSON, a number (a Unix time).

    Returns:
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]``, or None. See the module docstring.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return None
        return _epoch(str(int(value))) if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    basic = _ISO_BASIC.fullmatch(text)
    if basic is not None:
        return _basic(basic)
    if text.isdigit():
        return _epoch(text) if text.isascii() else None
    if _ISO_MONTH.fullmatch(text):
        return text if 1 <= int(text[5:]) <= 12 else None
    if text[:1].isdigit() and text[4:5] == "-":
        return _iso(text)
    m = _MONTH_FIRST.fullmatch(text)
    if m is not None:  # "Mar 9, 2023", "Thursday, March 9, 2023 07:30": the month named, so no convention
        text = f"{m['d']} {m['mon']} {m['y']}{m['rest'] or ''}"
    return _rfc2822(text)


def _basic(m: re.Match[str]) -> str | None:
    """An ISO 8601 basic-format date or datetime (its ``_ISO_BASIC`` match) in the extended format (None if it names
    no such day)."""
    extended = f"{m['y']}-{m['m']}-{m['d']}"
    if m["h"] is not None:
        zone = m["zone"] or ""
        extended += f"T{m['h']}:{m['mi']}" + (f":{m['s']}" if m["s"] else "") + zone
    return _iso(extended)


# The ISO 639-1 language codes; the withdrawn "iw", "in" and "ji" are read as their successors.
_ISO_639_1_CODES = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
    ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
    io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml
    mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
    se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
    vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())
_WITHDRAWN = {"iw": "he", "in": "id", "ji": "yi"}
# A BCP 47 tag (or a POSIX locale name): a primary subtag of letters, then subtags after "-" or "_"; markup
# pasted around it (lang="de-DE", xml:lang='fr') is read for the tag.
_LANG_TAG = re.compile(
    r"(?:[\w:-]+\s*=\s*)?([\"']?)([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*(?:\.[\w-]+)?\1", re.ASCII
)


def normalise_lang(value: object) -> str | None:
    """A declared language as its ISO 639-1 code (``en-GB``, ``de_DE.UTF-8``, ``FR``, ``lang="pt-BR"`` give
    ``en``, ``de``, ``fr``, ``pt``); None when it is missing or not a language tag with a known two-letter
    language (``xx-zz``, ``deu``, ``English``).

    Args:
        value: the language as the input declares it.

    Returns:
        A lowercase two-letter code, or None.
    """
    if not isinstance(value, str):
        return None
    m = _LANG_TAG.fullmatch(value.strip())
    if m is None:
        return None
    code = m.group(2).lower()
    code = _WITHDRAWN.get(code, code)
    return code if code in ISO_639_1 else None
