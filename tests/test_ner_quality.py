"""Quality gate: the shipped NER model on the ANERcorp test split must keep its pinned F1.

Two figures are pinned in ``eval/baselines.json``: ``ner_test_micro_f1``, the tagger alone on
the gold tokens (written when the model was trained; see ``training/README.md``), and
``ner_test_entity_layer_f1``, the whole entity layer that ``analyze`` and ``entities`` use
(tagger plus article rules, every 20 sentences read as one article). The gate fails when either
falls more than 0.005 below its pin, e.g. after a change to the features, the gazetteers or the
clusters that was not followed by retraining, or a rule change that hurts. Skipped when
``../shared`` (the data) is not present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews.analyze.entity_eval import evaluate_conll_articles
from arnews.analyze.ner.evaluate import evaluate_conll

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "eval" / "baselines.json"
TOLERANCE = 0.005


@pytest.fixture(scope="module")
def test_path(shared: Path) -> Path:
    path = shared / "data" / "ner" / "anercorp" / "test.txt"
    if not path.is_file():
        pytest.skip(f"ANERcorp test split not found under ../shared ({path.name})")
    return path


@pytest.fixture(scope="module")
def test_result(test_path: Path) -> dict:
    return evaluate_conll(test_path)


def test_ner_quality_micro_f1_not_below_pinned(test_result: dict) -> None:
    pinned = json.loads(BASELINES.read_text(encoding="utf-8"))["ner_test_micro_f1"]
    f1 = test_result["micro"]["f1"]
    assert f1 >= pinned - TOLERANCE, f"NER test micro-F1 {f1:.4f} < pinned {pinned:.4f} - 0.005"


def test_ner_quality_covers_whole_split_and_all_types(test_result: dict) -> None:
    assert test_result["sentences"] == 918
    assert test_result["tokens"] == 25008
    assert set(test_result["per_type"]) == {"PERS", "LOC", "ORG", "MISC"}
    assert all(row["f1"] > 0.3 for row in test_result["per_type"].values())


def test_ner_quality_entity_layer_f1_not_below_pinned(test_path: Path) -> None:
    pinned = json.loads(BASELINES.read_text(encoding="utf-8"))["ner_test_entity_layer_f1"]
    f1 = evaluate_conll_articles(test_path, sentences_per_article=20)["micro"]["f1"]
    assert f1 >= pinned - TOLERANCE, f"entity-layer test micro-F1 {f1:.4f} < pinned {pinned:.4f} - 0.005"
