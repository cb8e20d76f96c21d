"""Everyday words a questioner uses, mapped to the words a council's record uses for the same thing."""
from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text import normalize, tokenize


@dataclass(frozen=True)
class Concept:
    """A civic term: the everyday phrasings that ask about it, and the record's own words for it.

    asked: a regular expression over the lower-cased question; recorded: words added to the keyword query
    when it matches. Only the keyword side uses them: the embedding model reads the question as typed."""

    name: str
    asked: str
    recorded: str
    example: str  # a question that asks about it in everyday words


# Each concept names something every council records in its own vocabulary and a resident asks about in
# theirs. They are phrasings of the genre (committee procedure, finance, highways, planning), not of any one
# council. A match adds a few words; the question's own words keep their weight. Triggers are phrases, not
# single everyday words: "the late Councillor Smith" asks about no delay, "was the water tested" about no trial.
CONCEPTS = (
    # A meeting without enough members present cannot decide: minutes say quorate, inquorate, quoracy.
    Concept("quorum", r"\b(?:too few|enough) (?:members|councillors)\b|"
            r"\b(?:members|councillors) (?:do not |don't |did not |didn't )?turn(?:s|ed|ing)? up\b",
            "quorum quorate inquorate quoracy", "What happens if not enough councillors turn up?"),
    # Progress reports rarely say "late": they report slippage, a revised or adjusted timeline, a deferral.
    Concept("delay", r"\b(?:running|is|are|was|were|been|being|so|too) late\b|\bbehind schedule\b|"
            r"\b(?:been|being|is|was) held up\b|\btaking longer\b",
            "delay slippage revised timeline adjusted deferred",
            "Why is the library refurbishment running late?"),
    # Trying something out before deciding is a trial or a pilot in a report.
    Concept("trial", r"\b(?:going to|will(?: they| we)?|to|plans? to|planning to) test\b|\btest(?:ing)? out\b|"
            r"\b(?:try(?:ing)?|tried) out\b|\bexperiment(?:s|ing)?\b", "trial pilot",
            "Where will they test the new road surface?"),
    # A parish or town council's share of council tax is its precept.
    Concept("precept", r"\b(?:council tax|parish tax|local tax)\b", "precept",
            "How much council tax does the parish take?"),
    # Money developers pay towards local infrastructure: a section 106 agreement or the levy (CIL).
    Concept("developer contributions", r"\bdevelopers? (?:pay|paid|money|contribut\w*)\b",
            "s106 section 106 community infrastructure levy cil", "What did the developer pay towards schools?"),
    # Legal work is done by solicitors, or by the council's legal services.
    Concept("solicitors", r"\b(?:lawyers?|law firms?|legal firms?|attorneys?)\b", "solicitor solicitors legal",
            "Which lawyers are doing the land sale?"),
    # The most senior officer.
    Concept("chief executive", r"\b(?:boss|top officer|head of paid service|most senior officer)\b",
            "chief executive", "Who is the council's boss?"),
    # Household waste.
    Concept("waste", r"\b(?:bins?|rubbish|trash|garbage)\b", "waste refuse recycling collection",
            "When do the bins get emptied?"),
    # Road repairs are highways work on the carriageway.
    Concept("highways", r"\b(?:pot ?holes?|road repairs?|roads? fixed)\b", "highways carriageway resurfacing pothole",
            "Are they getting the roads fixed?"),
    # Speed limits change by a traffic regulation order.
    Concept("speed limit", r"\bspeed(?:ing| limits?)\b", "mph traffic tro",
            "Is the speed limit on the high street changing?"),
    # Business taken in private: the press and public are excluded for exempt information.
    Concept("exempt business", r"\b(?:in private|behind closed doors|in secret|confidential)\b",
            "exempt excluded confidential private", "What did they discuss behind closed doors?"),
    # Members declare interests (pecuniary, prejudicial, other registrable) before an item.
    Concept("declarations of interest", r"\bconflicts? of interest\b|\binterests? to declare\b",
            "declaration declarations interest pecuniary prejudicial", "Did anyone have a conflict of interest?"),
    # Challenging an executive decision before it takes effect is a call-in to scrutiny.
    Concept("call-in", r"\b(?:challenge[ds]?|overturn(?:ed)?|reconsider(?:ed)?) (?:a |the |that |this )?decisions?\b",
            "call called scrutiny", "Can councillors challenge the decision?"),
    # Moving money between budget lines is a virement.
    Concept("virement", r"\bmov(?:e|ed|ing) money\b|\btransfer(?:red)? (?:money|funds) between\b", "virement",
            "Did they move money from the parks budget?"),
    # Spending more or less than budgeted: an overspend or underspend, a variance.
    Concept("overspend", r"\bover ?budget\b|\bover ?spen[dt]\b", "overspend variance pressure",
            "Is children's services over budget?"),
    Concept("underspend", r"\bunder ?budget\b|\bunder ?spen[dt]\b|\bleft over\b", "underspend surplus carry forward",
            "Was any money left over at the year end?"),
    # What a member of the public may say at a meeting.
    Concept("public participation",
            r"\b(?:residents?|the public|members of the public|public) (?:speak|spoke|ask|asked|say|said)\b",
            "public participation forum questions statements", "What did residents say at the meeting?"),
    # Members who did not come send apologies.
    Concept("apologies", r"\b(?:absent|missed the meeting|(?:did not|didn't|couldn't|could not) (?:come|attend))\b",
            "apologies absence absent", "Which councillors didn't come?"),
    # Residents' parking schemes.
    Concept("parking zone", r"\bresidents'? parking\b|\bpermit parking\b", "rpz cpz residents parking zone permit",
            "Is permit parking coming to my street?"),
    # Asking residents what they think is consultation or engagement.
    Concept("consultation",
            r"\bask(?:ed|ing)? (?:residents|the public|people)\b|\bpublic opinion\b|\bwhat residents (?:think|thought)\b",
            "consultation engagement survey responses", "Did they ask residents first?"),
    # Who won a contract: the tender and the award.
    Concept("contract award", r"\b(?:who|which company|which firm) (?:got|won|gets|will get) (?:the )?contract\b",
            "awarded tender contractor supplier", "Which company got the contract?"),
    # Who chairs: a chairman or chairperson; in Irish councils the Cathaoirleach (deputy: Leas-Chathaoirleach).
    # Not "the new chairs for the hall" or "the chair lift".
    Concept("chair", r"\b(?:as|new|next|vice|deputy|elected|appointed|became|become) chair(?:man|person|woman)?\b|"
            r"\bwho(?:'s|’s| is| was| will be| were)? chair(?:s|ed|ing)?\b|"
            r"\bchair(?:s|ed|ing)? (?:the|this|that|our) (?:meeting|council|committee|board|district)\b",
            "chairman chairperson chairwoman cathaoirleach", "Who is chairing the parish council this year?"),
    # The police: a constabulary, a police community support officer; in Ireland An Garda Síochána. Not the
    # police station as a building, nor the Police and Crime Commissioner's precept.
    Concept("police", r"\b(?:the police|police officers?|policing|a police presence|local police)\b"
            r"(?! (?:station|and crime|commissioner|authority|precept))",
            "police constabulary pcso garda", "Are the police coming to the next meeting?"),
    # When a rule starts to bind: an ordinance, byelaw or order "shall become effective" or "comes into force"
    # on a date, a policy "commences". Not "when does the meeting start?" nor "from when does the library open?".
    Concept("commencement", r"\b(?:from )?when (?:does|do|will|did|is|are) (?:the |this |that |these |those |our )?"
            r"(?:new )?(?:[\w'’-]+ ){0,3}(?:rules?|laws?|ordinances?|by(?:e-?|-)?laws?|orders?|polic(?:y|ies)|bans?|"
            r"regulations?|restrictions?|charges?|limits?)(?: (?:on|for|in|at) [\w'’-]+(?: [\w'’-]+)?)? "
            r"(?:actually |first )?(?:apply|start|begin|kick in)\b|"
            r"\b(?:take|takes|took|taken|taking) effect\b|"
            r"\b(?:come|comes|came|coming|go|goes|going|went) into (?:force|effect)\b|\bin (?:force|effect) yet\b",
            "effective commence commencement force", "When does the new parking charge take effect?"),
    # Borrowing and money held back.
    Concept("borrowing", r"\bborrow(?:s|ed|ing)?\b", "borrowing loan loans prudential pwlb",
            "How much is the council borrowing?"),
    Concept("reserves", r"\b(?:rainy day|savings pot|money in the bank|money set aside)\b", "reserves balances earmarked",
            "How much money is set aside for a rainy day?"),
)

_COMPILED = tuple((c, re.compile(c.asked)) for c in CONCEPTS)


def concepts_asked(question: str) -> list[Concept]:
    """The concepts a question asks about in everyday words."""
    q = normalize(question)
    return [c for c, rx in _COMPILED if rx.search(q)]


def query_tokens(question: str) -> list[str]:
    """The question's keyword tokens, then the record's words for the concepts it asks about (no repeats)."""
    out = tokenize(question)
    for c in concepts_asked(question):
        out.extend(tokenize(c.recorded))
    return list(dict.fromkeys(out))
