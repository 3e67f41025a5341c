"""Attributed quote extraction (arnews.analyze.quotes) on hand-written Arabic cases."""

from __future__ import annotations

import json

import pytest

from arnews.analyze.quote_eval import normalize_speaker
from arnews.analyze.quote_lexicon import load_lexicon, norm, tolerant_pattern
from arnews.analyze.quotes import extract_quotes
from arnews.errors import InputError
from arnews.model import Entity, Mention, Sentence


def _quotes(text):
    return [(q.type, q.text, q.speaker.name if q.speaker else None) for q in extract_quotes(text)]


# (text, expected [(type, content, speaker)])
KIND_CASES = [
    pytest.param("وقال وزير الداخلية فتحي باشاغا إن الوضع الأمني مستقر في العاصمة.",
                 [("indirect", "الوضع الأمني مستقر في العاصمة", "فتحي باشاغا")], id="indirect-vso-title"),
    pytest.param("وأشارت وزارة الصحة إلى أن عدد الحالات تراجع خلال الأسبوع.",
                 [("indirect", "عدد الحالات تراجع خلال الأسبوع", "وزارة الصحة")], id="indirect-ila-anna-fem"),
    pytest.param("وأكدوا بأنهم سيواصلون العمل حتى نهاية العام.",
                 [("indirect", "سيواصلون العمل حتى نهاية العام", None)], id="indirect-plural-bi-anna"),
    pytest.param("كانت مصادر طبية قد أعلنت أن ثلاثة أشخاص أصيبوا في الحادث.",
                 [("indirect", "ثلاثة أشخاص أصيبوا في الحادث", "مصادر طبية")], id="indirect-svo"),
    pytest.param("لكن منتقدين يقولون إن الخطة لم تحقق أهدافها.",
                 [("indirect", "الخطة لم تحقق أهدافها", "منتقدين")], id="indirect-imperfect-svo"),
    pytest.param("وقال المدير أحمد الزهراني: «نحن مستعدون تماما للموسم المقبل».",
                 [("direct", "نحن مستعدون تماما للموسم المقبل", "أحمد الزهراني")], id="direct-guillemets-colon"),
    pytest.param("وقال اللاعب سالم الدوسري “الفريق قدم مباراة كبيرة اليوم”.",
                 [("direct", "الفريق قدم مباراة كبيرة اليوم", "سالم الدوسري")], id="direct-curly-no-colon"),
    pytest.param("وقال المدرب خالد العطوي: ”اللاعبون بذلوا جهدا كبيرا في التدريبات“.",
                 [("direct", "اللاعبون بذلوا جهدا كبيرا في التدريبات", "خالد العطوي")], id="direct-reversed-marks"),
    pytest.param('وأضاف الدكتور سعد الحربي: "المستشفى يستقبل المراجعين على مدار الساعة".',
                 [("direct", "المستشفى يستقبل المراجعين على مدار الساعة", "سعد الحربي")], id="direct-straight"),
    pytest.param("وقال الوزير خالد الفالح: الوضع في الأسواق مستقر جدا. وتابع العمل مع الفريق.",
                 [("direct", "الوضع في الأسواق مستقر جدا", "خالد الفالح")], id="colon-speech"),
    pytest.param("وقالت مصادر أمنية: إن الوفد وصل إلى العاصمة مساء أمس.",
                 [("indirect", "الوفد وصل إلى العاصمة مساء أمس", "مصادر أمنية")], id="colon-then-inna"),
    pytest.param("وأكد الوزير فهد السالم أن الخطة «ناجحة جدا» حتى الآن.",
                 [("indirect", "الخطة «ناجحة جدا» حتى الآن", "فهد السالم")], id="mixed-quote"),
    pytest.param("وبحسب مصادر مطلعة، فإن الاجتماع سيعقد في الرياض الأسبوع المقبل.",
                 [("according_to", "الاجتماع سيعقد في الرياض الأسبوع المقبل", "مصادر مطلعة")],
                 id="according-initial"),
    pytest.param("وقع الانفجار صباح اليوم قرب السوق المركزي، بحسب وكالة رويترز.",
                 [("according_to", "وقع الانفجار صباح اليوم قرب السوق المركزي", "وكالة رويترز")],
                 id="according-final"),
    pytest.param("وارتفعت الأسعار بنسبة خمسة في المئة، وفقا لإحصائيات الهيئة العامة للإحصاء.",
                 [("according_to", "وارتفعت الأسعار بنسبة خمسة في المئة",
                   "إحصائيات الهيئة العامة للإحصاء")], id="according-wifqan-li"),
]


@pytest.mark.parametrize("text, expected", KIND_CASES)
def test_quotes_extract_kinds(text, expected):
    assert _quotes(text) == expected


NO_QUOTE_CASES = [
    pytest.param("زار وفد من حكومة “الوفاق” القاهرة لبحث مصير “خليفة حفتر” مع المسؤولين.", id="names-in-marks"),
    pytest.param("ونشر موقع “العربي الجديد” تقريرا مطولا عن الأزمة.", id="outlet-in-marks"),
    pytest.param("وأكد الوزير على أهمية التعاون بين البلدين في المجالات كافة.", id="cue-without-content"),
    pytest.param("ألقى الأمير كلمة في حفل الافتتاح وتحدث في المؤتمر عن الخطط.", id="speech-act-no-content"),
    pytest.param("تسعى الحكومة إلى زيادة الإنتاج، وقررت الوزارة تمديد المهلة.", id="plans-not-speech"),
    pytest.param("مصادر: وفد من حكومة الوفاق وصل إلى القاهرة\n\nوصل الوفد أمس.", id="headline-source-colon"),
    pytest.param("يذكر أن المهرجان يقام سنويا منذ عشر سنوات.", id="impersonal-yudhkar"),
    pytest.param("وجرى العمل وفق الأنظمة المتبعة، حسب الخطة الموضوعة سابقا.", id="according-not-a-source"),
    pytest.param("وانطلقت حملة «رؤية 2030» في عدد من المدن.", id="slogan-in-marks"),
]


@pytest.mark.parametrize("text", NO_QUOTE_CASES)
def test_quotes_extract_not_quotes(text):
    assert extract_quotes(text) == []


def test_quotes_extract_according_to_adds_no_second_quote():
    text = "وقالت المصادر إن الوفد وصل إلى القاهرة قبل أيام، بحسب موقع “العربي الجديد”."
    quotes = extract_quotes(text)
    assert [(q.type, q.text) for q in quotes] == [("indirect", "الوفد وصل إلى القاهرة قبل أيام")]


def test_quotes_extract_ala_hadd_qawlihi_takes_current_speaker():
    text = ("وقال المدرب خالد العطوي إن الفريق جاهز للمباراة. "
            "وأنهى اللاعبون استعداداتهم بشكل ممتاز، على حد قوله.")
    quotes = extract_quotes(text)
    assert [(q.type, q.text, q.speaker.name, q.cue_lemma) for q in quotes] == [
        ("indirect", "الفريق جاهز للمباراة", "خالد العطوي", "قال"),
        ("according_to", "وأنهى اللاعبون استعداداتهم بشكل ممتاز", "خالد العطوي", "قول")]


