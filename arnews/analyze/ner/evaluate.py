"""Entity-level NER scoring, conlleval style, and the ``evaluate`` command behind it.

An entity counts as correct only when its type and both boundaries match the gold entity
exactly. Precision, recall and F1 are reported micro-averaged over all entities and per type.

Command line (from the repository root)::

    python -m arnews.analyze.ner.evaluate ../shared/data/ner/anercorp/test.txt \
        [--predictions out.conll] [--types PERS,LOC]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from arnews.analyze.ner.conll import read_conll, spans, write_conll
from arnews.errors import EvaluationError


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from hit, predicted and gold counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], *,
          types: Iterable[str] | None = None) -> dict[str, Any]:
    """Score predicted tag sequences against gold ones (one list of tags per sentence).

    ``types`` restricts scoring to those entity types (others are ignored on both sides).
    Returns ``{"micro": {precision, recall, f1}, "per_type": {TYPE: {precision, recall, f1,
    support}}, "sentences": n, "tokens": n}``; ``support`` is the number of gold entities.
    """
    if len(gold) != len(pred):
        raise EvaluationError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    keep = set(types) if types is not None else None
    tp: dict[str, int] = {}
    n_gold: dict[str, int] = {}
    n_pred: dict[str, int] = {}
    tokens = 0
    for k, (g, p) in enumerate(zip(gold, pred)):
        if len(g) != len(p):
            raise EvaluationError(f"sentence {k}: {len(g)} gold tags but {len(p)} predicted")
        tokens += len(g)
        gs = {s for s in spans(g) if keep is None or s[0] in keep}
        ps = {s for s in spans(p) if keep is None or s[0] in keep}
        for t, *_ in gs:
            n_gold[t] = n_gold.get(t, 0) + 1
        for t, *_ in ps:
            n_pred[t] = n_pred.get(t, 0) + 1
        for t, *_ in gs & ps:
            tp[t] = tp.get(t, 0) + 1
    all_types = sorted(set(n_gold) | set(n_pred) | (keep or set()))
    per_type = {}
    for t in all_types:
        row = prf(tp.get(t, 0), n_pred.get(t, 0), n_gold.get(t, 0))
        row["support"] = n_gold.get(t, 0)
        per_type[t] = row
    micro = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"micro": micro, "per_type": per_type, "sentences": len(gold), "tokens": tokens}


def evaluate_conll(gold_path: Path | str, *, types: Iterable[str] | None = None,
                   predictions_path: Path | str | None = None,
                   tagger: Any = None, predict: Any = None) -> dict[str, Any]:
    """Tag the tokens of a gold CoNLL file and score the result against its tags.

    ``tagger`` is anything with ``tag(list[list[str]]) -> list[list[str]]`` (default: the
    shipped model, :func:`arnews.analyze.ner.tagger.load_tagger`). ``predict(sentences,
    tagger)``, when given, produces the tags instead of ``tagger.tag`` (the article layer's
    scorer uses it). ``predictions_path``, when given, receives ``token TAG`` lines with exactly
    the gold file's sentences and tokens.
    """
    gold = read_conll(gold_path)
    if not gold:
        raise EvaluationError(f"no sentences in {gold_path}")
    if tagger is None:
        from arnews.analyze.ner.tagger import load_tagger

        tagger = load_tagger()
    tokens = [[tok for tok, _ in sent] for sent in gold]
    predicted = predict(tokens, tagger) if predict is not None else tagger.tag(tokens)
    if predictions_path is not None:
        try:
            write_conll(predictions_path,
                        ([(tok, tag) for tok, tag in zip(toks, tags)]
                         for toks, tags in zip(tokens, predicted)))
        except OSError as exc:
            raise EvaluationError(f"cannot write predictions to {predictions_path}: {exc}") from exc
    return score([[tag for _, tag in sent] for sent in gold], predicted, types=types)


def format_report(result: dict[str, Any]) -> str:
    """A small plain-text table of the scores."""
    lines = [f"{result['sentences']} sentences, {result['tokens']} tokens",
             f"{'type':6} {'prec':>7} {'rec':>7} {'F1':>7} {'support':>8}"]
    for t, row in result["per_type"].items():
        lines.append(f"{t:6} {row['precision']:7.4f} {row['recall']:7.4f} {row['f1']:7.4f} "
                     f"{row['support']:8d}")
    m = result["micro"]
    lines.append(f"{'micro':6} {m['precision']:7.4f} {m['recall']:7.4f} {m['f1']:7.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the NER tagger on a CoNLL file.")
    ap.add_argument("gold", type=Path)
    ap.add_argument("--predictions", type=Path, default=None,
                    help="write the predicted tags here (token TAG lines)")
    ap.add_argument("--types", default=None, help="comma-separated entity types to score")
    ap.add_argument("--model-dir", type=Path, default=None)
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    from arnews.analyze.ner.tagger import load_tagger

    result = evaluate_conll(args.gold, predictions_path=args.predictions,
                            types=args.types.split(",") if args.types else None,
                            tagger=load_tagger(args.model_dir))
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
