"""`summarize`: merging entities and speakers across articles, pairs, sources, dates, CSV, CLI."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from arnews.batch.summary import entity_key, summarize, write_csv_dir
from arnews.cli import app

runner = CliRunner()


def _entity(eid: str, typ: str, name: str, count: int, roles=()) -> dict:
    return {"id": eid, "type": typ, "name": name, "count": count, "roles": list(roles),
            "mentions": [{"start": 10 * k, "end": 10 * k + len(name), "text": name, "type": typ, "sentence": 0}
                         for k in range(count)]}


def _quote(text: str, speaker: str | None, entity: str | None = None, typ: str = "direct") -> dict:
    return {"type": typ, "content": {"start": 0, "end": len(text), "text": text},
            "speaker": {"name": speaker, "entity": entity, "start": None, "end": None} if speaker else None,
            "cue": {"text": "قال", "lemma": "قال", "start": 0, "end": 3}, "sentence": 1}


def _record(rid: str, entities: list[dict], quotes: list[dict], words: int = 100, meta=None) -> dict:
    return {"id": rid, "status": "ok", "schema_version": "1.0", "title": f"عنوان {rid}",
            "source": {"path": f"{rid}.txt", "id": None, "encoding": "utf-8", "format": "text"},
            "metadata": meta or {}, "text": "", "stats": {"words": words, "sentences": 5},
            "entities": entities, "quotes": quotes}


LONG = "إن الحكومة المصرية تدعم الحل السياسي في ليبيا وترفض أي تدخل عسكري أجنبي"
RECORDS = [
    _record("1", [_entity("e1", "PERS", "سامح شكري", 3, ["وزير الخارجية"]), _entity("e2", "LOC", "ليبيا", 2),
                  _entity("e3", "LOC", "القاهرة", 1)],
            [_quote(LONG, "شكري", "e1"), _quote("نعم", "سامح شكري", "e1")],
            meta={"source": "الأهرام", "date_extracted": "2015-07-21 10:00:00"}),
    # Same people and places spelled with diacritics, hamza and tatweel variants.
    _record("2", [_entity("e1", "PERS", "سَامِح شُكري", 1), _entity("e2", "LOC", "لــيبيا", 4)],
            [_quote("قصير", "سامح شكرى", None, "indirect")],
            meta={"source": "الأهرام", "date": "2015-07-22"}),
    _record("3", [_entity("e1", "LOC", "ليبيا", 1), _entity("e2", "ORG", "الأمم المتحدة", 2)], [],
            meta={"source": "عكاظ", "date": "2015-07-22"}),
    {"id": "4", "status": "error", "error": "x.txt is empty", "error_type": "EmptyInputError"},
]


def test_summary_merges_entities_by_normalized_name():
    s = summarize(RECORDS)
    assert (s["articles"], s["ok"], s["errors"], s["words"]) == (4, 3, 1, 300)
    libya = s["entities"]["LOC"][0]
    assert (libya["documents"], libya["mentions"]) == (3, 7) and libya["name"] == "ليبيا"
    shoukry = s["entities"]["PERS"][0]
    assert (shoukry["documents"], shoukry["mentions"]) == (2, 4) and shoukry["roles"] == ["وزير الخارجية"]
    assert s["distinct_entities"] == 4 and s["errors_by_type"] == {"EmptyInputError": 1}


@pytest.mark.parametrize("a,b", [("سَامِح شُكري", "سامح شكري"), ("لــيبيا", "ليبيا"), ("إسرائيل", "اسرائيل"),
                                 ("  الأمم   المتحدة ", "الامم المتحدة")])
def test_summary_entity_key_unifies_spelling(a, b):
    assert entity_key(a) == entity_key(b)


def test_summary_speakers_merge_via_linked_entity_with_example():
    s = summarize(RECORDS)
    top = s["speakers"][0]
    # "شكري" (linked to entity e1) and "سامح شكرى" (ى) count as the same speaker.
    assert (top["quotes"], top["documents"]) == (3, 2)
    assert top["example"]["text"] == LONG and top["example"]["id"] == "1"
    assert s["quote_types"] == {"direct": 2, "indirect": 1}


def test_summary_pairs_sources_and_dates():
    s = summarize(RECORDS)
    pair = s["pairs"][0]
    assert pair["documents"] == 2 and {pair["a"]["name"], pair["b"]["name"]} == {"سامح شكري", "ليبيا"}
    assert s["sources"] == [{"source": "الأهرام", "articles": 2}, {"source": "عكاظ", "articles": 1}]
    assert s["dates"] == [{"date": "2015-07-21", "articles": 1}, {"date": "2015-07-22", "articles": 2}]
    assert s["months"] == [{"month": "2015-07", "articles": 3}]


def test_summary_pair_pruning_keeps_repeated_pairs():
    def rec(i: int) -> dict:
        return _record(str(i), [_entity("a", "LOC", "ليبيا", 1), _entity("b", "LOC", f"مدينة {i}", 1)], [])

    s = summarize([rec(0), rec(0)] + [rec(i) for i in range(1, 50)], max_pairs=10)
    assert s["pairs_approximate"] and s["pairs"][0]["documents"] == 2
    assert s["pairs"][0]["b"]["name"] == "مدينة 0"


def test_summary_csv_dir_tables(tmp_path):
    rows = write_csv_dir(RECORDS, tmp_path)
    assert rows == {"articles.csv": 4, "entities.csv": 7, "mentions.csv": 14, "quotes.csv": 3}
    with open(tmp_path / "quotes.csv", encoding="utf-8-sig", newline="") as f:
        quotes = list(csv.DictReader(f))
    assert quotes[0]["speaker"] == "سامح شكري" and quotes[0]["text"] == LONG
    pd = pytest.importorskip("pandas")
    arts = pd.read_csv(tmp_path / "articles.csv")
    assert list(arts.columns)[0] == "id" and arts["status"].tolist().count("error") == 1


def _write(tmp_path, recs) -> str:
    p = tmp_path / "records.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs) + '{"id": "torn', encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("fmt,check", [
    ("json", lambda out: json.loads(out)["entities"]["LOC"][0]["name"] == "ليبيا"),
    ("markdown", lambda out: "| ليبيا | 3 | 7 |" in out and out.startswith("# Summary of records.jsonl")),
    ("md", lambda out: "## Top speakers" in out and "| سامح شكري | 3 | 2 |" in out),
    ("table", lambda out: "Top speakers" in out and "الأهرام" in out),
])
def test_summary_cli_formats(tmp_path, fmt, check):
    res = runner.invoke(app, ["summarize", _write(tmp_path, RECORDS), "--format", fmt, "--no-bidi"])
    assert res.exit_code == 0, res.output
    assert check(res.stdout)
    assert "skipped 1 malformed" in res.stderr


def test_summary_cli_csv_dir_and_output_file(tmp_path):
    out = tmp_path / "s.json"
    res = runner.invoke(app, ["summarize", _write(tmp_path, RECORDS), "-f", "json", "-o", str(out),
                              "--csv-dir", str(tmp_path / "csv"), "--top", "1"])
    assert res.exit_code == 0, res.output
    s = json.loads(out.read_text(encoding="utf-8"))
    assert len(s["entities"]["LOC"]) == 1 and len(s["speakers"]) == 1
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["articles.csv", "entities.csv",
                                                                    "mentions.csv", "quotes.csv"]


def test_summary_markdown_escapes_html_in_cells():
    from arnews.render.summary_markdown import _cell

    cell = _cell("<script>alert(1)</script> | مصر")
    assert "<script>" not in cell and "\\|" in cell and "مصر" in cell
