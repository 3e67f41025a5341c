"""Markdown reports (``--format md``): one article, or its entities or its quotes.

Markdown is for pasting into notes, tickets and wikis, so the reports use only CommonMark and
GFM tables, no raw HTML. Article text is escaped (:func:`md_escape`): characters that Markdown
would read as markup (``* _ [ ] < > | # ` ~ ! &`` and list or heading markers at the start of a
line) get a backslash, so ``<script>`` or ``[x](javascript:…)`` in an article stays text; bidi
embedding/override/isolate controls and other control characters are spelled out as
``[U+202E]`` so they cannot reorder what the reader sees.

Markdown has no direction of its own: viewers such as GitHub set each paragraph's direction from
its first strong letter, so Arabic paragraphs read right to left; tables keep their columns in
source order, the name first.
"""

from __future__ import annotations

import re
from typing import Any

from .html import QUOTE_AR, TYPE_AR, group_quotes, paragraphs

_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_INLINE_RE = re.compile(r"([\\`*_\[\]<>|#~!&])")
_LINE_START_RE = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)


def md_escape(text: Any, *, cell: bool = False) -> str:
    """``text`` as literal Markdown; ``cell=True`` also keeps it on one line (for tables)."""
    s = _CONTROL_RE.sub(lambda m: f"[U+{ord(m.group()):04X}]", str(text))
    s = _INLINE_RE.sub(r"\\\1", s)
    if cell:
        s = " ".join(s.split())
    return _LINE_START_RE.sub(_escape_line_start, s)


def _escape_line_start(m: re.Match) -> str:
    """``- x`` → ``\\- x``; ``1. x`` → ``1\\. x`` (a list or heading marker kept as text)."""
    if m.group(2)[0].isdigit():
        return m.group(1) + m.group(2) + "\\"
    return m.group(1) + "\\" + m.group(2)


def _type(t: Any) -> str:
    return f"{TYPE_AR.get(str(t), md_escape(t, cell=True))} ({md_escape(t, cell=True)})"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _article_text(d: dict[str, Any]) -> str:
    """The body, one Markdown paragraph per paragraph, entity mentions in bold."""
    text = d.get("text") or ""
    title = d.get("title") or ""
    start = len(title) if title and text.startswith(title) else 0
    marks = sorted((m["start"], m["end"]) for e in d.get("entities") or [] for m in e.get("mentions") or []
                   if isinstance(m.get("start"), int) and isinstance(m.get("end"), int))
    out = []
    for a, b in paragraphs(text, start, len(text)):
        parts, pos = [], a
        for s, e in marks:
            s, e = max(s, a, pos), min(e, b)
            if s >= e:
                continue
            parts.append(md_escape(text[pos:s]))
            parts.append("**" + md_escape(text[s:e]) + "**")
            pos = e
        parts.append(md_escape(text[pos:b]))
        out.append("".join(parts).replace("\n", "  \n"))
    return "\n\n".join(out)


def entities_section(d: dict[str, Any], level: int = 2) -> str:
    """The entity table: name, type, mentions, roles, spellings in the text."""
    head = "#" * level + " الكيانات (Entities)"
    entities = sorted(d.get("entities") or [],
                      key=lambda e: (-int(e.get("count") or len(e.get("mentions") or [])), str(e.get("name"))))
    if not entities:
        return head + "\n\nلم يُعثر على كيانات مسمّاة."
    rows = []
    for e in entities:
        name = str(e.get("name", ""))
        forms = sorted({str(m.get("text")) for m in e.get("mentions") or []} - {name})
        rows.append([md_escape(name, cell=True), _type(e.get("type")),
                     str(int(e.get("count") or len(e.get("mentions") or []))),
                     md_escape("، ".join(str(r) for r in e.get("roles") or []), cell=True),
                     md_escape("، ".join(forms), cell=True)])
    return head + "\n\n" + _table(["الاسم", "النوع", "الإشارات", "الأدوار", "الصيغ في النص"], rows)


def quotes_section(d: dict[str, Any], level: int = 2) -> str:
    """'Who said what': one subsection per speaker, each quote as a block quote."""
    head = "#" * level + " من قال ماذا (Who said what)"
    quotes = d.get("quotes") or []
    if not quotes:
        return head + "\n\nلم يُعثر على اقتباسات منسوبة."
    etype = {str(e.get("id")): e.get("type") for e in d.get("entities") or []}
    parts = [head]
    for name, ent, items in group_quotes(quotes):
        kind = f" — {_type(etype[str(ent)])}" if ent and str(ent) in etype else ""
        parts.append("#" * (level + 1) + f" {md_escape(name, cell=True)}{kind}")
        for _, q in items:
            typ = str(q.get("type"))
            cue = (q.get("cue") or {}).get("text")
            text = md_escape((q.get("content") or {}).get("text", ""), cell=True)
            meta = md_escape(QUOTE_AR.get(typ, typ), cell=True)
            if cue:
                meta += f"، أداة الإسناد: «{md_escape(cue, cell=True)}»"
            parts.append(f"> {text}\n>\n> — _{meta}_")
    return "\n\n".join(parts)


def _metadata(d: dict[str, Any]) -> str:
    src = d.get("source") or {}
    items = []
    if d.get("category"):
        items.append(("التصنيف", d["category"]))
    for label, key in (("المصدر", "path"), ("المعرّف", "id"), ("الصيغة", "format"), ("الترميز", "encoding")):
        if src.get(key):
            items.append((label, src[key]))
    items += list((d.get("metadata") or {}).items())
    stats = d.get("stats") or {}
    counts = "، ".join(f"{label} {stats[k]:,}" for k, label in
                       (("words", "الكلمات"), ("sentences", "الجمل"), ("entities", "الكيانات"),
                        ("quotes", "الاقتباسات")) if isinstance(stats.get(k), int))
    lines = [f"- **{md_escape(k, cell=True)}:** {md_escape(v, cell=True)}" for k, v in items]
    if counts:
        lines.append(f"- **الإحصاءات:** {counts}")
    return "\n".join(lines)


def render_markdown(d: dict[str, Any]) -> str:
    """The Markdown report of one serialized document (``arnews analyze --format md``)."""
    title = md_escape(d.get("title") or "(بلا عنوان)", cell=True)
    parts = [f"# {title}", _metadata(d), "## النص (Article)", _article_text(d) or "_(لا نص)_",
             entities_section(d), quotes_section(d)]
    return "\n\n".join(p for p in parts if p) + "\n"


def entities_markdown(d: dict[str, Any]) -> str:
    """``arnews entities --format md``: the headline and the entity table."""
    return f"# {md_escape(d.get('title') or '(بلا عنوان)', cell=True)}\n\n{entities_section(d)}\n"


def quotes_markdown(d: dict[str, Any]) -> str:
    """``arnews quotes --format md``: the headline and who said what."""
    return f"# {md_escape(d.get('title') or '(بلا عنوان)', cell=True)}\n\n{quotes_section(d)}\n"
