"""Untrusted SQL from the public SQL console: checked first (jiangbei.console.check), then run in a separate,
limited, killable process.

DuckDB's settings are defence in depth, not a sandbox: a runaway query can ignore interrupts and grow far past
memory_limit. So a visitor's SQL never touches the app's connection. It runs in a fresh process on a read-only
copy of the database, with external access off, configuration locked, no extensions, one thread, no file
writes (RLIMIT_FSIZE=0), an address-space cap (RLIMIT_AS), a CPU-seconds cap (RLIMIT_CPU), at a lower CPU
priority than the app, dying with the app, and it is killed at TIME_LIMIT_S. Workers are forked by a small
launcher process (jiangbei.console.launcher), never by the app itself.

The whole app has about 1 GB on Community Cloud, so an answer is bounded where it is made: the worker stops
fetching at a budget of cells and of bytes as the app will hold them (jiangbei.console.worker), and this side reads
its output with a bound and kills a worker that sends more.
"""

from __future__ import annotations

import atexit
import itertools
import json
import os
import queue
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyarrow as pa

# MAX_SQL_CHARS is one of the console's limits, kept beside the check that applies it.
from jiangbei.console.check import MAX_SQL_CHARS, Outcome, check  # noqa: F401
from jiangbei.core.store import build_database  # the same tables and views as the app

TIME_LIMIT_S = 5.0  # wall-clock limit of one query, start-up included
CPU_LIMIT_S = 8  # RLIMIT_CPU of a worker: holds even if the app is gone and nothing else kills it
MAX_ROWS = 10_000  # rows shown; more are cut with a notice
MAX_CELLS = 100_000  # cells shown (rows x columns); a wide answer shows fewer rows
MAX_COLUMNS = 2_000  # more columns than this is refused
MAX_HELD_BYTES = 4 * 1024 * 1024  # an answer's size as the app holds it (numbers 8 bytes, text its UTF-8 + overhead)
MAX_TEXT_CHARS = 2_000  # longer text is cut, with worker.CUT_MARKER
MAX_SENT_BYTES = 8 * 1024 * 1024  # the worker's own budget for its JSON answer
MAX_OUTPUT_BYTES = MAX_SENT_BYTES + 1024 * 1024  # read at most this from a worker; one that sends more is killed
DUCKDB_MEMORY_MB = 128  # DuckDB's own memory_limit inside the worker (two workers and the app share ~1 GB)
ADDRESS_SPACE_MB = 192  # RLIMIT_AS headroom over the worker's start-up mappings
MAX_CONCURRENT = 2  # workers running at once in this app process; others queue briefly, then are told to retry
PER_VISITOR = 1  # workers one visitor (all tabs of a browser) may run at once: the other slot stays for others
MAX_WAITING = 8  # queries queued at most (a visitor with nothing queued or running is still let in)
# Longer than a query may run, so the first in line always gets a slot before giving up.
QUEUE_WAIT_S = TIME_LIMIT_S + 1.5
READ_CHUNK = 64 * 1024
SANDBOX_PREFIX = "jiangbei-sandbox-"

class Queue:
    """At most `slots` workers at once, shared between visitors (a visitor: the sessions of one browser, see
    jiangbei.app.sql_console.visitor). A visitor runs at most `per_visitor` queries at once, so one visitor's ten
    tabs of heavy SQL leave a slot to everyone else; when a slot frees, the waiting visitor with the fewest queries
    running goes first, first come first served among equals. A visitor has at most `visitor_waiting` queries
    queued; the queue holds `max_waiting` in all, but a visitor with nothing queued or running always gets in line.
    Each waits a bounded time."""

    def __init__(self, slots: int, max_waiting: int, per_visitor: int | None = None, visitor_waiting: int = 2):
        self.slots, self.max_waiting = slots, max_waiting
        self.per_visitor = slots if per_visitor is None else per_visitor
        self.visitor_waiting = visitor_waiting
        self._condition = threading.Condition()
        self._running = 0
        self._running_by: dict[object, int] = {}
        self._waiting: list[tuple[object, object]] = []  # (ticket, visitor), in order of arrival

    def _order(self) -> list[tuple[object, object]]:
        """The waiting, in the order they will get a slot: eligible visitors with the fewest running first."""
        def rank(item):
            running = self._running_by.get(item[1], 0)
            return (running >= self.per_visitor, running)
        return sorted(self._waiting, key=rank)  # sorted() is stable: arrival order among equals

    def _next(self) -> object | None:
        if self._running >= self.slots or not self._waiting:
            return None
        ticket, visitor = self._order()[0]
        return ticket if self._running_by.get(visitor, 0) < self.per_visitor else None

    def enter(self, timeout_s: float, visitor: object = None) -> int:
        """0 when a slot is taken (call leave(visitor) after), else the queue position at which this caller gave
        up. visitor None: a visitor of its own."""
        ticket = object()
        visitor = ticket if visitor is None else visitor
        with self._condition:
            queued = sum(1 for _, v in self._waiting if v == visitor)
            known = queued or self._running_by.get(visitor, 0)
            if queued >= self.visitor_waiting or (known and len(self._waiting) >= self.max_waiting):
                return len(self._waiting) + 1
            self._waiting.append((ticket, visitor))
            deadline = time.monotonic() + timeout_s
            while self._next() is not ticket:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    position = [t for t, _ in self._order()].index(ticket) + 1
                    self._waiting.remove((ticket, visitor))
                    self._condition.notify_all()
                    return position
                self._condition.wait(remaining)
            self._waiting.remove((ticket, visitor))
            self._running += 1
            self._running_by[visitor] = self._running_by.get(visitor, 0) + 1
            self._condition.notify_all()
            return 0

    def leave(self, visitor: object = None) -> None:
        with self._condition:
            self._running -= 1
            if visitor is not None:
                left = self._running_by.get(visitor, 1) - 1
                if left:
                    self._running_by[visitor] = left
                else:
                    self._running_by.pop(visitor, None)
            self._condition.notify_all()


