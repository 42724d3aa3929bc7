"""Markdown shown inside a page (the data dictionary on the About page)."""

from __future__ import annotations

import re


def demote_headings(markdown: str, top_level: int) -> str:
    """Markdown whose highest heading becomes level top_level, the others kept below it (fenced code untouched),
    so a document shown inside a page continues the page's heading order without a jump."""
    lines, fenced = markdown.splitlines(), False
    levels = [len(m.group(1)) for line in lines if (m := re.match(r"(#{1,6}) ", line))]
    shift = top_level - min(levels, default=top_level)
    out = []
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else re.match(r"(#{1,6}) ", line)
        out.append("#" * min(6, len(heading.group(1)) + shift) + line[len(heading.group(1)):] if heading else line)
    return "\n".join(out)
