"""Items of agendas and minutes that number nothing: the headings the format states, one level below the title."""
from __future__ import annotations

import re

from qa.parse.clean import ATTACHMENT_LABEL, looks_like_heading
from qa.parse.dates import BARE_DATE, NOT_MEETING, dates_in
from qa.parse.kind import RECORD_CUES

# What a record's business reads like: the header's cues (qa.parse.kind.RECORD_CUES) and the verbs of its decisions.
BUSINESS = re.compile(rf"{RECORD_CUES.pattern}|\b(?:approved|agreed|noted|proposed|seconded|reported|discussed|"
                      r"authori[sz]ed|replaced|accepted)\b", RECORD_CUES.flags | re.I)
# Its decisions alone: who attended ("Present:") is a title block's, not business done above the headings.
DECIDED = re.compile(r"(?i)\b(?:resolved|it was agreed|(?:were|was) agreed|moved by|seconded|carried|approved)\b")
# Headings a council's website sets around a record rather than in it: its files, sharing and feedback boxes,
# contacts and the blog furniture community councils' sites are built with. They head no business, wherever
# they stand.
SITE_CHROME = re.compile(r"(?i)^(?:documents?|downloads?|attachments?|files|"
                         r"related(?:\s+(?:links|pages?|documents|content|information|news|articles|services))?|"
                         r"share(?: this(?: page| article| post)?| on \w+)?|follow us(?: on \w+)?|"
                         r"contact(?: us| details| the clerk)?|feedback|on this page|in this section|contents|"
                         r"print(?: this page)?|back to top|tags|categories|archives|recent (?:posts|news|comments)|"
                         r"latest news|search|cookies|leave a (?:reply|comment)|comments?|subscribe)\W*$")
# A heading that speaks of the page ("Give feedback about this page"), to its reader ("Your councillors") or as
# the site's owner ("Who we are", "Contact us"): a record's business is headed by its subject, in no person.
# "us" in lower case only: "US 50 widening" is business.
SPEAKS_AS_SITE = re.compile(r"(?i)\b(?:this|our) (?:page|site|website|article|post)\b|\b(?:you|your|we|our)\b|"
                            r"\b(?-i:us)\b")
# Text under a heading that addresses its reader ("we want to hear from you", "news in your inbox"): minutes speak
# to no one, so such a section after the record's business is the page's.
ADDRESSES_READER = re.compile(r"(?i)(?<!thank )\b(?:you|your)\b")  # "said thank you to the volunteers" addresses no one
ADDRESSED = 2  # uses that make text speak to its reader: one is a quotation
# A heading that names the record or its meeting ("Minutes for meeting held Tuesday 4th March 2025", "Agenda"):
# the document's title where it heads the document, whether or not it is dated.
RECORD_TITLE = re.compile(r"(?i)\b(?:minutes|agenda|meeting)\b")
# An item on other minutes or another meeting ("Approval of Minutes", "Minutes of the previous meeting", "Date of
# Next Meeting – 2 April 2024"): it names no record of its own.
OTHER_RECORD = re.compile(r"(?i)^\W*(?:(?:approval|adoption|confirmation|receipt|signing)\s+of|to\s+(?:approve|adopt|"
                          r"confirm|receive|sign)|matters\s+arising|date\s+of)\b|"
                          r"\b(?:previous|last|prior|preceding|next|future)\s+meeting")
# The record's own closing business ("Next Meeting", "Close of Meeting", "Adjournment"): a heading with little
# under it here is the record's last item, and what follows it is the page's. The whole heading: "4 Mill Close"
# or "Closure of the footpath" closes nothing.
RECORD_CLOSE = re.compile(r"(?i)^\W*(?:(?:date (?:and time )?of )?(?:the )?next meeting\b|meeting closed\b|"
                          r"(?:close|closure|closing|adjourn(?:ment|ed)?)(?: of (?:the )?meeting)?\W*$)")
# A line of text that closes the meeting ("The meeting closed at 8.40pm", "The Chair closed the meeting at 9:05"):
# the record ends there, so headings below it are the page's. It must give the time: "the hall committee's
# meeting ended without agreement" closes nothing.
MEETING_CLOSED = re.compile(r"(?i)\bmeeting (?:was )?(?:closed|ended|finished|concluded|adjourned)\s+at\s+\d|"
                            r"\b(?:closed|adjourned) the meeting\s+at\s+\d")
# The meeting taken up again after a break ("adjourned at 7.35pm for public participation … reconvened at 7.50pm"):
# a close line before it closed nothing.
RECONVENED = re.compile(r"(?i)\breconvene[ds]?\b|\bresumed\b")
# The parts of one report ("Background", "Options considered", "Decision"): where the headings at the item level
# are mostly these, the record is one report under its title, and its decision is not to be split off.
REPORT_PART = re.compile(r"(?i)^(?:(?:the )?(?:background|introduction|summary|purpose(?: of (?:the )?report)?|"
                         r"(?:alternative )?options(?: considered)?|alternatives considered|decisions?|"
                         r"reasons?(?: for (?:the )?decisions?)?|recommendations?|(?:\w+ )?implications|risks?|"
                         r"conclusions?|appendices|next steps|key issues|details))\W*$")
