"""Names the tagger misses on real news: bodies and events written as head + complement, outlets."""

from __future__ import annotations

import pytest

from arnews.analyze.entity_heads import head_spans
from arnews.analyze.entity_spans import outlet_spans
from arnews.analyze.tokenize import tokenize


def _found(text: str, tagged: dict[str, str] | None = None, rule=head_spans) -> list[tuple[str, str]]:
    """(type, words) of the spans after ``rule``, with ``tagged`` word runs as the tagger's spans."""
    toks = tokenize(text)
    words = [t.text for t in toks]
    spans = []
    for phrase, typ in (tagged or {}).items():
        ph = phrase.split()
        for i in range(len(words) - len(ph) + 1):
            if words[i:i + len(ph)] == ph:
                spans.append((typ, i, i + len(ph)))
    return [(typ, " ".join(words[a:b])) for typ, a, b in rule(toks, sorted(spans, key=lambda s: s[1]))]


@pytest.mark.parametrize("text, tagged, expected", [
    ("وأعلنت وزارة الداخلية أمس القبض عليه.", None, ("ORG", "وزارة الداخلية")),
    ("ورفعت القضية إلى هيئة التحقيق والادعاء العام للتحقيق معه.", None,
     ("ORG", "هيئة التحقيق والادعاء العام")),
    ("وتوقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار.", None,
     ("ORG", "الرئاسة العامة للأرصاد وحماية البيئة")),
    ("وأيدت المحكمة العليا الحكم.", None, ("ORG", "المحكمة العليا")),
    ("وفاز المنتخب السعودي على ضيفه.", None, ("ORG", "المنتخب السعودي")),
    ("وأوضحت شرطة ينبع أن الحادث وقع.", {"ينبع": "LOC"}, ("ORG", "شرطة ينبع")),
    ("وتخرج في جامعة الملك سعود عام 2000.", {"الملك سعود": "PERS"}, ("ORG", "جامعة الملك سعود")),
    ("وقال بيان هيئة كبار العلماء إن الفتوى صدرت.", None, ("ORG", "هيئة كبار العلماء")),
    ("وباشرت فرق الدفاع المدني الحريق.", None, ("ORG", "الدفاع المدني")),
    ("وتأهل الفريق إلى نهائيات كأس العالم.", None, ("MISC", "كأس العالم")),
    ("ويستعد لبطولة كأس الأبطال الدولية في الصين.", {"الصين": "LOC"},
     ("MISC", "لبطولة كأس الأبطال الدولية")),
    ("وهنأ المواطنين بمناسبة عيد الفطر المبارك.", None, ("MISC", "عيد الفطر")),
    ("وتصدت المقاومة الشعبية لهجوم ميليشيات الحوثيين على المدينة.", None, ("ORG", "الحوثيين")),
    ("وتصدت المقاومة الشعبية لهجوم ميليشيات الحوثيين على المدينة.", None, ("ORG", "المقاومة الشعبية")),
    ("وأشاد بالهيئة السعودية للتخصصات الصحية.", None, ("ORG", "بالهيئة السعودية للتخصصات الصحية")),
    ("ونقل إلى مستشفى الملك خالد بالخرج.", {"خالد بالخرج": "PERS"}, ("ORG", "مستشفى الملك خالد")),
    # a place named after a person is a place, not the person
    ("ووصل إلى مطار الملك خالد الدولي بالرياض.", {"خالد": "PERS"}, ("LOC", "مطار الملك خالد الدولي")),
    ("وصلى في جامع الإمام تركي بن عبدالله أمس.", None, ("LOC", "جامع الإمام تركي بن عبدالله")),
    ("وصلى في جامع الإمام تركي بن عبد الله أمس.", None, ("LOC", "جامع الإمام تركي بن عبد الله")),
    # a sport written as a genitive completes the body's name
    ("وعاقب الاتحاد الأوروبي لكرة القدم النادي.", None, ("ORG", "الاتحاد الأوروبي لكرة القدم")),
    ("وقرر الاتحاد السعودي للكرة الطائرة تأجيل المباراة.", None,
     ("ORG", "الاتحاد السعودي للكرة الطائرة")),
    ("واتهم الحرس الثوري الإيراني بالهجوم.", None, ("ORG", "الحرس الثوري الإيراني")),
    ("وقالت الخارجية الأمريكية في بيان إن الاتفاق صامد.", None, ("ORG", "الخارجية الأمريكية")),
    ("واستدعت السفارة الهولندية مواطنيها.", None, ("ORG", "السفارة الهولندية")),
    ("وتبنى تنظيم الدولة الإسلامية الهجوم.", None, ("ORG", "الدولة الإسلامية")),
    # a centre or a city named after a person: a body, or a place when neither medical nor ل-genitive
    ("وقدم مركز الملك عبدالله للدراسات تقريرا.", {"عبدالله": "PERS"}, ("ORG", "مركز الملك عبدالله للدراسات")),
    ("ونقل إلى مدينة الأمير سلطان الطبية العسكرية.", {"سلطان": "PERS"},
     ("ORG", "مدينة الأمير سلطان الطبية العسكرية")),
    ("وقدمت مدينة الملك عبدالعزيز للعلوم والتقنية برنامجا.", None,
     ("ORG", "مدينة الملك عبدالعزيز للعلوم والتقنية")),
    ("وأقيمت المباراة في مدينة الملك عبدالله الرياضية بجدة.", {"عبدالله الرياضية": "LOC"},
     ("LOC", "مدينة الملك عبدالله الرياضية")),
    # a genitive after the honorific's name only with its conjunct or adjective (not للطلاب منحا)
    ("وقدمت جامعة الملك سعود للطلاب منحا.", None, ("ORG", "جامعة الملك سعود")),
    ("ونقل إلى مستشفى الملك خالد للعيون بالرياض.", None, ("ORG", "مستشفى الملك خالد للعيون")),
    ("ودرس في جامعة الملك سعود للعلوم الصحية.", None, ("ORG", "جامعة الملك سعود للعلوم الصحية")),
    # the tagger's body cut at the honorific stays when no name follows
    ("وتخرج في جامعة الإمام عام 2000.", {"جامعة الإمام": "ORG"}, ("ORG", "جامعة الإمام")),
    # a two-word fixed name completes a head, also where the tagger found only its first word
    ("وتبقى هيئة الهلال الأحمر مسؤولة عن الإغاثة.", None, ("ORG", "هيئة الهلال الأحمر")),
    ("وقالت هيئة الهلال الأحمر إن الفرق جاهزة.", {"الهلال": "ORG"}, ("ORG", "هيئة الهلال الأحمر")),
    ("وحذرت سفارة خادم الحرمين الشريفين في اليونان المواطنين.", {"اليونان": "LOC"},
     ("ORG", "سفارة خادم الحرمين الشريفين")),
    # a body the tagger cut at the honorific takes the name after it
    ("ودرس في جامعة الإمام محمد بن سعود الإسلامية بالرياض.", {"جامعة الإمام": "ORG", "محمد بن سعود": "PERS"},
     ("ORG", "جامعة الإمام محمد بن سعود الإسلامية")),
    # a complement written as a fixed phrase
    ("وضبطت هيئة الأمر بالمعروف والنهي عن المنكر المتهم.", None,
     ("ORG", "هيئة الأمر بالمعروف والنهي عن المنكر")),
    ("وأعلنت الرئاسة العامة لهيئة الأمر بالمعروف والنهي عن المنكر خطتها.", None,
     ("ORG", "الرئاسة العامة لهيئة الأمر بالمعروف والنهي عن المنكر")),
    # the ه of الله is no pronoun: the name goes on
    ("ودرس في جامعة الملك عبدالله للعلوم والتقنية.", None, ("ORG", "جامعة الملك عبدالله للعلوم والتقنية")),
])
def test_head_spans_find_named_bodies_and_events(text, tagged, expected):
    assert expected in _found(text, tagged)


