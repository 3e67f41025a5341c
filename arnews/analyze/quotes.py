"""Attributed quote extraction: who said what (direct, indirect, according_to).

Implements ``../shared/spec/QUOTES.md`` with rules over the original text (offsets are never
shifted by normalization):

* A *cue* (قال، أكد، أوضحت، مضيفا، بقوله ... from the lexicon, with و/ف clitics; first-person
  forms such as أقول are the author's words and no cue) is followed, within its sentence, by a
  complementizer (إن/أن/بأن, also after إلى، على، عن) → ``indirect``; by a colon → ``direct`` (or
  ``indirect`` when إن/أن follows the colon); or by quotation marks whose text reads as speech,
  not as a name → ``direct``. Lexicon flags refine this: ``strict`` cues that are also
  prepositions (بين) need a close complementizer and no coordinated phrase; ``direct_only`` verbs
  (دعا، زاد) report speech only with a colon or marks; ``needs_speaker`` verbs (تابع) need a
  plausible speaker; a dash-delimited aside (-الذي يصف نفسه بأنه ...-) is skipped, and a colon
  with marks further on in the sentence (past a relative or time clause) is still found.
* Indirect content runs from the word after the complementizer to the end of the reported
  clause: the sentence end, the next cue of the same sentence (، مشيرا إلى أن ...) or a
  trailing attribution (، بحسب ...). Marks enclosing the whole clause are left out.
* ``according_to`` phrases (بحسب، وفقا لـ، حسب، نقلا عن ...) whose object is a source make a
  quote of the clause they qualify, unless a cue verb already attributes that sentence.
* Marked names/terms are not quotes; a short marked characterisation is, when a speech or
  characterisation verb with a speaker governs it in the same sentence.
* Speakers come from the subject after the cue (or before it; :mod:`arnews.analyze.quote_subjects`),
  read by :mod:`arnews.analyze.quote_np` (which also follows title chains to the entity
  recognizer's PERS mentions), are stripped of titles and resolved to the fullest form in the
  article (:mod:`arnews.analyze.quote_speakers`); continuation cues and pronouns take the
  previous speaker, or, before any quote, the subject of the sentences before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from arnews.analyze.quote_lexicon import QuoteLexicon, load_lexicon, norm
from arnews.analyze.quote_np import anonymity_clause
from arnews.analyze.quote_rules import ATTENTION_WORDS, TRIM_END, TRIM_START, AttributionRules, _Cand
from arnews.analyze.quote_speakers import Mention, NPParser, SpeakerResolver
from arnews.analyze.quote_subjects import _SIDE_WORDS, SubjectRules
from arnews.analyze.quote_text import ALL_MARKS, Mark, TextIndex, Tok
from arnews.errors import InputError
from arnews.model import Entity, Quote, Sentence, Speaker

WINDOW = 45          # tokens searched after a cue for its content
#: Words that open the writer's clause after a marked reported clause (time, occasion, source;
#: في as in في إشارة إلى، في بيان).
_NARRATION_OPENERS = frozenset({"بعد", "قبل", "خلال", "أثناء", "اثناء", "عقب", "إثر", "اثر", "في", "وذلك", "حسب",
                                "بحسب", "وفق", "وفقا", "وفقاً"})
#: لكنه / ولكنهم ...: after a comma, the speaker goes on in a new report (، لكنه أضاف أن ...).
_BUT_HE = frozenset(p + "لكن" + s for p in ("", "و") for s in ("ه", "ها", "هم", "هما", "هن"))
#: Words that hand the turn to a new speaker at the start of a clause (، من جانبه أوضح ...،
#: بدوره قال ...): a cue verb after them opens a new quote even inside another's reported clause.
_TURN_MARKERS = _SIDE_WORDS | {"بدوره", "بدورها", "بدورهم", "وبدوره", "وبدورها"}


def extract_quotes(text: str, *, sentences: Sequence[Sentence] | None = None,
                   entities: Sequence[Entity] = ()) -> list[Quote]:
    """Find the attributed quotes of an article.

    ``text`` is analyzed as given and every offset points into it. ``sentences`` (from the
    pipeline) only sets :attr:`Quote.sentence`; quote boundaries follow the spec's own
    punctuation rule, so a splitter that also cuts at ؛ or inside quotation marks does not
    shorten them. ``entities`` link speakers to :class:`Entity` ids and offer full names.
    """
    if not isinstance(text, str):
        raise InputError("extract_quotes expects the article text as a string")
    if not text.strip():
        return []
    ext = _Extractor(text, entities, load_lexicon())
    quotes = ext.run()
    if sentences is not None:
        quotes = [replace(q, sentence=_sentence_index(sentences, q.start)) for q in quotes]
    return quotes


def _sentence_index(sentences: Sequence[Sentence], pos: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return i
    return -1


class _Extractor(SubjectRules, AttributionRules):
    def __init__(self, text: str, entities: Sequence[Entity], lex: QuoteLexicon) -> None:
        self.text = text
        self.lex = lex
        self.idx = TextIndex(text)
        self.toks = self.idx.toks
        self.parser = NPParser(self.idx, lex, entities)
        self.entities = entities
        self.cands: list[_Cand] = []
        self.used_marks: set[int] = set()
        self.sent_subject: dict[int, Mention] = {}
        self.subject_only: list[tuple[int, Mention]] = []

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Quote]:
        for ci, info in self._cues():
            self._analyze_cue(ci, info)
        self._according_to()
        self._orphan_marks()
        self._cut_and_clean()
        return self._resolve()

    def _cues(self):
        """Cue tokens in text order. A token is looked up by its normalized form, then confirmed
        with the lexicon's tolerant regular expression on the original spelling."""
        for i, t in enumerate(self.toks):
            if not t.is_word:
                continue
            info = self._cue_at(i)
            if info is None or not self.lex.cue_regex.fullmatch(t.text) or self.idx.in_heading(t.start):
                continue
            mk = self.idx.mark_containing(t.start)
            if mk is not None and len(self.idx.words(mk.start, mk.end)) >= 3 and not (
                    mk.close is None and info.kind == "participle"):
                continue            # inside a quotation: nested quotes are not annotated
            if info.kind == "noun" and i >= 2 and self.toks[i - 1].norm in ("حد",):
                continue            # على حد قوله is an according-to phrase
            if info.not_before and i + 1 < len(self.toks) and self.toks[i + 1].norm in info.not_before:
                continue            # لفت انتباهي: not speech
            if info.kind == "verb" and self._after_adam(i):
                continue            # فضل عدم ذكر اسمه: after عدم the form is a verbal noun, no cue
            yield i, info

    # ------------------------------------------------------------------ cues
    def _sent_bounds(self, pos: int) -> tuple[int, int, int]:
        s = self.idx.sent_of(pos)
        a, b = self.idx.sents[s]
        return s, a, b

    def _is_comp(self, j: int, ci: int, strict: bool) -> bool:
        t = self.toks[j]
        if t.norm not in self.lex.complementizers:
            return False
        prev = self.toks[j - 1]
        if prev.norm in self.lex.not_comp_after or (prev.norm[:1] in "وف" and prev.norm[1:] in self.lex.not_comp_after):
            return False
        if prev.norm in self.lex.comp_preps and j >= 2 and self.toks[j - 2].norm in self.lex.not_comp_after | {
                "الرغم", "بالرغم", "رغم"}:
            return False
        if strict and j - ci > 8:
            return False
        return True

    def _name_context(self, prev: Tok | None) -> bool:
        """Is ``prev`` a word after which marks hold a name (حكومة “الوفاق”، لدار «بيرسون»، في مقابلة
        مع "إن بي آر"، في حديث لـ «سكاي نيوز»)?"""
        if prev is None:
            return False
        b = prev.bare
        return (b in self.lex.name_intro_words or (b[:1] in "لب" and b[1:] in self.lex.name_intro_words)
                or prev.norm in ("في", "باسم", "مع", "ل"))

    def _quote_like(self, mk: Mark, j: int, ci: int) -> bool:
        """Is the marked text at token ``j`` speech (a quote) rather than a name or term?"""
        words = self.idx.words(mk.start, mk.end)
        if not words or words[0].text[:1].isdigit():
            return False
        prev = self.toks[j - 1] if j > 0 else None
        after_i = self.idx.tok_from(mk.close + 1) if mk.close is not None else None
        after = self.toks[after_i] if after_i is not None and after_i < len(self.toks) else None
        if self._name_context(prev):
            return False
        if self._marked_name(words) or anonymity_clause(words):
            return False            # وذكر المواطن "عبدالله ذياب المطيري" أنه / مسؤول "رفض الإفصاح عن هويته" أن: no speech
        if prev is not None and prev.i in self.parser.in_other and len(words) <= 3 and \
                any(x.i not in self.parser.in_other for x in self.toks[ci + 1:j]) and not (
                    (subj := self.parser.parse(list(self.toks[ci + 1:j]))) is not None and subj.end == prev.end):
            return False            # حزب العمال الكردستاني «بي كيه كيه»: the body's short name (but
                                    # وقال الجيش الإسرائيلي «نحقق»: the body is the cue's subject)
        if after is not None and after.text in ":":
            return len(words) >= 4
        if j - 1 == ci and len(words) <= 3 and after is not None and after.is_word:
            return False            # أعلنت "زين السعودية" عن ...: the subject's name
        if j - 1 == ci and len(words) <= 6 and after is not None and after.norm in self.lex.complementizers:
            return False            # وأكد «المرصد السوري لحقوق الإنسان» أن ...: the subject, then the clause
        if prev is not None and (prev.norm in ("عن", "ب", "بـ", ":") or j - 1 == ci):
            return True
        if len(words) >= 3:
            return not (after is not None and after.is_word and after.definite and len(words) <= 4)
        return words[0].norm.startswith(("با", "لل")) and len(words[0].norm) > 4

    def _analyze_cue(self, ci: int, info) -> None:
        cue = self.toks[ci]
        s, s_start, s_end = self._sent_bounds(cue.start)
        for c in self.cands:
            if c.cue is not None and c.cue.start < cue.start < c.start and c.type != "according_to" and \
                    c.sent == s and info.kind == "verb":
                return              # in another cue's speaker phrase (..., والذي يصف نفسه بأنه ...)
            if not c.start < cue.start < c.end:
                continue
            if c.type == "direct" and not c.marked and self.toks[ci - 1].text in "،,؛" and (
                    info.kind == "participle" or cue.norm[:1] in "وف" and (
                        info.continuation or self._named_subject_after(ci))):
                continue            # وقال: ...، وتابع قائلا: / مشيرة إلى أن / وذكر عمر سالم أنه:
                                    # the colon quote ends (not at وتؤكد أن: its subject is unknown)
            if c.type == "direct" and (c.closed or info.kind != "participle"):
                return              # nested in a direct quote
            if c.type == "indirect" and info.kind == "verb" and not _conjoined(cue, info) and \
                    self.toks[ci - 1].is_word and self._opening_turn_marker(ci) is None and \
                    self._but_turn(ci) is None:
                return              # a bare verb inside a reported clause is part of it
        np_from = ci + 1
        if info.needs_fi:
            if ci + 1 >= len(self.toks) or self.toks[ci + 1].norm != "في":
                return
            np_from = ci + 2
        result = None
        j = ci + 1
        limit = min(len(self.toks), ci + WINDOW)
        while j < limit:
            t = self.toks[j]
            if t.start >= s_end:
                break
            if t.text == ":" or t.text == "：":
                if info.strict and (j - ci > 4 or any(x.norm[:1] == "و" for x in self.toks[ci + 1:j])):
                    break           # بين روسيا والولايات المتحدة: ... (a preposition, not a cue)
                result = self._after_colon(j, s_end)
                break
            if t.text in "-–—" and j > ci + 1:
                k = next((k for k in range(j + 1, min(limit, j + 25)) if self.toks[k].text in "-–—"
                          and self.toks[k].start < s_end), None)
                if k is not None:   # وقال موقع ... -الناطق بالتركية والذي يصف نفسه بأنه ...- إن
                    j = k + 1
                    continue
            mk = self.idx.mark_by_open.get(t.start)
            if mk is not None:
                if self._quote_like(mk, j, ci) and not info.strict:
                    result = ("direct", mk.start, self._mark_end(mk), True, mk)
                    break
                if mk.close is None:
                    break
                j = self.idx.tok_from(mk.close + 1)
                continue
            if self._is_comp(j, ci, info.strict):
                if info.strict and any(x.norm[:1] == "و" and x.is_word for x in self.toks[ci + 1:j]):
                    break           # بين واشنطن وحلفائها في أن: a preposition
                if not info.direct_only:
                    result = self._indirect_from(j + 1, s_end)
                break
            if t.norm in self.lex.window_blockers or (j - ci > 12 and t.text[:1].isdigit()):
                break
            if j > ci + 1 and info.kind != "noun":
                other = self.lex.cue_info(t.norm)
                if other is not None and other.kind in ("verb", "participle") and not other.impersonal \
                        and not self._after_adam(j):
                    break
            j += 1
        content_at = j
        if result is None and info.kind == "verb" and not info.strict:
            found = self._colon_quote_ahead(ci, j, s_end)
            if found is not None:
                content_at, result = found
        if result is None and info.kind == "verb":
            result = self._quote_before(ci)
            content_at = ci + 1 + self._np_length(ci + 1, s_end)
        if info.lemma == "لفت":       # لفت الوزير | النظر إلى أن: the subject ends at the object
            content_at = next((k for k in range(np_from, content_at) if self.toks[k].norm in ATTENTION_WORDS),
                              content_at)
        mention = self._subject(ci, np_from, content_at, info)
        if mention is not None and result is None and not info.strict and not (
                info.needs_speaker and not self._named_speaker(mention)):
            self.sent_subject.setdefault(s, mention)     # a speaker introduced without a quote (yet)
            self.subject_only.append((cue.start, mention))
        if result is None:
            return
        typ, start, end, marked, mk = result
        if info.impersonal and (mention is None or not self._plausible(mention, strict=True)):
            return
        if info.needs_speaker and mention is not None and mention.kind != "pronoun" and \
                not self._plausible(mention, strict=True):
            return                  # تابع الحلقات «...»: "followed", not "went on"
        if mk is not None:
            self.used_marks.add(mk.open)
        mode = "explicit" if mention is not None else "continue"
        self.cands.append(_Cand(typ, start, end, cue, info.lemma, mention, mode, s, cue.start, marked,
                                mk is None or mk.close is not None))

    def _colon_quote_ahead(self, ci: int, j: int, s_end: int):
        """A colon followed by quotation marks later in the cue's sentence, past what stopped the
        window (a relative clause, a time clause: وقال سامر قرعان (46 عاما)، الذي انضم ... قبل
        الصعود إلى المسرح: «...»), with no other speech verb in between."""
        k = j
        end = min(len(self.toks) - 1, ci + 2 * WINDOW)
        while k < end and self.toks[k].start < s_end:
            t = self.toks[k]
            if t.text in ":：" and self.toks[k + 1].start in self.idx.mark_by_open:
                mk = self.idx.mark_by_open[self.toks[k + 1].start]
                if mk.start < s_end or mk.close is not None:
                    return k, ("direct", mk.start, self._mark_end(mk), True, mk)
            other = self.lex.cue_info(t.norm) if k > ci else None
            if other is not None and other.kind in ("verb", "participle") and not other.impersonal:
                return None
            if t.start in self.idx.mark_by_open and self.idx.mark_by_open[t.start].close is not None:
                k = self.idx.tok_from(self.idx.mark_by_open[t.start].close + 1)
                continue
            k += 1
        return None

    def _np_length(self, j: int, s_end: int) -> int:
        n = 0
        while j + n < len(self.toks) and self.toks[j + n].start < s_end and n < 24:
            n += 1
        return n

    def _mark_end(self, mk: Mark) -> int:
        if mk.close is not None:
            return mk.close
        _, _, s_end = self._sent_bounds(mk.start)
        return min(mk.end, s_end)

    def _after_colon(self, j: int, s_end: int):
        k = j + 1
        if k >= len(self.toks):
            return None
        t = self.toks[k]
        para_end = self.idx.paras[self.idx.para_of(self.toks[j].start)][1]
        if t.start >= para_end:          # "قال:" closing a paragraph, speech in the next one
            mk = self.idx.mark_by_open.get(t.start)
            if mk is not None:
                return ("direct", mk.start, self._mark_end(mk), True, mk)
            _, _, e = self._sent_bounds(t.start)
            return ("direct", t.start, e, False, None)
        mk = self.idx.mark_by_open.get(t.start)
        if t.text == "(" or t.text == "“" and mk is None:
            k += 1
            if k < len(self.toks) and self.toks[k].norm in self.lex.complementizers:
                return self._indirect_from(k + 1, s_end)
            end = self._paren_close(k, para_end) if t.text == "(" else None
            return ("direct", self.toks[k].start if k < len(self.toks) else t.end, end or s_end, False, None)
        if mk is not None:
            return ("direct", mk.start, self._mark_end(mk), True, mk)
        if t.norm in self.lex.complementizers:
            return self._indirect_from(k + 1, s_end)
        if t.start >= s_end or t.norm.lower().startswith(("www", "http")):
            return None             # "عبر موقعها الإلكتروني: www..." is an address, not speech
        return ("direct", t.start, s_end, False, None)

    def _paren_close(self, k: int, para_end: int) -> int | None:
        """Where the parenthesis opened before token ``k`` closes in its paragraph (a verse or a
        text quoted in parentheses after a colon: قال تعالى: (...)); None if it does not."""
        depth = 1
        while k < len(self.toks) and self.toks[k].start < para_end:
            depth += {"(": 1, ")": -1}.get(self.toks[k].text, 0)
            if depth == 0:
                return self.toks[k].start
            k += 1
        return None

    def _indirect_from(self, k: int, s_end: int):
        if k >= len(self.toks) or self.toks[k].start >= s_end:
            return None
        t = self.toks[k]
        start, end = t.start, s_end
        mk = self.idx.mark_by_open.get(t.start)
        if mk is not None and mk.close is not None:
            rest = self.text[mk.close + 1:s_end].strip(TRIM_END + ALL_MARKS)
            if not rest or (len(self.idx.words(mk.start, mk.close)) >= 6 and rest[:1].isalpha()
                            and rest.split()[0] in _NARRATION_OPENERS):
                self.used_marks.add(mk.open)     # (قال إنه "..." بعد جولة على مخيم: the writer's
                return ("indirect", mk.start, mk.close, False, None)   # words follow the marks)
        return ("indirect", start, end, False, None)

    def _quote_before(self, ci: int):
        """«...»، قال فلان — a marked quote right before the cue."""
        j = ci - 1
        while j >= 0 and self.toks[j].text in "،,":
            j -= 1
        if j < 0:
            return None
        mk = self.idx.mark_by_close.get(self.toks[j].start)
        if mk is None or mk.open in self.used_marks:
            return None
        words = self.idx.words(mk.start, mk.end)
        if len(words) < 3 or self._marked_name(words):
            return None
        return ("direct", mk.start, mk.close, True, mk)

    def _after_adam(self, i: int) -> bool:
        """Is token ``i`` after عدم, so a verbal noun (عدم ذكر اسمه) rather than a cue verb?"""
        return i >= 1 and self.toks[i - 1].norm == "عدم"

    def _marked_name(self, words) -> bool:
        """Is the marked text a person's name (المواطن "عبدالله ذياب المطيري")?"""
        return len(words) <= 4 and words[0].i in self.parser.pers_at and \
            self.parser.pers_at[words[0].i][1] >= words[-1].end

    # ------------------------------------------------------------------ clean-up
    def _cut_and_clean(self) -> None:
        cands = sorted(self.cands, key=lambda c: (c.start, c.anchor))
        for a in cands:
            if a.marked and a.closed:
                continue
            cut = self._cutter(a.start, a.end)
            if cut is not None:
                a.end = cut
            for b in cands:
                if b is a or b.cue is None:
                    continue
                if a.start < b.cue.start < a.end and b.anchor > a.start:
                    a.end = self._clause_start(b.cue)
        for c in cands:
            c.start, c.end = self._trim(c.start, c.end)
        out: list[_Cand] = []
        for c in sorted(cands, key=lambda c: (c.start, -c.anchor)):   # same span: the nearer cue wins
            if c.end - c.start < 2:
                continue
            if any(o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
                   for o in cands):
                continue            # a fragment inside a longer quote (mixed or nested): not separate
            if any((o.start, o.end) == (c.start, c.end) for o in out):
                continue
            out.append(c)
        self.cands = out

    def _named_speaker(self, m) -> bool:
        """A plausible speaker that is not a lone definite word: after a verb with a non-speech
        sense (ونقل السلاح, وتتابع الغزو) such a word is its object, not a family name."""
        if not self._plausible(m, strict=True):
            return False
        words = m.name.split()
        return not (m.kind == "person" and len(words) == 1 and words[0].startswith("ال")
                    and not self.parser.known_family(norm(words[0])))

    def _named_subject_after(self, ci: int) -> bool:
        """Is the verb at ``ci`` followed by a name or a title (its own subject, a new speaker)?"""
        nxt = self.toks[ci + 1] if ci + 1 < len(self.toks) else None
        return nxt is not None and nxt.is_word and (
            self.parser.is_first_name(nxt) or self.parser.is_title(nxt) or nxt.i in self.parser.pers_at)

    def _but_turn(self, ci: int) -> int | None:
        """Where a contrast that opens the cue's clause starts: «، لكنه أضاف» (the speaker goes
        on in a new report) or «، غير أن النقاد يقولون» (another source answers), not inside the
        first report; None if there is none."""
        if ci >= 2 and self.toks[ci - 1].norm in _BUT_HE and self.toks[ci - 2].text in "،,":
            return ci - 1
        for k in range(ci - 2, max(ci - 6, 1), -1):
            t = self.toks[k]
            if not t.is_word:
                return None
            if t.norm in ("ان", "لكن", "ولكن") and (t.norm != "ان" or self.toks[k - 1].norm in ("غير", "الا")):
                k0 = k - 1 if t.norm == "ان" else k
                if self.toks[k0 - 1].text in "،," and all(x.is_word for x in self.toks[k + 1:ci]):
                    return k0
                return None
        return None

    def _opening_turn_marker(self, ci: int) -> int | None:
        """Index where a turn marker (من جانبه، بدوره) right before the cue at ``ci`` starts, when
        it opens the cue's clause (after punctuation or at the sentence start); None otherwise.
        Inside a clause (أن المملكة من جانبها أكدت) it opens nothing."""
        if ci < 1 or self.toks[ci - 1].norm not in _TURN_MARKERS:
            return None
        i = ci - 1
        if i >= 1 and self.toks[i - 1].norm in ("من", "ومن"):
            i -= 1
        _, s_start, _ = self._sent_bounds(self.toks[ci].start)
        return i if i == 0 or self.toks[i].start <= s_start or not self.toks[i - 1].is_word else None

    def _clause_start(self, cue: Tok) -> int:
        """Where the clause of ``cue`` starts: before a turn marker that opens it (، من جانبه أوضح;
        ، لكنه أضاف)."""
        i = self._but_turn(cue.i)
        i = self._opening_turn_marker(cue.i) if i is None else i
        return self.toks[cue.i if i is None else i].start

    def _cutter(self, s: int, e: int) -> int | None:
        """Start of an author's clause (مما، وهو ما، الأمر الذي ...) that ends reported content."""
        i = self.idx.tok_from(s)
        first = i
        heads = {cut[0] for cut in self.lex.clause_cutters}
        while i < len(self.toks) and self.toks[i].start < e:
            info = self.lex.cue_info(self.toks[i].norm) if i > first + 2 else None
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if info is not None and info.kind == "participle" and (_halal_form(self.toks[i]) or nxt is not None and (
                    nxt.norm in ("الي", "علي", "ما") or nxt.norm in self.lex.complementizers)) \
                    and not self.toks[i - 1].is_word \
                    and self.toks[i - 1].text in "،," and not (
                        (mk := self.idx.mark_containing(self.toks[i].start)) is not None and mk.open >= s):
                return self.toks[i].start   # ...، مشيراً إلى أهمية الحل: the reporter's words again
            if i > first + 2 and self.toks[i].norm in heads:
                for cut in self.lex.clause_cutters:
                    if tuple(t.norm for t in self.toks[i:i + len(cut)]) == cut:
                        return self.toks[i].start
            i += 1
        return None

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        text = self.text
        for _ in range(4):
            while s < e and text[s] in TRIM_START:
                s += 1
            while e > s and text[e - 1] in TRIM_END:
                e -= 1
            changed = False
            if e > s and text[e - 1] in ALL_MARKS + ")":
                closer = text[e - 1]
                opener = "(" if closer == ")" else None
                inner = text[s:e - 1]
                if (opener and opener not in inner) or (not opener and not any(ch in ALL_MARKS for ch in inner)):
                    e -= 1
                    changed = True
            if e > s and text[s] in ALL_MARKS + "(":
                opener = text[s]
                rest = text[s + 1:e]
                if (opener == "(" and ")" not in rest) or (opener != "(" and not any(ch in ALL_MARKS for ch in rest)):
                    s += 1
                    changed = True
            if not changed:
                break
        return s, e

    # ------------------------------------------------------------------ speakers
    def _resolve(self) -> list[Quote]:
        cands = sorted(self.cands, key=lambda c: (c.anchor, c.start))
        mentions = [c.mention for c in cands if c.mention is not None]
        resolver = SpeakerResolver(self.idx, self.lex, self.parser,
                                   mentions + [m for _, m in self.subject_only], self.entities)
        history: list[tuple[str, Mention]] = []
        done: list[tuple[_Cand, str | None]] = []
        quotes = []
        for c in cands:
            name, used = None, None
            if c.mode == "explicit" and c.mention is not None:
                name = resolver.resolve(c.mention, history)
                used = c.mention
                if name is None and c.mention.kind == "pronoun":     # وقال معاليه: in the first quote
                    name, used = self._recent_subject(c.sent, resolver, history)
            elif c.mode == "previous":
                name = history[-1][0] if history else None
            else:
                name, used = self._continuation(c, done, history, resolver)
            if name is None and history:
                name = history[-1][0]
            span = (used.start, used.end) if used is not None and used.kind != "pronoun" else (None, None)
            if name:
                history.append((name, used or Mention(name, -1, -1, "pronoun")))
            done.append((c, name))
            speaker = Speaker(name, resolver.entity_for(name, *span), *span) if name else None
            cue = c.cue
            quotes.append(Quote(c.type, c.start, c.end, self.text[c.start:c.end], speaker,
                                cue.text if cue else None, c.lemma, cue.start if cue else None,
                                cue.end if cue else None, c.sent))
        quotes.sort(key=lambda q: q.start)
        return quotes


def _conjoined(cue: Tok, info) -> bool:
    """Does the cue carry the conjunction و/ف (وقال), rather than a و of its stem (وصفهم)?"""
    first = cue.norm[:1]
    return first in "وف" and not (info.lemma[:1] == first and cue.norm[1:2] != first)


def _halal_form(t: Tok) -> bool:
    """A participle in a form that is only ever a circumstantial clause (مشيراً، مؤكدين); other
    forms are also nouns or adjectives (لافتات banners, مفيدة useful, مضيفة a hostess) and cut a
    clause only before their complement (مشيرة إلى)."""
    return t.text.rstrip("\u064b\u064e").endswith("ا") or t.norm.endswith("ين")

