"""Read and write CoNLL-style NER files and turn BIO tags into entity spans.

Format: one token a line with its tag in the last whitespace-separated column (other columns
are ignored), a blank line between sentences. Tags are BIO (``B-TYPE``, ``I-TYPE``, ``O``);
BIOES/BILOU files are read as the same chunks in BIO (``S-``/``U-`` -> ``B-``, ``E-``/``L-`` ->
``I-``), since corpora of other genres come in those schemes too. Type spellings are unified:
``PER``/``PERSON`` -> ``PERS``, ``MIS``/``MISC``/``MISC1``/... -> ``MISC``, ``ORGANIZATION`` ->
``ORG``, ``LOCATION`` -> ``LOC``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from arnews.errors import EvaluationError

TYPE_ALIASES = {"PER": "PERS", "PERSON": "PERS", "PERS": "PERS", "LOC": "LOC",
                "LOCATION": "LOC", "GPE": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG"}

# chunk prefixes of BIO, BIOES (S single, E end) and BILOU (U unit, L last), as BIO
_PREFIXES = {"B": "B", "I": "I", "S": "B", "U": "B", "E": "I", "L": "I"}


def normalize_tag(tag: str) -> str:
    """Unify a BIO tag's spelling (``B-PER`` -> ``B-PERS``, ``I-MIS2`` -> ``I-MISC``, BIOES
    ``S-LOC`` -> ``B-LOC`` and ``E-ORG`` -> ``I-ORG``).

    Raises :class:`EvaluationError` for something that is not ``O`` or a chunk prefix (``B-``,
    ``I-``, or the BIOES/BILOU ``S-``/``E-``/``U-``/``L-``) + a type.
    """
    tag = tag.strip()
    if tag in ("O", "0"):
        return "O"
    prefix, sep, typ = tag.partition("-")
    prefix = _PREFIXES.get(prefix.upper(), "")
    if not sep or not prefix or not typ:
        raise EvaluationError(f"not a BIO tag: {tag!r}")
    up = typ.upper()
    if up.startswith("MIS"):
        norm = "MISC"
    else:
        norm = TYPE_ALIASES.get(up, up)
    return f"{prefix}-{norm}"


def read_conll(path: Path | str) -> list[list[tuple[str, str]]]:
    """Sentences of ``(token, tag)`` pairs from a CoNLL file (tags normalized)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise EvaluationError(f"cannot read CoNLL file {path}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"CoNLL file {path} is not UTF-8: {exc}") from exc
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        if len(parts) < 2:
            raise EvaluationError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
        try:
            current.append((parts[0], normalize_tag(parts[-1])))
        except EvaluationError as exc:
            raise EvaluationError(f"{path}:{lineno}: {exc}") from None
    if current:
        sentences.append(current)
    return sentences


def write_conll(path: Path | str, sentences: Iterable[Sequence[tuple[str, str]]]) -> None:
    """Write ``token TAG`` lines, a blank line after each sentence."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sentences:
            for token, tag in sent:
                fh.write(f"{token} {tag}\n")
            fh.write("\n")


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entity chunks ``(type, start, end)`` (end exclusive) of a BIO tag sequence.

    conlleval rules: a chunk starts at ``B-X``, or at ``I-X`` that does not continue a chunk of
    type X; it ends before ``O``, ``B-*`` or an ``I-`` of another type.
    """
    out: list[tuple[str, int, int]] = []
    typ: str | None = None
    start = 0
    for i, tag in enumerate(tags):
        if tag == "O":
            if typ is not None:
                out.append((typ, start, i))
                typ = None
            continue
        prefix, _, t = tag.partition("-")
        if prefix == "B" or typ != t:
            if typ is not None:
                out.append((typ, start, i))
            typ, start = t, i
    if typ is not None:
        out.append((typ, start, len(tags)))
    return out


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Turn an ``I-X`` that does not follow ``B-X``/``I-X`` into ``B-X`` (same chunks)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out
