"""Per-article entities: grouping rules (with a scripted tagger) and the sample article."""

from __future__ import annotations

import pytest

from arnews.analyze.entities import find_entities
from arnews.analyze.pipeline import analyze_text
from scripted_tagger import ScriptedTagger


def _entities(text, spans):
    doc = analyze_text(text, ("tokenize",))
    return doc, find_entities(doc, tagger=ScriptedTagger(spans))


@pytest.mark.parametrize("text, spans, name, forms", [
    # a two-letter stem is no name: فان stays whole and joins the full name
    ("قال لويس فان غال إن الفريق جاهز. وأضاف فان غال أن الموسم طويل.",
     {"لويس فان غال": "PERS", "فان غال": "PERS"}, "لويس فان غال", {"لويس فان غال", "فان غال"}),
    ("وصل خليفة حفتر إلى بنغازي. وقال حفتر إن الوضع مستقر.", {"خليفة حفتر": "PERS", "حفتر": "PERS"},
     "خليفة حفتر", {"خليفة حفتر", "حفتر"}),
    ("زار الوزير ليبيا. وأكد دعمه لليبيا وليبيا.", {"ليبيا": "LOC", "لليبيا": "LOC", "وليبيا": "LOC"},
     "ليبيا", {"ليبيا"}),
    # the kind of body names the entity but stays out of the mention, as news annotation has it
    ("وصل وفد من حكومة الوفاق. واجتمع ممثلو الوفاق.", {"الوفاق": "ORG"}, "حكومة الوفاق",
     {"الوفاق"}),
])
def test_entities_grouping_joins_forms(text, spans, name, forms):
    doc, ents = _entities(text, spans)
    target = [e for e in ents if e.name == name]
    assert len(target) == 1, [e.name for e in ents]
    assert {m.text for m in target[0].mentions} >= forms
    for m in target[0].mentions:
        assert doc.text[m.start:m.end] == m.text


def test_entities_quoted_name_is_not_broken():
    doc, ents = _entities("أكد الجنرال “خليفة حفتر” أن قواته تتقدم.", {"خليفة حفتر": "PERS"})
    (e,) = ents
    assert e.name == "خليفة حفتر" and e.mentions[0].text == "خليفة حفتر"
    assert e.roles == ("الجنرال",)


@pytest.mark.parametrize("text, spans, name, role", [
    ("وقال وزير الداخلية فتحي باشاغا إن الوضع مستقر.", {"فتحي باشاغا": "PERS"}, "فتحي باشاغا", "وزير الداخلية"),
    ("وصرح الرئيس المصري عبد الفتاح السيسي بأن مصر آمنة.", {"عبد الفتاح السيسي": "PERS"}, "عبد الفتاح السيسي",
     "الرئيس المصري"),
])
def test_entities_roles_are_titles_before_the_name(text, spans, name, role):
    _, ents = _entities(text, spans)
    e = next(e for e in ents if e.name == name)
    assert role in e.roles


def test_entities_propagate_repeated_names_but_not_common_words():
    text = "قال فتحي باشاغا إن الوضع هادئ. وأضاف باشاغا أن العمل مستمر لصالح الجميع."
    _, ents = _entities(text, {"فتحي باشاغا": "PERS"})
    (e,) = ents
    assert [m.text for m in e.mentions] == ["فتحي باشاغا"]  # partial names are not guessed from nothing
    _, ents = _entities(text + " ثم التقى باشاغا الوفد.", {"فتحي باشاغا": "PERS", "باشاغا": "PERS"})
    e = next(e for e in ents if e.name == "فتحي باشاغا")
    assert len(e.mentions) == 3


def test_entities_sample_has_what_a_reader_sees(sample_doc):
    by_name = {e.name: e for e in sample_doc.entities}
    expected = {
        "خليفة حفتر": "PERS", "فتحي باشاغا": "PERS", "عقيلة صالح": "PERS",
        "القاهرة": "LOC", "مصر": "LOC", "ليبيا": "LOC", "طرابلس": "LOC", "ترهونة": "LOC",
        "حكومة الوفاق": "ORG", "مجلس نواب طبرق": "ORG", "العربي الجديد": "ORG",
    }
    for name, typ in expected.items():
        assert name in by_name, f"{name} missing; found {sorted(by_name)}"
        assert by_name[name].type == typ, name
    assert "حفتر" in {m.text for m in by_name["خليفة حفتر"].mentions}
    assert "باشاغا" in {m.text for m in by_name["فتحي باشاغا"].mentions}
    libya = by_name["ليبيا"]
    assert any(sample_doc.text[m.start - 1:m.end] == "لليبيا" for m in libya.mentions)


