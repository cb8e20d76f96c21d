"""Item numbering schemes as scored candidates: which printed numbers open a document's agenda or minute items.

Each scheme is named pattern data. Every line that could open an item under some scheme becomes a
candidate; per scheme, the longest run of candidates whose numbers go up in small steps, with titles that
look like titles, is its explanation of the document, and the best-explaining scheme gives the items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from qa.parse.common import title_similarity
from qa.parse.numbering import DISTINCT, SCHEMES
from qa.parse.runs import best_run
from qa.parse.subitems import (with_deep_sub_items, with_file_numbered, with_letter_decimal_items,
                               with_lettered_sub_items, with_sub_items)
from qa.parse.titles import (AGENDA_INSTRUCTION, caps_run_in, filler_title, item_title_quality, paged_title,
                             resolution_title, run_in_label, run_on_title, title_quality)

# How a number sits in front of its title: "Item 5", "Minute 12", "Agenda Item E-2", "Question 3", or the bare number.
LEAD = r"(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?|minute\s+(?:no\.?\s*)?|question\s+(?:no\.?\s*)?)?"
# A number printed after its title, in brackets: "(agenda item 7)" (decision forms), "(Item 1)".
TRAILING_MARK = re.compile(r"(?i)(?:^|\s)\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?([A-Z]?[-.]?\d{1,3}(?:\.\d{1,2})?[a-z]?)\s*\)\.?$")
CODED_TITLE_WORDS = 16  # "Resolution No. 4127: Notice of Intent to Convey Easement at … Middle School (I-5)"
# A title with its agenda code after it in brackets: "Minutes Approved (D)", "Consent Calendar Approved (G-I/G-8)".
TRAILING_CODE = re.compile(r"^(\S.{2,118}?)\s*\(([A-Z](?:-(?:\d{1,2}[a-z]?|[IVX]{1,4}))?(?:/[A-Z]-\d{1,2})?)\)$")
# "Item 5", "Agenda Item E-2", "Minute No. 45/24", "Minute 12", "Question 3 from Councillor Hart to the Leader"
# (written questions and answers): the text itself says the number is an item's.
WORD_MARK = re.compile(r"(?i)^(?:(?P<item>(?:agenda\s+)?item)|minute|(?P<question>question))\s*(?:no\.?\s*)?(?::\s*)?"
                       r"([A-Z]\.?-\d{1,2}|\d{1,3}[a-z]?)\b")
# "4.Question submitted by Councillor Leddin": a PDF can set an item's number hard against its title.
TIGHT = r"(?<=\d[.)])(?=[A-Z][a-z])"  # digits only: "A.Smith" is initials
# "1.0 APOLOGIES", "7.00 CONSENT AGENDA": a whole number written with its decimal (its sub-items are 1.1, 7.01).
WHOLE = r"\.00?\.?(?=\s)"  # "167.0." too
# A bare item marker ("a.", "A.-1.", "3.") on the line above a reference number makes that number a file number.
FILE_NUMBER_MARKER = r"[A-Za-z0-9]{1,4}[.)]?(?:-\d{1,2}\.?)?"
@dataclass(frozen=True)
class Candidate:
    """A line that may open an item: where, under which scheme, its number and title, and the title's line."""

    line: int
    scheme: str
    number: str
    title: str
    title_line: int
    quality: float
    explicit: bool = False  # the text itself says "item" ("Agenda Item E-2", "(agenda item 7)")
    filler: bool = False  # no title to speak of: an item only where its number fills a run's gap exactly
    whole: bool = False  # printed with its decimals ("7.00 CONSENT AGENDA"): its sub-items are 7.01, 7.02
    listed: bool = False  # a contents row that gives its page ("1 <tab> Karakia <tab> 3")


def _next_text(lines: list[str], i: int, reach: int = 3) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + reach)):
        if lines[j].strip():
            return j
    return None


