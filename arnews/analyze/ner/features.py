"""Token features for the CRF named-entity recognizer.

Arabic has no capital letters, and one written token often holds several words (وبالقاهرة =
و + ب + ال + القاهرة), so the features a CRF needs are built from:

* a normalized form (no diacritics or tatweel; alef/hamza forms, ى/ي and ة/ه unified), so
  spelling variants of one word share weights;
* a clitic-aware *bare* form (proclitics و ف ب ك ل ال stripped), so لليبيا and ليبيا share the
  evidence learned for ليبيا, plus the stripped prefix itself (ب/ل before a place, و before a
  new name ...);
* affixes, shape, frequency rank and unsupervised word clusters learned from raw news text
  (``training/build_clusters.py``), which generalize to words never seen in the NER data;
* gazetteer matches (single and multi-word: countries, cities, names, organizations, titles,
  organization heads, nationality adjectives) compiled by ``training/build_gazetteers.py``;
* the same information for the neighbours in a window of two tokens each side.

Per-word features do not depend on context, so they are computed once per word type and cached;
that keeps tagging well above 20,000 tokens a second on one core.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from arnews.analyze.ner.gazetteer import Gazetteer

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TRANSLATE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي",
    "ی": "ي", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
})
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")


#: Entries kept in each per-word feature cache: bounds a long batch worker's memory
#: (a cache of 100,000 words covers the frequent vocabulary of news text).
CACHE_LIMIT = 100_000

# Proclitic chains, longest first: conjunction (و ف), preposition (ب ك ل), article (ال).
# لل is ل + ال with the alef dropped.
_ARTICLE_PREFIXES = tuple(sorted(
    {c + p + "ال" for c in ("", "و", "ف") for p in ("", "ب", "ك")}
    | {c + "لل" for c in ("", "و", "ف")},
    key=len, reverse=True))
_LETTER_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_NO_SPLIT = frozenset({"الله", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                       "الا", "الي", "الان", "اللاتي", "اللواتي"})


def normalize(text: str) -> str:
    """Return the matching form of ``text``: no diacritics/tatweel, unified letters, ASCII digits."""
    return _DIACRITICS.sub("", text).translate(_TRANSLATE).lower()


@functools.lru_cache(maxsize=262_144)
def proclitic_splits(norm: str) -> tuple[tuple[str, str], ...]:
    """All plausible ``(prefix, stem)`` splits of a normalized word, longest prefix first.

    Used for gazetteer look-up, where trying every split is cheap and a wrong split rarely
    matches anything. The stem keeps at least two letters.
    """
    out: list[tuple[str, str]] = []
    if norm in _NO_SPLIT:
        return ()
    for pre in _ARTICLE_PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            stem = norm[len(pre):]
            out.append((pre, stem))
            # the same stem with its article kept (بالقاهره -> القاهره)
            if pre.endswith("ال") and len(pre) > 2:
                out.append((pre[:-2], "ال" + stem))
            elif pre.endswith("لل"):
                out.append((pre[:-1], "ا" + norm[len(pre) - 1:]))
    for pre in _LETTER_PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= 2 and not norm.startswith(pre + "ال"):
            out.append((pre, norm[len(pre):]))
    return tuple(out)


def split_proclitics(norm: str, ranks: dict[str, int] | None = None) -> tuple[str, str]:
    """Split a normalized word into ``(prefix, bare)`` for features.

    An article chain (ال، وال، بال، لل ...) is always stripped. A bare letter clitic (و ف ب ك ل)
    is stripped only when the remainder is a known word that is more frequent in news text than
    the whole token (so وقال -> قال but وزير and بغداد stay whole); without ``ranks`` letter
    clitics are kept.
    """
    if norm in _NO_SPLIT or not _ARABIC_LETTER.match(norm):
        return "", norm
    for pre in _ARTICLE_PREFIXES:
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            return pre, norm[len(pre):]
    if ranks:
        own = ranks.get(norm, 1 << 30)
        for pre in _LETTER_PREFIXES:
            if norm.startswith(pre) and len(norm) - len(pre) >= 2:
                stem = norm[len(pre):]
                if ranks.get(stem, 1 << 30) < own:
                    return pre, stem
    return "", norm


def word_shape(token: str) -> str:
    """A coarse shape: A (Arabic letters), L (Latin), D (digits), P (other), collapsed."""
    shape = []
    for ch in token:
        if _ARABIC_LETTER.match(ch):
            c = "A"
        elif _LATIN.match(ch):
            c = "L"
        elif _DIGIT.match(ch) or ch.isdigit():
            c = "D"
        else:
            c = "P"
        if not shape or shape[-1] != c:
            shape.append(c)
    return "".join(shape[:4])


def load_clusters(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Read ``clusters.tsv`` (word, then one cluster id per granularity, by frequency order).

    Returns ``(clusters, ranks)``: the cluster ids of each word and its frequency rank (0 = most
    frequent).
    """
    clusters: dict[str, tuple[str, ...]] = {}
    ranks: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[0].startswith("#"):
                continue
            clusters[parts[0]] = tuple(parts[1:])
            ranks[parts[0]] = len(ranks)
    return clusters, ranks


