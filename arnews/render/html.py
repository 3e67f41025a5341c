"""The article report as one self-contained HTML page (``arnews analyze --format html``).

The page is built from the serialized document dict (``Document.to_dict()``) and needs nothing
outside itself: CSS is inline, there are no scripts, fonts, images or links to other sites, and a
Content-Security-Policy forbids them, so it opens offline and cannot call home. It is laid out
right to left (``lang="ar" dir="rtl"``) and shows:

* the headline, category and metadata;
* the article with entity mentions highlighted by type (a legend; hovering shows the canonical
  name and the type, and outlines every mention of the same entity) and quote spans marked with
  a badge naming their speaker;
* an entity table (name, type, mentions, forms as written, roles);
* "who said what": the quotes grouped by speaker.

Every piece of article text goes through :func:`esc`: markup in the article (``<script>``,
``<img onerror=...>``) is shown as text, and invisible bidi embedding/override/isolate controls
(which could reorder what a reader sees) and other control characters are shown as visible
``U+XXXX`` badges instead of taking effect.
"""

from __future__ import annotations

import html as _html
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Sequence

from .. import __version__

TYPE_AR = {"PERS": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
TYPE_EN = {"PERS": "person", "LOC": "place", "ORG": "organization", "MISC": "other"}
QUOTE_AR = {"direct": "اقتباس مباشر", "indirect": "اقتباس غير مباشر", "according_to": "نقلا عن مصدر"}
QUOTE_EN = {"direct": "direct", "indirect": "indirect", "according_to": "according to"}
NO_SPEAKER = "(بلا مصدر)"

#: Controls that must not take effect in the page: C0/C1 (but tab and newline), bidi
#: embeddings/overrides/isolates, and lone surrogates (which cannot even be encoded).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

#: Arabic letters that join to the letter after them (dual-joining) and letters that join to the
#: letter before them. Where an element boundary falls between two such letters (a clitic before a
#: highlighted name: ل|ليبيا), a zero-width joiner on each side keeps the joined letter forms.
_JOINS_NEXT = set("ئبتثجحخسشصضطظعغـفقكلمنهيىٮٯڤکگیپچ")
_JOINS_PREV = _JOINS_NEXT | set("آأؤإاةدذرزوٱژ")
ZWJ = "\u200d"

#: Where a paragraph of the body ends: a blank line.
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def _control_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def esc(text: Any) -> str:
    """``text`` as HTML element content: markup escaped, control characters made visible."""
    out = _html.escape(str(text), quote=True)
    return _CONTROL_RE.sub(lambda m: f'<span class="ctl" title="{_control_name(m.group())}">'
                                     f'{_control_name(m.group())}</span>', out)


def esc_attr(text: Any) -> str:
    """``text`` as a (double-quoted) attribute value: escaped, control characters spelled out."""
    return _CONTROL_RE.sub(lambda m: f"[{_control_name(m.group())}]", _html.escape(str(text), quote=True))


def type_class(typ: str) -> str:
    """A CSS class for an entity type; unknown types share one neutral class."""
    return f"t-{typ}" if typ in TYPE_AR else "t-other"


def type_label(typ: str) -> str:
    return TYPE_AR.get(typ, typ)


# --------------------------------------------------------------------------------------------
# Page shell shared with the corpus report
# --------------------------------------------------------------------------------------------

#: No scripts, no remote anything: only inline styles and inline (data:) images.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

BASE_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#ffffff;--panel:#f6f8fa;--accent:#0f6e6a;
--pers:#dcd3ff;--pers-ink:#4b2ea8;--loc:#c9f0d2;--loc-ink:#1d6b34;--org:#ffd6e7;--org-ink:#9b1d52;
--misc:#ffe8a3;--misc-ink:#7a5200;--other:#e4e7eb;--other-ink:#444c56;--quote:#eef6f6}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--ink)}
body{margin:0;font-family:"Noto Sans Arabic","Noto Naskh Arabic","Segoe UI","Geeza Pro",Tahoma,
"DejaVu Sans",Arial,sans-serif;font-size:16px;line-height:1.7}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.75rem;line-height:1.5;margin:.25rem 0 .75rem}
h2{font-size:1.25rem;margin:2.25rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h2 small,h3 small{font-weight:400;color:var(--muted);font-size:.8rem;margin-inline-start:.4rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
a{color:var(--accent)}
.muted{color:var(--muted)}
.ltr{direction:ltr;unicode-bidi:isolate}
.pill{display:inline-block;padding:0 .55rem;border-radius:999px;background:var(--panel);
border:1px solid var(--line);font-size:.8rem;line-height:1.6;white-space:nowrap}
.ctl{font-family:monospace;font-size:.75em;background:#fff1f0;color:#a40e26;border:1px solid #ffb3b8;
border-radius:3px;padding:0 .15em;direction:ltr;unicode-bidi:isolate}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:start;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}
th{background:var(--panel);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.75rem}
.t-PERS{--c:var(--pers);--ci:var(--pers-ink)}.t-LOC{--c:var(--loc);--ci:var(--loc-ink)}
.t-ORG{--c:var(--org);--ci:var(--org-ink)}.t-MISC{--c:var(--misc);--ci:var(--misc-ink)}
.t-other{--c:var(--other);--ci:var(--other-ink)}
.tag{display:inline-block;background:var(--c);color:var(--ci);border-radius:4px;padding:0 .4rem;
font-size:.8rem;font-weight:600;white-space:nowrap}
@media print{main{max-width:none}a{color:inherit;text-decoration:none}}
"""


def page(title: str, body: str, *, css: str = "", subtitle: str = "arnews") -> str:
    """A complete RTL Arabic page around ``body`` (already HTML); ``title`` is plain text."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="arnews {esc_attr(__version__)}">\n'
        f"<title>{esc_attr(title)} · {esc_attr(subtitle)}</title>\n"
        f"<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n<main>\n{body}\n"
        f'<footer>أُنشئ بواسطة <span class="ltr">arnews {esc(__version__)}</span> · '
        "صفحة مستقلة لا تحمّل شيئا من الشبكة "
        '<span class="ltr">(self-contained, works offline)</span></footer>\n'
        "</main>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------
# Highlighted article text
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text to wrap in an element. Spans may overlap: the renderer closes and
    reopens elements so that the HTML nests; a reopened element uses ``open_cont`` (e.g. without
    the speaker badge). Lower ``layer`` nests outside higher layers."""

    start: int
    end: int
    layer: int
    open: str
    close: str
    open_cont: str = ""

    def opener(self, first: bool) -> str:
        return self.open if first or not self.open_cont else self.open_cont


def markup(text: str, lo: int, hi: int, spans: Sequence[Span], opened: set[int] | None = None) -> str:
    """``text[lo:hi]`` escaped, with ``spans`` (clipped to it) wrapped around their stretches.

    ``opened`` (indices into ``spans``) is shared by the calls for the paragraphs of one text, so
    that a span running on into the next paragraph continues there with ``open_cont``.
    """
    opened = set() if opened is None else opened
    clipped = [(max(s.start, lo), min(s.end, hi), i, s) for i, s in enumerate(spans)
               if max(s.start, lo) < min(s.end, hi)]
    starts: dict[int, list] = defaultdict(list)
    ends: dict[int, list] = defaultdict(list)
    for c in clipped:
        starts[c[0]].append(c)
        ends[c[1]].append(c)
    bounds = sorted({lo, hi, *starts, *ends})
    active: set = set()
    stack: list = []
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        want = sorted(active, key=lambda c: (c[3].layer, c[0], -c[1], c[2]))
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        for c in reversed(stack[keep:]):
            out.append(c[3].close)
        del stack[keep:]
        for c in want[keep:]:
            out.append(c[3].opener(c[2] not in opened))
            opened.add(c[2])
            stack.append(c)
        seg = esc(text[a:b]).replace("\n", "<br>\n")
        if a > lo and text[a - 1] in _JOINS_NEXT and text[a] in _JOINS_PREV:
            seg = ZWJ + seg
        if b < hi and text[b - 1] in _JOINS_NEXT and text[b] in _JOINS_PREV:
            seg += ZWJ
        out.append(seg)
    for c in reversed(stack):
        out.append(c[3].close)
    return "".join(out)


def paragraphs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty paragraph of ``text[lo:hi]``, split at blank lines."""
    out: list[tuple[int, int]] = []
    pos = lo
    for m in _PARA_RE.finditer(text, lo, hi):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, hi))
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def _speaker_name(q: dict[str, Any]) -> str:
    return ((q.get("speaker") or {}).get("name") or "").strip() or NO_SPEAKER


