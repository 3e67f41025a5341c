"""Speakers of quotes: resolve a source mention to the fullest form the article gives it.

:class:`SpeakerResolver` maps short names (باشاغا), bare titles (الوزير), title + family name
(الدكتور النغيمشي) and back-references (تلك المصادر، الشركة) to the fullest name or the first
description seen in the article, using the persons found by the extractor and the entity
recognizer's PERS entities. The noun-phrase reading itself is :mod:`arnews.analyze.quote_np`.
"""

from __future__ import annotations

from typing import Sequence

from arnews.analyze.quote_lexicon import QuoteLexicon, norm, strip_clitic
from arnews.analyze.quote_np import NPParser
from arnews.analyze.quote_words import (_PERSON_NOUNS, _STATEMENT_HEADS, _TITLE_MODIFIERS, Mention, _contains, _key,
                                       _pronoun_suffixed, stem)
from arnews.analyze.quote_text import ALL_MARKS, TextIndex, Tok
from arnews.model import Entity

__all__ = ["Mention", "NPParser", "SpeakerResolver", "stem"]


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
                words = trim_family(e.name.split())
                k = next((i for i, w in enumerate(words) if i and norm(w) in self.lex.first_names), 0)
                if k and norm(words[0]) not in self.lex.first_names and norm(words[k - 1]) not in \
                        self.lex.name_particles:
                    words = words[k:]             # عسير | سعيد النقير: a place glued to the name
                self._add_person(" ".join(words), entity=True)
        for m in mentions:
            if m.kind == "person" and len(m.name.split()) <= 2 or self._family_like(m):
                for longer in self._expand_in_text(m.name):
                    self._add_person(longer)
            elif m.kind == "title":             # الدكتور الزياني: look for the full name in the text
                rest = [w for w in m.name.split() if not self._title_word(w.strip("."))]
                if len(rest) == 1 and norm(rest[0]).startswith("ال"):
                    for longer in self._expand_in_text(rest[0]):
                        self._add_person(longer)
        self.titled: list[tuple[int, tuple[str, ...], str]] = [(m.start, m.title, m.name) for m in mentions
                                                               if m.kind == "person" and m.title]
        self.chains = self._title_chains(mentions)
        self.aliases = self._aliases()

    def _family_like(self, m: Mention) -> bool:
        """A one-word definite description that is probably a family name (الحسيني)."""
        words = [w.strip(".") for w in m.name.split() if w.strip(".")]
        if m.kind != "desc" or len(words) != 1:
            return False
        n = norm(words[0])
        bare = n[2:] if n.startswith("ال") else n
        return n.startswith("ال") and bare not in self.lex.institution_words and \
            bare not in self.lex.source_heads and n not in self.lex.title_words and \
            not bare.endswith(("ون", "ين", "ات"))

    def _add_person(self, name: str, *, entity: bool = False) -> None:
        """Record a person name; ``entity``: an entity's name, whose clitics the entity layer
        has already separated (وارين بافيت is a name, not و + ارين)."""
        words = name.split()
        first = norm(words[0]) if words else ""
        if first[:1] == "و" and first not in self.lex.first_names and not first.startswith("وال") \
                and not entity:
            return                                # وأدى دودا: a verb, not part of the name
        if any((norm(w) in self.lex.institution_words or norm(w) in self.lex.title_words)
               and norm(w) not in self.lex.name_particles and norm(w) not in self.lex.first_names for w in words):
            return                                # حكومة مودي ...: not a personal name (رائد الخضر is)
        for i, w in enumerate(words[1:], 1):
            if norm(w) in ("رحمه", "رضي", "حفظه", "عليه", "صلي", "يرحمه", "رعاه"):
                words = words[:i]                 # محمد بن إبراهيم | رحمه الله
                name = " ".join(words)
                break
        key = _key(name.split())
        if key and all(key != k for k, _ in self.persons):
            self.persons.append((key, name))

    def _expand_in_text(self, name: str) -> list[str]:
        """Longer forms of a short name found in the text (…الرئيس سيب بلاتر… for بلاتر)."""
        key = _key(name.split())
        toks = self.idx.toks
        keys = self._token_keys()
        out = []
        for i, t in enumerate(toks):
            if keys[i] != key[0] or tuple(keys[i:i + len(key)]) != key:
                continue
            heading = self.idx.in_heading(t.start)
            lo = i
            for j in range(i - 1, max(-1, i - 4), -1):
                w = toks[j]
                if heading and not self.parser.is_first_name(w):
                    break           # a headline names with first names only (not: تحبس زوجة)
                if not w.is_word or self.parser.is_stop(w) or self.parser.is_title(w) or w.definite \
                        or _pronoun_suffixed(w):
                    break
                before = toks[j - 1] if j > 0 else None
                if self.lex.cue_info(w.norm) is not None or w.norm.startswith(("و", "ف")) and \
                        w.norm not in self.lex.first_names and not (
                            before is not None and (before.definite or self.parser.is_title(before))):
                    break
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
        """The longest known person name that contains ``name`` (word for word, or, for a name
        spelled differently in one place, consonant for consonant: بنيتيز ~ بينيتيز)."""
        key = _key(name.split())
        best = name
        best_len = len(key)
        for k, full in self.persons:
            if len(k) > best_len and (_contains(k, key) and not (
                    len(key) > 1 and k[-len(key):] == key and key[0] not in _PARTICLE_KEYS)
                    or len(key) == 2 and k[0] == key[0] and k[-1] == key[-1]):
                best, best_len = full, len(k)     # (طاهر البحراني is not عبدالله طاهر البحراني, his son;
                                                  # غازي الغامدي is غازي بن غرم الله الغامدي)
        if best is name and key and all(len(w) > 3 for w in key):
            skel = tuple(_skeleton(w) for w in key)
            for k, full in self.persons:
                if len(k) > best_len and _contains(tuple(_skeleton(w) for w in k), skel):
                    best, best_len = full, len(k)
        return best

    def known_person(self, word: str) -> bool:
        """Is ``word`` part of a longer person name of the article (a family name)?"""
        return self.fullest(word) != word

    def resolve(self, m: Mention, history: list[tuple[str, Mention]]) -> str | None:
        """The speaker name for mention ``m`` given the speakers already resolved (in order)."""
        prev = history[-1][0] if history else None
        if m.kind == "pronoun":
            return prev
        alias = self.aliases.get(_key(m.name.split()))
        if alias:
            return alias                           # أوبك -> منظمة البلدان المصدرة للبترول
        issuer = self._issuer(m)
        if issuer is not None:                     # بيان للوزارة -> the ministry
            return self.resolve(issuer, history)
        if m.kind == "person":
            full = self.fullest(m.name)
            if full == m.name and len(m.name.split()) == 1 and norm(m.name).startswith("ال"):
                head = stem(m.name)           # المنسقية after المنسقية العامة لرئاسة الوزراء: a
                for name, hm in reversed(history):   # body's back-reference, not a family name
                    if hm.kind in ("desc", "title") and len(name.split()) > 1 and stem(name.split()[0]) == head:
                        return name
            return full
        words = [w.strip(".") for w in m.name.split() if w.strip(".")]
        content = [w for w in words if norm(w) not in self.lex.back_reference_words
                   and norm(w) not in ("نفسه", "نفسها", "ذاته", "ذاتها")]
        if not content:
            return prev
        if len(content) <= 2:                      # الحسيني -> سامي الحسيني
            short = " ".join(content)
            full = self.fullest(short)
            if full != short:
                return full
        untitled = [w for w in content if not self._title_word(w) and len(norm(w)) > 1]
        if m.kind == "title" and 0 < len(untitled) <= 2 and norm(untitled[0]).startswith("ال"):
            short = " ".join(untitled)
            full = self.fullest(short)             # الدكتور النغيمشي -> عبدالله النغيمشي
            if full != short:
                return full
        if m.kind == "title":
            return self._resolve_title(m, content, history)
        head = stem(content[0])
        first = norm(content[0])
        backref = len(content) < len(words) or (first.startswith("ال") and len(content) <= 2) or (
            len(content) <= 4 and all(norm(w).startswith("ال") for w in content))   # المجلة المالية الصينية
        if backref:
            if head in _STATEMENT_HEADS and prev:
                return prev
            for name, hm in reversed(history):
                if name and hm.kind in ("desc", "title") and stem(name.split()[0]) == head:
                    return name
            bare = first[2:] if first.startswith("ال") else first
            if bare in self.lex.institution_words or bare in self.lex.source_heads or bare in _PERSON_NOUNS or \
                    self.parser._common_plural(Tok(0, 0, 0, bare, bare, bare)):   # (الرجل -> رجل ياباني)
                found = self._first_introduction(head, m.start, bare in self.lex.institution_words,
                                                 content[1:])
                if found:
                    return found
                if len(content) == 1 and bare in self.lex.institution_words:
                    named = self._named_after_head(head, m.start)
                    if named:                          # الشركة -> شركة زين: the body named so
                        return named
                    salient = self._salient_org(m.start)
                    if salient:                        # الشركة -> «زين السعودية», the article's body
                        return salient
        return " ".join(content) if len(content) < len(words) else self._fuller(m.name, m.start)

    def _fuller(self, name: str, before: int) -> str:
        """The body's fuller name written earlier in the article: the same words followed by a
        nationality adjective or by a ل genitive inside the tagged body (وزارة الداخلية -> وزارة
        الداخلية الأفغانية, الاتحاد البرازيلي -> الاتحاد البرازيلي لكرة القدم), as the spec names a
        source at its fullest."""
        want = [norm(w) for w in name.split()]
        if len(want) < 2:
            return name
        from arnews.analyze.ner.gazetteer import nationalities
        nat = nationalities()
        toks, best = self.idx.toks, name
        for i, t in enumerate(toks):
            if t.start >= before or i + len(want) >= len(toks):
                break
            if strip_clitic(t.norm) != want[0] and t.norm[1:] != want[0] or \
                    [x.norm for x in toks[i + 1:i + len(want)]] != want[1:]:
                continue
            j = i + len(want)
            if toks[j].norm in nat and toks[j].definite:
                j += 1
            elif toks[j].norm.startswith("ل") and toks[j].is_word and j + 1 < len(toks) and toks[j + 1].definite \
                    and toks[j + 1].is_word and self.parser.org_at.get(i, (0, 0))[1] >= toks[j + 1].end:
                j += 2                       # لكرة القدم، للأنباء ... where the body is tagged so (not
                                             # وزارة الخارجية | لصحيفة الحياة: a recipient)
            if j > i + len(want):
                rest = self.idx.text[toks[i + 1].start:toks[j - 1].end]   # (the first word as the
                full = name.split()[0] + " " + " ".join(rest.split())         # speaker has it: no clitic)
                if len(full) > len(best):
                    best = full
        return best

    def _issuer(self, m: Mention) -> Mention | None:
        """The body a statement belongs to, when the statement is the subject (وأوضح بيان
        للوزارة، وذكر بيان لوزارة الصحة): the source is the body, not its statement."""
        parts = m.name.split()
        if m.kind == "pronoun" or m.start < 0:
            return None
        if len(parts) >= 2 and norm(parts[0]) in _STATEMENT_NOUNS:
            parts, start = parts[1:], m.start + len(parts[0]) + 1
        else:                              # (بيان) للوزارة: the parser saw only the body
            i = self.idx.tok_at(m.start)
            if i < 1 or self.idx.toks[i].start != m.start or norm(self.idx.toks[i - 1].text) not in _STATEMENT_NOUNS:
                return None
            start = m.start
        n = norm(parts[0])
        if not n.startswith("ل") or len(n) < 4:
            return None
        body_word = n[2:] in self.lex.institution_words or n[2:] in self.lex.source_heads
        # للوزارة is ل + الوزارة; للجنة and للواء are ل + a word that begins with ل
        first = "ال" + parts[0][2:] if n.startswith("لل") and body_word else parts[0][1:]
        return Mention(" ".join([first] + parts[1:]), start + 1, m.end, "desc")

    def _org_at(self, pos: int) -> str | None:
        """The text of an organization mention that starts at ``pos``, if any (from the parser's
        index of ORG mentions by token)."""
        span = self.parser.org_at.get(self.idx.tok_at(pos))
        return self.idx.text[span[0]:span[1]] if span is not None and span[0] == pos else None

    def _salient_org(self, before: int) -> str | None:
        """The organization an article is about: named before ``before``, at least three times in
        the article, and at least twice as often as any other organization."""
        counts = sorted(((len(e.mentions), e.name) for e in self.entities
                         if e.type == "ORG" and e.mentions[0].start < before), reverse=True)
        if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
            return counts[0][1]
        return None

    def _named_after_head(self, head: str, before: int) -> str | None:
        """The organization the article last named right after the head noun ``head`` before
        ``before`` (شركة [زين السعودية] ... وأوضحت الشركة): a back-reference to it."""
        best, best_at = None, -1
        for e in self.entities:
            if e.type != "ORG":
                continue
            for mt in e.mentions:
                if best_at < mt.start < before:
                    i = self.idx.tok_at(mt.start)
                    prev = self.idx.toks[i - 1] if i > 0 and self.idx.toks[i].start == mt.start else None
                    if prev is not None and prev.is_word and _head_clitic(prev, head, lil=True) is not None:
                        best, best_at = e.name, mt.start
        return best

    def _title_word(self, w: str) -> bool:
        n = norm(w)
        n = n[1:] if n[:1] in "وف" and n[1:3] == "ال" else n
        return n in self.lex.title_words or (len(n) > 3 and n.endswith("ه") and n[:-1] in self.lex.title_words)

    def _resolve_title(self, m: Mention, content: list[str], history) -> str:
        want = {_chain_key(norm(w)) for w in content if len(norm(w)) > 2}
        for name, hm in reversed(history):
            if hm.kind == "person" and hm.title and _overlap(want, {_chain_key(norm(w)) for w in hm.title}) \
                    == len(want):
                return name
        for _, title, name in self.titled:      # (a title may be named later: قائد الجيش ... وقال الجنرال X)
            if _overlap(want, {_chain_key(norm(w)) for w in title}) == len(want):
                return self.fullest(name)
        found = self._by_chain(content, m.start)
        if found:
            return found
        n = norm(content[0])
        bare = n[2:] if n.startswith("ال") else n
        if n.startswith("ال") and (bare in self.lex.source_heads or n in self.lex.source_heads):
            intro = self._first_introduction(stem(content[0]), m.start, False, content[1:])
            if intro:                              # المسؤول الحكومي -> مسؤول حكومي كبير
                return intro
        quoted = {name for name, hm in history if hm.kind == "person"}
        if len(quoted) == 1:
            return next(iter(quoted))
        if len(content) <= 2 and not (bare in self.lex.source_heads or n in self.lex.source_heads):
            salient = self.salient_person()        # اللاعب، الوزير: the person the article is about
            if salient:
                return salient
        person_speakers = {self.fullest(n) for _, _, n in self.titled} | quoted
        if len(person_speakers) == 1:
            return next(iter(person_speakers))
        if not person_speakers and len({self.fullest(n) for _, n in self.persons}) == 1:
            return self.fullest(self.persons[0][1])
        return m.name

    def salient_person(self) -> str | None:
        """The person the article is about: a multi-word name whose last word occurs at least
        three times and twice as often as that of any other person."""
        if not hasattr(self, "_salient"):
            keys = self._token_keys()
            counts = {}
            for k, full in self.persons:
                if len(k) > 1:
                    counts[self.fullest(full)] = max(counts.get(self.fullest(full), 0), keys.count(k[-1]))
            ranked = sorted(counts.items(), key=lambda x: -x[1])
            self._salient = None
            if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
                self._salient = ranked[0][0]
        return self._salient

    def _token_keys(self) -> list[str]:
        if not hasattr(self, "_tok_keys"):
            self._tok_keys = [_key([t.text])[0] if t.is_word else "" for t in self.idx.toks]
        return self._tok_keys

    def _first_introduction(self, head: str, before: int, institution: bool,
                            modifiers: Sequence[str] = ()) -> str | None:
        """The indefinite mention of ``head`` that introduced a back-reference (مصادر ... for
        المصادر; شركة توشيبا كورب -> توشيبا كورب and صحيفة "toda pasion" -> toda pasion for
        الشركة/الصحيفة): the latest one before ``before`` that shares most of the back-reference's
        modifiers (المصادر الأمنية -> مصادر أمنية مطلعة, not an earlier مصادر طبية)."""
        toks = self.idx.toks
        want = {stem(w) for w in modifiers if len(norm(w)) > 2}
        best, best_score = None, (False, -1)
        for i, t in enumerate(toks):
            if t.start >= before:
                break
            if not t.is_word or self.idx.in_heading(t.start) or (t.definite and not (institution and not want)):
                continue            # a bare back-reference (المحكمة) may go back to a definite full
                                    # name too: المحكمة الجزائية المتخصصة في جدة
            clitic = _head_clitic(t, head)
            if clitic is None:
                continue
            if clitic:              # (لشركة المياه الوطنية: an introduction after a preposition)
                t = Tok(t.i, t.start + 1, t.end, t.text[1:], t.norm[1:], t.bare[1:])
            window = [t] + toks[i + 1:i + 16]
            found, named = None, False
            if institution and not t.definite:
                k = self.parser._name_start(window)
                ent = self._org_at(toks[i + 1].start) if i + 1 < len(toks) else None
                if ent is not None and k is not None and k != 1:
                    found, named = ent, True       # شركة [زين السعودية] ...: the body's tagged name
                elif k and not any(self.parser.is_title(w) for w in window[1:k]):   # not: شركة X الدكتور Y
                    whole = self._org_at(t.start)
                    if whole is not None and k >= len(whole.split()) > 1:
                        found, named = whole, True     # [وزارة الداخلية] قرارا: the name is after
                    else:                              # the body tagged whole, its object
                        found, named = self.parser._person(window, k).name, True
            if found is None:
                m = self.parser._description(window)
                if m is not None and m.start >= t.start and (len(m.name.split()) > 1 or m.start > t.start) \
                        and not (t.definite and m.start > t.start):
                    found, named = m.name, m.start > t.start   # (a definite name: only itself, not
                                                              # the object after it: المحكمة العليا قرارا)
            if found is not None:
                score = (named, len(want & {stem(w) for w in found.split()}))
                if score >= best_score:
                    best, best_score = found, score
        return best

    # -- whole-text indexes ---------------------------------------------------------------
    def _title_chains(self, mentions: Sequence[Mention]) -> list[tuple[int, frozenset[str], str]]:
        """For every person mention in the text (PERS entity mentions and the extractor's person
        subjects): its position, the words of the title chain right before it and its name.
        "والمدير العام لإدارة الطوارئ والأزمات في ألبانيا شامسي براتشي" lets a later bare
        "المدير العام لإدارة الطوارئ" be resolved to شامسي براتشي."""
        spans = [(s, e) for s, e in self.parser.pers_at.values()]
        spans += [(m.start, m.end) for m in mentions if m.kind == "person" and m.start >= 0]
        out = []
        toks = self.idx.toks
        for s, e in sorted(set(spans)):
            i = self.idx.tok_at(s)
            words: list[str] = []
            j = i - 1
            if j >= 0 and toks[j].text in "،,":
                j -= 1
            while j >= 0 and len(words) < 12:
                t = toks[j]
                if t.text == "." and j > 0 and toks[j - 1].is_word and len(toks[j - 1].bare) == 1:
                    j -= 2              # م. / د.: an abbreviated title
                    continue
                modifier = j > 0 and t.bare in _TITLE_MODIFIERS and self.parser.is_title(toks[j - 1])
                if not t.is_word or not modifier and (self.parser._hard_stop(t) or (
                        self.parser.is_stop(t) and t.norm not in ("في", "عن", "من"))):
                    break
                words.append(_chain_key(t.norm))
                if self._title_word(t.text) and (t.norm[:1] == "و" or j == 0 or not toks[j - 1].is_word):
                    break
                j -= 1
            k = self.idx.tok_from(e)            # apposition: نيكوس اناستاسيادس، رئيس جمهورية قبرص،
            if k < len(toks) and toks[k].text in "،," and k + 1 < len(toks) and self._title_word(toks[k + 1].text):
                k += 1
                while k < len(toks) and toks[k].is_word and len(words) < 20 and not self.parser._hard_stop(
                        toks[k]) and (not self.parser.is_stop(toks[k]) or toks[k].norm in ("في", "من")):
                    words.append(_chain_key(toks[k].norm))
                    k += 1
            name = self.fullest(" ".join(trim_family(self.idx.text[s:e].split())))
            if words:
                out.append((s, frozenset(w for w in words if len(w) > 2), name))
        return out

    def _by_chain(self, content: Sequence[str], before: int) -> str | None:
        """The person whose title chain shares most words with a bare title or description
        (at least half of them; the latest such person before ``before`` on a tie)."""
        keys = [_chain_key(norm(w)) for w in content]
        want = {w for w in keys if len(w) > 2}
        if not want or keys[0] not in want:
            return None
        need = len(want) if len(want) <= 2 else (len(want) + 1) // 2
        best, best_score = None, 0
        for pos, chain, name in self.chains:
            if pos >= before:
                break
            score = _overlap(want, chain)
            if _overlap({keys[0]}, chain) and score >= need and score >= best_score:
                best, best_score = name, score
        return best

    def _aliases(self) -> dict[tuple[str, ...], str]:
        """Acronyms and short names given in parentheses after a full institution name:
        "منظمة البلدان المصدرة للبترول (أوبك)" makes أوبك stand for the full name."""
        toks = self.idx.toks
        out: dict[tuple[str, ...], str] = {}
        for i, t in enumerate(toks):
            if t.text != "(" or i < 2:
                continue
            close = next((k for k in range(i + 1, min(len(toks), i + 5)) if toks[k].text == ")"), None)
            if close is None or close == i + 1 or not all(x.is_word for x in toks[i + 1:close]):
                continue
            head = None
            for j in range(i - 1, max(-1, i - 8), -1):
                w = toks[j]
                if not w.is_word:
                    break
                if w.bare in self.lex.institution_words and not self._title_word(w.text):
                    head = j
            if head is None or head == i - 1:
                continue
            alias = _key([x.text for x in toks[i + 1:close]])
            out.setdefault(alias, self.idx.text[toks[head].start:toks[i - 1].end])
        return out

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


