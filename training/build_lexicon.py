"""Build ``arnews/data/lexicon.tsv``: normalized word -> frequencies, for proclitic splitting.

Each line is ``word<TAB>core count<TAB>news count``. The tokenizer strips a leading و ف ب ك ل
when the rest of the word is the likelier word (وقال → قال, but وزير stays whole).

* Core counts, consulted first: the ANERcorp training split, plus single words of the CLDR and
  ISO country names and of GeoNames cities with a population over 100,000 (each counted 5
  times, so that a known place name wins over a clitic reading). A small corpus, so a word
  with a clitic is rarely counted in it at all, which is what the tokenizer's rule expects.
* News counts, for words the core does not know (names above all: ووفاء → وفاء, وفاروق →
  فاروق): the 30,982 SaudiNewsNet articles (``saudinewsnet-all.jsonl.gz``; unsupervised use:
  only counts of words seen at least ``--min-count`` times, and only of words that can be
  looked up, are kept, never the text). Person
  names from the name gazetteers (``arabic-names``, ANERgazet persons) that begin with a
  clitic letter get a news count high enough that the news counts never split them (كمال
  is not ك + مال). That settles only names the core counts know neither whole nor as a
  stem: where they do, the core decides, and 45 of the 310 clitic-initial names of the lists
  are still split (فراس as ف + راس, ليلى, بسام; a known limit, not fixed here because the
  same forms are often a clitic and a word: بدور, لدين).

Run from the repository root (about 15 s):

    python training/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.normalize import normalize_text  # noqa: E402
from arnews.analyze.tokenize import _CONJ, _PREP  # noqa: E402

_WORD_RE = re.compile(r"[^\W\d_]+")
_NAME_FILES = ("arabic-names/male-first--names-in-arabic.txt",
               "arabic-names/female-first-names-in-arabic.txt",
               "arabic-names/last-names-in-arabic.txt",
               "anergazet/AlignedPersGazetteer.txt")


def news_counts(path: Path) -> Counter[str]:
    """Normalized word counts over the titles and bodies of the news corpus."""
    counts: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = normalize_text((rec.get("title") or "") + "\n" + (rec.get("content") or ""))
            counts.update(_WORD_RE.findall(text))
    return counts


def place_names(gaz: Path) -> list[str]:
    names: list[str] = []
    with open(gaz / "cldr/territories_ar.tsv", encoding="utf-8") as f:
        names += [r["name_ar"] for r in csv.DictReader(f, delimiter="\t")]
    with open(gaz / "iso-countries/countries_ar.tsv", encoding="utf-8") as f:
        names += [r["name_ar"] for r in csv.DictReader(f, delimiter="\t")]
    with open(gaz / "geonames-cities/cities500_arabic_names.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if int(r["population"] or 0) >= 100_000:
                names += r["arabic_script_alternatenames"].split("|")
    return names


def protect_names(counts: Counter[str], gaz: Path) -> int:
    """Raise the news count of clitic-initial person names above twice their stem's (it decides
    only where the core counts know neither form); return how many were raised."""
    raised = 0
    for rel in _NAME_FILES:
        for line in (gaz / rel).read_text(encoding="utf-8").splitlines():
            for w in normalize_text(line.strip()).split():
                if len(w) < 4 or not w.isalpha() or w[0] not in _CONJ + _PREP:
                    continue
                need = 2 * counts.get(w[1:], 0) + 1
                if counts[w] < need:
                    counts[w] = need
                    raised += 1
    return raised


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "arnews" / "data" / "lexicon.tsv")
    ap.add_argument("--min-count", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    core: Counter[str] = Counter()
    for line in (args.shared / "data/ner/anercorp/train.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            w = normalize_text(parts[0])
            if w.isalpha():
                core[w] += 1
    gaz = args.shared / "data/gazetteers"
    for name in place_names(gaz):
        for w in normalize_text(name).split():
            if w.isalpha() and len(w) > 1:
                core[w] += 5
    news = news_counts(args.shared / "data/news/saudinewsnet-all.jsonl.gz")
    news = Counter({w: c for w, c in news.items() if c >= args.min_count and len(w) > 1})
    raised = protect_names(news, gaz)
    # A news count is consulted only for a word the core does not know, as the whole word
    # (it begins with a clitic letter) or as the rest after one or two clitic letters.
    clitics = _CONJ + _PREP
    prefixes = clitics + tuple(c + p for c in _CONJ for p in _PREP)
    kept = {w for w in news if w in core or w[0] in clitics or any(p + w in news for p in prefixes)}
    words = sorted(set(core) | kept, key=lambda w: (-core[w], -news[w], w))
    with open(args.out, "w", encoding="utf-8") as f:
        for w in words:
            f.write(f"{w}\t{core[w]}\t{news[w]}\n")
    print(f"{len(words)} words ({len(core)} in the core counts, {raised} names protected) -> "
          f"{args.out.relative_to(ROOT)} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
