"""Server-side CPU per rerun of each page: `python -m benchmarks.profile_pages [--only economy,targets]`.

Starts a real `streamlit run dashboard.py`, opens one websocket session per page, and reruns the page; the CPU time
is the server process's user+system time (/proc) over the warm reruns, divided by their number, so it counts the
script, Streamlit's diffing and serialising, and every thread. The wall time per rerun is shown beside it.
--cprofile instead runs each page in-process under cProfile (Streamlit's AppTest) and prints the top functions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import threading
from pathlib import Path

import websockets

from benchmarks.run import APP_PAGES
from benchmarks.servers import ROOT, Server
from benchmarks.sessions import rerun

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def _profile(url: str, path: str, reruns: int, pid: int) -> tuple[float, float]:
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        for _ in range(3):  # warm: the database, the caches, the page's figures
            await rerun(ws, path, "lang=en", 60)
        cpu = cpu_seconds(pid)
        walls = [await rerun(ws, path, "lang=en", 60) for _ in range(reruns)]
        return (cpu_seconds(pid) - cpu) * 1000 / reruns, statistics.median(walls)


def cprofile(page: str, top: int) -> None:
    import cProfile
    import pstats

    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    if APP_PAGES[page]:
        app.switch_page(f"views/{page}.py").run()
    app.run()
    # The script runs in a thread of its own, which cProfile cannot reach from outside: profile every thread's run.
    profiler = cProfile.Profile()
    run = threading.Thread.run

    def profiled(thread):
        profiler.runcall(run, thread)

    threading.Thread.run = profiled
    try:
        for _ in range(5):
            app.run()
    finally:
        threading.Thread.run = run
    print(f"--- {page}: 5 reruns in AppTest")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default=",".join(APP_PAGES), help="comma-separated pages (default: all)")
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--cprofile", action="store_true", help="cProfile each page in-process instead")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    pages = [p for p in args.only.split(",") if p]
    if set(pages) - set(APP_PAGES):
        parser.error(f"unknown page(s): {sorted(set(pages) - set(APP_PAGES))}; pages: {', '.join(APP_PAGES)}")
    if args.cprofile:
        for page in pages:
            cprofile(page, args.top)
        return
    server = Server("dashboard.py")
    try:
        print(f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        print("| page | server CPU ms per rerun | wall ms per rerun (median) |\n|---|---:|---:|")
        for page in pages:
            cpu, wall = asyncio.run(_profile(server.url, APP_PAGES[page], args.reruns, server.process.pid))
            print(f"| {page} | {cpu:.0f} | {wall:.0f} |", flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
