"""Hostile documents in a corpus: each is skipped or indexed with one clear line, every other document is
indexed, and nothing a document contains is ever run or rendered as markup.

The build here uses the deterministic test encoder: the 5 MB single-line file becomes ~8,000 paragraphs
and ~20,000 vectors, minutes of work for the real model but seconds for hashed words. What is under test
is the reading, skipping and escaping, which do not depend on the model.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from markupsafe import escape

from qa.build import run_build
from qa.embed import HashEncoder
from qa.search import Searcher
from qa.web import create_app

pytestmark = pytest.mark.slow
BROWSER = {"Accept": "text/html"}
CORPUS = Path(__file__).resolve().parents[1] / "corpus"

MARKUP = """<html><head><title>Parks Committee</title><script>alert(1)</script>
<style>body { display: none }</style><meta http-equiv="refresh" content="0;url=http://evil.example/"></head>
<body><h1>Parks Committee</h1>
<p onclick="alert(2)">The bandstand in Victoria Park <b>was repainted</b> <img src=x onerror=alert(3)> in July.</p>
<iframe src="//evil.example/frame"></iframe><a href="javascript:alert(4)">minutes</a>
<p>{{ 7*7 }} {% raw %}${7*7}{% endraw %} <svg onload=alert(5)></svg> &lt;already escaped&gt;</p>
</body></html>
"""
HOSTILE_NAME = '"><img src=x onerror=alert(6)>.txt'
LATIN1 = ("Allotments Panel\n\nMinutes\n\n1 Allotment Rents\n\nThe Panel agreed that the caf\xe9 at Riverside "
          "allotments would open on Sundays.\n").encode("latin-1") + b"\xff\xfe\x80 stray bytes\n"


def write_hostile_files(d) -> dict[str, str]:
    """The hostile files written into d: name -> what the build must do with it (skip | index)."""
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n" * 100)
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "invalid-utf8.txt").write_bytes(LATIN1)
    with open(d / "huge-50mb.txt", "w") as f:
        chunk = ("The Committee noted the report. " * 32 + "\n") * 1024
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    prose = " ".join((CORPUS / "worcestershire-ccosp-2021-03-11-minutes.txt").read_text().split())
    (d / "one-line-5mb.txt").write_text(((prose + " ") * (5_000_000 // len(prose) + 1))[:5_000_000])
    (d / "markup.txt").write_text(MARKUP)  # markup as the words of a text document: kept verbatim, shown escaped
    (d / "markup.html").write_text(MARKUP)  # the same as a web page: read as HTML, its scripts dropped
    (d / HOSTILE_NAME).write_text("Parks Committee\n\nMinutes\n\n1 Benches\n\nNew benches <b>were</b> fitted.\n")
    return {"empty.txt": "skip", "blank.txt": "skip", "binary.txt": "skip", "huge-50mb.txt": "skip",
            "invalid-utf8.txt": "index", "one-line-5mb.txt": "index", "markup.txt": "index",
            "markup.html": "index", HOSTILE_NAME: "index"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The bundled corpus plus the hostile files, built: (index, encoder, manifest, stderr lines, hostile)."""
    root = tmp_path_factory.mktemp("hostile-docs")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    hostile = write_hostile_files(corpus)
    capture = pytest.MonkeyPatch()
    err = io.StringIO()
    capture.setattr(sys, "stderr", err)
    capture.setenv("MINUTEBOOK_MAX_FILE_MB", "40")  # below huge-50mb.txt, which must then be skipped as too large
    try:
        enc = HashEncoder()
        rc = run_build(corpus, root / "index", encoder=enc)
    finally:
        capture.undo()
    assert rc == 0, err.getvalue()[-2000:]
    manifest = json.loads((root / "index" / "manifest.json").read_text())
    lines = [ln.strip() for ln in re.split(r"[\r\n]", err.getvalue()) if ln.strip().startswith(("skipped", "indexed"))]
    return root / "index", enc, manifest, lines, hostile


