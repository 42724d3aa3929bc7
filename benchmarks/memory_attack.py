"""Memory attack on the SQL console: `python -m benchmarks.memory_attack [--root DIR] [--scenarios abcd]`.

Each scenario starts a fresh `streamlit run dashboard.py` on a free loopback port, samples the RSS of the whole
process tree (the server and every sandbox worker) every 50 ms from /proc, drives sessions through Streamlit's own
websocket protocol (as benchmarks/sessions.py does), and prints one line per scenario (markdown table rows).
--root runs another checkout of the app (e.g. an export of the code before a change), for before/after numbers.

(a) eight distinct 650-column answers in eight sessions; (b) five sessions holding the 300-column empty-list link;
(c) the 20-million-character answer; (d) ten attackers for a minute while a visitor reloads topic pages;
(e) ten sessions each sending one 20 MB widget value; (f) twenty sessions each downloading all four formats of a
distinct ~4 MB console answer (Streamlit's deferred-download request, then the file's URL), with a visitor's plain
explorer download timed meanwhile; "after" for (f) is also read two minutes after the burst; (g) one browser's ten
tabs (one XSRF cookie) reloading links of ~5 s queries while another browser runs `select 1` every 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.servers import ROOT, Server
from benchmarks.sessions import rerun

SAMPLE_S = 0.05
SETTLE_S = 10  # after the sessions close, wait this long before reading "after"
WIDE = "select " + ", ".join(["*"] * 650) + " from (select 0 as z from range(10001)) -- {i}"
EMPTY_LISTS = "select " + ", ".join(["*"] * 300) + " from (select []::int[] as z from range(10001))"
LONG_TEXT = "select repeat(chr(1), 20000000)"
# About five seconds of one core on this machine, or killed at the console's time limit.
CPU_BURN = "select count(*) from range(60000000) t where hash(t.range + {i}) % 7 = 0"
TOPIC_PAGES = ["economy", "investment", "trade", "livelihood", ""]
HUGE_VALUE_MB = 20
# ~4 MB as the app holds it (cut by the console's byte budget): 2,000-character text rows, distinct per session.
FOUR_MB = "select repeat('x', 1990) || range || ' {i}' as s from range(10000)"
FORMATS = ("CSV", "Excel", "JSON", "Parquet")
AFTER_BURST_S = 120


def rss_mb(pid: int) -> float:
    try:
        return next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                    if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def tree_rss_mb(pid: int, skip_unexeced: bool = False) -> float:
    """RSS of pid and all its descendants, from /proc (no psutil in the venv).

    skip_unexeced leaves out a child caught between fork and exec: it still shows the app's command line and
    its RSS is the app's own pages, shared, not memory of its own.
    """
    total_kb, stack, seen = 0, [pid], set()
    try:
        app_cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return 0.0
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            unexeced = current != pid and Path(f"/proc/{current}/cmdline").read_bytes() == app_cmdline
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:") and not (skip_unexeced and unexeced):
                    total_kb += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return total_kb / 1024


class Sampler:
    """Samples the tree's RSS every 50 ms in a thread; peak() since the last reset."""

    def __init__(self, pid: int):
        self.pid, self.samples, self.app_samples, self._stop = pid, [], [], threading.Event()
        self.exec_samples: list[float] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(tree_rss_mb(self.pid))
            self.exec_samples.append(tree_rss_mb(self.pid, skip_unexeced=True))
            self.app_samples.append(rss_mb(self.pid))
            time.sleep(SAMPLE_S)

    def peak(self) -> float:
        return max(self.samples)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _stream(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


def browser_cookie() -> dict[str, str]:
    """The cookie Streamlit gives a browser on its first page load (one per browser, sent by all its tabs)."""
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    return {"Cookie": "_streamlit_xsrf=" + generate_xsrf_token_string()}


async def _open_sql(url: str, sql: str, timeout_s: float = 120) -> float:
    """One session opening a /sql?sql= link, then closing."""
    query = "lang=en&sql=" + urllib.parse.quote(sql)
    async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None) as ws:
        return await rerun(ws, "sql", query, timeout_s)


