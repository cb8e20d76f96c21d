import pytest

from qa.expect import expected, supplies


@pytest.mark.parametrize("question, kind", [
    ("How much did the new town hall clock cost?", "money"),
    ("What was the final outturn cost of the scheme?", "money"),
    ("What did it cost to fit a new gate to the allotments?", "money"),
    ("What's the overall price tag for the bypass?", "money"),
    ("How many people signed the petition?", "number"),
    ("How long before the meeting must the notice be published?", "number"),
    ("What proportion of schools buy back the service?", "number"),
    ("How did the commissioners vote on the straw ballot resolution?", "vote"),
    ("Who moved the motion, and how did the vote go?", "vote"),
    ("What happened to Cllr Coombes's amendment to strip out the bus gate?", "vote"),
    ("Did the motion on the precept pass?", "vote"),
    ("What happened to the library?", None),  # no motion named: what happened may be anything
    ("When will the leisure centre open?", "when"),
    ("What time does the meeting start?", "when"),
    ("Who presented the report?", "who"),
    ("Who opposed the moratorium ordinance on final passage?", "against"),
    ("Who voted against the budget?", "against"),
    ("Who voted for the budget?", "vote"),
    ("In whose names were the emails sent?", "who"),
    ("Why is the business case running late?", None),
    ("Which item on the agenda is about the annexation vote?", None),  # the vote is the topic, not the answer
    ("What did businesses say they would like levy income spent on?", None),
])
def test_question_kinds(question, kind):
    got = expected(question)
    assert (got.name if got else None) == kind


@pytest.mark.parametrize("question, text, ok", [
    ("How much did the clock cost?", "The clock cost £4,500 to restore.", True),
    ("How much did the clock cost?", "The clock was restored by a local firm in 2019.", False),
    ("How much was the new monthly rent?", "Extending the Term of the Lease for Building 169 for 12 Months.", False),
    ("How many people signed the petition?", "The petition was signed by 3,017 people.", True),
    ("How many people signed the petition?", "Ninety-two responses were received.", True),
    # A year, a day of the month, a house number, a reference or the question's own figure is not a count.
    ("How many people spoke at the TIF 9 hearing?", "Public Hearing on TIF 9 (Set on April 23, 2026), item 2026-478.",
     False),
    ("How many objections were there?", "Removal of a public nuisance at 4109 Broyles Ave. SW", False),
    # A link's file size and a reference to a part of a document count nothing.
    ("How many public questions came in?", "Public Questions to Scrutiny Committee, item 5. PDF 175 KB", False),
    ("How many objections were there?", "Objections are listed at minute 12, page 3 and appendix 2.", False),
    ("How many items were deferred?", "Councillors deferred 5 items to the next meeting.", True),
    ("How did the members vote?", "On being put to the vote the amendment FELL with 2 voting FOR and 7 AGAINST.", True),
    ("How did the members vote?", "A Resolution calling a Special Election on the straw ballot question.", False),
    ("What happened to the amendment?", "Amend recommendation 1 to read as follows: subject to the removal of the gate.",
     False),
    ("When will it open?", "The centre is expected to open in spring 2026.", True),
    ("When will it open?", "The centre will have a pool and a gym.", False),
    ("Who presented the report?", "The Head of Human Resources presented the report.", True),
    ("Who thanked the volunteers?", "Thanks went to Martin Nicholson for the painting.", True),
    ("Who was elected chair?", "Milburn Parish Council - Tuesday 26th January 2021", False),
    ("Why was it late?", "Anything at all.", True),
    # Someone against: said so, or recorded as voting no; a supporter does not answer "who opposed".
    ("Who opposed it?", "Councillor Ash stated that she will not be supporting the matter.", True),
    ("Who opposed it?", "The motion carried by roll call vote: Councilmembers Daysog: Aye; Herrera Spencer: No.", True),
    ("Who opposed it?", "Councillor Oak spoke against the proposal.", True),
    ("Who opposed it?", "Expressed support for the moratorium; stated it protects renters: Diane Appelbaum.", False),
    ("Who voted against it?", "Nobody knows the Mayor's view yet.", False),
    ("Who objected?", "There were no objections to the plan.", False),
    ("Who opposed it?", "Resolved: No further action.", False),
])
def test_what_supplies_an_answer(question, text, ok):
    assert supplies(expected(question), text, question) is ok


def test_a_question_asking_for_a_vote_the_record_lacks_gets_no_answer(tiny_index):
    from qa.search import Searcher

    s = Searcher(tiny_index[0], encoder=tiny_index[1])
    assert s.ask("how many potholes had been repaired since January", k=3)["answer"]
    reply = s.ask("how did members vote on the potholes repaired since January", k=3)
    assert reply["answer"] is None and reply["passages"]


def test_the_months_a_question_is_about():
    from qa.expect import months_named

    assert months_named("Who was elected chair at the annual meeting in May 2021?") == {"2021-05"}
    assert months_named("How many questions came in for the 23rd March 2026 meeting?") == {"2026-03"}
    # A bound is not the month asked about; a bare year is not a month.
    assert months_named("Had the levy been to committee before March 2026?") == set()
    assert months_named("What has the retention rate been since January 2023?") == set()
    assert months_named("How much was raised in 2021/22?") == set()


