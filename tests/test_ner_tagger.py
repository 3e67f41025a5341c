"""The shipped tagger (whatever its kind), its features and its gazetteer helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arnews.analyze.ner.conll import spans
from arnews.analyze.ner.features import normalize, proclitic_splits, split_proclitics
from arnews.analyze.ner.gazetteer import Gazetteer, nationalities, strip_titles, titles
from arnews.analyze.ner.tagger import load_tagger
from arnews.errors import ModelError

ROOT = Path(__file__).resolve().parents[1]
VALID = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def _entities(tagger, sentence: str) -> set[tuple[str, str]]:
    tokens = sentence.split()
    tags = tagger.tag([tokens])[0]
    return {(typ, " ".join(tokens[s:e])) for typ, s, e in spans(tags)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("قال الرئيس المصري عبد الفتاح السيسي إن مصر تدعم الحل السياسي في ليبيا .",
     {("PERS", "عبد الفتاح السيسي"), ("LOC", "مصر"), ("LOC", "ليبيا")}),
    ("وصل وفد من الحكومة إلى القاهرة أمس .", {("LOC", "القاهرة")}),
    ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو .",
     {("PERS", "سيرغي لافروف"), ("LOC", "موسكو")}),
])
def test_ner_tagger_finds_entities(tagger, sentence: str, expected: set) -> None:
    assert expected <= _entities(tagger, sentence)


@pytest.mark.parametrize("sentence", [
    "قال الرئيس المصري عبد الفتاح السيسي",
    "وأعلنت الشركة أرباحها في الربع الثالث من العام .",
    "؟",
])
def test_ner_tagger_returns_valid_bio_per_token(tagger, sentence: str) -> None:
    tokens = sentence.split()
    tags = tagger.tag([tokens])[0]
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID
    for prev, cur in zip(["O"] + tags, tags):
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:], (prev, cur)


def test_ner_tagger_handles_empty_and_many_sentences(tagger) -> None:
    out = tagger.tag([[], ["في", "بغداد"], []])
    assert [len(x) for x in out] == [0, 2, 0]


def test_ner_tagger_is_cached(tagger) -> None:
    assert load_tagger() is tagger


def test_ner_tagger_missing_model_dir_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load_tagger(tmp_path)


def test_ner_tagger_does_not_import_torch() -> None:
    code = ("import sys, arnews; from arnews.analyze.ner.tagger import load_tagger;"
            "load_tagger().tag([['قال', 'محمد']]);"
            "print('torch' in sys.modules, 'transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["False", "False"]


@pytest.mark.parametrize(("text", "expected"), [
    ("أحمد", "احمد"), ("إيران", "ايران"), ("مصطفى", "مصطفي"), ("القاهرة", "القاهره"),
    ("مُحَمَّد", "محمد"), ("الـعـراق", "العراق"), ("٢٠١٥", "2015"),
])
def test_ner_features_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("والقاهره", ("وال", "قاهره")), ("لليبيا", ("لل", "يبيا")), ("بالرياض", ("بال", "رياض")),
    ("الله", ("", "الله")), ("بغداد", ("", "بغداد")),
])
def test_ner_features_split_proclitics_without_ranks(word: str, expected: tuple) -> None:
    assert split_proclitics(word) == expected


def test_ner_features_split_letter_clitic_uses_frequency() -> None:
    ranks = {"قال": 5, "وقال": 50, "وزير": 10}
    assert split_proclitics("وقال", ranks) == ("و", "قال")
    assert split_proclitics("وزير", ranks) == ("", "وزير")


@pytest.mark.parametrize(("word", "stem"), [
    ("بالقاهره", "القاهره"), ("لليبيا", "ليبيا"), ("ومصر", "مصر"), ("وللرياض", "الرياض"),
])
def test_ner_features_proclitic_splits_offer_gazetteer_stem(word: str, stem: str) -> None:
    assert stem in [s for _p, s in proclitic_splits(word)]


def test_ner_gazetteer_matches_multiword_with_clitic() -> None:
    gaz = Gazetteer.from_pairs([("COUNTRY", "المملكه العربيه السعوديه"), ("CITY", "جده")])
    norms = [normalize(t) for t in "زار والمملكة العربية السعودية و جدة".split()]
    out = gaz.match_sentence(norms)
    assert out[1] == [("COUNTRY", "B")] and out[3] == [("COUNTRY", "I")]
    assert out[0] == [] and out[5] == []
    assert gaz.word_labels(normalize("بجدة")) == ("CITY",)


def test_ner_gazetteer_phrases_by_label_are_built_once() -> None:
    # callers ask per word and per speaker: the set is computed once per label, not per call
    gaz = Gazetteer.from_pairs([("NAT", "مصري"), ("NAT", "المصريه"), ("CITY", "جده")])
    assert gaz.phrases("NAT") == {"مصري", "المصريه"}
    assert gaz.phrases("NAT") is gaz.phrases("NAT")


@pytest.mark.parametrize(("name", "expected"), [
    ("الرئيس المصري عبد الفتاح السيسي", "عبد الفتاح السيسي"),
    ("وزير الخارجية سامح شكري", "سامح شكري"),
    ("الشيخ محمد بن راشد", "محمد بن راشد"),
    ("أحمد محمد", "أحمد محمد"),
    ("الرئيس", "الرئيس"),
    ("مستشارو أوباما", "أوباما"),      # a plural title in construct
    ("عمرو موسى", "عمرو موسى"),        # a name that ends in و
])
def test_ner_gazetteer_strip_titles(name: str, expected: str) -> None:
    assert " ".join(strip_titles(name.split())) == expected


@pytest.mark.parametrize("word", ["المصريه", "الامريكيين", "سعودي", "الفرنسيون"])
def test_ner_gazetteer_nationalities_have_inflected_forms(word: str) -> None:
    assert word in nationalities()


@pytest.mark.parametrize("phrase", ["الرئيس", "وزير الداخليه", "المتحدث باسم", "الملك"])
def test_ner_gazetteer_titles_listed(phrase: str) -> None:
    assert phrase in titles()


def test_ner_camel_backend_missing_is_typed_error(monkeypatch, tmp_path: Path) -> None:
    from arnews.analyze.ner import camel_backend

    camel_backend.load_camel_tagger.cache_clear()
    monkeypatch.setitem(sys.modules, "camel_tools.ner", None)  # import fails
    with pytest.raises(camel_backend.CamelNERUnavailableError):
        camel_backend.load_camel_tagger(tmp_path)
    assert issubclass(camel_backend.CamelNERUnavailableError, ModelError)


def test_ner_camel_backend_maps_tags_to_arnews_types() -> None:
    from arnews.analyze.ner.camel_backend import CamelTagger

    class FakeRecognizer:
        def predict(self, sentences):
            return [["B-PER", "I-PER", "O", "I-MIS"][:len(s)] for s in sentences]

    out = CamelTagger(FakeRecognizer()).tag([["محمد", "علي", "في", "كأس"], []])
    assert out == [["B-PERS", "I-PERS", "O", "B-MISC"], []]
