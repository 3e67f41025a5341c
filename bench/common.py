"""Helpers shared by the benchmarks: timing, medians, and the results file."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results.json"


def median_time(fn: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    """Median wall time of ``runs`` calls of ``fn`` (and all the times)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def save_results(key: str, figures: dict[str, Any]) -> None:
    """Merge ``figures`` under ``key`` in ``bench/results.json`` (other keys are kept)."""
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data[key] = figures
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
