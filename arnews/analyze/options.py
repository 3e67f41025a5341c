"""Options of an analysis that are not stages: which entity tagger to use, and its model.

Light on purpose (no models, no torch): the CLI and batch workers build and pickle these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .ner.backends import DEFAULT_BACKEND, canonical_backend


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """How the stages of :mod:`arnews.analyze.pipeline` analyze a document.

    ``ner``: the entity tagger, ``"default"`` (the shipped one)
    or ``"camel"`` (CAMeL Tools' BERT tagger, needs camel-tools and torch); ``ner_model``: a
    model directory for that tagger (``None``: the backend's own model). An unknown ``ner``
    raises :class:`ValueError`.
    """

    ner: str = DEFAULT_BACKEND
    ner_model: Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "ner", canonical_backend(self.ner))
        if self.ner_model is not None:
            object.__setattr__(self, "ner_model", Path(self.ner_model).expanduser().resolve())


__all__ = ["AnalysisOptions"]
