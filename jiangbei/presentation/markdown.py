"""Markdown shown inside a page (the data dictionary on the About page)."""

from __future__ import annotations

import functools
import html
import re

from markdown_it import MarkdownIt


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


DOCUMENT_CLASS = "jb-doc"  # marks a document (the data dictionary) apart from the page's data tables
# A document shown as HTML, in the theme's colours (light and dark): tables ruled like the app's own, column names as
# code, headings at the sizes the app's theme gives them (.streamlit/config.toml headingFontSizes).
DOCUMENT_STYLE = """<style>
.jb-doc h3 {font-size: 1.375rem; font-weight: 600; margin: 1.5rem 0 0.75rem 0; padding: 0;}
.jb-doc h4 {font-size: 1.125rem; font-weight: 600; margin: 1.25rem 0 0.5rem 0; padding: 0;}
.jb-doc h5, .jb-doc h6 {font-size: 1rem; font-weight: 600; margin: 1rem 0 0.5rem 0; padding: 0;}
.jb-doc p, .jb-doc ul, .jb-doc ol {margin: 0 0 1rem 0;}
.jb-doc li {margin: 0.2rem 0;}
.jb-doc table {border-collapse: collapse; margin: 0 0 1rem 0;}
.jb-doc th {background: var(--jb-header-bg, #F2F5F9); color: var(--jb-text, #1B1F24); text-align: left;}
.jb-doc th, .jb-doc td {border: 1px solid rgba(128,128,128,0.3); padding: 0.5rem 0.75rem; vertical-align: top;}
.jb-doc code {font-size: 0.8em; padding: 0.1em 0.3em; border-radius: 4px;
  background: var(--jb-header-bg, #F2F5F9); color: var(--jb-text, #1B1F24);}
</style>"""
_RENDERER = MarkdownIt("commonmark", {"html": False}).enable("table")  # raw HTML escaped, as st.markdown does


def heading_id(text: str) -> str:
    """A heading's anchor as Streamlit writes one: lower case, words joined by hyphens, Chinese kept."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text)).lower()
    return re.sub(r"[^\w\u4e00-\u9fff]+", "-", plain).strip("-")


@functools.lru_cache(maxsize=8)
def document_html(markdown: str) -> str:
    """A markdown document as HTML (CommonMark and tables), its headings with ids for links. Drawn by the browser at
    once, where Streamlit's markdown renderer took ~60 ms at every visit of the About page for the dictionary's
    20 KB (benchmarks/RESULTS.md, warm navigation)."""
    body = _RENDERER.render(markdown)
    body = re.sub(r"<h([1-6])>(.*?)</h\1>",
                  lambda m: f'<h{m[1]} id="{heading_id(m[2])}">{m[2]}</h{m[1]}>', body)
    return f'{DOCUMENT_STYLE}<div class="{DOCUMENT_CLASS}">{body}</div>'
