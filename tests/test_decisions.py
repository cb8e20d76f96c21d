"""Decision detection: made-up house styles, the seeds' own decisions, and a labelled sample."""
import json
import re
from pathlib import Path

import pytest

from qa.decisions import detect, is_lead_in

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent.parent / "corpus"
ITEM = re.compile(r"^(?:- |\([a-z0-9]{1,3}\)\s)")


def _cases(path: Path):
    """(text, lead_in, genre, heading, expectation) for each paragraph of a house-style file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    genre = re.match(r"# genre: (\w+)", lines[0]).group(1)
    heading = lead = None
    out = []
    for block in "\n".join(lines[1:]).split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            heading = block[3:].strip()
            continue
        if not block:
            continue
        text, _, expect = block.partition("\n=>")
        item = bool(ITEM.match(text))
        out.append(pytest.param(text, lead if item else None, genre, heading, expect.strip(),
                                id=f"{path.stem}:{text[:40]}"))
        if not item:
            lead = text
    return out


HOUSE_STYLES = [c for p in sorted((DATA / "decisions").glob("*.txt")) for c in _cases(p)]


@pytest.mark.parametrize("text,lead_in,genre,heading,expect", HOUSE_STYLES)
def test_house_styles(text, lead_in, genre, heading, expect):
    d = detect(text, lead_in=lead_in, genre=genre, heading=heading)
    words, *fields = [f.strip() for f in expect.split("|")]
    if words == "none":
        assert d is None
        return
    assert d is not None, "expected a decision"
    assert d.status == words.split()[0]
    assert d.is_action == ("action" in words)
    for f in fields:
        key, _, value = f.partition("=")
        assert getattr(d, key) == value


def test_house_styles_cover_both_statuses_actions_and_negatives():
    kinds = {c.values[4].split("|")[0].strip() for c in HOUSE_STYLES}
    assert {"none", "agreed", "proposed", "agreed action"} <= kinds


# --- the seeds ------------------------------------------------------------------------

def _seed(name: str) -> str:
    return next(CORPUS.glob(f"*{name}*")).read_text(encoding="utf-8")


def _items_after(text: str, lead: str, n: int) -> list[str]:
    """The n bullets after a lead-in line, re-joining bullets a page break split in two."""
    after = text[text.index(lead) + len(lead):]
    after = re.split(r"\n\s*\n(?!\s*[-\uf0b7\u2022])", after.strip())[0]  # the list ends at a paragraph
    bullets = [b.strip() for b in re.split(r"\n\s*[-\uf0b7\u2022]\s*", "\n" + after) if b.strip()]
    return bullets[:n]


def test_minute_308_actions_are_agreed_actions():
    text = _seed("2021-03-11-minutes")
    lead = "In the light of the discussion, it was agreed that:"
    assert is_lead_in(lead)
    bullets = _items_after(text, lead, 6)
    # the third action is split by a page break into two bullets; both halves stay agreed
    decisions = [detect(b, lead_in=lead, genre="minutes") for b in bullets]
    assert all(d is not None and d.status == "agreed" for d in decisions)
    assert decisions[0].is_action and decisions[0].owner == "Officers"
    assert decisions[1].is_action and decisions[1].owner == "Officers"
    assert detect(lead, genre="minutes") is None  # the lead-in itself carries no decision


def test_minute_309_agreed_with_due_meeting():
    text = _seed("2021-03-11-minutes")
    start = text.index("309 Performance Monitoring")
    lead = "It was agreed that:"
    bullets = _items_after(text[start:], lead, 2)
    d1, d2 = (detect(b, lead_in=lead, genre="minutes") for b in bullets)
    assert d1.status == d2.status == "agreed"
    assert d2.is_action and d2.due == "its next meeting in July"


def test_2019_minutes_running_text():
    text = _seed("2019-09-03-minutes")
    gypsy = next(s for s in text.split("\n") if "Gypsy service" in s)
    d = detect(gypsy, genre="minutes")
    assert d and d.status == "agreed" and d.is_action
    director = next(s for s in text.split("\n") if "agreed to report back" in s)
    d = detect(director, genre="minutes")
    assert d and d.status == "agreed" and d.is_action and d.owner == "The Director"


def test_agenda_pack_recommendations_are_proposed_never_agreed():
    text = _seed("2020-06-22-agenda-pack")
    recs = [line for line in text.split("\n") if re.match(r"Recommendation \d+:", line)]
    assert len(recs) >= 10
    for r in recs:
        assert detect(r, genre="agenda").status == "proposed"
    lead = next(line for line in text.split("\n") if "recommends that Cabinet:" in line)
    a = next(line for line in text.split("\n") if "Notes and endorses" in line)
    assert detect(a, lead_in=lead, genre="agenda").status == "proposed"
    invited = next(line for line in text.split("\n") if "invited to consider, comment on and approve" in line)
    assert detect(invited, genre="agenda").status == "proposed"


def test_agenda_pack_reports_past_decisions_as_agreed():
    text = _seed("2020-06-22-agenda-pack")
    para = next(line for line in text.split("\n") if "Procurement and Finance teams agreed" in line)
    assert detect(para, genre="agenda").status == "agreed"
    # the same wording written as a proposal in a pack stays proposed
    assert detect("The Board is asked to agree that all suppliers be moved to immediate payment terms.",
                  genre="agenda").status == "proposed"


def test_genre_decides_be_approved():
    text = "That the revised Contract Procedure Rules BE APPROVED."
    assert detect(text, genre="minutes").status == "agreed"
    assert detect(text, genre="agenda").status == "proposed"


def test_lead_ins():
    assert is_lead_in("It was agreed that:")
    assert is_lead_in("The Panel reviewed its work programme. It was agreed that:")
    assert is_lead_in("1. The Leader and Cabinet Member with Responsibility for Finance recommends that Cabinet:")
    assert is_lead_in("RESOLVED:")
    assert not is_lead_in("In the ensuing discussion, the following main points were made:")
    assert not is_lead_in("It was agreed that the Panel would receive an update.")


def test_items_under_a_discussion_lead_in_are_judged_alone():
    lead = "During the ensuing discussion, the following points were made:"
    assert detect("Officers would signpost a young person to other possibilities.", lead_in=lead) is None


# --- measured on a hand-labelled sample of the seeds ----------------------------------

def _labelled():
    rows = [json.loads(line) for line in (DATA / "decisions_labelled.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def measure(rows):
    """(precision, recall) of detection: a hit must also get the status right."""
    tp = predicted = expected = 0
    for r in rows:
        d = detect(r["text"], lead_in=r.get("lead_in"), genre=r["genre"], heading=r.get("heading"))
        predicted += d is not None
        expected += r["expected"] is not None
        tp += d is not None and r["expected"] is not None and d.status == r["expected"]
    return tp / max(predicted, 1), tp / max(expected, 1)


def test_labelled_sample_is_balanced_and_reasoned():
    rows = _labelled()
    assert len(rows) >= 40
    assert all(r.get("reason") for r in rows)
    labels = [r["expected"] for r in rows]
    assert labels.count(None) >= 10 and labels.count("agreed") >= 10 and labels.count("proposed") >= 8


def test_a_recorded_vote_decides_status():
    assert detect("For: 9, Against: 3. The motion was declared carried.", genre="minutes").status == "agreed"
    assert detect("For 4, Against 8, Abstentions 1.", genre="minutes").status == "proposed"


def test_precision_and_recall_on_labelled_seed_paragraphs():
    precision, recall = measure(_labelled())
    print(f"decision detection on the labelled sample: precision={precision:.3f} recall={recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9


# --- through the parser: what the index will hold ---------------------------------------

def test_parsed_minutes_carry_the_308_and_309_decisions():
    from qa.parse.document import parse_file
    m = parse_file(next(CORPUS.glob("*2021-03-11-minutes*")))
    by_item = {}
    for item, p in m.paragraphs():
        if p.decision:
            by_item.setdefault(item.number, []).append(p)
    assert all(p.decision.status == "agreed" for ps in by_item.values() for p in ps)
    texts_308 = " ".join(p.text for p in by_item["308"])
    for phrase in ("briefing pack", "alternative approach", "Key PIs", "criteria for local employers", "apprenticeship champions"):
        assert phrase in texts_308
    assert any("next meeting in July" in (p.decision.due or "") for p in by_item["309"])


def test_parsed_agenda_pack_never_reports_a_recommendation_as_agreed():
    from qa.parse.document import parse_file
    m = parse_file(next(CORPUS.glob("*2020-06-22-agenda-pack*")))
    recs = [p for _, p in m.paragraphs() if re.match(r"Recommendation \d+:", p.text)]
    assert len(recs) >= 10 and all(p.decision and p.decision.status == "proposed" for p in recs)
    for _, p in m.paragraphs():
        if p.decision and p.decision.status == "agreed":
            assert not re.search(r"\brecommends that\b|\b(?:is|are) (?:now )?(?:asked|invited) to (?:consider|approve|agree)\b", p.text)
