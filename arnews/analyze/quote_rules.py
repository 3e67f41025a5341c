"""Attribution rules that do not start from a cue verb: according-to phrases and marked text.

* ``according_to`` — بحسب، حسب، وفقا لـ، وفق، نقلا عن، طبقا لـ ... whose object is a source (a
  source noun, a name, a marked name, or ``ما`` + a speech verb and its subject) make a quote
  of the clause they qualify: the rest of the sentence when the phrase opens it (after the
  source's comma), otherwise the sentence up to the phrase (the previous sentence when the
  phrase stands alone). When a cue verb already attributes the sentence, the phrase adds no
  quote; it only ends that quote's content.
* Marked text with no cue of its own is a ``direct`` quote when it re-opens the previous
  paragraph's quote, or when it is a short characterisation governed by a speech or
  characterisation verb with a speaker in the same sentence (ما وصفه “...”); names and terms
  in marks (after حكومة، موقع، صحيفة ..., or in apposition to a definite noun) are not.

The methods run inside :class:`arnews.analyze.quotes._Extractor`, whose state they share.
"""

from __future__ import annotations

from dataclasses import dataclass

from arnews.analyze.quote_speakers import Mention
from arnews.analyze.quote_text import ALL_MARKS, Tok

TRIM_END = " \t\n.,،؛;:!?؟…-–—"
TRIM_START = " \t\n.,،؛;:-–—"
#: Objects of لفت "draw (attention)": لفت الوزير النظر إلى أن / لافتا الانتباه إلى أن.
ATTENTION_WORDS = frozenset({"النظر", "الانتباه", "الانظار", "انتباه", "نظر", "انظار"})


@dataclass
class _Cand:
    type: str
    start: int
    end: int
    cue: Tok | None
    lemma: str | None
    mention: Mention | None
    mode: str                    # explicit | continue (no subject of its own) | previous (على حد قوله)
    sent: int
    anchor: int                  # position used to order quotes (cue or content start)
    marked: bool = False         # direct quote delimited by marks
    closed: bool = True          # for marked quotes: the closing mark was found


def _according_lemma(lead: str) -> str:
    """بحسب/حسبما -> حسب، وفقا -> وفق، نقلا -> نقل (the phrase's head as a dictionary form)."""
    base = lead[:-2] if lead.endswith("ما") and len(lead) > 4 else lead
    base = base[1:] if base.startswith("ب") and len(base) > 3 else base
    return base[:-1] if base.endswith("ا") and len(base) > 3 else base


