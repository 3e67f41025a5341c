"""Clubs named by common words are organizations in sports articles, and only there."""

from __future__ import annotations

import pytest

from arnews.analyze.entity_clubs import club_spans, is_sports_article
from arnews.analyze.pipeline import analyze_text

SPORTS = ("وخاض الفريق مباراة قوية في الدوري أمس، وقال المدرب إن اللاعب سجل هدف الفوز. ")


def _clubs(text: str) -> list[str]:
    doc = analyze_text(text, ("tokenize",))
    sents = [doc.tokens[s.token_start:s.token_end] for s in doc.sentences]
    spans: list[list[tuple[str, int, int]]] = [[] for _ in sents]
    club_spans(sents, spans)
    return [toks[a].text for toks, ss in zip(sents, spans) for _t, a, _b in ss]


@pytest.mark.parametrize("text, clubs", [
    # a team cue or a pair of clubs marks the name; its other mentions follow
    (SPORTS + "وفاز الهلال على ضيفه. وقال مدرب الهلال إن الفريق جاهز.", ["الهلال", "الهلال"]),
    (SPORTS + "وتقام مباراة السوبر بين الهلال والنصر في لندن.", ["الهلال", "والنصر"]),
    (SPORTS + "وتعادل لاعبو التعاون مع ضيوفهم، وأكد رئيس التعاون رضاه.", ["التعاون", "التعاون"]),
])
def test_club_spans_find_clubs_in_sports_articles(text, clubs):
    assert _clubs(text) == clubs


@pytest.mark.parametrize("text", [
    # not a sports article: the same words are ordinary
    "وأشاد بدور مجلس التعاون الخليجي وقال إن فريق العمل بين الهلال والنصر متفق.",
    # a sports article, but the words are used in common phrases
    SPORTS + "وشكر الاتحاد السعودي لكرة القدم ودعم الهلال الأحمر والشباب السعودي.",
    # a sports article where the word never stands as a team
    SPORTS + "وأشار إلى أهمية التعاون بين الأندية.",
])
def test_club_spans_leave_ordinary_words(text):
    assert _clubs(text) == []


def test_club_spans_need_enough_sports_words():
    doc = analyze_text("مباراة واحدة في الحي.", ("tokenize",))
    assert not is_sports_article([doc.tokens])