async def _hold_all(url: str, sqls: list[str]) -> list[float]:
    """Every session opens its link; all stay connected until the last has its answer, then all close."""
    hold = asyncio.Event()
    finished: list[float] = []

    async def one(sql):
        query = "lang=en&sql=" + urllib.parse.quote(sql)
        async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None) as ws:
            finished.append(await rerun(ws, "sql", query, 120))
            await hold.wait()

    tasks = [asyncio.create_task(one(sql)) for sql in sqls]
    while len(finished) < len(sqls) and not any(t.done() for t in tasks):
        await asyncio.sleep(0.2)
    await asyncio.sleep(2)  # the answers held for a moment, as open tabs would
    hold.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return finished


async def _attack(url: str, seconds: float, attackers: int) -> tuple[list[float], int]:
    """Attackers open fresh sessions with heavy SQL for `seconds`; a visitor reloads topic pages meanwhile."""
    stop_at = time.monotonic() + seconds
    visitor_ms: list[float] = []
    counter = iter(range(1_000_000))

    async def attacker(n):
        while time.monotonic() < stop_at:
            i = next(counter)
            sql = WIDE.format(i=i) if i % 2 else CPU_BURN.format(i=i)
            try:
                await _open_sql(url, sql, timeout_s=60)
            except Exception:  # noqa: BLE001 - a refused or dropped session is part of the attack
                await asyncio.sleep(0.5)

    async def visitor():
        async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None) as ws:
            i = 0
            while time.monotonic() < stop_at:
                visitor_ms.append(await rerun(ws, TOPIC_PAGES[i % len(TOPIC_PAGES)], "lang=en", 60))
                i += 1

    await asyncio.gather(visitor(), *(attacker(n) for n in range(attackers)))
    return visitor_ms, next(counter)


async def _huge_value(url: str, i: int) -> str:
    """One session sends a rerun carrying a 20 MB value for a made-up widget; how the server answered."""
    message = BackMsg()
    message.rerun_script.query_string = "lang=en"
    message.rerun_script.page_name = "sql"
    widget = message.rerun_script.widget_states.widgets.add()
    widget.id, widget.string_value = f"$$ID-attack-{i}", "x" * (HUGE_VALUE_MB * 1_000_000)
    try:
        async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None) as ws:
            await ws.send(message.SerializeToString())
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await asyncio.wait_for(ws.recv(), 60))
                if forward.WhichOneof("type") == "script_finished":
                    return "ran"
    except websockets.ConnectionClosed as closed:
        return f"closed {closed.rcvd.code if closed.rcvd else ''}"
    except Exception as err:  # noqa: BLE001 - any refusal is an outcome to count
        return type(err).__name__


async def _all_huge_values(url: str, sessions: int) -> list[str]:
    return list(await asyncio.gather(*(_huge_value(url, i) for i in range(sessions))))


async def _rerun_collect(ws, page: str, query: str, timeout_s: float = 120) -> dict[str, str]:
    """Rerun page; the deferred file ids of its download buttons by label (and "session": the session's id)."""
    message = BackMsg()
    message.rerun_script.query_string, message.rerun_script.page_name = query, page
    await ws.send(message.SerializeToString())
    buttons: dict[str, str] = {}
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout_s))
        kind = forward.WhichOneof("type")
        if kind == "new_session" and forward.new_session.initialize.session_id:
            buttons["session"] = forward.new_session.initialize.session_id
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element" and \
                forward.delta.new_element.WhichOneof("type") == "download_button":
            button = forward.delta.new_element.download_button
            if button.deferred_file_id:
                buttons.setdefault(button.label, button.deferred_file_id)
        if kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return buttons


