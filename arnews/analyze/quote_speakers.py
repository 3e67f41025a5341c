"""Speakers of quotes: read the source noun phrase, strip titles, resolve it to its fullest form.

Arabic news names a source as ``[titles] name [apposition]`` ("وزير الداخلية فتحي باشاغا",
"جون فالون المدير العام لدار «بيرسون»") or as a description ("مصادر دبلوماسية مطلعة",
"المتحدث باسم الجيش"). :meth:`NPParser.parse` finds where the name starts (a known first name, or
the first indefinite word after a definite one: titles and their complements end with a
definite word, names do not start with one) and where it ends (a title word, a preposition,
punctuation). :class:`SpeakerResolver` then maps short names (باشاغا), bare titles (الوزير)
and back-references (تلك المصادر) to the fullest form seen in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from arnews.analyze.quote_lexicon import QuoteLexicon, norm
from arnews.analyze.quote_text import ALL_MARKS, CLOSERS, TextIndex, Tok
from arnews.model import Entity

MAX_NAME_WORDS = 7
MAX_DESC_WORDS = 9
CLOSING = CLOSERS + '"'
_QUANTIFIERS = frozenset({"احد", "احدى", "بعض", "بعضهم", "عدد", "كل", "جميع", "معظم", "غالبيه", "اغلب"})
_TITLE_MODIFIERS = frozenset({"اول", "ثان", "ثاني", "ركن", "طيار", "بحري", "متقاعد"})
_STATEMENT_HEADS = frozenset({"بيان", "تقرير", "رساله", "خطاب"})
_KINSHIP = frozenset({"والد", "والده", "شقيق", "شقيقه", "زوج", "زوجه", "ابن", "ابنه", "نجل", "نجله",
                      "عم", "خال", "اخ", "اخت", "جد", "جده", "اسره", "عائله", "ذوو", "ذوي", "والدا", "ارمله"})
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


def _pronoun_suffixed(t: Tok) -> bool:
    """A noun with a possessive suffix (استقالته، تصريحاته) cannot be part of a name."""
    return len(t.norm) > 4 and t.norm.endswith(("ته", "تها", "اته", "اتها", "هما", "تهم"))


class NPParser:
    """Finds the speaker inside a window of tokens."""

    def __init__(self, idx: TextIndex, lex: QuoteLexicon) -> None:
        self.idx = idx
        self.lex = lex

    # -- word classes -------------------------------------------------------------------
    def is_title(self, t: Tok) -> bool:
        return t.bare in self.lex.title_words or t.norm in self.lex.title_words

    def is_first_name(self, t: Tok) -> bool:
        n = t.bare
        return n in self.lex.first_names or (n.startswith("عبد") and len(n) > 4)

    def is_stop(self, t: Tok) -> bool:
        n = t.norm
        return (n in self.lex.np_stop_words or n in self.lex.time_words or n in self.lex.recipient_words
                or self.lex.cue_info(n) is not None or n in ("عليه", "عليها", "صلى", "رضي", "رحمه"))

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
        if first.norm in self.lex.honorific_pronouns or first.bare in ("هو", "هي", "هم", "بدوره", "بدورها",
                                                                         "عنه", "عنها", "عنهم"):
            return Mention(first.text, first.start, first.end, "pronoun")
        if first.bare in self.lex.speech_event_nouns and toks[0] is first:
            return None                       # واختتم تصريحه بالقول: no subject here
        # a name in marks or parentheses right at the start: وقال "الزوي":
        if toks[0].text in ALL_MARKS + "(":
            inner = self._bracketed(toks, 0)
            if inner:
                return inner
        k = self._name_start(toks)
        if k is not None:
            return self._person(toks, k)
        return self._description(toks)

    def _bracketed(self, toks: list[Tok], j: int) -> Mention | None:
        opener = toks[j].text
        closer = ")" if opener == "(" else None
        for e in range(j + 1, min(len(toks), j + 7)):
            if (closer and toks[e].text == closer) or (not closer and toks[e].text in ALL_MARKS):
                inner = [t for t in toks[j + 1:e] if t.is_word]
                if 1 <= len(inner) <= 4 and not any(self.lex.cue_info(t.norm) for t in inner):
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
            if j > 0 and (self._hard_stop(t) or self.is_stop(t) and not (seen_title and t.norm == "في")):
                break
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
        if not cands:
            return None
        for k in cands:                       # the first name that closes the phrase
            end = k + len(self._person_words(toks, k))
            nxt = toks[end] if end < len(toks) else None
            if nxt is None or (not nxt.is_word and nxt.start not in self.idx.mark_by_open and nxt.text != "(") \
                    or self.is_title(nxt) or self._hard_stop(nxt) or self.is_stop(nxt) or \
                    nxt.norm in ("في", "من", "عن", "على", "الى"):
                return k
        return cands[0]

    def _closing(self, t: Tok | None) -> bool:
        return t is not None and (t.start in self.idx.mark_by_close or t.text == ")")

    def _can_start(self, t: Tok, prev: Tok | None, seen_title: bool, nxt: Tok | None) -> bool:
        if t.definite or t.bare in self.lex.institution_words or t.bare in self.lex.speech_event_nouns:
            return False
        if t.norm.startswith("و") and not self.is_first_name(t):
            return False
        if t.bare.isdigit() or t.norm in self.lex.np_stop_words or _pronoun_suffixed(t):
            return False
        if t.norm == "باسم" and (nxt is None or not nxt.is_word or nxt.definite or
                                 nxt.bare in self.lex.institution_words):
            return False                      # باسم الحكومة: "on behalf of", not the name Basem
        if prev is not None and prev.bare in self.lex.name_particles:
            return False
        if self.is_first_name(t) and (seen_title or prev is None or prev.definite or self._closing(prev)):
            return True
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
        return not (self.is_title(t) or bare in self.lex.institution_words or t.bare in self.lex.institution_words
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
        seen_def = False
        for t in toks[k:]:
            if not t.is_word:
                break
            if words and (self.is_title(t) and t.bare not in self.lex.name_particles):
                break
            if words and (self.is_stop(t) or t.bare in self.lex.speech_event_nouns):
                break
            if words and t.norm.startswith("و") and (t.norm[1:] in self.lex.first_names or
                                                     t.norm[1:3] == "ال" or t.norm == "و"):
                break
            if words and t.norm[:1] in "بل" and (t.norm[1:3] == "ال" or t.norm[:2] == "لل" or
                                                 t.norm[1:] in self.lex.speech_event_nouns):
                break
            if seen_def and t.bare not in self.lex.name_particles and not (words and words[-1].bare in
                                                                          self.lex.name_particles):
                break
            if words and _pronoun_suffixed(t):
                break
            if words and t.norm[:1] == "ل" and not self.is_first_name(t) and t.bare not in self.lex.name_particles:
                break                             # نتنياهو | لرانتشي: a recipient
            nxt = toks[toks.index(t) + 1] if toks.index(t) + 1 < len(toks) else None
            if words and not self.is_first_name(t) and t.bare not in self.lex.name_particles and \
                    t.norm != "عبد" and not t.definite and nxt is not None and nxt.is_word and nxt.definite \
                    and not nxt.bare.endswith("ي") and nxt.bare not in self.lex.name_particles \
                    and not self.is_title(nxt):
                break                             # خالد شراحيلي | معسكر الفريق
            if words and t.definite and not (words[-1].bare in self.lex.name_particles or words[-1].norm == "عبد"):
                later = toks[toks.index(t) + 1] if toks.index(t) + 1 < len(toks) else None
                if later is not None and later.is_word and later.definite and not self.is_title(later) \
                        and later.bare not in self.lex.name_particles:
                    break                         # عبدالله بن سعد | الاتحاد السعودي
            words.append(t)
            if t.definite and not (len(words) > 1 and words[-2].norm in ("عبد", "ابو", "أبو")):
                seen_def = True
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
            if words and t.norm in ("في", "من", "عن") and j + 1 < len(toks) and toks[j + 1].is_word and \
                    not (t.norm == "عن" and words[-1].definite and not words[-1].norm.startswith("لل")):
                nxt = toks[j + 1]
                if nxt.bare in self.lex.speech_event_nouns or _unsuffixed(nxt.bare) in self.lex.speech_event_nouns or nxt.norm in self.lex.time_words or \
                        self.lex.cue_info(nxt.norm) or nxt.norm in self.lex.np_stop_words or \
                        nxt.norm in self.lex.complementizers:
                    break
                words.append(t)
                j += 1
                continue
            if words and (self.is_stop(t) or self.is_recipient(toks, j) or t.bare in _QUANTIFIERS
                          or t.text[:1].isdigit()):
                break
            if words and t.norm[:1] in "بل" and (t.norm[1:] in self.lex.speech_event_nouns or len(t.norm) <= 2):
                break
            if words and t.norm.startswith("ل") and not t.norm.startswith("لل") and \
                    (t.norm[1:] in self.lex.name_intro_words or t.norm[1:] in self.lex.source_heads):
                break
            if words and _pronoun_suffixed(t):
                break
            if len(words) >= 2 and self.is_title(words[0]) and words[-1].definite and not t.definite \
                    and t.is_word and not self.is_title(t) and t.bare not in self.lex.institution_words \
                    and t.norm[:1] not in "بلو" and t.norm not in ("في", "من", "عن"):
                break                             # المتحدث الرسمي للاتحاد | موعد الإعلان
            if words and t.definite and not words[-1].definite and words[-1].bare.endswith(("يه", "ي")) \
                    and len(words) >= 2 and len(words[-1].bare) > 3:
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
        if self.is_title(first) and (first.definite or (len(words) > 1 and words[1].definite)):
            kind = "title"
        elif len(words) == 1 and first.definite and self._family_like(first):
            kind = "person"                       # الجبير، المعيبد: a family name
        return Mention(self.idx.text[words[0].start:words[-1].end], words[0].start, words[-1].end, kind,
                       tuple(w.bare for w in words))


class SpeakerResolver:
    """Maps mentions to the fullest name or first description in the article."""

    def __init__(self, idx: TextIndex, lex: QuoteLexicon, parser: NPParser,
                 mentions: Sequence[Mention], entities: Sequence[Entity] = ()) -> None:
        self.idx = idx
        self.lex = lex
        self.parser = parser
        self.entities = list(entities)
        self.persons: list[tuple[tuple[str, ...], str]] = []
        for m in mentions:
            if m.kind == "person":
                self._add_person(m.name)
        for e in self.entities:
            if e.type == "PERS":
                self._add_person(e.name)
        for m in mentions:
            if m.kind == "person" and len(m.name.split()) <= 2 or self._family_like(m):
                for longer in self._expand_in_text(m.name):
                    self._add_person(longer)
        self.titled: list[tuple[tuple[str, ...], str]] = [(m.title, m.name) for m in mentions
                                                          if m.kind == "person" and m.title]

    def _family_like(self, m: Mention) -> bool:
        """A one-word definite description that is probably a family name (الحسيني)."""
        words = m.name.split()
        if m.kind != "desc" or len(words) != 1:
            return False
        n = norm(words[0])
        bare = n[2:] if n.startswith("ال") else n
        return n.startswith("ال") and bare not in self.lex.institution_words and \
            bare not in self.lex.source_heads and n not in self.lex.title_words and \
            not bare.endswith(("ون", "ين", "ات"))

    def _add_person(self, name: str) -> None:
        words = name.split()
        first = norm(words[0]) if words else ""
        if first[:1] == "و" and first not in self.lex.first_names and not first.startswith("وال"):
            return                                # وأدى دودا: a verb, not part of the name
        if any((norm(w) in self.lex.institution_words or norm(w) in self.lex.title_words)
               and norm(w) not in self.lex.name_particles for w in words):
            return                                # حكومة مودي ...: not a personal name
        key = _key(name.split())
        if key and all(key != k for k, _ in self.persons):
            self.persons.append((key, name))

    def _expand_in_text(self, name: str) -> list[str]:
        """Longer forms of a short name found in the text (…الرئيس سيب بلاتر… for بلاتر)."""
        key = _key(name.split())
        toks = self.idx.toks
        if not hasattr(self, "_tok_keys"):
            self._tok_keys = [_key([t.text])[0] if t.is_word else "" for t in toks]
        keys = self._tok_keys
        out = []
        for i, t in enumerate(toks):
            if keys[i] != key[0] or tuple(keys[i:i + len(key)]) != key:
                continue
            lo = i
            for j in range(i - 1, max(-1, i - 4), -1):
                w = toks[j]
                if not w.is_word or self.parser.is_stop(w) or self.parser.is_title(w) or w.definite \
                        or _pronoun_suffixed(w):
                    break
                if self.lex.cue_info(w.norm) is not None or w.norm.startswith(("و", "ف")) and \
                        w.norm not in self.lex.first_names:
                    break
                before = toks[j - 1] if j > 0 else None
                after = toks[i + len(key)] if i + len(key) < len(toks) else None
                if self.parser.is_first_name(w) or w.bare in self.lex.name_particles or (
                        before is not None and (before.definite or self.parser.is_title(before)
                                                or before.text in ALL_MARKS)) or (
                        j == i - 1 and after is not None and self.parser.is_title(after)):
                    lo = j
                    continue
                break
            if lo < i:
                out.append(self.idx.text[toks[lo].start:toks[i + len(key) - 1].end])
        return out

    def fullest(self, name: str) -> str:
        key = _key(name.split())
        best = name
        best_len = len(key)
        for k, full in self.persons:
            if len(k) > best_len and _contains(k, key):
                best, best_len = full, len(k)
        return best

    def resolve(self, m: Mention, history: list[tuple[str, Mention]]) -> str | None:
        """The speaker name for mention ``m`` given the speakers already resolved (in order)."""
        prev = history[-1][0] if history else None
        if m.kind == "pronoun":
            return prev
        if m.kind == "person":
            return self.fullest(m.name)
        words = m.name.split()
        content = [w for w in words if norm(w) not in self.lex.back_reference_words
                   and norm(w) not in ("نفسه", "نفسها", "ذاته", "ذاتها")]
        if not content:
            return prev
        if len(content) <= 2:                      # الحسيني -> سامي الحسيني
            short = " ".join(content)
            full = self.fullest(short)
            if full != short:
                return full
        if m.kind == "title":
            return self._resolve_title(m, content, history)
        head = stem(content[0])
        first = norm(content[0])
        backref = len(content) < len(words) or (first.startswith("ال") and len(content) <= 2)
        if backref:
            if head in _STATEMENT_HEADS and prev:
                return prev
            for name, hm in reversed(history):
                if name and hm.kind in ("desc", "title") and stem(name.split()[0]) == head:
                    return name
            bare = first[2:] if first.startswith("ال") else first
            if bare in self.lex.institution_words or bare in self.lex.source_heads or \
                    self.parser._common_plural(Tok(0, 0, 0, bare, bare, bare)):
                found = self._first_introduction(head, m.start, bare in self.lex.institution_words)
                if found:
                    return found
        return " ".join(content) if len(content) < len(words) else m.name

    def _resolve_title(self, m: Mention, content: list[str], history) -> str:
        want = {stem(w) for w in content if len(norm(w)) > 2}
        for name, hm in reversed(history):
            if hm.kind == "person" and hm.title and want <= {stem(w) for w in hm.title}:
                return name
        for title, name in self.titled:
            if want <= {stem(w) for w in title}:
                return self.fullest(name)
        person_speakers = {self.fullest(n) for _, n in self.titled} | {
            name for name, hm in history if hm.kind == "person"}
        if len(person_speakers) == 1:
            return next(iter(person_speakers))
        if not person_speakers and len({self.fullest(n) for _, n in self.persons}) == 1:
            return self.fullest(self.persons[0][1])
        return m.name

    def _first_introduction(self, head: str, before: int, institution: bool) -> str | None:
        """The first indefinite mention of ``head`` in the body (مصادر ... for المصادر;
        شركة توشيبا كورب -> توشيبا كورب for الشركة)."""
        toks = self.idx.toks
        for i, t in enumerate(toks):
            if t.start >= before:
                break
            if not t.is_word or t.definite or stem(t.text) != head or self.idx.in_heading(t.start):
                continue
            window = toks[i:i + 16]
            if institution:
                k = self.parser._name_start(window)
                if k:
                    return self.parser._person(window, k).name
            m = self.parser._description(window)
            if m is not None and m.start == t.start and len(m.name.split()) > 1:
                return m.name
        return None

    def entity_for(self, name: str, start: int | None, end: int | None) -> str | None:
        """Id of the entity whose mention overlaps the speaker span or whose name matches."""
        if start is not None and end is not None:
            for e in self.entities:
                if any(mm.start < end and start < mm.end for mm in e.mentions):
                    return e.id
        key = _key(name.split())
        for e in self.entities:
            ek = _key(e.name.split())
            if ek == key or (len(key) > 1 and _contains(ek, key)) or (len(ek) > 1 and _contains(key, ek)):
                return e.id
        return None


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))
