"""Corpus-level summary of batch records, and CSV tables for pandas and spreadsheets.

:func:`summarize` reads records once (a stream: millions of records need no more memory than the
distinct entities, speakers and pairs) and returns plain data:

* counts: articles, ok, errors (by kind, with examples), words, sentences, entity mentions, quotes;
* ``entities``: per type, the top entities by document frequency, merged across articles by
  their normalized canonical name (diacritics, tatweel, alef/ya forms and spacing unified), each
  with document frequency, mention count, the most common spelling and its most common roles;
* ``speakers``: top speakers by quote count, merged the same way (a speaker linked to an entity
  is named by that entity), with an example quote each;
* ``pairs``: the most frequent entity pairs in the same article (document co-occurrence);
* ``sources`` and ``dates``: articles per source and per day (and month) when records carry them.

Pair counts are exact unless more than ``max_pairs`` distinct pairs are seen; then pairs seen in
only one article are dropped as they appear (``pairs_approximate`` is true and counts are lower
bounds for the rarest pairs). Per article, pairs are formed among its 30 most mentioned entities.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..model import ENTITY_TYPES

SUMMARY_VERSION = "1.0"
_PAIR_ENTITIES = 30
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EDGE = "\"'“”«»()[]{}،,.:;؛!?؟-–—… \t\n"


def entity_key(name: str) -> str:
    """The merge key of an entity or speaker name: normalized letters, single spaces."""
    from ..analyze.normalize import normalize_text

    return " ".join(normalize_text(name).casefold().split()).strip(_EDGE)


class RecordFile:
    """Iterate the records of a batch output (``.jsonl`` or ``.jsonl.gz``), skipping lines that
    are not JSON objects (a torn last line); ``malformed`` counts them."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.malformed = 0

    def _open(self) -> IO[bytes]:
        return gzip.open(self.path, "rb") if self.path.name.endswith(".gz") else open(self.path, "rb")

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self.malformed = 0
        with self._open() as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    self.malformed += 1
                    continue
                if isinstance(rec, dict):
                    yield rec
                else:
                    self.malformed += 1


def is_ok(rec: dict[str, Any]) -> bool:
    """Whether a record is an analyzed article (``status`` ok, or a plain ``analyze`` document)."""
    return rec.get("status", "ok") == "ok" and isinstance(rec.get("stats"), dict)


def record_date(meta: dict[str, Any]) -> str | None:
    """``YYYY-MM-DD`` from the record's ``date``/``date_extracted`` metadata, if it has one."""
    for k in ("date", "date_extracted", "published", "published_at"):
        m = _DATE_RE.search(str(meta.get(k) or ""))
        if m:
            return "-".join(m.groups())
    return None


@dataclass
class _Agg:
    documents: int = 0
    mentions: int = 0
    names: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)


@dataclass
class _Speaker:
    quotes: int = 0
    documents: int = 0
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    example: dict[str, Any] | None = None
    example_fit: bool = False


def _example_fits(text: str) -> bool:
    return 30 <= len(text) <= 240


