"""Running a batch: hand out work in chunks to an engine, write records whole, resume, stop cleanly.

The driver (:func:`run_batch`) is the same for every engine; an engine only runs
:func:`~arnews.batch.worker.process_chunk` somewhere (this process, a local process pool, a Dask
cluster) and says when a chunk is done. What the driver guarantees:

* **Whole records.** Every record is one JSON line written with its own ``write()`` straight to
  the operating system (no user-space buffer), so a killed ``arnews`` leaves at most a torn
  *last* line; the file is also ``fsync``'ed at most every ``fsync_interval`` seconds and at the
  end, which bounds what a power failure can take.
* **Resume.** ``resume=True`` reads the ids already in the output, cuts a torn last line, skips
  those ids and appends the rest; nothing is written twice.
* **Order.** ``ordered=True`` (the default) writes records in input order: chunks finished early
  wait for the ones before them (the number of chunks out at once is bounded). An interrupted
  ordered run leaves a prefix of the input, so a resumed run keeps the whole file in input order.
  ``ordered=False`` writes chunks as they finish.
* **Interruption.** Ctrl-C or SIGTERM stops the engine, writes what can be written, syncs the file
  and raises :class:`BatchInterrupted` with the counts, so the caller can say how to resume.
* **Dying workers.** If a worker process dies (a crash in native code, the out-of-memory killer),
  the chunks it may have held are rerun one article at a time; the article that kills a worker on
  its own gets an error record and the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import ArnewsError, InputError
from .inputs import WorkItem
from .worker import Result, WorkerConfig, error_record, init_local_worker, process_chunk, to_result

STDOUT = "-"
#: An article whose worker died this many times in a row, each time running alone, stops the batch.
MAX_CONSECUTIVE_DEATHS = 8


class BatchError(ArnewsError):
    """The batch cannot run or go on (output not resumable, workers keep dying, engine failure)."""


class WorkerDiedError(ArnewsError):
    """The worker process died while analyzing this article (crash or out of memory)."""


@dataclass
class BatchStats:
    """Counts of one run (``prior_*``: records already in the output when resuming)."""

    written: int = 0
    ok: int = 0
    errors: int = 0
    words: int = 0
    skipped: int = 0
    prior_ok: int = 0
    prior_errors: int = 0
    elapsed_s: float = 0.0
    engine: str = "local"
    workers: int = 1

    @property
    def total_errors(self) -> int:
        return self.errors + self.prior_errors

    @property
    def rate(self) -> float:
        return self.written / self.elapsed_s if self.elapsed_s > 0 else 0.0


class BatchInterrupted(Exception):
    """The batch was stopped by Ctrl-C or SIGTERM; ``stats`` says how far it got."""

    def __init__(self, stats: BatchStats) -> None:
        super().__init__("interrupted")
        self.stats = stats


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch (engine-independent part)."""

    workers: int = 1
    chunk_size: int = 8
    ordered: bool = True
    resume: bool = False
    overwrite: bool = False
    fsync_interval: float = 1.0
    window: int | None = None  # chunks out at once (submitted, not yet written); default 3 per worker
    start_method: str | None = None  # local pool: fork, forkserver or spawn (default: forkserver)


# --------------------------------------------------------------------------------- output file


@dataclass
class ResumeState:
    """What an existing output file already holds."""

    done: set[str] = field(default_factory=set)
    ok: int = 0
    errors: int = 0
    valid_bytes: int = 0
    torn: bool = False


def _head(line: bytes) -> tuple[str, str] | None:
    """``(id, status)`` of a record line, reading only its start (records begin with ``id``,
    ``status``); None when the line is not a whole record."""
    import json

    if not line.endswith(b"}\n") or b"\x00" in line:
        return None
    dec = json.JSONDecoder()
    text = line.decode("utf-8", errors="replace")
    try:
        if text.startswith('{"id":'):
            rid, pos = dec.raw_decode(text, 6)
            if text.startswith(',"status":', pos):
                status, _ = dec.raw_decode(text, pos + 10)
                return str(rid), str(status)
        obj = json.loads(text)
    except ValueError:
        return None
    if not isinstance(obj, dict) or "id" not in obj:
        return None
    return str(obj["id"]), str(obj.get("status", "ok"))


