"""`python -m qa eval FILE.jsonl`: recall, MRR, citation correctness and abstention over a question set."""
from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

K_EVAL = 10


def squash(text: str) -> str:
    """Letters and digits only, lowercased: quote matching tolerant of whitespace, case and page noise."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def is_hit(passage_text: str, gold_quotes: list[str]) -> bool:
    """A passage answers when it contains any gold quote."""
    t = squash(passage_text)
    return any(q and squash(q) in t for q in gold_quotes)


def _paged(cit: dict) -> bool:
    """The cited source has pages (a PDF, or a Word file with page breaks); web pages and text do not."""
    return "page" in cit and (cit.get("page") is not None or cit.get("source", "").lower().endswith(".pdf"))


def load_questions(path) -> list[dict]:
    """The question set: one JSON object a line (blank lines ignored)."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from None
    return out


def _place(q: dict) -> list[dict]:
    """Every (date, item, paragraph) the question accepts; cross-document questions list dates and items."""
    dates, items = q.get("meeting_date"), q.get("item")
    if isinstance(dates, list) or isinstance(items, list):
        n = max(len(x) for x in (dates, items) if isinstance(x, list))
        dates = dates if isinstance(dates, list) else [dates] * n
        items = items if isinstance(items, list) else [items] * n
        places = [{"meeting_date": d, "item": i, "paragraph": q.get("paragraph")} for d, i in zip(dates, items)]
    else:
        places = [{"meeting_date": dates, "item": items, "paragraph": q.get("paragraph")}]
    return places + list(q.get("alt_citations") or [])


def _name(x) -> str:
    """An item number or name without its punctuation: "H.-1." is "h1", "17." is "17"."""
    return re.sub(r"[^a-z0-9]+", "", str(x).lower()) if x else ""


def item_ok(cit: dict, item) -> bool:
    """The citation names the item: its number, or where none is printed its title; in a document without
    items (a report), the section the paragraph sits in."""
    if not item:
        return not cit.get("item")
    named = [cit.get("item")] if cit.get("item") else [cit.get("item_title"), cit.get("section"), cit.get("heading")]
    return any(_name(n) == _name(item) for n in named if n)


def citation_ok(cit: dict, q: dict, paragraph: bool = True) -> bool:
    """The citation names the gold (or an alternative) date, item and, where printed (and asked), paragraph."""
    for g in _place(q):
        if cit.get("date") != g.get("meeting_date") or not item_ok(cit, g.get("item")):
            continue
        if not paragraph or g.get("paragraph") is None or _name(cit.get("paragraph")) == _name(g["paragraph"]):
            return True
    return False


def score(searcher, questions: list[dict]) -> dict:
    """Run every question and compute the figures; per-question rows included."""
    rows = []
    for q in questions:
        reply = searcher.ask(q["question"], k=K_EVAL)
        hits = [i for i, p in enumerate(reply["passages"]) if is_hit(p["text"], q.get("gold_quotes") or [])]
        first = hits[0] if hits else None
        rows.append({"id": q.get("id"), "kind": q.get("kind"), "answerable": bool(q.get("gold_quotes")),
                     "rank": None if first is None else first + 1, "abstained": reply["answer"] is None,
                     "citation_ok": None if first is None else citation_ok(reply["passages"][first]["citation"], q),
                     "date_item_ok": None if first is None else citation_ok(reply["passages"][first]["citation"], q,
                                                                            paragraph=False),
                     "cited": None if first is None else reply["passages"][first]["citation"]["label"],
                     "page": None if first is None else reply["passages"][first]["citation"].get("page"),
                     "paged": None if first is None else _paged(reply["passages"][first]["citation"]),
                     "answer": (reply["answer"] or {}).get("text"), "took_ms": reply["took_ms"],
                     "answer_hit": bool(reply["answer"]) and is_hit(reply["answer"]["text"], q.get("gold_quotes") or [])})
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]

    def recall(rs, k):
        return round(sum(1 for r in rs if r["rank"] and r["rank"] <= k) / len(rs), 3) if rs else None

    by_kind = {}
    for kind in sorted({r["kind"] for r in ans}):
        rs = [r for r in ans if r["kind"] == kind]
        by_kind[kind] = {"n": len(rs), "recall@5": recall(rs, 5)}
    hit5 = [r for r in ans if r["rank"] and r["rank"] <= 5]
    return {
        "questions": len(rows), "answerable": len(ans), "unanswerable": len(una),
        "recall@1": recall(ans, 1), "recall@5": recall(ans, 5), "recall@10": recall(ans, 10),
        "mrr@10": round(sum(1 / r["rank"] for r in ans if r["rank"]) / len(ans), 3) if ans else None,
        "recall@5_by_kind": by_kind,
        "citation_correct": f"{sum(1 for r in hit5 if r['citation_ok'])}/{len(hit5)}",
        "citation_date_item": f"{sum(1 for r in hit5 if r['date_item_ok'])}/{len(hit5)}",
        "hits_with_page": f"{sum(1 for r in hit5 if r['page'])}/{sum(1 for r in hit5 if r['paged'])}",
        "abstained_unanswerable": f"{sum(1 for r in una if r['abstained'])}/{len(una)}",
        "abstained_answerable": f"{sum(1 for r in ans if r['abstained'])}/{len(ans)}",
        "answer_quotes_gold": f"{sum(1 for r in ans if r['answer_hit'])}/{len(ans)}",
        "latency_ms_p50": round(statistics.median(r["took_ms"] for r in rows), 2) if rows else None,
        "per_question": rows,
    }


def _print(res: dict) -> None:
    for r in res["per_question"]:
        rank = "-" if r["rank"] is None else r["rank"]
        flag = "" if r["citation_ok"] in (None, True) else "  CITATION WRONG"
        ab = " abstained" if r["abstained"] else ""
        page = f" (page {r['page']})" if r.get("page") else ""
        print(f"{r['id']:>5} {r['kind']:<14} rank {rank:>2}{ab}{flag}  {r['cited'] or ''}{page}")
    print()
    for key in ("recall@1", "recall@5", "recall@10", "mrr@10", "citation_correct", "citation_date_item",
                "hits_with_page", "abstained_unanswerable", "abstained_answerable", "answer_quotes_gold", "latency_ms_p50"):
        print(f"{key:<24} {res[key]}")
    for kind, v in res["recall@5_by_kind"].items():
        print(f"recall@5 {kind:<15} {v['recall@5']}  (n={v['n']})")


def run_eval(file, index, as_json: bool = False) -> int:
    """CLI entry: score a question set against an index; 2 when the index or file cannot be used."""
    from qa.search import IndexMismatch, Searcher

    try:
        questions = load_questions(file)
        searcher = Searcher(index)
    except (OSError, ValueError, IndexMismatch) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    res = score(searcher, questions)
    if as_json:
        print(json.dumps(res, indent=2))
    else:
        _print(res)
    return 0