@pytest.mark.parametrize("text", [
    "وعقد مجلس الإدارة اجتماعه الأول.",            # the board of any company
    "وانتشرت القوات الأمنية العراقية في المدينة.",  # a description, not a name
    "واشتبكت القوات الموالية للرئيس مع المسلحين.",
    "وأعلنت الوزارة عن خطة جديدة.",                 # a head alone
    "وتحدث عن إدارة المشاريع الكبرى.",              # management of the projects
    "وقال إن الجهاز الفني راض عن الأداء.",
    "وذكر أن جريدة يتم إغلاقها.",
    "وهذا بقوة السلاح.",
    "وقاتل المتمردين الحوثيين في المدينة.",   # an adjective after a definite noun
    # a ministry adjective after a title or a definite noun is part of a role or a description
    "وقالت وزيرة الخارجية الأميركية إن الاتفاق صامد.",
    "وانتقد السياسة الخارجية الأمريكية في المنطقة.",
    "وانتقد وزيري الخارجية الأمريكية والروسية.",
    "واهتم بالسياسة الخارجية الأمريكية في المنطقة.",
    "وشكرت الجمعية خادم الحرمين الشريفين على دعمه.",   # a fixed name after a definite head: its object
    "وعزز ذلك مركز الأمير محمد في الحكم.",      # مركز + a name alone: a position
    "وقدم مركز التدريب دورة جديدة.",             # a centre or a city without an honorific
    "وزار الوفد مدينة جدة.",
])
def test_head_spans_leave_descriptions_alone(text):
    assert _found(text) == []