@pytest.mark.parametrize("text, lemma", [
    ("وارتفع عدد الزوار إلى مليون زائر، بحسب الهيئة العامة للسياحة.", "حسب"),
    ("وارتفع عدد الزوار إلى مليون زائر، وفقا لوزارة السياحة.", "وفق"),
    ("وارتفع عدد الزوار إلى مليون زائر، حسبما أعلنت وزارة السياحة.", "حسب"),
])
def test_quotes_extract_according_to_lemma(text, lemma):
    (q,) = extract_quotes(text)
    assert q.type == "according_to" and q.cue_lemma == lemma


def test_quotes_extract_characterisation_is_direct():
    text = "وانتقد الوزير محمد العلي ما وصفه “بالحملة المغرضة” ضد المملكة."
    assert _quotes(text) == [("direct", "بالحملة المغرضة", "محمد العلي")]


@pytest.mark.parametrize("text, speakers", [
    pytest.param("وقال وزير الصحة توفيق الربيعة إن الخدمات تحسنت. وأضاف أن العمل مستمر، "
                 "مشيرا إلى أن المستشفيات جاهزة.",
                 ["توفيق الربيعة"] * 3, id="waadafa-mushiran"),
    pytest.param("أعلن وزير الخارجية عادل الجبير أن المملكة ترفض التدخل. وقال الجبير إن الحوار هو الحل.",
                 ["عادل الجبير", "عادل الجبير"], id="short-name-to-fullest"),
    pytest.param("كشفت مصادر دبلوماسية مطلعة أن الوفد وصل. وأوضحت تلك المصادر أن المباحثات مستمرة.",
                 ["مصادر دبلوماسية مطلعة"] * 2, id="back-reference"),
    pytest.param("وقال وزير الصحة توفيق الربيعة إن الخدمات تحسنت. وقال الوزير إن العمل مستمر.",
                 ["توفيق الربيعة"] * 2, id="bare-title"),
    pytest.param("وقال رئيس النادي فهد المطوع إن الفريق جاهز.\nوتابع: «سنقاتل على كل الألقاب».",
                 ["فهد المطوع"] * 2, id="bare-continuation-cue"),
])
def test_quotes_extract_continuation_speakers(text, speakers):
    assert [q.speaker.name for q in extract_quotes(text)] == speakers


def test_quotes_extract_multi_paragraph_quote_is_one_per_paragraph():
    text = ("وقال رئيس الهيئة سامي الحسيني: «المشروع الأول يكتمل هذا العام\n"
            "«والمشروع الثاني يبدأ في العام المقبل بإذن الله»")
    quotes = extract_quotes(text)
    assert [(q.type, q.text) for q in quotes] == [
        ("direct", "المشروع الأول يكتمل هذا العام"),
        ("direct", "والمشروع الثاني يبدأ في العام المقبل بإذن الله")]
    assert {q.speaker.name for q in quotes} == {"سامي الحسيني"}


def test_quotes_extract_offsets_point_into_original_text():
    text = "وَقَالَ الوزيرُ خالد الفالح إنَّ الإنتاج ارتفع.\nوأضافت الوزارة أنّ الصادرات ـــ تضاعفت."
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.cue_start:q.cue_end] == q.cue
    assert quotes[0].cue_lemma == "قال" and quotes[1].cue_lemma == "أضاف"


def test_quotes_extract_speaker_links_entity_and_span():
    text = "وقال وزير الداخلية فتحي باشاغا إن الوضع مستقر."
    start = text.index("فتحي")
    ent = Entity("E1", "PERS", "فتحي باشاغا", (Mention(start, start + 11, "فتحي باشاغا", "PERS"),))
    (q,) = extract_quotes(text, entities=[ent])
    assert q.speaker.entity == "E1"
    assert text[q.speaker.start:q.speaker.end] == "فتحي باشاغا"


def test_quotes_extract_uses_given_sentences_for_index():
    text = "جملة أولى. وقال المدير إن العمل مستمر."
    sents = [Sentence(0, 10, 0, 3), Sentence(11, len(text), 3, 10)]
    (q,) = extract_quotes(text, sentences=sents)
    assert q.sentence == 1


