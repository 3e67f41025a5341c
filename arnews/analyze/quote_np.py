"""Speaker noun phrases: read the source phrase after (or before) a cue and find the name in it.

Arabic news names a source as ``[titles] name [apposition]`` ("وزير الداخلية فتحي باشاغا",
"جون فالون المدير العام لدار «بيرسون»") or as a description ("مصادر دبلوماسية مطلعة",
"المتحدث باسم الجيش"). :meth:`NPParser.parse` finds where the name starts (a known first name, or
the first indefinite word after a definite one: titles and their complements end with a
definite word, names do not start with one) and where it ends (a title word, a preposition,
punctuation). Given the entity recognizer's PERS mentions, a title chain that leads to one
(وقال المتحدث الإعلامي للجنة ... بمحافظة جدة وممثل عن الناخبين سعود التويم) yields that name, and
of two adjacent names (... باسم الرئيس باراك أوباما جوش إرنست) the second. Resolution of short
forms to the fullest name is in :mod:`arnews.analyze.quote_speakers`.
"""

from __future__ import annotations

from typing import Sequence

from arnews.analyze.quote_lexicon import QuoteLexicon, norm, strip_clitic
from arnews.analyze.quote_text import ALL_MARKS, TextIndex, Tok
from arnews.analyze.tokenize import split_proclitics
from arnews.model import Entity

from arnews.analyze.quote_words import (_KINSHIP, _PERSON_NOUNS, _QUANTIFIERS, _RELATIVE, _TITLE_MODIFIERS,
                                       MAX_DESC_WORDS, MAX_NAME_WORDS, Mention, _accusative, _ali, _pronoun_suffixed,
                                       _unsuffixed)


#: Words after في that open a date or a rank, not a place of the description (في الثامن والعشرين)
_ORDINALS = frozenset({"اول", "اخر", "احدث", "ثاني", "الاول", "الثاني", "الثالث", "الرابع", "الخامس",
                       "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي"})
#: Prepositions with a pronoun, never the start of a name (والوقاية منها)
_PREP_PRONOUNS = frozenset(p + s for p in ("من", "عن", "علي", "في", "الي", "ل", "ب", "مع", "لدي")
                           for s in ("ه", "ها", "هم", "هما", "هن"))
#: What an anonymity verb takes (فضل عدم الكشف عن اسمه، رفض الإفصاح عن هويته).
_ANONYMITY_OBJECTS = frozenset({"عدم", "الكشف", "ذكر", "الافصاح", "نشر"})
#: Verbs of a relative clause that asks for anonymity after an indefinite source (مصدر طلب عدم
#: الكشف عن اسمه): the description ends before them
_ANONYMITY_VERBS = frozenset({"فضل", "فضلت", "فضلوا", "طلب", "طلبت", "طلبوا", "رفض", "رفضت", "رفضوا",
                              "اشترط", "اشترطت", "اشترطوا", "تحفظ", "تحفظت"})
#: Words a description goes on after with عن (مسؤول عن، ممثل عن، للدفاع عن); after any other word
#: عن opens the verb's complement (وتحدثت مصادر يمنية | عن سقوط قتلى)
_ON_BEHALF = frozenset({"مسؤول", "مسؤوله", "مسؤولون", "مسؤولين", "مسؤولو", "ممثل", "ممثله", "ممثلون",
                        "ممثلين", "ممثلو", "نيابه", "دفاع", "للدفاع", "بالنيابه", "نائب", "نائبه", "متحدث",
                        "متحدثه", "ناطق", "ناطقه", "المسؤول", "المسؤوله", "الممثل", "الممثله", "المتحدث",
                        "المتحدثه", "الناطق", "الناطقه", "الدفاع"})