#: Statements that stand for the body issuing them (بيان للوزارة).
_STATEMENT_NOUNS = frozenset({"بيان", "بلاغ"})


def _head_clitic(t: Tok, head: str, *, lil: bool = False) -> int | None:
    """0 when token ``t`` is the head noun ``head`` (by :func:`stem`), 1 when it is that noun
    after the preposition ل or ب (لشركة, بوزارة; with ``lil`` also ل + ال written لل: للجنة),
    None otherwise."""
    if stem(t.text) == head:
        return 0
    if t.norm[:1] in "لب" and (lil or not t.norm.startswith("لل")) and stem(t.text[1:]) == head:
        return 1
    return None


_CHAIN_PREFIXES = ("وال", "فال", "بال", "لل", "ال")
_PARTICLE_KEYS = frozenset({"بن", "ابن", "بنت", "ابو", "ال", "عبد", "ام", "دي", "دا", "دو", "فان", "فون"})


def _chain_key(n: str) -> str:
    """A normalized word without clitics and article, for comparing title chains (لإدارة ~ إدارة)."""
    for p in _CHAIN_PREFIXES:
        if n.startswith(p) and len(n) - len(p) > 2:
            n = "ال" + n[len(p):] if p == "لل" else n[len(p):]
            if n.startswith("ال") and len(n) > 4:
                n = n[2:]
            break
    n = n[:-1] if n.endswith("ه") and len(n) > 3 else n
    return n[:-1] if n.endswith("ي") and len(n) > 4 else n      # القبرصي ~ قبرص (a nisba)


