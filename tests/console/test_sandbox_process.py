"""The SQL console's worker processes as the operating system sees them: lower priority than the app, a CPU-time
limit of their own, dead when the app dies; and the database copy in /tmp does not outlive the app."""

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

from jiangbei.app import db
from jiangbei.console import runner
from tests.conftest import ROOT

LONG_QUERY = "select count(*) from range(1000000000000)"


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
    except OSError:
        return []


def workers_of(app: int) -> list[int]:
    """Pids of the sandbox workers among the descendants of `app` (they are forked by its launcher)."""
    found, stack = [], _children(app)
    while stack:
        pid = stack.pop()
        stack += _children(pid)
        try:
            if b"jiangbei.console.worker" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            pass
    return found


def wait_for(predicate, timeout_s: float = 10):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_worker_runs_niced_with_a_cpu_limit():
    thread = threading.Thread(target=runner.run, args=(LONG_QUERY, db.sandbox_database()))
    thread.start()
    try:
        pids = wait_for(lambda: workers_of(os.getpid()))
        assert pids, "no worker started"
        # The worker lowers its own priority and sets its limits after start-up: wait for the CPU limit.
        limits = wait_for(lambda: "Max cpu time" in (text := Path(f"/proc/{pids[0]}/limits").read_text())
                          and f"{runner.CPU_LIMIT_S}" in text.split("Max cpu time")[1].split("\n")[0] and text)
        assert limits, "RLIMIT_CPU was not set"
        nice = int(Path(f"/proc/{pids[0]}/stat").read_text().rsplit(")", 1)[1].split()[16])
        assert nice >= os.getpriority(os.PRIO_PROCESS, 0) + 10
    finally:
        # Seen what we came for: end the worker now rather than wait out the 5 s limit (the limit has its own tests).
        for pid in workers_of(os.getpid()):
            os.kill(pid, signal.SIGKILL)
        thread.join(runner.TIME_LIMIT_S + 5)


def test_killing_the_app_kills_its_worker(tmp_path):
    app = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from jiangbei.console import runner
        from pathlib import Path
        path = runner.build_readonly_database(Path({str(ROOT / 'data')!r}))
        runner.run({LONG_QUERY!r}, path, time_limit_s=60)
        """)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pids: list[int] = []
    try:
        pids = wait_for(lambda: workers_of(app.pid), 30)
        assert pids, "no worker started"
        time.sleep(0.5)  # the worker has set up its death signal
        app.send_signal(signal.SIGKILL)
        app.wait()
        assert wait_for(lambda: not any(alive(p) for p in pids), 5), "the worker outlived the app"
    finally:
        if app.poll() is None:
            app.kill()
        for pid in pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_database_copy_is_removed_when_the_app_exits():
    before = set(Path(tempfile.gettempdir()).glob(f"{runner.SANDBOX_PREFIX}*"))
    made = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from jiangbei.console import runner
        from pathlib import Path
        print(runner.build_readonly_database(Path({str(ROOT / 'data')!r})))
        """)], cwd=ROOT, capture_output=True, text=True, check=True)
    path = Path(made.stdout.strip().splitlines()[-1])
    assert path.name == "jiangbei.duckdb"
    assert not path.parent.exists()
    assert set(Path(tempfile.gettempdir()).glob(f"{runner.SANDBOX_PREFIX}*")) <= before


def test_copies_of_killed_apps_are_removed_at_the_next_start(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{runner.SANDBOX_PREFIX}{dead.pid}-abc"
    stale.mkdir()
    (stale / "jiangbei.duckdb").write_bytes(b"x")
    mine = tmp_path / f"{runner.SANDBOX_PREFIX}{os.getpid()}-def"
    mine.mkdir()
    assert runner.remove_stale_copies(str(tmp_path)) == [str(stale)]
    assert not stale.exists() and mine.exists()


def test_a_worker_that_runs_out_of_cpu_seconds_is_stopped(monkeypatch):
    # With the wall-clock limit far away, the worker's own RLIMIT_CPU (SIGXCPU) ends a runaway query.
    monkeypatch.setattr(runner, "CPU_LIMIT_S", 1)
    started = time.perf_counter()
    outcome = runner.run(LONG_QUERY, db.sandbox_database(), time_limit_s=30)
    assert (outcome.ok, outcome.kind) == (False, "timeout")
    assert time.perf_counter() - started < 15