def test_quotes_extract_rejects_non_text():
    with pytest.raises(InputError):
        extract_quotes(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("written, variant", [("أوضح", "اوضح"), ("إن", "ان"), ("قال", "قـــال"),
                                               ("أكد", "أكَّد"), ("نفى", "نفي")])
def test_quotes_lexicon_tolerant_pattern_matches_variants(written, variant):
    import re
    assert re.fullmatch(tolerant_pattern(written), variant)


@pytest.mark.parametrize("surface, lemma", [("وأوضحت", "أوضح"), ("مشيراً", "أشار"), ("فقالوا", "قال"),
                                             ("يؤكد", "أكد"), ("بقوله", "قول")])
def test_quotes_lexicon_cue_lemmas(surface, lemma):
    info = load_lexicon().cue_info(norm(surface))
    assert info is not None and info.lemma == lemma


# ---------------------------------------------------------------- the sample gold article
@pytest.fixture(scope="module")
def sample_gold(shared):
    path = shared / "eval" / "quotes-gold-sample.jsonl"
    if not path.exists():
        pytest.skip("sample gold is not present")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def test_quotes_extract_sample_gold_quotes_and_speakers(sample_gold):
    text = sample_gold["text"]
    got = [(q.start, q.end, normalize_speaker(q.speaker.name), q.type) for q in extract_quotes(text)]
    want = [(g["content_start"], g["content_end"], normalize_speaker(g["speaker"]), g["type"])
            for g in sample_gold["quotes"]]
    assert got == want


@pytest.mark.parametrize("name", ["الوفاق", "خليفة حفتر", "العربي الجديد"])
def test_quotes_extract_sample_names_in_marks_are_not_quotes(sample_gold, name):
    quotes = extract_quotes(sample_gold["text"])
    assert all(q.text != name for q in quotes)


# ---------------------------------------------------------------- speaker robustness rules
def _speakers(text, entities=()):
    return [q.speaker.name if q.speaker else None for q in extract_quotes(text, entities=entities)]


def _pers(text, *names, eid=0):
    """PERS entities for the given names, each with one mention per occurrence in ``text``."""
    out = []
    for n, name in enumerate(names, eid + 1):
        spans, k = [], text.find(name)
        while k >= 0:
            spans.append(Mention(k, k + len(name), name, "PERS"))
            k = text.find(name, k + 1)
        out.append(Entity(f"E{n}", "PERS", name, tuple(spans)))
    return out


SPEAKER_RULE_CASES = [
    pytest.param("وأوضح المدير العام للمكتب التنفيذي لمجلس الصحة الدكتور توفيق بن أحمد خوجة أن المؤتمر ناجح.",
                 ["توفيق بن أحمد خوجة"], id="title-chain-with-modifier-al-aam"),
    pytest.param("وقال المتحدث الإعلامي للجنة الانتخابية بمحافظة جدة وممثل عن الناخبين سعود التويم إن المراحل "
                 "ستبدأ قريبا.", ["سعود التويم"], id="title-chain-with-coordinated-title-and-an"),
    pytest.param("كشف الدكتور عبدالرحمن الحقباني شقيق الإعلامي سعود الدوسري أن شقيقه كان مريضا.",
                 ["عبدالرحمن الحقباني"], id="kinship-noun-does-not-start-a-name"),
    pytest.param("وقالت آنا رينولدز أمينة صندوق المجموعة لرويترز إن الزوار سيدخلون من البوابة.",
                 ["آنا رينولدز"], id="feminine-title-ends-the-name"),
    pytest.param("وحضر الدكتور عبدالله النغيمشي الندوة. وأشار الدكتور النغيمشي إلى أن الخطر قائم.",
                 ["عبدالله النغيمشي"], id="title-plus-family-name"),
    pytest.param("واطلع الأمين العام الدكتور عبداللطيف الزياني على المشاريع. وقال د. الزياني إن المركز مهم.",
                 ["عبداللطيف الزياني"], id="abbreviated-title-plus-family-name"),
    pytest.param("أعلن المدرب رافايل بينيتيز أن راموس باق. وقال بنيتيز إن الفريق جاهز.",
                 ["رافايل بينيتيز"] * 2, id="name-spelled-differently"),
    pytest.param("رفعت منظمة البلدان المصدرة للبترول (أوبك) توقعاتها. وقالت أوبك إن الطلب سيرتفع.",
                 ["منظمة البلدان المصدرة للبترول"], id="acronym-in-parentheses"),
    pytest.param('وأكدت صحيفة "ماركا" أن اللاعب باق. وأوضحت الصحيفة أن العقد جاهز للتوقيع.',
                 ["ماركا"] * 2, id="institution-back-reference-to-marked-name"),
    pytest.param('وقالت الصحيفة على لسان اللاعب خالد العمري: "اتفقت مع النادي على كل شيء".',
                 ["خالد العمري"], id="ala-lisan-names-the-speaker"),
    pytest.param("وأفاد بيان صحفي أصدره قطاع فلسطين بالجامعة العربية أن القانون باطل.",
                 ["قطاع فلسطين بالجامعة العربية"], id="statement-issued-by"),
    pytest.param("وذكر بيان لوزارة الصحة أن الحالات تراجعت.", ["وزارة الصحة"], id="statement-of-li"),
    pytest.param("وأفاد تقرير صدر حديثا بأن عدد السكان يرتفع.", ["تقرير"], id="statement-itself"),
    pytest.param("وأكد المحلل خالد الجوهر أن السوق متقلبة. وحذر المتعاملين من التسرع. وأضاف أن السوق ستتعافى.",
                 ["خالد الجوهر"] * 2, id="oblique-plural-is-an-object"),
    pytest.param("من جهته أعرب فهد بن فهيد السبيعي عن شكره للأمير، مشيرا إلى أن ذلك ليس بمستغرب.",
                 ["فهد بن فهيد السبيعي"], id="participle-takes-main-subject-after-opener"),
    pytest.param("رفع وزير الخدمة المدنية خالد بن عبدالله العرج التعازي إلى القيادة.\n"
                 "وقال معاليه: «الجريمة بشعة ولن تزيدنا إلا تماسكا».",
                 ["خالد بن عبدالله العرج"], id="honorific-pronoun-without-previous-quote"),
    pytest.param('والتقت الصحيفة مدير عام فرع وزارة العمل علي بن سالم آل عامر في الميدان.\n'
                 'وقال: "ضبطنا ستة وأربعين عاملا مخالفا".', ["علي بن سالم آل عامر"],
                 id="bare-cue-continues-person-of-previous-sentence"),
    pytest.param("وعندما نقلنا الشكوى إلى أسامة الزيتوني مدير الإعلام بالأمانة أوضح أن الإنارة ممنوعة.",
                 ["أسامة الزيتوني"], id="subject-before-verb-after-preposition"),
    pytest.param("وقال الخبير سامي العلي إن الأسعار ستنخفض. وكان الوزير محمد زنغنه قد زار الصين. إلا أن زنغنه "
                 "أفاد بأن الإنتاج سيرتفع.", ["سامي العلي", "محمد زنغنه"], id="known-family-name-before-verb"),
    pytest.param("وقالت المديرة الفنية ريم العلي إن الفرقة جاهزة.\nوأضافت لـ«رويترز» بينما كانت تستعد للمشاركة في "
                 "عرض الجيل المؤسس للفرقة: «عملنا على تحديث الرقصات».", ["ريم العلي"] * 2,
                 id="colon-and-marks-past-a-blocker"),
    pytest.param("كما أصدرت قيادة القوات المشتركة بياناً أوضحت فيه أنه تم تدمير الهدف.",
                 ["قيادة القوات المشتركة"], id="accusative-object-ends-subject"),
    pytest.param("وكانت إدارة نادي النصر قد أعلنت أنها وقعت مع اللاعب.", ["إدارة نادي النصر"],
                 id="institution-head-before-definite-name"),
    pytest.param("وسبق لوسائل إعلام إسبانية أن ذكرت أن راموس يريد الرحيل.", ["وسائل إعلام إسبانية"],
                 id="li-prefixed-source"),
    pytest.param("فسعود الفيصل كان في طيران دائم، حتى قال بعضهم: إنه أمضى حياته في الجو.", ["بعضهم"],
                 id="quantifier-with-suffix-is-a-subject"),
    pytest.param("أعلن الأمير على بن الحسين عدم دعمه للمرشح، مؤكدا أنه ليس الشخص المناسب.",
                 ["على بن الحسين"], id="word-before-bin-is-a-name"),
    pytest.param("وقال وزير الخارجية فرانك-فالتر شتاينماير إن القرار شجاع.", ["فرانك-فالتر شتاينماير"],
                 id="hyphenated-name"),
    pytest.param("أعلن المدافع سيرخيو راموس رغبته في البقاء. وقال المدرب رافايل بينيتيز إن الفريق جاهز. "
                 "وعن راموس قال «راموس لاعب مهم جدا لنا».", ["رافايل بينيتيز"] * 2, id="wa-an-topic-is-not-subject"),
    pytest.param("أبدى محللون لسوق الأسهم تفاؤلهم بالنتائج.\nوأشاروا إلى أن الجلسات المقبلة ستحدد المسار.",
                 ["محللون"], id="plural-cue-takes-plural-subject"),
    pytest.param("من جهتها أكدت جامعة تبوك عدم وجود علاقة بالحادثة، وأوضحت أن المعلمة كانت مريضة.",
                 ["جامعة تبوك"], id="adam-object-ends-subject"),
    pytest.param("وكان تقرير لهيئة الاتصالات وتقنية المعلومات قد أشار إلى أن الاشتراكات ارتفعت.",
                 ["هيئة الاتصالات وتقنية المعلومات"], id="statement-of-li-before-kana-verb"),
    pytest.param("وقال الخبير سامي العلي إن الحوادث تكثر ليلا. ويؤكد بضرورة الحذر، مشيرا إلى أن الإضاءة ضعيفة.",
                 ["سامي العلي"] * 2, id="prepositional-complement-is-not-subject"),
]


@pytest.mark.parametrize("text, speakers", SPEAKER_RULE_CASES)
def test_quotes_extract_speaker_rules(text, speakers):
    assert _speakers(text) == speakers


ENTITY_SPEAKER_CASES = [
    pytest.param("وقال المتحدث باسم الرئيس باراك أوباما جوش إرنست إن الإدارة ستواصل الحوار.",
                 ("باراك أوباما", "جوش إرنست"), ["جوش إرنست"], id="adjacent-names-later-is-subject"),
    pytest.param("وحضر المراسم السفير طلعت رضوان، والمدير العام لإدارة الطوارئ في ألبانيا شامسي براتشي. "
                 "وقال السفير رضوان إن الدعم مستمر. وأوضح المدير العام لإدارة الطوارئ في ألبانيا أن "
                 "المساعدات ستوزع.", ("طلعت رضوان", "شامسي براتشي"), ["طلعت رضوان", "شامسي براتشي"],
                 id="title-resolved-through-text-title-chain"),
]


@pytest.mark.parametrize("text, names, speakers", ENTITY_SPEAKER_CASES)
def test_quotes_extract_speakers_use_pers_entities(text, names, speakers):
    assert _speakers(text, _pers(text, *names)) == speakers


@pytest.mark.parametrize("text, mention, full", [
    pytest.param("وحذر أوباما المشرعين الأميركيين من أن رفض الاتفاق خطير.", "أوباما", "باراك أوباما",
                 id="entity-at-subject-start"),
])
def test_quotes_extract_entity_short_mention_takes_full_name(text, mention, full):
    k = text.index(mention)
    ent = Entity("E1", "PERS", full, (Mention(k, k + len(mention), mention, "PERS"),))
    (q,) = extract_quotes(text, entities=[ent])
    assert (q.speaker.name, q.speaker.entity, text[q.speaker.start:q.speaker.end]) == (full, "E1", mention)


NOT_A_QUOTE_CASES = [
    pytest.param("ويمتد الصراع بين «داعش» و«النصرة»، حيث يشكل هؤلاء «رأس الحربة» في القتال.",
                 id="bayna-preposition-with-marks"),
    pytest.param("وهي مقايضة بين روسيا والولايات المتحدة: التعاون مقابل التهدئة في المنطقة.",
                 id="bayna-preposition-with-colon"),
    pytest.param("وهناك حوار طرشان بين واشنطن وحلفائها في أن الاتفاق مفيد للجميع.",
                 id="bayna-preposition-with-complementizer"),
    pytest.param("ودعا الوزير المواطنين إلى أن يلتزموا بالتعليمات الصادرة.", id="direct-only-verb-with-anna"),
    pytest.param("ونوه الوزير بجهود القوات العسكرية، داعيا الله أن يحفظ الوطن.", id="prayer-participle-blocks"),
    pytest.param("لفت انتباهي أن الخبر منشور في كل الصحف اليوم.", id="lafata-intibahi"),
    pytest.param("وأنا أقول: إن الفرصة ما زالت سانحة للجميع.", id="first-person-author"),
    pytest.param("إذا تابع الحلقات «سيجد القصة مملة جدا».", id="tabaa-with-object"),
    pytest.param("وأعلنت الحركة وفاة “الملا عمر” بعد أيام من الغموض.", id="marked-name-in-genitive"),
    pytest.param("ودعت الشركة عملاءها إلى زيارة موقعها الإلكتروني: www.example.com للاطلاع.", id="colon-url"),
    pytest.param("طالب عدد من المختصين بإعادة النظر في الوثائق دون أي خيارات أخرى لـ\"بوليصة التأمين\" وهو مخالف.",
                 id="marked-term-after-li"),
    pytest.param("وأذكر أن صالات العرض كانت بدائية في جدة.", id="first-person-adhkur"),
]


@pytest.mark.parametrize("text", NOT_A_QUOTE_CASES)
def test_quotes_extract_rules_reject_non_quotes(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, expected", [
    pytest.param("وقال موقع الخلافة -الذي يصف نفسه بأنه مكتب إعلامي- إن القرار ظالم.",
                 [("indirect", "القرار ظالم", "موقع الخلافة")], id="dash-parenthetical-skipped"),
    pytest.param('وقال الوزير خالد العمري إن الهجوم لن يزيد الشعب إلا تماسكا، واصفا القوات بدرع الوطن.',
                 [("indirect", "الهجوم لن يزيد الشعب إلا تماسكا", "خالد العمري")], id="participle-clause-cut"),
    pytest.param("وشدد الوزير سعد الحربي على أن مواقف المملكة ثابتة تجاه اليمن، مشيراً إلى أهمية الحل السياسي.",
                 [("indirect", "مواقف المملكة ثابتة تجاه اليمن", "سعد الحربي")], id="cue-participle-with-a-noun-cuts"),
    pytest.param("وقال الوزير سعد الحربي إن «الوضع مستقر، مشيرا إلى التحسن» في المنطقة.",
                 [("indirect", "«الوضع مستقر، مشيرا إلى التحسن» في المنطقة", "سعد الحربي")],
                 id="participle-inside-marks-cuts-nothing"),
    pytest.param("وقال المتحدث سعد الحربي إن المحتجين رفعوا الأعلام، لافتات تطالب بالإصلاح.",
                 [("indirect", "المحتجين رفعوا الأعلام، لافتات تطالب بالإصلاح", "سعد الحربي")],
                 id="participle-form-that-is-a-noun-cuts-nothing"),
    pytest.param('وقال المدرب سالم العمري إن الفريق جاهز.\nوزاد: "اللاعبون في أفضل حالاتهم".',
                 [("indirect", "الفريق جاهز", "سالم العمري"), ("direct", "اللاعبون في أفضل حالاتهم", "سالم العمري")],
                 id="direct-only-verb-with-colon"),
    pytest.param('قرر البنك ضخ الأموال في البنوك، وفقا لما أعلنته مجلة «كايشين».',
                 [("according_to", "قرر البنك ضخ الأموال في البنوك", "كايشين")], id="according-lima-verb"),
    pytest.param('قرر البنك ضخ الأموال، وفقا لمجلة «كايشين».\nووفقا للمجلة المالية، سيقوم البنك بضخ المزيد.',
                 [("according_to", "قرر البنك ضخ الأموال", "كايشين"),
                  ("according_to", "سيقوم البنك بضخ المزيد", "كايشين")], id="according-lil-contraction"),
])
def test_quotes_extract_content_rules(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("surface, flag", [("ودعا", "direct_only"), ("وزاد", "direct_only"), ("يتابع", "needs_speaker"),
                                           ("قطع", "strict"), ("اختتم", "needs_speaker")])
def test_quotes_lexicon_cue_flags(surface, flag):
    info = load_lexicon().cue_info(norm(surface))
    assert info is not None and getattr(info, flag)


@pytest.mark.parametrize("form", ["أقول", "نرى", "قلت"])
def test_quotes_lexicon_first_person_forms_are_not_cues(form):
    assert load_lexicon().cue_info(norm(form)) is None


# ---------------------------------------------------------------- where one speaker's clause ends
@pytest.mark.parametrize("text, expected", [
    pytest.param("وأكدت ناخبات أن الهوية شرط صعب، لافتات إلى أنهن لم يستطعن حجز المواعيد.",
                 [("indirect", "الهوية شرط صعب", "ناخبات"), ("indirect", "لم يستطعن حجز المواعيد", "ناخبات")],
                 id="feminine-plural-participle-opens-a-quote"),
    pytest.param("وقال الرئيس خالد العمري إن المشروع ناجح، من جانبه أوضح المدير سعد الحربي أن العمل مستمر.",
                 [("indirect", "المشروع ناجح", "خالد العمري"), ("indirect", "العمل مستمر", "سعد الحربي")],
                 id="turn-marker-opens-a-new-speaker"),
    pytest.param("وقالت أم تهاني: الجامعة ظلمت بناتنا، مشيرة إلى أن ابنتها كانت متفوقة.",
                 [("direct", "الجامعة ظلمت بناتنا", "أم تهاني"), ("indirect", "ابنتها كانت متفوقة", "أم تهاني")],
                 id="participle-ends-a-colon-quote"),
    pytest.param("وقال عمر سالم: أنا أخطأت في حق الجمهور، وتابع قائلا: هذه أول مشاركة لي.",
                 [("direct", "أنا أخطأت في حق الجمهور", "عمر سالم"), ("direct", "هذه أول مشاركة لي", "عمر سالم")],
                 id="wa-verb-after-comma-ends-a-colon-quote"),
    pytest.param("وأوضح سعد الحربي أن الرياض مدينة جاذبة، لافتا أن السياحة تعتمد على البعد الحضاري.",
                 [("indirect", "الرياض مدينة جاذبة", "سعد الحربي"),
                  ("indirect", "السياحة تعتمد على البعد الحضاري", "سعد الحربي")], id="lafitan-anna-is-a-cue"),
    pytest.param("وأكد الشيخ سعد الحربي أن الشباب أمل الأمة؛ داعيا الآباء إلى رعايتهم.",
                 [("indirect", "الشباب أمل الأمة", "سعد الحربي")], id="participle-cut-after-semicolon"),
    pytest.param("وأكد أهالي الحي أن الكهرباء انقطعت ست ساعات، مطالبين بتوفير البدائل.",
                 [("indirect", "الكهرباء انقطعت ست ساعات", "أهالي الحي")], id="plural-participle-cut"),
    pytest.param("وقال الوزير: الحكومة ملتزمة بوعودها، وتؤكد أن الإصلاح مستمر.",
                 [("direct", "الحكومة ملتزمة بوعودها، وتؤكد أن الإصلاح مستمر", "الوزير")],
                 id="verb-without-its-own-subject-does-not-end-a-colon-quote"),
    pytest.param("وأكد «المرصد السوري لحقوق الإنسان» أن التنظيم يعتقل المخالفين.",
                 [("indirect", "التنظيم يعتقل المخالفين", "المرصد السوري لحقوق الإنسان")],
                 id="marked-subject-before-complementizer"),
])
def test_quotes_extract_clause_ends(text, expected):
    assert _quotes(text) == expected


def _loc(text, name, eid=9):
    k = text.index(name)
    return Entity(f"E{eid}", "LOC", name, (Mention(k, k + len(name), name, "LOC"),))


@pytest.mark.parametrize("text, entities, speakers", [
    pytest.param("طالبت ناخبات في الأحساء اللجنة العامة بإلغاء الشرط.\n"
                 "وأكدن في اتصالات هاتفية لـ\"الوطن\" أن الشرط يعيق مشاركتهن.", ("LOC", "الأحساء"),
                 ["ناخبات في الأحساء"], id="object-after-a-place-ends-the-subject"),
    pytest.param("أصدرت المحكمة الجزائية المتخصصة في جدة حكما بسجن متهم.\nوأكدت المحكمة أن المتهم اعترف.",
                 ("LOC", "جدة"), ["المحكمة الجزائية المتخصصة في جدة"], id="back-reference-to-a-definite-name"),
    pytest.param("وقال والد الشهيد مغرم الهلالي إن ابنه بطل.", ("PERS", "مغرم الهلالي"), ["مغرم الهلالي"],
                 id="kinship-title"),
    pytest.param("التقى المستثمر وارين بافيت الصحفيين.\nوقال بافيت إن السوق قوية.", ("PERS", "وارين بافيت"),
                 ["وارين بافيت"], id="entity-name-starting-with-waw"),
    pytest.param("وكانت وزارة الدفاع أعلنت أول من أمس أن القوات انسحبت.", None, ["وزارة الدفاع"],
                 id="day-before-yesterday-is-no-subject"),
])
def test_quotes_extract_speaker_context(text, entities, speakers):
    ents = []
    if entities and entities[0] == "LOC":
        ents = [_loc(text, entities[1])]
    elif entities:
        ents = _pers(text, entities[1])
    assert _speakers(text, ents) == speakers


@pytest.mark.parametrize("text, expected", [
    pytest.param("وبحسب عدد منهن، فإن رغبتهن بالمشاركة أعاقها عدم وجود الهوية.",
                 [("according_to", "رغبتهن بالمشاركة أعاقها عدم وجود الهوية", "عدد منهن")],
                 id="some-of-them-is-a-source"),
    pytest.param("وبحسب المصدر، فإنه سيتم الإعلان عن النتائج قريبا.",
                 [("according_to", "سيتم الإعلان عن النتائج قريبا", "المصدر")], id="fa-innahu-opens-the-claim"),
    pytest.param("ووفقا للمتحدث الرسمي فإن الاجتماع سيعقد غدا.",
                 [("according_to", "الاجتماع سيعقد غدا", "المتحدث الرسمي")], id="title-source-without-comma"),
    pytest.param("وتختلف الأسعار بحسب المنطقة التي يسكنها المواطن.", [], id="hasab-a-place-is-no-source"),
    pytest.param("وتتفاوت العقوبة بحسب القاضي المختص بالقضية.", [], id="bihasab-a-title-mid-sentence-is-a-condition"),
    pytest.param('ورفع المتظاهرون لافتات "لا للفساد" أمام المبنى.', [], id="banners-are-no-cue"),
    pytest.param("وتم توزيع المساعدات حسب عدد من الأسر.", [], id="hasab-a-number-is-no-source"),
])
def test_quotes_extract_according_to_sources(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, speakers", [
    pytest.param("وأوضح مدير جوازات مطار الملك عبدالعزيز الدولي العقيد سليمان اليوسف أن الرحلات منتظمة.",
                 ["سليمان اليوسف"], id="name-inside-a-place-name-is-not-the-speaker"),
    pytest.param("وقال عمدة المدينة بيل دي بلازيو إن الوضع مستقر.\nوأفاد دي بلازيو بأن المرض انحسر.",
                 ["بيل دي بلازيو"] * 2, id="particle-name-joins-the-full-name"),
    pytest.param("وقال الوزير جون كيري إن الاتفاق مهم.\nونقل السلاح إلى الحدود. وأشار إلى أن التعاون مستمر.",
                 ["جون كيري"] * 2, id="verb-with-an-object-is-no-new-speaker"),
    pytest.param("أصدرت المحكمة العليا قرارا جديدا بشأن القضية.\nوأكدت المحكمة أن القرار نهائي.",
                 ["المحكمة العليا"], id="definite-name-not-the-object-after-it"),
    pytest.param("وأوضح الوزير أن المملكة من جانبها أكدت دعمها للقرار.", ["الوزير"],
                 id="turn-marker-inside-a-clause-opens-nothing"),
])
def test_quotes_extract_speaker_names(text, speakers):
    ents = []
    if "مطار" in text:
        k = text.index("مطار الملك عبدالعزيز الدولي")
        ents = [Entity("E9", "LOC", "مطار الملك عبدالعزيز الدولي",
                       (Mention(k, k + len("مطار الملك عبدالعزيز الدولي"), "مطار الملك عبدالعزيز الدولي", "LOC"),))]
    if "بلازيو" in text:
        ents = _pers(text, "بيل دي بلازيو")
    assert _speakers(text, ents) == speakers


