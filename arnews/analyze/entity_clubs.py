"""Sports clubs named by a common word in sports articles: الهلال, النصر, الاتحاد, التعاون.

Why a rule: most Saudi and Arab clubs are named by ordinary words (crescent, victory, union,
cooperation), and the tagger, trained on 2007 newswire where those words are mostly ordinary,
leaves them untagged: in the sports articles of SaudiNewsNet it missed الهلال 86 times out of
100. A club name is taken as an organization only where the article is about sport (enough
sports words) and the word is used as a team: after a word for a club, a player or a match
(نادي، لاعب، مدرب، مباراة، أمام، ضد), or paired with another club (الهلال والنصر), and not
followed by an adjective that makes it a common phrase (الاتحاد السعودي, الخليج العربي,
الهلال الأحمر). Once a club is found that way, its other mentions in the article follow.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Token
from .entity_spans import _lists, covered_tokens

#: Clubs (normalized) whose names are ordinary words or place names.
CLUBS = frozenset({
    "الهلال", "النصر", "الاتحاد", "الاهلي", "الشباب", "الاتفاق", "التعاون", "الفتح", "الرائد",
    "الفيصلي", "الخليج", "القادسيه", "الوحده", "النهضه", "هجر", "العروبه", "الشعله", "الحزم",
    "الطائي", "الباطن", "الانصار", "الفيحاء", "ضمك", "الجبلين", "الكوكب", "الزمالك", "الاسماعيلي",
    "الترجي", "الوداد", "الرجاء", "الريان", "السد", "الغرافه", "الوصل", "الشارقه", "الوحدات",
    "المريخ",
})
#: Words before a club name that show it is a team (the club, its people, a match against it).
_TEAM_CUES = frozenset({
    "نادي", "فريق", "لاعب", "لاعبي", "لاعبو", "مدرب", "مهاجم", "حارس", "مدافع", "جماهير", "جمهور",
    "رئيس", "اداره", "امام", "ضد", "مواجهه", "لقاء", "مباراه", "فوز", "خساره", "تعادل", "شباك",
    "بين", "صفوف", "قميص", "انتقال", "عقد", "محترف", "نجم", "نجوم", "مرمي", "دفاع", "هجوم", "مهاجمي",
    "قائد",
})
#: Words that make an article a sports article when it has enough of them.
_SPORTS_WORDS = frozenset({
    "مباراه", "مباريات", "الدوري", "المدرب", "مدرب", "اللاعب", "لاعب", "اللاعبين", "لاعبي", "هدف",
    "اهداف", "الهدف", "بطوله", "الملعب", "ملعب", "النادي", "نادي", "الفريق", "فريق", "الموسم",
    "المنتخب", "كره", "القدم", "المباراه", "الشوط", "ركله", "التعادل", "الفوز",
})
_MIN_SPORTS_WORDS = 6


def is_sports_article(sents: Sequence[Sequence[Token]]) -> bool:
    """Whether enough words of the article belong to sport."""
    count = 0
    for toks in sents:
        for t in toks:
            if t.bare in _SPORTS_WORDS or t.norm in _SPORTS_WORDS:
                count += 1
                if count >= _MIN_SPORTS_WORDS:
                    return True
    return False


def _club(tok: Token) -> str | None:
    return tok.bare if tok.bare in CLUBS else None


def _common_phrase(toks: Sequence[Token], i: int) -> bool:
    """The club word followed by an adjective (الاتحاد السعودي) or a noun it heads."""
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return nxt.bare.startswith("ال") and not nxt.prefix and nxt.norm.isalpha() and _club(nxt) is None \
        and nxt.norm not in _lists()[0]   # قائد الهلال اللاعب ...: a title opens the next name


def club_spans(sents: Sequence[Sequence[Token]], spans: list[list[tuple[str, int, int]]]) -> None:
    """Add ORG spans for clubs in a sports article (in place, sentence by sentence)."""
    if not is_sports_article(sents):
        return
    found: set[str] = set()
    candidates: list[tuple[int, int, str]] = []
    for si, (toks, ss) in enumerate(zip(sents, spans)):
        covered = covered_tokens(ss)
        for i, t in enumerate(toks):
            name = _club(t)
            if name is None or i in covered or _common_phrase(toks, i):
                continue
            prev = toks[i - 1] if i else None
            paired = (i + 1 < len(toks) and _club(toks[i + 1]) and toks[i + 1].prefix == "و") or (
                t.prefix == "و" and prev is not None and _club(prev))
            if paired or (prev is not None and (prev.bare in _TEAM_CUES or prev.norm in _TEAM_CUES)):
                found.add(name)
            candidates.append((si, i, name))
    for si, i, name in candidates:
        if name in found:
            spans[si].append(("ORG", i, i + 1))
    for ss in spans:
        ss.sort(key=lambda s: s[1])
