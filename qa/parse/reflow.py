"""Text whose every printed line became a paragraph of its own (a blank line after each), rejoined."""
from __future__ import annotations

import re

from qa.parse.clean import HEADING_MARK, TERMINAL, starts_element

# A PDF converted to Word or HTML, or copied out line by line, can set each line of print as its own
# paragraph: "The Cathaoirleach thanked everybody for attending the Special Meeting explaining", a blank,
# "that it was being held in order to pass a Vote of Sympathy for former Councillor,". Cut there, a
# sentence is split over passages and half of it reads as a heading. Such a text shows a wrap width: most
# lines of prose run to about the same length, and many stop mid-sentence with the sentence going on,
# lower-case, after the blank. Texts set as paragraphs have lines of every length, mostly far longer.
MIN_LINES = 20       # prose lines (4+ words) needed to judge a text at all
WIDTH_SHARE = 0.9    # the wrap width: the length that this share of prose lines do not exceed
MAX_WIDTH = 120      # wider than this is not a line of print
FULL = 0.8           # a line this close to the wrap width ran to the margin
RUN_ON_SHARE = 0.15  # share of prose lines that must run on, lower-case, past a blank
MIN_RUN_ONS = 5
# A line ending in a comma or a word no sentence ends with has not ended its sentence; nor has one ending in
# a capital initial or a title ("(Mr. K.", "Cllr."). Case matters here, unlike in qa.text's sentence
# splitting: "at 8.45 a.m." ends a line and a sentence.
UNFINISHED = re.compile(r"(?:\w,|\b(?i:a|an|the|of|to|and|or|in|for|with|by|at|on|from|as|that))$")
OPEN_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Cllr|Rev|St|No))\.$")


def _prose(line: str) -> bool:
    return len(line.split()) >= 4 and not HEADING_MARK.match(line) and "\t" not in line


def wrap_width(lines: list[str]) -> float | None:
    """The width the text was wrapped at, when it was set a line to a paragraph; else None."""
    prose = sorted(len(l.strip()) for l in lines if _prose(l))
    if len(prose) < MIN_LINES:
        return None
    width = prose[min(len(prose) - 1, int(WIDTH_SHARE * len(prose)))]
    if width > MAX_WIDTH:
        return None
    run_ons = sum(1 for a, gap, b in zip(lines, lines[1:], lines[2:])
                  if _prose(a) and len(a.strip()) >= FULL * width and not TERMINAL.search(a)
                  and not gap.strip() and b.strip()[:1].islower())
    return width if run_ons >= max(MIN_RUN_ONS, RUN_ON_SHARE * len(prose)) else None


def _goes_on(line: str, nxt: str, width: float) -> bool:
    """True when line stops mid-sentence and nxt is the rest of it (not a heading, list entry or row)."""
    s, n = line.strip(), nxt.strip()
    if not s or not n or HEADING_MARK.match(line) or "\t" in line or starts_element(nxt) or HEADING_MARK.match(nxt):
        return False
    if OPEN_END.search(s):
        return True
    if TERMINAL.search(s):
        return False
    return len(s) >= FULL * width or n[:1].islower() or bool(UNFINISHED.search(s))


def _bracket_open(line: str, nxt: str) -> bool:
    """True when line leaves a bracket open and nxt closes it: "(Inspector Reidy from Newcastle West" and
    "District Garda Station will be in attendance)." are one sentence, in any text."""
    return (line.count("(") > line.count(")") and nxt.count(")") > nxt.count("(") and not HEADING_MARK.match(line)
            and not starts_element(nxt) and "\t" not in line + nxt)


def rejoin(text: str, pages: list | None = None) -> tuple[str, list | None]:
    """text with the blank line dropped wherever a line goes on in the next; pages kept in step.

    In text set a line to a paragraph, wherever a line stops mid-sentence; in any text, where a bracket
    left open is closed on the next line."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if pages is not None and len(pages) != len(lines):
        pages = None  # pages that do not line up with the text say nothing
    drop = {i + 1 for i in range(len(lines) - 2)
            if not lines[i + 1].strip() and ((width and _goes_on(lines[i], lines[i + 2], width))
                                             or _bracket_open(lines[i], lines[i + 2]))}
    if not drop:
        return text, pages
    kept = [l for i, l in enumerate(lines) if i not in drop]
    if pages is not None:
        pages = [p for i, p in enumerate(pages) if i not in drop]
    return "\n".join(kept), pages
