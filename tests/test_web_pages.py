"""The HTML pages on the real index: chat page, meeting pages, citation permalinks, escaping, JSON twins."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from qa.web import create_app

pytestmark = pytest.mark.slow
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def client(real_searcher, real_index):
    return create_app(real_searcher, index_dir=real_index).test_client()


@pytest.fixture(scope="module")
def meetings(client):
    return client.get("/api/meetings").get_json()["meetings"]


def anchors(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def assert_no_inline_script_or_remote(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r'\bsrc="/static/', tag), tag
    assert not re.search(r"<script\b[^>]*>\s*(?!</script>)\S", html), "inline script"
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        assert not re.search(r"\son[a-z]+\s*=", tag), f"inline event handler in {tag}"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html.replace('rel="noopener noreferrer"', "")), "remote asset"


def test_chat_page_has_question_box_filters_and_only_local_assets(client, meetings):
    r = client.get("/", headers=BROWSER)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert 'id="q"' in html and 'id="ask-button"' in html and 'type="checkbox"' in html
    for m in meetings:
        assert f'<option value="{escape(m["body"])}">' in html
    assert 'type="date"' in html and 'name="viewport"' in html
    assert_no_inline_script_or_remote(html)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(asset).status_code == 200


def test_meeting_page_anchors_every_paragraph_and_marks_decisions(client, meetings):
    for m in meetings:
        outline = client.get(f"/api/meetings/{m['id']}").get_json()
        page = client.get(f"/meetings/{m['id']}", headers=BROWSER)
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        ids = anchors(html)
        paragraphs = [p for it in outline["items"] for p in it["paragraphs"]]
        for p in paragraphs:
            assert p["citation"]["id"].split("/", 1)[1] in ids
            assert f'href="{escape(p["citation"]["url"])}"' in html
        assert html.count('class="badge"') == sum(p["is_decision"] for p in paragraphs)
        assert_no_inline_script_or_remote(html)
        twin = client.get(f"/meetings/{m['id']}", headers={"Accept": "application/json"})
        assert twin.get_json() == outline


def test_some_meeting_records_decisions(client, meetings):
    paragraphs = [p for m in meetings for it in client.get(f"/api/meetings/{m['id']}").get_json()["items"]
                  for p in it["paragraphs"]]
    assert any(p["is_decision"] for p in paragraphs)


def test_citation_page_highlights_the_paragraph_in_its_item(client):
    reply = client.get("/api/ask", query_string={"q": "apprenticeship levy underspend"}).get_json()
    for passage in reply["passages"][:3]:
        cid = passage["citation"]["id"]
        html = client.get(passage["citation"]["url"], headers=BROWSER).get_data(as_text=True)
        targets = re.findall(r'<div id="([^"]+)" class="para[^"]* target"', html)
        assert targets == [cid.split("/", 1)[1]]
        mid = cid.split("/", 1)[0]
        assert f'href="/meetings/{mid}"' in html
        assert f'href="/meetings/{mid}#{escape(cid.split("/", 1)[1])}"' in html
        if passage["citation"]["item"]:
            assert 'class="item-link"' in html
        assert str(escape(passage["text"])) in html
        assert '<script src="/static/cite.js" defer></script>' in html


def test_meetings_page_lists_every_meeting_and_has_a_json_twin(client, meetings):
    html = client.get("/meetings", headers=BROWSER).get_data(as_text=True)
    for m in meetings:
        assert f'href="/meetings/{m["id"]}"' in html
    assert client.get("/meetings", headers={"Accept": "application/json"}).get_json() == {"meetings": meetings}
    assert 'rel="alternate" type="application/json"' in html
    body = meetings[-1]["body"]
    html = client.get("/meetings", query_string={"body": body, "date_from": "", "date_to": ""},
                      headers=BROWSER).get_data(as_text=True)
    for m in meetings:
        assert (f'href="/meetings/{m["id"]}"' in html) == (m["body"] == body)
    assert f'<option value="{escape(body)}" selected>' in html


def test_browser_gets_an_html_error_page_and_api_clients_json(client):
    page = client.get("/meetings/no-such-meeting", headers=BROWSER)
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert "no meeting has the id" in page.get_data(as_text=True)
    api = client.get("/meetings/no-such-meeting")
    assert api.status_code == 404 and api.get_json()["error"]["status"] == 404


def test_document_markup_is_shown_as_text(hostile_searcher):
    client = create_app(hostile_searcher).test_client()
    meetings = client.get("/api/meetings").get_json()["meetings"]
    paragraphs = [p for m in meetings for it in client.get(f"/api/meetings/{m['id']}").get_json()["items"]
                  for p in it["paragraphs"]]
    hostile = [p for p in paragraphs if "<script>alert(1)</script>" in p["text"]]
    assert hostile, "the hostile paragraph should be in the index verbatim"
    mid = hostile[0]["citation"]["id"].split("/", 1)[0]
    for url in (f"/meetings/{mid}", hostile[0]["citation"]["url"]):
        html = client.get(url, headers=BROWSER).get_data(as_text=True)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert" not in html and "<img src=x" not in html
        assert_no_inline_script_or_remote(html)
