"""Turns of speech: lines that open with a speaker's name, told from labelled fields; whether a text is spoken."""
from __future__ import annotations

import re
from collections import Counter

from qa.parse.header import ROLL_CALL, TIMESTAMP

# A speaker's turn: "Mayor Lago:", "Councillor Lukes:", "Assistant City Attorney Ceballos:", "THE CHAIR:";
# the match ends where the words said begin.
SPEAKER = re.compile(r"^" + TIMESTAMP + r"(?P<name>(?:[A-Z][A-Za-z.'’-]+\s+){0,5}[A-Z][A-Za-z.'’-]+):\s+(?=\S)")
# Labels of fields, not people: "Present:", "Email:", "Sponsors:", an agenda's "Recommended Action:" and
# "Fiscal Impact:" under each item.
FIELD_LABEL = re.compile(r"(?i)^(present|apologies|absent|minutes|decision|resolved|agreed|sponsors|attachments|"
                         r"recommend(?:ation|ed)|(?:fiscal|financial|budget\w*|staffing|legal|equalit\w+|risk)\s+"
                         r"(?:impact|implications?)|background|action|motion|vote|disposition|outcome|status|next meeting|information|"
                         rf"reports?|{ROLL_CALL}|note|subject|ward|action required|title|date|committee|venue|time|"
                         r"location|e-?mail|tel|telephone|phone|fax|website|web|contact|address|purpose|reason|"
                         # a report's form in Australian minutes ("File Ref:", "Author:", "Disclosure of Interest:",
                         # "Moved: Cr X", "Voting Requirements:", "That Council:")
                         r"moved|seconded|carried|lost|voting|votes?|file|ref|reference|author|authoris\w+|"
                         r"disclosures?|declarations?|applicant|owner|response|signed|comment|that)\b")


# A step of business written up, not a speaker: "Staff Presentation:", "Commission Discussion:", "Public Hearing:"
# (a planning commission's minutes of each hearing).
BUSINESS_LABEL = re.compile(r"(?i)\b(?:presentation|discussion|hearing|comments?|deliberations?|testimony|findings|"
                            r"conditions|update)$")


def _turn_names(lines: list[str]) -> list[str]:
    """The name each line opening with "Name:" gives, a field's label ("Email:", "Present:") aside."""
    return [m.group("name") for l in lines if (m := SPEAKER.match(l.strip()))
            and not FIELD_LABEL.match(m.group("name")) and not BUSINESS_LABEL.search(m.group("name"))]


def speaker_lines(lines: list[str]) -> int:
    """How many lines open with the name of someone who speaks again and again ("Mayor Lago:", "THE CHAIR:");
    0 unless at least two speakers take three turns or more."""
    labels = Counter(_turn_names(lines))
    if sum(1 for n in labels.values() if n >= 3) < 2:
        return 0
    return sum(labels.values())


# Words of speech, which a record written up afterwards hardly uses: a transcript has them in every few hundred.
SPOKEN = re.compile(r"(?i)\b(I'm|we're|you're|I'll|we'll|I've|we've|let's|thank you|okay|I think)\b")
SPOKEN_AT_LEAST = 2  # in the whole text, beside ten turns or more


def _named_speakers(lines: list[str]) -> bool:
    """Most turns open with a person's title and name ("Mayor Lago:", "THE CHAIR:"), not a one-word label."""
    names = _turn_names(lines)
    return sum(len(n.split()) >= 2 for n in names) > len(names) / 2


def spoken_turns(lines: list[str]) -> bool:
    """Ten turns or more, and the text spoken: words of speech, or turns opening with a person's name.

    "Author:", "File:", "Moved:" under each of a minutes' reports label fields, not turns: nobody speaks, and no
    label names a person ("Mayor Lago", "THE CHAIR").
    """
    return speaker_lines(lines) >= 10 and (len(SPOKEN.findall("\n".join(lines))) >= SPOKEN_AT_LEAST
                                           or _named_speakers(lines))
