"""The word lists behind quote extraction, loaded from ``arnews/data/quotes/lexicon.json``.

Cue verbs, participles, complementizers, according-to phrases, title words and the other
lists are data, not code, so that a reviewer can extend them without touching the rules.
Matching is normalization-tolerant but offset-preserving: cues are found with regular
expressions that accept alef/hamza variants, ى/ي, ة/ه and optional diacritics/tatweel on the
*original* text (:func:`tolerant_pattern`), and token comparisons use :func:`norm`, which is
applied to single tokens only, never to the text whose offsets are reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from arnews.errors import ModelError

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "quotes" / "lexicon.json"

_DIACRITICS = "\u064b-\u065f\u0670\u0640"
_DIACRITICS_RE = re.compile(f"[{_DIACRITICS}]")
_NORM_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Character classes used by tolerant_pattern: each letter also matches its spelling variants.
_VARIANTS = {
    "ا": "اأإآٱ", "أ": "اأإآٱ", "إ": "اأإآٱ", "آ": "اأإآٱ", "ٱ": "اأإآٱ",
    "ي": "يى", "ى": "يى", "ة": "ةه", "ه": "هة", "ؤ": "ؤئو", "ئ": "ئؤي",
}
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3\u0660-\u0669"
_BOUNDARY_BEFORE = f"(?<![{ARABIC_LETTER}{_DIACRITICS}\\w])"
_BOUNDARY_AFTER = f"(?![{ARABIC_LETTER}{_DIACRITICS}\\w])"


@lru_cache(maxsize=131_072)
def norm(word: str) -> str:
    """Normalize one token for comparison: no diacritics/tatweel, one alef, ي for ى, ه for ة.

    Memoized: the extractor compares the same few thousand words over and over.
    """
    return _DIACRITICS_RE.sub("", word).translate(_NORM_TABLE)


def strip_clitic(n: str) -> str:
    """A normalized word without a leading و/ف conjunction when the article ال follows it
    (والنبي -> النبي); other words are left alone, since و/ف also begin many stems (وزارة)."""
    if len(n) > 4 and n[0] in "وف" and n[1:3] == "ال":
        return n[1:]
    return n


def tolerant_pattern(word: str) -> str:
    """A regex for ``word`` that accepts spelling variants and optional diacritics/tatweel."""
    parts = []
    for ch in word:
        if ch.isspace():
            parts.append(r"\s+")
            continue
        cls = _VARIANTS.get(ch)
        parts.append(f"[{cls}]" if cls else re.escape(ch))
        parts.append(f"[{_DIACRITICS}]*")
    return "".join(parts)


@dataclass(frozen=True)
class CueInfo:
    """What a cue form is: its lemma, its kind (verb, participle or noun) and rule flags."""

    lemma: str
    kind: str
    continuation: bool = False
    strict: bool = False
    needs_fi: bool = False
    impersonal: bool = False
    direct_only: bool = False
    needs_speaker: bool = False
    not_before: frozenset[str] = frozenset()


@dataclass
class QuoteLexicon:
    """Normalized word sets and compiled patterns built from the JSON lexicon."""

    cues: dict[str, CueInfo]
    cue_regex: re.Pattern[str]
    complementizers: frozenset[str]
    comp_preps: frozenset[str]
    not_comp_after: frozenset[str]
    according_lead: frozenset[str]
    according_need_next: dict[str, tuple[str, ...]]
    according_pronoun_regex: re.Pattern[str]
    source_heads: frozenset[str]
    recipient_words: frozenset[str]
    speech_event_nouns: frozenset[str]
    np_stop_words: frozenset[str]
    time_words: frozenset[str]
    honorific_pronouns: frozenset[str]
    back_reference_words: frozenset[str]
    title_words: frozenset[str]
    institution_words: frozenset[str]
    name_intro_words: frozenset[str]
    characterization_verbs: frozenset[str]
    first_names: frozenset[str]
    name_particles: frozenset[str]
    window_blockers: frozenset[str]
    clause_cutters: tuple[tuple[str, ...], ...]
    raw: dict = field(repr=False, default_factory=dict)

    def cue_info(self, token_norm: str) -> CueInfo | None:
        """The cue a normalized token is (with or without a و/ف clitic), or None."""
        info = self.cues.get(token_norm)
        if info is None and len(token_norm) > 2 and token_norm[0] in "وف":
            info = self.cues.get(token_norm[1:])
        return info


def _cutter_variants(cutters: list[str]) -> tuple[tuple[str, ...], ...]:
    """Normalized clause cutters; one that opens with a comma (، معربا) also holds after a
    semicolon (؛ معربا)."""
    out: list[tuple[str, ...]] = []
    for c in cutters:
        words = tuple(norm(w) for w in c.split())
        for v in (words, ("؛",) + words[1:] if words[0] == "،" else words):
            if v not in out:
                out.append(v)
    return tuple(out)


def _nset(words) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


def build_lexicon(data: dict) -> QuoteLexicon:
    """Compile a lexicon dictionary (the JSON file's content) into a :class:`QuoteLexicon`."""
    try:
        cues: dict[str, CueInfo] = {}
        for lemma, spec in data["cue_verbs"].items():
            impersonal = _nset(spec.get("impersonal", ()))
            for form in spec["forms"]:
                n = norm(form)
                cues[n] = CueInfo(lemma, "verb", bool(spec.get("continuation")), bool(spec.get("strict")),
                                  bool(spec.get("needs_fi")), n in impersonal, bool(spec.get("direct_only")),
                                  bool(spec.get("needs_speaker")), _nset(spec.get("not_before", ())))
            for form in spec.get("impersonal", ()):
                n = norm(form)
                if n not in cues:
                    cues[n] = CueInfo(lemma, "verb", impersonal=True)
        for lemma, forms in data["cue_participles"].items():
            for form in forms:
                cues[norm(form)] = CueInfo(lemma, "participle", continuation=True)
        for form, lemma in data["cue_nouns"].items():
            cues[norm(form)] = CueInfo(lemma, "noun", continuation=True)
        for form in data.get("first_person_forms", ()):
            n = norm(form)
            if n in cues and cues[n].kind == "verb":
                del cues[n]         # أقول، نرى: the author speaking, not a reported source
        surface = sorted({f for spec in data["cue_verbs"].values() for f in spec["forms"]}
                         | {f for spec in data["cue_verbs"].values() for f in spec.get("impersonal", ())}
                         | {f for forms in data["cue_participles"].values() for f in forms}
                         | set(data["cue_nouns"]), key=len, reverse=True)
        alternation = "|".join(tolerant_pattern(f) for f in surface)
        cue_regex = re.compile(f"{_BOUNDARY_BEFORE}(?:[وف][{_DIACRITICS}]*)?(?:{alternation})"
                               f"{_BOUNDARY_AFTER}")
        comps = set()
        for base in data["complementizers"]:
            for suffix in data["complementizer_suffixes"]:
                comps.add(norm(base + suffix))
        acc = data["according_to"]
        pron = sorted(acc["pronoun_phrases"], key=len, reverse=True)
        pron_regex = re.compile(f"{_BOUNDARY_BEFORE}(?:[وف])?(?:"
                                + "|".join(tolerant_pattern(p) for p in pron) + f"){_BOUNDARY_AFTER}")
        return QuoteLexicon(
            cues=cues, cue_regex=cue_regex, complementizers=frozenset(comps),
            comp_preps=_nset(data["complementizer_preps"]),
            not_comp_after=_nset(data["not_complementizer_after"]),
            according_lead=_nset(acc["lead"]),
            according_need_next={norm(k): tuple(norm(x) for x in v) for k, v in acc["need_next"].items()},
            according_pronoun_regex=pron_regex,
            source_heads=_nset(data["source_heads"]),
            recipient_words=_nset(data["recipient_words"]),
            speech_event_nouns=_nset(data["speech_event_nouns"]),
            np_stop_words=_nset(data["np_stop_words"]),
            time_words=_nset(data["time_words"]),
            honorific_pronouns=_nset(data["honorific_pronouns"]),
            back_reference_words=_nset(data["back_reference_words"]),
            title_words=_nset(data["title_words"]),
            institution_words=_nset(data["institution_words"]),
            name_intro_words=_nset(data["name_intro_words"]),
            characterization_verbs=_nset(data["characterization_verbs"]),
            first_names=_nset(data["first_names"]),
            name_particles=_nset(data["name_particles"]),
            window_blockers=_nset(data["window_blockers"]),
            clause_cutters=_cutter_variants(data["clause_cutters"]),
            raw=data,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"quote lexicon is malformed: {exc!r}") from exc


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> QuoteLexicon:
    """Load and compile the quote lexicon (cached); ``path`` defaults to the packaged file."""
    p = Path(path) if path else LEXICON_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read quote lexicon {p}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ModelError(f"quote lexicon {p} is not valid JSON: {exc}") from exc
    return build_lexicon(data)
