"""The SQL console's first gate: what a visitor typed is refused before any worker starts unless it is one
SELECT query of at most MAX_SQL_CHARS characters. DuckDB's own parser decides; nothing is executed here."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

MAX_SQL_CHARS = 10_000  # longest SQL text accepted

_parser = threading.local()


@dataclass
class Outcome:
    """What the console shows: a table, or a failure kind with DuckDB's message.

    The result is held as an Arrow table: built from the worker's columns and sent by st.dataframe several times
    faster than a DataFrame of a wide result, and counted exactly (nbytes).
    """

    ok: bool
    kind: str = ""  # empty, too_long, not_allowed, syntax, error, timeout, memory, too_big, too_wide, busy, crashed
    message: str = ""
    table: pa.Table = field(default_factory=lambda: pa.table({}))
    truncated: bool = False
    cut_by: str = ""  # the budget that cut a truncated answer: rows, cells or bytes
    elapsed_ms: float = 0.0
    position: int = 0  # for busy: queries ahead in the queue when this one gave up

    @property
    def frame(self) -> pd.DataFrame:
        """The result as a new DataFrame (for exports; the page shows the Arrow table)."""
        return self.table.to_pandas()


def _statements(sql: str):
    # A parser-only connection per thread: it holds no data and is never used to execute anything.
    if not hasattr(_parser, "con"):
        _parser.con = duckdb.connect(":memory:", config={"enable_external_access": False})
    return _parser.con.extract_statements(sql)


def check(sql: str) -> Outcome | None:
    """Refuse before running: empty text, too long, a syntax error, several statements, anything but a query."""
    if not sql.strip():
        return Outcome(False, "empty")
    if len(sql) > MAX_SQL_CHARS:
        return Outcome(False, "too_long", f"{len(sql):,} > {MAX_SQL_CHARS:,}")
    try:
        statements = _statements(sql)
    except duckdb.Error as err:
        return Outcome(False, "syntax", str(err))
    if not statements:
        return Outcome(False, "empty")
    if len(statements) > 1:
        return Outcome(False, "not_allowed", f"{len(statements)} statements")
    if statements[0].type != duckdb.StatementType.SELECT:
        return Outcome(False, "not_allowed", statements[0].type.name)
    return None