def candidates(lines: list[str], headings: frozenset[int] | set[int] = frozenset()) -> list[Candidate]:
    """Every line that could open an item, under every scheme whose number it carries; a line the reader saw
    as a heading (typography: bold, larger, a heading style) weighs more."""
    out: list[Candidate] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        m = TRAILING_MARK.search(line)
        if m:  # "(agenda item 7)" under the title it numbers, or after it on the line (a form's "Subject:" cell)
            before = line[:m.start()].split("\t")[-1].strip()
            before = re.sub(r"^(?:\([a-z]\)\s*)?[A-Z][a-z]+:\s*", "", before)
            k = i if before else next((j for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()), None)
            if k is not None:
                title = before or lines[k].strip()
                for s in SCHEMES:
                    if re.fullmatch(s.number, m.group(1)):
                        out.append(Candidate(k, s.name, m.group(1), title, k, 1.5, explicit=True))
            continue
        code = TRAILING_CODE.match(line)
        if code and len(code.group(1).split()) <= CODED_TITLE_WORDS and title_quality(code.group(1)) > 0:
            out.append(Candidate(i, "trailing-code", code.group(2), code.group(1).strip(), i,
                                 title_quality(code.group(1)) + (0.5 if i in headings else 0.0)))
            continue
        mark = WORD_MARK.match(line)
        explicit = bool(mark)
        # A minute or question mark numbers them as any number does: it needs a title, and a run of them ("Minute
        # 45/23 was amended…", "Minute 45/23 The clerk reported…" are sentences about one minute)
        run_only = bool(mark and not mark.group("item"))
        question = bool(mark and mark.group("question"))
        prev = next((lines[j].strip() for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()), "")
        marker_above = bool(re.fullmatch(FILE_NUMBER_MARKER, prev))
        for s in SCHEMES:
            if s.name == "reference" and marker_above or s.name == "trailing-code":
                continue  # "a." then "2026-472": a file number under a sub-item's marker; a code only after a title
            m = re.match(rf"(?i:{LEAD})({s.number})(?:[.):]|\.-)?(?:\s+(?P<title>.*))?$", line) if explicit else \
                re.match(rf"({s.number})(?P<whole>{WHOLE})?(?:\.\)|[.)]|\.-)?(?:(?:\s+|{TIGHT})(?P<title>.*))?$", line)
            if not m:
                continue
            number, whole = m.group(1), bool(m.groupdict().get("whole"))
            title, tl = SUB_MARK_CELL.sub("", (m.group("title") or "").strip()), i
            title = resolution_title(title) or title  # "L. Smith, L. Andersen: That we approve …": the resolution
            if question and title:
                title = line  # "Question 3 from Councillor Hart to the Leader": the asker is the title's substance
            if title.startswith("[") or re.match(r"^\d{1,2}[.:]\d{2}", title):
                title = ""  # "Agenda Item E-2 [2:52 p.m.]": a time, not a title
            if not title:
                j = _next_text(lines, i)
                if j is None:
                    continue
                title, tl = lines[j].strip(), j
                if re.fullmatch(r"\d{2,4}-\d{3,5}", title):  # a file number between item number and caption
                    j2 = _next_text(lines, j)
                    if j2 is not None:
                        title, tl = lines[j2].strip(), j2
            if s.name == "committee-code" and tl == i and "\t" in title and (j := _next_text(lines, i)) is not None \
                    and j in headings:
                title, tl = lines[j].strip(), j  # "EC7.1 <tab> ACTION <tab> Amended": a status row, the title below
            # A number alone on its line titled by the block below: a PDF joins a long title's wrapped lines
            paged = paged_title(title, line) if tl == i else None  # an agenda's row with its pages: its title, surely
            title = paged or title
            rate = item_title_quality if tl != i else title_quality
            # in a table, else a reference column, often; not a number no sentence or reference starts with
            # ("TC/24/001 | ELECTION OF TOWN MAYOR To elect …": an agenda set as a table)
            ruled = "\t" in line and not paged and s.name not in DISTINCT
            q = rate(title) * (0.5 if ruled else 1.0)
            if q and (i in headings or tl in headings or paged):  # set as a heading, or listed with its pages
                q += 0.5
            label = (run_in_label(title) or caps_run_in(title)) if tl == i and (not q or len(title.split()) > 12) \
                and not paged else None
            if label:  # "3. Minutes: C. Humphries proposed…": the label is the title, the rest its text
                # Half a title's worth: numbered paragraphs inside an item read the same way ("1. Clean Energy:
                # The Mayor identified…"), so a run of real titles outweighs them where both are printed.
                title = label
                q = (1.0 if s.name in DISTINCT else 0.5) * title_quality(title) * (0.5 if ruled else 1.0) + \
                    (0.5 if i in headings else 0.0)
            elif q and tl == i and (caps := caps_run_in(title)) and SENTENCE_OPENING.match(title[len(caps):].lstrip(" .")):
                title = caps  # "APOLOGIES FOR ABSENCE To receive apologies.": the capitals are the title
            if s.name in DISTINCT and tl == i and title[:1].isupper():
                # "21.01.04 Matters Arising The sign placed…": a number no sentence starts with, its title
                # run into the text; the title is the words before the text
                cut = run_on_title(title)
                if not q and cut == title:  # no opener found: the words before the first full stop, at most 8
                    cut = " ".join(re.split(r"(?<=[a-z])\.\s", title)[0].split()[:8])
                if cut != title or not q:
                    q, title = max(q, 0.5), cut
            if q > 0 or explicit and not run_only:
                out.append(Candidate(i, s.name, number, title, tl, max(q, 0.5 if explicit else 0),
                                     explicit and not run_only, whole=whole, listed=bool(paged)))
            elif paged:
                # "5.1 | 23/01234/FUL – Land North of Hanwell Road Erection of 38 dwellings … | Pages 4 – 7": an
                # agenda's row with its pages is an item, however its title reads or runs into its note
                out.append(Candidate(i, s.name, number, filler_title(paged), tl, 0.5, listed=True))
            elif s.name == "number" and tl == i and AGENDA_INSTRUCTION.match(title):
                # "6. Authorize the Chief Executive Officer … for an additional 10 years to January 31, 2034.": an
                # agenda's item of a whole long instruction, numbered in step between items with titles
                out.append(Candidate(i, s.name, number, filler_title(title), tl, 0.0, filler=True))
    return out