fifo = Queue(MAX_CONCURRENT, MAX_WAITING, PER_VISITOR)  # the workers of this app process


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_copies(temp_dir: str | None = None) -> list[str]:
    """Remove database copies left by app processes that are gone (killed before their atexit ran)."""
    removed = []
    root = Path(temp_dir or tempfile.gettempdir())
    for folder in root.glob(f"{SANDBOX_PREFIX}*"):
        owner = folder.name[len(SANDBOX_PREFIX):].split("-", 1)[0]
        if folder.is_dir() and owner.isdigit() and not _pid_alive(int(owner)) and folder.stat().st_uid == os.getuid():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(str(folder))
    return removed


def _remove_folder(folder: str) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def build_readonly_database(data_dir: Path) -> str:
    """A database file of the curated data for the workers, in a fresh private folder, made read-only.

    The folder is named after this process, removed when it exits, and removed by the next start if it was killed.
    """
    remove_stale_copies()
    folder = tempfile.mkdtemp(prefix=f"{SANDBOX_PREFIX}{os.getpid()}-")
    atexit.register(_remove_folder, folder)
    path = os.path.join(folder, "jiangbei.duckdb")
    build_database(data_dir, path).close()
    os.chmod(path, 0o444)
    return path


def _worker_env() -> dict[str, str]:
    # Nothing of the app's environment (tokens, secrets) reaches visitor SQL.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": "/nonexistent",
            "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


class Worker:
    """A worker started by the launcher: its pid, and its exit status once the launcher reports it."""

    def __init__(self, pid: int, replies: queue.Queue, forget):
        self.pid, self._replies, self._forget = pid, replies, forget
        self.returncode: int | None = None

    def wait(self, timeout_s: float) -> int | None:
        if self.returncode is None:
            try:
                reply = self._replies.get(timeout=max(0.0, timeout_s))
            except queue.Empty:
                return None
            self.returncode = reply["returncode"] if reply else -signal.SIGKILL  # None: the launcher is gone
            self._forget()
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # its own process group: killed as a whole
            except ProcessLookupError:
                pass
        self.wait(10)


class Launcher:
    """The app's end of jiangbei.console.launcher, a small process that forks the workers (so that a worker is
    never, even between fork and exec, a copy of the app). It exits when the app's end of its socket closes."""

    def __init__(self):
        app_end, launcher_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jiangbei.console.launcher", str(launcher_end.fileno())],
            pass_fds=[launcher_end.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, cwd="/", env=_worker_env(), start_new_session=True)
        launcher_end.close()
        self.channel = app_end
        self._sending = threading.Lock()
        self._replies: dict[int, queue.Queue] = {}
        self._ids = itertools.count(1)
        threading.Thread(target=self._read, daemon=True, name="sandbox-launcher").start()

    def _read(self) -> None:
        while True:
            try:
                message = self.channel.recv(64 * 1024)
            except OSError:
                message = b""
            if not message:  # the launcher is gone: every waiting caller is told so
                for replies in list(self._replies.values()):
                    replies.put(None)
                return
            reply = json.loads(message)
            replies = self._replies.get(reply["id"])
            if replies is not None:
                replies.put(reply)

    def alive(self) -> bool:
        return self.process.poll() is None

    def start(self, argv: list[str], cwd: str, stdin_fd: int, stdout_fd: int) -> Worker:
        request_id = next(self._ids)
        replies: queue.Queue = queue.Queue()
        self._replies[request_id] = replies
        message = json.dumps({"id": request_id, "argv": argv, "cwd": cwd, "env": _worker_env()}).encode("utf-8")
        with self._sending:
            socket.send_fds(self.channel, [message], [stdin_fd, stdout_fd])
        reply = replies.get(timeout=30)
        if not reply or not reply.get("pid"):
            self._replies.pop(request_id, None)
            raise OSError(f"the sandbox launcher could not start a worker: {reply}")
        return Worker(reply["pid"], replies, lambda: self._replies.pop(request_id, None))


_launcher: Launcher | None = None
_launcher_lock = threading.Lock()


