"""The shipped character table still equals what camel-tools computes (no drift after upgrades)."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))


def test_normalize_table_matches_camel_tools():
    build = pytest.importorskip("build_normalize_table")
    shipped = json.loads(resources.files("arnews.data").joinpath("normalize_table.json").read_text("utf-8"))
    fresh = build.compute()
    for key in ("diacritics", "unicode", "alef", "alef_maksura", "teh_marbuta"):
        assert shipped[key] == fresh[key], key


@pytest.mark.parametrize("text", ["العَرَبِيَّةُ", "أإآٱ", "مصطفى", "مدرسة", "\ufefb\ufdf2"])
def test_normalize_agrees_with_camel_functions(text):
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)

    from arnews.analyze.normalize import normalize_text

    expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(text)))))
    got = normalize_text(text, {"unicode", "diacritics", "alef", "alef_maksura", "teh_marbuta"})
    assert got == expected
