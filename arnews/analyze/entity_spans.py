"""Rules that complete the tagger's spans within one sentence of an article.

The tagger sees words; these rules see what news writing adds around names: quotation marks
(“عقيلة صالح”), the media or work word before a quoted title (موقع “العربي الجديد”, برنامج
«مع نور»), a place named after a locative preposition, organization head words (مجلس نواب
طبرق; حكومة الوفاق), and titles or roles before a person (وزير الداخلية). Spans are
``(type, first token, last token + 1)`` over a sentence's tokens. Where news annotation
(ANERcorp, on which the tagger is trained) draws a line, the rules draw it in the same place.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..model import Document, Token

PUNCT_EDGE = set("“”«»\"'()[]{}،,.:;؛!?؟-–—…")
_MAX_ROLE_TOKENS = 5


def covered_tokens(spans: list[tuple[str, int, int]]) -> set[int]:
    """Indices of the tokens that ``spans`` cover."""
    return {k for _t, a, b in spans for k in range(a, b)}


def prefix_chars(token: Token) -> int:
    """How many characters of the original token its proclitic prefix occupies."""
    if not token.prefix:
        return 0
    want = len(token.prefix)
    n = 0
    seen = 0
    for ch in token.text:
        n += 1
        if ch.isalpha():
            seen += 1
            if seen == want:
                break
    return n


#: Quotation marks around names: each opening mark and the mark that closes it.
CLOSE_OF = {"“": "”", "«": "»", "\"": "\""}
OPEN_MARKS = set(CLOSE_OF)
CLOSE_MARKS = "".join(CLOSE_OF.values())
_SKIP_BEFORE_NAME = set("“«\"،,")
_MEDIA_HEADS = frozenset({"موقع", "صحيفه", "جريده", "قناه", "وكاله", "مجله", "شبكه", "اذاعه", "تلفزيون",
                          "وكاله انباء"})
#: Works in quotation marks after these words are MISC (برنامج «مع نور», فيلم «الرسالة»,
#: بعنوان «حكايات»).
_WORK_HEADS = frozenset({"برنامج", "فيلم", "مسلسل", "كتاب", "روايه", "اغنيه", "مسرحيه", "ديوان", "عنوان",
                         "بعنوان"})
_FUNCTION_WORDS = frozenset({"في", "من", "علي", "الي", "عن", "مع", "ان", "او", "و", "ثم", "قد", "لا", "ما",
                             "هذا", "هذه", "التي", "الذي", "كان", "كانت", "بين", "بعد", "قبل", "عند"})


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(titles, nationality adjectives, organization heads) from the compiled gazetteer."""
    from .ner.gazetteer import nationalities, org_heads, titles

    return titles(), nationalities(), org_heads()


def _head(tok: Token) -> str:
    """A token's clitic-stripped form without the article, for head-word look-ups."""
    b = tok.bare
    return b[2:] if b.startswith("ال") and len(b) > 3 else b


def media_spans(toks: Sequence[Token]) -> list[tuple[str, int, int]]:
    """Names in quotation marks right after a media word (موقع “العربي الجديد”) are
    organizations; after a word for a work (برنامج «مع نور») they are MISC."""
    out = []
    for i, t in enumerate(toks[:-2]):
        head = _head(t)
        typ = "ORG" if head in _MEDIA_HEADS else "MISC" if head in _WORK_HEADS else None
        if typ and toks[i + 1].text in OPEN_MARKS:
            for j in range(i + 2, min(i + 8, len(toks))):
                if toks[j].text in CLOSE_MARKS:
                    if j > i + 2:
                        out.append((typ, i + 2, j))
                    break
    return out


#: News agencies known by an acronym that is no common word (واس: the Saudi Press Agency).
AGENCY_ACRONYMS = frozenset({"واس", "كونا", "وام", "قنا", "سانا", "بترا"})
#: Pronouns and prepositions with a pronoun, which the tagger sometimes takes for a short name
#: (يقول لي): never an entity on their own.
NEVER_NAMES = frozenset({"لي", "له", "لها", "لهم", "لهما", "لنا", "لك", "لكم", "هو", "هي", "هم", "انا", "نحن",
                         "انت", "لو", "ولو", "بها", "به", "ان", "اي", "تعالي", "سبحانه"})
