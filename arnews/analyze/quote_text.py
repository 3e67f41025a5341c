"""Text structure for quote extraction: tokens, paragraphs, quotation-mark pairs, sentences.

Everything here keeps character offsets into the original text. Quotation marks are paired
per paragraph (« », “ ”, " ", the reversed ” “ and the odd » » some outlets print), so that
a direct quote can be found even when it spans several sentences, and so that the sentence
splitter never cuts inside a closed pair.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from arnews.analyze.quote_lexicon import norm, strip_clitic
from arnews.analyze.tokenize import add_trimmed_span

_DIAC_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
TOKEN_RE = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+|\S")
OPENERS = "«“„"
CLOSERS = "»”"
ALL_MARKS = "«»“”„\""
SENTENCE_END = ".!?؟…"
CLOSE_PAIR = {"«": "»", "“": "”", "„": "”", '"': '"'}


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of the original text (a word or one punctuation character)."""

    i: int
    start: int
    end: int
    text: str
    norm: str
    bare: str
    is_word: bool = field(init=False)

    def __post_init__(self) -> None:
        # Stored, not a property: the extractor asks it of every token many times.
        object.__setattr__(self, "is_word", self.text[:1].isalnum() or self.text[:1] == "_")

    @property
    def definite(self) -> bool:
        """Starts with the article ال (or وال/فال/بال/كال/لل), judged on the unnormalized
        spelling: ألمانية or إلغاء begin with a hamza, not with the article."""
        t = _DIAC_RE.sub("", self.text)
        if t[:1] in "وف" and t[1:3] == "ال":
            t = t[1:]
        return (t.startswith("ال") and len(t) > 3) or t.startswith(("لل", "بال", "كال"))


