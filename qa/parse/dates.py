"""Dates as councils write them, and which of a header's dates is the meeting's."""
from __future__ import annotations

import re
from collections import Counter

from dateutil import parser as dateparser

HEAD_LINES = 80  # a document's header: where its meeting date and body are looked for

_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")  # in Python's weekday() order
WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")day"  # "Thursday", in any case under re.I

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORD, 1)}
ORDINAL_WORDS.update({"twenty-" + w: 20 + i for i, w in enumerate(_ORD[:9], 1)})
ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31})
# Welsh councils publish in Welsh too: "9fed Medi 2020", "1af Gorffennaf 2020", "31ain Gorffennaf 2020".
WELSH_MONTHS = {"ionawr": "January", "chwefror": "February", "mawrth": "March", "ebrill": "April", "mai": "May",
                "mehefin": "June", "gorffennaf": "July", "awst": "August", "medi": "September", "hydref": "October",
                "tachwedd": "November", "rhagfyr": "December"}
_WELSH_MONTH = "(?:" + "|".join(WELSH_MONTHS) + ")"
_WELSH_ORDINAL = r"(?:af|il|ail|ydd|ed|fed|eg|ain)"
DATE_SPANS = (
    # "Thursday, 13 March 2025", "13th March 2025", "23rd March, 2026"
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b", re.I),
    # "March 13, 2025", "JUNE 6, 2023", "December 6 2022"
    re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.I),
    # "9fed Medi 2020" (Welsh)
    re.compile(rf"\b\d{{1,2}}{_WELSH_ORDINAL}?\s+{_WELSH_MONTH},?\s+\d{{4}}\b", re.I),
    # "2025-03-13"
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    # "13/03/2025", "3/12/2024" (day first unless the month cannot be)
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
)
# "PASSED AND ADOPTED THIS TWELFTH DAY OF MARCH, A.D., 2024" (US ordinances and resolutions)
DAY_OF = re.compile(rf"(?i)\bthis\s+(\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)\s+day\s+of\s+({_MONTH}),?\s+(?:A\.?D\.?,?\s+)?(\d{{4}})")
# The adoption a date is of ("PASSED AND ADOPTED by the City Council on March 5, 2024", "Adopted: 5 March 2024"):
# "adopted" just before it; not "had adopted its Local Plan, and … the charge would rise from 1st July 2023".
ADOPTED_ON = re.compile(r"(?i)\badopted\b[^.;]{0,40}$")
# Where a date is not the meeting's: print, publication, posting, letters, deadlines, signatures.
NOT_MEETING = re.compile(r"(?i)printed|published|publication|posted|issued|dated|date of issue|signed|deadline|"
                         r"despatch|dispatch|circulated|envelope|letter|last updated|modified|amended on|\bset\s+(?:on|for)\b")
# Where a date is another meeting's: the minutes of an earlier meeting put up for approval ("1. Approval of
# Minutes" over "a. Regular Board Meeting of March 11, 2019"; "The Board approved the preceding minutes on …";
# "to confirm the minutes of the meeting held on …"), said on the line or the one above it.
EARLIER_MEETING = re.compile(r"(?i)\b(?:approval|confirmation|adoption|signing) of (?:the )?(?:[\w-]+ ){0,3}minutes\b|"
                             r"\b(?:approve|confirm|adopt|sign)(?:s|d|ed)? the (?:[\w-]+ ){0,3}minutes\b|"
                             r"\bminutes\s+of\s+(?:the\s+)?(?:previous|last|prior|preceding)\b|"
                             r"\b(?:previous|last|prior|preceding) (?:regular |special |ordinary )?meeting\b")
LISTED = re.compile(r"^\s*(?:[a-z]{1,3}[.)]|\([a-z0-9]{1,3}\)|\d{1,2}[.)]|[-•*–])\s")  # "a.", "(ii)", "2)", "•"
MEETING_CUE = re.compile(rf"(?i)meeting|held|minutes|agenda|cyfarfod|cynhaliwyd|cofnodion|\b{WEEKDAY}\b|"
                         r"\d\s*(?:a\.?m|p\.?m)|adopted|date\s*:")


def parse_date(span: str, dayfirst: bool = True) -> str | None:
    """A date as written to ISO, through dateutil; None when it is not a real date."""
    try:
        return dateparser.parse(span, dayfirst=dayfirst, fuzzy=True, default=None).date().isoformat()
    except (ValueError, OverflowError, AttributeError, TypeError):
        return None


def _in_english(span: str) -> str:
    """A date span with a Welsh month and ordinal put in English, for dateutil ("9fed Medi 2020": "9 September 2020")."""
    span = re.sub(rf"(?i)\b(\d{{1,2}}){_WELSH_ORDINAL}\b", r"\1", span)
    return re.sub(rf"(?i)\b{_WELSH_MONTH}\b", lambda m: WELSH_MONTHS[m.group(0).lower()], span)


def dates_in(line: str, us: bool = False) -> list[tuple[int, str]]:
    """(offset, ISO date) of every date written in a line."""
    out = []
    m = DAY_OF.search(line)
    if m:
        day = m.group(1).lower()
        d = ORDINAL_WORDS.get(day) or int(re.sub(r"\D", "", day) or 0)
        iso = parse_date(f"{d} {m.group(2)} {m.group(3)}") if d else None
        if iso:
            out.append((m.start(), iso))
    for rx in DATE_SPANS:
        for m in rx.finditer(line):
            iso = parse_date(_in_english(re.sub(r"(?i)\bof\b", "", m.group(0))), dayfirst=not us)
            if iso and not any(abs(o - m.start()) < 4 for o, _ in out):
                out.append((m.start(), iso))
    return sorted(out)


