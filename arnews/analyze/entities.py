"""Per-article entities: tag mentions with the shipped recognizer, then group them.

Grouping is what turns tagged spans into something an analyst can read: mentions of one entity
are merged whatever their clitics (لليبيا → ليبيا), partial person names join the full name
(حفتر → خليفة حفتر), titles before a person become roles (وزير الداخلية), and each entity is
named by its fullest (people) or most frequent (places, organizations) form.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..model import Document, Entity, Mention, Token
from .entity_clubs import club_spans
from .entity_heads import STATE_ADJECTIVES, STATE_HEADS, head_spans
from .entity_spans import (AGENCY_ACRONYMS, CLOSE_MARKS, COMMON_WORD_COUNT, NEVER_NAMES, OPEN_MARKS, PUNCT_EDGE,
                           complete_quoted_names, expand_org_heads, gazetteer_places, named_places, is_org_headed,
                           join_hyphenated, kind_word, media_spans, not_a_name, outlet_spans, prefix_chars,
                           role_before, title_makes_person)


@dataclass
class _Cluster:
    key: tuple[str, ...]
    mentions: list[tuple[Mention, tuple[str, ...]]] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)   # (role or kind word, mention type)

    def type(self) -> str:
        return Counter(m.type for m, _ in self.mentions).most_common(1)[0][0]


def _decode_bio(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first token, last token + 1) for each tagged span; a stray I- opens a span."""
    spans: list[tuple[str, int, int]] = []
    cur: list = []
    for i, tag in enumerate(tags):
        kind, _, typ = tag.partition("-")
        if kind == "B" or (kind == "I" and (not cur or cur[0] != typ)):
            if cur:
                spans.append((cur[0], cur[1], i))
            cur = [typ, i]
        elif kind != "I":
            if cur:
                spans.append((cur[0], cur[1], i))
            cur = []
    if cur:
        spans.append((cur[0], cur[1], len(tags)))
    return spans


