"""`python -m qa parse FILE`: what the parser understood, as an outline or as JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.models import Meeting, cite, pretty_date
from qa.parse.document import UnreadableDocument, parse_file


def outline(m: Meeting, width: int = 72) -> str:
    """A readable outline: header; items; sections; paragraph keys, pages and first words; decisions marked."""
    out = [
        f"{m.body} — {pretty_date(m.date)} ({m.kind})",
        f"  id: {m.id}   council: {m.council}   source: {m.source}",
    ]
    if m.venue:
        out.append(f"  venue: {m.venue}")
    if m.attendees:
        out.append(f"  present: {'; '.join(m.attendees)}")
    if m.also_attended:
        out.append(f"  also attended: {'; '.join(m.also_attended)}")
    for w in m.warnings:
        out.append(f"  warning: {w}")
    for item in m.items:
        label = f"item {item.number}" if item.number else (item.key or "(document)")
        out.append(f"\n[{label}] {item.title}   ({len(item.paragraphs)} paragraphs)")
        section = None
        for p in item.paragraphs:
            if p.section != section:
                section = p.section
                s = item.section(section)
                out.append(f"  -- section {section}: {s.title if s else ''}")
            mark = "*" if p.is_decision else " "
            status = f" <{p.decision.status}{', action' if p.decision.is_action else ''}>" if p.decision else ""
            first = " ".join(p.text.split())
            first = first if len(first) <= width else first[: width - 1] + "…"
            page = f"p.{p.page}" if p.page else ""
            out.append(f" {mark} {p.key:>8} {page:>5} {p.kind[:4]:4} {first}{status}")
    n = sum(len(i.paragraphs) for i in m.items)
    out.append(f"\n{len(m.items)} items, {n} paragraphs; * = decision")
    return "\n".join(out)


def to_json(m: Meeting) -> dict:
    d = m.to_dict()
    for item_d, item in zip(d["items"], m.items):
        for para_d, para in zip(item_d["paragraphs"], item.paragraphs):
            c = cite(m, item, para)
            para_d["citation"] = {"id": c.id, "url": c.url, "label": c.label}
    return d


def _manifest_entry(path: str) -> dict:
    """The corpus manifest's entry for a file, when the file sits in a corpus directory."""
    p = Path(path)
    mf = p.parent / "manifest.json"
    try:
        return json.loads(mf.read_text(encoding="utf-8")).get("documents", {}).get(p.name, {})
    except (OSError, ValueError, AttributeError):
        return {}


def run_parse(path: str, as_json: bool = False) -> int:
    try:
        meta = _manifest_entry(path)
        m = parse_file(path, council=meta.get("council"), source_url=meta.get("source_url"))
    except FileNotFoundError:
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    except UnreadableDocument as exc:
        print(f"error: {path}: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(to_json(m), indent=2, ensure_ascii=False) if as_json else outline(m))
    return 0