@pytest.mark.parametrize("text, spans, name, clitic_form", [
    ("التقى باراك أوباما الوفد. وقال مسؤول لأوباما إن الاتفاق قريب.", {"باراك أوباما": "PERS", "لأوباما": "PERS"},
     "باراك أوباما", "لأوباما"),
    ("زار الوزير نيروبي أمس. وعاد من نيروبي وبنيروبي أقام.", {"نيروبي": "LOC", "وبنيروبي": "LOC"},
     "نيروبي", "وبنيروبي"),
])
def test_entities_clitic_unknown_to_lexicon_joins_the_name(text, spans, name, clitic_form):
    doc, ents = _entities(text, spans)
    assert [e.name for e in ents] == [name]
    mentions = ents[0].mentions
    assert all(doc.text[m.start:m.end] == m.text for m in mentions)
    assert any(doc.text[m.start - len(clitic_form) + len(m.text):m.end] == clitic_form for m in mentions)


@pytest.mark.parametrize("text, spans, expected", [
    # مجلس النواب is an organization of its own (a named body), not part of the name
    ("وقال رئيس مجلس النواب “عقيلة صالح” إن الحل سياسي.", {"صالح": "PERS"},
     [("مجلس النواب", "ORG"), ("عقيلة صالح", "PERS")]),
    ("وذكرت “سكاي نيوز عربية” أن الوفد وصل.", {"سكاي نيوز": "ORG"}, [("سكاي نيوز عربية", "ORG")]),
])
def test_entities_quoted_name_completed_to_the_marks(text, spans, expected):
    _doc, ents = _entities(text, spans)
    assert [(e.name, e.type) for e in ents] == expected


@pytest.mark.parametrize("text, spans", [
    # a long quotation is a quote, not a name
    ("وقال صالح “إن الحل السياسي هو الطريق الوحيد” للخروج.", {"صالح": "PERS"}),
    # a place inside the marks is not stretched over them
    ("وصفوا “معركة طرابلس” بالحاسمة.", {"طرابلس": "LOC"}),
])
def test_entities_quoted_name_completion_leaves_other_marks(text, spans):
    _doc, ents = _entities(text, spans)
    assert [e.name for e in ents] == list(spans)


class _Features:
    def __init__(self, ranks):
        from arnews.analyze.ner.gazetteer import load_gazetteer

        self.ranks = ranks
        self.gazetteer = load_gazetteer()


@pytest.mark.parametrize("text, ranks, expected", [
    ("وقعت اشتباكات في ترهونة أمس.", {}, ["ترهونة"]),
    ("وقعت اشتباكات في بنغازي أمس.", {"بنغازي": 9060}, ["بنغازي"]),
    # a frequent word that a gazetteer also lists as a place (صالح) is left alone
    ("وجاء القرار في صالح المواطنين.", {"صالح": 277}, []),
    # no locative before it: no evidence
    ("وقالت ترهونة إن", {}, []),
])
def test_entities_rare_gazetteer_place_after_locative(text, ranks, expected):
    doc = analyze_text(text, ("tokenize",))
    tagger = ScriptedTagger({})
    tagger.features = _Features(ranks)
    ents = find_entities(doc, tagger=tagger)
    assert [e.name for e in ents] == expected
    assert all(e.type == "LOC" for e in ents)


@pytest.mark.parametrize("text, spans, name, n", [
    ("عين خالد عبدالله بوعلي رئيسا للتحرير. وتقلد خالد بوعلي مناصب عدة.",
     {"خالد عبدالله بوعلي": "PERS", "خالد بوعلي": "PERS"}, "خالد عبدالله بوعلي", 2),
    ("استقبل شيخ الأزهر أحمد محمد الطيب الوفد. وقال أحمد الطيب إن الزيارة مهمة.",
     {"أحمد محمد الطيب": "PERS", "أحمد الطيب": "PERS"}, "أحمد محمد الطيب", 2),
])
def test_entities_first_and_last_name_join_the_full_name(text, spans, name, n):
    _doc, ents = _entities(text, spans)
    assert [(e.name, len(e.mentions)) for e in ents] == [(name, n)]


