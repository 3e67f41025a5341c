"""The optional CAMeL Tools NER backend (``--ner camel``) on a tiny randomly initialized model.

The model directory has the layout ``camel_tools.ner.NERecognizer(path)`` loads: a transformers
``BertForTokenClassification`` saved with ``save_pretrained`` (labels in ``config.id2label``, with
CAMeL's spellings) and a ``BertTokenizer`` ``vocab.txt``. Its tags are random, so the tests check
the plumbing (lengths, valid BIO, valid output, exit codes), not the quality.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arnews.analyze.ner.backends import canonical_backend, load_ner_tagger
from arnews.analyze.ner.camel_backend import CamelNERUnavailableError, load_camel_tagger
from arnews.analyze.options import AnalysisOptions
from arnews.cli import app
from arnews.errors import ModelError

runner = CliRunner()

#: CAMeL's label set, in the order camel_tools.ner lists it.
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
TYPES = {"PERS", "LOC", "ORG", "MISC"}
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "قال", "الرئيس", "وزير", "الخارجية", "مصر", "ليبيا",
         "القاهرة", "حكومة", "الوفاق", "حفتر", "في", "إن", "من", "،", ".", ":", "«", "»", "“", "”", "##ية", "##ة"]
GOLD = ("قال B-PERS\nشكري I-PERS\nفي O\nالقاهرة B-LOC\n. O\n\n"
        "حكومة B-ORG\nالوفاق I-ORG\nفي O\nليبيا B-LOC\n")


def _valid_bio(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t != "O":
            kind, _, typ = t.partition("-")
            if kind not in ("B", "I") or typ not in TYPES:
                return False
            if kind == "I" and prev[2:] != typ:
                return False
        prev = t
    return True


@pytest.fixture(scope="module")
def camel_offline(tmp_path_factory):
    """Let ``camel_tools.ner`` be imported without network access.

    ``camel_tools.ner`` imports ``camel_tools.data``, which downloads camel-tools' data catalogue
    the first time (``camel_data`` does that on an installed machine); a local model directory
    does not need it, so give camel-tools an empty catalogue in a temporary data directory.
    """
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("camel_tools")
    mp = pytest.MonkeyPatch()
    if "camel_tools.data" not in sys.modules:
        data = tmp_path_factory.mktemp("camel_data")
        (data / "catalogue.json").write_text(json.dumps({"version": "1.6", "packages": {}, "components": {}}),
                                             encoding="utf-8")
        mp.setenv("CAMELTOOLS_DATA", str(data))
        catalogue = sys.modules.get("camel_tools.data.catalogue")  # left behind by a failed import
        if catalogue is not None:
            mp.setattr(catalogue, "CT_DATA_DIR", data)
    pytest.importorskip("camel_tools.ner")
    yield
    mp.undo()


@pytest.fixture(scope="module")
def tiny_model(camel_offline, tmp_path_factory) -> Path:
    """A tiny random BERT token classifier with CAMeL's labels, saved as NERecognizer loads it."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    d = tmp_path_factory.mktemp("camel_ner_model")
    (d / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=256,  # camel pads to 256 word pieces
                        id2label=dict(enumerate(CAMEL_LABELS)),
                        label2id={label: i for i, label in enumerate(CAMEL_LABELS)})
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():  # large output weights, so that the random tags vary from token to token
        model.classifier.weight.normal_(0.0, 2.0)
    model.save_pretrained(d)
    BertTokenizer(str(d / "vocab.txt")).save_pretrained(d)
    return d