class NPParser:
    """Finds the speaker inside a window of tokens."""

    def __init__(self, idx: TextIndex, lex: QuoteLexicon, entities: Sequence[Entity] = ()) -> None:
        self.idx = idx
        self.lex = lex
        # PERS entity mentions by the index of the token they start in: (start, end) offsets
        self.pers_at: dict[int, tuple[int, int]] = {}
        self.pers_full: set[int] = set()          # ... of entities named in full (two words or more)
        self.place_ends: set[int] = set()         # offsets where a LOC entity mention ends
        self.in_other: set[int] = set()           # tokens inside a LOC/ORG mention (مطار الملك خالد)
        self.org_at: dict[int, tuple[int, int]] = {}   # ORG mentions by the token they start in
        for e in entities:
            if e.type == "ORG":
                for m in e.mentions:
                    self.org_at.setdefault(idx.tok_at(m.start), (m.start, m.end))
            if e.type == "LOC":
                self.place_ends.update(m.end for m in e.mentions)
            if e.type in ("LOC", "ORG"):
                for m in e.mentions:
                    i = idx.tok_at(m.start)
                    while i < len(idx.toks) and idx.toks[i].start < m.end:
                        self.in_other.add(i)
                        i += 1
            if e.type != "PERS":
                continue
            for m in e.mentions:
                i = idx.tok_at(m.start)
                if i < len(idx.toks) and idx.toks[i].start <= m.start < idx.toks[i].end:
                    self.pers_at.setdefault(i, (m.start, m.end))
                    if len(e.name.split()) > 1:
                        self.pers_full.add(i)

    # -- word classes -------------------------------------------------------------------
    def is_title(self, t: Tok) -> bool:
        """A title word, also in the feminine (أمينة، المديرة) when only the masculine is listed."""
        b = t.bare
        if b[:1] == "و" and len(b) > 4 and b[1:] in self.lex.title_words:
            return True                           # ومدير، وممثل: a coordinated title
        return b in self.lex.title_words or t.norm in self.lex.title_words or (
            len(b) > 3 and b.endswith("ه") and b[:-1] in self.lex.title_words)

    def is_first_name(self, t: Tok) -> bool:
        n = t.bare
        return n in self.lex.first_names or (n.startswith("عبد") and len(n) > 4)

    def is_stop(self, t: Tok) -> bool:
        n = t.norm
        if n == "علي" and _ali(t):
            return False                          # the name علي, not the preposition على
        return (n in self.lex.np_stop_words or n in self.lex.time_words or n in self.lex.recipient_words
                or self.lex.cue_info(n) is not None or n in ("عليه", "عليها", "صلى", "رضي", "رحمه")
                or (n[:1] == "و" and len(n) > 2 and n[1:] in self.lex.np_stop_words))

    def is_recipient(self, toks: list[Tok], j: int) -> bool:
        t = toks[j]
        if t.norm in self.lex.recipient_words:
            return True
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return t.norm in ("ل", "لـ", "ب") and nxt is not None and nxt.text in ALL_MARKS

    # -- parsing --------------------------------------------------------------------------
    def parse(self, toks: list[Tok]) -> Mention | None:
        """The speaker mention in ``toks`` (a window that starts where the subject starts)."""
        words = [t for t in toks if t.is_word]
        if not words:
            return None
        first = words[0]
        if toks[0] is first and (first.norm in _PREPOSITIONS or first.norm in (
                "علي", "الي", "لدي") and not _ali(first)):
            return None                       # (بالرد) على ذلك بقوله: a preposition opens no speaker
                                              # (written with ى: علي is also a name)
        if toks[0] is first and first.norm in _GOD:
            return Mention("الله", first.start, first.end, "person")   # قال الله تعالى، وقال تعالى
        if first.norm in self.lex.honorific_pronouns or first.bare in ("هو", "هي", "هم", "بدوره", "بدورها",
                                                                         "عنه", "عنها", "عنهم"):
            return Mention(first.text, first.start, first.end, "pronoun")
        if first.bare in self.lex.speech_event_nouns and toks[0] is first:
            return None                       # واختتم تصريحه بالقول: no subject here
        if toks[0] is first and first.norm[:1] in "لب" and first.norm[1:2] != "ل" and (
                first.norm[1:] in self.lex.source_heads or first.norm[1:] in self.lex.institution_words):
            toks = [Tok(first.i, first.start + 1, first.end, first.text[1:], first.norm[1:],
                        first.norm[1:])] + toks[1:]       # لوسائل إعلام إسبانية -> وسائل إعلام إسبانية
        # a name in marks or parentheses right at the start: وقال "الزوي":
        if toks[0].text in ALL_MARKS + "(":
            inner = self._bracketed(toks, 0)
            if inner:
                return inner
        if len(toks) > 2 and toks[0] is first and toks[1].text in ALL_MARKS and (
                first.bare in self.lex.institution_words or first.bare in self.lex.name_intro_words):
            inner = self._bracketed(toks, 1)      # مستشفى «البرت اينشتاين»، صحيفة "toda pasion"
            if inner is not None:
                return Mention(inner.name, inner.start, inner.end, "desc")
        k = self._name_start(toks)
        found = self._person(toks, k) if k is not None else self._description(toks)
        org = self.org_at.get(first.i)
        if found is not None and found.kind == "desc" and org is not None and org[1] > found.end \
                and found.start <= org[0]:
            return Mention(self.idx.text[org[0]:org[1]], org[0], org[1], "desc")   # the body tagged
                                                                                  # whole (مركز الملك سلمان ...)
        if self.pers_at:
            ent = self.entity_subject(toks)
            first_i = self.idx.tok_at(ent.start) if ent is not None else -1
            if ent is not None and (found is None or found.kind == "title" or (
                    found.kind == "desc" and (first_i in self.pers_full or ent.start > toks[0].start)) or (
                    found.kind == "person" and (ent.start < found.start and not self.in_pers(found) or
                                                self._spans_two(found) or
                                                found.end <= ent.start and not self.in_pers(found) or
                                                self._runs_past(found, ent) or
                                                found.start == ent.start and found.end < ent.end))):
                # (the last: a family name that is also a title, منصور بن محمد النقيب)
                return ent
        return found

    def _runs_past(self, found: Mention, ent: Mention) -> bool:
        """Does a parsed name run past the tagged name it starts with into a common word (ونفى
        ديل نيرو | ارتكاب أي خطأ)? A first name, a particle or a definite family name after the
        tagged words is still the name (the tagger may stop short)."""
        if found.start != ent.start or found.end <= ent.end:
            return False
        i = self.idx.tok_from(ent.end)
        if i >= len(self.idx.toks):
            return False
        t = self.idx.toks[i]
        return t.is_word and not (t.definite or self.is_first_name(t) or t.bare in self.lex.name_particles)

    def _spans_two(self, m: Mention) -> bool:
        """Does mention ``m`` run over two PERS mentions (باراك أوباما جوش إرنست)?"""
        starts = [s for s, _ in self.pers_at.values() if m.start <= s < m.end]
        return len(starts) > 1

    def in_pers(self, m: Mention) -> bool:
        """Does mention ``m`` overlap a PERS entity mention?"""
        i = self.idx.tok_at(m.start)
        while i < len(self.idx.toks) and self.idx.toks[i].start < m.end:
            if i in self.pers_at:
                return True
            i += 1
        return any(s < m.end and m.start < e for s, e in self.pers_at.values() if s < m.start)

    def entity_subject(self, toks: list[Tok]) -> Mention | None:
        """The PERS entity a subject phrase leads to: one right at its start (وحذر أوباما
        المشرعين) or one that ends a title chain (وقال المتحدث الإعلامي للجنة ... سعود التويم).
        A name followed directly by another one (... باسم الرئيس باراك أوباما جوش إرنست) is the
        title's complement: the later name is the subject."""
        hit = None
        for j, t in enumerate(toks[:24]):
            if t.i in self.pers_at:
                hit = j
                break
            if not t.is_word:
                if t.text in ALL_MARKS + "()،," or (t.text == "." and j > 0 and len(toks[j - 1].bare) == 1):
                    continue
                return None
            if j == 0 and not (self.is_title(t) or self._definite_lead(toks)):
                return None                   # only a title chain leads to a name
            if j > 0 and self.is_title(toks[j - 1]) and t.bare in _TITLE_MODIFIERS:
                continue                      # المدير العام، الرئيس التنفيذي
            if j > 0 and (self._hard_stop(t) or self.is_recipient(toks, j) or t.bare in _KINSHIP or (
                    self.is_stop(t) and t.norm not in ("في", "عن", "من"))):
                return None
        if hit is None:
            return None
        j = hit
        while True:
            s, e = self.pers_at[toks[j].i]
            k = j
            while k < len(toks) and toks[k].start < e:
                k += 1
            between = 0
            while k < len(toks) and toks[k].i not in self.pers_at and between < 5 and (
                    (toks[k].text in "،," and between == 0) or (toks[k].is_word and toks[k].definite
                                                                 and not self.is_title(toks[k]))):
                k += 1
                between += 1
            if k < len(toks) and toks[k].i in self.pers_at and toks[k].start >= e:
                j = k
                continue
            break
        k = self._first_name_before(toks, hit)
        if k is not None and j == hit:
            s = toks[k].start                 # علي أكبر [صالحي]: the tagger kept only the family name
            j = k
        title = tuple(w.bare for w in toks[:j] if w.is_word)
        return Mention(self.idx.text[s:e], s, e, "person", title)

    def _first_name_before(self, toks: list[Tok], j: int) -> int | None:
        """Where a first name the tagger left out starts right before the name at ``j``: up to
        two untitled, indefinite words of which the first is a known first name."""
        for k in (j - 1, j - 2):
            if k < 1 or not all(t.is_word and not t.definite and not self.is_title(t) and not self.is_stop(t)
                                for t in toks[k:j]):
                return None
            if self.is_first_name(toks[k]):
                return k
        return None

    def _definite_lead(self, toks: list[Tok]) -> bool:
        """A definite noun, with up to two definite adjectives, right before a PERS mention is a
        title the lexicon lacks (وقال المرشد الأعلى علي خامنئي، السناتور بوب كروكر); a body,
        a source or a preposition's object is not (وقالت الوزارة ...)."""
        t = toks[0]
        if not (t.is_word and t.definite) or t.bare in self.lex.institution_words or \
                t.bare in self.lex.source_heads or t.bare in self.lex.speech_event_nouns or t.norm[:1] in "لب":
            return False
        for j in range(1, 4):
            if j >= len(toks) or not toks[j].is_word:
                return False
            if toks[j].i in self.pers_at:
                return True
            if not toks[j].definite or toks[j].norm[:1] in "لب" or self.is_stop(toks[j]):
                return False
        return False

    def known_family(self, word: str) -> bool:
        """Is ``word`` (normalized) the family name of a person named in full in the text: the last
        word of a PERS entity mention, or a word right after a known first name (بيزان نمدار
        زنغنه ... إلا أن زنغنه أفاد)?"""
        if not hasattr(self, "_families"):
            fam = set()
            for s, e in self.pers_at.values():
                words = self.idx.text[s:e].split()
                if len(words) > 1:
                    fam.add(strip_clitic(norm(words[-1])))
            toks = self.idx.toks
            for i in range(len(toks) - 1):
                if toks[i].is_word and self.is_first_name(toks[i]) and toks[i + 1].is_word:
                    fam.add(toks[i + 1].bare)
            self._families = fam
        return word in self._families

    def _bracketed(self, toks: list[Tok], j: int) -> Mention | None:
        opener = toks[j].text
        closer = ")" if opener == "(" else None
        for e in range(j + 1, min(len(toks), j + 7)):
            if (closer and toks[e].text == closer) or (not closer and toks[e].text in ALL_MARKS):
                inner = [t for t in toks[j + 1:e] if t.is_word]
                if 1 <= len(inner) <= 4 and not any(self.lex.cue_info(t.norm) for t in inner) \
                        and not anonymity_clause(inner):
                    return Mention(self.idx.text[inner[0].start:inner[-1].end], inner[0].start,
                                   inner[-1].end, "person")
                return None
        return None

    def _name_start(self, toks: list[Tok]) -> int | None:
        """Index in ``toks`` where a personal name starts, or None (description/title).

        Candidates are a known first name, or an indefinite word right after a definite word,
        a definite title or a closing mark (titles and their complements end definite; names
        do not start with ال). A name inside a title's complement (مدينة الملك عبدالله
        الرياضية) is skipped in favour of one that ends the phrase."""
        cands = []
        prev: Tok | None = None
        seen_title = False
        for j in range(min(len(toks), 24)):
            t = toks[j]
            if j == 0 and t.is_word and (t.bare in self.lex.back_reference_words or t.bare in _QUANTIFIERS
                                         or t.bare in _KINSHIP):
                return None                   # تلك المصادر، أحد المسؤولين، والد الشهيد ...
            if not t.is_word:
                if t.text == "." and prev is not None and len(prev.bare) == 1:
                    continue                      # د. / م. abbreviations
                if t.text in ALL_MARKS + "()" or (t.text in "-–" and not cands):
                    prev = t
                    continue
                break
            before_bin = j + 1 < len(toks) and toks[j + 1].bare in ("بن", "بنت")
            modifier = prev is not None and self.is_title(prev) and t.bare in _TITLE_MODIFIERS
            if j > 0 and not before_bin and not modifier and (self._hard_stop(t) or self.is_stop(t) and not (
                    seen_title and t.norm == "في" or t.norm in ("عن", "من") and prev is not None
                    and self.is_title(prev))):
                break                             # (وممثل عن الناخبين ... سعود التويم: a title's complement)
            if self.is_title(t) or (prev is not None and self.is_title(prev) and t.bare in _TITLE_MODIFIERS):
                seen_title = True
                prev = t
                continue
            if j == 0:
                if self.is_first_name(t) or self._unknown_name_word(toks, 0):
                    cands.append(0)
                prev = t
                continue
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if self._can_start(t, prev, seen_title, nxt):
                cands.append(j)
            prev = t
        named = [k for k in cands if toks[k].i not in self.in_other]
        if not named:
            return None
        cands = named                         # not a name inside a place's or body's name (مطار الملك
        for k in cands:                       # عبدالعزيز الدولي); the first name that closes the phrase
            words = self._person_words(toks, k)
            end = k + len(words)
            nxt = toks[end] if end < len(toks) else None
            if words and len(words) > 1 and words[-1].definite and not words[-1].bare.endswith("يه") and \
                    k > 0 and (self.is_title(toks[k - 1]) or toks[k - 1].definite) and \
                    self.is_first_name(toks[k]) and any(self.is_title(t) for t in toks[:k]):
                return k                      # مدرب النجوم خالد العطوي | حسن استعداد: title, name, family
            if nxt is None or (not nxt.is_word and nxt.start not in self.idx.mark_by_open and nxt.text != "(") \
                    or self.is_title(nxt) or self._hard_stop(nxt) or self.is_stop(nxt) or \
                    nxt.norm in ("في", "من", "عن", "علي", "الى"):
                return k
        return cands[0]

    def _closing(self, t: Tok | None) -> bool:
        return t is not None and (t.start in self.idx.mark_by_close or t.text == ")")

    def _can_start(self, t: Tok, prev: Tok | None, seen_title: bool, nxt: Tok | None) -> bool:
        if t.definite or t.bare in self.lex.institution_words or t.bare in self.lex.speech_event_nouns \
                or t.bare in _KINSHIP and t.bare not in self.lex.name_particles:
            return False
        if nxt is not None and nxt.bare in ("بن", "بنت") and t.is_word and not t.bare.isdigit():
            return True                       # على بن الحسين: a word before بن is a name
        if t.norm.startswith("و") and not self.is_first_name(t) and not (
                prev is not None and prev.definite and self.is_title(prev) and (
                    nxt is None or not nxt.is_word or self.is_stop(nxt) or self._hard_stop(nxt))):
            return False                      # (but: البروفيسور واس، a name after a title)
        if t.bare.isdigit() or t.norm in self.lex.np_stop_words or _pronoun_suffixed(t) or \
                t.norm in _PREP_PRONOUNS:
            return False
        if t.norm == "باسم" and (nxt is None or not nxt.is_word or nxt.definite or
                                 nxt.bare in self.lex.institution_words):
            return False                      # باسم الحكومة: "on behalf of", not the name Basem
        if prev is not None and prev.bare in self.lex.name_particles:
            return False
        if self.is_first_name(t) and (seen_title or prev is None or prev.definite or self._closing(prev)):
            return True
        if prev is not None and prev.definite and prev.bare in self.lex.institution_words and \
                not self.is_title(prev):
            return False                      # وشددت الهيئة أهمية تقديم: a body and its object
        if nxt is not None and nxt.is_word and nxt.definite and not nxt.bare.endswith("ي") and \
                nxt.bare not in self.lex.name_particles and not (prev is not None and self.is_title(prev)):
            return False                      # موعد الإعلان, جاهزية المنتخب: a noun and its genitive
        if t.norm[:1] in "بلك" and not self.is_first_name(t) and not (
                len(t.norm) > 3 and nxt is not None and nxt.is_word and nxt.definite and nxt.bare.endswith("ي")):
            return False                      # بمحافظة، لوكالة: a preposition, not a name
        return prev is not None and (prev.definite or self._closing(prev)
                                     or (self.is_title(prev) and prev.definite)
                                     or (prev.is_word and len(prev.bare) == 1) or prev.text == ".")

    def _hard_stop(self, t: Tok) -> bool:
        n = t.norm
        return (n in self.lex.complementizers or n in self.lex.time_words or self.lex.cue_info(n) is not None
                or n in _RELATIVE or n in ("وهو", "وهي", "نفسه", "نفسها", "ذاته", "عليه", "صلى", "رضي"))

    def _family_like(self, t: Tok) -> bool:
        """A definite word that is probably a family name (not a title, institution, source
        noun or plural): الحسيني، المعيبد."""
        bare = t.bare[2:] if t.bare.startswith("ال") else t.bare
        return not (self.is_title(t) or bare in _KINSHIP or bare in _PERSON_NOUNS
                    or bare in self.lex.institution_words or t.bare in self.lex.institution_words
                    or bare in self.lex.source_heads or t.bare in self.lex.source_heads
                    or bare in self.lex.title_words or self._common_plural(t)
                    or t.bare in self.lex.speech_event_nouns or bare in self.lex.speech_event_nouns)

    def _common_plural(self, t: Tok) -> bool:
        return t.bare.endswith(("ون", "ين", "ات")) and len(t.bare) > 4

    def _unknown_name_word(self, toks: list[Tok], j: int) -> bool:
        """An indefinite first word starts a name unless it is a source noun, a plural, or
        heads an idafa/adjective chain with a definite word (ملخص تقرير لجنة التحقيق)."""
        t = toks[j]
        if t.definite or t.bare in self.lex.institution_words or t.bare in self.lex.source_heads or \
                self._common_plural(t) or t.norm in self.lex.np_stop_words or t.bare in _QUANTIFIERS:
            return False
        for u in toks[j + 1:j + 6]:
            if not u.is_word or self.is_stop(u) or self.is_title(u):
                break
            if u.definite:
                return False
        return True

    def _person_words(self, toks: list[Tok], k: int) -> list[Tok]:
        words: list[Tok] = []
        seen_def = joined = False
        for n, t in enumerate(toks[k:], k):
            if not t.is_word:
                if t.text in "-‐" and words and words[-1].end == t.start and n + 1 < len(toks) and \
                        toks[n + 1].is_word and toks[n + 1].start == t.end:
                    joined = True             # فرانك-فالتر: a hyphenated name
                    continue
                break
            if words and (self.is_title(t) and t.bare not in self.lex.name_particles):
                break
            nxt = toks[n + 1] if n + 1 < len(toks) else None
            particle = t.bare in self.lex.name_particles and "إ" not in t.text and nxt is not None \
                and nxt.is_word and not nxt.definite     # لويس فان غال: فان is not فإن here
            if words and not particle and (self.is_stop(t) or t.bare in self.lex.speech_event_nouns):
                break
            if words and t.norm.startswith("و") and (t.norm[1:] in self.lex.first_names or
                                                     t.norm[1:3] == "ال" or t.norm == "و"):
                break
            if words and t.norm[:1] in "بل" and (t.norm[1:3] == "ال" or t.norm[:2] == "لل" or
                                                 t.norm[1:] in self.lex.speech_event_nouns):
                break
            if seen_def and not joined and t.bare not in self.lex.name_particles and not (
                    words and words[-1].bare in self.lex.name_particles):
                break
            if words and _pronoun_suffixed(t):
                break
            if words and t.norm in _ELATIVES and nxt is not None and nxt.is_word and not nxt.definite and \
                    not (len(words) == 1 and self.is_first_name(words[0])):   # (علي أكبر ولايتي)
                break                             # بن كاردين | اكبر عضو ديمقراطي في اللجنة
            if words and t.norm[:1] == "ل" and not self.is_first_name(t) and t.bare not in self.lex.name_particles:
                break                             # نتنياهو | لرانتشي: a recipient
            if words and not self.is_first_name(t) and t.bare not in self.lex.name_particles and \
                    t.norm != "عبد" and not t.definite and nxt is not None and nxt.is_word and nxt.definite \
                    and not nxt.bare.endswith("ي") and nxt.bare not in self.lex.name_particles \
                    and not self.is_title(nxt):
                break                             # خالد شراحيلي | معسكر الفريق
            if words and t.definite and not (words[-1].bare in self.lex.name_particles or words[-1].norm == "عبد"):
                later = toks[n + 1] if n + 1 < len(toks) else None
                if later is not None and later.is_word and later.definite and not self.is_title(later) \
                        and later.bare not in self.lex.name_particles and (
                            t.bare in self.lex.institution_words or t.bare in self.lex.source_heads or
                            t.bare in self.lex.name_intro_words or t.bare in self.lex.speech_event_nouns):
                    break                         # عبدالله بن سعد | الاتحاد السعودي (not: خالد العرج التعازي)
            words.append(t)
            if t.definite and not joined and not (len(words) > 1 and words[-2].norm in ("عبد", "ابو", "أبو")):
                seen_def = True
            joined = False
            if len(words) >= MAX_NAME_WORDS:
                break
        while words and words[-1].bare in self.lex.name_particles:
            words.pop()
        return words

    def _person(self, toks: list[Tok], k: int) -> Mention:
        words = self._person_words(toks, k)
        if not words:
            return self._description(toks)
        title = tuple(w.bare for w in toks[:k] if w.is_word)
        tail = [t for t in toks[k + len(words):] if t.is_word][:4]
        if tail and self.is_title(tail[0]):
            title = title + tuple(t.bare for t in tail)
        return Mention(self.idx.text[words[0].start:words[-1].end], words[0].start, words[-1].end,
                       "person", title)

    def _description(self, toks: list[Tok]) -> Mention | None:
        words: list[Tok] = []
        j = 0
        while j < len(toks):
            t = toks[j]
            if not t.is_word:
                if t.text == "." and words and len(words[-1].bare) == 1 and j + 1 < len(toks):
                    j += 1                        # د. الزياني: an abbreviated title
                    continue
                if t.text == "(" and words:
                    close = next((e for e in range(j + 1, min(len(toks), j + 6)) if toks[e].text == ")"), None)
                    if close is not None:
                        words.extend(w for w in toks[j + 1:close] if w.is_word)
                        j = close + 1
                        continue
                if t.text in ALL_MARKS and words:
                    inner = self._bracketed(toks, j)
                    head = words[0].bare
                    if inner is not None and (head in self.lex.institution_words or
                                              head in self.lex.name_intro_words):
                        return Mention(inner.name, inner.start, inner.end, "desc")
                break
            if words and t.norm == "من" and any(w.norm == "من" for w in words):
                break                             # عدد من أولياء الأمور | من سطوة المعدلات
            if words and t.norm in ("في", "من", "عن") and j + 1 < len(toks) and toks[j + 1].is_word and \
                    not (t.norm == "عن" and words[-1].bare not in _ON_BEHALF):
                nxt = toks[j + 1]
                if nxt.bare in self.lex.speech_event_nouns or _unsuffixed(nxt.bare) in self.lex.speech_event_nouns or nxt.norm in self.lex.time_words or \
                        self.lex.cue_info(nxt.norm) or nxt.norm in self.lex.np_stop_words or \
                        nxt.norm in self.lex.complementizers or nxt.norm in _ORDINALS or nxt.text[:1].isdigit():
                    break
                words.append(t)
                j += 1
                continue
            if words and t.norm in ("منه", "منها", "منهم", "منهما") and words[-1].definite and \
                    words[-1].norm[:1] == "و":
                words.append(t)                   # لمكافحة الأمراض والوقاية منها: the name's last word
                break
            if words and (self.is_stop(t) or self.is_recipient(toks, j) or t.bare in _QUANTIFIERS
                          or t.text[:1].isdigit() or t.norm in _NUMBER_WORDS):
                break                             # (رجل ياباني | تسعة أطفال: a number opens the object)
            if words and anonymity_clause(toks[j:j + 2]):
                break                             # مسؤول محلي | فضل عدم الكشف عن اسمه
            if words and t.norm[:1] in "بل" and (t.norm[1:] in self.lex.speech_event_nouns or len(t.norm) <= 2):
                break
            if words and t.norm.startswith("ل") and not t.norm.startswith("لل") and \
                    (t.norm[1:] in self.lex.name_intro_words or t.norm[1:] in self.lex.source_heads) and \
                    not (self.is_title(words[0]) and t.norm[1:] in self.lex.institution_words
                         and t.norm[1:] not in self.lex.name_intro_words):
                break                             # (المتحدث الأمني لوزارة الداخلية: the title's body)
            if words and _pronoun_suffixed(t):
                break
            if len(words) >= 2 and t.definite and self.is_title(t) and not self.is_title(words[0]) and (
                    words[0].bare in self.lex.institution_words or words[0].bare in self.lex.source_heads):
                break                             # شركة المياه الوطنية | الدكتور لؤي المسلم
            if words and words[-1].definite and not self.is_title(words[-1]) and t.norm[:1] == "ب" and len(t.norm) > 3 and \
                    t.norm[1:3] != "ال" and t.norm != "باسم" and t.i not in self.in_other and \
                    t.norm[1:] not in self.lex.institution_words and t.norm[1:] not in self.lex.source_heads:
                break                             # الشركة | بإصدار تحذير: ب + indefinite noun is a complement
            if words and words[-1].definite and t.norm[:1] in "وف" and not t.definite and \
                    split_proclitics(t.norm)[0] and not self.is_first_name(t) and \
                    not t.norm.endswith(("ون", "ين", "ات")) and \
                    t.norm[1:] not in self.lex.source_heads and t.norm[1:] not in self.lex.institution_words and (
                        j + 1 >= len(toks) or not toks[j + 1].definite):
                break                             # الملك | وشعر باقتراب أجله (a verb, not وحماية البيئة
                                                  # nor a plural: السكان ومسعفون)
            if words and words[-1].definite and not t.definite and not self.is_title(t) \
                    and t.bare not in self.lex.institution_words and (t.norm[:1] not in "بلوفك" or
                                                                      _accusative(t) or _stem_waw(t)) \
                    and t.norm not in ("في", "من", "عن") and not (len(words[-1].bare) == 1):
                break                             # المتحدث الرسمي للاتحاد | موعد الإعلان؛ الثني | حكومة
            if words and not words[-1].definite and words[-1].bare.endswith(("ون", "ين")) and \
                    len(words[-1].bare) > 4 and not t.definite and t.norm[:1] not in "بلوفك" and \
                    not t.bare.endswith(("ي", "يه", "ون", "ين", "ات")) and t.norm not in ("في", "من", "عن"):
                break                             # خبراء ومختصون | مشاركة المرأة (no idafa after -ون)
            if len(words) >= 3 and words[-2].norm in ("في", "من") and words[-1].end in self.place_ends \
                    and not (t.definite and t.bare.endswith(("ي", "يه"))):
                break                             # ناخبات في الأحساء | اللجنة العامة (the object)
            if words and t.definite and not words[-1].definite and words[-1].bare.endswith(("يه", "ي")) \
                    and len(words) >= 2 and len(words[-1].bare) > 3 and words[-1].norm[:1] != "و" and \
                    words[-1].bare not in self.lex.institution_words:
                break                             # وسائل اعلام ألمانية | التحقيق
            words.append(t)
            if len(words) >= MAX_DESC_WORDS:
                break
            j += 1
        while words and (words[-1].norm in ("في", "من", "عن", "و") or words[-1].norm in self.lex.np_stop_words):
            words.pop()
        if not words:
            return None
        first = words[0]
        kind = "desc"
        if self.is_title(first) and (first.definite or _definite_chain(words)):
            kind = "title"
        elif len(words) == 1 and first.definite and self._family_like(first):
            kind = "person"                       # الجبير، المعيبد: a family name
        return Mention(self.idx.text[words[0].start:words[-1].end], words[0].start, words[-1].end, kind,
                       tuple(w.bare for w in words))


