"""Reading HTML pages: main text, title, date and author through trafilatura."""

from __future__ import annotations

from ..errors import EmptyInputError
from ..model import Source
from .boilerplate import remove_boilerplate


def read_html(html: str, source: Source, options):
    """Extract the article of an HTML page (navigation, comments and footers dropped)."""
    import trafilatura

    from .reader import Article

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise EmptyInputError(f"{source.path}: no article text found in the HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = (data.get("text") or "").strip()
    title = " ".join((data.get("title") or "").split())
    removed = []
    if options.boilerplate:
        body, removed = remove_boilerplate(body)
    # trafilatura may repeat the headline as the first line of the text.
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.strip()
    # One paragraph a line from trafilatura; a blank line between paragraphs, as in text files.
    body = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    if not (title or body):
        raise EmptyInputError(f"{source.path}: no article text found in the HTML page")
    meta = tuple((k, str(data[k])) for k in ("date", "author", "sitename", "url") if data.get(k))
    return Article(title=title, body=body, category=None, source=source, metadata=meta,
                   removed=tuple(removed))
