"""Scoring of attributed quotes, exactly as ``../shared/spec/QUOTES.md`` defines it.

A predicted quote matches a gold quote of the same article when their content spans overlap
by at least half of the longer span; pairs are taken greedily by overlap, each quote at most
once. Reported: precision/recall/F1 of that matching, exact-boundary F1 (both offsets equal
after trimming white space and punctuation), speaker accuracy and type accuracy over the
matched pairs. Speakers are compared after normalization (diacritics and tatweel removed,
alef/hamza forms, ى/ي and ة/ه unified, a leading و/ف clitic stripped, white space collapsed;
:func:`same_speaker`).

Command line::

    python -m arnews.analyze.quote_eval eval/quotes-dev.jsonl [--predictions P.jsonl] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

from arnews.errors import EvaluationError

_DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")
_SPEAKER_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي",
                                "ى": "ي", "ة": "ه"})


def normalize_speaker(name: str | None) -> str | None:
    """The spec's speaker normalization except the clitic rule (see :func:`same_speaker`):
    diacritics and tatweel removed, alef/hamza forms, ى/ي and ة/ه unified, white space
    collapsed. None stays None."""
    if name is None:
        return None
    return " ".join(_DIAC.sub("", name).translate(_SPEAKER_TABLE).split())


def same_speaker(a: str | None, b: str | None) -> bool:
    """Speaker equality per the spec, a leading و/ف clitic stripped. Whether an initial و/ف is
    a clitic cannot be told from one string (فتحي begins with ف), so the names are equal when
    they are equal with the clitic stripped from either, both or neither of them."""
    na, nb = normalize_speaker(a), normalize_speaker(b)
    if na is None or nb is None:
        return na is nb
    va = {na} | ({na[1:]} if len(na) > 2 and na[0] in "وف" else set())
    vb = {nb} | ({nb[1:]} if len(nb) > 2 and nb[0] in "وف" else set())
    return bool(va & vb)


def _is_trim(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def trim_span(text: str | None, start: int, end: int) -> tuple[int, int]:
    """The span without leading/trailing white space and punctuation (needs the text)."""
    if text is None:
        return start, end
    while start < end and _is_trim(text[start]):
        start += 1
    while end > start and _is_trim(text[end - 1]):
        end -= 1
    return start, end


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = g["content_start"], g["content_end"]
        for pi, p in enumerate(pred):
            ps, pe = p["content_start"], p["content_end"]
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0 and ov >= 0.5 * max(ge - gs, pe - ps):
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, ov))
    return out


def _prf(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = hit / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_quotes(gold: list[dict], predicted: list[dict], *, details: bool = False) -> dict[str, Any]:
    """Score predicted against gold articles (matched by ``id``; missing predictions = none).

    Each gold article is ``{"id", "text"?, "quotes": [...]}``, each prediction ``{"id",
    "quotes": [...]}`` with quotes ``{"type", "content_start", "content_end", "speaker", ...}``.
    """
    by_id = {}
    for rec in predicted:
        if "id" not in rec:
            raise EvaluationError("a prediction record has no 'id'")
        by_id[rec["id"]] = rec.get("quotes", [])
    n_gold = n_pred = matched = exact = spk = typ = 0
    per_article = []
    for art in gold:
        if "id" not in art or "quotes" not in art:
            raise EvaluationError("a gold record lacks 'id' or 'quotes'")
        gq, pq = art["quotes"], by_id.get(art["id"], [])
        text = art.get("text")
        pairs = _match(gq, pq)
        n_gold += len(gq)
        n_pred += len(pq)
        matched += len(pairs)
        for gi, pi, _ in pairs:
            g, p = gq[gi], pq[pi]
            if trim_span(text, g["content_start"], g["content_end"]) == \
                    trim_span(text, p["content_start"], p["content_end"]):
                exact += 1
            if same_speaker(g.get("speaker"), p.get("speaker")):
                spk += 1
            if g.get("type") == p.get("type"):
                typ += 1
        if details:
            mg = {gi for gi, _, _ in pairs}
            mp = {pi for _, pi, _ in pairs}
            per_article.append({
                "id": art["id"],
                "missed": [gq[i] for i in range(len(gq)) if i not in mg],
                "spurious": [pq[i] for i in range(len(pq)) if i not in mp],
                "matched": [(gq[gi], pq[pi]) for gi, pi, _ in pairs],
            })
    p, r, f = _prf(matched, n_pred, n_gold)
    ep, er, ef = _prf(exact, n_pred, n_gold)
    out: dict[str, Any] = {
        "quotes": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                   "gold": n_gold, "predicted": n_pred, "matched": matched},
        "exact_f1": round(ef, 4),
        "speaker_accuracy": round(spk / matched, 4) if matched else 0.0,
        "type_accuracy": round(typ / matched, 4) if matched else 0.0,
        "articles": len(gold),
    }
    if details:
        out["per_article"] = per_article
    return out


def read_jsonl(path: str | Path) -> list[dict]:
    """Records of a JSON Lines file (blank lines skipped); malformed lines raise EvaluationError."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"cannot read {p}: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{p}:{n}: not JSON: {exc}") from exc
        if not isinstance(rec, dict):
            raise EvaluationError(f"{p}:{n}: a record must be a JSON object")
        out.append(rec)
    return out


