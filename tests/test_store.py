import sqlite3
import threading

import pytest

from qa.store import Store


@pytest.fixture
def store(tiny_index):
    return Store(tiny_index[0])


def test_passage_has_the_citation_shape(store):
    hit = [p for p in store.meeting("unknown-hc-2024-03-05")["items"][1]["paragraphs"] if "4,200" in p["text"]][0]
    p = store.passage(hit["citation"]["id"])
    c = p["citation"]
    assert set(c) == {"id", "url", "label", "council", "body", "date", "kind", "item", "item_title", "section",
                      "paragraph", "heading", "speaker", "source", "source_url", "page"}
    assert (c["body"], c["date"], c["item"], c["item_title"], c["paragraph"]) == \
        ("Highways Committee", "2024-03-05", "12", "Street Lighting", "2")
    assert c["url"] == "/c/" + c["id"] and p["kind"] == "bullet" and p["is_decision"] is False
    assert c["page"] is None  # a text source has no pages
    assert store.passage("no/such/id") is None


def test_decisions_carry_their_status(store):
    paras = store.item("unknown-hc-2024-03-05", "12")["paragraphs"]
    dec = [p for p in paras if "LED programme would continue" in p["text"]][0]
    assert dec["is_decision"] and dec["decision"]["status"] == "agreed"


def test_context_stays_within_the_item(store):
    paras = store.item("unknown-hc-2024-03-05", "12")["paragraphs"]
    ctx = store.context(paras[0]["citation"]["id"], n=2)
    assert ctx["before"] == [] and [p["text"] for p in ctx["after"]] == [p["text"] for p in paras[1:3]]
    last = store.context(paras[-1]["citation"]["id"], n=1)
    assert last["after"] == [] and last["before"][0]["text"] == paras[-2]["text"]


def test_item_and_meeting(store):
    it = store.item("unknown-hc-2024-03-05", "13")
    assert it["item"]["title"] == "Potholes" and it["meeting"]["url"] == "/meetings/unknown-hc-2024-03-05"
    assert "1,850 potholes" in it["paragraphs"][0]["text"]
    assert store.item("unknown-hc-2024-03-05", "99") is None and store.meeting("nope") is None
    m = store.meeting("unknown-hc-2024-03-05")
    assert [i["number"] for i in m["items"]] == [None, "12", "13"]
    assert m["meeting"]["attendees"][0].startswith("Mr A Smith")


def test_meetings_sorted_newest_first_and_filtered(store):
    ms = store.meetings()
    assert [m["date"] for m in ms] == ["2024-03-05", "2023-05-09"]
    assert ms[0]["items"] == 3 and ms[0]["paragraphs"] > 5
    assert [m["body"] for m in store.meetings(body="libraries panel")] == ["Libraries Panel"]
    assert [m["date"] for m in store.meetings(date_from="2024-01-01")] == ["2024-03-05"]
    assert [m["date"] for m in store.meetings(date_to="2023-12-31")] == ["2023-05-09"]


def test_stats_counts(store):
    s = store.stats()
    assert s["meetings"] == 2 and s["items"] == 6 and s["paragraphs"] == len(store.filter_columns())


def test_store_is_read_only(store):
    with pytest.raises(sqlite3.OperationalError):
        store._db().execute("DELETE FROM paragraphs")


def test_one_connection_per_thread(store):
    seen = []
    t = threading.Thread(target=lambda: seen.append((store._db(), store.stats())))
    t.start()
    t.join()
    assert seen[0][0] is not store._db() and seen[0][1] == store.stats()


def test_page_url_opens_the_source_at_the_page():
    from qa.store import page_url

    url = "https://example.gov.uk/minutes.pdf"
    assert page_url(url, 3) == url + "#page=3"
    assert page_url(url + "#view=FitH", 12) == url + "#page=12"
    assert page_url(url, None) == url and page_url(None, 3) is None
