"""Actions among what was agreed: whether someone is to do something, who, and by when."""
from __future__ import annotations

import re

# Who can act: the head word of a subject naming a person, role or body.
PERSON_HEADS = {
    "director", "directors", "chairman", "chairwoman", "chair", "chairperson", "officer", "officers",
    "manager", "managers", "leader", "mayor", "clerk", "member", "holder", "executive", "secretary",
    "head", "lead", "coordinator", "co-ordinator", "adviser", "advisor", "solicitor", "treasurer",
}
BODY_HEADS = {
    "council", "cabinet", "committee", "sub-committee", "board", "panel", "group", "forum",
    "commission", "authority", "assembly", "partnership", "team", "teams", "members", "we",
    "scrutiny", "directorate",
}
PRONOUNS = {"he", "she", "they", "it", "we"}

# A subject noun phrase ending where the verb begins: "the Assistant Director", "Officers",
# "the Procurement and Finance teams", "Councillor J Smith", "the H of HR&OD".
_SUBJECT = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]ll|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?"
    r"(?:(?:[A-Z][\w&'./-]*|of|and|for|with|responsibility|&)\s+){0,8}"
    r"(?:[A-Z][\w&'./-]*|[a-z-]+)(?:\s*\([A-Z&]{2,8}\))?\s*$"
)
_NAMED_PERSON = re.compile(r"^(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Prof)\s+[A-Z]")

# Doing-words that make a future clause a task rather than a state ("would be useful").
ACTION_VERBS = (
    "add", "advise", "analyse", "arrange", "ask", "bring", "brief", "check", "circulate", "clarify",
    "compare", "confirm", "consider", "consult", "contact", "continue", "develop", "discuss", "draft",
    "email", "engage", "ensure", "establish", "explore", "feed", "find", "follow", "forward", "include",
    "inform", "investigate", "invite", "liaise", "look", "meet", "monitor", "organise", "pass",
    "prepare", "present", "produce", "promote", "provide", "publish", "raise", "reconsider", "report",
    "request", "respond", "review", "revise", "seek", "send", "set", "share", "speak", "submit",
    "supply", "update", "work", "write", "receive", "pursue", "explain", "identify", "undertake",
)
_VERB = r"(?:" + "|".join(ACTION_VERBS) + r")\w*"
# Outcomes of a resolution that are not tasks: "the report be noted".
_NOT_TASK = r"(?:noted|received|approved|agreed|adopted|endorsed|accepted|confirmed|ratified|signed|welcomed|supported|recorded|granted|refused|thanked|deferred|withdrawn|rejected|declined|dismissed|upheld)"

_MODAL = re.compile(
    r"\b(?:would|should|will|shall|must|is to|are to|was to|were to)\s+(?:(?:also|then|now|urgently|further|be\s+asked\s+to|be\s+requested\s+to)\s+)*"
    r"(?:(?P<passive>be\s+(?!" + _NOT_TASK + r"\b)\w+ed\b|be\s+(?:done|brought|given|sent|made|taken|put|set|held|written|drawn)\b)|(?P<active>" + _VERB + r"))"
)
_SUBJUNCTIVE = re.compile(
    r"(?:\b(?i:that)\s+|^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?)(?P<subj>(?:(?!\b(?:would|should|will|shall|to|could|may|might|must|was|were|is|are|[Tt]hat|THAT)\b)[^,;:]){2,120}?)\s+be\s+(?:(?P<asked>asked|requested|instructed|invited|authorised)\s+to\b|(?!" + _NOT_TASK + r"\b)(?P<pp>\w+(?:ed|en|ght)|brought|sent|made|done|set|held)\b)"
)
_UNDERTAKING = re.compile(
    r"\b(?P<verb>agreed|undertook|promised|offered|committed|confirmed)\b(?:\s+that)?,?\s*"
    r"(?:(?P<who>he|she|they|[Oo]fficers|the\s+[\w&' ]{1,40}?)\s+(?:would|will)\s+(?!be\b)(?:\w+\s+){0,2}?" + _VERB + r"|to\s+(?P<to>\w+))"
)
# "agreed to recommend / note / defer …" decides; it sets no one a task
_DECIDING = {"the", "a", "with", "disagree", "recommend", "note", "approve", "accept", "support", "endorse",
             "defer", "adopt", "agree", "refuse", "reject", "receive", "ratify", "grant", "welcome", "thank"}
_ASKED_THAT = re.compile(r"\b(?:asked|requested|instructed|directed)\s+(?:that\s+)?(?P<who>(?:the\s+)?(?:[A-Z][\w&'-]*\s+){0,5}[Oo]fficers?|the\s+(?:[A-Z][\w&'-]*\s*){1,6})\s+(?:to\s+)?" + _VERB + r"\b")
_BY = re.compile(r"[^,;.]{0,60}?\bby\s+((?:the\s+)?(?:[A-Z][\w&'./-]*\s*){1,6}(?:of\s+(?:[A-Z][\w&'./-]*\s*){1,4})?|officers)\b")

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:\s+\d{4})?|" + _MONTH + r"(?:\s*/\s*" + _MONTH + r")?\s+\d{4})"
_DUE = [
    # "at its next meeting in July", "for the Panel's next meeting (20 July at 10am)", "the December Panel meeting"
    re.compile(r"\b(?:at|to|for|by|before|until|in)\s+((?:its|their|the|a|this|that)\s+(?:(?!(?:at|to|for|on|in|of|by)\b)[\w'’/-]+\s+){0,4}?meeting"
               r"(?:\s+(?:of\s+the\s+(?:[A-Z][\w&'-]*\s*)+|in\s+" + _MONTH + r"(?:\s+\d{4})?|on\s+" + _DATE + r"))?(?:\s*\([^)]{1,40}\))?)"),
    # "by 31 March 2022", "in January/February 2021", "by the end of June"
    re.compile(r"\b(?:by|in|before|on|during|until)\s+((?:the\s+end\s+of\s+)?" + _DATE + r")"),
    re.compile(r"\b(?:by|in|before|on|during|until)\s+(the\s+end\s+of\s+" + _MONTH + r")"),
    re.compile(r"\b(within\s+(?:\d+|one|two|three|four|six|twelve)\s+(?:working\s+)?(?:days|weeks|months))"),
]


