"""Quality gate: the shipped NER model on the ANERcorp test split must keep its pinned F1.

The pinned value lives in ``eval/baselines.json`` under ``ner_test_micro_f1`` (written when the
model was trained; see ``training/README.md``). The gate fails when micro-F1 falls more than
0.005 below it, e.g. after a change to the features, the gazetteers or the clusters that was not
followed by retraining. Skipped when ``../shared`` (the data) is not present.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from arnews.analyze.ner.evaluate import evaluate_conll

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "eval" / "baselines.json"
TOLERANCE = 0.005


@pytest.fixture(scope="module")
def test_result(shared: Path) -> dict:
    path = shared / "data" / "ner" / "anercorp" / "test.txt"
    if not path.is_file():
        pytest.skip(f"ANERcorp test split not found under ../shared ({path.name})")
    start = time.perf_counter()
    result = evaluate_conll(path)
    result["seconds"] = time.perf_counter() - start
    return result


def test_ner_quality_micro_f1_not_below_pinned(test_result: dict) -> None:
    pinned = json.loads(BASELINES.read_text(encoding="utf-8"))["ner_test_micro_f1"]
    f1 = test_result["micro"]["f1"]
    assert f1 >= pinned - TOLERANCE, f"NER test micro-F1 {f1:.4f} < pinned {pinned:.4f} - 0.005"


def test_ner_quality_covers_whole_split_and_all_types(test_result: dict) -> None:
    assert test_result["sentences"] == 918
    assert test_result["tokens"] == 25008
    assert set(test_result["per_type"]) == {"PERS", "LOC", "ORG", "MISC"}
    assert all(row["f1"] > 0.3 for row in test_result["per_type"].values())


def test_ner_quality_gate_is_fast(test_result: dict) -> None:
    assert test_result["seconds"] < 30
