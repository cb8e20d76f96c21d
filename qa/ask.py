"""`python -m qa ask "question"`: the cited answer and passages on the console, or the API's JSON."""
from __future__ import annotations

import json
import sys
import textwrap

NO_MATCH = "The record has no good match for that question; the nearest passages are listed below as weak matches."


def format_reply(reply: dict, width: int = 100) -> str:
    """The reply as a person reads it: answer with [n] markers, then each passage with its citation."""
    lines = []
    ans = reply["answer"]
    lines.append(textwrap.fill(ans["text"], width) if ans else NO_MATCH)
    lines.append("")
    for p in reply["passages"]:
        c = p["citation"]
        tag = " (weak)" if p["weak"] else ""
        lines.append(f"[{p['rank']}] {c['label']}{tag}  score {p['score']:.3f}")
        text = p["text"] if len(p["text"]) <= 600 else p["text"][:597].rstrip() + "..."
        lines.append(textwrap.indent(textwrap.fill(text, width - 4), "    "))
        lines.append(f"    {c['url']}")
    if not reply["passages"]:
        lines.append("(no passages)")
    lines.append(f"({reply['took_ms']:.1f} ms)")
    return "\n".join(lines)


def run_ask(question, index, k: int = 5, as_json: bool = False) -> int:
    """CLI entry: 0 on a reply (even one with no answer), 2 when the index or question cannot be used."""
    from qa.search import IndexMismatch, Searcher

    if not question or not question.strip():
        print("error: the question is empty", file=sys.stderr)
        return 2
    if k < 1:
        print("error: -k must be at least 1", file=sys.stderr)
        return 2
    try:
        searcher = Searcher(index)
    except IndexMismatch as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    reply = searcher.ask(question, k=k)
    print(json.dumps(reply, indent=2, ensure_ascii=False) if as_json else format_reply(reply))
    return 0
