"""Quality gate: the shipped NER model and the entity layer must keep their pinned F1.

Figures pinned in ``eval/baselines.json``: ``ner_test_micro_f1``, the tagger alone on the
ANERcorp test split's gold tokens (written when the model was trained; see
``training/README.md``); ``ner_test_entity_layer_f1``, the whole entity layer that ``analyze``
and ``entities`` use (tagger plus article rules, every 20 sentences read as one article) on the
same split; and ``entities_dev_exact_f1`` / ``entities_dev_overlap_f1``, the entity layer on
the hand-annotated SaudiNewsNet articles of ``eval/entities-dev.jsonl``. The gate fails when a
figure falls more than 0.005 below its pin, e.g. after a change to the features, the gazetteers
or the clusters that was not followed by retraining, or a rule change that hurts. The ANERcorp
gates are skipped when ``../shared`` (the data) is not present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews.analyze.entity_eval import evaluate_conll_articles, evaluate_entity_articles
from arnews.analyze.ner.evaluate import evaluate_conll

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "eval" / "baselines.json"
ENTITIES_DEV = ROOT / "eval" / "entities-dev.jsonl"
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


@pytest.mark.parametrize("measure", ["exact", "overlap"])
def test_ner_quality_real_articles_not_below_pinned(measure: str) -> None:
    pinned = json.loads(BASELINES.read_text(encoding="utf-8"))[f"entities_dev_{measure}_f1"]
    res = evaluate_entity_articles(ENTITIES_DEV)
    assert res["articles"] == 304 and res["gold"] > 4800
    f1 = res[measure]["f1"]
    assert f1 >= pinned - TOLERANCE, f"real-article {measure} F1 {f1:.4f} < pinned {pinned:.4f} - 0.005"
