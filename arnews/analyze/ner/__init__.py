"""Named-entity recognition for Arabic news: people, places, organizations, other names.

The default tagger is a BiLSTM-CRF (``neural``) over news-text word vectors, a character CNN,
clitic-aware forms, word clusters and gazetteer labels, trained with torch on ANERcorp
(``training/train_neural_ner.py``) and run in numpy from ``arnews/data/ner``; it needs no torch.
``tagger`` also loads the feature-based CRF from a model directory (``training/train_ner.py``),
``camel_backend`` optionally wraps CAMeL Tools' BERT tagger for users who installed it, and
``backends.load_ner_tagger`` loads one by name (``"default"`` or ``"camel"``, the CLI's ``--ner``).

Public API::

    from arnews.analyze.ner import load_tagger, load_ner_tagger, evaluate_conll
    load_tagger().tag([["قال", "الرئيس", "عبد", "الفتاح", "السيسي"]])
    # [['O', 'O', 'B-PERS', 'I-PERS', 'I-PERS']]
    load_ner_tagger("camel")  # needs camel-tools and its model (camel_data -i ner-arabert)

Names are resolved lazily so that importing this package stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = ["load_tagger", "load_ner_tagger", "Tagger", "evaluate_conll", "read_conll", "spans",
           "titles", "nationalities", "org_heads", "strip_titles"]

_WHERE = {
    "load_tagger": "arnews.analyze.ner.tagger", "Tagger": "arnews.analyze.ner.tagger",
    "load_ner_tagger": "arnews.analyze.ner.backends",
    "evaluate_conll": "arnews.analyze.ner.evaluate", "read_conll": "arnews.analyze.ner.conll",
    "spans": "arnews.analyze.ner.conll", "titles": "arnews.analyze.ner.gazetteer",
    "nationalities": "arnews.analyze.ner.gazetteer", "org_heads": "arnews.analyze.ner.gazetteer",
    "strip_titles": "arnews.analyze.ner.gazetteer",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'arnews.analyze.ner' has no attribute {name!r}")
