"""Merge the annotators' parts into ``eval/quotes-dev.jsonl`` and check every record.

One convention is applied across parts: when an indirect quote's whole clause is inside
quotation marks (قال إن «...»), the content excludes the enclosing marks (as for direct quotes).
Run from the repository root: ``python eval/merge_parts.py`` (dev set), or
``python eval/merge_parts.py --parts eval/parts-test --out eval/quotes-test.jsonl`` (the
held-out test set).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = {"«": "»", "“": "”", '"': '"', "”": "“"}


def main() -> None:
    ap = argparse.ArgumentParser(description="Merge annotated quote parts into one gold file.")
    ap.add_argument("--parts", type=Path, default=ROOT / "eval" / "parts")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "quotes-dev.jsonl")
    args = ap.parse_args()
    out = []
    for part in sorted(args.parts.glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            for q in rec["quotes"]:
                s, e = q["content_start"], q["content_end"]
                c = text[s:e]
                if q["type"] == "indirect" and len(c) > 2 and c[0] in PAIRS and c[-1] == PAIRS[c[0]] \
                        and PAIRS[c[0]] not in c[1:-1]:
                    s, e = s + 1, e - 1
                    while text[s].isspace():
                        s += 1
                    while text[e - 1].isspace():
                        e -= 1
                q["content_start"], q["content_end"], q["content"] = s, e, text[s:e]
                assert text[s:e] == q["content"] and q["content"] == q["content"].strip(), (rec["id"], q)
                assert q["type"] in ("direct", "indirect", "according_to"), q
            out.append(rec)
    ids = [r["id"] for r in out]
    assert len(ids) == len(set(ids)), "duplicate ids"
    dest = args.out.resolve()
    dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    n = sum(len(r["quotes"]) for r in out)
    shown = dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest
    print(f"{len(out)} articles, {n} quotes -> {shown}")


if __name__ == "__main__":
    main()
