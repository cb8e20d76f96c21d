"""Decision detection: which paragraphs record what was agreed, and which only propose."""
from __future__ import annotations

import re

from qa.models import Decision

# A lead-in that makes the bullets/paragraphs under it decisions of the body.
AGREED_LEAD_IN = re.compile(r"(?i)\b(it was (agreed|resolved)|resolved|agreed)\b.*:\s*$")
AGREED = re.compile(r"(?i)^\s*(further\s+)?resolved\b|\bit was agreed\b|\bwas agreed\b|\bagreed that\b")
PROPOSED = re.compile(r"(?i)^\s*recommendation\s+\d+\s*[:.]|\brecommends? that\b|\bmembers are (invited|asked) to\b")


def detect(text: str, *, lead_in: str | None = None, genre: str = "minutes", heading: str | None = None) -> Decision | None:
    """The decision a paragraph records, given the lead-in sentence above it (None if not a decision)."""
    if lead_in and AGREED_LEAD_IN.search(lead_in) and genre in ("minutes", "transcript"):
        return Decision(status="agreed")
    if PROPOSED.search(text):
        return Decision(status="proposed")
    if genre == "minutes" and (AGREED.search(text) or re.search(r"\bRESOLVED\b", text)):
        return Decision(status="agreed")
    return None


def is_lead_in(text: str) -> bool:
    """True for a sentence that introduces a list of decisions ("It was agreed that:")."""
    return bool(AGREED_LEAD_IN.search(text))
