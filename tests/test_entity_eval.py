"""Scoring the article entity layer on CoNLL gold: mentions mapped back to the gold tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arnews.analyze.entity_eval import evaluate_conll_articles
from arnews.analyze.ner.conll import read_conll
from arnews.cli import app
from arnews.errors import EvaluationError
from scripted_tagger import ScriptedTagger

# ANERcorp conventions: clitics stay on the token (لليبيا is B-LOC), the kind of body stays
# outside the name (حكومة [الوفاق]), a council's head word is inside (مجلس نواب طبرق).
GOLD = """\
وصل O
وفد O
حكومة O
الوفاق B-ORG
إلى O
القاهرة B-LOC
. O

وقال O
فتحي B-PERS
باشاغا I-PERS
إن O
الدعم O
مهم O
لليبيا B-LOC
. O

ورحب O
رئيس O
مجلس B-ORG
نواب I-ORG
طبرق I-ORG
بالوفد O
. O
"""


TAGGER = ScriptedTagger({"الوفاق": "ORG", "القاهرة": "LOC", "فتحي باشاغا": "PERS", "لليبيا": "LOC",
                         "طبرق": "LOC"})


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    return path


@pytest.mark.parametrize("per_article", [1, 2, 3, 10])
def test_entity_eval_maps_mentions_back_to_gold_tokens(gold_file: Path, per_article: int, tmp_path: Path) -> None:
    out = tmp_path / "pred.txt"
    res = evaluate_conll_articles(gold_file, sentences_per_article=per_article, tagger=TAGGER,
                                  predictions_path=out)
    # every entity right: the clitic form, the kind head left out, the council head joined in
    assert res["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert res["sentences_per_article"] == per_article
    pred = read_conll(out)
    assert [tok for tok, _ in pred[2]] == ["ورحب", "رئيس", "مجلس", "نواب", "طبرق", "بالوفد", "."]
    assert [tag for _, tag in pred[2]] == ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]


def test_entity_eval_counts_layer_errors(gold_file: Path) -> None:
    tagger = ScriptedTagger({"الوفاق": "ORG", "القاهرة": "LOC", "باشاغا": "PERS", "طبرق": "LOC"})
    res = evaluate_conll_articles(gold_file, tagger=tagger)
    # باشاغا alone is a boundary error and لليبيا is missed: 3 of 4 predicted right, 3 of 5 found
    assert res["micro"]["precision"] == pytest.approx(3 / 4)
    assert res["micro"]["recall"] == pytest.approx(3 / 5)


def test_entity_eval_rejects_empty_windows(gold_file: Path) -> None:
    with pytest.raises(EvaluationError):
        evaluate_conll_articles(gold_file, sentences_per_article=0, tagger=TAGGER)


def test_entity_eval_cli_articles_option_prints_json(gold_file: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "ner", str(gold_file), "--articles", "2", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["sentences_per_article"] == 2 and data["sentences"] == 3
    assert set(data["micro"]) == {"precision", "recall", "f1"}
    bad = CliRunner().invoke(app, ["evaluate", "ner", str(gold_file), "--articles", "0"])
    assert bad.exit_code == 2


def test_entity_eval_scores_the_type_the_entity_shows(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("قال O\nالوفاق B-ORG\n. O\n\nورد O\nالوفاق B-ORG\n. O\n\nوأكد O\nالوفاق B-ORG\n. O\n",
                    encoding="utf-8")

    class Mixed:   # ORG twice, LOC once: the entity is an organization
        def tag(self, sentences):
            return [["O", "B-LOC" if words[0] == "وأكد" else "B-ORG", "O"] for words in sentences]

    assert evaluate_conll_articles(gold, tagger=Mixed())["micro"]["f1"] == 1.0
    assert evaluate_conll_articles(gold, tagger=Mixed(), sentences_per_article=1)["micro"]["f1"] < 1.0


# --- hand-annotated articles (character offsets) ---

from arnews.analyze.entity_eval import evaluate_entity_articles, score_entity_mentions  # noqa: E402

ARTICLE = "أعلنت وزارة الداخلية أن حفتر وصل لليبيا. وقال حفتر إن الوضع مستقر."


def _ent(text: str, phrase: str, typ: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "type": typ}


GOLD_ARTICLE = {"id": "a1", "text": ARTICLE, "entities": [
    _ent(ARTICLE, "وزارة الداخلية", "ORG"), _ent(ARTICLE, "حفتر", "PERS"),
    _ent(ARTICLE, "لليبيا", "LOC"), _ent(ARTICLE, "حفتر", "PERS", 1)]}


def test_entity_articles_score_words_not_clitics():
    # the prediction leaves the clitic out (ليبيا inside لليبيا): the same word, an exact match
    pred = [{"id": "a1", "entities": [_ent(ARTICLE, "وزارة الداخلية", "ORG"), _ent(ARTICLE, "حفتر", "PERS"),
                                      _ent(ARTICLE, "ليبيا", "LOC"), _ent(ARTICLE, "حفتر", "PERS", 1)]}]
    res = score_entity_mentions([GOLD_ARTICLE], pred)
    assert res["exact"]["f1"] == 1.0 and res["overlap"]["f1"] == 1.0
    assert res["per_type"]["PERS"]["support"] == 2


def test_entity_articles_exact_and_overlap_differ_on_boundaries():
    pred = [{"id": "a1", "entities": [_ent(ARTICLE, "الداخلية", "ORG"), _ent(ARTICLE, "حفتر", "LOC"),
                                      _ent(ARTICLE, "لليبيا", "LOC"), _ent(ARTICLE, "مستقر", "MISC")]}]
    res = score_entity_mentions([GOLD_ARTICLE], pred, details=True)
    # exact: only لليبيا; overlap adds الداخلية; حفتر has the wrong type; مستقر is spurious
    assert res["exact"]["precision"] == pytest.approx(1 / 4) and res["exact"]["recall"] == pytest.approx(1 / 4)
    assert res["overlap"]["precision"] == pytest.approx(2 / 4) and res["overlap"]["recall"] == pytest.approx(2 / 4)
    art = res["per_article"][0]
    assert {e["type"] for e in art["missed"]} == {"PERS"} and len(art["missed"]) == 2
    assert [e["type"] for e in art["boundary"]] == ["ORG"]


def test_entity_articles_evaluate_runs_the_layer(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"

    def find(text):
        from arnews.analyze.entities import find_entities
        from arnews.analyze.pipeline import analyze_text

        return find_entities(analyze_text(text, ("tokenize",)),
                             tagger=ScriptedTagger({"حفتر": "PERS", "لليبيا": "LOC"}))

    res = evaluate_entity_articles(gold, predictions_path=out, find=find)
    # the tagger misses the ministry; the head rule finds it
    assert res["exact"]["f1"] == 1.0
    pred = json.loads(out.read_text(encoding="utf-8"))
    assert pred["id"] == "a1" and {e["entity"] for e in pred["entities"]} == {"وزارة الداخلية", "حفتر", "ليبيا"}


@pytest.mark.parametrize("record", [
    {"id": "x", "text": "نص", "entities": [{"start": 0, "end": 9, "type": "LOC"}]},
    {"id": "x", "text": "نص"},
    {"text": "نص", "entities": []},
    None,   # an empty file: nothing to score is an error, not a score of 0
    {"id": "x", "text": "نص", "entities": [1]},
    {"id": ["x"], "text": "نص", "entities": []},
    {"id": "x", "text": "نص .", "entities": [{"start": 2, "end": 3, "type": "LOC"}]},   # white space only
    {"id": "x", "text": "نص", "entities": [{"start": False, "end": True, "type": "LOC"}]},
    {"id": "x", "text": "نص", "entities": [{"start": 0, "end": 2, "type": "LOC"}] * 2},
])
def test_entity_articles_reject_bad_gold(tmp_path: Path, record: dict | None):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("" if record is None else json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate_entity_articles(gold, find=lambda text: [])
    res = CliRunner().invoke(app, ["evaluate", "entities", str(gold)])
    assert res.exit_code == 10, (res.output, res.exception)


def test_entity_articles_reject_duplicate_ids(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text((json.dumps(GOLD_ARTICLE, ensure_ascii=False) + "\n") * 2, encoding="utf-8")
    with pytest.raises(EvaluationError, match="twice"):
        evaluate_entity_articles(gold, find=lambda text: [])


def test_entity_articles_exact_hits_are_one_to_one():
    text = "زار الوزير القاهرة أمس."
    gold = [{"id": "a", "text": text, "entities": [_ent(text, "القاهرة", "LOC")]}]
    pred = [{"id": "a", "entities": [_ent(text, "القاهرة", "LOC"), _ent(text, "القاهرة", "LOC")]}]
    res = score_entity_mentions(gold, pred)
    assert res["exact"]["precision"] == 0.5 and res["exact"]["recall"] == 1.0


def test_entity_articles_cli_unwritable_predictions(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["evaluate", "entities", str(gold), "--predictions",
                                   str(tmp_path / "missing" / "pred.jsonl")])
    assert res.exit_code == 10, (res.output, res.exception)


def test_entity_articles_cli_prints_json(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["evaluate", "entities", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["articles"] == 1 and data["gold"] == 4
    assert set(data["exact"]) == {"precision", "recall", "f1"}
