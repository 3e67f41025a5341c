"""`arnews batch` in a real process: kill -9 and Ctrl-C part-way, then --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني في مدينة الرياض وقال الوزير إن المشروع "
         "سيبدأ العام المقبل بمشاركة القطاع الخاص والجامعات").split()

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


def _corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(150 + i % 50)) + "."
            f.write(json.dumps({"id": f"خبر-{i:04d}", "title": f"عنوان {i}", "text": body},
                               ensure_ascii=False) + "\n")


def _start(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "arnews", "batch", str(corpus), "--out", str(out), "--stages", "tokenize",
           "--workers", "2", "--chunk-size", "4", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _wait_for_lines(proc: subprocess.Popen, out: Path, n: int, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"batch ended before it could be stopped: {proc.stderr.read()}")
        time.sleep(0.01)
    pytest.fail("batch made no progress")


def _whole_lines(out: Path) -> list[dict]:
    data = out.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    return [json.loads(line) for line in complete.splitlines()]  # every complete line parses


# Corpora are large enough that a loaded machine cannot finish them in the moment between seeing
# the first lines and sending the signal (1,200 tokenize-only articles took about a second).
KILL_N = 3000
INTERRUPT_N = 6000


def test_batch_kill_9_then_resume_gives_each_id_once(tmp_path):
    corpus, out = tmp_path / "c.jsonl", tmp_path / "out.jsonl"
    _corpus(corpus, KILL_N)
    proc = _start(corpus, out)
    _wait_for_lines(proc, out, 150)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = _whole_lines(out)
    assert 150 <= len(before) < KILL_N
    res = subprocess.run([sys.executable, "-m", "arnews", "batch", str(corpus), "--out", str(out), "--stages",
                          "tokenize", "--workers", "2", "--resume", "--quiet"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    data = out.read_bytes()
    assert data.endswith(b"\n")
    ids = [r["id"] for r in _whole_lines(out)]
    assert len(ids) == KILL_N and len(set(ids)) == KILL_N
    # Ordered output: the resumed file is in input order, as if it had never stopped.
    assert ids == [f"خبر-{i:04d}" for i in range(KILL_N)]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_batch_interrupt_stops_cleanly_and_says_how_to_resume(tmp_path, sig):
    corpus, out = tmp_path / "c.jsonl", tmp_path / "out.jsonl"
    _corpus(corpus, INTERRUPT_N)
    proc = _start(corpus, out)
    _wait_for_lines(proc, out, 40)
    os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "--resume" in err
    recs = _whole_lines(out)
    assert out.read_bytes().endswith(b"\n") and 40 <= len(recs) < INTERRUPT_N
