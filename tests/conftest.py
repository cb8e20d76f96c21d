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
    build_index(CORPUS_DIR, index)
    return index


@pytest.fixture(scope="session")
def real_searcher(real_index):
    from qa.search import Searcher

    return Searcher(real_index)