def scan_output(path: str | Path) -> ResumeState:
    """Read the ids already complete in ``path``; a damaged tail is marked for cutting.

    Raises :class:`BatchError` when a damaged line is followed by whole records (something
    other than an interrupted ``arnews batch`` wrote the file).
    """
    st = ResumeState()
    p = Path(path)
    if not p.exists():
        return st
    offset = 0
    bad_at: int | None = None
    bad_line = 0
    with open(p, "rb") as f:
        for n, line in enumerate(f, 1):
            head = _head(line)
            if head is None:
                if bad_at is None and line.strip():
                    bad_at, bad_line = offset, n
            elif bad_at is not None:
                raise BatchError(f"{p}: line {bad_line} is not a whole record but later lines are; "
                                 "this file was not written by an interrupted batch (fix or move it)")
            else:
                rid, status = head
                st.done.add(rid)
                if status == "ok":
                    st.ok += 1
                else:
                    st.errors += 1
            offset += len(line)
    st.valid_bytes = bad_at if bad_at is not None else offset
    st.torn = bad_at is not None
    return st


class RecordWriter:
    """Appends whole record lines to a file (or standard output) with the flush/fsync policy."""

    def __init__(self, path: str | Path, *, append: bool, truncate_at: int | None = None,
                 fsync_interval: float = 1.0) -> None:
        self.path = str(path)
        self.fsync_interval = fsync_interval
        self._last_sync = time.monotonic()
        self._dirty = False
        if self.path == STDOUT:
            self.fd = 1
            self._own = False
            return
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        try:
            self.fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._own = True
        if append and truncate_at is not None:
            os.ftruncate(self.fd, truncate_at)  # cut a torn last line before appending

    def write(self, line: bytes) -> None:
        view = memoryview(line)
        try:
            while view:
                n = os.write(self.fd, view)
                view = view[n:]
        except BrokenPipeError:
            raise
        except OSError as exc:  # disk full, quota, I/O error: stop; --resume repairs the tail
            raise BatchError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._dirty = True
        if self._own and time.monotonic() - self._last_sync >= self.fsync_interval:
            self.sync()

    def sync(self) -> None:
        if self._own and self._dirty:
            os.fsync(self.fd)
            self._dirty = False
        self._last_sync = time.monotonic()

    def close(self) -> None:
        if self._own:
            try:
                self.sync()
            finally:
                os.close(self.fd)
                self._own = False


# --------------------------------------------------------------------------------- engines


class Engine(Protocol):
    """Where chunks run. ``slots``: how many chunks can run at once."""

    name: str
    slots: int

    def submit(self, items: list[WorkItem]) -> Any: ...

    def wait(self, handles: list[Any], timeout: float) -> list[Any]: ...

    def result(self, handle: Any) -> list[Result]: ...

    def close(self, cancel: bool) -> None: ...


class InlineEngine:
    """Runs chunks in this process, one at a time (``--workers 1``: no pool, no copying)."""

    name = "inline"
    slots = 1

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config

    def submit(self, items: list[WorkItem]) -> Future:
        fut: Future = Future()
        fut.set_result(process_chunk(items, self.config))
        return fut

    def wait(self, handles: list[Future], timeout: float) -> list[Future]:
        return list(handles)

    def result(self, handle: Future) -> list[Result]:
        return handle.result()

    def close(self, cancel: bool) -> None:
        pass


def default_start_method() -> str:
    import multiprocessing as mp

    return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


