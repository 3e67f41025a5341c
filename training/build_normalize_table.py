"""Compile camel-tools' character rules into ``arnews/data/normalize_table.json``.

camel-tools builds its Unicode character sets at import time (about half a second), which
would dominate the start-up of a command-line filter. The rules arnews uses — compatibility
forms, diacritics, alef and alef-maksura, teh marbuta — are per character, so they are
computed here once with camel-tools over the Arabic blocks and shipped as a table;
``tests/test_normalize_table.py`` checks that the table still equals camel-tools' output.

    python training/build_normalize_table.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "arnews" / "data" / "normalize_table.json"

#: Code-point ranges the table covers (Arabic blocks, presentation forms, general punctuation).
RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00),
          (0x2000, 0x2070))


def compute() -> dict:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    table: dict[str, dict[str, str]] = {"unicode": {}, "alef": {}, "alef_maksura": {}, "teh_marbuta": {}}
    diacritics: list[str] = []
    for lo, hi in RANGES:
        for cp in range(lo, hi):
            c = chr(cp)
            if normalize_unicode(c) != c:
                table["unicode"][c] = normalize_unicode(c)
            if c != "\u0640" and dediac_ar(c) == "":
                diacritics.append(c)
            for name, fn in (("alef", normalize_alef_ar), ("alef_maksura", normalize_alef_maksura_ar),
                             ("teh_marbuta", normalize_teh_marbuta_ar)):
                if fn(c) != c:
                    table[name][c] = fn(c)
    return {"source": "camel-tools " + _camel_version(), "ranges": [list(r) for r in RANGES],
            "diacritics": "".join(diacritics), **table}


def _camel_version() -> str:
    from importlib.metadata import version

    return version("camel-tools")


def main() -> None:
    data = compute()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['diacritics'])} diacritics, "
          f"{len(data['unicode'])} compatibility forms")


if __name__ == "__main__":
    sys.exit(main())
