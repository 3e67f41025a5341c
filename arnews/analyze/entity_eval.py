"""Score the article-level entity layer (tagger plus article rules) against CoNLL gold.

``arnews evaluate ner`` scores the tagger alone on the gold tokens. What users see, though, is
the output of :func:`arnews.analyze.entities.find_entities`: the tagger's spans completed by
the article rules (quoted names, gazetteer places, organization heads, names repeated in the
article). This module measures that layer on the same gold: every ``sentences_per_article``
gold sentences are joined into one text and analyzed as an article; each mention is mapped
back to the gold tokens it overlaps, with its entity's type (the type a user sees), and the
result is scored like the tagger. The gold has no article boundaries, so consecutive sentences
stand in for an article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from ..errors import EvaluationError
from .ner.evaluate import evaluate_conll


def _article_tags(sentences: Sequence[Sequence[str]], tagger: Any) -> list[list[str]]:
    """BIO tags of the gold tokens from the entities found when ``sentences`` are one article."""
    from .entities import find_entities
    from .pipeline import analyze_text

    spans: list[tuple[int, int]] = []   # character span of every gold token, in order
    pos = 0
    for sent in sentences:
        for tok in sent:
            spans.append((pos, pos + len(tok)))
            pos += len(tok) + 1   # a space after each token, a newline after the last
    text = "\n".join(" ".join(sent) for sent in sentences)
    doc = analyze_text(text, ("tokenize",))
    tags = ["O"] * len(spans)
    mentions = sorted(((m, e.type) for e in find_entities(doc, tagger) for m in e.mentions), key=lambda x: x[0].start)
    k = 0
    for m, typ in mentions:
        while k < len(spans) and spans[k][1] <= m.start:
            k += 1
        first = True
        j = k
        while j < len(spans) and spans[j][0] < m.end:
            if tags[j] == "O":
                tags[j] = ("B-" if first else "I-") + typ
            first = False
            j += 1
    out, i = [], 0
    for sent in sentences:
        out.append(tags[i:i + len(sent)])
        i += len(sent)
    return out


def evaluate_conll_articles(gold_path: Path | str, *, sentences_per_article: int = 20,
                            types: Iterable[str] | None = None,
                            predictions_path: Path | str | None = None,
                            tagger: Any = None) -> dict[str, Any]:
    """Score the article entity layer on a CoNLL gold file (see the module docstring).

    Returns :func:`arnews.analyze.ner.evaluate.score`'s result plus ``sentences_per_article``.
    """
    if sentences_per_article < 1:
        raise EvaluationError("sentences per article must be at least 1")

    def predict(tokens: list[list[str]], tagger: Any) -> list[list[str]]:
        predicted: list[list[str]] = []
        for i in range(0, len(tokens), sentences_per_article):
            predicted += _article_tags(tokens[i:i + sentences_per_article], tagger)
        return predicted

    result = evaluate_conll(gold_path, types=types, predictions_path=predictions_path, tagger=tagger,
                            predict=predict)
    result["sentences_per_article"] = sentences_per_article
    return result
