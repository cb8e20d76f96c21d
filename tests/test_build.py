import json
import os

import numpy as np
import pytest

from qa import build
from qa.build import build_index, run_build, versions_dir
from qa.embed import HashEncoder
from qa.search import Searcher


def _live(index):
    return json.loads((index / "manifest.json").read_text())["index_version"]


def test_build_writes_a_versioned_index_behind_a_symlink(tiny_corpus, tmp_path, capsys):
    index = tmp_path / "index"
    assert run_build(tiny_corpus, index, encoder=HashEncoder()) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("indexed 2 documents: 2 meetings, 6 items")
    assert index.is_symlink() and index.resolve().parent == versions_dir(index).resolve()
    man = json.loads((index / "manifest.json").read_text())
    assert man["schema_version"] == build.SCHEMA_VERSION and man["model"] == {"name": "test/hashed-words", "dims": 64}
    assert len(man["corpus"]["hash"]) == 64 and man["counts"]["paragraphs"] > 10
    assert {"numpy", "faiss-cpu", "python"} <= set(man["versions"]) and man["built_at"]
    for name in ("content.sqlite", "vectors.faiss", "units.npy", "keyword/weights.npy"):
        assert (index / name).is_file()


def test_rebuild_reuses_vectors_and_keeps_one_previous_version(tiny_corpus, tmp_path):
    index, enc = tmp_path / "index", HashEncoder()
    first = build_index(tiny_corpus, index, encoder=enc)
    assert first["counts"]["vectors_reused"] == 0
    second = build_index(tiny_corpus, index, encoder=enc)
    assert second["counts"]["vectors_reused"] == second["counts"]["vectors"]
    assert second["index_version"] != first["index_version"] and _live(index) == second["index_version"]
    third = build_index(tiny_corpus, index, encoder=enc)
    kept = sorted(p.name for p in versions_dir(index).iterdir() if p.is_dir())
    assert kept == sorted([second["index_version"], third["index_version"]])


def test_changed_text_is_encoded_afresh(tiny_corpus, tmp_path):
    index, enc = tmp_path / "index", HashEncoder()
    build_index(tiny_corpus, index, encoder=enc)
    (tiny_corpus / "new.txt").write_text("Parks Panel\nMonday, 1 July 2024\n\nMinutes\n\n5 Trees\n\n"
                                         "Members noted that 300 oak trees were planted in the country park.\n")
    man = build_index(tiny_corpus, index, encoder=enc)
    assert 0 < man["counts"]["vectors_reused"] < man["counts"]["vectors"]
    assert man["counts"]["meetings"] == 3


def test_hostile_files_are_skipped_with_one_line_each(tiny_corpus, tmp_path, capsys, monkeypatch):
    (tiny_corpus / "empty.txt").write_text("")
    (tiny_corpus / "binary.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\xff" * 100)
    (tiny_corpus / "latin1.txt").write_bytes("Caf\xe9 minutes \xff\xfe".encode("latin-1") + b"\x00")
    monkeypatch.setenv("MINUTEBOOK_MAX_FILE_MB", str(5000 / 1024 / 1024))
    (tiny_corpus / "huge.txt").write_text("word " * 2000)
    man = build_index(tiny_corpus, tmp_path / "index", encoder=HashEncoder())
    err = capsys.readouterr().err
    skipped = {s["source"] for s in man["corpus"]["skipped"]}
    assert skipped == {"empty.txt", "binary.pdf", "latin1.txt", "huge.txt"}
    for name in skipped:
        assert sum(1 for line in err.splitlines() if line.startswith(f"skipped {name}:")) == 1
    assert man["counts"]["meetings"] == 2


def test_nothing_readable_leaves_the_index_alone(tmp_path, tiny_corpus, capsys):
    index = tmp_path / "index"
    build_index(tiny_corpus, index, encoder=HashEncoder())
    before = _live(index)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("")
    assert run_build(bad, index, encoder=HashEncoder()) == 1
    assert "no readable documents" in capsys.readouterr().err and _live(index) == before


class Exploding(HashEncoder):
    """Fails half way through encoding, like a build killed mid-way."""

    def encode(self, texts, batch_size=64, progress=False):
        raise KeyboardInterrupt


def test_failed_build_leaves_the_previous_index_serving(tiny_corpus, tmp_path):
    index, enc = tmp_path / "index", HashEncoder()
    build_index(tiny_corpus, index, encoder=enc)
    before = _live(index)
    (tiny_corpus / "more.txt").write_text("Parks Panel\nMonday, 1 July 2024\n\nMinutes\n\n5 Trees\n\nOak trees planted.\n")
    with pytest.raises(KeyboardInterrupt):
        build_index(tiny_corpus, index, encoder=Exploding())
    assert _live(index) == before
    assert Searcher(index, encoder=enc).ask("potholes repaired")["passages"]
    assert any(p.name.startswith(".tmp-") for p in versions_dir(index).iterdir())  # the half-written one
    man = build_index(tiny_corpus, index, encoder=enc)
    assert _live(index) == man["index_version"] and man["counts"]["meetings"] == 3
    assert not any(p.name.startswith(".tmp-") for p in versions_dir(index).iterdir())


def test_a_plain_index_directory_is_kept_as_a_version(tiny_corpus, tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    (index / "manifest.json").write_text("{}")
    build_index(tiny_corpus, index, encoder=HashEncoder())
    assert index.is_symlink()
    assert any(p.name.startswith("legacy-") for p in versions_dir(index).iterdir())


def test_symlink_target_is_relative(tiny_corpus, tmp_path):
    index = tmp_path / "index"
    build_index(tiny_corpus, index, encoder=HashEncoder())
    assert not os.path.isabs(os.readlink(index))


def test_a_torn_vector_cache_is_ignored_not_trusted(tiny_corpus, tmp_path):
    index, enc = tmp_path / "index", HashEncoder()
    build_index(tiny_corpus, index, encoder=enc)
    cache = next((tmp_path / "index.cache").iterdir())
    vecs = np.load(cache / "vectors.npy")
    np.save(cache / "vectors.npy", vecs[::-1].copy())  # same shape, other order: as if torn mid-save
    man = build_index(tiny_corpus, index, encoder=enc)
    assert man["counts"]["vectors_reused"] == 0
    assert build_index(tiny_corpus, index, encoder=enc)["counts"]["vectors_reused"] == man["counts"]["vectors"]
