"""Turning batch inputs (folders, files, JSONL corpora, path lists) into work items with ids.

A :class:`WorkItem` is what one worker needs to analyze one article: either a file to read
(``path``) or one JSONL record (``data``, the raw line, parsed in the worker so that a malformed
line becomes an error record instead of stopping the batch). Items carry a stable ``id``:

* a file found in a folder: its path relative to that folder (``2015/07/a.txt``);
* a file named directly (argument or ``--from-list`` line): the path as written;
* a JSONL record: the record's id (``--id-field``, else the first of ``id``/``url``/``uuid``),
  else ``<file name>:<line number>``.

Enumeration is deterministic (folders are walked in sorted order) and lazy (JSONL corpora are
streamed, never held in memory), so a rerun with ``--resume`` meets the same ids in the same
order. An id met twice gets ``#2``, ``#3``... so that every output line has its own id.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import InputError, InputNotFoundError
from ..io.reader import ID_FIELDS

#: Files taken from folders when no ``--include`` is given: text, HTML, JSON and JSONL corpora.
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.htm", "*.html", "*.xhtml", "*.json",
                   "*.jsonl", "*.ndjson", "*.jsonl.gz", "*.ndjson.gz")
#: File names read as corpora of one article per line.
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One article to analyze.

    ``path`` is where to read a file (absolute, so that workers on other machines or with
    another working directory find it); ``name`` is how the article is named in its record's
    ``source.path`` and in messages. For a JSONL record, ``data`` is the raw line and ``line``
    its 1-based number in ``name``.
    """

    id: str
    name: str
    path: str | None = None
    data: str | bytes | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class InputSpec:
    """What to enumerate: the inputs and how to select and name their articles."""

    paths: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    id_field: str | None = None
    from_list: str | None = None
    skip_files: tuple[str, ...] = ()  # absolute paths never read as input (the batch's own output)
    stdin: IO[bytes] | None = field(default=None, compare=False)

    def includes(self) -> tuple[str, ...]:
        return self.include or DEFAULT_INCLUDE

    def skipped(self, path: Path) -> bool:
        return bool(self.skip_files) and str(path.absolute()) in self.skip_files


def is_corpus(name: str) -> bool:
    """Whether ``name`` is a JSONL corpus (one article per line), by its suffix."""
    return name.lower().endswith(CORPUS_SUFFIXES)


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    """Whether a relative posix path matches any glob: globs with ``/`` match the whole
    relative path, others the last component (case-insensitive, as file systems differ)."""
    rel_l = rel.lower()
    name_l = rel_l.rsplit("/", 1)[-1]
    for pat in patterns:
        p = pat.lower()
        if fnmatch.fnmatchcase(rel_l if "/" in p else name_l, p):
            return True
    return False


def walk_folder(root: Path, include: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[tuple[Path, str]]:
    """``(path, path relative to root)`` of the files under ``root`` that match, sorted.

    Hidden files and folders (name starting with ``.``) are skipped; ``exclude`` globs prune
    folders as well as files. Symbolic links to folders are not followed (no cycles).
    """
    include, exclude = tuple(include), tuple(exclude)

    def onerror(exc: OSError) -> None:  # an unreadable sub-folder is skipped, not fatal
        print(f"warning: cannot read folder {exc.filename}: {exc.strerror}", file=sys.stderr)

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        base = Path(dirpath)
        rel_dir = base.relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and not _matches(rel_dir + d, exclude))
        for name in sorted(filenames):
            rel = rel_dir + name
            if name.startswith(".") or _matches(rel, exclude) or not _matches(rel, include):
                continue
            yield base / name, rel


def open_corpus(path: str | Path) -> IO[bytes]:
    """Open a JSONL corpus for reading bytes, decompressing ``.gz``."""
    p = str(path)
    if p.lower().endswith(".gz"):
        return gzip.open(p, "rb")
    return open(p, "rb")


