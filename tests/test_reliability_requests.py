"""Hostile and malformed requests: each gets the documented 4xx JSON error, never a 500 or a trace.

Where the service contract is silent the choice is made here: a question of punctuation only
("?!...") is refused with 400 ("has no words in it") rather than answered with nothing, so a
client learns that it sent no question; a 100 kB question in a POST body is over the body limit
(413) before it is over the question limit (400 on GET). Headers too large for the server are
refused by waitress itself with 431 (text/plain: it answers before the app sees the request).
"""
from __future__ import annotations

import json
import platform
from importlib.metadata import version

import pytest

from live_server import raw_http, waitress_server

pytestmark = pytest.mark.slow

J = "application/json"
LEAKS = ("traceback", "werkzeug", "flask", "waitress", "sqlite", "faiss", "numpy", "python",
         *(version(pkg) for pkg in ("flask", "werkzeug", "waitress")), platform.python_version(), 'file "')


def ask(body, content_type=J, **kw):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return ("POST", "/api/ask", {"data": data, "content_type": content_type, **kw})


def get(url, **kw):
    return ("GET", url, {"headers": {"Accept": J}, **kw})


Q = {"question": "what was agreed about the apprenticeship levy?"}
BAD = [
    # the body
    ("empty body", ask(b""), 400),
    ("empty body, no content type", ("POST", "/api/ask", {"data": b""}), 400),
    ("wrong content type", ask(Q, content_type="text/plain"), 400),
    ("form-encoded body", ask("question=levy", content_type="application/x-www-form-urlencoded"), 400),
    ("multipart body", ask(b"--x\r\n\r\nlevy\r\n--x--", content_type="multipart/form-data; boundary=x"), 400),
    ("invalid JSON", ask("{question: levy"), 400),
    ("truncated JSON", ask('{"question": "levy"'), 400),
    ("JSON list", ask(["question", "levy"]), 400),
    ("JSON string", ask('"levy"'), 400),
    ("JSON null", ask("null"), 400),
    ("invalid UTF-8 body", ask(b'{"question": "lev\xff\xfe"}'), 400),
    ("UTF-16 body", ask('{"question": "levy"}'.encode("utf-16")), 400),
    ("JSON nested 30,000 deep", ask("[" * 30000 + "]" * 30000), 400),
    ("question nested 20,000 deep", ask('{"question": ' + "[" * 20000 + "]" * 20000 + "}"), 400),
    ("lone surrogate in question", ask('{"question": "levy \\ud800"}'), 400),
    ("lone surrogate in a key", ask('{"\\udfff": 1, "question": "levy"}'), 400),
    ("integer of 5,000 digits", ask('{"question": "levy", "k": ' + "9" * 5000 + "}"), 400),
    ("unknown top-level field", ask({**Q, "top_k": 3}), 400),
    ("body over the limit", ask({"question": "levy", "pad": "x" * 70_000}), 413),
    # the question
    ("question missing", ask({"k": 3}), 400),
    ("question null", ask({"question": None}), 400),
    ("question a number", ask({"question": 42}), 400),
    ("question a list", ask({"question": ["levy"]}), 400),
    ("question empty", ask({"question": ""}), 400),
    ("question whitespace", ask({"question": " \t\n\u3000 "}), 400),
    ("question 2,001 characters", ask({"question": "levy " + "a" * 1996}), 400),
    ("question 100 kB (POST: body limit)", ask({"question": "levy " * 20_000}), 413),
    ("question 100 kB (GET)", get("/api/ask", query_string={"q": "levy " * 20_000}), 400),
    ("question with NUL and BEL", ask({"question": "levy\x00\x07"}), 400),
    ("question with escape sequence", ask({"question": "\x1b[2Jlevy"}), 400),
    ("question only punctuation", ask({"question": "?!?... --- ;;"}), 400),
    ("GET question with %00", get("/api/ask?q=levy%00"), 400),
    ("GET question missing", get("/api/ask"), 400),
    ("GET question given twice", get("/api/ask?q=levy&q=budget"), 400),
    # k
    ("k = 0", ask({**Q, "k": 0}), 400),
    ("k = -1", ask({**Q, "k": -1}), 400),
    ("k = 10^9", ask({**Q, "k": 10**9}), 400),
    ('k = "5"', ask({**Q, "k": "5"}), 400),
    ("k = 2.5", ask({**Q, "k": 2.5}), 400),
    ("k = true", ask({**Q, "k": True}), 400),
    ("k = 1e400 (infinity)", ask('{"question": "levy", "k": 1e400}'), 400),
    ("k = NaN", ask('{"question": "levy", "k": NaN}'), 400),
    ("GET k = -1", get("/api/ask?q=levy&k=-1"), 400),
    ("GET k = 10^9", get("/api/ask?q=levy&k=1000000000"), 400),
    ("GET k = abc", get("/api/ask?q=levy&k=abc"), 400),
    # filters
    ("filters a list", ask({**Q, "filters": ["body"]}), 400),
    ("unknown filter key", ask({**Q, "filters": {"committee": "Cabinet"}}), 400),
    ("date 2021-13-45", ask({**Q, "filters": {"date_from": "2021-13-45"}}), 400),
    ("date 2021-02-30", ask({**Q, "filters": {"date_to": "2021-02-30"}}), 400),
    ("date 11/03/2021", ask({**Q, "filters": {"date_to": "11/03/2021"}}), 400),
    ("date a number", ask({**Q, "filters": {"date_from": 20210311}}), 400),
    ("dates reversed", ask({**Q, "filters": {"date_from": "2022-01-01", "date_to": "2021-01-01"}}), 400),
    ("kind unknown", ask({**Q, "filters": {"kind": "memo"}}), 400),
    ("decisions_only a string", ask({**Q, "filters": {"decisions_only": "yes"}}), 400),
    ("body filter 10 kB", ask({**Q, "filters": {"body": "C" * 10_000}}), 400),
    ("GET unknown parameter", get("/api/ask?q=levy&committee=x"), 400),
    ("GET date 2021-13-45", get("/api/ask?q=levy&date_from=2021-13-45"), 400),
    ("meetings: date 2021-13-45", get("/api/meetings?date_to=2021-13-45"), 400),
    ("meetings: unknown parameter", get("/api/meetings?sort=date"), 400),
    # ids
    ("unknown citation id", get("/api/cite/no-such-meeting/1/p1"), 404),
    ("citation id with ../", get("/api/cite/../../etc/passwd"), 404),
    ("citation id with encoded ../", get("/api/cite/..%2F..%2Fetc%2Fpasswd"), 404),
    ("citation id %00", get("/api/cite/%00"), 404),
    ("citation id with %00 inside", get("/api/cite/worcestershire%00/1/p1"), 404),
    ("citation id invalid UTF-8", get("/api/cite/%ff%fe"), 404),
    ("citation id 20,000 characters", get("/api/cite/" + "a" * 20_000), 404),
    ("citation id of 2,000 segments", get("/api/cite/" + "a/" * 2000 + "p1"), 404),
    ("citation permalink with ../", get("/c/../../etc/passwd"), 404),
    ("meeting id with ../", get("/api/meetings/..%2F..%2Fetc"), 404),
    ("meeting id 20,000 characters", get("/meetings/" + "m" * 20_000), 404),
    ("unknown endpoint", get("/api/admin"), 404),
    # methods
    ("DELETE /api/ask", ("DELETE", "/api/ask", {}), 405),
    ("PUT /api/ask", ("PUT", "/api/ask", {"json": Q}), 405),
    ("PATCH /api/meetings", ("PATCH", "/api/meetings", {}), 405),
    ("POST /api/cite/<id>", ("POST", "/api/cite/x/1/p1", {"json": {}}), 405),
    ("POST /healthz", ("POST", "/healthz", {}), 405),
    ("TRACE /api/ask", ("TRACE", "/api/ask", {}), 405),
]


