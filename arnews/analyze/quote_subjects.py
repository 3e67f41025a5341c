"""Who is speaking: the subject of a cue, before or after it, and the speaker of cues without one.

* After a verb cue (VSO order), the source phrase runs from the cue (after a recipient such as
  لـ«عكاظ», adverbs and time words) to the content; it is read by :class:`NPParser`, and a name
  set off by commas, marks or parentheses (apposition) or a PERS entity ending a title chain
  (وقال المتحدث الرسمي ... سعود التويم) replaces a bare title or description.
* Before a cue (SVO order: "الوزير أكد"، "لكن منتقدين يقولون إن") the phrase back to the clause
  start is the subject when it is a plausible source.
* A cue without a subject (وأضاف، مضيفا، قائلا) continues a speaker: that of the same sentence,
  of the sentence's main clause (من جهته، أعرب فلان ...، مشيرا إلى), of an earlier subject-only
  cue, or of the previous quote.

The methods run inside :class:`arnews.analyze.quotes._Extractor`, whose state they share.
"""

from __future__ import annotations

from arnews.analyze.quote_rules import _Cand
from arnews.analyze.quote_speakers import Mention
from arnews.analyze.quote_text import ALL_MARKS, Tok
from arnews.analyze.quote_words import _PERSON_NOUNS, _marked_accusative