def test_camel_tagger_tags_every_token_with_valid_bio(tiny_model):
    tagger = load_camel_tagger(tiny_model)
    long = ["قال", "الرئيس", "في", "القاهرة", "،"] * 70  # 350 words: more than one 256-piece segment
    sentences = [["قال", "الرئيس", "في", "القاهرة", "."], [], ["مصر", "\u064e", "\u200f", "ليبيا"],
                 ["كلمة-غير-معروفة"], long]
    tags = tagger.tag(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert all(_valid_bio(t) for t in tags)
    assert tags[2][1:3] == ["O", "O"]  # a lone diacritic, a format control: no word pieces, tagged O
    assert {t for ts in tags for t in ts} - {"O"}, "the tiny model should tag something"
    assert load_ner_tagger("camel", str(tiny_model)) is tagger  # cached per directory


def test_camel_entities_cli_json(tiny_model, sample_path):
    res = runner.invoke(app, ["entities", str(sample_path), "--ner", "camel", "--ner-model", str(tiny_model),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["entities"], "the tiny model tags something in the sample"
    for e in d["entities"]:
        assert e["type"] in TYPES and e["name"] and e["mentions"]
        assert all(m["type"] in TYPES for m in e["mentions"])


def test_camel_analyze_cli_output_validates(tiny_model, sample_path):
    import jsonschema

    res = runner.invoke(app, ["analyze", str(sample_path), "--ner", "camel", "--ner-model", str(tiny_model),
                              "-f", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    schema = json.loads(resources.files("arnews").joinpath("schema/document.schema.json").read_text("utf-8"))
    jsonschema.validate(d, schema)
    assert d["entities"]
    for e in d["entities"]:
        for m in e["mentions"]:
            assert d["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("command", [["entities"], ["analyze"], ["quotes"]])
def test_camel_missing_model_dir_is_a_model_error(command, sample_path):
    res = runner.invoke(app, [*command, str(sample_path), "--ner", "camel", "--ner-model", "/nonexistent",
                              "-f", "json"])
    assert res.exit_code == 9, res.output
    assert isinstance(res.exception, SystemExit)
    assert "Traceback" not in res.output and res.stdout == ""
    msg = res.stderr.strip()
    assert len(msg.splitlines()) == 1
    assert msg.startswith("error:") and "/nonexistent" in msg and "does not exist" in msg
    assert "pip install camel-tools" in msg and "camel_data -i ner-arabert" in msg


def test_camel_not_installed_is_a_model_error_with_install_hint(tmp_path, sample_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "camel_tools.ner", None)  # makes `import camel_tools.ner` fail
    with pytest.raises(CamelNERUnavailableError) as info:
        load_camel_tagger(tmp_path)
    assert isinstance(info.value, ModelError)
    res = runner.invoke(app, ["entities", str(sample_path), "--ner", "camel", "--ner-model", str(tmp_path)])
    assert res.exit_code == 9 and "Traceback" not in res.output
    msg = res.stderr.strip()
    assert len(msg.splitlines()) == 1
    assert "pip install camel-tools" in msg and "camel_data -i ner-arabert" in msg


def test_camel_directory_without_a_model_is_a_model_error(camel_offline, tmp_path, sample_path):
    res = runner.invoke(app, ["entities", str(sample_path), "--ner", "camel", "--ner-model", str(tmp_path)])
    assert res.exit_code == 9 and "Traceback" not in res.output
    assert "cannot load the CAMeL NER model" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_camel_evaluate_ner_cli(tiny_model, tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text(GOLD, encoding="utf-8")
    pred = tmp_path / "pred.txt"
    res = runner.invoke(app, ["evaluate", "ner", str(gold), "--ner", "camel", "--ner-model", str(tiny_model),
                              "--predictions", str(pred), "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    assert r["ner"] == "camel" and r["sentences"] == 2 and r["tokens"] == 9
    assert 0.0 <= r["micro"]["f1"] <= 1.0
    lines = [line.split() for line in pred.read_text(encoding="utf-8").splitlines()]
    assert [p[0] for p in lines if p] == [line.split()[0] for line in GOLD.splitlines() if line]
    assert _valid_bio([p[1] for p in lines if p])
    table = runner.invoke(app, ["evaluate", "ner", str(gold), "--ner", "camel", "--ner-model", str(tiny_model)])
    assert table.exit_code == 0 and "camel" in table.stdout


def test_camel_evaluate_ner_missing_model_exit_9(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text(GOLD, encoding="utf-8")
    res = runner.invoke(app, ["evaluate", "ner", str(gold), "--ner", "camel", "--ner-model", "/nonexistent"])
    assert res.exit_code == 9 and "Traceback" not in res.output and "camel_data" in res.stderr


def test_camel_batch_worker_uses_the_chosen_tagger(tiny_model, tmp_path):
    from arnews.batch.inputs import WorkItem
    from arnews.batch.worker import WorkerConfig, preflight, process_item

    p = tmp_path / "a.txt"
    p.write_text("مصر تدعو إلى حل سياسي في ليبيا\n\nقال وزير الخارجية سامح شكري في القاهرة إن الحل سياسي.\n",
                 encoding="utf-8")
    config = WorkerConfig(stages=("entities",), analysis=AnalysisOptions(ner="camel", ner_model=tiny_model))
    preflight(config)
    rec = process_item(WorkItem(id="a", name=str(p), path=str(p)), config)
    assert rec["status"] == "ok", rec
    assert {e["type"] for e in rec["entities"]} <= TYPES
    with pytest.raises(ModelError):
        preflight(WorkerConfig(stages=("entities",), analysis=AnalysisOptions(ner="camel", ner_model="/nonexistent")))


def test_camel_batch_cli_missing_model_stops_before_starting(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("مصر تدعو إلى حل سياسي في ليبيا\n\nقال الوزير إن الحل سياسي.\n", encoding="utf-8")
    res = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "o.jsonl"), "-q", "-j", "1",
                              "--ner", "camel", "--ner-model", "/nonexistent"])
    assert res.exit_code == 9, res.output
    assert "Traceback" not in res.output and "does not exist" in res.stderr


def test_ner_backend_names():
    assert canonical_backend(None) == canonical_backend("Default") == "default"
    assert AnalysisOptions().ner == AnalysisOptions(ner=" default ").ner == "default"
    assert AnalysisOptions(ner="camel", ner_model="x").ner_model == Path("x").resolve()
    with pytest.raises(ValueError, match="unknown NER backend"):
        AnalysisOptions(ner="spacy")


def test_ner_option_refuses_unknown_backend(sample_path):
    res = runner.invoke(app, ["entities", str(sample_path), "--ner", "spacy"])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_ner_default_backend_missing_model_dir_is_a_model_error(sample_path, tmp_path):
    res = runner.invoke(app, ["entities", str(sample_path), "--ner-model", str(tmp_path / "none")])
    assert res.exit_code == 9 and "does not exist" in res.stderr and "Traceback" not in res.output


def test_ner_backend_modules_do_not_import_torch():
    code = ("import sys, arnews.cli, arnews.analyze.options, arnews.analyze.ner.backends, "
            "arnews.analyze.ner.camel_backend\n"
            "print(','.join(m for m in ('torch', 'transformers', 'camel_tools') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
