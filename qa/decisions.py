"""Decision detection: which paragraphs record what was agreed, and which only propose.

Status rules, by genre (the Meeting.kind of the document):

- minutes / transcript record what a meeting did, so resolution wording ("RESOLVED",
  "It was agreed that", "The Panel agreed …", "Motion carried", a vote carried, an
  officer who "agreed to report back") is *agreed*.
- agenda packs and reports are written before a meeting decides, so their
  recommendations are at most *proposed*; "… BE APPROVED" there is a draft resolution.
  They are *agreed* only where the text reports a decision already taken by someone:
  an active past tense with a body as subject ("On 26 March Cabinet noted …", "the
  Procurement and Finance teams agreed that …"), an impersonal "it was agreed", or a
  passive "was approved". Anything in such a paragraph that proposes wins: a proposal
  in an agenda pack is never reported as agreed.
- A lost or withdrawn motion is *proposed*: it was put but not adopted.
- "RECOMMENDED to Council that …" in a committee's minutes is *proposed*: the body that
  decides has not yet done so ("RESOLVED that Cabinet recommends …" is the committee's
  own resolution, so *agreed*).
- A lead-in ("It was agreed that:", "recommends that Cabinet:") is not itself a decision;
  the items under it take its status.
- Background is not a decision of the meeting: "had been agreed" (pluperfect), what
  the meeting "was informed that" others agreed (reported speech), "agreed with the point", a person who "agreed that it would be useful" (an opinion), "is
  agreed by Council annually" (a habit), "was being approved" (not yet).
"""
from __future__ import annotations

import re

from qa.actions import find_action, find_due, head_kind, subject_before
from qa.models import Decision
from qa.votes import vote

__all__ = ["detect", "is_lead_in", "vote", "sentences"]

RECORDS = ("minutes", "transcript")  # genres that record what a meeting did

_DECISION_VERBS = r"(?:agreed|resolved|approved|endorsed|decided|adopted|ratified|accepted|delegated|determined)"
_LEAD_END = re.compile(r"(?:[:–—-]|\bthat|\bto)\s*$")
_LEAD_SIGNAL = re.compile(
    r"(?i)\b(?:agreed|resolved|recommends?|recommended|recommendations?|approved|decided|"
    r"invited|asked|requested|the following (?:motion|resolutions?|actions?|decisions?))\b"
)

# --- proposals -------------------------------------------------------------------------
_PROPOSED = [
    re.compile(r"(?i)^\W*recommendations?\s*(?:\d+|[a-z]|[ivx]+)?\s*[:.–—-]\s*\S"),
    re.compile(r"(?i)\b(?:requests|proposes)\s+that\b"),
    re.compile(r"(?i)\b(?:the|this|its)\s+(?:report|paper|review)\s+(?:also\s+)?recommend(?:s|ed)\b"),
    re.compile(r"(?i)\bit\s+is\s+(?:therefore\s+)?(?:recommended|proposed)\b"),
    re.compile(r"\bRECOMMEND(?:ED|ATIONS?)?\b"),
    re.compile(r"(?i)\b(?:is|are)\s+(?:now\s+|therefore\s+|also\s+)?(?:invited|asked|requested|recommended)\s+to\s*(?::|$|"
               r"(?:\w+\s+){0,3}?(?:agree|approve|consider|note|endorse|determine|resolve|comment|decide|adopt|receive|"
               r"confirm|ratify|support|accept|identify|review|make|authorise|delegate|scrutinise)\b)"),
    re.compile(r"(?i)\b(?:proposed|moved)\s+by\b|\bseconded\b(?!\s+(?:to|from|into)\b)"),  # not a secondment
]
# "<someone> recommends/urges (Cabinet) that|to": a proposal when someone who can propose is the subject
_RECOMMENDS = re.compile(r"(?i)\b(?:recommends?|urges?)\b(?=(?:\s+[\w,]+){0,4}?\s+(?:that|to)\b)")
_BE_RESOLVED = re.compile(r"\bBE\s+(?:APPROVED|AGREED|ADOPTED|ENDORSED|NOTED|RECEIVED|ACCEPTED)\b")

