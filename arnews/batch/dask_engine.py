"""The Dask engine: run the batch's per-article function on a Dask distributed cluster.

This is the only module that imports Dask (install it with ``pip install 'arnews[cluster]'``).
The engine is a drop-in for the local process pool: the driver in :mod:`arnews.batch.runner`
still enumerates the input, hands out chunks, writes the output and resumes, so output, resume
and error semantics are the same; only :func:`~arnews.batch.worker.process_chunk` runs on the
cluster's workers, and each worker process loads the models once (on its first chunk).

Without a scheduler address a ``LocalCluster`` is started on this machine (one single-threaded
worker process per ``--workers``). With ``--scheduler tcp://HOST:PORT`` the work goes to an
existing cluster; its workers need arnews installed (same version) and, for file inputs, the
files at the same absolute paths (a shared file system) unless ``send_data`` ships each file's
bytes from this machine with its work item. JSONL records always travel with their items.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from pathlib import Path
from typing import Any, Iterator

from ..errors import ArnewsError
from .inputs import WorkItem
from .worker import Result, WorkerConfig, process_chunk


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while local worker processes start: they inherit it, so a Ctrl-C in the
    terminal stops only the driver, which then shuts the cluster down in order."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


class DaskUnavailableError(ArnewsError):
    """Dask (``dask[distributed]``) is not installed, or the scheduler cannot be reached."""


def _import_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailableError("the dask engine needs dask[distributed]: "
                                   "pip install 'arnews[cluster]'") from exc
    return distributed


class DaskEngine:
    """Chunks as Dask futures on a cluster (an existing one, or a ``LocalCluster``)."""

    name = "dask"

    def __init__(self, config: WorkerConfig, *, workers: int = 1, scheduler: str | None = None,
                 send_data: bool = False, connect_timeout: float = 30.0) -> None:
        distributed = _import_distributed()
        self._distributed = distributed
        self.config = config
        self.send_data = send_data
        self._cluster = None
        try:
            if scheduler:
                self._client = distributed.Client(scheduler, timeout=connect_timeout, set_as_default=False)
            else:
                with _sigint_ignored():  # Ctrl-C is the driver's to handle, not the workers'
                    self._cluster = distributed.LocalCluster(
                        n_workers=max(1, workers), threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.ERROR)
                self._client = distributed.Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            where = scheduler or "a local cluster"
            raise DaskUnavailableError(f"cannot connect to {where}: {exc}") from exc
        threads = sum(self._client.nthreads().values())
        self.slots = max(1, threads)
        # The configuration goes to every worker once, not with every chunk.
        [self._config_future] = self._client.scatter([config], broadcast=True)

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` (for callers that want the dashboard link or logs)."""
        return self._client

    def _with_data(self, items: list[WorkItem]) -> list[WorkItem]:
        out = []
        for it in items:
            if it.data is None and it.path is not None:
                try:
                    data = Path(it.path).read_bytes()
                except OSError:
                    data = None  # the worker reports the problem for this article
                if data is not None:
                    it = WorkItem(id=it.id, name=it.name, path=it.path, data=data, line=it.line)
            out.append(it)
        return out

    def submit(self, items: list[WorkItem]) -> Any:
        if self.send_data:
            items = self._with_data(items)
        return self._client.submit(process_chunk, items, self._config_future, pure=False)

    def wait(self, handles: list[Any], timeout: float) -> list[Any]:
        try:
            with self._client.as_current():
                done, _ = self._distributed.wait(handles, timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            return []
        return list(done)

    def result(self, handle: Any) -> list[Result]:
        try:
            return handle.result()
        finally:
            handle.release()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            try:
                self._cluster.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
            self._cluster = None

    def close(self, cancel: bool) -> None:
        """Disconnect (futures still out are released, so the scheduler drops them) and stop a
        local cluster. ``cancel`` needs nothing more: no chunk outlives its client."""
        try:
            self._client.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        self._close_cluster()