class LocalEngine:
    """A pool of worker processes on this machine; each loads the models once at start.

    The default start method is ``forkserver`` (``spawn`` where there is none): workers start
    from a clean server process instead of a copy of this one, which may hold threads (progress
    display, pool management) that make ``fork`` unsafe.
    """

    name = "local"

    def __init__(self, config: WorkerConfig, workers: int, start_method: str | None = None) -> None:
        import multiprocessing as mp

        self.config = config
        self.slots = workers
        method = start_method or default_start_method()
        self._ctx = mp.get_context(method)
        if method == "forkserver":
            self._ctx.set_forkserver_preload(["arnews.batch.worker", "arnews.analyze.pipeline"])
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.slots, mp_context=self._ctx,
                                             initializer=init_local_worker, initargs=(self.config, os.getpid()))
        return self._pool

    def submit(self, items: list[WorkItem]) -> Future:
        try:
            return self._executor().submit(process_chunk, items, self.config)
        except BrokenProcessPool:
            self._restart()
            return self._executor().submit(process_chunk, items, self.config)

    def wait(self, handles: list[Future], timeout: float) -> list[Future]:
        done, _ = wait(handles, timeout=timeout, return_when=FIRST_COMPLETED)
        return list(done)

    def result(self, handle: Future) -> list[Result]:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            self._restart()
            raise WorkerDiedError("the worker process died while analyzing this article "
                                  "(a crash or the out-of-memory killer)") from exc

    def _restart(self) -> None:
        if self._pool is not None:
            manager = _manager_thread(self._pool)
            self._pool.shutdown(wait=False, cancel_futures=True)
            _join(manager)
            self._pool = None

    def close(self, cancel: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if cancel:
            procs = list((getattr(pool, "_processes", None) or {}).values())
            manager = _manager_thread(pool)
            pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:  # stop articles in progress now, not after they finish
                if p.is_alive():
                    p.terminate()
            for p in procs:
                p.join(timeout=5)
            _join(manager)
        else:
            pool.shutdown(wait=True)


def _manager_thread(pool: ProcessPoolExecutor) -> threading.Thread | None:
    """The pool's manager thread (``shutdown`` forgets it, so take it first)."""
    return getattr(pool, "_executor_manager_thread", None)


def _join(thread: threading.Thread | None, timeout: float = 5.0) -> None:
    """Wait for a pool's manager thread to end after its workers were terminated.

    That thread closes its wake-up pipe as it ends; if the interpreter exits meanwhile, the
    standard library's exit hook may write to the pipe just as it closes and print a traceback
    (``OSError: Bad file descriptor``) after a clean interrupt. Joining it first removes the race.
    """
    if thread is not None and thread.is_alive():
        thread.join(timeout=timeout)


# --------------------------------------------------------------------------------- driver


@dataclass
class _Chunk:
    seq: int
    items: list[WorkItem]
    results: list[Result | None]
    missing: int


@dataclass
class _Unit:
    chunk: _Chunk
    offset: int
    items: list[WorkItem]
    isolated: bool = False


def _chunks(items: Iterable[WorkItem], done: set[str], size: int, stats: BatchStats) -> Iterator[_Chunk]:
    seq = 0
    buf: list[WorkItem] = []
    for item in items:
        if item.id in done:
            stats.skipped += 1
            continue
        buf.append(item)
        if len(buf) >= size:
            yield _Chunk(seq, buf, [None] * len(buf), len(buf))
            seq, buf = seq + 1, []
    if buf:
        yield _Chunk(seq, buf, [None] * len(buf), len(buf))


ProgressFn = Callable[[int, int], None]


class _Driver:
    """The chunk loop shared by every engine (see the module docstring for the guarantees)."""

    def __init__(self, engine: Engine, writer: RecordWriter, opts: BatchOptions, stats: BatchStats,
                 progress: ProgressFn | None) -> None:
        self.engine, self.writer, self.opts, self.stats = engine, writer, opts, stats
        self.progress = progress
        self.window = opts.window or max(2, 3 * engine.slots)
        self.pending: dict[Any, _Unit] = {}
        self.suspects: deque[_Unit] = deque()
        self.ready: dict[int, _Chunk] = {}
        self.next_seq = 0
        self.open_chunks = 0
        self.deaths_in_a_row = 0

    def run(self, chunks: Iterator[_Chunk]) -> None:
        exhausted = False
        while True:
            while not self.suspects and not exhausted and self.open_chunks < self.window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                self.open_chunks += 1
                self._submit(_Unit(chunk, 0, chunk.items))
            if self.suspects and not self.pending:
                unit = self.suspects.popleft()
                unit.isolated = True
                self._submit(unit)
            if not self.pending:
                return
            for handle in self.engine.wait(list(self.pending), 0.5):
                self._collect(handle, self.pending.pop(handle))

    def _submit(self, unit: _Unit) -> None:
        self.pending[self.engine.submit(unit.items)] = unit

    def _collect(self, handle: Any, unit: _Unit) -> None:
        try:
            results = self.engine.result(handle)
            self.deaths_in_a_row = 0
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - the engine lost this chunk
            if len(unit.items) > 1 or not unit.isolated:
                # Rerun each article alone, so that only the one that kills a worker fails.
                self.suspects.extend(_Unit(unit.chunk, unit.offset + j, [it]) for j, it in enumerate(unit.items))
                return
            self.deaths_in_a_row += 1
            if self.deaths_in_a_row >= MAX_CONSECUTIVE_DEATHS:
                raise BatchError(f"workers failed on {self.deaths_in_a_row} articles in a row, each run "
                                 f"alone; stopping (last: {exc})") from exc
            results = [to_result(error_record(unit.items[0], exc), unit.items[0])]
        chunk = unit.chunk
        chunk.results[unit.offset:unit.offset + len(results)] = results
        chunk.missing -= len(results)
        if chunk.missing == 0:
            self._complete(chunk)

    def _complete(self, chunk: _Chunk) -> None:
        if not self.opts.ordered:
            self._write(chunk)
            return
        self.ready[chunk.seq] = chunk
        while self.next_seq in self.ready:
            self._write(self.ready.pop(self.next_seq))
            self.next_seq += 1

    def _write(self, chunk: _Chunk) -> None:
        errors = 0
        for res in chunk.results:
            assert res is not None
            self.writer.write(res.line)
            self.stats.written += 1
            if res.ok:
                self.stats.ok += 1
                self.stats.words += res.words
            else:
                self.stats.errors += 1
                errors += 1
        self.open_chunks -= 1
        if self.progress:
            self.progress(len(chunk.results), errors)


def make_engine(kind: str, config: WorkerConfig, opts: BatchOptions, *, scheduler: str | None = None,
                send_data: bool = False) -> Engine:
    """The engine named ``kind``: ``local`` (inline for one worker) or ``dask``."""
    if kind == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(config, workers=opts.workers, scheduler=scheduler, send_data=send_data)
    if kind != "local":
        raise BatchError(f"unknown engine {kind!r} (known: local, dask)")
    if opts.workers <= 1:
        return InlineEngine(config)
    return LocalEngine(config, opts.workers, opts.start_method)


class _StopOnSigterm:
    """Within the block, SIGTERM raises KeyboardInterrupt in the main thread (like Ctrl-C)."""

    def __enter__(self) -> "_StopOnSigterm":
        self._old = None
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGTERM, self._handler)
        return self

    @staticmethod
    def _handler(signum, frame):  # noqa: ANN001
        raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)


