"""What gets indexed for each paragraph: the texts to embed and the text to keyword-index."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from qa.models import Meeting, pretty_date
from qa.motions import motion_context
from qa.text import expand_acronyms, find_acronyms, sentence_spans


MOTION_KINDS = ("minutes", "decision-record")  # the records that move motions and vote on them


@dataclass(frozen=True)
class ChunkOptions:
    """How paragraphs become embedded texts; recorded in the manifest so an index says how it was made."""

    context_prefix: bool = True   # prefix each paragraph with its body, item title and section
    sentences: bool = True        # also embed each sentence on its own (max-sim; spans feed the answer)
    window_below: int = 200       # paragraphs shorter than this are also embedded with their neighbours
    reply_context: int = 400      # transcripts: each segment also embedded after this much of the one before
    motion_context: int = 400     # minutes: a vote also embedded after this much of the paragraph moving its motion
    acronyms: bool = True         # expand acronyms where the document defines them
    sentence_min_chars: int = 25  # shorter sentences carry too little to embed alone
    sentence_max_chars: int = 600  # longer "sentences" (run-on speech) are cut into windows of this size

    def to_dict(self) -> dict:
        return asdict(self)


def document_acronyms(meeting: Meeting) -> dict[str, str]:
    """Acronyms defined anywhere in a meeting's paragraphs."""
    found: dict[str, str] = {}
    for _item, p in meeting.paragraphs():
        for k, v in find_acronyms(p.text).items():
            found.setdefault(k, v)
    return found


def context_of(meeting: Meeting, item, para) -> str:
    """The words that place a paragraph: body, item title, section and nearest heading."""
    parts = [meeting.body]
    if item.title:
        parts.append(item.title)
    sec = item.section(para.section)
    if sec:
        parts.append(sec.title)
    if para.heading and para.heading not in parts:
        parts.append(para.heading)
    return " - ".join(p for p in parts if p)


@dataclass(frozen=True)
class Unit:
    """One embedded text of a paragraph. kind: para | window | sent; sentences keep their verbatim span."""

    para: int       # paragraph offset within the meeting
    kind: str
    text: str       # what is embedded
    start: int = 0  # for kind == "sent": span of the sentence in the paragraph's own text
    end: int = 0


def units(meeting: Meeting, opts: ChunkOptions) -> list[Unit]:
    """The units to embed for every paragraph of a meeting, in paragraph order."""
    acr = document_acronyms(meeting) if opts.acronyms else {}
    flat = list(meeting.paragraphs())
    texts = [expand_acronyms(p.text, acr) for _i, p in flat]
    firsts = _item_firsts(flat)
    out: list[Unit] = []
    for n, (item, p) in enumerate(flat):
        prefix = context_of(meeting, item, p) + ": " if opts.context_prefix else ""
        out.append(Unit(n, "para", prefix + texts[n]))
        if opts.window_below and len(p.text) < opts.window_below:
            # A short paragraph (a bullet, a one-line minute) often only makes sense with its neighbours.
            same = [j for j in (n - 1, n, n + 1) if 0 <= j < len(flat) and flat[j][0] is item]
            if len(same) > 1:
                out.append(Unit(n, "window", prefix + " ".join(texts[j] for j in same)))
        before = _lead(meeting, flat, n, opts, texts, firsts[n])
        if before:
            out.append(Unit(n, "window", prefix + before + " " + texts[n]))
        if opts.sentences:
            pieces = sentence_pieces(p.text, opts)
            if len(pieces) == 1 and not p.text[:pieces[0][0]].strip() and not p.text[pieces[0][1]:].strip():
                pieces = []  # one sentence that is the whole paragraph: the paragraph's vector stands for it
            for s, e in pieces:
                out.append(Unit(n, "sent", expand_acronyms(p.text[s:e], acr), s, e))
    return out


def _item_firsts(flat: list) -> list[int]:
    """For each paragraph of flat, the index of the first paragraph of its item."""
    out: list[int] = []
    for n, (item, _p) in enumerate(flat):
        out.append(out[-1] if n and flat[n - 1][0] is item else n)
    return out


def _lead(meeting: Meeting, flat: list, n: int, opts: ChunkOptions, texts: list[str], first: int) -> str:
    """What paragraph n only means after: the segment it replies to, or the motion a vote decides (qa/motions.py)."""
    if meeting.kind == "transcript":
        return _reply_context(meeting, flat, n, opts, texts)
    if not opts.motion_context or meeting.kind not in MOTION_KINDS:
        return ""
    return motion_context(texts, n, first, opts.motion_context)


def _reply_context(meeting: Meeting, flat: list, n: int, opts: ChunkOptions, texts: list[str]) -> str:
    """In a transcript, the end of the segment before segment n in the same item (cut at a word), else "".

    Speech answers what was said just before: "we've managed to release some funding" is about the
    question the previous segment asked, and only means that when read after it.
    """
    if not (opts.reply_context and meeting.kind == "transcript" and n and flat[n - 1][0] is flat[n][0]):
        return ""
    prev = texts[n - 1]
    tail = prev[-opts.reply_context:]
    return tail[tail.find(" ") + 1:] if len(prev) > opts.reply_context else tail


def sentence_pieces(text: str, opts: ChunkOptions) -> list[tuple[int, int]]:
    """Spans of the sentences long enough to stand alone; run-on ones cut at word boundaries."""
    out = []
    for s, e in sentence_spans(text):
        if e - s < opts.sentence_min_chars:
            continue
        while e - s > opts.sentence_max_chars:
            cut = text.rfind(" ", s, s + opts.sentence_max_chars)
            cut = cut if cut > s + opts.sentence_max_chars // 2 else s + opts.sentence_max_chars
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e - s >= opts.sentence_min_chars:
            out.append((s, e))
    return out


def keyword_texts(meeting: Meeting, opts: ChunkOptions) -> list[str]:
    """The text keyword-indexed for each paragraph of a meeting: context plus acronym-expanded text."""
    acr = document_acronyms(meeting) if opts.acronyms else {}
    flat = list(meeting.paragraphs())
    raw = [p.text for _i, p in flat]
    firsts = _item_firsts(flat)
    out = []
    for n, (item, p) in enumerate(flat):
        ctx = context_of(meeting, item, p) if opts.context_prefix else ""
        if ctx and meeting.date:
            # Questions name meetings by date ("the 23 March 2026 scrutiny meeting"). Only the keyword side
            # gets it: on the seed questions a dated embedding prefix drew vectors away from the text.
            ctx = f"{ctx} - {pretty_date(meeting.date)}"
        before = _lead(meeting, flat, n, opts, raw, firsts[n])
        lead = f"{ctx}\n{expand_acronyms(before, acr)}" if before else ctx
        out.append(f"{lead}\n{expand_acronyms(p.text, acr)}")
    return out
