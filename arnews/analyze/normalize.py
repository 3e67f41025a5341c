"""Arabic text normalization that remembers where every character came from.

Matching Arabic names and words needs a canonical form (no diacritics or tatweel, one alef,
ي for ى, ه for ة, ASCII digits), but everything arnews reports must point into the original
text. :func:`normalize` therefore returns the normalized string together with, for each of its
characters, the index of the original character it came from.

The character rules come from camel-tools (Unicode compatibility forms, diacritics, alef,
alef-maksura and teh-marbuta rules, compiled into ``arnews/data/normalize_table.json`` by
``training/build_normalize_table.py`` because importing camel-tools' character sets costs half a
second) and pyarabic (digits); they are applied by a memoized per-character mapping, so the
offset map costs little.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

STEPS: tuple[str, ...] = (
    "unicode",       # NFKC + Arabic presentation forms (ﻻ → لا)
    "controls",      # zero-width and bidi control characters removed
    "diacritics",    # harakat, tanwin, shadda, sukun, dagger alef removed
    "tatweel",       # ـ removed
    "alef",          # أ إ آ ٱ → ا
    "alef_maksura",  # ى → ي
    "teh_marbuta",   # ة → ه
    "digits",        # Arabic-Indic and Persian digits → 0-9
    "punctuation",   # Arabic comma, semicolon, question mark, percent → ASCII
)

STEP_HELP: dict[str, str] = {
    "unicode": "Unicode NFKC and Arabic presentation forms (ﻻ → لا).",
    "controls": "Remove zero-width and bidi control characters.",
    "diacritics": "Remove diacritics (harakat, tanwin, shadda, sukun).",
    "tatweel": "Remove tatweel (ـ).",
    "alef": "Unify alef forms (أ إ آ ٱ → ا).",
    "alef_maksura": "Alef maksura to ya (ى → ي).",
    "teh_marbuta": "Teh marbuta to heh (ة → ه).",
    "digits": "Arabic-Indic and Persian digits to 0-9.",
    "punctuation": "Arabic punctuation to ASCII (، ؛ ؟ ٪).",
}

#: Steps used for matching names and words inside the analysis.
MATCH_STEPS: frozenset[str] = frozenset(STEPS) - {"punctuation"}

_CONTROLS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad\u2060"
)
_PUNCT = {"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u066b": ".", "\u066c": ","}


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string and, per character, the index of its source character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalized text to the original text."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=1)
def _rules() -> dict:
    """camel-tools' per-character rules, compiled by ``training/build_normalize_table.py``."""
    import json
    from importlib import resources

    data = json.loads(resources.files("arnews.data").joinpath("normalize_table.json").read_text("utf-8"))
    # Beyond camel-tools' harakat: Quranic annotation marks and other combining Arabic marks.
    extra = {chr(c) for lo, hi in ((0x0610, 0x061B), (0x0653, 0x0660), (0x06D6, 0x06DD), (0x06DF, 0x06E5),
                                   (0x06E7, 0x06E9), (0x06EA, 0x06EE), (0x08D3, 0x08E2), (0x08E3, 0x0900))
             for c in range(lo, hi)}
    data["diacritics"] = frozenset(data["diacritics"]) | extra
    lo_hi = [tuple(r) for r in data["ranges"]]
    data["covered"] = lambda ch: any(lo <= ord(ch) < hi for lo, hi in lo_hi)
    return data


@lru_cache(maxsize=1)
def _digit_map() -> dict[str, str]:
    from pyarabic import araby

    out: dict[str, str] = {}
    for east, pers, west in zip(araby.NUMBERS_EAST, araby.NUMBERS_PERS, araby.NUMBERS_WEST):
        out[east] = west
        out[pers] = west
    return out


def _map_char(c: str, steps: frozenset[str]) -> str:
    """What one original character becomes under ``steps`` (possibly several or none)."""
    rules = _rules()
    if "controls" in steps and c in _CONTROLS:
        return ""
    s = c
    if "unicode" in steps:
        s = rules["unicode"].get(c) if rules["covered"](c) else None
        if s is None:
            s = unicodedata.normalize("NFKC", c)
    out = []
    for ch in s:
        if "controls" in steps and ch in _CONTROLS:
            continue
        if "tatweel" in steps and ch == "\u0640":
            continue
        if "diacritics" in steps and ch in rules["diacritics"]:
            continue
        for step in ("alef", "alef_maksura", "teh_marbuta"):
            if step in steps:
                ch = rules[step].get(ch, ch)
        if "digits" in steps:
            ch = _digit_map().get(ch, ch)
        if "punctuation" in steps:
            ch = _PUNCT.get(ch, ch)
        out.append(ch)
    return "".join(out)


class _Table:
    """Memoized per-character mapping for one set of steps."""

    __slots__ = ("steps", "cache")

    def __init__(self, steps: frozenset[str]) -> None:
        self.steps = steps
        # ASCII letters and digits, space and common punctuation never change.
        self.cache: dict[str, str] = {chr(i): chr(i) for i in range(0x20, 0x7F)}

    def __getitem__(self, c: str) -> str:
        try:
            return self.cache[c]
        except KeyError:
            mapped = _map_char(c, self.steps)
            self.cache[c] = mapped
            return mapped


@lru_cache(maxsize=32)
def _table(steps: frozenset[str]) -> _Table:
    unknown = steps - set(STEPS)
    if unknown:
        raise ValueError(f"unknown normalization step(s): {', '.join(sorted(unknown))}")
    return _Table(steps)


def normalize(text: str, steps: frozenset[str] | set[str] | None = None) -> Normalized:
    """Normalize ``text`` with the given steps (default: :data:`MATCH_STEPS`), keeping the offset map."""
    table = _table(frozenset(MATCH_STEPS if steps is None else steps))
    pieces: list[str] = []
    origin: list[int] = []
    cache = table.cache
    for i, c in enumerate(text):
        m = cache.get(c)
        if m is None:
            m = table[c]
        if len(m) == 1:
            pieces.append(m)
            origin.append(i)
        elif m:
            pieces.append(m)
            origin.extend([i] * len(m))
    return Normalized("".join(pieces), tuple(origin), len(text))


def normalize_text(text: str, steps: frozenset[str] | set[str] | None = None) -> str:
    """Normalize ``text`` and return only the string (no offset map)."""
    table = _table(frozenset(MATCH_STEPS if steps is None else steps))
    cache = table.cache
    return "".join(cache.get(c) if c in cache else table[c] for c in text)