def _entity_classes(entities: list[dict[str, Any]]) -> dict[str, str]:
    """A safe CSS class per entity id (ids come from data, so they are not used as classes)."""
    return {str(e.get("id")): f"e{i}" for i, e in enumerate(entities)}


def text_spans(d: dict[str, Any]) -> list[Span]:
    """The highlight spans of the document: quotes (outer), cues, entity mentions (inner)."""
    entities = d.get("entities") or []
    classes = _entity_classes(entities)
    spans: list[Span] = []
    for qi, q in enumerate(d.get("quotes") or []):
        c = q.get("content") or {}
        if not isinstance(c.get("start"), int) or not isinstance(c.get("end"), int):
            continue
        typ = str(q.get("type"))
        qtype = typ if typ in QUOTE_AR else "other"
        who = _speaker_name(q)
        tip = f"{who} — {QUOTE_AR.get(typ, typ)}"
        cue = (q.get("cue") or {}).get("text")
        if cue:
            tip += f" ({cue})"
        attrs = (f'class="quote q-{qtype}" data-speaker="{esc_attr(who)}" data-quote="{qi + 1}" '
                 f'title="{esc_attr(tip)}"')
        spans.append(Span(c["start"], c["end"], 0,
                          f'<span id="q{qi + 1}" {attrs}><span class="who" aria-hidden="true">'
                          f"{esc(who)}</span>", "</span>",
                          f'<span {attrs.replace("quote ", "quote cont ", 1)}>'))
        cs, ce = (q.get("cue") or {}).get("start"), (q.get("cue") or {}).get("end")
        if isinstance(cs, int) and isinstance(ce, int):
            cue_tip = esc_attr("أداة الإسناد: " + (cue or ""))
            spans.append(Span(cs, ce, 1, f'<span class="cue" title="{cue_tip}">',
                              "</span>"))
    for e in entities:
        typ = str(e.get("type"))
        cls = f"ent {type_class(typ)} {classes[str(e.get('id'))]}"
        tip = f"{e.get('name', '')} — {type_label(typ)} ({typ})"
        label = type_label(typ)
        for m in e.get("mentions") or []:
            if not isinstance(m.get("start"), int) or not isinstance(m.get("end"), int):
                continue
            spans.append(Span(m["start"], m["end"], 2,
                              f'<mark class="{cls}" data-type="{esc_attr(typ)}" '
                              f'data-name="{esc_attr(e.get("name", ""))}" data-label="{esc_attr(label)}" '
                              f'title="{esc_attr(tip)}">', "</mark>"))
    return spans


