"""A corpus summary as Markdown (for reports, notebooks and issue trackers).

Arabic is written in logical order: Markdown viewers lay it out right to left themselves.
"""

from __future__ import annotations

from typing import Any, Iterable

from .markdown import md_escape
from .table import TYPE_LABEL

_MAX_DATE_ROWS = 31


def _cell(value: Any) -> str:
    """A table cell as literal Markdown: one line, markup and HTML escaped."""
    return md_escape("" if value is None else value, cell=True)


def _table(headers: list[str], rows: Iterable[list[Any]], right: set[int] = frozenset()) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines + [""]


def render_summary_markdown(s: dict[str, Any], *, title: str = "Corpus summary") -> str:
    """The whole summary as one Markdown document."""
    out = [f"# {title}", ""]
    out += [f"- articles: {s['articles']:,} ({s['ok']:,} ok, {s['errors']:,} errors)",
            f"- words: {s['words']:,}",
            f"- entity mentions: {s['entity_mentions']:,} ({s['distinct_entities']:,} distinct entities)",
            f"- quotes: {s['quotes']:,}"
            + (" (" + ", ".join(f"{k} {v:,}" for k, v in s["quote_types"].items()) + ")" if s.get("quote_types") else "")]
    if s.get("errors_by_type"):
        out.append("- errors by kind: " + ", ".join(f"{k} {v:,}" for k, v in s["errors_by_type"].items()))
    out.append("")
    for typ, rows in s.get("entities", {}).items():
        if not rows:
            continue
        out += [f"## Top {TYPE_LABEL.get(typ, typ)} entities ({typ})", ""]
        out += _table(["#", "name", "articles", "mentions", "roles"],
                      ([i, r["name"], r["documents"], r["mentions"], "، ".join(r["roles"])]
                       for i, r in enumerate(rows, 1)), right={0, 2, 3})
    if s.get("speakers"):
        out += ["## Top speakers", ""]
        out += _table(["speaker", "quotes", "articles", "example"],
                      ([r["name"], r["quotes"], r["documents"], (r.get("example") or {}).get("text", "")]
                       for r in s["speakers"]), right={1, 2})
    if s.get("pairs"):
        out += ["## Entities named together" + (" (approximate)" if s.get("pairs_approximate") else ""), ""]
        out += _table(["entity", "type", "entity", "type", "articles"],
                      ([p["a"]["name"], p["a"]["type"], p["b"]["name"], p["b"]["type"], p["documents"]]
                       for p in s["pairs"]), right={4})
    if s.get("sources"):
        out += ["## Articles per source", ""]
        out += _table(["source", "articles"], ([r["source"], r["articles"]] for r in s["sources"]), right={1})
    if s.get("dates"):
        if len(s["dates"]) <= _MAX_DATE_ROWS:
            out += ["## Articles per day", ""]
            out += _table(["date", "articles"], ([r["date"], r["articles"]] for r in s["dates"]), right={1})
        else:
            out += ["## Articles per month", ""]
            out += _table(["month", "articles"], ([r["month"], r["articles"]] for r in s["months"]), right={1})
    return "\n".join(out).rstrip() + "\n"
