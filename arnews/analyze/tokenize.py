"""Sentences and tokens with offsets into the original text, and Arabic proclitic splitting.

Tokens follow the convention of Arabic newswire corpora such as ANERcorp: words are split at
white space and punctuation, clitics stay attached. Each token also carries its normalized form
and its form without conjunction/preposition proclitics (و ف ب ل ك, and لل → ال), so that
لليبيا, وليبيا and ليبيا all meet at ليبيا. Whether a leading letter is a clitic or part of
the word (وزير, فرنسا, لبنان) is decided with a shipped word-frequency lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Sentence, Token
from .normalize import normalize_text

_MARKS = "\u064b-\u065f\u0670\u0640\u06d6-\u06ed"
_TOKEN_RE = re.compile(
    rf"\d+(?:[.,\u066b\u066c]\d+)+"          # 1,000  2.5  ٣٫٥
    rf"|[\w{_MARKS}\u200c\u200d]+"            # words, with diacritics and tatweel inside
    rf"|[^\s\w]",                              # any single punctuation or symbol
)
# A sentence ends after . ! ? ؟ … (and any closing marks) when white space follows, or at a line break.
_SENT_END_RE = re.compile(r"[.!?\u061f\u2026]+[\"'”»)\]]*(?=\s)|\n+")

_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_MIN_STEM = 2


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, int]]:
    """Word -> (core count, news count), for deciding whether a leading letter is a clitic."""
    out: dict[str, tuple[int, int]] = {}
    try:
        text = resources.files("arnews.data").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return out
    for line in text.splitlines():
        word, core, news = (line.split("\t") + ["0", "0"])[:3]
        if word and core.isdigit() and news.isdigit():
            out[word] = (int(core), int(news))
    return out


def core_count(word: str) -> int:
    """How often ``word`` occurs in the core counts (ANERcorp and place names)."""
    return _lexicon().get(word, (0, 0))[0]


def news_count(word: str) -> int:
    """How often ``word`` occurs in the news counts (0 when the lexicon does not list it)."""
    return _lexicon().get(word, (0, 0))[1]


#: A word the core counts do not know (nor its rest) is split when the rest is this much more frequent in
#: news text (a clitic is common before و/ف, rarer before a preposition: بعيد is not ب + عيد).
_NEWS_RATIO = {"conj": 0.75, "prep": 0.25}
_MIN_NEWS = 5
#: A whole word this rare in the core counts, whose rest they do not know, is left to the news counts.
_RARE_CORE = 1


def _prefer_split(whole: str, rest: str, kind: str = "conj") -> bool:
    """True when ``rest`` is a likelier word than ``whole`` (the letter before it is a clitic)."""
    if len(rest) < _MIN_STEM:
        return False
    if rest.startswith("ال") and len(rest) >= 2 + _MIN_STEM:
        return True
    lex = _lexicon()
    (w, wn), (r, rn) = lex.get(whole, (0, 0)), lex.get(rest, (0, 0))
    if r or w > _RARE_CORE:
        return r > 0 and r > 2 * w
    return rn >= _MIN_NEWS and wn < _NEWS_RATIO[kind] * rn   # (a whole word seen once in the
                                                              # core counts, وسلطنة, does not decide)


@lru_cache(maxsize=200_000)
def split_proclitics(norm: str) -> tuple[str, str]:
    """Split a normalized word into (proclitics, stem); the article ال stays on the stem.

    >>> split_proclitics("لليبيا")
    ('ل', 'ليبيا')
    >>> split_proclitics("وبالقاهره")
    ('وب', 'القاهره')
    """
    prefix = ""
    word = norm
    if len(word) > 2 and word[0] in _CONJ and _prefer_split(word, word[1:]):
        prefix, word = word[0], word[1:]
    if len(word) > 2 and word[0] in _PREP:
        rest = word[1:]
        if word[0] == "ل" and rest.startswith("ل") and len(rest) > 1:
            # لل: ل + ال (alef dropped) or ل + a word that begins with ل (لليبيا).
            with_article = "ا" + rest
            if core_count(rest) > core_count(with_article):
                return prefix + "ل", rest
            if len(rest) - 1 >= _MIN_STEM:
                return prefix + "ل", with_article
        elif _prefer_split(word, rest, "prep"):
            prefix, word = prefix + word[0], rest
    return prefix, word


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        surface = m.group()
        if surface in "\u200c\u200d":
            continue
        norm = normalize_text(surface)
        k = m.start()
        glued = k >= 2 and text[k - 1] in "-‐" and text[k - 2].isalpha()
        # (the second part of a hyphenated word takes no clitic: فرانك-فالتر, الرياض-واس)
        prefix, bare = split_proclitics(norm) if norm[:1].isalpha() and not glued else ("", norm)
        out.append(Token(m.start(), m.end(), surface, norm, bare, prefix))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text``, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        cut = m.end() if m.group()[0] != "\n" else m.start()
        add_trimmed_span(text, pos, cut, spans)
        pos = m.end()
    add_trimmed_span(text, pos, len(text), spans)
    return spans


def add_trimmed_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` to ``spans`` with surrounding white space trimmed, unless it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def segment(text: str) -> tuple[list[Sentence], list[Token]]:
    """Split ``text`` into sentences and tokens; every offset points into ``text``."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for s_start, s_end in sentence_spans(text):
        first = len(tokens)
        tokens.extend(tokenize(text, s_start, s_end))
        if len(tokens) > first:
            sentences.append(Sentence(s_start, s_end, first, len(tokens)))
    return sentences, tokens