def anonymity_clause(words: Sequence[Tok]) -> bool:
    """Do ``words`` open an anonymity clause (رفض الإفصاح عن هويته، فضل عدم ذكر اسمه)?"""
    return len(words) >= 2 and words[0].norm in _ANONYMITY_VERBS and words[1].norm in _ANONYMITY_OBJECTS


def _stem_waw(t: Tok) -> bool:
    """Does the word begin with a و of its stem (وجهت directed, وصلت), not the conjunction? A
    sound plural is a noun after the conjunction (ومسعفون) whatever the counts say."""
    return t.norm[:1] == "و" and not split_proclitics(t.norm)[0] and not t.norm.endswith(("ون", "ين", "ات"))


#: Prepositions (and a lone ب/ل clitic before marks: وصفها بـ"...") that open no speaker.
_PREPOSITIONS = frozenset({"في", "مع", "حول", "ضد", "تجاه", "بين", "ب", "ل"})
#: Cardinal numbers written as words.
_NUMBER_WORDS = frozenset({"اثنان", "اثنين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "سته", "سبع", "سبعه",
                           "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "مئه", "مائه", "الف", "مليون"})
#: Elatives that open an appositive after a name (أكبر عضو، أبرز قادة); none is a name.
_ELATIVES = frozenset({"اكبر", "اصغر", "اقدم", "ابرز", "اهم", "اعلي", "اكثر", "افضل", "احدث", "اشهر"})
#: The subject of a verse quoted as scripture: الله, or تعالى / سبحانه standing for Him.
_GOD = frozenset({"الله", "تعالي", "سبحانه"})


def _definite_chain(words: Sequence[Tok]) -> bool:
    """Is the construct chain after an indefinite title definite (أمين منطقة الجوف, مدير عام
    الشركة, رئيس مجلس إدارة البنك): a definite word within three nouns, none of them behind a
    preposition (متحدث باسم الوزارة is one spokesman, not the one)."""
    for w in words[1:4]:
        if w.definite:
            return True
        if w.norm[:1] in "بلك" and w.bare != w.norm or w.norm in ("في", "من", "عن", "علي", "الي", "باسم"):
            return False
    return False

