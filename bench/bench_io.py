"""Foundation benchmark: CLI cold start, and read + normalize + tokenize throughput.

Prints the figures and writes them to ``bench/results.json`` under ``"io"``. Run from the
repository root with the project's environment: ``python bench/bench_io.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SHARED, median_time, save_results  # noqa: E402


def cold_start(runs: int) -> dict:
    """Median time of `arnews normalize` on one line, a fresh interpreter each run."""
    cmd = [sys.executable, "-m", "arnews", "normalize"]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, input="العَرَبِيَّةُ ـــ جميلة".encode(), check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"median_s": round(statistics.median(times), 4), "runs": runs}


def throughput(runs: int, folder: Path) -> dict:
    from arnews.analyze.pipeline import analyze_article
    from arnews.io import read_article

    files = sorted(folder.glob("*.txt"))
    words = 0

    def one_pass():
        nonlocal words
        words = 0
        for f in files:
            doc = analyze_article(read_article(f), ("tokenize",), min_arabic_ratio=0.0)
            words += doc.stats()["words"]

    one_pass()  # warm caches (character tables, lexicon)
    med, _ = median_time(one_pass, runs)
    return {"articles": len(files), "words": words, "median_s": round(med, 3),
            "articles_per_s": round(len(files) / med, 1), "words_per_s": round(words / med),
            "stages": "read + normalize + tokenize", "runs": runs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--folder", type=Path, default=SHARED / "data/news/saudinewsnet-2000")
    args = ap.parse_args()
    res = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
           "cold_start_normalize": cold_start(args.runs),
           "read_normalize_tokenize": throughput(args.runs, args.folder)}
    save_results("io", res)
    cs, tp = res["cold_start_normalize"], res["read_normalize_tokenize"]
    print(f"cold start of `arnews normalize` (median of {cs['runs']}): {cs['median_s'] * 1000:.0f} ms")
    print(f"read+normalize+tokenize: {tp['articles']} articles, {tp['words']:,} words; median {tp['median_s']} s "
          f"-> {tp['articles_per_s']} articles/s, {tp['words_per_s']:,} words/s")


if __name__ == "__main__":
    main()
