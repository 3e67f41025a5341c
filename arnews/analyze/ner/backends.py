"""Choosing the entity tagger: the built-in one (``default``) or CAMeL Tools' BERT tagger (``camel``).

Every backend offers ``tag(list[list[str]]) -> list[list[str]]`` (BIO tags over PERS, LOC, ORG,
MISC). The ``default`` backend is the tagger shipped in ``arnews/data/ner``
(:func:`arnews.analyze.ner.tagger.load_tagger`); ``camel`` is
:func:`arnews.analyze.ner.camel_backend.load_camel_tagger` and imports torch, so it is only
imported when asked for.

    from arnews.analyze.ner.backends import load_ner_tagger
    load_ner_tagger("camel", "models/camel-ner").tag([["قال", "الرئيس", "عبد", "الفتاح", "السيسي"]])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from arnews.errors import ModelError

#: The built-in tagger's name.
DEFAULT_BACKEND = "default"
#: The backends, by the name the CLI's ``--ner`` and :class:`arnews.analyze.pipeline.AnalysisOptions` take.
BACKENDS: tuple[str, ...] = (DEFAULT_BACKEND, "camel")


def canonical_backend(name: str | None) -> str:
    """The backend called ``name`` (``None`` is the default); :class:`ValueError` if unknown."""
    if name is None:
        return DEFAULT_BACKEND
    key = str(name).strip().lower()
    if key not in BACKENDS:
        raise ValueError(f"unknown NER backend {name!r} (known: {', '.join(BACKENDS)})")
    return key


def load_ner_tagger(backend: str | None = DEFAULT_BACKEND, model_path: Path | str | None = None) -> Any:
    """The tagger of ``backend``, loaded from ``model_path`` (default: the backend's own model:
    the shipped one, or camel-tools' installed ``ner-arabert`` data). Cached per backend and path.

    Raises :class:`arnews.errors.ModelError` when the model (or, for ``camel``, camel-tools,
    torch or transformers) is missing or cannot be loaded; :class:`ValueError` for an unknown
    backend.
    """
    name = canonical_backend(backend)
    path = Path(model_path).expanduser().resolve() if model_path is not None else None
    if name == "camel":
        from .camel_backend import load_camel_tagger

        return load_camel_tagger(path)
    if path is not None and not path.is_dir():
        raise ModelError(f"NER model directory {path} does not exist" if not path.exists()
                         else f"NER model {path} is not a directory")
    from .tagger import load_tagger

    return load_tagger(path)


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "canonical_backend", "load_ner_tagger"]
