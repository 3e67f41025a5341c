"""``arnews batch`` (analyze folders and corpora, one JSON line per article) and ``arnews summarize``.

Both commands are thin: they build the options, call :mod:`arnews.batch`, and show progress and a
closing line on standard error. Exit codes: 0 all articles ok, 11 some articles failed (their
records say why), 130 interrupted (rerun with ``--resume``), and the usual codes of
:mod:`arnews.cli_common` for problems that stop the batch before it starts.
"""

from __future__ import annotations

import os
import shlex
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console

from .cli import BidiOpt, KeepBoilerplateOpt, MaxBytesOpt, TextFieldOpt, TitleFieldOpt, _run, app
from .cli_common import (EXIT_INTERRUPTED, EXIT_SOME_FAILED, NerBackend, NerModelOpt, NerOpt, OutputFormat,
                         OutputOpt, OutputOptions, analysis_options, emit)
from .errors import ArnewsError


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class SummaryFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    markdown = "markdown"
    md = "md"
    html = "html"


def _stages(value: str) -> tuple[str, ...]:
    from .analyze.pipeline import resolve
    from .batch.worker import BATCH_STAGES

    names = BATCH_STAGES if value.strip() in ("", "all") else tuple(s.strip() for s in value.split(",") if s.strip())
    try:
        resolve(names)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--stages") from None
    return names


def _resume_command() -> str:
    """The command line to finish an interrupted batch (when it was run as ``arnews``)."""
    argv = sys.argv
    if not argv or Path(argv[0]).name not in ("arnews", "__main__.py", "arnews.exe"):
        return "the same command with --resume"
    args = [a for a in argv[1:] if a != "--overwrite"]
    return shlex.join(["arnews", *args] + ([] if "--resume" in args else ["--resume"]))


class _Progress:
    """A Rich progress bar on standard error (articles, rate, errors, ETA), or nothing."""

    def __init__(self, enabled: bool, spec: Any, already_done: int) -> None:
        self.enabled = enabled
        self.spec = spec
        self.already_done = already_done
        self.errors = 0

    def __enter__(self) -> "_Progress":
        if not self.enabled:
            return self
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn,
                                   TextColumn, TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):  # noqa: ANN001
                return Text(f"{task.speed:,.1f}/s" if task.speed else "-/s", style="cyan")

        self.bar = Progress(SpinnerColumn(), TextColumn("articles"), BarColumn(), MofNCompleteColumn(), Rate(),
                            TextColumn("[red]{task.fields[errors]} errors"), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=False, speed_estimate_period=60)
        self.bar.start()
        self.task = self.bar.add_task("batch", total=None, errors=0)
        threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        from .batch.inputs import count_items

        try:
            n = count_items(self.spec)
        except Exception:  # noqa: BLE001 - the bar just stays without a total
            return
        if n is not None and self.enabled:
            self.bar.update(self.task, total=max(0, n - self.already_done))

    def __call__(self, n: int, errors: int) -> None:
        if self.enabled:
            self.errors += errors
            self.bar.update(self.task, advance=n, errors=self.errors)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()
            self.enabled = False


def _write_summary(records_path: Path, dest: Path, top: int) -> None:
    from .batch.summary import RecordFile, summarize
    from .render.jsonout import render_json
    from .render.summary_markdown import render_summary_markdown
    from .render.summary_table import print_summary

    s = summarize(RecordFile(records_path), top=top)
    suffix = dest.suffix.lower()
    if suffix in (".md", ".markdown"):
        dest.write_text(render_summary_markdown(s), encoding="utf-8")
    elif suffix == ".json":
        dest.write_text(render_json(s), encoding="utf-8")
    else:
        with open(dest, "w", encoding="utf-8") as f:
            print_summary(s, Console(file=f, width=120, force_terminal=False, color_system=None), rtl=False)


