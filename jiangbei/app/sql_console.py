"""The SQL console's state: which SQL to run, running it in the sandbox fairly, caching results by bytes, and
saying what happened.

Memory: a result is held once, in a process-wide cache bounded by bytes (ResultCache); hits hand out the same
object, never a copy, and a session keeps only the SQL it ran, not the result. Fairness: every session has a small
budget of worker seconds that refills over time, and the sandbox's queue lets at most two workers run at once,
one per visitor (visitor()), so one browser's many tabs never hold both.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

import streamlit as st

from jiangbei.app import db
from jiangbei.console import runner
from jiangbei.presentation.i18n import ngettext, t

CACHE_BYTES = 48 * 1024 * 1024  # all cached results together, as pandas holds them
CACHE_TTL_S = 600
SESSION_BUDGET_S = 15.0  # worker seconds a session may spend at once ...
SESSION_REFILL_PER_S = 0.25  # ... refilled at this rate (15 s a minute)
# Only answers that depend on the SQL alone are cached; a time-out, memory or crash may come from load, and a
# cached one would fail a shared link for everyone for CACHE_TTL_S.
CACHED_FAILURES = ("empty", "too_long", "syntax", "not_allowed", "error", "too_wide")


def outcome_bytes(outcome: runner.Outcome) -> int:
    """What an outcome costs in memory: its Arrow buffers, plus a small fixed part."""
    return outcome.table.nbytes + len(outcome.message) + 1024


class ResultCache:
    """A least-recently-used cache of outcomes bounded by total bytes and age; thread-safe, no copy per hit."""

    def __init__(self, max_bytes: int, ttl_s: float):
        self.max_bytes, self.ttl_s = max_bytes, ttl_s
        self._entries: OrderedDict[tuple, tuple[float, int, runner.Outcome]] = OrderedDict()
        self._lock = threading.Lock()
        self.total = 0

    def get(self, key: tuple) -> runner.Outcome | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if time.monotonic() - entry[0] > self.ttl_s:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry[2]

    def put(self, key: tuple, outcome: runner.Outcome) -> None:
        size = outcome_bytes(outcome)
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic(), size, outcome)
            self.total += size
            while self.total > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: tuple) -> None:
        _, size, _ = self._entries.pop(key)
        self.total -= size

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.total = 0


results = ResultCache(CACHE_BYTES, CACHE_TTL_S)


class SessionBudget:
    """A token bucket of worker seconds for one session: a query may start while the bucket is above zero."""

    def __init__(self, capacity_s: float | None = None, refill_per_s: float | None = None):
        self.capacity_s = SESSION_BUDGET_S if capacity_s is None else capacity_s
        self.refill_per_s = SESSION_REFILL_PER_S if refill_per_s is None else refill_per_s
        self.tokens = self.capacity_s
        self.updated = time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.capacity_s, self.tokens + (now - self.updated) * self.refill_per_s)
        self.updated = now

    def wait_s(self) -> float:
        """Seconds until a query may start (0: now)."""
        self._refill()
        return 0.0 if self.tokens > 0 else -self.tokens / self.refill_per_s + 0.1

    def spend(self, seconds: float) -> None:
        self._refill()
        self.tokens -= seconds


def _budget() -> SessionBudget:
    if "sql_budget" not in st.session_state:
        st.session_state["sql_budget"] = SessionBudget()
    return st.session_state["sql_budget"]


XSRF_COOKIE = "_streamlit_xsrf"  # set by Streamlit on the first page load, sent by every tab of that browser
NO_COOKIE = "no-cookie"


def visitor() -> str:
    """Who is asking, for the sandbox queue's fair share: one browser, all its tabs together.

    Community Cloud shows the app no client address, but every tab of a browser sends the cookie Streamlit set
    for XSRF protection; its token (not the per-load mask) names the browser. A session without it (a script, a
    browser that blocks the cookie) is a visitor of its own: one visitor for them all would let one script starve
    every cookie-less reader. So a script opening many connections, or forging tokens, still gets a share per
    connection, held by each session's worker-second budget and the queue's bound; the ten tabs of one browser
    get one share.
    """
    try:
        raw = st.context.cookies.get(XSRF_COOKIE)
    except Exception:  # noqa: BLE001 - no context (a thread, a bare run)
        raw = None
    named = visitor_of(raw)
    if named != NO_COOKIE:
        return named
    if "sql_visitor" not in st.session_state:
        st.session_state["sql_visitor"] = f"session-{uuid.uuid4().hex}"
    return st.session_state["sql_visitor"]


def visitor_of(raw) -> str:
    """The visitor named by a raw XSRF cookie value (see visitor)."""
    if not isinstance(raw, str) or not raw:
        return NO_COOKIE
    try:
        from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

        token = decode_xsrf_token_string(raw)[0]
    except Exception:  # noqa: BLE001 - an unreadable value still names one browser
        token = None
    return "browser-" + hashlib.sha256(token if isinstance(token, bytes) else raw.encode()).hexdigest()[:16]


def cached(sql: str) -> runner.Outcome | None:
    return results.get((sql, db.sandbox_database()))


def run(sql: str) -> runner.Outcome:
    """The outcome of a visitor's SQL: from the cache, else run in the sandbox if this session's budget allows."""
    key = (sql, db.sandbox_database())
    hit = results.get(key)
    if hit is not None:
        return hit
    budget = _budget()
    wait = budget.wait_s()
    if wait > 0:
        return runner.Outcome(False, "cooldown", f"{wait:.0f} s")
    started = time.monotonic()
    outcome = runner.run(sql, key[1], visitor=visitor())
    budget.spend(time.monotonic() - started if outcome.kind != "busy" else 0.0)
    if outcome.ok or outcome.kind in CACHED_FAILURES:
        results.put(key, outcome)
    return outcome


def session_outcome(sql: str, run_now: bool) -> tuple[str, runner.Outcome] | None:
    """(SQL, outcome) to show on the page: run now, or the session's last query again (from the cache)."""
    state = st.session_state
    if run_now:
        outcome = run(sql)
        state["sql_ran"] = sql
        state["sql_failure"] = None if outcome.ok else outcome  # a failure holds no rows; a result is not kept
        return sql, outcome
    if "sql_ran" not in state:
        return None
    ran = state["sql_ran"]
    return ran, state.get("sql_failure") or run(ran)


