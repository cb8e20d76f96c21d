"""Which council a document belongs to: letterheads in capitals, names inside sentences, US cities."""
from qa.parse.council import council_from_text, mentions
from qa.parse.document import meeting_id, parse_text


def test_a_letterhead_in_capitals_names_the_council_not_the_meeting_it_calls_full_council():
    text = ("WESTMARSH COUNTY COUNCIL\nCABINET\nMINUTES of a meeting of the Cabinet held at County Hall\n"
            "1. Minutes\nThe minutes were referred to Full Council for approval.\n")
    assert council_from_text(text) == "Westmarsh County Council"


def test_a_meetings_own_words_are_no_part_of_a_council_name():
    assert council_from_text("Minutes of Stoke Ferry Annual Parish Council Meeting\nPresent: Cllr A\n") \
        == "Stoke Ferry Parish Council"
    assert council_from_text("MINUTES OF THE MEETING OF LITTLE BRAMFORD PARISH COUNCIL\nPresent: Cllr A\n") \
        == "Little Bramford Parish Council"
    # "Special", "Regular", "That", "Full" and a councillor's name open no council: nothing is named here
    assert not mentions("the Special City Council met. That Council resolved. Cr Ruth McInnes That Council. "
                        "Referred to Full Council and the Regular Council.")


def test_small_words_inside_a_place_are_kept():
    assert council_from_text("Joint meeting - West of England Combined Authority Committee\n") \
        == "West of England Combined Authority"
    assert council_from_text("Minutes\nManordeilo and Salem Community Council met on 3 November.\nPresent\n") \
        == "Manordeilo and Salem Community Council"
    assert council_from_text("LIMERICK CITY AND COUNTY COUNCIL HELD IN THE COMMUNITY CENTRE\n") \
        == "Limerick City and County Council"


def test_a_municipality_named_before_its_place_ends_where_the_body_begins():
    assert council_from_text("City of Coral Gables City Commission Meeting Agenda Item E-2\n") == "City of Coral Gables"
    assert council_from_text("The Corporation of the Township of North Bexley\nRegular Council Meeting\n") \
        == "Township of North Bexley"
    assert council_from_text("TOLAN COUNTY, CALIFORNIA\nBOARD OF SUPERVISORS\nCOUNTY OF TOLAN\n") == "County of Tolan"
    assert council_from_text(" CITY OF  PORTLAND, OREGON\nOFFICIAL MINUTES\n") == "City of Portland"
    assert council_from_text("LONDON BOROUGH OF WEXCOMBE\nMINUTES OF THE PLANNING COMMITTEE\n") \
        == "London Borough of Wexcombe"
    assert council_from_text("# BEAVERDAM COUNTY BOARD OF COMMISSIONERS\nREGULAR MEETING\n", us=True) \
        == "Beaverdam County"


def test_a_letterhead_beside_other_words_on_its_line_is_read_by_its_segments():
    assert council_from_text("Cyngor Tref Llanfair Dyffryn\tLlanfair Dyffryn Town Council\nCofnodion\n") \
        == "Llanfair Dyffryn Town Council"
    assert council_from_text("City of Alder Creek\tCity Hall\nMeeting Minutes\nCity Council\n") == "City of Alder Creek"


def test_an_irish_letterhead_is_named_as_the_text_names_it():
    text = ("COMHAIRLE CONTAE CHILL BHARRA KILBARRA COUNTY COUNCIL Ballinmore Municipal District\n"
            "MINUTES OF THE MONTHLY MEETING OF BALLINMORE MUNICIPAL DISTRICT\n"
            "7.1 That Kilbarra County Council carries out a speed survey. Kilbarra County Council agreed.\n")
    assert council_from_text(text) == "Kilbarra County Council"


def test_a_us_city_council_belongs_to_the_city():
    text = "AGENDA\nRANCHO PALOS VERDES CITY COUNCIL MEETING AND IMPROVEMENT AUTHORITY\nDECEMBER 6, 2022\n"
    assert council_from_text(text, us=True) == "City of Rancho Palos Verdes"
    assert council_from_text("BRISTOL CITY COUNCIL\nMinutes of the Cabinet\n") == "Bristol City Council"


