"""Names written as a head noun and its complement: public bodies (وزارة الداخلية, الرئاسة
العامة للأرصاد وحماية البيئة, هيئة التحقيق والادعاء العام, المنتخب السعودي) are organizations,
competitions and feasts (كأس العالم, بطولة كأس الأبطال الدولية, عيد الفطر) are MISC, places
named after a person (مطار الملك خالد الدولي) are places.

Why a rule: real news is full of ministries, authorities, courts, forces and teams named this way,
and an analyst counts each as an organization. The tagger learned from ANERcorp, whose
annotators left most of them untagged (وزارة X is O in all 33 cases of its training file), so it
rarely finds them; measured on hand-annotated SaudiNewsNet articles (``eval/entities-dev.jsonl``)
this rule is most of what the entity layer adds. The phrase is read from the head to the end of
its complement: definite nouns and adjectives (الداخلية, العامة, السعودي), genitives with ل
(للأرصاد, لرعاية الشباب), one coordinated noun (والادعاء), a name after an honorific (جامعة
الملك سعود) or a place the tagger found (شرطة ينبع). A head alone (الوزارة) names nothing, nor
does a generic complement (مجلس الإدارة, لجنة التحكيم) or a definite head with a describing
adjective (القوات الموالية للرئيس).

Spans are ``(type, first token, last token + 1)`` over one sentence's tokens, as in
:mod:`arnews.analyze.entity_spans`.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Token
from .entity_spans import _FUNCTION_WORDS, _HONORIFICS, _head, _lists, covered_tokens, is_board

#: Head nouns (normalized, without the article) that open the name of a body.
BODY_HEADS = frozenset({
    "وزاره", "هيئه", "رئاسه", "مديريه", "اداره", "مؤسسه", "مجلس", "محكمه", "لجنه", "اتحاد",
    "منتخب", "قوات", "شرطه", "حرس", "جامعه", "مستشفي", "بنك", "مصرف", "نيابه", "امانه",
    "بلديه", "جمعيه", "وكاله", "صندوق", "جيش", "نقابه", "غرفه", "حزب", "منظمه", "معهد",
    "كليه", "ديوان", "سفاره", "قنصليه", "مجمع", "اكاديميه", "اذاعه", "عماده", "مخابرات",
    "استخبارات",
})
#: Places named after a person with an honorific (مطار الملك خالد الدولي, جامع الإمام تركي بن
#: عبدالله): the whole is a place, not the person the honorific would otherwise make.
FACILITY_HEADS = frozenset({"مطار", "جامع", "مسجد", "ملعب", "استاد", "ميناء", "شارع", "ميدان", "جسر",
                            "برج", "قصر", "طريق", "حي"})
#: Heads that name something only before an honorific and a name (مركز الملك سلمان للإغاثة,
#: مدينة الأمير سلطان الطبية): otherwise they are common nouns (مركز التدريب, مدينة جدة).
#: A مدينة so named is a place (مدينة الملك عبدالله الرياضية) unless it is a medical or a
#: ل-genitive body (مدينة الملك عبدالعزيز للعلوم والتقنية).
HONORIFIC_HEADS = frozenset({"مركز", "مدينه"})
_BODY_ADJECTIVES = frozenset({"الطبيه", "الطبي"})
#: Head nouns of competitions and events (MISC).
EVENT_HEADS = frozenset({"كاس", "بطوله", "دوري", "اولمبياد", "مونديال"})
#: Names of two words without a head noun.
FIXED_NAMES = {
    ("الدفاع", "المدني"): "ORG", ("الهلال", "الاحمر"): "ORG", ("الصليب", "الاحمر"): "ORG",
    ("الامن", "العام"): "ORG", ("الحرس", "الوطني"): "ORG", ("حرس", "الحدود"): "ORG",
    ("الحرس", "الثوري"): "ORG", ("الحرس", "الجمهوري"): "ORG", ("الحشد", "الشعبي"): "ORG",
    ("الامم", "المتحده"): "ORG", ("الدوله", "الاسلاميه"): "ORG", ("الحزب", "الجمهوري"): "ORG",
    ("الحزب", "الديمقراطي"): "ORG", ("الحزب", "الديموقراطي"): "ORG", ("الجيش", "الحر"): "ORG", ("قوه", "الطوارئ"): "ORG",
    ("المقاومه", "الشعبيه"): "ORG", ("مجموعه", "العشرين"): "ORG", ("مجموعه", "الثماني"): "ORG",
    ("مجموعه", "السبع"): "ORG",
    ("الاتحاد", "السوفيتي"): "LOC", ("الاتحاد", "السوفياتي"): "LOC", ("المشاعر", "المقدسه"): "LOC",
    ("عيد", "الفطر"): "MISC", ("عيد", "الاضحي"): "MISC", ("الحرب", "البارده"): "MISC",
    ("الديوان", "الملكي"): "ORG", ("الكليه", "الحربيه"): "ORG", ("التحالف", "العربي"): "ORG",
    ("التحالف", "الدولي"): "ORG", ("الاتصالات", "السعوديه"): "ORG", ("الملحقيه", "الثقافيه"): "ORG",
    ("الكنيسه", "الكاثوليكيه"): "ORG", ("المجلس", "العسكري"): "ORG", ("الخطوط", "السعوديه"): "ORG",
    ("الخطوط", "اليمنيه"): "ORG", ("عين", "اليوم"): "ORG", ("الغذاء", "والدواء"): "ORG",
}
#: Groups named by a plural (ميليشيات الحوثيين); after a definite noun the word is an
#: adjective (المتمردين الحوثيين) and names nothing.
GROUP_NAMES = frozenset({"الحوثيين", "الحوثيون"})
#: Heads that open a name only with the article and an adjective (الإدارة العامة للمرور):
#: without them they mean an activity (إدارة المشاريع, management of the projects).
_DEFINITE_ONLY_HEADS = frozenset({"اداره", "رئاسه"})
#: Heads that name a body only before a name the tagger found (غرفة الرياض, not غرفة الفندق).
_NAMED_ONLY_HEADS = frozenset({"غرفه"})
#: Adjectives that belong to an institution named by its place (مستشفى عسير المركزي).
_INSTITUTION_ADJECTIVES = frozenset({"العام", "المركزي", "التخصصي", "الجامعي", "العسكري"})
#: Regional directorates named by their field and region (صحة الجوف, تعليم تبوك): a body only
#: right before a place the tagger found.
_REGIONAL_HEADS = frozenset({"صحه", "تعليم"})
#: Complements that make a generic phrase, not a name (مجلس الإدارة, لجنة التحكيم ...), and
#: words that end a name (time words, quantities).
_GENERIC = frozenset({
    "الاداره", "التحكيم", "المشروع", "الازمه", "الازمات", "الامناء", "الاعمال", "العمل", "الامر",
    "المنطقه", "المدينه", "البلاد", "الدوله", "المملكه", "الجهات", "المعنيه", "المختصه", "الاول",
    "الثاني", "الاخير", "الاخيره", "الجديد", "الجديده", "الحالي", "الحاليه", "السابق", "السابقه",
    "المقبل", "المقبله", "الماضي", "الماضيه", "الجاري", "الجاريه", "اليوم", "الامس", "الان", "الذي",
    "التي", "الذين", "الكبير", "الكبري", "العديد", "المحليه", "المشترك", "المشتركه", "الخاصه",
    "الخاص", "المحلي", "المعني", "ذاته", "ذاتها", "نفسه", "نفسها", "كله", "كلها", "جميع", "النادي",
    "الفريق", "العمليات", "الامن", "الفني", "المنظمه", "المساهمه", "المخلوع", "الاحتلال", "اداره",
    "الاسبوعيه", "اليوميه", "الشهريه", "السنويه", "العاديه", "الاستثنائيه", "الطارئه", "التاليه",
})
#: Generic words that name a ministry right after وزارة.
_MINISTRY_COMPLEMENTS = frozenset({"العمل", "الامن", "الاعمال"})
_PARTICLES = frozenset({"عبر", "ضد", "حول", "لدي", "منذ", "خلال", "اجل", "غير", "ان", "انه", "انها", "كما",
                        "لكن", "حتي", "اذا", "عند", "لم", "لن", "قد", "بعض", "كل", "اي", "امام", "وفق"})
#: Adjectives that alone complete a definite head into a name (المحكمة العليا).
_NAMING_ADJECTIVES = frozenset({"العليا", "الاعلي", "الدستوريه", "الاولمبيه"})
#: Adjectives after a definite head that open a name with a genitive (الهيئة العامة للسياحة,
#: المجلس الوطني للدفاع); others describe (القوات الموالية للرئيس).
_OFFICIAL_ADJECTIVES = frozenset({"العامه", "العام", "العليا", "الاعلي", "الوطني", "الوطنيه", "الملكيه",
                                  "العموميه", "الدائمه", "الاهليه", "الاتحاديه", "الدوليه", "الدولي",
                                  "التنفيذيه", "التنفيذي"})
#: Heads that a nationality adjective alone completes (المنتخب السعودي, الاتحاد البرتغالي).
_NATIONAL_HEADS = frozenset({"منتخب", "اتحاد", "جيش", "سفاره", "قنصليه", "مخابرات", "استخبارات"})
#: Ministries named by their adjective alone, a state's one body when its nationality follows
#: (الخارجية الأمريكية, الداخلية السعودية); after a definite noun they describe it (السياسة
#: الخارجية الأمريكية).
_MINISTRY_ADJECTIVES = frozenset({"الخارجيه", "الداخليه"})
#: Offices whose title the ministry adjective completes (وزيرة الخارجية الأميركية: a person's role).
_MINISTER_WORDS = frozenset({"وزير", "وزيره", "وزيري", "وزيرا", "وزراء", "وكيل", "وكيله", "مساعد",
                             "مساعده", "نائب", "متحدث", "متحدثه", "ناطق", "ناطقه"})
_MAX_TOKENS = 8
#: Words for a kind of state that are part of its official name (جمهورية مصر العربية, مملكة
#: البحرين, سلطنة عمان), with the adjectives that close such a name.
STATE_HEADS = frozenset({"جمهوريه", "مملكه", "سلطنه"})
STATE_ADJECTIVES = frozenset({"العربيه", "الاسلاميه", "الديمقراطيه", "الديموقراطيه", "الشعبيه",
                               "الاتحاديه", "الهاشميه", "المتحده", "الاشتراكيه"})


def _definite(tok: Token) -> bool:
    return tok.bare.startswith("ال") and len(tok.bare) > 3 and tok.norm.isalpha()


def _adjective(tok: Token) -> bool:
    """A definite adjective that can follow a head (العامة, الوطني, السعودية, العليا)."""
    b = tok.bare
    return b in _NAMING_ADJECTIVES or b in ("العامه", "العام") or b.endswith(("ي", "يه")) \
        or b in _lists()[1]


def _pronoun_suffixed(tok: Token) -> bool:
    """Written with a final ه that is a pronoun, not a ة (بلاده), nor the ه of الله (عبدالله)."""
    return tok.text.endswith(("ه", "ها", "هم")) and not tok.text.endswith(("ة", "الله", "لله"))


def _stop(tok: Token) -> bool:
    """Whether a token ends the name: punctuation, a generic word, a title, a function word."""
    if not tok.norm.isalpha() or len(tok.bare) < 3 or _pronoun_suffixed(tok):
        return True
    words = (tok.norm, tok.bare)
    return any(w in _GENERIC or w in _FUNCTION_WORDS or w in _PARTICLES for w in words) \
        or (tok.norm in _lists()[0] and tok.norm not in _HONORIFICS)


def _phrase_end(toks: Sequence[Token], i: int, tagged: dict[int, tuple[str, int, int]]) -> int:
    """Index after the last complement token of the head at ``i`` (``i + 1``: none, or not a
    name).

    The complement is read as: adjectives (العامة), then genitives with ل (للأرصاد, لرعاية
    الشباب, at most two) and their adjectives, one coordinated noun after them (وحماية البيئة);
    or a definite noun (الداخلية), a noun of a construct chain (القضاء), adjectives and one
    coordinated noun (والادعاء) - a ل phrase after a noun is a purpose (للتحقيق), not the name.
    """
    n = len(toks)
    head = toks[i]
    definite_head = head.bare.startswith("ال")
    event = _head(head) in EVENT_HEADS
    j = i + 1
    if _head(head) in _DEFINITE_ONLY_HEADS and not definite_head:
        return j
    if _head(head) in _NAMED_ONLY_HEADS:
        return tagged[j][2] if j in tagged and tagged[j][0] in ("LOC", "ORG") else j
    if j < n and j in tagged and tagged[j][0] in ("LOC", "ORG") and not definite_head:
        end = tagged[j][2]    # شرطة ينبع, جامعة القاهرة: the name completes the head, with a
        while end < n and not toks[end].prefix and toks[end].bare in _INSTITUTION_ADJECTIVES:
            end += 1          # hospital's own adjective (مستشفى عسير المركزي، مستشفى سكاكا التخصصي)
        return end
    state = "head"
    genitives = 0
    after_name = False
    coordinated = False
    nouns = naming = official = False
    while j < n and j - i < _MAX_TOKENS:
        t = toks[j]
        # a fixed complement follows an indefinite head (its construct) or an adjective of the
        # head; after a bare definite head it is the verb's object (وشكرت الجمعية خادم الحرمين)
        fixed = _fixed_complement(toks, j) if not definite_head or state == "adj" else 0
        if not fixed and t.prefix == "ل" and genitives < 2 and state != "noun" and (
                not definite_head or state == "adj"):
            fixed = _fixed_complement(toks, j + 1) and 1 + _fixed_complement(toks, j + 1)
        if fixed:
            genitives += 1
            state = "gen"
            j += fixed   # هيئة الأمر بالمعروف والنهي عن المنكر, الرئاسة العامة لهيئة الأمر ...
            continue
        if _sport(toks, j):
            genitives += 1
            j += 2   # الاتحاد الأوروبي لكرة القدم, الاتحاد السعودي للكرة الطائرة
            continue
        ministry = j == i + 1 and not definite_head and t.bare in _MINISTRY_COMPLEMENTS and \
            _head(head) == "وزاره"   # وزارة العمل (not مجلس العمل, فريق العمل)
        nxt = toks[j + 1] if j + 1 < n else None
        # للإغاثة والأعمال الإنسانية: a word generic alone is a coordinated genitive with its adjective
        paired = t.prefix == "و" and state == "gen" and not coordinated and t.bare in _GENERIC and \
            nxt is not None and not nxt.prefix and _definite(nxt) and _adjective(nxt)
        if not (ministry or paired) and (_stop(t) or (j in tagged and tagged[j][0] == "ORG")):
            break   # ... or an organization of its own: الجمعية العمومية [للبنك التجاري]
        if after_name and t.prefix == "ل" and _head(head) not in HONORIFIC_HEADS and \
                nxt is not None and nxt.norm.isalpha() and not nxt.prefix and not _definite(nxt):
            break   # جامعة الملك سعود للعلوم الصحية, not جامعة الملك سعود | للطلاب منحا
        genitive_ok = genitives < 2 and (state == "gen" or (state == "adj" and (official or not definite_head)))
        if (t.prefix == "" and _definite(t)) or (t.prefix == "ل" and _definite(t) and genitive_ok):
            if t.prefix == "ل":
                state, genitives = "gen", genitives + 1
            elif _adjective(t) and (state != "head" or (definite_head and not nouns)):
                national = _head(head) in _NATIONAL_HEADS and t.bare in _lists()[1]
                naming = naming or event or national or t.bare in _NAMING_ADJECTIVES \
                    or (_head(head) == "جيش" and t.bare == "الوطني")   # not المنتخب الوطني
                official = official or event or national or (state == "head" and (
                    t.bare in _OFFICIAL_ADJECTIVES or t.bare in _lists()[1]))   # الهيئة السعودية للتخصصات
                if state == "head":
                    state = "adj"
            elif state == "head":
                state, nouns = "noun", True
            else:
                break   # a second definite noun is no longer part of the name
            j += 1
            continue
        if t.prefix == "ل" and genitive_ok and nxt is not None \
                and _definite(nxt) and not nxt.prefix and not _stop(nxt):
            state, genitives = "gen", genitives + 1   # لرعاية الشباب
            j += 2
            continue
        if t.prefix == "و" and not coordinated and state in ("noun", "gen") and j > i + 1 \
                and _head(t) not in BODY_HEADS and not (j in tagged and tagged[j][0] == "LOC"):   # (| واليمن)
            if _definite(t):
                coordinated = True
                j += 1   # هيئة التحقيق والادعاء العام
                continue
            if state == "gen" and nxt is not None and _definite(nxt) and not nxt.prefix and not _stop(nxt):
                coordinated = True
                j += 2   # للأرصاد وحماية البيئة
                continue
            break
        if toks[j - 1].norm in _HONORIFICS and not t.prefix:
            j = _name_end(toks, j)   # جامعة الملك سعود, جامعة الإمام محمد بن سعود
            state = "adj"            # ... then its adjectives and one genitive (مركز الملك سلمان للإغاثة)
            genitives, after_name = max(genitives, 1), True
            continue
        if j == i + 1 and not definite_head and not t.prefix and j + 1 in tagged \
                and tagged[j + 1][0] in ("LOC", "ORG"):
            return tagged[j + 1][2]   # شرطة منطقة [المدينة المنورة]
        if j == i + 1 and not definite_head and not t.prefix and nxt is not None and _definite(nxt) \
                and not nxt.prefix:
            nouns = True
            j += 1   # هيئة حقوق الإنسان, هيئة كبار العلماء: a construct chain
            continue
        break
    if definite_head and not (genitives or naming):
        return i + 1   # القوات الأمنية العراقية, الجهاز الفني: a description, not a name
    return j


_SPORT_BALLS = frozenset({"لكره", "للكره"})   # whole forms: the tokenizer keeps لكرة whole
_SPORT_KINDS = frozenset({"القدم", "الطائره", "السله", "اليد", "الماء"})


#: Complements written as a whole phrase, with words (ب, عن) the general reading stops at.
_FIXED_COMPLEMENTS = (("الامر", "بالمعروف", "والنهي", "عن", "المنكر"), ("خادم", "الحرمين", "الشريفين"))


def _fixed_complement(toks: Sequence[Token], j: int) -> int:
    """Length of a fixed complement starting at ``j`` (0: none): a listed phrase, or a
    two-word name of :data:`FIXED_NAMES`."""
    for words in _FIXED_COMPLEMENTS:
        if tuple(t.norm for t in toks[j:j + len(words)]) == words:
            return len(words)
    if _fixed_name_at(toks, j) and toks[j].prefix in ("", "ل") and not toks[j + 1].prefix:
        return 2    # هيئة الهلال الأحمر, جمعية للهلال الأحمر: a two-word name as the complement
    return 0


def _fixed_name_at(toks: Sequence[Token], j: int) -> str | None:
    """The type of the two-word name of :data:`FIXED_NAMES` that starts at ``j``, if any."""
    return FIXED_NAMES.get((toks[j].bare, toks[j + 1].norm)) if j + 1 < len(toks) else None


def _sport(toks: Sequence[Token], j: int) -> bool:
    """A sport written as a genitive (لكرة القدم, للكرة الطائرة) completes a body's name."""
    return toks[j].norm in _SPORT_BALLS and j + 1 < len(toks) \
        and not toks[j + 1].prefix and toks[j + 1].bare in _SPORT_KINDS


