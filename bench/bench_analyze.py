"""Per-stage cost of the full analysis: how much entities and quotes add to an article's time.

Runs the pipeline over the SaudiNewsNet articles in ``../shared`` three ways — tokenize only,
+ entities, + entities and quotes — and prints medians and the ratio of quotes to the rest.
Writes ``bench/results.json`` under ``"analyze"``. ``python bench/bench_analyze.py [--limit 500]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, median_time, save_results  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=SHARED / "data/news/saudinewsnet-2000")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from arnews.analyze.pipeline import build_document, run_stages
    from arnews.io import read_article

    docs = [build_document(read_article(f)) for f in sorted(args.folder.glob("*.txt"))[: args.limit]]
    configs = {"tokenize": ("tokenize",), "entities": ("entities",), "entities+quotes": ("entities", "quotes")}
    res: dict = {"articles": len(docs), "runs": args.runs}
    for name, stages in configs.items():
        run_stages(docs[0], stages)  # load models before timing
        med, _ = median_time(lambda: [run_stages(d, stages) for d in docs], args.runs)
        res[name] = {"median_s": round(med, 3), "ms_per_article": round(1000 * med / len(docs), 2),
                     "articles_per_s": round(len(docs) / med, 1)}
        print(f"{name:16s} {res[name]['ms_per_article']:7.2f} ms/article  {res[name]['articles_per_s']:7.1f} articles/s")
    base, full = res["entities"]["median_s"], res["entities+quotes"]["median_s"]
    res["quotes_overhead_ratio"] = round((full - base) / base, 3)
    print(f"quotes add {res['quotes_overhead_ratio']:.1%} to analysis without them")
    save_results("analyze", res)


if __name__ == "__main__":
    main()
