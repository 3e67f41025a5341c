"""The ``arnews`` command line: parses options, calls the library, renders the result.

Every command is a thin ``*_cli`` function over a plain library function; library errors are
turned into a one-line message and a documented exit code (see :mod:`arnews.cli_common`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .cli_common import (EXIT_INTERRUPTED, FormatOpt, NerBackend, NerModelOpt, NerOpt, OutputFormat, OutputOpt,
                         OutputOptions, analysis_options, check_format, emit, fail, lazy_renderer)
from .errors import ArnewsError

app = typer.Typer(
    name="arnews",
    help="Arabic news analysis: headline, body, named entities and who said what.\n\n"
         "Example:  arnews analyze article.txt",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

TextFieldOpt = typer.Option(None, "--text-field", help="JSON/JSONL: the field holding the article text.")
TitleFieldOpt = typer.Option(None, "--title-field", help="JSON/JSONL: the field holding the headline.")
RecordOpt = typer.Option(1, "--record", min=1, help="JSONL/JSON array: which record to read (1 = first).")
InputFormatOpt = typer.Option("auto", "--input-format", help="Input kind: auto, text, html, json.")
MaxBytesOpt = typer.Option(10 * 1024 * 1024, "--max-bytes", min=1, help="Refuse inputs larger than this.")
KeepBoilerplateOpt = typer.Option(False, "--keep-boilerplate", help="Do not remove site boilerplate.")
BidiOpt = typer.Option(None, "--bidi/--no-bidi",
                       help="Reorder Arabic for terminals without bidi support (default: on a terminal).")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"arnews {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Arabic news analysis."""


def _read_options(input_format: str, text_field, title_field, record: int, max_bytes: int, keep: bool):
    from .io.reader import FORMATS, ReadOptions

    if input_format not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--input-format")
    return ReadOptions(format=input_format, text_field=text_field, title_field=title_field,
                       record=record - 1, max_bytes=max_bytes, boilerplate=not keep)


def _analyze(path: str, read_opts, stages: tuple[str, ...], analysis=None):
    from .analyze.pipeline import analyze_article
    from .io.reader import read_article

    return analyze_article(read_article(path, read_opts), stages, options=analysis)


def _run(fn):
    """Call ``fn`` and turn library errors and Ctrl-C into messages and exit codes."""
    try:
        return fn()
    except ArnewsError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None


#: html, md and csv renderers of each command (see arnews/render/; csv_out documents the columns).
ANALYZE_RENDERERS = {OutputFormat.html: lazy_renderer("html", "render_html"),
                     OutputFormat.md: lazy_renderer("markdown", "render_markdown"),
                     OutputFormat.csv: lazy_renderer("csv_out", "document_csv")}
ENTITIES_RENDERERS = {OutputFormat.md: lazy_renderer("markdown", "entities_markdown"),
                      OutputFormat.csv: lazy_renderer("csv_out", "entities_csv")}
QUOTES_RENDERERS = {OutputFormat.md: lazy_renderer("markdown", "quotes_markdown"),
                    OutputFormat.csv: lazy_renderer("csv_out", "quotes_csv")}


def _report_table(bidi):
    from .render.table import print_report

    return lambda d, console: print_report(d, console, rtl=bidi)


