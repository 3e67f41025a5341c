"""The document model: one article and everything found in it.

A :class:`Document` owns the article text; every other object (tokens, sentences, entity
mentions, quotes) is a frozen dataclass that points into ``Document.text`` by character
offsets (Python code-point indices, ``end`` exclusive). ``Document.to_dict`` is the one
serialized form that every output format reads; its shape is described by
``arnews/schema/document.schema.json`` and versioned by :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")
QUOTE_TYPES = ("direct", "indirect", "according_to")


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace/punctuation token of the original text.

    ``norm`` is the normalized form (diacritics, tatweel, alef/hamza, ى/ي, ة/ه unified);
    ``bare`` is ``norm`` without its proclitics (و ف ب ل ك ال and their combinations), so that
    لليبيا and ليبيا share ``bare``; ``prefix`` is the stripped proclitic string (normalized).
    An Arabic token can hold several words: ``prefix`` + ``bare``.
    """

    start: int
    end: int
    text: str
    norm: str
    bare: str
    prefix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "norm": self.norm, "bare": self.bare, "prefix": self.prefix}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its character span and the half-open range of its tokens."""

    start: int
    end: int
    token_start: int
    token_end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end,
                "token_start": self.token_start, "token_end": self.token_end}


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text. ``text`` equals ``Document.text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    sentence: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "sentence": self.sentence}


@dataclass(frozen=True, slots=True)
class Entity:
    """All mentions of one person, place, organization or other named thing in an article."""

    id: str
    type: str
    name: str
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name,
                "count": len(self.mentions), "roles": list(self.roles),
                "mentions": [m.to_dict() for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class Speaker:
    """The source a quote is attributed to.

    ``name`` is the fullest name (or description) without titles; ``entity`` is the id of the
    matching :class:`Entity` when there is one; ``start``/``end`` locate the mention the
    attribution used (``None`` when the speaker is inherited from an earlier quote).
    """

    name: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: ``direct``, ``indirect`` or ``according_to``.

    ``start``/``end`` is the content span (quotation marks excluded); ``cue`` is the
    attribution word as written (قال، وأضاف، بحسب ...) and ``cue_lemma`` its dictionary form.
    """

    type: str
    start: int
    end: int
    text: str
    speaker: Speaker | None
    cue: str | None = None
    cue_lemma: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    sentence: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "content": {"start": self.start, "end": self.end, "text": self.text},
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": ({"text": self.cue, "lemma": self.cue_lemma,
                     "start": self.cue_start, "end": self.cue_end}
                    if self.cue is not None else None),
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input left out of ``Document.text`` (site boilerplate), and why."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article came from and how it was read."""

    path: str | None = None
    id: str | None = None
    encoding: str | None = None
    format: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "id": self.id, "encoding": self.encoding, "format": self.format}


@dataclass(frozen=True, slots=True)
class Document:
    """One analyzed article. All offsets in its parts index into :attr:`text`.

    ``text`` is the title and the body (title first, then a blank line), without the category
    line and without removed boilerplate; ``title_end`` is where the title stops (0 when the
    article has no title).
    """

    text: str
    title: str = ""
    title_end: int = 0
    category: str | None = None
    source: Source = field(default_factory=Source)
    metadata: tuple[tuple[str, str], ...] = ()
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def body(self) -> str:
        """The article text after the title."""
        return self.text[self.title_end:].lstrip("\n")

    def arabic_ratio(self) -> float:
        """Share of letters in the text that are Arabic script (0 when there are no letters)."""
        letters = [c for c in self.text if c.isalpha()]
        if not letters:
            return 0.0
        arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f"
                     or "\u08a0" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufeff")
        return arabic / len(letters)

    def stats(self) -> dict[str, Any]:
        return {
            "characters": len(self.text),
            "words": sum(1 for t in self.tokens if any(c.isalnum() for c in t.text)),
            "sentences": len(self.sentences),
            "tokens": len(self.tokens),
            "arabic_ratio": round(self.arabic_ratio(), 4),
            "entities": len(self.entities),
            "quotes": len(self.quotes),
        }

    def to_dict(self, *, include_tokens: bool = False) -> dict[str, Any]:
        """The serialized form shared by every renderer (see the JSON schema)."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "category": self.category,
            "title": self.title,
            "metadata": dict(self.metadata),
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "stats": self.stats(),
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
        }
        if include_tokens:
            out["tokens"] = [t.to_dict() for t in self.tokens]
        return out