async def _download(ws, url: str, session: str, file_id: str, request_id: str,
                    timeout_s: float = 300) -> tuple[int, float]:
    """Click a deferred download button: ask for the file, then fetch its URL. (bytes, seconds)."""
    started = time.perf_counter()
    message = BackMsg()
    message.backend_operation_request.request_id = request_id
    message.backend_operation_request.session_id = session
    message.backend_operation_request.deferred_file.file_id = file_id
    await ws.send(message.SerializeToString())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout_s))
        if forward.WhichOneof("type") == "backend_operation_response" and \
                forward.backend_operation_response.request_id == request_id:
            response = forward.backend_operation_response
            break
    if response.error_msg:
        raise RuntimeError(response.error_msg)
    body = await asyncio.to_thread(lambda: urllib.request.urlopen(url + response.deferred_file.url, timeout=60).read())
    return len(body), time.perf_counter() - started


async def _export_burst(url: str, sessions: int) -> tuple[int, int, int, list[float], float]:
    """Each session shows a distinct ~4 MB answer (trying again while the console is busy) and downloads all four
    formats; a visitor meanwhile downloads the explorer's CSV again and again. (files, failed downloads, busy
    answers tried again, the visitor's download seconds, burst seconds)."""
    failures, files, busy, visitor_s = 0, 0, 0, []
    done = asyncio.Event()

    async def one(i):
        nonlocal failures, files, busy
        cookie = browser_cookie()  # twenty browsers
        query = "lang=en&sql=" + urllib.parse.quote(FOUR_MB.format(i=i))
        while True:
            async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None,
                                          additional_headers=cookie) as ws:
                buttons = await _rerun_collect(ws, "sql", query)
                if "CSV" not in buttons:  # "the console is busy": as a person would, open the link again
                    busy += 1
                    await asyncio.sleep(1)
                    continue
                for n, label in enumerate(FORMATS):
                    try:
                        await _download(ws, url, buttons["session"], buttons[label], f"{i}-{n}")
                        files += 1
                    except Exception:  # noqa: BLE001 - counted
                        failures += 1
                return

    async def visitor():
        async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None) as ws:
            buttons = await _rerun_collect(ws, "explorer", "lang=en")
            n = 0
            while not done.is_set():
                try:
                    visitor_s.append((await _download(ws, url, buttons["session"], buttons["CSV"], f"v{n}"))[1])
                except Exception:  # noqa: BLE001 - a 404 or a refusal: counted as a failure of the burst
                    nonlocal failures
                    failures += 1
                n += 1
                await asyncio.sleep(0.5)

    started = time.perf_counter()
    watcher = asyncio.create_task(visitor())
    await asyncio.gather(*(one(i) for i in range(sessions)))
    seconds = time.perf_counter() - started
    done.set()
    await watcher
    return files, failures, busy, visitor_s, seconds


async def _fairness(url: str, seconds: float, tabs: int = 10) -> tuple[list[float], int, int]:
    """One browser's tabs run heavy queries for `seconds`; another browser's `select 1` (distinct each time, so
    never cached) every 2 s. (its latencies in s, how many were refused as busy, heavy queries started)."""
    heavy_cookie, other_cookie = browser_cookie(), browser_cookie()
    stop_at = time.monotonic() + seconds
    latencies, refused, counter = [], 0, iter(range(1_000_000))

    async def tab():  # reloads its link with a new query again and again: a fresh session, a fresh budget
        while time.monotonic() < stop_at:
            async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None,
                                          additional_headers=heavy_cookie) as ws:
                query = "lang=en&sql=" + urllib.parse.quote(CPU_BURN.format(i=next(counter)))
                await rerun(ws, "sql", query, 60)

    async def other():
        nonlocal refused
        await asyncio.sleep(2)  # the tabs hold what they can first
        n = 0
        while time.monotonic() < stop_at:
            async with websockets.connect(_stream(url), subprotocols=["streamlit"], max_size=None,
                                          additional_headers=other_cookie) as ws:
                sql = f"select 1 as one -- {n}"
                started = time.perf_counter()
                busy = await _rerun_text(ws, "sql", "lang=en&sql=" + urllib.parse.quote(sql), "busy")
                latencies.append(time.perf_counter() - started)
                refused += busy
            n += 1
            await asyncio.sleep(2)

    await asyncio.gather(other(), *(tab() for _ in range(tabs)))
    return latencies, refused, next(counter)


