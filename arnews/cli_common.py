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
from typing import Any, Callable, Mapping

import typer
from rich.console import Console

from . import errors
from .analyze.ner.backends import BACKENDS

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
    html = "html"
    md = "md"
    csv = "csv"


#: Formats that only some commands offer: each command passes ``emit`` a renderer for those it
#: supports (a function from its data to the whole output text).
RENDERED_FORMATS = (OutputFormat.html, OutputFormat.md, OutputFormat.csv)
Renderer = Callable[[Any], str]


def lazy_renderer(module: str, function: str) -> Renderer:
    """``arnews.render.<module>.<function>``, imported only when a report is rendered."""
    def render(data: Any) -> str:
        from importlib import import_module

        return getattr(import_module(f"{__package__}.render.{module}"), function)(data)

    render.__name__ = function
    return render


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


def check_format(opts: OutputOptions, renderers: Mapping[OutputFormat, Renderer] | None = None) -> None:
    """Refuse, as a usage error (exit 2), a ``--format`` the command has no renderer for.

    Commands call it before doing any work; :func:`emit` calls it again in case one did not.
    """
    fmt = opts.resolved()
    if fmt in RENDERED_FORMATS and fmt not in (renderers or {}):
        offered = [f.value for f in OutputFormat if f not in RENDERED_FORMATS or f in (renderers or {})]
        hint = "; the HTML report of an article is 'arnews analyze FILE --format html'" \
            if fmt is OutputFormat.html else ""
        raise typer.BadParameter(f"{fmt.value!r} is not available for this command "
                                 f"(choose from {', '.join(offered)}){hint}", param_hint="'--format'")


def emit(opts: OutputOptions, data: Any, *, table: Callable[[Any, Console], None],
         jsonl_items: Callable[[Any], list[Any]] | None = None,
         renderers: Mapping[OutputFormat, Renderer] | None = None) -> None:
    """Write ``data`` in the chosen format to stdout or ``--output``.

    ``renderers`` maps the formats of :data:`RENDERED_FORMATS` the command offers (html, md, csv)
    to functions that turn ``data`` into text; asking for another one is a usage error.
    """
    from .render.jsonout import render_json, render_jsonl

    check_format(opts, renderers)
    fmt = opts.resolved()
    if fmt is OutputFormat.table:
        if opts.output is None:
            table(data, Console(soft_wrap=False))
            return
        with open(opts.output, "w", encoding="utf-8") as f:
            table(data, Console(file=f, width=120, force_terminal=False, color_system=None))
        return
    if fmt in RENDERED_FORMATS:
        text = renderers[fmt](data)  # type: ignore[index]  (check_format made sure it is there)
    elif fmt is OutputFormat.jsonl:
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
                         help="Output format: auto (a table on a terminal, JSON when piped), table, json, jsonl; "
                              "html, md, csv where the command offers them (see its examples).")
OutputOpt = typer.Option(None, "--output", "-o", help="Write to FILE instead of standard output.",
                         dir_okay=False, writable=True)


#: ``--ner``: the entity tagger, one member per backend of :mod:`arnews.analyze.ner.backends`.
NerBackend = Enum("NerBackend", {name: name for name in BACKENDS}, type=str)


NerOpt = typer.Option(NerBackend.default, "--ner",
                      help="Entity tagger: default (the shipped one) or camel (CAMeL Tools' BERT tagger, "
                           "slower; needs `pip install camel-tools` and `camel_data -i ner-arabert`).")
NerModelOpt = typer.Option(None, "--ner-model", metavar="DIR", file_okay=False,
                           help="Model directory for the --ner tagger (default: its own model). "
                                "Example: --ner camel --ner-model models/camel-ner")


def analysis_options(ner: NerBackend | str = NerBackend.default, ner_model: Path | None = None):
    """The :class:`arnews.analyze.options.AnalysisOptions` of ``--ner`` and ``--ner-model``."""
    from .analyze.options import AnalysisOptions

    return AnalysisOptions(ner=ner.value if isinstance(ner, NerBackend) else ner, ner_model=ner_model)
