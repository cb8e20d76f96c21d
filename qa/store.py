"""The paragraph store: meetings, items, sections and citable paragraphs in SQLite, read-only at serve time."""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from qa.models import Meeting, cite

CONTENT_DB = "content.sqlite"
MANIFEST = "manifest.json"

SCHEMA = """
CREATE TABLE meetings (id TEXT PRIMARY KEY, ord INTEGER, council TEXT, body TEXT, date TEXT, kind TEXT,
    title TEXT, source TEXT, source_url TEXT, venue TEXT, attendees TEXT, also_attended TEXT);
CREATE TABLE items (meeting_id TEXT, key TEXT, ord INTEGER, number TEXT, title TEXT, sections TEXT,
    PRIMARY KEY (meeting_id, key));
CREATE TABLE paragraphs (row INTEGER PRIMARY KEY, cid TEXT UNIQUE, meeting_id TEXT, item_key TEXT,
    item_ord INTEGER, ord INTEGER, text TEXT, kind TEXT, is_decision INTEGER, decision TEXT,
    refs TEXT, citation TEXT, page INTEGER);
CREATE INDEX paragraphs_item ON paragraphs (meeting_id, item_key, ord);
"""


def page_url(source_url: str | None, page: int | None) -> str | None:
    """The source address opened at a page (PDF viewers honour #page=N); unchanged where either is unknown."""
    if not source_url or not page:
        return source_url
    return f"{source_url.split('#', 1)[0]}#page={page}"


def citation_dict(meeting: Meeting, item, para) -> dict:
    """The CITATION shape the API serves for one paragraph; page is where it starts in the original."""
    c = cite(meeting, item, para)
    sec = item.section(para.section)
    return {"id": c.id, "url": c.url, "label": c.label, "council": meeting.council, "body": meeting.body,
            "date": meeting.date, "kind": meeting.kind, "item": item.number, "item_title": item.title or None,
            "section": sec.title if sec else None, "paragraph": para.number or str(para.position),
            "heading": para.heading, "speaker": para.speaker,
            "source": meeting.source, "source_url": page_url(meeting.source_url, para.page), "page": para.page}


def write_store(path: Path, meetings: list[Meeting]) -> list[tuple[Meeting, object, object]]:
    """Write every meeting into a new SQLite file at path; return (meeting, item, paragraph) in row order."""
    by_date: dict[str, list[Meeting]] = {}
    for m in meetings:
        by_date.setdefault(m.date, []).append(m)
    rows = []
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        for mo, m in enumerate(meetings):
            con.execute("INSERT INTO meetings VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (m.id, mo, m.council, m.body, m.date, m.kind, m.title, m.source, m.source_url, m.venue,
                         json.dumps(list(m.attendees)), json.dumps(list(m.also_attended))))
            for io, item in enumerate(m.items):
                secs = [{"key": s.key, "title": s.title, "short": s.short} for s in item.sections]
                con.execute("INSERT INTO items VALUES (?,?,?,?,?,?)",
                            (m.id, item.key, io, item.number, item.title, json.dumps(secs)))
                for po, p in enumerate(item.paragraphs):
                    cit = citation_dict(m, item, p)
                    dec = None
                    if p.decision:
                        d = p.decision
                        dec = {"status": d.status, "is_action": d.is_action, "owner": d.owner, "due": d.due}
                    refs = [{"text": r.text, "date": r.date, "body": r.body,
                             "meeting_id": _resolve(r, by_date, m.id)} for r in p.references]
                    con.execute("INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                (len(rows), cit["id"], m.id, item.key, io, po, p.text, p.kind, int(dec is not None),
                                 json.dumps(dec), json.dumps(refs), json.dumps(cit), p.page))
                    rows.append((m, item, p))
        con.commit()
    finally:
        con.close()
    return rows


def _resolve(ref, by_date: dict, own_id: str) -> str | None:
    """The id of the indexed meeting a reference names: same date, and same body when it names one."""
    cands = [m for m in by_date.get(ref.date, []) if ref.date and m.id != own_id]
    if ref.body:
        named = [m for m in cands if m.body.lower() == ref.body.lower()]
        cands = named or ([] if len(cands) != 1 else cands)
    return cands[0].id if len(cands) == 1 else None


def _header(r: sqlite3.Row) -> dict:
    return {"id": r["id"], "council": r["council"], "body": r["body"], "date": r["date"], "kind": r["kind"],
            "title": r["title"], "source": r["source"], "source_url": r["source_url"], "venue": r["venue"],
            "attendees": json.loads(r["attendees"]), "also_attended": json.loads(r["also_attended"]),
            "url": f"/meetings/{r['id']}"}


