"""Documents built by hand for renderer tests (shared by the HTML and Markdown/CSV tests)."""

from __future__ import annotations

from arnews.model import Document, Entity, Mention, Quote, Speaker


def handmade_doc(title: str, body: str, ents=(), quotes=(), pers_roles: tuple[str, ...] = (),
                 **kw) -> Document:
    """``ents`` are (name, type, [mention texts]) found in order in the text; ``quotes`` are
    (type, content, speaker name, speaker entity id or None, cue); people get ``pers_roles``."""
    text = f"{title}\n\n{body}" if title else body
    entities = []
    for i, (name, typ, forms) in enumerate(ents, 1):
        mentions, pos = [], 0
        for form in forms:
            s = text.index(form, pos)
            mentions.append(Mention(s, s + len(form), form, typ))
            pos = s + len(form)
        entities.append(Entity(f"E{i}", typ, name, tuple(mentions),
                               pers_roles if typ == "PERS" else ()))
    qs = []
    for typ, content, who, ent, cue in quotes:
        s = text.index(content)
        c = text.rindex(cue, 0, s)
        qs.append(Quote(typ, s, s + len(content), content, Speaker(who, ent), cue, cue, c, c + len(cue)))
    return Document(text=text, title=title, title_end=len(title), entities=tuple(entities),
                    quotes=tuple(qs), **kw)