# --- what was agreed -------------------------------------------------------------------
_RESOLVED = re.compile(
    r"\b(?:FURTHER\s+)?RESOLVED\b|^\W*(?:[Ff]urther\s+|[Uu]nanimously\s+)?[Rr]esolved\b|"
    r"\band\s+(?:(?:it\s+was|was)\s+)?(?:unanimously\s+)?resolved\b"
)
_AGREED_CAPS = re.compile(r"\bAGREED\b|^\W*(?:Agreed|Decision|Resolution)\s*(?:[:–—-]|that\b)")
# Formal acts that need no "agreed": "were confirmed as a correct record", "The report was noted."
_FORMAL = re.compile(r"(?i)\b(?:approved|confirmed|agreed|signed|accepted)\s+as\s+an?\s+(?:true\s+and\s+)?(?:correct|accurate)\s+record\b|"
                     r"\b(?:report|update|information|minutes|contents?)\s+(?:was|were)\s+(?:duly\s+)?noted\b")
_IMPERSONAL = re.compile(
    r"(?i)(?<!had been )\bit\s+(?:was|has\s+been)\s+(?:(?:also|further|unanimously|therefore|then|subsequently|duly|thus|generally)\s+)?"
    r"(?:agreed|decided|resolved)\b"
)
_PASSIVE = re.compile(
    r"(?i)\b(?P<aux>was|were|has\s+been|have\s+been|is|are|had\s+been|being)\s+"
    r"(?:(?:unanimously|duly|formally|then|also|subsequently|therefore|currently)\s+)?"
    r"(?P<verb>agreed|approved|adopted|endorsed|ratified|carried|accepted)\b(?P<after>.{0,40})"
)
_ACTIVE = re.compile(r"(?i)\b(?:(?:unanimously|formally|then|also|subsequently|therefore)\s+)?(?P<verb>" + _DECISION_VERBS +
                     r"|noted|requested|asked|recommended|voted\s+(?:to|in\s+favour)|took\s+the\s+decision|made\s+the\s+decision)\b(?P<after>.{0,80})")
_MOTION = re.compile(r"(?i)\b(?:motion|amendment|proposal|recommendations?|resolution)s?\s+(?:was\s+|were\s+|is\s+)?"
                     r"(?:duly\s+|unanimously\s+)?(?:carried|passed)\b|^\W*carried\b|\bcarried\s+(?:unanimously|nem\.?\s*con|by\s+\d+)")
_LOST = re.compile(r"(?i)\b(?:motion|amendment|proposal)s?\b[^.]{0,40}?\b(?:was\s+|were\s+|is\s+)?(?:lost|defeated|fell|rejected|not\s+carried|withdrawn)\b|^\W*lost\b")
_OPINION = re.compile(
    r"(?i)^\s*(?:that\s+)?(?:it|this|there|these|the\s+(?:point|issue|suggestion|comments?))\s+(?:was|were|is|are|would\s+be|had\s+been|needed|could|might)\s+"
    r"(?:\w+\s+){0,2}?(?:useful|helpful|important|beneficial|sensible|appropriate|worthwhile|necessary|good|better|valuable|"
    r"desirable|interesting|essential|a\s+need|need|right|fair|clear|true|concerning|disappointing)"
)
# "agreed that there needed to be …", "accepted that pay would help": a finding, not a resolution
_FINDING = re.compile(r"(?i)^\s*that\s+(?:there\s+(?:was|were|is|are|needed|had\s+been)|[^.]{0,80}?\b(?:would|could|might)\s+(?:undoubtedly\s+)?help|"
                      r"(?:(?!would|should|will|shall|be)\S+\s+){1,8}?(?:was|were|is|are|had\s+been|has\s+been)\s+(?!to\b|a\s+correct\b))\b")
# An action sheet line: "ACTION: Clerk to write to the highway authority …"
_ACTION_LINE = re.compile(r"^\W*(?:ACTIONS?|Actions?(?:\s+point)?)\s*[:–—-]\s*(?:(?P<owner>[A-Z][\w&'/ ]{0,40}?)\s+to\s+\w+)?")
# "the Council agreed the following Motion:" names what was decided; "It was agreed that:" does not
_NAMED_LIST = re.compile(r"(?i)\bthe\s+following\s+(?:motion|resolutions?|amendment)\s*:\s*$")
# Reported speech in minutes: what the meeting was told, not what it did
_REPORTED = re.compile(r"(?i)\b(?:informed|told|advised|reminded|explained|reported|noted|aware|acknowledged|recalled)\s+(?:\w+\s+){0,3}?that\b")
_HEADING_AGREED = re.compile(r"(?i)^\W*(?:resolved|resolutions?|decisions?(?:\s+made)?|agreed\s+actions?|actions?(?:\s+agreed|\s+points)?)\W*$")
_HEADING_PROPOSED = re.compile(r"(?i)^\W*(?:recommendations?|proposed\s+resolutions?|decisions?\s+required|recommended\s+decisions?)\W*$")
# The wording of a resolution item: "That …", "To approve …", "(a) Notes and endorses …"
_ITEMISH = re.compile(r"(?i)^\W*(?:\(?[a-z0-9ivx]{1,4}[.)]\s*)?(?:that\b|to\s+[a-z]+\b|(?:notes?|approves?|agrees?|endorses?|"
                      r"delegates?|authorises?|adopts?|considers?|receives?|supports?|requests?|asks?|confirms?|"
                      r"recommends?|instructs?|uses?|accepts?|resolves?|refers?|welcomes?|thanks?)\b)")