# A line that ends as a sentence ends ("None.", "The flag will be replaced in April."); a list of links does not.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")
LONG_LINE = 12  # words: a line this long is text, however it ends
# Words above the first item: a title block and its attendance, at most; more is a record set without headings,
# whatever boxes a page adds after it.
FRONT_WORDS = 250
ATTENDANCE_WORDS = 60  # a meeting line and who attended: short minutes may say less under their headings
TITLE_HEADINGS = 2  # a title block: the council's name over the meeting's, at most, set above all else
MIN_ITEMS = 3  # fewer headings at the item level are a report's parts or a page's boxes, not an agenda's items
# Share of the item headings that must read as headings (short, not a sentence): a file that sets sentences or
# the lines of a scanned page in heading styles ("House and the Ballysimon Centre as IPAS …") has no item headings.
HEADING_SHARE = 0.8


def heading_items(lines: list[str], levels: dict[int, int]) -> list[int]:
    """Lines of the headings that are a record's items (levels: line -> the level its format states), else []."""
    stated = sorted(i for i in levels if i < len(lines) and lines[i].strip())  # lines may be a pack's agenda only
    kept = _before_record_end(lines, stated)
    # the site's furniture wherever it stands; a heading in the site's voice only above the record: within it
    # "Report from our County Councillor" and "Have Your Say on the Local Plan" are business
    lead = next((k for k, i in enumerate(kept) if not _site_heading(lines[i])), len(kept))
    heads = [(i, levels[i]) for i in kept[lead:] if not SITE_CHROME.match(lines[i].strip())]
    title = _title_block(lines, heads)
    body = heads[title:]
    if not body:
        return []
    # The items are the body's shallowest level; deeper headings are sections within them. Not the most frequent
    # level: an item's sub-headings often outnumber the items ("Defibrillator", "Community Consultation" under
    # "AOB"). And never a deeper level where the shallowest has too few to be items: one report under its title
    # with "Background", "Options", "Decision" beneath it is one report, its decision not split off.
    top = min(lvl for _, lvl in body)
    items = [i for i, lvl in body if lvl == top]
    if len(items) < MIN_ITEMS or 2 * sum(bool(REPORT_PART.match(lines[i].strip())) for i in items) >= len(items):
        return []
    # "Call to Order:": a stated heading may end on its colon
    if sum(looks_like_heading(lines[i].strip().rstrip(":")) for i in items) < HEADING_SHARE * len(items):
        return []
    # A record set without headings, on a page that adds its own boxes after it, has more text above the first
    # heading than under all of them: under a record's items stands its business, above them its title block and
    # attendance. (Or nothing at all under the headings: an agenda's bare list, below its notice of the meeting.)
    record_end = stated[len(kept)] if len(kept) < len(stated) else len(lines)
    above = _words(lines, heads[title - 1][0] + 1 if title else 0, items[0], levels)
    under = _words(lines, items[0], record_end, levels)
    business = _cues(BUSINESS, lines, items[0], record_end, levels)
    if under and not business and _cues(DECIDED, lines, 0, items[0], levels):
        return []  # the record's business stands above the headings, the page's boxes under them
    # business under the headings makes them items, whatever stands above (a long public forum, a full attendance)
    if not business and (above > FRONT_WORDS or under and above > max(under, ATTENDANCE_WORDS)):
        return []
    return items


def _cues(rx: re.Pattern, lines: list[str], lo: int, hi: int, levels: dict[int, int]) -> bool:
    """True where the text from line lo to hi, headings aside, has what rx looks for ("resolved", "seconded by")."""
    return bool(rx.search("\n".join(lines[k] for k in range(lo, hi) if k not in levels)))


def _words(lines: list[str], lo: int, hi: int, levels: dict[int, int]) -> int:
    """Words of text from line lo to hi, headings not counted."""
    return sum(len(lines[k].split()) for k in range(lo, hi) if k not in levels)


TITLE_LINES = 4  # lines of date, time and place under a title block's last heading