def _mention(doc: Document, toks: Sequence[Token], typ: str, sent: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The mention for a tagged token run: edge punctuation, titles and clitics trimmed."""
    toks = list(toks)
    while toks and toks[0].text in PUNCT_EDGE:
        toks.pop(0)
    while toks and toks[-1].text in PUNCT_EDGE and not (
            toks[-1].text in CLOSE_MARKS and any(t.text in OPEN_MARKS for t in toks[:-1])):
        toks.pop()
    if not toks:
        return None
    if typ == "PERS" and len(toks) > 1:
        from .ner.gazetteer import strip_titles

        kept = strip_titles([t.text for t in toks])
        toks = toks[len(toks) - len(kept):]
    first = toks[0]
    # an agency acronym (واس) is no clitic + stem, nor is a name word that would leave a
    # two-letter stem (فان in لويس فان غال is not ف + ان) - unless the stem is a name particle
    # of its own (ودي ميستورا, وبن علي: و + دي, و + بن)
    whole = bool(first.prefix) and (first.norm in AGENCY_ACRONYMS or (
        len(first.bare) < 3 and len(toks) > 1 and first.bare not in _NAME_PARTICLES))
    start = first.start + (0 if whole else prefix_chars(first))
    end = toks[-1].end
    if start >= end:
        return None
    key = tuple([first.norm if whole else first.bare] + [t.norm for t in toks[1:] if t.text not in PUNCT_EDGE])
    return Mention(start, end, doc.text[start:end], typ, sent), key


#: Short words that stand inside names (بن علي, دي ميستورا, آل سعود).
_NAME_PARTICLES = frozenset({"بن", "بنت", "دي", "دو", "دا", "ال", "ابن", "لا", "لو"})


def _name_of(doc: Document, mention: Mention, key: tuple[str, ...]) -> str:
    """Display name of a mention: as written, marks dropped, white space collapsed.

    A ل + ال token (للحكومة) is written back with its article (الحكومة).
    """
    text = "".join(c for c in mention.text if c not in "“”«»\"")
    if key and key[0].startswith("ال") and not text.startswith(("ال", "أل", "إل", "آل")) \
            and text.startswith("ل"):
        text = "ا" + text
    return " ".join(text.split())


_CLITIC_LETTERS = "وفبلك"


def _known_word(word: str) -> bool:
    """Is a و-initial word a word of its own (واشنطن، وزارة، وليد، ويليام), by the lexicon's
    counts or the gazetteer, rather than و + a name nobody listed (ودوستوفسكي)?"""
    from .ner.gazetteer import load_gazetteer
    from .tokenize import core_count, news_count

    return bool(core_count(word)) or word in load_gazetteer().entries or \
        news_count(word) > news_count(word[1:])


def _split_unknown_clitics(doc: Document, found: list[tuple[Mention, tuple[str, ...], str | None]]
                           ) -> list[tuple[Mention, tuple[str, ...], str | None]]:
    """Strip a proclitic the lexicon could not see (لأوباما) when the rest names a mention found
    elsewhere in the article (أوباما, باراك أوباما): the article itself shows it is a clitic. A
    و on a name that follows another name of its type is one too (a list of names)."""
    words = {w for _, key, _ in found for w in key}
    keys = {key for _, key, _ in found}
    ends = {(m.end, m.type) for m, _, _ in found}
    inner = {w for _, key, _ in found for w in key[1:]}   # words no clitic can stand on (ستيف ويتكوف)
    out = []
    for mention, key, role in found:
        first = key[0] if key else ""
        strip = 0
        for k in (1, 2):  # و/ف, then ب/ل/ك: وبنيروبي → نيروبي
            if len(first) - k < 3 or any(c not in _CLITIC_LETTERS for c in first[:k]):
                break
            if (first[k:],) + key[1:] in keys or (len(key) == 1 and first[k:] in words):
                strip = k
                break
        if not strip and first[:1] == "و" and len(first) > 4 and first not in inner and not _known_word(first):
            before = doc.text[:mention.start].rstrip()
            if any((len(b), mention.type) in ends for b in (before, before.rstrip("،,").rstrip())):
                strip = 1   # تشيخوف، ودوستوفسكي: a name in a list of names (not وليد)
        if strip:
            skip, letters = 0, 0
            while skip < len(mention.text) and (letters < strip or not mention.text[skip].isalpha()):
                letters += mention.text[skip].isalpha()
                skip += 1  # the clitic letters and any diacritics on them
            mention = Mention(mention.start + skip, mention.end, mention.text[skip:], mention.type,
                              mention.sentence)
            key = (first[strip:],) + key[1:]
        out.append((mention, key, role))
    return out


def group_mentions(doc: Document, found: list[tuple[Mention, tuple[str, ...], str | None]]) -> list[Entity]:
    """Group mentions (with their match keys and roles) into entities.

    For an organization the "role" is the kind of body written before it (حكومة in حكومة
    الوفاق): the most frequent one leads the display name and the entity has no roles.
    """
    found = _split_unknown_clitics(doc, found)
    clusters: dict[tuple[str, ...], _Cluster] = {}
    for mention, key, role in found:
        c = clusters.setdefault(key, _Cluster(key))
        c.mentions.append((mention, key))
        if role:
            c.roles.append((role, mention.type))
    # Partial person names join the longest person name that contains them as a word run.
    persons = sorted((c for c in clusters.values() if c.type() == "PERS"), key=lambda c: -len(c.key))
    for short in sorted(persons, key=lambda c: len(c.key)):
        if short.key not in clusters:
            continue
        best = None
        for long in persons:
            if len(long.key) <= len(short.key) or long.key not in clusters:
                continue
            if _part_of_name(short.key, long.key):
                if best is None or len(long.mentions) > len(best.mentions):
                    best = long
        if best is not None:
            best.mentions.extend(short.mentions)
            best.roles.extend(short.roles)
            del clusters[short.key]
    # An organization's longer form joins its shorter one (حكومة الوفاق الوطني → حكومة الوفاق),
    # and a bare name joins its headed form (الوفاق → حكومة الوفاق).
    orgs = sorted((c for c in clusters.values() if c.type() == "ORG"), key=lambda c: len(c.key))
    for c in sorted(orgs, key=lambda c: -len(c.key)):
        if c.key not in clusters:
            continue
        for short in orgs:
            if short is c or short.key not in clusters or len(short.key) >= len(c.key):
                continue
            if (len(short.key) >= 2 and c.key[:len(short.key)] == short.key) or c.key[1:] == short.key:
                target, other = (short, c) if len(short.key) >= 2 else (c, short)
                target.mentions.extend(other.mentions)
                target.roles.extend(other.roles)
                del clusters[other.key]
                break
    # A place's official or full form joins its short name (جمهورية ألبانيا، مكة المكرمة → ألبانيا،
    # مكة): one place, shown by the form the article uses most.
    places = [c for c in clusters.values() if c.type() == "LOC"]
    for long in sorted(places, key=lambda c: -len(c.key)):
        short_key = _place_core(long.key)
        if short_key != long.key and short_key in clusters and clusters[short_key].type() == "LOC":
            clusters[short_key].mentions.extend(long.mentions)
            clusters[short_key].roles.extend(long.roles)
            del clusters[long.key]
    entities: list[tuple[int, str, str, tuple[Mention, ...], tuple[str, ...]]] = []
    for c in clusters.values():
        typ = c.type()
        forms = Counter(c2 for _, c2 in c.mentions)
        if typ == "PERS":
            best_key = max(forms, key=lambda k: (len(k), forms[k]))
        else:
            best_key = max(forms, key=lambda k: (forms[k], len(k)))
        rep = next(m for m, k in c.mentions if k == best_key)
        mentions = tuple(sorted((m for m, _ in c.mentions), key=lambda m: m.start))
        name = _name_of(doc, rep, best_key)
        # only what was written with mentions of the entity's own type: a title before a name the
        # tagger once called a person (المتحدث الرسمي باسم آيباك) is no kind of the organization
        own = [r for r, t in c.roles if t == typ]
        roles = tuple(dict.fromkeys(own))
        if typ == "ORG":   # for organizations the "roles" are kind words (حكومة الوفاق)
            kind = Counter(own).most_common(1)[0][0] if own else ""
            if kind and not name.startswith(kind):
                name = f"{kind} {name}"
            roles = ()
        entities.append((mentions[0].start, typ, name, mentions, roles))
    entities.sort(key=lambda e: e[0])
    return [Entity(f"E{i}", typ, name, mentions, roles)
            for i, (_, typ, name, mentions, roles) in enumerate(entities, 1)]


#: Epithets that follow a city's name in its full form (مكة المكرمة، المدينة المنورة).
_PLACE_EPITHETS = frozenset({"المكرمه", "المنوره"})


def _place_core(key: tuple[str, ...]) -> tuple[str, ...]:
    """A place's match key without a leading state word and its closing adjectives (جمهورية مصر
    العربية → مصر) or a trailing epithet (مكة المكرمة → مكة)."""
    if len(key) > 1 and key[0] in STATE_HEADS:
        core = list(key[1:])
        while len(core) > 1 and core[-1] in STATE_ADJECTIVES:
            core.pop()
        return tuple(core)
    if len(key) == 2 and key[1] in _PLACE_EPITHETS:
        return key[:1]
    return key


def _part_of_name(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a person's name ``short`` is part of ``long``: a run of its words (حفتر in خليفة
    حفتر), or just its first and last names (خالد بوعلي in خالد عبدالله بوعلي). A name after بن
    is the father's (عبدالعزيز in محمد بن عبدالعزيز), and a shorter chain of بن is another
    person (محمد بن عبدالعزيز is not محمد بن سلمان بن عبدالعزيز)."""
    n = len(short)
    if any(long[i:i + n] == short and (i == 0 or long[i - 1] not in ("بن", "بنت"))
           for i in range(len(long) - n + 1)):
        return True
    return n == 2 and short[0] == long[0] and short[-1] == long[-1] and "بن" not in short