def assert_documented_error(status: int, content_type: str, body: bytes, expected: int) -> None:
    assert status == expected, (status, body[:300])
    assert content_type.split(";")[0] == J, content_type
    reply = json.loads(body)
    assert set(reply) == {"error"} and set(reply["error"]) == {"status", "message"}, reply
    assert reply["error"]["status"] == expected and reply["error"]["message"].strip()
    text = body.decode("utf-8").lower()
    assert not any(leak.lower() in text for leak in LEAKS), text[:300]


def test_the_table_is_at_least_thirty_requests():
    assert len(BAD) >= 30 and len({name for name, _r, _s in BAD}) == len(BAD)


@pytest.mark.parametrize("name,request_,expected", BAD, ids=[b[0] for b in BAD])
def test_hostile_request_gets_the_documented_error(client, name, request_, expected, caplog):
    method, url, kwargs = request_
    r = client.open(url, method=method, **kwargs)
    assert_documented_error(r.status_code, r.content_type, r.data, expected)
    assert not [rec for rec in caplog.records if rec.levelname == "ERROR"], "no request may reach the 500 handler"


def test_a_good_question_still_answers_after_the_hostile_ones(client):
    r = client.post("/api/ask", json=Q)
    assert r.status_code == 200 and r.get_json()["passages"]


