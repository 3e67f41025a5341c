"""Tokens, sentences and proclitic splitting, with offsets into the original text."""

from __future__ import annotations

import pytest

from arnews.analyze.tokenize import segment, sentence_spans, split_proclitics, tokenize
from arnews.analyze.normalize import normalize_text


@pytest.mark.parametrize("word, prefix, stem", [
    ("لليبيا", "ل", "ليبيا"),
    ("والقاهرة", "و", "القاهره"),
    ("بحكومة", "ب", "حكومه"),
    ("للحكومة", "ل", "الحكومه"),
    ("فمصر", "ف", "مصر"),
    ("وزير", "", "وزير"),
    ("فرنسا", "", "فرنسا"),
    ("لبنان", "", "لبنان"),
    ("بريطانيا", "", "بريطانيا"),
    ("ولبنان", "و", "لبنان"),
    # words ANERcorp never saw are decided by news counts: names after و, places after ب
    ("ووفاء", "و", "وفاء"),
    ("وفاروق", "و", "فاروق"),
    ("لخادم", "ل", "خادم"),
    ("بعسير", "ب", "عسير"),
    # a whole word seen once in ANERcorp whose rest it never saw is decided by the news counts too
    ("وسلطنة", "و", "سلطنه"),
    # and whole words stay whole: a name from the gazetteer, a word far commoner than its rest
    ("كمال", "", "كمال"),
    ("موبايلي", "", "موبايلي"),
])
def test_split_proclitics_cases(word, prefix, stem):
    assert split_proclitics(normalize_text(word)) == (prefix, stem)


def test_tokenize_offsets_slice_original():
    text = "قالَ “خليفة حفتر”، إنّ ١٢٫٥ مليون (2019)."
    toks = tokenize(text)
    assert [t.text for t in toks][:4] == ["قالَ", "“", "خليفة", "حفتر"]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert "١٢٫٥" in [t.text for t in toks]
    assert toks[0].norm == "قال"


def test_tokenize_bare_forms_meet():
    toks = tokenize("لليبيا وليبيا ليبيا")
    assert {t.bare for t in toks} == {"ليبيا"}


@pytest.mark.parametrize("text, n", [
    ("قال الوزير. وأضاف أن الوضع خطير!", 2),
    ("عنوان\n\nجملة أولى. جملة ثانية؟ ثالثة", 4),
    ("سعر 2.5 دولار. انتهى", 2),
    ("قال: «انتهى.» ثم غادر.", 2),
])
def test_sentence_spans_count(text, n):
    spans = sentence_spans(text)
    assert len(spans) == n
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()


def test_segment_sentences_index_tokens(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    sentences, tokens = segment(text)
    assert sentences and tokens
    for s in sentences:
        inside = tokens[s.token_start:s.token_end]
        assert inside and inside[0].start >= s.start and inside[-1].end <= s.end
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


@pytest.mark.parametrize("text, word, prefix", [
    ("فرانك-فالتر شتاينماير", "فالتر", ""),      # the second part of a hyphenated name
    ("الرياض-واس", "واس", ""),                    # a dateline written without spaces
    ("الرياض - وبيروت", "وبيروت", "و"),           # a spaced dash separates words: the clitic stays
])
def test_tokenize_hyphen_glued_part_takes_no_clitic(text, word, prefix):
    tok = next(t for t in tokenize(text) if t.text == word)
    assert tok.prefix == prefix
