"""Where an item's title ends: how much a line reads as a title, and the title of a line whose text runs on."""
from __future__ import annotations

import re

from qa.parse.clean import TERMINAL

NOT_TITLE = re.compile(r"(?i)^(page\s+\d|\d|\(|https?:|www\.|tel\b|e-?mail\b)|@")


# Words that open the sentence of a minute run on after its title: "Apologies Councillor Cresswell sent…",
# "Matters Arising The sign placed…", "Register of Interests None".
SENTENCE_OPENER = re.compile(r"^(?:The|A|An|It|Its|This|These|That|There|All|No|None\.?|Nil\.?|Councillors?|Cllrs?|"
                             r"Members|Mr|Mrs|Ms|Miss|Dr|Following|After|Due|Resolved|Agreed|Noted|We|He|She|They|"
                             r"Please|Further)$")
_CONNECTOR = re.compile(r"(?i)^(?:of|and|the|to|for|in|on|with|from|by|at|&|-|–)$")


def _opens_clause(words: list[str], k: int) -> bool:
    """True when words[k] opens a sentence: a lower-case word soon follows, or it is a closing "None" / "Nil"."""
    # "The sign placed", "Councillor Cresswell sent"; not "Councillor Reports" or "No 23/00123 Land at"
    if k == len(words) - 1:
        return words[k] in ("None", "Nil", "None.", "Nil.")
    return any(w[:1].islower() and w.isalpha() and not _CONNECTOR.match(w) for w in words[k + 1:k + 4])


def run_on_title(line: str) -> str:
    """The title a line opens with, where a minute's text runs on after it; the line itself when none does."""
    words = line.split()
    for k in range(1, len(words)):
        if SENTENCE_OPENER.match(words[k]) and not _CONNECTOR.match(words[k - 1]) and _opens_clause(words, k):
            return " ".join(words[:k])
    return line


def run_in_label(text: str) -> str | None:
    """The short capitalised label before a colon with a sentence after it ("Minutes: C. Humphries…"), or None."""
    head, sep, tail = text.partition(":")
    tail = tail.lstrip("-–— ")
    words = head.split()
    if not sep or "\t" in text or len(tail.split()) < 3 or not 1 <= len(words) <= 6 or re.search(r"\d$", head):
        return None
    content = [w for w in words if not _CONNECTOR.match(w)]
    capitalised = sum(w[:1].isupper() for w in content) >= 0.6 * len(content)  # a label, not a clause
    return head.strip() if capitalised and title_quality(head) > 0 else None


# Two capitals words or more, then a sentence opening with a capitalised word of small letters.
CAPS_THEN_TEXT = re.compile(r"^((?:[A-Z0-9][A-Z0-9'’&/,().-]*\s+){0,11}[A-Z0-9][A-Z0-9'’&/,().-]*)\s+"
                            r"(?=[A-Z][a-z]+\b|\([A-Z][a-z]+\b)(?:\S+\s+){2}")


def caps_run_in(text: str) -> str | None:
    """The capitals title before the minute's text on its line, after a dash or not ("APOLOGIES FOR ABSENCE – Apologies
    were received…", "MARKET PLACE CONVENIENCES – REFURBISHMENT – to consider…", "WELCOME AND APOLOGIES The Chair
    welcomed…"), or None."""
    parts = re.split(r"\s[–—-]\s", text)
    k = 0
    while k < len(parts) - 1 and not re.search(r"[a-z]", parts[k]) and re.search(r"[A-Z]{2}", parts[k]):
        k += 1
    head, tail = " – ".join(parts[:k]), " – ".join(parts[k:])
    if k and len(tail.split()) >= 3 and 1 <= len(head.split()) <= 12:
        return head
    m = CAPS_THEN_TEXT.match(text)  # "WELCOME AND APOLOGIES The Chair welcomed everyone …": no dash between;
    # "PUBLIC COMMENT. (Speakers are limited …)": a note in brackets; one word only before its note
    if not m or len(re.sub(r"[^A-Z]", "", m.group(1))) < 6:
        return None
    one = len(m.group(1).split()) == 1
    note = text[m.end(1):].lstrip().startswith("(")
    return None if one and not note else m.group(1).rstrip(".") if note else m.group(1)