@app.command("batch")
def batch_cli(
    inputs: List[str] = typer.Argument(None, help="Folders, article files, JSONL(.gz) corpora, or - (JSONL on "
                                                  "standard input)."),
    out: str = typer.Option(..., "--out", "-o", "--output",
                            help="Output JSONL file: one record per article (- for standard output)."),
    include: List[str] = typer.Option([], "--include", help="Folders: only files matching this glob "
                                      "(repeatable; default: text, HTML, JSON and JSONL files)."),
    exclude: List[str] = typer.Option([], "--exclude", help="Folders: skip files and sub-folders matching this "
                                      "glob (repeatable)."),
    from_list: Optional[str] = typer.Option(None, "--from-list", help="Also read the paths listed in FILE "
                                            "(one a line; - for standard input)."),
    text_field: Optional[str] = TextFieldOpt,
    title_field: Optional[str] = TitleFieldOpt,
    id_field: Optional[str] = typer.Option(None, "--id-field", help="JSONL: the field holding the record id "
                                           "(default: id, url or uuid, else FILE:LINE)."),
    input_format: str = typer.Option("auto", "--input-format", help="Files: auto, text, html or json."),
    max_bytes: int = MaxBytesOpt,
    keep_boilerplate: bool = KeepBoilerplateOpt,
    stages: str = typer.Option("all", "--stages", help="Comma-separated stages (tokenize, entities, quotes) "
                               "or all."),
    tokens: bool = typer.Option(False, "--tokens", help="Include tokens in each record."),
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
    workers: int = typer.Option(0, "--workers", "-j", min=0, help="Worker processes (default: the cores "
                                "of this machine)."),
    chunk_size: int = typer.Option(8, "--chunk-size", min=1, help="Articles handed to a worker at a time."),
    unordered: bool = typer.Option(False, "--unordered", help="Write records as they finish instead of in "
                                   "input order (faster when articles differ a lot in size)."),
    resume: bool = typer.Option(False, "--resume", help="Continue OUT: skip ids already in it, redo a torn "
                                "last line."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace OUT if it exists."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing line."),
    summary: Optional[Path] = typer.Option(None, "--summary", dir_okay=False, help="Also write the corpus "
                                           "summary to FILE (.md Markdown, .json JSON, else a text table)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (process pool) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask: scheduler address tcp://HOST:PORT "
                                            "(default: a local cluster)."),
    send_data: bool = typer.Option(False, "--send-data", help="Dask: send file contents with the work "
                                   "(workers without the files on a shared file system)."),
) -> None:
    """Analyze many articles: folders, files and JSONL corpora, one JSON record per article.

    Each line of OUT is the `analyze --format json` document plus "id" (path relative to its
    folder, record id, or FILE:LINE) and "status" ("ok", or "error" with a one-line "error").
    Records are written in input order (--unordered: as they finish). A failed article does not
    stop the batch; the exit code is then 11. After Ctrl-C or a crash, rerun with --resume.

    Example:

      arnews batch corpus/ --out records.jsonl --summary summary.md

      arnews batch news.jsonl.gz --text-field content --out records.jsonl --workers 8 --resume

      arnews batch corpus/ --out records.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .batch.inputs import InputSpec, check_inputs, iter_items
    from .batch.runner import BatchError, BatchInterrupted, BatchOptions, make_engine, prepare_output, run_batch
    from .batch.worker import WorkerConfig, preflight
    from .io.reader import FORMATS, ReadOptions

    if input_format not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--input-format")
    if resume and overwrite:
        raise typer.BadParameter("--resume and --overwrite exclude each other", param_hint="--resume")
    if summary is not None and out == "-":
        raise typer.BadParameter("--summary needs an output file, not standard output", param_hint="--summary")
    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if not inputs and from_list is None:
        raise typer.BadParameter("give folders, files or JSONL corpora, or --from-list", param_hint="INPUT")
    stage_names = _stages(stages)
    out_abs = () if out == "-" else (str(Path(out).absolute()),)
    spec = InputSpec(paths=tuple(inputs or ()), include=tuple(include), exclude=tuple(exclude),
                     id_field=id_field, from_list=from_list, skip_files=out_abs)
    config = WorkerConfig(read=ReadOptions(format=input_format, text_field=text_field, title_field=title_field,
                                           id_field=id_field, max_bytes=max_bytes, boilerplate=not keep_boilerplate),
                          stages=stage_names, tokens=tokens, analysis=analysis_options(ner, ner_model))
    opts = BatchOptions(workers=workers or default_workers(), chunk_size=chunk_size, ordered=not unordered,
                        resume=resume, overwrite=overwrite)
    err = Console(stderr=True, highlight=False, soft_wrap=True)

    def go() -> None:
        check_inputs(spec)
        try:
            state = prepare_output(out, opts)
        except BatchError as exc:
            raise typer.BadParameter(str(exc), param_hint="--out") from None
        preflight(config)  # a missing model stops here, not on every article
        eng = make_engine(engine.value, config, opts, scheduler=scheduler, send_data=send_data)
        show = not quiet and sys.stderr.isatty()
        try:
            with _Progress(show, spec, len(state.done)) as progress:
                stats = run_batch(iter_items(spec), out, config, opts, engine=eng, progress=progress,
                                  resume_state=state)
        except BatchInterrupted as exc:
            st = exc.stats
            err.print(f"interrupted: {st.written:,} articles written this run to {out} (every record is whole); "
                      f"to finish, run: {_resume_command()}")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not quiet:
            prior = f" ({st_prior:,} already in {out})" if (st_prior := stats.prior_ok + stats.prior_errors) else ""
            err.print(f"batch: {stats.written:,} articles in {stats.elapsed_s:.1f} s ({stats.rate:,.1f}/s, "
                      f"{stats.workers} {stats.engine} worker{'s' if stats.workers != 1 else ''}): "
                      f"{stats.ok:,} ok, {stats.errors:,} errors, {stats.words:,} words{prior} -> {out}")
        if summary is not None:
            _write_summary(Path(out), summary, 20)
        if stats.total_errors:
            raise typer.Exit(EXIT_SOME_FAILED)

    _run(go)


@app.command("summarize")
def summarize_cli(
    records: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                   help="Batch output (JSONL or JSONL.gz)."),
    format: SummaryFormat = typer.Option(SummaryFormat.auto, "--format", "-f",
                                         help="auto (a table on a terminal, JSON when piped), table, json, "
                                              "markdown (or md), html (a self-contained report page with charts)."),
    output: Optional[Path] = OutputOpt,
    top: int = typer.Option(20, "--top", min=1, help="How many entities, speakers and pairs to list."),
    csv_dir: Optional[Path] = typer.Option(None, "--csv-dir", file_okay=False,
                                           help="Also write articles.csv, entities.csv, mentions.csv and "
                                                "quotes.csv into DIR."),
    bidi: Optional[bool] = BidiOpt,
) -> None:
    """Summarize a batch output: articles, words, errors, top entities, speakers, pairs, sources, dates.

    Entities and speakers are merged across articles by their normalized name; "articles" is
    how many articles name them, "mentions" how often.

    Example:

      arnews summarize records.jsonl

      arnews summarize records.jsonl --format markdown -o summary.md --csv-dir tables/

      arnews summarize records.jsonl --format html -o corpus.html
    """
    from .batch.summary import RecordFile, summarize, write_csv_dir

    def go() -> None:
        source = RecordFile(records)
        try:
            s = summarize(source, top=top)
        except (OSError, EOFError) as exc:  # e.g. a damaged .gz
            raise ArnewsError(f"cannot read {records}: {exc}") from exc
        if source.malformed:
            Console(stderr=True).print(f"warning: skipped {source.malformed:,} malformed line(s) in {records}",
                                       highlight=False)
        if csv_dir is not None:
            write_csv_dir(RecordFile(records), csv_dir)
        if format in (SummaryFormat.markdown, SummaryFormat.md, SummaryFormat.html):
            if format is SummaryFormat.html:
                from .render.corpus_html import corpus_extras, render_corpus_html

                text = render_corpus_html({**s, **corpus_extras(RecordFile(records), s)},
                                          title=f"تقرير المدوّنة: {records.name}")
            else:
                from .render.summary_markdown import render_summary_markdown

                text = render_summary_markdown(s, title=f"Summary of {records.name}")
            if output is None:
                sys.stdout.write(text)
                sys.stdout.flush()
            else:
                output.write_text(text, encoding="utf-8")
            return

        def table(d: dict, console: Console) -> None:
            from .render.summary_table import print_summary

            print_summary(d, console, rtl=bidi if bidi is not None else console.is_terminal)

        emit(OutputOptions(OutputFormat(format.value), output), s, table=table)

    _run(go)