class SubjectRules:
    """Mixin for the extractor: subjects of cues and speakers of continuation cues."""

    # ------------------------------------------------------------------ subjects
    def _subject(self, ci: int, np_from: int, content_at: int, info) -> Mention | None:
        toks = self.toks[np_from:max(np_from, content_at)]
        if info.kind == "noun":
            return self._noun_cue_source(ci)
        if info.kind == "participle":
            return None             # مضيفا، مشيرا: the subject is that of the clause before
        if info.kind == "verb":
            kana = self._pre_subject(ci, after_kana=True)
            if kana is not None:
                return kana
        tongue = self._tongue_of(toks)
        if tongue is not None:
            return tongue
        mention = self._np_subject(toks)
        if mention is None and info.kind == "verb":
            mention = self._pre_subject(ci)
        return mention

    def _np_subject(self, toks: list[Tok]) -> Mention | None:
        """The source phrase at the start of ``toks`` (the words after a verb)."""
        # skip a leading recipient ("لـ«عكاظ»"), adverbs and time words
        j = 0
        while j < len(toks):
            t = toks[j]
            if self.parser.is_recipient(toks, j):
                j += 1
                if j < len(toks) and toks[j].text in ALL_MARKS:
                    mk = self.idx.mark_by_open.get(toks[j].start)
                    if mk is not None and mk.close is not None:
                        while j < len(toks) and toks[j].start <= mk.close:
                            j += 1
                        continue
                if j < len(toks) and toks[j].is_word and toks[j].norm not in self.lex.np_stop_words:
                    j += 1
                continue
            if t.norm in self.lex.time_words or t.norm in ("ايضا", "كذلك", "مرارا", "سريعا", "بدوره", "ذلك", "هذا",
                                                           "بدورها", "مجددا", "اخيرا", "صراحه", "فيه",
                                                           "فيها", "عنه", "عنها", "له", "لها", "لهم", "لنا"):
                j += 1
                continue
            if t.norm == "لي" and (j + 1 == len(toks) or toks[j + 1].text in ":" + ALL_MARKS or
                                   toks[j + 1].norm in self.lex.complementizers or
                                   t.i not in self.parser.pers_at and (self.parser.is_title(toks[j + 1]) or
                                                                       toks[j + 1].bare in self.lex.source_heads)):
                j += 1              # وقال لي: «...» (me), not the name Li (وقال لي كه تشيانغ إن)
                continue
            if t.norm in ("،", ","):
                j += 1
                continue
            if t.norm == "اول" and [x.norm for x in toks[j + 1:j + 3]] == ["من", "امس"]:
                j += 3              # أعلنت أول من أمس أن: the day before yesterday
                continue
            if t.norm in _ADVERBIAL_PREPS and j + 1 < len(toks) and toks[j + 1].is_word and \
                    toks[j + 1].bare not in _ISSUED and not self.parser.is_first_name(toks[j + 1]) and \
                    not toks[j + 1].text[:1].isdigit():
                indefinite = not toks[j + 1].definite
                j += 2              # وتحدث في المظاهرة أيضا ألان ديشويتز؛ وقال بهذه المناسبة:
                while j < len(toks) and toks[j].is_word and not self.parser.is_title(toks[j]) and (
                        toks[j].definite or indefinite and toks[j].norm.endswith(("ي", "يه"))
                        and not self.parser.is_first_name(toks[j])):
                    j += 1          # ... and its adjectives: وأكدن في اتصالات هاتفية
                continue
            break
        rest = toks[j:]
        mention = None
        if rest and rest[0].norm in self.lex.not_comp_after:
            return None             # ويؤكد بضرورة التحلي باليقظة: a complement, not a subject
        if rest and _marked_accusative(rest[0]):
            return None             # اعتبر وقتها حصاداً مناسباً: an accusative is an object
        if len(rest) > 1 and rest[1].norm in self.lex.honorific_pronouns and not self.parser.is_title(rest[0]):
            return None             # وأكد حرص سموه على أن: "his Highness's keenness", an object
        if len(rest) > 1 and rest[1].is_word and len(rest[1].norm) > 3 and \
                rest[1].text.endswith(("ه", "ها", "هم")) and not rest[1].norm.endswith("الله") and \
                not rest[0].definite and \
                not self.parser.is_title(rest[0]) and rest[0].bare not in _KINSHIP_BASES and \
                rest[0].bare not in _QUANTIFIERS and rest[0].bare not in self.lex.source_heads and \
                not rest[0].bare.endswith(("ون", "ين", "اء", "و")) and rest[0].bare not in _PERSON_NOUNS and \
                not self.parser.is_first_name(rest[0]) and rest[0].i not in self.parser.pers_at:
            return None             # وأكد حرص بلاده على: "his country's keenness", an object
                                    # (not: أحد جيرانه، مصادر مطلعه، زملاء دراسته)
        if rest and (rest[0].is_word and not self.parser.is_stop(rest[0]) or rest[0].text in ALL_MARKS + "("):
            mention = self._issuer(rest) or self.parser.parse(rest)
            if mention is not None and mention.kind != "pronoun" and rest[0].is_word and \
                    mention.start == rest[0].start and (self._object_like(rest[0]) or self._oblique_plural(rest[0])):
                mention = None      # يؤكد اهتمامه بضم راموس؛ وطالب المتعاملين: an object, not a subject
        if mention is None or mention.kind == "title" or (
                mention.kind == "desc" and (self.parser.is_title(rest[0]) or rest[0].bare in
                                            self.lex.institution_words)):
            appos = self._apposition(toks)
            if appos is not None and (mention is None or appos.start > mention.start):
                title = mention.title if mention is not None else ()
                mention = Mention(appos.name, appos.start, appos.end, "person", title)
        return mention

    def _object_like(self, t: Tok) -> bool:
        """A noun with a possessive pronoun suffix (اهتمامه، رفضها، دعمهم) opening the words after
        a verb is its object; kinship nouns (والدته، شقيقه) and names are not ruled out."""
        w = t.text.rstrip("ًٌٍَُِّْ")
        n = t.norm
        if len(n) < 5 or self.parser.is_first_name(t) or n.endswith("الله") or t.i in self.parser.pers_at:
            return False
        if not (w.endswith(("ه", "ها", "هم", "هما")) and not w.endswith("ة")):
            return False
        base = n[:-2] if n.endswith(("ها", "هم")) else n[:-1]
        base = base[:-1] + "ه" if base.endswith("ت") else base
        return base not in _KINSHIP_BASES and base not in self.lex.title_words and base not in _QUANTIFIERS

    def _oblique_plural(self, t: Tok) -> bool:
        """A sound plural in -ين right after a verb (وطالب المتعاملين في السوق) is its object: a
        subject would be in -ون (المتعاملون). Names in -ين (الحسين، ياسين) are not plurals."""
        b = t.bare[2:] if t.bare.startswith("ال") else t.bare
        return len(b) >= 6 and b.endswith("ين") and not self.parser.is_first_name(Tok(0, 0, 0, b, b, b)) and \
            t.i not in self.parser.pers_at and not self.parser.known_family(t.bare)

    def _tongue_of(self, toks: list[Tok]) -> Mention | None:
        """"على لسان X": the words are X's, whoever reports them (وقالت الصحيفة على لسان اللاعب)."""
        for j in range(1, len(toks) - 1):
            if toks[j].norm == "لسان" and toks[j - 1].norm == "علي":
                m = self.parser.parse(toks[j + 1:])
                if m is not None:
                    return m
        return None

    def _issuer(self, toks: list[Tok]) -> Mention | None:
        """The issuer of a statement that is the subject: "وأفاد بيان صحفي أصدره قطاع فلسطين"،
        "وذكر بيان صادر عن الوزارة" -> the issuer, not the statement."""
        if not toks or toks[0].bare not in _ISSUED and not (toks[0].bare[:2] == "ال" and toks[0].bare[2:] in _ISSUED):
            return None
        if len(toks) > 1 and toks[1].is_word and toks[1].definite and not toks[0].definite and \
                not toks[1].bare.endswith(("ي", "يه")):
            return self.parser.parse(toks[1:])  # وأكد بيان الوزارة أن: the statement's author
        for j in range(1, min(len(toks) - 1, 5)):
            n = toks[j].norm
            if n in _ISSUE_VERBS:               # بيان أصدره ...، التقرير الذي أصدرته شركة ...
                return self.parser.parse(toks[j + 1:])
            if n.startswith("لل") and j == 1 and len(n) > 4:     # بيان للوزارة = بيان لـ + الوزارة
                m = self.parser.parse([Tok(toks[j].i, toks[j].start + 2, toks[j].end, toks[j].text[2:], n[2:],
                                           n[2:])] + toks[j + 1:])
                return Mention("ال" + m.name, m.start, m.end, m.kind, m.title) if m and m.kind == "desc" else m
            if n in ("عن",) and j > 1 and toks[j - 1].norm in ("صادر", "الصادر", "صدر", "الصادره", "صادره"):
                return self.parser.parse(toks[j + 1:])
            if n in ("ل", "لـ") or (n.startswith("ل") and len(n) > 3 and j == 1 and not n.startswith("لل")):
                inner = toks[j + 1:] if n in ("ل", "لـ") else [Tok(toks[j].i, toks[j].start + 1, toks[j].end,
                                                                   toks[j].text[1:], n[1:], n[1:])] + toks[j + 1:]
                return self.parser.parse(inner)     # بيان لوزارة الصحة -> وزارة الصحة
        if not toks[0].definite:                # وأفاد تقرير صدر حديثا بأن: the statement itself
            end = 1
            while end < min(len(toks), 3) and toks[end].is_word and not toks[end].definite and \
                    toks[end].bare.endswith(("ي", "يه")):
                end += 1                        # بيان صحفي، تقرير أممي
            return Mention(self.idx.text[toks[0].start:toks[end - 1].end], toks[0].start, toks[end - 1].end, "desc",
                           tuple(t.bare for t in toks[:end]))
        return None

    def _apposition(self, toks: list[Tok]) -> Mention | None:
        """A name set off by commas, marks or parentheses in the subject window."""
        for j, t in enumerate(toks):
            if t.text in ALL_MARKS + "(":
                prev = toks[j - 1] if j > 0 else None
                if self._name_context(prev) and prev.bare not in (
                        "الجنرال", "الرئيس", "الامير", "الملك", "الشيخ", "اللاعب", "المدرب"):
                    continue
                m = self.parser._bracketed(toks, j)
                if m is not None and (prev is None or prev.text in "،," or prev.definite or t.text == "("
                                      or self.parser.is_title(prev)):
                    nxt_i = next((e for e in range(j + 1, len(toks)) if toks[e].text in ALL_MARKS + ")"), None)
                    if nxt_i is None:
                        continue
                    g = toks[nxt_i].i + 1          # look past the window: what follows the name?
                    after = self.toks[g] if g < len(self.toks) else None
                    if after is None or after.text in "،,:" or not after.is_word or \
                            after.norm in self.lex.complementizers:
                        return m
            elif t.text in "،," and j + 1 < len(toks) and self.parser.is_first_name(toks[j + 1]):
                k = self.parser._name_start(toks[j + 1:])
                if k == 0:                     # المتحدث الرسمي ...، أحمد فوزي: إن
                    m = self.parser._person(toks[j + 1:], 0)
                    g = self.idx.tok_from(m.end)
                    after = self.toks[g] if g < len(self.toks) else None
                    if after is None or after.text in "،,:" or after.norm in self.lex.complementizers:
                        return m
            elif t.is_word and (t.norm in self.lex.time_words or self.lex.cue_info(t.norm)) and j > 0:
                break
        return None

    def _pre_subject(self, ci: int, after_kana: bool = False) -> Mention | None:
        """Subject before the cue (subject-verb order): "لكن منتقدين يقولون إن". With
        ``after_kana`` only a subject opened by كان/كانت counts ("وكانت الوزيرة ... وصفت")."""
        _, s_start, _ = self._sent_bounds(self.toks[ci].start)
        j = ci - 1
        crossed_comma = False
        while j >= 0 and self.toks[j].norm in ("قد", "لقد"):
            j -= 1
            if j >= 0 and self.toks[j].text in "،," and not crossed_comma:
                crossed_comma = True
                j -= 1
        end = j
        if j >= 1 and self.toks[j].norm in ("التي", "الذي", "الذين"):
            return self._antecedent(j, s_start)      # ...بحسب بلقيس نفسها، التي أكدت أن
        while j >= 0 and self.toks[j].start >= s_start:
            t = self.toks[j]
            if not t.is_word and t.text not in ALL_MARKS + "()":
                break
            if t.norm in ("لكن", "ولكن", "بينما", "اما", "واما", "حيث", "فيما", "اذ", "كما", "حتى", "ثم",
                          "بل", "وان", "ان", "الا", "غير", "عندما", "بعدما", "حين", "لكنه", "لكنها", "اذا",
                          "لو", "كلما", "لما", "اي", "التي", "الذي", "الذين", "وقد",
                          "ولكنه", "ولكنها", "انه", "انها", "لذا", "لذلك", "مما", "ما", "وعندما", "وحين",
                          "وبعدما", "ولما", "الي", "علي", "عن", "مع", "لدي", "تجاه"):
                # (a preposition: نقلنا المعاناة إلى أسامة الزيتوني مدير الإعلام ... أوضح أن)
                if t.norm in ("لكنه", "لكنها", "ولكنه", "ولكنها") and j == end:
                    return Mention(t.text, t.start, t.end, "pronoun")
                break
            if self.lex.cue_info(t.norm) is not None:
                return None
            j -= 1
        if 0 <= j < end and self.toks[j].norm in ("التي", "الذي", "الذين") and j - 1 >= 0 and \
                self.toks[j].start >= s_start:
            ante = self._antecedent(j, s_start)      # فابيوس الذي غالبا ما رفع شروطه ... يقول: «
            if ante is not None and ante.kind in ("person", "title"):
                return ante
        toks = self.toks[j + 1:end + 1]
        if after_kana and not (toks and toks[0].bare in ("كان", "كانت", "وكان", "وكانت")):
            return None
        if toks and toks[0].norm == "لسان":
            toks = toks[1:]         # تصريحات على لسان اللاعب قال فيها: the player
        while toks and toks[0].bare in ("كان", "كانت", "وكان", "وكانت", "قد", "و", "ف"):
            toks = toks[1:]
        words = [t for t in toks if t.is_word]
        if words and _marked_accusative(words[0]):
            return None             # حصاداً مناسباً ... يقول: an accusative is no subject
        if not words or len(words) > 9 or words[0].norm in self.lex.np_stop_words or \
                words[0].norm[:2] in ("في", "وف", "لل", "بال"):
            return None
        if words[0].norm[:1] == "و" and words[0].bare == words[0].norm and \
                not self.parser.is_first_name(words[0]):
            return None             # و + verb: the window reached back into another clause
        if words[0].norm[:1] == "و" and words[0].bare != words[0].norm:
            toks = [Tok(toks[0].i, toks[0].start + 1, toks[0].end, toks[0].text[1:], toks[0].norm[1:],
                        toks[0].bare)] + toks[1:]
        m = self.parser.parse(toks)
        return m if m is not None and self._plausible(m, strict=True) else None

    def _antecedent(self, rel: int, s_start: int) -> Mention | None:
        """The noun phrase a relative pronoun (التي، الذي) refers back to."""
        j = rel - 1
        while j >= 0 and (self.toks[j].text in "،," or self.toks[j].norm in ("نفسه", "نفسها", "ذاته", "ذاتها")):
            j -= 1
        end = j
        while j >= 0 and self.toks[j].start >= s_start and end - j < 5 and self.toks[j].is_word and \
                not self.parser.is_stop(self.toks[j]) and self.toks[j].norm[:1] not in "بلو":
            j -= 1
        m = self.parser.parse(self.toks[j + 1:end + 1])
        return m if m is not None and self._plausible(m) else None

    def _plausible(self, m: Mention, strict: bool = False) -> bool:
        """Is a subject found by position (before the cue, or after a sentence's first verb)
        a likely source? Names, titles, pronouns and source/institution nouns are; an
        arbitrary noun phrase (وصول سموه، تصوير الأغنية) is not."""
        if m.kind in ("pronoun", "title"):
            return True
        words = m.name.split()
        first = words[0]
        n = first.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه").replace("ى", "ي")
        bare = n[2:] if n.startswith("ال") else n
        if m.kind == "person":
            return not strict or len(words) > 1 or self.parser.is_first_name(
                Tok(0, 0, 0, first, n, n)) or n.startswith("ال") or self.parser.known_family(n)
        if bare.endswith("ات") and bare[:-2] + "ه" in self.lex.institution_words:
            return True             # جماعات، جمعيات، منظمات: institutions
        return (bare in self.lex.source_heads or bare in self.lex.institution_words or n in self.lex.source_heads
                or bare in _KINSHIP_BASES or bare in _PERSON_NOUNS
                or n in self.lex.institution_words or bare in self.lex.title_words or
                bare.endswith(("ون", "ين")) or (bare.endswith("ات") and not strict) or
                (bare.endswith("و") and len(bare) > 4) or     # محررو المجلة، مسؤولو الوزارة
                n in ("عدد", "بعض", "احد", "بعضهم"))

    def _noun_cue_source(self, ci: int) -> Mention | None:
        """ونقلت الصحيفة عن الوزير قوله: — the source is the object of عن."""
        _, s_start, _ = self._sent_bounds(self.toks[ci].start)
        j = ci - 1
        if ci > 0 and self.toks[ci - 1].norm in ("عنه", "عنها", "عنهم"):
            t = self.toks[ci - 1]
            return Mention(t.text, t.start, t.end, "pronoun")
        if self.toks[ci].norm.startswith("ب"):       # أكد دوغان بالقول: the subject of that verb
            for k in range(ci - 1, max(-1, ci - 8), -1):
                if self.toks[k].start < s_start or self.toks[k].text in "،,.":
                    break
                info = self.lex.cue_info(self.toks[k].norm)
                if info is not None and info.kind == "verb":
                    return self.parser.parse(self.toks[k + 1:ci]) if k + 1 < ci else None
            return None
        while j >= 0 and self.toks[j].start >= s_start and ci - j < 30:
            if self.toks[j].text in ".:" or self.lex.cue_info(self.toks[j].norm) is not None and \
                    self.lex.cue_info(self.toks[j].norm).kind == "noun":
                break
            if self.toks[j].norm == "عن":        # نقلت ... عن باولو شاكاريان، وهو أحد الباحثين ... قوله
                return self.parser.parse(self.toks[j + 1:ci])
            j -= 1
        return None

    def _continuation(self, c: _Cand, done, history, resolver) -> tuple[str | None, Mention | None]:
        """Speaker of a cue without its own subject (وأضاف، مضيفا، قائلا، وقال:)."""
        same = [name for cc, name in done if cc.sent == c.sent and name]
        if same:
            return same[-1], None
        a, _ = self.idx.sents[c.sent]
        initial = c.cue is None or not [t for t in self.idx.words(a, c.cue.start)
                                        if t.norm not in _OPENERS]
        if not initial:
            subj = self.sent_subject.get(c.sent) or self._main_subject(c.sent)
            if subj is not None:
                return resolver.resolve(subj, history), subj
        last_quote = max((cc.anchor for cc, name in done if name), default=-1)
        before = [(pos, m) for pos, m in self.subject_only if last_quote < pos < c.anchor]
        if before:
            m = before[-1][1]
            return resolver.resolve(m, history), m
        if not history:
            return self._recent_subject(c.sent, resolver, history, c.cue)
        return None, None

    def _recent_subject(self, sent: int, resolver, history, cue: Tok | None = None) -> tuple[str | None, Mention | None]:
        """The person a quote without a named speaker most likely continues when no quote came
        before it: the subject of one of the two previous sentences (رفع معالي وزير الخدمة المدنية
        خالد العرج التعازي ... وقال معاليه)، else the article's most mentioned person."""
        plural = cue is not None and _plural_cue(cue)
        for s in range(sent - 1, max(-1, sent - 3), -1):
            subj = self._main_subject(s)
            if subj is not None and (subj.kind in ("person", "title") and not plural or
                                     plural and subj.kind == "desc" and _plural_np(subj)):
                return resolver.resolve(subj, history), subj     # (أبدى محللون ... وأشاروا إلى أن)
        salient = resolver.salient_person()
        if salient:
            return salient, None
        if sent > 0:                # والتقت "سبق" مدير عام فرع الوزارة علي آل عامر ... وقال: "..."
            last = self._last_person(sent - 1)
            if last is not None:
                return resolver.resolve(last, history), last
        return None, None

    def _last_person(self, s: int) -> Mention | None:
        """The last person named in sentence ``s`` (a PERS entity, or a name opened by a known
        first name), as the speaker a following bare cue most likely continues."""
        a, b = self.idx.sents[s]
        i, end = self.idx.tok_from(a), self.idx.tok_from(b)
        for k in range(end - 1, i - 1, -1):
            t = self.toks[k]
            if k in self.parser.pers_at:
                ps, pe = self.parser.pers_at[k]
                if " " in self.text[ps:pe].strip():
                    return Mention(self.text[ps:pe], ps, pe, "person")
            before = self.toks[k - 1] if k > i else None
            if t.is_word and self.parser.is_first_name(t) and not (
                    before is not None and (self.parser.is_first_name(before) or before.bare in self.lex.name_particles)):
                m = self.parser._person(self.toks[k:min(end, k + 8)], 0)
                if m.kind == "person" and " " in m.name:
                    return m
        return None

    def _main_subject(self, s: int) -> Mention | None:
        """The subject after the first (verb) word of sentence ``s`` (after a leading phrase
        closed by a comma, as in "من جانب آخر، أبدى فهد المفرج ...")."""
        a, b = self.idx.sents[s]
        if self.idx.in_heading(a):
            return None
        i = self.idx.tok_from(a)
        while i < len(self.toks) and self.toks[i].start < b and (
                self.toks[i].norm in _CLAUSE_OPENERS or self.toks[i].norm in ("من", "ومن") and i + 1 < len(
                    self.toks) and self.toks[i + 1].norm in _SIDE_WORDS):
            i += 2 if self.toks[i].norm in ("من", "ومن") else 1      # من جهته، إذ، وقد ...
            if i < len(self.toks) and self.toks[i].text in "،,":
                i += 1
        first = self.toks[i] if i < len(self.toks) else None
        if first is not None and (first.norm[:2] in ("من", "في", "وف", "وم", "عل", "مع", "بع") or
                                  first.norm in ("علي", "وعلي", "بعد", "وبعد", "عن", "وعن", "حول", "وحول")):
            k = i
            while k < len(self.toks) and self.toks[k].start < b and self.toks[k].text not in "،," and k - i < 8:
                k += 1
            if k < len(self.toks) and self.toks[k].text in "،,":
                i = k + 1
            elif first.norm in ("عن", "وعن", "حول", "وحول"):
                return None         # وعن راموس قال «...»: a topic, not a subject
        if i >= len(self.toks):
            return None
        first = self.toks[i]
        if not first.is_word or first.definite or first.norm in self.lex.np_stop_words or \
                first.norm[:2] in ("في", "من", "مع") or self.parser.is_first_name(first) or \
                self.lex.cue_info(first.norm) is not None and self.lex.cue_info(first.norm).kind != "verb":
            return None
        toks = [t for t in self.toks[i + 1:i + 16] if t.start < b]
        if not toks or not toks[0].is_word:
            return None
        m = self._np_subject(toks)
        return m if m is not None and self._plausible(m, strict=True) else None



