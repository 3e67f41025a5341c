"""Markdown (arnews.render.markdown) and CSV (arnews.render.csv_out) output, and their CLI wiring.

Markdown is checked by rendering it with markdown-it (CommonMark, installed with Rich): hostile
article text must come out as text, not as HTML, links or lists.
"""

from __future__ import annotations

import csv
import io

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from arnews.cli import app
from arnews.render.csv_out import (DOCUMENT_COLUMNS, ENTITY_COLUMNS, QUOTE_COLUMNS, document_csv, entities_csv,
                                   quotes_csv)
from arnews.render.markdown import md_escape, render_markdown
from handmade import handmade_doc

runner = CliRunner()
MD = MarkdownIt("commonmark").enable("table")


def _doc(body: str, ents=(), quotes=()) -> dict:
    """A serialized document under a fixed headline; people carry the role الوزير."""
    return handmade_doc("خبر عاجل", body, ents, quotes, pers_roles=("الوزير",)).to_dict()


SIMPLE = dict(body="قال فتحي باشاغا: «مصر دولة مهمة بالنسبة لليبيا». وزار باشاغا القاهرة.",
              ents=[("فتحي باشاغا", "PERS", ["فتحي باشاغا", "باشاغا"]), ("مصر", "LOC", ["مصر"]),
                    ("ليبيا", "LOC", ["ليبيا"]), ("القاهرة", "LOC", ["القاهرة"])],
              quotes=[("direct", "مصر دولة مهمة بالنسبة لليبيا", "فتحي باشاغا", "E1", "قال")])


# ------------------------------------------------------------------ Markdown

@pytest.mark.parametrize("evil,forbidden", [
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(2)>", "<img"),
    ("[انقر هنا](javascript:alert(3))", "<a "),
    ("![صورة](http://example.com/x.png)", "<img"),
    ("- بند في قائمة", "<li>"),
    ("1. بند مرقم", "<li>"),
    ("# عنوان مزيف", "<h1>"),
    ("**عريض** و`شيفرة`", "<strong>"),
    ("نص\n===", "<h1>"),
])
def test_md_escape_keeps_markup_as_text(evil, forbidden):
    html = MD.render(md_escape(evil))
    assert forbidden not in html
    assert MD.render(md_escape(evil)).count("\\") == 0  # every escape was consumed by the parser


@pytest.mark.parametrize("control", ["\u202e", "\u2067", "\x07"])
def test_md_escape_spells_out_bidi_controls(control):
    out = md_escape(f"قال {control}مقلوب")
    assert control not in out and f"U+{ord(control):04X}" in MD.render(out)


def test_md_escape_cell_keeps_table_shape():
    two_lines = "سطر\nثان"
    row = f"| {md_escape('أ|ب', cell=True)} | {md_escape(two_lines, cell=True)} |"
    html = MD.render("| x | y |\n|---|---|\n" + row)
    assert html.count("<td>") == 2 and "أ|ب" in html and "سطر ثان" in html


def test_render_markdown_report_has_text_entities_and_speakers():
    md = render_markdown(_doc(**SIMPLE))
    html = MD.render(md)
    assert md.startswith("# خبر عاجل\n")
    assert "<strong>فتحي باشاغا</strong>" in html and "ل<strong>ليبيا</strong>" in html
    assert "<td>فتحي باشاغا</td>" in html and "<td>شخص (PERS)</td>" in html and "<td>باشاغا</td>" in html
    speaker = md.index("### فتحي باشاغا")
    assert md.index("> مصر دولة مهمة بالنسبة لليبيا", speaker) > speaker


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"])
def test_render_markdown_hostile_article_stays_text(evil):
    d = _doc(f"قال فتحي باشاغا: «مصر {evil} مهمة». وزار القاهرة.",
             ents=[("فتحي باشاغا", "PERS", ["فتحي باشاغا"]), ("القاهرة", "LOC", ["القاهرة"])],
             quotes=[("direct", f"مصر {evil} مهمة", f"فتحي {evil}", None, "قال")])
    html = MD.render(render_markdown(d))
    assert "<script" not in html and "<img" not in html
    assert evil.replace("<", "&lt;").replace(">", "&gt;") in html


# ------------------------------------------------------------------ CSV

def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_entities_csv_one_row_per_entity():
    d = _doc(**SIMPLE)
    text = entities_csv(d)
    assert text.splitlines()[0].split(",") == ENTITY_COLUMNS
    rows = _rows(text)
    assert [r["name"] for r in rows] == ["فتحي باشاغا", "مصر", "ليبيا", "القاهرة"]
    pers = rows[0]
    assert pers["type"] == "PERS" and pers["count"] == "2" and pers["forms"] == "باشاغا"
    assert pers["roles"] == "الوزير" and d["text"][int(pers["start"]):int(pers["end"])] == "فتحي باشاغا"


def test_quotes_csv_one_row_per_quote():
    d = _doc(**SIMPLE)
    rows = _rows(quotes_csv(d))
    assert list(rows[0]) == QUOTE_COLUMNS and len(rows) == 1
    q = rows[0]
    assert (q["speaker"], q["speaker_entity"], q["cue"], q["type"]) == ("فتحي باشاغا", "E1", "قال", "direct")
    assert d["text"][int(q["start"]):int(q["end"])] == q["text"] == "مصر دولة مهمة بالنسبة لليبيا"


def test_document_csv_has_entity_then_quote_records():
    rows = _rows(document_csv(_doc(**SIMPLE)))
    assert list(rows[0]) == DOCUMENT_COLUMNS
    assert [r["record"] for r in rows] == ["entity"] * 4 + ["quote"]
    assert rows[-1]["speaker"] == "فتحي باشاغا" and rows[-1]["name"] == "" and rows[0]["speaker"] == ""


@pytest.mark.parametrize("evil", ["=HYPERLINK(\"http://x\",\"انقر\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_quotes_csv_guards_against_formulas(evil):
    d = _doc(f"قال المتحدث: «{evil}» ثم انصرف.", quotes=[("direct", evil, evil, None, "قال")])
    row = _rows(quotes_csv(d))[0]
    assert row["text"] == "'" + evil and row["speaker"] == "'" + evil
    assert row["start"].isdigit()


def test_quotes_csv_keeps_commas_quotes_and_newlines():
    content = 'نعم، "بالتأكيد"\nوغدا'
    d = _doc(f"قال زيد: «{content}» ثم مضى.", quotes=[("direct", content, "زيد", None, "قال")])
    assert _rows(quotes_csv(d))[0]["text"] == content


# ------------------------------------------------------------------ CLI

@pytest.mark.parametrize("command,fmt,expect", [
    ("entities", "csv", "id,type,name"),
    ("quotes", "csv", "source,n,type,speaker"),
    ("analyze", "csv", "record,source,id"),
    ("analyze", "md", "## الكيانات"),
    ("entities", "md", "## الكيانات"),
    ("quotes", "md", "## من قال ماذا"),
])
def test_cli_text_formats(sample_path, command, fmt, expect):
    res = runner.invoke(app, [command, str(sample_path), "--format", fmt])
    assert res.exit_code == 0, res.output
    assert expect in res.stdout
    if fmt == "csv":
        rows = _rows(res.stdout)
        assert rows and any("باشاغا" in (r.get("name") or r.get("speaker") or "") for r in rows)
