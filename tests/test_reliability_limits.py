"""Limits and headers: configurable body and question limits, security headers on every HTML page, no debug
mode, no versions in error bodies or the Server header, and no write endpoint at all."""
from __future__ import annotations

import json
import platform
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from live_server import http, waitress_server
from qa.web import create_app

BROWSER = {"Accept": "text/html"}
VERSIONS = [version(p) for p in ("flask", "werkzeug", "waitress", "jinja2")] + [platform.python_version()]


@pytest.fixture
def make(hostile_searcher):
    return lambda **settings: create_app(hostile_searcher, settings=settings or None)


def html_pages(client) -> list[str]:
    mid = client.get("/api/meetings").get_json()["meetings"][0]["id"]
    outline = client.get(f"/api/meetings/{mid}").get_json()
    cid = outline["items"][-1]["paragraphs"][0]["citation"]["id"]
    return ["/", "/meetings", f"/meetings/{mid}", f"/c/{cid}", "/meetings/no-such-meeting", "/no/such/page"]


def test_every_html_page_carries_a_strict_csp_and_the_other_headers(make):
    client = make().test_client()
    for url in html_pages(client):
        r = client.get(url, headers=BROWSER)
        assert r.mimetype == "text/html", url
        csp = dict(d.strip().split(" ", 1) for d in r.headers["Content-Security-Policy"].split(";") if d.strip())
        assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'" and csp["object-src"] == "'none'"
        for directive, sources in csp.items():
            for source in sources.split():
                assert source in ("'self'", "'none'", "data:"), f"{directive} allows {source} on {url}"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin-when-cross-origin")
        assert r.headers["X-Frame-Options"] == "DENY"


def test_body_limit_is_configurable_and_answered_with_413(make):
    client = make(max_body_bytes=2000).test_client()
    fits = json.dumps({"question": "zebra crossing " + "x" * 1900})
    assert len(fits) <= 2000 and client.post("/api/ask", data=fits, content_type="application/json").status_code == 200
    r = client.post("/api/ask", data=json.dumps({"question": "zebra", "pad": "x" * 2000}),
                    content_type="application/json")
    assert r.status_code == 413 and "2000 bytes" in r.get_json()["error"]["message"]


def test_question_limit_is_configurable(make):
    client = make(max_question_chars=40).test_client()
    assert client.post("/api/ask", json={"question": "zebra crossing " + "a" * 25}).status_code == 200
    r = client.post("/api/ask", json={"question": "zebra crossing " + "a" * 26})
    assert r.status_code == 400 and "limit is 40" in r.get_json()["error"]["message"]
    assert client.get("/api/openapi.json").get_json()["components"]["schemas"]["AskRequest"][
        "properties"]["question"]["maxLength"] == 40


def test_rate_limit_is_off_unless_configured(make):
    client = make().test_client()
    assert all(client.get("/api/ask?q=zebra").status_code == 200 for _ in range(150))


def test_no_debug_mode_even_when_the_environment_asks_for_it(make, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = make()
    assert app.debug is False and app.config["DEBUG"] is False and not app.testing
    source = "\n".join(p.read_text() for p in Path(__file__).resolve().parents[1].joinpath("qa").rglob("*.py"))
    # Flask's development server is app.run(...); ONNX Runtime's run() is not a server.
    assert not re.search(r"app(\(\))?\.run\(|debug\s*=\s*True|use_debugger|werkzeug\.serving", source)
    assert re.search(r"app(\(\))?\.run\(", "create_app().run(port=5000)\napp.run()")


class Failing:
    manifest: dict = {}

    def ask(self, question, k=5, filters=None):
        raise RuntimeError("boom")


def test_no_version_in_any_error_body(make):
    client = make(max_body_bytes=500).test_client()
    replies = [client.get("/api/ask"), client.get("/api/cite/nope"), client.delete("/api/ask"),
               client.post("/api/ask", data="x" * 600, content_type="application/json"),
               client.get("/meetings/nope", headers=BROWSER)]
    limited = make(rate_limit_per_minute=1).test_client()
    replies += [limited.get("/api/ask?q=zebra") for _ in range(2)]
    replies.append(create_app(Failing()).test_client().post("/api/ask", json={"question": "zebra"}))
    assert {r.status_code for r in replies} >= {400, 404, 405, 413, 429, 500}
    for r in replies:
        if r.status_code >= 400:
            body = r.get_data(as_text=True)
            assert not [v for v in VERSIONS if v in body], (r.status_code, body[:300])
            assert "Traceback" not in body and "Werkzeug" not in body


def test_the_real_server_names_no_library_or_version(hostile_searcher):
    with waitress_server(create_app(hostile_searcher)) as base:
        for url in ("/", "/api/ask?q=zebra", "/api/nope"):
            _status, headers, body = http(base + url)
            assert headers["Server"] == "minutebook", headers["Server"]
            assert not [v for v in VERSIONS if v in body.decode()]


def test_there_is_no_write_endpoint(make):
    # Nothing in the service changes the record over HTTP (rebuilds are `python -m qa build` on the host),
    # so there is no token to check. A route taking another method must come with a bearer token.
    app = make()
    writes = {(rule.rule, m) for rule in app.url_map.iter_rules()
              for m in (rule.methods or set()) - {"GET", "HEAD", "OPTIONS"}}
    assert writes == {("/api/ask", "POST")}, "POST /api/ask only reads; any new write route needs a token"