def article_html(d: dict[str, Any]) -> tuple[str, str]:
    """(headline HTML, body HTML) with highlights; the body is a sequence of ``<p>``."""
    text = d.get("text") or ""
    title_end = d.get("title_end")
    title = d.get("title") or ""
    if not isinstance(title_end, int):
        title_end = len(title) if title and text.startswith(title) else 0
    spans = text_spans(d)
    opened: set[int] = set()
    head = markup(text, 0, title_end, spans, opened) if title_end else esc(title)
    paras = []
    for a, b in paragraphs(text, title_end, len(text)):
        cls = ' class="sub"' if _looks_like_subheading(text[a:b]) else ""
        paras.append(f"<p{cls}>{markup(text, a, b, spans, opened)}</p>")
    return head, "\n".join(paras)


def _looks_like_subheading(par: str) -> bool:
    """A short line without sentence punctuation between paragraphs: a crosshead."""
    return len(par) <= 60 and "\n" not in par and not re.search(r"[.!?؟،,:;؛»”\"]\s*$", par) \
        and len(par.split()) <= 8


ARTICLE_CSS = """
header .cat{margin-inline-end:.5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 0;font-size:.9rem}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0 0;padding:0;list-style:none}
.stats li{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.2rem .8rem;font-size:.85rem}
.stats b{font-size:1.05rem;margin-inline-start:.3rem}
nav.toc{margin-top:1rem;font-size:.9rem}nav.toc a{margin-inline-end:1rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:center;font-size:.85rem;
background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem;margin-bottom:1rem}
.legend .sep{width:1px;align-self:stretch;background:var(--line)}
.legend .tag small{font-weight:400;opacity:.8;font-size:.7rem}
.legend .hint{flex-basis:100%;color:var(--muted);font-size:.8rem}
.who-sample{position:relative;font-size:.75rem;font-weight:700;color:#fff;background:var(--accent);
border-radius:999px;padding:0 .5em;margin-inline-end:.5em}
.article{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Traditional Arabic","Geeza Pro",serif;
font-size:1.15rem;line-height:2.3}
.article p{margin:0 0 1rem}
.article p.sub{font-weight:700;font-size:1.05rem;margin-top:1.5rem}
h1 mark.ent{background:linear-gradient(transparent 38%,var(--c) 38%,var(--c) 82%,transparent 82%);padding:0 .1em;
border-radius:0}
h1 mark.ent::after{display:none}
mark.ent{background:var(--c);color:inherit;border-radius:.3em;padding:.05em .2em;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.ent::after{content:attr(data-label);font-family:"Noto Sans Arabic",sans-serif;font-size:.6em;
font-weight:700;color:var(--ci);margin-inline-start:.35em;vertical-align:.15em;user-select:none}
.quote{background:var(--quote);border-bottom:2px solid var(--accent);padding-bottom:.1em;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
.quote.q-indirect{border-bottom-style:dashed}.quote.q-according_to{border-bottom-style:dotted}
.quote .who{position:relative;font-family:"Noto Sans Arabic",sans-serif;font-size:.68em;font-weight:700;
color:#fff;background:var(--accent);border-radius:999px;padding:.05em .55em;margin-inline-end:.55em;
vertical-align:.15em;white-space:nowrap;user-select:none}
.quote .who::after,.who-sample::after{content:"";position:absolute;inset-inline-end:-.4em;top:50%;margin-top:-.35em;
border-block:.35em solid transparent;border-inline-start:.5em solid var(--accent)}
.cue{color:var(--accent);font-weight:700}
.qsample{background:var(--quote);border-bottom:2px solid var(--accent);padding:0 .3em}
.qsample.q-indirect{border-bottom-style:dashed}.qsample.q-according_to{border-bottom-style:dotted}
td.count{white-space:nowrap}td.count .n{display:inline-block;min-width:2em;font-variant-numeric:tabular-nums}
td .forms{color:var(--muted);font-size:.85rem}
.bar{display:inline-block;height:.6rem;background:var(--c);border:1px solid var(--ci);border-radius:2px;
vertical-align:middle;margin-inline-start:.4rem}
.speaker{border:1px solid var(--line);border-radius:10px;padding:.6rem 1rem;margin:0 0 1rem}
.speaker h3{margin:0 0 .4rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.speaker ol{margin:0;padding-inline-start:1.5rem}
.speaker li{margin:.5rem 0}
.speaker blockquote{margin:0;font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;font-size:1.05rem;
border-inline-start:3px solid var(--accent);padding-inline-start:.75rem}
.speaker blockquote.q-indirect{border-inline-start-style:dashed}
.speaker blockquote.q-according_to{border-inline-start-style:dotted}
.qmeta{font-size:.8rem;color:var(--muted)}
details.removed{margin-top:1rem;font-size:.85rem}
details.removed pre{white-space:pre-wrap;font-family:inherit;background:var(--panel);padding:.5rem;border-radius:6px}
"""