def _span_key(toks: Sequence[Token], a: int, b: int) -> tuple[str, ...]:
    words = [t for t in toks[a:b] if t.text not in PUNCT_EDGE]
    return tuple([words[0].bare] + [t.norm for t in words[1:]]) if words else ()


def _propagate(sents: list[Sequence[Token]], spans: list[list[tuple[str, int, int]]]) -> None:
    """Tag the untagged repetitions of names already found in the article (document consistency).

    A one-word name is only repeated when it is not a common word (the shipped lexicon), so that
    a person called صالح does not turn every لصالح into a mention.
    """
    from .tokenize import core_count

    known: dict[tuple[str, ...], str] = {}
    for toks, ss in zip(sents, spans):
        for typ, a, b in ss:
            key = _span_key(toks, a, b)
            if key and (len(key) > 1 or (len(key[0]) > 2 and core_count(key[0]) < COMMON_WORD_COUNT)):
                known.setdefault(key, typ)
    if not known:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(known, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    for toks, ss in zip(sents, spans):
        taken = [False] * len(toks)
        for _, a, b in ss:
            for i in range(a, b):
                taken[i] = True
        i = 0
        while i < len(toks):
            cands = by_first.get(toks[i].bare) if not taken[i] else None
            hit = None
            for key in cands or ():
                j = i + len(key)
                if j <= len(toks) and not any(taken[i:j]) and \
                        tuple(t.norm for t in toks[i + 1:j]) == key[1:]:
                    hit = (known[key], i, j)
                    break
            if hit:
                ss.append(hit)
                i = hit[2]
            else:
                i += 1
        ss.sort(key=lambda s: s[1])


#: A dateline (سبق- أبها:) stands in the article's first sentences: the headline and the first
#: line of the body.
_DATELINE_SENTENCES = 3


def find_entities(doc: Document, tagger=None, *, ner: str | None = None, ner_model=None) -> list[Entity]:
    """Tag ``doc`` (already tokenized) and return its entities, in order of first mention.

    ``tagger``: anything with ``tag(list[list[str]]) -> list[list[str]]``; by default the tagger
    of backend ``ner`` (``"default"``, the shipped one, or ``"camel"``) loaded from ``ner_model``
    (see :func:`arnews.analyze.ner.backends.load_ner_tagger`).
    """
    if tagger is None:
        from .ner.backends import load_ner_tagger

        tagger = load_ner_tagger(ner, ner_model)
    sents = [doc.tokens[s.token_start:s.token_end] for s in doc.sentences]
    all_tags = tagger.tag([[t.text for t in toks] for toks in sents])
    features = getattr(tagger, "features", None)
    decoded = [_decode_bio(tags) for tags in all_tags]
    # family names the tagger found in full names (نبيل العربي): such a word alone is no nationality
    family = {toks[b - 1].bare for toks, spans in zip(sents, decoded) for typ, a, b in spans
              if typ == "PERS" and b - a > 1}
    all_spans: list[list[tuple[str, int, int]]] = []
    for si, (toks, tagged) in enumerate(zip(sents, decoded)):
        spans = [s for s in tagged if not (s[2] - s[1] == 1 and toks[s[1]].norm in NEVER_NAMES)
                 and not (not_a_name(toks, *s) and toks[s[1]].bare not in family)]
        media = media_spans(toks)
        if media:
            spans = [s for s in spans if not any(s[1] < b and a < s[2] for _, a, b in media)] + media
        spans = complete_quoted_names(toks, join_hyphenated(toks, spans))
        spans = named_places(toks, head_spans(toks, gazetteer_places(toks, spans, features)))
        all_spans.append(outlet_spans(toks, spans, features, dateline=si < _DATELINE_SENTENCES))
    _propagate(sents, all_spans)
    club_spans(sents, all_spans)
    found: list[tuple[Mention, tuple[str, ...], str | None]] = []
    for si, (toks, spans) in enumerate(zip(sents, all_spans)):
        spans, kinds = expand_org_heads(toks, spans)
        ends = {b: (typ, a) for typ, a, b in spans}
        for typ, a, b in spans:
            role = role_before(doc, toks, a, ends)
            if role and typ != "PERS" and b - a <= 3 and toks[a].text not in OPEN_MARKS \
                    and not is_org_headed(toks[a]) and title_makes_person(toks, a):
                # A title before a name set off by a quotation mark or a comma, or an honorific
                # (الملك عبدالعزيز), marks a person (رئيس مجلس نواب طبرق “عقيلة صالح”); an office
                # right before a place or organization takes it as complement (حاكم دبي).
                typ = "PERS"
            if toks[a].text not in OPEN_MARKS and any(t.text in OPEN_MARKS for t in toks[a:b]) \
                    and b < len(toks) and toks[b].text in CLOSE_MARKS:
                b += 1  # حكومة “الوفاق” : keep the closing mark with the opened one
            res = _mention(doc, toks[a:b], typ, si)
            if res is None:
                continue
            mention, key = res
            if typ == "ORG":
                role = kind_word(toks[kinds[a]]) if a in kinds else None
            found.append((mention, key, role if typ in ("PERS", "ORG") else None))
    return group_mentions(doc, found)