def head_kind(phrase: str | None) -> str | None:
    """'person', 'body' or None: whether a subject phrase names someone who can act."""
    if not phrase:
        return None
    words = re.sub(r"\([^)]*\)", "", phrase).split()
    if not words:
        return None
    if _NAMED_PERSON.match(phrase.strip()):
        return "person"
    core = re.sub(r"\s+(?:with|for|of)\s+.*$", "", " ".join(words)).split()
    if core and core != words and head_kind(" ".join(core)) in ("person", "body"):
        return head_kind(" ".join(core))  # "Cabinet Member with Responsibility for Finance"
    last = words[-1].lower().strip(".,")
    if last in PERSON_HEADS or last in PRONOUNS - {"it", "we"}:
        return "person"
    if last in BODY_HEADS:
        return "body"
    # An acronym in a role ("the H of HR&OD", "the CE&DM", "OSPB") acts like a named role or body.
    if re.fullmatch(r"[A-Z][A-Z&]{1,7}", words[-1]) and len(words) <= 4:
        return "body" if words[-1].endswith(("B", "C", "P", "G")) else "person"
    return None


def subject_before(text: str, end: int) -> str | None:
    """The subject noun phrase ending at index `end` (the verb), if it names someone who can act."""
    # "The Board has asked", "the Council had unanimously agreed": the subject sits before the auxiliaries
    prefix = re.sub(r"(?:\s+(?:has|have|had|was|were|is|are|also|then|subsequently|unanimously|formally|duly|"
                    r"therefore|further|would|will|should))+\s*$", " ", text[:end])
    prefix = re.sub(r"\s*\([^()]{1,12}\)", "", prefix)  # "the Board (OSPB)"
    # "Council on 21 February 2023 approved": the date sits between subject and verb
    prefix = re.sub(r"\s+(?:on|in)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+(?:\s+\d{4})?\s*$", " ", prefix)
    prefix = re.split(r"[,;:()]|\bthat\b|\bwhich\b|\bwho\b|\band\s+(?=(?:the|a|an)\s)", prefix)[-1]
    m = _SUBJECT.search(prefix)
    if not m:
        return None
    phrase = m.group(0).strip()
    return phrase if head_kind(phrase) else None


def _owner(clause: str, start: int, main_subject: str | None) -> str | None:
    subj = subject_before(clause, start)
    if subj and subj.lower() in PRONOUNS:
        if subj.lower() == "it":
            return None
        # "The Director suggested that he would …": the pronoun stands for the speaker
        prefix = clause[:start].rstrip()[: -len(subj)]
        m = re.search(r"(\w+)\s+(?:that\s+)?$", prefix)
        speaker = subject_before(prefix, m.start()) if m else None
        return main_subject or speaker
    return subj


def find_action(text: str, main_subject: str | None = None) -> tuple[bool, str | None, str | None]:
    """(is_action, owner, due) for the wording of something agreed."""
    if re.search(r"(?i)\brecommend(?:s|ed)?\b", text):
        return False, None, None  # a recommendation passes the task to whoever decides on it
    owner, found = None, False
    m = _UNDERTAKING.search(text)
    if m and (m.group("to") is None or m.group("to").lower() not in _DECIDING):
        found = True
        who = m.group("who")
        if who and who.lower() not in PRONOUNS and head_kind(who):
            owner = who  # "it was agreed that the Director would advise"
        else:
            owner = subject_before(text, m.start()) or main_subject
    if not found:
        m = _SUBJUNCTIVE.search(text)
        if m:
            found = True
            if m.group("asked"):
                owner = m.group("subj").strip() if head_kind(m.group("subj")) else None
            else:
                by = _BY.match(text, m.end())
                owner = by.group(1).strip() if by and head_kind(by.group(1)) else None
    if not found:
        m = _ASKED_THAT.search(text)
        if m and head_kind(m.group("who")):
            found, owner = True, m.group("who")
    if not found:
        m = _MODAL.search(text)
        if m:
            found = True
            if m.group("passive"):
                by = _BY.match(text, m.end())
                owner = by.group(1).strip() if by and head_kind(by.group(1)) else None
            elif not re.match(r"receive", m.group("active"), re.I):
                # "the Panel would receive an update": the receiver is not the one who acts
                owner = _owner(text, m.start(), main_subject)
    if not found:
        return False, None, None
    return True, owner, find_due(text[m.start():])  # a date before the task is when it was decided


def find_due(text: str) -> str | None:
    """The meeting or date by which an action is due, as written ("its next meeting in July")."""
    for rx in _DUE:
        m = rx.search(text)
        if m:
            return m.group(1).strip()
    return None
