"""`python -m qa eval-structure OUTLINES.jsonl DIR`: parses against gold outlines (council, body, date, kind, items)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from qa.models import Meeting
from qa.parse.common import content_words

# The outline format's names for kinds of document, mapped onto Meeting.kind.
OUTLINE_KINDS = {"agenda-pack": "agenda", "agenda": "agenda", "minutes": "minutes", "report": "report",
                 "decision-record": "decision-record", "transcript": "transcript",
                 "written-questions": "written-questions"}
# Items of a parse that are not agenda items: matter before the first item, a transcript's trailing summary.
NOT_ITEMS = ("front", "summary")
TITLE_MATCH = 0.6  # share of a gold title's words a parsed title must hold ("mostly match")


def number_key(number: str | None) -> str:
    """An item number with its punctuation and any word naming it dropped: "H.-1." and "H-1", "Item 1" and "1" are
    the same item."""
    number = re.sub(r"(?i)^\s*(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(?=\S*\d)", "", number or "")
    number = re.sub(r"^(\d+)\.00?\.?$", r"\1", number.strip())  # "168.0" is item 168 written whole
    return re.sub(r"[^a-z0-9]+", "", number.lower())


def body_words(body: str | None) -> set[str]:
    """The words that name a body; "&" is "and", and asides in brackets do not count."""
    text = re.sub(r"\([^)]*\)", " ", (body or "").replace("&", " and "))
    return content_words(text) - {"meeting", "joint"}


def body_right(parsed: str | None, gold: str) -> bool:
    """The parsed body names the gold body: most of its words, and not much else."""
    g, p = body_words(gold), body_words(parsed)
    if not g or not p:
        return False
    both = len(g & p)
    return both / len(g) >= 0.75 and both / len(p) >= 0.5


def title_match(parsed: str, gold: str) -> bool:
    g = content_words(gold)
    return bool(g) and len(g & content_words(parsed)) / len(g) >= TITLE_MATCH


def parsed_items(m: Meeting) -> list[tuple[str | None, str]]:
    """(number, title) of the top-level items a parse found; a report's items are its section headings."""
    items = [i for i in m.items if i.key not in NOT_ITEMS]
    if m.kind == "report" and len(items) <= 1:  # its top-level headings: not numbered, not a "Label: value" field
        return [(None, p.text) for i in items for p in i.paragraphs if p.kind == "heading"
                and not re.match(r"^\S{1,6}[.)]\s", p.text) and not re.search(r":\s*\S", p.text)]
    return [(i.number, i.title) for i in items]


def match_items(found: list[tuple[str | None, str]], gold: list[dict]) -> tuple[int, int]:
    """(gold items found, parsed items that are gold items), each parsed item matching one gold item at most."""
    free = list(range(len(found)))
    hits = 0
    for g in gold:
        for k in free:
            n, t = found[k]
            if g.get("number") and number_key(n) == number_key(g["number"]) and number_key(n) or \
                    not g.get("number") and title_match(t, g["title"]):
                free.remove(k)
                hits += 1
                break
    return hits, len(found) - len(free)


def locate(directory: Path, name: str) -> Path | None:
    """The outline's file in directory, or a file of the same stem in another format (its text, say)."""
    p = directory / name
    if p.exists():
        return p
    return next(iter(sorted(directory.glob(Path(name).stem + ".*"))), None)


def score_document(m: Meeting, outline: dict) -> dict:
    found = parsed_items(m)
    gold = outline.get("items") or []
    hits, right = match_items(found, gold)
    return {"file": outline["file"], "body": body_right(m.body, outline["body"]),
            "council": body_right(m.council, outline["council"]) if outline.get("council") else None,
            "date": m.date == outline.get("meeting_date"),
            "kind": m.kind == OUTLINE_KINDS.get(outline.get("kind"), outline.get("kind")),
            "gold_items": len(gold), "found_items": hits, "parsed_items": len(found), "right_items": right,
            "parsed": {"council": m.council, "body": m.body, "date": m.date, "kind": m.kind}}


def score_outlines(outlines: list[dict], directory, parse) -> dict:
    """Score every outlined document found in directory; parse(path) gives its Meeting."""
    rows = []
    for o in outlines:
        path = locate(Path(directory), o["file"])
        if path is None:
            rows.append({"file": o["file"], "missing": True})
            continue
        rows.append(score_document(parse(path), o))
    done = [r for r in rows if not r.get("missing")]
    gold = sum(r["gold_items"] for r in done)
    parsed = sum(r["parsed_items"] for r in done)
    return {
        "documents": len(done), "missing": [r["file"] for r in rows if r.get("missing")],
        "body": sum(r["body"] for r in done), "date": sum(r["date"] for r in done),
        "kind": sum(r["kind"] for r in done),
        "council": sum(bool(r["council"]) for r in done),
        "council_outlined": sum(r["council"] is not None for r in done),
        "item_recall": round(sum(r["found_items"] for r in done) / gold, 3) if gold else None,
        "item_precision": round(sum(r["right_items"] for r in done) / parsed, 3) if parsed else None,
        "per_document": rows,
    }


def _print(res: dict) -> None:
    for r in res["per_document"]:
        if r.get("missing"):
            print(f"MISSING {r['file']}")
            continue
        flags = " ".join(f"{k}:{'ok' if r[k] else 'WRONG'}" for k in ("body", "date", "kind"))
        p = r["parsed"]
        print(f"{r['file'][:60]:<60} {flags}  items {r['found_items']}/{r['gold_items']} found,"
              f" {r['right_items']}/{r['parsed_items']} right   [{p['body']} | {p['date']} | {p['kind']}]")
    n = res["documents"]
    print()
    print(f"{'council':<16} {res['council']}/{res['council_outlined']}")
    for key in ("body", "date", "kind"):
        print(f"{key:<16} {res[key]}/{n}")
    print(f"{'item recall':<16} {res['item_recall']}")
    print(f"{'item precision':<16} {res['item_precision']}")


def run_eval_structure(outlines_file, directory, as_json: bool = False) -> int:
    """CLI entry: 2 when the outlines or the directory cannot be used."""
    from qa.evaluate import load_questions
    from qa.parse.document import UnreadableDocument, parse_file

    try:
        outlines = load_questions(outlines_file)
        if not Path(directory).is_dir():
            raise OSError(f"not a directory: {directory}")
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    def parse(path):
        try:
            return parse_file(path)
        except UnreadableDocument as e:  # scored as a parse that found nothing
            return Meeting(id="", council="", body="", date=None, kind="", title="", source=str(path),
                           warnings=(str(e),))

    res = score_outlines(outlines, directory, parse)
    print(json.dumps(res, indent=2) if as_json else "", end="")
    if not as_json:
        _print(res)
    return 0