def test_a_passage_speaks_of_a_month_by_its_meeting_or_its_text():
    from qa.expect import of_month

    assert of_month({"2021-05"}, "2021-05-11", "Councillor Hill was elected chair.")
    assert of_month({"2026-03"}, "2026-03-23", "The joint meeting on Friday, 27 March 2026.")
    assert of_month({"2026-03"}, "2025-11-02", "Feedback would go to the joint meeting on 27 March 2026.")
    assert not of_month({"2021-05"}, "2021-01-26", "Present: Councillor D Richardson (Chair).")
    assert of_month(set(), "2021-01-26", "anything")


def test_months_in_other_forms_and_odd_letters():
    from qa.expect import months_named, of_month

    assert months_named("How many potholes were repaired in Auguſt 2021?") == set()  # a long s is no "s"
    assert of_month({"2024-03"}, "2024-01-09", "The hearing is set for March 12, 2024.")
    assert of_month({"2024-03"}, "2024-01-09", "The hearing is set for 12/03/2024.")
    assert not of_month({"2024-03"}, "2024-01-09", "The hearing is set for the spring.")


def test_who_and_when_answers_are_read_strictly_enough():
    who, when = expected("Who chaired the meeting?"), expected("When will it open?")
    assert supplies(who, "The meeting was chaired by Seán Ó Briain.", "Who chaired the meeting?")
    assert supplies(who, "Siân Gwenllian spoke next.", "Who chaired the meeting?")
    assert not supplies(who, "They agreed that members would return to it.", "Who chaired the meeting?")
    assert not supplies(who, "THE PARISH COUNCIL MEETING", "Who chaired the meeting?")
    assert not supplies(when, "The council may consider it.", "When will it open?")
    assert supplies(when, "It opens in May.", "When will it open?")
    assert supplies(when, "It opens next year.", "When will it open?")
    assert supplies(when, "Works start in the autumn.", "When will it open?")
    for dated in ("This ordinance shall take effect thirty days after its passage.", "Works start in the fall.",
                  "It will be reviewed at the end of the month.", "Effective upon adoption.", "Within six months.",
                  "The meeting closed at 9:42 p.m.", "Doors open at 19:30.", "Funding arrives in Q3.",
                  "The hall was built in the 1990s.", "Works begin in 2 weeks.",
                  "Sly Park will reopen to students after the New Year.", "The bridge reopens before Christmas."):
        assert supplies(when, dated, "When will it open?"), dated
    for vague in ("Shutters may be closed during the six-month hurricane season.",
                  "Shutters that are not visible may be closed year-round.", "It will open after the works.",
                  "The vote was 7:2.", "After a few questions the item was noted.",
                  "The clerk will obtain three quotes for the Christmas lights."):
        assert not supplies(when, vague, "When does the rule apply?"), vague


def test_a_question_that_mentions_cost_without_asking_an_amount_expects_no_money():
    for q in ("What did residents say about the cost of living crisis?", "What is the cost of living payment?",
              "What do members think of the cost-of-living support scheme?"):
        assert expected(q) is None or expected(q).name != "money", q
    assert expected("What will the new roof cost us?").name == "money"


def test_what_something_will_cost_asks_money_wherever_cost_stands_and_a_resolution_number_is_no_year():
    for q in ("what will the Brackenfield school expansion cost and who pays for it",
              "what would sunday library hours cost the county"):
        assert expected(q).name == "money", q
    when = expected("when's the free green waste weekend at the tip?")
    assert not supplies(when, "8.1. Notice of Motion – Free Green Waste Weekend RESOLUTION 2023/207")
    assert supplies(when, "The budget for 2023/24 was set.") and supplies(when, "It opens in 2024.")


def test_cost_that_describes_something_asks_no_money():
    for q in ("What did the council decide on low-cost housing at Mill Lane?",
              "what did they say about cost overruns on the pool?", "what does the cost-benefit analysis show?"):
        assert expected(q) is None or expected(q).name != "money", q
    assert expected("what's the fine going up to for not picking up dog mess").name == "money"


def test_cost_as_the_verb_asks_money_however_the_question_goes_on():
    for q in ("What will it cost council tax payers?", "What did the scheme cost overall?",
              "What does a parking permit cost now?"):
        assert expected(q).name == "money", q
    for q in ("What's the fine print on the lease?", "What is the charge against Councillor Jones?"):
        assert expected(q) is None or expected(q).name != "money", q


def test_who_proposed_or_seconded_wants_the_movers_not_any_name():
    kind = expected("who proposed the speed limit motion for the N59 and who seconded?")
    assert kind.name == "movers"
    assert supplies(kind, "Proposed by Cllr. Mary Walsh, Seconded by Cllr. Declan Fahy.")
    assert not supplies(kind, "That Kilbarra County Council carries out a speed survey on the N-59.")
    assert expected("Who presented the report?").name == "who"
