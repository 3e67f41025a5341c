"""The corpus report as one self-contained HTML page (``arnews summarize OUT.jsonl --format html``).

:func:`render_corpus_html` reads the dict of :func:`arnews.batch.summary.summarize` (counts, top
entities per type, speakers, entity pairs, sources, dates) and draws it with inline SVG (see
:mod:`arnews.render.svg`): top entities per type as bar charts, articles and entity mentions over
time when the records carry dates, the speaker → entity network of who is quoted about whom,
the top quotes of each speaker, entities named together, and the sources.

Three views need more than the summary holds; :func:`corpus_extras` computes them in one more
streaming pass over the records (memory bounded by the top speakers and entities) and the report
uses them when the summary dict carries them:

* ``quoted_about``: ``[{"speaker": {"name", "key"}, "entity": {"name", "type", "key"}, "quotes": n}]``:
  how many quotes of each top speaker mention each entity inside the quoted words (the speaker's
  own entity excluded);
* ``timeline``: ``{"granularity": "day"|"month", "periods": [...], "series": [{"name", "type",
  "key", "values": [...]}]}``: mentions per period of the most mentioned entities;
* ``speaker_quotes``: ``{speaker key: [{"id", "title", "type", "text"}]}``: a few quotes per speaker.

Without them the page still shows everything else and says what is missing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from .html import QUOTE_AR, TYPE_AR, esc, esc_attr, page, type_class, type_label
from .svg import bar_chart, bipartite, clip, timeline

#: Bar and line colours per entity type (stronger than the text highlights of the article report).
TYPE_COLOR = {"PERS": "#9d86f0", "LOC": "#5bb77a", "ORG": "#ee7fb0", "MISC": "#e9b53f"}
OTHER_COLOR = "#9aa4b2"
SERIES_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
_MAX_DAYS = 62


def _color(typ: Any) -> str:
    return TYPE_COLOR.get(str(typ), OTHER_COLOR)


# --------------------------------------------------------------------------------------------
# Extra views from the records
# --------------------------------------------------------------------------------------------

def periods_between(days: Iterable[str]) -> tuple[str, list[str]]:
    """("day" or "month", every period from the first to the last of ``days`` (YYYY-MM-DD), gaps
    included so that time is evenly spaced); days when they span at most 62 days, else months."""
    from datetime import date, timedelta

    ds = sorted({date.fromisoformat(d) for d in days})
    if not ds:
        return "day", []
    if (ds[-1] - ds[0]).days < _MAX_DAYS:
        return "day", [(ds[0] + timedelta(n)).isoformat() for n in range((ds[-1] - ds[0]).days + 1)]
    out, (y, m) = [], (ds[0].year, ds[0].month)
    while (y, m) <= (ds[-1].year, ds[-1].month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return "month", out


def _fits(text: str) -> bool:
    return 30 <= len(text) <= 260


def corpus_extras(records: Iterable[dict[str, Any]], summary: dict[str, Any], *, quotes_per_speaker: int = 3,
                  timeline_entities: int = 6, max_edges: int = 30) -> dict[str, Any]:
    """``quoted_about``, ``timeline`` and ``speaker_quotes`` (see the module docstring) for the top
    speakers and entities of ``summary``, from one pass over the same ``records``."""
    from ..batch.summary import entity_key, is_ok, record_date, speaker_name

    speaker_names = {sp["key"]: sp["name"] for sp in summary.get("speakers") or [] if sp.get("key")}
    tops = sorted((r for rows in (summary.get("entities") or {}).values() for r in rows),
                  key=lambda r: (-int(r.get("mentions") or 0), -int(r.get("documents") or 0), str(r.get("key"))))
    tracked = {(r["type"], r["key"]): r["name"] for r in tops[:timeline_entities]}
    per_day: dict[tuple[str, str], Counter] = defaultdict(Counter)
    days: set[str] = set()
    edges: Counter = Counter()
    edge_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        if not is_ok(rec):
            continue
        entities = [e for e in rec.get("entities") or () if isinstance(e, dict)]
        day = record_date(rec.get("metadata") or {})
        if day:
            days.add(day)
            for e in entities:
                k = (str(e.get("type")), entity_key(e.get("name") or ""))
                if k in tracked:
                    per_day[k][day] += int(e.get("count") or len(e.get("mentions") or ()) or 1)
        by_id = {e.get("id"): e for e in entities if e.get("id")}
        spans = [(m.get("start"), m.get("end"), e) for e in entities for m in e.get("mentions") or ()
                 if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)]
        for q in rec.get("quotes") or ():
            name = speaker_name(q, by_id)
            skey = entity_key(name) if name else None
            if skey not in speaker_names:
                continue
            content = q.get("content") or {}
            cs, ce = content.get("start"), content.get("end")
            own = (q.get("speaker") or {}).get("entity")
            if isinstance(cs, int) and isinstance(ce, int):
                inside = {}
                for s, t, e in spans:
                    if cs <= s and t <= ce and e.get("id") != own:
                        k = (str(e.get("type")), entity_key(e.get("name") or ""))
                        if k[1] and k[1] != skey:
                            inside[k] = e.get("name") or k[1]
                for k, ename in inside.items():
                    edges[(skey, k)] += 1
                    edge_names[k][ename] += 1
            text = " ".join(str(content.get("text") or "").split())
            have = quotes[skey]
            if text and _fits(text) and len(have) < quotes_per_speaker and all(x["text"] != text for x in have):
                have.append({"id": rec.get("id"), "title": rec.get("title"), "type": q.get("type"), "text": text})
    granularity, periods = periods_between(days)
    series = []
    for (typ, key), name in tracked.items():
        counts: Counter = Counter()
        for d, n in per_day[(typ, key)].items():
            counts[d if granularity == "day" else d[:7]] += n
        series.append({"name": name, "type": typ, "key": key, "values": [counts.get(p, 0) for p in periods]})
    quoted = [{"speaker": {"name": speaker_names[s], "key": s},
               "entity": {"name": edge_names[k].most_common(1)[0][0], "type": k[0], "key": k[1]}, "quotes": n}
              for (s, k), n in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))[:max_edges]]
    return {"quoted_about": quoted,
            "timeline": {"granularity": granularity, "periods": periods, "series": series},
            "speaker_quotes": dict(quotes)}


# --------------------------------------------------------------------------------------------
# Page
# --------------------------------------------------------------------------------------------

CORPUS_CSS = """
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:.5rem;margin:1rem 0 0;
padding:0;list-style:none}
.figures li{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:.35rem .8rem}
.figures b{display:block;font-size:1.35rem;font-variant-numeric:tabular-nums}
.figures span{color:var(--muted);font-size:.85rem;white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:10px;padding:.6rem .9rem}
.card h3{margin:0 0 .5rem;display:flex;gap:.5rem;align-items:center}
.note{color:var(--muted);font-size:.85rem;margin:.25rem 0 .75rem}
.chart{overflow-x:auto}
.speakers{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1rem}
.speakers .card h3{flex-wrap:wrap}
.speakers blockquote{margin:.5rem 0 0;font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;
border-inline-start:3px solid var(--accent);padding-inline-start:.7rem}
.speakers blockquote.q-indirect{border-inline-start-style:dashed}
.speakers blockquote.q-according_to{border-inline-start-style:dotted}
.speakers .from{display:block;font-size:.78rem;color:var(--muted);margin-top:.15rem}
.empty{color:var(--muted);font-style:italic}
"""


def _figures(s: dict[str, Any]) -> str:
    dates = [d["date"] for d in s.get("dates") or [] if d.get("date")]
    items = [(s.get("articles"), "المقالات"), (s.get("ok"), "حُلّلت"), (s.get("errors"), "الأخطاء"),
             (s.get("words"), "الكلمات"), (s.get("entity_mentions"), "الإشارات"),
             (s.get("distinct_entities"), "الكيانات"), (s.get("quotes"), "الاقتباسات"),
             (len(s.get("sources") or []) or None, "المصادر")]
    lis = "".join(f"<li><span>{esc(k)}</span><b>{v:,}</b></li>" for v, k in items if isinstance(v, int))
    span = (f'<p class="note">الفترة: <bdi>{esc(dates[0])}</bdi> — <bdi>{esc(dates[-1])}</bdi></p>'
            if dates else "")
    return f'<ul class="figures">{lis}</ul>{span}'


def _entities(s: dict[str, Any]) -> str:
    out = ['<h2 id="entities">أكثر الكيانات ذكرا <small>Top entities</small></h2>'
           '<p class="note">طول الشريط: عدد المقالات التي تذكر الكيان؛ مرّر المؤشر لرؤية عدد الإشارات.</p>']
    cards = []
    for typ, rows in (s.get("entities") or {}).items():
        if not rows:
            continue
        chart = bar_chart([(r["name"], float(r.get("documents") or 0),
                            f"{int(r.get('documents') or 0):,}") for r in rows],
                          label=f"{type_label(typ)}: أكثر الكيانات ذكرا", color=_color(typ))
        cards.append(f'<div class="card {type_class(typ)}"><h3><span class="tag">{esc(type_label(typ))}</span>'
                     f'<small class="muted ltr">{esc(typ)}</small></h3><div class="chart">{chart}</div></div>')
    if not cards:
        return out[0] + '<p class="empty">لا كيانات في السجلات.</p>'
    return "".join(out) + f'<div class="grid">{"".join(cards)}</div>'


def _time(s: dict[str, Any]) -> str:
    head = '<h2 id="time">عبر الزمن <small>Over time</small></h2>'
    tl = s.get("timeline") or {}
    dates = s.get("dates") or []
    if not dates and not tl.get("periods"):
        return head + '<p class="empty">السجلات بلا تواريخ، فلا خط زمني.</p>'
    parts = [head]
    periods = tl.get("periods") or []
    if periods and tl.get("series"):
        series = [(f"{x['name']}", SERIES_COLORS[i % len(SERIES_COLORS)], x["values"])
                  for i, x in enumerate(tl["series"])]
        unit = "يوم" if tl.get("granularity") == "day" else "شهر"
        parts.append(f'<h3>إشارات أكثر الكيانات ذكرا في كل {unit}</h3>'
                     '<p class="note">الأقدم على اليمين والأحدث على اليسار.</p>'
                     f'<div class="chart">{timeline(periods, series, label="الإشارات عبر الزمن")}</div>')
    if dates:
        granularity, axis = periods_between(d["date"] for d in dates)
        counts: Counter = Counter()
        for d in dates:
            counts[d["date"] if granularity == "day" else d["date"][:7]] += int(d.get("articles") or 0)
        parts.append(f'<h3>عدد المقالات في كل {"يوم" if granularity == "day" else "شهر"}</h3>'
                     + '<div class="chart">' + timeline(axis, [("المقالات", "#0f6e6a", [counts[p] for p in axis])],
                                                        label="المقالات عبر الزمن", height=200) + "</div>")
    return "".join(parts)


def _network(s: dict[str, Any]) -> str:
    head = ('<h2 id="network">من يتحدث عمّن <small>Who is quoted about whom</small></h2>'
            '<p class="note">على اليمين المتحدثون وعلى اليسار الكيانات التي تذكرها أقوالهم؛ '
            "سُمك الخط: عدد الاقتباسات.</p>")
    edges = s.get("quoted_about")
    if edges is None:
        return head + '<p class="empty">الملخص لا يحمل روابط المتحدثين بالكيانات.</p>'
    if not edges:
        return head + '<p class="empty">لا تذكر اقتباسات أبرز المتحدثين أي كيان.</p>'
    speakers: dict[str, int] = {}
    entities: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], str] = {}
    for e in edges:
        speakers.setdefault(e["speaker"]["key"], len(speakers))
        k = (e["entity"]["type"], e["entity"]["key"])
        entities.setdefault(k, len(entities))
        names[k] = e["entity"]["name"]
    # entities in the order of the speakers they are quoted by (weighted mean row): fewer crossings
    pull: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for e in edges:
        k = (e["entity"]["type"], e["entity"]["key"])
        pull[k][0] += speakers[e["speaker"]["key"]] * e["quotes"]
        pull[k][1] += e["quotes"]
    entities = {k: i for i, k in enumerate(sorted(entities, key=lambda k: (pull[k][0] / pull[k][1], entities[k])))}
    sp_names = {e["speaker"]["key"]: e["speaker"]["name"] for e in edges}
    right = [(sp_names[k], "#0f6e6a") for k in speakers]
    left = [(names[k], _color(k[0])) for k in entities]
    links = [(speakers[e["speaker"]["key"]], entities[(e["entity"]["type"], e["entity"]["key"])], float(e["quotes"]),
              f'{e["speaker"]["name"]} ← {e["entity"]["name"]}: {e["quotes"]:,}') for e in edges]
    legend = " ".join(f'<span class="tag {type_class(t)}">{esc(type_label(t))}</span>' for t in TYPE_AR)
    return head + f'<p class="note">{legend}</p><div class="chart">' \
        + bipartite(left, right, links, label="من يتحدث عمّن") + "</div>"


def _speakers(s: dict[str, Any]) -> str:
    head = '<h2 id="speakers">المتحدثون وأبرز أقوالهم <small>Top quotes per speaker</small></h2>'
    speakers = s.get("speakers") or []
    if not speakers:
        return head + '<p class="empty">لا اقتباسات منسوبة في السجلات.</p>'
    extra = s.get("speaker_quotes") or {}
    cards = []
    for sp in speakers:
        qs = extra.get(sp.get("key")) or ([sp["example"]] if sp.get("example") else [])
        types = " ".join(f'<span class="pill">{esc(QUOTE_AR.get(t, t))} {n:,}</span>'
                         for t, n in (sp.get("types") or {}).items())
        quotes = "".join(
            f'<blockquote class="q-{esc(q.get("type")) if q.get("type") in QUOTE_AR else "other"}">'
            f'{esc(q.get("text", ""))}'
            + (f'<span class="from">{esc(clip(q.get("title") or q.get("id") or "", 90))}</span>'
               if q.get("title") or q.get("id") else "")
            + "</blockquote>" for q in qs)
        cards.append(f'<div class="card" data-speaker="{esc_attr(sp.get("name", ""))}"><h3>{esc(sp.get("name", ""))}'
                     f'<span class="pill">الاقتباسات {int(sp.get("quotes") or 0):,} · '
                     f'المقالات {int(sp.get("documents") or 0):,}</span></h3>'
                     f'<div>{types}</div>{quotes}</div>')
    return head + f'<div class="speakers">{"".join(cards)}</div>'


def _pairs(s: dict[str, Any]) -> str:
    pairs = s.get("pairs") or []
    if not pairs:
        return ""
    top = max(int(p.get("documents") or 0) for p in pairs) or 1
    rows = "".join(
        f'<tr><td><span class="tag {type_class(p["a"].get("type"))}">{esc(p["a"].get("name", ""))}</span></td>'
        f'<td><span class="tag {type_class(p["b"].get("type"))}">{esc(p["b"].get("name", ""))}</span></td>'
        f'<td class="count t-other"><span class="n">{int(p.get("documents") or 0):,}</span>'
        f'<span class="bar" style="width:{max(4, round(80 * int(p.get("documents") or 0) / top))}px"></span></td></tr>'
        for p in pairs)
    approx = '<p class="note">العدّ تقريبي لأندر الأزواج.</p>' if s.get("pairs_approximate") else ""
    return ('<h2 id="pairs">كيانات تُذكر معا <small>Entities named together</small></h2>' + approx
            + '<table><thead><tr><th>الكيان</th><th>الكيان</th><th>المقالات</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _sources(s: dict[str, Any]) -> str:
    sources = s.get("sources") or []
    if not sources:
        return ""
    chart = bar_chart([(x["source"], float(x["articles"]), f'{int(x["articles"]):,}') for x in sources[:25]],
                      label="المقالات حسب المصدر", color="#8fb8de")
    return f'<h2 id="sources">المصادر <small>Sources</small></h2><div class="chart">{chart}</div>'


def _errors(s: dict[str, Any]) -> str:
    by_type = s.get("errors_by_type") or {}
    if not by_type:
        return ""
    rows = "".join(f"<tr><td><bdi>{esc(k)}</bdi></td><td class='num'>{int(v):,}</td></tr>" for k, v in by_type.items())
    examples = "".join(f"<li><bdi>{esc(e.get('id') or '')}</bdi>: <bdi>{esc(e.get('error') or '')}</bdi></li>"
                       for e in s.get("error_examples") or [])
    return ('<h2 id="errors">الأخطاء <small>Errors</small></h2>'
            f"<table><thead><tr><th>النوع</th><th class='num'>العدد</th></tr></thead><tbody>{rows}</tbody></table>"
            + (f'<ul class="note">{examples}</ul>' if examples else ""))


def render_corpus_html(summary: dict[str, Any], *, title: str = "تقرير المدوّنة") -> str:
    """The self-contained RTL HTML report of a corpus summary (plus :func:`corpus_extras`, if merged in)."""
    from .html import ARTICLE_CSS

    body = (f'<header><h1>{esc(title)}</h1>{_figures(summary)}'
            '<nav class="toc"><a href="#entities">الكيانات</a><a href="#time">عبر الزمن</a>'
            '<a href="#network">من يتحدث عمّن</a><a href="#speakers">المتحدثون</a></nav></header>'
            + _entities(summary) + _time(summary) + _network(summary) + _speakers(summary)
            + _pairs(summary) + _sources(summary) + _errors(summary))
    return page(title, body, css=ARTICLE_CSS + CORPUS_CSS, subtitle="arnews")
