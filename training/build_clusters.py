"""Learn word clusters from raw news text for the NER tagger; ship only the word -> cluster map.

Method (fast, deterministic, numpy/scipy/scikit-learn only): count left/right context words in
a window of two over the normalized SaudiNewsNet articles, weight the counts by positive
pointwise mutual information (context distribution smoothed with exponent 0.75), reduce the
matrix with a truncated SVD, and cluster the L2-normalized word vectors with k-means at three
granularities. Position-aware contexts make the clusters mostly syntactic/semantic classes
(given names, family names, cities, countries, months, ministries, verbs of saying ...), which
is what an NER tagger needs for words it never saw in its training data.

Output: ``arnews/data/ner/clusters.tsv`` - ``word<TAB>c<k1><TAB>c<k2><TAB>c<k3>``, words in
order of corpus frequency (the line number is the frequency rank used by the features). The
news text itself is never written anywhere.

Usage (from the repository root)::

    python training/build_clusters.py [--news ../shared/data/news/saudinewsnet-all.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.ner.features import normalize  # noqa: E402

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
SEED = 13


def read_tokens(path: Path, max_articles: int | None) -> list[str]:
    """Normalized tokens of all articles (title + content), in corpus order."""
    tokens: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if max_articles is not None and k >= max_articles:
                break
            rec = json.loads(line)
            text = normalize((rec.get("title") or "") + "\n" + (rec.get("content") or ""))
            tokens.extend(TOKEN_RE.findall(text))
            tokens.append("\n")  # article boundary marker, never a context word
    return tokens


def word_vectors(news: Path, *, vocab_size: int, min_count: int, context_size: int,
                 dims: int, max_articles: int | None) -> tuple[list[str], np.ndarray]:
    """``(vocab, vectors)``: the most frequent words (at least ``min_count`` occurrences,
    frequency order) and their L2-normalized PPMI-SVD vectors (float32, ``dims`` columns)."""
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    t0 = time.perf_counter()
    tokens = read_tokens(news, max_articles)
    counts = Counter(tokens)
    counts.pop("\n", None)
    vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
             if c >= min_count][:vocab_size]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter((index.get(t, -1) for t in tokens), dtype=np.int32, count=len(tokens))
    print(f"read {len(tokens):,} tokens, vocabulary {len(vocab):,} "
          f"({time.perf_counter() - t0:.1f}s)", flush=True)

    offsets = (-2, -1, 1, 2)
    rows, cols = [], []
    for slot, off in enumerate(offsets):
        if off < 0:
            tgt, ctx = ids[-off:], ids[:off]
        else:
            tgt, ctx = ids[:-off], ids[off:]
        keep = (tgt >= 0) & (ctx >= 0) & (ctx < context_size)
        rows.append(tgt[keep])
        cols.append(ctx[keep] + slot * context_size)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    mat = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)),
                            shape=(len(vocab), context_size * len(offsets))).tocsr()
    mat.sum_duplicates()
    print(f"co-occurrence matrix {mat.shape}, {mat.nnz:,} cells "
          f"({time.perf_counter() - t0:.1f}s)", flush=True)

    # PPMI with smoothed context distribution
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    coo = mat.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])),
                             shape=mat.shape)
    u, s, _vt = randomized_svd(ppmi, n_components=dims, n_iter=4, random_state=SEED)
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    print(f"SVD {vecs.shape} ({time.perf_counter() - t0:.1f}s)", flush=True)

    return vocab, vecs


def build(news: Path, out: Path, *, vocab_size: int, fit_size: int, min_count: int,
          context_size: int, dims: int, ks: tuple[int, ...], max_articles: int | None,
          vectors_out: Path | None = None) -> None:
    from sklearn.cluster import KMeans

    t0 = time.perf_counter()
    vocab, vecs = word_vectors(news, vocab_size=vocab_size, min_count=min_count,
                               context_size=context_size, dims=dims, max_articles=max_articles)
    if vectors_out is not None:
        # training input for the neural tagger (training/train_neural_ner.py); not shipped
        vectors_out.parent.mkdir(parents=True, exist_ok=True)
        np.savez(vectors_out, vocab=np.array(vocab), vectors=vecs.astype(np.float32))
        print(f"wrote {vectors_out}", flush=True)

    labels = []
    for k in ks:
        km = KMeans(n_clusters=k, random_state=SEED, n_init=1, max_iter=40)
        km.fit(vecs[:fit_size])
        labels.append(km.predict(vecs))
        print(f"k-means k={k} ({time.perf_counter() - t0:.1f}s)", flush=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# word\t" + "\t".join(f"k{k}" for k in ks) + "\n")
        for i, w in enumerate(vocab):
            if "\t" in w:
                continue
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB); "
          f"total {time.perf_counter() - t0:.1f}s", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--news", type=Path,
                    default=ROOT / ".." / "shared" / "data" / "news" / "saudinewsnet-all.jsonl.gz")
    ap.add_argument("--out", type=Path, default=ROOT / "arnews" / "data" / "ner" / "clusters.tsv")
    ap.add_argument("--vocab-size", type=int, default=60000,
                    help="words written to the map (most frequent first)")
    ap.add_argument("--fit-size", type=int, default=60000,
                    help="k-means is fitted on this many most frequent words; rarer words "
                         "get the nearest centroid (their vectors are noisier)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--context-size", type=int, default=10000)
    ap.add_argument("--dims", type=int, default=200)
    ap.add_argument("--ks", default="64,256,1024")
    ap.add_argument("--max-articles", type=int, default=None)
    ap.add_argument("--vectors-out", type=Path, default=None,
                    help="also save the word vectors (npz) for training/train_neural_ner.py")
    args = ap.parse_args(argv)
    build(args.news, args.out, vocab_size=args.vocab_size, fit_size=args.fit_size,
          min_count=args.min_count, context_size=args.context_size,
          dims=args.dims, ks=tuple(int(k) for k in args.ks.split(",")),
          max_articles=args.max_articles, vectors_out=args.vectors_out)


if __name__ == "__main__":
    main()
