"""eval-structure: body, date and kind per document, item recall and precision against gold outlines."""
import json

from qa.models import Item, Meeting
from qa.parse.document import parse_file
from qa.structure_eval import body_right, match_items, run_eval_structure, score_outlines
from tests.parse_helpers import DATA


def test_body_matching_is_by_words_not_by_spelling():
    assert body_right("Transport & Connectivity Policy Committee", "Transport and Connectivity Policy Committee")
    assert body_right("City Council", "City Council (with the Improvement Authority)")
    assert not body_right("Unknown body", "City Council")
    assert not body_right("Committee Report KEY DECISION OR FOR INFORMATION COMMITTEE Transport DATE", "Cabinet")


def test_items_match_by_number_or_by_title_once_each():
    gold = [{"number": "E.-2.", "title": "x"}, {"number": None, "title": "CALL TO ORDER"},
            {"number": None, "title": "ROLL CALL"}]
    assert match_items([("1", "Welcome")], [{"number": "Item 1", "title": "Welcome"}]) == (1, 1)
    found = [("E-2", "anything"), (None, "Call to Order"), (None, "Call to order"), ("9", "Other")]
    assert match_items(found, gold) == (2, 2)
    # an item number written whole ("168.0", "167.0.") is the item the parser numbers 168
    assert match_items([("168", "Declarations"), ("167", "Present")],
                       [{"number": "167.0.", "title": "x"}, {"number": "168.0", "title": "y"}]) == (2, 2)


def _meeting(body, date, kind, items):
    return Meeting(id="m", council="c", body=body, date=date, kind=kind, title="t", source="s",
                   items=tuple(Item(key=n or t, number=n, title=t) for n, t in items))


def test_scores_per_document_and_overall(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    outlines = [{"file": "a.pdf", "council": "Anytown Borough Council", "body": "Planning Committee",
                 "meeting_date": "2024-01-02", "kind": "agenda-pack",
                 "items": [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Minutes"}]},
                {"file": "missing.pdf", "body": "X", "meeting_date": None, "kind": "minutes", "items": []}]
    res = score_outlines(outlines, tmp_path, lambda p: _meeting("Planning Committee", "2024-01-02", "agenda",
                                                                 [("1", "Apologies"), ("7", "Stray")]))
    assert res["documents"] == 1 and res["missing"] == ["missing.pdf"]
    assert (res["body"], res["date"], res["kind"]) == (1, 1, 1)
    assert (res["council"], res["council_outlined"]) == (0, 1)  # "c" is not the Anytown Borough Council
    assert res["item_recall"] == 0.5 and res["item_precision"] == 0.5


def test_real_documents_from_their_originals(capsys):
    code = run_eval_structure(DATA / "outlines.jsonl", DATA, as_json=True)
    res = json.loads(capsys.readouterr().out)
    assert code == 0 and res["documents"] == 2
    assert res["body"] == 2 and res["date"] == 2 and res["kind"] == 2 and res["council"] == 2
    assert res["item_recall"] >= 0.8 and res["item_precision"] >= 0.9


def test_a_docx_parses_into_its_numbered_minute_items():
    m = parse_file(DATA / "newbiggin-parish-council-minutes-2019-09-03.docx")
    numbered = [i.number for i in m.items if i.number]
    assert numbered[:3] == ["19.09.01", "19.09.02", "19.09.03"] and len(numbered) == 12
    assert m.body == "Newbiggin Parish Council" and m.date == "2019-09-03" and m.kind == "minutes"
