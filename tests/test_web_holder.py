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
