"""Separating an article's category line, headline and body, and removing site boilerplate.

The boilerplate rules are data (``arnews/data/boilerplate.json``): each is a regular expression
matched against a line, with a mode saying what goes — the line, its matched part, or the line
and everything after it (for trailing "related articles" and comment sections).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Removed

#: A 'tail' rule only fires in the last part of the article, so that a line that happens to
#: read like boilerplate near the top does not swallow the story.
TAIL_MIN_POSITION = 0.5
_SENTENCE_END = re.compile(r"[.!؟?:…]\s*[\"'”»)]*\s*$")
_FULL_STOP_END = re.compile(r"[.…]\s*[\"'”»)]*\s*$")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    mode: str
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The boilerplate rules shipped with arnews."""
    raw = json.loads(resources.files("arnews.data").joinpath("boilerplate.json").read_text("utf-8"))
    return tuple(Rule(p["reason"], p["mode"], re.compile(p["pattern"], re.IGNORECASE))
                 for p in raw["patterns"])


def remove_boilerplate(text: str) -> tuple[str, list[Removed]]:
    """Return ``text`` without boilerplate lines, and what was removed (in order)."""
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[Removed] = []
    total = sum(len(x) + 1 for x in lines) or 1
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        pos_before = pos
        pos += len(line) + 1
        if not stripped:
            kept.append(line)
            continue
        action = _match(stripped)
        if action is None:
            kept.append(line)
            continue
        rule, m = action
        if rule.mode == "tail" and pos_before / total >= TAIL_MIN_POSITION:
            rest = "\n".join(x for x in lines[i:] if x.strip())
            removed.append(Removed(rest, rule.reason))
            break
        if rule.mode == "inline":
            removed.append(Removed(m.group().strip(), rule.reason))
            kept.append(stripped[: m.start()] + stripped[m.end():])
        elif rule.mode == "line" or rule.mode == "tail":
            removed.append(Removed(stripped, rule.reason))
    return _tidy("\n".join(kept)), removed


def _match(line: str) -> tuple[Rule, re.Match[str]] | None:
    for rule in rules():
        m = rule.regex.search(line)
        if m:
            return rule, m
    return None


def _tidy(text: str) -> str:
    """Trim line ends and collapse runs of blank lines to one."""
    text = "\n".join(x.rstrip() for x in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def split_header(text: str) -> tuple[str | None, str, str]:
    """Split a plain-text article into (category, headline, body).

    The first paragraph is the headline when it is short and does not end like a sentence;
    when a one- or two-word line comes before such a headline, it is the category line.
    """
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if not paras:
        return None, "", ""
    category: str | None = None
    if (len(paras) >= 3 and _is_short_label(paras[0]) and _is_headline(paras[1])):
        category = paras[0]
        text = _after(text, paras[0])
        paras = paras[1:]
    if len(paras) >= 2 and _is_headline(paras[0]):
        return category, paras[0], _after(text, paras[0]).strip()
    return category, "", text.strip()


def _after(text: str, para: str) -> str:
    i = text.find(para)
    return text[i + len(para):] if i >= 0 else text


def _is_short_label(line: str) -> bool:
    return len(line.split()) <= 3 and len(line) <= 30 and not _SENTENCE_END.search(line)


def _is_headline(line: str) -> bool:
    """Short, and not ending with a full stop (headlines may end with ? or marks)."""
    return 1 <= len(line.split()) <= 30 and not _FULL_STOP_END.search(line)