def _title_block(lines: list[str], heads: list[tuple[int, int]]) -> int:
    """How many leading headings are the document's title, not items.

    The shallowest headings, where one or two stand above everything else ("# Minutes for meeting held …" over
    "## Present", or a Word file's council name and meeting in Heading 1 over its items in Heading 2), and below
    them again one or two that name the record or carry a date (a site's "Ayton Community Council" over "Minutes
    4 March 2025" over the items). Else, all set at one level, the first heading that names the record and its
    date ("## Minutes of the meeting held on 4 March 2025"), any above it being the page's ("## Welcome to …"); or
    the first heading where it names the record or carries a date.
    """
    start = 0
    while start < len(heads):
        top = min(lvl for _, lvl in heads[start:])
        lead = start
        while lead < len(heads) and heads[lead][1] == top:
            lead += 1
        alone = lead - start <= TITLE_HEADINGS and all(lvl != top for _, lvl in heads[lead:])
        if not alone or start and not (all(_names_record(lines[i]) for i, _ in heads[start:lead])
                                       or lead - start == 1 and _titles_on(lines, heads, start)):
            break
        start = lead
    if start and start < len(heads) and (_dated_record(lines[heads[start][0]])
                                         or BARE_DATE.fullmatch(lines[heads[start][0]].strip(" ,.:"))):
        start += 1  # a Word Title over a Heading 1 "Minutes of the meeting held on 4 March 2025" over Heading 1 items
    if start or not heads:
        return start
    top = min(lvl for _, lvl in heads)
    # where the text above the headings already names the record and its date, a dated heading is an item on
    # other minutes ("Minutes of the Meeting held on 6 February 2024"), unless it is the first, dated the same (the
    # title's end set apart: "11th July 2023 at 7.00pm"); else the first dated one is the title, any above it the
    # page's ("## Welcome to …")
    named = {iso for line in lines[:heads[0][0]] if RECORD_TITLE.search(line) and not NOT_MEETING.search(line)
             for _, iso in dates_in(line)}  # not "Posted on 6 March 2025 in Minutes"
    if named:
        return int(any(iso in named for _, iso in dates_in(lines[heads[0][0]])))
    dated = next((k for k, (i, lvl) in enumerate(heads) if lvl == top and _dated_record(lines[i])), None)
    if dated is not None:
        return dated + 1
    return 1 if _names_record(lines[heads[0][0]]) else 0


def _titles_on(lines: list[str], heads: list[tuple[int, int]], k: int) -> bool:
    """True where heading k is one line of a stack of titles: the next heading straight under it, or under it only
    the meeting's date and place ("# MINUTES" / "## COFFS HARBOUR CITY COUNCIL" / "### Ordinary Council Meeting" /
    "… ON Thursday, 23 July 2020 AT 5.00pm")."""
    stop = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
    text = [l for l in lines[heads[k][0] + 1:stop] if l.strip()]
    return not text or len(text) <= TITLE_LINES and any(dates_in(l) for l in text)


def _site_heading(line: str) -> bool:
    return bool(SITE_CHROME.match(line.strip()) or SPEAKS_AS_SITE.search(line))


def _dated_record(line: str) -> bool:
    """True for a heading that names this record and its date."""
    return bool(RECORD_TITLE.search(line) and dates_in(line)) and not OTHER_RECORD.search(line)


def _names_record(line: str) -> bool:
    """True for a heading that names this record or its date, not an item on other minutes or the next meeting."""
    return bool((RECORD_TITLE.search(line) or dates_in(line)) and not OTHER_RECORD.search(line))


def _before_record_end(lines: list[str], heads: list[int]) -> list[int]:
    """heads less those after the record ends: those below the last line that closes the meeting, and from the
    last, while each is the site's (SITE_CHROME, SPEAKS_AS_SITE), asks its reader a question ("Was this page
    helpful?"), heads nothing, a list of files or short lines with no sentence among them (links), speaks to the
    reader, or follows the record's closing business ("Next Meeting"). That business itself, or a heading over
    anything else, ends the record: such trailing headings are left as text of the last item, never items."""
    def reconvened(k: int) -> bool:  # before the next heading: "… adjourned at 7.35pm … reconvened at 7.50pm"
        stop = next((i for i in heads if i > k), len(lines))
        return any(RECONVENED.search(l) for l in lines[k:stop])

    closed_at = max((k for k, l in enumerate(lines) if MEETING_CLOSED.search(l) and not reconvened(k)),
                    default=len(lines))
    end = sum(i < closed_at for i in heads)
    while end:
        i = heads[end - 1]
        if RECORD_CLOSE.search(lines[i]):
            break
        stop = heads[end] if end < len(heads) else len(lines)
        text = [l.strip() for l in lines[i + 1:stop] if l.strip()]
        # after closing business with no business under any heading since: "Date of Next Meeting" second, then
        # Planning's decisions, makes the headings after them items still
        closing = max((k for k in range(end - 1) if RECORD_CLOSE.search(lines[heads[k]])), default=None)
        after_close = closing is not None and not any(
            _cues(BUSINESS, lines, heads[k] + 1, heads[k + 1] if k + 1 < len(heads) else len(lines), {})
            for k in range(closing + 1, end))
        if not (after_close or _site_heading(lines[i]) or lines[i].strip().endswith("?") or not text
                or all(ATTACHMENT_LABEL.search(t) for t in text)
                or len(ADDRESSES_READER.findall(" ".join(text))) >= ADDRESSED
                or not any(SENTENCE_END.search(t) or len(t.split()) >= LONG_LINE for t in text)):
            break
        end -= 1
    return heads[:end]