def _clean(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # link remnants: [14 February 2019](#)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"^\s*(?:[-•*▪➤·]\s*)+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a split on end punctuation before a capital)."""
    parts = re.split(r"(?<=[.!?;])\s+(?=[(\"'A-Z])", _clean(text))
    out: list[str] = []
    for p in parts:
        if out and re.fullmatch(r"\(?[\w]{1,4}[.)]", out[-1]):
            out[-1] += " " + p  # a paragraph number ("3.") is not a sentence
        elif p:
            out.append(p)
    return out


def is_lead_in(text: str) -> bool:
    """True for a sentence that introduces a list of decisions or proposals ("It was agreed that:")."""
    sents = sentences(text)
    if not sents:
        return False
    last = sents[-1]
    return bool(_LEAD_END.search(last) and _LEAD_SIGNAL.search(last) and _sentence_status(last, "agenda" if _is_proposal(last) else "minutes"))



def _is_proposal(s: str, genre: str = "agenda") -> bool:
    if any(rx.search(s) for rx in _PROPOSED):
        return True
    for m in _RECOMMENDS.finditer(s):
        kind = head_kind(subject_before(s, m.start()))
        # speech is full of "I'd recommend"; a transcript proposes only when a body does
        if kind == "body" if genre == "transcript" else kind:
            return True
    return False


def _active_status(s: str, genre: str) -> tuple[str | None, str | None]:
    """Status from '<subject> agreed/approved/…', and the subject, judged by who the subject is."""
    for m in _ACTIVE.finditer(s):
        verb, after = m.group("verb").lower(), m.group("after")
        subj = subject_before(s, m.start())
        kind = head_kind(subj)
        if kind is None:
            continue
        if genre in RECORDS and (re.search(r"\bhad\s+(?:\w+\s+)?$", s[:m.start()]) or _REPORTED.search(s[:m.start()])):
            continue  # minutes: "The Panel had requested …" is background to this meeting
        if verb in ("agreed", "accepted") and re.match(r"\s*with\b(?!\s+(?:the\s+)?(?:recommendations?|proposals?|amendment|motion))", after):
            continue  # "agreed with the point"
        if re.match(r"\s+by\b", after):
            continue  # a participle: "SCULPT adopted by private and public sector"
        if verb in ("agreed", "accepted") and (_OPINION.match(after) or _FINDING.match(after)):
            continue  # "agreed that it would be useful"
        if verb == "noted" and not re.match(r"\s+(?:the|receipt|a|an)\b", after):
            continue  # "noted that …" reports information; "noted the report" is a formal act
        if verb in ("requested", "asked"):
            if kind == "body" and re.match(r"\s+(?:that|for|officers|the|a|an)\b", after):
                return "agreed", subj
            continue
        if verb == "recommended":
            return ("agreed" if genre in RECORDS and kind == "body" else "proposed"), subj
        if verb.startswith("voted") and kind != "body":
            continue  # one member's vote decides nothing
        if verb == "noted" and kind != "body":
            continue
        if kind == "person" and verb in ("agreed", "accepted"):
            if find_action(verb + after, subj)[0]:
                return "agreed", subj  # an undertaking: "the Director agreed to report back"
            continue
        return "agreed", subj
    return None, None


def _sentence_status(s: str, genre: str) -> str | None:
    if _LOST.search(s):
        return "proposed"
    if _RESOLVED.search(s) or _MOTION.search(s) or _IMPERSONAL.search(s):
        return "agreed"
    if genre in RECORDS and (_AGREED_CAPS.search(s) or _FORMAL.search(s)):
        return "agreed"
    if _BE_RESOLVED.search(s):
        return "agreed" if genre in RECORDS else "proposed"
    v = vote(s)
    if v and v["outcome"]:
        return "agreed" if v["outcome"] == "carried" else "proposed"
    status, _ = _active_status(s, genre)
    if status:
        return status
    if _is_proposal(s, genre):
        return "proposed"
    for m in _PASSIVE.finditer(s):
        aux, verb, after = m.group("aux").lower(), m.group("verb").lower(), m.group("after")
        if re.search(r"(?i)\b(?:which|that|who|if|unless|whether|once)\s+(?:\w+\s+){0,3}$", s[:m.start()]):
            continue  # a description in a relative clause: "plans which have been adopted"
        if verb == "accepted" and re.match(r"\s*that\b", after):
            continue  # "it was accepted that …" acknowledges a view
        if genre in RECORDS and _REPORTED.search(s[:m.start()]):
            continue  # "Members were informed that the budget was agreed …" reports what others did
        if aux in ("had been", "being") or (aux in ("is", "are") and genre not in RECORDS):
            continue  # background ("had been agreed"), in progress, or a habit ("is agreed annually")
        if verb == "carried" and re.match(r"\s*(?:out|forward|over)\b", after):
            continue
        if verb in ("agreed", "accepted") and re.match(r"\s*with\s+(?:the\s+)?[A-Z]", after):
            continue  # an agreement with another party, not a decision of a body
        if aux in ("is", "are"):
            continue
        return "agreed"
    if genre in RECORDS and _undertaking(s):
        return "agreed"
    return None


def _undertaking(s: str) -> bool:
    """A person's recorded commitment: "the Director confirmed he would arrange …"."""
    m = re.search(r"\b(?:undertook|promised|offered|committed|confirmed)\b", s)
    return bool(m and head_kind(subject_before(s, m.start())) == "person" and find_action(s[m.start():])[0])


def _action(s: str, subject: str | None, context: str = "") -> Decision:
    is_action, owner, due = find_action(s, subject)
    if not is_action and context and re.match(r"(?i)^\W*(?:this|that|these)\b", s):
        # "The Director suggested that he would arrange a review. This was agreed …"
        is_action, owner, due2 = find_action(context)
        due = find_due(s) or due2
        is_action = is_action or bool(due)
    if re.search(r"(?i)\bcorrect\s+record\b", s):
        is_action, owner, due = False, None, None  # signing the minutes is a formality, not a task
    return Decision(status="agreed", is_action=is_action, owner=owner, due=due or (find_action(s)[2] if is_action else None))


def detect(text: str, *, lead_in: str | None = None, genre: str = "minutes", heading: str | None = None) -> Decision | None:
    """The decision a paragraph records, given the lead-in sentence above it (None if not a decision)."""
    sents = sentences(text)
    if not sents:
        return None
    if is_lead_in(text) and not _NAMED_LIST.search(sents[-1]):
        sents = sents[:-1]  # the lead-in's status belongs to the items under it
        if not sents or not any(_sentence_status(s, genre) for s in sents):
            return None
    body = " ".join(sents)
    if lead_in and is_lead_in(lead_in):
        status = _sentence_status(sentences(lead_in)[-1], genre)
        if status == "proposed":
            return Decision(status="proposed")
        if status == "agreed":
            if genre not in RECORDS and any(_is_proposal(s) for s in sents):
                return Decision(status="proposed")
            lead_subject = _active_status(sentences(lead_in)[-1], genre)[1]
            return _action(body, lead_subject)
    m = _ACTION_LINE.match(body)
    if m and genre in RECORDS:
        return Decision(status="agreed", is_action=True, owner=m.group("owner"), due=find_due(body))
    if heading and _HEADING_AGREED.match(_clean(heading)) and genre in RECORDS and _ITEMISH.match(body):
        return _action(body, None)
    if heading and _HEADING_PROPOSED.match(_clean(heading)) and genre not in RECORDS and _ITEMISH.match(body):
        return Decision(status="proposed")
    v = vote(body)  # a recorded vote spans sentences: "For the motion: … Against: …"
    if v and v["outcome"] and genre in RECORDS:
        return Decision(status="agreed") if v["outcome"] == "carried" else Decision(status="proposed")
    found = [(i, s, _sentence_status(s, genre)) for i, s in enumerate(sents)]
    agreed = [(i, s) for i, s, st in found if st == "agreed"]
    proposed = [s for _, s, st in found if st == "proposed"]
    if proposed and (genre not in RECORDS or not agreed):
        return Decision(status="proposed")
    if agreed:
        i, s = agreed[0]
        for j, t in agreed:  # prefer the agreed sentence that sets someone a task
            if find_action(t)[0]:
                i, s = j, t
                break
        subject = _active_status(s, genre)[1]
        return _action(s, subject, sents[i - 1] if i else "")
    return None
