"""Recorded votes: counts, names, outcome."""
from qa.votes import vote


def test_vote_counts_and_outcome():
    v = vote("The recommendation was approved by 7 votes to 2 with 1 abstention.")
    assert (v["for"], v["against"], v["abstain"], v["outcome"]) == (7, 2, 1, "carried")
    v = vote("Votes: For 5, Against 6, Abstentions 0. The amendment fell.")
    assert (v["for"], v["against"], v["abstain"], v["outcome"]) == (5, 6, 0, "lost")


def test_vote_names():
    v = vote("For the motion: Councillors Adams, Brown, Carr and Davies (4). "
             "Against the motion: Councillors Evans and Ford (2). Abstaining: Councillor Grant (1).")
    assert v["for_names"] == ["Adams", "Brown", "Carr", "Davies"]
    assert v["against_names"] == ["Evans", "Ford"]
    assert v["abstain_names"] == ["Grant"]
    assert (v["for"], v["against"], v["abstain"], v["outcome"]) == (4, 2, 1, "carried")


def test_no_vote_in_ordinary_numbers():
    assert vote("A Level 2 for the customer service apprenticeship would cost £3k.") is None
    assert vote("There were 146 apprenticeships, 98 in the core business and 48 within schools.") is None
