"""The DuckDB store: a database built from data/, queried through the .sql files in queries/. No Streamlit here:
the app caches it per process in jiangbei.app.db; serve.py's API, the SQL console's sandbox and the tests use it
as it is."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import duckdb
import pandas as pd

from jiangbei.core import schema
from jiangbei.core.note_catalog import chinese_notes
from jiangbei.core.validate import GLOSSARY_FILE, INDICATORS_FILE, SOURCES_FILE

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
_fingerprints: dict[Path, tuple[float, tuple, str]] = {}


def with_defaults(params: dict) -> dict:
    """A query's parameters with the defaults every canned query may name: $row_limit."""
    return {"row_limit": ROW_LIMIT, **params}


def fingerprint(directory: Path) -> str:
    """A short digest of the data files' bytes: it changes when any data file changes, so cached databases and
    results are rebuilt after an edit, and it is the cache key of everything built from the data.

    A digest rather than the files' names and times: Streamlit hashes every cache key on every call, and hashing a
    tuple of ~20 stat tuples per query was a good part of a rerun. The folder is listed and stat-ed at most every
    FINGERPRINT_TTL_S (doing so on every query was a tenth of the server's time under load), and the bytes are read
    again only when a file's size or time changed.
    """
    now = time.monotonic()
    cached = _fingerprints.get(directory)
    if cached and now - cached[0] < FINGERPRINT_TTL_S:
        return cached[2]
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    stats = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    if cached and cached[1] == stats:
        digest = cached[2]
    else:
        hasher = hashlib.blake2b(digest_size=12)
        for path in files:
            hasher.update(str(path.relative_to(directory)).encode() + b"\0")
            hasher.update(path.read_bytes())
            hasher.update(b"\0")
        digest = hasher.hexdigest()
    _fingerprints[directory] = (now, stats, digest)
    return digest


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


def derived_table_scripts() -> list[Path]:
    """The scripts that build the derived tables, in load order: target_scorecard first, because
    results_vs_targets is built from it (one definition of a target's status); the rest by name."""
    scripts = (QUERIES_DIR / "derived_tables").glob("*.sql")
    return sorted(scripts, key=lambda p: (p.stem != "target_scorecard", p.stem))


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
        # each note's Chinese (note_zh), from the zh notes catalog the pages read too
        "notes_en": list(chinese_notes()), "notes_zh": list(chinese_notes().values()),
    })
    run_script(con, read_sql("load/page_groups"), {
        "topics": [topic for topics in schema.PAGE_TOPICS.values() for topic in topics],
        "pages": [page for page, topics in schema.PAGE_TOPICS.items() for _ in topics],
    })
    run_script(con, read_sql("load/macros"))
    for script in derived_table_scripts():
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
