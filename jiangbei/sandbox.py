"""Untrusted SQL from the public SQL console: checked here, run in a separate, limited, killable process.

DuckDB's settings are defence in depth, not a sandbox: a runaway query can ignore interrupts and grow far past
memory_limit. So a visitor's SQL never touches the app's connection. It runs in a fresh process on a read-only
copy of the database, with external access off, configuration locked, no extensions, one thread, no file
writes (RLIMIT_FSIZE=0), an address-space cap (RLIMIT_AS), and it is killed at TIME_LIMIT_S.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

TIME_LIMIT_S = 5.0  # wall-clock limit of one query, start-up included
MAX_SQL_CHARS = 10_000  # longest SQL text accepted
MAX_ROWS = 10_000  # rows shown; more are cut with a notice
MAX_OUTPUT_BYTES = 20 * 1024 * 1024  # largest answer read back from the worker
DUCKDB_MEMORY_MB = 192  # DuckDB's own memory_limit inside the worker
ADDRESS_SPACE_MB = 384  # RLIMIT_AS headroom over the worker's start-up mappings
MAX_CONCURRENT = 2  # workers running at once in this app process; others wait briefly, then are told to retry
QUEUE_WAIT_S = 3.0

_slots = threading.BoundedSemaphore(MAX_CONCURRENT)
_parser = threading.local()


@dataclass
class Outcome:
    """What the console shows: a table, or a failure kind with DuckDB's message."""

    ok: bool
    kind: str = ""  # empty, too_long, not_allowed, syntax, error, timeout, memory, busy, crashed
    message: str = ""
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    truncated: bool = False
    elapsed_ms: float = 0.0


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


def build_readonly_database(data_dir: Path) -> str:
    """A database file of the curated data for the workers, in a fresh private folder, made read-only."""
    from jiangbei.db import build_database  # the same tables and views as the app

    folder = tempfile.mkdtemp(prefix="jiangbei-sandbox-")
    path = os.path.join(folder, "jiangbei.duckdb")
    build_database(data_dir, path).close()
    os.chmod(path, 0o444)
    return path


def _worker_env() -> dict[str, str]:
    # Nothing of the app's environment (tokens, secrets) reaches visitor SQL.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": "/nonexistent",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def run(sql: str, db_path: str, time_limit_s: float = TIME_LIMIT_S) -> Outcome:
    """Check, then run one visitor query in a worker process; always returns an Outcome, never raises."""
    refused = check(sql)
    if refused:
        return refused
    if not _slots.acquire(timeout=QUEUE_WAIT_S):
        return Outcome(False, "busy")
    try:
        return _run_worker(sql, db_path, time_limit_s)
    finally:
        _slots.release()


def _run_worker(sql: str, db_path: str, time_limit_s: float) -> Outcome:
    request = json.dumps({"db_path": db_path, "sql": sql, "max_rows": MAX_ROWS,
                          "memory_limit_mb": DUCKDB_MEMORY_MB, "address_space_mb": ADDRESS_SPACE_MB})
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="jiangbei-sql-") as empty_dir:
        process = subprocess.Popen(
            [sys.executable, "-m", "jiangbei.sandbox_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=empty_dir, env=_worker_env(), start_new_session=True,  # own process group: killed as a whole
        )
        try:
            out, _ = process.communicate(request.encode("utf-8"), timeout=time_limit_s)
        except subprocess.TimeoutExpired:
            _kill(process)
            return Outcome(False, "timeout", f"{time_limit_s:g} s", elapsed_ms=(time.perf_counter() - started) * 1000)
        finally:
            if process.poll() is None:
                _kill(process)
    elapsed = (time.perf_counter() - started) * 1000
    if len(out) > MAX_OUTPUT_BYTES:
        return Outcome(False, "too_big", f"{len(out):,} bytes", elapsed_ms=elapsed)
    if process.returncode != 0 or not out:
        # Killed by a limit (SIGKILL, SIGSEGV on a failed allocation, SIGXFSZ on a write) or crashed.
        return Outcome(False, "memory" if process.returncode in (-9, -11, -6) else "crashed",
                       f"worker exit status {process.returncode}", elapsed_ms=elapsed)
    answer = json.loads(out)
    if not answer["ok"]:
        return Outcome(False, answer["kind"], answer["message"], elapsed_ms=elapsed)
    frame = pd.DataFrame(answer["rows"], columns=_unique(answer["columns"]))
    return Outcome(True, frame=frame, truncated=answer["truncated"], elapsed_ms=answer["elapsed_ms"])


def _unique(columns: list[str]) -> list[str]:
    """select 1 a, 2 a is legal SQL; a DataFrame needs distinct column names."""
    seen: dict[str, int] = {}
    result = []
    for name in columns:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return result
