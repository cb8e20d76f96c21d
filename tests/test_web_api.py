"""The JSON API on the real bundled index: reply shapes, citations that resolve, every documented error."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import schemathesis
from schemathesis import GenerationMode, checks

from fuzz import fuzz_operations
from qa.web import create_app

pytestmark = pytest.mark.slow

CITATION_KEYS = {"id", "url", "label", "council", "body", "date", "kind", "item", "item_title",
                 "section", "paragraph", "heading", "speaker", "page", "source", "source_url"}
PASSAGE_KEYS = {"rank", "score", "weak", "text", "is_decision", "decision", "citation"}
QUESTION = "What was said about apprenticeships and the apprenticeship levy?"


@pytest.fixture(scope="module")
def schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


@pytest.fixture(scope="module")
def reply(client):
    r = client.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200, r.data
    return r.get_json()


def assert_error(r, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.data[:300])
    body = r.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}, body
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    assert "Traceback" not in message and "werkzeug" not in message.lower()
    return message


def test_ask_reply_has_the_documented_shape(reply, schema, client):
    assert set(reply) == {"question", "answer", "passages", "took_ms"}
    assert reply["question"] == QUESTION
    assert 1 <= len(reply["passages"]) <= 5
    assert [p["rank"] for p in reply["passages"]] == list(range(1, len(reply["passages"]) + 1))
    for p in reply["passages"]:
        assert set(p) == PASSAGE_KEYS
        assert set(p["citation"]) == CITATION_KEYS
        assert p["citation"]["url"] == "/c/" + p["citation"]["id"]
        assert p["text"].strip()
    scores = [p["score"] for p in reply["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert isinstance(reply["took_ms"], float)
    schema["/api/ask"]["POST"].validate_response(client.post("/api/ask", json={"question": QUESTION}))


def test_answer_sentences_are_verbatim_and_point_at_passages(reply):
    answer = reply["answer"]
    assert answer is not None, "a question the corpus plainly covers should get an answer"
    for s in answer["sentences"]:
        assert 1 <= s["passage"] <= len(reply["passages"])
        assert s["text"] in reply["passages"][s["passage"] - 1]["text"]
        assert f"[{s['passage']}]" in answer["text"]


def test_get_ask_matches_post_and_honours_k(client, reply):
    r = client.get("/api/ask", query_string={"q": QUESTION, "k": 3})
    assert r.status_code == 200
    got = r.get_json()
    assert len(got["passages"]) == 3
    assert [p["citation"]["id"] for p in got["passages"]] == [p["citation"]["id"] for p in reply["passages"][:3]]
    many = client.post("/api/ask", json={"question": QUESTION, "k": 12}).get_json()
    assert 5 < len(many["passages"]) <= 12


def test_citation_url_resolves_to_the_same_text_as_html_and_json(client, reply, schema):
    passage = reply["passages"][0]
    cid, url = passage["citation"]["id"], passage["citation"]["url"]
    api = client.get(f"/api/cite/{cid}")
    assert api.status_code == 200
    schema["/api/cite/{cid}"]["GET"].validate_response(api)
    body = api.get_json()
    assert set(body) == {"citation", "text", "context"}
    assert body["text"] == passage["text"] and body["citation"] == passage["citation"]
    assert set(body["context"]) == {"before", "after"}
    around = body["context"]["before"] + body["context"]["after"]
    assert all(p["citation"]["id"] != cid and p["citation"]["id"].split("/")[0] == cid.split("/")[0] for p in around)
    twin = client.get(url, headers={"Accept": "application/json"})
    assert twin.status_code == 200 and twin.get_json() == body
    page = client.get(url, headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert 'class="para' in html and " target" in html
    from markupsafe import escape
    assert str(escape(passage["text"])) in html


def test_filters_narrow_the_passages(client):
    meetings = client.get("/api/meetings").get_json()["meetings"]
    body = meetings[0]["body"]
    r = client.post("/api/ask", json={"question": "what was agreed", "k": 10, "filters": {"body": body}})
    assert r.status_code == 200
    assert r.get_json()["passages"] and all(p["citation"]["body"] == body for p in r.get_json()["passages"])
    dates = sorted(m["date"] for m in meetings if m["date"])
    lo = hi = dates[-1]
    r = client.post("/api/ask", json={"question": "what was reported", "filters": {"date_from": lo, "date_to": hi}})
    assert r.get_json()["passages"] and all(lo <= p["citation"]["date"] <= hi for p in r.get_json()["passages"])
    r = client.post("/api/ask", json={"question": "what was agreed", "k": 10, "filters": {"decisions_only": True}})
    assert r.get_json()["passages"] and all(p["is_decision"] for p in r.get_json()["passages"])
    r = client.get("/api/ask", query_string={"q": "what was agreed", "kind": "transcript"})
    assert r.get_json()["passages"] and all(p["citation"]["kind"] == "transcript" for p in r.get_json()["passages"])


def test_meetings_list_filters_and_outline(client, schema):
    r = client.get("/api/meetings")
    schema["/api/meetings"]["GET"].validate_response(r)
    meetings = r.get_json()["meetings"]
    assert len(meetings) >= 5
    first = meetings[0]
    same_body = client.get("/api/meetings", query_string={"body": first["body"]}).get_json()["meetings"]
    assert same_body and all(m["body"] == first["body"] for m in same_body)
    on_day = client.get("/api/meetings", query_string={"date_from": first["date"], "date_to": first["date"]})
    assert all(m["date"] == first["date"] for m in on_day.get_json()["meetings"])
    r = client.get(f"/api/meetings/{first['id']}")
    schema["/api/meetings/{mid}"]["GET"].validate_response(r)
    outline = r.get_json()
    assert outline["meeting"]["id"] == first["id"]
    paragraphs = [p for it in outline["items"] for p in it["paragraphs"]]
    assert paragraphs
    ids = [p["citation"]["id"] for p in paragraphs]
    assert len(set(ids)) == len(ids) and all(i.startswith(first["id"] + "/") for i in ids)
    for p in paragraphs[:: max(1, len(paragraphs) // 10)]:
        assert client.get(f"/api/cite/{p['citation']['id']}").get_json()["text"] == p["text"]


def test_healthz_reports_the_index(client, schema):
    r = client.get("/healthz")
    schema["/healthz"]["GET"].validate_response(r)
    body = r.get_json()
    assert body["status"] == "ok" and body["index_version"] and body["model"]
    assert body["stats"]


def test_openapi_describes_every_endpoint(client):
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {"/api/ask", "/api/cite/{cid}", "/api/meetings", "/api/meetings/{mid}", "/healthz"} <= set(doc["paths"])
    assert set(doc["paths"]["/api/ask"]) == {"get", "post"}


BAD_ASKS = [
    ("invalid json", {"data": "{not json", "content_type": "application/json"}),
    ("json list", {"json": ["question"]}),
    ("empty body", {"data": "", "content_type": "application/json"}),
    ("form body", {"data": "question=hi", "content_type": "application/x-www-form-urlencoded"}),
    ("missing question", {"json": {"k": 3}}),
    ("empty question", {"json": {"question": ""}}),
    ("whitespace question", {"json": {"question": "   \n\t "}}),
    ("question not a string", {"json": {"question": ["a"]}}),
    ("question too long", {"json": {"question": "a" * 2001}}),
    ("punctuation only", {"json": {"question": "?!?..."}}),
    ("control characters", {"json": {"question": "levy\x00\x07"}}),
    ("k zero", {"json": {"question": "levy", "k": 0}}),
    ("k negative", {"json": {"question": "levy", "k": -1}}),
    ("k huge", {"json": {"question": "levy", "k": 10**9}}),
    ("k string", {"json": {"question": "levy", "k": "5"}}),
    ("k float", {"json": {"question": "levy", "k": 2.5}}),
    ("k bool", {"json": {"question": "levy", "k": True}}),
    ("unknown field", {"json": {"question": "levy", "top_k": 3}}),
    ("filters not object", {"json": {"question": "levy", "filters": "body"}}),
    ("unknown filter", {"json": {"question": "levy", "filters": {"committee": "x"}}}),
    ("bad date", {"json": {"question": "levy", "filters": {"date_from": "2021-13-45"}}}),
    ("date wrong format", {"json": {"question": "levy", "filters": {"date_to": "11/03/2021"}}}),
    ("dates reversed", {"json": {"question": "levy", "filters": {"date_from": "2022-01-01", "date_to": "2021-01-01"}}}),
    ("bad kind", {"json": {"question": "levy", "filters": {"kind": "memo"}}}),
    ("decisions_only string", {"json": {"question": "levy", "filters": {"decisions_only": "yes"}}}),
    ("body not string", {"json": {"question": "levy", "filters": {"body": 5}}}),
]


@pytest.mark.parametrize("name,kwargs", BAD_ASKS, ids=[b[0] for b in BAD_ASKS])
def test_bad_ask_bodies_get_400(client, name, kwargs):
    assert_error(client.post("/api/ask", **kwargs), 400)


@pytest.mark.parametrize("query", [
    {}, {"q": ""}, {"q": "levy", "k": "abc"}, {"q": "levy", "k": "0"}, {"q": "levy", "k": "51"},
    {"q": "levy", "date_from": "2021-02-30"}, {"q": "levy", "decisions_only": "maybe"}, {"q": "levy", "x": "1"},
])
def test_bad_ask_queries_get_400(client, query):
    assert_error(client.get("/api/ask", query_string=query), 400)


def test_question_length_limit_is_inclusive(client):
    assert client.post("/api/ask", json={"question": "levy " + "a" * 1995}).status_code == 200


def test_unknown_citation_404_suggests_the_meeting_page(client):
    mid = client.get("/api/meetings").get_json()["meetings"][0]["id"]
    for url in (f"/api/cite/{mid}/no-such-item/p999", f"/c/{mid}/no-such-item/p999"):
        message = assert_error(client.get(url, headers={"Accept": "application/json"}), 404)
        assert f"/meetings/{mid}" in message
    message = assert_error(client.get("/api/cite/no-such-meeting/1/p1"), 404)
    assert "/meetings" in message


@pytest.mark.parametrize("url", [
    "/api/cite/../../etc/passwd", "/api/cite/%00", "/api/cite/" + "a/" * 400 + "p1", "/api/meetings/nope",
    "/meetings/nope", "/api/meetings/..%2F..%2Fetc", "/no/such/page",
])
def test_unknown_things_get_404(client, url):
    assert_error(client.get(url, headers={"Accept": "application/json"}), 404)


@pytest.mark.parametrize("method,url", [
    ("DELETE", "/api/ask"), ("PUT", "/api/ask"), ("POST", "/api/cite/x/1/p1"), ("POST", "/api/meetings"),
    ("POST", "/healthz"), ("PATCH", "/"),
])
def test_wrong_methods_get_405_with_allow(client, method, url):
    r = client.open(url, method=method, json={})
    assert_error(r, 405)
    assert "GET" in r.headers["Allow"]


def test_oversized_body_gets_413(client, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    big = json.dumps({"question": "levy", "pad": "x" * (limit + 10)})
    assert_error(client.post("/api/ask", data=big, content_type="application/json"), 413)


def test_security_headers_on_pages_and_api(client):
    for url in ("/", "/api/meetings", "/nope"):
        h = client.get(url).headers
        csp = h["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["Referrer-Policy"]


# Bounded fuzzing from the OpenAPI document: valid and invalid requests alike must get a
# documented status and a body that matches the schema; none may be a server error.
FUZZ_CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
               checks.response_schema_conformance, checks.negative_data_rejection]
FUZZ_EXAMPLES = 30


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_openapi_fuzz(schema, mode):
    ran, _cases = fuzz_operations(schema, mode, FUZZ_EXAMPLES, FUZZ_CHECKS)
    assert ran >= (6 if mode is GenerationMode.POSITIVE else 4)


class Failing:
    """A search layer that breaks on every question (a bug, a damaged file): the client must not see why."""

    manifest: dict = {}

    def ask(self, question, k=5, filters=None):
        raise RuntimeError("/srv/secret/index.faiss is corrupt")


def test_an_internal_failure_is_a_generic_json_500_without_details():
    client = create_app(Failing()).test_client()
    r = client.post("/api/ask", json={"question": "levy"})
    message = assert_error(r, 500)
    assert "secret" not in r.get_data(as_text=True) and "RuntimeError" not in message


def test_concurrent_questions_get_the_same_replies_as_one_at_a_time(app):
    # The server answers from several threads at once; no request may see another's working state.
    questions = ["how much did apprenticeships cost the council?", "what happened to weddings during lockdown?",
                 "capital receipts from property sales", "what was said about agency social workers?",
                 "when will the member portal go live?", "complaints completed within 65 days"]

    def ids(question):
        r = app.test_client().post("/api/ask", json={"question": question, "k": 5})
        assert r.status_code == 200
        return [p["citation"]["id"] for p in r.get_json()["passages"]]

    alone = {q: ids(q) for q in questions}
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(ids, questions * 6))
    assert together == [alone[q] for q in questions * 6]


def test_a_question_with_an_odd_letter_in_a_month_name_is_answered_not_failed(client):
    reply = client.post("/api/ask", json={"question": "How many potholes were repaired in Auguſt 2021?"})
    assert reply.status_code == 200 and "passages" in reply.get_json()
