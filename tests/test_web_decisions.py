"""/api/decisions, the /decisions timeline and references between meetings, over HTTP.

Fast tests use three made-up Environment Committee documents; the acceptance tests marked
slow use the real bundled index.
"""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from qa.web import create_app

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON = {"Accept": "application/json"}
JAN = "testshire-ec-2023-01-10"
MAR = "testshire-ec-2023-03-14"


@pytest.fixture(scope="module")
def client(timeline_searcher):
    return create_app(timeline_searcher).test_client()


def assert_error(r, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.data[:300])
    body = r.get_json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return body["error"]["message"]


def assert_no_inline_script(html: str) -> None:
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r'\bsrc="/static/', tag), tag
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        assert not re.search(r"\son[a-z]+\s*=", tag), tag


def test_api_lists_all_decisions_newest_first_without_a_topic(client, timeline_searcher):
    reply = client.get("/api/decisions").get_json()
    assert set(reply) == {"decisions", "total"}
    assert reply["total"] == len(reply["decisions"]) == len(timeline_searcher.store.decisions())
    dates = [d["date"] for d in reply["decisions"]]
    assert dates == sorted(dates, reverse=True)
    for d in reply["decisions"]:
        assert d["status"] in ("agreed", "proposed") and d["meeting"]["date"] == d["date"]
        assert client.get(d["citation"]["url"], headers=JSON).get_json()["text"] == d["text"]


def test_api_filters_and_sorts(client):
    get = lambda **qs: client.get("/api/decisions", query_string=qs).get_json()["decisions"]  # noqa: E731
    proposed = get(q="verges", status="proposed")
    assert proposed and all(d["status"] == "proposed" for d in proposed)
    assert all(d["status"] == "agreed" for d in get(q="verges", status="agreed"))
    actions = get(actions="1")
    assert actions and all(d["is_action"] for d in actions) and len(actions) < len(get())
    assert get(actions="true") == actions and get(actions="0") == get() == get(actions="")
    assert {d["meeting"]["kind"] for d in get(kind="agenda")} == {"agenda"}
    assert {d["date"] for d in get(date_from="2023-01-01", date_to="2023-01-31")} == {"2023-01-10"}
    by_date = get(q="tree planting", sort="date")
    assert [d["date"] for d in by_date] == sorted((d["date"] for d in by_date), reverse=True)
    assert len(get(q="tree planting", k="2")) == 2
    assert get(q="tree planting", body="Environment Committee") == get(q="tree planting")
    assert get(q="tree planting", body="Cabinet") == []


@pytest.mark.parametrize("query", [
    {"status": "maybe"}, {"status": "AGREED"}, {"actions": "yes"}, {"actions": "2"}, {"sort": "newest"},
    {"k": "0"}, {"k": "abc"}, {"k": "201"}, {"k": ""}, {"date_from": "2023-02-30"}, {"date_to": "14/03/2023"},
    {"date_from": "2023-03-01", "date_to": "2023-01-01"}, {"kind": "memo"}, {"q": "?!?"}, {"q": "a" * 2001},
    {"q": "levy\x00"}, {"topic": "verges"}, {"body": "x" * 201},
])
def test_bad_queries_get_400_in_the_error_shape(client, query):
    for url in ("/api/decisions", "/decisions"):
        assert_error(client.get(url, query_string=query, headers=JSON), 400)
    page = client.get("/decisions", query_string=query, headers=BROWSER)
    assert page.status_code == 400 and page.mimetype == "text/html"


def test_repeated_parameters_are_refused(client):
    assert "more than once" in assert_error(client.get("/api/decisions?status=agreed&status=proposed"), 400)


