"""Attributed quote extraction: who said what (direct, indirect, according_to).

Implements ``../shared/spec/QUOTES.md`` with rules over the original text (offsets are never
shifted by normalization):

* A *cue* (قال، أكد، أوضحت، مضيفا، بقوله ... from the lexicon, with و/ف clitics, in all
  persons) is followed, within its sentence, by a complementizer (إن/أن/بأن, also after إلى،
  على، عن) → ``indirect``; by a colon → ``direct`` (or ``indirect`` when إن/أن follows the colon);
  or by quotation marks whose text reads as speech, not as a name → ``direct``.
* Indirect content runs from the word after the complementizer to the end of the reported
  clause: the sentence end, the next cue of the same sentence (، مشيرا إلى أن ...) or a
  trailing attribution (، بحسب ...). Marks enclosing the whole clause are left out.
* ``according_to`` phrases (بحسب، وفقا لـ، حسب، نقلا عن ...) whose object is a source make a
  quote of the clause they qualify, unless a cue verb already attributes that sentence.
* Marked names/terms are not quotes; a short marked characterisation is, when a speech or
  characterisation verb with a speaker governs it in the same sentence.
* Speakers come from the subject after the cue (or before it), are stripped of titles and
  resolved to the fullest form in the article (:mod:`arnews.analyze.quote_speakers`);
  continuation cues and pronouns take the previous speaker.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from arnews.analyze.quote_lexicon import QuoteLexicon, load_lexicon
from arnews.analyze.quote_rules import TRIM_END, TRIM_START, AttributionRules, _Cand
from arnews.analyze.quote_speakers import Mention, NPParser, SpeakerResolver
from arnews.analyze.quote_text import ALL_MARKS, Mark, TextIndex, Tok
from arnews.errors import InputError
from arnews.model import Entity, Quote, Sentence, Speaker

WINDOW = 45          # tokens searched after a cue for its content


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


class _Extractor(AttributionRules):
    def __init__(self, text: str, entities: Sequence[Entity], lex: QuoteLexicon) -> None:
        self.text = text
        self.lex = lex
        self.idx = TextIndex(text)
        self.toks = self.idx.toks
        self.parser = NPParser(self.idx, lex)
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
            info = self.lex.cue_info(t.norm)
            if info is None or not self.lex.cue_regex.fullmatch(t.text) or self.idx.in_heading(t.start):
                continue
            mk = self.idx.mark_containing(t.start)
            if mk is not None and len(self.idx.words(mk.start, mk.end)) >= 3 and not (
                    mk.close is None and info.kind == "participle"):
                continue            # inside a quotation: nested quotes are not annotated
            if info.kind == "noun" and i >= 2 and self.toks[i - 1].norm in ("حد",):
                continue            # على حد قوله is an according-to phrase
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
        """Is ``prev`` a word after which marks hold a name (حكومة “الوفاق”، لدار «بيرسون»)?"""
        if prev is None:
            return False
        b = prev.bare
        return (b in self.lex.name_intro_words or (b[:1] in "لب" and b[1:] in self.lex.name_intro_words)
                or prev.norm in ("في", "باسم"))

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
        if after is not None and after.text in ":":
            return len(words) >= 4
        if j - 1 == ci and len(words) <= 3 and after is not None and after.is_word:
            return False            # أعلنت "زين السعودية" عن ...: the subject's name
        if prev is not None and (prev.norm in ("عن", "ب", "بـ", ":") or j - 1 == ci):
            return True
        if len(words) >= 3:
            return not (after is not None and after.is_word and after.definite and len(words) <= 4)
        return words[0].norm.startswith(("با", "لل")) and len(words[0].norm) > 4

    def _analyze_cue(self, ci: int, info) -> None:
        cue = self.toks[ci]
        s, s_start, s_end = self._sent_bounds(cue.start)
        for c in self.cands:
            if not c.start < cue.start < c.end:
                continue
            if c.type == "direct" and (c.closed or info.kind != "participle"):
                return              # nested in a direct quote
            if c.type == "indirect" and info.kind == "verb" and cue.norm[:1] not in "وف" and \
                    self.toks[ci - 1].is_word:
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
                result = self._after_colon(j, s_end)
                break
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
                result = self._indirect_from(j + 1, s_end)
                break
            if t.norm in self.lex.window_blockers or (j - ci > 12 and t.text[:1].isdigit()):
                break
            if j > ci + 1 and info.kind != "noun":
                other = self.lex.cue_info(t.norm)
                if other is not None and other.kind in ("verb", "participle") and not other.impersonal:
                    break
            j += 1
        content_at = j
        if result is None and info.kind == "verb":
            result = self._quote_before(ci)
            content_at = ci + 1 + self._np_length(ci + 1, s_end)
        mention = self._subject(ci, np_from, content_at, info)
        if mention is not None and result is None:
            self.sent_subject.setdefault(s, mention)
            if mention.kind != "pronoun":
                self.subject_only.append((cue.start, mention))
        if result is None:
            return
        typ, start, end, marked, mk = result
        if info.impersonal and (mention is None or not self._plausible(mention, strict=True)):
            return
        if mk is not None:
            self.used_marks.add(mk.open)
        mode = "explicit" if mention is not None else "continue"
        self.cands.append(_Cand(typ, start, end, cue, info.lemma, mention, mode, s, cue.start, marked,
                                mk is None or mk.close is not None))

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
            return ("direct", self.toks[k].start if k < len(self.toks) else t.end, s_end, False, None)
        if mk is not None:
            return ("direct", mk.start, self._mark_end(mk), True, mk)
        if t.norm in self.lex.complementizers:
            return self._indirect_from(k + 1, s_end)
        if t.start >= s_end:
            return None
        return ("direct", t.start, s_end, False, None)

    def _indirect_from(self, k: int, s_end: int):
        if k >= len(self.toks) or self.toks[k].start >= s_end:
            return None
        t = self.toks[k]
        start, end = t.start, s_end
        mk = self.idx.mark_by_open.get(t.start)
        if mk is not None and mk.close is not None:
            rest = self.text[mk.close + 1:s_end].strip(TRIM_END + ALL_MARKS)
            if not rest:
                self.used_marks.add(mk.open)
                return ("indirect", mk.start, mk.close, False, None)
        return ("indirect", start, end, False, None)

    def _quote_before(self, ci: int):
        """«...»، قال فلان — a marked quote right before the cue."""
        j = ci - 1
        while j >= 0 and self.toks[j].text in "،,":
            j -= 1
        if j < 0:
            return None
        mk = self.idx.mark_by_close.get(self.toks[j].start)
        if mk is None or mk.open in self.used_marks or len(self.idx.words(mk.start, mk.end)) < 3:
            return None
        return ("direct", mk.start, mk.close, True, mk)

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
            if t.norm in self.lex.time_words or t.norm in ("ايضا", "كذلك", "مرارا", "سريعا", "بدوره",
                                                           "بدورها", "مجددا", "اخيرا", "صراحه", "فيه",
                                                           "فيها", "عنه", "عنها", "له", "لها", "لهم", "لنا"):
                j += 1
                continue
            if t.norm in ("،", ","):
                j += 1
                continue
            break
        rest = toks[j:]
        mention = None
        if rest and (rest[0].is_word and not self.parser.is_stop(rest[0]) or rest[0].text in ALL_MARKS + "("):
            mention = self.parser.parse(rest)
        if mention is None or mention.kind == "title" or (
                mention.kind == "desc" and (self.parser.is_title(rest[0]) or rest[0].bare in
                                            self.lex.institution_words)):
            appos = self._apposition(toks)
            if appos is not None and (mention is None or appos.start > mention.start):
                title = mention.title if mention is not None else ()
                mention = Mention(appos.name, appos.start, appos.end, "person", title)
        if mention is None and info.kind == "verb":
            mention = self._pre_subject(ci)
        return mention

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
                          "ولكنه", "ولكنها", "انه", "انها", "لذا", "لذلك", "مما", "ما"):
                if t.norm in ("لكنه", "لكنها", "ولكنه", "ولكنها") and j == end:
                    return Mention(t.text, t.start, t.end, "pronoun")
                break
            if self.lex.cue_info(t.norm) is not None:
                return None
            j -= 1
        toks = self.toks[j + 1:end + 1]
        if after_kana and not (toks and toks[0].bare in ("كان", "كانت", "وكان", "وكانت")):
            return None
        while toks and toks[0].bare in ("كان", "كانت", "وكان", "وكانت", "قد", "و", "ف"):
            toks = toks[1:]
        words = [t for t in toks if t.is_word]
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
                Tok(0, 0, 0, first, n, n)) or n.startswith("ال")
        return (bare in self.lex.source_heads or bare in self.lex.institution_words or n in self.lex.source_heads
                or n in self.lex.institution_words or bare in self.lex.title_words or
                bare.endswith(("ون", "ين", "ات")) or n in ("عدد", "بعض", "احد", "بعضهم"))

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
        while j >= 0 and self.toks[j].start >= s_start and ci - j < 13:
            if self.toks[j].text in "،,.":
                break
            if self.toks[j].norm == "عن":
                return self.parser.parse(self.toks[j + 1:ci])
            j -= 1
        return None

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
                    a.end = b.cue.start
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

    def _cutter(self, s: int, e: int) -> int | None:
        """Start of an author's clause (مما، وهو ما، الأمر الذي ...) that ends reported content."""
        i = self.idx.tok_from(s)
        first = i
        heads = {cut[0] for cut in self.lex.clause_cutters}
        while i < len(self.toks) and self.toks[i].start < e:
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
            for s in range(c.sent - 1, max(-1, c.sent - 3), -1):
                subj = self._main_subject(s)
                if subj is not None and subj.kind in ("person", "title"):
                    return resolver.resolve(subj, history), subj
        return None, None

    def _main_subject(self, s: int) -> Mention | None:
        """The subject after the first (verb) word of sentence ``s`` (after a leading phrase
        closed by a comma, as in "من جانب آخر، أبدى فهد المفرج ...")."""
        a, b = self.idx.sents[s]
        if self.idx.in_heading(a):
            return None
        i = self.idx.tok_from(a)
        first = self.toks[i] if i < len(self.toks) else None
        if first is not None and (first.norm[:2] in ("من", "في", "وف", "وم", "عل", "مع", "بع") or
                                  first.norm in ("على", "وعلى", "بعد", "وبعد")):
            k = i
            while k < len(self.toks) and self.toks[k].start < b and self.toks[k].text not in "،," and k - i < 8:
                k += 1
            if k < len(self.toks) and self.toks[k].text in "،,":
                i = k + 1
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
        m = self.parser.parse(toks)
        return m if m is not None and self._plausible(m, strict=True) else None


_OPENERS = frozenset({"و", "ثم", "كما", "من", "جهته", "جانبه", "جهتها", "جانبها", "ناحيته", "بدوره",
                      "بدورها", "وفي", "في", "السياق", "ذات", "هذا", "وعلى", "على", "صعيد", "اخر", "آخر",
                      "متصل", "شان", "وقد", "قد", "لقد", "وكان", "وكانت", "كان", "كانت"})