def _entity_hover_css(entities: list[dict[str, Any]]) -> str:
    """Hovering one mention outlines every mention of the same entity (CSS :has, no script)."""
    rules = [f".article:has(mark.{c}:hover) mark.{c}" for c in _entity_classes(entities).values()]
    if not rules:
        return ""
    return ",".join(rules) + "{outline:2px solid var(--ci);outline-offset:1px}\n"


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------

def _header(d: dict[str, Any], head_html: str) -> str:
    src = d.get("source") or {}
    rows: list[tuple[str, str]] = []
    for label, key in (("المصدر", "path"), ("المعرّف", "id"), ("الصيغة", "format"), ("الترميز", "encoding")):
        if src.get(key):
            rows.append((label, f"<bdi>{esc(src[key])}</bdi>"))
    for k, v in (d.get("metadata") or {}).items():
        rows.append((esc(k), f"<bdi>{esc(v)}</bdi>"))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    stats = d.get("stats") or {}
    cards = [("الكلمات", stats.get("words")), ("الجمل", stats.get("sentences")),
             ("الكيانات", stats.get("entities", len(d.get("entities") or []))),
             ("الاقتباسات", stats.get("quotes", len(d.get("quotes") or [])))]
    stat_html = "".join(f"<li>{esc(k)} <b>{esc(f'{v:,}')}</b></li>" for k, v in cards if isinstance(v, int))
    cat = f'<span class="pill cat">{esc(d["category"])}</span>' if d.get("category") else ""
    return (f'<header>{cat}<h1 class="headline">{head_html or esc("(بلا عنوان)")}</h1>'
            f'<dl class="meta">{meta}</dl><ul class="stats">{stat_html}</ul>'
            '<nav class="toc"><a href="#article">النص</a><a href="#entities">الكيانات</a>'
            '<a href="#quotes">من قال ماذا</a></nav></header>')


