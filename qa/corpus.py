"""The corpus directory: documents plus a manifest of what their text cannot tell."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
DOC_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")  # what qa.read reads


@dataclass(frozen=True)
class SourceDoc:
    """One document file of a corpus with its manifest metadata (council, source address)."""

    path: Path
    council: str | None = None
    source_url: str | None = None
    seed: str | None = None


def load_corpus(corpus_dir: str | Path) -> list[SourceDoc]:
    """Every document file under corpus_dir, sorted by name, with manifest metadata where given."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {root}")
    meta: dict = {}
    mf = root / MANIFEST
    if mf.exists():
        meta = json.loads(mf.read_text(encoding="utf-8")).get("documents", {})
    docs = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.name == MANIFEST or path.name.startswith("."):
            continue
        m = meta.get(path.relative_to(root).as_posix(), {})
        docs.append(SourceDoc(path=path, council=m.get("council"), source_url=m.get("source_url"), seed=m.get("seed")))
    return docs
