"""The embedded backend: one index directory (SQLite store, FAISS vectors, .npy BM25 postings) per version."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.backend.ann import HNSW_EF_SEARCH_MIN
from qa.backend.base import Candidates, IndexDamaged
from qa.backend.filters import FilterColumns
from qa.backend.postings import CutPostings, scores_at, top_rows
from qa.keyword import KeywordIndex
from qa.store import MANIFEST, Store


class EmbeddedBackend:
    """One index version directory, read-only; pinned to the version it opened (a rebuild swaps the link)."""

    def __init__(self, index_dir):
        self.index_dir = Path(index_dir).resolve()
        try:
            self.manifest = json.loads((self.index_dir / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"no index at {index_dir}: run `python -m qa build` first") from None
        except (OSError, ValueError) as e:
            raise IndexDamaged(f"index manifest at {index_dir} is unreadable ({e}); rebuild the index") from None

    def load(self) -> "EmbeddedBackend":
        """Open the files (after the caller has checked the manifest); IndexDamaged when they disagree."""
        import faiss

        from qa.build import KEYWORD_DIR, UNITS, VECTORS

        d = self.index_dir
        try:
            self.vectors = faiss.read_index(str(d / VECTORS))
            self.units = np.load(d / UNITS, allow_pickle=False)
            self.keyword = KeywordIndex.load(d / KEYWORD_DIR)
            self.postings = CutPostings(self.keyword)
            self.store = Store(d)
            self.columns = FilterColumns(self.store.filter_columns())
        except Exception as e:  # any damaged file: refuse clearly rather than answer wrongly
            raise IndexDamaged(f"index at {d} is damaged ({type(e).__name__}: {e}); rebuild it") from None
        counts = self.manifest.get("counts", {})
        n = self.columns.n
        if (self.vectors.ntotal != len(self.units) or counts.get("vectors") != len(self.units)
                or counts.get("paragraphs") != n or self.keyword.n_docs != n):
            raise IndexDamaged(f"index at {d} is inconsistent (counts differ from its manifest); rebuild it")
        self.n_rows = n
        self.dims = self.vectors.d
        self.exact = not hasattr(self.vectors, "hnsw")
        return self

    def _nearest(self, qvec: np.ndarray, mask: np.ndarray | None, k: int):
        """(cosines, vector ids) of the nearest vectors, only those of rows in mask when one is given."""
        import faiss

        q = qvec.reshape(1, -1).astype(np.float32)
        if self.exact:
            # Exact and small: with a filter, score every vector so each matching row gets its true best.
            sims, ids = self.vectors.search(q, self.vectors.ntotal if mask is not None else k)
        else:
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH_MIN, k))
            if mask is not None:
                allowed = mask[self.units[:, 0]]
                bits = np.packbits(allowed, bitorder="little")  # kept alive while FAISS reads it
                params.sel = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
            sims, ids = self.vectors.search(q, k, params=params)
        ok = ids[0] >= 0
        return sims[0][ok], ids[0][ok]

    def candidates(self, qvec, tokens, filters, n, units) -> Candidates:
        mask = self.columns.mask(filters)
        sims, ids = self._nearest(qvec, mask, min(units, self.vectors.ntotal))
        rows, inv = np.unique(self.units[ids, 0], return_inverse=True)
        best = np.full(len(rows), -1.0, dtype=np.float32)
        np.maximum.at(best, inv, sims)  # max-sim: a paragraph scores by its best vector
        if mask is not None:
            best = np.where(mask[rows], best, -1.0)
        dense_of = {int(r): float(s) for r, s in zip(rows, best) if s > -1.0}
        kw_rows, kw = self.postings.scores(tokens)  # only the rows the question's terms touch
        if mask is not None:
            kw = np.where(mask[kw_rows], kw, 0.0)
        top_k = [int(kw_rows[i]) for i in top_rows(kw, n, 0.0)]
        top_d = sorted(dense_of, key=lambda r: (-dense_of[r], r))[:n]
        union = set(top_d) | set(top_k)
        keyword_of = scores_at(kw_rows, kw, union)
        return Candidates(dense={r: dense_of[r] for r in top_d}, keyword={r: keyword_of[r] for r in top_k},
                          dense_of={r: dense_of.get(r, -1.0) for r in union}, keyword_of=keyword_of)

    def own_similarity(self, qvec, rows):
        if not rows:
            return {}
        rows = np.asarray(rows, dtype=self.units.dtype)
        first = np.searchsorted(self.units[:, 0], rows)  # a row's units start with its paragraph vector
        ok = (first < len(self.units)) & (self.units[np.minimum(first, len(self.units) - 1), 0] == rows)
        ok &= self.units[np.minimum(first, len(self.units) - 1), 1] == 0
        ids = first[ok].astype(np.int64)
        vecs = self.vectors.reconstruct_batch(ids) if len(ids) else np.zeros((0, self.dims), np.float32)
        return {int(r): float(v) for r, v in zip(rows[ok], vecs @ np.asarray(qvec, dtype=np.float32))}

    def idf(self, token: str) -> float:
        return self.keyword.idf(token)

    def sentences(self, row: int):
        units = self.units
        lo, hi = np.searchsorted(units[:, 0], [row, row + 1])
        sents = [(int(units[i, 2]), int(units[i, 3]), i) for i in range(lo, hi) if units[i, 1] == 2]
        if not sents and hi > lo:
            sents = [(0, -1, int(lo))]
        return [(s, e, self.vectors.reconstruct(int(i))) for s, e, i in sents]