def test_quotes_extract_name_particle_fan_is_not_fa_inna():
    assert _speakers("وقال المدرب لويس فان غال إن الفريق جاهز.") == ["لويس فان غال"]


@pytest.mark.parametrize("text, orgs, speakers", [
    pytest.param("أعلنت شركة زين السعودية عرضا جديدا.\nوكشفت الشركة أن العرض يشمل عشرين دولة.", ["زين السعودية"],
                 ["زين السعودية"], id="head-word-back-reference-to-the-body-named-after-it"),
    pytest.param("«زين» تطلق عرضا\n\nأطلقت «زين» عرضا. ويشمل عرض «زين» عشرين دولة، وتعاونت «زين» مع «موبايلي».\n"
                 "وكشفت الشركة أن العرض مجاني.", ["زين", "موبايلي"], ["زين"], id="back-reference-to-the-salient-body"),
])
def test_quotes_extract_institution_back_reference(text, orgs, speakers):
    assert _speakers(text, _typed_entities(text, [("ORG", name) for name in orgs])) == speakers


def _typed_entities(text: str, typed: list[tuple[str, str]]) -> list[Entity]:
    ents = []
    for n, (typ, name) in enumerate(typed, 1):
        spans, k = [], text.find(name)
        while k >= 0:
            spans.append(Mention(k, k + len(name), name, typ))
            k = text.find(name, k + 1)
        ents.append(Entity(f"E{n}", typ, name, tuple(spans)))
    return ents


