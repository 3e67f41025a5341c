"""Normalization steps, each switchable, and the map back to the original characters."""

from __future__ import annotations

import pytest

from arnews.analyze.normalize import MATCH_STEPS, STEPS, normalize, normalize_text


@pytest.mark.parametrize("step, text, expected", [
    ("diacritics", "العَرَبِيَّةُ", "العربية"),
    ("diacritics", "كِتَابٌ", "كتاب"),
    ("tatweel", "جمـــيلة", "جميلة"),
    ("alef", "أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
    ("alef_maksura", "مصطفى على", "مصطفي علي"),
    ("teh_marbuta", "مدينة جميلة", "مدينه جميله"),
    ("digits", "عام ٢٠١٩ و۱۴۰۰", "عام 2019 و1400"),
    ("punctuation", "نعم، لا؛ لماذا؟ ٥٪", "نعم, لا; لماذا? ٥%"),
    ("controls", "مصر\u200f\u200b ليبيا\u202b", "مصر ليبيا"),
    ("unicode", "\ufefb\ufe8e", "لاا"),
])
def test_normalize_step_alone(step, text, expected):
    assert normalize_text(text, {step}) == expected


@pytest.mark.parametrize("step", STEPS)
def test_normalize_step_can_be_switched_off(step):
    samples = {"diacritics": "عَ", "tatweel": "عـد", "alef": "أ", "alef_maksura": "ى", "teh_marbuta": "ة",
               "digits": "٣", "punctuation": "،", "controls": "\u200f", "unicode": "\ufefb"}
    text = samples[step]
    assert normalize_text(text, set(STEPS) - {step}) != normalize_text(text, set(STEPS))
    assert normalize_text(text, set()) == text


def test_normalize_default_steps_keep_arabic_punctuation():
    assert "punctuation" not in MATCH_STEPS
    assert normalize_text("قال، ثم") == "قال، ثم"


@pytest.mark.parametrize("text", [
    "العَرَبِيَّةُ ـــ جميلة",
    "\ufefb\u200fأحمد١٢ ﷺ كِتَابٌ",
    "نصّ مع شدّة وتنوين: كتابًا، ومدّ آمن",
    "",
])
def test_normalize_offset_map_points_into_original(text):
    n = normalize(text)
    assert len(n.origin) == len(n.text)
    assert list(n.origin) == sorted(n.origin)
    for i, ch in enumerate(n.text):
        # Each normalized character comes from an original one that normalizes to contain it.
        assert ch in normalize_text(text[n.origin[i]])


def test_normalize_span_to_original_covers_removed_marks():
    text = "قالَ الوزيرُ"
    n = normalize(text)
    s = n.text.index("الوزير")
    start, end = n.span_to_original(s, s + len("الوزير"))
    assert text[start:end] == "الوزير"
    s2 = n.text.index("قال")
    assert text[slice(*n.span_to_original(s2, s2 + 3))] == "قال"


def test_normalize_unknown_step_is_an_error():
    with pytest.raises(ValueError):
        normalize_text("x", {"nope"})
