"""The usual RAG beside Minutebook, in one run: 1000-character chunks with 200 overlap, the same embedding model,
BM25 fused the same way; recall@5 and MRR@10 on the same questions.

Usage: python scripts/baseline_chunks.py CORPUS_DIR QUESTIONS.jsonl --index INDEX
(INDEX is Minutebook's index of CORPUS_DIR, built with `python -m qa build CORPUS_DIR --index INDEX`.)
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from qa.corpus import load_corpus  # noqa: E402
from qa.embed import default_encoder  # noqa: E402
from qa.evaluate import K_EVAL, is_hit, load_questions, score  # noqa: E402
from qa.keyword import KeywordIndex  # noqa: E402
from qa.parse.document import layout  # noqa: E402
from qa.read.blocks import UnreadableDocument  # noqa: E402
from qa.read.reader import read_file  # noqa: E402
from qa.search import CANDIDATES, DENSE_WEIGHT, Searcher, fuse  # noqa: E402
from qa.text import tokenize  # noqa: E402

SIZE, OVERLAP = 1000, 200


def chunks(text: str, size: int = SIZE, overlap: int = OVERLAP) -> list[str]:
    """Fixed windows of size characters, each starting size - overlap after the one before."""
    text = " ".join(text.split())
    step = size - overlap
    return [text[i:i + size] for i in range(0, max(len(text) - overlap, 1), step)]


def baseline_rows(corpus: Path) -> list[str]:
    out = []
    for doc in load_corpus(corpus):
        try:
            out.extend(chunks(layout(read_file(doc.path))[0]))
        except UnreadableDocument as e:
            print(f"baseline skipped {doc.path.name}: {e}", file=sys.stderr)
    return out


def baseline_scores(texts: list[str], questions: list[dict], encoder) -> dict:
    vecs = encoder.encode(texts, progress=True)
    kw = KeywordIndex.build(texts)
    ranks = []
    for q in questions:
        if not q.get("gold_quotes"):
            continue
        qv = encoder.encode_queries([q["question"]])[0]
        dense = vecs @ qv
        k = kw.scores(tokenize(q["question"]))
        top_d = [int(r) for r in np.argsort(-dense)[:CANDIDATES]]
        top_k = [int(r) for r in np.argsort(-k)[:CANDIDATES] if k[r] > 0]
        fused = fuse({r: float(dense[r]) for r in top_d}, {r: float(k[r]) for r in top_k},
                     dense_weight=getattr(encoder, "fusion_weight", DENSE_WEIGHT))  # fused as Minutebook fuses
        ranked = sorted(fused, key=lambda r: (-fused[r], r))[:K_EVAL]
        hit = next((i + 1 for i, r in enumerate(ranked) if is_hit(texts[r], q["gold_quotes"])), None)
        ranks.append(hit)
    n = len(ranks)
    return {"recall@5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
            "mrr@10": round(sum(1 / r for r in ranks if r) / n, 3), "chunks": len(texts)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("questions")
    ap.add_argument("--index", required=True, help="Minutebook's index of the same corpus")
    args = ap.parse_args(argv)
    questions = load_questions(args.questions)
    encoder = default_encoder()
    base = baseline_scores(baseline_rows(Path(args.corpus)), questions, encoder)
    mine = score(Searcher(args.index, encoder=encoder), questions)
    print(f"{'':<28}{'recall@5':>10}{'mrr@10':>10}")
    print(f"{'baseline (1000/200 chunks)':<28}{base['recall@5']:>10}{base['mrr@10']:>10}   {base['chunks']} chunks")
    print(f"{'Minutebook':<28}{mine['recall@5']:>10}{mine['mrr@10']:>10}   citations {mine['citation_correct']}")
    print(f"recall@5 difference: {100 * (mine['recall@5'] - base['recall@5']):+.1f} points")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
