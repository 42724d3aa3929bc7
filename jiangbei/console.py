"""The SQL console's state: which SQL to run, running it in the sandbox (cached), and saying what happened."""

from __future__ import annotations

import streamlit as st

from jiangbei import db, examples, sandbox
from jiangbei.i18n import t


class _Busy(Exception):
    """Raised so that a 'busy' outcome is not cached."""


@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _cached_run(sql: str, db_path: str) -> sandbox.Outcome:
    outcome = sandbox.run(sql, db_path)
    if outcome.kind == "busy":
        raise _Busy
    return outcome


def run(sql: str) -> sandbox.Outcome:
    """The outcome of a visitor's SQL; the same SQL within ten minutes is answered from the cache."""
    try:
        return _cached_run(sql, db.sandbox_database())
    except _Busy:
        return sandbox.Outcome(False, "busy")


def fill_example() -> None:
    """on_change of the examples box: put the chosen canned query, with example parameters, in the editor."""
    name = st.session_state.get("sql_example")
    if name:
        st.session_state["sql_text"] = examples.example_sql(name)


def failure_message(outcome: sandbox.Outcome, lang: str) -> tuple[str, str]:
    """(message in lang, DuckDB's own message or detail) for a failed outcome."""
    fields = {"seconds": f"{sandbox.TIME_LIMIT_S:g}", "chars": f"{sandbox.MAX_SQL_CHARS:,}"}
    key = {"empty": "sql_empty", "too_long": "sql_too_long", "syntax": "sql_syntax", "not_allowed": "sql_not_allowed",
           "timeout": "sql_timeout", "memory": "sql_memory", "too_big": "sql_too_big", "busy": "sql_busy",
           "crashed": "sql_crashed"}.get(outcome.kind, "sql_error")
    detail = outcome.message if outcome.kind in ("syntax", "error", "not_allowed") else ""
    return t(key, lang, **fields), detail
