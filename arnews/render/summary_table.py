"""The terminal view of a corpus summary (the dict from :func:`arnews.batch.summary.summarize`)."""

from __future__ import annotations

from typing import Any, Callable

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .table import TYPE_LABEL, TYPE_STYLE, bidi_display

_MAX_DATE_ROWS = 31


def _table(title: str) -> Table:
    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")


def _overview(s: dict[str, Any]) -> Text:
    t = Text()
    for label, key in (("articles", "articles"), ("ok", "ok"), ("errors", "errors"), ("words", "words"),
                       ("entity mentions", "entity_mentions"), ("distinct entities", "distinct_entities"),
                       ("quotes", "quotes")):
        t.append(f"{label} ", style="dim")
        t.append(f"{s.get(key, 0):,}  ", style="bold red" if key == "errors" and s.get(key) else "bold")
    if s.get("errors_by_type"):
        t.append("\nerrors by kind ", style="dim")
        t.append(", ".join(f"{k} {v:,}" for k, v in s["errors_by_type"].items()))
    return t


def entities_tables(s: dict[str, Any], bd: Callable[[str], str]) -> list[Table]:
    out = []
    for typ, rows in s.get("entities", {}).items():
        if not rows:
            continue
        t = _table(f"Top {TYPE_LABEL.get(typ, typ)} entities ({typ})")
        t.add_column("#", justify="right", style="dim")
        t.add_column("name", justify="right", style=TYPE_STYLE.get(typ, ""))
        t.add_column("articles", justify="right")
        t.add_column("mentions", justify="right")
        t.add_column("roles", justify="right", overflow="fold")
        for i, r in enumerate(rows, 1):
            t.add_row(str(i), bd(r["name"]), f"{r['documents']:,}", f"{r['mentions']:,}", bd("، ".join(r["roles"])))
        out.append(t)
    return out


def speakers_table(s: dict[str, Any], bd: Callable[[str], str]) -> Table | Text:
    if not s.get("speakers"):
        return Text("No attributed quotes.", style="dim")
    t = _table("Top speakers")
    t.add_column("speaker", justify="right", style="bold")
    t.add_column("quotes", justify="right")
    t.add_column("articles", justify="right")
    t.add_column("example", justify="right", overflow="fold", ratio=1)
    for r in s["speakers"]:
        ex = (r.get("example") or {}).get("text") or ""
        t.add_row(bd(r["name"]), f"{r['quotes']:,}", f"{r['documents']:,}", bd(ex))
    return t


def pairs_table(s: dict[str, Any], bd: Callable[[str], str]) -> Table | Text:
    if not s.get("pairs"):
        return Text("No entity pairs.", style="dim")
    t = _table("Entities named together" + (" (approximate)" if s.get("pairs_approximate") else ""))
    t.add_column("entity", justify="right")
    t.add_column("entity", justify="right")
    t.add_column("articles", justify="right")
    for p in s["pairs"]:
        t.add_row(Text(bd(p["a"]["name"]), style=TYPE_STYLE.get(p["a"]["type"], "")),
                  Text(bd(p["b"]["name"]), style=TYPE_STYLE.get(p["b"]["type"], "")), f"{p['documents']:,}")
    return t


def counts_table(title: str, rows: list[dict[str, Any]], key: str, bd: Callable[[str], str]) -> Table:
    t = _table(title)
    t.add_column(key, justify="right")
    t.add_column("articles", justify="right")
    for r in rows:
        t.add_row(bd(str(r[key])), f"{r['articles']:,}")
    return t


def summary_report(s: dict[str, Any], *, rtl: bool = False) -> Group:
    """Every part of the summary as Rich renderables."""
    bd = bidi_display(rtl)
    parts: list[Any] = [_overview(s)]
    parts += entities_tables(s, bd)
    parts.append(speakers_table(s, bd))
    parts.append(pairs_table(s, bd))
    if s.get("sources"):
        parts.append(counts_table("Articles per source", s["sources"], "source", bd))
    if s.get("dates"):
        if len(s["dates"]) <= _MAX_DATE_ROWS:
            parts.append(counts_table("Articles per day", s["dates"], "date", bd))
        else:
            parts.append(counts_table("Articles per month", s["months"], "month", bd))
    return Group(*parts)


def print_summary(s: dict[str, Any], console: Console, *, rtl: bool | None = None) -> None:
    """Print the summary; Arabic is reordered for display only on a real terminal unless told."""
    console.print(summary_report(s, rtl=console.is_terminal if rtl is None else rtl))