def write_jsonl(path: str | Path, records: Iterable[dict]) -> None:
    """Write ``records`` as JSON Lines; a path that cannot be written raises EvaluationError."""
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise EvaluationError(f"cannot write predictions to {path}: {exc}") from exc


def _check_gold(gold: list[dict], path: str | Path) -> None:
    if not gold:
        raise EvaluationError(f"{path}: no articles to score")
    for rec in gold:
        text = rec.get("text")
        if not isinstance(text, str) or not isinstance(rec.get("quotes"), list) or "id" not in rec:
            raise EvaluationError(f"{path}: record {rec.get('id')!r} needs id, text and quotes")
        for q in rec["quotes"]:
            s, e = q.get("content_start"), q.get("content_end")
            if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
                raise EvaluationError(f"{path}: {rec['id']}: bad offsets {s}..{e}")


def quotes_to_records(quotes) -> list[dict]:
    """Quote objects as scorer records (speaker as a name string)."""
    return [{"type": q.type, "content_start": q.start, "content_end": q.end,
             "speaker": q.speaker.name if q.speaker else None, "cue": q.cue,
             "content": q.text} for q in quotes]


def evaluate_quotes(gold_path: str | Path, *, predictions_path: str | Path | None = None,
                    extract: Callable[[str], list] | None = None, details: bool = False,
                    from_predictions: str | Path | None = None) -> dict[str, Any]:
    """Score the extractor (or a saved predictions file) on a gold JSONL file.

    Each gold article's ``text`` is analyzed exactly as given with ``extract`` (default
    :func:`arnews.analyze.quotes.extract_quotes`) and, with ``predictions_path``, the predictions
    are written there (one line per article); ``from_predictions`` scores a saved file instead.
    """
    gold = read_jsonl(gold_path)
    _check_gold(gold, gold_path)
    if from_predictions is not None:
        predicted = read_jsonl(from_predictions)
    else:
        if extract is None:
            from arnews.analyze.quotes import extract_quotes as extract
        predicted = [{"id": rec["id"], "quotes": quotes_to_records(extract(rec["text"]))} for rec in gold]
        if predictions_path is not None:
            write_jsonl(predictions_path, predicted)
    return score_quotes(gold, predicted, details=details)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score attributed quotes against a gold JSONL file.")
    ap.add_argument("gold")
    ap.add_argument("--predictions", help="write the predictions (JSONL of {id, quotes:[...]}) here")
    ap.add_argument("--from-predictions", help="score this predictions file instead of running the extractor")
    ap.add_argument("--errors", action="store_true", help="print missed/spurious/wrong-speaker quotes")
    args = ap.parse_args(argv)
    res = evaluate_quotes(args.gold, predictions_path=args.predictions, details=args.errors,
                          from_predictions=args.from_predictions)
    if args.errors:
        gold = {r["id"]: r["text"] for r in read_jsonl(args.gold)}
        for art in res.pop("per_article"):
            text = gold[art["id"]]
            for q in art["missed"]:
                print(f"MISS {art['id']} {q['type']} [{q.get('speaker')}] {text[q['content_start']:q['content_end']][:90]!r}")
            for q in art["spurious"]:
                print(f"SPUR {art['id']} {q['type']} [{q.get('speaker')}] {text[q['content_start']:q['content_end']][:90]!r}")
            for g, p in art["matched"]:
                if not same_speaker(g.get("speaker"), p.get("speaker")):
                    print(f"SPKR {art['id']} gold={g.get('speaker')!r} pred={p.get('speaker')!r} "
                          f"{text[g['content_start']:g['content_end']][:50]!r}")
                elif trim_span(text, g["content_start"], g["content_end"]) != \
                        trim_span(text, p["content_start"], p["content_end"]):
                    print(f"BNDR {art['id']} gold={text[g['content_start']:g['content_end']][-40:]!r} "
                          f"pred={text[p['content_start']:p['content_end']][-40:]!r} "
                          f"gs={g['content_start']} ps={p['content_start']}")
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
