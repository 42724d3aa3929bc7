"""The app's database through Streamlit's caches: one DuckDB database per process and data version (built by
jiangbei.core.store), results cached per query and parameters, and the SQL console's read-only copy."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from jiangbei.console.runner import build_readonly_database
from jiangbei.core.source_text import context
from jiangbei.core.store import build_database, data_dir, fingerprint, run_query, with_defaults
from jiangbei.core.validate import Problem, validate
from jiangbei.presentation.memo import memoised


@st.cache_data(show_spinner=False)
def data_problems(directory: str, version: str) -> list[Problem]:
    return validate(Path(directory))


@st.cache_resource(show_spinner=False)
def _database(directory: str, version: str) -> duckdb.DuckDBPyConnection:
    return build_database(Path(directory))


def current_problems() -> list[Problem]:
    """The data's problems; when it passes validation, also any failure to build the database from it, so a
    visitor gets the error page and never a traceback."""
    directory = data_dir()
    problems = data_problems(str(directory), fingerprint(directory))
    if problems:
        return problems
    try:
        connection()
    except Exception as err:  # noqa: BLE001 - anything the load raises becomes the error page
        return [Problem("database", None, None, f"loading failed: {type(err).__name__}: {str(err)[:500]}")]
    return []


def connection() -> duckdb.DuckDBPyConnection:
    directory = data_dir()
    return _database(str(directory), fingerprint(directory))


# cache_resource hands every caller the same DataFrame, without the copy cache_data makes on each hit (that copy
# was a large part of a page's time). Safe because no caller changes a result in place: they filter, sort or
# build new frames from it.
@st.cache_resource(show_spinner=False, max_entries=512)
def _cached(name: str, directory: str, version: str, params: tuple) -> pd.DataFrame:
    return run_query(_database(directory, version), name, **{k: list(v) if isinstance(v, tuple) else v
                                                             for k, v in params})


def query(name: str, **params) -> pd.DataFrame:
    """A canned query's result, cached; lists in params are passed as DuckDB lists."""
    directory = data_dir()
    params = with_defaults(params)  # part of the cache key, so a changed limit is a different result
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _cached(name, str(directory), fingerprint(directory), frozen)


def derived(fn, frame: pd.DataFrame, *args):
    """fn(frame, *args), computed once per cached query result and arguments (jiangbei.presentation.memo).

    fn must be pure, and frame a result of query() (the same object on every rerun while the data is the same; a
    new one when it changes). The value is shared by every session: never change it in place.
    """
    key = ("derived", fn.__module__, fn.__qualname__, *(tuple(a) if isinstance(a, list) else a for a in args))
    return memoised(key, lambda: fn(frame, *args), same=(frame,))


@st.cache_resource(show_spinner=False)
def _sandbox_database(directory: str, version: str) -> str:
    return build_readonly_database(Path(directory))


def sandbox_database() -> str:
    """Path of the read-only database file the SQL console's workers open (built once per data version)."""
    directory = data_dir()
    return _sandbox_database(str(directory), fingerprint(directory))


@st.cache_data(show_spinner=False)
def source_text(source_id: str, column: str = "path") -> str | None:
    """The text of a source document (its row in sources.csv gives the path under data/); column="path_en" for
    its English translation (None when it has none)."""
    sources = query("sources")
    path = sources.loc[sources["source_id"] == source_id, column].iloc[0]
    return (data_dir() / path).read_text(encoding="utf-8") if isinstance(path, str) and path else None


def quote_context(source_id: str, quote: str, column: str = "path") -> tuple[str, str, str]:
    """(before, quote, after) of a quote within its paragraph of the source text (column path_en: the English
    translation, for source_quote_en)."""
    text = source_text(source_id, column)
    return context(text, quote) if text else ("", quote, "")
