"""What the SQL console's tables hold, in the visitor's language: each table's rows and what every column means.

The descriptions are the database's own comments (queries/load/comments.sql), written "中文 / English"."""

from __future__ import annotations

import html
from dataclasses import dataclass

from jiangbei.app import db

# Column names as code, in the theme's colours (light and dark); the list indented as Streamlit's own lists.
SCHEMA_STYLE = """<style>
.jb-schema {margin: 0; padding-left: 1.5rem;}
.jb-schema li {margin: 0.15rem 0;}
.jb-schema code {font-size: 0.85em; padding: 0.1em 0.3em; border-radius: 4px;
  background: var(--jb-header-bg, #F2F5F9); color: var(--jb-text, #1B1F24);}
</style>"""

# Tables an analyst starts from come first; the rest follow by name.
FIRST = ["indicators", "sources", "results_vs_targets", "derived"]


@dataclass
class Table:
    name: str
    rows: int
    about: str
    columns: list[tuple[str, str, str]]  # (name, type, meaning)


def in_language(comment, lang: str) -> str:
    """The zh or en half of a "中文 / English" comment (the whole text when it has no such halves)."""
    if not isinstance(comment, str):
        return ""
    parts = comment.split(" / ", 1)
    if len(parts) < 2:
        return comment
    return parts[0] if lang == "zh" else parts[1]


def tables(lang: str) -> list[Table]:
    columns = db.query("schema_columns")
    found = []
    for name, group in columns.groupby("table_name", sort=False):
        rows = int(db.query("table_rows", table=name)["n"].iloc[0])
        found.append(Table(name, rows, in_language(group["table_comment"].iloc[0], lang),
                           [(c.column_name, c.data_type, in_language(c.column_comment, lang))
                            for c in group.itertuples()]))
    return sorted(found, key=lambda table: (FIRST.index(table.name) if table.name in FIRST else len(FIRST),
                                            table.name))


def columns_html(table: Table) -> str:
    """A table's columns as a plain HTML list: name (type) meaning, escaped. The markdown renderer took ~50 ms of
    the browser per visit for the nine lists (211 items), and delayed the answer's grid behind it; a comment's
    characters (unknown_*, no_baseline(_period, _parts)) are shown as written, never read as emphasis."""
    items = "".join(f"<li><code>{html.escape(name)}</code> ({html.escape(kind)}) {html.escape(meaning)}</li>"
                    for name, kind, meaning in table.columns)
    return f'{SCHEMA_STYLE}<ul class="jb-schema">{items}</ul>'
