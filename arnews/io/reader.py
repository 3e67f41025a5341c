"""Reading one article from a path, standard input, bytes or a string.

The reader turns any supported input (plain text in UTF-8/UTF-16/Windows-1256, an HTML page, a
JSON object or JSONL record) into an :class:`Article`: category, headline, body, metadata and
the boilerplate that was removed. It knows nothing about analysis.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import (
    EmptyInputError,
    InputError,
    InputIsDirectoryError,
    InputNotFoundError,
    InputTooLargeError,
    RecordError,
)
from ..model import Removed, Source
from .boilerplate import remove_boilerplate, split_header
from .encoding import decode_bytes

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
ID_FIELDS = ("id", "url", "uuid")
FORMATS = ("auto", "text", "html", "json")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read input; built once (from CLI options or by the caller)."""

    format: str = "auto"
    text_field: str | None = None
    title_field: str | None = None
    id_field: str | None = None
    record: int = 0
    max_bytes: int = DEFAULT_MAX_BYTES
    boilerplate: bool = True


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read: not yet analyzed."""

    title: str
    body: str
    category: str | None = None
    source: Source = field(default_factory=Source)
    metadata: tuple[tuple[str, str], ...] = ()
    removed: tuple[Removed, ...] = ()


def read_raw(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes at ``path`` (``"-"``: standard input), refusing more than ``max_bytes``."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"standard input is over the limit of {max_bytes:,} bytes (see --max-bytes)")
        return data
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"no such file: {p}")
    if p.is_dir():
        raise InputIsDirectoryError(f"{p} is a directory (use 'arnews batch' for folders)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"{p} is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"cannot read {p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from exc


def read_article(path: str | Path, options: ReadOptions = ReadOptions()) -> Article:
    """Read the article at ``path`` (``"-"`` reads standard input)."""
    data = read_raw(path, options.max_bytes)
    return read_bytes(data, "<stdin>" if str(path) == "-" else str(path), options)


def read_bytes(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> Article:
    """Decode ``data`` (named ``name`` in messages and in ``source.path``) and read it."""
    if len(data) > options.max_bytes:
        raise InputTooLargeError(
            f"{name} is over the limit of {options.max_bytes:,} bytes (see --max-bytes)")
    if not data.strip():
        raise EmptyInputError(f"{name} is empty")
    text, encoding = decode_bytes(data)
    fmt = options.format if options.format != "auto" else sniff_format(text, name)
    source = Source(path=name, encoding=encoding, format=fmt)
    if fmt == "html":
        from .html import read_html

        return read_html(text, source, options)
    if fmt == "json":
        return read_json(text, source, options)
    return read_text_article(text, source, options)


def sniff_format(text: str, name: str = "") -> str:
    """Guess ``text``/``html``/``json`` from the file name and the first characters."""
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".json", ".jsonl", ".ndjson")):
        return "json"
    if lower.endswith(".txt"):
        return "text"
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith(("{", "[")):
        first = text.lstrip().split("\n", 1)[0]
        try:
            json.loads(first)
            return "json"
        except json.JSONDecodeError:
            try:
                json.loads(text)
                return "json"
            except json.JSONDecodeError:
                return "text"
    return "text"


def read_text_article(text: str, source: Source | None = None,
                      options: ReadOptions = ReadOptions()) -> Article:
    """Read a plain-text article: category line, headline, body, boilerplate removed."""
    source = source or Source(format="text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed: list[Removed] = []
    if options.boilerplate:
        text, removed = remove_boilerplate(text)
    category, title, body = split_header(text)
    if not (title or body):
        raise EmptyInputError(f"{source.path or 'input'} has no article text")
    return Article(title=title, body=body, category=category, source=source, removed=tuple(removed))


def _pick(record: dict, wanted: str | None, defaults: tuple[str, ...], what: str, name: str) -> str | None:
    if wanted is not None:
        if wanted not in record:
            raise RecordError(f"{name}: the record has no field {wanted!r} "
                              f"(fields: {', '.join(sorted(map(str, record))) or 'none'})")
        value = record[wanted]
    else:
        value = next((record[k] for k in defaults if isinstance(record.get(k), str)), None)
    if value is not None and not isinstance(value, str):
        raise RecordError(f"{name}: the {what} field is not a string")
    return value


def article_from_record(record: object, source: Source, options: ReadOptions = ReadOptions()) -> Article:
    """Build an article from one JSON object (fields chosen by ``options`` or by common names)."""
    name = source.path or "record"
    if not isinstance(record, dict):
        raise RecordError(f"{name}: expected a JSON object, found {type(record).__name__}")
    body = _pick(record, options.text_field, TEXT_FIELDS, "text", name)
    if body is None:
        raise RecordError(f"{name}: no text field found (tried {', '.join(TEXT_FIELDS)}; "
                          "choose one with --text-field)")
    title = _pick(record, options.title_field, TITLE_FIELDS, "title", name) or ""
    rid = _pick(record, options.id_field, ID_FIELDS, "id", name) if options.id_field else None
    if rid is None:
        raw = next((record[k] for k in ID_FIELDS if k in record), None)
        rid = None if raw is None else str(raw)
    meta = tuple((k, str(v)) for k, v in record.items()
                 if k in ("date", "date_extracted", "author", "source", "url") and v not in (None, ""))
    removed: list[Removed] = []
    body = body.replace("\r\n", "\n")
    if options.boilerplate:
        body, removed = remove_boilerplate(body)
    if not (title.strip() or body.strip()):
        raise EmptyInputError(f"{name}: the record's text is empty")
    src = Source(path=source.path, id=rid, encoding=source.encoding, format="json")
    category = record.get("category") if isinstance(record.get("category"), str) else None
    return Article(title=" ".join(title.split()), body=body.strip(), category=category, source=src,
                   metadata=meta, removed=tuple(removed))


def read_json(text: str, source: Source, options: ReadOptions = ReadOptions()) -> Article:
    """Read one record from a JSON document or a JSONL file (``options.record`` picks the line)."""
    stripped = text.strip()
    try:
        obj = json.loads(stripped)
        records = obj if isinstance(obj, list) else [obj]
    except json.JSONDecodeError:
        records = []
        for n, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RecordError(f"{source.path}: line {n} is not valid JSON ({exc.msg})") from exc
    if not records:
        raise EmptyInputError(f"{source.path}: no JSON records")
    if not 0 <= options.record < len(records):
        raise RecordError(f"{source.path} has {len(records)} record(s); --record {options.record} is out of range")
    return article_from_record(records[options.record], source, options)
