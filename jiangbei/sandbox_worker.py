"""Runs one visitor's SQL in its own process, under hard limits; see jiangbei.sandbox for the parent side.

Reads {"db_path", "sql", "max_rows", "memory_limit_mb", "address_space_mb"} as JSON on stdin and writes one
JSON answer on stdout. Deliberately small: it imports duckdb and the standard library, nothing of the app.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _limit(kind: int, soft: int) -> None:
    _, hard = resource.getrlimit(kind)
    resource.setrlimit(kind, (soft, soft if hard == resource.RLIM_INFINITY else min(soft, hard)))


def _vm_size_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _answer(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str))
    sys.stdout.flush()


def main() -> int:
    request = json.loads(sys.stdin.read())
    # No file may be written by this process, and no child processes.
    _limit(resource.RLIMIT_FSIZE, 0)
    _limit(resource.RLIMIT_CORE, 0)

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
    started = time.perf_counter()
    try:
        cursor = con.execute(statements[0])
        columns = [d[0] for d in cursor.description]
        types = [str(d[1]) for d in cursor.description]
        rows = cursor.fetchmany(request["max_rows"] + 1)
    except duckdb.OutOfMemoryException as err:
        _answer({"ok": False, "kind": "memory", "message": str(err)})
        return 0
    except MemoryError:
        _answer({"ok": False, "kind": "memory", "message": "out of memory"})
        return 0
    except duckdb.Error as err:
        _answer({"ok": False, "kind": "error", "message": str(err)})
        return 0
    elapsed_ms = (time.perf_counter() - started) * 1000
    truncated = len(rows) > request["max_rows"]
    _answer({"ok": True, "columns": columns, "types": types, "rows": [list(r) for r in rows[: request["max_rows"]]],
             "truncated": truncated, "elapsed_ms": elapsed_ms})
    return 0


if __name__ == "__main__":
    sys.exit(main())
