"""The neural named-entity tagger: a BiLSTM-CRF whose inference runs in plain numpy.

Why a neural tagger next to the CRF: a CRF sees a word it never met in training only through
hand-made features; a BiLSTM over dense word vectors (learned from raw news text, so every
frequent name has one), letter n-gram filters and the gazetteer/cluster features reads a whole
sentence at once and generalizes better to unseen names. Training uses torch
(``training/train_neural_ner.py``); the shipped weights are plain arrays, so tagging needs
numpy only and torch stays off the default path.

Inputs per token (:class:`NeuralFeaturizer`):

* the news-text word vector of its clitic-stripped form and of its whole normalized form
  (``clusters.tsv`` gives the vocabulary; the vectors ship already projected);
* a character CNN over the normalized form (max-pooled letter trigram filters);
* embeddings of its clitic prefix, shape, frequency-rank bucket and three word clusters;
* gazetteer labels of the word and of multi-word phrases over it (``B``/``I``).

Everything per word type is computed once and cached; the BiLSTM runs over all sentences of a
call at once (sorted by length, in batches), which keeps it fast on one core.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arnews.analyze.ner.conll import repair_bio
from arnews.analyze.ner.features import CACHE_LIMIT, FeatureExtractor, _rank_bucket
from arnews.errors import InputError, ModelError

WEIGHTS_FILE = "neural.npz"
CONFIG_FILE = "neural.json"
MAX_CHARS = 20
GAZ_LABELS = ("CITY", "COUNTRY", "FIRST", "LANG", "LAST", "LOC", "NAT", "ORG", "ORGHEAD",
              "PERS", "TITLE", "TOWN")
_GAZ_INDEX = {lab: i for i, lab in enumerate(GAZ_LABELS)}
N_GAZ = 3 * len(GAZ_LABELS)  # word labels, phrase B, phrase I
RANK_BUCKETS = ("oov",) + tuple(str(i) for i in range(18))


class NeuralFeaturizer:
    """Maps tokens to the integer and gazetteer inputs of the network (shared with training)."""

    def __init__(self, features: FeatureExtractor, vocab: dict) -> None:
        """``vocab``: the small symbol tables saved with the model (``chars``, ``prefixes``,
        ``shapes``) - index 0 of each means unknown."""
        self.fx = features
        self.chars = {c: i for i, c in enumerate(vocab["chars"])}
        self.prefixes = {p: i for i, p in enumerate(vocab["prefixes"])}
        self.shapes = {s: i for i, s in enumerate(vocab["shapes"])}
        self.ranks_index = {r: i for i, r in enumerate(RANK_BUCKETS)}
        self._cache: dict[str, tuple] = {}

    def cache_clear(self) -> None:
        self._cache.clear()

    def word(self, token: str) -> tuple:
        """``(ids, chars, gaz)`` of one token type: ``ids`` = [word-bare, word-norm, prefix,
        shape, rank, cluster k1, k2, k3] (word ids are 1 + frequency rank, 0 = unknown)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        fx = self.fx
        norm, prefix, bare, _mid, shape = fx.word_info(token)
        ranks = fx.ranks
        rb = ranks.get(bare)
        rn = ranks.get(norm)
        cl = fx.clusters.get(bare) or fx.clusters.get(norm) or ()
        ids = [0 if rb is None else rb + 1, 0 if rn is None else rn + 1,
               self.prefixes.get(prefix, 0), self.shapes.get(shape, 0),
               self.ranks_index[_rank_bucket(rn)]]
        ids += [int(c) + 1 for c in cl[:3]] + [0] * (3 - len(cl[:3]))
        chars = [self.chars.get(c, 0) for c in norm[:MAX_CHARS]]
        gaz = [_GAZ_INDEX[lab] for lab in fx.gazetteer.word_labels(norm) if lab in _GAZ_INDEX]
        hit = (tuple(ids), tuple(chars), tuple(gaz))
        if len(self._cache) < CACHE_LIMIT:
            self._cache[token] = hit
        return hit

    def sentence(self, tokens: Sequence[str]) -> tuple[list[tuple], list[list[int]]]:
        """Per-token word entries and the gazetteer indices (word and phrase) of each token."""
        words = [self.word(t) for t in tokens]
        spans = self.fx.gazetteer.match_sentence([self.fx.word_info(t)[0] for t in tokens])
        n_lab = len(GAZ_LABELS)
        gaz = []
        for w, sp in zip(words, spans):
            g = list(w[2])
            for lab, pos in sp:
                k = _GAZ_INDEX.get(lab)
                if k is not None:
                    g.append(k + n_lab * (1 if pos == "B" else 2))
            gaz.append(g)
        return words, gaz