@pytest.mark.parametrize("text, typed, speakers", [
    pytest.param("تبدأ الهيئة العامة للغذاء والدواء استقبال الطلبات.\nوحصرت الهيئة استيراد الأدوية بمطار الملك "
                 "عبدالعزيز الدولي بجدة، مشيرة إلى أنها لن توافق على غيره.",
                 [("ORG", "الهيئة العامة للغذاء والدواء"), ("LOC", "مطار الملك عبدالعزيز الدولي")],
                 ["الهيئة العامة للغذاء والدواء"], id="only-name-inside-a-place-is-no-speaker"),
    pytest.param("أعلنت شركة توشيبا نتائجها.\nوقامت الشركة بإصدار تحذير للمستثمرين، قائلة إن الأرباح ستتراجع.",
                 [("ORG", "توشيبا")], ["شركة توشيبا"], id="bi-complement-ends-the-subject"),
    pytest.param("بدأت الهيئة العامة للغذاء والدواء استقبال الطلبات.\nوشددت الهيئة أهمية تقديم صورة من البيان، "
                 "مشددة على أن الأدوية يجب أن تكون خالية من المواد المحظورة.",
                 [("ORG", "الهيئة العامة للغذاء والدواء")], ["الهيئة العامة للغذاء والدواء"],
                 id="object-after-a-body-is-no-name"),
    pytest.param("وتحدثت مصادر يمنية عن سقوط قتلى في المعارك.\nوأوضحت المصادر أن الاشتباكات مستمرة.", [],
                 ["مصادر يمنية"], id="an-opens-the-verbs-complement"),
    pytest.param("وقال مسؤول عن الملف إن المفاوضات مستمرة.", [], ["مسؤول عن الملف"],
                 id="an-after-official-stays-in-the-description"),
    pytest.param("وقال وزير الخارجية المصري سامح شكري إن العلاقات قوية.\nوأكد حرص بلاده على تدعيم العلاقة، "
                 "مشيراً إلى أن التعاون مستمر.", [], ["سامح شكري"] * 2, id="noun-with-a-possessive-genitive-is-an-object"),
    pytest.param("وقال شقيقه إن الحادث مؤلم.", [], ["شقيقه"], id="kinship-word-with-a-suffix-is-a-speaker"),
    pytest.param("وقال مسؤول محلي فضل عدم الكشف عن اسمه إن الهجوم فشل.", [], ["مسؤول محلي"],
                 id="anonymity-clause-ends-the-description"),
    pytest.param("وقالت المراكز الاميركية لمكافحة الامراض والوقاية منها أنّ عدد الإصابات ارتفع.", [],
                 ["المراكز الاميركية لمكافحة الامراض والوقاية منها"], id="preposition-with-pronoun-is-no-name"),
])
def test_quotes_extract_subject_ends_at_the_body(text, typed, speakers):
    assert _speakers(text, _typed_entities(text, typed)) == speakers


