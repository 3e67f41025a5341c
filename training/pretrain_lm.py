"""Language-model pre-training of the neural tagger's encoder on raw news text.

ANERcorp has 125k labelled tokens; the news corpus has ~10 M unlabelled ones. Before the
tagger learns entities, its input layers and BiLSTM are trained to predict, from each
position, the word class (the 1,024- and 256-way clusters of ``build_clusters.py``) of the
next token (forward direction) and of the previous token (backward direction). The encoder so
learns what the contexts of names, places and organizations look like in far more text than
the labelled data has. The same loss (:func:`lm_loss`) is kept alongside the tagging loss
while the tagger trains (``--lm-weight``); the prediction heads are not shipped and nothing of
the news text is kept. Used by ``train_neural_ner.py --pretrain-tokens N``.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import numpy as np
from build_clusters import TOKEN_RE  # tokenized as the vectors and clusters were

MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # diacritics and tatweel split words
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
BOUNDARY = 1025          # target class past either end of a sentence
N_FINE, N_COARSE = 1026, 258   # 0 = word without a cluster, 1..k = cluster, last = boundary


def news_sentences(path: Path, n_tokens: int, seed: int, *, min_len: int = 5,
                   max_len: int = 60) -> list[list[str]]:
    """About ``n_tokens`` tokens of whole sentences from randomly chosen articles (fixed
    seed), tokenized like ANERcorp (words and punctuation apart); long ones are cut."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    order = np.random.default_rng(seed).permutation(len(lines))
    out: list[list[str]] = []
    total = 0
    for k in order:
        rec = json.loads(lines[k])
        text = MARKS.sub("", (rec.get("title") or "") + "\n" + (rec.get("content") or ""))
        for sent in SENTENCE_END.split(text):
            toks = TOKEN_RE.findall(sent)
            for i in range(0, len(toks), max_len):
                piece = toks[i:i + max_len]
                if len(piece) >= min_len:
                    out.append(piece)
                    total += len(piece)
        if total >= n_tokens:
            break
    return out


def _targets(ids: np.ndarray, lengths: list[int]):
    """Forward (next token) and backward (previous token) cluster targets, fine and coarse."""
    import torch

    b, t = ids.shape[:2]
    fine = ids[..., 7].clone()
    coarse = ids[..., 6].clone()
    outs = []
    for cls, boundary in ((fine, BOUNDARY), (coarse, N_COARSE - 1)):
        nxt = torch.full((b, t), -100, dtype=torch.long)
        prv = torch.full((b, t), -100, dtype=torch.long)
        for j, n in enumerate(lengths):
            nxt[j, :n - 1] = cls[j, 1:n]
            nxt[j, n - 1] = boundary
            prv[j, 1:n] = cls[j, :n - 1]
            prv[j, 0] = boundary
        outs.append((nxt, prv))
    return outs


def _word_targets(ids, lengths: list[int]):
    """Forward and backward targets over the word vocabulary: 0 = unknown word, 1 = past
    either end of the sentence, 2 + frequency rank = a known word (frequent words first, as
    the adaptive softmax wants)."""
    import torch

    b, t = ids.shape[:2]
    word = ids[..., 1] + (ids[..., 1] > 0).long()    # whole-form id (1 + rank) -> 2 + rank
    nxt = torch.full((b, t), -100, dtype=torch.long)
    prv = torch.full((b, t), -100, dtype=torch.long)
    for j, n in enumerate(lengths):
        nxt[j, :n - 1] = word[j, 1:n]
        nxt[j, n - 1] = 1
        prv[j, 1:n] = word[j, :n - 1]
        prv[j, 0] = 1
    return nxt, prv


WORD_CUTOFFS = (2_000, 10_000)


def make_heads(net, cfg: dict):
    """The prediction layers over ``net``'s states: next/previous token's fine and coarse
    cluster, or (``cfg['lm_target']`` ``words``) its word over the known words of ``net``'s
    vector table (adaptive softmax) and coarse cluster."""
    from torch import nn

    hidden, target, n_words = cfg["hidden"], cfg.get("lm_target", "clusters"), net.vec.shape[0] - 1
    heads = {"f_coarse": nn.Linear(hidden, N_COARSE), "b_coarse": nn.Linear(hidden, N_COARSE)}
    if target == "words":
        n_classes = n_words + 2
        for side in ("f", "b"):
            heads[f"{side}_word"] = nn.AdaptiveLogSoftmaxWithLoss(
                hidden, n_classes, cutoffs=[c for c in WORD_CUTOFFS if c < n_classes - 1],
                div_value=4.0)
    else:
        heads.update({"f_fine": nn.Linear(hidden, N_FINE), "b_fine": nn.Linear(hidden, N_FINE)})
    return nn.ModuleDict(heads)


def lm_loss(net, heads, batch: tuple, hidden: int):
    """Neighbour-prediction loss of one collated batch (see ``train_neural_ner.collate``)."""
    from torch.nn.functional import cross_entropy

    ids, chars, gaz, lengths, _y, _mask = batch
    h = net.encode(ids, chars, gaz, lengths)
    hf, hb = h[..., :hidden], h[..., hidden:]
    (fn, fp), (cn, cp) = _targets(ids, lengths.tolist())

    def ce(head, states, target):
        return cross_entropy(heads[head](states).flatten(0, 1), target.flatten(), ignore_index=-100)

    coarse = 0.5 * ce("f_coarse", hf, cn) + 0.5 * ce("b_coarse", hb, cp)
    if "f_word" not in heads:
        return ce("f_fine", hf, fn) + ce("b_fine", hb, fp) + coarse
    wn, wp = _word_targets(ids, lengths.tolist())

    def adaptive(head, states, target):
        keep = target.flatten() >= 0
        return heads[head](states.flatten(0, 1)[keep], target.flatten()[keep]).loss

    return adaptive("f_word", hf, wn) + adaptive("b_word", hb, wp) + coarse


def pretrain(net, encoded: list[tuple], cfg: dict, log=print, heads=None):
    """Train ``net``'s encoder (``net.encode``) on the cluster-prediction objective over the
    encoded news sentences for ``cfg['pretrain_epochs']`` passes; returns the per-epoch
    losses and the prediction heads."""
    import torch

    from train_neural_ner import batches, collate  # noqa: PLC0415 - sibling script

    hidden = cfg["hidden"]
    heads = heads if heads is not None else make_heads(net, cfg)
    params = [p for p in net.parameters() if p.requires_grad] + list(heads.parameters())
    opt = torch.optim.Adam(params, lr=cfg["pretrain_lr"])
    rng = np.random.default_rng(cfg["seed"] + 1)
    history = []
    for epoch in range(1, cfg["pretrain_epochs"] + 1):
        t0 = time.perf_counter()
        net.train()
        heads.train()
        total, count = 0.0, 0
        for step, idx in enumerate(batches(len(encoded), cfg["pretrain_batch"], rng)):
            loss = lm_loss(net, heads, collate(encoded, None, idx), hidden)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, cfg["clip"])
            opt.step()
            total += float(loss.detach())
            count += 1
            if step % 500 == 0:
                log(json.dumps({"pretrain_epoch": epoch, "step": step,
                                "loss": round(total / count, 3),
                                "seconds": round(time.perf_counter() - t0, 1)}))
        row = {"pretrain_epoch": epoch, "loss": round(total / max(count, 1), 3),
               "seconds": round(time.perf_counter() - t0, 1)}
        history.append(row)
        log(json.dumps(row))
    return history, heads