def test_head_spans_keep_a_tagged_name_that_crosses_the_phrase():
    # the tagger's span runs past the head phrase: the rule does not cut it
    assert _found("وقال وزير الخارجية عادل الجبير.", {"الخارجية عادل الجبير": "PERS"}) == \
        [("PERS", "الخارجية عادل الجبير")]


@pytest.mark.parametrize("text, tagged, expected", [
    ("الرياض - واس\nأعلن المتحدث", {"الرياض": "LOC"}, ("ORG", "واس")),
    ('وكشف لـ "الاقتصادية" أن الفريق جاهز.', None, ("ORG", "الاقتصادية")),
    ("رابط الخبر بصحيفة الوئام: الذهب يرتفع", None, ("ORG", "الوئام")),
    ("عين اليوم – لندن", {"لندن": "LOC"}, ("ORG", "عين اليوم")),   # one sentence: the line
    ("سبق- أبها: بدأ النادي برنامجه", {"أبها": "LOC"}, ("ORG", "سبق")),
    ("ونقلت صحيفة الشرق الأوسط عن مصادر", {"الشرق الأوسط": "LOC"}, ("ORG", "الشرق الأوسط")),
])
def test_outlet_spans_find_news_outlets(text, tagged, expected):
    assert expected in _found(text, tagged, outlet_spans)


@pytest.mark.parametrize("text, tagged", [
    ("تدشين قناة السويس الجديدة", None),                    # a canal
    ('وقدم لـ "ما وراء الخوف" عرضا', None),                  # a quoted title, not an outlet
    ("وانقطعت شبكة الكهرباء", None),
])
def test_outlet_spans_leave_other_words(text, tagged):
    assert all(typ != "ORG" for typ, _ in _found(text, tagged, outlet_spans))


def _gazetteer_found(text: str, tagged_word: str) -> list[tuple[str, str]]:
    """(type, words) after ``gazetteer_places`` with the shipped features, ``tagged_word`` tagged LOC."""
    from pathlib import Path

    from arnews.analyze.entity_spans import gazetteer_places
    from arnews.analyze.ner.tagger import load_features

    features = load_features(Path(__file__).resolve().parents[1] / "arnews" / "data" / "ner")
    toks = tokenize(text)
    words = [t.text for t in toks]
    tagged = [("LOC", words.index(tagged_word), words.index(tagged_word) + 1)]
    return [(typ, " ".join(words[a:b])) for typ, a, b in gazetteer_places(toks, tagged, features)]


