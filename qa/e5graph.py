"""The e5 transformer as an ONNX graph, in float32, from the packaged weight file; built once and cached."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

GRAPH_VERSION = 2  # bump when the graph below changes: cached graphs of another version are rebuilt
OPSET = 23         # Attention arrived in 23


def cache_dir() -> Path:
    """Where built graphs are kept: MINUTEBOOK_CACHE, else the user's cache directory."""
    root = os.environ.get("MINUTEBOOK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "minutebook")
    return Path(root)


def file_digest(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cached_graph(wf, weights_path) -> Path:
    """The graph of these weights on disk, built now if it is missing (no network: it is all in the file).

    Keyed by the weight file's hash and the graph version, so new weights or a changed graph never reuse a
    stale file; written under a temporary name and renamed, so a reader never sees half a file."""
    stem = f"e5-{file_digest(weights_path)[:16]}"
    target = cache_dir() / f"{stem}-g{GRAPH_VERSION}.onnx"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    data = build_graph(wf).SerializeToString()
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, target)
    # These weights' older graphs go: a running process keeps the one it has loaded.
    for stale in target.parent.glob(f"{stem}-g*.onnx"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


class _Graph:
    """Collects nodes and initialisers; each op returns its output's name."""

    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def const(self, name: str, value) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.array(value, order="C"), name))  # 0-d stays 0-d
        return name

    def op(self, kind: str, *inputs: str, **attrs) -> str:
        from onnx import helper

        self.n += 1
        out = f"{kind.lower()}{self.n}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attrs))
        return out


def build_graph(wf):
    """x [batch, tokens, width] (word + position + type embeddings) -> mean of the last layer [batch, width].

    BERT's post-norm blocks: self-attention (ONNX's Attention op, scaled by 1/sqrt(head width), no mask: a
    batch's sequences are all one length), then the feed-forward with exact (erf) GELU, each followed by a
    residual LayerNorm."""
    from onnx import TensorProto, helper

    H, NH, eps = wf.H, wf.NH, float(wf.eps)
    g = _Graph()
    i64 = lambda name, v: g.const(name, np.array(v, dtype=np.int64))  # noqa: E731
    f32 = lambda name, v: g.const(name, np.asarray(v, dtype=np.float32))  # noqa: E731

    def norm(x, name):
        return g.op("LayerNormalization", x, f32(f"{name}.w", wf.vector(f"{name}.w")),
                    f32(f"{name}.b", wf.vector(f"{name}.b")), axis=-1, epsilon=eps)

    def linear(x, name, w, b):
        # Weights are stored [out, in]; MatMul wants [in, out].
        return g.op("Add", g.op("MatMul", x, f32(f"{name}.wt", w.T)), f32(f"{name}.b", b))

    half, one, root2 = f32("half", 0.5), f32("one", 1.0), f32("root2", np.sqrt(2.0))
    x = norm("x", "emb.ln")
    for l in range(wf.NL):
        p = f"l{l}"
        q, k, v = (linear(x, f"{p}.{n}", wf.matrix(f"{p}.{n}.w", H, H), wf.vector(f"{p}.{n}.b")) for n in "qkv")
        ctx = g.op("Attention", q, k, v, q_num_heads=NH, kv_num_heads=NH)
        x = norm(g.op("Add", x, linear(ctx, f"{p}.ao", wf.matrix(f"{p}.ao.w", H, H), wf.vector(f"{p}.ao.b"))),
                 f"{p}.aln")
        up = linear(x, f"{p}.fi", wf.matrix(f"{p}.fi.w", wf.FF, H), wf.vector(f"{p}.fi.b"))
        gelu = g.op("Mul", g.op("Mul", up, half), g.op("Add", one, g.op("Erf", g.op("Div", up, root2))))
        down = linear(gelu, f"{p}.fo", wf.matrix(f"{p}.fo.w", H, wf.FF), wf.vector(f"{p}.fo.b"))
        x = norm(g.op("Add", x, down), f"{p}.oln")
    g.nodes.append(helper.make_node("ReduceMean", [x, i64("tokens_axis", [1])], ["mean"], keepdims=0))
    graph = helper.make_graph(
        g.nodes, "e5", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "tokens", H])],
        [helper.make_tensor_value_info("mean", TensorProto.FLOAT, ["batch", H])], initializer=g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="minutebook")
