"""Word-level helpers for speaker phrases: the :class:`Mention` record, name keys and stems, and
the small closed word classes (quantifiers, kinship nouns, relative pronouns, title modifiers)
that the noun-phrase parser (:mod:`arnews.analyze.quote_np`) and the resolver
(:mod:`arnews.analyze.quote_speakers`) share. Open word lists live in the lexicon JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from arnews.analyze.quote_lexicon import norm
from arnews.analyze.quote_text import Tok

MAX_NAME_WORDS = 7
MAX_DESC_WORDS = 9
_QUANTIFIERS = frozenset({"احد", "احدى", "بعض", "بعضهم", "عدد", "كل", "جميع", "معظم", "غالبيه", "اغلب"})
_TITLE_MODIFIERS = frozenset({"اول", "ثان", "ثاني", "ركن", "طيار", "بحري", "متقاعد", "العام", "التنفيذي",
                              "المساعد", "الاول", "الثاني", "الاعلي", "السابق", "السابقه", "الاسبق"})
_STATEMENT_HEADS = frozenset({"بيان", "تقرير", "رساله", "خطاب"})
_KINSHIP = frozenset({"والد", "والده", "شقيق", "شقيقه", "زوج", "زوجه", "ابن", "ابنه", "نجل", "نجله",
                      "عم", "خال", "اخ", "اخت", "جد", "اسره", "عائله", "ذوو", "ذوي", "والدا", "ارمله"})
# Common nouns for a person that a lone definite form makes a back-reference, not a family
# name (وتابعت الزوجة: the wife, not a person called الزوجة)
_PERSON_NOUNS = frozenset({"ام", "اب", "طفل", "طفله", "شاب", "شابه", "فتاه", "فتي", "امراه", "مراه", "رجل", "مواطن",
                           "مواطنه", "ضحيه", "متهم", "متهمه", "طالب", "طالبه", "مريض", "مريضه", "سائق", "مقيم",
                           "مقيمه", "زائر", "زائره", "شاهد", "جاني", "مجني", "صديق", "صديقه", "زميل",
                           "زميله", "جار", "جاره", "رفيق"})
_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})


@dataclass(frozen=True)
class Mention:
    """A source mention: ``kind`` is person, desc (a description), title (a bare title such as
    "وزير الداخلية") or pronoun (a pronoun/honorific that points back)."""

    name: str
    start: int
    end: int
    kind: str
    title: tuple[str, ...] = ()


def _key(words: Sequence[str]) -> tuple[str, ...]:
    """Comparison key of a name: normalized words, ال dropped, و/ف clitic dropped."""
    out = []
    for w in words:
        n = norm(w)
        if n.startswith("ال") and len(n) > 3:
            n = n[2:]
        out.append(n)
    return tuple(out)


def stem(word: str) -> str:
    """A rough stem of a head noun for back-reference matching (المسؤولين ~ مسؤولون)."""
    n = norm(word)
    for art in ("وال", "فال", "ال"):
        if n.startswith(art) and len(n) > len(art) + 2:
            n = n[len(art):]
            break
    for suf in ("ون", "ين", "ات"):
        if n.endswith(suf) and len(n) > len(suf) + 2:
            return n[:-len(suf)] + "+"
    if n.endswith("ه") and len(n) > 3:
        return n[:-1]
    return n


def _unsuffixed(word: str) -> str:
    """A normalized noun without a possessive pronoun suffix (تقريره -> تقرير)."""
    for suf in ("هما", "هم", "ها", "ه"):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)]
    return word


def _ali(t: Tok) -> bool:
    """Is a token normalized to علي the name Ali (written with ي) rather than على (with ى)?"""
    return t.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ي")


def _marked_accusative(t: Tok) -> bool:
    """Written with the accusative tanwin (حصاداً): an object, never a subject."""
    return t.text.endswith(("اً", "ًا"))


def _accusative(t: Tok) -> bool:
    """An indefinite noun in the accusative (بياناً، تقريرا): an object, not part of a subject."""
    return len(t.norm) > 3 and (_marked_accusative(t) or t.norm.endswith("ا") and not t.definite
                                and t.norm[:1] in "بلك")


def _pronoun_suffixed(t: Tok) -> bool:
    """A noun with a possessive suffix (استقالته، تصريحاته) cannot be part of a name."""
    return len(t.norm) > 4 and (t.norm.endswith(("ته", "تها", "اته", "اتها", "هما", "تهم")) or (
        t.norm.endswith(("ها", "هم")) and not t.text.endswith("ة")))   # هجومها، قادتهم


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))
