"""Compile the NER gazetteers into ``arnews/data/ner/gazetteers.tsv``.

Sources (``../shared/data/gazetteers``): ANERgazet (people, places, organizations), common
Arabic first/last names, CLDR country/region and language names, ISO 3166 country names,
GeoNames cities with Arabic-script names, and the CLDR-derived nationality candidates that
SaudiNewsNet attests. Added here, written and checked by hand: titles and roles that precede a
person's name, words that open organization names, and nationality adjectives with their
feminine and plural forms.

Optionally (``--mine-news``; off by default because it did not help on dev) mined from
SaudiNewsNet (distant supervision, ``mine_context_entries``): words that often come
right after a word announcing a type (نادي/شركة/حزب ... -> MORG, مدينة/العاصمة/محافظة ... ->
MLOC, الرئيس/الشيخ/المدرب ... -> MPERS). Only the word lists are kept.

Every phrase is normalized with the tagger's own :func:`normalize`, so lists and text match.
Single-word city names that are also frequent ordinary words in news text (rank < 3000 in the
cluster vocabulary, e.g. "كان", "حلوان" is kept) are dropped unless the city has a million
people, so the CITY/TOWN features do not fire on function words: run
``training/build_clusters.py`` first.

Usage (from the repository root)::

    python training/build_gazetteers.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arnews.analyze.ner.features import load_clusters, normalize  # noqa: E402

# Titles and roles written before a person's name (base forms; the tagger strips و/ب/ل/ال).
TITLES = """
الرئيس رئيس الرئيسة نائب_الرئيس رئيس_الوزراء رئيس_الحكومة رئيس_الجمهورية رئيس_مجلس_الوزراء
رئيس_الوزراء_الإسرائيلي رئيس_البرلمان رئيس_مجلس_النواب رئيس_مجلس_الشورى رئيس_الأركان
الملك الملكة العاهل الأمير الأميرة أمير ولي_العهد ولي_ولي_العهد خادم_الحرمين_الشريفين السلطان
الشيخ الشيخة سمو صاحب_السمو سماحة فضيلة معالي سعادة فخامة جلالة
الوزير الوزيرة وزير وزيرة وزير_الخارجية وزير_الداخلية وزير_الدفاع وزير_المالية وزير_العدل
وزير_الإعلام وزير_الصحة وزير_التعليم وزير_التربية وزير_الاقتصاد وزير_النفط وزير_البترول
وزير_الطاقة وزير_التجارة وزير_الزراعة وزير_العمل وزير_الثقافة وزير_الأوقاف وزير_الإسكان
وزير_النقل وزير_السياحة وزير_الشؤون_الخارجية وزير_الدولة وكيل_وزارة وكيل مساعد_وزير
المستشار المستشارة السفير السفيرة القنصل المبعوث المبعوث_الخاص المندوب المندوب_الدائم
الجنرال اللواء العميد العقيد المقدم الرائد النقيب الملازم الفريق الفريق_أول المشير الأدميرال
قائد القائد زعيم الزعيم المرشد المرشد_الأعلى الإمام آية_الله البابا البطريرك المطران القس
الأب الكاردينال المفتي مفتي الحاخام
الدكتور الدكتورة د. الأستاذ الأستاذة المهندس المهندسة السيد السيدة الحاج المحامي القاضي
المتحدث المتحدثة المتحدث_باسم المتحدث_الرسمي المتحدث_الرسمي_باسم الناطق الناطق_باسم
الناطق_الرسمي الناطق_الرسمي_باسم
المدير مدير المديرة المدير_العام المدير_التنفيذي الرئيس_التنفيذي الأمين_العام أمين_عام
نائب النائب النائبة عضو عضو_مجلس السيناتور محافظ المحافظ حاكم الحاكم عمدة رئيس_بلدية
أمير_منطقة
المدرب اللاعب النجم الفنان الفنانة المطرب المطربة المخرج الممثل الممثلة المؤلف الكاتب
الكاتبة الشاعر الروائي الصحفي الصحفية المراسل الإعلامي الإعلامية البروفيسور الباحث
المدافع الحارس المهاجم الهداف الحكم لاعب_الوسط الراقصة المغني المغنية الملحن الموسيقار
الداعية الأسقف العاهل_الأردني العاهل_السعودي العاهل_المغربي
""".split()

# Words that open an organization name (base forms).
ORG_HEADS = """
وزارة هيئة مجلس شركة جامعة حكومة حزب جمعية بنك مصرف منظمة اتحاد لجنة مؤسسة صندوق وكالة
مركز معهد أكاديمية نادي جبهة حركة جماعة تنظيم محكمة برلمان مجموعة مستشفى مدرسة كلية صحيفة
جريدة مجلة قناة إذاعة تلفزيون مصنع جيش قوات دائرة مديرية إدارة سلطة مفوضية نقابة رابطة غرفة
بورصة ائتلاف تحالف كتلة مجمع ديوان أمانة بلدية مكتب متحف وكالة_أنباء الأمم_المتحدة
مجلس_الأمن مجلس_التعاون الجامعة_العربية جامعة_الدول_العربية الاتحاد_الأوروبي حلف_الناتو
""".split()

# Nationality adjectives, masculine singular base forms (the forms below are generated).
NATIONALITIES = """
أمريكي أميركي بريطاني فرنسي ألماني روسي صيني ياباني سعودي إماراتي كويتي قطري بحريني عماني
يمني عراقي سوري لبناني أردني فلسطيني مصري ليبي تونسي جزائري مغربي موريتاني سوداني صومالي
تركي إيراني أفغاني باكستاني هندي إسرائيلي إيطالي إسباني برتغالي يوناني هولندي بلجيكي
سويسري نمساوي سويدي نرويجي دنماركي فنلندي بولندي أوكراني كوري أسترالي كندي مكسيكي برازيلي
أرجنتيني أوروبي أفريقي إفريقي آسيوي عربي خليجي كردي إنجليزي إنكليزي اسكتلندي أيرلندي
إثيوبي إريتري نيجيري كيني جيبوتي تشادي مالي سنغالي إندونيسي ماليزي فلبيني تايلاندي فيتنامي
بنغلاديشي سريلانكي نيبالي أذربيجاني أرمني جورجي كازاخستاني أوزبكي شيشاني صربي كرواتي
بوسني ألباني روماني بلغاري مجري تشيكي سلوفاكي كوبي فنزويلي كولومبي تشيلي بيروفي
""".split()
NATIONALITY_PLURALS = """
الأمريكان الأميركان أمريكان العرب عرب الأتراك أتراك الأكراد أكراد الروس روس الألمان ألمان
الإنجليز إنجليز الأفغان أفغان الإيرانيون الأوروبيون
""".split()

# Administrative regions, governorates and towns of Arab states that the city list (GeoNames
# cities500, towns by population) lacks or drops as frequent words: the regions of Saudi Arabia
# (القصيم, حائل, عسير), its governorates, and the provinces of Egypt, Iraq, Syria, Yemen, Libya,
# Jordan, the Gulf states and Palestine. Hand-checked: names that are mostly common words or
# person names (تربة, فرسان, الشرقية, الغربية, صلاح الدين, عمران, حماة, سرت, الزاوية, العين,
# صور, المذنب, الكفرة, الرمادي) are left out; a few regions that are also adjectives (عسير,
# حائل) are kept, as Saudi news names the regions far more often than it uses the words.
REGIONS = """
الرياض مكة_المكرمة المدينة_المنورة القصيم المنطقة_الشرقية عسير تبوك حائل الحدود_الشمالية
جازان جيزان نجران الباحة الجوف القطيف بيشة رابغ الليث مخواة المخواة حفر_الباطن الخفجي الجبيل
الظهران الخبر الدمام الأحساء الهفوف المبرز القنفذة المجمعة الزلفي الدوادمي وادي_الدواسر
الأفلاج السليل الخرج عفيف القويعية ينبع العلا ضباء أملج تيماء دومة_الجندل طريف رفحاء عرعر
القريات سكاكا بلجرشي النماص محايل_عسير خميس_مشيط أبها سراة_عبيدة ظهران_الجنوب صامطة
أبو_عريش صبيا شرورة تثليث رنية الخرمة الطائف جدة عنيزة البكيرية بريدة المزاحمية
القاهرة الجيزة الإسكندرية الدقهلية المنوفية القليوبية كفر_الشيخ دمياط بورسعيد بور_سعيد
الإسماعيلية السويس الفيوم بني_سويف المنيا أسيوط سوهاج قنا الأقصر أسوان مرسى_مطروح
شمال_سيناء جنوب_سيناء سيناء الوادي_الجديد
الأنبار نينوى ديالى كركوك البصرة ميسان ذي_قار المثنى القادسية بابل كربلاء النجف دهوك
أربيل السليمانية الموصل الفلوجة تكريت سامراء بعقوبة
حلب حمص إدلب اللاذقية طرطوس دير_الزور الرقة الحسكة درعا السويداء القنيطرة ريف_دمشق
دمشق القلمون الغوطة
صنعاء عدن تعز الحديدة مأرب حضرموت شبوة أبين لحج الضالع ذمار صعدة المهرة سقطرى المكلا
طرابلس بنغازي مصراتة درنة طبرق سبها ترهونة الجفرة غريان أجدابيا
الجهراء الفروانية حولي أبوظبي أبو_ظبي دبي الشارقة عجمان رأس_الخيمة الفجيرة أم_القيوين
مسقط ظفار صلالة صحار نزوى مسندم المنامة المحرق الدوحة الريان الوكرة
الزرقاء إربد العقبة الكرك مادبا جرش عجلون الطفيلة البلقاء
غزة رام_الله الخليل نابلس جنين طولكرم قلقيلية بيت_لحم أريحا القدس رفح خان_يونس
الضفة_الغربية قطاع_غزة الخرطوم أم_درمان دارفور كردفان بورتسودان كسلا
""".split()


def _nat_forms(base: str) -> list[str]:
    forms = []
    for stem in (base, "ال" + base):
        forms += [stem, stem + "ه", stem + "ين", stem + "ون", stem + "ات"]
    return forms


def _phrase(text: str) -> str:
    return " ".join(normalize(text.replace("_", " ")).split())


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig") as fh:
        return [ln.strip() for ln in fh if ln.strip()]


def _tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def collect(shared: Path, ranks: dict[str, int]) -> list[tuple[str, str]]:
    """All ``(label, normalized phrase)`` pairs."""
    g = shared / "data" / "gazetteers"
    pairs: list[tuple[str, str]] = []

    def add(label: str, text: str) -> None:
        p = _phrase(text)
        if p and not p.isdigit() and len(p) >= 2:
            pairs.append((label, p))

    ag = g / "anergazet"
    for line in _lines(ag / "AlignedLocGazetteer.txt"):
        if set(line) - set("=*"):
            add("LOC", line)
    for line in _lines(ag / "AlignedPersGazetteer.txt"):
        add("PERS", line)
    for line in _lines(ag / "AlignedOrgGazetteer.txt"):
        if set(line) - set("=*"):
            add("ORG", line)

    names = g / "arabic-names"
    for fname in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in _lines(names / fname):
            add("FIRST", line)
    for line in _lines(names / "last-names-in-arabic.txt"):
        add("LAST", line)
    with open(names / "200-Arabic-Names-UTF8.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            for col, label in (("Male", "FIRST"), ("Female", "FIRST"), ("Lastname", "LAST")):
                if row.get(col):
                    add(label, row[col])

    for row in _tsv(g / "cldr" / "territories_ar.tsv"):
        add("COUNTRY" if row["kind"] == "country" else "LOC", row["name_ar"])
    for row in _tsv(g / "cldr" / "languages_ar.tsv"):
        add("LANG", row["name_ar"])
    for row in _tsv(g / "iso-countries" / "countries_ar.tsv"):
        for col in ("name_ar", "official_name_ar"):
            if row.get(col):
                add("COUNTRY", row[col])

    dropped = 0
    for row in _tsv(g / "geonames-cities" / "cities500_arabic_names.tsv"):
        pop = int(row["population"] or 0)
        label = "CITY" if pop >= 100_000 else "TOWN"
        for name in row["arabic_script_alternatenames"].split("|"):
            p = _phrase(name)
            if not p:
                continue
            if " " not in p and ranks.get(p, 1 << 30) < 3000 and pop < 1_000_000:
                dropped += 1
                continue
            add(label, p)
    print(f"geonames: dropped {dropped} names that are frequent ordinary words")

    bases = set(NATIONALITIES)
    for row in _tsv(g / "candidates" / "nationality_candidates_from_cldr_countries.tsv"):
        if row.get("status") == "ok" and row.get("nisba_masc_candidate"):
            bases.add(row["nisba_masc_candidate"])
    for base in sorted(bases):
        for form in _nat_forms(_phrase(base)):
            add("NAT", form)
    for word in NATIONALITY_PLURALS:
        add("NAT", word)
    for r in REGIONS:
        add("LOC", r)
    for t in TITLES:
        add("TITLE", t)
    for h in ORG_HEADS:
        add("ORGHEAD", h)
    return pairs


# Words that announce the type of the NEXT word in news text (distant supervision): the words
# found right after them in SaudiNewsNet often enough become "mined" gazetteer entries.
CONTEXT_HEADS = {
    "MORG": """نادي فريق شركة حزب صحيفة جريدة وكالة قناة منظمة حركة جماعة بنك مصرف جامعة
               مجموعة تنظيم مجلة مؤسسة ائتلاف جبهة""",
    "MLOC": """مدينة العاصمة محافظة ولاية منطقة بلدة قرية إقليم جزيرة مقاطعة حي شارع دولة بلاد
               مطار ميناء""",
    "MPERS": """الرئيس الشيخ الأمير الملك الوزير الدكتور السيد السيدة المدرب اللاعب الفنان
                الفنانة النجم الكاتب الإعلامي المهندس الجنرال اللواء العميد الداعية المستشار
                السفير المتحدث""",
}


def mine_context_entries(news: Path, ranks: dict[str, int], *, min_count: int = 3,
                         min_share: float = 0.03, skip_rank: int = 300) -> list[tuple[str, str]]:
    """``(label, word)`` for words that often follow a type-announcing head in news text.

    A word qualifies for a label when it follows that label's heads at least ``min_count``
    times and in at least ``min_share`` of all its occurrences; the 300 most frequent words
    never do. Only these derived word lists are kept, never the text.
    """
    from collections import Counter

    from arnews.analyze.ner.features import proclitic_splits
    from training.build_clusters import read_tokens

    heads: dict[str, str] = {}
    for label, words in CONTEXT_HEADS.items():
        for w in words.split():
            heads[normalize(w)] = label
    tokens = read_tokens(news, None)
    freq = Counter(tokens)
    after: dict[str, Counter] = {label: Counter() for label in CONTEXT_HEADS}
    head_cache: dict[str, str | None] = {}
    for i in range(len(tokens) - 1):
        tok = tokens[i]
        label = head_cache.get(tok, "?")
        if label == "?":
            label = heads.get(tok)
            if label is None:
                for _pre, stem in proclitic_splits(tok):
                    if stem in heads:
                        label = heads[stem]
                        break
            head_cache[tok] = label
        if label is not None:
            after[label][tokens[i + 1]] += 1
    out = []
    for label, counter in after.items():
        for word, n in counter.items():
            if (n >= min_count and n >= min_share * freq[word] and len(word) >= 2
                    and word[0].isalpha() and ranks.get(word, 1 << 30) >= skip_rank
                    and word not in heads):
                out.append((label, word))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--clusters", type=Path,
                    default=ROOT / "arnews" / "data" / "ner" / "clusters.tsv")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "arnews" / "data" / "ner" / "gazetteers.tsv")
    ap.add_argument("--mine-news", action="store_true",
                    help="add MORG/MLOC/MPERS lists mined from news text (off by default: "
                         "no gain on dev, 0.733 vs 0.739 stage-1 F1)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    _clusters, ranks = load_clusters(args.clusters)
    pairs = collect(args.shared, ranks)
    if args.mine_news:
        news = args.shared / "data" / "news" / "saudinewsnet-all.jsonl.gz"
        pairs += mine_context_entries(news, ranks)
    pairs = sorted(set(pairs))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# LABEL\tnormalized phrase; built by training/build_gazetteers.py\n")
        for label, phrase in pairs:
            fh.write(f"{label}\t{phrase}\n")
    counts: dict[str, int] = {}
    for label, _ in pairs:
        counts[label] = counts.get(label, 0) + 1
    print("entries:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) "
          f"in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
