import os

import numpy as np
import pytest

from qa.e5graph import build_graph, cached_graph, file_digest

ort = pytest.importorskip("onnxruntime")


class TinyWeights:
    """A made-up two-layer model of the weight file's shape, small enough to check by hand in numpy."""

    H, NH, NL, FF, eps = 8, 2, 2, 16, 1e-12

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        shapes = {"emb.ln": None}
        for l in range(self.NL):
            shapes.update({f"l{l}.{k}": (self.H, self.H) for k in ("q", "k", "v", "ao")})
            shapes.update({f"l{l}.fi": (self.FF, self.H), f"l{l}.fo": (self.H, self.FF),
                           f"l{l}.aln": None, f"l{l}.oln": None})
        self.t = {}
        for name, shape in shapes.items():
            if shape:
                self.t[f"{name}.w"] = rng.normal(scale=0.5, size=shape).astype(np.float32)
                self.t[f"{name}.b"] = rng.normal(scale=0.1, size=shape[0]).astype(np.float32)
            else:  # a LayerNorm
                self.t[f"{name}.w"] = rng.uniform(0.5, 1.5, self.H).astype(np.float32)
                self.t[f"{name}.b"] = rng.normal(scale=0.1, size=self.H).astype(np.float32)

    def vector(self, name):
        return self.t[name]

    def matrix(self, name, rows, cols):
        assert self.t[name].shape == (rows, cols)
        return self.t[name]


def reference(wf, x):
    """BERT's post-norm encoder written out in numpy, then the mean over tokens."""
    from math import erf, sqrt

    def norm(v, name):
        mu, var = v.mean(-1, keepdims=True), v.var(-1, keepdims=True)
        return (v - mu) / np.sqrt(var + wf.eps) * wf.t[f"{name}.w"] + wf.t[f"{name}.b"]

    def lin(v, name):
        return v @ wf.t[f"{name}.w"].T + wf.t[f"{name}.b"]

    B, T, H = x.shape
    hd = H // wf.NH
    x = norm(x.astype(np.float64), "emb.ln")
    for l in range(wf.NL):
        q, k, v = (lin(x, f"l{l}.{n}").reshape(B, T, wf.NH, hd).transpose(0, 2, 1, 3) for n in "qkv")
        s = q @ k.transpose(0, 1, 3, 2) / sqrt(hd)
        a = np.exp(s - s.max(-1, keepdims=True))
        ctx = ((a / a.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
        x = norm(x + lin(ctx, f"l{l}.ao"), f"l{l}.aln")
        up = lin(x, f"l{l}.fi")
        gelu = 0.5 * up * (1 + np.vectorize(erf)(up / sqrt(2)))
        x = norm(x + lin(gelu, f"l{l}.fo"), f"l{l}.oln")
    return x.mean(1)


def test_the_graph_computes_the_bert_encoder_and_the_mean_over_tokens():
    wf = TinyWeights()
    session = ort.InferenceSession(build_graph(wf).SerializeToString(), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(1).normal(size=(3, 5, wf.H)).astype(np.float32)
    (got,) = session.run(None, {"x": x})
    assert got.shape == (3, wf.H)
    assert np.allclose(got, reference(wf, x), atol=1e-4)
    (short,) = session.run(None, {"x": x[:1, :2]})  # any batch and length
    assert np.allclose(short, reference(wf, x[:1, :2]), atol=1e-4)


def test_the_graph_is_built_once_and_kept_under_the_weights_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_CACHE", str(tmp_path / "cache"))
    weights = tmp_path / "weights.bin"
    weights.write_bytes(b"one set of weights")
    first = cached_graph(TinyWeights(), weights)
    assert first.parent == tmp_path / "cache" and file_digest(weights)[:16] in first.name
    stamp = first.stat().st_mtime_ns
    assert cached_graph(TinyWeights(), weights) == first and first.stat().st_mtime_ns == stamp  # reused
    weights.write_bytes(b"other weights")
    second = cached_graph(TinyWeights(seed=1), weights)
    assert second != first and second.exists()
    first.unlink()
    weights.write_bytes(b"one set of weights")
    assert cached_graph(TinyWeights(), weights).exists()  # rebuilt when missing
    assert not [p for p in os.listdir(tmp_path / "cache") if p.endswith(".tmp")]


def test_a_new_graph_version_replaces_the_old_one_for_the_same_weights(tmp_path, monkeypatch):
    import qa.e5graph

    monkeypatch.setenv("MINUTEBOOK_CACHE", str(tmp_path))
    weights = tmp_path / "weights.bin"
    weights.write_bytes(b"weights")
    old = cached_graph(TinyWeights(), weights)
    monkeypatch.setattr(qa.e5graph, "GRAPH_VERSION", qa.e5graph.GRAPH_VERSION + 1)
    new = cached_graph(TinyWeights(), weights)
    assert new != old and new.exists() and not old.exists()