def title_quality(title: str) -> float:
    """How much a line looks like an item title: short, capitalised, no sentence end; 0 when it cannot be."""
    t = title.strip()
    if re.match(r"^\d{4}(?:[/-]\d{2,4})?\s+[A-Z]", t):
        t = t.split(None, 1)[1]  # "2024/25 Q4 Corporate Risk Report", "2022-2023 Audit Report": a year may open a title
    if not t or NOT_TITLE.search(t) or not (t[0].isupper() or t[0] in "'‘“\""):
        return 0.0
    words = t.split()
    if len(words) > 25:
        return 0.0
    q = 1.0
    if len(words) > 14:
        q -= 0.5
    if TERMINAL.search(t) and not t.endswith((")", ":", "?")):
        q -= 0.4
    if re.search(r"\b(?:that|was|were|had|has|would|will)\b", t) and len(words) > 8:
        q -= 0.3  # reads as a sentence of the minutes, not a heading
    return max(q, 0.0)


# An agenda's long sentence-style title, its wrapped lines joined in a PDF ("To elect a Leas-Chathaoirleach …
# to hold office until a successor has been elected.", "Discuss issues with An Garda Síochána (… will be in
# attendance)."): it tells the meeting what to do, its opening words read as a title, and past LONG_TITLE_WORDS
# it is a numbered paragraph of minutes ("Members considered the quotes … and resolved to accept …"), not a title.
AGENDA_INSTRUCTION = re.compile(r"^(?:To\s+)?(?:[Rr]eceive|[Cc]onsider|[Dd]iscuss|[Aa]pprove|[Aa]gree|[Nn]ote|[Ee]lect|"
                                r"[Aa]ppoint|[Rr]eview|[Aa]dopt|[Cc]onfirm|[Aa]uthori[sz]e|[Rr]esolve|[Dd]ecide|"
                                r"[Dd]etermine|[Rr]atify|[Cc]o-?opt|[Ff]ix|[Ss]et)\b")
# Who moved and seconded a resolution, set before it as a label ("R2018-077 L. Smith, L. Andersen: That we
# approve the budget", Ontario township minutes numbered by resolution): not the item's title, which is the
# resolution after it.
MOVERS = re.compile(r"(?:(?:[A-Z]\.\s?){1,3}|(?:Cllr|Councillor|Mayor|Reeve)\.?\s+)[A-Z][\w'’-]+"
                    r"(?:\s*[,/&]\s*(?:(?:[A-Z]\.\s?){1,3}|(?:Cllr|Councillor|Mayor|Reeve)\.?\s+)[A-Z][\w'’-]+)+\s*:\s+")
# The resolution's first sentence, ended where a sentence does ("… as presented. Carried."), not at an
# abbreviation ("By-law No. 2018-24", "Mr. Smith", "D. Jones").
RESOLUTION_END = re.compile(r"(?<=[a-z0-9]{2}[.;])(?<!\bMrs\.)\s+(?=[A-Z])")
RESOLUTION_WORDS = 25


def resolution_title(text: str) -> str | None:
    """The title of a resolution printed after its movers ("L. Smith, L. Andersen: That we approve …"), or None
    where the text does not open with movers and a capitalised resolution."""
    m = MOVERS.match(text)
    rest = text[m.end():].strip() if m else ""
    if not rest[:1].isupper():
        return None
    words = RESOLUTION_END.split(rest, maxsplit=1)[0].split()
    return " ".join(words[:RESOLUTION_WORDS])


# A councillor's question or notice of motion printed in quotes as its item's title (Irish councils' "Question
# submitted by Councillor X:" then "4." and "“I will ask at the next meeting …”", "“I will move …”"): the quotation
# is the item, up to LONG_NOTICE_WORDS words; its opening words read as a title. Only the notice's own formula: a
# quoted resolution ("“That the quote be accepted …”") or quoted speech under a number is a paragraph of minutes.
QUOTED_NOTICE = re.compile(r"^[“\"‘']\s*(?:I|We)\s+(?:will|wish to|would like to)\s+(?:ask|move|propose|request)\b")
LONG_NOTICE_WORDS = 80
OPENING_WORDS = 12
LONG_TITLE_WORDS = 32


