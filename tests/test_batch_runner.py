"""The batch driver: whole records, resume, order, dying workers (engines faked or inline)."""

from __future__ import annotations

import json
import os
from concurrent.futures import Future

import pytest

from arnews.batch import worker as worker_mod
from arnews.batch.inputs import WorkItem
from arnews.batch.runner import (BatchError, BatchOptions, InlineEngine, LocalEngine, prepare_output, run_batch,
                                 scan_output)
from arnews.batch.worker import WorkerConfig, process_chunk

CFG = WorkerConfig(stages=("tokenize",))
WORDS = "قال الوزير إن الحكومة ستدعم المشروع الجديد في الرياض وجدة خلال العام المقبل".split()


def _items(n: int) -> list[WorkItem]:
    items = []
    for i in range(n):
        body = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(20 + i % 7)) + "."
        line = json.dumps({"id": f"خبر-{i}", "title": f"عنوان {i}", "text": body}, ensure_ascii=False)
        items.append(WorkItem(id=f"خبر-{i}", name="c.jsonl", data=line.encode(), line=i + 1))
    return items


def _ids(path) -> list[str]:
    return [json.loads(line)["id"] for line in open(path, "rb")]


def test_runner_writes_one_whole_record_per_item_in_order(tmp_path):
    out = tmp_path / "out.jsonl"
    stats = run_batch(_items(25), out, CFG, BatchOptions(chunk_size=4), engine=InlineEngine(CFG))
    assert _ids(out) == [f"خبر-{i}" for i in range(25)]
    assert (stats.written, stats.ok, stats.errors) == (25, 25, 0) and stats.words > 25 * 20


@pytest.mark.parametrize("tail", [b'{"id":"\xd8\xae\xd8\xa8\xd8\xb1-9","status":"ok","te', b'{"id":"x"', b"\x00\x00\x00"])
def test_runner_resume_skips_done_ids_and_redoes_a_torn_last_line(tmp_path, tail):
    out = tmp_path / "out.jsonl"
    run_batch(_items(10), out, CFG, BatchOptions(chunk_size=3), engine=InlineEngine(CFG))
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:9]) + tail)  # the 10th record torn mid-write
    state = scan_output(out)
    assert state.torn and len(state.done) == 9 and state.valid_bytes == len(b"".join(lines[:9]))
    opts = BatchOptions(chunk_size=3, resume=True)
    stats = run_batch(_items(15), out, CFG, opts, engine=InlineEngine(CFG))
    assert (stats.skipped, stats.written, stats.prior_ok) == (9, 6, 9)
    assert _ids(out) == [f"خبر-{i}" for i in range(15)]


def test_runner_scan_refuses_a_damaged_line_before_whole_records(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id":"a","status":"ok"}\nnot json\n{"id":"b","status":"ok"}\n')
    with pytest.raises(BatchError, match="line 2"):
        scan_output(out)


@pytest.mark.parametrize("opts,fragment", [
    (BatchOptions(), "already exists"),
    (BatchOptions(resume=True), None),
    (BatchOptions(overwrite=True), None),
])
def test_runner_existing_output_needs_resume_or_overwrite(tmp_path, opts, fragment):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"قديم","status":"ok"}\n', encoding="utf-8")
    if fragment:
        with pytest.raises(BatchError, match=fragment):
            prepare_output(out, opts)
    else:
        assert prepare_output(out, opts).done == ({"قديم"} if opts.resume else set())


class _FlakyEngine:
    """Runs chunks inline but 'loses' any chunk holding a poison id, as a dying worker would;
    finished chunks come back in reverse order to exercise the ordered writer."""

    name, slots = "fake", 3

    def __init__(self, poison: set[str]) -> None:
        self.poison = poison
        self.calls: list[int] = []

    def submit(self, items):
        fut: Future = Future()
        self.calls.append(len(items))
        if any(it.id in self.poison for it in items):
            fut.set_exception(RuntimeError("worker died"))
        else:
            fut.set_result(process_chunk(items, CFG))
        return fut

    def wait(self, handles, timeout):
        return list(reversed(handles))

    def result(self, handle):
        return handle.result()

    def close(self, cancel):
        pass


@pytest.mark.parametrize("ordered", [True, False])
def test_runner_dying_worker_costs_only_its_article(tmp_path, ordered):
    out = tmp_path / "out.jsonl"
    engine = _FlakyEngine({"خبر-5", "خبر-11"})
    stats = run_batch(_items(16), out, CFG, BatchOptions(chunk_size=4, ordered=ordered), engine=engine)
    recs = {json.loads(line)["id"]: json.loads(line) for line in open(out, "rb")}
    assert sorted(recs) == sorted(f"خبر-{i}" for i in range(16))
    assert {k for k, r in recs.items() if r["status"] == "error"} == {"خبر-5", "خبر-11"}
    assert recs["خبر-5"]["error"].startswith("internal error (RuntimeError)")
    assert (stats.ok, stats.errors) == (14, 2)
    if ordered:
        assert _ids(out) == [f"خبر-{i}" for i in range(16)]


def _die_on_poison(item, config=CFG):
    if item.id == "خبر-3":
        os._exit(1)
    return _real_process_item(item, config)


_real_process_item = worker_mod.process_item


def test_runner_local_pool_survives_a_crashing_worker(tmp_path, monkeypatch):
    """A real pool (fork, so the patched function reaches the workers): the article whose
    worker exits gets an error record, every other article is analyzed."""
    monkeypatch.setattr(worker_mod, "process_item", _die_on_poison)
    out = tmp_path / "out.jsonl"
    engine = LocalEngine(CFG, 2, start_method="fork")
    stats = run_batch(_items(12), out, CFG, BatchOptions(chunk_size=3), engine=engine)
    recs = [json.loads(line) for line in open(out, "rb")]
    assert [r["id"] for r in recs] == [f"خبر-{i}" for i in range(12)]
    assert [r["id"] for r in recs if r["status"] == "error"] == ["خبر-3"]
    assert "worker process died" in recs[3]["error"] and stats.ok == 11


def _slow_item(item, config):
    import time

    time.sleep(0.2)
    return _real_process_item(item, config)


def test_local_engine_cancel_leaves_no_pool_thread_running(monkeypatch):
    """Cancelling stops the workers and waits for the pool's manager thread: a thread still
    closing its pipe at interpreter exit made the standard library print a traceback after
    a clean Ctrl-C or SIGTERM."""
    monkeypatch.setattr(worker_mod, "process_item", _slow_item)
    engine = LocalEngine(CFG, 2, start_method="fork")
    handles = [engine.submit(_items(8)[i:i + 2]) for i in range(0, 8, 2)]
    engine.wait(handles, 5.0)
    pool = engine._pool
    manager, procs = pool._executor_manager_thread, list(pool._processes.values())
    engine.close(cancel=True)
    assert not manager.is_alive()
    assert all(not p.is_alive() for p in procs)