def _overlap(want: set[str], chain: set[str] | frozenset[str]) -> int:
    """How many words of ``want`` the chain has, a one-letter clitic (و، ل، ب) allowed on
    either side (لإدارة ~ إدارة, والمدير ~ مدير)."""
    n = 0
    for w in want:
        if w in chain or any(len(c) == len(w) + 1 and c[0] in "ولب" and c[1:] == w or
                             len(w) == len(c) + 1 and w[0] in "ولب" and w[1:] == c for c in chain):
            n += 1
    return n


def _skeleton(word: str) -> str:
    """A word without its long vowels (ا و ي): names transcribed twice differ there most."""
    return "".join(ch for ch in word if ch not in "اويىء")


def trim_family(words: list[str]) -> list[str]:
    """A person name cut after its family name: a definite word (not the first) followed by a
    word that is neither definite nor a name particle ends the name (خالد العطوي | حسن)."""
    for i in range(1, len(words) - 1):
        w, nxt = norm(words[i]), norm(words[i + 1])
        if w.startswith("ال") and len(w) > 3 and norm(words[i - 1]) not in ("عبد", "ابو", "بن", "ال") and \
                not nxt.startswith("ال") and nxt not in ("بن", "بنت", "ال", "ابو", "ابن"):
            return words[:i + 1]
    return words