def _clip(text: str, n: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def speaker_name(quote: dict[str, Any], entities: dict[str, dict[str, Any]]) -> str | None:
    """The name a quote's speaker is counted under: its linked entity's name, else its own."""
    sp = quote.get("speaker") or {}
    ent = entities.get(sp.get("entity") or "")
    name = (ent or {}).get("name") or sp.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


class Summarizer:
    """Accumulates records one by one (``add``) and reports (``result``)."""

    def __init__(self, *, top: int = 20, max_pairs: int = 2_000_000) -> None:
        self.top = top
        self.max_pairs = max_pairs
        self.counts: Counter = Counter()
        self.error_types: Counter = Counter()
        self.error_examples: list[dict[str, Any]] = []
        self.entities: dict[tuple[str, str], _Agg] = defaultdict(_Agg)
        self.speakers: dict[str, _Speaker] = defaultdict(_Speaker)
        self.pairs: Counter = Counter()
        self.pairs_approximate = False
        self.sources: Counter = Counter()
        self.dates: Counter = Counter()
        self.quote_types: Counter = Counter()

    def add(self, rec: dict[str, Any]) -> None:
        self.counts["articles"] += 1
        if not is_ok(rec):
            self.counts["errors"] += 1
            self.error_types[str(rec.get("error_type") or "error")] += 1
            if len(self.error_examples) < 10:
                self.error_examples.append({"id": rec.get("id"), "error": rec.get("error")})
            return
        self.counts["ok"] += 1
        stats = rec["stats"]
        for k in ("words", "sentences"):
            self.counts[k] += int(stats.get(k) or 0)
        meta = rec.get("metadata") or {}
        if meta.get("source"):
            self.sources[str(meta["source"])] += 1
        day = record_date(meta)
        if day:
            self.dates[day] += 1
        self._add_entities(rec)
        self._add_quotes(rec)

    def _add_entities(self, rec: dict[str, Any]) -> None:
        per_doc: dict[tuple[str, str], int] = {}
        for ent in rec.get("entities") or ():
            name = ent.get("name") or ""
            key = (str(ent.get("type")), entity_key(name))
            if not key[1]:
                continue
            n = int(ent.get("count") or len(ent.get("mentions") or ()) or 1)
            agg = self.entities[key]
            agg.mentions += n
            agg.names[name] += 1
            agg.roles.update(set(ent.get("roles") or ()))
            self.counts["mentions"] += n
            per_doc[key] = per_doc.get(key, 0) + n
        for key in per_doc:
            self.entities[key].documents += 1
        keys = sorted(sorted(per_doc, key=lambda k: -per_doc[k])[:_PAIR_ENTITIES])
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                self.pairs[(a, b)] += 1
        if len(self.pairs) > self.max_pairs:
            self.pairs = Counter({k: v for k, v in self.pairs.items() if v > 1})
            self.pairs_approximate = True

    def _add_quotes(self, rec: dict[str, Any]) -> None:
        entities = {e.get("id"): e for e in rec.get("entities") or () if e.get("id")}
        seen: set[str] = set()
        for q in rec.get("quotes") or ():
            self.counts["quotes"] += 1
            self.quote_types[str(q.get("type"))] += 1
            name = speaker_name(q, entities)
            if name is None:
                self.counts["quotes_without_speaker"] += 1
                continue
            key = entity_key(name)
            sp = self.speakers[key]
            sp.quotes += 1
            sp.names[name] += 1
            sp.types[str(q.get("type"))] += 1
            if key not in seen:
                seen.add(key)
                sp.documents += 1
            text = ((q.get("content") or {}).get("text") or "").strip()
            if text and (sp.example is None or (not sp.example_fit and _example_fits(text))):
                sp.example = {"id": rec.get("id"), "type": q.get("type"), "text": _clip(text)}
                sp.example_fit = _example_fits(text)

    def _entity_row(self, key: tuple[str, str], agg: _Agg) -> dict[str, Any]:
        return {"name": agg.names.most_common(1)[0][0], "key": key[1], "type": key[0],
                "documents": agg.documents, "mentions": agg.mentions,
                "roles": [r for r, _ in agg.roles.most_common(3)]}

    def result(self) -> dict[str, Any]:
        by_type: dict[str, list] = {t: [] for t in ENTITY_TYPES}
        for key, agg in self.entities.items():
            by_type.setdefault(key[0], []).append((key, agg))
        entities = {t: [self._entity_row(k, a) for k, a in
                        sorted(rows, key=lambda r: (-r[1].documents, -r[1].mentions, r[0][1]))[: self.top]]
                    for t, rows in by_type.items()}
        speakers = [{"name": sp.names.most_common(1)[0][0], "key": key, "quotes": sp.quotes,
                     "documents": sp.documents, "types": dict(sp.types), "example": sp.example}
                    for key, sp in sorted(self.speakers.items(), key=lambda kv: (-kv[1].quotes, kv[0]))[: self.top]]

        def label(k: tuple[str, str]) -> dict[str, str]:
            agg = self.entities.get(k)
            return {"name": agg.names.most_common(1)[0][0] if agg else k[1], "type": k[0], "key": k[1]}

        pairs = [{"a": label(a), "b": label(b), "documents": n}
                 for (a, b), n in sorted(self.pairs.items(), key=lambda kv: (-kv[1], kv[0]))[: self.top]]
        months: Counter = Counter()
        for day, n in self.dates.items():
            months[day[:7]] += n
        c = self.counts
        return {
            "summary_version": SUMMARY_VERSION,
            "articles": c["articles"], "ok": c["ok"], "errors": c["errors"],
            "words": c["words"], "sentences": c["sentences"],
            "entity_mentions": c["mentions"], "distinct_entities": len(self.entities),
            "quotes": c["quotes"], "quotes_without_speaker": c["quotes_without_speaker"],
            "quote_types": dict(self.quote_types),
            "errors_by_type": dict(self.error_types.most_common()),
            "error_examples": self.error_examples,
            "entities": entities,
            "speakers": speakers,
            "pairs": pairs, "pairs_approximate": self.pairs_approximate,
            "sources": [{"source": s, "articles": n} for s, n in sorted(self.sources.items(), key=lambda kv: (-kv[1], kv[0]))],
            "dates": [{"date": d, "articles": n} for d, n in sorted(self.dates.items())],
            "months": [{"month": m, "articles": n} for m, n in sorted(months.items())],
        }


def summarize(records: Iterable[dict[str, Any]], *, top: int = 20, max_pairs: int = 2_000_000) -> dict[str, Any]:
    """The corpus summary of batch records (see the module docstring for its parts)."""
    s = Summarizer(top=top, max_pairs=max_pairs)
    for rec in records:
        s.add(rec)
    return s.result()


# --------------------------------------------------------------------------------- CSV

CSV_COLUMNS = {
    "articles.csv": ["id", "status", "error", "error_type", "title", "path", "record_id", "source", "date",
                     "url", "author", "category", "words", "sentences", "entities", "quotes"],
    "entities.csv": ["article_id", "entity_id", "type", "name", "key", "mentions", "roles"],
    "mentions.csv": ["article_id", "entity_id", "type", "text", "start", "end", "sentence"],
    "quotes.csv": ["article_id", "quote", "type", "text", "speaker", "speaker_key", "speaker_entity",
                   "cue", "cue_lemma", "start", "end", "sentence"],
}


def _article_row(rec: dict[str, Any]) -> dict[str, Any]:
    src = rec.get("source") or {}
    meta = rec.get("metadata") or {}
    stats = rec.get("stats") or {}
    return {"id": rec.get("id"), "status": rec.get("status", "ok"), "error": rec.get("error"),
            "error_type": rec.get("error_type"), "title": rec.get("title"), "path": src.get("path"),
            "record_id": src.get("id"), "source": meta.get("source"), "date": record_date(meta),
            "url": meta.get("url"), "author": meta.get("author"), "category": rec.get("category"),
            "words": stats.get("words"), "sentences": stats.get("sentences"),
            "entities": stats.get("entities"), "quotes": stats.get("quotes")}


def write_csv_dir(records: Iterable[dict[str, Any]], directory: str | Path) -> dict[str, int]:
    """Write ``articles.csv``, ``entities.csv``, ``mentions.csv`` and ``quotes.csv`` (one row per
    article, entity, mention, quote; UTF-8 with a byte-order mark so spreadsheets show Arabic)
    into ``directory``; returns the number of rows per file."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    files = {name: open(d / name, "w", encoding="utf-8-sig", newline="") for name in CSV_COLUMNS}
    rows = dict.fromkeys(CSV_COLUMNS, 0)
    try:
        writers = {name: csv.DictWriter(f, fieldnames=CSV_COLUMNS[name], extrasaction="ignore")
                   for name, f in files.items()}
        for w in writers.values():
            w.writeheader()

        def put(name: str, row: dict[str, Any]) -> None:
            writers[name].writerow(row)
            rows[name] += 1

        for rec in records:
            aid = rec.get("id")
            put("articles.csv", _article_row(rec))
            if not is_ok(rec):
                continue
            ents = {e.get("id"): e for e in rec.get("entities") or ()}
            for e in rec.get("entities") or ():
                put("entities.csv", {"article_id": aid, "entity_id": e.get("id"), "type": e.get("type"),
                                     "name": e.get("name"), "key": entity_key(e.get("name") or ""),
                                     "mentions": e.get("count"), "roles": "; ".join(e.get("roles") or ())})
                for m in e.get("mentions") or ():
                    put("mentions.csv", {"article_id": aid, "entity_id": e.get("id"), **m})
            for i, q in enumerate(rec.get("quotes") or (), 1):
                content = q.get("content") or {}
                cue = q.get("cue") or {}
                name = speaker_name(q, ents)
                put("quotes.csv", {"article_id": aid, "quote": i, "type": q.get("type"),
                                   "text": content.get("text"), "speaker": name,
                                   "speaker_key": entity_key(name) if name else None,
                                   "speaker_entity": (q.get("speaker") or {}).get("entity"),
                                   "cue": cue.get("text"), "cue_lemma": cue.get("lemma"),
                                   "start": content.get("start"), "end": content.get("end"),
                                   "sentence": q.get("sentence")})
    finally:
        for f in files.values():
            f.close()
    return rows