@pytest.mark.parametrize("text, names, speakers", [
    pytest.param("كشف أمين منطقة الجوف رئيس اللجنة المحلية المهندس عجب القحطاني، عن اعتماد 18 مكتباً.\n"
                 "وقال القحطاني إن المكاتب داعمة.\nوأوضح أمين منطقة الجوف رئيس اللجنة المحلية أن اللجنة بدأت عملها.",
                 ["عجب القحطاني"], ["عجب القحطاني"] * 2, id="indefinite-title-with-a-definite-chain"),
    pytest.param("افتتح أمين منطقة الجوف م. عجب القحطاني المعرض أمس.\nوقال سعد الحربي إن المعرض ناجح.\n"
                 "وأوضح أمين منطقة الجوف أن الأمانة تدعم البحث.", ["عجب القحطاني", "سعد الحربي"],
                 ["سعد الحربي", "عجب القحطاني"], id="abbreviated-title-keeps-the-chain"),
    pytest.param("وقال رئيس لجنة الحكام عمر المهنا إن اللجنة مستقلة.\nوعلق على ذلك بقوله: إذا كان سيتولى اختيار "
                 "الحكام فتعتبر خطوة جيدة.", [], ["عمر المهنا"] * 2, id="preposition-opens-no-speaker"),
    pytest.param("وقالت وزارة الصناعة وتكنولوجيا المعلومات في تنويه نشر على موقعها إن المعايير ستراجع.", [],
                 ["وزارة الصناعة وتكنولوجيا المعلومات"], id="notice-ends-the-speaker"),
    pytest.param("وأكد القنصل العام السعودي في اليونان حمود المطيري أن التحذيرات مستمرة.", [], ["حمود المطيري"],
                 id="consul-is-a-title"),
    pytest.param("التقيت الأديب عبدالله مناع في جدة.\nوقال لي: «ما أنت ناقص مشاكل في آخر عمرك».", [],
                 ["عبدالله مناع"], id="li-me-is-the-recipient"),
    pytest.param("وقال الوزير سعد الحربي إن الحفل ناجح.\nوالذي اعتبر وقتها حصاداً مناسباً للحزب، ويقول «إن الجمهور راض».",
                 [], ["سعد الحربي"] * 2, id="accusative-is-no-subject"),
    pytest.param("الغيرة تحبس زوجة بالشقة عاما\n\nأقامت زوجة مصرية دعوى قضائية للخلع. وذكرت الزوجة أنها تزوجت "
                 "منذ سنة.\nوتابعت الزوجة: «بعد مرور خمسة شهور طلب مني السفر معه».", [], ["الزوجة"] * 2,
                 id="a-person-noun-is-no-family-name-and-headlines-name-no-one"),
    pytest.param("وقال وزير الخارجية هايكو ماس إن الاتفاق صامد.\nوقالت متحدثة باسم الحكومة إن الحكومة تدرس الأمر.",
                 ["هايكو ماس"], ["هايكو ماس", "متحدثة باسم الحكومة"], id="spokesperson-of-is-no-back-reference"),
])
def test_quotes_extract_title_back_references(text, names, speakers):
    assert _speakers(text, _pers(text, *names)) == speakers


