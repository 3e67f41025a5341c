"""Small inline SVG charts for the HTML reports: bars, a timeline and a two-column network.

Each function returns one ``<svg>`` element as text, sized in CSS pixels, with every label
escaped. The charts are drawn for a right-to-left page: bar labels stand on the right and bars
grow to the left, the timeline runs from the oldest period on the right to the newest on the
left, and a network's sources (speakers) stand on the right. Text direction is set on each
``<text>`` element, so the charts look the same whatever the page around them says.
"""

from __future__ import annotations

import html as _html
import math
import re
from typing import Sequence

FONT = "'Noto Sans Arabic','Noto Naskh Arabic','Segoe UI',Tahoma,'DejaVu Sans',sans-serif"
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _esc(s: object) -> str:
    return _CONTROL_RE.sub(lambda m: f"[U+{ord(m.group()):04X}]", _html.escape(str(s), quote=True))


def clip(s: object, n: int) -> str:
    """``s`` on one line, at most ``n`` characters (an ellipsis marks a cut)."""
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def text(x: float, y: float, s: object, *, side: str = "right", rtl: bool = True, size: float = 13,
         fill: str = "#1f2328", weight: str | None = None, title: str | None = None) -> str:
    """A label whose ``side`` (right, left or middle) is at ``x``; ``rtl`` sets its direction."""
    anchor = {"middle": "middle", "right": "start" if rtl else "end", "left": "end" if rtl else "start"}[side]
    attrs = (f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" direction="{"rtl" if rtl else "ltr"}" '
             f'font-size="{size}" fill="{fill}"')
    if weight:
        attrs += f' font-weight="{weight}"'
    tip = f"<title>{_esc(title)}</title>" if title else ""
    return f"<text {attrs}>{tip}{_esc(s)}</text>"


def _svg(width: float, height: float, body: str, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{_esc(label)}" '
            f'font-family="{FONT}" style="max-width:100%;height:auto">{body}</svg>')


def bar_chart(rows: Sequence[tuple[str, float, str]], *, label: str, color: str = "#8fb8de",
              ink: str = "#1f2328", width: int = 440, label_width: int = 170, row_height: int = 24,
              max_value: float | None = None) -> str:
    """Horizontal bars: ``rows`` are (label, value, note); the label stands on the right, the
    bar grows leftwards and the note (usually the value, formatted) follows its end."""
    if not rows:
        return ""
    top = max_value or max(v for _, v, _ in rows) or 1
    note_space = 48
    span = width - label_width - note_space - 8
    x0 = width - label_width
    parts = []
    for i, (name, value, note) in enumerate(rows):
        y = i * row_height
        w = max(2.0, span * value / top)
        parts.append(f'<g><title>{_esc(name)}: {_esc(note)}</title>'
                     f'<rect x="{x0 - w:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_height - 10}" rx="2" '
                     f'fill="{color}"/>'
                     + text(width - 2, y + row_height / 2 + 4.5, clip(name, 26), fill=ink)
                     + text(x0 - w - 6, y + row_height / 2 + 4.5, note, side="right", rtl=False, size=12,
                            fill="#59636e")
                     + "</g>")
    return _svg(width, len(rows) * row_height + 4, "".join(parts), label)


def nice_ticks(vmax: float, most: int = 6) -> list[float]:
    """Round axis values from 0 to at least ``vmax``: steps of 1, 2 or 5 times a power of ten."""
    if vmax <= 0:
        return [0.0, 1.0]
    raw = vmax / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if step < 1 and vmax >= 1:
        step = 1.0
    count = math.ceil(vmax / step - 1e-9)
    return [k * step for k in range(count + 1)]


