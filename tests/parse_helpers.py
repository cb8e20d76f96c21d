"""Shared helpers for the parser tests: load a seed, find paragraphs, check that no text was lost."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from qa.corpus import load_corpus
from qa.parse.clean import is_furniture, normalise, running_headers
from qa.parse.document import parse_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"


def seed(prefix: str):
    """Parse the bundled corpus document whose seed file name starts with prefix (e.g. "000")."""
    for doc in load_corpus(CORPUS):
        if doc.seed and doc.seed.startswith(prefix):
            return parse_file(doc.path, council=doc.council, source_url=doc.source_url)
    raise LookupError(prefix)


def item(meeting, number):
    return next(i for i in meeting.items if i.number == number)


def para(it, key, section=None):
    return next(p for p in it.paragraphs if p.key == key and p.section == section)


def words(text: str) -> Counter:
    return Counter(re.findall(r"[A-Za-z0-9£%]+", text.lower()))


def lost_words(path: Path, meeting) -> Counter:
    """Words of the input (less page furniture and running headers) that land nowhere in the parse."""
    text = normalise(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    drop = running_headers(lines)
    kept = "\n".join(l for l in lines if not is_furniture(l) and l.strip() not in drop)
    parsed = []
    for it in meeting.items:
        parsed.append(it.title)
        parsed.extend(s.title for s in it.sections)
        parsed.extend(p.text for p in it.paragraphs)
        parsed.extend(p.number for p in it.paragraphs if p.number)
        if it.number:
            parsed.append(it.number)
    return words(kept) - words("\n".join(parsed))