def test_quotes_extract_marked_short_name_after_a_body_is_no_quote():
    text = "وطالب رئيس الإقليم بوقف القصف على مواقع حزب العمال الكردستاني «بي كيه كيه» في عدد من المناطق."
    assert extract_quotes(text, entities=_typed_entities(text, [("ORG", "حزب العمال الكردستاني")])) == []


@pytest.mark.parametrize("text, speaker", [
    ("وقال الجيش الإسرائيلي «نحقق في الحادث».", "الجيش الإسرائيلي"),
    ("وقال المتحدث باسم الجيش الإسرائيلي «نحقق في الحادث».", "المتحدث باسم الجيش الإسرائيلي"),
])
def test_quotes_extract_marked_quote_after_the_subject_body_is_a_quote(text, speaker):
    quotes = extract_quotes(text, entities=_typed_entities(text, [("ORG", "الجيش الإسرائيلي")]))
    assert [(q.text, q.speaker.name) for q in quotes] == [("نحقق في الحادث", speaker)]


@pytest.mark.parametrize("text, names, speakers", [
    pytest.param("وقال علي الحربي إن الاتفاق مهم.", ["علي الحربي"], ["علي الحربي"], id="name-ali-is-no-preposition"),
    pytest.param("وقال لي كه تشيانغ إن الاقتصاد الصيني مستقر.", ["لي كه تشيانغ"], ["لي كه تشيانغ"],
                 id="name-li-is-no-recipient"),
    pytest.param("وقال أحد جيرانه إن الضحية كان هادئا.", [], ["أحد جيرانه"], id="quantifier-with-possessive-is-a-subject"),
    pytest.param("وقال الأهالي والمسؤولون له إن المياه مقطوعة.", [], ["الأهالي والمسؤولون"],
                 id="recipient-pronoun-is-no-part-of-the-speaker"),
    pytest.param("عادل الجبير يلتقي كيري في واشنطن\n\nوقال الجبير إن اللقاء مثمر.", [], ["عادل الجبير"],
                 id="headline-first-name-completes-a-family-name"),
    pytest.param("وقال حزب الله إن المقاومة مستمرة.", [], ["حزب الله"], id="allah-is-no-possessive"),
    pytest.param("وقال لي مسؤول رفيع إن الاتفاق قريب.", [], ["مسؤول رفيع"], id="li-before-a-source-is-the-recipient"),
    pytest.param("وقالت الفنانة بلقيس إن الحفل ناجح.", [], ["الفنانة بلقيس"], id="bi-name-after-a-title"),
])
def test_quotes_extract_review_cases(text, names, speakers):
    assert _speakers(text, _pers(text, *names)) == speakers



@pytest.mark.parametrize("text, names, speakers", [
    # a definite word the title list lacks, right before a tagged person, is that person's title
    pytest.param("وقال المرشد علي خامنئي إن الاتفاق جيد.", ["علي خامنئي"], ["علي خامنئي"], id="unknown-title-lead"),
    pytest.param("وقال السناتور بوب كروكر رئيس لجنة العلاقات الخارجية بمجلس الشيوخ: نتمتع بالنفوذ.",
                 ["بوب كروكر"], ["بوب كروكر"], id="title-then-name-then-appositive"),
    pytest.param("وقال بن كاردين اكبر عضو من الحزب الديمقراطي في اللجنة إن الجلسة مفيدة.", [], ["بن كاردين"],
                 id="elative-opens-an-appositive"),
    pytest.param("وقال محمد أحمد عضو اللجنة إن الجلسة مفيدة.", [], ["محمد أحمد"], id="ahmad-is-no-elative"),
    pytest.param("قال الله تعالى: (وأقيموا الصلاة وآتوا الزكاة).", [], ["الله"], id="verse-speaker"),
    pytest.param("وقال تعالى: (وأقيموا الصلاة وآتوا الزكاة).", [], ["الله"], id="verse-speaker-taala"),
    pytest.param("وكانت النيابة العامة وجهت في يوليو الاتهام إليهم. وقالت النيابة آنذاك إنها فرغت من التحقيق.",
                 [], ["النيابة العامة"], id="verb-with-stem-waw-ends-an-introduction"),
    pytest.param("وأعلنت المنسقية العامة لرئاسة الوزراء أن القوات ضربت أهدافا. وقالت المنسقية إن الأمن مستقر.",
                 [], ["المنسقية العامة لرئاسة الوزراء", "المنسقية العامة لرئاسة الوزراء"],
                 id="lone-definite-word-goes-back-to-the-body"),
])
def test_quotes_extract_fresh_article_speakers(text, names, speakers):
    assert _speakers(text, _pers(text, *names)) == speakers


@pytest.mark.parametrize("text, expected", [
    # a person's name in marks is no quote, before or after the cue
    ('وذكر المواطن "عبدالله ذياب المطيري" أنه فقد سيارته.', [("indirect", "فقد سيارته")]),
    ('أما المواطن " علي بن قاسم " فطالب الجهات المعنية بالتدخل.', []),
    # «، لكنه أضاف» opens a second report by the same speaker
    ("قال الوزير إن الوضع صعب، لكنه أكد أن الحل قريب.", [("indirect", "الوضع صعب"), ("indirect", "الحل قريب")]),
    # a text in parentheses after a colon ends at the closing parenthesis
    ("وقال الوزير: (سنعمل على ذلك. ونحن جاهزون) وغادر القاعة.", [("direct", "سنعمل على ذلك. ونحن جاهزون")]),
    # research findings are reported with خلص/توصل إلى أن
    ("وخلصت الدراسة إلى أن التدخين ضار. وتوصل الباحثون أيضا إلى أن الشاي مفيد.",
     [("indirect", "التدخين ضار"), ("indirect", "الشاي مفيد")]),
    ("ما توصلت إليه اللجنة لكشف أسباب التعثر، وهو أن ضعف الإشراف واضح.", []),
])
def test_quotes_extract_fresh_article_contents(text, expected):
    names = [n for n in ("عبدالله ذياب المطيري", "علي بن قاسم") if n in text]
    got = [(q.type, q.text) for q in extract_quotes(text, entities=_pers(text, *names))]
    assert got == expected


def _quotes_with(text, names):
    return [(q.type, q.text, q.speaker.name if q.speaker else None)
            for q in extract_quotes(text, entities=_pers(text, *names))]


