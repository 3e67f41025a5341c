"""The analysis pipeline: stages registered by name, each declaring what it needs.

A stage is a plain function ``Document -> Document`` (documents are frozen, so a stage returns
an updated copy); a stage registered with ``options=True`` is called as ``fn(doc, options)`` with
the run's :class:`AnalysisOptions`. ``analyze_article`` builds the document text from an
:class:`Article` and runs the requested stages in dependency order; models are loaded once per
process and reused.

:class:`AnalysisOptions` chooses the entity tagger: the shipped one by default, or CAMeL Tools'
BERT tagger (``AnalysisOptions(ner="camel", ner_model=...)``), which is imported only then.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable

from ..errors import NotArabicError
from ..io.reader import Article
from ..model import Document, Source
from .options import AnalysisOptions
from .tokenize import segment

StageFn = Callable[..., Document]
#: The options used when none are given: the shipped entity tagger.
DEFAULT_OPTIONS = AnalysisOptions()


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    run: StageFn
    help: str
    #: Whether ``run`` takes the run's :class:`AnalysisOptions` as its second argument.
    options: bool = False


_STAGES: dict[str, Stage] = {}


def register(name: str, requires: tuple[str, ...] = (), help: str = "",
             options: bool = False) -> Callable[[StageFn], StageFn]:
    """Register a stage function under ``name`` (``options``: it takes ``(doc, options)``)."""
    def wrap(fn: StageFn) -> StageFn:
        _STAGES[name] = Stage(name, requires, fn, help or (fn.__doc__ or "").strip().splitlines()[0], options)
        return fn
    return wrap


def stages() -> dict[str, Stage]:
    """The registered stages, by name."""
    return dict(_STAGES)


def resolve(names: tuple[str, ...] | list[str]) -> list[Stage]:
    """The stages needed for ``names``, requirements first, each once."""
    order: list[Stage] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        if name not in _STAGES:
            raise ValueError(f"unknown stage {name!r} (known: {', '.join(sorted(_STAGES))})")
        for req in _STAGES[name].requires:
            visit(req)
        seen.add(name)
        order.append(_STAGES[name])

    for n in names:
        visit(n)
    return order


@register("tokenize", help="Sentences and tokens with offsets and clitic-stripped forms.")
def _tokenize(doc: Document) -> Document:
    sentences, tokens = segment(doc.text)
    return dataclasses.replace(doc, sentences=tuple(sentences), tokens=tuple(tokens))


@register("entities", requires=("tokenize",), options=True,
          help="Named entities (PERS, LOC, ORG, MISC) grouped per article.")
def _entities(doc: Document, options: AnalysisOptions) -> Document:
    from .entities import find_entities

    return dataclasses.replace(doc, entities=tuple(
        find_entities(doc, ner=options.ner, ner_model=options.ner_model)))


@register("quotes", requires=("tokenize", "entities"), help="Attributed quotes with speakers.")
def _quotes(doc: Document) -> Document:
    from .quotes import extract_quotes

    return dataclasses.replace(doc, quotes=tuple(
        extract_quotes(doc.text, sentences=doc.sentences, entities=doc.entities)))


DEFAULT_STAGES: tuple[str, ...] = ("tokenize", "entities", "quotes")

#: Below this share of Arabic letters a text is refused as not Arabic.
MIN_ARABIC_RATIO = 0.3


def build_document(article: Article) -> Document:
    """The document (not yet analyzed) for an article: title, blank line, body."""
    title = article.title.strip()
    body = article.body.strip()
    text = f"{title}\n\n{body}" if title and body else (title or body)
    return Document(text=text, title=title, title_end=len(title), category=article.category,
                    source=article.source, metadata=article.metadata, removed=article.removed)


def run_stages(doc: Document, names: tuple[str, ...] | list[str] = DEFAULT_STAGES,
               options: AnalysisOptions | None = None) -> Document:
    """Run the named stages (and what they require) on ``doc``."""
    options = options or DEFAULT_OPTIONS
    for stage in resolve(names):
        doc = stage.run(doc, options) if stage.options else stage.run(doc)
    return doc


def analyze_article(article: Article, names: tuple[str, ...] | list[str] = DEFAULT_STAGES, *,
                    min_arabic_ratio: float = MIN_ARABIC_RATIO,
                    options: AnalysisOptions | None = None) -> Document:
    """Analyze an article that was read by :mod:`arnews.io` (``options``: see
    :class:`AnalysisOptions`; default: the shipped models)."""
    doc = build_document(article)
    ratio = doc.arabic_ratio()
    if ratio < min_arabic_ratio:
        raise NotArabicError(
            f"{article.source.path or 'input'} is not Arabic text "
            f"({ratio:.0%} of its letters are Arabic; at least {min_arabic_ratio:.0%} needed)")
    return run_stages(doc, names, options)


def analyze_text(text: str, names: tuple[str, ...] | list[str] = DEFAULT_STAGES, *,
                 source: Source | None = None, options: AnalysisOptions | None = None) -> Document:
    """Analyze ``text`` exactly as given: no header split, no boilerplate removal."""
    return run_stages(Document(text=text, source=source or Source(format="text")), names, options)