def timeline(periods: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]], *, label: str,
             width: int = 900, height: int = 260) -> str:
    """Lines over time, oldest period on the right. ``series`` are (name, colour, values per
    period); a legend lists the names. With one period, points stand alone."""
    if not periods or not series:
        return ""
    left, right, top_pad, bottom = 16, 48, 12, 52
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    ticks_y = nice_ticks(max((max(vals) for _, _, vals in series if vals), default=0))
    vmax = ticks_y[-1]
    n = len(periods)

    def px(i: int) -> float:  # oldest (i = 0) on the right
        return left + plot_w - (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top_pad + plot_h - plot_h * v / vmax

    parts = []
    for v in ticks_y:
        y = py(v)
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e6eaef"/>')
        parts.append(text(left + plot_w + 6, y + 4, f"{v:,.0f}" if v == int(v) else f"{v:g}",
                          side="left", rtl=False, size=11, fill="#59636e"))
    label_px = 78  # room for one YYYY-MM-DD label
    step = max(1, -(-n * label_px // max(plot_w, 1)))
    ticks = list(range(0, n, step))
    if ticks[-1] != n - 1:
        if len(ticks) > 1 and abs(px(ticks[-1]) - px(n - 1)) < label_px:
            ticks.pop()
        ticks.append(n - 1)
    for i in ticks:  # the end labels are anchored inside the plot so that they are not cut
        side = "right" if i == 0 and n > 1 else "left" if i == n - 1 and n > 1 else "middle"
        parts.append(text(px(i), top_pad + plot_h + 16, periods[i], side=side, rtl=False, size=11, fill="#59636e"))
    for name, color, vals in series:
        pts = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(vals))
        if n > 1:
            parts.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2.2" '
                         f'stroke-linejoin="round"><title>{_esc(name)}</title></polyline>')
        for i, v in enumerate(vals):
            if v:
                parts.append(f'<circle cx="{px(i):.1f}" cy="{py(v):.1f}" r="3" fill="{color}">'
                             f"<title>{_esc(name)} · {_esc(periods[i])}: {v:,.0f}</title></circle>")
    # legend, right to left under the axis
    x = width - right
    y = height - 12
    for name, color, _ in series:
        label_text = clip(name, 22)
        parts.append(f'<rect x="{x - 12:.1f}" y="{y - 9}" width="12" height="4" rx="1" fill="{color}"/>')
        parts.append(text(x - 18, y, label_text, size=12))
        x -= 18 + 7.5 * len(label_text) + 26
        if x < 120:
            break
    return _svg(width, height, "".join(parts), label)


def bipartite(left_nodes: Sequence[tuple[str, str]], right_nodes: Sequence[tuple[str, str]],
              edges: Sequence[tuple[int, int, float, str]], *, label: str, width: int = 900,
              row_height: int = 25) -> str:
    """A two-column network: ``right_nodes`` (sources, e.g. speakers) on the right,
    ``left_nodes`` (targets, e.g. entities) on the left, as (name, colour) pairs; ``edges`` are
    (right index, left index, weight, tooltip). Line width grows with the weight."""
    if not edges:
        return ""
    rows = max(len(left_nodes), len(right_nodes))
    height = rows * row_height + 16
    col_w = 210
    xr, xl = width - col_w, col_w
    wmax = max(w for _, _, w, _ in edges) or 1

    def yr(i: int, count: int) -> float:
        offset = (rows - count) * row_height / 2
        return 8 + offset + i * row_height + row_height / 2

    parts = []
    for ri, li, w, tip in sorted(edges, key=lambda e: e[2]):
        y1, y2 = yr(ri, len(right_nodes)), yr(li, len(left_nodes))
        color = left_nodes[li][1]
        mid = (xr + xl) / 2
        parts.append(f'<path d="M{xr - 8:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {xl + 8:.1f},{y2:.1f}" '
                     f'fill="none" stroke="{color}" stroke-opacity="0.75" stroke-linecap="round" '
                     f'stroke-width="{1.5 + 7 * w / wmax:.1f}"><title>{_esc(tip)}</title></path>')
    for i, (name, color) in enumerate(right_nodes):
        y = yr(i, len(right_nodes))
        parts.append(f'<circle cx="{xr:.1f}" cy="{y:.1f}" r="6" fill="{color}"/>'
                     + text(xr + 12, y + 4.5, clip(name, 24), side="left", size=13, weight="600", title=name))
    for i, (name, color) in enumerate(left_nodes):
        y = yr(i, len(left_nodes))
        parts.append(f'<circle cx="{xl:.1f}" cy="{y:.1f}" r="6" fill="{color}"/>'
                     + text(xl - 12, y + 4.5, clip(name, 24), size=13, title=name))
    return _svg(width, height, "".join(parts), label)
