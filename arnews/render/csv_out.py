"""CSV output where a table is the natural shape: entities, quotes, and both for ``analyze``.

All three read the serialized document dict (``Document.to_dict()``) and write UTF-8 CSV with a
header row and ``\\n`` line ends (fields with commas, quotes or newlines are quoted, as RFC 4180
says). Lists inside a cell (roles, spellings) are joined with `` | ``. Every row carries the
article's ``source`` (path or id) so the CSVs of several articles can be concatenated.

* ``arnews entities --format csv``: one row per entity (:data:`ENTITY_COLUMNS`);
  ``start``/``end`` are those of its first mention.
* ``arnews quotes --format csv``: one row per quote (:data:`QUOTE_COLUMNS`); ``start``/``end``
  are the content span, ``n`` the quote's number in the article.
* ``arnews analyze --format csv``: the entity rows then the quote rows in one table
  (:data:`DOCUMENT_COLUMNS`, the union of both); the ``record`` column says ``entity`` or
  ``quote`` and the columns that do not apply to a row are empty.

Spreadsheets run cells that start with ``=``, ``+``, ``-`` or ``@`` as formulas, and article
text comes from anywhere: such text cells are written with a leading apostrophe (the usual
guard against CSV formula injection), numbers are left as they are.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

ENTITY_COLUMNS = ["source", "id", "type", "name", "count", "roles", "forms", "start", "end"]
QUOTE_COLUMNS = ["source", "n", "type", "speaker", "speaker_entity", "cue", "cue_lemma",
                 "start", "end", "sentence", "text"]
DOCUMENT_COLUMNS = ["record", "source", "id", "n", "type", "name", "count", "roles", "forms",
                    "speaker", "speaker_entity", "cue", "cue_lemma", "start", "end", "sentence", "text"]

LIST_SEP = " | "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell value that spreadsheets will not run: text starting like a formula gets a ``'``."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _source(d: dict[str, Any]) -> str:
    src = d.get("source") or {}
    return str(src.get("path") or src.get("id") or "")


def entity_rows(d: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per entity of the document, in document order."""
    rows = []
    for e in d.get("entities") or []:
        mentions = e.get("mentions") or []
        name = e.get("name") or ""
        forms = list(dict.fromkeys(str(m.get("text")) for m in mentions if m.get("text") != name))
        first = mentions[0] if mentions else {}
        rows.append({"source": _source(d), "id": e.get("id"), "type": e.get("type"), "name": name,
                     "count": e.get("count", len(mentions)), "roles": LIST_SEP.join(e.get("roles") or []),
                     "forms": LIST_SEP.join(forms), "start": first.get("start"), "end": first.get("end")})
    return rows


def quote_rows(d: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per quote of the document, in document order."""
    rows = []
    for n, q in enumerate(d.get("quotes") or [], 1):
        content = q.get("content") or {}
        speaker = q.get("speaker") or {}
        cue = q.get("cue") or {}
        rows.append({"source": _source(d), "n": n, "type": q.get("type"), "speaker": speaker.get("name"),
                     "speaker_entity": speaker.get("entity"), "cue": cue.get("text"),
                     "cue_lemma": cue.get("lemma"), "start": content.get("start"), "end": content.get("end"),
                     "sentence": q.get("sentence"), "text": content.get("text")})
    return rows


def write_csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> str:
    """The CSV text of ``rows`` (dicts; missing columns are empty, extra keys ignored)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: safe_cell(row.get(k)) for k in columns})
    return buf.getvalue()


def entities_csv(d: dict[str, Any]) -> str:
    """``arnews entities --format csv``."""
    return write_csv(ENTITY_COLUMNS, entity_rows(d))


def quotes_csv(d: dict[str, Any]) -> str:
    """``arnews quotes --format csv``."""
    return write_csv(QUOTE_COLUMNS, quote_rows(d))


def document_csv(d: dict[str, Any]) -> str:
    """``arnews analyze --format csv``: entity rows, then quote rows (``record`` tells them apart)."""
    rows = [{"record": "entity", **r} for r in entity_rows(d)]
    rows += [{"record": "quote", **r} for r in quote_rows(d)]
    return write_csv(DOCUMENT_COLUMNS, rows)