def build_vocab(features: FeatureExtractor, sentences: Sequence[Sequence[str]],
                min_char_count: int = 2) -> dict:
    """Symbol tables (chars, clitic prefixes, shapes) from training sentences."""
    from collections import Counter

    chars: Counter = Counter()
    prefixes: set[str] = set()
    shapes: set[str] = set()
    for sent in sentences:
        for tok in sent:
            norm, prefix, _bare, _mid, shape = features.word_info(tok)
            chars.update(norm[:MAX_CHARS])
            prefixes.add(prefix)
            shapes.add(shape)
    return {"chars": ["<unk>"] + sorted(c for c, n in chars.items() if n >= min_char_count),
            "prefixes": ["<unk>"] + sorted(prefixes), "shapes": ["<unk>"] + sorted(shapes)}


def _lstm_step_weights(w: dict[str, np.ndarray], side: str
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(input weights, recurrent weights, bias) of one LSTM direction, transposed for
    ``x @ W``, with torch's gate order (i, f, g, o) changed to (i, f, o, g) and the i, f, o
    columns halved, so that one ``tanh`` per step yields every gate (see ``_lstm``)."""
    hsz = w[f"lstm_{side}_hh"].shape[1]
    order = np.r_[0:2 * hsz, 3 * hsz:4 * hsz, 2 * hsz:3 * hsz]
    scale = np.ones(4 * hsz, dtype=np.float32)
    scale[:3 * hsz] = 0.5
    w_ih = np.ascontiguousarray(w[f"lstm_{side}_ih"][order].T * scale)
    w_hh = np.ascontiguousarray(w[f"lstm_{side}_hh"][order].T * scale)
    return w_ih, w_hh, w[f"lstm_{side}_b"][order] * scale


class NeuralTagger:
    """BiLSTM-CRF inference in numpy; ``tag`` has the same contract as the CRF tagger's."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict,
                 features: FeatureExtractor, batch_size: int = 64) -> None:
        self.config = config
        self.labels = tuple(config["labels"])
        self.featurizer = NeuralFeaturizer(features, config["vocab"])
        self.features = features
        self.batch_size = batch_size
        w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        self.w = w
        self.hidden = w["lstm_f_hh"].shape[1]
        self._lstm_weights = {side: _lstm_step_weights(w, side) for side in ("f", "b")
                              if f"lstm_{side}_ih" in w}
        self._static: dict[str, np.ndarray] = {}
        #: one stage: a second, document-level CRF over the network's tags (as the CRF tagger
        #: has) lowered dev F1 (0.791 -> 0.783), so none is trained
        self.two_stage = False

    def clear_caches(self) -> None:
        """Forget the per-word caches (benchmarks measure the cost of unseen words)."""
        self._static.clear()
        self.featurizer.cache_clear()
        self.features.clear_caches()

    # -- per word type -------------------------------------------------------------------
    def _static_vectors(self, tokens: Sequence[str]) -> np.ndarray:
        """The context-free part of each token's input vector (cached per token text)."""
        missing = [t for t in dict.fromkeys(tokens) if t not in self._static]
        if missing:
            w = self.w
            entries = [self.featurizer.word(t) for t in missing]
            ids = np.array([e[0] for e in entries], dtype=np.int64)
            chars = np.zeros((len(missing), MAX_CHARS + 2), dtype=np.int64)
            for k, e in enumerate(entries):
                chars[k, 1:1 + len(e[1])] = np.asarray(e[1]) + 1  # 0 = padding
            parts = [w["word"][ids[:, 0]], w["word"][ids[:, 1]], self._char_cnn(chars, entries),
                     w["prefix"][ids[:, 2]], w["shape"][ids[:, 3]], w["rank"][ids[:, 4]],
                     w["c1"][ids[:, 5]], w["c2"][ids[:, 6]], w["c3"][ids[:, 7]]]
            vecs = np.concatenate(parts, axis=1)
            if len(self._static) + len(missing) > CACHE_LIMIT:
                self._static.clear()
            for t, v in zip(missing, vecs):
                self._static[t] = v
        return np.stack([self._static[t] for t in tokens]) if tokens else np.zeros((0, 0))

    def _char_cnn(self, chars: np.ndarray, entries: list) -> np.ndarray:
        """Max over positions of width-3 convolution filters on character embeddings.

        ``chars`` is (words, MAX_CHARS + 2): id 0 is padding (a zero embedding), one position
        before the word and the rest after it; character ids are the vocabulary index + 1.
        """
        w = self.w
        emb = w["char"][chars]                              # (n, L, d); row 0 = padding
        n, length, d = emb.shape
        width = w["char_conv"].shape[2]
        windows = np.stack([emb[:, i:length - width + 1 + i] for i in range(width)], axis=2)
        # (n, L-w+1, width, d) @ (width*d, filters)
        kernel = w["char_conv"].transpose(2, 1, 0).reshape(width * d, -1)
        out = windows.reshape(n, length - width + 1, width * d) @ kernel + w["char_conv_b"]
        lengths = np.array([len(e[1]) for e in entries])
        valid = np.arange(length - width + 1)[None, :] < np.maximum(lengths, 1)[:, None]
        out = np.where(valid[:, :, None], out, -1e4)
        return out.max(axis=1)

    # -- per call ------------------------------------------------------------------------
    def _inputs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray | None]:
        """The input vectors (tokens x features) of each sentence (``None`` when empty)."""
        feats: list[np.ndarray | None] = []
        for tokens in sentences:
            if any(not isinstance(t, str) for t in tokens):
                raise InputError("NER tokens must be strings")
            if not tokens:
                feats.append(None)
                continue
            _words, gaz = self.featurizer.sentence(tokens)
            g = np.zeros((len(tokens), N_GAZ), dtype=np.float32)
            for i, idx in enumerate(gaz):
                g[i, idx] = 1.0
            feats.append(np.concatenate([self._static_vectors(tokens), g], axis=1))
        return feats

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags (``B-PERS``, ``I-LOC``, ``O`` ...) for each token of each sentence."""
        feats = self._inputs(sentences)
        tags: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k, f in enumerate(feats) if f is not None),
                       key=lambda k: len(sentences[k]))
        labels = self.labels
        for start in range(0, len(order), self.batch_size):
            batch = order[start:start + self.batch_size]
            scores, lengths = self._forward([feats[k] for k in batch])
            paths = self._viterbi(scores, lengths)
            for j, k in enumerate(batch):
                tags[k] = repair_bio([labels[i] for i in paths[j, :lengths[j]].tolist()])
        return tags

    def tag_sentence(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of one tokenized sentence."""
        return self.tag([tokens])[0]

    def _forward(self, xs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores (batch x time x labels) of a batch of sentences, and their lengths.

        Scores past a sentence's end are meaningless (``_viterbi`` never reads them)."""
        w = self.w
        lengths = np.array([len(x) for x in xs])
        order = np.argsort(-lengths, kind="stable")   # longest first: see _lstm
        b, t_max, d = len(xs), int(lengths.max()), xs[0].shape[1]
        x = np.zeros((b, t_max, d), dtype=np.float32)
        for row, k in enumerate(order):
            x[row, :lengths[k]] = xs[k]
        sorted_lengths = lengths[order]
        h = np.concatenate([self._lstm(x, sorted_lengths, "f"),
                            self._lstm(x, sorted_lengths, "b")], axis=2)
        scores = np.empty((b, t_max, w["out_b"].shape[0]), dtype=np.float32)
        scores[order] = h @ w["out_w"].T + w["out_b"]
        return scores, lengths

    def _lstm(self, x: np.ndarray, lengths: np.ndarray, side: str) -> np.ndarray:
        """One LSTM direction (``"f"`` forward, ``"b"`` backward) over a batch sorted by
        length, longest first: at each position only the sentences that reach it are computed
        (a prefix of the batch), so padding costs nothing and the backward direction of each
        sentence starts at its own last token with a zero state."""
        hsz = self.hidden
        w_ih, w_hh, bias = self._lstm_weights[side]
        b, t_max, _ = x.shape
        gates_x = x @ w_ih + bias                                    # (b, t, 4h)
        h = np.zeros((b, hsz), dtype=np.float32)
        c = np.zeros((b, hsz), dtype=np.float32)
        out = np.zeros((b, t_max, hsz), dtype=np.float32)
        active = (lengths[None, :] > np.arange(t_max)[:, None]).sum(axis=1)  # rows per position
        steps = range(t_max - 1, -1, -1) if side == "b" else range(t_max)
        for t in steps:
            n = active[t]
            g = h[:n] @ w_hh
            g += gates_x[:n, t]
            # gate columns are [i, f, o, g] with i, f, o pre-scaled by 1/2, so one tanh gives
            # all four: sigmoid(z) = (tanh(z / 2) + 1) / 2
            np.tanh(g, out=g)
            ifo = g[:, :3 * hsz]
            ifo += 1.0
            ifo *= 0.5
            cn = c[:n]
            cn *= g[:, hsz:2 * hsz]
            cn += g[:, :hsz] * g[:, 3 * hsz:]
            np.multiply(g[:, 2 * hsz:3 * hsz], np.tanh(cn), out=h[:n])
            out[:n, t] = h[:n]
        return out

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best label index sequences (batch x time; padding positions are 0) under the CRF
        transition scores."""
        w = self.w
        trans, start, end = w["crf_trans"], w["crf_start"], w["crf_end"]
        b, t_max, _ = scores.shape
        delta = start + scores[:, 0]
        back = np.zeros(scores.shape, dtype=np.int64)
        for t in range(1, t_max):
            cand = delta[:, :, None] + trans[None]
            back[:, t] = cand.argmax(axis=1)
            active = (t < lengths)[:, None]
            delta = np.where(active, cand.max(axis=1) + scores[:, t], delta)
        cur = (delta + end).argmax(axis=1)
        path = np.zeros((b, t_max), dtype=np.int64)
        rows = np.arange(b)
        for t in range(t_max - 1, -1, -1):
            inside = t < lengths
            path[:, t] = np.where(inside, cur, 0)
            if t > 0:
                cur = np.where(inside, back[rows, t, cur], cur)
        return path


def load_neural(data_dir: Path, features: FeatureExtractor) -> NeuralTagger:
    """Load ``neural.npz`` + ``neural.json`` from ``data_dir``."""
    try:
        config = json.loads((data_dir / CONFIG_FILE).read_text(encoding="utf-8"))
        with np.load(data_dir / WEIGHTS_FILE) as npz:
            weights = {k: npz[k] for k in npz.files}
        return NeuralTagger(weights, config, features)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ModelError(f"cannot read the neural NER model in {data_dir}: "
                         f"{type(exc).__name__}: {exc}") from exc