_OPENERS = frozenset({"و", "ثم", "كما", "من", "جهته", "جانبه", "جهتها", "جانبها", "ناحيته", "بدوره",
                      "بدورها", "وفي", "في", "السياق", "ذات", "هذا", "وعلى", "على", "صعيد", "اخر", "آخر",
                      "متصل", "شان", "وقد", "قد", "لقد", "وكان", "وكانت", "كان", "كانت"})
def _plural_cue(t: Tok) -> bool:
    """A plural cue form: وأشاروا، قالوا، مؤكدين، يقولون."""
    n = t.norm
    return n.endswith(("وا", "ون")) and len(n) > 4 or n.endswith("ين") and len(n) > 5


def _plural_np(m: Mention) -> bool:
    """A description headed by a plural (محللون، مصادر، خبراء، عدد من ...)."""
    head = m.name.split()[0]
    n = head[2:] if head.startswith("ال") else head
    return n.endswith(("ون", "ين", "ات")) or n in ("مصادر", "خبراء", "عدد", "بعض", "شهود", "سكان", "نشطاء",
                                                "مسؤولو", "مواطنو")


_ADVERBIAL_PREPS = frozenset({"في", "خلال", "امام", "اثناء", "بهذه", "بهذا", "وبهذه", "وبهذا"})
_CLAUSE_OPENERS = frozenset({"اذ", "حيث", "وقد", "قد", "لقد", "كما", "ثم", "بدوره", "بدورها", "وبدوره",
                             "وبدورها"})
_SIDE_WORDS = frozenset({"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "جهتهم", "جانبهم"})
_ISSUED = frozenset({"بيان", "تقرير", "رساله", "تصريح", "بلاغ", "تعميم", "منشور", "تغريده"})
_ISSUE_VERBS = frozenset({"اصدره", "اصدرته", "اصدرها", "اصدرتها", "نشره", "نشرته", "نشرها", "نشرتها",
                          "وزعه", "وزعته", "بثه", "بثته", "اطلقه", "اطلقته"})
_KINSHIP_BASES = frozenset({"والد", "والده", "شقيق", "شقيقه", "زوج", "زوجه", "ابن", "ابنه", "نجل", "نجله",
                            "اخ", "اخت", "اخو", "ام", "اب", "ابو", "جد", "عم", "خال", "اسره", "عائله",
                            "ارمل", "ارمله", "محامي", "محاميه", "متحدث", "ناطق"})
_QUANTIFIERS = frozenset({"بعض", "كل", "جميع", "معظم", "احد", "احدا", "غالبي", "اغلب", "اكثر", "بعضا"})
