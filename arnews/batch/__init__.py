"""Batch analysis of folders and corpora, and the corpus summary of its output.

Library use::

    from arnews.batch import InputSpec, WorkerConfig, BatchOptions, iter_items, run_batch, summarize
    from arnews.batch.summary import RecordFile

    stats = run_batch(iter_items(InputSpec(paths=("corpus/",))), "out.jsonl",
                      WorkerConfig(), BatchOptions(workers=4))
    report = summarize(RecordFile("out.jsonl"))

See ``docs/batch.md`` for the command line (``arnews batch``, ``arnews summarize``) and clusters.
"""

from .inputs import InputSpec, WorkItem, iter_items
from .runner import BatchError, BatchInterrupted, BatchOptions, BatchStats, run_batch
from .summary import summarize, write_csv_dir
from .worker import WorkerConfig, process_item

__all__ = ["BatchError", "BatchInterrupted", "BatchOptions", "BatchStats", "InputSpec", "WorkItem",
           "WorkerConfig", "iter_items", "process_item", "run_batch", "summarize", "write_csv_dir"]