def test_timeline_page_newest_first_linked_to_citations_with_a_json_twin(client):
    r = client.get("/decisions", headers=BROWSER)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    twin = client.get("/decisions", headers=JSON).get_json()
    assert twin == client.get("/api/decisions?sort=date").get_json()
    positions = [html.index(f'href="{escape(d["citation"]["url"])}"') for d in twin["decisions"]]
    assert positions == sorted(positions), "the timeline lists decisions in the twin's order"
    dates = re.findall(r'<h2><time datetime="([\d-]+)"', html)
    assert dates == sorted(dates, reverse=True) and len(dates) >= 2
    proposed = sum(d["status"] == "proposed" for d in twin["decisions"])
    assert proposed and html.count('class="badge status status-proposed"') == proposed
    assert html.count("badge action-badge") == sum(d["is_action"] for d in twin["decisions"])
    assert "Action: Officers, by the March meeting" in html
    assert 'rel="alternate" type="application/json" href="/api/decisions?sort=date"' in html
    assert_no_inline_script(html)


def test_timeline_page_keeps_the_query_in_its_form(client):
    html = client.get("/decisions", query_string={"q": "verges", "status": "proposed", "actions": "1"},
                      headers=BROWSER).get_data(as_text=True)
    assert 'value="verges"' in html and '<option value="proposed" selected>' in html
    assert re.search(r'name="actions" type="checkbox" value="1" checked', html)
    assert "No decisions on this topic match." in html  # the proposals are not actions


def test_timeline_page_shows_document_text_as_text(client):
    html = client.get("/decisions", query_string={"q": "flood alleviation"}, headers=BROWSER).get_data(as_text=True)
    assert "&lt;b&gt;Riverside&lt;/b&gt;" in html and "&lt;script&gt;alert(" in html
    assert "<b>Riverside" not in html and '<script>alert("flood")' not in html
    assert_no_inline_script(html)
    assert client.get("/api/decisions?q=flood").get_json()["decisions"][0]["text"].count("<script>") == 1


def test_citation_page_links_a_resolved_reference_and_shows_an_unresolved_one_as_text(client):
    outline = client.get(f"/api/meetings/{MAR}").get_json()
    paras = [p for it in outline["items"] for p in it["paragraphs"]]
    resolved = next(p for p in paras if any(r["meeting_id"] == JAN for r in p["references"]))
    html = client.get(resolved["citation"]["url"], headers=BROWSER).get_data(as_text=True)
    assert re.search(rf'Refers to <a href="/meetings/{JAN}">[^<]*10 January 2023</a>', html)
    unresolved = next(p for p in paras if any(r["meeting_id"] is None for r in p["references"]))
    html = client.get(unresolved["citation"]["url"], headers=BROWSER).get_data(as_text=True)
    ref = next(r for r in unresolved["references"] if r["meeting_id"] is None)
    assert f'<span class="ref unresolved">Refers to {escape(ref["text"])} (a meeting not in the record)</span>' in html
    assert "/meetings/testshire-ec-2022-12-06" not in html


def test_meeting_page_lists_what_refers_to_it(client):
    outline = client.get(f"/api/meetings/{JAN}").get_json()
    citing = outline["referred_to_by"]
    assert {c["meeting"]["id"] for c in citing} == {MAR, f"{MAR}-agenda"}
    html = client.get(f"/meetings/{JAN}", headers=BROWSER).get_data(as_text=True)
    assert "Referred to by" in html
    for c in citing:
        assert f'<a href="{escape(c["citation"]["url"])}">{escape(c["citation"]["label"])}</a>' in html
    assert client.get(f"/meetings/{JAN}", headers=JSON).get_json() == outline
    later = client.get(f"/meetings/{MAR}", headers=BROWSER).get_data(as_text=True)
    assert "Referred to by" not in later and client.get(f"/api/meetings/{MAR}").get_json()["referred_to_by"] == []


def test_every_page_links_the_timeline(client):
    for url in ("/", "/meetings", f"/meetings/{JAN}"):
        assert 'href="/decisions"' in client.get(url, headers=BROWSER).get_data(as_text=True)


# --- acceptance on the real bundled index ------------------------------------------------

@pytest.fixture(scope="module")
def real(real_searcher, real_index):
    return create_app(real_searcher, index_dir=real_index).test_client()