#: Currency units (and a few units of measure) and the word الله: ANERcorp tags them MISC, but
#: they are no named thing an analyst looks for (eval/ENTITIES.md leaves them out), so a MISC
#: span made of them is dropped.
_NOT_MISC = frozenset({"دولار", "دولارا", "دولارات", "ريال", "ريالا", "ريالات", "جنيه", "جنيها", "جنيهات",
                       "يورو", "دينار", "دينارا", "دنانير", "درهم", "درهما", "دراهم", "ليره", "ليرات",
                       "روبيه", "روبيات", "فرنك", "فرنكا", "ين", "يوان", "روبل", "شيكل", "بيزو", "استرليني",
                       "كيلوفولت", "ميجاوات", "ميغاوات", "ميجاواط", "ميغاواط", "الله"})
#: Words of an invocation (بسم الله الرحمن الرحيم, الله عز وجل), which name nothing an analyst counts.
_DIVINE = frozenset({"الله", "الرحمن", "الرحيم", "تعالي", "سبحانه", "وجل", "جلاله"})
_DASHES = frozenset({"-", "–", "—"})
_NISBA_ENDINGS = ("ي", "يه")
#: Words more frequent than this in the tokenizer's core counts are common words, not names:
#: a one-word name is not propagated through the article, nor read as an outlet.
COMMON_WORD_COUNT = 25
#: Media words that name an outlet written after them without quotation marks (صحيفة عكاظ);
#: قناة and شبكة are as often a canal or a network (قناة السويس, شبكة الكهرباء).
_PRINT_HEADS = frozenset({"صحيفه", "جريده", "مجله"})
_NOT_OUTLETS = frozenset({"الان", "اليوم", "الامس", "الحاليه", "الرسميه", "المحليه", "الالكترونيه"})


def outlet_spans(toks: Sequence[Token], spans: list[tuple[str, int, int]],
                 features=None, *, dateline: bool = True) -> list[tuple[str, int, int]]:
    """News outlets named the ways articles name them: an agency acronym (واس), the name after
    لـ in quotation marks (قال لـ"الاقتصادية": told the newspaper), the name after a media word
    without marks (بصحيفة الوئام: the outlet, not the word صحيفة), and the outlet before a dash
    and a place that ends the sentence or comes before a colon, the dateline (سبق- أبها:, عين
    اليوم – لندن) - unless it begins with a first name from the gazetteer of ``features`` (a
    reporter's byline). ``dateline``: whether this sentence can hold the dateline (the first
    sentences of an article)."""
    from .tokenize import core_count
    covered = covered_tokens(spans)
    starts = {a: (typ, a, b) for typ, a, b in spans}
    out = list(spans)
    n = len(toks)

    def add(a: int, b: int) -> None:
        if b > a and not any(k in covered for k in range(a, b)) and all(
                t.norm.isalpha() and t.norm not in NEVER_NAMES and t.norm not in _FUNCTION_WORDS for t in toks[a:b]):
            out.append(("ORG", a, b))
            covered.update(range(a, b))

    for i, t in enumerate(toks):
        if t.norm in AGENCY_ACRONYMS:
            add(i, i + 1)
        elif t.norm == "ل" and t.text != "ل" and i + 1 < n and toks[i + 1].text in OPEN_MARKS:
            close = CLOSE_OF[toks[i + 1].text]
            j = next((k for k in range(i + 2, min(i + 6, n)) if toks[k].text == close), None)
            if j == i + 3 and toks[i + 2].norm not in _FUNCTION_WORDS:
                add(i + 2, j)   # one word: a longer quoted phrase after لـ is as often a title
        elif _head(t) in _PRINT_HEADS and not t.bare.startswith("ال") and i + 1 < n:
            nxt = toks[i + 1]
            if i + 1 in starts:
                typ, a, b = starts[i + 1]
                if typ == "LOC" and b - a <= 3:
                    out[out.index(starts[i + 1])] = ("ORG", a, b)   # صحيفة الشرق الأوسط
            elif len(nxt.bare) > 2 and not nxt.prefix and nxt.norm not in _FUNCTION_WORDS \
                    and nxt.norm not in _NOT_OUTLETS and not nxt.bare.endswith(_NISBA_ENDINGS) \
                    and nxt.norm not in _lists()[1] and (nxt.bare.startswith("ال") or core_count(nxt.bare) < COMMON_WORD_COUNT):
                add(i + 1, i + 2)
    dash = next((k for k in range(1, min(8, n - 1)) if toks[k].text in _DASHES and k + 1 in starts
                 and starts[k + 1][0] == "LOC"), None) if dateline else None
    if dash is not None:
        after = starts[dash + 1][2]
        if after < n and toks[after].text not in (":", "：", "-", "–", "—"):
            dash = None   # a place inside running text (وقال المتحدث – الرياض إن ...), not a dateline
    if dash is not None:
        a = max([k + 1 for k in range(dash) if toks[k].text in _DASHES] + [0])
        gaz = getattr(features, "gazetteer", None)
        byline = gaz is not None and dash > a and "FIRST" in gaz.word_labels(toks[a].norm)
        if dash - a <= 3 and not byline:
            add(a, dash)
    return sorted(out, key=lambda s: s[1])


