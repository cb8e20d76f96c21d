"""Items under numbered or lettered groups: "8.1 Quarterly Financial Report" under "8. OFFICER REPORTS"."""
from __future__ import annotations

import re
from dataclasses import replace

from qa.parse.common import title_similarity
from qa.parse.headed import REPORT_PART
from qa.parse.titles import title_quality

# Australian and New Zealand minutes (InfoCouncil and the like) group reports under a numbered heading
# ("8. OFFICER REPORTS", "6 Decision Reports") and print each report as "8.1", "8.2": the reports are what a
# reader cites, each with its own resolution. Only headings the format states are taken, in step from N.1:
# a numbered paragraph "5.1 The Clerk reported …" inside a minute stays a paragraph of it.


def _interleaved(run: list, children) -> list:
    """The run with each item's children (children(item, end line)) after it, end being the next item's line."""
    out = []
    for k, item in enumerate(run):
        out.append(item)
        out.extend(children(item, run[k + 1].line if k + 1 < len(run) else 10 ** 9))
    return out


def _child(item, line: int, number: str, title: str):
    """A sub-item found on a line of the text, shaped as its parent's candidate is."""
    return replace(item, line=line, number=number, title=title, title_line=line, explicit=False, filler=False,
                   whole=False, listed=False)


def _parts(number: str) -> tuple[str, int] | None:
    head, _, tail = number.rstrip(".").partition(".")
    return (head, int(tail)) if head.isdigit() and tail.isdigit() else None


TITLED = 0.7  # a sub-item's title quality where no heading vouches for it: "7.01 Approval of Minutes", not
# "1.1 It was noted."
HEADED = 0.9  # ... under a parent set as a heading ("3.1 Mill Street Residents' Group – Traffic Calming" under
# "3. Delegations"), where a report's "5.1. The precept increase will enable …:" opens a paragraph


def with_sub_items(run: list, cands: list, headings) -> list:
    """The run of items with each one's sub-items after it, numbered N.1, N.2, … in step: stated headings, an
    agenda's rows listed with their pages, or any where the item's own number is printed whole with its decimals
    ("7.00 CONSENT AGENDA", then "7.01 …")."""
    def children(item, end: int) -> list:
        found, want = [], 1
        for c in sorted((c for c in cands if c.scheme == "decimal-sub" and item.line < c.line < end
                         and (c.quality >= TITLED and item.whole or c.quality >= HEADED and item.line in headings
                              or c.title_line in headings | {c.line} and c.line in headings or c.listed)),
                        key=lambda c: c.line):
            if _parts(c.number) == (item.number.rstrip("."), want):
                found.append(c)
                want += 1
        return found
    return _interleaved(run, children)


# Western Australian and New Zealand minutes number a report a level deeper still, under its directorate's
# group: "11.1 CORPORATE SERVICES", then "11.1.1 Monthly Statement of Financial Activity". In step from N.M.1 and
# titled, or a stated heading; a report's own paragraph "11.1.1 The Council noted …" reads as a sentence.
DEEP_SUB = re.compile(r"^(?P<parent>\d{1,2}\.\d{1,2})\.(?P<n>\d{1,2})\.?\s+(?P<title>\S.{2,200})$")


def with_deep_sub_items(run: list, lines: list[str], headings) -> list:
    """The run with each N.M sub-item's own sub-items ("11.1.1", "11.1.2", …) after it."""
    def children(item, end: int) -> list:
        found, want = [], 1
        if not _parts(item.number):
            return found
        for j in range(item.line + 1, min(end, len(lines))):
            m = DEEP_SUB.match(lines[j].strip())
            if m and m.group("parent") == item.number.rstrip(".") and int(m.group("n")) == want and \
                    (j in headings or title_quality(m.group("title")) >= TITLED):
                found.append(_child(item, j, f"{m.group('parent')}.{want}", m.group("title").strip()))
                want += 1
        return found
    return _interleaved(run, children)


# A US county's consent agenda and executive session list their matters by letter under the item's number:
# "4.a Approve the minutes of the Regular Session …", "4.b Approve payment of claims …". In step from N.a.
LETTERED_DECIMAL = re.compile(r"^(?P<parent>\d{1,2})\.(?P<letter>[a-z])[.)]?\s+(?P<title>[A-Z(].{2,300})$")


def with_letter_decimal_items(run: list, lines: list[str]) -> list:
    """The run with each whole-numbered item's lettered matters ("4.a", "4.b", …) after it."""
    def children(item, end: int) -> list:
        found, want = [], "a"
        for j in range(item.line + 1, min(end, len(lines))):
            m = LETTERED_DECIMAL.match(lines[j].strip())
            if m and m.group("parent") == item.number.rstrip(".") and m.group("letter") == want:
                found.append(_child(item, j, f"{m.group('parent')}.{want}", m.group("title").strip()))
                want = chr(ord(want) + 1)
        return found
    return _interleaved(run, children)


