"""The per-article batch function: ok records equal `analyze`, every failure is an error record."""

from __future__ import annotations

import json

import pytest

from arnews.analyze import pipeline
from arnews.batch.inputs import WorkItem
from arnews.batch.worker import WorkerConfig, preflight, process_chunk, process_item
from arnews.errors import ModelError
from arnews.io.reader import ReadOptions

TOKENIZE = WorkerConfig(stages=("tokenize",))
ARTICLE = "الحكومة تعلن خطة جديدة\n\nقال وزير الاقتصاد إن الحكومة ستدعم المشروعات الصغيرة في الرياض وجدة.\n"


def _file(tmp_path, name: str, data: bytes) -> WorkItem:
    p = tmp_path / name
    p.write_bytes(data)
    return WorkItem(id=name, name=str(p), path=str(p))


def test_worker_ok_record_is_the_analyze_document_plus_id_and_status(tmp_path):
    from arnews.io import read_article

    item = _file(tmp_path, "خبر.txt", ARTICLE.encode())
    rec = process_item(item, TOKENIZE)
    expected = pipeline.analyze_article(read_article(item.path), ("tokenize",)).to_dict()
    assert list(rec)[:2] == ["id", "status"]
    assert rec.pop("id") == "خبر.txt" and rec.pop("status") == "ok"
    assert rec == expected


@pytest.mark.parametrize("name,data,error_type", [
    ("فارغ.txt", b"", "EmptyInputError"),
    ("ثنائي.txt", bytes(range(256)) * 8, "DecodingError"),
    ("english.txt", b"Title\n\nThis is an English article about nothing in particular.", "NotArabicError"),
])
def test_worker_bad_file_gives_a_one_line_error_record(tmp_path, name, data, error_type):
    rec = process_item(_file(tmp_path, name, data), TOKENIZE)
    assert rec["status"] == "error" and rec["error_type"] == error_type
    assert rec["id"] == name and "\n" not in rec["error"] and rec["error"]


@pytest.mark.parametrize("line,error_type,fragment", [
    (b'{"text": "\xd9\x86\xd8\xb5', "RecordError", "c.jsonl:7"),
    (b'{"title": "\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86"}', "RecordError", "no text field"),
    (b'["\xd9\x86\xd8\xb5"]', "RecordError", "expected a JSON object"),
])
def test_worker_bad_jsonl_record_gives_an_error_record(line, error_type, fragment):
    rec = process_item(WorkItem(id="c.jsonl:7", name="c.jsonl", data=line, line=7), TOKENIZE)
    assert rec["status"] == "error" and rec["error_type"] == error_type
    assert fragment in rec["error"] and rec["source"] == {"path": "c.jsonl", "line": 7}


def test_worker_jsonl_record_uses_the_chosen_fields():
    line = json.dumps({"headline": "عنوان", "maintext": "قال الوزير إن الخطة جاهزة.", "ref": "٧"},
                      ensure_ascii=False).encode()
    cfg = WorkerConfig(read=ReadOptions(text_field="maintext", title_field="headline", id_field="ref"),
                       stages=("tokenize",))
    rec = process_item(WorkItem(id="٧", name="c.jsonl", data=line, line=1), cfg)
    assert rec["status"] == "ok" and rec["title"] == "عنوان" and rec["source"]["id"] == "٧"
    assert rec["text"].endswith("الخطة جاهزة.")


def test_worker_unexpected_exception_becomes_an_internal_error_record(tmp_path, monkeypatch):
    def broken(doc):
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setitem(pipeline._STAGES, "tokenize",
                        pipeline.Stage("tokenize", (), broken, "broken for the test"))
    rec = process_item(_file(tmp_path, "خبر.txt", ARTICLE.encode()), TOKENIZE)
    assert rec["status"] == "error" and rec["error_type"] == "ZeroDivisionError"
    assert rec["error"].startswith("internal error (ZeroDivisionError)") and "\n" not in rec["error"]


def test_worker_chunk_results_carry_encoded_lines(tmp_path):
    items = [_file(tmp_path, "أ.txt", ARTICLE.encode()), _file(tmp_path, "ب.txt", b"")]
    results = process_chunk(items, TOKENIZE)
    assert [(r.id, r.ok) for r in results] == [("أ.txt", True), ("ب.txt", False)]
    assert results[0].words > 10 and results[1].words == 0
    for r in results:
        assert r.line.endswith(b"\n") and r.line.count(b"\n") == 1
        assert json.loads(r.line)["id"] == r.id


def test_worker_preflight_raises_a_model_error(monkeypatch):
    def missing(doc):
        raise ModelError("NER model not found")

    monkeypatch.setitem(pipeline._STAGES, "tokenize", pipeline.Stage("tokenize", (), missing, "no model"))
    with pytest.raises(ModelError):
        preflight(TOKENIZE)
