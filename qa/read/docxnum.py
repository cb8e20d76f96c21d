"""Word list numbering as Word renders it ("3.", "(b)", "2.1"), counted through the document in order."""
from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def fmt(n: int, kind: str) -> str:
    """A counter in one of Word's number formats."""
    if kind == "lowerLetter":
        return _letter(n)
    if kind == "upperLetter":
        return _letter(n).upper()
    if kind == "lowerRoman":
        return _roman(n)
    if kind == "upperRoman":
        return _roman(n).upper()
    return str(n)


def _val(el, tag: str, default=None):
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else default


class Numbering:
    """The labels of numbered paragraphs; call label() on each paragraph in document order."""

    def __init__(self, doc):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (format, text, start)
        self.counts: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for a in root.findall(W + "abstractNum"):
            lv = {}
            for lvl in a.findall(W + "lvl"):
                lv[int(lvl.get(W + "ilvl", 0))] = (_val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                                                   int(_val(lvl, "start", 1) or 1))
            abstract[a.get(W + "abstractNumId")] = lv
        for num in root.findall(W + "num"):
            self.levels[num.get(W + "numId")] = abstract.get(_val(num, "abstractNumId"), {})

    def label(self, p) -> str | None:
        """The rendered number of paragraph p ("3.", "a)"), "" for a bullet, None when it is not in a list."""
        ppr = p._p.pPr
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is None and p.style is not None and p.style.element.pPr is not None:
            num = p.style.element.pPr.find(W + "numPr")
        if num is None:
            return None
        num_id, ilvl = _val(num, "numId"), int(_val(num, "ilvl", 0) or 0)
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return None
        counts = self.counts.setdefault(num_id, [0] * 10)
        ilvl = min(ilvl, 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        kind, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if kind in ("bullet", "none"):
            return ""
        for lv in range(ilvl, -1, -1):
            f, _, start = levels.get(lv, ("decimal", "", 1))
            n = counts[lv] + start - 1 if counts[lv] else start
            text = text.replace(f"%{lv + 1}", fmt(n, f))
        return text.strip() or None
