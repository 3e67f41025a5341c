"""`--engine dask` on a small LocalCluster gives the same records as the local engine."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from arnews.cli import app

pytest.importorskip("distributed")

runner = CliRunner()
WORDS = "قال وزير الخارجية إن مصر تدعم الحل السياسي في ليبيا وتعمل مع الأمم المتحدة من أجل السلام".split()


def test_batch_dask_local_cluster_matches_local_engine(tmp_path):
    folder = tmp_path / "أخبار"
    (folder / "فرعي").mkdir(parents=True)
    for i in range(14):
        body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(25 + i)) + "."
        (folder / ("فرعي" if i % 2 else "") / f"خبر-{i:02d}.txt").write_text(f"عنوان {i}\n\n{body}\n", encoding="utf-8")
    (folder / "فارغ.txt").write_bytes(b"")
    with open(folder / "مجموعة.jsonl", "w", encoding="utf-8") as f:
        for i in range(6):
            f.write(json.dumps({"url": f"http://x/{i}", "title": f"عنوان {i}", "content": " ".join(WORDS)},
                               ensure_ascii=False) + "\n")
        f.write("{not json\n")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    common = [str(folder), "--stages", "tokenize", "--chunk-size", "3", "--quiet"]
    res_local = runner.invoke(app, ["batch", *common, "--out", str(local), "--workers", "2"])
    res_dask = runner.invoke(app, ["batch", *common, "--out", str(dask), "--workers", "2", "--engine", "dask"])
    assert res_local.exit_code == res_dask.exit_code == 11, res_dask.output
    # Same records, byte for byte, in the same (input) order.
    assert dask.read_bytes() == local.read_bytes()
    recs = [json.loads(line) for line in dask.read_bytes().splitlines()]
    assert len(recs) == 22 and sum(r["status"] == "error" for r in recs) == 2

    # Resume semantics are the driver's: a torn tail is redone, nothing is written twice.
    lines = dask.read_bytes().splitlines(keepends=True)
    dask.write_bytes(b"".join(lines[:15]) + lines[15][:20])
    res = runner.invoke(app, ["batch", *common, "--out", str(dask), "--workers", "1", "--engine", "dask",
                              "--resume", "--send-data"])
    assert res.exit_code == 11, res.output
    assert dask.read_bytes() == local.read_bytes()
