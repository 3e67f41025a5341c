"""Build ``arnews/data/lexicon.tsv``: normalized word -> frequency, for proclitic splitting.

Counts come from the ANERcorp training split (CC BY-SA) plus single words of the CLDR and ISO
country names and of GeoNames cities with a population over 100,000 (each counted 5 times, so
that known place names win over a clitic reading). Run from the repository root:

    python training/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.normalize import normalize_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "arnews" / "data" / "lexicon.tsv")
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts: Counter[str] = Counter()
    for line in (args.shared / "data/ner/anercorp/train.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            w = normalize_text(parts[0])
            if w.isalpha():
                counts[w] += 1
    gaz = args.shared / "data/gazetteers"
    names: list[str] = []
    with open(gaz / "cldr/territories_ar.tsv", encoding="utf-8") as f:
        names += [r["name_ar"] for r in csv.DictReader(f, delimiter="\t")]
    with open(gaz / "iso-countries/countries_ar.tsv", encoding="utf-8") as f:
        names += [r["name_ar"] for r in csv.DictReader(f, delimiter="\t")]
    with open(gaz / "geonames-cities/cities500_arabic_names.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if int(r["population"] or 0) >= 100_000:
                names += r["arabic_script_alternatenames"].split("|")
    for name in names:
        for w in normalize_text(name).split():
            if w.isalpha() and len(w) > 1:
                counts[w] += 5
    with open(args.out, "w", encoding="utf-8") as f:
        for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{w}\t{c}\n")
    print(f"{len(counts)} words -> {args.out.relative_to(ROOT)} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