@pytest.mark.parametrize("text, names, expected", [
    # a description stops at a و/ف verb: مرض الملك | وشعر ... وقال
    ("مرض الملك وشعر باقتراب أجله ففكر وقال: (سأموت قريبا).", [], [("direct", "سأموت قريبا", "الملك")]),
    # ... but not at a coordinated source (الحكومة المالية ومصادر عسكرية)
    ("وقالت الحكومة المالية ومصادر عسكرية إن الهجوم فشل.", [],
     [("indirect", "الهجوم فشل", "الحكومة المالية ومصادر عسكرية")]),
    # وصف with an object pronoun and بأن reports a characterisation
    ("غير أن مسؤولين محليين وصفوهم بأنهم مقاتلون ضد حركة طالبان.", [],
     [("indirect", "مقاتلون ضد حركة طالبان", "مسؤولين محليين")]),
    # a marked name after مع is no quote; the colon quote after it is
    ('وقال أوباما في مقابلة مع "إن بي آر نيوز" : "للأسف هناك قطاع كبير يعارض".', ["أوباما"],
     [("direct", "للأسف هناك قطاع كبير يعارض", "أوباما")]),
    # a tagged name is not run into the verb's object
    ("ونفى ديل نيرو ارتكاب أي خطأ يتعلق بالرشى، وقال إنه بريء.", ["ديل نيرو"], [("indirect", "بريء", "ديل نيرو")]),
    # لفت النظر إلى أن: drawing attention is a cue, and النظر is no part of the speaker
    ("ولفت الوزير النظر إلى أن العروض ناجحة.", [], [("indirect", "العروض ناجحة", "الوزير")]),
    ("وأضاف الوزير أن الموقع جاهز، لافتاً النظر إلى أن العروض ناجحة.", [],
     [("indirect", "الموقع جاهز", "الوزير"), ("indirect", "العروض ناجحة", "الوزير")]),
    # a contrast opens another source's report
    ("وقال الوزير إن الأسعار سترتفع، لكن الخبراء يرون أن ذلك مستبعد.", [],
     [("indirect", "الأسعار سترتفع", "الوزير"), ("indirect", "ذلك مستبعد", "الخبراء")]),
    # a body named in full earlier keeps its full name
    ("وأشارت وزارة الداخلية الأفغانية إلى أن الضحايا مدنيون. وقالت وزارة الداخلية إن الحادث وقع ليلا.", [],
     [("indirect", "الضحايا مدنيون", "وزارة الداخلية الأفغانية"),
      ("indirect", "الحادث وقع ليلا", "وزارة الداخلية الأفغانية")]),
    # a statement's body is the source; لل is ل + a word that begins with ل unless the rest is a body word
    ("وقال بيان للجنة الانتخابات إن النتائج نهائية.", [], [("indirect", "النتائج نهائية", "لجنة الانتخابات")]),
    # a verb whose و is of its stem (وصفهم) inside a reported clause opens no quote
    ("وقال الخثلان إن هذه طريقة الخوارج الذين وصفهم النبي بأنهم شر الخلق.", [],
     [("indirect", "هذه طريقة الخوارج الذين وصفهم النبي بأنهم شر الخلق", "الخثلان")]),
    # a title's body after ل is part of the description; an outlet in marks after لـ is no quote
    ("وبين المتحدث الأمني لوزارة الداخلية، أنه تم القبض على المتهمين.", [],
     [("indirect", "تم القبض على المتهمين", "المتحدث الأمني لوزارة الداخلية")]),
    ("وأوضح المحافظ في حديث لـ «سكاي نيوز عربية» أن المديريات تحت السيطرة.", [],
     [("indirect", "المديريات تحت السيطرة", "المحافظ")]),
    # an anonymity clause in marks is no quote; after عدم a cue form is a verbal noun
    ('واعترف مسؤول سابق في الشركة "رفض الإفصاح عن هويته" أن الشركة فشلت.', [],
     [("indirect", "الشركة فشلت", "مسؤول سابق في الشركة")]),
    ("من جهته، أوضح أحد زملائه، الذي فضل عدم ذكر اسمه، أن القرار ظالم.", [],
     [("indirect", "القرار ظالم", "أحد زملائه")]),
    # a first and family name is the full name the article gives with the same ends
    ("وحضر العقيد غازي بن غرم الله الغامدي الحفل. وأكد العقيد غازي الغامدي أن الحملات مستمرة.",
     ["غازي بن غرم الله الغامدي", "غازي الغامدي"], [("indirect", "الحملات مستمرة", "غازي بن غرم الله الغامدي")]),
    # a second من phrase ends a description
    ("وقال عدد من أولياء أمور الطالبات من سطوة المعدلات إن النظام ظالم.", [],
     [("indirect", "النظام ظالم", "عدد من أولياء أمور الطالبات")]),
    # a coordinated plural is no verb (السكان ومسعفون)
    ("وقال السكان ومسعفون إن القصف استمر.", [], [("indirect", "القصف استمر", "السكان ومسعفون")]),
    ("وذكر بيان لوزارة الصحة العامة أن القانون نافذ.", [], [("indirect", "القانون نافذ", "وزارة الصحة العامة")]),
    # a first name the tagger left out joins the tagged family name; an elative after a first name
    # is part of the name; a tagged name longer than the parsed one (a family name that is also a
    # title) wins
    ("وقال رئيس منظمة الطاقة الذرية علي أكبر صالحي إن البرنامج سلمي.", ["صالحي"],
     [("indirect", "البرنامج سلمي", "علي أكبر صالحي")]),
    ("وقال علي أكبر ولايتي إن البرنامج سلمي.", [], [("indirect", "البرنامج سلمي", "علي أكبر ولايتي")]),
    ("أوضح ذلك مدير المكتبة الأستاذ منصور بن محمد النقيب, مشيراً إلى أن المكتبة كبيرة.", ["منصور بن محمد النقيب"],
     [("indirect", "المكتبة كبيرة", "منصور بن محمد النقيب")]),
    # a person noun goes back to its introduction, which ends before a number
    ("اكتشفت الشرطة إنجاب رجل ياباني تسعة أطفال. وقال الرجل إنه يريد أسرة كبيرة.", [],
     [("indirect", "يريد أسرة كبيرة", "رجل ياباني")]),
    # a marked clause followed by the writer's time clause ends at its marks
    ('وقال الوزير إنه "من الواضح أن الحرب خلفت حصيلة مروعة جدا" بعد جولة على المخيم.', [],
     [("indirect", "من الواضح أن الحرب خلفت حصيلة مروعة جدا", "الوزير")]),
])
def test_quotes_extract_second_fresh_batch(text, names, expected):
    assert _quotes_with(text, names) == expected


def test_quotes_extract_statement_of_a_body_tagged_whole():
    text = "أصدرت وزارة الداخلية قرارا. وأوضح بيان للوزارة، أن القصاص نفذ."
    # the body's back-reference goes to the tagged body, not to the word after it (its object)
    assert _speakers(text, _typed_entities(text, [("ORG", "وزارة الداخلية")])) == ["وزارة الداخلية"]


def test_quotes_extract_subject_body_tagged_whole():
    text = "وقال مركز الملك سلمان للإغاثة والأعمال الإنسانية إن المساعدات وصلت."
    body = "مركز الملك سلمان للإغاثة والأعمال الإنسانية"
    # the title word الملك inside the body's name does not cut the subject
    assert _speakers(text, _typed_entities(text, [("ORG", body)])) == [body]


def test_quotes_extract_fuller_name_is_not_a_recipient():
    text = "وقال مصدر في وزارة الخارجية لصحيفة الحياة إن الوضع صعب. وقالت وزارة الخارجية إن الوفد وصل."
    ents = _typed_entities(text, [("ORG", "وزارة الخارجية"), ("ORG", "الحياة")])
    assert _speakers(text, ents) == ["مصدر في وزارة الخارجية", "وزارة الخارجية"]
