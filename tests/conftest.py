import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import shutil

import pytest

SEARCH_DATA = Path(__file__).resolve().parent / "data" / "search"
CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def tiny_corpus(tmp_path):
    """A two-meeting corpus (highways, libraries) copied into a fresh directory."""
    d = tmp_path / "corpus"
    shutil.copytree(SEARCH_DATA, d)
    return d


@pytest.fixture
def tiny_index(tiny_corpus, tmp_path):
    """The tiny corpus built with the deterministic test encoder: (index dir, encoder)."""
    from qa.build import build_index
    from qa.embed import HashEncoder

    enc = HashEncoder()
    index = tmp_path / "index"
    build_index(tiny_corpus, index, encoder=enc)
    return index, enc


@pytest.fixture(scope="session")
def real_index(tmp_path_factory):
    """The bundled corpus built once per test session with the real model (slow tests share it)."""
    from qa.build import build_index

    index = tmp_path_factory.mktemp("real") / "index"
    local_cache = CORPUS_DIR.parent / "index.cache"  # vectors `make run` already encoded: reused, not redone
    if local_cache.is_dir():
        shutil.copytree(local_cache, index.parent / "index.cache")
    build_index(CORPUS_DIR, index)
    return index


@pytest.fixture(scope="session")
def real_searcher(real_index):
    from qa.search import Searcher

    return Searcher(real_index)


HOSTILE_MINUTES = """Highways and Transport Committee Thursday, 4 May 2023, County Hall - 10.00 am

Minutes

Present: Mr A Smith (Chairman), Mrs B Jones

101 Apologies and Welcome

Apologies were received from Mr C Brown.

102 Marlpit Lane Crossing

The zebra crossing on Marlpit Lane <script>alert(1)</script> was discussed, along with <img src=x onerror=alert(2)> signage.

RESOLVED that the zebra crossing on Marlpit Lane be resurfaced.
"""


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory):
    """A one-meeting corpus whose minutes carry markup and script: it must only ever show as text."""
    import json

    d = tmp_path_factory.mktemp("hostile") / "corpus"
    d.mkdir()
    name = "testshire-htc-2023-05-04-minutes.txt"
    (d / name).write_text(HOSTILE_MINUTES, encoding="utf-8")
    (d / "manifest.json").write_text(json.dumps({"documents": {name: {"council": "Testshire Council"}}}))
    return d


@pytest.fixture(scope="session")
def hostile_searcher(hostile_corpus, tmp_path_factory):
    """A Searcher over the hostile corpus, built with the deterministic test encoder."""
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    index = tmp_path_factory.mktemp("hostile-index") / "index"
    build_index(hostile_corpus, index, encoder=enc)
    return Searcher(index, encoder=enc)


TIMELINE_DATA = Path(__file__).resolve().parent / "data" / "timeline"


@pytest.fixture(scope="session")
def timeline_searcher(tmp_path_factory):
    """Three Environment Committee documents (January minutes; March agenda pack and minutes citing January)."""
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    index = tmp_path_factory.mktemp("timeline-index") / "index"
    build_index(TIMELINE_DATA, index, encoder=enc)
    return Searcher(index, encoder=enc)


@pytest.fixture(scope="module")
def app(real_searcher, real_index):
    """The service on the real bundled index; a test module may define its own app instead."""
    from qa.web.app import create_app

    return create_app(real_searcher, index_dir=real_index)


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL with pgvector for this test session (initdb, pg_ctl start; stopped by its PID)."""
    from qa.backend.pglocal import LocalPostgres, bin_dir

    try:
        bin_dir()
    except ImportError as e:  # only where the wheel cannot install (no wheel for this platform)
        pytest.skip(f"no PostgreSQL for the database backend tests: {e}")
    server = LocalPostgres.create().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty database on the session's server."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return pg_server.url.rsplit("/", 1)[0] + f"/{name}"
