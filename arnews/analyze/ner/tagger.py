"""Loading the named-entity tagger, and the feature-based CRF tagger.

``load_tagger()`` reads a model directory (default ``arnews/data/ner/``) once and caches the
tagger. The shipped model is the neural BiLSTM-CRF (``neural.npz``, see
:mod:`arnews.analyze.ner.neural`); a directory holding only CRF models (``model.crfsuite``,
optionally ``model2.crfsuite``, written by ``training/train_ner.py``) gives the CRF tagger of
this module. Both need ``clusters.tsv`` and ``gazetteers.tsv`` beside them, both offer
``tag(list[list[str]]) -> list[list[str]]`` (BIO tags over PERS/LOC/ORG/MISC), and neither
imports torch.

The CRF tagger:

Two stages: the first CRF tags each sentence from its own features; when a second-stage model
is present, it re-tags every sentence with those features plus what the first stage said about
the same words in the neighbouring sentences (:func:`document_features`), so a name recognized
once in an article helps recognize it everywhere in that article. Pass all sentences of one
article in one ``tag`` call to get that benefit.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

from arnews.analyze.ner.conll import repair_bio
from arnews.analyze.ner.features import FeatureExtractor, document_features, load_clusters
from arnews.analyze.ner.gazetteer import DATA_DIR, GAZETTEER_FILE, read_gazetteer_file
from arnews.errors import InputError, ModelError

MODEL_FILE = "model.crfsuite"
MODEL2_FILE = "model2.crfsuite"
CLUSTERS_FILE = "clusters.tsv"
META_FILE = "model.json"
ATTRIBUTES_FILE = "attributes.txt"


def load_features(data_dir: Path, *, use_known: bool = True) -> FeatureExtractor:
    """The feature extractor built from the clusters and gazetteers in ``data_dir``.

    With ``use_known`` and an ``attributes.txt`` beside the models (written by
    ``training/train_ner.py``), features the models never use are dropped while extracting.
    """
    try:
        clusters, ranks = load_clusters(data_dir / CLUSTERS_FILE)
    except OSError as exc:
        raise ModelError(f"cannot read NER word clusters in {data_dir}: {exc}") from exc
    gazetteer = read_gazetteer_file(data_dir / GAZETTEER_FILE)
    known = None
    attr_path = data_dir / ATTRIBUTES_FILE
    if use_known and attr_path.is_file():
        known = frozenset(attr_path.read_text(encoding="utf-8").split("\n"))
    return FeatureExtractor(clusters, ranks, gazetteer, known=known)


def model_attributes(*model_paths: Path) -> list[str]:
    """Sorted attribute (feature) names that carry a weight in any of the given CRF models."""
    attrs: set[str] = set()
    for path in model_paths:
        crf = _open_crf(path)
        attrs.update(name for name, _label in crf.info().state_features)
    return sorted(attrs)


class Tagger:
    """A CRF tagger plus the feature extractor it was trained with."""

    def __init__(self, model_path: Path, features: FeatureExtractor,
                 meta: dict | None = None, model2_path: Path | None = None) -> None:
        self._crf = _open_crf(model_path)
        self._crf2 = _open_crf(model2_path) if model2_path is not None else None
        self.features = features
        self.meta = meta or {}
        self.doc_window = int(self.meta.get("doc_window", 10))
        self.labels = tuple(self._crf.labels())

    @property
    def two_stage(self) -> bool:
        """Whether a second-stage (document-context) model is loaded."""
        return self._crf2 is not None

    def clear_caches(self) -> None:
        """Forget the per-word feature caches."""
        self.features.clear_caches()

    def tag_stage1(self, sentences: Sequence[Sequence[str]]) -> tuple[list, list[list[str]]]:
        """First-stage features and tags of each sentence (no document context)."""
        feats, tags = [], []
        for tokens in sentences:
            if any(not isinstance(t, str) for t in tokens):
                raise InputError("NER tokens must be strings")
            f = self.features.sentence_features(tokens) if tokens else []
            feats.append(f)
            tags.append(list(self._crf.tag(f)) if tokens else [])
        return feats, tags

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags (``B-PERS``, ``I-LOC``, ``O`` ...) for each token of each sentence.

        Sentences passed together are treated as one document (see the module docstring).
        """
        feats, tags = self.tag_stage1(sentences)
        if self._crf2 is not None:
            extra = document_features([self.features.bare_forms(s) for s in sentences], tags,
                                      self.features.ranks, window=self.doc_window)
            for f, e in zip(feats, extra):  # the stage-1 lists are not needed any more
                for a, b in zip(f, e):
                    a.extend(b)
            tags = [list(self._crf2.tag(f)) if f else [] for f in feats]
        return [repair_bio(t) for t in tags]

    def tag_sentence(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of one tokenized sentence (no context from other sentences)."""
        return self.tag([tokens])[0]


def _open_crf(path: Path):
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise ModelError("python-crfsuite is not installed") from exc
    if not path.is_file():
        raise ModelError(f"NER model not found: {path}")
    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(path))
    except Exception as exc:  # crfsuite raises a bare ValueError/OSError
        raise ModelError(f"cannot open NER model {path}: {exc}") from exc
    return crf


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path):
    from arnews.analyze.ner.neural import WEIGHTS_FILE, load_neural

    if (data_dir / WEIGHTS_FILE).is_file():
        return load_neural(data_dir, load_features(data_dir, use_known=False))
    meta = {}
    meta_path = data_dir / META_FILE
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    model2 = data_dir / MODEL2_FILE
    return Tagger(data_dir / MODEL_FILE, load_features(data_dir), meta,
                  model2 if model2.is_file() else None)


def load_tagger(model_dir: Path | None = None):
    """The tagger in ``model_dir`` (default: the model shipped in ``arnews/data/ner``): the
    neural tagger when the directory holds ``neural.npz``, else the CRF.

    Cached per directory; raises :class:`arnews.errors.ModelError` if files are missing.
    """
    return _load(Path(model_dir).resolve() if model_dir is not None else DATA_DIR)


__all__ = ["Tagger", "load_tagger", "load_features", "MODEL_FILE", "MODEL2_FILE", "CLUSTERS_FILE",
           "GAZETTEER_FILE"]
