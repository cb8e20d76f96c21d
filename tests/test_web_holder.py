"""The searcher holder: a new index version on disk is picked up without a restart, a bad one is not."""
from __future__ import annotations

import json
import time

from qa.web.holder import SearcherHolder, read_index_version


class Loaded:
    """What the holder needs of a Searcher: the manifest it was loaded from."""

    def __init__(self, index_dir, encoder=None):
        self.manifest = json.loads((index_dir / "manifest.json").read_text())
        if self.manifest.get("broken"):
            raise ValueError("index is corrupt")
        self.encoder = encoder or object()


def write_manifest(index_dir, **fields):
    (index_dir / "manifest.json").write_text(json.dumps(fields))


def test_swaps_to_a_new_version_and_reuses_the_encoder(tmp_path):
    write_manifest(tmp_path, index_version="v1")
    first = Loaded(tmp_path)
    holder = SearcherHolder(first, tmp_path, factory=Loaded, interval=0.05)
    assert holder.get() is first
    write_manifest(tmp_path, index_version="v2")
    time.sleep(0.06)
    second = holder.get()
    assert second is not first and holder.version == "v2"
    assert second.encoder is first.encoder
    time.sleep(0.06)
    assert holder.get() is second


def test_checks_no_more_often_than_the_interval(tmp_path):
    write_manifest(tmp_path, index_version="v1")
    holder = SearcherHolder(Loaded(tmp_path), tmp_path, factory=Loaded, interval=60)
    write_manifest(tmp_path, index_version="v2")
    assert holder.get().manifest["index_version"] == "v1"


def test_keeps_serving_the_old_index_when_the_new_one_fails_to_load(tmp_path):
    write_manifest(tmp_path, index_version="v1")
    first = Loaded(tmp_path)
    holder = SearcherHolder(first, tmp_path, factory=Loaded, interval=0.01)
    write_manifest(tmp_path, index_version="v2", broken=True)
    time.sleep(0.02)
    assert holder.get() is first and holder.version == "v1"
    (tmp_path / "manifest.json").write_text("{half written")
    time.sleep(0.02)
    assert holder.get() is first


def test_read_index_version_tolerates_missing_or_partial_manifests(tmp_path):
    assert read_index_version(tmp_path) is None
    (tmp_path / "manifest.json").write_text("[1, 2")
    assert read_index_version(tmp_path) is None
    write_manifest(tmp_path, index_version=7)
    assert read_index_version(tmp_path) == "7"


PARKS = """Parks Committee
Saturday, 1 June 2024, Online - 10.00 am

Minutes

Present: Mr D Green (Chairman)

7 Bandstand

The Committee agreed that the bandstand in Victoria Park would be repainted in July.
"""


def test_the_app_serves_a_rebuilt_index_without_a_restart(tiny_corpus, tmp_path):
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher
    from qa.web import create_app

    enc = HashEncoder()
    index = tmp_path / "index"
    build_index(tiny_corpus, index, encoder=enc)
    client = create_app(Searcher(index, encoder=enc), index_dir=index,
                        settings={"reload_check_seconds": 0.05}).test_client()
    first = client.get("/healthz").get_json()["index_version"]
    meetings = len(client.get("/api/meetings").get_json()["meetings"])

    (tiny_corpus / "parks-2024-06-01.txt").write_text(PARKS, encoding="utf-8")
    build_index(tiny_corpus, index, encoder=enc)
    time.sleep(0.1)
    assert client.get("/healthz").get_json()["index_version"] != first
    assert len(client.get("/api/meetings").get_json()["meetings"]) == meetings + 1
    reply = client.get("/api/ask", query_string={"q": "bandstand in Victoria Park"}).get_json()
    assert "bandstand" in reply["passages"][0]["text"]
