"""PDFs for the reader tests, written with fpdf2: furniture, margin numbers, two columns, tables, encryption."""
from __future__ import annotations

from fpdf import FPDF

LOREM = ("The committee considered the report of the Director of Place on the condition of the footways in "
         "the town centre and the programme of repairs proposed for the coming year. ")


class Paged(FPDF):
    """A council document's furniture: a running header and a "Page N of M" footer on every page."""

    def header(self):
        self.set_font("Helvetica", "", 9)
        self.cell(0, 6, "Parks and Open Spaces Committee - 3 March 2025", align="C")
        self.ln(12)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 9)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")


def _heading(pdf: FPDF, number: str, title: str) -> None:
    """A minute number in a margin column, its title beside it in bold."""
    y = pdf.get_y() + 4
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_xy(15, y)
    pdf.cell(14, 6, number)
    pdf.set_xy(35, y)
    pdf.cell(150, 6, title)
    pdf.ln(9)


def _para(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 11)
    pdf.set_x(35)
    pdf.multi_cell(160, 6, text)
    pdf.ln(4)


def minutes_pdf() -> bytes:
    """Three pages of minutes: items with margin numbers; one paragraph runs over a page break."""
    pdf = Paged()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Minutes of the Parks and Open Spaces Committee", new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "292.", "Apologies for Absence")
    _para(pdf, "Apologies were received from Councillor Ashworth and Councillor Patel.")
    _heading(pdf, "293.", "Footway Repairs")
    _para(pdf, LOREM * 3)
    _para(pdf, "Members noted that the contractor had resurfaced the footway on Mill Lane ahead of "
               "schedule and at a cost below the estimate agreed in the budget.")
    _heading(pdf, "294.", "Allotments")
    # push this paragraph to the foot of the page so that it is cut by the page break
    pdf.set_y(pdf.h - 20 - 6 * 3)
    _para(pdf, "The committee heard that the waiting list for allotments at Hollins Road had grown to "
               "eighty-four households and that the council would look for land at the former depot "
               "site where new plots could be laid out for the spring.")
    _para(pdf, "RESOLVED that the Head of Parks report on the depot site to the next meeting.")
    _heading(pdf, "295.", "Tree Planting")
    _para(pdf, "Three hundred oak saplings were planted in Victoria Park during the winter season.")
    return bytes(pdf.output())


def two_column_pdf() -> bytes:
    """One page of running text in two columns under a full-width title."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Parish Newsletter", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    left = ("LEFT COLUMN The village hall committee met in the autumn to agree the programme of repairs to the "
            "roof and the kitchen, and asked the parish council for a grant towards the cost of the work. ") * 3
    right = ("RIGHT COLUMN The footpath officer reported that the stiles on the bridleway to the common had "
             "been replaced with gates so that walkers with pushchairs could use the route all year. ") * 3
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(10, top)
    pdf.multi_cell(88, 5, left)
    pdf.set_xy(112, top)
    pdf.multi_cell(88, 5, right)
    return bytes(pdf.output())


def table_pdf(rows: int = 60) -> bytes:
    """A three-column table long enough to run over a page break, under a running header and footer."""
    pdf = Paged()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 8, "Statements were received as follows:", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(20, 60, 100), first_row_as_headings=False) as table:
        for n in range(1, rows + 1):
            row = table.row()
            row.cell(f"{n:02d}")
            row.cell(f"Resident {n}")
            row.cell(f"Statement on the closure of Station Road number {n}")
    pdf.ln(6)
    pdf.cell(0, 8, "The statements were noted.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    """Minutes that open only with a password."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 10, "Confidential minutes of the staffing committee.")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """Pages that are only pictures of text: no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).text((20, 80), "Minutes of the meeting", fill="black")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=180)
    return bytes(pdf.output())


def many_pages_pdf(pages: int) -> bytes:
    """A document with very many (nearly empty) pages."""
    pdf = FPDF()
    pdf.set_font("Helvetica", "", 8)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(0, 5, str(n + 1))
    return bytes(pdf.output())


def justified_and_cut_pdf() -> bytes:
    """A justified line parted by wide word gaps, and a sentence cut by a page break before a capital."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    width = pdf.get_string_width("AN ORDINANCE") + pdf.get_string_width("OF THE CITY COMMISSION")
    em = 11 * 25.4 / 72
    gap = 2.2 * em  # wider than a word gap, as justification makes them
    pdf.set_xy(15, 30)
    pdf.cell(0, 6, "AN ORDINANCE")
    pdf.set_xy(15 + pdf.get_string_width("AN ORDINANCE") + gap, 30)
    pdf.cell(0, 6, "OF THE CITY COMMISSION")
    line = "PROVIDING FOR A TEXT AMENDMENT TO THE ZONING CODE"
    pdf.set_stretching(100 * (width + gap) / pdf.get_string_width(line))  # the next line fills the same box
    pdf.set_xy(15, 35)
    pdf.cell(0, 6, line)
    pdf.set_stretching(100)
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(15, 60)
    pdf.cell(0, 6, "Short opening line of the letter.")
    pdf.set_xy(15, 270)
    pdf.cell(0, 6, "The clerk was asked to write on behalf of the council to the chair of the Hollins Road")
    pdf.add_page()
    pdf.set_xy(15, 20)
    pdf.cell(0, 6, "Allotment Society about the renewal of the lease.")
    return bytes(pdf.output())


def _body_page() -> FPDF:
    """A one-page document in 11-point body type, its cursor at the top left of the text."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(15, 20)
    return pdf