def launcher() -> Launcher:
    """This app process's launcher, started on first use and again if it died."""
    global _launcher
    with _launcher_lock:
        if _launcher is None or not _launcher.alive():
            _launcher = Launcher()
        return _launcher


def run(sql: str, db_path: str, time_limit_s: float = TIME_LIMIT_S, visitor: object = None) -> Outcome:
    """Check, then run one visitor query in a worker process; always returns an Outcome, never raises.
    visitor: whose query it is, for the queue's fair share (None: a visitor of its own)."""
    refused = check(sql)
    if refused:
        return refused
    visitor = object() if visitor is None else visitor
    position = fifo.enter(QUEUE_WAIT_S, visitor)
    if position:
        return Outcome(False, "busy", position=position)
    try:
        return _run_worker(sql, db_path, time_limit_s)
    finally:
        fifo.leave(visitor)


def request(sql: str, db_path: str, parent_pid: int) -> bytes:
    return json.dumps({
        "db_path": db_path, "sql": sql, "parent_pid": parent_pid, "cpu_seconds": CPU_LIMIT_S,
        "max_rows": MAX_ROWS, "max_cells": MAX_CELLS, "max_columns": MAX_COLUMNS, "max_bytes": MAX_HELD_BYTES,
        "max_output_bytes": MAX_SENT_BYTES, "text_chars": MAX_TEXT_CHARS,
        "memory_limit_mb": DUCKDB_MEMORY_MB, "address_space_mb": ADDRESS_SPACE_MB,
    }).encode("utf-8")


def read_bounded(fd: int, deadline: float, limit: int) -> bytes | str:
    """The worker's whole stdout, or 'timeout' / 'too_big' (the caller kills it): never more than limit + 1 bytes."""
    out = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return "timeout"
            if not selector.select(remaining):
                continue
            chunk = os.read(fd, min(READ_CHUNK, limit + 1 - len(out)))
            if not chunk:
                return bytes(out)
            out += chunk
            if len(out) > limit:
                return "too_big"


def _run_worker(sql: str, db_path: str, time_limit_s: float) -> Outcome:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="jiangbei-sql-") as empty_dir:
        stdin_r, stdin_w = os.pipe()
        stdout_r, stdout_w = os.pipe()
        try:
            starter = launcher()
            worker = starter.start([sys.executable, "-m", "jiangbei.console.worker"], empty_dir, stdin_r, stdout_w)
        except (OSError, queue.Empty) as err:
            for fd in (stdin_r, stdin_w, stdout_r, stdout_w):
                os.close(fd)
            return Outcome(False, "crashed", str(err), elapsed_ms=(time.perf_counter() - started) * 1000)
        os.close(stdin_r)
        os.close(stdout_w)
        try:
            try:
                with open(stdin_w, "wb") as stdin:
                    stdin.write(request(sql, db_path, starter.process.pid))
            except BrokenPipeError:
                pass
            out = read_bounded(stdout_r, started + time_limit_s, MAX_OUTPUT_BYTES)
            if isinstance(out, str):
                worker.kill()
                elapsed = (time.perf_counter() - started) * 1000
                detail = f"{time_limit_s:g} s" if out == "timeout" else f"> {MAX_OUTPUT_BYTES:,} bytes"
                return Outcome(False, out, detail, elapsed_ms=elapsed)
            worker.wait(max(0.1, started + time_limit_s - time.perf_counter()))
        finally:
            if worker.returncode is None:
                worker.kill()
            os.close(stdout_r)
    elapsed = (time.perf_counter() - started) * 1000
    if worker.returncode != 0 or not out:
        # Killed by a limit (SIGKILL, SIGSEGV on a failed allocation, SIGXFSZ on a write, SIGXCPU) or crashed.
        return Outcome(False, "timeout" if worker.returncode == -signal.SIGXCPU else
                       "memory" if worker.returncode in (-9, -11, -6) else "crashed",
                       f"worker exit status {worker.returncode}", elapsed_ms=elapsed)
    return outcome_of(json.loads(out))


def outcome_of(answer: dict) -> Outcome:
    """The worker's JSON answer as an Outcome with a table of distinct column names."""
    if not answer["ok"]:
        return Outcome(False, answer["kind"], answer["message"])
    table = pa.Table.from_arrays([_array(values) for values in answer["data"]], names=unique_names(answer["columns"]))
    return Outcome(True, table=table, truncated=answer["truncated"], cut_by=answer["cut_by"],
                   elapsed_ms=answer["elapsed_ms"])


def _array(values: list) -> pa.Array:
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):  # the worker sends one type per column; in case
        return pa.array([None if v is None else str(v) for v in values])


def unique_names(columns: list[str]) -> list[str]:
    """select 1 a, 2 a, 3 a_2 is legal SQL; a DataFrame needs distinct names: a, a_3, a_2 (never a taken name)."""
    taken = set(columns)
    seen: set[str] = set()
    result = []
    for name in columns:
        if name in seen:
            n = 2
            while f"{name}_{n}" in taken:
                n += 1
            name = f"{name}_{n}"
            taken.add(name)
        seen.add(name)
        result.append(name)
    return result
