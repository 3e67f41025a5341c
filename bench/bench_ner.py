"""Tagging speed of the shipped NER tagger against a BERT-base token classifier, on one core.

What is measured (figures go to ``bench/results.json`` under ``"ner"``; other keys are kept):

* arnews: tokens per second tagging the whole ANERcorp test split with the shipped model
  (the neural tagger), process pinned to one CPU core, one BLAS thread; median of ``--runs``
  runs, each with an empty feature cache ("cold", what a new article costs) and, separately,
  with the cache filled ("warm", repeated words).
  Model load time is reported too.
* BERT: a ``BertForTokenClassification`` with the bert-base configuration (12 layers, hidden
  768, 30,000-word vocabulary as in CAMeLBERT, 9 BIO labels), randomly initialized - the
  architecture of CAMeL Tools' NER model; speed does not depend on the weights. Sentences are
  split into subwords with a WordPiece vocabulary trained on the ANERcorp training text (so
  the subword count per word is realistic), batched 32 at a time, padded per batch, CPU,
  ``torch.set_num_threads(1)``. Only the first ``--bert-sentences`` sentences are run; the rate
  in words per second is extrapolated to the whole split.

torch and transformers are imported only inside :func:`bench_bert`.

Usage (from the repository root)::

    python bench/bench_ner.py [--runs 5] [--bert-sentences 128] [--no-bert]
"""

from __future__ import annotations

import argparse
import json
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy is imported: one core means one thread
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.ner.conll import read_conll  # noqa: E402

ANERCORP = ROOT / ".." / "shared" / "data" / "ner" / "anercorp"
RESULTS = ROOT / "bench" / "results.json"


def pin_one_core() -> int | None:
    """Pin this process to one CPU core (where the OS allows it); return the core."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return core
    return None


def bench_tagger(sentences: list[list[str]], runs: int) -> dict:
    from arnews.analyze.ner import tagger as tagger_mod

    t0 = time.perf_counter()
    tagger_mod._load.cache_clear()
    tagger = tagger_mod.load_tagger()
    load_s = time.perf_counter() - t0
    n_tokens = sum(len(s) for s in sentences)
    cold, warm = [], []
    for _ in range(runs):
        tagger.clear_caches()
        t = time.perf_counter()
        tagger.tag(sentences)
        cold.append(n_tokens / (time.perf_counter() - t))
        t = time.perf_counter()
        tagger.tag(sentences)
        warm.append(n_tokens / (time.perf_counter() - t))
    return {"model": type(tagger).__name__, "two_stage": tagger.two_stage,
            "tokens": n_tokens, "sentences": len(sentences), "runs": runs,
            "load_seconds": round(load_s, 3),
            "tokens_per_s_cold_median": round(statistics.median(cold)),
            "tokens_per_s_warm_median": round(statistics.median(warm)),
            "tokens_per_s_cold_all": [round(x) for x in cold]}


def bench_bert(sentences: list[list[str]], train_text: list[list[str]], n_sent: int,
               batch: int) -> dict:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import BertConfig, BertForTokenClassification

    torch.set_num_threads(1)
    torch.manual_seed(0)
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.train_from_iterator((" ".join(s) for s in train_text),
                            trainers.WordPieceTrainer(vocab_size=30000, special_tokens=[
                                "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]))
    config = BertConfig(vocab_size=30000, num_labels=9)  # bert-base defaults otherwise
    model = BertForTokenClassification(config).eval()
    subset = sentences[:n_sent]
    words = sum(len(s) for s in subset)
    encoded = [[2] + tok.encode(s, is_pretokenized=True).ids[:510] + [3] for s in subset]
    subwords = sum(len(e) for e in encoded)
    with torch.inference_mode():
        # warm-up batch (allocations) not timed
        model(input_ids=torch.ones((2, 16), dtype=torch.long))
        t = time.perf_counter()
        for i in range(0, len(encoded), batch):
            chunk = encoded[i:i + batch]
            width = max(len(e) for e in chunk)
            ids = torch.zeros((len(chunk), width), dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for k, e in enumerate(chunk):
                ids[k, :len(e)] = torch.tensor(e)
                mask[k, :len(e)] = 1
            model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
        secs = time.perf_counter() - t
    total_words = sum(len(s) for s in sentences)
    return {"sentences_run": len(subset), "words_run": words, "subwords_run": subwords,
            "seconds": round(secs, 2), "batch": batch, "threads": 1,
            "tokens_per_s": round(words / secs, 1),
            "extrapolated_seconds_full_test": round(total_words / (words / secs), 1),
            "model": "BertForTokenClassification, bert-base config, random init"}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bert-sentences", type=int, default=128)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--no-bert", action="store_true")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    core = pin_one_core()
    sentences = [[t for t, _ in s] for s in read_conll(ANERCORP / "test.txt")]
    result: dict = {"split": "ANERcorp test (CAMeL split)", "cpu_core": core,
                    "tagger": bench_tagger(sentences, args.runs)}
    if not args.no_bert:
        train = [[t for t, _ in s] for s in read_conll(ANERCORP / "train.txt")]
        result["bert"] = bench_bert(sentences, train, args.bert_sentences, args.batch)
        result["speedup_tagger_cold_over_bert"] = round(
            result["tagger"]["tokens_per_s_cold_median"] / result["bert"]["tokens_per_s"], 1)
    data = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    data["ner"] = result
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