def not_a_name(toks: Sequence[Token], typ: str, a: int, b: int) -> bool:
    """Whether span ``[a, b)`` names nothing: words of an invocation (الرحمن الرحيم), a MISC span
    that is only a currency or الله (دولار, بالدولار, الجنيه الإسترليني), or one nationality word
    or title taken for a person (سويديون, البابا)."""
    if all(t.bare in _DIVINE for t in toks[a:b]):
        return True         # بسم الله الرحمن الرحيم
    if typ == "PERS" and b - a == 1:
        return toks[a].bare in _lists()[1] or toks[a].bare in _lists()[0]   # سويديون، البابا
    if typ != "MISC" or b - a > 2:
        return False
    words = [t.bare[2:] if t.bare.startswith("ال") and len(t.bare) > 4 else t.bare for t in toks[a:b]]
    if words[0] not in _NOT_MISC and toks[a].bare not in _NOT_MISC:
        return False
    return len(words) == 1 or words[1].endswith(_NISBA_ENDINGS)


def join_hyphenated(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Two spans of one type joined by a hyphen without spaces are one name (فرانك-فالتر
    شتاينماير): the tagger sees the hyphen as a token of its own and tags it O."""
    out: list[tuple[str, int, int]] = []
    for typ, a, b in sorted(spans, key=lambda s: s[1]):
        if out and out[-1][0] == typ and out[-1][2] + 1 == a and toks[a - 1].text in "-\u2010" \
                and toks[a - 2].end == toks[a - 1].start and toks[a - 1].end == toks[a].start:
            out[-1] = (typ, out[-1][1], b)
        else:
            out.append((typ, a, b))
    return out


_MAX_QUOTED_NAME = 4


def complete_quoted_names(toks: Sequence[Token], spans: list[tuple[str, int, int]]
                           ) -> list[tuple[str, int, int]]:
    """A person or organization tagged on part of a short phrase in quotation marks gets the
    whole phrase: news text marks names that way (“عقيلة صالح”), and the tagger sometimes keeps
    only the word it knows."""
    out = list(spans)
    i = 0
    while i < len(toks):
        close = CLOSE_OF.get(toks[i].text)
        if close is None:
            i += 1
            continue
        j = next((k for k in range(i + 1, min(i + _MAX_QUOTED_NAME + 2, len(toks)))
                  if toks[k].text == close), None)
        if j is None or j - i - 1 < 2 or not all(t.norm.isalpha() for t in toks[i + 1:j]):
            i += 1
            continue
        inside = [s for s in out if s[1] < j and i + 1 < s[2]]
        end = j
        while end > i + 2 and toks[end - 1].bare in _lists()[1] and toks[end - 1].bare.startswith("ال") \
                and not toks[end - 1].prefix and not toks[i + 1].bare.startswith("ال"):
            end -= 1        # «اودينيزي الإيطالي»: a foreign name's country is no part of it (but
                            # «الاتحاد الأوروبي» is one name, and سكاي نيوز عربية keeps عربية)
        if len(inside) == 1 and inside[0][0] in ("PERS", "ORG") and i < inside[0][1] \
                and inside[0][2] <= end and (inside[0][1], inside[0][2]) != (i + 1, end):
            out[out.index(inside[0])] = (inside[0][0], i + 1, end)
        i = j + 1
    return out


_LOCATIVES = frozenset({"في", "من", "الي", "نحو", "داخل", "قرب", "بمدينه", "مدينه"})
_GAZETTEER_PLACES = frozenset({"LOC", "CITY", "COUNTRY"})
#: Words at least this rare in news text (frequency rank) may be tagged from the gazetteer alone.
_RARE_RANK = 3000


def gazetteer_places(toks: Sequence[Token], spans: list[tuple[str, int, int]],
                      features) -> list[tuple[str, int, int]]:
    """An untagged rare word listed as a place, right after a locative preposition (في ترهونة),
    is a location: the tagger misses places it never saw when the context is weak. So is a
    place of several words in the list (see :func:`_gazetteer_phrases`).

    ``features``: the tagger's feature extractor (word frequency ranks and gazetteer); taggers
    without one (CAMeL's) get no such help."""
    ranks = getattr(features, "ranks", None)
    gaz = getattr(features, "gazetteer", None)
    if ranks is None or gaz is None:
        return spans
    spans = _gazetteer_phrases(toks, spans, gaz)
    covered = covered_tokens(spans)
    extra = []
    for i in range(1, len(toks)):
        t = toks[i]
        if i in covered or i - 1 in covered or not t.norm.isalpha() or len(t.bare) < 3:
            continue
        if toks[i - 1].norm not in _LOCATIVES:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (i + 1 in covered or (t.norm.startswith("ال") and nxt.norm.startswith("ال"))):
            continue  # a noun before a name or an adjective (في بورصة لندن, في الزاوية اليمنى)
        if ranks.get(t.norm, _RARE_RANK) < _RARE_RANK or ranks.get(t.bare, _RARE_RANK) < _RARE_RANK:
            continue
        if _GAZETTEER_PLACES & set(gaz.word_labels(t.norm)):
            extra.append(("LOC", i, i + 1))
    return sorted(spans + extra, key=lambda s: s[1]) if extra else spans


def _gazetteer_phrases(toks: Sequence[Token], spans: list[tuple[str, int, int]], gaz
                       ) -> list[tuple[str, int, int]]:
    """A place of several words in the gazetteer (المدينة المنورة) is a location where the
    tagger found none of it: such names are unambiguous, unlike the single words of the lists.
    A location tagged on the first words of one takes the rest (مكة → مكة المكرمة, the city's
    name as the annotators of real articles and readers write it, where ANERcorp leaves the
    epithet out); one tagged on its last words keeps its bounds (دولة قطر: قطر)."""
    matches = gaz.match_sentence([t.norm for t in toks])
    out = list(spans)
    i = 0
    while i < len(toks):
        labels = {lab for lab, bio in matches[i] if bio == "B" and lab in _GAZETTEER_PLACES}
        if not labels:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and any(bio == "I" and lab in labels for lab, bio in matches[j]):
            j += 1
        crossing = [s for s in out if s[1] < j and s[2] > i]
        if not crossing:
            out.append(("LOC", i, j))
        elif len(crossing) == 1 and crossing[0][0] == "LOC" and crossing[0][1] == i \
                and crossing[0][2] < j and j - i > 1:
            out[out.index(crossing[0])] = ("LOC", i, j)
        i = j
    return sorted(out, key=lambda s: s[1])


#: Places named by a fixed phrase (normalized) that the tagger misses, cuts or calls MISC: holy
#: places, a country whose name is a direction and a place, Syrian governorates and regions
#: named by their countryside or a direction (ريف دمشق، الغوطة الشرقية); the first word may carry
#: clitics (بالمسجد الحرام). الحرمين الشريفين after خادم is a title.
_FIXED_PLACES = tuple(tuple(p.split()) for p in (
    "المسجد الحرام", "المسجد النبوي", "المسجد الاقصي", "المسجد الابراهيمي", "الحرم المكي",
    "الحرم النبوي", "الحرم الابراهيمي", "الحرم القدسي", "الحرم الشريف", "الكعبه المشرفه",
    "بيت الله الحرام", "الحرمين الشريفين", "قبه الصخره", "مسجد قباء", "جنوب السودان", "ريف دمشق", "ريف حلب",
    "ريف ادلب", "ريف حماه", "ريف حمص", "ريف اللاذقيه", "الغوطه الشرقيه", "الغوطه الغربيه"))


def named_places(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Places with a fixed name are locations (المسجد النبوي, الكعبة المشرفة, جنوب السودان; a
    longer span around one, الرئاسة العامة لشؤون المسجد الحرام, keeps it inside), and a tagged
    continent takes its direction adjective (أوروبا الشرقية)."""
    out = spans
    for i, t in enumerate(toks):
        for phrase in _FIXED_PLACES:
            j = i + len(phrase)
            if t.bare != phrase[0] or j > len(toks) or any(toks[i + k].norm != w for k, w in enumerate(phrase[1:], 1)):
                continue
            if i > 0 and toks[i - 1].bare == "خادم":
                continue
            if any(a <= i and j <= b and (a, b) != (i, j) for _, a, b in out):
                continue
            out = sorted([s for s in out if not (s[1] < j and i < s[2])] + [("LOC", i, j)], key=lambda s: s[1])
    return _regions(toks, out)


#: Continents that a direction adjective turns into a region (أوروبا الشرقية), and a country
#: whose official name has its adjective (روسيا الاتحادية); ANERcorp leaves the adjective out
#: after a city or country (سوريا الجنوبية), so other places keep their bounds.
_REGION_BASES = {"اوروبا": "direction", "افريقيا": "direction", "اسيا": "direction", "امريكا": "direction",
                 "اميركا": "direction", "روسيا": "official"}
_REGION_ADJECTIVES = {"direction": frozenset({"الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "الوسطي"}),
                      "official": frozenset({"الاتحاديه"})}


def _regions(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out = []
    starts = {a for _, a, _ in spans}
    for typ, a, b in spans:
        kind = _REGION_BASES.get(toks[b - 1].bare)
        if typ == "LOC" and kind and b < len(toks) and b not in starts and \
                toks[b].norm in _REGION_ADJECTIVES[kind]:
            b += 1
        out.append((typ, a, b))
    return out


#: Organization heads that news annotation (ANERcorp) counts as part of the name (حزب البعث,
#: مجلس الأمن, جامعة القاهرة): in its training file each opens the name far more often than it
#: stands before it. The other heads (صحيفة, شركة, حركة, بورصة ...) stay outside the mention.
_HEADS_IN_NAME = frozenset({"حزب", "مجلس", "اتحاد", "جامعه", "منظمه", "بنك", "معهد", "لجنه",
                            "حلف", "جمعيه", "جبهه", "كليه", "هيئه"})
#: Heads that name the kind of body an organization is (حكومة الوفاق, حركة حماس): they stay out
#: of the mention but join the entity's display name.
_KIND_HEADS = frozenset({"حكومه", "حركه", "شركه", "نادي", "جماعه", "تحالف", "ائتلاف", "كتله", "تنظيم"})


def expand_org_heads(toks: Sequence[Token], spans: list[tuple[str, int, int]]
                      ) -> tuple[list[tuple[str, int, int]], dict[int, int]]:
    """Organization heads before a tagged name.

    A head that belongs to the name joins it (مجلس نواب + طبرق → مجلس نواب طبرق, an
    organization); a head naming the kind of body (حكومة + الوفاق) is returned as
    ``{span start: head token}`` for the display name. Other heads change nothing: the name
    after them keeps its own type (دائرة إعلام دبي: دبي is a place). An organization tagged on
    a nationality adjective alone takes the head before it (البرلمان الكوسوفي).
    """
    covered = covered_tokens(spans)
    out, kinds = [], {}
    for typ, a, b in spans:
        k = a - 1
        if k >= 0 and toks[k].text in OPEN_MARKS:
            k -= 1
        if k >= 0 and k not in covered:
            head = _head(toks[k])
            nat_only = typ == "ORG" and all(t.norm in _lists()[1] for t in toks[a:b])
            if (head in _HEADS_IN_NAME and typ != "PERS") or (nat_only and head in _lists()[2]):
                typ, a = "ORG", k   # (an adjective alone is no name: البرلمان الكوسوفي)
            elif head in _KIND_HEADS and typ == "ORG":
                kinds[a] = k
            elif (k >= 1 and typ in ("ORG", "LOC") and _head(toks[k - 1]) in _HEADS_IN_NAME
                  and k - 1 not in covered and toks[k].norm.isalpha() and not is_board(toks, k - 1)
                  and toks[k].norm not in _FUNCTION_WORDS and toks[k].bare not in _FUNCTION_WORDS):
                typ, a = "ORG", k - 1
        out.append((typ, a, b))
    return out, kinds


def is_board(toks: Sequence[Token], k: int) -> bool:
    """مجلس إدارة / مجلس أمناء at ``k``: the board of the body named after it (مجلس إدارة
    سابك names سابك), no name of its own."""
    return _head(toks[k]) == "مجلس" and k + 1 < len(toks) and not toks[k + 1].prefix \
        and toks[k + 1].bare in ("اداره", "امناء")


def kind_word(tok: Token) -> str:
    """A kind-of-body head as written, without its clitic (لحكومة → حكومة)."""
    return "".join(c for c in tok.text[prefix_chars(tok):] if c not in PUNCT_EDGE)


def _title_end_at(toks: Sequence[Token], j: int) -> int | None:
    """If a title or role phrase ends right before token ``j``, the index where it starts."""
    title_set, nat, _ = _lists()
    for k in range(min(_MAX_ROLE_TOKENS, j), 0, -1):
        window = toks[j - k:j]
        first = window[0]
        words = [first.norm[1:] if first.prefix[:1] in ("و", "ف") and first.norm[1:] else first.norm]
        words += [t.norm for t in window[1:]]
        if not all(w.isalpha() for w in words):
            continue
        for cut in range(len(words), 0, -1):
            if " ".join(words[:cut]) in title_set and all(w in nat for w in words[cut:]):
                return j - k
    return None


def role_before(doc: Document, toks: Sequence[Token], a: int,
                 span_ends: dict[int, tuple[str, int]]) -> str | None:
    """A title or role written before the name starting at token ``a``.

    Handles الرئيس X, وزير الداخلية X, and a title with an organization:
    رئيس مجلس نواب طبرق “عقيلة صالح”, وزير الداخلية في حكومة الوفاق، “فتحي باشاغا”.
    """
    j = a
    while j > 0 and toks[j - 1].text in _SKIP_BEFORE_NAME:
        j -= 1
    start = direct = _title_end_at(toks, j)
    if start is None and j in span_ends and span_ends[j][0] == "ORG":
        org_start = span_ends[j][1]
        k = org_start
        if k > 0 and toks[k - 1].norm in ("في", "ب"):
            k -= 1
        start = _title_end_at(toks, k)
    if start is None:
        return None
    first = toks[start]
    offset = first.start + (1 if first.prefix[:1] in ("و", "ف") and direct is not None
                            and first.norm[1:] and first.norm[0] in "وف" else 0)
    text = doc.text[offset:toks[j - 1].end]
    return " ".join(c for c in text.split() if c not in _SKIP_BEFORE_NAME).strip("،, ")


#: Honorifics (normalized) that only ever stand before a person's name.
_HONORIFICS = frozenset({"الملك", "الملكه", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الامام"})


def title_makes_person(toks: Sequence[Token], a: int) -> bool:
    """Whether a title before the name at token ``a`` makes it a person.

    Yes when the name is set off by a quotation mark or a comma (رئيس مجلس النواب “عقيلة
    صالح”, وزير الداخلية في حكومة الوفاق، فتحي باشاغا), or when the title is a royal or
    religious honorific with the article right before a bare name (الملك عبدالعزيز, الأمير
    نايف, الشيخ زايد): those precede persons only. An office without the article takes a
    complement (حاكم دبي, أمير منطقة نجران, ملك الأردن), and الرئيس is also an adjective
    (مصدر الدخل الرئيس لمصر).
    """
    if a <= 0:
        return False
    if toks[a - 1].text in _SKIP_BEFORE_NAME:
        return True
    prev = toks[a - 1]
    return prev.norm in _HONORIFICS and not prev.prefix and not toks[a].prefix


def is_org_headed(tok: Token) -> bool:
    return _head(tok) in _lists()[2]