@app.command("analyze")
def analyze_cli(
    path: str = typer.Argument(..., help="Article file (text, HTML, JSON/JSONL), or - for standard input."),
    format: OutputFormat = FormatOpt,
    output: Optional[Path] = OutputOpt,
    text_field: Optional[str] = TextFieldOpt,
    title_field: Optional[str] = TitleFieldOpt,
    record: int = RecordOpt,
    input_format: str = InputFormatOpt,
    max_bytes: int = MaxBytesOpt,
    keep_boilerplate: bool = KeepBoilerplateOpt,
    tokens: bool = typer.Option(False, "--tokens", help="Include tokens in JSON output."),
    bidi: Optional[bool] = BidiOpt,
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """Analyze one article: headline, body, entities and quotes.

    Examples:

      arnews analyze samples/egypt-libya-gna-delegation.txt

      cat article.html | arnews analyze - --format json > report.json

      arnews analyze article.txt --format html --output report.html

      arnews analyze article.txt --ner camel    (CAMeL Tools' BERT entity tagger, if installed)

    Formats: html is a self-contained report page (highlighted text, entities, who said what);
    md the same in Markdown; csv one row per entity and per quote (column "record").
    """
    opts = OutputOptions(format, output)
    check_format(opts, ANALYZE_RENDERERS)
    read_opts = _read_options(input_format, text_field, title_field, record, max_bytes, keep_boilerplate)
    analysis = analysis_options(ner, ner_model)

    def go():
        from .analyze.pipeline import DEFAULT_STAGES

        doc = _analyze(path, read_opts, DEFAULT_STAGES, analysis)
        emit(opts, doc.to_dict(include_tokens=tokens), table=_report_table(bidi), renderers=ANALYZE_RENDERERS)

    _run(go)


def _section_command(path: str, opts: OutputOptions, renderers, section: str, read_opts, bidi,
                     analysis=None) -> None:
    """Analyze up to ``section`` (entities or quotes) and print only that part of the report."""
    check_format(opts, renderers)

    def table(d, console):
        from .render import table as tables

        render = tables.entities_table if section == "entities" else tables.quotes_table
        console.print(render(d[section], tables.bidi_display(console.is_terminal if bidi is None else bidi)))

    def go():
        doc = _analyze(path, read_opts, (section,), analysis)
        d = {k: v for k, v in doc.to_dict().items() if k in ("schema_version", "source", "title", section)}
        emit(opts, d, table=table, jsonl_items=lambda d: d[section], renderers=renderers)

    _run(go)


@app.command("entities")
def entities_cli(
    path: str = typer.Argument(..., help="Article file, or - for standard input."),
    format: OutputFormat = FormatOpt,
    output: Optional[Path] = OutputOpt,
    text_field: Optional[str] = TextFieldOpt,
    title_field: Optional[str] = TitleFieldOpt,
    record: int = RecordOpt,
    input_format: str = InputFormatOpt,
    max_bytes: int = MaxBytesOpt,
    bidi: Optional[bool] = BidiOpt,
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """List the named entities of one article (people, places, organizations), grouped.

    Example:

      arnews entities samples/egypt-libya-gna-delegation.txt --format json

      arnews entities article.txt --format csv > entities.csv

      arnews entities article.txt --ner camel --ner-model models/camel-ner
    """
    _section_command(path, OutputOptions(format, output), ENTITIES_RENDERERS, "entities",
                     _read_options(input_format, text_field, title_field, record, max_bytes, False), bidi,
                     analysis_options(ner, ner_model))


@app.command("quotes")
def quotes_cli(
    path: str = typer.Argument(..., help="Article file, or - for standard input."),
    format: OutputFormat = FormatOpt,
    output: Optional[Path] = OutputOpt,
    text_field: Optional[str] = TextFieldOpt,
    title_field: Optional[str] = TitleFieldOpt,
    record: int = RecordOpt,
    input_format: str = InputFormatOpt,
    max_bytes: int = MaxBytesOpt,
    bidi: Optional[bool] = BidiOpt,
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """List who said what in one article: direct, indirect and "according to" quotes.

    Speakers come from the entities, so --ner chooses the entity tagger here too.

    Example:

      arnews quotes samples/egypt-libya-gna-delegation.txt --format jsonl

      arnews quotes article.txt --format csv > quotes.csv

      arnews quotes article.txt --ner camel
    """
    _section_command(path, OutputOptions(format, output), QUOTES_RENDERERS, "quotes",
                     _read_options(input_format, text_field, title_field, record, max_bytes, False), bidi,
                     analysis_options(ner, ner_model))


@app.command("normalize")
def normalize_cli(
    path: str = typer.Argument("-", help="Text file, or - (default) for standard input."),
    output: Optional[Path] = OutputOpt,
    unicode: bool = typer.Option(True, "--unicode/--no-unicode", help="Unicode NFKC and presentation forms."),
    controls: bool = typer.Option(True, "--controls/--no-controls", help="Remove zero-width and bidi controls."),
    diacritics: bool = typer.Option(True, "--diacritics/--no-diacritics", help="Remove diacritics."),
    tatweel: bool = typer.Option(True, "--tatweel/--no-tatweel", help="Remove tatweel (ـ)."),
    alef: bool = typer.Option(True, "--alef/--no-alef", help="Unify alef forms (أ إ آ ٱ → ا)."),
    alef_maksura: bool = typer.Option(True, "--alef-maksura/--no-alef-maksura", help="ى → ي."),
    teh_marbuta: bool = typer.Option(False, "--teh-marbuta/--no-teh-marbuta", help="ة → ه (off by default)."),
    digits: bool = typer.Option(True, "--digits/--no-digits", help="Arabic-Indic and Persian digits → 0-9."),
    punctuation: bool = typer.Option(False, "--punctuation/--no-punctuation",
                                     help="Arabic punctuation → ASCII (، ؛ ؟ ٪; off by default)."),
    max_bytes: int = MaxBytesOpt,
) -> None:
    """Normalize Arabic text (a filter: file or standard input to standard output).

    Examples:

      printf 'العَرَبِيَّةُ ـــ جميلة' | arnews normalize

      arnews normalize article.txt --teh-marbuta --no-digits -o clean.txt
    """
    from .analyze.normalize import normalize_text
    from .io.encoding import decode_bytes
    from .errors import InputTooLargeError

    steps = {name for name, on in (("unicode", unicode), ("controls", controls), ("diacritics", diacritics),
                                   ("tatweel", tatweel), ("alef", alef), ("alef_maksura", alef_maksura),
                                   ("teh_marbuta", teh_marbuta), ("digits", digits),
                                   ("punctuation", punctuation)) if on}

    def go():
        from .io.reader import read_raw

        data = read_raw(path, max_bytes)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is over the limit of {max_bytes:,} bytes (see --max-bytes)")
        text, _ = decode_bytes(data) if data else ("", "utf-8")
        out = normalize_text(text, steps)
        if output is None:
            sys.stdout.write(out)
            sys.stdout.flush()
        else:
            output.write_text(out, encoding="utf-8")

    _run(go)


from . import cli_eval  # noqa: E402,F401  (registers `arnews evaluate ...`)
from . import cli_batch  # noqa: E402,F401
