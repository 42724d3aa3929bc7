"""The app's DuckDB database: built once per process from data/, queried through the .sql files in queries/."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from jiangbei.core import schema
from jiangbei.core.validate import GLOSSARY_FILE, INDICATORS_FILE, SOURCES_FILE, Problem, validate

ROOT = Path(__file__).resolve().parents[2]
QUERIES_DIR = ROOT / "queries"
DEFAULT_DATA_DIR = ROOT / "data"


def data_dir() -> Path:
    """data/ of the project; JIANGBEI_DATA_DIR points elsewhere (tests use it for broken copies)."""
    configured = os.environ.get("JIANGBEI_DATA_DIR")
    return Path(configured).resolve() if configured else DEFAULT_DATA_DIR


FINGERPRINT_TTL_S = 5.0  # an edit of data/ shows within this many seconds
# Most rows a canned query returns ($row_limit), as Datasette caps a page: the report has 190 facts, so this
# only bounds what a page draws or sends when the data is far larger (benchmarks/scale.py).
ROW_LIMIT = 1000
_fingerprints: dict[Path, tuple[float, tuple]] = {}


def with_defaults(params: dict) -> dict:
    """A query's parameters with the defaults every canned query may name: $row_limit."""
    return {"row_limit": ROW_LIMIT, **params}


def fingerprint(directory: Path) -> tuple:
    """Changes when any data file changes, so cached databases and results are rebuilt after an edit.

    Listing and stat-ing the folder on every query was a tenth of the server's time under load, so the answer is
    kept for FINGERPRINT_TTL_S.
    """
    now = time.monotonic()
    cached = _fingerprints.get(directory)
    if cached and now - cached[0] < FINGERPRINT_TTL_S:
        return cached[1]
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    value = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    _fingerprints[directory] = (now, value)
    return value


def read_sql(name: str) -> str:
    """The text of queries/<name>.sql; name may contain one sub-folder (load/tables) but no path tricks."""
    if not re.fullmatch(r"[a-z_]+(/[a-z_]+)?", name):
        raise ValueError(f"bad query name {name!r}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query_names() -> list[str]:
    """The canned queries: every queries/*.sql at the top level (load/ and derived_tables/ build the database)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def run_script(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> None:
    """Run each statement of a script, giving each only the $parameters it names."""
    params = params or {}
    for statement in con.extract_statements(sql):
        con.execute(statement, {k: v for k, v in params.items() if k in statement.named_parameters})


def build_database(directory: Path, path: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A database of the curated data and its views, locked against file access and reconfiguration.

    In memory for the app; a file (path) for the SQL console's sandbox, which opens it read-only.
    """
    con = duckdb.connect(path, config={"threads": 2})  # the machines here and on Community Cloud have 2 cores
    run_script(con, read_sql("load/tables"), {
        "indicators_path": str(directory / INDICATORS_FILE),
        "sources_path": str(directory / SOURCES_FILE),
        "glossary_path": str(directory / GLOSSARY_FILE),
        "indicator_columns": schema.INDICATOR_TYPES,
        "source_columns": schema.SOURCE_TYPES,
        "glossary_columns": schema.GLOSSARY_TYPES,
    })
    run_script(con, read_sql("load/page_groups"), {
        "topics": [topic for topics in schema.PAGE_TOPICS.values() for topic in topics],
        "pages": [page for page, topics in schema.PAGE_TOPICS.items() for _ in topics],
    })
    run_script(con, read_sql("load/macros"))
    for script in sorted((QUERIES_DIR / "derived_tables").glob("*.sql")):
        run_script(con, script.read_text(encoding="utf-8"))
    run_script(con, read_sql("load/comments"))
    run_script(con, read_sql("load/lock"))
    return con


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run one canned query on a fresh cursor (a cursor per call is safe across Streamlit's threads)."""
    cursor = con.cursor()
    try:
        sql = read_sql(name)
        statement = cursor.extract_statements(sql)[-1]
        params = with_defaults(params)
        missing = statement.named_parameters - params.keys()
        if missing:
            raise ValueError(f"query {name} needs parameter(s): {', '.join(sorted(missing))}")
        return cursor.execute(statement, {k: params[k] for k in statement.named_parameters}).df()
    finally:
        cursor.close()


# --- Streamlit caching: one database per process and data version; results cached per query and parameters.

@st.cache_data(show_spinner=False)
def data_problems(directory: str, version: tuple) -> list[Problem]:
    return validate(Path(directory))


@st.cache_resource(show_spinner=False)
def _database(directory: str, version: tuple) -> duckdb.DuckDBPyConnection:
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
def _cached(name: str, directory: str, version: tuple, params: tuple) -> pd.DataFrame:
    return run_query(_database(directory, version), name, **{k: list(v) if isinstance(v, tuple) else v
                                                             for k, v in params})


def query(name: str, **params) -> pd.DataFrame:
    """A canned query's result, cached; lists in params are passed as DuckDB lists."""
    directory = data_dir()
    params = with_defaults(params)  # part of the cache key, so a changed limit is a different result
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _cached(name, str(directory), fingerprint(directory), frozen)


@st.cache_resource(show_spinner=False)
def _sandbox_database(directory: str, version: tuple) -> str:
    from jiangbei.console.runner import build_readonly_database

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
    from jiangbei.core.source_text import context

    text = source_text(source_id, column)
    return context(text, quote) if text else ("", quote, "")
