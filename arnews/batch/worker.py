"""The per-article function every batch engine runs: a work item in, one output record out.

:func:`process_item` never raises for a bad article: reading and analysis errors become an
error record ``{"id", "status": "error", "error": <one line>, "error_type", "source"}``, so one
broken file cannot stop a batch of millions. Only interruption (``KeyboardInterrupt``,
``SystemExit``) escapes.

Engines call :func:`process_chunk`, which also serializes each record to its JSON line in the
worker (so the process that writes the output does no JSON work) and makes sure the models are
loaded once per process before the first article (:func:`ensure_ready`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Sequence

from ..analyze.options import AnalysisOptions
from ..errors import ArnewsError, ModelError, RecordError
from ..io.reader import ReadOptions
from .inputs import WorkItem

#: The stages a batch runs by default (same as ``arnews analyze``).
BATCH_STAGES: tuple[str, ...] = ("tokenize", "entities", "quotes")
_MAX_MESSAGE = 400
#: A short article that exercises every stage; analyzing it loads the models.
_WARM_UP = ("مصر تدعو إلى حل سياسي في ليبيا",
            'قال وزير الخارجية المصري سامح شكري، في القاهرة، إن "الحل السياسي هو الطريق الوحيد". '
            "وأضاف أن مصر تدعم حكومة الوفاق الوطني.")


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """How every worker reads and analyzes; built once and sent to every worker
    (``analysis``: the entity tagger and its model, see :class:`AnalysisOptions`)."""

    read: ReadOptions = field(default_factory=ReadOptions)
    stages: tuple[str, ...] = BATCH_STAGES
    tokens: bool = False
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)


class Result(NamedTuple):
    """A finished article as the writer needs it: the record already encoded as one line."""

    id: str
    ok: bool
    words: int
    line: bytes


def one_line(exc: BaseException) -> str:
    """A one-line message for ``exc``; unexpected exceptions are labelled as internal errors."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if not isinstance(exc, ArnewsError):
        text = f"internal error ({type(exc).__name__}): {text}"
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def error_record(item: WorkItem, exc: BaseException) -> dict[str, Any]:
    """The record written for an article that could not be analyzed."""
    msg = one_line(exc)
    if item.line is not None and msg.startswith(item.name):  # name the line of a JSONL record
        msg = f"{item.name}:{item.line}{msg[len(item.name):]}"
    return {"id": item.id, "status": "error", "error": msg, "error_type": type(exc).__name__,
            "source": {"path": item.name, "line": item.line}}


def _article(item: WorkItem, config: WorkerConfig):
    from ..io.reader import article_from_record, read_bytes, read_raw
    from ..model import Source

    if item.line is not None:  # a JSONL record
        data = item.data or b""
        try:
            obj = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            msg = getattr(exc, "msg", None) or str(exc)
            raise RecordError(f"{item.name}: line {item.line} is not valid JSON ({msg})") from exc
        return article_from_record(obj, Source(path=item.name), config.read)
    if item.data is not None:  # file contents sent along with the item
        raw = item.data.encode("utf-8") if isinstance(item.data, str) else item.data
    else:
        raw = read_raw(item.path or item.name, config.read.max_bytes)
    return read_bytes(raw, item.name, config.read)


def process_item(item: WorkItem, config: WorkerConfig = WorkerConfig()) -> dict[str, Any]:
    """Read and analyze one item; the record is the ``analyze --format json`` dict plus
    ``id`` and ``status`` (or an error record)."""
    from ..analyze.pipeline import analyze_article

    try:
        doc = analyze_article(_article(item, config), config.stages, options=config.analysis)
        return {"id": item.id, "status": "ok", **doc.to_dict(include_tokens=config.tokens)}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - any failure of one article is that article's error
        return error_record(item, exc)


def encode_record(record: dict[str, Any]) -> bytes:
    """One compact JSON line (UTF-8, newline-terminated) for a record."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8", errors="surrogatepass")


def to_result(record: dict[str, Any], item: WorkItem | None = None) -> Result:
    """Encode ``record``; a record that cannot be serialized becomes an error record."""
    try:
        line = encode_record(record)
    except (TypeError, ValueError) as exc:  # a stage put something unserializable in the dict
        record = error_record(item or WorkItem(id=str(record.get("id")), name=""), exc)
        line = encode_record(record)
    ok = record.get("status") == "ok"
    words = int((record.get("stats") or {}).get("words", 0)) if ok else 0
    return Result(str(record["id"]), ok, words, line)


_READY: set[tuple] = set()


def ensure_ready(config: WorkerConfig) -> None:
    """Load the models ``config`` needs, once per process, by analyzing a tiny article.

    Failures are ignored here: they reappear, as error records, on the real articles.
    """
    key = (config.stages, config.read, config.analysis)
    if key in _READY:
        return
    _READY.add(key)
    try:
        preflight(config)
    except Exception:  # noqa: BLE001
        pass


def preflight(config: WorkerConfig) -> None:
    """Analyze a built-in article with ``config``'s stages and raise what goes wrong
    (:class:`~arnews.errors.ModelError`, unknown stage), so a batch can refuse to start."""
    from ..analyze.pipeline import analyze_article, resolve
    from ..io.reader import Article

    resolve(config.stages)
    title, body = _WARM_UP
    try:
        analyze_article(Article(title=title, body=body), config.stages, options=config.analysis)
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - other failures show up, per article, as error records
        pass


def process_chunk(items: Sequence[WorkItem], config: WorkerConfig) -> list[Result]:
    """Process several items in one call (engines hand out work in chunks)."""
    ensure_ready(config)
    return [to_result(process_item(item, config), item) for item in items]


def _exit_with(parent_pid: int, interval: float = 1.0) -> None:
    """Exit this process soon after ``parent_pid`` is gone (a ``kill -9`` of the batch leaves
    pool workers blocked on their queues forever otherwise)."""
    import os
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # exists, owned by someone else: the pid was reused
                os._exit(0)

    threading.Thread(target=watch, name="arnews-parent-watch", daemon=True).start()


def init_local_worker(config: WorkerConfig, parent_pid: int | None = None) -> None:
    """Initializer of a local pool process: leave Ctrl-C to the parent, exit with the parent,
    then load the models."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid is not None:
        _exit_with(parent_pid)
    one_blas_thread()
    ensure_ready(config)


def one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process: the pool already runs one process per
    core, and extra BLAS threads per process only compete for the same cores."""
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # effective if numpy is not imported yet in this process
    if "numpy" in sys.modules:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # optional: without it the environment variables are all we do
            return
        threadpool_limits(1)
