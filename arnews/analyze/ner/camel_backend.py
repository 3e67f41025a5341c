"""Optional NER backend: CAMeL Tools' BERT tagger (CAMeLBERT-MSA fine-tuned on ANERcorp).

For users who installed camel-tools *and* its NER model data (``camel_data -i ner-arabert``
or a local model directory). It is slower than the shipped CRF by two to three orders of
magnitude on a CPU (see ``bench/results.json``, key ``ner``) and imports torch; it is never
used unless asked for. It offers the same interface as :class:`arnews.analyze.ner.tagger.Tagger`
(``tag(list[list[str]]) -> list[list[str]]``), with tags mapped to arnews' spellings
(``B-PER`` -> ``B-PERS``, ``B-MIS`` -> ``B-MISC``).

Any failure to import camel-tools or to find/load its model raises
:class:`CamelNERUnavailableError` (a :class:`arnews.errors.ModelError`), never a raw import or
download error.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from arnews.analyze.ner.conll import normalize_tag, repair_bio
from arnews.errors import ModelError


class CamelNERUnavailableError(ModelError):
    """camel-tools, torch or the CAMeL NER model data is not available."""


class CamelTagger:
    """Wraps ``camel_tools.ner.NERecognizer``."""

    def __init__(self, recognizer) -> None:
        self._rec = recognizer

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags over PERS/LOC/ORG/MISC for each token of each sentence."""
        sents = [list(s) for s in sentences]
        nonempty = [s for s in sents if s]
        try:
            predicted = iter(self._rec.predict(nonempty)) if nonempty else iter(())
        except Exception as exc:  # torch/transformers errors are not arnews errors
            raise ModelError(f"CAMeL NER prediction failed: {exc}") from exc
        out = []
        for s in sents:
            out.append(repair_bio([normalize_tag(t) for t in next(predicted)]) if s else [])
        return out


@functools.lru_cache(maxsize=2)
def load_camel_tagger(model_path: Path | None = None, use_gpu: bool = False) -> CamelTagger:
    """The CAMeL Tools NER tagger (``model_path``: a local model directory; default: the
    pretrained model from camel-tools' data catalogue). Cached."""
    try:
        from camel_tools.ner import NERecognizer
    except Exception as exc:  # ImportError, or camel-tools failing to reach its catalogue
        raise CamelNERUnavailableError(
            "camel-tools' NER (with torch and transformers) cannot be imported: "
            f"{type(exc).__name__}: {exc}") from exc
    try:
        if model_path is not None:
            rec = NERecognizer(str(model_path), use_gpu=use_gpu)
        else:
            rec = NERecognizer.pretrained(use_gpu=use_gpu)
    except Exception as exc:
        raise CamelNERUnavailableError(
            "CAMeL NER model data is not installed (try `camel_data -i ner-arabert`) or "
            f"cannot be loaded: {type(exc).__name__}: {exc}") from exc
    return CamelTagger(rec)