@pytest.mark.parametrize("text, spans", [
    ("التقى خالد عبدالله بوعلي بأخيه خالد سعد بوعلي.",
     {"خالد عبدالله بوعلي": "PERS", "خالد سعد بوعلي": "PERS"}),
    ("وصل محمد بن سلمان بن عبدالعزيز. وكان محمد بن عبدالعزيز قد سبقه.",
     {"محمد بن سلمان بن عبدالعزيز": "PERS", "محمد بن عبدالعزيز": "PERS"}),
    # the name after بن is the father's: King Abdulaziz is not Prince Mohammed bin Abdulaziz
    ("افتتح مستشفى محمد بن عبدالعزيز الذي أسسه عبدالعزيز قديما.",
     {"محمد بن عبدالعزيز": "PERS", "عبدالعزيز": "PERS"}),
])
def test_entities_different_people_with_shared_names_stay_apart(text, spans):
    _doc, ents = _entities(text, spans)
    assert sorted(e.name for e in ents) == sorted(spans)


@pytest.mark.parametrize("text, name, typ", [
    ("بحسب موقع “العربي الجديد” فإن الوفد وصل.", "العربي الجديد", "ORG"),
    ("قدمت برنامج «مع نور» على القناة.", "مع نور", "MISC"),
    ("تعود الفنانة بمسلسل جديد بعنوان «خارج نطاق الخدمة» في رمضان.", "خارج نطاق الخدمة", "MISC"),
])
def test_entities_quoted_title_after_media_or_work_word(text, name, typ):
    _doc, ents = _entities(text, {})
    assert [(e.name, e.type) for e in ents] == [(name, typ)]


@pytest.mark.parametrize("text, spans, expected", [
    # a kind of body stays out of the mention but names the entity
    ("وقالت حركة حماس إن الهدنة صامدة.", {"حماس": "ORG"}, [("حركة حماس", "ORG", "حماس")]),
    # a head that belongs to the name joins it, and the place after it makes an organization
    ("وصوت مجلس نواب طبرق على القرار.", {"طبرق": "LOC"}, [("مجلس نواب طبرق", "ORG", "مجلس نواب طبرق")]),
    # after another head, or a title, a place stays a place
    ("وقال مدير دائرة إعلام دبي إن المعرض يفتح غدا.", {"دبي": "LOC"}, [("دبي", "LOC", "دبي")]),
    ("واستقبل حاكم دبي الوفد.", {"دبي": "LOC"}, [("دبي", "LOC", "دبي")]),
    ("وزار أمير منطقة نجران المعرض.", {"نجران": "LOC"}, [("نجران", "LOC", "نجران")]),
    # an honorific with the article is followed by a person
    ("وكان الملك عبدالعزيز قد أسس الدولة.", {"عبدالعزيز": "LOC"}, [("عبدالعزيز", "PERS", "عبدالعزيز")]),
    # ... but a hospital named after him is an institution, one organization
    ("نقل إلى مستشفى الملك عبدالعزيز أمس.", {"عبدالعزيز": "LOC"},
     [("مستشفى الملك عبدالعزيز", "ORG", "مستشفى الملك عبدالعزيز")]),
    # الرئيس is also an adjective (main), and a name does not take a clitic after an honorific
    ("وكانت القناة مصدر الدخل الرئيس لمصر.", {"لمصر": "LOC"}, [("مصر", "LOC", "مصر")]),
    # an adjective alone is no organization name: the head before it joins
    ("وصوت البرلمان المصري على القرار.", {"المصري": "ORG"}, [("البرلمان المصري", "ORG", "البرلمان المصري")]),
])
def test_entities_heads_follow_the_annotation(text, spans, expected):
    _doc, ents = _entities(text, spans)
    assert [(e.name, e.type, e.mentions[0].text) for e in ents] == expected


@pytest.mark.parametrize("text, spans, expected", [
    ("وكان يقول لي مهلا يا خالد.", {"لي": "PERS", "خالد": "PERS"}, ["خالد"]),
    ("وقال لها هو إن الموعد قريب.", {"لها": "PERS", "هو": "PERS"}, []),
])
def test_entities_pronouns_are_never_names_alone(text, spans, expected):
    _doc, ents = _entities(text, spans)
    assert [e.name for e in ents] == expected


