"""The HTML reports: the article page (arnews.render.html) and the corpus page (corpus_html, svg).

Pages are parsed with lxml to check structure (highlights, speakers, sections) and safety
(hostile article text stays text, no scripts or remote resources, bidi controls made visible).
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from typer.testing import CliRunner

from arnews.cli import app
from arnews.model import Document, Source
from arnews.render.corpus_html import corpus_extras, render_corpus_html
from arnews.render.html import ZWJ, Span, markup, paragraphs, render_html
from handmade import handmade_doc

runner = CliRunner()

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '"><svg onload=alert(3)>',
           "</title><script>alert(4)</script>", "<a href=javascript:alert(5)>رابط</a>"]


def _doc(title: str, body: str, ents=(), quotes=(), **kw) -> Document:
    return handmade_doc(title, body, ents, quotes, **kw)


def _page(d: dict) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(d))


def _assert_inert(root: lxml.html.HtmlElement) -> None:
    """No element or attribute that could run code or fetch anything."""
    assert root.xpath("//script|//img|//iframe|//object|//embed|//link|//base") == []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not value.strip().lower().startswith("javascript:"), (el.tag, name)
            if name in ("src", "href"):
                assert value.startswith("#"), (el.tag, name, value)


# ------------------------------------------------------------------ the sample article

@pytest.fixture(scope="module")
def sample_page(sample_doc):
    return _page(sample_doc.to_dict())


def test_render_html_page_is_rtl_arabic_and_self_contained(sample_page, sample_doc):
    html = render_html(sample_doc.to_dict())
    assert sample_page.get("lang") == "ar" and sample_page.get("dir") == "rtl"
    csp = sample_page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    _assert_inert(sample_page)
    assert not re.search(r"url\(|@import|@font-face", html)
    assert sample_page.xpath("//h1")[0].text_content().replace(ZWJ, "") == sample_doc.title


@pytest.mark.parametrize("name", ["حفتر", "القاهرة", "باشاغا"])
def test_render_html_highlights_sample_entities(sample_page, sample_doc, name):
    marks = [m for m in sample_page.xpath("//div[@class='article']//mark")
             if m.text_content().replace(ZWJ, "") == name]
    assert marks, f"{name} is not highlighted"
    ent = next(e for e in sample_doc.entities if any(m.text == name for m in e.mentions))
    assert marks[0].get("data-type") == ent.type
    assert ent.name in marks[0].get("title") and marks[0].get("data-name") == ent.name
    assert f"t-{ent.type}" in marks[0].get("class")


def test_render_html_attributes_sample_quote_to_bashagha(sample_page):
    spans = [s for s in sample_page.xpath("//span[contains(@class,'quote')]")
             if "مصر دولة مهمة بالنسبة لليبيا" in s.text_content().replace(ZWJ, "")]
    assert spans and spans[0].get("data-speaker") == "فتحي باشاغا"
    assert spans[0].xpath(".//span[@class='who']")[0].text == "فتحي باشاغا"
    groups = {s.get("data-speaker"): s for s in sample_page.xpath("//section[@class='speaker']")}
    assert "مصر دولة مهمة بالنسبة لليبيا" in groups["فتحي باشاغا"].text_content()


def test_render_html_keeps_every_character_of_the_text(sample_doc):
    root = _page(sample_doc.to_dict())
    for who in root.xpath("//div[@class='article']//span[@class='who']"):
        who.drop_tree()  # the speaker badges are added, not article text
    shown = "\n\n".join(p.text_content() for p in root.xpath("//div[@class='article']/p"))
    assert "".join(shown.replace(ZWJ, "").split()) == "".join(sample_doc.body.split())


# ------------------------------------------------------------------ hostile text

@pytest.mark.parametrize("evil", HOSTILE)
def test_render_html_shows_hostile_text_as_text(evil):
    d = _doc(f"خبر {evil}", f"قال فتحي باشاغا: «مصر دولة مهمة {evil}». وزار القاهرة.",
             ents=[(f"باشاغا {evil}", "PERS", ["فتحي باشاغا"]), ("القاهرة", "LOC", ["القاهرة"])],
             quotes=[("direct", f"مصر دولة مهمة {evil}", f"فتحي {evil}", "E1", "قال")],
             metadata=((f"date{evil}", f"2020 {evil}"),), source=Source(path=f"a{evil}.txt")).to_dict()
    root = _page(d)
    _assert_inert(root)
    assert evil in root.xpath("//h1")[0].text_content()
    assert evil in root.xpath("//div[@class='article']")[0].text_content()
    assert evil in root.xpath("//title")[0].text_content()
    assert root.xpath("//section[@class='speaker']")[0].get("data-speaker") == f"فتحي {evil}"
    assert evil in root.xpath("//table[@class='entities']")[0].text_content()
    assert evil in root.xpath("//dl[@class='meta']")[0].text_content()


@pytest.mark.parametrize("control", ["\u202e", "\u202b", "\u2066", "\u2069", "\x00", "\x1b"])
def test_render_html_makes_bidi_and_control_characters_visible(control):
    d = _doc("عنوان", f"قال المتحدث {control}عكس الاتجاه{control} في القاهرة.",
             ents=[("القاهرة", "LOC", ["القاهرة"])]).to_dict()
    html = render_html(d)
    assert control not in html
    assert f"U+{ord(control):04X}" in _page(d).xpath("//div[@class='article']")[0].text_content()


# ------------------------------------------------------------------ structure

def test_markup_nests_crossing_spans():
    text = "قال الوزير إن مصر دولة مهمة"
    spans = [Span(4, 18, 0, '<span class="q">', "</span>", '<span class="q cont">'),
             Span(0, 10, 2, "<mark>", "</mark>")]
    html = markup(text, 0, len(text), spans)
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    assert root.text_content() == text
    assert "".join(m.text_content() for m in root.iter("mark")) == text[0:10]
    assert "".join(q.text_content() for q in root.xpath("//span")) == text[4:18]
    assert len(root.xpath("//span[@class='q']")) == 1 and len(root.xpath("//mark")) == 2


@pytest.mark.parametrize("text,mention,joined", [
    ("وصل إلى لليبيا أمس", "ليبيا", True),    # ل joins the next letter: keep the joined forms
    ("وصل إلى فمصر أمس", "مصر", True),
    ("وصل إلى وليبيا أمس", "ليبيا", False),   # و never joins the next letter
    ("وصل إلى ليبيا أمس", "ليبيا", False),
])
def test_markup_keeps_arabic_letters_joined_across_highlights(text, mention, joined):
    s = text.index(mention)
    html = markup(text, 0, len(text), [Span(s, s + len(mention), 2, "<mark>", "</mark>")])
    assert (ZWJ + "<mark>" + ZWJ in html) is joined
    assert html.replace(ZWJ, "").replace("<mark>", "").replace("</mark>", "") == text


def test_render_html_quote_over_two_paragraphs_has_one_badge():
    d = _doc("عنوان", "قال زيد: «الفقرة الأولى\n\nوالفقرة الثانية» ثم سكت.",
             ents=[("زيد", "PERS", ["زيد"])],
             quotes=[("direct", "الفقرة الأولى\n\nوالفقرة الثانية", "زيد", "E1", "قال")]).to_dict()
    root = _page(d)
    parts = root.xpath("//div[@class='article']//span[contains(@class,'quote')]")
    assert [p.get("class") for p in parts] == ["quote q-direct", "quote cont q-direct"]
    assert len(root.xpath("//*[@id='q1']")) == 1 and len(root.xpath("//span[@class='who']")) == 1
    assert all(p.get("data-speaker") == "زيد" for p in parts)


def test_paragraphs_split_at_blank_lines():
    text = "عنوان\n\nفقرة أولى\nسطر ثان\n \n\nفقرة ثانية\n"
    assert [text[a:b] for a, b in paragraphs(text, 5, len(text))] == ["فقرة أولى\nسطر ثان", "فقرة ثانية"]


def test_render_html_without_entities_or_quotes_says_so():
    root = _page({"text": "مقال قصير بلا أسماء.", "title": "", "stats": {"words": 4}})
    assert "لم يُعثر على كيانات" in root.text_content() and "لم يُعثر على اقتباسات" in root.text_content()
    assert root.xpath("//div[@class='article']/p")[0].text_content() == "مقال قصير بلا أسماء."


def test_render_html_groups_quotes_by_speaker_in_order():
    d = _doc("عنوان", "قال زيد: «الأمر محسوم». وقال عمرو: «لا». وأضاف زيد: «سنرى».",
             ents=[("زيد", "PERS", ["زيد", "زيد"]), ("عمرو", "PERS", ["عمرو"])],
             quotes=[("direct", "الأمر محسوم", "زيد", "E1", "قال"), ("direct", "لا", "عمرو", "E2", "وقال"),
                     ("direct", "سنرى", "زيد", "E1", "وأضاف")]).to_dict()
    sections = _page(d).xpath("//section[@class='speaker']")
    assert [s.get("data-speaker") for s in sections] == ["زيد", "عمرو"]
    assert [b.text_content() for b in sections[0].xpath(".//blockquote")] == ["الأمر محسوم", "سنرى"]
    assert sections[0].xpath(".//a/@href") == ["#q1", "#q3"]


# ------------------------------------------------------------------ CLI

def test_cli_analyze_html_writes_report_file(sample_path, tmp_path):
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["analyze", str(sample_path), "--format", "html", "--output", str(out)])
    assert res.exit_code == 0, res.output
    root = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    assert root.get("dir") == "rtl"
    assert any(s.get("data-speaker") == "فتحي باشاغا" for s in root.xpath("//span[contains(@class,'quote')]"))


def test_cli_analyze_html_shows_hostile_article_as_text(tmp_path):
    src = tmp_path / "evil.txt"
    src.write_text("عنوان الخبر <script>alert(1)</script>\n\nقال الوزير فتحي باشاغا: «مصر دولة مهمة "
                   "<img src=x onerror=alert(2)> بالنسبة لليبيا». وزار القاهرة أمس والتقى مسؤولين.\n",
                   encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(src), "--format", "html"])
    assert res.exit_code == 0, res.output
    root = lxml.html.document_fromstring(res.stdout)
    _assert_inert(root)
    body = root.text_content()
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body.replace(ZWJ, "")


@pytest.mark.parametrize("command", ["entities", "quotes"])
def test_cli_html_is_a_usage_error_where_it_makes_no_sense(sample_path, command):
    res = runner.invoke(app, [command, str(sample_path), "--format", "html"])
    assert res.exit_code == 2
    assert "not available" in res.output and "analyze" in res.output


# ------------------------------------------------------------------ corpus report

def _records() -> list[dict]:
    """Three analyzed articles on two days, with quotes that name entities."""
    a = _doc("الأول", "قال فتحي باشاغا: «مصر دولة مهمة لليبيا». وزار القاهرة.",
             ents=[("فتحي باشاغا", "PERS", ["فتحي باشاغا"]), ("مصر", "LOC", ["مصر"]),
                   ("ليبيا", "LOC", ["ليبيا"]), ("القاهرة", "LOC", ["القاهرة"])],
             quotes=[("direct", "مصر دولة مهمة لليبيا", "فتحي باشاغا", "E1", "قال")],
             metadata=(("date", "2020-06-24"), ("source", "مصدر أ")))
    b = _doc("الثاني", "وأضاف باشاغا: «نحن نهتم بمصر». وقال خليفة حفتر: «ليبيا أولا».",
             ents=[("فتحي باشاغا", "PERS", ["باشاغا"]), ("مصر", "LOC", ["مصر"]),
                   ("خليفة حفتر", "PERS", ["خليفة حفتر"]), ("ليبيا", "LOC", ["ليبيا"])],
             quotes=[("direct", "نحن نهتم بمصر", "فتحي باشاغا", "E1", "وأضاف"),
                     ("direct", "ليبيا أولا", "خليفة حفتر", "E3", "وقال")],
             metadata=(("date", "2020-06-25"), ("source", "مصدر ب")))
    c = _doc("الثالث", "زار خليفة حفتر القاهرة.", ents=[("خليفة حفتر", "PERS", ["خليفة حفتر"]),
                                                        ("القاهرة", "LOC", ["القاهرة"])],
             metadata=(("date", "2020-06-25"),))
    return [{"id": f"r{i}", "status": "ok", **d.to_dict()} for i, d in enumerate((a, b, c), 1)]


def test_corpus_extras_counts_entities_named_inside_quotes():
    from arnews.batch.summary import summarize

    recs = _records()
    x = corpus_extras(recs, summarize(recs))
    edges = {(e["speaker"]["name"], e["entity"]["name"]): e["quotes"] for e in x["quoted_about"]}
    assert edges == {("فتحي باشاغا", "مصر"): 2, ("فتحي باشاغا", "ليبيا"): 1, ("خليفة حفتر", "ليبيا"): 1}
    assert x["timeline"]["periods"] == ["2020-06-24", "2020-06-25"]
    cairo = next(s for s in x["timeline"]["series"] if s["name"] == "القاهرة")
    assert cairo["values"] == [1, 1]


def test_render_corpus_html_draws_charts_network_and_quotes():
    from arnews.batch.summary import summarize

    recs = _records()
    s = summarize(recs)
    root = lxml.html.document_fromstring(render_corpus_html({**s, **corpus_extras(recs, s)}))
    assert root.get("dir") == "rtl" and root.get("lang") == "ar"
    _assert_inert(root)
    svgs = {svg.get("aria-label") for svg in root.iter("{http://www.w3.org/2000/svg}svg", "svg")}
    assert "من يتحدث عمّن" in svgs and "الإشارات عبر الزمن" in svgs and any(x.startswith("شخص") for x in svgs)
    net = root.xpath("//*[@aria-label='من يتحدث عمّن']")[0].text_content()
    assert "فتحي باشاغا" in net and "مصر" in net
    cards = {c.get("data-speaker"): c.text_content() for c in root.xpath("//div[@class='card'][@data-speaker]")}
    assert "مصر دولة مهمة لليبيا" in cards["فتحي باشاغا"]


def test_render_corpus_html_without_extras_or_dates_explains():
    from arnews.batch.summary import summarize

    recs = [{k: v for k, v in r.items() if k != "metadata"} for r in _records()]
    text = lxml.html.document_fromstring(render_corpus_html(summarize(recs))).text_content()
    assert "بلا تواريخ" in text and "لا يحمل روابط المتحدثين" in text


@pytest.mark.parametrize("evil", HOSTILE[:3])
def test_render_corpus_html_escapes_hostile_names(evil):
    from arnews.batch.summary import summarize

    recs = _records()
    recs[0]["entities"][1]["name"] = f"مصر {evil}"
    recs[0]["quotes"][0]["speaker"]["name"] = f"متحدث {evil}"
    recs[0]["quotes"][0]["speaker"]["entity"] = None
    recs[0]["metadata"]["source"] = evil
    s = summarize(recs)
    root = lxml.html.document_fromstring(render_corpus_html({**s, **corpus_extras(recs, s)}))
    _assert_inert(root)
    assert f"مصر {evil}" in root.text_content() and f"متحدث {evil}" in root.text_content()


@pytest.mark.parametrize("fmt,marker", [("html", "من يتحدث عمّن"), ("md", "# Summary of records.jsonl")])
def test_cli_summarize_report_formats(tmp_path, fmt, marker):
    import json

    recs = tmp_path / "records.jsonl"
    recs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    res = runner.invoke(app, ["summarize", str(recs), "--format", fmt, "--output", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert marker in text
    if fmt == "html":
        root = lxml.html.document_fromstring(text)
        _assert_inert(root)
        net = root.xpath("//*[@aria-label='من يتحدث عمّن']")[0].text_content()
        assert "فتحي باشاغا" in net and "مصر" in net