def _name_end(toks: Sequence[Token], k: int) -> int:
    """End of the person's name that starts at ``k``: the name, عبد الله written as two words,
    and a chain of بن / بنت (فهد بن عبدالعزيز)."""
    n = len(toks)

    def compound(j: int) -> int:
        return j + 1 if toks[j - 1].norm in ("عبد", "ابو") and j < n and toks[j].norm.isalpha() else j

    j = compound(k + 1)
    while j + 1 < n and toks[j].norm in ("بن", "بنت") and toks[j + 1].norm.isalpha():
        j = compound(j + 2)
    return j


def _facility_end(toks: Sequence[Token], i: int) -> int | None:
    """End of a place named after a person (head, honorific, name, بن chain, adjective)."""
    n = len(toks)
    if i + 2 >= n or toks[i + 1].norm not in _HONORIFICS or toks[i + 1].prefix \
            or toks[i + 2].prefix or not toks[i + 2].norm.isalpha() or _stop(toks[i + 2]):
        return None
    j = _name_end(toks, i + 2)
    if j < n and not toks[j].prefix and _definite(toks[j]) and _adjective(toks[j]) and not _stop(toks[j]):
        j += 1   # الدولي
    return j


def state_names(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A place after an indefinite state word takes it and its closing adjectives: the official
    name is one place (بجمهورية مصر العربية, مملكة البحرين), not a word and a country."""
    out: list[tuple[str, int, int]] = []
    for typ, a, b in spans:
        if typ == "LOC" and a > 0 and _head(toks[a - 1]) in STATE_HEADS \
                and not toks[a - 1].bare.startswith("ال"):
            if out and out[-1] == ("LOC", a - 1, a):
                out.pop()   # the tagger's [سلطنة] [عمان]
            if any(s[2] >= a for s in out):
                out.append((typ, a, b))
                continue
            a -= 1
            while b < len(toks) and not toks[b].prefix and toks[b].bare in STATE_ADJECTIVES:
                b += 1
        out.append((typ, a, b))
    return _adjective_states(toks, out)


def _adjective_states(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A definite state word with a nationality adjective is a country's official name where
    the tagger found nothing (الجمهورية اليمنية, المملكة الأردنية الهاشمية)."""
    covered = {k for _, a, b in spans for k in range(a, b)}
    extra = []
    nationalities = _lists()[1]
    for i in range(len(toks) - 1):
        t = toks[i]
        if i in covered or not t.bare.startswith("ال") or _head(t) not in STATE_HEADS:
            continue
        j = i + 1
        while j < len(toks) and j not in covered and not toks[j].prefix and (
                toks[j].bare in nationalities and toks[j].bare.endswith("ه") or
                j > i + 1 and toks[j].bare in STATE_ADJECTIVES):
            j += 1
        if j > i + 1 and (j == len(toks) or j not in covered):
            extra.append(("LOC", i, j))
            covered.update(range(i, j))
    return sorted(spans + extra, key=lambda s: s[1]) if extra else spans


def _fixed_completion(toks: Sequence[Token], span: tuple[str, int, int]) -> tuple[str, int, int]:
    """A one-word span the tagger found on the first word of a fixed name, completed by its
    second word ([الهلال] الأحمر -> الهلال الأحمر, so هيئة الهلال الأحمر is one body)."""
    typ, a, b = span
    if b - a == 1 and _fixed_name_at(toks, a) == typ and not toks[b].prefix:
        return typ, a, b + 1
    return span


#: Heads of a charity named after its founders (مؤسسة سالم بن محفوظ الخيرية) or of a group of
#: companies named after a family (مجموعة الجريسي).
_FOUNDATION_HEADS = frozenset({"مؤسسه", "جمعيه", "مجموعه"})
_CHARITY_ADJECTIVES = frozenset({"الخيريه", "الخيري", "الانسانيه"})


def _foundation_end(toks: Sequence[Token], i: int, tagged: dict[int, tuple[str, int, int]]) -> int | None:
    """End of a foundation named after people: the head, the names the tagger found (one or
    several, joined by و), and a charity adjective."""
    j = i + 1
    while j in tagged and tagged[j][0] == "PERS" and tagged[j][2] - i <= 8:
        j = tagged[j][2]
    if j > i + 1 and j < len(toks) and not toks[j].prefix and toks[j].bare in _CHARITY_ADJECTIVES:
        return j + 1
    if j > i + 1 and _head(toks[i]) == "مجموعه":
        return j             # مجموعة الجريسي, مجموعة بن لادن: a group of companies named so
    return None


def head_spans(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``spans`` with an ORG (body) or MISC (event) added for each head phrase that no tagged span
    crosses; tagged spans wholly inside the phrase (جامعة [الملك سعود], كأس [كوبا أمريكا]) give
    way to it."""
    spans = [_fixed_completion(toks, s) for s in state_names(toks, spans)]
    tagged = {a: (typ, a, b) for typ, a, b in spans}
    covered = covered_tokens(spans)
    extra: list[tuple[str, int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        cut = tagged.get(i)
        if cut is not None and cut[0] == "ORG" and cut[2] > i + 1 and toks[cut[2] - 1].norm in _HONORIFICS \
                and _head(t) in BODY_HEADS and tagged.get(cut[2], ("",))[0] == "PERS":
            covered -= set(range(i, cut[2]))   # [بجامعة الإمام] محمد بن سعود: the tagger stopped at the honorific
            spans = [s for s in spans if s != cut]
        if i in covered:
            i += 1
            continue
        end = typ = None
        fixed = _fixed_name_at(toks, i)
        if fixed:
            end, typ = i + 2, fixed
            if typ == "ORG" and end < n and not toks[end].prefix and toks[end].bare in _lists()[1]:
                end += 1   # الحرس الثوري الإيراني
        elif t.bare in GROUP_NAMES and not (i and toks[i - 1].bare.startswith("ال")):
            end, typ = i + 1, "ORG"
        elif t.bare in _MINISTRY_ADJECTIVES and i + 1 < n and not toks[i + 1].prefix \
                and toks[i + 1].bare in _lists()[1] and toks[i + 1].bare.endswith("ه") \
                and not (i and (toks[i - 1].bare.startswith("ال") or _head(toks[i - 1]) in _MINISTER_WORDS)):
            end, typ = i + 2, "ORG"
        elif _head(t) in FACILITY_HEADS and (j := _facility_end(toks, i)):
            end, typ = j, "LOC"
        elif _head(t) in HONORIFIC_HEADS and i + 2 < n and toks[i + 1].norm in _HONORIFICS \
                and not toks[i + 1].prefix:
            j = _phrase_end(toks, i, tagged)
            if j > _name_end(toks, i + 2):   # more than the name (مركز الأمير محمد: a position)
                body = _head(t) == "مركز" or any(
                    x.bare in _BODY_ADJECTIVES or (x.prefix == "ل" and _definite(x)) for x in toks[i + 3:j])
                end, typ = j, "ORG" if body else "LOC"
        elif _head(t) in _REGIONAL_HEADS and not t.bare.startswith("ال") and i + 1 in tagged \
                and tagged[i + 1][0] == "LOC" and not toks[i + 1].prefix:
            end, typ = tagged[i + 1][2], "ORG"
        elif _head(t) in _FOUNDATION_HEADS and (j := _foundation_end(toks, i, tagged)):
            end, typ = j, "ORG"
        elif t.norm.isalpha() and (_head(t) in BODY_HEADS or _head(t) in EVENT_HEADS) and not is_board(toks, i):
            j = _phrase_end(toks, i, tagged)
            if j > i + 1:
                end, typ = j, "MISC" if _head(t) in EVENT_HEADS else "ORG"
        if end is None:
            i += 1
            continue
        inner = [s for s in spans if s[1] < end and s[2] > i]
        named = i + 1 < n and toks[i + 1].norm in _HONORIFICS
        if any(s[1] < i or (s[2] > end and not (named and s[0] == "PERS")) for s in inner):
            i += 1
            continue
        extra.append((typ, i, end))
        i = end
    if not extra:
        return spans
    # a person tagged on the name after the honorific gives way, even where it runs past the
    # phrase (مستشفى الملك [خالد بالخرج]): the honorific's name is the body's or the place's
    drop = {s for s in spans for _t, a, b in extra if a <= s[1] < b and (s[2] <= b or s[0] == "PERS")}
    return sorted([s for s in spans if s not in drop] + extra, key=lambda s: s[1])
