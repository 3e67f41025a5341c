"""``arnews evaluate``: score the entity recognizer and the quote extractor against gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .cli import _run, app
from .cli_common import NerBackend, NerModelOpt, NerOpt, analysis_options

evaluate_app = typer.Typer(help="Score arnews against hand-annotated gold files.\n\n"
                                "Example:  arnews evaluate ner ../shared/data/ner/anercorp/test.txt",
                           no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")

GoldArg = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="The gold file.")
JsonOpt = typer.Option(False, "--json", help="Print the scores as JSON.")


def _prf_table(title: str, rows: list[tuple[str, dict]]) -> Table:
    t = Table(title=title, title_justify="left")
    for col in ("", "precision", "recall", "F1", "support"):
        t.add_column(col, justify="right" if col else "left")
    for name, r in rows:
        t.add_row(name, f"{r['precision']:.4f}", f"{r['recall']:.4f}", f"{r['f1']:.4f}", str(r.get("support", "")))
    return t


@evaluate_app.command("ner")
def evaluate_ner_cli(
    gold: Path = GoldArg,
    types: Optional[str] = typer.Option(None, "--types", help="Comma-separated types to score, e.g. PERS,LOC,ORG."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write predicted `token TAG` lines here."),
    as_json: bool = JsonOpt,
    articles: Optional[int] = typer.Option(
        None, "--articles", min=1, metavar="N",
        help="Score the whole entity layer (tagger plus article rules, as `analyze` and `entities` "
             "use it) instead of the tagger alone, reading every N gold sentences as one article."),
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """Entity-level (conlleval-style) precision, recall and F1 of the tagger on a CoNLL gold file.

    GOLD has one `token ... TAG` line per token (the tag in the last column) and a blank \
line between sentences; tags are BIO (BIOES and BILOU are read as the same chunks) over \
PER or PERS, LOC, ORG, MIS* or MISC.

    Example:

      arnews evaluate ner ../shared/data/ner/anercorp/test.txt --types PERS,LOC,ORG

      arnews evaluate ner ../shared/data/ner/anercorp/test.txt --articles 20

      arnews evaluate ner ../shared/data/ner/anercorp/test.txt --ner camel --ner-model models/camel-ner
    """
    analysis = analysis_options(ner, ner_model)

    def go():
        from .analyze.ner.backends import load_ner_tagger
        from .analyze.ner.evaluate import evaluate_conll

        type_list = [t.strip().upper() for t in types.split(",") if t.strip()] if types else None
        tagger = load_ner_tagger(analysis.ner, analysis.ner_model)
        if articles:
            from .analyze.entity_eval import evaluate_conll_articles

            res = evaluate_conll_articles(gold, sentences_per_article=articles, types=type_list,
                                          predictions_path=predictions, tagger=tagger)
        else:
            res = evaluate_conll(gold, types=type_list, predictions_path=predictions, tagger=tagger)
        if as_json:
            typer.echo(json.dumps({"ner": analysis.ner, **res}, ensure_ascii=False, indent=2))
            return
        rows = [("micro", {**res["micro"], "support": sum(v.get("support", 0) for v in res["per_type"].values())})]
        rows += sorted(res["per_type"].items())
        what = f"entity layer, {articles} sentences per article" if articles else "tagger"
        Console().print(_prf_table(f"NER ({analysis.ner}, {what}) on {gold.name}", rows))

    _run(go)


@evaluate_app.command("quotes")
def evaluate_quotes_cli(
    gold: Path = GoldArg,
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write the predictions here: one line per article, {id, quotes: [{type, content_start, content_end, speaker, cue}]}."),
    as_json: bool = JsonOpt,
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """Quote precision/recall/F1, exact-boundary F1, speaker and type accuracy (spec QUOTES.md).

    Speakers come from the entities: --ner chooses the entity tagger.

    Example:

      arnews evaluate quotes eval/quotes-dev.jsonl --json
    """
    analysis = analysis_options(ner, ner_model)

    def go():
        from .analyze.pipeline import analyze_text
        from .analyze.quote_eval import evaluate_quotes

        res = evaluate_quotes(gold, predictions_path=predictions,
                              extract=lambda text: list(analyze_text(text, ("quotes",), options=analysis).quotes))
        if as_json:
            typer.echo(json.dumps(res, ensure_ascii=False, indent=2))
            return
        q = res["quotes"]
        t = Table(title=f"Quotes on {gold.name}", title_justify="left")
        t.add_column("measure")
        t.add_column("value", justify="right")
        for k in ("precision", "recall", "f1"):
            t.add_row(f"quote {k}", f"{q[k]:.4f}")
        for k in ("exact_f1", "speaker_accuracy", "type_accuracy"):
            t.add_row(k.replace("_", " "), f"{res[k]:.4f}")
        t.add_row("gold / predicted / matched", f"{q.get('gold')} / {q.get('predicted')} / {q.get('matched')}")
        Console().print(t)

    _run(go)


@evaluate_app.command("entities")
def evaluate_entities_cli(
    gold: Path = GoldArg,
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write the predicted mentions here: one line per article, {id, entities: [{start, end, type, text, entity}]}."),
    as_json: bool = JsonOpt,
    ner: NerBackend = NerOpt,
    ner_model: Optional[Path] = NerModelOpt,
) -> None:
    """Entity mentions on hand-annotated articles: precision, recall and F1, exact and overlapping.

    GOLD is JSON Lines, one article a line: {"id", "text", "entities": [{"start", "end", "type"}]}
    (eval/ENTITIES.md says how eval/entities-dev.jsonl was annotated). Each text is analyzed as
    given and every mention is scored with its entity's type. Spans are compared over the whole
    words they touch; "exact" needs the same words, "overlap" one word in common.

    Example:

      arnews evaluate entities eval/entities-dev.jsonl

      arnews evaluate entities eval/entities-dev.jsonl --json --predictions predicted.jsonl
    """
    analysis = analysis_options(ner, ner_model)

    def go():
        from .analyze.entity_eval import evaluate_entity_articles
        from .analyze.pipeline import analyze_text

        res = evaluate_entity_articles(
            gold, predictions_path=predictions,
            find=lambda text: list(analyze_text(text, ("entities",), options=analysis).entities))
        if as_json:
            typer.echo(json.dumps({"ner": analysis.ner, **res}, ensure_ascii=False, indent=2))
            return
        rows = [("micro, exact", {**res["exact"], "support": res["gold"]}),
                ("micro, overlap", {**res["overlap"], "support": res["gold"]})]
        rows += sorted(res["per_type"].items())
        Console().print(_prf_table(f"Entities ({analysis.ner}) on {gold.name}, {res['articles']} articles "
                                   "(types: exact)", rows))

    _run(go)