def _legend(d: dict[str, Any]) -> str:
    types = list(dict.fromkeys(str(e.get("type")) for e in d.get("entities") or []))
    types = [t for t in TYPE_AR if t in types] + sorted(t for t in types if t not in TYPE_AR)
    items = [f'<span class="tag {type_class(t)}" title="{esc_attr(TYPE_EN.get(t, t))}">{esc(type_label(t))} '
             f'<small class="ltr">{esc(t)}</small></span>' for t in types]
    qtypes = list(dict.fromkeys(str(q.get("type")) for q in d.get("quotes") or []))
    qitems = [f'<span class="qsample q-{t if t in QUOTE_AR else "other"}">{esc(QUOTE_AR.get(t, t))}</span>'
              for t in qtypes]
    if qitems:
        qitems.append('<span><span class="who-sample">المتحدث</span> قبل كل اقتباس</span>')
    row = [" ".join(items) or '<span class="muted">لا كيانات</span>', '<span class="sep"></span>',
           " ".join(qitems) or '<span class="muted">لا اقتباسات</span>']
    return ('<div class="legend" aria-label="مفتاح الألوان">' + "".join(row)
            + '<span class="hint">مرّر المؤشر على اسم لرؤية اسمه الكامل ونوعه وإبراز كل مواضعه.</span></div>')