def _record_id(line: bytes, id_field: str | None) -> str | None:
    """The id a record names itself by, or None (no id field, or not a JSON object)."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    if id_field is not None:
        value = obj.get(id_field)
    else:
        value = next((obj[k] for k in ID_FIELDS if obj.get(k) not in (None, "")), None)
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    return str(value)


def corpus_items(stream: IO[bytes], name: str, id_field: str | None,
                 label: str | None = None) -> Iterator[WorkItem]:
    """One item per non-blank line of a JSONL stream; the worker parses the line again.

    A record without an id is named ``<label>:<line>`` (``label``: the file name by default).
    """
    label = label or name.rsplit("/", 1)[-1]
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        rid = _record_id(raw, id_field)
        yield WorkItem(id=rid if rid is not None else f"{label}:{n}", name=name, data=raw, line=n)


def _file_item(path: Path, ident: str, name: str) -> WorkItem:
    return WorkItem(id=ident, name=name, path=str(path.absolute()))


def _from_list(spec: InputSpec) -> Iterator[str]:
    """The paths listed in ``--from-list`` (one a line; blank lines and ``#`` comments skipped)."""
    src = spec.from_list
    if src is None:
        return
    if src == STDIN:
        stream: Iterable[str] = io.TextIOWrapper(spec.stdin or sys.stdin.buffer, encoding="utf-8")
    else:
        try:
            stream = Path(src).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputNotFoundError(f"cannot read the list {src}: {exc.strerror or exc}") from exc
    for line in stream:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _expand(path_str: str, spec: InputSpec, listed: bool) -> Iterator[WorkItem]:
    if path_str == STDIN:
        yield from corpus_items(spec.stdin or sys.stdin.buffer, "<stdin>", spec.id_field)
        return
    p = Path(path_str)
    if p.is_dir():
        for f, rel in walk_folder(p, spec.includes(), spec.exclude):
            if spec.skipped(f):
                continue
            if is_corpus(rel):
                yield from _corpus_file(f, f"{path_str.rstrip('/')}/{rel}", spec, rel)
            else:
                yield _file_item(f, rel, f"{path_str.rstrip('/')}/{rel}")
    elif spec.skipped(p):
        return
    elif is_corpus(path_str) and p.is_file():
        yield from _corpus_file(p, path_str, spec)
    elif p.exists() or listed:
        # A listed path that does not exist is the worker's to report, as an error record.
        yield _file_item(p, path_str, path_str)
    else:
        raise InputNotFoundError(f"no such file or folder: {path_str}")


def _corpus_file(path: Path, name: str, spec: InputSpec, label: str | None = None) -> Iterator[WorkItem]:
    try:
        stream = open_corpus(path)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    with stream:
        try:
            yield from corpus_items(stream, name, spec.id_field, label)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            # A truncated .gz: keep what was read, say what was lost.
            print(f"warning: {name} ends early ({exc}); the records after this point are skipped",
                  file=sys.stderr)


def check_inputs(spec: InputSpec) -> None:
    """Fail early (before any work starts) on an input argument that does not exist."""
    if not spec.paths and spec.from_list is None:
        raise InputError("no input: give files, folders or JSONL corpora, or --from-list")
    if spec.from_list == STDIN and STDIN in spec.paths:
        raise InputError("standard input cannot be both an input (-) and --from-list -")
    for p in spec.paths:
        if p != STDIN and not Path(p).exists():
            raise InputNotFoundError(f"no such file or folder: {p}")
    if spec.from_list not in (None, STDIN) and not Path(spec.from_list).is_file():
        raise InputNotFoundError(f"no such list file: {spec.from_list}")


def iter_items(spec: InputSpec) -> Iterator[WorkItem]:
    """Every work item of ``spec``, in input order, with unique ids."""
    seen: dict[str, int] = {}
    sources = [(p, False) for p in spec.paths]

    def all_items() -> Iterator[WorkItem]:
        for p, listed in sources:
            yield from _expand(p, spec, listed)
        for p in _from_list(spec):
            yield from _expand(p, spec, True)

    for item in all_items():
        n = seen.get(item.id, 0) + 1
        seen[item.id] = n
        if n > 1:
            item = WorkItem(id=f"{item.id}#{n}", name=item.name, path=item.path, data=item.data, line=item.line)
            seen.setdefault(item.id, 1)
        yield item


def count_items(spec: InputSpec) -> int | None:
    """How many items ``spec`` holds, counted without parsing records (for a progress bar).

    Returns None when the count cannot be known without consuming input (standard input).
    """
    if STDIN in spec.paths or spec.from_list == STDIN:
        return None
    total = 0
    paths = list(spec.paths) + list(_from_list(spec))
    for path_str in paths:
        p = Path(path_str)
        if p.is_dir():
            for f, rel in walk_folder(p, spec.includes(), spec.exclude):
                if not spec.skipped(f):
                    total += _count_lines(f) if is_corpus(rel) else 1
        elif spec.skipped(p):
            continue
        elif is_corpus(path_str) and p.is_file():
            total += _count_lines(p)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    n = 0
    try:
        with open_corpus(path) as f:
            for raw in f:
                if raw.strip():
                    n += 1
    except (OSError, EOFError):
        pass
    return n