def _rank_bucket(rank: int | None) -> str:
    if rank is None:
        return "oov"
    return str(min(rank.bit_length(), 17))


class FeatureExtractor:
    """Turns a tokenized sentence into CRF feature strings (one list per token)."""

    def __init__(self, clusters: dict[str, tuple[str, ...]], ranks: dict[str, int],
                 gazetteer: Gazetteer, *, window: int = 2,
                 known: frozenset[str] | None = None) -> None:
        """``known``: when given, the attributes the trained models use; other feature
        strings are dropped early (the CRF would ignore them anyway), which makes tagging
        faster without changing its output."""
        self.known = known
        self.clusters = clusters
        self.ranks = ranks
        self.gazetteer = gazetteer
        self.window = window
        self._own: dict[str, tuple[str, ...]] = {}
        self._ctx: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._info: dict[str, tuple[str, str, str, str, str]] = {}
        self._entries: dict[str, tuple] = {}

    # -- per word type -------------------------------------------------------------------
    def _word_info(self, token: str) -> tuple[str, str, str, str, str]:
        """(norm, prefix, bare, cluster-of-bare mid granularity, shape) cached per token text."""
        info = self._info.get(token)
        if info is None:
            norm = normalize(token)
            prefix, bare = split_proclitics(norm, self.ranks)
            cl = self.clusters.get(bare) or self.clusters.get(norm) or ()
            mid = cl[1] if len(cl) > 1 else (cl[0] if cl else "-")
            info = (norm, prefix, bare, mid, word_shape(norm))
            if len(self._info) < CACHE_LIMIT:
                self._info[token] = info
        return info

    word_info = _word_info

    def clear_caches(self) -> None:
        """Forget the per-word caches (benchmarks measure the cost of unseen words)."""
        for cache in (self._own, self._ctx, self._info, self._entries):
            cache.clear()
        self.gazetteer.clear_cache()

    def _own_features(self, token: str) -> tuple[str, ...]:
        feats = self._own.get(token)
        if feats is not None:
            return feats
        norm, prefix, bare, _mid, shape = self._word_info(token)
        f = ["bias", "w=" + norm, "b=" + bare, "p=" + prefix, "sh=" + shape,
             "len=" + str(min(len(bare), 10))]
        if shape == "A":
            f += ["s1=" + bare[-1:], "s2=" + bare[-2:], "s3=" + bare[-3:],
                  "f2=" + bare[:2], "f3=" + bare[:3], "ns2=" + norm[-2:]]
        rank = self.ranks.get(norm)
        f.append("rk=" + _rank_bucket(rank))
        for tag, key in (("c", norm), ("cb", bare)):
            cl = self.clusters.get(key)
            if cl:
                f += [f"{tag}{i}={c}" for i, c in enumerate(cl)]
            else:
                f.append(tag + "=none")
        if rank is None and shape == "A" and len(bare) >= 4:
            # rare word: letter trigrams tell transliterated foreign names from Arabic words
            f += ["ng=" + bare[i:i + 3] for i in range(len(bare) - 2)]
        for label in self.gazetteer.word_labels(norm):
            f.append("g1=" + label)
        feats = self._filter(f)
        if len(self._own) < CACHE_LIMIT:
            self._own[token] = feats
        return feats

    def _context_features(self, token: str) -> tuple[tuple[str, ...], ...]:
        """Features of ``token`` as seen from each window offset (-2, -1, +1, +2)."""
        ctx = self._ctx.get(token)
        if ctx is not None:
            return ctx
        norm, prefix, bare, mid, shape = self._word_info(token)
        cl = self.clusters.get(bare) or self.clusters.get(norm) or ()
        labels = self.gazetteer.word_labels(norm)
        out = []
        for off in (-2, -1, 1, 2):
            o = f"{off:+d}"
            f = [o + "w=" + norm, o + "b=" + bare, o + "sh=" + shape]
            f += [f"{o}c{i}={c}" for i, c in enumerate(cl)]
            f += [o + "g=" + lab for lab in labels]
            if abs(off) == 1:
                f += [o + "p=" + prefix, o + "s2=" + bare[-2:]]
            out.append(self._filter(f))
        ctx = tuple(out)
        if len(self._ctx) < CACHE_LIMIT:
            self._ctx[token] = ctx
        return ctx

    def _filter(self, feats: list[str]) -> tuple[str, ...]:
        known = self.known
        return tuple(feats) if known is None else tuple([x for x in feats if x in known])

    def _coarse_rank(self, norm: str) -> str:
        rank = self.ranks.get(norm)
        if rank is None:
            return "oov"
        return "F" if rank < 1000 else "M" if rank < 20000 else "R"

    def _coarse_cluster(self, info: tuple[str, str, str, str, str]) -> str:
        cl = self.clusters.get(info[2]) or self.clusters.get(info[0])
        return cl[0] if cl else info[4]

    def _entry(self, token: str) -> tuple:
        """Everything per word type that the sentence features need, from one look-up:
        (info, own features, context features, coarse rank, coarse cluster, gazetteer labels).
        """
        e = self._entries.get(token)
        if e is None:
            info = self._word_info(token)
            e = (info, self._own_features(token), self._context_features(token),
                 self._coarse_rank(info[0]), self._coarse_cluster(info),
                 self.gazetteer.word_labels(info[0]))
            if len(self._entries) < CACHE_LIMIT:
                self._entries[token] = e
        return e

    # -- per sentence --------------------------------------------------------------------
    def bare_forms(self, tokens: Sequence[str]) -> list[str]:
        """The clitic-stripped normalized form of each token."""
        return [self._word_info(t)[2] for t in tokens]

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature strings for each token of one sentence."""
        n = len(tokens)
        known = self.known
        entries = [self._entry(t) for t in tokens]
        spans = self.gazetteer.match_sentence([e[0][0] for e in entries])
        out: list[list[str]] = []
        for i in range(n):
            info, own, _ctx, rc, _kc, _labels = entries[i]
            f = list(own)
            if i >= 2:
                f.extend(entries[i - 2][2][0])
            if i >= 1:
                f.extend(entries[i - 1][2][1])
            if i + 1 < n:
                f.extend(entries[i + 1][2][2])
            if i + 2 < n:
                f.extend(entries[i + 2][2][3])
            # per-token features (not cached per word type)
            d: list[str] = []
            if i == 0:
                d += ["BOS", "-1pad", "-2pad"]
            elif i == 1:
                d.append("-2pad")
            if i == n - 1:
                d += ["EOS", "+1pad", "+2pad"]
            elif i == n - 2:
                d.append("+2pad")
            b0, m0 = info[2], info[3]
            # rarity x context: a rare word after a title, a nationality or a verb of saying
            # is most likely a name, a frequent one is not
            if i > 0:
                prev = entries[i - 1]
                d.append("rc|k-1=" + rc + "|" + prev[4])
                d.extend(["rc|g-1=" + rc + "|" + lab for lab in prev[5]])
                d.append("b-1|b0=" + prev[0][2] + "|" + b0)
                d.append("m-1|m0=" + prev[0][3] + "|" + m0)
                d.extend(["-1G=" + lab + pos for lab, pos in spans[i - 1]])
            if i < n - 1:
                nxt = entries[i + 1]
                d.append("rc|k+1=" + rc + "|" + nxt[4])
                d.append("b0|b+1=" + b0 + "|" + nxt[0][2])
                d.append("m0|m+1=" + m0 + "|" + nxt[0][3])
                d.extend(["+1G=" + lab + pos for lab, pos in spans[i + 1]])
            d.extend(["G=" + lab + pos for lab, pos in spans[i]])
            f.extend(d if known is None else [x for x in d if x in known])
            out.append(f)
        return out


def document_features(bares: Sequence[Sequence[str]], stage1: Sequence[Sequence[str]],
                      ranks: dict[str, int], *, window: int = 10,
                      skip_rank: int = 300) -> list[list[list[str]]]:
    """Second-stage features: what the first-stage tagger said about the same word nearby.

    A name is often tagged right in one sentence (after a title, in a full form) and missed in
    another (alone, at the sentence start). For each token, the first-stage labels of the other
    occurrences of its bare form in the sentences within ``window`` either side (the article,
    when a whole article is tagged) become features, plus its own and its neighbours'
    first-stage tags. Very frequent words (rank < ``skip_rank``) and non-words are not linked.
    ``bares``: bare forms per sentence; ``stage1``: first-stage BIO tags per sentence.
    """
    def key(b: str) -> str | None:
        if len(b) < 2 or ranks.get(b, 1 << 30) < skip_rank or not b[0].isalpha():
            return None
        return b

    keys = [[key(b) for b in sent] for sent in bares]
    ent_spans = [_entity_spans(t, b) for t, b in zip(stage1, bares)]
    types = [[t[2:] if t != "O" else "O" for t in sent] for sent in stage1]
    counts: dict[str, dict[str, int]] = {}

    def add(k: int, sign: int) -> None:
        for kk, ty in zip(keys[k], types[k]):
            if kk is not None:
                c = counts.setdefault(kk, {})
                c[ty] = c.get(ty, 0) + sign

    n = len(bares)
    for k in range(min(window, n)):
        add(k, 1)
    out: list[list[list[str]]] = []
    for k in range(n):
        if k + window < n:
            add(k + window, 1)
        if k - window - 1 >= 0:
            add(k - window - 1, -1)
        tags = stage1[k]
        m = len(tags)
        sent_out = []
        for i in range(m):
            f = ["s1=" + tags[i],
                 "s1-1=" + (tags[i - 1] if i > 0 else "BOS"),
                 "s1+1=" + (tags[i + 1] if i + 1 < m else "EOS")]
            kk = keys[k][i]
            if kk is not None:
                own = types[k][i]
                seen = {ty: v - (ty == own) for ty, v in counts.get(kk, {}).items()
                        if v - (ty == own) > 0}   # other occurrences only
                if not seen:
                    f.append("d=alone")
                else:
                    ents = {ty: v for ty, v in seen.items() if ty != "O"}
                    for ty in ents:
                        f.append("d=" + ty)
                    if ents:
                        best = max(ents, key=lambda t: (ents[t], t))
                        share = ents[best] / sum(seen.values())
                        f.append("dmaj=" + best + (":all" if share == 1 else
                                                   ":most" if share >= 0.5 else ":some"))
                    else:
                        f.append("d=O_only")
            sent_out.append(f)
        _add_sequence_features(k, bares, ent_spans, window, sent_out)
        out.append(sent_out)
    return out


def _entity_spans(tags: Sequence[str], bares: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """Multi-token entities of a first-stage tag sequence as ``(bare forms, type)``."""
    out = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (typ and tag[2:] != typ):
            if typ and i - start >= 2:
                out.append((tuple(bares[start:i]), typ))
            start, typ = (i, tag[2:]) if tag != "O" else (-1, "")
    return out


def _add_sequence_features(k: int, bares: Sequence[Sequence[str]],
                           ent_spans: Sequence[list[tuple[tuple[str, ...], str]]],
                           window: int, sent_out: list[list[str]]) -> None:
    """Mark token runs that repeat a multi-word entity found in another nearby sentence."""
    by_first: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for j in range(max(0, k - window), min(len(bares), k + window + 1)):
        if j != k:
            for seq, typ in ent_spans[j]:
                by_first.setdefault(seq[0], set()).add((seq, typ))
    if not by_first:
        return
    sent = bares[k]
    for i, b in enumerate(sent):
        for seq, typ in by_first.get(b, ()):
            if tuple(sent[i:i + len(seq)]) == seq:
                sent_out[i].append("dseq=B-" + typ)
                for m in range(i + 1, i + len(seq)):
                    sent_out[m].append("dseq=I-" + typ)
