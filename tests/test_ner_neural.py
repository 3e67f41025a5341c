"""The neural tagger's numpy inference: same scores as the torch network it was trained as,
exact Viterbi decoding, and the shipped model's wiring."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

from arnews.analyze.ner.neural import NeuralTagger, load_neural
from arnews.analyze.ner.tagger import DATA_DIR, load_features, load_tagger
from arnews.errors import ModelError

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "قال الرئيس المصري عبد الفتاح السيسي إن مصر تدعم الحل السياسي في ليبيا .".split(),
    "وصل وفد من حكومة الوفاق إلى القاهرة .".split(),
    ["لليبيا"],
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في موسكو أمس لبحث الأزمة".split(),
]


@pytest.fixture(scope="module")
def features():
    return load_features(DATA_DIR, use_known=False)


def _training_module():
    spec = importlib.util.spec_from_file_location(
        "train_neural_ner", ROOT / "training" / "train_neural_ner.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_neural_ner", mod)
    spec.loader.exec_module(mod)
    return mod


def test_neural_numpy_matches_torch_network(features) -> None:
    torch = pytest.importorskip("torch")
    train = _training_module()
    cfg = dict(train.DEFAULTS, word_dim=6, char_dim=5, char_filters=7, hidden=8)
    vocab = _vocab(features)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(features.ranks), 10)).astype(np.float32)
    torch.manual_seed(0)
    net = train.make_model(cfg, vectors, {k: len(v) for k, v in vocab.items()}).eval()
    with torch.no_grad():  # non-zero CRF and bias terms, so every parameter is exercised
        for p in net.parameters():
            p.add_(torch.randn_like(p) * 0.3)
    weights, config = train.export(net, cfg, vocab)
    tagger = NeuralTagger(weights, config, features)
    enc = train.encode(tagger.featurizer, SENTENCES)
    ids, chars, gaz, lengths, _y, _mask = train.collate(enc, None, list(range(len(enc))))
    with torch.no_grad():
        expected = net.emissions(ids, chars, gaz, lengths).numpy()
    scores, got_lengths = tagger._forward(tagger._inputs(SENTENCES))
    assert list(got_lengths) == [len(s) for s in SENTENCES]
    for k, sent in enumerate(SENTENCES):
        # the word table is stored in float16, so allow for its rounding
        np.testing.assert_allclose(scores[k, :len(sent)], expected[k, :len(sent)],
                                   rtol=1e-2, atol=1e-2)


def _vocab(features) -> dict:
    from arnews.analyze.ner.neural import build_vocab

    return build_vocab(features, SENTENCES, min_char_count=1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_neural_viterbi_finds_best_path(features, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_labels = 3
    weights = {"crf_trans": rng.normal(size=(n_labels, n_labels)),
               "crf_start": rng.normal(size=n_labels), "crf_end": rng.normal(size=n_labels),
               "lstm_f_hh": np.zeros((4, 1))}
    config = {"labels": ["O", "B-PERS", "I-PERS"],
              "vocab": {"chars": ["<unk>"], "prefixes": ["<unk>"], "shapes": ["<unk>"]}}
    tagger = NeuralTagger(weights, config, features)
    lengths = np.array([4, 2, 1])
    scores = rng.normal(size=(3, 4, n_labels)).astype(np.float32)
    paths = tagger._viterbi(scores, lengths)
    w = tagger.w
    for k, n in enumerate(lengths):
        def total(seq):
            s = w["crf_start"][seq[0]] + w["crf_end"][seq[-1]]
            s += sum(scores[k, t, y] for t, y in enumerate(seq))
            return s + sum(w["crf_trans"][a, b] for a, b in zip(seq, seq[1:]))
        best = max(itertools.product(range(n_labels), repeat=int(n)), key=total)
        assert list(paths[k, :n]) == list(best)
        assert not paths[k, n:].any()


def test_neural_is_the_default_tagger() -> None:
    assert isinstance(load_tagger(), NeuralTagger)


def test_neural_tags_do_not_depend_on_batching() -> None:
    tagger = load_tagger()
    together = tagger.tag(SENTENCES + [[]] + SENTENCES[:2])
    alone = [tagger.tag([s])[0] for s in SENTENCES + [[]] + SENTENCES[:2]]
    assert together == alone
    assert [len(t) for t in together] == [len(s) for s in SENTENCES + [[]] + SENTENCES[:2]]


def test_neural_batches_of_many_sentences_keep_order() -> None:
    tagger = load_tagger()
    many = [SENTENCES[k % len(SENTENCES)] for k in range(150)]  # more than one batch of 64
    out = tagger.tag(many)
    assert out == [out[k % len(SENTENCES)] for k in range(150)]


@pytest.mark.parametrize("weights, config", [
    (b"not a zip file", "{}"),
    (None, "{}"),                     # readable weights, config without labels or vocabulary
    (None, "not json"),
])
def test_neural_unreadable_model_is_model_error(tmp_path: Path, features, weights, config) -> None:
    if weights is None:
        np.savez(tmp_path / "neural.npz", lstm_f_hh=np.zeros((4, 1), dtype=np.float32))
    else:
        (tmp_path / "neural.npz").write_bytes(weights)
    (tmp_path / "neural.json").write_text(config, encoding="utf-8")
    with pytest.raises(ModelError):
        load_neural(tmp_path, features)
