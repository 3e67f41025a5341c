"""JSON and JSON Lines output of serialized documents."""

from __future__ import annotations

import json
from typing import Any, Iterable


def render_json(data: Any) -> str:
    """Pretty JSON, UTF-8 text kept readable (no \\u escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(items: Iterable[Any]) -> str:
    """One compact JSON object per line."""
    return "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n" for x in items)