def plain_headings_pdf() -> bytes:
    """Minutes set all in body type: each minute's number and title on a short line of its own, its text close below."""
    pdf = _body_page()
    for number, title, text in (
            ("20.07.09", "Correspondence", "Clerks and Councils Direct for May and July had been circulated to all "
                                             "councillors before the meeting and was noted by the council."),
            ("20.07.10", "Public Participation", "The Chair had received a couple of notices from a member of the "
                                                  "public about the waste bin in the bus shelter. The Clerk to laminate "
                                                  "a sign to notify dog owners not to do this.")):
        pdf.set_x(15)
        pdf.cell(0, 5, f"{number} {title}", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(180, 5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _fill(pdf: FPDF, words: list[str], width: float) -> str:
    """The longest run of words that fits within width at the current font."""
    out = []
    for w in words:
        if pdf.get_string_width(" ".join(out + [w])) > width:
            break
        out.append(w)
    return " ".join(out)


def one_line_paragraphs_pdf() -> bytes:
    """Parish minutes as a word processor prints them: agenda lines numbered on from meeting to meeting ("3449.")
    set single-spaced, then paragraphs of one full line each, a paragraph's space apart, and one wrapped paragraph."""
    pdf = _body_page()
    for line in ("3449. Declarations of interest for items on the agenda",
                 "3450. To receive and approve minutes of the previous meeting",
                 "3451. To receive the financial report of the clerk"):
        pdf.multi_cell(180, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    words = (LOREM * 3).split()
    for k in range(5):  # more paragraph gaps than line gaps: the commonest gap is between paragraphs
        pdf.multi_cell(180, 5, f"Paragraph {k + 1}: " + _fill(pdf, words, 150), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    pdf.multi_cell(180, 5, "The wrapped paragraph. " + LOREM * 2, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


class _NumberedFromTwo(FPDF):
    """A bare page number at the foot of every page but the first."""

    def footer(self):
        if self.page_no() > 1:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 10, str(self.page_no()), align="C")


def wrapped_year_pdf(paragraphs: int = 1) -> bytes:
    """A title whose date wraps, leaving its year alone on the second line at the top of page 1."""
    pdf = _NumberedFromTwo()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(15, 12)
    pdf.multi_cell(120, 6, "Minutes of the Annual Parish Council Meeting held on Wednesday 18 May\n2011",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.ln(6)
    for _ in range(paragraphs):
        pdf.multi_cell(180, 5, LOREM, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    return bytes(pdf.output())


def year_opens_a_line_pdf() -> bytes:
    """A sentence wrapped so that its next line opens with a year and a full stop ("2024. The Clerk said…")."""
    pdf = _body_page()
    for line in ("Members considered the accounts and the internal auditor's report for the year ending 31 March",
                 "2024. The Clerk said that the external audit would follow in the summer and asked members to",
                 "note the dates set out in the appendix to the report, which they did without further comment."):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def decision_form_pdf() -> bytes:
    """A record of decisions set as a borderless form: labels in a left column, each value beside its label,
    a numbered decision wrapping under a hanging indent, and a label that itself wraps over three lines."""
    pdf = _body_page()
    label_x, value_x, width = 15.0, 65.0, 130.0
    award = ("1. To award the contract for Kerbside Waste, Recycling and Street Cleansing Services to Greenline "
             "Environmental Services Ltd for an initial term of eight years at an estimated annual value of "
             "GBP 14.3m.").split()
    wrapped = [_fill(pdf, award, width)]
    while sum(len(w.split()) for w in wrapped) < len(award):
        wrapped.append(_fill(pdf, award[sum(len(w.split()) for w in wrapped):], width - 5))
    reasons = ("Greenline Environmental Services Ltd submitted the most economically advantageous tender after "
               "a competitive procedure with negotiation, scoring 81.4 out of 100.").split()
    first = _fill(pdf, reasons, width)
    lines = [("Decision", value_x, "Cabinet RESOLVED:"), ("", value_x, wrapped[0])]
    lines += [("", value_x + 5, w) for w in wrapped[1:]]
    lines += [("", value_x, "2. To approve the capital budget of GBP 9.8m for the refuse collection fleet."),
              None,
              ("Reasons for decision", value_x, first),
              ("", value_x + 3, " ".join(reasons[len(first.split()):])),
              None,
              ("Alternative options", value_x, "Bringing the service in-house through a trading company was"),
              ("considered and", value_x, "assessed. This was rejected due to the estimated set-up costs of"),
              ("rejected", value_x, "GBP 3.6m and the risk to service continuity."),
              None,
              ("Key decision", value_x, "Yes - Forward Plan reference KD 2023/054")]
    y = 25.0
    for line in lines:
        if line is None:
            y += 4
            continue
        label, x, value = line
        if label:
            pdf.text(label_x, y, label)
        pdf.text(x, y, value)
        y += 5
    return bytes(pdf.output())