class ExportUnavailable(Exception):
    """The result left the cache and running it again failed (busy, time-out): no file of it can be made."""


def result_for_export(sql: str, who: str | None = None) -> runner.Outcome:
    """At a download click (outside the script run): the cached result, else the query run again (as visitor
    who, taken during the run); raises ExportUnavailable rather than give an empty file."""
    key = (sql, db.sandbox_database())
    outcome = results.get(key) or runner.run(sql, key[1], visitor=who)
    if not outcome.ok:
        raise ExportUnavailable(outcome.kind)
    return outcome


def failure_message(outcome: runner.Outcome, lang: str) -> tuple[str, str]:
    """(message in lang, DuckDB's own message or detail) for a failed outcome."""
    fields = {"seconds": f"{runner.TIME_LIMIT_S:g}", "chars": f"{runner.MAX_SQL_CHARS:,}",
              "position": f"{outcome.position:,}", "columns": f"{runner.MAX_COLUMNS:,}",
              "wait": outcome.message.removesuffix(" s") if outcome.kind == "cooldown" else ""}
    key = {"empty": "sql_empty", "too_long": "sql_too_long", "syntax": "sql_syntax", "not_allowed": "sql_not_allowed",
           "timeout": "sql_timeout", "memory": "sql_memory", "too_big": "sql_too_big",
           "busy": "sql_queue_busy" if outcome.position else "sql_busy", "cooldown": "sql_cooldown",
           "too_wide": "sql_too_wide", "crashed": "sql_crashed"}.get(outcome.kind, "sql_error")
    detail = outcome.message if outcome.kind in ("syntax", "error", "not_allowed") else ""
    if key == "sql_queue_busy":  # a count of queries ahead
        return ngettext("sql_queue_busy", outcome.position, lang, **fields), detail
    return t(key, lang, **fields), detail


def truncation_message(outcome: runner.Outcome, lang: str) -> str:
    """'First N rows shown' and why: the row limit, or the answer's size."""
    n = f"{outcome.table.num_rows:,}"
    if outcome.cut_by == "rows":
        return t("sql_truncated", lang, rows=n)
    return ngettext("sql_truncated_size", outcome.table.num_rows, lang, rows=n, cells=f"{runner.MAX_CELLS:,}",
                    mb=f"{runner.MAX_HELD_BYTES / 1024 / 1024:g}")
