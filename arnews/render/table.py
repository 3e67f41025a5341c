"""The terminal report: Rich panels and tables built from the serialized document dict.

Terminals lay out text left to right, and most apply no bidi algorithm of their own, so Arabic
cells are reordered for display with python-bidi when it is installed (and ``rtl=True``);
otherwise text is printed in logical order, which terminals with bidi support (GNOME Terminal,
Konsole, iTerm2 with bidi on) show correctly.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

TYPE_STYLE = {"PERS": "bold cyan", "LOC": "bold green", "ORG": "bold magenta", "MISC": "bold yellow"}
TYPE_LABEL = {"PERS": "person", "LOC": "place", "ORG": "organization", "MISC": "other"}


def bidi_display(rtl: bool) -> Callable[[str], str]:
    """A function that prepares Arabic text for a terminal without bidi support."""
    if not rtl:
        return lambda s: s
    try:
        from bidi.algorithm import get_display
    except ImportError:  # python-bidi not installed: print in logical order
        return lambda s: s
    return lambda s: "\n".join(get_display(line) for line in s.split("\n"))


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def document_report(d: dict[str, Any], *, rtl: bool = False, max_quote: int = 160) -> Group:
    """The full report of one analyzed article."""
    bd = bidi_display(rtl)
    parts: list[Any] = []
    head = Text(justify="right")
    if d.get("category"):
        head.append(bd(d["category"]) + "\n", style="dim")
    head.append(bd(d.get("title") or "(no headline)"), style="bold")
    stats = d["stats"]
    src = d.get("source") or {}
    meta = Text.assemble(
        ("source ", "dim"), str(src.get("path") or src.get("id") or "-"),
        ("  format ", "dim"), str(src.get("format")), ("  encoding ", "dim"), str(src.get("encoding")),
        ("\nwords ", "dim"), f"{stats['words']:,}", ("  sentences ", "dim"), f"{stats['sentences']:,}",
        ("  tokens ", "dim"), f"{stats['tokens']:,}", ("  Arabic ", "dim"), f"{stats['arabic_ratio']:.0%}",
        ("  entities ", "dim"), str(stats["entities"]), ("  quotes ", "dim"), str(stats["quotes"]),
    )
    for k, v in (d.get("metadata") or {}).items():
        meta.append(f"\n{k} ", style="dim")
        meta.append(str(v))
    if d.get("removed"):
        meta.append("\nremoved ", style="dim")
        meta.append(", ".join(f"{r['reason']} ({len(r['text'])} chars)" for r in d["removed"]))
    parts.append(Panel(Group(head, meta), title="arnews", title_align="left", box=box.ROUNDED))
    parts.append(entities_table(d["entities"], bd))
    parts.append(quotes_table(d["quotes"], bd, max_quote=max_quote))
    return Group(*parts)


def entities_table(entities: list[dict[str, Any]], bd: Callable[[str], str] = lambda s: s) -> Table | Text:
    if not entities:
        return Text("No named entities found.", style="dim")
    t = Table(title="Entities", box=box.SIMPLE_HEAD, title_justify="left")
    t.add_column("type")
    t.add_column("name", justify="right")
    t.add_column("mentions", justify="right")
    t.add_column("as written", justify="right", overflow="fold")
    t.add_column("roles", justify="right", overflow="fold")
    order = sorted(entities, key=lambda e: (-e["count"], e["type"], e["name"]))
    for e in order:
        forms = sorted({m["text"] for m in e["mentions"]} - {e["name"]})
        t.add_row(Text(TYPE_LABEL.get(e["type"], e["type"]), style=TYPE_STYLE.get(e["type"], "")),
                  bd(e["name"]), str(e["count"]), bd("، ".join(forms)), bd("، ".join(e.get("roles", []))))
    return t


def quotes_table(quotes: list[dict[str, Any]], bd: Callable[[str], str] = lambda s: s, *,
                 max_quote: int = 160) -> Table | Text:
    """'Who said what': quotes grouped by speaker, speakers in order of first quote."""
    if not quotes:
        return Text("No attributed quotes found.", style="dim")
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        groups[(q.get("speaker") or {}).get("name") or "(no source)"].append(q)
    t = Table(title="Who said what", box=box.SIMPLE_HEAD, title_justify="left", show_lines=False)
    t.add_column("speaker", justify="right", style="bold")
    t.add_column("kind")
    t.add_column("cue", justify="right")
    t.add_column("quote", justify="right", overflow="fold", ratio=1)
    for speaker, qs in groups.items():
        for i, q in enumerate(qs):
            t.add_row(bd(speaker) if i == 0 else "", q["type"].replace("_", " "),
                      bd((q.get("cue") or {}).get("text") or ""),
                      bd(_clip(q["content"]["text"], max_quote)))
        t.add_section()
    return t


def print_report(d: dict[str, Any], console: Console, *, rtl: bool | None = None) -> None:
    """Print the report; reorder Arabic for display only on a real terminal unless told."""
    if rtl is None:
        rtl = console.is_terminal
    console.print(document_report(d, rtl=rtl))
