"""The heading block of a meeting document: body, date, venue, attendance."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
# Nouns that end the name of a meeting body ("Transport & Connectivity Policy Committee", "City Commission"); a
# council sitting as a "Committee of the Whole" (US and Canadian cities) before the plain noun it starts with.
BODY_NOUN = (r"(?:Committee of the Whole|Council|Commission|Committee|Sub-Committee|Board|Cabinet|Panel|Authority|"
             r"Assembly|Executive|Forum|Group|District|"
             r"Commissioners'? Court|Fiscal Court)")  # a US county's governing body: a court
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A roll call's labels under each vote ("RESULT: ADOPTED", "MOVER:", "SECONDER:", "Final Resolution: Motion
# Carried", "Yes: Trustee Brown", "Moved: Cr Smith", "In Favour: Crs Jones, Lee"): fields, not speakers nor items
ROLL_CALL = (r"(?:result|mover|seconder|final resolution|yes|no|ayes?|nays?|noes|yeas|abstain(?:ed|ing|s)?|"
             r"abstentions?|recused|moved|seconded|in fav(?:ou)?r|against|carried|lost)")
# A recording's time before a turn of speech: "[0:00:07] BRIAN BURNETT:", "(01:12:40) Mayor Lago:"
TIMESTAMP = r"(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]\s*)?"
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
DATE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})\b", re.I)
DATE_NUM = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _mk(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str | None, re.Match | None]:
    """The first real calendar date written in text, as ISO, with its match."""
    best = None
    for rx, order in ((DATE_DMY, "dmy"), (DATE_MDY, "mdy"), (DATE_ISO, "ymd"), (DATE_NUM, "dmy_num")):
        for m in rx.finditer(text):
            if order == "dmy":
                iso = _mk(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
            elif order == "mdy":
                iso = _mk(int(m.group(3)), MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
            elif order == "ymd":
                iso = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            else:
                iso = _mk(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if iso and (best is None or m.start() < best[1].start()):
                best = (iso, m)
            if iso:
                break
    return (best[0], best[1]) if best else (None, None)


# What a dated title line says of the document rather than the body: "Draft Meeting Minutes: October 11, 2018",
# "Meeting Agenda – 4 May 2023", "Approved Minutes 12/03/2024" (US boards' and parish web pages' page titles).
# The kinds of meeting a title names before "meeting" ("Regular Meeting", "Extraordinary Meeting of Council").
MEETING_ADJECTIVES = r"regular|special|ordinary|extraordinary|annual|adjourned|monthly|quarterly"
_DOCUMENT = (rf"draft|approved|unapproved|final|revised|amended|{MEETING_ADJECTIVES}|"
             r"meeting|minutes|agenda|notes|summary|action|of|the|for")
DOCUMENT_WORDS = re.compile(rf"(?i)(?:(?:{_DOCUMENT})\b[\s:,\-–—|()]*)+")
_DOCUMENT_WORD = re.compile(rf"(?i)(?:{_DOCUMENT})")
# A name ending as a body's does: "… Committee", "Board of Adjustment".
ENDS_IN_BODY = re.compile(rf"(?i)\b{BODY_NOUN}(?:\s+of\s+\S+(?:\s+\S+){{0,3}})?$")


def without_document_words(name: str) -> str:
    """A body's name without the document's words after it ("X Board Regular Meeting Minutes"), else name as given."""
    words = name.split()
    k = len(words)
    while k and _DOCUMENT_WORD.fullmatch(words[k - 1].strip(":,-–—|()")):
        k -= 1
    head = " ".join(words[:k])
    return head if k < len(words) and ENDS_IN_BODY.search(head) else name


def split_title_line(line: str) -> tuple[str | None, str | None, str | None]:
    """'<Body> Thursday, 11 March 2021, Online - 10.00 am' -> (body, iso date, venue); no body where the words
    before the date only name the document."""
    iso, m = find_date(line)
    if not m:
        return None, None, None
    before = line[: m.start()]
    # separators, a weekday, separators: stripped in turn, as one pattern anchored at the end backtracks on runs
    # of spaces
    before = re.sub(rf"(?i)\b{WEEKDAY}$", "", before.rstrip(" \t\n,-–")).rstrip(" \t\n,-–").strip(" -–,")
    before = "" if DOCUMENT_WORDS.fullmatch(before) else without_document_words(before)
    after = line[m.end():]
    after = re.sub(r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm)?|\b\d{1,2}\s*(?:am|pm)\b", "", after, flags=re.I)
    venue = after.strip(" ,-–") or None
    if venue:
        venue = re.sub(r"\s*[-–,]\s*$", "", venue).strip() or None
    return (before or None), iso, venue


def split_names(text: str) -> tuple[str, ...]:
    """'Mr A D Kent (Chairman), Mrs E B Tucker and Mr A Stafford' -> each name as written."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    parts: list[str] = []
    depth = 0
    cur = ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    names: list[str] = []
    for p in parts:
        p = p.strip()
        # "X and Y" separates two names only when Y starts a name ("Transformation and Commissioning" does not)
        pieces = re.split(r"\s+and\s+(?![^()]*\))", p)
        chunks = [pieces[0]]
        for piece in pieces[1:]:
            if _is_name_start(piece):
                chunks.append(piece)
            else:
                chunks[-1] += " and " + piece
        for c in chunks:
            c = c.strip()
            if not c:
                continue
            c = re.sub(r"^(?:Councillors|Cllrs)\s+", "", c)
            if names and _is_role(c) and HONORIFIC.match(names[-1]) and "(" not in names[-1]:
                names[-1] += ", " + c  # a role after a comma: "Ms K J May, Cabinet Member with …"
            else:
                names.append(c)
    return tuple(names)


def abbreviation(body: str) -> str:
    """'Corporate and Communities Overview and Scrutiny Panel' -> 'ccosp'; one-word bodies stay whole."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", body) if w.lower() not in {"and", "of", "the", "for", "&"}]
    if len(words) <= 1:
        return (words[0] if words else "meeting").lower()
    return "".join(w[0] for w in words).lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


HONORIFIC = re.compile(r"^(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|Rev)\b\.?")


def _is_name_start(s: str) -> bool:
    """Whether a piece of an attendance list starts a new person ("Mr A Kent", "Alyson Grice (…)")."""
    return bool(HONORIFIC.match(s) or re.match(r"^(?:[A-Z]\.?\s+)+[A-Z][a-z]", s) or re.match(r"^[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)+(?:\s*\(|$)", s))


def _is_role(s: str) -> bool:
    """A piece after a comma that describes the person before it, not a new person."""
    if "(" in s or HONORIFIC.match(s):
        return False
    return bool(re.search(r"\b(with|for|of|to)\b", s)) or not s[:1].isupper()
