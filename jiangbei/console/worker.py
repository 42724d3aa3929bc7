"""Runs one visitor's SQL in its own process, under hard limits; see jiangbei.console.runner for the parent side.

Reads a JSON request on stdin (db_path, sql, parent_pid and the limits of jiangbei.console.runner) and writes one JSON
answer on stdout. Deliberately small: it imports duckdb and the standard library, nothing of the app.

The answer is bounded where it is made: rows are fetched in chunks and fetching stops at a budget of cells, of
bytes as the app will hold them, and of bytes on the pipe. Every value arrives as a scalar the app can hold
cheaply: nested values, intervals, blobs, UUIDs, dates and the like as DuckDB's own text, decimals as doubles,
integers beyond int64 as text, and long text cut with a visible marker.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import signal
import sys
import time

CUT_MARKER = "…[cut]"
# Types that reach Python as cheap scalars; anything else is cast in SQL.
PASS_THROUGH = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "FLOAT", "DOUBLE"}
WIDE_INTEGERS = {"UBIGINT", "HUGEINT", "UHUGEINT"}  # kept as numbers while every value fits in int64
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
NUMBER_BYTES = 8  # a value of a numeric column in a DataFrame
STRING_OVERHEAD = 49  # a Python str object beyond its characters
POINTER_BYTES = 8  # the slot of an object column


def _limit(kind: int, soft: int, headroom: int = 0) -> None:
    """Set a limit; the hard limit `headroom` above the soft one (RLIMIT_CPU: SIGXCPU first, SIGKILL after)."""
    _, hard = resource.getrlimit(kind)
    wanted = soft + headroom
    resource.setrlimit(kind, (soft, wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)))


def _vm_size_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _die_with_parent(parent_pid: int) -> None:
    """SIGKILL this process when the app dies (Linux prctl PR_SET_PDEATHSIG), and lower its CPU priority."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:  # the app died before prctl took effect
        os._exit(1)
    os.nice(10)


def _answer(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False))
    sys.stdout.flush()


def _projection(types: list[str], text_chars: int) -> list[str]:
    """One SQL expression per column (named c0, c1, … by the wrapping query) that yields a cheap scalar."""
    expressions = []
    for i, kind in enumerate(types):
        column = f"c{i}"
        if kind in PASS_THROUGH or kind in WIDE_INTEGERS:
            expressions.append(column)
        elif kind.startswith("DECIMAL"):
            expressions.append(f"CAST({column} AS DOUBLE)")
        elif kind == "VARCHAR":  # at most one character past the cut, so a huge value never reaches Python
            expressions.append(f"left({column}, {text_chars + 1})")
        else:
            expressions.append(f"left(CAST({column} AS VARCHAR), {text_chars + 1})")
    return [f"{e} AS c{i}" for i, e in enumerate(expressions)]


def wrapped_sql(sql: str, types: list[str], text_chars: int) -> str:
    """The visitor's query as a sub-query whose columns are renamed c0… (names may repeat) and made scalar."""
    body = sql.strip().rstrip(";").rstrip()
    aliases = ", ".join(f"c{i}" for i in range(len(types)))
    return f"SELECT {', '.join(_projection(types, text_chars))} FROM (\n{body}\n) AS q({aliases})"


