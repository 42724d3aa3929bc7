"""What the SQL console's tables hold, in the visitor's language: each table's rows and what every column means.

The descriptions are the database's own comments (queries/load/comments.sql), written "中文 / English"."""

from __future__ import annotations

from dataclasses import dataclass

from jiangbei.app import db

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
