"""Entity-level NER scoring on small hand-made CoNLL files (expected figures computed by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arnews.analyze.ner.conll import normalize_tag, read_conll, repair_bio, spans
from arnews.analyze.ner.evaluate import evaluate_conll, score
from arnews.errors import EvaluationError

GOLD = """\
أعلن O
محمد B-PER
علي I-PER
في O
القاهرة B-LOC
. O

وزارة B-ORG
الخارجية I-ORG
المصرية I-ORG
تدين O
الهجوم O
"""

# Predictions, sentence by sentence: PERS boundary wrong (only محمد), LOC right, ORG right, and
# one spurious MISC (الهجوم).
PRED = [
    ["O", "B-PERS", "O", "O", "B-LOC", "O"],
    ["B-ORG", "I-ORG", "I-ORG", "O", "B-MISC"],
]


class FixedTagger:
    """A stand-in tagger that returns fixed tags and records what it was asked to tag."""

    def __init__(self, tags: list[list[str]]) -> None:
        self.tags = tags
        self.seen: list[list[str]] | None = None

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        self.seen = sentences
        return self.tags


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_ner_evaluate_micro_scores_match_hand_computation(gold_file: Path) -> None:
    result = evaluate_conll(gold_file, tagger=FixedTagger(PRED))
    # gold entities 3, predicted 4, correct 2 (LOC, ORG)
    assert result["micro"]["precision"] == pytest.approx(2 / 4)
    assert result["micro"]["recall"] == pytest.approx(2 / 3)
    assert result["micro"]["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert result["sentences"] == 2
    assert result["tokens"] == 11


@pytest.mark.parametrize(("typ", "precision", "recall", "support"), [
    ("PERS", 0.0, 0.0, 1),   # محمد alone is a boundary error: no credit
    ("LOC", 1.0, 1.0, 1),
    ("ORG", 1.0, 1.0, 1),
    ("MISC", 0.0, 0.0, 0),   # spurious prediction, no gold MISC
])
def test_ner_evaluate_per_type_scores(gold_file: Path, typ: str, precision: float,
                                      recall: float, support: int) -> None:
    row = evaluate_conll(gold_file, tagger=FixedTagger(PRED))["per_type"][typ]
    assert row["precision"] == pytest.approx(precision)
    assert row["recall"] == pytest.approx(recall)
    assert row["support"] == support


def test_ner_evaluate_types_filter_ignores_other_types(gold_file: Path) -> None:
    result = evaluate_conll(gold_file, tagger=FixedTagger(PRED), types=["LOC", "ORG"])
    assert result["micro"] == pytest.approx({"precision": 1.0, "recall": 1.0, "f1": 1.0})
    assert set(result["per_type"]) == {"LOC", "ORG"}


def test_ner_evaluate_writes_predictions_with_gold_tokens(gold_file: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "pred.txt"
    tagger = FixedTagger(PRED)
    evaluate_conll(gold_file, tagger=tagger, predictions_path=out)
    written = read_conll(out)
    gold = read_conll(gold_file)
    assert [[t for t, _ in s] for s in written] == [[t for t, _ in s] for s in gold]
    assert [[tag for _, tag in s] for s in written] == PRED
    assert tagger.seen == [[t for t, _ in s] for s in gold]


@pytest.mark.parametrize(("raw", "expected"), [
    ("B-PER", "B-PERS"), ("I-PERS", "I-PERS"), ("B-MIS", "B-MISC"), ("I-MISC1", "I-MISC"),
    ("B-LOC", "B-LOC"), ("O", "O"), ("b-org", "B-ORG"),
    ("S-LOC", "B-LOC"), ("E-PER", "I-PERS"), ("U-ORG", "B-ORG"), ("L-MIS", "I-MISC"),
])
def test_ner_conll_normalize_tag_unifies_spellings(raw: str, expected: str) -> None:
    assert normalize_tag(raw) == expected


def test_ner_conll_bioes_file_reads_as_the_same_chunks(tmp_path) -> None:
    path = tmp_path / "bioes.conll"
    path.write_text("خليفة B-PER\nحفتر E-PER\nفي O\nليبيا S-LOC\n\n", encoding="utf-8")
    tags = [tag for _, tag in read_conll(path)[0]]
    assert spans(tags) == [("PERS", 0, 2), ("LOC", 3, 4)]


@pytest.mark.parametrize("bad", ["X-LOC", "LOC", "B-", "B_PER", "M-LOC"])
def test_ner_conll_normalize_tag_rejects_non_bio(bad: str) -> None:
    with pytest.raises(EvaluationError):
        normalize_tag(bad)


@pytest.mark.parametrize(("tags", "expected"), [
    (["B-PERS", "I-PERS", "O", "B-LOC"], [("PERS", 0, 2), ("LOC", 3, 4)]),
    (["O", "I-LOC", "I-LOC"], [("LOC", 1, 3)]),             # I after O opens a chunk
    (["B-ORG", "I-LOC"], [("ORG", 0, 1), ("LOC", 1, 2)]),   # type change splits
    (["B-PERS", "B-PERS"], [("PERS", 0, 1), ("PERS", 1, 2)]),
    (["O", "O"], []),
])
def test_ner_conll_spans_follow_conlleval(tags: list[str], expected: list) -> None:
    assert spans(tags) == expected


def test_ner_conll_repair_bio_keeps_chunks() -> None:
    tags = ["O", "I-LOC", "I-LOC", "I-ORG", "B-PERS", "I-PERS"]
    repaired = repair_bio(tags)
    assert repaired == ["O", "B-LOC", "I-LOC", "B-ORG", "B-PERS", "I-PERS"]
    assert spans(repaired) == spans(tags)


def test_ner_conll_read_reports_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("القاهرة B-LOC\nفقط\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=":2:"):
        read_conll(path)


def test_ner_score_rejects_length_mismatch() -> None:
    with pytest.raises(EvaluationError):
        score([["O", "B-LOC"]], [["O"]])


def test_ner_evaluate_missing_gold_file_is_typed_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        evaluate_conll(tmp_path / "missing.txt", tagger=FixedTagger([]))