def _cell(value, text_chars: int):
    """(value as sent, bytes held by the app, bytes on the pipe)."""
    if isinstance(value, str):
        if len(value) > text_chars:
            value = value[:text_chars] + CUT_MARKER
        return value, len(value.encode("utf-8")) + STRING_OVERHEAD + POINTER_BYTES, \
            len(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    return value, NUMBER_BYTES, 24


def fetch(cursor, columns: int, limits: dict) -> tuple[list[list], str]:
    """Rows in chunks until the query ends or a budget is reached; returns (rows, the budget that cut, or '')."""
    max_rows = min(limits["max_rows"], max(1, limits["max_cells"] // max(columns, 1)))
    chunk = max(1, min(1024, limits["max_cells"] // max(columns, 1) // 4))
    rows: list[list] = []
    held = sent = 0
    while True:
        batch = cursor.fetchmany(chunk)
        if not batch:
            return rows, ""
        for raw in batch:
            if len(rows) >= max_rows:
                return rows, "rows" if max_rows == limits["max_rows"] else "cells"
            row = []
            for value in raw:
                value, held_bytes, sent_bytes = _cell(value, limits["text_chars"])
                row.append(value)
                held += held_bytes
                sent += sent_bytes
            if rows and (held > limits["max_bytes"] or sent > limits["max_output_bytes"]):
                return rows, "bytes"
            rows.append(row)
            if held > limits["max_bytes"] or sent > limits["max_output_bytes"]:  # a single row over budget
                return rows, "bytes"


def widen_integers(rows: list[list], types: list[str]) -> list[str]:
    """A UBIGINT/HUGEINT column with a value beyond int64 becomes text (pandas and Arrow hold int64 at most)."""
    types = list(types)
    for i, kind in enumerate(types):
        if kind in WIDE_INTEGERS and any(r[i] is not None and not INT64_MIN <= r[i] <= INT64_MAX for r in rows):
            for r in rows:
                r[i] = None if r[i] is None else str(r[i])
            types[i] = "VARCHAR"
    return types


def _bind(con, statement):
    """The query bound without running it, to learn its columns. A relation's errors lack DuckDB's "LINE n:"
    excerpt that shows the visitor where the error is; a query that fails to bind fails the same way when executed,
    before it runs, so that message is taken from an execute."""
    import duckdb

    try:
        return con.sql(statement.query)
    except duckdb.Error as bind_error:
        try:
            con.execute(statement)
        except duckdb.Error as located:
            raise located from bind_error
        raise


def main() -> int:
    request = json.loads(sys.stdin.read())
    _die_with_parent(request["parent_pid"])
    # No file may be written by this process, and no child processes; CPU seconds capped even if the app is gone.
    _limit(resource.RLIMIT_FSIZE, 0)
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_CPU, request["cpu_seconds"], headroom=2)

    import duckdb

    con = duckdb.connect(request["db_path"], read_only=True, config={
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_community_extensions": False,
        "allow_unsigned_extensions": False,
        "threads": 1,
        "memory_limit": f"{request['memory_limit_mb']}MB",
        "max_temp_directory_size": "0B",
        "lock_configuration": True,
    })
    # The address-space cap comes after start-up, as headroom over what Python and DuckDB already mapped.
    _limit(resource.RLIMIT_AS, _vm_size_bytes() + request["address_space_mb"] * 1024 * 1024)

    statements = con.extract_statements(request["sql"])
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        _answer({"ok": False, "kind": "not_allowed", "message": "only one SELECT statement is allowed"})
        return 0
    limits = {k: request[k] for k in ("max_rows", "max_cells", "max_bytes", "max_output_bytes", "text_chars")}
    started = time.perf_counter()
    try:
        relation = _bind(con, statements[0])
        columns, types = relation.columns, [str(t) for t in relation.types]
        if len(columns) > request["max_columns"]:
            _answer({"ok": False, "kind": "too_wide", "message": f"{len(columns):,} > {request['max_columns']:,}"})
            return 0
        cursor = con.execute(wrapped_sql(statements[0].query, types, limits["text_chars"]))
        rows, cut_by = fetch(cursor, len(columns), limits)
    except duckdb.OutOfMemoryException as err:
        _answer({"ok": False, "kind": "memory", "message": str(err)})
        return 0
    except MemoryError:
        _answer({"ok": False, "kind": "memory", "message": "out of memory"})
        return 0
    except duckdb.Error as err:
        _answer({"ok": False, "kind": "error", "message": str(err)})
        return 0
    types = widen_integers(rows, types)
    # Sent by column: the app builds a wide DataFrame from columns several times faster than from rows.
    data = [list(column) for column in zip(*rows)] if rows else [[] for _ in columns]
    _answer({"ok": True, "columns": columns, "types": types, "data": data, "truncated": bool(cut_by),
             "cut_by": cut_by, "elapsed_ms": (time.perf_counter() - started) * 1000})
    return 0


if __name__ == "__main__":
    sys.exit(main())