def _passage(r: sqlite3.Row) -> dict:
    return {"citation": json.loads(r["citation"]), "text": r["text"], "kind": r["kind"],
            "is_decision": bool(r["is_decision"]), "decision": json.loads(r["decision"]),
            "references": json.loads(r["refs"])}


def _brief(mid: str, body, date, kind) -> dict:
    """The short meeting header a decision or reference carries."""
    return {"id": mid, "body": body, "date": date, "kind": kind, "url": f"/meetings/{mid}"}


def _item_dict(meeting_id: str, r: sqlite3.Row) -> dict:
    return {"key": r["key"], "number": r["number"], "title": r["title"],
            "url": f"/meetings/{meeting_id}#item-{r['key'] or 'body'}", "sections": json.loads(r["sections"])}


class Store:
    """Read-only access to one built index's paragraph store; one SQLite connection per thread."""

    # The JSON expressions SQLite and PostgreSQL spell differently (qa.backend.postgres swaps them).
    SQL_DECISION_STATUS = "json_extract(p.decision, '$.status')"
    SQL_DECISION_IS_ACTION = "json_extract(p.decision, '$.is_action') = 1"
    SQL_EACH_REF = "json_each(p.refs) r"
    SQL_REF_TEXT = "r.value"
    SQL_REF_MEETING = "json_extract(r.value, '$.meeting_id')"

    def __init__(self, index_dir):
        self.index_dir = Path(index_dir).resolve()  # pin the version: a rebuild swaps the link, not us
        self.path = self.index_dir / CONTENT_DB
        if not self.path.is_file():
            raise FileNotFoundError(f"no paragraph store at {self.path}; run `python -m qa build` first")
        self.manifest: dict = json.loads((self.index_dir / MANIFEST).read_text(encoding="utf-8"))
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            con.row_factory = sqlite3.Row
            self._local.con = con
        return con

    def passage(self, cid: str) -> dict | None:
        """The passage with citation id cid, or None."""
        r = self._db().execute("SELECT * FROM paragraphs WHERE cid = ?", (cid,)).fetchone()
        return _passage(r) if r else None

    def passages_by_row(self, rows: list[int]) -> list[dict]:
        """Passages for index rows, in the order given (search results)."""
        if not rows:
            return []
        q = f"SELECT * FROM paragraphs WHERE row IN ({','.join('?' * len(rows))})"
        found = {r["row"]: _passage(r) for r in self._db().execute(q, [int(x) for x in rows])}
        return [found[r] for r in rows if r in found]

    def texts_by_row(self, rows: list[int]) -> dict[int, tuple[str, str]]:
        """(kind, text) of the paragraph of each index row given (rows not in the store are left out)."""
        if not rows:
            return {}
        q = f"SELECT row, kind, text FROM paragraphs WHERE row IN ({','.join('?' * len(rows))})"
        return {int(r[0]): (r[1], r[2]) for r in self._db().execute(q, [int(x) for x in rows])}

    def context(self, cid: str, n: int = 2) -> dict:
        """Up to n passages before and after cid within the same item."""
        db = self._db()
        r = db.execute("SELECT meeting_id, item_key, ord FROM paragraphs WHERE cid = ?", (cid,)).fetchone()
        if not r:
            return {"before": [], "after": []}
        args = (r["meeting_id"], r["item_key"], r["ord"], n)
        before = db.execute("SELECT * FROM paragraphs WHERE meeting_id=? AND item_key=? AND ord<? "
                            "ORDER BY ord DESC LIMIT ?", args).fetchall()
        after = db.execute("SELECT * FROM paragraphs WHERE meeting_id=? AND item_key=? AND ord>? "
                           "ORDER BY ord LIMIT ?", args).fetchall()
        return {"before": [_passage(x) for x in reversed(before)], "after": [_passage(x) for x in after]}

    def item(self, meeting_id: str, item_key: str) -> dict | None:
        """One item of one meeting with all its paragraphs, or None."""
        db = self._db()
        m = db.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        it = db.execute("SELECT * FROM items WHERE meeting_id = ? AND key = ?", (meeting_id, item_key)).fetchone()
        if not m or not it:
            return None
        paras = db.execute("SELECT * FROM paragraphs WHERE meeting_id=? AND item_key=? ORDER BY ord",
                           (meeting_id, item_key)).fetchall()
        return {"meeting": _header(m), "item": _item_dict(meeting_id, it), "paragraphs": [_passage(p) for p in paras]}

    def meetings(self, body=None, date_from=None, date_to=None) -> list[dict]:
        """Meeting headers with item and paragraph counts, newest first, optionally filtered."""
        where, args = [], []
        if body:
            where.append("lower(m.body) = lower(?)")
            args.append(body)
        if date_from:
            where.append("m.date >= ?")
            args.append(date_from)
        if date_to:
            where.append("m.date <= ?")
            args.append(date_to)
        q = ("SELECT m.*, (SELECT count(*) FROM items i WHERE i.meeting_id = m.id) AS n_items, "
             "(SELECT count(*) FROM paragraphs p WHERE p.meeting_id = m.id) AS n_paras FROM meetings m"
             + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date IS NULL, m.date DESC, m.ord")
        return [{**_header(r), "items": r["n_items"], "paragraphs": r["n_paras"]}
                for r in self._db().execute(q, args)]

    def meeting(self, meeting_id: str) -> dict | None:
        """A whole meeting: header, its items in order (sections, paragraphs), and the paragraphs citing it."""
        db = self._db()
        m = db.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if not m:
            return None
        paras: dict[str, list] = {}
        for p in db.execute("SELECT * FROM paragraphs WHERE meeting_id=? ORDER BY item_ord, ord", (meeting_id,)):
            paras.setdefault(p["item_key"], []).append(_passage(p))
        items = [{**_item_dict(meeting_id, it), "paragraphs": paras.get(it["key"], [])}
                 for it in db.execute("SELECT * FROM items WHERE meeting_id=? ORDER BY ord", (meeting_id,))]
        return {"meeting": _header(m), "items": items, "referred_to_by": self.referred_to_by(meeting_id)}

    def stats(self) -> dict:
        """How many meetings, items and paragraphs the index holds."""
        db = self._db()
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("meetings", "items", "paragraphs")}

    def filter_columns(self) -> list[tuple]:
        """(row, body, date, meeting kind, is_decision) for every paragraph, in row order: for search filters."""
        q = ("SELECT p.row, m.body, m.date, m.kind, p.is_decision FROM paragraphs p "
             "JOIN meetings m ON m.id = p.meeting_id ORDER BY p.row")
        return [tuple(r) for r in self._db().execute(q)]

    def decisions(self, body=None, date_from=None, date_to=None, kind=None, status=None,
                  actions_only=False) -> list[dict]:
        """Decision paragraphs as {"row", "item_key", "passage", "meeting"}: newest meeting first, then record order."""
        where, args = ["p.is_decision = 1"], []
        for clause, value in (("lower(m.body) = lower(?)", body), ("m.date >= ?", date_from),
                              ("m.date <= ?", date_to), ("m.kind = ?", kind),
                              (f"{self.SQL_DECISION_STATUS} = ?", status)):
            if value:
                where.append(clause)
                args.append(value)
        if actions_only:
            where.append(self.SQL_DECISION_IS_ACTION)
        q = ("SELECT p.*, m.body AS m_body, m.date AS m_date, m.kind AS m_kind FROM paragraphs p "
             "JOIN meetings m ON m.id = p.meeting_id WHERE " + " AND ".join(where) +
             " ORDER BY m.date IS NULL, m.date DESC, m.ord, p.row")
        return [{"row": r["row"], "item_key": r["item_key"], "passage": _passage(r),
                 "meeting": _brief(r["meeting_id"], r["m_body"], r["m_date"], r["m_kind"])}
                for r in self._db().execute(q, args)]

    def referred_to_by(self, meeting_id: str) -> list[dict]:
        """Paragraphs of other meetings whose references resolve to meeting_id, newest first."""
        # LIKE narrows the scan cheaply (write_store dumps refs with json.dumps' default separators);
        # json_each then checks the id exactly.
        pattern = '%"meeting_id": "' + meeting_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '"%'
        q = (f"SELECT p.*, m.body AS m_body, m.date AS m_date, m.kind AS m_kind, {self.SQL_REF_TEXT} AS ref "
             f"FROM paragraphs p JOIN meetings m ON m.id = p.meeting_id, {self.SQL_EACH_REF} "
             f"WHERE p.refs LIKE ? ESCAPE '\\' AND {self.SQL_REF_MEETING} = ? "
             "ORDER BY m.date IS NULL, m.date DESC, m.ord, p.row")
        out, seen = [], set()
        for r in self._db().execute(q, (pattern, meeting_id)):
            if r["row"] in seen:  # two references to the same meeting in one paragraph: list it once (the first)
                continue
            seen.add(r["row"])
            out.append({**_passage(r), "reference": json.loads(r["ref"])["text"],
                        "meeting": _brief(r["meeting_id"], r["m_body"], r["m_date"], r["m_kind"])})
        return out
