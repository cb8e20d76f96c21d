"""References between meetings: body as written, ISO date, nothing invented."""
from qa.models import Reference
from qa.references import find_references, parse_dates


def _pairs(text):
    return [(r.body, r.date) for r in find_references(text)]


def test_minutes_of_the_meeting_held_on():
    refs = find_references("The Minutes of the Meeting held on 2 February 2021 were agreed as a correct record.")
    assert refs == (Reference(text="The Minutes of the Meeting held on 2 February 2021", date="2021-02-02", body=None),)


def test_date_broken_across_lines_by_pdf_extraction():
    assert _pairs("B. The Minutes of the Meeting held on 2 February\t\t\n\t\t2021 (previously circulated).") == [(None, "2021-02-02")]


def test_two_meetings_in_one_mention():
    assert _pairs("The Minutes of the Meetings held on 9 July and 16 July 2019 were agreed") == [
        (None, "2019-07-09"), (None, "2019-07-16")]
    assert _pairs("The minutes of the meetings held on 9 and 16 July 2019 were confirmed.") == [
        (None, "2019-07-09"), (None, "2019-07-16")]


def test_body_after_at_its_meeting():
    assert _pairs("at its meeting on 28 March 2019 the OSPB agreed to set up a task group") == [("OSPB", "2019-03-28")]


def test_body_before_at_its_meeting_keeps_name_as_written():
    text = ("The Overview and Scrutiny Performance Board (OSPB) agreed at its meeting on [28 March 2019](#) "
            "that a Scrutiny Task Group would be set up")
    assert _pairs(text) == [("Overview and Scrutiny Performance Board", "2019-03-28")]


def test_considered_by_body_on_date():
    text = "Members will recall that an update report was considered by OSPB on 29 January 2020, a meeting which"
    assert _pairs(text) == [("OSPB", "2020-01-29")]


def test_link_remnants_and_comma():
    for text in ("At its meeting on [14 February 2019](#), the Council agreed the following Motion:",
                 "At its meeting on 14 February 2019, the Council agreed the following Motion:"):
        assert _pairs(text) == [("Council", "2019-02-14")]


def test_meeting_of_a_named_committee():
    text = "The minutes of the meeting of the Planning Committee held on 3rd May 2022 were approved."
    assert _pairs(text) == [("Planning Committee", "2022-05-03")]
    assert _pairs("the urgent decisions taken at the meeting of Cabinet on 26 March 2020.") == [("Cabinet", "2020-03-26")]


def test_date_without_year_is_kept_but_undated():
    assert _pairs("On 26 March Cabinet noted the allocation of £0.2m from earmarked reserves.") == [("Cabinet", None)]


def test_not_meetings():
    assert find_references("On 14 May the DfE issued further guidance for primary school opening.") == ()
    assert find_references("The New Hire Incentive was launched on 1 August 2020.") == ()
    assert find_references("The meeting ended at 3.15 pm") == ()
    assert find_references("") == ()


def test_parse_dates_carries_month_and_year_back():
    assert parse_dates("9, 16 and 23 July 2019") == ["2019-07-09", "2019-07-16", "2019-07-23"]
    assert parse_dates("30 February 2021") == [None]