def _minute_308_actions(store) -> list[str]:
    return [d["passage"]["citation"]["id"] for d in store.decisions(actions_only=True)
            if d["meeting"]["date"] == "2021-03-11" and d["passage"]["citation"]["item"] == "308"]


@pytest.mark.slow
def test_apprenticeships_lists_the_308_actions_first(real, real_searcher):
    actions = _minute_308_actions(real_searcher.store)
    assert len(actions) == 5
    reply = real.get("/api/decisions?q=apprenticeships").get_json()
    top = reply["decisions"][:5]
    assert [d["citation"]["id"] for d in top] == actions  # together, in the order of the minutes
    assert all(d["status"] == "agreed" and d["is_action"] for d in top)
    assert top[0]["owner"] == "Officers" and top[0]["meeting"]["kind"] == "minutes"
    assert "briefing pack" in top[0]["text"] and "apprenticeship champions" in top[-1]["text"]


@pytest.mark.slow
def test_status_agreed_drops_the_agenda_pack_recommendations(real):
    everything = real.get("/api/decisions?q=apprenticeships").get_json()["decisions"]
    assert any(d["status"] == "proposed" and d["meeting"]["kind"] == "agenda" for d in everything)
    for qs in ("q=apprenticeships&status=agreed", "status=agreed", "q=care+workers+recommendations&status=agreed"):
        agreed = real.get(f"/api/decisions?{qs}").get_json()["decisions"]
        assert agreed and all(d["status"] == "agreed" for d in agreed)
        for d in agreed:
            if d["meeting"]["kind"] == "agenda":
                assert not re.match(r"Recommendation \d+:", d["text"])
                assert not re.search(r"\brecommends that\b|\b(?:is|are) (?:now )?(?:asked|invited) to "
                                     r"(?:consider|approve|agree)\b", d["text"])


@pytest.mark.slow
def test_agenda_pack_recommendations_and_cabinet_report_are_proposed_in_the_index(real_searcher):
    agenda = real_searcher.store.decisions(kind="agenda")
    recs = [d for d in agenda if re.match(r"Recommendation \d+:", d["passage"]["text"])]
    assert len(recs) >= 10 and {d["passage"]["citation"]["item"] for d in recs} == {"6"}
    assert all(d["passage"]["decision"]["status"] == "proposed" for d in recs)
    endorses = [d for d in agenda if "(a) Notes and endorses" in d["passage"]["text"]]
    assert len(endorses) == 1 and endorses[0]["passage"]["citation"]["item"] == "5"
    assert endorses[0]["passage"]["decision"]["status"] == "proposed"


@pytest.mark.slow
def test_real_filters_sort_and_schema(real, real_searcher):
    import schemathesis

    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", real.application)
    for qs in ("q=apprenticeships", "actions=1&sort=date", "status=proposed&kind=agenda&k=3", "q=zebra+crossing"):
        schema["/api/decisions"]["GET"].validate_response(real.get(f"/api/decisions?{qs}"))
    actions = real.get("/api/decisions?actions=1").get_json()
    assert actions["total"] == len(real_searcher.store.decisions(actions_only=True))
    assert all(d["is_action"] for d in actions["decisions"])
    by_date = real.get("/api/decisions?q=apprenticeships&sort=date").get_json()["decisions"]
    assert [d["date"] for d in by_date] == sorted((d["date"] for d in by_date), reverse=True)
    assert by_date[0]["date"] == "2021-03-11" and by_date[-1]["meeting"]["kind"] == "agenda"
    assert real.get("/api/decisions?q=zebra+crossing").get_json() == {"decisions": [], "total": 0}


@pytest.mark.slow
def test_real_timeline_page_renders_the_308_actions(real):
    html = real.get("/decisions?q=apprenticeships", headers=BROWSER).get_data(as_text=True)
    assert "What was agreed about “apprenticeships”" in html
    assert html.count('href="/c/worcestershire-ccosp-2021-03-11/308/') == 5
    assert "Action: Officers" in html and "Apprenticeship Strategy" in html
    assert_no_inline_script(html)