class AttributionRules:
    """Mixin for the extractor: according-to phrases and quotes in marks without a cue."""

    def _cue_at(self, k: int):
        """The cue information of token ``k``, or None where its form is a cue word used in
        another sense: a لفت participle before neither إلى nor أن is a sign or a banner (لافتات
        "لا للفساد")."""
        info = self.lex.cue_info(self.toks[k].norm)
        if info is not None and info.kind == "participle" and info.lemma == "لفت":
            if k + 1 < len(self.toks) and self.toks[k + 1].norm in ATTENTION_WORDS:
                k += 1              # لافتا النظر إلى أن: drawing attention to
            if k + 1 >= len(self.toks) or self.toks[k + 1].norm not in ("الي", "لي") \
                    and self.toks[k + 1].norm not in self.lex.complementizers:
                return None         # (لافتا أن / لافتا إلى أن: a cue)
        return info

    # ------------------------------------------------------------------ according to
    def _according_to(self) -> None:
        for i, t in enumerate(self.toks):
            n = t.norm
            lead = n if n in self.lex.according_lead else (
                n[1:] if n[:1] in "وف" and n[1:] in self.lex.according_lead else None)
            if lead is None:
                continue
            j = i + 1
            need = self.lex.according_need_next.get(lead)
            src_first: Tok | None = None
            if j >= len(self.toks):
                continue
            nxt = self.toks[j]
            contracted = False
            if need:
                if nxt.norm in need:
                    j += 1
                    if nxt.norm.endswith("ما") and j < len(self.toks) and self._verbish(self.toks[j]):
                        j += 1      # وفقا لما أعلنته مجلة «Caixin»: the source follows the verb
                elif nxt.norm.startswith("لل") and "ل" in need and len(nxt.norm) > 4:
                    src_first = Tok(nxt.i, nxt.start + 2, nxt.end, nxt.text[2:], nxt.norm[2:], nxt.bare[2:])
                    contracted = True   # وفقا للمجلة = لـ + المجلة
                    j += 1
                elif any(nxt.norm.startswith(x) and len(nxt.norm) > len(x) + 1 for x in need if len(x) == 1):
                    src_first = Tok(nxt.i, nxt.start + 1, nxt.end, nxt.text[1:], nxt.norm[1:], nxt.bare[1:])
                    j += 1
                else:
                    continue
            mk = self.idx.mark_containing(t.start)
            if mk is not None and len(self.idx.words(mk.start, mk.end)) >= 3:
                continue
            s, s_start, s_end = self._sent_bounds(t.start)
            src = ([src_first] if src_first else []) + [x for x in self.toks[j:j + 16] if x.start < s_end]
            if contracted:
                src[0] = Tok(src[0].i, src[0].start, src[0].end, "ال" + src[0].text, "ال" + src[0].norm,
                             "ال" + src[0].bare)
            mention = self._according_source(src, lead, initial=i - self.idx.tok_from(s_start) <= 1)
            if mention is None:
                continue
            if contracted and mention.start == src[0].start:
                mention = Mention("ال" + mention.name, mention.start, mention.end, mention.kind, mention.title)
            attributed = [c for c in self.cands if c.sent == s and c.type != "according_to"]
            if attributed:
                for c in attributed:
                    if c.start < t.start < c.end:
                        c.end = t.start
                continue
            span = self._according_content(i, s, s_start, s_end, mention)
            if span is None:
                continue
            self.cands.append(_Cand("according_to", span[0], span[1], t, _according_lemma(lead),
                                    mention, "explicit", self.idx.sent_of(span[0]), span[0]))
        self._according_pronoun()

    def _according_pronoun(self) -> None:
        """على حد قوله / على حد تعبيره: the clause before is attributed to the current speaker."""
        for m in self.lex.according_pronoun_regex.finditer(self.text):
            if self.idx.in_heading(m.start()):
                continue
            s, s_start, _ = self._sent_bounds(m.start())
            attributed = [c for c in self.cands if c.sent == s and c.type != "according_to"]
            if attributed:
                for c in attributed:
                    if c.start < m.start() < c.end:
                        c.end = m.start()
                continue
            if not self.text[s_start:m.start()].strip(TRIM_END):
                continue
            first = self.toks[self.idx.tok_at(m.start())]
            cue = Tok(first.i, m.start(), m.end(), m.group(), first.norm, first.bare)
            self.cands.append(_Cand("according_to", s_start, m.start(), cue, "قول", None, "previous", s,
                                    s_start))

    def _according_source(self, src: list[Tok], lead: str = "", initial: bool = False) -> Mention | None:
        """The source after an according-to lead; ``initial``: the lead opens its sentence, where
        a title alone is a source (وفقا للمتحدث الرسمي، ...) and not a condition (بحسب القاضي)."""
        if not src:
            return None
        first = src[0]
        if lead.endswith("ما") and self._verbish(first):
            return self.parser.parse(src[1:])
        if first.norm in ("ما", "لما") or first.norm.endswith("ما") and len(src) > 1 and \
                self.lex.cue_info(src[1].norm):
            k = 1 if first.norm in ("ما", "لما") else 0
            if k < len(src) and self._verbish(src[k]):
                return self.parser.parse(src[k + 1:])
            return None
        if first.text in ALL_MARKS:
            return self.parser.parse(src)
        head = first.bare
        bare = head[2:] if head.startswith("ال") else head
        ok = (bare in self.lex.source_heads
              or (self.parser.is_title(first) and head.startswith("ال") and initial)   # ووفقا للمتحدث الرسمي،
              or (head in ("عدد", "بعض") and len(src) > 1 and src[1].norm in ("منهم", "منهن"))   # بحسب عدد منهن
              or first.norm in self.lex.back_reference_words or self.parser.is_first_name(first)
              or any(m.start <= first.start < m.end for e in self.entities for m in e.mentions
                     if e.type in ("PERS", "ORG")))
        if not ok:
            return None
        for k in range(1, min(len(src), 6)):
            if self._verbish(src[k]) and k + 1 < len(src):
                inner = self.parser.parse(src[k + 1:])
                if inner is not None:
                    return inner
        return self.parser.parse(src)

    def _fa_inna(self, t: Tok) -> bool:
        """فإن with or without a pronoun (فإنه، فإننا) opening the claim after a source; bare فان
        counts only written with إ, since فان is also a name particle (لويس فان غال)."""
        n = t.norm
        return n.startswith("فان") and n[1:] in self.lex.complementizers and ("إ" in t.text or len(n) > 3)

    def _verbish(self, t: Tok) -> bool:
        n = t.norm
        for suf in ("ها", "ه", "هم", ""):
            if suf and not n.endswith(suf):
                continue
            base = n[: len(n) - len(suf)] if suf else n
            info = self.lex.cue_info(base)
            if info is not None and info.kind == "verb":
                return True
            if base in ("نشر", "نشرت", "اصدر", "اصدرت", "اورد", "اوردت", "بث", "بثت"):
                return True
        return False

    def _according_content(self, i: int, s: int, s_start: int, s_end: int, mention: Mention):
        first_word = self.idx.tok_from(s_start)
        if i - first_word <= 1:          # sentence-initial: وبحسب المصادر، ...
            k = self.idx.tok_from(mention.end)
            while k < len(self.toks) and self.toks[k].start < s_end and self.toks[k].text not in "،,":
                if k > i and self._fa_inna(self.toks[k]) and k + 1 < len(self.toks):
                    return self.toks[k + 1].start, s_end   # ووفقا لحرفي النحت عادل الوايل فإننا ...
                k += 1
            if k + 1 >= len(self.toks) or self.toks[k].start >= s_end:
                if self.text[s_start:self.toks[i].start].strip(TRIM_START):
                    return None
                ps = self.idx.para_of(s_start)
                if s > 0 and self.idx.para_of(self.idx.sents[s - 1][0]) == ps:
                    a, b = self.idx.sents[s - 1]
                    return a, b
                return None
            if k + 2 < len(self.toks) and self._fa_inna(self.toks[k + 1]):
                k += 1                             # وبحسب عدد منهن، فإن | رغبتهن ...
            return self.toks[k + 1].start, s_end
        a = s_start
        b = self.toks[i].start
        if not self.text[a:b].strip(TRIM_END):
            return None
        return a, b

    # ------------------------------------------------------------------ marks without cue
    def _orphan_marks(self) -> None:
        for mk in self.idx.marks:
            if mk.open in self.used_marks or mk.close is None:
                continue
            if any(c.start <= mk.open < c.end or c.start <= mk.start < c.end for c in self.cands):
                continue
            if any(c.cue is not None and c.cue.start < mk.open < c.start for c in self.cands):
                continue            # in the speaker phrase between a cue and its content
            words = self.idx.words(mk.start, mk.end)
            if not words:
                continue
            j = self.idx.tok_at(mk.open)
            prev = self.toks[j - 1] if j > 0 else None
            s, s_start, _ = self._sent_bounds(mk.open)
            # a paragraph that re-opens the quote of the previous paragraph
            p = self.idx.para_of(mk.open)
            if mk.open == self.idx.paras[p][0] and p > 0:
                before = [c for c in self.cands if c.marked and self.idx.para_of(c.start) == p - 1]
                if before and len(words) >= 3:
                    self.cands.append(_Cand("direct", mk.start, mk.end, None, None, None, "inherit", s,
                                            mk.start, True))
                    continue
            if prev is None or self._name_context(prev) or (prev.definite and len(words) <= 3) or \
                    prev.norm in ("ل", "لل") and len(words) <= 3:
                continue            # الصحيفة العريقة «فاينانشال تايمز»: a name in apposition; لـ"بوليصة التأمين"
            if self.idx.in_heading(mk.open) or (prev.text.endswith("ة") and len(words) <= 3):
                continue            # a headline; وفاة “الملا عمر”: a name in a genitive
            ai = self.idx.tok_from(mk.close + 1)
            after = self.toks[ai] if ai < len(self.toks) else None
            if after is not None and after.is_word and after.definite and len(words) <= 4:
                continue
            same = [c for c in self.cands if c.sent == s and c.marked]
            one_word_ok = same and prev.norm in ("و", "ثلاث") or prev.norm.startswith("و") and same
            if len(words) < 2 and not one_word_ok and not words[0].norm.startswith(("با", "لل")):
                continue
            if len(words) > 12:
                continue
            verb = None
            for k in range(j - 1, self.idx.tok_from(s_start) - 1, -1):
                tk = self.toks[k]
                info = self._cue_at(k)
                if info is not None and info.strict:
                    continue        # بين «داعش» و«النصرة»: a preposition
                if tk.norm in self.lex.characterization_verbs or (
                        tk.norm[:1] in "وف" and tk.norm[1:] in self.lex.characterization_verbs) or \
                        info is not None:
                    verb = k
                    break
            if verb is None:
                continue
            if same:
                c0 = same[-1]
                self.cands.append(_Cand("direct", mk.start, mk.close, c0.cue, c0.lemma, c0.mention, c0.mode,
                                        s, mk.start, True))
                self.used_marks.add(mk.open)
                continue
            mention = self._subject(verb, verb + 1, j, self.lex.cue_info(self.toks[verb].norm) or _VerbInfo)
            if mention is None:
                mention = self._main_subject(s)      # انتقد الوزير ... ما وصفه “...”
            if mention is None:
                continue
            vinfo = self.lex.cue_info(self.toks[verb].norm)
            if vinfo is not None and vinfo.needs_speaker and mention.kind != "pronoun" and \
                    not self._plausible(mention, strict=True):
                continue            # تابع الحلقات «...»: "followed", not "went on"
            vt = self.toks[verb]
            self.cands.append(_Cand("direct", mk.start, mk.close, vt, None, mention, "explicit", s,
                                    vt.start, True))
            self.used_marks.add(mk.open)


class _VerbInfo:
    """Cue flags for a characterisation verb that is not in the cue lexicon."""

    kind = "verb"
    lemma = None
    continuation = False
    strict = False
    needs_fi = False
    impersonal = False
    direct_only = False
    needs_speaker = False
    not_before: frozenset = frozenset()