# BoardDocs minutes (US school boards) letter their sections and print each item under one as "Subject: F.1
# Approval of Minutes": the items a reader cites. A line so marked, or a stated heading, in step from L.1.
LETTERED_SUB = re.compile(r"^(?:Subject:\s*)?(?P<letter>[A-Z])\.(?P<n>\d{1,2})\s+(?P<title>\S.{2,200})$")


# ... and US planning commissions number the matters under each lettered section from 1 again: "F. PUBLIC
# HEARINGS", then "1. Case No. PLN23-0045 – Conditional Use Permit …", "2. …". Titled, in step, not sentences.
NUMBERED_UNDER = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<title>[A-Z].{2,250})$")
UNDER_QUALITY = 0.5


def with_lettered_sub_items(run: list, lines: list[str], headings) -> list:
    """The run of lettered items with each one's sub-items ("Subject: F.1 …", "F.2 …", or "1.", "2." under the
    letter) after it."""
    def children(item, end: int) -> list:
        found, want, plain = [], 1, []
        for j in range(item.line + 1, min(end, len(lines))):
            text = lines[j].strip()
            m = LETTERED_SUB.match(text)
            if m and m.group("letter") == item.number.rstrip(".") and int(m.group("n")) == want and \
                    (text.startswith("Subject:") or j in headings):
                if want == 1 and title_similarity(m.group("title"), item.title) >= 0.75:
                    break  # "A. Call to Order" / "Subject: A.1 Call to Order": the item restated, one item
                found.append(_child(item, j, f"{m.group('letter')}.{want}", m.group("title").strip()))
                want += 1
            elif not found and (u := NUMBERED_UNDER.match(text)) and int(u.group("n")) == len(plain) + 1 and \
                    title_quality(u.group("title")) >= UNDER_QUALITY and not u.group("title").endswith("."):
                plain.append(_child(item, j, u.group("n"), u.group("title").strip()))
        return found or plain
    return _interleaved(run, children)


# Legistar's minutes (US cities) list each matter under a numbered section by its file number, a tab, then its
# title and what became of it: "23-0451 <tab> A Resolution Authorizing … Attachments: Staff Report … Enactment No:".
FILE_ROW = re.compile(r"^(?P<n>\d{2}-\d{3,5})\t(?P<title>\S.+)$")
# A sub-item's line whose title runs on into the file number's row ("6.B Adopt a Resolution Authorizing the City
# Manager to Execute a Professional Services" / "23-0456 <tab> Agreement with …"): one matter, titled above.
WRAPPED_FROM = re.compile(r"^\w{1,3}\.\w{1,3}\s+\S.*[^.:;)]$")
SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bNo)(?<!\bCo)(?<!\bLtd)(?<!\bSt)\.\s+(?=[A-Z])")
FILE_TITLE_END = re.compile(r"\s+(?:Attachments|Enactment No|Sponsors|Indexes):")


def with_file_numbered(run: list, lines: list[str]) -> list:
    """The run of numbered items with the matters filed under each ("23-0451") after it, titled up to their fields."""
    def children(item, end: int) -> list:
        found = []
        for j in range(item.line + 1, min(end, len(lines))):
            m = FILE_ROW.match(lines[j].strip())
            if not m or WRAPPED_FROM.match(next((lines[i].strip() for i in range(j - 1, item.line, -1)
                                                 if lines[i].strip()), "")):
                continue
            title = FILE_TITLE_END.split(m.group("title"))[0].strip()
            first = SENTENCE_END.split(title)[0]
            title = first + "." if len(first.split()) >= 6 and first != title else title  # "Proclamation
            # declaring …. Accepted by …": the title is the first sentence, the rest the item's text
            found.append(_child(item, j, m.group("n"), title))
        return found
    return _interleaved(run, children)


# Northern Ireland councils' minutes (Belfast's among them) number a few sections ("1. Restricted Items",
# "2. Matters Referred Back from Council") and set each item under them as an unnumbered heading of the same
# size: those headings are the items a reader cites. Deeper headings ("Council Resolution", "Summary") stay
# sections inside an item.


# A step of the business inside one item, printed as a heading: "Amendment", "Council Resolution", "Decision".
BUSINESS_STEP = re.compile(r"(?i)^\W*(?:(?:council|committee|cabinet|board)\s+)?(?:amendments?|(?:substantive\s+)?"
                           r"motion|resolution|resolved|agreed|noted|moved|seconded|vote|division|carried|lost)\W*$")


def same_level_headings(numbered: list[int], levels: dict[int, int], lines: list[str]) -> list[int]:
    """Stated headings at the level every numbered item's heading has, after the first of them, unnumbered, and
    neither a report's part nor a step of an item's business."""
    at = {levels.get(i) for i in numbered}
    if len(numbered) < 2 or len(at) != 1 or None in at:
        return []
    level = at.pop()
    return [i for i, lv in sorted(levels.items()) if lv == level and i > numbered[0] and i not in numbered
            and not REPORT_PART.match(lines[i].strip()) and not BUSINESS_STEP.match(lines[i].strip())]