def test_gazetteer_places_add_untagged_multiword_places():
    found = _gazetteer_found("وأسعف المصابون بالمدينة المنورة ومكة المكرمة.", "ومكة")
    # the untagged phrase is added whole; a place tagged on its first word takes the epithet
    assert ("LOC", "بالمدينة المنورة") in found and ("LOC", "ومكة المكرمة") in found
    assert ("LOC", "ومكة") not in found


def test_gazetteer_places_keep_a_place_tagged_on_the_last_words():
    found = _gazetteer_found("وزار الوفد دولة قطر أمس.", "قطر")
    assert ("LOC", "قطر") in found and ("LOC", "دولة قطر") not in found


@pytest.mark.parametrize("text, tagged, expected", [
    ("وزار بجمهورية مصر العربية الأسبوع الماضي.", {"مصر": "LOC"}, ("LOC", "بجمهورية مصر العربية")),
    ("وأقيم الحفل في مملكة البحرين.", {"البحرين": "LOC"}, ("LOC", "مملكة البحرين")),
    # the tagger's two places, the state word and the country, are one name
    ("وصل السفير إلى سلطنة عمان أمس.", {"سلطنة": "LOC", "عمان": "LOC"}, ("LOC", "سلطنة عمان")),
])
def test_head_spans_join_a_state_word_to_its_place(text, tagged, expected):
    assert expected in _found(text, tagged)


def test_head_spans_leave_the_definite_state_word_out():
    # المملكة alone is a reference to the country, not part of the name after it
    assert ("LOC", "الأردن") in _found("وأعلنت المملكة الأردن شريكا.", {"الأردن": "LOC"})


# --- end to end: what find_entities reports (type, mention as written) ---

def _mentions(text: str, tagged: dict[str, str]) -> list[tuple[str, str]]:
    from arnews.analyze.entities import find_entities
    from arnews.analyze.pipeline import analyze_text
    from scripted_tagger import ScriptedTagger

    ents = find_entities(analyze_text(text, ("tokenize",)), tagger=ScriptedTagger(tagged))
    return sorted((e.type, m.text) for e in ents for m in e.mentions)


@pytest.mark.parametrize("text, tagged, expected", [
    # an agency acronym keeps its first letter (واس is not و + اس)
    ("الرياض - واس\nأعلن المتحدث الرسمي الخبر.", {"الرياض": "LOC"}, [("LOC", "الرياض"), ("ORG", "واس")]),
    ("أسعار النفط ترتفع\n\nعين اليوم – لندن\nارتفعت أسعار النفط أمس.", {"لندن": "LOC"},
     [("LOC", "لندن"), ("ORG", "عين اليوم")]),
    # a body named after a person keeps the whole بن chain, and the person gives way
    ("ونقل إلى مستشفى الملك فهد بن عبدالعزيز بجدة.", {"فهد بن عبدالعزيز بجدة": "PERS"},
     [("ORG", "مستشفى الملك فهد بن عبدالعزيز")]),
    # a place after a dash inside running text is no dateline
    ("وقال المتحدث الرسمي – الرياض إن الوضع مستقر.", {"الرياض": "LOC"}, [("LOC", "الرياض")]),
    ('وقالت لـ"هي" إن الفيلم جاهز.', {}, []),
    # a name particle after a conjunction is still a clitic: one entity, not two
    ("التقى المبعوث دي ميستورا الوفد. واجتمع الوزير ودي ميستورا أمس.",
     {"دي ميستورا": "PERS", "ودي ميستورا": "PERS"}, [("PERS", "دي ميستورا"), ("PERS", "دي ميستورا")]),
    # in a list of names the conjunction is a clitic even on a name the lexicon does not know,
    # but not the first letter of a known word (واشنطن, ويليام)
    ("وقرأ أعمال تشيخوف، ودوستوفسكي، وكامو في شبابه.", {"تشيخوف": "PERS", "ودوستوفسكي": "PERS", "وكامو": "PERS"},
     [("PERS", "تشيخوف"), ("PERS", "دوستوفسكي"), ("PERS", "كامو")]),
    ("وزار بكين، واشنطن، وموسكو.", {"بكين": "LOC", "واشنطن": "LOC", "وموسكو": "LOC"},
     [("LOC", "بكين"), ("LOC", "موسكو"), ("LOC", "واشنطن")]),
    ("والتقى جون كيري، ويليام بيرنز.", {"جون كيري": "PERS", "ويليام بيرنز": "PERS"},
     [("PERS", "جون كيري"), ("PERS", "ويليام بيرنز")]),
    # ... nor a word the article writes inside a longer name (ستيف ويتكوف)
    ("وصل ستيف ويتكوف أمس. وحضر كوشنر، ويتكوف، وروبيو.",
     {"ستيف ويتكوف": "PERS", "كوشنر": "PERS", "ويتكوف": "PERS", "وروبيو": "PERS"},
     [("PERS", "روبيو"), ("PERS", "ستيف ويتكوف"), ("PERS", "كوشنر"), ("PERS", "ويتكوف")]),
])
def test_entities_end_to_end_mentions(text, tagged, expected):
    assert _mentions(text, tagged) == expected


