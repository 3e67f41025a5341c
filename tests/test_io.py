"""Reading articles: encodings, formats, header split and boilerplate removal, bad input."""

from __future__ import annotations

import json

import pytest

from arnews import errors
from arnews.io import ReadOptions, read_article
from arnews.io.boilerplate import remove_boilerplate, split_header
from arnews.io.encoding import decode_bytes
from arnews.io.reader import read_bytes

HEADLINE = "مصادر: وفد من حكومة “الوفاق” وصل إلى القاهرة لبحث مصير حفتر"


def test_read_sample_splits_category_headline_body(sample_path):
    a = read_article(sample_path)
    assert a.category == "مصر"
    assert a.title == HEADLINE
    assert a.body.startswith("كشفت مصادر دبلوماسية مطلعة")
    assert a.body.endswith("“بالمساعي التركية للهيمنة على ليبيا”.")
    for junk in ("مقالات ذات صلة", "اترك تعليقاً", "لن يتم نشر عنوان بريدك", "زر الذهاب إلى الأعلى"):
        assert junk not in a.body
        assert any(junk in r.text for r in a.removed)


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-16-le", "utf-8-sig", "iso8859_6"])
def test_read_reencoded_sample_gives_same_article(sample_path, tmp_path, encoding):
    text = sample_path.read_text(encoding="utf-8")
    if encoding == "iso8859_6":  # ISO-8859-6 has no curly quotes or ي/ى variants beyond the basics
        text = text.replace("“", '"').replace("”", '"').replace("ً", "").replace("ـ", "")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"the sample cannot be written in {encoding}")
    p = tmp_path / f"article.{encoding}.txt"
    p.write_bytes(data)
    a = read_article(p)
    ref = read_bytes(text.encode("utf-8"), "ref")
    assert a.title == ref.title and a.body == ref.body


@pytest.mark.parametrize("data, expected", [
    ("مرحبا".encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + "مرحبا".encode("utf-8"), "utf-8-sig"),
    ("مرحبا بكم في القاهرة".encode("utf-16"), "utf-16"),
    ("مرحبا بكم في القاهرة اليوم".encode("cp1256"), "cp1256"),
])
def test_decode_bytes_detects_encoding(data, expected):
    text, enc = decode_bytes(data)
    assert enc == expected
    assert text.startswith("مرحبا")


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", bytes(range(256)) * 4])
def test_decode_bytes_refuses_binary(data):
    with pytest.raises(errors.DecodingError):
        decode_bytes(data)


def test_read_html_page_gives_same_title_and_body(sample_path):
    txt = read_article(sample_path)
    page = read_article(sample_path.with_suffix(".html"))
    assert page.source.format == "html"
    assert page.title == txt.title and page.body == txt.body
    assert dict(page.metadata).get("date") == "2020-06-24"


def test_read_json_record_and_fields(sample_path, tmp_path):
    rec = read_article(sample_path.with_suffix(".json"))
    assert rec.title == HEADLINE and rec.source.id == "egypt-libya-gna-delegation"
    p = tmp_path / "corpus.jsonl"
    p.write_text("\n".join(json.dumps({"headline": f"عنوان {i}", "content": f"نص الخبر رقم {i}"},
                                      ensure_ascii=False) for i in range(3)), encoding="utf-8")
    a = read_article(p, ReadOptions(text_field="content", title_field="headline", record=2))
    assert (a.title, a.body) == ("عنوان 2", "نص الخبر رقم 2")
    with pytest.raises(errors.RecordError):
        read_article(p, ReadOptions(text_field="missing"))
    with pytest.raises(errors.RecordError):
        read_article(p, ReadOptions(record=7))


@pytest.mark.parametrize("line, reason", [
    ("مقالات ذات صلة", "related articles"),
    ("اترك تعليقاً", "comment form"),
    ("زر الذهاب إلى الأعلى", "navigation"),
    ("جميع الحقوق محفوظة © 2020", "copyright"),
    ("تابعونا على تويتر", "share/follow"),
    ("شارك على فيسبوك تويتر واتساب", "share/follow"),
])
def test_remove_boilerplate_lines(line, reason):
    body = "\n\n".join(["قال الوزير إن الوضع مستقر."] * 3)
    text, removed = remove_boilerplate(f"{body}\n\n{line}")
    assert line not in text and text.startswith("قال الوزير")
    assert removed and removed[0].reason == reason


def test_remove_boilerplate_tail_rule_ignores_top_of_article():
    text = "اقرأ أيضا\n\n" + "\n\n".join(["جملة من الخبر هنا."] * 6)
    kept, removed = remove_boilerplate(text)
    assert kept.count("جملة من الخبر") == 6


def test_split_header_without_category():
    cat, title, body = split_header("عنوان الخبر\n\nنص الخبر الأول.\n\nنص ثان.")
    assert (cat, title) == (None, "عنوان الخبر") and body.startswith("نص الخبر")


@pytest.mark.parametrize("make, exc", [
    (lambda d: d / "missing.txt", errors.InputNotFoundError),
    (lambda d: d, errors.InputIsDirectoryError),
    (lambda d: (d / "e.txt").write_text("") and d / "e.txt" or d / "e.txt", errors.EmptyInputError),
    (lambda d: (d / "b.bin").write_bytes(b"\x7fELF\x00\x00\x01" * 50) and d / "b.bin", errors.DecodingError),
])
def test_read_article_bad_inputs_raise_typed_errors(tmp_path, make, exc):
    with pytest.raises(exc):
        read_article(make(tmp_path))


def test_read_article_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("كلمة " * 1000, encoding="utf-8")
    with pytest.raises(errors.InputTooLargeError):
        read_article(p, ReadOptions(max_bytes=100))