# "16/05/1 | i) ii) | Election of Chairman: …", "C048/23 | 1. | APOLOGIES FOR ABSENCE …": a column of the minute's
# sub-item marks, or of the agenda's numbers, between the minute's number and its title.
SUB_MARK_CELL = re.compile(r"^(?:(?:\(?(?:[ivx]{1,4}|[a-h])\)\s*)+|\d{1,2}\.)\t\s*")
SENTENCE_OPENING = re.compile(r"\(?[A-Z][a-z]+\s+[a-z]")  # "To receive …", "(Speakers are …" after a capitals title
REPORT_RESTARTS = 2  # a numbering written whole ("1.0 PURPOSE") that starts again more often is reports' sections


def _past_contents(cands: list[Candidate], headings) -> list[Candidate]:
    """Candidates less the rows of an order of business whose items stand again below as headings of the same
    number and title (InfoCouncil agendas), or, for numbers no sentence opens with, as lines of their own below
    the whole list ("R1/1-21 | OPENING | 3" in the index, "R1/1-21 | OPENING" over the minute): those open the
    items."""
    last_listed = max((c.line for c in cands if c.listed), default=-1)
    later = {(c.scheme, c.number): c for c in cands if not c.listed and (
        c.line in headings or c.scheme in DISTINCT and c.line > last_listed)}
    return [c for c in cands if not (c.listed and (h := later.get((c.scheme, c.number))) and h.line > c.line
                                     and title_similarity(h.title, c.title) >= 0.75)]


def choose_items(lines: list[str], headings: frozenset[int] | set[int] = frozenset()
                 ) -> tuple[str | None, list[Candidate]]:
    """(scheme name, items in order) that best explain the document; (None, []) when none does."""
    cands = _past_contents(candidates(lines, headings), headings)
    if sum(c.whole and c.number == "1" for c in cands) > REPORT_RESTARTS:
        cands = [c for c in cands if not c.whole]  # each report of a pack numbers its sections "1.0", "2.0" again
    printed = {c.number.rstrip(".") for c in cands}
    scored = []
    for s in SCHEMES:
        score, run = best_run(cands, s)
        if s.sub_of and run and sum(c.number.split(s.sub_of)[0].rstrip(".") in printed for c in run) > len(run) / 2:
            continue  # "A.-1." under a printed "A.": sub-items, not items
        if sum(not c.filler for c in run) >= 3 or run and all(c.explicit for c in run):  # fillers vouch for nothing
            scored.append((score, s.name, run))
    if not scored:
        return None, []
    score, name, run = max(scored, key=lambda t: t[0])
    if name == "number":
        subs = with_deep_sub_items(with_sub_items(run, cands, headings), lines, headings)
        return name, with_file_numbered(with_letter_decimal_items(subs, lines), lines)
    return name, with_lettered_sub_items(run, lines, headings) if name == "letter" else run

