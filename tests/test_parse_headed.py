"""Items of agendas and minutes that number nothing, from the headings a web page, Word file or Markdown states."""
import io

import docx

from qa.parse.document import parse_bytes, parse_document
from qa.parse.headed import heading_items
from qa.read.blocks import Block, Document

MARKDOWN = """# Minutes for meeting held Tuesday 4th March 2025

Held in the Community Hall at 7:00pm.

## Present

- Alan McFadzean, Chair
- Trevor Smith, Secretary

## Public Forum

One member of the public asked for an update on the café. The secretary had written to the owners.

## Clock Tower Flag

Works on the clock tower go on for six weeks; an update will follow from the contractor.

## AOB

### Defibrillator

The pads have been replaced and it was agreed to look at options for a new defibrillator.

### Community Consultation

The chair agreed to chase the former chair about the consultation and report back.

## Next Meeting

The next meeting will take place on 1 April 2025 at 7pm in the Community Hall.
"""
ITEMS = ["Present", "Public Forum", "Clock Tower Flag", "AOB", "Next Meeting"]


def _items(m):
    return [i.title for i in m.items if i.key != "front"]


def test_markdown_minutes_take_their_items_from_the_level_below_the_title():
    m = parse_bytes(MARKDOWN.encode(), "minutes.md")
    assert m.kind == "minutes" and _items(m) == ITEMS
    aob = next(i for i in m.items if i.title == "AOB")  # its sub-headings are sections of it, not items
    assert any(p.text.startswith("The pads have been replaced") for p in aob.paragraphs)
    assert m.items[0].key == "front" and "Minutes for meeting held" in m.items[0].paragraphs[0].text


