"""Actions among what was agreed: is it a task, who owns it, when is it due."""
from qa.actions import find_action, find_due, head_kind, subject_before


def test_owner_is_the_subject_who_acts():
    assert find_action("Officers would produce a briefing pack for councillors.") == (True, "Officers", None)
    assert find_action("the Head of Finance undertook to circulate the figures by 31 March 2023") == (
        True, "the Head of Finance", "31 March 2023")


def test_pronoun_owner_is_the_speaker():
    ok, owner, _ = find_action("The Director suggested that he would arrange for a review to be carried out.")
    assert ok and owner == "The Director"


def test_resolution_asking_someone_to_act():
    assert find_action("that the Monitoring Officer be asked to review the protocol")[:2] == (True, "the Monitoring Officer")
    assert find_action("that a report be brought to the next meeting of the Committee") == (
        True, None, "the next meeting of the Committee")


def test_receiver_is_not_owner():
    ok, owner, due = find_action("the Panel would receive a further update at its next meeting in July.")
    assert ok and owner is None and due == "its next meeting in July"


def test_not_tasks():
    assert find_action("that the report be noted")[0] is False
    assert find_action("that the application be approved subject to conditions")[0] is False
    assert find_action("The Panel agreed to recommend to Cabinet that fees be revised.")[0] is False
    assert find_action("It was an ambitious strategy which was broadly on track.")[0] is False


def test_due_phrases():
    assert find_due("added to the agenda for the Panel's next meeting (20 July at 10am);") == "the Panel's next meeting (20 July at 10am)"
    assert find_due("report back to the OSPB in January/February 2021") == "January/February 2021"
    assert find_due("at the next meeting of the One Worcestershire ICT Group.") == "the next meeting of the One Worcestershire ICT Group"
    assert find_due("within six weeks of the meeting") == "within six weeks"
    assert find_due("in due course") is None


def test_subjects():
    assert head_kind("the Assistant Director") == "person"
    assert head_kind("Cabinet Member with Responsibility for Finance") == "person"
    assert head_kind("the Procurement and Finance teams") == "body"
    assert head_kind("The new Apprenticeship Strategy") is None
    s = "At the start of the outbreak the Procurement and Finance teams agreed that"
    assert subject_before(s, s.index("agreed")) == "the Procurement and Finance teams"
    s = "The Overview and Scrutiny Performance Board (OSPB) agreed at its meeting"
    assert subject_before(s, s.index("agreed")) == "The Overview and Scrutiny Performance Board"
