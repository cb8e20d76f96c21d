from qa.motions import motion_context, motion_paragraph

BRISTOL = [
    "Following discussion, the report recommendations were moved by Councillor Ash and seconded by Councillor Oak.",
    "An amendment was moved by Councillor Elm as follows:",
    "Amend recommendation 1 to read as follows:",
    "Subject to the removal of the proposed new bus gate on Mill Way from the scheme.",
    "The amendment was seconded by Councillor Yew.",
    "Councillor Elm suggested that there was no evidence of bus delay at that location.",
    "On being put to the vote the amendment FELL with 2 voting FOR and 7 AGAINST.",
    "On being put to the vote the substantive recommendations were CARRIED with 4 members voting FOR.",
]


def test_a_vote_on_the_amendment_goes_back_to_the_paragraph_moving_that_amendment():
    assert motion_paragraph(BRISTOL, 6, 0) == 1
    # "the recommendations" passes over the nearer amendment to the paragraph that moved them
    assert motion_paragraph(BRISTOL, 7, 0) == 0


def test_the_moving_paragraph_brings_the_wording_set_out_below_it_within_the_budget():
    got = motion_context(BRISTOL, 6, 0, 400)
    assert got == " ".join(BRISTOL[1:4])  # "as follows:" twice, then the wording; not the seconder
    short = motion_context(BRISTOL, 6, 0, 80)
    assert len(short) <= 80 and got.startswith(short) and got[len(short)] == " "  # cut at a word


def test_paragraphs_that_report_no_outcome_or_name_their_own_mover_need_no_context():
    assert motion_paragraph(BRISTOL, 4, 0) is None  # "The amendment was seconded": no outcome
    assert motion_paragraph(BRISTOL, 5, 0) is None
    own = BRISTOL[:2] + ["Moved by Councillor Ash, seconded by Councillor Oak, the motion was CARRIED."]
    assert motion_paragraph(own, 2, 0) is None
    assert motion_context(BRISTOL, 1, 0, 400) == ""


def test_a_us_roll_call_goes_back_to_the_motion_moved_just_before():
    texts = ["Expressed support for the moratorium; urged Council to act.",
             "Vice Mayor Daysog moved approval of the staff recommendation.",
             "Councilmember Jensen seconded the motion, which carried by the following roll call vote: Ayes 4."]
    assert motion_paragraph(texts, 2, 0) == 1


def test_things_moved_or_proposed_are_not_motions_and_the_item_bounds_the_search():
    texts = ["The bus stop was moved to Mill Lane last year.", "The proposed new crossing was discussed.",
             "The chair moved on to the next item.", "The motion was CARRIED unanimously."]
    assert motion_paragraph(texts, 3, 0) is None
    assert motion_paragraph(BRISTOL, 6, 2) is None  # the mover sits before this item's first paragraph


def test_the_kind_of_motion_is_matched_as_a_word():
    texts = ["Councillor Ash moved the motion to adopt the plan.", "Councillor Oak moved approval of the promotion budget.",
             "The motion was CARRIED."]
    assert motion_paragraph(texts, 2, 0) == 0  # "promotion" holds "motion" but moves something else


def test_a_roll_call_naming_no_motion_decides_the_motion_set_out_above_its_tally():
    texts = ["COUNCIL RESOLUTION OCM23/155", "Moved: Cr Wren Seconded: Cr McAlpine",
             "That Council initiates Amendment No. 9 to Local Planning Scheme No. 3 to rezone Lot 501 Tonkin Road.",
             "CARRIED 4/2", "For: Crs Hartigan, McAlpine, Wren, Ngo. Against: Crs Doyle, Marchetti.",
             "The vote being tied, President Brennan cast his vote in the affirmative."]
    assert motion_paragraph(texts, 4, 0) == 2  # past the tally and the movers' labels
    assert motion_paragraph(texts, 5, 0) == 2
    assert motion_paragraph(texts, 2, 0) is None  # the motion itself decides nothing above it
    assert motion_paragraph(["Apologies were received.", "Ayes: Trustees Novak, Delgado"], 1, 1) is None  # not
    # across the item's start


def test_an_outcome_naming_who_opposed_decides_the_motion_above_it():
    texts = ["[R21/21-13] It was moved and seconded",
             "That the staff report on the rezoning of 8671 Cambie Road be referred back to staff to increase the "
             "market rental units to 25% of the total.",
             "DEFEATED Opposed: Mayor Brodie and Cllrs. Hobbs Loo McNulty McPhail Steves"]
    assert motion_paragraph(texts, 2, 0) == 1
