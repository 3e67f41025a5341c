"""Build an entity gold file from annotators' parts, locating each mention in its article.

A part is JSONL, one article a line: ``{"id": "snn_0579_aljazirah", "mentions": [["surface",
"TYPE"], ...]}`` with the mentions in reading order, each the exact run of whole words as written
(rules in ``eval/ENTITIES.md``). The article text is read from
``../shared/data/news/saudinewsnet-2000/<id>.txt``. Each mention is found at word boundaries
after the previous one; a mention that cannot be found is reported, and ``--check`` only reports.

Output, one article a line: ``{"id", "text", "entities": [{"start", "end", "type", "text"}]}``
with character offsets into ``text``.

Usage (from the repository root)::

    python eval/merge_entities.py --check eval/parts-ent/dev-a.jsonl
    python eval/merge_entities.py eval/parts-ent/dev-*.jsonl --out eval/entities-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / ".." / "shared" / "data" / "news" / "saudinewsnet-2000"
TYPES = {"PERS", "LOC", "ORG", "MISC"}


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or "\u064b" <= ch <= "\u065f" or ch == "\u0640"


def _find(text: str, surface: str, pos: int) -> int:
    """First occurrence of ``surface`` at or after ``pos`` that starts and ends at word edges."""
    while True:
        i = text.find(surface, pos)
        if i < 0:
            return -1
        before = text[i - 1] if i else " "
        after = text[i + len(surface)] if i + len(surface) < len(text) else " "
        if not _is_letter(before) and not _is_letter(after):
            return i
        pos = i + 1


def locate(text: str, mentions: list) -> tuple[list[dict], list[str]]:
    """Offsets of the mentions in reading order; problems as messages."""
    out, problems, pos, used = [], [], 0, set()
    for item in mentions:
        if not (isinstance(item, list) and len(item) == 2 and item[1] in TYPES and item[0].strip()):
            problems.append(f"bad mention {item!r}")
            continue
        surface, typ = item[0].strip(), item[1]
        i = _find(text, surface, pos)
        if i < 0:  # out of order: take the first unused occurrence anywhere
            i = 0
            while True:
                i = _find(text, surface, i)
                if i < 0 or i not in used:
                    break
                i += 1
            if i < 0:
                problems.append(f"not found at word edges: {surface!r}")
                continue
            problems.append(f"out of reading order (accepted): {surface!r}")
        used.add(i)
        out.append({"start": i, "end": i + len(surface), "type": typ, "text": surface})
        pos = i + len(surface)
    out.sort(key=lambda e: (e["start"], e["end"]))
    for a, b in zip(out, out[1:]):
        if b["start"] < a["end"]:
            problems.append(f"overlapping mentions {a['text']!r} and {b['text']!r}")
    return out, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--check", action="store_true", help="only report problems")
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    args = ap.parse_args(argv)
    records, bad = [], 0
    for part in args.parts:
        for n, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = (args.articles / f"{rec['id']}.txt").read_text(encoding="utf-8")
            ents, problems = locate(text, rec.get("mentions", []))
            for p in problems:
                print(f"{part.name}:{n} {rec['id']}: {p}")
                bad += not p.startswith("out of reading order")
            records.append({"id": rec["id"], "text": text, "entities": ents})
    print(f"{len(records)} articles, {sum(len(r['entities']) for r in records)} mentions, "
          f"{bad} problems")
    if args.out and not args.check:
        with open(args.out, "w", encoding="utf-8") as f:
            for rec in sorted(records, key=lambda r: r["id"]):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