def _entities_section(d: dict[str, Any]) -> str:
    entities = sorted(d.get("entities") or [],
                      key=lambda e: (-int(e.get("count") or len(e.get("mentions") or [])), str(e.get("name"))))
    if not entities:
        return '<h2 id="entities">الكيانات <small>Entities</small></h2><p class="muted">لم يُعثر على كيانات مسمّاة.</p>'
    top = max(int(e.get("count") or len(e.get("mentions") or [])) for e in entities) or 1
    rows = []
    for e in entities:
        typ = str(e.get("type"))
        n = int(e.get("count") or len(e.get("mentions") or []))
        name = str(e.get("name", ""))
        forms = sorted({str(m.get("text")) for m in e.get("mentions") or []} - {name})
        forms_html = f'<div class="forms">{esc("، ".join(forms))}</div>' if forms else ""
        width = max(4, round(80 * n / top))
        rows.append(
            f'<tr class="{type_class(typ)}"><td>{esc(name)}{forms_html}</td>'
            f'<td><span class="tag">{esc(type_label(typ))}</span></td>'
            f'<td class="count"><span class="n">{n}</span><span class="bar" style="width:{width}px"></span></td>'
            f'<td>{esc("، ".join(str(r) for r in e.get("roles") or []))}</td></tr>')
    return ('<h2 id="entities">الكيانات <small>Entities</small></h2>'
            '<table class="entities"><thead><tr><th>الاسم <span class="muted">(وصيغه في النص)</span></th>'
            '<th>النوع</th><th>الإشارات</th><th>الأدوار والصفات</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def group_quotes(quotes: list[dict[str, Any]]) -> list[tuple[str, str | None, list[tuple[int, dict]]]]:
    """Quotes by speaker, speakers in order of their first quote:
    ``[(speaker name, entity id or None, [(quote number, quote), ...]), ...]``."""
    groups: dict[str, tuple[str, str | None, list]] = {}
    for i, q in enumerate(quotes, 1):
        sp = q.get("speaker") or {}
        name = _speaker_name(q)
        key = f"entity:{sp['entity']}" if sp.get("entity") else f"name:{name}"
        groups.setdefault(key, (name, sp.get("entity"), []))[2].append((i, q))
    return list(groups.values())


def _quotes_section(d: dict[str, Any]) -> str:
    quotes = d.get("quotes") or []
    title = '<h2 id="quotes">من قال ماذا <small>Who said what</small></h2>'
    if not quotes:
        return title + '<p class="muted">لم يُعثر على اقتباسات منسوبة.</p>'
    etype = {str(e.get("id")): str(e.get("type")) for e in d.get("entities") or []}
    blocks = []
    for name, ent, items in group_quotes(quotes):
        tag = ""
        if ent and str(ent) in etype:
            t = etype[str(ent)]
            tag = f'<span class="tag {type_class(t)}">{esc(type_label(t))}</span>'
        lis = []
        for i, q in items:
            typ = str(q.get("type"))
            cue = q.get("cue") or {}
            cue_html = f" · أداة الإسناد: «{esc(cue['text'])}»" if cue.get("text") else ""
            lis.append(f'<li><blockquote class="q-{typ if typ in QUOTE_AR else "other"}">'
                       f'{esc((q.get("content") or {}).get("text", ""))}</blockquote>'
                       f'<div class="qmeta">{esc(QUOTE_AR.get(typ, typ))}{cue_html} · '
                       f'<a href="#q{i}">موضعه في النص ↑</a></div></li>')
        blocks.append(f'<section class="speaker" data-speaker="{esc_attr(name)}"><h3>{esc(name)} {tag}'
                      f'<span class="pill">الاقتباسات {len(items)}</span></h3><ol>{"".join(lis)}</ol></section>')
    return title + "".join(blocks)


def _removed(d: dict[str, Any]) -> str:
    removed = d.get("removed") or []
    if not removed:
        return ""
    items = "".join(f"<li><b>{esc(r.get('reason', ''))}</b><pre>{esc(r.get('text', ''))}</pre></li>"
                    for r in removed)
    return (f'<details class="removed"><summary>نصوص أُزيلت من المقال ({len(removed)}) '
            f'<span class="muted">— حواشي الموقع وما شابهها</span></summary><ul>{items}</ul></details>')


def render_html(d: dict[str, Any]) -> str:
    """The self-contained RTL HTML report of one serialized document (``Document.to_dict()``)."""
    head_html, body_html = article_html(d)
    body = (_header(d, head_html)
            + '<h2 id="article">النص <small>Article</small></h2>' + _legend(d)
            + f'<div class="article">{body_html}</div>' + _removed(d)
            + _entities_section(d) + _quotes_section(d))
    return page(d.get("title") or "تقرير مقال", body, css=ARTICLE_CSS + _entity_hover_css(d.get("entities") or []))
