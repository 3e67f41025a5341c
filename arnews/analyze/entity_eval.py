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

from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import EvaluationError
from .ner.evaluate import evaluate_conll, prf


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


# --- Real articles: character-offset gold (eval/entities-*.jsonl, rules in eval/ENTITIES.md) ---

def _token_span(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """First and last index of the tokens that the character span overlaps."""
    idx = [i for i, (s, e) in enumerate(bounds) if s < end and e > start]
    return (idx[0], idx[-1]) if idx else None


def _prf(hit: int, n_pred: int, n_gold: int) -> dict[str, float]:
    return {k: round(v, 4) for k, v in prf(hit, n_pred, n_gold).items()}


def score_entity_mentions(gold: Sequence[dict], predicted: Sequence[dict], *,
                          details: bool = False) -> dict[str, Any]:
    """Mention-level scores of predicted against gold articles.

    Each record is ``{"id", "text", "entities": [{"start", "end", "type"}]}`` (predictions need
    no text). Spans are compared over the whole words they touch, so a mention that leaves out a
    clitic (ليبيا in لليبيا) still matches one that keeps it. ``exact``: same words and type;
    ``overlap``: same type and at least one word in common (each gold mention matched once).
    """
    from .tokenize import tokenize

    by_id = {p["id"]: p.get("entities", []) for p in predicted}
    types = sorted({e["type"] for rec in gold for e in rec["entities"]}
                   | {e["type"] for ents in by_id.values() for e in ents})
    counts = {t: [0, 0, 0, 0] for t in types}  # exact hits, overlap hits, predicted, gold
    articles = []
    for rec in gold:
        bounds = [(t.start, t.end) for t in tokenize(rec["text"])]

        def spans(ents: Iterable[dict]) -> list[tuple[int, int, str, dict]]:
            out = []
            for e in ents:
                ts = _token_span(bounds, e["start"], e["end"])
                if ts:
                    out.append((ts[0], ts[1], e["type"], e))
            return out

        g, p = spans(rec["entities"]), spans(by_id.get(rec["id"], []))
        exact = Counter((a, b, t) for a, b, t, _ in g) & Counter((a, b, t) for a, b, t, _ in p)
        for (_a, _b, t), k in exact.items():
            counts[t][0] += k
        used: set[int] = set()
        missed = []
        for a, b, t, e in g:
            counts[t][3] += 1
            k = next((k for k, (pa, pb, pt, _) in enumerate(p)
                      if k not in used and pt == t and pa <= b and pb >= a), None)
            if k is None:
                missed.append(e)
            else:
                used.add(k)
                counts[t][1] += 1
        for k, (_, _, t, _) in enumerate(p):
            counts[t][2] += 1
        if details:
            articles.append({"id": rec["id"], "missed": missed,
                             "spurious": [p[k][3] for k in range(len(p)) if k not in used],
                             "boundary": [e for a, b, t, e in p if (a, b, t) not in exact
                                          and any(t == gt and a <= gb and b >= ga for ga, gb, gt, _ in g)]})
    total = [sum(c[i] for c in counts.values()) for i in range(4)]
    result: dict[str, Any] = {
        "articles": len(gold),
        "exact": _prf(total[0], total[2], total[3]),
        "overlap": _prf(total[1], total[2], total[3]),
        "per_type": {t: {**_prf(c[0], c[2], c[3]), "support": c[3], "overlap_f1": _prf(c[1], c[2], c[3])["f1"]}
                     for t, c in counts.items()},
        "gold": total[3], "predicted": total[2]}
    if details:
        result["per_article"] = articles
    return result


def _check_entity_gold(gold: Sequence[dict], path: str | Path) -> None:
    """Every article has a unique string id, a text, and entities with offsets that cover a
    word of it, one entity per span."""
    from .tokenize import tokenize

    if not gold:
        raise EvaluationError(f"{path}: no articles to score")
    seen: set[str] = set()
    for rec in gold:
        text, rid = rec.get("text"), rec.get("id")
        if not isinstance(text, str) or not isinstance(rec.get("entities"), list) or not isinstance(rid, str):
            raise EvaluationError(f"{path}: record {rid!r} needs a string id, a text and a list of entities")
        if rid in seen:
            raise EvaluationError(f"{path}: article id {rid!r} appears twice")
        seen.add(rid)
        bounds = [(t.start, t.end) for t in tokenize(text)]
        taken: set[tuple[int, int]] = set()
        for e in rec["entities"]:
            s, t = (e.get("start"), e.get("end")) if isinstance(e, dict) else (None, None)
            if type(s) is not int or type(t) is not int or not 0 <= s < t <= len(text) \
                    or not isinstance(e.get("type"), str) or _token_span(bounds, s, t) is None:
                raise EvaluationError(f"{path}: {rid}: bad entity {e!r}")
            if (s, t) in taken:
                raise EvaluationError(f"{path}: {rid}: two entities on {s}..{t}")
            taken.add((s, t))


def evaluate_entity_articles(gold_path: Path | str, *, predictions_path: Path | str | None = None,
                             find: Callable[[str], Sequence[Any]] | None = None,
                             details: bool = False) -> dict[str, Any]:
    """Score the entity layer on hand-annotated articles (``eval/entities-dev.jsonl``).

    Each article's text is analyzed exactly as given; ``find(text)`` returns its entities
    (default: the shipped tagger and rules). Every mention is scored with its entity's type.
    With ``predictions_path`` the predicted mentions are written there, one article a line.
    """
    from .quote_eval import read_jsonl, write_jsonl

    gold = read_jsonl(gold_path)
    _check_entity_gold(gold, gold_path)
    if find is None:
        from .entities import find_entities
        from .pipeline import analyze_text

        def find(text: str) -> Sequence[Any]:
            return find_entities(analyze_text(text, ("tokenize",)))
    predicted = []
    for rec in gold:
        ents = [{"start": m.start, "end": m.end, "type": e.type, "text": m.text, "entity": e.name}
                for e in find(rec["text"]) for m in e.mentions]
        predicted.append({"id": rec["id"], "entities": sorted(ents, key=lambda x: x["start"])})
    if predictions_path is not None:
        write_jsonl(predictions_path, predicted)
    return score_entity_mentions(gold, predicted, details=details)