# A line that is a date and nothing else: "March 27, 2019", "Tuesday 12 March 2024, 6.00 pm" (a title block's)
BARE_DATE = re.compile(rf"(?i)(?:{WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?\s+"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?)?")


# A committee web page's list of its other meetings, each a date on its own line: none of them this meeting.
OTHER_MEETINGS = re.compile(r"(?i)^\W*(?:other|previous|past|earlier|future|upcoming|forthcoming|more)\s+meetings?\W*$")
OTHER_CHARS = 60  # a listed meeting's line: its date, a time or a word of status at most

# A header line ending in a weekday and a day: its month and year are on the next line, wrapped.
_CUT_DATE = re.compile(rf"(?i)\b{WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*$")


WEEKDAY_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(_WEEKDAYS)})day\b[,\s]*$")


def meeting_date(lines: list[str], us: bool = False) -> str | None:
    """The meeting's date: the first date in the header on a line that speaks of the meeting, never a print
    or letter date; else the first date at all."""
    for line in lines:  # an ordinance or resolution is dated by the meeting that adopted it
        if DAY_OF.search(line) and re.search(r"(?i)\b(adopted|passed)\b", line):
            return dates_in(line, us)[0][1]
    best = None
    near = [i for i, line in enumerate(lines[:HEAD_LINES + 1]) if line.strip()]  # neighbours, less blank lines
    others = False  # under a web page's "Other meetings" list
    for k, i in enumerate(near):
        line = lines[i]
        if i >= HEAD_LINES:
            break
        others = bool(OTHER_MEETINGS.match(line)) or others and bool(dates_in(line, us)) and len(line) <= OTHER_CHARS
        if others:
            continue
        before, after = lines[near[k - 1]] if k else "", lines[near[k + 1]] if k + 1 < len(near) else ""
        context = " ".join((before, line, after))
        found = dates_in(line, us)
        # "1. Approval of Minutes" heads the earlier meeting's date listed below it ("a. Regular Board Meeting of
        # March 11, 2019"); not a cover sheet's own "Meeting of the Planning Committee, Tuesday 9 July 2024"
        earlier = EARLIER_MEETING.search(line) or (EARLIER_MEETING.search(before) and not dates_in(before, us)
                                                   and bool(LISTED.match(line)))
        if not found and _CUT_DATE.search(line):  # "… ON WEDNESDAY, 2ND" / "JULY, 2014, AT 10.00 A.M."
            found = dates_in(f"{line.rstrip()} {next((l.strip() for l in lines[i + 1:i + 3] if l.strip()), '')}", us)
        if len(found) >= 3:
            continue  # "Apr 9, 2024 (Regular Board Meeting) Mar 26, 2024 (…) Mar 12, 2024": a list of meetings
        for at, iso in found:
            if NOT_MEETING.search(line) or earlier:
                continue
            score = (2 if MEETING_CUE.search(context) else 1) - i / (HEAD_LINES * 2)
            if WEEKDAY_BEFORE.search(line[max(0, at - 12):at]) or not line[:at].strip() and \
                    WEEKDAY_BEFORE.search(before.rstrip()[-12:] + " "):  # "… on Monday" / "13 May 2024 at 7pm"
                score += 0.5  # "Tuesday, March 12, 2024 · 6:30 PM": a meeting's own date names its day
            if ADOPTED_ON.search(line[max(0, at - 50):at]):
                score += 1  # an ordinance is dated by its adoption
            if LISTED.match(line):
                score -= 1  # "a. Policy & Bylaws— Monday, April 13, 2015": another meeting, listed in this one
            if best is None or score > best[0]:
                best = (score, iso)
    return best[1] if best else _dated_by_weekday(lines)


# "GENERAL MEETING MONDAY 4 DECEMBER", "roll call for city council meeting on Monday, February 12th": a weekday,
# a day and a month, no year.
_WEEKDAY_DATE = re.compile(rf"(?i)\b({'|'.join(_WEEKDAYS)})day,?\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b|"
                           rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)(?!\.?,?\s+\d{{4}})")


def _dated_by_weekday(lines: list[str]) -> str | None:
    """A yearless meeting date in the header, given the year nearest those the text mentions whose weekday fits:
    a year the header prints first ("# 02 2024" over a transcript), then the years the text mentions most."""
    import datetime

    def years_in(part: list[str]) -> list[int]:
        return [y for y, _n in Counter(int(y) for l in part for y in re.findall(r"\b((?:19|20)\d\d)\b", l)).most_common()]

    head = years_in(lines[:HEAD_LINES])
    bases = head + [y for y in years_in(lines[HEAD_LINES:]) if y not in head]
    for line in lines[:HEAD_LINES]:
        m = _WEEKDAY_DATE.search(line)
        if not m:
            continue
        day, month = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(4))
        month = parse_date(f"1 {month} 2000")
        for base in bases[:3]:
            for year in (base, base - 1, base + 1):
                try:
                    d = datetime.date(year, int(month[5:7]), int(day))
                except (ValueError, TypeError):
                    continue
                if d.weekday() == _WEEKDAYS.index(m.group(1).lower()):
                    return d.isoformat()
    return None


def is_us(lines: list[str]) -> bool:
    """Dates like 3/07/2024 read month first: the header speaks of a US-style city (mm/dd)."""
    head = " ".join(lines[:HEAD_LINES])
    return bool(re.search(rf"\b{_MONTH}\.?\s+\d{{1,2}},\s+\d{{4}}\b", head)) and not re.search(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}\b", head)