def test_without_a_letterhead_the_council_named_most_wins_and_one_named_in_passing_does_not():
    text = ("MINUTES OF THE REGULAR CITY COUNCIL MEETING\nMayor Ezzy Ashcraft convened the meeting.\n"
            + "The City of Alameda will apply. " * 3 + "The County of Alameda agreed.\n")
    assert council_from_text(text) == "City of Alameda"
    passing = "Record of decisions\nThe Combined Authority agreed.\n" + "Words of the record. " * 200 + \
        "A loan to a company owned by Ashwell Council was approved.\n"
    assert council_from_text(passing) is None


def test_an_authority_letterhead_names_it_but_a_committee_is_no_authority():
    assert council_from_text("FAIR OAKS WATER DISTRICT\nRegular Board Meeting\n") == "Fair Oaks Water District"
    assert council_from_text("SACRAMENTO COUNTY COMMITTEE ON SCHOOL DISTRICT ORGANIZATION\nMinutes\n") is None
    assert council_from_text("Housing Authority\nMinutes\n") is None
    assert council_from_text("INKWENKWEZI LOCAL MUNICIPALITY\nMINUTES OF THE ORDINARY MEETING OF THE COUNCIL\n") \
        == "Inkwenkwezi Local Municipality"
    from qa.parse.meta import find_body
    assert find_body(["MINUTES OF THE ORDINARY MEETING OF THE COUNCIL OF THE INKWENKWEZI LOCAL MUNICIPALITY HELD IN "
                      "THE COUNCIL CHAMBER, CIVIC CENTRE ON WEDNESDAY, 28 FEBRUARY 2024"],
                     "Inkwenkwezi Local Municipality") == "Council of the Inkwenkwezi Local Municipality"


def test_the_meeting_id_is_named_by_the_place_not_by_city_of():
    assert meeting_id("City of Coral Gables", "City Commission", "2024-03-12", "agenda", "") \
        == "coral-cc-2024-03-12-agenda"
    assert meeting_id("Municipal District of Newcastle West", "Municipal District", "2014-07-02", "minutes", "") \
        .startswith("newcastle-")
    m = parse_text("ASHDOWN VALE DISTRICT COUNCIL\nLicensing Committee\nMinutes of a meeting held on 14 March 2023\n"
                   "45. Apologies\nNone.\n46. Minutes\nThe minutes were agreed by Full Council.\n", "lc.txt")
    assert m.council == "Ashdown Vale District Council" and m.id.startswith("ashdown-")


def test_the_body_is_named_with_its_council_as_the_council_is_named():
    from qa.parse.meta import _tidy_body, find_body

    # the meeting's adjective inside the council's name is no new body
    assert find_body(["Minutes of Stoke Ferry Annual Parish Council Meeting held on 18 May 2011"],
                     "Stoke Ferry Parish Council") == "Stoke Ferry Parish Council"
    # a combined authority's committee keeps the authority's name; a city's commission does not
    assert _tidy_body("West of England Combined Authority Overview & Scrutiny Committee",
                      "West of England Combined Authority") \
        == "West of England Combined Authority Overview & Scrutiny Committee"
    assert _tidy_body("City of Coral Gables City Commission", "City of Coral Gables") == "City Commission"
    # a board "of the" council is named without it; a council "of the City of X" keeps its name
    assert _tidy_body("Board of Directors of the Fair Oaks Water District", "Fair Oaks Water District") \
        == "Board of Directors"
    assert _tidy_body("Council of the City of Portland", "City of Portland") == "Council of the City of Portland"
    # a name ends at its last body noun, not at the first
    lines = ["KAIMANAWA DISTRICT COUNCIL", "MINUTES", "Minutes of an ordinary meeting of the Kaimanawa District "
             "Council held in the Council Chambers on Wednesday 28 June 2023 at 9.30am"]
    assert find_body(lines, "Kaimanawa District Council") == "Kaimanawa District Council"
