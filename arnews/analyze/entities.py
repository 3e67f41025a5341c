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
    while toks and toks[-1].text in _PUNCT_EDGE:
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


def _role_before(doc: Document, tokens: Sequence[Token], index: int) -> str | None:
    """A title or role written right before the token at ``index`` (الرئيس، وزير الداخلية)."""
    from .ner.gazetteer import nationalities, titles

    title_set, nat = titles(), nationalities()
    j = index
    while j > 0 and tokens[j - 1].text in "“«\"،,":
        j -= 1
    for k in range(min(_MAX_ROLE_TOKENS, j), 0, -1):
        window = tokens[j - k:j]
        words = [window[0].norm[1:] if window[0].prefix[:1] in ("و", "ف") and window[0].norm[1:] else window[0].norm]
        words += [t.norm for t in window[1:]]
        if not all(w.isalpha() for w in words):
            continue
        for cut in range(len(words), 0, -1):
            head, tail = " ".join(words[:cut]), words[cut:]
            if head in title_set and all(w in nat for w in tail):
                start = window[0].start + (1 if words[0] != window[0].norm else 0)
                return " ".join(doc.text[start:window[-1].end].split())
    return None


def group_mentions(doc: Document, found: list[tuple[Mention, tuple[str, ...], str | None]]) -> list[Entity]:
    """Group mentions (with their match keys and roles) into entities."""
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


def find_entities(doc: Document, tagger=None) -> list[Entity]:
    """Tag ``doc`` (already tokenized) and return its entities, in order of first mention."""
    from .ner.tagger import load_tagger

    tagger = tagger or load_tagger()
    sents = [doc.tokens[s.token_start:s.token_end] for s in doc.sentences]
    all_tags = tagger.tag([[t.text for t in toks] for toks in sents])
    found: list[tuple[Mention, tuple[str, ...], str | None]] = []
    for si, (toks, tags) in enumerate(zip(sents, all_tags)):
        for typ, a, b in _decode_bio(tags):
            res = _mention(doc, toks[a:b], typ, si)
            if res is None:
                continue
            mention, key = res
            role = None
            if typ == "PERS":
                first_idx = next(i for i, t in enumerate(toks) if t.end > mention.start)
                role = _role_before(doc, toks, first_idx)
            found.append((mention, key, role))
    return group_mentions(doc, found)