def test_each_hostile_file_gets_exactly_one_clear_line(built):
    _index, _enc, manifest, lines, hostile = built
    assert len(hostile) >= 6
    for name, fate in hostile.items():
        mine = [ln for ln in lines if ln.startswith((f"skipped {name}:", f"indexed {name} with warnings:"))]
        assert len(mine) == 1, (name, lines)
        assert mine[0].startswith("skipped" if fate == "skip" else "indexed"), mine
    reasons = {s["source"]: s["reason"] for s in manifest["corpus"]["skipped"]}
    assert reasons == {n: reasons.get(n) for n, fate in hostile.items() if fate == "skip"}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"] and "too large" in reasons["huge-50mb.txt"]
    assert any("invalid UTF-8" in ln for ln in lines if ln.startswith("indexed invalid-utf8.txt"))


def test_every_other_document_is_indexed(built):
    index, enc, manifest, lines, hostile = built
    sources = {d["source"] for d in manifest["corpus"]["documents"]}
    bundled = {p.name for p in CORPUS.iterdir() if p.name != "manifest.json"}
    assert bundled <= sources, bundled - sources
    assert {n for n, fate in hostile.items() if fate == "index"} <= sources
    assert not [ln for ln in lines if any(ln.startswith(f"skipped {b}") for b in bundled)]
    searcher = Searcher(index, encoder=enc)
    assert searcher.store.stats()["meetings"] == len(sources)
    reply = searcher.ask("cafe at Riverside allotments open on Sundays", k=3)
    assert "Riverside" in reply["passages"][0]["text"], "the invalid-UTF-8 file's text is searchable"


@pytest.fixture(scope="module")
def client(built):
    index, enc, _m, _l, _h = built
    return create_app(Searcher(index, encoder=enc)).test_client()


def meeting_of(client, source: str) -> str:
    return next(m["id"] for m in client.get("/api/meetings").get_json()["meetings"] if m["source"] == source)


def assert_inert(html: str) -> None:
    """No tag, handler, script or remote resource that came from a document."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.fullmatch(r'<script src="/static/[a-z]+\.js" defer>', tag), tag
    assert not re.search(r"<(?:img|iframe|svg|style|meta http-equiv)\b", html, re.I)
    assert not re.search(r"<[a-z][^>]*\s(?:on[a-z]+|href=\"javascript:)", html, re.I)
    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        assert not re.search(r"\s(?:src|href|action)=\"(?:https?:)?//", tag), f"a remote resource in {tag}"


@pytest.mark.parametrize("source", ["markup.txt", "markup.html", HOSTILE_NAME])
def test_document_markup_shows_as_text_on_every_page(client, source):
    mid = meeting_of(client, source)
    outline = client.get(f"/api/meetings/{mid}").get_json()
    paragraphs = [p for it in outline["items"] for p in it["paragraphs"]]
    assert paragraphs
    pages = [f"/meetings/{mid}", "/meetings"] + [p["citation"]["url"] for p in paragraphs]
    for url in pages:
        r = client.get(url, headers=BROWSER)
        assert r.status_code == 200 and r.mimetype == "text/html", url
        html = r.get_data(as_text=True)
        assert_inert(html)
        assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    html = client.get(f"/meetings/{mid}", headers=BROWSER).get_data(as_text=True)
    for p in paragraphs:
        assert str(escape(p["text"])) in html, "each paragraph appears, escaped, verbatim"
    joined = " ".join(p["text"] for p in paragraphs)
    if source == "markup.html":
        assert "Victoria Park" in joined and "alert(" not in joined, "a page's words kept, its scripts dropped"
    if source == "markup.txt":
        assert "<script>alert(1)</script>" in joined and "onerror=alert(3)" in joined, "kept verbatim as text"
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html, "document text is never evaluated as a template"


def test_json_replies_carrying_markup_cannot_be_sniffed_as_html(client):
    r = client.get("/api/ask", query_string={"q": "bandstand in Victoria Park repainted"})
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert any("<" in p["text"] for p in r.get_json()["passages"])


def test_the_single_huge_line_is_indexed_in_bounded_paragraphs(built, client):
    _index, _enc, manifest, _lines, _hostile = built
    mid = meeting_of(client, "one-line-5mb.txt")
    outline = client.get(f"/api/meetings/{mid}").get_json()
    paragraphs = [p["text"] for it in outline["items"] for p in it["paragraphs"]]
    assert len(paragraphs) > 100 and max(map(len, paragraphs)) < 20_000
    assert sum(map(len, paragraphs)) > 0.9 * 5_000_000, "no text of the document is lost"