# Over the real server: what waitress itself refuses before the app sees it.
@pytest.fixture(scope="module")
def live(app):
    with waitress_server(app) as base:
        yield base


def request_bytes(path: str = "/api/ask?q=levy", headers: dict | None = None, body: bytes = b"",
                  method: str = "GET") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", "Accept: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def assert_plain_refusal(status: int, headers: dict, body: bytes, allowed: set[int]) -> None:
    assert status in allowed, (status, body[:200])
    text = body.decode("utf-8", "replace").lower()
    assert "traceback" not in text and "waitress" not in text and "python" not in text
    assert headers.get("server", "minutebook") == "minutebook"


@pytest.mark.parametrize("headers", [
    {"X-Huge": "a" * 200_000},
    {f"X-Many-{i}": "b" * 100 for i in range(2000)},
    {"Cookie": "c=" + "d" * 100_000},
], ids=["one 200 kB header", "2,000 headers", "100 kB cookie"])
def test_huge_headers_get_431_not_500(live, headers):
    status, h, body = raw_http(live, request_bytes(headers=headers))
    assert_plain_refusal(status, h, body, {431, 400})


def test_a_huge_url_gets_431_not_500(live):
    status, h, body = raw_http(live, request_bytes("/api/ask?q=" + "levy+" * 30_000))
    assert_plain_refusal(status, h, body, {431, 414, 400})


@pytest.mark.parametrize("raw", [
    b"GARBAGE\r\n\r\n",
    b"GET /api/ask?q=levy HTTP/1.1\r\nHost: x\r\nBad Header Name: y\r\n\r\n",
    b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"POST /api/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
], ids=["no request line", "space in a header name", "bad content length", "length and chunked", "bad chunk"])
def test_malformed_http_is_refused_without_a_trace(live, raw):
    status, h, body = raw_http(live, raw)
    assert 400 <= status < 500 or status == 505, (status, body[:200])
    assert_plain_refusal(status, h, body, {status})


def test_body_over_the_server_limit_is_refused_before_it_is_read(live):
    big = b'{"question": "' + b"x" * 1_000_000 + b'"}'
    status, h, body = raw_http(live, request_bytes(method="POST", headers={
        "Content-Type": J, "Content-Length": str(len(big))}, body=big))
    assert status == 413


def test_json_errors_come_through_the_real_server_too(live):
    status, h, body = raw_http(live, request_bytes("/api/cite/..%2F..%2Fetc%2Fpasswd"))
    assert_documented_error(status, h["content-type"], body, 404)
    status, h, body = raw_http(live, request_bytes(headers={"X-Big": "z" * 40_000}))
    assert status == 200 and json.loads(body)["passages"], "headers under the limit are served"
