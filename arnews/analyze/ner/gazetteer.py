"""Compiled gazetteers: names of places, people, organizations, and the words around names.

``training/build_gazetteers.py`` compiles the lists in ``../shared/data/gazetteers`` plus the
hand-checked lists it holds (titles and roles, organization heads, nationality adjectives) into
``arnews/data/ner/gazetteers.tsv``: one ``LABEL<TAB>phrase`` a line, the phrase normalized the
same way the tagger normalizes text (:func:`arnews.analyze.ner.features.normalize`), words
separated by one space.

Labels: ``PERS`` (ANERgazet people), ``FIRST``/``LAST`` (common Arabic first/last names),
``LOC`` (ANERgazet places), ``COUNTRY``, ``CITY`` (large cities), ``TOWN`` (smaller ones),
``ORG`` (ANERgazet organizations), ``TITLE`` (titles and roles written before a person's
name), ``ORGHEAD`` (words that open an organization name), ``NAT`` (nationality adjectives),
``LANG`` (language names).

Besides feeding the tagger, :func:`titles`, :func:`nationalities` and :func:`strip_titles` let
the per-article entity grouping drop titles from names (الرئيس المصري عبد الفتاح السيسي ->
عبد الفتاح السيسي).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from arnews.errors import ModelError

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "ner"
GAZETTEER_FILE = "gazetteers.tsv"


class Gazetteer:
    """Phrase look-up with clitic-aware matching of the first word of each phrase."""

    def __init__(self, entries: dict[str, frozenset[str]]) -> None:
        self.entries = entries
        self._first_max: dict[str, int] = {}
        for phrase in entries:
            words = phrase.split(" ")
            if len(words) > 1:
                first = words[0]
                self._first_max[first] = max(self._first_max.get(first, 0), len(words))
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._phrase_cache: dict[str, frozenset[str]] = {}

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Gazetteer:
        """Build from ``(label, normalized phrase)`` pairs."""
        acc: dict[str, set[str]] = {}
        for label, phrase in pairs:
            phrase = " ".join(phrase.split())
            if phrase:
                acc.setdefault(phrase, set()).add(label)
        return cls({k: frozenset(v) for k, v in acc.items()})

    def clear_cache(self) -> None:
        """Forget the per-word label cache."""
        self._word_cache.clear()

    def phrases(self, label: str) -> frozenset[str]:
        """All phrases carrying ``label`` (computed once per label: callers ask per word)."""
        hit = self._phrase_cache.get(label)
        if hit is None:
            hit = self._phrase_cache[label] = frozenset(p for p, labels in self.entries.items() if label in labels)
        return hit

    def word_labels(self, norm: str) -> tuple[str, ...]:
        """Labels of single-word entries matching ``norm`` or one of its clitic-stripped stems."""
        hit = self._word_cache.get(norm)
        if hit is not None:
            return hit
        from arnews.analyze.ner.features import proclitic_splits

        labels: set[str] = set(self.entries.get(norm, ()))
        for _pre, stem in proclitic_splits(norm):
            labels.update(self.entries.get(stem, ()))
        hit = tuple(sorted(labels))
        if len(self._word_cache) < 100_000:
            self._word_cache[norm] = hit
        return hit

    def match_sentence(self, norms: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Multi-word matches: for each token, ``(label, "B"|"I")`` of the longest phrase over it.

        The first word may carry proclitics (والمملكه العربيه السعوديه matches المملكه العربيه
        السعوديه); the other words must match exactly.
        """
        from arnews.analyze.ner.features import proclitic_splits

        n = len(norms)
        out: list[list[tuple[str, str]]] = [[] for _ in range(n)]
        if not self._first_max:
            return out
        for i in range(n - 1):
            firsts = [norms[i]] + [stem for _pre, stem in proclitic_splits(norms[i])]
            best_len, best_labels = 0, frozenset()
            for first in firsts:
                m = self._first_max.get(first)
                if not m:
                    continue
                for length in range(min(m, n - i), 1, -1):
                    if length <= best_len:
                        break
                    phrase = first + " " + " ".join(norms[i + 1:i + length])
                    labels = self.entries.get(phrase)
                    if labels:
                        best_len, best_labels = length, labels
                        break
            for label in best_labels:
                out[i].append((label, "B"))
                for k in range(i + 1, i + best_len):
                    out[k].append((label, "I"))
        return out


def read_gazetteer_file(path: Path) -> Gazetteer:
    """Read a compiled ``LABEL<TAB>phrase`` file."""
    try:
        with open(path, encoding="utf-8") as fh:
            pairs = []
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                label, _, phrase = line.rstrip("\n").partition("\t")
                pairs.append((label, phrase))
    except OSError as exc:
        raise ModelError(f"cannot read the NER gazetteer {path}: {exc}") from exc
    return Gazetteer.from_pairs(pairs)


@functools.lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The compiled gazetteer shipped in ``arnews/data/ner`` (cached)."""
    return read_gazetteer_file((data_dir or DATA_DIR) / GAZETTEER_FILE)


def titles() -> frozenset[str]:
    """Normalized titles and roles that precede a person's name (الرئيس، وزير الداخليه ...)."""
    return load_gazetteer().phrases("TITLE")


def org_heads() -> frozenset[str]:
    """Normalized words that open an organization name (وزاره، مجلس، شركه، جامعه ...)."""
    return load_gazetteer().phrases("ORGHEAD")


def nationalities() -> frozenset[str]:
    """Normalized nationality adjectives in their usual forms (مصري، المصريه، المصريين ...)."""
    return load_gazetteer().phrases("NAT")


def strip_titles(tokens: Sequence[str]) -> list[str]:
    """Drop leading titles, roles and nationality adjectives from a tokenized name.

    ``["الرئيس", "المصري", "عبد", "الفتاح", "السيسي"]`` -> ``["عبد", "الفتاح", "السيسي"]``.
    Matching uses normalized forms (and tolerates a leading و/ف/ب/ل); the original spelling of
    the kept tokens is returned. A name that is nothing but titles is returned unchanged.
    """
    from arnews.analyze.ner.features import normalize, proclitic_splits

    gaz = load_gazetteer()
    strip = {"TITLE", "NAT"}
    norms = [normalize(t) for t in tokens]
    i = 0
    while i < len(norms):
        matched = 0
        first_forms = [norms[i]] + [s for _p, s in proclitic_splits(norms[i])]
        if len(norms[i]) > 4 and norms[i].endswith("و"):
            # a plural in construct before the name (مستشارو أوباما): its singular is a title
            first_forms += [norms[i][:-1], "ال" + norms[i][:-1]]
        for length in range(min(4, len(norms) - i), 0, -1):
            rest = norms[i + 1:i + length]
            if any(strip & gaz.entries.get(" ".join([f, *rest]), frozenset())
                   for f in first_forms):
                matched = length
                break
        if not matched:
            break
        i += matched
    return list(tokens[i:]) if i < len(tokens) else list(tokens)