@pytest.mark.parametrize("text, tagged, name, count", [
    ("وصلت الطائرة إلى ألبانيا أمس. وأكد سفير جمهورية ألبانيا أن ألبانيا ممتنة.", {"ألبانيا": "LOC"},
     "ألبانيا", 3),
    ("شهدت مكة المكرمة أمطارا. وقال الدفاع المدني بمكة إن الفرق جاهزة. وتستمر الأمطار على مكة المكرمة.",
     {"مكة المكرمة": "LOC", "بمكة": "LOC"}, "مكة المكرمة", 3),
    # another place that starts with the same name stays apart
    ("زار الوفد كوريا الجنوبية ثم كوريا الشمالية.", {"كوريا الجنوبية": "LOC", "كوريا الشمالية": "LOC"},
     None, None),
])
def test_entities_group_a_place_with_its_full_name(text, tagged, name, count):
    from arnews.analyze.entities import find_entities
    from arnews.analyze.pipeline import analyze_text
    from scripted_tagger import ScriptedTagger

    places = [e for e in find_entities(analyze_text(text, ("tokenize",)), tagger=ScriptedTagger(tagged))
              if e.type == "LOC"]
    if name is None:
        assert len(places) == 2
    else:
        assert [(e.name, len(e.mentions)) for e in places] == [(name, count)]


def test_entities_join_a_hyphenated_name():
    assert _mentions("وقال وزير الخارجية فرانك-فالتر شتاينماير إن القرار شجاع.",
                     {"فرانك": "PERS", "فالتر شتاينماير": "PERS"}) == [("PERS", "فرانك-فالتر شتاينماير")]


@pytest.mark.parametrize("text", ["جولة في مركز الملك", "مدينة الأمير"])
def test_head_spans_honorific_at_the_end_of_a_sentence(text):
    assert _found(text) == []


def test_entities_organization_takes_no_title_as_its_kind():
    from arnews.analyze.entities import find_entities
    from arnews.analyze.pipeline import analyze_text
    from scripted_tagger import ScriptedTagger

    class FirstAsPerson(ScriptedTagger):   # the tagger once calls the body a person, after a title
        def tag(self, sentences):
            out = super().tag(sentences)
            out[0] = [t.replace("ORG", "PERS") for t in out[0]]
            return out

    text = "وقال المتحدث الرسمي باسم آيباك إن الحملة مستمرة. وأنفقت آيباك ملايين. وتعمل آيباك في واشنطن."
    tagged = {"آيباك": "ORG", "واشنطن": "LOC"}
    ents = find_entities(analyze_text(text, ("tokenize",)), tagger=FirstAsPerson(tagged))
    orgs = [e for e in ents if e.type == "ORG"]
    assert [e.name for e in orgs] == ["آيباك"]