def item_title_quality(title: str) -> float:
    """title_quality; for a long agenda instruction of at most LONG_TITLE_WORDS words, or a quoted question or notice
    of motion of at most LONG_NOTICE_WORDS, half its opening words'."""
    q = title_quality(title)
    words = title.split()
    if QUOTED_NOTICE.match(title.strip()) and len(words) <= LONG_NOTICE_WORDS:
        return max(q, 0.5 * title_quality(" ".join(words[:OPENING_WORDS])))
    if q or len(words) <= 14 or len(words) > LONG_TITLE_WORDS or not AGENDA_INSTRUCTION.match(title.strip()):
        return q
    return 0.5 * title_quality(" ".join(words[:OPENING_WORDS]))


FILLER_WORDS = 80  # as long as a notice of motion may be (LONG_NOTICE_WORDS)


def filler_title(text: str) -> str:
    """A long item's title: its first sentence, or the words before a colon that opens a list ("To consider &
    approve accounts for payment:- Merlin …"), at most FILLER_WORDS words."""
    first = re.split(r"\s*:-?\s", RESOLUTION_END.split(text, maxsplit=1)[0], maxsplit=1)[0]
    # verbatim, spaces and all: the rest of the line after it is the item's text (qa.parse.items._after_title)
    return re.match(rf"\s*(?:\S+\s+){{0,{FILLER_WORDS - 1}}}\S+", first).group(0).strip() if first.strip() else first


# An agenda front sheet's row: number, title run into its note, pages ("3. | Minutes of the Previous Meeting To
# confirm as a correct record the minutes of … | Page 3"; "Review of … Report of the Head of Service. | Pages 6 - 7").
PAGE_REF = re.compile(r"\t\s*(?:Pages?\s+)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*$")
# Where the note under an agenda title starts: what the meeting is to do, whose report it is.
AGENDA_NOTE = re.compile(r"\s(?=To\s+[a-z]+\b|Report\s+(?:of|by|from)\b|Purpose\b|(?:The|Members)\s+(?:\w+\s+){0,2}"
                         r"(?:is|are)\s+(?:asked|invited|requested)\b)")


NUMBERED_ROW = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?\.?\s+\S")  # "3.1 Carrick Falls Minor Hockey … <tab> 3"


def paged_title(text: str, row: str = "") -> str | None:
    """The title of an agenda row (text, in row) whose last cell gives its pages, without its note and pages;
    else None."""
    m = PAGE_REF.search(text)
    if not m or "Page" not in text[m.start():] and (row or text).count("\t") < 2 and not (
            NUMBERED_ROW.match(row or text) and re.fullmatch(r"\t\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*", m.group(0))):
        return None  # a bare number at a row's end is a page only in a table of number, title and pages
    head = text[:m.start()].split("\t")[-1].strip()
    return AGENDA_NOTE.split(head, maxsplit=1)[0].strip() or None


def is_caps_heading(line: str) -> bool:
    """An unnumbered heading set in capitals ("CONSENT CALENDAR", "CALL TO ORDER:", "PLEDGE OF ALLEGIANCE: To be
    announced"); not a session's time heading ("6:00 PM - OPEN SESSION")."""
    s = line.strip()
    head, colon, rest = s.partition(":")
    if colon and rest.strip() and len(rest.split()) <= 6 and not re.match(r"\d", rest.strip()):
        s = head  # a capitals heading with a short note after its colon
    s = s.rstrip(":").strip()
    if re.search(r"(?i)\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b", s):
        return False
    letters = re.sub(r"[^A-Za-z]", "", s)
    # a year opening the title ("2024 STREET RESURFACING"), an ordinance's number before its title ("ORDINANCE
    # 2024-11 – APPROVING …") and asides in brackets ("CHAPTER 5 (ALCOHOLIC LIQUOR)") do not make a line less of a
    # heading; a long number does (a phone, a sum, a date, "NEXT RESOLUTION NO. 2022-65")
    bare = re.sub(r"^(?:19|20)\d{2}\s+(?=[A-Z])|^(?:ORDINANCE|RESOLUTION)\s+(?:NO\.?\s*)?(?:19|20)\d{2}[-/]\d{1,4}\s+[–—-]\s",
                  "", s)
    words = [w for w in re.sub(r"\([^)]*\)", "", s).split() if w not in ("–", "—", "-")]
    return (len(letters) >= 4 and letters.isupper() and 1 <= len(words) <= 12 and not re.search(r"\d{3,}|@|www\.", bare)
            and not TERMINAL.search(s.rstrip(")")))