@pytest.mark.parametrize("text, spans, expected", [
    ("بلغت الصفقة مليار دولار وسعر الجنيه الإسترليني ثابت.",
     {"دولار": "MISC", "الجنيه الإسترليني": "MISC"}, []),
    ("تراجع الريال أمام الدولار واليورو.", {"الريال": "MISC", "الدولار": "MISC", "واليورو": "MISC"}, []),
    ("وقال الحمد لله ونسأل الله التوفيق.", {"الله": "MISC"}, []),
    # a nationality word alone is no person
    ("خلص باحثون سويديون إلى أن القهوة مفيدة.", {"سويديون": "PERS"}, []),
    # الله inside a person's name, and a named cup, stay
    ("وسجل عبد الله الحربي في كأس العالم.", {"عبد الله الحربي": "PERS", "كأس العالم": "MISC"},
     ["عبد الله الحربي", "كأس العالم"]),
])
def test_entities_currencies_allah_and_nationalities_are_no_names(text, spans, expected):
    _doc, ents = _entities(text, spans)
    assert [e.name for e in ents] == expected


@pytest.mark.parametrize("text, spans, expected", [
    # وزارة + a word that is generic elsewhere (فريق العمل) names the ministry
    ("وأعلنت وزارة العمل أن البرنامج جاهز.", {}, [("وزارة العمل", "ORG", "وزارة العمل")]),
    ("واجتمع فريق العمل أمس.", {}, []),
    # holy places by their fixed names; الحرمين الشريفين after خادم is a title
    ("وصل الحجاج إلى المسجد الحرام والمسجد النبوي.", {"المسجد": "MISC"},
     [("المسجد الحرام", "LOC", "المسجد الحرام"), ("المسجد النبوي", "LOC", "المسجد النبوي")]),
    ("وشكر خادم الحرمين الشريفين الحجاج.", {}, []),
    # a continent takes its direction adjective; a country keeps its bounds
    ("في أوروبا الشرقية وسوريا الجنوبية", {"أوروبا": "LOC", "وسوريا": "LOC"},
     [("أوروبا الشرقية", "LOC", "أوروبا الشرقية"), ("سوريا", "LOC", "سوريا")]),
    # a definite state word with a nationality adjective is the country's official name
    ("تدعم الجمهورية اليمنية الاتفاق.", {}, [("الجمهورية اليمنية", "LOC", "الجمهورية اليمنية")]),
    ("تدعم المملكة الاتفاق.", {}, []),
    # تنظيم is a kind word, like حركة: outside the mention, in the name
    ("وأعلن تنظيم داعش مسؤوليته.", {"داعش": "ORG"}, [("تنظيم داعش", "ORG", "داعش")]),
    # a board names the body after it
    ("وقال رئيس مجلس إدارة سابك إن الأرباح ارتفعت.", {"سابك": "ORG"}, [("سابك", "ORG", "سابك")]),
    ("واجتمع مجلس أمناء مؤسسة الملك خالد الخيرية.", {},
     [("مؤسسة الملك خالد الخيرية", "ORG", "مؤسسة الملك خالد الخيرية")]),
    # a charity named after its founders is one body
    ("ودعمت مؤسسة سالم بن محفوظ الخيرية المشروع.", {"سالم بن محفوظ": "PERS"},
     [("مؤسسة سالم بن محفوظ الخيرية", "ORG", "مؤسسة سالم بن محفوظ الخيرية")]),
    # a club's country in the marks around its name is no part of the name
    ("وفاز الهلال على «اودينيزي الإيطالي» أمس.", {"اودينيزي": "ORG"}, [("اودينيزي", "ORG", "اودينيزي")]),
    ("ووصل «عقيلة صالح» أمس.", {"عقيلة": "PERS"}, [("عقيلة صالح", "PERS", "عقيلة صالح")]),
    ("وزار الوفد جنوب السودان.", {"السودان": "LOC"}, [("جنوب السودان", "LOC", "جنوب السودان")]),
    ("واجتمعت اللجنة الأولمبية الدولية أمس.", {}, [("اللجنة الأولمبية الدولية", "ORG", "اللجنة الأولمبية الدولية")]),
    ("وقال رئيس مجموعة الجريسي إن الحملة ناجحة.", {"الجريسي": "PERS"},
     [("مجموعة الجريسي", "ORG", "مجموعة الجريسي")]),
    # the words of an invocation and units of measure name nothing
    ("بسم الله الرحمن الرحيم", {"الرحمن الرحيم": "PERS"}, []),
    ("ونقل الكابل 380 كيلوفولت إلى المدينة.", {"كيلوفولت": "MISC"}, []),
    ("وقال عبد الرحمن الحربي إن الفوز مهم.", {"عبد الرحمن الحربي": "PERS"},
     [("عبد الرحمن الحربي", "PERS", "عبد الرحمن الحربي")]),
    # a generic word with its adjective is a coordinated genitive of the name
    ("وقال مركز الملك سلمان للإغاثة والأعمال الإنسانية إن المساعدات وصلت.", {},
     [("مركز الملك سلمان للإغاثة والأعمال الإنسانية", "ORG", "مركز الملك سلمان للإغاثة والأعمال الإنسانية")]),
    ("واجتمع مجلس الغرف السعودية ورجال الأعمال أمس.", {}, [("مجلس الغرف السعودية", "ORG", "مجلس الغرف السعودية")]),
    # a hospital's own adjective after its place; a coordinated place is no part of a body
    ("ونقل المصاب إلى مستشفى عسير المركزي.", {"عسير": "LOC"}, [("مستشفى عسير المركزي", "ORG", "مستشفى عسير المركزي")]),
    ("واجتمع وزراء مجلس التعاون الخليجي واليمن.", {"واليمن": "LOC"},
     [("مجلس التعاون الخليجي", "ORG", "مجلس التعاون الخليجي"), ("اليمن", "LOC", "اليمن")]),
    # two-word names of Gulf bodies without a head noun
    ("وأعلن الديوان الملكي وفاة الأمير. وقصفت طائرات التحالف العربي مواقع.", {},
     [("الديوان الملكي", "ORG", "الديوان الملكي"), ("التحالف العربي", "ORG", "التحالف العربي")]),
    # Syrian regions named by their countryside or a direction; the food and drug authority's short name
    ("وقصفت الطائرات الغوطة الشرقية وبلدات في ريف دمشق.", {"الغوطة": "LOC", "دمشق": "LOC"},
     [("الغوطة الشرقية", "LOC", "الغوطة الشرقية"), ("ريف دمشق", "LOC", "ريف دمشق")]),
    ("وحذرت «الغذاء والدواء» من المنتج.", {}, [("الغذاء والدواء", "ORG", "الغذاء والدواء")]),
    # a title alone is no person; a regional directorate is its field and region
    ("وزار البابا القدس. وقال البابا فرنسيس إن السلام ممكن.", {"البابا": "PERS", "فرنسيس": "PERS"},
     [("فرنسيس", "PERS", "فرنسيس")]),
    ("وقال تعليم تبوك إن الدراسة بدأت.", {"تبوك": "LOC"}, [("تعليم تبوك", "ORG", "تعليم تبوك")]),
    ("وتحسن تعليم البنات.", {}, []),
    # ... but عز is a name
    ("وقال عز إن الشركة رابحة.", {"عز": "PERS"}, [("عز", "PERS", "عز")]),
    # a definite body in marks keeps its nationality adjective
    ("وقال «الاتحاد الأوروبي» إن الاتفاق مهم.", {"الاتحاد": "ORG"}, [("الاتحاد الأوروبي", "ORG", "الاتحاد الأوروبي")]),
    # a state word with a clitic the core counts saw once still splits (وسلطنة عمان)
    ("وزار الوفد وسلطنة عمان أمس.", {"وسلطنة": "LOC", "عمان": "LOC"}, [("سلطنة عمان", "LOC", "سلطنة عمان")]),
])
def test_entities_names_of_places_and_bodies_in_real_articles(text, spans, expected):
    _doc, ents = _entities(text, spans)
    assert [(e.name, e.type, e.mentions[0].text) for e in ents] == expected


def test_entities_family_name_that_is_a_nationality_stays():
    # العربي alone is a nationality word, but here it is the family name of نبيل العربي
    _doc, ents = _entities("التقى نبيل العربي الوزير. وقال العربي إن الاجتماع مفيد.",
                           {"نبيل العربي": "PERS", "العربي": "PERS"})
    assert [(e.name, [m.text for m in e.mentions]) for e in ents] == [("نبيل العربي", ["نبيل العربي", "العربي"])]
