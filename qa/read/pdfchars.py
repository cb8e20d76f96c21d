"""The text layer of one PDF page, via pdfium: runs of characters on one baseline, with font and position."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# Glyphs that stand for something plainer: ligatures, private-use and odd bullets, invisible hyphens.
GLYPHS = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
    "\uf0b7": "•", "\uf0a7": "•", "\uf076": "•", "\uf0d8": "•", "\uf0fc": "•", "\u25aa": "•", "\u25cf": "•",
    "\u2219": "•", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u00ad": "", "\u200b": "",
    "\ufeff": "", "\x02": "-",
}
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "-bd", ",bd")

# The per-character calls, typed with plain addresses: pypdfium2's typed pointers cost more to convert than
# the calls themselves, and a page has thousands of characters.
_VP, _I = ctypes.c_void_p, ctypes.c_int
_unicode = ctypes.cast(pdfium_c.FPDFText_GetUnicode, ctypes.CFUNCTYPE(ctypes.c_uint, _VP, _I))
_box = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox,
                   ctypes.CFUNCTYPE(_I, _VP, _I, ctypes.POINTER(pdfium_c.FS_RECTF)))
_font_size = ctypes.cast(pdfium_c.FPDFText_GetFontSize, ctypes.CFUNCTYPE(ctypes.c_double, _VP, _I))
_text_object = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.CFUNCTYPE(_VP, _VP, _I))


@dataclass
class Run:
    """Characters set on one baseline with no wide gap between them: a word group, a cell, a column's line."""

    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page, in points
    bottom: float
    size: float  # the font size most of its characters use
    bold: bool


class Fonts:
    """Bold or not, per pdfium text object (looked up once per object, not per character).

    Objects live as long as their page: the cache is emptied for each page, since addresses are reused."""

    def __init__(self):
        self.cache: dict[int, bool] = {}
        self.buf = ctypes.create_string_buffer(256)

    def bold(self, key: int) -> bool:
        hit = self.cache.get(key)
        if hit is None:
            obj = ctypes.cast(key, pdfium_c.FPDF_PAGEOBJECT)
            font = pdfium_c.FPDFTextObj_GetFont(obj) if key else None
            hit = False
            if font:
                n = pdfium_c.FPDFFont_GetBaseFontName(font, self.buf, 256)
                name = self.buf.raw[:max(0, n - 1)].decode("latin-1").lower()
                weight = pdfium_c.FPDFFont_GetWeight(font)
                hit = any(b in name for b in BOLD_NAMES) or weight >= 600
                if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == 2:  # fill and stroke: faux bold
                    hit = True
            self.cache[key] = hit
        return hit


def page_runs(textpage, page_top: float, fonts: Fonts) -> list[Run]:
    """The page's characters, in content order, cut into runs wherever the baseline or a wide gap changes.

    page_top: the y of the page's top edge in PDF space, so that a run's top is measured down from it.
    """
    n = pdfium_c.FPDFText_CountChars(textpage.raw)
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    fonts.cache.clear()
    rect = pdfium_c.FS_RECTF()
    rect_p = ctypes.pointer(rect)
    runs: list[Run] = []
    chars: list[str] = []
    sizes: dict[float, int] = {}
    bold_n = 0
    x0 = x1 = top = bottom = 0.0
    space = False

    def flush():
        nonlocal chars, sizes, bold_n
        text = "".join(chars).strip()
        if text:
            size = max(sizes, key=sizes.get)
            runs.append(Run(text, x0, x1, top, bottom, size, bold_n * 2 > len(chars)))
        chars, sizes, bold_n = [], {}, 0

    for i in range(n):
        code = _unicode(tp, i)
        ch = chr(code) if code < 0x110000 else ""
        ch = GLYPHS.get(ch, ch)
        if not ch or ch in "\r\n" or ch.isspace():
            space = space or bool(chars) or ch in "\r\n"
            continue
        if not _box(tp, i, rect_p):
            continue
        size, box_h = _font_size(tp, i), rect.top - rect.bottom
        if not 0.6 * size <= box_h <= 2.5 * size:  # a scaled text matrix: the nominal size (often 1) says nothing
            size = box_h / 1.2
        size = round(size, 1)
        ctop, cbot = page_top - rect.top, page_top - rect.bottom
        if chars:
            mid = (ctop + cbot) / 2
            same_line = top - 1 <= mid <= bottom + 1 and abs((cbot - ctop) - (bottom - top)) < max(size, 4)
            gap = rect.left - x1
            if not same_line or gap > 1.4 * max(size, 4) or gap < -max(size, 4):
                flush()
                space = False
        if not chars:
            x0, top, bottom = rect.left, ctop, cbot
        elif space or rect.left - x1 > 0.2 * size:
            chars.append(" ")
        space = False
        chars.append(ch)
        x1 = max(x1, rect.right) if len(chars) > 1 else rect.right
        top, bottom = min(top, ctop), max(bottom, cbot)
        sizes[size] = sizes.get(size, 0) + 1
        obj = _text_object(tp, i)
        bold_n += fonts.bold(obj) if obj else 0
    flush()
    return runs
