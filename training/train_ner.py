"""Train the feature-based CRF named-entity tagger (the alternative to the shipped neural one).

The models go to ``--out`` (default ``training/_work/crf``) together with copies of
``clusters.tsv`` and ``gazetteers.tsv``, so the directory is a complete model that
``arnews ... --ner-model DIR`` and ``arnews evaluate ner GOLD --ner-model DIR`` load. arnews
shipped this tagger before the neural one (test micro-F1 0.730 against the neural tagger's
score in ``training/README.md``); it is kept for comparison and as the faster, smaller option.

Data: ANERcorp, CAMeL Lab split (``../shared/data/ner/anercorp/train.txt``). A dev split is
carved from the END of train (the last ``--dev-fraction`` of sentences, whole sentences, in
order); every tuning decision (features, c1/c2, iterations, stacking) was taken on it. The test
split is read only with ``--report-test``, after the final model is written.

Two stages (``--folds`` > 1): stage 1 is a CRF over per-sentence features
(``model.crfsuite``). Stage 2 (``model2.crfsuite``) adds document features built from stage-1
tags of the same words in nearby sentences; to train it on realistic stage-1 tags, the training
sentences are cut into ``--folds`` contiguous blocks and each block is tagged by a stage-1 model
trained on the other blocks (out-of-fold predictions).

Modes::

    # tune: train on train minus dev, score dev (stage 1 alone and both stages)
    python training/train_ner.py --tune [--c1 0.05,0.1 --c2 0.01,0.05]
    # final (default): train on ALL of train with the chosen settings, write the models and
    # model.json; the dev score recorded there comes from a train-minus-dev run (--skip-dev
    # leaves it out)
    python training/train_ner.py [--report-test]

Requires ``clusters.tsv`` and ``gazetteers.tsv`` in ``arnews/data/ner`` (run
``build_clusters.py`` then ``build_gazetteers.py``). Deterministic: L-BFGS has no randomness
and the data order is fixed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.ner.conll import read_conll  # noqa: E402
from arnews.analyze.ner.evaluate import format_report, score  # noqa: E402
from arnews.analyze.ner.features import document_features  # noqa: E402
from arnews.analyze.ner.tagger import (  # noqa: E402
    ATTRIBUTES_FILE, META_FILE, MODEL2_FILE, MODEL_FILE, Tagger, load_features,
    model_attributes)

DATA_DIR = ROOT / "arnews" / "data" / "ner"
ANERCORP = ROOT / ".." / "shared" / "data" / "ner" / "anercorp"

DEFAULTS = {"c1": 0.02, "c2": 0.01, "max_iterations": 300, "dev_fraction": 0.1,
            "folds": 4, "doc_window": 10}


def split_dev(sentences: list, fraction: float) -> tuple[list, list]:
    """``(train, dev)``: dev is the last ``fraction`` of the sentences, in order."""
    n_dev = max(1, round(len(sentences) * fraction))
    return sentences[:-n_dev], sentences[-n_dev:]


def fit_crf(feats: list, tags: list, out: Path, params: dict) -> float:
    """Train one CRF on feature/tag sequences and write it to ``out``; returns seconds."""
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for f, y in zip(feats, tags):
        trainer.append(f, y)
    trainer.set_params({"c1": params["c1"], "c2": params["c2"],
                        "max_iterations": params["max_iterations"],
                        "feature.possible_transitions": True})
    trainer.train(str(out))
    return time.perf_counter() - t0


def crf_tag(model: Path, feats: list) -> list[list[str]]:
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    return [list(crf.tag(f)) for f in feats]


def train_pipeline(sentences: list, out_dir: Path, params: dict, data_dir: Path) -> dict:
    """Train stage 1 (and stage 2 when ``params['folds'] > 1``) into ``out_dir``."""
    t0 = time.perf_counter()
    fx = load_features(data_dir, use_known=False)
    tokens = [[t for t, _ in s] for s in sentences]
    gold = [[y for _, y in s] for s in sentences]
    feats = [fx.sentence_features(t) for t in tokens]
    timing = {"features_s": round(time.perf_counter() - t0, 1)}
    timing["stage1_s"] = round(fit_crf(feats, gold, out_dir / MODEL_FILE, params), 1)
    print(f"  stage 1 trained in {timing['stage1_s']:.0f}s", flush=True)
    folds = params["folds"]
    if folds > 1:
        n = len(sentences)
        bounds = [round(n * k / folds) for k in range(folds + 1)]
        oof: list[list[str]] = []
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(folds):
                a, b = bounds[k], bounds[k + 1]
                path = Path(tmp) / f"fold{k}.crfsuite"
                secs = fit_crf(feats[:a] + feats[b:], gold[:a] + gold[b:], path, params)
                oof.extend(crf_tag(path, feats[a:b]))
                print(f"  fold {k + 1}/{folds} trained in {secs:.0f}s", flush=True)
        timing["folds_s"] = round(time.perf_counter() - t0 - timing["features_s"]
                                  - timing["stage1_s"], 1)
        extra = document_features([fx.bare_forms(t) for t in tokens], oof, fx.ranks,
                                  window=params["doc_window"])
        feats2 = [[a + e for a, e in zip(f, x)] for f, x in zip(feats, extra)]
        timing["stage2_s"] = round(fit_crf(feats2, gold, out_dir / MODEL2_FILE, params), 1)
        print(f"  stage 2 trained in {timing['stage2_s']:.0f}s", flush=True)
    timing["total_s"] = round(time.perf_counter() - t0, 1)
    return timing


def evaluate_dir(model_dir: Path, sentences: list, data_dir: Path, meta: dict) -> dict:
    """Scores of stage 1 alone and (if trained) of both stages on ``sentences``."""
    fx = load_features(data_dir, use_known=False)
    tokens = [[t for t, _ in s] for s in sentences]
    gold = [[y for _, y in s] for s in sentences]
    out = {"stage1": score(gold, Tagger(model_dir / MODEL_FILE, fx, meta).tag(tokens))}
    if (model_dir / MODEL2_FILE).is_file():
        tagger = Tagger(model_dir / MODEL_FILE, fx, meta, model_dir / MODEL2_FILE)
        out["stage2"] = score(gold, tagger.tag(tokens))
    return out


def write_attributes(model_dir: Path) -> None:
    """List the attributes the models use, so the tagger can skip the others early."""
    models = [p for p in (model_dir / MODEL_FILE, model_dir / MODEL2_FILE) if p.is_file()]
    (model_dir / ATTRIBUTES_FILE).write_text("\n".join(model_attributes(*models)),
                                             encoding="utf-8")


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def _summary(res: dict) -> dict:
    return {"micro_f1": round(res["micro"]["f1"], 4),
            "precision": round(res["micro"]["precision"], 4),
            "recall": round(res["micro"]["recall"], 4),
            "per_type_f1": {t: round(v["f1"], 4) for t, v in res["per_type"].items()}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=ANERCORP / "train.txt")
    ap.add_argument("--test", type=Path, default=ANERCORP / "test.txt")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR,
                    help="where clusters/gazetteers are read")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "_work" / "crf",
                    help="where the final model directory is written")
    ap.add_argument("--c1", default=str(DEFAULTS["c1"]))
    ap.add_argument("--c2", default=str(DEFAULTS["c2"]))
    ap.add_argument("--max-iterations", type=int, default=DEFAULTS["max_iterations"])
    ap.add_argument("--folds", type=int, default=DEFAULTS["folds"],
                    help="out-of-fold blocks for stage 2 (1 = stage 1 only)")
    ap.add_argument("--doc-window", type=int, default=DEFAULTS["doc_window"])
    ap.add_argument("--dev-fraction", type=float, default=DEFAULTS["dev_fraction"])
    ap.add_argument("--tune", action="store_true", help="score settings on dev only")
    ap.add_argument("--skip-dev", action="store_true",
                    help="final mode: do not run the train-minus-dev check first")
    ap.add_argument("--keep-dev-models", type=Path, default=None,
                    help="copy the train-minus-dev models here (for error analysis)")
    ap.add_argument("--report-test", action="store_true",
                    help="after writing the final model, score it on the test split")
    args = ap.parse_args(argv)
    t_start = time.perf_counter()

    sentences = read_conll(args.train)
    train, dev = split_dev(sentences, args.dev_fraction)
    print(f"train {len(sentences)} sentences -> fit {len(train)} / dev {len(dev)}")
    base = {"max_iterations": args.max_iterations, "folds": args.folds,
            "doc_window": args.doc_window}
    settings = [dict(base, c1=a, c2=b) for a in _floats(args.c1) for b in _floats(args.c2)]

    dev_result = None
    if args.tune or not args.skip_dev:
        for params in settings if args.tune else settings[:1]:
            with tempfile.TemporaryDirectory() as tmp:
                tdir = Path(tmp)
                print(f"\n== dev run {params}", flush=True)
                timing = train_pipeline(train, tdir, params, args.data_dir)
                res = evaluate_dir(tdir, dev, args.data_dir, params)
                for stage, r in res.items():
                    print(f"-- dev {stage} (timing {timing})")
                    print(format_report(r), flush=True)
                if args.keep_dev_models:
                    args.keep_dev_models.mkdir(parents=True, exist_ok=True)
                    for f in tdir.iterdir():
                        shutil.copy(f, args.keep_dev_models / f.name)
                dev_result = {k: _summary(v) for k, v in res.items()}
    if args.tune:
        print(f"\ntotal {time.perf_counter() - t_start:.0f}s")
        return

    params = settings[0]
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    for name in ("clusters.tsv", "gazetteers.tsv"):
        if out.resolve() != args.data_dir.resolve():
            shutil.copy(args.data_dir / name, out / name)
    (out / MODEL2_FILE).unlink(missing_ok=True)
    (out / ATTRIBUTES_FILE).unlink(missing_ok=True)
    print(f"\n== final run on all {len(sentences)} train sentences {params}", flush=True)
    timing = train_pipeline(sentences, out, params, args.data_dir)
    meta = {"algorithm": "lbfgs", **params, "trained_on": "all of ANERcorp train.txt",
            "train_sentences": len(sentences), "timing_seconds": timing,
            "dev_fraction": args.dev_fraction}
    if dev_result:
        meta["dev"] = dict(dev_result, note="models trained on train minus dev, same settings")
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    write_attributes(out)
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in out.glob("*.crfsuite")}
    print(f"wrote {out} models {sizes} MB; timing {timing}")
    if args.report_test:
        res = evaluate_dir(out, read_conll(args.test), out, params)
        for stage, r in res.items():
            print(f"\n== test ({stage}, final model)")
            print(format_report(r))
    print(f"\ntotal {time.perf_counter() - t_start:.0f}s")


if __name__ == "__main__":
    main()
