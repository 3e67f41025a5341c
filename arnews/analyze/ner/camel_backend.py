"""Optional NER backend: CAMeL Tools' BERT tagger (CAMeLBERT-MSA fine-tuned on ANERcorp).

For users who installed camel-tools *and* its NER model data (``camel_data -i ner-arabert``
or a local model directory). It is slower than the shipped CRF by two to three orders of
magnitude on a CPU (see ``bench/results.json``, key ``ner``) and imports torch; it is never
used unless asked for. It offers the same interface as :class:`arnews.analyze.ner.tagger.Tagger`
(``tag(list[list[str]]) -> list[list[str]]``), with tags mapped to arnews' spellings
(``B-PER`` -> ``B-PERS``, ``B-MIS`` -> ``B-MISC``).

Choose it with ``--ner camel`` on the command line (``--ner-model DIR`` for a local model
directory: a ``BertForTokenClassification`` saved by transformers with its ``vocab.txt`` and
CAMeL's labels, ``B-PERS`` ... ``O``, in ``config.id2label``), or in Python with
``AnalysisOptions(ner="camel")`` / :func:`arnews.analyze.ner.backends.load_ner_tagger`.

Any failure to import camel-tools or to find/load its model raises
:class:`CamelNERUnavailableError` (a :class:`arnews.errors.ModelError`) with a one-line message
that says what to install, never a raw import or download error. Note that camel-tools fetches
its data catalogue from the network the first time it is imported; ``camel_data -i ner-arabert``
does that (and installs the model) once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from arnews.analyze.ner.conll import normalize_tag, repair_bio
from arnews.errors import EvaluationError, ModelError

#: What to install for this backend (part of every "unavailable" message).
INSTALL_HINT = "install it with `pip install camel-tools` and its model with `camel_data -i ner-arabert`"


class CamelNERUnavailableError(ModelError):
    """camel-tools, torch or the CAMeL NER model data is not available."""


class CamelTagger:
    """Wraps ``camel_tools.ner.NERecognizer``."""

    def __init__(self, recognizer) -> None:
        self._rec = recognizer

    def _kept(self, words: list[str], pieces: dict[str, bool]) -> list[int]:
        """Indices of the words the recognizer tags: it silently drops a word its tokenizer
        turns into no word pieces (one made only of diacritics or format controls)."""
        tok = getattr(self._rec, "tokenizer", None)
        if tok is None:
            return list(range(len(words)))
        keep = []
        for i, w in enumerate(words):
            if w not in pieces:
                pieces[w] = bool(tok.tokenize(w))
            if pieces[w]:
                keep.append(i)
        return keep

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags over PERS/LOC/ORG/MISC for each token of each sentence (``O`` for a token
        the model cannot see)."""
        sents = [list(s) for s in sentences]
        pieces: dict[str, bool] = {}
        kept = [self._kept(s, pieces) for s in sents]
        batch = [[s[i] for i in k] for s, k in zip(sents, kept) if k]
        try:
            predicted = iter(self._rec.predict(batch)) if batch else iter(())
        except Exception as exc:  # torch/transformers errors are not arnews errors
            raise ModelError(f"CAMeL NER prediction failed: {_one_line(exc)}") from exc
        out = []
        for s, k in zip(sents, kept):
            tags = ["O"] * len(s)
            if k:
                pred = list(next(predicted))
                if len(pred) != len(k):
                    raise ModelError(f"CAMeL NER returned {len(pred)} tags for a sentence of {len(k)} words")
                try:
                    for i, t in zip(k, pred):
                        tags[i] = normalize_tag(t)
                except EvaluationError as exc:
                    raise ModelError(f"CAMeL NER model predicted {exc}") from exc
            out.append(repair_bio(tags))
        return out


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.lru_cache(maxsize=2)
def load_camel_tagger(model_path: Path | None = None, use_gpu: bool = False) -> CamelTagger:
    """The CAMeL Tools NER tagger (``model_path``: a local model directory; default: the
    pretrained model from camel-tools' data catalogue). Cached."""
    if model_path is not None:
        model_path = Path(model_path)
        if not model_path.is_dir():
            raise CamelNERUnavailableError(
                f"CAMeL NER model directory {model_path} "
                f"{'is not a directory' if model_path.exists() else 'does not exist'} (give a directory "
                "holding a CAMeL Tools NER model, or none to use camel-tools' own: "
                f"{INSTALL_HINT})")
    try:
        from camel_tools.ner import NERecognizer
    except ImportError as exc:
        raise CamelNERUnavailableError(
            f"the camel NER backend needs camel-tools, torch and transformers: {INSTALL_HINT} "
            f"({type(exc).__name__}: {_one_line(exc)})") from exc
    except Exception as exc:  # camel-tools failing to fetch its data catalogue on first import
        raise CamelNERUnavailableError(
            f"camel-tools cannot start ({type(exc).__name__}: {_one_line(exc)}); it needs its data "
            f"catalogue: run `camel_data -i ner-arabert` once with network access") from exc
    try:
        from transformers.utils import logging as tf_logging

        tf_logging.disable_progress_bar()  # no "Loading weights" bars on standard error
    except Exception:  # noqa: BLE001 - cosmetic only
        pass
    try:
        if model_path is not None:
            rec = NERecognizer(str(model_path), use_gpu=use_gpu)
        else:
            rec = NERecognizer.pretrained(use_gpu=use_gpu)
    except Exception as exc:
        if model_path is not None:
            raise CamelNERUnavailableError(
                f"cannot load the CAMeL NER model in {model_path}: "
                f"{type(exc).__name__}: {_one_line(exc)}") from exc
        raise CamelNERUnavailableError(
            f"CAMeL NER model data is not installed or cannot be loaded ({type(exc).__name__}: "
            f"{_one_line(exc)}): {INSTALL_HINT}") from exc
    labels = [str(v) for v in dict(getattr(rec, "labels_map", None) or {}).values()]
    bad = []
    for label in labels:
        try:
            normalize_tag(label)
        except EvaluationError:
            bad.append(label)
    if not labels or bad:
        raise CamelNERUnavailableError(
            f"{model_path or 'the CAMeL NER model'} is not a NER model: its labels (config.json id2label) "
            f"must be BIO tags such as B-PERS, I-LOC, O; found {', '.join(bad[:5]) or 'none'}")
    return CamelTagger(rec)