@dataclass(frozen=True, slots=True)
class Mark:
    """A pair of quotation marks: ``open``/``close`` are the mark positions; ``close`` is None
    when the pair is not closed in its paragraph (the span then runs to the paragraph end)."""

    open: int
    close: int | None
    end: int          # end of the marked content (close, or the paragraph end)
    char: str

    @property
    def start(self) -> int:
        return self.open + 1


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into word and punctuation tokens with offsets."""
    toks = []
    for m in TOKEN_RE.finditer(text):
        n = norm(m.group())
        toks.append(Tok(len(toks), m.start(), m.end(), m.group(), n, strip_clitic(n)))
    return toks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, white space trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        add_trimmed_span(text, pos, pos + len(line), out)
        pos += len(line) + 1
    return out


def pair_marks(text: str, start: int, end: int) -> list[Mark]:
    """Pair the quotation marks of one paragraph, left to right."""
    marks: list[Mark] = []
    i = start
    while i < end:
        c = text[i]
        if c in OPENERS or c == '"':
            closer = CLOSE_PAIR[c]
            j = text.find(closer, i + 1, end)
            if c in "«“" and j >= 0:
                again = text.find(c, i + 1, j)
                if again >= 0:                  # a stray opener: the pair starts at the next one
                    i = again
                    continue
            if c == "“" and j < 0:
                j = text.find("“", i + 1, end)     # “...“ (same mark twice)
            if c == '"' and j >= 0 and text[j - 1].isspace() and j + 1 < end and text[j + 1].isalpha():
                marks.append(Mark(i, None, end, c))   # the next " opens another quote: this one
                i = j                                  # was never closed
                continue
            if j < 0:
                marks.append(Mark(i, None, end, c))
                i = end
                continue
            marks.append(Mark(i, j, j, c))
            i = j + 1
            continue
        if c in "”»":
            # a closer with nothing open: the reversed ” “ or » « style, or » used on both sides
            cands = [k for k in (text.find("“" if c == "”" else "«", i + 1, end), text.find(c, i + 1, end))
                     if k >= 0]
            if cands:
                j = min(cands)
                if j - i < 400:
                    marks.append(Mark(i, j, j, c))
                    i = j + 1
                    continue
        i += 1
    return marks


def split_sentences(text: str, paras: list[tuple[int, int]], marks: list[Mark]) -> list[tuple[int, int]]:
    """Sentence spans: a paragraph is cut after . ! ? ؟ (not inside a closed mark pair, not in
    numbers like 1.25, not after one-letter abbreviations like د.)."""
    protected = [(m.open, m.close) for m in marks if m.close is not None]
    out = []
    for ps, pe in paras:
        s = ps
        k = ps
        while k < pe:
            c = text[k]
            if c in SENTENCE_END and not _inside(protected, k):
                if c == "." and 0 < k < pe - 1 and text[k - 1].isdigit() and text[k + 1].isdigit():
                    k += 1
                    continue
                if c == "." and _one_letter_before(text, k, ps):
                    k += 1
                    continue
                e = k + 1
                while e < pe and (text[e] in SENTENCE_END or text[e] in ")]" or
                                  (text[e] in ALL_MARKS and any(m.close == e for m in marks))):
                    e += 1
                if text[s:e].strip():
                    out.append((s, e))
                s = e
                while s < pe and text[s].isspace():
                    s += 1
                k = max(e, s)
                continue
            k += 1
        if s < pe and text[s:pe].strip():
            out.append((s, pe))
    return out


def _inside(ranges: list[tuple[int, int]], k: int) -> bool:
    return any(a < k < b for a, b in ranges)


def _one_letter_before(text: str, k: int, floor: int) -> bool:
    j = k - 1
    while j >= floor and text[j] == " ":
        j -= 1
    if j < floor or not text[j].isalpha():
        return False
    return j == floor or not text[j - 1].isalpha()


class TextIndex:
    """Tokens, paragraphs, marks and sentences of one text, with position lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]
        self.paras = paragraphs(text)
        self.marks: list[Mark] = []
        for ps, pe in self.paras:
            self.marks.extend(pair_marks(text, ps, pe))
        self.mark_by_open = {m.open: m for m in self.marks}
        self.mark_by_close = {m.close: m for m in self.marks if m.close is not None}
        self.sents = split_sentences(text, self.paras, self.marks)
        # a mark that is never closed runs to the end of its sentence (not of the paragraph)
        for n, m in enumerate(self.marks):
            if m.close is None:
                end = next((b for a, b in self.sents if a <= m.open < b), m.end)
                self.marks[n] = Mark(m.open, None, end, m.char)
        self.sent_starts = [s for s, _ in self.sents]
        self.para_starts = [s for s, _ in self.paras]
        self.headings = {i for i, (ps, pe) in enumerate(self.paras) if self._is_heading(ps, pe)}

    def _is_heading(self, ps: int, pe: int) -> bool:
        """A headline or sub-heading: a short line without final punctuation followed by a
        blank line (the title of an article is separated from its body by one)."""
        body = self.text[ps:pe]
        if body[-1] in SENTENCE_END or len(body.split()) > 25:
            return False
        after = self.text[pe:pe + 3]
        return after.startswith("\n\n") or after.startswith("\r\n\r")

    def in_heading(self, pos: int) -> bool:
        return self.para_of(pos) in self.headings

    def tok_at(self, pos: int) -> int:
        """Index of the token starting at or before ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def tok_from(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def mark_containing(self, pos: int) -> Mark | None:
        """The innermost closed or open mark pair whose content contains ``pos``."""
        best = None
        for m in self.marks:
            if m.open < pos < m.end or (m.close is None and m.open < pos <= m.end):
                if best is None or m.open > best.open:
                    best = m
        return best

    def words(self, start: int, end: int) -> list[Tok]:
        """Word tokens inside [start, end)."""
        i = self.tok_from(start)
        out = []
        while i < len(self.toks) and self.toks[i].start < end:
            if self.toks[i].is_word:
                out.append(self.toks[i])
            i += 1
        return out
