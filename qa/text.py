"""The one tokenizer (used by both the keyword index and the query), sentence spans, and acronyms."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Common English function words: they carry no evidence of what a paragraph is about.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t don isn wasn weren won wouldn shouldn couldn ll re ve d m o y""".split()
)

# Numbers keep their decimal point and unit suffix ("2.614m", "99.17"); words are letter runs.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[a-z]*|[a-z]+")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def normalize(text: str) -> str:
    """Unicode-fold and lowercase text; curly quotes and dashes become ASCII."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return text.lower()


def tokenize(text: str) -> list[str]:
    """The keyword tokens of text: lowercased, stop words dropped, Snowball-stemmed."""
    out = []
    for tok in _TOKEN.findall(normalize(text)):
        if tok in STOPWORDS:
            continue
        out.append(tok if tok[0].isdigit() else _stem(tok))
    return out


# A sentence ends at . ! ? followed by space and a capital, digit, quote or bullet; or at a line break.
_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[£A-Z0-9•\-])|\s*\n+\s*")
# Words whose trailing full stop does not end a sentence.
_ABBREV = re.compile(r"(?i)(?:\b(?:mr|mrs|ms|dr|prof|cllr|no|nos|para|paras|e\.g|i\.e|etc|c|approx|vs|st|ref|fig)\.|\b[A-Z]\.)$")


def sentence_spans(text: str, min_chars: int = 3) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text, so that text[start:end] is verbatim."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start()
        piece = text[start:end + 1].rstrip()
        if "\n" not in m.group(0) and _ABBREV.search(piece):
            continue  # "Mr. Smith", "c. 250": not a sentence boundary
        spans.append((start, end + (1 if "\n" not in m.group(0) else 0)))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= min_chars:
            out.append((s, e))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of text, verbatim."""
    return [text[s:e] for s, e in sentence_spans(text)]


# "Overview and Scrutiny Performance Board (OSPB)": a run of words, then capitals in brackets.
_ACRONYM_DEF = re.compile(r"((?:[A-Za-z][\w'\-]*[ \t]+){1,12})\((?:the\s+)?[\"'\u201c\u2018]?([A-Z][A-Za-z&]{1,9})[\"'\u201d\u2019]?\)")
_LINK_WORDS = {"and", "of", "the", "for", "&", "in", "on", "to", "with"}


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms a document defines, e.g. {"OSPB": "Overview and Scrutiny Performance Board"}."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        words, acro = m.group(1).split(), m.group(2)
        letters = [c for c in acro if c.isupper()]  # "PRUs": the plural s is no initial
        if sum(c.isupper() for c in acro) < 2 or acro in found:
            continue
        expansion = _match_initials(words, letters)
        if expansion:
            found[acro] = expansion
    return found


def _match_initials(words: list[str], letters: list[str]) -> str | None:
    """The shortest tail of words whose initials (link words optional) spell letters."""
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in _LINK_WORDS:
            continue
        initials = [w[0].upper() for w in tail if w.lower() not in _LINK_WORDS]
        if initials == letters:
            return " ".join(tail)
        if len(initials) > len(letters):
            break
    return None


def expand_acronyms(text: str, acronyms: dict[str, str]) -> str:
    """text with each defined acronym followed by its expansion in brackets (first mention kept verbatim)."""
    if not acronyms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: f"{m.group(1)} ({acronyms[m.group(1)]})", text)