def prepare_output(out: str | Path, opts: BatchOptions) -> ResumeState:
    """Check that ``out`` may be written as asked and read what it holds when resuming."""
    out_s = str(out)
    if out_s == STDOUT:
        if opts.resume:
            raise BatchError("--resume needs an output file, not standard output")
        return ResumeState()
    p = Path(out_s)
    if p.is_dir():
        raise BatchError(f"{p} is a folder; --out takes a file (e.g. {p}/records.jsonl)")
    if opts.resume:
        return scan_output(p)
    if p.exists() and p.stat().st_size > 0 and not opts.overwrite:
        raise BatchError(f"{p} already exists; use --resume to continue it or --overwrite to replace it")
    return ResumeState()


def run_batch(items: Iterable[WorkItem], out: str | Path, config: WorkerConfig = WorkerConfig(),
              opts: BatchOptions = BatchOptions(), *, engine: Engine | None = None,
              progress: ProgressFn | None = None, resume_state: ResumeState | None = None) -> BatchStats:
    """Analyze ``items`` and write one record per item to ``out`` (``"-"``: standard output).

    Returns the counts; raises :class:`BatchInterrupted` on Ctrl-C/SIGTERM (the output is then
    consistent and can be resumed) and :class:`BatchError` when the output cannot be used.
    """
    state = resume_state if resume_state is not None else prepare_output(out, opts)
    engine = engine or make_engine("local", config, opts)
    stats = BatchStats(prior_ok=state.ok, prior_errors=state.errors, engine=engine.name, workers=engine.slots)
    writer = RecordWriter(out, append=opts.resume, truncate_at=state.valid_bytes if state.torn else None,
                          fsync_interval=opts.fsync_interval)
    driver = _Driver(engine, writer, opts, stats, progress)
    t0 = time.perf_counter()
    interrupted = finished = False
    try:
        with _StopOnSigterm():
            try:
                driver.run(_chunks(items, state.done, max(1, opts.chunk_size), stats))
                finished = True
            except KeyboardInterrupt:
                interrupted = True
            finally:
                try:
                    engine.close(cancel=not finished)
                except KeyboardInterrupt:  # a second Ctrl-C while stopping
                    interrupted = True
    finally:
        stats.elapsed_s = time.perf_counter() - t0
        writer.close()
    if interrupted:
        raise BatchInterrupted(stats)
    return stats
