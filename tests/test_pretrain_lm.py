"""Language-model pre-training of the neural tagger (``training/pretrain_lm.py``): news text
read into sentences like ANERcorp's, neighbour-cluster targets, and a loss that goes down."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import pretrain_lm  # noqa: E402


def _write_news(path: Path, contents: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for k, text in enumerate(contents):
            fh.write(json.dumps({"title": f"عنوان الخبر رقم {k} اليوم", "content": text},
                                ensure_ascii=False) + "\n")
    return path


def test_pretrain_news_sentences_split_and_tokenize(tmp_path: Path) -> None:
    news = _write_news(tmp_path / "news.jsonl.gz", [
        "قَالَ الرئيسُ إن مصر تدعم الحل، في ليبيا. وأضاف أن الوفد وصل القاهرة أمس!\nقصير جدا"])
    sents = pretrain_lm.news_sentences(news, 10_000, seed=0)
    assert ["قال", "الرئيس", "إن", "مصر", "تدعم", "الحل", "،", "في", "ليبيا", "."] in sents
    assert ["وأضاف", "أن", "الوفد", "وصل", "القاهرة", "أمس", "!"] in sents
    assert ["عنوان", "الخبر", "رقم", "0", "اليوم"] in sents
    assert all(len(s) >= 5 for s in sents)          # "قصير جدا" is dropped


def test_pretrain_news_sentences_cut_long_and_stop_at_budget(tmp_path: Path) -> None:
    long_sentence = " ".join(f"كلمة{k}" for k in range(130)) + " ."
    news = _write_news(tmp_path / "news.jsonl.gz", [long_sentence] * 50)
    sents = pretrain_lm.news_sentences(news, 300, seed=0, max_len=60)
    assert max(len(s) for s in sents) == 60
    assert 300 <= sum(len(s) for s in sents) < 300 + 140   # stops after the article that fills it


def test_pretrain_targets_are_the_neighbours_clusters() -> None:
    torch = pytest.importorskip("torch")
    ids = torch.zeros((2, 4, 8), dtype=torch.long)
    ids[0, :, 7] = torch.tensor([5, 0, 9, 3])
    ids[1, :2, 7] = torch.tensor([7, 8])
    ids[0, :, 6] = torch.tensor([1, 2, 3, 4])
    ids[1, :2, 6] = torch.tensor([5, 6])
    (nxt, prv), (cnxt, cprv) = pretrain_lm._targets(ids, [4, 2])
    b, pad = pretrain_lm.BOUNDARY, -100
    assert nxt.tolist() == [[0, 9, 3, b], [8, b, pad, pad]]
    assert prv.tolist() == [[b, 5, 0, 9], [b, 7, pad, pad]]
    cb = pretrain_lm.N_COARSE - 1
    assert cnxt.tolist() == [[2, 3, 4, cb], [6, cb, pad, pad]]
    assert cprv.tolist() == [[cb, 1, 2, 3], [cb, 5, pad, pad]]


@pytest.mark.parametrize("target, heads", [("clusters", {"f_fine", "b_fine"}), ("words", {"f_word", "b_word"})])
def test_pretrain_lowers_the_prediction_loss(target: str, heads: set) -> None:
    pytest.importorskip("torch")
    import train_neural_ner as train

    from arnews.analyze.ner.neural import NeuralFeaturizer, build_vocab
    from arnews.analyze.ner.tagger import DATA_DIR, load_features

    features = load_features(DATA_DIR, use_known=False)
    sentences = ["قال الرئيس المصري إن مصر تدعم الحل السياسي في ليبيا .".split(),
                 "وصل وفد من حكومة الوفاق إلى القاهرة أمس .".split()] * 8
    vocab = build_vocab(features, sentences, min_char_count=1)
    encoded = train.encode(NeuralFeaturizer(features, vocab), sentences)
    cfg = dict(train.DEFAULTS, word_dim=6, char_dim=5, char_filters=7, hidden=16, dropout=0.0,
               word_dropout=0.0, pretrain_epochs=30, pretrain_batch=4, pretrain_lr=0.02,
               lm_target=target)
    vectors = np.random.default_rng(0).normal(size=(len(features.ranks), 10)).astype(np.float32)
    net = train.make_model(cfg, vectors, {k: len(v) for k, v in vocab.items()})
    history, trained_heads = pretrain_lm.pretrain(net, encoded, cfg, log=lambda _line: None)
    assert heads <= set(trained_heads) and {"f_coarse", "b_coarse"} <= set(trained_heads)
    assert len(history) == 30
    assert history[-1]["loss"] < 0.5 * history[0]["loss"]


@pytest.mark.parametrize("lm_weight", [0.0, 0.5])
def test_pretrain_then_tagging_with_language_model_loss(lm_weight: float) -> None:
    pytest.importorskip("torch")
    import train_neural_ner as train

    from arnews.analyze.ner.tagger import DATA_DIR, load_features

    features = load_features(DATA_DIR, use_known=False)
    labelled = [[("قال", "O"), ("خليفة", "B-PERS"), ("حفتر", "I-PERS"), ("في", "O"),
                 ("بنغازي", "B-LOC")], [("وصل", "O"), ("وفد", "O"), ("حكومة", "B-ORG"),
                                       ("الوفاق", "I-ORG"), ("أمس", "O")]] * 4
    news = ["قال الرئيس المصري إن مصر تدعم الحل السياسي في ليبيا .".split()] * 8
    cfg = dict(train.DEFAULTS, word_dim=6, char_dim=5, char_filters=7, hidden=8, batch=4,
               pretrain_batch=4, epochs=2, average_last=2, lm_weight=lm_weight)
    vectors = np.random.default_rng(0).normal(size=(len(features.ranks), 10)).astype(np.float32)
    net, _vocab, history = train.train(cfg, labelled, None, features, vectors, cfg["epochs"],
                                       lambda _line: None, news)
    assert [row.get("pretrain_epoch") for row in history[:1]] == [1]
    assert [row["epoch"] for row in history[1:]] == [1, 2]
    first_loss = history[1]["loss"]
    if lm_weight:   # the tagging loss of the same first epoch plus a positive LM term
        cfg0 = dict(cfg, lm_weight=0.0)
        _n, _v, base = train.train(cfg0, labelled, None, features, vectors, cfg["epochs"],
                                   lambda _line: None, news)
        assert first_loss > base[1]["loss"]


def test_pretrain_word_targets_shift_ranks_and_mark_boundaries() -> None:
    torch = pytest.importorskip("torch")
    ids = torch.zeros((2, 3, 8), dtype=torch.long)
    ids[0, :, 1] = torch.tensor([4, 0, 1])     # whole-form ids: 1 + rank, 0 = unknown
    ids[1, :2, 1] = torch.tensor([2, 9])
    nxt, prv = pretrain_lm._word_targets(ids, [3, 2])
    pad = -100
    assert nxt.tolist() == [[0, 2, 1], [10, 1, pad]]
    assert prv.tolist() == [[1, 5, 0], [1, 3, pad]]


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_gazetteer_dropout_hides_labels_only_while_training(p: float) -> None:
    torch = pytest.importorskip("torch")
    import train_neural_ner as train

    from arnews.analyze.ner.neural import N_GAZ

    cfg = dict(train.DEFAULTS, word_dim=6, char_dim=5, char_filters=7, hidden=8, word_dropout=0.0)
    vectors = np.zeros((50, 10), dtype=np.float32)
    net = train.make_model(cfg, vectors, {"chars": 5, "prefixes": 3, "shapes": 3})
    net.gaz_dropout = p
    ids = torch.ones((2, 3, 8), dtype=torch.long)
    chars = torch.ones((2, 3, 6), dtype=torch.long)
    gaz = torch.ones((2, 3, N_GAZ))
    net.train()
    seen = net.inputs(ids, chars, gaz)[..., -N_GAZ:]
    assert torch.equal(seen, gaz if p == 0.0 else torch.zeros_like(gaz))
    net.eval()
    assert torch.equal(net.inputs(ids, chars, gaz)[..., -N_GAZ:], gaz)
