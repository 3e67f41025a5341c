"""Quote extraction benchmark: time of ``extract_quotes`` per article over a folder of articles.

Each run extracts the quotes of every article in ``../shared/data/news/saudinewsnet-2000`` (the
text as read from disk, already in memory, so reading is not timed); the figure is the median
over runs of the mean time per article, written to ``bench/results.json`` under ``"quotes"``
(other keys are kept). Run from the repository root: ``python bench/bench_quotes.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, median_time, save_results  # noqa: E402


def run(folder: Path, runs: int, limit: int | None = None) -> dict:
    from arnews.analyze.quote_lexicon import load_lexicon
    from arnews.analyze.quotes import extract_quotes

    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        raise SystemExit(f"no .txt articles in {folder}")
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    load_lexicon()                      # compile the lexicon once, outside the timing
    quotes = sum(len(extract_quotes(t)) for t in texts)
    per_article: list[float] = []

    def one_pass() -> None:
        for t in texts:
            t0 = time.perf_counter()
            extract_quotes(t)
            per_article.append(time.perf_counter() - t0)

    median_s, _ = median_time(one_pass, runs)
    return {
        "machine": f"{platform.machine()} {__import__('os').cpu_count()} cores, Python {platform.python_version()}",
        "articles": len(texts),
        "quotes_found": quotes,
        "runs": runs,
        "median_pass_s": round(median_s, 4),
        "ms_per_article_mean": round(1000 * median_s / len(texts), 3),
        "ms_per_article_median": round(1000 * statistics.median(per_article), 3),
        "ms_per_article_p95": round(1000 * sorted(per_article)[int(0.95 * (len(per_article) - 1))], 3),
        "articles_per_s": round(len(texts) / median_s, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--folder", type=Path, default=SHARED / "data" / "news" / "saudinewsnet-2000")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--no-save", action="store_true", help="print without writing bench/results.json")
    args = ap.parse_args(argv)
    figures = run(args.folder, args.runs, args.limit)
    print(figures)
    if not args.no_save:
        save_results("quotes", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
