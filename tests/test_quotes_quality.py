"""CI gate: quote extraction quality must not drop below the figures pinned in eval/baselines.json.

Runs the spec's scorer on the dev gold (``eval/quotes-dev.jsonl``) and on the sample gold
(``../shared/eval/quotes-gold-sample.jsonl``); each is skipped when its file is missing. A
figure may drop by at most ``TOLERANCE`` below its pinned value. After a deliberate change,
re-pin with the values that ``python -m arnews.analyze.quote_eval <gold>`` prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews.analyze.quote_eval import evaluate_quotes

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "quotes-dev.jsonl"
SAMPLE = ROOT.parent / "shared" / "eval" / "quotes-gold-sample.jsonl"
BASELINES = ROOT / "eval" / "baselines.json"
TOLERANCE = 0.01


def _pinned(*keys: str) -> dict[str, float]:
    if not BASELINES.exists():
        pytest.skip("eval/baselines.json is missing")
    data = json.loads(BASELINES.read_text(encoding="utf-8"))
    missing = [k for k in keys if k not in data]
    if missing:
        pytest.skip(f"no pinned value for {missing}")
    return {k: float(data[k]) for k in keys}


@pytest.fixture(scope="module")
def dev_result():
    if not DEV.exists():
        pytest.skip("eval/quotes-dev.jsonl is missing (merge the annotators' parts first)")
    return evaluate_quotes(DEV)


@pytest.mark.parametrize("key, path", [
    ("quotes_dev_f1", ("quotes", "f1")),
    ("quotes_dev_exact_f1", ("exact_f1",)),
    ("quotes_dev_speaker_accuracy", ("speaker_accuracy",)),
])
def test_quotes_quality_dev_does_not_regress(dev_result, key, path):
    pinned = _pinned(key)[key]
    value = dev_result
    for part in path:
        value = value[part]
    assert value >= pinned - TOLERANCE, f"{key}: {value} < pinned {pinned} - {TOLERANCE}"


def test_quotes_quality_sample_does_not_regress():
    if not SAMPLE.exists():
        pytest.skip("../shared/eval/quotes-gold-sample.jsonl is missing")
    pinned = _pinned("quotes_sample_f1")["quotes_sample_f1"]
    res = evaluate_quotes(SAMPLE)
    assert res["quotes"]["f1"] >= pinned - TOLERANCE
    assert res["quotes"]["gold"] == 12
