"""The quote scorer (arnews.analyze.quote_eval) on hand-made cases computed by hand."""

from __future__ import annotations

import json

import pytest

from arnews.analyze.quote_eval import evaluate_quotes, same_speaker, score_quotes, trim_span
from arnews.errors import EvaluationError
from arnews.model import Quote, Speaker

TEXT = "قال الوزير: «الوضع مستقر». وأضاف أن العمل مستمر في كل المدن."


def q(s, e, speaker="الوزير", typ="direct"):
    return {"type": typ, "content_start": s, "content_end": e, "speaker": speaker, "cue": "قال"}


def art(quotes, text=TEXT, id_="a1"):
    return {"id": id_, "text": text, "quotes": quotes}


def test_quotes_scoring_perfect_match():
    gold = [art([q(13, 24), q(36, 60, typ="indirect")])]
    res = score_quotes(gold, [{"id": "a1", "quotes": [q(13, 24), q(36, 60, typ="indirect")]}])
    assert res["quotes"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 2, "predicted": 2, "matched": 2}
    assert res["exact_f1"] == 1.0 and res["speaker_accuracy"] == 1.0 and res["type_accuracy"] == 1.0
    assert res["articles"] == 1


@pytest.mark.parametrize("pred, matched", [
    pytest.param((5, 15), 1, id="overlap-5-of-10-is-half"),
    pytest.param((6, 16), 0, id="overlap-4-of-10-below-half"),
    pytest.param((0, 20), 1, id="pred-twice-as-long-overlap-10-of-20"),
    pytest.param((0, 21), 0, id="pred-longer-overlap-10-of-21"),
])
def test_quotes_scoring_half_of_longer_threshold(pred, matched):
    text = "x" * 40
    res = score_quotes([art([q(0, 10)], text=text)], [{"id": "a1", "quotes": [q(*pred)]}])
    assert res["quotes"]["matched"] == matched


def test_quotes_scoring_greedy_one_to_one():
    # one gold [0,10); predictions [0,9) (overlap 9) and [1,10) (overlap 9): only one may match
    text = "y" * 20
    res = score_quotes([art([q(0, 10)], text=text)], [{"id": "a1", "quotes": [q(0, 9), q(1, 10)]}])
    assert res["quotes"]["matched"] == 1
    assert res["quotes"]["precision"] == 0.5 and res["quotes"]["recall"] == 1.0
    assert res["quotes"]["f1"] == round(2 * 0.5 * 1.0 / 1.5, 4)


def test_quotes_scoring_greedy_prefers_larger_overlap():
    # gold A [0,10), gold B [10,20); pred [2,14) overlaps A by 8 and B by 4 -> goes to A
    text = "z" * 30
    res = score_quotes([art([q(0, 10, "أ"), q(10, 20, "ب")], text=text)],
                       [{"id": "a1", "quotes": [q(2, 14, "أ")]}])
    assert res["quotes"]["matched"] == 1 and res["speaker_accuracy"] == 1.0


def test_quotes_scoring_exact_after_trimming_marks_and_space():
    # gold includes the marks «...» (12..25), prediction excludes them (13..24): exact after trimming
    gold = [art([q(12, 25), q(36, 60)])]
    pred = [{"id": "a1", "quotes": [q(13, 24), q(36, 56)]}]
    res = score_quotes(gold, pred)
    assert res["quotes"]["matched"] == 2
    # 1 exact of 2 gold / 2 predicted
    assert res["exact_f1"] == 0.5


def test_trim_span_strips_white_space_and_punctuation():
    text = " «نعم، بالتأكيد». "
    assert text[slice(*trim_span(text, 0, len(text)))] == "نعم، بالتأكيد"


@pytest.mark.parametrize("a, b, equal", [
    ("فتحي باشاغا", "وفتحي  باشاغا", True),
    ("أحمد الزهراني", "احمد الزهرانى", True),
    ("وزارة الصحة", "وزارة الصحه", True),
    ("عبدالله", "عَبْدُالله", True),
    ("مصادر دبلوماسية مطلعة", "مصادر دبلوماسية مصرية", False),
    (None, None, True),
    ("فتحي باشاغا", None, False),
    ("فتحي باشاغا", "تحي باشاغا", True),   # the clitic rule cannot tell ف-clitic from ف-stem
])
def test_quotes_scoring_speaker_normalization(a, b, equal):
    assert same_speaker(a, b) is equal


def test_quotes_scoring_speaker_and_type_accuracy_over_matched_only():
    gold = [art([q(13, 24, "الوزير", "direct"), q(36, 60, "الوزير", "indirect")])]
    # both matched; one wrong speaker, one wrong type; an extra unmatched prediction is ignored
    pred = [{"id": "a1", "quotes": [q(13, 24, "أحمد", "direct"), q(36, 60, "الوزير", "direct"),
                                     q(0, 3, "أحد")]}]
    res = score_quotes(gold, pred)
    assert res["quotes"]["matched"] == 2 and res["quotes"]["predicted"] == 3
    assert res["speaker_accuracy"] == 0.5 and res["type_accuracy"] == 0.5


def test_quotes_scoring_missing_article_counts_as_no_predictions():
    res = score_quotes([art([q(13, 24)]), art([], id_="a2")], [])
    assert res["quotes"]["recall"] == 0.0 and res["quotes"]["gold"] == 1 and res["articles"] == 2


def test_evaluate_quotes_with_predictions_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(art([q(13, 24)]), ensure_ascii=False) + "\n", encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps({"id": "a1", "quotes": [q(13, 24, "وزير")]}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    res = evaluate_quotes(gold, from_predictions=preds)
    assert res["quotes"]["f1"] == 1.0 and res["speaker_accuracy"] == 0.0


def test_evaluate_quotes_writes_predictions(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(art([q(13, 24)]), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    fake = lambda text: [Quote("indirect", 13, 24, text[13:24], Speaker("الوزير"), cue="قال")]  # noqa: E731
    evaluate_quotes(gold, extract=fake, predictions_path=out)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    rec = json.loads(line)
    assert rec["id"] == "a1"
    (pq,) = rec["quotes"]
    assert {k: pq[k] for k in ("type", "content_start", "content_end", "speaker", "cue")} == {
        "type": "indirect", "content_start": 13, "content_end": 24, "speaker": "الوزير", "cue": "قال"}


def test_evaluate_quotes_runs_given_extractor_on_text_as_given(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(art([q(13, 24)]), ensure_ascii=False) + "\n", encoding="utf-8")
    seen = []

    def fake(text):
        seen.append(text)
        return [Quote("direct", 13, 24, text[13:24], Speaker("الوزير"))]

    res = evaluate_quotes(gold, extract=fake)
    assert seen == [TEXT]
    assert res["quotes"]["matched"] == 1 and res["exact_f1"] == 1.0


@pytest.mark.parametrize("line", ['{"id": "a", "quotes": []}', "not json",
                                  '{"id": "a", "text": "abc", "quotes": [{"content_start": 2, "content_end": 9}]}',
                                  ""])   # an empty file scores nothing: an error, not F1 1.0
def test_evaluate_quotes_rejects_malformed_gold(tmp_path, line):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate_quotes(gold, extract=lambda text: [])