def _html(body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def _as_html(markdown: str) -> str:
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark").render(markdown)


def test_a_web_page_s_minutes_take_their_items_from_its_h2_not_its_h3():
    m = parse_bytes(_html(_as_html(MARKDOWN)), "minutes.html")
    assert _items(m) == ITEMS


def test_a_web_page_s_chrome_headings_around_the_minutes_are_no_items():
    chrome_before = "<h2>Documents</h2><ul><li>Minutes 4 March 2025 PDF 162 KB</li></ul>"
    chrome_after = ("<h2>Useful links</h2><ul><li>Borders Council</li><li>Community councils</li></ul>"
                    "<h2>Was this page helpful?</h2><form><button>Yes</button></form>"
                    "<h2>Give feedback about this page</h2><p>Tell us what you think.</p>"
                    "<h2>Share this page</h2><p>Facebook X</p>"
                    "<h2>Who we are</h2><p>The community council is made up of volunteers elected by residents.</p>")
    html = _as_html(MARKDOWN)
    at = html.index("<h2>")
    m = parse_bytes(_html(html[:at] + chrome_before + html[at:] + chrome_after), "minutes.html")
    assert _items(m) == ITEMS
    # without closing business, the page's boxes after the last item still end the record
    no_close = html[:html.index("<h2>Next Meeting")]
    m = parse_bytes(_html(no_close + chrome_after), "minutes.html")
    assert _items(m) == ITEMS[:-1]


def test_headings_below_a_line_closing_the_meeting_are_the_page_s():
    page = ("<h1>Minutes 4 March 2025</h1><p>Present: Cllr Smith, Cllr Jones.</p>"
            "<p>The council agreed the repair quote of £3,200 for the hall roof.</p>"
            "<p>The meeting closed at 8.40pm.</p>"
            "<h2>Stay in touch</h2><p>The council has launched a survey on the future of the village hall.</p>"
            "<h2>What's on</h2><p>The Christmas fair will be held in the village hall on Saturday 7 December.</p>"
            "<h2>Opening hours</h2><p>The hall office is open on weekday mornings from nine until twelve.</p>")
    m = parse_bytes(_html(page), "minutes.html")
    assert len(m.items) == 1 and not _items(m)[0].startswith(("Stay", "What", "Opening"))


def test_one_report_under_the_minutes_title_keeps_its_decision():
    page = ("<h1>Minutes of the Cabinet, 4 March 2025</h1><p>Present: Councillors Smith, Jones and Brown.</p>"
            "<h2>Background</h2><p>The library service reviewed its opening hours after the consultation.</p>"
            "<h2>Options considered</h2><p>Three options were considered, including closing on Mondays.</p>"
            "<h2>Decision</h2><p>Resolved that the libraries open on Mondays from 1 April 2025.</p>")
    assert len(parse_bytes(_html(page), "minutes.html").items) == 1
    nested = page.replace("h2>", "h3>").replace("<h3>Background", "<h2>Library opening hours</h2><h3>Background")
    assert len(parse_bytes(_html(nested), "minutes.html").items) == 1


def test_an_agenda_s_numbered_items_under_section_headings_stay_the_items():
    page = ("<h1>Parks Committee Agenda</h1><p>Monday 3 March 2025 at 7pm, Council Chamber.</p>"
            "<h2>Opening business</h2><ol><li>Apologies for absence</li><li>Declarations of interest</li></ol>"
            "<h2>Reports</h2><ol start='3'><li>Tree planting programme</li><li>Play area inspection</li></ol>"
            "<h2>Closing business</h2><ol start='5'><li>Correspondence</li><li>Date of next meeting</li></ol>")
    m = parse_bytes(_html(page), "agenda.html")
    assert m.kind == "agenda" and [i.number for i in m.items if i.number] == ["1", "2", "3", "4", "5", "6"]


def test_a_word_file_s_heading_2_are_the_items_and_heading_3_their_sections():
    d = docx.Document()
    d.add_paragraph("Wester Parish Council", style="Heading 1")
    d.add_paragraph("Minutes of the meeting held on 4 March 2025", style="Heading 1")
    d.add_paragraph("Present: Cllr A Smith (Chair), Cllr B Jones.")
    for title, subs in [("Apologies", ()), ("Planning", ("12 Mill Close", "Land at Station Road", "3 Church Row")),
                        ("Finance", ()), ("Date of next meeting", ())]:
        d.add_paragraph(title, style="Heading 2")
        for sub in subs:
            d.add_paragraph(sub, style="Heading 3")
            d.add_paragraph(f"No objection was raised to the application at {sub}.")
        if not subs:
            d.add_paragraph(f"The council noted the {title.lower()} as set out in the paper.")
    buf = io.BytesIO()
    d.save(buf)
    m = parse_bytes(buf.getvalue(), "minutes.docx")
    assert _items(m) == ["Apologies", "Planning", "Finance", "Date of next meeting"]


def _blocks(level):
    """Minutes whose titles and bold "Resolved: …" lines a PDF reader takes for headings (level None); a web page
    states its titles' level and sets the resolutions as bold text."""
    resolved = "heading" if level is None else "paragraph"
    texts = [("Minutes of the Parish Council, 4 March 2025", "heading"), ("Present: Cllr Smith.", "paragraph")]
    for title in ("Allotments", "Footpaths", "Grass Cutting", "Village Hall"):
        texts += [(title, "heading"), (f"Resolved: that the {title.lower()} report be noted.", resolved),
                  (f"The council discussed the {title.lower()} at length and noted the clerk's report.", "paragraph")]
    return [Block(t, page=1, kind=k, bold=k == "heading" or t.startswith("Resolved"),
                  level=level if k == "heading" else None) for t, k in texts]


def test_a_pdf_s_bold_labels_are_no_items_and_its_titles_take_the_level_of_their_type():
    pdf = parse_document(Document(blocks=_blocks(None), format="pdf", pages=1), "minutes.pdf")
    # the bold "Resolved: …" lines set below the titles, the titles' type their level
    assert [i.title for i in pdf.items if i.key != "front"] == ["Allotments", "Footpaths", "Grass Cutting",
                                                                "Village Hall"]
    stated = parse_document(Document(blocks=_blocks(2), format="html"), "minutes.html")
    assert [i.title for i in stated.items if i.key != "front"] == ["Allotments", "Footpaths", "Grass Cutting",
                                                                   "Village Hall"]  # their level stated, read


def test_heading_items_take_the_shallowest_level_below_the_title():
    lines = ["Minutes 4 March 2025", "", "Present", "", "A Smith", "", "Planning", "", "12 Mill Lane", "", "Agreed.",
             "", "Finance", "", "Noted.", "", "AOB", "", "None."]
    levels = {0: 1, 2: 2, 6: 2, 8: 3, 12: 2, 16: 2}
    assert heading_items(lines, levels) == [2, 6, 12, 16]
    assert heading_items(lines, {0: 1, 2: 2, 6: 2}) == []  # two headings are no agenda


def test_a_stack_of_title_headings_each_at_its_own_level_is_the_title_not_an_item():
    lines = ["MINUTES", "", "ASHBY TOWN COUNCIL", "", "Planning Committee", "", "Council Offices, High Street", "",
             "Thursday, 23 July 2020 at 5.00pm", "", "Apologies", "", "None.", "", "Planning Applications", "",
             "The committee agreed to support the application for 4 Mill Lane.", "", "Tree Works", "",
             "It was resolved to fell the ash at the recreation ground."]
    assert heading_items(lines, {0: 1, 2: 2, 4: 3, 10: 4, 14: 4, 18: 4}) == [10, 14, 18]


def test_stated_headings_ending_on_a_colon_are_items():
    lines = ["Minutes 4 March 2025", "", "Call to Order:", "", "The chair opened the meeting.", "", "Planning:", "",
             "The application was approved.", "", "Finance:", "", "The accounts were noted.", "", "Adjournment:", "",
             "The meeting closed at 8pm."]
    assert heading_items(lines, {0: 1, 2: 2, 6: 2, 10: 2, 14: 2}) == [2, 6, 10, 14]


def test_the_meeting_s_date_set_as_a_heading_under_the_title_is_the_title_s():
    lines = ["Adopted Minutes Regular Council Meeting", "", "July 9, 2002", "", "Mayor Tierney called the meeting to "
             "order.", "", "Plymouth Forum", "", "No one was present.", "", "Presentations", "", "The scouts spoke.",
             "", "Consent Agenda", "", "Motion carried to approve the consent agenda."]
    assert heading_items(lines, {0: 1, 2: 2, 6: 2, 10: 2, 14: 2}) == [6, 10, 14]


def test_sentences_set_in_a_heading_style_are_no_items():
    lines = ["Minutes 4 March 2025", "", "The clerk reported that the grass had been cut.", "",
             "Councillors agreed that the hall roof be repaired.", "", "Finance", "", "The accounts were approved.", "",
             "It was noted that the bus shelter is broken.", "", "Noted."]
    assert heading_items(lines, {0: 1, 2: 2, 4: 2, 6: 2, 10: 2}) == []


def test_a_page_s_heading_above_the_dated_title_at_the_items_level_is_no_item():
    lines = ["Welcome to the Wester Parish Council", "", "Find meetings, minutes and news of the parish here.", "",
             "Minutes of the meeting held on 4 March 2025", "", "Present", "", "Cllr A Smith.", "", "Village Hall", "",
             "The roof repairs are finished.", "", "Finance", "", "The invoice of £420 was approved."]
    assert heading_items(lines, {0: 2, 4: 2, 6: 2, 10: 2, 14: 2}) == [6, 10, 14]


MEETING = """# Anytown Community Council

## Minutes of the meeting held on 5 March 2024

Present: A Smith (Chair), B Jones, C Brown.

### Apologies

D White sent apologies.

### Public Participation

The meeting was adjourned at 7.35pm for public participation. Two residents spoke about parking. The meeting
reconvened at 7.50pm.

### Date of Next Meeting

The next meeting will be held on 2 April 2024 at 7.30pm in the hall.

### Report from our County Councillor

County Cllr Green reported that the county council will resurface Mill Lane in the summer.

### Planning

No objection was raised to the application for a rear extension at 4 Mill Close; the Clerk reported this.

### Any Other Business

The Chair said thank you to the volunteers who cleared the churchyard, and a letter of thanks was agreed.
"""


def test_a_break_in_the_meeting_an_early_next_meeting_and_the_council_s_own_voice_end_no_record():
    # after "Date of Next Meeting", headings over business are items still (a page's boxes after it hold none)
    m = parse_bytes(MEETING.encode(), "minutes.md")
    assert _items(m) == ["Apologies", "Public Participation", "Date of Next Meeting", "Report from our County Councillor",
                         "Planning", "Any Other Business"]


def _docx(spec):
    d = docx.Document()
    for style, text in spec:
        d.add_paragraph(text, style=style)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_BUSINESS = [("Heading 1", "Apologies"), ("Normal", "Cllr D White sent apologies, which were accepted."),
             ("Heading 1", "Planning"), ("Normal", "No objection to a rear extension at 4 Mill Close."),
             ("Heading 1", "Finance"), ("Normal", "Payments of £4,532 were approved.")]
_HEAD = [("Normal", "Minutes of the meeting held on Tuesday 5 March 2024 at 7.30pm in the Village Hall"),
         ("Normal", "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown.")]


def test_word_s_title_above_heading_1_items_and_items_about_other_minutes_or_meetings_are_not_the_title():
    titled = parse_bytes(_docx([("Title", "Anytown Parish Council")] + _HEAD + _BUSINESS), "minutes.docx")
    assert _items(titled) == ["Apologies", "Planning", "Finance"]
    approval = [("Heading 1", "Approval of Minutes"), ("Normal", "The minutes of 6 February 2024 were approved.")]
    first = parse_bytes(_docx([("Normal", "Anytown Parish Council")] + _HEAD + approval + _BUSINESS), "minutes.docx")
    assert _items(first) == ["Approval of Minutes", "Apologies", "Planning", "Finance"]
    earlier = [("Heading 1", "Minutes of the Meeting held on 6 February 2024"), ("Normal", "Approved as a true record.")]
    third = parse_bytes(_docx([("Normal", "Anytown Parish Council")] + _HEAD + _BUSINESS[:2] + earlier + _BUSINESS[2:]
                              + [("Heading 1", "Date of Next Meeting – 2 April 2024"), ("Normal", "In the hall.")]),
                        "minutes.docx")
    assert _items(third) == ["Apologies", "Minutes of the Meeting held on 6 February 2024", "Planning", "Finance",
                             "Date of Next Meeting – 2 April 2024"]


def test_minutes_set_as_paragraphs_above_a_page_s_boxes_stay_one_record():
    page = ("<h1>Full Council Minutes – 5 March 2024</h1>"
            "<p>Minutes of the meeting of Anytown Town Council held on Tuesday 5 March 2024 at 7pm.</p>"
            "<p><strong>Apologies.</strong> Cllr D White sent apologies, which were accepted.</p>"
            "<p><strong>Finance.</strong> The council approved payments of £4,532 and noted the bank reconciliation.</p>"
            "<h2>Upcoming events</h2><h3>Spring Fair</h3><p>Stalls, games and a dog show on the green on 20 April "
            "from 11am until 4pm, with the town band playing all afternoon.</p><h3>Litter Pick</h3><p>Volunteers "
            "meet at the church at 10am on 6 April; bags and gloves are provided.</p><h3>Allotments</h3><p>Two plots "
            "are available at the Mill Lane site from April, at £35 a year, for residents of the town.</p>"
            "<h2>Opening hours</h2><p>Monday to Friday, 9am to 1pm.</p>"
            "<h2>Find the office</h2><p>Town Hall, High Street, Anytown.</p>")
    m = parse_bytes(_html(page), "minutes.html")
    assert not any(t in ("Upcoming events", "Opening hours", "Find the office") for t in _items(m))


def test_a_stated_heading_s_words_after_a_colon_are_its_title_not_also_its_text():
    md = MEETING.replace("### Planning", "### Planning: Rear Extension at 4 Mill Close")
    item = next(i for i in parse_bytes(md.encode(), "minutes.md").items if i.title.startswith("Planning"))
    assert item.title == "Planning: Rear Extension at 4 Mill Close"
    assert [p.text for p in item.paragraphs] == [
        "No objection was raised to the application for a rear extension at 4 Mill Close; the Clerk reported this."]


_ITEMS = ("<h2>Apologies for Absence</h2><p>Cllr G Grey.</p><h2>Finance</h2><p>Payments of £1,240 were authorised.</p>"
          "<h2>Allotments</h2><p>Two plots were let; the waiting list was noted.</p>"
          "<h2>Highways</h2><p>Clerk to contact the county council about the potholes.</p>")
_WANT = ["Apologies for Absence", "Finance", "Allotments", "Highways"]


def test_titles_attendance_and_a_page_s_dates_above_short_minutes_leave_their_headings_the_items():
    present = "<p>Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown.</p>"
    for top in ("<h1>Ayton Parish Council</h1><h2>Approved Minutes – Full Council – 4 March 2025</h2>",
                "<p>Posted on 6 March 2025 in Minutes</p><h2>Minutes of the Parish Council meeting held on 4 March "
                "2025</h2>",
                "<h1>Ayton Parish Council</h1><p>Minutes of the meeting held on 4 March 2025</p>"):
        assert _items(parse_bytes(_html(top + present + _ITEMS), "minutes.html")) == _WANT, top
    word = _docx([("Title", "Ayton Parish Council"), ("Heading 1", "Minutes of the meeting held on 4 March 2025"),
                  ("Normal", "Present: Cllr A Smith (Chair), Cllr B Jones.")] + _BUSINESS)
    assert _items(parse_bytes(word, "minutes.docx")) == ["Apologies", "Planning", "Finance"]
    forum = "<p>" + "A resident spoke at length about parking on the green and the state of the verges. " * 20 + "</p>"
    long_front = "<h1>Minutes of the meeting held on 4 March 2025</h1>" + present + forum + _ITEMS
    assert _items(parse_bytes(_html(long_front), "minutes.html")) == _WANT


def test_a_page_s_boxes_after_the_record_s_end_are_no_items():
    boxes = ("<h2>Village Fete</h2><p>The fete will be held on the green on 14 June, with stalls and a tug of war.</p>"
             "<h2>Community Speedwatch</h2><p>Volunteers meet at the hall on the first Saturday of each month.</p>")
    after_next = ("<h1>Minutes of the meeting held on 4 March 2025</h1>" + _ITEMS +
                  "<h2>Date of Next Meeting</h2><p>Tuesday 1 April 2025 at 7.30pm.</p>" + boxes)
    assert _items(parse_bytes(_html(after_next), "minutes.html")) == _WANT + ["Date of Next Meeting"]
    closed = ("<h1>Minutes of the meeting held on 4 March 2025</h1>" + _ITEMS +
              "<p>The meeting closed at 9.05pm.</p><h2>Hall Roof</h2><p>Work has resumed on the village hall roof "
              "and should finish in May.</p>" + boxes)
    assert _items(parse_bytes(_html(closed), "minutes.html")) == _WANT


def test_headings_after_an_early_next_meeting_and_items_with_business_are_items():
    md = ("# Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr Smith, Cllr Jones.\n\n## Apologies\n\n"
          "None.\n\n## Date of Next Meeting\n\n1 April 2025.\n\n## Planning\n\nNo objection to 4 Mill Close was "
          "agreed.\n\n## Correspondence\n\nA letter from the school about parking.\n\n## Councillors' Reports\n\n"
          "Cllr Jones on the footpath survey.\n")
    assert _items(parse_bytes(md.encode(), "minutes.md")) == [
        "Apologies", "Date of Next Meeting", "Planning", "Correspondence", "Councillors' Reports"]


def test_a_paragraph_of_an_unnumbered_item_is_cited_by_the_item_s_title():
    from qa.models import cite

    m = parse_bytes(MARKDOWN.encode(), "minutes.md")
    item = next(i for i in m.items if i.title == "Clock Tower Flag")
    assert "Clock Tower Flag, para 1" in cite(m, item, item.paragraphs[0]).label