async def _rerun_text(ws, page: str, query: str, word: str, timeout_s: float = 60) -> bool:
    """Rerun page; whether any text element of the run contains word."""
    message = BackMsg()
    message.rerun_script.query_string, message.rerun_script.page_name = query, page
    await ws.send(message.SerializeToString())
    seen = False
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout_s))
        kind = forward.WhichOneof("type")
        if kind == "delta" and word in str(forward.delta.new_element.alert.body):
            seen = True
        if kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return seen


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def scenario(root: Path, name: str, attack_seconds: float) -> str:
    server = Server("dashboard.py", cwd=root)
    try:
        asyncio.run(_hold_all(server.url, ["select 1"]))  # the database and the sandbox copy are built
        time.sleep(1)
        idle = tree_rss_mb(server.process.pid)
        sampler = Sampler(server.process.pid)
        started = time.perf_counter()
        extra = ""
        if name == "a":
            asyncio.run(_hold_all(server.url, [WIDE.format(i=i) for i in range(8)]))
        elif name == "b":
            asyncio.run(_hold_all(server.url, [EMPTY_LISTS] * 5))
        elif name == "c":
            asyncio.run(_hold_all(server.url, [LONG_TEXT]))
        elif name == "e":
            outcomes = asyncio.run(_all_huge_values(server.url, 10))
            extra = "sessions: " + ", ".join(f"{outcomes.count(o)}× {o}" for o in sorted(set(outcomes)))
        elif name == "f":
            files, failures, busy, visitor_s, burst_s = asyncio.run(_export_burst(server.url, 20))
            extra = (f"{files} files, {failures} failed ({busy} busy answers tried again); burst {burst_s:.0f} s; "
                     f"a visitor's plain CSV download "
                     f"during it: median {statistics.median(visitor_s):.2f} s, max {max(visitor_s):.2f} s "
                     f"({len(visitor_s)})")
        elif name == "g":
            latencies, refused, heavy = asyncio.run(_fairness(server.url, attack_seconds))
            extra = (f"the other browser's `select 1`: {len(latencies)} runs, {refused} refused as busy, median "
                     f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s; {heavy} heavy queries")
        elif name == "d":
            visitor_ms, attacks = asyncio.run(_attack(server.url, attack_seconds, 10))
            extra = (f"visitor: {len(visitor_ms)} reruns, p50 {statistics.median(visitor_ms):.0f} ms, "
                     f"p95 {p95(visitor_ms):.0f} ms; {attacks} attack sessions")
        seconds = time.perf_counter() - started
        time.sleep(SETTLE_S)
        after = tree_rss_mb(server.process.pid)
        if name == "f":
            time.sleep(AFTER_BURST_S - SETTLE_S)
            extra += f"; {tree_rss_mb(server.process.pid):.0f} MB {AFTER_BURST_S} s after"
        sampler.stop()
        return (f"| {name} | {idle:.0f} | {sampler.peak():.0f} | {max(sampler.exec_samples):.0f} | "
                f"{max(sampler.app_samples):.0f} | {after:.0f} | "
                f"{seconds:.0f} | {extra} |")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout of the app to run")
    parser.add_argument("--scenarios", default="abcd")
    parser.add_argument("--attack-seconds", type=float, default=60)
    args = parser.parse_args()
    print("| scenario | idle MB | peak MB (tree) | peak MB (tree, children past exec) | peak MB (app process) | "
          "MB 10 s after | s | notes |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in args.scenarios:
        print(scenario(args.root.resolve(), name, args.attack_seconds), flush=True)


if __name__ == "__main__":
    main()
