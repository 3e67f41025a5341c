"""Train the neural (BiLSTM-CRF) named-entity tagger shipped in ``arnews/data/ner/``.

Data: ANERcorp, CAMeL Lab split. The dev split is the last ``--dev-fraction`` of train (whole
sentences, in order); epochs and settings were chosen on it. The final model is trained on all
of train for the number of epochs that was best on dev. The test split is read only with
``--report-test``, after the model is written.

Inputs (see ``arnews/analyze/ner/neural.py``): PPMI-SVD word vectors from the news corpus
(``training/build_clusters.py --vectors-out``; frozen, with a learned projection that is folded
into the shipped table), a character CNN, clitic prefix / shape / rank / cluster embeddings and
gazetteer labels. Before the tagging epochs, the encoder is pre-trained as a language model on
raw news sentences (``pretrain_lm.py``, ``--pretrain-tokens``; 0 turns it off), that
objective continues beside the tagging loss (``--lm-weight``), and the saved
weights are the average over the last ``--average-last`` epochs. Torch is used here only; the
package runs the network in numpy.

Usage (from the repository root)::

    python training/build_clusters.py --vectors-out training/_work/vectors.npz
    python training/train_neural_ner.py --tune            # dev scores per epoch
    python training/train_neural_ner.py --report-test     # final model (all of train)

Deterministic for a given torch version and thread count (fixed seeds).
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.ner.conll import read_conll  # noqa: E402
from arnews.analyze.ner.evaluate import format_report, score  # noqa: E402
from arnews.analyze.ner.neural import (  # noqa: E402
    CONFIG_FILE, MAX_CHARS, N_GAZ, RANK_BUCKETS, WEIGHTS_FILE, NeuralFeaturizer, NeuralTagger,
    build_vocab, load_neural)
from arnews.analyze.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, load_features  # noqa: E402

DATA_DIR = ROOT / "arnews" / "data" / "ner"
ANERCORP = ROOT / ".." / "shared" / "data" / "ner" / "anercorp"
VECTORS = ROOT / "training" / "_work" / "vectors.npz"
NEWS = ROOT / ".." / "shared" / "data" / "news" / "saudinewsnet-all.jsonl.gz"
LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")

DEFAULTS = {"word_dim": 64, "char_dim": 24, "char_filters": 64, "hidden": 128, "dropout": 0.5,
            "word_dropout": 0.1, "lr": 0.002, "batch": 16, "epochs": 13, "seed": 7,
            "dev_fraction": 0.1, "clip": 5.0, "pretrain_tokens": 5_000_000, "pretrain_epochs": 1,
            "pretrain_batch": 64, "pretrain_lr": 0.002, "average_last": 4,
            "lm_weight": 0.5, "lm_target": "clusters", "gaz_dropout": 0.0,
            "mention_replace": 0.0}


def encode(featurizer: NeuralFeaturizer, sentences: list[list[str]]) -> list[tuple]:
    """Per sentence: (ids (n, 8), chars (n, MAX_CHARS + 2), gazetteer multi-hot (n, N_GAZ))."""
    out = []
    for toks in sentences:
        words, gaz = featurizer.sentence(toks)
        ids = np.array([w[0] for w in words], dtype=np.int64)
        chars = np.zeros((len(toks), MAX_CHARS + 2), dtype=np.int64)
        for k, w in enumerate(words):
            chars[k, 1:1 + len(w[1])] = np.asarray(w[1], dtype=np.int64) + 1
        g = np.zeros((len(toks), N_GAZ), dtype=np.float32)
        for k, idx in enumerate(gaz):
            g[k, idx] = 1.0
        out.append((ids, chars, g))
    return out


def make_model(cfg: dict, vectors: np.ndarray, sizes: dict):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = np.zeros((vectors.shape[0] + 1, vectors.shape[1]), dtype=np.float32)
            table[1:] = vectors
            self.register_buffer("vec", torch.from_numpy(table))
            self.proj = nn.Linear(vectors.shape[1], cfg["word_dim"], bias=False)
            self.char = nn.Embedding(sizes["chars"] + 1, cfg["char_dim"], padding_idx=0)
            self.char_conv = nn.Conv1d(cfg["char_dim"], cfg["char_filters"], 3)
            self.prefix = nn.Embedding(sizes["prefixes"], 8)
            self.shape = nn.Embedding(sizes["shapes"], 4)
            self.rank = nn.Embedding(len(RANK_BUCKETS), 8)
            self.c1 = nn.Embedding(65, 8)
            self.c2 = nn.Embedding(257, 16)
            self.c3 = nn.Embedding(1025, 16)
            d_in = 2 * cfg["word_dim"] + cfg["char_filters"] + 8 + 4 + 8 + 8 + 16 + 16 + N_GAZ
            self.drop = nn.Dropout(cfg["dropout"])
            self.gaz_dropout = 0.0   # set for the tagging phase (see train)
            self.lstm = nn.LSTM(d_in, cfg["hidden"], batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * cfg["hidden"], len(LABELS))
            n = len(LABELS)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))

        def inputs(self, ids, chars, gaz):
            b, t, _ = ids.shape
            wb, wn = ids[..., 0], ids[..., 1]
            if self.training and cfg["word_dropout"] > 0:
                keep = (torch.rand(wb.shape) >= cfg["word_dropout"]).long()
                wb, wn = wb * keep, wn * keep
            if self.training and self.gaz_dropout > 0:   # hide a token's gazetteer labels
                gaz = gaz * (torch.rand(gaz.shape[:2] + (1,)) >= self.gaz_dropout).float()
            ce = self.char(chars.view(b * t, -1)).transpose(1, 2)        # (bt, d, L+2)
            conv = self.char_conv(ce)                                      # (bt, f, L)
            n_chars = (chars.view(b * t, -1) > 0).sum(1).clamp(min=1)
            valid = torch.arange(conv.shape[2])[None, :] < n_chars[:, None]
            conv = conv.masked_fill(~valid[:, None, :], -1e4).max(dim=2).values.view(b, t, -1)
            parts = [self.proj(self.vec[wb]), self.proj(self.vec[wn]), conv,
                     self.prefix(ids[..., 2]), self.shape(ids[..., 3]), self.rank(ids[..., 4]),
                     self.c1(ids[..., 5]), self.c2(ids[..., 6]), self.c3(ids[..., 7]), gaz]
            return torch.cat(parts, dim=2)

        def encode(self, ids, chars, gaz, lengths):
            """BiLSTM states (batch x time x 2 hidden), after dropout."""
            x = self.drop(self.inputs(ids, chars, gaz))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True,
                                                    total_length=x.shape[1])
            return self.drop(h)

        def emissions(self, ids, chars, gaz, lengths):
            return self.out(self.encode(ids, chars, gaz, lengths))

        def nll(self, em, tags, mask):
            """Mean negative log-likelihood of the gold tag sequences under the CRF."""
            b, t, n = em.shape
            ar = torch.arange(b)
            gold = self.start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
            alpha = self.start[None, :] + em[:, 0]
            for i in range(1, t):
                m = mask[:, i]
                gold = gold + m * (self.trans[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]])
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], dim=1) + em[:, i]
                alpha = torch.where(m[:, None] > 0, nxt, alpha)
            last = tags[ar, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            logz = torch.logsumexp(alpha + self.end[None], dim=1)
            return (logz - gold).mean()

    return Net()


def export(net, cfg: dict, vocab: dict) -> tuple[dict, dict]:
    """numpy weights + config for :class:`NeuralTagger` (projection folded into the table)."""
    import torch

    with torch.no_grad():
        sd = {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}
        word = (net.vec @ net.proj.weight.T).numpy()
    w = {"word": word.astype(np.float16), "char": sd["char.weight"],
         "char_conv": sd["char_conv.weight"], "char_conv_b": sd["char_conv.bias"],
         "prefix": sd["prefix.weight"], "shape": sd["shape.weight"], "rank": sd["rank.weight"],
         "c1": sd["c1.weight"], "c2": sd["c2.weight"], "c3": sd["c3.weight"],
         "out_w": sd["out.weight"], "out_b": sd["out.bias"],
         "crf_trans": sd["trans"], "crf_start": sd["start"], "crf_end": sd["end"]}
    for side, suffix in (("f", ""), ("b", "_reverse")):
        w[f"lstm_{side}_ih"] = sd[f"lstm.weight_ih_l0{suffix}"]
        w[f"lstm_{side}_hh"] = sd[f"lstm.weight_hh_l0{suffix}"]
        w[f"lstm_{side}_b"] = sd[f"lstm.bias_ih_l0{suffix}"] + sd[f"lstm.bias_hh_l0{suffix}"]
    config = {"labels": list(LABELS), "vocab": vocab,
              "settings": {k: cfg[k] for k in DEFAULTS if k in cfg}}
    return w, config


def mention_inventory(sentences: list) -> dict[str, list[list[str]]]:
    """Every entity mention of the training sentences, as token lists, by type."""
    inv: dict[str, list[list[str]]] = {}
    for sent in sentences:
        cur: list[str] | None = None
        for tok, tag in list(sent) + [("", "O")]:
            if tag.startswith("I-") and cur is not None:
                cur.append(tok)
                continue
            cur = None
            if tag.startswith("B-"):
                cur = [tok]
                inv.setdefault(tag[2:], []).append(cur)
    return inv


def replace_mentions(sentences: list, inventory: dict, rate: float,
                     rng: np.random.Generator) -> list:
    """Copies of a ``rate`` share of the sentences with entities, each mention swapped for a
    random mention of the same type from elsewhere in the training data: the network sees the
    same contexts with other names, so it leans on context more than on the names it memorized."""
    out = []
    for sent in sentences:
        if not any(tag != "O" for _, tag in sent) or rng.random() >= rate:
            continue
        new: list[tuple[str, str]] = []
        i = 0
        while i < len(sent):
            tok, tag = sent[i]
            if not tag.startswith("B-"):
                new.append((tok, tag))
                i += 1
                continue
            j = i + 1
            while j < len(sent) and sent[j][1] == "I-" + tag[2:]:
                j += 1
            pool = inventory[tag[2:]]
            repl = pool[int(rng.integers(len(pool)))]
            new += [(t, ("B-" if k == 0 else "I-") + tag[2:]) for k, t in enumerate(repl)]
            i = j
        out.append(new)
    return out


def batches(n: int, size: int, rng: np.random.Generator):
    order = rng.permutation(n)
    for i in range(0, n, size):
        yield order[i:i + size]


def collate(enc: list[tuple], tags: list[list[int]] | None, idx):
    import torch

    lengths = [len(enc[k][0]) for k in idx]
    t = max(lengths)
    b = len(idx)
    ids = np.zeros((b, t, 8), dtype=np.int64)
    chars = np.zeros((b, t, MAX_CHARS + 2), dtype=np.int64)
    gaz = np.zeros((b, t, N_GAZ), dtype=np.float32)
    y = np.zeros((b, t), dtype=np.int64)
    mask = np.zeros((b, t), dtype=np.float32)
    for j, k in enumerate(idx):
        n = lengths[j]
        ids[j, :n], chars[j, :n], gaz[j, :n] = enc[k]
        mask[j, :n] = 1
        if tags is not None:
            y[j, :n] = tags[k]
    return (torch.from_numpy(ids), torch.from_numpy(chars), torch.from_numpy(gaz),
            torch.tensor(lengths), torch.from_numpy(y), torch.from_numpy(mask))


def train(cfg: dict, train_sents: list, dev_sents: list | None, features, vectors,
          epochs: int, log, news: list | None = None) -> tuple[object, dict, list[dict]]:
    """Train for ``epochs`` (after language-model pre-training on ``news`` sentences when
    given); returns (net, vocab, per-epoch history with dev F1 when given)."""
    import torch

    torch.manual_seed(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    tokens = [[t for t, _ in s] for s in train_sents]
    vocab = build_vocab(features, tokens)
    fz = NeuralFeaturizer(features, vocab)
    enc = encode(fz, tokens)
    label_index = {lab: i for i, lab in enumerate(LABELS)}
    tags = [[label_index[y] for _, y in s] for s in train_sents]
    sizes = {k: len(v) for k, v in vocab.items()}
    net = make_model(cfg, vectors, sizes)
    history: list[dict] = []
    news_enc = heads = None
    if news:
        from pretrain_lm import lm_loss, make_heads, pretrain

        t0 = time.perf_counter()
        news_enc = encode(fz, news)
        log(f"pre-training on {len(news)} news sentences "
            f"({sum(len(s) for s in news)} tokens; encoded in {time.perf_counter() - t0:.0f}s)")
        cache = _pretrained_cache(cfg, train_sents)
        if cfg.get("cache_pretrained") and cache.is_file():
            heads = make_heads(net, cfg)
            state = torch.load(cache)
            net.load_state_dict(state["net"])
            heads.load_state_dict(state["heads"])
            torch.set_rng_state(state["rng"])   # as if pre-training had just run
            log(f"pre-trained encoder read from {cache.name}")
        else:
            hist, heads = pretrain(net, news_enc, cfg, log)
            history += hist
            if cfg.get("cache_pretrained"):
                torch.save({"net": net.state_dict(), "heads": heads.state_dict(),
                            "rng": torch.get_rng_state()}, cache)
        if not cfg["lm_weight"]:
            news_enc = heads = None
    news_rng = np.random.default_rng(cfg["seed"] + 2)
    net.gaz_dropout = cfg.get("gaz_dropout", 0.0)
    params = [p for p in net.parameters() if p.requires_grad]
    if heads is not None:
        params += list(heads.parameters())
    opt = torch.optim.Adam(params, lr=cfg["lr"])
    averaged: dict | None = None   # sum of the weights after each of the last epochs
    inventory = mention_inventory(train_sents) if cfg.get("mention_replace") else None
    aug_rng = np.random.default_rng(cfg["seed"] + 3)
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        net.train()
        total = 0.0
        ep_enc, ep_tags = enc, tags
        if inventory:
            aug = replace_mentions(train_sents, inventory, cfg["mention_replace"], aug_rng)
            ep_enc = enc + encode(fz, [[t for t, _ in s] for s in aug])
            ep_tags = tags + [[label_index[y] for _, y in s] for s in aug]
        for idx in batches(len(ep_enc), cfg["batch"], rng):
            ids, chars, gaz, lengths, y, mask = collate(ep_enc, ep_tags, idx)
            em = net.emissions(ids, chars, gaz, lengths)
            loss = net.nll(em, y, mask)
            if news_enc is not None:   # keep the language-model objective going alongside
                nidx = news_rng.choice(len(news_enc), cfg["batch"], replace=False)
                loss = loss + cfg["lm_weight"] * lm_loss(net, heads, collate(news_enc, None, nidx),
                                                         cfg["hidden"])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, cfg["clip"])
            opt.step()
            total += float(loss.detach()) * len(idx)
        row = {"epoch": epoch, "loss": round(total / len(ep_enc), 3),
               "seconds": round(time.perf_counter() - t0, 1)}
        if dev_sents is not None:
            tagger = numpy_tagger(net, cfg, vocab, features)
            res = score([[y for _, y in s] for s in dev_sents],
                        tagger.tag([[t for t, _ in s] for s in dev_sents]))
            row["dev_f1"] = round(res["micro"]["f1"], 4)
        history.append(row)
        log(json.dumps(row))
        if cfg["average_last"] and epoch > epochs - cfg["average_last"]:
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            averaged = state if averaged is None else {k: averaged[k] + state[k] for k in state}
    if averaged is not None:
        n = min(cfg["average_last"], epochs)
        net.load_state_dict({k: v / n for k, v in averaged.items()})
        log(f"weights averaged over the last {n} epochs")
    return net, vocab, history


_TAGGING_ONLY = ("lr", "batch", "epochs", "average_last", "lm_weight", "gaz_dropout",
                 "mention_replace")


def _pretrained_cache(cfg: dict, train_sents: list) -> Path:
    """Where ``--cache-pretrained`` keeps the encoder pre-trained under these settings (the
    tagging-only settings aside) for this training set, whose symbol tables shape the net."""
    import hashlib

    settings = {k: cfg[k] for k in DEFAULTS if k not in _TAGGING_ONLY}
    if settings.get("lm_target") == "clusters":
        del settings["lm_target"]   # the default: encoders cached before the option existed match
    settings["sentences"] = len(train_sents)
    digest = hashlib.sha1(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:12]
    return ROOT / "training" / "_work" / f"pretrained-{digest}.pt"


def numpy_tagger(net, cfg: dict, vocab: dict, features) -> NeuralTagger:
    net.eval()
    w, config = export(net, cfg, vocab)
    return NeuralTagger(w, config, features)


def fit_network(cfg: dict, sents: list, dev: list | None, features, vectors, out: Path,
                data_dir: Path, extra: dict | None = None, log=None,
                news: list | None = None) -> dict:
    """Train the network on ``sents`` and write ``neural.npz`` + ``neural.json`` into ``out``
    (with copies of the clusters and gazetteers when ``out`` is not ``data_dir``, so that it is
    a complete model directory for ``--ner-model``). Returns the config written."""
    log = log or functools.partial(print, flush=True)   # progress shows up in a log file at once
    t0 = time.perf_counter()
    net, vocab, hist = train(cfg, sents, dev, features, vectors, cfg["epochs"], log, news)
    w, config = export(net.eval(), cfg, vocab)
    config["history"] = hist
    config["train_seconds"] = round(time.perf_counter() - t0, 1)
    config.update(extra or {})
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() != data_dir.resolve():
        for name in (CLUSTERS_FILE, GAZETTEER_FILE):
            shutil.copy(data_dir / name, out / name)
    np.savez_compressed(out / WEIGHTS_FILE, **w)
    (out / CONFIG_FILE).write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    return config


def report(model_dir: Path, features, sents: list, title: str) -> dict:
    """Scores of the model in ``model_dir`` on ``sents`` (printed and returned)."""
    tagger = load_neural(model_dir, features)
    res = score([[y for _, y in s] for s in sents], tagger.tag([[t for t, _ in s] for s in sents]))
    print(f"\n== {title}")
    print(format_report(res), flush=True)
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=ANERCORP / "train.txt")
    ap.add_argument("--test", type=Path, default=ANERCORP / "test.txt")
    ap.add_argument("--vectors", type=Path, default=VECTORS)
    ap.add_argument("--news", type=Path, default=NEWS,
                    help="raw news text for --pretrain-tokens (read, never written anywhere)")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--out", type=Path, default=None,
                    help="default: --data-dir (final) or training/_work/neural-dev (--tune)")
    ap.add_argument("--tune", action="store_true", help="train on train minus dev, score dev")
    ap.add_argument("--report-test", action="store_true")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (results depend on it a little; the shipped model used 1)")
    for k, v in DEFAULTS.items():
        ap.add_argument("--" + k.replace("_", "-"), type=type(v), default=v)
    ap.add_argument("--cache-pretrained", action="store_true",
                    help="keep the pre-trained encoder in training/_work and reuse it when the "
                         "same pre-training settings come again (for trying tagging settings)")
    args = ap.parse_args(argv)
    cfg = {k: getattr(args, k) for k in DEFAULTS}
    cfg["cache_pretrained"] = args.cache_pretrained
    import torch

    torch.set_num_threads(args.threads)
    t_start = time.perf_counter()
    npz = np.load(args.vectors)
    features = load_features(args.data_dir, use_known=False)
    vocab_words = [str(w) for w in npz["vocab"]]
    source = npz["vectors"]
    # the shipped word table is aligned with clusters.tsv (word id = 1 + frequency rank)
    ranks = features.ranks
    vectors = np.zeros((len(ranks), source.shape[1]), dtype=np.float32)
    pos = {w: i for i, w in enumerate(vocab_words)}
    missing = 0
    for w, r in ranks.items():
        i = pos.get(w)
        if i is None:
            missing += 1
        else:
            vectors[r] = source[i]
    print(f"vectors {vectors.shape}, {missing} cluster words without a vector", flush=True)

    news = None
    if cfg["pretrain_tokens"] > 0:
        from pretrain_lm import news_sentences

        news = news_sentences(args.news, cfg["pretrain_tokens"], cfg["seed"])
    sentences = read_conll(args.train)
    n_dev = max(1, round(len(sentences) * cfg["dev_fraction"]))
    if args.tune:
        fit, dev = sentences[:-n_dev], sentences[-n_dev:]
        out = args.out or ROOT / "training" / "_work" / "neural-dev"
        print(f"tune: fit {len(fit)} / dev {len(dev)} sentences, {cfg}", flush=True)
        fit_network(cfg, fit, dev, features, vectors, out, args.data_dir, news=news)
        report(out, features, dev, "dev")
        print(f"total {time.perf_counter() - t_start:.0f}s")
        return

    out = args.out or args.data_dir
    print(f"final: all {len(sentences)} sentences, {cfg}", flush=True)
    extra = {"trained_on": f"all of {args.train.name} ({len(sentences)} sentences)",
             "threads": args.threads}
    config = fit_network(cfg, sentences, None, features, vectors, out, args.data_dir, extra,
                         news=news)
    print(f"wrote {out}: {(out / WEIGHTS_FILE).stat().st_size / 1e6:.1f} MB network; "
          f"{config['train_seconds']:.0f}s", flush=True)
    if args.report_test:
        report(out, features, read_conll(args.test), "test split, final model")
    print(f"total {time.perf_counter() - t_start:.0f}s")


if __name__ == "__main__":
    main()
