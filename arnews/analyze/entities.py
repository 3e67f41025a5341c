"""Per-article entities: tag mentions with the shipped recognizer, then group them.

Grouping is what turns tagged spans into something an analyst can read: mentions of one entity
are merged whatever their clitics (لليبيا → ليبيا), partial person names join the full name
(حفتر → خليفة حفتر), titles before a person become roles (وزير الداخلية), and each entity is
named by its fullest (people) or most frequent (places, organizations) form.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..model import Document, Entity, Mention, Token

_PUNCT_EDGE = set("“”«»\"'()[]{}،,.:;؛!?؟-–—…")
_MAX_ROLE_TOKENS = 5


@dataclass
class _Cluster:
    key: tuple[str, ...]
    mentions: list[tuple[Mention, tuple[str, ...]]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

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


def _prefix_chars(token: Token) -> int:
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


def _mention(doc: Document, toks: Sequence[Token], typ: str, sent: int) -> tuple[Mention, tuple[str, ...]] | None:
    """The mention for a tagged token run: edge punctuation, titles and clitics trimmed."""
    toks = list(toks)
    while toks and toks[0].text in _PUNCT_EDGE:
        toks.pop(0)
    while toks and toks[-1].text in _PUNCT_EDGE and not (
            toks[-1].text in _CLOSE_MARKS and any(t.text in _OPEN_MARKS for t in toks[:-1])):
        toks.pop()
    if not toks:
        return None
    if typ == "PERS" and len(toks) > 1:
        from .ner.gazetteer import strip_titles

        kept = strip_titles([t.text for t in toks])
        toks = toks[len(toks) - len(kept):]
    first = toks[0]
    start = first.start + _prefix_chars(first)
    end = toks[-1].end
    if start >= end:
        return None
    key = tuple([first.bare] + [t.norm for t in toks[1:] if t.text not in _PUNCT_EDGE])
    return Mention(start, end, doc.text[start:end], typ, sent), key


def _name_of(doc: Document, mention: Mention, key: tuple[str, ...]) -> str:
    """Display name of a mention: as written, marks dropped, white space collapsed.

    A ل + ال token (للحكومة) is written back with its article (الحكومة).
    """
    text = "".join(c for c in mention.text if c not in "“”«»\"")
    if key and key[0].startswith("ال") and not text.startswith(("ال", "أل", "إل", "آل")) \
            and text.startswith("ل"):
        text = "ا" + text
    return " ".join(text.split())


#: Quotation marks around names: each opening mark and the mark that closes it.
_CLOSE_OF = {"“": "”", "«": "»", "\"": "\""}
_OPEN_MARKS = set(_CLOSE_OF)
_CLOSE_MARKS = "".join(_CLOSE_OF.values())
_SKIP_BEFORE_NAME = set("“«\"،,")
_MEDIA_HEADS = frozenset({"موقع", "صحيفه", "جريده", "قناه", "وكاله", "مجله", "شبكه", "اذاعه", "تلفزيون",
                          "وكاله انباء", "برنامج"})
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


def _media_spans(toks: Sequence[Token]) -> list[tuple[str, int, int]]:
    """Names in quotation marks right after a media word (موقع “العربي الجديد”) are organizations."""
    out = []
    for i, t in enumerate(toks[:-2]):
        if _head(t) in _MEDIA_HEADS and toks[i + 1].text in _OPEN_MARKS:
            for j in range(i + 2, min(i + 8, len(toks))):
                if toks[j].text in _CLOSE_MARKS:
                    if j > i + 2:
                        out.append(("ORG", i + 2, j))
                    break
    return out


_MAX_QUOTED_NAME = 4


def _complete_quoted_names(toks: Sequence[Token], spans: list[tuple[str, int, int]]
                           ) -> list[tuple[str, int, int]]:
    """A person or organization tagged on part of a short phrase in quotation marks gets the
    whole phrase: news text marks names that way (“عقيلة صالح”), and the tagger sometimes keeps
    only the word it knows."""
    out = list(spans)
    i = 0
    while i < len(toks):
        close = _CLOSE_OF.get(toks[i].text)
        if close is None:
            i += 1
            continue
        j = next((k for k in range(i + 1, min(i + _MAX_QUOTED_NAME + 2, len(toks)))
                  if toks[k].text == close), None)
        if j is None or j - i - 1 < 2 or not all(t.norm.isalpha() for t in toks[i + 1:j]):
            i += 1
            continue
        inside = [s for s in out if s[1] < j and i + 1 < s[2]]
        if len(inside) == 1 and inside[0][0] in ("PERS", "ORG") and i < inside[0][1] \
                and inside[0][2] <= j and (inside[0][1], inside[0][2]) != (i + 1, j):
            out[out.index(inside[0])] = (inside[0][0], i + 1, j)
        i = j + 1
    return out


_LOCATIVES = frozenset({"في", "من", "الي", "نحو", "داخل", "قرب", "بمدينه", "مدينه"})
_GAZETTEER_PLACES = frozenset({"LOC", "CITY", "COUNTRY"})
#: Words at least this rare in news text (frequency rank) may be tagged from the gazetteer alone.
_RARE_RANK = 3000


def _gazetteer_places(toks: Sequence[Token], spans: list[tuple[str, int, int]],
                      features) -> list[tuple[str, int, int]]:
    """An untagged rare word listed as a place, right after a locative preposition (في ترهونة),
    is a location: the tagger misses places it never saw when the context is weak.

    ``features``: the tagger's feature extractor (word frequency ranks and gazetteer); taggers
    without one (CAMeL's) get no such help."""
    ranks = getattr(features, "ranks", None)
    gaz = getattr(features, "gazetteer", None)
    if ranks is None or gaz is None:
        return spans
    covered = {k for _t, a, b in spans for k in range(a, b)}
    extra = []
    for i in range(1, len(toks)):
        t = toks[i]
        if i in covered or i - 1 in covered or not t.norm.isalpha() or len(t.bare) < 3:
            continue
        if toks[i - 1].norm not in _LOCATIVES:
            continue
        if ranks.get(t.norm, _RARE_RANK) < _RARE_RANK or ranks.get(t.bare, _RARE_RANK) < _RARE_RANK:
            continue
        if _GAZETTEER_PLACES & set(gaz.word_labels(t.norm)):
            extra.append(("LOC", i, i + 1))
    return sorted(spans + extra, key=lambda s: s[1]) if extra else spans


def _expand_org_heads(toks: Sequence[Token], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join an organization head word to the name after it (حكومة + الوفاق → حكومة الوفاق)."""
    heads = _lists()[2]
    out = []
    for typ, a, b in spans:
        if typ != "PERS":
            k = a - 1
            if k >= 0 and toks[k].text in _OPEN_MARKS:
                k -= 1
            if k >= 0 and _head(toks[k]) in heads:
                typ, a = "ORG", k
            elif (k >= 1 and _head(toks[k - 1]) in heads and toks[k].norm.isalpha()
                  and toks[k].norm not in _FUNCTION_WORDS and toks[k].bare not in _FUNCTION_WORDS):
                typ, a = "ORG", k - 1
        out.append((typ, a, b))
    return out


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


def _role_before(doc: Document, toks: Sequence[Token], a: int,
                 span_ends: dict[int, tuple[str, int]]) -> str | None:
    """A title or role written before the name starting at token ``a``.

    Handles الرئيس X, وزير الداخلية X, and a title with an organization:
    رئيس مجلس نواب طبرق “عقيلة صالح”, وزير الداخلية في حكومة الوفاق، “فتحي باشاغا”.
    """
    j = a
    while j > 0 and toks[j - 1].text in _SKIP_BEFORE_NAME:
        j -= 1
    start = _title_end_at(toks, j)
    if start is None and j in span_ends and span_ends[j][0] == "ORG":
        org_start = span_ends[j][1]
        k = org_start
        if k > 0 and toks[k - 1].norm in ("في", "ب"):
            k -= 1
        start = _title_end_at(toks, k)
    if start is None:
        return None
    first = toks[start]
    offset = first.start + (1 if first.prefix[:1] in ("و", "ف") and _title_end_at(toks, j) is not None
                            and first.norm[1:] and first.norm[0] in "وف" else 0)
    text = doc.text[offset:toks[j - 1].end]
    return " ".join(c for c in text.split() if c not in _SKIP_BEFORE_NAME).strip("،, ")


_CLITIC_LETTERS = "وفبلك"


def _split_unknown_clitics(doc: Document, found: list[tuple[Mention, tuple[str, ...], str | None]]
                           ) -> list[tuple[Mention, tuple[str, ...], str | None]]:
    """Strip a proclitic the lexicon could not see (لأوباما) when the rest names a mention found
    elsewhere in the article (أوباما, باراك أوباما): the article itself shows it is a clitic."""
    words = {w for _, key, _ in found for w in key}
    keys = {key for _, key, _ in found}
    out = []
    for mention, key, role in found:
        first = key[0] if key else ""
        for k in (1, 2):  # و/ف, then ب/ل/ك: وبنيروبي → نيروبي
            if len(first) - k < 3 or any(c not in _CLITIC_LETTERS for c in first[:k]):
                break
            rest = (first[k:],) + key[1:]
            if rest in keys or (len(key) == 1 and first[k:] in words):
                skip, letters = 0, 0
                while skip < len(mention.text) and (letters < k or not mention.text[skip].isalpha()):
                    letters += mention.text[skip].isalpha()
                    skip += 1  # the clitic letters and any diacritics on them
                mention = Mention(mention.start + skip, mention.end, mention.text[skip:], mention.type,
                                  mention.sentence)
                key = rest
                break
        out.append((mention, key, role))
    return out


def group_mentions(doc: Document, found: list[tuple[Mention, tuple[str, ...], str | None]]) -> list[Entity]:
    """Group mentions (with their match keys and roles) into entities."""
    found = _split_unknown_clitics(doc, found)
    clusters: dict[tuple[str, ...], _Cluster] = {}
    for mention, key, role in found:
        c = clusters.setdefault(key, _Cluster(key))
        c.mentions.append((mention, key))
        if role:
            c.roles.append(role)
    # Partial person names join the longest person name that contains them as a word run.
    persons = sorted((c for c in clusters.values() if c.type() == "PERS"), key=lambda c: -len(c.key))
    for short in sorted(persons, key=lambda c: len(c.key)):
        if short.key not in clusters:
            continue
        best = None
        for long in persons:
            if len(long.key) <= len(short.key) or long.key not in clusters:
                continue
            n = len(short.key)
            if any(long.key[i:i + n] == short.key for i in range(len(long.key) - n + 1)):
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
        roles = tuple(dict.fromkeys(c.roles))
        entities.append((mentions[0].start, typ, _name_of(doc, rep, best_key), mentions, roles))
    entities.sort(key=lambda e: e[0])
    return [Entity(f"E{i}", typ, name, mentions, roles)
            for i, (_, typ, name, mentions, roles) in enumerate(entities, 1)]


def _span_key(toks: Sequence[Token], a: int, b: int) -> tuple[str, ...]:
    words = [t for t in toks[a:b] if t.text not in _PUNCT_EDGE]
    return tuple([words[0].bare] + [t.norm for t in words[1:]]) if words else ()


def _propagate(sents: list[Sequence[Token]], spans: list[list[tuple[str, int, int]]]) -> None:
    """Tag the untagged repetitions of names already found in the article (document consistency).

    A one-word name is only repeated when it is not a common word (the shipped lexicon), so that
    a person called صالح does not turn every لصالح into a mention.
    """
    from .tokenize import _known

    known: dict[tuple[str, ...], str] = {}
    for toks, ss in zip(sents, spans):
        for typ, a, b in ss:
            key = _span_key(toks, a, b)
            if key and (len(key) > 1 or (len(key[0]) > 2 and _known(key[0]) < COMMON_WORD_COUNT)):
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


#: One-word names more frequent than this in the lexicon are common words: not propagated.
COMMON_WORD_COUNT = 25


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
    all_spans: list[list[tuple[str, int, int]]] = []
    for toks, tags in zip(sents, all_tags):
        spans = _decode_bio(tags)
        media = _media_spans(toks)
        if media:
            spans = [s for s in spans if not any(s[1] < b and a < s[2] for _, a, b in media)] + media
        spans = _complete_quoted_names(toks, sorted(spans, key=lambda s: s[1]))
        all_spans.append(_gazetteer_places(toks, spans, features))
    _propagate(sents, all_spans)
    found: list[tuple[Mention, tuple[str, ...], str | None]] = []
    for si, (toks, spans) in enumerate(zip(sents, all_spans)):
        spans = _expand_org_heads(toks, spans)
        ends = {b: (typ, a) for typ, a, b in spans}
        for typ, a, b in spans:
            role = _role_before(doc, toks, a, ends)
            if role and typ != "PERS" and b - a <= 3 and toks[a].text not in _OPEN_MARKS \
                    and not _is_org_headed(toks[a]):
                typ = "PERS"  # a title right before a name marks a person (رئيس ... “عقيلة صالح”)
            if toks[a].text not in _OPEN_MARKS and any(t.text in _OPEN_MARKS for t in toks[a:b]) \
                    and b < len(toks) and toks[b].text in _CLOSE_MARKS:
                b += 1  # حكومة “الوفاق” : keep the closing mark with the opened one
            res = _mention(doc, toks[a:b], typ, si)
            if res is None:
                continue
            mention, key = res
            found.append((mention, key, role if typ == "PERS" else None))
    return group_mentions(doc, found)


def _is_org_headed(tok: Token) -> bool:
    return _head(tok) in _lists()[2]
