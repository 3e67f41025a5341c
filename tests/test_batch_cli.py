"""`arnews batch` through CliRunner: folders, corpora, lists, exit codes, --summary."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arnews.cli import app
from arnews.cli_common import EXIT_SOME_FAILED

runner = CliRunner()
WORDS = ("أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني في مدينة الرياض وقال الوزير إن المشروع "
         "سيبدأ العام المقبل بمشاركة القطاع الخاص والجامعات").split()
TOKENIZE = ["--stages", "tokenize", "--quiet"]


def article(i: int) -> str:
    """A short synthetic Arabic article, different for every ``i``."""
    title = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(6))
    body = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(30 + i % 40)) + "."
    return f"{title}\n\n{body}\n"


def article_folder(tmp_path: Path, files: dict[str, int]) -> Path:
    """A folder ``in`` holding ``name -> article(i)`` for each of ``files``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, i in files.items():
        (folder / name).write_text(article(i), encoding="utf-8")
    return folder


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """300 articles in nested folders, plus an empty file and a binary file."""
    root = tmp_path / "أخبار"
    for i in range(300):
        p = root / f"قسم-{i % 3}" / f"خبر-{i:03d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(article(i), encoding="utf-8")
    (root / "فارغ.txt").write_bytes(b"")
    (root / "صورة.txt").write_bytes(bytes(range(256)) * 16)
    return root


def test_batch_folder_300_ok_2_errors_no_traceback(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--workers", "2", *TOKENIZE])
    assert res.exit_code == EXIT_SOME_FAILED, res.output
    assert "Traceback" not in res.output
    recs = records(out)
    assert len(recs) == 302 and len({r["id"] for r in recs}) == 302
    errors = {r["id"]: r for r in recs if r["status"] == "error"}
    assert set(errors) == {"فارغ.txt", "صورة.txt"}
    assert {e["error_type"] for e in errors.values()} == {"EmptyInputError", "DecodingError"}
    assert all("\n" not in e["error"] for e in errors.values())
    ok = [r for r in recs if r["status"] == "ok"]
    assert len(ok) == 300 and "قسم-1/خبر-001.txt" in {r["id"] for r in ok}
    assert all(r["stats"]["words"] >= 30 and r["schema_version"] for r in ok)


def test_batch_all_ok_exits_0_and_summary_line_counts(tmp_path):
    folder = article_folder(tmp_path, {f"{i}.txt": i for i in range(5)})
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--stages", "tokenize", "-j", "1"])
    assert res.exit_code == 0, res.output
    assert "5 articles" in res.stderr and "5 ok, 0 errors" in res.stderr
    assert [r["id"] for r in records(out)] == [f"{i}.txt" for i in range(5)]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_jsonl_gz_with_field_options(tmp_path, workers):
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for i in range(12):
            title, body = article(i).split("\n\n", 1)
            f.write(json.dumps({"ref": f"م-{i}", "headline": title, "maintext": body, "source": "جريدة",
                                "date": f"2015-07-{i % 3 + 1:02d}"}, ensure_ascii=False) + "\n")
        f.write("{broken\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--text-field", "maintext",
                              "--title-field", "headline", "--id-field", "ref", "-j", workers, "--unordered",
                              *TOKENIZE])
    assert res.exit_code == EXIT_SOME_FAILED, res.output
    recs = {r["id"]: r for r in records(out)}
    assert set(recs) == {f"م-{i}" for i in range(12)} | {"c.jsonl.gz:13"}
    assert recs["م-4"]["title"] == article(4).split("\n")[0]
    assert recs["م-4"]["metadata"] == {"source": "جريدة", "date": "2015-07-02"}
    assert recs["c.jsonl.gz:13"]["error_type"] == "RecordError"


def test_batch_from_list_on_stdin(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"خبر{i}.txt"
        p.write_text(article(i), encoding="utf-8")
        paths.append(str(p))
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["batch", "--from-list", "-", "--out", str(out), *TOKENIZE],
                        input="\n".join(paths) + "\n")
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in records(out)] == paths


@pytest.mark.parametrize("args,code,fragment", [
    (["غير-موجود/"], 3, "no such file"),
    (["{folder}", "--stages", "tokenize,magic"], 2, "unknown stage"),
    (["{folder}", "--resume", "--overwrite"], 2, "exclude each other"),
    (["{folder}", "--scheduler", "tcp://127.0.0.1:1"], 2, "--engine dask"),
])
def test_batch_refuses_bad_arguments(tmp_path, args, code, fragment):
    folder = article_folder(tmp_path, {"a.txt": 1})
    args = [a.replace("{folder}", str(folder)) for a in args]
    res = runner.invoke(app, ["batch", *args, "--out", str(tmp_path / "o.jsonl"), "-q"])
    assert res.exit_code == code, res.output
    assert fragment in res.output and "Traceback" not in res.output


def test_batch_existing_output_needs_resume_and_resume_adds_only_new(tmp_path):
    folder = article_folder(tmp_path, {f"{i}.txt": i for i in range(4)})
    out = tmp_path / "out.jsonl"
    base = ["batch", str(folder), "--out", str(out), *TOKENIZE]
    assert runner.invoke(app, base).exit_code == 0
    again = runner.invoke(app, base)
    assert again.exit_code == 2 and "--resume" in again.output
    (folder / "4.txt").write_text(article(4), encoding="utf-8")
    res = runner.invoke(app, [*base, "--resume"])
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in records(out)] == [f"{i}.txt" for i in range(5)]


def test_batch_output_inside_the_input_folder_is_not_read(tmp_path):
    folder = article_folder(tmp_path, {"a.txt": 1})
    out = folder / "records.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "--out", str(out), *TOKENIZE]).exit_code == 0
    res = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--resume", *TOKENIZE])
    assert res.exit_code == 0 and [r["id"] for r in records(out)] == ["a.txt"]


def test_batch_summary_file_is_markdown(tmp_path, corpus):
    out, md = tmp_path / "out.jsonl", tmp_path / "summary.md"
    res = runner.invoke(app, ["batch", str(corpus), "--out", str(out), "--summary", str(md), "-j", "1",
                              "--include", "خبر-00*", "--include", "*.txt", "--exclude", "قسم-2", *TOKENIZE])
    assert res.exit_code == EXIT_SOME_FAILED, res.output
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# ") and "- articles: 202 (200 ok, 2 errors)" in text


def test_batch_help_has_example():
    res = runner.invoke(app, ["batch", "--help"])
    assert res.exit_code == 0 and "Example" in res.output and "--resume" in res.output


def test_batch_cpu_count_default_is_positive():
    from arnews.cli_batch import default_workers

    assert 1 <= default_workers() <= (os.cpu_count() or 1)
