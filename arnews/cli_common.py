"""What every CLI command shares: output options, read options, error → exit-code mapping.

Exit codes (also in the README):
  0 success · 1 internal error · 2 usage error · 3 input not found, a directory, or unreadable ·
  4 empty input · 5 binary or undecodable input · 6 not Arabic · 7 input over the size limit ·
  8 malformed JSON record · 9 model missing or broken · 10 malformed gold file ·
  11 batch finished with some failed articles · 130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable

import typer
from rich.console import Console

from . import errors

EXIT_CODES: dict[type[BaseException], int] = {
    errors.InputNotFoundError: 3,
    errors.InputIsDirectoryError: 3,
    errors.EmptyInputError: 4,
    errors.DecodingError: 5,
    errors.NotArabicError: 6,
    errors.InputTooLargeError: 7,
    errors.RecordError: 8,
    errors.InputError: 3,
    errors.ModelError: 9,
    errors.EvaluationError: 10,
    errors.ArnewsError: 1,
}
EXIT_SOME_FAILED = 11
EXIT_INTERRUPTED = 130


def exit_code_for(exc: BaseException) -> int:
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return 1


class OutputFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"


@dataclass(frozen=True)
class OutputOptions:
    """Where and how a command writes its result; built once from the CLI options."""

    format: OutputFormat = OutputFormat.auto
    output: Path | None = None

    def resolved(self) -> OutputFormat:
        """``auto`` is a table on a terminal and JSON in a pipe or a file."""
        if self.format is not OutputFormat.auto:
            return self.format
        if self.output is None and sys.stdout.isatty():
            return OutputFormat.table
        return OutputFormat.json


def emit(opts: OutputOptions, data: Any, *, table: Callable[[Any, Console], None],
         jsonl_items: Callable[[Any], list[Any]] | None = None) -> None:
    """Write ``data`` in the chosen format to stdout or ``--output``."""
    from .render.jsonout import render_json, render_jsonl

    fmt = opts.resolved()
    if fmt is OutputFormat.table:
        if opts.output is None:
            table(data, Console(soft_wrap=False))
            return
        with open(opts.output, "w", encoding="utf-8") as f:
            table(data, Console(file=f, width=120, force_terminal=False, color_system=None))
        return
    if fmt is OutputFormat.jsonl:
        text = render_jsonl(jsonl_items(data) if jsonl_items else [data])
    else:
        text = render_json(data)
    if opts.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        opts.output.write_text(text, encoding="utf-8")


def fail(exc: BaseException) -> typer.Exit:
    """Print a one-line message for a library error and return the matching exit."""
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    from rich.text import Text

    Console(stderr=True).print(Text.assemble(("error: ", "bold red"), msg), highlight=False, soft_wrap=True)
    return typer.Exit(exit_code_for(exc))


FormatOpt = typer.Option(OutputFormat.auto, "--format", "-f",
                         help="Output format: auto (a table on a terminal, JSON when piped), table, json, jsonl.")
OutputOpt = typer.Option(None, "--output", "-o", help="Write to FILE instead of standard output.",
                         dir_okay=False, writable=True)
